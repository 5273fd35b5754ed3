/* SPDX-License-Identifier: ISC */
/* Fuzz target: filter text -> SQL (model/query/filter.c, model/query/events.c),
 * against the database of fuzz_db(). A filter either compiles, and then
 * every query of the timeline prepares and runs, giving the same events
 * through a driver's ids as through the event order; or it fails with a
 * one-line message, fit to print, naming a column inside the text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fuzz.h"
#include "scotl/events.h"
#include "scotl/filter.h"

#define FUZZ_WINDOW 8

static void
fuzz_filter_error(const char *text, int column, const struct err *e)
{
	size_t i;
	int chars = 0;

	for (i = 0; text[i]; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			chars++;
	fuzz_check_message(e->msg, "the filter's error");
	FUZZ_CHECK(column >= 1 && (column <= chars + 1 ||
	    column == FILTER_MAX_LENGTH + 1), "column %d of a %d-character filter",
	    column, chars);
}

static void
fuzz_filter_prepares(struct db *db, const struct event_filter *f)
{
	static const enum events_query qs[] = { EVENTS_QUERY_AFTER,
	    EVENTS_QUERY_BEFORE, EVENTS_QUERY_COUNT, EVENTS_QUERY_MONTHS };
	sqlite3_stmt *st;
	size_t i;
	char *sql;

	for (i = 0; i < sizeof qs / sizeof *qs; i++) {
		sql = events_query_sql(db, f, qs[i]);
		FUZZ_CHECK(sql != NULL, "no SQL for query %zu", i);
		FUZZ_CHECK(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK,
		    "query %zu does not prepare: %s\n%s", i, sqlite3_errmsg(db->h),
		    sql);
		sqlite3_finalize(st);
		free(sql);
	}
}

/* The first events, the count and the months; the ids into IDS. */
static long long
fuzz_filter_run(struct db *db, const struct event_filter *f,
    long long ids[FUZZ_WINDOW], int *nids)
{
	struct month_count *months;
	struct event_list l;
	long long n;
	struct err e;
	int i, nm;

	FUZZ_CHECK(events_window(db, f, NULL, EVENTS_AFTER, FUZZ_WINDOW, &l, &e) == 0,
	    "events_window: %s", e.msg);
	for (i = 0; i < l.n; i++)
		ids[i] = l.rows[i].id;
	*nids = l.n;
	event_list_free(&l);
	FUZZ_CHECK(events_window(db, f, NULL, EVENTS_BEFORE, FUZZ_WINDOW, &l,
	    &e) == 0, "events_window before: %s", e.msg);
	event_list_free(&l);
	FUZZ_CHECK(events_count(db, f, NULL, &n, &e) == 0, "events_count: %s",
	    e.msg);
	FUZZ_CHECK(events_per_month(db, f, &months, &nm, &e) == 0,
	    "events_per_month: %s", e.msg);
	free(months);
	FUZZ_CHECK(n >= *nids, "%lld counted, %d listed", n, *nids);
	return n;
}

static int
fuzz_filter_compile(const char *text, struct event_filter *f)
{
	int column;
	struct err e;

	memset(f, 0, sizeof *f);
	if (filter_compile(text, &f->expr, &column, &e) == 0) {
		FUZZ_CHECK(f->expr != NULL, "compiled to nothing");
		return 0;
	}
	FUZZ_CHECK(f->expr == NULL, "failed, but gave a filter");
	fuzz_filter_error(text, column, &e);
	return -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db *db = fuzz_db();
	struct event_filter f, g;
	long long a[FUZZ_WINDOW], b[FUZZ_WINDOW], na, nb;
	int ia, ib;
	char *text = xmalloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	if (fuzz_filter_compile(text, &f) == 0) {
		FUZZ_CHECK(fuzz_filter_compile(text, &g) == 0, "compiles once only");
		events_set_drive_max(db, EVENTS_DRIVE_MAX);
		fuzz_filter_prepares(db, &f);
		na = fuzz_filter_run(db, &f, a, &ia);
		events_set_drive_max(db, 0);
		fuzz_filter_prepares(db, &g);
		nb = fuzz_filter_run(db, &g, b, &ib);
		events_set_drive_max(db, EVENTS_DRIVE_MAX);
		FUZZ_CHECK(na == nb && ia == ib && memcmp(a, b, (size_t)ia *
		    sizeof *a) == 0, "driven: %lld events, walked: %lld", na, nb);
		filter_free(f.expr);
		filter_free(g.expr);
	}
	free(text);
	return 0;
}
