/* SPDX-License-Identifier: ISC */
/* Saved pages read with libxml2's HTML parser, set up for untrusted
 * input (STYLE.md rule 13): no network, no DTD, no external entities,
 * depth capped, its messages collected and never printed. Private to
 * model/import and its tests: tui/ reaches pages through scotl/text.h. */
#ifndef SCOTL_IMPORT_HTML_H
#define SCOTL_IMPORT_HTML_H

#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "scotl/util.h"

/* Elements nested deeper than this are folded into their ancestor at
 * this depth, their text kept: below libxml2's own cap of 256, which
 * stops the parse and would lose the rest of the page. */
#define HTML_DEPTH 200

/* What the parser said about a page: how many errors (the first one's
 * line and libxml2 code), how many elements were folded. */
struct html_report {
	long errors;
	int first_line;
	int first_code;
	long folded;            /* elements folded at HTML_DEPTH */
};

/* Parses LEN bytes of UTF-8 (never guessed: the caller converted them).
 * Returns a document to free with xmlFreeDoc, or NULL when there is none
 * (empty or oversized input). REP may be NULL. */
htmlDocPtr html_parse(const char *s, size_t len, struct html_report *rep);

/* The visible text of DOC: block elements as paragraphs, <br> as a line
 * break, scripts, styles, the head and the page's navigation, asides and
 * footers left out (a footer inside an <article> or a <blockquote> is
 * kept). Appends to OUT; *title gets the first <title> (NULL if none or
 * empty). */
void html_text(htmlDocPtr doc, struct buf *out, char **title);

/* The first <title>'s text with its white space made single spaces;
 * NULL when none or empty. A copy to free. */
char *html_title(htmlDocPtr doc);

/* Asked of each element html_text_of meets: 0 leaves it out, with all
 * it holds, as a paragraph break (or a space if it is inline). */
typedef int html_keep_fn(xmlNodePtr n, void *data);

/* Appends the text of the element N as html_text writes a page, as its
 * own paragraph; KEEP (may be NULL) chooses among the elements it holds.
 * html_text_end then trims what was appended. */
void html_text_of(xmlNodePtr n, struct buf *out, html_keep_fn *keep,
    void *data);
void html_text_end(struct buf *out);

/* 1 when N is an element html_text makes a paragraph of, or one it
 * never shows (script, style, the head...). */
int html_is_block(xmlNodePtr n);
int html_is_hidden(xmlNodePtr n);

/* The charset the raw bytes of a page declare, before any conversion:
 * the XML declaration's encoding, else the first <meta charset> or
 * <meta http-equiv="Content-Type" content="...charset=..."> among the
 * first HTML_PRESCAN bytes, parsed as ISO-8859-1. "" when none. */
#define HTML_PRESCAN 16384
void html_charset(const char *s, size_t len, char *out, size_t size);

#endif
