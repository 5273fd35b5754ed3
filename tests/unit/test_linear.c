/* SPDX-License-Identifier: ISC */
/* Every step of an import takes time in proportion to the article: each
 * step (reading the text, storing it, finding mentions, proposing people,
 * extracting the event) runs on an article of N bytes and on one of 16 N
 * of the same shape, and the larger must take less than 64 times as long.
 * A step that is linear takes about 16 times as long, one that grows with
 * the square of the size about 256 times: the bound leaves a factor of
 * four either way, so a slow or busy machine, a sanitizer or a cache that
 * the larger article overflows does not make it fail, while any step that
 * compares every mention with every other, or walks back to the start of
 * the text for each name, does. Times are CPU times of this process, the
 * least of three runs, plus an allowance of 50 ms for steps too quick to
 * measure. The shapes are those that made a step quadratic: many states
 * in one sentence, many short sentences with a name each, many dates,
 * titles before names with and without full stops, "two-day-" over and
 * over. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "fixture.h"
#include "import/import.h"
#include "import/rows.h"
#include "scotl/article.h"
#include "scotl/corpus.h"
#include "scotl/extract.h"
#include "scotl/importer.h"
#include "scotl/mention.h"
#include "scotl/people.h"
#include "scotl/sha256.h"

#define LINEAR_FACTOR 16
#define LINEAR_BOUND 64.0
#define LINEAR_SLACK 0.05
#define LINEAR_RUNS 3

enum { STEP_TEXT, STEP_STORE, STEP_MENTIONS, STEP_PEOPLE, STEP_EVENT, NSTEPS };

static const char *const step_names[NSTEPS] = {
	"text", "store", "mentions", "people", "event",
};

/* Each shape with the size of its smaller article: shapes whose square
 * term is light (a comparison per sentence or per mention) need larger
 * articles before it outweighs the rest. */
static const struct {
	const char *name, *head, *unit;
	size_t small;
} shapes[] = {
	/* Article 000 of data/articles over and over: realistic text. */
	{ "seed", "", NULL, 16384 },
	{ "states in one sentence", "The summit ",
	    "India Pakistan China Russia Kazakhstan SCO SCO SCO meeting ", 16384 },
	{ "states a sentence", "", "India and Pakistan met in Dushanbe. ", 16384 },
	{ "a month a sentence", "", "Met in June 2021. ", 65536 },
	{ "known people after titles", "", "President Ajit Doval met. ", 65536 },
	{ "new people after titles", "",
	    "President Ab Cd of India met Prime Minister Ef Gh of Pakistan. ",
	    16384 },
	{ "titles in one sentence", "The summit ",
	    "President Ab Cd of India met Prime Minister Ef Gh of Pakistan and ",
	    16384 },
	{ "two-day over and over", "The meeting in Dushanbe. ",
	    "two-day-and-so-on-and-so-on-and-so-on-", 16384 },
	{ "HTML tags", "<html><head><title>A page</title></head><body>",
	    "<p><span class=\"w\">India</span> &amp; <b>met</b> 1 &lt; 2</p>\n",
	    16384 },
	/* Nesting without end, and end tags that close nothing: libxml2
	 * looks through every open element for each of them. */
	{ "HTML nested without end", "<html><head><title>A page</title></head>"
	    "<body>", "<div><span>India met</b></p>\n", 16384 },
	{ "white space", "", "  \t India \r\n\n  met \n\n\n   \t ", 16384 },
};

static char *
linear_seed(void)
{
	struct buf b;
	struct err e;
	char *nl, *s;

	buf_init(&b);
	if (util_read_file(fixture_path("../data/articles/000_3148a955f42c3b81.txt"),
	    &b, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		exit(1);
	}
	nl = strchr(b.data, '\n');
	s = xstrdup(nl ? nl + 1 : b.data);
	buf_free(&b);
	return s;
}

/* A file of SIZE bytes: a title line, the head, the unit over and over. */
static char *
linear_article(const char *head, const char *unit, size_t size, size_t *len)
{
	struct buf b;
	size_t n = strlen(unit);

	buf_init(&b);
	if (head[0] != '<')
		buf_adds(&b, "A long article for the tests\n\n");
	buf_adds(&b, head);
	while (b.len < size)
		buf_add(&b, unit, b.len + n <= size ? n : size - b.len);
	*len = b.len;
	return buf_steal(&b);
}

static double
linear_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One import of the text, each step timed into T, in a transaction
 * rolled back so that every run starts from the same database. */
static int
linear_run(struct db *db, const char *raw, size_t len, const char *path,
    double t[NSTEPS])
{
	struct import_options o = { .date = "2022-05-15",
		.max_size = IMPORT_DEFAULT_MAX_SIZE };
	struct import_outcome out;
	struct extract_result r;
	struct extract_found *f = NULL;
	struct mention_row *m = NULL;
	struct people_found *p = NULL;
	struct article a;
	char *title, *body, hash[65];
	int n = 0, np = 0, found, i;
	struct err e;
	double t0;
	int rc = -1;

	t0 = linear_now();
	if (!import_text(raw, len, path, &o, &title, &body, &out))
		return -1;
	t[STEP_TEXT] = linear_now() - t0;
	memset(&a, 0, sizeof a);
	a.name = (char *)path;
	a.title = title;
	a.body = body;
	a.hash = hash;
	a.published = (char *)o.date;
	if (db_begin_write(db, "test", &e) != 0)
		goto out;
	t0 = linear_now();
	sha256_hex(body, strlen(body), hash);
	if (rows_article(db, &a, &a.id, &e) != 0)
		goto rollback;
	t[STEP_STORE] = linear_now() - t0;
	t0 = linear_now();
	if (mention_find(db, body, strlen(body), &m, &n, &e) != 0 ||
	    rows_mentions(db, a.id, m, n, &e) < 0)
		goto rollback;
	t[STEP_MENTIONS] = linear_now() - t0;
	t0 = linear_now();
	if ((np = people_find(db, body, strlen(body), m, n, &p, &e)) < 0 ||
	    import_people(db, a.id, p, np, &m, &n, &e) != 0)
		goto rollback;
	t[STEP_PEOPLE] = linear_now() - t0;
	t0 = linear_now();
	if ((found = extract_find(db, &a, m, n, &f, &e)) < 0)
		goto rollback;
	for (i = 0; i < found; i++)
		if (rows_event(db, &a, &f[i], &r, &e) != 0)
			goto rollback;
	t[STEP_EVENT] = linear_now() - t0;
	rc = 0;
rollback:
	if (rc != 0)
		tap_diag("%s", e.msg);
	db_rollback(db);
out:
	if (np > 0)
		people_found_free(p, np);
	free(p);
	free(m);
	free(f);
	free(title);
	free(body);
	return rc;
}

static int
linear_within(const double small[NSTEPS], const double large[NSTEPS], int k)
{
	return large[k] < LINEAR_BOUND * small[k] + LINEAR_SLACK;
}

/* The least time of each step over the runs; with SMALL, the times of
 * the smaller article, runs stop once a step is over the bound (a step
 * that grows with the square of the size takes minutes, not seconds). */
static int
linear_measure(struct db *db, const char *head, const char *unit, size_t size,
    const double *small, double best[NSTEPS])
{
	double t[NSTEPS];
	size_t len;
	char *raw = linear_article(head, unit, size, &len);
	int run, k, rc = 0;

	for (k = 0; k < NSTEPS; k++)
		best[k] = 1e9;
	for (run = 0; run < LINEAR_RUNS && rc == 0; run++) {
		rc = linear_run(db, raw, len, head[0] == '<' ? "a.html" : "a.txt", t);
		for (k = 0; k < NSTEPS && rc == 0; k++)
			if (t[k] < best[k])
				best[k] = t[k];
		for (k = 0; k < NSTEPS && small != NULL; k++)
			if (!linear_within(small, best, k))
				run = LINEAR_RUNS;
	}
	free(raw);
	return rc;
}

int
main(void)
{
	char *dir = fixture_tmpdir(), *seed = linear_seed();
	struct db *db = fixture_gazetteer_db(dir);
	double small[NSTEPS], large[NSTEPS];
	size_t i;
	int k;

	/* The automaton of names is built once per connection: not timed. */
	linear_measure(db, "", "India. ", 64, NULL, small);
	for (i = 0; i < sizeof shapes / sizeof *shapes; i++) {
		const char *unit = shapes[i].unit ? shapes[i].unit : seed;

		if (linear_measure(db, shapes[i].head, unit, shapes[i].small, NULL,
		    small) != 0 || linear_measure(db, shapes[i].head, unit,
		    shapes[i].small * LINEAR_FACTOR, small, large) != 0) {
			ok(0, "%s: imported", shapes[i].name);
			continue;
		}
		for (k = 0; k < NSTEPS; k++) {
			ok(linear_within(small, large, k),
			    "%s: %s, %dx the size in %.1fx the time (%.4f s, %.4f s)",
			    shapes[i].name, step_names[k], LINEAR_FACTOR,
			    large[k] / (small[k] > 0 ? small[k] : 1e-9), small[k],
			    large[k]);
		}
	}
	db_close(db);
	fixture_rmrf(dir);
	free(dir);
	free(seed);
	return tap_done();
}
