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

/* A timeline query's SQL as clauses, joined in this order; a NULL one is
 * left out. */
struct events_sql {
	const char *select;     /* "SELECT" and the columns */
	const char *from;       /* the table */
	const char *index;      /* how it is read: "NOT INDEXED" through ids */
	const char *join;
	/* The ids read instead of the event order (a driver's SQL): the
	 * WHERE begins "e.id IN (ids) AND"; without ids, with NO_IDS. */
	const char *ids;
	const char *no_ids;
	const char *where;      /* the first condition */
	const char *bounds;     /* the conditions every such query has */
	const char *filter;     /* the filter's condition: "AND (filter)" */
	const char *group, *order, *limit;
	char entity[48];        /* the where of the kept counts */
};

/* The queries on the events themselves, by enum events_query. The
 * window and the count are a range scan of event_order from (?1, ?2). */
static const struct events_sql events_sql_of[] = {
	[EVENTS_QUERY_AFTER] = {
		.select = "SELECT " EVENTS_COLUMNS, .from = " FROM event e ",
		.join = " LEFT JOIN entity pl ON pl.id = e.place_id",
		.where = " (e.first_day, e.id) > (?1, ?2)", .bounds = EVENTS_FILTER,
		.order = " ORDER BY e.first_day, e.id", .limit = " LIMIT ?6",
	},
	[EVENTS_QUERY_BEFORE] = {
		.select = "SELECT " EVENTS_COLUMNS, .from = " FROM event e ",
		.join = " LEFT JOIN entity pl ON pl.id = e.place_id",
		.where = " (e.first_day, e.id) < (?1, ?2)", .bounds = EVENTS_FILTER,
		.order = " ORDER BY e.first_day DESC, e.id DESC", .limit = " LIMIT ?6",
	},
	[EVENTS_QUERY_COUNT] = {
		.select = "SELECT count(*)", .from = " FROM event e ",
		.where = " (e.first_day, e.id) < (?1, ?2)", .bounds = EVENTS_FILTER,
	},
	[EVENTS_QUERY_MONTHS] = {
		.select = "SELECT substr(e.first_day, 1, 7) AS m, count(*)",
		.from = " FROM event e ", .where = " 1", .bounds = EVENTS_FILTER,
		.group = " GROUP BY m", .order = " ORDER BY m",
	},
};

/* The whole timeline (entity 0) and one entity's events are counted per
 * month on write (schema 4's event_month): their totals and histogram
 * read those rows, and a position's rank adds the events before it in its
 * own month. The where names the entity (events_plan_sql). */
static const struct events_sql events_kept_sql_of[] = {
	[EVENTS_QUERY_COUNT] = {
		.select = "SELECT coalesce(sum(n), 0)", .from = " FROM event_month",
		.bounds = " AND month < substr(?1, 1, 7)",
	},
	[EVENTS_QUERY_MONTHS] = {
		.select = "SELECT month, n", .from = " FROM event_month",
		.bounds = " AND n > 0", .order = " ORDER BY month",
	},
};

static void
events_sql_add(struct buf *b, const char *clause)
{
	if (clause != NULL)
		buf_adds(b, clause);
}

static char *
events_sql_join(const struct events_sql *c)
{
	struct buf b;

	buf_init(&b);
	events_sql_add(&b, c->select);
	events_sql_add(&b, c->from);
	events_sql_add(&b, c->index);
	events_sql_add(&b, c->join);
	buf_adds(&b, " WHERE ");
	if (c->ids != NULL)
		buf_printf(&b, "e.id IN (%s) AND", c->ids);
	else
		events_sql_add(&b, c->no_ids);
	events_sql_add(&b, c->where);
	events_sql_add(&b, c->bounds);
	if (c->filter != NULL)
		buf_printf(&b, " AND (%s)", c->filter);
	events_sql_add(&b, c->group);
	events_sql_add(&b, c->order);
	events_sql_add(&b, c->limit);
	return buf_steal(&b);
}

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

/* --- drivers ------------------------------------------------------------
 *
 * The queries walk the event order and test each event, which is quick
 * when many events pass and slow when few do: "person:doval" among a
 * million events would test them all. When a term that every kept event
 * must satisfy has few events (an entity, a tag, is:bookmarked), the
 * query goes through that term's event ids instead and sorts them. */

/* What the queries keep with a connection (in its slot). */
struct events_cache {
	long max_span;                  /* the longest event, days; -1 unknown */
	long long drive_max;            /* the largest driver used */
	long long drive_entity;         /* the last entity sized */
	int drive_entity_small;         /* and whether its events are few */
};

static const struct db_slot_key events_slot = { .name = "events" };

static struct events_cache *
events_cache(struct db *db)
{
	struct events_cache *c = db_slot(db, &events_slot);

	if (c == NULL) {
		c = xcalloc(1, sizeof *c);
		c->max_span = -1;
		c->drive_max = EVENTS_DRIVE_MAX;
		db_slot_set(db, &events_slot, c, free);
	}
	return c;
}

/* How many ids DRIVER gives, counting no further than the limit. */
static long long
events_driver_size(struct db *db, const char *driver, const struct filter *x,
    long long entity)
{
	struct events_cache *c = events_cache(db);
	sqlite3_stmt *st;
	long long n = -1;
	char *sql;
	int i;

	sql = xmalloc(strlen(driver) + 64);
	sprintf(sql, "SELECT count(*) FROM (%s LIMIT %lld)", driver, c->drive_max + 1);
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
	struct events_cache *c = events_cache(db);
	long long n, best = c->drive_max + 1;
	int i, pick = -1;

	if (c->drive_max <= 0)
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

static int
events_entity_small(struct db *db, long long entity)
{
	struct events_cache *c = events_cache(db);

	if (c->drive_max <= 0)
		return 0;
	if (c->drive_entity != entity) {
		c->drive_entity = entity;
		c->drive_entity_small = events_driver_size(db, events_entity_driver,
		    NULL, entity) <= c->drive_max;
	}
	return c->drive_entity_small;
}

void
events_set_drive_max(struct db *db, long long n)
{
	struct events_cache *c = events_cache(db);

	c->drive_max = n;
	c->drive_entity = 0;
}

/* --- the planner ---------------------------------------------------------
 *
 * Each timeline query is planned here, once for running it and for
 * showing it (events_query_sql) alike: which rows answer it (the counts
 * kept per month, a driver's ids or the event order) and with which
 * condition; its SQL is then joined from the clauses above. */

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

/* What the planner chose for one query. */
struct events_plan {
	enum events_query q;
	long long kept;         /* >= 0: event_month's rows of this entity
				 * (0: of the whole timeline); -1: the events */
	const char *driver;     /* SQL of the ids read instead of the event
				 * order, or NULL */
	struct filter *x;       /* its condition must hold, or NULL */
};

/* Q on the events of F themselves: through the ids of the filter's
 * driver or of the entity when they are few, else along the event
 * order. */
static void
events_plan_walk(struct db *db, const struct event_filter *f,
    enum events_query q, struct events_plan *p)
{
	struct filter *x = f ? f->expr : NULL;

	memset(p, 0, sizeof *p);
	p->q = q;
	p->kept = -1;
	p->x = x;
	if (x != NULL) {
		if (x->driver == -2)
			x->driver = events_pick_driver(db, x);
		if (x->driver >= 0)
			p->driver = x->drivers[x->driver];
	} else if (f != NULL && f->entity_id > 0 && events_entity_small(db, f->entity_id))
		p->driver = events_entity_driver;
}

/* Q for F: the counts and the histogram from event_month when it holds
 * them, anything else from the events. */
static void
events_plan(struct db *db, const struct event_filter *f, enum events_query q,
    struct events_plan *p)
{
	long long key = q == EVENTS_QUERY_MONTHS || q == EVENTS_QUERY_COUNT ?
	    events_kept_key(db, f) : -1;

	if (key < 0) {
		events_plan_walk(db, f, q, p);
		return;
	}
	memset(p, 0, sizeof *p);
	p->q = q;
	p->kept = key;
}

/* The SQL of a plan, to run or to show. Two things differ, so that the
 * text of every statement stays what it has always been: the kept counts
 * run with their entity as ?5 and show it written in; the statements
 * without a filter that walk the event order run with comments where a
 * driver's parts would go. */
enum events_text {
	EVENTS_TO_RUN,
	EVENTS_TO_SHOW,
};

static char *
events_plan_sql(const struct events_plan *p, enum events_text use)
{
	struct events_sql c;

	if (p->kept >= 0) {
		c = events_kept_sql_of[p->q];
		if (use == EVENTS_TO_SHOW)
			snprintf(c.entity, sizeof c.entity, "entity_id = %lld", p->kept);
		else
			snprintf(c.entity, sizeof c.entity, "entity_id = coalesce(?5, 0)");
		c.where = c.entity;
		return events_sql_join(&c);
	}
	c = events_sql_of[p->q];
	c.ids = p->driver;
	c.filter = p->x ? p->x->sql : NULL;
	if (p->driver != NULL) {
		c.index = "NOT INDEXED";
	} else if (p->x == NULL && use == EVENTS_TO_RUN) {
		c.index = "/*index*/";
		c.no_ids = "/*driver*/";
	}
	return events_sql_join(&c);
}

/* The SQL of the plans without a filter, run through the statement
 * cache, which keys on the string: made once per query and way (the
 * event order, an entity's ids, event_month), kept for the life of the
 * program, and freed at exit (memory checkers count what is left). */
#define EVENTS_QUERIES (EVENTS_QUERY_MONTHS + 1)
enum events_way {
	EVENTS_WAY_ORDER,
	EVENTS_WAY_IDS,
	EVENTS_WAY_KEPT,
	EVENTS_WAYS
};
static char *events_cached[EVENTS_QUERIES][EVENTS_WAYS];

static void
events_cached_free(void)
{
	int q, way;

	for (q = 0; q < EVENTS_QUERIES; q++)
		for (way = 0; way < EVENTS_WAYS; way++) {
			free(events_cached[q][way]);
			events_cached[q][way] = NULL;
		}
}

static const char *
events_cached_sql(const struct events_plan *p)
{
	static int registered;
	enum events_way way = p->kept >= 0 ? EVENTS_WAY_KEPT :
	    p->driver != NULL ? EVENTS_WAY_IDS : EVENTS_WAY_ORDER;

	if (!registered)
		registered = atexit(events_cached_free) == 0;
	if (events_cached[p->q][way] == NULL)
		events_cached[p->q][way] = events_plan_sql(p, EVENTS_TO_RUN);
	return events_cached[p->q][way];
}

/* The statement for a plan: the cached one, or with a filter-language
 * expression, the query with the filter in it, prepared once per filter,
 * its values bound. */
static sqlite3_stmt *
events_plan_stmt(struct db *db, const struct events_plan *p, struct err *e)
{
	struct filter *x = p->x;
	char *text;
	int i, rc;

	if (x == NULL)
		return db_stmt(db, events_cached_sql(p), e);
	if (x->stmt[p->q] == NULL) {
		text = events_plan_sql(p, EVENTS_TO_RUN);
		rc = sqlite3_prepare_v3(db->h, text, -1, SQLITE_PREPARE_PERSISTENT,
		    &x->stmt[p->q], NULL);
		free(text);
		if (rc != SQLITE_OK) {
			db_fail(db, e, "preparing the filter");
			return NULL;
		}
	}
	sqlite3_reset(x->stmt[p->q]);
	sqlite3_clear_bindings(x->stmt[p->q]);
	for (i = 0; i < x->nparams; i++)
		sqlite3_bind_text(x->stmt[p->q], FILTER_PARAM_BASE + i, x->params[i],
		    -1, SQLITE_STATIC);
	return x->stmt[p->q];
}

/* The longest an event lasts, in days: a year, or a range or an
 * approximate date that lasts longer (read once per database). */
static long
events_max_span(struct db *db)
{
	struct events_cache *c = events_cache(db);
	sqlite3_stmt *st;

	if (c->max_span >= 0)
		return c->max_span;
	c->max_span = 366;
	if (sqlite3_prepare_v2(db->h, "SELECT max(julianday(last_day) -"
	    " julianday(first_day)) FROM event INDEXED BY event_long"
	    " WHERE end IS NOT NULL OR precision = 'approximate'", -1, &st,
	    NULL) != SQLITE_OK)
		return c->max_span;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_double(st, 0) + 1 > c->max_span)
		c->max_span = (long)sqlite3_column_double(st, 0) + 1;
	sqlite3_finalize(st);
	return c->max_span;
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
	struct events_plan p;
	sqlite3_stmt *st;
	int rc, i;

	events_plan(db, f, dir == EVENTS_AFTER ? EVENTS_QUERY_AFTER :
	    EVENTS_QUERY_BEFORE, &p);
	st = events_plan_stmt(db, &p, e);
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
	struct events_plan p;
	sqlite3_stmt *st;
	char month[11];

	events_plan_walk(db, f, EVENTS_QUERY_COUNT, &p);
	if ((st = events_plan_stmt(db, &p, e)) == NULL)
		return -1;
	snprintf(month, sizeof month, "%.7s", pos->day);
	db_bind_text(st, 1, pos->day);
	sqlite3_bind_int64(st, 2, pos->id);
	events_bind_filter(db, st, f);
	db_bind_text(st, 8, month);
	return events_count_step(db, st, n, e);
}

static int
events_count_kept(struct db *db, const struct event_filter *f,
    const struct events_plan *p, const struct event_pos *before, long long *n,
    struct err *e)
{
	sqlite3_stmt *st = events_plan_stmt(db, p, e);
	long long in_month = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, before ? before->day : "~");
	if (p->kept > 0)
		sqlite3_bind_int64(st, 5, p->kept);
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
	struct events_plan p;
	sqlite3_stmt *st;

	events_plan(db, f, EVENTS_QUERY_COUNT, &p);
	if (p.kept >= 0)
		return events_count_kept(db, f, &p, before, n, e);
	if ((st = events_plan_stmt(db, &p, e)) == NULL)
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
	struct events_plan p;
	sqlite3_stmt *st;
	int rc, cap = 0, y, m;

	events_plan(db, f, EVENTS_QUERY_MONTHS, &p);
	st = events_plan_stmt(db, &p, e);
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	if (p.kept > 0)
		sqlite3_bind_int64(st, 5, p.kept);
	else if (p.kept < 0)
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

char *
events_query_sql(struct db *db, const struct event_filter *f,
    enum events_query q)
{
	struct events_plan p;

	events_plan(db, f, q, &p);
	return events_plan_sql(&p, EVENTS_TO_SHOW);
}
