/* SPDX-License-Identifier: ISC */
/* Fuzz target: text -> mentions, proposed people, the event and the
 * dates it gives (model/import/mention.c, model/import/people.c, model/import/extract.c,
 * model/import/dates.c), against the fixed gazetteer of fuzz_db() and a fixed
 * publication date. The input, sanitised as the importer does, is stored
 * as an article in a transaction that is rolled back afterwards. Every
 * span is inside the text and on character boundaries, a mention's text
 * is a name of its entity, and every date is a real day range. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fuzz.h"
#include "import/import.h"
#include "scotl/article.h"
#include "scotl/date.h"
#include "scotl/dates.h"
#include "scotl/events.h"
#include "scotl/extract.h"
#include "scotl/importer.h"
#include "scotl/mention.h"
#include "scotl/people.h"
#include "scotl/sha256.h"
#include "scotl/text.h"

#define FUZZ_PUBLISHED "2021-06-23"

static int
fuzz_boundary(const char *s, size_t len, size_t at)
{
	return at == 0 || at == len || ((unsigned char)s[at] & 0xc0) != 0x80;
}

static void
fuzz_span(const char *s, size_t len, long long start, long long end,
    int empty_ok, const char *what)
{
	FUZZ_CHECK(start >= 0 && end <= (long long)len &&
	    (empty_ok ? start <= end : start < end), "%s span %lld..%lld of %zu "
	    "bytes", what, start, end, len);
	FUZZ_CHECK(fuzz_boundary(s, len, (size_t)start) &&
	    fuzz_boundary(s, len, (size_t)end), "%s span %lld..%lld cuts a "
	    "character", what, start, end);
}

static void
fuzz_date(const struct date_span *d, const char *what)
{
	long a = date_parse_days(d->first), b = date_parse_days(d->last);
	struct date_span again;
	struct err e;

	FUZZ_CHECK(a != DATE_NO_DAYS && b != DATE_NO_DAYS && a <= b,
	    "%s %s..%s: not a day range", what, d->first, d->last);
	FUZZ_CHECK(date_from_parts(d->start, d->end[0] ? d->end : NULL, &again,
	    &e) == 0, "%s '%s'..'%s' does not read back: %s", what, d->start,
	    d->end, e.msg);
	FUZZ_CHECK(strcmp(again.first, d->first) == 0 &&
	    strcmp(again.last, d->last) == 0, "%s '%s' reads back as %s..%s, "
	    "not %s..%s", what, d->start, again.first, again.last, d->first,
	    d->last);
}

static void
fuzz_dates(const char *s, size_t len, const char *published)
{
	struct date_found *found = NULL;
	int n = dates_find(s, len, published, &found), i;

	FUZZ_CHECK(n >= 0, "dates_find returned %d", n);
	for (i = 0; i < n; i++) {
		fuzz_span(s, len, (long long)found[i].start, (long long)found[i].end,
		    0, "date");
		fuzz_date(&found[i].when, "date");
		FUZZ_CHECK(published != NULL || !found[i].relative,
		    "a relative date without a publication date");
	}
	free(found);
}

/* A mention's text is one of its entity's names. */
static void
fuzz_mention_named(struct db *db, const struct mention_row *m, const char *s)
{
	sqlite3_stmt *st;
	int rc;

	FUZZ_CHECK(sqlite3_prepare_v2(db->h, "SELECT 1 FROM alias WHERE"
	    " entity_id = ?1 AND name = ?2", -1, &st, NULL) == SQLITE_OK,
	    "%s", sqlite3_errmsg(db->h));
	sqlite3_bind_int64(st, 1, m->entity_id);
	sqlite3_bind_text(st, 2, s + m->start, (int)(m->end - m->start),
	    SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	FUZZ_CHECK(rc == SQLITE_ROW, "mention %lld..%lld '%.*s' is no name of "
	    "entity %lld", m->start, m->end, (int)(m->end - m->start),
	    s + m->start, m->entity_id);
}

static void
fuzz_mentions(struct db *db, long long article, const char *s, size_t len)
{
	struct mention_row *m;
	struct err e;
	int n, i;

	FUZZ_CHECK(mention_list(db, article, &m, &n, &e) == 0, "mention_list: %s",
	    e.msg);
	for (i = 0; i < n; i++) {
		fuzz_span(s, len, m[i].start, m[i].end, 0, "mention");
		fuzz_mention_named(db, &m[i], s);
	}
	free(m);
}

static void
fuzz_event(struct db *db, long long article, const struct extract_result *r,
    const char *s, size_t len)
{
	struct event_detail d;
	struct err e;
	int i;

	if (r->event_id == 0)
		return;
	FUZZ_CHECK(event_get(db, r->event_id, &d, &e) == 0, "event_get: %s", e.msg);
	fuzz_date(&d.ev.date, "the event's date");
	for (i = 0; i < d.nevidence; i++)
		if (d.evidence[i].article_id == article)
			fuzz_span(s, len, d.evidence[i].span_start,
			    d.evidence[i].span_end, 1, "evidence");
	for (i = 0; i < d.nclaims; i++)
		fuzz_date(&d.claims[i].date, "a claim");
	event_detail_free(&d);
}

static void
fuzz_store(struct db *db, const char *body)
{
	char hash[65];
	struct article a = { .name = "fuzz.txt", .title = "Fuzz",
	    .published = FUZZ_PUBLISHED, .body = (char *)body, .hash = hash };
	struct import_outcome out;
	struct extract_result r;
	struct err e;
	size_t len = strlen(body);

	memset(&out, 0, sizeof out);
	sha256_hex(body, len, hash);
	FUZZ_CHECK(db_begin_write(db, "fuzz", &e) == 0, "begin: %s", e.msg);
	if (import_article(db, &a, &out, &e) != 0) {
		/* The body of one of the database's own articles: it is not
		 * stored again. Any later step must not fail. */
		FUZZ_CHECK(a.id == 0, "import_article: %s", e.msg);
		db_rollback(db);
		return;
	}
	r.event_id = out.event_id;
	r.created = out.event_created;
	r.disputed = out.event_disputed;
	fuzz_mentions(db, a.id, body, len);
	fuzz_event(db, a.id, &r, body, len);
	db_rollback(db);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const published[] = { FUZZ_PUBLISHED, NULL,
	    "0001-01-01", "9999-12-31", "2000-02-29" };
	struct db *db = fuzz_db();
	struct buf body;
	size_t i;

	buf_init(&body);
	text_sanitise((const char *)data, size, &body);
	fuzz_check_clean(body.data, body.len, 1, "the sanitised text");
	for (i = 0; i < sizeof published / sizeof *published; i++)
		fuzz_dates(body.data, body.len, published[i]);
	fuzz_store(db, body.data);
	buf_free(&body);
	return 0;
}
