/* SPDX-License-Identifier: ISC */
/* Dates written in article text, in English, Russian and Chinese:
 * absolute ("28 October", "May 20", "June 2017", "2025-06-25", "18 августа
 * 2022 года", "18.08.2022", "2022年8月18日"), a month alone ("in June",
 * "в апреле", "6月"), ranges ("April 2-3, 2024", "31 August – 1
 * September 2025", "с 18 по 19 августа", "8月18日至19日") and ranges of
 * months ("1-2月份", "2018年1月至3月"), days alone ("the 18th and 19th of
 * this month", "本月18日", "18-го числа") and dates
 * relative to the publication date ("on Wednesday", "last week", "this
 * year", "вчера", "на прошлой неделе", "上周", "下个月"), each resolved to a
 * date with its precision.
 *
 * A day and month without a year is the next such day on or after the
 * publication date when its sentence speaks of what will happen ("will be
 * held", "is scheduled for", "состоится", "将于"), the latest on or before
 * it when the sentence is past, else the nearest; the nearest word of
 * tense decides. A weekday is on or before the publication date unless its
 * sentence looks ahead. Latin words written with look-alike letters of
 * other scripts (a Cyrillic "с" in "Oсtober") are read as Latin, Cyrillic
 * words as Cyrillic. */
#ifndef SCOTL_DATES_H
#define SCOTL_DATES_H

#include <stddef.h>

#include "scotl/date.h"

struct date_found {
	size_t start, end;      /* bytes of the text */
	struct date_span when;
	int relative;           /* resolved against the publication date */
	int sentence;           /* index of the sentence it is in */
	int tense;              /* 1: its sentence speaks of what will happen
	                         * (an announcement), -1: of what happened,
	                         * 0: neither */
	int dateline;           /* the news item's dateline, the day of the
	                         * report: "BEIJING, Sept. 16 (Xinhua) --",
	                         * "Пекин, 16 мая /Синьхуа/ --",
	                         * "北京5月16日电" */
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
