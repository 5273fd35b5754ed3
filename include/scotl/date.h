/* SPDX-License-Identifier: ISC */
/* Dates of events: a day, a month, a year or an approximate time, alone or
 * as a range, with the first and last day they can mean so that "2022-05"
 * sorts and filters correctly against "2022-05-16". */
#ifndef SCOTL_DATE_H
#define SCOTL_DATE_H

#include <limits.h>
#include <stddef.h>

#include "scotl/util.h"

enum date_precision {
	DATE_DAY,
	DATE_MONTH,
	DATE_YEAR,
	DATE_APPROX,
};

struct date_span {
	char start[16];         /* as written: "2022-05-16", "2022-05", "~2021" */
	char end[16];           /* empty unless a range */
	enum date_precision precision;
	char first[11];         /* first day it can mean, YYYY-MM-DD */
	char last[11];          /* last day it can mean */
};

/* Parses "2022-05-16", "2022-05", "2022", "~2021", "~2021-08" or a range
 * "A..B". Fails with a message naming the text when it is not a date. */
int date_parse(const char *text, struct date_span *out, struct err *e);

/* Rebuilds a date_span from the stored start, end and precision. */
int date_from_parts(const char *start, const char *end, struct date_span *out,
    struct err *e);

/* The compact display form: "2022-05-16..19", "2022-05", "~2021". */
void date_format(const struct date_span *d, char *out, size_t size);

const char *date_precision_name(enum date_precision p);
int date_precision_parse(const char *name, enum date_precision *out);

/* Days in a month of the proleptic Gregorian calendar. */
int date_days_in_month(int year, int month);

/* Days since 1970-01-01 and back, and the weekday (0 Monday .. 6 Sunday),
 * for resolving "on Wednesday" and "last week". */
long date_to_days(int year, int month, int day);
void date_from_days(long days, int *year, int *month, int *day);
int date_weekday(long days);
/* "YYYY-MM-DD" to days (negative before 1970); DATE_NO_DAYS when it is
 * not a full date. */
#define DATE_NO_DAYS LONG_MIN
long date_parse_days(const char *iso);
void date_format_days(long days, char out[11]);

#endif
