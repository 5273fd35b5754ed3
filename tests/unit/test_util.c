/* SPDX-License-Identifier: ISC */
/* model/base/util.c: growable strings, numbers, UTF-8 validation,
 * text cleaned for a terminal. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/util.h"

static void
test_buf(void)
{
	struct buf b;
	char *s;

	buf_init(&b);
	buf_adds(&b, "ab");
	buf_addc(&b, 'c');
	buf_printf(&b, "%d-%s", 42, "x");
	is_str(b.data, "abc42-x", "buf appends text, characters and formats");
	is_int((long long)b.len, 7, "buf counts its length");
	buf_reset(&b);
	is_str(b.data, "", "buf_reset empties it");
	for (int i = 0; i < 1000; i++)
		buf_adds(&b, "0123456789");
	is_int((long long)b.len, 10000, "buf grows past its first allocation");
	s = buf_steal(&b);
	ok(b.data == NULL && strlen(s) == 10000, "buf_steal hands the string over");
	free(s);
}

static void
test_numbers(void)
{
	long long v = 0;

	ok(util_parse_ll("42", &v) == 0 && v == 42, "42 is a number");
	ok(util_parse_ll("-7", &v) == 0 && v == -7, "-7 is a number");
	ok(util_parse_ll("", &v) != 0, "empty text is not a number");
	ok(util_parse_ll("12x", &v) != 0, "12x is not a number");
	ok(util_parse_ll(" 12", &v) != 0, "a leading space is not part of a number");
	ok(util_parse_ll("99999999999999999999", &v) != 0,
	    "a number too large for 64 bits is refused");
}

static void
test_utf8(void)
{
	size_t bad = 0;

	ok(util_utf8_valid("plain", 5, &bad), "ASCII is UTF-8");
	ok(util_utf8_valid("\xe2\x80\x99 \xf0\x9f\x98\x80", 8, &bad),
	    "a curly quote and an emoji are UTF-8");
	ok(!util_utf8_valid("ab\xff", 3, &bad) && bad == 2, "0xFF is not, at byte 2");
	ok(!util_utf8_valid("\xc0\xaf", 2, &bad), "an overlong '/' is not");
	ok(!util_utf8_valid("\xed\xa0\x80", 3, &bad), "a UTF-16 surrogate is not");
	ok(!util_utf8_valid("x\xe2\x80", 3, &bad) && bad == 1,
	    "a sequence cut at the end is not, at its first byte");
}

/* util_utf8_put writes what util_utf8_decode reads, in 1 to 4 bytes;
 * what is not a character becomes U+FFFD. */
static void
test_utf8_put(void)
{
	static const unsigned long cps[] = { 'a', 0xe9, 0x0420, 0x4e2d, 0x1f600 };
	static const size_t lens[] = { 1, 2, 2, 3, 4 };
	unsigned long cp = 0;
	struct buf b;
	size_t i, n;

	for (i = 0; i < sizeof cps / sizeof *cps; i++) {
		buf_init(&b);
		util_utf8_put(&b, cps[i]);
		n = util_utf8_decode(b.data, b.len, &cp);
		ok(n == b.len && n == lens[i] && cp == cps[i],
		    "U+%04lX is written in %zu bytes and read back", cps[i], b.len);
		buf_free(&b);
	}
	buf_init(&b);
	util_utf8_put(&b, 0xd800);
	util_utf8_put(&b, 0x110000);
	util_utf8_put(&b, 0);
	ok(b.len == 9 && memcmp(b.data, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 9) == 0,
	    "a surrogate, a code point above U+10FFFF and NUL become U+FFFD");
	buf_free(&b);
}

static void
test_lower(void)
{
	char *s = util_ascii_lower("Ajit DOVAL \xc3\x89");

	is_str(s, "ajit doval \xc3\x89", "ASCII letters are lowered, others kept");
	free(s);
}

/* One cleaner for messages that quote a file (dbcheck.c) or a filter. */
static void
test_clean(void)
{
	char s[64];

	snprintf(s, sizeof s, "a\x1b[2Jb\xe2\x80\xae" "c\xff\xe2\x80\x99");
	util_clean_terminal(s, 0);
	is_str(s, "a?[2Jb?c?\xe2\x80\x99",
	    "an escape, a bidi override and a stray byte become '?', not a quote");
	snprintf(s, sizeof s, "x\ty\nz");
	util_clean_terminal(s, 0);
	is_str(s, "x\ty\nz", "tabs and newlines are kept");
	util_clean_terminal(s, 1);
	is_str(s, "x y z", "or made spaces for a message on one line");
}

int
main(void)
{
	test_buf();
	test_numbers();
	test_utf8();
	test_utf8_put();
	test_lower();
	test_clean();
	return tap_done();
}
