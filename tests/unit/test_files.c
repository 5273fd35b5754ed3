/* SPDX-License-Identifier: ISC */
/* model/base/util.c: opening paths longer than PATH_MAX a piece at a time, and
 * reading a descriptor with a limit counted on the bytes read. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "scotl/util.h"

/* A pipe holding N bytes of 'a', its write end closed. */
static int
test_pipe(size_t n)
{
	char chunk[1000];
	int fds[2];

	memset(chunk, 'a', sizeof chunk);
	if (pipe(fds) != 0)
		return -1;
	while (n > 0) {
		size_t k = n < sizeof chunk ? n : sizeof chunk;

		if (write(fds[1], chunk, k) != (ssize_t)k)
			break;
		n -= k;
	}
	close(fds[1]);
	return fds[0];
}

static void
test_read_fd(void)
{
	struct buf b;
	int fd;

	buf_init(&b);
	fd = test_pipe(5000);
	ok(util_read_fd(fd, 100, &b) == 0 && b.len == 101,
	    "a pipe with more than the limit: LIMIT + 1 bytes are kept");
	close(fd);
	fd = test_pipe(5000);
	ok(util_read_fd(fd, 5000, &b) == 0 && b.len == 5000,
	    "a pipe with exactly the limit is read whole");
	close(fd);
	fd = test_pipe(0);
	ok(util_read_fd(fd, 10, &b) == 0 && b.len == 0 && b.data != NULL &&
	    b.data[0] == '\0', "an empty pipe gives an empty string");
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	ok(fd >= 0 && util_read_fd(fd, 70000, &b) == 0 && b.len == 70001,
	    "/dev/zero stops one byte past the limit");
	if (fd >= 0)
		close(fd);
	buf_free(&b);
}

/* Folders of 200 letters, nested until the path from TOP is over 6,000
 * bytes (made with mkdirat, as no one path may be that long), a file at
 * the bottom; the path from TOP in *PATH. */
static int
test_deep(int top, char **path)
{
	char name[201];
	struct buf p;
	int dir = dup(top), next, i, fd;

	memset(name, 'd', 200);
	name[200] = '\0';
	buf_init(&p);
	for (i = 0; i < 30 && dir >= 0; i++) {
		if (mkdirat(dir, name, 0700) != 0 && errno != EEXIST)
			break;
		next = openat(dir, name, O_RDONLY | O_DIRECTORY);
		close(dir);
		dir = next;
		buf_printf(&p, "%s%s", i ? "/" : "", name);
	}
	if (dir < 0)
		return -1;
	fd = openat(dir, "bottom.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	close(dir);
	if (fd < 0 || write(fd, "found\n", 6) != 6)
		return -1;
	close(fd);
	buf_adds(&p, "/bottom.txt");
	*path = buf_steal(&p);
	return 0;
}

static void
test_open(void)
{
	char tmpl[] = "/tmp/scotl-files-XXXXXX", cwd[PATH_MAX], got[16] = "";
	const char *rest = NULL;
	char *path = NULL;
	int top, fd, dir;

	if (mkdtemp(tmpl) == NULL || getcwd(cwd, sizeof cwd) == NULL ||
	    (top = open(tmpl, O_RDONLY | O_DIRECTORY)) < 0) {
		ok(0, "a scratch folder");
		return;
	}
	dir = util_path_at("a/short/path", &rest);
	ok(dir == AT_FDCWD && strcmp(rest, "a/short/path") == 0,
	    "a short path is opened as it is");
	ok(test_deep(top, &path) == 0 && strlen(path) > PATH_MAX,
	    "a file more than PATH_MAX bytes of path deep");
	if (path != NULL && chdir(tmpl) == 0) {
		fd = util_open(path, O_RDONLY);
		ok(fd >= 0 && read(fd, got, sizeof got - 1) == 6 &&
		    strcmp(got, "found\n") == 0, "util_open opens it by its path");
		if (fd >= 0)
			close(fd);
		errno = 0;
		fd = util_open("no/such/folder", O_RDONLY);
		ok(fd < 0 && errno == ENOENT, "a missing file: -1 and ENOENT");
		if (chdir(cwd) != 0)
			ok(0, "back to the folder the test started in");
	}
	free(path);
	close(top);
	/* rm walks with descriptors too, as no path to the bottom fits. */
	snprintf(cwd, sizeof cwd, "rm -rf '%s'", tmpl);
	if (system(cwd) != 0)
		tap_diag("could not remove %s", tmpl);
}

int
main(void)
{
	test_read_fd();
	test_open();
	return tap_done();
}
