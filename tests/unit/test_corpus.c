/* SPDX-License-Identifier: ISC */
/* model/import/corpus.c: the loader of data/, and every malformed line it must
 * name by file and line. */
#include "config.h"

#include <stdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "import/rows.h"
#include "scotl/article.h"
#include "scotl/corpus.h"
#include "scotl/mention.h"
#include "scotl/sha256.h"

static char dir[4096];


static void
test_mini(void)
{
	struct corpus_counts n;
	struct article a;
	struct db *db;
	struct err e;
	long long id;

	db_open(&db, ":memory:", DB_CREATE, &e);
	ok(corpus_load(db, fixture_path("data/mini-data"), &n, &e) == 0,
	    "the test corpus loads");
	is_int(n.articles, 2, "2 articles");
	is_int(n.events, 6, "6 events");
	is_int(n.claims, 2, "2 date claims");
	is_int(n.evidence, 2, "2 pieces of evidence");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM entity WHERE kind = 'place'"), 2,
	    "places become entities");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM alias a JOIN entity e ON"
	    " e.id = a.entity_id WHERE a.norm = 'delhi' AND e.name = 'New Delhi'"),
	    1, "a place's extra spelling is an alias");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM alias WHERE kind = 'demonym'"), 4,
	    "demonyms are aliases of their state");
	is_int(fixture_sql_int(db, "SELECT s.name = 'India' FROM participant p"
	    " JOIN entity s ON s.id = p.state_id JOIN entity w ON w.id = p.entity_id"
	    " JOIN event e ON e.id = p.event_id"
	    " WHERE w.name = 'Ajit Doval' AND e.slug = 'talks-delhi'"), 1,
	    "a person without a state on the line stands for the state of his role");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM membership"), 6,
	    "SCO status history is kept");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM article_fts WHERE article_fts"
	    " MATCH 'patrushev'"), 1, "article text is in the full-text index");

	is_int(n.mentions, 10, "10 mentions of the gazetteer in the two articles");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM mention m JOIN entity e"
	    " ON e.id = m.entity_id WHERE e.name = 'New Delhi'"), 1,
	    "'New Delhi' is one mention, not also 'Delhi'");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM mention m JOIN entity e"
	    " ON e.id = m.entity_id WHERE e.name = 'Nikolai Patrushev'"), 1,
	    "'Nikolay Patrushev' is one mention of Patrushev");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM mention m JOIN entity e"
	    " ON e.id = m.entity_id WHERE e.name = 'Pakistan'"), 1,
	    "the demonym 'Pakistani' mentions Pakistan");
	{
		struct mention_row *m;
		int nm;

		ok(mention_list(db, 1, &m, &nm, &e) == 0 && nm == 6 &&
		    strcmp(m[0].kind, "state") == 0 && m[0].start == 4 &&
		    m[0].end == 10, "mentions are listed in order: 'Indian' at 4..10");
		free(m);
	}
	{
		struct article na = { .title = "T", .body = "India\xe2\x80\x99s NSA "
		    "met \xe2\x80\x9cPakistan\xe2\x80\x9d officials; Indiana is not "
		    "India, nor is DOVAL Doval, but Doval is." };
		struct mention_row *nm = NULL;
		char hash[65];
		long long nid;
		int nn = 0;

		sha256_hex(na.body, strlen(na.body), hash);
		na.hash = hash;
		ok(rows_article(db, &na, &nid, &e) == 0 &&
		    mention_find(db, na.body, strlen(na.body), &nm, &nn, &e) == 0 &&
		    rows_mentions(db, nid, nm, nn, &e) == 5,
		    "possessives and quotes bound a name; longer words and other "
		    "cases do not match: %s", e.msg);
		is_int(fixture_sql_int(db, "SELECT count(*) FROM mention m JOIN entity e"
		    " ON e.id = m.entity_id WHERE e.name = 'India' AND m.article_id = 3"),
		    2, "India\u2019s and India, not Indiana");
		is_int(fixture_sql_int(db, "SELECT count(*) FROM mention m JOIN entity e"
		    " ON e.id = m.entity_id WHERE e.name = 'Ajit Doval' AND"
		    " m.article_id = 3"), 2, "Doval as written twice, not DOVAL");
		is_int(fixture_sql_int(db, "SELECT count(*) FROM mention m JOIN entity e"
		    " ON e.id = m.entity_id WHERE e.name = 'Pakistan' AND"
		    " m.article_id = 3"), 1, "\u201cPakistan\u201d between curly quotes");
		free(nm);
	}
	ok(article_find(db, "a.txt", &id, &e) == 0 && article_get(db, id, &a, &e) == 0,
	    "an article is found by file name");
	is_str(a.title, "Ministers meet in Dushanbe", "its title is from articles.rec");
	ok(strncmp(a.body, "The Indian NSA", 14) == 0,
	    "the body starts after the title and the reading time");
	ok(strstr(a.body, "Leave a Reply") == NULL &&
	    a.body[strlen(a.body) - 1] == '.', "the trailing chrome is gone");
	article_free(&a);
	ok(corpus_load(db, fixture_path("data/mini-data"), &n, &e) != 0 &&
	    strstr(e.msg, "not empty"), "loading twice is refused");
	db_close(db);
}

/* Copies the test corpus, replaces one file's text, and loads it. */
static void
bad(const char *file, const char *text, const char *want)
{
	char cmd[9000], path[4300];
	struct corpus_counts n;
	struct db *db;
	struct err e;
	int rc;

	snprintf(cmd, sizeof cmd, "rm -rf '%s/c' && cp -r '%s' '%s/c'", dir,
	    fixture_path("data/mini-data"), dir);
	if (system(cmd) != 0)
		tap_diag("copy failed");
	snprintf(path, sizeof path, "%s/c/%s", dir, file);
	fixture_write(path, text);
	snprintf(path, sizeof path, "%s/c", dir);
	db_open(&db, ":memory:", DB_CREATE, &e);
	e.msg[0] = '\0';
	rc = corpus_load(db, path, &n, &e);
	ok(rc != 0 && strstr(e.msg, want) != NULL, "refused: %s", want);
	if (rc == 0 || strstr(e.msg, want) == NULL)
		tap_diag("message: %s", e.msg);
	ok(fixture_sql_int(db, "SELECT count(*) FROM article") == 0 &&
	    fixture_sql_int(db, "SELECT count(*) FROM entity") == 0,
	    "and nothing was written");
	db_close(db);
}

static const char good_events_head[] =
	"event: x\ndate: 2021-06-23\ntitle: X\nkind: summit\n";

int
main(void)
{
	char events[4096];
	char *tmpdir = fixture_tmpdir();

	snprintf(dir, sizeof dir, "%s", tmpdir);
	test_mini();

	bad("events.rec", "event: x\ndate: 2021-13-01\ntitle: X\nkind: summit\n",
	    "events.rec:2: '2021-13-01' is not a date");
	bad("events.rec", "event: x\ndate: 2021\ntitle: X\nkind: picnic\n",
	    "events.rec:4: 'picnic' is not an event kind");
	bad("events.rec", "event: x\ntitle: X\nkind: summit\n",
	    "events.rec:1: the record needs a 'date:' line");
	snprintf(events, sizeof events, "%sparticipant: Nobody Known | host\n",
	    good_events_head);
	bad("events.rec", events, "events.rec:5: 'Nobody Known' is not a name");
	snprintf(events, sizeof events, "%sevidence: a.txt | Not in the text.\n",
	    good_events_head);
	bad("events.rec", events, "events.rec:5: the sentence is not in the body of a.txt");
	snprintf(events, sizeof events, "%sevidence: zz.txt | The Indian NSA\n",
	    good_events_head);
	bad("events.rec", events, "events.rec:5: 'zz.txt' is not an article");
	snprintf(events, sizeof events, "%sevidence: a.txt | Ministers meet in Dushanbe\n",
	    good_events_head);
	bad("events.rec", events, "the sentence is not in the body");
	snprintf(events, sizeof events, "%scolour: red\n", good_events_head);
	bad("events.rec", events, "events.rec:5: unknown field 'colour'");
	snprintf(events, sizeof events, "%stitle: Again\n", good_events_head);
	bad("events.rec", events, "events.rec:5: 'title:' given twice (first on line 3)");
	snprintf(events, sizeof events, "%sconfidence: 1.5\n", good_events_head);
	bad("events.rec", events, "events.rec:5: confidence is a number from 0 to 1");
	snprintf(events, sizeof events, "%splace: Nowhere\n", good_events_head);
	bad("events.rec", events, "events.rec:5: 'Nowhere' is not a name");
	bad("events.rec", "event: Bad Id\ndate: 2021\ntitle: X\nkind: summit\n",
	    "events.rec:1: 'Bad Id': an event id");
	bad("events.rec", "person: X\n", "events.rec:1: a record of events.rec starts with 'event:'");
	bad("gazetteer.rec", "state: A\nalias: Same\n\nstate: B\nalias: same\n",
	    "gazetteer.rec:5: 'same' is already a name of A");
	bad("gazetteer.rec", "state: A\nsco: king | 2001\n",
	    "gazetteer.rec:2: 'king' is not an SCO status");
	bad("gazetteer.rec", "state: A\nsco: member | 2001 | 1999\n",
	    "gazetteer.rec:2: '1999' is before '2001'");
	bad("gazetteer.rec", "person: P\nrole: Minister | Atlantis\n",
	    "gazetteer.rec:2: 'Atlantis' is not a state");
	bad("gazetteer.rec", "state: A\nplace: City | metropolis\n",
	    "gazetteer.rec:2: the second part of a place is 'capital' or empty");
	bad("gazetteer.rec", "planet: Mars\n", "gazetteer.rec:1: a record starts with");
	bad("articles.rec", "article: missing.txt\ntitle: T\n", "missing.txt: No such file");
	bad("articles.rec", "article: ../x.txt\ntitle: T\n",
	    "articles.rec:1: '../x.txt': an article is a file name");
	bad("articles.rec", "article: a.txt\n", "articles.rec:1: the record needs a 'title:' line");
	bad("articles/a.txt", "Title\n\nBad \xff byte\n", "a.txt: byte 11: not valid UTF-8");
	bad("articles.rec", "article: a.txt\ntitle: T\npublished: yesterday\n",
	    "articles.rec:3: 'yesterday' is not a date");
	fixture_rmrf(tmpdir);
	free(tmpdir);
	return tap_done();
}
