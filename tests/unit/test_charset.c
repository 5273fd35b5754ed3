/* SPDX-License-Identifier: ISC */
/* model/import/charset.c: the WHATWG labels, byte-order marks (UTF-32
 * too), declared charsets read as browsers read them, valid UTF-8 over a
 * declaration, --charset over everything, uchardet and scotl's own
 * detector on fixtures made with iconv from texts of our own, invalid
 * and cut-off sequences, and decoding one byte at a time. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "scotl/charset.h"

static char *
slurp(const char *name, size_t *len)
{
	struct buf b;
	struct err e;

	buf_init(&b);
	if (util_read_file(fixture_path(name), &b, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		exit(1);
	}
	*len = b.len;
	return buf_steal(&b);
}

static void
decodes(const char *file, const char *text, const char *declared,
    const char *charset, const char *how)
{
	char path[128], *in, *want;
	struct charset_report r;
	size_t len, wlen;
	struct buf out;
	struct err e;

	snprintf(path, sizeof path, "data/charsets/%s", file);
	in = slurp(path, &len);
	snprintf(path, sizeof path, "data/charsets/%s", text);
	want = slurp(path, &wlen);
	buf_init(&out);
	ok(charset_to_utf8(in, len, NULL, declared, &out, &r, &e) == 0 &&
	    out.len == wlen && memcmp(out.data, want, wlen) == 0 && r.invalid == 0,
	    "%s decodes to the text of %s", file, text);
	is_str(r.charset, charset, "  read as its charset");
	is_str(r.how, how, "  and says how it knew");
	if (strcmp(how, "detected") == 0)
		tap_diag("%s: %s by %s, confidence %d", file, r.charset,
		    r.detector, r.confidence);
	buf_free(&out);
	free(in);
	free(want);
}

/* Feeding one byte at a time gives what the whole buffer gives. */
static void
bytewise(const char *file, const char *charset)
{
	struct charset_decoder d;
	struct buf whole, bytes;
	char path[128], *in;
	struct err e;
	size_t len, i;

	snprintf(path, sizeof path, "data/charsets/%s", file);
	in = slurp(path, &len);
	buf_init(&whole);
	buf_init(&bytes);
	charset_decoder_open(&d, charset, &e);
	charset_decoder_feed(&d, in, len, &whole, &e);
	charset_decoder_finish(&d, &whole, &e);
	charset_decoder_close(&d);
	charset_decoder_open(&d, charset, &e);
	for (i = 0; i < len; i++)
		charset_decoder_feed(&d, in + i, 1, &bytes, &e);
	charset_decoder_finish(&d, &bytes, &e);
	ok(whole.len == bytes.len && memcmp(whole.data, bytes.data, whole.len) == 0 &&
	    d.invalid == 0, "%s (%s) fed one byte at a time: the same text", file,
	    charset);
	charset_decoder_close(&d);
	buf_free(&whole);
	buf_free(&bytes);
	free(in);
}

static void
broken(const char *in, size_t len, const char *charset, const char *want,
    long invalid, const char *what)
{
	struct charset_report r;
	struct buf out;
	struct err e;

	buf_init(&out);
	ok(charset_to_utf8(in, len, NULL, charset, &out, &r, &e) == 0 &&
	    strcmp(out.data, want) == 0 && r.invalid == invalid &&
	    util_utf8_valid(out.data, out.len, NULL), "%s", what);
	buf_free(&out);
}

/* scotl's own detector alone, as when uchardet has no answer. */
static void
alone(const char *file, const char *charset)
{
	char path[128], *in;
	size_t len;
	int conf;

	snprintf(path, sizeof path, "data/charsets/%s", file);
	in = slurp(path, &len);
	ok(strcmp(charset_detect(in, len, &conf), charset) == 0,
	    "scotl's detector alone reads %s as %s", file, charset);
	free(in);
}

/* IN (LEN bytes) with FORCED and DECLARED: WANT, read as CHARSET, HOW. */
static void
reads(const char *in, size_t len, const char *forced, const char *declared,
    const char *want, const char *charset, const char *how, const char *what)
{
	struct charset_report r;
	struct buf out;
	struct err e;
	int rc;

	buf_init(&out);
	rc = charset_to_utf8(in, len, forced, declared, &out, &r, &e);
	ok(rc == 0 && out.len == strlen(want) && memcmp(out.data, want,
	    out.len) == 0 && r.invalid == 0 && strcmp(r.charset, charset) == 0 &&
	    strcmp(r.how, how) == 0, "%s", what);
	if (rc == 0 && strcmp(r.charset, charset) != 0)
		tap_diag("read as %s (%s)", r.charset, r.how);
	buf_free(&out);
}

static void
labels(void)
{
	static const char *const names[] = {
		"UTF-8", "WINDOWS-1252", "WINDOWS-1251", "WINDOWS-1254", "KOI8-R",
		"KOI8-U", "IBM866", "ISO-8859-2", "ISO-8859-5", "ISO-8859-8",
		"ISO-8859-15", "MAC-CYRILLIC", "MACINTOSH", "CP874", "GB18030",
		"BIG5-HKSCS", "CP932", "CP949", "EUC-JP", "ISO-2022-JP",
		"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE",
	};
	size_t i, bad = 0;

	is_str(charset_canonical("cp1251"), "WINDOWS-1251", "cp1251 is windows-1251");
	is_str(charset_canonical("Shift-JIS"), "CP932", "names compare without case");
	is_str(charset_canonical("latin1"), "WINDOWS-1252", "latin1 is windows-1252");
	is_str(charset_canonical("iso-8859-1"), "WINDOWS-1252", "so is iso-8859-1");
	is_str(charset_canonical("US-ASCII"), "WINDOWS-1252", "and us-ascii");
	is_str(charset_canonical("gb2312"), "GB18030", "gb2312 is GB18030");
	is_str(charset_canonical("x-gbk"), "GB18030", "x-gbk too");
	is_str(charset_canonical("sjis"), "CP932", "sjis is CP932");
	is_str(charset_canonical("ms_kanji"), "CP932", "ms_kanji too");
	is_str(charset_canonical("euc-kr"), "CP949", "euc-kr is CP949");
	is_str(charset_canonical("big5"), "BIG5-HKSCS", "big5 is Big5-HKSCS");
	is_str(charset_canonical("iso-8859-9"), "WINDOWS-1254", "iso-8859-9 is windows-1254");
	is_str(charset_canonical("x-mac-cyrillic"), "MAC-CYRILLIC", "x-mac-cyrillic");
	is_str(charset_canonical("maccyrillic"), "MAC-CYRILLIC", "maccyrillic");
	is_str(charset_canonical("utf-16"), "UTF-16LE", "utf-16 is UTF-16LE");
	is_str(charset_canonical("866"), "IBM866", "the first label in the table");
	is_str(charset_canonical("x-x-big5"), "BIG5-HKSCS", "the last one");
	ok(charset_canonical("UTF-7") == NULL, "UTF-7 is not allowed");
	ok(charset_canonical("iso-2022-kr") == NULL, "nor a replacement label");
	ok(charset_canonical("") == NULL, "nor an empty name");
	ok(charset_canonical("../../etc/passwd") == NULL, "a path is not a charset");
	ok(charset_canonical("UTF-8//IGNORE") == NULL, "iconv suffixes do not pass");
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (charset_canonical(names[i]) == NULL ||
		    strcmp(charset_canonical(names[i]), names[i]) != 0)
			bad++, tap_diag("%s is not its own label", names[i]);
	ok(bad == 0, "every name a report gives is a label of itself");
}

int
main(void)
{
	struct charset_report r;
	struct buf out;
	struct err e;

	labels();
	buf_init(&out);
	ok(charset_to_utf8("x", 1, NULL, "klingon", &out, &r, &e) != 0 &&
	    strstr(e.msg, "unknown charset 'klingon'"), "an unknown declared name is named");
	ok(charset_to_utf8("x", 1, NULL, "iso-2022-kr", &out, &r, &e) != 0 &&
	    strstr(e.msg, "unknown charset 'iso-2022-kr'"),
	    "a label browsers refuse is named too");
	ok(charset_to_utf8("\xe4\xb8\x8a", 3, NULL, "klingon", &out, &r, &e) == 0 &&
	    strcmp(r.charset, "UTF-8") == 0 && strcmp(r.declared, "klingon") == 0,
	    "valid UTF-8 beyond ASCII is UTF-8 whatever it declares, an unknown label too");
	ok(charset_to_utf8("x", 1, "klingon", NULL, &out, &r, &e) != 0 &&
	    strstr(e.msg, "unknown charset 'klingon'"), "and an unknown --charset");
	charset_to_utf8("\xe4\xb8\x8a", 3, NULL, "GB2312", &out, &r, &e);
	is_str(r.declared, "GB2312", "the report names the label UTF-8 overruled");

	decodes("ru.utf8", "ru.utf8", NULL, "UTF-8", "UTF-8");
	decodes("zh.utf8bom", "zh.utf8", NULL, "UTF-8", "byte-order mark");
	decodes("fr.utf16le", "fr.utf8", NULL, "UTF-16LE", "byte-order mark");
	decodes("ru.utf16be", "ru.utf8", NULL, "UTF-16BE", "byte-order mark");
	decodes("ru.cp1251", "ru.utf8", "cp1251", "WINDOWS-1251", "declared");
	decodes("fr.cp1252", "fr.utf8", NULL, "WINDOWS-1252", "detected");
	decodes("ru.cp1251", "ru.utf8", NULL, "WINDOWS-1251", "detected");
	decodes("ru.koi8r", "ru.utf8", NULL, "KOI8-R", "detected");
	decodes("ru.iso88595", "ru.utf8", NULL, "ISO-8859-5", "detected");
	decodes("ru.ibm866", "ru.utf8", NULL, "IBM866", "detected");
	decodes("zh.gb18030", "zh.utf8", NULL, "GB18030", "detected");
	decodes("ja.sjis", "ja.utf8", NULL, "CP932", "detected");
	decodes("zh.big5", "zh-tw.utf8", NULL, "BIG5-HKSCS", "detected");
	decodes("ko.cp949", "ko.utf8", NULL, "CP949", "detected");

	alone("fr.cp1252", "WINDOWS-1252");
	alone("ru.cp1251", "WINDOWS-1251");
	alone("ru.koi8r", "KOI8-R");
	alone("ru.ibm866", "IBM866");
	alone("zh.gb18030", "GB18030");
	alone("zh.big5", "BIG5-HKSCS");
	alone("ja.sjis", "CP932");
	alone("ko.cp949", "CP949");

	reads("\xe4\xb8\x8a\xe6\xb5\xb7", 6, NULL, "gb2312", "\xe4\xb8\x8a\xe6\xb5\xb7",
	    "UTF-8", "UTF-8", "valid UTF-8 declared gb2312 is read as UTF-8");
	reads("plain", 5, NULL, "gb2312", "plain", "GB18030", "declared",
	    "plain ASCII keeps what it declares");
	reads("a\x1b$B$\"\x1b(B", 9, NULL, "iso-2022-jp", "a\xe3\x81\x82",
	    "ISO-2022-JP", "declared", "so 7-bit ISO-2022-JP is read as declared");
	reads("\x93q\x94 \x97", 5, NULL, "iso-8859-1",
	    "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x94", "WINDOWS-1252", "declared",
	    "iso-8859-1 is windows-1252: 0x93 0x94 0x97 are quotes and a dash");
	reads("\xe9\x46\x81\x30\x84\x38\x95\x32\x82\x36", 10, NULL, "gb2312",
	    "\xe9\x95\x95\xc2\xa9\xf0\xa0\x80\x80", "GB18030", "declared",
	    "gb2312 is GB18030: GBK's U+9555 and four-byte U+00A9, U+20000");
	reads("\x87\x40\x87\x8a", 4, NULL, "shift_jis",
	    "\xe2\x91\xa0\xe3\x88\xb1", "CP932", "declared",
	    "shift_jis is CP932: NEC's circled one and U+3231");
	reads("\x82\xf2\xf4\xed", 4, NULL, "x-mac-cyrillic",
	    "\xd0\x92\xd1\x82\xd1\x84\xd0\xbd", "MAC-CYRILLIC", "declared",
	    "x-mac-cyrillic is MacCyrillic");
	reads("\xff\xfe\0\0" "a\0\0\0", 8, NULL, NULL, "a", "UTF-32LE",
	    "byte-order mark", "a UTF-32LE byte-order mark");
	reads("\0\0\xfe\xff" "\0\0\0a", 8, NULL, "koi8-r", "a", "UTF-32BE",
	    "byte-order mark", "a UTF-32BE one, over a declaration");
	reads("plain", 5, NULL, "utf-16le", "plain", "UTF-8", "declared",
	    "UTF-16 declared in ASCII bytes is read as UTF-8");
	reads("\xef\xbb\xbf" "\xc0", 4, "cp1251", "gb2312",
	    "\xd0\xbf\xc2\xbb\xd1\x97\xd0\x90", "WINDOWS-1251", "given",
	    "--charset overrides the byte-order mark and the declaration");
	reads("\xef\xbb\xbf" "ok", 5, "utf-8", NULL, "ok", "UTF-8", "given",
	    "and drops a byte-order mark of its own charset");

	bytewise("zh.gb18030", "GB18030");
	bytewise("ja.sjis", "SHIFT_JIS");
	bytewise("fr.utf16le", "UTF-16");
	bytewise("ru.utf8", "UTF-8");
	bytewise("ru.koi8r", "KOI8-R");

	broken("a\xff" "b", 3, "UTF-8", "a\xef\xbf\xbd" "b", 1,
	    "an invalid byte becomes U+FFFD and is counted");
	broken("ab\xe4\xb8", 4, "UTF-8", "ab\xef\xbf\xbd\xef\xbf\xbd", 2,
	    "a UTF-8 sequence cut at the end: U+FFFD, no hang");
	broken("ab\x81", 3, "GB18030", "ab\xef\xbf\xbd", 1,
	    "a GB18030 lead byte at the end: U+FFFD");
	broken("\xff\xfe" "a\0b", 5, NULL, "a\xef\xbf\xbd", 1,
	    "UTF-16 with an odd byte at the end: U+FFFD");
	broken("", 0, "KOI8-R", "", 0, "an empty input is an empty text");
	broken("\xef\xbb\xbf" "a\xf4\x90\x80\x80" "b", 9, NULL, "a\xef\xbf\xbd" "b",
	    1, "a code point beyond U+10FFFF (glibc's iconv lets it through): "
	    "U+FFFD (found by tests/fuzz/fuzz_charset.c)");
	buf_free(&out);
	return tap_done();
}
