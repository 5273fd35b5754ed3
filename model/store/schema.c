/* SPDX-License-Identifier: ISC */
/* The schema as an ordered list of migrations. Migration N takes a database
 * from user_version N to N+1; a released migration is never edited, a
 * change is a new entry at the end. */
#include "config.h"

#include "store/store.h"
#include "scotl/script.h"

static const char schema_v1[] =
	/* Articles as stored: UTF-8, sanitised, without site chrome. Spans
	 * elsewhere are byte offsets into body. The full-text index is kept
	 * by article.c, not by triggers: with trusted_schema off (files may
	 * come from anyone) SQLite will not run triggers on a virtual table. */
	"CREATE TABLE article ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT,"                         /* file it came from */
	"  title TEXT NOT NULL,"
	"  source TEXT,"
	"  url TEXT,"
	"  published TEXT,"                    /* ISO 8601, may be partial */
	"  charset TEXT NOT NULL DEFAULT 'UTF-8',"
	"  body TEXT NOT NULL,"
	"  hash TEXT NOT NULL UNIQUE,"         /* SHA-256 of the body */
	"  imported TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX article_name ON article(name);"
	"CREATE VIRTUAL TABLE article_fts USING fts5(title, body,"
	"  content='article', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"

	/* People, states, organisations and places. A place belongs to a
	 * state; an organisation may. */
	"CREATE TABLE entity ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL"
	"    CHECK (kind IN ('person','state','organisation','place')),"
	"  name TEXT NOT NULL,"
	"  state_id INTEGER REFERENCES entity(id),"
	"  capital INTEGER NOT NULL DEFAULT 0,"
	"  origin TEXT NOT NULL DEFAULT 'curated'"
	"    CHECK (origin IN ('curated','extracted')),"
	"  UNIQUE (kind, name)"
	");"
	"CREATE INDEX entity_state ON entity(state_id);"
	/* Every spelling: names, short forms, transliterations, demonyms.
	 * norm is the lower-cased form used for lookups. */
	"CREATE TABLE alias ("
	"  id INTEGER PRIMARY KEY,"
	"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  norm TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'name'"
	"    CHECK (kind IN ('name','alias','demonym')),"
	"  UNIQUE (entity_id, name)"
	");"
	"CREATE INDEX alias_norm ON alias(norm, entity_id);"
	"CREATE TABLE role ("
	"  id INTEGER PRIMARY KEY,"
	"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  title TEXT NOT NULL,"
	"  state_id INTEGER REFERENCES entity(id),"
	"  since TEXT, until TEXT,"               /* as written, may be partial */
	"  first_day TEXT, last_day TEXT"         /* NULL: open-ended */
	");"
	"CREATE INDEX role_entity ON role(entity_id);"
	"CREATE TABLE membership ("
	"  id INTEGER PRIMARY KEY,"
	"  state_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL"
	"    CHECK (status IN ('member','observer','dialogue partner','guest')),"
	"  since TEXT, until TEXT,"
	"  first_day TEXT, last_day TEXT"
	");"
	"CREATE INDEX membership_state ON membership(state_id);"

	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  slug TEXT UNIQUE,"
	"  start TEXT NOT NULL,"
	"  end TEXT,"
	"  precision TEXT NOT NULL"
	"    CHECK (precision IN ('day','month','year','approximate')),"
	"  first_day TEXT NOT NULL,"
	"  last_day TEXT NOT NULL CHECK (last_day >= first_day),"
	"  title TEXT NOT NULL,"
	"  summary TEXT,"
	"  kind TEXT NOT NULL,"
	"  place_id INTEGER REFERENCES entity(id),"
	"  origin TEXT NOT NULL DEFAULT 'curated'"
	"    CHECK (origin IN ('curated','extracted')),"
	"  confidence REAL NOT NULL DEFAULT 1.0"
	"    CHECK (confidence >= 0 AND confidence <= 1)"
	");"
	/* The timeline's order and its keyset position. */
	"CREATE INDEX event_order ON event(first_day, id);"
	"CREATE INDEX event_place ON event(place_id);"
	"CREATE TABLE participant ("
	"  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
	"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  role TEXT,"
	"  state_id INTEGER REFERENCES entity(id),"
	"  PRIMARY KEY (event_id, entity_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX participant_entity ON participant(entity_id, event_id);"
	"CREATE TABLE evidence ("
	"  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
	"  span_start INTEGER NOT NULL,"
	"  span_end INTEGER NOT NULL CHECK (span_end >= span_start),"
	"  PRIMARY KEY (event_id, article_id, span_start)"
	") WITHOUT ROWID;"
	"CREATE INDEX evidence_article ON evidence(article_id);"
	/* Where reports disagree on when something happened, each report's
	 * date is a claim with its source (an article or a description). */
	"CREATE TABLE claim ("
	"  id INTEGER PRIMARY KEY,"
	"  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
	"  start TEXT NOT NULL, end TEXT,"
	"  first_day TEXT NOT NULL, last_day TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  article_id INTEGER REFERENCES article(id) ON DELETE SET NULL"
	");"
	"CREATE INDEX claim_event ON claim(event_id);"
	"CREATE TABLE mention ("
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
	"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  span_start INTEGER NOT NULL,"
	"  span_end INTEGER NOT NULL CHECK (span_end > span_start),"
	"  PRIMARY KEY (article_id, span_start, entity_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX mention_entity ON mention(entity_id, article_id);"

	/* Kept by the user. */
	"CREATE TABLE note ("
	"  id INTEGER PRIMARY KEY,"
	"  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
	"  body TEXT NOT NULL,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
	"  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE INDEX note_event ON note(event_id);"
	"CREATE TABLE tag ("
	"  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (event_id, name)"
	") WITHOUT ROWID;"
	"CREATE INDEX tag_name ON tag(name, event_id);"
	"CREATE TABLE bookmark ("
	"  event_id INTEGER PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE TABLE ui_state ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;";

/* Saved views and the filter line's history, kept by the user. */
static const char schema_v2[] =
	"CREATE TABLE saved_view ("
	"  name TEXT PRIMARY KEY,"
	"  filter TEXT NOT NULL,"
	"  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	") WITHOUT ROWID;"
	/* Newest last; a filter used again moves to the end. */
	"CREATE TABLE filter_history ("
	"  id INTEGER PRIMARY KEY,"
	"  text TEXT NOT NULL UNIQUE"
	");";

/* The events that may last longer than a year (ranges, approximate
 * dates): the longest of them bounds how far before a date the event
 * order must be read for events that overlap it. */
static const char schema_v3[] =
	"CREATE INDEX event_long ON event(first_day)"
	" WHERE end IS NOT NULL OR precision = 'approximate';";

/* Events per month, kept on write: for every event (entity 0) and for
 * every entity that takes part in an event or is its place, counted once
 * an event. The histogram and the totals of the whole timeline and of an
 * entity read these rows instead of the events. Rows that fall to 0 stay. */
#define SCHEMA_MONTH(d) "substr(" d ".first_day, 1, 7)"
#define SCHEMA_MONTH_ADD " ON CONFLICT (entity_id, month) DO UPDATE"\
	" SET n = n + 1;"
/* The entities an event counts for: 0, its place, its participants. */
#define SCHEMA_MONTH_KEYS(r) \
	" (SELECT 0 AS k UNION SELECT " r ".place_id WHERE " r ".place_id" \
	" IS NOT NULL UNION SELECT entity_id FROM participant WHERE event_id =" \
	" " r ".id)"
static const char schema_v4[] =
	"CREATE TABLE event_month ("
	"  entity_id INTEGER NOT NULL,"
	"  month TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (entity_id, month)"
	") WITHOUT ROWID;"
	"INSERT INTO event_month SELECT 0, " SCHEMA_MONTH("event") ", count(*)"
	"  FROM event GROUP BY 2;"
	"INSERT INTO event_month SELECT k, m, count(*) FROM ("
	"  SELECT place_id AS k, " SCHEMA_MONTH("event") " AS m, id FROM event"
	"  WHERE place_id IS NOT NULL UNION SELECT p.entity_id, "
	SCHEMA_MONTH("e") ", e.id FROM participant p JOIN event e"
	"  ON e.id = p.event_id) GROUP BY 1, 2;"
	"CREATE TRIGGER event_month_add AFTER INSERT ON event BEGIN"
	"  INSERT INTO event_month SELECT k, " SCHEMA_MONTH("NEW") ", 1 FROM"
	SCHEMA_MONTH_KEYS("NEW") " WHERE true" SCHEMA_MONTH_ADD
	" END;"
	/* Before, while its participants are still there to be counted. */
	"CREATE TRIGGER event_month_remove BEFORE DELETE ON event BEGIN"
	"  UPDATE event_month SET n = n - 1 WHERE month = " SCHEMA_MONTH("OLD")
	"  AND entity_id IN" SCHEMA_MONTH_KEYS("OLD") ";"
	" END;"
	"CREATE TRIGGER event_month_move_out BEFORE UPDATE OF first_day, place_id"
	" ON event BEGIN"
	"  UPDATE event_month SET n = n - 1 WHERE month = " SCHEMA_MONTH("OLD")
	"  AND entity_id IN" SCHEMA_MONTH_KEYS("OLD") ";"
	" END;"
	"CREATE TRIGGER event_month_move_in AFTER UPDATE OF first_day, place_id"
	" ON event BEGIN"
	"  INSERT INTO event_month SELECT k, " SCHEMA_MONTH("NEW") ", 1 FROM"
	SCHEMA_MONTH_KEYS("NEW") " WHERE true" SCHEMA_MONTH_ADD
	" END;"
	/* A participant that is also the place was counted with the event. An
	 * event already deleted (a cascade) was counted out whole. */
	"CREATE TRIGGER event_month_join AFTER INSERT ON participant BEGIN"
	"  INSERT INTO event_month SELECT NEW.entity_id, " SCHEMA_MONTH("event")
	"  , 1 FROM event WHERE id = NEW.event_id AND place_id IS NOT"
	"  NEW.entity_id" SCHEMA_MONTH_ADD
	" END;"
	"CREATE TRIGGER event_month_leave AFTER DELETE ON participant BEGIN"
	"  UPDATE event_month SET n = n - 1 WHERE entity_id = OLD.entity_id AND"
	"  month = (SELECT " SCHEMA_MONTH("event") " FROM event WHERE id ="
	"  OLD.event_id AND place_id IS NOT OLD.entity_id);"
	" END;"
	"CREATE TRIGGER event_month_rejoin AFTER UPDATE OF event_id, entity_id"
	" ON participant BEGIN"
	"  UPDATE event_month SET n = n - 1 WHERE entity_id = OLD.entity_id AND"
	"  month = (SELECT " SCHEMA_MONTH("event") " FROM event WHERE id ="
	"  OLD.event_id AND place_id IS NOT OLD.entity_id);"
	"  INSERT INTO event_month SELECT NEW.entity_id, " SCHEMA_MONTH("event")
	"  , 1 FROM event WHERE id = NEW.event_id AND place_id IS NOT"
	"  NEW.entity_id" SCHEMA_MONTH_ADD
	" END;";

/* What a saved page says of itself beyond its title: its author, and
 * whether the title was made by scotl from the first sentence (a text
 * without a headline) rather than found in the file. */
static const char schema_v5[] =
	"ALTER TABLE article ADD COLUMN author TEXT;"
	"ALTER TABLE article ADD COLUMN title_made INTEGER NOT NULL DEFAULT 0"
	"  CHECK (title_made IN (0, 1));";

/* Words of scripts written without spaces (Chinese, Japanese, Thai…):
 * article_fts's tokenizer makes a run of their letters one token, in
 * which no word can be found. A trigram index finds any substring of 3
 * characters or more (filter.c). It holds only the articles that have
 * such letters, with their own copy of the text (an external-content
 * index of some rows only would fail FTS5's integrity-check), and is
 * kept by rows.c as article_fts is. scotl_unspaced() is
 * script_has_unspaced(), defined on every connection that migrates:
 * SQL's GLOB with a class of those letters read 7 MB of text a second. */
static const char schema_v6[] =
	"CREATE VIRTUAL TABLE article_trigram USING fts5(title, body,"
	"  tokenize='trigram');"
	"INSERT INTO article_trigram(rowid, title, body) SELECT id, title, body"
	"  FROM article WHERE scotl_unspaced(title) OR scotl_unspaced(body);";

/* scotl_unspaced(TEXT): 1 when TEXT holds a letter of a script written
 * without spaces. */
static void
schema_unspaced(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	sqlite3_result_int(ctx, s != NULL && script_has_unspaced(s,
	    (size_t)sqlite3_value_bytes(argv[0])));
}

int
schema_functions(sqlite3 *h)
{
	/* Direct only: never from a trigger or a view a file brings. */
	return sqlite3_create_function(h, "scotl_unspaced", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL, schema_unspaced,
	    NULL, NULL);
}

const char *const schema_migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
};

const int schema_migration_count =
	(int)(sizeof schema_migrations / sizeof *schema_migrations);
