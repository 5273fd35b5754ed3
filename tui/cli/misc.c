/* SPDX-License-Identifier: ISC */
/* scotl article, scotl stats and scotl load. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scotl/article.h"
#include "cli/cli.h"
#include "scotl/corpus.h"
#include "scotl/events.h"
#include "scotl/filter.h"
#include "output/out.h"
#include "scotl/stats.h"

/* Commands that take only the common options and a fixed number of
 * operands share this loop. */
static int
cli_misc_options(struct cli *cli, int argc, char **argv, const char *usage,
    enum cli_format *format, const char *formats, int *status)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	*status = -1;
	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORT, opts,
	    NULL)) != -1) {
		if (cli_common_option(cli, opt, usage, status)) {
			if (*status >= 0)
				return -1;
			continue;
		}
		if (opt == 'f' && (formats == NULL ||
		    cli_parse_format(optarg, formats, format))) {
			if (formats == NULL)
				fputs(usage, stderr);
			*status = CLI_USAGE;
			return -1;
		}
	}
	return 0;
}

/* --- article ---------------------------------------------------------- */

static const char cli_article_usage[] =
	"usage: scotl article [--format text|json] [--db PATH] ARTICLE\n"
	"\n"
	"Prints an article as stored. ARTICLE is its number or file name.\n";

static void
cli_article_json(const struct article *a)
{
	printf("{\"id\": %lld, \"name\": ", a->id);
	out_json_string_or_null(stdout, a->name);
	printf(", \"title\": ");
	out_json_string(stdout, a->title);
	printf(", \"published\": ");
	out_json_string_or_null(stdout, a->published);
	printf(", \"source\": ");
	out_json_string_or_null(stdout, a->source);
	printf(", \"url\": ");
	out_json_string_or_null(stdout, a->url);
	printf(", \"charset\": ");
	out_json_string(stdout, a->charset);
	printf(", \"hash\": ");
	out_json_string(stdout, a->hash);
	printf(",\n \"body\": ");
	out_json_string(stdout, a->body);
	printf("}\n");
}

static void
cli_article_text(const struct article *a)
{
	printf("Article %lld", a->id);
	/* The file name as it was, which may hold any byte but '/'. */
	if (a->name[0]) {
		fputs(" (", stdout);
		out_name(stdout, a->name);
		putchar(')');
	}
	printf("\nTitle:      ");
	out_text(stdout, a->title, 0);
	if (a->published[0]) {
		printf("\nPublished:  ");
		out_name(stdout, a->published);
	}
	if (a->source[0]) {
		printf("\nSource:     ");
		out_text(stdout, a->source, 0);
	}
	if (a->url[0]) {
		printf("\nURL:        ");
		out_text(stdout, a->url, 0);
	}
	printf("\n\n");
	out_text(stdout, a->body, 1);
	putchar('\n');
}

int
cli_article(struct cli *cli, int argc, char **argv)
{
	enum cli_format format = CLI_TEXT;
	struct article a;
	struct db *db;
	long long id;
	struct err e;
	int status;

	if (cli_misc_options(cli, argc, argv, cli_article_usage, &format,
	    "text|json", &status) != 0)
		return status;
	if (argc - optind != 1)
		return cli_error(CLI_USAGE, "article needs one ARTICLE (a number "
		    "or a file name); see 'scotl article --help'");
	if ((status = cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if (article_find(db, argv[optind], &id, &e) != 0 ||
	    article_get(db, id, &a, &e) != 0) {
		db_close(db);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	if (format == CLI_JSON)
		cli_article_json(&a);
	else
		cli_article_text(&a);
	article_free(&a);
	db_close(db);
	return CLI_OK;
}

/* --- stats ------------------------------------------------------------ */

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

int
cli_stats(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "filter", required_argument, NULL, 'F' },
		{ "view", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	const char *filter = NULL, *view = NULL;
	struct stats s;
	struct db *db;
	struct err e;
	int status = -1, opt;

	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORT, opts,
	    NULL)) != -1) {
		if (cli_common_option(cli, opt, cli_stats_usage, &status)) {
			if (status >= 0)
				return status;
			continue;
		}
		if (opt == 'F')
			filter = optarg;
		if (opt == 'w')
			view = optarg;
	}
	if (optind < argc)
		return cli_error(CLI_USAGE, "stats: unexpected '%s'", argv[optind]);
	if ((status = cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if (filter != NULL || view != NULL) {
		status = cli_stats_filtered(db, filter, view);
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

/* --- load ------------------------------------------------------------- */

static const char cli_load_usage[] =
	"usage: scotl load --data DIR --db PATH\n"
	"\n"
	"Builds a new database at PATH from the plain-text corpus in DIR\n"
	"(articles.rec, gazetteer.rec, events.rec, articles/; see\n"
	"data/FORMAT.md). A malformed line stops it with FILE:LINE.\n";

static int
cli_load_run(const char *dir, const char *path)
{
	struct corpus_counts n;
	struct db *db;
	struct err e;

	if (db_open(&db, path, DB_CREATE, &e) != 0) {
		unlink(path);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	if (corpus_load(db, dir, &n, &e) != 0) {
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

int
cli_load(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "data", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL;
	int opt, status = -1;
	struct stat st;

	while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORT, opts,
	    NULL)) != -1) {
		if (cli_common_option(cli, opt, cli_load_usage, &status)) {
			if (status >= 0)
				return status;
			continue;
		}
		if (opt == 'd')
			dir = optarg;
	}
	if (dir == NULL || cli->db_path == NULL || optind < argc)
		return cli_error(CLI_USAGE, "load needs --data DIR and --db PATH; "
		    "see 'scotl load --help'");
	if (stat(cli->db_path, &st) == 0)
		return cli_error(CLI_ERROR, "%s already exists: load builds a new "
		    "database and never overwrites one", cli->db_path);
	if (errno != ENOENT)
		return cli_error(CLI_ERROR, "%s: %s", cli->db_path, strerror(errno));
	return cli_load_run(dir, cli->db_path);
}
