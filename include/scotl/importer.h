/* SPDX-License-Identifier: ISC */
/* Importing one saved article: read, reject what is not an article,
 * decode its charset, reduce HTML, read the header block, sanitise,
 * remove site chrome, store it with its mentions in one transaction.
 * Re-importing the same text is a no-op (content hash). */
#ifndef SCOTL_IMPORTER_H
#define SCOTL_IMPORTER_H

#include "scotl/db.h"
#include "scotl/util.h"

#define IMPORT_DEFAULT_MAX_SIZE (16LL * 1024 * 1024)

struct import_options {
	const char *date;       /* publication date when the file has none */
	const char *source;
	const char *charset;    /* overrides what the file declares */
	long long max_size;
	int dry_run;            /* do everything but write */
};

enum import_status {
	IMPORT_NEW,
	IMPORT_DUPLICATE,
	IMPORT_REJECTED,
};

struct import_outcome {
	enum import_status status;
	char reason[256];       /* why it was rejected */
	char warning[512];      /* "" or what the user should know */
	long long article_id;
	int mentions;
	long long bytes;
	char charset[32];
	const char *how;        /* how the charset was known */
	int confidence;
	long invalid;           /* sequences replaced by U+FFFD */
	long removed;           /* control and invisible characters removed */
	long long event_id;     /* the first event it reports, 0 when none */
	int event_created;      /* new extracted events */
	int event_disputed;     /* known events it reports, with another date */
	int people;             /* people proposed (unknown to the gazetteer) */
	int undated;            /* articles stored without a publication date */
	int undated_events;     /* of those, ones whose event is dated by
	                         * their text alone */
	int title_made;         /* articles whose title was made from their
	                         * first sentence (no headline) */
	/* A feed: one article per item. Then mentions, people, event_created
	 * and event_disputed are sums over its items, and article_id is the
	 * first item stored. */
	int feed;               /* the file was a feed */
	int items;              /* items in it */
	int items_new, items_duplicate, items_rejected;
	int events_attached;    /* known events it reports (evidence) */
};

/* Fills OUT for every file, rejected ones included; -1 only when the
 * database fails (then nothing of the file was written). PATH may be of
 * any length; what is not a regular file is rejected unread. */
int import_file(struct db *db, const char *path, const struct import_options *o,
    struct import_outcome *out, struct err *e);

/* The same for an article read from FD (left open) to its end, standard
 * input for one; NAME is its file name, or NULL for none. */
int import_fd(struct db *db, int fd, const char *name,
    const struct import_options *o, struct import_outcome *out, struct err *e);

/* What import_file would store from RAW, the bytes of a file named PATH,
 * without reading or writing anything: 1 with the title and body as new
 * strings, 0 when the file would be rejected (OUT says why). For the
 * tests and the fuzzers. */
int import_text(const char *raw, size_t len, const char *path,
    const struct import_options *o, char **title, char **body,
    struct import_outcome *out);

#endif
