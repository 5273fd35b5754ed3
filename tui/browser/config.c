/* SPDX-License-Identifier: ISC */
/* The config file: 'bind KEY ACTION', 'color AREA FG BG [ATTR...]' and
 * 'set OPTION VALUE' lines, '#' comments. A bad line gives a message with
 * the file and line and is skipped; the rest still applies. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "browser/app.h"
#include "browser/color.h"
#include "browser/keymap.h"

#define CONFIG_MAX_ARGS 8
/* A config file is a few lines; more is not one. */
#define CONFIG_MAX_BYTES (256 * 1024)

const char *
config_default_path(char *buf, int size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		snprintf(buf, (size_t)size, "%s/scotl/config", xdg);
	else if (home != NULL && home[0] != '\0')
		snprintf(buf, (size_t)size, "%s/.config/scotl/config", home);
	else
		return NULL;
	return buf;
}

/* Splits on blanks; "double quotes" keep blanks and '#'. */
static int
config_split(char *line, char **argv, int max)
{
	int argc = 0;
	char *p = line, *out;

	while (*p && argc < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		argv[argc++] = out = p;
		if (*p == '"') {
			argv[argc - 1] = out = ++p;
			while (*p && *p != '"')
				*out++ = *p++;
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ' ' && *p != '\t')
				*out++ = *p++;
		}
		if (*p)
			p++;
		*out = '\0';
	}
	return argc;
}

static int
config_set(struct app *app, int argc, char **argv, char *err, int errsize)
{
	if (argc != 2) {
		snprintf(err, (size_t)errsize, "set needs OPTION VALUE");
		return -1;
	}
	if (strcmp(argv[0], "order") == 0 && (strcmp(argv[1], "oldest") == 0 ||
	    strcmp(argv[1], "newest") == 0)) {
		timeline_set_reversed(app, strcmp(argv[1], "newest") == 0);
		return 0;
	}
	if (strcmp(argv[0], "histogram") == 0 && (strcmp(argv[1], "on") == 0 ||
	    strcmp(argv[1], "off") == 0)) {
		app->histogram = strcmp(argv[1], "on") == 0;
		return 0;
	}
	if (strcmp(argv[0], "xref") == 0 && (strcmp(argv[1], "shown") == 0 ||
	    strcmp(argv[1], "hidden") == 0)) {
		app->xref_hidden = strcmp(argv[1], "hidden") == 0;
		return 0;
	}
	snprintf(err, (size_t)errsize, "'set %s %s': the options are order "
	    "oldest|newest, histogram on|off, xref shown|hidden", argv[0], argv[1]);
	return -1;
}

static int
config_line(struct app *app, char *line, char *err, int errsize)
{
	char *argv[CONFIG_MAX_ARGS + 1];
	int argc = config_split(line, argv, CONFIG_MAX_ARGS + 1);

	if (argc == 0)
		return 0;
	if (argc > CONFIG_MAX_ARGS) {
		snprintf(err, (size_t)errsize, "too many words");
		return -1;
	}
	if (strcmp(argv[0], "bind") == 0) {
		if (argc != 3) {
			snprintf(err, (size_t)errsize, "bind needs KEY ACTION");
			return -1;
		}
		return keymap_bind(argv[1], argv[2], err, errsize);
	}
	if (strcmp(argv[0], "color") == 0 || strcmp(argv[0], "colour") == 0)
		return color_config(argc - 1, argv + 1, err, errsize);
	if (strcmp(argv[0], "set") == 0)
		return config_set(app, argc - 1, argv + 1, err, errsize);
	snprintf(err, (size_t)errsize, "'%s' is not a command (bind, color, set)",
	    argv[0]);
	return -1;
}

/* The path as a user writes it: $HOME as "~", so that a message fits on
 * the status line. */
const char *
config_shown_path(const char *path, char *buf, size_t size)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 0 && strncmp(path, home, n) == 0 && path[n] == '/') {
		snprintf(buf, size, "~%s", path + n);
		return buf;
	}
	return path;
}

/* Opened without waiting and read only when it is a regular file of a
 * sane size, counted as it is read: a FIFO with no writer, /dev/zero or
 * a file that grows in its place would hang the start. */
static int
config_read(struct app *app, const char *path, struct buf *text)
{
	char buf[256];
	const char *shown = config_shown_path(path, buf, sizeof buf);
	struct stat st;
	int fd, rc = -1;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			app_message(app, 1, "%s: %s", shown, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0)
		app_message(app, 1, "%s: %s", shown, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		app_message(app, 1, "%s: not a regular file, not read", shown);
	else if (util_read_fd(fd, CONFIG_MAX_BYTES, text) != 0)
		app_message(app, 1, "%s: %s", shown, strerror(errno));
	else if (text->len > CONFIG_MAX_BYTES)
		app_message(app, 1, "%s: more than %d bytes, not read", shown,
		    CONFIG_MAX_BYTES);
	else
		rc = 0;
	close(fd);
	return rc;
}

/* The next line of TEXT into LINE, without its end; 0 when it is too
 * long (or holds a NUL byte), -1 at the end. */
static int
config_next_line(const struct buf *text, size_t *at, char *line, size_t size)
{
	const char *p = text->data + *at, *nl;
	size_t n;

	if (*at >= text->len)
		return -1;
	nl = memchr(p, '\n', text->len - *at);
	n = nl ? (size_t)(nl - p) : text->len - *at;
	*at += n + (nl != NULL);
	if (n >= size || memchr(p, '\0', n) != NULL)
		return 0;
	memcpy(line, p, n);
	line[n] = '\0';
	line[strcspn(line, "\r")] = '\0';
	return 1;
}

void
config_load(struct app *app, const char *path)
{
	char line[1024], err[512], first[1400] = "";
	int lineno = 0, bad = 0, got;
	struct buf text;
	size_t at = 0;

	if (path == NULL)
		return;
	buf_init(&text);
	if (config_read(app, path, &text) != 0) {
		buf_free(&text);
		return;
	}
	while ((got = config_next_line(&text, &at, line, sizeof line)) >= 0) {
		lineno++;
		if (got == 0)
			snprintf(err, sizeof err, "line too long");
		else if (config_line(app, line, err, sizeof err) == 0)
			continue;
		if (bad++ == 0) {
			char shown[256];

			snprintf(first, sizeof first, "%s:%d: %s",
			    config_shown_path(path, shown, sizeof shown), lineno, err);
		}
	}
	buf_free(&text);
	if (bad == 1)
		app_message(app, 1, "%s", first);
	else if (bad > 1)
		app_message(app, 1, "%s (and %d more bad lines)", first, bad - 1);
}
