/* SPDX-License-Identifier: ISC */
/* The user's own database (paths.h says where it lives): what a file
 * must hold to be taken for it, and how it is made again from the
 * bundled corpus, keeping what is the user's. */
#ifndef SCOTL_USERDB_H
#define SCOTL_USERDB_H

#include <stddef.h>

#include "scotl/db.h"
#include "scotl/util.h"

/* Opens PATH as the user's database: as db_open(), but a file that is
 * empty (0 bytes) or lacks scotl's data (no gazetteer) is refused with
 * what is wrong, what of the user's it holds, and how to rebuild it. */
int userdb_open(struct db **out, const char *path, enum db_mode mode,
    struct err *e);

/* What a rebuild carried over from the old file: the imported articles
 * (the hook below counts the user's own rows). */
struct userdb_carried {
	int articles;
	char kept[4096];        /* where the old file is now, "" if none */
};

/* Carries the user's own rows (notes, tags, bookmarks, saved views,
 * filter history) into DB, inside the rebuild's transaction, with the
 * old file attached as "old" and temp.map_event (old event id, new one)
 * filled; ARG is the hook's own. The user layer owns those rows, and
 * the import layer does not call it: the caller hands it in. */
typedef int userdb_carry_fn(struct db *db, void *arg, struct err *e);

/* Makes the user's database at PATH anew from the bundled corpus and
 * carries over from the file there (if any) the imported articles (each
 * imported again, its mentions and events found again), and, through
 * CARRY (called with ARG once the events are found again, by name, else
 * by the article that reports them), what else is the user's. The old
 * file is kept beside it as PATH.old-TIME; the new one takes its name
 * in one rename. */
int userdb_rebuild(const char *path, userdb_carry_fn *carry, void *arg,
    struct userdb_carried *c, struct err *e);

#endif
