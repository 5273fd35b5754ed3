/* SPDX-License-Identifier: ISC */
/* The cross-reference pane: the place, people (role, state), states (SCO
 * status on the event's date) and organisations of the selected event,
 * each with the number of its other events. Enter shows an entity's
 * events in the timeline; 'c' on a person lists who shares events with
 * them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scotl/annot.h"
#include "browser/app.h"
#include "browser/color.h"
#include "browser/curses.h"
#include "browser/draw.h"
#include "scotl/entity.h"

struct xref_item {
	long long entity_id;
	char kind[16];
	char *name;
	char *detail;           /* role and state, or SCO status */
	long long count;        /* other events, or shared events */
	int header;             /* 1 a section title, 2 a line of text */
};

struct xref {
	struct xref_item *items;
	int n, cap;
	int sel, top;
	long long partners_of;  /* 0, or the person whose partners are shown */
	char partners_name[128];
};

static struct xref *
xref_state(const struct app *app)
{
	return app->pane[PANE_XREF].data;
}

static void *
xref_init(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct xref));
}

static void
xref_clear(struct xref *xr)
{
	int i;

	for (i = 0; i < xr->n; i++) {
		free(xr->items[i].name);
		free(xr->items[i].detail);
	}
	free(xr->items);
	xr->items = NULL;
	xr->n = xr->cap = 0;
}

static void
xref_free(void *data)
{
	xref_clear(data);
	free(data);
}

static void
xref_add(struct xref *xr, long long id, const char *kind, const char *name,
    const char *detail, long long count, int header)
{
	struct xref_item *it;

	xr->items = xgrow(xr->items, xr->n, &xr->cap, sizeof *xr->items);
	it = &xr->items[xr->n++];
	it->entity_id = id;
	snprintf(it->kind, sizeof it->kind, "%s", kind);
	it->name = xstrdup(name);
	it->detail = xstrdup(detail ? detail : "");
	it->count = count;
	it->header = header;
}

static long long
xref_others(struct app *app, long long id)
{
	long long n = 0;
	struct err e;

	if (entity_event_count(app->db, id, &n, &e) != 0)
		app_message(app, 1, "%s", e.msg);
	return n > 0 ? n - 1 : 0;
}

static void
xref_section(struct app *app, const char *kind, const char *title)
{
	struct xref *xr = xref_state(app);
	const struct event_detail *d = &app->detail;
	char detail[256], status[32];
	int i, first = 1;
	struct err e;

	for (i = 0; i < d->nparticipants; i++) {
		const struct participant_row *p = &d->participants[i];

		if (strcmp(p->kind, kind) != 0)
			continue;
		if (first)
			xref_add(xr, 0, "", title, NULL, 0, 1);
		first = 0;
		if (strcmp(kind, "state") == 0) {
			status[0] = '\0';
			entity_sco_status(app->db, p->entity_id, d->ev.date.first,
			    status, sizeof status, &e);
			snprintf(detail, sizeof detail, "%s", status[0] ? status :
			    "not in the SCO");
		} else if (p->state[0] && strcmp(kind, "person") == 0) {
			snprintf(detail, sizeof detail, "%s, %s", p->role, p->state);
		} else {
			snprintf(detail, sizeof detail, "%s", p->role);
		}
		xref_add(xr, p->entity_id, p->kind, p->name, detail,
		    xref_others(app, p->entity_id), 0);
	}
}

static void
xref_load_partners(struct app *app)
{
	struct xref *xr = xref_state(app);
	struct entity_detail d;
	struct err e;
	char title[192];
	int i;

	if (entity_get(app->db, xr->partners_of, &d, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
		return;
	}
	snprintf(title, sizeof title, "Shares events with %s", d.ref.name);
	xref_add(xr, 0, "", title, NULL, 0, 1);
	for (i = 0; i < d.npartners; i++)
		xref_add(xr, d.partners[i].who.id, d.partners[i].who.kind,
		    d.partners[i].who.name, d.partners[i].who.state,
		    d.partners[i].shared, 0);
	if (d.npartners == 0)
		xref_add(xr, 0, "", "nobody", NULL, 0, 1);
	entity_detail_free(&d);
}

/* What the user keeps on the event: bookmark, tags, the note's first
 * lines (as text, not selectable). */
static void
xref_yours(struct app *app)
{
	struct xref *xr = xref_state(app);
	const struct event_row *r = timeline_selected(app);
	char *note = NULL, *line, *next;
	struct buf b;
	struct err e;
	int n = 0;

	if (r == NULL || (!r->bookmarked && !r->noted && !(r->tags && r->tags[0])))
		return;
	xref_add(xr, 0, "", "Yours (m bookmark, t tags, a note)", NULL, 0, 1);
	if (r->bookmarked)
		xref_add(xr, 0, "", "! bookmarked", NULL, 0, 2);
	if (r->tags && r->tags[0]) {
		buf_init(&b);
		timeline_tags_text(r->tags, &b);
		xref_add(xr, 0, "", b.data, NULL, 0, 2);
		buf_free(&b);
	}
	if (r->noted && annot_note_get(app->db, r->id, &note, &e) == 0 && note) {
		for (line = note; line && *line && n < 6; line = next, n++) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			xref_add(xr, 0, "", line, NULL, 0, 2);
		}
	}
	free(note);
}

static void
xref_load(struct app *app)
{
	struct xref *xr = xref_state(app);
	const struct event_detail *d = &app->detail;

	xref_clear(xr);
	xr->sel = -1;
	xr->top = 0;
	if (xr->partners_of > 0) {
		xref_load_partners(app);
	} else if (app->have_detail) {
		if (d->place_id > 0) {
			xref_add(xr, 0, "", "Place", NULL, 0, 1);
			xref_add(xr, d->place_id, "place", d->ev.place, d->place_state,
			    xref_others(app, d->place_id), 0);
		}
		xref_section(app, "person", "People");
		xref_section(app, "state", "States (SCO status then)");
		xref_section(app, "organisation", "Organisations");
		xref_section(app, "place", "Places");
		xref_yours(app);
	}
	for (xr->sel = 0; xr->sel < xr->n && xr->items[xr->sel].header; xr->sel++)
		;
	if (xr->sel == xr->n)
		xr->sel = -1;
}

static void
xref_event_selected(struct app *app)
{
	xref_state(app)->partners_of = 0;
	xref_load(app);
}

static void
xref_move(struct app *app, int delta)
{
	struct xref *xr = xref_state(app);
	int i = xr->sel, last = xr->sel;

	while (delta != 0 && xr->sel >= 0) {
		i += delta > 0 ? 1 : -1;
		if (i < 0 || i >= xr->n)
			break;
		if (xr->items[i].header)
			continue;
		last = i;
		delta += delta > 0 ? -1 : 1;
	}
	xr->sel = last;
}

static int
xref_handle(struct app *app, enum action a)
{
	struct xref *xr = xref_state(app);
	const struct xref_item *it = xr->sel >= 0 ? &xr->items[xr->sel] : NULL;
	int page = app->rect[PANE_XREF].h - 2 > 1 ? app->rect[PANE_XREF].h - 2 : 1;

	switch (a) {
	case ACT_DOWN: xref_move(app, 1); break;
	case ACT_UP: xref_move(app, -1); break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: xref_move(app, page); break;
	case ACT_PAGE_UP: case ACT_HALF_UP: xref_move(app, -page); break;
	case ACT_FIRST: xref_move(app, -xr->n); break;
	case ACT_LAST: xref_move(app, xr->n); break;
	case ACT_ENTER:
		if (it != NULL)
			app_push_entity(app, it->entity_id, it->name);
		break;
	case ACT_PARTNERS:
		if (it == NULL || strcmp(it->kind, "person") != 0) {
			app_message(app, 0, "c lists the partners of a person");
			break;
		}
		snprintf(xr->partners_name, sizeof xr->partners_name, "%s", it->name);
		xr->partners_of = it->entity_id;
		xref_load(app);
		break;
	case ACT_BACK:
		if (xr->partners_of == 0)
			return 0;
		xr->partners_of = 0;
		xref_load(app);
		break;
	default:
		return 0;
	}
	app->dirty = 1;
	return 1;
}

static void
xref_draw_item(const struct xref_item *it, int y, int x, int w, int selected,
    int focused)
{
	unsigned long base = selected ? color_attr(focused ? AREA_CURSOR :
	    AREA_CURSOR_BLUR) : color_attr(AREA_NORMAL);
	char count[32];
	int col = 2, cw;

	draw_fill(y, x, w, base);
	if (it->header) {
		draw_str(y, x + it->header, w - it->header, it->name,
		    color_attr(it->header == 1 ? AREA_HEADER : AREA_MARK));
		return;
	}
	snprintf(count, sizeof count, " %lld", it->count);
	cw = (int)strlen(count);
	col += draw_str(y, x + col, w - col - cw, it->name,
	    selected ? base : color_attr(color_entity_area(it->kind)));
	if (it->detail[0] && col + 3 < w - cw) {
		col += draw_str(y, x + col, w - col - cw, " \xe2\x80\x94 ", base);
		draw_str(y, x + col, w - col - cw, it->detail,
		    selected ? base : color_attr(AREA_KIND));
	}
	if (w > cw + 4)
		draw_str(y, x + w - cw - 1, cw, count,
		    selected ? base : color_attr(AREA_DATE));
}

static void
xref_draw(struct app *app, const struct rect *r, int focused)
{
	struct xref *xr = xref_state(app);
	int h = r->h - 1, i;

	draw_fill(r->y, r->x, r->w, color_attr(focused ? AREA_TITLE_FOCUS : AREA_TITLE));
	draw_str(r->y, r->x, r->w, xr->partners_of ?
	    " Partners (Backspace: back)" : " Cross-references",
	    color_attr(focused ? AREA_TITLE_FOCUS : AREA_TITLE));
	if (xr->sel >= 0 && xr->sel < xr->top)
		xr->top = xr->sel > 0 && xr->items[xr->sel - 1].header ?
		    xr->sel - 1 : xr->sel;
	if (xr->sel >= xr->top + h)
		xr->top = xr->sel - h + 1;
	for (i = 0; i < h; i++) {
		if (xr->top + i < xr->n)
			xref_draw_item(&xr->items[xr->top + i], r->y + 1 + i, r->x, r->w,
			    xr->top + i == xr->sel, focused);
		else
			draw_fill(r->y + 1 + i, r->x, r->w, color_attr(AREA_NORMAL));
	}
}

const struct pane_ops xref_ops = {
	.name = "xref",
	.init = xref_init,
	.free = xref_free,
	.draw = xref_draw,
	.handle = xref_handle,
	.event_selected = xref_event_selected,
};
