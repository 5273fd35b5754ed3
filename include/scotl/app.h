/* The browser: its state, the panes and the loop that joins them. Keys
 * become actions (keymap.h); the focused pane gets an action first, then
 * the application; handlers change state and mark what must be drawn; the
 * loop draws once per key. */
#ifndef SCOTL_APP_H
#define SCOTL_APP_H

#include "scotl/db.h"
#include "scotl/events.h"
#include "scotl/keymap.h"
#include "scotl/mention.h"

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

struct timeline {
	struct event_list buf;  /* a window of the filter, oldest first */
	int sel;                /* selected event in buf, -1 when none */
	int top;                /* first display line shown */
	int at_start, at_end;   /* buf reaches the filter's first/last event */
	struct timeline_line *lines;
	int nlines, linecap;
	long long total, rank;  /* count of the filter, position of sel */
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
	struct article_line *lines;
	int nlines, linecap, wrap_width;
	int top;
	int height;             /* lines of text shown at the last draw */
	char search[256];
	size_t *matches;        /* byte offsets of search matches */
	int nmatches, match;
};

struct xref_item {
	long long entity_id;
	char kind[16];
	char *name;
	char *detail;           /* role and state, or SCO status */
	long long count;        /* other events, or shared events */
	int header;             /* a section title, not an entity */
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
	PROMPT_FILTER,
	PROMPT_SEARCH,
};

struct prompt {
	enum prompt_kind kind;
	wchar_t text[256];
	int len, cursor;
	char error[1100];       /* the last filter's error, shown under it */
	int error_column;       /* 1-based column of the text it names */
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
int app_run(struct db *db, int fresh, const char *config_path);
void app_message(struct app *app, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The timeline selected another event: load its detail for the panes. */
void app_event_selected(struct app *app);
/* Filter the timeline to an entity's events, keeping the way back. */
void app_push_entity(struct app *app, long long id, const char *name);
int app_back(struct app *app);
/* Apply a new filter (the view stays the same level). */
void app_apply_filter(struct app *app, const char *text);
void app_open_prompt(struct app *app, enum prompt_kind kind);
void app_prompt_set_text(struct app *app, const char *text);

/* timeline.c */
void timeline_reload(struct app *app, const struct event_pos *near);
void timeline_free(struct timeline *tl);
const struct event_row *timeline_selected(const struct app *app);

/* article.c */
void article_pane_load(struct app *app);
void article_pane_free(struct article_pane *ap);
void article_pane_search(struct app *app, const char *text);

/* xref.c */
void xref_load(struct app *app);
void xref_free(struct xref *xr);

/* prompt.c */
int prompt_key(struct app *app, int is_key, int ch);
void prompt_draw(struct app *app, int y, int width);

/* help.c */
void help_draw(struct app *app);
/* A key while the help is open: 1 when it scrolled the help, 0 when it
 * closed it. */
int help_key(struct app *app, enum action a);

/* config.c: reads the config file; bad lines give a message naming the
 * file and line, and the rest still applies. */
void config_load(struct app *app, const char *path);
const char *config_default_path(char *buf, int size);

#endif
