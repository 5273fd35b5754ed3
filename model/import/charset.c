/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scotl/charset.h"

#include <uchardet.h>

#define CHARSET_REPLACEMENT "\xef\xbf\xbd"
/* Where uchardet says how sure it is (0.0.8 on), below this share scotl's
 * own detector decides. */
#define CHARSET_UCHARDET_SURE 50

/* Labels as browsers read them: the WHATWG Encoding Standard's table
 * (encoding.spec.whatwg.org, "Names and labels"), each mapped to the
 * iconv name of its decoder: windows-1252 for iso-8859-1 and ascii,
 * GB18030 for gb2312 and gbk, CP932 for shift_jis, CP949 for euc-kr,
 * BIG5-HKSCS for big5, windows-1254 for iso-8859-9. Added by scotl: the
 * iconv names themselves (what a report names), names uchardet gives
 * (mac-cyrillic, uhc), utf-32 for byte-order marks, and aliases scotl
 * read before (win-1251, koi8r, latin9). The "replacement" labels
 * (iso-2022-kr, hz-gb-2312...) and x-user-defined are left out, so they
 * are refused by name. Sorted for bsearch; nothing else reaches
 * iconv_open. */
static const struct charset_label {
	const char *label;
	const char *name;
} charset_labels[] = {
	{ "866", "IBM866" }, { "ansi_x3.4-1968", "WINDOWS-1252" },
	{ "arabic", "ISO-8859-6" }, { "ascii", "WINDOWS-1252" },
	{ "asmo-708", "ISO-8859-6" }, { "big5", "BIG5-HKSCS" },
	{ "big5-hkscs", "BIG5-HKSCS" }, { "chinese", "GB18030" },
	{ "cn-big5", "BIG5-HKSCS" }, { "cp1250", "WINDOWS-1250" },
	{ "cp1251", "WINDOWS-1251" }, { "cp1252", "WINDOWS-1252" },
	{ "cp1253", "WINDOWS-1253" }, { "cp1254", "WINDOWS-1254" },
	{ "cp1255", "WINDOWS-1255" }, { "cp1256", "WINDOWS-1256" },
	{ "cp1257", "WINDOWS-1257" }, { "cp1258", "WINDOWS-1258" },
	{ "cp819", "WINDOWS-1252" }, { "cp866", "IBM866" },
	{ "cp874", "CP874" }, { "cp932", "CP932" }, { "cp949", "CP949" },
	{ "csbig5", "BIG5-HKSCS" }, { "cseuckr", "CP949" },
	{ "cseucpkdfmtjapanese", "EUC-JP" }, { "csgb2312", "GB18030" },
	{ "csibm866", "IBM866" }, { "csiso2022jp", "ISO-2022-JP" },
	{ "csiso58gb231280", "GB18030" }, { "csiso88596e", "ISO-8859-6" },
	{ "csiso88596i", "ISO-8859-6" }, { "csiso88598e", "ISO-8859-8" },
	{ "csiso88598i", "ISO-8859-8" }, { "csisolatin1", "WINDOWS-1252" },
	{ "csisolatin2", "ISO-8859-2" }, { "csisolatin3", "ISO-8859-3" },
	{ "csisolatin4", "ISO-8859-4" }, { "csisolatin5", "WINDOWS-1254" },
	{ "csisolatin6", "ISO-8859-10" }, { "csisolatin9", "ISO-8859-15" },
	{ "csisolatinarabic", "ISO-8859-6" },
	{ "csisolatincyrillic", "ISO-8859-5" },
	{ "csisolatingreek", "ISO-8859-7" },
	{ "csisolatinhebrew", "ISO-8859-8" }, { "cskoi8r", "KOI8-R" },
	{ "csksc56011987", "CP949" }, { "csmacintosh", "MACINTOSH" },
	{ "csshiftjis", "CP932" }, { "csunicode", "UTF-16LE" },
	{ "cyrillic", "ISO-8859-5" }, { "dos-874", "CP874" },
	{ "ecma-114", "ISO-8859-6" }, { "ecma-118", "ISO-8859-7" },
	{ "elot_928", "ISO-8859-7" }, { "euc-jp", "EUC-JP" },
	{ "euc-kr", "CP949" }, { "gb18030", "GB18030" },
	{ "gb2312", "GB18030" }, { "gb_2312", "GB18030" },
	{ "gb_2312-80", "GB18030" }, { "gbk", "GB18030" },
	{ "greek", "ISO-8859-7" }, { "greek8", "ISO-8859-7" },
	{ "hebrew", "ISO-8859-8" }, { "ibm819", "WINDOWS-1252" },
	{ "ibm866", "IBM866" }, { "iso-10646-ucs-2", "UTF-16LE" },
	{ "iso-2022-jp", "ISO-2022-JP" }, { "iso-8859-1", "WINDOWS-1252" },
	{ "iso-8859-10", "ISO-8859-10" }, { "iso-8859-11", "CP874" },
	{ "iso-8859-13", "ISO-8859-13" }, { "iso-8859-14", "ISO-8859-14" },
	{ "iso-8859-15", "ISO-8859-15" }, { "iso-8859-16", "ISO-8859-16" },
	{ "iso-8859-2", "ISO-8859-2" }, { "iso-8859-3", "ISO-8859-3" },
	{ "iso-8859-4", "ISO-8859-4" }, { "iso-8859-5", "ISO-8859-5" },
	{ "iso-8859-6", "ISO-8859-6" }, { "iso-8859-6-e", "ISO-8859-6" },
	{ "iso-8859-6-i", "ISO-8859-6" }, { "iso-8859-7", "ISO-8859-7" },
	{ "iso-8859-8", "ISO-8859-8" }, { "iso-8859-8-e", "ISO-8859-8" },
	{ "iso-8859-8-i", "ISO-8859-8" }, { "iso-8859-9", "WINDOWS-1254" },
	{ "iso-ir-100", "WINDOWS-1252" }, { "iso-ir-101", "ISO-8859-2" },
	{ "iso-ir-109", "ISO-8859-3" }, { "iso-ir-110", "ISO-8859-4" },
	{ "iso-ir-126", "ISO-8859-7" }, { "iso-ir-127", "ISO-8859-6" },
	{ "iso-ir-138", "ISO-8859-8" }, { "iso-ir-144", "ISO-8859-5" },
	{ "iso-ir-148", "WINDOWS-1254" }, { "iso-ir-149", "CP949" },
	{ "iso-ir-157", "ISO-8859-10" }, { "iso-ir-58", "GB18030" },
	{ "iso8859-1", "WINDOWS-1252" }, { "iso8859-10", "ISO-8859-10" },
	{ "iso8859-11", "CP874" }, { "iso8859-13", "ISO-8859-13" },
	{ "iso8859-14", "ISO-8859-14" }, { "iso8859-15", "ISO-8859-15" },
	{ "iso8859-2", "ISO-8859-2" }, { "iso8859-3", "ISO-8859-3" },
	{ "iso8859-4", "ISO-8859-4" }, { "iso8859-5", "ISO-8859-5" },
	{ "iso8859-6", "ISO-8859-6" }, { "iso8859-7", "ISO-8859-7" },
	{ "iso8859-8", "ISO-8859-8" }, { "iso8859-9", "WINDOWS-1254" },
	{ "iso88591", "WINDOWS-1252" }, { "iso885910", "ISO-8859-10" },
	{ "iso885911", "CP874" }, { "iso885913", "ISO-8859-13" },
	{ "iso885914", "ISO-8859-14" }, { "iso885915", "ISO-8859-15" },
	{ "iso88592", "ISO-8859-2" }, { "iso88593", "ISO-8859-3" },
	{ "iso88594", "ISO-8859-4" }, { "iso88595", "ISO-8859-5" },
	{ "iso88596", "ISO-8859-6" }, { "iso88597", "ISO-8859-7" },
	{ "iso88598", "ISO-8859-8" }, { "iso88599", "WINDOWS-1254" },
	{ "iso_8859-1", "WINDOWS-1252" }, { "iso_8859-15", "ISO-8859-15" },
	{ "iso_8859-1:1987", "WINDOWS-1252" }, { "iso_8859-2", "ISO-8859-2" },
	{ "iso_8859-2:1987", "ISO-8859-2" }, { "iso_8859-3", "ISO-8859-3" },
	{ "iso_8859-3:1988", "ISO-8859-3" }, { "iso_8859-4", "ISO-8859-4" },
	{ "iso_8859-4:1988", "ISO-8859-4" }, { "iso_8859-5", "ISO-8859-5" },
	{ "iso_8859-5:1988", "ISO-8859-5" }, { "iso_8859-6", "ISO-8859-6" },
	{ "iso_8859-6:1987", "ISO-8859-6" }, { "iso_8859-7", "ISO-8859-7" },
	{ "iso_8859-7:1987", "ISO-8859-7" }, { "iso_8859-8", "ISO-8859-8" },
	{ "iso_8859-8:1988", "ISO-8859-8" }, { "iso_8859-9", "WINDOWS-1254" },
	{ "iso_8859-9:1989", "WINDOWS-1254" }, { "koi", "KOI8-R" },
	{ "koi8", "KOI8-R" }, { "koi8-r", "KOI8-R" }, { "koi8-ru", "KOI8-U" },
	{ "koi8-u", "KOI8-U" }, { "koi8_r", "KOI8-R" }, { "koi8r", "KOI8-R" },
	{ "korean", "CP949" }, { "ks_c_5601-1987", "CP949" },
	{ "ks_c_5601-1989", "CP949" }, { "ksc5601", "CP949" },
	{ "ksc_5601", "CP949" }, { "l1", "WINDOWS-1252" },
	{ "l2", "ISO-8859-2" }, { "l3", "ISO-8859-3" }, { "l4", "ISO-8859-4" },
	{ "l5", "WINDOWS-1254" }, { "l6", "ISO-8859-10" },
	{ "l9", "ISO-8859-15" }, { "latin1", "WINDOWS-1252" },
	{ "latin2", "ISO-8859-2" }, { "latin3", "ISO-8859-3" },
	{ "latin4", "ISO-8859-4" }, { "latin5", "WINDOWS-1254" },
	{ "latin6", "ISO-8859-10" }, { "latin9", "ISO-8859-15" },
	{ "logical", "ISO-8859-8" }, { "mac", "MACINTOSH" },
	{ "mac-cyrillic", "MAC-CYRILLIC" }, { "maccyrillic", "MAC-CYRILLIC" },
	{ "macintosh", "MACINTOSH" }, { "ms932", "CP932" },
	{ "ms_kanji", "CP932" }, { "shift-jis", "CP932" },
	{ "shift_jis", "CP932" }, { "sjis", "CP932" },
	{ "sun_eu_greek", "ISO-8859-7" }, { "tis-620", "CP874" },
	{ "ucs-2", "UTF-16LE" }, { "uhc", "CP949" }, { "unicode", "UTF-16LE" },
	{ "unicode-1-1-utf-8", "UTF-8" }, { "unicode11utf8", "UTF-8" },
	{ "unicode20utf8", "UTF-8" }, { "unicodefeff", "UTF-16LE" },
	{ "unicodefffe", "UTF-16BE" }, { "us-ascii", "WINDOWS-1252" },
	{ "utf-16", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
	{ "utf-16le", "UTF-16LE" }, { "utf-32be", "UTF-32BE" },
	{ "utf-32le", "UTF-32LE" }, { "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "visual", "ISO-8859-8" }, { "win-1251", "WINDOWS-1251" },
	{ "windows-1250", "WINDOWS-1250" }, { "windows-1251", "WINDOWS-1251" },
	{ "windows-1252", "WINDOWS-1252" }, { "windows-1253", "WINDOWS-1253" },
	{ "windows-1254", "WINDOWS-1254" }, { "windows-1255", "WINDOWS-1255" },
	{ "windows-1256", "WINDOWS-1256" }, { "windows-1257", "WINDOWS-1257" },
	{ "windows-1258", "WINDOWS-1258" }, { "windows-31j", "CP932" },
	{ "windows-874", "CP874" }, { "windows-949", "CP949" },
	{ "x-cp1250", "WINDOWS-1250" }, { "x-cp1251", "WINDOWS-1251" },
	{ "x-cp1252", "WINDOWS-1252" }, { "x-cp1253", "WINDOWS-1253" },
	{ "x-cp1254", "WINDOWS-1254" }, { "x-cp1255", "WINDOWS-1255" },
	{ "x-cp1256", "WINDOWS-1256" }, { "x-cp1257", "WINDOWS-1257" },
	{ "x-cp1258", "WINDOWS-1258" }, { "x-euc-jp", "EUC-JP" },
	{ "x-gbk", "GB18030" }, { "x-mac-cyrillic", "MAC-CYRILLIC" },
	{ "x-mac-roman", "MACINTOSH" }, { "x-mac-ukrainian", "MAC-CYRILLIC" },
	{ "x-sjis", "CP932" }, { "x-unicode20utf8", "UTF-8" },
	{ "x-x-big5", "BIG5-HKSCS" },
};

static int
charset_label_cmp(const void *key, const void *entry)
{
	return strcasecmp(key, ((const struct charset_label *)entry)->label);
}

const char *
charset_canonical(const char *name)
{
	const struct charset_label *l;

	l = bsearch(name, charset_labels, sizeof charset_labels /
	    sizeof *charset_labels, sizeof *charset_labels, charset_label_cmp);
	return l != NULL ? l->name : NULL;
}

/* --- the decoder ---------------------------------------------------- */

int
charset_decoder_open(struct charset_decoder *d, const char *charset,
    struct err *e)
{
	const char *name = charset_canonical(charset);
	iconv_t cd;

	memset(d, 0, sizeof *d);
	if (name == NULL) {
		err_set(e, "unknown charset '%s'", charset);
		return -1;
	}
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1) {
		err_set(e, "charset %s: %s", name, strerror(errno));
		return -1;
	}
	d->cd = (void *)cd;
	return 0;
}

/* Appends what iconv wrote, which is not trusted to be UTF-8: glibc
 * passes code points beyond U+10FFFF through from UTF-8. A sequence that
 * is not valid becomes U+FFFD and is counted. iconv writes whole
 * characters, so a chunk never ends inside a valid one. */
static void
charset_put(struct charset_decoder *d, struct buf *out, const char *s,
    size_t n)
{
	size_t i = 0, start, k;
	unsigned long cp;

	do {
		start = i;
		while (i < n && (k = util_utf8_decode(s + i, n - i, &cp)) > 0)
			i += k;
		buf_add(out, s + start, i - start);
		if (i == n)
			break;
		buf_adds(out, CHARSET_REPLACEMENT);
		d->invalid++;
		for (i++; i < n && ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	} while (i < n);
}

/* Converts as much of IN as iconv takes; returns the bytes used. An
 * invalid sequence is replaced and skipped one byte at a time; an
 * incomplete one at the end is left for the next chunk. */
static size_t
charset_run(struct charset_decoder *d, const char *in, size_t len,
    struct buf *out, int last, struct err *e)
{
	char chunk[4096], *inp = (char *)in, *outp;
	size_t inleft = len, outleft, r;

	while (inleft > 0) {
		outp = chunk;
		outleft = sizeof chunk;
		r = iconv((iconv_t)d->cd, &inp, &inleft, &outp, &outleft);
		charset_put(d, out, chunk, sizeof chunk - outleft);
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !last)
			break;          /* cut by the chunk: wait for more */
		if (errno != EILSEQ && errno != EINVAL) {
			err_set(e, "converting: %s", strerror(errno));
			return (size_t)-1;
		}
		buf_adds(out, CHARSET_REPLACEMENT);
		d->invalid++;
		/* Start again on a clean state after the bad byte. */
		iconv((iconv_t)d->cd, NULL, NULL, NULL, NULL);
		inp++;
		inleft--;
	}
	return len - inleft;
}

int
charset_decoder_feed(struct charset_decoder *d, const char *in, size_t len,
    struct buf *out, struct err *e)
{
	const char *p = in;
	size_t n = len, used, rest;
	struct buf joined;

	/* A sequence cut by the last chunk goes first, joined to this one. */
	buf_init(&joined);
	if (d->npending > 0) {
		buf_add(&joined, d->pending, d->npending);
		buf_add(&joined, in, len);
		p = joined.data;
		n = joined.len;
		d->npending = 0;
	}
	used = charset_run(d, p, n, out, 0, e);
	if (used == (size_t)-1) {
		buf_free(&joined);
		return -1;
	}
	rest = n - used;
	if (rest > sizeof d->pending) {
		/* iconv stops at most one sequence short of the end; anything
		 * longer is not a sequence being cut, so it is converted now. */
		used = charset_run(d, p + used, rest, out, 1, e);
		rest = 0;
	}
	memcpy(d->pending, p + n - rest, rest);
	d->npending = rest;
	buf_free(&joined);
	return used == (size_t)-1 ? -1 : 0;
}

int
charset_decoder_finish(struct charset_decoder *d, struct buf *out,
    struct err *e)
{
	char chunk[64], *outp = chunk;
	size_t outleft = sizeof chunk;

	if (d->npending > 0 &&
	    charset_run(d, d->pending, d->npending, out, 1, e) == (size_t)-1)
		return -1;
	d->npending = 0;
	iconv((iconv_t)d->cd, NULL, NULL, &outp, &outleft);
	charset_put(d, out, chunk, sizeof chunk - outleft);
	return 0;
}

void
charset_decoder_close(struct charset_decoder *d)
{
	if (d->cd != NULL)
		iconv_close((iconv_t)d->cd);
	d->cd = NULL;
}

/* --- scotl's own detector ---------------------------------------------- */

/* How common one character of a multibyte charset is, from where it sits
 * in its standard: every CJK standard puts the characters in everyday
 * use in a first level (GB2312 B0A1-D7F9, Big5 A440-C67E, JIS X 0208
 * 889F-9872, KS X 1001's hangul B0A1-C8FE) and rarer ones, vendor
 * extensions and user-defined areas after. Text in one charset read as
 * another falls outside the first level: that is what tells Big5 from
 * GB18030. Each returns the score of the character at P and its length. */
typedef int charset_rank_fn(const unsigned char *p, size_t n, size_t *used);

static int
charset_rank_gb18030(const unsigned char *p, size_t n, size_t *used)
{
	unsigned b = p[0], t = n > 1 ? p[1] : 0;

	*used = 1;
	if (b < 0x81 || b == 0xff || n < 2)
		return 0;
	if (t >= 0x30 && t <= 0x39) {
		*used = n >= 4 ? 4 : n;
		return -3;      /* four bytes: outside GBK altogether */
	}
	*used = 2;
	if (t < 0xa1)
		return -2;      /* GBK's extensions */
	if (b >= 0xb0 && b <= 0xd7)
		return 2;
	if (b >= 0xa1 && b <= 0xa3)
		return 1;       /* punctuation, full-width forms */
	return b >= 0xd8 && b <= 0xf7 ? 0 : -2;
}

static int
charset_rank_big5(const unsigned char *p, size_t n, size_t *used)
{
	unsigned b = p[0];

	*used = 1;
	if (b < 0x81 || b == 0xff || n < 2)
		return 0;
	*used = 2;
	if (b >= 0xa4 && b <= 0xc6)
		return 2;
	if (b >= 0xa1 && b <= 0xa3)
		return 1;
	return b >= 0xc9 && b <= 0xf9 ? 0 : -2;
}

static int
charset_rank_sjis(const unsigned char *p, size_t n, size_t *used)
{
	unsigned b = p[0];

	*used = 1;
	if (b >= 0xa1 && b <= 0xdf)
		return -2;      /* half-width katakana */
	if (b < 0x81 || b > 0xfc || n < 2)
		return 0;
	*used = 2;
	if (b == 0x82 || b == 0x83 || (b >= 0x88 && b <= 0x97))
		return 2;       /* kana, level 1 kanji */
	if (b == 0x81)
		return 1;
	return (b >= 0x98 && b <= 0xea) || b == 0x84 ? 0 : -2;
}

static int
charset_rank_eucjp(const unsigned char *p, size_t n, size_t *used)
{
	unsigned b = p[0];

	*used = 1;
	if (b < 0x8e || b == 0xff || n < 2)
		return 0;
	*used = b == 0x8f && n >= 3 ? 3 : 2;
	if (b == 0x8e || b == 0x8f)
		return -2;      /* half-width kana, JIS X 0212 */
	if (b == 0xa4 || b == 0xa5 || (b >= 0xb0 && b <= 0xcf))
		return 2;
	if (b == 0xa1)
		return 1;
	return (b >= 0xd0 && b <= 0xf4) || (b >= 0xa2 && b <= 0xa8) ? 0 : -2;
}

static int
charset_rank_cp949(const unsigned char *p, size_t n, size_t *used)
{
	unsigned b = p[0], t = n > 1 ? p[1] : 0;

	*used = 1;
	if (b < 0x81 || b == 0xff || n < 2)
		return 0;
	*used = 2;
	if (t < 0xa1)
		return -1;      /* CP949's extra hangul */
	if (b >= 0xb0 && b <= 0xc8)
		return 2;
	if (b == 0xa1)
		return 1;
	return (b >= 0xca && b <= 0xfd) || (b >= 0xa2 && b <= 0xaf) ? 0 : -2;
}

static const struct charset_candidate {
	const char *name;
	charset_rank_fn *rank;  /* NULL: one byte a character */
} charset_candidates[] = {
	{ "WINDOWS-1252", NULL }, { "WINDOWS-1251", NULL }, { "KOI8-R", NULL },
	{ "ISO-8859-5", NULL }, { "IBM866", NULL }, { "MAC-CYRILLIC", NULL },
	{ "GB18030", charset_rank_gb18030 }, { "BIG5-HKSCS", charset_rank_big5 },
	{ "CP932", charset_rank_sjis }, { "EUC-JP", charset_rank_eucjp },
	{ "CP949", charset_rank_cp949 },
};

static long
charset_rank(const char *in, size_t len, charset_rank_fn *rank)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i = 0, used;
	long score = 0;

	while (i < len) {
		score += rank(p + i, len - i, &used);
		i += used;
	}
	return score;
}

static int
charset_is_letter(unsigned long cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x400 && cp <= 0x4ff);
}

static int
charset_cyrillic_score(unsigned long prev, unsigned long cp)
{
	static const char frequent[] = "оеаинтсрвлкмдпу";
	int latin_prev = (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z');
	char buf[4];

	if (cp >= 0x430 && cp <= 0x44f) {
		buf[0] = (char)(0xc0 | cp >> 6);
		buf[1] = (char)(0x80 | (cp & 0x3f));
		buf[2] = '\0';
		return latin_prev ? -3 : strstr(frequent, buf) ? 3 : 1;
	}
	if (cp >= 0x400 && cp <= 0x42f)
		return latin_prev ? -3 : charset_is_letter(prev) ? -3 : 1;
	return cp == 0x451 ? 1 : -1;
}

/* How plausible one character is after the one before it, in text as
 * people write it. Cyrillic: lower case, frequent letters, capitals only
 * at the start of words, never glued to Latin letters. Latin: accented
 * letters and typographic punctuation. CJK: kana for Japanese, hangul,
 * ideographs, not glued to Latin letters (an accented letter and the
 * one after it read as one character), seldom after a space (Chinese and
 * Japanese put none between words, Korean does: hangul read as GB18030
 * gives ideographs after spaces); half-width kana, private use, box drawing and C1 are what
 * a wrong guess produces. */
static int
charset_char_score(unsigned long prev, unsigned long cp)
{
	if (cp >= 0x400 && cp <= 0x4ff)
		return charset_cyrillic_score(prev, cp);
	if (cp >= 0xc0 && cp <= 0xff && cp != 0xd7 && cp != 0xf7)
		return prev >= 0x400 && prev <= 0x4ff ? -3 : 2;
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201c || cp == 0x201d ||
	    cp == 0x2013 || cp == 0x2014 || cp == 0x2026 || cp == 0xab ||
	    cp == 0xbb || cp == 0xa0)
		return 1;
	if (((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0xac00 && cp <= 0xd7a3)) && charset_is_letter(prev) &&
	    prev < 0x80)
		return -3;      /* glued to a Latin letter: an accent misread */
	if (cp >= 0x3040 && cp <= 0x30ff)
		return 3;
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return prev == ' ' ? 0 : 2;
	if (cp >= 0xac00 && cp <= 0xd7a3)
		return 2;
	if (cp >= 0x3000 && cp <= 0x303f)
		return 1;
	if (cp >= 0xff01 && cp <= 0xff5e)
		return 0;
	if ((cp >= 0xff61 && cp <= 0xff9f) || (cp >= 0xe000 && cp <= 0xf8ff) ||
	    (cp >= 0x2500 && cp <= 0x259f) || (cp >= 0x80 && cp <= 0x9f))
		return -4;
	return cp >= 0x80 ? -1 : 0;
}

/* Decodes with one candidate and scores the result per non-ASCII
 * character; invalid sequences weigh most. */
static double
charset_score(const char *in, size_t len, const struct charset_candidate *c)
{
	struct charset_decoder d;
	struct buf out;
	unsigned long prev = ' ', cp;
	struct err e;
	long score = 0, high = 0;
	size_t i = 0, n;

	if (charset_decoder_open(&d, c->name, &e) != 0)
		return -1e9;
	buf_init(&out);
	charset_decoder_feed(&d, in, len, &out, &e);
	charset_decoder_finish(&d, &out, &e);
	score -= 20 * d.invalid;
	charset_decoder_close(&d);
	while (i < out.len) {
		n = util_utf8_decode(out.data + i, out.len - i, &cp);
		if (n == 0)
			n = 1, cp = 0xfffd;
		if (cp >= 0x80) {
			high++;
			score += cp == 0xfffd ? 0 : charset_char_score(prev, cp);
		}
		prev = cp;
		i += n;
	}
	buf_free(&out);
	if (c->rank != NULL)
		score += charset_rank(in, len, c->rank);
	return high ? (double)score / (double)high : -1e9;
}

const char *
charset_detect(const char *in, size_t len, int *confidence)
{
	double best = -1e18, second = -1e18, s;
	const char *pick = charset_candidates[0].name;
	size_t i;

	for (i = 0; i < sizeof charset_candidates / sizeof *charset_candidates; i++) {
		s = charset_score(in, len, &charset_candidates[i]);
		if (s > best) {
			second = best;
			best = s;
			pick = charset_candidates[i].name;
		} else if (s > second) {
			second = s;
		}
	}
	/* The margin over the runner-up, relative to the winning score. */
	s = best <= 0 ? 0 : (best - second) / best * 100.0;
	*confidence = s > 100 ? 100 : s < 0 ? 0 : (int)s;
	return pick;
}

/* --- uchardet ---------------------------------------------------------- */

/* uchardet's guess, as an allowed iconv name; NULL when it has none, is
 * unsure, or names a charset scotl does not read, or a UTF (text that got
 * this far is not valid UTF-8 and has no byte-order mark). */
static const char *
charset_uchardet(const char *in, size_t len, int *confidence)
{
	uchardet_t ud = uchardet_new();
	const char *name = NULL, *said;

	*confidence = -1;
	if (ud == NULL)
		return NULL;
	if (uchardet_handle_data(ud, in, len) == 0) {
		uchardet_data_end(ud);
#ifdef HAVE_UCHARDET_GET_CONFIDENCE
		/* uchardet 0.0.8 and later say how sure they are. */
		if (uchardet_get_n_candidates(ud) > 0 &&
		    uchardet_get_confidence(ud, 0) * 100 >= CHARSET_UCHARDET_SURE) {
			said = uchardet_get_encoding(ud, 0);
			*confidence = (int)(uchardet_get_confidence(ud, 0) * 100);
		} else {
			said = "";
		}
#else
		/* Older ones name a charset or, when unsure, none. */
		said = uchardet_get_charset(ud);
#endif
		if (said != NULL && said[0] != '\0')
			name = charset_canonical(said);
	}
	uchardet_delete(ud);
	return name != NULL && strncmp(name, "UTF-", 4) == 0 ? NULL : name;
}

/* uchardet first; scotl's own detector where it has no answer. */
static const char *
charset_guess(const char *in, size_t len, struct charset_report *rep)
{
	const char *name;

	rep->detector = "uchardet";
	if ((name = charset_uchardet(in, len, &rep->confidence)) != NULL)
		return name;
	rep->detector = "scotl's detector";
	return charset_detect(in, len, &rep->confidence);
}

/* --- a whole file ---------------------------------------------------- */

/* The charset a byte-order mark names (UTF-32 before UTF-16, whose mark
 * begins it), and the mark's length; NULL when none. */
static const char *
charset_bom(const char *in, size_t len, size_t *skip)
{
	static const struct {
		const char *mark;
		size_t len;
		const char *name;
	} marks[] = {
		{ "\xef\xbb\xbf", 3, "UTF-8" },
		{ "\xff\xfe\0\0", 4, "UTF-32LE" },
		{ "\0\0\xfe\xff", 4, "UTF-32BE" },
		{ "\xff\xfe", 2, "UTF-16LE" },
		{ "\xfe\xff", 2, "UTF-16BE" },
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof *marks; i++)
		if (len >= marks[i].len && memcmp(in, marks[i].mark,
		    marks[i].len) == 0) {
			*skip = marks[i].len;
			return marks[i].name;
		}
	*skip = 0;
	return NULL;
}

static int
charset_convert(const char *in, size_t len, const char *name, struct buf *out,
    struct charset_report *rep, struct err *e)
{
	struct charset_decoder d;
	int rc;

	if (charset_decoder_open(&d, name, e) != 0)
		return -1;
	rc = charset_decoder_feed(&d, in, len, out, e) == 0 &&
	    charset_decoder_finish(&d, out, e) == 0 ? 0 : -1;
	rep->invalid = d.invalid;
	charset_decoder_close(&d);
	snprintf(rep->charset, sizeof rep->charset, "%s", charset_canonical(name));
	return rc;
}

static int
charset_is_ascii(const char *in, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)in[i] >= 0x80)
			return 0;
	return 1;
}

/* A declaration read in ASCII bytes cannot truly say UTF-16 or UTF-32:
 * browsers read such a page as UTF-8, and so does scotl. */
static const char *
charset_declared(const char *declared)
{
	const char *name = charset_canonical(declared);

	return name != NULL && strncmp(name, "UTF-", 4) == 0 ? "UTF-8" : name;
}

static int
charset_utf8(const char *in, size_t len, const char *how, struct buf *out,
    struct charset_report *rep)
{
	rep->how = how;
	snprintf(rep->charset, sizeof rep->charset, "UTF-8");
	buf_add(out, in, len);
	return 0;
}

int
charset_to_utf8(const char *in, size_t len, const char *forced,
    const char *declared, struct buf *out, struct charset_report *rep,
    struct err *e)
{
	const char *bom, *name;
	size_t skip;

	memset(rep, 0, sizeof *rep);
	rep->confidence = 100;
	rep->detector = "";
	buf_reset(out);
	bom = charset_bom(in, len, &skip);
	if (forced != NULL) {
		if ((name = charset_canonical(forced)) == NULL) {
			err_set(e, "unknown charset '%s'", forced);
			return -1;
		}
		rep->how = "given";
		if (bom == NULL || strcmp(bom, name) != 0)
			skip = 0;
		return charset_convert(in + skip, len - skip, name, out, rep, e);
	}
	if (bom != NULL) {
		rep->how = "byte-order mark";
		return charset_convert(in + skip, len - skip, bom, out, rep, e);
	}
	name = declared != NULL ? charset_declared(declared) : NULL;
	if (util_utf8_valid(in, len, NULL) && (declared == NULL ||
	    !charset_is_ascii(in, len))) {
		/* Valid UTF-8 beyond ASCII is UTF-8 whatever it declares, a
		 * label scotl does not know too: another charset seldom
		 * makes valid UTF-8 by chance. */
		if (declared != NULL && (name == NULL || strcmp(name, "UTF-8") != 0))
			snprintf(rep->declared, sizeof rep->declared, "%s", declared);
		return charset_utf8(in, len, "UTF-8", out, rep);
	}
	if (declared != NULL && name == NULL) {
		err_set(e, "unknown charset '%s'", declared);
		return -1;
	}
	if (declared != NULL) {
		rep->how = "declared";
		return charset_convert(in, len, name, out, rep, e);
	}
	rep->how = "detected";
	name = charset_guess(in, len, rep);
	return charset_convert(in, len, name, out, rep, e);
}
