/* SPDX-License-Identifier: ISC */
/* What model/ modules share and nothing else sees: the database handle,
 * the statement cache and the cache slots. Never included from tui/. */
#ifndef SCOTL_MODEL_INTERNAL_H
#define SCOTL_MODEL_INTERNAL_H

#include <sqlite3.h>

#include "scotl/db.h"
#include "scotl/util.h"

#define DB_STMT_CACHE 128

/* The one table left in a file that scotl rebuild set aside
 * (userdb_set_aside): whoever still had it open is told so. */
#define DB_SET_ASIDE "scotl_set_aside_by_rebuild"

struct db_stmt_slot {
	const char *sql;        /* the static string it was prepared from */
	sqlite3_stmt *stmt;
};

/* How a file's pages were found sound (dbcheck.c). */
enum dbcheck_how {
	DBCHECK_NONE,           /* not yet */
	DBCHECK_OWN,            /* the user's own or the bundled one: not checked */
	DBCHECK_RAN,            /* PRAGMA quick_check ran and passed */
	DBCHECK_STAMP,          /* unchanged since it last passed (the cache) */
};

/* What a module keeps with a connection (a cache) lives in a struct
 * private to its file, in a slot of the connection that the module finds
 * by the address of its own static key: the store names none of the
 * modules above it. db_close frees each with the hook it was set with,
 * after the connection is closed (dbcheck.c stamps the file then): a
 * slot holds nothing of SQLite's. */
struct db_slot_key {
	const char *name;       /* the module, for the message of a full table */
};

/* More modules keeping a slot than this is a programming error, which
 * ends the process with a message (db_slot_set). */
#define DB_SLOTS 8

struct db {
	sqlite3 *h;
	char *path;
	int readonly;
	char readonly_reason[256];
	int peek;                       /* db.c: opened DB_PEEK */
	int immutable;                  /* db.c: opened as immutable (read-only place) */
	struct db_stmt_slot cache[DB_STMT_CACHE];
	int (*stop)(void *);            /* db_set_stop */
	void *stop_arg;
	int interrupted;
	double busy_since;              /* db.c: when the wait for a lock began, ms */
	double wait_next;               /* db.c: when to call wait next, ms; 0 never yet */
	int (*wait)(void *, const char *, double, int); /* db_set_wait */
	void *wait_arg;
	struct {
		const struct db_slot_key *key;  /* NULL: free entry */
		void *data;
		void (*free_fn)(void *);
	} slot[DB_SLOTS];               /* db_slot_set */
};

/* What the module of KEY set in its slot of DB; NULL until it sets it. */
void *db_slot(struct db *db, const struct db_slot_key *key);
/* Sets the slot of KEY to DATA, which db_close (or a db_slot_set of the
 * slot to other data) frees with FREE_FN, when both are not NULL. */
void db_slot_set(struct db *db, const struct db_slot_key *key, void *data,
    void (*free_fn)(void *));

/* A prepared statement for SQL, which must be a string constant: it is
 * prepared once per database and reset and cleared on every call. A query
 * that stops at a row resets its statement before returning, so that no
 * read transaction stays open between calls (it would pin the WAL). */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e);

/* Binds a copy of S to parameter COL. A copy SQLite cannot allocate
 * would leave the parameter NULL and the query would quietly answer
 * another question (no match: a second event where there is one): it
 * is out of memory, which ends the process with a message (util.h). */
void db_bind_text(sqlite3_stmt *st, int col, const char *s);

/* Sets e from the connection's last error, prefixed with what was done. */
int db_fail(struct db *db, struct err *e, const char *doing);

/* Steps a query for whether a row exists: 1 there is one, 0 there is
 * none, -1 with the database's message about WHAT when it failed (not
 * to be taken for "none"). The statement is reset. */
int db_step_exists(struct db *db, sqlite3_stmt *st, const char *what,
    struct err *e);

/* Steps a statement that returns no rows: 0 when it ran to the end,
 * else -1 with the database's message about WHAT. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *what,
    struct err *e);

/* Runs statements with no results (schema, pragmas, transactions). */
int db_exec(struct db *db, const char *sql, struct err *e);

/* Ends every cached statement's read, so that no transaction stays open
 * behind a query that stopped at a row. */
void db_stmts_reset(struct db *db);

int db_begin_write(struct db *db, const char *what, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

/* Runs SQL that selects an id where "id = ?1 OR name = ?2": KEY is bound
 * as a number (when it is one) and as text. 1 found, 0 not, -1 error. */
int db_lookup_id(struct db *db, const char *sql, const char *key,
    long long *id, struct err *e);

/* A column as a new string ("" for NULL). */
char *db_col_text(sqlite3_stmt *st, int col);
/* sqlite3_column_text, but text SQLite could not allocate (it says NULL,
 * as for an SQL NULL, and callers would dereference it or take it for
 * absent) is out of memory (util.h). NULL only for an SQL NULL. */
const char *db_col_str(sqlite3_stmt *st, int col);

/* dbcheck.c. The file holds exactly the schema the migrations make up to
 * VERSION, and nothing else; -1 naming the first difference otherwise. */
int dbcheck_schema(struct db *db, int version, struct err *e);
/* The file's pages are sound (PRAGMA quick_check), when that is not
 * already known; what was found is kept in DB's slot. */
int dbcheck_pages(struct db *db, struct err *e);
/* How DB's pages were found sound. */
enum dbcheck_how dbcheck_checked(struct db *db);
/* After DB's connection is closed, if the file was vetted and written:
 * its new stamp. */
void dbcheck_remember(struct db *db);
/* DB's pages are taken for not vetted (a db_open that failed). */
void dbcheck_forget(struct db *db);

/* The ordered list of migrations, in schema.c. */
extern const char *const schema_migrations[];
extern const int schema_migration_count;
/* The SQL functions the migrations call, on connection H: every one
 * that may run them (db.c's, dbcheck.c's reference). SQLITE_OK or not. */
int schema_functions(sqlite3 *h);

void db_sync_dir(const char *path);

#endif
