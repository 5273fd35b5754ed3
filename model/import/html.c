/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include "import/html.h"

/* HTML_PARSE_RECOVER: a script ends only at its own end tag, not at the
 * first "</a" in one of its strings (which would show the rest of the
 * script as text). */
#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | \
	HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT)

/* --- parsing ------------------------------------------------------------- */

/* Errors are counted and the first kept, never printed. */
static void
html_error(void *data, xmlErrorPtr err)
{
	struct html_report *rep = data;

	if (rep == NULL || err == NULL)
		return;
	if (rep->errors++ == 0) {
		rep->first_line = err->line;
		rep->first_code = err->code;
	}
}

/* An element deeper than HTML_DEPTH is taken off the parser's stack of
 * open elements as soon as it opens: what it holds goes to its parent,
 * and the stack stays short. libxml2 would otherwise stop the parse at
 * 256 (losing the rest of the page), or, with a deep stack, look through
 * all of it for every end tag that matches none (quadratic time). */
static void
html_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	htmlParserCtxtPtr c = ctx;
	struct html_report *rep = c->_private;

	if (c->nodeNr >= HTML_DEPTH && c->nameNr > 1 &&
	    c->nameTab[c->nameNr - 1] == name) {
		c->nameNr--;
		c->name = c->nameTab[c->nameNr - 1];
		c->nameTab[c->nameNr] = NULL;
		if (rep != NULL)
			rep->folded++;
		return;
	}
	xmlSAX2StartElement(ctx, name, atts);
}

static htmlDocPtr
html_read(const char *s, size_t len, const char *encoding,
    struct html_report *rep)
{
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_data = xmlStructuredErrorContext;
	htmlParserCtxtPtr c;
	htmlDocPtr doc;

	if (len == 0 || len > INT_MAX || (c = htmlNewParserCtxt()) == NULL)
		return NULL;
	c->_private = rep;
	c->sax->startElement = html_start;
	/* The HTML parser reports through the global handler only. */
	xmlSetStructuredErrorFunc(rep, html_error);
	doc = htmlCtxtReadMemory(c, s, (int)len, NULL, encoding, HTML_OPTIONS);
	xmlSetStructuredErrorFunc(saved_data, saved);
	htmlFreeParserCtxt(c);
	return doc;
}

htmlDocPtr
html_parse(const char *s, size_t len, struct html_report *rep)
{
	if (rep != NULL)
		memset(rep, 0, sizeof *rep);
	return html_read(s, len, "UTF-8", rep);
}

/* --- the text ------------------------------------------------------------ */

static int
html_is(const xmlChar *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp((const char *)name, *list) == 0)
			return 1;
	return 0;
}

/* Not shown, or not text: left out with what they hold. */
static const char *const html_hidden[] = {
	"head", "title", "script", "style", "noscript", "template", "svg",
	"math", "button", "select", "textarea", "iframe", NULL,
};

/* The page's chrome; a footer in an article or quotation is its own. */
static const char *const html_chrome[] = { "nav", "aside", "footer", NULL };

static const char *const html_blocks[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
	"dl", "dd", "dt", "tr", "table", "caption", "article", "section",
	"header", "footer", "main", "aside", "nav", "blockquote", "figure",
	"figcaption", "pre", "hr", "address", "center", "details", "summary",
	"fieldset", "legend", "form", "hgroup", "menu", "body", NULL,
};

static const char *const html_cells[] = { "td", "th", NULL };

/* Appends a space unless the text is empty or already ends with one. */
static void
html_space(struct buf *out)
{
	if (out->len > 0 && out->data[out->len - 1] != ' ' &&
	    out->data[out->len - 1] != '\n')
		buf_addc(out, ' ');
}

static void
html_trim_spaces(struct buf *out)
{
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

static void
html_line(struct buf *out)
{
	html_trim_spaces(out);
	if (out->len > 0 && out->data[out->len - 1] != '\n')
		buf_addc(out, '\n');
}

static void
html_paragraph(struct buf *out)
{
	html_line(out);
	if (out->len > 0 && (out->len < 2 || out->data[out->len - 2] != '\n'))
		buf_addc(out, '\n');
}

/* Text with its white space (and no-break spaces) run into one space. */
static void
html_chars(struct buf *out, const xmlChar *t)
{
	const unsigned char *p = t, *run;

	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f') {
			html_space(out);
			p++;
		} else if (p[0] == 0xc2 && p[1] == 0xa0) {
			html_space(out);
			p += 2;
		} else {
			for (run = p; *p > ' ' && *p != 0xc2; p++)
				;
			if (p == run)
				p++;
			buf_add(out, (const char *)run, (size_t)(p - run));
		}
	}
}

static int
html_named(xmlNodePtr n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

static void html_walk(xmlNodePtr n, struct buf *out, int kept_footer,
    html_keep_fn *keep, void *data);

static void
html_element(xmlNodePtr n, struct buf *out, int kept_footer,
    html_keep_fn *keep, void *data)
{
	int block = html_is(n->name, html_blocks);

	if (html_is(n->name, html_hidden))
		return;
	if (html_is(n->name, html_chrome) && !(kept_footer &&
	    html_named(n, "footer"))) {
		html_paragraph(out);
		return;
	}
	if (keep != NULL && !keep(n, data)) {
		if (block)
			html_paragraph(out);
		else
			html_space(out);
		return;
	}
	if (html_named(n, "br")) {
		html_line(out);
		return;
	}
	if (block)
		html_paragraph(out);
	else if (html_is(n->name, html_cells))
		html_space(out);
	html_walk(n->children, out, kept_footer || html_named(n, "article") ||
	    html_named(n, "blockquote"), keep, data);
	if (block)
		html_paragraph(out);
}

static void
html_walk(xmlNodePtr n, struct buf *out, int kept_footer, html_keep_fn *keep,
    void *data)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				html_chars(out, n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			html_element(n, out, kept_footer, keep, data);
		}
	}
}

int
html_is_block(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && html_is(n->name, html_blocks);
}

int
html_is_hidden(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && html_is(n->name, html_hidden);
}

void
html_text_of(xmlNodePtr n, struct buf *out, html_keep_fn *keep, void *data)
{
	xmlNodePtr up;
	int kept_footer = 0;

	for (up = n->parent; up != NULL && up->type == XML_ELEMENT_NODE;
	    up = up->parent)
		if (html_named(up, "article") || html_named(up, "blockquote"))
			kept_footer = 1;
	html_paragraph(out);
	if (n->type == XML_ELEMENT_NODE)
		html_element(n, out, kept_footer, keep, data);
	html_paragraph(out);
}

void
html_text_end(struct buf *out)
{
	html_trim_spaces(out);
	while (out->len > 0 && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	if (out->data == NULL)
		buf_add(out, "", 0);
}

/* The first <title> outside an SVG picture. */
static xmlNodePtr
html_find_title(xmlNodePtr n)
{
	xmlNodePtr t;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "svg") == 0)
			continue;
		if (strcmp((const char *)n->name, "title") == 0)
			return n;
		if ((t = html_find_title(n->children)) != NULL)
			return t;
	}
	return NULL;
}

char *
html_title(htmlDocPtr doc)
{
	xmlNodePtr t = html_find_title(xmlDocGetRootElement(doc));
	xmlChar *s;
	struct buf b;

	if (doc == NULL || t == NULL)
		return NULL;
	buf_init(&b);
	if ((s = xmlNodeGetContent(t)) != NULL)
		html_chars(&b, s);
	xmlFree(s);
	html_trim_spaces(&b);
	/* An empty title is none: the importer then takes the first line. */
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

void
html_text(htmlDocPtr doc, struct buf *out, char **title)
{
	*title = doc != NULL ? html_title(doc) : NULL;
	if (doc != NULL)
		html_walk(xmlDocGetRootElement(doc), out, 0, NULL, NULL);
	html_text_end(out);
}

/* --- the declared charset ---------------------------------------------- */

static int
html_label_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == ':';
}

/* Copies the label at S (up to a character that cannot be in one) when
 * it ends where it should (END: quote, space, ';' or the end). */
static int
html_label(const char *s, size_t len, const char *end, char *out,
    size_t size)
{
	size_t n = 0;

	while (n < len && html_label_char((unsigned char)s[n]))
		n++;
	if (n == 0 || n >= size || (n < len && strchr(end, s[n]) == NULL))
		return 0;
	memcpy(out, s, n);
	out[n] = '\0';
	return 1;
}

static const char *
html_skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r' || *p == '\f'))
		p++;
	return p;
}

/* The encoding of an XML declaration, which must open the file. */
static int
html_xml_encoding(const char *s, size_t len, char *out, size_t size)
{
	const char *end, *p, *q;
	char quote;

	if (len < 6 || memcmp(s, "<?xml", 5) != 0 || strchr(" \t\r\n", s[5]) == NULL)
		return 0;
	end = s + (len > 256 ? 256 : len);
	for (q = s; q + 1 < end && !(q[0] == '?' && q[1] == '>'); q++)
		;
	for (p = s + 5; p + 8 <= q; p++) {
		if (memcmp(p, "encoding", 8) != 0)
			continue;
		p = html_skip_space(p + 8, q);
		if (p >= q || *p != '=')
			return 0;
		p = html_skip_space(p + 1, q);
		if (p >= q || (*p != '"' && *p != '\''))
			return 0;
		quote = *p++;
		return html_label(p, (size_t)(q - p), quote == '"' ? "\"" : "'",
		    out, size);
	}
	return 0;
}

/* The charset in a Content-Type's value, as the HTML standard reads it
 * ("extracting a character encoding from a meta element"). */
static int
html_content_charset(const char *s, char *out, size_t size)
{
	const char *end = s + strlen(s), *p = s;

	while (end - p >= 7) {
		if (strncasecmp(p, "charset", 7) != 0) {
			p++;
			continue;
		}
		p = html_skip_space(p + 7, end);
		if (p >= end || *p != '=')
			continue;
		p = html_skip_space(p + 1, end);
		if (p < end && (*p == '"' || *p == '\''))
			return html_label(p + 1, (size_t)(end - p - 1),
			    *p == '"' ? "\"" : "'", out, size) &&
			    strchr(p + 1, *p) != NULL;
		return html_label(p, (size_t)(end - p), " \t\r\n\f;", out, size);
	}
	return 0;
}

static int
html_meta_charset(xmlNodePtr m, char *out, size_t size)
{
	xmlChar *cs = xmlGetProp(m, BAD_CAST "charset");
	xmlChar *equiv = xmlGetProp(m, BAD_CAST "http-equiv");
	xmlChar *content = xmlGetProp(m, BAD_CAST "content");
	const char *p;
	int found = 0;

	if (cs != NULL) {
		p = html_skip_space((const char *)cs, (const char *)cs +
		    strlen((const char *)cs));
		found = html_label(p, strlen(p), " \t\r\n\f", out, size);
	} else if (equiv != NULL && content != NULL &&
	    strcasecmp((const char *)equiv, "content-type") == 0) {
		found = html_content_charset((const char *)content, out, size);
	}
	xmlFree(cs);
	xmlFree(equiv);
	xmlFree(content);
	return found;
}

static int
html_find_meta(xmlNodePtr n, char *out, size_t size)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "meta") == 0 &&
		    html_meta_charset(n, out, size))
			return 1;
		if (html_find_meta(n->children, out, size))
			return 1;
	}
	return 0;
}

void
html_charset(const char *s, size_t len, char *out, size_t size)
{
	size_t n = len > HTML_PRESCAN ? HTML_PRESCAN : len;
	htmlDocPtr doc;

	out[0] = '\0';
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		return;                 /* a byte-order mark says it all */
	if (html_xml_encoding(s, len, out, size))
		return;
	/* A tag cut off at the window's edge would give half a label. */
	while (n > 0 && n < len && s[n - 1] != '>')
		n--;
	/* ISO-8859-1 takes any byte, so the parse never fails on the
	 * charset it is looking for. */
	if ((doc = html_read(s, n, "ISO-8859-1", NULL)) == NULL)
		return;
	if (!html_find_meta(xmlDocGetRootElement(doc), out, size))
		out[0] = '\0';
	xmlFreeDoc(doc);
}
