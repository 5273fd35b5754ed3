/* SPDX-License-Identifier: ISC */
/* model/import/html.c through scotl/text.h: saved pages read by a real
 * HTML parser, each case one the hand-written tokenizer got wrong. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/text.h"
#include "import/html.h"

/* For a page whose title does not matter here. */
static const char any_title[] = "(any)";

static void
reduced(const char *html, size_t len, const char *want, const char *want_title,
    const char *what)
{
	struct buf out;
	struct text_page pg;
	char *title;
	int good;

	buf_init(&out);
	text_html_reduce(html, len, &out, &pg);
	title = pg.title;
	good = strcmp(out.data, want) == 0 && (want_title == any_title ||
	    (title == NULL && want_title == NULL) ||
	    (title && want_title && strcmp(title, want_title) == 0));
	ok(good, "%s", what);
	if (!good)
		tap_diag("got '%s', title '%s'", out.data, title ? title : "(none)");
	text_page_free(&pg);
	buf_free(&out);
}

static void
page(const char *html, const char *want, const char *what)
{
	reduced(html, strlen(html), want, any_title, what);
}

static void
declared(const char *html, const char *want, const char *what)
{
	char cs[64];

	text_html_charset(html, strlen(html), cs, sizeof cs);
	is_str(cs, want, what);
}

/* Whether the text of the page S (LEN bytes) has each of the words. */
static void
keeps(const char *s, size_t len, const char *const *words, const char *what)
{
	struct buf out;
	struct text_page pg;
	int good = 1;

	buf_init(&out);
	text_html_reduce(s, len, &out, &pg);
	for (; *words != NULL; words++)
		if (strstr(out.data, *words) == NULL) {
			tap_diag("'%s' lost", *words);
			good = 0;
		}
	ok(good, "%s", what);
	text_page_free(&pg);
	buf_free(&out);
}

static void
deep(void)
{
	static const char *const words[] = { "Lead.", "Deep text.", "After.", NULL };
	struct buf b;
	int i;

	buf_init(&b);
	buf_adds(&b, "<html><body><p>Lead.</p>");
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "Deep text.");
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "</div>");
	buf_adds(&b, "<p>After.</p></body></html>");
	keeps(b.data, b.len, words, "10,000 nested divisions: no crash, the text "
	    "inside and after them kept");
	buf_free(&b);
}

static void
truncated(void)
{
	static const char *const words[] = { "First paragraph.", "Second, cut",
		NULL };
	static const char cut[] = "<html><head><title>Cut</title></head><body>"
	    "<p>First paragraph.</p><p>Second, cut off <a href=\"http://exa";
	static const char nul[] = "<p>Before a NUL\0 and after it.</p>";

	keeps(cut, sizeof cut - 1, words, "a page cut off inside a tag keeps its text");
	reduced(cut, sizeof cut - 1, "First paragraph.\n\nSecond, cut off", "Cut",
	    "and its title");
	keeps(nul, sizeof nul - 1, (const char *const[]){ "Before", "after it.",
	    NULL }, "a NUL byte in the text ends nothing");
}

/* What libxml2 says goes to the report, never to the terminal. */
static void
reported(void)
{
	static const char bad[] = "<p>a</span> &bogus; <b>b</p>";
	struct html_report rep;
	htmlDocPtr doc = html_parse(bad, sizeof bad - 1, &rep);

	ok(doc != NULL && rep.errors >= 1 && rep.first_line == 1,
	    "the parser's errors are collected (%ld)", rep.errors);
	if (doc != NULL)
		xmlFreeDoc(doc);
}

int
main(void)
{
	page("<body><nav>Home</nav><article><h1>Head</h1><p>Lead.</p><footer>"
	    "Posted 3 May 2022 by Ann</footer><p>Text after the footer.</p>"
	    "</article><footer>Site footer</footer></body>",
	    "Head\n\nLead.\n\nPosted 3 May 2022 by Ann\n\nText after the footer.",
	    "a footer nested in an article is the article's; the page's is not");
	page("<body><blockquote><p>Quoted.</p><footer>Ann</footer></blockquote>"
	    "<p>After.</p></body>", "Quoted.\n\nAnn\n\nAfter.",
	    "a quotation's footer names who said it");
	page("<html><body><form method=\"post\" action=\"./Default.aspx\">"
	    "<div><input type=\"hidden\" name=\"__VIEWSTATE\" value=\"x\"></div>"
	    "<h1>Head</h1><p>Body in a form.</p></form></body></html>",
	    "Head\n\nBody in a form.",
	    "a page inside an ASP.NET <form> keeps its text");
	page("<p>If a < b then b > a.</p><p>More.</p>",
	    "If a < b then b > a.\n\nMore.", "a '<' in text is text");
	page("<p title=\"a>b\">Kept text.</p>", "Kept text.",
	    "a '>' inside a quoted attribute does not end the tag");
	page("<p>&hellip;&nbsp;&mdash; &rsquo; &laquo;x&raquo; &eacute; &Ccedil; "
	    "&euro; &trade; &sect; &#233; &#x2014;</p>",
	    "\xe2\x80\xa6 \xe2\x80\x94 \xe2\x80\x99 \xc2\xabx\xc2\xbb \xc3\xa9 "
	    "\xc3\x87 \xe2\x82\xac \xe2\x84\xa2 \xc2\xa7 \xc3\xa9 \xe2\x80\x94",
	    "named entities beyond the old 23, and numeric ones");
	page("<p>Wa<b>sh</b>ing<i>ton</i> <a href=\"x\">link</a>.</p>",
	    "Washington link.", "inline elements do not split words");
	page("<body><div><p>Before.</p><script>var s = '<p><a href=\"x\">"
	    "y</a></p></div>';var t = 1;</script><p>After.</p></div></body>",
	    "Before.\n\nAfter.",
	    "a script ends at its own end tag, not at a '</' in a string");
	page("<p>a<br>b</p><div>c</div>", "a\nb\n\nc",
	    "a line break is a line, a division a paragraph");
	reduced("<html><head><title>Real &amp; title</title></head><body><svg>"
	    "<title>Icon</title></svg><p>x</p></body></html>", 108, "x",
	    "Real & title", "the page's title, not a picture's");
	reduced("<html><head><title> </title></head><body><h1>Head</h1><p>Body."
	    "</p></body></html>", 80, "Head\n\nBody.", "Head",
	    "an empty title is none: the <h1> is the title");
	reduced("<html><head><meta charset=\"windows-1251\"><title>\xd0\x9c\xd0\xb8\xd1\x80"
	    "</title></head><body><p>\xd0\x9c\xd0\xb8\xd1\x80</p></body></html>",
	    102, "\xd0\x9c\xd0\xb8\xd1\x80", "\xd0\x9c\xd0\xb8\xd1\x80",
	    "converted text is read as UTF-8 whatever its meta still says");

	declared("<html><head><title>T</title></head><body><p>Set charset=koi8-r "
	    "in the form.</p></body></html>", "",
	    "the word charset in the text is not a declaration");
	declared("<html><head><script>var charset = \"x\";</script><meta "
	    "charset=utf-8></head>", "utf-8", "nor in a script");
	declared("<html><head><!-- <meta charset=\"koi8-r\"> --><meta name="
	    "\"description\" content=\"charset=koi8-r\"></head>", "",
	    "nor in a comment, nor in another meta's content");
	declared("<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=windows-1251\">", "windows-1251", "the http-equiv charset");
	declared("<META HTTP-EQUIV=content-type CONTENT='text/html;charset = "
	    "\"koi8-r\"'>", "koi8-r", "http-equiv in capitals, the value quoted");
	declared("<meta charset='koi8-r'>", "koi8-r", "the meta charset");
	declared("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<html>",
	    "windows-1251", "the XML declaration's encoding");
	deep();
	truncated();
	reported();
	return tap_done();
}
