/* SPDX-License-Identifier: ISC */
/* Finding the article in a page's tree, in the spirit of Readability.js
 * and trafilatura: every block holding text (a paragraph) gives its
 * ancestors points for its length and punctuation; a block's points are
 * weighed by its tag, its class and id words and the share of its text
 * inside links; the best block, and its siblings that score near it, are
 * the article. Inside it, what is still the page (share bars, comment
 * threads, "Related" lists, bylines) is dropped as it is written out. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "import/html.h"
#include "import/readable.h"

/* What an element holds, counted once over the tree. The text counts
 * leave out what was dropped before scoring; "own" counts are the text
 * of a block that is not inside a block it holds. */
struct readable_node {
	xmlNodePtr n;
	int parent;             /* index, -1 at the top */
	/* Counts fit in an int: html_parse takes at most INT_MAX bytes. */
	int chars, links;       /* characters; of them inside <a> */
	int commas;
	int own_chars, own_links, own_commas;
	int paras, imgs, lis, inputs, embeds, heads, data, quotes;
	int ptext;              /* characters inside <p> */
	double score;
	int weight;             /* of the class and id words */
	unsigned char scored, has_block, in_figure;
};

struct readable {
	struct readable_node *v;
	size_t len, cap;
	int strip;              /* drop unlikely blocks before scoring */
	char *title;
	int title_dropped;      /* the heading that repeats the title */
	long top_chars;         /* of the blocks chosen */
	long top_ptext;         /* of them inside <p> */
	xmlNodePtr after;       /* a boilerplate heading just dropped */
	struct readable_seen {
		uint64_t hash;
		xmlNodePtr n;
	} *seen;                /* captions written out */
	size_t nseen, capseen;
	struct readable_guard {
		xmlNodePtr n;
		int ptext;
	} *guard;               /* the tree counted whole */
	size_t guard_len;
};

/* --- words -------------------------------------------------------------- */

/* Class and id words of the article's blocks, and of the page's. */
static const char *const readable_good[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "post", "text", "blog", "story", NULL,
};

static const char *const readable_bad[] = {
	"comment", "sidebar", "menu", "footer", "related", "share", "social",
	"promo", "banner", "newsletter", "cookie", "subscri", "breadcrumb",
	"author-bio", "masthead", "outbrain", "taboola", "sponsor", "shopping",
	"widget", "combx", "contact", "gdpr", "popup", "modal", "recommend",
	"trending", "popular", "pagination", "skyscraper", "shoutbox",
	"signup", "toolbar", "disqus", "-ad-", "advert", NULL,
};

/* Words that are bad only as a whole word of the class: "nav", not
 * "canvas"; "ad", not "head". */
static const char *const readable_bad_words[] = {
	"ad", "ads", "nav", "navbar", "navigation", "tags", "tag", "meta",
	"hidden", "hid", "media", "rss", "print", "pager", NULL,
};

/* Blocks dropped before scoring, unless they also say they hold the
 * article ("article-comments" is the article's). */
static const char *const readable_unlikely[] = {
	"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
	"header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "popup",
	"newsletter", "subscri", "cookie", "outbrain", "taboola", "recommend",
	"promo", NULL,
};

static const char *const readable_unlikely_words[] = {
	"ad", "ads", "nav", "navbar", "navigation", "tags", "pager", NULL,
};

static const char *const readable_maybe[] = {
	"article", "body", "column", "content", "main", "shadow", "mathjax",
	NULL,
};

/* Blocks of the page inside the article (share bars, author boxes):
 * dropped when short, or when their class says nothing of an article. */
static const char *const readable_boiler[] = {
	"share", "social", "newsletter", "subscri", "cookie", "promo",
	"related", "comment", "advert", "sponsor", "breadcrumb", "author",
	"outbrain", "taboola", "recommend", "copyright", "byline", "-bio",
	"bio-", "biography", NULL,
};

/* Credits of pictures: not the article's text. */
static const char *const readable_caption[] = {
	"credit", NULL,
};

static const char *const readable_byline[] = {
	"byline", "author", "dateline", "writtenby", NULL,
};

static const char *const readable_roles[] = {
	"menu", "menubar", "complementary", "navigation", "alert",
	"alertdialog", "dialog", NULL,
};

/* Headings of the page's own blocks, in English, Russian and Chinese,
 * lower-case: a block that is one of them (or starts with one and is
 * mostly links) is not the article. */
static const char *const readable_phrases[] = {
	"read more", "read also", "also read", "see also", "related",
	"more from", "more on this", "more stories", "more news",
	"you may also like", "you might also like", "recommended",
	"most popular", "most read", "trending", "further reading",
	"share this", "share on", "follow us", "sign up", "subscribe",
	"newsletter", "advertisement", "comments", "leave a comment",
	"leave a reply", "related articles", "related stories", "don't miss",
	"don\xe2\x80\x99t miss", "also on", "like this story",
	"tags", "tagged", "filed under", "теги", "метки", "标签",
	"читайте также", "читать также", "смотрите также", "см. также",
	"похожие новости", "похожие материалы", "похожие статьи", "по теме",
	"новости по теме", "материалы по теме", "другие новости",
	"самое читаемое", "популярное", "подписывайтесь", "поделиться",
	"комментарии", "реклама",
	"相关新闻", "相关阅读", "延伸阅读", "相关文章", "相关报道",
	"推荐阅读", "热门文章", "热门推荐", "更多新闻", "猜你喜欢", "分享到",
	"相關新聞", "相關閱讀", "延伸閱讀", "推薦閱讀", "网友评论", NULL,
};

static int
readable_tag(xmlNodePtr n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

static int
readable_tag_in(xmlNodePtr n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (readable_tag(n, *list))
			return 1;
	return 0;
}

static const char *
readable_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a != NULL; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0)
			return a->children != NULL && a->children->content != NULL ?
			    (const char *)a->children->content : "";
	return NULL;
}

/* Lower-cases A-Z and Cyrillic А-Я, Ё in place (UTF-8). */
static void
readable_lower(char *s)
{
	unsigned char *p = (unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			*p += 'a' - 'A';
		} else if (p[0] == 0xd0 && p[1] >= 0x90 && p[1] <= 0x9f) {
			p[1] += 0x20;
			p++;
		} else if (p[0] == 0xd0 && p[1] >= 0xa0 && p[1] <= 0xaf) {
			p[0] = 0xd1;
			p[1] -= 0x20;
			p++;
		} else if (p[0] == 0xd0 && p[1] == 0x81) {
			p[0] = 0xd1;
			p[1] = 0x91;
			p++;
		}
	}
}

static int
readable_has(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strstr(s, *list) != NULL)
			return 1;
	return 0;
}

/* Whether one of the words of S (split at anything but a letter or a
 * digit) is on LIST. */
static int
readable_has_word(const char *s, const char *const *list)
{
	const char *p = s, *w;
	size_t n;
	int i;

	while (*p != '\0') {
		while (*p != '\0' && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9')))
			p++;
		for (w = p; (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
		    p++)
			;
		n = (size_t)(p - w);
		for (i = 0; n > 0 && list[i] != NULL; i++)
			if (strlen(list[i]) == n && memcmp(w, list[i], n) == 0)
				return 1;
	}
	return 0;
}

/* The class and id of N, lower-case, into OUT ("" when none). */
static void
readable_names(xmlNodePtr n, char *out, size_t size)
{
	const char *c = readable_attr(n, "class"), *id = readable_attr(n, "id");

	snprintf(out, size, "%s %s", c ? c : "", id ? id : "");
	readable_lower(out);
}

static int
readable_bad_name(const char *s)
{
	return readable_has(s, readable_bad) ||
	    readable_has_word(s, readable_bad_words);
}

/* +25 for a class (or id) that says article, -25 for one that says
 * page, each counted apart as Readability.js does. */
static int
readable_weight(xmlNodePtr n)
{
	const char *attrs[] = { "class", "id" };
	char s[256];
	const char *v;
	int i, w = 0;

	for (i = 0; i < 2; i++) {
		if ((v = readable_attr(n, attrs[i])) == NULL || *v == '\0')
			continue;
		snprintf(s, sizeof s, "%s", v);
		readable_lower(s);
		if (readable_bad_name(s))
			w -= 25;
		if (readable_has(s, readable_good))
			w += 25;
	}
	return w;
}

/* --- what is never the article ------------------------------------------ */

static int
readable_invisible(xmlNodePtr n)
{
	const char *style = readable_attr(n, "style");
	const char *aria = readable_attr(n, "aria-hidden");
	char s[512];

	if (readable_attr(n, "hidden") != NULL)
		return 1;
	if (aria != NULL && strcmp(aria, "true") == 0) {
		readable_names(n, s, sizeof s);
		return strstr(s, "fallback-image") == NULL;
	}
	if (style == NULL)
		return 0;
	snprintf(s, sizeof s, "%s", style);
	readable_lower(s);
	return strstr(s, "display:none") || strstr(s, "display: none") ||
	    strstr(s, "visibility:hidden") || strstr(s, "visibility: hidden");
}

static int
readable_role_out(xmlNodePtr n)
{
	const char *role = readable_attr(n, "role");
	char s[64];

	if (role == NULL)
		return 0;
	snprintf(s, sizeof s, "%s", role);
	readable_lower(s);
	return readable_has_word(s, readable_roles);
}

/* Whether N holds most of the page's paragraph text, counted whole: then
 * a class that says "header" or "-ad-" is the page's layout, wrapped
 * around the article, and not a block to drop. (N was not counted yet
 * in this try: its _private is still the guard's.) */
static int
readable_holds_most(struct readable *r, xmlNodePtr n)
{
	static const char *const wrappers[] = {
		"div", "section", "main", "span", "form", "center", NULL,
	};
	intptr_t i = (intptr_t)n->_private - 1;

	if (!readable_tag_in(n, wrappers))
		return 0;       /* a list of captions is not a wrapper */
	if (r->guard == NULL || r->guard_len == 0 || i < 0 ||
	    (size_t)i >= r->guard_len || r->guard[i].n != n)
		return 0;
	return r->guard[i].ptext * 2 > r->guard[0].ptext;
}

/* Dropped before scoring: hidden, the page's navigation and asides, a
 * role that is not the article, and (when stripping) a class or id
 * that says page and not article. */
static int
readable_out(struct readable *r, xmlNodePtr n, int in_table)
{
	char s[256];

	if (html_is_hidden(n) || readable_tag(n, "nav") ||
	    readable_tag(n, "aside") || readable_tag(n, "footer") ||
	    readable_invisible(n) || readable_role_out(n))
		return 1;
	if (!r->strip || in_table || readable_tag(n, "html") ||
	    readable_tag(n, "body") ||
	    readable_tag(n, "a") || readable_tag(n, "article") ||
	    readable_tag(n, "main"))
		return 0;
	readable_names(n, s, sizeof s);
	return (readable_has(s, readable_unlikely) ||
	    readable_has_word(s, readable_unlikely_words)) &&
	    !readable_has(s, readable_maybe) && !readable_holds_most(r, n);
}

/* --- counting ----------------------------------------------------------- */

static struct readable_node *
readable_at(struct readable *r, xmlNodePtr n)
{
	intptr_t i = (intptr_t)n->_private - 1;

	if (n->type != XML_ELEMENT_NODE || i < 0 || (size_t)i >= r->len ||
	    r->v[i].n != n)
		return NULL;
	return &r->v[i];
}

static long
readable_add(struct readable *r, xmlNodePtr n, long parent)
{
	struct readable_node *v;

	if (r->len == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	v = &r->v[r->len];
	memset(v, 0, sizeof *v);
	v->n = n;
	v->parent = parent;
	n->_private = (void *)(intptr_t)(r->len + 1);
	return (long)r->len++;
}

static int
readable_is_comma(const unsigned char *p)
{
	return p[0] == ',' || (p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8c) ||
	    (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x81) ||
	    (p[0] == 0xd8 && p[1] == 0x8c);
}

/* Characters (a run of white space is one) and commas of a text. */
static void
readable_count(const unsigned char *p, long *chars, long *commas)
{
	int space = 1;

	*chars = *commas = 0;
	for (; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' ||
		    *p == '\f') {
			space = 1;
			continue;
		}
		if ((*p & 0xc0) == 0x80)
			continue;       /* inside a character */
		if (space && *chars > 0)
			(*chars)++;
		space = 0;
		(*chars)++;
		if (readable_is_comma(p))
			(*commas)++;
	}
}

static void
readable_text_node(struct readable *r, xmlNodePtr n, long parent, long block,
    int in_link)
{
	long chars, commas;

	if (n->content == NULL || parent < 0)
		return;
	readable_count(n->content, &chars, &commas);
	r->v[parent].chars += chars;
	r->v[parent].commas += commas;
	if (in_link)
		r->v[parent].links += chars;
	if (block < 0)
		return;
	r->v[block].own_chars += chars;
	r->v[block].own_commas += commas;
	if (in_link)
		r->v[block].own_links += chars;
}

struct readable_walk {
	long parent, block;
	int in_link, in_table, in_figure;
};

static void readable_index(struct readable *r, xmlNodePtr n,
    struct readable_walk w);

static void
readable_element(struct readable *r, xmlNodePtr n, struct readable_walk w)
{
	long i;

	if (readable_out(r, n, w.in_table))
		return;
	i = readable_add(r, n, w.parent);
	r->v[i].in_figure = (unsigned char)w.in_figure;
	if (html_is_block(n) || readable_tag(n, "td") || readable_tag(n, "th")) {
		if (w.parent >= 0)
			r->v[w.parent].has_block = 1;
		w.block = i;
	}
	w.parent = i;
	w.in_link |= readable_tag(n, "a");
	w.in_table |= readable_tag(n, "table") || readable_tag(n, "code");
	w.in_figure |= readable_tag(n, "figure");
	readable_index(r, n->children, w);
}

static void
readable_index(struct readable *r, xmlNodePtr n, struct readable_walk w)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			readable_text_node(r, n, w.parent, w.block, w.in_link);
		else if (n->type == XML_ELEMENT_NODE)
			readable_element(r, n, w);
	}
}

static int
readable_heading(xmlNodePtr n)
{
	return n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	    n->name[2] == '\0';
}

/* Each element's counts into its parent's: children come after their
 * parent in the list, so one pass from the end adds them up. */
static void
readable_sum(struct readable *r)
{
	size_t i;
	struct readable_node *c, *p;

	for (i = r->len; i-- > 1;) {
		c = &r->v[i];
		if (c->parent < 0)
			continue;
		p = &r->v[c->parent];
		p->chars += c->chars;
		p->links += c->links;
		p->commas += c->commas;
		p->paras += c->paras + (readable_tag(c->n, "p") ||
		    (readable_tag(c->n, "div") && !c->has_block && c->chars > 0));
		p->imgs += c->imgs + readable_tag(c->n, "img");
		p->lis += c->lis + readable_tag(c->n, "li");
		p->inputs += c->inputs + readable_tag(c->n, "input");
		p->embeds += c->embeds + (readable_tag(c->n, "iframe") ||
		    readable_tag(c->n, "embed") || readable_tag(c->n, "object"));
		p->heads += c->heads + (readable_heading(c->n) ? c->chars : 0);
		p->ptext += readable_tag(c->n, "p") ? c->chars : c->ptext;
		p->quotes += c->quotes + readable_tag(c->n, "blockquote");
		p->data += c->data + (readable_tag(c->n, "th") ||
		    readable_tag(c->n, "caption") || readable_tag(c->n, "thead"));
	}
}

/* --- scoring ------------------------------------------------------------ */

static double
readable_density(const struct readable_node *v)
{
	return v->chars > 0 ? (double)v->links / (double)v->chars : 0;
}

static int
readable_tag_score(xmlNodePtr n)
{
	static const char *const minus3[] = {
		"address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL,
	};
	static const char *const plus3[] = { "pre", "td", "blockquote", NULL };

	if (readable_tag(n, "div"))
		return 5;
	if (readable_tag(n, "article"))
		return 10;
	if (readable_tag_in(n, plus3))
		return 3;
	if (readable_tag_in(n, minus3))
		return -3;
	if (readable_heading(n) || readable_tag(n, "th"))
		return -5;
	return 0;
}

static void
readable_credit(struct readable *r, long i, double points)
{
	struct readable_node *v = &r->v[i];

	if (!v->scored) {
		v->scored = 1;
		v->weight = readable_weight(v->n);
		v->score = readable_tag_score(v->n) + v->weight;
	}
	v->score += points;
}

/* The blocks whose own text makes a paragraph. */
static const char *const readable_paragraphs[] = {
	"p", "pre", "td", "div", "section", "article", "main", "h2", "h3",
	"h4", "h5", "h6", "center", "blockquote", "form", "body", NULL,
};

/* A paragraph gives its parent its points, its grandparent half, and
 * the three above a sixth, a ninth, a twelfth. A block that holds other
 * blocks and text of its own is the parent of that text. */
static void
readable_paragraph(struct readable *r, long i)
{
	struct readable_node *v = &r->v[i];
	double points, density;
	long a;
	int level;

	if (v->own_chars < 25 || !readable_tag_in(v->n, readable_paragraphs))
		return;
	density = (double)v->own_links / (double)v->own_chars;
	points = (1 + (double)v->own_commas +
	    (double)(v->own_chars / 100 > 3 ? 3 : v->own_chars / 100)) *
	    (1 - density);
	a = v->has_block && !readable_tag(v->n, "p") ? i : v->parent;
	for (level = 0; a >= 0 && level < 5; a = r->v[a].parent, level++) {
		if (readable_tag(r->v[a].n, "html"))
			break;
		readable_credit(r, a, points / (level == 0 ? 1 :
		    level == 1 ? 2 : level * 3));
	}
}

static void
readable_count_tree(struct readable *r, htmlDocPtr doc)
{
	struct readable_walk w = { -1, -1, 0, 0, 0 };

	r->len = 0;
	readable_index(r, xmlDocGetRootElement(doc), w);
	readable_sum(r);
}

static void
readable_score(struct readable *r)
{
	size_t i;

	for (i = 0; i < r->len; i++)
		readable_paragraph(r, (long)i);
	for (i = 0; i < r->len; i++)
		if (r->v[i].scored)
			r->v[i].score *= 1 - readable_density(&r->v[i]);
}

static int
readable_is_top(struct readable *r, long i)
{
	return i < 0 || readable_tag(r->v[i].n, "body") ||
	    readable_tag(r->v[i].n, "html");
}

static int
readable_holds(struct readable *r, long anc, long i)
{
	for (; i >= 0; i = r->v[i].parent)
		if (i == anc)
			return 1;
	return 0;
}

#define READABLE_TOP 5

/* When three of the best blocks, each scoring near the best one, sit in
 * one ancestor of it, the article is that ancestor. */
static long
readable_common(struct readable *r, long top, const long *best, int nbest)
{
	long a;
	int k, count, near = 0;

	for (k = 1; k < nbest; k++)
		near += r->v[best[k]].score >= 0.75 * r->v[top].score;
	if (near < 3)
		return top;
	for (a = r->v[top].parent; !readable_is_top(r, a); a = r->v[a].parent) {
		count = 0;
		for (k = 1; k < nbest; k++)
			if (r->v[best[k]].score >= 0.75 * r->v[top].score &&
			    readable_holds(r, a, best[k]))
				count++;
		if (count >= 3)
			return a;
	}
	return top;
}

/* Up while the parent scores more: the article's paragraphs may be
 * spread over several blocks of one parent. Then up through parents
 * that hold nothing else. */
static long
readable_climb(struct readable *r, long top)
{
	double last = r->v[top].score, threshold = last / 3;
	long a;

	for (a = r->v[top].parent; !readable_is_top(r, a); a = r->v[a].parent) {
		if (!r->v[a].scored)
			continue;
		if (r->v[a].score < threshold)
			break;
		if (r->v[a].score > last) {
			top = a;
			break;
		}
		last = r->v[a].score;
	}
	for (a = r->v[top].parent; !readable_is_top(r, a) &&
	    xmlChildElementCount(r->v[a].n) == 1; a = r->v[a].parent)
		top = a;
	return top;
}

static long
readable_best(struct readable *r)
{
	long best[READABLE_TOP], top;
	int nbest = 0, k;
	size_t i;

	for (i = 0; i < r->len; i++) {
		if (!r->v[i].scored || readable_tag(r->v[i].n, "html"))
			continue;
		for (k = nbest; k > 0 && r->v[best[k - 1]].score < r->v[i].score;
		    k--)
			if (k < READABLE_TOP)
				best[k] = best[k - 1];
		if (k < READABLE_TOP) {
			best[k] = (long)i;
			if (nbest < READABLE_TOP)
				nbest++;
		}
	}
	if (nbest == 0)
		return -1;
	top = readable_common(r, best[0], best, nbest);
	if (!r->v[top].scored)
		readable_credit(r, top, 0);
	return readable_climb(r, top);
}

/* --- the siblings ------------------------------------------------------- */

static int
readable_sentence_end(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *p;
	int found = 0;

	for (p = (const char *)t; p != NULL && *p != '\0'; p++)
		if (p[0] == '.' && (p[1] == ' ' || p[1] == '\0'))
			found = 1;
	xmlFree(t);
	return found;
}

static int
readable_same_class(xmlNodePtr a, xmlNodePtr b)
{
	const char *ca = readable_attr(a, "class"), *cb = readable_attr(b, "class");

	return ca != NULL && cb != NULL && *ca != '\0' && strcmp(ca, cb) == 0;
}

/* A sibling of the best block is the article's too when it scores near
 * it, or is a paragraph of text rather than links. */
static int
readable_sibling(struct readable *r, long top, xmlNodePtr s)
{
	struct readable_node *v = readable_at(r, s), *t = &r->v[top];
	double threshold = t->score * 0.2, bonus = 0;

	if (v == NULL)
		return 0;
	if (v == t)
		return 1;
	if (threshold < 10)
		threshold = 10;
	if (readable_same_class(s, t->n))
		bonus = t->score * 0.2;
	if (v->scored && v->score + bonus >= threshold)
		return 1;
	/* The next part of the article, in a block like the best one but
	 * too far below its paragraphs to be scored. */
	if (bonus > 0 && v->ptext >= 100 && readable_density(v) < 0.25)
		return 1;
	if (!readable_tag(s, "p"))
		return 0;
	if (v->chars > 80)
		return readable_density(v) < 0.25;
	return v->chars > 0 && v->links == 0 && readable_sentence_end(s);
}

/* --- cleaning ----------------------------------------------------------- */

/* The first MAX bytes or so of the visible text of N, with its white
 * space made single spaces; looking at no more than *BUDGET nodes, so
 * that a block of a million empty elements costs no more than one. */
static void
readable_lead_at(xmlNodePtr n, struct buf *b, size_t max, int *budget)
{
	const char *p;

	for (n = n->children; n != NULL && b->len < max && (*budget)-- > 0;
	    n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			for (p = (const char *)n->content; *p != '\0' &&
			    b->len < max; p++) {
				if (*p != ' ' && *p != '\n' && *p != '\t' &&
				    *p != '\r')
					buf_addc(b, *p);
				else if (b->len > 0 && b->data[b->len - 1] != ' ')
					buf_addc(b, ' ');
			}
		} else if (n->type == XML_ELEMENT_NODE && !html_is_hidden(n)) {
			if (html_is_block(n) && b->len > 0 &&
			    b->data[b->len - 1] != ' ')
				buf_addc(b, ' ');
			readable_lead_at(n, b, max, budget);
		}
	}
}

static void
readable_lead(xmlNodePtr n, struct buf *b, size_t max)
{
	int budget = 256;

	readable_lead_at(n, b, max, &budget);
}

/* Past the punctuation and spaces that may end a heading. */
static const unsigned char *
readable_punct(const unsigned char *p)
{
	static const char *const wide[] = { "\xef\xbc\x9a", "\xc2\xbb",
	    "\xe2\x80\xba", "\xe2\x80\x94", "\xc2\xa0", NULL };
	const char *const *w;

	for (;;) {
		if (*p != '\0' && strchr(" :.>|-!/", *p) != NULL) {
			p++;
			continue;
		}
		for (w = wide; *w != NULL; w++)
			if (strncmp((const char *)p, *w, strlen(*w)) == 0)
				break;
		if (*w == NULL)
			return p;
		p += strlen(*w);
	}
}

/* Whether S starts with one of the phrases, the phrase followed by
 * nothing but punctuation when EXACT. */
static int
readable_phrase(const char *s, int exact)
{
	const char *const *ph;
	const unsigned char *p;
	size_t n;

	while (*s == ' ')
		s++;
	for (ph = readable_phrases; *ph != NULL; ph++) {
		n = strlen(*ph);
		if (strncmp(s, *ph, n) != 0)
			continue;
		p = (const unsigned char *)s + n;
		if (*p >= 'a' && *p <= 'z')
			continue;       /* "related" is not "relatedly" */
		if (!exact)
			return 1;
		p = readable_punct(p);
		if (*p == '\0')
			return 1;
	}
	return 0;
}

/* A block headed by "Related", "Читайте также" or "相关新闻": the
 * heading alone, or a short block of links that it opens. */
static int
readable_boilerplate(struct readable *r, xmlNodePtr n, struct readable_node *v)
{
	struct buf b;
	int out = 0, exact;

	if (v->chars == 0 || v->chars > 2000)
		return 0;
	buf_init(&b);
	readable_lead(n, &b, 64);
	if (b.len > 0) {
		readable_lower(b.data);
		exact = v->chars <= 40 && readable_phrase(b.data, 1);
		if (exact)
			r->after = n;
		out = exact || (readable_phrase(b.data, 0) &&
		    readable_density(v) > 0.3);
	}
	buf_free(&b);
	return out;
}

/* A short block that asks the reader for something (subscribe, follow,
 * click), with a link to do it (a tenth of its text or more). */
static const char *const readable_asks[] = {
	"subscribe", "newsletter", "sign up", "follow us", "follow me",
	"click here", "get the app", "download the app", "подпишитесь",
	"подписывайтесь", "подписаться", "订阅", "关注我们", NULL,
};

static int
readable_promo(xmlNodePtr n, struct readable_node *v)
{
	struct buf b;
	int out = 0;

	if (v->chars == 0 || v->chars > 300 || v->has_block)
		return 0;
	buf_init(&b);
	readable_lead(n, &b, 1200);
	if (b.len > 0) {
		readable_lower(b.data);
		out = readable_density(v) >= 0.1 &&
		    readable_has(b.data, readable_asks);
	}
	buf_free(&b);
	return out;
}

/* The blocks after a boilerplate heading that are links or lists. */
static int
readable_after_heading(struct readable *r, xmlNodePtr n,
    struct readable_node *v)
{
	xmlNodePtr prev = xmlPreviousElementSibling(n);

	if (prev == NULL || prev != r->after)
		return 0;
	if (readable_density(v) > 0.5 || readable_tag(n, "ul") ||
	    readable_tag(n, "ol")) {
		r->after = n;
		return 1;
	}
	return 0;
}

/* Readability.js's test of a block in the article that may still be
 * the page: a class that says page, more list items or inputs than
 * paragraphs, many pictures and little text, or mostly links. */
static int
readable_conditional(struct readable_node *v)
{
	static const char *const tags[] = {
		"div", "section", "ul", "ol", "table", "form", "fieldset", "dl",
		NULL,
	};
	int list = readable_tag(v->n, "ul") || readable_tag(v->n, "ol");
	double density = readable_density(v), heads;

	if (!readable_tag_in(v->n, tags))
		return 0;
	if (v->weight < 0)
		return 1;
	if (readable_tag(v->n, "table") && v->data > 0)
		return 0;
	if (v->commas >= 10)
		return 0;
	heads = v->chars > 0 ? (double)v->heads / (double)v->chars : 0;
	return (v->imgs > 1 && (double)v->paras / (double)v->imgs < 0.5 &&
	    !v->in_figure) ||
	    (!list && v->lis - 100 > v->paras) ||
	    (v->inputs > v->paras / 3) ||
	    (!list && heads < 0.9 && v->chars < 25 &&
	    (v->imgs == 0 || v->imgs > 2) && !v->in_figure) ||
	    (!list && v->weight < 25 && density > 0.2) ||
	    (v->weight >= 25 && density > 0.5) ||
	    (list && density > 0.8);
}

/* Readability.js's measure: the share of the heading's words (by their
 * length) that are words of the title. */
static double
readable_similar(const char *title, const char *heading)
{
	char *t = xstrdup(title), *h = xstrdup(heading), *w, *save = NULL;
	size_t all = 0, in = 0, n;
	const char *sep = " \t\n\r,.:;!?\"'()[]|-";

	readable_lower(t);
	readable_lower(h);
	for (w = strtok_r(h, sep, &save); w != NULL; w = strtok_r(NULL, sep,
	    &save)) {
		n = strlen(w);
		all += n;
		if (strstr(t, w) != NULL)
			in += n;
	}
	free(t);
	free(h);
	return all > 0 ? (double)in / (double)all : 0;
}

static int
readable_title_heading(struct readable *r, xmlNodePtr n)
{
	xmlChar *t;
	int same;

	if (r->title == NULL || r->title_dropped ||
	    !(readable_tag(n, "h1") || readable_tag(n, "h2")))
		return 0;
	t = xmlNodeGetContent(n);
	same = t != NULL && readable_similar(r->title, (const char *)t) >= 0.75;
	xmlFree(t);
	if (same)
		r->title_dropped = 1;
	return same;
}

static int
readable_named_out(struct readable_node *v)
{
	char s[256];

	readable_names(v->n, s, sizeof s);
	/* A share bar holds no quotation; an embedded post ("social-embed")
	 * is one. */
	if (readable_has(s, readable_boiler) && v->quotes == 0 &&
	    !readable_tag(v->n, "blockquote") && (v->chars < 500 ||
	    !readable_has(s, readable_good)))
		return 1;
	if (v->chars < 100 && readable_has(s, readable_caption))
		return 1;
	if (v->chars < 100 && (readable_has(s, readable_byline) ||
	    readable_attr(v->n, "rel") != NULL))
		return readable_has(s, readable_byline) || strcmp(
		    readable_attr(v->n, "rel"), "author") == 0;
	return 0;
}

static int
readable_inside(xmlNodePtr n, xmlNodePtr anc)
{
	for (; n != NULL; n = n->parent)
		if (n == anc)
			return 1;
	return 0;
}

#define READABLE_CAPTIONS 256

/* Whether the caption N was written out before, word for word: a slide
 * show shows each photo's caption again, and again. */
static int
readable_caption_again(struct readable *r, xmlNodePtr n,
    const struct readable_node *v)
{
	char s[256];
	xmlChar *t;
	const unsigned char *p;
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	if (v->chars < 20 || v->chars > 1000)
		return 0;
	readable_names(n, s, sizeof s);
	if (!readable_tag(n, "figcaption") && strstr(s, "caption") == NULL)
		return 0;
	t = xmlNodeGetContent(n);
	for (p = t; p != NULL && *p != '\0'; p++)
		if (*p > ' ')
			h = (h ^ *p) * 1099511628211ULL;
	xmlFree(t);
	for (i = 0; i < r->nseen; i++)
		if (r->seen[i].hash == h && !readable_inside(n, r->seen[i].n))
			return 1;
	if (r->nseen >= READABLE_CAPTIONS)
		return 0;       /* a page of captions: compared no more */
	if (r->nseen == r->capseen) {
		r->capseen = r->capseen ? r->capseen * 2 : 16;
		r->seen = xrealloc(r->seen, r->capseen * sizeof *r->seen);
	}
	r->seen[r->nseen].hash = h;
	r->seen[r->nseen++].n = n;
	return 0;
}

/* Asked of every element as the article is written out. */
static int
readable_keep(xmlNodePtr n, void *data)
{
	struct readable *r = data;
	struct readable_node *v = readable_at(r, n);

	if (v == NULL)
		return 0;       /* dropped before scoring */
	if (!v->scored)
		v->weight = readable_weight(n);
	if (v->chars * 2 > r->top_chars)
		return 1;       /* the article itself, whatever its class */
	if (readable_named_out(v) || readable_after_heading(r, n, v) ||
	    readable_caption_again(r, n, v) ||
	    readable_title_heading(r, n))
		return 0;
	if (readable_heading(n) && readable_tag_in(n, (const char *const[]){
	    "h1", "h2", NULL }) && v->weight < 0)
		return 0;
	if (html_is_block(n) && (readable_boilerplate(r, n, v) ||
	    readable_promo(n, v)))
		return 0;
	return !readable_conditional(v);
}

/* --- the article -------------------------------------------------------- */

static void
readable_write(struct readable *r, long top, struct buf *out)
{
	xmlNodePtr s, parent = r->v[top].n->parent;

	if (readable_is_top(r, top) || parent == NULL) {
		r->top_chars = r->v[top].chars;
		r->top_ptext = r->v[top].ptext;
		html_text_of(r->v[top].n, out, readable_keep, r);
		return;
	}
	r->top_chars = r->top_ptext = 0;
	for (s = parent->children; s != NULL; s = s->next)
		if (s->type == XML_ELEMENT_NODE && readable_sibling(r, top, s)) {
			r->top_chars += readable_at(r, s)->chars;
			r->top_ptext += readable_tag(s, "p") ?
			    readable_at(r, s)->chars : readable_at(r, s)->ptext;
		}
	for (s = parent->children; s != NULL; s = s->next)
		if (s->type == XML_ELEMENT_NODE && readable_sibling(r, top, s))
			html_text_of(s, out, readable_keep, r);
}

static long
readable_chars(const struct buf *b)
{
	long n = 0;
	size_t i;

	for (i = 0; i < b->len; i++)
		n += ((unsigned char)b->data[i] & 0xc0) != 0x80;
	return n;
}

/* One try at the article: its text into OUT (emptied first); how many
 * characters it has. */
static long
readable_try(struct readable *r, htmlDocPtr doc, struct buf *out)
{
	long top, n;

	out->len = 0;
	if (out->data != NULL)
		out->data[0] = '\0';
	r->title_dropped = 0;
	r->after = NULL;
	r->nseen = 0;
	readable_count_tree(r, doc);
	readable_score(r);
	if ((top = readable_best(r)) < 0)
		return 0;
	readable_write(r, top, out);
	html_text_end(out);
	n = readable_chars(out);
	/* A short article must be most of what the page has in paragraphs,
	 * not one block of a page it failed to read. */
	if (n < READABLE_MIN_CHARS && r->v[0].ptext > n &&
	    r->top_ptext * 2 < r->v[0].ptext)
		return 0;
	return n;
}

/* Counts the whole tree once, nothing dropped for its class, and keeps
 * each element's paragraph text as the guard of the tries that drop
 * (readable_holds_most). */
static void
readable_guard(struct readable *r, htmlDocPtr doc)
{
	size_t i;

	r->strip = 0;
	readable_count_tree(r, doc);
	r->guard = xcalloc(r->len ? r->len : 1, sizeof *r->guard);
	for (i = 0; i < r->len; i++) {
		r->guard[i].n = r->v[i].n;
		r->guard[i].ptext = r->v[i].ptext;
	}
	r->guard_len = r->len;
}

/* The article of DOC into ART; 0 when there is none. */
static int
readable_find(struct readable *r, htmlDocPtr doc, struct buf *art)
{
	struct buf all;
	long strict, loose;

	readable_guard(r, doc);
	r->strip = 1;
	if ((strict = readable_try(r, doc, art)) >= READABLE_MIN_CHARS)
		return 1;
	/* Too little once unlikely blocks were dropped: again without
	 * dropping them (Readability.js); else a short article will do. */
	buf_init(&all);
	r->strip = 0;
	loose = readable_try(r, doc, &all);
	if (loose >= READABLE_MIN_CHARS || (strict < READABLE_SHORT_CHARS &&
	    loose >= READABLE_SHORT_CHARS)) {
		buf_free(art);
		*art = all;
		return 1;
	}
	buf_free(&all);
	return strict >= READABLE_SHORT_CHARS;
}

int
readable_text(htmlDocPtr doc, struct buf *out, char **title)
{
	struct readable r;
	struct buf art;
	int found = 0;

	memset(&r, 0, sizeof r);
	buf_init(&art);
	if (doc != NULL) {
		r.title = html_title(doc);
		found = readable_find(&r, doc, &art);
	}
	if (found) {
		buf_add(out, art.data, art.len);
		*title = r.title;
	} else {
		free(r.title);
		html_text(doc, out, title);
	}
	buf_free(&art);
	free(r.v);
	free(r.guard);
	free(r.seen);
	return found;
}

/* --- JSON-LD's articleBody ------------------------------------------- */

static int
readable_is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* The words of a text, for the agreement of an articleBody with its page:
 * runs of ASCII letters and digits, lower-cased, and of non-ASCII bytes
 * (a Cyrillic or Chinese run), hashed (FNV-1a). */
static const char *
readable_word(const char *p, uint64_t *hash)
{
	uint64_t h = 1469598103934665603ULL;
	unsigned char c;

	while (*p != '\0' && !readable_is_word((unsigned char)*p))
		p++;
	if (*p == '\0')
		return NULL;
	while ((c = (unsigned char)*p) != '\0' && readable_is_word(c)) {
		h = (h ^ (uint64_t)(c >= 'A' && c <= 'Z' ? c + 32 : c)) *
		    1099511628211ULL;
		p++;
	}
	*hash = h | 1;                  /* 0 marks an empty slot */
	return p;
}

/* The words of TEXT in an open-addressed set of *SIZE slots. */
static uint64_t *
readable_word_set(const char *text, size_t *size)
{
	size_t n = 16, mask, i;
	const char *p;
	uint64_t h, *set;

	for (p = text; *p != '\0'; p++)
		n += *p == ' ' || *p == '\n';
	while (n & (n - 1))
		n &= n - 1;
	n <<= 2;                        /* a quarter full at most */
	set = xcalloc(n, sizeof *set);
	mask = n - 1;
	for (p = text; (p = readable_word(p, &h)) != NULL; ) {
		for (i = h & mask; set[i] != 0 && set[i] != h; i = (i + 1) & mask)
			;
		set[i] = h;
	}
	*size = n;
	return set;
}

/* Whether READABLE_LD_AGREE of the first READABLE_LD_WORDS words of LD
 * are words of PAGE. */
#define READABLE_LD_WORDS 400
#define READABLE_LD_AGREE 0.9
static int
readable_ld_agrees(const char *ld, const char *page)
{
	size_t size, i;
	uint64_t h, *set = readable_word_set(page, &size);
	long words = 0, found = 0;
	const char *p;

	for (p = ld; words < READABLE_LD_WORDS &&
	    (p = readable_word(p, &h)) != NULL; words++) {
		for (i = h & (size - 1); set[i] != 0 && set[i] != h;
		    i = (i + 1) & (size - 1))
			;
		found += set[i] == h;
	}
	free(set);
	return words > 0 && found >= READABLE_LD_AGREE * (double)words;
}

int
readable_ld_body(htmlDocPtr doc, const char *ld, int found, struct buf *out)
{
	struct buf page;
	long n = (long)strlen(ld);
	char *title;
	int agrees;

	/* A body written as markup is not the text it says it is. */
	if (doc == NULL || n < READABLE_SHORT_CHARS || strstr(ld, "</") ||
	    (found && (double)n < READABLE_LD_LONGER * (double)out->len))
		return 0;
	buf_init(&page);
	html_text(doc, &page, &title);
	free(title);
	agrees = page.len > 0 && readable_ld_agrees(ld, page.data);
	buf_free(&page);
	if (!agrees)
		return 0;
	out->len = 0;
	buf_add(out, ld, (size_t)n);
	return 1;
}
