/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "scotl/mention.h"
#include "scotl/people.h"

/* --- letters ------------------------------------------------------------
 * Names are written in Latin with its extensions ("Şahin", "Khürelsükh"),
 * Cyrillic and Chinese: the bytes are read as UTF-8 code points. */

/* The code point at I and its length; a byte that is not UTF-8 is one
 * character that is no letter. */
static size_t
people_cp(const char *s, size_t len, size_t i, unsigned long *cp)
{
	size_t n = i < len ? util_utf8_decode(s + i, len - i, cp) : 0;

	if (n == 0) {
		*cp = i < len ? 0xfffd : 0;
		return 1;
	}
	return n;
}

static int
people_han(unsigned long cp)
{
	return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);
}

static int
people_letter(unsigned long cp)
{
	return (cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
	    (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x400 && cp <= 0x52f) ||
	    (cp >= 0x1e00 && cp <= 0x1eff);
}

/* Capitals: in Latin Extended-A, Cyrillic's extensions and Latin Extended
 * Additional, capital and small letters alternate. */
static int
people_upper(unsigned long cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xc0 && cp <= 0xde)
		return cp != 0xd7;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177) ||
	    (cp >= 0x460 && cp <= 0x481) || (cp >= 0x48a && cp <= 0x4bf) ||
	    (cp >= 0x4d0 && cp <= 0x52f) || (cp >= 0x1e00 && cp <= 0x1eff))
		return cp % 2 == 0;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e) ||
	    (cp >= 0x4c1 && cp <= 0x4ce))
		return cp % 2 == 1;
	return cp == 0x178 || cp == 0x18f || cp == 0x4c0 ||
	    (cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x400 && cp <= 0x42f);
}

/* Hyphens and apostrophes join the parts of a word ("O‘zbekiston"). */
static int
people_joiner(unsigned long cp)
{
	return cp == '-' || cp == '\'' || cp == 0x2018 || cp == 0x2019 ||
	    cp == 0x2bb || cp == 0x2bc;
}

/* Whether the character before I is a letter. */
static int
people_after_letter(const char *s, size_t len, size_t i)
{
	size_t b = i;
	unsigned long cp;

	while (b > 0 && i - b < 4 && ((unsigned char)s[b - 1] & 0xc0) == 0x80)
		b--;
	if (b == 0)
		return 0;
	people_cp(s, len, b - 1, &cp);
	return people_letter(cp) || people_han(cp);
}

struct people_word {
	size_t start, end;
	int upper;              /* starts with a capital */
	int caps;               /* two letters or more, all capitals */
	int initial;            /* initials only: "N.", "N.P." */
	int glued;              /* initials and a surname: "N.P.Patrushev" */
	int possessive;         /* "Trump's": the 's is not in it */
	int letters;
};

/* The word at I: letters joined by hyphens and apostrophes, and the full
 * stops of initials; a full stop after a longer part ends a sentence and
 * is not in the word. 0 when no letter is at I. */
static int
people_word_at(const char *s, size_t len, size_t i, struct people_word *w)
{
	unsigned long cp, next;
	size_t n;
	int seg = 0, dots = 0, long_seg = 0, lower = 0;

	memset(w, 0, sizeof *w);
	w->start = i;
	people_cp(s, len, i, &cp);
	if (!people_letter(cp))
		return 0;
	w->upper = people_upper(cp);
	while (i < len) {
		n = people_cp(s, len, i, &cp);
		if (people_letter(cp)) {
			lower |= !people_upper(cp);
			w->letters++;
			long_seg |= ++seg > 1;
		} else if (cp == '.' && seg == 1) {
			dots++;
			seg = 0;
		} else if (people_joiner(cp) && cp != '-' && seg > 0 &&
		    (next = 0, people_cp(s, len, i + n, &next), next == 's') &&
		    (people_cp(s, len, i + n + 1, &next), !people_letter(next))) {
			w->possessive = 1;
			break;
		} else if (people_joiner(cp) && seg > 0 &&
		    (people_cp(s, len, i + n, &next), people_letter(next))) {
			seg = 0;
		} else
			break;
		i += n;
	}
	w->end = i;
	w->initial = dots > 0 && !long_seg;
	w->glued = dots > 0 && long_seg && seg > 1;
	w->caps = w->letters > 1 && !lower && !w->initial;
	return 1;
}

static int
people_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncmp(s, word, n) == 0;
}

static int
people_in(const char *s, size_t n, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (people_is(s, n, list[i]))
			return 1;
	return 0;
}

#define PEOPLE_IN(s, n, list) people_in(s, n, list, sizeof list / sizeof *list)

/* --- English titles ---------------------------------------------------- */

/* Titles before a name; the longest that matches wins. Those marked
 * need an object ("Chief of General Staff", "Head of ..."), being
 * ordinary words too. */
static const struct people_title {
	const char *text;
	int needs_object;
} people_titles[] = {
	{ "National Security Adviser", 0 }, { "National Security Advisor", 0 },
	{ "Security Council Secretary", 0 }, { "External Affairs Minister", 0 },
	{ "Public Security Minister", 0 }, { "Home Minister", 0 },
	{ "Interior Minister", 0 }, { "Defence Minister", 0 },
	{ "Defense Minister", 0 }, { "Foreign Minister", 0 },
	{ "Foreign Secretary", 0 }, { "Prime Minister", 0 }, { "Minister", 0 },
	{ "Secretary-General", 0 }, { "Secretary General", 0 },
	{ "Secretary", 0 }, { "Vice President", 0 }, { "Vice Premier", 0 },
	{ "Premier", 0 }, { "President", 0 }, { "Chairman", 0 },
	{ "Chairperson", 0 }, { "Director", 0 }, { "Commander", 0 },
	{ "Ambassador", 0 }, { "Envoy", 0 }, { "State Councilor", 0 },
	{ "State Councillor", 0 }, { "NSA", 0 }, { "Chief", 1 }, { "Head", 1 },
	{ "Colonel General", 0 }, { "Colonel-General", 0 },
	{ "Lieutenant General", 0 }, { "Major General", 0 },
	{ "Army General", 0 }, { "Admiral", 0 }, { "General", 0 },
	{ "Marshal", 0 }, { "Colonel", 0 },
	/* Only after a state's adjective: "his Indian counterpart X". */
	{ "counterpart", 0 },
};

/* Before a title, part of it: "Deputy Foreign Minister". */
static const char *const people_modifiers[] = {
	"First Deputy ", "Deputy ", "Acting ", "Vice ",
};

/* Between a title and the name: "Defence Minister General X". */
static const char *const people_ranks[] = {
	"Colonel General", "Colonel-General", "Lieutenant General",
	"Lieutenant-General", "Major General", "Major-General", "Army General",
	"Senior General", "Vice Admiral", "Rear Admiral", "General", "Admiral",
	"Marshal", "Colonel", "Dr.", "Dr", "Mr.", "Mr", "Ms.", "Ms", "Mrs.",
	"Prof.",
};

/* Nouns that end the name of an institution in a title's object:
 * "of the Security Council", "of the Kyrgyz Republic". */
static const char *const people_heads[] = {
	"Council", "Committee", "Structure", "Staff", "Staffs", "Ministry",
	"Republic", "Federation", "Kingdom", "Affairs", "Defence", "Defense",
	"Security", "Forces", "Force", "Army", "Navy", "Service", "Services",
	"Organisation", "Organization", "Office", "Commission", "Agency",
	"Bureau", "Department", "Police", "Command", "Guard", "Government",
	"Assembly", "Parliament", "Union", "Nations", "State", "States",
	"Cooperation", "Intelligence", "Interior", "Justice", "Secretariat",
	"Centre", "Center", "Board", "Emirates", "Region", "Province",
	"District", "Party", "Administration", "Troops", "Corps",
	"Directorate", "Headquarters",
};

/* Capitalised words that are no part of a name: function words, and the
 * words of titles. */
static const char *const people_not_names[] = {
	"The", "A", "An", "Of", "And", "In", "On", "At", "For", "To", "With",
	"From", "By", "As", "Over", "After", "Amid", "Against", "Into", "He",
	"She", "They", "It", "His", "Her", "Their", "Its", "This", "That",
	"Who", "Which", "Said", "Also", "Has", "Have", "Had", "Was", "Were",
	"Is", "Are", "Will", "Would", "Minister", "Secretary", "President",
	"Secretary-General", "Adviser", "Advisor", "Director", "Chairman",
	"Chairperson", "Commander", "Premier", "Ambassador", "Admiral",
	"General", "Deputy", "Counterpart", "Council", "Mr", "Ms", "Mrs", "Dr",
};

/* The links inside an institution's name: "Ministry of Foreign Affairs". */
static const char *const people_links[] = { "of", "the", "and", "for" };

struct people_name {
	size_t start, end;
	int words;
	int initials;           /* the words before the surname are initials */
};

/* Two to four capitalised words from AT: "Dong Jun", "Kassym-Jomart
 * Tokayev", "N. P. Patrushev" (initials first, then at most three full
 * words, the last a full word). */
static int
people_name_at(const char *s, size_t len, size_t at, struct people_name *out)
{
	struct people_word w;
	size_t i = at;
	int words = 0, full = 0, initials = 0;

	out->start = out->end = at;
	while (words < 4 && full < 3 && people_word_at(s, len, i, &w) &&
	    w.upper && !w.caps && w.end - w.start <= 40 &&
	    !PEOPLE_IN(s + w.start, w.end - w.start, people_not_names) &&
	    !PEOPLE_IN(s + w.start, w.end - w.start, people_heads) &&
	    !(w.initial && full > 0) && !(w.glued && words > 0)) {
		/* "N.P.Patrushev" is a name in itself. */
		if (w.glued) {
			out->end = w.end;
			out->words = 1;
			out->initials = 1;
			return 1;
		}
		words++;
		full += !w.initial;
		initials += w.initial;
		out->end = w.end;
		if (w.possessive || w.end >= len || s[w.end] != ' ')
			break;
		i = w.end + 1;
	}
	/* Capitalised words before a noun of an institution are its name,
	 * not a person's: "SCO Regional Antiterrorist Structure". */
	if (words > 0 && out->end < len && s[out->end] == ' ' &&
	    people_word_at(s, len, out->end + 1, &w) && w.upper &&
	    PEOPLE_IN(s + w.start, w.end - w.start, people_heads))
		return 0;
	/* A name ends with a full word: "N." alone ends no name. */
	while (words > 0 && full < words - initials)
		words--;
	out->words = words;
	out->initials = initials > 0 && full > 0;
	if (full > 0 && words > full)
		out->initials = 1;
	return full >= 1 && words >= 2 && !(initials == words);
}

/* The article and its mentions (in order of position), and what is known
 * of the line being read. */
struct people_scan {
	const char *s;
	size_t len;
	const struct mention_row *m;
	int n;
	size_t line_start, line_end;
	int line_upper, line_lower;     /* its words of four letters or more */
	long long china;
};

/* The first mention that starts at or after AT, or n. */
static int
people_first_from(const struct people_scan *c, size_t at)
{
	int lo = 0, hi = c->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if ((size_t)c->m[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The mention that starts at AT, or NULL. */
static const struct mention_row *
people_mention_at(const struct people_scan *c, size_t at)
{
	int j = people_first_from(c, at);

	return j < c->n && (size_t)c->m[j].start == at ? &c->m[j] : NULL;
}

/* Whether a known mention overlaps the span: mentions are few next to a
 * name, and none is longer than a sentence. */
static int
people_known_span(const struct people_scan *c, size_t start, size_t end)
{
	int j = people_first_from(c, end) - 1;

	for (; j >= 0 && (size_t)c->m[j].start + 512 > start; j--)
		if ((size_t)c->m[j].end > start)
			return 1;
	return 0;
}

/* The last state mention inside [FROM, TO), or 0. */
static long long
people_state_in(const struct people_scan *c, size_t from, size_t to)
{
	int j = people_first_from(c, to) - 1;

	for (; j >= 0 && (size_t)c->m[j].start >= from; j--)
		if ((size_t)c->m[j].end <= to && strcmp(c->m[j].kind, "state") == 0)
			return c->m[j].entity_id;
	return 0;
}

/* The state whose mention ends right before AT ("Chinese Defence
 * Minister", "India's NSA"), or 0. */
static long long
people_state_before(const struct people_scan *c, size_t at)
{
	int j = people_first_from(c, at) - 1;
	size_t end;

	for (; j >= 0 && (size_t)c->m[j].start + 512 > at; j--) {
		if (strcmp(c->m[j].kind, "state") != 0 || (size_t)c->m[j].end > at)
			continue;
		end = (size_t)c->m[j].end;
		if (end + 2 <= at && strncmp(c->s + end, "'s", 2) == 0)
			end += 2;
		else if (end + 4 <= at && strncmp(c->s + end, "\xe2\x80\x99s", 4) == 0)
			end += 4;
		while (end < at && c->s[end] == ' ')
			end++;
		return end == at ? c->m[j].entity_id : 0;
	}
	return 0;
}

/* The state of the first of two titles joined by "and": "Chinese State
 * Councilor and Minister of Public Security X". Between the state and
 * AT only capitalised words, then " and ". */
static long long
people_state_chain(const struct people_scan *c, size_t at)
{
	struct people_word w;
	int j = people_first_from(c, at) - 1;
	size_t i, words = 0;

	if (at < 5 || strncmp(c->s + at - 5, " and ", 5) != 0)
		return 0;
	for (; j >= 0 && (size_t)c->m[j].end + 80 > at; j--) {
		if (strcmp(c->m[j].kind, "state") != 0 || (size_t)c->m[j].end > at - 5)
			continue;
		for (i = (size_t)c->m[j].end; i < at - 5; ) {
			if (c->s[i] == ' ') {
				i++;
				continue;
			}
			if (!people_word_at(c->s, at - 5, i, &w) || !w.upper)
				return 0;
			words++;
			i = w.end;
		}
		return words > 0 && words <= 5 ? c->m[j].entity_id : 0;
	}
	return 0;
}

/* The state named after the name: "President K. Bakiev of the Kyrgyz
 * Republic". */
static long long
people_state_after(const struct people_scan *c, size_t at)
{
	const struct mention_row *r;

	if (at + 4 > c->len || strncmp(c->s + at, " of ", 4) != 0)
		return 0;
	at += 4;
	if (at + 4 <= c->len && strncmp(c->s + at, "the ", 4) == 0)
		at += 4;
	r = people_mention_at(c, at);
	return r != NULL && strcmp(r->kind, "state") == 0 ? r->entity_id : 0;
}

/* The short words a title-case headline leaves in lower case. */
static const char *const people_small[] = { "the", "and", "for", "nor",
	"but", "via", "per" };

/* A line's words in [FROM, TO), capitalised or not, of four letters or
 * more, or of three not in people_small ("met"). */
static void
people_count_words(const char *s, size_t from, size_t to, int *upper,
    int *lower)
{
	struct people_word w;
	size_t i = from;

	*upper = *lower = 0;
	while (i < to) {
		if (!people_word_at(s, to, i, &w)) {
			i++;
			continue;
		}
		if (w.letters >= 4 || (w.letters == 3 &&
		    !PEOPLE_IN(s + w.start, w.end - w.start, people_small)))
			*(w.upper ? upper : lower) += 1;
		i = w.end > i ? w.end : i + 1;
	}
}

/* Whether the line [A, B) ends a sentence. */
static int
people_line_ends_sentence(const char *s, size_t a, size_t b)
{
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\r' || s[b - 1] == '"'))
		b--;
	return b > a && (s[b - 1] == '.' || s[b - 1] == '!' || s[b - 1] == '?');
}

/* Whether a title and name in [FROM, TO) stand in a headline: a short
 * line, not a list (no semicolon), not ending a sentence, whose other
 * words but the shortest are all capitalised ("SCO Secretary General Urges Intensified Effort on
 * Sustainable Development Goals"). Each line is counted once, as titles
 * are found in order. */
static int
people_headline(struct people_scan *c, size_t from, size_t to)
{
	int up, low;

	if (from < c->line_start || from >= c->line_end) {
		size_t a = from, b = from;

		while (a > 0 && c->s[a - 1] != '\n')
			a--;
		while (b < c->len && c->s[b] != '\n')
			b++;
		c->line_start = a;
		c->line_end = b;
		people_count_words(c->s, a, b, &c->line_upper, &c->line_lower);
		/* A list or a long line is no headline: nothing is said of it. */
		if (b - a > 200 || memchr(c->s + a, ';', b - a) != NULL ||
		    people_line_ends_sentence(c->s, a, b))
			c->line_upper = -1000;
	}
	people_count_words(c->s, from, to, &up, &low);
	return c->line_lower - low == 0 && c->line_upper - up >= 2;
}

/* --- proposing --------------------------------------------------------- */

static const char people_sql_known[] = "SELECT 1 FROM alias WHERE norm = ?1";
static const char people_sql_latin[] =
	"SELECT DISTINCT a.entity_id FROM alias a JOIN entity x ON x.id ="
	" a.entity_id WHERE x.kind = 'person' AND a.norm = ?1 LIMIT 2";
static const char people_sql_initials[] =
	"SELECT DISTINCT a.entity_id FROM alias a JOIN entity x ON x.id ="
	" a.entity_id WHERE x.kind = 'person' AND a.norm LIKE ?1 ESCAPE '!'"
	" LIMIT 2";

/* What is proposed so far in this article, and where. */
struct people_list {
	struct people_found *p;
	int n, cap;
};

/* A name's first letter and last word agree: "n. yermekbayev" and
 * "nurlan yermekbayev". */
static int
people_same_initial(const char *a, const char *b)
{
	const char *la = strrchr(a, ' '), *lb = strrchr(b, ' ');
	unsigned long cp;
	size_t n = people_cp(a, strlen(a), 0, &cp);

	return la != NULL && lb != NULL && strncmp(a, b, n) == 0 &&
	    strcmp(la, lb) == 0;
}

/* Whether a name (in lower case) names someone already: in the
 * gazetteer, or among the people this article proposed before it, by
 * name, surname or initials ("N. Sadykov" and "Nurbol Sadykov", either
 * first). */
static int
people_known(struct db *db, const struct people_list *l, const char *norm,
    int initials, struct err *e)
{
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->p[i].norm, norm) == 0 || (l->p[i].surname_norm != NULL &&
		    strcmp(l->p[i].surname_norm, norm) == 0) || ((initials ||
		    strchr(l->p[i].norm, '.') != NULL) &&
		    people_same_initial(l->p[i].norm, norm)))
			return 1;
	if ((st = db_stmt(db, people_sql_known, e)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	return db_step_exists(db, st, "look up a name", e);
}

/* The one person of the gazetteer whose name has NORM's first letter and
 * last word ("n. p. patrushev": Nikolai Patrushev), or 0. */
static long long
people_by_initials(struct db *db, const char *norm, struct err *e)
{
	const char *last = strrchr(norm, ' ');
	sqlite3_stmt *st;
	char *pat, *q;
	unsigned long cp;
	long long id = 0;
	size_t n;
	int rc, rows = 0;

	if (last == NULL || (st = db_stmt(db, people_sql_initials, e)) == NULL)
		return last == NULL ? 0 : -1;
	pat = xmalloc(2 * strlen(last) + 8);
	q = pat;
	/* The first letter, all of its bytes. */
	for (n = people_cp(norm, strlen(norm), 0, &cp); n > 0; n--)
		*q++ = *norm++;
	*q++ = '%';
	for (; *last != '\0'; last++) {
		if (*last == '%' || *last == '_' || *last == '!')
			*q++ = '!';
		*q++ = *last;
	}
	*q = '\0';
	sqlite3_bind_text(st, 1, pat, -1, SQLITE_TRANSIENT);
	free(pat);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		rows++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		err_set(e, "look up initials: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	return rows == 1 ? id : 0;
}

/* The last word of the name as a second alias, unless it names someone
 * else already ("Mukambetov" finds Ruslan Mukambetov). */
static int
people_surname(struct db *db, struct people_list *l, struct people_found *p,
    struct err *e)
{
	const char *last = strrchr(p->name, ' ');
	char *norm;
	int known;

	if (last == NULL || strlen(last + 1) < 3)
		return 0;
	norm = util_ascii_lower(last + 1);
	if ((known = people_known(db, l, norm, 0, e)) != 0) {
		free(norm);
		return known < 0 ? -1 : 0;
	}
	p->surname = xstrdup(last + 1);
	p->surname_norm = norm;
	return 0;
}

/* The Latin letters of the small Cyrillic letter CP (а..я, ё), in the
 * transliteration English news uses ("Болат Нургалиев" is "Bolat
 * Nurgaliev"); NULL for any other letter. */
static const char *
people_ru_latin_letter(unsigned long cp)
{
	static const char *const tr[] = {
		"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l",
		"m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch",
		"sh", "shch", "", "y", "", "e", "yu", "ya",
	};

	if (cp >= 0x410 && cp <= 0x42f)
		cp += 0x20;
	if (cp == 0x401 || cp == 0x451)
		return "e";
	return cp >= 0x430 && cp <= 0x44f ? tr[cp - 0x430] : NULL;
}

/* NAME (in Cyrillic, with spaces, full stops and hyphens) in Latin
 * letters, in lower case as alias.norm is: a new string, or NULL when
 * NAME has a letter of no other alphabet. With YE, "е" after a vowel or
 * a soft sign is "ye" ("Сысоев" is "Sysoyev", not "Sysoev"). */
static char *
people_ru_latin(const char *name, int ye)
{
	struct buf b;
	size_t i = 0, len = strlen(name), n;
	unsigned long cp, prev = ' ';
	const char *t;
	int cyrillic = 0;

	buf_init(&b);
	while (i < len) {
		n = people_cp(name, len, i, &cp);
		if (cp == ' ' || cp == '.' || cp == '-')
			t = cp == ' ' ? " " : cp == '.' ? "." : "-";
		else if ((t = people_ru_latin_letter(cp)) == NULL) {
			buf_free(&b);
			return NULL;
		} else {
			cyrillic = 1;
			if (ye && (cp | 0x20) == 0x435 && strchr("aeiouy",
			    people_ru_latin_letter(prev) != NULL ?
			    people_ru_latin_letter(prev)[0] : 'x') != NULL)
				t = "ye";
		}
		buf_add(&b, t, strlen(t));
		prev = cp;
		i += n;
	}
	if (!cyrillic) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* The one person of the gazetteer a Russian name names in Latin letters
 * ("Болат Нургалиев": Bolat Nurgaliyev, written "Bolat Nurgaliev"), or
 * 0. */
static long long
people_by_latin(struct db *db, const char *name, struct err *e)
{
	sqlite3_stmt *st;
	long long id = 0;
	int ye, rc, rows;
	char *latin;

	for (ye = 0; ye < 2 && id == 0; ye++) {
		if ((latin = people_ru_latin(name, ye)) == NULL)
			return 0;
		if ((st = db_stmt(db, people_sql_latin, e)) == NULL) {
			free(latin);
			return -1;
		}
		sqlite3_bind_text(st, 1, latin, -1, SQLITE_TRANSIENT);
		free(latin);
		for (rows = 0; (rc = sqlite3_step(st)) == SQLITE_ROW; rows++)
			id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			err_set(e, "look up a name: %s", sqlite3_errmsg(db->h));
			return -1;
		}
		if (rows != 1)
			id = 0;
	}
	return id;
}

/* What people_add is given: the name as it will be kept, the title as
 * written, the state and where the name stands. */
struct people_cand {
	const char *name;
	const char *title;
	size_t title_len;
	long long state;
	size_t start, end;
	int initials;
};

static int
people_add(struct db *db, struct people_list *l, const struct people_cand *k,
    struct err *e)
{
	char *norm = util_ascii_lower(k->name);
	struct people_found p = {
		.norm = norm, .state = k->state,
		.start = (long long)k->start, .end = (long long)k->end,
	};
	int known = people_known(db, l, norm, k->initials, e);

	if (known == 0 && k->initials && (p.known = people_by_initials(db, norm,
	    e)) < 0)
		known = -1;
	/* A Russian spelling of someone the gazetteer knows in English. */
	if (known == 0 && p.known == 0 && (p.known = people_by_latin(db,
	    k->name, e)) < 0)
		known = -1;
	if (known != 0) {
		free(norm);
		return known < 0 ? -1 : 0;
	}
	p.name = xstrdup(k->name);
	p.title = xstrndup(k->title, k->title_len);
	if (p.known == 0 && people_surname(db, l, &p, e) != 0) {
		people_found_free(&p, 1);
		return -1;
	}
	l->p = xgrow(l->p, l->n, &l->cap, sizeof *l->p);
	l->p[l->n++] = p;
	return 1;
}

void
people_found_free(struct people_found *p, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].norm);
		free(p[i].title);
		free(p[i].surname);
		free(p[i].surname_norm);
	}
}

/* The name as kept: initials each with a full stop and a space ("N.P.
 * Patrushev" is "N. P. Patrushev"), else as written. */
static char *
people_canonical(const char *s, const struct people_name *nm)
{
	struct buf b;
	size_t i;

	if (!nm->initials)
		return xstrndup(s + nm->start, nm->end - nm->start);
	buf_init(&b);
	for (i = nm->start; i < nm->end; i++) {
		if (s[i] == ' ')
			continue;
		buf_add(&b, s + i, 1);
		if (s[i] == '.')
			buf_add(&b, " ", 1);
		else if (i + 1 < nm->end && s[i + 1] == ' ')
			buf_add(&b, " ", 1);
	}
	return buf_steal(&b);
}

/* --- English: "Secretary of the Security Council of the Kyrgyz Republic
 * Marat Imankulov" ----------------------------------------------------- */

/* The name after a title or its object at P: ranks skipped ("Defence
 * Minister General X"), then a space and the name. */
static int
people_name_after(const struct people_scan *c, size_t p, struct people_name *nm)
{
	size_t k, rl;

	for (k = 0; k < sizeof people_ranks / sizeof *people_ranks; k++) {
		rl = strlen(people_ranks[k]);
		if (p + rl + 2 < c->len && c->s[p] == ' ' &&
		    strncmp(c->s + p + 1, people_ranks[k], rl) == 0 &&
		    c->s[p + 1 + rl] == ' ') {
			p += 1 + rl;
			k = (size_t)-1;
		}
	}
	return p + 1 < c->len && c->s[p] == ' ' &&
	    people_name_at(c->s, c->len, p + 1, nm);
}

/* The object of a title at P, the space after it: " of the Security
 * Council of the Kyrgyz Republic". Its words (capitalised ones, mentions,
 * the links of people_links) are read, and where each could end (a
 * mention, an acronym, a noun of people_heads) kept in ENDS: the name
 * follows one of them. Returns how many. */
static int
people_object(const struct people_scan *c, size_t p, size_t *ends, int max)
{
	const struct mention_row *r;
	struct people_word w;
	size_t q = p;
	int items = 0, n = 0;

	if (!(p + 5 <= c->len && (strncmp(c->s + p, " of ", 4) == 0 ||
	    strncmp(c->s + p, " for ", 5) == 0)))
		return 0;
	while (items++ < 24 && n < max && q < c->len && c->s[q] == ' ') {
		q++;
		if ((r = people_mention_at(c, q)) != NULL) {
			if (strcmp(r->kind, "person") == 0)
				break;
			q = ends[n++] = (size_t)r->end;
			continue;
		}
		if (!people_word_at(c->s, c->len, q, &w))
			break;
		if (w.upper && (w.caps || PEOPLE_IN(c->s + q, w.end - q, people_heads)))
			ends[n++] = w.end;
		else if (!w.upper && !PEOPLE_IN(c->s + q, w.end - q, people_links))
			break;
		q = w.end;
	}
	return n;
}

/* The longest title of people_titles at P (after its modifiers), or -1. */
static int
people_title_match(const struct people_scan *c, size_t *p)
{
	size_t k, tl, best = 0;
	int which = -1;

	for (k = 0; k < sizeof people_modifiers / sizeof *people_modifiers; k++) {
		tl = strlen(people_modifiers[k]);
		if (*p + tl < c->len && strncmp(c->s + *p, people_modifiers[k], tl) == 0) {
			*p += tl;
			k = (size_t)-1;
		}
	}
	for (k = 0; k < sizeof people_titles / sizeof *people_titles; k++) {
		tl = strlen(people_titles[k].text);
		if (tl > best && *p + tl + 1 < c->len && c->s[*p + tl] == ' ' &&
		    strncmp(c->s + *p, people_titles[k].text, tl) == 0) {
			best = tl;
			which = (int)k;
		}
	}
	*p += best;
	return which;
}

/* The state of a person from the title alone: named in it ("of the
 * Kyrgyz Republic"), right before it ("Chinese", "India's") or before
 * the title it is joined to by "and", or right after the name ("President K. Bakiev of the Kyrgyz Republic"); never a
 * state named elsewhere in the sentence. */
static long long
people_title_state(const struct people_scan *c, size_t title, size_t title_end,
    size_t name_end)
{
	long long s;

	if ((s = people_state_in(c, title, title_end)) != 0 ||
	    (s = people_state_before(c, title)) != 0 ||
	    (s = people_state_chain(c, title)) != 0)
		return s;
	return people_state_after(c, name_end);
}

static int
people_propose(struct db *db, struct people_list *l, const char *s,
    const struct people_name *nm, const char *title, size_t title_len,
    long long state, struct err *e)
{
	char *name = people_canonical(s, nm);
	struct people_cand k = { name, title, title_len, state, nm->start,
	    nm->end, nm->initials };
	int rc = people_add(db, l, &k, e);

	free(name);
	return rc < 0 ? -1 : 0;
}

/* A title at I, followed by a name nobody knows: proposed. Returns how
 * far the title reaches (0 when none starts at I), or -1. */
static long
people_en_at(struct db *db, struct people_scan *c, struct people_list *l,
    size_t i, struct err *e)
{
	struct people_name nm;
	size_t p = i, q = 0, ends[8];
	long long state;
	int which = people_title_match(c, &p), n, h;

	if (which < 0)
		return 0;
	n = people_object(c, p, ends, 8);
	/* The last end of the object that a name follows: "... Council
	 * Nikolai Patrushev and the Russian Federation" ends at Council. */
	for (h = n - 1; h >= -1; h--) {
		q = h >= 0 ? ends[h] : p;
		if ((h >= 0 || !people_titles[which].needs_object) &&
		    people_name_after(c, q, &nm))
			break;
	}
	if (h < -1 || people_known_span(c, nm.start, nm.end) ||
	    people_headline(c, i, nm.end))
		return (long)(p - i);
	state = people_title_state(c, i, q, nm.end);
	if (people_titles[which].text[0] == 'c' && people_state_before(c, i) == 0)
		return (long)(p - i);
	if (people_propose(db, l, c->s, &nm, c->s + i, q - i, state, e) != 0)
		return -1;
	return (long)(q - i);
}

/* --- Russian: "секретарь Совета безопасности России Николай Патрушев" */

/* The case of a Russian title, which its name takes too. */
enum people_ru_case { PEOPLE_NOM, PEOPLE_GEN, PEOPLE_INS };

/* Titles as they stand before a name: in the nominative, the genitive
 * ("встреча секретаря Совбеза Николая Патрушева") or the instrumental
 * ("с министром обороны Сергеем Шойгу"), the name in the same case. */
static const struct people_ru_title {
	const char *form;
	enum people_ru_case gram;
} people_ru_titles[] = {
	{ "секретарь", PEOPLE_NOM }, { "секретаря", PEOPLE_GEN },
	{ "секретарем", PEOPLE_INS }, { "секретарём", PEOPLE_INS },
	{ "министр", PEOPLE_NOM }, { "министра", PEOPLE_GEN },
	{ "министром", PEOPLE_INS }, { "замминистра", PEOPLE_NOM },
	{ "глава", PEOPLE_NOM }, { "главы", PEOPLE_GEN },
	{ "главой", PEOPLE_INS }, { "президент", PEOPLE_NOM },
	{ "президента", PEOPLE_GEN }, { "президентом", PEOPLE_INS },
	{ "председатель", PEOPLE_NOM }, { "председателя", PEOPLE_GEN },
	{ "председателем", PEOPLE_INS }, { "директор", PEOPLE_NOM },
	{ "директора", PEOPLE_GEN }, { "директором", PEOPLE_INS },
	{ "начальник", PEOPLE_NOM }, { "начальника", PEOPLE_GEN },
	{ "начальником", PEOPLE_INS }, { "заместитель", PEOPLE_NOM },
	{ "заместителя", PEOPLE_GEN }, { "заместителем", PEOPLE_INS },
	{ "помощник", PEOPLE_NOM }, { "помощника", PEOPLE_GEN },
	{ "помощником", PEOPLE_INS }, { "советник", PEOPLE_NOM },
	{ "советника", PEOPLE_GEN }, { "советником", PEOPLE_INS },
	{ "представитель", PEOPLE_NOM }, { "представителя", PEOPLE_GEN },
	{ "представителем", PEOPLE_INS }, { "член", PEOPLE_NOM },
	{ "члена", PEOPLE_GEN }, { "членом", PEOPLE_INS },
	{ "премьер-министр", PEOPLE_NOM }, { "премьер-министра", PEOPLE_GEN },
	{ "премьер-министром", PEOPLE_INS }, { "генсек", PEOPLE_NOM },
	{ "генсека", PEOPLE_GEN }, { "генсекретарь", PEOPLE_NOM },
	{ "генсекретаря", PEOPLE_GEN }, { "посол", PEOPLE_NOM },
	{ "посла", PEOPLE_GEN }, { "послом", PEOPLE_INS },
	{ "командующий", PEOPLE_NOM }, { "командующего", PEOPLE_GEN },
	{ "командующим", PEOPLE_INS },
};

/* The title the word W is (its first letter in either case), or -1. */
static int
people_ru_title(const char *s, const struct people_word *w)
{
	char low[64];
	unsigned long cp;
	size_t n = people_cp(s, w->end, w->start, &cp), k;

	if (w->end - w->start >= sizeof low || n != 2)
		return -1;
	if (cp >= 0x410 && cp <= 0x42f)
		cp += 0x20;
	else if (cp == 0x401)
		cp = 0x451;
	low[0] = (char)(0xc0 | (cp >> 6));
	low[1] = (char)(0x80 | (cp & 0x3f));
	memcpy(low + 2, s + w->start + 2, w->end - w->start - 2);
	low[w->end - w->start] = '\0';
	for (k = 0; k < sizeof people_ru_titles / sizeof *people_ru_titles; k++)
		if (strcmp(low, people_ru_titles[k].form) == 0)
			return (int)k;
	return -1;
}

static int
people_ends(const char *s, const struct people_word *w, const char *tail)
{
	size_t tl = strlen(tail);

	return w->end - w->start > tl && strncmp(s + w->end - tl, tail, tl) == 0;
}

/* A patronymic: "Платонович", "Платоновича". */
static int
people_ru_patronymic(const char *s, const struct people_word *w)
{
	return people_ends(s, w, "вич") || people_ends(s, w, "вича") ||
	    people_ends(s, w, "ьич") || people_ends(s, w, "ича") ||
	    people_ends(s, w, "вна") || people_ends(s, w, "вны");
}

/* Words that end like the genitive of a place, not like a given name:
 * "России", "Федерации", "Казахстана". */
static int
people_ru_place(const char *s, const struct people_word *w)
{
	return people_ends(s, w, "ии") || people_ends(s, w, "стана") ||
	    people_ends(s, w, "Китая");
}

/* The name after a Russian title, from P: the title's object is read
 * (lower-case words, acronyms, capitalised words of institutions and
 * mentions) up to the first run of two or more capitalised words; the
 * name is its last two, or three with a patronymic or all in the
 * instrumental. */
static int
people_ru_name(const struct people_scan *c, size_t p, enum people_ru_case gram,
    struct people_name *nm)
{
	const struct mention_row *r;
	struct people_word w, run[8];
	int nrun = 0, words = 0, k;

	while (words++ < 10 && p < c->len && c->s[p] == ' ') {
		p++;
		if ((r = people_mention_at(c, p)) != NULL) {
			if (strcmp(r->kind, "person") == 0 || nrun >= 2)
				break;
			nrun = 0;
			p = (size_t)r->end;
			continue;
		}
		if (!people_word_at(c->s, c->len, p, &w) ||
		    (nrun < 2 && people_ru_title(c->s, &w) >= 0))
			break;
		/* "Д.Ф.Мезенцев" is a name in itself. */
		if (w.glued && nrun < 2) {
			nm->start = w.start;
			nm->end = w.end;
			nm->words = 1;
			nm->initials = 1;
			return 1;
		}
		if (w.upper && !w.caps && !w.initial && !w.glued) {
			if (nrun < 8)
				run[nrun++] = w;
		} else if (nrun >= 2)
			break;
		else
			nrun = 0;
		p = w.end;
	}
	if (nrun < 2)
		return 0;
	k = nrun >= 3 && people_ru_patronymic(c->s, &run[nrun - 2]) ? 3 : 2;
	/* Three names in the instrumental are one person's: a state there
	 * would be in the genitive ("министром ... Мобашаром Джавадом
	 * Акбаром"). */
	if (k == 2 && nrun >= 3 && gram == PEOPLE_INS &&
	    (people_ends(c->s, &run[nrun - 3], "ом") ||
	    people_ends(c->s, &run[nrun - 3], "ем") ||
	    people_ends(c->s, &run[nrun - 3], "ым")))
		k = 3;
	if (people_ru_place(c->s, &run[nrun - k]))
		return 0;
	nm->start = run[nrun - k].start;
	nm->end = run[nrun - 1].end;
	nm->words = k;
	nm->initials = 0;
	return 1;
}

static int
people_ru_vowel(unsigned long cp)
{
	static const unsigned long v[] = { 0x430, 0x435, 0x451, 0x438, 0x43e,
	    0x443, 0x44b, 0x44d, 0x44e, 0x44f };
	size_t i;

	for (i = 0; i < sizeof v / sizeof *v; i++)
		if (cp == v[i])
			return 1;
	return 0;
}

/* The last code point of [START, END) before BACK bytes from the end. */
static unsigned long
people_ru_at_end(const char *s, size_t start, size_t end, size_t back)
{
	unsigned long cp = 0;

	if (end - start >= back + 2)
		people_cp(s, end, end - back - 2, &cp);
	return cp;
}

/* A word of a name in the genitive, in the nominative: "Николая" is
 * "Николай", "Дмитрия" "Дмитрий", "Игоря" "Игорь", "Патрушева"
 * "Патрушев"; other endings are kept. */
static void
people_ru_from_gen(struct buf *b, const char *s, size_t start, size_t end)
{
	unsigned long last = people_ru_at_end(s, start, end, 0);
	unsigned long before = people_ru_at_end(s, start, end, 2);
	size_t n = end - start;

	if (last == 0x44f && (before == 0x430 || before == 0x435 ||
	    before == 0x438)) {
		buf_add(b, s + start, n - 2);
		buf_adds(b, "й");
	} else if (last == 0x44f && before >= 0x430 && !people_ru_vowel(before)) {
		buf_add(b, s + start, n - 2);
		buf_adds(b, "ь");
	} else if (last == 0x430 && before >= 0x430 && !people_ru_vowel(before))
		buf_add(b, s + start, n - 2);
	else
		buf_add(b, s + start, n);
}

/* The same from the instrumental: "Сергеем" is "Сергей", "Дмитрием"
 * "Дмитрий", "Игорем" "Игорь", "Раджиндером" "Раджиндер", "Шойгу"
 * "Шойгу", "Патрушевым" "Патрушев". */
static void
people_ru_from_ins(struct buf *b, const char *s, size_t start, size_t end)
{
	unsigned long last = people_ru_at_end(s, start, end, 0);
	unsigned long before = people_ru_at_end(s, start, end, 2);
	unsigned long third = people_ru_at_end(s, start, end, 4);
	size_t n = end - start;

	if (last == 0x43c && before == 0x435 && people_ru_vowel(third) &&
	    n > 6) {
		buf_add(b, s + start, n - 4);
		buf_adds(b, "й");
	} else if (last == 0x43c && before == 0x435 && third >= 0x430 && n > 6) {
		buf_add(b, s + start, n - 4);
		buf_adds(b, "ь");
	} else if (last == 0x43c && (before == 0x43e || before == 0x44b) &&
	    third >= 0x430 && !people_ru_vowel(third) && n > 6)
		buf_add(b, s + start, n - 4);
	else
		buf_add(b, s + start, n);
}

static char *
people_ru_canonical(const char *s, const struct people_name *nm,
    enum people_ru_case gram)
{
	struct buf b;
	struct people_word w;
	size_t i = nm->start;

	if (gram == PEOPLE_NOM)
		return xstrndup(s + nm->start, nm->end - nm->start);
	buf_init(&b);
	while (i < nm->end && people_word_at(s, nm->end, i, &w)) {
		if (b.len > 0)
			buf_addc(&b, ' ');
		if (gram == PEOPLE_GEN)
			people_ru_from_gen(&b, s, w.start, w.end);
		else
			people_ru_from_ins(&b, s, w.start, w.end);
		i = w.end + 1;
	}
	return buf_steal(&b);
}

static long
people_ru_at(struct db *db, struct people_scan *c, struct people_list *l,
    size_t i, struct err *e)
{
	struct people_word w;
	struct people_name nm;
	struct people_cand k;
	char *name;
	int t, rc;

	if (!people_word_at(c->s, c->len, i, &w) ||
	    (t = people_ru_title(c->s, &w)) < 0)
		return 0;
	if (!people_ru_name(c, w.end, people_ru_titles[t].gram, &nm) ||
	    people_known_span(c, nm.start, nm.end))
		return (long)(w.end - i);
	name = nm.initials ? people_canonical(c->s, &nm) :
	    people_ru_canonical(c->s, &nm, people_ru_titles[t].gram);
	k = (struct people_cand){ name, c->s + i, nm.start - 1 - i,
	    people_title_state(c, i, nm.start, nm.end), nm.start, nm.end,
	    nm.initials };
	rc = people_add(db, l, &k, e);
	free(name);
	return rc < 0 ? -1 : (long)(w.end - i);
}

/* --- Chinese: "国防部长魏凤和", "公安部部长赵克志" ----------------------- */

static const char *const people_zh_titles[] = {
	"外交部长", "外长", "国防部长", "防长", "公安部长", "部长",
	"副秘书长", "秘书长", "秘书", "副主席", "主席", "副总统", "总统",
	"副总理", "总理", "书记", "主任", "司令员", "司令", "总参谋长",
	"参谋长", "大使", "特使", "顾问", "局长", "院长", "国务委员",
	/* The same in traditional characters. */
	"外交部長", "外長", "國防部長", "防長", "公安部長", "部長",
	"副秘書長", "秘書長", "秘書", "副總統", "總統", "副總理", "總理",
	"書記", "司令員", "總參謀長", "參謀長", "顧問", "局長", "國務委員",
};

/* The common one-character surnames: a Chinese name after a title starts
 * with one. */
static const char people_zh_surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
	"肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏"
	"韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
	"莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿"
	"关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
	"骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
	"车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
	"卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
	/* Those written otherwise in traditional characters. */
	"陳劉張楊黃趙吳孫馬鄭羅謝許韓馮鄧蕭葉蔣蘇呂盧鍾譚陸賈韋鄒閆龍陶賀顧"
	"龔錢嚴湯葛齊喬龐顏聶魯殷歐關蘭柳紀單裴塗駱藍靳鮑華饒車項連婁竇戚"
	"宮費衛臧閔鄔邊師欒隋榮甄叢鞏遲鄺";

/* Characters that follow a name rather than end it: verbs and particles
 * ("王毅表示", "王毅在"). */
static const char people_zh_stops[] =
	"表说在于与和同会出指称等率参发致对向将也的就是为到今昨当抵从已还"
	"并及以宣答谈回共见讲提认则呼看听接后前此均亦主应访各们"
	"說與會發對將為當從還並談見講認則聽後們應訪";

/* Characters of foreign names written in Chinese, not of Chinese given
 * names ("叶尔梅克巴耶夫"): a name holding one is not read as Chinese. */
static const char people_zh_foreign[] =
	"尔斯夫娃姆特诺耶赫阿瓦穆纳卡萨奇";

/* Conjunctions that may also end a given name ("魏凤和"). */
static const char people_zh_joins[] = "和与同與";

/* Whether the character at I (Han) is in SET. */
static int
people_zh_in(const struct people_scan *c, size_t i, const char *set)
{
	char ch[5];
	unsigned long cp;
	size_t n = people_cp(c->s, c->len, i, &cp);

	if (!people_han(cp) || n > 4)
		return 0;
	memcpy(ch, c->s + i, n);
	ch[n] = '\0';
	return strstr(set, ch) != NULL;
}

static int
people_zh_han(const struct people_scan *c, size_t i)
{
	unsigned long cp;

	people_cp(c->s, c->len, i, &cp);
	return people_han(cp);
}

/* Whether a name may end at P: what follows is no Han character, or
 * a verb or particle. */
static int
people_zh_ends(const struct people_scan *c, size_t p)
{
	return p >= c->len || !people_zh_han(c, p) ||
	    people_zh_in(c, p, people_zh_stops);
}

/* A Chinese name at P: a surname and one or two characters, followed by
 * a verb, a particle or no Han character ("王毅表示", "魏凤和与"), none of
 * them a character of foreign names. Three characters when they can be. */
static int
people_zh_name(const struct people_scan *c, size_t p, struct people_name *nm)
{
	size_t g1 = p + 3, g2 = p + 6;

	if (g2 > c->len || !people_zh_in(c, p, people_zh_surnames) ||
	    !people_zh_han(c, g1) || people_zh_in(c, g1, people_zh_stops) ||
	    people_zh_in(c, g1, people_zh_foreign))
		return 0;
	nm->start = p;
	nm->words = 1;
	nm->initials = 0;
	if (g2 + 3 <= c->len && people_zh_han(c, g2) &&
	    !people_zh_in(c, g2, people_zh_foreign) &&
	    (!people_zh_in(c, g2, people_zh_stops) ||
	    people_zh_in(c, g2, people_zh_joins)) && people_zh_ends(c, g2 + 3)) {
		nm->end = g2 + 3;
		return 1;
	}
	nm->end = g2;
	return people_zh_ends(c, g2);
}

/* The state of a Chinese title: a state named in the clause just before
 * it ("中国国务委员兼外长"), else China: a Chinese name after a title of
 * the Chinese press unmarked is a Chinese official. */
static long long
people_zh_state(struct db *db, struct people_scan *c, size_t title,
    struct err *e)
{
	int j = people_first_from(c, title) - 1;
	size_t k;
	sqlite3_stmt *st;

	for (; j >= 0 && (size_t)c->m[j].end + 24 >= title; j--) {
		if ((size_t)c->m[j].end > title || strcmp(c->m[j].kind, "state") != 0)
			continue;
		for (k = (size_t)c->m[j].end; k < title; k++)
			if (!((unsigned char)c->s[k] & 0x80) ||
			    strncmp(c->s + k, "，", 3) == 0 || strncmp(c->s + k, "。", 3) == 0 ||
			    strncmp(c->s + k, "、", 3) == 0)
				return 0;
		return c->m[j].entity_id;
	}
	if (c->china != 0)
		return c->china;
	if ((st = db_stmt(db, "SELECT id FROM entity WHERE kind = 'state' AND"
	    " name = 'China'", e)) == NULL)
		return -1;
	c->china = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -2;
	sqlite3_reset(st);
	return c->china;
}

static long
people_zh_at(struct db *db, struct people_scan *c, struct people_list *l,
    size_t i, struct err *e)
{
	struct people_name nm;
	struct people_cand k;
	size_t t, tl, best = 0;
	long long state;
	char *name;
	int rc;

	for (t = 0; t < sizeof people_zh_titles / sizeof *people_zh_titles; t++) {
		tl = strlen(people_zh_titles[t]);
		if (tl > best && i + tl <= c->len &&
		    strncmp(c->s + i, people_zh_titles[t], tl) == 0)
			best = tl;
	}
	if (best == 0)
		return 0;
	if (!people_zh_name(c, i + best, &nm) ||
	    people_known_span(c, nm.start, nm.end))
		return (long)best;
	if ((state = people_zh_state(db, c, i, e)) == -1)
		return -1;
	name = xstrndup(c->s + nm.start, nm.end - nm.start);
	k = (struct people_cand){ name, c->s + i, best, state > 0 ? state : 0,
	    nm.start, nm.end, 0 };
	rc = people_add(db, l, &k, e);
	free(name);
	return rc < 0 ? -1 : (long)best;
}

/* --- the article -------------------------------------------------------- */

/* A title starting at I in any of the three languages: how far it
 * reaches, 0 when none starts there, or -1. */
static long
people_title_at(struct db *db, struct people_scan *c, struct people_list *l,
    size_t i, struct err *e)
{
	unsigned long cp;

	people_cp(c->s, c->len, i, &cp);
	/* Chinese has no spaces; the other titles start a word. */
	if (people_han(cp))
		return people_zh_at(db, c, l, i, e);
	if (!people_letter(cp) || people_after_letter(c->s, c->len, i))
		return 0;
	if (cp >= 'A' && cp <= 'Z')
		return people_en_at(db, c, l, i, e);
	if (cp == 'c')
		return people_en_at(db, c, l, i, e);
	if (cp >= 0x400 && cp <= 0x4ff)
		return people_ru_at(db, c, l, i, e);
	return 0;
}

int
people_find(struct db *db, const char *body, size_t len,
    const struct mention_row *m, int n, struct people_found **out,
    struct err *e)
{
	struct people_list l = { NULL, 0, 0 };
	struct people_scan c;
	unsigned long cp;
	long tl = 0;
	size_t i;

	*out = NULL;
	memset(&c, 0, sizeof c);
	c.s = body;
	c.len = len;
	c.m = m;
	c.n = n;
	for (i = 0; i < len && tl >= 0; ) {
		if ((unsigned char)body[i] < 0x80 && body[i] != 'c' &&
		    !(body[i] >= 'A' && body[i] <= 'Z')) {
			i++;
			continue;
		}
		tl = people_title_at(db, &c, &l, i, e);
		i += tl > 0 ? (size_t)tl : people_cp(body, len, i, &cp);
	}
	if (tl < 0) {
		people_found_free(l.p, l.n);
		free(l.p);
		return -1;
	}
	*out = l.p;
	return l.n;
}
