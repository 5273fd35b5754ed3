/* SPDX-License-Identifier: ISC */
/* A deterministic generator of a large corpus for the benchmarks: the
 * bundled database plus N events and M articles that read like the real
 * ones (meetings of security advisers, RATS, defence ministers, talks,
 * attacks and exercises across the SCO states, with people, places and
 * the articles that report them).
 *
 *   gen-corpus --from data/scotl.db --db OUT --events N --articles M
 *
 * The same arguments give the same database. About a tenth of the events
 * involve India, so that "state:india" keeps ~N/10 of them. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store.h"
#include "scotl/date.h"
#include "scotl/db.h"

#define GEN_PEOPLE 4000
#define GEN_MAX_PART 6

static unsigned long long gen_state = 0x9e3779b97f4a7c15ULL;

static unsigned long long
gen_next(void)
{
	gen_state ^= gen_state >> 12;
	gen_state ^= gen_state << 25;
	gen_state ^= gen_state >> 27;
	return gen_state * 2685821657736338717ULL;
}

static int
gen_int(int n)
{
	return (int)(gen_next() % (unsigned long long)n);
}

#define PICK(a) (a)[gen_int((int)(sizeof (a) / sizeof *(a)))]

static const char *const gen_first[] = {
	"Ajay", "Rustam", "Sergei", "Li", "Wang", "Asif", "Bakhtiyor", "Nurlan",
	"Ali", "Farid", "Dmitri", "Zhang", "Imran", "Rahim", "Timur", "Arjun",
	"Vikram", "Olga", "Aigerim", "Kamol", "Jamshid", "Yerlan", "Mehmet",
	"Reza", "Hossein", "Sanjar", "Dilshod", "Chen", "Liu", "Sardor",
};
static const char *const gen_last[] = {
	"Kumar", "Rakhimov", "Ivanov", "Qiang", "Hussain", "Saidov", "Nazarbek",
	"Tokayev", "Petrov", "Jun", "Khan", "Karimov", "Mirzoev", "Sharma",
	"Menon", "Abdullaev", "Aliyev", "Rezaei", "Yusupov", "Smirnov", "Zhou",
	"Ahmadi", "Ismoilov", "Nurmatov", "Bekov", "Iskakov", "Gupta", "Tursunov",
};
static const char *const gen_titles[] = {
	"National Security Adviser", "Secretary of the Security Council",
	"Defence Minister", "Foreign Minister", "Director of RATS",
	"Interior Minister", "Chief of General Staff", "Deputy Foreign Minister",
	"Head of the State Security Committee", "Ambassador",
};
static const char *const gen_kinds[] = {
	"nsa-meeting", "rats-meeting", "defence-ministers", "bilateral",
	"summit", "exercise", "attack", "statement", "officials-meeting",
	"border-talks", "ceasefire", "conference", "visit", "sanctions",
};
static const char *const gen_subjects[] = {
	"terrorism", "separatism", "extremism", "drug trafficking",
	"cyber security", "border security", "Afghanistan", "arms control",
	"intelligence sharing", "counter-terrorism exercises", "radicalisation",
	"financing of terrorism", "regional stability", "maritime security",
};
static const char *const gen_sources[] = {
	"The Hindu", "Dawn", "TASS", "Xinhua", "Kazinform", "Daryo", "Asia-Plus",
	"AKIpress", "IRNA", "Hindustan Times", "The Diplomat", "Eurasianet",
	"Times of India", "The Express Tribune", "Global Times", "RIA Novosti",
};
static const char *const gen_places[] = {
	"Samarkand", "Bishkek", "Almaty", "Osh", "Khujand", "Lahore", "Karachi",
	"Mumbai", "Chennai", "Shanghai", "Urumqi", "Kashgar", "Vladivostok",
	"Sochi", "Kazan", "Isfahan", "Mashhad", "Minsk", "Herat", "Mazar-i-Sharif",
	"Chelyabinsk", "Novosibirsk", "Aktau", "Termez", "Quetta", "Peshawar",
	"Srinagar", "Leh", "Kunming", "Chengdu",
};

struct gen_entity {
	long long id;
	char *name;
	long long state;        /* its state, or 0 */
	char *title;            /* people: their office */
};

struct gen {
	struct db *db;
	struct gen_entity *states, *people, *places, *orgs;
	int nstates, npeople, nplaces, norgs;
	long long india;
	long long first_article, narticles;
	long first_day, ndays;
};

static void
gen_die(struct gen *g, const char *what)
{
	fprintf(stderr, "gen-corpus: %s: %s\n", what, sqlite3_errmsg(g->db->h));
	exit(1);
}

static sqlite3_stmt *
gen_prepare(struct gen *g, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(g->db->h, sql, -1, &st, NULL) != SQLITE_OK)
		gen_die(g, sql);
	return st;
}

static void
gen_step(struct gen *g, sqlite3_stmt *st, const char *what)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		gen_die(g, what);
	sqlite3_reset(st);
}

/* The entities the bundled corpus has, by kind. */
static void
gen_read(struct gen *g, const char *kind, struct gen_entity **out, int *n)
{
	sqlite3_stmt *st = gen_prepare(g, "SELECT id, name, coalesce(state_id, 0)"
	    " FROM entity WHERE kind = ?1 ORDER BY id");
	int cap = 0;

	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	*out = NULL;
	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		(*out)[*n].id = sqlite3_column_int64(st, 0);
		(*out)[*n].name = xstrdup((const char *)sqlite3_column_text(st, 1));
		(*out)[*n].state = sqlite3_column_int64(st, 2);
		(*out)[*n].title = NULL;
		if (strcmp(kind, "state") == 0 && strcmp((*out)[*n].name, "India") == 0)
			g->india = (*out)[*n].id;
		(*n)++;
	}
	sqlite3_finalize(st);
}

static long long
gen_entity_add(struct gen *g, sqlite3_stmt *ent, sqlite3_stmt *alias,
    const char *kind, const char *name, long long state)
{
	char *norm = util_ascii_lower(name);
	long long id;

	sqlite3_bind_text(ent, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(ent, 2, name, -1, SQLITE_TRANSIENT);
	if (state)
		sqlite3_bind_int64(ent, 3, state);
	else
		sqlite3_bind_null(ent, 3);
	gen_step(g, ent, "adding an entity");
	id = sqlite3_last_insert_rowid(g->db->h);
	if (sqlite3_changes(g->db->h) == 0) {
		/* The bundled gazetteer has it already. */
		sqlite3_stmt *st = gen_prepare(g, "SELECT id FROM entity WHERE"
		    " kind = ?1 AND name = ?2");

		sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
	}
	sqlite3_bind_int64(alias, 1, id);
	sqlite3_bind_text(alias, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(alias, 3, norm, -1, SQLITE_TRANSIENT);
	gen_step(g, alias, "adding an alias");
	free(norm);
	return id;
}

static long long
gen_some_state(struct gen *g)
{
	/* India in about one event in ten, by way of its people too. */
	if (gen_int(100) < 1)
		return g->india;
	return g->states[gen_int(g->nstates)].id;
}

static void
gen_entities_free(struct gen_entity *list, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].title);
	}
	free(list);
}

/* What gen_entities read and made. */
static void
gen_free(struct gen *g)
{
	gen_entities_free(g->states, g->nstates);
	gen_entities_free(g->orgs, g->norgs);
	gen_entities_free(g->places, g->nplaces);
	gen_entities_free(g->people, g->npeople);
}

static void
gen_entities(struct gen *g)
{
	sqlite3_stmt *ent = gen_prepare(g, "INSERT OR IGNORE INTO entity(kind, name,"
	    " state_id, origin) VALUES (?1, ?2, ?3, 'extracted')");
	sqlite3_stmt *alias = gen_prepare(g, "INSERT OR IGNORE INTO alias(entity_id,"
	    " name, norm) VALUES (?1, ?2, ?3)");
	sqlite3_stmt *role = gen_prepare(g, "INSERT INTO role(entity_id, title,"
	    " state_id) VALUES (?1, ?2, ?3)");
	char name[128];
	int i, base;

	gen_read(g, "state", &g->states, &g->nstates);
	gen_read(g, "organisation", &g->orgs, &g->norgs);
	gen_read(g, "place", &g->places, &g->nplaces);
	gen_read(g, "person", &g->people, &g->npeople);
	base = g->nplaces;
	g->places = xrealloc(g->places, (size_t)(base + 30) * sizeof *g->places);
	for (i = 0; i < 30; i++) {
		struct gen_entity *p = &g->places[base + i];

		p->name = xstrdup(gen_places[i]);
		p->state = g->states[gen_int(g->nstates)].id;
		p->title = NULL;
		p->id = gen_entity_add(g, ent, alias, "place", p->name, p->state);
	}
	g->nplaces = base + 30;
	base = g->npeople;
	g->people = xrealloc(g->people, (size_t)(base + GEN_PEOPLE) * sizeof *g->people);
	for (i = 0; i < GEN_PEOPLE; i++) {
		struct gen_entity *p = &g->people[base + i];

		snprintf(name, sizeof name, "%s %s-%d", PICK(gen_first),
		    PICK(gen_last), i);
		p->name = xstrdup(name);
		p->state = gen_some_state(g);
		p->title = xstrdup(PICK(gen_titles));
		p->id = gen_entity_add(g, ent, alias, "person", name, p->state);
		sqlite3_bind_int64(role, 1, p->id);
		sqlite3_bind_text(role, 2, p->title, -1, SQLITE_STATIC);
		sqlite3_bind_int64(role, 3, p->state);
		gen_step(g, role, "adding a role");
	}
	for (i = 0; i < base; i++)
		g->people[i].title = xstrdup("official");
	g->npeople = base + GEN_PEOPLE;
	sqlite3_finalize(ent);
	sqlite3_finalize(alias);
	sqlite3_finalize(role);
}

static const char *
gen_state_name(struct gen *g, long long id)
{
	int i;

	for (i = 0; i < g->nstates; i++)
		if (g->states[i].id == id)
			return g->states[i].name;
	return "the region";
}

/* A day, more of them in recent years as reporting grows. */
static long
gen_day(struct gen *g)
{
	unsigned long long r = gen_next() % 1000000ULL;
	double x = (double)r / 1000000.0;

	return g->first_day + (long)((double)g->ndays * (1.0 - (1.0 - x) * (1.0 - x)));
}

/* --- articles ---------------------------------------------------------- */

static void
gen_article_body(struct gen *g, struct buf *b, long day, struct gen_entity *who[],
    int nwho, const struct gen_entity *place)
{
	char date[11];
	int i, n = 5 + gen_int(6);

	date_format_days(day, date);
	buf_reset(b);
	buf_printf(b, "%s, %s: Officials of the Shanghai Cooperation Organisation "
	    "met to discuss %s and %s.\n\n", place->name, date, PICK(gen_subjects),
	    PICK(gen_subjects));
	for (i = 0; i < n; i++) {
		const struct gen_entity *p = who[gen_int(nwho)];

		switch (gen_int(5)) {
		case 0:
			buf_printf(b, "%s, the %s of %s, said that cooperation on %s "
			    "had become a priority for the member states. ", p->name,
			    p->title, gen_state_name(g, p->state), PICK(gen_subjects));
			break;
		case 1:
			buf_printf(b, "The delegation of %s raised the question of %s "
			    "along the border with %s. ", gen_state_name(g, p->state),
			    PICK(gen_subjects), gen_state_name(g, gen_some_state(g)));
			break;
		case 2:
			buf_printf(b, "According to a statement released in %s, the "
			    "sides agreed to hold joint exercises and to share "
			    "intelligence on %s. ", place->name, PICK(gen_subjects));
			break;
		case 3:
			buf_printf(b, "%s met %s on the sidelines of the meeting. ",
			    p->name, who[gen_int(nwho)]->name);
			break;
		default:
			buf_printf(b, "Analysts noted that the Regional Anti-Terrorist "
			    "Structure had reported progress on %s.\n\n",
			    PICK(gen_subjects));
		}
	}
	buf_adds(b, "\n");
}

static void
gen_articles(struct gen *g, long long n)
{
	sqlite3_stmt *art = gen_prepare(g, "INSERT INTO article(name, title, source,"
	    " published, body, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_stmt *men = gen_prepare(g, "INSERT OR IGNORE INTO mention(article_id,"
	    " entity_id, span_start, span_end) VALUES (?1, ?2, ?3, ?4)");
	struct gen_entity *who[8];
	char name[64], title[256], date[11];
	struct buf body;
	long long i, id;
	int k, nwho;
	const char *at, *s;

	buf_init(&body);
	for (i = 0; i < n; i++) {
		long day = gen_day(g);
		const struct gen_entity *place = &g->places[gen_int(g->nplaces)];

		nwho = 2 + gen_int(5);
		for (k = 0; k < nwho; k++)
			who[k] = &g->people[gen_int(g->npeople)];
		gen_article_body(g, &body, day, who, nwho, place);
		date_format_days(day, date);
		snprintf(name, sizeof name, "gen/a%07lld.txt", i + 1);
		snprintf(title, sizeof title, "SCO officials discuss %s in %s",
		    PICK(gen_subjects), place->name);
		snprintf(title + strlen(title), sizeof title - strlen(title),
		    " (report %lld)", i + 1);
		sqlite3_bind_text(art, 1, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 2, title, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 3, PICK(gen_sources), -1, SQLITE_STATIC);
		sqlite3_bind_text(art, 4, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 5, body.data, (int)body.len, SQLITE_TRANSIENT);
		sqlite3_bind_text(art, 6, name, -1, SQLITE_TRANSIENT);
		gen_step(g, art, "adding an article");
		id = sqlite3_last_insert_rowid(g->db->h);
		if (i == 0)
			g->first_article = id;
		/* Mentions where the names really are. */
		for (k = 0; k < nwho; k++) {
			for (s = body.data; (at = strstr(s, who[k]->name)) != NULL;
			    s = at + 1) {
				sqlite3_bind_int64(men, 1, id);
				sqlite3_bind_int64(men, 2, who[k]->id);
				sqlite3_bind_int64(men, 3, at - body.data);
				sqlite3_bind_int64(men, 4, at - body.data +
				    (long long)strlen(who[k]->name));
				gen_step(g, men, "adding a mention");
			}
		}
	}
	g->narticles = n;
	buf_free(&body);
	sqlite3_finalize(art);
	sqlite3_finalize(men);
}

/* --- events ------------------------------------------------------------ */

struct gen_stmts {
	sqlite3_stmt *ev, *part, *evid, *claim;
};

static void
gen_participant(struct gen *g, struct gen_stmts *s, long long ev,
    const struct gen_entity *e, const char *role)
{
	sqlite3_bind_int64(s->part, 1, ev);
	sqlite3_bind_int64(s->part, 2, e->id);
	sqlite3_bind_text(s->part, 3, role, -1, SQLITE_STATIC);
	if (e->state)
		sqlite3_bind_int64(s->part, 4, e->state);
	else
		sqlite3_bind_null(s->part, 4);
	gen_step(g, s->part, "adding a participant");
}

static void
gen_event_dates(struct gen *g, long day, char start[16], char first[11],
    char last[11], const char **precision)
{
	int r = gen_int(100), y, m, d;

	date_from_days(day, &y, &m, &d);
	date_format_days(day, first);
	if (r < 90) {
		*precision = "day";
		snprintf(start, 16, "%s", first);
		snprintf(last, 11, "%s", first);
	} else if (r < 97) {
		*precision = "month";
		snprintf(start, 16, "%04d-%02d", y, m);
		snprintf(first, 11, "%04d-%02d-01", y, m);
		snprintf(last, 11, "%04d-%02d-%02d", y, m, date_days_in_month(y, m));
	} else {
		*precision = "year";
		snprintf(start, 16, "%04d", y);
		snprintf(first, 11, "%04d-01-01", y);
		snprintf(last, 11, "%04d-12-31", y);
	}
	(void)g;
}

static void
gen_one_event(struct gen *g, struct gen_stmts *s, long long i)
{
	const struct gen_entity *place = &g->places[gen_int(g->nplaces)];
	const struct gen_entity *who[GEN_MAX_PART];
	const char *kind = PICK(gen_kinds), *precision;
	char slug[32], title[256], summary[512], start[16], first[11], last[11];
	long long ev, art;
	int k, n = 1 + gen_int(3);
	struct gen_entity india = { .id = g->india, .name = "India" };

	gen_event_dates(g, gen_day(g), start, first, last, &precision);
	for (k = 0; k < n; k++)
		who[k] = &g->people[gen_int(g->npeople)];
	snprintf(slug, sizeof slug, "gen-%lld", i + 1);
	snprintf(title, sizeof title, "%s: %s and %s in %s", kind, who[0]->name,
	    who[n - 1]->name, place->name);
	snprintf(summary, sizeof summary, "%s, %s of %s, took part in talks on "
	    "%s held in %s.", who[0]->name, who[0]->title,
	    gen_state_name(g, who[0]->state), PICK(gen_subjects), place->name);
	sqlite3_bind_text(s->ev, 1, slug, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->ev, 2, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->ev, 3, precision, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->ev, 4, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->ev, 5, last, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->ev, 6, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->ev, 7, summary, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->ev, 8, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->ev, 9, place->id);
	sqlite3_bind_double(s->ev, 10, 0.5 + gen_int(50) / 100.0);
	gen_step(g, s->ev, "adding an event");
	ev = sqlite3_last_insert_rowid(g->db->h);
	for (k = 0; k < n; k++) {
		struct gen_entity st = { .id = who[k]->state,
			.name = (char *)gen_state_name(g, who[k]->state) };

		gen_participant(g, s, ev, who[k], who[k]->title);
		if (who[k]->state && (k == 0 || who[k]->state != who[0]->state))
			gen_participant(g, s, ev, &st, "party");
	}
	if (gen_int(100) < 2 && who[0]->state != g->india)
		gen_participant(g, s, ev, &india, "party");
	if (gen_int(4) == 0)
		gen_participant(g, s, ev, &g->orgs[gen_int(g->norgs)], "organiser");
	art = g->first_article + gen_int((int)g->narticles);
	sqlite3_bind_int64(s->evid, 1, ev);
	sqlite3_bind_int64(s->evid, 2, art);
	sqlite3_bind_int64(s->evid, 3, 0);
	sqlite3_bind_int64(s->evid, 4, 80);
	gen_step(g, s->evid, "adding evidence");
	if (gen_int(100) == 0) {
		/* Reports disagree on the date. */
		sqlite3_bind_int64(s->claim, 1, ev);
		sqlite3_bind_text(s->claim, 2, start, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s->claim, 3, first, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s->claim, 4, strcmp(last, first) == 0 ? "9999-12-31" :
		    first, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s->claim, 5, art);
		gen_step(g, s->claim, "adding a claim");
	}
}

static void
gen_events(struct gen *g, long long n)
{
	struct gen_stmts s;
	long long i;

	s.ev = gen_prepare(g, "INSERT INTO event(slug, start, precision,"
	    " first_day, last_day, title, summary, kind, place_id, origin,"
	    " confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'extracted', ?10)");
	s.part = gen_prepare(g, "INSERT OR IGNORE INTO participant(event_id,"
	    " entity_id, role, state_id) VALUES (?1, ?2, ?3, ?4)");
	s.evid = gen_prepare(g, "INSERT OR IGNORE INTO evidence(event_id, article_id,"
	    " span_start, span_end) VALUES (?1, ?2, ?3, ?4)");
	s.claim = gen_prepare(g, "INSERT INTO claim(event_id, start, first_day,"
	    " last_day, source, article_id) VALUES (?1, ?2, ?3, ?4, 'a later report', ?5)");
	for (i = 0; i < n; i++)
		gen_one_event(g, &s, i);
	sqlite3_finalize(s.ev);
	sqlite3_finalize(s.part);
	sqlite3_finalize(s.evid);
	sqlite3_finalize(s.claim);
}

static int
gen_copy(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out;
	char buf[65536];
	size_t n;

	if (in == NULL || (out = fopen(to, "wb")) == NULL) {
		perror(in ? to : from);
		if (in)
			fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	if (fclose(out) != 0) {
		perror(to);
		return -1;
	}
	chmod(to, 0644);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "db", required_argument, NULL, 'd' },
		{ "events", required_argument, NULL, 'e' },
		{ "articles", required_argument, NULL, 'a' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	const char *from = NULL, *path = NULL;
	long long events = 1000000, articles = 100000;
	struct gen g;
	struct err e;
	int opt;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'f': from = optarg; break;
		case 'd': path = optarg; break;
		case 'e': events = atoll(optarg); break;
		case 'a': articles = atoll(optarg); break;
		case 's': gen_state ^= (unsigned long long)atoll(optarg) * 0x2545F4914F6CDD1DULL; break;
		default: return 2;
		}
	}
	if (from == NULL || path == NULL || events < 0 || articles < 1) {
		fprintf(stderr, "usage: gen-corpus --from BUNDLED.db --db OUT "
		    "[--events N] [--articles M] [--seed S]\n");
		return 2;
	}
	remove(path);
	if (gen_copy(from, path) != 0)
		return 1;
	memset(&g, 0, sizeof g);
	if (db_open(&g.db, path, DB_READWRITE, &e) != 0) {
		fprintf(stderr, "gen-corpus: %s\n", e.msg);
		return 1;
	}
	g.first_day = date_parse_days("2001-06-15");
	g.ndays = date_parse_days("2026-10-31") - g.first_day;
	db_exec(g.db, "PRAGMA synchronous = OFF; BEGIN", &e);
	gen_entities(&g);
	gen_articles(&g, articles);
	gen_events(&g, events);
	if (db_exec(g.db, "INSERT INTO article_fts(article_fts) VALUES ('rebuild');"
	    "COMMIT; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)", &e) != 0) {
		fprintf(stderr, "gen-corpus: %s\n", e.msg);
		return 1;
	}
	db_close(g.db);
	gen_free(&g);
	return 0;
}
