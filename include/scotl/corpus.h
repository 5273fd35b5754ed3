/* SPDX-License-Identifier: ISC */
/* The loader of the bundled corpus: reads data/ (articles.rec,
 * gazetteer.rec, events.rec and the article files, see data/FORMAT.md)
 * into an empty database in one transaction. */
#ifndef SCOTL_CORPUS_H
#define SCOTL_CORPUS_H

#include "scotl/db.h"
#include "scotl/util.h"

struct corpus_counts {
	int articles;
	int entities;
	int aliases;
	int events;
	int participants;
	int evidence;
	int claims;
	int mentions;
};

/* On a malformed line the message is "FILE:LINE: why" and nothing is
 * written. */
int corpus_load(struct db *db, const char *datadir, struct corpus_counts *n,
    struct err *e);

/* The same, and then the states' names in other languages of NAMES (a
 * file of "names: STATE" records with "alias:" lines, as the build makes
 * data/iso-names.rec from iso-codes; see data/FORMAT.md) before the
 * mentions are found; a name the gazetteer has already is passed over. */
int corpus_load_names(struct db *db, const char *datadir, const char *names,
    struct corpus_counts *n, struct err *e);

/* True when the name is one of the event kinds of data/FORMAT.md. */
int corpus_kind_known(const char *kind);

#endif
