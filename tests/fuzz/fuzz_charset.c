/* SPDX-License-Identifier: ISC */
/* Fuzz target: charset name + bytes -> UTF-8 (model/import/charset.c). The
 * input is an optional first line naming the declared charset (at most
 * 32 bytes; an empty line or none: undeclared) and the bytes of the
 * file. Whatever the bytes, the result is valid UTF-8, and decoding the
 * same bytes fed in chunks gives the same text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "scotl/charset.h"
#include "scotl/util.h"

#define FUZZ_NAME_MAX 32

/* The declared name, NULL when none; returns the bytes it took. */
static size_t
fuzz_charset_name(const char *s, size_t size, char name[FUZZ_NAME_MAX + 1],
    const char **declared)
{
	const char *nl = memchr(s, '\n', size < FUZZ_NAME_MAX + 1 ? size :
	    FUZZ_NAME_MAX + 1);
	size_t n;

	*declared = NULL;
	if (nl == NULL)
		return 0;
	n = (size_t)(nl - s);
	memcpy(name, s, n);
	name[n] = '\0';
	if (n > 0 && strlen(name) == n)
		*declared = name;
	return n + 1;
}

/* The bytes after a byte-order mark, which charset_to_utf8 drops. */
static size_t
fuzz_charset_bom(const char *in, size_t len)
{
	if (len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)
		return 3;
	if (len >= 4 && (memcmp(in, "\xff\xfe\0\0", 4) == 0 ||
	    memcmp(in, "\0\0\xfe\xff", 4) == 0))
		return 4;
	if (len >= 2 && (memcmp(in, "\xff\xfe", 2) == 0 ||
	    memcmp(in, "\xfe\xff", 2) == 0))
		return 2;
	return 0;
}

/* The same bytes through the streaming decoder, in chunks of 1 to 8
 * bytes (sizes taken from the bytes themselves): the same text. */
static void
fuzz_charset_chunked(const char *in, size_t len, const char *charset,
    const struct buf *whole, long invalid)
{
	struct charset_decoder d;
	struct buf out;
	struct err e;
	size_t i = 0, n;

	FUZZ_CHECK(charset_decoder_open(&d, charset, &e) == 0,
	    "the decoder does not open '%s' that the report names: %s",
	    charset, e.msg);
	buf_init(&out);
	buf_add(&out, "", 0);
	while (i < len) {
		n = 1 + (unsigned char)in[i] % 8;
		if (n > len - i)
			n = len - i;
		FUZZ_CHECK(charset_decoder_feed(&d, in + i, n, &out, &e) == 0,
		    "feeding %s: %s", charset, e.msg);
		i += n;
	}
	FUZZ_CHECK(charset_decoder_finish(&d, &out, &e) == 0, "finishing %s: %s",
	    charset, e.msg);
	FUZZ_CHECK(out.len == whole->len && memcmp(out.data, whole->data,
	    out.len) == 0, "%s in chunks: %zu bytes, at once: %zu", charset,
	    out.len, whole->len);
	FUZZ_CHECK(d.invalid == invalid, "%s in chunks: %ld invalid, at once: %ld",
	    charset, d.invalid, invalid);
	charset_decoder_close(&d);
	buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *declared, *in;
	char name[FUZZ_NAME_MAX + 1];
	struct charset_report rep;
	struct buf out;
	struct err e;
	size_t skip = fuzz_charset_name(s, size, name, &declared), len, bom;

	in = s + skip;
	len = size - skip;
	buf_init(&out);
	if (charset_to_utf8(in, len, NULL, declared, &out, &rep, &e) != 0) {
		FUZZ_CHECK(declared != NULL && charset_canonical(declared) == NULL,
		    "conversion failed: %s", e.msg);
		FUZZ_CHECK(e.msg[0] != '\0', "an empty error message");
		buf_free(&out);
		return 0;
	}
	FUZZ_CHECK(out.data != NULL || len == 0, "no text for %zu bytes", len);
	FUZZ_CHECK(out.data == NULL || util_utf8_valid(out.data, out.len, NULL),
	    "%s (%s) gave invalid UTF-8", rep.charset, rep.how);
	FUZZ_CHECK(charset_canonical(rep.charset) != NULL,
	    "the report names '%s', not a charset", rep.charset);
	FUZZ_CHECK(rep.confidence >= -1 && rep.confidence <= 100 &&
	    rep.invalid >= 0, "confidence %d, invalid %ld", rep.confidence,
	    rep.invalid);
	if (out.data == NULL)
		buf_add(&out, "", 0);
	bom = strcmp(rep.how, "byte-order mark") == 0 ? fuzz_charset_bom(in, len) : 0;
	if (strcmp(rep.how, "UTF-8") != 0)
		fuzz_charset_chunked(in + bom, len - bom, rep.charset, &out,
		    rep.invalid);
	buf_free(&out);
	return 0;
}
