/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "query/query.h"
#include "scotl/events.h"

/* The columns every event row is read from, in this order. */
#define EVENTS_COLUMNS \
	"e.id, e.slug, e.start, e.end, e.title, e.kind, coalesce(pl.name, ''),"\
	" e.origin, e.confidence," \
	" EXISTS (SELECT 1 FROM claim c WHERE c.event_id = e.id" \
	"   AND (c.first_day <> e.first_day OR c.last_day <> e.last_day))," \
	" e.first_day, e.last_day," \
	" EXISTS (SELECT 1 FROM bookmark b WHERE b.event_id = e.id)," \
	" EXISTS (SELECT 1 FROM note n WHERE n.event_id = e.id)," \
	" (SELECT group_concat(name, ' ') FROM" \
	"   (SELECT name FROM tag t WHERE t.event_id = e.id ORDER BY name))"

#define EVENTS_NCOLUMNS 15

/* The filter's bounds are always bound (with open defaults) so that the
 * window is a range scan of event_order in either direction. */
#define EVENTS_FILTER \
	" AND e.first_day <= ?4 AND e.last_day >= ?3 AND e.first_day >= ?8" \
	" AND (?5 IS NULL OR e.place_id = ?5 OR EXISTS (SELECT 1 FROM" \
	"   participant pe WHERE pe.event_id = e.id AND pe.entity_id = ?5))" \
	" AND (?7 IS NULL OR instr(lower(e.title || ' ' ||" \
	"   coalesce(e.summary, '') || ' ' || e.kind), ?7) > 0)"

/* Each query has two marks for events_driven(): where NOT INDEXED goes
 * and where the driver's "e.id IN (...) AND" goes. */
#define EVENTS_INDEX_MARK "/*index*/"
#define EVENTS_DRIVER_MARK "/*driver*/"

static const char events_sql_after[] =
	"SELECT " EVENTS_COLUMNS " FROM event e " EVENTS_INDEX_MARK
	" LEFT JOIN entity pl ON pl.id = e.place_id"
	" WHERE " EVENTS_DRIVER_MARK " (e.first_day, e.id) > (?1, ?2)" EVENTS_FILTER
	" ORDER BY e.first_day, e.id LIMIT ?6";

static const char events_sql_before[] =
	"SELECT " EVENTS_COLUMNS " FROM event e " EVENTS_INDEX_MARK
	" LEFT JOIN entity pl ON pl.id = e.place_id"
	" WHERE " EVENTS_DRIVER_MARK " (e.first_day, e.id) < (?1, ?2)" EVENTS_FILTER
	" ORDER BY e.first_day DESC, e.id DESC LIMIT ?6";

static void
events_read_row(sqlite3_stmt *st, struct event_row *r)
{
	const char *end = db_col_str(st, 3);
	struct err e;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->slug = db_col_text(st, 1);
	/* Stored dates were checked on the way in; a hand-edited row that
	 * fails shows as written, with no span. */
	if (date_from_parts(db_col_str(st, 2), end,
	    &r->date, &e) != 0)
		snprintf(r->date.start, sizeof r->date.start, "%s",
		    db_col_str(st, 2));
	r->title = db_col_text(st, 4);
	r->kind = db_col_text(st, 5);
	r->place = db_col_text(st, 6);
	r->origin = db_col_text(st, 7);
	r->confidence = sqlite3_column_double(st, 8);
	r->disputed = sqlite3_column_int(st, 9);
	/* The stored days are what the timeline is ordered by: positions
	 * come from them even when the written date no longer parses. */
	snprintf(r->date.first, sizeof r->date.first, "%s",
	    db_col_str(st, 10));
	snprintf(r->date.last, sizeof r->date.last, "%s",
	    db_col_str(st, 11));
	r->bookmarked = sqlite3_column_int(st, 12);
	r->noted = sqlite3_column_int(st, 13);
	r->tags = db_col_text(st, 14);
}

static void
events_row_free(struct event_row *r)
{
	free(r->slug);
	free(r->title);
	free(r->kind);
	free(r->place);
	free(r->origin);
	free(r->tags);
}

void
event_list_free(struct event_list *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		events_row_free(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

void
event_row_pos(const struct event_row *row, struct event_pos *pos)
{
	snprintf(pos->day, sizeof pos->day, "%s", row->date.first);
	pos->id = row->id;
}

enum {
	EVENTS_STMT_AFTER,
	EVENTS_STMT_BEFORE,
	EVENTS_STMT_COUNT,
	EVENTS_STMT_MONTHS,
};

/* The last place NEEDLE occurs in SQL, or NULL: subqueries in the columns
 * may have their own ORDER BY. */
static const char *
events_last(const char *sql, const char *needle)
{
	const char *p, *last = NULL;

	for (p = strstr(sql, needle); p != NULL; p = strstr(p + 1, needle))
		last = p;
	return last;
}

/* SQL with "AND (condition)" of the filter put before its last GROUP BY
 * or ORDER BY. */
static char *
events_with_filter(const char *sql, const struct filter *x)
{
	const char *tail = events_last(sql, " GROUP BY ");
	struct buf b;

	if (tail == NULL)
		tail = events_last(sql, " ORDER BY ");
	if (tail == NULL)
		tail = sql + strlen(sql);
	buf_init(&b);
	buf_add(&b, sql, (size_t)(tail - sql));
	buf_printf(&b, " AND (%s)%s", x->sql, tail);
	return buf_steal(&b);
}

/* --- drivers ------------------------------------------------------------
 *
 * The queries walk the event order and test each event, which is quick
 * when many events pass and slow when few do: "person:doval" among a
 * million events would test them all. When a term that every kept event
 * must satisfy has few events (an entity, a tag, is:bookmarked), the
 * query goes through that term's event ids instead and sorts them. */


/* SQL with the marks replaced: through DRIVER's ids, or (DRIVER NULL) as
 * it was. */
static char *
events_driven(const char *sql, const char *driver)
{
	const char *idx = strstr(sql, EVENTS_INDEX_MARK);
	const char *drv = strstr(sql, EVENTS_DRIVER_MARK);
	struct buf b;

	buf_init(&b);
	buf_add(&b, sql, (size_t)(idx - sql));
	if (driver != NULL)
		buf_adds(&b, "NOT INDEXED");
	idx += strlen(EVENTS_INDEX_MARK);
	buf_add(&b, idx, (size_t)(drv - idx));
	if (driver != NULL)
		buf_printf(&b, "e.id IN (%s) AND", driver);
	buf_adds(&b, drv + strlen(EVENTS_DRIVER_MARK));
	return buf_steal(&b);
}

/* How many ids DRIVER gives, counting no further than the limit. */
static long long
events_driver_size(struct db *db, const char *driver, const struct filter *x,
    long long entity)
{
	sqlite3_stmt *st;
	long long n = -1;
	char *sql;
	int i;

	sql = xmalloc(strlen(driver) + 64);
	sprintf(sql, "SELECT count(*) FROM (%s LIMIT %lld)", driver, db->drive_max + 1);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		for (i = 0; x != NULL && i < x->nparams; i++)
			sqlite3_bind_text(st, FILTER_PARAM_BASE + i, x->params[i], -1,
			    SQLITE_STATIC);
		if (entity > 0)
			sqlite3_bind_int64(st, 5, entity);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	free(sql);
	return n;
}

/* The smallest of the filter's drivers, when it is small: -1 when none. */
static int
events_pick_driver(struct db *db, const struct filter *x)
{
	long long n, best = db->drive_max + 1;
	int i, pick = -1;

	if (db->drive_max <= 0)
		return -1;
	for (i = 0; i < x->ndrivers; i++) {
		n = events_driver_size(db, x->drivers[i], x, 0);
		if (n >= 0 && n < best) {
			best = n;
			pick = i;
		}
	}
	return pick;
}

static const char events_entity_driver[] =
	"SELECT event_id FROM participant WHERE entity_id = ?5"
	" UNION ALL SELECT id FROM event WHERE place_id = ?5";

/* The query for an entity's events (Enter on it) through the entity's
 * ids: made once, kept for the life of the program so that the statement
 * cache can key on it, and freed at exit (memory checkers count what is
 * left). */
static char *events_entity_driven[FILTER_STMTS];

static void
events_entity_sql_free(void)
{
	int i;

	for (i = 0; i < FILTER_STMTS; i++) {
		free(events_entity_driven[i]);
		events_entity_driven[i] = NULL;
	}
}

static const char *
events_entity_sql(int which, const char *sql)
{
	static int registered;

	if (!registered)
		registered = atexit(events_entity_sql_free) == 0;
	if (events_entity_driven[which] == NULL)
		events_entity_driven[which] = events_driven(sql, events_entity_driver);
	return events_entity_driven[which];
}

static int
events_entity_small(struct db *db, long long entity)
{
	if (db->drive_max <= 0)
		return 0;
	if (db->drive_entity != entity) {
		db->drive_entity = entity;
		db->drive_entity_small = events_driver_size(db, events_entity_driver,
		    NULL, entity) <= db->drive_max;
	}
	return db->drive_entity_small;
}

void
events_set_drive_max(struct db *db, long long n)
{
	db->drive_max = n;
	db->drive_entity = 0;
}

/* The statement for a query: the cached one, or with a filter-language
 * expression, the query with the filter in it, prepared once per filter,
 * through a driver when the filter has a small one. */
static sqlite3_stmt *
events_stmt(struct db *db, const struct event_filter *f, int which,
    const char *sql, struct err *e)
{
	struct filter *x = f ? f->expr : NULL;
	char *text, *driven;
	int i, rc;

	if (x == NULL) {
		if (f != NULL && f->entity_id > 0 && events_entity_small(db, f->entity_id))
			return db_stmt(db, events_entity_sql(which, sql), e);
		return db_stmt(db, sql, e);
	}
	if (x->stmt[which] == NULL) {
		if (x->driver == -2)
			x->driver = events_pick_driver(db, x);
		text = events_with_filter(sql, x);
		driven = events_driven(text, x->driver >= 0 ?
		    x->drivers[x->driver] : NULL);
		free(text);
		text = driven;
		rc = sqlite3_prepare_v3(db->h, text, -1, SQLITE_PREPARE_PERSISTENT,
		    &x->stmt[which], NULL);
		free(text);
		if (rc != SQLITE_OK) {
			db_fail(db, e, "preparing the filter");
			return NULL;
		}
	}
	sqlite3_reset(x->stmt[which]);
	sqlite3_clear_bindings(x->stmt[which]);
	for (i = 0; i < x->nparams; i++)
		sqlite3_bind_text(x->stmt[which], FILTER_PARAM_BASE + i, x->params[i],
		    -1, SQLITE_STATIC);
	return x->stmt[which];
}

/* The longest an event lasts, in days: a year, or a range or an
 * approximate date that lasts longer (read once per database). */
static long
events_max_span(struct db *db)
{
	sqlite3_stmt *st;

	if (db->max_span >= 0)
		return db->max_span;
	db->max_span = 366;
	if (sqlite3_prepare_v2(db->h, "SELECT max(julianday(last_day) -"
	    " julianday(first_day)) FROM event INDEXED BY event_long"
	    " WHERE end IS NOT NULL OR precision = 'approximate'", -1, &st,
	    NULL) != SQLITE_OK)
		return db->max_span;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_double(st, 0) + 1 > db->max_span)
		db->max_span = (long)sqlite3_column_double(st, 0) + 1;
	sqlite3_finalize(st);
	return db->max_span;
}

void
events_query_bounds(struct db *db, const struct event_filter *f,
    char since[11], char until[11], char start[11])
{
	const struct filter *x = f ? f->expr : NULL;
	long days;

	snprintf(since, 11, "%s", f && f->since[0] ? f->since : "0000-01-01");
	snprintf(until, 11, "%s", f && f->until[0] ? f->until : "9999-12-31");
	if (x != NULL && x->since[0] && strcmp(x->since, since) > 0)
		snprintf(since, 11, "%s", x->since);
	if (x != NULL && x->until[0] && strcmp(x->until, until) < 0)
		snprintf(until, 11, "%s", x->until);
	snprintf(start, 11, "0000-01-01");
	if (strcmp(since, "0000-01-01") != 0 &&
	    (days = date_parse_days(since)) != DATE_NO_DAYS)
		date_format_days(days - events_max_span(db), start);
}

static void
events_bind_filter(struct db *db, sqlite3_stmt *st, const struct event_filter *f)
{
	char since[11], until[11], start[11];

	events_query_bounds(db, f, since, until, start);
	db_bind_text(st, 3, since);
	db_bind_text(st, 4, until);
	db_bind_text(st, 8, start);
	if (f && f->entity_id > 0)
		sqlite3_bind_int64(st, 5, f->entity_id);
	if (f && f->text[0]) {
		char *lower = util_ascii_lower(f->text);

		db_bind_text(st, 7, lower);
		free(lower);
	}
}

int
events_window(struct db *db, const struct event_filter *f,
    const struct event_pos *pos, enum events_dir dir, int limit,
    struct event_list *out, struct err *e)
{
	const char *sql = dir == EVENTS_AFTER ? events_sql_after : events_sql_before;
	sqlite3_stmt *st = events_stmt(db, f, dir == EVENTS_AFTER ?
	    EVENTS_STMT_AFTER : EVENTS_STMT_BEFORE, sql, e);
	int rc, i;

	out->rows = NULL;
	out->n = 0;
	if (st == NULL)
		return -1;
	if (pos != NULL) {
		db_bind_text(st, 1, pos->day);
		sqlite3_bind_int64(st, 2, pos->id);
	} else {
		/* '~' sorts after every digit: before the end of time. */
		sqlite3_bind_text(st, 1, dir == EVENTS_AFTER ? "" : "~", -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, 0);
	}
	events_bind_filter(db, st, f);
	sqlite3_bind_int(st, 6, limit);
	out->rows = xcalloc(limit > 0 ? (size_t)limit : 1, sizeof *out->rows);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		events_read_row(st, &out->rows[out->n++]);
	if (rc != SQLITE_DONE) {
		event_list_free(out);
		db_fail(db, e, "reading the timeline");
		sqlite3_reset(st);
		return -1;
	}
	if (dir == EVENTS_BEFORE) {
		for (i = 0; i < out->n / 2; i++) {
			struct event_row t = out->rows[i];

			out->rows[i] = out->rows[out->n - 1 - i];
			out->rows[out->n - 1 - i] = t;
		}
	}
	return 0;
}

/* The whole timeline (entity 0) and one entity's events are counted per
 * month on write (schema 4's event_month): their totals and histogram
 * read those rows, and a position's rank adds the events before it in its
 * own month. */
#define EVENTS_KEPT_ENTITY "coalesce(?5, 0)"
static const char events_sql_months_kept[] =
	"SELECT month, n FROM event_month WHERE entity_id = " EVENTS_KEPT_ENTITY
	" AND n > 0 ORDER BY month";
static const char events_sql_count_kept[] =
	"SELECT coalesce(sum(n), 0) FROM event_month WHERE entity_id = "
	EVENTS_KEPT_ENTITY " AND month < substr(?1, 1, 7)";

/* The one entity a filter of one entity term names ("state:india"), or
 * -1; looked up once. */
static long long
events_filter_entity(struct db *db, struct filter *x)
{
	sqlite3_stmt *st;
	char *sql;
	int i;

	if (x->entity_of == NULL)
		return -1;
	if (x->entity_one != -2)
		return x->entity_one;
	x->entity_one = -1;
	sql = xmalloc(strlen(x->entity_of) + 64);
	sprintf(sql, "SELECT count(DISTINCT entity_id), min(entity_id) FROM (%s)",
	    x->entity_of);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		for (i = 0; i < x->nparams; i++)
			sqlite3_bind_text(st, FILTER_PARAM_BASE + i, x->params[i], -1,
			    SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == 1)
			x->entity_one = sqlite3_column_int64(st, 1);
		sqlite3_finalize(st);
	}
	free(sql);
	return x->entity_one;
}

/* What event_month answers: 0 without a filter, the entity for a jump to
 * one or a filter naming one, else -1. */
static long long
events_kept_key(struct db *db, const struct event_filter *f)
{
	if (f == NULL)
		return 0;
	if (f->since[0] || f->until[0] || f->text[0])
		return -1;
	if (f->expr == NULL)
		return f->entity_id > 0 ? f->entity_id : 0;
	return f->entity_id > 0 ? -1 : events_filter_entity(db, f->expr);
}

static const char events_sql_count[] =
	"SELECT count(*) FROM event e " EVENTS_INDEX_MARK " WHERE "
	EVENTS_DRIVER_MARK " (e.first_day, e.id) < (?1, ?2)" EVENTS_FILTER;

/* Steps a count(*) or sum(): *n gets it. */
static int
events_count_step(struct db *db, sqlite3_stmt *st, long long *n, struct err *e)
{
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, e, "counting events");
		sqlite3_reset(st);
		return -1;
	}
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

/* The events before POS in its own month, for a kept count. */
static int
events_count_in_month(struct db *db, const struct event_filter *f,
    const struct event_pos *pos, long long *n, struct err *e)
{
	sqlite3_stmt *st = events_stmt(db, f, EVENTS_STMT_COUNT, events_sql_count, e);
	char month[11];

	if (st == NULL)
		return -1;
	snprintf(month, sizeof month, "%.7s", pos->day);
	db_bind_text(st, 1, pos->day);
	sqlite3_bind_int64(st, 2, pos->id);
	events_bind_filter(db, st, f);
	db_bind_text(st, 8, month);
	return events_count_step(db, st, n, e);
}

static int
events_count_kept(struct db *db, const struct event_filter *f, long long key,
    const struct event_pos *before, long long *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, events_sql_count_kept, e);
	long long in_month = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, before ? before->day : "~");
	if (key > 0)
		sqlite3_bind_int64(st, 5, key);
	if (events_count_step(db, st, n, e) != 0)
		return -1;
	if (before != NULL && events_count_in_month(db, f, before, &in_month,
	    e) != 0)
		return -1;
	*n += in_month;
	return 0;
}

int
events_count(struct db *db, const struct event_filter *f,
    const struct event_pos *before, long long *n, struct err *e)
{
	long long key = events_kept_key(db, f);
	sqlite3_stmt *st;

	if (key >= 0)
		return events_count_kept(db, f, key, before, n, e);
	if ((st = events_stmt(db, f, EVENTS_STMT_COUNT, events_sql_count, e)) == NULL)
		return -1;
	db_bind_text(st, 1, before ? before->day : "~");
	sqlite3_bind_int64(st, 2, before ? before->id : 0);
	events_bind_filter(db, st, f);
	return events_count_step(db, st, n, e);
}

static const char events_sql_find[] =
	"SELECT id FROM event WHERE id = ?1 OR slug = ?2";

int
events_find(struct db *db, const char *key, long long *id, struct err *e)
{
	int found = db_lookup_id(db, events_sql_find, key, id, e);

	if (found == 0)
		err_set(e, "no event '%s' (give its number or its id, as "
		    "'scotl list' shows them)", key);
	return found == 1 ? 0 : -1;
}

/* --- one event -------------------------------------------------------- */

static const char events_sql_detail[] =
	"SELECT " EVENTS_COLUMNS ", coalesce(e.summary, ''), e.place_id,"
	" coalesce((SELECT name FROM entity WHERE id = pl.state_id), '')"
	" FROM event e LEFT JOIN entity pl ON pl.id = e.place_id WHERE e.id = ?1";

static const char events_sql_participants[] =
	"SELECT p.entity_id, en.name, en.kind, coalesce(p.role, ''),"
	" coalesce(st.name, '')"
	" FROM participant p JOIN entity en ON en.id = p.entity_id"
	" LEFT JOIN entity st ON st.id = p.state_id"
	" WHERE p.event_id = ?1"
	" ORDER BY CASE en.kind WHEN 'person' THEN 0 WHEN 'state' THEN 1"
	"  WHEN 'organisation' THEN 2 ELSE 3 END, en.name";

/* Spans are byte offsets, so the body is cut as a blob. */
static const char events_sql_evidence[] =
	"SELECT a.id, a.title, coalesce(a.published, ''),"
	" CAST(substr(CAST(a.body AS BLOB), v.span_start + 1,"
	"  v.span_end - v.span_start) AS TEXT), v.span_start, v.span_end"
	" FROM evidence v JOIN article a ON a.id = v.article_id"
	" WHERE v.event_id = ?1 ORDER BY a.published, a.id, v.span_start";

static const char events_sql_claims[] =
	"SELECT start, end, source, coalesce(article_id, 0) FROM claim"
	" WHERE event_id = ?1 ORDER BY first_day, last_day, id";

int
events_participants(struct db *db, long long id, struct participant_row **out,
    int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, events_sql_participants, e);
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct participant_row *p;

		*out = xgrow(*out, *n, &cap, sizeof **out);
		p = &(*out)[(*n)++];
		p->entity_id = sqlite3_column_int64(st, 0);
		p->name = db_col_text(st, 1);
		p->kind = db_col_text(st, 2);
		p->role = db_col_text(st, 3);
		p->state = db_col_text(st, 4);
	}
	if (rc != SQLITE_DONE) {
		events_participants_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, e, "reading participants");
	}
	return 0;
}

void
events_participants_free(struct participant_row *rows, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].kind);
		free(rows[i].role);
		free(rows[i].state);
	}
	free(rows);
}

static int
events_read_evidence(struct db *db, struct event_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, events_sql_evidence, e);
	int rc, cap = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->ev.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct evidence_row *v;

		d->evidence = xgrow(d->evidence, d->nevidence, &cap,
		    sizeof *d->evidence);
		v = &d->evidence[d->nevidence++];
		v->article_id = sqlite3_column_int64(st, 0);
		v->title = db_col_text(st, 1);
		v->published = db_col_text(st, 2);
		v->sentence = db_col_text(st, 3);
		v->span_start = sqlite3_column_int64(st, 4);
		v->span_end = sqlite3_column_int64(st, 5);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "reading evidence");
}

static int
events_read_claims(struct db *db, struct event_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, events_sql_claims, e);
	int rc, cap = 0;
	struct err de;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->ev.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct claim_row *c;

		d->claims = xgrow(d->claims, d->nclaims, &cap,
		    sizeof *d->claims);
		c = &d->claims[d->nclaims++];
		memset(c, 0, sizeof *c);
		date_from_parts(db_col_str(st, 0),
		    db_col_str(st, 1), &c->date, &de);
		c->source = db_col_text(st, 2);
		c->article_id = sqlite3_column_int64(st, 3);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "reading date claims");
}

int
event_get(struct db *db, long long id, struct event_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, events_sql_detail, e);
	int rc;

	memset(d, 0, sizeof *d);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		err_set(e, "no event %lld", id);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return db_fail(db, e, "reading an event");
	events_read_row(st, &d->ev);
	d->summary = db_col_text(st, EVENTS_NCOLUMNS);
	d->place_id = sqlite3_column_int64(st, EVENTS_NCOLUMNS + 1);
	d->place_state = db_col_text(st, EVENTS_NCOLUMNS + 2);
	sqlite3_reset(st);
	if (events_participants(db, id, &d->participants, &d->nparticipants,
	    e) != 0 ||
	    events_read_evidence(db, d, e) != 0 ||
	    events_read_claims(db, d, e) != 0) {
		event_detail_free(d);
		return -1;
	}
	return 0;
}

void
event_detail_free(struct event_detail *d)
{
	int i;

	events_row_free(&d->ev);
	free(d->summary);
	free(d->place_state);
	events_participants_free(d->participants, d->nparticipants);
	for (i = 0; i < d->nevidence; i++) {
		free(d->evidence[i].title);
		free(d->evidence[i].published);
		free(d->evidence[i].sentence);
	}
	free(d->evidence);
	for (i = 0; i < d->nclaims; i++)
		free(d->claims[i].source);
	free(d->claims);
	memset(d, 0, sizeof *d);
}

/* --- per month -------------------------------------------------------- */

static const char events_sql_months[] =
	"SELECT substr(e.first_day, 1, 7) AS m, count(*) FROM event e "
	EVENTS_INDEX_MARK " WHERE " EVENTS_DRIVER_MARK " 1" EVENTS_FILTER
	" GROUP BY m ORDER BY m";

static void
events_next_month(int *y, int *m)
{
	if (++*m > 12) {
		*m = 1;
		++*y;
	}
}

/* Appends the months from the last one in the list up to y-m, empty. */
static void
events_fill_months(struct month_count **out, int *n, int *cap, int y, int m,
    int count)
{
	int py, pm;

	if (*n > 0 && sscanf((*out)[*n - 1].month, "%d-%d", &py, &pm) == 2) {
		for (events_next_month(&py, &pm); py < y || (py == y && pm < m);
		    events_next_month(&py, &pm))
			events_fill_months(out, n, cap, py, pm, 0);
	}
	*out = xgrow(*out, *n, cap, sizeof **out);
	snprintf((*out)[*n].month, sizeof (*out)[*n].month, "%04d-%02d", y, m);
	(*out)[(*n)++].n = count;
}

int
events_per_month(struct db *db, const struct event_filter *f,
    struct month_count **out, int *n, struct err *e)
{
	long long key = events_kept_key(db, f);
	sqlite3_stmt *st = key >= 0 ? db_stmt(db, events_sql_months_kept, e) :
	    events_stmt(db, f, EVENTS_STMT_MONTHS, events_sql_months, e);
	int rc, cap = 0, y, m;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	if (key > 0)
		sqlite3_bind_int64(st, 5, key);
	else if (key < 0)
		events_bind_filter(db, st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sscanf(db_col_str(st, 0), "%d-%d", &y,
		    &m) != 2)
			continue;
		events_fill_months(out, n, &cap, y, m, sqlite3_column_int(st, 1));
	}
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		db_fail(db, e, "counting events per month");
		sqlite3_reset(st);
		return -1;
	}
	return 0;
}

/* --- the queries as text ---------------------------------------------- */

/* Kept counts' SQL with the entity written in place of its parameter. */
static char *
events_kept_sql(const char *sql, long long key)
{
	const char *at = strstr(sql, EVENTS_KEPT_ENTITY);
	struct buf b;

	buf_init(&b);
	buf_add(&b, sql, (size_t)(at - sql));
	buf_printf(&b, "%lld%s", key, at + strlen(EVENTS_KEPT_ENTITY));
	return buf_steal(&b);
}

char *
events_query_sql(struct db *db, const struct event_filter *f,
    enum events_query q)
{
	static const char *const sql[] = {
		[EVENTS_QUERY_AFTER] = events_sql_after,
		[EVENTS_QUERY_BEFORE] = events_sql_before,
		[EVENTS_QUERY_COUNT] = events_sql_count,
		[EVENTS_QUERY_MONTHS] = events_sql_months,
	};

	long long key = q == EVENTS_QUERY_MONTHS || q == EVENTS_QUERY_COUNT ?
	    events_kept_key(db, f) : -1;
	struct filter *x = f ? f->expr : NULL;
	char *with, *out;

	if (key >= 0)
		return events_kept_sql(q == EVENTS_QUERY_MONTHS ?
		    events_sql_months_kept : events_sql_count_kept, key);
	if (x == NULL) {
		if (f != NULL && f->entity_id > 0 && events_entity_small(db, f->entity_id))
			return events_driven(sql[q], events_entity_driver);
		return events_driven(sql[q], NULL);
	}
	if (x->driver == -2)
		x->driver = events_pick_driver(db, x);
	with = events_with_filter(sql[q], x);
	out = events_driven(with, x->driver >= 0 ? x->drivers[x->driver] : NULL);
	free(with);
	return out;
}
