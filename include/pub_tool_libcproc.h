/* Process calls and the environment, for tools (module m_libcproc). */
#ifndef __PUB_TOOL_LIBCPROC_H
#define __PUB_TOOL_LIBCPROC_H

#include "pub_tool_basics.h"
#include "pub_tool_vki.h"

/* Identities.  The ids are the full 32-bit ones on every target. */
extern Int  VG_(getpid)  (void);
extern Int  VG_(getppid) (void);
/* The calling thread's kernel id (its LWP). */
extern Int  VG_(gettid)  (void);
extern Int  VG_(getpgrp) (void);
extern UInt VG_(getuid)  (void);
extern UInt VG_(geteuid) (void);
extern UInt VG_(getgid)  (void);
extern UInt VG_(getegid) (void);

/* Ends the whole process (exit_group). */
extern void VG_(exit) (Int status) NORETURN;

/* Sends SIGNO to process PID: 0, or -1. */
extern Int  VG_(kill) (Int pid, Int signo);

/* Looks NAME up in the environment the core was started with: the
   value after "NAME=", or NULL. */
extern HChar* VG_(getenv) (const HChar* name);

/* Milliseconds since the first call (monotonic, unaffected by changes
   of the wall clock). */
extern ULong VG_(read_millisecond_timer) (void);
/* Sleeps for MS milliseconds, resuming after interruptions. */
extern void  VG_(sleep_ms) (UInt ms);

/* RESOURCE is a VKI_RLIMIT_*.  0, or -1.  A limit too large for an
   unsigned long reads as VKI_RLIM_INFINITY. */
extern Int VG_(getrlimit) (Int resource, struct vki_rlimit* rlim);
extern Int VG_(setrlimit) (Int resource, const struct vki_rlimit* rlim);

/* The kernel's name, release, machine... 0, or -1. */
extern Int VG_(uname) (struct vki_new_utsname* buf);

#endif
