/* SPDX-License-Identifier: ISC */
/* The browser, as the command line starts it: the one way into
 * tui/browser from outside, and the only header of it that tui/cli
 * includes. Its loop is the app's (app.c), hence app_run. */
#ifndef SCOTL_BROWSER_H
#define SCOTL_BROWSER_H

struct db;

/* Runs the browser on DB until the user quits, with the config file of
 * the user; FRESH starts at the top instead of where the user was. 0, or
 * 1 when where the user was could not be saved (said on stderr). */
int app_run(struct db *db, int fresh);

#endif
