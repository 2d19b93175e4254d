/* Process calls and the environment, for the core (module m_libcproc). */
#ifndef __PUB_CORE_LIBCPROC_H
#define __PUB_CORE_LIBCPROC_H

#include "pub_core_basics.h"
#include "pub_tool_libcproc.h"

/* The environment the core was started with; set once by m_main. */
extern HChar** VG_(core_envp);

/* Removes every "VARNAME=..." entry from the NULL-terminated ENV, in
   place (the strings themselves are not freed). */
extern void VG_(env_unsetenv) (HChar** env, const HChar* varname);

/* Sends SIGNO to the thread LWPID: 0, or -1. */
extern Int VG_(tkill) (Int lwpid, Int signo);

/* A new process that shares nothing with this one (clone with SIGCHLD
   as its exit signal): the child's pid in the parent, 0 in the child,
   -1 on error.  No atfork handlers run. */
extern Int VG_(fork) (void);

/* wait4 without the usage report: the pid waited for (0 with
   VKI_WNOHANG and nothing to report), or -1.  *STATUS, when STATUS is
   not NULL, gets the wait status (decode with VKI_WIFEXITED...). */
extern Int VG_(waitpid) (Int pid, Int* status, Int options);

/* Replaces the process image; returns only on failure. */
extern SysRes VG_(execve) (const HChar* filename, HChar* const argv[],
                           HChar* const envp[]);

#endif
