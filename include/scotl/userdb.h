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

/* What a rebuild carried over from the old file, and what it could not
 * place (annotations of events the new database does not have). */
struct userdb_carried {
	int articles, notes, tags, bookmarks, views, history;
	int lost;
	char kept[4096];        /* where the old file is now, "" if none */
};

/* Makes the user's database at PATH anew from the bundled corpus and
 * carries over from the file there (if any) the imported articles (each
 * imported again, its mentions and events found again), the notes, tags
 * and bookmarks of events found again (by name, else by the article
 * that reports them), the saved views and the filter history. The old
 * file is kept beside it as PATH.old-TIME; the new one takes its name
 * in one rename. */
int userdb_rebuild(const char *path, struct userdb_carried *c, struct err *e);

#endif
