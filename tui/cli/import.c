/* SPDX-License-Identifier: ISC */
/* scotl import: saved articles (files and folders) into the user's
 * database, one transaction per file, with a progress line on a terminal
 * and a summary that says what happened to every file that was not
 * simply imported. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "scotl/bundled.h"
#include "scotl/date.h"
#include "scotl/importer.h"
#include "output/out.h"
#include "scotl/paths.h"

static const char cli_import_usage[] =
	"usage: scotl import [--date DATE] [--source NAME] [--charset NAME]\n"
	"                    [--max-size BYTES] [--dry-run] [--db PATH] PATH...\n"
	"\n"
	"Imports saved articles: plain text (the first line is the title,\n"
	"unless it is long or ends a sentence: then it is the lead paragraph\n"
	"and a title is made from it), text with a header block (Title:,\n"
	"Date:, Source:, URL:, Charset:), saved HTML pages, and news feeds\n"
	"(RSS and Atom: one article an item). Folders are read recursively,\n"
	"each once; '-' reads one article from standard input. Without --db\n"
	"the articles go to your own database. Exit 1 when a file was\n"
	"rejected.\n";

struct cli_import {
	struct db *db;
	struct import_options opt;
	char **files;
	int nfiles, cap;
	long long total_bytes, done_bytes;
	int imported, duplicates, rejected, warnings, mentions;
	int events_new, events_attached, events_disputed, people, undated;
	struct buf report;      /* rejections and warnings, printed at the end */
	void *seen;             /* struct cli_import_seen, a tsearch tree */
	int progress;           /* draw a progress line on stderr */
	int dry_run;            /* import into a copy in memory (opt.dry_run
	                         * would store nothing, and count less) */
	double start;
};

static double
cli_import_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A file or folder met on the walk, by device and inode, with the path
 * it was first met by: a folder linked twice (a link to "." or to a
 * folder above) is walked once, a file linked twice is imported once. */
struct cli_import_seen {
	dev_t dev;
	ino_t ino;
	char *path;
};

/* A name in a folder and what it is, links followed. */
struct cli_import_entry {
	char *name;
	struct stat st;
	int err;                /* errno of its stat, 0 when known */
};

/* A folder being walked: its names in order, the next one, and how long
 * its path is in the walk's path. */
struct cli_import_frame {
	struct cli_import_entry *e;
	int n, next;
	size_t len;
};

static int
cli_import_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cli_import_entry *)a)->name,
	    ((const struct cli_import_entry *)b)->name);
}

static int
cli_import_seen_cmp(const void *a, const void *b)
{
	const struct cli_import_seen *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

static void
cli_import_seen_free(void *p)
{
	struct cli_import_seen *s = p;

	free(s->path);
	free(s);
}

/* A path for a message about another one: its two ends when it is long,
 * cut between characters, as a walk can make it any length and a set of
 * folders would hold it once per folder. */
static char *
cli_import_short(const char *path)
{
	size_t len = strlen(path), head = 100, tail;
	struct buf b;

	if (len <= 300)
		return xstrdup(path);
	while (head > 0 && ((unsigned char)path[head] & 0xc0) == 0x80)
		head--;
	tail = len - 180;
	while (((unsigned char)path[tail] & 0xc0) == 0x80)
		tail++;
	buf_init(&b);
	buf_printf(&b, "%.*s\xe2\x80\xa6%s", (int)head, path, path + tail);
	return buf_steal(&b);
}

/* NULL the first time ST's file is met (then it is remembered as PATH),
 * else the path it was first met by. */
static const char *
cli_import_seen(struct cli_import *c, const struct stat *st, const char *path)
{
	struct cli_import_seen *s = xmalloc(sizeof *s), **found;

	s->dev = st->st_dev;
	s->ino = st->st_ino;
	s->path = NULL;
	found = tsearch(s, &c->seen, cli_import_seen_cmp);
	if (found == NULL)
		util_out_of_memory(sizeof *s);
	if (*found != s) {
		free(s);
		return (*found)->path;
	}
	s->path = cli_import_short(path);
	return NULL;
}

/* One line of the report, whatever the file's name holds: a newline in
 * it must not start a line that looks like one of ours. */
static void
cli_import_report(struct cli_import *c, const char *what, const char *path,
    const char *why)
{
	buf_printf(&c->report, "%s: ", what);
	out_clean(&c->report, path, OUT_NAME);
	buf_adds(&c->report, ": ");
	out_clean(&c->report, why, OUT_ONE_LINE);
	buf_addc(&c->report, '\n');
}

static void
cli_import_skipped(struct cli_import *c, const char *path, const char *what,
    const char *first)
{
	struct buf why;

	buf_init(&why);
	if (strcmp(path, first) == 0)
		buf_adds(&why, "already read");
	else
		buf_printf(&why, "the same %s as %s", what, first);
	cli_import_report(c, "skipped", path, why.data);
	buf_free(&why);
}

static void
cli_import_folder_error(struct cli_import *c, const char *path, int error)
{
	struct buf why;

	buf_init(&why);
	buf_printf(&why, "cannot read the folder: %s", strerror(error));
	cli_import_report(c, "rejected", path, why.data);
	buf_free(&why);
}

/* ST is NULL when the file could not be looked at: it is rejected with
 * the reason when it is read. */
static void
cli_import_add(struct cli_import *c, const char *path, const struct stat *st)
{
	const char *first;

	if (st != NULL && S_ISREG(st->st_mode) &&
	    (first = cli_import_seen(c, st, path)) != NULL) {
		cli_import_skipped(c, path, "file", first);
		return;
	}
	c->files = xgrow(c->files, c->nfiles, &c->cap, sizeof *c->files);
	c->files[c->nfiles++] = xstrdup(path);
	if (st != NULL)
		c->total_bytes += (long long)st->st_size;
}

/* The names in DIR but those starting with '.', sorted, each looked at
 * from DIR itself (no path to build, however deep). */
static int
cli_import_names(DIR *dir, struct cli_import_entry **out)
{
	struct cli_import_entry *e = NULL;
	struct dirent *de;
	int n = 0, cap = 0;

	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		e = xgrow(e, n, &cap, sizeof *e);
		e[n].name = xstrdup(de->d_name);
		e[n].err = fstatat(dirfd(dir), de->d_name, &e[n].st, 0) == 0 ?
		    0 : errno;
		n++;
	}
	qsort(e, (size_t)n, sizeof *e, cli_import_entry_cmp);
	*out = e;
	return n;
}

/* Reads the folder at PATH into a new frame on the stack, unless it was
 * walked already or cannot be read (both said in the report). Only the
 * folder being read is open: the walk holds no descriptors, however
 * deep it goes. */
static void
cli_import_enter(struct cli_import *c, const struct buf *path,
    struct cli_import_frame **stack, int *depth, int *cap)
{
	struct cli_import_frame *f;
	const char *first;
	struct stat st;
	DIR *dir;
	int fd;

	if ((fd = util_open(path->data, O_RDONLY | O_DIRECTORY)) < 0 ||
	    fstat(fd, &st) != 0 || (dir = fdopendir(fd)) == NULL) {
		cli_import_folder_error(c, path->data, errno);
		c->rejected++;
		if (fd >= 0)
			close(fd);
		return;
	}
	if ((first = cli_import_seen(c, &st, path->data)) != NULL) {
		cli_import_skipped(c, path->data, "folder", first);
		closedir(dir);
		return;
	}
	*stack = xgrow(*stack, *depth, cap, sizeof **stack);
	f = &(*stack)[(*depth)++];
	f->n = cli_import_names(dir, &f->e);
	f->next = 0;
	f->len = path->len;
	closedir(dir);
}

/* Files in a stable order: folders are walked in name order, and names
 * starting with '.' are left out. The walk keeps its own stack, so that
 * depth costs memory, not the C stack; paths of any length are opened a
 * piece at a time (util_open). */
static void
cli_import_collect(struct cli_import *c, const char *arg)
{
	struct cli_import_frame *stack = NULL, *top;
	struct cli_import_entry *ent;
	int depth = 0, cap = 0, dir;
	struct buf path;
	const char *rest;
	struct stat st;

	buf_init(&path);
	buf_adds(&path, arg);
	if ((dir = util_path_at(arg, &rest)) == -1 ||
	    fstatat(dir, rest, &st, 0) != 0)
		cli_import_add(c, arg, NULL);
	else if (S_ISDIR(st.st_mode))
		cli_import_enter(c, &path, &stack, &depth, &cap);
	else
		cli_import_add(c, arg, &st);
	util_path_done(dir);
	while (depth > 0) {
		top = &stack[depth - 1];
		if (top->next == top->n) {
			free(top->e);
			depth--;
			continue;
		}
		ent = &top->e[top->next++];
		path.len = top->len;
		buf_addc(&path, '/');
		buf_adds(&path, ent->name);
		free(ent->name);
		if (ent->err != 0)
			cli_import_add(c, path.data, NULL);
		else if (S_ISDIR(ent->st.st_mode))
			cli_import_enter(c, &path, &stack, &depth, &cap);
		else
			cli_import_add(c, path.data, &ent->st);
	}
	free(stack);
	buf_free(&path);
}

static void
cli_import_progress(struct cli_import *c, int done, int last)
{
	double secs = cli_import_now() - c->start, rate, eta;
	int width = 24, filled, i;

	if (!c->progress)
		return;
	rate = secs > 0 ? (double)c->done_bytes / secs : 0;
	eta = rate > 0 ? (double)(c->total_bytes - c->done_bytes) / rate : 0;
	filled = c->nfiles ? done * width / c->nfiles : width;
	fputc('\r', stderr);
	fputc('[', stderr);
	for (i = 0; i < width; i++)
		fputc(i < filled ? '#' : ' ', stderr);
	fprintf(stderr, "] %d/%d files  %.1f MB/s  ETA %.0fs ", done, c->nfiles,
	    rate / 1e6, eta);
	if (last)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* "-" is standard input, as the user typed it: a file named "-" in a
 * folder is "DIR/-", and one given alone is "./-". */
static int
cli_import_read(struct cli_import *c, const char *path,
    struct import_outcome *o, struct err *e)
{
	if (strcmp(path, "-") == 0)
		return import_fd(c->db, STDIN_FILENO, NULL, &c->opt, o, e);
	return import_file(c->db, path, &c->opt, o, e);
}

/* A feed's items, counted as articles; its own line says what became
 * of them: "feed.xml: 30 items, 28 imported, 2 duplicates". */
static void
cli_import_feed(struct cli_import *c, const char *path,
    const struct import_outcome *o)
{
	struct buf what;

	c->imported += o->items_new;
	c->duplicates += o->items_duplicate;
	c->mentions += o->mentions;
	c->events_new += o->event_created;
	c->events_attached += o->events_attached;
	c->events_disputed += o->event_disputed;
	c->people += o->people;
	buf_init(&what);
	buf_printf(&what, "%d items, %d imported", o->items, o->items_new);
	if (o->items_duplicate > 0)
		buf_printf(&what, ", %d duplicates", o->items_duplicate);
	if (o->items_rejected > 0)
		buf_printf(&what, ", %d without text", o->items_rejected);
	cli_import_report(c, "feed", path, what.data);
	buf_free(&what);
}

/* A file that is one article: counted by what became of it. */
static void
cli_import_counted(struct cli_import *c, const char *path,
    const struct import_outcome *o)
{
	switch (o->status) {
	case IMPORT_NEW:
		c->imported++;
		c->mentions += o->mentions;
		c->events_new += o->event_created;
		c->events_attached += o->events_attached;
		c->events_disputed += o->event_disputed;
		c->people += o->people;
		break;
	case IMPORT_DUPLICATE:
		c->duplicates++;
		break;
	case IMPORT_REJECTED:
		c->rejected++;
		cli_import_report(c, "rejected", path, o->reason);
		break;
	}
}

/* Articles without a headline, and without a date (said in the
 * warning). */
static void
cli_import_made(struct cli_import *c, const char *path,
    const struct import_outcome *o)
{
	char why[96];

	c->undated += o->undated;
	if (o->title_made == 0)
		return;
	if (o->feed)
		snprintf(why, sizeof why, "%d items without a title: titles made "
		    "from their first sentence", o->title_made);
	else
		snprintf(why, sizeof why, "no headline: title made from the first "
		    "sentence");
	cli_import_report(c, "note", path, why);
}

static int
cli_import_one(struct cli_import *c, const char *path)
{
	struct import_outcome o;
	struct err e;

	if (cli_import_read(c, path, &o, &e) != 0) {
		if (c->progress)
			fputs("\r\033[K", stderr);
		return cli_error(CLI_ERROR, "%s: %s", path, e.msg);
	}
	c->done_bytes += o.bytes;
	if (o.feed && o.status != IMPORT_REJECTED)
		cli_import_feed(c, path, &o);
	else
		cli_import_counted(c, path, &o);
	if (o.status != IMPORT_REJECTED && o.warning[0]) {
		c->warnings++;
		cli_import_report(c, "warning", path, o.warning);
	}
	cli_import_made(c, path, &o);
	return CLI_OK;
}

/* import --db PATH where there is no file: a new scotl database, made
 * from the bundled corpus (an empty one would find no one in the
 * articles), and the user is told. */
static int
cli_import_new_db(const char *path)
{
	struct stat st;
	struct err e;
	int rc;

	if (strcmp(path, ":memory:") == 0 || lstat(path, &st) == 0)
		return CLI_OK;
	if ((rc = bundled_copy(path, &e)) < 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	if (rc == 0)
		fprintf(stderr, "scotl: %s did not exist: made it a new scotl "
		    "database, from the bundled corpus\n", path);
	return CLI_OK;
}

/* A dry run imports into a copy in memory of the database a real run
 * would write, so that it counts what the real run would (duplicates
 * among the files, events found again) and writes nothing at all: not
 * even the user's database, when there is none yet. */
static int
cli_import_open_dry(struct cli *cli, struct cli_import *c)
{
	char path[PATH_MAX];
	struct err e;
	struct stat st;
	struct db *src;
	int status;

	if (cli->db_path != NULL && strcmp(cli->db_path, ":memory:") == 0)
		return cli_check_db_arg(cli->db_path);
	if (cli->db_path != NULL)
		snprintf(path, sizeof path, "%s", cli->db_path);
	else if (paths_user_db(path, sizeof path, &e) != 0)
		path[0] = '\0';
	if (path[0] == '\0' || lstat(path, &st) != 0) {
		/* What a real run would make first. */
		if (cli->db_path != NULL)
			fprintf(stderr, "scotl: %s does not exist: a real import "
			    "would make it from the bundled corpus\n", cli->db_path);
		if (paths_bundled_db(path, sizeof path, &e) != 0)
			return cli_error(CLI_ERROR, "%s", e.msg);
	}
	/* DB_PEEK: opened writable, it was turned to WAL and an older
	 * schema brought up to date; opened read-only, it was left with
	 * -wal and -shm files beside it. */
	if ((status = cli_open_path(path, DB_PEEK, &src)) != CLI_OK)
		return status;
	status = db_open_memory_copy(&c->db, src, &e) == 0 ? CLI_OK :
	    cli_error(CLI_ERROR, "%s", e.msg);
	db_close(src);
	return status;
}

/* Another process holds the write lock past the busy timeout: another
 * import, a browser saving its place, an sqlite3 shell. SQLite's locks
 * end with the process that holds them, so the lock is never stale: the
 * import waits for as long as it takes, says so, and Ctrl-C stops it. */
static int
cli_import_wait(void *arg, const char *path, double seconds, int first)
{
	struct cli_import *c = arg;

	if (c->progress)
		fputs("\r\033[K", stderr);
	if (first)
		cli_error(CLI_OK, "waiting for %s: another process is writing to "
		    "it (database is locked)...", path);
	else
		cli_error(CLI_OK, "still waiting for %s (%.0f s)...", path, seconds);
	return 1;
}

static int
cli_import_open(struct cli *cli, struct cli_import *c)
{
	char path[PATH_MAX];
	struct err e;
	int status;

	if (c->dry_run)
		return cli_import_open_dry(cli, c);
	if (cli->db_path != NULL) {
		if ((status = cli_import_new_db(cli->db_path)) != CLI_OK ||
		    (status = cli_open_db(cli, &c->db)) != CLI_OK)
			return status;
	} else if (bundled_ensure_user(path, sizeof path, &e) != 0) {
		/* Imports never go to the bundled corpus: to your own
		 * database, made from it the first time. */
		return cli_error(CLI_ERROR, "%s", e.msg);
	} else if ((status = cli_open_path(path, DB_READWRITE, &c->db)) != CLI_OK)
		return status;
	/* Said once, before any file is read, not once a file. */
	if (db_require_writable(c->db, "import articles", &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	db_set_wait(c->db, cli_import_wait, c);
	return CLI_OK;
}

/* Said whether or not the import went to the end: what was done is in
 * the database, and what was not is for the next run (it skips what is
 * in as duplicates). */
static void
cli_import_summary(struct cli_import *c, int tried)
{
	out_text(stdout, c->report.data ? c->report.data : "", 1);
	if (tried < c->nfiles)
		printf("stopped at a database error: %d of %d files not "
		    "imported; run the import again to import them\n",
		    c->nfiles - tried, c->nfiles);
	printf("%s%d imported, %d duplicates, %d rejected, %d warnings, %d "
	    "undated; %d mentions of known people, states and organisations\n",
	    c->dry_run ? "dry run, nothing written: " : "", c->imported,
	    c->duplicates, c->rejected, c->warnings, c->undated, c->mentions);
	printf("events: %d new (extracted), %d reported again as evidence for "
	    "known events, %d of those with a date that disagrees\n",
	    c->events_new, c->events_attached, c->events_disputed);
	printf("new people: %d (proposed from titles before names, marked as "
	    "extracted)\n", c->people);
}

static int
cli_import_option(void *data, int opt, const char *arg)
{
	struct cli_import *c = data;
	struct date_span d;
	struct err e;

	switch (opt) {
	case 'd':
		if (date_parse(arg, &d, &e) != 0 || d.end[0])
			return cli_error(CLI_USAGE, "--date: '%s' is not a date",
			    arg);
		c->opt.date = arg;
		break;
	case 's': c->opt.source = arg; break;
	case 'c': c->opt.charset = arg; break;
	case 'n': c->dry_run = 1; break;
	case 'm':
		if (util_parse_ll(arg, &c->opt.max_size) != 0 ||
		    c->opt.max_size <= 0)
			return cli_error(CLI_USAGE, "--max-size: '%s' is not a "
			    "number of bytes", arg);
		break;
	}
	return CLI_GO_ON;
}

/* CLI_GO_ON, or the status import ends with. */
static int
cli_import_options(struct cli *cli, struct cli_import *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "source", required_argument, NULL, 's' },
		{ "charset", required_argument, NULL, 'c' },
		{ "max-size", required_argument, NULL, 'm' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_opts o = {
		.usage = cli_import_usage,
		.longs = opts,
		.option = cli_import_option,
		.data = c,
	};
	int i, status, stdin_n = 0;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (optind >= argc)
		return cli_error(CLI_USAGE, "import needs at least one PATH; see "
		    "'scotl import --help'");
	for (i = optind; i < argc; i++)
		stdin_n += strcmp(argv[i], "-") == 0;
	if (stdin_n > 1)
		return cli_error(CLI_USAGE, "'-' (standard input) can be given "
		    "only once");
	return CLI_GO_ON;
}

int
cli_import(struct cli *cli, int argc, char **argv)
{
	struct cli_import c;
	int status, i;

	memset(&c, 0, sizeof c);
	c.opt.max_size = IMPORT_DEFAULT_MAX_SIZE;
	buf_init(&c.report);
	if ((status = cli_import_options(cli, &c, argc, argv)) != CLI_GO_ON)
		return status;
	if ((status = cli_import_open(cli, &c)) != CLI_OK) {
		db_close(c.db);
		return status;
	}
	for (i = optind; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			cli_import_add(&c, "-", NULL);
		else
			cli_import_collect(&c, argv[i]);
	c.progress = isatty(STDERR_FILENO) && c.nfiles > 1;
	c.start = cli_import_now();
	/* A database error (a full disk) would fail every file after it:
	 * the import stops there. */
	for (i = 0; i < c.nfiles && status == CLI_OK; i++) {
		status = cli_import_one(&c, c.files[i]);
		cli_import_progress(&c, i + 1, i + 1 == c.nfiles ||
		    status != CLI_OK);
	}
	cli_import_summary(&c, status == CLI_OK ? i : i - 1);
	if (status == CLI_OK)
		status = c.rejected ? CLI_ERROR : CLI_OK;
	for (i = 0; i < c.nfiles; i++)
		free(c.files[i]);
	free(c.files);
	tdestroy(c.seen, cli_import_seen_free);
	buf_free(&c.report);
	db_close(c.db);
	return status;
}
