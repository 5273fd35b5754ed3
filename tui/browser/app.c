/* SPDX-License-Identifier: ISC */
/* The browser's loop: layout, keys to actions, the back stack, the status
 * line, saving where the user was, suspend, resize and hangup. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "browser/app.h"
#include "browser/browser.h"
#include "browser/color.h"
#include "browser/curses.h"
#include "browser/draw.h"
#include "scotl/filter.h"
#include "scotl/uistate.h"

#define APP_MIN_COLS 20
#define APP_MIN_ROWS 6
#define APP_MAX_ENV_SIZE 1000   /* LINES or COLUMNS believed, at most */

static const struct pane_ops *const app_panes[PANE_COUNT] = {
	[PANE_TIMELINE] = &timeline_ops,
	[PANE_ARTICLE] = &article_pane_ops,
	[PANE_XREF] = &xref_ops,
};

/* What lies over the panes, in the order they are drawn. */
static const struct layer_ops *const app_layers[LAYER_COUNT] = {
	[LAYER_PROMPT] = &prompt_layer_ops,
	[LAYER_VIEWS] = &viewlist_layer_ops,
	[LAYER_HELP] = &help_layer_ops,
};

/* The terminal is gone (SIGHUP, or a read saw it hang up): nothing more
 * is drawn. SIGTERM stops too, but the terminal is still there to be
 * given back. */
static volatile sig_atomic_t app_hangup, app_terminated;

static void
app_on_signal(int sig)
{
	if (sig == SIGHUP)
		app_hangup = 1;
	else
		app_terminated = 1;
}

void
app_message(struct app *app, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_error = error;
	app->dirty = 1;
}

void
app_message_clear(struct app *app)
{
	app->message[0] = '\0';
}

/* The pane P takes action A, wherever the focus is. */
static int
app_pane_handle(struct app *app, enum pane_id p, enum action a)
{
	return app->pane[p].ops->handle(app, a);
}

/* --- selection, views, filters ---------------------------------------- */

void
app_event_selected(struct app *app)
{
	const struct event_row *r = timeline_selected(app);
	struct err e;
	int p;

	if (app->have_detail)
		event_detail_free(&app->detail);
	app->have_detail = 0;
	if (r != NULL) {
		if (event_get(app->db, r->id, &app->detail, &e) == 0)
			app->have_detail = 1;
		else
			app_message(app, 1, "%s", e.msg);
	}
	for (p = 0; p < PANE_COUNT; p++)
		if (app->pane[p].ops->event_selected != NULL)
			app->pane[p].ops->event_selected(app);
	app->dirty = 1;
}

/* Where the view is; an empty timeline keeps the place it had, so that
 * clearing a filter that matched nothing comes back to it. */
static void
app_current_pos(struct app *app, struct view *v)
{
	const struct event_row *r = timeline_selected(app);

	if (r == NULL)
		return;
	v->have_pos = 1;
	event_row_pos(r, &v->pos);
}

/* Compiles the view's filter text into the one compiled filter the app
 * keeps (views on the back stack keep only their text). */
static int
app_compile_view(struct app *app, const char *text, int *column, struct err *e)
{
	struct filter *f;

	if (filter_compile(text, &f, column, e) != 0)
		return -1;
	filter_free(app->expr);
	app->expr = f;
	app->view.filter.expr = text[0] ? f : NULL;
	return 0;
}

void
app_push_entity(struct app *app, long long id, const char *name)
{
	struct view next;
	long long total;

	if (id <= 0)
		return;
	app_current_pos(app, &app->view);
	app->stack = xgrow(app->stack, app->depth, &app->stack_cap,
	    sizeof *app->stack);
	app->stack[app->depth++] = app->view;
	memset(&next, 0, sizeof next);
	next.filter.entity_id = id;
	filter_free(app->expr);
	app->expr = NULL;
	snprintf(next.entity_name, sizeof next.entity_name, "%s", name);
	next.pos = app->view.pos;
	next.have_pos = app->view.have_pos;
	app->view = next;
	timeline_reload(app, next.have_pos ? &next.pos : NULL);
	app->focus = PANE_TIMELINE;
	/* NAME may have gone with the old cross-references. */
	if (timeline_total(app, &total) != 0)
		app_message(app, 0, "events of %s; Backspace goes back",
		    app->view.entity_name);
	else
		app_message(app, 0, "%lld events of %s; Backspace goes back",
		    total, app->view.entity_name);
}

int
app_back(struct app *app)
{
	if (app->depth == 0) {
		app_message(app, 0, "this is the first view: nothing to go back to");
		return 0;
	}
	app->view = app->stack[--app->depth];
	{
		struct err e;
		int column;

		/* The text compiled before; the stack keeps no compiled filter. */
		app->view.filter.expr = NULL;
		if (app_compile_view(app, app->view.filter_text, &column, &e) != 0)
			app->view.filter_text[0] = '\0';
	}
	timeline_reload(app, app->view.have_pos ? &app->view.pos : NULL);
	app_message(app, 0, "back");
	return 1;
}

int
app_should_stop(void *arg)
{
	const struct app_stop *s = arg;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	struct winsize ws;

	if (app_hangup || app_terminated ||
	    (s->deadline > 0 && app_now_ms() >= s->deadline))
		return 1;
	if (!s->on_input)
		return 0;
	if (poll(&p, 1, 0) > 0)
		return 1;
	/* A resize comes as a signal curses keeps to itself: look. */
	return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    (ws.ws_row != s->rows || ws.ws_col != s->cols);
}

long long
app_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
app_filter_live(struct app *app, const char *text, char *err, size_t size,
    int *column)
{
	struct err e;
	int at;

	if (strcmp(text, app->view.filter_text) == 0 && app->expr != NULL)
		return 0;
	if (strlen(text) >= sizeof app->view.filter_text) {
		snprintf(err, size, "filter: longer than %zu bytes, "
		    "the most the filter line keeps", sizeof app->view.filter_text - 1);
		*column = 0;
		app->dirty = 1;
		return -1;
	}
	if (app_compile_view(app, text, &at, &e) != 0) {
		/* The timeline keeps the last filter that compiled. */
		snprintf(err, size, "filter: %s", e.msg);
		*column = at;
		app->dirty = 1;
		return -1;
	}
	app_current_pos(app, &app->view);
	snprintf(app->view.filter_text, sizeof app->view.filter_text, "%s", text);
	timeline_reload(app, app->view.have_pos ? &app->view.pos : NULL);
	app->dirty = 1;
	return 0;
}

/* "25 events", or nothing while they are still being counted (the title
 * shows the count when it comes). */
void
app_count_message(struct app *app)
{
	long long total;

	if (timeline_total(app, &total) != 0)
		app->message[0] = '\0';
	else
		app_message(app, 0, "%lld event%s", total, total == 1 ? "" : "s");
}

void
app_apply_filter(struct app *app, const char *text)
{
	struct err e;
	int column;
	char msg[1100];

	if (strlen(text) >= sizeof app->view.filter_text) {
		app_message(app, 1, "filter: longer than %zu bytes, the most the "
		    "browser keeps", sizeof app->view.filter_text - 1);
		return;
	}
	if (app_compile_view(app, text, &column, &e) != 0) {
		/* The line stays open with the text, the error under it. */
		snprintf(msg, sizeof msg, "filter: %s", e.msg);
		prompt_filter_error(app, text, msg, column);
		return;
	}
	app_current_pos(app, &app->view);
	snprintf(app->view.filter_text, sizeof app->view.filter_text, "%s", text);
	timeline_reload(app, app->view.have_pos ? &app->view.pos : NULL);
	app_count_message(app);
}

/* --- layout ------------------------------------------------------------ */

static void
app_set_rect(struct app *app, enum pane_id p, int y, int x, int h, int w)
{
	app->rect[p] = (struct rect){ y, x, h, w };
	app->visible[p] = h > 0 && w > 0;
}

/* 120 columns or more: three columns. 80 to 119: timeline and article
 * side by side, cross-references below. Smaller: one pane at a time. */
static void
app_layout(struct app *app)
{
	int h, tw, aw, xh, p;

	getmaxyx(stdscr, app->rows, app->cols);
	app->too_small = app->cols < APP_MIN_COLS || app->rows < APP_MIN_ROWS;
	h = app->rows - 1;
	memset(app->visible, 0, sizeof app->visible);
	app->single = app->cols < 80 || app->rows < 20;
	app->xref_strip = 0;
	if (app->single) {
		for (p = 0; p < PANE_COUNT; p++)
			app_set_rect(app, (enum pane_id)p, 0, 0, h, app->cols);
		memset(app->visible, 0, sizeof app->visible);
		app->visible[app->focus] = 1;
	} else if (app->cols >= 120) {
		tw = app->cols * 38 / 100;
		aw = (app->cols - tw - 2) * 58 / 100;
		app_set_rect(app, PANE_TIMELINE, 0, 0, h, tw);
		app_set_rect(app, PANE_ARTICLE, 0, tw + 1, h, aw);
		app_set_rect(app, PANE_XREF, 0, tw + aw + 2, h, app->cols - tw - aw - 2);
	} else {
		xh = app->xref_hidden ? 0 : h / 3 > 6 ? h / 3 : 6;
		tw = app->cols / 2;
		app_set_rect(app, PANE_TIMELINE, 0, 0, h - xh, tw);
		app_set_rect(app, PANE_ARTICLE, 0, tw + 1, h - xh, app->cols - tw - 1);
		if (xh > 0) {
			app_set_rect(app, PANE_XREF, h - xh, 0, xh, app->cols);
			app->xref_strip = 1;
		}
	}
	if (!app->visible[app->focus])
		app->focus = PANE_TIMELINE;
	app->dirty = 1;
}

static void
app_focus_step(struct app *app, int dir)
{
	int p = app->focus, i;

	for (i = 0; i < PANE_COUNT; i++) {
		p = (p + dir + PANE_COUNT) % PANE_COUNT;
		/* One pane at a time: Tab shows the next one. */
		if (app->single || app->visible[p])
			break;
	}
	app->focus = (enum pane_id)p;
	app_layout(app);
}

/* --- drawing ----------------------------------------------------------- */

static void
app_draw_separators(struct app *app)
{
	int p, y;

	if (app->single)
		return;
	for (p = 1; p < PANE_COUNT; p++) {
		const struct rect *r = &app->rect[p];

		if (!app->visible[p] || r->x == 0)
			continue;
		for (y = r->y; y < r->y + r->h; y++)
			draw_hline(y, r->x - 1, 1, "\xe2\x94\x82", '|',
			    color_attr(AREA_BORDER));
	}
}

/* "12/25 · pane · events of X · filter: ...": the position and count,
 * then each part only when it applies. */
static void
app_status_text(struct app *app, char *out, size_t size)
{
	const char *parts[4] = { NULL, NULL, NULL, NULL };
	char entity[160], filter[300], where[64];
	size_t used = 0;
	int i, n = 0;

	timeline_position(app, where, sizeof where);
	parts[n++] = where;
	if (app->single)
		parts[n++] = app_panes[app->focus]->name;
	if (app->view.entity_name[0]) {
		snprintf(entity, sizeof entity, "events of %s", app->view.entity_name);
		parts[n++] = entity;
	}
	if (app->view.filter_text[0]) {
		snprintf(filter, sizeof filter, "filter: %s", app->view.filter_text);
		parts[n++] = filter;
	}
	out[0] = '\0';
	for (i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s",
		    i ? " \xc2\xb7 " : " ", parts[i]);
}

static void
app_draw_status(struct app *app)
{
	char left[512];
	int y = app->rows - 1, col;

	app_status_text(app, left, sizeof left);
	draw_fill(y, 0, app->cols, color_attr(AREA_STATUS));
	col = draw_str(y, 0, app->cols, left, color_attr(AREA_STATUS));
	if (app->depth > 0 && col + 12 < app->cols)
		col += draw_str(y, col, app->cols - col, " [Bksp: back]",
		    color_attr(AREA_STATUS));
	if (app->message[0] && col + 3 < app->cols)
		draw_str(y, col + 2, app->cols - col - 2, app->message,
		    color_attr(app->message_error ? AREA_ERROR : AREA_STATUS));
	else if (col + 12 < app->cols)
		draw_str(y, app->cols - 9, 9, "? help  ", color_attr(AREA_STATUS));
}

static void
app_draw(struct app *app)
{
	int p, cursor = 0;

	if (app->too_small) {
		erase();
		draw_str(0, 0, app->cols, "terminal too small", A_BOLD);
		if (app->rows > 1)
			draw_str(1, 0, app->cols, "need 20x6", A_NORMAL);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	for (p = 0; p < PANE_COUNT; p++)
		if (app->visible[p])
			app->pane[p].ops->draw(app, &app->rect[p], (int)app->focus == p);
	app_draw_separators(app);
	/* A prompt on the bottom line covers the status line. */
	app_draw_status(app);
	for (p = 0; p < LAYER_COUNT; p++)
		if (app->layer[p].ops->is_open(app)) {
			app->layer[p].ops->draw(app);
			cursor |= app->layer[p].ops->cursor;
		}
	curs_set(cursor);
	wnoutrefresh(stdscr);
	doupdate();
	app->dirty = 0;
}

/* --- keys -------------------------------------------------------------- */

static void
app_suspend(struct app *app)
{
	def_prog_mode();
	endwin();
	kill(getpid(), SIGTSTP);
	/* Back from fg: everything is drawn again. */
	reset_prog_mode();
	clearok(curscr, TRUE);
	app_layout(app);
}

static void
app_action(struct app *app, enum action a)
{
	if (app_pane_handle(app, app->focus, a))
		return;
	switch (a) {
	case ACT_NEXT_PANE: app_focus_step(app, 1); break;
	case ACT_PREV_PANE: app_focus_step(app, -1); break;
	case ACT_BACK: app_back(app); break;
	case ACT_FILTER: prompt_open(app, PROMPT_FILTER); break;
	case ACT_SEARCH:
		prompt_open(app, app->focus == PANE_TIMELINE ? PROMPT_FIND :
		    PROMPT_SEARCH);
		break;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		/* In the timeline, between the events that hold the words. */
		if (app->focus == PANE_TIMELINE && find_text()[0]) {
			find_step(app, a == ACT_SEARCH_NEXT ? 1 : -1);
			break;
		}
		/* FALLTHROUGH */
	case ACT_PREV_ARTICLE:
	case ACT_NEXT_ARTICLE:
		/* Meant for the article, wherever the focus is. */
		app_pane_handle(app, PANE_ARTICLE, a);
		break;
	case ACT_REVERSE: app_pane_handle(app, PANE_TIMELINE, a); break;
	case ACT_PARTNERS: app_pane_handle(app, PANE_XREF, a); break;
	case ACT_TOGGLE_XREF:
		app->xref_hidden = !app->xref_hidden;
		app_layout(app);
		break;
	case ACT_BOOKMARK: annotate_bookmark(app); break;
	case ACT_TAGS: annotate_tags(app); break;
	case ACT_NOTE: annotate_note(app); break;
	case ACT_VIEWS: viewlist_open(app); break;
	case ACT_COMMAND: prompt_open(app, PROMPT_COMMAND); break;
	case ACT_HELP: help_open(app); break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		app_layout(app);
		break;
	case ACT_SUSPEND: app_suspend(app); break;
	case ACT_QUIT: app->quit = 1; break;
	case ACT_ENTER:
		app_message(app, 0, "Enter works in the cross-references (Tab to them)");
		break;
	default:
		break;
	}
	app->dirty = 1;
}

/* The first open layer takes the key; else the key's action goes to the
 * focused pane, then to the application. */
static void
app_key(struct app *app, int is_key, int ch)
{
	/* A character whose code point happens to equal a curses key code
	 * ('š' is KEY_BTAB's number) is text, not that key. */
	struct key k = { .code = ch, .is_key = is_key,
		.action = is_key || ch < KEY_MIN ? keymap_action(ch) : ACT_NONE };
	int l;

	if (is_key && ch == KEY_RESIZE) {
		app_layout(app);
		return;
	}
	for (l = 0; l < LAYER_COUNT; l++)
		if (app->layer[l].ops->is_open(app)) {
			app->layer[l].ops->handle(app, &k);
			app->dirty = 1;
			return;
		}
	app_message_clear(app);
	app_action(app, k.action);
}

/* --- saved place ------------------------------------------------------- */

/* Saves where the user is; -1 with E filled when it could not be saved
 * (said once the terminal is given back: on the alternate screen it
 * would be wiped with it). */
static int
app_save(struct app *app, struct err *e)
{
	static const char *const keys[] = {
		"event", "pane", "filter", "entity", "entity_name", "order",
	};
	const struct event_row *r = timeline_selected(app);
	const char *values[6];
	char id[32], entity[32];

	if (db_readonly(app->db))
		return 0;
	snprintf(id, sizeof id, "%lld", r ? r->id : 0);
	snprintf(entity, sizeof entity, "%lld", app->view.filter.entity_id);
	values[0] = id;
	values[1] = app_panes[app->focus]->name;
	values[2] = app->view.filter_text;
	values[3] = entity;
	values[4] = app->view.entity_name;
	values[5] = timeline_reversed(app) ? "newest" : "oldest";
	return uistate_set_all(app->db, keys, values, 6, e);
}

static char *
app_saved(struct app *app, const char *key)
{
	char *v = NULL;
	struct err e;

	uistate_get(app->db, key, &v, &e);
	return v;
}

/* Where the user was: the filter, the entity, the pane, the event. */
static int
app_restore(struct app *app, struct event_pos *pos)
{
	char *v;
	struct event_detail d;
	long long id = 0;
	struct err e;
	int p, have = 0;

	if ((v = app_saved(app, "order")) != NULL)
		timeline_set_reversed(app, strcmp(v, "newest") == 0);
	free(v);
	if ((v = app_saved(app, "filter")) != NULL && v[0] &&
	    app_compile_view(app, v, &p, &e) == 0)
		snprintf(app->view.filter_text, sizeof app->view.filter_text, "%s", v);
	free(v);
	if ((v = app_saved(app, "entity")) != NULL)
		util_parse_ll(v, &app->view.filter.entity_id);
	free(v);
	if ((v = app_saved(app, "entity_name")) != NULL)
		snprintf(app->view.entity_name, sizeof app->view.entity_name, "%s", v);
	free(v);
	if ((v = app_saved(app, "pane")) != NULL)
		for (p = 0; p < PANE_COUNT; p++)
			if (strcmp(v, app_panes[p]->name) == 0)
				app->focus = (enum pane_id)p;
	free(v);
	if ((v = app_saved(app, "event")) != NULL && util_parse_ll(v, &id) == 0 &&
	    id > 0 && event_get(app->db, id, &d, &e) == 0) {
		event_row_pos(&d.ev, pos);
		event_detail_free(&d);
		have = 1;
	}
	free(v);
	return have;
}

/* --- the loop ---------------------------------------------------------- */

static void
app_signals(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = app_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a hangup must interrupt the wait for a key. Under
	 * nohup SIGHUP stays ignored, as asked: the loop then sees the
	 * terminal gone from the read itself (app_terminal_gone). */
	if (sigaction(SIGHUP, NULL, &old) != 0 || old.sa_handler != SIG_IGN)
		sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* Ctrl-Z is a key (raw mode); suspending is done by app_suspend. */
	signal(SIGTSTP, SIG_DFL);
}

/* Out of memory ends the process (util.h): the terminal is given back
 * first, so that the message is read on a sane one (unless it is gone,
 * as app_run does). */
static void
app_oom(void)
{
	if (!app_hangup && !isendwin())
		endwin();
}

/* LINES and COLUMNS override the size the terminal reports, in curses,
 * at every resize too: a stale or absurd value (0, -1, 99999) would draw
 * for a screen that is not there, or ask for one of billions of cells.
 * The terminal's own size wins when it has one; else a value stays only
 * when it is a plausible size. */
static void
app_screen_env(void)
{
	static const char *const names[] = { "LINES", "COLUMNS" };
	struct winsize ws;
	const char *s;
	long long v;
	int known;
	size_t i;

	known = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0;
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if ((s = getenv(names[i])) != NULL && (known ||
		    util_parse_ll(s, &v) != 0 || v < 1 || v > APP_MAX_ENV_SIZE))
			unsetenv(names[i]);
}

static void
app_screen_init(void)
{
	app_screen_env();
	initscr();
	util_set_oom_hook(app_oom);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	idlok(stdscr, TRUE);
	color_init();
	app_signals();
}

/* A key is waiting: in the terminal, or already read by curses. */
static int
app_input_waiting(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	wint_t ch;
	int rc;

	if (poll(&p, 1, 0) > 0)
		return 1;
	timeout(0);
	rc = get_wch(&ch);
	if (rc == KEY_CODE_YES)
		ungetch((int)ch);
	else if (rc == OK)
		unget_wch((wchar_t)ch);
	return rc != ERR;
}

/* A read of a key failed: is the terminal gone? A hung-up terminal (its
 * window closed, the SSH connection dropped) polls as POLLHUP and reads
 * as EOF or EIO, whether or not SIGHUP came: under nohup it is ignored,
 * and it goes only to the session leader, which scotl need not be. */
static int
app_terminal_gone(int err)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (err == EIO || err == ENXIO || err == EBADF)
		return 1;
	return poll(&p, 1, 0) > 0 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

int
app_hung_up(void)
{
	if (!app_hangup && app_terminal_gone(0))
		app_hangup = 1;
	return app_hangup;
}

static void
app_loop(struct app *app)
{
	int errors = 0, rc, wait;
	wint_t ch;

	while (!app->quit && !app_hangup && !app_terminated) {
		wait = prompt_tick(app);
		if (app->dirty)
			app_draw(app);
		/* Counts too long for a key are finished while idle. */
		if (wait < 0 && timeline_pending(app) && !app_input_waiting()) {
			timeline_settle(app);
			continue;
		}
		/* A filter being typed runs when the typing pauses. */
		timeout(wait);
		errno = 0;
		rc = get_wch(&ch);
		if (rc == ERR) {
			/* Unless the terminal is gone, the typing pause ended
			 * or a signal came. A signal gives a few of these, never
			 * a run: a run is a terminal that reads EOF without
			 * polling as hung up. */
			if (app_terminal_gone(errno) || (wait < 0 && ++errors > 16))
				app_hangup = 1;
			continue;
		}

		errors = 0;
		app_key(app, rc == KEY_CODE_YES, (int)ch);
	}
}

/* Each pane and layer makes its state, which only its file reads. */
static void
app_init_parts(struct app *app)
{
	int i;

	for (i = 0; i < PANE_COUNT; i++) {
		app->pane[i].ops = app_panes[i];
		app->pane[i].data = app_panes[i]->init(app);
	}
	for (i = 0; i < LAYER_COUNT; i++) {
		app->layer[i].ops = app_layers[i];
		app->layer[i].data = app_layers[i]->init(app);
	}
}

static void
app_free(struct app *app)
{
	int i;

	for (i = 0; i < PANE_COUNT; i++)
		app->pane[i].ops->free(app->pane[i].data);
	if (app->have_detail)
		event_detail_free(&app->detail);
	free(app->stack);
	filter_free(app->expr);
	for (i = 0; i < LAYER_COUNT; i++)
		app->layer[i].ops->free(app->layer[i].data);
}

int
app_run(struct db *db, int fresh)
{
	struct app app;
	struct event_pos pos;
	struct err e, save;
	char config[PATH_MAX];
	const char *config_path = config_default_path(config, sizeof config);
	int have_pos = 0, saved;

	memset(&app, 0, sizeof app);
	app.db = db;
	app.histogram = 1;
	app.config_path = config_path;
	app_init_parts(&app);
	config_load(&app, config_path);
	if (fresh && !db_readonly(db) && uistate_clear(db, &e) != 0)
		app_message(&app, 1, "%s", e.msg);
	if (!fresh)
		have_pos = app_restore(&app, &pos);
	if (db_readonly(db) && !app.message[0])
		app_message(&app, 0, "%s is read-only: your place will not be saved",
		    db_path(db));
	draw_init();
	app_screen_init();
	app_layout(&app);
	timeline_reload(&app, have_pos ? &pos : NULL);
	app_loop(&app);
	saved = app_save(&app, &save);
	if (!app_hangup)
		endwin();
	if (saved != 0)
		fprintf(stderr, "scotl: cannot save your place: %s\n", save.msg);
	util_set_oom_hook(NULL);
	app_free(&app);
	return saved != 0;
}
