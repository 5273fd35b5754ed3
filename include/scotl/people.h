/* SPDX-License-Identifier: ISC */
/* People the gazetteer does not know, found from a title before a
 * capitalised name ("Defence Minister Dong Jun", "NSA Ajit Doval",
 * "Secretary of the Security Council Nikolai Patrushev", "Admiral ...").
 * Each is proposed as a person marked as extracted, with the title as
 * role and the nearest state of the sentence as affiliation, and its
 * mention. */
#ifndef SCOTL_PEOPLE_H
#define SCOTL_PEOPLE_H

#include "scotl/db.h"
#include "scotl/mention.h"
#include "scotl/util.h"

struct people_found {
	char *name;
	char *norm;             /* the name in lower case, as alias.norm */
	const char *title;      /* the role, a static string */
	long long state;        /* the affiliation, 0 when none */
	long long start, end;   /* the name in the body */
	char *surname;          /* a second alias, NULL when too short or
	                         * it names someone already */
	char *surname_norm;
};

/* The people BODY names after a title, given its mentions (in order of
 * position): a new array, in order of position. Writes nothing; the
 * database is asked only which names it knows already. Returns the
 * number found or -1. */
int people_find(struct db *db, const char *body, size_t len,
    const struct mention_row *m, int n, struct people_found **out,
    struct err *e);
void people_found_free(struct people_found *p, int n);

#endif
