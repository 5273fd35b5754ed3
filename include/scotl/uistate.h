/* SPDX-License-Identifier: ISC */
/* Where the user was (selected event, pane, filter), kept in the database
 * so that a dropped SSH session resumes there. */
#ifndef SCOTL_UISTATE_H
#define SCOTL_UISTATE_H

#include "scotl/db.h"
#include "scotl/util.h"

/* *value is NULL when the key was never set. */
int uistate_get(struct db *db, const char *key, char **value, struct err *e);
/* Fails with a message naming the database when it is read-only. */
int uistate_set(struct db *db, const char *key, const char *value,
    struct err *e);
/* KEYS[i] set to VALUES[i] for N keys in one transaction: one wait for
 * the write lock, and all of them or none. */
int uistate_set_all(struct db *db, const char *const keys[],
    const char *const values[], int n, struct err *e);
int uistate_clear(struct db *db, struct err *e);

#endif
