/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scotl/text.h"
#include "import/html.h"
#include "import/pagemeta.h"
#include "import/readable.h"

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
	html_charset(s, len, out, size);
}

void
text_page_free(struct text_page *p)
{
	free(p->title);
	free(p->published);
	free(p->url);
	free(p->source);
	free(p->author);
	free(p->ld_body);
	memset(p, 0, sizeof *p);
}

void
text_html_reduce(const char *s, size_t len, struct buf *out,
    struct text_page *page)
{
	htmlDocPtr doc = html_parse(s, len, NULL);
	char *title = NULL;
	struct buf art;
	int found;

	buf_init(&art);
	found = readable_text(doc, &art, &title);
	free(title);
	if (page != NULL) {
		pagemeta_find(doc, art.data, page);
		if (page->ld_body != NULL)
			readable_ld_body(doc, page->ld_body, found, &art);
	}
	if (art.len > 0)
		buf_add(out, art.data, art.len);
	buf_free(&art);
	if (doc != NULL)
		xmlFreeDoc(doc);
}

/* --- the header block --------------------------------------------------- */

void
text_header_free(struct text_header *h)
{
	free(h->title);
	free(h->date);
	free(h->source);
	free(h->url);
	free(h->author);
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
	if (n == 6 && strncasecmp(key, "author", 6) == 0)
		return &h->author;
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
			    h->author || h->charset ? eol + 1 : 0;
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
