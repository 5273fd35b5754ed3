/* model/db.c and model/uistate.c: schema, safety settings, read-only
 * files, files that are not scotl databases. */
#include "config.h"

#include <stdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../model/internal.h"
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

int
main(void)
{
	char *dir = fixture_tmpdir();

	snprintf(dir_path, sizeof dir_path, "%s", dir);
	test_memory();
	test_file();
	test_foreign();
	test_writers();
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
