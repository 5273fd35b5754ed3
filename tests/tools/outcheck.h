/* SPDX-License-Identifier: ISC */
/* Checks of what scotl writes for other programs and for the terminal,
 * shared by the writers' fuzz target (tests/fuzz/fuzz_writers.c) and the
 * outcheck command the shell tests run (tests/tools/outcheck-main.c). Each
 * returns NULL when the output is fit, else a message saying where it is
 * not (in a static buffer, overwritten by the next call). */
#ifndef SCOTL_TESTS_OUTCHECK_H
#define SCOTL_TESTS_OUTCHECK_H

#include <stddef.h>

/* Valid UTF-8 with no control, bidi or invisible character, but newline
 * and tab, and CR when CRLF is set and it comes before a newline. */
const char *outcheck_text(const char *s, size_t len, int crlf);

/* One JSON value (RFC 8259) and nothing else, in valid UTF-8, with no
 * raw control byte even where JSON allows one between tokens (tab and
 * newline excepted). */
const char *outcheck_json(const char *s, size_t len);

/* The same, and every string under the key "headline", "text" or "group"
 * holds no '<' or '>' once decoded: TimelineJS reads them as HTML. */
const char *outcheck_timelinejs(const char *s, size_t len);

/* RFC 4180 records ending in CRLF, with balanced quotes, all with as many
 * fields as the first, and no cell a spreadsheet would run as a formula
 * (one starting with =, +, -, @, tab or CR that is not a plain number). */
const char *outcheck_csv(const char *s, size_t len);

/* RFC 5545: CRLF lines of at most 75 octets, each valid UTF-8 by itself,
 * no bare CR or LF; unfolded, only the properties scotl writes, VEVENTs
 * balanced inside one VCALENDAR, and TEXT values with no unescaped ';'
 * or ',' and only valid backslash escapes. */
const char *outcheck_ics(const char *s, size_t len);

#endif
