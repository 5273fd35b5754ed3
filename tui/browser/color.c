/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "browser/color.h"
#include "browser/curses.h"

/* How an area looks: colours in 256- and 8-colour terminals (-1 is the
 * terminal's default), and the attributes that carry its meaning when
 * there is no colour at all. */
struct color_style {
	const char *name;
	short fg256, bg256;
	short fg8, bg8;
	unsigned long attr;     /* with colours */
	unsigned long mono;     /* without */
};

static struct color_style color_styles[AREA_COUNT] = {
	[AREA_NORMAL] = { "normal", -1, -1, -1, -1, 0, 0 },
	[AREA_TITLE] = { "title", 250, 236, COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE },
	[AREA_TITLE_FOCUS] = { "title-focus", 231, 25, COLOR_WHITE, COLOR_BLUE,
	    A_BOLD, A_REVERSE | A_BOLD },
	[AREA_HEADER] = { "header", 179, -1, COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[AREA_CURSOR] = { "cursor", 231, 24, COLOR_WHITE, COLOR_BLUE, A_BOLD,
	    A_REVERSE },
	[AREA_CURSOR_BLUR] = { "cursor-blur", -1, 238, COLOR_BLACK, COLOR_WHITE, 0,
	    A_UNDERLINE },
	[AREA_DATE] = { "date", 109, -1, COLOR_CYAN, -1, 0, 0 },
	[AREA_KIND] = { "kind", 245, -1, COLOR_WHITE, -1, 0, A_DIM },
	[AREA_CURATED] = { "curated", 114, -1, COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[AREA_EXTRACTED] = { "extracted", 215, -1, COLOR_YELLOW, -1, 0, 0 },
	[AREA_DISPUTED] = { "disputed", 203, -1, COLOR_RED, -1, A_BOLD, A_BOLD },
	[AREA_MARK] = { "mark", 214, -1, COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[AREA_PERSON] = { "person", 117, -1, COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[AREA_STATE] = { "state", 150, -1, COLOR_GREEN, -1, 0, A_UNDERLINE },
	[AREA_ORGANISATION] = { "organisation", 183, -1, COLOR_MAGENTA, -1, 0,
	    A_UNDERLINE },
	[AREA_PLACE] = { "place", 180, -1, COLOR_YELLOW, -1, 0, 0 },
	[AREA_EVIDENCE] = { "evidence", -1, 236, -1, -1, A_UNDERLINE, A_UNDERLINE },
	[AREA_MATCH] = { "match", 16, 220, COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	[AREA_HISTOGRAM] = { "histogram", 67, -1, COLOR_BLUE, -1, 0, 0 },
	[AREA_HISTOGRAM_MARK] = { "histogram-mark", 220, -1, COLOR_YELLOW, -1,
	    A_REVERSE, A_REVERSE },
	[AREA_BORDER] = { "border", 240, -1, COLOR_BLUE, -1, 0, 0 },
	[AREA_STATUS] = { "status", 252, 236, COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE },
	[AREA_PROMPT] = { "prompt", -1, -1, -1, -1, A_BOLD, A_BOLD },
	[AREA_ERROR] = { "error", 231, 124, COLOR_WHITE, COLOR_RED, A_BOLD,
	    A_REVERSE | A_BOLD },
	[AREA_HELP] = { "help", 252, 235, COLOR_WHITE, COLOR_BLACK, 0, 0 },
};

static enum { COLOR_MONO, COLOR_8, COLOR_256 } color_depth;

static const struct {
	const char *name;
	short value;
} color_names[] = {
	{ "default", -1 }, { "black", COLOR_BLACK }, { "red", COLOR_RED },
	{ "green", COLOR_GREEN }, { "yellow", COLOR_YELLOW },
	{ "blue", COLOR_BLUE }, { "magenta", COLOR_MAGENTA },
	{ "cyan", COLOR_CYAN }, { "white", COLOR_WHITE },
};

static const struct {
	const char *name;
	unsigned long attr;
} color_attrs[] = {
	{ "normal", A_NORMAL }, { "bold", A_BOLD }, { "dim", A_DIM },
	{ "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
	{ "standout", A_STANDOUT }, { "blink", A_BLINK },
};

enum area
color_entity_area(const char *kind)
{
	if (strcmp(kind, "person") == 0)
		return AREA_PERSON;
	if (strcmp(kind, "state") == 0)
		return AREA_STATE;
	if (strcmp(kind, "organisation") == 0)
		return AREA_ORGANISATION;
	return AREA_PLACE;
}

void
color_init(void)
{
	const char *no_color = getenv("NO_COLOR");
	int i;

	color_depth = COLOR_MONO;
	/* NO_COLOR: any non-empty value turns colour off (no-color.org). */
	if ((no_color != NULL && *no_color != '\0') || !has_colors() ||
	    start_color() == ERR)
		return;
	use_default_colors();
	color_depth = COLORS >= 256 ? COLOR_256 : COLOR_8;
	for (i = 1; i < AREA_COUNT && i < COLOR_PAIRS; i++) {
		const struct color_style *s = &color_styles[i];

		if (color_depth == COLOR_256)
			init_pair((short)i, s->fg256, s->bg256);
		else
			init_pair((short)i, s->fg8, s->bg8);
	}
}

unsigned long
color_attr(enum area a)
{
	const struct color_style *s = &color_styles[a];

	if (color_depth == COLOR_MONO)
		return s->mono;
	if (a == AREA_NORMAL)
		return s->attr;
	return s->attr | COLOR_PAIR(a);
}

/* "red", "default", or a number 0-255 ("color123" too). */
static int
color_parse(const char *name, short *out)
{
	char *end;
	long v;
	size_t i;

	for (i = 0; i < sizeof color_names / sizeof *color_names; i++) {
		if (strcasecmp(name, color_names[i].name) == 0) {
			*out = color_names[i].value;
			return 0;
		}
	}
	if (strncasecmp(name, "color", 5) == 0)
		name += 5;
	v = strtol(name, &end, 10);
	if (*name == '\0' || *end != '\0' || v < 0 || v > 255)
		return -1;
	*out = (short)v;
	return 0;
}

int
color_config(int argc, char **argv, char *err, int errsize)
{
	unsigned long attr = 0;
	short fg, bg;
	int a, i;
	size_t k;

	if (argc < 3) {
		snprintf(err, (size_t)errsize, "color needs AREA FG BG [ATTR...]");
		return -1;
	}
	for (a = 0; a < AREA_COUNT; a++)
		if (strcasecmp(argv[0], color_styles[a].name) == 0)
			break;
	if (a == AREA_COUNT) {
		snprintf(err, (size_t)errsize, "'%s' is not an area (see 'scotl "
		    "--help' and scotl(1))", argv[0]);
		return -1;
	}
	if (color_parse(argv[1], &fg) != 0 || color_parse(argv[2], &bg) != 0) {
		snprintf(err, (size_t)errsize, "'%s %s' are not colours (a name "
		    "such as red, default, or a number 0-255)", argv[1], argv[2]);
		return -1;
	}
	for (i = 3; i < argc; i++) {
		for (k = 0; k < sizeof color_attrs / sizeof *color_attrs; k++)
			if (strcasecmp(argv[i], color_attrs[k].name) == 0)
				break;
		if (k == sizeof color_attrs / sizeof *color_attrs) {
			snprintf(err, (size_t)errsize, "'%s' is not an attribute "
			    "(bold, dim, underline, reverse, standout, blink)", argv[i]);
			return -1;
		}
		attr |= color_attrs[k].attr;
	}
	color_styles[a].fg256 = fg;
	color_styles[a].bg256 = bg;
	/* Colours above 7 have no 8-colour meaning: the default stays. */
	color_styles[a].fg8 = fg < 8 ? fg : color_styles[a].fg8;
	color_styles[a].bg8 = bg < 8 ? bg : color_styles[a].bg8;
	color_styles[a].attr = attr;
	return 0;
}
