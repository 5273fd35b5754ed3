/* SPDX-License-Identifier: ISC */
/* Fuzz target: the writers of what scotl prints for people and programs
 * (tui/output/out.c, tui/output/export.c) fed an event whose every string is the
 * input's: CSV, JSON, iCalendar and TimelineJS exports of the database
 * of fuzz_db(), and the text, TSV, CSV and JSON fields of out.h. Each
 * output must parse as its format and carry no control sequence
 * (tests/tools/outcheck.h); a writer that does not stop (iCalendar folding
 * once did) is caught when its output outgrows any the input can make.
 *
 * Input: the event's fields, separated by NUL bytes, in this order:
 * title, summary, slug, kind, place, a participant's name, their role,
 * a note, tags, start, end, first day, last day. Missing fields keep
 * the event's own. The changes are rolled back after each input. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "../tools/outcheck.h"
#include "fuzz.h"
#include "output/export.h"
#include "output/out.h"

#define FUZZ_FIELDS 13
#define FUZZ_SLUG "nsa-dushanbe"

enum { F_TITLE, F_SUMMARY, F_SLUG, F_KIND, F_PLACE, F_PERSON, F_ROLE, F_NOTE,
	F_TAGS, F_START, F_END, F_FIRST, F_LAST };

/* Each field's statement; ?1 the text, ?2 the event. A statement that
 * breaks a constraint of the schema (a slug or a name taken) fails and
 * changes nothing; the others still run. */
static const char *const fuzz_sql[FUZZ_FIELDS] = {
	[F_TITLE] = "UPDATE event SET title = ?1 WHERE id = ?2",
	[F_SUMMARY] = "UPDATE event SET summary = ?1 WHERE id = ?2",
	[F_SLUG] = "UPDATE event SET slug = ?1 WHERE id = ?2",
	[F_KIND] = "UPDATE event SET kind = ?1 WHERE id = ?2",
	[F_PLACE] = "UPDATE entity SET name = ?1 WHERE id = "
	    "(SELECT place_id FROM event WHERE id = ?2)",
	[F_PERSON] = "UPDATE entity SET name = ?1 WHERE id = (SELECT min("
	    "entity_id) FROM participant WHERE event_id = ?2)",
	[F_ROLE] = "UPDATE participant SET role = ?1 WHERE event_id = ?2",
	[F_NOTE] = "INSERT INTO note(event_id, body) VALUES (?2, ?1)",
	[F_TAGS] = "INSERT INTO tag(event_id, name) VALUES (?2, ?1)",
	[F_START] = "UPDATE event SET start = ?1 WHERE id = ?2",
	[F_END] = "UPDATE event SET end = ?1 WHERE id = ?2",
	[F_FIRST] = "UPDATE event SET first_day = ?1 WHERE id = ?2",
	[F_LAST] = "UPDATE event SET last_day = ?1 WHERE id = ?2",
};

/* --- output into memory, with a bound -------------------------------- */

struct fuzz_sink {
	struct buf b;
	size_t max;
	const char *what;
	char *mem;              /* open_memstream's, where there is no cookie */
	size_t memlen;
};

#ifdef __GLIBC__
static ssize_t
fuzz_sink_write(void *cookie, const char *data, size_t n)
{
	struct fuzz_sink *k = cookie;

	FUZZ_CHECK(k->b.len + n <= k->max, "%s: more than %zu bytes of output "
	    "(a writer that does not stop?)", k->what, k->max);
	buf_add(&k->b, data, n);
	return (ssize_t)n;
}
#endif

/* With glibc, output past MAX fails at once, so that a writer that never
 * stops is caught by its output, not by a clock; elsewhere a hang is
 * left to libFuzzer's -timeout. */
static FILE *
fuzz_sink_open(struct fuzz_sink *k, size_t max, const char *what)
{
	FILE *fp;

	memset(k, 0, sizeof *k);
	buf_init(&k->b);
	buf_add(&k->b, "", 0);
	k->max = max;
	k->what = what;
#ifdef __GLIBC__
	{
		cookie_io_functions_t io = { .write = fuzz_sink_write };

		fp = fopencookie(k, "w", io);
	}
#else
	fp = open_memstream(&k->mem, &k->memlen);
#endif
	FUZZ_CHECK(fp != NULL, "cannot open a stream into memory");
	return fp;
}

static void
fuzz_sink_close(struct fuzz_sink *k, FILE *fp)
{
	fclose(fp);
	if (k->mem != NULL) {
		FUZZ_CHECK(k->memlen <= k->max, "%s: more than %zu bytes of output",
		    k->what, k->max);
		buf_add(&k->b, k->mem, k->memlen);
		free(k->mem);
		k->mem = NULL;
	}
}

static void
fuzz_check(const char *bad, const struct fuzz_sink *k)
{
	FUZZ_CHECK(bad == NULL, "%s: %s\n--- output (%zu bytes) ---\n%.2000s",
	    k->what, bad, k->b.len, k->b.data);
}

/* --- the rows -------------------------------------------------------- */

static long long
fuzz_event_id(struct db *db)
{
	static long long id;
	sqlite3_stmt *st;

	if (id != 0)
		return id;
	FUZZ_CHECK(sqlite3_prepare_v2(db->h, "SELECT id FROM event WHERE slug = '"
	    FUZZ_SLUG "'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW, "no event %s", FUZZ_SLUG);
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static void
fuzz_exec(struct db *db, const char *sql)
{
	FUZZ_CHECK(sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db->h));
}

static void
fuzz_set(struct db *db, int field, const char *text, long long id)
{
	sqlite3_stmt *st;

	FUZZ_CHECK(sqlite3_prepare_v2(db->h, fuzz_sql[field], -1, &st, NULL) ==
	    SQLITE_OK, "%s: %s", fuzz_sql[field], sqlite3_errmsg(db->h));
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_step(st);
	sqlite3_finalize(st);
}

/* --- the writers ----------------------------------------------------- */

static void
fuzz_export(struct db *db, enum export_format format, size_t max)
{
	static const char *const names[] = { "CSV export", "JSON export",
	    "iCalendar export", "TimelineJS export" };
	struct event_filter f;
	struct fuzz_sink k;
	long long count = 0;
	struct err e;
	FILE *fp = fuzz_sink_open(&k, max, names[format]);

	memset(&f, 0, sizeof f);
	FUZZ_CHECK(export_write(db, &f, format, fp, &count, &e) == 0, "%s: %s",
	    names[format], e.msg);
	fuzz_sink_close(&k, fp);
	FUZZ_CHECK(count > 0, "%s: no events", names[format]);
	switch (format) {
	case EXPORT_CSV: fuzz_check(outcheck_csv(k.b.data, k.b.len), &k); break;
	case EXPORT_JSON: fuzz_check(outcheck_json(k.b.data, k.b.len), &k); break;
	case EXPORT_ICS: fuzz_check(outcheck_ics(k.b.data, k.b.len), &k); break;
	case EXPORT_TIMELINEJS:
		fuzz_check(outcheck_timelinejs(k.b.data, k.b.len), &k);
		break;
	}
	buf_free(&k.b);
}

/* Text for the terminal: one line unless lines may stay, no tab where
 * tabs separate fields. */
static void
fuzz_text(const char *s, int lines, size_t max)
{
	struct fuzz_sink k;
	FILE *fp = fuzz_sink_open(&k, max, "text");

	if (lines == OUT_NO_TABS)
		out_tsv_field(fp, s);
	else
		out_text(fp, s, lines);
	fuzz_sink_close(&k, fp);
	fuzz_check(outcheck_text(k.b.data, k.b.len, 0), &k);
	FUZZ_CHECK(lines == OUT_KEEP_LINES || strchr(k.b.data, '\n') == NULL,
	    "a newline in one-line text (mode %d)", lines);
	FUZZ_CHECK((lines != OUT_NO_TABS && lines != OUT_NAME) ||
	    strchr(k.b.data, '\t') == NULL, "a tab in mode %d", lines);
	buf_free(&k.b);
}

static void
fuzz_fields(const char *s, size_t max)
{
	static const int modes[] = { OUT_NO_TABS, OUT_ONE_LINE, OUT_KEEP_LINES,
	    OUT_NAME };
	struct fuzz_sink k;
	FILE *fp;
	size_t i;

	for (i = 0; i < sizeof modes / sizeof *modes; i++)
		fuzz_text(s, modes[i], max);
	fp = fuzz_sink_open(&k, max, "CSV field");
	out_csv_field(fp, s);
	fputs(",", fp);
	out_csv_field(fp, s);
	fputs("\r\n", fp);
	fuzz_sink_close(&k, fp);
	fuzz_check(outcheck_csv(k.b.data, k.b.len), &k);
	buf_free(&k.b);
	fp = fuzz_sink_open(&k, max, "JSON string");
	out_json_string(fp, s);
	fuzz_sink_close(&k, fp);
	fuzz_check(outcheck_json(k.b.data, k.b.len), &k);
	buf_free(&k.b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db *db = fuzz_db();
	long long id = fuzz_event_id(db);
	char *text = xmalloc(size + 1), *p, *end;
	/* Far more than any input can make: every byte escaped six times
	 * over in each of a few places, and the database's own events. */
	size_t max = 256 * 1024 + 64 * size;
	int i;

	memcpy(text, data, size);
	text[size] = '\0';
	end = text + size;
	fuzz_exec(db, "BEGIN");
	for (p = text, i = 0; i < FUZZ_FIELDS && p <= end; i++) {
		fuzz_set(db, i, p, id);
		fuzz_fields(p, max);
		p += strlen(p) + 1;
	}
	for (i = EXPORT_CSV; i <= EXPORT_TIMELINEJS; i++)
		fuzz_export(db, (enum export_format)i, max);
	fuzz_exec(db, "ROLLBACK");
	free(text);
	return 0;
}
