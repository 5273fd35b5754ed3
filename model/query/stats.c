/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "scotl/stats.h"

static const char stats_sql_counts[] =
	"SELECT (SELECT count(*) FROM article),"
	" (SELECT count(*) FROM event),"
	" (SELECT count(*) FROM event WHERE origin = 'curated'),"
	" (SELECT count(*) FROM event WHERE origin = 'extracted'),"
	" (SELECT count(*) FROM event e WHERE EXISTS (SELECT 1 FROM claim c"
	"   WHERE c.event_id = e.id AND (c.first_day <> e.first_day"
	"   OR c.last_day <> e.last_day))),"
	" (SELECT count(*) FROM entity WHERE kind = 'person'),"
	" (SELECT count(*) FROM entity WHERE kind = 'state'),"
	" (SELECT count(*) FROM entity WHERE kind = 'organisation'),"
	" (SELECT count(*) FROM entity WHERE kind = 'place'),"
	" (SELECT count(*) FROM alias),"
	" (SELECT count(*) FROM participant),"
	" (SELECT count(*) FROM evidence),"
	" (SELECT count(*) FROM claim),"
	" (SELECT count(*) FROM mention),"
	" (SELECT count(*) FROM note),"
	" (SELECT count(*) FROM tag),"
	" (SELECT count(*) FROM bookmark),"
	" coalesce((SELECT min(first_day) FROM event), ''),"
	" coalesce((SELECT max(last_day) FROM event), '')";

static const char stats_sql_years[] =
	"SELECT CAST(substr(first_day, 1, 4) AS INTEGER) AS y, count(*)"
	" FROM event GROUP BY y ORDER BY y";

static int
stats_read_years(struct db *db, struct stats *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, stats_sql_years, e);
	int rc, cap = 0;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s->years = xgrow(s->years, s->nyears, &cap, sizeof *s->years);
		s->years[s->nyears].year = sqlite3_column_int(st, 0);
		s->years[s->nyears++].events = sqlite3_column_int(st, 1);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "counting events per year");
}

int
stats_get(struct db *db, struct stats *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, stats_sql_counts, e);
	long long *fields[] = {
		&s->articles, &s->events, &s->curated, &s->extracted, &s->disputed,
		&s->people, &s->states, &s->organisations, &s->places, &s->aliases,
		&s->participants, &s->evidence, &s->claims, &s->mentions,
		&s->notes, &s->tags, &s->bookmarks,
	};
	int i, n = (int)(sizeof fields / sizeof *fields);

	memset(s, 0, sizeof *s);
	if (st == NULL)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(db, e, "counting");
	for (i = 0; i < n; i++)
		*fields[i] = sqlite3_column_int64(st, i);
	snprintf(s->first_day, sizeof s->first_day, "%s",
	    db_col_str(st, n));
	snprintf(s->last_day, sizeof s->last_day, "%s",
	    db_col_str(st, n + 1));
	sqlite3_reset(st);
	s->schema = db_file_version(db);
	if (stats_read_years(db, s, e) != 0) {
		stats_free(s);
		return -1;
	}
	return 0;
}

void
stats_free(struct stats *s)
{
	free(s->years);
	s->years = NULL;
	s->nyears = 0;
}
