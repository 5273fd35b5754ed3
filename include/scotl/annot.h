/* SPDX-License-Identifier: ISC */
/* What the user keeps on events: bookmarks, tags and a note. They live
 * in the user's database beside the corpus and are searched with tag:,
 * is:bookmarked and is:noted. */
#ifndef SCOTL_ANNOT_H
#define SCOTL_ANNOT_H

#include "scotl/db.h"
#include "scotl/util.h"

#define ANNOT_TAG_MAX 64                /* bytes in one tag */
#define ANNOT_TAGS_MAX 32               /* tags on one event */
#define ANNOT_NOTE_MAX (64 * 1024)      /* bytes in a note */

/* Bookmarks the event, or removes its bookmark; *on says which. */
int annot_bookmark_toggle(struct db *db, long long event_id, int *on,
    struct err *e);

/* The event's tags, lower case, in name order, separated by spaces ("" when
 * none). */
int annot_tags_get(struct db *db, long long event_id, char **tags,
    struct err *e);
/* Replaces the event's tags with the words of TEXT (spaces or commas
 * between them; a leading '#' is dropped). A tag holds letters, digits and
 * "-_.:/"; anything else fails naming the character and its column, and
 * nothing is changed. */
int annot_tags_set(struct db *db, long long event_id, const char *text,
    struct err *e);

/* The event's note (NULL when it has none). */
int annot_note_get(struct db *db, long long event_id, char **body,
    struct err *e);
/* Replaces the note; a blank BODY removes it. BODY must be UTF-8 (the
 * error names the byte that is not) of at most ANNOT_NOTE_MAX bytes. */
int annot_note_set(struct db *db, long long event_id, const char *body,
    struct err *e);
/* The same for LEN bytes from a file (an editor's): a NUL byte among them
 * is refused, naming it, rather than the note cut there. */
int annot_note_set_bytes(struct db *db, long long event_id, const char *body,
    size_t len, struct err *e);

#endif
