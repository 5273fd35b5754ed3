/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "import/rows.h"
#include "scotl/article.h"
#include "scotl/chrome.h"
#include "scotl/corpus.h"
#include "scotl/date.h"
#include "scotl/mention.h"
#include "scotl/rec.h"
#include "scotl/sha256.h"

static const char *const corpus_kinds[] = {
	"founding", "accession", "summit", "nsa-meeting", "officials-meeting",
	"rats-meeting", "rats-council", "defence-ministers", "bilateral",
	"ceasefire", "conflict", "attack", "disaster", "withdrawal",
	"chairmanship", "conference", "anniversary", "institution", "exercise",
	"foreign-ministers", "heads-of-government",
};

int
corpus_kind_known(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof corpus_kinds / sizeof *corpus_kinds; i++)
		if (strcmp(kind, corpus_kinds[i]) == 0)
			return 1;
	return 0;
}

/* What one load is working on, for messages that name file and line. */
struct corpus {
	struct db *db;
	const char *dir;
	const char *names;      /* iso-names.rec, or NULL */
	const char *file;       /* the .rec file being read */
	int line;
	struct corpus_counts *n;
	struct err *e;
};

static int
corpus_fail(struct corpus *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int
corpus_fail(struct corpus *c, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set(c->e, "%s:%d: %s", c->file, c->line, msg);
	return -1;
}

/* A field of a record, or NULL; a required one missing is an error. */
static const char *
corpus_field(struct corpus *c, const struct rec *r, const char *name,
    int required)
{
	int i;

	for (i = 0; i < r->n; i++) {
		if (strcmp(r->fields[i].name, name) == 0) {
			c->line = r->fields[i].line;
			return r->fields[i].value;
		}
	}
	if (required) {
		c->line = r->line;
		corpus_fail(c, "the record needs a '%s:' line", name);
	}
	return NULL;
}

/* Every field of the record must be one of the allowed names (a
 * space-separated list) and the singular ones appear once. */
static int
corpus_check_fields(struct corpus *c, const struct rec *r, const char *once,
    const char *many)
{
	char pad[64];
	int i, j;

	for (i = 0; i < r->n; i++) {
		c->line = r->fields[i].line;
		snprintf(pad, sizeof pad, " %s ", r->fields[i].name);
		if (strstr(many, pad) != NULL)
			continue;
		if (strstr(once, pad) == NULL)
			return corpus_fail(c, "unknown field '%s' in a %s record",
			    r->fields[i].name, r->fields[0].name);
		for (j = 0; j < i; j++)
			if (strcmp(r->fields[j].name, r->fields[i].name) == 0)
				return corpus_fail(c, "'%s:' given twice (first "
				    "on line %d)", r->fields[i].name, r->fields[j].line);
	}
	return 0;
}

/* What a row of rows.c came to: 1 (refused) is told with file and line. */
static int
corpus_wrote(struct corpus *c, int rc, const char *doing)
{
	if (rc <= 0)
		return rc;
	return corpus_fail(c, "%s: %s", doing, sqlite3_errmsg(c->db->h));
}

static int
corpus_date(struct corpus *c, const char *text, struct date_span *d)
{
	struct err de;

	if (date_parse(text, d, &de) == 0)
		return 0;
	return corpus_fail(c, "%s", de.msg);
}

/* --- names ------------------------------------------------------------ */

static const char corpus_sql_find_alias[] =
	"SELECT a.entity_id, e.kind, e.name FROM alias a"
	" JOIN entity e ON e.id = a.entity_id WHERE a.norm = ?1";

/* Resolves any name or alias of the gazetteer to exactly one entity,
 * optionally of one kind. */
static long long
corpus_resolve(struct corpus *c, const char *name, const char *kind)
{
	sqlite3_stmt *st = db_stmt(c->db, corpus_sql_find_alias, c->e);
	char *norm = util_ascii_lower(name);
	long long id = 0;
	int found = 0;

	if (st == NULL) {
		free(norm);
		return -1;
	}
	db_bind_text(st, 1, norm);
	free(norm);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (kind && strcmp(db_col_str(st, 1), kind))
			continue;
		id = sqlite3_column_int64(st, 0);
		found++;
	}
	if (found == 1)
		return id;
	if (found == 0)
		corpus_fail(c, "'%s' is not a %s of the gazetteer", name,
		    kind ? kind : "name");
	else
		corpus_fail(c, "'%s' names %d entities of the gazetteer", name, found);
	return -1;
}

static const char corpus_sql_alias_owner[] =
	"SELECT e.name FROM alias a JOIN entity e ON e.id = a.entity_id"
	" WHERE a.norm = ?1";

static int
corpus_alias(struct corpus *c, long long entity, const char *name,
    const char *kind)
{
	char *norm = util_ascii_lower(name);
	sqlite3_stmt *st;
	int rc = -1;

	if (*name == '\0') {
		rc = corpus_fail(c, "an empty name");
		goto out;
	}
	if ((st = db_stmt(c->db, corpus_sql_alias_owner, c->e)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		rc = corpus_fail(c, "'%s' is already a name of %s", name,
		    db_col_str(st, 0));
		goto out;
	}
	if ((rc = corpus_wrote(c, rows_alias(c->db, entity, name, norm, kind,
	    c->e), "adding a name")) == 0)
		c->n->aliases++;
out:
	free(norm);
	return rc;
}

static long long
corpus_entity(struct corpus *c, const char *kind, const char *name,
    long long state, int capital)
{
	long long id;

	if (corpus_wrote(c, rows_entity(c->db, kind, name, state, capital, &id,
	    c->e), "adding an entity") != 0)
		return -1;
	c->n->entities++;
	if (corpus_alias(c, id, name, "name") != 0)
		return -1;
	return id;
}

/* --- gazetteer -------------------------------------------------------- */

/* Optional date bounds of a role or a membership: FROM | UNTIL, read
 * into S (its days kept in A and B). */
static int
corpus_span(struct corpus *c, const char *from, const char *until,
    struct date_span *a, struct date_span *b, struct rows_span *s)
{
	memset(a, 0, sizeof *a);
	memset(s, 0, sizeof *s);
	if (from && *from) {
		if (corpus_date(c, from, a) != 0)
			return -1;
		s->since = from;
		s->first = a->first;
	}
	if (until && *until) {
		if (corpus_date(c, until, b) != 0)
			return -1;
		if (from && *from && strcmp(b->last, a->first) < 0)
			return corpus_fail(c, "'%s' is before '%s'", until, from);
		s->until = until;
		s->last = b->last;
	}
	return 0;
}

static int
corpus_sco(struct corpus *c, long long state, char *value)
{
	static const char *const statuses[] = {
		"member", "observer", "dialogue partner", "guest",
	};
	char *p[3] = { NULL, NULL, NULL };
	struct date_span a, b;
	struct rows_span s;
	size_t i;

	rec_split(value, p, 3);
	for (i = 0; i < sizeof statuses / sizeof *statuses; i++)
		if (strcmp(p[0], statuses[i]) == 0)
			break;
	if (i == sizeof statuses / sizeof *statuses)
		return corpus_fail(c, "'%s' is not an SCO status (member, "
		    "observer, dialogue partner, guest)", p[0]);
	if (corpus_span(c, p[1], p[2], &a, &b, &s) != 0)
		return -1;
	return corpus_wrote(c, rows_membership(c->db, state, p[0], &s, c->e),
	    "adding an SCO status");
}

static int
corpus_place(struct corpus *c, long long state, char *value)
{
	char *p[16];
	int n = rec_split(value, p, 16), i, capital = 0;
	long long id;

	if (n >= 2 && *p[1]) {
		if (strcmp(p[1], "capital") != 0)
			return corpus_fail(c, "the second part of a place is "
			    "'capital' or empty, not '%s'", p[1]);
		capital = 1;
	}
	if ((id = corpus_entity(c, "place", p[0], state, capital)) < 0)
		return -1;
	for (i = 2; i < n; i++)
		if (corpus_alias(c, id, p[i], "alias") != 0)
			return -1;
	return 0;
}

static int
corpus_state(struct corpus *c, const struct rec *r)
{
	long long id;
	int i;

	if (corpus_check_fields(c, r, " state ", " alias demonym place sco ") != 0)
		return -1;
	c->line = r->line;
	if ((id = corpus_entity(c, "state", r->fields[0].value, 0, 0)) < 0)
		return -1;
	for (i = 1; i < r->n; i++) {
		const char *name = r->fields[i].name;
		char *v = r->fields[i].value;

		c->line = r->fields[i].line;
		if ((strcmp(name, "alias") == 0 && corpus_alias(c, id, v, "alias")) ||
		    (strcmp(name, "demonym") == 0 && corpus_alias(c, id, v, "demonym")) ||
		    (strcmp(name, "place") == 0 && corpus_place(c, id, v)) ||
		    (strcmp(name, "sco") == 0 && corpus_sco(c, id, v)))
			return -1;
	}
	return 0;
}

static int
corpus_organisation(struct corpus *c, const struct rec *r)
{
	const char *state_name;
	long long id, state = 0;
	int i;

	if (corpus_check_fields(c, r, " organisation state ", " alias ") != 0)
		return -1;
	if ((state_name = corpus_field(c, r, "state", 0)) != NULL &&
	    (state = corpus_resolve(c, state_name, "state")) < 0)
		return -1;
	c->line = r->line;
	if ((id = corpus_entity(c, "organisation", r->fields[0].value, state, 0)) < 0)
		return -1;
	for (i = 1; i < r->n; i++) {
		c->line = r->fields[i].line;
		if (strcmp(r->fields[i].name, "alias") == 0 &&
		    corpus_alias(c, id, r->fields[i].value, "alias") != 0)
			return -1;
	}
	return 0;
}

static int
corpus_role(struct corpus *c, long long person, char *value)
{
	char *p[4] = { NULL, NULL, NULL, NULL };
	long long state = 0;
	struct date_span a, b;
	struct rows_span s;

	rec_split(value, p, 4);
	if (*p[0] == '\0')
		return corpus_fail(c, "a role needs a title");
	if (p[1] && *p[1] && (state = corpus_resolve(c, p[1], "state")) < 0)
		return -1;
	if (corpus_span(c, p[2], p[3], &a, &b, &s) != 0)
		return -1;
	return corpus_wrote(c, rows_role(c->db, person, p[0], state, &s, c->e),
	    "adding a role");
}

static int
corpus_person(struct corpus *c, const struct rec *r)
{
	long long id;
	int i;

	if (corpus_check_fields(c, r, " person ", " alias role ") != 0)
		return -1;
	c->line = r->line;
	if ((id = corpus_entity(c, "person", r->fields[0].value, 0, 0)) < 0)
		return -1;
	for (i = 1; i < r->n; i++) {
		const char *name = r->fields[i].name;

		c->line = r->fields[i].line;
		if ((strcmp(name, "alias") == 0 &&
		    corpus_alias(c, id, r->fields[i].value, "alias") != 0) ||
		    (strcmp(name, "role") == 0 &&
		    corpus_role(c, id, r->fields[i].value) != 0))
			return -1;
	}
	return 0;
}

/* --- names in other languages (iso-names.rec) ------------------------- */

/* A name of another language, unless the gazetteer has it already (the
 * hand-written lines win): generated names repeat each other across
 * languages, and may be a spelling the gazetteer gives another entity. */
static int
corpus_other_name(struct corpus *c, long long entity, const char *name)
{
	char *norm = util_ascii_lower(name);
	sqlite3_stmt *st = db_stmt(c->db, corpus_sql_alias_owner, c->e);
	int rc = -1, taken;

	if (st == NULL)
		goto out;
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	rc = 0;
	if (!taken && *name != '\0' &&
	    (rc = corpus_wrote(c, rows_alias(c->db, entity, name, norm, "alias",
	    c->e), "adding a name")) == 0)
		c->n->aliases++;
out:
	free(norm);
	return rc;
}

/* names: STATE, then alias: lines, the state's names in other languages. */
static int
corpus_names(struct corpus *c, const struct rec *r)
{
	long long id;
	int i;

	if (corpus_check_fields(c, r, " names ", " alias ") != 0)
		return -1;
	c->line = r->line;
	if ((id = corpus_resolve(c, r->fields[0].value, "state")) < 0)
		return -1;
	for (i = 1; i < r->n; i++) {
		c->line = r->fields[i].line;
		if (corpus_other_name(c, id, r->fields[i].value) != 0)
			return -1;
	}
	return 0;
}

/* States first, so that organisations and people can name theirs
 * wherever they stand in the file. */
static int
corpus_gazetteer_pass(struct corpus *c, const char *path, int states)
{
	struct rec_reader rd;
	struct rec r;
	int rc = 0, got;

	if (rec_open(&rd, path, c->e) != 0)
		return -1;
	while (rc == 0 && (got = rec_next(&rd, &r, c->e)) == 1) {
		const char *type = r.fields[0].name;

		c->line = r.line;
		if (strcmp(type, "state") == 0)
			rc = states ? corpus_state(c, &r) : 0;
		else if (strcmp(type, "organisation") == 0)
			rc = states ? 0 : corpus_organisation(c, &r);
		else if (strcmp(type, "person") == 0)
			rc = states ? 0 : corpus_person(c, &r);
		else
			rc = corpus_fail(c, "a record starts with 'state:', "
			    "'organisation:' or 'person:', not '%s:'", type);
		rec_free(&r);
	}
	if (got < 0)
		rc = -1;
	rec_close(&rd);
	return rc;
}

/* --- articles --------------------------------------------------------- */

/* The stored body: the file without its title line and without chrome. */
static int
corpus_article_body(struct corpus *c, const char *name, char **body)
{
	char path[4096];
	struct buf text;
	const char *nl, *nul;
	size_t bad;

	snprintf(path, sizeof path, "%s/articles/%s", c->dir, name);
	buf_init(&text);
	if (util_read_file(path, &text, c->e) != 0)
		return -1;
	if (!util_utf8_valid(text.data, text.len, &bad)) {
		err_set(c->e, "%s: byte %zu: not valid UTF-8", path, bad);
		buf_free(&text);
		return -1;
	}
	/* The body is kept as a C string: a NUL would cut it short. */
	if ((nul = memchr(text.data, '\0', text.len)) != NULL) {
		err_set(c->e, "%s: byte %zu: a NUL byte", path,
		    (size_t)(nul - text.data));
		buf_free(&text);
		return -1;
	}
	nl = memchr(text.data, '\n', text.len);
	*body = nl ? chrome_strip(nl + 1, text.len - (size_t)(nl + 1 - text.data))
	    : xstrdup("");
	buf_free(&text);
	return 0;
}

static int
corpus_article(struct corpus *c, const struct rec *r)
{
	struct article a = { .name = r->fields[0].value };
	struct date_span d;
	char hash[65];
	long long id;
	int rc;

	if (corpus_check_fields(c, r, " article title published source url ", " ") != 0 ||
	    (a.title = (char *)corpus_field(c, r, "title", 1)) == NULL)
		return -1;
	if (strchr(a.name, '/') != NULL || a.name[0] == '.') {
		c->line = r->line;
		return corpus_fail(c, "'%s': an article is a file name in "
		    "articles/, without directories", a.name);
	}
	if ((a.published = (char *)corpus_field(c, r, "published", 0)) != NULL &&
	    corpus_date(c, a.published, &d) != 0)
		return -1;
	a.source = (char *)corpus_field(c, r, "source", 0);
	a.url = (char *)corpus_field(c, r, "url", 0);
	c->line = r->line;
	if (corpus_article_body(c, a.name, &a.body) != 0)
		return -1;
	sha256_hex(a.body, strlen(a.body), hash);
	a.hash = hash;
	if ((rc = rows_article(c->db, &a, &id, c->e)) == 0)
		c->n->articles++;
	free(a.body);
	return rc;
}

/* --- events ----------------------------------------------------------- */

static const char corpus_sql_article_by_name[] =
	"SELECT id, body FROM article WHERE name = ?1";

static long long
corpus_article_id(struct corpus *c, const char *name, char **body)
{
	sqlite3_stmt *st = db_stmt(c->db, corpus_sql_article_by_name, c->e);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		return 0;
	if (body != NULL)
		*body = db_col_text(st, 1);
	return sqlite3_column_int64(st, 0);
}

static int
corpus_slug_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return 0;
	return 1;
}

static int
corpus_event_confidence(struct corpus *c, const struct rec *r, double *out)
{
	const char *text = corpus_field(c, r, "confidence", 0);
	char *end;

	*out = 1.0;
	if (text == NULL)
		return 0;
	*out = strtod(text, &end);
	if (*text == '\0' || *end != '\0' || !(*out >= 0.0 && *out <= 1.0))
		return corpus_fail(c, "confidence is a number from 0 to 1, not '%s'",
		    text);
	return 0;
}

static long long
corpus_event_row(struct corpus *c, const struct rec *r)
{
	const char *slug = r->fields[0].value, *date, *title, *kind, *place;
	struct rows_event_rec ev = { .slug = slug };
	long long place_id = 0, id;
	struct date_span d;
	double conf;

	if ((date = corpus_field(c, r, "date", 1)) == NULL ||
	    (title = corpus_field(c, r, "title", 1)) == NULL ||
	    (kind = corpus_field(c, r, "kind", 1)) == NULL)
		return -1;
	c->line = r->line;
	if (!corpus_slug_ok(slug))
		return corpus_fail(c, "'%s': an event id is lower-case letters, "
		    "digits and hyphens", slug);
	corpus_field(c, r, "date", 1);
	if (corpus_date(c, date, &d) != 0)
		return -1;
	if (!corpus_kind_known(kind)) {
		corpus_field(c, r, "kind", 1);
		return corpus_fail(c, "'%s' is not an event kind (see data/FORMAT.md)",
		    kind);
	}
	if ((place = corpus_field(c, r, "place", 0)) != NULL &&
	    (place_id = corpus_resolve(c, place, NULL)) < 0)
		return -1;
	if (corpus_event_confidence(c, r, &conf) != 0)
		return -1;
	ev.d = &d;
	ev.title = title;
	ev.summary = corpus_field(c, r, "summary", 0);
	ev.kind = kind;
	ev.place = place_id;
	ev.confidence = conf;
	c->line = r->line;
	if (corpus_wrote(c, rows_corpus_event(c->db, &ev, &id, c->e),
	    "adding the event") != 0)
		return -1;
	c->n->events++;
	return id;
}

static const char corpus_sql_entity_state[] =
	"SELECT e.kind, e.state_id,"
	" (SELECT state_id FROM role WHERE entity_id = e.id AND state_id IS NOT NULL"
	"  ORDER BY first_day DESC LIMIT 1)"
	" FROM entity e WHERE e.id = ?1";

/* The state a participant stands for when the line does not say: a state
 * itself, the state of a place or organisation, a person's role's state. */
static long long
corpus_default_state(struct corpus *c, long long entity)
{
	sqlite3_stmt *st = db_stmt(c->db, corpus_sql_entity_state, c->e);
	const char *kind;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entity);
	if (sqlite3_step(st) != SQLITE_ROW)
		return 0;
	kind = db_col_str(st, 0);
	if (strcmp(kind, "state") == 0)
		return entity;
	if (strcmp(kind, "person") == 0)
		return sqlite3_column_int64(st, 2);
	return sqlite3_column_int64(st, 1);
}

static int
corpus_participant(struct corpus *c, long long event, char *value)
{
	char *p[3] = { NULL, NULL, NULL };
	long long who, state;
	int rc;

	rec_split(value, p, 3);
	if ((who = corpus_resolve(c, p[0], NULL)) < 0)
		return -1;
	if (p[2] && *p[2])
		state = corpus_resolve(c, p[2], "state");
	else
		state = corpus_default_state(c, who);
	if (state < 0)
		return -1;
	if ((rc = rows_participant(c->db, event, who, p[1], state, c->e)) < 0)
		return -1;
	if (rc > 0)
		return corpus_fail(c, "'%s' is a participant twice", p[0]);
	c->n->participants++;
	return 0;
}

static int
corpus_evidence(struct corpus *c, long long event, char *value)
{
	char *p[2] = { NULL, NULL }, *body = NULL, *at;
	long long article;
	int rc = -1;

	if (rec_split(value, p, 2) != 2 || *p[1] == '\0')
		return corpus_fail(c, "evidence is ARTICLE | SENTENCE");
	if ((article = corpus_article_id(c, p[0], &body)) <= 0) {
		if (article == 0)
			corpus_fail(c, "'%s' is not an article of articles.rec", p[0]);
		goto out;
	}
	if ((at = strstr(body, p[1])) == NULL) {
		corpus_fail(c, "the sentence is not in the body of %s: '%.60s…'",
		    p[0], p[1]);
		goto out;
	}
	if ((rc = corpus_wrote(c, rows_evidence(c->db, event, article, at - body,
	    (at - body) + (long long)strlen(p[1]), c->e), "adding evidence")) == 0)
		c->n->evidence++;
out:
	free(body);
	return rc;
}

static int
corpus_claim(struct corpus *c, long long event, char *value)
{
	char *p[2] = { NULL, NULL };
	struct date_span d;
	long long article;

	if (rec_split(value, p, 2) != 2 || *p[1] == '\0')
		return corpus_fail(c, "a claim is DATE | SOURCE");
	if (corpus_date(c, p[0], &d) != 0)
		return -1;
	if ((article = corpus_article_id(c, p[1], NULL)) < 0)
		return -1;
	if (corpus_wrote(c, rows_claim(c->db, event, &d, p[1], article, c->e),
	    "adding a claim") != 0)
		return -1;
	c->n->claims++;
	return 0;
}

static int
corpus_event(struct corpus *c, const struct rec *r)
{
	long long id;
	int i, rc = 0;

	if (corpus_check_fields(c, r, " event date title kind place summary confidence ",
	    " participant evidence claim ") != 0)
		return -1;
	if ((id = corpus_event_row(c, r)) < 0)
		return -1;
	for (i = 1; i < r->n && rc == 0; i++) {
		const char *name = r->fields[i].name;

		c->line = r->fields[i].line;
		if (strcmp(name, "participant") == 0)
			rc = corpus_participant(c, id, r->fields[i].value);
		else if (strcmp(name, "evidence") == 0)
			rc = corpus_evidence(c, id, r->fields[i].value);
		else if (strcmp(name, "claim") == 0)
			rc = corpus_claim(c, id, r->fields[i].value);
	}
	return rc;
}

/* --- the whole load --------------------------------------------------- */

/* Every record of the file at PATH, each of TYPE, given to FN. */
static int
corpus_file_at(struct corpus *c, const char *path, const char *type,
    int (*fn)(struct corpus *, const struct rec *))
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct rec_reader rd;
	struct rec r;
	int rc = 0, got;

	if (rec_open(&rd, path, c->e) != 0)
		return -1;
	c->file = rd.path;
	while (rc == 0 && (got = rec_next(&rd, &r, c->e)) == 1) {
		c->line = r.line;
		if (strcmp(r.fields[0].name, type) != 0)
			rc = corpus_fail(c, "a record of %s starts with '%s:', not "
			    "'%s:'", base, type, r.fields[0].name);
		else
			rc = fn(c, &r);
		rec_free(&r);
	}
	if (got < 0)
		rc = -1;
	c->file = NULL;
	rec_close(&rd);
	return rc;
}

static int
corpus_file(struct corpus *c, const char *base, const char *type,
    int (*fn)(struct corpus *, const struct rec *))
{
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", c->dir, base);
	return corpus_file_at(c, path, type, fn);
}

static int
corpus_gazetteer(struct corpus *c)
{
	char path[4096];
	int rc;

	snprintf(path, sizeof path, "%s/gazetteer.rec", c->dir);
	c->file = path;
	rc = corpus_gazetteer_pass(c, path, 1);
	if (rc == 0)
		rc = corpus_gazetteer_pass(c, path, 0);
	c->file = NULL;
	return rc;
}

/* The names of another file (iso-names.rec), after the gazetteer's own. */
static int
corpus_other_names(struct corpus *c)
{
	if (c->names == NULL)
		return 0;
	return corpus_file_at(c, c->names, "names", corpus_names);
}

static const char corpus_sql_article_ids[] = "SELECT id FROM article ORDER BY id";

/* The articles came before the gazetteer: their bodies are read back
 * for the names. */
static int
corpus_article_mentions(struct corpus *c, long long id)
{
	struct mention_row *m = NULL;
	char *body;
	int n = 0, rc = -1;

	if (db_require_writable(c->db, "store mentions", c->e) != 0 ||
	    article_body(c->db, id, &body, c->e) != 0)
		return -1;
	if (mention_find(c->db, body, strlen(body), &m, &n, c->e) == 0)
		rc = rows_mentions(c->db, id, m, n, c->e);
	free(m);
	free(body);
	return rc;
}

/* Once the gazetteer is in, every article's mentions of it. */
static int
corpus_mentions(struct corpus *c)
{
	sqlite3_stmt *st = db_stmt(c->db, corpus_sql_article_ids, c->e);
	long long *ids = NULL;
	int n = 0, cap = 0, i, got;

	if (st == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = xgrow(ids, n, &cap, sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	for (i = 0; i < n; i++) {
		if ((got = corpus_article_mentions(c, ids[i])) < 0)
			break;
		c->n->mentions += got;
	}
	free(ids);
	return i == n ? 0 : -1;
}

static const char corpus_sql_is_empty[] =
	"SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM entity)"
	" + (SELECT count(*) FROM article)";

int
corpus_load(struct db *db, const char *datadir, struct corpus_counts *n,
    struct err *e)
{
	return corpus_load_names(db, datadir, NULL, n, e);
}

int
corpus_load_names(struct db *db, const char *datadir, const char *names,
    struct corpus_counts *n, struct err *e)
{
	struct corpus c = { .db = db, .dir = datadir, .names = names, .n = n,
	    .e = e };
	sqlite3_stmt *st;

	memset(n, 0, sizeof *n);
	if ((st = db_stmt(db, corpus_sql_is_empty, e)) == NULL)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 0) {
		err_set(e, "database %s is not empty: the corpus loads into a "
		    "new database", db->path);
		return -1;
	}
	if (db_begin_write(db, "load the corpus", e) != 0)
		return -1;
	if (corpus_file(&c, "articles.rec", "article", corpus_article) != 0 ||
	    corpus_gazetteer(&c) != 0 || corpus_other_names(&c) != 0 ||
	    corpus_mentions(&c) != 0 ||
	    corpus_file(&c, "events.rec", "event", corpus_event) != 0 ||
	    rows_fts_optimize(db, e) != 0 || db_commit(db, e) != 0) {
		db_rollback(db);
		return -1;
	}
	/* The bundled file is read where no journal can be written: keep it
	 * a single file, without WAL. */
	return db_exec(db, "PRAGMA journal_mode = DELETE", e);
}
