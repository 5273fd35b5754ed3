/* SPDX-License-Identifier: ISC */
/* model/import/feed.c: the dates feeds write, the sniff of a feed's
 * bytes, and its items read with libxml2 set up for untrusted input. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "scotl/feed.h"

static void
day(const char *text, const char *want)
{
	char out[11];
	int rc = feed_date(text, out);

	if (want == NULL) {
		ok(rc == -1 && out[0] == '\0', "'%s' is not a date", text);
		return;
	}
	ok(rc == 0, "'%s' is a date", text);
	is_str(out, want, text);
}

static void
test_rfc822(void)
{
	day("Wed, 03 Jul 2024 09:15:00 +0500", "2024-07-03");
	day("Thu, 4 Jul 2024 18:00:00 GMT", "2024-07-04");
	day("Mon, 06 Jun 22 10:00:00 GMT", "2022-06-06");
	day("Sat, 01 Jan 99 00:00:00 UT", "1999-01-01");
	day("7 Jun 2022 10:00:00 +0300", "2022-06-07");
	day("Wed, 08 Jun 2022 23:30:00+0900", "2022-06-08");
	day("Thu, 9 Jun 2022 08:00 EST", "2022-06-09");
	day("Thu, 09 Jun 2022 08:00:00 Z", "2022-06-09");
	day("Thursday, 09 June 2022 08:00:00 +03:00", "2022-06-09");
	day("Fri, 10 Jun 2022 10:00:00 -0700 (PDT)", "2022-06-10");
	day("  Fri, 10 Jun 2022  ", "2022-06-10");
	day("Tue, 29 Feb 2000 10:00:00 GMT", "2000-02-29");
	day("Tue, 29 Feb 2022 10:00:00 GMT", NULL);
	day("32 Jan 2020", NULL);
	day("yesterday", NULL);
	day("", NULL);
	day("Wed, 03 Foo 2024 09:15:00 GMT", NULL);
	day("Wed, 03 Jul 2024 25:15:00 GMT", NULL);
	day("Wed, 03 Jul 2024 09:15:00 GMT and more words", NULL);
}

static void
test_iso(void)
{
	day("2023-04-28T10:30:00+03:00", "2023-04-28");
	day("2023-04-28T10:30:00.123Z", "2023-04-28");
	day("2022-09-16T17:45Z", "2022-09-16");
	day("2022-09-16T17:45", "2022-09-16");
	day("2022-09-16 17:45:00", "2022-09-16");
	day("2023-05-02", "2023-05-02");
	day("2005-06-01T09:00:00-0800", "2005-06-01");
	day("2023-02-30", NULL);
	day("2023-13-01T00:00:00Z", NULL);
	day("2023-05-02Tnoon", NULL);
	day("2023-05", NULL);
}

static void
sniff(const char *s, int want, const char *declared, const char *what)
{
	char got[64];

	is_int(feed_sniff(s, strlen(s), got, sizeof got), want, what);
	if (declared != NULL)
		is_str(got, declared, what);
}

static void
test_sniff(void)
{
	char got[64];

	sniff("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss version=\"2.0\">",
	    1, "windows-1251", "RSS with its declared encoding");
	sniff("\xef\xbb\xbf<rss>", 1, "", "RSS after a byte-order mark");
	sniff("<?xml version='1.0' encoding='utf-8'?><!-- c --><?xml-stylesheet "
	    "href=\"a\"?>\n<!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rdf:RDF xmlns:rdf=\"x\">",
	    1, "utf-8", "RDF after comments, a stylesheet and a document type");
	sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">", 1, NULL, "Atom");
	sniff("<!DOCTYPE html><html><body>rss</body></html>", 0, NULL,
	    "an HTML page is not a feed");
	sniff("<rsstext>", 0, NULL, "an element named like rss is not a feed");
	sniff("Title: rss\n\n<rss>", 0, NULL, "a text file is not a feed");
	sniff("<?xml version=\"1.0\"", 0, NULL, "a declaration cut short is not");
	/* UTF-16 with a byte-order mark: the mark decides the charset. */
	is_int(feed_sniff("\xff\xfe<\0?\0x\0m\0l\0 \0?\0>\0<\0r\0s\0s\0>\0", 28,
	    got, sizeof got), 1, "UTF-16LE RSS after a byte-order mark");
	is_str(got, "", "  the mark, not the declaration, names the charset");
	is_int(feed_sniff("\xfe\xff\0<\0f\0e\0e\0d\0 ", 14, got, sizeof got), 1,
	    "UTF-16BE Atom");
	is_int(feed_sniff("\xff\xfe<\0h\0t\0m\0l\0>\0", 14, got, sizeof got), 0,
	    "a UTF-16 page is not a feed");
	is_int(feed_sniff("\xff\xfe<", 3, got, sizeof got), 0,
	    "nor half a UTF-16 character");
}

static const char rss[] =
	"<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"
	"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
	" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:m=\"urn:m\">"
	"<channel><title> Wire </title>"
	"<item><title>One</title><m:title>Not it</m:title><link>https://a.example/1</link>"
	"<guid>g1</guid><pubDate>Wed, 03 Jul 2024 09:15:00 +0500</pubDate>"
	"<dc:creator>A. Writer</dc:creator><description>Teaser</description>"
	"<content:encoded><![CDATA[<p>Body &amp; more</p>]]></content:encoded></item>"
	"<item><title>Two</title><description>Plain words.</description></item>"
	"</channel></rss>";

static void
test_rss(void)
{
	struct feed f;
	struct err e;

	ok(feed_parse(rss, strlen(rss), &f, &e) == 0, "an RSS 2.0 feed parses");
	is_str(f.kind, "RSS", "it is RSS");
	is_str(f.title, "Wire", "the channel's title, trimmed");
	is_int(f.n, 2, "two items");
	is_str(f.items[0].title, "One", "the title, not media:title");
	is_str(f.items[0].link, "https://a.example/1", "the link");
	is_str(f.items[0].date, "2024-07-03", "the pubDate");
	is_str(f.items[0].author, "A. Writer", "dc:creator is the author");
	is_str(f.items[0].key, "g1", "the guid is the key");
	is_str(f.items[0].body, "<p>Body &amp; more</p>", "content:encoded, not the description");
	is_int(f.items[0].body_html, 1, "read as HTML");
	is_str(f.items[1].body, "Plain words.", "the description else");
	is_int(f.items[1].body_html, 0, "as text when it has no markup");
	ok(f.items[1].date == NULL && f.items[1].date_text == NULL, "no date");
	ok(f.items[1].key == NULL, "no guid, no link: no key");
	feed_free(&f);
}

static const char atom[] =
	"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Obs</title>"
	"<entry><title type=\"html\">A &lt;em&gt;b&lt;/em&gt;</title>"
	"<link rel=\"enclosure\" href=\"x.jpg\"/><link href=\"https://o.example/a\"/>"
	"<id>tag:1</id><updated>2022-09-16T09:00:00Z</updated>"
	"<published>2022-09-15T08:00:00+05:00</published>"
	"<author><name>D. K.</name><email>d@k</email></author>"
	"<summary>S</summary><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
	"<p>X <b>y</b></p></div></content></entry>"
	"<entry><title>U</title><updated>2022-09-17</updated>"
	"<summary type=\"text\">3 &lt; 4</summary></entry></feed>";

static void
test_atom(void)
{
	struct feed f;
	struct err e;

	ok(feed_parse(atom, strlen(atom), &f, &e) == 0, "an Atom 1.0 feed parses");
	is_str(f.kind, "Atom 1.0", "it is Atom 1.0");
	is_int(f.n, 2, "two entries");
	is_int(f.items[0].title_html, 1, "an html title is HTML");
	is_str(f.items[0].link, "https://o.example/a", "the alternate link, not the enclosure");
	is_str(f.items[0].date, "2022-09-15", "published before updated");
	is_str(f.items[0].author, "D. K.", "author/name");
	is_str(f.items[0].key, "tag:1", "the id is the key");
	ok(strstr(f.items[0].body, "<p>X <b>y</b></p>") != NULL, "xhtml content as markup");
	is_int(f.items[0].body_html, 1, "read as HTML");
	is_str(f.items[1].date, "2022-09-17", "updated when nothing else");
	is_str(f.items[1].body, "3 < 4", "text summary");
	is_int(f.items[1].body_html, 0, "a '<' before a space is not markup");
	feed_free(&f);
}

static void
test_other_kinds(void)
{
	static const char rdf[] =
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
		"xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
		"<channel><title>R</title></channel><item><title>I</title>"
		"<dc:date>2023-04-28T10:30:00+03:00</dc:date><description>D</description>"
		"</item></rdf:RDF>";
	static const char a03[] =
		"<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Z</title>"
		"<entry><title>E</title><modified>2005-06-03T11:00Z</modified>"
		"<issued>2005-06-01T09:00:00+08:00</issued><content type=\"text/html\" "
		"mode=\"escaped\">&lt;p&gt;M&lt;/p&gt;</content></entry></feed>";
	struct feed f;
	struct err e;

	ok(feed_parse(rdf, strlen(rdf), &f, &e) == 0, "RSS 1.0 parses");
	ok(f.n == 1 && strcmp(f.kind, "RSS 1.0") == 0 && strcmp(f.title, "R") == 0,
	    "its items are siblings of the channel");
	is_str(f.n ? f.items[0].date : "", "2023-04-28", "dc:date");
	feed_free(&f);
	ok(feed_parse(a03, strlen(a03), &f, &e) == 0, "Atom 0.3 parses");
	is_str(f.kind, "Atom 0.3", "it is Atom 0.3");
	is_str(f.n ? f.items[0].date : "", "2005-06-01", "issued before modified");
	is_str(f.n ? f.items[0].body : "", "<p>M</p>", "escaped content");
	feed_free(&f);
	ok(feed_parse("<feed><entry/></feed>", 21, &f, &e) == -1 &&
	    strstr(e.msg, "not a feed") != NULL, "a <feed> outside Atom is not a feed");
}

/* An external entity is neither expanded nor read: the file it names
 * holds a word that must not come out. */
static void
test_hostile(void)
{
	char path[] = "/tmp/scotl-feed-XXXXXX", doc[1024];
	struct feed f;
	struct err e;
	int fd = mkstemp(path);

	ok(fd >= 0 && write(fd, "SECRET-WORD", 11) == 11, "a file for an entity");
	close(fd);
	snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    "<!ENTITY xxe SYSTEM \"file://%s\">\n<!ENTITY in \"INTERNAL\">]>\n"
	    "<rss><channel><title>T</title><item><title>X</title><description>"
	    "a &xxe; b &in; c</description></item></channel></rss>", path);
	ok(feed_parse(doc, strlen(doc), &f, &e) == 0, "a feed with entities parses");
	ok(f.n == 1 && strstr(f.items[0].body, "SECRET") == NULL,
	    "an external entity is not read");
	ok(f.n == 1 && strstr(f.items[0].body, "a ") != NULL &&
	    strstr(f.items[0].body, " c") != NULL, "the text around it is kept");
	feed_free(&f);
	unlink(path);
	ok(feed_parse("<rss><channel><item><title>x", 28, &f, &e) == -1,
	    "a truncated feed fails");
	ok(strstr(e.msg, "not well-formed XML: line 1:") != NULL,
	    "with the line libxml2 names: %s", e.msg);
	ok(feed_parse("", 0, &f, &e) == -1, "nothing is not a feed");
}

/* Entities that expand to a billion words: libxml2's limits (no
 * XML_PARSE_HUGE) stop the parse instead of filling the memory. */
static void
test_laughs(void)
{
	struct buf b;
	struct feed f;
	struct err e;
	int i, j;

	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a0 \"lol\">");
	for (i = 1; i < 10; i++) {
		buf_printf(&b, "<!ENTITY a%d \"", i);
		for (j = 0; j < 10; j++)
			buf_printf(&b, "&a%d;", i - 1);
		buf_adds(&b, "\">");
	}
	buf_adds(&b, "]>\n<rss><channel><title>T</title><item><title>X</title>"
	    "<description>&a9;</description></item></channel></rss>");
	ok(feed_parse(b.data, b.len, &f, &e) == -1, "a billion laughs is refused");
	ok(strstr(e.msg, "not well-formed XML") != NULL, "as not well-formed: %s",
	    e.msg);
	buf_free(&b);
}

int
main(void)
{
	test_rfc822();
	test_iso();
	test_sniff();
	test_rss();
	test_atom();
	test_other_kinds();
	test_hostile();
	test_laughs();
	return tap_done();
}
