/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "scotl/entity.h"

/* An entity's state: its own (places, organisations), else the state of
 * its latest role (people). */
#define ENTITY_REF_COLUMNS \
	"en.id, en.name, en.kind," \
	" coalesce((SELECT name FROM entity WHERE id = en.state_id)," \
	"  (SELECT s.name FROM role r JOIN entity s ON s.id = r.state_id" \
	"   WHERE r.entity_id = en.id ORDER BY coalesce(r.first_day, '') DESC," \
	"   r.id DESC LIMIT 1), '')"

static const char entity_sql_exact[] =
	"SELECT DISTINCT " ENTITY_REF_COLUMNS " FROM alias a"
	" JOIN entity en ON en.id = a.entity_id WHERE a.norm = ?1"
	" ORDER BY en.kind, en.name";

/* A prefix is a range of the alias_norm index: [p, p + U+10FFFF). */
static const char entity_sql_prefix[] =
	"SELECT DISTINCT " ENTITY_REF_COLUMNS " FROM alias a"
	" JOIN entity en ON en.id = a.entity_id"
	" WHERE a.norm >= ?1 AND a.norm < ?1 || char(1114111)"
	" ORDER BY en.kind, en.name";

static void
entity_read_ref(sqlite3_stmt *st, int col, struct entity_ref *r)
{
	r->id = sqlite3_column_int64(st, col);
	r->name = db_col_text(st, col + 1);
	r->kind = db_col_text(st, col + 2);
	r->state = db_col_text(st, col + 3);
}

static void
entity_ref_free(struct entity_ref *r)
{
	free(r->name);
	free(r->kind);
	free(r->state);
}

void
entity_list_free(struct entity_list *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		entity_ref_free(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

static int
entity_query(struct db *db, const char *sql, const char *norm,
    struct entity_list *out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, cap = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, norm);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->items = xgrow(out->items, out->n, &cap,
		    sizeof *out->items);
		entity_read_ref(st, 0, &out->items[out->n++]);
	}
	if (rc != SQLITE_DONE) {
		entity_list_free(out);
		return db_fail(db, e, "looking up a name");
	}
	return 0;
}

int
entity_find(struct db *db, const char *name, struct entity_list *out,
    struct err *e)
{
	char *norm = util_ascii_lower(name);
	int rc;

	out->items = NULL;
	out->n = 0;
	rc = entity_query(db, entity_sql_exact, norm, out, e);
	if (rc == 0 && out->n == 0 && *norm != '\0')
		rc = entity_query(db, entity_sql_prefix, norm, out, e);
	free(norm);
	return rc;
}

/* --- detail ----------------------------------------------------------- */

static const char entity_sql_get[] =
	"SELECT " ENTITY_REF_COLUMNS ", en.origin FROM entity en WHERE en.id = ?1";

static const char entity_sql_aliases[] =
	"SELECT name, kind FROM alias WHERE entity_id = ?1 AND kind <> 'name'"
	" ORDER BY kind, name";

static const char entity_sql_roles[] =
	"SELECT r.title, coalesce(s.name, ''), coalesce(r.since, ''),"
	" coalesce(r.until, '') FROM role r LEFT JOIN entity s ON s.id = r.state_id"
	" WHERE r.entity_id = ?1 ORDER BY coalesce(r.first_day, ''), r.id";

static const char entity_sql_sco[] =
	"SELECT status, '', coalesce(since, ''), coalesce(until, '')"
	" FROM membership WHERE state_id = ?1"
	" ORDER BY coalesce(first_day, ''), id";

/* The states a person stood for, by role or at an event. */
static const char entity_sql_states[] =
	"SELECT name FROM entity WHERE id IN"
	" (SELECT state_id FROM role WHERE entity_id = ?1"
	"  UNION SELECT state_id FROM participant WHERE entity_id = ?1)"
	" ORDER BY name";

static const char entity_sql_events[] =
	"SELECT count(*), coalesce(min(first_day), ''), coalesce(max(last_day), '')"
	" FROM event WHERE place_id = ?1 OR id IN"
	" (SELECT event_id FROM participant WHERE entity_id = ?1)";

/* How many events, from the indexes alone: those it takes part in, and
 * those at it (a place) that do not list it. */
/* The events an entity takes part in or hosts, each once: the sum of its
 * months as event_month keeps them (a few hundred rows, whatever the
 * number of events). */
static const char entity_sql_count[] =
	"SELECT coalesce(sum(n), 0) FROM event_month WHERE entity_id = ?1";

static const char entity_sql_partners[] =
	"SELECT " ENTITY_REF_COLUMNS ", count(*) AS shared"
	" FROM participant me JOIN participant o ON o.event_id = me.event_id"
	"  AND o.entity_id <> me.entity_id"
	" JOIN entity en ON en.id = o.entity_id AND en.kind = 'person'"
	" WHERE me.entity_id = ?1"
	" GROUP BY en.id ORDER BY shared DESC, en.name";

static int
entity_read_aliases(struct db *db, struct entity_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, entity_sql_aliases, e);
	int rc, cap = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->ref.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->aliases = xgrow(d->aliases, d->naliases, &cap,
		    sizeof *d->aliases);
		d->aliases[d->naliases].name = db_col_text(st, 0);
		d->aliases[d->naliases++].kind = db_col_text(st, 1);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "reading names");
}

static int
entity_read_spans(struct db *db, const char *sql, long long id,
    struct entity_span **out, int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int rc, cap = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct entity_span *s;

		*out = xgrow(*out, *n, &cap, sizeof **out);
		s = &(*out)[(*n)++];
		s->what = db_col_text(st, 0);
		s->state = db_col_text(st, 1);
		s->since = db_col_text(st, 2);
		s->until = db_col_text(st, 3);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "reading roles");
}

static int
entity_read_states(struct db *db, struct entity_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, entity_sql_states, e);
	int rc, cap = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->ref.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->states = xgrow(d->states, d->nstates, &cap,
		    sizeof *d->states);
		d->states[d->nstates++] = db_col_text(st, 0);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "reading states");
}

static int
entity_read_events(struct db *db, struct entity_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, entity_sql_events, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->ref.id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(db, e, "counting events");
	d->events = sqlite3_column_int(st, 0);
	snprintf(d->first_day, sizeof d->first_day, "%s",
	    db_col_str(st, 1));
	snprintf(d->last_day, sizeof d->last_day, "%s",
	    db_col_str(st, 2));
	sqlite3_reset(st);
	return 0;
}

int
entity_event_count(struct db *db, long long id, long long *n, struct err *e)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, entity_sql_count, e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, e, "counting events");
		sqlite3_reset(st);
		return -1;
	}
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

static int
entity_read_partners(struct db *db, struct entity_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, entity_sql_partners, e);
	int rc, cap = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->ref.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->partners = xgrow(d->partners, d->npartners, &cap,
		    sizeof *d->partners);
		entity_read_ref(st, 0, &d->partners[d->npartners].who);
		d->partners[d->npartners++].shared = sqlite3_column_int(st, 4);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "reading shared events");
}

int
entity_get(struct db *db, long long id, struct entity_detail *d, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, entity_sql_get, e);
	int rc;

	memset(d, 0, sizeof *d);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			err_set(e, "no entity %lld", id);
		else
			db_fail(db, e, "reading an entity");
		return -1;
	}
	entity_read_ref(st, 0, &d->ref);
	d->origin = db_col_text(st, 4);
	sqlite3_reset(st);
	if (entity_read_aliases(db, d, e) != 0 ||
	    entity_read_spans(db, entity_sql_roles, id, &d->roles, &d->nroles, e) ||
	    entity_read_spans(db, entity_sql_sco, id, &d->sco, &d->nsco, e) ||
	    entity_read_states(db, d, e) != 0 ||
	    entity_read_events(db, d, e) != 0 ||
	    entity_read_partners(db, d, e) != 0) {
		entity_detail_free(d);
		return -1;
	}
	return 0;
}

static void
entity_spans_free(struct entity_span *s, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(s[i].what);
		free(s[i].state);
		free(s[i].since);
		free(s[i].until);
	}
	free(s);
}

void
entity_detail_free(struct entity_detail *d)
{
	int i;

	entity_ref_free(&d->ref);
	free(d->origin);
	for (i = 0; i < d->naliases; i++) {
		free(d->aliases[i].name);
		free(d->aliases[i].kind);
	}
	free(d->aliases);
	entity_spans_free(d->roles, d->nroles);
	entity_spans_free(d->sco, d->nsco);
	for (i = 0; i < d->nstates; i++)
		free(d->states[i]);
	free(d->states);
	for (i = 0; i < d->npartners; i++)
		entity_ref_free(&d->partners[i].who);
	free(d->partners);
	memset(d, 0, sizeof *d);
}

/* Open ends count as unbounded: a status "since 2004" holds today. */
static const char entity_sql_sco_on[] =
	"SELECT status FROM membership WHERE state_id = ?1"
	" AND coalesce(first_day, '0000-01-01') <= ?2"
	" AND coalesce(last_day, '9999-12-31') >= ?2"
	" ORDER BY coalesce(first_day, '') DESC LIMIT 1";

int
entity_sco_status(struct db *db, long long state, const char *day, char *out,
    size_t size, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, entity_sql_sco_on, e);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, state);
	db_bind_text(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, size, "%s", db_col_str(st, 0));
	else if (rc == SQLITE_DONE)
		snprintf(out, size, "%s", "");
	else
		return db_fail(db, e, "reading SCO status");
	sqlite3_reset(st);
	return 0;
}
