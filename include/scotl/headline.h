/* SPDX-License-Identifier: ISC */
/* A plain text's first line: its headline, or the first line of its lead
 * paragraph, saved without the headline. A lead keeps its date and place
 * for the event; the article then gets a title made from it. */
#ifndef SCOTL_HEADLINE_H
#define SCOTL_HEADLINE_H

#include <stddef.h>

/* 0 when LINE (LEN bytes of UTF-8, one line) is body, not a headline: it
 * is long, or it ends a sentence with a full stop (., 。) that does not
 * end an abbreviation ("U.S."). A short line ending in ? ! or an
 * ellipsis is a headline: headlines ask, exclaim and tease; leads say. */
int headline_is_title(const char *line, size_t len);

/* A new string: a title made from the first sentence of TEXT (past a
 * dateline such as "МОСКВА, 19 мая - РИА Новости."), without its full
 * stop, cut at a word with an ellipsis when it is long; Chinese up to its
 * first 。. */
char *headline_make(const char *text);

#endif
