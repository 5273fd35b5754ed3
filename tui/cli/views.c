/* SPDX-License-Identifier: ISC */
/* scotl views: the saved views, listed, saved or deleted. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "scotl/filter.h"
#include "output/out.h"
#include "scotl/views.h"

static const char cli_views_usage[] =
	"usage: scotl views [--save NAME --filter EXPR | --delete NAME] [--db PATH]\n"
	"\n"
	"Lists the saved views (:save NAME in the browser), each with its\n"
	"filter; 'scotl list --view NAME' prints one. --save stores EXPR\n"
	"under NAME (replacing it); --delete removes one.\n";

/* --save: the filter must compile before it is kept. */
static int
cli_views_save(struct db *db, const char *name, const char *expr)
{
	struct filter *f;
	struct err e;

	if (expr == NULL)
		return cli_error(CLI_USAGE, "views --save NAME needs --filter EXPR");
	if (cli_compile_filter(expr, &f) != 0)
		return CLI_USAGE;
	filter_free(f);
	if (views_save(db, name, expr, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	return CLI_OK;
}

static int
cli_views_print(struct db *db)
{
	struct saved_view *v;
	struct err e;
	int n, i;

	if (views_list(db, &v, &n, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	for (i = 0; i < n && !cli_stdout_failed(); i++) {
		out_padded(stdout, v[i].name, 16);
		fputs("  ", stdout);
		out_text(stdout, v[i].filter, 0);
		fputc('\n', stdout);
	}
	if (n == 0)
		fprintf(stderr, "scotl: no saved views (save one in the browser "
		    "with :save NAME)\n");
	views_list_free(v, n);
	return CLI_OK;
}

/* --delete NAME, --save NAME, --filter EXPR. */
struct cli_views_args {
	const char *del, *save, *expr;
};

static int
cli_views_option(void *data, int opt, const char *arg)
{
	struct cli_views_args *a = data;

	if (opt == 'd')
		a->del = arg;
	else if (opt == 's')
		a->save = arg;
	else if (opt == 'F')
		a->expr = arg;
	return CLI_GO_ON;
}

int
cli_views(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "delete", required_argument, NULL, 'd' },
		{ "save", required_argument, NULL, 's' },
		{ "filter", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_views_args a = { .del = NULL };
	const struct cli_opts o = {
		.usage = cli_views_usage,
		.longs = opts,
		.option = cli_views_option,
		.data = &a,
	};
	struct db *db;
	struct err e;
	int status, rc;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (optind < argc)
		return cli_error(CLI_USAGE, "views: unexpected '%s'", argv[optind]);
	if ((status = a.save || a.del ? cli_open_own_db(cli, &db) :
	    cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if (a.save != NULL) {
		status = cli_views_save(db, a.save, a.expr);
	} else if (a.del == NULL) {
		status = cli_views_print(db);
	} else if ((rc = views_delete(db, a.del, &e)) < 0) {
		status = cli_error(CLI_ERROR, "%s", e.msg);
	} else if (rc == 0) {
		status = cli_error(CLI_ERROR, "no saved view '%s'", a.del);
	}
	db_close(db);
	return status;
}
