/* SPDX-License-Identifier: ISC */
/* Checks of scotl's output (outcheck.h). Written apart from tui/output/out.c and
 * tui/output/export.c, from the standards, so that a slip in the writers is not
 * repeated here. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "outcheck.h"
#include "scotl/util.h"

#define OUTCHECK_MAX_DEPTH 64

static char outcheck_msg[512];

static const char *outcheck_fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static const char *
outcheck_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(outcheck_msg, sizeof outcheck_msg, fmt, ap);
	va_end(ap);
	return outcheck_msg;
}

const char *
outcheck_text(const char *s, size_t len, int crlf)
{
	unsigned long cp;
	size_t i = 0, n, bad;

	if (!util_utf8_valid(s, len, &bad))
		return outcheck_fail("not valid UTF-8 at byte %zu", bad);
	while (i < len) {
		n = util_utf8_decode(s + i, len - i, &cp);
		if (cp == '\r' && crlf && i + 1 < len && s[i + 1] == '\n') {
			i++;
			continue;
		}
		if (util_is_control(cp) || util_is_hidden(cp))
			return outcheck_fail("U+%04lX at byte %zu", cp, i);
		i += n;
	}
	return NULL;
}

/* --- JSON ------------------------------------------------------------- */

struct outcheck_json {
	const char *s;
	size_t len, at;
	int depth;
	int timelinejs;
	const char *err;
};

static int
outcheck_json_fail(struct outcheck_json *j, const char *what)
{
	if (j->err == NULL)
		j->err = outcheck_fail("JSON: %s at byte %zu", what, j->at);
	return -1;
}

static int
outcheck_json_peek(const struct outcheck_json *j)
{
	return j->at < j->len ? (unsigned char)j->s[j->at] : -1;
}

static void
outcheck_json_space(struct outcheck_json *j)
{
	while (j->at < j->len && strchr(" \t\n\r", j->s[j->at]) != NULL)
		j->at++;
}

static int
outcheck_json_hex(struct outcheck_json *j, unsigned long *u)
{
	int i, c;

	*u = 0;
	for (i = 0; i < 4; i++) {
		c = outcheck_json_peek(j);
		if (c >= '0' && c <= '9')
			*u = *u << 4 | (unsigned long)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			*u = *u << 4 | (unsigned long)((c | 0x20) - 'a' + 10);
		else
			return outcheck_json_fail(j, "a bad \\u escape");
		j->at++;
	}
	return 0;
}

/* \uXXXX, a surrogate pair taken whole. */
static int
outcheck_json_unicode(struct outcheck_json *j, unsigned long *cp)
{
	unsigned long lo;

	if (outcheck_json_hex(j, cp) != 0)
		return -1;
	if (*cp >= 0xdc00 && *cp <= 0xdfff)
		return outcheck_json_fail(j, "a lone low surrogate");
	if (*cp < 0xd800 || *cp > 0xdbff)
		return 0;
	if (j->at + 2 > j->len || j->s[j->at] != '\\' || j->s[j->at + 1] != 'u')
		return outcheck_json_fail(j, "a lone high surrogate");
	j->at += 2;
	if (outcheck_json_hex(j, &lo) != 0)
		return -1;
	if (lo < 0xdc00 || lo > 0xdfff)
		return outcheck_json_fail(j, "a lone high surrogate");
	*cp = 0x10000 + ((*cp - 0xd800) << 10) + (lo - 0xdc00);
	return 0;
}

static int
outcheck_json_escape(struct outcheck_json *j, unsigned long *cp)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *e;
	int c = outcheck_json_peek(j);

	j->at++;
	if (c == 'u')
		return outcheck_json_unicode(j, cp);
	if (c <= 0 || (e = strchr(from, c)) == NULL)
		return outcheck_json_fail(j, "a bad escape");
	*cp = (unsigned char)to[e - from];
	return 0;
}

/* A string; its ASCII characters go to KEY when it is a key; HTML set,
 * it must hold no markup. */
static int
outcheck_json_string(struct outcheck_json *j, char *key, size_t keysize,
    int html)
{
	unsigned long cp;
	size_t n, k = 0;
	int c;

	j->at++;
	for (;;) {
		c = outcheck_json_peek(j);
		if (c < 0)
			return outcheck_json_fail(j, "an unterminated string");
		if (c == '"')
			break;
		if (c < 0x20)
			return outcheck_json_fail(j, "a raw control in a string");
		if (c == '\\') {
			j->at++;
			if (outcheck_json_escape(j, &cp) != 0)
				return -1;
		} else {
			n = util_utf8_decode(j->s + j->at, j->len - j->at, &cp);
			if (n == 0)
				return outcheck_json_fail(j, "not UTF-8");
			j->at += n;
		}
		if (html && (cp == '<' || cp == '>'))
			return outcheck_json_fail(j, "markup in a TimelineJS field");
		if (key != NULL && k + 1 < keysize && cp < 0x80)
			key[k++] = (char)cp;
	}
	j->at++;
	if (key != NULL)
		key[k] = '\0';
	return 0;
}

static int
outcheck_json_digits(struct outcheck_json *j)
{
	size_t from = j->at;
	int c;

	while ((c = outcheck_json_peek(j)) >= '0' && c <= '9')
		j->at++;
	return j->at > from ? 0 : outcheck_json_fail(j, "a number without digits");
}

static int
outcheck_json_number(struct outcheck_json *j)
{
	if (outcheck_json_peek(j) == '-')
		j->at++;
	if (outcheck_json_peek(j) == '0')
		j->at++;
	else if (outcheck_json_digits(j) != 0)
		return -1;
	if (outcheck_json_peek(j) == '.') {
		j->at++;
		if (outcheck_json_digits(j) != 0)
			return -1;
	}
	if ((outcheck_json_peek(j) | 0x20) == 'e') {
		j->at++;
		if (outcheck_json_peek(j) == '+' || outcheck_json_peek(j) == '-')
			j->at++;
		if (outcheck_json_digits(j) != 0)
			return -1;
	}
	return 0;
}

static int outcheck_json_value(struct outcheck_json *j, const char *key);

static int
outcheck_json_object(struct outcheck_json *j)
{
	char key[32];

	j->at++;
	outcheck_json_space(j);
	if (outcheck_json_peek(j) == '}') {
		j->at++;
		return 0;
	}
	for (;;) {
		outcheck_json_space(j);
		if (outcheck_json_peek(j) != '"')
			return outcheck_json_fail(j, "an object key that is not a string");
		if (outcheck_json_string(j, key, sizeof key, 0) != 0)
			return -1;
		outcheck_json_space(j);
		if (outcheck_json_peek(j) != ':')
			return outcheck_json_fail(j, "no ':' after a key");
		j->at++;
		if (outcheck_json_value(j, key) != 0)
			return -1;
		outcheck_json_space(j);
		if (outcheck_json_peek(j) == '}')
			break;
		if (outcheck_json_peek(j) != ',')
			return outcheck_json_fail(j, "no ',' or '}' in an object");
		j->at++;
	}
	j->at++;
	return 0;
}

static int
outcheck_json_array(struct outcheck_json *j)
{
	j->at++;
	outcheck_json_space(j);
	if (outcheck_json_peek(j) == ']') {
		j->at++;
		return 0;
	}
	for (;;) {
		if (outcheck_json_value(j, NULL) != 0)
			return -1;
		outcheck_json_space(j);
		if (outcheck_json_peek(j) == ']')
			break;
		if (outcheck_json_peek(j) != ',')
			return outcheck_json_fail(j, "no ',' or ']' in an array");
		j->at++;
	}
	j->at++;
	return 0;
}

static int
outcheck_json_literal(struct outcheck_json *j, const char *word)
{
	size_t n = strlen(word);

	if (j->len - j->at < n || memcmp(j->s + j->at, word, n) != 0)
		return outcheck_json_fail(j, "not a JSON value");
	j->at += n;
	return 0;
}

static int
outcheck_json_value(struct outcheck_json *j, const char *key)
{
	int c, rc, html;

	outcheck_json_space(j);
	c = outcheck_json_peek(j);
	if (j->depth >= OUTCHECK_MAX_DEPTH)
		return outcheck_json_fail(j, "nesting too deep");
	j->depth++;
	html = j->timelinejs && key != NULL && (strcmp(key, "headline") == 0 ||
	    strcmp(key, "text") == 0 || strcmp(key, "group") == 0);
	if (c == '{')
		rc = outcheck_json_object(j);
	else if (c == '[')
		rc = outcheck_json_array(j);
	else if (c == '"')
		rc = outcheck_json_string(j, NULL, 0, html);
	else if (c == 't')
		rc = outcheck_json_literal(j, "true");
	else if (c == 'f')
		rc = outcheck_json_literal(j, "false");
	else if (c == 'n')
		rc = outcheck_json_literal(j, "null");
	else if (c == '-' || (c >= '0' && c <= '9'))
		rc = outcheck_json_number(j);
	else
		rc = outcheck_json_fail(j, "not a JSON value");
	j->depth--;
	return rc;
}

static const char *
outcheck_json_run(const char *s, size_t len, int timelinejs)
{
	struct outcheck_json j = { .s = s, .len = len, .timelinejs = timelinejs };
	const char *bad;

	if ((bad = outcheck_text(s, len, 0)) != NULL)
		return bad;
	if (outcheck_json_value(&j, NULL) == 0) {
		outcheck_json_space(&j);
		if (j.at != j.len)
			outcheck_json_fail(&j, "more after the value");
	}
	return j.err;
}

const char *
outcheck_json(const char *s, size_t len)
{
	return outcheck_json_run(s, len, 0);
}

const char *
outcheck_timelinejs(const char *s, size_t len)
{
	return outcheck_json_run(s, len, 1);
}

/* --- CSV -------------------------------------------------------------- */

static int
outcheck_csv_number(const char *s)
{
	int digits = 0;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.' && digits > 0) {
		for (s++, digits = 0; *s >= '0' && *s <= '9'; s++)
			digits++;
	}
	return digits > 0 && *s == '\0';
}

/* One field from *AT into CELL, unquoted; -1 when it is not RFC 4180. */
static int
outcheck_csv_field(const char *s, size_t len, size_t *at, struct buf *cell)
{
	size_t i = *at;

	buf_reset(cell);
	buf_add(cell, "", 0);
	if (i < len && s[i] == '"') {
		for (i++;; i++) {
			if (i >= len)
				return -1;
			if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
				i++;
			else if (s[i] == '"')
				break;
			buf_addc(cell, s[i]);
		}
		i++;
	} else {
		for (; i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n'; i++) {
			if (s[i] == '"')
				return -1;
			buf_addc(cell, s[i]);
		}
	}
	*at = i;
	return 0;
}

const char *
outcheck_csv(const char *s, size_t len)
{
	size_t at = 0;
	int fields = 0, want = -1, record = 1;
	const char *bad = outcheck_text(s, len, 1);
	struct buf cell;

	if (bad != NULL)
		return bad;
	buf_init(&cell);
	while (at < len && bad == NULL) {
		if (outcheck_csv_field(s, len, &at, &cell) != 0) {
			bad = outcheck_fail("CSV record %d: unbalanced quotes", record);
			break;
		}
		fields++;
		if (cell.data[0] != '\0' && strchr("=+-@\t\r", cell.data[0]) &&
		    !outcheck_csv_number(cell.data))
			bad = outcheck_fail("CSV record %d, field %d is a formula: "
			    "%.40s", record, fields, cell.data);
		else if (at < len && s[at] == ',')
			at++;
		else if (at + 1 < len && s[at] == '\r' && s[at + 1] == '\n') {
			at += 2;
			if (want >= 0 && fields != want)
				bad = outcheck_fail("CSV record %d has %d fields, "
				    "not %d", record, fields, want);
			want = fields;
			fields = 0;
			record++;
		} else {
			bad = outcheck_fail("CSV record %d: field %d ends in "
			    "neither ',' nor CRLF", record, fields);
		}
	}
	if (bad == NULL && fields != 0)
		bad = outcheck_fail("CSV: the last record has no CRLF");
	buf_free(&cell);
	return bad;
}

/* --- iCalendar -------------------------------------------------------- */

static const char *const outcheck_ics_names[] = {
	"BEGIN", "END", "VERSION", "PRODID", "CALSCALE",
	"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION",
	"CATEGORIES", "DESCRIPTION",
};
#define OUTCHECK_ICS_FIRST_TEXT 5       /* UID on: TEXT values but dates */
#define OUTCHECK_ICS_NNAMES \
	(int)(sizeof outcheck_ics_names / sizeof *outcheck_ics_names)

struct outcheck_ics {
	int depth;              /* 0, in the VCALENDAR 1, in a VEVENT 2 */
	int done;               /* END:VCALENDAR seen */
	unsigned seen;          /* properties of this VEVENT, by index */
	int events;
};

static int
outcheck_ics_name(const char *line, size_t *n)
{
	int i;

	*n = strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-");
	for (i = 0; i < OUTCHECK_ICS_NNAMES; i++)
		if (strlen(outcheck_ics_names[i]) == *n &&
		    strncmp(line, outcheck_ics_names[i], *n) == 0)
			return i;
	return -1;
}

static const char *
outcheck_ics_text(const char *v, const char *line)
{
	for (; *v; v++) {
		if (*v == '\\' && v[1] != '\0' && strchr("\\;,nN", v[1])) {
			v++;
			continue;
		}
		if (*v == '\\' || *v == ';' || *v == ',')
			return outcheck_fail("ICS: '%c' unescaped in %.60s", *v, line);
	}
	return NULL;
}

static const char *
outcheck_ics_begin_end(struct outcheck_ics *c, const char *line)
{
	if (strcmp(line, "BEGIN:VCALENDAR") == 0 && c->depth == 0 && !c->done)
		c->depth = 1;
	else if (strcmp(line, "BEGIN:VEVENT") == 0 && c->depth == 1) {
		c->depth = 2;
		c->seen = 0;
	} else if (strcmp(line, "END:VEVENT") == 0 && c->depth == 2) {
		if (!(c->seen & 1u << OUTCHECK_ICS_FIRST_TEXT))
			return outcheck_fail("ICS: a VEVENT without a UID");
		c->depth = 1;
		c->events++;
	} else if (strcmp(line, "END:VCALENDAR") == 0 && c->depth == 1) {
		c->depth = 0;
		c->done = 1;
	} else {
		return outcheck_fail("ICS: %.60s out of place", line);
	}
	return NULL;
}

/* One unfolded content line. */
static const char *
outcheck_ics_property(struct outcheck_ics *c, const char *line)
{
	size_t n;
	int i = outcheck_ics_name(line, &n);

	if (i < 0 || (line[n] != ':' && line[n] != ';'))
		return outcheck_fail("ICS: a property scotl does not write: %.60s",
		    line);
	if (i <= 1)
		return outcheck_ics_begin_end(c, line);
	if (c->depth != (i < OUTCHECK_ICS_FIRST_TEXT ? 1 : 2))
		return outcheck_fail("ICS: %.60s out of place", line);
	if (c->depth == 2 && (c->seen & 1u << i))
		return outcheck_fail("ICS: %s twice in a VEVENT",
		    outcheck_ics_names[i]);
	c->seen |= 1u << i;
	if (i >= OUTCHECK_ICS_FIRST_TEXT &&
	    strncmp(outcheck_ics_names[i], "DT", 2) != 0)
		return outcheck_ics_text(line + n + 1, line);
	return NULL;
}

/* The physical line S[0..N): where it may be and what it may hold. */
static const char *
outcheck_ics_physical(const char *s, size_t n, int first)
{
	size_t bad;

	if (n == 0)
		return outcheck_fail("ICS: an empty line");
	if (memchr(s, '\r', n) != NULL || memchr(s, '\n', n) != NULL)
		return outcheck_fail("ICS: a bare CR or LF in %.60s", s);
	if (n > 75)
		return outcheck_fail("ICS: a line of %zu octets", n);
	if (!util_utf8_valid(s, n, &bad))
		return outcheck_fail("ICS: a line not UTF-8 by itself (folded "
		    "inside a character?) at its byte %zu", bad);
	if (n > 0 && s[0] == ' ' && first)
		return outcheck_fail("ICS: a continuation with no line before it");
	return NULL;
}

const char *
outcheck_ics(const char *s, size_t len)
{
	struct outcheck_ics c = { 0 };
	const char *bad = outcheck_text(s, len, 1), *eol;
	struct buf line;
	size_t at = 0, n;

	if (bad != NULL)
		return bad;
	buf_init(&line);
	while (at < len && bad == NULL) {
		eol = memchr(s + at, '\n', len - at);
		if (eol == NULL || eol == s + at || eol[-1] != '\r') {
			bad = outcheck_fail("ICS: a line without CRLF at byte %zu", at);
			break;
		}
		n = (size_t)(eol - 1 - (s + at));
		if ((bad = outcheck_ics_physical(s + at, n, at == 0)) != NULL)
			break;
		if (s[at] == ' ') {
			buf_add(&line, s + at + 1, n - 1);
		} else {
			if (line.len > 0)
				bad = outcheck_ics_property(&c, line.data);
			buf_reset(&line);
			buf_add(&line, s + at, n);
		}
		at = (size_t)(eol + 1 - s);
	}
	if (bad == NULL && line.len > 0)
		bad = outcheck_ics_property(&c, line.data);
	if (bad == NULL && len > 0 && !c.done)
		bad = outcheck_fail("ICS: no END:VCALENDAR");
	buf_free(&line);
	return bad;
}
