/* SPDX-License-Identifier: ISC */
/* People the gazetteer does not know, found from a title before a
 * capitalised name ("Defence Minister Dong Jun", "NSA Ajit Doval",
 * "Secretary of the Security Council Nikolai Patrushev", "Admiral ...").
 * Each is proposed as a person marked as extracted, with the title as
 * role and the nearest state of the sentence as affiliation, and its
 * mention stored. */
#ifndef SCOTL_PEOPLE_H
#define SCOTL_PEOPLE_H

#include "scotl/db.h"
#include "scotl/util.h"

/* Runs after the article's mentions were stored; returns how many new
 * people it added, or -1. */
int people_propose(struct db *db, long long article_id, struct err *e);

#endif
