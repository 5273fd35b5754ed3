/* SPDX-License-Identifier: ISC */
/* model/user/carry.c: the user's rows of an old database, attached as
 * "old", carried onto the events temp.map_event finds again, and those
 * of events not found again counted as lost and left behind. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "store/store.h"
#include "scotl/carry.h"
#include "scotl/events.h"

/* An old file in memory: event 100 is found again, event 200 is not. */
static const char old_rows[] =
	"ATTACH ':memory:' AS old;"
	"CREATE TABLE old.note(id INTEGER PRIMARY KEY, event_id INTEGER,"
	"  body TEXT, created TEXT, updated TEXT);"
	"CREATE TABLE old.tag(event_id INTEGER, name TEXT);"
	"CREATE TABLE old.bookmark(event_id INTEGER PRIMARY KEY, created TEXT);"
	"CREATE TABLE old.saved_view(name TEXT, filter TEXT, updated TEXT);"
	"CREATE TABLE old.filter_history(id INTEGER PRIMARY KEY, text TEXT);"
	"INSERT INTO old.note VALUES (1, 100, 'kept note', '2020-01-01T00:00:00Z',"
	"  '2020-01-02T00:00:00Z'), (2, 200, 'lost note', '2020-01-01T00:00:00Z',"
	"  '2020-01-01T00:00:00Z');"
	"INSERT INTO old.tag VALUES (100, 'kept'), (100, 'also'), (200, 'lost');"
	"INSERT INTO old.bookmark VALUES (100, '2020-02-01T00:00:00Z'),"
	"  (200, '2020-02-02T00:00:00Z');"
	"INSERT INTO old.saved_view VALUES ('mine', 'tag:kept',"
	"  '2020-03-01T00:00:00Z');"
	"INSERT INTO old.filter_history VALUES (1, 'first'), (2, 'second');"
	"CREATE TEMP TABLE map_event(old INTEGER PRIMARY KEY, new INTEGER);";

static void
test_carry(void)
{
	struct carry_counts c = { 0 };
	struct db *db = fixture_db();
	struct err e;
	char sql[256];
	long long id = 0;

	ok(events_find(db, "nsa-dushanbe", &id, &e) == 0 && id > 0,
	    "the event to carry onto");
	snprintf(sql, sizeof sql, "INSERT INTO temp.map_event VALUES (100, %lld)",
	    id);
	ok(db_exec(db, old_rows, &e) == 0 && db_exec(db, sql, &e) == 0,
	    "the old file attached and mapped");
	ok(db_exec(db, "BEGIN", &e) == 0, "in the caller's transaction");
	ok(carry_annotations(db, &c, &e) == 0, "carried");
	ok(sqlite3_get_autocommit(db->h) == 0, "the transaction left open");
	ok(db_exec(db, "COMMIT", &e) == 0, "committed by the caller");

	is_int(c.notes, 1, "notes carried");
	is_int(c.tags, 2, "tags carried");
	is_int(c.bookmarks, 1, "bookmarks carried");
	is_int(c.views, 1, "saved views carried");
	is_int(c.history, 2, "filters carried");
	is_int(c.lost, 3, "the note, tag and bookmark of the lost event");

	snprintf(sql, sizeof sql, "SELECT count(*) FROM note WHERE event_id = %lld"
	    " AND body = 'kept note' AND updated = '2020-01-02T00:00:00Z'", id);
	is_int(fixture_sql_int(db, sql), 1, "the note, on the new event");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM tag WHERE event_id = %lld"
	    " AND name IN ('kept', 'also')", id);
	is_int(fixture_sql_int(db, sql), 2, "the tags, on the new event");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM bookmark WHERE event_id ="
	    " %lld AND created = '2020-02-01T00:00:00Z'", id);
	is_int(fixture_sql_int(db, sql), 1, "the bookmark, on the new event");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM note WHERE body ="
	    " 'lost note'") + fixture_sql_int(db, "SELECT count(*) FROM tag"
	    " WHERE name = 'lost'"), 0, "nothing of the lost event");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM bookmark"), 1,
	    "one bookmark in all");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM saved_view WHERE name ="
	    " 'mine' AND filter = 'tag:kept'"), 1, "the saved view");
	is_int(fixture_sql_int(db, "SELECT group_concat(text, ',') = 'first,second'"
	    " FROM (SELECT text FROM filter_history ORDER BY id)"), 1,
	    "the filter history, in its order");
	db_close(db);
}

/* Without an old file there is nothing to read: an error, not counts. */
static void
test_no_old(void)
{
	struct carry_counts c = { 0 };
	struct db *db = fixture_db();
	struct err e;

	e.msg[0] = '\0';
	ok(carry_annotations(db, &c, &e) != 0, "no old file: fails");
	ok(e.msg[0] != '\0', "and says why: %s", e.msg);
	db_close(db);
}

int
main(void)
{
	test_carry();
	test_no_old();
	return tap_done();
}
