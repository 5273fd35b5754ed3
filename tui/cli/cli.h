/* SPDX-License-Identifier: ISC */
/* The command line: scotl [--db PATH] [COMMAND [OPTIONS]]. Each command
 * returns the exit status: 0 success, 1 an error, 2 bad usage. */
#ifndef SCOTL_CLI_H
#define SCOTL_CLI_H

#include "scotl/db.h"

enum {
	CLI_OK = 0,
	CLI_ERROR = 1,
	CLI_USAGE = 2,
	CLI_GO_ON = -1,         /* no exit status yet: the command goes on */
};

enum cli_format {
	CLI_TEXT,
	CLI_TSV,
	CLI_CSV,
	CLI_JSON,
};

struct cli {
	const char *db_path;    /* --db, or NULL for the default */
	int fresh;              /* --fresh: the browser forgets where it was */
};

int cli_main(int argc, char **argv);

/* Opens the database the user asked for (or the default), printing the
 * error; the bundled corpus always opens read-only. */
int cli_open_db(const struct cli *cli, struct db **db);

/* Checks a --db PATH: ":memory:" is bad usage, a file that is not there
 * an error (import makes one itself). CLI_OK, or the status, printed. */
int cli_check_db_arg(const char *path);

/* Opens PATH in MODE, the user's own database with its checks; prints
 * what is wrong. */
int cli_open_path(const char *path, enum db_mode mode, struct db **db);

/* For commands that write what the user keeps (views): without --db, the
 * user's own database, made from the bundled corpus the first time. */
int cli_open_own_db(const struct cli *cli, struct db **db);

/* Prints "scotl: MESSAGE" on stderr and returns status. */
int cli_error(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* 1 when a write to standard output has failed (remembering why, for
 * the "write error" scotl ends with): a command that prints a lot stops
 * there. */
int cli_stdout_failed(void);

/* Compiles a --filter; on an error prints it with a caret under the
 * column it names and returns -1. */
struct filter;
int cli_compile_filter(const char *text, struct filter **out);

/* The filter of --filter EXPR and --view NAME (either may be NULL; with
 * both, events must match both). Prints what is wrong and returns the
 * exit status: CLI_OK with *out set (NULL: no filter), else an error. */
int cli_filter_from(struct db *db, const char *expr, const char *view,
    struct filter **out);

/* Parses --format; allowed is a list like "text|json". */
int cli_parse_format(const char *arg, const char *allowed, enum cli_format *out);

/* A command's options, for cli_opts_parse (opts.c). Every command also
 * takes --db PATH, -h/--help and -V/--version, before or after it. */
struct option;
struct cli_opts {
	const char *usage;              /* for --help, and after a bad option */
	const char *shorts;             /* its short options ("o:"), or NULL */
	const struct option *longs;     /* its long options, ending with a
	                                 * NULL name; or NULL */
	/* Called with each of its own options as getopt_long returns it
	 * and its argument: CLI_GO_ON, or the status the command ends
	 * with (the handler has said why). */
	int (*option)(void *data, int opt, const char *arg);
	void *data;
	/* --format, taken by the parser after the command's own long
	 * options (last where getopt_long lists what an abbreviation may
	 * mean): FORMATS lists what it allows ("text|json"), FORMAT is
	 * where the one chosen goes. NULL: no --format, or the command's
	 * own (list and export, whose --format is not last). */
	const char *formats;
	enum cli_format *format;
};

/* Parses the options in ARGV (ARGV[0] names the command in getopt's
 * messages). CLI_GO_ON when the command goes on, its operands from
 * optind; else the status it ends with, all said: --help, --version, an
 * option getopt_long or the handler refused. */
int cli_opts_parse(struct cli *cli, int argc, char **argv,
    const struct cli_opts *o);

struct event_filter;
/* Prints the events of a filter in a format, LIMIT of them (-1: all). */
int cli_list_print(struct db *db, const struct event_filter *f,
    enum cli_format format, long long limit);

int cli_list(struct cli *cli, int argc, char **argv);
int cli_show(struct cli *cli, int argc, char **argv);
int cli_entity(struct cli *cli, int argc, char **argv);
int cli_article(struct cli *cli, int argc, char **argv);
int cli_stats(struct cli *cli, int argc, char **argv);
int cli_load(struct cli *cli, int argc, char **argv);
int cli_import(struct cli *cli, int argc, char **argv);
int cli_export(struct cli *cli, int argc, char **argv);
int cli_views(struct cli *cli, int argc, char **argv);
int cli_rebuild(struct cli *cli, int argc, char **argv);

#endif
