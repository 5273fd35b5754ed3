/* SPDX-License-Identifier: ISC */
#include "config.h"

#include "store/store.h"
#include "scotl/uistate.h"

static const char uistate_sql_get[] = "SELECT value FROM ui_state WHERE key = ?1";
static const char uistate_sql_set[] =
	"INSERT INTO ui_state(key, value) VALUES (?1, ?2)"
	" ON CONFLICT(key) DO UPDATE SET value = excluded.value";
static const char uistate_sql_clear[] = "DELETE FROM ui_state";

int
uistate_get(struct db *db, const char *key, char **value, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, uistate_sql_get, e);
	int rc;

	*value = NULL;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = db_col_text(st, 0);
	else if (rc != SQLITE_DONE)
		return db_fail(db, e, "reading the saved position");
	sqlite3_reset(st);
	return 0;
}

int
uistate_set(struct db *db, const char *key, const char *value, struct err *e)
{
	sqlite3_stmt *st;

	if (db_require_writable(db, "save the position", e) != 0 ||
	    (st = db_stmt(db, uistate_sql_set, e)) == NULL)
		return -1;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, value);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, e, "save the position");
	return 0;
}

int
uistate_set_all(struct db *db, const char *const keys[],
    const char *const values[], int n, struct err *e)
{
	int i;

	if (db_begin_write(db, "save the position", e) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (uistate_set(db, keys[i], values[i], e) != 0) {
			db_rollback(db);
			return -1;
		}
	return db_commit(db, e);
}

int
uistate_clear(struct db *db, struct err *e)
{
	sqlite3_stmt *st;

	if (db_require_writable(db, "forget the position", e) != 0 ||
	    (st = db_stmt(db, uistate_sql_clear, e)) == NULL)
		return -1;
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, e, "forget the position");
	return 0;
}
