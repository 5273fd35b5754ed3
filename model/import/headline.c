/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <string.h>

#include "scotl/headline.h"
#include "scotl/util.h"

/* Measured on 56 real SCO articles (bench/bench-texts.sh): the longest
 * headline ran to 19 words and 141 characters, leads from 130 characters
 * up, all ending in a full stop. A line past either limit is a paragraph
 * whatever it ends with; below them, how it ends decides. Chinese counts
 * two columns a character, as a terminal shows it. */
#define HEADLINE_MAX_WORDS 25
#define HEADLINE_MAX_COLUMNS 160
/* A made title wider than this is cut at a word. */
#define HEADLINE_MADE_COLUMNS 100
/* A first sentence of at most this many words whose first word is in
 * capitals is a dateline: "ТАШКЕНТ, 22 фев — Sputnik." */
#define HEADLINE_DATELINE_WORDS 8

/* The code point at S[I] (0xfffd where it is not valid UTF-8) and the
 * index after it. */
static size_t
headline_next(const char *s, size_t len, size_t i, unsigned long *cp)
{
	size_t n = util_utf8_decode(s + i, len - i, cp);

	if (n == 0) {
		*cp = 0xfffd;
		n = 1;
	}
	return i + n;
}

/* The index where the code point before S[I] starts. */
static size_t
headline_prev(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xc0) == 0x80)
		;
	return i;
}

static int
headline_wide(unsigned long cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

static int
headline_space(unsigned long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xa0 ||
	    cp == 0x3000;
}

/* Latin, Greek and Cyrillic letters: words an abbreviation is made of. */
static int
headline_letter(unsigned long cp)
{
	return (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
	    (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x370 && cp <= 0x52f);
}

static int
headline_upper(unsigned long cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0x400 && cp <= 0x42f);
}

/* Quotes and brackets that may close a sentence after its full stop. */
static int
headline_closer(unsigned long cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == 0x201d || cp == 0x2019 || cp == 0xbb || cp == 0x300d ||
	    cp == 0x300f || cp == 0xff09 || cp == 0x3011;
}

/* A full stop at S[DOT] after an initial or a short abbreviation ("U.S.",
 * "Р.", "2018 г.", "Inc.") ends no sentence; after "..." neither: that
 * is an ellipsis. */
static int
headline_abbreviation(const char *s, size_t dot)
{
	static const char *const words[] = {
		"Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "St", "Mr", "Mrs", "Ms",
		"Dr", "No", "vs", "Gen", "Col", "Prof",
	};
	size_t start = dot, i;
	unsigned long cp;
	int letters = 0;

	while (start > 0) {
		i = headline_prev(s, start);
		headline_next(s, dot, i, &cp);
		if (!headline_letter(cp))
			break;
		start = i;
		letters++;
	}
	if (letters == 0)
		return dot >= 2 && s[dot - 1] == '.' && s[dot - 2] == '.';
	if (letters == 1)
		return 1;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == dot - start &&
		    strncmp(s + start, words[i], dot - start) == 0)
			return 1;
	return 0;
}

/* Whether S[I], a full stop of either script, ends a sentence. */
static int
headline_full_stop(const char *s, size_t i, unsigned long cp)
{
	return cp == 0x3002 || cp == 0xff0e ||
	    (cp == '.' && !headline_abbreviation(s, i));
}

int
headline_is_title(const char *line, size_t len)
{
	size_t i = 0, cols = 0, last = 0, at = 0;
	unsigned long cp, end = 0;
	int words = 0, in_word = 0;

	while (i < len) {
		at = i;
		i = headline_next(line, len, i, &cp);
		cols += headline_wide(cp) ? 2 : 1;
		if (headline_space(cp)) {
			in_word = 0;
			continue;
		}
		words += !in_word;
		in_word = 1;
		if (!headline_closer(cp)) {
			end = cp;
			last = at;
		}
	}
	if (words > HEADLINE_MAX_WORDS || cols > HEADLINE_MAX_COLUMNS)
		return 0;
	return !(end != 0 && headline_full_stop(line, last, end));
}

/* The index after the first sentence of S[0..LEN): after its full stop,
 * ? or ! and the quotes that close it, or at the end of its line. */
static size_t
headline_sentence(const char *s, size_t len)
{
	size_t i = 0, at, after;
	unsigned long cp, nx;

	while (i < len && s[i] != '\n') {
		at = i;
		i = headline_next(s, len, i, &cp);
		if (cp == 0x3002 || cp == 0xff01 || cp == 0xff1f)
			return i;
		if (cp != '.' && cp != '!' && cp != '?')
			continue;
		for (after = i; after < len; after = headline_next(s, len, after,
		    &nx)) {
			headline_next(s, len, after, &nx);
			if (!headline_closer(nx))
				break;
		}
		if ((after == len || headline_space((unsigned char)s[after])) &&
		    (cp != '.' || !headline_abbreviation(s, at)))
			return after;
	}
	return i;
}

/* Whether S[0..LEN), a first sentence, is a dateline: a few words, the
 * first in capitals ("TASHKENT.", "МОСКВА, 19 мая - РИА Новости."). */
static int
headline_dateline(const char *s, size_t len)
{
	size_t i = 0;
	unsigned long cp;
	int words = 0, in_word = 0, caps = 0;

	while (i < len) {
		i = headline_next(s, len, i, &cp);
		if (headline_space(cp)) {
			in_word = 0;
			continue;
		}
		words += !in_word;
		in_word = 1;
		if (words == 1 && headline_letter(cp)) {
			if (!headline_upper(cp))
				return 0;
			caps++;
		}
	}
	return caps >= 2 && words <= HEADLINE_DATELINE_WORDS;
}

/* LEN without the spaces and the commas, colons and dashes at the end
 * of S[0..LEN), of either script: a cut title ends in a word. */
static size_t
headline_trim(const char *s, size_t len)
{
	static const char *const marks[] = {
		" ", ",", ";", ":", "-", "\xef\xbc\x8c", "\xe3\x80\x81",
		"\xef\xbc\x9b", "\xef\xbc\x9a", "\xe2\x80\x94", "\xe2\x80\x93",
	};
	size_t i, n;

	for (i = 0; i < sizeof marks / sizeof *marks; i++) {
		n = strlen(marks[i]);
		if (len >= n && memcmp(s + len - n, marks[i], n) == 0)
			return headline_trim(s, len - n);
	}
	return len;
}

/* S[0..LEN) cut to HEADLINE_MADE_COLUMNS at its last space past the half,
 * else between characters (Chinese has no spaces), with an ellipsis. */
static void
headline_cut(const char *s, size_t len, struct buf *out)
{
	size_t i = 0, at, cols = 0, space = 0;
	unsigned long cp;

	while (i < len) {
		at = i;
		i = headline_next(s, len, i, &cp);
		cols += headline_wide(cp) ? 2 : 1;
		if (cols > HEADLINE_MADE_COLUMNS - 1) {
			len = space > 0 ? space : at;
			len = headline_trim(s, len);
			buf_add(out, s, len);
			buf_adds(out, "\xe2\x80\xa6");
			return;
		}
		if (cp == ' ' && cols > HEADLINE_MADE_COLUMNS / 2)
			space = at;
	}
	buf_add(out, s, len);
}

char *
headline_make(const char *text)
{
	const char *s = text + strspn(text, " \t\n");
	size_t len = strlen(s), end = headline_sentence(s, len), next;
	struct buf b;

	next = end + strspn(s + end, " \t");
	if (next < len && s[next] != '\n' && headline_dateline(s, end)) {
		s += next;
		len -= next;
		end = headline_sentence(s, len);
	}
	/* The full stop goes; ? and ! say something. */
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end > 1 && s[end - 1] == '.')
		end--;
	else if (end > 3 && memcmp(s + end - 3, "\xe3\x80\x82", 3) == 0)
		end -= 3;
	buf_init(&b);
	headline_cut(s, end, &b);
	return buf_steal(&b);
}
