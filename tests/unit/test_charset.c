/* SPDX-License-Identifier: ISC */
/* model/import/charset.c: the allow-list, byte-order marks, declared charsets,
 * the detector on fixtures made with iconv from texts of our own, invalid
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
	ok(charset_to_utf8(in, len, declared, &out, &r, &e) == 0 &&
	    out.len == wlen && memcmp(out.data, want, wlen) == 0 && r.invalid == 0,
	    "%s decodes to the text of %s", file, text);
	is_str(r.charset, charset, "  read as its charset");
	is_str(r.how, how, "  and says how it knew");
	if (strcmp(how, "detected") == 0)
		tap_diag("%s: %s, confidence %d", file, r.charset, r.confidence);
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
	ok(charset_to_utf8(in, len, charset, &out, &r, &e) == 0 &&
	    strcmp(out.data, want) == 0 && r.invalid == invalid &&
	    util_utf8_valid(out.data, out.len, NULL), "%s", what);
	buf_free(&out);
}

int
main(void)
{
	struct charset_report r;
	struct buf out;
	struct err e;

	is_str(charset_canonical("cp1251"), "WINDOWS-1251", "cp1251 is windows-1251");
	is_str(charset_canonical("Shift-JIS"), "SHIFT_JIS", "names compare without case");
	is_str(charset_canonical("latin1"), "ISO-8859-1", "latin1");
	ok(charset_canonical("UTF-7") == NULL, "UTF-7 is not allowed");
	ok(charset_canonical("../../etc/passwd") == NULL, "a path is not a charset");
	ok(charset_canonical("UTF-8//IGNORE") == NULL, "iconv suffixes do not pass");
	buf_init(&out);
	ok(charset_to_utf8("x", 1, "klingon", &out, &r, &e) != 0 &&
	    strstr(e.msg, "'klingon' is not a charset"), "an unknown declared name is named");

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
	decodes("ja.sjis", "ja.utf8", NULL, "SHIFT_JIS", "detected");

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
