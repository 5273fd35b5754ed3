/* SPDX-License-Identifier: ISC */
/* model/import/importer.c: what a file says of itself (its header block, its
 * HTML <title>) is sanitised like its body before it is stored; a plain
 * text's first line is its title unless it is the lead paragraph
 * (model/import/headline.c), then the title is made from it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/article.h"
#include "scotl/importer.h"

static const struct import_options opts = {
	.max_size = IMPORT_DEFAULT_MAX_SIZE,
};

static void
stores(const char *file, const char *want_title, const char *want_body,
    const char *what)
{
	struct import_outcome out;
	char *title, *body;

	ok(import_text(file, strlen(file), "a.txt", &opts, &title, &body, &out),
	    "%s: kept", what);
	is_str(title, want_title, what);
	is_str(body, want_body, what);
	free(title);
	free(body);
}

/* Through import_file, the source and URL of the header are stored
 * sanitised too. */
static void
test_header_stored(void)
{
	char *dir = fixture_tmpdir(), path[4300];
	struct import_outcome out;
	struct article a;
	struct db *db;
	struct err e;

	snprintf(path, sizeof path, "%s/h.txt", dir);
	fixture_write(path, "Title: T\nSource: W\x1b[2Jire\nURL: https://e.org/\xe2\x80\xae" "a\n"
	    "\nThe body.\n");
	db_open(&db, ":memory:", DB_CREATE, &e);
	ok(import_file(db, path, &opts, &out, &e) == 0 && out.status == IMPORT_NEW,
	    "a file with controls in its header is imported");
	ok(article_get(db, out.article_id, &a, &e) == 0, "and read back");
	is_str(a.source, "W[2Jire", "ESC is out of the stored source");
	is_str(a.url, "https://e.org/a", "a bidi override is out of the stored URL");
	article_free(&a);
	db_close(db);
	fixture_rmrf(dir);
	free(dir);
}

/* The first line of a plain text: a headline kept as the title, or the
 * lead kept in the body with a title made from its first sentence. */
static void
test_plain_titles(void)
{
	stores("On 18 August 2022 the secretaries met in Tashkent.\n\nThey "
	    "talked.\n", "On 18 August 2022 the secretaries met in Tashkent",
	    "On 18 August 2022 the secretaries met in Tashkent.\n\nThey talked.",
	    "a first line ending in a full stop is the lead");
	stores("On 18 August 2022 the secretaries met in Tashkent.\n",
	    "On 18 August 2022 the secretaries met in Tashkent",
	    "On 18 August 2022 the secretaries met in Tashkent.",
	    "a lead alone is an article, not a title alone");
	stores("The secretaries met in Tashkent, \"as planned.\"\nMore.\n",
	    "The secretaries met in Tashkent, \"as planned.\"",
	    "The secretaries met in Tashkent, \"as planned.\"\nMore.",
	    "a full stop inside closing quotes ends a sentence");
	stores("Doval discusses Afghanistan with the U.S.\n\nText.\n",
	    "Doval discusses Afghanistan with the U.S.", "Text.",
	    "a headline ending in an abbreviation stays the title");
	stores("Security chiefs to meet in Tashkent...\n\nText.\n",
	    "Security chiefs to meet in Tashkent...", "Text.",
	    "a short headline ending in an ellipsis stays the title");
	stores("Will the SCO agree?\n\nText.\n", "Will the SCO agree?", "Text.",
	    "a question headline stays the title");
	stores("Secretaries of the security councils of the Shanghai Cooperation "
	    "Organisation member states gathered in Tashkent for their annual "
	    "meeting under the chairmanship of Uzbekistan\nText.\n",
	    "Secretaries of the security councils of the Shanghai Cooperation "
	    "Organisation member states\xe2\x80\xa6",
	    "Secretaries of the security councils of the Shanghai Cooperation "
	    "Organisation member states gathered in Tashkent for their annual "
	    "meeting under the chairmanship of Uzbekistan\nText.",
	    "a long first line is the lead, its title cut at a word");
	stores("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90, 19 "
	    "\xd0\xbc\xd0\xb0\xd1\x8f - \xd0\xa0\xd0\x98\xd0\x90. "
	    "\xd0\xa1\xd0\xb5\xd0\xba\xd1\x80\xd0\xb5\xd1\x82\xd0\xb0"
	    "\xd1\x80\xd0\xb8 \xd0\xb2\xd1\x81\xd1\x82\xd1\x80\xd0\xb5"
	    "\xd1\x82\xd1\x8f\xd1\x82\xd1\x81\xd1\x8f. \xd0\x94\xd0\xb0.\n",
	    "\xd0\xa1\xd0\xb5\xd0\xba\xd1\x80\xd0\xb5\xd1\x82\xd0\xb0"
	    "\xd1\x80\xd0\xb8 \xd0\xb2\xd1\x81\xd1\x82\xd1\x80\xd0\xb5"
	    "\xd1\x82\xd1\x8f\xd1\x82\xd1\x81\xd1\x8f",
	    "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90, 19 "
	    "\xd0\xbc\xd0\xb0\xd1\x8f - \xd0\xa0\xd0\x98\xd0\x90. "
	    "\xd0\xa1\xd0\xb5\xd0\xba\xd1\x80\xd0\xb5\xd1\x82\xd0\xb0"
	    "\xd1\x80\xd0\xb8 \xd0\xb2\xd1\x81\xd1\x82\xd1\x80\xd0\xb5"
	    "\xd1\x82\xd1\x8f\xd1\x82\xd1\x81\xd1\x8f. \xd0\x94\xd0\xb0.",
	    "a Russian dateline (МОСКВА, 19 мая - РИА.) is not the title");
	/* 会议在塔什干举行。各方交换了意见。 */
	stores("\xe4\xbc\x9a\xe8\xae\xae\xe5\x9c\xa8\xe5\xa1\x94\xe4\xbb"
	    "\x80\xe5\xb9\xb2\xe4\xb8\xbe\xe8\xa1\x8c\xe3\x80\x82\xe5\x90"
	    "\x84\xe6\x96\xb9\xe4\xba\xa4\xe6\x8d\xa2\xe4\xba\x86\xe6\x84"
	    "\x8f\xe8\xa7\x81\xe3\x80\x82\n",
	    "\xe4\xbc\x9a\xe8\xae\xae\xe5\x9c\xa8\xe5\xa1\x94\xe4\xbb"
	    "\x80\xe5\xb9\xb2\xe4\xb8\xbe\xe8\xa1\x8c",
	    "\xe4\xbc\x9a\xe8\xae\xae\xe5\x9c\xa8\xe5\xa1\x94\xe4\xbb"
	    "\x80\xe5\xb9\xb2\xe4\xb8\xbe\xe8\xa1\x8c\xe3\x80\x82\xe5\x90"
	    "\x84\xe6\x96\xb9\xe4\xba\xa4\xe6\x8d\xa2\xe4\xba\x86\xe6\x84"
	    "\x8f\xe8\xa7\x81\xe3\x80\x82",
	    "a Chinese lead: its title up to the first \xe3\x80\x82");
	stores("Title: Met\n\nThe secretaries met.\n", "Met",
	    "The secretaries met.", "a header block's title is not touched");
	stores("<html><body><p>The secretaries met.</p><p>More.</p></body>"
	    "</html>", "The secretaries met", "The secretaries met.\n\nMore.",
	    "a page without a title whose text opens with a sentence: its lead");
	stores("<html><body><p>Secretaries meet</p><p>More.</p></body>"
	    "</html>", "Secretaries meet", "More.",
	    "a page without a title opening with a headline: its first line");
	stores("<html><body><ol><li><p>Test</p></li></ol></body></html>",
	    "Test", "Test", "a page of one line is an article, not a title alone");
	{
		struct import_outcome out;
		char *title, *body;

		ok(!import_text("Test\n", 5, "a.txt", &opts, &title, &body,
		    &out) && strstr(out.reason, "a title alone") != NULL,
		    "while a text file of one headline is a title alone");
	}
}

/* The made title is marked as made where it is stored. */
static void
test_made_stored(void)
{
	char *dir = fixture_tmpdir(), path[4300];
	struct import_outcome out;
	struct article a;
	struct db *db;
	struct err e;

	snprintf(path, sizeof path, "%s/lead.txt", dir);
	fixture_write(path, "The secretaries met in Tashkent.\n\nMore.\n");
	db_open(&db, ":memory:", DB_CREATE, &e);
	ok(import_file(db, path, &opts, &out, &e) == 0 && out.status == IMPORT_NEW,
	    "a lead paragraph first is imported");
	ok(out.title_made == 1 && out.undated == 1,
	    "the outcome says its title was made and it has no date");
	ok(strstr(out.warning, "imported without a publication date") != NULL,
	    "and warns of the date");
	ok(article_get(db, out.article_id, &a, &e) == 0 && a.title_made == 1,
	    "the article is stored with its title marked as made");
	article_free(&a);
	db_close(db);
	fixture_rmrf(dir);
	free(dir);
}

int
main(void)
{
	/* Found by tests/fuzz/fuzz_article.c: header titles and HTML titles
	 * were stored as written. */
	stores("Title: A \x1b]0;pwned\x07 title\xe2\x80\xae\n\nBody text.\n",
	    "A ]0;pwned title", "Body text.",
	    "ESC, BEL and a bidi override are out of a header's title");
	stores("<html><head><title>T&#x1b;[31m&#8238;x</title></head><body>"
	    "<p>b&#27;c</p></body></html>", "T[31mx", "bc",
	    "and out of an HTML title written as entities");
	stores("Title: Caf\xff\n\nBody.\n", "Caf\xef\xbf\xbd", "Body.",
	    "a header title that is not UTF-8 keeps U+FFFD for the bad byte");
	test_header_stored();
	test_plain_titles();
	test_made_stored();
	return tap_done();
}
