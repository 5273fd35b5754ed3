/* SPDX-License-Identifier: ISC */
/* scotl export: events written as CSV, JSON, iCalendar or TimelineJS. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "output/export.h"
#include "scotl/filter.h"

static const char cli_export_usage[] =
	"usage: scotl export [--filter EXPR] [--view NAME]\n"
	"                    [--format csv|json|ics|timelinejs] [-o FILE] [--db PATH]\n"
	"\n"
	"Writes the events a filter keeps (all of them without one), in date\n"
	"order: CSV or JSON with one row per event and its participants,\n"
	"iCalendar with one all-day event each, or TimelineJS JSON for a web\n"
	"timeline. Without --format the extension of FILE decides (.csv,\n"
	".json, .ics, .timelinejs), else CSV. Without -o it writes to standard\n"
	"output (as it does with -o -). A FILE that is a device or a FIFO is\n"
	"written as '>' would; a regular one (or the one a symlink names) is\n"
	"replaced only when the export succeeds, keeping its mode.\n";

struct cli_export_opts {
	const char *expr, *view, *output;
	enum export_format format;
	int have_format;
};

static int
cli_export_option(void *data, int opt, const char *arg)
{
	struct cli_export_opts *o = data;

	if (opt == 'F')
		o->expr = arg;
	else if (opt == 'w')
		o->view = arg;
	else if (opt == 'o')
		o->output = arg;
	else if (opt == 'f' && export_format_parse(arg, &o->format) != 0)
		return cli_error(CLI_USAGE, "--format: '%s' is not one of "
		    "csv|json|ics|timelinejs", arg);
	else if (opt == 'f')
		o->have_format = 1;
	return CLI_GO_ON;
}

/* CLI_GO_ON, or the status export ends with. */
static int
cli_export_parse(struct cli *cli, int argc, char **argv,
    struct cli_export_opts *o)
{
	static const struct option opts[] = {
		{ "filter", required_argument, NULL, 'F' },
		{ "view", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_opts parse = {
		.usage = cli_export_usage,
		.shorts = "o:",
		.longs = opts,
		.option = cli_export_option,
		.data = o,
	};
	int status;

	if ((status = cli_opts_parse(cli, argc, argv, &parse)) != CLI_GO_ON)
		return status;
	if (optind < argc)
		return cli_error(CLI_USAGE, "export: unexpected '%s'", argv[optind]);
	if (o->output != NULL && strcmp(o->output, "-") == 0)
		o->output = NULL;       /* -o -: standard output */
	if (!o->have_format && o->output != NULL)
		o->format = export_format_for(o->output);
	return CLI_GO_ON;
}

int
cli_export(struct cli *cli, int argc, char **argv)
{
	struct cli_export_opts o = { .format = EXPORT_CSV };
	struct event_filter f;
	long long count = 0;
	struct db *db;
	struct err e;
	int status, rc;

	if ((status = cli_export_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	memset(&f, 0, sizeof f);
	if ((status = cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if ((status = cli_filter_from(db, o.expr, o.view, &f.expr)) == CLI_OK) {
		if (o.output != NULL)
			rc = export_to_file(db, &f, o.format, o.output, 0,
			    &count, &e);
		else
			rc = export_write(db, &f, o.format, stdout, &count, &e);
		/* A failed write to standard output is said once, at the
		 * close, as for every command. */
		if (rc != 0 && o.output == NULL && cli_stdout_failed())
			status = CLI_ERROR;
		else if (rc != 0)
			status = cli_error(CLI_ERROR, "%s", e.msg);
		else if (o.output != NULL)
			fprintf(stderr, "scotl: %lld event%s written to %s\n", count,
			    count == 1 ? "" : "s", o.output);
	}
	filter_free(f.expr);
	db_close(db);
	return status;
}
