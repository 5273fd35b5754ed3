/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store.h"
#include "scotl/dates.h"
#include "scotl/extract.h"
#include "scotl/mention.h"

/* How far apart two mentions may be, in bytes, to be read together: a
 * nationality before a person, an apposition after one, two items of a
 * list. Nothing further away is looked at, which keeps the work per
 * mention bounded whatever the length of the article. */
#define EXTRACT_NEAR_MAX 60
#define EXTRACT_APPOSITION_MAX 40
#define EXTRACT_LIST_MAX 24
/* Five words of text as people write it fit in this many bytes. Without
 * a cap, the search for a meeting word after "two-day" went on to the
 * end of a text without spaces, for each "-day" in it. */
#define EXTRACT_DURATION_REACH 100
/* The longest an event lasts: an exercise of a few weeks. */
#define EXTRACT_RANGE_DAYS 62

/* What a sentence is about. */
enum {
	EXTRACT_MAIN = 1,       /* the event the article reports */
	EXTRACT_SIDE = 2,       /* bilateral talks on its sidelines */
	EXTRACT_NEXT = 4,       /* the next one, announced */
};

struct extract_sentence {
	size_t start, end;
	int para;               /* the paragraph (line) it is in */
	int cue;                /* EXTRACT_* bits, 0 when no event cue */
	int rank;               /* main cue sentences before this one,
	                         * counted once, not again for each date */
	size_t next_at;         /* where the next meeting is announced in
	                         * a sentence that reports one before it
	                         * ("met ... and agreed to meet again on
	                         * ..."), else 0 */
};

/* One event being put together. */
struct extract_event {
	int what;               /* EXTRACT_MAIN, _SIDE or _NEXT */
	int first;              /* its first sentence */
	long long who[EXTRACT_MAX_PEOPLE];
	int nwho;
	long long place;
	char kind[24];
	struct date_span when;
	int have_when, stated;
};

struct extract {
	const char *title;
	const char *body;
	char *low;              /* the body in lower case, the same bytes
	                         * long (ASCII and Cyrillic letters) */
	char *ltitle;
	size_t len;
	const char *published;
	const struct mention_row *m;
	int nm;
	long long longest;      /* the longest mention, in bytes */
	struct extract_sentence *s;
	int ns, caps;
	struct date_found *dates;
	int nd;
};

/* --- words --------------------------------------------------------------- */

/* A byte of a word: a letter or digit, or any byte of a letter outside
 * ASCII (Cyrillic, accented Latin). */
static int
extract_wordbyte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* S in lower case: ASCII and Cyrillic (А-Я, Ё), whose lower case
 * letters take as many bytes, so offsets stay those of the text. */
static char *
extract_lower(const char *s, size_t len)
{
	unsigned char *o = xmalloc(len + 1);
	size_t i;

	memcpy(o, s, len);
	o[len] = '\0';
	for (i = 0; i < len; i++) {
		if (o[i] < 0x80) {
			o[i] = (unsigned char)tolower(o[i]);
		} else if (o[i] == 0xD0 && i + 1 < len) {
			if (o[i + 1] >= 0x90 && o[i + 1] <= 0x9F)
				o[i + 1] += 0x20;               /* А-П */
			else if (o[i + 1] >= 0xA0 && o[i + 1] <= 0xAF) {
				o[i] = 0xD1;                    /* Р-Я */
				o[i + 1] -= 0x20;
			} else if (o[i + 1] == 0x81) {
				o[i] = 0xD1;                    /* Ё */
				o[i + 1] = 0x91;
			}
			i++;
		}
	}
	return (char *)o;
}

/* Whether phrase W (lower case) is at byte I of the lower-case text S:
 * an English phrase as whole words; a Russian one as the start of a word
 * (a stem: "встреч" is "встреча", "встречи", "встречу"); a Chinese one
 * anywhere, as Chinese has no spaces between words. */
static int
extract_phrase_at(const char *s, size_t len, size_t i, const char *w)
{
	unsigned char c = (unsigned char)w[0];
	size_t n;

	if (s[i] != w[0])
		return 0;
	n = strlen(w);
	if (i + n > len || memcmp(s + i, w, n) != 0)
		return 0;
	if (c >= 0xE0)
		return 1;
	if (i > 0 && extract_wordbyte((unsigned char)s[i - 1]))
		return 0;
	return c >= 0x80 || i + n == len ||
	    !extract_wordbyte((unsigned char)s[i + n]);
}

/* Whether a phrase may begin at byte I of S, as extract_phrase_at asks:
 * one in Chinese anywhere, any other at the start of a word. Tested once
 * a byte before the phrases, which most bytes (inside words) fail. */
static int
extract_phrase_start(const char *s, size_t i)
{
	return (unsigned char)s[i] >= 0xE0 || i == 0 ||
	    !extract_wordbyte((unsigned char)s[i - 1]);
}

/* The first of the phrases W (N of them) in S[FROM, TO): its index, -1.
 * FIRST marks the bytes a phrase begins with, so that a byte no phrase
 * begins with costs one look-up. */
static int
extract_find_phrase(const char *s, size_t from, size_t to,
    const char *const *w, int n)
{
	unsigned char first[256] = { 0 };
	size_t i;
	int k;

	for (k = 0; k < n; k++)
		first[(unsigned char)w[k][0]] = 1;
	for (i = from; i < to; i++) {
		if (!first[(unsigned char)s[i]] || !extract_phrase_start(s, i))
			continue;
		for (k = 0; k < n; k++)
			if (w[k][0] == s[i] && extract_phrase_at(s, to, i, w[k]))
				return k;
	}
	return -1;
}

#define EXTRACT_ANY(s, from, to, list) \
	(extract_find_phrase((s), (from), (to), (list), \
	    (int)(sizeof (list) / sizeof *(list))) >= 0)

static int
extract_word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t n;

	/* Most places fail on the first letter: test it before the rest. */
	if (tolower((unsigned char)s[i]) != tolower((unsigned char)w[0]))
		return 0;
	n = strlen(w);
	return i + n <= len && strncasecmp(s + i, w, n) == 0 &&
	    (i == 0 || !isalpha((unsigned char)s[i - 1])) &&
	    (i + n == len || !isalpha((unsigned char)s[i + n]));
}

static int
extract_has_word(const char *s, size_t from, size_t to, const char *w)
{
	size_t i;

	for (i = from; i < to; i++)
		if ((i == from || !isalpha((unsigned char)s[i - 1])) &&
		    extract_word_at(s, to, i, w))
			return 1;
	return 0;
}

/* --- cues ---------------------------------------------------------------- */

/* Words that say something happened: a meeting, talks, a visit, drills,
 * an attack, an agreement; in English, Russian (stems) and Chinese. */
static const char *const extract_cues[] = {
	"meeting", "meetings", "meet", "meets", "met", "summit", "talks",
	"visit", "visited", "visiting", "attended", "attending", "hosted",
	"session", "conference", "gathering", "spoke", "attack", "attacks",
	"agreement", "accession", "joined", "ceasefire", "exercise",
	"exercises", "drill", "drills", "ceremony", "convene", "convenes",
	"convened", "held", "hosts", "host", "welcomed", "gathered",
	"participated",
	"встреч", "встрет", "совещани", "заседани", "саммит", "переговор", "учени",
	"церемони", "конференци", "провел", "провед", "состоял", "состоит",
	"пройд", "теракт", "участв", "отметил",
	"会议", "会晤", "峰会", "会谈", "演习", "举行", "召开", "出席", "仪式",
	"袭击", "会见", "會議", "會晤", "峰會", "會談", "演習", "舉行", "召開",
	"儀式", "襲擊", "會見",
};

/* Bilateral talks beside the meeting. */
static const char *const extract_side[] = {
	"sidelines", "sideline", "bilateral", "на полях", "двусторонн",
	"期间会见", "双边", "期間會見", "雙邊",
};

/* The next meeting, announced. A Russian "следующ" ("next") counts only
 * before a word of a meeting (extract_next_ru): "в следующий вторник"
 * is the day of this one. */
static const char *const extract_next[] = {
	"next meeting", "next summit", "next session", "next year's",
	"meet again", "meeting again", "встретиться вновь", "вновь встретиться",
	"встретиться снова", "снова встретиться", "下一次", "下次", "下届", "下屆",
};
static const char *const extract_next_ru[] = { "следующ" };
static const char *const extract_next_ru_noun[] = {
	"заседани", "встреч", "саммит", "совещани", "сесси", "конференци",
	"учени",
};

/* An event told in the future tense: a meeting verb that says it will
 * happen. Its date is what the text says, never the day of the report. */
static const char *const extract_future[] = {
	"will meet", "will hold", "will be held", "to be held", "will gather",
	"will convene", "will take place", "will host", "will be hosted",
	"are to meet", "is to be held", "are scheduled to", "is scheduled to",
	"встретятся", "соберутся", "состоится", "состоятся", "пройдет",
	"пройдёт", "пройдут", "проведут", "будет проведен", "будут проведен",
	"将于", "将在", "将举行", "将召开", "即将", "將於", "將在", "將舉行",
	"將召開",
};

/* The SCO and its bodies. Acronyms are read in capitals only: "rats". */
static const char *const extract_sco_caps[] = { "SCO", "RATS", "ШОС", "РАТС" };
static const char *const extract_sco[] = {
	"shanghai cooperation organisation", "shanghai cooperation organization",
	"shangai cooperation organisation", "shangai cooperation organization",
	"shanghai co-operation organisation", "shanghai co-operation organization",
	"regional anti-terrorist structure", "regional anti-terrorism structure",
	"regional anti-terror structure",
	"шанхайская организация", "шанхайской организации",
	"шанхайскую организацию", "региональной антитеррористической",
	"региональная антитеррористическая", "上海合作组织", "上合组织", "上合",
	"地区反恐怖机构", "上海合作組織", "上合組織", "地區反恐怖機構",
};

/* Member states' security officials: who meets when an article names
 * no SCO body; a meeting of them (plural) or one of them (a title, then
 * someone must be named). The threats alone ("terrorism", "national
 * security") are everyday words of home politics. */
static const struct {
	const char *phrase;
	int meeting;
} extract_security[] = {
	{ "security council secretaries", 1 },
	{ "secretaries of the security councils", 1 },
	{ "secretaries of security councils", 1 },
	{ "national security advisers", 1 }, { "national security advisors", 1 },
	{ "national security chiefs", 1 }, { "ministers of defence", 1 },
	{ "ministers of defense", 1 }, { "defence ministers", 1 },
	{ "defense ministers", 1 }, { "joint exercises", 1 },
	{ "military exercises", 1 }, { "anti-terrorism exercises", 1 },
	{ "советов безопасности", 1 }, { "министров оборон", 1 },
	{ "安全会议秘书会议", 1 }, { "安全會議秘書會議", 1 }, { "防长会议", 1 },
	{ "防長會議", 1 }, { "国防部长会议", 1 }, { "國防部長會議", 1 },
	{ "联合军演", 1 }, { "聯合軍演", 1 },
	{ "security council secretary", 0 },
	{ "secretary of the security council", 0 },
	{ "national security adviser", 0 }, { "national security advisor", 0 },
	{ "defence minister", 0 }, { "defense minister", 0 },
	{ "совета безопасности", 0 }, { "совбез", 0 }, { "министр оборон", 0 },
	{ "министра оборон", 0 }, { "安全会议秘书", 0 }, { "安全會議秘書", 0 },
	{ "国家安全顾问", 0 }, { "國家安全顧問", 0 }, { "防长", 0 }, { "防長", 0 },
	{ "国防部长", 0 }, { "國防部長", 0 },
};

static int extract_mention_from(const struct extract *x, size_t at);

/* Whether a mention covers byte I. */
static int
extract_covered(const struct extract *x, size_t i)
{
	int k = extract_mention_from(x, i + 1) - 1;

	return k >= 0 && (size_t)x->m[k].end > i;
}

/* Whether the word before byte I of S (a sentence from FROM) is another
 * body's name: "NATO defence ministers", "Nato defence ministers", "EU
 * defence ministers" meet, not the SCO's. An acronym, or a capitalised
 * word that is no state or person of the mentions (X, NULL for a title)
 * and does not begin the sentence ("Chinese Defence Minister"). */
static int
extract_other_body(const struct extract *x, const char *s, size_t from,
    size_t i)
{
	size_t end, start, caps;

	while (i > from && s[i - 1] == ' ')
		i--;
	end = i;
	while (i > from && isalpha((unsigned char)s[i - 1]))
		i--;
	start = i;
	if (end == start || !isupper((unsigned char)s[start]) ||
	    (start > from && isalnum((unsigned char)s[start - 1])) ||
	    (end - start == 3 && memcmp(s + start, "SCO", 3) == 0) ||
	    (end - start == 4 && memcmp(s + start, "RATS", 4) == 0))
		return 0;
	for (caps = start; caps < end && isupper((unsigned char)s[caps]); caps++)
		;
	if (caps == end && end - start >= 2)
		return 1;               /* an acronym */
	if (x == NULL)
		return 1;
	return start > from && !extract_covered(x, start);
}

/* Whether S[FROM, TO) (LOW in lower case) speaks of member states'
 * security officials, not those of another body: 2 of a meeting of
 * them, 1 of one of them, 0 of none. X gives the mentions, NULL for a
 * title. */
static int
extract_security_in(const struct extract *x, const char *s, const char *low,
    size_t from, size_t to)
{
	size_t i, k;
	int best = 0;

	for (i = from; i < to && best < 2; i++)
		for (k = 0; extract_phrase_start(low, i) &&
		    k < sizeof extract_security / sizeof *extract_security; k++)
			if (extract_security[k].phrase[0] == low[i] &&
			    extract_phrase_at(low, to, i, extract_security[k].phrase) &&
			    !extract_other_body(x, s, from, i) &&
			    best < 1 + extract_security[k].meeting)
				best = 1 + extract_security[k].meeting;
	return best;
}

static int
extract_has_caps(const char *s, size_t from, size_t to)
{
	size_t i, k, n;

	for (i = from; i < to; i++)
		for (k = 0; k < sizeof extract_sco_caps / sizeof *extract_sco_caps; k++) {
			n = strlen(extract_sco_caps[k]);
			if (s[i] == extract_sco_caps[k][0] && i + n <= to &&
			    memcmp(s + i, extract_sco_caps[k], n) == 0 &&
			    (i == 0 || !extract_wordbyte((unsigned char)s[i - 1])) &&
			    (i + n == to || !extract_wordbyte((unsigned char)s[i + n])))
				return 1;
		}
	return 0;
}

/* Whether S (its lower case LOW) names the SCO or one of its bodies
 * between FROM and TO. */
static int
extract_names_sco(const char *s, const char *low, size_t from, size_t to)
{
	return extract_has_caps(s, from, to) || EXTRACT_ANY(low, from, to, extract_sco);
}

/* --- sentences ----------------------------------------------------- */

/* A full stop after an initial ("J. Enkhbayar", "N.P. Patrushev"), a
 * title ("Dr. S. Jaishankar") or a one-letter abbreviation (Russian
 * "2022 г.") does not end a sentence. */
static int
extract_abbreviation(const char *s, size_t dot)
{
	static const char *const titles[] = {
		"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Maj", "Capt",
		"Prof", "Sen", "Rep", "Gov", "No", "vs", "etc", "Jr", "Sr", "гг",
	};
	size_t start = dot, i;

	while (start > 0 && extract_wordbyte((unsigned char)s[start - 1]) &&
	    !isdigit((unsigned char)s[start - 1]))
		start--;
	if (dot - start == 1 && isupper((unsigned char)s[start]))
		return 1;
	if (dot - start == 2 && (unsigned char)s[start] >= 0xD0 &&
	    (unsigned char)s[start] <= 0xD1)
		return 1;               /* one Cyrillic letter */
	for (i = 0; i < sizeof titles / sizeof *titles; i++)
		if (dot - start == strlen(titles[i]) &&
		    strncmp(s + start, titles[i], dot - start) == 0)
			return 1;
	return 0;
}

/* How many bytes of a sentence's end are at I: 1 for ". " and its like,
 * 3 for Chinese 。！？ (which need no space after), 0 for none. */
static int
extract_stop(const char *s, size_t len, size_t i)
{
	static const char *const wide[] = { "。", "！", "？", "…" };
	size_t k;

	if (s[i] == '\n')
		return 1;
	if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
	    (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\n') &&
	    !(s[i] == '.' && extract_abbreviation(s, i)))
		return 1;
	for (k = 0; k < sizeof wide / sizeof *wide; k++)
		if ((unsigned char)s[i] >= 0xE2 && i + 3 <= len &&
		    memcmp(s + i, wide[k], 3) == 0)
			return 3;
	return 0;
}

/* Whether a Russian "next" at byte I of the lower-case text is of a
 * meeting: "следующее заседание", "следующая встреча" (the word after
 * it begins with a word of a meeting). */
static int
extract_next_ru_at(const struct extract *x, size_t i, size_t to)
{
	size_t k;

	for (k = 0; k < sizeof extract_next_ru / sizeof *extract_next_ru &&
	    !extract_phrase_at(x->low, to, i, extract_next_ru[k]); k++)
		;
	if (k == sizeof extract_next_ru / sizeof *extract_next_ru)
		return 0;
	while (i < to && extract_wordbyte((unsigned char)x->low[i]))
		i++;
	while (i < to && x->low[i] == ' ')
		i++;
	for (k = 0; k < sizeof extract_next_ru_noun / sizeof *extract_next_ru_noun; k++)
		if (extract_phrase_at(x->low, to, i, extract_next_ru_noun[k]))
			return 1;
	return 0;
}

/* Where in S[FROM, TO) the next meeting is announced, or TO. */
static size_t
extract_next_at(const struct extract *x, size_t from, size_t to)
{
	size_t i;
	size_t k;

	for (i = from; i < to; i++) {
		if (extract_next_ru_at(x, i, to))
			return i;
		for (k = 0; k < sizeof extract_next / sizeof *extract_next; k++)
			if (extract_phrase_at(x->low, to, i, extract_next[k]))
				return i;
	}
	return to;
}

/* What sentence S is about: a cue, and whether it is of talks beside
 * the meeting or of the next meeting. One that tells of a meeting
 * before it announces the next is of the meeting, and NEXT_AT says
 * where the announcement begins. */
static int
extract_classify(const struct extract *x, struct extract_sentence *s)
{
	size_t at;
	int what;

	s->next_at = 0;
	if (!EXTRACT_ANY(x->low, s->start, s->end, extract_cues))
		return 0;
	what = EXTRACT_MAIN;
	at = extract_next_at(x, s->start, s->end);
	if (at < s->end && at > s->start &&
	    EXTRACT_ANY(x->low, s->start, at, extract_cues))
		s->next_at = at;
	else if (at < s->end)
		what = EXTRACT_NEXT;
	else if (EXTRACT_ANY(x->low, s->start, s->end, extract_side))
		what |= EXTRACT_SIDE;
	return what;
}

static void
extract_sentences(struct extract *x)
{
	size_t i, start = 0;
	int cues = 0, para = 0, stop = 0;

	for (i = 0; i <= x->len; i++) {
		stop = i < x->len ? extract_stop(x->body, x->len, i) : 0;
		if (i < x->len && stop == 0)
			continue;
		if (i > start) {
			struct extract_sentence *s;

			x->s = xgrow(x->s, x->ns, &x->caps, sizeof *x->s);
			s = &x->s[x->ns++];
			s->start = start;
			s->end = i < x->len && x->body[i] != '\n' ? i + (size_t)stop : i;
			s->para = para;
			s->cue = extract_classify(x, s);
			s->rank = cues;
			cues += (s->cue & EXTRACT_MAIN) != 0;
		}
		if (i < x->len && x->body[i] == '\n')
			para++;
		start = i + (i < x->len && x->body[i] != '\n' ? (size_t)stop : 1);
		while (start < x->len && x->body[start] == ' ')
			start++;
		if (stop > 1)
			i += (size_t)stop - 1;
	}
}

/* The sentences are in order and do not overlap: a binary search, not
 * a walk from the first for each mention and date, which made a long
 * article's import grow with the square of its size. */
static int
extract_sentence_of(const struct extract *x, size_t at)
{
	int lo = 0, hi = x->ns - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if (at < x->s[mid].start)
			hi = mid - 1;
		else if (at >= x->s[mid].end)
			lo = mid + 1;
		else
			return mid;
	}
	return -1;
}

/* The first of the mentions (in order of position) that starts at or
 * after AT: a binary search, so that a sentence's mentions are found
 * without a walk over the article's. */
static int
extract_mention_from(const struct extract *x, size_t at)
{
	int lo = 0, hi = x->nm;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if ((size_t)x->m[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* --- participants ---------------------------------------------------- */

static void
extract_add(struct extract_event *v, long long id)
{
	int i;

	for (i = 0; i < v->nwho; i++)
		if (v->who[i] == id)
			return;
	if (v->nwho < EXTRACT_MAX_PEOPLE)
		v->who[v->nwho++] = id;
}

/* The length of a list separator of Russian or Chinese text at I ("и",
 * "、", "，", "和", "与", "及"), or of an apostrophe or a dash; 0 when
 * the byte at I starts none. */
static size_t
extract_wide_fill(const char *s, size_t i, size_t to)
{
	static const char *const fill[] = {
		"и", "、", "，", "和", "与", "與", "及", "’", "–", "—",
	};
	size_t k, n;

	for (k = 0; k < sizeof fill / sizeof *fill; k++) {
		n = strlen(fill[k]);
		if (i + n <= to && memcmp(s + i, fill[k], n) == 0 &&
		    (n > 2 || !(i + n < to && (unsigned char)s[i + n] >= 0x80)))
			return n;
	}
	return 0;
}

/* Text between two byte offsets is only punctuation, "and" or "or" (in
 * English, Russian or Chinese), and the words of a state's official
 * name around the one named ("the Republic of India, the Kyrgyz
 * Republic and the Russian Federation"): the two names are items of one
 * list. */
static int
extract_listed(const struct extract *x, size_t from, size_t to)
{
	static const char *const fill[] = {
		"and", "or", "the", "republic", "of", "federation", "islamic",
	};
	size_t i, k, n;

	if (to < from || to - from > EXTRACT_LIST_MAX)
		return 0;
	for (i = from; i < to; i++) {
		if ((unsigned char)x->body[i] >= 0x80) {
			if ((n = extract_wide_fill(x->body, i, to)) == 0)
				return 0;
			i += n - 1;
			continue;
		}
		if (!isalpha((unsigned char)x->body[i]) ||
		    (i > from && isalpha((unsigned char)x->body[i - 1])))
			continue;
		for (k = 0; k < sizeof fill / sizeof *fill; k++)
			if (extract_word_at(x->body, to, i, fill[k]))
				break;
		if (k == sizeof fill / sizeof *fill)
			return 0;
	}
	return 1;
}

/* An apposition after a person: ", the secretary of the Uzbek ...",
 * ", President of Mongolia" or ", Uzbekistan’s acting foreign
 * minister"; or the person's state after "of" with no comma: "President
 * I. Karimov of the Republic of Uzbekistan". */
static int
extract_apposition(const struct extract *x, size_t from, size_t to)
{
	size_t i;

	if (to < from || to - from > EXTRACT_APPOSITION_MAX)
		return 0;
	if (x->body[from] != ',')
		return (to - from == 4 && memcmp(x->body + from, " of ", 4) == 0) ||
		    (to - from == 8 && memcmp(x->body + from, " of the ", 8) == 0);
	if (to - from <= 2)
		return 1;
	for (i = from; i + 4 <= to; i++)
		if (strncmp(x->body + i, " of ", 4) == 0)
			return 1;
	return 0;
}

/* Text between two byte offsets is a few short words (titles such as
 * "NSA", "counterpart") and no end of a clause. */
static int
extract_near(const struct extract *x, size_t from, size_t to, int words)
{
	size_t i;
	int n = 0, in = 0;

	if (to < from || to - from > EXTRACT_NEAR_MAX)
		return 0;
	for (i = from; i < to; i++) {
		int alpha = isalnum((unsigned char)x->body[i]) || (unsigned char)x->body[i] >= 0x80;

		if (alpha && !in)
			n++;
		in = alpha;
		/* An initial does not end the clause: "the Russian
		 * Federation N.P. Patrushev". */
		if ((x->body[i] == '.' && !(i > 0 && isupper((unsigned char)x->body[i - 1]) &&
		    (i < 2 || !isalpha((unsigned char)x->body[i - 2])))) ||
		    x->body[i] == ';')
			return 0;
	}
	return n <= words;
}

/* "officials from X", "delegation from X", "counterparts from X": the
 * state is where participants came from. */
static int
extract_from_people(const struct extract *x, size_t at)
{
	static const char *const nouns[] = {
		"officials from", "delegation from", "delegations from",
		"counterparts from", "representatives from", "ministers from",
		"experts from", "delegates from",
	};
	size_t i, n;

	for (i = 0; i < sizeof nouns / sizeof *nouns; i++) {
		n = strlen(nouns[i]) + 1;
		if (at >= n && strncasecmp(x->body + at - n, nouns[i], n - 1) == 0)
			return 1;
	}
	return 0;
}

/* Whether the mention O next to the state mention M makes it a
 * participant. */
static int
extract_state_beside(const struct extract *x, const struct mention_row *m,
    const struct mention_row *o)
{
	/* The nationality of a person: "Indian NSA Ajit Doval". */
	if (strcmp(o->kind, "person") == 0 && o->start > m->end &&
	    extract_near(x, (size_t)m->end, (size_t)o->start, 4))
		return 1;
	/* "Uzbek Security Council" after a person: "Makhmudov, the
	 * secretary of the Uzbek Security Council". */
	if (strcmp(o->kind, "person") == 0 && o->end < m->start &&
	    extract_apposition(x, (size_t)o->end, (size_t)m->start))
		return 1;
	/* A list of states: "India and Pakistan", "Kazakhstan, Russia,
	 * Tajikistan, Uzbekistan". */
	return strcmp(o->kind, "state") == 0 && o->entity_id != m->entity_id &&
	    ((o->start > m->end && extract_listed(x, (size_t)m->end,
	    (size_t)o->start)) || (o->end < m->start &&
	    extract_listed(x, (size_t)o->end, (size_t)m->start)));
}

/* Whether a name follows the state mention M, maybe after initials and
 * a title: "of the Russian Federation N.P. Patrushev", "of Kazakhstan
 * Nurlan Ermekbaev", "India's Deputy National Security Adviser Rajinder
 * Khanna". Someone of the state is there, known to the gazetteer or
 * not: capitalised words, at least two (and a few at most, read), up to
 * a comma, a semicolon, a full stop or a lower-case word. */
static int
extract_state_named(const struct extract *x, const struct mention_row *m)
{
	size_t i = (size_t)m->end, n = 0;

	if (i + 2 < x->len && x->body[i] == '\'' && x->body[i + 1] == 's')
		i += 2;
	else if (i + 4 < x->len && memcmp(x->body + i, "’s", 4) == 0)
		i += 4;
	while (i < x->len && x->body[i] == ' ' && n < 12) {
		i++;
		if (i >= x->len || !isupper((unsigned char)x->body[i]))
			break;
		while (i < x->len && (isalpha((unsigned char)x->body[i]) ||
		    x->body[i] == '.' || x->body[i] == '-' ||
		    (unsigned char)x->body[i] >= 0x80))
			i++;
		n++;
	}
	return n >= 2 && (i >= x->len || x->body[i] == ',' || x->body[i] == ';' ||
	    x->body[i] == '.' || x->body[i] == ' ');
}

/* Russian: an official or a delegation of the state, the state after
 * (genitive: "делегация России", "министр обороны Индии"). Chinese: the
 * state before, with no space ("中国代表团", "印度国防部长"). Enough
 * in any sentence of a paragraph about the event. */
static int
extract_state_official(const struct extract *x, const struct mention_row *m)
{
	static const char *const ru[] = {
		"делегаци", "представител", "министр", "секретар",
	};
	static const char *const zh[] = {
		"代表团", "代表團", "国防部长", "國防部長", "防长", "防長",
		"安全会议秘书", "安全會議秘書", "外长", "外長", "国家安全",
		"國家安全", "总统", "總統", "总理", "總理",
	};
	size_t from = m->start > 60 ? (size_t)m->start - 60 : 0, k, n;

	if (EXTRACT_ANY(x->low, from, (size_t)m->start, ru))
		return 1;
	for (k = 0; k < sizeof zh / sizeof *zh; k++) {
		n = strlen(zh[k]);
		if ((size_t)m->end + n <= x->len &&
		    memcmp(x->body + m->end, zh[k], n) == 0)
			return 1;
	}
	return 0;
}

/* Whether the state mention K stands for a participant. */
static int
extract_state_takes_part(const struct extract *x, int k)
{
	const struct mention_row *m = &x->m[k];
	long long after = EXTRACT_NEAR_MAX > EXTRACT_LIST_MAX ?
	    EXTRACT_NEAR_MAX : EXTRACT_LIST_MAX;
	long long before = EXTRACT_APPOSITION_MAX > EXTRACT_LIST_MAX ?
	    EXTRACT_APPOSITION_MAX : EXTRACT_LIST_MAX;
	int j;

	if ((m->start >= 5 && strncasecmp(x->body + m->start - 5, "host ", 5) == 0) ||
	    extract_state_named(x, m) || extract_state_official(x, m))
		return 1;
	/* The chair: "chaired by India", "под председательством России". */
	if ((m->start >= 11 && strncasecmp(x->body + m->start - 11, "chaired by ", 11) == 0) ||
	    (m->start >= 16 && strncasecmp(x->body + m->start - 16, "chairmanship of ", 16) == 0) ||
	    (m->start >= 35 && memcmp(x->body + m->start - 35, "председательством ", 35) == 0))
		return 1;
	/* "to represent India", "Pakistan was represented by" */
	if ((m->start >= 10 && strncasecmp(x->body + m->start - 10, "represent ", 10) == 0) ||
	    extract_has_word(x->body, (size_t)m->end, (size_t)m->end + 20 > x->len ?
	    x->len : (size_t)m->end + 20, "represented"))
		return 1;
	if (extract_from_people(x, (size_t)m->start))
		return 1;
	if (extract_has_word(x->body, (size_t)m->end, (size_t)m->end + 12 > x->len ?
	    x->len : (size_t)m->end + 12, "delegation") ||
	    extract_has_word(x->body, (size_t)m->end, (size_t)m->end + 13 > x->len ?
	    x->len : (size_t)m->end + 13, "counterpart"))
		return 1;
	/* Only mentions a few bytes away count, and the mentions are in
	 * order of where they start: the ones after K that start within
	 * reach, the ones before K that may end within reach. Comparing K
	 * with every mention of the article made a long article's import
	 * grow with the square of its length. */
	for (j = k + 1; j < x->nm && x->m[j].start <= m->end + after; j++)
		if (extract_state_beside(x, m, &x->m[j]))
			return 1;
	for (j = k - 1; j >= 0 && x->m[j].start + x->longest + before >= m->start; j--)
		if (extract_state_beside(x, m, &x->m[j]))
			return 1;
	return 0;
}

/* Whether the person mention M is a spokesperson who reports the event
 * ("Foreign Ministry spokesperson X said", "официальный представитель
 * МИД КНР X", "外交部发言人X"): the title a few words before the name.
 * The one who announces a meeting does not attend it. */
static int
extract_person_speaks(const struct extract *x, const struct mention_row *m)
{
	static const char *const titles[] = {
		"spokesman", "spokeswoman", "spokesperson", "spokespersons",
		"официальный представитель", "официального представителя",
		"пресс-секретар", "发言人", "發言人",
	};
	size_t from = m->start > EXTRACT_NEAR_MAX + 30 ?
	    (size_t)m->start - EXTRACT_NEAR_MAX - 30 : 0, i, end = 0;
	size_t k;

	for (i = from; i < (size_t)m->start; i++)
		for (k = 0; extract_phrase_start(x->low, i) &&
		    k < sizeof titles / sizeof *titles; k++)
			if (extract_phrase_at(x->low, (size_t)m->start, i, titles[k]))
				end = i + strlen(titles[k]);
	return end > 0 && extract_near(x, end, (size_t)m->start, 4);
}

/* The mention K, in sentence SEN, counted for event V. */
static void
extract_take(const struct extract *x, struct extract_event *v, int k)
{
	const struct mention_row *m = &x->m[k];

	if (strcmp(m->kind, "person") == 0) {
		if (!extract_person_speaks(x, m))
			extract_add(v, m->entity_id);
	}
	else if (strcmp(m->kind, "state") == 0 && extract_state_takes_part(x, k))
		extract_add(v, m->entity_id);
	else if (strcmp(m->kind, "place") == 0 && v->place == 0)
		v->place = m->entity_id;
}

/* For each paragraph, whether it holds a sentence about the event the
 * article reports: the people named anywhere in it take part ("Khawaja
 * Asif reached the venue" after the sentence on the meeting). A new
 * array, from one pass over the sentences. */
static char *
extract_paras_main(const struct extract *x)
{
	char *p = xcalloc((size_t)(x->ns > 0 ? x->s[x->ns - 1].para + 1 : 1), 1);
	int i;

	for (i = 0; i < x->ns; i++)
		if (x->s[i].cue & EXTRACT_MAIN)
			p[x->s[i].para] = 1;
	return p;
}

/* Words of those who are not there: "sent greetings", "in a message". */
static const char *const extract_absent[] = {
	"sent", "message", "greetings", "letter", "congratulated",
	"congratulations", "phone", "telephone", "video", "послани",
	"поздрав", "телефон", "贺信", "致电", "视频",
};

/* A visit to a country, in whose course someone "also held meetings":
 * those he met there are of the visit, another event, not of the one
 * the article reports; the visitor may be of it. */
static const char *const extract_visit[] = {
	"в рамках визита", "в ходе визита", "during a visit", "during his visit",
	"during her visit", "on a visit to", "访问期间", "訪問期間",
};

/* Where sentence SEN speaks of a visit, or its end: those named after
 * it are whom the visitor met. */
static size_t
extract_visit_at(const struct extract *x, int sen)
{
	size_t i, k;

	for (i = x->s[sen].start; i < x->s[sen].end; i++)
		for (k = 0; k < sizeof extract_visit / sizeof *extract_visit; k++)
			if (extract_phrase_at(x->low, x->s[sen].end, i, extract_visit[k]))
				return i;
	return x->s[sen].end;
}

/* Words that say who takes part: a sentence with one names the event's
 * participants, in a paragraph about the event or in one of its own
 * ("The participants are from eight member states", "China was
 * represented by Premier X", "В нем принимают участие", "将与会"). */
static const char *const extract_partake[] = {
	"take part", "took part", "taking part", "takes part",
	"participate", "participated", "participating", "participants",
	"attend", "attended", "attending", "represented by", "участи",
	"участвова", "представлял", "参加", "參加", "参演", "參演", "出席",
	"与会", "與會",
};

/* Whether the state mention K is an item of a list of states one of
 * which is of an official or a delegation ("министры обороны шести
 * стран - Китая, Казахстана и России"): each of them is. */
static int
extract_state_list_official(const struct extract *x, int k)
{
	int j, n;

	for (j = k, n = 0; j > 0 && n < 12 && strcmp(x->m[j - 1].kind, "state") == 0 &&
	    extract_listed(x, (size_t)x->m[j - 1].end, (size_t)x->m[j].start); j--, n++)
		if (extract_state_official(x, &x->m[j - 1]))
			return 1;
	for (j = k, n = 0; j + 1 < x->nm && n < 12 && strcmp(x->m[j + 1].kind, "state") == 0 &&
	    extract_listed(x, (size_t)x->m[j].end, (size_t)x->m[j + 1].start); j++, n++)
		if (extract_state_official(x, &x->m[j + 1]))
			return 1;
	return 0;
}

/* Whether the state mention K, in sentence SEN of a paragraph about
 * the event but with no cue of its own, names a participant. */
static int
extract_state_in_para(const struct extract *x, int k, int sen)
{
	return extract_state_official(x, &x->m[k]) ||
	    extract_state_list_official(x, k) ||
	    (EXTRACT_ANY(x->low, x->s[sen].start, x->s[sen].end, extract_partake) &&
	    extract_state_takes_part(x, k));
}

/* The participants and place of the event the article reports. */
static void
extract_main_who(const struct extract *x, struct extract_event *v)
{
	char *paras = extract_paras_main(x);
	int k, sen;

	for (k = 0; k < x->nm; k++) {
		sen = extract_sentence_of(x, (size_t)x->m[k].start);
		if (sen < 0 || (x->s[sen].next_at &&
		    (size_t)x->m[k].start >= x->s[sen].next_at) ||
		    (sen != v->first && extract_visit_at(x, sen) <
		    (size_t)x->m[k].start))
			continue;
		if (x->s[sen].cue & EXTRACT_MAIN)
			extract_take(x, v, k);
		else if ((paras[x->s[sen].para] || EXTRACT_ANY(x->low,
		    x->s[sen].start, x->s[sen].end, extract_partake)) &&
		    !(x->s[sen].cue & EXTRACT_NEXT) &&
		    ((strcmp(x->m[k].kind, "person") == 0 &&
		    !extract_person_speaks(x, &x->m[k])) ||
		    (strcmp(x->m[k].kind, "state") == 0 &&
		    extract_state_in_para(x, k, sen))) &&
		    !EXTRACT_ANY(x->low, x->s[sen].start, x->s[sen].end,
		    extract_absent))
			extract_add(v, x->m[k].entity_id);
	}
	free(paras);
}

/* Whether place mention K is followed at once by a narrower place:
 * Chinese writes the region before the city or range with nothing or
 * one character between ("内蒙古朱日和", "奥伦堡州东古兹靶场"). */
static int
extract_place_narrowed(const struct extract *x, int k)
{
	const struct mention_row *m = &x->m[k], *n;
	long long gap, i;

	if (k + 1 >= x->nm)
		return 0;
	n = &x->m[k + 1];
	gap = n->start - m->end;
	if (strcmp(n->kind, "place") != 0 || gap < 0 || gap > 3)
		return 0;
	for (i = m->end; i < n->start; i++)
		if ((unsigned char)x->body[i] < 0x80)
			return 0;       /* "Qingdao, Shandong": Latin order */
	return 1;
}

/* The dateline's place as the body opens with it, before a comma
 * ("TASHKENT, August 24. /TASS/."): its length, 0 for none. */
static size_t
extract_dateline_len(const struct extract *x)
{
	size_t i;

	for (i = 0; i < x->len && i < 40 && x->body[i] != '\n'; i++)
		if (x->body[i] == ',')
			return i;
	return 0;
}

/* Whether place mention M is the article's dateline ("Москва, 13
 * апреля", "ТАШКЕНТ, 16 июн —", "本报内蒙古朱日和8月30日电"): in the first
 * bytes of the body, followed by a comma, a dash or the date's digits;
 * or the same name as a dateline written in capitals, which the
 * gazetteer does not match ("VLADIVOSTOK, Russia --" and later "the
 * Vladivostok headquarters"). Where the report was filed is where the
 * event was more often than not, when no sentence names a place. */
static int
extract_place_dateline(const struct extract *x, const struct mention_row *m)
{
	size_t at = (size_t)m->end, n = extract_dateline_len(x);

	if (n > 0 && (size_t)(m->end - m->start) == n &&
	    memcmp(x->low + m->start, x->low, n) == 0)
		return 1;
	if (m->start > 24 || memchr(x->body, '\n', (size_t)m->start) != NULL)
		return 0;
	while (at < x->len && x->body[at] == ' ')
		at++;
	if (at >= x->len)
		return 0;
	return x->body[at] == ',' || x->body[at] == '-' ||
	    isdigit((unsigned char)x->body[at]) ||
	    strncmp(x->body + at, "\xe2\x80\x94", 3) == 0 ||  /* em dash */
	    strncmp(x->body + at, "\xe2\x80\x93", 3) == 0;    /* en dash */
}

/* Whether the title names place mention M too, in any case ("SCO
 * summit in Tashkent", "В Ташкенте отметили..."). */
static int
extract_place_in_title(const struct extract *x, const struct mention_row *m)
{
	size_t n = (size_t)(m->end - m->start);

	return n > 0 && n <= strlen(x->ltitle) &&
	    memmem(x->ltitle, strlen(x->ltitle), x->low + m->start, n) != NULL;
}

/* How strongly place mention K is the venue of the event the article
 * reports, 0 not at all: named in the title and a sentence on the event
 * (8), in the title only (6: "SCO summit in Tashkent" over a text that
 * names the city only in "the Tashkent Declaration"), in the first two
 * sentences on the event (4), in the article's first sentence when no
 * cue word marks it (3: "The council began at a resort in Goa's
 * Benaulim"), in a later sentence on the event (2: more often
 * background, "... the summit in Dushanbe last year"), in the dateline
 * (1: where the report was filed, which may be elsewhere). */
static int
extract_place_score(const struct extract *x, int k)
{
	const struct mention_row *m = &x->m[k];
	int sen = extract_sentence_of(x, (size_t)m->start), cue;

	if (strcmp(m->kind, "place") != 0 || sen < 0 ||
	    extract_place_narrowed(x, k))
		return 0;
	cue = x->s[sen].cue & (EXTRACT_MAIN | EXTRACT_NEXT);
	if (x->s[sen].next_at && (size_t)m->start >= x->s[sen].next_at)
		cue = EXTRACT_NEXT;     /* where the next one will be */
	if (extract_place_in_title(x, m))
		return cue == EXTRACT_MAIN ? 8 : 6;
	if (extract_place_dateline(x, m))
		return 1;
	if (cue == EXTRACT_MAIN)
		return x->s[sen].rank < 2 ? 4 : 2;
	return sen == 0 && cue == 0 ? 3 : 0;
}

/* The place of the event the article reports: the best scored, the
 * first of equals. */
static void
extract_main_place(const struct extract *x, struct extract_event *v)
{
	int k, score, best = 0;

	for (k = 0; k < x->nm; k++)
		if ((score = extract_place_score(x, k)) > best) {
			best = score;
			v->place = x->m[k].entity_id;
		}
}

/* The participants and place named in sentence SEN. */
static void
extract_sentence_who(const struct extract *x, int sen, struct extract_event *v)
{
	int k;

	for (k = extract_mention_from(x, x->s[sen].start);
	    k < x->nm && (size_t)x->m[k].start < x->s[sen].end; k++)
		extract_take(x, v, k);
}

/* --- kinds ------------------------------------------------------------- */

/* Phrases (lower case; Chinese in simplified and traditional
 * characters) that give an event's kind, the more particular first:
 * experts preparing a meeting of secretaries meet as officials. "talks"
 * alone is bilateral only when nothing else says more. */
static const struct {
	const char *phrase;
	const char *kind;
	int title;              /* one person's title: "Defence Minister X" */
} extract_kinds[] = {
	{ "rats council", "rats-council", 0 },
	{ "council of the rats", "rats-council", 0 },
	{ "council of rats", "rats-council", 0 },
	{ "council of the regional anti-terrorist", "rats-council", 0 },
	{ "council of regional anti-terrorist", "rats-council", 0 },
	{ "совет ратс", "rats-council", 0 },
	{ "совета ратс", "rats-council", 0 },
	{ "совете ратс", "rats-council", 0 },
	{ "反恐怖机构理事会", "rats-council", 0 }, { "反恐怖機構理事會", "rats-council", 0 },
	{ "national coordinators", "officials-meeting", 0 },
	{ "meeting of experts", "officials-meeting", 0 },
	{ "experts meeting", "officials-meeting", 0 },
	{ "experts' meeting", "officials-meeting", 0 },
	{ "expert group", "officials-meeting", 0 },
	{ "expert meeting", "officials-meeting", 0 },
	{ "экспертн", "officials-meeting", 0 },
	{ "совещание экспертов", "officials-meeting", 0 },
	{ "координатор", "officials-meeting", 0 },
	{ "协调员", "officials-meeting", 0 }, { "協調員", "officials-meeting", 0 },
	{ "专家会", "officials-meeting", 0 }, { "專家會", "officials-meeting", 0 },
	{ "专家组", "officials-meeting", 0 }, { "專家組", "officials-meeting", 0 },
	{ "peace mission", "exercise", 0 },
	{ "joint exercise", "exercise", 0 },
	{ "joint exercises", "exercise", 0 },
	{ "military exercise", "exercise", 0 },
	{ "military exercises", "exercise", 0 },
	{ "counter-terrorism exercise", "exercise", 0 },
	{ "anti-terrorism exercise", "exercise", 0 },
	{ "exercises", "exercise", 0 },
	{ "drills", "exercise", 0 }, { "war games", "exercise", 0 },
	{ "учени", "exercise", 0 }, { "演习", "exercise", 0 },
	{ "演習", "exercise", 0 }, { "军演", "exercise", 0 },
	{ "軍演", "exercise", 0 }, { "和平使命", "exercise", 0 },
	{ "security council secretaries", "nsa-meeting", 0 },
	{ "secretaries of security councils", "nsa-meeting", 0 },
	{ "secretaries of the security councils", "nsa-meeting", 0 },
	{ "security councils", "nsa-meeting", 0 },
	{ "nsas", "nsa-meeting", 0 },
	{ "national security advisers", "nsa-meeting", 0 },
	{ "national security advisors", "nsa-meeting", 0 },
	{ "national security chiefs", "nsa-meeting", 0 },
	{ "совбез", "nsa-meeting", 0 },
	{ "советов безопасности", "nsa-meeting", 0 },
	{ "安全会议秘书", "nsa-meeting", 0 }, { "安全會議秘書", "nsa-meeting", 0 },
	{ "security council", "nsa-meeting", 1 }, { "nsa", "nsa-meeting", 1 },
	{ "national security adviser", "nsa-meeting", 1 },
	{ "national security advisor", "nsa-meeting", 1 },
	{ "совета безопасности", "nsa-meeting", 1 },
	{ "国家安全顾问", "nsa-meeting", 1 }, { "國家安全顧問", "nsa-meeting", 1 },
	{ "defence ministers", "defence-ministers", 0 },
	{ "defense ministers", "defence-ministers", 0 },
	{ "ministers of defence", "defence-ministers", 0 },
	{ "ministers of defense", "defence-ministers", 0 },
	{ "министров оборон", "defence-ministers", 0 },
	{ "министры оборон", "defence-ministers", 0 },
	{ "防长", "defence-ministers", 0 }, { "防長", "defence-ministers", 0 },
	{ "国防部长会议", "defence-ministers", 0 },
	{ "國防部長會議", "defence-ministers", 0 },
	{ "defence minister", "defence-ministers", 1 },
	{ "defense minister", "defence-ministers", 1 },
	{ "министр оборон", "defence-ministers", 1 },
	{ "министра оборон", "defence-ministers", 1 },
	{ "国防部长", "defence-ministers", 1 }, { "國防部長", "defence-ministers", 1 },
	{ "foreign ministers", "foreign-ministers", 0 },
	{ "foreign affairs ministers", "foreign-ministers", 0 },
	{ "ministers of foreign affairs", "foreign-ministers", 0 },
	{ "министров иностранных дел", "foreign-ministers", 0 },
	{ "глав мид", "foreign-ministers", 0 },
	{ "外长理事会", "foreign-ministers", 0 },
	{ "外長理事會", "foreign-ministers", 0 },
	{ "外长会议", "foreign-ministers", 0 }, { "外長會議", "foreign-ministers", 0 },
	{ "heads of government", "heads-of-government", 0 },
	{ "prime ministers", "heads-of-government", 0 },
	{ "глав правительств", "heads-of-government", 0 },
	{ "政府首脑", "heads-of-government", 0 },
	{ "政府首腦", "heads-of-government", 0 },
	{ "rats", "rats-meeting", 0 }, { "anti-terror", "rats-meeting", 0 },
	{ "anti-terrorist", "rats-meeting", 0 }, { "ратс", "rats-meeting", 0 },
	{ "反恐怖机构", "rats-meeting", 0 }, { "反恐怖機構", "rats-meeting", 0 },
	{ "coordinators", "officials-meeting", 0 },
	{ "summit", "summit", 0 }, { "heads of state", "summit", 0 },
	{ "council of heads", "summit", 0 },
	{ "саммит", "summit", 0 }, { "глав государств", "summit", 0 },
	{ "峰会", "summit", 0 }, { "峰會", "summit", 0 }, { "元首理事会", "summit", 0 },
	{ "元首理事會", "summit", 0 },
	{ "anniversary", "anniversary", 0 }, { "годовщин", "anniversary", 0 },
	{ "周年", "anniversary", 0 }, { "週年", "anniversary", 0 },
	{ "accession", "accession", 0 }, { "вступлени", "accession", 0 },
	{ "attack", "attack", 0 }, { "attacks", "attack", 0 },
	{ "теракт", "attack", 0 }, { "袭击", "attack", 0 },
	{ "襲擊", "attack", 0 },
	{ "agreement", "conference", 0 }, { "conference", "conference", 0 },
	{ "конференци", "conference", 0 }, { "论坛", "conference", 0 },
	{ "論壇", "conference", 0 },
	{ "talks", "bilateral", 0 }, { "переговор", "bilateral", 0 },
	{ "会谈", "bilateral", 0 }, { "會談", "bilateral", 0 },
};
#define EXTRACT_NKINDS ((int)(sizeof extract_kinds / sizeof *extract_kinds))
#define EXTRACT_WEAK (EXTRACT_NKINDS - 4)   /* the "talks" ones */

/* The most particular kind phrase in S[FROM, TO): its index, or
 * EXTRACT_NKINDS for none. */
static int
extract_kind_in(const char *s, size_t from, size_t to)
{
	size_t i;
	int k, best = EXTRACT_NKINDS;

	for (i = from; i < to; i++)
		for (k = 0; k < best && extract_phrase_start(s, i); k++)
			if (extract_kinds[k].phrase[0] == s[i] &&
			    extract_phrase_at(s, to, i, extract_kinds[k].phrase))
				best = k;
	return best;
}

/* How many of the participants of V are of KIND (people, states). */
static int
extract_who_of(const struct extract *x, const struct extract_event *v,
    const char *kind)
{
	long long seen[EXTRACT_MAX_PEOPLE];
	int k, i, n = 0;

	for (k = 0; k < x->nm; k++) {
		if (strcmp(x->m[k].kind, kind) != 0)
			continue;
		for (i = 0; i < v->nwho && v->who[i] != x->m[k].entity_id; i++)
			;
		if (i == v->nwho)
			continue;
		for (i = 0; i < n && seen[i] != x->m[k].entity_id; i++)
			;
		if (i == n && n < EXTRACT_MAX_PEOPLE)
			seen[n++] = x->m[k].entity_id;
	}
	return n;
}

/* The kind of the event the article reports: the more particular of
 * the title's and its first sentence's, else that of the next sentence
 * about it that says more than "talks". One person's
 * title ("Defence Minister X met Y") says what the meeting is only when
 * more than two people or states meet: two are bilateral talks. */
static int
extract_main_kind(const struct extract *x, struct extract_event *v)
{
	const struct extract_sentence *lead = &x->s[v->first];
	int k = extract_kind_in(x->ltitle, 0, strlen(x->ltitle)), i, weak, l;

	/* The title and the lead (the article's first sentences) together:
	 * "RATS meeting" in the title, "the meeting of the Council of RATS"
	 * in the lead. */
	if (v->first <= 1 && (l = extract_kind_in(x->low, lead->start,
	    lead->end)) < k)
		k = l;
	weak = k;
	for (i = v->first + 1; k >= EXTRACT_WEAK && i < x->ns; i++) {
		if ((x->s[i].cue & (EXTRACT_MAIN | EXTRACT_NEXT)) != EXTRACT_MAIN)
			continue;
		k = extract_kind_in(x->low, x->s[i].start, x->s[i].end);
		if (k < weak)
			weak = k;
	}
	if (k >= EXTRACT_WEAK)
		k = weak;
	if (k < EXTRACT_NKINDS && extract_kinds[k].title &&
	    extract_who_of(x, v, "person") == 2 &&
	    extract_who_of(x, v, "state") <= 2)
		k = EXTRACT_WEAK;
	snprintf(v->kind, sizeof v->kind, "%s", k < EXTRACT_NKINDS ?
	    extract_kinds[k].kind : "conference");
	return k < EXTRACT_WEAK;
}

/* --- relevance ----------------------------------------------------------- */

/* How many people the article names (up to 8). */
static int
extract_people(const struct extract *x)
{
	long long seen[8];
	int k, i, n = 0;

	for (k = 0; k < x->nm && n < 8; k++) {
		if (strcmp(x->m[k].kind, "person") != 0)
			continue;
		for (i = 0; i < n && seen[i] != x->m[k].entity_id; i++)
			;
		if (i == n)
			seen[n++] = x->m[k].entity_id;
	}
	return n;
}

/* Whether the article is about SCO security affairs: it names the SCO
 * or one of its bodies in its title, in a sentence about an event, or
 * twice; or, naming none, its title or a sentence about an event speaks
 * of a meeting of security council secretaries, national security
 * advisers or defence ministers or of joint drills, or of one such
 * official and the article names someone. An
 * article with "meeting", "talks" or "attack" and none of that is on
 * something else. */
static int
extract_about_sco(const struct extract *x)
{
	size_t tlen = strlen(x->title);
	int i, k, sco = 0, security;

	if (extract_names_sco(x->title, x->ltitle, 0, tlen))
		return 1;
	security = extract_security_in(NULL, x->title, x->ltitle, 0, tlen);
	for (i = 0; i < x->ns; i++) {
		const struct extract_sentence *s = &x->s[i];

		if (extract_names_sco(x->body, x->low, s->start, s->end)) {
			if ((s->cue & EXTRACT_MAIN) || ++sco >= 2)
				return 1;
		}
		if (security < 2 && (s->cue & EXTRACT_MAIN) &&
		    (k = extract_security_in(x, x->body, x->low, s->start,
		    s->end)) > security)
			security = k;
	}
	return security == 2 || (security == 1 && extract_people(x) >= 1);
}

/* "a four-day meeting", "the two-day SCO defence ministers’ summit",
 * "the 15-day joint drill": how long the event lasted, when a meeting or
 * drill word follows within five words ("four-day military conflict" is
 * not the meeting). */
/* A meeting or drill word of NOUNS within five words from byte STOP, in
 * its clause. */
static int
extract_duration_noun(const struct extract *x, size_t stop,
    const char *const *nouns, int n)
{
	size_t j;
	int q, words;

	for (j = stop, words = 0; j < x->len && words <= 5 &&
	    j < stop + EXTRACT_DURATION_REACH &&
	    x->body[j] != '.' && x->body[j] != ','; j++) {
		if (j > 0 && x->body[j - 1] == ' ')
			words++;
		for (q = 0; q < n; q++)
			if (extract_word_at(x->body, x->len, j, nouns[q]))
				return 1;
	}
	return 0;
}

/* The days written in digits before the "-day" at byte AT ("15-day"),
 * up to EXTRACT_RANGE_DAYS, else 0. */
static int
extract_duration_digits(const struct extract *x, size_t at)
{
	size_t i = at;
	int days;

	while (i > 0 && isdigit((unsigned char)x->body[i - 1]) && at - i < 3)
		i--;
	if (i == at || (i > 0 && isalnum((unsigned char)x->body[i - 1])))
		return 0;
	days = atoi(x->body + i);
	return days >= 1 && days <= EXTRACT_RANGE_DAYS ? days : 0;
}

static int
extract_duration(const struct extract *x)
{
	static const char *const numbers[] = {
		"one", "two", "three", "four", "five", "six", "seven",
	};
	static const char *const nouns[] = {
		"meeting", "summit", "session", "conference", "visit", "talks",
		"drill", "drills", "exercise", "exercises",
	};
	const char *dash = x->body, *end = x->body + x->len;
	size_t i, n;
	int k;

	/* Not strstr: a sanitizer's strstr measures the rest of the text on
	 * each call, which grows with the square of its length. */
	while ((dash = memchr(dash, '-', (size_t)(end - dash))) != NULL) {
		size_t at = (size_t)(dash - x->body);

		dash++;
		if ((size_t)(end - dash) < 3 || memcmp(dash, "day", 3) != 0)
			continue;
		dash += 3;
		if ((k = extract_duration_digits(x, at)) > 0 &&
		    extract_duration_noun(x, at + 4, nouns,
		    (int)(sizeof nouns / sizeof *nouns)))
			return k;
		for (k = 0; k < 7; k++) {
			n = strlen(numbers[k]);
			if (at < n)
				continue;
			i = at - n;
			if (!extract_word_at(x->body, x->len, i, numbers[k]) ||
			    (i > 0 && isalpha((unsigned char)x->body[i - 1])))
				continue;
			if (extract_duration_noun(x, i + n + 4, nouns,
			    (int)(sizeof nouns / sizeof *nouns)))
				return k + 1;
		}
	}
	return 1;
}

/* --- dates --------------------------------------------------------------- */

/* How near a word must be to a date, in bytes, to say what its day is:
 * "the meeting on Friday", "会议将于21日", "concluded in Kazakhstan
 * Friday". */
#define EXTRACT_DATE_NEAR 36
/* News is of days near its publication: a day further from it, in days,
 * is another event's unless the lead names it. */
#define EXTRACT_DATE_FAR 31

/* What a date is the day of, by the word nearest to it in its sentence. */
enum {
	EXTRACT_DAY_PLAIN,      /* nothing near says */
	EXTRACT_DAY_EVENT,      /* a word of the event: "meeting", "held" */
	EXTRACT_DAY_FIRST,      /* its start: "opened", "began" */
	EXTRACT_DAY_LAST,       /* its end: "concluded", "закрылся", "闭幕" */
	EXTRACT_DAY_ARRIVAL,    /* an arrival, a day before it: "arrived",
	                         * "прибыл", "抵达" */
};

static const char *const extract_day_first[] = {
	"began", "begins", "opened", "opens", "kicked off", "started", "starts",
	"начался", "началась", "начались", "открылся", "открылась", "открыл",
	"стартовал", "开幕", "開幕", "开始", "開始", "拉开帷幕", "拉開帷幕",
};
static const char *const extract_day_last[] = {
	"concluded", "concludes", "closed", "ended", "ends", "wrapped up",
	"завершил", "закрыл", "закончил", "闭幕", "閉幕", "结束", "結束", "落幕",
	"落下帷幕",
};
static const char *const extract_day_arrival[] = {
	"arrive", "arrived", "arrives", "arriving", "прибыл",
	"прибыва", "прилетел", "抵达", "抵達", "到达", "到達",
};

/* The phrase of LIST at byte I of the lower-case text, its length, or 0. */
static size_t
extract_day_phrase(const struct extract *x, size_t i, size_t to,
    const char *const *list, int n)
{
	int k;

	for (k = 0; k < n && extract_phrase_start(x->low, i); k++)
		if (extract_phrase_at(x->low, to, i, list[k]))
			return strlen(list[k]);
	return 0;
}

#define EXTRACT_DAY_AT(x, i, to, list) \
	extract_day_phrase((x), (i), (to), (list), \
	    (int)(sizeof (list) / sizeof *(list)))

/* The word of dates at byte I (EXTRACT_DAY_*, *LEN its length), or -1;
 * "closed-door" is no end. */
static int
extract_day_word(const struct extract *x, size_t i, size_t to, size_t *len)
{
	if ((*len = EXTRACT_DAY_AT(x, i, to, extract_day_arrival)) > 0)
		return EXTRACT_DAY_ARRIVAL;
	if ((*len = EXTRACT_DAY_AT(x, i, to, extract_day_last)) > 0)
		return i + *len < to && x->low[i + *len] == '-' ? -1 :
		    EXTRACT_DAY_LAST;
	if ((*len = EXTRACT_DAY_AT(x, i, to, extract_day_first)) > 0)
		return EXTRACT_DAY_FIRST;
	if ((*len = EXTRACT_DAY_AT(x, i, to, extract_cues)) > 0)
		return EXTRACT_DAY_EVENT;
	return -1;
}

/* What date D of sentence SEN is the day of: the word nearest to it; a
 * word further than EXTRACT_DATE_NEAR says nothing, but an arrival does
 * ("troops arrive at an airport in Orenburg, Russia, Sept. 10"). */
static int
extract_date_role(const struct extract *x, int sen, const struct date_found *d)
{
	size_t from = x->s[sen].start, to = x->s[sen].end, i, len, dist;
	size_t best = (size_t)-1;
	int role = EXTRACT_DAY_PLAIN, r;

	if (to < d->end)
		to = d->end;
	for (i = from; i < to; i++) {
		if (i >= d->start && i < d->end)
			continue;
		if ((r = extract_day_word(x, i, to, &len)) < 0)
			continue;
		dist = i < d->start ? (i + len <= d->start ? d->start - i - len : 0) :
		    i - d->end;
		if (dist < best) {
			best = dist;
			role = r;
		}
	}
	if (best > EXTRACT_DATE_NEAR && role != EXTRACT_DAY_ARRIVAL)
		role = EXTRACT_DAY_PLAIN;
	return role;
}

static int
extract_has_digit(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (isdigit((unsigned char)s[from]))
			return 1;
	return 0;
}

/* How surely date D is the event's: a dateline or an arrival 0; a day
 * more than EXTRACT_DATE_FAR days from the publication 1 in the lead (a
 * report long after, an announcement long before), else 0 (another
 * event: "the summit to be held on June 8-9", "last year's meeting");
 * else a day with nothing near 2, one a word of the event is near 3,
 * and one more for a range written with its days ("from Sept. 11 to
 * 25", not "last week"). */
static int
extract_date_score(const struct extract *x, const struct date_found *d,
    int role, int lead)
{
	long pub = date_parse_days(x->published), day;
	int score;

	if (d->dateline || role == EXTRACT_DAY_ARRIVAL)
		return 0;
	day = date_parse_days(d->when.first);
	if (pub != DATE_NO_DAYS && day != DATE_NO_DAYS &&
	    labs(day - pub) > EXTRACT_DATE_FAR)
		return lead ? 1 : 0;
	score = role == EXTRACT_DAY_PLAIN ? 2 : 3;
	if (d->when.end[0] && extract_has_digit(x->body, d->start, d->end))
		score++;
	return score;
}

/* The first date written in sentence SEN or after it. */
static int
extract_date_from(const struct extract *x, int sen)
{
	int lo = 0, hi = x->nd, mid;

	/* The dates are in order of position (extract_events sorts them). */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->dates[mid].start < x->s[sen].start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A date written in sentence SEN to the day, else NULL; with ANY, a
 * date of any precision ("next year", "in June"). Not a dateline: it is
 * the day of the report. */
static const struct date_found *
extract_date_in(const struct extract *x, int sen, int any)
{
	int k;

	for (k = extract_date_from(x, sen); k < x->nd &&
	    x->dates[k].start < x->s[sen].end; k++)
		if ((any || x->dates[k].when.precision == DATE_DAY) &&
		    !x->dates[k].dateline)
			return &x->dates[k];
	return NULL;
}

static int
extract_date_cmp(const void *a, const void *b)
{
	const struct date_found *p = a, *q = b;

	return p->start < q->start ? -1 : p->start > q->start;
}

/* The span of DAYS days from the first day of W, when W is one day;
 * with BACK, the span of DAYS days to it. */
static void
extract_lasting(struct date_span *w, int days, int back)
{
	char a[11], b[11], text[32];
	struct err e;
	long first;

	if (days <= 1 || w->end[0])
		return;
	first = date_parse_days(w->first) - (back ? days - 1 : 0);
	date_format_days(first, a);
	date_format_days(first + days - 1, b);
	snprintf(text, sizeof text, "%s..%s", a, b);
	date_parse(text, w, &e);
}

/* Whether sentence I holds a dateline or follows one in its paragraph:
 * the lead of the news item ("ТАШКЕНТ, 16 июн — Sputnik. Накануне в
 * Ташкенте прошло торжество ..."). */
static int
extract_date_lead(const struct extract *x, int i)
{
	int k, s;

	for (s = i > 0 && x->s[i - 1].para == x->s[i].para ? i - 1 : i; s <= i; s++)
		for (k = extract_date_from(x, s); k < x->nd &&
		    x->dates[k].start < x->s[s].end; k++)
			if (x->dates[k].dateline)
				return 1;
	return 0;
}

/* Whether sentence I may date the event V: one of the first two about
 * it, one of the paragraph of its first ("X welcomed his counterparts
 * in Qingdao on June 26. The gathering ..."), or the lead after a
 * dateline; not one about the next meeting. */
static int
extract_date_sentence(const struct extract *x, const struct extract_event *v,
    int i)
{
	if (x->s[i].cue & EXTRACT_NEXT)
		return 0;
	return ((x->s[i].cue & EXTRACT_MAIN) && x->s[i].rank < 2) ||
	    x->s[i].para == x->s[v->first].para || extract_date_lead(x, i);
}

/* Whether sentence SEN tells of its event in the future tense ("will
 * meet", "встретятся", "将于"), before any next meeting it announces. */
static int
extract_announces(const struct extract *x, int sen)
{
	const struct extract_sentence *s = &x->s[sen];

	return EXTRACT_ANY(x->low, s->start, s->next_at ? s->next_at : s->end,
	    extract_future);
}

/* The date of an announced event whose sentence gives no day: the
 * month or year it names ("in April", "next year"), as stated and no
 * more precise; none when it names neither, so that no event is made
 * on the day of the report, which the text does not claim. */
static void
extract_announced_date(const struct extract *x, struct extract_event *v)
{
	const struct date_found *d = extract_date_in(x, v->first, 1);
	const struct extract_sentence *s = &x->s[v->first];

	if (d == NULL || d->dateline ||
	    (s->next_at && d->start >= s->next_at))
		return;
	v->when = d->when;
	v->have_when = v->stated = 1;
}

/* The date of the event the article reports: of the days written in
 * its first sentences (a day named later is more often another event's,
 * "preceded by ... on Tuesday"), the one a word of the event is nearest
 * to, a range before a single day, the first of those as sure; never a
 * dateline or an arrival, nor a day far from the publication outside the
 * lead. A day it ended on is
 * its last ("concluded Friday" after "the 15-day drill"). Else the day
 * it was published, which the text does not state. */
static void
extract_main_date(const struct extract *x, struct extract_event *v)
{
	const struct date_found *d, *pick = NULL;
	int i, k, role, score, best = -1, pick_role = EXTRACT_DAY_PLAIN;
	struct err e;

	for (i = 0; i < x->ns; i++) {
		if (!extract_date_sentence(x, v, i))
			continue;
		for (k = extract_date_from(x, i); k < x->nd &&
		    x->dates[k].start < x->s[i].end; k++) {
			d = &x->dates[k];
			if (d->when.precision != DATE_DAY ||
			    (x->s[i].next_at && d->start >= x->s[i].next_at))
				continue;
			role = extract_date_role(x, i, d);
			score = extract_date_score(x, d, role, i == v->first);
			if (score > 0 && score > best) {
				best = score;
				pick = d;
				pick_role = role;
			}
		}
	}
	if (pick != NULL) {
		v->when = pick->when;
		v->have_when = v->stated = 1;
	} else if (extract_announces(x, v->first)) {
		extract_announced_date(x, v);
		return;
	} else if (x->published != NULL &&
	    date_parse(x->published, &v->when, &e) == 0 &&
	    v->when.precision == DATE_DAY && !v->when.end[0]) {
		v->have_when = 1;
	}
	if (v->have_when)
		extract_lasting(&v->when, extract_duration(x),
		    pick_role == EXTRACT_DAY_LAST);
}

/* --- events --------------------------------------------------------------- */

static struct extract_found *
extract_emit(const struct extract *x, const struct extract_event *v,
    struct extract_found *out, int *n)
{
	const struct extract_sentence *s = &x->s[v->first];
	struct extract_found *f;

	if (*n >= EXTRACT_MAX_EVENTS || !v->have_when)
		return out;
	f = &out[(*n)++];
	memset(f, 0, sizeof *f);
	f->when = v->when;
	f->stated = v->stated;
	f->announced = v->what == EXTRACT_NEXT;
	snprintf(f->kind, sizeof f->kind, "%s", v->kind);
	f->place = v->place;
	f->confidence = (v->what == EXTRACT_MAIN ? 0.5 : 0.4) +
	    (v->place ? 0.1 : 0) + (v->stated ? 0.1 : 0) + (v->nwho >= 2 ? 0.1 : 0);
	memcpy(f->who, v->who, (size_t)v->nwho * sizeof *v->who);
	f->nwho = v->nwho;
	f->span_start = (long long)s->start;
	f->span_end = (long long)s->end;
	return out;
}

/* Whether two events share a participant. */
static int
extract_share(const struct extract_event *a, const struct extract_event *b)
{
	int i, j;

	for (i = 0; i < a->nwho; i++)
		for (j = 0; j < b->nwho; j++)
			if (a->who[i] == b->who[j])
				return 1;
	return 0;
}

/* Bilateral talks on the sidelines of the main event: one event for
 * each pair of sides (sentences that share a participant are one
 * event), dated by their sentence or else as the main event. */
static void
extract_sides(const struct extract *x, const struct extract_event *main,
    struct extract_found *out, int *n)
{
	struct extract_event side[EXTRACT_MAX_EVENTS], v;
	const struct date_found *d;
	int i, j, k, ns = 0;

	for (i = 0; i < x->ns; i++) {
		if (!(x->s[i].cue & EXTRACT_SIDE))
			continue;
		memset(&v, 0, sizeof v);
		extract_sentence_who(x, i, &v);
		if (v.nwho < 2)
			continue;
		for (k = 0; k < ns && !extract_share(&side[k], &v); k++)
			;
		if (k < ns) {
			for (j = 0; j < v.nwho; j++)
				extract_add(&side[k], v.who[j]);
			continue;
		}
		if (ns == EXTRACT_MAX_EVENTS)
			break;
		v.what = EXTRACT_SIDE;
		v.first = i;
		v.place = main->place;
		snprintf(v.kind, sizeof v.kind, "%s", "bilateral");
		if ((d = extract_date_in(x, i, 0)) != NULL) {
			v.when = d->when;
			v.have_when = v.stated = 1;
		} else {
			v.when = main->when;
			v.have_when = main->have_when;
			v.stated = main->stated;
		}
		side[ns++] = v;
	}
	for (k = 0; k < ns; k++)
		extract_emit(x, &side[k], out, n);
}

/* The first date of any precision in sentence SEN from byte AT on, not
 * a dateline, else NULL. */
static const struct date_found *
extract_date_after(const struct extract *x, int sen, size_t at)
{
	int k;

	for (k = extract_date_from(x, sen); k < x->nd &&
	    x->dates[k].start < x->s[sen].end; k++)
		if (x->dates[k].start >= at && !x->dates[k].dateline)
			return &x->dates[k];
	return NULL;
}

/* The next meeting the article announces, when it says when: of the
 * main event's kind, at the place it names. */
static void
extract_next_event(const struct extract *x, const struct extract_event *main,
    struct extract_found *out, int *n)
{
	const struct date_found *d;
	struct extract_event v;
	int i, k;

	for (i = 0; i < x->ns; i++) {
		if (!(x->s[i].cue & EXTRACT_NEXT) && !x->s[i].next_at)
			continue;
		if ((d = extract_date_after(x, i, x->s[i].next_at)) == NULL)
			continue;
		memset(&v, 0, sizeof v);
		v.what = EXTRACT_NEXT;
		v.first = i;
		v.when = d->when;
		v.have_when = v.stated = 1;
		snprintf(v.kind, sizeof v.kind, "%s", main->kind);
		for (k = extract_mention_from(x, x->s[i].next_at ?
		    x->s[i].next_at : x->s[i].start); k < x->nm &&
		    (size_t)x->m[k].start < x->s[i].end; k++)
			if (strcmp(x->m[k].kind, "place") == 0 && v.place == 0)
				v.place = x->m[k].entity_id;
		if (strcmp(v.when.first, main->when.last) > 0)
			extract_emit(x, &v, out, n);
		return;
	}
}

static void
extract_free(struct extract *x)
{
	free(x->s);
	free(x->dates);
	free(x->low);
	free(x->ltitle);
}

static void
extract_init(struct extract *x, const struct article *a,
    const struct mention_row *m, int n)
{
	int i;

	memset(x, 0, sizeof *x);
	x->title = a->title != NULL ? a->title : "";
	x->body = a->body != NULL ? a->body : "";
	x->len = strlen(x->body);
	x->published = a->published;
	x->low = extract_lower(x->body, x->len);
	x->ltitle = extract_lower(x->title, strlen(x->title));
	x->m = m;
	x->nm = n;
	for (i = 0; i < n; i++)
		if (m[i].end - m[i].start > x->longest)
			x->longest = m[i].end - m[i].start;
	extract_sentences(x);
}

int
extract_relevant(const struct article *a, const struct mention_row *m, int n)
{
	struct extract x;
	int rc;

	extract_init(&x, a, m, n);
	rc = extract_about_sco(&x);
	extract_free(&x);
	return rc;
}

int
extract_events(const struct article *a, const struct mention_row *m, int n,
    struct extract_found **out)
{
	struct extract x;
	struct extract_event v;
	int i, nf = 0, strong;

	*out = xcalloc(EXTRACT_MAX_EVENTS, sizeof **out);
	extract_init(&x, a, m, n);
	memset(&v, 0, sizeof v);
	v.what = EXTRACT_MAIN;
	v.first = -1;
	for (i = 0; i < x.ns && v.first < 0; i++)
		if ((x.s[i].cue & (EXTRACT_MAIN | EXTRACT_NEXT)) == EXTRACT_MAIN)
			v.first = i;
	if (v.first < 0 || !extract_about_sco(&x))
		goto out;               /* nothing happens in this article */
	x.nd = dates_find(x.body, x.len, a->published, &x.dates);
	if (x.nd > 1)
		qsort(x.dates, (size_t)x.nd, sizeof *x.dates, extract_date_cmp);
	extract_main_who(&x, &v);
	v.place = 0;
	extract_main_place(&x, &v);
	extract_main_date(&x, &v);
	strong = extract_main_kind(&x, &v);
	/* An event needs someone or somewhere, or a kind the article
	 * states: "the SCO defence ministers met" names no one yet. */
	if (v.nwho > 0 || v.place > 0 || strong)
		extract_emit(&x, &v, *out, &nf);
	if (nf > 0) {
		extract_sides(&x, &v, *out, &nf);
		extract_next_event(&x, &v, *out, &nf);
	}
out:
	extract_free(&x);
	return nf;
}

/* --- known events ------------------------------------------------------ */

/* The state a place belongs to (0 none), or -1 when the database
 * cannot say: taken for "none", the event would lose its host. Only a
 * state with a place in the SCO hosts: a council held in New York on
 * the sidelines of the UN General Assembly is not one the United States
 * takes part in. */
static long long
extract_state_of(struct db *db, long long entity, struct err *e)
{
	static const char sql[] = "SELECT coalesce(e.state_id, 0) FROM entity e"
	    " WHERE e.id = ?1 AND EXISTS (SELECT 1 FROM membership m"
	    " WHERE m.state_id = e.state_id)";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entity);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = db_fail(db, e, "read the state of a place");
	sqlite3_reset(st);
	return id;
}

/* A known event agrees when its kind is the same, its dates overlap
 * (within 3 days) and it has the same place or most participants; no
 * one of these alone is enough. */
static const char extract_sql_match[] =
	"SELECT e.id, e.first_day, e.last_day, e.start, e.end FROM event e"
	" WHERE e.kind = ?6"
	" AND e.first_day <= date(?2, '+3 days') AND e.last_day >= date(?1, '-3 days')"
	" AND (e.place_id = ?3 OR (SELECT count(*) FROM participant p"
	"  WHERE p.event_id = e.id AND p.entity_id IN (SELECT value FROM"
	"  json_each(?4))) * 2 > ?5)"
	" ORDER BY abs(julianday(e.first_day) - julianday(?1)) LIMIT 1";

static void
extract_who_json(const struct extract_found *f, char *out, size_t size)
{
	size_t used = 0;
	int i;

	used += (size_t)snprintf(out, size, "[");
	for (i = 0; i < f->nwho && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%lld", i ? "," : "",
		    f->who[i]);
	if (used < size)
		snprintf(out + used, size - used, "]");
}

static int
extract_known(struct db *db, struct extract_found *f, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, extract_sql_match, e);
	char who[EXTRACT_MAX_PEOPLE * 24];
	int rc;

	if (st == NULL)
		return -1;
	extract_who_json(f, who, sizeof who);
	db_bind_text(st, 1, f->when.first);
	db_bind_text(st, 2, f->when.last);
	sqlite3_bind_int64(st, 3, f->place);
	db_bind_text(st, 4, who);
	sqlite3_bind_int(st, 5, f->nwho > 0 ? f->nwho : 1 << 20);
	db_bind_text(st, 6, f->kind);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : db_fail(db, e, "match events");
	}
	f->event_id = sqlite3_column_int64(st, 0);
	date_from_parts(db_col_str(st, 3), db_col_str(st, 4), &f->known, e);
	sqlite3_reset(st);
	/* The publication day is no claim about when it happened. */
	f->disputed = f->stated && (strcmp(f->known.first, f->when.first) != 0 ||
	    strcmp(f->known.last, f->when.last) != 0);
	return 0;
}

int
extract_match(struct db *db, struct extract_found *f, struct err *e)
{
	long long state = 0;
	int i;

	if (f->place > 0 && (state = extract_state_of(db, f->place, e)) < 0)
		return -1;
	if (state > 0) {
		for (i = 0; i < f->nwho && f->who[i] != state; i++)
			;
		if (i == f->nwho && f->nwho < EXTRACT_MAX_PEOPLE)
			f->who[f->nwho++] = state;
	}
	return extract_known(db, f, e);
}

int
extract_find(struct db *db, const struct article *a,
    const struct mention_row *m, int n, struct extract_found **out,
    struct err *e)
{
	int nf = extract_events(a, m, n, out), i;

	for (i = 0; i < nf; i++)
		if (extract_match(db, &(*out)[i], e) != 0)
			return -1;
	return nf;
}
