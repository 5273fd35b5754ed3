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

/* Finds every name and alias of the gazetteer in the article's body, as
 * written (case and all) and between word boundaries, the longest at any
 * place winning, and stores them. Returns the number stored or -1.
 * One pass over the text whatever the number of names (Aho-Corasick); the
 * automaton is built once per connection and rebuilt when names change. */
int mention_scan(struct db *db, long long article_id, struct err *e);

/* The mentions of an article in order of position. */
int mention_list(struct db *db, long long article_id, struct mention_row **out,
    int *n, struct err *e);

#endif
