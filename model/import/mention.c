/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "store/store.h"
#include "scotl/dates.h"
#include "scotl/mention.h"
#include "scotl/script.h"

static const char mention_sql_aliases[] =
	"SELECT a.name, a.entity_id, a.kind FROM alias a WHERE a.id > ?1"
	" ORDER BY a.id";
/* The last name's id: names are only ever added (nothing deletes one; a
 * transaction rolled back takes the last ones away again). */
static const char mention_sql_alias_key[] =
	"SELECT coalesce(max(id), 0) FROM alias";
static const char mention_sql_kind[] = "SELECT kind FROM entity WHERE id = ?1";
static const char mention_sql_list[] =
	"SELECT m.entity_id, e.kind, m.span_start, m.span_end FROM mention m"
	" JOIN entity e ON e.id = m.entity_id WHERE m.article_id = ?1"
	" ORDER BY m.span_start, m.span_end DESC";

struct mention_hit {
	long long entity;
	size_t start, end;
	int seq;                /* found before: the same spelling twice */
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

struct mention_trie {
	struct mention_state *s;
	int n, cap;
	long long *entity;      /* per name */
	int nnames, capnames;
	int root[256];          /* the root's edges by byte, 0 for none */
};

/* Two automata: the names there were when it was built (the gazetteer),
 * and those added since (an import's new people), the second built anew
 * when they change, which is quick, so the first is never relinked. */
struct mention_matcher {
	struct mention_trie base, added;
	long long base_last;    /* the id of the last name in base */
	long long last;         /* the id of the last name it holds */
	struct sb_stemmer *ru;  /* Snowball's Russian stemmer, or NULL */
};

/* The text as the names are matched in it (mention_view_make), when it
 * has letters of other scripts: FROM and TO give, for each of its bytes,
 * the bytes of the text it stands for. */
struct mention_view {
	struct buf text;
	size_t *from, *to;
	size_t cap;
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
mention_new_state(struct mention_trie *m, int depth)
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
mention_add_edge(struct mention_trie *m, int from, unsigned char c)
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
mention_insert(struct mention_trie *m, const char *name, long long entity)
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
mention_link(struct mention_trie *m)
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
	for (i = 0; i < 256; i++) {
		t = mention_edge(&m->s[0], (unsigned char)i);
		m->root[i] = t >= 0 ? t : 0;
	}
}

/* The state after byte C from STATE: the failure links followed until
 * an edge takes C, the root's by its table, as most bytes end there. */
static int
mention_step(const struct mention_trie *m, int state, unsigned char c)
{
	int next;

	for (; state > 0; state = m->s[state].fail)
		if ((next = mention_edge(&m->s[state], c)) >= 0)
			return next;
	return m->root[c];
}

/* Empties T, leaving its root alone. */
static void
mention_trie_reset(struct mention_trie *t)
{
	int i;

	for (i = 0; i < t->n; i++) {
		free(t->s[i].next);
		free(t->s[i].bytes);
	}
	free(t->s);
	free(t->entity);
	memset(t, 0, sizeof *t);
	mention_new_state(t, 0);
}

static void
mention_matcher_free(struct mention_matcher *m)
{
	if (m == NULL)
		return;
	mention_trie_reset(&m->base);
	mention_trie_reset(&m->added);
	free(m->base.s);
	free(m->added.s);
	if (m->ru != NULL)
		sb_stemmer_delete(m->ru);
	free(m);
}

/* The free hook of the connection's slot (db_close calls it). */
static void
mention_matcher_drop(void *m)
{
	mention_matcher_free(m);
}

/* --- the text as the matcher reads it --------------------------------- */

/* Letters make words: Latin, Greek, Cyrillic and the full-width Latin
 * letters of CJK text. */
static int
mention_letter(unsigned long cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x400 && cp <= 0x52f) ||
	    (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

static int
mention_cyrillic(unsigned long cp)
{
	return cp >= 0x400 && cp <= 0x4ff;
}

static int
mention_latin(unsigned long cp)
{
	return cp < 0x250 || (cp >= 0xff21 && cp <= 0xff5a);
}

/* Upper-case Cyrillic and Greek letters (the look-alikes' case): those
 * the shared case folding (scotl/script.h) changes. */
static int
mention_upper(unsigned long cp)
{
	return cp >= 0x386 && cp <= 0x52f && script_fold(cp) != cp;
}

/* Cyrillic lower case; "ё" is written "е" as often as not. */
static unsigned long
mention_lower(unsigned long cp)
{
	cp = script_fold(cp);
	return cp == 0x451 ? 0x435 : cp;
}

static unsigned long
mention_capital(unsigned long cp)
{
	if (cp >= 0x430 && cp <= 0x44f)
		return cp - 0x20;
	if (cp >= 0x450 && cp <= 0x45f)
		return cp - 0x50;
	if (cp >= 0x460 && cp <= 0x4ff && cp != 0x4c0 && cp != 0x4cf &&
	    !mention_upper(cp))
		return cp - 1;
	return cp;
}

/* Full-width ASCII (U+FF01..U+FF5E) as ASCII. */
static unsigned long
mention_narrow(unsigned long cp)
{
	return cp >= 0xff01 && cp <= 0xff5e ? cp - 0xfee0 : cp;
}

/* Appends OUT to the view, standing for bytes FROM..TO of the text. */
static void
mention_view_add(struct mention_view *v, const char *out, size_t n,
    size_t from, size_t to)
{
	size_t i;

	while (v->cap < v->text.len + n) {
		v->cap = v->cap ? v->cap * 2 : 256;
		v->from = xrealloc(v->from, v->cap * sizeof *v->from);
		v->to = xrealloc(v->to, v->cap * sizeof *v->to);
	}
	for (i = 0; i < n; i++) {
		v->from[v->text.len + i] = from;
		v->to[v->text.len + i] = to;
	}
	buf_add(&v->text, out, n);
}

/* The characters of UTF-8 S. */
static size_t
mention_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* Stems W (lower case) again until it stays as it is, while it keeps 3
 * letters: Snowball takes a name's "-ов", "-ев" or "-ай" for an ending
 * in one form and not in another ("патрушев" is "патруш", "патрушева"
 * "патрушев"; "китай" "кита", "китая" "кит"), and stems of its stems
 * agree ("патруш", "кит"). */
static void
mention_stem_fixed(struct sb_stemmer *ru, struct buf *w)
{
	const sb_symbol *stem;
	int round, len;

	for (round = 0; round < 4 && w->len < 256; round++) {
		stem = sb_stemmer_stem(ru, (const sb_symbol *)w->data, (int)w->len);
		len = stem != NULL ? sb_stemmer_length(ru) : 0;
		if (len <= 0 || (size_t)len == w->len ||
		    mention_chars((const char *)stem, (size_t)len) < 3)
			return;
		buf_reset(w);
		buf_add(w, (const char *)stem, (size_t)len);
	}
}

/* A word of Cyrillic letters as its Russian stem, in lower case but for
 * a capital first letter kept: "России", "Россией" and "Россия" are all
 * "Росс"; "российских" is "российск". */
static void
mention_stem(const struct mention_matcher *m, const unsigned long *cp,
    size_t n, struct buf *out)
{
	struct buf low;
	unsigned long first;
	size_t i, k;

	buf_init(&low);
	for (i = 0; i < n; i++)
		util_utf8_put(&low, mention_lower(cp[i]));
	if (m->ru != NULL)
		mention_stem_fixed(m->ru, &low);
	k = util_utf8_decode(low.data, low.len, &first);
	if (k > 0 && mention_upper(cp[0]))
		util_utf8_put(out, mention_capital(first));
	else
		k = 0;
	buf_add(out, low.data + k, low.len - k);
	buf_free(&low);
}

/* A word as the matcher reads it: Latin written with look-alike
 * Cyrillic or Greek letters as Latin ("Pаkistan" with a Cyrillic "а"),
 * Cyrillic stemmed, full-width Latin as ASCII. */
static void
mention_word(const struct mention_matcher *m, const unsigned long *cp,
    size_t n, struct buf *out)
{
	size_t i, latin = 0, cyr = 0;

	for (i = 0; i < n; i++) {
		latin += mention_latin(cp[i]);
		cyr += mention_cyrillic(cp[i]);
	}
	if (latin == 0 && cyr == n) {
		mention_stem(m, cp, n, out);
		return;
	}
	for (i = 0; i < n; i++) {
		char c = latin > 0 && !mention_latin(cp[i]) ?
		    dates_lookalike(cp[i]) : 0;

		if (c != 0)
			util_utf8_put(out, mention_upper(cp[i]) ?
			    (unsigned long)(c - 'a' + 'A') : (unsigned long)c);
		else
			util_utf8_put(out, mention_narrow(cp[i]));
	}
}

/* The word of S starting at byte AT: its letters into CP (at most MAX),
 * how many into *N; returns where it ends. */
static size_t
mention_word_at(const char *s, size_t len, size_t at, unsigned long *cp,
    size_t max, size_t *n)
{
	unsigned long c;
	size_t k;

	*n = 0;
	while (at < len && (k = util_utf8_decode(s + at, len - at, &c)) > 0 &&
	    mention_letter(c) && *n < max) {
		cp[(*n)++] = c;
		at += k;
	}
	return at;
}

/* The view of S: word by word as mention_word reads it, full-width signs
 * as ASCII, everything else as written. */
static void
mention_view_make(const struct mention_matcher *m, const char *s, size_t len,
    struct mention_view *v)
{
	unsigned long cp[64], c;
	struct buf w;
	size_t i = 0, end, n, k;

	buf_init(&w);
	while (i < len) {
		k = util_utf8_decode(s + i, len - i, &c);
		if (k > 0 && mention_letter(c)) {
			end = mention_word_at(s, len, i, cp, 64, &n);
			buf_reset(&w);
			mention_word(m, cp, n, &w);
			mention_view_add(v, w.data, w.len, i, end);
			i = end;
		} else if (k > 0 && mention_narrow(c) != c) {
			char a = (char)mention_narrow(c);

			mention_view_add(v, &a, 1, i, i + k);
			i += k;
		} else {
			mention_view_add(v, s + i, 1, i, i + 1);
			i++;
		}
	}
	buf_free(&w);
}

static void
mention_view_free(struct mention_view *v)
{
	buf_free(&v->text);
	free(v->from);
	free(v->to);
}

/* Whether a text needs a view: only Greek, Cyrillic and full-width
 * letters read differently, so English text is matched as it is. */
static int
mention_view_needed(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 0xce && c <= 0xd4) || c == 0xef)
			return 1;
	}
	return 0;
}

/* A name as the matcher reads it (a new string). */
static char *
mention_normal(const struct mention_matcher *m, const char *name)
{
	struct mention_view v;
	char *out;

	if (!mention_view_needed(name, strlen(name)))
		return xstrdup(name);
	memset(&v, 0, sizeof v);
	buf_init(&v.text);
	mention_view_make(m, name, strlen(name), &v);
	buf_addc(&v.text, '\0');
	out = xstrdup(v.text.data);
	mention_view_free(&v);
	return out;
}

/* A name and, for a demonym written in lower case ("российский"), the
 * same with a capital, as a sentence starts it. */
static void
mention_add_name(const struct mention_matcher *m, struct mention_trie *t,
    const char *name, long long entity, int demonym)
{
	char *norm = mention_normal(m, name);
	unsigned long first;
	size_t k;

	mention_insert(t, norm, entity);
	k = util_utf8_decode(name, strlen(name), &first);
	if (demonym && k > 0 && mention_capital(first) != first) {
		struct buf cap;

		buf_init(&cap);
		util_utf8_put(&cap, mention_capital(first));
		buf_adds(&cap, name + k);
		buf_addc(&cap, '\0');
		free(norm);
		norm = mention_normal(m, cap.data);
		mention_insert(t, norm, entity);
		buf_free(&cap);
	}
	free(norm);
}

/* Adds the names whose id is after AFTER to T; 0, or -1 on an error. */
static int
mention_add_names(struct db *db, const struct mention_matcher *m,
    struct mention_trie *t, long long after, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, mention_sql_aliases, e);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		mention_add_name(m, t, db_col_str(st, 0),
		    sqlite3_column_int64(st, 1),
		    strcmp(db_col_str(st, 2), "demonym") == 0);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, "reading names");
	mention_link(t);
	return 0;
}

/* The automata for the gazetteer as it is now, kept with the connection:
 * names added since are put in the second, made anew; fewer names than
 * the first holds (a write rolled back) make both anew. */
static struct mention_matcher *
mention_matcher(struct db *db, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, mention_sql_alias_key, e);
	struct mention_matcher *m = db_slot(db, &mention_slot);
	long long last;
	int rc;

	if (st == NULL)
		return NULL;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		db_fail(db, e, "reading names");
		return NULL;
	}
	last = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (m != NULL && last == m->last)
		return m;
	if (m == NULL || last < m->base_last) {
		db_slot_set(db, &mention_slot, NULL, NULL);
		m = xcalloc(1, sizeof *m);
		m->ru = sb_stemmer_new("russian", "UTF_8");
		mention_new_state(&m->base, 0);
		mention_new_state(&m->added, 0);
		db_slot_set(db, &mention_slot, m, mention_matcher_drop);
		rc = mention_add_names(db, m, &m->base, 0, e);
		m->base_last = last;
	} else {
		mention_trie_reset(&m->added);
		rc = mention_add_names(db, m, &m->added, m->base_last, e);
	}
	if (rc != 0) {
		db_slot_set(db, &mention_slot, NULL, NULL);
		return NULL;
	}
	m->last = last;
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

/* Han ideographs and kana: Chinese and Japanese put no spaces between
 * words. */
static int
mention_cjk(unsigned long cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x2ffff);
}

/* A name stands between word boundaries, but where it starts or ends
 * with a CJK character, which needs none on that side: "中国" in
 * "中国和俄罗斯". */
static int
mention_bounded(const char *body, size_t len, size_t start, size_t end)
{
	unsigned long after = ' ', first = ' ';

	if (end < len && util_utf8_decode(body + end, len - end, &after) == 0)
		after = (unsigned char)body[end];
	if (util_utf8_decode(body + start, end - start, &first) == 0)
		first = (unsigned char)body[start];
	return (mention_cjk(first) || !mention_wordc(mention_before(body, start))) &&
	    (mention_cjk(mention_before(body, end)) || !mention_wordc(after));
}

/* One pass over the text: every name of the gazetteer that occurs, as
 * written, between word boundaries. */
static void
mention_find_all(const struct mention_trie *m, const char *body, size_t len,
    struct mention_hit **hits, int *n, int *cap)
{
	int state = 0, k;
	size_t i;

	for (i = 0; i < len; i++) {
		state = mention_step(m, state, (unsigned char)body[i]);
		for (k = m->s[state].out >= 0 ? state : m->s[state].dict; k > 0;
		    k = m->s[k].dict) {
			size_t end = i + 1, start = end - (size_t)m->s[k].depth;

			if (mention_bounded(body, len, start, end)) {
				*hits = xgrow(*hits, *n, cap, sizeof **hits);
				(*hits)[*n] = (struct mention_hit){
				    m->entity[m->s[k].out], start, end, *n };
				(*n)++;
			}
		}
	}
}

/* Both automata's names. */
static void
mention_find_both(const struct mention_matcher *m, const char *body,
    size_t len, struct mention_hit **hits, int *n, int *cap)
{
	mention_find_all(&m->base, body, len, hits, n, cap);
	if (m->added.nnames > 0)
		mention_find_all(&m->added, body, len, hits, n, cap);
}

/* The same over the text's view, the names found given back as the
 * bytes of the text they stand for. */
static void
mention_find_view(const struct mention_matcher *m, const char *body,
    size_t len, struct mention_hit **hits, int *n, int *cap)
{
	struct mention_view v;
	int i;

	memset(&v, 0, sizeof v);
	buf_init(&v.text);
	mention_view_make(m, body, len, &v);
	mention_find_both(m, v.text.data, v.text.len, hits, n, cap);
	for (i = 0; i < *n; i++) {
		(*hits)[i].end = v.to[(*hits)[i].end - 1];
		(*hits)[i].start = v.from[(*hits)[i].start];
	}
	mention_view_free(&v);
}

static int
mention_hit_cmp(const void *a, const void *b)
{
	const struct mention_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
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
	if (mention_view_needed(body, len))
		mention_find_view(m, body, len, &hits, &nhits, &cap);
	else
		mention_find_both(m, body, len, &hits, &nhits, &cap);
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
