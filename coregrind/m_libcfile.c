/* File and descriptor calls, as raw system calls (module m_libcfile). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"

/* The fstatat flavour each target has, and the struct it fills in.  All
   of them name their fields alike, so one conversion serves. */
#if defined(VGA_x86)
typedef struct vki_stat64 KernelStat;
#  define NR_FSTATAT __NR_fstatat64
#else
typedef struct vki_stat KernelStat;
#  define NR_FSTATAT __NR_newfstatat
#endif

/* Where VG_(safe_fd) puts descriptors before start-up has decided
   VG_(fd_hard_limit). */
#define SAFE_FD_FLOOR 1000

Int VG_(fd_soft_limit) = -1;
Int VG_(fd_hard_limit) = -1;

/* ------------------------------------------------------------------ */
/* Reading and writing.                                                 */

SysRes VG_(open)(const HChar* path, Int flags, Int mode)
{
   return VG_(do_syscall4)(__NR_openat, (UWord)VKI_AT_FDCWD, (UWord)path,
                           (UWord)flags, (UWord)mode);
}

Int VG_(close)(Int fd)
{
   SysRes r = VG_(do_syscall1)(__NR_close, (UWord)fd);
   return sr_isError(r) ? -1 : 0;
}

Int VG_(read)(Int fd, void* buf, Int count)
{
   SysRes r = VG_(do_syscall3)(__NR_read, (UWord)fd, (UWord)buf, (UWord)count);
   return sr_isError(r) ? -(Int)sr_Err(r) : (Int)sr_Res(r);
}

Int VG_(write)(Int fd, const void* buf, Int count)
{
   SysRes r = VG_(do_syscall3)(__NR_write, (UWord)fd, (UWord)buf, (UWord)count);
   return sr_isError(r) ? -(Int)sr_Err(r) : (Int)sr_Res(r);
}

SysRes VG_(pread)(Int fd, void* buf, Int count, Off64T offset)
{
#if defined(VGA_x86)
   /* A 64-bit argument takes two registers, low half first. */
   return VG_(do_syscall5)(__NR_pread64, (UWord)fd, (UWord)buf, (UWord)count,
                           (UWord)((ULong)offset & 0xFFFFFFFFULL),
                           (UWord)((ULong)offset >> 32));
#else
   return VG_(do_syscall4)(__NR_pread64, (UWord)fd, (UWord)buf, (UWord)count,
                           (UWord)offset);
#endif
}

Off64T VG_(lseek)(Int fd, Off64T offset, Int whence)
{
#if defined(VGA_x86)
   /* lseek's offset is 32 bits here; _llseek takes two halves and stores
      the 64-bit result. */
   Off64T result = -1;
   SysRes r = VG_(do_syscall5)(__NR__llseek, (UWord)fd,
                               (UWord)((ULong)offset >> 32),
                               (UWord)((ULong)offset & 0xFFFFFFFFULL),
                               (UWord)&result, (UWord)whence);
   return sr_isError(r) ? -1 : result;
#else
   SysRes r = VG_(do_syscall3)(__NR_lseek, (UWord)fd, (UWord)offset,
                               (UWord)whence);
   return sr_isError(r) ? -1 : (Off64T)sr_Res(r);
#endif
}

/* ------------------------------------------------------------------ */
/* Descriptors.                                                         */

Int VG_(pipe)(Int fds[2])
{
   SysRes r = VG_(do_syscall2)(__NR_pipe2, (UWord)fds, 0);
   return sr_isError(r) ? -1 : 0;
}

SysRes VG_(dup)(Int oldfd)
{
   return VG_(do_syscall1)(__NR_dup, (UWord)oldfd);
}

/* dup3 refuses OLDFD == NEWFD, which dup2 allows as a validity check. */
SysRes VG_(dup2)(Int oldfd, Int newfd)
{
   if (oldfd == newfd) {
      SysRes r = VG_(do_syscall3)(__NR_fcntl, (UWord)oldfd, VKI_F_GETFL, 0);
      return sr_isError(r) ? r : VG_(mk_SysRes_Success)((UWord)newfd);
   }
   return VG_(do_syscall3)(__NR_dup3, (UWord)oldfd, (UWord)newfd, 0);
}

Int VG_(fcntl)(Int fd, Int cmd, Addr arg)
{
   SysRes r = VG_(do_syscall3)(__NR_fcntl, (UWord)fd, (UWord)cmd, arg);
   return sr_isError(r) ? -1 : (Int)sr_Res(r);
}

Int VG_(safe_dup)(Int fd)
{
   Int lowest = VG_(fd_hard_limit) >= 0 ? VG_(fd_hard_limit) : SAFE_FD_FLOOR;
   return VG_(fcntl)(fd, VKI_F_DUPFD_CLOEXEC, (Addr)lowest);
}

Int VG_(safe_fd)(Int oldfd)
{
   Int newfd = VG_(safe_dup)(oldfd);
   if (newfd < 0)
      return -1;
   VG_(close)(oldfd);
   return newfd;
}

Bool VG_(resolve_filename)(Int fd, HChar* buf, SizeT size)
{
   HChar link[32];
   if (size == 0)
      return False;
   VG_(snprintf)(link, sizeof link, "/proc/self/fd/%d", fd);
   Int len = VG_(readlink)(link, buf, size - 1);
   if (len < 0 || (SizeT)len >= size - 1)
      return False;   /* a full buffer may mean a truncated name */
   buf[len] = '\0';
   return True;
}

/* ------------------------------------------------------------------ */
/* Names in the file system.                                            */

Int VG_(unlink)(const HChar* path)
{
   SysRes r = VG_(do_syscall3)(__NR_unlinkat, (UWord)VKI_AT_FDCWD,
                               (UWord)path, 0);
   return sr_isError(r) ? -1 : 0;
}

SysRes VG_(rename)(const HChar* old_name, const HChar* new_name)
{
   return VG_(do_syscall4)(__NR_renameat, (UWord)VKI_AT_FDCWD,
                           (UWord)old_name, (UWord)VKI_AT_FDCWD,
                           (UWord)new_name);
}

SysRes VG_(mkdir)(const HChar* path, Int mode)
{
   return VG_(do_syscall3)(__NR_mkdirat, (UWord)VKI_AT_FDCWD, (UWord)path,
                           (UWord)mode);
}

Int VG_(readlink)(const HChar* path, HChar* buf, SizeT bufsize)
{
   SysRes r = VG_(do_syscall4)(__NR_readlinkat, (UWord)VKI_AT_FDCWD,
                               (UWord)path, (UWord)buf, bufsize);
   return sr_isError(r) ? -1 : (Int)sr_Res(r);
}

/* The kernel fails with ERANGE rather than truncate, and always
   terminates what it stores. */
Bool VG_(getcwd)(HChar* buf, SizeT size)
{
   SysRes r = VG_(do_syscall2)(__NR_getcwd, (UWord)buf, size);
   return !sr_isError(r);
}

/* ------------------------------------------------------------------ */
/* File status.                                                         */

static void fill_vg_stat(struct vg_stat* out, const KernelStat* k)
{
   out->dev        = k->st_dev;
   out->ino        = k->st_ino;
   out->nlink      = k->st_nlink;
   out->mode       = k->st_mode;
   out->uid        = k->st_uid;
   out->gid        = k->st_gid;
   out->rdev       = k->st_rdev;
   out->size       = k->st_size;
   out->blksize    = (ULong)k->st_blksize;
   out->blocks     = (ULong)k->st_blocks;
   out->atime      = (ULong)k->st_atime_sec;
   out->atime_nsec = k->st_atime_nsec;
   out->mtime      = (ULong)k->st_mtime_sec;
   out->mtime_nsec = k->st_mtime_nsec;
   out->ctime      = (ULong)k->st_ctime_sec;
   out->ctime_nsec = k->st_ctime_nsec;
}

/* fstatat(DIRFD, PATH, FLAGS) converted to a vg_stat. */
static SysRes stat_at(Int dirfd, const HChar* path, Int flags,
                      struct vg_stat* buf)
{
   KernelStat k;
   SysRes r = VG_(do_syscall4)(NR_FSTATAT, (UWord)dirfd, (UWord)path,
                               (UWord)&k, (UWord)flags);
   if (!sr_isError(r))
      fill_vg_stat(buf, &k);
   return r;
}

SysRes VG_(stat)(const HChar* path, struct vg_stat* buf)
{
   return stat_at(VKI_AT_FDCWD, path, 0, buf);
}

Int VG_(fstat)(Int fd, struct vg_stat* buf)
{
   SysRes r = stat_at(fd, "", VKI_AT_EMPTY_PATH, buf);
   return sr_isError(r) ? -1 : 0;
}

Long VG_(fsize)(Int fd)
{
   struct vg_stat st;
   return VG_(fstat)(fd, &st) == 0 ? st.size : -1;
}

Bool VG_(is_dir)(const HChar* path)
{
   struct vg_stat st;
   SysRes r = VG_(stat)(path, &st);
   return !sr_isError(r) && VKI_S_ISDIR(st.mode);
}

/* ------------------------------------------------------------------ */
/* Permissions.                                                         */

Int VG_(access)(const HChar* path, Bool irusr, Bool iwusr, Bool ixusr)
{
   UWord mode = (irusr ? VKI_R_OK : 0) | (iwusr ? VKI_W_OK : 0)
                | (ixusr ? VKI_X_OK : 0);
   SysRes r = VG_(do_syscall3)(__NR_faccessat, (UWord)VKI_AT_FDCWD,
                               (UWord)path, mode);
   return sr_isError(r) ? (Int)sr_Err(r) : 0;
}

/* File capabilities grant privileges the way set-user-ID does. */
static Bool has_file_capabilities(const HChar* path)
{
   SysRes r = VG_(do_syscall4)(__NR_getxattr, (UWord)path,
                               (UWord)"security.capability", 0, 0);
   return !sr_isError(r);
}

/* Execute permission is left to the kernel's own check (faccessat):
   it knows about root, supplementary groups, ACLs and noexec mounts. */
Int VG_(check_executable)(Bool* is_setuid, const HChar* path,
                          Bool allow_setuid)
{
   struct vg_stat st;
   SysRes r = VG_(stat)(path, &st);
   if (is_setuid)
      *is_setuid = False;
   if (sr_isError(r))
      return (Int)sr_Err(r);
   if (VKI_S_ISDIR(st.mode))
      return VKI_EACCES;
   if (!allow_setuid
       && ((st.mode & (VKI_S_ISUID | VKI_S_ISGID))
           || has_file_capabilities(path))) {
      if (is_setuid)
         *is_setuid = True;
      return VKI_EACCES;
   }
   return VG_(access)(path, False, False, True);
}

/* ------------------------------------------------------------------ */
/* Waiting and directories.                                             */

/* ppoll, as arm64 has no poll; its timeout is a timespec. */
Int VG_(poll)(struct vki_pollfd* fds, Int nfds, Int timeout)
{
   struct vki_timespec ts;
   struct vki_timespec* tsp = NULL;
   if (timeout >= 0) {
      ts.tv_sec  = timeout / 1000;
      ts.tv_nsec = (long)(timeout % 1000) * 1000000L;
      tsp = &ts;
   }
   SysRes r = VG_(do_syscall5)(__NR_ppoll, (UWord)fds, (UWord)nfds,
                               (UWord)tsp, 0, 0);
   return sr_isError(r) ? -1 : (Int)sr_Res(r);
}

Int VG_(getdents64)(Int fd, struct vki_dirent64* buf, UInt count)
{
   SysRes r = VG_(do_syscall3)(__NR_getdents64, (UWord)fd, (UWord)buf,
                               (UWord)count);
   return sr_isError(r) ? -1 : (Int)sr_Res(r);
}
