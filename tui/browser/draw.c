/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <langinfo.h>
#include <string.h>

#include "browser/curses.h"
#include "browser/draw.h"
#include "scotl/util.h"

#define DRAW_PLACEHOLDER_WC 0xfffd
#define DRAW_MAX_COMBINING 4

static int draw_is_utf8;

void
draw_init(void)
{
	const char *cs = nl_langinfo(CODESET);

	draw_is_utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

int
draw_utf8(void)
{
	return draw_is_utf8;
}

void
draw_next(const char *s, size_t len, struct draw_char *out)
{
	unsigned long cp;
	size_t n = util_utf8_decode(s, len, &cp);
	int w;

	out->len = n ? n : 1;
	out->width = 1;
	out->cls = DRAW_PLACEHOLDER;
	out->wc = draw_is_utf8 ? DRAW_PLACEHOLDER_WC : '?';
	if (n == 0)
		return;
	if (cp == '\t' || cp == '\n') {
		out->cls = cp == '\t' ? DRAW_TAB : DRAW_NEWLINE;
		out->wc = ' ';
		return;
	}
	if (util_is_control(cp))
		return;
	if (util_is_hidden(cp)) {
		out->cls = DRAW_DROP;
		out->width = 0;
		return;
	}
	if (!draw_is_utf8 && cp >= 0x80) {
		/* A terminal without UTF-8 shows one '?' per character. */
		out->cls = DRAW_CHAR;
		out->wc = '?';
		return;
	}
	w = wcwidth((wchar_t)cp);
	out->wc = (wchar_t)cp;
	if (w == 0) {
		out->cls = DRAW_COMBINING;
		out->width = 0;
	} else if (w < 0) {
		/* Unassigned or unprintable in this locale. */
		out->wc = DRAW_PLACEHOLDER_WC;
	} else {
		out->cls = DRAW_CHAR;
		out->width = w;
	}
}

int
draw_width(const char *s, size_t len)
{
	struct draw_char c;
	size_t i = 0;
	int cols = 0;

	while (i < len) {
		draw_next(s + i, len - i, &c);
		cols += c.cls == DRAW_TAB ? 8 - cols % 8 : c.width;
		i += c.len;
	}
	return cols;
}

size_t
draw_fit(const char *s, size_t len, int width, int *cols)
{
	struct draw_char c;
	size_t i = 0;
	int used = 0, w;

	while (i < len) {
		draw_next(s + i, len - i, &c);
		w = c.cls == DRAW_TAB ? 8 - used % 8 : c.width;
		if (used + w > width)
			break;
		used += w;
		i += c.len;
	}
	if (cols != NULL)
		*cols = used;
	return i;
}

/* Puts one cell: a base character and the combining marks after it. */
static void
draw_cell(int y, int x, const wchar_t *wcs, unsigned long attr)
{
	cchar_t cc;

	setcchar(&cc, wcs, (attr_t)(attr & ~A_COLOR), (short)PAIR_NUMBER(attr),
	    NULL);
	mvadd_wch(y, x, &cc);
}

int
draw_text(int y, int x, int width, const char *s, size_t len,
    unsigned long attr)
{
	wchar_t cell[DRAW_MAX_COMBINING + 2];
	struct draw_char c, m;
	size_t i = 0;
	int used = 0, k;

	while (i < len && used < width) {
		draw_next(s + i, len - i, &c);
		i += c.len;
		if (c.cls == DRAW_DROP || c.cls == DRAW_COMBINING)
			continue;       /* a mark with nothing before it */
		if (c.cls == DRAW_TAB) {
			k = 8 - used % 8;
			draw_fill(y, x + used, k > width - used ? width - used : k, attr);
			used += k;
			continue;
		}
		if (used + c.width > width) {
			/* A wide character that does not fit is not cut. */
			draw_fill(y, x + used, width - used, attr);
			return width;
		}
		cell[0] = c.wc;
		k = 1;
		/* Marks that follow join this cell, up to what curses holds;
		 * the rest are dropped. */
		while (i < len) {
			draw_next(s + i, len - i, &m);
			if (m.cls != DRAW_COMBINING && m.cls != DRAW_DROP)
				break;
			if (m.cls == DRAW_COMBINING && k <= DRAW_MAX_COMBINING &&
			    c.cls == DRAW_CHAR)
				cell[k++] = m.wc;
			i += m.len;
		}
		cell[k] = L'\0';
		draw_cell(y, x + used, cell,
		    c.cls == DRAW_PLACEHOLDER ? attr | A_REVERSE : attr);
		used += c.width;
	}
	return used > width ? width : used;
}

int
draw_str(int y, int x, int width, const char *s, unsigned long attr)
{
	return draw_text(y, x, width, s, strlen(s), attr);
}

void
draw_fill(int y, int x, int width, unsigned long attr)
{
	int i;

	if (width <= 0)
		return;
	attrset((attr_t)attr);
	for (i = 0; i < width; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

void
draw_hline(int y, int x, int width, const char *utf8, char ascii,
    unsigned long attr)
{
	wchar_t wc[2] = { (wchar_t)ascii, L'\0' };
	struct draw_char c;
	int i;

	if (draw_is_utf8 && utf8 != NULL) {
		draw_next(utf8, strlen(utf8), &c);
		if (c.cls == DRAW_CHAR && c.width == 1)
			wc[0] = c.wc;
	}
	for (i = 0; i < width; i++)
		draw_cell(y, x + i, wc, attr);
}
