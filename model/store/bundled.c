/* SPDX-License-Identifier: ISC */
/* Databases made from the bundled corpus: the user's own on the first
 * run, a new one for import --db, the new file of a rebuild. paths.c
 * says where they live; this opens and copies them. */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scotl/bundled.h"
#include "scotl/db.h"
#include "scotl/paths.h"

int
bundled_copy(const char *path, struct err *e)
{
	char bundled[PATH_MAX];
	struct db *src;
	int rc;

	if (paths_bundled_db(bundled, sizeof bundled, e) != 0 ||
	    db_open(&src, bundled, DB_READONLY, e) != 0)
		return -1;
	rc = db_copy_to(src, path, e);
	db_close(src);
	return rc;
}

/* A first run killed while it copied leaves its DB.tmp-XXXXXX (and the
 * copy's journal) beside DB. A copy takes milliseconds: one an hour
 * old belongs to no run still going. */
#define BUNDLED_STALE_SECONDS 3600

static void
bundled_clean_stale(const char *db)
{
	char dir[PATH_MAX], prefix[NAME_MAX + 8], file[PATH_MAX * 2];
	const char *base = strrchr(db, '/');
	time_t now = time(NULL);
	struct dirent *de;
	struct stat st;
	DIR *d;

	if (base == NULL)
		return;
	snprintf(dir, sizeof dir, "%.*s", (int)(base - db), db);
	snprintf(prefix, sizeof prefix, "%s.tmp-", base + 1);
	if ((d = opendir(dir[0] ? dir : "/")) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		snprintf(file, sizeof file, "%s/%s", dir, de->d_name);
		if (lstat(file, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_mtime < now - BUNDLED_STALE_SECONDS)
			unlink(file);
	}
	closedir(d);
}

int
bundled_ensure_user(char *out, size_t size, struct err *e)
{
	struct stat st;

	if (paths_user_db(out, size, e) != 0)
		return -1;
	if (lstat(out, &st) == 0)
		return 0;
	/* Several first runs at once each make a copy; the first to be
	 * done is the one they all use (db_copy_to). */
	if (paths_make_parents(out, e) != 0)
		return -1;
	bundled_clean_stale(out);
	if (bundled_copy(out, e) < 0)
		return -1;
	return 0;
}
