/* SPDX-License-Identifier: ISC */
/* Saved views and the filter history (views.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "scotl/views.h"

static const char views_sql_save[] =
	"INSERT INTO saved_view(name, filter) VALUES (?1, ?2)"
	" ON CONFLICT(name) DO UPDATE SET filter = excluded.filter,"
	"  updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
static const char views_sql_get[] = "SELECT filter FROM saved_view WHERE name = ?1";
static const char views_sql_delete[] = "DELETE FROM saved_view WHERE name = ?1";
static const char views_sql_list[] =
	"SELECT name, filter FROM saved_view ORDER BY name";
static const char views_sql_hist_del[] = "DELETE FROM filter_history WHERE text = ?1";
static const char views_sql_hist_add[] = "INSERT INTO filter_history(text) VALUES (?1)";
static const char views_sql_hist_trim[] =
	"DELETE FROM filter_history WHERE id <= (SELECT max(id) FROM filter_history) - ?1";
static const char views_sql_hist[] = "SELECT text FROM filter_history ORDER BY id";

static int
views_name_check(const char *name, struct err *e)
{
	size_t i, len = strlen(name);

	if (len == 0 || len > VIEWS_NAME_MAX) {
		err_set(e, "a view's name is 1 to %d characters", VIEWS_NAME_MAX);
		return -1;
	}
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)name[i]) && strchr("-_.", name[i]) == NULL) {
			err_set(e, "a view's name holds letters, digits and -_. only, "
			    "not the character at column %zu", i + 1);
			return -1;
		}
	return 0;
}

/* Runs SQL with TEXT bound as ?1: 0 done, -1 error. */
static int
views_run(struct db *db, const char *sql, const char *text, const char *what,
    struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, text);
	return db_step_done(db, st, what, e);
}

int
views_save(struct db *db, const char *name, const char *filter, struct err *e)
{
	sqlite3_stmt *st;

	if (views_name_check(name, e) != 0 ||
	    db_require_writable(db, "save the view", e) != 0 ||
	    (st = db_stmt(db, views_sql_save, e)) == NULL)
		return -1;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, filter);
	return db_step_done(db, st, "saving the view", e);
}

int
views_get(struct db *db, const char *name, char **filter, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, views_sql_get, e);
	int rc;

	*filter = NULL;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*filter = db_col_text(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, e, "reading the view");
	return rc == SQLITE_ROW;
}

int
views_delete(struct db *db, const char *name, struct err *e)
{
	if (db_require_writable(db, "delete the view", e) != 0 ||
	    views_run(db, views_sql_delete, name, "deleting the view", e) != 0)
		return -1;
	return sqlite3_changes(db->h) > 0;
}

int
views_list(struct db *db, struct saved_view **out, int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, views_sql_list, e);
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		(*out)[*n].name = db_col_text(st, 0);
		(*out)[*n].filter = db_col_text(st, 1);
		++*n;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		views_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, e, "reading the saved views");
	}
	return 0;
}

void
views_list_free(struct saved_view *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].filter);
	}
	free(v);
}

int
views_history_add(struct db *db, const char *text, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (util_blank(text))
		return 0;
	if (db_begin_write(db, "keep the filter history", e) != 0)
		return -1;
	rc = views_run(db, views_sql_hist_del, text, "updating the history", e);
	if (rc == 0)
		rc = views_run(db, views_sql_hist_add, text, "updating the history", e);
	if (rc == 0 && (st = db_stmt(db, views_sql_hist_trim, e)) != NULL) {
		sqlite3_bind_int(st, 1, VIEWS_HISTORY_MAX);
		rc = db_step_done(db, st, "trimming the history", e);
	} else if (rc == 0) {
		rc = -1;
	}
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e);
}

int
views_history(struct db *db, char ***out, int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, views_sql_hist, e);
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		(*out)[(*n)++] = db_col_text(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		views_history_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, e, "reading the filter history");
	}
	return 0;
}

void
views_history_free(char **h, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(h[i]);
	free(h);
}
