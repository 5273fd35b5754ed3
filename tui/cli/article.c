/* SPDX-License-Identifier: ISC */
/* scotl article: an article's text as stored. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "scotl/article.h"
#include "cli/cli.h"
#include "output/out.h"

static const char cli_article_usage[] =
	"usage: scotl article [--format text|json] [--db PATH] ARTICLE\n"
	"\n"
	"Prints an article as stored, with the events it reports. ARTICLE is\n"
	"its number or file name.\n";

static void
cli_article_events_json(const struct article_event *v, int n)
{
	int i;

	printf(", \"events\": [");
	for (i = 0; i < n; i++) {
		printf("%s{\"id\": %lld, \"slug\": ", i ? ", " : "", v[i].id);
		out_json_string_or_null(stdout, v[i].slug);
		printf(", \"first_day\": ");
		out_json_string(stdout, v[i].first_day);
		printf(", \"last_day\": ");
		out_json_string(stdout, v[i].last_day);
		printf(", \"kind\": ");
		out_json_string(stdout, v[i].kind);
		printf(", \"title\": ");
		out_json_string(stdout, v[i].title);
		printf(", \"origin\": \"%s\"}", v[i].extracted ? "extracted" :
		    "curated");
	}
	printf("]");
}

static void
cli_article_json(const struct article *a, const struct article_event *v,
    int n)
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
	printf(", \"author\": ");
	out_json_string_or_null(stdout, a->author);
	printf(", \"title_made\": %s", a->title_made ? "true" : "false");
	cli_article_events_json(v, n);
	printf(",\n \"body\": ");
	out_json_string(stdout, a->body);
	printf("}\n");
}

/* The events the article reports: one line each, its number, dates,
 * kind and title, and its slug or that it was extracted. */
static void
cli_article_events_text(const struct article_event *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		printf("\nEvent:      %lld ", v[i].id);
		out_name(stdout, v[i].first_day);
		if (strcmp(v[i].first_day, v[i].last_day) != 0) {
			fputs("..", stdout);
			out_name(stdout, v[i].last_day);
		}
		putchar(' ');
		out_name(stdout, v[i].kind);
		fputs(": ", stdout);
		out_text(stdout, v[i].title, 0);
		fputs(" (", stdout);
		out_name(stdout, v[i].extracted ? "extracted" : v[i].slug);
		putchar(')');
	}
}

static void
cli_article_text(const struct article *a, const struct article_event *v,
    int n)
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
	if (a->title_made)
		fputs(" (made from its first sentence)", stdout);
	if (a->published[0]) {
		printf("\nPublished:  ");
		out_name(stdout, a->published);
	}
	if (a->source[0]) {
		printf("\nSource:     ");
		out_text(stdout, a->source, 0);
	}
	if (a->author[0]) {
		printf("\nAuthor:     ");
		out_text(stdout, a->author, 0);
	}
	if (a->url[0]) {
		printf("\nURL:        ");
		out_text(stdout, a->url, 0);
	}
	cli_article_events_text(v, n);
	printf("\n\n");
	out_text(stdout, a->body, 1);
	putchar('\n');
}

int
cli_article(struct cli *cli, int argc, char **argv)
{
	enum cli_format format = CLI_TEXT;
	const struct cli_opts o = {
		.usage = cli_article_usage,
		.formats = "text|json",
		.format = &format,
	};
	struct article a;
	struct article_event *v;
	struct db *db;
	long long id;
	struct err e;
	int status, n;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
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
	if (article_events(db, id, &v, &n, &e) != 0) {
		article_free(&a);
		db_close(db);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	if (format == CLI_JSON)
		cli_article_json(&a, v, n);
	else
		cli_article_text(&a, v, n);
	article_events_free(v, n);
	article_free(&a);
	db_close(db);
	return CLI_OK;
}
