/* SPDX-License-Identifier: ISC */
/* model/user/annot.c and model/user/views.c: bookmarks, tags, notes, saved views
 * and the filter history, and how the filter language finds them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "store/store.h"
#include "scotl/annot.h"
#include "scotl/events.h"
#include "scotl/filter.h"
#include "scotl/views.h"

static struct db *db;

static long long
event_id(const char *slug)
{
	long long id = 0;
	struct err e;

	if (events_find(db, slug, &id, &e) != 0)
		tap_diag("no event %s: %s", slug, e.msg);
	return id;
}

/* The slugs a filter keeps, or "error: ...". */
static void
keeps(const char *text, const char *want)
{
	struct event_filter f;
	struct event_list l;
	struct err e;
	char got[2048] = "";
	int col, i;

	memset(&f, 0, sizeof f);
	if (filter_compile(text, &f.expr, &col, &e) != 0)
		snprintf(got, sizeof got, "error: %s", e.msg);
	else if (events_window(db, &f, NULL, EVENTS_AFTER, 100, &l, &e) != 0)
		snprintf(got, sizeof got, "SQL: %s", e.msg);
	else {
		for (i = 0; i < l.n; i++)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s",
			    i ? " " : "", l.rows[i].slug);
		event_list_free(&l);
	}
	filter_free(f.expr);
	is_str(got, want, text);
}

/* The row the timeline reads for an event. */
static struct event_row *
row_of(const char *slug, struct event_list *l)
{
	struct event_filter f;
	struct err e;
	int i;

	memset(&f, 0, sizeof f);
	if (events_window(db, &f, NULL, EVENTS_AFTER, 100, l, &e) != 0)
		return NULL;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->rows[i].slug, slug) == 0)
			return &l->rows[i];
	return NULL;
}

static void
test_bookmarks(void)
{
	long long id = event_id("nsa-dushanbe");
	struct event_list l;
	struct event_row *r;
	struct err e;
	int on = -1;

	ok(annot_bookmark_toggle(db, id, &on, &e) == 0 && on == 1,
	    "m bookmarks an event");
	keeps("is:bookmarked", "nsa-dushanbe");
	r = row_of("nsa-dushanbe", &l);
	ok(r && r->bookmarked && !r->noted, "the timeline row says bookmarked");
	event_list_free(&l);
	ok(annot_bookmark_toggle(db, id, &on, &e) == 0 && on == 0,
	    "m again removes the bookmark");
	keeps("is:bookmarked", "");
	ok(annot_bookmark_toggle(db, 99999, &on, &e) != 0 &&
	    strstr(e.msg, "no event 99999"), "a missing event: %s", e.msg);
}

static void
test_tags(void)
{
	long long id = event_id("talks-delhi"), other = event_id("founding");
	struct event_list l;
	struct event_row *r;
	struct err e;
	char *t = NULL;

	ok(annot_tags_set(db, id, " Watch, #india-pak  watch ", &e) == 0,
	    "tags are set from words and commas");
	ok(annot_tags_get(db, id, &t, &e) == 0 && t &&
	    strcmp(t, "india-pak watch") == 0,
	    "tags come back lower case, sorted, once each: '%s'", t ? t : "");
	free(t);
	r = row_of("talks-delhi", &l);
	ok(r && r->tags && strcmp(r->tags, "india-pak watch") == 0,
	    "the timeline row holds the tags");
	event_list_free(&l);
	ok(annot_tags_set(db, other, "watch", &e) == 0, "a second event tagged");
	keeps("tag:watch", "founding talks-delhi");
	keeps("tag:WATCH", "founding talks-delhi");
	keeps("tag:#india-pak", "talks-delhi");
	keeps("tag:wat", "");
	keeps("-tag:watch tag:india-pak", "");
	ok(annot_tags_set(db, id, "ok bad;tag", &e) != 0 &&
	    strstr(e.msg, "column 7"), "a bad character is named: %s", e.msg);
	ok(annot_tags_get(db, id, &t, &e) == 0 && strcmp(t, "india-pak watch") == 0,
	    "a refused tag set changes nothing");
	free(t);
	ok(annot_tags_set(db, id, "a\x1b[2Jb", &e) != 0, "an escape is refused");
	ok(annot_tags_set(db, id, "", &e) == 0 && annot_tags_get(db, id, &t, &e) == 0 &&
	    strcmp(t, "") == 0, "empty text clears the tags");
	free(t);
	keeps("tag:watch", "founding");
}

static void
test_notes(void)
{
	long long id = event_id("taliban-2021");
	struct err e;
	char *body = NULL;
	char *big;

	ok(annot_note_get(db, id, &body, &e) == 0 && body == NULL,
	    "no note to begin with");
	ok(annot_note_set(db, id, "Check the Kabul angle.\nSecond line.", &e) == 0,
	    "a note is written");
	ok(annot_note_get(db, id, &body, &e) == 0 && body &&
	    strcmp(body, "Check the Kabul angle.\nSecond line.") == 0,
	    "the note reads back");
	free(body);
	keeps("is:noted", "taliban-2021");
	keeps("kabul", "taliban-2021");
	ok(annot_note_set(db, id, "Replaced", &e) == 0 &&
	    fixture_sql_int(db, "SELECT count(*) FROM note") == 1,
	    "writing again replaces the note");
	/* From a file: a NUL would cut the note, silently, at it. */
	ok(annot_note_set_bytes(db, id, "abc\0def\n", 8, &e) != 0 &&
	    strstr(e.msg, "NUL byte (byte 4)") && annot_note_get(db, id, &body,
	    &e) == 0 && body && strcmp(body, "Replaced") == 0,
	    "a note holding a NUL byte is refused and the old one kept: %s", e.msg);
	free(body);
	ok(annot_note_set_bytes(db, id, "two\nlines\n", 10, &e) == 0 &&
	    annot_note_get(db, id, &body, &e) == 0 && body &&
	    strcmp(body, "two\nlines\n") == 0, "the bytes of a file are the note");
	free(body);
	ok(annot_note_set(db, id, "Replaced", &e) == 0, "and it is replaced again");
	ok(annot_note_set(db, id, "bad \xff byte", &e) != 0 &&
	    strstr(e.msg, "byte 5"), "bad UTF-8 is named: %s", e.msg);
	big = xmalloc(ANNOT_NOTE_MAX + 2);
	memset(big, 'x', ANNOT_NOTE_MAX + 1);
	big[ANNOT_NOTE_MAX + 1] = '\0';
	ok(annot_note_set(db, id, big, &e) != 0 && strstr(e.msg, "more than"),
	    "a note too long is refused: %s", e.msg);
	free(big);
	ok(annot_note_set(db, id, "  \n ", &e) == 0, "a blank note removes it");
	keeps("is:noted", "");
}

static void
test_views(void)
{
	struct saved_view *v;
	struct err e;
	char *f = NULL;
	int n;

	ok(views_save(db, "dushanbe", "place:dushanbe", &e) == 0, "a view is saved");
	ok(views_save(db, "india", "state:india", &e) == 0 &&
	    views_save(db, "india", "state:india date:2021", &e) == 0,
	    "saving a name again replaces it");
	ok(views_get(db, "india", &f, &e) == 1 && strcmp(f, "state:india date:2021") == 0,
	    "the view reads back");
	free(f);
	ok(views_get(db, "nope", &f, &e) == 0 && f == NULL, "an unknown view is absent");
	ok(views_list(db, &v, &n, &e) == 0 && n == 2 &&
	    strcmp(v[0].name, "dushanbe") == 0 && strcmp(v[1].name, "india") == 0,
	    "views are listed by name");
	views_list_free(v, n);
	ok(views_save(db, "a b", "x", &e) != 0 && strstr(e.msg, "column 2"),
	    "a bad name is refused: %s", e.msg);
	ok(views_save(db, "", "x", &e) != 0, "an empty name is refused");
	ok(views_delete(db, "dushanbe", &e) == 1 && views_delete(db, "dushanbe", &e) == 0,
	    "a view is deleted once");
}

static void
test_history(void)
{
	struct err e;
	char **h, buf[32];
	int n, i;

	ok(views_history_add(db, "person:doval", &e) == 0 &&
	    views_history_add(db, "state:india", &e) == 0 &&
	    views_history_add(db, "  ", &e) == 0 &&
	    views_history_add(db, "person:doval", &e) == 0, "filters go into the history");
	ok(views_history(db, &h, &n, &e) == 0 && n == 2 &&
	    strcmp(h[0], "state:india") == 0 && strcmp(h[1], "person:doval") == 0,
	    "oldest first; one used again moves to the end; blanks are not kept");
	views_history_free(h, n);
	for (i = 0; i < VIEWS_HISTORY_MAX + 10; i++) {
		snprintf(buf, sizeof buf, "x%d", i);
		views_history_add(db, buf, &e);
	}
	ok(views_history(db, &h, &n, &e) == 0 && n == VIEWS_HISTORY_MAX &&
	    strcmp(h[n - 1], "x209") == 0 && strcmp(h[0], "x10") == 0,
	    "the history keeps the newest %d", VIEWS_HISTORY_MAX);
	views_history_free(h, n);
}

/* A database written by a scotl with schema 1 is brought to 2 on open,
 * keeping what it held. */
static void
test_upgrade(void)
{
	char *dir = fixture_tmpdir(), path[512];
	struct db *d;
	struct err e;

	snprintf(path, sizeof path, "%s/old.db", dir);
	ok(db_open(&d, path, DB_CREATE, &e) == 0, "a file database is made");
	db_exec(d, "DROP TABLE saved_view; DROP TABLE filter_history;"
	    "DROP INDEX event_long; DROP TABLE event_month;"
	    "DROP TRIGGER event_month_add; DROP TRIGGER event_month_remove;"
	    "DROP TRIGGER event_month_move_out; DROP TRIGGER event_month_move_in;"
	    "DROP TRIGGER event_month_join; DROP TRIGGER event_month_leave;"
	    "DROP TRIGGER event_month_rejoin;"
	    "DROP TABLE article_trigram; ALTER TABLE article DROP COLUMN author;"
	    "ALTER TABLE article DROP COLUMN title_made;"
	    "INSERT INTO ui_state VALUES ('pane', 'xref'); PRAGMA user_version = 1", &e);
	db_close(d);
	ok(db_open(&d, path, DB_READWRITE, &e) == 0 &&
	    db_file_version(d) == db_schema_version(),
	    "a version 1 database is upgraded on open");
	ok(fixture_sql_int(d, "SELECT count(*) FROM ui_state") == 1 &&
	    views_save(d, "v", "x", &e) == 0, "it keeps its data and takes views");
	db_close(d);
	fixture_rmrf(dir);
	free(dir);
}

static void
test_readonly(void)
{
	char *dir = fixture_tmpdir(), path[512];
	struct db *d;
	struct err e;
	int on;

	snprintf(path, sizeof path, "%s/ro.db", dir);
	ok(db_open(&d, path, DB_CREATE, &e) == 0, "a file database is made");
	db_exec(d, "INSERT INTO event(start, precision, first_day, last_day, title,"
	    " kind) VALUES ('2020', 'year', '2020-01-01', '2020-12-31', 't', 'k')", &e);
	db_close(d);
	ok(db_open(&d, path, DB_READONLY, &e) == 0, "it opens read-only");
	ok(annot_bookmark_toggle(d, 1, &on, &e) != 0 && strstr(e.msg, "read-only"),
	    "a bookmark on a read-only database: %s", e.msg);
	ok(views_save(d, "v", "x", &e) != 0 && strstr(e.msg, "read-only"),
	    "a view on a read-only database: %s", e.msg);
	db_close(d);
	fixture_rmrf(dir);
	free(dir);
}

int
main(void)
{
	db = fixture_db();
	test_bookmarks();
	test_tags();
	test_notes();
	test_views();
	test_history();
	db_close(db);
	test_upgrade();
	test_readonly();
	return tap_done();
}
