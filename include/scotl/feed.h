/* SPDX-License-Identifier: ISC */
/* News feeds: RSS 0.9x and 2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0, read
 * with libxml2's XML parser set up for untrusted input (no network, no
 * external entities, no DTD loading, its depth limit) into one record
 * per item or entry. What becomes of an item (its body read as a page,
 * the rows) is the importer's. */
#ifndef SCOTL_FEED_H
#define SCOTL_FEED_H

#include <stddef.h>

#include "scotl/util.h"

/* 1 when the bytes are a feed: a root element rss, rdf:RDF or feed,
 * after a byte-order mark (UTF-8 or UTF-16), an XML declaration,
 * comments and a document type. DECLARED gets the encoding the XML
 * declaration names ("" when none, or when a byte-order mark decides). */
int feed_sniff(const char *s, size_t len, char *declared, size_t size);

struct feed_item {
	char *title;            /* as written, may hold HTML when title_html */
	char *link;             /* NULL when none */
	char *date;             /* YYYY-MM-DD, NULL when none or not a date */
	char *date_text;        /* the date as written, NULL when none */
	char *author;           /* NULL when none */
	char *key;              /* guid, id, else link, else title */
	char *body;             /* content, else description or summary */
	int title_html;
	int body_html;          /* the body is HTML (or XHTML) to read as a page */
};

struct feed {
	const char *kind;       /* "RSS", "RSS 1.0", "Atom 1.0", "Atom 0.3" */
	char *title;            /* the channel's or feed's */
	struct feed_item *items;
	int n;
};

/* Parses the UTF-8 text of a feed (its declared encoding is ignored:
 * the text was converted). Fails with a message saying where the XML is
 * broken or what it lacks. */
int feed_parse(const char *utf8, size_t len, struct feed *f, struct err *e);
void feed_free(struct feed *f);

/* A feed's date, RFC 822 (pubDate, in its real-world variants) or ISO
 * 8601 (dc:date, published, updated...), to the day it names where it
 * was written: YYYY-MM-DD in OUT. 0, or -1 when it is not a date. */
int feed_date(const char *text, char out[11]);

#endif
