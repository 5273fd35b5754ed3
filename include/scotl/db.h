/* SPDX-License-Identifier: ISC */
/* Opening a scotl database: schema migrations, safety settings and the
 * read-only case. The handle is opaque outside model/. */
#ifndef SCOTL_DB_H
#define SCOTL_DB_H

#include "scotl/util.h"

struct db;

enum db_mode {
	DB_READWRITE,   /* open an existing file for reading and writing */
	DB_READONLY,    /* never write, even when the file allows it */
	DB_CREATE,      /* create the file when missing */
	DB_PEEK,        /* read-only, no file made or changed beside it, an
			 * older schema left as it is: for a copy to work on
			 * (db_open_memory_copy), as import --dry-run does */
};

/* Opens PATH (":memory:" for a private in-memory database). A file that
 * cannot be written opens read-only; db_readonly_reason() says why. */
int db_open(struct db **out, const char *path, enum db_mode mode,
    struct err *e);
void db_close(struct db *db);

const char *db_path(const struct db *db);
int db_readonly(const struct db *db);
const char *db_readonly_reason(const struct db *db);

/* Fails with "database PATH is read-only: cannot WHAT" when the database
 * was opened read-only; every write in model/ checks this first. */
int db_require_writable(struct db *db, const char *what, struct err *e);

/* Long queries ask STOP(ARG) every few thousand steps; when it returns
 * non-zero the query stops and fails, and db_interrupted() says so until
 * the next db_set_stop(). STOP NULL: queries run to the end. */
void db_set_stop(struct db *db, int (*stop)(void *arg), void *arg);
int db_interrupted(const struct db *db);

/* A lock held by another process is waited for 5 s, then the query
 * fails with "database is locked". With WAIT set, the wait goes on for
 * as long as WAIT returns non-zero: it is called once the 5 s have
 * passed (FIRST 1) and every 30 s after, with PATH and the SECONDS
 * waited so far, to tell the user. NULL: the 5 s again. */
void db_set_wait(struct db *db, int (*wait)(void *arg, const char *path,
    double seconds, int first), void *arg);

/* The schema version this program writes, and the one found in the file. */
int db_schema_version(void);
int db_file_version(struct db *db);

/* Copies a whole database into a new file (used to create the user's own
 * database from the bundled corpus): made whole as DEST.tmp-XXXXXX, mode
 * 0600, and linked to DEST only then. 0 when made; 1, with a message,
 * when DEST exists (it is left as it is); -1 on an error. */
int db_copy_to(struct db *src, const char *dest, struct err *e);

/* A private copy of SRC in memory, to write what no one is to see (an
 * import's dry run). */
int db_open_memory_copy(struct db **out, struct db *src, struct err *e);

#endif
