/* SPDX-License-Identifier: ISC */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "import/import.h"
#include "import/rows.h"
#include "scotl/article.h"
#include "scotl/charset.h"
#include "scotl/chrome.h"
#include "scotl/date.h"
#include "scotl/extract.h"
#include "scotl/feed.h"
#include "scotl/headline.h"
#include "scotl/importer.h"
#include "scotl/mention.h"
#include "scotl/people.h"
#include "scotl/sha256.h"
#include "scotl/text.h"

/* Below this share of printable bytes a file is not text. */
#define IMPORT_MIN_TEXT_SHARE 0.85
/* A detected charset below this confidence gets a warning. */
#define IMPORT_SURE 15

static int
import_reject(struct import_outcome *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int
import_reject(struct import_outcome *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out->reason, sizeof out->reason, fmt, ap);
	va_end(ap);
	out->status = IMPORT_REJECTED;
	return 0;
}

static void
import_warn(struct import_outcome *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
import_warn(struct import_outcome *out, const char *fmt, ...)
{
	size_t used = strlen(out->warning);
	va_list ap;

	if (used > 0 && used + 2 < sizeof out->warning) {
		memcpy(out->warning + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(out->warning + used, sizeof out->warning - used, fmt, ap);
	va_end(ap);
}

/* Binary: NUL bytes (UTF-16 aside), or too few printable bytes. */
static int
import_is_binary(const char *s, size_t len)
{
	size_t i, text = 0;

	if (len >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 || memcmp(s, "\xfe\xff", 2) == 0))
		return 0;
	if (memchr(s, '\0', len) != NULL)
		return 1;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t')
			text++;
	}
	return len > 0 && (double)text / (double)len < IMPORT_MIN_TEXT_SHARE;
}

static int
import_check_text(const struct buf *raw, struct import_outcome *out)
{
	if (raw->len == 0)
		return import_reject(out, "empty file");
	if (import_is_binary(raw->data, raw->len))
		return import_reject(out, "binary file (NUL bytes or mostly not text)");
	return 1;
}

/* Counts the bytes read, whatever the file says of its size: /proc files
 * say 0 and give more (/proc/self/pagemap gives the address space), a
 * file may grow while it is read, a pipe has no size. Reading stops
 * within a chunk (64 KiB) past the limit. */
static int
import_read_fd(int fd, const struct import_options *o, struct buf *raw,
    struct import_outcome *out)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return import_reject(out, "cannot read: %s", strerror(errno));
	if (S_ISREG(st.st_mode) && st.st_size > o->max_size) {
		out->bytes = (long long)st.st_size;
		return import_reject(out, "%lld bytes, over the limit of %lld "
		    "(--max-size)", (long long)st.st_size, o->max_size);
	}
	if (util_read_fd(fd, (size_t)o->max_size, raw) != 0)
		return import_reject(out, "cannot read: %s", strerror(errno));
	out->bytes = (long long)raw->len;
	if (out->bytes > o->max_size)
		return import_reject(out, "more than %lld bytes, over the "
		    "limit of %lld (--max-size)", o->max_size, o->max_size);
	return import_check_text(raw, out);
}

/* The title (first non-empty line) and the rest; or, where that line is
 * the lead paragraph (headline_is_title), a title made from its first
 * sentence and the whole text: 1 then, 0 when the title was found. The
 * text of a page (PAGE) never holds its own title, which a page gives in
 * its markup: a line alone there is the article, not a title. */
static int
import_split_title(const char *text, int page, char **title,
    const char **body)
{
	const char *p = text, *nl, *q;

	while (*p == '\n' || *p == ' ' || *p == '\t')
		p++;
	nl = strchr(p, '\n');
	for (q = nl; page && q != NULL && (*q == '\n' || *q == ' ' ||
	    *q == '\t'); q++)
		;
	if (!headline_is_title(p, nl ? (size_t)(nl - p) : strlen(p)) ||
	    (page && *p != '\0' && (q == NULL || *q == '\0'))) {
		*title = headline_make(p);
		*body = p;
		return 1;
	}
	*title = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
	*body = nl ? nl + 1 : p + strlen(p);
	return 0;
}

struct import_doc {
	struct text_header h;
	char *title;
	char *body;
	char *published;
	int title_made;         /* made from the first sentence */
	char *page_date;        /* the day a saved page gives, YYYY-MM-DD */
	char hash[65];          /* of the body, computed once */
};

static void
import_doc_free(struct import_doc *d)
{
	text_header_free(&d->h);
	free(d->title);
	free(d->body);
	free(d->published);
	free(d->page_date);
}

/* What a file says of itself (its header block, its <title>) is text
 * from the data like its body, and is sanitised the same way: a title
 * may hide ESC sequences or bidi controls. */
static char *
import_clean(const char *s)
{
	struct buf b;

	buf_init(&b);
	text_sanitise(s, strlen(s), &b);
	return buf_steal(&b);
}

static void
import_clean_in_place(char **s)
{
	char *clean;

	if (*s == NULL)
		return;
	clean = import_clean(*s);
	free(*s);
	*s = clean;
}

/* The bytes as UTF-8, read as FORCED (--charset), else as charset_to_utf8
 * decides from a byte-order mark, DECLARED (may be NULL), valid UTF-8
 * or the detectors; what was done is said in OUT. */
static int
import_decode(const char *raw, size_t len, const char *forced,
    const char *declared, struct buf *utf8, struct import_outcome *out)
{
	struct charset_report rep;
	struct err e;

	if (charset_to_utf8(raw, len, forced, declared, utf8, &rep, &e) != 0)
		return import_reject(out, "%s", e.msg);
	snprintf(out->charset, sizeof out->charset, "%s", rep.charset);
	out->how = rep.how;
	out->confidence = rep.confidence;
	out->invalid = rep.invalid;
	if (rep.invalid > 0)
		import_warn(out, "%ld invalid sequences in %s shown as U+FFFD",
		    rep.invalid, rep.charset);
	if (rep.declared[0])
		import_warn(out, "declares %s but is valid UTF-8: read as UTF-8",
		    rep.declared);
	if (strcmp(rep.how, "detected") == 0 && rep.confidence < 0)
		import_warn(out, "charset not declared: read as %s (%s's guess)",
		    rep.charset, rep.detector);
	else if (strcmp(rep.how, "detected") == 0)
		import_warn(out, "charset not declared: read as %s (%s, %s, "
		    "confidence %d%%)", rep.charset, rep.detector,
		    rep.confidence < IMPORT_SURE ? "unsure" : "sure",
		    rep.confidence);
	return 1;
}

/* What a saved page says of itself goes where a text file's header
 * block would put it (an HTML file has none); its title to *TITLE. */
static void
import_page(struct text_page *page, struct import_doc *doc, char **title)
{
	*title = page->title;
	doc->page_date = page->published;
	doc->h.source = page->source;
	doc->h.url = page->url;
	doc->h.author = page->author;
	page->title = page->published = page->source = page->url =
	    page->author = NULL;
	import_clean_in_place(&doc->h.source);
	import_clean_in_place(&doc->h.url);
	import_clean_in_place(&doc->h.author);
	text_page_free(page);
}

/* The text of UTF8 into CLEAN: a page's (what it says of itself to DOC,
 * its title to *TITLE) or a text file's, sanitised. */
static void
import_reduce(const struct buf *utf8, int html, struct import_doc *doc,
    char **title, struct buf *clean, struct import_outcome *out)
{
	struct text_page page;
	struct buf reduced;

	if (!html) {
		out->removed = text_sanitise(utf8->data, utf8->len, clean);
		return;
	}
	buf_init(&reduced);
	text_html_reduce(utf8->data, utf8->len, &reduced, &page);
	import_page(&page, doc, title);
	out->removed = text_sanitise(reduced.data, reduced.len, clean);
	buf_free(&reduced);
}

/* Decodes, reduces and cleans; fills the document or rejects. */
static int
import_prepare(const struct buf *raw, const char *path,
    const struct import_options *o, struct import_doc *doc,
    struct import_outcome *out)
{
	int html = text_is_html(raw->data, raw->len) ||
	    (strlen(path) > 5 && (strcmp(path + strlen(path) - 5, ".html") == 0 ||
	    strcmp(path + strlen(path) - 4, ".htm") == 0));
	const char *body;
	char declared[64] = "", *title = NULL;
	struct buf utf8, clean;
	size_t skip = 0;
	int rc = 1;

	if (html)
		text_html_charset(raw->data, raw->len, declared, sizeof declared);
	else if ((skip = text_header(raw->data, raw->len, &doc->h)) > 0 &&
	    doc->h.charset != NULL)
		snprintf(declared, sizeof declared, "%s", doc->h.charset);
	import_clean_in_place(&doc->h.source);
	import_clean_in_place(&doc->h.url);
	import_clean_in_place(&doc->h.author);
	buf_init(&utf8);
	buf_init(&clean);
	if ((rc = import_decode(raw->data + skip, raw->len - skip, o->charset,
	    declared[0] ? declared : NULL, &utf8, out)) != 1)
		goto out;
	import_reduce(&utf8, html, doc, &title, &clean, out);
	if (doc->h.title != NULL || title != NULL) {
		doc->title = import_clean(doc->h.title ? doc->h.title : title);
		body = clean.data;
	} else {
		doc->title_made = import_split_title(clean.data, html,
		    &doc->title, &body);
	}
	doc->body = chrome_strip(body, strlen(body));
	if (doc->title[0] == '\0' || doc->body[0] == '\0')
		rc = import_reject(out, "no text once the page and its chrome are "
		    "removed (a title alone is not an article)");
	/* What iconv gave is checked, not trusted, before it is stored. */
	else if (!util_utf8_valid(doc->title, strlen(doc->title), NULL) ||
	    !util_utf8_valid(doc->body, strlen(doc->body), NULL))
		rc = import_reject(out, "the converted text is not valid UTF-8");
out:
	free(title);
	buf_free(&utf8);
	buf_free(&clean);
	return rc;
}

int
import_text(const char *raw, size_t len, const char *path,
    const struct import_options *o, char **title, char **body,
    struct import_outcome *out)
{
	struct import_doc doc;
	struct buf b;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&doc, 0, sizeof doc);
	out->how = "";
	out->bytes = (long long)len;
	*title = *body = NULL;
	buf_init(&b);
	buf_add(&b, raw, len);
	rc = import_check_text(&b, out) == 1 &&
	    import_prepare(&b, path, o, &doc, out) == 1;
	if (rc) {
		*title = doc.title;
		*body = doc.body;
		doc.title = doc.body = NULL;
	}
	import_doc_free(&doc);
	buf_free(&b);
	return rc;
}

static const char import_sql_by_hash[] = "SELECT id FROM article WHERE hash = ?1";

/* The article SQL selects by KEY: its id, 0 when there is none, -1
 * when the database cannot say (taken for "none", the article would be
 * stored twice or fail on its hash with a misleading message). */
static long long
import_lookup(struct db *db, const char *sql, const char *key, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = db_fail(db, e, "look for the article in the database");
	sqlite3_reset(st);
	return id;
}

/* The article with this body (see import_lookup). */
static long long
import_existing(struct db *db, const char *hash, struct err *e)
{
	return import_lookup(db, import_sql_by_hash, hash, e);
}

/* The publication date: a saved page's own unless --date is given; a
 * text file's header's, else --date; a header date that is not a date
 * gets a warning. */
static void
import_date(struct import_doc *doc, const struct import_options *o,
    struct import_outcome *out)
{
	struct date_span d;
	struct err e;

	/* A page's own date, unless --date says otherwise. */
	if (doc->page_date != NULL && o->date == NULL) {
		doc->published = xstrdup(doc->page_date);
		return;
	}
	if (doc->h.date != NULL && date_parse(doc->h.date, &d, &e) == 0 &&
	    d.end[0] == '\0') {
		doc->published = xstrdup(d.start);
		return;
	}
	if (doc->h.date != NULL)
		import_warn(out, "Date: '%s' is not a date (YYYY-MM-DD)%s",
		    doc->h.date, o->date ? "; using --date" : "");
	if (o->date != NULL)
		doc->published = xstrdup(o->date);
}

int
import_people(struct db *db, long long article, const struct people_found *p,
    int np, struct mention_row **m, int *n, struct err *e)
{
	long long id;
	int i;

	if (np == 0)
		return 0;
	*m = xrealloc(*m, (size_t)(*n + np) * sizeof **m);
	for (i = 0; i < np; i++) {
		struct mention_row *r = &(*m)[(*n)++];

		if (rows_person(db, article, &p[i], &id, e) != 0)
			return -1;
		r->entity_id = id;
		snprintf(r->kind, sizeof r->kind, "%s", "person");
		r->start = p[i].start;
		r->end = p[i].end;
	}
	mention_sort(*m, *n);
	return 0;
}

/* The events an article reports, written; OUT counts them: the first
 * one's id, how many are new, how many known ones it reports again, and
 * of those how many with another date. */
static int
import_events(struct db *db, const struct article *a,
    const struct extract_found *f, int nf, struct import_outcome *out,
    struct err *e)
{
	struct extract_result ev;
	int i;

	out->event_id = 0;
	out->event_created = out->events_attached = out->event_disputed = 0;
	for (i = 0; i < nf; i++) {
		if (rows_event(db, a, &f[i], &ev, e) != 0)
			return -1;
		if (out->event_id == 0)
			out->event_id = ev.event_id;
		out->event_created += ev.created;
		out->events_attached += !ev.created;
		out->event_disputed += ev.disputed;
	}
	return 0;
}

/* Each step finds what it finds in the text and the mentions held here,
 * and rows.c writes it before the next step runs: the people's mentions
 * need the people's ids, the event those of its participants. */
int
import_article(struct db *db, struct article *a, struct import_outcome *out,
    struct err *e)
{
	struct mention_row *m = NULL;
	struct people_found *p = NULL;
	struct extract_found *f = NULL;
	size_t len = strlen(a->body);
	int n = 0, np = 0, nf = 0, rc = -1, i;

	if (rows_article(db, a, &a->id, e) != 0 ||
	    mention_find(db, a->body, len, &m, &n, e) != 0 ||
	    (out->mentions = rows_mentions(db, a->id, m, n, e)) < 0 ||
	    (np = people_find(db, a->body, len, m, n, &p, e)) < 0 ||
	    import_people(db, a->id, p, np, &m, &n, e) != 0 ||
	    (nf = extract_find(db, a, m, n, &f, e)) < 0 ||
	    import_events(db, a, f, nf, out, e) != 0)
		goto out;
	out->article_id = a->id;
	out->people = 0;
	for (i = 0; i < np; i++)
		out->people += p[i].known == 0;
	rc = 0;
out:
	if (np > 0)
		people_found_free(p, np);
	free(p);
	free(m);
	free(f);
	return rc;
}

static int
import_store(struct db *db, const char *path, struct import_doc *doc,
    const struct import_options *o, struct import_outcome *out, struct err *e)
{
	const char *name = strrchr(path, '/');
	struct article a = {
		.name = (char *)(name ? name + 1 : path[0] ? path : NULL),
		.title = doc->title,
		.source = (char *)(doc->h.source ? doc->h.source : o->source),
		.url = doc->h.url,
		.author = doc->h.author,
		.published = doc->published,
		.charset = out->charset,
		.hash = doc->hash,
		.body = doc->body,
		.title_made = doc->title_made,
	};
	long long id;

	if (db_begin_write(db, "import an article", e) != 0)
		return -1;
	/* Another import may have stored the same text since import_file
	 * looked: holding the write lock, this one sees the last commit and
	 * no one else can store it now. */
	if ((id = import_existing(db, doc->hash, e)) != 0) {
		db_rollback(db);
		if (id < 0)
			return -1;
		out->article_id = id;
		out->status = IMPORT_DUPLICATE;
		return 0;
	}
	if (import_article(db, &a, out, e) != 0 || db_commit(db, e) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* --- feeds: one article per item -------------------------------------- */

/* An item made ready to store, or why it cannot be. */
struct import_item {
	struct import_doc doc;
	char *name;
	char *url;
	char *author;
	const char *reason;     /* NULL when it can be stored */
};

static const char import_sql_by_name[] = "SELECT id FROM article WHERE name = ?1";

/* The article stored under NAME (see import_lookup). */
static long long
import_by_name(struct db *db, const char *name, struct err *e)
{
	return import_lookup(db, import_sql_by_name, name, e);
}

/* The name an item is stored under: the feed's file name and a digest
 * of what identifies the item (its guid or id, else its link, title or
 * body), the same at every import of the feed. A re-import knows the
 * item by it even when the feed has edited its text since. */
static char *
import_item_name(const char *path, const struct feed_item *it)
{
	const char *base = strrchr(path, '/');
	const char *key = it->key ? it->key : it->title ? it->title :
	    it->body ? it->body : "";
	char hex[65];
	struct buf b;

	base = base ? base + 1 : path[0] ? path : "feed";
	sha256_hex(key, strlen(key), hex);
	buf_init(&b);
	buf_printf(&b, "%s#%.12s", base, hex);
	return buf_steal(&b);
}

/* An item's title or body read as the page path reads a file: HTML
 * reduced to its text, then sanitised. */
static char *
import_item_text(const char *s, int html)
{
	struct buf reduced, clean;

	buf_init(&reduced);
	buf_init(&clean);
	if (html) {
		text_html_reduce(s, strlen(s), &reduced, NULL);
		text_sanitise(reduced.data ? reduced.data : "", reduced.len, &clean);
	} else {
		text_sanitise(s, strlen(s), &clean);
	}
	buf_free(&reduced);
	return buf_steal(&clean);
}

/* A title on one line: runs of white space become one space. */
static void
import_one_line(char *s)
{
	char *w = s, *r = s;

	for (; *r != '\0'; r++)
		if (isspace((unsigned char)*r)) {
			if (w > s && w[-1] != ' ')
				*w++ = ' ';
		} else {
			*w++ = *r;
		}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

static void
import_item_prepare(const struct feed_item *it, const char *path,
    const struct import_options *o, struct import_item *item)
{
	struct import_doc *doc = &item->doc;
	char *text = import_item_text(it->body ? it->body : "", it->body_html);
	const char *body = text;

	if (it->title != NULL) {
		doc->title = import_item_text(it->title, it->title_html);
		import_one_line(doc->title);
	}
	if (doc->title == NULL || doc->title[0] == '\0') {
		free(doc->title);
		doc->title_made = import_split_title(text, 1, &doc->title, &body);
	}
	doc->body = chrome_strip(body, strlen(body));
	free(text);
	if (doc->title[0] == '\0' || doc->body[0] == '\0')
		item->reason = "no text (a title alone is not an article)";
	else if (!util_utf8_valid(doc->title, strlen(doc->title), NULL) ||
	    !util_utf8_valid(doc->body, strlen(doc->body), NULL))
		item->reason = "the converted text is not valid UTF-8";
	if (it->date != NULL || o->date != NULL)
		doc->published = xstrdup(it->date ? it->date : o->date);
	sha256_hex(doc->body, strlen(doc->body), doc->hash);
	item->name = import_item_name(path, it);
	item->url = it->link ? import_clean(it->link) : NULL;
	if (item->url != NULL)
		import_one_line(item->url);
	item->author = it->author ? import_clean(it->author) : NULL;
	if (item->author != NULL)
		import_one_line(item->author);
}

static void
import_items_free(struct import_item *items, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		import_doc_free(&items[i].doc);
		free(items[i].name);
		free(items[i].url);
		free(items[i].author);
	}
	free(items);
}

/* Stored already: the same body, or the same item of the same feed. */
static long long
import_item_known(struct db *db, const struct import_item *item, struct err *e)
{
	long long id = import_existing(db, item->doc.hash, e);

	return id != 0 ? id : import_by_name(db, item->name, e);
}

static void
import_item_count(struct import_outcome *out, const struct import_outcome *one,
    const struct import_item *item)
{
	out->mentions += one->mentions;
	out->people += one->people;
	out->event_created += one->event_created;
	out->events_attached += one->events_attached;
	out->event_disputed += one->event_disputed;
	out->undated += item->doc.published == NULL;
	out->undated_events += item->doc.published == NULL && one->event_id > 0;
	out->title_made += item->doc.title_made;
	if (out->article_id == 0)
		out->article_id = one->article_id;
}

static int
import_item_store(struct db *db, struct import_item *item, char *source,
    struct import_outcome *out, struct err *e)
{
	struct import_outcome one;
	struct article a = {
		.name = item->name,
		.title = item->doc.title,
		.source = source,
		.url = item->url,
		.author = item->author,
		.published = item->doc.published,
		.charset = out->charset,
		.hash = item->doc.hash,
		.body = item->doc.body,
		.title_made = item->doc.title_made,
	};

	memset(&one, 0, sizeof one);
	if (import_article(db, &a, &one, e) != 0)
		return -1;
	import_item_count(out, &one, item);
	return 0;
}

/* Every item of a feed in one transaction: a feed is stored whole or not
 * at all, as a file is. Items already stored are counted, not stored. */
static int
import_feed_store(struct db *db, struct import_item *items, int n,
    char *source, const struct import_options *o, struct import_outcome *out,
    struct err *e)
{
	long long id;
	int i;

	if (!o->dry_run && db_begin_write(db, "import a feed", e) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (items[i].reason != NULL)
			continue;
		if ((id = import_item_known(db, &items[i], e)) < 0)
			goto fail;
		if (id > 0) {
			out->items_duplicate++;
			continue;
		}
		out->items_new++;
		if (!o->dry_run && import_item_store(db, &items[i], source, out,
		    e) != 0)
			goto fail;
	}
	if (!o->dry_run && db_commit(db, e) != 0)
		goto fail;
	return 0;
fail:
	if (!o->dry_run)
		db_rollback(db);
	return -1;
}

/* What the items stored without a date cost, as import_stored says it
 * of one file: no event, or one dated by the text alone. */
static void
import_feed_undated(struct import_outcome *out)
{
	int none = out->undated - out->undated_events;

	if (none > 0 && out->undated_events > 0)
		import_warn(out, "%d imported without a publication date: %d give "
		    "no events until dated, %d have events dated by their text "
		    "alone; see --date", out->undated, none, out->undated_events);
	else if (none > 0)
		import_warn(out, "%d imported without a publication date: they "
		    "give no events until dated; see --date", out->undated);
	else if (out->undated > 0)
		import_warn(out, "%d imported without a publication date: their "
		    "events are dated by their text alone; see --date",
		    out->undated);
}

/* Items that cannot be stored, said in the warning; the status of the
 * whole feed. */
static void
import_feed_outcome(const struct feed *f, const struct import_item *items,
    struct import_outcome *out)
{
	int i;

	for (i = 0; i < f->n; i++) {
		if (items[i].reason != NULL) {
			out->items_rejected++;
			import_warn(out, "item %d: %s", i + 1, items[i].reason);
		} else if (f->items[i].date_text != NULL &&
		    f->items[i].date == NULL) {
			import_warn(out, "item %d: '%.40s' is not a date", i + 1,
			    f->items[i].date_text);
		}
	}
	import_feed_undated(out);
	if (out->items_new > 0)
		out->status = IMPORT_NEW;
	else if (out->items_duplicate > 0)
		out->status = IMPORT_DUPLICATE;
	else
		import_reject(out, "a %s feed without an item that has text",
		    f->kind);
}

/* A feed: decoded as the file's charset says (checked against the
 * allow-list), parsed, each item made an article. */
static int
import_feed(struct db *db, const struct buf *raw, const char *path,
    const char *declared, const struct import_options *o,
    struct import_outcome *out, struct err *e)
{
	struct import_item *items = NULL;
	char *source = NULL;
	struct feed f;
	struct buf utf8;
	struct err fe;
	int i, rc = 0;

	out->feed = 1;
	memset(&f, 0, sizeof f);
	buf_init(&utf8);
	if (import_decode(raw->data, raw->len, o->charset, declared[0] ?
	    declared : NULL, &utf8, out) != 1)
		goto done;
	if (feed_parse(utf8.data, utf8.len, &f, &fe) != 0) {
		import_reject(out, "%s", fe.msg);
		goto done;
	}
	out->items = f.n;
	items = xcalloc(f.n > 0 ? (size_t)f.n : 1, sizeof *items);
	for (i = 0; i < f.n; i++)
		import_item_prepare(&f.items[i], path, o, &items[i]);
	if (f.title != NULL) {
		source = import_clean(f.title);
		import_one_line(source);
	}
	rc = import_feed_store(db, items, f.n, source ? source :
	    (char *)o->source, o, out, e);
	if (rc == 0)
		import_feed_outcome(&f, items, out);
done:
	free(source);
	import_items_free(items, f.n);
	feed_free(&f);
	buf_free(&utf8);
	return rc;
}

/* What the summary says of an article stored: a made title, and no
 * publication date (then its event, if any, was dated by its text). */
static void
import_stored(const struct import_doc *doc, struct import_outcome *out)
{
	out->title_made = doc->title_made;
	if (doc->published != NULL)
		return;
	out->undated = 1;
	if (out->event_id > 0)
		import_warn(out, "imported without a publication date: its "
		    "event is dated by its text alone; see --date");
	else
		import_warn(out, "imported without a publication date: it gives "
		    "no events until dated; see --date");
}

int
import_fd(struct db *db, int fd, const char *name,
    const struct import_options *o, struct import_outcome *out, struct err *e)
{
	struct import_doc doc;
	char declared[64];
	struct buf raw;
	long long id;
	int rc = 0;

	memset(out, 0, sizeof *out);
	memset(&doc, 0, sizeof doc);
	out->how = "";
	buf_init(&raw);
	if (name == NULL)
		name = "";
	if (import_read_fd(fd, o, &raw, out) != 1)
		goto done;
	if (feed_sniff(raw.data, raw.len, declared, sizeof declared)) {
		rc = import_feed(db, &raw, name, declared, o, out, e);
		goto done;
	}
	if (import_prepare(&raw, name, o, &doc, out) != 1)
		goto done;
	import_date(&doc, o, out);
	sha256_hex(doc.body, strlen(doc.body), doc.hash);
	if ((id = import_existing(db, doc.hash, e)) < 0) {
		rc = -1;
		goto done;
	}
	if (id > 0) {
		out->article_id = id;
		out->status = IMPORT_DUPLICATE;
		goto done;
	}
	out->status = IMPORT_NEW;
	if (!o->dry_run)
		rc = import_store(db, name, &doc, o, out, e);
	if (rc == 0 && out->status == IMPORT_NEW)
		import_stored(&doc, out);
done:
	import_doc_free(&doc);
	buf_free(&raw);
	return rc;
}

/* What PATH names, links followed, without opening it: opening a device
 * can do something (a tape rewinds, a modem hangs up), so one that is
 * not a regular file is rejected unread. */
static int
import_stat(const char *path, struct stat *st)
{
	const char *rest;
	int dir = util_path_at(path, &rest), rc, saved;

	if (dir == -1)
		return -1;
	rc = fstatat(dir, rest, st, 0);
	saved = errno;
	util_path_done(dir);
	errno = saved;
	return rc;
}

/* Looked at before it is opened (import_stat), then opened without
 * waiting (a FIFO has no writer, a device may block) and checked again
 * on the descriptor, so that what is read is what was checked even if
 * the name changed in between. */
int
import_file(struct db *db, const char *path, const struct import_options *o,
    struct import_outcome *out, struct err *e)
{
	struct stat st;
	int fd, rc = 0;

	memset(out, 0, sizeof *out);
	out->how = "";
	if (import_stat(path, &st) != 0)
		return import_reject(out, "cannot read: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return import_reject(out, "not a regular file");
	if ((fd = util_open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)) < 0)
		return import_reject(out, "cannot read: %s", strerror(errno));
	if (fstat(fd, &st) != 0)
		import_reject(out, "cannot read: %s", strerror(errno));
	else if (!S_ISREG(st.st_mode))
		import_reject(out, "not a regular file");
	else
		rc = import_fd(db, fd, path, o, out, e);
	close(fd);
	return rc;
}
