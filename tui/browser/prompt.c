/* SPDX-License-Identifier: ISC */
/* The prompt on the bottom line: the filter ('f') and the article search
 * ('/'). It edits wide characters in place; Enter applies, Esc cancels. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "browser/app.h"
#include "browser/color.h"
#include "browser/curses.h"
#include "browser/draw.h"
#include "scotl/views.h"

#define PROMPT_DELAY_MS 120     /* typing pause before the filter runs */

struct prompt {
	enum prompt_kind kind;
	wchar_t text[256];
	int len, cursor;
	char error[1100];       /* the last filter's error, shown under it */
	int error_column;       /* 1-based column of the text it names */
	char before[256];       /* the filter when the line opened */
	long long event_id;     /* the event tags or a note are for */
	int pending;            /* the text changed: run it at deadline */
	long long deadline;     /* milliseconds, app_now_ms() */
	char **hist;            /* the filter history, oldest first */
	int nhist, hist_at;     /* hist_at == nhist: the line being typed */
	wchar_t draft[256];     /* that line, while Up shows older ones */
};

#define PROMPT_MAX (int)(sizeof ((struct prompt *)0)->text / sizeof(wchar_t) - 1)

static struct prompt *
prompt_state(const struct app *app)
{
	return app->layer[LAYER_PROMPT].data;
}

static void *
prompt_init(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct prompt));
}

static void
prompt_free(void *data)
{
	struct prompt *p = data;

	views_history_free(p->hist, p->nhist);
	free(p);
}

static int
prompt_is_open(struct app *app)
{
	return prompt_state(app)->kind != PROMPT_NONE;
}

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

static const char *
prompt_label(enum prompt_kind kind)
{
	switch (kind) {
	case PROMPT_FILTER: return "Filter: ";
	case PROMPT_SEARCH: return "Search: ";
	case PROMPT_FIND: return "Search all articles: ";
	case PROMPT_COMMAND: return ":";
	case PROMPT_TAGS: return "Tags: ";
	case PROMPT_NOTE: return "Note: ";
	default: return "";
	}
}

static void
prompt_history_load(struct app *app)
{
	struct prompt *p = prompt_state(app);
	struct err e;

	if (views_history(app->db, &p->hist, &p->nhist, &e) != 0) {
		p->hist = NULL;
		p->nhist = 0;
	}
	p->hist_at = p->nhist;
}

void
prompt_close(struct app *app)
{
	struct prompt *p = prompt_state(app);

	views_history_free(p->hist, p->nhist);
	p->hist = NULL;
	p->nhist = 0;
	p->kind = PROMPT_NONE;
	p->pending = 0;
	app->dirty = 1;
}

void
prompt_open(struct app *app, enum prompt_kind kind)
{
	struct prompt *p = prompt_state(app);
	const char *init = kind == PROMPT_FILTER ? app->view.filter_text :
	    kind == PROMPT_SEARCH ? article_pane_search_text(app) :
	    kind == PROMPT_FIND ? find_text() : "";

	prompt_close(app);
	memset(p, 0, sizeof *p);
	p->kind = kind;
	if (prompt_set_text(app, init) != 0)
		snprintf(p->error, sizeof p->error, "the text before cannot be shown "
		    "here whole (try LANG=C.UTF-8); Esc keeps it");
	if (kind == PROMPT_FILTER) {
		snprintf(p->before, sizeof p->before, "%s", app->view.filter_text);
		prompt_history_load(app);
	}
	app->dirty = 1;
}

void
prompt_open_event(struct app *app, enum prompt_kind kind, long long event_id)
{
	prompt_open(app, kind);
	prompt_state(app)->event_id = event_id;
}

void
prompt_filter_error(struct app *app, const char *text, const char *error,
    int column)
{
	struct prompt *p = prompt_state(app);

	prompt_open(app, PROMPT_FILTER);
	prompt_set_text(app, text);
	snprintf(p->error, sizeof p->error, "%s", error);
	p->error_column = column;
}

int
prompt_set_text(struct app *app, const char *text)
{
	struct prompt *p = prompt_state(app);
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbsrtowcs(p->text, &text, (size_t)PROMPT_MAX, &st);
	p->len = n == (size_t)-1 ? 0 : (int)n;
	p->text[p->len] = L'\0';
	p->cursor = p->len;
	if (n == (size_t)-1)
		return -1;
	return text == NULL ? 0 : -2;
}

/* Runs the filter being typed: its error goes under the line. */
static int
prompt_filter_live(struct app *app, struct prompt *p, const char *text)
{
	if (app_filter_live(app, text, p->error, sizeof p->error,
	    &p->error_column) != 0)
		return -1;
	p->error[0] = '\0';
	return 0;
}

/* Enter on the filter line: the filter runs now (no pause), goes into the
 * history, and the line closes; a mistake keeps it open. */
static int
prompt_accept_filter(struct app *app, const char *text)
{
	struct prompt *p = prompt_state(app);
	struct err e;

	if (prompt_filter_live(app, p, text) != 0)
		return -1;
	if (!db_readonly(app->db))
		views_history_add(app->db, text, &e);
	app_count_message(app);
	return 0;
}

static void
prompt_accept(struct app *app)
{
	struct prompt *p = prompt_state(app);
	char text[1024];
	int rc = 0;

	prompt_text(p, text, sizeof text);
	p->error[0] = '\0';
	p->error_column = 0;
	p->pending = 0;
	switch (p->kind) {
	case PROMPT_FILTER:
		rc = prompt_accept_filter(app, text);
		break;
	case PROMPT_SEARCH:
		prompt_close(app);
		article_pane_search(app, text);
		return;
	case PROMPT_FIND:
		rc = find_accept(app, text, p->error, sizeof p->error,
		    &p->error_column);
		break;
	case PROMPT_COMMAND:
		prompt_close(app);
		command_run(app, text);
		return;
	case PROMPT_TAGS:
		rc = annotate_tags_accept(app, p->event_id, text, p->error,
		    sizeof p->error);
		break;
	case PROMPT_NOTE:
		rc = annotate_note_accept(app, p->event_id, text, p->error,
		    sizeof p->error);
		break;
	default:
		break;
	}
	if (rc == 0)
		prompt_close(app);
}

/* Esc: the filter line puts back the filter it opened with. */
static void
prompt_cancel(struct app *app)
{
	struct prompt *p = prompt_state(app);
	char before[256];

	snprintf(before, sizeof before, "%s", p->before);
	if (p->kind == PROMPT_FILTER &&
	    strcmp(before, app->view.filter_text) != 0) {
		prompt_close(app);
		app_apply_filter(app, before);
		return;
	}
	prompt_close(app);
}

/* Up and Down through the history; the line being typed is kept. */
static void
prompt_history_step(struct app *app, int dir)
{
	struct prompt *p = prompt_state(app);
	int to = p->hist_at + dir;

	if (p->kind != PROMPT_FILTER || to < 0 || to > p->nhist)
		return;
	if (p->hist_at == p->nhist) {
		memcpy(p->draft, p->text, sizeof p->draft);
	}
	p->hist_at = to;
	if (to == p->nhist) {
		memcpy(p->text, p->draft, sizeof p->text);
		p->len = (int)wcslen(p->text);
		p->cursor = p->len;
	} else {
		prompt_set_text(app, p->hist[to]);
	}
}

int
prompt_tick(struct app *app)
{
	struct prompt *p = prompt_state(app);
	long long left;
	char text[1024];

	if (!p->pending || p->kind != PROMPT_FILTER)
		return -1;
	left = p->deadline - app_now_ms();
	if (left > 0)
		return (int)left;
	p->pending = 0;
	prompt_text(p, text, sizeof text);
	prompt_filter_live(app, p, text);
	return -1;
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

static void
prompt_handle(struct app *app, const struct key *k)
{
	struct prompt *p = prompt_state(app);
	int is_key = k->is_key, ch = k->code;
	wchar_t was[sizeof p->text / sizeof *p->text];

	memcpy(was, p->text, sizeof was);

	app->dirty = 1;
	if (p->kind != PROMPT_FILTER)
		p->error[0] = '\0';
	if (!is_key && (ch == '\n' || ch == '\r'))
		prompt_accept(app);
	else if (is_key && ch == KEY_ENTER)
		prompt_accept(app);
	else if (!is_key && (ch == 27 || ch == 7))          /* Esc, C-g */
		prompt_cancel(app);
	else if ((is_key && ch == KEY_UP) || (!is_key && ch == 16))
		prompt_history_step(app, -1);
	else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 14))
		prompt_history_step(app, 1);
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
	/* The filter runs when typing pauses. */
	if (p->kind == PROMPT_FILTER && wcscmp(was, p->text) != 0) {
		p->pending = 1;
		p->deadline = app_now_ms() + PROMPT_DELAY_MS;
	}
}

/* On the bottom line, over the status line; an error moves it up. */
static void
prompt_draw(struct app *app)
{
	struct prompt *p = prompt_state(app);
	const char *label = prompt_label(p->kind);
	int y = app->rows - 1, width = app->cols;
	int caret = p->error[0] && y > 0;

	if (caret && p->error_column <= 0) {
		/* A message with no column to point at. */
		draw_fill(y, 0, width, color_attr(AREA_NORMAL));
		draw_str(y, 0, width, p->error, color_attr(AREA_ERROR));
		y--;
		caret = 0;
	}

	/* An error: the line moves up one, the caret and message go under. */
	if (caret) {
		int at = (int)strlen(label) + p->error_column - 1;

		draw_fill(y, 0, width, color_attr(AREA_NORMAL));
		if (at >= width)
			at = width - 1;
		draw_str(y, at, width - at, "^", color_attr(AREA_ERROR));
		/* The message after the caret, or before it when there is no
		 * room after. */
		if (width - at - 2 >= 20)
			draw_str(y, at + 2, width - at - 2, p->error,
			    color_attr(AREA_ERROR));
		else
			draw_str(y, 0, at - 1 > 0 ? at - 1 : 0, p->error,
			    color_attr(AREA_ERROR));
		y--;
	}
	char text[1024];
	int col, i, before = 0, w;

	prompt_text(p, text, sizeof text);
	draw_fill(y, 0, width, color_attr(AREA_NORMAL));
	col = draw_str(y, 0, width, label, color_attr(AREA_PROMPT));
	for (i = 0; i < p->cursor; i++) {
		w = wcwidth(p->text[i]);
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

const struct layer_ops prompt_layer_ops = {
	.name = "prompt",
	.init = prompt_init,
	.free = prompt_free,
	.is_open = prompt_is_open,
	.draw = prompt_draw,
	.handle = prompt_handle,
	.cursor = 1,
};
