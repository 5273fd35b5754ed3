/* SPDX-License-Identifier: ISC */
/* Failure injection (fault.h): counters of allocations, a wrapper around
 * SQLite's default allocator that fails the chosen one, and a VFS over
 * the default one whose chosen read, write, sync, truncate or size call
 * fails with an I/O error. */
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

static struct fault_counter fault_own, fault_sqlite, fault_io;
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

/* The I/O VFS: a file of ours holds the real file right after it. */
struct fault_file {
	sqlite3_file base;
	sqlite3_file *real;
};

static sqlite3_vfs *fault_vfs_real;
static sqlite3_vfs fault_vfs;

#define FAULT_REAL(f) (((struct fault_file *)(f))->real)

static int
fault_io_close(sqlite3_file *f)
{
	return FAULT_REAL(f)->pMethods->xClose(FAULT_REAL(f));
}

static int
fault_io_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (fault_hit(&fault_io))
		return SQLITE_IOERR_READ;
	return FAULT_REAL(f)->pMethods->xRead(FAULT_REAL(f), buf, n, off);
}

static int
fault_io_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fault_hit(&fault_io))
		return SQLITE_IOERR_WRITE;
	return FAULT_REAL(f)->pMethods->xWrite(FAULT_REAL(f), buf, n, off);
}

static int
fault_io_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (fault_hit(&fault_io))
		return SQLITE_IOERR_TRUNCATE;
	return FAULT_REAL(f)->pMethods->xTruncate(FAULT_REAL(f), size);
}

static int
fault_io_sync(sqlite3_file *f, int flags)
{
	if (fault_hit(&fault_io))
		return SQLITE_IOERR_FSYNC;
	return FAULT_REAL(f)->pMethods->xSync(FAULT_REAL(f), flags);
}

static int
fault_io_size(sqlite3_file *f, sqlite3_int64 *size)
{
	if (fault_hit(&fault_io))
		return SQLITE_IOERR_FSTAT;
	return FAULT_REAL(f)->pMethods->xFileSize(FAULT_REAL(f), size);
}

static int
fault_io_lock(sqlite3_file *f, int lock)
{
	return FAULT_REAL(f)->pMethods->xLock(FAULT_REAL(f), lock);
}

static int
fault_io_unlock(sqlite3_file *f, int lock)
{
	return FAULT_REAL(f)->pMethods->xUnlock(FAULT_REAL(f), lock);
}

static int
fault_io_reserved(sqlite3_file *f, int *out)
{
	return FAULT_REAL(f)->pMethods->xCheckReservedLock(FAULT_REAL(f), out);
}

static int
fault_io_control(sqlite3_file *f, int op, void *arg)
{
	return FAULT_REAL(f)->pMethods->xFileControl(FAULT_REAL(f), op, arg);
}

static int
fault_io_sector(sqlite3_file *f)
{
	return FAULT_REAL(f)->pMethods->xSectorSize(FAULT_REAL(f));
}

static int
fault_io_device(sqlite3_file *f)
{
	return FAULT_REAL(f)->pMethods->xDeviceCharacteristics(FAULT_REAL(f));
}

static int
fault_io_shm_map(sqlite3_file *f, int page, int size, int extend,
    void volatile **out)
{
	return FAULT_REAL(f)->pMethods->xShmMap(FAULT_REAL(f), page, size,
	    extend, out);
}

static int
fault_io_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return FAULT_REAL(f)->pMethods->xShmLock(FAULT_REAL(f), offset, n,
	    flags);
}

static void
fault_io_shm_barrier(sqlite3_file *f)
{
	FAULT_REAL(f)->pMethods->xShmBarrier(FAULT_REAL(f));
}

static int
fault_io_shm_unmap(sqlite3_file *f, int delete_flag)
{
	return FAULT_REAL(f)->pMethods->xShmUnmap(FAULT_REAL(f), delete_flag);
}

static int
fault_io_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
	return FAULT_REAL(f)->pMethods->xFetch(FAULT_REAL(f), off, n, out);
}

static int
fault_io_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return FAULT_REAL(f)->pMethods->xUnfetch(FAULT_REAL(f), off, p);
}

static sqlite3_io_methods fault_io_methods = {
	3, fault_io_close, fault_io_read, fault_io_write, fault_io_truncate,
	fault_io_sync, fault_io_size, fault_io_lock, fault_io_unlock,
	fault_io_reserved, fault_io_control, fault_io_sector, fault_io_device,
	fault_io_shm_map, fault_io_shm_lock, fault_io_shm_barrier,
	fault_io_shm_unmap, fault_io_fetch, fault_io_unfetch
};

static int
fault_vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
    int flags, int *out_flags)
{
	struct fault_file *ff = (struct fault_file *)f;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	rc = fault_vfs_real->xOpen(fault_vfs_real, name, ff->real, flags,
	    out_flags);
	/* Closed through us only when the real file was opened. */
	f->pMethods = ff->real->pMethods != NULL ? &fault_io_methods : NULL;
	return rc;
}

/* The rest of the VFS is the real one's. */
static void
fault_vfs_init(void)
{
	fault_vfs_real = sqlite3_vfs_find(NULL);
	if (fault_vfs_real == NULL || fault_vfs_real->iVersion < 1)
		return;
	fault_vfs = *fault_vfs_real;
	fault_vfs.szOsFile = (int)sizeof(struct fault_file) +
	    fault_vfs_real->szOsFile;
	fault_vfs.zName = "scotl-fault";
	fault_vfs.pNext = NULL;
	fault_vfs.xOpen = fault_vfs_open;
	sqlite3_vfs_register(&fault_vfs, 1);
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
	fprintf(fp, "alloc %lld\nsqlite %lld\nio %lld\n", fault_own.n,
	    fault_sqlite.n, fault_io.n);
	fclose(fp);
}

void
fault_init(void)
{
	sqlite3_mem_methods wrap;

	fault_own.at = fault_env("SCOTL_FAIL_ALLOC");
	fault_sqlite.at = fault_env("SCOTL_FAIL_SQLITE");
	fault_io.at = fault_env("SCOTL_FAIL_IO");
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
	/* After the allocator: finding a VFS initialises SQLite. */
	fault_vfs_init();
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
