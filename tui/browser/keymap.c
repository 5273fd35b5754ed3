/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "browser/curses.h"
#include "browser/keymap.h"

#define KEYMAP_MAX 128
#define CTRL(c) ((c) & 0x1f)

static const struct {
	const char *name;
	const char *help;
} keymap_actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", "nothing" },
	[ACT_DOWN] = { "down", "move down a line" },
	[ACT_UP] = { "up", "move up a line" },
	[ACT_PAGE_DOWN] = { "page-down", "move down a page" },
	[ACT_PAGE_UP] = { "page-up", "move up a page" },
	[ACT_HALF_DOWN] = { "half-page-down", "move down half a page" },
	[ACT_HALF_UP] = { "half-page-up", "move up half a page" },
	[ACT_FIRST] = { "first", "go to the first line" },
	[ACT_LAST] = { "last", "go to the last line" },
	[ACT_NEXT_PANE] = { "next-pane", "focus the next pane" },
	[ACT_PREV_PANE] = { "previous-pane", "focus the previous pane" },
	[ACT_ENTER] = { "enter", "cross-references: show the entity's events" },
	[ACT_BACK] = { "back", "back to the previous view" },
	[ACT_SEARCH] = { "search", "search all articles (timeline) or this one" },
	[ACT_SEARCH_NEXT] = { "search-next", "next match: event, or place in the article" },
	[ACT_SEARCH_PREV] = { "search-previous", "previous match" },
	[ACT_FILTER] = { "filter", "filter as you type; Up/Down: history" },
	[ACT_REVERSE] = { "reverse", "newest first / oldest first" },
	[ACT_PREV_ARTICLE] = { "previous-article", "previous article of the event" },
	[ACT_NEXT_ARTICLE] = { "next-article", "next article of the event" },
	[ACT_PARTNERS] = { "partners", "people who share events with a person" },
	[ACT_TOGGLE_XREF] = { "toggle-xref", "show or hide cross-references" },
	[ACT_BOOKMARK] = { "bookmark", "bookmark the event or unmark it" },
	[ACT_TAGS] = { "tags", "tag the event (tag:NAME finds it)" },
	[ACT_NOTE] = { "note", "note on the event, in $EDITOR" },
	[ACT_VIEWS] = { "views", "saved views (:save NAME saves one)" },
	[ACT_COMMAND] = { "command", ":save :view :delete NAME, :export FILE" },
	[ACT_HELP] = { "help", "this help" },
	[ACT_REDRAW] = { "redraw", "redraw the screen" },
	[ACT_SUSPEND] = { "suspend", "suspend (fg to come back)" },
	[ACT_QUIT] = { "quit", "quit" },
};

struct keymap_binding {
	int key;
	enum action action;
};

static const struct keymap_binding keymap_defaults[] = {
	{ 'j', ACT_DOWN }, { KEY_DOWN, ACT_DOWN },
	{ 'k', ACT_UP }, { KEY_UP, ACT_UP },
	{ KEY_NPAGE, ACT_PAGE_DOWN }, { ' ', ACT_PAGE_DOWN },
	{ CTRL('f'), ACT_PAGE_DOWN },
	{ KEY_PPAGE, ACT_PAGE_UP }, { CTRL('b'), ACT_PAGE_UP },
	{ CTRL('d'), ACT_HALF_DOWN }, { CTRL('u'), ACT_HALF_UP },
	{ 'g', ACT_FIRST }, { KEY_HOME, ACT_FIRST },
	{ 'G', ACT_LAST }, { KEY_END, ACT_LAST },
	{ '\t', ACT_NEXT_PANE }, { 'l', ACT_NEXT_PANE }, { KEY_RIGHT, ACT_NEXT_PANE },
	{ KEY_BTAB, ACT_PREV_PANE }, { 'h', ACT_PREV_PANE }, { KEY_LEFT, ACT_PREV_PANE },
	{ '\n', ACT_ENTER }, { '\r', ACT_ENTER }, { KEY_ENTER, ACT_ENTER },
	{ KEY_BACKSPACE, ACT_BACK }, { 127, ACT_BACK }, { CTRL('h'), ACT_BACK },
	{ '/', ACT_SEARCH }, { 'n', ACT_SEARCH_NEXT }, { 'N', ACT_SEARCH_PREV },
	{ 'f', ACT_FILTER }, { 'o', ACT_REVERSE },
	{ '[', ACT_PREV_ARTICLE }, { ']', ACT_NEXT_ARTICLE },
	{ 'c', ACT_PARTNERS }, { 'x', ACT_TOGGLE_XREF },
	{ 'm', ACT_BOOKMARK }, { 't', ACT_TAGS }, { 'a', ACT_NOTE },
	{ 'v', ACT_VIEWS }, { ':', ACT_COMMAND },
	{ '?', ACT_HELP }, { KEY_F(1), ACT_HELP },
	{ CTRL('l'), ACT_REDRAW }, { CTRL('z'), ACT_SUSPEND },
	{ 'q', ACT_QUIT }, { CTRL('c'), ACT_QUIT },
};

static struct keymap_binding keymap[KEYMAP_MAX];
static int keymap_n = -1;

void
keymap_reset(void)
{
	keymap_n = (int)(sizeof keymap_defaults / sizeof *keymap_defaults);
	memcpy(keymap, keymap_defaults, sizeof keymap_defaults);
}

enum action
keymap_action(int key)
{
	int i;

	if (keymap_n < 0)
		keymap_reset();
	for (i = 0; i < keymap_n; i++)
		if (keymap[i].key == key)
			return keymap[i].action;
	return ACT_NONE;
}

const char *
keymap_action_help(enum action a)
{
	return keymap_actions[a].help;
}

static const struct {
	const char *name;
	int key;
} keymap_names[] = {
	{ "Down", KEY_DOWN }, { "Up", KEY_UP }, { "Left", KEY_LEFT },
	{ "Right", KEY_RIGHT }, { "PgDn", KEY_NPAGE }, { "PgUp", KEY_PPAGE },
	{ "Home", KEY_HOME }, { "End", KEY_END }, { "Enter", '\n' },
	{ "Return", '\r' }, { "KpEnter", KEY_ENTER }, { "Tab", '\t' },
	{ "S-Tab", KEY_BTAB }, { "Backspace", KEY_BACKSPACE }, { "Del", 127 },
	{ "Space", ' ' }, { "Esc", 27 }, { "F1", KEY_F(1) }, { "F2", KEY_F(2) },
	{ "F3", KEY_F(3) }, { "F4", KEY_F(4) }, { "F5", KEY_F(5) },
	{ "Insert", KEY_IC }, { "Delete", KEY_DC },
};

int
keymap_key_parse(const char *name, int *key)
{
	size_t i;

	for (i = 0; i < sizeof keymap_names / sizeof *keymap_names; i++) {
		if (strcasecmp(name, keymap_names[i].name) == 0) {
			*key = keymap_names[i].key;
			return 0;
		}
	}
	/* C-x and ^X are control keys. */
	if ((name[0] == '^' || (strncasecmp(name, "C-", 2) == 0 && name[2])) &&
	    strlen(name) == (size_t)(name[0] == '^' ? 2 : 3)) {
		char c = name[strlen(name) - 1];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '[' ||
		    c == '\\' || c == ']') {
			*key = CTRL(c);
			return 0;
		}
	}
	if (strlen(name) == 1 && (unsigned char)name[0] > ' ' &&
	    (unsigned char)name[0] < 127) {
		*key = (unsigned char)name[0];
		return 0;
	}
	return -1;
}

void
keymap_key_name(int key, char *out, int size)
{
	size_t i;

	for (i = 0; i < sizeof keymap_names / sizeof *keymap_names; i++) {
		if (keymap_names[i].key == key) {
			snprintf(out, (size_t)size, "%s", keymap_names[i].name);
			return;
		}
	}
	if (key > 0 && key < 32)
		snprintf(out, (size_t)size, "C-%c", key + 'a' - 1);
	else if (key > 32 && key < 127)
		snprintf(out, (size_t)size, "%c", key);
	else
		snprintf(out, (size_t)size, "key %d", key);
}

int
keymap_bind(const char *keyname, const char *action, char *err, int errsize)
{
	int key, a, i;

	if (keymap_n < 0)
		keymap_reset();
	if (keymap_key_parse(keyname, &key) != 0) {
		snprintf(err, (size_t)errsize, "'%s' is not a key (a character, "
		    "C-x, Enter, Tab, PgDn...)", keyname);
		return -1;
	}
	for (a = 0; a < ACT_COUNT; a++)
		if (strcmp(action, keymap_actions[a].name) == 0)
			break;
	if (a == ACT_COUNT) {
		snprintf(err, (size_t)errsize, "'%s' is not an action (see the "
		    "help, '?')", action);
		return -1;
	}
	for (i = 0; i < keymap_n; i++) {
		if (keymap[i].key == key) {
			keymap[i].action = (enum action)a;
			return 0;
		}
	}
	if (keymap_n == KEYMAP_MAX) {
		snprintf(err, (size_t)errsize, "too many key bindings");
		return -1;
	}
	keymap[keymap_n].key = key;
	keymap[keymap_n++].action = (enum action)a;
	return 0;
}

void
keymap_keys_of(enum action a, char *out, int size)
{
	char name[32];
	size_t len = 0;
	int i;

	if (keymap_n < 0)
		keymap_reset();
	out[0] = '\0';
	for (i = 0; i < keymap_n; i++) {
			/* Return, keypad Enter, DEL and C-h are Enter and Backspace
		 * to a user: one name each is enough. */
		if (keymap[i].action != a || keymap[i].key == '\r' ||
		    keymap[i].key == KEY_ENTER || keymap[i].key == CTRL('h') ||
		    keymap[i].key == 127)
			continue;
		keymap_key_name(keymap[i].key, name, sizeof name);
		len = strlen(out);
		snprintf(out + len, (size_t)size - len, "%s%s", len ? ", " : "", name);
	}
}
