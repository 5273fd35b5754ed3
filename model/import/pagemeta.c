/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "scotl/date.h"
#include "scotl/dates.h"
#include "scotl/feed.h"
#include "scotl/util.h"
#include "import/jsonld.h"
#include "import/pagemeta.h"

/* Headings kept to compare a <title> with; a byline is shorter. */
#define PAGEMETA_HEADINGS 32
#define PAGEMETA_BYLINE 100
/* How much of two titles is compared: far more than a real one. */
#define PAGEMETA_COMPARE 1024
/* The most names one <meta property> is read for: each keeps a copy of
 * its content, and a hostile page's thousands of names would make a
 * copy each (half a gigabyte from a page of 500 KB). */
#define PAGEMETA_META_NAMES 8
/* The most text, and nodes, a heading, a byline or a date element is
 * read for (pagemeta_short_text). */
#define PAGEMETA_SHORT 4096
#define PAGEMETA_NODES 4096
/* Where a dateline may be: this many bytes after the headline. */
#define PAGEMETA_DATELINE 600

struct pagemeta_meta {
	char *key;              /* lower case, dots as colons */
	char *value;
};

/* What one walk of the tree collects. */
struct pagemeta_seen {
	struct pagemeta_meta *metas;
	int nmeta, cap;
	char *title;            /* the first <title> */
	char *canonical;        /* <link rel=canonical> */
	char *headings[PAGEMETA_HEADINGS];      /* <h1> and <h2> */
	int nheadings;
	char *h1;               /* the first <h1> */
	int nh1;
	struct jsonld ld;
	char *itemprop_date;    /* itemprop=datePublished */
	char *time;             /* <time datetime> in a header or article */
	char *byline;           /* rel=author, itemprop=author, class byline */
	int no_byline;          /* the walk is where no byline is: a <form>,
	                         * <nav>, an <aside> or <footer> outside the
	                         * article, a comment, a menu */
};

/* --- text ---------------------------------------------------------------- */

static int
pagemeta_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* S with runs of white space (no-break spaces too) made one space and
 * none at either end; NULL when nothing is left. Takes S. */
static char *
pagemeta_squeeze(char *s)
{
	char *r, *w;

	if (s == NULL)
		return NULL;
	for (r = w = s; *r != '\0'; r++) {
		int sp = pagemeta_space((unsigned char)*r) ||
		    ((unsigned char)r[0] == 0xc2 && (unsigned char)r[1] == 0xa0);

		if (sp && (unsigned char)*r == 0xc2)
			r++;
		if (!sp)
			*w++ = *r;
		else if (w > s && w[-1] != ' ')
			*w++ = ' ';
	}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

static char *
pagemeta_copy(const char *s)
{
	return s != NULL ? pagemeta_squeeze(xstrdup(s)) : NULL;
}

/* The text of an element, white space squeezed. */
static char *
pagemeta_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = t != NULL ? pagemeta_copy((const char *)t) : NULL;

	xmlFree(t);
	return s;
}

/* The text of the nodes from N on and under them into B, until B holds
 * more than MAX bytes or BUDGET nodes were seen. */
static void
pagemeta_gather(xmlNodePtr n, struct buf *b, size_t max, int *budget)
{
	for (; n != NULL && b->len <= max && (*budget)-- > 0; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		    n->content != NULL)
			buf_add(b, (const char *)n->content, strnlen((const char *)
			    n->content, max + 1 - b->len));
		else if (n->type == XML_ELEMENT_NODE)
			pagemeta_gather(n->children, b, max, budget);
	}
}

/* pagemeta_text for a heading, a byline or a date: NULL when the element
 * holds more than PAGEMETA_SHORT bytes of text or PAGEMETA_NODES nodes.
 * Such elements can nest HTML_DEPTH deep around a whole page; copying
 * the page's text at every level cost seconds and hundreds of MB. */
static char *
pagemeta_short_text(xmlNodePtr n)
{
	int budget = PAGEMETA_NODES;
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	pagemeta_gather(n->children, &b, PAGEMETA_SHORT, &budget);
	if (b.len > PAGEMETA_SHORT || budget < 0) {
		buf_free(&b);
		return NULL;
	}
	return pagemeta_squeeze(buf_steal(&b));
}

static char *
pagemeta_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s = v != NULL ? pagemeta_copy((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/* Entities left in metadata (a title written "&amp;#039;" in the page)
 * decoded, as a browser would show the text. */
static char *
pagemeta_unescape(char *s)
{
	const htmlEntityDesc *ent;
	char name[16], *semi, *r, *w;
	unsigned long cp;
	size_t n;

	if (s == NULL || strchr(s, '&') == NULL)
		return s;
	for (r = w = s; *r != '\0';) {
		for (semi = NULL, n = 1; *r == '&' && n <= sizeof name &&
		    r[n] != '\0' && semi == NULL; n++)
			semi = r[n] == ';' ? r + n : NULL;
		n = semi != NULL ? (size_t)(semi - r - 1) : 0;
		cp = 0;
		if (n > 0 && n < sizeof name) {
			memcpy(name, r + 1, n);
			name[n] = '\0';
			if (name[0] == '#')
				cp = name[1] == 'x' || name[1] == 'X' ?
				    strtoul(name + 2, NULL, 16) : strtoul(name + 1, NULL, 10);
			else if ((ent = htmlEntityLookup(BAD_CAST name)) != NULL)
				cp = ent->value;
		}
		/* The UTF-8 of a code point is never longer than its
		 * entity ("&#1;" is four bytes, U+10FFFF's entity ten). */
		if (cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) &&
		    !util_is_control(cp)) {
			w += xmlCopyCharMultiByte(BAD_CAST w, (int)cp);
			r = semi + 1;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return pagemeta_squeeze(s);
}

/* Letters and digits only, lower case (ASCII), for comparing names. */
static void
pagemeta_key(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s != '\0' && n + 1 < size; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

static int
pagemeta_same(const char *a, const char *b)
{
	char ka[256], kb[256];

	if (a == NULL || b == NULL)
		return 0;
	pagemeta_key(a, ka, sizeof ka);
	pagemeta_key(b, kb, sizeof kb);
	return ka[0] != '\0' && strcmp(ka, kb) == 0;
}

/* --- the walk ------------------------------------------------------------ */

static int
pagemeta_is(xmlNodePtr n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

/* Whether the attribute NAME holds WORD among its space-separated
 * words (case-insensitive). */
static int
pagemeta_has_word(xmlNodePtr n, const char *name, const char *word)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	size_t len = strlen(word);
	const char *p;
	int found = 0;

	for (p = (const char *)v; p != NULL && *p != '\0' && !found; p++)
		found = strncasecmp(p, word, len) == 0 &&
		    (p == (const char *)v || pagemeta_space((unsigned char)p[-1])) &&
		    (p[len] == '\0' || pagemeta_space((unsigned char)p[len]));
	xmlFree(v);
	return found;
}

static void
pagemeta_add_meta(struct pagemeta_seen *s, const char *key, size_t n,
    const char *value)
{
	struct pagemeta_meta *m;
	size_t i;

	s->metas = xgrow(s->metas, s->nmeta, &s->cap, sizeof *s->metas);
	m = &s->metas[s->nmeta++];
	m->key = xstrndup(key, n);
	for (i = 0; i < n; i++)
		m->key[i] = m->key[i] == '.' ? ':' : (char)tolower((unsigned char)m->key[i]);
	m->value = xstrdup(value);
}

/* <meta name=... content=...> and <meta property="og:title
 * twitter:title" content=...>: a value under each name. */
static void
pagemeta_meta(xmlNodePtr n, struct pagemeta_seen *s)
{
	char *content = pagemeta_attr(n, "content");
	char *name = pagemeta_attr(n, "name");
	char *prop = pagemeta_attr(n, "property");
	const char *p, *e;
	int k = 0;

	if (content != NULL && name != NULL)
		pagemeta_add_meta(s, name, strlen(name), content);
	for (p = prop; content != NULL && p != NULL && *p != '\0' &&
	    k++ < PAGEMETA_META_NAMES; p = e) {
		while (*p == ' ')
			p++;
		for (e = p; *e != '\0' && *e != ' '; e++)
			;
		if (e > p)
			pagemeta_add_meta(s, p, (size_t)(e - p), content);
	}
	free(content);
	free(name);
	free(prop);
}

/* The last value under KEY (a later tag corrects an earlier one). */
static const char *
pagemeta_get(const struct pagemeta_seen *s, const char *key)
{
	int i;

	for (i = s->nmeta - 1; i >= 0; i--)
		if (strcmp(s->metas[i].key, key) == 0)
			return s->metas[i].value;
	return NULL;
}

static void
pagemeta_script(xmlNodePtr n, struct pagemeta_seen *s)
{
	xmlChar *type = xmlGetProp(n, BAD_CAST "type"), *t;

	if (type != NULL && strcasecmp((const char *)type,
	    "application/ld+json") == 0 && (t = xmlNodeGetContent(n)) != NULL) {
		jsonld_read((const char *)t, strlen((const char *)t), &s->ld);
		xmlFree(t);
	}
	xmlFree(type);
}

/* The date an itemprop=datePublished element gives. */
static char *
pagemeta_itemprop_date(xmlNodePtr n)
{
	char *v = pagemeta_attr(n, "content");

	if (v == NULL)
		v = pagemeta_attr(n, "datetime");
	return v != NULL ? v : pagemeta_short_text(n);
}

/* A name inside an author element (itemprop=name), among its first
 * BUDGET elements. */
static xmlNodePtr
pagemeta_find_name(xmlNodePtr n, int *budget)
{
	xmlNodePtr c, f;

	for (c = n->children; c != NULL && (*budget)-- > 0; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (pagemeta_has_word(c, "itemprop", "name"))
			return c;
		if ((f = pagemeta_find_name(c, budget)) != NULL)
			return f;
	}
	return NULL;
}

/* Whether S holds WORD (case-insensitive) not inside a longer word:
 * "author_fmt", "post-author" and "FeatureByline" hold it,
 * "authorization" and "followauthor" do not. */
static int
pagemeta_has_part(const char *s, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = s; p != NULL && (p = strcasestr(p, word)) != NULL; p++)
		if ((p == s || !isalpha((unsigned char)p[-1]) ||
		    isupper((unsigned char)p[0])) && !islower((unsigned char)p[n]))
			return 1;
	return 0;
}

/* Whether the class or id holds one of WORDS. */
static int
pagemeta_has_class(xmlNodePtr n, const char *const *words)
{
	char *cls = pagemeta_attr(n, "class"), *id = pagemeta_attr(n, "id");
	int found = 0;

	for (; *words != NULL && !found; words++)
		found = (cls != NULL && pagemeta_has_part(cls, *words)) ||
		    (id != NULL && pagemeta_has_part(id, *words));
	free(cls);
	free(id);
	return found;
}

static const char *const pagemeta_byline_words[] = {
	"byline", "author", "writtenby", "p-author", NULL,
};

/* Where a name is not the article's author: a comment, a menu, the
 * reader's account ("comment" and "comments": words are whole). */
static const char *const pagemeta_not_byline[] = {
	"comment", "comments", "menu", "nav", "login", "signin", "account",
	"follow", NULL,
};

/* rel=author, itemprop=author, or an element whose class or id says
 * byline or author, when its text is short enough to be a name; not in
 * a form or a comment (a comment's author, "Name (required)"). */
static void
pagemeta_byline(xmlNodePtr n, struct pagemeta_seen *s)
{
	xmlNodePtr name;
	int budget;
	char *t;

	if (s->byline != NULL || s->no_byline || pagemeta_is(n, "meta") ||
	    pagemeta_is(n, "link") || pagemeta_has_class(n, pagemeta_not_byline) ||
	    !(pagemeta_has_word(n, "rel", "author") ||
	    pagemeta_has_word(n, "itemprop", "author") ||
	    pagemeta_has_class(n, pagemeta_byline_words)))
		return;
	budget = PAGEMETA_NODES;
	name = pagemeta_find_name(n, &budget);
	t = pagemeta_short_text(name != NULL ? name : n);
	if (t != NULL && strlen(t) < PAGEMETA_BYLINE)
		s->byline = t;
	else
		free(t);
}

static void
pagemeta_heading(xmlNodePtr n, struct pagemeta_seen *s)
{
	char *t = pagemeta_short_text(n);

	if (t == NULL)
		return;
	if (pagemeta_is(n, "h1") && s->nh1++ == 0)
		s->h1 = xstrdup(t);
	if (s->nheadings < PAGEMETA_HEADINGS)
		s->headings[s->nheadings++] = t;
	else
		free(t);
}

static void pagemeta_walk(xmlNodePtr n, struct pagemeta_seen *s, int in_head);

/* One element; IN_HEAD: inside an <article> or <header>, where the
 * article's own <time> is. */
static void
pagemeta_element(xmlNodePtr n, struct pagemeta_seen *s, int in_head)
{
	int outside;

	if (pagemeta_is(n, "svg"))
		return;
	if (pagemeta_is(n, "title") && s->title == NULL)
		s->title = pagemeta_text(n);
	else if (pagemeta_is(n, "meta"))
		pagemeta_meta(n, s);
	else if (pagemeta_is(n, "link") && s->canonical == NULL &&
	    pagemeta_has_word(n, "rel", "canonical"))
		s->canonical = pagemeta_attr(n, "href");
	else if (pagemeta_is(n, "script"))
		pagemeta_script(n, s);
	else if (pagemeta_is(n, "h1") || pagemeta_is(n, "h2"))
		pagemeta_heading(n, s);
	if (s->itemprop_date == NULL &&
	    pagemeta_has_word(n, "itemprop", "datePublished"))
		s->itemprop_date = pagemeta_itemprop_date(n);
	if (s->time == NULL && in_head && pagemeta_is(n, "time"))
		s->time = pagemeta_attr(n, "datetime");
	if (pagemeta_is(n, "script") || pagemeta_is(n, "style"))
		return;
	pagemeta_byline(n, s);
	outside = !s->no_byline;
	if (outside && (pagemeta_is(n, "form") || pagemeta_is(n, "nav") ||
	    ((pagemeta_is(n, "aside") || pagemeta_is(n, "footer")) && !in_head) ||
	    pagemeta_has_class(n, pagemeta_not_byline)))
		s->no_byline = 1;
	pagemeta_walk(n->children, s, in_head || pagemeta_is(n, "article") ||
	    pagemeta_is(n, "header"));
	if (outside)
		s->no_byline = 0;
}

/* The tree is at most HTML_DEPTH deep (html.c folds deeper elements). */
static void
pagemeta_walk(xmlNodePtr n, struct pagemeta_seen *s, int in_head)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			pagemeta_element(n, s, in_head);
}

static void
pagemeta_seen_free(struct pagemeta_seen *s)
{
	int i;

	for (i = 0; i < s->nmeta; i++) {
		free(s->metas[i].key);
		free(s->metas[i].value);
	}
	free(s->metas);
	for (i = 0; i < s->nheadings; i++)
		free(s->headings[i]);
	free(s->title);
	free(s->canonical);
	free(s->h1);
	free(s->itemprop_date);
	free(s->time);
	free(s->byline);
	jsonld_free(&s->ld);
}

/* --- the address and the source ------------------------------------------ */

static int
pagemeta_absolute(const char *url)
{
	return url != NULL && (strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0);
}

static char *
pagemeta_url(const struct pagemeta_seen *s)
{
	const char *c[] = {
		s->canonical, pagemeta_get(s, "og:url"), s->ld.url,
	};
	size_t i;

	for (i = 0; i < sizeof c / sizeof *c; i++)
		if (pagemeta_absolute(c[i]) && strpbrk(c[i], " \t\n") == NULL)
			return xstrdup(c[i]);
	return NULL;
}

/* The host of an absolute address, without "www." and a port. */
static char *
pagemeta_host(const char *url)
{
	const char *h, *e;
	char *host, *lower;

	if (!pagemeta_absolute(url))
		return NULL;
	h = strstr(url, "//") + 2;
	if (strncasecmp(h, "www.", 4) == 0)
		h += 4;
	for (e = h; *e != '\0' && strchr("/:?#@", *e) == NULL; e++)
		;
	if (e == h || *e == '@')
		return NULL;
	host = xstrndup(h, (size_t)(e - h));
	lower = util_ascii_lower(host);
	free(host);
	return lower;
}

/* JSON-LD's publisher (the name the site gives itself, where og:site_name
 * often adds a slogan), else og:site_name; one written as an address is
 * its host. */
static char *
pagemeta_site(const struct pagemeta_seen *s)
{
	char *site = pagemeta_unescape(pagemeta_copy(s->ld.publisher));
	char *host;

	if (site == NULL)
		site = pagemeta_unescape(pagemeta_copy(pagemeta_get(s, "og:site_name")));
	if (site != NULL && pagemeta_absolute(site) &&
	    (host = pagemeta_host(site)) != NULL) {
		free(site);
		site = host;
	}
	return site;
}

/* --- the title ----------------------------------------------------------- */

static int
pagemeta_words(const char *s, size_t len)
{
	size_t i;
	int n = 0, in = 0;

	for (i = 0; i < len; i++) {
		if (pagemeta_space((unsigned char)s[i]))
			in = 0;
		else if (!in++)
			n++;
	}
	return n;
}

/* Separators between a title and a site's name ("Title | Site"), each
 * between spaces; the hierarchical ones (a path of sections) marked. */
static const struct {
	const char *s;
	int hierarchical;
} pagemeta_seps[] = {
	{ "|", 0 }, { "-", 0 }, { "\xe2\x80\x93", 0 }, { "\xe2\x80\x94", 0 },
	{ "\\", 1 }, { "/", 1 }, { ">", 1 }, { "\xc2\xbb", 1 }, { "::", 0 },
	{ "\xc2\xb7", 0 },
};

/* The length of the separator at P (after a space, before one), 0 when
 * none; *hier says whether it is a hierarchical one. */
static size_t
pagemeta_sep_at(const char *p, int *hier)
{
	size_t i, n;

	for (i = 0; i < sizeof pagemeta_seps / sizeof *pagemeta_seps; i++) {
		n = strlen(pagemeta_seps[i].s);
		if (strncmp(p, pagemeta_seps[i].s, n) == 0 && p[n] == ' ') {
			*hier = pagemeta_seps[i].hierarchical;
			return n;
		}
	}
	return 0;
}

/* The title's parts between separators: starts and ends of each. */
struct pagemeta_parts {
	const char *start[16], *end[16];
	int n, hierarchical;
};

static void
pagemeta_split(const char *t, struct pagemeta_parts *p)
{
	const char *q;
	size_t n;
	int hier;

	p->n = 0;
	p->hierarchical = 0;
	p->start[0] = t;
	for (q = t; *q != '\0'; q++) {
		if (q == t || q[-1] != ' ' || (n = pagemeta_sep_at(q, &hier)) == 0 ||
		    p->n + 1 >= 16)
			continue;
		p->hierarchical |= hier;
		p->end[p->n++] = q - 1;
		p->start[p->n] = q + n + 1;
		q += n;
	}
	p->end[p->n++] = t + strlen(t);
}

static char *
pagemeta_span(const char *a, const char *b)
{
	return pagemeta_squeeze(xstrndup(a, (size_t)(b - a)));
}

/* Whether a part of a title names the site: its og:site_name, its
 * host, or the host's first label ("The Guardian", theguardian.com). */
static int
pagemeta_is_site(const char *a, const char *b, const char *site,
    const char *host)
{
	char *part = pagemeta_span(a, b), *label = NULL;
	int is;

	if (part == NULL)
		return 0;
	if (host != NULL)
		label = xstrndup(host, strcspn(host, "."));
	is = pagemeta_same(part, site) || pagemeta_same(part, host) ||
	    pagemeta_same(part, label);
	free(label);
	free(part);
	return is;
}

/* A <title> whose first or last part names the site, without it. */
static char *
pagemeta_title_site(const char *t, const char *site, const char *host)
{
	struct pagemeta_parts p;

	pagemeta_split(t, &p);
	if (p.n < 2)
		return NULL;
	if (pagemeta_is_site(p.start[p.n - 1], p.end[p.n - 1], site, host))
		return pagemeta_span(p.start[0], p.end[p.n - 2]);
	if (pagemeta_is_site(p.start[0], p.end[0], site, host))
		return pagemeta_span(p.start[1], p.end[p.n - 1]);
	return NULL;
}

/* A title that says "Site: Title" or "Section: Title". */
static char *
pagemeta_title_colon(const struct pagemeta_seen *s, const char *t)
{
	const char *last = strrchr(t, ':'), *first = strchr(t, ':');
	char *cut;
	int i;

	for (i = 0; i < s->nheadings; i++)
		if (strcmp(s->headings[i], t) == 0)
			return xstrdup(t);
	cut = pagemeta_copy(last + 1);
	if (cut == NULL || pagemeta_words(cut, strlen(cut)) < 3) {
		free(cut);
		cut = pagemeta_copy(first + 1);
	} else if (pagemeta_words(t, (size_t)(first - t)) > 5) {
		free(cut);
		cut = xstrdup(t);
	}
	return cut;
}

/* The <title> without the site's name: the part that names the site
 * (og:site_name or the host) taken off; else, as Mozilla Readability does, the last part
 * after a separator taken off (unless that leaves fewer than three
 * words: "Pakistan - India talks" is one title), or what follows a
 * colon; a title that short or that long gives way to the one <h1>. */
static char *
pagemeta_title_clean(const struct pagemeta_seen *s, const char *site,
    const char *host)
{
	const char *t = s->title;
	struct pagemeta_parts p;
	char *cur;

	if (t == NULL)
		return s->h1 != NULL ? xstrdup(s->h1) : NULL;
	if ((cur = pagemeta_title_site(t, site, host)) != NULL)
		return cur;
	pagemeta_split(t, &p);
	if (p.n > 1) {
		cur = pagemeta_span(t, p.end[p.n - 2]);
		/* "Pakistan - India talks": too short a head is the
		 * title's own, not a site's name before it. */
		if (cur == NULL || pagemeta_words(cur, strlen(cur)) < 3) {
			free(cur);
			cur = xstrdup(t);
		}
	} else if (strstr(t, ": ") != NULL) {
		cur = pagemeta_title_colon(s, t);
	} else if ((strlen(t) > 150 || strlen(t) < 15) && s->nh1 == 1) {
		cur = xstrdup(s->h1);
	} else {
		cur = xstrdup(t);
	}
	/* Four words or fewer: the cut was likely wrong, unless it took off
	 * exactly one part of a path of sections. */
	if (cur == NULL || (pagemeta_words(cur, strlen(cur)) <= 4 &&
	    (!p.hierarchical || p.n < 2 || pagemeta_words(cur, strlen(cur)) !=
	    pagemeta_words(t, strlen(t)) - (p.n - 1) - 1))) {
		free(cur);
		cur = xstrdup(t);
	}
	return cur;
}

static int
pagemeta_word_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80;
}

/* Whether the word S (LEN bytes) is among the words of T. */
static int
pagemeta_has_token(const char *t, const char *s, size_t len)
{
	const char *p = t;

	while (*p != '\0') {
		while (*p != '\0' && !pagemeta_word_char((unsigned char)*p))
			p++;
		if (strncasecmp(p, s, len) == 0 &&
		    !pagemeta_word_char((unsigned char)p[len]))
			return 1;
		while (pagemeta_word_char((unsigned char)*p))
			p++;
	}
	return 0;
}

/* How much of B is in A, as Mozilla Readability measures it: one less
 * the share of B's text (its words joined) made of words A lacks. */
static double
pagemeta_similar_words(const char *a, const char *b)
{
	size_t all = 0, lack = 0, n;
	const char *p = b;
	int words = 0, missing = 0;

	for (;;) {
		while (*p != '\0' && !pagemeta_word_char((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (n = 0; pagemeta_word_char((unsigned char)p[n]); n++)
			;
		all += n;
		words++;
		if (!pagemeta_has_token(a, p, n)) {
			lack += n;
			missing++;
		}
		p += n;
	}
	if (words == 0)
		return 0;
	all += (size_t)(words - 1);
	lack += missing > 0 ? (size_t)(missing - 1) : 0;
	return 1.0 - (double)lack / (double)all;
}

/* pagemeta_similar_words on the first PAGEMETA_COMPARE bytes of each:
 * it looks up every word of B in A, so a hostile page's megabyte
 * <title> and headline would take minutes. */
static double
pagemeta_similar(const char *a, const char *b)
{
	char *ca = xstrndup(a, strnlen(a, PAGEMETA_COMPARE));
	char *cb = xstrndup(b, strnlen(b, PAGEMETA_COMPARE));
	double r = pagemeta_similar_words(ca, cb);

	free(ca);
	free(cb);
	return r;
}

/* JSON-LD's headline, or its name when the two differ and the name is
 * more like the page's <title> (a site that puts its own name in
 * "name", or Wikipedia's description in "headline"). */
static const char *
pagemeta_ld_title(const struct pagemeta_seen *s, const char *clean,
    enum jsonld_rank rank)
{
	const char *h = s->ld.headline, *n = s->ld.name;
	double sh, sn;

	if (s->ld.rank != rank)
		return NULL;
	if (h == NULL || n == NULL || strcmp(h, n) == 0 || clean == NULL)
		return h != NULL ? h : n;
	sh = pagemeta_similar(h, clean);
	sn = pagemeta_similar(n, clean);
	return sn > sh ? n : h;
}

static char *
pagemeta_title(const struct pagemeta_seen *s, const char *site,
    const char *host)
{
	char *clean = pagemeta_title_clean(s, site, host), *t;
	const char *c[] = {
		pagemeta_ld_title(s, clean, JSONLD_ARTICLE),
		pagemeta_get(s, "dc:title"), pagemeta_get(s, "dcterm:title"),
		pagemeta_get(s, "og:title"), pagemeta_get(s, "weibo:article:title"),
		pagemeta_get(s, "weibo:webpage:title"), pagemeta_get(s, "title"),
		pagemeta_get(s, "twitter:title"), pagemeta_get(s, "parsely-title"),
		/* a WebPage's name is often the site's */
		pagemeta_ld_title(s, clean, JSONLD_WEBPAGE),
	};
	size_t i;

	for (i = 0; i < sizeof c / sizeof *c; i++)
		if ((t = pagemeta_unescape(pagemeta_copy(c[i]))) != NULL) {
			free(clean);
			return t;
		}
	if (clean == NULL && s->h1 != NULL)
		clean = xstrdup(s->h1);
	return pagemeta_unescape(clean);
}

/* --- the date ------------------------------------------------------------ */

/* Y-M-D as YYYY-MM-DD in OUT, when it is a day of the press's years. */
static int
pagemeta_set_day(int y, int m, int d, char out[11])
{
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month(y, m))
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	return 0;
}

/* The year of four digits at P, else -1. Not sscanf: glibc's measures
 * the whole string, at every slash of an address a megabyte long. */
static int
pagemeta_year4(const char *p)
{
	int i, y = 0;

	for (i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)p[i]))
			return -1;
		y = y * 10 + p[i] - '0';
	}
	return y;
}

/* YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD at P, not inside a longer number. */
static int
pagemeta_ymd(const char *p, char out[11])
{
	int y = pagemeta_year4(p), m, d;
	char sep;

	if (y < 0)
		return -1;
	sep = p[4];
	if (sep == '-' || sep == '/' || sep == '.') {
		if (!isdigit((unsigned char)p[5]) || !isdigit((unsigned char)p[6]) ||
		    p[7] != sep || !isdigit((unsigned char)p[8]) ||
		    !isdigit((unsigned char)p[9]) || isdigit((unsigned char)p[10]))
			return -1;
		m = (p[5] - '0') * 10 + p[6] - '0';
		d = (p[8] - '0') * 10 + p[9] - '0';
	} else {
		if (strspn(p, "0123456789") != 8)
			return -1;
		m = (p[4] - '0') * 10 + p[5] - '0';
		d = (p[6] - '0') * 10 + p[7] - '0';
	}
	return pagemeta_set_day(y, m, d, out);
}

/* How far into its line a date at AT may start and still be a
 * dateline ("MOSCOW, Aug 18 (Reuters) -", "By A. Writer | 18 August
 * 2022"), not a date the article's first sentence speaks of. */
#define PAGEMETA_LINE_START 48

static int
pagemeta_line_start(const char *text, size_t at)
{
	size_t k = 0;

	while (at > 0 && text[at - 1] != '\n' && k <= PAGEMETA_LINE_START) {
		at--;
		k++;
	}
	return k <= PAGEMETA_LINE_START;
}

/* The first full date in TEXT, as the article dates finder reads it;
 * LINE: only one near the start of its line. */
static int
pagemeta_written_day(const char *text, const char *published, int line,
    char out[11])
{
	struct date_found *f = NULL;
	int n = dates_find(text, strlen(text), published, &f), i, rc = -1;

	for (i = 0; i < n && rc != 0; i++)
		if (f[i].when.precision == DATE_DAY && f[i].when.end[0] == '\0' &&
		    strlen(f[i].when.start) == 10 &&
		    (!line || pagemeta_line_start(text, f[i].start))) {
			memcpy(out, f[i].when.start, 10);
			out[10] = '\0';
			rc = 0;
		}
	free(f);
	return rc;
}

/* Digits at *P, MIN to MAX of them, not followed by another. */
static int
pagemeta_digits(const char **p, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)(*p)[0])) {
		v = v * 10 + *(*p)++ - '0';
		n++;
	}
	*out = v;
	return n >= min && !isdigit((unsigned char)(*p)[0]);
}

/* Russian months as a date writes them, "18 августа 2022". */
static int
pagemeta_ru_month(const char **p)
{
	static const char *const names[] = {
		"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
		"августа", "сентября", "октября", "ноября", "декабря",
	};
	size_t n;
	int i;

	for (i = 0; i < 12; i++) {
		n = strlen(names[i]);
		if (strncmp(*p, names[i], n) == 0) {
			*p += n;
			return i + 1;
		}
	}
	return 0;
}

/* A date as Chinese, Japanese, Russian and other European pages write
 * it, at P: "2022年8月18日", "18.08.2022", "18 августа 2022". */
static int
pagemeta_local_at(const char *p, char out[11])
{
	const char *q = p;
	int y, m, d;

	if (pagemeta_digits(&q, 4, 4, &y) && strncmp(q, "\xe5\xb9\xb4", 3) == 0) {
		q += 3;
		if (pagemeta_digits(&q, 1, 2, &m) &&
		    strncmp(q, "\xe6\x9c\x88", 3) == 0) {
			q += 3;
			if (pagemeta_digits(&q, 1, 2, &d) &&
			    strncmp(q, "\xe6\x97\xa5", 3) == 0)
				return pagemeta_set_day(y, m, d, out);
		}
		return -1;
	}
	q = p;
	if (!pagemeta_digits(&q, 1, 2, &d))
		return -1;
	if (*q == '.') {
		q++;
		return pagemeta_digits(&q, 1, 2, &m) && *q++ == '.' &&
		    pagemeta_digits(&q, 4, 4, &y) ? pagemeta_set_day(y, m, d, out) : -1;
	}
	if (*q++ != ' ' || (m = pagemeta_ru_month(&q)) == 0 || *q++ != ' ')
		return -1;
	return pagemeta_digits(&q, 4, 4, &y) ? pagemeta_set_day(y, m, d, out) : -1;
}

/* The first such date in TEXT, at the start of a number; LINE: only
 * one near the start of its line. */
static int
pagemeta_local_day(const char *text, int line, char out[11])
{
	size_t i;

	for (i = 0; text[i] != '\0'; i++)
		if (isdigit((unsigned char)text[i]) && (i == 0 ||
		    (!isdigit((unsigned char)text[i - 1]) && text[i - 1] != '.')) &&
		    (!line || pagemeta_line_start(text, i)) &&
		    pagemeta_local_at(text + i, out) == 0)
			return 0;
	return -1;
}

/* A day in the years of the printed and the web press: a page that
 * says 0001-01-01 means it has no date. */
static int
pagemeta_plausible(char out[11])
{
	int y = atoi(out);

	if (y >= 1900 && y < 2200)
		return 0;
	out[0] = '\0';
	return -1;
}

int
pagemeta_day(const char *text, char out[11])
{
	const char *p = text;

	out[0] = '\0';
	while (pagemeta_space((unsigned char)*p))
		p++;
	if (*p == '\0')
		return -1;
	if (feed_date(p, out) == 0 || pagemeta_ymd(p, out) == 0)
		return pagemeta_plausible(out);
	if (strlen(p) > 80)
		return -1;
	if (pagemeta_local_day(p, 0, out) != 0 &&
	    pagemeta_written_day(p, NULL, 0, out) != 0)
		return -1;
	return pagemeta_plausible(out);
}

/* A date in the address: /2022/08/18/, /2022-08-18, /20220818/. */
static int
pagemeta_url_day(const char *url, char out[11])
{
	const char *p;

	if (!pagemeta_absolute(url))
		return -1;
	for (p = strstr(url, "//") + 2; (p = strchr(p, '/')) != NULL; p++)
		if (isdigit((unsigned char)p[1]) && pagemeta_ymd(p + 1, out) == 0 &&
		    (p[5] == '/' || p[5] == '-' || p[9] == '\0' ||
		    strchr("/-_.?#", p[9]) != NULL))
			return 0;
	return -1;
}

/* A year the page shows elsewhere (its address, a modified time), for a
 * dateline that gives only the day and month. */
static int
pagemeta_year(const struct pagemeta_seen *s, const char *url)
{
	const char *m = pagemeta_get(s, "article:modified_time");
	const char *p;
	int y;

	if (m == NULL)
		m = pagemeta_get(s, "og:updated_time");
	if (m != NULL && sscanf(m, "%4d-", &y) == 1 && y >= 1900 && y < 2200)
		return y;
	for (p = url != NULL ? strchr(url, '/') : NULL; p != NULL;
	    p = strchr(p + 1, '/'))
		if ((y = pagemeta_year4(p + 1)) >= 1990 && y < 2200 &&
		    !isdigit((unsigned char)p[5]))
			return y;
	return 0;
}

/* A dateline ("MOSCOW, Aug 18 (Reuters) -") just after the headline,
 * else at the top of the text. */
static int
pagemeta_dateline(const struct pagemeta_seen *s, const char *text,
    const char *title, const char *url, char out[11])
{
	const char *at = title != NULL ? strstr(text, title) : NULL;
	char *window, year[16];
	int y = pagemeta_year(s, url), rc;

	if (at == NULL && s->h1 != NULL)
		at = strstr(text, s->h1);
	at = at != NULL ? at : text;
	window = xstrndup(at, strnlen(at, PAGEMETA_DATELINE));
	snprintf(year, sizeof year, "%04d-12-31", y);
	rc = pagemeta_written_day(window, y > 0 ? year : NULL, 1, out);
	if (rc != 0)
		rc = pagemeta_local_day(window, 1, out);
	free(window);
	return rc == 0 ? pagemeta_plausible(out) : -1;
}

static const char *const pagemeta_date_names[] = {
	"article:published_time", "parsely-pub-date", "article:published",
	"og:published_time", "published_time", "pubdate", "publishdate",
	"publish-date", "publish_date", "date", "dc:date:issued",
	"dcterms:issued", "dcterms:created", "dc:date", "dcterms:date",
	"sailthru:date", "datepublished", "date_published",
	"article_date_original", "original-publish-date", "publication_date",
	"citation_publication_date", "dc:created", NULL,
};

static char *
pagemeta_published(const struct pagemeta_seen *s, const char *text,
    const char *title, const char *url)
{
	const char *const *k;
	char day[11];

	if (s->ld.published != NULL && pagemeta_day(s->ld.published, day) == 0)
		return xstrdup(day);
	for (k = pagemeta_date_names; *k != NULL; k++)
		if (pagemeta_get(s, *k) != NULL &&
		    pagemeta_day(pagemeta_get(s, *k), day) == 0)
			return xstrdup(day);
	if ((s->ld.created != NULL && pagemeta_day(s->ld.created, day) == 0) ||
	    (s->itemprop_date != NULL && pagemeta_day(s->itemprop_date, day) == 0) ||
	    (s->time != NULL && pagemeta_day(s->time, day) == 0) ||
	    pagemeta_url_day(url, day) == 0 ||
	    (text != NULL && pagemeta_dateline(s, text, title, url, day) == 0))
		return xstrdup(day);
	return NULL;
}

/* --- the author ---------------------------------------------------------- */

static char *
pagemeta_author(const struct pagemeta_seen *s)
{
	const char *aa = pagemeta_get(s, "article:author");
	const char *c[] = {
		s->ld.author, pagemeta_get(s, "dc:creator"),
		pagemeta_get(s, "dcterm:creator"), pagemeta_get(s, "author"),
		pagemeta_get(s, "parsely-author"), pagemeta_get(s, "sailthru:author"),
		aa != NULL && !pagemeta_absolute(aa) ? aa : NULL, s->byline,
	};
	size_t i;
	char *t;

	for (i = 0; i < sizeof c / sizeof *c; i++)
		if ((t = pagemeta_unescape(pagemeta_copy(c[i]))) != NULL)
			return t;
	return NULL;
}

/* --- all of it ----------------------------------------------------------- */

void
pagemeta_find(htmlDocPtr doc, const char *text, struct text_page *page)
{
	struct pagemeta_seen s;
	char *site, *host;

	memset(page, 0, sizeof *page);
	if (doc == NULL)
		return;
	memset(&s, 0, sizeof s);
	pagemeta_walk(xmlDocGetRootElement(doc), &s, 0);
	page->url = pagemeta_url(&s);
	host = pagemeta_host(page->url);
	site = pagemeta_site(&s);
	page->title = pagemeta_title(&s, site, host);
	page->published = pagemeta_published(&s, text, page->title, page->url);
	page->author = pagemeta_author(&s);
	page->source = site != NULL ? site : host != NULL ? xstrdup(host) : NULL;
	page->ld_body = s.ld.body != NULL ? xstrdup(s.ld.body) : NULL;
	free(host);
	pagemeta_seen_free(&s);
}
