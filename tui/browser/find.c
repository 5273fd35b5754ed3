/* SPDX-License-Identifier: ISC */
/* '/' in the timeline: the events of the view whose articles hold the
 * words, which n and N go through; the article marks the words. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "browser/app.h"
#include "scotl/filter.h"

/* The search, "" when there is none: one browser runs in a process. */
static char find_search[256];

const char *
find_text(void)
{
	return find_search;
}

/* The words of a search to mark in the article: no fields, operators,
 * negated words or quotes. */
static void
find_words(const char *text, char *out, size_t size)
{
	char tok[256];
	size_t used = 0, n;
	const char *s = text;

	out[0] = '\0';
	while (*s) {
		while (*s == ' ' || *s == '(' || *s == ')' || *s == '"')
			s++;
		for (n = 0; *s && !strchr(" ()\"", *s); s++)
			if (n < sizeof tok - 1)
				tok[n++] = *s;
		tok[n] = '\0';
		if (n == 0 || tok[0] == '-' || strchr(tok, ':') ||
		    strcmp(tok, "OR") == 0 || strcmp(tok, "NOT") == 0 ||
		    strcmp(tok, "AND") == 0 || strcmp(tok, "|") == 0)
			continue;
		if (used + n + 2 < size)
			used += (size_t)snprintf(out + used, size - used, "%s%s",
			    used ? " " : "", tok);
	}
}

/* The view's events that hold the search: the view's filter and the
 * search together. */
static int
find_filter(struct app *app, struct event_filter *f, struct err *e)
{
	char text[600];
	int column;

	*f = app->view.filter;
	snprintf(text, sizeof text, app->view.filter_text[0] ? "(%s) (%s)" : "%s%s",
	    app->view.filter_text, find_search);
	return filter_compile(text, &f->expr, &column, e);
}

/* The next (DIR 1) or previous event that holds the search, from the
 * selected one (itself included when INCLUSIVE), wrapping at the ends. */
static void
find_go(struct app *app, int dir, int inclusive)
{
	const struct event_row *r = timeline_selected(app);
	struct event_filter f;
	struct event_list l = { NULL, 0 };
	struct event_pos pos;
	long long total = 0, rank = 0;
	struct app_stop stop = { .deadline = app_now_ms() + 30, .on_input = 0 };
	struct err e;
	int wrapped = 0, counted;

	if (find_filter(app, &f, &e) != 0) {
		app_message(app, 1, "search: %s", e.msg);
		return;
	}
	if (timeline_reversed(app))
		dir = -dir;
	if (r != NULL) {
		event_row_pos(r, &pos);
		if (inclusive)
			pos.id += dir > 0 ? -1 : 1;
	}
	if (events_window(app->db, &f, r ? &pos : NULL, dir > 0 ? EVENTS_AFTER :
	    EVENTS_BEFORE, 1, &l, &e) == 0 && l.n == 0 && r != NULL) {
		wrapped = 1;
		event_list_free(&l);
		events_window(app->db, &f, NULL, dir > 0 ? EVENTS_AFTER :
		    EVENTS_BEFORE, 1, &l, &e);
	}
	if (l.n == 0) {
		app_message(app, 1, "no event of this view holds: %s", find_search);
	} else {
		event_row_pos(&l.rows[0], &pos);
		/* "3 of 18" when it can be counted within a key's time. */
		db_set_stop(app->db, app_should_stop, &stop);
		counted = events_count(app->db, &f, NULL, &total, &e) == 0 &&
		    events_count(app->db, &f, &pos, &rank, &e) == 0;
		db_set_stop(app->db, NULL, NULL);
		timeline_reload(app, &pos);
		article_pane_show_first_match(app);
		if (counted)
			app_message(app, 0, "%s%lld of %lld events hold: %s", wrapped ?
			    "(wrapped) " : "", rank + 1, total, find_search);
		else
			app_message(app, 0, "%sthis event holds: %s", wrapped ?
			    "(wrapped) " : "", find_search);
	}
	event_list_free(&l);
	filter_free(f.expr);
}

int
find_accept(struct app *app, const char *text, char *err, size_t size,
    int *column)
{
	struct filter *f;
	struct err e;
	char words[256];

	if (text[0] == '\0') {
		find_search[0] = '\0';
		article_pane_search(app, "");
		app_message(app, 0, "search cleared");
		return 0;
	}
	if (filter_compile(text, &f, column, &e) != 0) {
		snprintf(err, size, "search: %s", e.msg);
		return -1;
	}
	filter_free(f);
	snprintf(find_search, sizeof find_search, "%s", text);
	find_words(text, words, sizeof words);
	article_pane_mark_words(app, words);
	find_go(app, 1, 1);
	return 0;
}

void
find_step(struct app *app, int dir)
{
	find_go(app, dir, 0);
}
