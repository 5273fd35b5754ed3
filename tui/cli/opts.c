/* SPDX-License-Identifier: ISC */
/* The option parser every command shares: the getopt_long loop, the
 * options every command takes (--db, -h/--help, -V/--version) and what
 * is said about a bad option. Each command gives its own options and a
 * handler for them (cli_opts in cli.h), and may leave its --format to
 * the parser. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "scotl/util.h"

/* First in every table: getopt_long lists the options an abbreviation
 * may mean in table order ("'--db' '--date' '--dry-run'"). */
static const struct option cli_opts_common[] = {
	{ "db", required_argument, NULL, 'D' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
};

#define CLI_OPTS_NCOMMON (sizeof cli_opts_common / sizeof *cli_opts_common)

/* What getopt_long returns for the --format the parser handles: not a
 * character, so that it is no short option and no command's own. */
enum { CLI_OPTS_FORMAT = 0x100 };

static const struct option cli_opts_format = {
	"format", required_argument, NULL, CLI_OPTS_FORMAT
};

/* The common options, the command's own, then the --format the parser
 * handles for it, for getopt_long. */
static struct option *
cli_opts_table(const struct cli_opts *o)
{
	const struct option *longs = o->longs;
	struct option *t;
	size_t n = 0;

	while (longs != NULL && longs[n].name != NULL)
		n++;
	t = xmalloc((CLI_OPTS_NCOMMON + n + 2) * sizeof *t);
	memcpy(t, cli_opts_common, sizeof cli_opts_common);
	if (n > 0)
		memcpy(t + CLI_OPTS_NCOMMON, longs, n * sizeof *t);
	if (o->formats != NULL)
		t[CLI_OPTS_NCOMMON + n++] = cli_opts_format;
	memset(&t[CLI_OPTS_NCOMMON + n], 0, sizeof *t);
	return t;
}

static void
cli_opts_version(void)
{
	printf("scotl %s (schema %d)\n", PACKAGE_VERSION, db_schema_version());
}

/* One option as getopt_long returned it: CLI_GO_ON, or the status the
 * command ends with. getopt_long has said what was wrong with a '?'. */
static int
cli_opts_one(struct cli *cli, const struct cli_opts *o, int opt)
{
	switch (opt) {
	case 'D':
		cli->db_path = optarg;
		return CLI_GO_ON;
	case 'h':
		fputs(o->usage, stdout);
		return CLI_OK;
	case 'V':
		cli_opts_version();
		return CLI_OK;
	case '?':
		fputs(o->usage, stderr);
		return CLI_USAGE;
	case CLI_OPTS_FORMAT:
		return cli_parse_format(optarg, o->formats, o->format) != 0 ?
		    CLI_USAGE : CLI_GO_ON;
	default:
		return o->option != NULL ? o->option(o->data, opt, optarg) :
		    CLI_GO_ON;
	}
}

/* Options are taken in order, and the first that ends the command ends
 * the parse: "--help --bogus" helps, "--bogus --help" is bad usage. */
int
cli_opts_parse(struct cli *cli, int argc, char **argv,
    const struct cli_opts *o)
{
	struct option *table = cli_opts_table(o);
	int opt, status = CLI_GO_ON;
	struct buf shorts;

	buf_init(&shorts);
	buf_printf(&shorts, "%shV", o->shorts ? o->shorts : "");
	/* 0, not 1: glibc then reads the ordering of SHORTS afresh, so
	 * the '+' of the global options (stop at the command name) is not
	 * kept for the command's (options may follow operands). */
	optind = 0;
	while (status == CLI_GO_ON &&
	    (opt = getopt_long(argc, argv, shorts.data, table, NULL)) != -1)
		status = cli_opts_one(cli, o, opt);
	buf_free(&shorts);
	free(table);
	return status;
}
