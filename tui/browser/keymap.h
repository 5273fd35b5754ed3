/* SPDX-License-Identifier: ISC */
/* Keys become actions through one table: the defaults below, changed by
 * 'bind KEY ACTION' lines of the config file. The help overlay is made
 * from the same table, so it always says what the keys do. */
#ifndef SCOTL_KEYMAP_H
#define SCOTL_KEYMAP_H

enum action {
	ACT_NONE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_FIRST,
	ACT_LAST,
	ACT_NEXT_PANE,
	ACT_PREV_PANE,
	ACT_ENTER,
	ACT_BACK,
	ACT_SEARCH,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_FILTER,
	ACT_REVERSE,
	ACT_PREV_ARTICLE,
	ACT_NEXT_ARTICLE,
	ACT_PARTNERS,
	ACT_TOGGLE_XREF,
	ACT_BOOKMARK,
	ACT_TAGS,
	ACT_NOTE,
	ACT_VIEWS,
	ACT_COMMAND,
	ACT_HELP,
	ACT_REDRAW,
	ACT_SUSPEND,
	ACT_QUIT,
	ACT_COUNT,
};

/* Keys are curses key codes; characters are their code point. */
enum action keymap_action(int key);

const char *keymap_action_help(enum action a);

/* A config line "bind KEY ACTION": 0, or -1 with a message. ACTION may be
 * "none" to unbind. */
int keymap_bind(const char *key, const char *action, char *err, int errsize);

/* "j", "Enter", "C-d", "PgDn"... and back. */
int keymap_key_parse(const char *name, int *key);
void keymap_key_name(int key, char *out, int size);

/* The keys bound to an action, joined by ", " (empty when none). */
void keymap_keys_of(enum action a, char *out, int size);

/* Back to the defaults (for tests and a fresh start). */
void keymap_reset(void);

#endif
