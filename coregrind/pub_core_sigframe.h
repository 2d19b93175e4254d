/* Signal frames on the client's stack (module m_sigframe), core
   interface.

   DECLARATION ONLY, for now: m_syswrap's rt_sigreturn wrapper (in
   m_syswrap/syswrap-signals.c, built once the signals module exists --
   see pub_core_signals.h) calls it; the signals module implements it. */
#ifndef __PUB_CORE_SIGFRAME_H
#define __PUB_CORE_SIGFRAME_H

#include "pub_core_basics.h"

/* Removes the signal frame at the client's stack pointer of thread TID
   (rt_sigreturn when IS_RT, sigreturn otherwise) and restores the
   registers, signal mask and alternate-stack state it saved. */
extern void VG_(sigframe_destroy)(ThreadId tid, Bool isRT);

#endif
