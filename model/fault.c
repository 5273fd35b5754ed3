/* Failure injection (fault.h): counters of allocations, and a wrapper
 * around SQLite's default allocator that fails the chosen one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "scotl/fault.h"
#include "scotl/util.h"

#ifdef SCOTL_FAULT_INJECTION

struct fault_counter {
	long long n;            /* allocations so far */
	long long at;           /* the one that fails; 0 none */
};

static struct fault_counter fault_own, fault_sqlite;
static int fault_persist;
static const char *fault_count_file;
static sqlite3_mem_methods fault_sqlite_default;

static int
fault_hit(struct fault_counter *c)
{
	c->n++;
	return c->at > 0 && (c->n == c->at || (fault_persist && c->n > c->at));
}

int
fault_alloc(void)
{
	return fault_hit(&fault_own);
}

static void *
fault_sqlite_malloc(int n)
{
	return fault_hit(&fault_sqlite) ? NULL : fault_sqlite_default.xMalloc(n);
}

static void *
fault_sqlite_realloc(void *p, int n)
{
	return fault_hit(&fault_sqlite) ? NULL :
	    fault_sqlite_default.xRealloc(p, n);
}

static long long
fault_env(const char *name)
{
	const char *v = getenv(name);
	long long n;

	return v != NULL && util_parse_ll(v, &n) == 0 && n > 0 ? n : 0;
}

static void
fault_write_counts(void)
{
	FILE *fp = fopen(fault_count_file, "w");

	if (fp == NULL)
		return;
	fprintf(fp, "alloc %lld\nsqlite %lld\n", fault_own.n, fault_sqlite.n);
	fclose(fp);
}

void
fault_init(void)
{
	sqlite3_mem_methods wrap;

	fault_own.at = fault_env("SCOTL_FAIL_ALLOC");
	fault_sqlite.at = fault_env("SCOTL_FAIL_SQLITE");
	fault_persist = fault_env("SCOTL_FAIL_PERSIST") > 0;
	if ((fault_count_file = getenv("SCOTL_FAIL_COUNT")) != NULL &&
	    fault_count_file[0] != '\0')
		atexit(fault_write_counts);
	/* Counted even when none is to fail, so that a run can be sized. */
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &fault_sqlite_default) !=
	    SQLITE_OK)
		return;
	wrap = fault_sqlite_default;
	wrap.xMalloc = fault_sqlite_malloc;
	wrap.xRealloc = fault_sqlite_realloc;
	sqlite3_config(SQLITE_CONFIG_MALLOC, &wrap);
}

#else

void
fault_init(void)
{
}

int
fault_alloc(void)
{
	return 0;
}

#endif
