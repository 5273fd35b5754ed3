/* SPDX-License-Identifier: ISC */
/* What the query layer's files share and nothing else sees: the compiled
 * filter, which filter.c makes and events.c plans and runs. Never
 * included from tui/. */
#ifndef SCOTL_QUERY_QUERY_H
#define SCOTL_QUERY_QUERY_H

#include <sqlite3.h>

/* A compiled filter (filter.c): an SQL condition over "event e" whose
 * values are bound as parameters ?1000 and up; events.c keeps its
 * prepared statements here, one per kind of query. */
#define FILTER_PARAM_BASE 1000
#define FILTER_STMTS 4          /* one per enum events_query */
#define FILTER_MAX_DRIVERS 8
struct filter {
	char *sql;
	char **params;
	int nparams, cap;
	sqlite3_stmt *stmt[FILTER_STMTS];
	/* Drivers: SQL selecting a superset of the kept events' ids from an
	 * index (entity, tag, is: terms that must hold). When one is small,
	 * the queries go through its ids instead of the whole event order. */
	char *drivers[FILTER_MAX_DRIVERS];
	int ndrivers;
	int driver;             /* the one chosen: -1 none, -2 not chosen yet */
	/* Date bounds every kept event is within ("" when open). */
	char since[11], until[11];
	/* A filter that is one entity term: SQL for the entities it names,
	 * and (once looked up) the one it names, -1 if not one, -2 unknown.
	 * Such a filter is that entity's events, counted in event_month. */
	char *entity_of;
	long long entity_one;
};

#endif
