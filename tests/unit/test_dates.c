/* SPDX-License-Identifier: ISC */
/* model/import/dates.c: dates in article text, absolute and relative to the
 * publication date, on sentences of our own and on the five seeds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/dates.h"

/* The dates found in TEXT, as "date@words" joined by spaces. */
static void
found(const char *text, const char *pub, char *out, size_t size)
{
	struct date_found *f;
	int n = dates_find(text, strlen(text), pub, &f), i;
	char d[48];

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		date_format(&f[i].when, d, sizeof d);
		snprintf(out + strlen(out), size - strlen(out), "%s%s@%.*s",
		    i ? " | " : "", d, (int)(f[i].end - f[i].start), text + f[i].start);
	}
	free(f);
}

static void
check(const char *text, const char *pub, const char *want, const char *what)
{
	char got[2048];

	found(text, pub, got, sizeof got);
	is_str(got, want, what);
}

static void
seed(const char *file, const char *pub, const char *want, const char *what)
{
	char path[256], got[4096];
	struct buf b;
	struct err e;

	snprintf(path, sizeof path, "../data/articles/%s", file);
	buf_init(&b);
	if (util_read_file(fixture_path(path), &b, &e) != 0) {
		ok(0, "%s", e.msg);
		return;
	}
	found(b.data, pub, got, sizeof got);
	ok(strstr(got, want) != NULL, "%s", what);
	if (strstr(got, want) == NULL)
		tap_diag("found: %s", got);
	buf_free(&b);
}

/* Which of the dates found in TEXT are datelines, as "1" or "0" each. */
static void
datelines(const char *text, const char *pub, const char *want,
    const char *what)
{
	struct date_found *f;
	int n = dates_find(text, strlen(text), pub, &f), i;
	char got[32] = "";

	for (i = 0; i < n && i < 31; i++)
		got[i] = f[i].dateline ? '1' : '0';
	got[i < 31 ? i : 31] = '\0';
	is_str(got, want, what);
	free(f);
}

int
main(void)
{
	check("The meeting was on 2025-06-25 in Qingdao.", NULL,
	    "2025-06-25@2025-06-25", "an ISO date");
	check("He took the chair on 28 October 2021.", NULL,
	    "2021-10-28@28 October 2021", "day month year");
	check("He took the chair on October 28, 2021.", NULL,
	    "2021-10-28@October 28, 2021", "month day, year");
	check("India joined in June 2017 as a member.", NULL,
	    "2017-06@June 2017", "a month and year: month precision");
	check("They met on Wednesday.", NULL, "",
	    "without a publication date, no relative date");
	check("They met on Wednesday.", "2021-06-23", "2021-06-23@Wednesday",
	    "a weekday on the publication day itself");
	check("They met on Monday.", "2021-06-23", "2021-06-21@Monday",
	    "a weekday before the publication date");
	check("They will meet on Friday.", "2021-06-23", "2021-06-25@Friday",
	    "a weekday ahead when the sentence says will");
	check("They met last Wednesday.", "2021-06-23", "2021-06-16@Wednesday",
	    "'last' and the publication's weekday: a week before");
	check("They will meet next Wednesday.", "2021-06-23",
	    "2021-06-30@Wednesday", "'next' and the publication's weekday: a week on");
	check("They met last Monday and will meet next Friday.", "2021-06-23",
	    "2021-06-21@Monday | 2021-06-25@Friday",
	    "'last' and 'next' another weekday: the nearest that way");
	check("Они встретились в прошлую среду и встретятся в следующую среду.",
	    "2021-06-23", "2021-06-16@среду | 2021-06-30@среду",
	    "Russian: в прошлую среду, в следующую среду");
	check("It was agreed on 28 October.", "2022-05-15", "2021-10-28@28 October",
	    "a day and month after the publication date's: the year before");
	check("They stay until May 20.", "2022-05-15", "2022-05-20@May 20",
	    "until looks ahead: the same year");
	check("It may rain, they may meet.", "2022-05-15", "", "the verb may is not May");
	check("The talks on O\xd1\x81tober 3, 2022 ended.", NULL,
	    "2022-10-03@O\xd1\x81tober 3, 2022",
	    "a Cyrillic look-alike letter inside a month name");
	check("Last week and last month and last year.", "2022-05-15",
	    "2022-05-02..08@Last week | 2022-04@last month | 2021@last year",
	    "last week, month and year");
	check("Next month they meet; this year too.", "2022-12-15",
	    "2023-01@Next month | 2022@this year", "next month across a year");
	check("Earlier this year, they met.", "2022-05-15",
	    "2022-01-01..05-15@Earlier this year", "earlier this year");
	check("A ceasefire in February this year held.", "2021-06-23",
	    "2021-02@February this year", "a month of this year");
	check("They met on 31 February.", "2022-05-15", "", "no 31 February");

	/* Announcements resolve forwards, past tense backwards, else the
	 * nearest (issue 16). */
	check("The talks will be held in Beijing on May 21-22.", "2018-05-16",
	    "2018-05-21..22@May 21-22", "an announcement's day and month: ahead, both ends");
	check("The session is scheduled for 3 June.", "2018-05-16",
	    "2018-06-03@3 June", "scheduled for: ahead");
	check("The session is to be held on April 12 in Beijing.", "2012-04-05",
	    "2012-04-12@April 12", "is to be held: ahead");
	check("On June 17, the council of the six heads of state will meet.", "2004-06-16",
	    "2004-06-17@June 17", "will later in the sentence: ahead");
	check("The council met July 20 and will next meet in spring.", "2004-06-16",
	    "2003-07-20@July 20", "the nearest verb is past: the latest on or before");
	check("Drills from August 18 to 25 are called Peace Mission.", "2005-08-02",
	    "2005-08-18..25@August 18 to 25", "no tense: the nearest");
	check("Встреча состоится 21-22 мая.",
	    "2018-05-16", "2018-05-21..22@21-22 мая",
	    "Russian: состоится 21-22 мая, ahead");
	check("会议将于5月21日至22日举行。", "2018-05-16",
	    "2018-05-21..22@5月21日至22日",
	    "Chinese: 将于5月21日至22日举行, ahead");

	check("北京5月16日电 会议将于5月21日举行。", "2018-05-17",
	    "2018-05-16@5月16日 | 2018-05-21@5月21日",
	    "a dateline a day before publication is not next year's, whatever the tense");

	check("The summit will be held in April. The talks were in December.",
	    "2018-05-16", "2019-04@April | 2017-12@December",
	    "a month alone: ahead the next, past the last");
	check("Заседание состоится в апреле, учения прошли в июне.", "2018-02-22",
	    "2018-04@апреле | 2017-06@июне", "Russian: в апреле, a month alone");
	check("会议将于6月举行，1-2月份。", "2018-05-16",
	    "2018-06@6月 | 2019-01..02@1-2月",
	    "Chinese: 6月, a month alone; 1-2月 a range of months, ahead");
	check("专家组1-2月份举行了三次会议。", "2018-03-10", "2018-01..02@1-2月",
	    "Chinese: 1-2月份, a range of months this year");
	check("演习于2017年7月至8月举行。", NULL, "2017-07..08@2017年7月至8月",
	    "Chinese: a year, a month 至 a month");
	check("会议于8月18日至25日举行。", "2018-08-01", "2018-08-18..25@8月18日至25日",
	    "Chinese: a range of days is no range of months");
	check("It may rain in May or in June, they said.", "2018-01-16",
	    "2018-05@May | 2018-06@June", "a month alone, no tense: the nearest");

	/* Ranges keep both ends and the year. */
	check("They met on April 2-3, 2024 in Astana.", NULL,
	    "2024-04-02..03@April 2-3, 2024", "month day-day, year");
	check("They met on 2–3 April 2024.", NULL,
	    "2024-04-02..03@2–3 April 2024", "day-day month year, en dash");
	check("The summit, 31 August – 1 September 2025, ended.", NULL,
	    "2025-08-31..09-01@31 August – 1 September 2025",
	    "across two months");
	check("The summit ran August 31-September 1 in Tianjin.", "2025-09-03",
	    "2025-08-31..09-01@August 31-September 1", "month day-month day");
	check("The drills ran from 2 to 4 June.", "2019-06-10",
	    "2019-06-02..04@2 to 4 June", "from day to day month");
	check("The drills ran from Sept. 11 to 25.", "2021-09-16",
	    "2021-09-11..25@Sept. 11 to 25", "an abbreviated month's full stop ends no sentence");
	check("Встреча 18-19 августа 2022 года.",
	    NULL, "2022-08-18..19@18-19 августа 2022 года",
	    "Russian: 18-19 августа 2022 года");
	check("Учения прошли с 18 по 19 августа.",
	    "2022-08-25", "2022-08-18..19@18 по 19 августа",
	    "Russian: с 18 по 19 августа");
	check("2022年8月18日至19日。", NULL,
	    "2022-08-18..19@2022年8月18日至19日",
	    "Chinese: 2022年8月18日至19日");
	check("8月18日—19日。", "2022-08-25",
	    "2022-08-18..19@8月18日—19日",
	    "Chinese: 8月18日—19日");
	check("8月会议，18至19日举行。",
	    "2022-08-25", "2022-08@8月 | 2022-08-18..19@18至19日",
	    "Chinese: 18至19日 with the month earlier in the sentence");

	/* Ordinal days and "of this month". */
	check("They meet on the 18th and 19th of this month.", "2022-08-11",
	    "2022-08-18..19@18th and 19th of this month", "the 18th and 19th of this month");
	check("It was held on the 18th, in Tashkent.", "2022-08-25",
	    "2022-08-18@18th", "on the 18th: the month of publication");
	check("The 18th meeting was held.", "2022-08-25", "",
	    "an ordinal before a noun is no day");
	check("BEIJING, 22nd Aug, 2022: they met.", NULL, "2022-08-22@22nd Aug, 2022",
	    "an ordinal day, month, year");
	check("本月18日举行。", "2022-08-11",
	    "2022-08-18@本月18日", "Chinese: 本月18日");
	check("会议6日举行。", "2017-04-07",
	    "2017-04-06@6日", "Chinese: 6日 in the month of publication");
	check("会议将于2日举行。", "2017-04-27",
	    "2017-05-02@2日", "Chinese: 将于2日, the next month's");
	check("Встреча состоится 18-го числа.",
	    "2022-08-11", "2022-08-18@18-го числа",
	    "Russian: 18-го числа");

	/* Russian dates (published on a Thursday). */
	check("Встреча прошла 18 августа 2022 года.", NULL,
	    "2022-08-18@18 августа 2022 года", "Russian: day month year");
	check("Встреча прошла 18 августа.", "2022-08-25",
	    "2022-08-18@18 августа", "Russian: day month, past");
	check("Учения прошли в августе 2022 года.", NULL,
	    "2022-08@августе 2022 года", "Russian: в августе 2022 года");
	check("Вчера и сегодня.", "2022-08-25",
	    "2022-08-24@Вчера | 2022-08-25@сегодня", "Russian: вчера, сегодня");
	check("Они встретились на прошлой неделе.", "2022-08-25",
	    "2022-08-15..21@прошлой неделе", "Russian: на прошлой неделе");
	check("Они встретились в понедельник, а во вторник уехали.", "2022-08-25",
	    "2022-08-22@понедельник | 2022-08-23@вторник", "Russian: weekdays");
	check("Встреча прошла в среду, а в субботу откроется выставка.", "2022-08-25",
	    "2022-08-24@среду | 2022-08-27@субботу", "Russian: в среду, в субботу ahead");
	check("Охрана окружающей среды.", "2022-08-25", "",
	    "Russian: среды is the environment, not Wednesday");
	check("В этом году, в прошлом месяце и в следующем месяце.", "2022-08-25",
	    "2022@этом году | 2022-07@прошлом месяце | 2022-09@следующем месяце",
	    "Russian: this year, last month, next month");

	check("МОСКВА, 5 фев — Встреча прошла.", "2019-02-05", "2019-02-05@5 фев",
	    "Russian: an abbreviated month in a dateline");
	check("Накануне в Москве прошла встреча.", "2019-02-05", "2019-02-04@Накануне",
	    "Russian: накануне alone is the day before");
	check("Встреча прошла накануне саммита.", "2019-02-05", "",
	    "Russian: накануне саммита is the eve of something else");

	check("Совещание прошло 18.08.2022 в Ташкенте, версия 1.2.3.", NULL,
	    "2022-08-18@18.08.2022", "Russian: a date in digits, day first");
	/* Chinese dates. */
	check("2022年8月18日，会议举行。", NULL, "2022-08-18@2022年8月18日",
	    "Chinese: year month day");
	check("会议于8月18日举行。", "2022-08-25", "2022-08-18@8月18日",
	    "Chinese: month day");
	check("2022年8月，会议举行。", NULL, "2022-08@2022年8月",
	    "Chinese: year month");
	check("昨天和今天。", "2022-08-25", "2022-08-24@昨天 | 2022-08-25@今天",
	    "Chinese: 昨天, 今天");
	check("上周、本周和下周。", "2022-08-25",
	    "2022-08-15..21@上周 | 2022-08-22..28@本周 | 2022-08-29..09-04@下周",
	    "Chinese: 上周, 本周, 下周");
	check("周一、星期二、礼拜三。", "2022-08-25",
	    "2022-08-22@周一 | 2022-08-23@星期二 | 2022-08-24@礼拜三",
	    "Chinese: weekdays");
	check("今年、上个月、下个月、本月。", "2022-08-25",
	    "2022@今年 | 2022-07@上个月 | 2022-09@下个月 | 2022-08@本月",
	    "Chinese: this year, last, next and this month");
	check("會議將於2日舉行，下週一閉幕。", "2017-04-27",
	    "2017-05-02@2日 | 2017-05-01@下週一", "Chinese: traditional characters");
	check("发布时间：2022/8/18，2022.08.19。", NULL,
	    "2022-08-18@2022/8/18 | 2022-08-19@2022.08.19", "a date in digits, year first");
	check("２０２２年８月１８日。", NULL, "2022-08-18@２０２２年８月１８日",
	    "Chinese: full-width digits");
	check("会议八月十八日举行。", "2022-08-25", "2022-08-18@八月十八日",
	    "Chinese: numerals for month and day");

	/* Look-alike letters read as Latin in every English word; Russian
	 * words stay Russian. */
	check("They meet on the 18th of this m\xd0\xbenth.", "2022-08-11",
	    "2022-08-18@18th of this m\xd0\xbenth", "a Cyrillic look-alike in of this month");
	check("The session is sch\xd0\xb5" "duled for 3 June.", "2018-05-16",
	    "2018-06-03@3 June", "a Cyrillic look-alike in a word of tense");
	check("Встреча 18 \x61вгуста 2022 года.", NULL,
	    "2022-08-18@18 \x61вгуста 2022 года",
	    "a Latin look-alike in a Russian month stays Russian");

	seed("000_3148a955f42c3b81.txt", "2021-06-23", "2021-06-23@Wednesday",
	    "seed 000: 'on Wednesday' is 2021-06-23");
	seed("001_d7dc98a0a732fa13.txt", "2022-05-15", "2022-05-15@Sunday",
	    "seed 001: 'On Sunday' is 2022-05-15");
	seed("001_d7dc98a0a732fa13.txt", "2022-05-15", "2022-05-14@Saturday",
	    "seed 001: 'On Saturday' is 2022-05-14, though the sentence goes on "
	    "'will stay'");
	seed("001_d7dc98a0a732fa13.txt", "2022-05-15", "2021-10-28@28 October",
	    "seed 001: '28 October' is 2021-10-28");
	seed("002_ce39b4929506ae58.txt", "2025-06-25", "2025-06-24@Tuesday",
	    "seed 002: 'on Tuesday' is 2025-06-24");
	seed("002_ce39b4929506ae58.txt", "2025-06-25", "2025-05@last month",
	    "seed 002: 'last month' is 2025-05");
	seed("003_ff30a0ee940f8091.txt", "2022-08-20", "2022-08-18..19@Thursday and Friday",
	    "seed 003: 'on Thursday and Friday' is 2022-08-18..19");
	seed("003_ff30a0ee940f8091.txt", "2022-08-20", "2023-03@March 2023",
	    "seed 003: 'March 2023'");
	seed("003_ff30a0ee940f8091.txt", "2022-08-20", "2022-12@December of this year",
	    "seed 003: 'December of this year' is 2022-12");
	seed("004_691f94b3424021d2.txt", "2021-09-08", "2021-09-08@Wednesday",
	    "seed 004: 'on Wednesday' is 2021-09-08");
	datelines("BEIJING, Sept. 16 (Xinhua) -- The drill is held from Sept. 11 "
	    "to 25.", "2021-09-16", "10", "a dateline: place, date, agency, dash");
	datelines("Пекин, 16 мая /Синьхуа/ -- Заседание пройдет 21-22 мая.",
	    "2018-05-16", "10", "Russian: the agency between slashes");
	datelines("YEKATERINBURG, September 20. /TASS/. The drill began on "
	    "September 11.", "2021-09-20", "10", "a full stop before the agency");
	datelines("新华社北京5月16日电 会议将于21日至22日在北京举行。",
	    "2018-05-16", "10", "Chinese: a date before 电, a dispatch");
	datelines("The ministers met on 16 May -- their first meeting -- in Beijing.\n"
	    "16 May - the ministers met.", "2018-05-17", "00",
	    "a dash after a date within a sentence, or a date with no place "
	    "before it: no dateline");
	return tap_done();
}
