/* SPDX-License-Identifier: ISC */
/* The saved views overlay ('v'): each view's name and filter; Enter
 * applies one, d deletes it, Esc or q closes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/color.h"
#include "browser/curses.h"
#include "browser/draw.h"
#include "scotl/views.h"

struct viewlist {
	int open;
	struct saved_view *views;
	int n, sel, top;
};

static struct viewlist *
viewlist_state(const struct app *app)
{
	return app->layer[LAYER_VIEWS].data;
}

static void *
viewlist_init(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct viewlist));
}

static void
viewlist_clear(struct viewlist *vl)
{
	views_list_free(vl->views, vl->n);
	vl->views = NULL;
	vl->n = 0;
}

static void
viewlist_free(void *data)
{
	viewlist_clear(data);
	free(data);
}

static int
viewlist_is_open(struct app *app)
{
	return viewlist_state(app)->open;
}

static int
viewlist_load(struct app *app)
{
	struct viewlist *vl = viewlist_state(app);
	struct err e;

	viewlist_clear(vl);
	if (views_list(app->db, &vl->views, &vl->n, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
		return -1;
	}
	if (vl->sel >= vl->n)
		vl->sel = vl->n - 1;
	if (vl->sel < 0)
		vl->sel = 0;
	return 0;
}

void
viewlist_open(struct app *app)
{
	struct viewlist *vl = viewlist_state(app);

	vl->sel = vl->top = 0;
	if (viewlist_load(app) != 0)
		return;
	if (vl->n == 0) {
		app_message(app, 0, "no saved views: f to filter, then :save NAME");
		return;
	}
	vl->open = 1;
}

static void
viewlist_close(struct app *app)
{
	struct viewlist *vl = viewlist_state(app);

	vl->open = 0;
	viewlist_clear(vl);
}

static void
viewlist_apply(struct app *app)
{
	struct viewlist *vl = viewlist_state(app);
	char *filter;

	if (vl->n == 0)
		return;
	filter = xstrdup(vl->views[vl->sel].filter);
	viewlist_close(app);
	app_apply_filter(app, filter);
	free(filter);
}

static void
viewlist_delete(struct app *app)
{
	struct viewlist *vl = viewlist_state(app);
	char name[VIEWS_NAME_MAX + 1];
	struct err e;

	if (vl->n == 0)
		return;
	snprintf(name, sizeof name, "%s", vl->views[vl->sel].name);
	if (views_delete(app->db, name, &e) < 0) {
		app_message(app, 1, "%s", e.msg);
		return;
	}
	app_message(app, 0, "deleted view %s", name);
	if (viewlist_load(app) != 0 || vl->n == 0)
		viewlist_close(app);
}

/* Esc, q and C-g close; Enter applies; d deletes; the moving keys move.
 * A key clears the status line's message first. */
static void
viewlist_handle(struct app *app, const struct key *k)
{
	struct viewlist *vl = viewlist_state(app);
	enum action a = k->action;
	int ch = k->is_key ? -1 : k->code;

	app_message_clear(app);

	if (ch == 27 || ch == 'q' || ch == 7) {
		viewlist_close(app);
		return;
	}
	if (ch == '\n' || ch == '\r' || a == ACT_ENTER) {
		viewlist_apply(app);
		return;
	}
	if (ch == 'd') {
		viewlist_delete(app);
		return;
	}
	switch (a) {
	case ACT_DOWN: vl->sel++; break;
	case ACT_UP: vl->sel--; break;
	case ACT_PAGE_DOWN: vl->sel += 10; break;
	case ACT_PAGE_UP: vl->sel -= 10; break;
	case ACT_FIRST: vl->sel = 0; break;
	case ACT_LAST: vl->sel = vl->n - 1; break;
	default: break;
	}
	if (vl->sel >= vl->n)
		vl->sel = vl->n - 1;
	if (vl->sel < 0)
		vl->sel = 0;
}

static void
viewlist_draw(struct app *app)
{
	struct viewlist *vl = viewlist_state(app);
	int w = app->cols > 74 ? 70 : app->cols - 4;
	int h = app->rows - 2 < vl->n + 2 ? app->rows - 2 : vl->n + 2;
	int x = (app->cols - w) / 2, y = 1, rows = h - 2, i;
	unsigned long attr = color_attr(AREA_HELP), at;

	if (w < 10 || rows < 1)
		return;
	if (vl->sel < vl->top)
		vl->top = vl->sel;
	if (vl->sel >= vl->top + rows)
		vl->top = vl->sel - rows + 1;
	draw_fill(y, x, w, color_attr(AREA_TITLE_FOCUS));
	draw_str(y, x + 1, w - 2, "Saved views  (Enter applies, d deletes, "
	    "Esc closes)", color_attr(AREA_TITLE_FOCUS));
	for (i = 0; i < rows && vl->top + i < vl->n; i++) {
		const struct saved_view *v = &vl->views[vl->top + i];

		at = vl->top + i == vl->sel ? color_attr(AREA_CURSOR) : attr;
		draw_fill(y + 1 + i, x, w, at);
		draw_str(y + 1 + i, x + 1, 16, v->name, at | A_BOLD);
		draw_str(y + 1 + i, x + 18, w - 19, v->filter, at);
	}
	draw_fill(y + 1 + i, x, w, attr);
	draw_str(y + 1 + i, x + 1, w - 2, "scotl list --view NAME prints one",
	    attr | A_DIM);
}

const struct layer_ops viewlist_layer_ops = {
	.name = "views",
	.init = viewlist_init,
	.free = viewlist_free,
	.is_open = viewlist_is_open,
	.draw = viewlist_draw,
	.handle = viewlist_handle,
};
