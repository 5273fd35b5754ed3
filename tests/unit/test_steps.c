/* SPDX-License-Identifier: ISC */
/* The import's steps (model/import/mention.c, people.c, extract.c) take
 * the text and the mentions in memory and return what they found. From
 * the database they only read reference data: the gazetteer (names,
 * kinds, states, places) and the known events (none here, so the event
 * found is a new one). Nothing is written to it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/extract.h"
#include "scotl/mention.h"
#include "scotl/people.h"

static const char steps_body[] =
	"Chinese Defence Minister Wang Xiaoming met Ajit Doval in Dushanbe on "
	"23 June 2021 for talks on security. Defence Minister Wang Xiaoming "
	"then flew to New Delhi.";

static long long
steps_id(struct db *db, const char *name)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT id FROM entity WHERE name = '%s'", name);
	return fixture_sql_int(db, sql);
}

static long long
steps_at(const char *what)
{
	return (long long)(strstr(steps_body, what) - steps_body);
}

/* The mentions of the gazetteer's names, found in the text alone. */
static void
steps_mentions(struct db *db, struct mention_row **m, int *n)
{
	struct err e;
	int rc = mention_find(db, steps_body, strlen(steps_body), m, n, &e);

	ok(rc == 0, "the mentions are found%s%s", rc ? ": " : "", rc ? e.msg : "");
	is_int(*n, 4, "Chinese, Ajit Doval, Dushanbe, New Delhi (not also Delhi)");
	if (*n != 4)
		return;
	ok((*m)[0].entity_id == steps_id(db, "China") &&
	    strcmp((*m)[0].kind, "state") == 0 && (*m)[0].start == 0 &&
	    (*m)[0].end == 7, "the demonym names China, a state, at 0..7");
	ok((*m)[1].entity_id == steps_id(db, "Ajit Doval") &&
	    strcmp((*m)[1].kind, "person") == 0 &&
	    (*m)[1].start == steps_at("Ajit"), "then Ajit Doval, a person");
	ok((*m)[2].entity_id == steps_id(db, "Dushanbe") &&
	    strcmp((*m)[2].kind, "place") == 0, "then Dushanbe, a place");
	ok((*m)[3].entity_id == steps_id(db, "New Delhi") &&
	    (*m)[3].end - (*m)[3].start == 9, "the longest name wins: New Delhi");
}

/* The people after a title, from the text and the mentions given. */
static void
steps_people(struct db *db, const struct mention_row *m, int n)
{
	struct people_found *p;
	struct mention_row cover = { .kind = "person" };
	struct err e;
	int np;

	np = people_find(db, steps_body, strlen(steps_body), m, n, &p, &e);
	is_int(np, 1, "one new person, proposed once though named twice");
	if (np == 1) {
		is_str(p[0].name, "Wang Xiaoming", "the name after the title");
		is_str(p[0].title, "Defence Minister", "the title is the role");
		is_int(p[0].state, steps_id(db, "China"),
		    "the state named before the title is the affiliation");
		ok(p[0].start == steps_at("Wang") && p[0].end == p[0].start + 13,
		    "the first place it is named");
		is_str(p[0].surname, "Xiaoming", "the surname is a second name");
		is_str(p[0].norm, "wang xiaoming", "kept in lower case for look-ups");
	}
	people_found_free(p, np > 0 ? np : 0);
	free(p);
	/* A mention over the name (here made up, in memory only) makes it
	 * someone known: what people_find reads is what it is given. */
	cover.entity_id = 1;
	cover.start = steps_at("Wang");
	cover.end = cover.start + 13;
	np = people_find(db, steps_body, (size_t)steps_at("for talks"), &cover, 1, &p, &e);
	is_int(np, 0, "a name a given mention covers is not proposed");
	free(p);
}

/* The event, from the article and its mentions. */
static void
steps_event(struct db *db, const struct mention_row *m, int n)
{
	struct mention_row all[8];
	struct article a = { .title = "Ministers in Dushanbe",
	    .body = (char *)steps_body, .published = "2021-06-25" };
	struct article quiet = { .title = "Weather", .body = "It rained all day.",
	    .published = "2021-06-25" };
	struct extract_found *fs = NULL, f;
	struct err e;
	long long wang = 1000000, dushanbe = steps_id(db, "Dushanbe");
	int i, found, has_wang = 0, has_doval = 0, has_tajikistan = 0;

	/* The proposed person, with an id the database does not have. */
	memcpy(all, m, (size_t)n * sizeof *m);
	all[n] = (struct mention_row){ wang, "person", steps_at("Wang"),
	    steps_at("Wang") + 13 };
	mention_sort(all, n + 1);
	is_int(all[1].entity_id, wang, "mention_sort puts it in order of position");
	found = extract_find(db, &a, all, n + 1, &fs, &e);
	is_int(found, 1, "an event is found");
	if (found < 1)
		return;
	f = fs[0];
	free(fs);
	is_int(f.event_id, 0, "a new one: the gazetteer knows no events");
	is_str(f.when.first, "2021-06-23", "dated by the sentence, not the "
	    "publication");
	is_str(f.kind, "bilateral", "its kind from the cue sentence: one "
	    "minister's title and two people meeting are bilateral talks");
	is_int(f.place, dushanbe, "placed in Dushanbe");
	for (i = 0; i < f.nwho; i++) {
		has_wang |= f.who[i] == wang;
		has_doval |= f.who[i] == steps_id(db, "Ajit Doval");
		has_tajikistan |= f.who[i] == steps_id(db, "Tajikistan");
	}
	ok(has_wang && has_doval, "the people of the cue sentence take part, the "
	    "proposed one by the id it was given");
	ok(has_tajikistan, "and the state of the place, read from the gazetteer");
	ok(f.span_start == 0 && f.span_end == steps_at(". Defence") + 1,
	    "the evidence is the first sentence");
	is_int(extract_find(db, &quiet, NULL, 0, &fs, &e), 0,
	    "an article without a cue reports no event");
	free(fs);
}

int
main(void)
{
	char *dir = fixture_tmpdir();
	struct db *db = fixture_gazetteer_db(dir);
	struct mention_row *m = NULL;
	int n = 0, before = sqlite3_total_changes(db->h);

	steps_mentions(db, &m, &n);
	if (n == 4) {
		steps_people(db, m, n);
		steps_event(db, m, n);
	}
	is_int(sqlite3_total_changes(db->h), before, "the steps wrote nothing");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM mention"), 0,
	    "no mention is stored");
	free(m);
	db_close(db);
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
