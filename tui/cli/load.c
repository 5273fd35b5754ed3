/* SPDX-License-Identifier: ISC */
/* scotl load: a new database built from a data directory. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "scotl/corpus.h"

static const char cli_load_usage[] =
	"usage: scotl load --data DIR [--names FILE] --db PATH\n"
	"\n"
	"Builds a new database at PATH from the plain-text corpus in DIR\n"
	"(articles.rec, gazetteer.rec, events.rec, articles/; see\n"
	"data/FORMAT.md). A malformed line stops it with FILE:LINE.\n"
	"--names FILE adds the states' names in other languages (the build's\n"
	"data/iso-names.rec, made from iso-codes).\n";

/* What the options name. */
struct cli_load_args {
	const char *dir, *names;
};

static int
cli_load_run(const struct cli_load_args *a, const char *path)
{
	struct corpus_counts n;
	struct db *db;
	struct err e;

	if (db_open(&db, path, DB_CREATE, &e) != 0) {
		unlink(path);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	if (corpus_load_names(db, a->dir, a->names, &n, &e) != 0) {
		db_close(db);
		unlink(path);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	db_close(db);
	printf("%s: %d articles, %d entities (%d names), %d mentions, %d events, "
	    "%d participants, %d evidence, %d date claims\n", path, n.articles,
	    n.entities, n.aliases, n.mentions, n.events, n.participants,
	    n.evidence, n.claims);
	return CLI_OK;
}

/* --data DIR, --names FILE: DATA (cli_load_args) is where they go. */
static int
cli_load_option(void *data, int opt, const char *arg)
{
	struct cli_load_args *a = data;

	if (opt == 'd')
		a->dir = arg;
	else if (opt == 'n')
		a->names = arg;
	return CLI_GO_ON;
}

int
cli_load(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "names", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_load_args a = { NULL, NULL };
	const struct cli_opts o = {
		.usage = cli_load_usage,
		.longs = opts,
		.option = cli_load_option,
		.data = &a,
	};
	struct stat st;
	int status;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (a.dir == NULL || cli->db_path == NULL || optind < argc)
		return cli_error(CLI_USAGE, "load needs --data DIR and --db PATH; "
		    "see 'scotl load --help'");
	if (stat(cli->db_path, &st) == 0)
		return cli_error(CLI_ERROR, "%s already exists: load builds a new "
		    "database and never overwrites one", cli->db_path);
	if (errno != ENOENT)
		return cli_error(CLI_ERROR, "%s: %s", cli->db_path, strerror(errno));
	return cli_load_run(&a, cli->db_path);
}
