/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "scotl/chrome.h"
#include "scotl/util.h"

/* Lines that are the page, not the article, compared without case after
 * trimming; the entries ending in '*' match any line they begin. */
static const char *const chrome_trailers[] = {
	"leave a reply",
	"leave a comment",
	"cancel reply",
	"your email address will not be published.",
	"your email address will not be published",
	"similar posts",
	"related articles",
	"related posts",
	"related stories",
	"you may also like",
	"exit mobile version",
	"back to top button",
	"back to top",
	"this website uses cookies*",
	"we use cookies*",
	"accept privacy & cookies policy",
};

static void
chrome_trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t' || **s == '\r')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' ||
	    (*s)[*len - 1] == '\r'))
		(*len)--;
}

int
chrome_is_trailer(const char *line, size_t len)
{
	size_t i, n;

	chrome_trim(&line, &len);
	for (i = 0; i < sizeof chrome_trailers / sizeof *chrome_trailers; i++) {
		const char *t = chrome_trailers[i];

		n = strlen(t);
		if (t[n - 1] == '*') {
			if (len >= n - 1 && strncasecmp(line, t, n - 1) == 0)
				return 1;
		} else if (len == n && strncasecmp(line, t, n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Consumes a number and a time unit; 0 when there is none. */
static int
chrome_time_part(const char **s, const char *end)
{
	static const char *const units[] = {
		"minutes", "minute", "mins", "min", "seconds", "second", "secs", "sec",
	};
	const char *p = *s;
	size_t i, n;

	if (p >= end || *p < '0' || *p > '9')
		return 0;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	while (p < end && *p == ' ')
		p++;
	for (i = 0; i < sizeof units / sizeof *units; i++) {
		n = strlen(units[i]);
		if ((size_t)(end - p) >= n && strncasecmp(p, units[i], n) == 0) {
			*s = p + n;
			return 1;
		}
	}
	return 0;
}

int
chrome_is_reading_time(const char *line, size_t len)
{
	const char *end;

	chrome_trim(&line, &len);
	end = line + len;
	if (!chrome_time_part(&line, end))
		return 0;
	while (line < end && (*line == ',' || *line == ' '))
		line++;
	chrome_time_part(&line, end);
	while (line < end && *line == ' ')
		line++;
	return end - line == 4 && strncasecmp(line, "read", 4) == 0;
}

static int
chrome_blank(const char *s, size_t len)
{
	chrome_trim(&s, &len);
	return len == 0;
}

char *
chrome_strip(const char *text, size_t len)
{
	struct buf out;
	const char *p = text, *end = text + len, *nl;
	size_t n, keep = 0;

	buf_init(&out);
	buf_add(&out, "", 0);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (chrome_is_reading_time(p, n) ||
		    (out.len == 0 && chrome_blank(p, n))) {
			p += n + (nl != NULL);
			continue;
		}
		buf_add(&out, p, n);
		buf_addc(&out, '\n');
		/* keep: where the text ends if the lines after are chrome */
		if (!chrome_blank(p, n) && !chrome_is_trailer(p, n))
			keep = out.len - 1;
		p += n + (nl != NULL);
	}
	out.len = keep;
	out.data[keep] = '\0';
	return buf_steal(&out);
}
