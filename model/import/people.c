/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store.h"
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

/* What is proposed so far in this article, and where. */
struct people_list {
	struct people_found *p;
	int n, cap;
};

/* Whether a name (in lower case) names someone already: in the
 * gazetteer, or among the people this article proposed before it. */
static int
people_known(struct db *db, const struct people_list *l, const char *norm,
    struct err *e)
{
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->p[i].norm, norm) == 0 || (l->p[i].surname_norm != NULL &&
		    strcmp(l->p[i].surname_norm, norm) == 0))
			return 1;
	if ((st = db_stmt(db, people_sql_known, e)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	return db_step_exists(db, st, "look up a name", e);
}

/* The last word of the name as a second alias, unless it names someone
 * else already ("Mukambetov" finds Ruslan Mukambetov). */
static int
people_surname(struct db *db, struct people_list *l, struct people_found *p,
    struct err *e)
{
	const char *last = strrchr(p->name, ' ');
	char *norm;
	int known;

	if (last == NULL || strlen(last + 1) < 3)
		return 0;
	norm = util_ascii_lower(last + 1);
	/* The name itself holds a space: it cannot be its own surname. */
	if ((known = people_known(db, l, norm, e)) != 0) {
		free(norm);
		return known < 0 ? -1 : 0;
	}
	p->surname = xstrdup(last + 1);
	p->surname_norm = norm;
	return 0;
}

static int
people_add(struct db *db, struct people_list *l, const char *name,
    const char *title, long long state, const struct people_name *span,
    struct err *e)
{
	char *norm = util_ascii_lower(name);
	struct people_found p = {
		.norm = norm, .title = title, .state = state,
		.start = (long long)span->start, .end = (long long)span->end,
	};
	int known = people_known(db, l, norm, e);

	if (known != 0) {
		free(norm);
		return known < 0 ? -1 : 0;
	}
	p.name = xstrdup(name);
	if (people_surname(db, l, &p, e) != 0) {
		people_found_free(&p, 1);
		return -1;
	}
	l->p = xgrow(l->p, l->n, &l->cap, sizeof *l->p);
	l->p[l->n++] = p;
	return 1;
}

void
people_found_free(struct people_found *p, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].norm);
		free(p[i].surname);
		free(p[i].surname_norm);
	}
}

/* A title at I, followed by a name nobody knows: proposed. Returns how
 * far the title reaches (0 when none starts at I), or -1. */
static long
people_title_at(struct db *db, struct people_scan *c, struct people_list *l,
    size_t i, struct err *e)
{
	const char *body = c->s;
	size_t k, tl, len = c->len;
	struct people_name nm;
	char *name;
	int rc;

	for (k = 0; k < sizeof people_titles / sizeof *people_titles; k++) {
		tl = strlen(people_titles[k]);
		if (i + tl + 1 >= len || strncmp(body + i, people_titles[k], tl) != 0 ||
		    body[i + tl] != ' ')
			continue;
		if (people_name_at(body, len, i + tl + 1, &nm) &&
		    !people_known_span(c, nm.start, nm.end)) {
			name = xstrndup(body + nm.start, nm.end - nm.start);
			rc = people_add(db, l, name, people_titles[k],
			    people_state(c, i, nm.end), &nm, e);
			free(name);
			if (rc < 0)
				return -1;
		}
		return (long)tl;
	}
	return 0;
}

int
people_find(struct db *db, const char *body, size_t len,
    const struct mention_row *m, int n, struct people_found **out,
    struct err *e)
{
	struct people_list l = { NULL, 0, 0 };
	struct people_scan c;
	long tl = 0;
	size_t i;

	*out = NULL;
	people_scan_init(&c, body, len, m, n);
	for (i = 0; i < len && tl >= 0; i++) {
		/* Titles start a word with a capital. */
		if (!isupper((unsigned char)body[i]) ||
		    (i > 0 && isalpha((unsigned char)body[i - 1])))
			continue;
		if ((tl = people_title_at(db, &c, &l, i, e)) > 0)
			i += (size_t)tl;
	}
	people_scan_free(&c);
	if (tl < 0) {
		people_found_free(l.p, l.n);
		free(l.p);
		return -1;
	}
	*out = l.p;
	return l.n;
}
