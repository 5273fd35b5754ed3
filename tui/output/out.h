/* SPDX-License-Identifier: ISC */
/* Writing data to standard output for people and scripts: text that never
 * carries a control sequence, padded by display width, and escaped JSON,
 * CSV and TSV fields. */
#ifndef SCOTL_OUT_H
#define SCOTL_OUT_H

#include <stdio.h>

struct buf;

/* What text from the data may keep of its layout. */
enum out_lines {
	OUT_NO_TABS = -1,       /* newlines and tabs become spaces (TSV) */
	OUT_ONE_LINE = 0,       /* newlines become spaces */
	OUT_KEEP_LINES = 1,     /* newlines and tabs stay */
	OUT_NAME = 2,           /* newlines and tabs show as U+FFFD: a file
	                         * name, a slug, a date can fake no line */
};

/* Text from a file, a file name or a database, with controls, bidi and
 * invisible characters and bytes that are not UTF-8 shown as U+FFFD;
 * LINES is an enum out_lines. Every output kind starts from this. */
void out_text(FILE *fp, const char *s, int lines);
void out_name(FILE *fp, const char *s);
/* The same, added to B: for messages built before they are printed and
 * for writers that add their own escapes (iCalendar). */
void out_clean(struct buf *b, const char *s, int lines);

/* Text padded with spaces to WIDTH terminal columns (never cut). */
void out_padded(FILE *fp, const char *s, int width);
int out_width(const char *s);

/* A JSON string, always valid UTF-8, with controls escaped. */
void out_json_string(FILE *fp, const char *s);
void out_json_string_or_null(FILE *fp, const char *s);
/* A CSV cell; one a spreadsheet would take for a formula (=, +, -, @,
 * tab, CR first, but a plain number) is quoted and starts with '. */
void out_csv_field(FILE *fp, const char *s);
void out_tsv_field(FILE *fp, const char *s);

#endif
