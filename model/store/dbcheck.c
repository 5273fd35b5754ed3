/* SPDX-License-Identifier: ISC */
/* What a database file must be before scotl reads or writes it. A file
 * given with --db may come from anyone: it must hold scotl's schema and
 * nothing else (a trigger of its own on a table scotl writes would run on
 * scotl's writes; a view or a changed table could call functions), and
 * its pages must be sound. SQLite is kept from trusting the file by the
 * settings in db.c (defensive mode, trusted_schema off, no views, no
 * extensions, cell_size_check, no mmap); these checks refuse, with the
 * file's name and the reason, a file that would need them. */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "scotl/paths.h"

#define DBCHECK_CACHE_NAME "checked"
#define DBCHECK_CACHE_MAX 64
#define DBCHECK_NAME_MAX 48
/* How quick_check's report begins: said once, by the message. */
#define DBCHECK_MAIN "*** in database main ***\n"

/* What the file was when it was last found sound: its identity, size and
 * time, and its write-ahead log's (whose pages are read as the file's). */
struct dbcheck_stamp {
	unsigned long long dev, ino, size, wal_size;
	long long mtime_ns, wal_mtime_ns;
};

/* Kept with the connection (in its slot) for db_close. */
struct dbcheck_state {
	enum dbcheck_how how;           /* how its pages were vetted */
	struct dbcheck_stamp stamp;     /* and the file's stamp then */
};

static const struct db_slot_key dbcheck_slot = { .name = "dbcheck" };

static const char dbcheck_sql_schema[] =
	"SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name, type";

/* A column of the file as text safe to print: names come from the file. */
static void
dbcheck_col(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	snprintf(out, size, "%.*s%s", DBCHECK_NAME_MAX, s ? (const char *)s : "",
	    s && strlen((const char *)s) > DBCHECK_NAME_MAX ? "..." : "");
	util_clean_terminal(out, 1);
}

/* Compares column COL of two rows as SQLite's BINARY collation does:
 * bytes, then length (a name may hold a NUL). */
static int
dbcheck_cmp(sqlite3_stmt *a, sqlite3_stmt *b, int col)
{
	const void *x = sqlite3_column_blob(a, col), *y = sqlite3_column_blob(b, col);
	int nx = sqlite3_column_bytes(a, col), ny = sqlite3_column_bytes(b, col);
	int c = memcmp(x ? x : "", y ? y : "", (size_t)(nx < ny ? nx : ny));

	return c != 0 ? c : nx - ny;
}

/* FTS5 keeps article_fts's and article_trigram's indexes in tables of
 * their own. Their text is
 * written by the SQLite that made the file and may differ between its
 * versions; SQL cannot write them in defensive mode. Their names are
 * checked, not their text. */
static int
dbcheck_is_shadow(sqlite3_stmt *st)
{
	static const char *const names[] = {
		"article_fts_data", "article_fts_idx", "article_fts_docsize",
		"article_fts_config", "article_fts_content",
		"article_trigram_data", "article_trigram_idx",
		"article_trigram_docsize", "article_trigram_config",
		"article_trigram_content",
	};
	const char *type = (const char *)sqlite3_column_text(st, 0);
	const char *name = (const char *)sqlite3_column_text(st, 1);
	size_t i;

	if (type == NULL || name == NULL || strcmp(type, "table") != 0)
		return 0;
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* ANALYZE's statistics (the sqlite3 shell's PRAGMA optimize makes them):
 * they steer the query planner and run nothing. */
static int
dbcheck_is_stat(sqlite3_stmt *st)
{
	const char *sql = (const char *)sqlite3_column_text(st, 3);

	return sql != NULL &&
	    (strcmp(sql, "CREATE TABLE sqlite_stat1(tbl,idx,stat)") == 0 ||
	    strcmp(sql, "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)")
	    == 0);
}

/* The schema could not be read: damaged, or not what scotl reads. */
static int
dbcheck_unreadable(struct db *db, struct err *e)
{
	if ((sqlite3_errcode(db->h) & 0xff) == SQLITE_CORRUPT)
		err_set(e, "refusing to open %s: the file is damaged (%s)",
		    db->path, sqlite3_errmsg(db->h));
	else
		err_set(e, "refusing to open %s: its schema cannot be read (%s)",
		    db->path, sqlite3_errmsg(db->h));
	return -1;
}

/* "trigger 'x' on ui_state", "table 'y'": an object of the file, named. */
static void
dbcheck_describe(sqlite3_stmt *st, char *out, size_t size)
{
	char type[DBCHECK_NAME_MAX + 8], name[DBCHECK_NAME_MAX + 8];
	char table[DBCHECK_NAME_MAX + 8];

	dbcheck_col(st, 0, type, sizeof type);
	dbcheck_col(st, 1, name, sizeof name);
	dbcheck_col(st, 2, table, sizeof table);
	if (strcmp(name, table) == 0)
		snprintf(out, size, "%s '%s'", type, name);
	else
		snprintf(out, size, "%s '%s' on %s", type, name, table);
}

/* An empty database brought to VERSION by the migrations: what the file
 * must hold. In memory, a millisecond or two. */
static int
dbcheck_expected(sqlite3 **out, int version, struct err *e)
{
	char *msg = NULL;
	int v;

	if (sqlite3_open_v2(":memory:", out, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		err_set(e, "cannot make the reference schema: %s",
		    *out ? sqlite3_errmsg(*out) : "out of memory");
		return -1;
	}
	if (schema_functions(*out) != SQLITE_OK) {
		err_set(e, "cannot make the reference schema: %s",
		    sqlite3_errmsg(*out));
		return -1;
	}
	for (v = 0; v < version; v++) {
		if (sqlite3_exec(*out, schema_migrations[v], NULL, NULL, &msg) !=
		    SQLITE_OK) {
			err_set(e, "cannot make the reference schema: %s",
			    msg ? msg : "unknown error");
			sqlite3_free(msg);
			return -1;
		}
	}
	return 0;
}

/* The first difference between the file's schema (F) and the reference
 * (X), both in name order; 0 when there is none. */
static int
dbcheck_merge(struct db *db, sqlite3_stmt *f, sqlite3_stmt *x, struct err *e)
{
	int rf = sqlite3_step(f), rx = sqlite3_step(x), c;
	char what[3 * DBCHECK_NAME_MAX + 64];

	while (rf == SQLITE_ROW || rx == SQLITE_ROW) {
		if (rf == SQLITE_ROW && dbcheck_is_stat(f)) {
			rf = sqlite3_step(f);
			continue;
		}
		c = rf != SQLITE_ROW ? 1 : rx != SQLITE_ROW ? -1 :
		    dbcheck_cmp(f, x, 1) ? dbcheck_cmp(f, x, 1) : dbcheck_cmp(f, x, 0);
		if (c < 0) {
			dbcheck_describe(f, what, sizeof what);
			err_set(e, "refusing to open %s: it holds a %s that scotl "
			    "does not create (a file changed by another program; "
			    "nothing in it was run)", db->path, what);
			return -1;
		}
		if (c > 0) {
			dbcheck_describe(x, what, sizeof what);
			err_set(e, "refusing to open %s: it is not a whole scotl "
			    "database (its %s is missing)", db->path, what);
			return -1;
		}
		if (dbcheck_cmp(f, x, 2) != 0 || (!dbcheck_is_shadow(f) &&
		    (sqlite3_column_type(f, 3) != sqlite3_column_type(x, 3) ||
		    dbcheck_cmp(f, x, 3) != 0))) {
			dbcheck_describe(f, what, sizeof what);
			err_set(e, "refusing to open %s: its %s is not the one "
			    "scotl creates (a file changed by another program; "
			    "nothing in it was run)", db->path, what);
			return -1;
		}
		rf = sqlite3_step(f);
		rx = sqlite3_step(x);
	}
	return rf == SQLITE_DONE ? 0 : dbcheck_unreadable(db, e);
}

int
dbcheck_schema(struct db *db, int version, struct err *e)
{
	sqlite3 *ref = NULL;
	sqlite3_stmt *f = NULL, *x = NULL;
	int rc = -1;

	if (dbcheck_expected(&ref, version, e) != 0)
		goto done;
	if (sqlite3_prepare_v2(db->h, dbcheck_sql_schema, -1, &f, NULL) !=
	    SQLITE_OK) {
		dbcheck_unreadable(db, e);
		goto done;
	}
	if (sqlite3_prepare_v2(ref, dbcheck_sql_schema, -1, &x, NULL) !=
	    SQLITE_OK) {
		err_set(e, "cannot read the reference schema: %s",
		    sqlite3_errmsg(ref));
		goto done;
	}
	rc = dbcheck_merge(db, f, x, e);
done:
	sqlite3_finalize(f);
	sqlite3_finalize(x);
	sqlite3_close(ref);
	return rc;
}

/* --- pages: PRAGMA quick_check, once per version of a file ------------- */

/* The stamp of the file at PATH now. */
static void
dbcheck_stamp_of(const char *path, struct dbcheck_stamp *s)
{
	char wal[PATH_MAX];
	struct stat st;

	memset(s, 0, sizeof *s);
	if (stat(path, &st) == 0) {
		s->dev = (unsigned long long)st.st_dev;
		s->ino = (unsigned long long)st.st_ino;
		s->size = (unsigned long long)st.st_size;
		s->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
		    st.st_mtim.tv_nsec;
	}
	/* An empty log holds no pages; SQLite makes one on every open. */
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (stat(wal, &st) == 0 && st.st_size > 0) {
		s->wal_size = (unsigned long long)st.st_size;
		s->wal_mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
		    st.st_mtim.tv_nsec;
	}
}

static int
dbcheck_stamp_parse(const char *line, struct dbcheck_stamp *s)
{
	return sscanf(line, "%llu %llu %llu %lld %llu %lld", &s->dev, &s->ino,
	    &s->size, &s->mtime_ns, &s->wal_size, &s->wal_mtime_ns) == 6 ? 0 : -1;
}

static int
dbcheck_stamp_same(const struct dbcheck_stamp *a, const struct dbcheck_stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	    a->mtime_ns == b->mtime_ns && a->wal_size == b->wal_size &&
	    a->wal_mtime_ns == b->wal_mtime_ns;
}

/* 1 when the cache holds exactly this stamp: the file has not changed
 * since it was found sound. A cache that cannot be read holds nothing. */
static int
dbcheck_cached(const struct dbcheck_stamp *s)
{
	struct dbcheck_stamp c;
	char path[PATH_MAX], line[256];
	struct err e;
	FILE *fp;
	int found = 0;

	if (s->ino == 0 || paths_cache_file(path, sizeof path, DBCHECK_CACHE_NAME,
	    &e) != 0 || (fp = fopen(path, "r")) == NULL)
		return 0;
	while (!found && fgets(line, sizeof line, fp) != NULL)
		found = dbcheck_stamp_parse(line, &c) == 0 &&
		    dbcheck_stamp_same(&c, s);
	fclose(fp);
	return found;
}

static void
dbcheck_stamp_print(FILE *fp, const struct dbcheck_stamp *s)
{
	fprintf(fp, "%llu %llu %llu %lld %llu %lld\n", s->dev, s->ino, s->size,
	    s->mtime_ns, s->wal_size, s->wal_mtime_ns);
}

/* Adds S to the cache, in place of any older stamp of the same file,
 * keeping the newest DBCHECK_CACHE_MAX. Written aside and renamed: two
 * processes at once lose at most a stamp (and the file is checked again). */
static void
dbcheck_cache_add(const struct dbcheck_stamp *s)
{
	struct dbcheck_stamp old[DBCHECK_CACHE_MAX], c;
	char path[PATH_MAX], tmp[PATH_MAX + 32], line[256];
	struct err e;
	FILE *in, *out;
	int n = 0, i, fd;

	if (s->ino == 0 || paths_cache_file(path, sizeof path, DBCHECK_CACHE_NAME,
	    &e) != 0 || paths_make_parents(path, &e) != 0)
		return;
	/* A ring of the newest: the oldest fall out when it is full. */
	if ((in = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, in) != NULL)
			if (dbcheck_stamp_parse(line, &c) == 0 &&
			    (c.dev != s->dev || c.ino != s->ino))
				old[n++ % DBCHECK_CACHE_MAX] = c;
		fclose(in);
	}
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	/* 0600 like the rest of scotl's files: it says which databases the
	 * user opened. */
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		return;
	if ((out = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		return;
	}
	for (i = n < DBCHECK_CACHE_MAX ? 0 : n - DBCHECK_CACHE_MAX + 1; i < n; i++)
		dbcheck_stamp_print(out, &old[i % DBCHECK_CACHE_MAX]);
	dbcheck_stamp_print(out, s);
	if (fclose(out) != 0 || rename(tmp, path) != 0)
		unlink(tmp);
}

/* The user's own database and the bundled one are made by scotl alone. */
static int
dbcheck_is_own(const char *path)
{
	char own[PATH_MAX], rp[PATH_MAX], ro[PATH_MAX];
	struct err e;

	if (realpath(path, rp) == NULL)
		return 0;
	if (paths_user_db(own, sizeof own, &e) == 0 && realpath(own, ro) != NULL &&
	    strcmp(rp, ro) == 0)
		return 1;
	return paths_bundled_db(own, sizeof own, &e) == 0 &&
	    realpath(own, ro) != NULL && strcmp(rp, ro) == 0;
}

/* quick_check says "unable to get the page. error code=N" when reading a
 * page failed: the primary code N when that was an I/O error or out of
 * memory, not a damaged page (SQLITE_CORRUPT); else 0. */
static int
dbcheck_unread(const char *report)
{
	const char *p = strstr(report, "error code=");
	int code;

	if (p == NULL)
		return 0;
	code = atoi(p + strlen("error code=")) & 0xff;
	return code == SQLITE_IOERR || code == SQLITE_NOMEM ? code : 0;
}

/* One PRAGMA quick_check(1): 0 when ok; else its report, cleaned, in
 * first, and the primary code of what kept it from reading the file, or
 * SQLITE_CORRUPT when it read and found damage. */
static int
dbcheck_quick_once(struct db *db, char *first, size_t size)
{
	sqlite3_stmt *st;
	const char *r;
	int rc;

	if (sqlite3_prepare_v2(db->h, "PRAGMA quick_check(1)", -1, &st, NULL) !=
	    SQLITE_OK) {
		snprintf(first, size, "%s", sqlite3_errmsg(db->h));
		return sqlite3_errcode(db->h) & 0xff;
	}
	rc = sqlite3_step(st);
	r = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	snprintf(first, size, "%s", r ? r : sqlite3_errmsg(db->h));
	if (r == NULL)
		rc = sqlite3_errcode(db->h) & 0xff;
	sqlite3_finalize(st);
	if (strncmp(first, DBCHECK_MAIN, strlen(DBCHECK_MAIN)) == 0)
		memmove(first, first + strlen(DBCHECK_MAIN),
		    strlen(first + strlen(DBCHECK_MAIN)) + 1);
	if (rc == SQLITE_ROW && strcmp(first, "ok") == 0)
		return 0;
	util_clean_terminal(first, 1);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ?
		    SQLITE_CORRUPT : rc;
	return dbcheck_unread(first) != 0 ? dbcheck_unread(first) :
	    SQLITE_CORRUPT;
}

/* A report of damage is believed only when a second check repeats it:
 * some reports of a page that could not be read ("failed to get page")
 * do not say why, and a read that failed once is not damage. */
static int
dbcheck_quick(struct db *db, struct err *e)
{
	char first[512], again[512];
	int rc;

	if ((rc = dbcheck_quick_once(db, first, sizeof first)) == 0)
		return 0;
	if (rc == SQLITE_CORRUPT &&
	    (rc = dbcheck_quick_once(db, again, sizeof again)) == 0)
		return 0;
	if (rc == SQLITE_CORRUPT)
		err_set(e, "refusing to open %s: the file is damaged (PRAGMA "
		    "quick_check: %s)", db->path, first);
	else
		err_set(e, "refusing to open %s: it could not be read to be "
		    "checked (%s; PRAGMA quick_check: %s)", db->path,
		    sqlite3_errstr(rc), first);
	return -1;
}

/* quick_check reads every page: on the 740 MB benchmark corpus it takes
 * seconds, so it runs only where it can find something new. Not on the
 * user's own database and the bundled one, which only scotl writes; not
 * on a file whose stamp (device, inode, size, times, and its WAL's) is in
 * the cache, which scotl checked or wrote last; on any other file, once.
 * What the stamp skips is the page check: the schema is compared on every
 * open (a millisecond), and a page damaged after the check still fails
 * cleanly (cell_size_check) instead of being trusted. */
int
dbcheck_pages(struct db *db, struct err *e)
{
	struct dbcheck_state *s = xcalloc(1, sizeof *s);

	db_slot_set(db, &dbcheck_slot, s, free);
	if (strcmp(db->path, ":memory:") == 0 || dbcheck_is_own(db->path)) {
		s->how = DBCHECK_OWN;
		return 0;
	}
	dbcheck_stamp_of(db->path, &s->stamp);
	/* A file just made (load, import into a new file): no pages yet, and
	 * no stamp to keep for it until another program has had it. */
	if (s->stamp.size == 0 && s->stamp.wal_size == 0)
		return 0;
	if (dbcheck_cached(&s->stamp)) {
		s->how = DBCHECK_STAMP;
		return 0;
	}
	if (dbcheck_quick(db, e) != 0)
		return -1;
	s->how = DBCHECK_RAN;
	dbcheck_cache_add(&s->stamp);
	return 0;
}

enum dbcheck_how
dbcheck_checked(struct db *db)
{
	struct dbcheck_state *s = db_slot(db, &dbcheck_slot);

	return s != NULL ? s->how : DBCHECK_NONE;
}

/* After the connection is closed (the WAL is folded into the file then):
 * what scotl itself wrote into a sound file leaves it sound, so the new
 * stamp goes into the cache. A writer of another program meanwhile would
 * be taken for scotl; its pages still pass cell_size_check on reading. */
void
dbcheck_remember(struct db *db)
{
	struct dbcheck_state *s = db_slot(db, &dbcheck_slot);
	enum dbcheck_how how = dbcheck_checked(db);
	struct dbcheck_stamp now;

	if (db->readonly || (how != DBCHECK_RAN && how != DBCHECK_STAMP))
		return;
	dbcheck_stamp_of(db->path, &now);
	if (!dbcheck_stamp_same(&now, &s->stamp))
		dbcheck_cache_add(&now);
}

void
dbcheck_forget(struct db *db)
{
	db_slot_set(db, &dbcheck_slot, NULL, NULL);
}
