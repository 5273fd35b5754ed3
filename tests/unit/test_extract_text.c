/* SPDX-License-Identifier: ISC */
/* Events from text in memory (model/import/extract.c): which articles
 * give events at all, the several events of one article, participants
 * in lists of official names and after initials, announced meetings,
 * Russian and Chinese text; then the match to a known event, which
 * needs kind, date and place or participants to agree. The texts are
 * written for these tests; the names are found by a gazetteer held
 * here, in memory, with the forms each text uses. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/extract.h"
#include "scotl/mention.h"

/* The gazetteer of these tests: a form as written, its entity. */
struct form {
	const char *text;
	long long id;
	const char *kind;
};

enum {
	QINGDAO = 1, BISHKEK, BEIJING, MOSCOW, TASHKENT, LONDON, INNER_MONGOLIA,
	ZHURIHE,
	INDIA = 20, CHINA, RUSSIA, KAZAKHSTAN, KYRGYZSTAN, BRITAIN, AUSTRALIA,
	SINGH = 40, DONG, PATRUSHEV, BERG,
};

static const struct form forms[] = {
	{ "Qingdao", QINGDAO, "place" }, { "Bishkek", BISHKEK, "place" },
	{ "Beijing", BEIJING, "place" }, { "Moscow", MOSCOW, "place" },
	{ "London", LONDON, "place" },
	{ "Rajnath Singh", SINGH, "person" }, { "Dong Jun", DONG, "person" },
	{ "Patrushev", PATRUSHEV, "person" }, { "Lars Berg", BERG, "person" },
	{ "Republic of India", INDIA, "state" },
	{ "Republic of Kazakhstan", KAZAKHSTAN, "state" },
	{ "Kyrgyz", KYRGYZSTAN, "state" },
	{ "Russian Federation", RUSSIA, "state" },
	{ "Britain", BRITAIN, "state" }, { "Australia", AUSTRALIA, "state" },
	{ "Ташкенте", TASHKENT, "place" }, { "России", RUSSIA, "state" },
	{ "Индии", INDIA, "state" }, { "Китая", CHINA, "state" },
	{ "Казахстана", KAZAKHSTAN, "state" }, { "哈萨克斯坦", KAZAKHSTAN, "state" },
	{ "塔什干", TASHKENT, "place" }, { "中国", CHINA, "state" },
	{ "印度", INDIA, "state" }, { "俄罗斯", RUSSIA, "state" },
	{ "Москва", MOSCOW, "place" }, { "Москве", MOSCOW, "place" }, { "内蒙古", INNER_MONGOLIA, "place" },
	{ "朱日和", ZHURIHE, "place" },
	{ "Кыргызстана", KYRGYZSTAN, "state" },
};

/* The mentions of the forms in BODY, the longest at a place first, in
 * order of position: a new array. */
static struct mention_row *
find_forms(const char *body, int *n)
{
	struct mention_row *m = calloc(64, sizeof *m);
	size_t i, len = strlen(body), best, k;

	*n = 0;
	for (i = 0; i < len && *n < 64; i++) {
		best = 0;
		for (k = 0; k < sizeof forms / sizeof *forms; k++) {
			size_t fl = strlen(forms[k].text);

			if (fl > best && strncmp(body + i, forms[k].text, fl) == 0) {
				best = fl;
				m[*n].entity_id = forms[k].id;
				snprintf(m[*n].kind, sizeof m[*n].kind, "%s", forms[k].kind);
			}
		}
		if (best == 0)
			continue;
		m[*n].start = (long long)i;
		m[*n].end = (long long)(i + best);
		(*n)++;
		i += best - 1;
	}
	return m;
}

static int
takes_part(const struct extract_found *f, long long id)
{
	int i;

	for (i = 0; i < f->nwho; i++)
		if (f->who[i] == id)
			return 1;
	return 0;
}

/* The events of an article, its mentions found by the forms. */
static int
events_of(const char *title, const char *body, const char *published,
    struct extract_found **f)
{
	struct article a = { .title = (char *)title, .body = (char *)body,
	    .published = (char *)published };
	struct mention_row *m;
	int n, nf;

	m = find_forms(body, &n);
	nf = extract_events(&a, m, n, f);
	free(m);
	return nf;
}

static void
test_several(void)
{
	static const char body[] =
	    "The defence ministers of the SCO member states met in Qingdao on "
	    "25 June 2025.\n"
	    "On the sidelines of the meeting, Rajnath Singh held bilateral talks "
	    "with Dong Jun.\n"
	    "The next meeting will be held in Bishkek in June 2026.\n";
	struct extract_found *f;
	int n = events_of("SCO defence ministers meet in Qingdao", body,
	    "2025-06-26", &f);

	is_int(n, 3, "one article: the meeting, talks beside it, the next one");
	if (n == 3) {
		is_str(f[0].kind, "defence-ministers", "the meeting: defence "
		    "ministers, in the plural");
		is_str(f[0].when.first, "2025-06-25", "on the day its sentence says");
		ok(f[0].place == QINGDAO && f[0].stated && !f[0].announced,
		    "in Qingdao, the date stated");
		ok(takes_part(&f[0], SINGH) && takes_part(&f[0], DONG),
		    "those who talked beside it attended it");
		is_str(f[1].kind, "bilateral", "the talks are an event of their own");
		ok(f[1].nwho == 2 && takes_part(&f[1], SINGH) &&
		    takes_part(&f[1], DONG), "between the two who held them");
		ok(f[1].place == QINGDAO && strcmp(f[1].when.first, "2025-06-25") == 0,
		    "where and when the meeting was");
		ok(f[2].announced && f[2].place == BISHKEK &&
		    strcmp(f[2].kind, "defence-ministers") == 0,
		    "the next meeting: announced, of the same kind, in Bishkek");
		is_str(f[2].when.first, "2026-06-01", "in the month it names");
		ok(f[2].confidence < f[0].confidence, "with less confidence");
	}
	free(f);
}

static void
test_unrelated(void)
{
	static const char body[] =
	    "The trade ministers of Britain and Australia met in London on "
	    "3 May 2024 for talks on tariffs. The meeting also discussed an "
	    "attack on a ship.";
	struct article a = { .title = "Ministers hold talks on trade",
	    .body = (char *)body, .published = "2024-05-04" };
	struct extract_found *f;
	struct mention_row *m;
	int n;

	m = find_forms(body, &n);
	ok(!extract_relevant(&a, m, n), "talks and an attack are no SCO affair");
	is_int(extract_events(&a, m, n, &f), 0, "and give no event");
	free(f);
	free(m);
}

/* No SCO body named: security officials of its members meet, those of
 * another body do not. */
static void
test_officials(void)
{
	static const char nato[] =
	    "NATO defence ministers met in London on 15 February 2017, said "
	    "Lars Berg.";
	static const char nsa[] =
	    "National Security Adviser Rajnath Singh met his counterpart in "
	    "Moscow on 15 April 2015.";
	struct article a = { .title = "Ministers meet", .body = (char *)nato,
	    .published = "2017-02-16" };
	struct mention_row *m;
	int n;

	m = find_forms(nato, &n);
	ok(!extract_relevant(&a, m, n), "another alliance's defence ministers "
	    "are no SCO affair");
	free(m);
	a.body = (char *)nsa;
	m = find_forms(nsa, &n);
	ok(extract_relevant(&a, m, n), "a national security adviser meeting a "
	    "counterpart is");
	free(m);
	a.body = "The secretaries of the security councils met in Moscow on 15 "
	    "April 2015.";
	ok(extract_relevant(&a, NULL, 0), "so is a meeting of security council "
	    "secretaries, no one named");
	a.body = "Leaders said that Nato defence ministers met in London on 15 "
	    "February 2017.";
	ok(!extract_relevant(&a, NULL, 0), "not the defence ministers of a body "
	    "written in lower case");
	a.body = "Officials of the Shanghai Cooperation Organisation met in "
	    "London on 3 May 2024.";
	ok(extract_relevant(&a, NULL, 0), "the SCO's name in full");
}

static void
test_official_list(void)
{
	static const char body[] =
	    "The meeting of the secretaries of security councils of the SCO in "
	    "Moscow on 15 April 2015 was attended by the Republic of India, the "
	    "Republic of Kazakhstan, the Kyrgyz Republic and the Russian "
	    "Federation.";
	struct extract_found *f;
	int n = events_of("Security council secretaries meet", body, "2015-04-16", &f);

	is_int(n, 1, "an event");
	if (n == 1) {
		ok(takes_part(&f[0], INDIA) && takes_part(&f[0], KAZAKHSTAN) &&
		    takes_part(&f[0], KYRGYZSTAN) && takes_part(&f[0], RUSSIA),
		    "every state of a list of official names takes part");
		is_str(f[0].kind, "nsa-meeting", "of security council secretaries");
	}
	free(f);
}

static void
test_initials(void)
{
	static const char body[] =
	    "The SCO security council secretaries met in Beijing on 22 May 2018, "
	    "welcomed by the Secretary of the Security Council of the Russian "
	    "Federation N.P. Patrushev.";
	struct extract_found *f;
	int n = events_of("Secretaries meet", body, "2018-05-23", &f);

	is_int(n, 1, "an event");
	if (n == 1) {
		ok(takes_part(&f[0], PATRUSHEV), "the person after the initials");
		ok(takes_part(&f[0], RUSSIA), "and the state before them, his");
		ok(f[0].span_end == (long long)strlen(body),
		    "initials do not end the sentence");
	}
	free(f);
}

static void
test_unknown_person(void)
{
	static const char body[] =
	    "The SCO security council secretaries met in Beijing on 22 May 2018, "
	    "attended by the Secretary of the Security Council of the Republic "
	    "of Kazakhstan Erlan Saparbekov.";
	struct extract_found *f;
	int n = events_of("Secretaries meet", body, "2018-05-23", &f);

	is_int(n, 1, "an event");
	if (n == 1)
		ok(takes_part(&f[0], KAZAKHSTAN), "a state whose official is "
		    "named, though the gazetteer does not know him");
	free(f);
}

static void
test_title_place(void)
{
	static const char body[] =
	    "The SCO foreign ministers met on 22 May 2019, a week after talks in "
	    "Moscow. The ministers gathered in Bishkek for their council.";
	struct extract_found *f;
	int n = events_of("SCO foreign ministers meet in Bishkek", body,
	    "2019-05-23", &f);

	is_int(n, 1, "an event");
	if (n == 1) {
		is_int(f[0].place, BISHKEK, "the place the title names too, not "
		    "the first one the text names");
		is_str(f[0].kind, "foreign-ministers", "of foreign ministers");
	}
	free(f);
}

/* The title's place where the text names it only outside the
 * sentences on the event. */
static void
test_title_place_only(void)
{
	static const char body[] =
	    "The heads of state of the SCO held their summit on 14 June 2019.\n"
	    "They signed the Bishkek Declaration on regional security.\n";
	struct extract_found *f;
	int n = events_of("SCO summit in Bishkek", body, "2019-06-14", &f);

	is_int(n, 1, "an event");
	if (n == 1)
		is_int(f[0].place, BISHKEK, "the place the title names, found "
		    "in a sentence that is not about the event");
	free(f);
}

/* The city of the dateline when no sentence names a place. */
static void
test_dateline_place(void)
{
	static const char body[] =
	    "Москва, 13 апреля. Президент провёл встречу с секретарями советов "
	    "безопасности государств — членов ШОС.\n";
	struct extract_found *f;
	int n = events_of("Президент принял секретарей совбезов ШОС", body,
	    "2015-04-13", &f);

	is_int(n, 1, "an event");
	if (n == 1)
		is_int(f[0].place, MOSCOW, "the city of the dateline");
	free(f);
}

/* A dateline's city in a sentence on the event is where the report
 * was filed: the venue the sentence names wins. */
static void
test_dateline_elsewhere(void)
{
	static const char body[] =
	    "Москва, 14 апреля — Секретари советов безопасности государств — "
	    "членов ШОС встретились в Ташкенте.\n";
	struct extract_found *f;
	int n = events_of("Секретари совбезов ШОС встретились", body,
	    "2015-04-14", &f);

	is_int(n, 1, "an event");
	if (n == 1)
		is_int(f[0].place, TASHKENT, "the venue, not the city of the "
		    "dateline");
	free(f);
}

/* A dateline in capitals, which the gazetteer does not match, names
 * the city a later sentence names as written. */
static void
test_dateline_capitals(void)
{
	static const char body[] =
	    "BEIJING, May 3. The SCO defence ministers met on Tuesday.\n"
	    "Some delegates stayed on in Beijing for a few days.\n";
	struct extract_found *f;
	int n = events_of("SCO defence ministers meet", body, "2018-05-03", &f);

	is_int(n, 1, "an event");
	if (n == 1)
		is_int(f[0].place, BEIJING, "the city of a dateline in capitals");
	free(f);
}

/* The article's first sentence names the venue without a word that
 * marks it as the event; a later sentence on the event names the next
 * summit. */
static void
test_lead_place(void)
{
	static const char body[] =
	    "The SCO's foreign ministers began their council at a lakeside "
	    "hotel in Bishkek on Friday.\n"
	    "The ministers met for two days.\n"
	    "At the meeting they agreed to fight terrorism together.\n"
	    "The meeting prepared the summit to be held in Qingdao in June.\n";
	struct extract_found *f;
	int n = events_of("SCO ministers agree on security", body, "2019-05-24",
	    &f);

	is_int(n, 1, "an event");
	if (n == 1)
		is_int(f[0].place, BISHKEK, "the place of the first sentence, not "
		    "the next summit's");
	free(f);
}

/* Chinese names the region before the place within it. */
static void
test_chinese_narrower_place(void)
{
	static const char body[] =
	    "上海合作组织成员国联合反恐军事演习在内蒙古朱日和举行。"
	    "中国和俄罗斯派兵参加。";
	struct extract_found *f;
	int n = events_of("上合组织联合反恐军事演习举行", body, "2014-08-24", &f);

	is_int(n, 1, "an event");
	if (n == 1)
		is_int(f[0].place, ZHURIHE, "the training ground, not the region "
		    "written before it");
	free(f);
}

static void
test_announced(void)
{
	static const char body[] =
	    "The SCO defence ministers met in Beijing, the ministry said.\n"
	    "Their next meeting will be held in Bishkek on 18 June 2019.\n";
	struct extract_found *f;
	int n = events_of("SCO defence ministers meet", body, "2018-04-25", &f);

	is_int(n, 2, "the meeting and the next one");
	if (n == 2) {
		is_str(f[0].when.first, "2018-04-25", "the meeting on the day of "
		    "the report: the announced day is not its date");
		ok(!f[0].stated, "a date the text does not state");
		is_str(f[1].when.first, "2019-06-18", "the next one on the day announced");
		ok(f[1].announced && f[1].place == BISHKEK, "in Bishkek");
	}
	free(f);
}

/* A Russian "next" is of the next meeting only before a word of a
 * meeting: "в следующий вторник" is the day of the one announced. */
static void
test_next_weekday(void)
{
	static const char body[] =
	    "Секретари советов безопасности государств ШОС встретятся в "
	    "Ташкенте в следующий вторник.";
	struct extract_found *f;
	int n = events_of("Секретари совбезов ШОС", body, "2022-10-25", &f);

	is_int(n, 1, "a meeting announced for next Tuesday is an event");
	if (n == 1) {
		is_str(f[0].when.first, "2022-11-01", "on the Tuesday after the "
		    "report");
		ok(f[0].stated && f[0].place == TASHKENT, "stated, in Tashkent");
	}
	free(f);
}

/* An announced event is dated only as the text dates it: by the month
 * it names, and not at all when it names none. */
static void
test_announced_undated(void)
{
	static const char none[] =
	    "Секретари советов безопасности государств ШОС встретятся в "
	    "Ташкенте.";
	static const char month[] =
	    "The SCO defence ministers will meet in Bishkek in April.";
	struct extract_found *f;
	int n = events_of("Секретари совбезов ШОС", none, "2022-10-25", &f);

	is_int(n, 0, "an announcement with no date gives no event on the "
	    "day of the report");
	free(f);
	n = events_of("SCO defence ministers to meet", month, "2022-10-25", &f);
	is_int(n, 1, "one with a month gives an event");
	if (n == 1) {
		is_str(f[0].when.first, "2023-04-01", "in the April to come");
		ok(f[0].when.precision == DATE_MONTH && f[0].stated,
		    "as precise as the text, and stated");
	}
	free(f);
}

/* A sentence that reports a meeting and announces the next: two
 * events, each with its own date and place. */
static void
test_meet_again(void)
{
	static const char body[] =
	    "The SCO defence ministers met in Beijing on 18 October 2022 and "
	    "agreed to meet again in Bishkek on 20 October 2023.";
	static const char ru[] =
	    "Министры обороны государств ШОС встретились в Москве 18 октября "
	    "2022 года и договорились вновь встретиться в Ташкенте 20 октября "
	    "2023 года.";
	struct extract_found *f;
	int n = events_of("SCO defence ministers meet", body, "2022-10-19", &f);

	is_int(n, 2, "the meeting and the one agreed on");
	if (n == 2) {
		ok(strcmp(f[0].when.first, "2022-10-18") == 0 &&
		    f[0].place == BEIJING && !f[0].announced,
		    "the meeting on its day, in Beijing");
		ok(strcmp(f[1].when.first, "2023-10-20") == 0 &&
		    f[1].place == BISHKEK && f[1].announced &&
		    strcmp(f[1].kind, f[0].kind) == 0,
		    "the next one on its day, in Bishkek, of the same kind");
	}
	free(f);
	n = events_of("Министры обороны ШОС", ru, "2022-10-19", &f);
	is_int(n, 2, "in Russian too");
	if (n == 2)
		ok(strcmp(f[1].when.first, "2023-10-20") == 0 &&
		    f[1].place == TASHKENT && f[1].announced &&
		    strcmp(f[0].when.first, "2022-10-18") == 0 &&
		    f[0].place == MOSCOW, "each on its day, in its city");
	free(f);
}

/* Those met during a visit elsewhere are of the visit, not of the
 * meeting; the visitor is of both. */
static void
test_visit(void)
{
	static const char body[] =
	    "The SCO defence ministers met in Qingdao on 25 June 2025.\n"
	    "Rajnath Singh attended the meeting.\n"
	    "Rajnath Singh, during a visit to Moscow, also met Lars Berg.\n";
	struct extract_found *f;
	int n = events_of("SCO defence ministers meet", body, "2025-06-26", &f);

	ok(n >= 1 && takes_part(&f[0], SINGH), "the visitor attended the meeting");
	ok(n >= 1 && !takes_part(&f[0], BERG), "whom he met on a visit did not");
	free(f);
}

static void
test_russian(void)
{
	static const char body[] =
	    "Секретари советов безопасности государств — членов ШОС встретились "
	    "в Ташкенте 18 августа 2022 года. Делегации России, Индии и Китая "
	    "обсудили борьбу с терроризмом. На заседании выступил секретарь "
	    "Совета безопасности Казахстана.";
	struct extract_found *f;
	int n = events_of("Секретари совбезов ШОС встретились в Ташкенте", body,
	    "2022-08-18", &f);

	is_int(n, 1, "a Russian article gives its event");
	if (n == 1) {
		is_str(f[0].kind, "nsa-meeting", "of secretaries of security "
		    "councils, by the stems of the words");
		is_int(f[0].place, TASHKENT, "in Tashkent");
		is_str(f[0].when.first, "2022-08-18", "on 18 August");
		ok(takes_part(&f[0], RUSSIA) && takes_part(&f[0], INDIA) &&
		    takes_part(&f[0], CHINA), "the delegations of a list");
		ok(takes_part(&f[0], KAZAKHSTAN), "the state of an official, "
		    "named after him");
	}
	free(f);
}

static void
test_chinese(void)
{
	static const char body[] =
	    "上海合作组织成员国安全会议秘书第十七次会议在塔什干举行。"
	    "中国、印度和俄罗斯代表团出席会议。哈萨克斯坦安全会议秘书在会上发言。";
	struct extract_found *f;
	int n = events_of("上合组织安全会议秘书会议举行", body, "2022-08-18", &f);

	is_int(n, 1, "a Chinese article gives its event");
	if (n == 1) {
		is_str(f[0].kind, "nsa-meeting", "of security council secretaries, "
		    "words found without spaces");
		is_int(f[0].place, TASHKENT, "in Tashkent");
		ok(takes_part(&f[0], CHINA) && takes_part(&f[0], INDIA) &&
		    takes_part(&f[0], RUSSIA), "the states of a list with 、 and 和");
		ok(takes_part(&f[0], KAZAKHSTAN), "the state of an official, named "
		    "before his title");
		ok(f[0].span_end == (long long)(strstr(body, "。") - body) + 3,
		    "a sentence ends at 。");
	}
	free(f);
}

/* A known meeting in Tashkent, 18-19 August 2022. */
static long long
known_event(struct db *db, long long *tashkent)
{
	struct err e;
	char sql[512];

	*tashkent = fixture_sql_int(db, "SELECT id FROM entity WHERE name = 'Tashkent'");
	snprintf(sql, sizeof sql, "INSERT INTO event(start, end, precision,"
	    " first_day, last_day, title, kind, place_id) VALUES ('2022-08-18',"
	    " '2022-08-19', 'day', '2022-08-18', '2022-08-19', 'Secretaries',"
	    " 'nsa-meeting', %lld)", *tashkent);
	if (db_exec(db, sql, &e) != 0)
		tap_diag("%s", e.msg);
	return fixture_sql_int(db, "SELECT max(id) FROM event");
}

static void
candidate(struct extract_found *f, const char *kind, const char *day,
    long long place, int stated)
{
	struct err e;

	memset(f, 0, sizeof *f);
	snprintf(f->kind, sizeof f->kind, "%s", kind);
	date_parse(day, &f->when, &e);
	f->place = place;
	f->stated = stated;
}

static void
test_match(struct db *db)
{
	struct extract_found f;
	struct err e;
	long long tashkent, known = known_event(db, &tashkent);

	candidate(&f, "nsa-meeting", "2022-08-18", tashkent, 1);
	ok(extract_match(db, &f, &e) == 0 && f.event_id == known,
	    "kind, date and place agree: the known event");
	ok(f.disputed, "a day the text states that differs is a claim");
	candidate(&f, "summit", "2022-08-18", tashkent, 1);
	ok(extract_match(db, &f, &e) == 0 && f.event_id == 0,
	    "the same place and day, another kind: not it");
	candidate(&f, "nsa-meeting", "2022-08-30", tashkent, 1);
	ok(extract_match(db, &f, &e) == 0 && f.event_id == 0,
	    "the same kind and place, days later: not it");
	candidate(&f, "nsa-meeting", "2022-08-18", 0, 1);
	ok(extract_match(db, &f, &e) == 0 && f.event_id == 0,
	    "the same kind and day, nowhere and no one: not it");
	candidate(&f, "nsa-meeting", "2022-08-20", tashkent, 0);
	ok(extract_match(db, &f, &e) == 0 && f.event_id == known,
	    "dated by the report's day: the known event");
	ok(!f.disputed, "and the publication day is no claim against it");
}

/* The date of one event of BODY, published PUB: its first and last days,
 * "-" when there is no single event, with "?" after when not stated. */
static void
date_of(const char *title, const char *body, const char *pub, char *out,
    size_t size)
{
	struct extract_found *f;
	int n = events_of(title, body, pub, &f);

	if (n != 1)
		snprintf(out, size, "-");
	else
		snprintf(out, size, "%s..%s%s", f[0].when.first, f[0].when.last,
		    f[0].stated ? "" : "?");
	free(f);
}

static void
check_date(const char *title, const char *body, const char *pub,
    const char *want, const char *what)
{
	char got[64];

	date_of(title, body, pub, got, sizeof got);
	is_str(got, want, what);
}

static void
test_dates(void)
{
	check_date("SCO secretaries to meet",
	    "BEIJING, May 16 (Xinhua) -- The SCO security council secretaries "
	    "will meet in Beijing on May 21-22.", "2018-05-16",
	    "2018-05-21..2018-05-22", "a dateline is the report's day, not the "
	    "meeting's");
	check_date("上合组织防长会议举行",
	    "新华社北京4月25日电 上海合作组织成员国国防部长会议24日在北京举行。",
	    "2018-04-25", "2018-04-24..2018-04-24", "a Chinese dateline (电) "
	    "neither");
	check_date("SCO drill",
	    "Troops of the SCO member states taking part in the joint exercise "
	    "arrived in Chelyabinsk on 16 August.\n"
	    "The exercise is held from 18 to 25 August.\n", "2018-08-20",
	    "2018-08-18..2018-08-25", "an arrival is not the drill's day; a "
	    "range keeps both ends");
	check_date("SCO drill ends",
	    "The 12-day joint drills of the SCO concluded near Moscow on Friday.",
	    "2010-09-25", "2010-09-13..2010-09-24", "the day it concluded is "
	    "its last, the days written in digits before it");
	check_date("SCO foreign ministers",
	    "Foreign ministers of the SCO states visited a tea plantation in "
	    "the hills near Goa with their wives on Thursday evening. The "
	    "meeting on Friday discussed security.", "2023-05-06",
	    "2023-05-05..2023-05-05", "the day a word of the event is near, "
	    "not a day named further from one");
	check_date("SCO secretaries",
	    "The SCO Secretary-General arrived in Beijing today to attend the "
	    "meeting of the security council secretaries.\n"
	    "It is the first event before the summit to be held in Beijing on "
	    "8-9 June 2017.\n", "2017-04-04", "2017-04-04..2017-04-04?",
	    "an arrival and, outside the lead, a day two months off: the "
	    "publication day, not stated");
	check_date("В Ташкенте отметили годовщину РАТС ШОС",
	    "ТАШКЕНТ, 16 июн — Sputnik. Накануне в Ташкенте прошло торжество, "
	    "посвященное годовщине РАТС ШОС.\n"
	    "В нем участвовали представители государств ШОС.\n", "2023-06-16",
	    "2023-06-15..2023-06-15", "the lead after a dateline dates the "
	    "event, though the words of a meeting come later");
	check_date("SCO foreign ministers agree",
	    "The SCO foreign ministers meeting in Moscow reached a consensus on "
	    "5 May.", "2023-05-07", "2023-05-05..2023-05-05",
	    "reaching a consensus is no arrival");
}

/* The state of the place hosts the event, when it has a place in the
 * SCO: not a state where SCO ministers meet on the sidelines of
 * another body. */
static void
test_host(struct db *db)
{
	long long tashkent = fixture_sql_int(db,
	    "SELECT id FROM entity WHERE name = 'Tashkent'");
	long long washington = fixture_sql_int(db,
	    "SELECT id FROM entity WHERE name = 'Washington, D.C.'");
	long long uzbekistan = fixture_sql_int(db,
	    "SELECT id FROM entity WHERE name = 'Uzbekistan'");
	struct extract_found f;
	struct err e;

	candidate(&f, "foreign-ministers", "2017-09-20", tashkent, 1);
	ok(extract_match(db, &f, &e) == 0 && f.nwho == 1 &&
	    f.who[0] == uzbekistan, "a member's city: the member hosts");
	candidate(&f, "foreign-ministers", "2017-09-20", washington, 1);
	ok(washington > 0 && extract_match(db, &f, &e) == 0 && f.nwho == 0,
	    "a city of a state outside the SCO: no host among the participants");
}

/* Whether TEXT names the place NAME of the gazetteer. */
static int
names_place(struct db *db, const char *text, const char *name)
{
	struct mention_row *m = NULL;
	struct err e;
	char sql[256];
	long long id;
	int n = 0, i, found = 0;

	snprintf(sql, sizeof sql, "SELECT id FROM entity WHERE name = '%s'"
	    " AND kind = 'place'", name);
	id = fixture_sql_int(db, sql);
	if (mention_find(db, text, strlen(text), &m, &n, &e) != 0) {
		tap_diag("%s", e.msg);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (id > 0 && m[i].entity_id == id)
			found = 1;
	free(m);
	return found;
}

/* Venues of SCO meetings and exercises as Russian and Chinese write
 * them: inflected, as an adjective, without spaces. */
static void
test_venues(struct db *db)
{
	ok(names_place(db, "Учения прошли на Чебаркульском полигоне.",
	    "Chebarkul"), "a range by its adjective, inflected");
	ok(names_place(db, "Секретари совбезов встретились в Нью-Дели.",
	    "New Delhi"), "a city by its Russian name");
	ok(names_place(db, "Саммит прошёл в Самарканде.", "Samarkand"),
	    "a city by its Russian name, inflected");
	ok(names_place(db, "防长会议在青岛举行。", "Qingdao"),
	    "a city by its Chinese name, without spaces");
	ok(names_place(db, "联合演习在奥伦堡州东古兹靶场举行。", "Donguz"),
	    "a range by its Chinese name");
	ok(names_place(db, "演习在胡占德市郊外的靶场举行。", "Khujand"),
	    "a city by the Chinese transliteration of the press");
	ok(names_place(db, "The council met in Cholpon-Ata on Tuesday.",
	    "Cholpon-Ata"), "a venue of the RATS council");
}


/* Who is there beyond the cue sentence, and who only reports it: a
 * spokesperson announcing a meeting; a list of states whose first item
 * is an official's; a sentence saying the states listed took part, in
 * the paragraph of the event or in one of its own. */
static void
test_participants_context(void)
{
	static const char spoken[] =
	    "The defence ministers of the SCO will meet in Qingdao on 25 June "
	    "2025, with Dong Jun in the chair, foreign ministry spokesperson "
	    "Lars Berg said.";
	static const char listed[] =
	    "Министры обороны государств ШОС встретились в Ташкенте 18 августа "
	    "2022 года. Прибыли министры обороны Казахстана, Кыргызстана, "
	    "России и Индии.";
	static const char partake[] =
	    "2022年8月18日,上海合作组织联合反恐演习在塔什干举行。"
	    "哈萨克斯坦、中国和俄罗斯三国共派出官兵参加。";
	static const char chaired[] =
	    "Заседание секретарей советов безопасности государств ШОС прошло в "
	    "Ташкенте 18 августа 2022 года под председательством Казахстана.";
	static const char styled[] =
	    "The summit in Bishkek on 25 June 2025 was attended by Lars Berg, "
	    "President of Australia, and by Rajnath Singh of the Republic of "
	    "India.";
	static const char own[] =
	    "The SCO defence ministers met in Bishkek on 25 June 2025.\n"
	    "The Republic of India was represented by Rajnath Singh. The other "
	    "participants came from the Republic of Kazakhstan and the Russian "
	    "Federation.";
	struct extract_found *f;
	int n;

	n = events_of("SCO defence ministers to meet", spoken, "2025-06-10", &f);
	ok(n >= 1 && takes_part(&f[0], DONG) && !takes_part(&f[0], BERG),
	    "a spokesperson who announces a meeting does not attend it");
	free(f);
	n = events_of("Министры обороны ШОС встретились", listed, "2022-08-18", &f);
	ok(n >= 1 && takes_part(&f[0], RUSSIA) && takes_part(&f[0], INDIA),
	    "each state of a list that begins with an official's");
	free(f);
	n = events_of("上合组织联合反恐演习举行", partake, "2022-08-18", &f);
	ok(n >= 1 && takes_part(&f[0], KAZAKHSTAN) && takes_part(&f[0], CHINA) &&
	    takes_part(&f[0], RUSSIA), "the states of a sentence on who took part");
	free(f);
	n = events_of("Заседание секретарей совбезов ШОС", chaired, "2022-08-18", &f);
	ok(n >= 1 && takes_part(&f[0], KAZAKHSTAN), "the state in the chair");
	free(f);
	n = events_of("SCO summit in Bishkek", styled, "2025-06-25", &f);
	ok(n >= 1 && takes_part(&f[0], AUSTRALIA) && takes_part(&f[0], INDIA),
	    "the state after a person's title (\", President of X\") or "
	    "after \"of the\"");
	free(f);
	n = events_of("SCO defence ministers meet in Bishkek", own, "2025-06-25", &f);
	ok(n >= 1 && takes_part(&f[0], INDIA) && takes_part(&f[0], KAZAKHSTAN) &&
	    takes_part(&f[0], SINGH), "those of a paragraph of its own on who "
	    "took part");
	free(f);
}

int
main(void)
{
	char *dir = fixture_tmpdir();
	struct db *db = fixture_gazetteer_db(dir);

	test_several();
	test_unrelated();
	test_officials();
	test_official_list();
	test_initials();
	test_unknown_person();
	test_title_place();
	test_title_place_only();
	test_dateline_place();
	test_dateline_elsewhere();
	test_dateline_capitals();
	test_lead_place();
	test_chinese_narrower_place();
	test_announced();
	test_next_weekday();
	test_announced_undated();
	test_meet_again();
	test_visit();
	test_russian();
	test_chinese();
	test_dates();

	test_participants_context();
	test_match(db);
	test_host(db);
	test_venues(db);
	db_close(db);
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
