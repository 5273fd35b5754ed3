/* SPDX-License-Identifier: ISC */
/* Fuzz target: bytes -> the JSON-LD article model/import/jsonld.c reads
 * from them, the day pagemeta_day reads from them, and what
 * model/import/pagemeta.c makes of a page that carries them in a JSON-LD
 * block. Whatever the bytes, reading ends, every field found is valid
 * UTF-8 (a title, an author on one line), and a day is a real one. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "scotl/date.h"
#include "scotl/text.h"
#include "scotl/util.h"
#include "import/jsonld.h"
#include "import/pagemeta.h"

static void
fuzz_jsonld_text(const char *s, const char *what)
{
	if (s != NULL)
		FUZZ_CHECK(util_utf8_valid(s, strlen(s), NULL) && s[0] != '\0',
		    "%s is not valid UTF-8, or empty", what);
}

static void
fuzz_jsonld_line(const char *s, const char *what)
{
	fuzz_jsonld_text(s, what);
	if (s != NULL)
		FUZZ_CHECK(strchr(s, '\n') == NULL, "%s is not one line", what);
}

static void
fuzz_jsonld_day(const char *day, const char *what)
{
	if (day != NULL)
		FUZZ_CHECK(strlen(day) == 10 && date_parse_days(day) != DATE_NO_DAYS,
		    "%s '%s' is not a day", what, day);
}

static void
fuzz_jsonld_read(const uint8_t *data, size_t size)
{
	struct jsonld j;

	memset(&j, 0, sizeof j);
	(void)jsonld_read((const char *)data, size, &j);
	fuzz_jsonld_text(j.headline, "the headline");
	fuzz_jsonld_text(j.name, "the name");
	fuzz_jsonld_text(j.published, "datePublished");
	fuzz_jsonld_text(j.author, "the author");
	fuzz_jsonld_text(j.publisher, "the publisher");
	fuzz_jsonld_text(j.url, "the url");
	fuzz_jsonld_text(j.body, "articleBody");
	jsonld_free(&j);
}

/* The bytes in a page's JSON-LD block, made valid UTF-8 first as the
 * importer's conversion would. */
static void
fuzz_jsonld_page(const uint8_t *data, size_t size)
{
	struct text_page p;
	struct buf page, out;
	unsigned long cp;
	size_t i = 0, n;

	buf_init(&page);
	buf_init(&out);
	buf_adds(&page, "<html><head><script type=\"application/ld+json\">");
	while (i < size) {
		n = util_utf8_decode((const char *)data + i, size - i, &cp);
		if (n == 0 || cp == 0) {
			buf_adds(&page, "?");
			i++;
			continue;
		}
		buf_add(&page, (const char *)data + i, n);
		i += n;
	}
	buf_adds(&page, "</script></head><body><h1>H</h1><p>Text.</p></body></html>");
	text_html_reduce(page.data, page.len, &out, &p);
	fuzz_jsonld_line(p.title, "the page's title");
	fuzz_jsonld_line(p.author, "the page's author");
	fuzz_jsonld_line(p.source, "the page's source");
	fuzz_jsonld_line(p.url, "the page's address");
	fuzz_jsonld_day(p.published, "the page's day");
	text_page_free(&p);
	buf_free(&out);
	buf_free(&page);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size > 200 ? 200 : size);
	char day[11];

	if (pagemeta_day(s, day) == 0)
		fuzz_jsonld_day(day, "pagemeta_day's day");
	free(s);
	fuzz_jsonld_read(data, size);
	fuzz_jsonld_page(data, size);
	return 0;
}
