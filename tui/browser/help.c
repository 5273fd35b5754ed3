/* SPDX-License-Identifier: ISC */
/* The help overlay: every action with the keys bound to it, read from the
 * key map, so that it never disagrees with the bindings. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/color.h"
#include "browser/curses.h"
#include "browser/draw.h"
#include "browser/keymap.h"

struct help {
	int open;
	int top;                /* the first line shown */
};

static struct help *
help_state(const struct app *app)
{
	return app->layer[LAYER_HELP].data;
}

static void *
help_init(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct help));
}

static int
help_is_open(struct app *app)
{
	return help_state(app)->open;
}

void
help_open(struct app *app)
{
	help_state(app)->open = 1;
}

/* The lines of the help: every bound action. */
static int
help_lines(enum action *out)
{
	char keys[128];
	int a, n = 0;

	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		keymap_keys_of((enum action)a, keys, sizeof keys);
		if (keys[0] != '\0')
			out[n++] = (enum action)a;
	}
	return n;
}

/* The moving keys scroll it; any other key closes it. A key clears the
 * status line's message first. */
static void
help_handle(struct app *app, const struct key *k)
{
	struct help *hp = help_state(app);
	enum action lines[ACT_COUNT], a = k->action;
	int n = help_lines(lines), h = app->rows - 4;

	app_message_clear(app);
	if (a == ACT_DOWN || a == ACT_UP || a == ACT_PAGE_DOWN ||
	    a == ACT_PAGE_UP) {
		hp->top += a == ACT_DOWN ? 1 : a == ACT_UP ? -1 :
		    a == ACT_PAGE_DOWN ? h : -h;
		if (hp->top > n - h)
			hp->top = n - h;
		if (hp->top < 0)
			hp->top = 0;
		return;
	}
	hp->open = 0;
	hp->top = 0;
}

static void
help_draw(struct app *app)
{
	int w = app->cols > 74 ? 70 : app->cols - 4;
	int h = app->rows - 2, x = (app->cols - w) / 2, y = 1, line = 0, n, i;
	unsigned long attr = color_attr(AREA_HELP);
	enum action lines[ACT_COUNT];
	char keys[128], text[256], shown[256];

	if (w < 10 || h < 3)
		return;
	n = help_lines(lines);
	draw_fill(y + line, x, w, color_attr(AREA_TITLE_FOCUS));
	draw_str(y + line++, x + 1, w - 2, n > h - 2 ?
	    "scotl keys  (j/k scroll; any other key closes)" :
	    "scotl keys  (any key closes)", color_attr(AREA_TITLE_FOCUS));
	for (i = help_state(app)->top; i < n && line < h - 1; i++) {
		keymap_keys_of(lines[i], keys, sizeof keys);
		draw_fill(y + line, x, w, attr);
		snprintf(text, sizeof text, "%-18.18s", keys);
		draw_str(y + line, x + 1, 18, text, attr | A_BOLD);
		draw_str(y + line++, x + 20, w - 21, keymap_action_help(lines[i]),
		    attr);
	}
	draw_fill(y + line, x, w, attr);
	snprintf(text, sizeof text, "keys can be rebound in %s", app->config_path ?
	    config_shown_path(app->config_path, shown, sizeof shown) :
	    "the config file");
	draw_str(y + line, x + 1, w - 2, text, attr | A_DIM);
}

const struct layer_ops help_layer_ops = {
	.name = "help",
	.init = help_init,
	.free = free,
	.is_open = help_is_open,
	.draw = help_draw,
	.handle = help_handle,
};
