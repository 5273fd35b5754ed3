/* SPDX-License-Identifier: ISC */
/* The article pane: the article that supports the selected event, wrapped
 * at word boundaries to the pane, with the people, states and
 * organisations it names highlighted by kind and the supporting sentence
 * marked. '[' and ']' go through the event's articles; '/' searches. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "scotl/article.h"
#include "browser/color.h"
#include "browser/curses.h"
#include "browser/draw.h"
#include "scotl/mention.h"
#include "scotl/script.h"

struct article_line {
	size_t start, end;      /* bytes of the body */
};

struct article_pane {
	long long article_id;   /* 0: the event has no article */
	int evidence;           /* which of the event's articles */
	char *title, *meta, *body;
	size_t body_len;
	struct mention_row *mentions;
	int nmentions;
	/* Lines are wrapped only as far as they are shown or looked for:
	 * lines[0..nlines) are made, the rest starts at wrap_pos. */
	struct article_line *lines;
	int nlines, linecap, wrap_width;
	size_t wrap_pos, wrap_para_end; /* the next line; its paragraph's end */
	int wrap_done;
	int top;
	int height;             /* lines of text shown at the last draw */
	char search[256];
	int search_words;       /* search holds words to mark, not a phrase */
	int to_match;           /* show the first match at the next draw */
	struct article_line *matches;   /* bytes of each match */
	int nmatches, match;
};

static struct article_pane *
article_pane_state(const struct app *app)
{
	return app->pane[PANE_ARTICLE].data;
}

static void *
article_pane_init(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct article_pane));
}

static void article_pane_match(struct app *app, const char *text);

/* The distinct articles among the event's evidence, in order. */
static int
article_pane_articles(const struct app *app, long long *ids, int max)
{
	int i, j, n = 0;

	for (i = 0; i < app->detail.nevidence && n < max; i++) {
		for (j = 0; j < n; j++)
			if (ids[j] == app->detail.evidence[i].article_id)
				break;
		if (j == n)
			ids[n++] = app->detail.evidence[i].article_id;
	}
	return n;
}

static void
article_pane_clear(struct article_pane *ap)
{
	free(ap->title);
	free(ap->meta);
	free(ap->body);
	free(ap->mentions);
	free(ap->lines);
	free(ap->matches);
	ap->title = ap->meta = ap->body = NULL;
	ap->mentions = NULL;
	ap->lines = NULL;
	ap->matches = NULL;
	ap->nmentions = ap->nlines = ap->linecap = ap->nmatches = 0;
	ap->body_len = 0;
	ap->wrap_width = 0;
}

static void
article_pane_free(void *data)
{
	article_pane_clear(data);
	free(data);
}

static void
article_pane_set_empty(struct app *app)
{
	struct article_pane *ap = article_pane_state(app);
	const char *summary = app->have_detail ? app->detail.summary : "";

	ap->article_id = 0;
	ap->title = xstrdup(app->have_detail ? app->detail.ev.title : "");
	ap->meta = xstrdup(app->have_detail ?
	    "No article of the corpus reports this event. Summary:" :
	    "No event is selected.");
	ap->body = xstrdup(summary ? summary : "");
	ap->body_len = strlen(ap->body);
}

static void
article_pane_load(struct app *app)
{
	struct article_pane *ap = article_pane_state(app);
	long long ids[64];
	struct article a;
	struct buf meta;
	struct err e;
	int n;

	article_pane_clear(ap);
	ap->top = 0;
	ap->match = -1;
	n = app->have_detail ? article_pane_articles(app, ids, 64) : 0;
	if (n == 0) {
		article_pane_set_empty(app);
		return;
	}
	if (ap->evidence >= n || ap->evidence < 0)
		ap->evidence = 0;
	ap->article_id = ids[ap->evidence];
	if (article_get(app->db, ap->article_id, &a, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
		article_pane_set_empty(app);
		return;
	}
	buf_init(&meta);
	buf_printf(&meta, "%s", a.published[0] ? a.published : "undated");
	if (a.source[0])
		buf_printf(&meta, " \xc2\xb7 %s", a.source);
	/* Which article of the event's this is comes before the author: a
	 * narrow pane cuts the line's end, and [ ] must stay in sight. */
	if (n > 1)
		buf_printf(&meta, " \xc2\xb7 article %d of %d ([ ])", ap->evidence + 1, n);
	if (a.author[0])
		buf_printf(&meta, " \xc2\xb7 %s", a.author);
	if (a.title_made)
		buf_printf(&meta, " \xc2\xb7 %s", "title made");
	ap->title = a.title;
	ap->body = a.body;
	ap->body_len = a.body_len;
	ap->meta = buf_steal(&meta);
	a.title = a.body = NULL;
	article_free(&a);
	if (mention_list(app->db, ap->article_id, &ap->mentions, &ap->nmentions,
	    &e) != 0)
		app_message(app, 1, "%s", e.msg);
	if (ap->search[0])
		article_pane_match(app, ap->search);
}

static void
article_pane_event_selected(struct app *app)
{
	article_pane_state(app)->evidence = 0;
	article_pane_load(app);
}

/* --- wrapping --------------------------------------------------------- */

static void
article_pane_add_line(struct article_line **lines, int *n, int *cap,
    size_t start, size_t end)
{
	*lines = xgrow(*lines, *n, cap, sizeof **lines);
	(*lines)[*n].start = start;
	(*lines)[(*n)++].end = end;
}

/* The line of WIDTH columns that starts at START in a paragraph of S
 * ending at END: where it ends, after the last space that fits or inside
 * a word longer than a line. *NEXT gets where the next line starts. */
static size_t
article_pane_line_end(const char *s, size_t start, size_t end, int width,
    size_t *next)
{
	struct draw_char c;
	size_t i = start, space = 0, cut;
	int cols = 0, w;

	while (i < end) {
		draw_next(s + i, end - i, &c);
		w = c.cls == DRAW_TAB ? 8 - cols % 8 : c.width;
		if (cols + w > width && i > start) {
			cut = space > start ? space : i;
			for (*next = cut; *next < end && s[*next] == ' '; (*next)++)
				;
			return cut;
		}
		if (s[i] == ' ')
			space = i;
		cols += w;
		i += c.len;
	}
	*next = end;
	return end;
}

/* Starts wrapping the body anew at WIDTH; no line is made yet. */
static void
article_pane_wrap(struct article_pane *ap, int width)
{
	ap->nlines = 0;
	ap->wrap_width = width;
	ap->wrap_pos = 0;
	ap->wrap_para_end = 0;
	ap->wrap_done = 0;
}

/* Makes the next line of the body: 0 when there is none (all are made,
 * or the pane has not been drawn yet and has no width). */
static int
article_pane_wrap_line(struct article_pane *ap)
{
	const char *nl;
	size_t cut, next;

	if (ap->wrap_done || ap->wrap_width <= 0 || ap->body == NULL)
		return 0;
	if (ap->wrap_pos >= ap->wrap_para_end) {
		nl = memchr(ap->body + ap->wrap_pos, '\n', ap->body_len - ap->wrap_pos);
		ap->wrap_para_end = nl ? (size_t)(nl - ap->body) : ap->body_len;
	}
	cut = article_pane_line_end(ap->body, ap->wrap_pos, ap->wrap_para_end,
	    ap->wrap_width, &next);
	article_pane_add_line(&ap->lines, &ap->nlines, &ap->linecap, ap->wrap_pos,
	    cut);
	if (next < ap->wrap_para_end)
		ap->wrap_pos = next;
	else if (ap->wrap_para_end == ap->body_len)
		ap->wrap_done = 1;
	else
		ap->wrap_pos = ap->wrap_para_end + 1;
	return 1;
}

/* Wraps until line WANT exists or the body ends. */
static void
article_pane_wrap_to(struct article_pane *ap, int want)
{
	while (ap->nlines <= want && article_pane_wrap_line(ap))
		;
}

/* --- search ----------------------------------------------------------- */

/* The line that holds OFFSET, wrapping as far as it. */
static int
article_pane_line_of(struct article_pane *ap, size_t offset)
{
	int lo = 0, hi, mid;

	while ((ap->nlines == 0 || ap->lines[ap->nlines - 1].start <= offset) &&
	    article_pane_wrap_line(ap))
		;
	hi = ap->nlines - 1;

	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (ap->lines[mid].start <= offset)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The needles of a search: the phrase, or each of its words. */
static int
article_pane_needles(const struct article_pane *ap, const char *needle[],
    size_t len[], int max)
{
	const char *s = ap->search;
	int n = 0;

	if (!ap->search_words) {
		needle[0] = s;
		len[0] = strlen(s);
		return len[0] > 0;
	}
	while (*s && n < max) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		needle[n] = s;
		while (*s && *s != ' ')
			s++;
		len[n] = (size_t)(s - needle[n]);
		n++;
	}
	return n;
}

/* Finds TEXT (the phrase, or its words) in the body. */
static void
article_pane_match(struct app *app, const char *text)
{
	struct article_pane *ap = article_pane_state(app);
	const char *needle[16];
	size_t len[16], i, m;
	int cap = 0, n, k;

	if (text != ap->search)
		snprintf(ap->search, sizeof ap->search, "%s", text);
	free(ap->matches);
	ap->matches = NULL;
	ap->nmatches = 0;
	ap->match = -1;
	n = article_pane_needles(ap, needle, len, 16);
	if (n == 0 || ap->body == NULL)
		return;
	/* Any case of Latin, Greek and Cyrillic; a word of Chinese inside
	 * Chinese text, as the filter finds it. */
	for (i = 0; i < ap->body_len; i++) {
		for (k = 0, m = 0; k < n && m == 0; k++)
			m = script_match_folded(ap->body + i, ap->body_len - i,
			    needle[k], len[k]);
		if (m == 0)
			continue;
		ap->matches = xgrow(ap->matches, ap->nmatches, &cap,
		    sizeof *ap->matches);
		ap->matches[ap->nmatches].start = i;
		ap->matches[ap->nmatches++].end = i + m;
		i += m - 1;
	}
}

static void
article_pane_show_match(struct app *app, int dir)
{
	struct article_pane *ap = article_pane_state(app);
	int line;

	if (ap->search[0] == '\0') {
		app_message(app, 0, "no search yet: / to search");
		return;
	}
	if (ap->nmatches == 0) {
		app_message(app, 1, "not found: %s", ap->search);
		return;
	}
	if (ap->match < 0) {
		/* The first match from the top of the pane on. */
		for (ap->match = 0; ap->match < ap->nmatches - 1; ap->match++)
			if (ap->nlines == 0 || article_pane_line_of(ap,
			    ap->matches[ap->match].start) >= ap->top)
				break;
	} else {
		ap->match = (ap->match + dir + ap->nmatches) % ap->nmatches;
	}
	line = ap->nlines ? article_pane_line_of(ap, ap->matches[ap->match].start) : 0;
	ap->top = line > 3 ? line - 3 : 0;
	app_message(app, 0, "match %d of %d: %s", ap->match + 1, ap->nmatches,
	    ap->search);
}

static int article_pane_handle(struct app *app, enum action a);

void
article_pane_search(struct app *app, const char *text)
{
	struct article_pane *ap = article_pane_state(app);

	ap->search_words = 0;
	article_pane_match(app, text);
	ap->match = -1;
	if (text[0])
		article_pane_handle(app, ACT_SEARCH_NEXT);
}

const char *
article_pane_search_text(const struct app *app)
{
	return article_pane_state(app)->search;
}

void
article_pane_mark_words(struct app *app, const char *words)
{
	struct article_pane *ap = article_pane_state(app);

	ap->search_words = 1;
	snprintf(ap->search, sizeof ap->search, "%s", words);
}

void
article_pane_show_first_match(struct app *app)
{
	article_pane_state(app)->to_match = 1;
}

/* --- keys ------------------------------------------------------------- */

static void
article_pane_scroll(struct app *app, int delta, int page)
{
	struct article_pane *ap = article_pane_state(app);

	if (delta > 0 && ap->top > INT_MAX - delta - page)
		delta = INT_MAX - page - ap->top;
	article_pane_wrap_to(ap, ap->top + delta + page);
	ap->top += delta;
	if (ap->top > ap->nlines - page)
		ap->top = ap->nlines - page;
	if (ap->top < 0)
		ap->top = 0;
}

static void
article_pane_cycle(struct app *app, int dir)
{
	struct article_pane *ap = article_pane_state(app);
	long long ids[64];
	int n = app->have_detail ? article_pane_articles(app, ids, 64) : 0;

	if (n < 2) {
		app_message(app, 0, "this event has %s article", n ? "one" : "no");
		return;
	}
	ap->evidence = (ap->evidence + dir + n) % n;
	article_pane_load(app);
	app_message(app, 0, "article %d of %d", ap->evidence + 1, n);
}

static int
article_pane_handle(struct app *app, enum action a)
{
	struct article_pane *ap = article_pane_state(app);
	int page = ap->height > 1 ? ap->height : 1;

	switch (a) {
	case ACT_DOWN: article_pane_scroll(app, 1, page); break;
	case ACT_UP: article_pane_scroll(app, -1, page); break;
	case ACT_PAGE_DOWN: article_pane_scroll(app, page - 1, page); break;
	case ACT_PAGE_UP: article_pane_scroll(app, -(page - 1), page); break;
	case ACT_HALF_DOWN: article_pane_scroll(app, page / 2, page); break;
	case ACT_HALF_UP: article_pane_scroll(app, -page / 2, page); break;
	case ACT_FIRST: ap->top = 0; break;
	case ACT_LAST: article_pane_scroll(app, INT_MAX, page); break;
	case ACT_SEARCH_NEXT: article_pane_show_match(app, 1); break;
	case ACT_SEARCH_PREV: article_pane_show_match(app, -1); break;
	case ACT_PREV_ARTICLE: article_pane_cycle(app, -1); break;
	case ACT_NEXT_ARTICLE: article_pane_cycle(app, 1); break;
	default:
		return 0;
	}
	app->dirty = 1;
	return 1;
}

/* --- drawing ---------------------------------------------------------- */

static int
article_pane_in_evidence(const struct app *app, size_t o)
{
	int i;

	for (i = 0; i < app->detail.nevidence; i++) {
		const struct evidence_row *v = &app->detail.evidence[i];

		if (v->article_id == article_pane_state(app)->article_id &&
		    o >= (size_t)v->span_start && o < (size_t)v->span_end)
			return 1;
	}
	return 0;
}

/* The attribute at a byte of the body and where it next may change. */
static unsigned long
article_pane_attr_at(const struct app *app, size_t o, size_t *next)
{
	const struct article_pane *ap = article_pane_state(app);
	unsigned long attr = color_attr(AREA_NORMAL);
	size_t n = *next;
	int i, ev = article_pane_in_evidence(app, o);

	for (i = 0; i < app->detail.nevidence && ap->article_id; i++) {
		const struct evidence_row *v = &app->detail.evidence[i];

		if (v->article_id != ap->article_id)
			continue;
		if ((size_t)v->span_start > o && (size_t)v->span_start < n)
			n = (size_t)v->span_start;
		if ((size_t)v->span_end > o && (size_t)v->span_end < n)
			n = (size_t)v->span_end;
	}
	if (ev)
		attr = color_attr(AREA_EVIDENCE);
	for (i = 0; i < ap->nmentions; i++) {
		const struct mention_row *m = &ap->mentions[i];

		if ((size_t)m->start > o) {
			if ((size_t)m->start < n)
				n = (size_t)m->start;
			break;
		}
		if ((size_t)m->end > o) {
			attr = color_attr(color_entity_area(m->kind)) |
			    (ev ? A_UNDERLINE : 0);
			if ((size_t)m->end < n)
				n = (size_t)m->end;
		}
	}
	for (i = 0; i < ap->nmatches; i++) {
		if (ap->matches[i].end <= o)
			continue;
		if (ap->matches[i].start > o) {
			if (ap->matches[i].start < n)
				n = ap->matches[i].start;
			break;
		}
		attr = color_attr(AREA_MATCH);
		if (ap->matches[i].end < n)
			n = ap->matches[i].end;
	}
	*next = n;
	return attr;
}

static void
article_pane_draw_line(struct app *app, const struct article_line *l, int y,
    int x, int w)
{
	size_t o = l->start, next;
	unsigned long attr;
	int col = 0;

	while (o < l->end && col < w) {
		next = l->end;
		attr = article_pane_attr_at(app, o, &next);
		col += draw_text(y, x + col, w - col, article_pane_state(app)->body + o,
		    next - o, attr);
		o = next;
	}
}

/* The title wraps like the text, but onto a third of the pane at most: a
 * title as long as an article (a page saved without its line breaks)
 * must leave room for the article. A title cut short ends in an
 * ellipsis; only the lines shown are wrapped. */
static int
article_pane_draw_title(struct app *app, const struct rect *r, int y)
{
	const char *t = article_pane_state(app)->title;
	size_t start = 0, end = strlen(t), cut, next;
	int width = r->w - 2 > 0 ? r->w - 2 : 1, max = r->h / 3 > 1 ? r->h / 3 : 1;
	int i = 0, last, cols;

	do {
		cut = article_pane_line_end(t, start, end, width, &next);
		last = i == max - 1 && next < end;
		draw_fill(y, r->x, r->w, color_attr(AREA_NORMAL));
		cols = draw_text(y, r->x + 1, last ? width - 1 : width, t + start,
		    cut - start, color_attr(AREA_HEADER));
		if (last)
			draw_str(y, r->x + 1 + cols, 1, draw_utf8() ? "\xe2\x80\xa6" :
			    "~", color_attr(AREA_HEADER));
		y++;
		start = next;
	} while (++i < max && start < end);
	return y;
}

static int
article_pane_draw_head(struct app *app, const struct rect *r, int y)
{
	struct article_pane *ap = article_pane_state(app);

	y = article_pane_draw_title(app, r, y);
	draw_fill(y, r->x, r->w, color_attr(AREA_NORMAL));
	draw_str(y++, r->x + 1, r->w - 2, ap->meta, color_attr(AREA_KIND));
	draw_hline(y++, r->x, r->w, "\xe2\x94\x80", '-', color_attr(AREA_BORDER));
	return y;
}

/* How far into the text the pane's last line is, as less shows it: by
 * bytes, since the lines past it may not be wrapped yet. */
static void
article_pane_draw_percent(struct app *app, const struct rect *r, int focused)
{
	struct article_pane *ap = article_pane_state(app);
	size_t end = ap->lines[ap->top + ap->height - 1].end;
	char pct[16];

	snprintf(pct, sizeof pct, "%d%% ", ap->body_len ?
	    (int)((double)end * 100 / (double)ap->body_len) : 100);
	draw_str(r->y, r->x + r->w - (int)strlen(pct), (int)strlen(pct), pct,
	    color_attr(focused ? AREA_TITLE_FOCUS : AREA_TITLE));
}

static void
article_pane_draw(struct app *app, const struct rect *r, int focused)
{
	struct article_pane *ap = article_pane_state(app);
	int y, i, h, width = r->w - 2;

	draw_fill(r->y, r->x, r->w, color_attr(focused ? AREA_TITLE_FOCUS : AREA_TITLE));
	draw_str(r->y, r->x, r->w, " Article",
	    color_attr(focused ? AREA_TITLE_FOCUS : AREA_TITLE));
	if (ap->body == NULL)
		return;
	if (width < 1)
		width = 1;
	if (ap->wrap_width != width)
		article_pane_wrap(ap, width);
	if (ap->to_match && ap->nmatches > 0) {
		i = article_pane_line_of(ap, ap->matches[0].start);
		ap->top = i > 3 ? i - 3 : 0;
	}
	ap->to_match = 0;
	y = article_pane_draw_head(app, r, r->y + 1);
	h = r->y + r->h - y;
	ap->height = h;
	article_pane_wrap_to(ap, ap->top + h);
	if (ap->top > ap->nlines - h)
		ap->top = ap->nlines - h > 0 ? ap->nlines - h : 0;
	for (i = 0; i < h; i++) {
		draw_fill(y + i, r->x, r->w, color_attr(AREA_NORMAL));
		if (ap->top + i < ap->nlines)
			article_pane_draw_line(app, &ap->lines[ap->top + i], y + i,
			    r->x + 1, width);
	}
	if (h > 0 && (ap->top > 0 || ap->top + h < ap->nlines))
		article_pane_draw_percent(app, r, focused);
}

const struct pane_ops article_pane_ops = {
	.name = "article",
	.init = article_pane_init,
	.free = article_pane_free,
	.draw = article_pane_draw,
	.handle = article_pane_handle,
	.event_selected = article_pane_event_selected,
};
