/* scotl import: saved articles (files and folders) into the user's
 * database, one transaction per file, with a progress line on a terminal
 * and a summary that says what happened to every file that was not
 * simply imported. */
#include "config.h"

#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scotl/cli.h"
#include "scotl/date.h"
#include "scotl/importer.h"
#include "scotl/out.h"
#include "scotl/paths.h"

static const char cli_import_usage[] =
	"usage: scotl import [--date DATE] [--source NAME] [--charset NAME]\n"
	"                    [--max-size BYTES] [--dry-run] [--db PATH] PATH...\n"
	"\n"
	"Imports saved articles: plain text (the first line is the title),\n"
	"text with a header block (Title:, Date:, Source:, URL:, Charset:),\n"
	"and saved HTML pages. Folders are read recursively. Without --db the\n"
	"articles go to your own database. Exit 1 when a file was rejected.\n";

struct cli_import {
	struct db *db;
	struct import_options opt;
	char **files;
	int nfiles, cap;
	long long total_bytes, done_bytes;
	int imported, duplicates, rejected, warnings, mentions;
	int events_new, events_attached, events_disputed, people;
	struct buf report;      /* rejections and warnings, printed at the end */
	int progress;           /* draw a progress line on stderr */
	double start;
};

static double
cli_import_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cli_import_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files in a stable order: folders are walked in name order, and names
 * starting with '.' are left out. */
static void
cli_import_collect(struct cli_import *c, const char *path)
{
	struct stat st;
	struct dirent *de;
	char **names = NULL, child[PATH_MAX];
	int n = 0, cap = 0, i;
	DIR *dir;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if ((dir = opendir(path)) == NULL)
			goto file;      /* reported when it is read */
		while ((de = readdir(dir)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			names = xgrow(names, n, &cap, sizeof *names);
			names[n++] = xstrdup(de->d_name);
		}
		closedir(dir);
		qsort(names, (size_t)n, sizeof *names, cli_import_cmp);
		for (i = 0; i < n; i++) {
			snprintf(child, sizeof child, "%s/%s", path, names[i]);
			cli_import_collect(c, child);
			free(names[i]);
		}
		free(names);
		return;
	}
file:
	c->files = xgrow(c->files, c->nfiles, &c->cap, sizeof *c->files);
	c->files[c->nfiles++] = xstrdup(path);
	if (stat(path, &st) == 0)
		c->total_bytes += (long long)st.st_size;
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

static int
cli_import_one(struct cli_import *c, const char *path)
{
	struct import_outcome o;
	struct err e;

	if (import_file(c->db, path, &c->opt, &o, &e) != 0)
		return cli_error(CLI_ERROR, "%s: %s", path, e.msg);
	c->done_bytes += o.bytes;
	switch (o.status) {
	case IMPORT_NEW:
		c->imported++;
		c->mentions += o.mentions;
		c->events_new += o.event_created;
		c->events_attached += o.event_id > 0 && !o.event_created;
		c->events_disputed += o.event_disputed;
		c->people += o.people;
		break;
	case IMPORT_DUPLICATE:
		c->duplicates++;
		break;
	case IMPORT_REJECTED:
		c->rejected++;
		buf_printf(&c->report, "rejected: %s: %s\n", path, o.reason);
		break;
	}
	if (o.status != IMPORT_REJECTED && o.warning[0]) {
		c->warnings++;
		buf_printf(&c->report, "warning: %s: %s\n", path, o.warning);
	}
	return CLI_OK;
}

static int
cli_import_open(struct cli *cli, struct cli_import *c)
{
	char path[PATH_MAX];
	struct err e;

	int status;

	if (cli->db_path != NULL) {
		if ((status = cli_open_db(cli, &c->db)) != CLI_OK)
			return status;
	} else if (paths_ensure_user_db(path, sizeof path, &e) != 0 ||
	    db_open(&c->db, path, DB_READWRITE, &e) != 0) {
		/* Imports never go to the bundled corpus: to your own
		 * database, made from it the first time. */
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	/* Said once, before any file is read, not once a file. */
	if (!c->opt.dry_run &&
	    db_require_writable(c->db, "import articles", &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	return CLI_OK;
}

static void
cli_import_summary(struct cli_import *c)
{
	out_text(stdout, c->report.data ? c->report.data : "", 1);
	printf("%s%d imported, %d duplicates, %d rejected, %d warnings; %d "
	    "mentions of known people, states and organisations\n",
	    c->opt.dry_run ? "dry run, nothing written: " : "", c->imported,
	    c->duplicates, c->rejected, c->warnings, c->mentions);
	printf("events: %d new (extracted), %d reported again as evidence for "
	    "known events, %d of those with a date that disagrees\n",
	    c->events_new, c->events_attached, c->events_disputed);
	printf("new people: %d (proposed from titles before names, marked as "
	    "extracted)\n", c->people);
}

static int
cli_import_options(struct cli *cli, struct cli_import *c, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "date", required_argument, NULL, 'd' },
		{ "source", required_argument, NULL, 's' },
		{ "charset", required_argument, NULL, 'c' },
		{ "max-size", required_argument, NULL, 'm' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct date_span d;
	struct err e;
	int opt, status = -1;

	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORT, opts,
	    NULL)) != -1) {
		if (cli_common_option(cli, opt, cli_import_usage, &status)) {
			if (status >= 0)
				return status;
			continue;
		}
		switch (opt) {
		case 'd':
			if (date_parse(optarg, &d, &e) != 0 || d.end[0])
				return cli_error(CLI_USAGE, "--date: '%s' is not a date",
				    optarg);
			c->opt.date = optarg;
			break;
		case 's': c->opt.source = optarg; break;
		case 'c': c->opt.charset = optarg; break;
		case 'n': c->opt.dry_run = 1; break;
		case 'm':
			if (util_parse_ll(optarg, &c->opt.max_size) != 0 ||
			    c->opt.max_size <= 0)
				return cli_error(CLI_USAGE, "--max-size: '%s' is not a "
				    "number of bytes", optarg);
			break;
		}
	}
	if (optind >= argc)
		return cli_error(CLI_USAGE, "import needs at least one PATH; see "
		    "'scotl import --help'");
	return -1;
}

int
cli_import(struct cli *cli, int argc, char **argv)
{
	struct cli_import c;
	int status, i;

	memset(&c, 0, sizeof c);
	c.opt.max_size = IMPORT_DEFAULT_MAX_SIZE;
	buf_init(&c.report);
	if ((status = cli_import_options(cli, &c, argc, argv)) >= 0)
		return status;
	if ((status = cli_import_open(cli, &c)) != CLI_OK) {
		db_close(c.db);
		return status;
	}
	for (i = optind; i < argc; i++)
		cli_import_collect(&c, argv[i]);
	c.progress = isatty(STDERR_FILENO) && c.nfiles > 1;
	c.start = cli_import_now();
	for (i = 0; i < c.nfiles && status == CLI_OK; i++) {
		status = cli_import_one(&c, c.files[i]);
		cli_import_progress(&c, i + 1, i + 1 == c.nfiles);
	}
	if (status == CLI_OK) {
		cli_import_summary(&c);
		status = c.rejected ? CLI_ERROR : CLI_OK;
	}
	for (i = 0; i < c.nfiles; i++)
		free(c.files[i]);
	free(c.files);
	buf_free(&c.report);
	db_close(c.db);
	return status;
}
