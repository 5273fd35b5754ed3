/* SPDX-License-Identifier: ISC */
/* outcheck KIND [FILE]: checks what scotl wrote (FILE, or standard
 * input) as KIND: text, json, timelinejs, csv or ics (outcheck.h). Exits
 * 0 when it is fit, else prints why and exits 1. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "outcheck.h"
#include "scotl/util.h"

static int
outcheck_read(FILE *fp, struct buf *b)
{
	char chunk[65536];
	size_t n;

	buf_add(b, "", 0);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(b, chunk, n);
	return ferror(fp) ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct buf b;
	const char *bad = NULL, *kind = argc > 1 ? argv[1] : "";
	FILE *fp = argc > 2 ? fopen(argv[2], "rb") : stdin;

	if (argc < 2 || argc > 3) {
		fputs("usage: outcheck text|json|timelinejs|csv|ics [FILE]\n", stderr);
		return 2;
	}
	buf_init(&b);
	if (fp == NULL || outcheck_read(fp, &b) != 0) {
		perror(argc > 2 ? argv[2] : "stdin");
		return 2;
	}
	if (strcmp(kind, "text") == 0)
		bad = outcheck_text(b.data, b.len, 0);
	else if (strcmp(kind, "json") == 0)
		bad = outcheck_json(b.data, b.len);
	else if (strcmp(kind, "timelinejs") == 0)
		bad = outcheck_timelinejs(b.data, b.len);
	else if (strcmp(kind, "csv") == 0)
		bad = outcheck_csv(b.data, b.len);
	else if (strcmp(kind, "ics") == 0)
		bad = outcheck_ics(b.data, b.len);
	else
		bad = "unknown KIND";
	if (bad != NULL)
		printf("%s\n", bad);
	buf_free(&b);
	return bad != NULL;
}
