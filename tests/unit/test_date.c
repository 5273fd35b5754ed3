/* SPDX-License-Identifier: ISC */
/* model/base/date.c: precisions, first and last days, ranges, bad dates. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/date.h"

static void
check(const char *text, const char *prec, const char *first, const char *last,
    const char *shown)
{
	struct date_span d;
	char buf[48], what[128];
	struct err e;

	snprintf(what, sizeof what, "'%s' parses", text);
	ok(date_parse(text, &d, &e) == 0, "%s", what);
	snprintf(what, sizeof what, "'%s' has precision %s", text, prec);
	is_str(date_precision_name(d.precision), prec, what);
	snprintf(what, sizeof what, "'%s' means %s..%s", text, first, last);
	ok(strcmp(d.first, first) == 0 && strcmp(d.last, last) == 0, "%s", what);
	if (strcmp(d.first, first) || strcmp(d.last, last))
		tap_diag("got %s..%s", d.first, d.last);
	date_format(&d, buf, sizeof buf);
	snprintf(what, sizeof what, "'%s' is shown as %s", text, shown);
	is_str(buf, shown, what);
}

static void
bad(const char *text, const char *why)
{
	struct date_span d;
	struct err e;

	e.msg[0] = '\0';
	ok(date_parse(text, &d, &e) != 0 && strstr(e.msg, text) != NULL,
	    "'%s' is refused, naming it (%s)", text, why);
}

int
main(void)
{
	check("2022-05-16", "day", "2022-05-16", "2022-05-16", "2022-05-16");
	check("2022-05", "month", "2022-05-01", "2022-05-31", "2022-05");
	check("2024-02", "month", "2024-02-01", "2024-02-29", "2024-02");
	check("2023-02", "month", "2023-02-01", "2023-02-28", "2023-02");
	check("1900-02", "month", "1900-02-01", "1900-02-28", "1900-02");
	check("2000-02", "month", "2000-02-01", "2000-02-29", "2000-02");
	check("2021", "year", "2021-01-01", "2021-12-31", "2021");
	check("~2021", "approximate", "2021-01-01", "2021-12-31", "~2021");
	check("~2021-08", "approximate", "2021-08-01", "2021-08-31", "~2021-08");
	check("2022-05-16..2022-05-19", "day", "2022-05-16", "2022-05-19",
	    "2022-05-16..19");
	check("2025-04-22..2025-05-10", "day", "2025-04-22", "2025-05-10",
	    "2025-04-22..05-10");
	check("2021-12-30..2022-01-02", "day", "2021-12-30", "2022-01-02",
	    "2021-12-30..2022-01-02");
	check("2021..2022", "year", "2021-01-01", "2022-12-31", "2021..2022");

	bad("", "empty");
	bad("2022-13", "month 13");
	bad("2022-02-30", "30 February");
	bad("2023-02-29", "not a leap year");
	bad("0000", "year 0");
	bad("22-05-16", "two-digit year");
	bad("2022/05/16", "slashes");
	bad("2022-05-16x", "trailing text");
	bad("2022-05-19..2022-05-16", "a range that ends before it starts");
	bad("2022-05..2022-05-19", "ends of different precision");
	bad("99999999999999999999", "a huge number");
	bad("2022-05-16..", "a range without an end");

	{
		struct date_span a, b;
		struct err e;

		/* The reason for first/last days: a month sorts before a day in
		 * it, and overlaps it. */
		date_parse("2022-05", &a, &e);
		date_parse("2022-05-16", &b, &e);
		ok(strcmp(a.first, b.first) < 0 && strcmp(a.last, b.first) >= 0,
		    "2022-05 starts before 2022-05-16 and overlaps it");
		ok(date_from_parts("2022-05-16", "2022-05-19", &a, &e) == 0 &&
		    strcmp(a.last, "2022-05-19") == 0, "date_from_parts joins a range");
	}
	{
		int y, m, d;

		is_int(date_to_days(1970, 1, 1), 0, "day 0 is 1970-01-01");
		is_int(date_to_days(2000, 3, 1), 11017, "2000-03-01, after a leap day");
		date_from_days(date_to_days(2024, 2, 29), &y, &m, &d);
		ok(y == 2024 && m == 2 && d == 29, "days and back: 2024-02-29");
		is_int(date_weekday(date_to_days(2021, 6, 23)), 2,
		    "2021-06-23 was a Wednesday");
		is_int(date_weekday(date_to_days(2022, 5, 15)), 6,
		    "2022-05-15 was a Sunday");
		ok(date_parse_days("2022-05") == DATE_NO_DAYS, "a month is not a day");
		is_int(date_parse_days("1969-12-31"), -1, "the day before 1970 is -1");
	}
	return tap_done();
}
