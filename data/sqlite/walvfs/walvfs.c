/*
 * A VFS over the platform's own that gathers the writes SQLite makes to
 * a write-ahead log between two syncs and hands them to the operating
 * system as one write, just before the sync. SQLite writes each frame of
 * a commit as two writes (its header, then the page): an intake's 40 or
 * so writes cost the counter's disk more than their bytes do (0.15 ms
 * against one write of the same bytes, measured on a 2-core virtual
 * machine).
 *
 * A commit is as durable as before: the sync still follows the data.
 * SQLite makes a commit's frames visible to other connections only after
 * that sync, so no one reads the log without them. That holds only with
 * synchronous=FULL: without a sync at commit, the frames would be shown
 * while still gathered here, so every connection of this VFS must use it.
 * Before anything else reads, sizes, truncates, closes or controls a log,
 * the gathered bytes are written too. Files other than logs pass
 * straight through.
 */
#include <stdlib.h>
#include <string.h>

#include "vfs.h"
#include "walvfs.h"

/* gatherMax bounds the bytes gathered before they are written anyway:
 * the 21 or so frames of an intake, and below the 128 KiB that SQLite's
 * unix layer writes at most in one call. */
#define gatherMax (120 * 1024)

typedef struct walFile {
	sqlite3_file base;
	sqlite3_file *real; /* the platform's file, allocated after this struct */
	int isLog;
	char *buf;          /* allocated on the first write of a log */
	sqlite3_int64 start; /* file offset of buf[0] */
	int len;            /* bytes gathered */
} walFile;

static sqlite3_vfs *platform;
static sqlite3_vfs gathering;
static sqlite3_io_methods methods[4]; /* by the platform file's iVersion */

#define REAL(f) (((walFile *)(f))->real)
#define M(f) (REAL(f)->pMethods)

/* What the tests count: writes handed to the platform for logs, syncs of
 * logs. */
static long long logWrites, logSyncs;

static int logWrite(walFile *p, const void *data, int n, sqlite3_int64 off) {
	__atomic_add_fetch(&logWrites, 1, __ATOMIC_RELAXED);
	return p->real->pMethods->xWrite(p->real, data, n, off);
}

void motcua_walvfs_counts(long long *writes, long long *syncs) {
	*writes = __atomic_load_n(&logWrites, __ATOMIC_RELAXED);
	*syncs = __atomic_load_n(&logSyncs, __ATOMIC_RELAXED);
}

static int flush(walFile *p) {
	int rc;
	if (p->len == 0) {
		return SQLITE_OK;
	}
	rc = logWrite(p, p->buf, p->len, p->start);
	p->len = 0;
	return rc;
}

/* flushed returns from the calling method with flush's error, if any. */
#define flushed(f) \
	do { \
		int rc_ = flush((walFile *)(f)); \
		if (rc_ != SQLITE_OK) { \
			return rc_; \
		} \
	} while (0)

static int fileClose(sqlite3_file *f) {
	walFile *p = (walFile *)f;
	int rc = flush(p);
	int rc2 = M(f)->xClose(p->real);
	free(p->buf);
	p->buf = NULL;
	return rc != SQLITE_OK ? rc : rc2;
}

static int fileRead(sqlite3_file *f, void *out, int n, sqlite3_int64 off) {
	flushed(f);
	return M(f)->xRead(REAL(f), out, n, off);
}

static int fileWrite(sqlite3_file *f, const void *data, int n, sqlite3_int64 off) {
	walFile *p = (walFile *)f;
	if (!p->isLog) {
		return M(f)->xWrite(p->real, data, n, off);
	}
	if (p->len > 0 && (off != p->start + p->len || p->len + n > gatherMax)) {
		flushed(f);
	}
	if (n > gatherMax) {
		return logWrite(p, data, n, off);
	}
	if (p->buf == NULL && (p->buf = malloc(gatherMax)) == NULL) {
		return logWrite(p, data, n, off);
	}
	if (p->len == 0) {
		p->start = off;
	}
	memcpy(p->buf + p->len, data, n);
	p->len += n;
	return SQLITE_OK;
}

static int fileTruncate(sqlite3_file *f, sqlite3_int64 size) {
	flushed(f);
	return M(f)->xTruncate(REAL(f), size);
}

static int fileSync(sqlite3_file *f, int flags) {
	flushed(f);
	if (((walFile *)f)->isLog) {
		__atomic_add_fetch(&logSyncs, 1, __ATOMIC_RELAXED);
	}
	return M(f)->xSync(REAL(f), flags);
}

static int fileSize(sqlite3_file *f, sqlite3_int64 *size) {
	flushed(f);
	return M(f)->xFileSize(REAL(f), size);
}

static int fileLock(sqlite3_file *f, int level) { return M(f)->xLock(REAL(f), level); }
static int fileUnlock(sqlite3_file *f, int level) { return M(f)->xUnlock(REAL(f), level); }
static int fileCheckReservedLock(sqlite3_file *f, int *out) { return M(f)->xCheckReservedLock(REAL(f), out); }

static int fileControl(sqlite3_file *f, int op, void *arg) {
	flushed(f);
	return M(f)->xFileControl(REAL(f), op, arg);
}

static int fileSectorSize(sqlite3_file *f) { return M(f)->xSectorSize(REAL(f)); }
static int fileDeviceCharacteristics(sqlite3_file *f) { return M(f)->xDeviceCharacteristics(REAL(f)); }

static int fileShmMap(sqlite3_file *f, int pg, int size, int extend, void volatile **pp) {
	return M(f)->xShmMap(REAL(f), pg, size, extend, pp);
}
static int fileShmLock(sqlite3_file *f, int off, int n, int flags) { return M(f)->xShmLock(REAL(f), off, n, flags); }
static void fileShmBarrier(sqlite3_file *f) { M(f)->xShmBarrier(REAL(f)); }
static int fileShmUnmap(sqlite3_file *f, int del) { return M(f)->xShmUnmap(REAL(f), del); }

static int fileFetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp) {
	flushed(f);
	return M(f)->xFetch(REAL(f), off, n, pp);
}
static int fileUnfetch(sqlite3_file *f, sqlite3_int64 off, void *p) { return M(f)->xUnfetch(REAL(f), off, p); }

static int vfsOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags) {
	walFile *p = (walFile *)f;
	int rc;
	(void)vfs;
	memset(p, 0, sizeof *p);
	p->real = (sqlite3_file *)&p[1];
	rc = platform->xOpen(platform, name, p->real, flags, outFlags);
	if (p->real->pMethods == NULL) {
		p->base.pMethods = NULL;
		return rc;
	}
	p->isLog = (flags & SQLITE_OPEN_WAL) != 0;
	p->base.pMethods = &methods[p->real->pMethods->iVersion < 3 ? p->real->pMethods->iVersion : 3];
	return rc;
}

int motcua_walvfs_register(const char *name) {
	int v;
	platform = sqlite3_vfs_find(NULL);
	if (platform == NULL) {
		return SQLITE_IOERR;
	}
	for (v = 1; v <= 3; v++) {
		sqlite3_io_methods *m = &methods[v];
		m->iVersion = v;
		m->xClose = fileClose;
		m->xRead = fileRead;
		m->xWrite = fileWrite;
		m->xTruncate = fileTruncate;
		m->xSync = fileSync;
		m->xFileSize = fileSize;
		m->xLock = fileLock;
		m->xUnlock = fileUnlock;
		m->xCheckReservedLock = fileCheckReservedLock;
		m->xFileControl = fileControl;
		m->xSectorSize = fileSectorSize;
		m->xDeviceCharacteristics = fileDeviceCharacteristics;
		if (v >= 2) {
			m->xShmMap = fileShmMap;
			m->xShmLock = fileShmLock;
			m->xShmBarrier = fileShmBarrier;
			m->xShmUnmap = fileShmUnmap;
		}
		if (v >= 3) {
			m->xFetch = fileFetch;
			m->xUnfetch = fileUnfetch;
		}
	}
	/* Everything but opening is the platform's own, called with a VFS
	 * that carries the platform's settings and data. */
	gathering = *platform;
	if (gathering.iVersion > 3) {
		gathering.iVersion = 3; /* the fields declared in vfs.h */
	}
	gathering.zName = name;
	gathering.pNext = NULL;
	gathering.szOsFile = (int)sizeof(walFile) + platform->szOsFile;
	gathering.xOpen = vfsOpen;
	return sqlite3_vfs_register(&gathering, 0);
}
