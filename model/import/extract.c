/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store.h"
#include "scotl/dates.h"
#include "scotl/extract.h"
#include "scotl/mention.h"

/* How far apart two mentions may be, in bytes, to be read together: a
 * nationality before a person, an apposition after one, two items of a
 * list. Nothing further away is looked at, which keeps the work per
 * mention bounded whatever the length of the article. */
#define EXTRACT_NEAR_MAX 60
#define EXTRACT_APPOSITION_MAX 40
#define EXTRACT_LIST_MAX 8
/* Five words of text as people write it fit in this many bytes. Without
 * a cap, the search for a meeting word after "two-day" went on to the
 * end of a text without spaces, for each "-day" in it. */
#define EXTRACT_DURATION_REACH 100

struct extract_sentence {
	size_t start, end;
	int cue;
	int rank;               /* cue sentences before this one, counted
	                         * once, not again for each date */
};

struct extract {
	struct db *db;          /* for the states of places and known events */
	const char *title;
	const char *body;
	size_t len;
	const struct mention_row *m;
	int nm;
	long long longest;      /* the longest mention, in bytes */
	struct extract_sentence *s;
	int ns, caps;
	struct date_found *dates;
	int nd;
	long long who[EXTRACT_MAX_PEOPLE];
	int nwho;
	long long place;
	char kind[24];
	struct date_span when;
	int have_when, explicit_date;
	int cue_sentence;       /* the first sentence with a cue */
};

static const char *const extract_cues[] = {
	"meeting", "meetings", "meet", "meets", "met", "summit", "talks",
	"visit", "visited", "visiting", "attended", "attending", "hosted",
	"session", "conference", "gathering", "spoke", "attack", "attacks",
	"agreement", "accession", "joined", "ceasefire", "meet",
};

/* --- sentences ----------------------------------------------------- */

static int
extract_word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t n;

	/* Most places fail on the first letter: test it before the rest. */
	if (tolower((unsigned char)s[i]) != tolower((unsigned char)w[0]))
		return 0;
	n = strlen(w);
	return i + n <= len && strncasecmp(s + i, w, n) == 0 &&
	    (i == 0 || !isalpha((unsigned char)s[i - 1])) &&
	    (i + n == len || !isalpha((unsigned char)s[i + n]));
}

static int
extract_has_word(const char *s, size_t from, size_t to, const char *w)
{
	size_t i;

	for (i = from; i < to; i++)
		if ((i == from || !isalpha((unsigned char)s[i - 1])) &&
		    extract_word_at(s, to, i, w))
			return 1;
	return 0;
}

/* Whether a sentence holds one of the cue words: one pass over its
 * words, each compared with the cues of the same length. */
static int
extract_has_cue(const char *s, size_t from, size_t to)
{
	size_t i = from, w, k;

	while (i < to) {
		while (i < to && !isalpha((unsigned char)s[i]))
			i++;
		for (w = i; w < to && isalpha((unsigned char)s[w]); w++)
			;
		for (k = 0; w > i && k < sizeof extract_cues / sizeof *extract_cues; k++)
			if (strlen(extract_cues[k]) == w - i &&
			    strncasecmp(s + i, extract_cues[k], w - i) == 0)
				return 1;
		i = w;
	}
	return 0;
}

/* A full stop after an initial ("J. Enkhbayar") or a title ("Dr. S.
 * Jaishankar") does not end a sentence. */
static int
extract_abbreviation(const char *s, size_t dot)
{
	static const char *const titles[] = {
		"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Maj", "Capt",
		"Prof", "Sen", "Rep", "Gov", "No", "vs", "etc", "Jr", "Sr",
	};
	size_t start = dot, i;

	while (start > 0 && isalpha((unsigned char)s[start - 1]))
		start--;
	if (dot - start == 1 && isupper((unsigned char)s[start]))
		return 1;
	for (i = 0; i < sizeof titles / sizeof *titles; i++)
		if (dot - start == strlen(titles[i]) &&
		    strncmp(s + start, titles[i], dot - start) == 0)
			return 1;
	return 0;
}

static void
extract_sentences(struct extract *x)
{
	size_t i, start = 0;
	int cues = 0;

	for (i = 0; i <= x->len; i++) {
		int end = i == x->len || x->body[i] == '\n' ||
		    ((x->body[i] == '.' || x->body[i] == '!' || x->body[i] == '?') &&
		    (i + 1 == x->len || x->body[i + 1] == ' ' || x->body[i + 1] == '\n') &&
		    !(x->body[i] == '.' && extract_abbreviation(x->body, i)));

		if (!end)
			continue;
		if (i > start) {
			struct extract_sentence *s;

			x->s = xgrow(x->s, x->ns, &x->caps, sizeof *x->s);
			s = &x->s[x->ns++];
			s->start = start;
			s->end = i + (i < x->len && x->body[i] != '\n');
			s->cue = extract_has_cue(x->body, start, s->end);
			s->rank = cues;
			cues += s->cue;
		}
		start = i + 1;
		while (start < x->len && x->body[start] == ' ')
			start++;
	}
}

/* The sentences are in order and do not overlap: a binary search, not
 * a walk from the first for each mention and date, which made a long
 * article's import grow with the square of its size. */
static int
extract_sentence_of(const struct extract *x, size_t at)
{
	int lo = 0, hi = x->ns - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if (at < x->s[mid].start)
			hi = mid - 1;
		else if (at >= x->s[mid].end)
			lo = mid + 1;
		else
			return mid;
	}
	return -1;
}

/* --- participants ---------------------------------------------------- */

static void
extract_add(struct extract *x, long long id)
{
	int i;

	for (i = 0; i < x->nwho; i++)
		if (x->who[i] == id)
			return;
	if (x->nwho < EXTRACT_MAX_PEOPLE)
		x->who[x->nwho++] = id;
}

/* Text between two byte offsets is only punctuation and "and" or "or":
 * the two names are items of one list. */
static int
extract_listed(const struct extract *x, size_t from, size_t to)
{
	size_t i;

	if (to < from || to - from > EXTRACT_LIST_MAX)
		return 0;
	for (i = from; i < to; i++)
		if (isalpha((unsigned char)x->body[i]) &&
		    !extract_word_at(x->body, to, i, "and") &&
		    !extract_word_at(x->body, to, i, "or") &&
		    !(i > from && isalpha((unsigned char)x->body[i - 1])))
			return 0;
	return 1;
}

/* An apposition after a person: ", the secretary of the Uzbek ..." or
 * ", Uzbekistan’s acting foreign minister". */
static int
extract_apposition(const struct extract *x, size_t from, size_t to)
{
	size_t i;

	if (to < from || to - from > EXTRACT_APPOSITION_MAX || x->body[from] != ',')
		return 0;
	if (to - from <= 2)
		return 1;
	for (i = from; i + 8 <= to; i++)
		if (strncmp(x->body + i, " of the ", 8) == 0)
			return 1;
	return 0;
}

/* Text between two byte offsets is a few short words (titles such as
 * "NSA", "counterpart") and no end of a clause. */
static int
extract_near(const struct extract *x, size_t from, size_t to, int words)
{
	size_t i;
	int n = 0, in = 0;

	if (to < from || to - from > EXTRACT_NEAR_MAX)
		return 0;
	for (i = from; i < to; i++) {
		int alpha = isalnum((unsigned char)x->body[i]) || (unsigned char)x->body[i] >= 0x80;

		if (alpha && !in)
			n++;
		in = alpha;
		if (x->body[i] == '.' || x->body[i] == ';')
			return 0;
	}
	return n <= words;
}

/* "officials from X", "delegation from X", "counterparts from X": the
 * state is where participants came from. */
static int
extract_from_people(const struct extract *x, size_t at)
{
	static const char *const nouns[] = {
		"officials from", "delegation from", "delegations from",
		"counterparts from", "representatives from", "ministers from",
		"experts from", "delegates from",
	};
	size_t i, n;

	for (i = 0; i < sizeof nouns / sizeof *nouns; i++) {
		n = strlen(nouns[i]) + 1;
		if (at >= n && strncasecmp(x->body + at - n, nouns[i], n - 1) == 0)
			return 1;
	}
	return 0;
}

/* Whether the mention O next to the state mention M makes it a
 * participant. */
static int
extract_state_beside(const struct extract *x, const struct mention_row *m,
    const struct mention_row *o)
{
	/* The nationality of a person: "Indian NSA Ajit Doval". */
	if (strcmp(o->kind, "person") == 0 && o->start > m->end &&
	    extract_near(x, (size_t)m->end, (size_t)o->start, 4))
		return 1;
	/* "Uzbek Security Council" after a person: "Makhmudov, the
	 * secretary of the Uzbek Security Council". */
	if (strcmp(o->kind, "person") == 0 && o->end < m->start &&
	    extract_apposition(x, (size_t)o->end, (size_t)m->start))
		return 1;
	/* A list of states: "India and Pakistan", "Kazakhstan, Russia,
	 * Tajikistan, Uzbekistan". */
	return strcmp(o->kind, "state") == 0 && o->entity_id != m->entity_id &&
	    ((o->start > m->end && extract_listed(x, (size_t)m->end,
	    (size_t)o->start)) || (o->end < m->start &&
	    extract_listed(x, (size_t)o->end, (size_t)m->start)));
}

/* Whether the state mention K stands for a participant. */
static int
extract_state_takes_part(const struct extract *x, int k)
{
	const struct mention_row *m = &x->m[k];
	long long after = EXTRACT_NEAR_MAX > EXTRACT_LIST_MAX ?
	    EXTRACT_NEAR_MAX : EXTRACT_LIST_MAX;
	long long before = EXTRACT_APPOSITION_MAX > EXTRACT_LIST_MAX ?
	    EXTRACT_APPOSITION_MAX : EXTRACT_LIST_MAX;
	int j;

	if (m->start >= 5 && strncasecmp(x->body + m->start - 5, "host ", 5) == 0)
		return 1;
	/* "to represent India", "Pakistan was represented by" */
	if ((m->start >= 10 && strncasecmp(x->body + m->start - 10, "represent ", 10) == 0) ||
	    extract_has_word(x->body, (size_t)m->end, (size_t)m->end + 20 > x->len ?
	    x->len : (size_t)m->end + 20, "represented"))
		return 1;
	if (extract_from_people(x, (size_t)m->start))
		return 1;
	if (extract_has_word(x->body, (size_t)m->end, (size_t)m->end + 12 > x->len ?
	    x->len : (size_t)m->end + 12, "delegation") ||
	    extract_has_word(x->body, (size_t)m->end, (size_t)m->end + 13 > x->len ?
	    x->len : (size_t)m->end + 13, "counterpart"))
		return 1;
	/* Only mentions a few bytes away count, and the mentions are in
	 * order of where they start: the ones after K that start within
	 * reach, the ones before K that may end within reach. Comparing K
	 * with every mention of the article made a long article's import
	 * grow with the square of its length. */
	for (j = k + 1; j < x->nm && x->m[j].start <= m->end + after; j++)
		if (extract_state_beside(x, m, &x->m[j]))
			return 1;
	for (j = k - 1; j >= 0 && x->m[j].start + x->longest + before >= m->start; j--)
		if (extract_state_beside(x, m, &x->m[j]))
			return 1;
	return 0;
}

/* The state a place belongs to (0 none), or -1 when the database
 * cannot say: taken for "none", the event would lose its host. */
static long long
extract_state_of(struct db *db, long long entity, struct err *e)
{
	static const char sql[] = "SELECT coalesce(state_id, 0) FROM entity WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql, e);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entity);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = db_fail(db, e, "read the state of a place");
	sqlite3_reset(st);
	return id;
}

static int
extract_participants(struct extract *x, struct err *e)
{
	long long state = 0;
	int k, sen;

	for (k = 0; k < x->nm; k++) {
		const struct mention_row *m = &x->m[k];

		sen = extract_sentence_of(x, (size_t)m->start);
		if (sen < 0 || !x->s[sen].cue)
			continue;
		if (strcmp(m->kind, "person") == 0)
			extract_add(x, m->entity_id);
		else if (strcmp(m->kind, "state") == 0 && extract_state_takes_part(x, k))
			extract_add(x, m->entity_id);
		else if (strcmp(m->kind, "place") == 0 && x->place == 0)
			x->place = m->entity_id;
	}
	if (x->place > 0 && (state = extract_state_of(x->db, x->place, e)) < 0)
		return -1;
	if (x->place > 0 && state > 0)
		extract_add(x, state);
	return 0;
}

/* --- kind and date ----------------------------------------------------- */

static void
extract_kind(struct extract *x)
{
	static const struct {
		const char *phrase;
		const char *kind;
	} kinds[] = {
		{ "security council", "nsa-meeting" }, { "nsa", "nsa-meeting" },
		{ "national security adviser", "nsa-meeting" },
		{ "national security chiefs", "nsa-meeting" },
		{ "defence minister", "defence-ministers" },
		{ "defense minister", "defence-ministers" },
		{ "rats", "rats-meeting" }, { "anti-terror", "rats-meeting" },
		{ "summit", "summit" }, { "attack", "attack" },
		{ "agreement", "conference" }, { "accession", "accession" },
		{ "talks", "bilateral" },
	};
	size_t i;
	int k;

	/* The title first, then the sentences with a cue, in order. */
	for (i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (extract_has_word(x->title, 0, strlen(x->title), kinds[i].phrase)) {
			snprintf(x->kind, sizeof x->kind, "%s", kinds[i].kind);
			return;
		}
	}
	for (k = 0; k < x->ns; k++) {
		for (i = 0; x->s[k].cue && i < sizeof kinds / sizeof *kinds; i++) {
			if (extract_has_word(x->body, x->s[k].start, x->s[k].end,
			    kinds[i].phrase)) {
				snprintf(x->kind, sizeof x->kind, "%s", kinds[i].kind);
				return;
			}
		}
	}
	snprintf(x->kind, sizeof x->kind, "%s", "conference");
}

/* "a four-day meeting", "the two-day SCO defence ministers’ summit": how
 * long the event lasted, when a meeting word follows within five words
 * ("four-day military conflict" is not the meeting). */
static int
extract_duration(const struct extract *x)
{
	static const char *const numbers[] = {
		"one", "two", "three", "four", "five", "six", "seven",
	};
	static const char *const nouns[] = {
		"meeting", "summit", "session", "conference", "visit", "talks",
	};
	const char *dash = x->body, *end = x->body + x->len;
	size_t i, j, n, stop;
	int k, q, words;

	/* Not strstr: a sanitizer's strstr measures the rest of the text on
	 * each call, which grows with the square of its length. */
	while ((dash = memchr(dash, '-', (size_t)(end - dash))) != NULL) {
		size_t at = (size_t)(dash - x->body);

		dash++;
		if ((size_t)(end - dash) < 3 || memcmp(dash, "day", 3) != 0)
			continue;
		dash += 3;
		for (k = 0; k < 7; k++) {
			n = strlen(numbers[k]);
			if (at < n)
				continue;
			i = at - n;
			if (!extract_word_at(x->body, x->len, i, numbers[k]) ||
			    (i > 0 && isalpha((unsigned char)x->body[i - 1])))
				continue;
			stop = i + n + 4;
			for (j = stop, words = 0; j < x->len && words <= 5 &&
			    j < stop + EXTRACT_DURATION_REACH &&
			    x->body[j] != '.' && x->body[j] != ','; j++) {
				if (j > 0 && x->body[j - 1] == ' ')
					words++;
				for (q = 0; q < 6; q++)
					if (extract_word_at(x->body, x->len, j, nouns[q]))
						return k + 1;
			}
		}
	}
	return 1;
}

static void
extract_date(struct extract *x, const char *published)
{
	int i, sen = -1, days;
	long first;
	char a[11], b[11], text[32];
	struct err e;

	/* The date of the first sentences about the event; a day named later
	 * is more often another event's ("preceded by ... on Tuesday"). */
	for (i = 0; i < x->nd; i++) {
		sen = extract_sentence_of(x, x->dates[i].start);
		if (sen >= 0 && x->s[sen].cue && x->s[sen].rank < 2 &&
		    x->dates[i].when.precision == DATE_DAY) {
			x->when = x->dates[i].when;
			x->have_when = x->explicit_date = 1;
			break;
		}
	}
	/* A news report of something under way: the day it was published. */
	if (!x->have_when && published != NULL &&
	    date_parse(published, &x->when, &e) == 0 &&
	    x->when.precision == DATE_DAY && !x->when.end[0]) {
		x->have_when = 1;
		sen = x->cue_sentence;
	} else if (!x->have_when) {
		return;
	}
	days = extract_duration(x);
	if (days > 1 && !x->when.end[0]) {
		first = date_parse_days(x->when.first);
		date_format_days(first, a);
		date_format_days(first + days - 1, b);
		snprintf(text, sizeof text, "%s..%s", a, b);
		date_parse(text, &x->when, &e);
	}
}

/* --- storing ---------------------------------------------------------- */

static const char extract_sql_match[] =
	"SELECT e.id, e.first_day, e.last_day, e.start, e.end FROM event e"
	" WHERE e.first_day <= date(?2, '+3 days') AND e.last_day >= date(?1, '-3 days')"
	" AND (e.place_id = ?3 OR (SELECT count(*) FROM participant p"
	"  WHERE p.event_id = e.id AND p.entity_id IN (SELECT value FROM"
	"  json_each(?4))) * 2 >= ?5)"
	" ORDER BY abs(julianday(e.first_day) - julianday(?1)) LIMIT 1";

static void
extract_who_json(const struct extract *x, char *out, size_t size)
{
	size_t used = 0;
	int i;

	used += (size_t)snprintf(out, size, "[");
	for (i = 0; i < x->nwho && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%lld", i ? "," : "",
		    x->who[i]);
	if (used < size)
		snprintf(out + used, size - used, "]");
}

/* A known event this candidate reports (dates overlapping, the same
 * place or most participants): 1 with its id and, when the dates
 * differ, its date; 0 when none. */
static int
extract_match(struct extract *x, struct extract_found *f, struct err *e)
{
	sqlite3_stmt *st = db_stmt(x->db, extract_sql_match, e);
	char who[EXTRACT_MAX_PEOPLE * 24];
	int rc;

	if (st == NULL)
		return -1;
	extract_who_json(x, who, sizeof who);
	db_bind_text(st, 1, x->when.first);
	db_bind_text(st, 2, x->when.last);
	sqlite3_bind_int64(st, 3, x->place);
	db_bind_text(st, 4, who);
	sqlite3_bind_int(st, 5, x->nwho > 0 ? x->nwho : 1);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : db_fail(x->db, e, "match events");
	}
	f->event_id = sqlite3_column_int64(st, 0);
	date_from_parts(db_col_str(st, 3),
	    db_col_str(st, 4), &f->known, e);
	sqlite3_reset(st);
	f->disputed = strcmp(f->known.first, x->when.first) != 0 ||
	    strcmp(f->known.last, x->when.last) != 0;
	return 1;
}

/* What a new event or a known one is told: the candidate itself. */
static void
extract_fill(const struct extract *x, struct extract_found *f)
{
	const struct extract_sentence *s = &x->s[x->cue_sentence];

	f->when = x->when;
	snprintf(f->kind, sizeof f->kind, "%s", x->kind);
	f->place = x->place;
	f->confidence = 0.5 + (x->place ? 0.1 : 0) + (x->explicit_date ? 0.1 : 0) +
	    (x->nwho >= 2 ? 0.1 : 0);
	memcpy(f->who, x->who, (size_t)x->nwho * sizeof *x->who);
	f->nwho = x->nwho;
	f->span_start = (long long)s->start;
	f->span_end = (long long)s->end;
}

int
extract_find(struct db *db, const struct article *a,
    const struct mention_row *m, int n, struct extract_found *f,
    struct err *e)
{
	struct extract x;
	int rc = 0, i;

	memset(f, 0, sizeof *f);
	memset(&x, 0, sizeof x);
	x.db = db;
	x.title = a->title;
	x.body = a->body;
	x.len = strlen(a->body);
	x.m = m;
	x.nm = n;
	x.cue_sentence = -1;
	for (i = 0; i < n; i++)
		if (m[i].end - m[i].start > x.longest)
			x.longest = m[i].end - m[i].start;
	extract_sentences(&x);
	for (i = 0; i < x.ns && x.cue_sentence < 0; i++)
		if (x.s[i].cue)
			x.cue_sentence = i;
	if (x.cue_sentence < 0)
		goto out;               /* nothing happens in this article */
	x.nd = dates_find(x.body, x.len, a->published, &x.dates);
	if (extract_participants(&x, e) != 0) {
		rc = -1;
		goto out;
	}
	extract_date(&x, a->published);
	if (!x.have_when || (x.nwho == 0 && x.place == 0))
		goto out;
	extract_kind(&x);
	if ((rc = extract_match(&x, f, e)) >= 0) {
		extract_fill(&x, f);
		rc = 1;
	}
out:
	free(x.s);
	free(x.dates);
	return rc;
}
