/* SPDX-License-Identifier: ISC */
/* The article in a saved page, not the page: blocks of libxml2's tree
 * scored by their text, links, punctuation, paragraphs, tags and class
 * words, the best one kept with the siblings that score well, and what
 * is left of the page inside it (menus, share bars, comment threads,
 * "Related", "Читайте также", "相关新闻" blocks) dropped. Private to
 * model/import and its tests. */
#ifndef SCOTL_IMPORT_READABLE_H
#define SCOTL_IMPORT_READABLE_H

#include <libxml/HTMLparser.h>

#include "scotl/util.h"

/* An article shorter than READABLE_MIN_CHARS characters is not trusted:
 * the page is read again without dropping unlikely blocks first. One
 * shorter than READABLE_SHORT_CHARS is none: the page is read whole
 * (html_text), so a short page or a plain document loses nothing. */
#define READABLE_MIN_CHARS 500
#define READABLE_SHORT_CHARS 140

/* Appends the article of DOC (may be NULL) to OUT, paragraphs and
 * headings in order; *title gets the page's <title> (NULL if none), as
 * html_text. Returns 1 when an article was found, 0 when OUT got the
 * page's whole visible text instead. */
int readable_text(htmlDocPtr doc, struct buf *out, char **title);

/* JSON-LD's articleBody LD (plain text) in place of OUT, when the page
 * agrees with it (READABLE_LD_AGREE of its first words are words of the
 * page's visible text: a body the page does not show is another text,
 * or a stale one) and either no article was found (FOUND 0: OUT holds
 * the whole page) or LD is READABLE_LD_LONGER times the article found
 * (the blocks chosen missed part of it). A body cut short, as many sites
 * give it, is never taken for the article found. Returns 1 when LD was
 * taken. */
#define READABLE_LD_LONGER 1.3
int readable_ld_body(htmlDocPtr doc, const char *ld, int found,
    struct buf *out);

#endif
