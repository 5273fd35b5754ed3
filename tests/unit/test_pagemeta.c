/* SPDX-License-Identifier: ISC */
/* model/import/pagemeta.c through text_html_reduce: what a saved page
 * says of itself, one small page written for each case. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "scotl/text.h"
#include "import/pagemeta.h"

static void
meta(const char *html, struct text_page *p)
{
	struct buf out;

	buf_init(&out);
	text_html_reduce(html, strlen(html), &out, p);
	buf_free(&out);
}

/* One field of the page HTML (FIELD: its offset in struct text_page). */
static void
field(const char *html, size_t offset, const char *want, const char *what)
{
	struct text_page p;
	char *got;

	meta(html, &p);
	got = *(char **)((char *)&p + offset);
	if (want == NULL) {
		ok(got == NULL, "%s", what);
		if (got != NULL)
			tap_diag("got '%s'", got);
	} else {
		is_str(got, want, what);
	}
	text_page_free(&p);
}

#define TITLE(h, w, what) field(h, offsetof(struct text_page, title), w, what)
#define DAY(h, w, what) field(h, offsetof(struct text_page, published), w, what)
#define URL(h, w, what) field(h, offsetof(struct text_page, url), w, what)
#define SOURCE(h, w, what) field(h, offsetof(struct text_page, source), w, what)
#define AUTHOR(h, w, what) field(h, offsetof(struct text_page, author), w, what)

static void
test_title(void)
{
	TITLE("<html><head><title>Talks in Astana end | Astana Daily</title>"
	    "<meta property=\"og:title\" content=\"Talks in Astana end\">"
	    "</head><body><p>Text.</p></body></html>", "Talks in Astana end",
	    "og:title rather than the <title> with the site's name");
	TITLE("<html><head><title>Ministers meet - a day of talks - Daily News"
	    "</title><meta property=\"og:site_name\" content=\"Daily News\">"
	    "</head><body><p>Text.</p></body></html>",
	    "Ministers meet - a day of talks",
	    "the part that is og:site_name taken off, the title's own dash kept");
	TITLE("<html><head><title>Reuters: Ministers meet in Tashkent today</title>"
	    "<link rel=\"canonical\" href=\"https://www.reuters.com/x\"></head>"
	    "<body><p>Text.</p></body></html>",
	    "Ministers meet in Tashkent today",
	    "a site's name before a colon, when it is the host's");
	TITLE("<html><head><title>Ministers meet in Tashkent \xe2\x80\x94 "
	    "example.org</title><link rel=\"canonical\" href=\"https://example.org/"
	    "a\"></head><body><p>Text.</p></body></html>",
	    "Ministers meet in Tashkent", "an em dash before the host");
	TITLE("<html><head><title>Pakistan - India talks resume after a year"
	    "</title></head><body><p>Text.</p></body></html>",
	    "Pakistan - India talks resume after a year",
	    "a dash in a title is not always before a site's name");
	TITLE("<html><head><title>Site</title><meta name=\"twitter:title\" "
	    "content=\"Only on Twitter\"></head><body><p>Text.</p></body></html>",
	    "Only on Twitter", "twitter:title when it is all there is");
	TITLE("<html><body><h1>Only a  heading</h1><p>Text.</p></body></html>",
	    "Only a heading", "the <h1> when there is no <title>");
	TITLE("<html><head><title>  </title></head><body><h1>The heading</h1>"
	    "<p>Text.</p></body></html>", "The heading",
	    "an empty <title> gives way to the <h1>");
	TITLE("<html><head><title>Short</title></head><body><h1>A heading long "
	    "enough to be the title</h1><p>Text.</p></body></html>",
	    "A heading long enough to be the title",
	    "a <title> too short gives way to the one <h1>");
	TITLE("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"headline\":\"From JSON-LD &amp; more\"}</script>"
	    "<title>Other | Site</title></head><body><p>Text.</p></body></html>",
	    "From JSON-LD & more", "JSON-LD's headline, entities decoded");
	TITLE("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"WebPage\",\"name\":\"Daily News - Home\"}</script><meta property="
	    "\"og:title\" content=\"Ministers meet\"></head><body><p>Text.</p>"
	    "</body></html>", "Ministers meet",
	    "og:title before a WebPage's name, often the site's");
	TITLE("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"WebPage\",\"name\":\"A page of its own\"}</script></head><body>"
	    "<p>Text.</p></body></html>", "A page of its own",
	    "a WebPage's name when nothing else names the page");
	TITLE("<html><body><p>Text only.</p></body></html>", NULL,
	    "no title where the page has none");
}

static void
test_date(void)
{
	DAY("<html><head><meta property=\"article:published_time\" "
	    "content=\"2022-08-18T23:30:00-05:00\"></head><body><p>x</p></body>"
	    "</html>", "2022-08-18",
	    "article:published_time: the day as written, not in UTC");
	DAY("<html><body><article><header><h1>T</h1><time datetime=\"2021-03-04"
	    "T10:00:00Z\">4 March</time></header><p>x</p></article></body></html>",
	    "2021-03-04", "<time datetime> in the article's header");
	DAY("<html><body><time datetime=\"2021-03-04\">x</time><p>x</p></body>"
	    "</html>", NULL, "a <time> outside an article is not its date");
	DAY("<html><body><span itemprop=\"datePublished\" content=\"2020-01-02\">"
	    "</span><p>x</p></body></html>", "2020-01-02", "itemprop=datePublished");
	DAY("<html><head><meta name=\"pubdate\" content=\"20190605\"></head>"
	    "<body><p>x</p></body></html>", "2019-06-05", "meta name=pubdate");
	DAY("<html><head><meta name=\"DC.date.issued\" content=\"2018/07/06\">"
	    "</head><body><p>x</p></body></html>", "2018-07-06",
	    "meta name=DC.date.issued");
	DAY("<html><head><meta name=\"sailthru.date\" content=\"Tue, 05 Jun 2018 "
	    "10:00:00 +0300\"></head><body><p>x</p></body></html>", "2018-06-05",
	    "meta name=sailthru.date in RFC 822");
	DAY("<html><head><script type=\"application/ld+json\">{\"@graph\":[{"
	    "\"@type\":\"Article\",\"dateCreated\":\"2017-01-01\","
	    "\"datePublished\":\"2017-01-02T01:00:00+09:00\"}]}</script></head>"
	    "<body><p>x</p></body></html>", "2017-01-02", "JSON-LD datePublished");
	DAY("<html><head><link rel=\"canonical\" href=\"https://example.com/"
	    "world/2022/08/18/talks-end/\"></head><body><p>x</p></body></html>",
	    "2022-08-18", "a date in the canonical address");
	DAY("<html><head><meta property=\"og:url\" content=\"https://example.com/"
	    "news/20220819/talks\"></head><body><p>x</p></body></html>",
	    "2022-08-19", "an eight-digit date in og:url");
	DAY("<html><body><h1>Talks end</h1><p>MOSCOW, Aug 18, 2022 (Reuters) - "
	    "Talks ended.</p></body></html>", "2022-08-18",
	    "a dateline after the headline");
	DAY("<html><head><link rel=\"canonical\" href=\"https://example.com/"
	    "2022/world/talks\"></head><body><h1>Talks end</h1><p>MOSCOW, Aug 18 "
	    "(Reuters) - Talks ended.</p></body></html>", "2022-08-18",
	    "a dateline without a year, the year from the address");
	DAY("<html><body><h1>Talks end</h1><p>The ministers of the member "
	    "states said on Thursday that they would meet again on 5 June 2023 in "
	    "Astana.</p></body></html>", NULL,
	    "a date the first sentence speaks of is no dateline");
	DAY("<html><body><h1>Talks end</h1><p>MOSCOW, Aug 18 (Reuters) - "
	    "Talks ended.</p></body></html>", NULL,
	    "a dateline without a year and no year anywhere: no date");
	DAY("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"datePublished\":\"0001-01-01T00:00:00Z\"}</script>"
	    "<meta name=\"pubdate\" content=\"2019-11-19\"></head><body><p>x</p>"
	    "</body></html>", "2019-11-19",
	    "a placeholder year 1 is no date: the next one is taken");
	DAY("<html><body><h1>\xe4\xb8\x8a\xe5\x90\x88\xe7\xbb\x84\xe7\xbb\x87"
	    "</h1><p>2022\xe5\xb9\xb4" "8\xe6\x9c\x88" "18\xe6\x97\xa5 10:30 "
	    "\xe6\x9d\xa5\xe6\xba\x90</p><p>x</p></body></html>", "2022-08-18",
	    "a Chinese dateline: 2022\xe5\xb9\xb4" "8\xe6\x9c\x88" "18\xe6\x97\xa5");
	DAY("<html><body><h1>\xd0\x92\xd1\x81\xd1\x82\xd1\x80\xd0\xb5\xd1\x87"
	    "\xd0\xb0</h1><p>\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90, "
	    "18 \xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0 2022 "
	    "\xe2\x80\x94 x.</p></body></html>", "2022-08-18",
	    "a Russian dateline: 18 \xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81"
	    "\xd1\x82\xd0\xb0 2022");
	DAY("<html><head><meta name=\"date\" content=\"18.08.2022 10:30\"></head>"
	    "<body><p>x</p></body></html>", "2022-08-18",
	    "a meta date written 18.08.2022");
	DAY("<html><head><meta name=\"date\" content=\"not a date\"></head>"
	    "<body><p>x</p></body></html>", NULL, "a meta that is not a date");
}

static void
test_address(void)
{
	static const char page[] = "<html><head><link rel=\"canonical\" "
	    "href=\"https://www.example.com/a?x=1\"><meta property=\"og:url\" "
	    "content=\"https://other.example/b\"><meta property=\"og:site_name\" "
	    "content=\"Example News\"></head><body><p>x</p></body></html>";

	URL(page, "https://www.example.com/a?x=1", "the canonical address first");
	SOURCE(page, "Example News", "og:site_name as the source");
	URL("<html><head><meta property=\"og:url\" content=\"https://o.example/b\">"
	    "</head><body><p>x</p></body></html>", "https://o.example/b", "og:url");
	SOURCE("<html><head><link rel=\"canonical\" href=\"https://www.Example.com/"
	    "a\"></head><body><p>x</p></body></html>", "example.com",
	    "else the host of the address");
	URL("<html><head><link rel=\"canonical\" href=\"/relative\"></head>"
	    "<body><p>x</p></body></html>", NULL,
	    "a relative address is not an address");
	SOURCE("<html><head><meta property=\"og:site_name\" content=\"https://"
	    "www.news.example/\"></head><body><p>x</p></body></html>",
	    "news.example", "og:site_name written as an address: its host");
	SOURCE("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"publisher\":{\"name\":\"JSON Times\"}}</script>"
	    "</head><body><p>x</p></body></html>", "JSON Times",
	    "JSON-LD's publisher");
}

static void
test_author(void)
{
	AUTHOR("<html><head><meta name=\"author\" content=\"Anna Ivanova\">"
	    "</head><body><p>x</p></body></html>", "Anna Ivanova", "meta name=author");
	AUTHOR("<html><head><meta property=\"article:author\" content=\"https://"
	    "facebook.com/x\"></head><body><p>x</p></body></html>", NULL,
	    "article:author that is an address is not a name");
	AUTHOR("<html><head><script type=\"application/ld+json\">{\"@type\":"
	    "\"Article\",\"author\":[{\"@type\":\"Person\",\"name\":\"A. One\"},"
	    "{\"@type\":\"Person\",\"name\":\"B. Two\"}]}</script><meta name="
	    "\"author\" content=\"Meta\"></head><body><p>x</p></body></html>",
	    "A. One, B. Two", "JSON-LD's authors first");
	AUTHOR("<html><body><article><p class=\"byline\">By  Ivan Petrov</p>"
	    "<p>x</p></article></body></html>", "By Ivan Petrov",
	    "a byline element");
	AUTHOR("<html><body><p>x</p><form id=\"reply\"><label class=\"author\">"
	    "Name (required)</label></form><div class=\"comment\"><span class="
	    "\"byline\">A commenter</span></div></body></html>", NULL,
	    "no byline from a comment form or a comment");
	AUTHOR("<html><body><nav><a class=\"author\">Our authors</a></nav>"
	    "<div id=\"authorization\">Sign in</div><article><p>x</p><div class="
	    "\"FeatureByline\">By Ann Lee</div></article></body></html>",
	    "By Ann Lee", "a byline's class is a whole word, and not in a menu");
	AUTHOR("<html><body><span itemprop=\"author\"><span itemprop=\"name\">"
	    "Li Wei</span>, staff</span><p>x</p></body></html>", "Li Wei",
	    "itemprop=author's name");
}

static void
test_day(void)
{
	char d[11];

	ok(pagemeta_day("2022-08-18T10:00:00.000+03:00", d) == 0 &&
	    strcmp(d, "2022-08-18") == 0, "ISO 8601 with a fraction");
	ok(pagemeta_day("August 18, 2022", d) == 0 && strcmp(d, "2022-08-18") == 0,
	    "a date in words");
	ok(pagemeta_day("2022-02-30", d) == -1, "no 30 February");
	ok(pagemeta_day("", d) == -1 && d[0] == '\0', "nothing is no date");
}

/* A page of WORDS words in its <title> and other words in its JSON-LD
 * headline and name: bounded work, not a comparison of every word with
 * every other (minutes on such a page). */
static void
test_long_titles(void)
{
	struct buf html;
	struct text_page p;
	int i;

	buf_init(&html);
	buf_adds(&html, "<html><head><title>");
	for (i = 0; i < 60000; i++)
		buf_printf(&html, "a%d ", i);
	buf_adds(&html, "</title><script type=\"application/ld+json\">"
	    "{\"@type\": \"NewsArticle\", \"headline\": \"");
	for (i = 0; i < 60000; i++)
		buf_printf(&html, "b%d ", i);
	buf_adds(&html, "\", \"name\": \"c\"}</script></head>"
	    "<body><p>Text.</p></body></html>");
	alarm(10);
	meta(html.data, &p);
	alarm(0);
	ok(p.title != NULL && strncmp(p.title, "b0 b1 ", 6) == 0,
	    "a megabyte title and headline are compared by their start");
	text_page_free(&p);
	buf_free(&html);
}

/* A <meta property> is read for its first eight names: each keeps a
 * copy of the content, and a page of 500 KB naming thousands took half a
 * gigabyte. */
static void
test_meta_names(void)
{
	TITLE("<html><head><meta property=\"a b c d e f g og:title\" content="
	    "\"Talks end in Astana today\"><title>x</title></head><body><p>"
	    "Text.</p></body></html>", "Talks end in Astana today",
	    "the eighth name of a <meta property> is read");
	TITLE("<html><head><meta property=\"a b c d e f g h og:title\" content="
	    "\"Talks end in Astana today\"><title>Page of the site</title>"
	    "</head><body><p>Text.</p></body></html>", "Page of the site",
	    "the ninth is not");
}

/* An address of a million slashes is looked through for a date once,
 * not measured again at every slash (glibc's sscanf does): that took
 * minutes. */
static void
test_long_address(void)
{
	struct buf html;
	struct text_page p;
	int i;

	buf_init(&html);
	buf_adds(&html, "<html><head><link rel=\"canonical\" href=\"http://a.example");
	for (i = 0; i < 1000000; i++)
		buf_adds(&html, "/1");
	buf_adds(&html, "\"><title>Talks end</title></head><body><p>Text.</p>"
	    "</body></html>");
	alarm(10);
	meta(html.data, &p);
	alarm(0);
	ok(p.published == NULL, "an address of a million slashes, no date in it");
	text_page_free(&p);
	buf_free(&html);
}

/* CPU seconds to read a page of two megabytes of text inside LEVELS nested
 * elements whose class says author and which are headings. */
static double
nested_seconds(int levels)
{
	struct buf html;
	struct text_page p;
	clock_t start;
	int i;

	buf_init(&html);
	buf_adds(&html, "<html><head><title>Talks end in Astana today</title>"
	    "</head><body>");
	for (i = 0; i < levels; i++)
		buf_adds(&html, "<div class=\"author\"><h2>");
	for (i = 0; i < 200000; i++)
		buf_adds(&html, "Some text. ");
	for (i = 0; i < levels; i++)
		buf_adds(&html, "</h2></div>");
	buf_adds(&html, "</body></html>");
	start = clock();
	meta(html.data, &p);
	text_page_free(&p);
	buf_free(&html);
	return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* A byline or a heading is read for a few kilobytes of text, not for
 * all of it at every level of a page that nests them deep. */
static void
test_nested(void)
{
	double flat = nested_seconds(1), deep = nested_seconds(90);

	ok(deep < 3 * flat + 0.1, "elements nested 90 deep around a page's "
	    "text cost what one does");
	tap_diag("1 level: %.3f s, 90 levels: %.3f s", flat, deep);
}

int
main(void)
{
	test_title();
	test_date();
	test_address();
	test_author();
	test_day();
	test_long_titles();
	test_nested();
	test_meta_names();
	test_long_address();
	return tap_done();
}
