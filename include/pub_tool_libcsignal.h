/* Signal sets and the signal mask, for tools (module m_libcsignal).
   These use the kernel's vki_sigset_t (64 signals), not glibc's. */
#ifndef __PUB_TOOL_LIBCSIGNAL_H
#define __PUB_TOOL_LIBCSIGNAL_H

#include "pub_tool_basics.h"
#include "pub_tool_vki.h"

/* 0, or -1 when SET is NULL or SIGNUM is not in 1.._VKI_NSIG. */
extern Int VG_(sigfillset)  (vki_sigset_t* set);
extern Int VG_(sigemptyset) (vki_sigset_t* set);
extern Int VG_(sigaddset)   (vki_sigset_t* set, Int signum);
extern Int VG_(sigdelset)   (vki_sigset_t* set, Int signum);
/* 1 if SIGNUM is in SET, else 0 (also for a bad SET or SIGNUM). */
extern Int VG_(sigismember) (const vki_sigset_t* set, Int signum);

/* The calling thread's signal mask; HOW is VKI_SIG_BLOCK, _UNBLOCK or
   _SETMASK.  SET and OLDSET may be NULL.  0, or -1. */
extern Int VG_(sigprocmask) (Int how, const vki_sigset_t* set,
                             vki_sigset_t* oldset);

#endif
