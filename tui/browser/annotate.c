/* SPDX-License-Identifier: ISC */
/* What the user keeps on the selected event: a bookmark (m), tags (t) and
 * a note (a), in $EDITOR or on the bottom line. */
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
	int rc = prompt_set_text(app, text);

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
	timeline_refresh(app);
	app_message(app, 0, on ? "bookmarked (is:bookmarked finds it)" :
	    "bookmark removed");
}

void
annotate_tags(struct app *app)
{
	const struct event_row *r = annotate_event(app);

	if (r == NULL)
		return;
	prompt_open_event(app, PROMPT_TAGS, r->id);
	annotate_prompt_text(app, r->tags, "tags");
}

int
annotate_tags_accept(struct app *app, long long event_id, const char *text,
    char *err, size_t size)
{
	struct err e;

	if (annot_tags_set(app->db, event_id, text, &e) != 0) {
		snprintf(err, size, "%s", e.msg);
		return -1;
	}
	timeline_refresh(app);
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
		timeline_refresh(app);
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
		prompt_open_event(app, PROMPT_NOTE, r->id);
		annotate_prompt_text(app, old ? old : "", "note");
	}
	free(old);
}

int
annotate_note_accept(struct app *app, long long event_id, const char *text,
    char *err, size_t size)
{
	struct err e;

	if (annot_note_set(app->db, event_id, text, &e) != 0) {
		snprintf(err, size, "%s", e.msg);
		return -1;
	}
	timeline_refresh(app);
	app_message(app, 0, text[0] ? "note saved (is:noted finds it)" :
	    "note removed");
	return 0;
}
