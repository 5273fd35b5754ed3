/* SPDX-License-Identifier: ISC */
/* The browser: its state, the panes and the loop that joins them. Keys
 * become actions (keymap.h); the focused pane gets an action first, then
 * the application; handlers change state and mark what must be drawn; the
 * loop draws once per key. */
#ifndef SCOTL_APP_H
#define SCOTL_APP_H

#include "scotl/db.h"
#include "scotl/events.h"
#include "browser/keymap.h"

enum pane_id {
	PANE_TIMELINE,
	PANE_ARTICLE,
	PANE_XREF,
	PANE_COUNT,
};

struct rect {
	int y, x, h, w;
};

/* One place in the back stack: what the timeline showed and where. */
struct view {
	struct event_filter filter;
	char filter_text[256];  /* as typed on the filter line */
	char entity_name[128];  /* set when filtered to an entity */
	struct event_pos pos;
	int have_pos;
};

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_FILTER,          /* f: the timeline follows as you type */
	PROMPT_SEARCH,          /* / in the article: this article's text */
	PROMPT_FIND,            /* / in the timeline: every article's text */
	PROMPT_COMMAND,         /* :save NAME, :export FILE ... */
	PROMPT_TAGS,            /* t: the selected event's tags */
	PROMPT_NOTE,            /* a without $EDITOR: its note, one line */
};

/* A key as the loop read it: a curses key code or a character, and the
 * action the key map binds it to (ACT_NONE for a character whose code
 * point happens to equal a key code). */
struct key {
	int code;
	int is_key;             /* code is a curses key code */
	enum action action;
};

struct app;
struct buf;

/* What each pane does, filled with designated initialisers. A pane keeps
 * its state private, in the data that init returns; app.c holds it and
 * the pane's functions find it there. */
struct pane_ops {
	const char *name;
	void *(*init)(struct app *app);
	void (*free)(void *data);
	void (*draw)(struct app *app, const struct rect *r, int focused);
	/* 1 when the action was for this pane */
	int (*handle)(struct app *app, enum action a);
	/* The timeline selected another event (app->detail is its detail). */
	void (*event_selected)(struct app *app);
};

struct pane {
	const struct pane_ops *ops;
	void *data;
};

enum layer_id {
	LAYER_PROMPT,           /* the bottom line's prompt */
	LAYER_VIEWS,            /* the saved views list */
	LAYER_HELP,
	LAYER_COUNT,
};

/* What lies over the panes, drawn in the order of enum layer_id; the
 * first open one takes the keys. */
struct layer_ops {
	const char *name;
	void *(*init)(struct app *app);
	void (*free)(void *data);
	int (*is_open)(struct app *app);
	void (*draw)(struct app *app);
	void (*handle)(struct app *app, const struct key *k);
	int cursor;             /* the terminal's cursor shows while open */
};

struct layer {
	const struct layer_ops *ops;
	void *data;
};

struct app {
	struct db *db;
	struct view view;
	struct view *stack;
	int depth, stack_cap;
	enum pane_id focus;
	int visible[PANE_COUNT];
	struct rect rect[PANE_COUNT];
	struct rect strip;      /* the histogram, above the timeline */
	int rows, cols;
	int single;             /* one pane at a time */
	int xref_strip;         /* cross-references below, full width */
	int xref_hidden;        /* toggled off in the middle layout */
	int too_small;
	int dirty;              /* something must be drawn */
	int quit;
	char message[512];
	int message_error;
	struct event_detail detail;
	int have_detail;
	struct pane pane[PANE_COUNT];
	struct layer layer[LAYER_COUNT];
	int histogram;          /* set histogram on|off */
	const char *config_path;
	struct filter *expr;    /* the current view's compiled filter */
};

extern const struct pane_ops timeline_ops;
extern const struct pane_ops article_pane_ops;
extern const struct pane_ops xref_ops;
extern const struct layer_ops prompt_layer_ops;
extern const struct layer_ops viewlist_layer_ops;
extern const struct layer_ops help_layer_ops;

/* app.c */
void app_message(struct app *app, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_message_clear(struct app *app);
/* The timeline selected another event: load its detail and tell the
 * panes. */
void app_event_selected(struct app *app);
/* Filter the timeline to an entity's events, keeping the way back. */
void app_push_entity(struct app *app, long long id, const char *name);
int app_back(struct app *app);
/* Apply a new filter (the view stays the same level). */
void app_apply_filter(struct app *app, const char *text);
void app_count_message(struct app *app);
/* The filter line's text changed: run it, keeping the last good result;
 * -1 with ERR and *COLUMN (1-based, 0 none) filled when it does not
 * compile. */
int app_filter_live(struct app *app, const char *text, char *err,
    size_t size, int *column);
long long app_now_ms(void);

/* For db_set_stop(): stop a long query at a deadline (milliseconds of
 * app_now_ms, 0 none) or when a key is waiting. */
struct app_stop {
	long long deadline;
	int on_input;           /* and when the terminal is no longer */
	int rows, cols;         /* this size */
};
int app_should_stop(void *arg);
/* The terminal is gone: SIGHUP came, or it polls as hung up (under nohup
 * no signal comes). The loop then stops. */
int app_hung_up(void);

/* timeline.c */
void timeline_reload(struct app *app, const struct event_pos *near);
/* Reloads the timeline where it is (after a bookmark, tags, a note). */
void timeline_refresh(struct app *app);
/* 1 when counts the timeline shows are not done yet. */
int timeline_pending(const struct app *app);
/* Finishes the counts the timeline shows (total, position, months) until
 * a key is waiting: 1 when there were any to do. */
int timeline_settle(struct app *app);
/* "12/25", with ... for what is not counted yet. */
void timeline_position(const struct app *app, char *out, size_t size);
/* 0 with *TOTAL the events of the view, -1 while they are not counted. */
int timeline_total(const struct app *app, long long *total);
const struct event_row *timeline_selected(const struct app *app);
int timeline_reversed(const struct app *app);
void timeline_set_reversed(struct app *app, int reversed);
/* Tags "a b" as "#a #b", added to OUT. */
void timeline_tags_text(const char *tags, struct buf *out);

/* article.c */
/* '/' in the article: TEXT is a phrase; the first match is shown. */
void article_pane_search(struct app *app, const char *text);
const char *article_pane_search_text(const struct app *app);
/* The words of a search through every article: marked in each article
 * loaded from now on. */
void article_pane_mark_words(struct app *app, const char *words);
/* The next draw scrolls the article to its first match. */
void article_pane_show_first_match(struct app *app);

/* prompt.c */
void prompt_open(struct app *app, enum prompt_kind kind);
/* The tags or note line for an event: what Enter keeps is for it. */
void prompt_open_event(struct app *app, enum prompt_kind kind,
    long long event_id);
/* The filter line opened on TEXT, which did not compile: ERROR under it
 * at COLUMN. */
void prompt_filter_error(struct app *app, const char *text,
    const char *error, int column);
/* 0, or -1 when TEXT is not in the locale's character set, -2 when it is
 * longer than the line holds (the line then has what it could take). */
int prompt_set_text(struct app *app, const char *text);
/* Runs a pending filter whose typing pause is over; the milliseconds to
 * wait for it otherwise, or -1 when nothing is pending. */
int prompt_tick(struct app *app);
void prompt_close(struct app *app);

/* command.c: ':' commands. */
void command_run(struct app *app, const char *text);

/* find.c: '/' in the timeline, through the text of every article. */
int find_accept(struct app *app, const char *text, char *err, size_t size,
    int *column);
void find_step(struct app *app, int dir);
/* The search n and N go through, "" when there is none. */
const char *find_text(void);

/* annotate.c: what the user keeps on events (m, t, a). */
void annotate_bookmark(struct app *app);
void annotate_tags(struct app *app);
int annotate_tags_accept(struct app *app, long long event_id,
    const char *text, char *err, size_t size);
void annotate_note(struct app *app);
int annotate_note_accept(struct app *app, long long event_id,
    const char *text, char *err, size_t size);

/* viewlist.c: the saved views list. */
void viewlist_open(struct app *app);

/* help.c */
void help_open(struct app *app);

/* config.c: reads the config file; bad lines give a message naming the
 * file and line, and the rest still applies. */
void config_load(struct app *app, const char *path);
const char *config_default_path(char *buf, int size);
/* PATH as a user writes it, $HOME as "~" (in BUF when it is). */
const char *config_shown_path(const char *path, char *buf, size_t size);

#endif
