/* SPDX-License-Identifier: ISC */
/* Databases made from the bundled corpus (paths.h says where it and the
 * user's own database live). */
#ifndef SCOTL_BUNDLED_H
#define SCOTL_BUNDLED_H

#include <stddef.h>

#include "scotl/util.h"

/* A new database at PATH, a copy of the bundled one, mode 0600, made
 * whole before it appears (db_copy_to): 0 made, 1 PATH exists (left as
 * it is, with a message), -1 an error. */
int bundled_copy(const char *path, struct err *e);

/* The user's database, created from the bundled one (with its directory)
 * when it does not exist yet. What is there already is not checked here:
 * userdb_open() does. */
int bundled_ensure_user(char *out, size_t size, struct err *e);

#endif
