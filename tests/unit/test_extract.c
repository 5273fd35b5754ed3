/* SPDX-License-Identifier: ISC */
/* Extraction quality: the five seed articles are imported, with the
 * publication dates of FACTS.md, into a database that holds only the
 * gazetteer, and each seed's extracted event is compared with the
 * curated one: recall and precision of the people and states named as
 * participants, and the date. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/corpus.h"
#include "scotl/entity.h"
#include "scotl/events.h"
#include "scotl/importer.h"

static const struct {
	const char *file, *published, *slug;
} seeds[] = {
	{ "000_3148a955f42c3b81.txt", "2021-06-23", "nsa-2021-dushanbe" },
	{ "001_d7dc98a0a732fa13.txt", "2022-05-15", "rats-experts-2022-delhi" },
	{ "002_ce39b4929506ae58.txt", "2025-06-25", "defence-ministers-2025-qingdao" },
	{ "003_ff30a0ee940f8091.txt", "2022-08-20", "nsa-2022-tashkent" },
	{ "004_691f94b3424021d2.txt", "2021-09-08", "patrushev-doval-2021-delhi" },
};

static int
is_person_or_state(const struct participant_row *p)
{
	return strcmp(p->kind, "person") == 0 || strcmp(p->kind, "state") == 0;
}

static int
has_name(const struct participant_row *p, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (is_person_or_state(&p[i]) && strcmp(p[i].name, name) == 0)
			return 1;
	return 0;
}

/* Whether the article names the entity at all. */
static int
article_names(struct db *db, long long article, const char *name)
{
	char sql[512];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM mention m JOIN entity e"
	    " ON e.id = m.entity_id WHERE m.article_id = %lld AND e.name = '%s'",
	    article, name);
	return fixture_sql_int(db, sql) > 0;
}

static int
date_right(const struct event_detail *cur, const struct event_detail *got)
{
	int i;

	if (strcmp(cur->ev.date.first, got->ev.date.first) == 0 &&
	    strcmp(cur->ev.date.last, got->ev.date.last) == 0)
		return 1;
	for (i = 0; i < cur->nclaims; i++)
		if (strcmp(cur->claims[i].date.first, got->ev.date.first) == 0 &&
		    strcmp(cur->claims[i].date.last, got->ev.date.last) == 0)
			return 1;
	return 0;
}

int
main(void)
{
	char *dir = fixture_tmpdir(), path[4300], d1[48], d2[48];
	struct db *cur = fixture_db(), *db = fixture_gazetteer_db(dir);
	int hit = 0, named = 0, curated = 0, extracted = 0, right = 0, i, k;
	struct corpus_counts n;
	struct err e;

	db_close(cur);
	db_open(&cur, ":memory:", DB_CREATE, &e);
	if (corpus_load(cur, fixture_path("../data"), &n, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		return 1;
	}
	tap_diag("%-26s %-17s %-17s %6s %6s %6s", "seed", "extracted date",
	    "curated", "found", "named", "took");
	for (i = 0; i < 5; i++) {
		struct import_options o = { .date = seeds[i].published,
			.max_size = IMPORT_DEFAULT_MAX_SIZE };
		struct event_detail c, g;
		struct import_outcome out;
		long long cid;
		int h = 0, nm = 0, x = 0;

		snprintf(path, sizeof path, "%s", fixture_path("../data/articles/"));
		strncat(path, seeds[i].file, sizeof path - strlen(path) - 1);
		ok(import_file(db, path, &o, &out, &e) == 0 && out.status == IMPORT_NEW &&
		    out.event_id > 0, "%s: imported with an event", seeds[i].file);
		if (out.event_id <= 0 || events_find(cur, seeds[i].slug, &cid, &e) != 0 ||
		    event_get(cur, cid, &c, &e) != 0)
			continue;
		event_get(db, out.event_id, &g, &e);
		for (k = 0; k < c.nparticipants; k++) {
			if (!is_person_or_state(&c.participants[k]))
				continue;
			curated++;
			if (!article_names(db, out.article_id, c.participants[k].name))
				continue;
			nm++;
			h += has_name(g.participants, g.nparticipants,
			    c.participants[k].name);
		}
		for (k = 0; k < g.nparticipants; k++) {
			if (!is_person_or_state(&g.participants[k]))
				continue;
			x++;
			if (!has_name(c.participants, c.nparticipants, g.participants[k].name))
				tap_diag("  %s: not a curated participant: %s", seeds[i].file,
				    g.participants[k].name);
		}
		for (k = 0; k < c.nparticipants; k++)
			if (is_person_or_state(&c.participants[k]) &&
			    article_names(db, out.article_id, c.participants[k].name) &&
			    !has_name(g.participants, g.nparticipants, c.participants[k].name))
				tap_diag("  %s: missed %s", seeds[i].file, c.participants[k].name);
		hit += h;
		named += nm;
		extracted += x;
		right += date_right(&c, &g);
		date_format(&g.ev.date, d1, sizeof d1);
		date_format(&c.ev.date, d2, sizeof d2);
		tap_diag("%-26s %-17s %-17s %6d %6d %6d%s", seeds[i].file, d1, d2, h, nm,
		    x, date_right(&c, &g) ? "" : "  date wrong");
		event_detail_free(&c);
		event_detail_free(&g);
	}
	{
		double recall = named ? (double)hit / named : 0;
		double recall_all = curated ? (double)hit / curated : 0;
		double precision = extracted ? (double)hit / extracted : 0;

		printf("# recall %.3f of the curated participants the articles name "
		    "(%d of %d), %.3f of all curated (%d of %d); precision %.3f "
		    "(%d of %d); dates right %d of 5\n", recall, hit, named, recall_all,
		    hit, curated, precision, hit, extracted, right);
		ok(recall >= 0.95, "recall of the participants named: %.3f >= 0.95", recall);
		ok(precision >= 0.90, "precision: %.3f >= 0.90", precision);
		is_int(right, 5, "all five dates right (the curated date or one of its claims)");
	}
	db_close(db);
	db_close(cur);
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
