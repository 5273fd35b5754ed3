/* SPDX-License-Identifier: ISC */
/* model/import/importer.c: what a file says of itself (its header block, its
 * HTML <title>) is sanitised like its body before it is stored. */
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
	return tap_done();
}
