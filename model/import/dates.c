/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scotl/dates.h"

#define DATES_WORD 32

struct dates_token {
	size_t start, end;
	char word[DATES_WORD];  /* lower case, look-alikes read as Latin */
	int number;             /* the value when all digits, else -1 */
	int iso;                /* YYYY-MM-DD */
	int sentence;
};

/* Cyrillic and Greek letters that look like Latin ones (scotl/dates.h). */
char
dates_lookalike(unsigned long cp)
{
	static const struct {
		unsigned long cp;
		char latin;
	} map[] = {
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
	size_t i;

	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].cp == cp)
			return map[i].latin;
	return 0;
}

static int
dates_letter(unsigned long cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= '0' && cp <= '9') || (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 &&
	    cp != 0xf7) || (cp >= 0x370 && cp <= 0x4ff);
}

static int
dates_sentence_end(const char *s, size_t len, size_t i)
{
	if (s[i] == '\n' && i + 1 < len && s[i + 1] == '\n')
		return 1;
	return (s[i] == '.' || s[i] == '!' || s[i] == '?') &&
	    (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\n');
}

/* Words and numbers with their places; "2025-06-25" is one token. */
static int
dates_tokens(const char *s, size_t len, struct dates_token **out)
{
	struct dates_token *t = NULL, *tok;
	int n = 0, cap = 0, sentence = 0, k;
	unsigned long cp;
	size_t i = 0, step;

	while (i < len) {
		step = util_utf8_decode(s + i, len - i, &cp);
		if (step == 0)
			step = 1, cp = 0xfffd;
		if (dates_sentence_end(s, len, i))
			sentence++;
		if (!dates_letter(cp)) {
			i += step;
			continue;
		}
		t = xgrow(t, n, &cap, sizeof *t);
		tok = &t[n++];
		memset(tok, 0, sizeof *tok);
		tok->start = i;
		tok->sentence = sentence;
		k = 0;
		while (i < len) {
			step = util_utf8_decode(s + i, len - i, &cp);
			if (step == 0 || !dates_letter(cp)) {
				/* YYYY-MM-DD stays whole */
				if (k == 4 && tok->word[0] >= '0' && tok->word[0] <= '9' &&
				    i + 5 < len && s[i] == '-' && s[i + 3] == '-' &&
				    strspn(s + i + 1, "0123456789") >= 2 &&
				    strspn(s + i + 4, "0123456789") >= 2 &&
				    strspn(tok->word, "0123456789") == 4) {
					memcpy(tok->word + 4, s + i, 6);
					k = 10;
					i += 6;
					tok->iso = 1;
				}
				break;
			}
			if (k < DATES_WORD - 1) {
				char c = cp < 0x80 ? (char)cp : dates_lookalike(cp);

				tok->word[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') :
				    c ? c : '?';
			}
			i += step;
		}
		tok->word[k] = '\0';
		tok->end = i;
		tok->number = strspn(tok->word, "0123456789") == strlen(tok->word) &&
		    k <= 4 ? atoi(tok->word) : -1;
	}
	*out = t;
	return n;
}

static int
dates_month(const char *w)
{
	static const char *const names[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
	};
	static const char *const abbr[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
		"oct", "nov", "dec",
	};
	int i;

	for (i = 0; i < 12; i++)
		if (strcmp(w, names[i]) == 0 || strcmp(w, abbr[i]) == 0 ||
		    (i == 8 && strcmp(w, "sept") == 0))
			return i + 1;
	return 0;
}

static int
dates_weekday(const char *w)
{
	static const char *const names[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday",
	};
	int i;

	for (i = 0; i < 7; i++)
		if (strcmp(w, names[i]) == 0)
			return i;
	return -1;
}

/* Whether the words around a date speak of what is ahead: "will stay
 * until May 20", not "On Saturday, the delegation arrived ... and will
 * stay": only the three words either side count. */
static int
dates_ahead(const struct dates_token *t, int n, int at)
{
	int i, sentence = t[at].sentence;

	for (i = at - 3 > 0 ? at - 3 : 0; i < n && i <= at + 3; i++)
		if (t[i].sentence == sentence && (strcmp(t[i].word, "will") == 0 ||
		    strcmp(t[i].word, "until") == 0 || strcmp(t[i].word, "next") == 0 ||
		    strcmp(t[i].word, "upcoming") == 0 || strcmp(t[i].word, "tomorrow") == 0))
			return 1;
	return 0;
}

struct dates_ctx {
	const struct dates_token *t;
	int n;
	long pub;               /* days, -1 when unknown */
	struct date_found *out;
	int nout, cap;
};

static const char *
dates_w(const struct dates_ctx *c, int i)
{
	return i >= 0 && i < c->n ? c->t[i].word : "";
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

/* A day and month without a year: the nearest one before the
 * publication date, or after it when the sentence looks ahead. */
static void
dates_day_month(struct dates_ctx *c, int from, int to, int month, int day,
    int year)
{
	int py, pm, pd;
	long d;

	if (day < 1 || day > 31)
		return;
	if (year > 0) {
		if (day <= date_days_in_month(year, month))
			dates_add_days(c, from, to, date_to_days(year, month, day),
			    date_to_days(year, month, day), 0);
		return;
	}
	if (c->pub == DATE_NO_DAYS)
		return;
	date_from_days(c->pub, &py, &pm, &pd);
	if (day > date_days_in_month(py, month))
		return;
	d = date_to_days(py, month, day);
	if (dates_ahead(c->t, c->n, from)) {
		if (d < c->pub)
			d = date_to_days(py + 1, month, day);
	} else if (d > c->pub) {
		d = date_to_days(py - 1, month, day);
	}
	dates_add_days(c, from, to, d, d, 1);
}

static long
dates_weekday_day(struct dates_ctx *c, int wd, int at)
{
	int pw = date_weekday(c->pub);

	if (dates_ahead(c->t, c->n, at))
		return c->pub + (wd - pw + 7) % 7;
	return c->pub - (pw - wd + 7) % 7;
}

/* "last week", "this year", "earlier this year"...; returns the tokens
 * used, 0 when none. */
static int
dates_relative(struct dates_ctx *c, int i)
{
	const char *a = dates_w(c, i), *b = dates_w(c, i + 1), *d = dates_w(c, i + 2);
	int py, pm, pd, shift;
	char text[32];
	long mon;

	if (c->pub == DATE_NO_DAYS)
		return 0;
	date_from_days(c->pub, &py, &pm, &pd);
	if ((strcmp(a, "earlier") == 0 || strcmp(a, "later") == 0) &&
	    strcmp(b, "this") == 0 && strcmp(d, "year") == 0) {
		if (a[0] == 'e')
			dates_add_days(c, i, i + 2, date_to_days(py, 1, 1), c->pub, 1);
		else
			dates_add_days(c, i, i + 2, c->pub, date_to_days(py, 12, 31), 1);
		return 3;
	}
	if (strcmp(a, "today") == 0 || strcmp(a, "yesterday") == 0 ||
	    strcmp(a, "tomorrow") == 0) {
		shift = a[0] == 't' ? (a[2] == 'd' ? 0 : 1) : -1;
		dates_add_days(c, i, i, c->pub + shift, c->pub + shift, 1);
		return 1;
	}
	shift = strcmp(a, "last") == 0 ? -1 : strcmp(a, "this") == 0 ? 0 :
	    strcmp(a, "next") == 0 ? 1 : 99;
	if (shift == 99)
		return 0;
	if (strcmp(b, "week") == 0) {
		mon = c->pub - date_weekday(c->pub) + 7 * shift;
		dates_add_days(c, i, i + 1, mon, mon + 6, 1);
		return 2;
	}
	if (strcmp(b, "month") == 0) {
		pm += shift;
		if (pm < 1)
			pm += 12, py--;
		if (pm > 12)
			pm -= 12, py++;
		snprintf(text, sizeof text, "%04d-%02d", py, pm);
		dates_add(c, i, i + 1, text, 1);
		return 2;
	}
	if (strcmp(b, "year") == 0) {
		snprintf(text, sizeof text, "%04d", py + shift);
		dates_add(c, i, i + 1, text, 1);
		return 2;
	}
	return 0;
}

/* A month name and what follows it: a day, a year, "of this year". */
static int
dates_from_month(struct dates_ctx *c, int i, int month)
{
	const struct dates_token *t = c->t;
	int py = 0, pm, pd, j = i + 1, of;
	char text[32];

	if (j < c->n && t[j].sentence == t[i].sentence && t[j].number >= 1 &&
	    t[j].number <= 31 && strlen(t[j].word) <= 2) {
		if (j + 1 < c->n && t[j + 1].number >= 1000 &&
		    t[j + 1].sentence == t[i].sentence) {
			dates_day_month(c, i, j + 1, month, t[j].number, t[j + 1].number);
			return 3;
		}
		dates_day_month(c, i, j, month, t[j].number, 0);
		return 2;
	}
	if (j < c->n && t[j].number >= 1000 && t[j].sentence == t[i].sentence) {
		snprintf(text, sizeof text, "%04d-%02d", t[j].number, month);
		dates_add(c, i, j, text, 0);
		return 2;
	}
	of = strcmp(dates_w(c, j), "of") == 0;
	if (c->pub >= 0 && (strcmp(dates_w(c, j + of), "this") == 0 ||
	    strcmp(dates_w(c, j + of), "last") == 0) &&
	    strcmp(dates_w(c, j + of + 1), "year") == 0) {
		date_from_days(c->pub, &py, &pm, &pd);
		py -= dates_w(c, j + of)[0] == 'l';
		snprintf(text, sizeof text, "%04d-%02d", py, month);
		dates_add(c, i, j + of + 1, text, 1);
		return 2 + of + 1;
	}
	return 1;
}

int
dates_find(const char *text, size_t len, const char *published,
    struct date_found **out)
{
	struct dates_token *t;
	struct dates_ctx c = { .pub = date_parse_days(published) };
	int i, used, m, wd, wd2;

	c.n = dates_tokens(text, len, &t);
	c.t = t;
	for (i = 0; i < c.n; i += used) {
		used = 1;
		if (t[i].iso) {
			dates_add(&c, i, i, t[i].word, 0);
		} else if (t[i].number >= 1 && t[i].number <= 31 &&
		    strlen(t[i].word) <= 2 && (m = dates_month(dates_w(&c, i + 1))) &&
		    t[i + 1].sentence == t[i].sentence) {
			int year = i + 2 < c.n && t[i + 2].number >= 1000 &&
			    t[i + 2].sentence == t[i].sentence ? t[i + 2].number : 0;

			dates_day_month(&c, i, i + 1 + (year > 0), m, t[i].number, year);
			used = 2 + (year > 0);
		} else if ((m = dates_month(t[i].word)) && (strcmp(t[i].word, "may") != 0 ||
		    (t[i].start < len && text[t[i].start] == 'M'))) {
			/* "may" is a month only with a capital. */
			used = dates_from_month(&c, i, m);
		} else if ((wd = dates_weekday(t[i].word)) >= 0 && c.pub >= 0) {
			long d = dates_weekday_day(&c, wd, i);

			/* "on Thursday and Friday": a range. */
			if (strcmp(dates_w(&c, i + 1), "and") == 0 &&
			    (wd2 = dates_weekday(dates_w(&c, i + 2))) > wd) {
				dates_add_days(&c, i, i + 2, d, d + (wd2 - wd), 1);
				used = 3;
			} else {
				dates_add_days(&c, i, i, d, d, 1);
			}
		} else {
			used = dates_relative(&c, i);
			used = used ? used : 1;
		}
	}
	free(t);
	*out = c.out;
	return c.nout;
}
