/* SPDX-License-Identifier: ISC */
/* model/base/script.c: the scripts written without spaces, in C and as
 * the GLOB class of migration 6, which must agree; case folding and the
 * folded match of the article pane's search. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "scotl/script.h"

/* CP as UTF-8 into OUT (5 bytes); its length. */
static int
utf8(unsigned long cp, char *out)
{
	int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;

	if (n == 1)
		out[0] = (char)cp;
	else
		out[0] = (char)((0xf00u >> n) | (cp >> (6 * (n - 1))));
	for (int i = 1; i < n; i++)
		out[i] = (char)(0x80 | ((cp >> (6 * (n - 1 - i))) & 0x3f));
	out[n] = '\0';
	return n;
}

/* Every code point: script_unspaced() and SCRIPT_UNSPACED_GLOB agree. */
static void
test_glob_agrees(void)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	unsigned long cp, bad = 0, nbad = 0, yes = 0;
	char s[5];
	int n;

	if (sqlite3_open(":memory:", &h) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "SELECT ?1 GLOB '*' || ?2 || '*'", -1, &st,
	    NULL) != SQLITE_OK) {
		ok(0, "sqlite3: %s", sqlite3_errmsg(h));
		return;
	}
	sqlite3_bind_text(st, 2, SCRIPT_UNSPACED_GLOB, -1, SQLITE_STATIC);
	for (cp = 1; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		n = utf8(cp, s);
		sqlite3_bind_text(st, 1, s, n, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW ||
		    sqlite3_column_int(st, 0) != script_unspaced(cp)) {
			if (nbad++ == 0)
				bad = cp;
		}
		yes += (unsigned long)script_unspaced(cp);
		sqlite3_reset(st);
	}
	ok(nbad == 0, "the GLOB class and script_unspaced agree on every code "
	    "point (%lu differ, the first U+%04lX)", nbad, bad);
	ok(yes > 150000, "and hold the CJK ideographs (%lu)", yes);
	sqlite3_finalize(st);
	sqlite3_close(h);
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
	test_glob_agrees();
	test_unspaced();
	test_fold();
	test_match();
	return tap_done();
}
