/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "browser/browser.h"
#include "cli/cli.h"
#include "scotl/bundled.h"
#include "scotl/filter.h"
#include "output/out.h"
#include "scotl/paths.h"
#include "scotl/userdb.h"
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
	{ .name = "rebuild", .run = cli_rebuild,
	  .summary = "make your own database anew, keeping what is yours" },
};

#define CLI_NCOMMANDS (int)(sizeof cli_commands / sizeof *cli_commands)

/* A message may name a file or quote the data: it goes to the terminal
 * as any text from them does, on one line. */
int
cli_error(int status, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	fputs("scotl: ", stderr);
	out_text(stderr, msg, OUT_ONE_LINE);
	fputc('\n', stderr);
	free(msg);
	return status;
}

/* Why the first write to standard output failed: stdio keeps that it
 * failed, not why, and drops what it could not write, so the flush at
 * the end may succeed and say nothing. */
static int cli_stdout_errno;

int
cli_stdout_failed(void)
{
	if (!ferror(stdout))
		return 0;
	if (cli_stdout_errno == 0)
		cli_stdout_errno = errno ? errno : EIO;
	return 1;
}

/* As cat and GNU close_stdout do: what a command printed must have
 * reached its file, or the command failed. A descriptor closed before
 * scotl started is no error when nothing was written to it. */
static int
cli_close_stdout(int status)
{
	int failed = cli_stdout_failed();

	if (fflush(stdout) != 0 && !failed) {
		failed = 1;
		cli_stdout_errno = errno;
	}
	if (fclose(stdout) != 0 && !failed && errno != EBADF) {
		failed = 1;
		cli_stdout_errno = errno;
	}
	if (!failed)
		return status;
	cli_error(CLI_ERROR, "write error: %s", strerror(cli_stdout_errno));
	return status == CLI_OK ? CLI_ERROR : status;
}

/* The usage of scotl, its commands from the table. */
static char *
cli_usage(void)
{
	struct buf b;
	int i;

	buf_init(&b);
	buf_adds(&b,
	    "usage: scotl [--db PATH] [COMMAND [OPTIONS]]\n"
	    "\n"
	    "A browser for the dated security events of the Shanghai Cooperation\n"
	    "Organisation. Without a command it shows the timeline.\n"
	    "\n"
	    "commands:\n");
	for (i = 0; i < CLI_NCOMMANDS; i++)
		buf_printf(&b, "  %-8s %s\n", cli_commands[i].name,
		    cli_commands[i].summary);
	buf_adds(&b,
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
	return buf_steal(&b);
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

int
cli_check_db_arg(const char *path)
{
	struct stat st;

	if (strcmp(path, ":memory:") == 0)
		return cli_error(CLI_USAGE, "--db :memory: is refused: a database "
		    "in memory starts empty and is gone when scotl ends; give a file");
	if (stat(path, &st) != 0 && errno == ENOENT)
		return cli_error(CLI_ERROR, "cannot open database %s: %s (only "
		    "'scotl import --db %s FILE...' makes a new one)", path,
		    strerror(ENOENT), path);
	return CLI_OK;
}

int
cli_open_path(const char *path, enum db_mode mode, struct db **db)
{
	struct err e;
	int rc;

	/* Whichever way it is named, the user's own database must be a
	 * whole one (userdb.h). */
	rc = paths_is_user_db(path) ? userdb_open(db, path, mode, &e) :
	    db_open(db, path, mode, &e);
	if (rc != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	return CLI_OK;
}

int
cli_open_db(const struct cli *cli, struct db **db)
{
	char path[PATH_MAX], bundled[PATH_MAX], rp[PATH_MAX], rb[PATH_MAX];
	enum db_mode mode = DB_READWRITE;
	struct err e;
	int status;

	if (cli->db_path != NULL) {
		if ((status = cli_check_db_arg(cli->db_path)) != CLI_OK)
			return status;
		snprintf(path, sizeof path, "%s", cli->db_path);
	} else if (paths_default_db(path, sizeof path, &e) != 0)
		return cli_error(CLI_ERROR, "%s", e.msg);
	/* The bundled corpus is shared by everyone: never written. */
	if (paths_bundled_db(bundled, sizeof bundled, &e) == 0 &&
	    realpath(path, rp) != NULL && realpath(bundled, rb) != NULL &&
	    strcmp(rp, rb) == 0)
		mode = DB_READONLY;
	return cli_open_path(path, mode, db);
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

static int
cli_global_option(void *data, int opt, const char *arg)
{
	struct cli *cli = data;

	(void)arg;
	if (opt == 'F')
		cli->fresh = 1;
	return CLI_GO_ON;
}

/* Global options come before the command: --db, -h/--help, -V/--version,
 * --fresh. CLI_GO_ON with optind at the command, else the status. */
static int
cli_global_options(struct cli *cli, int argc, char **argv, const char *usage)
{
	static const struct option opts[] = {
		{ "fresh", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	/* '+': stop at the command name; its options are its own. */
	const struct cli_opts o = {
		.usage = usage,
		.shorts = "+",
		.longs = opts,
		.option = cli_global_option,
		.data = cli,
	};

	return cli_opts_parse(cli, argc, argv, &o);
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
	/* Without a place for it (no HOME), the bundled corpus, read-only. */
	if (cli->db_path != NULL || bundled_ensure_user(path, sizeof path,
	    &e) != 0)
		return cli_open_db(cli, db);
	return cli_open_path(path, DB_READWRITE, db);
}

/* The browser saves where you were, so it opens your own database. */
static int
cli_browse(struct cli *cli)
{
	struct db *db;
	int status;

	if ((status = cli_open_own_db(cli, &db)) != CLI_OK)
		return status;
	status = app_run(db, cli->fresh);
	db_close(db);
	return status;
}

/* The command the arguments name, run; *browsed when it was the
 * browser, whose terminal is curses' business. */
static int
cli_dispatch(int argc, char **argv, const char *usage, int *browsed)
{
	static char *browse[] = { "list", NULL };
	const struct cli_command *cmd;
	struct cli cli = { .db_path = NULL };
	int first, status;

	if ((status = cli_global_options(&cli, argc, argv, usage)) != CLI_GO_ON)
		return status;
	first = optind;
	if (first >= argc && cli_can_browse()) {
		*browsed = 1;
		return cli_browse(&cli);
	}
	if (first >= argc)
		return cli_list(&cli, 1, browse);
	if ((cmd = cli_find_command(argv[first])) == NULL) {
		cli_error(CLI_USAGE, "'%s' is not a command", argv[first]);
		fputs(usage, stderr);
		return CLI_USAGE;
	}
	return cmd->run(&cli, argc - first, argv + first);
}

static int
cli_run(int argc, char **argv, int *browsed)
{
	char *usage = cli_usage();
	int status;

	status = cli_dispatch(argc, argv, usage, browsed);
	free(usage);
	return status;
}

int
cli_main(int argc, char **argv)
{
	int browsed = 0, status;

	status = cli_run(argc, argv, &browsed);
	return browsed ? status : cli_close_stdout(status);
}
