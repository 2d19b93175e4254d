/* Unit tests of m_libcfile (and of m_syscall's errno names): the core's
   file calls checked against what libc says about the same files. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcfile.h"

/* A fresh directory under /tmp; the test's child process removes what
   it made inside before it ends. */
static void make_temp_dir(char* dir, size_t size)
{
   snprintf(dir, size, "/tmp/vg_ut_libcfile_XXXXXX");
   if (mkdtemp(dir) == NULL)
      ut_report(__FILE__, __LINE__, "mkdtemp failed: %s", strerror(errno));
}

/* DIR/NAME created with MODE and CONTENTS (which may be NULL). */
static void make_file(char* path, size_t size, const char* dir,
                      const char* name, mode_t mode, const char* contents)
{
   snprintf(path, size, "%s/%s", dir, name);
   int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
   if (fd < 0) {
      ut_report(__FILE__, __LINE__, "cannot create %s", path);
      return;
   }
   if (contents && write(fd, contents, strlen(contents)) < 0)
      ut_report(__FILE__, __LINE__, "cannot write %s", path);
   close(fd);
   chmod(path, mode);   /* after creation: the umask must not interfere */
}

UNIT_TEST(open_write_lseek_read_round_trip)
{
   char dir[64], path[128], buf[32];
   make_temp_dir(dir, sizeof dir);
   snprintf(path, sizeof path, "%s/data", dir);

   SysRes sr = VG_(open)(path, VKI_O_CREAT | VKI_O_RDWR | VKI_O_TRUNC, 0600);
   UT_CHECK(!sr_isError(sr));
   Int fd = (Int)sr_Res(sr);
   UT_CHECK_EQ(VG_(write)(fd, "hello, world", 12), 12);
   UT_CHECK_EQ(VG_(lseek)(fd, 0, VKI_SEEK_CUR), 12);
   UT_CHECK_EQ(VG_(lseek)(fd, 7, VKI_SEEK_SET), 7);
   memset(buf, 0, sizeof buf);
   UT_CHECK_EQ(VG_(read)(fd, buf, sizeof buf), 5);
   UT_CHECK_STREQ(buf, "world");
   UT_CHECK_EQ(VG_(read)(fd, buf, sizeof buf), 0);      /* end of file */
   UT_CHECK_EQ(VG_(lseek)(fd, -5, VKI_SEEK_END), 7);
   /* A position beyond 4GB needs the 64-bit offset path. */
   UT_CHECK_EQ(VG_(lseek)(fd, 0x123456789LL, VKI_SEEK_SET), 0x123456789LL);

   memset(buf, 0, sizeof buf);
   sr = VG_(pread)(fd, buf, 5, 0);
   UT_CHECK(!sr_isError(sr) && sr_Res(sr) == 5);
   UT_CHECK_STREQ(buf, "hello");
   UT_CHECK_EQ(lseek64(fd, 0, SEEK_CUR), 0x123456789LL);  /* pread kept it */
   UT_CHECK_EQ(VG_(fsize)(fd), 12);
   UT_CHECK_EQ(VG_(close)(fd), 0);

   UT_CHECK_EQ(VG_(unlink)(path), 0);
   UT_CHECK_EQ(VG_(unlink)(path), -1);
   rmdir(dir);
}

/* The arch-neutral vg_stat must carry the kernel's values unchanged. */
static void check_same_stat(const struct vg_stat* v, const struct stat* l)
{
   UT_CHECK_EQ(v->dev, l->st_dev);
   UT_CHECK_EQ(v->ino, l->st_ino);
   UT_CHECK_EQ(v->nlink, l->st_nlink);
   UT_CHECK_EQ(v->mode, l->st_mode);
   UT_CHECK_EQ(v->uid, l->st_uid);
   UT_CHECK_EQ(v->gid, l->st_gid);
   UT_CHECK_EQ(v->rdev, l->st_rdev);
   UT_CHECK_EQ(v->size, l->st_size);
   UT_CHECK_EQ(v->blksize, l->st_blksize);
   UT_CHECK_EQ(v->blocks, l->st_blocks);
   UT_CHECK_EQ(v->atime, l->st_atim.tv_sec);
   UT_CHECK_EQ(v->atime_nsec, l->st_atim.tv_nsec);
   UT_CHECK_EQ(v->mtime, l->st_mtim.tv_sec);
   UT_CHECK_EQ(v->mtime_nsec, l->st_mtim.tv_nsec);
   UT_CHECK_EQ(v->ctime, l->st_ctim.tv_sec);
   UT_CHECK_EQ(v->ctime_nsec, l->st_ctim.tv_nsec);
}

UNIT_TEST(stat_and_fstat_match_libc)
{
   char dir[64], path[128];
   make_temp_dir(dir, sizeof dir);
   make_file(path, sizeof path, dir, "f", 0640, "0123456789");

   struct stat l;
   struct vg_stat v;
   UT_CHECK_EQ(stat(path, &l), 0);
   memset(&v, 0xAA, sizeof v);
   UT_CHECK(!sr_isError(VG_(stat)(path, &v)));
   check_same_stat(&v, &l);
   UT_CHECK(VKI_S_ISREG(v.mode));
   UT_CHECK_EQ(v.mode & 07777, 0640);

   int fd = open(path, O_RDONLY);
   memset(&v, 0x55, sizeof v);
   UT_CHECK_EQ(VG_(fstat)(fd, &v), 0);
   check_same_stat(&v, &l);
   close(fd);

   /* A directory, and a character device. */
   UT_CHECK_EQ(stat(dir, &l), 0);
   UT_CHECK(!sr_isError(VG_(stat)(dir, &v)));
   check_same_stat(&v, &l);
   UT_CHECK_EQ(stat("/dev/null", &l), 0);
   UT_CHECK(!sr_isError(VG_(stat)("/dev/null", &v)));
   check_same_stat(&v, &l);
   UT_CHECK(VKI_S_ISCHR(v.mode));

   unlink(path);
   rmdir(dir);
}

UNIT_TEST(errors_carry_the_kernel_errno)
{
   struct vg_stat v;
   SysRes sr = VG_(open)("/nonexistent/vg_ut", VKI_O_RDONLY, 0);
   UT_CHECK(sr_isError(sr));
   UT_CHECK_EQ(sr_Err(sr), VKI_ENOENT);
   sr = VG_(open)("/tmp", VKI_O_WRONLY, 0);
   UT_CHECK(sr_isError(sr));
   UT_CHECK_EQ(sr_Err(sr), VKI_EISDIR);
   sr = VG_(open)("/tmp", VKI_O_RDONLY | VKI_O_DIRECTORY, 0);
   UT_CHECK(!sr_isError(sr));
   VG_(close)((Int)sr_Res(sr));
   sr = VG_(open)("/dev/null", VKI_O_RDONLY | VKI_O_DIRECTORY, 0);
   UT_CHECK_EQ(sr_Err(sr), VKI_ENOTDIR);

   sr = VG_(stat)("/nonexistent/vg_ut", &v);
   UT_CHECK(sr_isError(sr));
   UT_CHECK_EQ(sr_Err(sr), VKI_ENOENT);
   UT_CHECK_EQ(VG_(fstat)(-1, &v), -1);
   UT_CHECK_EQ(VG_(fsize)(-1), -1);

   char c;
   UT_CHECK_EQ(VG_(read)(-1, &c, 1), -VKI_EBADF);
   UT_CHECK_EQ(VG_(write)(-1, &c, 1), -VKI_EBADF);
   UT_CHECK_EQ(VG_(close)(-1), -1);
   UT_CHECK_EQ(VG_(lseek)(-1, 0, VKI_SEEK_SET), -1);
}

UNIT_TEST(pipe_dup_and_dup2)
{
   Int fds[2];
   char buf[8] = { 0 };
   UT_CHECK_EQ(VG_(pipe)(fds), 0);
   UT_CHECK(fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1]);

   SysRes sr = VG_(dup2)(fds[0], 100);
   UT_CHECK(!sr_isError(sr) && sr_Res(sr) == 100);
   sr = VG_(dup)(fds[1]);
   UT_CHECK(!sr_isError(sr));
   Int wfd = (Int)sr_Res(sr);
   UT_CHECK_EQ(VG_(write)(wfd, "abc", 3), 3);
   UT_CHECK_EQ(VG_(read)(100, buf, sizeof buf), 3);
   UT_CHECK_STREQ(buf, "abc");

   /* dup2 onto itself is a validity check, as in libc. */
   sr = VG_(dup2)(100, 100);
   UT_CHECK(!sr_isError(sr) && sr_Res(sr) == 100);
   VG_(close)(100);
   sr = VG_(dup2)(100, 100);
   UT_CHECK(sr_isError(sr) && sr_Err(sr) == VKI_EBADF);
   sr = VG_(dup2)(-1, 101);
   UT_CHECK(sr_isError(sr) && sr_Err(sr) == VKI_EBADF);

   /* With every writer gone the reader sees end-of-file. */
   VG_(close)(wfd);
   VG_(close)(fds[1]);
   UT_CHECK_EQ(VG_(read)(fds[0], buf, sizeof buf), 0);
   VG_(close)(fds[0]);
}

UNIT_TEST(fcntl_flags)
{
   Int fds[2];
   UT_CHECK_EQ(VG_(pipe)(fds), 0);
   UT_CHECK_EQ(VG_(fcntl)(fds[0], VKI_F_GETFD, 0), 0);
   UT_CHECK_EQ(VG_(fcntl)(fds[0], VKI_F_SETFD, VKI_FD_CLOEXEC), 0);
   UT_CHECK_EQ(fcntl(fds[0], F_GETFD), FD_CLOEXEC);
   UT_CHECK_EQ(VG_(fcntl)(fds[1], VKI_F_GETFL, 0) & VKI_O_ACCMODE,
               VKI_O_WRONLY);
   UT_CHECK_EQ(VG_(fcntl)(-1, VKI_F_GETFD, 0), -1);
   VG_(close)(fds[0]);
   VG_(close)(fds[1]);
}

UNIT_TEST(readlink_of_proc_self_exe)
{
   char mine[4096], libc[4096];
   memset(mine, 0, sizeof mine);
   ssize_t n = readlink("/proc/self/exe", libc, sizeof libc - 1);
   UT_CHECK(n > 0);
   libc[n > 0 ? n : 0] = '\0';
   UT_CHECK_EQ(VG_(readlink)("/proc/self/exe", mine, sizeof mine - 1), n);
   UT_CHECK_STREQ(mine, libc);
   UT_CHECK_EQ(VG_(readlink)("/nonexistent/vg_ut", mine, sizeof mine), -1);
   UT_CHECK_EQ(VG_(readlink)("/proc/self/exe", mine, 4), 4);  /* truncated */
}

UNIT_TEST(getcwd_matches_libc)
{
   char mine[4096], libc[4096];
   UT_CHECK(getcwd(libc, sizeof libc) != NULL);
   UT_CHECK(VG_(getcwd)(mine, sizeof mine));
   UT_CHECK_STREQ(mine, libc);
   UT_CHECK(!VG_(getcwd)(mine, 1));   /* too small: fails, no truncation */

   UT_CHECK_EQ(chdir("/tmp"), 0);
   UT_CHECK(VG_(getcwd)(mine, sizeof mine));
   UT_CHECK_STREQ(mine, "/tmp");
}

UNIT_TEST(check_executable_cases)
{
   char dir[64], plain[128], script[128], setuid_file[128];
   Bool is_setuid = True;
   make_temp_dir(dir, sizeof dir);
   make_file(plain, sizeof plain, dir, "plain", 0644, "data\n");
   make_file(script, sizeof script, dir, "script", 0755, "#!/bin/sh\n");
   make_file(setuid_file, sizeof setuid_file, dir, "setuid", 04755,
             "#!/bin/sh\n");

   UT_CHECK_EQ(VG_(check_executable)(&is_setuid, "/bin/sh", False), 0);
   UT_CHECK(!is_setuid);
   UT_CHECK_EQ(VG_(check_executable)(NULL, script, False), 0);
   UT_CHECK_EQ(VG_(check_executable)(&is_setuid, plain, False), VKI_EACCES);
   UT_CHECK(!is_setuid);
   UT_CHECK_EQ(VG_(check_executable)(&is_setuid, dir, False), VKI_EACCES);
   UT_CHECK_EQ(VG_(check_executable)(&is_setuid, "/nonexistent/vg_ut", False),
               VKI_ENOENT);
   UT_CHECK_EQ(VG_(check_executable)(&is_setuid, "/dev/null/x", False),
               VKI_ENOTDIR);

   UT_CHECK_EQ(VG_(check_executable)(&is_setuid, setuid_file, False),
               VKI_EACCES);
   UT_CHECK(is_setuid);
   UT_CHECK_EQ(VG_(check_executable)(&is_setuid, setuid_file, True), 0);
   UT_CHECK(!is_setuid);

   unlink(plain);
   unlink(script);
   unlink(setuid_file);
   rmdir(dir);
}

UNIT_TEST(access_checks)
{
   char dir[64], path[128];
   make_temp_dir(dir, sizeof dir);
   make_file(path, sizeof path, dir, "f", 0644, NULL);
   UT_CHECK_EQ(VG_(access)(path, False, False, False), 0);
   UT_CHECK_EQ(VG_(access)(path, True, True, False), 0);
   UT_CHECK_EQ(VG_(access)(path, False, False, True), VKI_EACCES);
   UT_CHECK_EQ(VG_(access)("/nonexistent/vg_ut", True, False, False),
               VKI_ENOENT);
   UT_CHECK_EQ(VG_(access)("/bin/sh", True, False, True), 0);
   unlink(path);
   rmdir(dir);
}

UNIT_TEST(safe_fd_moves_descriptors_out_of_sight)
{
   int fd = open("/dev/null", O_RDONLY);
   UT_CHECK(fd >= 0 && fd < 1000);
   Int safe = VG_(safe_fd)(fd);
   UT_CHECK(safe >= 1000);
   UT_CHECK_EQ(fcntl(safe, F_GETFD), FD_CLOEXEC);
   UT_CHECK_EQ(fcntl(fd, F_GETFD), -1);          /* the old one is closed */

   /* Once start-up has decided the limit, that is where they go. */
   VG_(fd_hard_limit) = 1500;
   Int safe2 = VG_(safe_fd)(open("/dev/null", O_RDONLY));
   UT_CHECK(safe2 >= 1500);
   VG_(fd_hard_limit) = -1;

   UT_CHECK_EQ(VG_(safe_fd)(-1), -1);
   close(safe);
   close(safe2);
}

UNIT_TEST(mkdir_rename_unlink_is_dir)
{
   char dir[64], sub[128], a[128], b[128];
   make_temp_dir(dir, sizeof dir);
   snprintf(sub, sizeof sub, "%s/sub", dir);

   UT_CHECK(!VG_(is_dir)(sub));
   UT_CHECK(!sr_isError(VG_(mkdir)(sub, 0755)));
   UT_CHECK(VG_(is_dir)(sub));
   SysRes sr = VG_(mkdir)(sub, 0755);
   UT_CHECK(sr_isError(sr) && sr_Err(sr) == VKI_EEXIST);

   make_file(a, sizeof a, dir, "a", 0644, "x");
   snprintf(b, sizeof b, "%s/sub/b", dir);
   UT_CHECK(!VG_(is_dir)(a));
   UT_CHECK(!sr_isError(VG_(rename)(a, b)));
   UT_CHECK_EQ(access(a, F_OK), -1);
   UT_CHECK_EQ(access(b, F_OK), 0);
   sr = VG_(rename)(a, b);
   UT_CHECK(sr_isError(sr) && sr_Err(sr) == VKI_ENOENT);

   UT_CHECK_EQ(VG_(unlink)(b), 0);
   UT_CHECK_EQ(rmdir(sub), 0);
   rmdir(dir);
}

UNIT_TEST(poll_reports_readiness)
{
   Int fds[2];
   struct vki_pollfd p;
   UT_CHECK_EQ(VG_(pipe)(fds), 0);
   p.fd = fds[0];
   p.events = VKI_POLLIN;
   p.revents = 0;
   UT_CHECK_EQ(VG_(poll)(&p, 1, 0), 0);            /* nothing to read yet */
   UT_CHECK_EQ(VG_(poll)(&p, 1, 10), 0);           /* times out */
   VG_(write)(fds[1], "x", 1);
   UT_CHECK_EQ(VG_(poll)(&p, 1, -1), 1);
   UT_CHECK(p.revents & VKI_POLLIN);
   UT_CHECK_EQ(VKI_POLLIN, POLLIN);
   VG_(close)(fds[0]);
   VG_(close)(fds[1]);
}

UNIT_TEST(getdents64_lists_a_directory)
{
   char dir[64], path[128];
   make_temp_dir(dir, sizeof dir);
   make_file(path, sizeof path, dir, "one", 0644, NULL);
   mkdir(strcat(strcpy(path, dir), "/two"), 0755);

   SysRes sr = VG_(open)(dir, VKI_O_RDONLY | VKI_O_DIRECTORY, 0);
   UT_CHECK(!sr_isError(sr));
   Int fd = (Int)sr_Res(sr);
   union { struct vki_dirent64 d; char bytes[4096]; } buf;
   int seen_one = 0, seen_two = 0, entries = 0, n;
   while ((n = VG_(getdents64)(fd, &buf.d, sizeof buf)) > 0) {
      for (int off = 0; off < n; ) {
         struct vki_dirent64* d = (struct vki_dirent64*)(buf.bytes + off);
         entries++;
         if (strcmp(d->d_name, "one") == 0)
            seen_one = d->d_type == VKI_DT_REG;
         if (strcmp(d->d_name, "two") == 0)
            seen_two = d->d_type == VKI_DT_DIR;
         off += d->d_reclen;
      }
   }
   UT_CHECK_EQ(n, 0);
   UT_CHECK_EQ(entries, 4);   /* ".", "..", "one", "two" */
   UT_CHECK(seen_one);
   UT_CHECK(seen_two);
   UT_CHECK_EQ(VG_(getdents64)(-1, &buf.d, sizeof buf), -1);
   VG_(close)(fd);

   unlink(strcat(strcpy(path, dir), "/one"));
   rmdir(strcat(strcpy(path, dir), "/two"));
   rmdir(dir);
}

UNIT_TEST(resolve_filename_of_an_open_file)
{
   char name[4096];
   int fd = open("/dev/null", O_RDONLY);
   UT_CHECK(VG_(resolve_filename)(fd, name, sizeof name));
   UT_CHECK_STREQ(name, "/dev/null");
   UT_CHECK(!VG_(resolve_filename)(fd, name, 5));    /* does not fit */
   close(fd);
   UT_CHECK(!VG_(resolve_filename)(-1, name, sizeof name));
}

UNIT_TEST(strerror_matches_libc)
{
   static const int errs[] = {
      EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF,
      ECHILD, EAGAIN, ENOMEM, EACCES, EFAULT, ENOTBLK, EBUSY, EEXIST, EXDEV,
      ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, ETXTBSY,
      EFBIG, ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE, EDOM, ERANGE, EDEADLK,
      ENAMETOOLONG, ENOLCK, ENOSYS, ENOTEMPTY, ELOOP, ENODATA, EOVERFLOW,
      EILSEQ, ENOTSOCK, EOPNOTSUPP, EADDRINUSE, ECONNRESET, ETIMEDOUT,
      ECONNREFUSED, ESTALE, EDQUOT
   };
   for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++)
      UT_CHECK_STREQ(VG_(strerror)((UWord)errs[i]), strerror(errs[i]));
   UT_CHECK_STREQ(VG_(strerror)(4000), "Unknown error");
}

/* The constants libc also knows must have libc's values (the headers'
   full cross-check against the kernel's was done when they were
   written; this guards the ones the core uses most). */
UNIT_TEST(vki_file_constants_match_libc)
{
   UT_CHECK_EQ(VKI_O_CREAT, O_CREAT);
   UT_CHECK_EQ(VKI_O_EXCL, O_EXCL);
   UT_CHECK_EQ(VKI_O_TRUNC, O_TRUNC);
   UT_CHECK_EQ(VKI_O_APPEND, O_APPEND);
   UT_CHECK_EQ(VKI_O_NONBLOCK, O_NONBLOCK);
   UT_CHECK_EQ(VKI_O_DIRECTORY, O_DIRECTORY);
   UT_CHECK_EQ(VKI_O_NOFOLLOW, O_NOFOLLOW);
   UT_CHECK_EQ(VKI_O_CLOEXEC, O_CLOEXEC);
   UT_CHECK_EQ(VKI_O_PATH, O_PATH);
   UT_CHECK_EQ(VKI_O_TMPFILE, O_TMPFILE);
   UT_CHECK_EQ(VKI_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC);
   UT_CHECK_EQ(VKI_F_SETPIPE_SZ, F_SETPIPE_SZ);
   UT_CHECK_EQ(VKI_AT_FDCWD, AT_FDCWD);
   UT_CHECK_EQ(VKI_AT_EMPTY_PATH, AT_EMPTY_PATH);
   UT_CHECK_EQ(VKI_AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW);
   UT_CHECK_EQ(VKI_AT_REMOVEDIR, AT_REMOVEDIR);
   UT_CHECK_EQ(VKI_S_IFMT, S_IFMT);
   UT_CHECK_EQ(VKI_S_IFLNK, S_IFLNK);
   UT_CHECK_EQ(VKI_S_IFSOCK, S_IFSOCK);
   UT_CHECK_EQ(VKI_S_ISVTX, S_ISVTX);
   UT_CHECK_EQ(VKI_ENOTRECOVERABLE, ENOTRECOVERABLE);
   UT_CHECK_EQ(VKI_EHWPOISON, EHWPOISON);
}
