/* Signal sets, actions and the signal mask, for the core (module
   m_libcsignal). */
#ifndef __PUB_CORE_LIBCSIGNAL_H
#define __PUB_CORE_LIBCSIGNAL_H

#include "pub_core_basics.h"
#include "pub_tool_libcsignal.h"

extern Bool VG_(isemptysigset) (const vki_sigset_t* set);
extern Bool VG_(isfullsigset)  (const vki_sigset_t* set);
extern Bool VG_(iseqsigset)    (const vki_sigset_t* set1,
                                const vki_sigset_t* set2);

/* DST becomes DST | SRC, DST & ~SRC, DST & SRC, ~SRC respectively. */
extern void VG_(sigaddset_from_set) (vki_sigset_t* dst, const vki_sigset_t* src);
extern void VG_(sigdelset_from_set) (vki_sigset_t* dst, const vki_sigset_t* src);
extern void VG_(sigintersectset)    (vki_sigset_t* dst, const vki_sigset_t* src);
extern void VG_(sigcomplementset)   (vki_sigset_t* dst, const vki_sigset_t* src);

/* rt_sigaction.  ACT and OLDACT may be NULL.  Unless ACT has
   VKI_SA_RESTORER set, the core's own trampoline is supplied as the
   restorer (amd64 requires one).  0, or -1. */
extern Int VG_(sigaction) (Int signum, const struct vki_sigaction* act,
                           struct vki_sigaction* oldact);

/* The calling thread's alternate signal stack.  0, or -1. */
extern Int VG_(sigaltstack) (const vki_stack_t* ss, vki_stack_t* oldss);

/* Delivers SIGNO to the calling thread with its default action, now:
   the action is set to SIG_DFL and SIGNO unblocked for the duration, so
   a fatal signal ends the process here.  If the process survives (the
   default is to ignore it), the previous action and mask are put back. */
extern void VG_(kill_self) (Int signo);

/* Takes one pending signal of SET without waiting: its number, with
   *INFO filled in; 0 when none is pending; -1 on error. */
extern Int VG_(sigtimedwait_zero) (const vki_sigset_t* set,
                                   vki_siginfo_t* info);

#endif
