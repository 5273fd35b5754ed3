/* SPDX-License-Identifier: ISC */
/* model/import/dates.c: dates in article text, absolute and relative to the
 * publication date, on sentences of our own and on the five seeds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/dates.h"

/* The dates found in TEXT, as "date@words" joined by spaces. */
static void
found(const char *text, const char *pub, char *out, size_t size)
{
	struct date_found *f;
	int n = dates_find(text, strlen(text), pub, &f), i;
	char d[48];

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		date_format(&f[i].when, d, sizeof d);
		snprintf(out + strlen(out), size - strlen(out), "%s%s@%.*s",
		    i ? " | " : "", d, (int)(f[i].end - f[i].start), text + f[i].start);
	}
	free(f);
}

static void
check(const char *text, const char *pub, const char *want, const char *what)
{
	char got[2048];

	found(text, pub, got, sizeof got);
	is_str(got, want, what);
}

static void
seed(const char *file, const char *pub, const char *want, const char *what)
{
	char path[256], got[4096];
	struct buf b;
	struct err e;

	snprintf(path, sizeof path, "../data/articles/%s", file);
	buf_init(&b);
	if (util_read_file(fixture_path(path), &b, &e) != 0) {
		ok(0, "%s", e.msg);
		return;
	}
	found(b.data, pub, got, sizeof got);
	ok(strstr(got, want) != NULL, "%s", what);
	if (strstr(got, want) == NULL)
		tap_diag("found: %s", got);
	buf_free(&b);
}

int
main(void)
{
	check("The meeting was on 2025-06-25 in Qingdao.", NULL,
	    "2025-06-25@2025-06-25", "an ISO date");
	check("He took the chair on 28 October 2021.", NULL,
	    "2021-10-28@28 October 2021", "day month year");
	check("He took the chair on October 28, 2021.", NULL,
	    "2021-10-28@October 28, 2021", "month day, year");
	check("India joined in June 2017 as a member.", NULL,
	    "2017-06@June 2017", "a month and year: month precision");
	check("They met on Wednesday.", NULL, "",
	    "without a publication date, no relative date");
	check("They met on Wednesday.", "2021-06-23", "2021-06-23@Wednesday",
	    "a weekday on the publication day itself");
	check("They met on Monday.", "2021-06-23", "2021-06-21@Monday",
	    "a weekday before the publication date");
	check("They will meet on Friday.", "2021-06-23", "2021-06-25@Friday",
	    "a weekday ahead when the sentence says will");
	check("It was agreed on 28 October.", "2022-05-15", "2021-10-28@28 October",
	    "a day and month after the publication date's: the year before");
	check("They stay until May 20.", "2022-05-15", "2022-05-20@May 20",
	    "until looks ahead: the same year");
	check("It may rain, they may meet.", "2022-05-15", "", "the verb may is not May");
	check("The talks on O\xd1\x81tober 3, 2022 ended.", NULL,
	    "2022-10-03@O\xd1\x81tober 3, 2022",
	    "a Cyrillic look-alike letter inside a month name");
	check("Last week and last month and last year.", "2022-05-15",
	    "2022-05-02..08@Last week | 2022-04@last month | 2021@last year",
	    "last week, month and year");
	check("Next month they meet; this year too.", "2022-12-15",
	    "2023-01@Next month | 2022@this year", "next month across a year");
	check("Earlier this year, they met.", "2022-05-15",
	    "2022-01-01..05-15@Earlier this year", "earlier this year");
	check("A ceasefire in February this year held.", "2021-06-23",
	    "2021-02@February this year", "a month of this year");
	check("They met on 31 February.", "2022-05-15", "", "no 31 February");

	seed("000_3148a955f42c3b81.txt", "2021-06-23", "2021-06-23@Wednesday",
	    "seed 000: 'on Wednesday' is 2021-06-23");
	seed("001_d7dc98a0a732fa13.txt", "2022-05-15", "2022-05-15@Sunday",
	    "seed 001: 'On Sunday' is 2022-05-15");
	seed("001_d7dc98a0a732fa13.txt", "2022-05-15", "2022-05-14@Saturday",
	    "seed 001: 'On Saturday' is 2022-05-14, though the sentence goes on "
	    "'will stay'");
	seed("001_d7dc98a0a732fa13.txt", "2022-05-15", "2021-10-28@28 October",
	    "seed 001: '28 October' is 2021-10-28");
	seed("002_ce39b4929506ae58.txt", "2025-06-25", "2025-06-24@Tuesday",
	    "seed 002: 'on Tuesday' is 2025-06-24");
	seed("002_ce39b4929506ae58.txt", "2025-06-25", "2025-05@last month",
	    "seed 002: 'last month' is 2025-05");
	seed("003_ff30a0ee940f8091.txt", "2022-08-20", "2022-08-18..19@Thursday and Friday",
	    "seed 003: 'on Thursday and Friday' is 2022-08-18..19");
	seed("003_ff30a0ee940f8091.txt", "2022-08-20", "2023-03@March 2023",
	    "seed 003: 'March 2023'");
	seed("003_ff30a0ee940f8091.txt", "2022-08-20", "2022-12@December of this year",
	    "seed 003: 'December of this year' is 2022-12");
	seed("004_691f94b3424021d2.txt", "2021-09-08", "2021-09-08@Wednesday",
	    "seed 004: 'on Wednesday' is 2021-09-08");
	return tap_done();
}
