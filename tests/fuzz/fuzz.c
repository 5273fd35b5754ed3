/* SPDX-License-Identifier: ISC */
/* Helpers of the fuzz targets: failing loudly, checking text, and the
 * small database the model targets run against. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "scotl/corpus.h"
#include "scotl/util.h"

const char *fuzz_input_name;

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fuzz check failed%s%s: ", fuzz_input_name ? " on " : "",
	    fuzz_input_name ? fuzz_input_name : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void
fuzz_check_clean(const char *s, size_t len, int allow_lines, const char *what)
{
	unsigned long cp;
	size_t i = 0, n, bad;

	FUZZ_CHECK(util_utf8_valid(s, len, &bad),
	    "%s: not valid UTF-8 at byte %zu of %zu", what, bad, len);
	while (i < len) {
		n = util_utf8_decode(s + i, len - i, &cp);
		FUZZ_CHECK(n > 0, "%s: undecodable at byte %zu", what, i);
		FUZZ_CHECK(!(util_is_control(cp) || util_is_hidden(cp)) ||
		    (allow_lines && (cp == '\t' || cp == '\n')),
		    "%s: U+%04lX at byte %zu", what, cp, i);
		i += n;
	}
}

void
fuzz_check_message(const char *msg, const char *what)
{
	FUZZ_CHECK(msg[0] != '\0', "%s: an empty message", what);
	fuzz_check_clean(msg, strlen(msg), 0, what);
}

/* tests/data/mini-data, with names in other scripts added. */
static const char fuzz_gazetteer[] =
	"state: India\ndemonym: Indian\nplace: New Delhi | capital | Delhi\n"
	"sco: observer | 2005-07-05 | 2017-06-08\nsco: member | 2017-06-09\n\n"
	"state: Pakistan\ndemonym: Pakistani\n"
	"sco: observer | 2005-07-05 | 2017-06-08\nsco: member | 2017-06-09\n\n"
	"state: Tajikistan\ndemonym: Tajik\nplace: Dushanbe | capital\n"
	"sco: member | 2001-06-15\n\n"
	"state: Russia\nalias: Russian Federation\nalias: \xd0\xa0\xd0\xbe\xd1\x81"
	"\xd1\x81\xd0\xb8\xd1\x8f\ndemonym: Russian\nsco: member | 2001-06-15\n\n"
	"state: China\nalias: \xe4\xb8\xad\xe5\x9b\xbd\ndemonym: Chinese\n"
	"place: Qingdao\nsco: member | 2001-06-15\n\n"
	"organisation: Regional Anti-Terrorist Structure\nalias: RATS\n\n"
	"person: Ajit Doval\nalias: Doval\nrole: National Security Adviser | India\n\n"
	"person: Moeed Yusuf\nalias: Yusuf\n"
	"role: National Security Adviser | Pakistan\n\n"
	"person: Jumakhon Giyosov\nalias: Giyosev\n"
	"role: Director, RATS Executive Committee | Tajikistan | 2019 | 2021\n\n"
	"person: Nikolai Patrushev\nalias: Nikolay Patrushev\nalias: Patrushev\n"
	"role: Secretary, Security Council | Russia\n";

static const char fuzz_articles[] =
	"article: a.txt\ntitle: Ministers meet in Dushanbe\npublished: 2021-06-23\n\n"
	"article: b.txt\ntitle: Talks in Delhi\npublished: 2021-09-08\n"
	"source: Test Wire\nurl: https://example.org/b\n";

static const char fuzz_a[] =
	"Ministers meet in Dushanbe\n\n3 min read\nThe Indian NSA Ajit Doval met "
	"his Pakistani counterpart in Dushanbe on Wednesday.\n\nRATS director "
	"Jumakhon Giyosev attended.\n\nLeave a Reply\n";
static const char fuzz_b[] =
	"Talks in Delhi\n\nRussian Security Council Secretary Nikolay Patrushev "
	"met Ajit Doval in New Delhi.\n";

static const char fuzz_events[] =
	"event: founding\ndate: 2001-06-15\ntitle: Founding\nkind: founding\n"
	"participant: Russia | founding member\n"
	"participant: Tajikistan | founding member\n\n"
	"event: taliban-2021\ndate: 2021-08\ntitle: A month-precision event\n"
	"kind: withdrawal\n\n"
	"event: nsa-dushanbe\ndate: 2021-06-23\ntitle: NSA meeting in Dushanbe\n"
	"kind: nsa-meeting\nplace: Dushanbe\nconfidence: 0.8\n"
	"participant: Ajit Doval | National Security Adviser | India\n"
	"participant: Moeed Yusuf | National Security Adviser | Pakistan\n"
	"participant: Giyosev | Director, RATS Executive Committee\n"
	"participant: India | member\nparticipant: Pakistan | member\n"
	"participant: Tajikistan | host\n"
	"evidence: a.txt | The Indian NSA Ajit Doval met his Pakistani "
	"counterpart in Dushanbe on Wednesday.\n"
	"claim: 2021-06-23 | a.txt\nclaim: 2021-06-23..2021-06-24 | one report\n\n"
	"event: talks-delhi\ndate: 2021-09-07..2021-09-08\n"
	"title: Patrushev\xe2\x80\x93" "Doval talks\nkind: bilateral\nplace: Delhi\n"
	"participant: Patrushev | Secretary, Security Council\n"
	"participant: Doval | National Security Adviser\n"
	"evidence: b.txt | Russian Security Council Secretary Nikolay Patrushev "
	"met Ajit Doval in New Delhi.\n\n"
	"event: year-2021\ndate: 2021\ntitle: A year-precision event\n"
	"kind: conference\n\n"
	"event: approx\ndate: ~2019\ntitle: An approximate event\nkind: conference\n";

static void
fuzz_write(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	FUZZ_CHECK(snprintf(path, sizeof path, "%s/%s", dir, name) <
	    (int)sizeof path, "%s: too long", dir);
	f = fopen(path, "w");
	FUZZ_CHECK(f != NULL && fputs(text, f) >= 0 && fclose(f) == 0,
	    "cannot write %s", path);
}

static void
fuzz_unlink(const char *dir, const char *name)
{
	char path[4096];

	if (snprintf(path, sizeof path, "%s/%s", dir, name) < (int)sizeof path)
		unlink(path);
}

struct db *
fuzz_db(void)
{
	static struct db *db;
	static const char *const names[] = { "gazetteer.rec", "articles.rec",
	    "events.rec", "articles/a.txt", "articles/b.txt" };
	const char *texts[] = { fuzz_gazetteer, fuzz_articles, fuzz_events,
	    fuzz_a, fuzz_b };
	const char *tmp = getenv("TMPDIR");
	char dir[4096], sub[4200];
	struct corpus_counts n;
	struct err e;
	size_t i;

	if (db != NULL)
		return db;
	snprintf(dir, sizeof dir, "%s/scotl-fuzz-XXXXXX", tmp ? tmp : "/tmp");
	FUZZ_CHECK(mkdtemp(dir) != NULL, "cannot make a temporary directory");
	snprintf(sub, sizeof sub, "%s/articles", dir);
	FUZZ_CHECK(mkdir(sub, 0700) == 0, "cannot make %s", sub);
	for (i = 0; i < sizeof names / sizeof *names; i++)
		fuzz_write(dir, names[i], texts[i]);
	if (db_open(&db, ":memory:", DB_CREATE, &e) != 0 ||
	    corpus_load(db, dir, &n, &e) != 0)
		fuzz_fail("the fuzz database: %s", e.msg);
	for (i = 0; i < sizeof names / sizeof *names; i++)
		fuzz_unlink(dir, names[i]);
	rmdir(sub);
	rmdir(dir);
	return db;
}
