/* SPDX-License-Identifier: ISC */
/* Scripts as a search sees them: those written without spaces between
 * words (Chinese, Japanese, Korean with its particles, Thai, Lao, Khmer,
 * Burmese), where a word is found inside a run of letters and not as a
 * token; and the case of the alphabets that have one. */
#ifndef SCOTL_SCRIPT_H
#define SCOTL_SCRIPT_H

#include <stddef.h>

/* 1 when CP is a letter of a script written without spaces. */
int script_unspaced(unsigned long cp);
/* 1 when the N bytes at S (UTF-8) hold such a letter. */
int script_has_unspaced(const char *s, size_t n);
/* The characters of S (UTF-8; a byte that is not counts as one). */
size_t script_chars(const char *s);
/* CP in lower case: Latin (ASCII, Latin-1, Latin Extended-A), Greek,
 * Cyrillic and Armenian; any other character as it is. */
unsigned long script_fold(unsigned long cp);
/* The length in S (LEFT bytes) of NEEDLE (N bytes) found at S with case
 * folded, or 0. Bytes that are not UTF-8 compare as bytes. */
size_t script_match_folded(const char *s, size_t left, const char *needle,
    size_t n);

#endif
