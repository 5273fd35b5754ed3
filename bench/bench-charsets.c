/* SPDX-License-Identifier: ISC */
/*
 * How often scotl reads undeclared text in the right charset, for
 * bench/bench-charsets.sh: each FILE is named NAME.CHARSET, CHARSET being
 * the truth (an iconv name: "big5", "koi8-r", "shift_jis"...). Each file
 * is guessed twice: by scotl's own detector alone (charset_detect), and
 * as scotl import does (charset_to_utf8 without a declaration: uchardet
 * first, scotl's detector where uchardet has no answer). A guess is right
 * when iconv decodes the file with it to the very text it gives with the
 * truth (so windows-1252 is right for ISO-8859-1 text without C1 bytes).
 * Files that are valid UTF-8 or open with a byte-order mark are not a
 * question for a detector, and files in a charset scotl does not read
 * (not a WHATWG label) cannot be read right: both are counted apart.
 *
 *   bench-charsets [-v] FILE...
 */
#include "config.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scotl/charset.h"
#include "scotl/util.h"

/* FILE in CHARSET as UTF-8, strictly: NULL on any invalid sequence. */
static char *
bench_decode(const char *in, size_t len, const char *charset, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	size_t cap = 4 * len + 16, left = cap;
	char *out, *op, *ip = (char *)in;
	size_t inleft = len;

	if (cd == (iconv_t)-1)
		return NULL;
	out = op = xmalloc(cap);
	if (iconv(cd, &ip, &inleft, &op, &left) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &left) == (size_t)-1) {
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	*outlen = cap - left;
	return out;
}

static int
bench_same(const char *in, size_t len, const char *truth, const char *guess)
{
	size_t tn, gn;
	char *t = bench_decode(in, len, truth, &tn);
	char *g = bench_decode(in, len, guess, &gn);
	int same = t != NULL && g != NULL && tn == gn && memcmp(t, g, tn) == 0;

	free(t);
	free(g);
	return same;
}

struct bench_totals {
	int files, right_scotl, right_first, by_uchardet, skip_utf, skip_unread;
};

static void
bench_one(const char *path, int verbose, struct bench_totals *t)
{
	const char *truth = strrchr(path, '.'), *alone;
	struct charset_report rep;
	struct buf in, out;
	struct err e;
	int conf, a, f;

	buf_init(&in);
	buf_init(&out);
	if (truth == NULL || util_read_file(path, &in, &e) != 0) {
		fprintf(stderr, "bench-charsets: %s: not NAME.CHARSET or unreadable\n",
		    path);
		goto done;
	}
	truth++;
	charset_to_utf8(in.data, in.len, NULL, NULL, &out, &rep, &e);
	if (strcmp(rep.how, "detected") != 0) {
		t->skip_utf++;  /* valid UTF-8, or a byte-order mark */
		goto done;
	}
	if (charset_canonical(truth) == NULL) {
		t->skip_unread++;
		if (verbose)
			printf("%-40s %-14s not a charset scotl reads\n", path, truth);
		goto done;
	}
	t->files++;
	alone = charset_detect(in.data, in.len, &conf);
	a = bench_same(in.data, in.len, truth, alone);
	f = bench_same(in.data, in.len, truth, rep.charset);
	t->right_scotl += a;
	t->right_first += f;
	t->by_uchardet += strcmp(rep.detector, "uchardet") == 0;
	if (verbose)
		printf("%-40s %-14s scotl %-13s %-5s %3d%%  first %-13s %-5s %s\n",
		    path, truth, alone, a ? "right" : "WRONG", conf, rep.charset,
		    f ? "right" : "WRONG", rep.detector);
done:
	buf_free(&in);
	buf_free(&out);
}

int
main(int argc, char **argv)
{
	struct bench_totals t = { 0 };
	int i = 1, verbose = 0;

	if (argc > 1 && strcmp(argv[1], "-v") == 0)
		verbose = 1, i++;
	if (i >= argc) {
		fprintf(stderr, "usage: bench-charsets [-v] FILE...\n");
		return 2;
	}
	for (; i < argc; i++)
		bench_one(argv[i], verbose, &t);
	printf("%d files in a charset scotl reads, not UTF-8, no byte-order mark\n"
	    "  scotl's detector alone: %d right\n"
	    "  uchardet first (then scotl's detector): %d right (uchardet "
	    "answered %d)\n"
	    "left out: %d valid UTF-8 or with a byte-order mark, %d in a charset "
	    "scotl does not read\n", t.files, t.right_scotl, t.right_first,
	    t.by_uchardet, t.skip_utf, t.skip_unread);
	return 0;
}
