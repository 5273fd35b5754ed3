/* SPDX-License-Identifier: ISC */
/* What a saved page says of itself: its title, publication day,
 * canonical address, source and author, from its <meta> tags, JSON-LD,
 * <title>, headings, <time> elements, address and dateline. Private to
 * model/import and its tests: tui/ reaches it through scotl/text.h. */
#ifndef SCOTL_IMPORT_PAGEMETA_H
#define SCOTL_IMPORT_PAGEMETA_H

#include <libxml/HTMLparser.h>

#include "scotl/text.h"

/* Fills PAGE (zeroed) from DOC (NULL: nothing found) and TEXT, the
 * page's visible text (html_text's), where a dateline may be. */
void pagemeta_find(htmlDocPtr doc, const char *text, struct text_page *page);

/* The day a date written in a page names, as written (not converted to
 * UTC): ISO 8601, RFC 822, "2022/08/18", "August 18, 2022"... 0 and
 * YYYY-MM-DD in OUT, or -1. */
int pagemeta_day(const char *text, char out[11]);

#endif
