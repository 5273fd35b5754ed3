/* SPDX-License-Identifier: ISC */
/* model/import/jsonld.c: the article a page's JSON-LD describes, read
 * from blocks written for each case, well-formed or not. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "import/jsonld.h"

/* J read from the one block S. */
static enum jsonld_rank
read1(const char *s, struct jsonld *j)
{
	memset(j, 0, sizeof *j);
	return jsonld_read(s, strlen(s), j);
}

/* A field that should be absent. */
static void
none(const char *got, const char *what)
{
	ok(got == NULL, "%s", what);
	if (got != NULL)
		tap_diag("got '%s'", got);
}

static void
test_article(void)
{
	struct jsonld j;

	ok(read1("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
	    "\"headline\":\" Talks in Astana \",\"name\":\"Other\","
	    "\"datePublished\":\"2022-08-18T10:00:00+03:00\","
	    "\"dateCreated\":\"2022-08-17\",\"author\":{\"@type\":\"Person\","
	    "\"name\":\"Anna Ivanova\"},\"publisher\":{\"@type\":\"Organization\","
	    "\"name\":\"Astana Daily\"},\"url\":\"https://example.kz/a\","
	    "\"articleBody\":\"The text.\"}", &j) == JSONLD_ARTICLE,
	    "a NewsArticle is an article");
	is_str(j.headline, "Talks in Astana", "its headline, trimmed");
	is_str(j.name, "Other", "its name");
	is_str(j.published, "2022-08-18T10:00:00+03:00", "datePublished as written");
	is_str(j.created, "2022-08-17", "dateCreated");
	is_str(j.author, "Anna Ivanova", "an author object's name");
	is_str(j.publisher, "Astana Daily", "the publisher's name");
	is_str(j.url, "https://example.kz/a", "its url");
	is_str(j.body, "The text.", "its articleBody");
	jsonld_free(&j);
}

static void
test_graph(void)
{
	struct jsonld j;

	ok(read1("{\"@context\":\"https://schema.org\",\"@graph\":["
	    "{\"@type\":\"WebSite\",\"name\":\"Site\"},"
	    "{\"@type\":\"WebPage\",\"name\":\"The page\"},"
	    "{\"@type\":[\"Thing\",\"ReportageNewsArticle\"],\"headline\":\"In the graph\","
	    "\"author\":[{\"name\":\"A. One\"},\"B. Two\",{\"@id\":\"#x\"},"
	    "{\"name\":\"C. Three\"}],\"mainEntityOfPage\":{\"@id\":"
	    "\"https://example.org/p\"}}]}", &j) == JSONLD_ARTICLE,
	    "an article inside @graph, @type an array, beats the WebPage before it");
	is_str(j.headline, "In the graph", "its headline");
	is_str(j.author, "A. One, B. Two, C. Three",
	    "an array of authors joined, one without a name left out");
	is_str(j.url, "https://example.org/p", "mainEntityOfPage's @id as the url");
	none(j.published, "no date");
	jsonld_free(&j);

	ok(read1("[{\"@type\":\"BreadcrumbList\"},{\"@type\":\"WebPage\","
	    "\"name\":\"Only a page\",\"publisher\":\"Pub\"}]", &j) == JSONLD_WEBPAGE,
	    "a top-level array with a WebPage: the last resort");
	is_str(j.name, "Only a page", "its name");
	is_str(j.publisher, "Pub", "a publisher written as a string");
	jsonld_free(&j);

	ok(read1("{\"@type\":\"http://schema.org/BlogPosting\",\"name\":\"Post\"}",
	    &j) == JSONLD_ARTICLE, "a type written as an address");
	jsonld_free(&j);
	ok(read1("{\"@type\":\"Recipe\",\"name\":\"Soup\"}", &j) == JSONLD_NONE &&
	    j.name == NULL, "a Recipe is not an article");
	jsonld_free(&j);
}

/* Two blocks: the first article stays, a later one does not replace it;
 * an article replaces a WebPage. */
static void
test_blocks(void)
{
	struct jsonld j;
	const char *a = "{\"@type\":\"WebPage\",\"name\":\"Page\"}";
	const char *b = "{\"@type\":\"Article\",\"headline\":\"First\"}";
	const char *c = "{\"@type\":\"Article\",\"headline\":\"Second\"}";

	memset(&j, 0, sizeof j);
	jsonld_read(a, strlen(a), &j);
	jsonld_read(b, strlen(b), &j);
	jsonld_read(c, strlen(c), &j);
	ok(j.rank == JSONLD_ARTICLE && j.name == NULL, "the article replaced the page");
	is_str(j.headline, "First", "the first article of the page stays");
	jsonld_free(&j);
}

static void
test_escapes(void)
{
	struct jsonld j;

	read1("{\"@type\":\"Article\",\"headline\":\"\\u041c\\u0438\\u0440 "
	    "\\ud83d\\ude00 \\\"q\\\" a\\/b \\ud800x \\uZZZZ \\q\"}", &j);
	is_str(j.headline, "\xd0\x9c\xd0\xb8\xd1\x80 \xf0\x9f\x98\x80 \"q\" a/b "
	    "\xef\xbf\xbdx \xef\xbf\xbdZZZZ \xef\xbf\xbd",
	    "escapes decoded, a surrogate pair joined, invalid ones replaced");
	jsonld_free(&j);
	read1("{\"@type\":\"Article\",\"headline\":\"bad \xff\xfe bytes \\u0000\"}",
	    &j);
	is_str(j.headline, "bad \xef\xbf\xbd\xef\xbf\xbd bytes \xef\xbf\xbd",
	    "invalid UTF-8 and NUL replaced");
	jsonld_free(&j);
}

static void
test_broken(void)
{
	static const char *const bad[] = {
		"", "{", "[", "}", "\"", "{\"@type\":", "{\"@type\":\"Article\"",
		"{\"@type\" \"Article\"}", "{@type:Article}", "[[[[[[", "\\u",
		"{\"a\":\"\\ud83d", "{\"a\":tru", "<!-- {\"@type\":\"Article\" -->",
		NULL,
	};
	const char *const *p;
	struct jsonld j;
	struct buf deep;
	int i, fine = 1;

	for (p = bad; *p != NULL; p++) {
		read1(*p, &j);
		jsonld_free(&j);
	}
	ok(1, "broken JSON does not crash");
	read1("<!--//--><![CDATA[//><!--\n{\"@type\":\"Article\",\"headline\":"
	    "\"Wrapped\",}\n//--><!]]>", &j);
	is_str(j.headline, "Wrapped", "a block inside comment markers, a trailing comma");
	jsonld_free(&j);
	read1("{\"@type\":\"Article\",\"headline\":\"Cut short", &j);
	is_str(j.headline, "Cut short", "a block cut off keeps what it has");
	jsonld_free(&j);

	buf_init(&deep);
	for (i = 0; i < 100000; i++)
		buf_addc(&deep, '[');
	memset(&j, 0, sizeof j);
	fine = jsonld_read(deep.data, deep.len, &j) == JSONLD_NONE;
	jsonld_free(&j);
	buf_free(&deep);
	ok(fine, "100,000 nested arrays: no crash, nothing found");
}

int
main(void)
{
	test_article();
	test_graph();
	test_blocks();
	test_escapes();
	test_broken();
	return tap_done();
}
