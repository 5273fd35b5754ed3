/* SPDX-License-Identifier: ISC */
/* tui/browser/draw.c: the widths the one drawing path gives each kind of
 * character, and fitting text into columns without cutting a wide one. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "fixture.h"
#include "browser/draw.h"

static void
width(const char *s, int want, const char *what)
{
	is_int(draw_width(s, strlen(s)), want, what);
}

int
main(void)
{
	struct draw_char c;
	size_t n;
	int cols;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "en_US.UTF-8");
	draw_init();
	ok(draw_utf8(), "the test runs in a UTF-8 locale");
	width("abc", 3, "ASCII: one column each");
	width("\xe4\xb8\xad\xe6\x96\x87", 4, "CJK: two columns each");
	width("\xf0\x9f\x98\x80", 2, "an emoji: two columns");
	width("e\xcc\x81", 1, "a combining mark: none");
	width("a\xcc\xb8\xcc\xb8\xcc\xb8\xcc\xb8\xcc\xb8\xcc\xb8", 1,
	    "many combining marks on one letter: still one column");
	width("\x1b]0;x\x07", 6, "ESC and BEL: one placeholder column each, ]0;x as text");
	width("\xc2\x9b", 1, "C1 CSI in UTF-8: a placeholder");
	width("\x7f", 1, "DEL: a placeholder");
	width("\xff", 1, "an invalid byte: a placeholder");
	width("a\xe2\x80\xae" "b", 2, "a bidi override: dropped");
	width("a\xe2\x81\xa6\xe2\x81\xa9" "b", 2, "bidi isolates: dropped");
	width("a\xe2\x80\x8b\xc2\xad\xef\xbb\xbf\xe2\x81\xa0" "b", 2,
	    "zero-width space, soft hyphen, BOM, word joiner: dropped");
	width("\tx", 9, "a tab: to the next multiple of eight");

	draw_next("\x1b", 1, &c);
	ok(c.cls == DRAW_PLACEHOLDER && c.wc == 0xfffd, "ESC shows as U+FFFD");
	draw_next("\xe2\x80\xae", 3, &c);
	ok(c.cls == DRAW_DROP && c.len == 3, "RLO is dropped, all three bytes");
	draw_next("\xe4\xb8", 2, &c);
	ok(c.cls == DRAW_PLACEHOLDER && c.len == 1,
	    "a sequence cut at the end is a placeholder, one byte at a time");

	n = draw_fit("\xe4\xb8\xad\xe6\x96\x87", 6, 3, &cols);
	ok(n == 3 && cols == 2, "3 columns hold one CJK character, not one and a half");
	n = draw_fit("ab\xe4\xb8\xad", 5, 3, &cols);
	ok(n == 2 && cols == 2, "a wide character at the edge is left out whole");
	n = draw_fit("abc", 3, 10, &cols);
	ok(n == 3 && cols == 3, "text that fits is taken whole");
	n = draw_fit("e\xcc\x81x", 4, 1, &cols);
	ok(n == 3 && cols == 1, "a combining mark goes with its letter");
	return tap_done();
}
