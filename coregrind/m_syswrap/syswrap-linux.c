/* System call wrappers particular to Linux: the *at family, statx,
   epoll, eventfd, timerfd, inotify, futex, clone, prctl, capabilities,
   clocks, extended attributes, and friends. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_syscall.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_transtab.h"
#include "pub_core_libcsignal.h"
#include "pub_core_signals.h"
#include "pub_core_scheduler.h"
#include "pub_core_syswrap.h"
#include "priv_types_n_macros.h"
#include "priv_syswrap-generic.h"
#include "priv_syswrap-linux.h"

#define PAGE_ROUNDUP(a) VG_ROUNDUP((a), VKI_PAGE_SIZE)

/* A descriptor argument the client may not use: EBADF. */
#define FD_REFUSED(fd, name) (!ML_(fd_allowed)((Int)(fd), (name), tid, False))
/* The same for the directory of an *at call, where AT_FDCWD (and any
   other negative value, which the kernel refuses) passes. */
#define DIRFD_REFUSED(fd, name) ((Int)(fd) >= 0 && FD_REFUSED((fd), (name)))

/* ================================================================== */
/* The *at family                                                       */
/* ================================================================== */

PRE(openat)
{
   if ((ARG3 & VKI_O_CREAT) || (ARG3 & VKI_O_TMPFILE) == VKI_O_TMPFILE)
      PRE_REG_READ4("openat", int, dfd, const char*, filename, int, flags,
                    int, mode);
   else
      PRE_REG_READ3("openat", int, dfd, const char*, filename, int, flags);
   PRE_MEM_RASCIIZ("openat(filename)", ARG2);
   *flags |= SfMayBlock;
   if (DIRFD_REFUSED(ARG1, "openat")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   HChar exe[64];
   if (ML_(redirect_proc_self_exe)(ARG2, exe, sizeof exe))
      SET_STATUS_from_SysRes(VG_(open)(exe, (Int)ARG3, (Int)ARG4));
}

POST(openat)
{
   ML_(check_new_fd)(tid, status, "openat");
}

PRE(openat2)
{
   PRE_REG_READ4("openat2", int, dfd, const char*, filename,
                 struct vki_open_how*, how, vki_size_t, size);
   PRE_MEM_RASCIIZ("openat2(filename)", ARG2);
   PRE_MEM_READ("openat2(how)", ARG3, ARG4);
   *flags |= SfMayBlock;
   if (DIRFD_REFUSED(ARG1, "openat2"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(openat2)
{
   ML_(check_new_fd)(tid, status, "openat2");
}

PRE(close_range)
{
   PRE_REG_READ3("close_range", unsigned int, first, unsigned int, last,
                 unsigned int, flags);
   UInt first = (UInt)ARG1, last = (UInt)ARG2;
   if (first > last) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   /* Never the core's descriptors. */
   if (VG_(fd_hard_limit) >= 0 && last >= (UInt)VG_(fd_hard_limit)) {
      if (first >= (UInt)VG_(fd_hard_limit)) {
         SET_STATUS_Success(0);
         return;
      }
      ARG2 = (UWord)(VG_(fd_hard_limit) - 1);
   }
}

PRE(newfstatat)
{
   PRE_REG_READ4("newfstatat", int, dfd, char*, file_name,
                 struct vki_stat*, buf, int, flag);
   PRE_MEM_RASCIIZ("newfstatat(file_name)", ARG2);
   PRE_MEM_WRITE("newfstatat(buf)", ARG3, sizeof(struct vki_stat));
   if (DIRFD_REFUSED(ARG1, "newfstatat"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(newfstatat)
{
   POST_MEM_WRITE(ARG3, sizeof(struct vki_stat));
}

PRE(statx)
{
   PRE_REG_READ5("statx", int, dirfd, char*, file_name, int, flags,
                 unsigned int, mask, struct vki_statx*, buf);
   /* With AT_EMPTY_PATH the name may be NULL (Linux 6.11 on). */
   if (ARG2 != 0 || !(ARG3 & VKI_AT_EMPTY_PATH))
      PRE_MEM_RASCIIZ("statx(file_name)", ARG2);
   PRE_MEM_WRITE("statx(buf)", ARG5, sizeof(struct vki_statx));
   if (DIRFD_REFUSED(ARG1, "statx"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(statx)
{
   POST_MEM_WRITE(ARG5, sizeof(struct vki_statx));
}

PRE(statfs)
{
   PRE_REG_READ2("statfs", const char*, path, struct vki_statfs*, buf);
   PRE_MEM_RASCIIZ("statfs(path)", ARG1);
   PRE_MEM_WRITE("statfs(buf)", ARG2, sizeof(struct vki_statfs));
}

POST(statfs)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_statfs));
}

PRE(fstatfs)
{
   PRE_REG_READ2("fstatfs", unsigned int, fd, struct vki_statfs*, buf);
   PRE_MEM_WRITE("fstatfs(buf)", ARG2, sizeof(struct vki_statfs));
   if (FD_REFUSED(ARG1, "fstatfs"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(fstatfs)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_statfs));
}

PRE(faccessat)
{
   PRE_REG_READ3("faccessat", int, dfd, const char*, pathname, int, mode);
   PRE_MEM_RASCIIZ("faccessat(pathname)", ARG2);
   if (DIRFD_REFUSED(ARG1, "faccessat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(faccessat2)
{
   PRE_REG_READ4("faccessat2", int, dfd, const char*, pathname, int, mode,
                 int, flags);
   PRE_MEM_RASCIIZ("faccessat2(pathname)", ARG2);
   if (DIRFD_REFUSED(ARG1, "faccessat2"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(readlinkat)
{
   PRE_REG_READ4("readlinkat", int, dfd, const char*, path, char*, buf,
                 int, bufsiz);
   PRE_MEM_RASCIIZ("readlinkat(path)", ARG2);
   PRE_MEM_WRITE("readlinkat(buf)", ARG3, ARG4);
   if (DIRFD_REFUSED(ARG1, "readlinkat")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   HChar exe[64];
   if (ML_(redirect_proc_self_exe)(ARG2, exe, sizeof exe))
      SET_STATUS_from_SysRes(VG_(do_syscall4)(__NR_readlinkat,
                                              (UWord)VKI_AT_FDCWD,
                                              (UWord)exe, ARG3, ARG4));
}

POST(readlinkat)
{
   POST_MEM_WRITE(ARG3, RES);
}

PRE(mkdirat)
{
   PRE_REG_READ3("mkdirat", int, dfd, const char*, pathname, int, mode);
   PRE_MEM_RASCIIZ("mkdirat(pathname)", ARG2);
   if (DIRFD_REFUSED(ARG1, "mkdirat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(mknodat)
{
   PRE_REG_READ4("mknodat", int, dfd, const char*, pathname, int, mode,
                 unsigned, dev);
   PRE_MEM_RASCIIZ("mknodat(pathname)", ARG2);
   if (DIRFD_REFUSED(ARG1, "mknodat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(unlinkat)
{
   PRE_REG_READ3("unlinkat", int, dfd, const char*, pathname, int, flag);
   PRE_MEM_RASCIIZ("unlinkat(pathname)", ARG2);
   if (DIRFD_REFUSED(ARG1, "unlinkat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(renameat)
{
   PRE_REG_READ4("renameat", int, olddfd, const char*, oldpath, int, newdfd,
                 const char*, newpath);
   PRE_MEM_RASCIIZ("renameat(oldpath)", ARG2);
   PRE_MEM_RASCIIZ("renameat(newpath)", ARG4);
   if (DIRFD_REFUSED(ARG1, "renameat") || DIRFD_REFUSED(ARG3, "renameat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(renameat2)
{
   PRE_REG_READ5("renameat2", int, olddfd, const char*, oldpath, int, newdfd,
                 const char*, newpath, unsigned int, flags);
   PRE_MEM_RASCIIZ("renameat2(oldpath)", ARG2);
   PRE_MEM_RASCIIZ("renameat2(newpath)", ARG4);
   if (DIRFD_REFUSED(ARG1, "renameat2") || DIRFD_REFUSED(ARG3, "renameat2"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(linkat)
{
   PRE_REG_READ5("linkat", int, olddfd, const char*, oldpath, int, newdfd,
                 const char*, newpath, int, flags);
   PRE_MEM_RASCIIZ("linkat(oldpath)", ARG2);
   PRE_MEM_RASCIIZ("linkat(newpath)", ARG4);
   if (DIRFD_REFUSED(ARG1, "linkat") || DIRFD_REFUSED(ARG3, "linkat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(symlinkat)
{
   PRE_REG_READ3("symlinkat", const char*, oldpath, int, newdfd,
                 const char*, newpath);
   PRE_MEM_RASCIIZ("symlinkat(oldpath)", ARG1);
   PRE_MEM_RASCIIZ("symlinkat(newpath)", ARG3);
   if (DIRFD_REFUSED(ARG2, "symlinkat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(fchmodat)
{
   PRE_REG_READ3("fchmodat", int, dfd, const char*, path, vki_mode_t, mode);
   PRE_MEM_RASCIIZ("fchmodat(path)", ARG2);
   if (DIRFD_REFUSED(ARG1, "fchmodat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(fchmodat2)
{
   PRE_REG_READ4("fchmodat2", int, dfd, const char*, path, vki_mode_t, mode,
                 unsigned int, flags);
   PRE_MEM_RASCIIZ("fchmodat2(path)", ARG2);
   if (DIRFD_REFUSED(ARG1, "fchmodat2"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(fchownat)
{
   PRE_REG_READ5("fchownat", int, dfd, const char*, path, vki_uid_t, owner,
                 vki_gid_t, group, int, flag);
   PRE_MEM_RASCIIZ("fchownat(path)", ARG2);
   if (DIRFD_REFUSED(ARG1, "fchownat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(utimensat)
{
   PRE_REG_READ4("utimensat", int, dfd, char*, filename,
                 struct vki_timespec*, utimes, int, flags);
   /* futimens passes a NULL name. */
   if (ARG2 != 0)
      PRE_MEM_RASCIIZ("utimensat(filename)", ARG2);
   if (ARG3 != 0)
      PRE_MEM_READ("utimensat(utimes)", ARG3, 2 * sizeof(struct vki_timespec));
   if (DIRFD_REFUSED(ARG1, "utimensat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(futimesat)
{
   PRE_REG_READ3("futimesat", int, dfd, char*, filename,
                 struct vki_timeval*, tvp);
   if (ARG2 != 0)
      PRE_MEM_RASCIIZ("futimesat(filename)", ARG2);
   if (ARG3 != 0)
      PRE_MEM_READ("futimesat(tvp)", ARG3, 2 * sizeof(struct vki_timeval));
   if (DIRFD_REFUSED(ARG1, "futimesat"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(getdents64)
{
   PRE_REG_READ3("getdents64", unsigned int, fd,
                 struct vki_dirent64*, dirp, unsigned int, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "getdents64")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   PRE_MEM_WRITE("getdents64(dirp)", ARG2, ARG3);
}

POST(getdents64)
{
   if (RES > 0)
      POST_MEM_WRITE(ARG2, RES);
}

/* ================================================================== */
/* Descriptors                                                          */
/* ================================================================== */

PRE(dup3)
{
   PRE_REG_READ3("dup3", unsigned int, oldfd, unsigned int, newfd,
                 int, flags);
   if (FD_REFUSED(ARG1, "dup3") || FD_REFUSED(ARG2, "dup3"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(pipe2)
{
   PRE_REG_READ2("pipe2", int*, fildes, int, flags);
   PRE_MEM_WRITE("pipe2(fildes)", ARG1, 2 * sizeof(Int));
}

POST(pipe2)
{
   ML_(check_new_fd_pair)(tid, status, ARG1, "pipe2");
}

PRE(fadvise64)
{
   PRE_REG_READ4("fadvise64", int, fd, vki_loff_t, offset, vki_size_t, len,
                 int, advice);
   if (FD_REFUSED(ARG1, "fadvise64"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(fallocate)
{
   PRE_REG_READ4("fallocate", int, fd, int, mode, vki_loff_t, offset,
                 vki_loff_t, len);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "fallocate"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(readahead)
{
   PRE_REG_READ3("readahead", int, fd, vki_loff_t, offset, vki_size_t, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "readahead"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(sync_file_range)
{
   PRE_REG_READ4("sync_file_range", int, fd, vki_loff_t, offset,
                 vki_loff_t, nbytes, unsigned int, flags);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "sync_file_range"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(syncfs)
{
   PRE_REG_READ1("syncfs", int, fd);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "syncfs"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(sendfile)
{
   PRE_REG_READ4("sendfile", int, out_fd, int, in_fd, vki_off_t*, offset,
                 vki_size_t, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "sendfile") || FD_REFUSED(ARG2, "sendfile")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   if (ARG3 != 0) {
      PRE_MEM_READ("sendfile(offset)", ARG3, sizeof(vki_off_t));
      PRE_MEM_WRITE("sendfile(offset)", ARG3, sizeof(vki_off_t));
   }
}

POST(sendfile)
{
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, sizeof(vki_off_t));
}

/* copy_file_range and splice: optional offsets, read and updated. */
static void pre_two_offsets(ThreadId tid, const HChar* in_s,
                            const HChar* out_s, Addr off_in, Addr off_out)
{
   if (off_in != 0) {
      PRE_MEM_READ(in_s, off_in, sizeof(vki_loff_t));
      PRE_MEM_WRITE(in_s, off_in, sizeof(vki_loff_t));
   }
   if (off_out != 0) {
      PRE_MEM_READ(out_s, off_out, sizeof(vki_loff_t));
      PRE_MEM_WRITE(out_s, off_out, sizeof(vki_loff_t));
   }
}

static void post_two_offsets(ThreadId tid, Addr off_in, Addr off_out)
{
   if (off_in != 0)
      POST_MEM_WRITE(off_in, sizeof(vki_loff_t));
   if (off_out != 0)
      POST_MEM_WRITE(off_out, sizeof(vki_loff_t));
}

PRE(copy_file_range)
{
   PRE_REG_READ6("copy_file_range", int, fd_in, vki_loff_t*, off_in,
                 int, fd_out, vki_loff_t*, off_out, vki_size_t, len,
                 unsigned int, flags);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "copy_file_range")
       || FD_REFUSED(ARG3, "copy_file_range")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   pre_two_offsets(tid, "copy_file_range(off_in)", "copy_file_range(off_out)",
                   ARG2, ARG4);
}

POST(copy_file_range)
{
   post_two_offsets(tid, ARG2, ARG4);
}

PRE(splice)
{
   PRE_REG_READ6("splice", int, fd_in, vki_loff_t*, off_in, int, fd_out,
                 vki_loff_t*, off_out, vki_size_t, len, unsigned int, flags);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "splice") || FD_REFUSED(ARG3, "splice")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   pre_two_offsets(tid, "splice(off_in)", "splice(off_out)", ARG2, ARG4);
}

POST(splice)
{
   post_two_offsets(tid, ARG2, ARG4);
}

PRE(tee)
{
   PRE_REG_READ4("tee", int, fd_in, int, fd_out, vki_size_t, len,
                 unsigned int, flags);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "tee") || FD_REFUSED(ARG2, "tee"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(preadv2)
{
   PRE_REG_READ6("preadv2", unsigned long, fd, const struct vki_iovec*, vector,
                 unsigned long, count, unsigned long, pos_l,
                 unsigned long, pos_h, int, flags);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "preadv2")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   ML_(pre_iovecs)(tid, "preadv2(vector)", "preadv2(vector[...])", ARG2, ARG3,
                   True);
}

POST(preadv2)
{
   ML_(post_iovecs)(tid, ARG2, ARG3, RES);
}

PRE(pwritev2)
{
   PRE_REG_READ6("pwritev2", unsigned long, fd, const struct vki_iovec*, vector,
                 unsigned long, count, unsigned long, pos_l,
                 unsigned long, pos_h, int, flags);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "pwritev2")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   ML_(pre_iovecs)(tid, "pwritev2(vector)", "pwritev2(vector[...])", ARG2,
                   ARG3, False);
}

PRE(memfd_create)
{
   PRE_REG_READ2("memfd_create", const char*, uname, unsigned int, flags);
   PRE_MEM_RASCIIZ("memfd_create(uname)", ARG1);
}

POST(memfd_create)
{
   ML_(check_new_fd)(tid, status, "memfd_create");
}

PRE(pidfd_open)
{
   PRE_REG_READ2("pidfd_open", vki_pid_t, pid, unsigned int, flags);
}

POST(pidfd_open)
{
   ML_(check_new_fd)(tid, status, "pidfd_open");
}

/* ------------------------------------------------------------------ */
/* Extended attributes                                                  */

/* getxattr-style: VALUE of SIZE bytes receives the result (SIZE 0 asks
   only for the size). */
static void pre_xattr_get(ThreadId tid, const HChar* what, Addr value,
                          UWord size)
{
   if (size > 0)
      PRE_MEM_WRITE(what, value, size);
}

static void post_xattr_get(ThreadId tid, SyscallStatus* status, Addr value,
                           UWord size)
{
   if (size > 0 && RES > 0)
      POST_MEM_WRITE(value, VG_MIN(RES, size));
}

PRE(getxattr)
{
   PRE_REG_READ4("getxattr", char*, path, char*, name, void*, value,
                 vki_size_t, size);
   PRE_MEM_RASCIIZ("getxattr(path)", ARG1);
   PRE_MEM_RASCIIZ("getxattr(name)", ARG2);
   pre_xattr_get(tid, "getxattr(value)", ARG3, ARG4);
}

POST(getxattr)
{
   post_xattr_get(tid, status, ARG3, ARG4);
}

PRE(lgetxattr)
{
   PRE_REG_READ4("lgetxattr", char*, path, char*, name, void*, value,
                 vki_size_t, size);
   PRE_MEM_RASCIIZ("lgetxattr(path)", ARG1);
   PRE_MEM_RASCIIZ("lgetxattr(name)", ARG2);
   pre_xattr_get(tid, "lgetxattr(value)", ARG3, ARG4);
}

POST(lgetxattr)
{
   post_xattr_get(tid, status, ARG3, ARG4);
}

PRE(fgetxattr)
{
   PRE_REG_READ4("fgetxattr", int, fd, char*, name, void*, value,
                 vki_size_t, size);
   PRE_MEM_RASCIIZ("fgetxattr(name)", ARG2);
   pre_xattr_get(tid, "fgetxattr(value)", ARG3, ARG4);
   if (FD_REFUSED(ARG1, "fgetxattr"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(fgetxattr)
{
   post_xattr_get(tid, status, ARG3, ARG4);
}

PRE(listxattr)
{
   PRE_REG_READ3("listxattr", char*, path, char*, list, vki_size_t, size);
   PRE_MEM_RASCIIZ("listxattr(path)", ARG1);
   pre_xattr_get(tid, "listxattr(list)", ARG2, ARG3);
}

POST(listxattr)
{
   post_xattr_get(tid, status, ARG2, ARG3);
}

PRE(llistxattr)
{
   PRE_REG_READ3("llistxattr", char*, path, char*, list, vki_size_t, size);
   PRE_MEM_RASCIIZ("llistxattr(path)", ARG1);
   pre_xattr_get(tid, "llistxattr(list)", ARG2, ARG3);
}

POST(llistxattr)
{
   post_xattr_get(tid, status, ARG2, ARG3);
}

PRE(flistxattr)
{
   PRE_REG_READ3("flistxattr", int, fd, char*, list, vki_size_t, size);
   pre_xattr_get(tid, "flistxattr(list)", ARG2, ARG3);
   if (FD_REFUSED(ARG1, "flistxattr"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(flistxattr)
{
   post_xattr_get(tid, status, ARG2, ARG3);
}

PRE(setxattr)
{
   PRE_REG_READ5("setxattr", char*, path, char*, name, void*, value,
                 vki_size_t, size, int, flags);
   PRE_MEM_RASCIIZ("setxattr(path)", ARG1);
   PRE_MEM_RASCIIZ("setxattr(name)", ARG2);
   PRE_MEM_READ("setxattr(value)", ARG3, ARG4);
}

PRE(lsetxattr)
{
   PRE_REG_READ5("lsetxattr", char*, path, char*, name, void*, value,
                 vki_size_t, size, int, flags);
   PRE_MEM_RASCIIZ("lsetxattr(path)", ARG1);
   PRE_MEM_RASCIIZ("lsetxattr(name)", ARG2);
   PRE_MEM_READ("lsetxattr(value)", ARG3, ARG4);
}

PRE(fsetxattr)
{
   PRE_REG_READ5("fsetxattr", int, fd, char*, name, void*, value,
                 vki_size_t, size, int, flags);
   PRE_MEM_RASCIIZ("fsetxattr(name)", ARG2);
   PRE_MEM_READ("fsetxattr(value)", ARG3, ARG4);
   if (FD_REFUSED(ARG1, "fsetxattr"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(removexattr)
{
   PRE_REG_READ2("removexattr", char*, path, char*, name);
   PRE_MEM_RASCIIZ("removexattr(path)", ARG1);
   PRE_MEM_RASCIIZ("removexattr(name)", ARG2);
}

PRE(lremovexattr)
{
   PRE_REG_READ2("lremovexattr", char*, path, char*, name);
   PRE_MEM_RASCIIZ("lremovexattr(path)", ARG1);
   PRE_MEM_RASCIIZ("lremovexattr(name)", ARG2);
}

PRE(fremovexattr)
{
   PRE_REG_READ2("fremovexattr", int, fd, char*, name);
   PRE_MEM_RASCIIZ("fremovexattr(name)", ARG2);
   if (FD_REFUSED(ARG1, "fremovexattr"))
      SET_STATUS_Failure(VKI_EBADF);
}

/* ================================================================== */
/* Waiting for events: ppoll, pselect6, epoll, eventfd, timerfd,        */
/* signalfd, inotify                                                    */
/* ================================================================== */

/* A signal mask argument of SIZE bytes.  The signals module will also
   keep the core's own signals out of it. */
static void pre_sigmask_arg(ThreadId tid, const HChar* what, Addr set,
                            UWord size)
{
   if (set != 0)
      PRE_MEM_READ(what, set, size);
}

PRE(ppoll)
{
   PRE_REG_READ5("ppoll", struct vki_pollfd*, ufds, unsigned int, nfds,
                 struct vki_timespec*, tsp, vki_sigset_t*, sigmask,
                 vki_size_t, sigsetsize);
   *flags |= SfMayBlock;
   struct vki_pollfd* ufds = (struct vki_pollfd*)ARG1;
   for (UInt i = 0; i < (UInt)ARG2; i++) {
      PRE_MEM_READ("ppoll(ufds.fd)", &ufds[i].fd, sizeof(ufds[i].fd));
      if (ML_(safe_to_deref)((Addr)&ufds[i].fd, sizeof(ufds[i].fd))
          && ufds[i].fd >= 0)
         PRE_MEM_READ("ppoll(ufds.events)", &ufds[i].events,
                      sizeof(ufds[i].events));
      PRE_MEM_WRITE("ppoll(ufds.revents)", &ufds[i].revents,
                    sizeof(ufds[i].revents));
   }
   if (ARG3 != 0) {
      PRE_MEM_READ("ppoll(tsp)", ARG3, sizeof(struct vki_timespec));
      PRE_MEM_WRITE("ppoll(tsp)", ARG3, sizeof(struct vki_timespec));
   }
   pre_sigmask_arg(tid, "ppoll(sigmask)", ARG4, ARG5);
}

POST(ppoll)
{
   struct vki_pollfd* ufds = (struct vki_pollfd*)ARG1;
   for (UInt i = 0; i < (UInt)ARG2; i++)
      POST_MEM_WRITE(&ufds[i].revents, sizeof(ufds[i].revents));
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, sizeof(struct vki_timespec));
}

static SizeT fdset_bytes(UWord n)
{
   if ((Word)n <= 0)
      return 0;
   if (n > 64 * 1024 * 1024)
      n = 64 * 1024 * 1024;
   return VG_ROUNDUP(n, 8 * sizeof(UWord)) / 8;
}

PRE(pselect6)
{
   PRE_REG_READ6("pselect6", int, n, unsigned long*, readfds,
                 unsigned long*, writefds, unsigned long*, exceptfds,
                 struct vki_timespec*, timeout, void*, sig);
   *flags |= SfMayBlock;
   SizeT b = fdset_bytes(ARG1);
   if (ARG2 != 0)
      PRE_MEM_READ("pselect6(readfds)", ARG2, b);
   if (ARG3 != 0)
      PRE_MEM_READ("pselect6(writefds)", ARG3, b);
   if (ARG4 != 0)
      PRE_MEM_READ("pselect6(exceptfds)", ARG4, b);
   if (ARG5 != 0) {
      PRE_MEM_READ("pselect6(timeout)", ARG5, sizeof(struct vki_timespec));
      PRE_MEM_WRITE("pselect6(timeout)", ARG5, sizeof(struct vki_timespec));
   }
   if (ARG6 != 0) {
      /* { const sigset_t* ss; size_t ss_len; } */
      PRE_MEM_READ("pselect6(sig)", ARG6, 2 * sizeof(UWord));
      if (ML_(safe_to_deref)(ARG6, 2 * sizeof(UWord))) {
         const UWord* sig = (const UWord*)ARG6;
         pre_sigmask_arg(tid, "pselect6(sig->ss)", sig[0], sig[1]);
      }
   }
}

POST(pselect6)
{
   SizeT b = fdset_bytes(ARG1);
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, b);
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, b);
   if (ARG4 != 0)
      POST_MEM_WRITE(ARG4, b);
   if (ARG5 != 0)
      POST_MEM_WRITE(ARG5, sizeof(struct vki_timespec));
}

PRE(epoll_create)
{
   PRE_REG_READ1("epoll_create", int, size);
}

POST(epoll_create)
{
   ML_(check_new_fd)(tid, status, "epoll_create");
}

PRE(epoll_create1)
{
   PRE_REG_READ1("epoll_create1", int, flags);
}

POST(epoll_create1)
{
   ML_(check_new_fd)(tid, status, "epoll_create1");
}

PRE(epoll_ctl)
{
   PRE_REG_READ4("epoll_ctl", int, epfd, int, op, int, fd,
                 struct vki_epoll_event*, event);
   if (ARG2 != VKI_EPOLL_CTL_DEL)
      PRE_MEM_READ("epoll_ctl(event)", ARG4, sizeof(struct vki_epoll_event));
   if (FD_REFUSED(ARG1, "epoll_ctl") || FD_REFUSED(ARG3, "epoll_ctl"))
      SET_STATUS_Failure(VKI_EBADF);
}

static void pre_epoll_events(ThreadId tid, const HChar* what, Addr events,
                             UWord maxevents)
{
   if ((Int)maxevents > 0)
      PRE_MEM_WRITE(what, events,
                    (UInt)maxevents * sizeof(struct vki_epoll_event));
}

static void post_epoll_events(ThreadId tid, SyscallStatus* status,
                              Addr events)
{
   if (RES > 0)
      POST_MEM_WRITE(events, RES * sizeof(struct vki_epoll_event));
}

PRE(epoll_wait)
{
   PRE_REG_READ4("epoll_wait", int, epfd, struct vki_epoll_event*, events,
                 int, maxevents, int, timeout);
   *flags |= SfMayBlock;
   pre_epoll_events(tid, "epoll_wait(events)", ARG2, ARG3);
}

POST(epoll_wait)
{
   post_epoll_events(tid, status, ARG2);
}

PRE(epoll_pwait)
{
   PRE_REG_READ6("epoll_pwait", int, epfd, struct vki_epoll_event*, events,
                 int, maxevents, int, timeout, vki_sigset_t*, sigmask,
                 vki_size_t, sigsetsize);
   *flags |= SfMayBlock;
   pre_epoll_events(tid, "epoll_pwait(events)", ARG2, ARG3);
   pre_sigmask_arg(tid, "epoll_pwait(sigmask)", ARG5, ARG6);
}

POST(epoll_pwait)
{
   post_epoll_events(tid, status, ARG2);
}

PRE(epoll_pwait2)
{
   PRE_REG_READ6("epoll_pwait2", int, epfd, struct vki_epoll_event*, events,
                 int, maxevents, struct vki_timespec*, timeout,
                 vki_sigset_t*, sigmask, vki_size_t, sigsetsize);
   *flags |= SfMayBlock;
   pre_epoll_events(tid, "epoll_pwait2(events)", ARG2, ARG3);
   if (ARG4 != 0)
      PRE_MEM_READ("epoll_pwait2(timeout)", ARG4, sizeof(struct vki_timespec));
   pre_sigmask_arg(tid, "epoll_pwait2(sigmask)", ARG5, ARG6);
}

POST(epoll_pwait2)
{
   post_epoll_events(tid, status, ARG2);
}

PRE(eventfd)
{
   PRE_REG_READ1("eventfd", unsigned int, count);
}

POST(eventfd)
{
   ML_(check_new_fd)(tid, status, "eventfd");
}

PRE(eventfd2)
{
   PRE_REG_READ2("eventfd2", unsigned int, count, int, flags);
}

POST(eventfd2)
{
   ML_(check_new_fd)(tid, status, "eventfd2");
}

PRE(timerfd_create)
{
   PRE_REG_READ2("timerfd_create", int, clockid, int, flags);
}

POST(timerfd_create)
{
   ML_(check_new_fd)(tid, status, "timerfd_create");
}

PRE(timerfd_settime)
{
   PRE_REG_READ4("timerfd_settime", int, ufd, int, flags,
                 const struct vki_itimerspec*, utmr,
                 struct vki_itimerspec*, otmr);
   PRE_MEM_READ("timerfd_settime(utmr)", ARG3, sizeof(struct vki_itimerspec));
   if (ARG4 != 0)
      PRE_MEM_WRITE("timerfd_settime(otmr)", ARG4,
                    sizeof(struct vki_itimerspec));
   if (FD_REFUSED(ARG1, "timerfd_settime"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(timerfd_settime)
{
   if (ARG4 != 0)
      POST_MEM_WRITE(ARG4, sizeof(struct vki_itimerspec));
}

PRE(timerfd_gettime)
{
   PRE_REG_READ2("timerfd_gettime", int, ufd, struct vki_itimerspec*, otmr);
   PRE_MEM_WRITE("timerfd_gettime(result)", ARG2,
                 sizeof(struct vki_itimerspec));
   if (FD_REFUSED(ARG1, "timerfd_gettime"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(timerfd_gettime)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_itimerspec));
}

/* signalfd: passed on for now.  The signals module will keep the core's
   own signals out of the mask (and, as Valgrind does, may have to see
   that signals read from the descriptor are not also delivered). */
PRE(signalfd)
{
   PRE_REG_READ3("signalfd", int, fd, vki_sigset_t*, sigmask,
                 vki_size_t, sizemask);
   pre_sigmask_arg(tid, "signalfd(sigmask)", ARG2, ARG3);
   if ((Int)ARG1 != -1 && FD_REFUSED(ARG1, "signalfd"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(signalfd)
{
   if ((Int)ARG1 == -1)
      ML_(check_new_fd)(tid, status, "signalfd");
}

PRE(signalfd4)
{
   PRE_REG_READ4("signalfd4", int, fd, vki_sigset_t*, sigmask,
                 vki_size_t, sizemask, int, flags);
   pre_sigmask_arg(tid, "signalfd4(sigmask)", ARG2, ARG3);
   if ((Int)ARG1 != -1 && FD_REFUSED(ARG1, "signalfd4"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(signalfd4)
{
   if ((Int)ARG1 == -1)
      ML_(check_new_fd)(tid, status, "signalfd4");
}

PRE(inotify_init)
{
   PRE_REG_READ0("inotify_init");
}

POST(inotify_init)
{
   ML_(check_new_fd)(tid, status, "inotify_init");
}

PRE(inotify_init1)
{
   PRE_REG_READ1("inotify_init1", int, flags);
}

POST(inotify_init1)
{
   ML_(check_new_fd)(tid, status, "inotify_init1");
}

PRE(inotify_add_watch)
{
   PRE_REG_READ3("inotify_add_watch", int, fd, char*, path, int, mask);
   PRE_MEM_RASCIIZ("inotify_add_watch(path)", ARG2);
   if (FD_REFUSED(ARG1, "inotify_add_watch"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(inotify_rm_watch)
{
   PRE_REG_READ2("inotify_rm_watch", int, fd, int, wd);
   if (FD_REFUSED(ARG1, "inotify_rm_watch"))
      SET_STATUS_Failure(VKI_EBADF);
}

/* ================================================================== */
/* Memory: mremap                                                       */
/* ================================================================== */

/* The kernel moved or resized [OLD, OLD+OLD_LEN) to [NEW, NEW+NEW_LEN)
   (page multiples); SEG is what the old range was. */
static void notify_remap(ThreadId tid, const NSegment* seg, Addr old,
                         SizeT old_len, Addr new, SizeT new_len)
{
   Bool d = VG_(am_notify_client_mremap)(old, old_len, new, new_len);
   Bool rr = seg->hasR, ww = seg->hasW, xx = seg->hasX;
   if (new == old) {
      if (new_len > old_len && VG_(tdict).track_new_mem_mmap)
         VG_(tdict).track_new_mem_mmap(old + old_len, new_len - old_len,
                                       rr, ww, xx, 0);
      if (new_len < old_len && VG_(tdict).track_die_mem_munmap)
         VG_(tdict).track_die_mem_munmap(old + new_len, old_len - new_len);
   } else {
      if (VG_(tdict).track_copy_mem_remap)
         VG_(tdict).track_copy_mem_remap(old, new, VG_MIN(old_len, new_len));
      if (new_len > old_len && VG_(tdict).track_new_mem_mmap)
         VG_(tdict).track_new_mem_mmap(new + old_len, new_len - old_len,
                                       rr, ww, xx, 0);
      if (VG_(tdict).track_die_mem_munmap)
         VG_(tdict).track_die_mem_munmap(old, old_len);
   }
   if (d) {
      VG_(discard_translations)(old, old_len, "mremap(old)");
      if (new != old)
         VG_(discard_translations)(new, new_len, "mremap(new)");
   }
}

static SysRes kernel_mremap(Addr old, SizeT old_len, SizeT new_len,
                            UWord fl, Addr new)
{
   return VG_(do_syscall5)(__NR_mremap, old, old_len, new_len, fl, new);
}

/* mremap is done here completely, so that the kernel never chooses
   where a mapping moves (it could choose the core's space).  Not
   supported: MREMAP_DONTUNMAP and duplicating a shared mapping (old
   size 0), both EINVAL. */
PRE(mremap)
{
   if (ARG4 & VKI_MREMAP_FIXED)
      PRE_REG_READ5("mremap", unsigned long, old_addr,
                    unsigned long, old_size, unsigned long, new_size,
                    unsigned long, flags, unsigned long, new_addr);
   else
      PRE_REG_READ4("mremap", unsigned long, old_addr,
                    unsigned long, old_size, unsigned long, new_size,
                    unsigned long, flags);
   if (!VG_(am_is_initialised)())
      return;   /* nobody keeps the map: the kernel does it */

   Addr old = ARG1, want = ARG5;
   UWord fl = ARG4;
   SizeT old_len = PAGE_ROUNDUP(ARG2), new_len = PAGE_ROUNDUP(ARG3);
   if (!VG_IS_ALIGNED(old, VKI_PAGE_SIZE)
       || (fl & ~(UWord)(VKI_MREMAP_MAYMOVE | VKI_MREMAP_FIXED))
       || ((fl & VKI_MREMAP_FIXED) && !(fl & VKI_MREMAP_MAYMOVE))
       || new_len == 0 || old_len == 0) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   if (!VG_(am_is_client_or_free)(old, old_len)) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   NSegment seg;
   if (!VG_(am_is_valid_for_client)(old, old_len, VKI_PROT_NONE)
       || !VG_(am_lookup_segment)(old, &seg)) {
      SET_STATUS_Failure(VKI_EFAULT);
      return;
   }

   SysRes r;
   if (fl & VKI_MREMAP_FIXED) {
      if (!VG_IS_ALIGNED(want, VKI_PAGE_SIZE)
          || !(want + new_len <= old || want >= old + old_len)) {
         SET_STATUS_Failure(VKI_EINVAL);
         return;
      }
      if (!VG_(am_is_client_or_free)(want, new_len)) {
         SET_STATUS_Failure(VKI_EINVAL);
         return;
      }
      r = kernel_mremap(old, old_len, new_len, fl, want);
   } else if (new_len <= old_len) {
      r = kernel_mremap(old, old_len, new_len, 0, 0);
   } else {
      r = VG_(mk_SysRes_Error)(VKI_ENOMEM);
      if (VG_(am_covered_by_single_free_segment)(old + old_len,
                                                 new_len - old_len))
         r = kernel_mremap(old, old_len, new_len, 0, 0);
      if (sr_isError(r) && (fl & VKI_MREMAP_MAYMOVE)) {
         Bool ok = False;
         Addr to = VG_(am_get_advisory_client_simple)(0, new_len, &ok);
         if (ok)
            r = kernel_mremap(old, old_len, new_len,
                              VKI_MREMAP_MAYMOVE | VKI_MREMAP_FIXED, to);
      }
   }
   if (!sr_isError(r))
      notify_remap(tid, &seg, old, old_len, sr_Res(r), new_len);
   SET_STATUS_from_SysRes(r);
}

/* ================================================================== */
/* Time                                                                 */
/* ================================================================== */

PRE(clock_gettime)
{
   PRE_REG_READ2("clock_gettime", vki_clockid_t, clk_id,
                 struct vki_timespec*, tp);
   PRE_MEM_WRITE("clock_gettime(tp)", ARG2, sizeof(struct vki_timespec));
}

POST(clock_gettime)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_timespec));
}

PRE(clock_getres)
{
   PRE_REG_READ2("clock_getres", vki_clockid_t, clk_id,
                 struct vki_timespec*, res);
   if (ARG2 != 0)
      PRE_MEM_WRITE("clock_getres(res)", ARG2, sizeof(struct vki_timespec));
}

POST(clock_getres)
{
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, sizeof(struct vki_timespec));
}

PRE(clock_settime)
{
   PRE_REG_READ2("clock_settime", vki_clockid_t, clk_id,
                 const struct vki_timespec*, tp);
   PRE_MEM_READ("clock_settime(tp)", ARG2, sizeof(struct vki_timespec));
}

PRE(clock_nanosleep)
{
   PRE_REG_READ4("clock_nanosleep", vki_clockid_t, clkid, int, flags,
                 const struct vki_timespec*, rqtp, struct vki_timespec*, rmtp);
   *flags |= SfMayBlock | SfPostOnFail;
   PRE_MEM_READ("clock_nanosleep(rqtp)", ARG3, sizeof(struct vki_timespec));
   if (ARG4 != 0 && !(ARG2 & VKI_TIMER_ABSTIME))
      PRE_MEM_WRITE("clock_nanosleep(rmtp)", ARG4,
                    sizeof(struct vki_timespec));
}

POST(clock_nanosleep)
{
   if (ARG4 != 0 && !(ARG2 & VKI_TIMER_ABSTIME) && FAILURE
       && ERR == VKI_EINTR)
      POST_MEM_WRITE(ARG4, sizeof(struct vki_timespec));
}

PRE(time)
{
   PRE_REG_READ1("time", int*, t);
   if (ARG1 != 0)
      PRE_MEM_WRITE("time(t)", ARG1, sizeof(vki_time_t));
}

POST(time)
{
   if (ARG1 != 0)
      POST_MEM_WRITE(ARG1, sizeof(vki_time_t));
}

PRE(getrandom)
{
   PRE_REG_READ3("getrandom", char*, buf, vki_size_t, count,
                 unsigned int, flags);
   if (!(ARG3 & VKI_GRND_NONBLOCK))
      *flags |= SfMayBlock;
   PRE_MEM_WRITE("getrandom(buf)", ARG1, ARG2);
}

POST(getrandom)
{
   POST_MEM_WRITE(ARG1, RES);
}

/* ================================================================== */
/* Processes, identities, limits                                        */
/* ================================================================== */

PRE(gettid)
{
   PRE_REG_READ0("gettid");
}

PRE(setresuid)
{
   PRE_REG_READ3("setresuid", vki_uid_t, ruid, vki_uid_t, euid,
                 vki_uid_t, suid);
}

PRE(setresgid)
{
   PRE_REG_READ3("setresgid", vki_gid_t, rgid, vki_gid_t, egid,
                 vki_gid_t, sgid);
}

PRE(getresuid)
{
   PRE_REG_READ3("getresuid", vki_uid_t*, ruid, vki_uid_t*, euid,
                 vki_uid_t*, suid);
   PRE_MEM_WRITE("getresuid(ruid)", ARG1, sizeof(vki_uid_t));
   PRE_MEM_WRITE("getresuid(euid)", ARG2, sizeof(vki_uid_t));
   PRE_MEM_WRITE("getresuid(suid)", ARG3, sizeof(vki_uid_t));
}

POST(getresuid)
{
   POST_MEM_WRITE(ARG1, sizeof(vki_uid_t));
   POST_MEM_WRITE(ARG2, sizeof(vki_uid_t));
   POST_MEM_WRITE(ARG3, sizeof(vki_uid_t));
}

PRE(getresgid)
{
   PRE_REG_READ3("getresgid", vki_gid_t*, rgid, vki_gid_t*, egid,
                 vki_gid_t*, sgid);
   PRE_MEM_WRITE("getresgid(rgid)", ARG1, sizeof(vki_gid_t));
   PRE_MEM_WRITE("getresgid(egid)", ARG2, sizeof(vki_gid_t));
   PRE_MEM_WRITE("getresgid(sgid)", ARG3, sizeof(vki_gid_t));
}

POST(getresgid)
{
   POST_MEM_WRITE(ARG1, sizeof(vki_gid_t));
   POST_MEM_WRITE(ARG2, sizeof(vki_gid_t));
   POST_MEM_WRITE(ARG3, sizeof(vki_gid_t));
}

PRE(setfsuid)
{
   PRE_REG_READ1("setfsuid", vki_uid_t, uid);
}

PRE(setfsgid)
{
   PRE_REG_READ1("setfsgid", vki_gid_t, gid);
}

PRE(sysinfo)
{
   PRE_REG_READ1("sysinfo", struct vki_sysinfo*, info);
   PRE_MEM_WRITE("sysinfo(info)", ARG1, sizeof(struct vki_sysinfo));
}

POST(sysinfo)
{
   POST_MEM_WRITE(ARG1, sizeof(struct vki_sysinfo));
}

PRE(prlimit64)
{
   PRE_REG_READ4("prlimit64", vki_pid_t, pid, unsigned int, resource,
                 const struct vki_rlimit64*, new_rlim,
                 struct vki_rlimit64*, old_rlim);
   if (ARG3 != 0)
      PRE_MEM_READ("prlimit64(new_rlim)", ARG3, sizeof(struct vki_rlimit64));
   if (ARG4 != 0)
      PRE_MEM_WRITE("prlimit64(old_rlim)", ARG4, sizeof(struct vki_rlimit64));
   if ((ARG3 != 0 && !ML_(safe_to_deref)(ARG3, sizeof(struct vki_rlimit64)))
       || (ARG4 != 0
           && !ML_(safe_to_write)(ARG4, sizeof(struct vki_rlimit64))))
      return;   /* the kernel says EFAULT */
   const struct vki_rlimit64* nrl = (const struct vki_rlimit64*)ARG3;
   if (nrl != NULL && nrl->rlim_cur > nrl->rlim_max) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   if ((Int)ARG1 != 0 && (Int)ARG1 != VG_(getpid)())
      return;
   SysRes r;
   if (ML_(prlimit_for_client)(tid, ARG2, nrl, (struct vki_rlimit64*)ARG4,
                               &r))
      SET_STATUS_from_SysRes(r);
}

POST(prlimit64)
{
   if (ARG4 != 0)
      POST_MEM_WRITE(ARG4, sizeof(struct vki_rlimit64));
}

PRE(waitid)
{
   PRE_REG_READ5("waitid", int, which, vki_pid_t, pid,
                 struct vki_siginfo*, infop, int, options,
                 struct vki_rusage*, ru);
   *flags |= SfMayBlock;
   if (ARG3 != 0)
      PRE_MEM_WRITE("waitid(infop)", ARG3, sizeof(vki_siginfo_t));
   if (ARG5 != 0)
      PRE_MEM_WRITE("waitid(ru)", ARG5, sizeof(struct vki_rusage));
}

POST(waitid)
{
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, sizeof(vki_siginfo_t));
   if (ARG5 != 0)
      POST_MEM_WRITE(ARG5, sizeof(struct vki_rusage));
}

/* tkill and tgkill are passed on for now; the signals module will
   refine them (the core's own signals, a thread signalling itself). */
PRE(tkill)
{
   PRE_REG_READ2("tkill", int, tid, int, sig);
   *flags |= SfPollAfter;
}

PRE(tgkill)
{
   PRE_REG_READ3("tgkill", int, tgid, int, tid, int, sig);
   *flags |= SfPollAfter;
}

/* set_tid_address: recorded for the threads issue, and passed to the
   kernel, which clears the word and wakes its futex when this host
   thread (which runs only this guest thread) exits. */
static Addr clear_child_tid[VG_N_THREADS];

Addr VG_(syswrap_clear_child_tid)(ThreadId tid)
{
   vg_assert(tid > 0 && tid < VG_N_THREADS);
   return clear_child_tid[tid];
}

PRE(set_tid_address)
{
   PRE_REG_READ1("set_tid_address", int*, tidptr);
   clear_child_tid[tid] = ARG1;
}

PRE(set_robust_list)
{
   PRE_REG_READ2("set_robust_list", struct vki_robust_list_head*, head,
                 vki_size_t, len);
   /* The kernel reads the list only when the thread exits; its head must
      be readable now. */
   if (ARG1 != 0)
      PRE_MEM_READ("set_robust_list(head)", ARG1, ARG2);
}

PRE(get_robust_list)
{
   PRE_REG_READ3("get_robust_list", int, pid,
                 struct vki_robust_list_head**, head_ptr,
                 vki_size_t*, len_ptr);
   PRE_MEM_WRITE("get_robust_list(head_ptr)", ARG2, sizeof(Addr));
   PRE_MEM_WRITE("get_robust_list(len_ptr)", ARG3, sizeof(vki_size_t));
}

POST(get_robust_list)
{
   POST_MEM_WRITE(ARG2, sizeof(Addr));
   POST_MEM_WRITE(ARG3, sizeof(vki_size_t));
}

/* rseq is refused, as Valgrind does: the kernel would rewrite the
   client's instruction pointer on preemption, which means nothing for
   code that runs under the JIT.  glibc copes with ENOSYS. */
PRE(rseq)
{
   PRE_REG_READ4("rseq", void*, rseq, vki_u32, rseq_len, int, flags,
                 vki_u32, sig);
   SET_STATUS_Failure(VKI_ENOSYS);
}

/* seccomp filters would apply to the core's own system calls too (its
   mmaps, its signal handling), so both ways of installing them are
   refused; programs treat EINVAL as "no seccomp here". */
PRE(seccomp)
{
   PRE_REG_READ3("seccomp", unsigned int, op, unsigned int, flags,
                 void*, args);
   SET_STATUS_Failure(VKI_EINVAL);
}

PRE(futex)
{
   const UWord op = ARG2 & ~(UWord)(VKI_FUTEX_PRIVATE_FLAG
                                    | VKI_FUTEX_CLOCK_REALTIME);
   /* Which arguments the operation reads; arguments it ignores may hold
      anything. */
   switch (op) {
      case VKI_FUTEX_WAIT: case VKI_FUTEX_LOCK_PI: case VKI_FUTEX_LOCK_PI2:
         PRE_REG_READ4("futex", vki_u32*, futex, int, op, int, val,
                       struct vki_timespec*, utime);
         break;
      case VKI_FUTEX_WAIT_BITSET:
         PRE_REG_READ4("futex", vki_u32*, futex, int, op, int, val,
                       struct vki_timespec*, utime);
         PRA_("futex", 6, int, val3);
         break;
      case VKI_FUTEX_WAKE_BITSET:
         PRE_REG_READ3("futex", vki_u32*, futex, int, op, int, val);
         PRA_("futex", 6, int, val3);
         break;
      case VKI_FUTEX_WAKE: case VKI_FUTEX_FD:
         PRE_REG_READ3("futex", vki_u32*, futex, int, op, int, val);
         break;
      case VKI_FUTEX_REQUEUE: case VKI_FUTEX_WAIT_REQUEUE_PI:
         PRE_REG_READ5("futex", vki_u32*, futex, int, op, int, val,
                       struct vki_timespec*, utime, vki_u32*, uaddr2);
         break;
      case VKI_FUTEX_CMP_REQUEUE: case VKI_FUTEX_WAKE_OP:
      case VKI_FUTEX_CMP_REQUEUE_PI:
         PRE_REG_READ6("futex", vki_u32*, futex, int, op, int, val,
                       struct vki_timespec*, utime, vki_u32*, uaddr2,
                       int, val3);
         break;
      case VKI_FUTEX_TRYLOCK_PI: case VKI_FUTEX_UNLOCK_PI:
         PRE_REG_READ2("futex", vki_u32*, futex, int, op);
         break;
      default:
         PRE_REG_READ2("futex", vki_u32*, futex, int, op);
         SET_STATUS_Failure(VKI_ENOSYS);
         return;
   }
   *flags |= SfMayBlock;
   switch (op) {
      case VKI_FUTEX_WAIT: case VKI_FUTEX_WAIT_BITSET:
      case VKI_FUTEX_LOCK_PI: case VKI_FUTEX_LOCK_PI2:
         PRE_MEM_READ("futex(futex)", ARG1, sizeof(Int));
         if (ARG4 != 0)
            PRE_MEM_READ("futex(timeout)", ARG4, sizeof(struct vki_timespec));
         break;
      case VKI_FUTEX_WAIT_REQUEUE_PI:
         PRE_MEM_READ("futex(futex)", ARG1, sizeof(Int));
         if (ARG4 != 0)
            PRE_MEM_READ("futex(timeout)", ARG4, sizeof(struct vki_timespec));
         PRE_MEM_READ("futex(futex2)", ARG5, sizeof(Int));
         break;
      case VKI_FUTEX_CMP_REQUEUE:
         PRE_MEM_READ("futex(futex)", ARG1, sizeof(Int));
         break;
      case VKI_FUTEX_WAKE_OP: case VKI_FUTEX_CMP_REQUEUE_PI:
         PRE_MEM_READ("futex(futex)", ARG1, sizeof(Int));
         PRE_MEM_READ("futex(futex2)", ARG5, sizeof(Int));
         break;
      case VKI_FUTEX_TRYLOCK_PI: case VKI_FUTEX_UNLOCK_PI:
         PRE_MEM_READ("futex(futex)", ARG1, sizeof(Int));
         break;
      default:
         /* WAKE, WAKE_BITSET, REQUEUE, FD: the word is not read. */
         break;
   }
}

POST(futex)
{
   const UWord op = ARG2 & ~(UWord)(VKI_FUTEX_PRIVATE_FLAG
                                    | VKI_FUTEX_CLOCK_REALTIME);
   switch (op) {
      case VKI_FUTEX_LOCK_PI: case VKI_FUTEX_LOCK_PI2:
      case VKI_FUTEX_TRYLOCK_PI: case VKI_FUTEX_UNLOCK_PI:
      case VKI_FUTEX_WAIT_REQUEUE_PI:
         POST_MEM_WRITE(ARG1, sizeof(Int));
         break;
      case VKI_FUTEX_WAKE_OP: case VKI_FUTEX_CMP_REQUEUE_PI:
         POST_MEM_WRITE(ARG5, sizeof(Int));
         break;
      case VKI_FUTEX_FD:
         ML_(check_new_fd)(tid, status, "futex");
         break;
      default:
         break;
   }
}

PRE(sched_yield)
{
   PRE_REG_READ0("sched_yield");
   *flags |= SfMayBlock | SfYieldAfter;
}

PRE(sched_getaffinity)
{
   PRE_REG_READ3("sched_getaffinity", vki_pid_t, pid, unsigned int, len,
                 unsigned long*, mask);
   PRE_MEM_WRITE("sched_getaffinity(mask)", ARG3, (UInt)ARG2);
}

POST(sched_getaffinity)
{
   /* The result is the size stored. */
   POST_MEM_WRITE(ARG3, RES);
}

PRE(sched_setaffinity)
{
   PRE_REG_READ3("sched_setaffinity", vki_pid_t, pid, unsigned int, len,
                 unsigned long*, mask);
   PRE_MEM_READ("sched_setaffinity(mask)", ARG3, (UInt)ARG2);
}

PRE(sched_getparam)
{
   PRE_REG_READ2("sched_getparam", vki_pid_t, pid,
                 struct vki_sched_param*, p);
   PRE_MEM_WRITE("sched_getparam(p)", ARG2, sizeof(struct vki_sched_param));
}

POST(sched_getparam)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_sched_param));
}

PRE(sched_setparam)
{
   PRE_REG_READ2("sched_setparam", vki_pid_t, pid,
                 struct vki_sched_param*, p);
   PRE_MEM_READ("sched_setparam(p)", ARG2, sizeof(struct vki_sched_param));
}

PRE(sched_getscheduler)
{
   PRE_REG_READ1("sched_getscheduler", vki_pid_t, pid);
}

PRE(sched_setscheduler)
{
   PRE_REG_READ3("sched_setscheduler", vki_pid_t, pid, int, policy,
                 struct vki_sched_param*, p);
   if (ARG3 != 0)
      PRE_MEM_READ("sched_setscheduler(p)", ARG3,
                   sizeof(struct vki_sched_param));
}

PRE(sched_get_priority_max)
{
   PRE_REG_READ1("sched_get_priority_max", int, policy);
}

PRE(sched_get_priority_min)
{
   PRE_REG_READ1("sched_get_priority_min", int, policy);
}

PRE(sched_rr_get_interval)
{
   PRE_REG_READ2("sched_rr_get_interval", vki_pid_t, pid,
                 struct vki_timespec*, tp);
   PRE_MEM_WRITE("sched_rr_get_interval(tp)", ARG2,
                 sizeof(struct vki_timespec));
}

POST(sched_rr_get_interval)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_timespec));
}

PRE(getcpu)
{
   PRE_REG_READ3("getcpu", unsigned*, cpu, unsigned*, node, void*, tcache);
   if (ARG1 != 0)
      PRE_MEM_WRITE("getcpu(cpu)", ARG1, sizeof(UInt));
   if (ARG2 != 0)
      PRE_MEM_WRITE("getcpu(node)", ARG2, sizeof(UInt));
}

POST(getcpu)
{
   if (ARG1 != 0)
      POST_MEM_WRITE(ARG1, sizeof(UInt));
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, sizeof(UInt));
}

PRE(ioprio_get)
{
   PRE_REG_READ2("ioprio_get", int, which, int, who);
}

PRE(ioprio_set)
{
   PRE_REG_READ3("ioprio_set", int, which, int, who, int, ioprio);
}

PRE(membarrier)
{
   PRE_REG_READ3("membarrier", int, cmd, unsigned int, flags, int, cpu_id);
}

PRE(personality)
{
   PRE_REG_READ1("personality", vki_u32, persona);
}

PRE(prctl)
{
   switch (ARG1) {
      case VKI_PR_GET_DUMPABLE: case VKI_PR_GET_KEEPCAPS:
      case VKI_PR_GET_SECCOMP: case VKI_PR_GET_TIMERSLACK:
      case VKI_PR_GET_NO_NEW_PRIVS: case VKI_PR_GET_THP_DISABLE:
      case VKI_PR_GET_SECUREBITS: case VKI_PR_GET_TIMING:
      case VKI_PR_MCE_KILL_GET:
         PRE_REG_READ1("prctl", int, option);
         break;
      case VKI_PR_GET_PDEATHSIG:
         PRE_REG_READ2("prctl", int, option, int*, arg2);
         PRE_MEM_WRITE("prctl(get-death-signal)", ARG2, sizeof(Int));
         break;
      case VKI_PR_GET_CHILD_SUBREAPER:
         PRE_REG_READ2("prctl", int, option, int*, arg2);
         PRE_MEM_WRITE("prctl(get-child-subreaper)", ARG2, sizeof(Int));
         break;
      case VKI_PR_GET_UNALIGN: case VKI_PR_GET_FPEMU: case VKI_PR_GET_FPEXC:
      case VKI_PR_GET_ENDIAN: case VKI_PR_GET_TSC:
         PRE_REG_READ2("prctl", int, option, int*, arg2);
         PRE_MEM_WRITE("prctl(get-int)", ARG2, sizeof(Int));
         break;
      case VKI_PR_GET_TID_ADDRESS:
         PRE_REG_READ2("prctl", int, option, int**, arg2);
         PRE_MEM_WRITE("prctl(get-tid-address)", ARG2, sizeof(Addr));
         break;
      case VKI_PR_SET_NAME:
         PRE_REG_READ2("prctl", int, option, char*, name);
         PRE_MEM_RASCIIZ("prctl(set-name)", ARG2);
         break;
      case VKI_PR_GET_NAME:
         PRE_REG_READ2("prctl", int, option, char*, name);
         PRE_MEM_WRITE("prctl(get-name)", ARG2, VKI_TASK_COMM_LEN);
         break;
      case VKI_PR_SET_SECCOMP:
         PRE_REG_READ3("prctl", int, option, int, mode, void*, filter);
         SET_STATUS_Failure(VKI_EINVAL);   /* see seccomp */
         break;
      case VKI_PR_SET_MM:
         /* Would rewrite the memory layout the kernel reports (brk,
            stack, auxv...) behind the core's back. */
         PRE_REG_READ3("prctl", int, option, unsigned long, arg2,
                       unsigned long, arg3);
         SET_STATUS_Failure(VKI_EINVAL);
         break;
      case VKI_PR_SET_VMA:
         PRE_REG_READ5("prctl", int, option, unsigned long, attr,
                       unsigned long, addr, unsigned long, size,
                       const char*, name);
         if (ARG2 == 0 && ARG5 != 0)   /* PR_SET_VMA_ANON_NAME */
            PRE_MEM_RASCIIZ("prctl(set-vma-anon-name)", ARG5);
         break;
      case VKI_PR_SET_NO_NEW_PRIVS:
         PRE_REG_READ5("prctl", int, option, unsigned long, arg2,
                       unsigned long, arg3, unsigned long, arg4,
                       unsigned long, arg5);
         break;
      case VKI_PR_SET_PDEATHSIG: case VKI_PR_SET_DUMPABLE:
      case VKI_PR_SET_KEEPCAPS: case VKI_PR_SET_TIMERSLACK:
      case VKI_PR_SET_SECUREBITS: case VKI_PR_SET_TIMING:
      case VKI_PR_CAPBSET_READ: case VKI_PR_CAPBSET_DROP:
      case VKI_PR_SET_CHILD_SUBREAPER: case VKI_PR_SET_THP_DISABLE:
      case VKI_PR_SET_PTRACER: case VKI_PR_SET_UNALIGN:
      case VKI_PR_SET_FPEMU: case VKI_PR_SET_FPEXC: case VKI_PR_SET_ENDIAN:
      case VKI_PR_SET_TSC:
         PRE_REG_READ2("prctl", int, option, unsigned long, arg2);
         break;
      default:
         /* Passed on; what else it reads is not known here. */
         PRE_REG_READ1("prctl", int, option);
         break;
   }
}

POST(prctl)
{
   switch (ARG1) {
      case VKI_PR_GET_PDEATHSIG: case VKI_PR_GET_CHILD_SUBREAPER:
      case VKI_PR_GET_UNALIGN: case VKI_PR_GET_FPEMU: case VKI_PR_GET_FPEXC:
      case VKI_PR_GET_ENDIAN: case VKI_PR_GET_TSC:
         POST_MEM_WRITE(ARG2, sizeof(Int));
         break;
      case VKI_PR_GET_TID_ADDRESS:
         POST_MEM_WRITE(ARG2, sizeof(Addr));
         break;
      case VKI_PR_GET_NAME:
         POST_MEM_WRITE(ARG2, VKI_TASK_COMM_LEN);
         break;
      default:
         break;
   }
}

/* The number of data records a capability header's version asks for
   (0: unknown version or unreadable header). */
static UInt cap_data_records(Addr header)
{
   if (!ML_(safe_to_deref)(header, sizeof(struct vki_user_cap_header_struct)))
      return 0;
   switch (((const struct vki_user_cap_header_struct*)header)->version) {
      case VKI_LINUX_CAPABILITY_VERSION_1:
         return 1;
      case VKI_LINUX_CAPABILITY_VERSION_2:
      case VKI_LINUX_CAPABILITY_VERSION_3:
         return 2;
      default:
         return 0;
   }
}

PRE(capget)
{
   PRE_REG_READ2("capget", vki_cap_user_header_t, header,
                 vki_cap_user_data_t, data);
   *flags |= SfPostOnFail;
   PRE_MEM_READ("capget(header)", ARG1,
                sizeof(struct vki_user_cap_header_struct));
   UInt n = cap_data_records(ARG1);
   if (ARG2 != 0 && n > 0)
      PRE_MEM_WRITE("capget(data)", ARG2,
                    n * sizeof(struct vki_user_cap_data_struct));
}

POST(capget)
{
   UInt n = cap_data_records(ARG1);
   if (SUCCESS && ARG2 != 0 && n > 0)
      POST_MEM_WRITE(ARG2, n * sizeof(struct vki_user_cap_data_struct));
   /* An unknown version: the kernel writes back the one it prefers. */
   if (FAILURE && ERR == VKI_EINVAL && n == 0 && ARG1 != 0)
      POST_MEM_WRITE(ARG1, sizeof(vki_u32));
}

PRE(capset)
{
   PRE_REG_READ2("capset", vki_cap_user_header_t, header,
                 const vki_cap_user_data_t, data);
   PRE_MEM_READ("capset(header)", ARG1,
                sizeof(struct vki_user_cap_header_struct));
   UInt n = cap_data_records(ARG1);
   if (n > 0)
      PRE_MEM_READ("capset(data)", ARG2,
                   n * sizeof(struct vki_user_cap_data_struct));
}

PRE(exit_group)
{
   PRE_REG_READ1("exit_group", int, status);
   /* Every thread of the process ends; the scheduler of each sees
      VgSrc_ExitProcess, and the process exits with STATUS after the
      tool's fini (never the kernel's exit_group from here). */
   for (ThreadId t = 1; t < VG_N_THREADS; t++) {
      ThreadState* o = VG_(get_ThreadState)(t);
      /* The first ending of the process wins (another thread may have
         called exit_group or died of a signal meanwhile). */
      if (o->status == VgTs_Empty || o->exitreason != VgSrc_None)
         continue;
      o->os_state.exitcode = (Int)ARG1;
      o->exitreason = VgSrc_ExitProcess;
   }
   SET_STATUS_Success(0);
}

/* ------------------------------------------------------------------ */
/* clone and threads                                                    */

/* Each thread's core code runs on a host stack of its own, mapped when
   its slot is first used and kept for the slot's later threads (a
   thread's host stack is in use until its very last instruction:
   ML_(exit_host_thread)). */
#define HOST_STACK_SZB (1024 * 1024)

static Bool ensure_host_stack(ThreadState* tst)
{
   if (tst->os_state.valgrind_stack_base != 0)
      return True;
   /* One guard page below, left inaccessible. */
   SysRes r = VG_(am_mmap_anon_float_valgrind)(HOST_STACK_SZB
                                               + VKI_PAGE_SIZE);
   if (sr_isError(r))
      return False;
   Addr base = sr_Res(r);
   VG_(do_syscall3)(__NR_mprotect, base, VKI_PAGE_SIZE, VKI_PROT_NONE);
   tst->os_state.valgrind_stack_base = base + VKI_PAGE_SIZE;
   tst->os_state.valgrind_stack_szB  = HOST_STACK_SZB;
   return True;
}

void VG_(exit_host_thread_NORETURN)(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   Int code = tst->os_state.exitcode;
   /* No handler may run on this stack once the slot is free. */
   vki_sigset_t all;
   VG_(sigfillset)(&all);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &all, NULL);
   ML_(exit_host_thread)(&tst->status, VgTs_Empty, code);
}

/* Where a new thread's host thread starts (signals blocked). */
static void thread_start(Word tidw) NORETURN;
static void thread_start(Word tidw)
{
   ThreadId tid = (ThreadId)tidw;
   ThreadState* tst = VG_(get_ThreadState)(tid);
   tst->os_state.lwpid = VG_(gettid)();
   VG_(sig_thread_startup)(tid);
   VG_(run_thread_to_end_NORETURN)(tid);
}

/* The extent of the client stack a new thread starts on (for the
   stack-change tracking): the mapping SP is in. */
static void set_thread_stack_extent(ThreadState* tst, Addr sp)
{
   NSegment seg;
   tst->client_stack_highest_byte = sp;
   tst->client_stack_szB = 0;
   if (sp != 0 && VG_(am_lookup_segment)(sp - 1, &seg)) {
      tst->client_stack_highest_byte = seg.end;
      tst->client_stack_szB = seg.end + 1 - seg.start;
   }
}

/* A thread of this process (CLONE_VM|CLONE_THREAD|CLONE_SIGHAND): a new
   ThreadState with a copy of the parent's registers, run by a new host
   thread.  The kernel does the tid pointers itself (CLONE_PARENT_SETTID,
   _CHILD_SETTID, _CHILD_CLEARTID go to it as given), so the client's
   futex wake at thread exit is the kernel's.  Runs with the big lock
   held exclusively. */
static SysRes do_clone_thread(ThreadId ptid, UWord flags, Addr child_sp,
                              Addr parent_tidptr, Addr child_tidptr,
                              Addr tls)
{
   ThreadState* ptst = VG_(get_ThreadState)(ptid);
   ThreadId ctid = VG_(alloc_ThreadState)();
   if (ctid == VG_INVALID_THREADID) {
      static Bool warned = False;
      if (!warned) {
         warned = True;
         VG_(umsg)("Warning: the program has %d threads, the most this "
                   "build supports:\n", VG_N_THREADS - 1);
         VG_(umsg)("   clone() fails with EAGAIN.\n");
      }
      return VG_(mk_SysRes_Error)(VKI_EAGAIN);
   }
   ThreadState* ctst = VG_(get_ThreadState)(ctid);
   if (!ensure_host_stack(ctst)) {
      ctst->status = VgTs_Empty;
      return VG_(mk_SysRes_Error)(VKI_ENOMEM);
   }

   ctst->arch.vex         = ptst->arch.vex;
   ctst->arch.vex_shadow1 = ptst->arch.vex_shadow1;
   ctst->arch.vex_shadow2 = ptst->arch.vex_shadow2;
   ML_(clone_child_regs)(&ctst->arch.vex, child_sp,
                         (flags & VKI_CLONE_SETTLS) != 0, tls);
   /* The kernel's rules: the parent's signal mask; no alternate signal
      stack. */
   ctst->sig_mask     = ptst->sig_mask;
   ctst->tmp_sig_mask = ptst->sig_mask;
   ctst->altstack.ss_sp    = NULL;
   ctst->altstack.ss_size  = 0;
   ctst->altstack.ss_flags = VKI_SS_DISABLE;
   ctst->os_state.threadgroup = ptst->os_state.threadgroup;
   set_thread_stack_extent(ctst, child_sp);
   ML_(syscall_info_new_thread)(ctid);
   if (VG_(tdict).track_pre_thread_ll_create)
      VG_(tdict).track_pre_thread_ll_create(ptid, ctid);

   UWord host_flags = (flags & ~(UWord)(VKI_CSIGNAL | VKI_CLONE_PIDFD))
                      | VKI_CLONE_SETTLS;
   Addr stack_top = VG_ROUNDDN(ctst->os_state.valgrind_stack_base
                               + ctst->os_state.valgrind_stack_szB, 16);
   /* The child starts with every signal blocked, until it has taken
      its client mask. */
   vki_sigset_t all, saved;
   VG_(sigfillset)(&all);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &all, &saved);
   Long r = ML_(clone_host_thread)(host_flags, stack_top, parent_tidptr,
                                   child_tidptr,
                                   VG_(host_thread_pointer)(ctid),
                                   thread_start, (Word)ctid);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &saved, NULL);
   if (r < 0) {
      ctst->status = VgTs_Empty;
      return VG_(mk_SysRes_Error)((UWord)-r);
   }
   ctst->os_state.lwpid = (Int)r;
   if ((flags & VKI_CLONE_PARENT_SETTID) && parent_tidptr != 0)
      ML_(post_mem_write)(ptid, parent_tidptr, sizeof(Int));
   if ((flags & VKI_CLONE_CHILD_SETTID) && child_tidptr != 0)
      ML_(post_mem_write)(ptid, child_tidptr, sizeof(Int));
   if (VG_(clo_trace_syscalls))
      VG_(printf)("   clone: thread %u (lwp %lld) created thread %u\n",
                  ptid, r, ctid);
   return VG_(mk_SysRes_Success)((UWord)r);
}

/* The flags a thread needs, and the ones the core cannot honour for
   one. */
#define THREAD_FLAGS (VKI_CLONE_VM | VKI_CLONE_THREAD | VKI_CLONE_SIGHAND)
#define UNSUPPORTED_THREAD_FLAGS (VKI_CLONE_VFORK | VKI_CLONE_PARENT     \
                                  | VKI_CLONE_NEWNS | VKI_CLONE_PTRACE    \
                                  | VKI_CLONE_UNTRACED)

void ML_(do_clone)(ThreadId tid, SyscallStatus* status, UWord flags,
                   Addr child_sp, Addr parent_tidptr, Addr child_tidptr,
                   Addr tls)
{
   if (flags & VKI_CLONE_VM) {
      if ((flags & VKI_CLONE_VFORK) && !(flags & VKI_CLONE_THREAD)) {
         /* vfork with a stack of its own (posix_spawn): run as a fork,
            as vfork is.  The kernel still holds the parent until the
            child execs or exits. */
         SET_STATUS_from_SysRes(ML_(do_fork_clone)(tid, flags, parent_tidptr,
                                                   child_tidptr, child_sp,
                                                   tls));
         return;
      }
      if ((flags & THREAD_FLAGS) != THREAD_FLAGS
          || (flags & UNSUPPORTED_THREAD_FLAGS)) {
         /* A process sharing the memory (CLONE_VM without
            CLONE_THREAD), or a thread the core cannot make. */
         static Bool warned = False;
         if (!warned) {
            warned = True;
            VG_(umsg)("Unsupported clone() flags: 0x%lx\n", flags);
            VG_(umsg)("   (only threads -- CLONE_VM|CLONE_THREAD|"
                      "CLONE_SIGHAND -- and forks are supported):\n");
            VG_(umsg)("   clone() fails with EINVAL.\n");
         }
         SET_STATUS_Failure(VKI_EINVAL);
         return;
      }
      SET_STATUS_from_SysRes(do_clone_thread(tid, flags, child_sp,
                                             parent_tidptr, child_tidptr,
                                             tls));
      return;
   }
   if (flags & (VKI_CLONE_THREAD | VKI_CLONE_SIGHAND)) {
      /* The kernel's answer: these need CLONE_VM. */
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   SET_STATUS_from_SysRes(ML_(do_fork_clone)(tid, flags, parent_tidptr,
                                             child_tidptr, child_sp, tls));
}

/* clone3(args, size): the same as clone, its arguments in a structure.
   What clone cannot express (set_tid, a cgroup, a pidfd for a thread)
   fails with ENOSYS, after which glibc uses clone. */
PRE(clone3)
{
   PRE_REG_READ2("clone3", struct vki_clone_args*, uargs, vki_size_t, size);
   if (ARG2 < VKI_CLONE_ARGS_SIZE_VER0 || ARG2 > VKI_PAGE_SIZE) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   PRE_MEM_READ("clone3(uargs)", ARG1, ARG2);
   if (!ML_(safe_to_deref)(ARG1, ARG2)) {
      SET_STATUS_Failure(VKI_EFAULT);
      return;
   }
   struct vki_clone_args ca;
   VG_(memset)(&ca, 0, sizeof ca);
   VG_(memcpy)(&ca, (const void*)ARG1,
               ARG2 < sizeof ca ? ARG2 : sizeof ca);
   /* Fields beyond what we know must be zero (the kernel's rule). */
   for (UWord i = sizeof ca; i < ARG2; i++)
      if (((const UChar*)ARG1)[i] != 0) {
         SET_STATUS_Failure(VKI_E2BIG);
         return;
      }
   if (ca.set_tid != 0 || ca.set_tid_size != 0 || ca.cgroup != 0
       || (ca.flags & ~(ULong)0xFFFFFFFFUL) != 0
       || (ca.flags & VKI_CLONE_PIDFD) || ca.exit_signal > 0xFF) {
      SET_STATUS_Failure(VKI_ENOSYS);
      return;
   }
   if ((ca.stack == 0) != (ca.stack_size == 0)) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   UWord cflags = (UWord)ca.flags | (UWord)ca.exit_signal;
   if (cflags & (VKI_CLONE_PARENT_SETTID))
      PRE_MEM_WRITE("clone3(parent_tid)", (Addr)ca.parent_tid, sizeof(Int));
   if (cflags & (VKI_CLONE_CHILD_SETTID | VKI_CLONE_CHILD_CLEARTID))
      PRE_MEM_WRITE("clone3(child_tid)", (Addr)ca.child_tid, sizeof(Int));
   Addr sp = ca.stack == 0 ? 0 : (Addr)(ca.stack + ca.stack_size);
   ML_(do_clone)(tid, status, cflags, sp, (Addr)ca.parent_tid,
                 (Addr)ca.child_tid, (Addr)ca.tls);
}

PRE(execveat)
{
   PRE_REG_READ5("execveat", int, dfd, char*, filename, char**, argv,
                 char**, envp, int, flags);
   PRE_MEM_RASCIIZ("execveat(filename)", ARG2);
   if (!ML_(safe_to_deref_asciiz)(ARG2, VKI_PATH_MAX)) {
      SET_STATUS_Failure(VKI_EFAULT);
      return;
   }
   const HChar* name = (const HChar*)ARG2;
   /* The file is named by a path the core can use itself: absolute,
      relative to the current directory, or the descriptor itself
      (AT_EMPTY_PATH, fexecve) through /proc. */
   static HChar path[VKI_PATH_MAX];
   if (name[0] == '\0' && (ARG5 & VKI_AT_EMPTY_PATH)) {
      if (FD_REFUSED(ARG1, "execveat")) {
         SET_STATUS_Failure(VKI_EBADF);
         return;
      }
      VG_(snprintf)(path, sizeof path, "/proc/self/fd/%d", (Int)ARG1);
   } else if (name[0] == '/' || (Int)ARG1 == VKI_AT_FDCWD) {
      VG_(strncpy_safely)(path, name, sizeof path);
   } else {
      if (FD_REFUSED(ARG1, "execveat")) {
         SET_STATUS_Failure(VKI_EBADF);
         return;
      }
      VG_(snprintf)(path, sizeof path, "/proc/self/fd/%d/%s", (Int)ARG1,
                    name);
   }
   if (ARG5 & ~(UWord)(VKI_AT_EMPTY_PATH | VKI_AT_SYMLINK_NOFOLLOW)) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   if ((ARG5 & VKI_AT_SYMLINK_NOFOLLOW) && name[0] != '\0') {
      HChar dummy[1];
      if (VG_(readlink)(path, dummy, sizeof dummy) >= 0) {
         SET_STATUS_Failure(VKI_ELOOP);
         return;
      }
   }
   ML_(do_execve)(tid, status, "execveat", (Addr)path, ARG3, ARG4);
}

/* ------------------------------------------------------------------ */
/* More sockets                                                         */

PRE(accept4)
{
   PRE_REG_READ4("accept4", int, s, struct vki_sockaddr*, addr,
                 int*, addrlen, int, flags);
   *flags |= SfMayBlock;
   ML_(buf_and_len_pre_check)(tid, status, 0, ARG2, ARG3, "accept4(addr)",
                              "accept4(addrlen_in)");
}

POST(accept4)
{
   ML_(check_new_fd)(tid, status, "accept4");
   if (SUCCESS)
      ML_(buf_and_len_post_check)(tid, status, 0, ARG2, ARG3);
}

static void pre_mmsghdrs(ThreadId tid, const HChar* name, Addr vec,
                         UWord vlen, Bool is_recv)
{
   if (vlen > VKI_UIO_MAXIOV)
      vlen = VKI_UIO_MAXIOV;
   struct vki_mmsghdr* mm = (struct vki_mmsghdr*)vec;
   HChar what[64];
   VG_(snprintf)(what, sizeof what, "%s(mmsg[i].msg_len)", name);
   for (UWord i = 0; i < vlen; i++) {
      ML_(pre_msghdr)(tid, name, (Addr)&mm[i].msg_hdr, is_recv);
      PRE_MEM_WRITE(what, &mm[i].msg_len, sizeof mm[i].msg_len);
   }
}

PRE(sendmmsg)
{
   PRE_REG_READ4("sendmmsg", int, s, struct vki_mmsghdr*, mmsg,
                 int, vlen, int, flags);
   *flags |= SfMayBlock;
   pre_mmsghdrs(tid, "sendmmsg", ARG2, (UInt)ARG3, False);
}

POST(sendmmsg)
{
   struct vki_mmsghdr* mm = (struct vki_mmsghdr*)ARG2;
   for (UWord i = 0; i < RES; i++)
      POST_MEM_WRITE(&mm[i].msg_len, sizeof mm[i].msg_len);
}

PRE(recvmmsg)
{
   PRE_REG_READ5("recvmmsg", int, s, struct vki_mmsghdr*, mmsg,
                 int, vlen, int, flags, struct vki_timespec*, timeout);
   *flags |= SfMayBlock;
   pre_mmsghdrs(tid, "recvmmsg", ARG2, (UInt)ARG3, True);
   if (ARG5 != 0) {
      PRE_MEM_READ("recvmmsg(timeout)", ARG5, sizeof(struct vki_timespec));
      PRE_MEM_WRITE("recvmmsg(timeout)", ARG5, sizeof(struct vki_timespec));
   }
}

POST(recvmmsg)
{
   struct vki_mmsghdr* mm = (struct vki_mmsghdr*)ARG2;
   for (UWord i = 0; i < RES; i++) {
      ML_(post_recvmsg)(tid, (Addr)&mm[i].msg_hdr, mm[i].msg_len, 0);
      POST_MEM_WRITE(&mm[i].msg_len, sizeof mm[i].msg_len);
   }
   if (ARG5 != 0)
      POST_MEM_WRITE(ARG5, sizeof(struct vki_timespec));
}
