/* SPDX-License-Identifier: ISC */
/* Writing the events of a filter for other programs: CSV and JSON (one
 * row per event, participants joined), iCalendar (one all-day VEVENT per
 * event) and TimelineJS JSON, for publishing a filtered timeline. */
#ifndef SCOTL_EXPORT_H
#define SCOTL_EXPORT_H

#include <stdio.h>

#include "scotl/db.h"
#include "scotl/events.h"
#include "scotl/util.h"

enum export_format {
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_ICS,
	EXPORT_TIMELINEJS,
};

/* "csv", "json", "ics", "timelinejs": 0, or -1 for another name. */
int export_format_parse(const char *name, enum export_format *out);
/* The format a file name asks for by its extension (".ics"), else CSV. */
enum export_format export_format_for(const char *path);

/* Writes every event of F to FP; *count is how many. */
int export_write(struct db *db, const struct event_filter *f,
    enum export_format format, FILE *fp, long long *count, struct err *e);

/* Writes to PATH as outfile.h does: a regular file is replaced through
 * a temporary file renamed into place, so that a failure never leaves
 * half a file where a good one was; a device or FIFO is written.
 * FLAGS are outfile_open's (OUTFILE_NO_WAIT). */
int export_to_file(struct db *db, const struct event_filter *f,
    enum export_format format, const char *path, int flags,
    long long *count, struct err *e);

#endif
