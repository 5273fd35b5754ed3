/* SPDX-License-Identifier: ISC */
/* Failure injection for the tests of the error paths, in a build
 * configured with --enable-fault-injection (SCOTL_FAULT_INJECTION); in
 * any other build nothing here fails. Set in the environment:
 *   SCOTL_FAIL_ALLOC=N    the Nth allocation through xmalloc, xcalloc,
 *                         xrealloc, xstrdup (util.h) fails
 *   SCOTL_FAIL_SQLITE=N   SQLite's Nth allocation fails (its allocator is
 *                         wrapped, the way SQLite tests itself)
 *   SCOTL_FAIL_IO=N       SQLite's Nth read, write, sync, truncate or
 *                         file-size call fails with an I/O error (a VFS
 *                         over the default one, as SQLite's ioerr tests)
 *   SCOTL_FAIL_PERSIST=1  and every one after it fails too
 *   SCOTL_FAIL_COUNT=FILE at exit, "alloc N", "sqlite N" and "io N" lines
 *                         say how many calls there were (to size a sweep) */
#ifndef SCOTL_FAULT_H
#define SCOTL_FAULT_H

/* Reads the environment and wraps SQLite's allocator; must come before
 * anything initialises SQLite (main calls it first). */
void fault_init(void);

/* 1 when this allocation of scotl's own is the one to fail. */
int fault_alloc(void);

#endif
