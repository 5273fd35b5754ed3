/* SPDX-License-Identifier: ISC */
/* People the gazetteer does not know, found from a title before a name:
 * in English ("Defence Minister Dong Jun", "Secretary of the Security
 * Council of the Kyrgyz Republic Marat Imankulov", "Deputy Foreign
 * Minister X", "Defence Minister General X", "his Indian counterpart
 * X"), in Russian ("секретарь Совета безопасности России Николай
 * Патрушев", "министра обороны Сергея Шойгу", "с министром обороны Сергеем Шойгу",
 * the name made nominative) and in Chinese ("国防部长
 * 魏凤和"). Each is proposed as a person marked as extracted, with the
 * title as written as role and the state the title names as affiliation
 * (never another state of the sentence), and its mention. A name in
 * initials ("N.P. Patrushev") is the one person of the gazetteer with
 * that first letter and surname, else a new person named "N. P.
 * Patrushev". Headlines in title case name nobody ("Secretary General
 * Urges Intensified Effort"). */
#ifndef SCOTL_PEOPLE_H
#define SCOTL_PEOPLE_H

#include "scotl/db.h"
#include "scotl/mention.h"
#include "scotl/util.h"

struct people_found {
	char *name;
	char *norm;             /* the name in lower case, as alias.norm */
	char *title;            /* the role: the title as written */
	long long state;        /* the affiliation, 0 when none */
	long long start, end;   /* the name in the body */
	char *surname;          /* a second alias, NULL when too short or
	                         * it names someone already */
	char *surname_norm;
	long long known;        /* a person of the gazetteer named by
	                         * initials: only a mention of it, else 0 */
};

/* The people BODY names after a title (and those of the gazetteer it
 * names by initials only), given its mentions (in order of
 * position): a new array, in order of position. Writes nothing; the
 * database is asked only which names it knows already. Returns the
 * number found or -1. */
int people_find(struct db *db, const char *body, size_t len,
    const struct mention_row *m, int n, struct people_found **out,
    struct err *e);
void people_found_free(struct people_found *p, int n);

#endif
