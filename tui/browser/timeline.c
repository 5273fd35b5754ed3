/* SPDX-License-Identifier: ISC */
/* The timeline pane: events in date order under year and month headers,
 * with a strip of events per month above. It holds a window of the
 * filter's events around the selection and reads more by keyset as the
 * selection nears an edge, so memory does not grow with the timeline. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/color.h"
#include "browser/curses.h"
#include "browser/draw.h"

#define TIMELINE_WINDOW 128     /* events read at a time */
#define TIMELINE_MARGIN 64      /* read more when this close to an edge */
#define TIMELINE_MAX 512        /* events kept */

/* Display lines of the timeline: year and month headers and events. */
struct timeline_line {
	int kind;               /* 0 event, 1 year, 2 month */
	int index;              /* the event in buf, or the header's event */
};

enum {
	TIMELINE_TOTAL = 1,
	TIMELINE_RANK = 2,
	TIMELINE_MONTHS = 4,
};

struct timeline {
	struct event_list buf;  /* a window of the filter, oldest first */
	int sel;                /* selected event in buf, -1 when none */
	int top;                /* first display line shown */
	int at_start, at_end;   /* buf reaches the filter's first/last event */
	struct timeline_line *lines;
	int nlines, linecap;
	long long total, rank;  /* count of the filter, position of sel */
	int pending;            /* TIMELINE_TOTAL ... not counted yet */
	struct month_count *months;
	int nmonths;
	int reversed;           /* newest first */
	int height;             /* rows of events at the last draw */
};

static const char *const timeline_month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static struct timeline *
timeline_state(const struct app *app)
{
	return app->pane[PANE_TIMELINE].data;
}

static void *
timeline_init(struct app *app)
{
	struct timeline *tl = xcalloc(1, sizeof *tl);

	(void)app;
	tl->sel = -1;
	return tl;
}

static void
timeline_free(void *data)
{
	struct timeline *tl = data;

	event_list_free(&tl->buf);
	free(tl->lines);
	free(tl->months);
	free(tl);
}

const struct event_row *
timeline_selected(const struct app *app)
{
	const struct timeline *tl = timeline_state(app);

	return tl->sel >= 0 && tl->sel < tl->buf.n ? &tl->buf.rows[tl->sel] : NULL;
}

int
timeline_reversed(const struct app *app)
{
	return timeline_state(app)->reversed;
}

void
timeline_set_reversed(struct app *app, int reversed)
{
	timeline_state(app)->reversed = reversed;
}

int
timeline_pending(const struct app *app)
{
	return timeline_state(app)->pending != 0;
}

int
timeline_total(const struct app *app, long long *total)
{
	const struct timeline *tl = timeline_state(app);

	if (tl->pending & TIMELINE_TOTAL)
		return -1;
	*total = tl->total;
	return 0;
}

/* Year and month precision events sit under their year only: a month
 * header would claim a month they may not be in. */
static int
timeline_has_month(const struct event_row *r)
{
	return r->date.precision == DATE_DAY || r->date.precision == DATE_MONTH;
}

static void
timeline_add_line(struct timeline *tl, int kind, int index)
{
	tl->lines = xgrow(tl->lines, tl->nlines, &tl->linecap, sizeof *tl->lines);
	tl->lines[tl->nlines].kind = kind;
	tl->lines[tl->nlines++].index = index;
}

static void
timeline_build_lines(struct timeline *tl)
{
	char year[5] = "", month[8] = "";
	int k, i;

	tl->nlines = 0;
	for (k = 0; k < tl->buf.n; k++) {
		const struct event_row *r;

		i = tl->reversed ? tl->buf.n - 1 - k : k;
		r = &tl->buf.rows[i];
		if (strncmp(r->date.first, year, 4) != 0) {
			memcpy(year, r->date.first, 4);
			month[0] = '\0';
			timeline_add_line(tl, 1, i);
		}
		if (!timeline_has_month(r)) {
			month[0] = '\0';
		} else if (strncmp(r->date.first, month, 7) != 0) {
			memcpy(month, r->date.first, 7);
			month[7] = '\0';
			timeline_add_line(tl, 2, i);
		}
		timeline_add_line(tl, 0, i);
	}
}

static int
timeline_line_of(const struct timeline *tl, int index)
{
	int i;

	for (i = 0; i < tl->nlines; i++)
		if (tl->lines[i].kind == 0 && tl->lines[i].index == index)
			return i;
	return 0;
}

/* After the buffer changed under it, the selection keeps its row. */
static void
timeline_relayout(struct timeline *tl, int sel_row)
{
	timeline_build_lines(tl);
	tl->top = timeline_line_of(tl, tl->sel) - sel_row;
	if (tl->top < 0)
		tl->top = 0;
}

/* --- counts ------------------------------------------------------------
 *
 * How many events the filter keeps, where the selection is among them and
 * how they fall per month are counts over the whole filter: on a large
 * corpus they take longer than a key may. They are tried within a small
 * budget when the timeline is read, and otherwise finished while the user
 * is idle, a key stopping them (the title shows ... meanwhile). */

#define TIMELINE_BUDGET_MS 8

/* One count, stopped by STOP: 0 done, 1 stopped, -1 failed. */
static int
timeline_count_one(struct app *app, int which, struct app_stop *stop)
{
	struct timeline *tl = timeline_state(app);
	const struct event_row *r = timeline_selected(app);
	struct event_pos pos;
	struct err e;
	int rc = 0;

	db_set_stop(app->db, app_should_stop, stop);
	if (which == TIMELINE_TOTAL) {
		rc = events_count(app->db, &app->view.filter, NULL, &tl->total, &e);
	} else if (which == TIMELINE_RANK && r != NULL) {
		event_row_pos(r, &pos);
		rc = events_count(app->db, &app->view.filter, &pos, &tl->rank, &e);
	} else if (which == TIMELINE_MONTHS) {
		free(tl->months);
		tl->months = NULL;
		tl->nmonths = 0;
		rc = events_per_month(app->db, &app->view.filter, &tl->months,
		    &tl->nmonths, &e);
	}
	if (rc != 0 && db_interrupted(app->db)) {
		db_set_stop(app->db, NULL, NULL);
		return 1;
	}
	db_set_stop(app->db, NULL, NULL);
	tl->pending &= ~which;
	if (rc != 0)
		app_message(app, 1, "%s", e.msg);
	return rc;
}

/* Does the pending counts, in order, until STOP says to stop: 1 when all
 * are done. */
static int
timeline_count(struct app *app, struct app_stop *stop)
{
	static const int order[] = { TIMELINE_TOTAL, TIMELINE_RANK, TIMELINE_MONTHS };
	size_t i;

	for (i = 0; i < sizeof order / sizeof *order; i++)
		if ((timeline_state(app)->pending & order[i]) &&
		    timeline_count_one(app, order[i], stop) == 1)
			return 0;
	return 1;
}

void
timeline_position(const struct app *app, char *out, size_t size)
{
	const struct timeline *tl = timeline_state(app);
	const char *unknown = draw_utf8() ? "\xe2\x80\xa6" : "...";
	char rank[24], total[24];

	if (tl->sel < 0)
		snprintf(rank, sizeof rank, "0");
	else if (tl->pending & TIMELINE_RANK)
		snprintf(rank, sizeof rank, "%s", unknown);
	else
		snprintf(rank, sizeof rank, "%lld", tl->rank + 1);
	if (tl->pending & TIMELINE_TOTAL)
		snprintf(total, sizeof total, "%s", unknown);
	else
		snprintf(total, sizeof total, "%lld", tl->total);
	snprintf(out, size, "%s/%s", rank, total);
}

int
timeline_settle(struct app *app)
{
	struct app_stop stop = { .deadline = 0, .on_input = 1,
		.rows = app->rows, .cols = app->cols };

	if (!timeline_pending(app))
		return 0;
	timeline_count(app, &stop);
	app->dirty = 1;
	return 1;
}

static void
timeline_count_now(struct app *app)
{
	struct app_stop stop = {
		.deadline = app_now_ms() + TIMELINE_BUDGET_MS, .on_input = 0,
	};

	timeline_count(app, &stop);
}

/* The selection moved by DELTA events within the buffer: its rank moves
 * with it when it was known. */
static void
timeline_update_rank(struct app *app, int delta)
{
	struct timeline *tl = timeline_state(app);

	if (!(tl->pending & TIMELINE_RANK) && delta != 0) {
		tl->rank += delta;
		return;
	}
	tl->pending |= TIMELINE_RANK;
	timeline_count_now(app);
}

/* Reads more events before the first or after the last one held; -1
 * when the database failed (the message is on the status line). */
static int
timeline_fetch(struct app *app, int after)
{
	struct timeline *tl = timeline_state(app);
	struct event_list more;
	struct event_pos pos;
	struct err e;
	int row = timeline_line_of(tl, tl->sel) - tl->top, drop;

	event_row_pos(&tl->buf.rows[after ? tl->buf.n - 1 : 0], &pos);
	if (events_window(app->db, &app->view.filter, &pos,
	    after ? EVENTS_AFTER : EVENTS_BEFORE, TIMELINE_WINDOW, &more, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
		return -1;
	}
	if (more.n < TIMELINE_WINDOW)
		*(after ? &tl->at_end : &tl->at_start) = 1;
	tl->buf.rows = xrealloc(tl->buf.rows,
	    (size_t)(tl->buf.n + more.n) * sizeof *tl->buf.rows);
	if (after) {
		memcpy(tl->buf.rows + tl->buf.n, more.rows,
		    (size_t)more.n * sizeof *more.rows);
	} else {
		memmove(tl->buf.rows + more.n, tl->buf.rows,
		    (size_t)tl->buf.n * sizeof *tl->buf.rows);
		memcpy(tl->buf.rows, more.rows, (size_t)more.n * sizeof *more.rows);
		tl->sel += more.n;
	}
	tl->buf.n += more.n;
	free(more.rows);
	/* Keep memory flat: forget the far side. */
	drop = tl->buf.n - TIMELINE_MAX;
	if (drop > 0) {
		struct event_list gone = { .n = drop };

		gone.rows = xmalloc((size_t)drop * sizeof *gone.rows);
		if (after) {
			memcpy(gone.rows, tl->buf.rows, (size_t)drop * sizeof *gone.rows);
			memmove(tl->buf.rows, tl->buf.rows + drop,
			    (size_t)(tl->buf.n - drop) * sizeof *tl->buf.rows);
			tl->sel -= drop;
			tl->at_start = 0;
		} else {
			memcpy(gone.rows, tl->buf.rows + tl->buf.n - drop,
			    (size_t)drop * sizeof *gone.rows);
			tl->at_end = 0;
		}
		tl->buf.n -= drop;
		event_list_free(&gone);
	}
	timeline_relayout(tl, row);
	return 0;
}

static void
timeline_extend(struct app *app)
{
	struct timeline *tl = timeline_state(app);

	if (tl->buf.n == 0)
		return;
	if (!tl->at_start && tl->sel < TIMELINE_MARGIN)
		timeline_fetch(app, 0);
	if (!tl->at_end && tl->sel >= tl->buf.n - TIMELINE_MARGIN)
		timeline_fetch(app, 1);
}

void
timeline_reload(struct app *app, const struct event_pos *near)
{
	struct timeline *tl = timeline_state(app);
	struct event_pos from;
	struct err e;
	int i;

	event_list_free(&tl->buf);
	tl->sel = -1;
	tl->top = 0;
	tl->nlines = 0;         /* the lines pointed into the old buffer */
	tl->at_start = tl->at_end = 0;
	if (near != NULL) {
		/* Start just before NEAR so that it is the first event read. */
		from = *near;
		from.id--;
	}
	if (events_window(app->db, &app->view.filter, near ? &from : NULL,
	    near || !tl->reversed ? EVENTS_AFTER : EVENTS_BEFORE, TIMELINE_WINDOW,
	    &tl->buf, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
		return;
	}
	if (tl->buf.n < TIMELINE_WINDOW)
		*(near || !tl->reversed ? &tl->at_end : &tl->at_start) = 1;
	if (near == NULL && !tl->reversed)
		tl->at_start = 1;
	if (near == NULL && tl->reversed)
		tl->at_end = 1;
	tl->sel = tl->buf.n == 0 ? -1 : near || !tl->reversed ? 0 : tl->buf.n - 1;
	if (near != NULL && tl->buf.n > 0 && !tl->at_start)
		timeline_fetch(app, 0);
	if (near != NULL && tl->buf.n == 0) {
		/* Nothing from NEAR on: show the end of the filter. */
		tl->at_end = 1;
		event_list_free(&tl->buf);
		if (events_window(app->db, &app->view.filter, NULL, EVENTS_BEFORE,
		    TIMELINE_WINDOW, &tl->buf, &e) != 0)
			app_message(app, 1, "%s", e.msg);
		tl->at_start = tl->buf.n < TIMELINE_WINDOW;
		tl->sel = tl->buf.n - 1;
	}
	timeline_build_lines(tl);
	i = timeline_line_of(tl, tl->sel);
	tl->top = i > 2 ? i - 2 : 0;
	/* The last filter's months would mislead until these are counted. */
	free(tl->months);
	tl->months = NULL;
	tl->nmonths = 0;
	tl->pending = TIMELINE_TOTAL | TIMELINE_RANK | TIMELINE_MONTHS;
	timeline_count_now(app);
	app_event_selected(app);
}

/* Reads the timeline again where it is, the selection on its row: after
 * a bookmark, tags or a note changed what its lines show. */
void
timeline_refresh(struct app *app)
{
	struct timeline *tl = timeline_state(app);
	const struct event_row *r = timeline_selected(app);
	struct event_pos pos;
	int row;

	if (r == NULL)
		return;
	row = timeline_line_of(tl, tl->sel) - tl->top;
	event_row_pos(r, &pos);
	timeline_reload(app, &pos);
	timeline_relayout(tl, row > 0 ? row : 0);
}

/* Moves the selection DELTA events down the screen (up when negative). */
static void
timeline_move(struct app *app, int delta)
{
	struct timeline *tl = timeline_state(app);
	int step = tl->reversed ? -delta : delta, moved = 0, room, k;

	if (tl->sel < 0 || tl->buf.n == 0)
		return;
	while (step != 0) {
		room = step > 0 ? tl->buf.n - 1 - tl->sel : tl->sel;
		k = abs(step) < room ? abs(step) : room;
		if (k == 0 && ((step > 0 && tl->at_end) || (step < 0 && tl->at_start)))
			break;
		tl->sel += step > 0 ? k : -k;
		moved += step > 0 ? k : -k;
		step -= step > 0 ? k : -k;
		if (step != 0 && timeline_fetch(app, step > 0) != 0)
			break;
	}
	timeline_extend(app);
	if (moved != 0) {
		timeline_update_rank(app, moved);
		app_event_selected(app);
	}
}

static void
timeline_jump(struct app *app, int to_end)
{
	struct timeline *tl = timeline_state(app);
	int end_of_buffer = to_end != tl->reversed, saved = tl->reversed;
	long long before = timeline_selected(app) ? timeline_selected(app)->id : 0;

	if (tl->buf.n == 0)
		return;
	/* The whole filter may already be here. */
	if ((end_of_buffer && tl->at_end) || (!end_of_buffer && tl->at_start)) {
		int was = tl->sel;

		tl->sel = end_of_buffer ? tl->buf.n - 1 : 0;
		if (timeline_selected(app)->id != before) {
			timeline_update_rank(app, tl->sel - was);
			app_event_selected(app);
		}
		return;
	}
	/* Read from that end; reload selects the event and its panes. */
	tl->reversed = end_of_buffer;
	timeline_reload(app, NULL);
	tl->reversed = saved;
	timeline_build_lines(tl);
}

static int
timeline_handle(struct app *app, enum action a)
{
	struct timeline *tl = timeline_state(app);
	int page = tl->height > 2 ? tl->height - 1 : 1;

	switch (a) {
	case ACT_DOWN: timeline_move(app, 1); break;
	case ACT_UP: timeline_move(app, -1); break;
	case ACT_PAGE_DOWN: timeline_move(app, page); break;
	case ACT_PAGE_UP: timeline_move(app, -page); break;
	case ACT_HALF_DOWN: timeline_move(app, page / 2 ? page / 2 : 1); break;
	case ACT_HALF_UP: timeline_move(app, -(page / 2 ? page / 2 : 1)); break;
	case ACT_FIRST: timeline_jump(app, 0); break;
	case ACT_LAST: timeline_jump(app, 1); break;
	case ACT_REVERSE:
		tl->reversed = !tl->reversed;
		timeline_relayout(tl, 2);
		app_message(app, 0, "%s first", tl->reversed ? "newest" : "oldest");
		break;
	default:
		return 0;
	}
	app->dirty = 1;
	return 1;
}

/* --- drawing ---------------------------------------------------------- */

/* Eight heights of bar, or their ASCII stand-ins. */
static const char *const timeline_bars[] = {
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
};
static const char timeline_bars_ascii[] = ".:-=+*#@";

/* One column per month, or per group of months when they do not fit;
 * empty months show as a dot, the selected month reversed. */
static void
timeline_draw_strip(struct app *app, int y, int x, int w)
{
	const struct event_row *sel = timeline_selected(app);
	struct timeline *tl = timeline_state(app);
	int per, cols, c, i, top = 1, n;

	draw_fill(y, x, w, color_attr(AREA_NORMAL));
	if (tl->nmonths == 0 || w < 4)
		return;
	per = (tl->nmonths + w - 1) / w;
	cols = (tl->nmonths + per - 1) / per;
	for (c = 0; c < cols; c++) {
		for (n = 0, i = c * per; i < (c + 1) * per && i < tl->nmonths; i++)
			n += tl->months[i].n;
		if (n > top)
			top = n;
	}
	for (c = 0; c < cols; c++) {
		int mark = 0, level;
		unsigned long attr;
		char glyph[8];

		for (n = 0, i = c * per; i < (c + 1) * per && i < tl->nmonths; i++) {
			n += tl->months[i].n;
			if (sel && strncmp(tl->months[i].month, sel->date.first, 7) == 0)
				mark = 1;
		}
		attr = color_attr(mark ? AREA_HISTOGRAM_MARK : AREA_HISTOGRAM);
		level = n == 0 ? -1 : (n * 8 + top - 1) / top - 1;
		if (level < 0)
			snprintf(glyph, sizeof glyph, "%s", draw_utf8() ? "\xc2\xb7" : " ");
		else if (draw_utf8())
			snprintf(glyph, sizeof glyph, "%s", timeline_bars[level]);
		else
			snprintf(glyph, sizeof glyph, "%c", timeline_bars_ascii[level]);
		draw_str(y, x + c, 1, glyph, attr);
	}
}

static void
timeline_draw_header(const struct timeline *tl, const struct timeline_line *l,
    int y, int x, int w)
{
	const struct event_row *r = &tl->buf.rows[l->index];
	char text[64];
	int month;

	draw_fill(y, x, w, color_attr(AREA_NORMAL));
	if (l->kind == 1) {
		snprintf(text, sizeof text, "%.4s", r->date.first);
		draw_hline(y, x, w, "\xe2\x94\x80", '-', color_attr(AREA_BORDER));
		draw_str(y, x + 1, w - 1, text, color_attr(AREA_HEADER));
		return;
	}
	month = atoi(r->date.first + 5);
	snprintf(text, sizeof text, "%s", month >= 1 && month <= 12 ?
	    timeline_month_names[month - 1] : "?");
	draw_str(y, x + 1, w - 1, text, color_attr(AREA_HEADER));
}

void
timeline_tags_text(const char *tags, struct buf *out)
{
	const char *t;

	for (t = tags; *t; t++) {
		if (t == tags || t[-1] == ' ')
			buf_adds(out, t == tags ? "#" : " #");
		if (*t != ' ')
			buf_addc(out, *t);
	}
}

/* " #watch #india" after the title. */
static int
timeline_draw_tags(const char *tags, int y, int x, int w, unsigned long attr)
{
	struct buf b;
	int n;

	buf_init(&b);
	buf_adds(&b, " ");
	timeline_tags_text(tags, &b);
	n = draw_str(y, x, w, b.data, attr);
	buf_free(&b);
	return n;
}

static void
timeline_draw_event(const struct event_row *r, int y, int x, int w,
    int selected, int focused)
{
	unsigned long base = selected ? color_attr(focused ? AREA_CURSOR :
	    AREA_CURSOR_BLUR) : color_attr(AREA_NORMAL);
	int curated = strcmp(r->origin, "curated") == 0, col = 2, n;
	char date[48];

	draw_fill(y, x, w, base);
	/* The user's marks in the margin: ! bookmarked (as in mutt), n a
	 * note. */
	if (r->bookmarked)
		draw_str(y, x, w, "!", selected ? base : color_attr(AREA_MARK));
	if (r->noted && w > 1)
		draw_str(y, x + 1, w - 1, "n", selected ? base : color_attr(AREA_MARK));
	date_format(&r->date, date, sizeof date);
	/* Selected rows keep one colour so that the cursor reads as a bar. */
	col += draw_str(y, x + col, w - col, date,
	    selected ? base : color_attr(AREA_DATE));
	if (r->disputed)
		col += draw_str(y, x + col, w - col, "?",
		    selected ? base : color_attr(AREA_DISPUTED));
	/* Dates line up in a column where there is room for one. */
	col = w >= 60 && col < 17 ? 17 : col + 1;
	if (col < w)
		draw_str(y, x + col, w - col, curated ?
		    (draw_utf8() ? "\xe2\x80\xa2" : "*") :
		    (draw_utf8() ? "\xe2\x97\xa6" : "+"),
		    selected ? base : color_attr(curated ? AREA_CURATED :
		    AREA_EXTRACTED));
	col += 2;
	if (w >= 70 && col < w) {
		draw_str(y, x + col, w - col > 17 ? 17 : w - col, r->kind,
		    selected ? base : color_attr(AREA_KIND));
		col += 18;
	}
	if (col >= w)
		return;
	n = draw_str(y, x + col, w - col, r->title, base);
	col += n;
	if (r->tags && r->tags[0] && col + 3 < w)
		col += timeline_draw_tags(r->tags, y, x + col, w - col,
		    selected ? base : color_attr(AREA_MARK));
	if (r->place[0] && col + 4 < w) {
		col += draw_str(y, x + col, w - col, " \xc2\xb7 ", base) ;
		draw_str(y, x + col, w - col, r->place,
		    selected ? base : color_attr(AREA_PLACE));
	}
}

static void
timeline_draw(struct app *app, const struct rect *r, int focused)
{
	struct timeline *tl = timeline_state(app);
	int y = r->y + 1, h = r->h - 1, i, sel_line;
	char title[160], where[64];

	draw_fill(r->y, r->x, r->w, color_attr(focused ? AREA_TITLE_FOCUS : AREA_TITLE));
	timeline_position(app, where, sizeof where);
	snprintf(title, sizeof title, " Timeline %s%s", where,
	    tl->reversed ? " newest first" : "");
	draw_str(r->y, r->x, r->w, title,
	    color_attr(focused ? AREA_TITLE_FOCUS : AREA_TITLE));
	if (app->histogram && h >= 8) {
		draw_fill(y, r->x, r->w, color_attr(AREA_NORMAL));
		timeline_draw_strip(app, y, r->x + 1, r->w - 2);
		y++;
		h--;
	}
	tl->height = h;
	sel_line = timeline_line_of(tl, tl->sel);
	/* Past an edge, the view jumps half a page rather than a line: over
	 * a slow link one repaint every h/2 keys costs far less than one a
	 * key (the panes are not full width, so the terminal cannot scroll
	 * them itself). */
	if (sel_line < tl->top)
		tl->top = sel_line - h / 2 > 0 ? sel_line - h / 2 : 0;
	if (sel_line >= tl->top + h)
		tl->top = sel_line - h / 2;
	if (tl->top > tl->nlines - h)
		tl->top = tl->nlines - h > 0 ? tl->nlines - h : 0;
	if (sel_line < tl->top || sel_line >= tl->top + h)
		tl->top = sel_line;
	for (i = 0; i < h; i++) {
		int line = tl->top + i;

		if (line >= tl->nlines) {
			draw_fill(y + i, r->x, r->w, color_attr(AREA_NORMAL));
			if (tl->buf.n == 0 && i == 0)
				draw_str(y, r->x + 2, r->w - 2, "No events match the filter.",
				    color_attr(AREA_KIND));
			continue;
		}
		if (tl->lines[line].kind != 0)
			timeline_draw_header(tl, &tl->lines[line], y + i, r->x, r->w);
		else
			timeline_draw_event(&tl->buf.rows[tl->lines[line].index],
			    y + i, r->x, r->w, tl->lines[line].index == tl->sel, focused);
	}
}

const struct pane_ops timeline_ops = {
	.name = "timeline",
	.init = timeline_init,
	.free = timeline_free,
	.draw = timeline_draw,
	.handle = timeline_handle,
};
