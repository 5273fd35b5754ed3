/* SPDX-License-Identifier: ISC */
/* model/import/chrome.c: site chrome and reading times leave the body. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/chrome.h"

static void
strip(const char *in, const char *want, const char *what)
{
	char *got = chrome_strip(in, strlen(in));

	is_str(got, want, what);
	free(got);
}

int
main(void)
{
	ok(chrome_is_reading_time("1 minute, 48 seconds Read", 25),
	    "'1 minute, 48 seconds Read' is a reading time");
	ok(chrome_is_reading_time("3 min read", 10), "'3 min read' is one");
	ok(chrome_is_reading_time(" 5 Minutes Read ", 16), "'5 Minutes Read' is one");
	ok(!chrome_is_reading_time("Read 3 minutes", 14), "'Read 3 minutes' is not");
	ok(!chrome_is_reading_time("3 reasons to read", 17), "'3 reasons to read' is not");
	ok(chrome_is_trailer("Leave a Reply", 13), "'Leave a Reply' is chrome");
	ok(chrome_is_trailer("  Exit mobile version", 21), "'Exit mobile version' is");
	ok(chrome_is_trailer("This website uses cookies to improve your experience.", 53),
	    "a cookie notice is");
	ok(!chrome_is_trailer("Leave a Reply to the minister", 29),
	    "a sentence that starts like chrome is not");

	strip("1 minute, 48 seconds Read\nText one.\n\nText two.\n\nSimilar Posts\n",
	    "Text one.\n\nText two.", "reading time and trailing chrome go");
	strip("\n\nBody.\n\nRelated Articles\n\nLeave a Reply\n\n"
	    "Your email address will not be published.\n\nBack to top button",
	    "Body.", "a run of trailers and blank lines at the end goes");
	strip("Related Articles are listed below, he said.\nMore.\n",
	    "Related Articles are listed below, he said.\nMore.",
	    "a sentence that merely starts like chrome stays");
	strip("A.\nLeave a Reply\nB.\n", "A.\nLeave a Reply\nB.",
	    "chrome in the middle of the text stays: only the end is page furniture");
	strip("gradually.     \nNext.", "gradually.     \nNext.",
	    "lines that stay are kept byte for byte");
	strip("", "", "an empty text stays empty");
	strip("Leave a Reply\n", "", "a text of chrome only becomes empty");
	return tap_done();
}
