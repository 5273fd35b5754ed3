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
#include "scotl/mention.h"
#include "scotl/views.h"

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

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_FILTER,          /* f: the timeline follows as you type */
	PROMPT_SEARCH,          /* / in the article: this article's text */
	PROMPT_FIND,            /* / in the timeline: every article's text */
	PROMPT_COMMAND,         /* :save NAME, :export FILE ... */
	PROMPT_TAGS,            /* t: the selected event's tags */
	PROMPT_NOTE,            /* a without $EDITOR: its note, one line */
};

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

/* The saved views overlay ('v'). */
struct viewlist {
	int open;
	struct saved_view *views;
	int n, sel, top;
};

/* '/' in the timeline: the words, and the events of the view that hold
 * them are what n and N go through. */
struct find {
	char text[256];         /* "" when there is no search */
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
	int help;               /* the help overlay is open */
	int help_top;           /* its first line shown */
	int dirty;              /* something must be drawn */
	int quit;
	char message[512];
	int message_error;
	struct event_detail detail;
	int have_detail;
	struct timeline tl;
	struct article_pane ap;
	struct xref xr;
	struct prompt pr;
	int histogram;          /* set histogram on|off */
	const char *config_path;
	struct filter *expr;    /* the current view's compiled filter */
	struct viewlist vl;
	struct find find;
};

/* What each pane does, filled with designated initialisers. */
struct pane_ops {
	const char *name;
	void (*draw)(struct app *app, const struct rect *r, int focused);
	/* 1 when the action was for this pane */
	int (*handle)(struct app *app, enum action a);
};

extern const struct pane_ops timeline_ops;
extern const struct pane_ops article_pane_ops;
extern const struct pane_ops xref_ops;

/* app.c */
void app_message(struct app *app, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The timeline selected another event: load its detail for the panes. */
void app_event_selected(struct app *app);
/* Filter the timeline to an entity's events, keeping the way back. */
void app_push_entity(struct app *app, long long id, const char *name);
int app_back(struct app *app);
/* Apply a new filter (the view stays the same level). */
void app_apply_filter(struct app *app, const char *text);
void app_count_message(struct app *app);

/* timeline.c */
void timeline_reload(struct app *app, const struct event_pos *near);
/* Reloads the timeline where it is (after a bookmark, tags, a note). */
void timeline_refresh(struct app *app);
/* Finishes the counts the timeline shows (total, position, months) until
 * a key is waiting: 1 when there were any to do. */
int timeline_settle(struct app *app);
/* "12/25", with ... for what is not counted yet. */
void timeline_position(const struct app *app, char *out, size_t size);
void timeline_free(struct timeline *tl);
const struct event_row *timeline_selected(const struct app *app);
/* Tags "a b" as "#a #b", added to OUT. */
void timeline_tags_text(const char *tags, struct buf *out);

/* article.c */
void article_pane_load(struct app *app);
void article_pane_free(struct article_pane *ap);
void article_pane_search(struct app *app, const char *text);

/* xref.c */
void xref_load(struct app *app);
void xref_free(struct xref *xr);

/* The filter line's text changed: run it, keeping the last good result
 * and showing the error when it does not compile. */
void app_filter_live(struct app *app, const char *text);
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

/* prompt.c */
void prompt_open(struct app *app, enum prompt_kind kind);
/* 0, or -1 when TEXT is not in the locale's character set, -2 when it is
 * longer than the line holds (the line then has what it could take). */
int prompt_set_text(struct app *app, const char *text);
int prompt_key(struct app *app, int is_key, int ch);
void prompt_draw(struct app *app, int y, int width);
/* Runs a pending filter whose typing pause is over; the milliseconds to
 * wait for it otherwise, or -1 when nothing is pending. */
int prompt_tick(struct app *app);
void prompt_close(struct app *app);

/* command.c: ':' commands. */
void command_run(struct app *app, const char *text);

/* find.c: '/' in the timeline, through the text of every article. */
int find_accept(struct app *app, const char *text, char *err, size_t size);
void find_step(struct app *app, int dir);

/* annotate.c: what the user keeps on events (m, t, a). */
void annotate_bookmark(struct app *app);
void annotate_tags(struct app *app);
int annotate_tags_accept(struct app *app, const char *text, char *err,
    size_t size);
void annotate_note(struct app *app);
int annotate_note_accept(struct app *app, const char *text, char *err,
    size_t size);

/* viewlist.c: the saved views overlay. */
void viewlist_open(struct app *app);
void viewlist_key(struct app *app, enum action a, int ch);
void viewlist_draw(struct app *app);
void viewlist_free(struct viewlist *vl);

/* help.c */
void help_draw(struct app *app);
/* A key while the help is open: 1 when it scrolled the help, 0 when it
 * closed it. */
int help_key(struct app *app, enum action a);

/* config.c: reads the config file; bad lines give a message naming the
 * file and line, and the rest still applies. */
void config_load(struct app *app, const char *path);
const char *config_default_path(char *buf, int size);
/* PATH as a user writes it, $HOME as "~" (in BUF when it is). */
const char *config_shown_path(const char *path, char *buf, size_t size);

#endif
