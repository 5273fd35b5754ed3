/* SPDX-License-Identifier: ISC */
/* Events from an imported article. Only an article about SCO security
 * affairs gives any: one naming the SCO or its bodies (in English,
 * Russian or Chinese), or its member states' security officials acting
 * on the threats they deal with. Its text is read sentence by sentence,
 * the paragraph as context, in English, Russian and Chinese (sentences
 * also end at 。！？). One article may report several events: the
 * meeting, bilateral talks on its sidelines (an event of their own), the
 * next meeting it announces. Each gets a kind, a date from the sentences
 * about it (else the publication day, which is then no claim), a place,
 * participants (the people named in its sentences and paragraphs, the
 * states named as their nationality, as hosts, as where delegations came
 * from, or in a list of states, official style included) and a
 * confidence. A candidate becomes evidence for a known event only when
 * kind, dates and place or most participants agree; its date is a claim
 * only when the text states it and it differs. */
#ifndef SCOTL_EXTRACT_H
#define SCOTL_EXTRACT_H

#include "scotl/article.h"
#include "scotl/date.h"
#include "scotl/db.h"
#include "scotl/mention.h"
#include "scotl/util.h"

#define EXTRACT_MAX_PEOPLE 64
#define EXTRACT_MAX_EVENTS 6

/* What an article says happened. */
struct extract_found {
	long long event_id;     /* the known event it reports, 0: a new one */
	int disputed;           /* its date differs from the known event's */
	struct date_span known; /* the known event's date, when disputed */
	struct date_span when;
	int stated;             /* the text gives the date (not the
	                         * publication day) */
	int announced;          /* the article announces it ("the next
	                         * meeting will be held ...") */
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

/* Whether article A, given its mentions in order of position, is about
 * SCO security affairs. No database. */
int extract_relevant(const struct article *a, const struct mention_row *m,
    int n);

/* The events article A (its title, body and publication date, which may
 * be NULL) reports, given its mentions in order of position: how many
 * (at most EXTRACT_MAX_EVENTS) with *OUT a new array (free it), each a
 * new event (event_id 0). No database. */
int extract_events(const struct article *a, const struct mention_row *m,
    int n, struct extract_found **out);

/* F told what the database knows: the state of its place as a
 * participant, and the known event it reports, if any. 0 or -1. */
int extract_match(struct db *db, struct extract_found *f, struct err *e);

/* Both: the events of A, each matched to the known ones. Returns how
 * many with *OUT a new array (free it), or -1. Writes nothing. */
int extract_find(struct db *db, const struct article *a,
    const struct mention_row *m, int n, struct extract_found **out,
    struct err *e);

#endif
