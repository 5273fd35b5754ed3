/* SPDX-License-Identifier: ISC */
/* The importer's row writers for the other writers of model/import (the
 * rebuild of a user database) and their tests: they write inside the
 * caller's transaction, which only the store layer can open, so tui/
 * reaches the import through scotl/importer.h alone. Private to
 * model/import and its tests. */
#ifndef SCOTL_IMPORT_IMPORT_H
#define SCOTL_IMPORT_IMPORT_H

#include "scotl/article.h"
#include "scotl/db.h"
#include "scotl/importer.h"
#include "scotl/mention.h"
#include "scotl/people.h"
#include "scotl/util.h"

/* Stores article A (A->hash the SHA-256 of its body) inside the caller's
 * transaction, with what the steps find in it: its mentions, the people
 * it names that the gazetteer does not know, the event it reports. Sets
 * A->id and, in OUT, article_id, mentions, people and event_*. */
int import_article(struct db *db, struct article *a, struct import_outcome *out,
    struct err *e);

/* The step of import_article that stores the people people_find proposed
 * and adds their mentions to M (N of them, in order of position), where
 * the event's extraction looks for them. */
int import_people(struct db *db, long long article, const struct people_found *p,
    int np, struct mention_row **m, int *n, struct err *e);

#endif
