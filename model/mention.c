#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scotl/mention.h"

static const char mention_sql_aliases[] =
	"SELECT a.name, a.entity_id FROM alias a";
static const char mention_sql_body[] = "SELECT body FROM article WHERE id = ?1";
static const char mention_sql_insert[] =
	"INSERT OR IGNORE INTO mention(article_id, entity_id, span_start, span_end)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char mention_sql_list[] =
	"SELECT m.entity_id, e.kind, m.span_start, m.span_end FROM mention m"
	" JOIN entity e ON e.id = m.entity_id WHERE m.article_id = ?1"
	" ORDER BY m.span_start, m.span_end DESC";

struct mention_hit {
	long long entity;
	size_t start, end;
};

/* A word character: ASCII letters and digits, and any byte of a non-ASCII
 * character (letters of other scripts); an apostrophe ends a word, so
 * "India’s" names India. */
static int
mention_wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0xc0 || (c >= 0x80 && c < 0xc0);
}

static int
mention_bounded(const char *body, size_t len, size_t start, size_t end)
{
	unsigned char before = start > 0 ? (unsigned char)body[start - 1] : ' ';
	unsigned char after = end < len ? (unsigned char)body[end] : ' ';

	/* A continuation byte before means we are inside a character. */
	if (start > 0 && before >= 0x80 && before < 0xc0 &&
	    ((unsigned char)body[start] & 0xc0) == 0x80)
		return 0;
	return !mention_wordc(before) && !mention_wordc(after);
}

static int
mention_cmp(const void *a, const void *b)
{
	const struct mention_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static void
mention_find(const char *body, size_t len, const char *name, long long entity,
    struct mention_hit **hits, int *n, int *cap)
{
	size_t nlen = strlen(name);
	const char *p = body;

	if (nlen == 0)
		return;
	while ((p = strstr(p, name)) != NULL) {
		size_t start = (size_t)(p - body);

		if (mention_bounded(body, len, start, start + nlen)) {
			*hits = xgrow(*hits, *n, cap, sizeof **hits);
			(*hits)[(*n)++] = (struct mention_hit){ entity, start,
			    start + nlen };
		}
		p += nlen;
	}
}

static int
mention_store(struct db *db, long long article, struct mention_hit *hits,
    int n, struct err *e)
{
	sqlite3_stmt *st;
	size_t covered = 0;
	int i, stored = 0;

	if (n == 0)
		return 0;
	qsort(hits, (size_t)n, sizeof *hits, mention_cmp);
	for (i = 0; i < n; i++) {
		/* The longest name at a place wins; names inside it do not
		 * count ("New Delhi" is not also "Delhi"). */
		if (hits[i].start < covered)
			continue;
		covered = hits[i].end;
		if ((st = db_stmt(db, mention_sql_insert, e)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int64(st, 2, hits[i].entity);
		sqlite3_bind_int64(st, 3, (long long)hits[i].start);
		sqlite3_bind_int64(st, 4, (long long)hits[i].end);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(db, e, "store a mention");
		stored++;
	}
	return stored;
}

int
mention_scan(struct db *db, long long article_id, struct err *e)
{
	struct mention_hit *hits = NULL;
	int n = 0, cap = 0, rc;
	sqlite3_stmt *st;
	char *body;

	if (db_require_writable(db, "store mentions", e) != 0 ||
	    (st = db_stmt(db, mention_sql_body, e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		err_set(e, "no article %lld", article_id);
		return -1;
	}
	body = db_col_text(st, 0);
	sqlite3_reset(st);
	if ((st = db_stmt(db, mention_sql_aliases, e)) == NULL) {
		free(body);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		mention_find(body, strlen(body),
		    (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_int64(st, 1), &hits, &n, &cap);
	rc = rc == SQLITE_DONE ? mention_store(db, article_id, hits, n, e) :
	    db_fail(db, e, "reading names");
	free(hits);
	free(body);
	return rc;
}

int
mention_list(struct db *db, long long article_id, struct mention_row **out,
    int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, mention_sql_list, e);
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mention_row *m;

		*out = xgrow(*out, *n, &cap, sizeof **out);
		m = &(*out)[(*n)++];
		m->entity_id = sqlite3_column_int64(st, 0);
		snprintf(m->kind, sizeof m->kind, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		m->start = sqlite3_column_int64(st, 2);
		m->end = sqlite3_column_int64(st, 3);
	}
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, e, "reading mentions");
	}
	return 0;
}
