/* SPDX-License-Identifier: ISC */
/* Mentions: where an article names a person, state, organisation or place
 * of the gazetteer, as byte spans of its body. */
#ifndef SCOTL_MENTION_H
#define SCOTL_MENTION_H

#include "scotl/db.h"
#include "scotl/util.h"

struct mention_row {
	long long entity_id;
	char kind[16];          /* person, state, organisation, place */
	long long start;        /* byte offsets into the article body */
	long long end;
};

/* Finds every name and alias of the gazetteer in BODY, as written (case
 * and all) and between word boundaries, the longest at any place winning:
 * a Cyrillic word matches by its Russian stem (Snowball), so that
 * "России" names Russia and "Патрушева" Patrushev; a name starting or
 * ending with a CJK ideograph needs no boundary on that side; a Latin
 * word written with Cyrillic or Greek look-alike letters, and full-width
 * Latin, read as Latin. English text is matched as it is, in one pass;
 * text with such letters, in one pass over its stemmed reading. Gives
 * the mentions in order of position, with their entity's kind, as a new
 * array. Writes nothing; the database gives only the gazetteer. One pass
 * over the text whatever the number of names (Aho-Corasick); the
 * automaton is built once per connection; names added since are added to
 * it. */
int mention_find(struct db *db, const char *body, size_t len,
    struct mention_row **out, int *n, struct err *e);

/* Orders mentions by position, the longest first at one place, as
 * mention_list gives them. */
void mention_sort(struct mention_row *m, int n);

/* The mentions of an article in order of position. */
int mention_list(struct db *db, long long article_id, struct mention_row **out,
    int *n, struct err *e);

#endif
