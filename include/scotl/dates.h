/* SPDX-License-Identifier: ISC */
/* Dates written in article text: absolute ("28 October", "May 20",
 * "June 2017", "2025-06-25", "March 2023") and relative to the
 * publication date ("on Wednesday", "last week", "this year", "last
 * month", "next month", "earlier this year"), each resolved to a date
 * with its precision. A weekday is the nearest such day on or before the
 * publication date, unless its sentence speaks of what will happen. Month
 * and weekday names written with look-alike letters of other scripts (a
 * Cyrillic "с" in "Oсtober") are read as the Latin ones. */
#ifndef SCOTL_DATES_H
#define SCOTL_DATES_H

#include <stddef.h>

#include "scotl/date.h"

struct date_found {
	size_t start, end;      /* bytes of the text */
	struct date_span when;
	int relative;           /* resolved against the publication date */
	int sentence;           /* index of the sentence it is in */
};

/* Every date in TEXT (UTF-8). PUBLISHED is YYYY-MM-DD or NULL; without
 * it, only dates that need no publication date are found. Returns how
 * many were found; *out is allocated (free it). */
int dates_find(const char *text, size_t len, const char *published,
    struct date_found **out);

/* The lower-case Latin letter a Cyrillic or Greek letter looks like
 * ("с" is "c"), or 0; mention.c reads names written with them too. */
char dates_lookalike(unsigned long cp);

#endif
