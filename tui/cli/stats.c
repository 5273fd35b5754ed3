/* SPDX-License-Identifier: ISC */
/* scotl stats: what the database holds, or what a filter keeps. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "scotl/events.h"
#include "scotl/filter.h"
#include "output/out.h"
#include "scotl/stats.h"

static const char cli_stats_usage[] =
	"usage: scotl stats [--filter EXPR] [--view NAME] [--db PATH]\n"
	"\n"
	"Prints what the database holds; with --filter or --view, how many\n"
	"events they keep and how they fall over the years.\n";

/* The events a filter keeps, per year, from the counts per month. */
static int
cli_stats_filtered(struct db *db, const char *text, const char *view)
{
	struct event_filter f;
	struct month_count *m;
	long long total = 0;
	int n, i, year = 0, count = 0;
	struct err e;

	int status;

	memset(&f, 0, sizeof f);
	if ((status = cli_filter_from(db, text, view, &f.expr)) != CLI_OK)
		return status;
	if (events_count(db, &f, NULL, &total, &e) != 0 ||
	    events_per_month(db, &f, &m, &n, &e) != 0) {
		filter_free(f.expr);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	printf("Filter:        ");
	if (view != NULL) {
		printf("view ");
		out_text(stdout, view, 0);
		printf("%s", text ? " and " : "");
	}
	out_text(stdout, text ? text : "", 0);
	printf("\nEvents:        %lld\n", total);
	if (n > 0)
		printf("Events per year:\n");
	for (i = 0; i <= n; i++) {
		int y = i < n ? atoi(m[i].month) : 0;

		if (i == n || (y != year && year != 0)) {
			if (count > 0)
				printf("  %04d %6d\n", year, count);
			count = 0;
		}
		if (i < n) {
			year = y;
			count += m[i].n;
		}
	}
	free(m);
	filter_free(f.expr);
	return CLI_OK;
}

static void
cli_stats_print(struct db *db, const struct stats *s)
{
	int i, top = 1;

	printf("Database:      ");
	out_name(stdout, db_path(db));
	printf("%s (schema %d)\n", db_readonly(db) ? ", read-only" : "",
	    s->schema);
	printf("Articles:      %lld\n", s->articles);
	printf("Events:        %lld (%lld curated, %lld extracted, %lld with "
	    "disputed dates)\n", s->events, s->curated, s->extracted, s->disputed);
	if (s->events > 0) {
		printf("Span:          ");
		out_name(stdout, s->first_day);
		printf(" to ");
		out_name(stdout, s->last_day);
		putchar('\n');
	}
	printf("Entities:      %lld people, %lld states, %lld organisations, "
	    "%lld places; %lld names\n", s->people, s->states, s->organisations,
	    s->places, s->aliases);
	printf("Links:         %lld participants, %lld evidence, %lld date "
	    "claims, %lld mentions\n", s->participants, s->evidence, s->claims,
	    s->mentions);
	printf("Yours:         %lld notes, %lld tags, %lld bookmarks\n", s->notes,
	    s->tags, s->bookmarks);
	if (s->nyears > 0)
		printf("Events per year:\n");
	for (i = 0; i < s->nyears; i++)
		if (s->years[i].events > top)
			top = s->years[i].events;
	for (i = 0; i < s->nyears; i++) {
		int bar = (s->years[i].events * 40 + top - 1) / top, j;

		printf("  %04d %6d ", s->years[i].year, s->years[i].events);
		for (j = 0; j < bar; j++)
			putchar('#');
		putchar('\n');
	}
}

/* --filter EXPR and --view NAME. */
struct cli_stats_args {
	const char *filter, *view;
};

static int
cli_stats_option(void *data, int opt, const char *arg)
{
	struct cli_stats_args *a = data;

	if (opt == 'F')
		a->filter = arg;
	if (opt == 'w')
		a->view = arg;
	return CLI_GO_ON;
}

int
cli_stats(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "filter", required_argument, NULL, 'F' },
		{ "view", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_stats_args a = { .filter = NULL };
	const struct cli_opts o = {
		.usage = cli_stats_usage,
		.longs = opts,
		.option = cli_stats_option,
		.data = &a,
	};
	struct stats s;
	struct db *db;
	struct err e;
	int status;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (optind < argc)
		return cli_error(CLI_USAGE, "stats: unexpected '%s'", argv[optind]);
	if ((status = cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if (a.filter != NULL || a.view != NULL) {
		status = cli_stats_filtered(db, a.filter, a.view);
		db_close(db);
		return status;
	}
	if (stats_get(db, &s, &e) != 0) {
		db_close(db);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	cli_stats_print(db, &s);
	stats_free(&s);
	db_close(db);
	return CLI_OK;
}
