/* SPDX-License-Identifier: ISC */
/* people_find (model/import/people.c): the people named after a title,
 * one sentence for each pattern, in English, Russian and Chinese. The
 * sentences and the people in them are made up; the gazetteer is
 * data/'s, and the mentions are found by mention_find or, where the
 * gazetteer has no names in a script yet, given. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "fixture.h"
#include "scotl/mention.h"
#include "scotl/people.h"

static struct db *people_db;

static long long
people_id(const char *kind, const char *name)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT id FROM entity WHERE kind = '%s' AND"
	    " name = '%s'", kind, name);
	return fixture_sql_int(people_db, sql);
}

/* The people of TEXT, its mentions found by mention_find plus EXTRA (a
 * state named at the first place of WHAT, or none). */
static int
people_of(const char *text, const char *state, const char *what,
    struct people_found **p)
{
	struct mention_row *m = NULL;
	struct err e;
	int n = 0, np;

	if (mention_find(people_db, text, strlen(text), &m, &n, &e) != 0) {
		tap_diag("%s", e.msg);
		return -1;
	}
	if (state != NULL) {
		const char *at = strstr(text, what);

		m = realloc(m, (size_t)(n + 1) * sizeof *m);
		m[n] = (struct mention_row){ people_id("state", state), "state",
		    at - text, at - text + (long long)strlen(what) };
		mention_sort(m, ++n);
	}
	np = people_find(people_db, text, strlen(text), m, n, p, &e);
	if (np < 0)
		tap_diag("%s", e.msg);
	free(m);
	return np;
}

/* TEXT names exactly one new person: NAME, with the state STATE (NULL
 * for none) and the title TITLE (NULL: not checked). */
static void
people_one(const char *text, const char *name, const char *state,
    const char *title, const char *why)
{
	struct people_found *p = NULL;
	int np = people_of(text, NULL, NULL, &p);
	char what[256];

	snprintf(what, sizeof what, "%s: one person", why);
	is_int(np, 1, what);
	if (np >= 1) {
		snprintf(what, sizeof what, "%s: the name", why);
		is_str(p[0].name, name, what);
		snprintf(what, sizeof what, "%s: the state %s", why,
		    state ? state : "none");
		is_int(p[0].state, state ? people_id("state", state) : 0, what);
		snprintf(what, sizeof what, "%s: the title", why);
		if (title != NULL)
			is_str(p[0].title, title, what);
	}
	people_found_free(p, np > 0 ? np : 0);
	free(p);
}

static void
people_none(const char *text, const char *why)
{
	struct people_found *p = NULL;
	int np = people_of(text, NULL, NULL, &p);

	is_int(np, 0, why);
	if (np > 0)
		tap_diag("%s", p[0].name);
	people_found_free(p, np > 0 ? np : 0);
	free(p);
}

static void
people_long_titles(void)
{
	people_one("Secretary of the Security Council of the Kyrgyz Republic "
	    "Arslan Tovmasov opened the session.", "Arslan Tovmasov",
	    "Kyrgyzstan", "Secretary of the Security Council of the Kyrgyz "
	    "Republic", "a title with two objects");
	people_one("The report was read by Director of the Executive Committee "
	    "of the SCO Regional Anti-Terrorist Structure Elmar Kuvandykov.",
	    "Elmar Kuvandykov", NULL, NULL, "a director of a named structure");
	people_none("The report was read by Director of the Executive Committee "
	    "of the SCO Regional Antiterrorist Structure (RATS) E. Kuvandykov.",
	    "the capitalised words before an institution's noun are no name");
	people_one("Chief of General Staff Tolib Rasulzoda inspected the unit.",
	    "Tolib Rasulzoda", NULL, "Chief of General Staff",
	    "a chief of staff");
	people_one("Deputy Foreign Minister Irina Vedernikova arrived.",
	    "Irina Vedernikova", NULL, "Deputy Foreign Minister", "a deputy");
	people_one("Defence Minister General Ruslan Beketayev watched the drill.",
	    "Ruslan Beketayev", NULL, "Defence Minister", "a rank after the title");
	people_one("Secretary of the Security Council Bakyt Orozov and the "
	    "Russian Federation's envoy spoke.", "Bakyt Orozov", NULL, NULL,
	    "the object ends where a name follows");
}

static void
people_states(void)
{
	people_one("In India, Defence Minister Liu Wenbo of China met the press.",
	    "Liu Wenbo", "China", NULL, "the state after the name, not India "
	    "before the title");
	people_one("Chinese Defence Minister Liu Wenbo flew on to India.",
	    "Liu Wenbo", "China", NULL, "the demonym before the title");
	people_one("Pakistan sent no one; Defence Minister Liu Wenbo met India's "
	    "envoy.", "Liu Wenbo", NULL, NULL, "no state elsewhere in the "
	    "sentence");
	people_one("He was invited by Chinese State Councilor and Minister of "
	    "Public Security Liu Wenbo.", "Liu Wenbo", "China", NULL,
	    "the state of the first of two joined titles");
	people_one("Pakistan's Interior Minister Farid Qadri spoke.",
	    "Farid Qadri", "Pakistan", NULL, "a possessive before the title");
}

static void
people_counterpart(void)
{
	people_one("He held talks with his Indian counterpart Vikram Reddy.",
	    "Vikram Reddy", "India", "counterpart", "his Indian counterpart");
	people_none("He met his counterpart Vikram Reddy.",
	    "a counterpart of no state is no title");
}

static void
people_initials(void)
{
	struct people_found *p = NULL;
	struct err e;
	long long testa;
	int np;

	people_one("President K.T. Omarbekov opened the summit.",
	    "K. T. Omarbekov", NULL, NULL, "new initials, a canonical name");
	if (db_exec(people_db, "INSERT INTO entity(kind, name) VALUES ('person',"
	    " 'Lorenzo Testa'); INSERT INTO alias(entity_id, name, norm) SELECT"
	    " id, name, 'lorenzo testa' FROM entity WHERE name = 'Lorenzo Testa'",
	    &e) != 0)
		tap_diag("could not add a person: %s", e.msg);
	testa = people_id("person", "Lorenzo Testa");
	np = people_of("Minister L.M. Testa met Minister L. Testa's aide.", NULL,
	    NULL, &p);
	is_int(np, 1, "a known person's initials: one row, once");
	if (np == 1) {
		is_int(p[0].known, testa, "the known person, not a new one");
		is_int(p[0].start, 9, "where the initials stand");
	}
	people_found_free(p, np > 0 ? np : 0);
	free(p);
	people_one("Secretary-General Nurbol Sadykov spoke; Secretary-General N. "
	    "Sadykov left.", "Nurbol Sadykov", NULL, NULL,
	    "initials of someone named before in the article");
	people_one("Secretary-General N. Sadykov spoke; Secretary-General Nurbol "
	    "Sadykov left.", "N. Sadykov", NULL, NULL,
	    "the full name of someone named before by initials");
}

static void
people_letters(void)
{
	people_one("Foreign Minister Ayşe Şahinoğlu replied.", "Ayşe Şahinoğlu",
	    NULL, NULL, "Latin letters beyond ASCII");
	people_one("President Kassym-Jomart Tolegenov spoke.",
	    "Kassym-Jomart Tolegenov", NULL, NULL, "a hyphen");
	people_one("Minister Bahodir Qo‘chqorov arrived.", "Bahodir Qo‘chqorov",
	    NULL, NULL, "an apostrophe in a name");
	people_one("President Donald Trimble's visit ended.", "Donald Trimble",
	    NULL, NULL, "a possessive is not in the name");
}

/* A Russian spelling of someone the gazetteer knows in Latin letters
 * only: a mention of that person, not a new one. */
static void
people_latin(void)
{
	struct people_found *p = NULL;
	struct err e;
	long long id;
	int np;

	if (db_exec(people_db, "INSERT INTO entity(kind, name) VALUES ('person',"
	    " 'Pavel Sergeyev'); INSERT INTO alias(entity_id, name, norm) SELECT"
	    " id, name, 'pavel sergeyev' FROM entity WHERE name = 'Pavel Sergeyev'",
	    &e) != 0)
		tap_diag("could not add a person: %s", e.msg);
	id = people_id("person", "Pavel Sergeyev");
	np = people_of("Министр обороны Павел Сергеев прибыл.", NULL, NULL, &p);
	is_int(np, 1, "a known person in Russian: one row");
	if (np == 1)
		is_int(p[0].known, id, "the person known in Latin letters");
	people_found_free(p, np > 0 ? np : 0);
	free(p);
}

static void
people_russian(void)
{
	struct people_found *p = NULL;
	int np;

	people_one("Вчера секретарь Совета безопасности Киргизии Арслан Тестов "
	    "заявил о встрече.", "Арслан Тестов", NULL,
	    "секретарь Совета безопасности Киргизии", "a Russian title");
	people_one("Состоялась встреча министра обороны Бориса Тестова.",
	    "Борис Тестов", NULL, NULL, "a title in the genitive, the name "
	    "made nominative");
	people_one("Он говорил с секретарем Совбеза Игорем Тестовым и другими.",
	    "Игорь Тестов", NULL, NULL, "a title in the instrumental");
	people_one("Он встретился с министром Мобашаром Джавадом Тестаром.",
	    "Мобашар Джавад Тестар", NULL, NULL, "three names in the "
	    "instrumental");
	people_one("Это сказал представитель МИД КНР Лу Тан.", "Лу Тан", "China",
	    NULL, "a spokesman, a Chinese name in Russian, the state from КНР");
	people_one("Глава МИД Ержан Тестович Оспанов прибыл.",
	    "Ержан Тестович Оспанов", NULL, NULL, "a patronymic");
	people_one("Выступил секретарь ШОС Д.Ф.Тестов.", "Д. Ф. Тестов", NULL,
	    NULL, "Russian initials");
	np = people_of("Министр иностранных дел Казахстана Ержан Оспанов прибыл.",
	    "Kazakhstan", "Казахстана", &p);
	is_int(np, 1, "a Russian title with a state");
	if (np == 1)
		is_int(p[0].state, people_id("state", "Kazakhstan"),
		    "the state named in the title");
	people_found_free(p, np > 0 ? np : 0);
	free(p);
	people_none("Министр обороны России Шойгу прибыл.",
	    "a state and a surname are no name");
	people_latin();
}

static void
people_chinese(void)
{
	struct people_found *p = NULL;
	int np;

	people_one("国防部长孟凡和表示，会议取得成功。", "孟凡和", "China", "国防部长",
	    "a Chinese title, a name of three characters");
	people_one("国务委员兼外长宋立新与对方会谈。", "宋立新", "China", NULL,
	    "a title of two titles");
	people_one("公安部部长赵克平出席。", "赵克平", "China", NULL,
	    "a ministry before the title");
	people_one("國防部長孟凡和表示歡迎。", "孟凡和", "China", "國防部長",
	    "traditional characters");
	people_one("外长韩磊和俄罗斯外长会谈。", "韩磊", "China", NULL,
	    "a name of two characters before a conjunction");
	np = people_of("印度国防部长辛格表示欢迎。", "India", "印度", &p);
	is_int(np, 1, "a Chinese title with a state");
	if (np == 1)
		is_int(p[0].state, people_id("state", "India"),
		    "the state named before the title");
	people_found_free(p, np > 0 ? np : 0);
	free(p);
	people_none("秘书叶尔梅克巴耶夫表示。", "a foreign name is not read as Chinese");
	people_none("各国防长齐聚一堂。", "words after a title are no name");
}

static void
people_headlines(void)
{
	people_none("SCO Secretary General Urges Intensified Effort on Regional "
	    "Goals\nThe meeting opened.", "a headline in title case");
	people_none("Foreign Minister Calls For Peace", "a headline's verb");
	people_one("National Security Adviser Anil Dhar met Oleg Sarnov in New "
	    "Delhi on Wednesday.", "Anil Dhar", NULL, NULL, "a sentence in "
	    "capitals is no headline");
	people_one("Present: President Ilya Darkhanov; Kazan Trade Union\n",
	    "Ilya Darkhanov", NULL, NULL, "a list in capitals is no headline");
	people_none("It spoke at the General Assembly. Foreign ministers left.",
	    "no name across a full stop");
}

int
main(void)
{
	char *dir = fixture_tmpdir();

	people_db = fixture_gazetteer_db(dir);
	people_long_titles();
	people_states();
	people_counterpart();
	people_initials();
	people_letters();
	people_russian();
	people_chinese();
	people_headlines();
	db_close(people_db);
	fixture_rmrf(dir);
	free(dir);
	return tap_done();
}
