#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "scotl/article.h"
#include "scotl/mention.h"
#include "scotl/people.h"

/* Titles that come before a name, longest first so that "Deputy NSA"
 * wins over "NSA". */
static const char *const people_titles[] = {
	"Secretary of the Security Council", "Security Council Secretary",
	"National Security Adviser", "National Security Advisor",
	"External Affairs Minister", "Public Security Minister",
	"Minister of National Defence", "Minister of Defence",
	"Minister of State for External Affairs", "Interior Minister",
	"Defence Minister", "Defense Minister", "Foreign Minister",
	"Prime Minister", "Secretary-General", "Deputy NSA", "Vice President",
	"President", "Admiral", "General", "Ambassador", "NSA", "Minister",
};

/* Capitalised words that are not names. */
static const char *const people_not_names[] = {
	"The", "A", "An", "Of", "And", "In", "On", "At", "SCO", "RATS", "He",
	"She", "They", "It", "This", "That", "Said", "Also", "Has", "Was",
};

struct people_name {
	size_t start, end;
	int words;
};

static int
people_not_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof people_not_names / sizeof *people_not_names; i++)
		if (strlen(people_not_names[i]) == n &&
		    strncmp(s, people_not_names[i], n) == 0)
			return 1;
	return 0;
}

/* Two or three capitalised words from AT: "Dong Jun", "J. F. Giyosov"
 * counts initials as words. */
static int
people_name_at(const char *s, size_t len, size_t at, struct people_name *out)
{
	size_t i = at, w;
	int words = 0;

	out->start = at;
	while (i < len && words < 3) {
		if (!isupper((unsigned char)s[i]))
			break;
		for (w = i + 1; w < len && (isalpha((unsigned char)s[w]) ||
		    s[w] == '-' || s[w] == '.'); w++)
			;
		if (people_not_name(s + i, w - i) || w - i > 20)
			break;
		words++;
		out->end = w;
		if (w >= len || s[w] != ' ')
			break;
		i = w + 1;
	}
	/* A trailing full stop ends the sentence, not an initial. */
	if (words > 0 && s[out->end - 1] == '.' && out->end - out->start > 2 &&
	    !isupper((unsigned char)s[out->end - 2]))
		out->end--;
	out->words = words;
	return words >= 2;
}

static int
people_known_span(const struct mention_row *m, int nm, size_t start, size_t end)
{
	int i;

	for (i = 0; i < nm; i++)
		if ((size_t)m[i].start < end && (size_t)m[i].end > start)
			return 1;
	return 0;
}

/* The state named nearest before the title in its sentence, else the
 * nearest after the name. */
static long long
people_state(const char *s, const struct mention_row *m, int nm, size_t title,
    size_t name_end)
{
	size_t from = title, to = name_end;
	long long best = 0;
	int i;

	while (from > 0 && s[from - 1] != '.' && s[from - 1] != '\n')
		from--;
	while (s[to] && s[to] != '.' && s[to] != '\n')
		to++;
	for (i = 0; i < nm; i++)
		if (strcmp(m[i].kind, "state") == 0 && (size_t)m[i].start >= from &&
		    (size_t)m[i].end <= title)
			best = m[i].entity_id;
	for (i = 0; i < nm && best == 0; i++)
		if (strcmp(m[i].kind, "state") == 0 && (size_t)m[i].start >= name_end &&
		    (size_t)m[i].end <= to)
			best = m[i].entity_id;
	return best;
}

static const char people_sql_known[] = "SELECT 1 FROM alias WHERE norm = ?1";
static const char people_sql_entity[] =
	"INSERT INTO entity(kind, name, origin) VALUES ('person', ?1, 'extracted')";
static const char people_sql_alias[] =
	"INSERT INTO alias(entity_id, name, norm, kind) VALUES (?1, ?2, ?3, 'name')";
static const char people_sql_role[] =
	"INSERT INTO role(entity_id, title, state_id) VALUES (?1, ?2, ?3)";
static const char people_sql_mention[] =
	"INSERT OR IGNORE INTO mention(article_id, entity_id, span_start, span_end)"
	" VALUES (?1, ?2, ?3, ?4)";

/* The last word of the name as a second alias, unless it names someone
 * else already ("Mukambetov" finds Ruslan Mukambetov). */
static int
people_surname(struct db *db, long long id, const char *name, struct err *e)
{
	const char *last = strrchr(name, ' ');
	sqlite3_stmt *st;
	char *norm;
	int known, rc = 0;

	if (last == NULL || strlen(last + 1) < 3)
		return 0;
	norm = util_ascii_lower(last + 1);
	if ((st = db_stmt(db, people_sql_known, e)) == NULL) {
		free(norm);
		return -1;
	}
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	if ((known = db_step_exists(db, st, "look up a name", e)) < 0) {
		free(norm);
		return -1;
	}
	if (!known) {
		static const char sql[] = "INSERT INTO alias(entity_id, name, norm, kind)"
		    " VALUES (?1, ?2, ?3, 'alias')";

		if ((st = db_stmt(db, sql, e)) == NULL) {
			free(norm);
			return -1;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, last + 1, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, norm, -1, SQLITE_STATIC);
		rc = db_step_done(db, st, "name a person", e);
	}
	free(norm);
	return rc;
}

static int
people_add(struct db *db, long long article, const char *name, const char *title,
    long long state, const struct people_name *span, struct err *e)
{
	char *norm = util_ascii_lower(name);
	sqlite3_stmt *st;
	long long id;
	int known, rc = -1;

	if ((st = db_stmt(db, people_sql_known, e)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	if ((known = db_step_exists(db, st, "look up a name", e)) < 0)
		goto out;
	if (known) {
		rc = 0;
		goto out;
	}
	if ((st = db_stmt(db, people_sql_entity, e)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (db_step_done(db, st, "propose a person", e) != 0)
		goto out;
	id = sqlite3_last_insert_rowid(db->h);
	if ((st = db_stmt(db, people_sql_alias, e)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, norm, -1, SQLITE_STATIC);
	if (db_step_done(db, st, "name a person", e) != 0 ||
	    people_surname(db, id, name, e) != 0 ||
	    (st = db_stmt(db, people_sql_role, e)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	if (state > 0)
		sqlite3_bind_int64(st, 3, state);
	if (db_step_done(db, st, "give a role", e) != 0 ||
	    (st = db_stmt(db, people_sql_mention, e)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, (long long)span->start);
	sqlite3_bind_int64(st, 4, (long long)span->end);
	rc = db_step_done(db, st, "store a mention", e) == 0 ? 1 : -1;
out:
	free(norm);
	return rc;
}


int
people_propose(struct db *db, long long article_id, struct err *e)
{
	struct mention_row *m = NULL;
	struct people_name nm;
	int n = 0, added = 0, rc;
	size_t i, k, len, tl;
	char *body, *name;

	if (article_body(db, article_id, &body, e) != 0)
		return -1;
	len = strlen(body);
	if (mention_list(db, article_id, &m, &n, e) != 0) {
		free(body);
		return -1;
	}
	for (i = 0; i < len; i++) {
		/* Titles start a word with a capital. */
		if (!isupper((unsigned char)body[i]) ||
		    (i > 0 && isalpha((unsigned char)body[i - 1])))
			continue;
		for (k = 0; k < sizeof people_titles / sizeof *people_titles; k++) {
			tl = strlen(people_titles[k]);
			if (i + tl + 1 >= len || strncmp(body + i, people_titles[k], tl) != 0 ||
			    body[i + tl] != ' ')
				continue;
			if (people_name_at(body, len, i + tl + 1, &nm) &&
			    !people_known_span(m, n, nm.start, nm.end)) {
				name = xstrndup(body + nm.start, nm.end - nm.start);
				rc = people_add(db, article_id, name, people_titles[k],
				    people_state(body, m, n, i, nm.end), &nm, e);
				free(name);
				if (rc < 0) {
					free(m);
					free(body);
					return -1;
				}
				added += rc;
			}
			i += tl;
			break;
		}
	}
	free(m);
	free(body);
	return added;
}
