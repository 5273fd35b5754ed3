/* SPDX-License-Identifier: ISC */
/* Bookmarks, tags and notes on events (annot.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "scotl/annot.h"

static const char annot_sql_event[] = "SELECT 1 FROM event WHERE id = ?1";
static const char annot_sql_mark_del[] = "DELETE FROM bookmark WHERE event_id = ?1";
static const char annot_sql_mark_add[] = "INSERT INTO bookmark(event_id) VALUES (?1)";
static const char annot_sql_tags[] =
	"SELECT name FROM tag WHERE event_id = ?1 ORDER BY name";
static const char annot_sql_tags_del[] = "DELETE FROM tag WHERE event_id = ?1";
static const char annot_sql_tag_add[] =
	"INSERT OR IGNORE INTO tag(event_id, name) VALUES (?1, ?2)";
static const char annot_sql_note[] =
	"SELECT body FROM note WHERE event_id = ?1 ORDER BY id DESC LIMIT 1";
static const char annot_sql_note_del[] = "DELETE FROM note WHERE event_id = ?1";
static const char annot_sql_note_add[] =
	"INSERT INTO note(event_id, body) VALUES (?1, ?2)";

/* Runs one statement with the event id bound as ?1 (and TEXT as ?2). */
static int
annot_run(struct db *db, const char *sql, long long event_id,
    const char *text, const char *what, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	if (text != NULL)
		db_bind_text(st, 2, text);
	return db_step_done(db, st, what, e);
}

/* Checks that the database can be written and the event exists, and
 * starts the write. */
static int
annot_begin(struct db *db, long long event_id, const char *what,
    struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (db_require_writable(db, what, e) != 0 ||
	    (st = db_stmt(db, annot_sql_event, e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		err_set(e, "cannot %s: there is no event %lld", what, event_id);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return db_fail(db, e, what);
	return db_begin_write(db, what, e);
}

static int
annot_end(struct db *db, int rc, struct err *e)
{
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e);
}

int
annot_bookmark_toggle(struct db *db, long long event_id, int *on,
    struct err *e)
{
	int rc;

	if (annot_begin(db, event_id, "bookmark the event", e) != 0)
		return -1;
	rc = annot_run(db, annot_sql_mark_del, event_id, NULL,
	    "removing the bookmark", e);
	*on = rc == 0 && sqlite3_changes(db->h) == 0;
	if (rc == 0 && *on)
		rc = annot_run(db, annot_sql_mark_add, event_id, NULL,
		    "adding the bookmark", e);
	return annot_end(db, rc, e);
}

int
annot_tags_get(struct db *db, long long event_id, char **tags, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, annot_sql_tags, e);
	struct buf b;
	int rc;

	*tags = NULL;
	if (st == NULL)
		return -1;
	buf_init(&b);
	buf_adds(&b, "");
	sqlite3_bind_int64(st, 1, event_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, db_col_str(st, 0));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return db_fail(db, e, "reading the tags");
	}
	*tags = buf_steal(&b);
	return 0;
}

static int
annot_tag_char(int c)
{
	return isalnum(c) || (c & 0x80) || strchr("-_.:/", c) != NULL;
}

/* Splits TEXT into lower-case tags, "a b c" separated by NULs in OUT;
 * fails naming the first character a tag cannot hold. */
static int
annot_tags_parse(const char *text, struct buf *out, int *count, struct err *e)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, start;
	unsigned long cp;

	*count = 0;
	while (s[i] != '\0') {
		if (s[i] == ' ' || s[i] == ',' || s[i] == '\t') {
			i++;
			continue;
		}
		if (s[i] == '#')
			i++;
		start = i;
		while (s[i] != '\0' && annot_tag_char(s[i])) {
			if (s[i] & 0x80) {
				size_t n = util_utf8_decode((const char *)s + i,
				    strlen((const char *)s + i), &cp);

				if (n == 0 || util_is_control(cp) || util_is_hidden(cp))
					break;
				i += n;
			} else {
				i++;
			}
		}
		if (s[i] != '\0' && s[i] != ' ' && s[i] != ',' && s[i] != '\t') {
			err_set(e, "a tag cannot hold the character at column %zu "
			    "(tags are letters, digits and -_.:/)", i + 1);
			return -1;
		}
		if (i == start)
			continue;
		if (i - start > ANNOT_TAG_MAX) {
			err_set(e, "the tag at column %zu is longer than %d bytes",
			    start + 1, ANNOT_TAG_MAX);
			return -1;
		}
		if (++*count > ANNOT_TAGS_MAX) {
			err_set(e, "more than %d tags on one event", ANNOT_TAGS_MAX);
			return -1;
		}
		for (; start < i; start++)
			buf_addc(out, (char)(s[start] < 0x80 ? tolower(s[start]) :
			    s[start]));
		buf_addc(out, '\0');
	}
	return 0;
}

int
annot_tags_set(struct db *db, long long event_id, const char *text,
    struct err *e)
{
	struct buf tags;
	const char *t;
	int count, rc;

	buf_init(&tags);
	if (annot_tags_parse(text, &tags, &count, e) != 0 ||
	    annot_begin(db, event_id, "tag the event", e) != 0) {
		buf_free(&tags);
		return -1;
	}
	rc = annot_run(db, annot_sql_tags_del, event_id, NULL,
	    "removing the tags", e);
	for (t = tags.data; rc == 0 && count-- > 0; t += strlen(t) + 1)
		rc = annot_run(db, annot_sql_tag_add, event_id, t, "adding a tag", e);
	buf_free(&tags);
	return annot_end(db, rc, e);
}

int
annot_note_get(struct db *db, long long event_id, char **body, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, annot_sql_note, e);
	int rc;

	*body = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*body = db_col_text(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, e, "reading the note");
	return 0;
}

int
annot_note_set(struct db *db, long long event_id, const char *body,
    struct err *e)
{
	return annot_note_set_bytes(db, event_id, body, strlen(body), e);
}

int
annot_note_set_bytes(struct db *db, long long event_id, const char *body,
    size_t len, struct err *e)
{
	const char *nul = memchr(body, '\0', len);
	size_t bad;
	int rc;

	if (nul != NULL) {
		err_set(e, "the note holds a NUL byte (byte %zu)",
		    (size_t)(nul - body) + 1);
		return -1;
	}
	if (len > ANNOT_NOTE_MAX) {
		err_set(e, "the note is %zu bytes, more than %d", len, ANNOT_NOTE_MAX);
		return -1;
	}
	if (!util_utf8_valid(body, len, &bad)) {
		err_set(e, "the note is not UTF-8 at byte %zu", bad + 1);
		return -1;
	}
	if (annot_begin(db, event_id, "write the note", e) != 0)
		return -1;
	rc = annot_run(db, annot_sql_note_del, event_id, NULL,
	    "removing the note", e);
	if (rc == 0 && !util_blank(body))
		rc = annot_run(db, annot_sql_note_add, event_id, body,
		    "writing the note", e);
	return annot_end(db, rc, e);
}
