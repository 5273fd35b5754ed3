/* SPDX-License-Identifier: ISC */
/* scotl export and :export (export.h). Events are read a window at a
 * time, so memory stays flat whatever the size of the filter. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scotl/annot.h"
#include "output/export.h"
#include "output/out.h"
#include "output/outfile.h"

#define EXPORT_WINDOW 256

struct export {
	struct db *db;
	enum export_format format;
	FILE *fp;
	long long count;
	char stamp[17];         /* DTSTAMP of the iCalendar file */
	int werrno;             /* why a write failed */
};

/* One event with what every format needs beside its row. */
struct export_event {
	const struct event_row *row;
	struct event_detail d;
	char *participants;     /* "Ajit Doval; Moeed Yusuf" */
	char *note;
};

static const char *const export_format_names[] = {
	[EXPORT_CSV] = "csv",
	[EXPORT_JSON] = "json",
	[EXPORT_ICS] = "ics",
	[EXPORT_TIMELINEJS] = "timelinejs",
};

int
export_format_parse(const char *name, enum export_format *out)
{
	int i;

	for (i = 0; i <= EXPORT_TIMELINEJS; i++)
		if (strcmp(name, export_format_names[i]) == 0) {
			*out = (enum export_format)i;
			return 0;
		}
	return -1;
}

enum export_format
export_format_for(const char *path)
{
	const char *dot = strrchr(path, '.');
	enum export_format f;

	if (dot != NULL && strchr(dot, '/') == NULL &&
	    export_format_parse(dot + 1, &f) == 0)
		return f;
	return EXPORT_CSV;
}

/* --- CSV and JSON ----------------------------------------------------- */

static void
export_csv_header(struct export *x)
{
	fputs("id,slug,start,end,first_day,last_day,precision,title,kind,place,"
	    "participants,origin,disputed,summary,tags,bookmarked,note\r\n", x->fp);
}

static void
export_csv_row(struct export *x, const struct export_event *ev)
{
	const struct event_row *r = ev->row;
	const char *fields[] = { r->slug, r->date.start, r->date.end, r->date.first,
		r->date.last, date_precision_name(r->date.precision), r->title, r->kind,
		r->place, ev->participants, r->origin, r->disputed ? "yes" : "no",
		ev->d.summary, r->tags, r->bookmarked ? "yes" : "no",
		ev->note ? ev->note : "" };
	size_t i;

	fprintf(x->fp, "%lld", r->id);
	for (i = 0; i < sizeof fields / sizeof *fields; i++) {
		fputc(',', x->fp);
		out_csv_field(x->fp, fields[i] ? fields[i] : "");
	}
	fputs("\r\n", x->fp);
}

static void
export_json_field(FILE *fp, const char *name, const char *value)
{
	fprintf(fp, ", \"%s\": ", name);
	out_json_string_or_null(fp, value);
}

static void
export_json_row(struct export *x, const struct export_event *ev)
{
	const struct event_row *r = ev->row;
	const char *t, *sp;
	int i;

	fprintf(x->fp, "%s\n  {\"id\": %lld", x->count ? "," : "", r->id);
	export_json_field(x->fp, "slug", r->slug);
	export_json_field(x->fp, "start", r->date.start);
	export_json_field(x->fp, "end", r->date.end);
	export_json_field(x->fp, "first_day", r->date.first);
	export_json_field(x->fp, "last_day", r->date.last);
	export_json_field(x->fp, "precision", date_precision_name(r->date.precision));
	export_json_field(x->fp, "title", r->title);
	export_json_field(x->fp, "kind", r->kind);
	export_json_field(x->fp, "place", r->place);
	export_json_field(x->fp, "summary", ev->d.summary);
	fprintf(x->fp, ",\n   \"participants\": [");
	for (i = 0; i < ev->d.nparticipants; i++) {
		const struct participant_row *p = &ev->d.participants[i];

		fprintf(x->fp, "%s{\"name\": ", i ? ", " : "");
		out_json_string(x->fp, p->name);
		export_json_field(x->fp, "kind", p->kind);
		export_json_field(x->fp, "role", p->role);
		export_json_field(x->fp, "state", p->state);
		fputc('}', x->fp);
	}
	fputs("],\n   \"origin\": ", x->fp);
	out_json_string(x->fp, r->origin);
	fprintf(x->fp, ", \"disputed\": %s, \"bookmarked\": %s, \"tags\": [",
	    r->disputed ? "true" : "false", r->bookmarked ? "true" : "false");
	for (t = r->tags, i = 0; t && *t; t = sp ? sp + 1 : t + strlen(t), i++) {
		char *one;

		sp = strchr(t, ' ');
		one = sp ? xstrndup(t, (size_t)(sp - t)) : xstrdup(t);
		fputs(i ? ", " : "", x->fp);
		out_json_string(x->fp, one);
		free(one);
	}
	fputc(']', x->fp);
	export_json_field(x->fp, "note", ev->note);
	fputc('}', x->fp);
}

/* --- iCalendar (RFC 5545) --------------------------------------------- */

/* Writes a content line folded at 75 octets, never inside a UTF-8
 * character, with CRLF. Text reaches here cleaned (valid UTF-8), so a
 * character has at most three bytes after its first; a run of more
 * (never from export_ics_text) is cut where it stands, so that every
 * fold moves on. */
static void
export_ics_line(FILE *fp, const char *line)
{
	size_t len = strlen(line), at = 0, n, limit = 75;

	while (len - at > limit) {
		n = limit;
		while (n > limit - 3 &&
		    ((unsigned char)line[at + n] & 0xc0) == 0x80)
			n--;
		if (((unsigned char)line[at + n] & 0xc0) == 0x80)
			n = limit;
		fwrite(line + at, 1, n, fp);
		fputs("\r\n ", fp);
		at += n;
		limit = 74;     /* the leading space counts */
	}
	fputs(line + at, fp);
	fputs("\r\n", fp);
}

/* NAME:VALUE with the TEXT escapes of RFC 5545 3.3.11, after the
 * cleaning every output gets (out.h): no byte that is not UTF-8, no
 * control; a newline is written \n, so no CR or LF of the value can
 * start a property of its own. */
static void
export_ics_text(FILE *fp, const char *name, const char *value)
{
	struct buf clean, b;
	const char *p;

	if (value == NULL || *value == '\0')
		return;
	buf_init(&clean);
	out_clean(&clean, value, OUT_KEEP_LINES);
	buf_init(&b);
	buf_printf(&b, "%s:", name);
	for (p = clean.data; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',')
			buf_addc(&b, '\\');
		if (*p == '\n')
			buf_adds(&b, "\\n");
		else
			buf_addc(&b, *p);
	}
	export_ics_line(fp, b.data);
	buf_free(&b);
	buf_free(&clean);
}

static void
export_ics_date(FILE *fp, const char *name, const char *iso, int plus)
{
	char line[64], day[11];
	long days = date_parse_days(iso);

	if (days == DATE_NO_DAYS)
		return;
	date_format_days(days + plus, day);
	snprintf(line, sizeof line, "%s;VALUE=DATE:%.4s%.2s%.2s", name, day,
	    day + 5, day + 8);
	export_ics_line(fp, line);
}

static void
export_ics_header(struct export *x)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(x->stamp, sizeof x->stamp, "%Y%m%dT%H%M%SZ", &tm);
	export_ics_line(x->fp, "BEGIN:VCALENDAR");
	export_ics_line(x->fp, "VERSION:2.0");
	export_ics_line(x->fp, "PRODID:-//scotl//scotl " PACKAGE_VERSION "//EN");
	export_ics_line(x->fp, "CALSCALE:GREGORIAN");
}

static void
export_ics_row(struct export *x, const struct export_event *ev)
{
	const struct event_row *r = ev->row;
	char line[64];
	struct buf desc, uid;

	export_ics_line(x->fp, "BEGIN:VEVENT");
	/* The slug comes from the database, which may be anyone's. */
	buf_init(&uid);
	if (r->slug && *r->slug)
		buf_printf(&uid, "%s@scotl", r->slug);
	else
		buf_printf(&uid, "event-%lld@scotl", r->id);
	export_ics_text(x->fp, "UID", uid.data);
	buf_free(&uid);
	snprintf(line, sizeof line, "DTSTAMP:%s", x->stamp);
	export_ics_line(x->fp, line);
	/* All day; DTEND is the day after the last, as the standard says. */
	export_ics_date(x->fp, "DTSTART", r->date.first, 0);
	export_ics_date(x->fp, "DTEND", r->date.last, 1);
	export_ics_text(x->fp, "SUMMARY", r->title);
	export_ics_text(x->fp, "LOCATION", r->place);
	export_ics_text(x->fp, "CATEGORIES", r->kind);
	buf_init(&desc);
	buf_adds(&desc, ev->d.summary ? ev->d.summary : "");
	if (ev->participants[0])
		buf_printf(&desc, "%sParticipants: %s", desc.len ? "\n\n" : "",
		    ev->participants);
	if (r->date.precision != DATE_DAY || r->date.end[0])
		buf_printf(&desc, "%sDate as reported: %s", desc.len ? "\n" : "",
		    r->date.start);
	export_ics_text(x->fp, "DESCRIPTION", desc.data);
	buf_free(&desc);
	export_ics_line(x->fp, "END:VEVENT");
}

/* --- TimelineJS ------------------------------------------------------- */

/* {"year": "2021", "month": "6", "day": "23"} from "2021-06-23", as far
 * as the date is known. */
static void
export_tl_date(FILE *fp, const char *name, const char *written)
{
	const char *s = written[0] == '~' ? written + 1 : written;
	int y = 0, m = 0, d = 0, n;

	n = sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
	fprintf(fp, "\"%s\": {\"year\": \"%d\"", name, y);
	if (n >= 2)
		fprintf(fp, ", \"month\": \"%d\"", m);
	if (n >= 3)
		fprintf(fp, ", \"day\": \"%d\"", d);
	if (written[0] == '~')
		fprintf(fp, ", \"display_date\": \"about %d\"", y);
	fputc('}', fp);
}

/* TimelineJS puts headline, text and a group's name into the page as
 * HTML: a title holding <script> must show as text, not run. */
static void
export_tl_html(FILE *fp, const char *s)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_adds(&b, "&amp;"); break;
		case '<': buf_adds(&b, "&lt;"); break;
		case '>': buf_adds(&b, "&gt;"); break;
		case '"': buf_adds(&b, "&quot;"); break;
		case '\'': buf_adds(&b, "&#39;"); break;
		default: buf_addc(&b, *s);
		}
	}
	out_json_string(fp, b.data);
	buf_free(&b);
}

static void
export_tl_row(struct export *x, const struct export_event *ev)
{
	const struct event_row *r = ev->row;
	struct buf text;

	fprintf(x->fp, "%s\n  {", x->count ? "," : "");
	export_tl_date(x->fp, "start_date", r->date.start);
	if (r->date.end[0]) {
		fputs(", ", x->fp);
		export_tl_date(x->fp, "end_date", r->date.end);
	}
	fputs(",\n   \"text\": {\"headline\": ", x->fp);
	export_tl_html(x->fp, r->title);
	buf_init(&text);
	buf_adds(&text, ev->d.summary ? ev->d.summary : "");
	if (ev->participants[0])
		buf_printf(&text, "%sParticipants: %s", text.len ? " " : "",
		    ev->participants);
	fputs(", \"text\": ", x->fp);
	export_tl_html(x->fp, text.data);
	buf_free(&text);
	fputs("},\n   \"group\": ", x->fp);
	export_tl_html(x->fp, r->kind);
	if (r->slug && *r->slug) {
		fputs(", \"unique_id\": ", x->fp);
		out_json_string(x->fp, r->slug);
	}
	fputc('}', x->fp);
}

/* --- the walk --------------------------------------------------------- */

static void
export_begin(struct export *x)
{
	switch (x->format) {
	case EXPORT_CSV: export_csv_header(x); break;
	case EXPORT_JSON: fputc('[', x->fp); break;
	case EXPORT_ICS: export_ics_header(x); break;
	case EXPORT_TIMELINEJS:
		fputs("{\"title\": {\"text\": {\"headline\": \"SCO security events\","
		    " \"text\": \"Exported by scotl\"}},\n \"events\": [", x->fp);
		break;
	}
}

static void
export_end(struct export *x)
{
	switch (x->format) {
	case EXPORT_CSV: break;
	case EXPORT_JSON: fputs(x->count ? "\n]\n" : "]\n", x->fp); break;
	case EXPORT_ICS: export_ics_line(x->fp, "END:VCALENDAR"); break;
	case EXPORT_TIMELINEJS: fputs(x->count ? "\n ]}\n" : "]}\n", x->fp); break;
	}
}

static int
export_row(struct export *x, const struct event_row *r, struct err *e)
{
	struct export_event ev;
	struct buf names;
	int i;

	memset(&ev, 0, sizeof ev);
	ev.row = r;
	if (event_get(x->db, r->id, &ev.d, e) != 0 ||
	    annot_note_get(x->db, r->id, &ev.note, e) != 0) {
		event_detail_free(&ev.d);
		return -1;
	}
	buf_init(&names);
	buf_adds(&names, "");
	for (i = 0; i < ev.d.nparticipants; i++)
		buf_printf(&names, "%s%s", i ? "; " : "", ev.d.participants[i].name);
	ev.participants = buf_steal(&names);
	switch (x->format) {
	case EXPORT_CSV: export_csv_row(x, &ev); break;
	case EXPORT_JSON: export_json_row(x, &ev); break;
	case EXPORT_ICS: export_ics_row(x, &ev); break;
	case EXPORT_TIMELINEJS: export_tl_row(x, &ev); break;
	}
	x->count++;
	free(ev.participants);
	free(ev.note);
	event_detail_free(&ev.d);
	return 0;
}

/* A failed write stops the export: nothing after it would arrive. */
static int
export_failed(struct export *x, struct err *e)
{
	if (!ferror(x->fp))
		return 0;
	x->werrno = errno ? errno : EIO;
	err_set(e, "writing the export: %s", strerror(x->werrno));
	return -1;
}

int
export_write(struct db *db, const struct event_filter *f,
    enum export_format format, FILE *fp, long long *count, struct err *e)
{
	struct export x = { .db = db, .format = format, .fp = fp };
	struct event_list l;
	struct event_pos pos;
	int have_pos = 0, i, rc = 0, n;

	export_begin(&x);
	do {
		if (events_window(db, f, have_pos ? &pos : NULL, EVENTS_AFTER,
		    EXPORT_WINDOW, &l, e) != 0)
			return -1;
		for (i = 0; i < l.n && rc == 0; i++)
			if ((rc = export_row(&x, &l.rows[i], e)) == 0)
				rc = export_failed(&x, e);
		if (l.n > 0)
			event_row_pos(&l.rows[l.n - 1], &pos);
		have_pos = 1;
		n = l.n;
		event_list_free(&l);
	} while (rc == 0 && n == EXPORT_WINDOW);
	if (rc != 0) {
		errno = x.werrno;       /* why the write failed, for the caller */
		return -1;
	}
	export_end(&x);
	*count = x.count;
	if (fflush(fp) != 0 || ferror(fp)) {
		err_set(e, "writing the export: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int
export_to_file(struct db *db, const struct event_filter *f,
    enum export_format format, const char *path, int flags,
    long long *count, struct err *e)
{
	struct outfile of;
	int rc;

	if (outfile_open(&of, path, flags, e) != 0)
		return -1;
	if ((rc = export_write(db, f, format, of.fp, count, e)) != 0 &&
	    ferror(of.fp))
		err_set(e, "cannot write %s: %s", path, strerror(errno));
	if (outfile_close(&of, rc == 0, e) != 0)
		rc = -1;
	return rc;
}
