/* SPDX-License-Identifier: ISC */
/* Shared set-up for the unit tests. */
#ifndef SCOTL_TESTS_FIXTURE_H
#define SCOTL_TESTS_FIXTURE_H

#include "scotl/db.h"
#include "tap.h"

/* A path under the source tree's tests/ folder. */
const char *fixture_path(const char *rel);

/* A fresh :memory: database holding tests/data/mini-data; exits on failure. */
struct db *fixture_db(void);

/* A :memory: database with data/'s gazetteer and nothing else, loaded
 * from a copy made in DIR; exits on failure. */
struct db *fixture_gazetteer_db(const char *dir);

/* The first column of the first row of SQL, or -1. */
int fixture_sql_int(struct db *db, const char *sql);

/* A new empty temporary directory (removed by the caller's rm). */
char *fixture_tmpdir(void);

/* Writes a file, creating it; exits on failure. */
void fixture_write(const char *path, const char *text);

/* Runs "rm -rf DIR". */
void fixture_rmrf(const char *dir);

#endif
