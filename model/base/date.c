/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "scotl/date.h"

static const char *const date_precision_names[] = {
	[DATE_DAY] = "day",
	[DATE_MONTH] = "month",
	[DATE_YEAR] = "year",
	[DATE_APPROX] = "approximate",
};

const char *
date_precision_name(enum date_precision p)
{
	return date_precision_names[p];
}

int
date_precision_parse(const char *name, enum date_precision *out)
{
	size_t i;

	for (i = 0; i < sizeof date_precision_names / sizeof *date_precision_names; i++) {
		if (strcmp(name, date_precision_names[i]) == 0) {
			*out = (enum date_precision)i;
			return 0;
		}
	}
	return -1;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month == 2 && leap)
		return 29;
	return days[month - 1];
}

/* Reads exactly n digits; returns the number or -1. */
static int
date_digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* One point in time: YYYY, YYYY-MM or YYYY-MM-DD, optionally after '~'. */
struct date_point {
	int year, month, day;   /* month and day 0 when not given */
	int approx;
};

static int
date_parse_point(const char *s, size_t len, struct date_point *p)
{
	memset(p, 0, sizeof *p);
	if (len > 0 && s[0] == '~') {
		p->approx = 1;
		s++;
		len--;
	}
	if (len != 4 && len != 7 && len != 10)
		return -1;
	if ((p->year = date_digits(s, 4)) < 1)
		return -1;
	if (len >= 7) {
		if (s[4] != '-' || (p->month = date_digits(s + 5, 2)) < 1 ||
		    p->month > 12)
			return -1;
	}
	if (len == 10) {
		if (s[7] != '-' || (p->day = date_digits(s + 8, 2)) < 1 ||
		    p->day > date_days_in_month(p->year, p->month))
			return -1;
	}
	return 0;
}

static void
date_point_bounds(const struct date_point *p, char first[11], char last[11])
{
	int m0 = p->month ? p->month : 1, m1 = p->month ? p->month : 12;
	int d0 = p->day ? p->day : 1;
	int d1 = p->day ? p->day : date_days_in_month(p->year, m1);

	snprintf(first, 11, "%04d-%02d-%02d", p->year, m0, d0);
	snprintf(last, 11, "%04d-%02d-%02d", p->year, m1, d1);
}

static enum date_precision
date_point_precision(const struct date_point *p)
{
	if (p->approx)
		return DATE_APPROX;
	if (p->day)
		return DATE_DAY;
	return p->month ? DATE_MONTH : DATE_YEAR;
}

static int
date_point_text(const char *s, size_t len, char out[16])
{
	if (len >= 16)
		return -1;
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

int
date_parse(const char *text, struct date_span *out, struct err *e)
{
	const char *dots = strstr(text, "..");
	size_t len0 = dots ? (size_t)(dots - text) : strlen(text);
	struct date_point a, b;
	char first[11], last[11];

	memset(out, 0, sizeof *out);
	if (date_parse_point(text, len0, &a) != 0 ||
	    date_point_text(text, len0, out->start) != 0)
		goto bad;
	date_point_bounds(&a, out->first, out->last);
	out->precision = date_point_precision(&a);
	if (dots == NULL)
		return 0;
	if (date_parse_point(dots + 2, strlen(dots + 2), &b) != 0 ||
	    date_point_text(dots + 2, strlen(dots + 2), out->end) != 0)
		goto bad;
	if (date_point_precision(&b) != out->precision) {
		err_set(e, "date '%s': both ends of a range need the same precision", text);
		return -1;
	}
	date_point_bounds(&b, first, last);
	if (strcmp(first, out->first) < 0) {
		err_set(e, "date '%s': the range ends before it starts", text);
		return -1;
	}
	memcpy(out->last, last, sizeof last);
	return 0;
bad:
	err_set(e, "'%s' is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, ~YYYY or A..B)", text);
	return -1;
}

int
date_from_parts(const char *start, const char *end, struct date_span *out,
    struct err *e)
{
	char text[40];

	if (end != NULL && *end != '\0')
		snprintf(text, sizeof text, "%s..%s", start, end);
	else
		snprintf(text, sizeof text, "%s", start);
	return date_parse(text, out, e);
}

/* A range drops what it shares with its start: 2022-05-16..19,
 * 2022-05-16..06-02, 2021..2022. */
void
date_format(const struct date_span *d, char *out, size_t size)
{
	const char *end = d->end;
	size_t common = 0;

	if (*end == '\0') {
		snprintf(out, size, "%s", d->start);
		return;
	}
	if (d->precision == DATE_DAY)
		common = strncmp(d->start, end, 8) == 0 ? 8 :
		    strncmp(d->start, end, 5) == 0 ? 5 : 0;
	else if (d->precision == DATE_MONTH)
		common = strncmp(d->start, end, 5) == 0 ? 5 : 0;
	snprintf(out, size, "%s..%s", d->start, end + common);
}

/* Howard Hinnant's days_from_civil and civil_from_days. */
long
date_to_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_weekday(long days)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(((days % 7) + 7 + 3) % 7);
}

long
date_parse_days(const char *iso)
{
	struct date_span d;
	struct err e;
	int y, m, dd;

	if (iso == NULL || date_parse(iso, &d, &e) != 0 ||
	    d.precision != DATE_DAY || d.end[0] ||
	    sscanf(d.start, "%d-%d-%d", &y, &m, &dd) != 3)
		return DATE_NO_DAYS;
	return date_to_days(y, m, dd);
}

void
date_format_days(long days, char out[11])
{
	int y, m, d;

	date_from_days(days, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}
