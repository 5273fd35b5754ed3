/* SPDX-License-Identifier: ISC */
/* The one place where the import writes its rows: articles, mentions,
 * entities, aliases, roles, memberships, events, participants, evidence
 * and claims. The steps (mention.c, people.c, extract.c) find them in
 * memory; the importer, the bundled corpus and the rebuild of a user
 * database hand them here. Private to model/import and its tests. */
#ifndef SCOTL_IMPORT_ROWS_H
#define SCOTL_IMPORT_ROWS_H

#include "scotl/article.h"
#include "scotl/date.h"
#include "scotl/db.h"
#include "scotl/extract.h"
#include "scotl/mention.h"
#include "scotl/people.h"
#include "scotl/util.h"

/* A new article, indexed for full-text search; A->hash is the SHA-256
 * of its body (computed once, by the caller). NAME, SOURCE, URL,
 * PUBLISHED may be NULL. */
int rows_article(struct db *db, const struct article *a, long long *id,
    struct err *e);

/* The full-text index made compact, after a bulk load. */
int rows_fts_optimize(struct db *db, struct err *e);

/* The mentions of an article; returns how many, or -1. */
int rows_mentions(struct db *db, long long article, const struct mention_row *m,
    int n, struct err *e);

/* A person people_find proposed: entity, names, role and mention; or,
 * for one of the gazetteer named by initials, only the mention. */
int rows_person(struct db *db, long long article, const struct people_found *p,
    long long *id, struct err *e);

/* What extract_find found in article A: evidence (and claims) for a known
 * event, or a new event with its participants and evidence. */
int rows_event(struct db *db, const struct article *a,
    const struct extract_found *f, struct extract_result *r, struct err *e);

/* The rows of the bundled corpus. These return 0 when the row is written,
 * -1 when its statement could not be prepared (E says why), 1 when SQLite
 * refused the row (sqlite3_errmsg says why, the caller words it). */
int rows_entity(struct db *db, const char *kind, const char *name,
    long long state, int capital, long long *id, struct err *e);
int rows_alias(struct db *db, long long entity, const char *name,
    const char *norm, const char *kind, struct err *e);

/* Optional bounds of a role or a membership: as written, and the first
 * and last days they mean; NULL when not given. */
struct rows_span {
	const char *since, *until, *first, *last;
};
int rows_membership(struct db *db, long long state, const char *status,
    const struct rows_span *s, struct err *e);
int rows_role(struct db *db, long long entity, const char *title,
    long long state, const struct rows_span *s, struct err *e);

/* An event of the corpus; PLACE 0 and SUMMARY NULL when none. */
struct rows_event_rec {
	const char *slug, *title, *summary, *kind;
	const struct date_span *d;
	long long place;
	double confidence;
};
int rows_corpus_event(struct db *db, const struct rows_event_rec *ev,
    long long *id, struct err *e);
int rows_participant(struct db *db, long long event, long long who,
    const char *role, long long state, struct err *e);
int rows_evidence(struct db *db, long long event, long long article,
    long long start, long long end, struct err *e);
int rows_claim(struct db *db, long long event, const struct date_span *d,
    const char *source, long long article, struct err *e);

#endif
