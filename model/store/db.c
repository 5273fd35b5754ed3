/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"

#define DB_BUSY_TIMEOUT_MS 5000
/* A writer that waits on (db_set_wait) is told again this often. */
#define DB_WAIT_REPEAT_MS 30000
static int db_is_set_aside(struct db *db);

#define DB_SET_ASIDE_MSG "database %s was made anew by scotl rebuild " \
	"meanwhile: nothing was written; run the command again"

/* How long opening tries to turn a file to WAL while others hold it. */
#define DB_WAL_TRY_MS 100

int
db_schema_version(void)
{
	return schema_migration_count;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

int
db_readonly(const struct db *db)
{
	return db->readonly;
}

const char *
db_readonly_reason(const struct db *db)
{
	return db->readonly ? db->readonly_reason : "";
}

int
db_require_writable(struct db *db, const char *what, struct err *e)
{
	if (!db->readonly)
		return 0;
	err_set(e, "database %s is read-only (%s): cannot %s", db->path,
	    db->readonly_reason, what);
	return -1;
}

/* SQLite calls a write the system refused "disk I/O error"; what the
 * system said (file too large, no space left, read-only file system) is
 * what the user can act on: " (that)", or "". SQLite keeps the system's
 * error only on some paths; after a refused write errno (SAVED, taken
 * as the call failed) still holds it, and is believed only for errors
 * that a write gets. */
static const char *
db_sys_reason(struct db *db, int saved, char *buf, size_t size)
{
	int code = sqlite3_errcode(db->h) & 0xff, sys = sqlite3_system_errno(db->h);

	buf[0] = '\0';
	if (code != SQLITE_IOERR && code != SQLITE_FULL && code != SQLITE_CANTOPEN)
		return buf;
	if (sys == 0 && (saved == EFBIG || saved == ENOSPC || saved == EROFS ||
#ifdef EDQUOT
	    saved == EDQUOT ||
#endif
	    saved == EIO))
		sys = saved;
	if (sys != 0)
		snprintf(buf, size, " (%s)", strerror(sys));
	return buf;
}

int
db_fail(struct db *db, struct err *e, const char *doing)
{
	int saved = errno, code = sqlite3_errcode(db->h) & 0xff;
	char sys[128];

	if (code == SQLITE_READONLY)
		err_set(e, "database %s is read-only: cannot %s", db->path, doing);
	else if (code == SQLITE_ERROR && strncmp(sqlite3_errmsg(db->h),
	    "no such table", 13) == 0 && db_is_set_aside(db))
		err_set(e, "cannot %s: " DB_SET_ASIDE_MSG, doing, db->path);
	else
		err_set(e, "%s: %s%s (database %s)", doing, sqlite3_errmsg(db->h),
		    db_sys_reason(db, saved, sys, sizeof sys), db->path);
	return -1;
}

void
db_bind_text(sqlite3_stmt *st, int col, const char *s)
{
	if (sqlite3_bind_text(st, col, s, -1, SQLITE_TRANSIENT) == SQLITE_NOMEM)
		util_out_of_memory(strlen(s) + 1);
}

int
db_step_exists(struct db *db, sqlite3_stmt *st, const char *what,
    struct err *e)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_fail(db, e, what);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
db_step_done(struct db *db, sqlite3_stmt *st, const char *what, struct err *e)
{
	if (sqlite3_step(st) == SQLITE_DONE)
		return 0;
	return db_fail(db, e, what);
}

int
db_exec(struct db *db, const char *sql, struct err *e)
{
	char *msg = NULL, sys[128];
	int saved;

	errno = 0;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	saved = errno;
	err_set(e, "database %s: %s%s", db->path, msg ? msg : "unknown error",
	    db_sys_reason(db, saved, sys, sizeof sys));
	sqlite3_free(msg);
	return -1;
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql, struct err *e)
{
	struct db_stmt_slot *slot, *free_slot = NULL;
	int i;

	for (i = 0; i < DB_STMT_CACHE; i++) {
		slot = &db->cache[i];
		if (slot->sql == sql) {
			sqlite3_reset(slot->stmt);
			sqlite3_clear_bindings(slot->stmt);
			return slot->stmt;
		}
		if (slot->sql == NULL && free_slot == NULL)
			free_slot = slot;
	}
	if (free_slot == NULL) {
		/* Full: one that is not running now can be prepared again
		 * later; never one that a caller is still stepping. */
		for (i = DB_STMT_CACHE - 1; i >= 0; i--)
			if (!sqlite3_stmt_busy(db->cache[i].stmt))
				break;
		if (i < 0) {
			err_set(e, "too many queries at once (%d)", DB_STMT_CACHE);
			return NULL;
		}
		free_slot = &db->cache[i];
		sqlite3_finalize(free_slot->stmt);
		free_slot->sql = NULL;
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &free_slot->stmt, NULL) != SQLITE_OK) {
		db_fail(db, e, "preparing a query");
		free_slot->stmt = NULL;
		return NULL;
	}
	free_slot->sql = sql;
	return free_slot->stmt;
}

static int
db_progress(void *arg)
{
	struct db *db = arg;

	if (db->stop != NULL && db->stop(db->stop_arg)) {
		db->interrupted = 1;
		return 1;
	}
	return 0;
}

void
db_set_stop(struct db *db, int (*stop)(void *arg), void *arg)
{
	db->stop = stop;
	db->stop_arg = arg;
	db->interrupted = 0;
	sqlite3_progress_handler(db->h, stop ? 4000 : 0, stop ? db_progress : NULL,
	    db);
}

int
db_interrupted(const struct db *db)
{
	return db->interrupted;
}

int
db_begin_write(struct db *db, const char *what, struct err *e)
{
	if (db_require_writable(db, what, e) != 0)
		return -1;
	/* IMMEDIATE takes the write lock now, so a second writer waits on
	 * the busy timeout instead of failing half-way through. */
	return db_exec(db, "BEGIN IMMEDIATE", e);
}

void
db_stmts_reset(struct db *db)
{
	int i;

	for (i = 0; i < DB_STMT_CACHE; i++)
		if (db->cache[i].stmt != NULL)
			sqlite3_reset(db->cache[i].stmt);
}

int
db_commit(struct db *db, struct err *e)
{
	db_stmts_reset(db);
	return db_exec(db, "COMMIT", e);
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int
db_lookup_id(struct db *db, const char *sql, const char *key, long long *id,
    struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	long long n;
	int rc;

	if (st == NULL)
		return -1;
	if (util_parse_ll(key, &n) == 0)
		sqlite3_bind_int64(st, 1, n);
	db_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, e, "looking up");
	return rc == SQLITE_ROW;
}

const char *
db_col_str(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	if (s == NULL && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM)
		util_out_of_memory((size_t)sqlite3_column_bytes(st, col) + 1);
	return (const char *)s;
}

char *
db_col_text(sqlite3_stmt *st, int col)
{
	const char *s = db_col_str(st, col);

	return xstrdup(s ? s : "");
}

int
db_file_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
db_table_count(struct db *db)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_schema",
	    -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Whether the file is one scotl rebuild set aside after this connection
 * opened it, or while it waited to open it. */
static int
db_is_set_aside(struct db *db)
{
	sqlite3_stmt *st;
	int yes = 0;

	if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM sqlite_schema WHERE name = '"
	    DB_SET_ASIDE "'", -1, &st, NULL) != SQLITE_OK)
		return 0;
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

static int
db_migrate(struct db *db, int from, struct err *e)
{
	char pragma[64];
	int v;

	for (v = from; v < schema_migration_count; v++) {
		if (db_exec(db, "BEGIN IMMEDIATE", e) != 0)
			return -1;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (db_exec(db, schema_migrations[v], e) != 0 ||
		    db_exec(db, pragma, e) != 0 || db_commit(db, e) != 0) {
			db_rollback(db);
			return -1;
		}
	}
	return 0;
}

/* Brings the schema up to date, or explains why it cannot be used. */
static int
db_check_schema(struct db *db, struct err *e)
{
	int v = db_file_version(db);

	if (v < 0 && (sqlite3_errcode(db->h) & 0xff) == SQLITE_CORRUPT) {
		err_set(e, "refusing to open %s: the file is damaged (%s)",
		    db->path, sqlite3_errmsg(db->h));
		return -1;
	}
	if (v < 0) {
		err_set(e, "cannot open database %s: %s", db->path,
		    sqlite3_errmsg(db->h));
		return -1;
	}
	if (db_is_set_aside(db)) {
		err_set(e, DB_SET_ASIDE_MSG, db->path);
		return -1;
	}
	if (v > schema_migration_count) {
		err_set(e, "database %s has schema version %d, newer than this "
		    "scotl understands (%d)", db->path, v, schema_migration_count);
		return -1;
	}
	if (v == 0 && db_table_count(db) > 0) {
		err_set(e, "%s is an SQLite database but not a scotl one", db->path);
		return -1;
	}
	/* Before anything is written: a migration's writes would fire a
	 * trigger the file brought. */
	if (strcmp(db->path, ":memory:") != 0 &&
	    (dbcheck_schema(db, v, e) != 0 || dbcheck_pages(db, e) != 0))
		return -1;
	if (v == schema_migration_count || db->peek)
		return 0;
	if (db->readonly) {
		err_set(e, "database %s has schema version %d and is read-only "
		    "(%s): open it writable once to upgrade it to version %d",
		    db->path, v, db->readonly_reason, schema_migration_count);
		return -1;
	}
	return db_migrate(db, v, e);
}

/* The directory that holds PATH, as a new string. */
static char *
db_dir_of(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

/* A database in WAL mode is read through a -shm file beside it, which
 * SQLite must be able to create even to read: in a directory it cannot
 * write (a read-only mount) and with neither that file nor a log there,
 * it cannot open the database at all. Nobody can be writing it there (a
 * writer makes both files), so it is opened as immutable: read as the
 * file is, without locks. */
static int
db_needs_immutable(const char *path, int peek)
{
	unsigned char hdr[20];
	char side[PATH_MAX], *dir = db_dir_of(path);
	int fd, writable = access(dir, W_OK) == 0;
	ssize_t n;

	free(dir);
	/* A peek must not leave the -wal and -shm files that a read-only
	 * connection makes and does not remove. Without a log the file is
	 * whole (the last to close checkpoints it and removes it); one that
	 * opens it meanwhile could only make the peek fail, never the file. */
	if (writable && !peek)
		return 0;
	snprintf(side, sizeof side, "%s-shm", path);
	if (access(side, F_OK) == 0)
		return 0;
	snprintf(side, sizeof side, "%s-wal", path);
	if (access(side, F_OK) == 0 || (fd = open(path, O_RDONLY)) < 0)
		return 0;
	n = read(fd, hdr, sizeof hdr);
	close(fd);
	return n == (ssize_t)sizeof hdr &&
	    memcmp(hdr, "SQLite format 3", 16) == 0 && hdr[18] == 2 && hdr[19] == 2;
}

/* Decides before opening whether the file can be written at all. */
static int
db_probe_file(struct db *db, enum db_mode mode, struct err *e)
{
	struct stat st;
	char *dir;

	if (strcmp(db->path, ":memory:") == 0)
		return 0;
	if (stat(db->path, &st) != 0) {
		if (errno == ENOENT && mode == DB_CREATE)
			return 0;
		err_set(e, "cannot open database %s: %s", db->path,
		    strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		err_set(e, "cannot open database %s: not a regular file", db->path);
		return -1;
	}
	if ((db->immutable = db_needs_immutable(db->path, db->peek)) &&
	    !db->readonly) {
		db->readonly = 1;
		snprintf(db->readonly_reason, sizeof db->readonly_reason,
		    "its directory is not writable");
	}
	if (mode == DB_READONLY || mode == DB_PEEK || db->immutable)
		return 0;
	/* No write bit counts even for root, who could write anyway: the
	 * owner said this file is not to be changed. */
	if (access(db->path, W_OK) != 0 || (st.st_mode & 0222) == 0) {
		db->readonly = 1;
		snprintf(db->readonly_reason, sizeof db->readonly_reason,
		    "the file is not writable");
		return 0;
	}
	/* SQLite writes its journal beside the file. */
	dir = db_dir_of(db->path);
	if (access(dir, W_OK) != 0) {
		db->readonly = 1;
		snprintf(db->readonly_reason, sizeof db->readonly_reason,
		    "its directory is not writable");
	}
	free(dir);
	return 0;
}

static double
db_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
db_sleep_ms(long ms)
{
	struct timespec step = { .tv_sec = ms / 1000,
	    .tv_nsec = (ms % 1000) * 1000000L };

	nanosleep(&step, NULL);
}

/* Waits for a lock in steps of a millisecond, DB_BUSY_TIMEOUT_MS in all.
 * SQLite's own busy timeout backs off to 100 ms between tries, and a
 * steady writer (an import commits an article every few ms) leaves the
 * lock free only for moments between its transactions: a browser saving
 * its filter history or its place waited up to hundreds of ms for a
 * moment it could have had in a few. A connection with a wait hook
 * (db_set_wait) goes on waiting for as long as the hook says, in steps
 * of 10 ms: the lock is then held by something slow. */
static int
db_busy(void *arg, int tries)
{
	struct db *db = arg;
	double now = db_now_ms();

	if (tries == 0) {
		db->busy_since = now;
		db->wait_next = 0;
	}
	if (now - db->busy_since < DB_BUSY_TIMEOUT_MS) {
		db_sleep_ms(1);
		return 1;
	}
	if (db->wait == NULL)
		return 0;
	if (db->wait_next == 0 || now >= db->wait_next) {
		if (!db->wait(db->wait_arg, db->path,
		    (now - db->busy_since) / 1e3, db->wait_next == 0))
			return 0;
		db->wait_next = now + DB_WAIT_REPEAT_MS;
	}
	db_sleep_ms(10);
	return 1;
}

void
db_set_wait(struct db *db, int (*wait)(void *arg, const char *path,
    double seconds, int first), void *arg)
{
	db->wait = wait;
	db->wait_arg = arg;
}

static int
db_configure(struct db *db, struct err *e)
{
	int on = 1, off = 0;

	/* A file may come from anyone (dbcheck.c): SQLite must not trust
	 * it. No writing the schema by hand, no functions with side effects
	 * from the schema, no extensions, no views (scotl has none: one in
	 * a file could only be someone else's), cells checked for sizes
	 * that point outside their page, and no memory mapping, with which
	 * a damaged file or one truncated under us could fault. */
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off, NULL);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, off, NULL);
#ifdef SQLITE_DBCONFIG_ENABLE_VIEW
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_VIEW, off, NULL);
#endif
	sqlite3_busy_handler(db->h, db_busy, db);
	if (schema_functions(db->h) != SQLITE_OK)
		return db_fail(db, e, "define the migrations' functions");
	/* A write that fires triggers (event_month) keeps a statement
	 * journal; on disk it costs a dozen writes a row (10 times slower
	 * to generate a corpus). Sorts stay small: windows are keyset. */
	if (db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
	    " PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0", e) != 0)
		return -1;
	if (sqlite3_errcode(db->h) == SQLITE_NOTADB)
		return -1;
	return 0;
}

/* "file:PATH?immutable=1", the path escaped as a URI's. */
static char *
db_immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b;
	const unsigned char *p;

	buf_init(&b);
	buf_adds(&b, "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-~", *p) != NULL) {
			buf_addc(&b, (char)*p);
			continue;
		}
		buf_addc(&b, '%');
		buf_addc(&b, hex[*p >> 4]);
		buf_addc(&b, hex[*p & 15]);
	}
	buf_adds(&b, "?immutable=1");
	return buf_steal(&b);
}

static int
db_open_handle(struct db *db, enum db_mode mode, struct err *e)
{
	int flags = SQLITE_OPEN_NOMUTEX;
	char *name;
	int rc;

	if (db->readonly || mode == DB_READONLY || mode == DB_PEEK)
		flags |= SQLITE_OPEN_READONLY;
	else
		flags |= SQLITE_OPEN_READWRITE |
		    (mode == DB_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (db->immutable) {
		name = db_immutable_uri(db->path);
		flags |= SQLITE_OPEN_URI;
	} else if (strncmp(db->path, "file:", 5) == 0) {
		/* This SQLite reads "file:" names as URIs; a path never is one. */
		name = xmalloc(strlen(db->path) + 3);
		sprintf(name, "./%s", db->path);
	} else {
		name = xstrdup(db->path);
	}
	rc = sqlite3_open_v2(name, &db->h, flags, NULL);
	free(name);
	if (rc != SQLITE_OK) {
		err_set(e, "cannot open database %s: %s", db->path,
		    db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

/* WAL lets readers read while one process writes. Turning a file to WAL
 * takes it to itself for a moment, and SQLite does so while it holds a
 * read lock that it cannot give up: while another connection holds a
 * lock (another scotl opening the same file at the same moment and
 * turning it, or a writer in the old mode), it answers "database is
 * locked" at once, without waiting. It is tried again for a while; then
 * the connection goes on in the file's mode, which works as well (and a
 * file turned meanwhile by someone else is read as WAL anyway). */
static int
db_wal(struct db *db, struct err *e)
{
	double start = db_now_ms();

	while (db_exec(db, "PRAGMA journal_mode = WAL", e) != 0) {
		if ((sqlite3_errcode(db->h) & 0xff) != SQLITE_BUSY)
			return -1;
		if (db_now_ms() - start >= DB_WAL_TRY_MS)
			return 0;
		db_sleep_ms(1);
	}
	return 0;
}

/* The entry of KEY in DB's slots; -1 when its module set none yet. */
static int
db_slot_find(struct db *db, const struct db_slot_key *key)
{
	int i;

	for (i = 0; i < DB_SLOTS; i++)
		if (db->slot[i].key == key)
			return i;
	return -1;
}

/* A free entry for KEY: the table is fixed, so that keeping a cache
 * never allocates, and it has room for every module that keeps one. */
static int
db_slot_take(struct db *db, const struct db_slot_key *key)
{
	int i = db_slot_find(db, NULL);

	if (i < 0) {
		fprintf(stderr, "scotl: more than %d slots in a connection "
		    "(%s): raise DB_SLOTS\n", DB_SLOTS, key->name);
		abort();
	}
	db->slot[i].key = key;
	return i;
}

void *
db_slot(struct db *db, const struct db_slot_key *key)
{
	int i = db_slot_find(db, key);

	return i >= 0 ? db->slot[i].data : NULL;
}

void
db_slot_set(struct db *db, const struct db_slot_key *key, void *data,
    void (*free_fn)(void *))
{
	int i = db_slot_find(db, key);
	void *old;

	if (i < 0) {
		if (data == NULL)
			return;
		i = db_slot_take(db, key);
	}
	old = db->slot[i].data;
	if (old != NULL && old != data && db->slot[i].free_fn != NULL)
		db->slot[i].free_fn(old);
	db->slot[i].data = data;
	db->slot[i].free_fn = free_fn;
}

int
db_open(struct db **out, const char *path, enum db_mode mode, struct err *e)
{
	struct db *db = xcalloc(1, sizeof *db);

	*out = NULL;
	db->path = xstrdup(path);
	db->peek = mode == DB_PEEK;
	if (mode == DB_READONLY || mode == DB_PEEK) {
		db->readonly = 1;
		snprintf(db->readonly_reason, sizeof db->readonly_reason,
		    "opened read-only");
	}
	if (db_probe_file(db, mode, e) != 0 || db_open_handle(db, mode, e) != 0 ||
	    db_configure(db, e) != 0)
		goto fail;
	if (db_check_schema(db, e) != 0)
		goto fail;
	/* WAL with synchronous=NORMAL: a crash of the program or the system
	 * never corrupts the file; a power cut may lose the last commits,
	 * and in exchange a commit does not wait for the disk. */
	if (!db->readonly && strcmp(path, ":memory:") != 0 &&
	    (db_wal(db, e) != 0 ||
	    db_exec(db, "PRAGMA synchronous = NORMAL", e) != 0))
		goto fail;
	*out = db;
	return 0;
fail:
	if (strstr(e->msg, "file is not a database") != NULL)
		err_set(e, "%s is not a scotl database (not an SQLite file)", path);
	/* SQLite's messages quote names from the file. */
	util_clean_terminal(e->msg, 1);
	/* Not vetted, whatever was found before it failed. */
	dbcheck_forget(db);
	db_close(db);
	return -1;
}

void
db_close(struct db *db)
{
	int i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_STMT_CACHE; i++)
		sqlite3_finalize(db->cache[i].stmt);
	if (sqlite3_close(db->h) == SQLITE_OK)
		dbcheck_remember(db);
	for (i = 0; i < DB_SLOTS; i++)
		if (db->slot[i].key != NULL)
			db_slot_set(db, db->slot[i].key, NULL, NULL);
	free(db->path);
	free(db);
}

/* Syncs the directory that holds PATH, so that a name just linked or
 * renamed there survives a power cut. */
void
db_sync_dir(const char *path)
{
	char *dir = db_dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	free(dir);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* SRC's pages into the empty file TMP (open as FD), on the disk. */
static int
db_copy_pages(struct db *src, const char *tmp, int fd, struct err *e)
{
	sqlite3_backup *bk;
	sqlite3 *dst;
	int rc;

	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		err_set(e, "cannot create %s: %s", tmp,
		    dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return -1;
	}
	bk = sqlite3_backup_init(dst, "main", src->h, "main");
	rc = bk ? sqlite3_backup_step(bk, -1) : SQLITE_ERROR;
	if (bk)
		sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		err_set(e, "cannot copy %s to %s: %s", src->path, tmp,
		    sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	/* In WAL mode from the start: several first runs at once would
	 * each try to switch it (db_open), which needs the file alone, and
	 * all but one would fail with "database is locked". */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = WAL", NULL, NULL,
	    NULL) != SQLITE_OK) {
		err_set(e, "cannot write %s: %s", tmp, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	if (sqlite3_close(dst) != SQLITE_OK || fsync(fd) != 0) {
		err_set(e, "cannot write %s: %s", tmp, strerror(errno));
		return -1;
	}
	return 0;
}

/* The copy is made whole under a name of its own and only then given
 * DEST's name, so that DEST is never seen part-made: a copy killed half
 * way leaves at most its temporary file, never an empty DEST that later
 * runs would take for a database. link(2), not rename(2): a copy made
 * at the same time by another process that got there first is kept (it
 * may be in use already), and this one is dropped. mkstemp makes the
 * file 0600, whatever the umask; SQLite gives its -wal and -shm files
 * the mode of the database. */
int
db_copy_to(struct db *src, const char *dest, struct err *e)
{
	char *tmp = xmalloc(strlen(dest) + 16);
	int fd, rc = -1;

	sprintf(tmp, "%s.tmp-XXXXXX", dest);
	if ((fd = mkstemp(tmp)) < 0) {
		err_set(e, "cannot create %s: %s", dest, strerror(errno));
		free(tmp);
		return -1;
	}
	if (db_copy_pages(src, tmp, fd, e) != 0)
		goto done;
	if (link(tmp, dest) == 0)
		rc = 0;
	else if (errno == EEXIST) {
		err_set(e, "cannot create %s: %s", dest, strerror(errno));
		rc = 1;
	} else if ((errno == EPERM || errno == ENOTSUP || errno == ENOSYS) &&
	    access(dest, F_OK) != 0 && rename(tmp, dest) == 0) {
		/* A file system without hard links (FAT, some network ones). */
		tmp[0] = '\0';
		rc = 0;
	} else {
		err_set(e, "cannot create %s: %s", dest, strerror(errno));
	}
	if (rc == 0)
		db_sync_dir(dest);
done:
	close(fd);
	if (tmp[0])
		unlink(tmp);
	free(tmp);
	return rc;
}

/* The backup API, not sqlite3_serialize(), which SQLite before 3.36
 * leaves out by default. The copy is scotl's own (SRC was checked when
 * it was opened) and its name says what it is in messages. */
int
db_open_memory_copy(struct db **out, struct db *src, struct err *e)
{
	sqlite3_backup *bk;
	struct db *db;
	int rc;

	if (db_open(&db, ":memory:", DB_CREATE, e) != 0)
		return -1;
	bk = sqlite3_backup_init(db->h, "main", src->h, "main");
	rc = bk ? sqlite3_backup_step(bk, -1) : SQLITE_ERROR;
	if (bk)
		sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		err_set(e, "cannot copy %s into memory: %s", src->path,
		    sqlite3_errmsg(db->h));
		db_close(db);
		return -1;
	}
	/* A file opened DB_PEEK is left at its version: the copy is
	 * brought up to date instead. */
	if (db_check_schema(db, e) != 0) {
		db_close(db);
		return -1;
	}
	free(db->path);
	db->path = xmalloc(strlen(src->path) + 32);
	sprintf(db->path, "%s (a copy in memory)", src->path);
	*out = db;
	return 0;
}
