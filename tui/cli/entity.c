/* SPDX-License-Identifier: ISC */
/* scotl entity: a person, state, organisation or place, found by any of
 * its names, with its roles, SCO status, partners and events. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "scotl/entity.h"
#include "scotl/events.h"
#include "output/out.h"

static const char cli_entity_usage[] =
	"usage: scotl entity [--format text|json] [--db PATH] NAME\n"
	"\n"
	"Prints the entity one of whose names is NAME (any case), or whose name\n"
	"starts with it. When several match, lists them.\n";

static void
cli_entity_span(const struct entity_span *s)
{
	fputs("  ", stdout);
	out_text(stdout, s->what, 0);
	if (s->state[0]) {
		fputs(", ", stdout);
		out_text(stdout, s->state, 0);
	}
	if (s->since[0] && s->until[0]) {
		fputs(" (", stdout);
		out_name(stdout, s->since);
		fputs(" to ", stdout);
		out_name(stdout, s->until);
		putchar(')');
	} else if (s->since[0] || s->until[0]) {
		fputs(s->since[0] ? " (from " : " (until ", stdout);
		out_name(stdout, s->since[0] ? s->since : s->until);
		putchar(')');
	}
	putchar('\n');
}

static void
cli_entity_text_head(const struct entity_detail *d)
{
	int i;

	out_text(stdout, d->ref.name, 0);
	fputs(" (", stdout);
	out_name(stdout, d->ref.kind);
	if (d->ref.state[0]) {
		fputs(", ", stdout);
		out_text(stdout, d->ref.state, OUT_ONE_LINE);
	}
	fputs(", ", stdout);
	out_name(stdout, d->origin);
	fputs(")\n", stdout);
	if (d->naliases > 0) {
		printf("Also:        ");
		for (i = 0; i < d->naliases; i++) {
			printf("%s", i ? ", " : "");
			out_text(stdout, d->aliases[i].name, 0);
			if (strcmp(d->aliases[i].kind, "demonym") == 0)
				printf(" (demonym)");
		}
		putchar('\n');
	}
	if (strcmp(d->ref.kind, "person") == 0 && d->nstates > 0) {
		printf("States:      ");
		for (i = 0; i < d->nstates; i++) {
			printf("%s", i ? ", " : "");
			out_text(stdout, d->states[i], 0);
		}
		putchar('\n');
	}
	if (d->nroles > 0)
		printf("Roles:\n");
	for (i = 0; i < d->nroles; i++)
		cli_entity_span(&d->roles[i]);
	if (d->nsco > 0)
		printf("SCO status:\n");
	for (i = 0; i < d->nsco; i++)
		cli_entity_span(&d->sco[i]);
}

static void
cli_entity_text(const struct entity_detail *d)
{
	int i;

	cli_entity_text_head(d);
	if (d->npartners > 0)
		printf("Shares events with:\n");
	for (i = 0; i < d->npartners; i++) {
		printf("  %3d  ", d->partners[i].shared);
		out_text(stdout, d->partners[i].who.name, 0);
		if (d->partners[i].who.state[0]) {
			fputs(" (", stdout);
			out_text(stdout, d->partners[i].who.state, OUT_ONE_LINE);
			putchar(')');
		}
		putchar('\n');
	}
	if (d->events > 0) {
		printf("Events: %d, ", d->events);
		out_name(stdout, d->first_day);
		fputs(" to ", stdout);
		out_name(stdout, d->last_day);
		putchar('\n');
	}
	else
		printf("Events: none\n");
}

static void
cli_entity_json_spans(const char *key, const struct entity_span *s, int n)
{
	int i;

	printf(",\n \"%s\": [", key);
	for (i = 0; i < n; i++) {
		printf("%s{\"%s\": ", i ? ", " : "",
		    strcmp(key, "roles") == 0 ? "title" : "status");
		out_json_string(stdout, s[i].what);
		if (strcmp(key, "roles") == 0) {
			printf(", \"state\": ");
			out_json_string_or_null(stdout, s[i].state);
		}
		printf(", \"since\": ");
		out_json_string_or_null(stdout, s[i].since);
		printf(", \"until\": ");
		out_json_string_or_null(stdout, s[i].until);
		printf("}");
	}
	printf("]");
}

static void
cli_entity_json(const struct entity_detail *d)
{
	int i;

	printf("{\"id\": %lld, \"name\": ", d->ref.id);
	out_json_string(stdout, d->ref.name);
	printf(", \"kind\": ");
	out_json_string(stdout, d->ref.kind);
	printf(", \"state\": ");
	out_json_string_or_null(stdout, d->ref.state);
	printf(", \"origin\": ");
	out_json_string(stdout, d->origin);
	printf(",\n \"aliases\": [");
	for (i = 0; i < d->naliases; i++) {
		printf("%s", i ? ", " : "");
		out_json_string(stdout, d->aliases[i].name);
	}
	printf("],\n \"states\": [");
	for (i = 0; i < d->nstates; i++) {
		printf("%s", i ? ", " : "");
		out_json_string(stdout, d->states[i]);
	}
	printf("]");
	cli_entity_json_spans("roles", d->roles, d->nroles);
	cli_entity_json_spans("sco", d->sco, d->nsco);
	printf(",\n \"partners\": [");
	for (i = 0; i < d->npartners; i++) {
		printf("%s{\"name\": ", i ? ", " : "");
		out_json_string(stdout, d->partners[i].who.name);
		printf(", \"shared\": %d}", d->partners[i].shared);
	}
	printf("],\n \"event_count\": %d,\n \"events\": ", d->events);
}

static int
cli_entity_ambiguous(const char *name, const struct entity_list *l)
{
	int i;

	cli_error(CLI_ERROR, "'%s' matches %d entities; give one of these names:",
	    name, l->n);
	for (i = 0; i < l->n; i++) {
		fputs("  ", stderr);
		out_padded(stderr, l->items[i].kind, 12);
		fputc(' ', stderr);
		out_text(stderr, l->items[i].name, 0);
		if (l->items[i].state[0]) {
			fputs(" (", stderr);
			out_text(stderr, l->items[i].state, OUT_ONE_LINE);
			fputc(')', stderr);
		}
		fputc('\n', stderr);
	}
	return CLI_ERROR;
}

static int
cli_entity_print(struct db *db, long long id, enum cli_format format)
{
	struct entity_detail d;
	struct event_filter f;
	struct err e;
	int status;

	if (entity_get(db, id, &d, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	memset(&f, 0, sizeof f);
	f.entity_id = id;
	if (format == CLI_JSON) {
		cli_entity_json(&d);
		status = cli_list_print(db, &f, CLI_JSON, -1);
		printf("}\n");
	} else {
		cli_entity_text(&d);
		status = d.events > 0 ? cli_list_print(db, &f, CLI_TEXT, -1) : CLI_OK;
	}
	entity_detail_free(&d);
	return status;
}

int
cli_entity(struct cli *cli, int argc, char **argv)
{
	enum cli_format format = CLI_TEXT;
	const struct cli_opts o = {
		.usage = cli_entity_usage,
		.formats = "text|json",
		.format = &format,
	};
	struct entity_list l;
	struct db *db;
	struct err e;
	int status;

	if ((status = cli_opts_parse(cli, argc, argv, &o)) != CLI_GO_ON)
		return status;
	if (argc - optind != 1 || argv[optind][0] == '\0')
		return cli_error(CLI_USAGE, "entity needs one NAME; see "
		    "'scotl entity --help'");
	if ((status = cli_open_db(cli, &db)) != CLI_OK)
		return status;
	if (entity_find(db, argv[optind], &l, &e) != 0)
		status = cli_error(CLI_ERROR, "%s", e.msg);
	else if (l.n == 0)
		status = cli_error(CLI_ERROR, "no person, state, organisation or "
		    "place is called '%s'", argv[optind]);
	else if (l.n > 1)
		status = cli_entity_ambiguous(argv[optind], &l);
	else
		status = cli_entity_print(db, l.items[0].id, format);
	entity_list_free(&l);
	db_close(db);
	return status;
}
