/* The client's signal state (module m_signals), core interface.

   DECLARATIONS ONLY, for now: m_syswrap's signal system calls are wired
   to these functions, which the signals module will implement (with
   their semantics: the client's handlers, masks and alternate stacks
   are kept by the core, never installed in the kernel as they are).

   Until m_signals.c is part of the build, VG_HAVE_SIGNALS_MODULE stays
   undefined: coregrind/m_syswrap/syswrap-signals.c (the wrappers of
   rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigsuspend,
   rt_sigtimedwait, rt_sigqueueinfo, rt_tgsigqueueinfo, sigaltstack,
   rt_sigreturn and pause) is not compiled, and those system calls are
   unknown to the syscall table (a warning and ENOSYS).  The signals
   module, when it lands, defines the macro below, adds m_signals.c and
   m_syswrap/syswrap-signals.c to CORE_LIB_SOURCES in Makefile.am, and
   replaces m_syswrap's do_syscall_for_client with its interruptible
   version (see pub_core_syswrap.h). */
#ifndef __PUB_CORE_SIGNALS_H
#define __PUB_CORE_SIGNALS_H

#include "pub_core_basics.h"
#include "pub_core_vki.h"

/* #define VG_HAVE_SIGNALS_MODULE 1   -- when m_signals.c exists */

/* rt_sigaction for the client: SIGNO's action as the client sees it
   into *OLD_ACT (when not NULL), then NEW_ACT (when not NULL) becomes
   it.  The errors are the kernel's (EINVAL for a bad number, SIGKILL or
   SIGSTOP). */
extern SysRes VG_(do_sys_sigaction)(Int signo,
                                    const struct vki_sigaction* new_act,
                                    struct vki_sigaction* old_act);

/* rt_sigprocmask for thread TID: HOW is VKI_SIG_BLOCK, _UNBLOCK or
   _SETMASK; SET and OLDSET may be NULL. */
extern SysRes VG_(do_sys_sigprocmask)(ThreadId tid, Int how,
                                      vki_sigset_t* set,
                                      vki_sigset_t* oldset);

/* sigaltstack for thread TID (SS and OSS may be NULL). */
extern SysRes VG_(do_sys_sigaltstack)(ThreadId tid, vki_stack_t* ss,
                                      vki_stack_t* oss);

/* Delivers any signals pending for TID that it does not block (called
   after system calls that may have made one deliverable: kill of
   oneself, sigprocmask, sigreturn...). */
extern void VG_(poll_signals)(ThreadId tid);

#endif
