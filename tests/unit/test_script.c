/* SPDX-License-Identifier: ISC */
/* model/base/script.c: the scripts written without spaces, case folding
 * and the folded match of the article pane's search. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "scotl/script.h"

/* The edges of the ranges, and characters around them. */
static void
test_ranges(void)
{
	static const unsigned long in[] = { 0x0e01, 0x0e81, 0x1000, 0x1100,
	    0x1780, 0x2f00, 0x3042, 0x30a2, 0x3105, 0x3400, 0x4e00, 0x9fff,
	    0xac00, 0xd7a3, 0xf900, 0xff71, 0x20000, 0x2a6d6, 0x30000 };
	static const unsigned long out[] = { 'a', 0xe9, 0x43c, 0x5d0, 0x627,
	    0x0dff, 0x0f00, 0x10a0, 0x1200, 0x1800, 0x2000, 0x2019, 0x3000,
	    0x3002, 0x4dc0, 0xa000, 0xd800, 0xfb00, 0xff0c, 0xffa0, 0x1f600,
	    0x40000 };
	size_t i;
	int good = 1;

	for (i = 0; i < sizeof in / sizeof *in; i++)
		if (!script_unspaced(in[i])) {
			good = 0;
			tap_diag("U+%04lX should be unspaced", in[i]);
		}
	for (i = 0; i < sizeof out / sizeof *out; i++)
		if (script_unspaced(out[i])) {
			good = 0;
			tap_diag("U+%04lX should not be unspaced", out[i]);
		}
	ok(good, "Han, kana, Hangul, Thai, Lao, Khmer, Burmese, and no other "
	    "script, punctuation or emoji");
}

static void
test_unspaced(void)
{
	const char *zh = "SCO \xe5\xb3\xb0\xe4\xbc\x9a";   /* SCO 峰会 */
	const char *ru = "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"; /* Москва */

	ok(script_has_unspaced(zh, strlen(zh)), "Chinese is written without spaces");
	ok(!script_has_unspaced(zh, 4), "but not the Latin before it");
	ok(!script_has_unspaced(ru, strlen(ru)), "Russian is written with spaces");
	ok(script_has_unspaced("\xe0\xb8\x81", 3), "Thai without");
	ok(script_has_unspaced("\xea\xb0\x80", 3), "Hangul: particles join words");
	ok(script_has_unspaced("\xe3\x81\x82", 3), "hiragana");
	ok(!script_has_unspaced("\xe3\x80\x82", 3), "an ideographic full stop is no letter");
	ok(!script_has_unspaced("\xe5\xb3", 2), "a character cut short is none");
	is_int((long long)script_chars(zh), 6, "SCO 峰会 is 6 characters");
	is_int((long long)script_chars("\xff" "a"), 2, "a byte that is not UTF-8 counts one");
}

static void
test_fold(void)
{
	is_int((long long)script_fold('Q'), 'q', "ASCII");
	is_int((long long)script_fold(0xc9), 0xe9, "\xc3\x89 to \xc3\xa9");
	is_int((long long)script_fold(0xd7), 0xd7, "\xc3\x97 is no letter");
	is_int((long long)script_fold(0x141), 0x142, "\xc5\x81 to \xc5\x82");
	is_int((long long)script_fold(0x17d), 0x17e, "\xc5\xbd to \xc5\xbe");
	is_int((long long)script_fold(0x178), 0xff, "\xc5\xb8 to \xc3\xbf");
	is_int((long long)script_fold(0x3a3), 0x3c3, "\xce\xa3 to \xcf\x83");
	is_int((long long)script_fold(0x3c2), 0x3c3, "final \xcf\x82 to \xcf\x83");
	is_int((long long)script_fold(0x41c), 0x43c, "\xd0\x9c to \xd0\xbc");
	is_int((long long)script_fold(0x401), 0x451, "\xd0\x81 to \xd1\x91");
	is_int((long long)script_fold(0x4d8), 0x4d9, "\xd3\x98 to \xd3\x99");
	is_int((long long)script_fold(0x4c1), 0x4c2, "\xd3\x81 to \xd3\x82");
	is_int((long long)script_fold(0x531), 0x561, "Armenian");
	is_int((long long)script_fold(0x4e2d), 0x4e2d, "\xe4\xb8\xad as it is");
}

static void
test_match(void)
{
	/* "В Москве" against "москве" */
	const char *s = "\xd0\x92 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb5";
	const char *n = "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb5";
	const char *zh = "\xe5\xae\x89\xe5\x85\xa8\xe4\xbc\x9a\xe8\xae\xae"; /* 安全会议 */

	is_int((long long)script_match_folded(s + 3, strlen(s) - 3, n, strlen(n)),
	    12, "a Russian word is found in another case");
	is_int((long long)script_match_folded(s, strlen(s), n, strlen(n)), 0,
	    "not where it is not");
	is_int((long long)script_match_folded(zh + 6, 6, "\xe4\xbc\x9a\xe8\xae\xae",
	    6), 6, "a Chinese word inside Chinese text");
	is_int((long long)script_match_folded("Ab", 2, "abc", 3), 0,
	    "the text ends before the needle");
	is_int((long long)script_match_folded("a\xff" "b", 3, "A\xff", 2), 2,
	    "bytes that are not UTF-8 compare as bytes");
}

int
main(void)
{
	test_ranges();
	test_unspaced();
	test_fold();
	test_match();
	return tap_done();
}
