/* SPDX-License-Identifier: ISC */
/* scotl rebuild: the user's own database made anew from the bundled
 * corpus, with what is the user's carried over (userdb.h, and carry.h
 * for the notes, tags, bookmarks, views and filters). For a file that an
 * interrupted first run of an older scotl left empty, and which every
 * command now refuses, saying to run this. */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "scotl/carry.h"
#include "scotl/paths.h"
#include "scotl/userdb.h"

static const char cli_rebuild_usage[] =
	"usage: scotl rebuild\n"
	"\n"
	"Makes your own database anew from the bundled corpus and carries over\n"
	"what is yours: imported articles (imported again), notes, tags and\n"
	"bookmarks of the events found again, saved views, the filter history.\n"
	"The old file is kept beside it as scotl.db.old-DATE-TIME.\n";

/* "3 notes" or "1 note". */
static void
cli_rebuild_count(int n, const char *one, const char *many, const char *sep)
{
	printf("%d %s%s", n, n == 1 ? one : many, sep);
}

static void
cli_rebuild_report(const char *path, const struct userdb_carried *c,
    const struct carry_counts *u)
{
	printf("rebuilt %s from the bundled corpus\n", path);
	if (c->kept[0] == '\0')
		return;
	fputs("carried over: ", stdout);
	cli_rebuild_count(c->articles, "imported article", "imported articles", ", ");
	cli_rebuild_count(u->notes, "note", "notes", ", ");
	cli_rebuild_count(u->tags, "tag", "tags", ", ");
	cli_rebuild_count(u->bookmarks, "bookmark", "bookmarks", ", ");
	cli_rebuild_count(u->views, "saved view", "saved views", ", ");
	cli_rebuild_count(u->history, "filter of the history",
	    "filters of the history", "\n");
	if (u->lost > 0)
		printf("not carried over: %d notes, tags or bookmarks of events "
		    "that were not found again (they stay in the old file)\n",
		    u->lost);
	printf("the old file is kept as %s\n", c->kept);
}

int
cli_rebuild(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = { .usage = cli_rebuild_usage };
	struct userdb_carried c;
	struct carry_counts u = { 0 };
	char path[PATH_MAX];
	struct err e;
	int status;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (optind < argc)
		return cli_error(CLI_USAGE, "rebuild takes no operand");
	if (paths_user_db(path, sizeof path, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	if (cli->db_path != NULL && !paths_is_user_db(cli->db_path))
		return cli_error(CLI_USAGE, "rebuild makes your own database "
		    "(%s) anew, not another (--db %s)", path, cli->db_path);
	if (userdb_rebuild(path, carry_annotations, &u, &c, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	cli_rebuild_report(path, &c, &u);
	return CLI_OK;
}
