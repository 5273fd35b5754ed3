/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scotl/fault.h"
#include "scotl/util.h"

/* A failure-injection build fails the allocation the tests ask for
 * (fault.h) as if malloc had returned NULL. */
#ifdef SCOTL_FAULT_INJECTION
#define UTIL_FAULT() fault_alloc()
#else
#define UTIL_FAULT() 0
#endif

void
err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

void
err_clear(struct err *e)
{
	if (e != NULL)
		e->msg[0] = '\0';
}

static void (*util_oom_hook)(void);

void
util_set_oom_hook(void (*hook)(void))
{
	util_oom_hook = hook;
}

/* Out of memory is the one failure scotl does not try to recover from: the
 * message says what happened and the process ends. The hook first gives
 * the terminal back (the browser ends curses), or the message would be
 * drawn over the screen and the shell left in raw mode. */
void
util_out_of_memory(size_t n)
{
	if (util_oom_hook != NULL)
		util_oom_hook();
	fprintf(stderr, "scotl: out of memory (allocating %zu bytes)\n", n);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p = UTIL_FAULT() ? NULL : malloc(n ? n : 1);

	if (p == NULL)
		util_out_of_memory(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = UTIL_FAULT() ? NULL : calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		util_out_of_memory(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = UTIL_FAULT() ? NULL : realloc(p, n ? n : 1);

	if (q == NULL)
		util_out_of_memory(n);
	return q;
}

void *
xgrow(void *array, int n, int *cap, size_t size)
{
	if (n < *cap)
		return array;
	*cap = *cap ? *cap * 2 : 8;
	return xrealloc(array, (size_t)*cap * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_steal(struct buf *b)
{
	char *s = b->data;

	if (s == NULL)
		s = xstrdup("");
	buf_init(b);
	return s;
}

int
util_read_file(const char *path, struct buf *out, struct err *e)
{
	char chunk[65536];
	FILE *fp;
	size_t n;

	fp = fopen(path, "rb");
	if (fp == NULL) {
		err_set(e, "%s: %s", path, strerror(errno));
		return -1;
	}
	buf_reset(out);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(out, chunk, n);
	if (ferror(fp)) {
		err_set(e, "%s: read error: %s", path, strerror(errno));
		fclose(fp);
		return -1;
	}
	fclose(fp);
	if (out->data == NULL)
		buf_add(out, "", 0);
	return 0;
}

/* The kernel takes at most PATH_MAX bytes of a path at once, and a walk
 * through folders makes longer ones: the front of a long path is opened
 * a piece at a time, each piece ending at a '/' and opened from the
 * folder before it, which resolves links and ".." as one call would. */
int
util_path_at(const char *path, const char **rest)
{
	char piece[PATH_MAX];
	int dir = AT_FDCWD, fd, saved;
	const char *p = path, *cut;
	size_t n;

	while (strlen(p) >= PATH_MAX) {
		/* No '/' in reach: one name longer than a path. */
		if ((cut = memrchr(p, '/', PATH_MAX - 1)) == NULL) {
			errno = ENAMETOOLONG;
			break;
		}
		n = (size_t)(cut - p) + 1;
		memcpy(piece, p, n);
		piece[n] = '\0';
		fd = openat(dir, piece, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		saved = errno;
		util_path_done(dir);
		errno = saved;
		if ((dir = fd) < 0)
			return -1;
		for (p = cut + 1; *p == '/'; p++)
			;
	}
	if (strlen(p) >= PATH_MAX) {
		util_path_done(dir);
		return -1;
	}
	*rest = *p ? p : ".";
	return dir;
}

void
util_path_done(int dir)
{
	if (dir >= 0)
		close(dir);
}

int
util_open(const char *path, int flags)
{
	const char *rest;
	int dir = util_path_at(path, &rest), fd, saved;

	if (dir == -1)
		return -1;
	fd = openat(dir, rest, flags | O_CLOEXEC);
	saved = errno;
	util_path_done(dir);
	errno = saved;
	return fd;
}

/* A descriptor may come non-blocking (standard input shared with a
 * program that set it so): wait for it rather than take EAGAIN for an
 * error. */
static int
util_read_some(int fd, char *to, size_t n)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t got;

	for (;;) {
		if ((got = read(fd, to, n)) >= 0)
			return (int)got;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			(void)poll(&pfd, 1, -1);
		else if (errno != EINTR)
			return -1;
	}
}

/* Whole chunks, never a byte count cut to the limit: some files refuse
 * reads of odd sizes (/proc/self/pagemap reads 8 bytes at a time). */
int
util_read_fd(int fd, size_t limit, struct buf *out)
{
	char chunk[65536];
	int got;

	buf_reset(out);
	buf_add(out, "", 0);
	do {
		if ((got = util_read_some(fd, chunk, sizeof chunk)) < 0)
			return -1;
		buf_add(out, chunk, (size_t)got);
	} while (got > 0 && out->len <= limit);
	if (out->len > limit) {
		out->len = limit + 1;
		out->data[out->len] = '\0';
	}
	return 0;
}

int
util_parse_ll(const char *s, long long *out)
{
	char *end;
	long long v;

	/* strtoll would also take leading spaces and a '+'. */
	if (s == NULL || !(*s == '-' || (*s >= '0' && *s <= '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

char *
util_ascii_lower(const char *s)
{
	char *p = xstrdup(s);
	char *q;

	for (q = p; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return p;
}

void
util_utf8_put(struct buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		cp = 0xfffd;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	buf_add(b, u, n);
}

size_t
util_utf8_decode(const char *str, size_t left, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, *cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, *cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (left < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (*cp < 0x800 || (*cp >= 0xd800 && *cp <= 0xdfff))) ||
	    (n == 4 && (*cp < 0x10000 || *cp > 0x10ffff)))
		return 0;
	return n;
}

int
util_is_control(unsigned long cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') ||
	    (cp >= 0x7f && cp <= 0x9f);
}

int
util_is_hidden(unsigned long cp)
{
	return cp == 0xad || cp == 0x61c || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2069) ||
	    cp == 0xfeff;
}

void
util_clean_terminal(char *s, int one_line)
{
	unsigned long cp;
	size_t i = 0, o = 0, len = strlen(s), n;

	while (i < len) {
		n = util_utf8_decode(s + i, len - i, &cp);
		if (one_line && n == 1 && (cp == '\n' || cp == '\t')) {
			s[o++] = ' ';
			i++;
			continue;
		}
		if (n == 0 || util_is_control(cp) || util_is_hidden(cp)) {
			s[o++] = '?';
			i += n ? n : 1;
			continue;
		}
		memmove(s + o, s + i, n);
		o += n;
		i += n;
	}
	s[o] = '\0';
}

int
util_utf8_valid(const char *s, size_t len, size_t *bad)
{
	unsigned long cp;
	size_t i = 0, n;

	while (i < len) {
		n = util_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

int
util_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}
