/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "scotl/charset.h"

#define CHARSET_REPLACEMENT "\xef\xbf\xbd"

/* Names users and web pages write, and the iconv name for each. Nothing
 * else reaches iconv_open. */
static const struct {
	const char *alias;
	const char *name;
} charset_names[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "us-ascii", "UTF-8" },
	{ "ascii", "UTF-8" },
	{ "utf-16le", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
	{ "utf-16", "UTF-16" },
	{ "windows-1250", "WINDOWS-1250" }, { "cp1250", "WINDOWS-1250" },
	{ "windows-1251", "WINDOWS-1251" }, { "cp1251", "WINDOWS-1251" },
	{ "win-1251", "WINDOWS-1251" }, { "x-cp1251", "WINDOWS-1251" },
	{ "windows-1252", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
	{ "windows-1253", "WINDOWS-1253" }, { "windows-1254", "WINDOWS-1254" },
	{ "windows-1256", "WINDOWS-1256" },
	{ "iso-8859-1", "ISO-8859-1" }, { "latin1", "ISO-8859-1" },
	{ "iso8859-1", "ISO-8859-1" }, { "l1", "ISO-8859-1" },
	{ "iso-8859-2", "ISO-8859-2" }, { "iso-8859-5", "ISO-8859-5" },
	{ "iso8859-5", "ISO-8859-5" }, { "iso-8859-6", "ISO-8859-6" },
	{ "iso-8859-7", "ISO-8859-7" }, { "iso-8859-9", "ISO-8859-9" },
	{ "iso-8859-15", "ISO-8859-15" }, { "latin9", "ISO-8859-15" },
	{ "koi8-r", "KOI8-R" }, { "koi8r", "KOI8-R" }, { "koi8-u", "KOI8-U" },
	{ "ibm866", "IBM866" }, { "cp866", "IBM866" }, { "866", "IBM866" },
	{ "gb18030", "GB18030" }, { "gbk", "GBK" }, { "gb2312", "GBK" },
	{ "big5", "BIG5" }, { "euc-kr", "EUC-KR" }, { "euc-jp", "EUC-JP" },
	{ "shift_jis", "SHIFT_JIS" }, { "shift-jis", "SHIFT_JIS" },
	{ "sjis", "SHIFT_JIS" }, { "x-sjis", "SHIFT_JIS" },
	{ "windows-31j", "CP932" }, { "cp932", "CP932" },
};

const char *
charset_canonical(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof charset_names / sizeof *charset_names; i++)
		if (strcasecmp(name, charset_names[i].alias) == 0)
			return charset_names[i].name;
	return NULL;
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
		err_set(e, "'%s' is not a charset scotl reads", charset);
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

/* --- the detector ------------------------------------------------------ */

static const char *const charset_candidates[] = {
	"WINDOWS-1252", "WINDOWS-1251", "KOI8-R", "ISO-8859-5", "IBM866",
	"GB18030", "SHIFT_JIS",
};

static int
charset_is_letter(unsigned long cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x400 && cp <= 0x4ff);
}

/* How plausible one character is after the one before it, in text as
 * people write it. Cyrillic: lower case, frequent letters, capitals only
 * at the start of words, never glued to Latin letters. Latin: accented
 * letters and typographic punctuation. CJK: kana for Japanese,
 * ideographs; half-width kana, private use, box drawing and C1 are what
 * a wrong guess produces. */
static int
charset_char_score(unsigned long prev, unsigned long cp)
{
	static const char frequent[] = "оеаинтсрвлкмдпу";
	int cyr_prev = prev >= 0x400 && prev <= 0x4ff;
	int latin_prev = (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z');

	if (cp >= 0x430 && cp <= 0x44f) {
		char buf[4];
		size_t n = 0;

		buf[n++] = (char)(0xc0 | cp >> 6);
		buf[n++] = (char)(0x80 | (cp & 0x3f));
		buf[n] = '\0';
		return latin_prev ? -3 : strstr(frequent, buf) ? 3 : 1;
	}
	if (cp >= 0x400 && cp <= 0x42f)
		return latin_prev ? -3 : charset_is_letter(prev) ? -3 : 1;
	if (cp >= 0x450 && cp <= 0x4ff)
		return cp == 0x451 ? 1 : -1;
	if (cp >= 0xc0 && cp <= 0xff && cp != 0xd7 && cp != 0xf7)
		return cyr_prev ? -3 : 2;
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201c || cp == 0x201d ||
	    cp == 0x2013 || cp == 0x2014 || cp == 0x2026 || cp == 0xab ||
	    cp == 0xbb || cp == 0xa0)
		return 1;
	if (cp >= 0x3040 && cp <= 0x30ff)
		return 3;
	if (cp >= 0x4e00 && cp <= 0x9fff)
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
charset_score(const char *in, size_t len, const char *name)
{
	struct charset_decoder d;
	struct buf out;
	unsigned long prev = ' ', cp;
	struct err e;
	long score = 0, high = 0;
	size_t i = 0, n;

	if (charset_decoder_open(&d, name, &e) != 0)
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
	return high ? (double)score / (double)high : -1e9;
}

const char *
charset_detect(const char *in, size_t len, int *confidence)
{
	double best = -1e18, second = -1e18, s;
	const char *pick = charset_candidates[0];
	size_t i;

	for (i = 0; i < sizeof charset_candidates / sizeof *charset_candidates; i++) {
		s = charset_score(in, len, charset_candidates[i]);
		if (s > best) {
			second = best;
			best = s;
			pick = charset_candidates[i];
		} else if (s > second) {
			second = s;
		}
	}
	/* The margin over the runner-up, relative to the winning score. */
	s = best <= 0 ? 0 : (best - second) / best * 100.0;
	*confidence = s > 100 ? 100 : s < 0 ? 0 : (int)s;
	return pick;
}

/* --- a whole file ---------------------------------------------------- */

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

int
charset_to_utf8(const char *in, size_t len, const char *declared,
    struct buf *out, struct charset_report *rep, struct err *e)
{
	memset(rep, 0, sizeof *rep);
	rep->confidence = 100;
	buf_reset(out);
	if (len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0) {
		rep->how = "byte-order mark";
		return charset_convert(in + 3, len - 3, "UTF-8", out, rep, e);
	}
	if (len >= 2 && (memcmp(in, "\xff\xfe", 2) == 0 ||
	    memcmp(in, "\xfe\xff", 2) == 0)) {
		rep->how = "byte-order mark";
		return charset_convert(in + 2, len - 2, in[0] == '\xff' ?
		    "UTF-16LE" : "UTF-16BE", out, rep, e);
	}
	if (declared != NULL) {
		if (charset_canonical(declared) == NULL) {
			err_set(e, "'%s' is not a charset scotl reads", declared);
			return -1;
		}
		rep->how = "declared";
		return charset_convert(in, len, declared, out, rep, e);
	}
	if (util_utf8_valid(in, len, NULL)) {
		rep->how = "UTF-8";
		snprintf(rep->charset, sizeof rep->charset, "UTF-8");
		buf_add(out, in, len);
		return 0;
	}
	rep->how = "detected";
	declared = charset_detect(in, len, &rep->confidence);
	return charset_convert(in, len, declared, out, rep, e);
}
