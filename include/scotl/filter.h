/* SPDX-License-Identifier: ISC */
/* The filter language of the filter line and of --filter:
 *
 *   terms are ANDed; '|' or OR between alternatives; '-' or NOT before a
 *   term negates it; parentheses group; "quotes" keep phrases.
 *   person: p:  state: s:  org: o:  place:  kind: k:  origin:  source:
 *   tag:  date:A..B  date:2022-05  date:..2019  date:2022-08-18~2w
 *   since:  until:  is:disputed  is:noted  is:bookmarked
 *   bare words and phrases: the text of the event's articles (FTS5),
 *   its title and summary.
 *
 * An entity field matches any name of an entity by prefix, without case
 * ("person:dov"). Dates compare the first and last day an event can
 * mean. The result is an SQL condition with bound parameters only. */
#ifndef SCOTL_FILTER_H
#define SCOTL_FILTER_H

#include "scotl/db.h"
#include "scotl/util.h"

#define FILTER_MAX_LENGTH 4096
#define FILTER_MAX_DEPTH 64

struct filter;

/* Compiles TEXT; on an error, -1 with the message ("unclosed '(' at
 * column 8") and *column set to the 1-based column it names. An empty
 * or blank TEXT compiles to a filter that keeps every event. */
int filter_compile(const char *text, struct filter **out, int *column,
    struct err *e);
void filter_free(struct filter *f);

/* The values bound to the condition: parameter ?(1000 + I) is
 * filter_param_value(f, I), for I below filter_param_count(f). */
int filter_param_count(const struct filter *f);
const char *filter_param_value(const struct filter *f, int i);

#endif
