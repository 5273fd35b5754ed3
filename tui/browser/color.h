/* SPDX-License-Identifier: ISC */
/* The colours and attributes of each area of the screen, for 256-colour,
 * 8-colour and monochrome terminals, set from the config file's 'color'
 * lines. NO_COLOR in the environment turns colours off. */
#ifndef SCOTL_COLOR_H
#define SCOTL_COLOR_H

enum area {
	AREA_NORMAL,
	AREA_TITLE,             /* pane titles */
	AREA_TITLE_FOCUS,       /* the focused pane's title */
	AREA_HEADER,            /* year and month headers */
	AREA_CURSOR,            /* the selected line of the focused pane */
	AREA_CURSOR_BLUR,       /* the selected line of another pane */
	AREA_DATE,
	AREA_KIND,
	AREA_CURATED,           /* the mark of a curated event */
	AREA_EXTRACTED,         /* the mark of an extracted event */
	AREA_DISPUTED,
	AREA_MARK,              /* bookmarks, notes and tags of the user */
	AREA_PERSON,
	AREA_STATE,
	AREA_ORGANISATION,
	AREA_PLACE,
	AREA_EVIDENCE,          /* the sentence that supports the event */
	AREA_MATCH,             /* search matches */
	AREA_HISTOGRAM,
	AREA_HISTOGRAM_MARK,    /* the selected month in the strip */
	AREA_BORDER,
	AREA_STATUS,
	AREA_PROMPT,
	AREA_ERROR,
	AREA_HELP,
	AREA_COUNT,
};

/* Call after initscr(): picks 256, 8 or no colours from terminfo and the
 * environment, and applies what the config set. */
void color_init(void);

/* The attribute (colour pair included) to draw an area with. */
unsigned long color_attr(enum area a);

/* A config line "color AREA FG BG [ATTR...]": 0, or -1 with a message. */
int color_config(int argc, char **argv, char *err, int errsize);

/* The area an entity of KIND ("person", "state", "organisation",
 * "place") is drawn in. */
enum area color_entity_area(const char *kind);

#endif
