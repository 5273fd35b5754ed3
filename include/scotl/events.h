/* SPDX-License-Identifier: ISC */
/* The timeline: windows of events in date order by keyset (never all of
 * them), the detail of one event, and counts per month. */
#ifndef SCOTL_EVENTS_H
#define SCOTL_EVENTS_H

#include "scotl/date.h"
#include "scotl/db.h"
#include "scotl/util.h"

struct event_row {
	long long id;
	char *slug;
	struct date_span date;
	char *title;
	char *kind;
	char *place;            /* "" when the event has no single place */
	char *origin;           /* "curated" or "extracted" */
	double confidence;
	int disputed;           /* reports disagree on the date */
	int bookmarked, noted;  /* kept by the user (annot.h) */
	char *tags;             /* "" or tags separated by spaces */
};

struct event_list {
	struct event_row *rows;
	int n;
};

/* Which events: those that overlap since..until (first or last day they
 * can mean), that an entity takes part in or takes place at, and whose
 * title, summary or kind holds TEXT (ASCII letters compared without
 * case). Empty strings and 0 mean no limit. */
struct filter;

struct event_filter {
	char since[11];
	char until[11];
	long long entity_id;
	char text[128];
	/* A compiled filter-language expression (filter.h), or NULL. Its
	 * statements are prepared on the database first used with it. */
	struct filter *expr;
};

/* A place in the timeline: events are ordered by (first day, id). */
struct event_pos {
	char day[11];
	long long id;
};

enum events_dir {
	EVENTS_AFTER,
	EVENTS_BEFORE,
};

/* Up to LIMIT events strictly after (or before) POS, in timeline order
 * either way; POS NULL means from the start (or from the end). */
int events_window(struct db *db, const struct event_filter *f,
    const struct event_pos *pos, enum events_dir dir, int limit,
    struct event_list *out, struct err *e);
void event_list_free(struct event_list *l);

/* How many events of the filter come before POS (all of them when POS is
 * NULL): the count of a filter, or the position of an event in it. */
int events_count(struct db *db, const struct event_filter *f,
    const struct event_pos *before, long long *n, struct err *e);
void event_row_pos(const struct event_row *row, struct event_pos *pos);

/* Finds an event by number or by its stable id ("nsa-2021-dushanbe"). */
int events_find(struct db *db, const char *key, long long *id, struct err *e);

struct participant_row {
	long long entity_id;
	char *name;
	char *kind;             /* person, state, organisation, place */
	char *role;
	char *state;            /* the state represented, "" if none;
				 * entity_event_count() gives its events */
};

/* The people, states and organisations of one event: people first. */
int events_participants(struct db *db, long long id,
    struct participant_row **out, int *n, struct err *e);
void events_participants_free(struct participant_row *rows, int n);

struct evidence_row {
	long long article_id;
	char *title;
	char *published;
	char *sentence;         /* the supporting text, from the body */
	long long span_start;   /* byte offsets into the article body */
	long long span_end;
};

struct claim_row {
	struct date_span date;
	char *source;
	long long article_id;   /* 0 when the source is not an article */
};

struct event_detail {
	struct event_row ev;
	char *summary;
	long long place_id;
	char *place_state;      /* the state of the place, "" if none */
	struct participant_row *participants;
	int nparticipants;
	struct evidence_row *evidence;
	int nevidence;
	struct claim_row *claims;
	int nclaims;
};

int event_get(struct db *db, long long id, struct event_detail *out,
    struct err *e);
void event_detail_free(struct event_detail *d);

struct month_count {
	char month[8];          /* YYYY-MM */
	int n;
};

/* Events per month (by the month an event starts) for the filter, from the
 * first month with an event to the last, empty months included. */
int events_per_month(struct db *db, const struct event_filter *f,
    struct month_count **out, int *n, struct err *e);

/* The SQL each timeline query runs for a filter, for EXPLAIN QUERY PLAN
 * tests and for running the same SQL in the sqlite3 shell. Parameters:
 * ?1 ?2 the position (day, id), ?3 ?4 since and until, ?5 the entity,
 * ?6 the limit, ?7 the text, ?8 the first day to read the event order
 * from (events_query_bounds); the filter's own are ?1000 and up
 * (filter_param). The SQL is the one run on DB: through a driver when
 * the filter has a small one. */
enum events_query {
	EVENTS_QUERY_AFTER,
	EVENTS_QUERY_BEFORE,
	EVENTS_QUERY_COUNT,
	EVENTS_QUERY_MONTHS,
};
char *events_query_sql(struct db *db, const struct event_filter *f,
    enum events_query q);
/* A filter term, or an entity, with at most N events (5,000 unless set)
 * is read through its own ids rather than the whole event order; 0 never
 * does (for tests that compare both ways). */
#define EVENTS_DRIVE_MAX 5000
void events_set_drive_max(struct db *db, long long n);

/* The values of ?3 (since), ?4 (until) and ?8 (start): the filter's own
 * bounds and its top-level date terms together; start is since less the
 * longest an event lasts. */
void events_query_bounds(struct db *db, const struct event_filter *f,
    char since[11], char until[11], char start[11]);

#endif
