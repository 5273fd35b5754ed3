/* SPDX-License-Identifier: ISC */
/* The user's rows carried from an old database into a new one (carry.h):
 * the rebuild of the import side attaches the old file and maps its
 * events, and this writes the notes, tags, bookmarks, saved views and
 * filter history, which belong to the user layer. */
#include "config.h"

#include "store/store.h"
#include "scotl/carry.h"

/* What the user wrote, into the events found again. The place in the
 * timeline (ui_state) names the old file's events: left behind. */
static const char carry_sql_annotations[] =
	"INSERT INTO main.note(event_id, body, created, updated)"
	"  SELECT m.new, n.body, n.created, n.updated FROM old.note n"
	"  JOIN temp.map_event m ON m.old = n.event_id ORDER BY n.id;"
	"INSERT OR IGNORE INTO main.tag(event_id, name) SELECT m.new, t.name"
	"  FROM old.tag t JOIN temp.map_event m ON m.old = t.event_id;"
	"INSERT OR IGNORE INTO main.bookmark(event_id, created)"
	"  SELECT m.new, b.created FROM old.bookmark b"
	"  JOIN temp.map_event m ON m.old = b.event_id;"
	"INSERT OR REPLACE INTO main.saved_view(name, filter, updated)"
	"  SELECT name, filter, updated FROM old.saved_view;"
	"INSERT OR IGNORE INTO main.filter_history(text)"
	"  SELECT text FROM old.filter_history ORDER BY id;";

static const char carry_sql_counts[] =
	"SELECT (SELECT count(*) FROM old.note n JOIN temp.map_event m"
	"  ON m.old = n.event_id),"
	" (SELECT count(*) FROM old.tag t JOIN temp.map_event m"
	"  ON m.old = t.event_id),"
	" (SELECT count(*) FROM old.bookmark b JOIN temp.map_event m"
	"  ON m.old = b.event_id),"
	" (SELECT count(*) FROM old.saved_view),"
	" (SELECT count(*) FROM old.filter_history),"
	" (SELECT count(*) FROM old.note) + (SELECT count(*) FROM old.tag) +"
	" (SELECT count(*) FROM old.bookmark)";

static int
carry_count(struct db *db, struct carry_counts *c, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, carry_sql_counts, -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(db, e, "count what was carried over");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->notes = sqlite3_column_int(st, 0);
		c->tags = sqlite3_column_int(st, 1);
		c->bookmarks = sqlite3_column_int(st, 2);
		c->views = sqlite3_column_int(st, 3);
		c->history = sqlite3_column_int(st, 4);
		c->lost = sqlite3_column_int(st, 5) - c->notes - c->tags -
		    c->bookmarks;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, e, "count what was carried over");
}

int
carry_annotations(struct db *db, void *arg, struct err *e)
{
	struct carry_counts *c = arg;

	return db_exec(db, carry_sql_annotations, e) != 0 ||
	    carry_count(db, c, e) != 0 ? -1 : 0;
}
