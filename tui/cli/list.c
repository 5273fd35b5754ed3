/* SPDX-License-Identifier: ISC */
/* scotl list: the timeline for scripts and reports. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "scotl/events.h"
#include "scotl/filter.h"
#include "output/out.h"

/* Events are read a window at a time: memory stays the same whatever the
 * size of the timeline. */
#define CLI_LIST_WINDOW 256

static const char cli_list_usage[] =
	"usage: scotl list [--filter EXPR] [--view NAME] [--since DATE]\n"
	"                  [--until DATE] [--limit N] [--format text|tsv|csv|json]\n"
	"                  [--db PATH]\n"
	"\n"
	"Prints the events of the timeline in date order. DATE is YYYY,\n"
	"YYYY-MM or YYYY-MM-DD; an event is listed when any day it can mean\n"
	"falls between --since and --until. EXPR is the filter language of\n"
	"scotl(1): 'person:doval since:2022', 'state:india | state:pakistan'.\n"
	"NAME is a view saved in the browser with :save ('scotl views').\n";

struct cli_list_out {
	struct db *db;
	enum cli_format format;
	long long count;
};

static void
cli_list_header(const struct cli_list_out *o)
{
	switch (o->format) {
	case CLI_TEXT:
		printf("%5s  %-17s  %-17s  %-12s  %s\n", "ID", "DATE", "KIND",
		    "PLACE", "TITLE");
		break;
	case CLI_TSV:
		printf("id\tstart\tend\tprecision\tkind\tplace\torigin\ttitle\n");
		break;
	case CLI_CSV:
		printf("id,start,end,precision,kind,place,origin,title,participants\r\n");
		break;
	case CLI_JSON:
		printf("[");
		break;
	}
}

static void
cli_list_text(const struct event_row *r)
{
	char date[48];

	date_format(&r->date, date, sizeof date);
	printf("%5lld  ", r->id);
	out_padded(stdout, date, 17);
	fputs("  ", stdout);
	out_padded(stdout, r->kind, 17);
	fputs("  ", stdout);
	out_padded(stdout, r->place, 12);
	fputs("  ", stdout);
	out_text(stdout, r->title, 0);
	if (r->disputed)
		fputs(" (date disputed)", stdout);
	if (strcmp(r->origin, "extracted") == 0)
		fputs(" (extracted)", stdout);
	fputc('\n', stdout);
}

static void
cli_list_tsv(const struct event_row *r)
{
	printf("%lld\t", r->id);
	out_tsv_field(stdout, r->date.start);
	printf("\t");
	out_tsv_field(stdout, r->date.end);
	printf("\t%s\t", date_precision_name(r->date.precision));
	out_tsv_field(stdout, r->kind);
	printf("\t");
	out_tsv_field(stdout, r->place);
	printf("\t");
	out_tsv_field(stdout, r->origin);
	printf("\t");
	out_tsv_field(stdout, r->title);
	printf("\n");
}

static int
cli_list_csv(struct cli_list_out *o, const struct event_row *r)
{
	const char *fields[] = { r->date.start, r->date.end,
		date_precision_name(r->date.precision), r->kind, r->place,
		r->origin, r->title };
	struct participant_row *p;
	struct err e;
	int i, n;

	if (events_participants(o->db, r->id, &p, &n, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	printf("%lld", r->id);
	for (i = 0; i < (int)(sizeof fields / sizeof *fields); i++) {
		putchar(',');
		out_csv_field(stdout, fields[i]);
	}
	putchar(',');
	{
		struct buf names;

		buf_init(&names);
		for (i = 0; i < n; i++)
			buf_printf(&names, "%s%s", i ? "; " : "", p[i].name);
		out_csv_field(stdout, names.data ? names.data : "");
		buf_free(&names);
	}
	printf("\r\n");
	events_participants_free(p, n);
	return CLI_OK;
}

static int
cli_list_json(struct cli_list_out *o, const struct event_row *r)
{
	struct participant_row *p;
	struct err e;
	int i, n;

	if (events_participants(o->db, r->id, &p, &n, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	printf("%s\n  {\"id\": %lld, \"slug\": ", o->count ? "," : "", r->id);
	out_json_string_or_null(stdout, r->slug);
	printf(", \"start\": ");
	out_json_string(stdout, r->date.start);
	printf(", \"end\": ");
	out_json_string_or_null(stdout, r->date.end);
	printf(", \"first_day\": ");
	out_json_string(stdout, r->date.first);
	printf(", \"last_day\": ");
	out_json_string(stdout, r->date.last);
	printf(", \"precision\": \"%s\",\n   \"title\": ",
	    date_precision_name(r->date.precision));
	out_json_string(stdout, r->title);
	printf(", \"kind\": ");
	out_json_string(stdout, r->kind);
	printf(", \"place\": ");
	out_json_string_or_null(stdout, r->place);
	printf(", \"origin\": ");
	out_json_string(stdout, r->origin);
	printf(", \"disputed\": %s,\n   \"participants\": [",
	    r->disputed ? "true" : "false");
	for (i = 0; i < n; i++) {
		if (i)
			printf(", ");
		out_json_string(stdout, p[i].name);
	}
	printf("]}");
	events_participants_free(p, n);
	return CLI_OK;
}

static int
cli_list_row(struct cli_list_out *o, const struct event_row *r)
{
	int rc = CLI_OK;

	switch (o->format) {
	case CLI_TEXT: cli_list_text(r); break;
	case CLI_TSV: cli_list_tsv(r); break;
	case CLI_CSV: rc = cli_list_csv(o, r); break;
	case CLI_JSON: rc = cli_list_json(o, r); break;
	}
	o->count++;
	return rc;
}

/* Walks the timeline window by window from the start. */
static int
cli_list_walk(struct cli_list_out *o, const struct event_filter *f,
    long long limit)
{
	struct event_list l;
	struct event_pos pos;
	int have_pos = 0, i, rc = CLI_OK;
	struct err e;

	for (;;) {
		if (events_window(o->db, f, have_pos ? &pos : NULL, EVENTS_AFTER,
		    CLI_LIST_WINDOW, &l, &e) != 0)
			return cli_error(CLI_ERROR, "%s", e.msg);
		for (i = 0; i < l.n && rc == CLI_OK; i++) {
			if (limit >= 0 && o->count >= limit)
				break;
			rc = cli_list_row(o, &l.rows[i]);
			/* The rest would be lost too: the close says why. */
			if (rc == CLI_OK && cli_stdout_failed())
				rc = CLI_ERROR;
		}
		if (l.n > 0)
			event_row_pos(&l.rows[l.n - 1], &pos);
		have_pos = 1;
		i = l.n;
		event_list_free(&l);
		if (rc != CLI_OK || i < CLI_LIST_WINDOW ||
		    (limit >= 0 && o->count >= limit))
			return rc;
	}
}

/* --since takes the first day a date can mean, --until the last. */
static int
cli_list_date(const char *opt, const char *arg, char out[11], int last)
{
	struct date_span d;
	struct err e;

	if (date_parse(arg, &d, &e) != 0 || d.end[0]) {
		cli_error(CLI_USAGE, "%s: '%s' is not a date (YYYY, YYYY-MM or "
		    "YYYY-MM-DD)", opt, arg);
		return -1;
	}
	memcpy(out, last ? d.last : d.first, 11);
	return 0;
}

/* What the options of list ask for. */
struct cli_list_args {
	struct event_filter f;
	enum cli_format format;
	const char *expr, *view;
	long long limit;
};

static int
cli_list_option(void *data, int opt, const char *arg)
{
	struct cli_list_args *a = data;

	if ((opt == 's' && cli_list_date("--since", arg, a->f.since, 0)) ||
	    (opt == 'u' && cli_list_date("--until", arg, a->f.until, 1)) ||
	    (opt == 'f' && cli_parse_format(arg, "text|tsv|csv|json",
	    &a->format)))
		return CLI_USAGE;
	if (opt == 'F')
		a->expr = arg;
	if (opt == 'w')
		a->view = arg;
	if (opt == 'n' && (util_parse_ll(arg, &a->limit) != 0 || a->limit < 0))
		return cli_error(CLI_USAGE, "--limit: '%s' is not a number "
		    "of events", arg);
	return CLI_GO_ON;
}

int
cli_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "limit", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ "filter", required_argument, NULL, 'F' },
		{ "view", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_list_args a = { .format = CLI_TEXT, .limit = -1 };
	const struct cli_opts o = {
		.usage = cli_list_usage,
		.longs = opts,
		.option = cli_list_option,
		.data = &a,
	};
	struct db *db;
	int status;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (optind < argc)
		return cli_error(CLI_USAGE, "list: unexpected '%s'", argv[optind]);
	if (a.f.since[0] && a.f.until[0] && strcmp(a.f.since, a.f.until) > 0)
		return cli_error(CLI_USAGE, "--since is after --until");
	if ((status = cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if ((status = cli_filter_from(db, a.expr, a.view, &a.f.expr)) == CLI_OK)
		status = cli_list_print(db, &a.f, a.format, a.limit);
	filter_free(a.f.expr);
	db_close(db);
	return status;
}

int
cli_list_print(struct db *db, const struct event_filter *f,
    enum cli_format format, long long limit)
{
	struct cli_list_out o = { .db = db, .format = format };
	int status;

	cli_list_header(&o);
	status = cli_list_walk(&o, f, limit);
	if (o.format == CLI_JSON)
		printf("%s]\n", o.count ? "\n" : "");
	return status;
}
