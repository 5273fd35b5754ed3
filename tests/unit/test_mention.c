/* SPDX-License-Identifier: ISC */
/* Names in Russian and Chinese text (model/import/mention.c): a Russian
 * name in its inflected forms, multi-word names and lower-case demonyms
 * included, through the Snowball stemmer; Chinese names without word
 * boundaries; a Latin name written with a Cyrillic look-alike letter or
 * in full-width letters; English matched as before. The gazetteer is a
 * small one of this test's own, with a file of names in other languages
 * loaded after it as the build loads data/iso-names.rec. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/corpus.h"
#include "scotl/mention.h"

static const char mention_gazetteer[] =
	"state: Russia\n"
	"alias: Russian Federation\n"
	"alias: Россия\n"
	"demonym: Russian\n"
	"demonym: российский\n"
	"\n"
	"state: India\n"
	"demonym: Indian\n"
	"\n"
	"state: Pakistan\n"
	"\n"
	"state: China\n"
	"alias: 中国\n"
	"\n"
	"state: Belarus\n"
	"alias: 白俄罗斯\n"
	"\n"
	"organisation: Shanghai Cooperation Organisation\n"
	"alias: Шанхайская организация сотрудничества\n"
	"alias: 上海合作组织\n"
	"\n"
	"person: Nikolai Patrushev\n"
	"alias: Николай Патрушев\n"
	"alias: Патрушев\n";

/* As iso-names.rec: "Россия" is the gazetteer's already, and passed over. */
static const char mention_names[] =
	"names: Russia\n"
	"alias: Российская Федерация\n"
	"alias: Россия\n"
	"alias: 俄罗斯\n"
	"\n"
	"names: India\n"
	"alias: Индия\n"
	"alias: 印度\n";

static struct db *
mention_db(const char *dir)
{
	char path[4200];
	struct corpus_counts n;
	struct db *db;
	struct err e;

	snprintf(path, sizeof path, "mkdir -p '%s/articles'", dir);
	if (system(path) != 0)
		tap_diag("could not make %s", dir);
	snprintf(path, sizeof path, "%s/gazetteer.rec", dir);
	fixture_write(path, mention_gazetteer);
	snprintf(path, sizeof path, "%s/articles.rec", dir);
	fixture_write(path, "");
	snprintf(path, sizeof path, "%s/events.rec", dir);
	fixture_write(path, "");
	snprintf(path, sizeof path, "%s/names.rec", dir);
	fixture_write(path, mention_names);
	if (db_open(&db, ":memory:", DB_CREATE, &e) != 0 ||
	    corpus_load_names(db, dir, path, &n, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		exit(1);
	}
	return db;
}

static long long
mention_id(struct db *db, const char *name)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT id FROM entity WHERE name = '%s'", name);
	return fixture_sql_int(db, sql);
}

/* The names found in TEXT, as "Entity@text-as-written" separated by
 * ", ", into OUT. */
static void
mention_names_in(struct db *db, const char *text, char *out, size_t size)
{
	struct mention_row *m = NULL;
	struct err e;
	size_t at = 0;
	int n = 0, i;
	char sql[128];

	out[0] = '\0';
	if (mention_find(db, text, strlen(text), &m, &n, &e) != 0) {
		snprintf(out, size, "error: %s", e.msg);
		return;
	}
	for (i = 0; i < n && at < size; i++) {
		sqlite3_stmt *st;

		snprintf(sql, sizeof sql, "SELECT name FROM entity WHERE id = %lld",
		    m[i].entity_id);
		if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
			break;
		if (sqlite3_step(st) == SQLITE_ROW)
			at += (size_t)snprintf(out + at, size - at, "%s%s@%.*s",
			    i ? ", " : "", sqlite3_column_text(st, 0),
			    (int)(m[i].end - m[i].start), text + m[i].start);
		sqlite3_finalize(st);
	}
	free(m);
}

static void
mention_expect(struct db *db, const char *text, const char *want,
    const char *what)
{
	char got[2048];

	mention_names_in(db, text, got, sizeof got);
	is_str(got, want, what);
}

static void
mention_russian(struct db *db)
{
	mention_expect(db, "Делегация России прибыла в Москву.",
	    "Russia@России", "a state in the genitive");
	mention_expect(db, "Сотрудничество с Россией и Индией растёт.",
	    "Russia@Россией, India@Индией",
	    "two states in the instrumental, one of them a name from iso-names");
	mention_expect(db, "Слова Патрушева привели все агентства.",
	    "Nikolai Patrushev@Патрушева", "a surname in the genitive");
	mention_expect(db, "Встреча с Николаем Патрушевым прошла вчера.",
	    "Nikolai Patrushev@Николаем Патрушевым",
	    "a first name and surname, both inflected, as one name");
	mention_expect(db, "Саммит Шанхайской организации сотрудничества открылся.",
	    "Shanghai Cooperation Organisation@Шанхайской организации сотрудничества",
	    "a multi-word name with every word inflected");
	mention_expect(db, "Российские и индийские военные. Российская сторона.",
	    "Russia@Российские, Russia@Российская",
	    "a lower-case demonym matches with a capital too");
	mention_expect(db, "Делегация Российской Федерации выступила.",
	    "Russia@Российской Федерации",
	    "the official name from iso-names, inflected, wins over the demonym");
	mention_expect(db, "Россиянин и россиянка пришли; Россошь далеко.", "",
	    "no stem inside an unrelated longer word");
}

static void
mention_chinese(struct db *db)
{
	mention_expect(db, "中国和俄罗斯在上海合作组织框架内合作。",
	    "China@中国, Russia@俄罗斯, "
	    "Shanghai Cooperation Organisation@上海合作组织",
	    "Chinese names without spaces between them");
	mention_expect(db, "白俄罗斯代表团抵达。", "Belarus@白俄罗斯",
	    "the longest name wins: Belarus, not Russia inside it");
	mention_expect(db, "印度总理说", "India@印度",
	    "a name at the start of the text, ideographs after it");
}

static void
mention_lookalikes(struct db *db)
{
	/* "Pаkistan" with a Cyrillic "а", "Russiа" with another;
	 * then full-width "ＩＮＤＩＡ" is not India (case counts), and full-width
	 * "Ｉｎｄｉａｎ" is Indian. */
	mention_expect(db, "P\xd0\xb0kistan and Russi\xd0\xb0 met.",
	    "Pakistan@P\xd0\xb0kistan, Russia@Russi\xd0\xb0",
	    "Latin names written with Cyrillic look-alike letters");
	mention_expect(db, "\xef\xbc\xa9\xef\xbd\x8e\xef\xbd\x84\xef\xbd\x89"
	    "\xef\xbd\x81\xef\xbd\x8e troops",
	    "India@\xef\xbc\xa9\xef\xbd\x8e\xef\xbd\x84\xef\xbd\x89"
	    "\xef\xbd\x81\xef\xbd\x8e", "a full-width Latin demonym");
}

static void
mention_english(struct db *db)
{
	mention_expect(db, "Russian and Indian officers met in Pakistan.",
	    "Russia@Russian, India@Indian, Pakistan@Pakistan",
	    "English names as before");
	mention_expect(db, "Indiana and Russians, Pakistani tea; Chinatown.",
	    "", "no English name inside a longer word");
	is_int(mention_id(db, "Russia") > 0, 1, "the gazetteer is loaded");
	is_int(fixture_sql_int(db, "SELECT count(*) FROM alias WHERE name = "
	    "'Россия'"), 1, "a name the gazetteer has is not added again");
}

/* A names record for a state the gazetteer lacks stops the load at its
 * line. */
static void
mention_bad_names(const char *dir)
{
	char path[4200];
	struct corpus_counts n;
	struct db *db;
	struct err e;
	int rc;

	snprintf(path, sizeof path, "%s/bad-names.rec", dir);
	fixture_write(path, "# a comment\nnames: Atlantis\nalias: Атлантида\n");
	if (db_open(&db, ":memory:", DB_CREATE, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		exit(1);
	}
	rc = corpus_load_names(db, dir, path, &n, &e);
	ok(rc != 0 && strstr(e.msg, "bad-names.rec:2: 'Atlantis' is not a state")
	    != NULL, "a name of a state the gazetteer lacks: FILE:LINE");
	db_close(db);
}

int
main(void)
{
	char *dir = fixture_tmpdir();
	struct db *db;

	db = mention_db(dir);
	mention_russian(db);
	mention_chinese(db);
	mention_lookalikes(db);
	mention_english(db);
	db_close(db);
	mention_bad_names(dir);
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
