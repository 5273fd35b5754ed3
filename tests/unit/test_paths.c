/* SPDX-License-Identifier: ISC */
/* model/base/paths.c: where the user's database lives; model/store/bundled.c:
 * how it is made from the bundled corpus. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/bundled.h"
#include "scotl/paths.h"
#include "scotl/uistate.h"

int
main(void)
{
	char path[4096], want[4200], *dir = fixture_tmpdir();
	struct db *db;
	struct err e;

	setenv("XDG_DATA_HOME", dir, 1);
	ok(paths_user_db(path, sizeof path, &e) == 0, "the user database has a path");
	snprintf(want, sizeof want, "%s/scotl/scotl.db", dir);
	is_str(path, want, "under $XDG_DATA_HOME/scotl");
	setenv("XDG_DATA_HOME", "relative/dir", 1);
	setenv("HOME", "/home/analyst", 1);
	paths_user_db(path, sizeof path, &e);
	is_str(path, "/home/analyst/.local/share/scotl/scotl.db",
	    "a relative XDG_DATA_HOME is ignored for ~/.local/share");
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	ok(paths_user_db(path, sizeof path, &e) != 0 && strstr(e.msg, "--db"),
	    "without HOME it says to use --db");

	/* A build tree: the program's directory has data/scotl.db. This
	 * test makes one beside itself, as make does beside scotl. */
	{
		char exe[2048], bundled[4300], datadir[4200];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		char *v = NULL;

		exe[n > 0 ? n : 0] = '\0';
		*strrchr(exe, '/') = '\0';
		snprintf(datadir, sizeof datadir, "%s/data", exe);
		snprintf(bundled, sizeof bundled, "%s/scotl.db", datadir);
		mkdir(datadir, 0755);
		unlink(bundled);
		ok(paths_bundled_db(path, sizeof path, &e) != 0 &&
		    strstr(e.msg, "bundled database is missing"),
		    "a missing bundled database is explained");
		/* Like make's, a bundled database is a single file without WAL. */
		db_open(&db, bundled, DB_CREATE, &e);
		uistate_set(db, "k", "bundled", &e);
		db_exec(db, "PRAGMA journal_mode = DELETE", &e);
		db_close(db);
		ok(paths_bundled_db(path, sizeof path, &e) == 0 &&
		    strcmp(path, bundled) == 0, "the bundled database of a build tree");
		setenv("XDG_DATA_HOME", dir, 1);
		ok(paths_default_db(path, sizeof path, &e) == 0 &&
		    strcmp(path, bundled) == 0,
		    "without a user database, the default is the bundled one");
		ok(bundled_ensure_user(path, sizeof path, &e) == 0,
		    "the user database is created from the bundled one");
		snprintf(want, sizeof want, "%s/scotl/scotl.db", dir);
		is_str(path, want, "where it belongs, with its directory");
		ok(db_open(&db, path, DB_READWRITE, &e) == 0 && !db_readonly(db) &&
		    uistate_get(db, "k", &v, &e) == 0 && v &&
		    strcmp(v, "bundled") == 0, "it holds the bundled data");
		ok(uistate_set(db, "k", "mine", &e) == 0, "and it is writable");
		db_close(db);
		free(v);
		ok(bundled_ensure_user(path, sizeof path, &e) == 0 &&
		    db_open(&db, path, DB_READWRITE, &e) == 0 &&
		    uistate_get(db, "k", &v, &e) == 0 && v && strcmp(v, "mine") == 0,
		    "a second call keeps the user's own data");
		db_close(db);
		free(v);
		ok(paths_default_db(path, sizeof path, &e) == 0 &&
		    strcmp(path, want) == 0,
		    "once it exists, the default is the user database");
		fixture_rmrf(datadir);
	}
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
