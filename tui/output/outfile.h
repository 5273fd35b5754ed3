/* SPDX-License-Identifier: ISC */
/* A file written as a whole, for export -o and :export. A regular file
 * (or the one a symlink names) is replaced at once, through a temporary
 * file beside it, keeping its mode, and only if it may be written; a
 * device or a FIFO is written in place, as the shell's '>' would. A
 * link another user planted in a sticky folder (/tmp) is not followed. */
#ifndef SCOTL_OUTFILE_H
#define SCOTL_OUTFILE_H

#include <stdio.h>

#include "scotl/util.h"

struct outfile {
	FILE *fp;               /* write here */
	char *path;             /* the file written: PATH after its symlinks,
				 * or PATH itself when written in place */
	char *tmp;              /* renamed onto path at the end; NULL in place */
};

/* Flags for outfile_open. */
#define OUTFILE_NO_WAIT 1       /* a FIFO with no reader fails at once */

/* Opens PATH for writing. One outfile at a time: until it is closed, a
 * SIGTERM, SIGINT or SIGHUP removes the temporary file. Without
 * OUTFILE_NO_WAIT a FIFO with no reader is waited for, as '>' waits. */
int outfile_open(struct outfile *of, const char *path, int flags,
    struct err *e);

/* Flushes, syncs and closes; with KEEP the temporary file replaces the
 * file, else it is removed. 0, or -1 with *e saying what failed (with
 * KEEP unset, *e is left alone). */
int outfile_close(struct outfile *of, int keep, struct err *e);

#endif
