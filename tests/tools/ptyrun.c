/* SPDX-License-Identifier: ISC */
/* ptyrun: runs a program in a pseudo-terminal of a given size, types keys
 * one at a time, and measures what the program writes back: the bytes
 * each key costs and the time until the screen settles. The screen tests
 * use it to look at the raw bytes sent to the terminal; the benchmarks use
 * it to count bytes per key, against less as a reference.
 *
 *   ptyrun [-m] [-a KEY] [-s COLSxROWS] [-o RAW] [-p FILE] [-q QUIT]
 *          [-w MS] [-x MS] [-H MS] KEYS -- COMMAND...
 *
 * KEYS is a comma-separated list of NAME or NAME*COUNT, where NAME is a
 * character or one of Down Up PgDn PgUp Home End Tab Enter Esc Space, or
 * C-x. Output: one line per key name with the count, the bytes (median,
 * 95th percentile, total) and the settle time in ms (median, 95th).
 *
 * Size=COLSxROWS resizes the terminal (the program gets SIGWINCH);
 * Size=80x24/1x1*100 resizes it 100 times, through the sizes in turn,
 * 10 ms apart (the output read meanwhile), and only the last resize
 * waits for the screen to settle. It is reported as "Size".
 * -a KEY names a key that always answers (C-l, a redraw): after it, and
 * for the first screen, ptyrun waits up to 10 s for the first byte before
 * the settle time counts, so that on a loaded machine the next key is not
 * typed before the screen is out.
 *
 * -m adds a line "max NAME settle_ms=MS silent=N" after each: the slowest
 * press, and how many presses had no answer within the settle time (a
 * no-op, or a stall longer than -w); with -x, a line "quit exit_ms=MS",
 * the time from QUIT to the program's exit.
 * -p FILE makes the key Pause a rendezvous: it prints "pause", then
 * types nothing until FILE exists (reading the program's output all the
 * while), so that a script can look at the program's state between keys.
 * -x MS waits up to MS for the program to exit after QUIT is typed, even
 * through pauses in its output (a loaded machine), before it is killed.
 * -H MS hangs up instead of typing QUIT: the terminal is closed under the
 * program (as when a terminal window or an SSH connection goes away), and
 * a line "hangup   exit_ms=MS cpu_ms=MS" says how long it took to exit
 * and the CPU time it used meanwhile (with what it ran and waited for;
 * to a clock tick, 10 ms); after MS it is killed, and the line ends in
 * " (still running)". */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PTYRUN_MAX_SAMPLES 4096
#define PTYRUN_ANSWER_MS 10000
#define PTYRUN_MAX_SIZES 16

struct ptyrun_key {
	const char *name;
	const char *bytes;
};

static const struct ptyrun_key ptyrun_keys[] = {
	{ "Down", "\033OB" }, { "Up", "\033OA" }, { "PgDn", "\033[6~" },
	{ "PgUp", "\033[5~" }, { "Home", "\033OH" }, { "End", "\033OF" },
	{ "Tab", "\t" }, { "Enter", "\r" }, { "Esc", "\033" }, { "Space", " " },
	{ "BSpace", "\177" },
};

static FILE *ptyrun_raw;
static int ptyrun_settle_ms = 150;
static int ptyrun_print_max;
static const char *ptyrun_pause_file;
static const char *ptyrun_answer_key;

static double
ptyrun_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Reads until nothing comes for the settle time (or MAX_MS in all); the
 * first byte is waited for FIRST_MS when that is longer. Returns the
 * bytes read; *last gets the time of the last byte. */
static long
ptyrun_drain(int fd, double *last, int max_ms, int first_ms, int *eof)
{
	double start = ptyrun_now();
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[65536];
	long total = 0;
	ssize_t n;

	*last = start;
	*eof = 0;
	while (ptyrun_now() - start < max_ms) {
		if (poll(&p, 1, total == 0 && first_ms > ptyrun_settle_ms ?
		    first_ms : ptyrun_settle_ms) <= 0)
			break;
		n = read(fd, buf, sizeof buf);
		if (n <= 0) {
			*eof = 1;
			break;
		}
		if (ptyrun_raw != NULL)
			fwrite(buf, 1, (size_t)n, ptyrun_raw);
		total += n;
		*last = ptyrun_now();
	}
	return total;
}

/* Reads until the program closes the terminal or MAX_MS pass; any pause
 * in its output is waited through. */
static void
ptyrun_wait_exit(int fd, int max_ms)
{
	double start = ptyrun_now(), last;
	int eof = 0;

	while (!eof && ptyrun_now() - start < max_ms)
		ptyrun_drain(fd, &last, max_ms, 0, &eof);
	if (ptyrun_print_max)
		printf("quit     exit_ms=%.1f%s\n", ptyrun_now() - start,
		    eof ? "" : " (still running)");
}

/* The CPU time used so far by every process of session SID (the program
 * and what it runs: under a shell, the shell leads the session), ms, from
 * fields 6, 14 and 15 of /proc/PID/stat (utime and stime in clock ticks).
 * -1 when /proc cannot be read. */
static double
ptyrun_session_cpu_ms(pid_t sid)
{
	char path[300], line[1024], *p;
	unsigned long utime, stime, total = 0;
	struct dirent *d;
	DIR *dir;
	FILE *fp;
	size_t n;
	int session;

	if ((dir = opendir("/proc")) == NULL)
		return -1;
	while ((d = readdir(dir)) != NULL) {
		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/stat", d->d_name);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		n = fread(line, 1, sizeof line - 1, fp);
		fclose(fp);
		line[n] = '\0';
		/* The name in parentheses may hold spaces: count from its end. */
		if ((p = strrchr(line, ')')) != NULL && sscanf(p + 1,
		    " %*c %*d %*d %d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
		    &session, &utime, &stime) == 3 && session == (int)sid)
			total += utime + stime;
	}
	closedir(dir);
	return (double)total * 1e3 / (double)sysconf(_SC_CLK_TCK);
}

static double
ptyrun_ru_ms(const struct rusage *ru)
{
	return (double)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1e3 +
	    (double)(ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1e3;
}

/* Closes the terminal under the program and waits up to MAX_MS for it to
 * exit, polling every millisecond; then kills it. Reaps it either way. */
static void
ptyrun_hangup(int fd, pid_t pid, int max_ms, int *status, struct rusage *ru)
{
	struct timespec step = { .tv_sec = 0, .tv_nsec = 1000000 };
	double cpu = ptyrun_session_cpu_ms(pid), start = ptyrun_now(), took;
	pid_t done;

	close(fd);
	while ((done = wait4(pid, status, WNOHANG, ru)) == 0 &&
	    ptyrun_now() - start < max_ms)
		nanosleep(&step, NULL);
	took = ptyrun_now() - start;
	if (done == 0) {
		kill(pid, SIGKILL);
		wait4(pid, status, 0, ru);
	}
	printf("hangup   exit_ms=%.1f cpu_ms=%.1f%s\n", took,
	    cpu < 0 ? -1 : ptyrun_ru_ms(ru) - cpu, done == 0 ?
	    " (still running)" : "");
}

/* The Pause key: keeps reading, so that the program never blocks on a
 * full terminal, until the file exists. */
static int
ptyrun_pause(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[65536];
	ssize_t n;

	printf("pause\n");
	fflush(stdout);
	while (access(ptyrun_pause_file, F_OK) != 0) {
		if (poll(&p, 1, 20) <= 0)
			continue;
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			return 1;
		if (ptyrun_raw != NULL)
			fwrite(buf, 1, (size_t)n, ptyrun_raw);
	}
	return 0;
}

static int
ptyrun_cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

static int
ptyrun_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
ptyrun_report(const char *name, long *bytes, double *ms, int n)
{
	long total = 0;
	int i, silent = 0;

	if (n == 0)
		return;
	for (i = 0; i < n; i++) {
		total += bytes[i];
		silent += bytes[i] == 0;
	}
	qsort(bytes, (size_t)n, sizeof *bytes, ptyrun_cmp_long);
	qsort(ms, (size_t)n, sizeof *ms, ptyrun_cmp_double);
	printf("%-8s n=%-4d bytes median=%ld p95=%ld total=%ld  settle_ms "
	    "median=%.1f p95=%.1f\n", name, n, bytes[n / 2], bytes[(n * 95) / 100 <
	    n ? (n * 95) / 100 : n - 1], total, ms[n / 2],
	    ms[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1]);
	if (ptyrun_print_max)
		printf("max      %-8s settle_ms=%.1f silent=%d\n", name, ms[n - 1],
		    silent);
	fflush(stdout);
}

static const char *
ptyrun_key_bytes(const char *name, char *tmp)
{
	size_t i;

	for (i = 0; i < sizeof ptyrun_keys / sizeof *ptyrun_keys; i++)
		if (strcmp(name, ptyrun_keys[i].name) == 0)
			return ptyrun_keys[i].bytes;
	if (strncmp(name, "C-", 2) == 0 && name[2] && !name[3]) {
		tmp[0] = (char)(name[2] & 0x1f);
		tmp[1] = '\0';
		return tmp;
	}
	if (strlen(name) == 1)
		return name;
	return NULL;
}

/* Reads whatever comes for MS, so that the program never blocks on a
 * full terminal. */
static long
ptyrun_read_for(int fd, int ms, int *eof)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	double end = ptyrun_now() + ms;
	char buf[65536];
	long total = 0;
	ssize_t n;

	*eof = 0;
	while (ptyrun_now() < end) {
		if (poll(&p, 1, (int)(end - ptyrun_now()) + 1) <= 0)
			continue;
		if ((n = read(fd, buf, sizeof buf)) <= 0) {
			*eof = 1;
			break;
		}
		if (ptyrun_raw != NULL)
			fwrite(buf, 1, (size_t)n, ptyrun_raw);
		total += n;
	}
	return total;
}

/* Size=...: resizes the terminal COUNT times through the sizes in turn.
 * -1 when the sizes do not read, 1 when the program is gone. */
static int
ptyrun_resize(int fd, const char *list, int count, long *bytes, double *ms)
{
	struct winsize ws[PTYRUN_MAX_SIZES];
	int n = 0, i, eof = 0, used;
	double sent, last;

	memset(ws, 0, sizeof ws);
	while (n < PTYRUN_MAX_SIZES && sscanf(list, "%hux%hu%n", &ws[n].ws_col,
	    &ws[n].ws_row, &used) == 2) {
		n++;
		list += used;
		if (*list != '/')
			break;
		list++;
	}
	if (n == 0 || *list != '\0') {
		fprintf(stderr, "ptyrun: 'Size=%s' is not a list of sizes\n", list);
		return -1;
	}
	for (i = 0; i < count && !eof; i++) {
		sent = ptyrun_now();
		if (ioctl(fd, TIOCSWINSZ, &ws[i % n]) != 0)
			return -1;
		if (i < count - 1) {
			bytes[i] = ptyrun_read_for(fd, 10, &eof);
			ms[i] = ptyrun_now() - sent;
		} else {
			bytes[i] = ptyrun_drain(fd, &last, 5000, 0, &eof);
			ms[i] = last - sent;
		}
	}
	ptyrun_report("Size", bytes, ms, i);
	return eof;
}

/* Types each key of the list, measuring each. */
static int
ptyrun_keys_run(int fd, char *list)
{
	static long bytes[PTYRUN_MAX_SAMPLES];
	static double ms[PTYRUN_MAX_SAMPLES];
	char *item, *save = NULL, *star, tmp[2];
	const char *seq;
	double sent, last;
	int count, i, eof;

	for (item = strtok_r(list, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save)) {
		count = 1;
		if ((star = strchr(item, '*')) != NULL && star != item) {
			*star = '\0';
			count = atoi(star + 1);
		}
		if (ptyrun_pause_file != NULL && strcmp(item, "Pause") == 0) {
			if (ptyrun_pause(fd))
				return 0;
			continue;
		}
		if (count > PTYRUN_MAX_SAMPLES)
			count = PTYRUN_MAX_SAMPLES;
		if (strncmp(item, "Size=", 5) == 0) {
			if ((eof = ptyrun_resize(fd, item + 5, count, bytes, ms)) != 0)
				return eof < 0 ? -1 : 0;
			continue;
		}
		if ((seq = ptyrun_key_bytes(item, tmp)) == NULL) {
			fprintf(stderr, "ptyrun: '%s' is not a key\n", item);
			return -1;
		}
		for (i = 0; i < count; i++) {
			sent = ptyrun_now();
			if (write(fd, seq, strlen(seq)) < 0)
				return -1;
			bytes[i] = ptyrun_drain(fd, &last, 5000, ptyrun_answer_key &&
			    strcmp(item, ptyrun_answer_key) == 0 ? PTYRUN_ANSWER_MS : 0,
			    &eof);
			ms[i] = last - sent;
			if (eof)
				return 0;
		}
		ptyrun_report(item, bytes, ms, count);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct winsize ws = { .ws_col = 80, .ws_row = 24 };
	const char *raw = NULL, *quit = "q";
	double start, last;
	int opt, fd, status = 0, eof, exit_ms = 0, hangup_ms = 0, reaped = 0;
	int typed;
	struct rusage ru;
	long first;
	char *keys;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+ma:s:o:p:q:w:x:H:")) != -1) {
		switch (opt) {
		case 'a': ptyrun_answer_key = optarg; break;
		case 's':
			if (sscanf(optarg, "%hux%hu", &ws.ws_col, &ws.ws_row) != 2)
				return 2;
			break;
		case 'm': ptyrun_print_max = 1; break;
		case 'o': raw = optarg; break;
		case 'p': ptyrun_pause_file = optarg; break;
		case 'q': quit = optarg; break;
		case 'w': ptyrun_settle_ms = atoi(optarg); break;
		case 'x': exit_ms = atoi(optarg); break;
		case 'H': hangup_ms = atoi(optarg); break;
		default:
			fprintf(stderr, "usage: ptyrun [-m] [-a KEY] [-s COLSxROWS] "
			    "[-o RAW] [-p FILE] [-q QUIT] [-w MS] [-x MS] [-H MS] "
			    "KEYS -- COMMAND...\n");
			return 2;
		}
	}
	if (argc - optind < 2 || strcmp(argv[optind + 1], "--") != 0 ||
	    argc - optind < 3) {
		fprintf(stderr, "ptyrun: KEYS -- COMMAND...\n");
		return 2;
	}
	keys = argv[optind];
	if (raw != NULL && (ptyrun_raw = fopen(raw, "wb")) == NULL) {
		perror(raw);
		return 1;
	}
	/* RAW may be a terminal that shows the screen as it comes. */
	if (ptyrun_raw != NULL)
		setvbuf(ptyrun_raw, NULL, _IONBF, 0);
	start = ptyrun_now();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[optind + 2], argv + optind + 2);
		perror(argv[optind + 2]);
		_exit(127);
	}
	first = ptyrun_drain(fd, &last, 10000,
	    ptyrun_answer_key ? PTYRUN_ANSWER_MS : 0, &eof);
	printf("start    bytes=%ld first_screen_ms=%.1f\n", first, last - start);
	fflush(stdout);
	memset(&ru, 0, sizeof ru);
	typed = eof ? -1 : ptyrun_keys_run(fd, keys);
	if (typed == 0 && hangup_ms > 0) {
		ptyrun_hangup(fd, pid, hangup_ms, &status, &ru);
		reaped = 1;
	} else if (typed == 0 && quit[0] && write(fd, quit, strlen(quit)) > 0) {
		if (exit_ms > 0)
			ptyrun_wait_exit(fd, exit_ms);
		else
			ptyrun_drain(fd, &last, 2000, 0, &eof);
	}
	if (!reaped)
		close(fd);
	if (!reaped && wait4(pid, &status, WNOHANG, &ru) == 0) {
		usleep(200000);
		if (wait4(pid, &status, WNOHANG, &ru) == 0) {
			kill(pid, SIGKILL);
			wait4(pid, &status, 0, &ru);
		}
	}
	if (ptyrun_raw != NULL)
		fclose(ptyrun_raw);
	/* The most memory the program held at once. */
	printf("exit     status=%d maxrss_kb=%ld\n", WIFEXITED(status) ?
	    WEXITSTATUS(status) : 128 + WTERMSIG(status), ru.ru_maxrss);
	return 0;
}
