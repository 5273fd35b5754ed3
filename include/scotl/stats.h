/* SPDX-License-Identifier: ISC */
/* What a database holds, in numbers. */
#ifndef SCOTL_STATS_H
#define SCOTL_STATS_H

#include "scotl/db.h"
#include "scotl/util.h"

struct stats_year {
	int year;
	int events;
};

struct stats {
	long long articles;
	long long events, curated, extracted, disputed;
	long long people, states, organisations, places, aliases;
	long long participants, evidence, claims, mentions;
	long long notes, tags, bookmarks;
	char first_day[11], last_day[11];
	struct stats_year *years;       /* events per year, by first day */
	int nyears;
	int schema;
};

int stats_get(struct db *db, struct stats *out, struct err *e);
void stats_free(struct stats *s);

#endif
