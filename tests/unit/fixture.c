/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/corpus.h"

static int tap_count, tap_failed;

void
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass)
		printf("# failed at %s:%d\n", file, line);
	fflush(stdout);
}

void
tap_is_int(long long got, long long want, const char *file, int line,
    const char *what)
{
	tap_ok(got == want, file, line, "%s", what);
	if (got != want)
		printf("#   got %lld, want %lld\n", got, want);
}

void
tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *what)
{
	int pass = got != NULL && want != NULL && strcmp(got, want) == 0;

	tap_ok(pass, file, line, "%s", what);
	if (!pass)
		printf("#   got '%s', want '%s'\n", got ? got : "(null)",
		    want ? want : "(null)");
}

void
tap_diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

const char *
fixture_path(const char *rel)
{
	static char path[4096];
	const char *dir = getenv("SCOTL_TESTDATA");

	snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests", rel);
	return path;
}

struct db *
fixture_db(void)
{
	struct corpus_counts n;
	struct db *db;
	struct err e;

	if (db_open(&db, ":memory:", DB_CREATE, &e) != 0 ||
	    corpus_load(db, fixture_path("data/mini-data"), &n, &e) != 0) {
		printf("Bail out! fixture: %s\n", e.msg);
		exit(1);
	}
	return db;
}

int
fixture_sql_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

char *
fixture_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = malloc(4096);

	snprintf(path, 4096, "%s/scotl-test-XXXXXX", base ? base : "/tmp");
	if (mkdtemp(path) == NULL) {
		printf("Bail out! cannot make a temporary directory\n");
		exit(1);
	}
	return path;
}

void
fixture_write(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL || fputs(text, fp) < 0 || fclose(fp) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
}

void
fixture_rmrf(const char *dir)
{
	char cmd[4200];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

/* A database with the gazetteer of data/ and nothing else. */
struct db *
fixture_gazetteer_db(const char *dir)
{
	char cmd[8192], path[4200];
	struct corpus_counts n;
	struct db *db;
	struct err e;

	snprintf(cmd, sizeof cmd, "mkdir -p '%s/articles' && cp '%s' '%s/'", dir,
	    fixture_path("../data/gazetteer.rec"), dir);
	if (system(cmd) != 0)
		tap_diag("could not copy the gazetteer");
	snprintf(path, sizeof path, "%s/articles.rec", dir);
	fixture_write(path, "");
	snprintf(path, sizeof path, "%s/events.rec", dir);
	fixture_write(path, "");
	if (db_open(&db, ":memory:", DB_CREATE, &e) != 0 ||
	    corpus_load(db, dir, &n, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		exit(1);
	}
	return db;
}
