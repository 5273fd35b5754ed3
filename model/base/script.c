/* SPDX-License-Identifier: ISC */
#include "config.h"

#include "scotl/script.h"
#include "scotl/util.h"

static const struct {
	unsigned long first, last;
} script_unspaced_ranges[] = {
	{ 0x0e00, 0x0eff },     /* Thai, Lao */
	{ 0x1000, 0x109f },     /* Myanmar */
	{ 0x1100, 0x11ff },     /* Hangul Jamo */
	{ 0x1780, 0x17ff },     /* Khmer */
	{ 0x2e80, 0x2fdf },     /* CJK and Kangxi radicals */
	{ 0x3040, 0x31ff },     /* kana, Bopomofo, Hangul jamo, strokes */
	{ 0x3400, 0x4dbf },     /* CJK extension A */
	{ 0x4e00, 0x9fff },     /* CJK unified ideographs */
	{ 0xa960, 0xa97f },     /* Hangul Jamo extended A */
	{ 0xac00, 0xd7ff },     /* Hangul syllables, Jamo extended B */
	{ 0xf900, 0xfaff },     /* CJK compatibility ideographs */
	{ 0xff66, 0xff9f },     /* half-width katakana */
	{ 0x20000, 0x3ffff },   /* CJK extensions B and on */
};

int
script_unspaced(unsigned long cp)
{
	size_t i;

	for (i = 0; i < sizeof script_unspaced_ranges /
	    sizeof *script_unspaced_ranges; i++)
		if (cp >= script_unspaced_ranges[i].first &&
		    cp <= script_unspaced_ranges[i].last)
			return 1;
	return 0;
}

int
script_has_unspaced(const char *s, size_t n)
{
	unsigned long cp;
	size_t i = 0, k;

	while (i < n) {
		/* Only a lead byte of three or four starts such a letter. */
		if ((unsigned char)s[i] < 0xe0) {
			i++;
			continue;
		}
		k = util_utf8_decode(s + i, n - i, &cp);
		if (k > 0 && script_unspaced(cp))
			return 1;
		i += k ? k : 1;
	}
	return 0;
}

size_t
script_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Latin Extended-A pairs its capitals with the next code point: even
 * ones up to U+0137 and from U+014A, odd ones in U+0139-U+0148 and
 * from U+0179. */
static unsigned long
script_fold_latin_a(unsigned long cp)
{
	if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 ||
	    cp == 0x17f)
		return cp;
	if (cp == 0x178)
		return 0xff;
	if ((cp >= 0x139 && cp <= 0x148) || cp >= 0x179)
		return cp % 2 ? cp + 1 : cp;
	return cp % 2 ? cp : cp + 1;
}

static unsigned long
script_fold_greek(unsigned long cp)
{
	if ((cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2))
		return cp + 32;
	if (cp == 0x386)
		return 0x3ac;
	if (cp >= 0x388 && cp <= 0x38a)
		return cp + 37;
	if (cp == 0x38c)
		return 0x3cc;
	if (cp == 0x38e || cp == 0x38f)
		return cp + 63;
	return cp == 0x3c2 ? 0x3c3 : cp;        /* final sigma */
}

/* Cyrillic pairs capitals with the next code point from U+0460 on, odd
 * ones in U+04C1-U+04CE (U+04C0, palochka, folds to U+04CF). */
static unsigned long
script_fold_cyrillic(unsigned long cp)
{
	if (cp >= 0x410 && cp <= 0x42f)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 80;
	if (cp == 0x4c0)
		return 0x4cf;
	if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48a && cp <= 0x4bf) ||
	    (cp >= 0x4d0 && cp <= 0x52f))
		return cp % 2 ? cp : cp + 1;
	if (cp >= 0x4c1 && cp <= 0x4ce)
		return cp % 2 ? cp + 1 : cp;
	return cp;
}

unsigned long
script_fold(unsigned long cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 32;
	if (cp >= 0x100 && cp <= 0x17f)
		return script_fold_latin_a(cp);
	if (cp >= 0x386 && cp <= 0x3c2)
		return script_fold_greek(cp);
	if (cp >= 0x400 && cp <= 0x52f)
		return script_fold_cyrillic(cp);
	if (cp >= 0x531 && cp <= 0x556)         /* Armenian */
		return cp + 48;
	return cp;
}

size_t
script_match_folded(const char *s, size_t left, const char *needle, size_t n)
{
	unsigned long a, b;
	size_t i = 0, j = 0, ka, kb;

	while (j < n) {
		if (i >= left)
			return 0;
		ka = util_utf8_decode(s + i, left - i, &a);
		kb = util_utf8_decode(needle + j, n - j, &b);
		if (ka == 0 || kb == 0) {
			if (s[i] != needle[j])
				return 0;
			i++, j++;
			continue;
		}
		if (script_fold(a) != script_fold(b))
			return 0;
		i += ka, j += kb;
	}
	return i;
}
