/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scotl/text.h"

long
text_sanitise(const char *s, size_t len, struct buf *out)
{
	unsigned long cp;
	long removed = 0;
	size_t i = 0, n;

	while (i < len) {
		n = util_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			/* The caller validated; be safe anyway. */
			buf_adds(out, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (cp == '\r') {
			buf_addc(out, '\n');
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else if (util_is_control(cp) || util_is_hidden(cp)) {
			removed++;
		} else {
			buf_add(out, s + i, n);
		}
		i += n;
	}
	if (out->data == NULL)
		buf_add(out, "", 0);
	return removed;
}

/* --- HTML ------------------------------------------------------------ */

static int
text_ci_prefix(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);

	return len >= n && strncasecmp(s, word, n) == 0;
}

static const char *
text_ci_find(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word), i;

	for (i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, word, n) == 0)
			return s + i;
	return NULL;
}

int
text_is_html(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	return text_ci_prefix(s + i, len - i, "<!doctype html") ||
	    text_ci_prefix(s + i, len - i, "<html") ||
	    (text_ci_prefix(s + i, len - i, "<") &&
	    text_ci_find(s + i, len - i > 4096 ? 4096 : len - i, "<body") != NULL);
}

void
text_html_charset(const char *s, size_t len, char *out, size_t size)
{
	const char *p = s, *end = s + (len > 16384 ? 16384 : len), *q;
	size_t n;

	out[0] = '\0';
	while ((p = text_ci_find(p, (size_t)(end - p), "charset")) != NULL) {
		p += 7;
		while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
			p++;
		for (q = p; q < end && (isalnum((unsigned char)*q) || *q == '-' ||
		    *q == '_'); q++)
			;
		n = (size_t)(q - p);
		if (n > 0 && n < size) {
			memcpy(out, p, n);
			out[n] = '\0';
			return;
		}
	}
}

static const struct {
	const char *name;
	const char *utf8;
} text_entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", " " }, { "mdash", "\xe2\x80\x94" },
	{ "ndash", "\xe2\x80\x93" }, { "lsquo", "\xe2\x80\x98" },
	{ "rsquo", "\xe2\x80\x99" }, { "ldquo", "\xe2\x80\x9c" },
	{ "rdquo", "\xe2\x80\x9d" }, { "hellip", "\xe2\x80\xa6" },
	{ "laquo", "\xc2\xab" }, { "raquo", "\xc2\xbb" }, { "copy", "\xc2\xa9" },
	{ "eacute", "\xc3\xa9" }, { "uuml", "\xc3\xbc" }, { "ouml", "\xc3\xb6" },
	{ "auml", "\xc3\xa4" }, { "shy", "" }, { "zwj", "" }, { "zwnj", "" },
};

static void
text_put_cp(struct buf *out, unsigned long cp)
{
	char b[4];

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		buf_addc(out, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(out, b, 4);
	}
}

/* Decodes the entity at s ('&' first); returns the bytes it took, or 0
 * when it is not one (the '&' then stands as written). */
static size_t
text_entity(const char *s, size_t len, struct buf *out)
{
	size_t i, n;
	unsigned long cp = 0;

	if (len > 2 && s[1] == '#') {
		int hex = s[2] == 'x' || s[2] == 'X';

		for (i = hex ? 3 : 2; i < len && i < 12 && isxdigit((unsigned char)s[i]);
		    i++) {
			if (!hex && !isdigit((unsigned char)s[i]))
				break;
			cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)s[i]) ?
			    s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10));
		}
		if (i == (size_t)(hex ? 3 : 2) || i >= len || s[i] != ';')
			return 0;
		text_put_cp(out, cp);
		return i + 1;
	}
	for (i = 0; i < sizeof text_entities / sizeof *text_entities; i++) {
		n = strlen(text_entities[i].name);
		if (len > n + 1 && strncmp(s + 1, text_entities[i].name, n) == 0 &&
		    s[n + 1] == ';') {
			buf_adds(out, text_entities[i].utf8);
			return n + 2;
		}
	}
	return 0;
}

static int
text_is_block(const char *tag, size_t n)
{
	static const char *const blocks[] = {
		"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
		"ol", "tr", "table", "article", "section", "header", "footer",
		"blockquote", "main", "aside", "nav", "figure", "figcaption", "pre",
		"hr", "dd", "dt",
	};
	size_t i;

	for (i = 0; i < sizeof blocks / sizeof *blocks; i++)
		if (strlen(blocks[i]) == n && strncasecmp(tag, blocks[i], n) == 0)
			return 1;
	return 0;
}

/* Appends a space unless the text already ends with white space. */
static void
text_space(struct buf *out)
{
	if (out->len > 0 && out->data[out->len - 1] != ' ' &&
	    out->data[out->len - 1] != '\n')
		buf_addc(out, ' ');
}

static void
text_paragraph(struct buf *out)
{
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->len--;
	if (out->len == 0)
		return;
	if (out->data[out->len - 1] != '\n')
		buf_addc(out, '\n');
	if (out->len < 2 || out->data[out->len - 2] != '\n')
		buf_addc(out, '\n');
	out->data[out->len] = '\0';
}

/* Elements whose content is not the article: code, styles, and the
 * page's navigation, asides, footers and forms. */
static int
text_is_skipped(const char *tag, size_t n)
{
	static const char *const skipped[] = {
		"script", "style", "nav", "aside", "footer", "form", "noscript",
		"svg", "button", "select", "template", "iframe",
	};
	size_t i;

	for (i = 0; i < sizeof skipped / sizeof *skipped; i++)
		if (strlen(skipped[i]) == n && strncasecmp(tag, skipped[i], n) == 0)
			return 1;
	return 0;
}

/* Skips an element whose content is not text, to its closing tag. */
static size_t
text_skip_element(const char *s, size_t len, size_t i, const char *name)
{
	char close[16];
	const char *end;

	snprintf(close, sizeof close, "</%s", name);
	end = text_ci_find(s + i, len - i, close);
	if (end == NULL)
		return len;
	end = memchr(end, '>', (size_t)(s + len - end));
	return end ? (size_t)(end - s) + 1 : len;
}

void
text_html_reduce(const char *s, size_t len, struct buf *out, char **title)
{
	size_t i = 0, n, tag_start;
	const char *gt;

	*title = NULL;
	while (i < len) {
		if (s[i] == '<') {
			if (text_ci_prefix(s + i, len - i, "<!--")) {
				const char *end = text_ci_find(s + i, len - i, "-->");

				i = end ? (size_t)(end - s) + 3 : len;
				continue;
			}
			tag_start = i + 1 + (i + 1 < len && s[i + 1] == '/');
			for (n = 0; tag_start + n < len &&
			    isalnum((unsigned char)s[tag_start + n]); n++)
				;
			gt = memchr(s + i, '>', len - i);
			if (gt == NULL)
				break;
			if (s[i + 1] != '/' && text_is_skipped(s + tag_start, n)) {
				char name[16];

				snprintf(name, sizeof name, "%.*s", (int)n, s + tag_start);
				i = text_skip_element(s, len, i, name);
				text_paragraph(out);
			} else if (s[i + 1] != '/' && n == 5 && strncasecmp(s + tag_start, "title", 5) == 0) {
				const char *from = gt + 1;
				const char *to = text_ci_find(from, (size_t)(s + len - from), "</title");
				struct buf t;

				buf_init(&t);
				if (to != NULL && *title == NULL) {
					text_html_reduce(from, (size_t)(to - from), &t, title);
					free(*title);
					*title = buf_steal(&t);
				} else {
					buf_free(&t);
				}
				i = text_skip_element(s, len, i, "title");
			} else {
				if (text_is_block(s + tag_start, n))
					text_paragraph(out);
				else
					text_space(out);
				i = (size_t)(gt - s) + 1;
			}
			continue;
		}
		if (s[i] == '&' && (n = text_entity(s + i, len - i, out)) > 0) {
			i += n;
			continue;
		}
		if (isspace((unsigned char)s[i])) {
			text_space(out);
			i++;
			continue;
		}
		buf_addc(out, s[i++]);
	}
	text_paragraph(out);
	while (out->len > 0 && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	if (out->data == NULL)
		buf_add(out, "", 0);
	if (*title != NULL) {
		char *t = *title;
		size_t k = strlen(t);

		while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\n'))
			t[--k] = '\0';
	}
}

/* --- the header block --------------------------------------------------- */

void
text_header_free(struct text_header *h)
{
	free(h->title);
	free(h->date);
	free(h->source);
	free(h->url);
	free(h->charset);
	memset(h, 0, sizeof *h);
}

static char **
text_header_slot(struct text_header *h, const char *key, size_t n)
{
	if (n == 5 && strncasecmp(key, "title", 5) == 0)
		return &h->title;
	if (n == 4 && strncasecmp(key, "date", 4) == 0)
		return &h->date;
	if (n == 6 && strncasecmp(key, "source", 6) == 0)
		return &h->source;
	if (n == 3 && strncasecmp(key, "url", 3) == 0)
		return &h->url;
	if (n == 7 && strncasecmp(key, "charset", 7) == 0)
		return &h->charset;
	return NULL;
}

size_t
text_header(const char *s, size_t len, struct text_header *h)
{
	size_t i = 0, eol, k, v, e;
	char **slot;

	memset(h, 0, sizeof *h);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);

		eol = nl ? (size_t)(nl - s) : len;
		e = eol > i && s[eol - 1] == '\r' ? eol - 1 : eol;
		if (e == i)                     /* the blank line ends it */
			return h->title || h->date || h->source || h->url ||
			    h->charset ? eol + 1 : 0;
		for (k = i; k < e && s[k] != ':'; k++)
			;
		if (k == e || (slot = text_header_slot(h, s + i, k - i)) == NULL)
			break;                  /* not a header line: no block */
		for (v = k + 1; v < e && (s[v] == ' ' || s[v] == '\t'); v++)
			;
		free(*slot);
		*slot = xstrndup(s + v, e - v);
		i = eol + 1;
	}
	text_header_free(h);
	return 0;
}
