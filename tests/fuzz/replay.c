/* SPDX-License-Identifier: ISC */
/* Replays inputs through a fuzz target without libFuzzer: every file of
 * the directories (or the files) given, or, with no arguments, of
 * $SCOTL_TESTDATA/fuzz/corpus/NAME for a program called replay-NAME.
 * A failed check aborts; otherwise one TAP line says how many ran. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "scotl/util.h"

static int
replay_file(const char *path)
{
	struct buf b;
	struct err e;
	uint8_t *copy;

	buf_init(&b);
	if (util_read_file(path, &b, &e) != 0) {
		printf("# %s\n", e.msg);
		return -1;
	}
	/* An exact-size copy, so that ASan sees a read past the end. */
	copy = xmalloc(b.len ? b.len : 1);
	if (b.len > 0)
		memcpy(copy, b.data, b.len);
	fuzz_input_name = path;
	LLVMFuzzerTestOneInput(copy, b.len);
	fuzz_input_name = NULL;
	free(copy);
	buf_free(&b);
	return 0;
}

static int
replay_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of DIR in name order, so that runs compare. */
static int
replay_dir(const char *dir, int *count)
{
	char **names = NULL, path[4096];
	struct dirent *d;
	int n = 0, cap = 0, i, rc = 0;
	DIR *dp = opendir(dir);

	if (dp == NULL) {
		printf("# cannot open %s\n", dir);
		return -1;
	}
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		names = xgrow(names, n, &cap, sizeof *names);
		names[n++] = xstrdup(d->d_name);
	}
	closedir(dp);
	qsort(names, (size_t)n, sizeof *names, replay_names);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (replay_file(path) != 0)
			rc = -1;
		else
			(*count)++;
		free(names[i]);
	}
	free(names);
	return rc;
}

static int
replay_path(const char *path, int *count)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		printf("# cannot read %s\n", path);
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return replay_dir(path, count);
	if (replay_file(path) != 0)
		return -1;
	(*count)++;
	return 0;
}

/* $SCOTL_TESTDATA/fuzz/corpus/NAME for a program called replay-NAME. */
static const char *
replay_default(const char *argv0)
{
	static char path[4096];
	const char *base = strrchr(argv0, '/'), *dir = getenv("SCOTL_TESTDATA");

	base = base ? base + 1 : argv0;
	if (strncmp(base, "replay-", 7) == 0)
		base += 7;
	snprintf(path, sizeof path, "%s/fuzz/corpus/%s", dir ? dir : "tests", base);
	return path;
}

int
main(int argc, char **argv)
{
	const char *def = replay_default(argv[0]);
	int i, count = 0, rc = 0;

	LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
	if (argc < 2)
		rc = replay_path(def, &count);
	for (i = 1; i < argc; i++)
		if (replay_path(argv[i], &count) != 0)
			rc = -1;
	printf("%sok 1 - %d inputs replayed through the fuzz target, no check "
	    "failed (%s)\n", rc == 0 && count > 0 ? "" : "not ", count,
	    argc < 2 ? def : "the given paths");
	printf("1..1\n");
	return rc == 0 && count > 0 ? 0 : 1;
}
