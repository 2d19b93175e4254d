/* File and descriptor calls for tools (module m_libcfile).  Thin
   wrappers of the raw system calls; where a Linux target lacks an old
   call (arm64 has no open, stat, dup2, pipe, poll...) the *at or newer
   form is used on every target, so there is one code path. */
#ifndef __PUB_TOOL_LIBCFILE_H
#define __PUB_TOOL_LIBCFILE_H

#include "pub_tool_basics.h"
#include "pub_tool_vki.h"

/* The parts of a file's status the core and tools use, the same on every
   architecture whatever the kernel's struct stat looks like. */
struct vg_stat {
   ULong dev;
   ULong ino;
   ULong nlink;
   UInt  mode;           /* VKI_S_IF* type and permission bits */
   UInt  uid;
   UInt  gid;
   ULong rdev;
   Long  size;
   ULong blksize;
   ULong blocks;         /* in 512-byte units */
   ULong atime;
   ULong atime_nsec;
   ULong mtime;
   ULong mtime_nsec;
   ULong ctime;
   ULong ctime_nsec;
};

/* Conventions, as in Valgrind: calls whose errno matters return a SysRes;
   the others return -1 on any error.  VG_(read) and VG_(write) return
   -errno on error. */

/* FLAGS are VKI_O_*; MODE is used with VKI_O_CREAT. */
extern SysRes VG_(open)   (const HChar* path, Int flags, Int mode);
/* 0, or -1 on error. */
extern Int    VG_(close)  (Int fd);
/* Bytes transferred, or -errno. */
extern Int    VG_(read)   (Int fd, void* buf, Int count);
extern Int    VG_(write)  (Int fd, const void* buf, Int count);
/* Reads at OFFSET without moving the file position. */
extern SysRes VG_(pread)  (Int fd, void* buf, Int count, Off64T offset);
/* The new position, or -1. */
extern Off64T VG_(lseek)  (Int fd, Off64T offset, Int whence);

/* FDS[0] is the read end, FDS[1] the write end.  0, or -1. */
extern Int    VG_(pipe)   (Int fds[2]);
extern SysRes VG_(dup)    (Int oldfd);
/* NEWFD becomes a copy of OLDFD (closed first if open). */
extern SysRes VG_(dup2)   (Int oldfd, Int newfd);

/* 0, or -1. */
extern Int    VG_(unlink) (const HChar* path);
extern SysRes VG_(rename) (const HChar* old_name, const HChar* new_name);
extern SysRes VG_(mkdir)  (const HChar* path, Int mode);
/* Like readlink(2): the length stored in BUF (not NUL-terminated), or
   -1. */
extern Int    VG_(readlink) (const HChar* path, HChar* buf, SizeT bufsize);
/* The current directory into BUF, NUL-terminated.  False when it does
   not fit (or on any other error). */
extern Bool   VG_(getcwd) (HChar* buf, SizeT size);

/* stat follows symbolic links.  fstat returns 0, or -1. */
extern SysRes VG_(stat)   (const HChar* path, struct vg_stat* buf);
extern Int    VG_(fstat)  (Int fd, struct vg_stat* buf);
/* The size of the file open as FD, or -1. */
extern Long   VG_(fsize)  (Int fd);
/* True when PATH names a directory (after following links). */
extern Bool   VG_(is_dir) (const HChar* path);

/* Whether the (real) user may read/write/execute PATH, as access(2)
   checks it: 0, or the errno saying why not.  With all three False it
   checks that PATH exists. */
extern Int    VG_(access) (const HChar* path, Bool irusr, Bool iwusr,
                           Bool ixusr);

/* Whether PATH can be executed by us: 0, or the errno execve would give
   (ENOENT, EACCES, ...).  A directory gives EACCES.  So does a set-user-
   or set-group-ID file, or one with file capabilities, unless
   ALLOW_SETUID: running it under the core would not give it its
   privileges.  *IS_SETUID (when not NULL) says whether that was the
   reason. */
extern Int    VG_(check_executable) (Bool* is_setuid, const HChar* path,
                                     Bool allow_setuid);

/* Like poll(2) with TIMEOUT in milliseconds (negative: wait forever).
   The number of ready descriptors, or -1. */
extern Int    VG_(poll) (struct vki_pollfd* fds, Int nfds, Int timeout);
/* Directory records (struct vki_dirent64) into BUF: the number of bytes
   stored, 0 at the end of the directory, or -1. */
extern Int    VG_(getdents64) (Int fd, struct vki_dirent64* buf, UInt count);

#endif
