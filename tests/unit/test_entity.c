/* SPDX-License-Identifier: ISC */
/* model/query/entity.c: lookup by any name, detail, SCO status on a day. */
#include "config.h"

#include <string.h>

#include "fixture.h"
#include "scotl/entity.h"

static long long
find_one(struct db *db, const char *name, const char *want)
{
	struct entity_list l;
	struct err e;
	long long id = 0;
	int pass;

	pass = entity_find(db, name, &l, &e) == 0 && l.n == 1 &&
	    strcmp(l.items[0].name, want) == 0;
	ok(pass, "'%s' finds %s", name, want);
	if (pass)
		id = l.items[0].id;
	entity_list_free(&l);
	return id;
}

static void
test_find(struct db *db)
{
	struct entity_list l;
	struct err e;

	find_one(db, "doval", "Ajit Doval");
	find_one(db, "AJIT DOVAL", "Ajit Doval");
	find_one(db, "Nikolay Patrushev", "Nikolai Patrushev");
	find_one(db, "Pakistani", "Pakistan");
	find_one(db, "delhi", "New Delhi");
	find_one(db, "rats", "Regional Anti-Terrorist Structure");
	find_one(db, "giyos", "Jumakhon Giyosov");
	ok(entity_find(db, "ru", &l, &e) == 0 && l.n == 1,
	    "'ru' starts three names of Russia and finds it once");
	entity_list_free(&l);
	ok(entity_find(db, "d", &l, &e) == 0 && l.n == 3,
	    "'d' is ambiguous: Doval, New Delhi, Dushanbe");
	entity_list_free(&l);
	ok(entity_find(db, "nobody", &l, &e) == 0 && l.n == 0, "no match is empty");
	entity_list_free(&l);
	ok(entity_find(db, "%", &l, &e) == 0 && l.n == 0,
	    "'%%' is not a wildcard");
	entity_list_free(&l);
	ok(entity_find(db, "", &l, &e) == 0 && l.n == 0, "an empty name finds nothing");
	entity_list_free(&l);
}

static void
test_detail(struct db *db)
{
	struct entity_detail d;
	struct err e;
	long long id;

	id = find_one(db, "doval", "Ajit Doval");
	ok(entity_get(db, id, &d, &e) == 0, "a person's detail is read");
	is_int(d.naliases, 1, "one other name");
	is_str(d.aliases[0].name, "Doval", "his surname");
	is_int(d.nroles, 1, "one role");
	is_str(d.roles[0].what, "National Security Adviser", "the title");
	is_str(d.roles[0].state, "India", "the role's state");
	is_int(d.nstates, 1, "he stood for one state");
	is_int(d.events, 2, "two events");
	is_str(d.first_day, "2021-06-23", "from the Dushanbe meeting");
	is_str(d.last_day, "2021-09-08", "to the Delhi talks");
	is_int(d.npartners, 3, "three people share his events");
	is_str(d.partners[0].who.name, "Jumakhon Giyosov",
	    "by shared events, then by name");
	is_int(d.partners[0].shared, 1, "one shared event each");
	entity_detail_free(&d);

	id = find_one(db, "india", "India");
	ok(entity_get(db, id, &d, &e) == 0, "a state's detail is read");
	is_int(d.nsco, 2, "its SCO status over time");
	is_str(d.sco[0].what, "observer", "observer first");
	is_str(d.sco[0].since, "2005-07-05", "since 2005-07-05");
	is_str(d.sco[1].what, "member", "then member");
	entity_detail_free(&d);
	ok(entity_get(db, 9999, &d, &e) != 0, "a missing entity is an error");
}

static void
test_sco_status(struct db *db)
{
	long long india = find_one(db, "india", "India");
	char status[32];
	struct err e;

	entity_sco_status(db, india, "2010-01-01", status, sizeof status, &e);
	is_str(status, "observer", "India was an observer in 2010");
	entity_sco_status(db, india, "2017-06-09", status, sizeof status, &e);
	is_str(status, "member", "and a member from 2017-06-09");
	entity_sco_status(db, india, "2017-06-08", status, sizeof status, &e);
	is_str(status, "observer", "but not the day before");
	entity_sco_status(db, india, "2001-06-15", status, sizeof status, &e);
	is_str(status, "", "and nothing in 2001");
}

int
main(void)
{
	struct db *db = fixture_db();

	test_find(db);
	test_detail(db);
	test_sco_status(db);
	db_close(db);
	return tap_done();
}
