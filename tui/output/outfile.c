/* SPDX-License-Identifier: ISC */
/* A file written as a whole (outfile.h): what cp and sed -i do for a
 * regular file, what the shell's '>' does for anything else. What the
 * name is comes from the descriptor opened, never from a look at the
 * name before: a name can change between a look and an open. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output/outfile.h"

/* Linux follows at most 40 symlinks in a path: so do we. */
#define OUTFILE_MAX_LINKS 40
#define OUTFILE_NSIGNALS 3

/* The temporary file a signal removes, and the handlers that were there
 * before (a signal goes on to them). */
static char outfile_tmp[PATH_MAX];
static volatile sig_atomic_t outfile_armed;
static const int outfile_signals[OUTFILE_NSIGNALS] = { SIGTERM, SIGINT, SIGHUP };
static struct sigaction outfile_old[OUTFILE_NSIGNALS];

static void
outfile_on_signal(int sig)
{
	int saved = errno, i;

	if (outfile_armed) {
		unlink(outfile_tmp);
		outfile_armed = 0;
	}
	for (i = 0; i < OUTFILE_NSIGNALS - 1 && outfile_signals[i] != sig; i++)
		continue;
	/* The default ends the process, as it would have: the signal is
	 * blocked in here and arrives when the handler returns. The
	 * browser's own handler notes it and quits in its own time. */
	if (outfile_old[i].sa_handler == SIG_DFL) {
		signal(sig, SIG_DFL);
		raise(sig);
	} else if (outfile_old[i].sa_handler != SIG_IGN &&
	    !(outfile_old[i].sa_flags & SA_SIGINFO)) {
		outfile_old[i].sa_handler(sig);
	}
	errno = saved;
}

/* A signal that is ignored (nohup) stays ignored. */
static void
outfile_catch(void)
{
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = outfile_on_signal;
	sa.sa_flags = SA_RESTART;
	sigfillset(&sa.sa_mask);
	for (i = 0; i < OUTFILE_NSIGNALS; i++)
		if (sigaction(outfile_signals[i], NULL, &outfile_old[i]) == 0 &&
		    outfile_old[i].sa_handler != SIG_IGN)
			sigaction(outfile_signals[i], &sa, NULL);
}

static void
outfile_release(void)
{
	int i;

	outfile_armed = 0;
	for (i = 0; i < OUTFILE_NSIGNALS; i++)
		sigaction(outfile_signals[i], &outfile_old[i], NULL);
}

static int
outfile_fail(struct err *e, const char *what, const char *path, int errnum)
{
	err_set(e, "%s %s: %s", what, path, strerror(errnum ? errnum : EIO));
	return -1;
}

/* A link the kernel would not follow with fs.protected_symlinks set: in
 * a sticky folder anyone may write to (/tmp), owned neither by us nor by
 * the folder's owner. Asked whatever the setting, for the links we
 * follow ourselves and for the name given: another user's link in /tmp
 * is never a way into our files. */
static int
outfile_link_protected(const char *link, const struct stat *lst)
{
	const char *slash = strrchr(link, '/');
	char dir[PATH_MAX];
	struct stat ds;

	if (lst->st_uid == geteuid())
		return 0;
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - link + 1), link);
	if (stat(dir, &ds) != 0)
		return 1;
	return (ds.st_mode & (S_ISVTX | S_IWOTH)) == (S_ISVTX | S_IWOTH) &&
	    ds.st_uid != lst->st_uid;
}

/* The file a dangling link names, made by us: the kernel cannot make it
 * for us without making it at once (open with O_CREAT leaves an empty
 * file if the export then fails, and O_EXCL refuses links altogether), so
 * the links are read here, each from the folder of its link, each asked
 * outfile_link_protected as the kernel would ask it. The name found must
 * not exist yet. */
static int
outfile_resolve(const char *path, char *out, size_t size)
{
	char link[PATH_MAX], next[PATH_MAX];
	const char *slash;
	struct stat st;
	ssize_t n;
	int hops;

	if ((size_t)snprintf(out, size, "%s", path) >= size)
		return errno = ENAMETOOLONG, -1;
	for (hops = 0;; hops++) {
		if (lstat(out, &st) != 0)
			return errno == ENOENT ? 0 : -1;
		if (!S_ISLNK(st.st_mode))
			return errno = EAGAIN, -1;      /* made meanwhile */
		if (outfile_link_protected(out, &st))
			return errno = EACCES, -1;
		if (hops == OUTFILE_MAX_LINKS)
			return errno = ELOOP, -1;
		if ((n = readlink(out, link, sizeof link - 1)) < 0)
			return -1;
		link[n] = '\0';
		slash = strrchr(out, '/');
		if (link[0] == '/' || slash == NULL)
			n = snprintf(next, sizeof next, "%s", link);
		else
			n = snprintf(next, sizeof next, "%.*s%s",
			    (int)(slash - out + 1), out, link);
		if (n < 0 || (size_t)n >= size || (size_t)n >= sizeof next)
			return errno = ENAMETOOLONG, -1;
		memcpy(out, next, (size_t)n + 1);
	}
}

/* What PATH names, opened for writing with the kernel following the
 * links (so that fs.protected_symlinks has its say, as for '>'), never
 * truncated (it may be a regular file, replaced whole later) and without
 * waiting for a FIFO's reader. With WAIT, a FIFO with no reader is waited
 * for, as '>' waits (the command line: Ctrl-C ends the wait, and
 * "scotl export -o fifo & reader <fifo" needs it); the browser does not
 * wait, since in its raw mode nothing could end the wait. */
static int
outfile_open_target(const char *path, int wait)
{
	int flags = O_WRONLY | O_NOCTTY | O_CLOEXEC, fd;
	struct stat st;

	fd = open(path, flags | O_NONBLOCK);
	if (fd < 0 && errno == ENXIO && wait && stat(path, &st) == 0 &&
	    S_ISFIFO(st.st_mode))
		fd = open(path, flags);
	return fd;
}

static int
outfile_same(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* PATH is a link another user planted in /tmp. */
static int
outfile_planted(const char *path)
{
	struct stat ls;

	return lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode) &&
	    outfile_link_protected(path, &ls);
}

/* The name the file open on FD has, which PATH named: PATH when it is no
 * link, else what the kernel says it opened, checked to be that file. A
 * link another user planted in /tmp is refused (outfile_link_protected). */
static int
outfile_real_name(int fd, const char *path, const struct stat *st,
    char *out, size_t size, struct err *e)
{
	char proc[64];
	struct stat ls;
	ssize_t n;

	if (lstat(path, &ls) != 0)
		return outfile_fail(e, "cannot write", path, errno);
	if (outfile_planted(path))
		return outfile_fail(e, "cannot write", path, EACCES);
	if (outfile_same(&ls, st)) {
		if ((size_t)snprintf(out, size, "%s", path) >= size)
			return outfile_fail(e, "cannot write", path,
			    ENAMETOOLONG);
		return 0;
	}
	if (!S_ISLNK(ls.st_mode)) {
		err_set(e, "cannot write %s: it changed while being opened",
		    path);
		return -1;
	}
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if ((n = readlink(proc, out, size - 1)) >= 0)
		out[n] = '\0';
	/* No /proc, a name too long, or one the file no longer has. */
	if (n < 0 || (size_t)n == size - 1 || out[0] != '/' ||
	    lstat(out, &ls) != 0 || !outfile_same(&ls, st)) {
		err_set(e, "cannot tell what file %s names", path);
		return -1;
	}
	return 0;
}

/* A device, a FIFO, a terminal: written in place, as '>' would, and
 * waiting for its writes (the open did not wait). Nothing to truncate. */
static int
outfile_in_place(struct outfile *of, int fd, const char *path,
    struct err *e)
{
	int flags = fcntl(fd, F_GETFL);

	if (flags == -1 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1 ||
	    (of->fp = fdopen(fd, "w")) == NULL) {
		outfile_fail(e, "cannot write", path, errno);
		close(fd);
		return -1;
	}
	of->path = xstrdup(path);
	return 0;
}

/* The temporary file is made with the signals blocked, so that none
 * comes between its making and the handler knowing its name. */
static int
outfile_make_temp(const char *path)
{
	sigset_t all, old;
	int fd, saved;

	if ((size_t)snprintf(outfile_tmp, sizeof outfile_tmp, "%s.XXXXXX",
	    path) >= sizeof outfile_tmp)
		return errno = ENAMETOOLONG, -1;
	outfile_catch();
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	fd = mkstemp(outfile_tmp);
	saved = errno;
	outfile_armed = fd >= 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0)
		outfile_release();
	errno = saved;
	return fd;
}

/* A new file gets the mode the umask leaves; a replaced one keeps its
 * mode and, where we may give it (as root), its owner, as sed -i does. */
static int
outfile_set_mode(int fd, const struct stat *old)
{
	mode_t mask;

	if (old == NULL) {
		mask = umask(0);
		umask(mask);
		return fchmod(fd, 0666 & ~mask);
	}
	if ((old->st_uid != geteuid() || old->st_gid != getegid()) &&
	    fchown(fd, old->st_uid, old->st_gid) != 0 &&
	    fchown(fd, (uid_t)-1, old->st_gid) != 0)
		errno = 0;      /* not ours to give: the file becomes ours */
	return fchmod(fd, old->st_mode & 07777);
}

static int
outfile_open_temp(struct outfile *of, const char *path,
    const struct stat *old, struct err *e)
{
	int fd;

	if ((fd = outfile_make_temp(path)) < 0)
		return outfile_fail(e, "cannot write", path, errno);
	if (outfile_set_mode(fd, old) != 0 ||
	    (of->fp = fdopen(fd, "w")) == NULL) {
		outfile_fail(e, "cannot write", path, errno);
		close(fd);
		unlink(outfile_tmp);
		outfile_release();
		return -1;
	}
	of->path = xstrdup(path);
	of->tmp = xstrdup(outfile_tmp);
	return 0;
}

/* A regular file open on FD is replaced whole, not written: its name is
 * found and the descriptor closed. Opening it for writing asked its own
 * permission, as '>' would (renaming over it needs only the folder's). */
static int
outfile_open_regular(struct outfile *of, int fd, const char *path,
    const struct stat *st, struct err *e)
{
	char real[PATH_MAX];
	int rc = outfile_real_name(fd, path, st, real, sizeof real, e);

	close(fd);
	return rc != 0 ? -1 : outfile_open_temp(of, real, st, e);
}

/* Nothing there, or a dangling link: a new file, made under the name the
 * links lead to. */
static int
outfile_open_new(struct outfile *of, const char *path, struct err *e)
{
	char real[PATH_MAX];

	if (outfile_resolve(path, real, sizeof real) != 0) {
		if (errno == EAGAIN) {
			err_set(e, "cannot write %s: it changed while being "
			    "opened", path);
			return -1;
		}
		return outfile_fail(e, "cannot write", path, errno);
	}
	return outfile_open_temp(of, real, NULL, e);
}

int
outfile_open(struct outfile *of, const char *path, int flags, struct err *e)
{
	struct stat st;
	int fd;

	memset(of, 0, sizeof *of);
	if ((fd = outfile_open_target(path, !(flags & OUTFILE_NO_WAIT))) < 0) {
		if (errno == ENOENT)
			return outfile_open_new(of, path, e);
		if (errno == ENXIO && stat(path, &st) == 0 &&
		    S_ISFIFO(st.st_mode)) {
			err_set(e, "no one is reading FIFO %s", path);
			return -1;
		}
		return outfile_fail(e, "cannot write", path, errno);
	}
	if (fstat(fd, &st) != 0) {
		outfile_fail(e, "cannot write", path, errno);
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return outfile_open_regular(of, fd, path, &st, e);
	if (outfile_planted(path)) {
		outfile_fail(e, "cannot write", path, EACCES);
		close(fd);
		return -1;
	}
	return outfile_in_place(of, fd, path, e);
}

/* The rename is on the disk too, as far as the folder can say. */
static void
outfile_sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[PATH_MAX];
	int fd;

	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path + 1), path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		if (fsync(fd) != 0)
			errno = 0;      /* some file systems cannot: no matter */
		close(fd);
	}
}

/* The data is on the disk before its name moves: a crash leaves the old
 * file or the new one, never a short one. */
static int
outfile_finish(struct outfile *of, struct err *e)
{
	int failed = fflush(of->fp) != 0 || ferror(of->fp);

	if (!failed && of->tmp != NULL && fsync(fileno(of->fp)) != 0)
		failed = 1;
	if (failed) {
		outfile_fail(e, "cannot write", of->path, errno);
		fclose(of->fp);
		return -1;
	}
	if (fclose(of->fp) != 0)
		return outfile_fail(e, "cannot write", of->path, errno);
	if (of->tmp == NULL)
		return 0;
	if (!outfile_armed) {
		err_set(e, "cannot write %s: interrupted", of->path);
		return -1;
	}
	if (rename(of->tmp, of->path) != 0)
		return outfile_fail(e, "cannot write", of->path, errno);
	outfile_sync_folder(of->path);
	return 0;
}

int
outfile_close(struct outfile *of, int keep, struct err *e)
{
	int rc = 0;

	if (keep)
		rc = outfile_finish(of, e);
	else
		fclose(of->fp);
	if (of->tmp != NULL) {
		if (rc != 0 || !keep)
			unlink(of->tmp);
		outfile_release();
	}
	free(of->path);
	free(of->tmp);
	memset(of, 0, sizeof *of);
	return rc;
}
