/* File and descriptor calls for the core (module m_libcfile). */
#ifndef __PUB_CORE_LIBCFILE_H
#define __PUB_CORE_LIBCFILE_H

#include "pub_core_basics.h"
#include "pub_tool_libcfile.h"

/* fcntl(2) for commands whose argument is an integer or a pointer: the
   result, or -1. */
extern Int VG_(fcntl) (Int fd, Int cmd, Addr arg);

/* The descriptor range the core keeps for itself: descriptors at or
   above VG_(fd_hard_limit) are the core's, the client may use those
   below VG_(fd_soft_limit).  -1 until start-up has read RLIMIT_NOFILE
   and set them. */
extern Int VG_(fd_soft_limit);
extern Int VG_(fd_hard_limit);

/* Moves the core's descriptor OLDFD out of the client's sight: to the
   lowest free number at or above VG_(fd_hard_limit) (1000 while that is
   unset), close-on-exec, and closes OLDFD.  Returns the new descriptor,
   or -1 (OLDFD left as it was) if nothing is free up there. */
extern Int VG_(safe_fd) (Int oldfd);
/* Like VG_(safe_fd) but leaves FD open: for descriptors that belong to
   the client (e.g. --log-fd=2). */
extern Int VG_(safe_dup) (Int fd);

/* The path of the file open as FD (from /proc/self/fd), NUL-terminated
   into BUF.  False if it cannot be found or does not fit. */
extern Bool VG_(resolve_filename) (Int fd, HChar* buf, SizeT size);

#endif
