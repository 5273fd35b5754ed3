/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "scotl/mention.h"

static const char mention_sql_aliases[] =
	"SELECT a.name, a.entity_id FROM alias a ORDER BY a.id";
static const char mention_sql_alias_key[] =
	"SELECT count(*) * 1000003 + coalesce(max(id), 0) FROM alias";
static const char mention_sql_kind[] = "SELECT kind FROM entity WHERE id = ?1";
static const char mention_sql_list[] =
	"SELECT m.entity_id, e.kind, m.span_start, m.span_end FROM mention m"
	" JOIN entity e ON e.id = m.entity_id WHERE m.article_id = ?1"
	" ORDER BY m.span_start, m.span_end DESC";

struct mention_hit {
	long long entity;
	size_t start, end;
};

/* --- the matcher: Aho-Corasick over every name of the gazetteer ------- */

/* One state of the automaton. Edges are a sorted list of bytes; 'out' is
 * the name that ends here, 'dict' the next state down the failure chain
 * where a name ends, so that every name ending at a position is found
 * without walking states that end none. */
struct mention_state {
	int *next;              /* target state per edge */
	unsigned char *bytes;   /* edge bytes, sorted */
	int nedges, capedges;
	int fail;
	int dict;               /* -1: none */
	int out;                /* name index, -1: none */
	int depth;
};

struct mention_matcher {
	struct mention_state *s;
	int n, cap;
	long long *entity;      /* per name */
	int nnames, capnames;
	long long key;          /* which gazetteer it was built from */
};

/* Where the connection keeps the automaton (mention_matcher). */
static const struct db_slot_key mention_slot = { .name = "mention" };

static int
mention_edge(const struct mention_state *st, unsigned char c)
{
	int lo = 0, hi = st->nedges - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (st->bytes[mid] == c)
			return st->next[mid];
		if (st->bytes[mid] < c)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int
mention_new_state(struct mention_matcher *m, int depth)
{
	struct mention_state *st;

	m->s = xgrow(m->s, m->n, &m->cap, sizeof *m->s);
	st = &m->s[m->n];
	memset(st, 0, sizeof *st);
	st->fail = 0;
	st->dict = -1;
	st->out = -1;
	st->depth = depth;
	return m->n++;
}

static int
mention_add_edge(struct mention_matcher *m, int from, unsigned char c)
{
	int to = mention_new_state(m, m->s[from].depth + 1), i;
	struct mention_state *st = &m->s[from];

	if (st->nedges == st->capedges) {
		st->capedges = st->capedges ? st->capedges * 2 : 2;
		st->next = xrealloc(st->next, (size_t)st->capedges * sizeof *st->next);
		st->bytes = xrealloc(st->bytes, (size_t)st->capedges);
	}
	for (i = st->nedges; i > 0 && st->bytes[i - 1] > c; i--) {
		st->bytes[i] = st->bytes[i - 1];
		st->next[i] = st->next[i - 1];
	}
	st->bytes[i] = c;
	st->next[i] = to;
	st->nedges++;
	return to;
}

static void
mention_insert(struct mention_matcher *m, const char *name, long long entity)
{
	int state = 0, next;

	if (*name == '\0')
		return;
	for (; *name; name++) {
		next = mention_edge(&m->s[state], (unsigned char)*name);
		state = next >= 0 ? next : mention_add_edge(m, state,
		    (unsigned char)*name);
	}
	if (m->s[state].out >= 0)
		return;         /* the same spelling twice: the first wins */
	m->entity = xgrow(m->entity, m->nnames, &m->capnames, sizeof *m->entity);
	m->entity[m->nnames] = entity;
	m->s[state].out = m->nnames++;
}

/* Failure links, breadth first: a state's failure is the longest proper
 * suffix of its path that is also a path from the root. */
static void
mention_link(struct mention_matcher *m)
{
	int *queue = xmalloc((size_t)m->n * sizeof *queue), head = 0, tail = 0;
	int i, f, t;

	for (i = 0; i < m->s[0].nedges; i++)
		queue[tail++] = m->s[0].next[i];
	while (head < tail) {
		int u = queue[head++];

		for (i = 0; i < m->s[u].nedges; i++) {
			unsigned char c = m->s[u].bytes[i];
			int v = m->s[u].next[i];

			for (f = m->s[u].fail; f > 0 && mention_edge(&m->s[f], c) < 0;
			    f = m->s[f].fail)
				;
			t = mention_edge(&m->s[f], c);
			m->s[v].fail = t >= 0 && t != v ? t : 0;
			m->s[v].dict = m->s[m->s[v].fail].out >= 0 ? m->s[v].fail :
			    m->s[m->s[v].fail].dict;
			queue[tail++] = v;
		}
	}
	free(queue);
}

static void
mention_matcher_free(struct mention_matcher *m)
{
	int i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->s[i].next);
		free(m->s[i].bytes);
	}
	free(m->s);
	free(m->entity);
	free(m);
}

/* The free hook of the connection's slot (db_close calls it). */
static void
mention_matcher_drop(void *m)
{
	mention_matcher_free(m);
}

/* The automaton for the gazetteer as it is now, built once and kept with
 * the connection until names are added. */
static struct mention_matcher *
mention_matcher(struct db *db, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, mention_sql_alias_key, e);
	struct mention_matcher *m;
	long long key;
	int rc;

	if (st == NULL || sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, e, "reading names");
		return NULL;
	}
	key = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	m = db_slot(db, &mention_slot);
	if (m != NULL && m->key == key)
		return m;
	db_slot_set(db, &mention_slot, NULL, NULL);
	if ((st = db_stmt(db, mention_sql_aliases, e)) == NULL)
		return NULL;
	m = xcalloc(1, sizeof *m);
	m->key = key;
	mention_new_state(m, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		mention_insert(m, db_col_str(st, 0),
		    sqlite3_column_int64(st, 1));
	if (rc != SQLITE_DONE) {
		mention_matcher_free(m);
		db_fail(db, e, "reading names");
		return NULL;
	}
	mention_link(m);
	db_slot_set(db, &mention_slot, m, mention_matcher_drop);
	return m;
}

/* Whether a character continues a word: letters and digits of any
 * script do; punctuation (curly quotes and apostrophes, dashes, the
 * Latin-1 signs) and spaces do not, so "India’s" and “Pakistan” name
 * their states while "Indiana" does not name India. */
static int
mention_wordc(unsigned long cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	return !((cp >= 0xa0 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f) ||
	    cp == 0xfffd);
}

/* The character that ends just before byte AT. */
static unsigned long
mention_before(const char *s, size_t at)
{
	unsigned long cp;
	size_t k = at;

	if (at == 0)
		return ' ';
	while (k > 0 && at - k < 4 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k == 0 || util_utf8_decode(s + k - 1, at - k + 1, &cp) != at - k + 1)
		return (unsigned char)s[at - 1];
	return cp;
}

static int
mention_bounded(const char *body, size_t len, size_t start, size_t end)
{
	unsigned long after = ' ';

	if (end < len && util_utf8_decode(body + end, len - end, &after) == 0)
		after = (unsigned char)body[end];
	return !mention_wordc(mention_before(body, start)) && !mention_wordc(after);
}

/* One pass over the text: every name of the gazetteer that occurs, as
 * written, between word boundaries. */
static void
mention_find_all(const struct mention_matcher *m, const char *body, size_t len,
    struct mention_hit **hits, int *n, int *cap)
{
	int state = 0, next, k;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)body[i];

		while ((next = mention_edge(&m->s[state], c)) < 0 && state > 0)
			state = m->s[state].fail;
		state = next >= 0 ? next : 0;
		for (k = m->s[state].out >= 0 ? state : m->s[state].dict; k > 0;
		    k = m->s[k].dict) {
			size_t end = i + 1, start = end - (size_t)m->s[k].depth;

			if (mention_bounded(body, len, start, end)) {
				*hits = xgrow(*hits, *n, cap, sizeof **hits);
				(*hits)[(*n)++] = (struct mention_hit){
				    m->entity[m->s[k].out], start, end };
			}
		}
	}
}

static int
mention_hit_cmp(const void *a, const void *b)
{
	const struct mention_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

/* As mention_sql_list orders them. */
static int
mention_cmp(const void *a, const void *b)
{
	const struct mention_row *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

void
mention_sort(struct mention_row *m, int n)
{
	if (n > 1)
		qsort(m, (size_t)n, sizeof *m, mention_cmp);
}

/* The kind of the entity a name stands for: gazetteer data. */
static int
mention_kind(struct db *db, struct mention_row *m, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, mention_sql_kind, e);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, m->entity_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(m->kind, sizeof m->kind, "%s", db_col_str(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, e, "reading names");
}

/* Orders mentions by the entity they name. */
static int
mention_entity_cmp(const void *a, const void *b)
{
	const struct mention_row *x = *(struct mention_row *const *)a;
	const struct mention_row *y = *(struct mention_row *const *)b;

	return x->entity_id < y->entity_id ? -1 : x->entity_id > y->entity_id;
}

/* The kinds of the N entities M names, each read once however often the
 * text names it: a long article names the same few many times. */
static int
mention_kinds(struct db *db, struct mention_row *m, int n, struct err *e)
{
	struct mention_row **by;
	int i, j, rc = 0;

	if (n == 0)
		return 0;
	by = xmalloc((size_t)n * sizeof *by);
	for (i = 0; i < n; i++)
		by[i] = &m[i];
	qsort(by, (size_t)n, sizeof *by, mention_entity_cmp);
	for (i = 0; i < n; i = j) {
		if ((rc = mention_kind(db, by[i], e)) != 0)
			break;
		for (j = i + 1; j < n && by[j]->entity_id == by[i]->entity_id; j++)
			snprintf(by[j]->kind, sizeof by[j]->kind, "%s", by[i]->kind);
	}
	free(by);
	return rc;
}

/* The longest name at a place wins; names inside it do not count ("New
 * Delhi" is not also "Delhi"). */
static int
mention_keep(struct db *db, struct mention_hit *hits, int n,
    struct mention_row **out, int *nout, struct err *e)
{
	size_t covered = 0;
	int i, cap = 0;

	qsort(hits, (size_t)n, sizeof *hits, mention_hit_cmp);
	for (i = 0; i < n; i++) {
		struct mention_row *m;

		if (hits[i].start < covered)
			continue;
		covered = hits[i].end;
		*out = xgrow(*out, *nout, &cap, sizeof **out);
		m = &(*out)[(*nout)++];
		m->entity_id = hits[i].entity;
		m->start = (long long)hits[i].start;
		m->end = (long long)hits[i].end;
	}
	return mention_kinds(db, *out, *nout, e);
}

int
mention_find(struct db *db, const char *body, size_t len,
    struct mention_row **out, int *n, struct err *e)
{
	struct mention_hit *hits = NULL;
	struct mention_matcher *m;
	int nhits = 0, cap = 0, rc = 0;

	*out = NULL;
	*n = 0;
	if ((m = mention_matcher(db, e)) == NULL)
		return -1;
	mention_find_all(m, body, len, &hits, &nhits, &cap);
	if (nhits > 0 && mention_keep(db, hits, nhits, out, n, e) != 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		rc = -1;
	}
	free(hits);
	return rc;
}

int
mention_list(struct db *db, long long article_id, struct mention_row **out,
    int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, mention_sql_list, e);
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mention_row *m;

		*out = xgrow(*out, *n, &cap, sizeof **out);
		m = &(*out)[(*n)++];
		m->entity_id = sqlite3_column_int64(st, 0);
		snprintf(m->kind, sizeof m->kind, "%s",
		    db_col_str(st, 1));
		m->start = sqlite3_column_int64(st, 2);
		m->end = sqlite3_column_int64(st, 3);
	}
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, e, "reading mentions");
	}
	return 0;
}
