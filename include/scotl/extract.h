/* SPDX-License-Identifier: ISC */
/* Event candidates from an imported article: the sentences with a
 * meeting, summit, talks, visit, attack, agreement or accession cue give
 * the event's kind, place, date and participants (the people named in
 * them, and the states named as their nationality, as hosts, as where
 * delegations came from, or in a list of states). A candidate that
 * matches an event already known (overlapping dates, the same place or
 * most participants) becomes further evidence for it, with its date kept
 * as a claim when it differs; otherwise it is a new event marked as
 * extracted. */
#ifndef SCOTL_EXTRACT_H
#define SCOTL_EXTRACT_H

#include "scotl/db.h"
#include "scotl/util.h"

struct extract_result {
	long long event_id;     /* 0 when the article gives no event */
	int created;            /* a new event, not evidence for a known one */
	int disputed;           /* its date differs from the known event's */
};

/* Runs inside the caller's transaction, after the article's mentions
 * were stored. PUBLISHED may be NULL. */
int extract_event(struct db *db, long long article_id, const char *published,
    struct extract_result *r, struct err *e);

#endif
