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

#include "scotl/article.h"
#include "scotl/date.h"
#include "scotl/db.h"
#include "scotl/mention.h"
#include "scotl/util.h"

#define EXTRACT_MAX_PEOPLE 64

/* What an article says happened. */
struct extract_found {
	long long event_id;     /* the known event it reports, 0: a new one */
	int disputed;           /* its date differs from the known event's */
	struct date_span known; /* the known event's date, when disputed */
	struct date_span when;
	char kind[24];
	long long place;        /* 0 when none */
	double confidence;
	long long who[EXTRACT_MAX_PEOPLE];
	int nwho;
	long long span_start;   /* the first sentence about it, the evidence */
	long long span_end;
};

struct extract_result {
	long long event_id;     /* 0 when the article gives no event */
	int created;            /* a new event, not evidence for a known one */
	int disputed;           /* its date differs from the known event's */
};

/* The event the article A (its title, body and publication date, which
 * may be NULL) reports, given its mentions in order of position: 1 with
 * F filled, 0 when it reports none, -1. Writes nothing; the database is
 * asked only for the known events and the states of places. */
int extract_find(struct db *db, const struct article *a,
    const struct mention_row *m, int n, struct extract_found *f,
    struct err *e);

#endif
