/* SPDX-License-Identifier: ISC */
/* model/import/text.c: sanitising, HTML pages reduced to text, header blocks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/text.h"

static void
sanitised(const char *in, const char *want, long removed, const char *what)
{
	struct buf out;
	long got;

	buf_init(&out);
	got = text_sanitise(in, strlen(in), &out);
	ok(strcmp(out.data, want) == 0 && got == removed, "%s", what);
	if (strcmp(out.data, want) != 0 || got != removed)
		tap_diag("got '%s', %ld removed", out.data, got);
	buf_free(&out);
}

static void
reduced(const char *html, const char *want, const char *want_title,
    const char *what)
{
	struct buf out;
	struct text_page pg;
	char *title;

	buf_init(&out);
	text_html_reduce(html, strlen(html), &out, &pg);
	title = pg.title;
	ok(strcmp(out.data, want) == 0 && ((title == NULL && want_title == NULL) ||
	    (title && want_title && strcmp(title, want_title) == 0)), "%s", what);
	if (strcmp(out.data, want) != 0)
		tap_diag("got '%s'", out.data);
	text_page_free(&pg);
	buf_free(&out);
}

int
main(void)
{
	struct text_header h;
	char cs[32];
	size_t off;

	sanitised("plain text\n\nparagraph", "plain text\n\nparagraph", 0,
	    "plain text and paragraphs stay");
	sanitised("a\r\nb\rc", "a\nb\nc", 0, "CR LF and CR become LF");
	sanitised("x\x1b]0;t\x07y", "x]0;ty", 2, "ESC and BEL go");
	sanitised("a\xc2\x9b" "b\x7f", "ab", 2, "C1 CSI and DEL go");
	sanitised("a\xe2\x80\xae" "b\xe2\x81\xa6" "c", "abc", 2, "bidi controls go");
	sanitised("a\xe2\x80\x8b" "b\xc2\xad" "c\xef\xbb\xbf", "abc", 3,
	    "zero-width space, soft hyphen and BOM go");
	sanitised("tab\there", "tab\there", 0, "a tab stays");

	reduced("<html><head><title>T &amp; U</title><style>p{}</style>"
	    "<script>var x = '<p>';</script></head><body><p>One &lt;two&gt;"
	    "</p><p>Three&nbsp;four &#8212; &#x41;</p></body></html>",
	    "One <two>\n\nThree four \xe2\x80\x94 A", "T & U",
	    "tags go, script and style with their content, entities decoded, "
	    "paragraphs kept, the title read");
	reduced("<nav>Home</nav><p>Body</p><footer>Related</footer>", "Body", NULL,
	    "navigation and footers are not the article");
	reduced("<p>a<br>b</p><div>c</div>", "a\nb\n\nc", NULL,
	    "a line break ends a line, a division a paragraph");
	reduced("<p>x <!-- <p>hidden</p> --> y</p>", "x y", NULL, "comments go");
	reduced("<p>&bogus; &#0; &#xZZ;</p>", "&bogus; ZZ;", NULL,
	    "an unknown entity stays as written; libxml2 drops &#0; and the "
	    "'&#x' of a broken one");
	reduced("<p>unclosed <b", "unclosed", NULL, "a tag cut off at the end ends the text");
	ok(text_is_html("  <!DOCTYPE html><html>", 23), "a doctype is HTML");
	ok(!text_is_html("Plain <b>text</b>", 17), "text with a tag is not");
	text_html_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=windows-1251\">", 74, cs, sizeof cs);
	is_str(cs, "windows-1251", "the http-equiv charset");
	text_html_charset("<meta charset='koi8-r'>", 23, cs, sizeof cs);
	is_str(cs, "koi8-r", "the meta charset");

	off = text_header("Title: T\nDate: 2022-05-16\nsource: TASS\n\nBody\n", 45, &h);
	ok(off == 40 && strcmp(h.title, "T") == 0 && strcmp(h.date, "2022-05-16") == 0 &&
	    strcmp(h.source, "TASS") == 0 && h.url == NULL,
	    "a header block: fields in any case, the body after the blank line");
	text_header_free(&h);
	off = text_header("Plain title\n\nBody\n", 18, &h);
	ok(off == 0 && h.title == NULL, "no header block in plain text");
	off = text_header("Title: T\nWho: x\n\nBody", 21, &h);
	ok(off == 0 && h.title == NULL, "an unknown key means it is not a header block");
	off = text_header("Title: T", 8, &h);
	ok(off == 0, "a header without a blank line and body is not a block");
	text_header_free(&h);
	return tap_done();
}
