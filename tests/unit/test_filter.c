/* SPDX-License-Identifier: ISC */
/* model/query/filter.c: the filter language, every construct and every error,
 * and a table of hostile inputs that must give a clean error or a
 * correct result, never a crash or an SQL error. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/events.h"
#include "scotl/filter.h"

static struct db *db;

/* The slugs of the events a filter keeps, in timeline order. */
static int
run(const char *text, char *out, size_t size)
{
	struct event_filter f;
	struct event_list l;
	struct err e;
	int col, i, rc;

	memset(&f, 0, sizeof f);
	out[0] = '\0';
	if (filter_compile(text, &f.expr, &col, &e) != 0) {
		snprintf(out, size, "error: %s", e.msg);
		return 1;
	}
	rc = events_window(db, &f, NULL, EVENTS_AFTER, 100, &l, &e);
	if (rc != 0)
		snprintf(out, size, "SQL: %s", e.msg);
	for (i = 0; rc == 0 && i < l.n; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "",
		    l.rows[i].slug);
	if (rc == 0)
		event_list_free(&l);
	filter_free(f.expr);
	return rc == 0 ? 0 : 2;
}

static void
keeps(const char *text, const char *want)
{
	char got[2048];

	run(text, got, sizeof got);
	is_str(got, want, text);
}

static void
fails(const char *text, const char *want, int want_col)
{
	struct filter *f;
	struct err e;
	int col;

	e.msg[0] = '\0';
	ok(filter_compile(text, &f, &col, &e) != 0 && strcmp(e.msg, want) == 0 &&
	    col == want_col, "'%s' is refused: %s", text, want);
	if (strcmp(e.msg, want) != 0 || col != want_col)
		tap_diag("got '%s' at column %d", e.msg, col);
}

static void
hostile(const char *text)
{
	char got[2048];
	int rc = run(text, got, sizeof got);

	ok(rc != 2, "hostile '%s': a clean error or a result (%s)", text,
	    rc == 1 ? "error" : "result");
	if (rc == 2)
		tap_diag("%s", got);
}

/* How many events a filter keeps; -1 when it does not compile. */
static long long
count_of(const char *text)
{
	struct event_filter f;
	long long n = -1;
	struct err e;
	int col;

	memset(&f, 0, sizeof f);
	if (filter_compile(text, &f.expr, &col, &e) == 0 &&
	    events_count(db, &f, NULL, &n, &e) != 0)
		n = -1;
	filter_free(f.expr);
	return n;
}

/* Through a driver's ids or through the event order, a filter keeps the
 * same events in the same order, counts and positions included. */
static void
test_drivers(void)
{
	static const char *const filters[] = {
		"person:doval", "state:pakistan", "place:dushanbe",
		"person:doval date:2021..2022", "state:russia -kind:found",
		"is:disputed", "tag:none-such", "person:dov state:ind",
		"state:(india | russia)", "person:doval | kind:found",
		"state:india | state:russia", "person:doval | is:disputed tag:x",
		"state:russia | -person:doval",
	};
	char driven[2048], walked[2048];
	struct event_filter f;
	long long n1, n2;
	struct err e;
	size_t i;
	int col;

	for (i = 0; i < sizeof filters / sizeof *filters; i++) {
		events_set_drive_max(db, EVENTS_DRIVE_MAX);
		run(filters[i], driven, sizeof driven);
		n1 = count_of(filters[i]);
		events_set_drive_max(db, 0);
		run(filters[i], walked, sizeof walked);
		n2 = count_of(filters[i]);
		ok(strcmp(driven, walked) == 0 && n1 == n2,
		    "'%s': the same %lld events either way (%s)", filters[i], n1, driven);
	}
	/* An OR whose every side has a driver is driven by their union. */
	{
		static const char *const union_of[][2] = {
			{ "state:india | state:russia", "NOT INDEXED" },
			{ "person:doval | kind:found", "" },
			{ "state:russia | -person:doval", "" },
		};
		char *sql;

		events_set_drive_max(db, EVENTS_DRIVE_MAX);
		for (i = 0; i < sizeof union_of / sizeof *union_of; i++) {
			memset(&f, 0, sizeof f);
			filter_compile(union_of[i][0], &f.expr, &col, &e);
			sql = events_query_sql(db, &f, EVENTS_QUERY_AFTER);
			ok((strstr(sql, "NOT INDEXED") != NULL) == (union_of[i][1][0] != '\0'),
			    "'%s' %s", union_of[i][0], union_of[i][1][0] ?
			    "is read through the union of its sides' ids" :
			    "is read through the event order");
			free(sql);
			filter_free(f.expr);
		}
	}
		/* Enter on an entity: its events, through its ids or not. */
	memset(&f, 0, sizeof f);
	f.entity_id = fixture_sql_int(db, "SELECT id FROM entity WHERE name = 'India'");
	events_set_drive_max(db, EVENTS_DRIVE_MAX);
	events_count(db, &f, NULL, &n1, &e);
	events_set_drive_max(db, 0);
	events_count(db, &f, NULL, &n2, &e);
	events_set_drive_max(db, EVENTS_DRIVE_MAX);
	ok(f.entity_id > 0 && n1 == n2 && n1 > 0,
	    "an entity's events counted either way: %lld and %lld", n1, n2);
}

int
main(void)
{
	const char *all = "founding approx year-2021 nsa-dushanbe taliban-2021 talks-delhi";
	char *big;
	int i;

	db = fixture_db();
	test_drivers();
	keeps("", all);
	keeps("   ", all);
	keeps("person:doval", "nsa-dushanbe talks-delhi");
	keeps("person:DOV", "nsa-dushanbe talks-delhi");
	keeps("p:dov", "nsa-dushanbe talks-delhi");
	keeps("p:giyosev", "nsa-dushanbe");
	keeps("state:pakistani", "nsa-dushanbe");
	keeps("s:ta", "founding nsa-dushanbe");
	keeps("place:dushanbe", "nsa-dushanbe");
	keeps("place:delhi", "talks-delhi");
	keeps("person:doval state:pakistan", "nsa-dushanbe");
	keeps("person:doval AND state:pakistan", "nsa-dushanbe");
	keeps("state:russia | state:pakistan", "founding nsa-dushanbe");
	keeps("state:russia OR state:pakistan", "founding nsa-dushanbe");
	keeps("-person:doval", "founding approx year-2021 taliban-2021");
	keeps("NOT person:doval", "founding approx year-2021 taliban-2021");
	keeps("person:(doval | yusuf)", "nsa-dushanbe talks-delhi");
	keeps("person:(doval yusuf)", "nsa-dushanbe");
	keeps("(state:russia | person:patrushev) -kind:found", "talks-delhi");
	keeps("kind:nsa", "nsa-dushanbe");
	keeps("k:con", "approx year-2021");
	keeps("origin:curated", all);
	keeps("origin:extracted", "");
	keeps("date:2021-06", "year-2021 nsa-dushanbe");
	keeps("date:..2019", "founding approx");
	keeps("date:2021-08..", "year-2021 taliban-2021 talks-delhi");
	keeps("date:2021-06..2021-08", "year-2021 nsa-dushanbe taliban-2021");
	keeps("date:2021-06-23~1w", "year-2021 nsa-dushanbe");
	keeps("date:2021-09-01~1w", "year-2021 taliban-2021 talks-delhi");
	keeps("since:2021-08 until:2021-08", "year-2021 taliban-2021");
	keeps("is:disputed", "nsa-dushanbe");
	keeps("is:noted", "");
	keeps("is:bookmarked", "");
	keeps("tag:watch", "");
	keeps("source:test", "talks-delhi");
	keeps("patrushev", "talks-delhi");
	keeps("\"met his Pakistani\"", "nsa-dushanbe");
	keeps("\"his met\"", "");
	keeps("DUSHANBE", "nsa-dushanbe");
	keeps("month-precision", "taliban-2021");
	keeps("approximate event", "approx");

	fails("person:(doval", "unclosed '(' at column 8", 8);
	fails("(", "unclosed '(' at column 1", 1);
	fails("()", "empty parentheses at column 1", 1);
	fails(")", "')' without '(' at column 1", 1);
	fails("x)", "')' without '(' at column 2", 2);
	fails("\"abc", "unclosed '\"' at column 1", 1);
	fails("a\"b", "unclosed '\"' at column 2", 2);
	fails("title:x", "unknown field 'title' (person, state, org, place, kind, "
	    "origin, source, tag, date, since, until, is) at column 1", 1);
	fails("person:", "'person:' needs a value at column 8", 8);
	fails("date:2022-13-45", "'2022-13-45' is not a date (YYYY, YYYY-MM, "
	    "YYYY-MM-DD, A..B) at column 6", 6);
	fails("date:2023..2022", "'2023..2022' ends before it starts at column 6", 6);
	fails("date:2022-08-18~2x", "'2022-08-18~2x' is not a date with a span "
	    "such as 2022-08-18~2w at column 6", 6);
	fails("since:2022-05..2022-06", "'2022-05..2022-06' is not a date (YYYY, "
	    "YYYY-MM, YYYY-MM-DD, A..B) at column 7", 7);
	fails("is:happy", "is: takes disputed, noted or bookmarked, not 'happy' at "
	    "column 4", 4);
	fails("origin:maybe", "origin is curated or extracted, not 'maybe' at column 8", 8);
	fails("a |", "'|' needs a term on both sides at column 3", 3);
	fails("a OR", "'OR' needs a term on both sides at column 3", 3);
	fails("NOT", "nothing to negate at column 1", 1);
	fails("AND", "AND needs a term before it at column 1", 1);
	fails("a AND", "AND needs a term after it at column 3", 3);
	fails("\xc3\xa9t\xc3\xa9 (", "unclosed '(' at column 5", 5);
	/* A filter may come from a saved view of someone else's database:
	 * what its message quotes is fit to print (found by fuzz_filter). */
	fails("date:\x1b[2J", "'?[2J' is not a date (YYYY, YYYY-MM, YYYY-MM-DD, "
	    "A..B) at column 6", 6);
	fails("is:a\xe2\x80\xae" "b\xff", "is: takes disputed, noted or "
	    "bookmarked, not 'a?b?' at column 4", 4);

	/* Hostile input: a clean error or a correct result, never an SQL
	 * error or a crash. */
	hostile("'");
	hostile(";--");
	hostile("/*");
	hostile("%");
	hostile("_");
	hostile("\\");
	hostile("99999999999999999999");
	hostile("date:2022-13-45");
	hostile("\"");
	hostile("a\"b");
	hostile("AND");
	hostile("NOT x");
	hostile("NEAR(a b)");
	hostile("title:x");
	hostile("OPS-306");
	hostile("*");
	hostile("^");
	hostile("(");
	hostile("");
	hostile("!!!");
	hostile("\"x\" \"\" \"*\"");
	hostile("person:'; DROP TABLE event;--");
	hostile("\"a\" NEAR \"b\" OR ^c* -d:e");
	keeps("Founding\0 and then anything", "founding");
	keeps("%", "");
	keeps("_", "");
	keeps("'; DROP TABLE event; --", "");
	keeps("", all);
	big = xmalloc(2001 + 2000 + 2);
	memset(big, '(', 1000);
	strcpy(big + 1000, "x");
	memset(big + 1001, ')', 1000);
	big[2001] = '\0';
	fails(big, "more than 64 levels of parentheses at column 65", 65);
	free(big);
	big = xmalloc(1024 * 1024 + 1);
	for (i = 0; i < 1024 * 1024; i++)
		big[i] = i % 7 ? 'a' : ' ';
	big[1024 * 1024] = '\0';
	{
		struct filter *f;
		struct err e;
		int col;

		ok(filter_compile(big, &f, &col, &e) != 0 &&
		    strstr(e.msg, "more than 4096"), "a 1 MiB filter is refused: %s", e.msg);
	}
	free(big);
	{
		/* Counts per month follow the filter too (the condition goes
		 * before GROUP BY, not after it). */
		struct event_filter f;
		struct month_count *m;
		struct err e;
		int n, col;
		long long total;

		memset(&f, 0, sizeof f);
		filter_compile("state:pakistan | kind:with", &f.expr, &col, &e);
		ok(events_per_month(db, &f, &m, &n, &e) == 0 && n == 3 &&
		    strcmp(m[0].month, "2021-06") == 0 && m[0].n == 1 &&
		    m[1].n == 0 && m[2].n == 1, "per month, with a filter");
		free(m);
		ok(events_count(db, &f, NULL, &total, &e) == 0 && total == 2,
		    "the count, with a filter");
		filter_free(f.expr);
	}
	db_close(db);
	return tap_done();
}
