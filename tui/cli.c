#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "scotl/app.h"
#include "scotl/cli.h"
#include "scotl/filter.h"
#include "scotl/out.h"
#include "scotl/paths.h"
#include "scotl/views.h"

struct cli_command {
	const char *name;
	int (*run)(struct cli *, int, char **);
	const char *summary;
};

static const struct cli_command cli_commands[] = {
	{ .name = "list", .run = cli_list,
	  .summary = "print the timeline (--since, --until, --limit, --format)" },
	{ .name = "show", .run = cli_show,
	  .summary = "print one event: participants, place, evidence" },
	{ .name = "entity", .run = cli_entity,
	  .summary = "print a person, state or organisation and its events" },
	{ .name = "article", .run = cli_article,
	  .summary = "print an article's text" },
	{ .name = "stats", .run = cli_stats,
	  .summary = "print what the database holds" },
	{ .name = "export", .run = cli_export,
	  .summary = "write events as CSV, JSON, iCalendar or TimelineJS" },
	{ .name = "views", .run = cli_views,
	  .summary = "list the saved views (--delete NAME)" },
	{ .name = "import", .run = cli_import,
	  .summary = "import saved articles (text, HTML, any charset)" },
	{ .name = "load", .run = cli_load,
	  .summary = "build a new database from a data directory" },
};

#define CLI_NCOMMANDS (int)(sizeof cli_commands / sizeof *cli_commands)

int
cli_error(int status, const char *fmt, ...)
{
	va_list ap;

	fputs("scotl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

static void
cli_usage(FILE *fp)
{
	int i;

	fprintf(fp,
	    "usage: scotl [--db PATH] [COMMAND [OPTIONS]]\n"
	    "\n"
	    "A browser for the dated security events of the Shanghai Cooperation\n"
	    "Organisation. Without a command it shows the timeline.\n"
	    "\n"
	    "commands:\n");
	for (i = 0; i < CLI_NCOMMANDS; i++)
		fprintf(fp, "  %-8s %s\n", cli_commands[i].name,
		    cli_commands[i].summary);
	fprintf(fp,
	    "\n"
	    "options:\n"
	    "  --db PATH   the database to use (default: your own database,\n"
	    "              else the bundled corpus)\n"
	    "  --fresh     open the browser at the start, forgetting where you were\n"
	    "  -h, --help  this text; 'scotl COMMAND --help' for a command\n"
	    "  -V, --version\n"
	    "              print the version (also after a command)\n"
	    "\n"
	    "Exit status: 0 success, 1 an error, 2 bad usage. See scotl(1).\n"
	    "Report bugs at " PACKAGE_BUGREPORT "\n"
	    "Home page: " PACKAGE_URL "\n");
}

int
cli_parse_format(const char *arg, const char *allowed, enum cli_format *out)
{
	static const char *const names[] = {
		[CLI_TEXT] = "text", [CLI_TSV] = "tsv", [CLI_CSV] = "csv",
		[CLI_JSON] = "json",
	};
	char pad[64], list[64];
	int i;

	snprintf(list, sizeof list, "|%s|", allowed);
	snprintf(pad, sizeof pad, "|%s|", arg);
	if (strstr(list, pad) == NULL || strchr(arg, '|') != NULL) {
		cli_error(CLI_USAGE, "--format: '%s' is not one of %s", arg, allowed);
		return -1;
	}
	for (i = 0; i < (int)(sizeof names / sizeof *names); i++) {
		if (strcmp(arg, names[i]) == 0) {
			*out = (enum cli_format)i;
			return 0;
		}
	}
	return -1;
}

int
cli_compile_filter(const char *text, struct filter **out)
{
	struct err e;
	int column, i;

	if (filter_compile(text, out, &column, &e) == 0)
		return 0;
	cli_error(CLI_USAGE, "filter: %s", e.msg);
	if (column > 0 && column <= 200 && strlen(text) <= 200) {
		fprintf(stderr, "  ");
		out_text(stderr, text, 0);
		fprintf(stderr, "\n  ");
		for (i = 1; i < column; i++)
			fputc(' ', stderr);
		fputs("^\n", stderr);
	}
	return -1;
}

int
cli_filter_from(struct db *db, const char *expr, const char *view,
    struct filter **out)
{
	char *saved = NULL, *both;
	struct err e;
	size_t len;
	int found, rc;

	*out = NULL;
	if (expr != NULL && cli_compile_filter(expr, out) != 0)
		return CLI_USAGE;
	if (view == NULL)
		return CLI_OK;
	filter_free(*out);
	*out = NULL;
	if ((found = views_get(db, view, &saved, &e)) < 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	if (found == 0)
		return cli_error(CLI_USAGE, "no saved view '%s' ('scotl views' "
		    "lists them)", view);
	len = strlen(saved) + (expr ? strlen(expr) : 0) + 8;
	both = xmalloc(len);
	snprintf(both, len, expr ? "(%s) (%s)" : "%s", saved, expr);
	rc = filter_compile(both, out, &found, &e);
	free(both);
	free(saved);
	if (rc != 0)
		return cli_error(CLI_USAGE, "view '%s': %s", view, e.msg);
	return CLI_OK;
}

static void
cli_version(void)
{
	printf("scotl %s (schema %d)\n", PACKAGE_VERSION, db_schema_version());
}

int
cli_common_option(struct cli *cli, int opt, const char *usage, int *status)
{
	switch (opt) {
	case 'D':
		cli->db_path = optarg;
		return 1;
	case 'h':
		fputs(usage, stdout);
		*status = CLI_OK;
		return 1;
	case 'V':
		cli_version();
		*status = CLI_OK;
		return 1;
	case '?':
		fprintf(stderr, "%s", usage);
		*status = CLI_USAGE;
		return 1;
	default:
		return 0;
	}
}

int
cli_open_db(const struct cli *cli, struct db **db)
{
	char path[PATH_MAX], bundled[PATH_MAX], rp[PATH_MAX], rb[PATH_MAX];
	enum db_mode mode = DB_READWRITE;
	struct err e;

	if (cli->db_path != NULL)
		snprintf(path, sizeof path, "%s", cli->db_path);
	else if (paths_default_db(path, sizeof path, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	/* The bundled corpus is shared by everyone: never written. */
	if (paths_bundled_db(bundled, sizeof bundled, &e) == 0 &&
	    realpath(path, rp) != NULL && realpath(bundled, rb) != NULL &&
	    strcmp(rp, rb) == 0)
		mode = DB_READONLY;
	if (db_open(db, path, mode, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	return CLI_OK;
}

static const struct cli_command *
cli_find_command(const char *name)
{
	int i;

	for (i = 0; i < CLI_NCOMMANDS; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

/* Global options come before the command: --db, -h/--help, -V/--version,
 * --fresh. */
static int
cli_global_options(struct cli *cli, int argc, char **argv, int *status)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "fresh", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	optind = 1;
	/* '+': stop at the command name; its options are its own. */
	while ((opt = getopt_long(argc, argv, "+" CLI_COMMON_SHORT, opts,
	    NULL)) != -1) {
		switch (opt) {
		case 'D':
			cli->db_path = optarg;
			break;
		case 'h':
			cli_usage(stdout);
			*status = CLI_OK;
			return -1;
		case 'V':
			cli_version();
			*status = CLI_OK;
			return -1;
		case 'F':
			cli->fresh = 1;
			break;
		default:
			cli_usage(stderr);
			*status = CLI_USAGE;
			return -1;
		}
	}
	return optind;
}

/* The browser wants a terminal on both sides; without one (a pipe, a
 * script, TERM=dumb) the timeline is printed as 'scotl list' does. */
static int
cli_can_browse(void)
{
	const char *term = getenv("TERM");

	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term != NULL &&
	    term[0] != '\0' && strcmp(term, "dumb") != 0;
}

int
cli_open_own_db(const struct cli *cli, struct db **db)
{
	char path[PATH_MAX];
	struct err e;

	*db = NULL;
	if (cli->db_path == NULL && paths_ensure_user_db(path, sizeof path, &e) == 0 &&
	    db_open(db, path, DB_READWRITE, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	if (*db == NULL)
		return cli_open_db(cli, db);
	return CLI_OK;
}

/* The browser saves where you were, so it opens your own database. */
static int
cli_browse(struct cli *cli)
{
	char config[PATH_MAX];
	struct db *db;
	int status;

	if ((status = cli_open_own_db(cli, &db)) != CLI_OK)
		return status;
	status = app_run(db, cli->fresh, config_default_path(config, sizeof config));
	db_close(db);
	return status;
}

int
cli_main(int argc, char **argv)
{
	static char *browse[] = { "list", NULL };
	const struct cli_command *cmd;
	struct cli cli = { .db_path = NULL };
	int first, status = CLI_OK;

	if ((first = cli_global_options(&cli, argc, argv, &status)) < 0)
		return status;
	/* 0, not 1: glibc then forgets the '+' of the global parse and
	 * lets options follow operands ("scotl show 5 --format json"). */
	optind = 0;
	if (first >= argc)
		return cli_can_browse() ? cli_browse(&cli) : cli_list(&cli, 1, browse);
	if ((cmd = cli_find_command(argv[first])) == NULL) {
		cli_error(CLI_USAGE, "'%s' is not a command", argv[first]);
		cli_usage(stderr);
		return CLI_USAGE;
	}
	return cmd->run(&cli, argc - first, argv + first);
}
