/* SPDX-License-Identifier: ISC */
/* The ':' commands: save, view and delete a view, export, quit. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "output/export.h"
#include "output/outfile.h"
#include "scotl/views.h"

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
command_run(struct app *app, const char *text)
{
	char word[32];
	const char *arg;
	size_t n;
	struct err e;

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
