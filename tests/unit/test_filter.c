/* SPDX-License-Identifier: ISC */
/* model/query/filter.c: the filter language, every construct and every error,
 * and a table of hostile inputs that must give a clean error or a
 * correct result, never a crash or an SQL error. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "import/rows.h"
#include "scotl/corpus.h"
#include "scotl/events.h"
#include "scotl/filter.h"
#include "scotl/sha256.h"

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

/* An article of TITLE and BODY as evidence of the event SLUG. */
static void
add_article(struct db *d, const char *slug, const char *title,
    const char *body)
{
	struct article a = { .title = (char *)title, .body = (char *)body };
	char hash[65];
	long long id, ev;
	struct err e;

	sha256_hex(body, strlen(body), hash);
	a.hash = hash;
	a.body_len = strlen(body);
	ok(events_find(d, slug, &ev, &e) == 0 && rows_article(d, &a, &id, &e) == 0 &&
	    rows_evidence(d, ev, id, 0, 3, &e) == 0, "an article for %s", slug);
}

/* Articles of our own in Chinese, Thai and Russian, as evidence. */
static void
add_unspaced_articles(struct db *d)
{
	add_article(d, "founding", "Founding report",
	    "\u4e0a\u6d77\u5408\u4f5c\u7ec4\u7ec7\u6210\u5458\u56fd"
	    "\u5b89\u5168\u4f1a\u8bae\u79d8\u4e66\u5728\u4f1a\u4e0a"
	    "\u8ba8\u8bba\u4e86\u53cd\u6050\u5408\u4f5c\u3002SCO\u5cf0"
	    "\u4f1a\u5c06\u4e8e\u660e\u5e74\u4e3e\u884c\u3002");
	/* 上海合作组织成员国安全会议秘书在会上讨论了反恐合作。SCO峰会将于明年举行。 */
	add_article(d, "approx", "\u5317\u4eac\u6d88\u606f", "Only the "
	    "title is Chinese: \u5317\u4eac\u6d88\u606f.");
	/* 北京消息 */
	add_article(d, "year-2021", "Thai report",
	    "\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21"
	    "\u0e14\u0e49\u0e32\u0e19\u0e04\u0e27\u0e32\u0e21\u0e21"
	    "\u0e31\u0e48\u0e19\u0e04\u0e07");
	/* การประชุมด้านความมั่นคง */
	add_article(d, "taliban-2021", "Russian report",
	    "\u0421\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u0438 "
	    "\u0441\u043e\u0432\u0435\u0442\u043e\u0432 \u0431\u0435"
	    "\u0437\u043e\u043f\u0430\u0441\u043d\u043e\u0441\u0442"
	    "\u0438 \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b"
	    "\u0438\u0441\u044c \u0432 \u041c\u043e\u0441\u043a\u0432"
	    "\u0435.");
	/* Секретари советов безопасности встретились в Москве. */
}

/* Words of scripts written without spaces are found inside a run of
 * letters (article_trigram); Russian words still as words. */
static void
test_unspaced(void)
{
	const char *rest = "approx year-2021 nsa-dushanbe taliban-2021 talks-delhi";
	struct db *keep = db;

	db = fixture_db();
	add_unspaced_articles(db);
	is_int(fixture_sql_int(db, "SELECT count(*) FROM article_trigram"), 3,
	    "the trigram index holds the Chinese and Thai articles only");
	keeps("\u5b89\u5168\u4f1a\u8bae", "founding");      /* 安全会议 */
	keeps("\u53cd\u6050", "founding");                    /* 反恐, 2 characters */
	keeps("\u6050", "founding");                           /* 恐, 1 */
	keeps("\u4f1a\u8bae\u5b89\u5168", "");               /* 会议安全 */
	keeps("\"\u6210\u5458\u56fd\u5b89\u5168\"", "founding"); /* "成员国安全" */
	keeps("sco\u5cf0\u4f1a", "founding");                  /* sco峰会 */
	keeps("\u5b89\u5168\u4f1a\u8bae kind:found", "founding");
	keeps("\u5b89\u5168\u4f1a\u8bae kind:nsa", "");
	keeps("-\u5b89\u5168\u4f1a\u8bae", rest);
	keeps("NOT \u53cd\u6050", rest);
	keeps("\u53cd\u6050 | kind:nsa", "founding nsa-dushanbe");
	keeps("\u5317\u4eac", "approx");                      /* 北京, in a title */
	keeps("\u0e04\u0e27\u0e32\u0e21\u0e21\u0e31\u0e48\u0e19\u0e04\u0e07",
	    "year-2021");                                       /* ความมั่นคง */
	keeps("\u041c\u043e\u0441\u043a\u0432\u0435", "taliban-2021");   /* Москве */
	keeps("\u043c\u043e\u0441\u043a\u0432\u0435", "taliban-2021");   /* москве */
	keeps("\u041c\u043e\u0441\u043a", "");               /* no part of a word */
	db_close(db);
	db = keep;
}

/* A file of schema 5 (no article_trigram) is migrated on open: its
 * articles without spaces are indexed and found. */
static void
test_upgrade(void)
{
	char *dir = fixture_tmpdir(), path[512];
	struct corpus_counts c;
	struct db *keep = db;
	struct err e;

	snprintf(path, sizeof path, "%s/v5.db", dir);
	if (db_open(&db, path, DB_CREATE, &e) != 0 ||
	    corpus_load(db, fixture_path("data/mini-data"), &c, &e) != 0) {
		ok(0, "a version 5 database: %s", e.msg);
		db = keep;
		return;
	}
	add_unspaced_articles(db);
	db_exec(db, "DROP TABLE article_trigram; PRAGMA user_version = 5", &e);
	db_close(db);
	ok(db_open(&db, path, DB_READWRITE, &e) == 0 &&
	    db_file_version(db) == db_schema_version() &&
	    fixture_sql_int(db, "SELECT count(*) FROM article_trigram") == 3,
	    "a version 5 database is migrated, its unspaced articles indexed");
	keeps("\u5b89\u5168\u4f1a\u8bae", "founding");
	keeps("\u53cd\u6050", "founding");
	db_close(db);
	db = keep;
	fixture_rmrf(dir);
	free(dir);
}

int
main(void)
{
	const char *all = "founding approx year-2021 nsa-dushanbe taliban-2021 talks-delhi";
	char *big;
	int i;

	db = fixture_db();
	test_drivers();
	test_unspaced();
	test_upgrade();
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
