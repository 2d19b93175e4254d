/* The scheduler (module m_scheduler): runs a guest thread's translated
   code and acts on every reason translated code has to come back to
   the core (system calls, client requests, undecodable instructions,
   faults, the end of a timeslice, ...).

   Threads.  Each guest thread runs VG_(scheduler) on a host thread of
   its own.  Core and tool state is protected by the big lock
   (DESIGN.md section 4); a thread holds it while it runs translated
   code and the core's handling of its exits, and lets go of it at the
   end of each timeslice and around blocking system calls.  For now
   only one thread exists and the lock functions only check that they
   are used in pairs; the threads issue makes them a read/write lock on
   futexes without changing their callers. */
#ifndef __PUB_CORE_SCHEDULER_H
#define __PUB_CORE_SCHEDULER_H

#include "pub_core_basics.h"
#include "pub_core_threadstate.h"
#include "pub_core_initimg.h"

/* Blocks a thread runs between two visits to the scheduler's loop (the
   event counter's start value). */
#define VG_SCHEDULING_QUANTUM 100000

/* The big lock.  SLEEPSTATE: the thread's status while it does not
   hold it (VgTs_WaitSys around a blocking system call, VgTs_Yielding
   at the end of a timeslice, VgTs_Zombie when it exits).  WHO names the
   caller for debugging. */
extern void VG_(acquire_BigLock)(ThreadId tid, const HChar* who);
extern void VG_(release_BigLock)(ThreadId tid, ThreadStatus sleepstate,
                                 const HChar* who);
/* Whether TID holds it. */
extern Bool VG_(is_BigLock_held_by)(ThreadId tid);

/* Sets up the thread table and returns the main thread's id. */
extern ThreadId VG_(scheduler_init_phase1)(void);

/* Gives the main thread MAIN_TID its first registers and stack from the
   initial image: a fresh guest state (amd64: LibVEX_GuestAMD64_initialise,
   then %rsp, %rip and %rdx from IIFI->regs, FS base 0), zeroed shadows,
   and tells the tool that the whole guest state is written. */
extern void VG_(scheduler_init_phase2)(ThreadId main_tid,
                                       const IIFinaliseImageInfo* iifi);

/* Runs thread TID until it exits or is killed by a signal; returns why
   (the exit status or signal is in its ThreadState's os_state). */
extern VgSchedReturnCode VG_(scheduler)(ThreadId tid);

/* The blocks (event checks) thread TID has run so far. */
extern ULong VG_(get_bbs_done)(ThreadId tid);

/* --sigill-diagnostics=yes|no [yes]: explain undecodable instructions
   before the SIGILL; --show-emwarns=yes|no [no]: show emulation
   warnings. */
extern Bool VG_(clo_sigill_diag);
extern Bool VG_(clo_show_emwarns);

/* Recognises the scheduler's options (the core's option parser calls
   it); False when ARG is none of them. */
extern Bool VG_(scheduler_process_cmd_line_option)(const HChar* arg);

/* Their lines of --help / --help-debug. */
extern void VG_(scheduler_print_usage)(Bool print_debug);

#endif
