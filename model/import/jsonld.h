/* SPDX-License-Identifier: ISC */
/* The article a page describes in its JSON-LD (<script
 * type="application/ld+json">), read by a small JSON reader of its own:
 * tolerant (text around the JSON, a value cut short), bounded (depth and
 * values capped), never failing on bad input. Private to model/import
 * and its tests. */
#ifndef SCOTL_IMPORT_JSONLD_H
#define SCOTL_IMPORT_JSONLD_H

#include <stddef.h>

/* Values nested deeper than this, and values past this many, are not
 * read. */
#define JSONLD_DEPTH 64
#define JSONLD_VALUES 200000

/* How good a described thing is as the page's article. */
enum jsonld_rank {
	JSONLD_NONE,
	JSONLD_WEBPAGE,         /* a WebPage: the last resort */
	JSONLD_ARTICLE,         /* an Article, NewsArticle, BlogPosting... */
};

/* What the article object says, trimmed, as UTF-8 (escapes decoded,
 * invalid ones U+FFFD); NULL when it does not say. */
struct jsonld {
	enum jsonld_rank rank;
	char *headline;
	char *name;
	char *published;        /* datePublished, as written */
	char *created;          /* dateCreated, as written */
	char *author;           /* names joined with ", " */
	char *publisher;        /* publisher.name */
	char *url;              /* url, else mainEntityOfPage */
	char *body;             /* articleBody */
};

/* Reads LEN bytes of one JSON-LD block. When it describes an article of
 * a better rank than J holds, J takes that one (the first of the best
 * rank wins; J starts zeroed). Returns the rank found in this block. */
enum jsonld_rank jsonld_read(const char *s, size_t len, struct jsonld *j);
void jsonld_free(struct jsonld *j);

#endif
