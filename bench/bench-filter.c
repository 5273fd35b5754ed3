/* Time to the first screenful of a filter: what the browser runs when a
 * filter is applied before it draws (compile it, read the first window of
 * 128 events), and apart from it the counts it finishes after drawing, or
 * while the user is idle (how many, per month for the histogram), for ten
 * typical filters, each next to the sqlite3 shell running the same SQL
 * with the same parameters. Prints a table; it is not a test.
 *
 *   bench-filter --db CORPUS.db [--runs N] [--count-runs N] [--sqlite3 PROGRAM] */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "scotl/db.h"
#include "scotl/events.h"
#include "scotl/filter.h"

#define BENCH_WINDOW 128

static const char *const bench_filters[] = {
	"person:doval",
	"state:india",
	"state:india date:2021..2022",
	"person:doval state:pakistan date:2021..2022",
	"kind:rats | kind:nsa",
	"-state:china kind:defence since:2020",
	"place:samarkand",
	"date:2022-08-18~2w",
	"is:disputed",
	"cyber \"joint exercises\" state:russia",
};
#define BENCH_NFILTERS (int)(sizeof bench_filters / sizeof *bench_filters)

struct bench_stats {
	double median, p95;
};

static double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
bench_cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 +
	    ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
}

static int
bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static struct bench_stats
bench_stats(double *v, int n)
{
	struct bench_stats s = { 0, 0 };
	int k;

	if (n == 0)
		return s;
	qsort(v, (size_t)n, sizeof *v, bench_cmp);
	s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	k = (int)ceil(0.95 * n) - 1;
	s.p95 = v[k < 0 ? 0 : k];
	return s;
}

/* One first screenful (COUNTS 0) or the counts after it (COUNTS 1), as
 * timeline_reload does them. */
static int
bench_scotl_once(struct db *db, const char *text, int counts, long long *total)
{
	struct event_filter f;
	struct event_list l;
	struct month_count *m;
	struct err e;
	int col, n, rc = 0;

	memset(&f, 0, sizeof f);
	if (filter_compile(text, &f.expr, &col, &e) != 0)
		rc = -1;
	else if (!counts && events_window(db, &f, NULL, EVENTS_AFTER, BENCH_WINDOW,
	    &l, &e) == 0)
		event_list_free(&l);
	else if (!counts)
		rc = -1;
	else if (events_count(db, &f, NULL, total, &e) != 0 ||
	    events_per_month(db, &f, &m, &n, &e) != 0)
		rc = -1;
	else
		free(m);
	if (rc != 0)
		fprintf(stderr, "bench-filter: %s: %s\n", text, e.msg);
	filter_free(f.expr);
	return rc;
}

/* An SQL string literal for the shell's .parameter set. */
static void
bench_literal(FILE *fp, const char *s)
{
	fputs("\"'", fp);
	for (; *s; s++) {
		if (*s == '\'')
			fputc('\'', fp);
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		fputc(*s, fp);
	}
	fputs("'\"", fp);
}

static void
bench_script(struct db *db, FILE *fp, const char *text, int runs, int counts)
{
	struct event_filter f;
	char *sql[3];
	char since[11], until[11], start[11];
	struct err e;
	int col, i, r;

	memset(&f, 0, sizeof f);
	filter_compile(text, &f.expr, &col, &e);
	events_query_bounds(db, &f, since, until, start);
	sql[0] = events_query_sql(db, &f, EVENTS_QUERY_AFTER);
	sql[1] = events_query_sql(db, &f, EVENTS_QUERY_COUNT);
	sql[2] = events_query_sql(db, &f, EVENTS_QUERY_MONTHS);
	fprintf(fp, ".parameter init\n.output /dev/null\n"
	    ".parameter set ?2 0\n.parameter set ?3 \"'%s'\"\n"
	    ".parameter set ?4 \"'%s'\"\n.parameter set ?5 NULL\n"
	    ".parameter set ?6 %d\n.parameter set ?7 NULL\n"
	    ".parameter set ?8 \"'%s'\"\n", since, until, BENCH_WINDOW, start);
	for (i = 0; i < filter_param_count(f.expr); i++) {
		fprintf(fp, ".parameter set ?%d ", 1000 + i);
		bench_literal(fp, filter_param_value(f.expr, i));
		fputc('\n', fp);
	}
	/* A warm-up run, then the timed ones. */
	for (r = 0; r <= runs; r++) {
		if (r == 1)
			fputs(".timer on\n", fp);
		if (!counts)
			fprintf(fp, ".parameter set ?1 \"''\"\n%s;\n", sql[0]);
		else
			fprintf(fp, ".parameter set ?1 \"'~'\"\n%s;\n%s;\n", sql[1],
			    sql[2]);
	}
	for (i = 0; i < 3; i++)
		free(sql[i]);
	filter_free(f.expr);
}

/* The shell's own timer: real time to the millisecond only, so the
 * figure is its CPU time (user + sys), to the microsecond. One line (the
 * window) or two (count, months) make one run. */
static int
bench_shell(struct db *h, const char *shell, const char *db, const char *text,
    int runs, int counts, double *cpu, double *real)
{
	char script[] = "/tmp/scotl-bench-XXXXXX", cmd[1024], line[512];
	double u, s, t, sum_cpu = 0, sum_real = 0;
	int fd = mkstemp(script), k = 0, n = 0;
	FILE *fp;

	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL)
		return -1;
	bench_script(h, fp, text, runs, counts);
	fclose(fp);
	snprintf(cmd, sizeof cmd, "%s -readonly '%s' <'%s' 2>&1", shell, db, script);
	if ((fp = popen(cmd, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (sscanf(line, "Run Time: real %lf user %lf sys %lf", &t, &u, &s) != 3) {
			fprintf(stderr, "bench-filter: sqlite3: %s", line);
			continue;
		}
		sum_cpu += (u + s) * 1e3;
		sum_real += t * 1e3;
		if (++k == (counts ? 2 : 1)) {
			cpu[n] = sum_cpu;
			real[n++] = sum_real;
			k = 0;
			sum_cpu = sum_real = 0;
		}
	}
	pclose(fp);
	remove(script);
	return n;
}

struct bench_row {
	struct bench_stats wall, cpu, shell_cpu, shell_real;
};

/* RUNS timings of one part (window or counts) of one filter, both ways. */
static int
bench_part(struct db *db, const char *shell, const char *path,
    const char *text, int counts, int runs, struct bench_row *out,
    long long *total)
{
	double *v = calloc((size_t)runs * 4, sizeof *v), t0, c0;
	int r, n;

	if (bench_scotl_once(db, text, counts, total) != 0) {
		free(v);
		return -1;
	}
	for (r = 0; r < runs; r++) {
		t0 = bench_now_ms();
		c0 = bench_cpu_ms();
		bench_scotl_once(db, text, counts, total);
		v[r] = bench_now_ms() - t0;
		v[runs + r] = bench_cpu_ms() - c0;
	}
	n = bench_shell(db, shell, path, text, runs, counts, v + 2 * runs,
	    v + 3 * runs);
	out->wall = bench_stats(v, runs);
	out->cpu = bench_stats(v + runs, runs);
	out->shell_cpu = bench_stats(v + 2 * runs, n > 0 ? n : 0);
	out->shell_real = bench_stats(v + 3 * runs, n > 0 ? n : 0);
	free(v);
	return 0;
}

static void
bench_print(const char *name, long long total, const struct bench_row *w,
    const struct bench_row *c)
{
	printf("%-42s %8lld | %6.2f %6.2f %6.2f %5.2fx | %8.1f %8.1f %8.1f %5.2fx\n",
	    name, total, w->wall.median, w->wall.p95, w->shell_cpu.p95,
	    w->shell_cpu.p95 > 0 ? w->cpu.p95 / w->shell_cpu.p95 : 0.0,
	    c->wall.median, c->wall.p95, c->shell_cpu.p95,
	    c->shell_cpu.p95 > 0 ? c->cpu.p95 / c->shell_cpu.p95 : 0.0);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "runs", required_argument, NULL, 'r' },
		{ "count-runs", required_argument, NULL, 'c' },
		{ "sqlite3", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL, *shell = "sqlite3";
	int runs = 40, count_runs = 3, opt, i, fast = 0, close = 0;
	struct bench_row w, c;
	long long total = 0;
	struct db *db;
	struct err e;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == 'd')
			path = optarg;
		else if (opt == 'r')
			runs = atoi(optarg);
		else if (opt == 'c')
			count_runs = atoi(optarg);
		else if (opt == 's')
			shell = optarg;
		else
			return 2;
	}
	if (path == NULL || runs < 1 || count_runs < 1) {
		fprintf(stderr, "usage: bench-filter --db PATH [--runs N] "
		    "[--count-runs N] [--sqlite3 PROGRAM]\n");
		return 2;
	}
	if (db_open(&db, path, DB_READONLY, &e) != 0) {
		fprintf(stderr, "bench-filter: %s\n", e.msg);
		return 1;
	}
	printf("Filters on %s: the first screenful (compile, window of %d "
	    "events; %d runs)\nand the counts done after it is drawn (total, "
	    "per month; %d runs), in ms.\nsqlite3: the shell's CPU time for "
	    "the same SQL; ratio: scotl CPU p95 / sqlite3 CPU p95.\n\n", path,
	    BENCH_WINDOW, runs, count_runs);
	printf("%-42s %8s | %-30s | %-35s\n", "", "", "first screenful",
	    "counts (after drawing, while idle)");
	printf("%-42s %8s | %6s %6s %6s %6s | %8s %8s %8s %6s\n", "filter", "events",
	    "median", "p95", "sqlite", "ratio", "median", "p95", "sqlite", "ratio");
	for (i = 0; i < BENCH_NFILTERS; i++) {
		if (bench_part(db, shell, path, bench_filters[i], 0, runs, &w,
		    &total) != 0 ||
		    bench_part(db, shell, path, bench_filters[i], 1, count_runs, &c,
		    &total) != 0)
			return 1;
		bench_print(bench_filters[i], total, &w, &c);
		fast += w.wall.p95 < 16;
		close += w.shell_cpu.p95 > 0 && w.cpu.p95 <= 1.5 * w.shell_cpu.p95;
	}
	printf("\nfirst screenful under 16 ms (p95): %d of %d filters; within "
	    "1.5x of sqlite3: %d of %d\n", fast, BENCH_NFILTERS, close,
	    BENCH_NFILTERS);
	db_close(db);
	return 0;
}
