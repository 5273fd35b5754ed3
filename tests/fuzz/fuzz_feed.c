/* SPDX-License-Identifier: ISC */
/* Fuzz target: bytes -> the feed model/import/feed.c reads from them
 * (libxml2's XML parser as scotl sets it up), and the same bytes as a
 * feed's date. Whatever the bytes, the sniff and the parse end, what an
 * item holds is valid UTF-8, its date is NULL or a real day, and a date
 * feed_date accepts is YYYY-MM-DD. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "scotl/date.h"
#include "scotl/feed.h"
#include "scotl/util.h"

static void
fuzz_feed_text(const char *s, const char *what)
{
	if (s != NULL)
		FUZZ_CHECK(util_utf8_valid(s, strlen(s), NULL),
		    "%s is not valid UTF-8", what);
}

static void
fuzz_feed_day(const char *day, const char *what)
{
	FUZZ_CHECK(strlen(day) == 10 && date_parse_days(day) != DATE_NO_DAYS,
	    "%s '%s' is not a day", what, day);
}

static void
fuzz_feed_date(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size > 200 ? 200 : size);
	char day[11];

	if (feed_date(s, day) == 0)
		fuzz_feed_day(day, "feed_date's day");
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char declared[64];
	struct feed f;
	struct err e;
	int i;

	fuzz_feed_date(data, size);
	(void)feed_sniff((const char *)data, size, declared, sizeof declared);
	if (feed_parse((const char *)data, size, &f, &e) != 0) {
		fuzz_check_message(e.msg, "the parse error");
		return 0;
	}
	fuzz_feed_text(f.title, "the feed's title");
	for (i = 0; i < f.n; i++) {
		fuzz_feed_text(f.items[i].title, "an item's title");
		fuzz_feed_text(f.items[i].body, "an item's body");
		fuzz_feed_text(f.items[i].link, "an item's link");
		if (f.items[i].date != NULL)
			fuzz_feed_day(f.items[i].date, "an item's date");
	}
	feed_free(&f);
	return 0;
}
