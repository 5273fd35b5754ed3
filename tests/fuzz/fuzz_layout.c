/* SPDX-License-Identifier: ISC */
/* Fuzz target: sanitising and width-aware layout (model/import/text.c,
 * tui/browser/draw.c) into an off-screen curses grid of a size the input picks.
 * The sanitised text is broken into lines with draw_fit and drawn with
 * draw_text; the raw bytes are drawn on the last row as they are. Each
 * row is read back: nothing is written outside its columns, no cell
 * holds a control, bidi or invisible character, and the widths of the
 * cells add up to what draw_text and draw_fit say they took.
 *
 * Input: rows, columns, the pane's left column and its width (a byte
 * each), then the text. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fuzz.h"
#include "browser/curses.h"
#include "browser/draw.h"
#include "scotl/text.h"
#include "scotl/util.h"

#define FUZZ_SENTINEL '~'
#define FUZZ_MAX_ROWS 40
#define FUZZ_MAX_COLS 120

struct fuzz_pane {
	int rows, cols, x, w;
};

static void
fuzz_layout_init(void)
{
	static int done;
	static const char *const terms[] = { "xterm-256color", "xterm", "vt100",
	    "dumb" };
	FILE *out, *in;
	size_t i;

	if (done)
		return;
	done = 1;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "en_US.UTF-8");
	draw_init();
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	FUZZ_CHECK(out != NULL && in != NULL, "cannot open /dev/null");
	for (i = 0; i < sizeof terms / sizeof *terms; i++)
		if (newterm(terms[i], out, in) != NULL)
			return;
	fuzz_fail("no terminal description for curses");
}

/* Every cell of the grid holds the sentinel. */
static void
fuzz_layout_clear(const struct fuzz_pane *p)
{
	int y, x;

	for (y = 0; y < p->rows; y++)
		for (x = 0; x < p->cols; x++)
			mvaddch(y, x, FUZZ_SENTINEL);
}

/* The cell at (y, x): its characters in wc, its columns returned. */
static int
fuzz_layout_cell(int y, int x, wchar_t wc[CCHARW_MAX + 1])
{
	cchar_t cc;
	attr_t attr;
	short pair;
	int w;

	FUZZ_CHECK(mvin_wch(y, x, &cc) != ERR, "cannot read cell %d,%d", y, x);
	wc[0] = L'\0';
	getcchar(&cc, wc, &attr, &pair, NULL);
	w = wcwidth(wc[0]);
	return w < 1 ? 1 : w;
}

static int
fuzz_layout_is_sentinel(int y, int x)
{
	wchar_t wc[CCHARW_MAX + 1];

	fuzz_layout_cell(y, x, wc);
	return wc[0] == FUZZ_SENTINEL && wc[1] == L'\0';
}

/* Row Y after draw_text took USED columns of the pane. */
static void
fuzz_layout_row(const struct fuzz_pane *p, int y, int used)
{
	wchar_t wc[CCHARW_MAX + 1];
	int c, k;

	for (c = 0; c < p->cols; c++)
		if (c < p->x || c >= p->x + used)
			FUZZ_CHECK(fuzz_layout_is_sentinel(y, c), "row %d: column %d "
			    "outside %d..%d was written", y, c, p->x, p->x + used - 1);
	for (c = p->x; c < p->x + used; c += fuzz_layout_cell(y, c, wc)) {
		fuzz_layout_cell(y, c, wc);
		for (k = 0; k <= CCHARW_MAX && wc[k] != L'\0'; k++)
			FUZZ_CHECK(!util_is_control((unsigned long)wc[k]) &&
			    !util_is_hidden((unsigned long)wc[k]),
			    "row %d column %d holds U+%04lX", y, c,
			    (unsigned long)wc[k]);
	}
	FUZZ_CHECK(c == p->x + used, "row %d: the cells take %d columns, "
	    "draw_text said %d", y, c - p->x, used);
}

/* Draws LEN bytes of S on row Y and checks it; the columns taken. */
static int
fuzz_layout_line(const struct fuzz_pane *p, int y, const char *s, size_t len)
{
	int cols, used;
	size_t n = draw_fit(s, len, p->w, &cols);

	used = draw_text(y, p->x, p->w, s, len, A_NORMAL);
	FUZZ_CHECK(used >= 0 && used <= p->w, "draw_text took %d of %d columns",
	    used, p->w);
	FUZZ_CHECK(used == (n == len ? cols : p->w), "draw_text took %d columns, "
	    "draw_fit %d of %d for %zu of %zu bytes", used, cols, p->w, n, len);
	FUZZ_CHECK(n < len || cols == draw_width(s, len), "draw_fit %d columns, "
	    "draw_width %d", cols, draw_width(s, len));
	fuzz_layout_row(p, y, used);
	return cols;
}

/* Lines of one paragraph (no newline in it) from row *y on: as much as
 * fits, or one character when not even that does. */
static void
fuzz_layout_para(const struct fuzz_pane *p, int *y, const char *s, size_t len)
{
	struct draw_char c;
	size_t i = 0, n;
	int total = 0, forced = memchr(s, '\t', len) != NULL, cols;

	while (i < len && *y < p->rows - 1) {
		n = draw_fit(s + i, len - i, p->w, &cols);
		if (n == 0) {
			draw_next(s + i, len - i, &c);
			n = c.len;
			forced = 1;
		}
		total += fuzz_layout_line(p, (*y)++, s + i, n);
		i += n;
	}
	FUZZ_CHECK(i < len || forced || total == draw_width(s, len),
	    "the lines take %d columns, the paragraph %d", total,
	    draw_width(s, len));
}

static void
fuzz_layout_pane(const uint8_t *data, size_t size, struct fuzz_pane *p)
{
	uint8_t b[4] = { 23, 79, 0, 79 };

	memcpy(b, data, size < 4 ? size : 4);
	p->rows = 1 + b[0] % FUZZ_MAX_ROWS;
	p->cols = 1 + b[1] % FUZZ_MAX_COLS;
	p->x = b[2] % p->cols;
	p->w = 1 + b[3] % (p->cols - p->x);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *)data + (size < 4 ? size : 4), *nl;
	size_t len = size < 4 ? 0 : size - 4, at = 0;
	struct fuzz_pane p;
	struct buf clean;
	int y = 0;

	fuzz_layout_init();
	fuzz_layout_pane(data, size, &p);
	FUZZ_CHECK(resize_term(p.rows, p.cols) == OK, "cannot resize to %dx%d",
	    p.cols, p.rows);
	fuzz_layout_clear(&p);
	buf_init(&clean);
	text_sanitise(raw, len, &clean);
	while (at <= clean.len && y < p.rows - 1) {
		nl = memchr(clean.data + at, '\n', clean.len - at);
		fuzz_layout_para(&p, &y, clean.data + at, nl ? (size_t)(nl -
		    clean.data) - at : clean.len - at);
		if (nl == NULL)
			break;
		at = (size_t)(nl - clean.data) + 1;
	}
	fuzz_layout_line(&p, p.rows - 1, raw, len);
	buf_free(&clean);
	return 0;
}
