/* SPDX-License-Identifier: ISC */
/* Reader for the plain-text record files of data/ (see data/FORMAT.md):
 * records separated by blank lines, "field: value" lines, '#' comments. */
#ifndef SCOTL_REC_H
#define SCOTL_REC_H

#include "scotl/util.h"

struct rec_field {
	char *name;
	char *value;
	int line;
};

struct rec {
	struct rec_field *fields;
	int n;
	int cap;
	int line;               /* line of the first field */
};

struct rec_reader {
	char *path;
	struct buf text;
	size_t pos;
	int line;
};

int rec_open(struct rec_reader *r, const char *path, struct err *e);
void rec_close(struct rec_reader *r);

/* Reads the next record: 1 when one was read, 0 at the end of the file,
 * -1 on a malformed line (the message is "PATH:LINE: why"). */
int rec_next(struct rec_reader *r, struct rec *out, struct err *e);
void rec_free(struct rec *rec);

/* Splits a value on '|' into at most max parts, trimming spaces around
 * each; the last part keeps any further bars. Returns the number of parts.
 * The parts point into value, which is modified. */
int rec_split(char *value, char **parts, int max);

#endif
