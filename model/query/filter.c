/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "query/query.h"
#include "scotl/date.h"
#include "scotl/filter.h"
#include "scotl/script.h"

struct filter_parser {
	const char *s;
	size_t pos, len;
	int depth;
	int negated;            /* inside NOT */
	int top_or;             /* an OR at the top level */
	/* The first driver of each top-level alternative (-1: it has none):
	 * with an OR, their union drives when every one has one. */
	int alt_first[FILTER_MAX_DRIVERS];
	int nalts;
	int terms;              /* at the top level */
	struct buf sql;
	struct filter *f;
	struct err *e;
	int column;             /* of the error */
	int failed;
};

int
filter_param_count(const struct filter *f)
{
	return f->nparams;
}

const char *
filter_param_value(const struct filter *f, int i)
{
	return i >= 0 && i < f->nparams ? f->params[i] : NULL;
}

void
filter_free(struct filter *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nparams; i++)
		free(f->params[i]);
	free(f->params);
	free(f->sql);
	for (i = 0; i < FILTER_STMTS; i++)
		sqlite3_finalize(f->stmt[i]);
	for (i = 0; i < f->ndrivers; i++)
		free(f->drivers[i]);
	free(f->entity_of);
	free(f);
}

/* A term every kept event must satisfy (top level, not negated) whose
 * events an index gives: SQL that selects a superset of their ids. */
static void
filter_driver(struct filter_parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
filter_driver(struct filter_parser *p, const char *fmt, ...)
{
	char sql[1024];
	va_list ap;

	if (p->depth > 0 || p->negated || p->f->ndrivers >= FILTER_MAX_DRIVERS)
		return;
	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	p->f->drivers[p->f->ndrivers++] = xstrdup(sql);
}

/* The 1-based column of a byte offset, counting characters. */
static int
filter_column(const char *s, size_t at)
{
	size_t i;
	int col = 1;

	for (i = 0; i < at; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	return col;
}

static void
filter_fail(struct filter_parser *p, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
filter_fail(struct filter_parser *p, size_t at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (p->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* Messages quote the filter, which may come from a saved view of
	 * someone else's database and is printed to a terminal; a byte that
	 * is not UTF-8 may be a character cut by the length of MSG. */
	util_clean_terminal(msg, 0);
	p->failed = 1;
	p->column = filter_column(p->s, at);
	err_set(p->e, "%s at column %d", msg, p->column);
}

/* Adds a bound value; returns its parameter number. */
static int
filter_param(struct filter_parser *p, const char *value)
{
	struct filter *f = p->f;

	f->params = xgrow(f->params, f->nparams, &f->cap, sizeof *f->params);
	f->params[f->nparams] = xstrdup(value);
	return FILTER_PARAM_BASE + f->nparams++;
}

static void
filter_skip_space(struct filter_parser *p)
{
	while (p->pos < p->len && isspace((unsigned char)p->s[p->pos]))
		p->pos++;
}

static int
filter_at_keyword(struct filter_parser *p, const char *kw)
{
	size_t n = strlen(kw);

	return p->pos + n <= p->len && strncmp(p->s + p->pos, kw, n) == 0 &&
	    (p->pos + n == p->len || isspace((unsigned char)p->s[p->pos + n]) ||
	    p->s[p->pos + n] == '(');
}

/* A word: up to a space, a parenthesis, a bar or a quote. */
static size_t
filter_word_end(const struct filter_parser *p, size_t from)
{
	size_t i = from;

	while (i < p->len && !isspace((unsigned char)p->s[i]) && p->s[i] != '(' &&
	    p->s[i] != ')' && p->s[i] != '|' && p->s[i] != '"')
		i++;
	return i;
}

/* A quoted phrase from the quote at p->pos; "" inside is a quote. */
static char *
filter_quoted(struct filter_parser *p)
{
	size_t open = p->pos;
	struct buf b;

	buf_init(&b);
	p->pos++;
	while (p->pos < p->len) {
		if (p->s[p->pos] == '"') {
			if (p->pos + 1 < p->len && p->s[p->pos + 1] == '"') {
				buf_addc(&b, '"');
				p->pos += 2;
				continue;
			}
			p->pos++;
			return buf_steal(&b);
		}
		buf_addc(&b, p->s[p->pos++]);
	}
	buf_free(&b);
	filter_fail(p, open, "unclosed '\"'");
	return NULL;
}

/* --- terms ---------------------------------------------------------- */

/* TEXT as an FTS5 string: quoted, so that no character of it is FTS
 * syntax. */
static int
filter_fts_param(struct filter_parser *p, const char *text)
{
	struct buf q;
	const char *c;
	int a;

	buf_init(&q);
	buf_addc(&q, '"');
	for (c = text; *c; c++) {
		if (*c == '"')
			buf_addc(&q, '"');
		buf_addc(&q, *c);
	}
	buf_addc(&q, '"');
	a = filter_param(p, q.data);
	buf_free(&q);
	return a;
}

/* SQL selecting the articles that hold TEXT (LOWER: parameter of it in
 * lower case). A word of a script written without spaces (Chinese…) is
 * found inside a run of letters, where article_fts sees one token, in
 * article_trigram: from 3 characters by MATCH, which its trigrams serve;
 * below that by instr over its articles (SQLite 3.40 answers LIKE of
 * fewer than 3 characters on a trigram table with no rows). */
static void
filter_articles(struct filter_parser *p, const char *text, int lower)
{
	if (!script_has_unspaced(text, strlen(text)))
		buf_printf(&p->sql, "SELECT rowid FROM article_fts WHERE article_fts"
		    " MATCH ?%d", filter_fts_param(p, text));
	else if (script_chars(text) >= 3)
		buf_printf(&p->sql, "SELECT rowid FROM article_trigram WHERE"
		    " article_trigram MATCH ?%d", filter_fts_param(p, text));
	else
		buf_printf(&p->sql, "SELECT rowid FROM article_trigram WHERE"
		    " instr(lower(title), ?%d) > 0 OR instr(lower(body), ?%d) > 0",
		    lower, lower);
}

/* Text: the event's articles through a full-text index, or its title,
 * summary and kind, or its notes. */
static void
filter_text(struct filter_parser *p, const char *text)
{
	char *lower = util_ascii_lower(text);
	const char *c;
	int has_word = 0, b;

	for (c = text; *c; c++)
		if (isalnum((unsigned char)*c) || (unsigned char)*c >= 0x80)
			has_word = 1;
	b = filter_param(p, lower);
	if (has_word) {
		buf_adds(&p->sql, "(e.id IN (SELECT v.event_id FROM evidence v"
		    " WHERE v.article_id IN (");
		filter_articles(p, text, b);
		buf_printf(&p->sql, ")) OR instr(lower(e.title || ' ' ||"
		    " coalesce(e.summary, '') || ' ' || e.kind), ?%d) > 0"
		    " OR e.id IN (SELECT n.event_id FROM note n WHERE"
		    " instr(lower(n.body), ?%d) > 0))", b, b);
	} else {
		/* Punctuation alone: FTS5 has no token to look for. */
		buf_printf(&p->sql, "(instr(lower(e.title || ' ' ||"
		    " coalesce(e.summary, '')), ?%d) > 0)", b);
	}
	free(lower);
}

/* An entity by any of its names, by prefix, of one kind. */
static void
filter_entity(struct filter_parser *p, const char *kind, const char *value)
{
	char *norm = util_ascii_lower(value);
	int v = filter_param(p, norm), k = filter_param(p, kind);

	/* Tested event by event through participant's key (event, entity):
	 * an entity with many events would otherwise be listed whole first. */
	buf_printf(&p->sql, "(EXISTS (SELECT 1 FROM participant pa WHERE"
	    " pa.event_id = e.id AND pa.entity_id IN (SELECT a.entity_id FROM alias a"
	    " JOIN entity en ON en.id = a.entity_id WHERE en.kind = ?%d AND"
	    " a.norm >= ?%d AND a.norm < ?%d || char(1114111))) OR e.place_id IN"
	    " (SELECT a.entity_id FROM alias a JOIN entity en ON en.id = a.entity_id"
	    " WHERE en.kind = ?%d AND a.norm >= ?%d AND a.norm < ?%d ||"
	    " char(1114111)))", k, v, v, k, v, v);
	if (p->depth == 0 && !p->negated) {
		free(p->f->entity_of);
		p->f->entity_of = xmalloc(256);
		snprintf(p->f->entity_of, 256, "SELECT a.entity_id FROM alias a JOIN"
		    " entity en ON en.id = a.entity_id WHERE en.kind = ?%d AND"
		    " a.norm >= ?%d AND a.norm < ?%d || char(1114111)", k, v, v);
	}
	filter_driver(p, "SELECT pa.event_id FROM participant pa WHERE pa.entity_id"
	    " IN (SELECT a.entity_id FROM alias a JOIN entity en ON en.id ="
	    " a.entity_id WHERE en.kind = ?%d AND a.norm >= ?%d AND a.norm < ?%d ||"
	    " char(1114111)) UNION ALL SELECT ev.id FROM event ev WHERE ev.place_id"
	    " IN (SELECT a.entity_id FROM alias a JOIN entity en ON en.id ="
	    " a.entity_id WHERE en.kind = ?%d AND a.norm >= ?%d AND a.norm < ?%d ||"
	    " char(1114111))", k, v, v, k, v, v);
	free(norm);
}

/* "2w", "3d", "1m", "1y": days either side. */
static long
filter_slack(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || n < 0 || n > 100000 || end[0] == '\0' || end[1] != '\0')
		return -1;
	switch (end[0]) {
	case 'd': return n;
	case 'w': return n * 7;
	case 'm': return n * 31;
	case 'y': return n * 366;
	default: return -1;
	}
}

static void
filter_date_bounds(struct filter_parser *p, const char *first, const char *last)
{
	struct filter *f = p->f;
	int a, b;

	/* Bounds every kept event is within: the queries start and stop
	 * there in the event order instead of walking all of it. */
	if (p->depth == 0 && !p->negated) {
		if (first[0] && strcmp(first, f->since) > 0)
			snprintf(f->since, sizeof f->since, "%s", first);
		if (last[0] && (f->until[0] == '\0' || strcmp(last, f->until) < 0))
			snprintf(f->until, sizeof f->until, "%s", last);
	}
	if (first[0] && last[0]) {
		a = filter_param(p, first);
		b = filter_param(p, last);
		buf_printf(&p->sql, "(e.last_day >= ?%d AND e.first_day <= ?%d)", a, b);
	} else if (first[0]) {
		buf_printf(&p->sql, "(e.last_day >= ?%d)", filter_param(p, first));
	} else {
		buf_printf(&p->sql, "(e.first_day <= ?%d)", filter_param(p, last));
	}
}

static void
filter_date(struct filter_parser *p, const char *field, const char *value,
    size_t at)
{
	char first[11] = "", last[11] = "", part[64];
	const char *dots = strstr(value, ".."), *tilde = strchr(value, '~');
	struct date_span d;
	struct err de;
	long slack, a;

	if (tilde != NULL && tilde != value) {
		snprintf(part, sizeof part, "%.*s", (int)(tilde - value), value);
		if ((slack = filter_slack(tilde + 1)) < 0 ||
		    date_parse(part, &d, &de) != 0 || d.end[0]) {
			filter_fail(p, at, "'%s' is not a date with a span such as "
			    "2022-08-18~2w", value);
			return;
		}
		a = date_parse_days(d.first);
		date_format_days(a - slack, first);
		date_format_days(date_parse_days(d.last) + slack, last);
	} else if (dots != NULL && (strcmp(field, "date") == 0)) {
		if (dots != value) {
			snprintf(part, sizeof part, "%.*s", (int)(dots - value), value);
			if (date_parse(part, &d, &de) != 0)
				goto bad;
			memcpy(first, d.first, 11);
		}
		if (dots[2]) {
			if (date_parse(dots + 2, &d, &de) != 0)
				goto bad;
			memcpy(last, d.last, 11);
		}
		if (!first[0] && !last[0])
			goto bad;
		if (first[0] && last[0] && strcmp(first, last) > 0) {
			filter_fail(p, at, "'%s' ends before it starts", value);
			return;
		}
	} else {
		if (date_parse(value, &d, &de) != 0 || d.end[0])
			goto bad;
		if (strcmp(field, "until") != 0)
			memcpy(first, d.first, 11);
		if (strcmp(field, "since") != 0)
			memcpy(last, d.last, 11);
	}
	filter_date_bounds(p, first, last);
	return;
bad:
	filter_fail(p, at, "'%s' is not a date (YYYY, YYYY-MM, YYYY-MM-DD, "
	    "A..B)", value);
}

static const struct {
	const char *name, *alias, *kind;
} filter_fields[] = {
	{ "person", "p", "person" }, { "state", "s", "state" },
	{ "org", "o", "organisation" }, { "place", NULL, "place" },
	{ "kind", "k", NULL }, { "origin", NULL, NULL }, { "source", NULL, NULL },
	{ "tag", NULL, NULL }, { "date", NULL, NULL }, { "since", NULL, NULL },
	{ "until", NULL, NULL }, { "is", NULL, NULL },
};

static int
filter_field_index(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof filter_fields / sizeof *filter_fields; i++)
		if ((strlen(filter_fields[i].name) == n &&
		    strncmp(name, filter_fields[i].name, n) == 0) ||
		    (filter_fields[i].alias && strlen(filter_fields[i].alias) == n &&
		    strncmp(name, filter_fields[i].alias, n) == 0))
			return (int)i;
	return -1;
}

static void
filter_field_value(struct filter_parser *p, int field, const char *value,
    size_t at)
{
	const char *name = filter_fields[field].name;
	char *lower;

	if (value[0] == '\0') {
		filter_fail(p, at, "'%s:' needs a value", name);
		return;
	}
	if (filter_fields[field].kind != NULL) {
		filter_entity(p, filter_fields[field].kind, value);
	} else if (strcmp(name, "kind") == 0) {
		int k;

		lower = util_ascii_lower(value);
		k = filter_param(p, lower);
		buf_printf(&p->sql, "(e.kind >= ?%d AND e.kind < ?%d || char(1114111))",
		    k, k);
		free(lower);
	} else if (strcmp(name, "origin") == 0) {
		if (strcmp(value, "curated") != 0 && strcmp(value, "extracted") != 0)
			filter_fail(p, at, "origin is curated or extracted, not '%s'", value);
		else
			buf_printf(&p->sql, "(e.origin = ?%d)", filter_param(p, value));
	} else if (strcmp(name, "source") == 0) {
		lower = util_ascii_lower(value);
		buf_printf(&p->sql, "(e.id IN (SELECT v.event_id FROM evidence v JOIN"
		    " article ar ON ar.id = v.article_id WHERE instr(lower(coalesce("
		    "ar.source, '') || ' ' || coalesce(ar.name, '')), ?%d) > 0))",
		    filter_param(p, lower));
		free(lower);
	} else if (strcmp(name, "tag") == 0) {
		int t;

		lower = util_ascii_lower(value[0] == '#' ? value + 1 : value);
		t = filter_param(p, lower);
		buf_printf(&p->sql, "(e.id IN (SELECT event_id FROM tag WHERE name = ?%d))",
		    t);
		filter_driver(p, "SELECT event_id FROM tag WHERE name = ?%d", t);
		free(lower);
	} else if (strcmp(name, "is") == 0) {
		if (strcmp(value, "disputed") == 0 || strcmp(value, "noted") == 0 ||
		    strcmp(value, "bookmarked") == 0)
			filter_driver(p, "SELECT event_id FROM %s", value[0] == 'd' ?
			    "claim" : value[0] == 'n' ? "note" : "bookmark");
		if (strcmp(value, "disputed") == 0)
			buf_adds(&p->sql, "(EXISTS (SELECT 1 FROM claim c WHERE c.event_id ="
			    " e.id AND (c.first_day <> e.first_day OR c.last_day <>"
			    " e.last_day)))");
		else if (strcmp(value, "noted") == 0)
			buf_adds(&p->sql, "(EXISTS (SELECT 1 FROM note n WHERE n.event_id = e.id))");
		else if (strcmp(value, "bookmarked") == 0)
			buf_adds(&p->sql, "(EXISTS (SELECT 1 FROM bookmark b WHERE"
			    " b.event_id = e.id))");
		else
			filter_fail(p, at, "is: takes disputed, noted or bookmarked, not "
			    "'%s'", value);
	} else {
		filter_date(p, name, value, at);
	}
}

static void filter_or(struct filter_parser *p, int field);

/* A term: a group, a field, a phrase or a word. FIELD >= 0 inside
 * "person:( ... )": bare values are values of that field. */
static void
filter_primary(struct filter_parser *p, int field)
{
	size_t start = p->pos, end, colon;
	char *value;
	int f;

	if (p->s[p->pos] == '(') {
		if (++p->depth > FILTER_MAX_DEPTH) {
			filter_fail(p, start, "more than %d levels of parentheses",
			    FILTER_MAX_DEPTH);
			return;
		}
		p->pos++;
		filter_skip_space(p);
		if (p->pos >= p->len) {
			filter_fail(p, start, "unclosed '('");
			return;
		}
		if (p->s[p->pos] == ')') {
			filter_fail(p, start, "empty parentheses");
			return;
		}
		buf_addc(&p->sql, '(');
		filter_or(p, field);
		filter_skip_space(p);
		if (p->failed)
			return;
		if (p->pos >= p->len || p->s[p->pos] != ')') {
			filter_fail(p, start, "unclosed '('");
			return;
		}
		p->pos++;
		p->depth--;
		buf_addc(&p->sql, ')');
		return;
	}
	if (p->s[p->pos] == '"') {
		if ((value = filter_quoted(p)) == NULL)
			return;
		if (field >= 0)
			filter_field_value(p, field, value, start);
		else
			filter_text(p, value);
		free(value);
		return;
	}
	end = filter_word_end(p, p->pos);
	for (colon = p->pos; colon < end && p->s[colon] != ':'; colon++)
		;
	if (colon < end && field < 0) {
		size_t i;
		int letters = colon > p->pos;

		for (i = p->pos; i < colon; i++)
			if (!isalpha((unsigned char)p->s[i]))
				letters = 0;
		if ((f = filter_field_index(p->s + p->pos, colon - p->pos)) >= 0) {
			p->pos = colon + 1;
			if (p->pos < p->len && (p->s[p->pos] == '(' || p->s[p->pos] == '"') &&
			    colon + 1 == end) {
				filter_primary(p, f);
				return;
			}
			value = xstrndup(p->s + colon + 1, end - colon - 1);
			p->pos = end;
			filter_field_value(p, f, value, colon + 1);
			free(value);
			return;
		}
		if (letters) {
			filter_fail(p, start, "unknown field '%.*s' (person, state, org, "
			    "place, kind, origin, source, tag, date, since, until, is)",
			    (int)(colon - p->pos), p->s + p->pos);
			return;
		}
	}
	value = xstrndup(p->s + p->pos, end - p->pos);
	p->pos = end;
	if (field >= 0)
		filter_field_value(p, field, value, start);
	else
		filter_text(p, value);
	free(value);
}

static int
filter_at_term(struct filter_parser *p)
{
	filter_skip_space(p);
	return p->pos < p->len && p->s[p->pos] != ')' && p->s[p->pos] != '|' &&
	    !filter_at_keyword(p, "OR");
}

static void
filter_unary(struct filter_parser *p, int field)
{
	size_t at;

	filter_skip_space(p);
	at = p->pos;
	if (filter_at_keyword(p, "NOT") || (p->s[p->pos] == '-' &&
	    p->pos + 1 < p->len && !isspace((unsigned char)p->s[p->pos + 1]))) {
		p->pos += p->s[p->pos] == '-' ? 1 : 3;
		if (!filter_at_term(p)) {
			filter_fail(p, at, "nothing to negate");
			return;
		}
		/* coalesce: a term that is NULL (no place, say) is false, so
		 * that its negation is true. */
		buf_adds(&p->sql, "NOT coalesce(");
		p->negated++;
		filter_unary(p, field);
		p->negated--;
		buf_adds(&p->sql, ", 0)");
		return;
	}
	if (filter_at_keyword(p, "AND")) {
		filter_fail(p, at, "AND needs a term before it");
		return;
	}
	filter_primary(p, field);
}

static void
filter_and(struct filter_parser *p, int field)
{
	int first = 1;

	while (!p->failed && filter_at_term(p)) {
		if (!first)
			buf_adds(&p->sql, " AND ");
		if (p->depth == 0)
			p->terms++;
		filter_unary(p, field);
		first = 0;
		filter_skip_space(p);
		if (filter_at_keyword(p, "AND")) {
			size_t at = p->pos;

			p->pos += 3;
			if (!filter_at_term(p))
				filter_fail(p, at, "AND needs a term after it");
		}
	}
	if (first && !p->failed)
		filter_fail(p, p->pos, p->pos < p->len && p->s[p->pos] == ')' &&
		    p->depth == 0 ? "')' without '('" : "a term is missing");
}

/* One top-level alternative was read from driver FIRST on. */
static void
filter_alt_end(struct filter_parser *p, int first)
{
	if (p->nalts < FILTER_MAX_DRIVERS)
		p->alt_first[p->nalts] = p->f->ndrivers > first ? first : -1;
	p->nalts++;
}

static void
filter_or(struct filter_parser *p, int field)
{
	int top = p->depth == 0;
	size_t at;

	buf_addc(&p->sql, '(');
	if (top)
		p->nalts = 0;
	filter_and(p, field);
	if (top)
		filter_alt_end(p, 0);
	for (;;) {
		filter_skip_space(p);
		if (p->failed || p->pos >= p->len)
			break;
		at = p->pos;
		if (p->s[p->pos] == '|')
			p->pos++;
		else if (filter_at_keyword(p, "OR"))
			p->pos += 2;
		else
			break;
		if (!filter_at_term(p)) {
			filter_fail(p, at, "'%s' needs a term on both sides",
			    p->s[at] == '|' ? "|" : "OR");
			break;
		}
		buf_adds(&p->sql, " OR ");
		if (top)
			p->top_or = 1;
		at = (size_t)p->f->ndrivers;
		filter_and(p, field);
		if (top)
			filter_alt_end(p, (int)at);
	}
	buf_addc(&p->sql, ')');
}

/* a | b | c: one driver, the union of a driver of each alternative, when
 * each has one; else none. */
static void
filter_union_drivers(struct filter_parser *p)
{
	struct filter *f = p->f;
	struct buf u;
	int i, all = p->nalts <= FILTER_MAX_DRIVERS;

	for (i = 0; all && i < p->nalts; i++)
		all = p->alt_first[i] >= 0;
	buf_init(&u);
	for (i = 0; all && i < p->nalts; i++)
		buf_printf(&u, "%s%s", i ? " UNION ALL " : "", f->drivers[p->alt_first[i]]);
	while (f->ndrivers > 0)
		free(f->drivers[--f->ndrivers]);
	if (all && u.data != NULL)
		f->drivers[f->ndrivers++] = buf_steal(&u);
	buf_free(&u);
}

int
filter_compile(const char *text, struct filter **out, int *column,
    struct err *e)
{
	struct filter_parser p = { .s = text, .len = strlen(text), .e = e };

	*out = NULL;
	*column = 0;
	if (p.len > FILTER_MAX_LENGTH) {
		err_set(e, "the filter is %zu bytes long, more than %d", p.len,
		    FILTER_MAX_LENGTH);
		*column = FILTER_MAX_LENGTH + 1;
		return -1;
	}
	p.f = xcalloc(1, sizeof *p.f);
	p.f->driver = -2;
	p.f->entity_one = -2;
	buf_init(&p.sql);
	filter_skip_space(&p);
	if (p.pos == p.len) {
		buf_adds(&p.sql, "1");
	} else {
		filter_or(&p, -1);
		filter_skip_space(&p);
		if (!p.failed && p.pos < p.len)
			filter_fail(&p, p.pos, p.s[p.pos] == ')' ? "')' without '('" :
			    "unexpected '%c'", p.s[p.pos]);
	}
	if (p.failed) {
		*column = p.column;
		buf_free(&p.sql);
		filter_free(p.f);
		return -1;
	}
	p.f->sql = buf_steal(&p.sql);
	if (p.terms != 1 || p.top_or) {
		free(p.f->entity_of);
		p.f->entity_of = NULL;
	}
	if (p.top_or) {
		/* a | b: neither term alone holds every event kept, their
		 * union does. */
		filter_union_drivers(&p);
		p.f->since[0] = p.f->until[0] = '\0';
	}
	*out = p.f;
	return 0;
}
