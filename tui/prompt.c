/* The prompt on the bottom line: the filter ('f') and the article search
 * ('/'). It edits wide characters in place; Enter applies, Esc cancels. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "scotl/app.h"
#include "scotl/color.h"
#include "scotl/curses.h"
#include "scotl/draw.h"

#define PROMPT_MAX (int)(sizeof ((struct prompt *)0)->text / sizeof(wchar_t) - 1)

/* The text as UTF-8 (the locale's multibyte form). */
static void
prompt_text(const struct prompt *p, char *out, size_t size)
{
	mbstate_t st;
	size_t used = 0, n;
	char mb[16];
	int i;

	memset(&st, 0, sizeof st);
	for (i = 0; i < p->len; i++) {
		n = wcrtomb(mb, p->text[i], &st);
		if (n == (size_t)-1 || used + n >= size)
			break;
		memcpy(out + used, mb, n);
		used += n;
	}
	out[used] = '\0';
}

void
app_open_prompt(struct app *app, enum prompt_kind kind)
{
	struct prompt *p = &app->pr;
	const char *init = kind == PROMPT_FILTER ? app->view.filter_text :
	    app->ap.search;
	mbstate_t st;
	size_t n;

	memset(p, 0, sizeof *p);
	p->kind = kind;
	memset(&st, 0, sizeof st);
	n = mbsrtowcs(p->text, &init, (size_t)PROMPT_MAX, &st);
	p->len = n == (size_t)-1 ? 0 : (int)n;
	p->text[p->len] = L'\0';
	p->cursor = p->len;
	app->dirty = 1;
}

void
app_prompt_set_text(struct app *app, const char *text)
{
	struct prompt *p = &app->pr;
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbsrtowcs(p->text, &text, (size_t)PROMPT_MAX, &st);
	p->len = n == (size_t)-1 ? 0 : (int)n;
	p->text[p->len] = L'\0';
	p->cursor = p->len;
}

static void
prompt_accept(struct app *app)
{
	enum prompt_kind kind = app->pr.kind;
	char text[1024];

	prompt_text(&app->pr, text, sizeof text);
	app->pr.kind = PROMPT_NONE;
	if (kind == PROMPT_FILTER) {
		app_apply_filter(app, text);
		return;
	}
	article_pane_search(app, text);
	app->ap.match = -1;
	if (text[0])
		article_pane_ops.handle(app, ACT_SEARCH_NEXT);
}

static void
prompt_insert(struct prompt *p, wchar_t wc)
{
	if (p->len >= PROMPT_MAX)
		return;
	memmove(p->text + p->cursor + 1, p->text + p->cursor,
	    (size_t)(p->len - p->cursor) * sizeof *p->text);
	p->text[p->cursor++] = wc;
	p->text[++p->len] = L'\0';
}

static void
prompt_delete(struct prompt *p, int at)
{
	if (at < 0 || at >= p->len)
		return;
	memmove(p->text + at, p->text + at + 1,
	    (size_t)(p->len - at) * sizeof *p->text);
	p->len--;
	if (p->cursor > at)
		p->cursor--;
}

/* IS_KEY: CH is a curses key code, else a character. */
int
prompt_key(struct app *app, int is_key, int ch)
{
	struct prompt *p = &app->pr;

	app->dirty = 1;
	p->error[0] = '\0';
	if (!is_key && (ch == '\n' || ch == '\r'))
		prompt_accept(app);
	else if (is_key && ch == KEY_ENTER)
		prompt_accept(app);
	else if (!is_key && (ch == 27 || ch == 7))          /* Esc, C-g */
		p->kind = PROMPT_NONE;
	else if ((is_key && ch == KEY_BACKSPACE) || (!is_key && (ch == 127 || ch == 8)))
		prompt_delete(p, p->cursor - 1);
	else if ((is_key && ch == KEY_DC) || (!is_key && ch == 4))
		prompt_delete(p, p->cursor);
	else if ((is_key && ch == KEY_LEFT) || (!is_key && ch == 2))
		p->cursor -= p->cursor > 0;
	else if ((is_key && ch == KEY_RIGHT) || (!is_key && ch == 6))
		p->cursor += p->cursor < p->len;
	else if ((is_key && ch == KEY_HOME) || (!is_key && ch == 1))
		p->cursor = 0;
	else if ((is_key && ch == KEY_END) || (!is_key && ch == 5))
		p->cursor = p->len;
	else if (!is_key && ch == 21)                       /* C-u */
		p->len = p->cursor = 0, p->text[0] = L'\0';
	else if (!is_key && ch >= 32 && ch != 127 && iswprint((wint_t)ch))
		prompt_insert(p, (wchar_t)ch);
	return 1;
}

void
prompt_draw(struct app *app, int y, int width)
{
	const char *label = app->pr.kind == PROMPT_FILTER ? "Filter: " : "Search: ";
	int caret = app->pr.error[0] && y > 0;

	/* An error: the line moves up one, the caret and message go under. */
	if (caret) {
		int at = (int)strlen(label) + app->pr.error_column - 1;

		draw_fill(y, 0, width, color_attr(AREA_NORMAL));
		if (at >= width)
			at = width - 1;
		draw_str(y, at, width - at, "^", color_attr(AREA_ERROR));
		/* The message after the caret, or before it when there is no
		 * room after. */
		if (width - at - 2 >= 20)
			draw_str(y, at + 2, width - at - 2, app->pr.error,
			    color_attr(AREA_ERROR));
		else
			draw_str(y, 0, at - 1 > 0 ? at - 1 : 0, app->pr.error,
			    color_attr(AREA_ERROR));
		y--;
	}
	char text[1024];
	int col, i, before = 0, w;

	prompt_text(&app->pr, text, sizeof text);
	draw_fill(y, 0, width, color_attr(AREA_NORMAL));
	col = draw_str(y, 0, width, label, color_attr(AREA_PROMPT));
	for (i = 0; i < app->pr.cursor; i++) {
		w = wcwidth(app->pr.text[i]);
		before += w > 0 ? w : 0;
	}
	/* Long input scrolls so that the cursor stays in view. */
	if (col + before >= width) {
		size_t skip = draw_fit(text, strlen(text), col + before - width + 1, NULL);

		draw_str(y, col, width - col, text + skip, color_attr(AREA_NORMAL));
		before = width - col - 1;
	} else {
		draw_str(y, col, width - col, text, color_attr(AREA_NORMAL));
	}
	move(y, col + before < width ? col + before : width - 1);
}
