/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scotl/paths.h"

#ifndef SCOTL_PKGDATADIR
#define SCOTL_PKGDATADIR "/usr/local/share/scotl"
#endif

static const char *paths_argv0;

void
paths_init(const char *argv0)
{
	paths_argv0 = argv0;
}

static int
paths_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory of the running program, or "" when it cannot be told. */
static void
paths_exe_dir(char *out, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n > 0) {
		exe[n] = '\0';
	} else if (paths_argv0 != NULL && strchr(paths_argv0, '/') != NULL) {
		snprintf(exe, sizeof exe, "%s", paths_argv0);
	} else {
		out[0] = '\0';
		return;
	}
	slash = strrchr(exe, '/');
	*slash = '\0';
	snprintf(out, size, "%s", exe[0] ? exe : "/");
}

int
paths_bundled_db(char *out, size_t size, struct err *e)
{
	char dir[PATH_MAX];

	/* A build tree: the program sits beside the data/ it was built with. */
	paths_exe_dir(dir, sizeof dir);
	if (dir[0]) {
		snprintf(out, size, "%s/data/scotl.db", dir);
		if (paths_exists(out))
			return 0;
	}
	snprintf(out, size, "%s/scotl.db", SCOTL_PKGDATADIR);
	if (paths_exists(out))
		return 0;
	err_set(e, "the bundled database is missing: neither %s/data/scotl.db "
	    "(a build tree) nor %s exists; run 'make' or 'make install', or "
	    "give --db PATH", dir[0] ? dir : ".", out);
	return -1;
}

int
paths_user_db(char *out, size_t size, struct err *e)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	/* The XDG spec says a relative value is to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		snprintf(out, size, "%s/scotl/scotl.db", xdg);
	else if (home != NULL && home[0] != '\0')
		snprintf(out, size, "%s/.local/share/scotl/scotl.db", home);
	else {
		err_set(e, "neither XDG_DATA_HOME nor HOME is set: cannot tell "
		    "where your database lives; give --db PATH");
		return -1;
	}
	return 0;
}

int
paths_default_db(char *out, size_t size, struct err *e)
{
	struct err ignored;

	if (paths_user_db(out, size, &ignored) == 0 && paths_exists(out))
		return 0;
	return paths_bundled_db(out, size, e);
}

int
paths_is_user_db(const char *path)
{
	char own[PATH_MAX], rp[PATH_MAX], ro[PATH_MAX];
	struct err e;

	if (paths_user_db(own, sizeof own, &e) != 0)
		return 0;
	if (strcmp(path, own) == 0)
		return 1;
	return realpath(path, rp) != NULL && realpath(own, ro) != NULL &&
	    strcmp(rp, ro) == 0;
}

int
paths_cache_file(char *out, size_t size, const char *name, struct err *e)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		snprintf(out, size, "%s/scotl/%s", xdg, name);
	else if (home != NULL && home[0] != '\0')
		snprintf(out, size, "%s/.cache/scotl/%s", home, name);
	else {
		err_set(e, "neither XDG_CACHE_HOME nor HOME is set");
		return -1;
	}
	return 0;
}

/* 0700, as the XDG base directory spec asks: the user's notes, tags and
 * filter history are no one else's. The umask can only narrow it. */
int
paths_make_parents(const char *file, struct err *e)
{
	char dir[PATH_MAX], *p;

	snprintf(dir, sizeof dir, "%s", file);
	if ((p = strrchr(dir, '/')) == NULL)
		return 0;
	*p = '\0';
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			goto fail;
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		goto fail;
	return 0;
fail:
	err_set(e, "cannot create directory %s: %s", dir, strerror(errno));
	return -1;
}
