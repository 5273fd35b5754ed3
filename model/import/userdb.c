/* SPDX-License-Identifier: ISC */
/* The user's own database. An older scotl created it empty and filled
 * it from the bundled corpus after: a first run cut short left an empty
 * file (0 bytes), which every later run took for a new database and made
 * into a scotl one with nothing in it: no gazetteer, no events, and no
 * word of it. Such a file is refused here, saying what it still holds of
 * the user's, and userdb_rebuild() makes the database anew. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "import/import.h"
#include "scotl/article.h"
#include "scotl/bundled.h"
#include "scotl/importer.h"
#include "scotl/paths.h"
#include "scotl/sha256.h"
#include "scotl/userdb.h"

#define USERDB_REBUILD_HINT "'scotl rebuild' makes it anew from the " \
	"bundled corpus"

/* What a user writes: articles (in a file without a gazetteer, all of
 * them imported), notes, tags, bookmarks, saved views, filters. */
static const char userdb_sql_yours[] =
	"SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM note),"
	" (SELECT count(*) FROM tag), (SELECT count(*) FROM bookmark),"
	" (SELECT count(*) FROM saved_view), (SELECT count(*) FROM filter_history)";
static const char userdb_sql_gazetteer[] =
	"SELECT 1 FROM entity WHERE origin = 'curated' LIMIT 1";

/* Only the main file and an empty log: a database just made in WAL mode
 * may have all its pages in the log. */
static int
userdb_is_empty(const char *path)
{
	char wal[PATH_MAX];
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 0)
		return 0;
	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &st) != 0 || st.st_size == 0;
}

/* "3 notes, 1 tag" into B for the counts that are not 0; 0 when all
 * are, -1 when the file cannot say. */
static int
userdb_yours(struct db *db, struct buf *b)
{
	static const char *const what[][2] = {
		{ "imported article", "imported articles" }, { "note", "notes" },
		{ "tag", "tags" }, { "bookmark", "bookmarks" },
		{ "saved view", "saved views" },
		{ "filter in the history", "filters in the history" },
	};
	sqlite3_stmt *st;
	struct err e;
	int i, n, any = 0;

	if ((st = db_stmt(db, userdb_sql_yours, &e)) == NULL)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return -1;
	}
	for (i = 0; i < 6; i++) {
		if ((n = sqlite3_column_int(st, i)) == 0)
			continue;
		buf_printf(b, "%s%d %s", any++ ? ", " : "", n, what[i][n != 1]);
	}
	sqlite3_reset(st);
	return any > 0;
}

/* 1 when the file holds the bundled gazetteer; -1 on an error. */
static int
userdb_has_gazetteer(struct db *db, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, userdb_sql_gazetteer, e);

	return st ? db_step_exists(db, st, "look for the gazetteer", e) : -1;
}

static void
userdb_refuse_bare(struct db *db, struct err *e)
{
	struct buf b;
	int yours;

	buf_init(&b);
	yours = userdb_yours(db, &b);
	err_set(e, "your database %s lacks scotl's data (no gazetteer, no "
	    "recorded events): a first run of an older scotl that was cut short "
	    "left it empty. %s%s%s; " USERDB_REBUILD_HINT "%s, keeping the old "
	    "file beside it", db->path, yours > 0 ? "It holds " : yours == 0 ?
	    "It holds nothing of yours" : "It cannot be read for what of yours "
	    "it holds", yours > 0 ? b.data : "", yours > 0 ? " of yours" : "",
	    yours > 0 ? " and carries them over" : "");
	buf_free(&b);
}

int
userdb_open(struct db **out, const char *path, enum db_mode mode,
    struct err *e)
{
	int has;

	*out = NULL;
	if (userdb_is_empty(path)) {
		err_set(e, "your database %s is empty (0 bytes): a first run of "
		    "an older scotl that was cut short left it. It holds nothing "
		    "of yours; " USERDB_REBUILD_HINT " (or remove the file and run "
		    "scotl again)", path);
		return -1;
	}
	if (db_open(out, path, mode, e) != 0)
		return -1;
	if ((has = userdb_has_gazetteer(*out, e)) == 1)
		return 0;
	if (has == 0)
		userdb_refuse_bare(*out, e);
	db_close(*out);
	*out = NULL;
	return -1;
}

/* --- rebuild --------------------------------------------------------- */

static const char userdb_sql_old_articles[] =
	"SELECT id, name, title, source, url, published, charset, body, author,"
	" title_made FROM old.article ORDER BY id";
static const char userdb_sql_by_hash[] =
	"SELECT id FROM main.article WHERE hash = ?1";
static const char userdb_sql_map_article[] =
	"INSERT INTO temp.map_article(old, new) VALUES (?1, ?2)";

/* An old article into the new file as an import stores it: its
 * mentions, the people it proposes and its event are found again
 * against the new gazetteer. One the new file holds is only mapped. */
static int
userdb_carry_article(struct db *db, sqlite3_stmt *row, struct userdb_carried *c,
    struct err *e)
{
	char hash[65];
	struct article a = {
		.name = (char *)sqlite3_column_text(row, 1),
		.title = (char *)sqlite3_column_text(row, 2),
		.source = (char *)sqlite3_column_text(row, 3),
		.url = (char *)sqlite3_column_text(row, 4),
		.published = (char *)sqlite3_column_text(row, 5),
		.charset = (char *)sqlite3_column_text(row, 6),
		.body = (char *)sqlite3_column_text(row, 7),
		.author = (char *)sqlite3_column_text(row, 8),
		.title_made = sqlite3_column_int(row, 9),
		.hash = hash,
	};
	struct import_outcome out;
	sqlite3_stmt *st;
	long long id = 0;
	int found;

	if (a.title == NULL || a.body == NULL)
		return 0;
	sha256_hex(a.body, strlen(a.body), hash);
	if ((st = db_stmt(db, userdb_sql_by_hash, e)) == NULL)
		return -1;
	db_bind_text(st, 1, hash);
	if ((found = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (found != SQLITE_ROW && found != SQLITE_DONE)
		return db_fail(db, e, "look for an article");
	if (found == SQLITE_DONE) {
		if (import_article(db, &a, &out, e) != 0)
			return -1;
		id = a.id;
		c->articles++;
	}
	if ((st = db_stmt(db, userdb_sql_map_article, e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, sqlite3_column_int64(row, 0));
	sqlite3_bind_int64(st, 2, id);
	return db_step_done(db, st, "map an article", e);
}

static int
userdb_carry_articles(struct db *db, struct userdb_carried *c, struct err *e)
{
	sqlite3_stmt *row;
	int rc;

	if (sqlite3_prepare_v2(db->h, userdb_sql_old_articles, -1, &row,
	    NULL) != SQLITE_OK)
		return db_fail(db, e, "read the old articles");
	while ((rc = sqlite3_step(row)) == SQLITE_ROW)
		if (userdb_carry_article(db, row, c, e) != 0)
			break;
	sqlite3_finalize(row);
	if (rc == SQLITE_ROW)
		return -1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "read the old articles");
}

/* The events of the old file found again: a recorded one by its name
 * (slug), an extracted one as the event its first article reports. */
static const char userdb_sql_map_events[] =
	"CREATE TEMP TABLE map_event(old INTEGER PRIMARY KEY, new INTEGER);"
	"INSERT OR IGNORE INTO temp.map_event SELECT o.id, n.id FROM old.event o"
	"  JOIN main.event n ON n.slug = o.slug;"
	"INSERT OR IGNORE INTO temp.map_event SELECT v.event_id, min(n.event_id)"
	"  FROM old.evidence v JOIN temp.map_article m ON m.old = v.article_id"
	"  JOIN main.evidence n ON n.article_id = m.new GROUP BY v.event_id;";

static int
userdb_attach(struct db *db, const char *old, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "ATTACH ?1 AS old", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(db, e, "open the old database");
	sqlite3_bind_text(st, 1, old, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "open the old database");
}

/* From the old file at OLD into the new one, in one transaction: the
 * articles and the map of the events here, the rest by CARRY. */
static int
userdb_carry(struct db *db, const char *old, userdb_carry_fn *carry,
    void *arg, struct userdb_carried *c, struct err *e)
{
	int rc;

	if (userdb_attach(db, old, e) != 0)
		return -1;
	rc = db_begin_write(db, "rebuild the database", e) != 0 ||
	    db_exec(db, "CREATE TEMP TABLE map_article(old INTEGER PRIMARY KEY,"
	    " new INTEGER)", e) != 0 ||
	    userdb_carry_articles(db, c, e) != 0 ||
	    db_exec(db, userdb_sql_map_events, e) != 0 ||
	    carry(db, arg, e) != 0 || db_commit(db, e) != 0 ? -1 : 0;
	if (rc != 0)
		db_rollback(db);
	db_stmts_reset(db);
	sqlite3_exec(db->h, "DETACH old", NULL, NULL, NULL);
	return rc;
}

static int
userdb_mode_is(struct db *db, const char *sql, const char *want)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
	sqlite3_finalize(st);
	return ok;
}

/* The old file, opened as the user's database is (its schema brought up
 * to date), taken out of WAL mode and locked for this connection alone
 * until it is closed. Leaving WAL needs every other connection closed,
 * so a browser still writing it is not left behind with its log (SQLite
 * names it by path) beside the new file. In DELETE mode with
 * locking_mode=EXCLUSIVE, BEGIN EXCLUSIVE keeps every other process out,
 * readers and writers, until the close, even after its COMMIT (which
 * lets the backup API copy it): they wait on their busy timeout and never
 * write into the old file while it is read (nor after, see
 * userdb_set_aside). The mode is asked again under the lock: another
 * scotl opening it meanwhile may have turned it back to WAL. */
static int
userdb_take_old(struct db **out, const char *path, struct err *e)
{
	struct db *old;

	if (db_open(&old, path, DB_READWRITE, e) != 0)
		return -1;
	if (userdb_mode_is(old, "PRAGMA journal_mode = DELETE", "delete") &&
	    db_exec(old, "PRAGMA foreign_keys = OFF;"
	    " PRAGMA locking_mode = EXCLUSIVE", e) == 0 &&
	    db_exec(old, "BEGIN EXCLUSIVE", e) == 0 &&
	    userdb_mode_is(old, "PRAGMA journal_mode", "delete") &&
	    db_exec(old, "COMMIT", e) == 0) {
		*out = old;
		return 0;
	}
	err_set(e, "cannot rebuild %s while another scotl has it open: "
	    "close it first", path);
	db_close(old);
	return -1;
}

/* The old file, still locked, made useless to anyone who had it open
 * before the rename and writes once the lock is let go: a connection
 * waiting to write would otherwise write into it after it was read, and
 * exit 0 with its write kept only there. Its tables are dropped (the
 * user's copy is PATH.old-TIME, made under the lock), which makes every
 * prepared statement fail, and the table left in their place makes
 * opening it fail (db_check_schema) with a message that says why. It is
 * done after the rename, so that a crash before it leaves the old file
 * whole under PATH, and with the journal in memory: SQLite names the
 * journal by path, and PATH-journal now belongs to the new file (a
 * crash here can only damage a file that has no name any more). */
static int
userdb_set_aside(struct db *old, struct err *e)
{
	sqlite3_stmt *st;
	char *name;
	int rc;

	if (db_exec(old, "PRAGMA journal_mode = MEMORY; BEGIN", e) != 0)
		return -1;
	for (;;) {
		if (sqlite3_prepare_v2(old->h, "SELECT name FROM sqlite_schema"
		    " WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
		    " ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC LIMIT 1", -1, &st,
		    NULL) != SQLITE_OK)
			return db_fail(old, e, "set the old database aside");
		rc = sqlite3_step(st);
		name = rc == SQLITE_ROW ?
		    sqlite3_mprintf("DROP TABLE \"%w\"",
		    (const char *)sqlite3_column_text(st, 0)) : NULL;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			break;
		rc = db_exec(old, name, e);
		sqlite3_free(name);
		if (rc != 0)
			return -1;
	}
	return db_exec(old, "CREATE TABLE " DB_SET_ASIDE "(x); COMMIT", e);
}

/* PATH.old-YYYYmmdd-HHMMSS, a copy of the old file made under its lock:
 * not a second name for it, as the old file itself is set aside. */
static int
userdb_keep_old(struct db *old, const char *path, struct userdb_carried *c,
    struct err *e)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(c->kept, sizeof c->kept, "%s.old-%s", path, stamp);
	if (db_copy_to(old, c->kept, e) == 0)
		return 0;
	c->kept[0] = '\0';
	return -1;
}

int
userdb_rebuild(const char *path, userdb_carry_fn *carry, void *arg,
    struct userdb_carried *c, struct err *e)
{
	char *fresh = xmalloc(strlen(path) + 32);
	struct db *db = NULL, *old = NULL;
	int rc = -1, renamed = 0, empty = userdb_is_empty(path);

	memset(c, 0, sizeof *c);
	if (access(path, F_OK) != 0) {
		free(fresh);
		return paths_make_parents(path, e) != 0 ||
		    bundled_copy(path, e) < 0 ? -1 : 0;
	}
	sprintf(fresh, "%s.rebuild-%ld", path, (long)getpid());
	unlink(fresh);
	/* An empty file holds nothing to keep. The carry-over reads the
	 * copy kept under the lock, which no one else has open. */
	if (!empty && (userdb_take_old(&old, path, e) != 0 ||
	    userdb_keep_old(old, path, c, e) != 0))
		goto done;
	if (bundled_copy(fresh, e) != 0)
		goto done;
	if (!empty && (db_open(&db, fresh, DB_READWRITE, e) != 0 ||
	    userdb_carry(db, c->kept, carry, arg, c, e) != 0))
		goto done;
	db_close(db);
	db = NULL;
	if (rename(fresh, path) != 0) {
		err_set(e, "cannot put the new database in place of %s: %s", path,
		    strerror(errno));
		goto done;
	}
	db_sync_dir(path);
	renamed = 1;
	/* Failing now leaves the new file in place and the copy kept. */
	if (old == NULL || userdb_set_aside(old, e) == 0)
		rc = 0;
done:
	db_close(db);
	db_close(old);
	if (rc != 0 && !renamed) {
		unlink(fresh);
		if (c->kept[0])
			unlink(c->kept);
		c->kept[0] = '\0';
	}
	free(fresh);
	return rc;
}
