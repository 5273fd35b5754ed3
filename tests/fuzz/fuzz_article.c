/* SPDX-License-Identifier: ISC */
/* Fuzz target: an article file -> the title and body the importer would
 * store (model/import/importer.c through import_text: the header block, charset,
 * HTML reduction, sanitising and chrome removal). Whatever the file, what
 * is kept is valid UTF-8 with no control, bidi or invisible character
 * (tab and newline aside), and sanitising it again changes nothing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "scotl/chrome.h"
#include "scotl/importer.h"
#include "scotl/text.h"
#include "scotl/util.h"

static void
fuzz_article_stable(const char *s, const char *what)
{
	struct buf again;
	long removed;

	buf_init(&again);
	removed = text_sanitise(s, strlen(s), &again);
	FUZZ_CHECK(removed == 0 && strcmp(again.data, s) == 0,
	    "%s changes when sanitised again (%ld removed)", what, removed);
	buf_free(&again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_options o = { .max_size = IMPORT_DEFAULT_MAX_SIZE };
	struct import_outcome out;
	char *title, *body, *strip;

	/* The name decides nothing the bytes do not: a page is read as HTML
	 * when it looks like one, whatever it is called. */
	if (!import_text((const char *)data, size, "fuzz.txt", &o, &title, &body,
	    &out)) {
		FUZZ_CHECK(out.status == IMPORT_REJECTED && out.reason[0] != '\0',
		    "not kept, but not rejected with a reason");
		return 0;
	}
	FUZZ_CHECK(title[0] != '\0' && body[0] != '\0', "an empty title or body");
	fuzz_check_clean(title, strlen(title), 1, "the title");
	fuzz_check_clean(body, strlen(body), 1, "the body");
	fuzz_article_stable(body, "the body");
	strip = chrome_strip(body, strlen(body));
	FUZZ_CHECK(strcmp(strip, body) == 0, "chrome_strip of the body is not "
	    "the body");
	free(strip);
	free(title);
	free(body);
	return 0;
}
