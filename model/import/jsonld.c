/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "scotl/util.h"
#include "import/jsonld.h"

/* --- the tree ------------------------------------------------------------ */

enum jsonld_kind { JSONLD_OTHER, JSONLD_STRING, JSONLD_OBJECT, JSONLD_ARRAY };

struct jsonld_node {
	enum jsonld_kind kind;
	char *key;              /* its name in an object, else NULL */
	char *text;             /* a string's value */
	struct jsonld_node *child, *last, *next;
};

struct jsonld_parser {
	const char *p, *end;
	long values;
	int bad;                /* stop: broken, too deep or too many values */
};

static void
jsonld_node_free(struct jsonld_node *n)
{
	struct jsonld_node *next;

	/* Depth is capped at JSONLD_DEPTH, so recursion down is bounded;
	 * along a list it is a loop. */
	for (; n != NULL; n = next) {
		next = n->next;
		jsonld_node_free(n->child);
		free(n->key);
		free(n->text);
		free(n);
	}
}

static void
jsonld_add(struct jsonld_node *parent, struct jsonld_node *n)
{
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->child = n;
	parent->last = n;
}

/* --- reading ------------------------------------------------------------- */

static void
jsonld_space(struct jsonld_parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' ||
	    *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static int
jsonld_hex4(const char *p, const char *end, unsigned long *out)
{
	unsigned long v = 0;
	int i;

	if (end - p < 4)
		return 0;
	for (i = 0; i < 4; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			return 0;
	}
	*out = v;
	return 1;
}

/* A \u escape at P (after the backslash and u), with the low half of a
 * surrogate pair when one follows. Returns the bytes it took. */
static size_t
jsonld_unicode(const char *p, const char *end, struct buf *b)
{
	unsigned long hi, lo;

	if (!jsonld_hex4(p, end, &hi)) {
		util_utf8_put(b, 0xfffd);
		return 0;
	}
	if (hi >= 0xd800 && hi <= 0xdbff && end - p >= 10 && p[4] == '\\' &&
	    p[5] == 'u' && jsonld_hex4(p + 6, end, &lo) &&
	    lo >= 0xdc00 && lo <= 0xdfff) {
		util_utf8_put(b, 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00));
		return 10;
	}
	util_utf8_put(b, hi);     /* a lone surrogate becomes U+FFFD */
	return 4;
}

/* One escape after a backslash at ps->p; an unknown one is U+FFFD. */
static void
jsonld_escape(struct jsonld_parser *ps, struct buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *c;

	if (ps->p >= ps->end)
		return;
	if (*ps->p == 'u') {
		ps->p++;
		ps->p += jsonld_unicode(ps->p, ps->end, b);
		return;
	}
	if (*ps->p != '\0' && (c = strchr(from, *ps->p)) != NULL)
		buf_addc(b, to[c - from]);
	else
		util_utf8_put(b, 0xfffd);
	ps->p++;
}

/* A string from its opening quote; invalid UTF-8 becomes U+FFFD. A
 * string cut off by the end of the block keeps what it has. */
static char *
jsonld_string(struct jsonld_parser *ps)
{
	unsigned long cp;
	struct buf b;
	size_t n;

	buf_init(&b);
	buf_add(&b, "", 0);
	ps->p++;
	while (ps->p < ps->end && *ps->p != '"') {
		if (*ps->p == '\\') {
			ps->p++;
			jsonld_escape(ps, &b);
			continue;
		}
		n = util_utf8_decode(ps->p, (size_t)(ps->end - ps->p), &cp);
		if (n == 0 || cp == 0) {
			util_utf8_put(&b, 0xfffd);
			ps->p++;
			continue;
		}
		buf_add(&b, ps->p, n);
		ps->p += n;
	}
	if (ps->p < ps->end)
		ps->p++;
	else
		ps->bad = 1;
	return buf_steal(&b);
}

static struct jsonld_node *jsonld_value(struct jsonld_parser *ps, int depth);

/* The members of an object or the elements of an array, after the
 * opening bracket. A missing comma or a trailing one is forgiven. */
static void
jsonld_members(struct jsonld_parser *ps, struct jsonld_node *n, int depth)
{
	char close = n->kind == JSONLD_OBJECT ? '}' : ']';
	struct jsonld_node *v;
	char *key;

	for (;;) {
		jsonld_space(ps);
		while (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			jsonld_space(ps);
		}
		if (ps->p >= ps->end || ps->bad) {
			ps->bad = 1;
			return;
		}
		if (*ps->p == close) {
			ps->p++;
			return;
		}
		key = NULL;
		if (n->kind == JSONLD_OBJECT) {
			if (*ps->p != '"') {
				ps->bad = 1;
				return;
			}
			key = jsonld_string(ps);
			jsonld_space(ps);
			if (ps->p >= ps->end || *ps->p != ':') {
				free(key);
				ps->bad = 1;
				return;
			}
			ps->p++;
		}
		if ((v = jsonld_value(ps, depth + 1)) == NULL) {
			free(key);
			ps->bad = 1;
			return;
		}
		v->key = key;
		jsonld_add(n, v);
	}
}

/* A literal, a number or anything else up to the next delimiter. */
static void
jsonld_scalar(struct jsonld_parser *ps)
{
	const char *start = ps->p;

	while (ps->p < ps->end && strchr(",:]}\"{[ \t\r\n", *ps->p) == NULL)
		ps->p++;
	if (ps->p == start)
		ps->bad = 1;
}

static struct jsonld_node *
jsonld_value(struct jsonld_parser *ps, int depth)
{
	struct jsonld_node *n;

	jsonld_space(ps);
	if (ps->p >= ps->end || depth > JSONLD_DEPTH ||
	    ++ps->values > JSONLD_VALUES)
		return NULL;
	n = xcalloc(1, sizeof *n);
	if (*ps->p == '"') {
		n->kind = JSONLD_STRING;
		n->text = jsonld_string(ps);
	} else if (*ps->p == '{' || *ps->p == '[') {
		n->kind = *ps->p == '{' ? JSONLD_OBJECT : JSONLD_ARRAY;
		ps->p++;
		jsonld_members(ps, n, depth);
	} else {
		jsonld_scalar(ps);
		if (ps->bad) {
			free(n);
			return NULL;
		}
	}
	return n;
}

/* Every value of the block, under one array: text around them (an HTML
 * comment, a CDATA marker, a stray semicolon) is skipped. */
static struct jsonld_node *
jsonld_parse(const char *s, size_t len)
{
	struct jsonld_parser ps = { .p = s, .end = s + len };
	struct jsonld_node *all = xcalloc(1, sizeof *all), *v;

	all->kind = JSONLD_ARRAY;
	while (!ps.bad) {
		while (ps.p < ps.end && *ps.p != '{' && *ps.p != '[')
			ps.p++;
		if (ps.p >= ps.end || (v = jsonld_value(&ps, 1)) == NULL)
			break;
		jsonld_add(all, v);
	}
	return all;
}

/* --- the article --------------------------------------------------------- */

static const char *const jsonld_article_types[] = {
	"Article", "AdvertiserContentArticle", "NewsArticle",
	"AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
	"OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
	"Report", "SatiricalArticle", "ScholarlyArticle",
	"MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
	"LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
	"APIReference", NULL,
};

static const struct jsonld_node *
jsonld_member(const struct jsonld_node *obj, const char *key)
{
	const struct jsonld_node *c;

	if (obj == NULL || obj->kind != JSONLD_OBJECT)
		return NULL;
	for (c = obj->child; c != NULL; c = c->next)
		if (c->key != NULL && strcmp(c->key, key) == 0)
			return c;
	return NULL;
}

/* "schema:NewsArticle" and "http://schema.org/NewsArticle" are
 * NewsArticle. */
static enum jsonld_rank
jsonld_type_rank(const char *type)
{
	const char *slash = strrchr(type, '/'), *colon = strrchr(type, ':');
	const char *const *t;

	if (slash != NULL && (colon == NULL || slash > colon))
		type = slash + 1;
	else if (colon != NULL)
		type = colon + 1;
	for (t = jsonld_article_types; *t != NULL; t++)
		if (strcmp(type, *t) == 0)
			return JSONLD_ARTICLE;
	return strcmp(type, "WebPage") == 0 ? JSONLD_WEBPAGE : JSONLD_NONE;
}

/* The best rank among the object's types (@type may be an array). */
static enum jsonld_rank
jsonld_rank_of(const struct jsonld_node *obj)
{
	const struct jsonld_node *t = jsonld_member(obj, "@type"), *c;
	enum jsonld_rank best = JSONLD_NONE, r;

	if (t != NULL && t->kind == JSONLD_STRING)
		return jsonld_type_rank(t->text);
	for (c = t != NULL && t->kind == JSONLD_ARRAY ? t->child : NULL;
	    c != NULL; c = c->next)
		if (c->kind == JSONLD_STRING && (r = jsonld_type_rank(c->text)) > best)
			best = r;
	return best;
}

/* The first object of the highest rank, depth first. */
static const struct jsonld_node *
jsonld_find(const struct jsonld_node *n, enum jsonld_rank *rank)
{
	const struct jsonld_node *best = NULL, *found, *c;
	enum jsonld_rank r = JSONLD_NONE, cr;

	if (n->kind == JSONLD_OBJECT && (r = jsonld_rank_of(n)) != JSONLD_NONE)
		best = n;
	for (c = n->child; c != NULL && r < JSONLD_ARTICLE; c = c->next) {
		cr = JSONLD_NONE;
		if ((found = jsonld_find(c, &cr)) != NULL && cr > r) {
			best = found;
			r = cr;
		}
	}
	*rank = r;
	return best;
}

/* A copy of S without white space around it; NULL when nothing is
 * left. */
static char *
jsonld_trimmed(const char *s)
{
	const char *e;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		e--;
	return e > s ? xstrndup(s, (size_t)(e - s)) : NULL;
}

/* A string value, or the first string of an array. */
static char *
jsonld_text(const struct jsonld_node *v)
{
	if (v != NULL && v->kind == JSONLD_ARRAY)
		for (v = v->child; v != NULL && v->kind != JSONLD_STRING; v = v->next)
			;
	return v != NULL && v->kind == JSONLD_STRING ? jsonld_trimmed(v->text) :
	    NULL;
}

static char *
jsonld_field(const struct jsonld_node *obj, const char *key)
{
	return jsonld_text(jsonld_member(obj, key));
}

/* A person or an organisation: a string, or an object's name. */
static char *
jsonld_who(const struct jsonld_node *v)
{
	if (v == NULL)
		return NULL;
	if (v->kind == JSONLD_OBJECT)
		return jsonld_field(v, "name");
	return v->kind == JSONLD_STRING ? jsonld_trimmed(v->text) : NULL;
}

/* The author, or every author of an array joined with ", ". */
static char *
jsonld_authors(const struct jsonld_node *v)
{
	const struct jsonld_node *c;
	struct buf b;
	char *one;

	if (v == NULL || v->kind != JSONLD_ARRAY)
		return jsonld_who(v);
	buf_init(&b);
	for (c = v->child; c != NULL; c = c->next) {
		if ((one = jsonld_who(c)) == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, one);
		free(one);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

static char *
jsonld_publisher(const struct jsonld_node *v)
{
	if (v != NULL && v->kind == JSONLD_ARRAY)
		v = v->child;
	return jsonld_who(v);
}

/* url, else mainEntityOfPage: a string or an object's @id or url. */
static char *
jsonld_address(const struct jsonld_node *obj)
{
	const struct jsonld_node *m = jsonld_member(obj, "mainEntityOfPage");
	char *s = jsonld_field(obj, "url");

	if (s != NULL || m == NULL)
		return s;
	if (m->kind != JSONLD_OBJECT)
		return jsonld_text(m);
	return (s = jsonld_field(m, "@id")) != NULL ? s : jsonld_field(m, "url");
}

void
jsonld_free(struct jsonld *j)
{
	free(j->headline);
	free(j->name);
	free(j->published);
	free(j->created);
	free(j->author);
	free(j->publisher);
	free(j->url);
	free(j->body);
	memset(j, 0, sizeof *j);
}

static void
jsonld_take(const struct jsonld_node *obj, enum jsonld_rank rank,
    struct jsonld *j)
{
	jsonld_free(j);
	j->rank = rank;
	j->headline = jsonld_field(obj, "headline");
	j->name = jsonld_field(obj, "name");
	j->published = jsonld_field(obj, "datePublished");
	j->created = jsonld_field(obj, "dateCreated");
	j->author = jsonld_authors(jsonld_member(obj, "author"));
	j->publisher = jsonld_publisher(jsonld_member(obj, "publisher"));
	j->url = jsonld_address(obj);
	j->body = jsonld_field(obj, "articleBody");
}

enum jsonld_rank
jsonld_read(const char *s, size_t len, struct jsonld *j)
{
	struct jsonld_node *all = jsonld_parse(s, len);
	const struct jsonld_node *obj;
	enum jsonld_rank rank = JSONLD_NONE;

	if ((obj = jsonld_find(all, &rank)) != NULL && rank > j->rank)
		jsonld_take(obj, rank, j);
	jsonld_node_free(all);
	return rank;
}
