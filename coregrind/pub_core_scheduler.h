/* The scheduler (module m_scheduler): runs a guest thread's translated
   code and acts on every reason translated code has to come back to
   the core (system calls, client requests, undecodable instructions,
   faults, the end of a timeslice, ...).

   Threads.  Each guest thread runs VG_(scheduler) on a host thread of
   its own.  Core and tool state is protected by the big lock
   (DESIGN.md section 4), a read/write lock (m_lock's VgRWLock).  In
   exclusive mode (--parallel=no, or a tool that does not declare
   parallel execution safe) a thread holds it exclusively while it runs
   translated code and the core's handling of its exits, and hands it
   over at the end of each timeslice and around blocking system calls.
   In parallel mode threads hold it shared while they run translated
   code, translate and chain; whatever changes core state takes it
   exclusively (VG_(acquire_BigLock_exclusive)), which makes the threads
   holding it shared leave translated code at their next event check
   (VG_(kick_thread)) and wait. */
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
/* Whether TID holds it (in any mode), exclusively. */
extern Bool VG_(is_BigLock_held_by)(ThreadId tid);
extern Bool VG_(is_BigLock_exclusive)(ThreadId tid);

/* TID, holding the lock, gets it exclusively (in parallel mode: lets
   go of its shared hold and waits for the others to leave, so whatever
   it had found out while shared may have changed meanwhile). */
extern void VG_(acquire_BigLock_exclusive)(ThreadId tid, const HChar* who);
/* TID holds the lock the way it runs translated code again: shared in
   parallel mode.  Cheap when it already does. */
extern void VG_(BigLock_back_to_normal)(ThreadId tid);

/* Whether threads run translated code in parallel in this run. */
extern Bool VG_(sched_is_parallel)(void);

/* Makes TID leave translated code at its next event check (its event
   counter becomes 0; the blocks it did not run are not counted).
   Async-signal-safe: the signal handler uses it too. */
extern void VG_(kick_thread)(ThreadId tid);

/* TID's scheduler loop has ended (VG_(scheduler) returned; TID holds
   the lock).  Returns False when only TID ends: the lock is released
   and the caller exits TID's host thread.  Returns True when TID ends
   the process (exit_group, a fatal signal, or the last thread's exit):
   every other thread has been made to end and is gone, and TID holds
   the lock exclusively for the shutdown. */
extern Bool VG_(sched_thread_ending)(ThreadId tid);

/* Sets up the thread table and returns the main thread's id. */
extern ThreadId VG_(scheduler_init_phase1)(void);

/* Gives the main thread MAIN_TID its first registers and stack from the
   initial image: a fresh guest state (amd64: LibVEX_GuestAMD64_initialise,
   then %rsp, %rip and %rdx from IIFI->regs, FS base 0), zeroed shadows,
   and tells the tool that the whole guest state is written. */
extern void VG_(scheduler_init_phase2)(ThreadId main_tid,
                                       const IIFinaliseImageInfo* iifi);

/* Runs thread TID until it exits or is killed by a signal, or another
   thread ends the process; returns why (the exit status or signal is
   in its ThreadState's os_state), holding the lock. */
extern VgSchedReturnCode VG_(scheduler)(ThreadId tid);

/* Runs thread TID (its ThreadState ready) to its end on the calling
   host thread: the scheduler, then the end of the host thread, or of
   the process when TID is the one to end it. */
extern void VG_(run_thread_to_end_NORETURN)(ThreadId tid) NORETURN;

/* The blocks (event checks) thread TID has run so far. */
extern ULong VG_(get_bbs_done)(ThreadId tid);

/* What the scheduler has done so far (for --stats=yes). */
typedef struct {
   ULong bbs_done;      /* event checks run, by all threads ever */
   UInt  n_threads;     /* threads run: living ones and ended ones */
   ULong n_timeslices;  /* timeslice ends */
   ULong n_exclusive;   /* exclusive acquisitions of the big lock */
   ULong n_upgrades;    /* of which upgrades of a shared hold */
} VgSchedStats;
extern void VG_(sched_get_stats)(VgSchedStats* stats);

/* --sigill-diagnostics=yes|no [yes]: explain undecodable instructions
   before the SIGILL; --show-emwarns=yes|no [no]: show emulation
   warnings. */
extern Bool VG_(clo_sigill_diag);
extern Bool VG_(clo_show_emwarns);
/* --parallel=yes|no [yes]: parallel mode when the tool allows it;
   --fair-sched=no|yes [no]: exclusive mode hands the lock over first
   come, first served. */
extern Bool VG_(clo_parallel);
extern Bool VG_(clo_fair_sched);

/* Recognises the scheduler's options (the core's option parser calls
   it); False when ARG is none of them. */
extern Bool VG_(scheduler_process_cmd_line_option)(const HChar* arg);

/* Their lines of --help / --help-debug. */
extern void VG_(scheduler_print_usage)(Bool print_debug);

#endif
