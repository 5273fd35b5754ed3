/* SPDX-License-Identifier: ISC */
/* News feeds to items: a sniff of the raw bytes for the root element,
 * libxml2's XML parser for the tree, and the dates feeds write. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "scotl/date.h"
#include "scotl/feed.h"

/* Untrusted input (STYLE.md rule 13): no network, entities left as
 * references (never XML_PARSE_NOENT, so an external one is never read),
 * no DTD loaded or applied, no XML_PARSE_HUGE (libxml2 then keeps its
 * depth and entity limits), nothing printed; the encoding the feed
 * declares is ignored as scotl converted the text to UTF-8. */
#define FEED_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA)

/* How far into UTF-16 text the sniff looks for the root element. */
#define FEED_SNIFF_MAX 65536

#define FEED_NS_ATOM10 "http://www.w3.org/2005/Atom"
#define FEED_NS_ATOM03 "http://purl.org/atom/ns#"
#define FEED_NS_DC "http://purl.org/dc/elements/1.1/"
#define FEED_NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

/* --- the sniff ---------------------------------------------------------- */

static const char *
feed_find(const char *p, const char *end, const char *what)
{
	size_t n = strlen(what);

	for (; p + n <= end; p++)
		if (memcmp(p, what, n) == 0)
			return p;
	return NULL;
}

static int
feed_prefix(const char *p, const char *end, const char *what)
{
	size_t n = strlen(what);

	return (size_t)(end - p) >= n && strncasecmp(p, what, n) == 0;
}

/* The encoding="..." of the XML declaration from P to END. */
static void
feed_declared(const char *p, const char *end, char *out, size_t size)
{
	const char *q = feed_find(p, end, "encoding");
	size_t n = 0;
	char quote;

	if (q == NULL || size == 0)
		return;
	for (q += 8; q < end && (isspace((unsigned char)*q) || *q == '='); q++)
		;
	if (q >= end || (*q != '"' && *q != '\''))
		return;
	quote = *q++;
	while (q < end && *q != quote && n + 1 < size)
		out[n++] = *q++;
	out[n] = '\0';
}

/* Past what may come before the root: the declaration, processing
 * instructions, comments, a document type with its internal subset. */
static const char *
feed_prolog(const char *p, const char *end, char *declared, size_t size)
{
	const char *q;

	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (feed_prefix(p, end, "<?xml ")) {
			if ((q = feed_find(p, end, "?>")) == NULL)
				return end;
			feed_declared(p, q, declared, size);
			p = q + 2;
		} else if (feed_prefix(p, end, "<?")) {
			q = feed_find(p, end, "?>");
			p = q ? q + 2 : end;
		} else if (feed_prefix(p, end, "<!--")) {
			q = feed_find(p, end, "-->");
			p = q ? q + 3 : end;
		} else if (feed_prefix(p, end, "<!doctype")) {
			q = feed_find(p, end, ">");
			if (q != NULL && memchr(p, '[', (size_t)(q - p)) != NULL &&
			    (q = feed_find(p, end, "]")) != NULL)
				q = feed_find(q, end, ">");
			p = q ? q + 1 : end;
		} else {
			return p;
		}
	}
}

/* The first code units of UTF-16 text after its byte-order mark, one
 * byte each (what is not ASCII becomes 0x80): enough to sniff the root
 * element, which is ASCII. The caller frees it. */
static char *
feed_narrow(const char *s, size_t len, size_t *n)
{
	int big = s[0] == '\xfe';
	size_t i, max = len > FEED_SNIFF_MAX ? FEED_SNIFF_MAX : len;
	unsigned hi, lo;
	char *out = xmalloc(max / 2 + 1);

	*n = 0;
	for (i = 2; i + 1 < max; i += 2) {
		hi = (unsigned char)s[i + !big];
		lo = (unsigned char)s[i + big];
		out[(*n)++] = hi == 0 && lo < 0x80 ? (char)lo : '\x80';
	}
	return out;
}

static int
feed_sniff_utf16(const char *s, size_t len)
{
	size_t n;
	char *narrow = feed_narrow(s, len, &n), declared[8];
	int found = feed_sniff(narrow, n, declared, sizeof declared);

	free(narrow);
	return found;
}

int
feed_sniff(const char *s, size_t len, char *declared, size_t size)
{
	const char *p = s, *end = s + len, *name, *local;
	size_t n;

	if (size > 0)
		declared[0] = '\0';
	/* A byte-order mark decides the charset, whatever is declared. */
	if (len >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0))
		return feed_sniff_utf16(s, len);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	p = feed_prolog(p, end, declared, size);
	if (p >= end || *p++ != '<')
		return 0;
	for (name = local = p; p < end && (isalnum((unsigned char)*p) ||
	    *p == ':' || *p == '_' || *p == '-' || *p == '.'); p++)
		if (*p == ':')
			local = p + 1;
	if (p >= end || !(isspace((unsigned char)*p) || *p == '>' || *p == '/'))
		return 0;
	n = (size_t)(p - local);
	return (local == name && n == 3 && memcmp(local, "rss", 3) == 0) ||
	    (local != name && n == 3 && memcmp(local, "RDF", 3) == 0) ||
	    (n == 4 && memcmp(local, "feed", 4) == 0);
}

/* --- dates --------------------------------------------------------------- */

static const char *
feed_skip(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* MIN to MAX digits at *P. */
static int
feed_number(const char **p, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n >= min ? n : -1;
}

/* An English month name, short or long: 1 to 12, 0 when none. */
static int
feed_month(const char **p)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int i;

	for (i = 0; i < 12; i++)
		if (strncasecmp(*p, names + 3 * i, 3) == 0) {
			while (isalpha((unsigned char)**p))
				(*p)++;
			if (**p == '.')
				(*p)++;
			return i + 1;
		}
	return 0;
}

static int
feed_day(int y, int m, int d, char out[11])
{
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month(y, m))
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return 0;
}

/* HH:MM, :SS and a fraction optional. */
static int
feed_time(const char **p)
{
	int h, m, s = 0;

	if (feed_number(p, 1, 2, &h) < 0 || **p != ':')
		return -1;
	(*p)++;
	if (feed_number(p, 2, 2, &m) < 0)
		return -1;
	if (**p == ':') {
		(*p)++;
		if (feed_number(p, 2, 2, &s) < 0)
			return -1;
		if (**p == '.' || **p == ',')
			for ((*p)++; isdigit((unsigned char)**p); (*p)++)
				;
	}
	return h <= 24 && m <= 59 && s <= 60 ? 0 : -1;
}

/* What may follow a time to the end: a zone as an offset (+0900,
 * +09:00, -05) or a name (GMT, UT, Z, EST, MSK...), a comment. */
static int
feed_zone(const char *p)
{
	int hh, mm = 0, n = 0;

	p = feed_skip(p);
	if (*p == '+' || *p == '-') {
		p++;
		if ((n = feed_number(&p, 2, 4, &hh)) < 0 || n == 3)
			return -1;
		if (n == 2 && *p == ':') {
			p++;
			if (feed_number(&p, 2, 2, &mm) < 0)
				return -1;
		}
	} else {
		while (isalpha((unsigned char)*p) && n < 5) {
			p++;
			n++;
		}
		if (isalpha((unsigned char)*p))
			return -1;
	}
	p = feed_skip(p);
	if (*p == '(' && strchr(p, ')') != NULL)
		p = feed_skip(strchr(p, ')') + 1);
	return *p == '\0' ? 0 : -1;
}

/* [Weekday[,]] D Mon YY[YY] [HH:MM[:SS] [zone]]: RFC 822 as feeds write
 * it, with two-digit years (RFC 2822's rule: below 50 is 20xx), no
 * weekday, one-digit days, long month names, a zone stuck to the time. */
static int
feed_date_rfc822(const char *s, char out[11])
{
	const char *p = feed_skip(s);
	int d, m, y, n;

	if (isalpha((unsigned char)*p)) {
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',' || *p == '.')
			p++;
		p = feed_skip(p);
	}
	if (feed_number(&p, 1, 2, &d) < 0)
		return -1;
	p = feed_skip(*p == '-' ? p + 1 : p);
	if ((m = feed_month(&p)) == 0)
		return -1;
	p = feed_skip(*p == '-' ? p + 1 : p);
	if ((n = feed_number(&p, 2, 4, &y)) < 0 || isdigit((unsigned char)*p))
		return -1;
	if (n == 2)
		y += y < 50 ? 2000 : 1900;
	else if (n == 3)
		y += 1900;
	p = feed_skip(p);
	if (*p != '\0' && (feed_time(&p) != 0 || feed_zone(p) != 0))
		return -1;
	return feed_day(y, m, d, out);
}

/* YYYY-MM-DD, then T (or a space) and a time with its zone, or not. */
static int
feed_date_iso(const char *s, char out[11])
{
	const char *p = feed_skip(s);
	int y, m, d;

	if (feed_number(&p, 4, 4, &y) < 0 || *p++ != '-' ||
	    feed_number(&p, 2, 2, &m) < 0 || *p++ != '-' ||
	    feed_number(&p, 2, 2, &d) < 0)
		return -1;
	if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
		p++;
		if (feed_time(&p) != 0)
			return -1;
		if (*p == 'Z' || *p == 'z')
			p++;
		else if ((*p == '+' || *p == '-') && feed_zone(p) != 0)
			return -1;
		else if (*p == '+' || *p == '-')
			p += strlen(p);
	}
	if (*feed_skip(p) != '\0')
		return -1;
	return feed_day(y, m, d, out);
}

/* The day as the feed wrote it, in the publisher's own zone: the date
 * the item carries, as a page's dateline would. */
int
feed_date(const char *text, char out[11])
{
	const char *p = feed_skip(text);

	out[0] = '\0';
	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
	    p[4] == '-')
		return feed_date_iso(p, out);
	return feed_date_rfc822(p, out);
}

/* --- the tree ------------------------------------------------------------ */

static int
feed_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static const char *
feed_ns(const xmlNode *n)
{
	return n->ns != NULL && n->ns->href != NULL ?
	    (const char *)n->ns->href : "";
}

/* An element of the item's own vocabulary: in the item's namespace (an
 * RSS 2.0 item's <media:title> is not its title). */
static int
feed_core(const xmlNode *n, const xmlNode *item, const char *name)
{
	return feed_is(n, name) && strcmp(feed_ns(n), feed_ns(item)) == 0;
}

static int
feed_in(const xmlNode *n, const char *ns, const char *name)
{
	return feed_is(n, name) && strcmp(feed_ns(n), ns) == 0;
}

/* The text of N and its descendants; entity references are skipped (an
 * external one is never read, an internal one is left out). */
static void
feed_text_into(const xmlNode *n, struct buf *b)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
			buf_adds(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			feed_text_into(c, b);
}

/* A new string without the spaces around it; NULL when nothing is left. */
static char *
feed_trim(const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return len > 0 ? xstrndup(s, len) : NULL;
}

static char *
feed_text(const xmlNode *n)
{
	struct buf b;
	char *s;

	buf_init(&b);
	feed_text_into(n, &b);
	s = feed_trim(b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* The children of an inline XHTML content, as markup. */
static char *
feed_markup(const xmlNode *n)
{
	xmlBufferPtr xb = xmlBufferCreate();
	xmlNode *c;
	char *s;

	if (xb == NULL)
		util_out_of_memory(0);
	for (c = n->children; c != NULL; c = c->next)
		xmlNodeDump(xb, n->doc, c, 0, 0);
	s = feed_trim((const char *)xmlBufferContent(xb),
	    (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
	return s;
}

static int
feed_attr_is(const xmlNode *n, const char *attr, const char *value)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	int is = v != NULL && strcasecmp((const char *)v, value) == 0;

	xmlFree(v);
	return is;
}

static int
feed_has_attr(const xmlNode *n, const char *attr)
{
	return xmlHasProp(n, (const xmlChar *)attr) != NULL;
}

enum feed_kind { FEED_TEXT, FEED_HTML, FEED_XHTML, FEED_NONE };

/* What an Atom text construct holds, by its type (and Atom 0.3's mode). */
static enum feed_kind
feed_atom_kind(const xmlNode *n)
{
	if (feed_has_attr(n, "src") || feed_attr_is(n, "mode", "base64"))
		return FEED_NONE;
	if (feed_attr_is(n, "type", "xhtml") ||
	    feed_attr_is(n, "type", "application/xhtml+xml"))
		return feed_attr_is(n, "mode", "escaped") ? FEED_HTML : FEED_XHTML;
	if (feed_attr_is(n, "type", "html") || feed_attr_is(n, "type", "text/html"))
		return feed_attr_is(n, "mode", "xml") ? FEED_XHTML : FEED_HTML;
	return FEED_TEXT;
}

/* Text that carries markup or entities, as descriptions often do
 * whatever they say they are. */
static int
feed_looks_html(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if ((*p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/' ||
		    p[1] == '!')) || (*p == '&' && (isalpha((unsigned char)p[1]) ||
		    p[1] == '#') && memchr(p, ';', strnlen(p, 12)) != NULL))
			return 1;
	return 0;
}

/* The body N holds, as text or markup; *html says which. */
static char *
feed_body(const xmlNode *n, enum feed_kind kind, int *html)
{
	char *s = NULL;

	switch (kind) {
	case FEED_XHTML:
		s = feed_markup(n);
		*html = 1;
		break;
	case FEED_HTML:
		s = feed_text(n);
		*html = 1;
		break;
	case FEED_TEXT:
		s = feed_text(n);
		*html = s != NULL && feed_looks_html(s);
		break;
	case FEED_NONE:
		break;
	}
	return s;
}

static void
feed_set(char **field, char *value)
{
	if (*field == NULL)
		*field = value;
	else
		free(value);
}

/* What an item says of itself as it is read: the dates and bodies come
 * in order of preference, whatever order the feed writes them in. */
struct feed_reading {
	char *published, *updated;
	char *content, *summary;
	int content_html, summary_html;
};

static void
feed_read_author(const xmlNode *c, const xmlNode *it, struct feed_item *f)
{
	const xmlNode *name;

	for (name = c->children; name != NULL; name = name->next)
		if (feed_core(name, it, "name")) {
			feed_set(&f->author, feed_text(name));
			return;
		}
	feed_set(&f->author, feed_text(c));
}

static void
feed_read_link(const xmlNode *c, struct feed_item *f)
{
	xmlChar *href;

	if (!feed_has_attr(c, "href")) {
		feed_set(&f->link, feed_text(c));
		return;
	}
	if (feed_has_attr(c, "rel") && !feed_attr_is(c, "rel", "alternate"))
		return;
	href = xmlGetProp(c, (const xmlChar *)"href");
	feed_set(&f->link, feed_trim((const char *)href, strlen((char *)href)));
	xmlFree(href);
}

static void
feed_read_body(const xmlNode *c, const xmlNode *it, struct feed_reading *r)
{
	int html = 0;

	if (feed_in(c, FEED_NS_CONTENT, "encoded") && r->content == NULL) {
		r->content = feed_body(c, FEED_HTML, &r->content_html);
	} else if (feed_core(c, it, "content") && r->content == NULL) {
		r->content = feed_body(c, feed_atom_kind(c), &r->content_html);
	} else if ((feed_core(c, it, "description") ||
	    feed_core(c, it, "summary")) && r->summary == NULL) {
		r->summary = feed_body(c, feed_atom_kind(c), &html);
		r->summary_html = html;
	}
}

static void
feed_read_child(const xmlNode *c, const xmlNode *it, struct feed_item *f,
    struct feed_reading *r)
{
	if (feed_core(c, it, "title")) {
		f->title_html = feed_atom_kind(c) != FEED_TEXT;
		feed_set(&f->title, f->title_html && feed_atom_kind(c) == FEED_XHTML ?
		    feed_markup(c) : feed_text(c));
	} else if (feed_core(c, it, "link")) {
		feed_read_link(c, f);
	} else if (feed_core(c, it, "guid") || feed_core(c, it, "id")) {
		feed_set(&f->key, feed_text(c));
	} else if (feed_core(c, it, "pubDate") || feed_core(c, it, "published") ||
	    feed_core(c, it, "issued") || feed_core(c, it, "created") ||
	    feed_in(c, FEED_NS_DC, "date")) {
		feed_set(&r->published, feed_text(c));
	} else if (feed_core(c, it, "updated") || feed_core(c, it, "modified")) {
		feed_set(&r->updated, feed_text(c));
	} else if (feed_core(c, it, "author")) {
		feed_read_author(c, it, f);
	} else if (feed_in(c, FEED_NS_DC, "creator")) {
		feed_set(&f->author, feed_text(c));
	} else {
		feed_read_body(c, it, r);
	}
}

static void
feed_read_item(const xmlNode *it, struct feed_item *f)
{
	struct feed_reading r;
	const xmlNode *c;
	char day[11];

	memset(&r, 0, sizeof r);
	for (c = it->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			feed_read_child(c, it, f, &r);
	f->date_text = r.published ? r.published : r.updated;
	free(r.published ? r.updated : NULL);
	if (f->date_text != NULL && feed_date(f->date_text, day) == 0)
		f->date = xstrdup(day);
	f->body = r.content ? r.content : r.summary;
	f->body_html = r.content ? r.content_html : r.summary_html;
	free(r.content ? r.summary : NULL);
	if (f->key == NULL && f->link != NULL)
		f->key = xstrdup(f->link);
}

static void
feed_add_item(struct feed *f, const xmlNode *it, int *cap)
{
	f->items = xgrow(f->items, f->n, cap, sizeof *f->items);
	memset(&f->items[f->n], 0, sizeof f->items[f->n]);
	feed_read_item(it, &f->items[f->n++]);
}

/* The channel's (or Atom feed's) title, and the items in it. */
static void
feed_read_container(struct feed *f, const xmlNode *box, const char *item,
    int *cap)
{
	const xmlNode *c;

	for (c = box->children; c != NULL; c = c->next)
		if (feed_core(c, box, "title") && f->title == NULL)
			f->title = feed_text(c);
		else if (feed_core(c, box, item))
			feed_add_item(f, c, cap);
}

static int
feed_read_root(struct feed *f, const xmlNode *root, struct err *e)
{
	const xmlNode *c;
	int cap = 0;

	if (feed_is(root, "rss")) {
		f->kind = "RSS";
		for (c = root->children; c != NULL; c = c->next)
			if (feed_core(c, root, "channel"))
				feed_read_container(f, c, "item", &cap);
			else if (feed_core(c, root, "item"))
				feed_add_item(f, c, &cap);
	} else if (feed_is(root, "RDF")) {
		f->kind = "RSS 1.0";
		for (c = root->children; c != NULL; c = c->next)
			if (feed_is(c, "channel"))
				feed_read_container(f, c, "item", &cap);
			else if (feed_is(c, "item"))
				feed_add_item(f, c, &cap);
	} else if (feed_in(root, FEED_NS_ATOM10, "feed") ||
	    feed_in(root, FEED_NS_ATOM03, "feed")) {
		f->kind = strcmp(feed_ns(root), FEED_NS_ATOM10) == 0 ?
		    "Atom 1.0" : "Atom 0.3";
		feed_read_container(f, root, "entry", &cap);
	} else {
		err_set(e, "not a feed: the root element <%s> is not RSS's or "
		    "Atom's", (const char *)root->name);
		return -1;
	}
	return 0;
}

/* --- parsing ------------------------------------------------------------- */

/* The first of libxml2's messages, kept for the user instead of printed. */
struct feed_errors {
	char msg[160];
	int line;
	int n;
};

#if LIBXML_VERSION >= 21200
static void
feed_on_error(void *data, const xmlError *err)
#else
static void
feed_on_error(void *data, xmlErrorPtr err)
#endif
{
	struct feed_errors *fe = data;
	size_t n;

	if (fe->n++ > 0 || err == NULL || err->message == NULL)
		return;
	snprintf(fe->msg, sizeof fe->msg, "%s", err->message);
	n = strlen(fe->msg);
	while (n > 0 && isspace((unsigned char)fe->msg[n - 1]))
		fe->msg[--n] = '\0';
	fe->line = err->line;
}

int
feed_parse(const char *utf8, size_t len, struct feed *f, struct err *e)
{
	struct feed_errors fe;
	xmlDocPtr doc;
	xmlNode *root;
	int rc;

	memset(f, 0, sizeof *f);
	memset(&fe, 0, sizeof fe);
	if (len > INT_MAX) {
		err_set(e, "the feed is too large to parse");
		return -1;
	}
	xmlSetStructuredErrorFunc(&fe, feed_on_error);
	doc = xmlReadMemory(utf8, (int)len, NULL, "UTF-8", FEED_XML_OPTIONS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		err_set(e, "not well-formed XML: line %d: %s", fe.line,
		    fe.msg[0] ? fe.msg : "no root element");
		xmlFreeDoc(doc);
		return -1;
	}
	rc = feed_read_root(f, root, e);
	xmlFreeDoc(doc);
	if (rc != 0)
		feed_free(f);
	return rc;
}

void
feed_free(struct feed *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		struct feed_item *it = &f->items[i];

		free(it->title);
		free(it->link);
		free(it->date);
		free(it->date_text);
		free(it->author);
		free(it->key);
		free(it->body);
	}
	free(f->items);
	free(f->title);
	memset(f, 0, sizeof *f);
}
