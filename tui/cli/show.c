/* SPDX-License-Identifier: ISC */
/* scotl show: one event with its people, states, place, evidence and the
 * dates different reports give. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "scotl/events.h"
#include "output/out.h"

static const char cli_show_usage[] =
	"usage: scotl show [--format text|json] [--db PATH] EVENT\n"
	"\n"
	"Prints one event. EVENT is its number or its id, as 'scotl list'\n"
	"and 'scotl list --format json' show them.\n";

static void
cli_show_field(const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	printf("%-13s", label);
	out_text(stdout, value, 0);
	putchar('\n');
}

static void
cli_show_participants_text(const struct event_detail *d)
{
	int i;

	if (d->nparticipants == 0)
		return;
	printf("\nParticipants:\n");
	for (i = 0; i < d->nparticipants; i++) {
		const struct participant_row *p = &d->participants[i];

		fputs("  ", stdout);
		out_padded(stdout, p->name, 26);
		fputs("  ", stdout);
		out_padded(stdout, p->kind, 12);
		fputs("  ", stdout);
		/* A state stands for itself: no state column, no padding. */
		if (strcmp(p->kind, "state") != 0 && p->state[0]) {
			out_padded(stdout, p->role, 36);
			fputs("  ", stdout);
			out_text(stdout, p->state, 0);
		} else {
			out_text(stdout, p->role, 0);
		}
		putchar('\n');
	}
}

static void
cli_show_sources_text(const struct event_detail *d)
{
	char date[48];
	int i;

	if (d->nclaims > 0)
		printf("\nDates reported%s:\n", d->ev.disputed ? " (they disagree)" : "");
	for (i = 0; i < d->nclaims; i++) {
		date_format(&d->claims[i].date, date, sizeof date);
		printf("  ");
		out_padded(stdout, date, 17);
		printf("  ");
		out_text(stdout, d->claims[i].source, 0);
		if (d->claims[i].article_id)
			printf(" (article %lld)", d->claims[i].article_id);
		putchar('\n');
	}
	if (d->nevidence > 0)
		printf("\nEvidence:\n");
	for (i = 0; i < d->nevidence; i++) {
		const struct evidence_row *v = &d->evidence[i];

		/* Sentences of one article go under one heading. */
		if (i == 0 || d->evidence[i - 1].article_id != v->article_id) {
			printf("  [article %lld] ", v->article_id);
			out_text(stdout, v->title, 0);
			if (v->published[0]) {
				fputs(" (", stdout);
				out_name(stdout, v->published);
				putchar(')');
			}
			putchar('\n');
		}
		printf("    \xe2\x80\x9c");
		out_text(stdout, v->sentence, 0);
		printf("\xe2\x80\x9d\n");
	}
}

static void
cli_show_text(const struct event_detail *d)
{
	char date[48], conf[32], place[512];

	date_format(&d->ev.date, date, sizeof date);
	printf("Event %lld (", d->ev.id);
	out_name(stdout, d->ev.slug);
	printf(")\n");
	cli_show_field("Title:", d->ev.title);
	printf("%-13s", "Date:");
	out_name(stdout, date);
	printf(" (%s)%s\n", date_precision_name(d->ev.date.precision),
	    d->ev.disputed ? ", disputed" : "");
	cli_show_field("Kind:", d->ev.kind);
	if (d->place_state[0] && strcmp(d->place_state, d->ev.place) != 0)
		snprintf(place, sizeof place, "%s, %s", d->ev.place, d->place_state);
	else
		snprintf(place, sizeof place, "%s", d->ev.place);
	cli_show_field("Place:", place);
	snprintf(conf, sizeof conf, "%s, confidence %.2f", d->ev.origin,
	    d->ev.confidence);
	cli_show_field("Origin:", conf);
	cli_show_field("Summary:", d->summary);
	cli_show_participants_text(d);
	cli_show_sources_text(d);
}

static void
cli_show_json_participants(const struct event_detail *d)
{
	int i;

	printf(",\n \"participants\": [");
	for (i = 0; i < d->nparticipants; i++) {
		const struct participant_row *p = &d->participants[i];

		printf("%s\n  {\"name\": ", i ? "," : "");
		out_json_string(stdout, p->name);
		printf(", \"kind\": ");
		out_json_string(stdout, p->kind);
		printf(", \"role\": ");
		out_json_string_or_null(stdout, p->role);
		printf(", \"state\": ");
		out_json_string_or_null(stdout, p->state);
		printf(", \"entity_id\": %lld}", p->entity_id);
	}
	printf("%s]", d->nparticipants ? "\n " : "");
}

static void
cli_show_json_articles(const struct event_detail *d)
{
	int i;

	printf(",\n \"articles\": [");
	for (i = 0; i < d->nevidence; i++) {
		const struct evidence_row *v = &d->evidence[i];
		int first = i == 0 || d->evidence[i - 1].article_id != v->article_id;
		int last = i + 1 == d->nevidence ||
		    d->evidence[i + 1].article_id != v->article_id;

		/* One object per article, its supporting sentences inside. */
		if (first) {
			printf("%s\n  {\"id\": %lld, \"title\": ", i ? "," : "",
			    v->article_id);
			out_json_string(stdout, v->title);
			printf(", \"published\": ");
			out_json_string_or_null(stdout, v->published);
			printf(", \"evidence\": [");
		}
		printf("%s\n   {\"sentence\": ", first ? "" : ",");
		out_json_string(stdout, v->sentence);
		printf(", \"span\": [%lld, %lld]}", v->span_start, v->span_end);
		if (last)
			printf("]}");
	}
	printf("%s]", d->nevidence ? "\n " : "");
	printf(",\n \"claims\": [");
	for (i = 0; i < d->nclaims; i++) {
		printf("%s\n  {\"start\": ", i ? "," : "");
		out_json_string(stdout, d->claims[i].date.start);
		printf(", \"end\": ");
		out_json_string_or_null(stdout, d->claims[i].date.end);
		printf(", \"source\": ");
		out_json_string(stdout, d->claims[i].source);
		printf("}");
	}
	printf("%s]", d->nclaims ? "\n " : "");
}

static void
cli_show_json(const struct event_detail *d)
{
	printf("{\"id\": %lld, \"slug\": ", d->ev.id);
	out_json_string(stdout, d->ev.slug);
	printf(", \"start\": ");
	out_json_string(stdout, d->ev.date.start);
	printf(", \"end\": ");
	out_json_string_or_null(stdout, d->ev.date.end);
	printf(", \"first_day\": ");
	out_json_string(stdout, d->ev.date.first);
	printf(", \"last_day\": ");
	out_json_string(stdout, d->ev.date.last);
	printf(", \"precision\": \"%s\",\n \"title\": ",
	    date_precision_name(d->ev.date.precision));
	out_json_string(stdout, d->ev.title);
	printf(", \"kind\": ");
	out_json_string(stdout, d->ev.kind);
	printf(", \"place\": ");
	out_json_string_or_null(stdout, d->ev.place);
	printf(", \"place_state\": ");
	out_json_string_or_null(stdout, d->place_state);
	printf(",\n \"origin\": ");
	out_json_string(stdout, d->ev.origin);
	printf(", \"confidence\": %.2f, \"disputed\": %s, \"summary\": ",
	    d->ev.confidence, d->ev.disputed ? "true" : "false");
	out_json_string_or_null(stdout, d->summary);
	cli_show_json_participants(d);
	cli_show_json_articles(d);
	printf("}\n");
}

int
cli_show(struct cli *cli, int argc, char **argv)
{
	enum cli_format format = CLI_TEXT;
	const struct cli_opts o = {
		.usage = cli_show_usage,
		.formats = "text|json",
		.format = &format,
	};
	struct event_detail d;
	struct db *db;
	long long id;
	struct err e;
	int status;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (argc - optind != 1)
		return cli_error(CLI_USAGE, "show needs one EVENT (a number or an "
		    "id); see 'scotl show --help'");
	if ((status = cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if (events_find(db, argv[optind], &id, &e) != 0 ||
	    event_get(db, id, &d, &e) != 0) {
		db_close(db);
		return cli_error(CLI_ERROR, "%s", e.msg);
	}
	if (format == CLI_JSON)
		cli_show_json(&d);
	else
		cli_show_text(&d);
	event_detail_free(&d);
	db_close(db);
	return CLI_OK;
}
