/* SPDX-License-Identifier: ISC */
/* Small helpers shared by every module: error messages, growable strings,
 * checked allocation and whole-file reading. */
#ifndef SCOTL_UTIL_H
#define SCOTL_UTIL_H

#include <stddef.h>
#include <stdarg.h>

/* A function that can fail returns -1 and says why in a struct err. */
struct err {
	char msg[1024];
};

void err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Room for one more element in an array of n used out of *cap: doubles
 * *cap when full. Returns the (possibly moved) array. */
void *xgrow(void *array, int n, int *cap, size_t size);
char *xstrndup(const char *s, size_t n);
/* Out of memory prints a message and exits with status 1; HOOK (NULL for
 * none) runs first, to give the terminal back. */
void util_out_of_memory(size_t n) __attribute__((noreturn));
void util_set_oom_hook(void (*hook)(void));

/* A growable, always NUL-terminated byte string. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *buf_steal(struct buf *b);

/* Reads a whole file; the message names the file and the reason. */
int util_read_file(const char *path, struct buf *out, struct err *e);

/* PATH, however long, as a folder and a name to open from it with the
 * *at functions (openat, fstatat): the folder is AT_FDCWD when PATH is
 * short, else an open descriptor; -1 with errno when a folder on the way
 * cannot be opened. Close it with util_path_done. */
int util_path_at(const char *path, const char **rest);
void util_path_done(int dir);
/* open(2) for a path of any length; the descriptor is close-on-exec. */
int util_open(const char *path, int flags);
/* Reads FD to its end or until it gave more than LIMIT bytes (then
 * OUT->len is LIMIT + 1, and at most 64 KiB more were read): what a file
 * says of its size is not trusted, as /proc and growing files say 0 or
 * less than they give. -1 with errno. */
int util_read_fd(int fd, size_t limit, struct buf *out);

/* Parses a whole decimal number into *out; 0 on success, -1 when the text
 * is not a number or does not fit. */
int util_parse_ll(const char *s, long long *out);

/* Lower-cases ASCII letters into a new string (names in the gazetteer are
 * compared case-insensitively; other scripts compare as written). */
char *util_ascii_lower(const char *s);

/* Decodes the UTF-8 sequence at s (left > 0 bytes); returns its length
 * and sets *cp, or returns 0 when it is not valid there (overlong,
 * surrogate, cut short, stray continuation byte). */
size_t util_utf8_decode(const char *s, size_t left, unsigned long *cp);
/* Appends code point CP to B in UTF-8; one that is not a character
 * (NUL, a surrogate, above U+10FFFF) as U+FFFD. */
void util_utf8_put(struct buf *b, unsigned long cp);

/* What must never reach a terminal from the data. Controls: C0 but tab
 * and newline, DEL, C1. Hidden: bidi controls (U+202A-E, U+2066-9,
 * U+200E-F, U+061C) and invisible characters (U+200B-D, U+2060-5,
 * U+FEFF, U+00AD). */
int util_is_control(unsigned long cp);
int util_is_hidden(unsigned long cp);

/* Replaces, in place, what must not reach a terminal (controls, bidi and
 * invisible characters, bytes that are not UTF-8) with '?': messages
 * that quote a file or a filter. ONE_LINE: newlines and tabs become
 * spaces as well (dbcheck.c's messages, SQLite's among them); else they
 * are kept, as the filter's messages always kept them. */
void util_clean_terminal(char *s, int one_line);

/* 1 when S holds nothing but white space (or nothing). */
int util_blank(const char *s);

/* 1 when the bytes are valid UTF-8 (no overlongs, no surrogates); else 0
 * with the offset of the first bad byte in *bad. */
int util_utf8_valid(const char *s, size_t len, size_t *bad);

#endif
