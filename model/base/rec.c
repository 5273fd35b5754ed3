/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "scotl/rec.h"

int
rec_open(struct rec_reader *r, const char *path, struct err *e)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->text);
	if (util_read_file(path, &r->text, e) != 0)
		return -1;
	if (memchr(r->text.data, '\0', r->text.len) != NULL) {
		err_set(e, "%s: contains a NUL byte: not a text file", path);
		buf_free(&r->text);
		return -1;
	}
	r->path = xstrdup(path);
	return 0;
}

void
rec_close(struct rec_reader *r)
{
	free(r->path);
	buf_free(&r->text);
}

void
rec_free(struct rec *rec)
{
	int i;

	for (i = 0; i < rec->n; i++) {
		free(rec->fields[i].name);
		free(rec->fields[i].value);
	}
	free(rec->fields);
	memset(rec, 0, sizeof *rec);
}

/* The next line without its newline (and without a CR before it). */
static int
rec_getline(struct rec_reader *r, const char **line, size_t *len)
{
	const char *s, *nl;

	if (r->pos >= r->text.len)
		return 0;
	s = r->text.data + r->pos;
	nl = memchr(s, '\n', r->text.len - r->pos);
	*len = nl ? (size_t)(nl - s) : r->text.len - r->pos;
	r->pos += *len + (nl != NULL);
	r->line++;
	*line = s;
	if (*len > 0 && s[*len - 1] == '\r')
		(*len)--;
	return 1;
}

static int
rec_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int
rec_add_field(struct rec_reader *r, struct rec *out, const char *s,
    size_t len, struct err *e)
{
	const char *colon = memchr(s, ':', len);
	const char *v, *end = s + len;
	size_t i, nlen;

	if (colon == NULL || colon == s) {
		err_set(e, "%s:%d: expected 'field: value'", r->path, r->line);
		return -1;
	}
	nlen = (size_t)(colon - s);
	for (i = 0; i < nlen; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-')) {
			err_set(e, "%s:%d: a field name is lower-case letters and "
			    "hyphens, not '%.*s'", r->path, r->line, (int)nlen, s);
			return -1;
		}
	}
	for (v = colon + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	out->fields = xgrow(out->fields, out->n, &out->cap, sizeof *out->fields);
	out->fields[out->n].name = xstrndup(s, nlen);
	out->fields[out->n].value = xstrndup(v, (size_t)(end - v));
	out->fields[out->n].line = r->line;
	if (out->n++ == 0)
		out->line = r->line;
	return 0;
}

int
rec_next(struct rec_reader *r, struct rec *out, struct err *e)
{
	const char *line;
	size_t len;

	memset(out, 0, sizeof *out);
	while (rec_getline(r, &line, &len)) {
		if (len > 0 && line[0] == '#')
			continue;
		if (rec_blank(line, len)) {
			if (out->n > 0)
				return 1;
			continue;
		}
		if (line[0] == ' ' || line[0] == '\t') {
			err_set(e, "%s:%d: a line may not start with a space",
			    r->path, r->line);
			rec_free(out);
			return -1;
		}
		if (rec_add_field(r, out, line, len, e) != 0) {
			rec_free(out);
			return -1;
		}
	}
	return out->n > 0;
}

static char *
rec_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

int
rec_split(char *value, char **parts, int max)
{
	int n = 0;
	char *bar;

	while (n < max - 1 && (bar = strchr(value, '|')) != NULL) {
		*bar = '\0';
		parts[n++] = rec_trim(value);
		value = bar + 1;
	}
	parts[n++] = rec_trim(value);
	return n;
}
