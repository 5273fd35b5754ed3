/* SPDX-License-Identifier: ISC */
/* model/import/readable.c: the article found in small pages written for
 * these tests, one for each case issue 15 names, and what is left of
 * the page around it and inside it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/text.h"
#include "import/html.h"
#include "import/readable.h"

/* Paragraphs of an article, long enough and with commas, each with a
 * word the checks look for. */
#define P1 "<p>The ministers met in Astana on Tuesday, after weeks of talks, " \
	"and agreed on a plan for the border crossings, the railway and the " \
	"new customs posts (ALPHA).</p>"
#define P2 "<p>Officials said the plan, which still needs the approval of " \
	"the parliaments, would open in the spring, once the roads are " \
	"repaired, and that the costs would be shared (BRAVO).</p>"
#define P3 "<p>Traders in the region, who had waited for years, welcomed " \
	"the news, although some said the fees were too high, and asked for " \
	"a review before the summer (CHARLIE).</p>"
#define P4 "<p>The next meeting, planned for the autumn, will look at the " \
	"energy corridor, the water agreements and, if time allows, the " \
	"visa rules for students (DELTA).</p>"
#define ARTICLE P1 P2 P3 P4

#define HEAD "<!DOCTYPE html><html><head><title>Talks in Astana</title>" \
	"</head><body>"
#define TAIL "</body></html>"

#define NAV "<div class=\"menu\"><ul><li><a href=\"/\">Home</a></li>" \
	"<li><a href=\"/w\">World MENUWORD</a></li><li><a href=\"/b\">" \
	"Business</a></li></ul></div>"
#define SIDEBAR "<div id=\"sidebar\"><h3>Most read</h3><ul><li><a " \
	"href=\"/1\">SIDEWORD one story</a></li><li><a href=\"/2\">Another " \
	"story</a></li></ul><p>Weather today, sunny, warm, and dry, with " \
	"light winds, SIDEWORD.</p></div>"
#define FOOTER "<div class=\"site-footer\"><p>Copyright the newspaper, all " \
	"rights reserved, FOOTWORD, contact us, jobs, terms.</p></div>"

/* The text of page S as the importer sees it. */
static char *
reduce(const char *s)
{
	struct buf out;

	buf_init(&out);
	text_html_reduce(s, strlen(s), &out, NULL);
	return buf_steal(&out);
}

/* Whether TEXT has each word of KEEP in this order and none of DROP. */
static void
check(const char *page, const char *const *keep, const char *const *drop,
    const char *what)
{
	char *text = reduce(page);
	const char *at = text, *p;
	int good = 1;

	for (; keep != NULL && *keep != NULL; keep++) {
		if ((p = strstr(at, *keep)) == NULL) {
			tap_diag("'%s' lost or out of order", *keep);
			good = 0;
		} else {
			at = p;
		}
	}
	for (; drop != NULL && *drop != NULL; drop++)
		if (strstr(text, *drop) != NULL) {
			tap_diag("'%s' kept", *drop);
			good = 0;
		}
	ok(good, "%s", what);
	if (!good)
		tap_diag("got '%s'", text);
	free(text);
}

static const char *const article_words[] = {
	"ALPHA", "BRAVO", "CHARLIE", "DELTA", NULL,
};

static void
test_div_soup(void)
{
	const char *page = HEAD "<div class=\"wrap\"><div class=\"top\">" NAV
	    "</div><div class=\"cols\"><div class=\"col\">" SIDEBAR "</div>"
	    "<div class=\"col\"><div class=\"story-body\">" ARTICLE
	    "</div></div></div>" FOOTER "</div>" TAIL;
	static const char *const drop[] = {
		"MENUWORD", "SIDEWORD", "FOOTWORD", NULL,
	};

	check(page, article_words, drop,
	    "the article in div soup, without menu, sidebar and footer");
}

static void
test_related_middle(void)
{
	const char *page = HEAD "<article>" P1 P2 "<div class=\"inline\">"
	    "<h4>Related</h4><ul><li><a href=\"/a\">RELWORD talks stall</a>"
	    "</li><li><a href=\"/b\">Border reopens</a></li></ul></div>"
	    "<p><strong>Read more:</strong> <a href=\"/c\">READWORD the "
	    "railway deal explained in full</a></p>" P3 P4 "</article>" TAIL;
	static const char *const drop[] = { "RELWORD", "READWORD", NULL };

	check(page, article_words, drop,
	    "a Related block and a Read more link in the middle are dropped");
}

static void
test_comments(void)
{
	const char *page = HEAD "<div class=\"post\">" ARTICLE "</div>"
	    "<div class=\"comments\"><h3>3 comments</h3><div class=\"c\">"
	    "<p>COMMWORD I think this is wrong, and the fees, as always, will "
	    "go to the same people, as they did last time.</p></div>"
	    "<div class=\"c\"><p>COMMWORD Agreed, and the roads, the ports "
	    "and the railway, all of them, need work first.</p></div></div>"
	    TAIL;
	static const char *const drop[] = { "COMMWORD", NULL };

	check(page, article_words, drop, "a comment thread is dropped");
}

static void
test_share_bar(void)
{
	const char *page = HEAD "<article><div class=\"share-tools\"><a "
	    "href=\"/f\">Facebook</a> <a href=\"/t\">SHAREWORD Twitter</a> "
	    "<span>Email this article</span></div>" ARTICLE
	    "<div class=\"social-buttons\"><a href=\"/x\">SHAREWORD Share"
	    "</a></div></article>" TAIL;
	static const char *const drop[] = { "SHAREWORD", NULL };

	check(page, article_words, drop, "share bars are dropped");
}

#define RU1 "<p>Министры встретились во вторник в Астане, после долгих " \
	"переговоров, и договорились о пунктах пропуска, железной дороге и " \
	"таможне (АЛЬФА).</p>"
#define RU2 "<p>По словам чиновников, план, который ещё должны одобрить " \
	"парламенты, начнёт действовать весной, когда отремонтируют дороги, " \
	"а расходы разделят (БРАВО).</p>"
#define RU3 "<p>Торговцы региона, которые ждали этого годами, встретили " \
	"новость с радостью, хотя некоторые сочли пошлины высокими (ЧАРЛИ)." \
	"</p>"

static void
test_russian(void)
{
	const char *page = HEAD "<div class=\"content\">" RU1 RU2
	    "<p>Читайте также: <a href=\"/1\">ЛИШНЕЕ Переговоры зашли в "
	    "тупик после встречи</a></p>" RU3
	    "<h3>Похожие новости</h3><ul><li><a href=\"/3\">ЛИШНЕЕ "
	    "Новый мост</a></li></ul></div>" TAIL;
	static const char *const keep[] = {
		"АЛЬФА", "БРАВО", "ЧАРЛИ", NULL,
	};
	static const char *const drop[] = {
		"ЛИШНЕЕ", "Читайте также", "Похожие новости", NULL,
	};

	check(page, keep, drop,
	    "a Russian page loses its Читайте также and Похожие новости blocks");
}

#define ZH1 "<p>周二，各国部长在阿斯塔纳会面，经过数周的谈判，就边境口岸、" \
	"铁路和新的海关站达成了一致。这是多年来的第一次。各方表示满意，" \
	"并同意继续合作，共同推进。（甲）</p>"
#define ZH2 "<p>官员说，该计划仍需议会批准，将在春季道路修复后启动，费用" \
	"由各方分担。商人们表示欢迎，但也有人认为收费太高，希望在夏季之前" \
	"重新审议，并且降低费用。（乙）</p>"
#define ZH3 "<p>下一次会议定于秋季举行，将讨论能源走廊、水资源协议，以及" \
	"在时间允许的情况下，学生签证规则。专家认为，这些问题同样重要，" \
	"需要尽快解决，不能再拖。（丙）</p>"

static void
test_chinese(void)
{
	const char *page = HEAD "<div class=\"article\">" ZH1 ZH2
	    "<div class=\"box\"><h4>相关新闻</h4><ul><li><a href=\"/1\">"
	    "多余 谈判陷入僵局</a></li><li><a href=\"/2\">边境重新开放</a>"
	    "</li></ul></div>" ZH3 "<p>相关阅读：<a href=\"/3\">多余 新桥"
	    "通车</a></p></div>" TAIL;
	static const char *const keep[] = { "（甲）", "（乙）", "（丙）", NULL };
	static const char *const drop[] = { "多余", "相关新闻", NULL };

	check(page, keep, drop,
	    "a Chinese page loses its 相关新闻 and 相关阅读 blocks");
}

static void
test_best_div(void)
{
	const char *page = HEAD "<div><div class=\"a\"><p>LISTWORD short."
	    "</p><p>Short again.</p><p><a href=\"/1\">A link, a link, a link"
	    "</a></p><p><a href=\"/2\">Another link that is long enough to "
	    "score</a></p></div><div class=\"b\">" ARTICLE "</div>"
	    "<div class=\"c\"><p>OTHERWORD Some text here that is not long."
	    "</p></div></div>" TAIL;
	static const char *const drop[] = { "LISTWORD", "OTHERWORD", NULL };

	check(page, article_words, drop,
	    "without <article>, the div with text and commas wins");
}

static void
test_link_list(void)
{
	const char *page = HEAD "<article>" P1 P2 "<ul><li><a href=\"/1\">"
	    "LINKWORD Markets</a></li><li><a href=\"/2\">Sport</a></li><li>"
	    "<a href=\"/3\">Culture</a></li><li><a href=\"/4\">Travel</a></li>"
	    "</ul>" P3 P4 "</article>" TAIL;
	static const char *const drop[] = { "LINKWORD", NULL };

	check(page, article_words, drop,
	    "a list of links inside the article is dropped");
}

static void
test_short_page(void)
{
	const char *page = HEAD "<div class=\"menu\"><a href=\"/\">Home</a>"
	    "</div><p>A short note, written in haste.</p>" TAIL;
	struct buf a, b;
	char *t1, *t2;
	int found;
	htmlDocPtr doc = html_parse(page, strlen(page), NULL);

	buf_init(&a);
	buf_init(&b);
	found = readable_text(doc, &a, &t1);
	html_text(doc, &b, &t2);
	ok(!found && strcmp(a.data, b.data) == 0 && t1 && t2 &&
	    strcmp(t1, t2) == 0, "a short page falls back to all its text");
	if (found || strcmp(a.data, b.data) != 0)
		tap_diag("got '%s', all text '%s'", a.data, b.data);
	free(t1);
	free(t2);
	buf_free(&a);
	buf_free(&b);
	xmlFreeDoc(doc);
}

static void
test_order(void)
{
	const char *page = HEAD NAV "<article><h2>HEADONE The deal</h2>" P1
	    "<ol><li>FIRSTITEM the railway, with its new timetable, and the "
	    "stations</li><li>SECONDITEM the customs posts, each with its "
	    "own staff</li></ol>" P2 "<h2>HEADTWO What comes next</h2>" P3 P4
	    "</article>" TAIL;
	static const char *const keep[] = {
		"HEADONE", "ALPHA", "FIRSTITEM", "SECONDITEM", "BRAVO",
		"HEADTWO", "CHARLIE", "DELTA", NULL,
	};
	static const char *const drop[] = { "MENUWORD", NULL };

	check(page, keep, drop, "headings and lists are kept in order");
}

static void
test_found(void)
{
	const char *page = HEAD NAV "<div class=\"story\">" ARTICLE "</div>"
	    TAIL;
	struct buf out;
	char *title;
	htmlDocPtr doc = html_parse(page, strlen(page), NULL);

	buf_init(&out);
	ok(readable_text(doc, &out, &title) == 1 && title != NULL &&
	    strcmp(title, "Talks in Astana") == 0,
	    "an article is found, the page's title kept");
	free(title);
	buf_free(&out);
	xmlFreeDoc(doc);
	buf_init(&out);
	ok(readable_text(NULL, &out, &title) == 0 && title == NULL &&
	    out.data != NULL && out.data[0] == '\0',
	    "no document: no article, empty text");
	buf_free(&out);
}

/* JSON-LD's articleBody in place of the article found: only whole, only
 * when the page shows it, and never as markup. */
#define LD_PAGE "<html><body><div><p>The secretaries of the security " \
	"councils met in Tashkent on Thursday to discuss terrorism, " \
	"extremism and the drug trade along the borders.</p></div><div " \
	"class=\"far\"><p>They agreed to meet again next year in Astana " \
	"and to hold a joint exercise of their special services in the " \
	"autumn, the host said.</p></div></body></html>"
#define LD_WHOLE "The secretaries of the security councils met in " \
	"Tashkent on Thursday to discuss terrorism, extremism and the drug " \
	"trade along the borders. They agreed to meet again next year in " \
	"Astana and to hold a joint exercise of their special services in " \
	"the autumn, the host said."
static int
ld_takes(const char *ld, int found, const char *article)
{
	htmlDocPtr doc = html_parse(LD_PAGE, strlen(LD_PAGE), NULL);
	struct buf out;
	int took;

	buf_init(&out);
	buf_add(&out, article, strlen(article));
	took = readable_ld_body(doc, ld, found, &out);
	if (took && strcmp(out.data, ld) != 0)
		took = -1;
	buf_free(&out);
	xmlFreeDoc(doc);
	return took;
}

static void
test_ld_body(void)
{
	const char *half = "The secretaries of the security councils met in "
	    "Tashkent on Thursday to discuss terrorism, extremism and the "
	    "drug trade along the borders.";

	ok(ld_takes(LD_WHOLE, 1, half) == 1,
	    "an articleBody the page shows, longer than the block found, is taken");
	ok(ld_takes(LD_WHOLE, 0, "whole page") == 1,
	    "and when no article was found");
	ok(ld_takes(LD_WHOLE, 1, LD_WHOLE " More") == 0,
	    "a body no longer than the article found is not");
	ok(ld_takes("Completely different words about football matches, "
	    "transfer fees, goalkeepers, penalties and the league table this "
	    "season, written for another page entirely, nothing shown here.",
	    0, "whole page") == 0, "nor one the page does not show");
	ok(ld_takes("<p>The secretaries of the security councils met in "
	    "Tashkent on Thursday to discuss terrorism, extremism and the drug "
	    "trade.</p>", 0, "whole page") == 0, "nor one written as markup");
}

int
main(void)
{
	test_div_soup();
	test_related_middle();
	test_comments();
	test_share_bar();
	test_russian();
	test_chinese();
	test_best_div();
	test_link_list();
	test_short_page();
	test_order();
	test_found();
	test_ld_body();
	return tap_done();
}
