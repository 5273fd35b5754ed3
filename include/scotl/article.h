/* SPDX-License-Identifier: ISC */
/* Article text as stored: UTF-8, sanitised, without site chrome. */
#ifndef SCOTL_ARTICLE_H
#define SCOTL_ARTICLE_H

#include "scotl/db.h"
#include "scotl/util.h"

struct article {
	long long id;
	char *name;             /* the file it came from */
	char *title;
	char *source;
	char *url;
	char *author;
	char *published;
	char *charset;
	char *hash;
	char *body;
	size_t body_len;
	int title_made;         /* made from the first sentence, not found */
};

/* Articles are stored by the import (model/import/rows.c). */

/* Just the body of an article, as a new string. */
int article_body(struct db *db, long long id, char **body, struct err *e);

/* By number or by the file name it was loaded from. */
int article_find(struct db *db, const char *key, long long *id, struct err *e);
int article_get(struct db *db, long long id, struct article *out,
    struct err *e);
void article_free(struct article *a);

/* An event an article reports (is evidence for). */
struct article_event {
	long long id;
	char *slug;             /* "" for an extracted event */
	char *first_day, *last_day;
	char *kind;
	char *title;
	int extracted;
};

/* The events article ID reports, in order of date: a new array of *N
 * (free it with article_events_free). */
int article_events(struct db *db, long long id, struct article_event **out,
    int *n, struct err *e);
void article_events_free(struct article_event *v, int n);

#endif
