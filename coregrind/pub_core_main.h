/* Start-up of the core (module m_main). */
#ifndef __PUB_CORE_MAIN_H
#define __PUB_CORE_MAIN_H

#include "pub_core_basics.h"
#include "pub_core_threadstate.h"

/* Called by the per-platform _start with the kernel's initial stack
   pointer (pointing at argc). */
extern void VG_(start_in_C)(UWord* initial_sp) NORETURN;

/* The end of the process, by thread TID once every other thread is
   gone (VG_(sched_thread_ending)): the tool's summary, then the exit
   status WHY and TID's os_state say (or death by the fatal signal). */
extern void VG_(shutdown_actions_NORETURN)(ThreadId tid,
                                           VgSchedReturnCode why) NORETURN;

#endif
