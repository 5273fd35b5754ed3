/* SPDX-License-Identifier: ISC */
/* The one drawing path for text from the data. Every string from an
 * article, a title or a name reaches curses through here: it is decoded,
 * cleaned (C0 and C1 controls, DEL and invalid bytes become a visible
 * placeholder; bidi controls and invisible characters are dropped),
 * measured (wide characters take two columns, combining marks none) and
 * clipped so that a wide character is never cut at a pane edge. */
#ifndef SCOTL_DRAW_H
#define SCOTL_DRAW_H

#include <stddef.h>
#include <wchar.h>

enum draw_class {
	DRAW_CHAR,              /* a printable character of width >= 1 */
	DRAW_COMBINING,         /* a zero-width mark joining the one before */
	DRAW_PLACEHOLDER,       /* a control or invalid byte, shown as one cell */
	DRAW_DROP,              /* bidi control or invisible: not shown */
	DRAW_TAB,
	DRAW_NEWLINE,
};

struct draw_char {
	enum draw_class cls;
	wchar_t wc;             /* what to show (the placeholder for controls) */
	int width;              /* columns */
	size_t len;             /* bytes it took */
};

/* Set once from the locale: whether to use UTF-8 glyphs. */
void draw_init(void);
int draw_utf8(void);

/* Decodes the character at s (len bytes left, len > 0). */
void draw_next(const char *s, size_t len, struct draw_char *out);

/* Columns the text takes on one line (tabs count as to the next multiple
 * of 8 from column 0, newlines as one space). */
int draw_width(const char *s, size_t len);

/* How many bytes of s fit in width columns without cutting a character;
 * *cols gets the columns they take. */
size_t draw_fit(const char *s, size_t len, int width, int *cols);

/* Draws at (y, x) on stdscr no more than width columns, in attr; the cells
 * left over up to width are not touched. Returns the columns drawn. */
int draw_text(int y, int x, int width, const char *s, size_t len,
    unsigned long attr);
int draw_str(int y, int x, int width, const char *s, unsigned long attr);

/* width spaces in attr. */
void draw_fill(int y, int x, int width, unsigned long attr);

/* A line of the given glyph (a UTF-8 box character, or its ASCII
 * fallback). */
void draw_hline(int y, int x, int width, const char *utf8, char ascii,
    unsigned long attr);

#endif
