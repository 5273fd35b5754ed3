/* SPDX-License-Identifier: ISC */
/* Site chrome: the lines a saved web page carries that are not the article
 * ("Leave a Reply", cookie notices, "Related Articles", reading times). */
#ifndef SCOTL_CHROME_H
#define SCOTL_CHROME_H

#include <stddef.h>

/* 1 when the line is page furniture that ends an article. */
int chrome_is_trailer(const char *line, size_t len);

/* 1 for reading-time lines: "1 minute, 48 seconds Read", "3 min read". */
int chrome_is_reading_time(const char *line, size_t len);

/* A new string: TEXT without reading-time lines, without the chrome and
 * blank lines at its end, and without blank lines at its start. The lines
 * that stay are kept byte for byte. */
char *chrome_strip(const char *text, size_t len);

#endif
