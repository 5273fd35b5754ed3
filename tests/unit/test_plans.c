/* SPDX-License-Identifier: ISC */
/* Every query the browser runs on a key uses an index: the statements of
 * one browse step (moving in the timeline, with and without a filter, an
 * entity's events, the event's detail, its article and mentions, the
 * cross-references' counts and SCO status, what the user keeps) are
 * traced, and EXPLAIN QUERY PLAN of each must not scan a table whole. The
 * counts done after drawing (total, per month) are not per key and are
 * left out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/annot.h"
#include "scotl/article.h"
#include "scotl/entity.h"
#include "scotl/events.h"
#include "scotl/filter.h"
#include "scotl/mention.h"
#include "scotl/uistate.h"

#define PLANS_MAX 256

static char *plans_sql[PLANS_MAX];
static int plans_n;

static int
plans_trace(unsigned type, void *arg, void *p, void *x)
{
	const char *sql = sqlite3_sql((sqlite3_stmt *)p);
	int i;

	(void)type;
	(void)arg;
	(void)x;
	if (sql == NULL || strncmp(sql, "EXPLAIN", 7) == 0)
		return 0;
	for (i = 0; i < plans_n; i++)
		if (strcmp(plans_sql[i], sql) == 0)
			return 0;
	if (plans_n < PLANS_MAX)
		plans_sql[plans_n++] = xstrdup(sql);
	return 0;
}

/* The full scans in SQL's plan, as "SCAN event; SCAN m", or "". */
static void
plans_scans(struct db *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	char *eqp = xmalloc(strlen(sql) + 32);
	const char *detail;

	out[0] = '\0';
	sprintf(eqp, "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(db->h, eqp, -1, &st, NULL) != SQLITE_OK) {
		snprintf(out, size, "cannot explain: %s", sqlite3_errmsg(db->h));
		free(eqp);
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		detail = (const char *)sqlite3_column_text(st, 3);
		/* A subquery's own rows or a constant are not a table. */
		if (strncmp(detail, "SCAN ", 5) == 0 && detail[5] != '(' &&
		    strncmp(detail, "SCAN CONSTANT", 13) != 0)
			snprintf(out + strlen(out), size - strlen(out), "%s%s",
			    out[0] ? "; " : "", detail);
	}
	sqlite3_finalize(st);
	free(eqp);
}

/* What the browser reads on one key: the window around the selection,
 * the event, its article, the cross-references. */
static void
plans_browse(struct db *db, const struct event_filter *f)
{
	struct event_list l;
	struct event_detail d;
	struct article a;
	struct mention_row *m;
	struct event_pos pos;
	char status[32], *s;
	long long n;
	struct err e;
	int i, nm;

	if (events_window(db, f, NULL, EVENTS_AFTER, 128, &l, &e) != 0 || l.n == 0) {
		tap_diag("no window: %s", l.n == 0 ? "empty" : e.msg);
		return;
	}
	event_row_pos(&l.rows[l.n / 2], &pos);
	event_list_free(&l);
	events_window(db, f, &pos, EVENTS_AFTER, 128, &l, &e);
	event_list_free(&l);
	events_window(db, f, &pos, EVENTS_BEFORE, 128, &l, &e);
	event_list_free(&l);
	if (event_get(db, pos.id, &d, &e) != 0)
		return;
	for (i = 0; i < d.nparticipants; i++) {
		entity_event_count(db, d.participants[i].entity_id, &n, &e);
		entity_sco_status(db, d.participants[i].entity_id, d.ev.date.first,
		    status, sizeof status, &e);
	}
	for (i = 0; i < d.nevidence; i++) {
		if (article_get(db, d.evidence[i].article_id, &a, &e) == 0)
			article_free(&a);
		if (mention_list(db, d.evidence[i].article_id, &m, &nm, &e) == 0)
			free(m);
	}
	annot_note_get(db, pos.id, &s, &e);
	free(s);
	annot_tags_get(db, pos.id, &s, &e);
	free(s);
	event_detail_free(&d);
}

static void
plans_filter(struct db *db, const char *text)
{
	struct event_filter f;
	struct err e;
	int col;

	memset(&f, 0, sizeof f);
	if (filter_compile(text, &f.expr, &col, &e) != 0)
		tap_diag("%s: %s", text, e.msg);
	plans_browse(db, &f);
	filter_free(f.expr);
}

int
main(void)
{
	struct db *db = fixture_db();
	struct event_filter f;
	char scans[1024];
	struct err e;
	long long india;
	int i;

	memset(&f, 0, sizeof f);
	india = fixture_sql_int(db, "SELECT id FROM entity WHERE name = 'India'");
	f.entity_id = india;
	annot_tags_set(db, fixture_sql_int(db, "SELECT id FROM event WHERE slug ="
	    " 'nsa-dushanbe'"), "watch", &e);
	sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, plans_trace, NULL);
	plans_browse(db, &f);                   /* India: through its ids */
	f.entity_id = 0;
	plans_browse(db, &f);                   /* no filter */
	f.entity_id = india;
	events_set_drive_max(db, 0);
	plans_browse(db, &f);                   /* through the event order */
	plans_filter(db, "person:doval date:2021..2022");
	events_set_drive_max(db, EVENTS_DRIVE_MAX);
	plans_filter(db, "person:doval date:2021..2022");
	plans_filter(db, "tag:watch");
	plans_filter(db, "date:2021-06");
	sqlite3_trace_v2(db->h, 0, NULL, NULL);
	ok(plans_n >= 20, "the browse steps ran %d different statements", plans_n);
	for (i = 0; i < plans_n; i++) {
		plans_scans(db, plans_sql[i], scans, sizeof scans);
		ok(scans[0] == '\0', "no full scan: %.70s%s", plans_sql[i],
		    strlen(plans_sql[i]) > 70 ? "..." : "");
		if (scans[0])
			tap_diag("%s\n  in %s", scans, plans_sql[i]);
		free(plans_sql[i]);
	}
	db_close(db);
	return tap_done();
}
