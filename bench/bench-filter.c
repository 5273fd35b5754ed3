/* SPDX-License-Identifier: ISC */
/* Time to the first screenful of a filter: what the browser runs when a
 * filter is applied before it draws (compile it, read the first window of
 * 128 events), and apart from it the histogram it finishes after drawing,
 * or while the user is idle (events per month), for no filter, ten
 * typical filters and a jump to an entity, each next to the sqlite3 shell
 * running the same SQL with the same parameters. Prints a table (and with
 * --tsv, the same figures as tab-separated lines for bench/bench.sh:
 * part, filter, events, median, p95, sqlite3 median, p95, ratio); it is
 * not a test.
 *
 *   bench-filter --db CORPUS.db [--runs N] [--count-runs N]
 *       [--entity NAME] [--sqlite3 PROGRAM] [--tsv FILE] */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "scotl/db.h"
#include "scotl/entity.h"
#include "scotl/events.h"
#include "scotl/filter.h"

#define BENCH_WINDOW 128

static const char *const bench_filters[] = {
	"",
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
	"\"joint exercises\"",
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

/* A filter as the browser applies it: compiled from TEXT, or the jump
 * to an entity (ENTITY > 0). */
static int
bench_filter(struct event_filter *f, const char *text, long long entity,
    struct err *e)
{
	int col;

	memset(f, 0, sizeof *f);
	f->entity_id = entity;
	if (entity > 0 || !text[0])
		return 0;
	return filter_compile(text, &f->expr, &col, e);
}

/* One first screenful (HIST 0) or the histogram after it (HIST 1), as
 * timeline_reload does them; *total gets the events the histogram holds. */
static int
bench_scotl_once(struct db *db, const char *text, long long entity, int hist,
    long long *total)
{
	struct event_filter f;
	struct event_list l;
	struct month_count *m;
	struct err e;
	int n, i, rc = 0;

	if (bench_filter(&f, text, entity, &e) != 0)
		rc = -1;
	else if (!hist && events_window(db, &f, NULL, EVENTS_AFTER, BENCH_WINDOW,
	    &l, &e) == 0)
		event_list_free(&l);
	else if (!hist)
		rc = -1;
	else if (events_per_month(db, &f, &m, &n, &e) != 0)
		rc = -1;
	else {
		for (*total = 0, i = 0; i < n; i++)
			*total += m[i].n;
		free(m);
	}
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
bench_script(struct db *db, FILE *fp, const char *text, long long entity,
    int runs, int hist)
{
	struct event_filter f;
	char *sql;
	char since[11], until[11], start[11];
	struct err e;
	int i, r;

	bench_filter(&f, text, entity, &e);
	events_query_bounds(db, &f, since, until, start);
	sql = events_query_sql(db, &f, hist ? EVENTS_QUERY_MONTHS :
	    EVENTS_QUERY_AFTER);
	fprintf(fp, ".parameter init\n.output /dev/null\n"
	    ".parameter set ?1 \"''\"\n.parameter set ?2 0\n"
	    ".parameter set ?3 \"'%s'\"\n.parameter set ?4 \"'%s'\"\n"
	    ".parameter set ?5 %lld\n.parameter set ?6 %d\n"
	    ".parameter set ?7 NULL\n.parameter set ?8 \"'%s'\"\n", since, until,
	    entity, BENCH_WINDOW, start);
	if (entity <= 0)
		fputs(".parameter set ?5 NULL\n", fp);
	for (i = 0; f.expr != NULL && i < filter_param_count(f.expr); i++) {
		fprintf(fp, ".parameter set ?%d ", 1000 + i);
		bench_literal(fp, filter_param_value(f.expr, i));
		fputc('\n', fp);
	}
	/* A warm-up run, then the timed ones. */
	for (r = 0; r <= runs; r++)
		fprintf(fp, "%s%s;\n", r == 1 ? ".timer on\n" : "", sql);
	free(sql);
	filter_free(f.expr);
}

/* The shell's own timer: real time to the millisecond only, so the
 * figure is its CPU time (user + sys), to the microsecond. */
static int
bench_shell(struct db *h, const char *shell, const char *db, const char *text,
    long long entity, int runs, int hist, double *cpu)
{
	char script[] = "/tmp/scotl-bench-XXXXXX", cmd[1024], line[512];
	double u, s, t;
	int fd = mkstemp(script), n = 0;
	FILE *fp;

	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL)
		return -1;
	bench_script(h, fp, text, entity, runs, hist);
	fclose(fp);
	snprintf(cmd, sizeof cmd, "%s -readonly '%s' <'%s' 2>&1", shell, db, script);
	if ((fp = popen(cmd, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (sscanf(line, "Run Time: real %lf user %lf sys %lf", &t, &u, &s) != 3)
			fprintf(stderr, "bench-filter: sqlite3: %s", line);
		else if (n < runs)
			cpu[n++] = (u + s) * 1e3;
	}
	pclose(fp);
	remove(script);
	return n;
}

struct bench_case {
	const char *label;      /* as printed */
	const char *text;       /* the filter, "" for none */
	long long entity;       /* or the entity jumped to */
};

struct bench_row {
	struct bench_stats wall, cpu, shell_cpu;
};

/* RUNS timings of one part (window or histogram) of one case, both ways. */
static int
bench_part(struct db *db, const char *shell, const char *path,
    const struct bench_case *c, int hist, int runs, struct bench_row *out,
    long long *total)
{
	double *v = calloc((size_t)runs * 3, sizeof *v), t0, c0;
	int r, n;

	if (bench_scotl_once(db, c->text, c->entity, hist, total) != 0) {
		free(v);
		return -1;
	}
	for (r = 0; r < runs; r++) {
		t0 = bench_now_ms();
		c0 = bench_cpu_ms();
		bench_scotl_once(db, c->text, c->entity, hist, total);
		v[r] = bench_now_ms() - t0;
		v[runs + r] = bench_cpu_ms() - c0;
	}
	n = bench_shell(db, shell, path, c->text, c->entity, runs, hist,
	    v + 2 * runs);
	out->wall = bench_stats(v, runs);
	out->cpu = bench_stats(v + runs, runs);
	out->shell_cpu = bench_stats(v + 2 * runs, n > 0 ? n : 0);
	free(v);
	return 0;
}

static double
bench_ratio(const struct bench_row *r)
{
	return r->shell_cpu.p95 > 0 ? r->cpu.p95 / r->shell_cpu.p95 : 0.0;
}

static void
bench_print(const struct bench_case *c, long long total,
    const struct bench_row *w, const struct bench_row *h, FILE *tsv)
{
	printf("%-42s %8lld | %6.2f %6.2f %6.2f %5.2fx | %8.1f %8.1f %8.1f %5.2fx\n",
	    c->label, total, w->wall.median, w->wall.p95, w->shell_cpu.p95,
	    bench_ratio(w), h->wall.median, h->wall.p95, h->shell_cpu.p95,
	    bench_ratio(h));
	if (tsv == NULL)
		return;
	fprintf(tsv, "screen\t%s\t%lld\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n",
	    c->label, total, w->wall.median, w->wall.p95, w->shell_cpu.median,
	    w->shell_cpu.p95, bench_ratio(w));
	fprintf(tsv, "histogram\t%s\t%lld\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n",
	    c->label, total, h->wall.median, h->wall.p95, h->shell_cpu.median,
	    h->shell_cpu.p95, bench_ratio(h));
}

/* The cases: no filter, the filters, and the jump to NAME. */
static int
bench_cases(struct db *db, const char *name, struct bench_case *c,
    char *label, size_t size)
{
	struct entity_list l;
	struct err e;
	int i, n = 0;

	for (i = 0; i < BENCH_NFILTERS; i++, n++) {
		c[n].label = bench_filters[i][0] ? bench_filters[i] : "(no filter)";
		c[n].text = bench_filters[i];
		c[n].entity = 0;
	}
	if (name == NULL)
		return n;
	if (entity_find(db, name, &l, &e) != 0 || l.n == 0) {
		fprintf(stderr, "bench-filter: %s: %s\n", name, l.n == 0 ?
		    "no such entity" : e.msg);
		return -1;
	}
	snprintf(label, size, "Enter on %s", l.items[0].name);
	c[n].label = label;
	c[n].text = "";
	c[n++].entity = l.items[0].id;
	entity_list_free(&l);
	return n;
}

static void
bench_header(const char *path, int runs, int hist_runs)
{
	printf("Filters on %s: the first screenful (compile, window of %d "
	    "events; %d runs)\nand the histogram done after it is drawn "
	    "(events per month; %d runs), in ms.\nsqlite3: the shell's CPU "
	    "time for the same SQL; ratio: scotl CPU p95 / sqlite3 CPU p95.\n\n",
	    path, BENCH_WINDOW, runs, hist_runs);
	printf("%-42s %8s | %-30s | %-35s\n", "", "", "first screenful",
	    "histogram (after drawing, while idle)");
	printf("%-42s %8s | %6s %6s %6s %6s | %8s %8s %8s %6s\n", "filter", "events",
	    "median", "p95", "sqlite", "ratio", "median", "p95", "sqlite", "ratio");
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "runs", required_argument, NULL, 'r' },
		{ "count-runs", required_argument, NULL, 'c' },
		{ "sqlite3", required_argument, NULL, 's' },
		{ "entity", required_argument, NULL, 'e' },
		{ "tsv", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL, *shell = "sqlite3", *entity = NULL, *tsv_path = NULL;
	int runs = 40, hist_runs = 3, opt, i, n, fast = 0, close = 0;
	struct bench_case cases[BENCH_NFILTERS + 1];
	char label[128];
	struct bench_row w, h;
	long long total = 0;
	FILE *tsv = NULL;
	struct db *db;
	struct err e;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == 'd')
			path = optarg;
		else if (opt == 'r')
			runs = atoi(optarg);
		else if (opt == 'c')
			hist_runs = atoi(optarg);
		else if (opt == 's')
			shell = optarg;
		else if (opt == 'e')
			entity = optarg;
		else if (opt == 't')
			tsv_path = optarg;
		else
			return 2;
	}
	if (path == NULL || runs < 1 || hist_runs < 1) {
		fprintf(stderr, "usage: bench-filter --db PATH [--runs N] "
		    "[--count-runs N] [--entity NAME] [--sqlite3 PROGRAM] "
		    "[--tsv FILE]\n");
		return 2;
	}
	if (db_open(&db, path, DB_READONLY, &e) != 0) {
		fprintf(stderr, "bench-filter: %s\n", e.msg);
		return 1;
	}
	if (tsv_path != NULL && (tsv = fopen(tsv_path, "w")) == NULL) {
		perror(tsv_path);
		return 1;
	}
	if ((n = bench_cases(db, entity, cases, label, sizeof label)) < 0)
		return 1;
	bench_header(path, runs, hist_runs);
	for (i = 0; i < n; i++) {
		if (bench_part(db, shell, path, &cases[i], 0, runs, &w, &total) != 0 ||
		    bench_part(db, shell, path, &cases[i], 1, hist_runs, &h,
		    &total) != 0)
			return 1;
		bench_print(&cases[i], total, &w, &h, tsv);
		fflush(stdout);
		fast += w.wall.p95 < 16;
		close += w.shell_cpu.p95 > 0 && w.cpu.p95 <= 1.5 * w.shell_cpu.p95;
	}
	printf("\nfirst screenful under 16 ms (p95): %d of %d; within "
	    "1.5x of sqlite3: %d of %d\n", fast, n, close, n);
	if (tsv != NULL)
		fclose(tsv);
	db_close(db);
	return 0;
}
