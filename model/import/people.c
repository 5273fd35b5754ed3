/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store.h"
#include "scotl/article.h"
#include "scotl/mention.h"
#include "scotl/people.h"

/* Titles that come before a name, longest first so that "Deputy NSA"
 * wins over "NSA". */
static const char *const people_titles[] = {
	"Secretary of the Security Council", "Security Council Secretary",
	"National Security Adviser", "National Security Advisor",
	"External Affairs Minister", "Public Security Minister",
	"Minister of National Defence", "Minister of Defence",
	"Minister of State for External Affairs", "Interior Minister",
	"Defence Minister", "Defense Minister", "Foreign Minister",
	"Prime Minister", "Secretary-General", "Deputy NSA", "Vice President",
	"President", "Admiral", "General", "Ambassador", "NSA", "Minister",
};

/* Capitalised words that are not names. */
static const char *const people_not_names[] = {
	"The", "A", "An", "Of", "And", "In", "On", "At", "SCO", "RATS", "He",
	"She", "They", "It", "This", "That", "Said", "Also", "Has", "Was",
};

struct people_name {
	size_t start, end;
	int words;
};

static int
people_not_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof people_not_names / sizeof *people_not_names; i++)
		if (strlen(people_not_names[i]) == n &&
		    strncmp(s, people_not_names[i], n) == 0)
			return 1;
	return 0;
}

/* Two or three capitalised words from AT: "Dong Jun", "J. F. Giyosov"
 * counts initials as words. */
static int
people_name_at(const char *s, size_t len, size_t at, struct people_name *out)
{
	size_t i = at, w;
	int words = 0;

	out->start = at;
	while (i < len && words < 3) {
		if (!isupper((unsigned char)s[i]))
			break;
		for (w = i + 1; w < len && (isalpha((unsigned char)s[w]) ||
		    s[w] == '-' || s[w] == '.'); w++)
			;
		if (people_not_name(s + i, w - i) || w - i > 20)
			break;
		words++;
		out->end = w;
		if (w >= len || s[w] != ' ')
			break;
		i = w + 1;
	}
	/* A trailing full stop ends the sentence, not an initial. */
	if (words > 0 && s[out->end - 1] == '.' && out->end - out->start > 2 &&
	    !isupper((unsigned char)s[out->end - 2]))
		out->end--;
	out->words = words;
	return words >= 2;
}

/* The article and its mentions (in order of position), with what
 * answers the questions asked for each title without a walk over all
 * of them or back to the start of the sentence: such walks made a long
 * article's import grow with the square of its size. */
struct people_scan {
	const char *s;
	size_t len;
	const struct mention_row *m;
	int n;
	long long *reach;       /* the furthest end of m[0..i] */
	int *prev_state;        /* the last state mention at or before i, or -1 */
	int *next_state;        /* the first state mention at or after i, or n */
	size_t seen;            /* the text before it is read for full stops */
	size_t sentence;        /* where the sentence holding 'seen' starts */
	size_t stop_from, stop; /* the first stop at or after stop_from */
};

static void
people_scan_init(struct people_scan *c, const char *s, size_t len,
    const struct mention_row *m, int n)
{
	int i;

	memset(c, 0, sizeof *c);
	c->s = s;
	c->len = len;
	c->m = m;
	c->n = n;
	c->reach = xmalloc((size_t)(n + 1) * sizeof *c->reach);
	c->prev_state = xmalloc((size_t)(n + 1) * sizeof *c->prev_state);
	c->next_state = xmalloc((size_t)(n + 1) * sizeof *c->next_state);
	for (i = 0; i < n; i++) {
		c->reach[i] = i > 0 && c->reach[i - 1] > m[i].end ? c->reach[i - 1] :
		    m[i].end;
		c->prev_state[i] = strcmp(m[i].kind, "state") == 0 ? i :
		    i > 0 ? c->prev_state[i - 1] : -1;
	}
	c->next_state[n] = n;
	for (i = n - 1; i >= 0; i--)
		c->next_state[i] = strcmp(m[i].kind, "state") == 0 ? i :
		    c->next_state[i + 1];
	c->stop_from = 1;       /* nothing known yet */
}

static void
people_scan_free(struct people_scan *c)
{
	free(c->reach);
	free(c->prev_state);
	free(c->next_state);
}

/* The first mention that starts at or after AT, or n. */
static int
people_first_from(const struct people_scan *c, size_t at)
{
	int lo = 0, hi = c->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if ((size_t)c->m[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether a known mention overlaps the span. */
static int
people_known_span(const struct people_scan *c, size_t start, size_t end)
{
	int last = people_first_from(c, end) - 1;

	return last >= 0 && (size_t)c->reach[last] > start;
}

static int
people_is_stop(char ch)
{
	return ch == '.' || ch == '\n';
}

/* Where the sentence holding AT starts; called with AT in increasing
 * order, as the titles are found. */
static size_t
people_sentence_start(struct people_scan *c, size_t at)
{
	for (; c->seen < at; c->seen++)
		if (people_is_stop(c->s[c->seen]))
			c->sentence = c->seen + 1;
	return c->sentence;
}

/* The first full stop, line end or end of text at or after AT. */
static size_t
people_sentence_end(struct people_scan *c, size_t at)
{
	size_t to = at;

	if (at >= c->stop_from && at <= c->stop)
		return c->stop;
	while (to < c->len && !people_is_stop(c->s[to]))
		to++;
	c->stop_from = at;
	c->stop = to;
	return to;
}

/* The state named nearest before the title in its sentence, else the
 * nearest after the name. */
static long long
people_state(struct people_scan *c, size_t title, size_t name_end)
{
	size_t from = people_sentence_start(c, title);
	size_t to = people_sentence_end(c, name_end);
	const struct mention_row *m = c->m;
	int j = people_first_from(c, title + 1) - 1;

	/* The last state mention between the start and the title... */
	for (j = j >= 0 ? c->prev_state[j] : -1; j >= 0 && (size_t)m[j].start >= from;
	    j = j > 0 ? c->prev_state[j - 1] : -1)
		if ((size_t)m[j].end <= title)
			return m[j].entity_id;
	/* ... else the first between the name and the end. */
	for (j = c->next_state[people_first_from(c, name_end)];
	    j < c->n && (size_t)m[j].start < to; j = c->next_state[j + 1])
		if ((size_t)m[j].end <= to)
			return m[j].entity_id;
	return 0;
}

static const char people_sql_known[] = "SELECT 1 FROM alias WHERE norm = ?1";
static const char people_sql_entity[] =
	"INSERT INTO entity(kind, name, origin) VALUES ('person', ?1, 'extracted')";
static const char people_sql_alias[] =
	"INSERT INTO alias(entity_id, name, norm, kind) VALUES (?1, ?2, ?3, 'name')";
static const char people_sql_role[] =
	"INSERT INTO role(entity_id, title, state_id) VALUES (?1, ?2, ?3)";
static const char people_sql_mention[] =
	"INSERT OR IGNORE INTO mention(article_id, entity_id, span_start, span_end)"
	" VALUES (?1, ?2, ?3, ?4)";

/* The last word of the name as a second alias, unless it names someone
 * else already ("Mukambetov" finds Ruslan Mukambetov). */
static int
people_surname(struct db *db, long long id, const char *name, struct err *e)
{
	const char *last = strrchr(name, ' ');
	sqlite3_stmt *st;
	char *norm;
	int known, rc = 0;

	if (last == NULL || strlen(last + 1) < 3)
		return 0;
	norm = util_ascii_lower(last + 1);
	if ((st = db_stmt(db, people_sql_known, e)) == NULL) {
		free(norm);
		return -1;
	}
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	if ((known = db_step_exists(db, st, "look up a name", e)) < 0) {
		free(norm);
		return -1;
	}
	if (!known) {
		static const char sql[] = "INSERT INTO alias(entity_id, name, norm, kind)"
		    " VALUES (?1, ?2, ?3, 'alias')";

		if ((st = db_stmt(db, sql, e)) == NULL) {
			free(norm);
			return -1;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, last + 1, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, norm, -1, SQLITE_STATIC);
		rc = db_step_done(db, st, "name a person", e);
	}
	free(norm);
	return rc;
}

static int
people_add(struct db *db, long long article, const char *name, const char *title,
    long long state, const struct people_name *span, struct err *e)
{
	char *norm = util_ascii_lower(name);
	sqlite3_stmt *st;
	long long id;
	int known, rc = -1;

	if ((st = db_stmt(db, people_sql_known, e)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	if ((known = db_step_exists(db, st, "look up a name", e)) < 0)
		goto out;
	if (known) {
		rc = 0;
		goto out;
	}
	if ((st = db_stmt(db, people_sql_entity, e)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (db_step_done(db, st, "propose a person", e) != 0)
		goto out;
	id = sqlite3_last_insert_rowid(db->h);
	if ((st = db_stmt(db, people_sql_alias, e)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, norm, -1, SQLITE_STATIC);
	if (db_step_done(db, st, "name a person", e) != 0 ||
	    people_surname(db, id, name, e) != 0 ||
	    (st = db_stmt(db, people_sql_role, e)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	if (state > 0)
		sqlite3_bind_int64(st, 3, state);
	if (db_step_done(db, st, "give a role", e) != 0 ||
	    (st = db_stmt(db, people_sql_mention, e)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, (long long)span->start);
	sqlite3_bind_int64(st, 4, (long long)span->end);
	rc = db_step_done(db, st, "store a mention", e) == 0 ? 1 : -1;
out:
	free(norm);
	return rc;
}


int
people_propose(struct db *db, long long article_id, struct err *e)
{
	struct mention_row *m = NULL;
	struct people_scan c;
	struct people_name nm;
	int n = 0, added = 0, rc;
	size_t i, k, len, tl;
	char *body, *name;

	if (article_body(db, article_id, &body, e) != 0)
		return -1;
	len = strlen(body);
	if (mention_list(db, article_id, &m, &n, e) != 0) {
		free(body);
		return -1;
	}
	people_scan_init(&c, body, len, m, n);
	for (i = 0; i < len; i++) {
		/* Titles start a word with a capital. */
		if (!isupper((unsigned char)body[i]) ||
		    (i > 0 && isalpha((unsigned char)body[i - 1])))
			continue;
		for (k = 0; k < sizeof people_titles / sizeof *people_titles; k++) {
			tl = strlen(people_titles[k]);
			if (i + tl + 1 >= len || strncmp(body + i, people_titles[k], tl) != 0 ||
			    body[i + tl] != ' ')
				continue;
			if (people_name_at(body, len, i + tl + 1, &nm) &&
			    !people_known_span(&c, nm.start, nm.end)) {
				name = xstrndup(body + nm.start, nm.end - nm.start);
				rc = people_add(db, article_id, name, people_titles[k],
				    people_state(&c, i, nm.end), &nm, e);
				free(name);
				if (rc < 0) {
					people_scan_free(&c);
					free(m);
					free(body);
					return -1;
				}
				added += rc;
			}
			i += tl;
			break;
		}
	}
	people_scan_free(&c);
	free(m);
	free(body);
	return added;
}
