/* SPDX-License-Identifier: ISC */
/* People, states, organisations and places: lookup by any name, and the
 * detail an investigator wants (aliases, roles over time, SCO status over
 * time, events, the people they share events with). */
#ifndef SCOTL_ENTITY_H
#define SCOTL_ENTITY_H

#include "scotl/db.h"
#include "scotl/util.h"

struct entity_ref {
	long long id;
	char *name;
	char *kind;
	char *state;            /* its state, "" if none */
};

struct entity_list {
	struct entity_ref *items;
	int n;
};

/* Every entity one of whose names is NAME, compared without case; when
 * none is, every entity with a name that starts with it. */
int entity_find(struct db *db, const char *name, struct entity_list *out,
    struct err *e);
void entity_list_free(struct entity_list *l);

struct entity_alias {
	char *name;
	char *kind;             /* name, alias, demonym */
};

struct entity_span {            /* a role or an SCO status over time */
	char *what;             /* the title or the status */
	char *state;            /* a role's state, "" for a status */
	char *since;            /* as written, "" when not known */
	char *until;
};

struct entity_partner {
	struct entity_ref who;
	int shared;             /* events both take part in */
};

struct entity_detail {
	struct entity_ref ref;
	char *origin;
	struct entity_alias *aliases;
	int naliases;
	struct entity_span *roles;
	int nroles;
	struct entity_span *sco;        /* states: SCO status over time */
	int nsco;
	char **states;                  /* people: every state they stood for */
	int nstates;
	int events;                     /* events it takes part in or hosts */
	char first_day[11], last_day[11];
	struct entity_partner *partners;  /* people sharing its events */
	int npartners;
};

int entity_get(struct db *db, long long id, struct entity_detail *out,
    struct err *e);
void entity_detail_free(struct entity_detail *d);

/* How many events an entity takes part in or hosts. */
int entity_event_count(struct db *db, long long id, long long *n,
    struct err *e);

/* A state's SCO status on a day ("" when it had none). */
int entity_sco_status(struct db *db, long long state, const char *day,
    char *out, size_t size, struct err *e);

#endif
