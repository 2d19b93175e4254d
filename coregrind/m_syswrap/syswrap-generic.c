/* System call wrappers common to Unix-like systems: files, descriptors,
   memory, identities, processes, sockets.  Each wrapper says which
   argument registers and which client memory the kernel reads (PRE)
   and which memory it wrote (POST). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcsignal.h"
#include "pub_core_mallocfree.h"
#include "pub_core_options.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_debuginfo.h"
#include "pub_core_syscall.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_transtab.h"
#include "pub_core_syswrap.h"
#include "priv_types_n_macros.h"
#include "priv_syswrap-generic.h"

#define PAGE_ROUNDUP(a) VG_ROUNDUP((a), VKI_PAGE_SIZE)

/* ================================================================== */
/* Helpers                                                              */
/* ================================================================== */

static Bool deref_ok(Addr a, SizeT len, UInt prot)
{
   if (len == 0)
      return True;
   if (a + len < a)
      return False;
   if (!VG_(am_is_initialised)())
      return a >= VKI_PAGE_SIZE;
   return VG_(am_is_valid_for_client)(a, len, prot);
}

Bool ML_(safe_to_deref)(Addr a, SizeT len)
{
   return deref_ok(a, len, VKI_PROT_READ);
}

Bool ML_(safe_to_write)(Addr a, SizeT len)
{
   return deref_ok(a, len, VKI_PROT_READ | VKI_PROT_WRITE);
}

Bool ML_(safe_to_deref_asciiz)(Addr s, SizeT max)
{
   if (!ML_(safe_to_deref)(s, 1))
      return False;
   for (SizeT i = 0; i < max; i++) {
      Addr c = s + i;
      if (i > 0 && VG_IS_ALIGNED(c, VKI_PAGE_SIZE) && !ML_(safe_to_deref)(c, 1))
         return False;
      if (*(const HChar*)c == '\0')
         return True;
   }
   return False;
}

Bool ML_(fd_allowed)(Int fd, const HChar* syscallname, ThreadId tid,
                     Bool isNewFd)
{
   if (VG_(fd_hard_limit) < 0)
      return True;
   if (fd < 0)
      return !isNewFd;   /* the kernel will say EBADF */
   if (fd >= VG_(fd_hard_limit)) {
      if (!isNewFd && VG_(clo_verbosity) >= 1)
         VG_(umsg)("Warning: invalid file descriptor %d in syscall %s()\n",
                   fd, syscallname);
      return False;
   }
   if (isNewFd && fd >= VG_(fd_soft_limit))
      return False;
   return True;
}

void ML_(check_new_fd)(ThreadId tid, SyscallStatus* status,
                       const HChar* syscallname)
{
   if (!ML_(fd_allowed)((Int)RES, syscallname, tid, True)) {
      VG_(close)((Int)RES);
      SET_STATUS_Failure(VKI_EMFILE);
   }
}

/* FD is one a PRE must refuse with EBADF. */
#define FD_REFUSED(fd, name) (!ML_(fd_allowed)((Int)(fd), (name), tid, False))

Int VG_(cl_exec_fd) = -1;

Bool ML_(redirect_proc_self_exe)(Addr path, HChar* buf, SizeT size)
{
   if (VG_(cl_exec_fd) < 0 || !ML_(safe_to_deref_asciiz)(path, VKI_PATH_MAX))
      return False;
   const HChar* p = (const HChar*)path;
   Bool match = False;
   if (VG_(strcmp)(p, "/proc/self/exe") == 0) {
      match = True;
   } else if (VG_(strncmp)(p, "/proc/", 6) == 0) {
      HChar mine[32];
      VG_(snprintf)(mine, sizeof mine, "/proc/%d/exe", VG_(getpid)());
      match = VG_(strcmp)(p, mine) == 0;
   }
   if (match)
      VG_(snprintf)(buf, size, "/proc/self/fd/%d", VG_(cl_exec_fd));
   return match;
}

/* A range the client may map, unmap or change: not the core's.  Before
   the address-space manager starts, the kernel decides. */
static Bool client_range_ok(Addr a, SizeT len)
{
   return !VG_(am_is_initialised)() || VG_(am_is_client_or_free)(a, len);
}

static void discard(Addr a, SizeT len, const HChar* who)
{
   VG_(discard_translations)(a, (ULong)len, who);
}

void ML_(notify_core_and_tool_of_mmap)(Addr a, SizeT len, UInt prot,
                                       UInt flags, Int fd, Off64T offset)
{
   len = PAGE_ROUNDUP(len);
   Bool d = VG_(am_notify_client_mmap)(a, len, prot, flags, fd, offset);
   VG_(di_notify_mmap)(a, len);
   if (VG_(tdict).track_new_mem_mmap)
      VG_(tdict).track_new_mem_mmap(a, len, (prot & VKI_PROT_READ) != 0,
                                    (prot & VKI_PROT_WRITE) != 0,
                                    (prot & VKI_PROT_EXEC) != 0, 0);
   if (d)
      discard(a, len, "notify_core_and_tool_of_mmap");
}

void ML_(notify_core_and_tool_of_munmap)(Addr a, SizeT len)
{
   len = PAGE_ROUNDUP(len);
   Bool d = VG_(am_notify_munmap)(a, len);
   VG_(di_notify_munmap)(a, len);
   if (VG_(tdict).track_die_mem_munmap)
      VG_(tdict).track_die_mem_munmap(a, len);
   if (d)
      discard(a, len, "notify_core_and_tool_of_munmap");
}

void ML_(notify_core_and_tool_of_mprotect)(Addr a, SizeT len, UInt prot)
{
   len = PAGE_ROUNDUP(len);
   Bool d = VG_(am_notify_mprotect)(a, len, prot);
   VG_(di_notify_mprotect)(a, len, prot);
   if (VG_(tdict).track_change_mem_mprotect)
      VG_(tdict).track_change_mem_mprotect(a, len,
                                           (prot & VKI_PROT_READ) != 0,
                                           (prot & VKI_PROT_WRITE) != 0,
                                           (prot & VKI_PROT_EXEC) != 0);
   if (d)
      discard(a, len, "notify_core_and_tool_of_mprotect");
}

void ML_(buf_and_len_pre_check)(ThreadId tid, SyscallStatus* status,
                                Int slot, Addr buf, Addr lenp,
                                const HChar* buf_s, const HChar* len_s)
{
   status->saved[slot] = 0;
   if (buf == 0 || lenp == 0)
      return;
   PRE_MEM_READ(len_s, lenp, sizeof(vki_socklen_t));
   if (ML_(safe_to_deref)(lenp, sizeof(vki_socklen_t))) {
      vki_socklen_t len = *(vki_socklen_t*)lenp;
      PRE_MEM_WRITE(buf_s, buf, len);
      status->saved[slot] = len;
   }
}

void ML_(buf_and_len_post_check)(ThreadId tid, SyscallStatus* status,
                                 Int slot, Addr buf, Addr lenp)
{
   if (buf == 0 || lenp == 0
       || !ML_(safe_to_deref)(lenp, sizeof(vki_socklen_t)))
      return;
   vki_socklen_t out = *(vki_socklen_t*)lenp;
   POST_MEM_WRITE(lenp, sizeof(vki_socklen_t));
   SizeT n = VG_MIN((SizeT)out, (SizeT)status->saved[slot]);
   if (n > 0)
      POST_MEM_WRITE(buf, n);
}

/* Checks and reads an iovec array of CNT entries at IOV (NULL if it is
   not safe to read or CNT is out of range). */
static const struct vki_iovec* iovec_array(Addr iov, UWord cnt)
{
   if (cnt > VKI_UIO_MAXIOV
       || !ML_(safe_to_deref)(iov, cnt * sizeof(struct vki_iovec)))
      return NULL;
   return (const struct vki_iovec*)iov;
}

void ML_(pre_iovecs)(ThreadId tid, const HChar* arr_s, const HChar* elt_s,
                       Addr iov, UWord cnt, Bool kernel_writes)
{
   if ((Word)cnt < 0)
      return;
   PRE_MEM_READ(arr_s, iov, cnt * sizeof(struct vki_iovec));
   const struct vki_iovec* v = iovec_array(iov, cnt);
   if (v == NULL)
      return;
   for (UWord i = 0; i < cnt; i++) {
      if (kernel_writes)
         PRE_MEM_WRITE(elt_s, v[i].iov_base, v[i].iov_len);
      else
         PRE_MEM_READ(elt_s, v[i].iov_base, v[i].iov_len);
   }
}

void ML_(post_iovecs)(ThreadId tid, Addr iov, UWord cnt, UWord len)
{
   const struct vki_iovec* v = iovec_array(iov, cnt);
   if (v == NULL)
      return;
   for (UWord i = 0; i < cnt && len > 0; i++) {
      UWord n = VG_MIN(len, (UWord)v[i].iov_len);
      if (n > 0)
         POST_MEM_WRITE(v[i].iov_base, n);
      len -= n;
   }
}

/* ================================================================== */
/* Reading and writing                                                  */
/* ================================================================== */

PRE(read)
{
   PRE_REG_READ3("read", unsigned int, fd, char*, buf, vki_size_t, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "read")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   PRE_MEM_WRITE("read(buf)", ARG2, ARG3);
}

POST(read)
{
   POST_MEM_WRITE(ARG2, RES);
}

PRE(write)
{
   PRE_REG_READ3("write", unsigned int, fd, const char*, buf,
                 vki_size_t, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "write")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   PRE_MEM_READ("write(buf)", ARG2, ARG3);
}

PRE(pread64)
{
   PRE_REG_READ4("pread64", unsigned int, fd, char*, buf, vki_size_t, count,
                 vki_loff_t, offset);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "pread64")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   PRE_MEM_WRITE("pread64(buf)", ARG2, ARG3);
}

POST(pread64)
{
   POST_MEM_WRITE(ARG2, RES);
}

PRE(pwrite64)
{
   PRE_REG_READ4("pwrite64", unsigned int, fd, const char*, buf,
                 vki_size_t, count, vki_loff_t, offset);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "pwrite64")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   PRE_MEM_READ("pwrite64(buf)", ARG2, ARG3);
}

PRE(readv)
{
   PRE_REG_READ3("readv", unsigned long, fd, const struct vki_iovec*, vector,
                 unsigned long, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "readv")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   ML_(pre_iovecs)(tid, "readv(vector)", "readv(vector[...])", ARG2, ARG3, True);
}

POST(readv)
{
   ML_(post_iovecs)(tid, ARG2, ARG3, RES);
}

PRE(writev)
{
   PRE_REG_READ3("writev", unsigned long, fd, const struct vki_iovec*, vector,
                 unsigned long, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "writev")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   ML_(pre_iovecs)(tid, "writev(vector)", "writev(vector[...])", ARG2, ARG3,
              False);
}

PRE(preadv)
{
   PRE_REG_READ5("preadv", unsigned long, fd, const struct vki_iovec*, vector,
                 unsigned long, count, unsigned long, pos_l,
                 unsigned long, pos_h);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "preadv")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   ML_(pre_iovecs)(tid, "preadv(vector)", "preadv(vector[...])", ARG2, ARG3, True);
}

POST(preadv)
{
   ML_(post_iovecs)(tid, ARG2, ARG3, RES);
}

PRE(pwritev)
{
   PRE_REG_READ5("pwritev", unsigned long, fd, const struct vki_iovec*, vector,
                 unsigned long, count, unsigned long, pos_l,
                 unsigned long, pos_h);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "pwritev")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   ML_(pre_iovecs)(tid, "pwritev(vector)", "pwritev(vector[...])", ARG2, ARG3,
              False);
}

/* ================================================================== */
/* Opening, closing, positions                                          */
/* ================================================================== */

PRE(open)
{
   if ((ARG2 & VKI_O_CREAT) || (ARG2 & VKI_O_TMPFILE) == VKI_O_TMPFILE)
      PRE_REG_READ3("open", const char*, filename, int, flags, int, mode);
   else
      PRE_REG_READ2("open", const char*, filename, int, flags);
   PRE_MEM_RASCIIZ("open(filename)", ARG1);
   *flags |= SfMayBlock;   /* a FIFO waits for its other end */
   HChar exe[64];
   if (ML_(redirect_proc_self_exe)(ARG1, exe, sizeof exe))
      SET_STATUS_from_SysRes(VG_(open)(exe, (Int)ARG2, (Int)ARG3));
}

POST(open)
{
   ML_(check_new_fd)(tid, status, "open");
}

PRE(creat)
{
   PRE_REG_READ2("creat", const char*, pathname, int, mode);
   PRE_MEM_RASCIIZ("creat(pathname)", ARG1);
   *flags |= SfMayBlock;
}

POST(creat)
{
   ML_(check_new_fd)(tid, status, "creat");
}

PRE(close)
{
   PRE_REG_READ1("close", unsigned int, fd);
   if (FD_REFUSED(ARG1, "close"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(lseek)
{
   PRE_REG_READ3("lseek", unsigned int, fd, vki_off_t, offset,
                 unsigned int, whence);
   if (FD_REFUSED(ARG1, "lseek"))
      SET_STATUS_Failure(VKI_EBADF);
}

/* ================================================================== */
/* File status, names, directories                                      */
/* ================================================================== */

PRE(stat)
{
   PRE_REG_READ2("stat", const char*, file_name, struct vki_stat*, buf);
   PRE_MEM_RASCIIZ("stat(file_name)", ARG1);
   PRE_MEM_WRITE("stat(buf)", ARG2, sizeof(struct vki_stat));
}

POST(stat)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_stat));
}

PRE(lstat)
{
   PRE_REG_READ2("lstat", const char*, file_name, struct vki_stat*, buf);
   PRE_MEM_RASCIIZ("lstat(file_name)", ARG1);
   PRE_MEM_WRITE("lstat(buf)", ARG2, sizeof(struct vki_stat));
}

POST(lstat)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_stat));
}

PRE(fstat)
{
   PRE_REG_READ2("fstat", unsigned int, fd, struct vki_stat*, buf);
   if (FD_REFUSED(ARG1, "fstat")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   PRE_MEM_WRITE("fstat(buf)", ARG2, sizeof(struct vki_stat));
}

POST(fstat)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_stat));
}

PRE(access)
{
   PRE_REG_READ2("access", const char*, pathname, int, mode);
   PRE_MEM_RASCIIZ("access(pathname)", ARG1);
}

PRE(readlink)
{
   PRE_REG_READ3("readlink", const char*, path, char*, buf, int, bufsiz);
   PRE_MEM_RASCIIZ("readlink(path)", ARG1);
   PRE_MEM_WRITE("readlink(buf)", ARG2, ARG3);
   HChar exe[64];
   if (ML_(redirect_proc_self_exe)(ARG1, exe, sizeof exe))
      SET_STATUS_from_SysRes(VG_(do_syscall4)(__NR_readlinkat,
                                              (UWord)VKI_AT_FDCWD,
                                              (UWord)exe, ARG2, ARG3));
}

POST(readlink)
{
   POST_MEM_WRITE(ARG2, RES);
}

PRE(getcwd)
{
   PRE_REG_READ2("getcwd", char*, buf, unsigned long, size);
   PRE_MEM_WRITE("getcwd(buf)", ARG1, ARG2);
}

POST(getcwd)
{
   /* The result is the length stored, NUL included. */
   POST_MEM_WRITE(ARG1, RES);
}

PRE(chdir)
{
   PRE_REG_READ1("chdir", const char*, path);
   PRE_MEM_RASCIIZ("chdir(path)", ARG1);
}

PRE(fchdir)
{
   PRE_REG_READ1("fchdir", unsigned int, fd);
   if (FD_REFUSED(ARG1, "fchdir"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(chroot)
{
   PRE_REG_READ1("chroot", const char*, path);
   PRE_MEM_RASCIIZ("chroot(path)", ARG1);
}

PRE(mkdir)
{
   PRE_REG_READ2("mkdir", const char*, pathname, int, mode);
   PRE_MEM_RASCIIZ("mkdir(pathname)", ARG1);
}

PRE(rmdir)
{
   PRE_REG_READ1("rmdir", const char*, pathname);
   PRE_MEM_RASCIIZ("rmdir(pathname)", ARG1);
}

PRE(unlink)
{
   PRE_REG_READ1("unlink", const char*, pathname);
   PRE_MEM_RASCIIZ("unlink(pathname)", ARG1);
}

PRE(rename)
{
   PRE_REG_READ2("rename", const char*, oldpath, const char*, newpath);
   PRE_MEM_RASCIIZ("rename(oldpath)", ARG1);
   PRE_MEM_RASCIIZ("rename(newpath)", ARG2);
}

PRE(link)
{
   PRE_REG_READ2("link", const char*, oldpath, const char*, newpath);
   PRE_MEM_RASCIIZ("link(oldpath)", ARG1);
   PRE_MEM_RASCIIZ("link(newpath)", ARG2);
}

PRE(symlink)
{
   PRE_REG_READ2("symlink", const char*, oldpath, const char*, newpath);
   PRE_MEM_RASCIIZ("symlink(oldpath)", ARG1);
   PRE_MEM_RASCIIZ("symlink(newpath)", ARG2);
}

PRE(mknod)
{
   PRE_REG_READ3("mknod", const char*, pathname, int, mode, unsigned, dev);
   PRE_MEM_RASCIIZ("mknod(pathname)", ARG1);
}

PRE(chmod)
{
   PRE_REG_READ2("chmod", const char*, path, vki_mode_t, mode);
   PRE_MEM_RASCIIZ("chmod(path)", ARG1);
}

PRE(fchmod)
{
   PRE_REG_READ2("fchmod", unsigned int, fildes, vki_mode_t, mode);
   if (FD_REFUSED(ARG1, "fchmod"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(chown)
{
   PRE_REG_READ3("chown", const char*, path, vki_uid_t, owner,
                 vki_gid_t, group);
   PRE_MEM_RASCIIZ("chown(path)", ARG1);
}

PRE(lchown)
{
   PRE_REG_READ3("lchown", const char*, path, vki_uid_t, owner,
                 vki_gid_t, group);
   PRE_MEM_RASCIIZ("lchown(path)", ARG1);
}

PRE(fchown)
{
   PRE_REG_READ3("fchown", unsigned int, fd, vki_uid_t, owner,
                 vki_gid_t, group);
   if (FD_REFUSED(ARG1, "fchown"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(umask)
{
   PRE_REG_READ1("umask", int, mask);
}

PRE(truncate)
{
   PRE_REG_READ2("truncate", const char*, path, unsigned long, length);
   PRE_MEM_RASCIIZ("truncate(path)", ARG1);
   *flags |= SfMayBlock;
}

PRE(ftruncate)
{
   PRE_REG_READ2("ftruncate", unsigned int, fd, unsigned long, length);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "ftruncate"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(fsync)
{
   PRE_REG_READ1("fsync", unsigned int, fd);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "fsync"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(fdatasync)
{
   PRE_REG_READ1("fdatasync", unsigned int, fd);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "fdatasync"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(sync)
{
   PRE_REG_READ0("sync");
   *flags |= SfMayBlock;
}

PRE(flock)
{
   PRE_REG_READ2("flock", unsigned int, fd, unsigned int, operation);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "flock"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(utime)
{
   PRE_REG_READ2("utime", const char*, filename, struct vki_utimbuf*, buf);
   PRE_MEM_RASCIIZ("utime(filename)", ARG1);
   if (ARG2 != 0)
      PRE_MEM_READ("utime(buf)", ARG2, sizeof(struct vki_utimbuf));
}

PRE(utimes)
{
   PRE_REG_READ2("utimes", const char*, filename, struct vki_timeval*, tvp);
   PRE_MEM_RASCIIZ("utimes(filename)", ARG1);
   if (ARG2 != 0)
      PRE_MEM_READ("utimes(tvp)", ARG2, 2 * sizeof(struct vki_timeval));
}

PRE(getdents)
{
   PRE_REG_READ3("getdents", unsigned int, fd, struct vki_linux_dirent*, dirp,
                 unsigned int, count);
   *flags |= SfMayBlock;
   if (FD_REFUSED(ARG1, "getdents")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   PRE_MEM_WRITE("getdents(dirp)", ARG2, ARG3);
}

POST(getdents)
{
   if (RES > 0)
      POST_MEM_WRITE(ARG2, RES);
}

/* ================================================================== */
/* Descriptors                                                          */
/* ================================================================== */

PRE(dup)
{
   PRE_REG_READ1("dup", unsigned int, oldfd);
   if (FD_REFUSED(ARG1, "dup"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(dup)
{
   ML_(check_new_fd)(tid, status, "dup");
}

PRE(dup2)
{
   PRE_REG_READ2("dup2", unsigned int, oldfd, unsigned int, newfd);
   if (FD_REFUSED(ARG1, "dup2") || FD_REFUSED(ARG2, "dup2"))
      SET_STATUS_Failure(VKI_EBADF);
}

PRE(pipe)
{
   PRE_REG_READ1("pipe", int*, filedes);
   PRE_MEM_WRITE("pipe(filedes)", ARG1, 2 * sizeof(Int));
}

void ML_(check_new_fd_pair)(ThreadId tid, SyscallStatus* status, Addr fds,
                              const HChar* name)
{
   if (!ML_(safe_to_deref)(fds, 2 * sizeof(Int)))
      return;
   const Int* p = (const Int*)fds;
   if (!ML_(fd_allowed)(p[0], name, tid, True)
       || !ML_(fd_allowed)(p[1], name, tid, True)) {
      VG_(close)(p[0]);
      VG_(close)(p[1]);
      SET_STATUS_Failure(VKI_EMFILE);
      return;
   }
   POST_MEM_WRITE(fds, 2 * sizeof(Int));
}

POST(pipe)
{
   ML_(check_new_fd_pair)(tid, status, ARG1, "pipe");
}

PRE(fcntl)
{
   const HChar* lock_s = "fcntl(lock)";
   switch (ARG2) {
      /* No third argument. */
      case VKI_F_GETFD: case VKI_F_GETFL: case VKI_F_GETOWN:
      case VKI_F_GETSIG: case VKI_F_GETLEASE: case VKI_F_GETPIPE_SZ:
      case VKI_F_GET_SEALS:
         PRE_REG_READ2("fcntl", unsigned int, fd, unsigned int, cmd);
         break;
      /* An integer. */
      case VKI_F_DUPFD: case VKI_F_DUPFD_CLOEXEC: case VKI_F_SETFD:
      case VKI_F_SETFL: case VKI_F_SETOWN: case VKI_F_SETSIG:
      case VKI_F_SETLEASE: case VKI_F_NOTIFY: case VKI_F_SETPIPE_SZ:
      case VKI_F_ADD_SEALS: case VKI_F_DUPFD_QUERY:
         PRE_REG_READ3("fcntl", unsigned int, fd, unsigned int, cmd,
                       unsigned long, arg);
         break;
      /* Record locks: the kernel reads the struct, and F_GETLK writes it
         back. */
      case VKI_F_GETLK: case VKI_F_OFD_GETLK:
      case VKI_F_SETLK: case VKI_F_SETLKW:
      case VKI_F_OFD_SETLK: case VKI_F_OFD_SETLKW:
         PRE_REG_READ3("fcntl", unsigned int, fd, unsigned int, cmd,
                       struct vki_flock*, lock);
         PRE_MEM_READ(lock_s, ARG3, sizeof(struct vki_flock));
         if (ARG2 == VKI_F_GETLK || ARG2 == VKI_F_OFD_GETLK)
            PRE_MEM_WRITE(lock_s, ARG3, sizeof(struct vki_flock));
         if (ARG2 == VKI_F_SETLKW || ARG2 == VKI_F_OFD_SETLKW)
            *flags |= SfMayBlock;
         break;
      case VKI_F_GETOWN_EX:
         PRE_REG_READ3("fcntl", unsigned int, fd, unsigned int, cmd,
                       struct vki_f_owner_ex*, arg);
         PRE_MEM_WRITE("fcntl(F_GETOWN_EX)", ARG3,
                       sizeof(struct vki_f_owner_ex));
         break;
      case VKI_F_SETOWN_EX:
         PRE_REG_READ3("fcntl", unsigned int, fd, unsigned int, cmd,
                       struct vki_f_owner_ex*, arg);
         PRE_MEM_READ("fcntl(F_SETOWN_EX)", ARG3,
                      sizeof(struct vki_f_owner_ex));
         break;
      case VKI_F_GETOWNER_UIDS:
         PRE_REG_READ3("fcntl", unsigned int, fd, unsigned int, cmd,
                       vki_uid_t*, arg);
         PRE_MEM_WRITE("fcntl(F_GETOWNER_UIDS)", ARG3, 2 * sizeof(vki_uid_t));
         break;
      default: {
         /* Passed on as it is: its argument is not known to be
            memory. */
         static UWord warned = (UWord)-1;
         if (warned != ARG2 && VG_(clo_verbosity) > 1) {
            warned = ARG2;
            VG_(umsg)("Warning: fcntl command %lu not known to the core; "
                      "passed on\n", ARG2);
         }
         PRE_REG_READ3("fcntl", unsigned int, fd, unsigned int, cmd,
                       unsigned long, arg);
         break;
      }
   }
   if (FD_REFUSED(ARG1, "fcntl"))
      SET_STATUS_Failure(VKI_EBADF);
}

POST(fcntl)
{
   switch (ARG2) {
      case VKI_F_DUPFD: case VKI_F_DUPFD_CLOEXEC:
         ML_(check_new_fd)(tid, status, "fcntl(DUPFD)");
         break;
      case VKI_F_GETLK: case VKI_F_OFD_GETLK:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_flock));
         break;
      case VKI_F_GETOWN_EX:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_f_owner_ex));
         break;
      case VKI_F_GETOWNER_UIDS:
         POST_MEM_WRITE(ARG3, 2 * sizeof(vki_uid_t));
         break;
      default:
         break;
   }
}

/* ================================================================== */
/* ioctl                                                                */
/* ================================================================== */

/* An ioctl the core knows nothing about: as Valgrind, believe its
   encoding's direction and size bits.  _IOC_WRITE: the kernel reads
   SIZE bytes at ARG; _IOC_READ: it writes them. */
static void pre_unknown_ioctl(ThreadId tid, UWord request, UWord arg)
{
   UInt dir = _VKI_IOC_DIR(request);
   UInt size = _VKI_IOC_SIZE(request);
   if (dir == _VKI_IOC_NONE && size > 0) {
      /* Says it takes data but not which way: nothing can be checked. */
      static UWord moaned[10];
      for (UInt i = 0; i < VG_N_ELEMS(moaned); i++) {
         if (moaned[i] == request)
            break;
         if (moaned[i] == 0) {
            moaned[i] = request;
            VG_(umsg)("Warning: ioctl %#lx has a size but no direction; its "
                      "memory is not\n", request);
            VG_(umsg)("   checked (this may cause spurious value errors).\n");
            break;
         }
      }
      return;
   }
   if ((dir & _VKI_IOC_WRITE) && size > 0)
      PRE_MEM_READ("ioctl(generic)", arg, size);
   if ((dir & _VKI_IOC_READ) && size > 0)
      PRE_MEM_WRITE("ioctl(generic)", arg, size);
}

static void post_unknown_ioctl(ThreadId tid, UWord request, UWord arg)
{
   UInt dir = _VKI_IOC_DIR(request);
   UInt size = _VKI_IOC_SIZE(request);
   if ((dir & _VKI_IOC_READ) && size > 0 && arg != 0)
      POST_MEM_WRITE(arg, size);
}

PRE(ioctl)
{
   *flags |= SfMayBlock;
   UWord req = ARG2 & 0xffffffffUL;   /* the kernel takes an unsigned int */
   PRE_REG_READ3("ioctl", unsigned int, fd, unsigned int, request,
                 unsigned long, arg);
   if (FD_REFUSED(ARG1, "ioctl")) {
      SET_STATUS_Failure(VKI_EBADF);
      return;
   }
   switch (req) {
      case VKI_TCSBRK: case VKI_TCXONC: case VKI_TCFLSH: case VKI_TCSBRKP:
      case VKI_TIOCSCTTY: case VKI_TIOCNOTTY: case VKI_TIOCEXCL:
      case VKI_TIOCNXCL: case VKI_FIOCLEX: case VKI_FIONCLEX:
      case VKI_TIOCGPTPEER: case VKI_FICLONE:
         /* The argument is a value (or unused), not memory. */
         break;
      case VKI_TCGETS:
         PRE_MEM_WRITE("ioctl(TCGETS)", ARG3, sizeof(struct vki_termios));
         break;
      case VKI_TCSETS: case VKI_TCSETSW: case VKI_TCSETSF:
         PRE_MEM_READ("ioctl(TCSET{S,SW,SF})", ARG3,
                      sizeof(struct vki_termios));
         break;
      case VKI_TCGETA:
         PRE_MEM_WRITE("ioctl(TCGETA)", ARG3, sizeof(struct vki_termio));
         break;
      case VKI_TCSETA: case VKI_TCSETAW: case VKI_TCSETAF:
         PRE_MEM_READ("ioctl(TCSET{A,AW,AF})", ARG3,
                      sizeof(struct vki_termio));
         break;
      case VKI_TIOCGWINSZ:
         PRE_MEM_WRITE("ioctl(TIOCGWINSZ)", ARG3, sizeof(struct vki_winsize));
         break;
      case VKI_TIOCSWINSZ:
         PRE_MEM_READ("ioctl(TIOCSWINSZ)", ARG3, sizeof(struct vki_winsize));
         break;
      case VKI_TIOCGPGRP:
         PRE_MEM_WRITE("ioctl(TIOCGPGRP)", ARG3, sizeof(vki_pid_t));
         break;
      case VKI_TIOCSPGRP:
         PRE_MEM_READ("ioctl(TIOCSPGRP)", ARG3, sizeof(vki_pid_t));
         break;
      case VKI_TIOCGSID:
         PRE_MEM_WRITE("ioctl(TIOCGSID)", ARG3, sizeof(vki_pid_t));
         break;
      case VKI_FIONREAD:
         PRE_MEM_WRITE("ioctl(FIONREAD)", ARG3, sizeof(Int));
         break;
      case VKI_TIOCOUTQ:
         PRE_MEM_WRITE("ioctl(TIOCOUTQ)", ARG3, sizeof(Int));
         break;
      case VKI_TIOCGETD:
         PRE_MEM_WRITE("ioctl(TIOCGETD)", ARG3, sizeof(Int));
         break;
      case VKI_TIOCSETD:
         PRE_MEM_READ("ioctl(TIOCSETD)", ARG3, sizeof(Int));
         break;
      case VKI_TIOCMGET:
         PRE_MEM_WRITE("ioctl(TIOCMGET)", ARG3, sizeof(Int));
         break;
      case VKI_TIOCMBIS: case VKI_TIOCMBIC: case VKI_TIOCMSET:
         PRE_MEM_READ("ioctl(TIOCM{BIS,BIC,SET})", ARG3, sizeof(Int));
         break;
      case VKI_FIONBIO:
         PRE_MEM_READ("ioctl(FIONBIO)", ARG3, sizeof(Int));
         break;
      case VKI_FIOASYNC:
         PRE_MEM_READ("ioctl(FIOASYNC)", ARG3, sizeof(Int));
         break;
      case VKI_FIOQSIZE:
         PRE_MEM_WRITE("ioctl(FIOQSIZE)", ARG3, sizeof(vki_loff_t));
         break;
      case VKI_TIOCSTI:
         PRE_MEM_READ("ioctl(TIOCSTI)", ARG3, sizeof(char));
         break;
      case VKI_TIOCLINUX:
         PRE_MEM_READ("ioctl(TIOCLINUX)", ARG3, sizeof(char));
         break;
      case VKI_TIOCCONS:
         break;
      default:
         pre_unknown_ioctl(tid, req, ARG3);
         break;
   }
}

POST(ioctl)
{
   UWord req = ARG2 & 0xffffffffUL;
   switch (req) {
      case VKI_TCGETS:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_termios));
         break;
      case VKI_TCGETA:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_termio));
         break;
      case VKI_TIOCGWINSZ:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_winsize));
         break;
      case VKI_TIOCGPGRP: case VKI_TIOCGSID:
         POST_MEM_WRITE(ARG3, sizeof(vki_pid_t));
         break;
      case VKI_FIONREAD: case VKI_TIOCOUTQ: case VKI_TIOCGETD:
      case VKI_TIOCMGET:
         POST_MEM_WRITE(ARG3, sizeof(Int));
         break;
      case VKI_FIOQSIZE:
         POST_MEM_WRITE(ARG3, sizeof(vki_loff_t));
         break;
      case VKI_TIOCGPTPEER:
         ML_(check_new_fd)(tid, status, "ioctl(TIOCGPTPEER)");
         break;
      case VKI_TCSBRK: case VKI_TCXONC: case VKI_TCFLSH: case VKI_TCSBRKP:
      case VKI_TIOCSCTTY: case VKI_TIOCNOTTY: case VKI_TIOCEXCL:
      case VKI_TIOCNXCL: case VKI_FIOCLEX: case VKI_FIONCLEX:
      case VKI_FICLONE: case VKI_TCSETS: case VKI_TCSETSW: case VKI_TCSETSF:
      case VKI_TCSETA: case VKI_TCSETAW: case VKI_TCSETAF:
      case VKI_TIOCSWINSZ: case VKI_TIOCSPGRP: case VKI_TIOCSETD:
      case VKI_TIOCMBIS: case VKI_TIOCMBIC: case VKI_TIOCMSET:
      case VKI_FIONBIO: case VKI_FIOASYNC: case VKI_TIOCSTI:
      case VKI_TIOCLINUX: case VKI_TIOCCONS:
         break;
      default:
         post_unknown_ioctl(tid, req, ARG3);
         break;
   }
}

/* ================================================================== */
/* Waiting for descriptors                                              */
/* ================================================================== */

PRE(poll)
{
   PRE_REG_READ3("poll", struct vki_pollfd*, ufds, unsigned int, nfds,
                 long, timeout);
   *flags |= SfMayBlock;
   struct vki_pollfd* ufds = (struct vki_pollfd*)ARG1;
   UInt n = (UInt)ARG2;
   for (UInt i = 0; i < n; i++) {
      PRE_MEM_READ("poll(ufds.fd)", &ufds[i].fd, sizeof(ufds[i].fd));
      if (ML_(safe_to_deref)((Addr)&ufds[i].fd, sizeof(ufds[i].fd))
          && ufds[i].fd >= 0)
         PRE_MEM_READ("poll(ufds.events)", &ufds[i].events,
                      sizeof(ufds[i].events));
      PRE_MEM_WRITE("poll(ufds.revents)", &ufds[i].revents,
                    sizeof(ufds[i].revents));
   }
}

POST(poll)
{
   struct vki_pollfd* ufds = (struct vki_pollfd*)ARG1;
   for (UInt i = 0; i < (UInt)ARG2; i++)
      POST_MEM_WRITE(&ufds[i].revents, sizeof(ufds[i].revents));
}

/* The bytes of a select descriptor set for N descriptors, as the kernel
   copies them: whole longs. */
static SizeT fdset_bytes(UWord n)
{
   if ((Word)n <= 0)
      return 0;
   if (n > 64 * 1024 * 1024)
      n = 64 * 1024 * 1024;
   return VG_ROUNDUP(n, 8 * sizeof(UWord)) / 8;
}

PRE(select)
{
   PRE_REG_READ5("select", int, n, unsigned long*, readfds, unsigned long*, writefds,
                 unsigned long*, exceptfds, struct vki_timeval*, timeout);
   *flags |= SfMayBlock;
   SizeT b = fdset_bytes(ARG1);
   if (ARG2 != 0)
      PRE_MEM_READ("select(readfds)", ARG2, b);
   if (ARG3 != 0)
      PRE_MEM_READ("select(writefds)", ARG3, b);
   if (ARG4 != 0)
      PRE_MEM_READ("select(exceptfds)", ARG4, b);
   if (ARG5 != 0) {
      PRE_MEM_READ("select(timeout)", ARG5, sizeof(struct vki_timeval));
      PRE_MEM_WRITE("select(timeout)", ARG5, sizeof(struct vki_timeval));
   }
}

POST(select)
{
   SizeT b = fdset_bytes(ARG1);
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, b);
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, b);
   if (ARG4 != 0)
      POST_MEM_WRITE(ARG4, b);
   if (ARG5 != 0)
      POST_MEM_WRITE(ARG5, sizeof(struct vki_timeval));
}

/* ================================================================== */
/* Memory                                                               */
/* ================================================================== */

/* mmap by the kernel for the client, at the advised or requested
   place. */
static SysRes kernel_mmap(Addr a, SizeT len, UWord prot, UWord flags,
                          UWord fd, Off64T off)
{
   return VG_(do_syscall6)(__NR_mmap, a, len, prot, flags, fd, (UWord)off);
}

SysRes ML_(generic_PRE_sys_mmap)(ThreadId tid, UWord addr, UWord len,
                                 UWord prot, UWord flags, UWord fd,
                                 Off64T offset)
{
   const UWord fixed = VKI_MAP_FIXED | VKI_MAP_FIXED_NOREPLACE;
   if (len == 0)
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   if (!VG_IS_ALIGNED(offset, VKI_PAGE_SIZE))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   if ((flags & fixed) && !VG_IS_ALIGNED(addr, VKI_PAGE_SIZE))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   if (PAGE_ROUNDUP(len) == 0)
      return VG_(mk_SysRes_Error)(VKI_ENOMEM);

   SysRes sres;
   if (!VG_(am_is_initialised)()) {
      /* Nobody keeps the map yet: the kernel decides. */
      sres = kernel_mmap(addr, len, prot, flags, fd, offset);
   } else if (flags & fixed) {
      /* At ADDR exactly, which must not touch the core. */
      sres = VG_(am_check_client_mmap)(addr, len, (UInt)flags);
      if (!sr_isError(sres))
         sres = kernel_mmap(addr, len, prot, flags, fd, offset);
   } else if (flags & VKI_MAP_32BIT) {
      /* The advisory knows nothing of the low 2GB: let the kernel place
         it there, and take it only if that space was free for the
         client. */
      sres = kernel_mmap(addr, len, prot, flags, fd, offset);
      if (!sr_isError(sres)
          && !VG_(am_is_free_or_resvn)(sr_Res(sres), len)) {
         (void)VG_(do_syscall2)(__NR_munmap, sr_Res(sres), len);
         sres = VG_(mk_SysRes_Error)(VKI_ENOMEM);
      }
   } else {
      /* Where the manager advises (the hint if it is free), handed to
         the kernel as a fixed request that may not replace anything:
         should the map be out of date, the kernel refuses instead of
         destroying a mapping. */
      MapRequest req;
      req.rkind = addr != 0 ? MHint : MAny;
      req.start = VG_ROUNDDN(addr, VKI_PAGE_SIZE);
      req.len = len;
      Bool ok = False;
      Addr advised = VG_(am_get_advisory)(&req, True, &ok);
      if (!ok && req.rkind == MHint) {
         req.rkind = MAny;
         req.start = 0;
         advised = VG_(am_get_advisory)(&req, True, &ok);
      }
      if (!ok)
         return VG_(mk_SysRes_Error)(VKI_ENOMEM);
      sres = kernel_mmap(advised, len, prot,
                         flags | VKI_MAP_FIXED_NOREPLACE, fd, offset);
      if (!sr_isError(sres) && sr_Res(sres) != advised) {
         /* A kernel older than MAP_FIXED_NOREPLACE took it as a hint. */
         (void)VG_(do_syscall2)(__NR_munmap, sr_Res(sres), len);
         sres = VG_(mk_SysRes_Error)(VKI_ENOMEM);
      }
      if (sr_isError(sres) && sr_Err(sres) == VKI_EEXIST)
         sres = VG_(mk_SysRes_Error)(VKI_ENOMEM);
      if (sr_isError(sres) && sr_Err(sres) == VKI_EINVAL) {
         /* The kernel may want another alignment than the manager knows
            of (huge pages): let it choose, and keep the result if that
            space was free for the client (Valgrind's last resort). */
         sres = kernel_mmap(0, len, prot, flags, fd, offset);
         if (!sr_isError(sres)
             && !VG_(am_is_free_or_resvn)(sr_Res(sres), len)) {
            (void)VG_(do_syscall2)(__NR_munmap, sr_Res(sres), len);
            sres = VG_(mk_SysRes_Error)(VKI_ENOMEM);
         }
      }
   }

   if (!sr_isError(sres))
      ML_(notify_core_and_tool_of_mmap)(sr_Res(sres), len, (UInt)prot,
                                        (UInt)flags, (Int)fd, offset);
   return sres;
}

PRE(munmap)
{
   PRE_REG_READ2("munmap", unsigned long, start, vki_size_t, length);
   if (VG_IS_ALIGNED(ARG1, VKI_PAGE_SIZE) && ARG2 != 0
       && !client_range_ok(ARG1, ARG2))
      SET_STATUS_Failure(VKI_EINVAL);
}

POST(munmap)
{
   ML_(notify_core_and_tool_of_munmap)(ARG1, ARG2);
}

PRE(mprotect)
{
   PRE_REG_READ3("mprotect", unsigned long, addr, vki_size_t, len,
                 unsigned long, prot);
   if (!VG_IS_ALIGNED(ARG1, VKI_PAGE_SIZE) || ARG2 == 0)
      return;   /* the kernel's answer: EINVAL, or 0 */
   if (ARG3 & (VKI_PROT_GROWSDOWN | VKI_PROT_GROWSUP)) {
      /* Applies to the whole stack segment the range is in; the kernel
         would extend the range to its end, so do it here and drop the
         flag, keeping the map exact. */
      NSegment seg;
      if (!VG_(am_is_initialised)()
          || !VG_(am_lookup_segment)(ARG1, &seg)
          || (seg.kind != SkAnonC && seg.kind != SkFileC)) {
         SET_STATUS_Failure(VKI_EINVAL);
         return;
      }
      if (ARG3 & VKI_PROT_GROWSDOWN) {
         ARG2 = ARG1 + ARG2 - seg.start;
         ARG1 = seg.start;
      } else {
         ARG2 = seg.end + 1 - ARG1;
      }
      ARG3 &= ~(UWord)(VKI_PROT_GROWSDOWN | VKI_PROT_GROWSUP);
   }
   if (!client_range_ok(ARG1, ARG2))
      SET_STATUS_Failure(VKI_ENOMEM);
}

POST(mprotect)
{
   if (ARG2 != 0)
      ML_(notify_core_and_tool_of_mprotect)(ARG1, ARG2, (UInt)ARG3);
}

PRE(msync)
{
   PRE_REG_READ3("msync", unsigned long, start, vki_size_t, length,
                 int, flags);
   *flags |= SfMayBlock;
}

PRE(mlock)
{
   PRE_REG_READ2("mlock", unsigned long, start, vki_size_t, len);
   *flags |= SfMayBlock;
}

PRE(munlock)
{
   PRE_REG_READ2("munlock", unsigned long, start, vki_size_t, len);
   *flags |= SfMayBlock;
}

PRE(mlockall)
{
   PRE_REG_READ1("mlockall", int, flags);
   *flags |= SfMayBlock;
}

PRE(munlockall)
{
   PRE_REG_READ0("munlockall");
   *flags |= SfMayBlock;
}

PRE(mincore)
{
   PRE_REG_READ3("mincore", unsigned long, start, vki_size_t, length,
                 unsigned char*, vec);
   PRE_MEM_WRITE("mincore(vec)", ARG3, PAGE_ROUNDUP(ARG2) / VKI_PAGE_SIZE);
}

POST(mincore)
{
   POST_MEM_WRITE(ARG3, PAGE_ROUNDUP(ARG2) / VKI_PAGE_SIZE);
}

PRE(madvise)
{
   PRE_REG_READ3("madvise", unsigned long, start, vki_size_t, length,
                 int, behavior);
   *flags |= SfMayBlock;
   /* Advice that throws contents away must not reach the core's
      memory: as if it were not mapped. */
   if (VG_IS_ALIGNED(ARG1, VKI_PAGE_SIZE) && ARG2 != 0
       && ARG3 != VKI_MADV_NORMAL && ARG3 != VKI_MADV_RANDOM
       && ARG3 != VKI_MADV_SEQUENTIAL && ARG3 != VKI_MADV_WILLNEED
       && !client_range_ok(ARG1, ARG2))
      SET_STATUS_Failure(VKI_ENOMEM);
}

struct vki_rlimit VG_(client_rlimit_data);
struct vki_rlimit VG_(client_rlimit_stack);
static Bool client_rlimits_read = False;

/* Reads the kernel's RLIMIT_DATA and RLIMIT_STACK once, as the limits
   the client starts with. */
static void init_client_rlimits(void)
{
   if (client_rlimits_read)
      return;
   client_rlimits_read = True;
   if (VG_(getrlimit)(VKI_RLIMIT_DATA, &VG_(client_rlimit_data)) != 0)
      VG_(client_rlimit_data).rlim_cur = VG_(client_rlimit_data).rlim_max
         = VKI_RLIM_INFINITY;
   if (VG_(getrlimit)(VKI_RLIMIT_STACK, &VG_(client_rlimit_stack)) != 0)
      VG_(client_rlimit_stack).rlim_cur = VG_(client_rlimit_stack).rlim_max
         = VKI_RLIM_INFINITY;
}

/* ------------------------------------------------------------------ */
/* brk, emulated on the client heap segment                             */

Addr VG_(brk_base) = 0;
Addr VG_(brk_limit) = 0;

Bool VG_(setup_client_dataseg)(Addr brk_base)
{
   const SizeT m1 = 1024 * 1024;
   init_client_rlimits();
   struct vki_rlimit rl = VG_(client_rlimit_data);
   SizeT max = rl.rlim_cur;
   if (max < m1)
      max = m1;
   if (max > 8 * m1)
      max = 8 * m1;
   max = PAGE_ROUNDUP(max);

   const SizeT anon = VKI_PAGE_SIZE;
   Addr start = PAGE_ROUNDUP(brk_base);
   Bool ok = start != 0
             && VG_(am_create_reservation)(start + anon, max - anon, SmLower,
                                           anon);
   if (!ok) {
      start = VG_(am_get_advisory_client_simple)(0, max, &ok);
      if (ok)
         ok = VG_(am_create_reservation)(start + anon, max - anon, SmLower,
                                         anon);
   }
   if (!ok)
      return False;
   SysRes sr = VG_(am_mmap_anon_fixed_client)(start, anon,
                                              VKI_PROT_READ | VKI_PROT_WRITE);
   if (sr_isError(sr) || sr_Res(sr) != start)
      return False;
   VG_(am_mark_client_heap)(start, anon);
   VG_(brk_base) = VG_(brk_limit) = start;
   VG_(debugLog)(1, "syswrap", "client brk heap at %#lx, up to %lu bytes\n",
                 start, max);
   return True;
}

/* The new brk limit for a request of NEWBRK (the old one when it cannot
   be met, which is how brk fails). */
static Addr do_brk(ThreadId tid, Addr newbrk)
{
   if (VG_(brk_base) == 0 || newbrk < VG_(brk_base))
      return VG_(brk_limit);
   if (newbrk <= VG_(brk_limit)) {
      /* Shrinking: keep the pages, but make what is given back read as
         new memory when the heap grows again. */
      Addr old = VG_(brk_limit);
      if (newbrk < old) {
         NSegment lo, hi;
         if (VG_(am_lookup_segment)(newbrk, &lo)
             && VG_(am_lookup_segment)(old - 1, &hi)
             && lo.start == hi.start && lo.kind == SkAnonC && lo.hasW) {
            if (lo.hasT)
               discard(newbrk, old - newbrk, "do_brk(shrink)");
            VG_(memset)((void*)newbrk, 0, old - newbrk);
         }
      }
      VG_(brk_limit) = newbrk;
      return newbrk;
   }
   NSegment seg;
   Addr probe = VG_(brk_limit) > VG_(brk_base) ? VG_(brk_limit) - 1
                                                : VG_(brk_limit);
   if (!VG_(am_lookup_segment)(probe, &seg) || seg.kind != SkAnonC)
      return VG_(brk_limit);
   if (newbrk <= seg.end + 1) {
      VG_(brk_limit) = newbrk;
      return newbrk;
   }
   Addr want = PAGE_ROUNDUP(newbrk);
   Bool overflow = False;
   if (!VG_(am_extend_into_adjacent_reservation_client)
          (seg.start, (SSizeT)(want - (seg.end + 1)), &overflow)) {
      static Bool complained = False;
      if (!complained && VG_(clo_verbosity) > 0) {
         complained = True;
         if (overflow)
            VG_(umsg)("brk segment overflow in thread #%u: can't grow to "
                      "%#lx\n", tid, want);
         else
            VG_(umsg)("Cannot map memory to grow the brk segment in thread "
                      "#%u to %#lx\n", tid, want);
         VG_(umsg)("(the client heap has a fixed maximum size; programs "
                   "fall back to mmap)\n");
      }
      return VG_(brk_limit);
   }
   VG_(brk_limit) = newbrk;
   return newbrk;
}

PRE(brk)
{
   PRE_REG_READ1("brk", unsigned long, end_data_segment);
   Addr old = VG_(brk_limit);
   Addr now = do_brk(tid, ARG1);
   if (now > old && VG_(tdict).track_new_mem_brk)
      VG_(tdict).track_new_mem_brk(old, now - old, tid);
   if (now < old && VG_(tdict).track_die_mem_brk)
      VG_(tdict).track_die_mem_brk(now, old - now);
   SET_STATUS_Success(now);
}

/* ------------------------------------------------------------------ */
/* System V shared memory                                               */

PRE(shmget)
{
   PRE_REG_READ3("shmget", int, key, vki_size_t, size, int, shmflg);
}

/* The size of segment SHMID, or 0. */
static SizeT shm_segment_size(Int shmid)
{
   struct vki_shmid64_ds buf;
   SysRes r = VG_(do_syscall3)(__NR_shmctl, (UWord)shmid, VKI_IPC_STAT,
                               (UWord)&buf);
   return sr_isError(r) ? 0 : buf.shm_segsz;
}

PRE(shmat)
{
   PRE_REG_READ3("shmat", int, shmid, const void*, shmaddr, int, shmflg);
   status->saved[0] = 0;
   if (!VG_(am_is_initialised)())
      return;
   SizeT size = PAGE_ROUNDUP(shm_segment_size((Int)ARG1));
   if (size == 0)
      return;   /* the kernel will say why */
   status->saved[0] = size;
   if (ARG2 == 0) {
      Bool ok = False;
      Addr a = VG_(am_get_advisory_client_simple)(0, size, &ok);
      if (!ok) {
         SET_STATUS_Failure(VKI_ENOMEM);
         return;
      }
      ARG2 = a;
   } else {
      Addr a = (ARG3 & VKI_SHM_RND) ? VG_ROUNDDN(ARG2, VKI_SHMLBA) : ARG2;
      if (!client_range_ok(a, size))
         SET_STATUS_Failure(VKI_EINVAL);
   }
}

POST(shmat)
{
   SizeT size = status->saved[0];
   if (size == 0)
      size = PAGE_ROUNDUP(shm_segment_size((Int)ARG1));
   if (size == 0)
      return;
   UInt prot = VKI_PROT_READ;
   if (!(ARG3 & VKI_SHM_RDONLY))
      prot |= VKI_PROT_WRITE;
   if (ARG3 & VKI_SHM_EXEC)
      prot |= VKI_PROT_EXEC;
   Bool d = VG_(am_notify_client_shmat)(RES, size, prot);
   if (VG_(tdict).track_new_mem_mmap)
      VG_(tdict).track_new_mem_mmap(RES, size, True,
                                    (prot & VKI_PROT_WRITE) != 0,
                                    (prot & VKI_PROT_EXEC) != 0, 0);
   if (d)
      discard(RES, size, "shmat");
}

PRE(shmdt)
{
   PRE_REG_READ1("shmdt", const void*, shmaddr);
   status->saved[0] = 0;
   NSegment seg;
   if (!VG_(am_is_initialised)() || !VG_(am_lookup_segment)(ARG1, &seg))
      return;
   if (seg.kind != SkShmC || seg.start != ARG1) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   status->saved[0] = seg.end + 1 - seg.start;
}

POST(shmdt)
{
   if (status->saved[0] != 0)
      ML_(notify_core_and_tool_of_munmap)(ARG1, status->saved[0]);
}

PRE(shmctl)
{
   PRE_REG_READ3("shmctl", int, shmid, int, cmd, struct vki_shmid64_ds*, buf);
   switch (ARG2 & ~(UWord)VKI_IPC_64) {
      case VKI_IPC_INFO:
         PRE_MEM_WRITE("shmctl(IPC_INFO, buf)", ARG3,
                       sizeof(struct vki_shminfo64));
         break;
      case VKI_SHM_INFO:
         PRE_MEM_WRITE("shmctl(SHM_INFO, buf)", ARG3,
                       sizeof(struct vki_shm_info));
         break;
      case VKI_IPC_STAT: case VKI_SHM_STAT: case VKI_SHM_STAT_ANY:
         PRE_MEM_WRITE("shmctl(IPC_STAT, buf)", ARG3,
                       sizeof(struct vki_shmid64_ds));
         break;
      case VKI_IPC_SET:
         PRE_MEM_READ("shmctl(IPC_SET, buf)", ARG3,
                      sizeof(struct vki_shmid64_ds));
         break;
      default:
         break;
   }
}

POST(shmctl)
{
   switch (ARG2 & ~(UWord)VKI_IPC_64) {
      case VKI_IPC_INFO:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_shminfo64));
         break;
      case VKI_SHM_INFO:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_shm_info));
         break;
      case VKI_IPC_STAT: case VKI_SHM_STAT: case VKI_SHM_STAT_ANY:
         POST_MEM_WRITE(ARG3, sizeof(struct vki_shmid64_ds));
         break;
      default:
         break;
   }
}

/* ================================================================== */
/* Time                                                                 */
/* ================================================================== */

PRE(nanosleep)
{
   PRE_REG_READ2("nanosleep", struct vki_timespec*, req,
                 struct vki_timespec*, rem);
   *flags |= SfMayBlock | SfPostOnFail;
   PRE_MEM_READ("nanosleep(req)", ARG1, sizeof(struct vki_timespec));
   if (ARG2 != 0)
      PRE_MEM_WRITE("nanosleep(rem)", ARG2, sizeof(struct vki_timespec));
}

POST(nanosleep)
{
   /* The time left is written only when a signal cut the sleep short. */
   if (ARG2 != 0 && FAILURE && ERR == VKI_EINTR)
      POST_MEM_WRITE(ARG2, sizeof(struct vki_timespec));
}

PRE(gettimeofday)
{
   PRE_REG_READ2("gettimeofday", struct vki_timeval*, tv,
                 struct vki_timezone*, tz);
   if (ARG1 != 0)
      PRE_MEM_WRITE("gettimeofday(tv)", ARG1, sizeof(struct vki_timeval));
   if (ARG2 != 0)
      PRE_MEM_WRITE("gettimeofday(tz)", ARG2, sizeof(struct vki_timezone));
}

POST(gettimeofday)
{
   if (ARG1 != 0)
      POST_MEM_WRITE(ARG1, sizeof(struct vki_timeval));
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, sizeof(struct vki_timezone));
}

PRE(settimeofday)
{
   PRE_REG_READ2("settimeofday", struct vki_timeval*, tv,
                 struct vki_timezone*, tz);
   if (ARG1 != 0)
      PRE_MEM_READ("settimeofday(tv)", ARG1, sizeof(struct vki_timeval));
   if (ARG2 != 0)
      PRE_MEM_READ("settimeofday(tz)", ARG2, sizeof(struct vki_timezone));
}

PRE(times)
{
   PRE_REG_READ1("times", struct vki_tms*, buf);
   if (ARG1 != 0)
      PRE_MEM_WRITE("times(buf)", ARG1, sizeof(struct vki_tms));
}

POST(times)
{
   if (ARG1 != 0)
      POST_MEM_WRITE(ARG1, sizeof(struct vki_tms));
}

PRE(getrusage)
{
   PRE_REG_READ2("getrusage", int, who, struct vki_rusage*, usage);
   PRE_MEM_WRITE("getrusage(usage)", ARG2, sizeof(struct vki_rusage));
}

POST(getrusage)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_rusage));
}

PRE(getitimer)
{
   PRE_REG_READ2("getitimer", int, which, struct vki_itimerval*, value);
   PRE_MEM_WRITE("getitimer(value)", ARG2, sizeof(struct vki_itimerval));
}

POST(getitimer)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_itimerval));
}

PRE(setitimer)
{
   PRE_REG_READ3("setitimer", int, which, struct vki_itimerval*, value,
                 struct vki_itimerval*, ovalue);
   if (ARG2 != 0)
      PRE_MEM_READ("setitimer(value)", ARG2, sizeof(struct vki_itimerval));
   if (ARG3 != 0)
      PRE_MEM_WRITE("setitimer(ovalue)", ARG3, sizeof(struct vki_itimerval));
}

POST(setitimer)
{
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, sizeof(struct vki_itimerval));
}

PRE(alarm)
{
   PRE_REG_READ1("alarm", unsigned int, seconds);
}

/* ================================================================== */
/* Identities                                                           */
/* ================================================================== */

PRE(getpid)   { PRE_REG_READ0("getpid"); }
PRE(getppid)  { PRE_REG_READ0("getppid"); }
PRE(getuid)   { PRE_REG_READ0("getuid"); }
PRE(geteuid)  { PRE_REG_READ0("geteuid"); }
PRE(getgid)   { PRE_REG_READ0("getgid"); }
PRE(getegid)  { PRE_REG_READ0("getegid"); }
PRE(getpgrp)  { PRE_REG_READ0("getpgrp"); }
PRE(setsid)   { PRE_REG_READ0("setsid"); }

PRE(getgroups)
{
   PRE_REG_READ2("getgroups", int, size, vki_gid_t*, list);
   if ((Int)ARG1 > 0)
      PRE_MEM_WRITE("getgroups(list)", ARG2, ARG1 * sizeof(vki_gid_t));
}

POST(getgroups)
{
   if ((Int)ARG1 > 0 && RES > 0)
      POST_MEM_WRITE(ARG2, RES * sizeof(vki_gid_t));
}

PRE(setgroups)
{
   PRE_REG_READ2("setgroups", int, size, vki_gid_t*, list);
   if ((Int)ARG1 > 0)
      PRE_MEM_READ("setgroups(list)", ARG2, ARG1 * sizeof(vki_gid_t));
}

PRE(setuid)
{
   PRE_REG_READ1("setuid", vki_uid_t, uid);
}

PRE(setgid)
{
   PRE_REG_READ1("setgid", vki_gid_t, gid);
}

PRE(setreuid)
{
   PRE_REG_READ2("setreuid", vki_uid_t, ruid, vki_uid_t, euid);
}

PRE(setregid)
{
   PRE_REG_READ2("setregid", vki_gid_t, rgid, vki_gid_t, egid);
}

PRE(getpgid)
{
   PRE_REG_READ1("getpgid", vki_pid_t, pid);
}

PRE(setpgid)
{
   PRE_REG_READ2("setpgid", vki_pid_t, pid, vki_pid_t, pgid);
}

PRE(getsid)
{
   PRE_REG_READ1("getsid", vki_pid_t, pid);
}

PRE(uname)
{
   PRE_REG_READ1("uname", struct vki_new_utsname*, buf);
   PRE_MEM_WRITE("uname(buf)", ARG1, sizeof(struct vki_new_utsname));
}

POST(uname)
{
   POST_MEM_WRITE(ARG1, sizeof(struct vki_new_utsname));
}

/* ================================================================== */
/* Resource limits                                                      */
/* ================================================================== */

/* What the client sees of RESOURCE, when the core keeps it (True). */
static Bool client_view_of_rlimit(UWord resource, ULong* cur, ULong* max)
{
   init_client_rlimits();
   switch (resource) {
      case VKI_RLIMIT_NOFILE:
         if (VG_(fd_hard_limit) < 0)
            return False;
         *cur = (ULong)VG_(fd_soft_limit);
         *max = (ULong)VG_(fd_hard_limit);
         return True;
      case VKI_RLIMIT_DATA:
         *cur = VG_(client_rlimit_data).rlim_cur;
         *max = VG_(client_rlimit_data).rlim_max;
         return True;
      case VKI_RLIMIT_STACK:
         *cur = VG_(client_rlimit_stack).rlim_cur;
         *max = VG_(client_rlimit_stack).rlim_max;
         return True;
      default:
         return False;
   }
}

/* The client sets RESOURCE to CUR/MAX: the error, 0 when done, or -1
   when the kernel should do it.  The core's descriptor limit cannot
   change: the soft limit may move below the hard one the client sees,
   never above; RLIMIT_DATA and RLIMIT_STACK change only the client's
   view (the core's heap and stacks are fixed), as Valgrind does. */
static Int client_set_rlimit(ThreadId tid, UWord resource, ULong cur,
                             ULong max)
{
   init_client_rlimits();
   switch (resource) {
      case VKI_RLIMIT_NOFILE:
         if (VG_(fd_hard_limit) < 0)
            return -1;
         if (cur > (ULong)VG_(fd_hard_limit)
             || max != (ULong)VG_(fd_hard_limit))
            return VKI_EPERM;
         VG_(fd_soft_limit) = (Int)cur;
         return 0;
      case VKI_RLIMIT_DATA:
      case VKI_RLIMIT_STACK: {
         struct vki_rlimit* rl = resource == VKI_RLIMIT_DATA
                                    ? &VG_(client_rlimit_data)
                                    : &VG_(client_rlimit_stack);
         if (cur > max)
            return VKI_EINVAL;
         if (max > rl->rlim_max)
            return VKI_EPERM;
         rl->rlim_cur = cur;
         rl->rlim_max = max;
         if (resource == VKI_RLIMIT_STACK && tid == 1) {
            ThreadState* tst = VG_(get_ThreadState)(tid);
            if (tst->client_stack_szB == 0 || cur <= tst->client_stack_szB)
               tst->client_stack_szB = cur;
         }
         return 0;
      }
      default:
         return -1;
   }
}

PRE(getrlimit)
{
   PRE_REG_READ2("getrlimit", unsigned int, resource,
                 struct vki_rlimit*, rlim);
   PRE_MEM_WRITE("getrlimit(rlim)", ARG2, sizeof(struct vki_rlimit));
}

POST(getrlimit)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_rlimit));
   ULong cur, max;
   if (client_view_of_rlimit(ARG1, &cur, &max)) {
      struct vki_rlimit* rl = (struct vki_rlimit*)ARG2;
      rl->rlim_cur = cur;
      rl->rlim_max = max;
   }
}

PRE(setrlimit)
{
   PRE_REG_READ2("setrlimit", unsigned int, resource,
                 struct vki_rlimit*, rlim);
   PRE_MEM_READ("setrlimit(rlim)", ARG2, sizeof(struct vki_rlimit));
   if (!ML_(safe_to_deref)(ARG2, sizeof(struct vki_rlimit))) {
      SET_STATUS_Failure(VKI_EFAULT);
      return;
   }
   const struct vki_rlimit* rl = (const struct vki_rlimit*)ARG2;
   Int r = client_set_rlimit(tid, ARG1, rl->rlim_cur, rl->rlim_max);
   if (r == 0)
      SET_STATUS_Success(0);
   else if (r > 0)
      SET_STATUS_Failure((UWord)r);
}

Bool ML_(prlimit_for_client)(ThreadId tid, UWord resource,
                             const struct vki_rlimit64* new_rl,
                             struct vki_rlimit64* old_rl, SysRes* res)
{
   ULong cur, max;
   if (!client_view_of_rlimit(resource, &cur, &max))
      return False;
   if (new_rl != NULL) {
      Int r = client_set_rlimit(tid, resource, new_rl->rlim_cur,
                                new_rl->rlim_max);
      if (r < 0)
         return False;
      if (r > 0) {
         *res = VG_(mk_SysRes_Error)((UWord)r);
         return True;
      }
   }
   if (old_rl != NULL) {
      old_rl->rlim_cur = cur;
      old_rl->rlim_max = max;
   }
   *res = VG_(mk_SysRes_Success)(0);
   return True;
}

PRE(getpriority)
{
   PRE_REG_READ2("getpriority", int, which, int, who);
}

PRE(setpriority)
{
   PRE_REG_READ3("setpriority", int, which, int, who, int, prio);
}

/* ================================================================== */
/* Processes                                                            */
/* ================================================================== */

PRE(wait4)
{
   PRE_REG_READ4("wait4", vki_pid_t, pid, unsigned int*, status,
                 int, options, struct vki_rusage*, rusage);
   *flags |= SfMayBlock;
   if (ARG2 != 0)
      PRE_MEM_WRITE("wait4(status)", ARG2, sizeof(Int));
   if (ARG4 != 0)
      PRE_MEM_WRITE("wait4(rusage)", ARG4, sizeof(struct vki_rusage));
}

POST(wait4)
{
   /* Nothing is written when WNOHANG found no child to report. */
   if (RES == 0)
      return;
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, sizeof(Int));
   if (ARG4 != 0)
      POST_MEM_WRITE(ARG4, sizeof(struct vki_rusage));
}

PRE(kill)
{
   PRE_REG_READ2("kill", vki_pid_t, pid, int, signal);
   /* Passed on for now; the signals module will keep the core's own
      signals away from the client and deliver to itself properly. */
   *flags |= SfPollAfter;
}

PRE(exit)
{
   PRE_REG_READ1("exit", int, status);
   ThreadState* tst = VG_(get_ThreadState)(tid);
   /* (Unless another thread is ending the process already.) */
   if (tst->exitreason == VgSrc_None) {
      tst->os_state.exitcode = (Int)ARG1;
      tst->exitreason = VgSrc_ExitThread;
   }
   /* Never run: the scheduler ends the thread (see
      VG_(syswrap_exit_reason)). */
   SET_STATUS_Success(0);
}

/* ------------------------------------------------------------------ */
/* Fork hooks                                                           */

#define N_ATFORK 16
static struct {
   vg_atfork_t pre, parent, child;
} atforks[N_ATFORK];
static Int n_atforks = 0;

void VG_(atfork)(vg_atfork_t pre, vg_atfork_t parent, vg_atfork_t child)
{
   for (Int i = 0; i < n_atforks; i++)
      if (atforks[i].pre == pre && atforks[i].parent == parent
          && atforks[i].child == child)
         return;
   if (n_atforks >= N_ATFORK)
      VG_(core_panic)("VG_(atfork): too many registrations");
   atforks[n_atforks].pre = pre;
   atforks[n_atforks].parent = parent;
   atforks[n_atforks].child = child;
   n_atforks++;
}

void VG_(do_atfork_pre)(ThreadId tid)
{
   for (Int i = 0; i < n_atforks; i++)
      if (atforks[i].pre)
         atforks[i].pre(tid);
}

void VG_(do_atfork_parent)(ThreadId tid)
{
   for (Int i = 0; i < n_atforks; i++)
      if (atforks[i].parent)
         atforks[i].parent(tid);
}

void VG_(do_atfork_child)(ThreadId tid)
{
   for (Int i = 0; i < n_atforks; i++)
      if (atforks[i].child)
         atforks[i].child(tid);
}

SysRes ML_(do_fork_clone)(ThreadId tid, UWord flags, Addr parent_tidptr,
                          Addr child_tidptr, Addr child_sp, Addr tls)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   Bool set_tls = (flags & VKI_CLONE_SETTLS) != 0;
   flags &= ~(UWord)(VKI_CLONE_VM | VKI_CLONE_SETTLS);

   /* No signal may run the core's handlers half-way through. */
   vki_sigset_t all, saved;
   VG_(sigfillset)(&all);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &all, &saved);

   VG_(do_atfork_pre)(tid);
   SysRes res = ML_(raw_fork_clone)(flags, parent_tidptr, child_tidptr);

   if (!sr_isError(res) && sr_Res(res) == 0) {
      /* The child: the same guest and core state, a new process. */
      tst->os_state.lwpid = VG_(gettid)();
      tst->os_state.threadgroup = VG_(getpid)();
      ML_(fork_child_set_sp_tls)(&tst->arch.vex, child_sp, set_tls, tls);
      if ((flags & VKI_CLONE_CHILD_SETTID) && child_tidptr != 0)
         POST_MEM_WRITE(child_tidptr, sizeof(Int));
      VG_(do_atfork_child)(tid);
   } else if (!sr_isError(res)) {
      if ((flags & VKI_CLONE_PARENT_SETTID) && parent_tidptr != 0)
         POST_MEM_WRITE(parent_tidptr, sizeof(Int));
      VG_(do_atfork_parent)(tid);
      if (VG_(clo_trace_syscalls))
         VG_(printf)("   fork: process %d created child %lu\n",
                     VG_(getpid)(), sr_Res(res));
   }
   VG_(sigprocmask)(VKI_SIG_SETMASK, &saved, NULL);
   return res;
}

PRE(fork)
{
   PRE_REG_READ0("fork");
   SET_STATUS_from_SysRes(ML_(do_fork_clone)(tid, VKI_SIGCHLD, 0, 0, 0, 0));
}

/* vfork runs as fork, as in Valgrind: the parent cannot share its
   memory with a child the core runs. */
PRE(vfork)
{
   PRE_REG_READ0("vfork");
   SET_STATUS_from_SysRes(ML_(do_fork_clone)(tid, VKI_SIGCHLD, 0, 0, 0, 0));
}

/* ------------------------------------------------------------------ */
/* execve                                                               */

/* The NULL-terminated string array at A in client memory: its length,
   or -1 if it cannot be read. */
static Int client_strings_count(Addr a)
{
   if (a == 0)
      return 0;
   for (Int n = 0; n < 0x100000; n++) {
      if (!ML_(safe_to_deref)(a + n * sizeof(Addr), sizeof(Addr)))
         return -1;
      Addr s = ((const Addr*)a)[n];
      if (s == 0)
         return n;
      if (!ML_(safe_to_deref_asciiz)(s, 0x20000))
         return -1;
   }
   return -1;
}

static void pre_argv_envp(ThreadId tid, Addr a, const HChar* arr_s,
                          const HChar* elt_s)
{
   if (a == 0)
      return;
   for (Addr p = a;; p += sizeof(Addr)) {
      PRE_MEM_READ(arr_s, p, sizeof(Addr));
      if (!ML_(safe_to_deref)(p, sizeof(Addr)))
         return;
      Addr s = *(const Addr*)p;
      if (s == 0)
         return;
      PRE_MEM_RASCIIZ(elt_s, s);
   }
}

/* Whether FILE starts like something the kernel can run (an ELF
   header or "#!"): ENOEXEC otherwise, found before anything is torn
   down. */
static Bool looks_executable(const HChar* file)
{
   SysRes fd = VG_(open)(file, VKI_O_RDONLY, 0);
   if (sr_isError(fd))
      return True;   /* execute-only: let the exec itself decide */
   UChar head[4] = { 0, 0, 0, 0 };
   Int n = VG_(read)((Int)sr_Res(fd), head, sizeof head);
   VG_(close)((Int)sr_Res(fd));
   if (n >= 2 && head[0] == '#' && head[1] == '!')
      return True;
   return n == 4 && VG_(memcmp)(head, VKI_ELFMAG, VKI_SELFMAG) == 0;
}

/* Whether the environment entry S is NAME=... */
static Bool env_is(const HChar* s, const HChar* name)
{
   SizeT n = VG_(strlen)(name);
   return VG_(strncmp)(s, name, n) == 0 && s[n] == '=';
}

/* A copy of LD_PRELOAD=... without the tools' preload libraries
   (".../vgpreload_*"), in core memory; NULL when nothing is left. */
static HChar* strip_vgpreload(const HChar* entry)
{
   const HChar* val = entry + VG_(strlen)("LD_PRELOAD=");
   SizeT len = VG_(strlen)(entry) + 1;
   HChar* out = VG_(malloc)("syswrap.execve.preload", len);
   VG_(strcpy)(out, "LD_PRELOAD=");
   Bool any = False;
   while (*val != '\0') {
      SizeT n = VG_(strcspn)(val, ": ");
      HChar item[VKI_PATH_MAX];
      SizeT m = VG_MIN(n, sizeof item - 1);
      VG_(memcpy)(item, val, m);
      item[m] = '\0';
      if (n > 0 && VG_(strstr)(item, "/vgpreload_") == NULL) {
         if (any)
            VG_(strcat)(out, ":");
         VG_(strcat)(out, item);
         any = True;
      }
      val += n;
      while (*val == ':' || *val == ' ')
         val++;
   }
   if (!any) {
      VG_(free)(out);
      return NULL;
   }
   return out;
}

/* The child's environment: the client's, without the tools' preload
   libraries (a traced child's valgrind adds them again), and, for a
   traced child, with the VALGRIND_LIB the core was started with. */
static HChar** child_env(Addr envp, Int n_env, Bool traced)
{
   HChar** env = VG_(malloc)("syswrap.execve.env",
                             (n_env + 2) * sizeof(HChar*));
   Int j = 0;
   for (Int i = 0; i < n_env; i++) {
      HChar* s = ((HChar**)envp)[i];
      if (env_is(s, "LD_PRELOAD")) {
         s = strip_vgpreload(s);
         if (s == NULL)
            continue;
      }
      if (traced && env_is(s, "VALGRIND_LIB"))
         continue;
      env[j++] = s;
   }
   if (traced) {
      const HChar* lib = VG_(getenv)("VALGRIND_LIB");
      if (lib != NULL) {
         SizeT len = VG_(strlen)(lib) + 14;
         HChar* s = VG_(malloc)("syswrap.execve.lib", len);
         VG_(snprintf)(s, len, "VALGRIND_LIB=%s", lib);
         env[j++] = s;
      }
   }
   env[j] = NULL;
   return env;
}

void ML_(do_execve)(ThreadId tid, SyscallStatus* status,
                    const HChar* syscallname, Addr path, Addr argv,
                    Addr envp)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   if (path == 0 || !ML_(safe_to_deref_asciiz)(path, VKI_PATH_MAX)) {
      SET_STATUS_Failure(VKI_EFAULT);
      return;
   }
   Int n_arg = client_strings_count(argv);
   Int n_env = client_strings_count(envp);
   if (n_arg < 0 || n_env < 0) {
      SET_STATUS_Failure(VKI_EFAULT);
      return;
   }

   /* /proc/self/exe is the client, not the tool. */
   HChar exe_buf[64];
   const HChar* file = (const HChar*)path;
   if (ML_(redirect_proc_self_exe)(path, exe_buf, sizeof exe_buf))
      file = exe_buf;

   const HChar* launcher = VG_(getenv)("VALGRIND_LAUNCHER");
   Bool trace = VG_(clo_trace_children);
   if (trace && (launcher == NULL || launcher[0] == '\0')) {
      static Bool warned = False;
      if (!warned) {
         warned = True;
         VG_(umsg)("Warning: --trace-children=yes, but VALGRIND_LAUNCHER is "
                   "not set:\n");
         VG_(umsg)("   children run natively.\n");
      }
      trace = False;
   }

   /* Everything that can fail is checked before anything is torn down,
      so the client gets the errno instead of dying.  A traced child
      cannot keep set-user-ID privileges under the core. */
   Int err = VG_(check_executable)(NULL, file, !trace);
   if (err == 0 && trace && !looks_executable(file))
      err = VKI_ENOEXEC;
   if (err != 0) {
      SET_STATUS_Failure((UWord)err);
      return;
   }

   HChar** new_env = child_env(envp, n_env, trace);
   HChar** new_argv;
   const HChar* new_path;
   if (trace) {
      /* valgrind <its command-line options> FILE ARGV[1..] */
      Word n_vg = VG_(args_for_valgrind) ? VG_(sizeXA)(VG_(args_for_valgrind))
                                         : 0;
      Word from = n_vg - VG_(args_for_valgrind_from_cmdline);
      if (from < 0)
         from = 0;
      new_argv = VG_(malloc)("syswrap.execve.argv",
                             (n_vg - from + n_arg + 3) * sizeof(HChar*));
      Int j = 0;
      new_argv[j++] = (HChar*)launcher;
      for (Word i = from; i < n_vg; i++)
         new_argv[j++] = *(HChar**)VG_(indexXA)(VG_(args_for_valgrind), i);
      new_argv[j++] = (HChar*)file;
      for (Int i = 1; i < n_arg; i++)
         new_argv[j++] = ((HChar**)argv)[i];
      new_argv[j] = NULL;
      new_path = launcher;
   } else {
      new_argv = (HChar**)argv;
      new_path = file;
   }

   /* The signal state the new program inherits: the client's mask, and
      its ignored signals ignored (handlers reset to default). */
   vki_sigset_t saved_mask;
   VG_(sigprocmask)(VKI_SIG_SETMASK, &tst->sig_mask, &saved_mask);

   VG_(debugLog)(1, "syswrap", "%s: exec %s%s\n", syscallname, new_path,
                 trace ? " (traced)" : "");
   SysRes r = VG_(execve)(new_path, new_argv, new_env);

   /* Still here: the kernel refused, after all.  Nothing was torn down
      (there are no other threads yet), so the client can carry on. */
   VG_(sigprocmask)(VKI_SIG_SETMASK, &saved_mask, NULL);
   SET_STATUS_from_SysRes(r);
}

PRE(execve)
{
   PRE_REG_READ3("execve", char*, filename, char**, argv, char**, envp);
   PRE_MEM_RASCIIZ("execve(filename)", ARG1);
   pre_argv_envp(tid, ARG2, "execve(argv)", "execve(argv[i])");
   pre_argv_envp(tid, ARG3, "execve(envp)", "execve(envp[i])");
   ML_(do_execve)(tid, status, "execve", ARG1, ARG2, ARG3);
}

/* ================================================================== */
/* Sockets                                                              */
/* ================================================================== */

PRE(socket)
{
   PRE_REG_READ3("socket", int, domain, int, type, int, protocol);
}

POST(socket)
{
   ML_(check_new_fd)(tid, status, "socket");
}

PRE(socketpair)
{
   PRE_REG_READ4("socketpair", int, d, int, type, int, protocol, int*, sv);
   PRE_MEM_WRITE("socketpair(sv)", ARG4, 2 * sizeof(Int));
}

POST(socketpair)
{
   ML_(check_new_fd_pair)(tid, status, ARG4, "socketpair");
}

PRE(bind)
{
   PRE_REG_READ3("bind", int, sockfd, struct vki_sockaddr*, my_addr,
                 int, addrlen);
   PRE_MEM_READ("bind(my_addr)", ARG2, ARG3);
}

PRE(connect)
{
   PRE_REG_READ3("connect", int, sockfd, struct vki_sockaddr*, serv_addr,
                 int, addrlen);
   *flags |= SfMayBlock;
   PRE_MEM_READ("connect(serv_addr)", ARG2, ARG3);
}

PRE(listen)
{
   PRE_REG_READ2("listen", int, s, int, backlog);
}

PRE(accept)
{
   PRE_REG_READ3("accept", int, s, struct vki_sockaddr*, addr,
                 int*, addrlen);
   *flags |= SfMayBlock;
   ML_(buf_and_len_pre_check)(tid, status, 0, ARG2, ARG3, "accept(addr)",
                              "accept(addrlen_in)");
}

POST(accept)
{
   ML_(check_new_fd)(tid, status, "accept");
   if (SUCCESS)
      ML_(buf_and_len_post_check)(tid, status, 0, ARG2, ARG3);
}

PRE(getsockname)
{
   PRE_REG_READ3("getsockname", int, s, struct vki_sockaddr*, name,
                 int*, namelen);
   ML_(buf_and_len_pre_check)(tid, status, 0, ARG2, ARG3,
                              "getsockname(name)", "getsockname(namelen_in)");
}

POST(getsockname)
{
   ML_(buf_and_len_post_check)(tid, status, 0, ARG2, ARG3);
}

PRE(getpeername)
{
   PRE_REG_READ3("getpeername", int, s, struct vki_sockaddr*, name,
                 int*, namelen);
   ML_(buf_and_len_pre_check)(tid, status, 0, ARG2, ARG3,
                              "getpeername(name)", "getpeername(namelen_in)");
}

POST(getpeername)
{
   ML_(buf_and_len_post_check)(tid, status, 0, ARG2, ARG3);
}

PRE(sendto)
{
   PRE_REG_READ6("sendto", int, s, const void*, msg, vki_size_t, len,
                 unsigned int, flags, const struct vki_sockaddr*, to,
                 int, tolen);
   *flags |= SfMayBlock;
   PRE_MEM_READ("sendto(msg)", ARG2, ARG3);
   if (ARG5 != 0)
      PRE_MEM_READ("sendto(to)", ARG5, ARG6);
}

PRE(recvfrom)
{
   PRE_REG_READ6("recvfrom", int, s, void*, buf, vki_size_t, len,
                 unsigned int, flags, struct vki_sockaddr*, from,
                 int*, fromlen);
   *flags |= SfMayBlock;
   PRE_MEM_WRITE("recvfrom(buf)", ARG2, ARG3);
   ML_(buf_and_len_pre_check)(tid, status, 0, ARG5, ARG6, "recvfrom(from)",
                              "recvfrom(fromlen_in)");
}

POST(recvfrom)
{
   ML_(buf_and_len_post_check)(tid, status, 0, ARG5, ARG6);
   /* With MSG_TRUNC a datagram's full length comes back, not what was
      stored. */
   UWord n = VG_MIN(RES, ARG3);
   POST_MEM_WRITE(ARG2, n);
}

/* Fields of a msghdr the kernel reads for sendmsg or recvmsg. */
static void pre_msghdr_fields(ThreadId tid, const HChar* name,
                              struct vki_msghdr* m)
{
   HChar what[64];
#define MSG_FIELD(f)                                                     \
   do { VG_(snprintf)(what, sizeof what, "%s(msg." #f ")", name);        \
        PRE_MEM_READ(what, &m->f, sizeof m->f); } while (0)
   MSG_FIELD(msg_name);
   MSG_FIELD(msg_namelen);
   MSG_FIELD(msg_iov);
   MSG_FIELD(msg_iovlen);
   MSG_FIELD(msg_control);
   MSG_FIELD(msg_controllen);
#undef MSG_FIELD
}

void ML_(pre_msghdr)(ThreadId tid, const HChar* name, Addr msg,
                     Bool is_recv)
{
   struct vki_msghdr* m = (struct vki_msghdr*)msg;
   pre_msghdr_fields(tid, name, m);
   if (!ML_(safe_to_deref)(msg, sizeof *m))
      return;
   HChar what[64];
   if (m->msg_name != NULL) {
      VG_(snprintf)(what, sizeof what, "%s(msg.msg_name)", name);
      if (is_recv)
         PRE_MEM_WRITE(what, m->msg_name, (UInt)m->msg_namelen);
      else
         PRE_MEM_READ(what, m->msg_name, (UInt)m->msg_namelen);
   }
   HChar arr[64];
   VG_(snprintf)(arr, sizeof arr, "%s(msg.msg_iov)", name);
   VG_(snprintf)(what, sizeof what, "%s(msg.msg_iov[i])", name);
   ML_(pre_iovecs)(tid, arr, what, (Addr)m->msg_iov, m->msg_iovlen, is_recv);
   if (m->msg_control != NULL) {
      VG_(snprintf)(what, sizeof what, "%s(msg.msg_control)", name);
      if (is_recv)
         PRE_MEM_WRITE(what, m->msg_control, m->msg_controllen);
      else
         PRE_MEM_READ(what, m->msg_control, m->msg_controllen);
   }
   if (is_recv) {
      VG_(snprintf)(what, sizeof what, "%s(msg.msg_flags)", name);
      PRE_MEM_WRITE(what, &m->msg_flags, sizeof m->msg_flags);
   }
}

/* Descriptors passed with SCM_RIGHTS that the client may not have are
   closed (it sees them as numbers that do not work). */
static void check_cmsg_fds(ThreadId tid, const struct vki_msghdr* m)
{
   if (m->msg_control == NULL || VG_(fd_hard_limit) < 0)
      return;
   Addr p = (Addr)m->msg_control;
   Addr end = p + m->msg_controllen;
   while (p + sizeof(struct vki_cmsghdr) <= end) {
      const struct vki_cmsghdr* c = (const struct vki_cmsghdr*)p;
      if (c->cmsg_len < sizeof(struct vki_cmsghdr) || p + c->cmsg_len > end)
         break;
      if (c->cmsg_level == VKI_SOL_SOCKET && c->cmsg_type == VKI_SCM_RIGHTS) {
         const Int* fds = (const Int*)(p + sizeof(struct vki_cmsghdr));
         SizeT n = (c->cmsg_len - sizeof(struct vki_cmsghdr)) / sizeof(Int);
         for (SizeT i = 0; i < n; i++)
            if (!ML_(fd_allowed)(fds[i], "recvmsg", tid, True))
               VG_(close)(fds[i]);
      }
      p += VKI_CMSG_ALIGN(c->cmsg_len);
   }
}

void ML_(post_recvmsg)(ThreadId tid, Addr msg, UWord len, UWord namelen_in)
{
   if (!ML_(safe_to_deref)(msg, sizeof(struct vki_msghdr)))
      return;
   struct vki_msghdr* m = (struct vki_msghdr*)msg;
   POST_MEM_WRITE(&m->msg_namelen, sizeof m->msg_namelen);
   POST_MEM_WRITE(&m->msg_controllen, sizeof m->msg_controllen);
   POST_MEM_WRITE(&m->msg_flags, sizeof m->msg_flags);
   if (m->msg_name != NULL && m->msg_namelen > 0) {
      UWord n = (UInt)m->msg_namelen;
      if (namelen_in != 0)
         n = VG_MIN(n, namelen_in);
      POST_MEM_WRITE(m->msg_name, n);
   }
   ML_(post_iovecs)(tid, (Addr)m->msg_iov, m->msg_iovlen, len);
   if (m->msg_control != NULL && m->msg_controllen > 0) {
      POST_MEM_WRITE(m->msg_control, m->msg_controllen);
      check_cmsg_fds(tid, m);
   }
}

PRE(sendmsg)
{
   PRE_REG_READ3("sendmsg", int, s, const struct vki_msghdr*, msg,
                 unsigned int, flags);
   *flags |= SfMayBlock;
   ML_(pre_msghdr)(tid, "sendmsg", ARG2, False);
}

PRE(recvmsg)
{
   PRE_REG_READ3("recvmsg", int, s, struct vki_msghdr*, msg,
                 unsigned int, flags);
   *flags |= SfMayBlock;
   ML_(pre_msghdr)(tid, "recvmsg", ARG2, True);
   status->saved[0] = 0;
   if (ML_(safe_to_deref)(ARG2, sizeof(struct vki_msghdr)))
      status->saved[0] = (UInt)((struct vki_msghdr*)ARG2)->msg_namelen;
}

POST(recvmsg)
{
   ML_(post_recvmsg)(tid, ARG2, RES, status->saved[0]);
}

PRE(shutdown)
{
   PRE_REG_READ2("shutdown", int, s, int, how);
}

PRE(setsockopt)
{
   PRE_REG_READ5("setsockopt", int, s, int, level, int, optname,
                 const void*, optval, int, optlen);
   if (ARG4 != 0)
      PRE_MEM_READ("setsockopt(optval)", ARG4, (UInt)ARG5);
}

PRE(getsockopt)
{
   PRE_REG_READ5("getsockopt", int, s, int, level, int, optname,
                 void*, optval, int*, optlen);
   ML_(buf_and_len_pre_check)(tid, status, 0, ARG4, ARG5,
                              "getsockopt(optval)", "getsockopt(optlen)");
}

POST(getsockopt)
{
   ML_(buf_and_len_post_check)(tid, status, 0, ARG4, ARG5);
}
