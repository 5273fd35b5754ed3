/* SPDX-License-Identifier: ISC */
/* model/query/events.c: the timeline window by keyset, filters on first and last
 * days, event detail, and counts per month. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/corpus.h"
#include "scotl/entity.h"
#include "scotl/events.h"
#include "scotl/filter.h"

static void
slugs(struct event_list *l, char *out, size_t size)
{
	int i;

	out[0] = '\0';
	for (i = 0; i < l->n; i++) {
		strncat(out, i ? " " : "", size - strlen(out) - 1);
		strncat(out, l->rows[i].slug, size - strlen(out) - 1);
	}
}

static void
window(struct db *db, const struct event_filter *f, const struct event_pos *pos,
    enum events_dir dir, int limit, const char *want, const char *what)
{
	struct event_list l;
	char got[512];
	struct err e;

	if (events_window(db, f, pos, dir, limit, &l, &e) != 0) {
		ok(0, "%s: %s", what, e.msg);
		return;
	}
	slugs(&l, got, sizeof got);
	is_str(got, want, what);
	event_list_free(&l);
}

static void
test_window(struct db *db)
{
	struct event_filter f;
	struct event_pos pos;
	struct event_list l;
	struct err e;

	window(db, NULL, NULL, EVENTS_AFTER, 100,
	    "founding approx year-2021 nsa-dushanbe taliban-2021 talks-delhi",
	    "the timeline is in order of first day: 2021-08 after 2021-06-23, "
	    "2021 before both");
	window(db, NULL, NULL, EVENTS_AFTER, 2, "founding approx",
	    "a window from the start holds LIMIT events");
	events_window(db, NULL, NULL, EVENTS_AFTER, 3, &l, &e);
	event_row_pos(&l.rows[2], &pos);
	event_list_free(&l);
	window(db, NULL, &pos, EVENTS_AFTER, 2, "nsa-dushanbe taliban-2021",
	    "the next window starts after the position");
	window(db, NULL, &pos, EVENTS_BEFORE, 2, "founding approx",
	    "the window before a position is in timeline order too");
	window(db, NULL, NULL, EVENTS_BEFORE, 2, "taliban-2021 talks-delhi",
	    "a window before no position ends at the end");
	window(db, NULL, &pos, EVENTS_BEFORE, 0, "", "LIMIT 0 gives nothing");

	memset(&f, 0, sizeof f);
	strcpy(f.since, "2021-08-15");
	window(db, &f, NULL, EVENTS_AFTER, 100, "year-2021 taliban-2021 talks-delhi",
	    "--since 2021-08-15 keeps the events that can still reach it "
	    "(the year 2021, the month 2021-08)");
	memset(&f, 0, sizeof f);
	strcpy(f.until, "2021-06-30");
	window(db, &f, NULL, EVENTS_AFTER, 100, "founding approx year-2021 nsa-dushanbe",
	    "--until 2021-06 drops events that start later");
	strcpy(f.since, "2021-09-08");
	strcpy(f.until, "2021-09-08");
	window(db, &f, NULL, EVENTS_AFTER, 100, "year-2021 talks-delhi",
	    "a day inside a range matches the range");
	memset(&f, 0, sizeof f);
	strcpy(f.text, "DUSHANBE");
	window(db, &f, NULL, EVENTS_AFTER, 100, "nsa-dushanbe",
	    "text matches the title without case");
	strcpy(f.text, "%");
	window(db, &f, NULL, EVENTS_AFTER, 100, "", "'%' is not a wildcard");
	strcpy(f.text, "bilateral");
	window(db, &f, NULL, EVENTS_AFTER, 100, "talks-delhi", "text matches the kind");
	{
		long long n = -1;

		memset(&f, 0, sizeof f);
		ok(events_count(db, &f, NULL, &n, &e) == 0 && n == 6,
		    "events_count counts the filter");
		ok(events_count(db, &f, &pos, &n, &e) == 0 && n == 2,
		    "and the events before a position (the third event)");
		strcpy(f.since, "2019-06-01");
		ok(events_count(db, &f, &pos, &n, &e) == 0 && n == 1,
		    "within the filter (only ~2019 reaches mid-2019)");
	}
}

static long long
entity_id(struct db *db, const char *name)
{
	struct entity_list l;
	struct err e;
	long long id = 0;

	if (entity_find(db, name, &l, &e) == 0 && l.n == 1)
		id = l.items[0].id;
	entity_list_free(&l);
	return id;
}

static void
test_entity_filter(struct db *db)
{
	struct event_filter f;

	memset(&f, 0, sizeof f);
	f.entity_id = entity_id(db, "doval");
	window(db, &f, NULL, EVENTS_AFTER, 100, "nsa-dushanbe talks-delhi",
	    "an entity's events");
	f.entity_id = entity_id(db, "dushanbe");
	window(db, &f, NULL, EVENTS_AFTER, 100, "nsa-dushanbe",
	    "a place's events are those held there");
}

static void
test_detail(struct db *db)
{
	struct event_detail d;
	struct err e;
	long long id = 0;

	ok(events_find(db, "nsa-dushanbe", &id, &e) == 0 && id == 3,
	    "an event is found by its id");
	ok(events_find(db, "3", &id, &e) == 0 && id == 3, "and by number");
	ok(events_find(db, "nope", &id, &e) != 0 && strstr(e.msg, "no event 'nope'"),
	    "an unknown event is an error naming it");
	ok(event_get(db, 3, &d, &e) == 0, "an event's detail is read");
	is_str(d.ev.place, "Dushanbe", "its place");
	is_str(d.place_state, "Tajikistan", "the place's state");
	ok(d.ev.disputed, "reports disagree on its date");
	is_int(d.nparticipants, 6, "six participants");
	is_str(d.participants[0].name, "Ajit Doval", "people first, by name");
	is_str(d.participants[0].role, "National Security Adviser", "with the role");
	is_str(d.participants[0].state, "India", "and the state");
	{
		long long n = 0, again = 0;

		ok(entity_event_count(db, d.participants[0].entity_id, &n, &e) == 0 &&
		    n == 2, "Doval takes part in two events");
		/* Counts follow writes (event_month's triggers). */
		db_begin_write(db, "test", &e);
		db_exec(db, "INSERT INTO participant(event_id, entity_id)"
		    " SELECT id, (SELECT id FROM entity WHERE name = 'Ajit Doval')"
		    " FROM event WHERE slug = 'founding'", &e);
		db_commit(db, &e);
		ok(entity_event_count(db, d.participants[0].entity_id, &again, &e) == 0 &&
		    again == 3, "after a write, Doval is in three");
		db_begin_write(db, "test", &e);
		db_exec(db, "DELETE FROM participant WHERE event_id = (SELECT id FROM"
		    " event WHERE slug = 'founding') AND entity_id = (SELECT id FROM"
		    " entity WHERE name = 'Ajit Doval')", &e);
		db_commit(db, &e);
		/* A place: the events at it, and those it is listed in, once. */
		ok(entity_event_count(db, d.ev.place[0] ? fixture_sql_int(db,
		    "SELECT id FROM entity WHERE name = 'Dushanbe'") : 0, &n, &e) == 0 &&
		    n == 1, "Dushanbe: one event, counted once");
	}
	is_str(d.participants[1].name, "Jumakhon Giyosov",
	    "an alias on the line resolves to the person");
	is_str(d.participants[1].state, "Tajikistan",
	    "with the state of his role when the line names none");
	is_int(d.nevidence, 1, "one piece of evidence");
	is_str(d.evidence[0].sentence,
	    "The Indian NSA Ajit Doval met his Pakistani counterpart in Dushanbe on "
	    "Wednesday.", "the supporting sentence is cut from the body by its span");
	is_int(d.nclaims, 2, "two claims");
	is_str(d.claims[1].date.end, "2021-06-24", "the second claim is a range");
	ok(d.claims[0].article_id > 0 && d.claims[1].article_id == 0,
	    "a claim sourced in an article links to it");
	event_detail_free(&d);
	ok(event_get(db, 999, &d, &e) != 0 && strstr(e.msg, "no event 999"),
	    "a missing event is an error");
}

static void
test_months(struct db *db)
{
	struct month_count *m;
	struct event_filter f;
	struct err e;
	int n;

	memset(&f, 0, sizeof f);
	strcpy(f.since, "2021-01-01");
	ok(events_per_month(db, &f, &m, &n, &e) == 0, "months are counted");
	is_int(n, 9, "2021-01 to 2021-09, empty months included");
	is_str(m[0].month, "2021-01", "from the first month with an event");
	is_int(m[0].n, 1, "2021-01: the year event starts there");
	is_int(m[1].n, 0, "2021-02: empty");
	is_int(m[5].n, 1, "2021-06: the NSA meeting");
	is_str(m[8].month, "2021-09", "to the last");
	free(m);
	f.since[0] = '\0';
	strcpy(f.until, "1990-01-01");
	ok(events_per_month(db, &f, &m, &n, &e) == 0 && n == 0,
	    "no events, no months");
	free(m);
}

/* Rows of event_month that differ from a count over the events
 * (and months the events have that it lacks): 0 when the kept counts
 * are right. */
static int
kept_wrong(struct db *db)
{
	return fixture_sql_int(db,
	    "WITH t(k, m, c) AS (SELECT k, m, count(*) FROM ("
	    " SELECT 0 AS k, substr(first_day, 1, 7) AS m, id FROM event"
	    " UNION SELECT place_id, substr(first_day, 1, 7), id FROM event"
	    " WHERE place_id IS NOT NULL UNION SELECT p.entity_id,"
	    " substr(e.first_day, 1, 7), e.id FROM participant p JOIN event e"
	    " ON e.id = p.event_id) GROUP BY 1, 2)"
	    " SELECT (SELECT count(*) FROM event_month k WHERE n <> coalesce(("
	    " SELECT c FROM t WHERE t.k = k.entity_id AND t.m = k.month), 0))"
	    " + (SELECT count(*) FROM t WHERE NOT EXISTS (SELECT 1 FROM"
	    " event_month k WHERE k.entity_id = t.k AND k.month = t.m))");
}

/* Each event's rank (events before it) and the total, from the kept
 * counts, against its place in the whole window. */
static int
kept_ranks_wrong(struct db *db, const struct event_filter *f)
{
	struct event_list l;
	struct event_pos pos;
	long long n;
	struct err e;
	int i, wrong = 0;

	if (events_window(db, f, NULL, EVENTS_AFTER, 1000, &l, &e) != 0)
		return -1;
	for (i = 0; i < l.n; i++) {
		event_row_pos(&l.rows[i], &pos);
		if (events_count(db, f, &pos, &n, &e) != 0 || n != i)
			wrong++;
	}
	if (events_count(db, f, NULL, &n, &e) != 0 || n != l.n)
		wrong++;
	event_list_free(&l);
	return wrong;
}

static void
kept_write(struct db *db, const char *sql, const char *what)
{
	struct err e;

	if (db_exec(db, sql, &e) != 0) {
		ok(0, "%s: %s", what, e.msg);
		return;
	}
	ok(kept_wrong(db) == 0, "events per month are kept: %s", what);
}

/* Whether a filter's histogram reads the kept counts, and its ranks and
 * total are right either way. */
static void
kept_filter(struct db *db, const char *text, int kept)
{
	struct event_filter f;
	struct err e;
	char *sql;
	int col;

	memset(&f, 0, sizeof f);
	if (filter_compile(text, &f.expr, &col, &e) != 0) {
		ok(0, "%s: %s", text, e.msg);
		return;
	}
	sql = events_query_sql(db, &f, EVENTS_QUERY_MONTHS);
	ok((strstr(sql, "event_month") != NULL) == kept, "%s: %s", text, kept ?
	    "one entity's events: counted per month on write" : "counted from the events");
	ok(kept_ranks_wrong(db, &f) == 0, "%s: every rank and the total", text);
	free(sql);
	filter_free(f.expr);
}

static void
test_kept_filters(struct db *db)
{
	kept_filter(db, "person:doval", 1);
	kept_filter(db, "  state:india ", 1);
	kept_filter(db, "place:dushanbe", 1);
	kept_filter(db, "person:doval kind:talks", 0);
	kept_filter(db, "-person:doval", 0);
	kept_filter(db, "person:doval | state:india", 0);
	kept_filter(db, "(person:doval)", 0);
	kept_filter(db, "place:d", 0);	/* Delhi and Dushanbe */
}

/* Schema 4 counts events per month on write, for all events and per
 * entity; the totals, ranks and histogram of those read the counts. */
static void
test_kept_months(struct db *db)
{
	struct event_filter f;
	struct month_count *m;
	long long doval = entity_id(db, "doval"), dushanbe = entity_id(db, "dushanbe");
	char sql[512];
	struct err e;
	int n;

	is_int(kept_wrong(db), 0, "events per month are counted when loaded");
	snprintf(sql, sizeof sql, "INSERT INTO event(id, slug, start, precision,"
	    " first_day, last_day, title, kind, place_id) VALUES (900, 'k1',"
	    " '2021-06-02', 'day', '2021-06-02', '2021-06-02', 'K', 'talks', %lld);"
	    "INSERT INTO participant(event_id, entity_id) VALUES (900, %lld), (900,"
	    " %lld)", dushanbe, dushanbe, doval);
	kept_write(db, sql, "an event whose place also takes part");
	kept_write(db, "UPDATE event SET first_day = '2021-05-30', start ="
	    " '2021-05-30', last_day = '2021-06-02' WHERE id = 900",
	    "an event moved to another month");
	kept_write(db, "UPDATE event SET place_id = NULL WHERE id = 900",
	    "an event's place taken away");
	snprintf(sql, sizeof sql, "UPDATE participant SET entity_id = %lld WHERE"
	    " event_id = 900 AND entity_id = %lld", dushanbe + 100000, dushanbe);
	db_exec(db, "PRAGMA foreign_keys = OFF", &e);
	kept_write(db, sql, "a participant changed");
	db_exec(db, "PRAGMA foreign_keys = ON", &e);
	snprintf(sql, sizeof sql, "DELETE FROM participant WHERE event_id = 900"
	    " AND entity_id = %lld", doval);
	kept_write(db, sql, "a participant removed");
	kept_write(db, "DELETE FROM event WHERE id = 900",
	    "an event deleted with its participants");
	memset(&f, 0, sizeof f);
	is_int(kept_ranks_wrong(db, &f), 0, "every rank and the total of the timeline");
	f.entity_id = doval;
	is_int(kept_ranks_wrong(db, &f), 0, "every rank and the total of an entity");
	test_kept_filters(db);
	ok(events_per_month(db, &f, &m, &n, &e) == 0 && n == 4 &&
	    strcmp(m[0].month, "2021-06") == 0 && m[0].n == 1 &&
	    m[3].n == 1 && m[1].n == 0, "an entity's histogram, empty months between");
	free(m);
}

/* A version 3 database gets its months counted when it is upgraded. */
static void
test_kept_upgrade(void)
{
	char *dir = fixture_tmpdir(), path[512];
	struct corpus_counts c;
	struct db *d;
	struct err e;

	snprintf(path, sizeof path, "%s/v3.db", dir);
	if (db_open(&d, path, DB_CREATE, &e) != 0 ||
	    corpus_load(d, fixture_path("data/mini-data"), &c, &e) != 0) {
		ok(0, "a version 3 database: %s", e.msg);
		return;
	}
	db_exec(d, "DROP TABLE event_month;"
	    "DROP TRIGGER event_month_add; DROP TRIGGER event_month_remove;"
	    "DROP TRIGGER event_month_move_out; DROP TRIGGER event_month_move_in;"
	    "DROP TRIGGER event_month_join; DROP TRIGGER event_month_leave;"
	    "DROP TRIGGER event_month_rejoin;"
	    "DROP TABLE article_trigram; ALTER TABLE article DROP COLUMN author;"
	    "ALTER TABLE article DROP COLUMN title_made; PRAGMA user_version = 3", &e);
	db_close(d);
	ok(db_open(&d, path, DB_READWRITE, &e) == 0 &&
	    fixture_sql_int(d, "SELECT count(*) FROM event_month") > 0 &&
	    kept_wrong(d) == 0, "a version 3 database is counted on upgrade");
	db_close(d);
	fixture_rmrf(dir);
	free(dir);
}

/* After any read of the model returns, no cached statement is still
 * stepping: an open read would pin the WAL for other processes. */
static void
test_no_open_reads(struct db *db)
{
	struct event_detail d;
	struct entity_detail ed;
	struct entity_list l;
	struct event_list w;
	struct err e;
	long long id;
	char status[32];
	int i, busy = 0;

	events_find(db, "nsa-dushanbe", &id, &e);
	event_get(db, id, &d, &e);
	event_detail_free(&d);
	events_window(db, NULL, NULL, EVENTS_AFTER, 2, &w, &e);
	event_list_free(&w);
	entity_find(db, "india", &l, &e);
	entity_get(db, l.items[0].id, &ed, &e);
	entity_sco_status(db, l.items[0].id, "2020-01-01", status, sizeof status, &e);
	entity_detail_free(&ed);
	entity_list_free(&l);
	for (i = 0; i < DB_STMT_CACHE; i++)
		if (db->cache[i].stmt && sqlite3_stmt_busy(db->cache[i].stmt))
			busy++;
	is_int(busy, 0, "no statement is left stepping after the reads return");
}

int
main(void)
{
	struct db *db = fixture_db();

	test_window(db);
	test_entity_filter(db);
	test_detail(db);
	test_months(db);
	test_kept_months(db);
	test_kept_upgrade();
	test_no_open_reads(db);
	{
		/* A stored date that no longer parses keeps its place: positions
		 * come from the stored first day. */
		struct event_list l;
		struct err e;

		db_exec(db, "UPDATE event SET start = '2003-02-30' WHERE slug = 'approx'",
		    &e);
		events_window(db, NULL, NULL, EVENTS_AFTER, 10, &l, &e);
		ok(l.n == 6 && strcmp(l.rows[1].slug, "approx") == 0 &&
		    strcmp(l.rows[1].date.first, "2019-01-01") == 0,
		    "an unparsable stored date keeps the event's place");
		event_list_free(&l);
	}
	db_close(db);
	return tap_done();
}
