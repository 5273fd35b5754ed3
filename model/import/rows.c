/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "import/rows.h"
#include "scotl/script.h"

/* --- articles and mentions ------------------------------------------- */

static const char rows_sql_article[] =
	"INSERT INTO article(name, title, source, url, published, charset, body,"
	" hash, author, title_made) VALUES (?1, ?2, ?3, ?4, ?5,"
	" coalesce(?6, 'UTF-8'), ?7, ?8, ?9, ?10)";
static const char rows_sql_article_index[] =
	"INSERT INTO article_fts(rowid, title, body) VALUES (?1, ?2, ?3)";
static const char rows_sql_article_trigram[] =
	"INSERT INTO article_trigram(rowid, title, body) VALUES (?1, ?2, ?3)";
static const char rows_sql_mention[] =
	"INSERT OR IGNORE INTO mention(article_id, entity_id, span_start, span_end)"
	" VALUES (?1, ?2, ?3, ?4)";

static void
rows_bind_or_null(sqlite3_stmt *st, int col, const char *s)
{
	if (s != NULL && *s != '\0')
		sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

static int
rows_article_index(struct db *db, const char *sql, long long id,
    const struct article *a, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, a->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->body, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, e, "index an article");
	return 0;
}

int
rows_article(struct db *db, const struct article *a, long long *id,
    struct err *e)
{
	sqlite3_stmt *st;

	if (db_require_writable(db, "store an article", e) != 0 ||
	    (st = db_stmt(db, rows_sql_article, e)) == NULL)
		return -1;
	rows_bind_or_null(st, 1, a->name);
	sqlite3_bind_text(st, 2, a->title, -1, SQLITE_STATIC);
	rows_bind_or_null(st, 3, a->source);
	rows_bind_or_null(st, 4, a->url);
	rows_bind_or_null(st, 5, a->published);
	rows_bind_or_null(st, 6, a->charset);
	sqlite3_bind_text(st, 7, a->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, a->hash, -1, SQLITE_STATIC);
	rows_bind_or_null(st, 9, a->author);
	sqlite3_bind_int(st, 10, a->title_made != 0);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, e, "store an article");
	*id = sqlite3_last_insert_rowid(db->h);
	if (rows_article_index(db, rows_sql_article_index, *id, a, e) != 0)
		return -1;
	/* Text without spaces between words: also by substring. */
	if ((script_has_unspaced(a->title, strlen(a->title)) ||
	    script_has_unspaced(a->body, strlen(a->body))) &&
	    rows_article_index(db, rows_sql_article_trigram, *id, a, e) != 0)
		return -1;
	return 0;
}

/* The full-text indexes merged into one b-tree each once a corpus is
 * loaded: fts5's own command, written as a row of the table. */
int
rows_fts_optimize(struct db *db, struct err *e)
{
	return db_exec(db, "INSERT INTO article_fts(article_fts) VALUES ('optimize');"
	    "INSERT INTO article_trigram(article_trigram) VALUES ('optimize')", e);
}

static int
rows_mention(struct db *db, long long article, long long entity,
    long long start, long long end, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_mention, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, entity);
	sqlite3_bind_int64(st, 3, start);
	sqlite3_bind_int64(st, 4, end);
	return db_step_done(db, st, "store a mention", e);
}

int
rows_mentions(struct db *db, long long article, const struct mention_row *m,
    int n, struct err *e)
{
	int i;

	if (db_require_writable(db, "store mentions", e) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (rows_mention(db, article, m[i].entity_id, m[i].start, m[i].end,
		    e) != 0)
			return -1;
	return n;
}

/* --- people ------------------------------------------------------------ */

static const char rows_sql_person[] =
	"INSERT INTO entity(kind, name, origin) VALUES ('person', ?1, 'extracted')";
static const char rows_sql_person_name[] =
	"INSERT INTO alias(entity_id, name, norm, kind) VALUES (?1, ?2, ?3, 'name')";
static const char rows_sql_person_surname[] =
	"INSERT INTO alias(entity_id, name, norm, kind) VALUES (?1, ?2, ?3, 'alias')";
static const char rows_sql_person_role[] =
	"INSERT INTO role(entity_id, title, state_id) VALUES (?1, ?2, ?3)";

static int
rows_person_alias(struct db *db, const char *sql, long long id,
    const char *name, const char *norm, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, norm, -1, SQLITE_STATIC);
	return db_step_done(db, st, "name a person", e);
}

int
rows_person(struct db *db, long long article, const struct people_found *p,
    long long *id, struct err *e)
{
	sqlite3_stmt *st;

	/* Someone known, named by initials: only the mention is new. */
	if (p->known > 0) {
		*id = p->known;
		return rows_mention(db, article, *id, p->start, p->end, e);
	}
	if ((st = db_stmt(db, rows_sql_person, e)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
	if (db_step_done(db, st, "propose a person", e) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	if (rows_person_alias(db, rows_sql_person_name, *id, p->name, p->norm,
	    e) != 0 || (p->surname != NULL && rows_person_alias(db,
	    rows_sql_person_surname, *id, p->surname, p->surname_norm, e) != 0) ||
	    (st = db_stmt(db, rows_sql_person_role, e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_text(st, 2, p->title, -1, SQLITE_STATIC);
	if (p->state > 0)
		sqlite3_bind_int64(st, 3, p->state);
	if (db_step_done(db, st, "give a role", e) != 0)
		return -1;
	return rows_mention(db, article, *id, p->start, p->end, e);
}

/* --- extracted events ------------------------------------------------- */

static const char rows_sql_evidence[] =
	"INSERT OR IGNORE INTO evidence(event_id, article_id, span_start,"
	" span_end) VALUES (?1, ?2, ?3, ?4)";
static const char rows_sql_event_claim[] =
	"INSERT INTO claim(event_id, start, end, first_day, last_day, source,"
	" article_id) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS"
	" (SELECT 1 FROM claim WHERE event_id = ?1 AND first_day = ?4 AND"
	" last_day = ?5)";
static const char rows_sql_extracted[] =
	"INSERT INTO event(start, end, precision, first_day, last_day, title,"
	" kind, place_id, origin, confidence)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'extracted', ?9)";
/* Only an extracted event takes the participants an article names: a
 * curated event's are checked facts. */
static const char rows_sql_extracted_who[] =
	"INSERT OR IGNORE INTO participant(event_id, entity_id, state_id)"
	" SELECT ?1, ?2, (SELECT CASE kind WHEN 'state' THEN id ELSE state_id"
	" END FROM entity WHERE id = ?2)"
	" WHERE (SELECT origin FROM event WHERE id = ?1) = 'extracted'";

/* SQLITE_DONE when the row is in, else what sqlite3_step said. */
static int
rows_evidence_step(struct db *db, long long event, long long article,
    long long start, long long end, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_evidence, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_int64(st, 2, article);
	sqlite3_bind_int64(st, 3, start);
	sqlite3_bind_int64(st, 4, end);
	return sqlite3_step(st);
}

static int
rows_event_evidence(struct db *db, long long event, const struct article *a,
    const struct extract_found *f, struct err *e)
{
	int rc = rows_evidence_step(db, event, a->id, f->span_start, f->span_end, e);

	if (rc == SQLITE_DONE)
		return 0;
	return rc < 0 ? -1 : db_fail(db, e, "store evidence");
}

static void
rows_bind_date(sqlite3_stmt *st, int col, const struct date_span *d)
{
	db_bind_text(st, col, d->start);
	if (d->end[0])
		db_bind_text(st, col + 1, d->end);
}

/* SQL, one of the two claim INSERTs (the same parameters, one with a
 * guard against a second claim of the same days), prepared and bound;
 * NULL when it cannot be prepared (E says why). ARTICLE 0 for none. */
static sqlite3_stmt *
rows_claim_stmt(struct db *db, const char *sql, long long event,
    const struct date_span *d, const char *source, long long article,
    struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, event);
	rows_bind_date(st, 2, d);
	db_bind_text(st, 4, d->first);
	db_bind_text(st, 5, d->last);
	db_bind_text(st, 6, source);
	if (article > 0)
		sqlite3_bind_int64(st, 7, article);
	return st;
}

static int
rows_event_claim(struct db *db, long long event, const struct date_span *d,
    const char *source, long long article, struct err *e)
{
	sqlite3_stmt *st = rows_claim_stmt(db, rows_sql_event_claim, event, d,
	    source, article, e);

	if (st == NULL)
		return -1;
	return db_step_done(db, st, "store a date claim", e);
}

/* The participants F names, added to EVENT when it is an extracted one:
 * an extracted event has every participant its reports name. */
static int
rows_event_who(struct db *db, long long event, const struct extract_found *f,
    struct err *e)
{
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < f->nwho; i++) {
		if ((st = db_stmt(db, rows_sql_extracted_who, e)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, event);
		sqlite3_bind_int64(st, 2, f->who[i]);
		if (db_step_done(db, st, "store a participant", e) != 0)
			return -1;
	}
	return 0;
}

/* A known event the article reports: evidence, the participants it
 * names when the event is an extracted one, and a claim when the dates
 * differ (the known date kept as a claim too). */
static int
rows_event_attach(struct db *db, const struct article *a,
    const struct extract_found *f, struct extract_result *r, struct err *e)
{
	r->event_id = f->event_id;
	r->disputed = f->disputed;
	if (rows_event_evidence(db, f->event_id, a, f, e) != 0 ||
	    rows_event_who(db, f->event_id, f, e) != 0)
		return -1;
	if (f->disputed && (rows_event_claim(db, f->event_id, &f->known,
	    "as recorded before", 0, e) != 0 || rows_event_claim(db, f->event_id,
	    &f->when, a->name != NULL ? a->name : "", a->id, e) != 0))
		return -1;
	return 0;
}

static int
rows_event_create(struct db *db, const struct article *a,
    const struct extract_found *f, struct extract_result *r, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_extracted, e);

	if (st == NULL)
		return -1;
	rows_bind_date(st, 1, &f->when);
	sqlite3_bind_text(st, 3, date_precision_name(f->when.precision), -1,
	    SQLITE_STATIC);
	db_bind_text(st, 4, f->when.first);
	db_bind_text(st, 5, f->when.last);
	db_bind_text(st, 6, a->title);
	db_bind_text(st, 7, f->kind);
	if (f->place > 0)
		sqlite3_bind_int64(st, 8, f->place);
	sqlite3_bind_double(st, 9, f->confidence);
	if (db_step_done(db, st, "store an extracted event", e) != 0)
		return -1;
	r->event_id = sqlite3_last_insert_rowid(db->h);
	r->created = 1;
	if (rows_event_who(db, r->event_id, f, e) != 0)
		return -1;
	return rows_event_evidence(db, r->event_id, a, f, e);
}

int
rows_event(struct db *db, const struct article *a,
    const struct extract_found *f, struct extract_result *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	return f->event_id > 0 ? rows_event_attach(db, a, f, r, e) :
	    rows_event_create(db, a, f, r, e);
}

/* --- the bundled corpus ------------------------------------------------ */

static const char rows_sql_alias[] =
	"INSERT INTO alias(entity_id, name, norm, kind) VALUES (?1, ?2, ?3, ?4)";
static const char rows_sql_entity[] =
	"INSERT INTO entity(kind, name, state_id, capital) VALUES (?1, ?2, ?3, ?4)";
static const char rows_sql_membership[] =
	"INSERT INTO membership(state_id, status, since, until, first_day, last_day)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char rows_sql_role[] =
	"INSERT INTO role(entity_id, title, state_id, since, until, first_day,"
	" last_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char rows_sql_event[] =
	"INSERT INTO event(slug, start, end, precision, first_day, last_day,"
	" title, summary, kind, place_id, confidence)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char rows_sql_participant[] =
	"INSERT INTO participant(event_id, entity_id, role, state_id)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char rows_sql_claim[] =
	"INSERT INTO claim(event_id, start, end, first_day, last_day, source,"
	" article_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/* The corpus's convention: 0 written, 1 refused. */
static int
rows_done(sqlite3_stmt *st)
{
	return sqlite3_step(st) == SQLITE_DONE ? 0 : 1;
}

int
rows_entity(struct db *db, const char *kind, const char *name,
    long long state, int capital, long long *id, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_entity, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (state > 0)
		sqlite3_bind_int64(st, 3, state);
	sqlite3_bind_int(st, 4, capital);
	if (rows_done(st) != 0)
		return 1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int
rows_alias(struct db *db, long long entity, const char *name,
    const char *norm, const char *kind, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_alias, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entity);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, norm, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	return rows_done(st);
}

static void
rows_bind_span(sqlite3_stmt *st, int col, const struct rows_span *s)
{
	if (s->since != NULL) {
		db_bind_text(st, col, s->since);
		db_bind_text(st, col + 2, s->first);
	}
	if (s->until != NULL) {
		db_bind_text(st, col + 1, s->until);
		db_bind_text(st, col + 3, s->last);
	}
}

int
rows_membership(struct db *db, long long state, const char *status,
    const struct rows_span *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_membership, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, state);
	db_bind_text(st, 2, status);
	rows_bind_span(st, 3, s);
	return rows_done(st);
}

int
rows_role(struct db *db, long long entity, const char *title,
    long long state, const struct rows_span *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_role, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entity);
	db_bind_text(st, 2, title);
	if (state > 0)
		sqlite3_bind_int64(st, 3, state);
	rows_bind_span(st, 4, s);
	return rows_done(st);
}

int
rows_corpus_event(struct db *db, const struct rows_event_rec *ev,
    long long *id, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_event, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, ev->slug, -1, SQLITE_STATIC);
	rows_bind_date(st, 2, ev->d);
	sqlite3_bind_text(st, 4, date_precision_name(ev->d->precision), -1,
	    SQLITE_STATIC);
	db_bind_text(st, 5, ev->d->first);
	db_bind_text(st, 6, ev->d->last);
	sqlite3_bind_text(st, 7, ev->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, ev->summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, ev->kind, -1, SQLITE_STATIC);
	if (ev->place > 0)
		sqlite3_bind_int64(st, 10, ev->place);
	sqlite3_bind_double(st, 11, ev->confidence);
	if (rows_done(st) != 0)
		return 1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int
rows_participant(struct db *db, long long event, long long who,
    const char *role, long long state, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, rows_sql_participant, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_int64(st, 2, who);
	if (role != NULL && *role)
		db_bind_text(st, 3, role);
	if (state > 0)
		sqlite3_bind_int64(st, 4, state);
	return rows_done(st);
}

int
rows_evidence(struct db *db, long long event, long long article,
    long long start, long long end, struct err *e)
{
	int rc = rows_evidence_step(db, event, article, start, end, e);

	return rc < 0 ? -1 : rc != SQLITE_DONE;
}

int
rows_claim(struct db *db, long long event, const struct date_span *d,
    const char *source, long long article, struct err *e)
{
	sqlite3_stmt *st = rows_claim_stmt(db, rows_sql_claim, event, d, source,
	    article, e);

	if (st == NULL)
		return -1;
	return rows_done(st);
}
