/* SPDX-License-Identifier: ISC */
/* The curses header, wide-character where configure found ncursesw. Only
 * tui/ includes this. */
#ifndef SCOTL_CURSES_H
#define SCOTL_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#if defined(HAVE_NCURSESW) && __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

#endif
