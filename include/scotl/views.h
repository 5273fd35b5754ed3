/* SPDX-License-Identifier: ISC */
/* Saved views (a name for a filter) and the filter line's history, both
 * kept in the user's database. */
#ifndef SCOTL_VIEWS_H
#define SCOTL_VIEWS_H

#include "scotl/db.h"
#include "scotl/util.h"

#define VIEWS_NAME_MAX 64
#define VIEWS_HISTORY_MAX 200

struct saved_view {
	char *name;
	char *filter;
};

/* NAME is 1 to VIEWS_NAME_MAX letters, digits or "-_."; saving an existing
 * name replaces its filter. The filter is stored as typed: it is checked
 * by whoever saves it. */
int views_save(struct db *db, const char *name, const char *filter,
    struct err *e);
/* 1 with *filter set when the view exists, 0 when it does not. */
int views_get(struct db *db, const char *name, char **filter, struct err *e);
/* 1 when it was deleted, 0 when there was no such view. */
int views_delete(struct db *db, const char *name, struct err *e);
/* Every view, by name. */
int views_list(struct db *db, struct saved_view **out, int *n, struct err *e);
void views_list_free(struct saved_view *v, int n);

/* Appends TEXT to the history (moving it to the end when it is there),
 * keeping the newest VIEWS_HISTORY_MAX. Blank text is ignored. */
int views_history_add(struct db *db, const char *text, struct err *e);
/* The history, oldest first. */
int views_history(struct db *db, char ***out, int *n, struct err *e);
void views_history_free(char **h, int n);

#endif
