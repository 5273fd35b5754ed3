/* SPDX-License-Identifier: ISC */
/* model/store/db.c and model/user/uistate.c: schema, safety settings, read-only
 * files, files that are not scotl databases, the cache slots. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/uistate.h"

static char dir_path[4096];

static const char *
tmp(const char *name)
{
	static char path[4200];

	snprintf(path, sizeof path, "%s/%s", dir_path, name);
	return path;
}


static void
test_memory(void)
{
	struct db *db;
	struct err e;
	char *v = NULL;

	ok(db_open(&db, ":memory:", DB_CREATE, &e) == 0, "a :memory: database opens");
	is_int(db_file_version(db), db_schema_version(),
	    "the migrations bring it to the current schema version");
	ok(fixture_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('article',"
	    "'article_fts','entity','alias','role','membership','event','participant',"
	    "'evidence','mention','note','tag','bookmark','ui_state','claim')") == 15,
	    "every table of the design is there");
	is_int(fixture_sql_int(db, "PRAGMA foreign_keys"), 1, "foreign keys are on");
	ok(db_exec(db, "INSERT INTO participant(event_id, entity_id) VALUES (99, 99)",
	    &e) != 0 && strstr(e.msg, "FOREIGN KEY") != NULL,
	    "a participant of a missing event is refused");
	db_exec(db, "PRAGMA writable_schema = ON", &e);
	ok(db_exec(db, "DELETE FROM sqlite_schema WHERE name = 'event'", &e) != 0,
	    "defensive mode: the schema cannot be written directly");
	ok(db_stmt(db, "SELECT 1", &e) != NULL, "a statement is prepared");
	ok(uistate_get(db, "pane", &v, &e) == 0 && v == NULL,
	    "an unknown ui_state key is absent");
	ok(uistate_set(db, "pane", "timeline", &e) == 0 &&
	    uistate_set(db, "pane", "article", &e) == 0 &&
	    uistate_get(db, "pane", &v, &e) == 0 && v && strcmp(v, "article") == 0,
	    "ui_state keeps the last value set");
	free(v);
	ok(uistate_clear(db, &e) == 0 && uistate_get(db, "pane", &v, &e) == 0 &&
	    v == NULL, "ui_state can be cleared (--fresh)");
	{
		const char *const keys[] = { "pane", "order", "event" };
		const char *const good[] = { "xref", "newest", "12" };
		const char *const bad[] = { "timeline", "oldest", NULL };

		ok(uistate_set_all(db, keys, good, 3, &e) == 0 &&
		    uistate_get(db, "order", &v, &e) == 0 && v &&
		    strcmp(v, "newest") == 0, "several keys are set at once");
		free(v);
		ok(uistate_set_all(db, keys, bad, 3, &e) != 0 &&
		    uistate_get(db, "pane", &v, &e) == 0 && v &&
		    strcmp(v, "xref") == 0, "one that fails sets none of them");
		free(v);
		v = NULL;
	}
	db_close(db);
}

static void
test_file(void)
{
	struct db *db, *copy;
	struct err e;
	char *v = NULL;

	ok(db_open(&db, tmp("missing.db"), DB_READWRITE, &e) != 0 &&
	    strstr(e.msg, "missing.db") && strstr(e.msg, "No such file"),
	    "a missing database is an error naming it");
	ok(db_open(&db, tmp("new.db"), DB_CREATE, &e) == 0, "a new file is created");
	is_int(fixture_sql_int(db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1,
	    "a writable file uses WAL");
	ok(!db_readonly(db), "it is writable");
	uistate_set(db, "event", "7", &e);
	ok(db_copy_to(db, tmp("copy.db"), &e) == 0, "it can be copied to a new file");
	ok(db_copy_to(db, tmp("copy.db"), &e) != 0 && strstr(e.msg, "copy.db"),
	    "a copy never overwrites a file");
	db_close(db);
	ok(db_open(&copy, tmp("copy.db"), DB_READWRITE, &e) == 0 &&
	    uistate_get(copy, "event", &v, &e) == 0 && v && strcmp(v, "7") == 0,
	    "the copy holds the data");
	free(v);
	db_close(copy);

	chmod(tmp("copy.db"), 0444);
	ok(db_open(&db, tmp("copy.db"), DB_READWRITE, &e) == 0,
	    "a file without write permission still opens");
	ok(db_readonly(db) && strstr(db_readonly_reason(db), "not writable"),
	    "read-only, saying why");
	ok(uistate_set(db, "event", "8", &e) != 0 && strstr(e.msg, "read-only") &&
	    strstr(e.msg, "copy.db") && strstr(e.msg, "save the position"),
	    "a write says the database is read-only: '%s'", e.msg);
	ok(uistate_get(db, "event", &v, &e) == 0 && v && strcmp(v, "7") == 0,
	    "reading still works");
	free(v);
	db_close(db);
	chmod(tmp("copy.db"), 0644);
}

static void
test_foreign(void)
{
	struct db *db;
	struct err e;
	sqlite3 *h;

	fixture_write(tmp("text.db"), "this is not a database at all, just text\n"
	    "padding padding padding padding padding padding padding padding\n");
	ok(db_open(&db, tmp("text.db"), DB_READWRITE, &e) != 0 &&
	    strstr(e.msg, "not a scotl database") && strstr(e.msg, "text.db"),
	    "a text file is refused: '%s'", e.msg);

	sqlite3_open(tmp("other.db"), &h);
	sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(h);
	ok(db_open(&db, tmp("other.db"), DB_READWRITE, &e) != 0 &&
	    strstr(e.msg, "not a scotl one"),
	    "another program's SQLite database is refused: '%s'", e.msg);

	sqlite3_open(tmp("future.db"), &h);
	sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(h);
	ok(db_open(&db, tmp("future.db"), DB_READWRITE, &e) != 0 &&
	    strstr(e.msg, "newer"), "a database from a newer scotl is refused");

	fixture_write(tmp("empty-old.db"), "");
	chmod(tmp("empty-old.db"), 0444);
	ok(db_open(&db, tmp("empty-old.db"), DB_READWRITE, &e) != 0 &&
	    strstr(e.msg, "read-only") && strstr(e.msg, "upgrade"),
	    "a read-only database that needs migrating says so");

	ok(db_open(&db, dir_path, DB_READWRITE, &e) != 0 &&
	    strstr(e.msg, "not a regular file"), "a directory is refused");
}

/* --- files someone else made (model/store/dbcheck.c) ------------------------- */

/* Runs SQL on PATH through a plain connection, as another program would. */
static int
raw_exec(const char *path, const char *sql)
{
	sqlite3 *h;
	int rc;

	if (sqlite3_open(path, &h) != SQLITE_OK) {
		sqlite3_close(h);
		return -1;
	}
	rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc == SQLITE_OK ? 0 : -1;
}

static int
raw_int(const char *path, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3 *h;
	int v = -1;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return v;
}

/* A sound scotl database at NAME, made by scotl and closed. */
static const char *
good_copy(const char *name)
{
	struct db *db;
	struct err e;

	unlink(tmp(name));
	if (db_open(&db, tmp(name), DB_CREATE, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		exit(1);
	}
	uistate_set(db, "event", "3", &e);
	db_close(db);
	return tmp(name);
}

/* Opens PATH (in MODE) expecting a refusal that names it and says WHAT. */
static void
refused(const char *path, enum db_mode mode, const char *what, const char *desc)
{
	struct db *db = NULL;
	struct err e;
	int rc = db_open(&db, path, mode, &e);

	ok(rc != 0 && db == NULL && strstr(e.msg, path) != NULL &&
	    strstr(e.msg, what) != NULL, "%s: '%s'", desc, rc ? e.msg : "opened");
	if (rc == 0)
		db_close(db);
}

static void
test_defensive(void)
{
	struct db *db;
	struct err e;

	if (db_open(&db, tmp("settings.db"), DB_CREATE, &e) != 0) {
		ok(0, "a file database opens: %s", e.msg);
		return;
	}
	is_int(fixture_sql_int(db, "PRAGMA trusted_schema"), 0,
	    "the schema is not trusted (trusted_schema off)");
	is_int(fixture_sql_int(db, "PRAGMA cell_size_check"), 1,
	    "cell sizes are checked");
	is_int(fixture_sql_int(db, "PRAGMA mmap_size"), 0, "files are not mapped");
	ok(db_exec(db, "CREATE VIEW v AS SELECT 1", &e) != 0 ||
	    fixture_sql_int(db, "SELECT count(*) FROM v") == -1,
	    "a view in the file cannot be read");
	ok(db_exec(db, "SELECT load_extension('/nonexistent')", &e) != 0 &&
	    strstr(e.msg, "not authorized") != NULL,
	    "no extension can be loaded: '%s'", e.msg);
	db_close(db);
}

static void
test_hostile_schema(void)
{
	const char *p;

	p = good_copy("trigger.db");
	raw_exec(p, "CREATE TRIGGER evil AFTER INSERT ON ui_state BEGIN"
	    " INSERT INTO filter_history(text) VALUES ('ran'); END");
	refused(p, DB_READWRITE, "trigger 'evil' on ui_state",
	    "a trigger on a table scotl writes is refused, named");
	refused(p, DB_READONLY, "trigger 'evil'", "even read-only");
	is_int(raw_int(p, "SELECT count(*) FROM filter_history"), 0,
	    "and it never ran");

	p = good_copy("load.db");
	raw_exec(p, "CREATE TRIGGER loader BEFORE UPDATE ON ui_state BEGIN"
	    " SELECT load_extension('/tmp/evil.so'); END");
	refused(p, DB_READWRITE, "trigger 'loader'",
	    "a trigger calling load_extension is refused");

	p = good_copy("view.db");
	raw_exec(p, "CREATE VIEW timeline AS SELECT load_extension('x') AS id");
	refused(p, DB_READWRITE, "view 'timeline'", "an extra view is refused");

	p = good_copy("table.db");
	raw_exec(p, "CREATE TABLE extra(x)");
	refused(p, DB_READWRITE, "table 'extra'", "an extra table is refused");

	p = good_copy("changed.db");
	raw_exec(p, "DROP TRIGGER event_month_add; CREATE TRIGGER event_month_add"
	    " AFTER INSERT ON event BEGIN DELETE FROM note; END");
	refused(p, DB_READWRITE, "trigger 'event_month_add' on event is not the one",
	    "one of scotl's triggers with another body is refused");

	p = good_copy("missing.db");
	raw_exec(p, "DROP INDEX event_long");
	refused(p, DB_READWRITE, "index 'event_long' on event is missing",
	    "a missing index is named");

	p = good_copy("escape.db");
	raw_exec(p, "CREATE TABLE \"x\x1b]0;owned\x07\x1b[2J\"(a)");
	{
		struct db *db;
		struct err e;

		ok(db_open(&db, p, DB_READWRITE, &e) != 0 &&
		    strchr(e.msg, '\x1b') == NULL && strchr(e.msg, '\x07') == NULL &&
		    strstr(e.msg, "x?]0;owned??[2J") != NULL,
		    "a name with escape sequences is shown without them: '%s'", e.msg);
	}

	p = good_copy("stat.db");
	raw_exec(p, "ANALYZE");
	{
		struct db *db;
		struct err e;

		ok(db_open(&db, p, DB_READWRITE, &e) == 0,
		    "ANALYZE's statistics are not refused%s%s", "", "");
		if (db != NULL)
			db_close(db);
	}
}

/* A file at schema 3 bringing a trigger that migration 4's writes would
 * fire: refused before anything is written. */
static void
test_old_schema(void)
{
	char sql[64];
	struct db *db;
	struct err e;
	int v;

	unlink(tmp("v3.db"));
	for (v = 0; v < 3; v++)
		raw_exec(tmp("v3.db"), schema_migrations[v]);
	snprintf(sql, sizeof sql, "PRAGMA user_version = 3");
	raw_exec(tmp("v3.db"), sql);
	raw_exec(tmp("v3.db"), "CREATE TRIGGER evil AFTER INSERT ON ui_state"
	    " BEGIN SELECT 1; END");
	refused(tmp("v3.db"), DB_READWRITE, "trigger 'evil'",
	    "an old file with a trigger is refused");
	is_int(raw_int(tmp("v3.db"), "PRAGMA user_version"), 3,
	    "before it is migrated");
	raw_exec(tmp("v3.db"), "DROP TRIGGER evil");
	ok(db_open(&db, tmp("v3.db"), DB_READWRITE, &e) == 0 &&
	    db_file_version(db) == db_schema_version(),
	    "without it, it is checked against schema 3 and migrated");
	if (db != NULL)
		db_close(db);
}

/* Overwrites page PAGE (counted from 1) of PATH with garbage. */
static void
smash_page(const char *path, long page)
{
	char junk[4096];
	FILE *fp = fopen(path, "r+b");
	int i;

	for (i = 0; i < (int)sizeof junk; i++)
		junk[i] = (char)(i * 37 + 11);
	if (fp == NULL || fseek(fp, (page - 1) * 4096, SEEK_SET) != 0 ||
	    fwrite(junk, 1, sizeof junk, fp) != sizeof junk) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
	fclose(fp);
}

static void
test_damaged(void)
{
	struct stat st;
	const char *p;
	int pages;

	p = good_copy("smashed.db");
	pages = raw_int(p, "PRAGMA page_count");
	ok(raw_int(p, "PRAGMA page_size") == 4096 && pages > 10,
	    "a scotl database of %d pages", pages);
	/* A table's page: only quick_check reads it before use. */
	smash_page(p, raw_int(p, "SELECT rootpage FROM sqlite_schema WHERE name ="
	    " 'event_month'"));
	refused(p, DB_READWRITE, "damaged (PRAGMA quick_check",
	    "a page of garbage is found by quick_check");
	refused(p, DB_READONLY, "damaged", "also read-only");
	p = good_copy("smashed-last.db");
	smash_page(p, raw_int(p, "PRAGMA page_count"));
	refused(p, DB_READWRITE, "damaged", "so is garbage in the last page");

	p = good_copy("truncated.db");
	if (stat(p, &st) == 0)
		ok(truncate(p, st.st_size / 2) == 0, "a file cut in half");
	refused(p, DB_READWRITE, "damaged", "a truncated file is refused");

	p = good_copy("header.db");
	smash_page(p, 1);
	refused(p, DB_READWRITE, "not a scotl database",
	    "a file whose first page is garbage is not an SQLite file");
}

static enum dbcheck_how
check_how(const char *path, int write)
{
	enum dbcheck_how how = DBCHECK_NONE;
	struct db *db;
	struct err e;

	if (db_open(&db, path, DB_READWRITE, &e) != 0)
		return DBCHECK_NONE;
	how = dbcheck_checked(db);
	if (write)
		uistate_set(db, "pane", write == 1 ? "xref" : "article", &e);
	db_close(db);
	return how;
}

/* quick_check runs once per version of a file: its stamp is cached. */
static void
test_stamps(void)
{
	const char *p = good_copy("stamped.db");
	char own[4200];
	struct db *db;
	struct err e;

	is_int(check_how(p, 0), DBCHECK_RAN,
	    "a file is checked when opened again after it was made");
	is_int(check_how(p, 0), DBCHECK_STAMP, "not the second time");
	raw_exec(p, "INSERT INTO ui_state VALUES ('other', 'program')");
	is_int(check_how(p, 1), DBCHECK_RAN,
	    "another program's write has it checked again");
	is_int(check_how(p, 0), DBCHECK_STAMP, "once: its stamp is kept");
	is_int(check_how(p, 2), DBCHECK_STAMP, "scotl's own writes keep it");
	is_int(check_how(p, 0), DBCHECK_STAMP, "and are not taken for another's");
	smash_page(p, raw_int(p, "SELECT rootpage FROM sqlite_schema WHERE name ="
	    " 'event_month'"));
	refused(p, DB_READWRITE, "damaged", "a page damaged after is found");

	snprintf(own, sizeof own, "%s/data/scotl/scotl.db", dir_path);
	setenv("XDG_DATA_HOME", tmp("data"), 1);
	mkdir(tmp("data"), 0755);
	mkdir(tmp("data/scotl"), 0755);
	if (db_open(&db, own, DB_CREATE, &e) == 0) {
		is_int(dbcheck_checked(db), DBCHECK_OWN,
		    "the user's own database is not page-checked");
		db_close(db);
	} else {
		ok(0, "the user's own database opens: %s", e.msg);
	}
	unsetenv("XDG_DATA_HOME");
}

/* Another process writing as an import does: COUNT transactions, each
 * holding the write lock for HOLD_MS, GAP_MS apart. It writes a byte to
 * FD once it holds the lock for the first time. Forked before this
 * process opens PATH: SQLite's locks must not cross a fork. */
static pid_t
writer_start(const char *path, int count, int hold_ms, int gap_ms, int fd)
{
	sqlite3 *h;
	pid_t pid;
	int i;

	if ((pid = fork()) != 0)
		return pid;
	if (sqlite3_open(path, &h) != SQLITE_OK)
		_exit(1);
	sqlite3_busy_timeout(h, 5000);
	for (i = 0; i < count; i++) {
		if (sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(h, "INSERT OR REPLACE INTO ui_state VALUES ('writer',"
		    " 'busy')", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		if (i == 0 && write(fd, "x", 1) != 1)
			_exit(1);
		usleep((useconds_t)hold_ms * 1000);
		if (sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		usleep((useconds_t)gap_ms * 1000);
	}
	sqlite3_close(h);
	_exit(0);
}

/* A browser's few writes (its place, its filter history) while another
 * process writes: they wait for the lock and go through, never "database
 * is locked". How long they wait is for make bench-readers to show. */
static void
test_writers(void)
{
	struct db *db;
	struct err e;
	int fd[2], status, i, failed = 0;
	char c;
	pid_t pid;

	if (db_open(&db, tmp("shared.db"), DB_CREATE, &e) != 0 || pipe(fd) != 0) {
		ok(0, "a database for two writers");
		return;
	}
	db_close(db);

	pid = writer_start(tmp("shared.db"), 1, 300, 0, fd[1]);
	ok(read(fd[0], &c, 1) == 1 && db_open(&db, tmp("shared.db"), DB_READWRITE,
	    &e) == 0, "a database opens while another process holds the write lock");
	ok(uistate_set(db, "event", "7", &e) == 0,
	    "a write waits for that transaction and then goes through");
	db_close(db);
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "and so did the other process's");

	pid = writer_start(tmp("shared.db"), 200, 2, 1, fd[1]);
	if (read(fd[0], &c, 1) != 1 || db_open(&db, tmp("shared.db"),
	    DB_READWRITE, &e) != 0)
		failed = -1;
	for (i = 0; failed == 0 && i < 20; i++)
		if (uistate_set(db, "event", "8", &e) != 0)
			failed = i + 1;
	ok(failed == 0, "20 writes between the transactions of a steady writer "
	    "(an import) all go through%s%s", failed ? ": " : "", failed ? e.msg : "");
	if (failed >= 0)
		db_close(db);
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "and so do all the writer's");
	close(fd[0]);
	close(fd[1]);
}

/* The free hook of test_slots: counts the calls for each datum. */
static void
count_free(void *data)
{
	(*(int *)data)++;
}

/* Two modules' keys, as each module defines its own. */
static const struct db_slot_key test_slot_a = { .name = "test a" };
static const struct db_slot_key test_slot_b = { .name = "test b" };

/* What a module keeps with a connection is freed by its hook, once. */
static void
test_slots(void)
{
	int first = 0, second = 0, other = 0;
	struct db *db;
	struct err e;

	if (db_open(&db, ":memory:", DB_CREATE, &e) != 0) {
		ok(0, "a :memory: database opens: %s", e.msg);
		return;
	}
	ok(db_slot(db, &test_slot_a) == NULL && db_slot(db, &test_slot_b) == NULL,
	    "every slot starts NULL");
	db_slot_set(db, &test_slot_a, &first, count_free);
	ok(db_slot(db, &test_slot_a) == &first, "a slot gives what was set");
	db_slot_set(db, &test_slot_b, &other, count_free);
	ok(db_slot(db, &test_slot_a) == &first && db_slot(db, &test_slot_b) == &other,
	    "two keys hold different data");
	db_slot_set(db, &test_slot_a, &first, count_free);
	is_int(first, 0, "setting the same data again does not free it");
	db_slot_set(db, &test_slot_a, &second, count_free);
	is_int(first, 1, "other data in its place frees the old with its hook");
	is_int(second, 0, "and not the new");
	is_int(other, 0, "nor what another key holds");
	db_close(db);
	is_int(first, 1, "db_close does not free the old again");
	is_int(second, 1, "db_close runs the hook of what the slot holds, once");
	is_int(other, 1, "and of what every other slot holds, once");
}

int
main(void)
{
	char *dir = fixture_tmpdir();

	snprintf(dir_path, sizeof dir_path, "%s", dir);
	test_memory();
	test_slots();
	test_file();
	test_foreign();
	/* The stamps of checked files go here, not in the user's cache. */
	setenv("XDG_CACHE_HOME", dir, 1);
	test_defensive();
	test_hostile_schema();
	test_old_schema();
	test_damaged();
	test_stamps();
	test_writers();
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
