/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "scotl/article.h"

static const char article_sql_find[] =
	"SELECT id FROM article WHERE id = ?1 OR name = ?2 ORDER BY id LIMIT 1";

int
article_find(struct db *db, const char *key, long long *id, struct err *e)
{
	int found = db_lookup_id(db, article_sql_find, key, id, e);

	if (found == 0)
		err_set(e, "no article '%s' (give its number or its file name)", key);
	return found == 1 ? 0 : -1;
}

static const char article_sql_body[] = "SELECT body FROM article WHERE id = ?1";

int
article_body(struct db *db, long long id, char **body, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, article_sql_body, e);
	int rc;

	*body = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*body = db_col_text(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		err_set(e, "no article %lld", id);
	else
		db_fail(db, e, "reading an article");
	return -1;
}

static const char article_sql_get[] =
	"SELECT id, coalesce(name, ''), title, coalesce(source, ''),"
	" coalesce(url, ''), coalesce(published, ''), charset, hash, body,"
	" coalesce(author, ''), title_made FROM article WHERE id = ?1";

int
article_get(struct db *db, long long id, struct article *a, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, article_sql_get, e);
	int rc;

	memset(a, 0, sizeof *a);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		err_set(e, "no article %lld", id);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return db_fail(db, e, "reading an article");
	a->id = sqlite3_column_int64(st, 0);
	a->name = db_col_text(st, 1);
	a->title = db_col_text(st, 2);
	a->source = db_col_text(st, 3);
	a->url = db_col_text(st, 4);
	a->published = db_col_text(st, 5);
	a->charset = db_col_text(st, 6);
	a->hash = db_col_text(st, 7);
	a->body = db_col_text(st, 8);
	a->author = db_col_text(st, 9);
	a->title_made = sqlite3_column_int(st, 10) != 0;
	/* A NUL inside the text (a hand-edited database) ends it here. */
	a->body_len = strlen(a->body);
	sqlite3_reset(st);
	return 0;
}

void
article_free(struct article *a)
{
	free(a->name);
	free(a->title);
	free(a->source);
	free(a->url);
	free(a->author);
	free(a->published);
	free(a->charset);
	free(a->hash);
	free(a->body);
	memset(a, 0, sizeof *a);
}

static const char article_sql_events[] =
	"SELECT DISTINCT e.id, coalesce(e.slug, ''), e.first_day, e.last_day,"
	" e.kind, e.title, e.origin = 'extracted' FROM evidence v"
	" JOIN event e ON e.id = v.event_id WHERE v.article_id = ?1"
	" ORDER BY e.first_day, e.id";

int
article_events(struct db *db, long long id, struct article_event **out,
    int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, article_sql_events, e);
	struct article_event *v;
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		v = &(*out)[(*n)++];
		v->id = sqlite3_column_int64(st, 0);
		v->slug = db_col_text(st, 1);
		v->first_day = db_col_text(st, 2);
		v->last_day = db_col_text(st, 3);
		v->kind = db_col_text(st, 4);
		v->title = db_col_text(st, 5);
		v->extracted = sqlite3_column_int(st, 6) != 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	article_events_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, e, "reading the events of an article");
}

void
article_events_free(struct article_event *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(v[i].slug);
		free(v[i].first_day);
		free(v[i].last_day);
		free(v[i].kind);
		free(v[i].title);
	}
	free(v);
}
