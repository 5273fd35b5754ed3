/* SPDX-License-Identifier: ISC */
/* Where the databases live:
 *  - the bundled corpus: data/scotl.db beside the program in a build tree,
 *    else $(pkgdatadir)/scotl.db of the installation; never written;
 *  - the user's own: $XDG_DATA_HOME/scotl/scotl.db (default
 *    ~/.local/share/scotl/scotl.db), made from the bundled corpus the first
 *    time something is saved (bundled.h).
 * Only names are computed here (and directories made): no database is
 * opened. */
#ifndef SCOTL_PATHS_H
#define SCOTL_PATHS_H

#include <stddef.h>

#include "scotl/util.h"

/* argv[0], for systems without /proc/self/exe. */
void paths_init(const char *argv0);

/* The bundled database; -1 with a message when there is none. */
int paths_bundled_db(char *out, size_t size, struct err *e);
int paths_user_db(char *out, size_t size, struct err *e);

/* 1 when PATH names the user's database (its own name, or a link). */
int paths_is_user_db(const char *path);

/* What to open when no --db is given: the user's database when it exists,
 * else the bundled one. */
int paths_default_db(char *out, size_t size, struct err *e);

/* A file of scotl's cache: $XDG_CACHE_HOME/scotl/NAME (default
 * ~/.cache/scotl/NAME). Its directory may not exist yet. */
int paths_cache_file(char *out, size_t size, const char *name, struct err *e);

/* mkdir -p for the directories above FILE, each made 0700. */
int paths_make_parents(const char *file, struct err *e);

#endif
