/* SPDX-License-Identifier: ISC */
/* What is the user's, carried from an old database into a new one when
 * it is made anew (userdb_rebuild): the notes, tags and bookmarks of
 * the events found again, the saved views and the filter history. The
 * import side finds the events again; this side writes the user's rows,
 * which are its own. */
#ifndef SCOTL_CARRY_H
#define SCOTL_CARRY_H

#include "scotl/db.h"
#include "scotl/util.h"

/* What was carried over, and the notes, tags and bookmarks of events
 * that were not found again (they stay in the old file). */
struct carry_counts {
	int notes, tags, bookmarks, views, history;
	int lost;
};

/* Copies the user's rows from the database attached to DB as "old"
 * into DB's main one, the notes, tags and bookmarks onto the events
 * that temp.map_event (old id, new id) maps them to, and counts them
 * into ARG, a struct carry_counts. Runs inside the caller's transaction;
 * its signature is that of userdb_rebuild's hook. */
int carry_annotations(struct db *db, void *arg, struct err *e);

#endif
