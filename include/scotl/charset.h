/* SPDX-License-Identifier: ISC */
/* Bytes in any charset to UTF-8: byte-order marks, declared charsets
 * read as browsers read their labels (checked against an allow-list
 * before they reach iconv), valid UTF-8, and for undeclared text
 * uchardet, then a small detector of our own. Invalid sequences
 * become U+FFFD and are counted; a sequence cut off at the end never
 * hangs; every conversion has iconv state of its own. */
#ifndef SCOTL_CHARSET_H
#define SCOTL_CHARSET_H

#include <stddef.h>

#include "scotl/util.h"

/* The iconv name for a label as the WHATWG Encoding Standard reads it
 * ("latin1" is WINDOWS-1252, "gb2312" GB18030, "sjis" CP932...), compared
 * without case; NULL when not allowed. */
const char *charset_canonical(const char *name);

/* A decoder that can be fed any number of chunks: a sequence split
 * between chunks is joined, one left open at the end is U+FFFD. */
struct charset_decoder {
	void *cd;               /* iconv_t */
	char pending[8];        /* the start of a sequence cut by a chunk */
	size_t npending;
	long invalid;           /* sequences replaced by U+FFFD */
};

int charset_decoder_open(struct charset_decoder *d, const char *charset,
    struct err *e);
int charset_decoder_feed(struct charset_decoder *d, const char *in, size_t len,
    struct buf *out, struct err *e);
int charset_decoder_finish(struct charset_decoder *d, struct buf *out,
    struct err *e);
void charset_decoder_close(struct charset_decoder *d);

/* scotl's own guess at the charset of text that is not valid UTF-8,
 * among windows-1252, windows-1251, KOI8-R, ISO-8859-5, IBM866,
 * MacCyrillic, GB18030, Big5, CP932, EUC-JP and CP949, from the
 * characters each gives and where they sit in their standard;
 * *confidence is 0 to 100. */
const char *charset_detect(const char *in, size_t len, int *confidence);

struct charset_report {
	char charset[32];       /* what the text was read as */
	const char *how;        /* "given", "byte-order mark", "declared",
	                           "UTF-8", "detected" */
	const char *detector;   /* "uchardet", "scotl's detector" or "" */
	int confidence;         /* 100 unless detected; -1: not said */
	long invalid;           /* sequences replaced by U+FFFD */
	char declared[32];      /* a label that valid UTF-8 overruled */
};

/* The whole of a file's bytes as UTF-8 (without a BOM). FORCED (the
 * command line's --charset) overrides everything; else a byte-order
 * mark, else DECLARED, except that text which is valid UTF-8 and not
 * plain ASCII is read as UTF-8 whatever it declares; else the detectors.
 * Either may be NULL; a label not on the allow-list is an error naming
 * it. */
int charset_to_utf8(const char *in, size_t len, const char *forced,
    const char *declared, struct buf *out, struct charset_report *rep,
    struct err *e);

#endif
