/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scotl/dates.h"

#define DATES_WORD 40
/* How many tokens either side of a date a word of tense is looked for,
 * and back for the month of a day written alone ("18至19日"). */
#define DATES_REACH 24
/* A day this near the publication date is that one whatever the tense
 * of its sentence says: "5月16日电 ... 将于" is a dateline, not next
 * year's 16 May. */
#define DATES_NEAR_DAYS 7
/* How many bytes a dateline's place may take before its date, and its
 * agency and hour after it, up to the dash. */
#define DATES_DATELINE_LEAD 40
/* The longest range read: a summit, an exercise of a few weeks. */
#define DATES_RANGE_DAYS 62

/* What a word says of the time of its sentence. A reporting verb
 * ("said", "announced") dates the report, not the event: it counts for a
 * weekday (the news item's own day) but not for a day and month. */
enum dates_cue {
	DATES_NO_CUE,
	DATES_PAST,
	DATES_AHEAD,
	DATES_REPORT,
};

struct dates_token {
	size_t start, end;
	/* Lower case. A word with more Latin letters than Cyrillic ones reads
	 * its Cyrillic and Greek look-alikes as Latin ("Oсtober"), a Cyrillic
	 * word its Latin look-alikes as Cyrillic; a Chinese character of
	 * dates is itself, a run of other Chinese characters "~". */
	char word[DATES_WORD];
	int number;             /* digits, Chinese numerals, "18th"; else -1 */
	int digits;             /* how many were written */
	int sentence;
	enum dates_cue cue;
	int month;              /* the month it names, else 0 */
	int weekday;            /* the weekday it names (0 Monday), else -1 */
	int en;                 /* what an English word is (DATES_EN_*) */
	unsigned iso : 1;       /* YYYY-MM-DD */
	unsigned ordinal : 1;   /* "18th" */
	unsigned cap : 1;       /* written with a capital */
};

/* Cyrillic and Greek letters that look like Latin ones. */
static const struct {
	unsigned long cp;
	char latin;
} dates_lookalikes[] = {
	{ 0x430, 'a' }, { 0x410, 'a' }, { 0x432, 'b' }, { 0x412, 'b' },
	{ 0x441, 'c' }, { 0x421, 'c' }, { 0x435, 'e' }, { 0x415, 'e' },
	{ 0x43d, 'h' }, { 0x41d, 'h' }, { 0x456, 'i' }, { 0x406, 'i' },
	{ 0x458, 'j' }, { 0x408, 'j' }, { 0x43a, 'k' }, { 0x41a, 'k' },
	{ 0x43c, 'm' }, { 0x41c, 'm' }, { 0x43e, 'o' }, { 0x41e, 'o' },
	{ 0x440, 'p' }, { 0x420, 'p' }, { 0x455, 's' }, { 0x405, 's' },
	{ 0x442, 't' }, { 0x422, 't' }, { 0x443, 'y' }, { 0x423, 'y' },
	{ 0x445, 'x' }, { 0x425, 'x' }, { 0x3bf, 'o' }, { 0x39f, 'o' },
	{ 0x3b1, 'a' }, { 0x391, 'a' }, { 0x3b5, 'e' }, { 0x395, 'e' },
	{ 0x3bd, 'v' }, { 0x3c4, 't' }, { 0x3a4, 't' }, { 0x39d, 'n' },
	{ 0x3b9, 'i' }, { 0x399, 'i' }, { 0x3ba, 'k' }, { 0x39a, 'k' },
	{ 0x3c1, 'p' }, { 0x3a1, 'p' }, { 0x3c5, 'u' }, { 0x397, 'h' },
};

/* Public in scotl/dates.h: mention.c reads names written with them. */
char
dates_lookalike(unsigned long cp)
{
	size_t i;

	for (i = 0; i < sizeof dates_lookalikes / sizeof *dates_lookalikes; i++)
		if (dates_lookalikes[i].cp == cp)
			return dates_lookalikes[i].latin;
	return 0;
}

/* The lower-case Cyrillic letter a Latin one looks like, or 0. */
static unsigned long
dates_cyrillic_lookalike(unsigned long cp)
{
	size_t i;

	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	for (i = 0; i < sizeof dates_lookalikes / sizeof *dates_lookalikes; i++)
		if ((unsigned long)dates_lookalikes[i].latin == cp &&
		    dates_lookalikes[i].cp >= 0x430 && dates_lookalikes[i].cp <= 0x44f)
			return dates_lookalikes[i].cp;
	return 0;
}

static int
dates_letter(unsigned long cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= '0' && cp <= '9') || (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 &&
	    cp != 0xf7) || (cp >= 0x370 && cp <= 0x4ff) ||
	    (cp >= 0xff10 && cp <= 0xff19);
}

static int
dates_cjk(unsigned long cp)
{
	return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    cp == 0x3007;
}

/* 0-9 for a Chinese numeral, 10 for 十, -1 for anything else. */
static int
dates_cjk_digit(unsigned long cp)
{
	static const unsigned long digits[] = {
		0x3007, 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03,
		0x516b, 0x4e5d, 0x5341,
	};
	int i;

	if (cp == 0x96f6)       /* 零 */
		return 0;
	for (i = 0; i < 11; i++)
		if (digits[i] == cp)
			return i;
	return -1;
}

static size_t
dates_utf8(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	out[0] = (char)(0xe0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

/* A traditional character of dates as the simplified one: 號 週 個 將
 * 禮 這 於. */
static unsigned long
dates_simplified(unsigned long cp)
{
	static const unsigned long map[][2] = {
		{ 0x865f, 0x53f7 }, { 0x9031, 0x5468 }, { 0x500b, 0x4e2a },
		{ 0x5c07, 0x5c06 }, { 0x79ae, 0x793c }, { 0x9019, 0x8fd9 },
		{ 0x65bc, 0x4e8e },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i][0] == cp)
			return map[i][1];
	return cp;
}

/* The Chinese characters dates are written with; each is a token. */
static int
dates_cjk_kept(unsigned long cp)
{
	static const char kept[] =
	    "年月日号至到今昨明前本上下这个周星期礼拜天去将拟定已曾了于";
	char c[4];

	c[dates_utf8(dates_simplified(cp), c)] = '\0';
	return strstr(kept, c) != NULL;
}

static int
dates_month_abbr(const char *w)
{
	static const char *const abbr[] = {
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec",
	};
	size_t i;

	for (i = 0; i < sizeof abbr / sizeof *abbr; i++)
		if (strcmp(w, abbr[i]) == 0)
			return 1;
	return 0;
}

/* A full stop, "!" or "?" before a space, a blank line, or a Chinese
 * full stop; not the full stop of "Sept. 11". */
static int
dates_sentence_end(const char *s, size_t len, size_t i,
    const struct dates_token *last)
{
	if (s[i] == '\n' && i + 1 < len && s[i + 1] == '\n')
		return 1;
	if (len - i >= 3 && (memcmp(s + i, "\xe3\x80\x82", 3) == 0 ||
	    memcmp(s + i, "\xef\xbc\x81", 3) == 0 || memcmp(s + i, "\xef\xbc\x9f", 3) == 0))
		return 1;
	if (s[i] == '.' && last != NULL && last->end == i &&
	    dates_month_abbr(last->word) && i + 2 < len && s[i + 1] == ' ' &&
	    s[i + 2] >= '0' && s[i + 2] <= '9')
		return 0;
	return (s[i] == '.' || s[i] == '!' || s[i] == '?') &&
	    (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\n');
}

/* One letter of a word into W at *K: lower case, look-alikes read in the
 * word's script, full-width digits as ASCII. */
static void
dates_put(char *w, int *k, unsigned long cp, int cyrillic)
{
	char c;

	if (cp >= 0xff10 && cp <= 0xff19)
		cp = '0' + (cp - 0xff10);
	if (cyrillic && cp < 0x80 && !(cp >= '0' && cp <= '9'))
		cp = dates_cyrillic_lookalike(cp);
	if (cyrillic && cp >= 0x400 && cp <= 0x45f) {
		if (cp >= 0x410 && cp <= 0x42f)
			cp += 0x20;
		else if (cp == 0x401 || cp == 0x451)
			cp = 0x435;     /* ё as е */
		if (*k + 2 < DATES_WORD)
			*k += (int)dates_utf8(cp, w + *k);
		return;
	}
	c = cp < 0x80 ? (char)cp : dates_lookalike(cp);
	if (*k < DATES_WORD - 1)
		w[(*k)++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c ? c : '?';
}

/* The end of the word at I, and whether it is Cyrillic. */
static size_t
dates_word_end(const char *s, size_t len, size_t i, int *cyrillic)
{
	unsigned long cp;
	size_t step;
	int latin = 0, cyr = 0;

	while (i < len) {
		step = util_utf8_decode(s + i, len - i, &cp);
		if (step == 0 || !dates_letter(cp))
			break;
		latin += (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
		cyr += cp >= 0x400 && cp <= 0x4ff;
		i += step;
	}
	*cyrillic = cyr > latin;
	return i;
}

/* "18th", "22nd": the day, else -1. */
static int
dates_ordinal(const char *w)
{
	size_t d = strspn(w, "0123456789");

	if (d < 1 || d > 2 || (strcmp(w + d, "st") != 0 && strcmp(w + d, "nd") != 0 &&
	    strcmp(w + d, "rd") != 0 && strcmp(w + d, "th") != 0))
		return -1;
	return atoi(w);
}

/* YYYY-MM-DD stays one token. */
static size_t
dates_iso(const char *s, size_t len, size_t i, struct dates_token *tok, int k)
{
	if (k == 4 && strspn(tok->word, "0123456789") == 4 && i + 5 < len &&
	    s[i] == '-' && s[i + 3] == '-' && strspn(s + i + 1, "0123456789") >= 2 &&
	    strspn(s + i + 4, "0123456789") >= 2) {
		memcpy(tok->word + 4, s + i, 6);
		tok->word[10] = '\0';
		tok->iso = 1;
		return i + 6;
	}
	return i;
}

static size_t
dates_word(const char *s, size_t len, size_t i, struct dates_token *tok)
{
	size_t end, step;
	unsigned long cp;
	int cyrillic, k = 0;

	end = dates_word_end(s, len, i, &cyrillic);
	tok->cap = (s[i] >= 'A' && s[i] <= 'Z');
	while (i < end) {
		step = util_utf8_decode(s + i, len - i, &cp);
		dates_put(tok->word, &k, cp, cyrillic);
		i += step;
	}
	tok->word[k] = '\0';
	i = dates_iso(s, len, i, tok, k);
	tok->digits = (int)strspn(tok->word, "0123456789");
	if (!tok->iso && tok->word[tok->digits] == '\0' && tok->digits <= 4)
		tok->number = atoi(tok->word);
	else if ((tok->number = dates_ordinal(tok->word)) > 0)
		tok->ordinal = 1;
	return i;
}

/* A run of Chinese numerals: "十八" 18, "二〇二二" 2022. */
static size_t
dates_cjk_number(const char *s, size_t len, size_t i, struct dates_token *tok)
{
	int d[8], n = 0, ten = -1, v, j;
	unsigned long cp;
	size_t step;

	while (i < len && (step = util_utf8_decode(s + i, len - i, &cp)) > 0 &&
	    (v = dates_cjk_digit(cp)) >= 0) {
		if (v == 10 && ten < 0)
			ten = n;
		if (n < 8)
			d[n++] = v;
		i += step;
	}
	if (ten >= 0 && ten <= 1 && n - ten <= 2 && (ten == n - 1 || d[n - 1] < 10))
		v = (ten ? d[0] : 1) * 10 + (ten == n - 1 ? 0 : d[n - 1]);
	else if (ten < 0 && n <= 4)
		for (v = 0, j = 0; j < n; j++)
			v = v * 10 + d[j];
	else
		v = -1;
	tok->number = v;
	tok->digits = n;
	snprintf(tok->word, sizeof tok->word, "%d", v);
	return i;
}

static size_t
dates_cjk_token(const char *s, size_t len, size_t i, unsigned long cp,
    struct dates_token *tok)
{
	size_t step;

	if (dates_cjk_digit(cp) >= 0)
		return dates_cjk_number(s, len, i, tok);
	tok->number = -1;
	if (dates_cjk_kept(cp)) {
		step = util_utf8_decode(s + i, len - i, &cp);
		tok->word[dates_utf8(dates_simplified(cp), tok->word)] = '\0';
		return i + step;
	}
	strcpy(tok->word, "~");
	while (i < len && (step = util_utf8_decode(s + i, len - i, &cp)) > 0 &&
	    dates_cjk(cp) && !dates_cjk_kept(cp) && dates_cjk_digit(cp) < 0)
		i += step;
	return i;
}

/* Words, numbers and Chinese characters with their places. */
static int
dates_tokens(const char *s, size_t len, struct dates_token **out)
{
	struct dates_token *t = NULL, *tok;
	int n = 0, cap = 0, sentence = 0;
	unsigned long cp;
	size_t i = 0, step;

	while (i < len) {
		step = util_utf8_decode(s + i, len - i, &cp);
		if (step == 0)
			step = 1, cp = 0xfffd;
		if (dates_sentence_end(s, len, i, n ? &t[n - 1] : NULL))
			sentence++;
		if (!dates_letter(cp) && !dates_cjk(cp)) {
			i += step;
			continue;
		}
		t = xgrow(t, n, &cap, sizeof *t);
		tok = &t[n++];
		memset(tok, 0, sizeof *tok);
		tok->start = i;
		tok->sentence = sentence;
		i = dates_letter(cp) ? dates_word(s, len, i, tok) :
		    dates_cjk_token(s, len, i, cp, tok);
		tok->end = i;
	}
	*out = t;
	return n;
}

/* --- the tense of a sentence ----------------------------------------- */

static int
dates_in(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (w[0] == (*list)[0] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static int
dates_prefix(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (((*list)[0] == '\0' || w[0] == (*list)[0]) &&
		    strncmp(w, *list, strlen(*list)) == 0)
			return 1;
	return 0;
}

static int
dates_suffix(const char *w, const char *suffix)
{
	size_t a = strlen(w), b = strlen(suffix);

	return a >= b && strcmp(w + a - b, suffix) == 0;
}

/* --- months and weekdays ---------------------------------------------- */

/* The English words of dates, sorted for bsearch: months, weekdays and
 * words of tense. A reporting verb ("said", "announced") dates the
 * report; a past form after "be" or "the" is a participle or an
 * adjective ("will be held", "the armed forces"). */
enum {
	DATES_EN_AHEAD = 1,
	DATES_EN_PAST = 2,
	DATES_EN_REPORT = 4,
	DATES_EN_IRREGULAR = 8,         /* a past form without -ed */
	DATES_EN_BEFORE_PARTICIPLE = 16,
};

static const struct dates_en {
	const char *word;
	int what;
	int month;
	int weekday;
} dates_en_words[] = {
	{ "a", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "added", DATES_EN_REPORT, 0, -1 },
	{ "ago", DATES_EN_PAST, 0, -1 },
	{ "am", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "an", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "announced", DATES_EN_REPORT, 0, -1 },
	{ "apr", 0, 4, -1 },
	{ "april", 0, 4, -1 },
	{ "are", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "aug", 0, 8, -1 },
	{ "august", 0, 8, -1 },
	{ "be", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "been", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "began", DATES_EN_IRREGULAR, 0, -1 },
	{ "being", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "came", DATES_EN_IRREGULAR, 0, -1 },
	{ "confirmed", DATES_EN_REPORT, 0, -1 },
	{ "dec", 0, 12, -1 },
	{ "december", 0, 12, -1 },
	{ "did", DATES_EN_PAST, 0, -1 },
	{ "expected", DATES_EN_AHEAD, 0, -1 },
	{ "feb", 0, 2, -1 },
	{ "february", 0, 2, -1 },
	{ "forthcoming", DATES_EN_AHEAD, 0, -1 },
	{ "friday", 0, 0, 4 },
	{ "gave", DATES_EN_IRREGULAR, 0, -1 },
	{ "had", DATES_EN_PAST, 0, -1 },
	{ "held", DATES_EN_IRREGULAR, 0, -1 },
	{ "is", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "jan", 0, 1, -1 },
	{ "january", 0, 1, -1 },
	{ "jul", 0, 7, -1 },
	{ "july", 0, 7, -1 },
	{ "jun", 0, 6, -1 },
	{ "june", 0, 6, -1 },
	{ "last", DATES_EN_PAST, 0, -1 },
	{ "led", DATES_EN_IRREGULAR, 0, -1 },
	{ "left", DATES_EN_IRREGULAR, 0, -1 },
	{ "ll", DATES_EN_AHEAD, 0, -1 },
	{ "mar", 0, 3, -1 },
	{ "march", 0, 3, -1 },
	{ "may", 0, 5, -1 },
	{ "met", DATES_EN_IRREGULAR, 0, -1 },
	{ "monday", 0, 0, 0 },
	{ "next", DATES_EN_AHEAD, 0, -1 },
	{ "noted", DATES_EN_REPORT, 0, -1 },
	{ "nov", 0, 11, -1 },
	{ "november", 0, 11, -1 },
	{ "oct", 0, 10, -1 },
	{ "october", 0, 10, -1 },
	{ "planned", DATES_EN_AHEAD, 0, -1 },
	{ "reported", DATES_EN_REPORT, 0, -1 },
	{ "said", DATES_EN_REPORT, 0, -1 },
	{ "saturday", 0, 0, 5 },
	{ "saw", DATES_EN_IRREGULAR, 0, -1 },
	{ "says", DATES_EN_REPORT, 0, -1 },
	{ "scheduled", DATES_EN_AHEAD, 0, -1 },
	{ "sent", DATES_EN_IRREGULAR, 0, -1 },
	{ "sep", 0, 9, -1 },
	{ "sept", 0, 9, -1 },
	{ "september", 0, 9, -1 },
	{ "shall", DATES_EN_AHEAD, 0, -1 },
	{ "slated", DATES_EN_AHEAD, 0, -1 },
	{ "spoke", DATES_EN_IRREGULAR, 0, -1 },
	{ "stated", DATES_EN_REPORT, 0, -1 },
	{ "sunday", 0, 0, 6 },
	{ "the", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "thursday", 0, 0, 3 },
	{ "till", DATES_EN_AHEAD, 0, -1 },
	{ "to", DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "told", DATES_EN_REPORT, 0, -1 },
	{ "tomorrow", DATES_EN_AHEAD, 0, -1 },
	{ "took", DATES_EN_IRREGULAR, 0, -1 },
	{ "tuesday", 0, 0, 1 },
	{ "until", DATES_EN_AHEAD, 0, -1 },
	{ "upcoming", DATES_EN_AHEAD, 0, -1 },
	{ "was", DATES_EN_PAST, 0, -1 },
	{ "wednesday", 0, 0, 2 },
	{ "went", DATES_EN_IRREGULAR, 0, -1 },
	{ "were", DATES_EN_PAST, 0, -1 },
	{ "will", DATES_EN_AHEAD | DATES_EN_BEFORE_PARTICIPLE, 0, -1 },
	{ "would", DATES_EN_AHEAD, 0, -1 },
	{ "yesterday", DATES_EN_PAST, 0, -1 },
};

static int
dates_en_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const struct dates_en *)entry)->word);
}

static const struct dates_en *
dates_en_word(const char *w)
{
	return bsearch(w, dates_en_words, sizeof dates_en_words / sizeof *dates_en_words,
	    sizeof *dates_en_words, dates_en_cmp);
}

/* A Russian month in any case: "август", "августа", "августе", "авг". */
static int
dates_month_ru(const char *w)
{
	static const char *const stems[] = {
		"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
		"сентябр", "октябр", "ноябр", "декабр",
	};
	static const char *const endings[] = { "", "ь", "я", "е", "а", "й", NULL };
	static const char *const abbr[] = {
		"янв", "фев", "мар", "апр", "", "", "", "авг", "сент", "окт",
		"нояб", "дек",
	};
	size_t n;
	int i;

	for (i = 0; i < 12; i++)
		if ((abbr[i][0] && strcmp(w, abbr[i]) == 0) || (i == 8 && strcmp(w, "сен") == 0) ||
		    (i == 10 && strcmp(w, "ноя") == 0))
			return i + 1;
	for (i = 0; i < 12; i++) {
		n = strlen(stems[i]);
		if (strncmp(w, stems[i], n) == 0 && dates_in(w + n, endings) &&
		    (i != 4 || (w[n] != '\0' && strcmp(w + n, "ь") != 0 &&
		    strcmp(w + n, "а") != 0)))
			return i + 1;
	}
	return 0;
}

/* In any case; of "среда" only "среду" ("в среду"): "среды", "среде"
 * are more often the environment. */
static int
dates_weekday_ru(const char *w)
{
	static const char *const stems[] = {
		"понедельник", "вторник", "", "четверг", "пятниц", "суббот",
		"воскресен",
	};
	size_t n;
	int i;

	if (strcmp(w, "среду") == 0)
		return 2;
	for (i = 0; i < 7; i++) {
		n = strlen(stems[i]);
		if (n > 0 && strncmp(w, stems[i], n) == 0 && strlen(w + n) <= 4)
			return i;
	}
	return -1;
}

/* English: auxiliaries, "is to", a past form ("met", "arrived") that is
 * not a participle or an adjective. */
static enum dates_cue
dates_cue_en(const struct dates_token *t, int i, const struct dates_en *e)
{
	const char *w = t[i].word;
	int what = e != NULL ? e->what : 0, prev = i > 0 ? t[i - 1].en : 0;

	if (what & DATES_EN_AHEAD)
		return DATES_AHEAD;
	if (strcmp(w, "to") == 0 && i > 0 && (strcmp(t[i - 1].word, "is") == 0 ||
	    strcmp(t[i - 1].word, "are") == 0))
		return DATES_AHEAD;
	if (what & DATES_EN_PAST)
		return DATES_PAST;
	if (what & DATES_EN_REPORT)
		return DATES_REPORT;
	if (t[i].cap || (prev & DATES_EN_BEFORE_PARTICIPLE))
		return DATES_NO_CUE;
	if ((what & DATES_EN_IRREGULAR) || (strlen(w) >= 5 && dates_suffix(w, "ed") &&
	    !dates_suffix(w, "eed")))
		return DATES_PAST;
	return DATES_NO_CUE;
}

/* Russian: the future of "быть" and of the verbs of meetings, the past
 * in -л, -ла, -ли, -лся... of a verb (six letters or more, so that
 * "посол" and "дела" are not verbs; not -ал, the ending of "генерал"). */
static enum dates_cue
dates_cue_ru(const char *w)
{
	static const char *const ahead[] = {
		"будет", "будут", "состоится", "состоятся", "пройдет", "пройдут",
		"начнется", "начнутся", "откроется", "планируется", "ожидается",
		"завтра", NULL,
	};
	static const char *const ahead_stem[] = {
		"запланирован", "намечен", "предстоящ", "следующ", "будущ", NULL,
	};
	static const char *const past[] = {
		"был", "была", "было", "были", "вчера", NULL,
	};
	static const char *const endings[] = {
		"лся", "лась", "лось", "лись", NULL,
	};
	static const char vowels[] = "аеиоуыэюя";
	size_t n = strlen(w), cut;
	const char *const *e;
	char v[3];

	if (dates_in(w, ahead) || dates_prefix(w, ahead_stem))
		return DATES_AHEAD;
	if (dates_in(w, past) || strncmp(w, "прошл", strlen("прошл")) == 0)
		return DATES_PAST;
	for (e = endings; *e != NULL; e++)
		if (n >= 10 && dates_suffix(w, *e))
			return DATES_PAST;
	cut = dates_suffix(w, "л") ? 2 : dates_suffix(w, "ла") ||
	    dates_suffix(w, "ло") || dates_suffix(w, "ли") ? 4 : 0;
	if (cut == 0 || n < 12 || (cut == 2 && dates_suffix(w, "ал")))
		return DATES_NO_CUE;
	memcpy(v, w + n - cut - 2, 2);
	v[2] = '\0';
	return strstr(vowels, v) != NULL ? DATES_PAST : DATES_NO_CUE;
}

/* Whether the text at P (of LEFT bytes) starts with one of the UTF-8
 * characters in SET. */
static int
dates_next_is(const char *p, size_t left, const char *set)
{
	char c[4];

	if (left < 3)
		return 0;
	memcpy(c, p, 3);
	c[3] = '\0';
	return (unsigned char)c[0] >= 0xe0 && strstr(set, c) != NULL;
}

/* Chinese: 将 (not 将军), 拟, 定于, 明天, 下周 ahead; 已, 曾, 了 (not 为了,
 * 除了, 了解), 昨天, 去年, 上周, 日前 past. */
static enum dates_cue
dates_cue_zh(const char *s, size_t len, const struct dates_token *tok)
{
	const char *w = tok->word, *next = s + tok->end;
	size_t left = len - tok->end;

	if ((strcmp(w, "将") == 0 && !dates_next_is(next, left, "军领士軍領")) ||
	    strcmp(w, "拟") == 0 || (strcmp(w, "定") == 0 && dates_next_is(next, left, "于")) ||
	    (strcmp(w, "明") == 0 && dates_next_is(next, left, "天年日")) ||
	    (strcmp(w, "下") == 0 && dates_next_is(next, left, "周月个")))
		return DATES_AHEAD;
	if (strcmp(w, "已") == 0 || strcmp(w, "曾") == 0 || strcmp(w, "昨") == 0 ||
	    (strcmp(w, "去") == 0 && dates_next_is(next, left, "年")) ||
	    (strcmp(w, "上") == 0 && dates_next_is(next, left, "周月个")) ||
	    (strcmp(w, "日") == 0 && dates_next_is(next, left, "前")))
		return DATES_PAST;
	if (strcmp(w, "了") == 0 && !dates_next_is(next, left, "解") &&
	    !(tok->start >= 3 && dates_next_is(s + tok->start - 3, 3, "为除")))
		return DATES_PAST;
	return DATES_NO_CUE;
}

/* What each word is, once, so that finding dates compares numbers: its
 * month ("may" only with a capital), weekday and tense. */
static void
dates_classify(const char *s, size_t len, struct dates_token *t, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i].word[0];

		t[i].weekday = -1;
		if (c >= 'a' && c <= 'z') {
			const struct dates_en *e = dates_en_word(t[i].word);

			t[i].cue = dates_cue_en(t, i, e);
			t[i].en = e != NULL ? e->what : 0;
			t[i].month = e != NULL ? e->month : 0;
			if (t[i].month == 5 && strcmp(t[i].word, "may") == 0 && !t[i].cap)
				t[i].month = 0;
			t[i].weekday = e != NULL ? e->weekday : -1;
		} else if (c == 0xd0 || c == 0xd1) {
			t[i].cue = dates_cue_ru(t[i].word);
			t[i].month = dates_month_ru(t[i].word);
			t[i].weekday = dates_weekday_ru(t[i].word);
		} else if (c >= 0xe0) {
			t[i].cue = dates_cue_zh(s, len, &t[i]);
		}
	}
}

/* --- finding dates ---------------------------------------------------- */

struct dates_ctx {
	const char *text;
	size_t len;
	const struct dates_token *t;
	int n;
	long pub;               /* days, DATE_NO_DAYS when unknown */
	int py, pm, pd;         /* the publication date */
	enum dates_cue tense;   /* of the date being added */
	struct date_found *out;
	int nout, cap;
};

static const char *
dates_w(const struct dates_ctx *c, int i)
{
	return i >= 0 && i < c->n ? c->t[i].word : "";
}

/* The first bytes are compared before the rest: most tokens differ
 * there, and this is asked of every token many times. */
static int
dates_is(const struct dates_ctx *c, int i, const char *w)
{
	const char *a = dates_w(c, i);

	return a[0] == w[0] && strcmp(a, w) == 0;
}

/* Token I is a Chinese character of dates ("~" is any other). */
static int
dates_han(const struct dates_ctx *c, int i)
{
	return i >= 0 && i < c->n && (unsigned char)c->t[i].word[0] >= 0xe0;
}

/* Token I follows token I - 1 in the same sentence. */
static int
dates_same(const struct dates_ctx *c, int i)
{
	return i > 0 && i < c->n && c->t[i].sentence == c->t[i - 1].sentence;
}

/* Only spaces, or nothing, between token I - 1 and token I. */
static int
dates_close(const struct dates_ctx *c, int i)
{
	size_t a, b;

	if (!dates_same(c, i))
		return 0;
	for (a = c->t[i - 1].end, b = c->t[i].start; a < b; a++)
		if (c->text[a] != ' ' || b - a > 3)
			return 0;
	return 1;
}

/* A dash between token I - 1 and token I: "21-22", "2 – 3", "18日—19日". */
static int
dates_dash(const struct dates_ctx *c, int i)
{
	static const char *const dashes[] = {
		"-", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x91", "~",
		"\xef\xbd\x9e", "\xef\xbc\x8d", "\xe2\x80\x92",
	};
	size_t a, b, k, d;

	if (!dates_same(c, i))
		return 0;
	a = c->t[i - 1].end, b = c->t[i].start;
	if (b - a > 8)
		return 0;
	while (a < b && c->text[a] == ' ')
		a++;
	while (b > a && c->text[b - 1] == ' ')
		b--;
	for (k = 0; k < sizeof dashes / sizeof *dashes; k++) {
		d = strlen(dashes[k]);
		if (b - a == d && memcmp(c->text + a, dashes[k], d) == 0)
			return 1;
	}
	return 0;
}

/* The words of tense nearest to tokens FROM..TO in their sentence, the
 * one before first when two are as near; a reporting verb only when
 * REPORT. */
static enum dates_cue
dates_tense(const struct dates_ctx *c, int from, int to, int report)
{
	const struct dates_token *t = c->t;
	int d, k, s = t[from].sentence;
	enum dates_cue q;

	for (d = 1; d <= DATES_REACH; d++) {
		k = from - d;
		if (k >= 0 && t[k].sentence == s && (q = t[k].cue) != DATES_NO_CUE &&
		    (q != DATES_REPORT || report))
			return q == DATES_REPORT ? DATES_PAST : q;
		k = to + d;
		if (k < c->n && t[k].sentence == s && (q = t[k].cue) != DATES_NO_CUE &&
		    (q != DATES_REPORT || report))
			return q == DATES_REPORT ? DATES_PAST : q;
	}
	return DATES_NO_CUE;
}

/* Whether the text from byte I starts what ends a dateline: a dash
 * ("--", "—", "–", " - "), an agency between slashes ("/TASS/"), or the
 * close of one in brackets before a colon ("(APP):"). */
static int
dates_dateline_end(const char *s, size_t len, size_t i)
{
	return (len - i >= 2 && (memcmp(s + i, "--", 2) == 0 ||
	    memcmp(s + i, "):", 2) == 0 || (s[i] == '/' && s[i + 1] != ' '))) ||
	    (len - i >= 3 && (memcmp(s + i, "\xe2\x80\x94", 3) == 0 ||
	    memcmp(s + i, "\xe2\x80\x93", 3) == 0 || memcmp(s + i, " - ", 3) == 0));
}

/* A dateline: the date at the start of its line after its place, a few
 * words and a comma or full stop ("BEIJING, ", "Almaty. "), then
 * the agency, the hour or nothing up to its end ("Sept. 16 (Xinhua) --",
 * "16 июн — Sputnik", "13 апреля, 2015, 21:31 — ИА Регнум", "September
 * 20. /TASS/."); or, in Chinese, a date followed by 电, a dispatch
 * ("新华社北京5月16日电"). */
static int
dates_dateline(const struct dates_ctx *c, size_t start, size_t end)
{
	const char *s = c->text;
	size_t line = start, i, words = 0;

	while (line > 0 && s[line - 1] != '\n')
		line--;
	i = end;
	while (i < c->len && s[i] == ' ')
		i++;
	if (c->len - i >= 3 && (memcmp(s + i, "\xe7\x94\xb5", 3) == 0 ||
	    memcmp(s + i, "\xe9\x9b\xbb", 3) == 0))
		return start - line <= DATES_DATELINE_LEAD * 2;
	if (start - line > DATES_DATELINE_LEAD || start - line < 4 ||
	    s[start - 1] != ' ' || (s[start - 2] != ',' && s[start - 2] != '.'))
		return 0;
	for (i = line; i + 2 < start; i++)
		if (s[i] == '.' || s[i] == ',' || (s[i] == ' ' && ++words > 2))
			return 0;
	for (i = end; i < c->len && i - end <= DATES_DATELINE_LEAD &&
	    s[i] != '\n' && (s[i] != '.' || i == end); i++)
		if (dates_dateline_end(s, c->len, i))
			return 1;
	return 0;
}

static void
dates_add(struct dates_ctx *c, int from, int to, const char *text, int relative)
{
	struct date_found *f;
	struct err e;

	c->out = xgrow(c->out, c->nout, &c->cap, sizeof *c->out);
	f = &c->out[c->nout];
	if (date_parse(text, &f->when, &e) != 0)
		return;
	f->start = c->t[from].start;
	f->end = c->t[to].end;
	f->relative = relative;
	f->sentence = c->t[from].sentence;
	f->dateline = dates_dateline(c, f->start, f->end);
	f->tense = c->tense == DATES_AHEAD ? 1 : c->tense == DATES_PAST ? -1 : 0;
	c->nout++;
}

static void
dates_add_days(struct dates_ctx *c, int from, int to, long a, long b, int rel)
{
	char x[11], y[11], text[32];

	date_format_days(a, x);
	date_format_days(b, y);
	if (a == b)
		snprintf(text, sizeof text, "%s", x);
	else
		snprintf(text, sizeof text, "%s..%s", x, y);
	dates_add(c, from, to, text, rel);
}

static void
dates_add_month(struct dates_ctx *c, int from, int to, int year, int month,
    int rel)
{
	char text[16];

	while (month < 1)
		month += 12, year--;
	while (month > 12)
		month -= 12, year++;
	snprintf(text, sizeof text, "%04d-%02d", year, month);
	dates_add(c, from, to, text, rel);
}

/* --- a day, a month, a year, and ranges of them ------------------------ */

#define DATES_NO_SHIFT 99

/* A date as written: any of day, month and year may be missing. */
struct dates_point {
	int from, to;           /* its tokens */
	int day, month, year;   /* 0 when not written */
	int shift;              /* "of this month", 本月: months from the
	                         * publication's; DATES_NO_SHIFT when none */
	int alone;              /* a day written to stand alone: "18日",
	                         * "18-го числа", "on the 18th" */
	int relative;           /* the year from the publication date */
	int month_alone;        /* a month without day or year: "in June",
	                         * "в апреле", "6月" */
};

static int
dates_month_at(const struct dates_ctx *c, int i)
{
	return i >= 0 && i < c->n ? c->t[i].month : 0;
}

static int
dates_day_at(const struct dates_ctx *c, int i)
{
	const struct dates_token *t = i >= 0 && i < c->n ? &c->t[i] : NULL;

	return t != NULL && t->number >= 1 && t->number <= 31 &&
	    (t->ordinal || t->digits <= 3) ? t->number : 0;
}

static int
dates_four_digits(const struct dates_ctx *c, int i)
{
	return i >= 0 && i < c->n && c->t[i].digits == 4 && c->t[i].number >= 1000 &&
	    c->t[i].number < 3000 && !c->t[i].ordinal ? c->t[i].number : 0;
}

/* A year after the token before it, in its sentence. */
static int
dates_year_at(const struct dates_ctx *c, int i)
{
	return dates_same(c, i) ? dates_four_digits(c, i) : 0;
}

/* "2022 года", "2022 г.", "2022 году": the word after a Russian year. */
static int
dates_year_word(const struct dates_ctx *c, int i)
{
	static const char *const words[] = { "года", "году", "год", "г", NULL };

	return dates_same(c, i) && dates_in(dates_w(c, i), words);
}

/* "this", "last", "next" (and Russian) as months or years from the
 * publication's, else DATES_NO_SHIFT. */
static int
dates_shift_word(const char *w)
{
	static const char *const last[] = { "прошл", "минувш", NULL };
	static const char *const now[] = {
		"this", "этот", "этой", "этом", "этого", "эту", NULL,
	};
	static const char *const next[] = { "следующ", "будущ", NULL };

	if (strcmp(w, "last") == 0 || dates_prefix(w, last))
		return -1;
	if (dates_in(w, now) || strncmp(w, "текущ", strlen("текущ")) == 0)
		return 0;
	if (strcmp(w, "next") == 0 || dates_prefix(w, next))
		return 1;
	return DATES_NO_SHIFT;
}

/* A year after a month: "2022", "2022 года", "of this year", "этого года";
 * returns the next token. */
static int
dates_point_year(const struct dates_ctx *c, int j, struct dates_point *p)
{
	int of = dates_is(c, j, "of") && dates_same(c, j), shift;

	if ((p->year = dates_year_at(c, j)) != 0)
		return j + 1 + dates_year_word(c, j + 1);
	shift = dates_same(c, j + of) ? dates_shift_word(dates_w(c, j + of)) :
	    DATES_NO_SHIFT;
	if (c->pub != DATE_NO_DAYS && shift >= -1 && shift <= 0 &&
	    dates_same(c, j + of + 1) && (dates_is(c, j + of + 1, "year") ||
	    dates_is(c, j + of + 1, "года"))) {
		p->year = c->py + shift;
		p->relative = 1;
		return j + of + 2;
	}
	return j;
}

/* "August 18, 2022", "Sept. 11", "June 2017", "August this year", "in
 * June", "в апреле". */
static int
dates_month_first(const struct dates_ctx *c, int i, struct dates_point *p)
{
	int j = i + 1;

	if ((p->month = dates_month_at(c, i)) == 0)
		return 0;
	if (dates_same(c, j) && (p->day = dates_day_at(c, j)) != 0)
		j++;
	j = dates_point_year(c, j, p);
	if (!p->day && !p->year) {
		p->month_alone = dates_same(c, i) && (dates_is(c, i - 1, "in") ||
		    dates_is(c, i - 1, "в") || dates_is(c, i - 1, "во"));
		p->to = i;
		return p->month_alone;
	}
	p->to = j - 1;
	return 1;
}

/* "of this month", "of next month": J past them, or J. */
static int
dates_of_month(const struct dates_ctx *c, int j, struct dates_point *p)
{
	int shift;

	if (!dates_is(c, j, "of") || !dates_same(c, j + 1) ||
	    !dates_same(c, j + 2) || !dates_is(c, j + 2, "month"))
		return j;
	if ((shift = dates_shift_word(dates_w(c, j + 1))) == DATES_NO_SHIFT)
		return j;
	p->shift = shift;
	return j + 3;
}

/* "18 August 2022", "18th of August", "18 августа", "18-го числа", "18th
 * of this month", or a day alone ("2" of "2 to 4 June"). */
static int
dates_day_first(const struct dates_ctx *c, int i, struct dates_point *p)
{
	static const char *const ru_ordinal[] = { "го", "е", "ого", "ое", NULL };
	int j = i + 1, k;

	if ((p->day = dates_day_at(c, i)) == 0)
		return 0;
	if (dates_dash(c, j) && dates_in(dates_w(c, j), ru_ordinal))
		j++;
	if (dates_same(c, j) && (dates_is(c, j, "числа") || dates_is(c, j, "число"))) {
		p->alone = 1;
		p->to = j;
		return 1;
	}
	k = j + (dates_is(c, j, "of") && c->t[i].ordinal);
	if (dates_same(c, k) && (p->month = dates_month_at(c, k)) != 0) {
		p->to = dates_point_year(c, k + 1, p) - 1;
		return 1;
	}
	if (c->t[i].ordinal && (k = dates_of_month(c, j, p)) != j) {
		p->to = k - 1;
		return 1;
	}
	p->to = i;
	return 1;
}

/* "今年8月", "去年": the year of the publication and after it J. */
static int
dates_zh_year(const struct dates_ctx *c, int j, struct dates_point *p)
{
	int shift = dates_is(c, j, "今") ? 0 : dates_is(c, j, "去") ? -1 :
	    dates_is(c, j, "明") ? 1 : DATES_NO_SHIFT;

	if (shift != DATES_NO_SHIFT && c->pub != DATE_NO_DAYS &&
	    dates_close(c, j + 1) && dates_is(c, j + 1, "年") &&
	    dates_close(c, j + 3) && dates_is(c, j + 3, "月")) {
		p->year = c->py + shift;
		p->relative = 1;
		return j + 2;
	}
	if (dates_four_digits(c, j) && dates_close(c, j + 1) &&
	    dates_is(c, j + 1, "年")) {
		p->year = c->t[j].number;
		return j + 2;
	}
	return j;
}

/* "本月", "上个月", "下月": the month's shift and after it J. */
static int
dates_zh_month_shift(const struct dates_ctx *c, int j, struct dates_point *p)
{
	int shift = dates_is(c, j, "本") || dates_is(c, j, "这") ? 0 :
	    dates_is(c, j, "上") ? -1 : dates_is(c, j, "下") ? 1 : DATES_NO_SHIFT;
	int k = j + 1;

	if (shift == DATES_NO_SHIFT)
		return j;
	if (dates_close(c, k) && dates_is(c, k, "个"))
		k++;
	if (!dates_close(c, k) || !dates_is(c, k, "月"))
		return j;
	p->shift = shift;
	return k + 1;
}

/* "2022年8月18日", "8月18日", "2022年8月", "本月18日", "18日", "8月21". */
static int
dates_zh_point(const struct dates_ctx *c, int i, struct dates_point *p)
{
	int j, k;

	if (!dates_han(c, i) && c->t[i].number < 0)
		return 0;
	j = dates_zh_year(c, i, p);
	if ((k = dates_zh_month_shift(c, j, p)) != j) {
		j = k;
	} else if (j < c->n && c->t[j].number >= 1 &&
	    c->t[j].number <= 12 && dates_close(c, j + 1) && dates_is(c, j + 1, "月") &&
	    (j == i || dates_close(c, j))) {
		p->month = c->t[j].number;
		j += 2;
	} else if (j != i) {
		return 0;
	}
	if (j < c->n && (j == i || dates_close(c, j)) && (p->day = dates_day_at(c, j))) {
		if (dates_close(c, j + 1) && (dates_is(c, j + 1, "日") ||
		    dates_is(c, j + 1, "号"))) {
			p->alone = !p->month && p->shift == DATES_NO_SHIFT;
			p->to = j + 1;
			return 1;
		}
		if (p->month && !c->t[j].ordinal) {
			p->to = j;
			return 1;
		}
		p->day = 0;
	}
	/* Not the end of a range of months, "1-2月", "1至2月": unread. */
	if (p->month && !p->year && i > 0 && (dates_dash(c, i) || ((dates_is(c, i - 1, "至") ||
	    dates_is(c, i - 1, "到")) && dates_close(c, i))))
		return 0;
	if (p->month && j - 1 > i) {
		p->month_alone = !p->year;
		p->to = j - 1;
		return 1;
	}
	return 0;
}

/* Exactly the character CH between token I - 1 and token I. */
static int
dates_joined_by(const struct dates_ctx *c, int i, char ch)
{
	return dates_same(c, i) && c->t[i].start == c->t[i - 1].end + 1 &&
	    c->text[c->t[i - 1].end] == ch;
}

/* Digits alone: "18.08.2022" (day first, as Russian writes it), and
 * "2022.08.18", "2022/8/18" (year first). */
static int
dates_numeric(const struct dates_ctx *c, int i, struct dates_point *p)
{
	int y, m, d;
	char sep;

	if (i + 2 >= c->n || c->t[i].number < 1 || c->t[i + 1].digits > 2 ||
	    c->t[i + 1].digits < 1)
		return 0;
	sep = c->t[i].end < c->len ? c->text[c->t[i].end] : 0;
	if ((sep != '.' && sep != '/') || !dates_joined_by(c, i + 1, sep) ||
	    !dates_joined_by(c, i + 2, sep))
		return 0;
	if ((y = dates_four_digits(c, i)) != 0) {
		m = c->t[i + 1].number, d = c->t[i + 2].number;
		if (c->t[i + 2].digits > 2)
			return 0;
	} else if (sep == '.' && c->t[i].digits <= 2 &&
	    (y = dates_four_digits(c, i + 2)) != 0) {
		d = c->t[i].number, m = c->t[i + 1].number;
	} else {
		return 0;
	}
	if (m < 1 || m > 12 || d < 1 || d > 31 || (i + 3 < c->n &&
	    dates_joined_by(c, i + 3, sep)))
		return 0;
	p->year = y, p->month = m, p->day = d;
	p->to = i + 2;
	return 1;
}

static int
dates_point_at(const struct dates_ctx *c, int i, struct dates_point *p)
{
	memset(p, 0, sizeof *p);
	p->from = i;
	p->shift = DATES_NO_SHIFT;
	if (i >= c->n)
		return 0;
	if (dates_numeric(c, i, p) || dates_zh_point(c, i, p))
		return 1;
	memset(p, 0, sizeof *p);
	p->from = i;
	p->shift = DATES_NO_SHIFT;
	return dates_month_first(c, i, p) || dates_day_first(c, i, p);
}

/* The month written last before token I in its sentence (and its year,
 * if written): "8月", "August", "августа". */
static void
dates_month_before(const struct dates_ctx *c, int i, struct dates_point *p)
{
	int k, s = c->t[i].sentence;

	for (k = i - 1; k >= 0 && k >= i - DATES_REACH && c->t[k].sentence == s; k--) {
		if (dates_is(c, k, "月") && k > 0 && c->t[k - 1].number >= 1 &&
		    c->t[k - 1].number <= 12 && dates_close(c, k)) {
			p->month = c->t[k - 1].number;
			if (k > 2 && dates_is(c, k - 2, "年") && dates_close(c, k - 1) &&
			    dates_year_at(c, k - 3))
				p->year = c->t[k - 3].number;
			return;
		}
		if ((p->month = dates_month_at(c, k)) != 0)
			return;
	}
}

/* A day with a month and no year: the next such day on or after the
 * publication date when its sentence looks ahead, the latest on or before
 * it when the sentence is past, else the nearest; a day within a week of
 * the publication date is that one. */
static long
dates_nearest(const struct dates_ctx *c, int month, int day, enum dates_cue tense)
{
	long before = DATE_NO_DAYS, after = DATE_NO_DAYS, d;
	int y;

	for (y = c->py - 1; y <= c->py + 1; y++) {
		if (day > date_days_in_month(y, month))
			continue;
		d = date_to_days(y, month, day);
		if (d <= c->pub && (before == DATE_NO_DAYS || d > before))
			before = d;
		if (d >= c->pub && (after == DATE_NO_DAYS || d < after))
			after = d;
	}
	if (before != DATE_NO_DAYS && c->pub - before <= DATES_NEAR_DAYS)
		return before;
	if (after != DATE_NO_DAYS && after - c->pub <= DATES_NEAR_DAYS)
		return after;
	if (tense == DATES_AHEAD || before == DATE_NO_DAYS)
		return after;
	if (tense == DATES_PAST || after == DATE_NO_DAYS)
		return before;
	return c->pub - before <= after - c->pub ? before : after;
}

/* A day alone ("18日", "on the 18th"): in the month of publication, or
 * the next month's when the sentence looks ahead and the day is well
 * past, or the month before's when the sentence is past and the day well
 * to come. */
static long
dates_day_alone(const struct dates_ctx *c, int day, enum dates_cue tense)
{
	int y = c->py, m = c->pm, near = abs(day - c->pd) <= DATES_NEAR_DAYS;

	if (tense == DATES_AHEAD && day < c->pd && !near)
		m++;
	else if (tense == DATES_PAST && day > c->pd && !near)
		m--;
	if (m < 1)
		m = 12, y--;
	if (m > 12)
		m = 1, y++;
	return day <= date_days_in_month(y, m) ? date_to_days(y, m, day) : DATE_NO_DAYS;
}

/* The first day of point P, DATE_NO_DAYS when it cannot be known. */
static long
dates_point_day(struct dates_ctx *c, struct dates_point *p, enum dates_cue tense)
{
	int y, m;

	if (p->month && p->year)
		return p->day <= date_days_in_month(p->year, p->month) ?
		    date_to_days(p->year, p->month, p->day) : DATE_NO_DAYS;
	if (c->pub == DATE_NO_DAYS)
		return DATE_NO_DAYS;
	p->relative = 1;
	if (p->month)
		return p->day <= date_days_in_month(c->py, p->month) ||
		    p->day <= 29 ? dates_nearest(c, p->month, p->day, tense) : DATE_NO_DAYS;
	if (p->shift != DATES_NO_SHIFT) {
		y = c->py, m = c->pm + p->shift;
		if (m < 1)
			m += 12, y--;
		if (m > 12)
			m -= 12, y++;
		return p->day <= date_days_in_month(y, m) ? date_to_days(y, m, p->day) :
		    DATE_NO_DAYS;
	}
	return dates_day_alone(c, p->day, tense);
}

/* What point B lacks from A and A from B: "2 to 4 June", "May 21-22",
 * "31 August – 1 September 2025", "18th and 19th of this month". */
static void
dates_merge(struct dates_point *a, struct dates_point *b)
{
	if (!a->month && a->shift == DATES_NO_SHIFT) {
		a->month = b->month;
		a->shift = b->shift;
		a->alone = b->alone;
	}
	if (!b->month && b->shift == DATES_NO_SHIFT) {
		b->month = a->month;
		b->shift = a->shift;
	}
	if (!a->year && b->year && a->month)
		a->year = b->year - (a->month > b->month);
	if (a->year && !b->year && b->month)
		b->year = a->year + (b->month < a->month);
}

/* A day written alone stands as a date only as "18日", "18-го числа",
 * or an ordinal after "the" or "on" before a comma or the sentence's end
 * ("on the 18th,", not "the 18th meeting"). */
static int
dates_alone(struct dates_ctx *c, struct dates_point *p)
{
	const struct dates_token *t = c->t;
	size_t after;

	if (p->alone || p->month || p->shift != DATES_NO_SHIFT)
		return 1;
	if (!t[p->from].ordinal || !(dates_is(c, p->from - 1, "the") ||
	    dates_is(c, p->from - 1, "on")))
		return 0;
	after = t[p->to].end;
	if (p->to + 1 < c->n && t[p->to + 1].sentence == t[p->to].sentence &&
	    (after >= c->len || strchr(",;:)", c->text[after]) == NULL))
		return 0;
	p->alone = 1;
	return 1;
}

static int
dates_connector(const struct dates_ctx *c, int j)
{
	static const char *const words[] = {
		"to", "through", "till", "until", "and", "по", "до", "и", "至",
		"到", NULL,
	};

	if (j >= c->n || !dates_same(c, j))
		return 0;
	if (dates_dash(c, j))
		return j;
	return dates_in(dates_w(c, j), words) ? j + 1 : 0;
}

/* Point A and, after it, B as one range; 0 when they are not one. */
static int
dates_range(struct dates_ctx *c, struct dates_point *a, struct dates_point *b)
{
	enum dates_cue tense;
	long x, y;
	int yy, ym, yd;

	if (!a->day || !b->day)
		return 0;
	dates_merge(a, b);
	if (!a->month && a->shift == DATES_NO_SHIFT && !b->alone)
		return 0;
	if (a->alone && !a->month && a->shift == DATES_NO_SHIFT)
		dates_month_before(c, a->from, a);
	if (a->month && !b->month && b->shift == DATES_NO_SHIFT)
		b->month = a->month, b->year = a->year;
	tense = dates_tense(c, a->from, b->to, 0);
	if ((x = dates_point_day(c, a, tense)) == DATE_NO_DAYS)
		return 0;
	date_from_days(x, &yy, &ym, &yd);
	/* B in A's year, or the next when its month is earlier (31 December
	 * to 2 January); a day alone in A's month. */
	if (!b->year && b->month)
		b->year = yy + (b->month < ym);
	if (!b->month)
		b->month = ym, b->year = yy;
	if ((y = dates_point_day(c, b, tense)) == DATE_NO_DAYS || y <= x ||
	    y - x > DATES_RANGE_DAYS)
		return 0;
	c->tense = tense;
	dates_add_days(c, a->from, b->to, x, y, a->relative || b->relative);
	return 1;
}

/* The year of a month written alone: this year's, or the next's when
 * the sentence looks ahead and the month is past, or the last's when the
 * sentence is past and the month to come; else the nearest. */
static int
dates_month_year(const struct dates_ctx *c, int month, enum dates_cue tense)
{
	int d = month - c->pm;

	if (d < 0 && (tense == DATES_AHEAD || (tense == DATES_NO_CUE && d < -6)))
		return c->py + 1;
	if (d > 0 && (tense == DATES_PAST || (tense == DATES_NO_CUE && d > 6)))
		return c->py - 1;
	return c->py;
}

/* A point alone: a day, or a month of a year. */
static void
dates_single(struct dates_ctx *c, struct dates_point *p)
{
	long d;

	c->tense = dates_tense(c, p->from, p->to, 0);
	if (!p->day) {
		if (p->month && p->year)
			dates_add_month(c, p->from, p->to, p->year, p->month, p->relative);
		else if (p->month_alone && c->pub != DATE_NO_DAYS)
			dates_add_month(c, p->from, p->to, dates_month_year(c, p->month,
			    c->tense), p->month, 1);
		return;
	}
	if (!dates_alone(c, p))
		return;
	if (!p->month && p->shift == DATES_NO_SHIFT)
		dates_month_before(c, p->from, p);
	if ((d = dates_point_day(c, p, c->tense)) != DATE_NO_DAYS)
		dates_add_days(c, p->from, p->to, d, d, p->relative);
}

/* The end of a range as a day alone, and the year after it: "3, 2024"
 * of "April 2-3, 2024". */
static int
dates_range_end(const struct dates_ctx *c, int j, struct dates_point *b)
{
	if (!dates_point_at(c, j, b) || !b->day)
		return 0;
	if (!b->month && !b->year && b->shift == DATES_NO_SHIFT &&
	    (b->year = dates_year_at(c, b->to + 1)) != 0)
		b->to += 1 + dates_year_word(c, b->to + 2);
	return 1;
}

/* A date or a range of them at token I; returns the tokens used, 0 when
 * none is there. */
static int
dates_span(struct dates_ctx *c, int i)
{
	struct dates_point a, b;
	int j;

	if (!dates_point_at(c, i, &a))
		return 0;
	if (a.day && (j = dates_connector(c, a.to + 1)) != 0 &&
	    dates_range_end(c, j, &b) && dates_range(c, &a, &b))
		return b.to + 1 - i;
	dates_point_at(c, i, &a);
	dates_single(c, &a);
	return a.to + 1 - i;
}

/* The connector of a range of months after token K - 1 ("-", "至",
 * "到"): the token of the second month, or 0. */
static int
dates_zh_month_to(const struct dates_ctx *c, int k)
{
	if (dates_dash(c, k))
		return k;
	if ((dates_is(c, k, "至") || dates_is(c, k, "到")) && dates_close(c, k) &&
	    dates_close(c, k + 1))
		return k + 1;
	return 0;
}

/* A range of months in Chinese: "1-2月", "1至2月", "1月至2月", "2018年1月
 * 至3月" ("1-2月份"); returns the tokens used, 0 when none is there. */
static int
dates_zh_months(struct dates_ctx *c, int i)
{
	struct dates_point p;
	char text[64];
	int j, k, a, b, year;

	memset(&p, 0, sizeof p);
	j = dates_zh_year(c, i, &p);
	if (j >= c->n || (a = c->t[j].number) < 1 || a > 12 || c->t[j].ordinal ||
	    (j > i && !dates_close(c, j)))
		return 0;
	k = j + 1;
	if (dates_close(c, k) && dates_is(c, k, "月"))
		k++;
	if ((k = dates_zh_month_to(c, k)) == 0 || (b = c->t[k].number) <= a ||
	    b > 12 || !dates_close(c, k + 1) || !dates_is(c, k + 1, "月"))
		return 0;
	c->tense = dates_tense(c, i, k + 1, 0);
	if ((year = p.year) == 0) {
		if (c->pub == DATE_NO_DAYS)
			return 0;
		year = dates_month_year(c, a, c->tense);
	}
	snprintf(text, sizeof text, "%04d-%02d..%04d-%02d", year, a, year, b);
	dates_add(c, i, k + 1, text, p.year == 0);
	return k + 2 - i;
}

/* --- weekdays --------------------------------------------------------- */

/* "周一", "星期二", "礼拜日" at I, with "上", "下", "本" before: the
 * weekday, *WEEK the weeks from the publication's (DATES_NO_SHIFT when
 * not written) and *END the last token. */
static int
dates_weekday_zh(const struct dates_ctx *c, int i, int *week, int *end)
{
	int j = i, wd;

	if (!dates_han(c, i))
		return -1;
	*week = dates_is(c, j, "上") ? -1 : dates_is(c, j, "下") ? 1 :
	    dates_is(c, j, "本") || dates_is(c, j, "这") ? 0 : DATES_NO_SHIFT;
	if (*week != DATES_NO_SHIFT && !dates_close(c, ++j))
		return -1;
	/* 周 after a number is a count of weeks ("20周年"). */
	if (dates_is(c, j, "周") && !(dates_close(c, j) && c->t[j - 1].number >= 0))
		j++;
	else if (((dates_is(c, j, "星") && dates_is(c, j + 1, "期")) ||
	    (dates_is(c, j, "礼") && dates_is(c, j + 1, "拜"))) && dates_close(c, j + 1))
		j += 2;
	else
		return -1;
	if (!dates_close(c, j))
		return -1;
	if (dates_is(c, j, "日") || dates_is(c, j, "天"))
		wd = 6;
	else if (c->t[j].number >= 1 && c->t[j].number <= 6 && c->t[j].digits == 1)
		wd = c->t[j].number - 1;
	else
		return -1;
	*end = j;
	return wd;
}

/* A weekday at I: "Monday", "в понедельник", "周一", "上周三"; "Thursday
 * and Friday" a range; after "last" or "next" ("в прошлый вторник"),
 * never the publication's own day: "last Tuesday" written on a Tuesday
 * is a week before. Returns the tokens used, 0 when none. */
static int
dates_weekday(struct dates_ctx *c, int i)
{
	int wd, wd2, week = DATES_NO_SHIFT, end = i, pw = date_weekday(c->pub);
	int shift = DATES_NO_SHIFT;
	long d;

	if (c->pub == DATE_NO_DAYS)
		return 0;
	if ((wd = c->t[i].weekday) < 0 &&
	    (wd = dates_weekday_zh(c, i, &week, &end)) < 0)
		return 0;
	c->tense = dates_tense(c, i, end, 1);
	if (week == DATES_NO_SHIFT && dates_close(c, i))
		shift = dates_shift_word(dates_w(c, i - 1));
	if (week != DATES_NO_SHIFT)
		d = c->pub - pw + 7 * week + wd;
	else if (shift == -1 || shift == 1)
		d = c->pub + shift * ((shift * (wd - pw) + 6) % 7 + 1);
	else if (c->tense == DATES_AHEAD)
		d = c->pub + (wd - pw + 7) % 7;
	else
		d = c->pub - (pw - wd + 7) % 7;
	if (week == DATES_NO_SHIFT && dates_is(c, end + 1, "and") &&
	    end + 2 < c->n && (wd2 = c->t[end + 2].weekday) > wd) {
		dates_add_days(c, i, end + 2, d, d + (wd2 - wd), 1);
		return end + 3 - i;
	}
	dates_add_days(c, i, end, d, d, 1);
	return end + 1 - i;
}

/* --- relative words --------------------------------------------------- */

/* "today", "вчера", "昨天", "今日": days from the publication, or 99. */
static int
dates_day_word(const struct dates_ctx *c, int i, int *used)
{
	static const char *const en[] = { "yesterday", "today", "tomorrow", NULL };
	static const char *const ru[] = {
		"позавчера", "вчера", "сегодня", "завтра", "послезавтра", NULL,
	};
	static const char *const zh[] = { "前", "昨", "今", "明", NULL };
	int k;

	*used = 1;
	if (!dates_han(c, i)) {
		for (k = 0; en[k] != NULL; k++)
			if (dates_is(c, i, en[k]))
				return k - 1;
		for (k = 0; ru[k] != NULL; k++)
			if (dates_is(c, i, ru[k]))
				return k - 2;
		return 99;
	}
	for (k = 0; zh[k] != NULL; k++)
		if (dates_is(c, i, zh[k]) && dates_close(c, i + 1) &&
		    (dates_is(c, i + 1, "天") || (k > 0 && dates_is(c, i + 1, "日")))) {
			*used = 2;
			return k - 2;
		}
	return 99;
}

/* "Накануне в Москве": the day before the publication; not "накануне
 * саммита", the eve of something named. */
static int
dates_eve(const struct dates_ctx *c, int i)
{
	static const char *const after[] = { "в", "во", "на", "с", "со", "у", NULL };

	if (!dates_is(c, i, "накануне"))
		return 99;
	if (!dates_same(c, i + 1) || dates_in(dates_w(c, i + 1), after) ||
	    memchr(c->text + c->t[i].end, ',', c->t[i + 1].start - c->t[i].end) != NULL)
		return -1;
	return 99;
}

/* A week, a month or a year as unit 0, 1, 2, else -1: "week", "неделе",
 * "месяце", "году". */
static int
dates_unit(const char *w)
{
	static const char *const units[][5] = {
		{ "week", "неделе", "неделю", "недели", NULL },
		{ "month", "месяце", "месяц", "месяца", NULL },
		{ "year", "году", "год", "года", NULL },
	};
	int u;

	for (u = 0; u < 3; u++)
		if (dates_in(w, units[u]))
			return u;
	return -1;
}

/* "上周", "本周", "下星期", "今年", "去年", "上个月", "本月": the
 * shift, the unit and *END the last token, or -1. */
static int
dates_unit_zh(const struct dates_ctx *c, int i, int *shift, int *end)
{
	int j = i + 1;

	if (!dates_han(c, i))
		return -1;
	*shift = dates_is(c, i, "上") || dates_is(c, i, "去") ? -1 :
	    dates_is(c, i, "下") || dates_is(c, i, "明") ? 1 :
	    dates_is(c, i, "本") || dates_is(c, i, "这") || dates_is(c, i, "今") ? 0 :
	    DATES_NO_SHIFT;
	if (*shift == DATES_NO_SHIFT || !dates_close(c, j))
		return -1;
	if (dates_is(c, j, "年") && (dates_is(c, i, "今") || dates_is(c, i, "去") ||
	    dates_is(c, i, "明"))) {
		*end = j;
		return 2;
	}
	if (dates_is(c, i, "今") || dates_is(c, i, "去") || dates_is(c, i, "明"))
		return -1;
	if (dates_is(c, j, "周") || (dates_is(c, j, "星") && dates_is(c, j + 1, "期"))) {
		*end = j + dates_is(c, j, "星");
		return 0;
	}
	if (dates_is(c, j, "个") && dates_close(c, j + 1))
		j++;
	if (dates_is(c, j, "月")) {
		*end = j;
		return 1;
	}
	return -1;
}

static void
dates_add_unit(struct dates_ctx *c, int from, int to, int unit, int shift)
{
	char text[16];
	long mon;

	if (unit == 0) {
		mon = c->pub - date_weekday(c->pub) + 7 * shift;
		dates_add_days(c, from, to, mon, mon + 6, 1);
	} else if (unit == 1) {
		dates_add_month(c, from, to, c->py, c->pm + shift, 1);
	} else {
		snprintf(text, sizeof text, "%04d", c->py + shift);
		dates_add(c, from, to, text, 1);
	}
}

/* "last week", "this year", "earlier this year", "вчера", "на прошлой
 * неделе", "上个月"...; returns the tokens used, 0 when none. */
static int
dates_relative(struct dates_ctx *c, int i)
{
	const char *a = dates_w(c, i), *b = dates_w(c, i + 1), *d = dates_w(c, i + 2);
	int shift, unit, used, end;

	if (c->pub == DATE_NO_DAYS || c->t[i].number >= 0 || a[0] == '~')
		return 0;
	c->tense = DATES_NO_CUE;
	if ((strcmp(a, "earlier") == 0 || strcmp(a, "later") == 0) &&
	    strcmp(b, "this") == 0 && strcmp(d, "year") == 0) {
		if (a[0] == 'e')
			dates_add_days(c, i, i + 2, date_to_days(c->py, 1, 1), c->pub, 1);
		else
			dates_add_days(c, i, i + 2, c->pub, date_to_days(c->py, 12, 31), 1);
		return 3;
	}
	if ((shift = dates_day_word(c, i, &used)) != 99 || (shift = dates_eve(c, i)) != 99) {
		dates_add_days(c, i, i + used - 1, c->pub + shift, c->pub + shift, 1);
		return used;
	}
	if ((unit = dates_unit_zh(c, i, &shift, &end)) >= 0) {
		dates_add_unit(c, i, end, unit, shift);
		return end + 1 - i;
	}
	shift = dates_shift_word(a);
	if (shift == DATES_NO_SHIFT || !dates_same(c, i + 1) || (unit = dates_unit(b)) < 0)
		return 0;
	dates_add_unit(c, i, i + 1, unit, shift);
	return 2;
}

int
dates_find(const char *text, size_t len, const char *published,
    struct date_found **out)
{
	struct dates_token *t;
	struct dates_ctx c = {
		.text = text, .len = len, .pub = date_parse_days(published),
	};
	int i, used;

	if (c.pub != DATE_NO_DAYS)
		date_from_days(c.pub, &c.py, &c.pm, &c.pd);
	c.n = dates_tokens(text, len, &t);
	dates_classify(text, len, t, c.n);
	c.t = t;
	for (i = 0; i < c.n; i += used) {
		c.tense = DATES_NO_CUE;
		if (t[i].iso) {
			dates_add(&c, i, i, t[i].word, 0);
			used = 1;
		} else if ((used = dates_zh_months(&c, i)) == 0 &&
		    (used = dates_span(&c, i)) == 0 &&
		    (used = dates_weekday(&c, i)) == 0) {
			used = dates_relative(&c, i);
			used = used ? used : 1;
		}
	}
	free(t);
	*out = c.out;
	return c.nout;
}
