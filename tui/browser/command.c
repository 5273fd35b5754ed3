/* SPDX-License-Identifier: ISC */
/* What the browser does beside moving: ':' commands, '/' through the text
 * of every article, and bookmarks, tags and notes on the selected event. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "scotl/annot.h"
#include "browser/app.h"
#include "browser/curses.h"
#include "output/export.h"
#include "scotl/filter.h"
#include "output/outfile.h"
#include "scotl/views.h"

/* --- : commands ------------------------------------------------------ */

static void
command_save(struct app *app, const char *name)
{
	struct err e;

	if (app->view.filter_text[0] == '\0') {
		app_message(app, 1, ":save: there is no filter to save (f to filter)");
		return;
	}
	if (views_save(app->db, name, app->view.filter_text, &e) != 0)
		app_message(app, 1, ":save: %s", e.msg);
	else
		app_message(app, 0, "saved view %s: %s (v lists views)", name,
		    app->view.filter_text);
}

static void
command_view(struct app *app, const char *name)
{
	char *filter = NULL;
	struct err e;
	int found = views_get(app->db, name, &filter, &e);

	if (found < 0)
		app_message(app, 1, "%s", e.msg);
	else if (found == 0)
		app_message(app, 1, "no saved view '%s' (v lists them)", name);
	else
		app_apply_filter(app, filter);
	free(filter);
}

static void
command_export(struct app *app, const char *path)
{
	long long count = 0;
	struct err e;

	/* Not waiting for a FIFO's reader: in raw mode Ctrl-C is a key, and
	 * nothing would end the wait. */
	if (export_to_file(app->db, &app->view.filter, export_format_for(path),
	    path, OUTFILE_NO_WAIT, &count, &e) != 0)
		app_message(app, 1, ":export: %s", e.msg);
	else
		app_message(app, 0, "%lld events written to %s", count, path);
}

/* ":save NAME", ":view NAME", ":delete NAME", ":export FILE", ":q". */
void
command_run(struct app *app, const char *text, char *err, size_t size)
{
	char word[32];
	const char *arg;
	size_t n;
	struct err e;

	(void)err;
	(void)size;
	while (isspace((unsigned char)*text))
		text++;
	for (n = 0; text[n] && !isspace((unsigned char)text[n]) && n < 31; n++)
		word[n] = text[n];
	word[n] = '\0';
	for (arg = text + n; isspace((unsigned char)*arg); arg++)
		;
	if (word[0] == '\0')
		return;
	if (strcmp(word, "q") == 0 || strcmp(word, "quit") == 0) {
		app->quit = 1;
	} else if (arg[0] == '\0' && (strcmp(word, "save") == 0 ||
	    strcmp(word, "view") == 0 || strcmp(word, "delete") == 0 ||
	    strcmp(word, "export") == 0)) {
		app_message(app, 1, ":%s needs a %s", word,
		    strcmp(word, "export") == 0 ? "file name" : "view name");
	} else if (strcmp(word, "save") == 0) {
		command_save(app, arg);
	} else if (strcmp(word, "view") == 0) {
		command_view(app, arg);
	} else if (strcmp(word, "delete") == 0) {
		int rc = views_delete(app->db, arg, &e);

		if (rc < 0)
			app_message(app, 1, "%s", e.msg);
		else
			app_message(app, rc == 0, rc ? "deleted view %s" :
			    "no saved view '%s'", arg);
	} else if (strcmp(word, "export") == 0) {
		command_export(app, arg);
	} else {
		app_message(app, 1, "unknown command :%s (:save, :view, :delete, "
		    ":export, :q)", word);
	}
}

/* --- / through every article ---------------------------------------- */

/* The words of a search to mark in the article: no fields, operators,
 * negated words or quotes. */
static void
find_words(const char *text, char *out, size_t size)
{
	char tok[256];
	size_t used = 0, n;
	const char *s = text;

	out[0] = '\0';
	while (*s) {
		while (*s == ' ' || *s == '(' || *s == ')' || *s == '"')
			s++;
		for (n = 0; *s && !strchr(" ()\"", *s); s++)
			if (n < sizeof tok - 1)
				tok[n++] = *s;
		tok[n] = '\0';
		if (n == 0 || tok[0] == '-' || strchr(tok, ':') ||
		    strcmp(tok, "OR") == 0 || strcmp(tok, "NOT") == 0 ||
		    strcmp(tok, "AND") == 0 || strcmp(tok, "|") == 0)
			continue;
		if (used + n + 2 < size)
			used += (size_t)snprintf(out + used, size - used, "%s%s",
			    used ? " " : "", tok);
	}
}

/* The view's events that hold the search: the view's filter and the
 * search together. */
static int
find_filter(struct app *app, struct event_filter *f, struct err *e)
{
	char text[600];
	int column;

	*f = app->view.filter;
	snprintf(text, sizeof text, app->view.filter_text[0] ? "(%s) (%s)" : "%s%s",
	    app->view.filter_text, app->find.text);
	return filter_compile(text, &f->expr, &column, e);
}

/* The next (DIR 1) or previous event that holds the search, from the
 * selected one (itself included when INCLUSIVE), wrapping at the ends. */
static void
find_go(struct app *app, int dir, int inclusive)
{
	const struct event_row *r = timeline_selected(app);
	struct event_filter f;
	struct event_list l = { NULL, 0 };
	struct event_pos pos;
	long long total = 0, rank = 0;
	struct app_stop stop = { .deadline = app_now_ms() + 30, .on_input = 0 };
	struct err e;
	int wrapped = 0, counted;

	if (find_filter(app, &f, &e) != 0) {
		app_message(app, 1, "search: %s", e.msg);
		return;
	}
	if (app->tl.reversed)
		dir = -dir;
	if (r != NULL) {
		event_row_pos(r, &pos);
		if (inclusive)
			pos.id += dir > 0 ? -1 : 1;
	}
	if (events_window(app->db, &f, r ? &pos : NULL, dir > 0 ? EVENTS_AFTER :
	    EVENTS_BEFORE, 1, &l, &e) == 0 && l.n == 0 && r != NULL) {
		wrapped = 1;
		event_list_free(&l);
		events_window(app->db, &f, NULL, dir > 0 ? EVENTS_AFTER :
		    EVENTS_BEFORE, 1, &l, &e);
	}
	if (l.n == 0) {
		app_message(app, 1, "no event of this view holds: %s", app->find.text);
	} else {
		event_row_pos(&l.rows[0], &pos);
		/* "3 of 18" when it can be counted within a key's time. */
		db_set_stop(app->db, app_should_stop, &stop);
		counted = events_count(app->db, &f, NULL, &total, &e) == 0 &&
		    events_count(app->db, &f, &pos, &rank, &e) == 0;
		db_set_stop(app->db, NULL, NULL);
		timeline_reload(app, &pos);
		app->ap.to_match = 1;
		if (counted)
			app_message(app, 0, "%s%lld of %lld events hold: %s", wrapped ?
			    "(wrapped) " : "", rank + 1, total, app->find.text);
		else
			app_message(app, 0, "%sthis event holds: %s", wrapped ?
			    "(wrapped) " : "", app->find.text);
	}
	event_list_free(&l);
	filter_free(f.expr);
}

int
find_accept(struct app *app, const char *text, char *err, size_t size)
{
	struct filter *f;
	struct err e;
	int column;
	char words[256];

	if (text[0] == '\0') {
		app->find.text[0] = '\0';
		app->ap.search[0] = '\0';
		article_pane_search(app, "");
		app_message(app, 0, "search cleared");
		return 0;
	}
	if (filter_compile(text, &f, &column, &e) != 0) {
		snprintf(err, size, "search: %s", e.msg);
		app->pr.error_column = column;
		return -1;
	}
	filter_free(f);
	snprintf(app->find.text, sizeof app->find.text, "%s", text);
	find_words(text, words, sizeof words);
	app->ap.search_words = 1;
	snprintf(app->ap.search, sizeof app->ap.search, "%s", words);
	find_go(app, 1, 1);
	return 0;
}

void
find_step(struct app *app, int dir)
{
	find_go(app, dir, 0);
}

/* --- bookmarks, tags, notes ------------------------------------------ */

/* The longest note edited on the bottom line (it holds 255 characters). */
#define ANNOTATE_LINE_MAX 200

static const struct event_row *
annotate_event(struct app *app)
{
	const struct event_row *r = timeline_selected(app);

	if (r == NULL)
		app_message(app, 1, "no event is selected");
	else if (db_readonly(app->db))
		app_message(app, 1, "read-only database: cannot keep bookmarks, "
		    "tags or notes");
	else
		return r;
	return NULL;
}

/* Puts what is kept into the bottom line, or closes it when the line
 * could not hold it whole: saving it would lose the rest. */
static void
annotate_prompt_text(struct app *app, const char *text, const char *what)
{
	int rc = app_prompt_set_text(app, text);

	if (rc == 0)
		return;
	prompt_close(app);
	app_message(app, 1, rc == -1 ? "the %s cannot be shown in this terminal's "
	    "character set (try LANG=C.UTF-8)" : "the %s is too long for the "
	    "bottom line", what);
}

void
annotate_bookmark(struct app *app)
{
	const struct event_row *r = annotate_event(app);
	struct err e;
	int on;

	if (r == NULL)
		return;
	if (annot_bookmark_toggle(app->db, r->id, &on, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
		return;
	}
	app_refresh(app);
	app_message(app, 0, on ? "bookmarked (is:bookmarked finds it)" :
	    "bookmark removed");
}

void
annotate_tags(struct app *app)
{
	const struct event_row *r = annotate_event(app);

	if (r == NULL)
		return;
	app_open_prompt(app, PROMPT_TAGS);
	app->pr.event_id = r->id;
	annotate_prompt_text(app, r->tags, "tags");
}

int
annotate_tags_accept(struct app *app, const char *text, char *err,
    size_t size)
{
	struct err e;

	if (annot_tags_set(app->db, app->pr.event_id, text, &e) != 0) {
		snprintf(err, size, "%s", e.msg);
		return -1;
	}
	app_refresh(app);
	app_message(app, 0, text[0] ? "tags saved (tag:NAME finds them)" :
	    "tags removed");
	return 0;
}

#define ANNOTATE_HANGUP_WAIT_MS 2000

/* After a hangup the editor has had SIGHUP too, or sees the terminal
 * gone from its reads, and ends; one that does not is left to itself
 * after a while, so that what it saved is stored before scotl goes. */
static pid_t
annotate_wait_a_while(pid_t pid, int *status)
{
	struct timespec step = { .tv_sec = 0, .tv_nsec = 10 * 1000000 };
	pid_t done = 0;
	int i;

	for (i = 0; done == 0 && i < ANNOTATE_HANGUP_WAIT_MS / 10; i++)
		if ((done = waitpid(pid, status, WNOHANG)) == 0)
			nanosleep(&step, NULL);
	return done;
}

/* Waits for the editor: 0 when it exited 0. */
static int
annotate_wait(pid_t pid)
{
	int status = -1;
	pid_t done;

	while ((done = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		if (app_hung_up()) {
			done = annotate_wait_a_while(pid, &status);
			break;
		}
	return done == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 ?
	    0 : -1;
}

/* Runs $VISUAL or $EDITOR on PATH with the screen handed over. */
static int
annotate_edit(struct app *app, const char *path)
{
	pid_t pid;
	int rc = -1;

	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "$SCOTL_EDITOR \"$1\"", "sh", path,
		    (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		rc = annotate_wait(pid);
	reset_prog_mode();
	clearok(curscr, TRUE);
	app->dirty = 1;
	return rc;
}

/* After a hangup, what the editor saved is the note, whatever its exit
 * status (SIGHUP ended it): unless it is the old note or blank (a file
 * the editor had only begun to write would remove the note). */
static int
annotate_keep_after_hangup(const struct buf *b, const char *old)
{
	size_t i;

	for (i = 0; i < b->len && isspace((unsigned char)b->data[i]); i++)
		;
	return i < b->len && (old == NULL || b->len != strlen(old) ||
	    memcmp(b->data, old, b->len) != 0);
}

/* Stores the note the editor left in PATH; 0 when PATH may go. */
static int
annotate_note_store(struct app *app, long long id, const char *path,
    const char *old, int edited)
{
	int hung = app_hung_up();
	struct buf b;
	struct err e;
	int rc = 0;

	buf_init(&b);
	if (edited != 0 && !hung) {
		app_message(app, 1, "the editor failed: the note is unchanged");
	} else if (util_read_file(path, &b, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
	} else if (hung && !annotate_keep_after_hangup(&b, old)) {
		/* Nothing the editor saved to keep. */
	} else if (annot_note_set_bytes(app->db, id, b.data, b.len, &e) != 0) {
		/* What was written is kept for the user to take back. */
		app_message(app, 1, "%s: the note is unchanged, your text is in %s",
		    e.msg, path);
		rc = -1;
	} else {
		app_refresh(app);
		app_message(app, 0, "note saved (is:noted finds it)");
	}
	buf_free(&b);
	return rc;
}

static void
annotate_note_editor(struct app *app, long long id, const char *editor,
    const char *old)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];
	FILE *fp;
	int fd, edited;

	snprintf(path, sizeof path, "%s/scotl-note-XXXXXX",
	    tmp && tmp[0] ? tmp : "/tmp");
	fd = mkstemp(path);

	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL) {
		app_message(app, 1, "cannot write a file for the note: %s",
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	fputs(old ? old : "", fp);
	fclose(fp);
	setenv("SCOTL_EDITOR", editor, 1);
	edited = annotate_edit(app, path);
	if (annotate_note_store(app, id, path, old, edited) == 0)
		unlink(path);
}

void
annotate_note(struct app *app)
{
	const struct event_row *r = annotate_event(app);
	const char *editor = getenv("VISUAL");
	char *old = NULL;
	struct err e;

	if (r == NULL)
		return;
	if (annot_note_get(app->db, r->id, &old, &e) != 0) {
		app_message(app, 1, "%s", e.msg);
		return;
	}
	if (editor == NULL || editor[0] == '\0')
		editor = getenv("EDITOR");
	if (editor != NULL && editor[0] != '\0') {
		annotate_note_editor(app, r->id, editor, old);
	} else if (old != NULL && (strpbrk(old, "\n\t") != NULL ||
	    strlen(old) > ANNOTATE_LINE_MAX)) {
		/* The bottom line would lose its line breaks or its end. */
		app_message(app, 1, "this note is longer than a line: set $EDITOR "
		    "to edit it");
	} else {
		app_open_prompt(app, PROMPT_NOTE);
		app->pr.event_id = r->id;
		annotate_prompt_text(app, old ? old : "", "note");
	}
	free(old);
}

int
annotate_note_accept(struct app *app, const char *text, char *err,
    size_t size)
{
	struct err e;

	if (annot_note_set(app->db, app->pr.event_id, text, &e) != 0) {
		snprintf(err, size, "%s", e.msg);
		return -1;
	}
	app_refresh(app);
	app_message(app, 0, text[0] ? "note saved (is:noted finds it)" :
	    "note removed");
	return 0;
}
