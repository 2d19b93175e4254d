/* The big lock, and the end of threads and of the process (module
   m_scheduler; see pub_core_scheduler.h and DESIGN.md section 4).

   The lock is m_lock's read/write VgRWLock.  A thread's hold on it is
   recorded in its ThreadState (big_lock_mode), so that a thread wanting
   it exclusively can find the threads holding it shared and make them
   leave translated code (VG_(kick_thread): their event counter becomes
   0, and they see the waiting writer at their next event check).  The
   kick can be lost to the non-atomic decrement of the counter by
   translated code; the lock repeats it while the writer waits. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_lock.h"
#include "pub_core_syscall.h"
#include "pub_core_syswrap.h"
#include "pub_core_signals.h"
#include "pub_core_scheduler.h"
#include "priv_scheduler.h"

/* ------------------------------------------------------------------ */
/* The big lock                                                         */

static VgRWLock big_lock = VG_RWLOCK_INIT;

/* Decided once the tool and the options are known: threads hold the
   lock shared while they run translated code. */
static Bool parallel_mode = False;

/* Counts exclusive acquisitions: a thread handing the lock over at the
   end of its timeslice waits for it to change. */
static UInt exclusive_grants = 0;

/* For VG_(sched_get_stats): shared -> exclusive upgrades, timeslice
   ends, and the threads that have ended with their blocks run (updated
   with the lock held exclusively). */
static ULong n_upgrades = 0;
static ULong n_timeslices = 0;
static UInt  n_ended_threads = 0;
static ULong ended_bbs_done = 0;

Bool VG_(sched_is_parallel)(void)
{
   return parallel_mode;
}

void VG_(kick_thread)(ThreadId tid)
{
   ThreadState* tst = &VG_(threads)[tid];
   UInt* counter = &tst->arch.vex.host_EvC_COUNTER;
   Int c = (Int)__atomic_load_n(counter, __ATOMIC_RELAXED);
   if (c <= 0)
      return;
   /* The blocks not run are counted out of bbs_done, unless the
      scheduler reads the counter afresh before entering the code. */
   if (__atomic_load_n(&tst->running_client_code, __ATOMIC_RELAXED))
      __atomic_add_fetch(&tst->evc_stolen, (UInt)c, __ATOMIC_RELAXED);
   __atomic_store_n(counter, 0, __ATOMIC_RELAXED);
}

/* The lock's kick: every thread holding the lock shared leaves
   translated code at its next event check. */
static void kick_shared_holders(void* unused)
{
   (void)unused;
   for (ThreadId tid = 1; tid < VG_N_THREADS; tid++)
      if (__atomic_load_n(&VG_(threads)[tid].big_lock_mode,
                          __ATOMIC_RELAXED) == VgBL_Shared)
         VG_(kick_thread)(tid);
}

static void set_lock_mode(ThreadState* tst, VgBigLockMode mode)
{
   __atomic_store_n(&tst->big_lock_mode, mode, __ATOMIC_RELAXED);
}

static void lock_in_mode(ThreadState* tst, VgBigLockMode mode)
{
   if (mode == VgBL_Exclusive) {
      VG_(rwlock_lock_exclusive)(&big_lock, kick_shared_holders, NULL);
      __atomic_add_fetch(&exclusive_grants, 1, __ATOMIC_RELAXED);
   } else {
      VG_(rwlock_lock_shared)(&big_lock);
   }
   set_lock_mode(tst, mode);
}

static void unlock_any_mode(ThreadState* tst)
{
   VgBigLockMode mode = tst->big_lock_mode;
   set_lock_mode(tst, VgBL_None);
   if (mode == VgBL_Exclusive)
      VG_(rwlock_unlock_exclusive)(&big_lock);
   else
      VG_(rwlock_unlock_shared)(&big_lock);
}

static VgBigLockMode normal_mode(void)
{
   return parallel_mode ? VgBL_Shared : VgBL_Exclusive;
}

void VG_(acquire_BigLock)(ThreadId tid, const HChar* who)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vg_assert2(tst->big_lock_mode == VgBL_None,
              "%s: thread %u takes the big lock twice", who, tid);
   lock_in_mode(tst, normal_mode());
   tst->status = VgTs_Runnable;
}

void VG_(release_BigLock)(ThreadId tid, ThreadStatus sleepstate,
                          const HChar* who)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vg_assert2(tst->big_lock_mode != VgBL_None,
              "%s: thread %u releases the big lock it does not hold", who,
              tid);
   vg_assert(sleepstate != VgTs_Runnable);
   __atomic_store_n(&tst->status, sleepstate, __ATOMIC_RELAXED);
   unlock_any_mode(tst);
}

void VG_(acquire_BigLock_exclusive)(ThreadId tid, const HChar* who)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vg_assert2(tst->big_lock_mode != VgBL_None,
              "%s: thread %u wants the big lock exclusive without holding "
              "it", who, tid);
   if (tst->big_lock_mode == VgBL_Exclusive)
      return;
   __atomic_add_fetch(&n_upgrades, 1, __ATOMIC_RELAXED);
   unlock_any_mode(tst);
   lock_in_mode(tst, VgBL_Exclusive);
}

void VG_(BigLock_back_to_normal)(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   if (tst->big_lock_mode == normal_mode())
      return;
   vg_assert(tst->big_lock_mode == VgBL_Exclusive);
   unlock_any_mode(tst);
   lock_in_mode(tst, VgBL_Shared);
}

Bool VG_(is_BigLock_held_by)(ThreadId tid)
{
   return VG_(get_ThreadState)(tid)->big_lock_mode != VgBL_None;
}

Bool VG_(is_BigLock_exclusive)(ThreadId tid)
{
   return VG_(get_ThreadState)(tid)->big_lock_mode == VgBL_Exclusive;
}

/* Exclusive mode: lets a waiting thread have the lock, and waits (a
   little) until one has, so that a thread that never blocks cannot keep
   it from the others by taking it straight back. */
void ML_(hand_over_exclusive)(ThreadId tid, const HChar* who)
{
   if (!VG_(rwlock_has_waiters)(&big_lock))
      return;
   UInt grants = __atomic_load_n(&exclusive_grants, __ATOMIC_RELAXED);
   VG_(release_BigLock)(tid, VgTs_Yielding, who);
   for (Int i = 0; i < 2000; i++) {
      if (__atomic_load_n(&exclusive_grants, __ATOMIC_RELAXED) != grants)
         break;
      VG_(do_syscall0)(__NR_sched_yield);
   }
   VG_(acquire_BigLock)(tid, who);
}

/* The end of a timeslice (or a spin-wait hint): the place where other
   threads get their turn. */
void ML_(timeslice_end)(ThreadId tid, const HChar* who)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   __atomic_add_fetch(&n_timeslices, 1, __ATOMIC_RELAXED);
   if (tst->big_lock_mode == VgBL_Shared) {
      /* Reset the counter before looking for a writer: a writer
         announces itself before it kicks, so either it sees the new
         counter (and zeroes it) or this sees the writer. */
      tst->arch.vex.host_EvC_COUNTER = VG_SCHEDULING_QUANTUM;
      __atomic_thread_fence(__ATOMIC_SEQ_CST);
      if (VG_(rwlock_writer_waiting)(&big_lock)) {
         VG_(release_BigLock)(tid, VgTs_Yielding, who);
         VG_(acquire_BigLock)(tid, who);
      }
      return;
   }
   if (parallel_mode) {
      /* Exclusive for some job (sector recycling): back to shared. */
      VG_(BigLock_back_to_normal)(tid);
   } else {
      ML_(hand_over_exclusive)(tid, who);
   }
   tst->arch.vex.host_EvC_COUNTER = VG_SCHEDULING_QUANTUM;
}

/* ------------------------------------------------------------------ */
/* The end of threads and of the process                                */

/* The thread ending the process (exit_group, a fatal signal, the last
   thread's exit), once one has started to: set under the exclusive
   lock. */
static ThreadId process_ender = VG_INVALID_THREADID;

static Bool is_living(const ThreadState* tst)
{
   ThreadStatus st = __atomic_load_n(&tst->status, __ATOMIC_RELAXED);
   return st != VgTs_Empty && st != VgTs_Zombie;
}

/* Makes every other thread end as by exit_group with ENDER's status:
   they leave translated code, and system calls they are blocked in
   fail (VG_SIGVGKILL; the signals module). */
static void end_other_threads(ThreadId ender)
{
   const ThreadState* etst = VG_(get_ThreadState)(ender);
   for (ThreadId tid = 1; tid < VG_N_THREADS; tid++) {
      ThreadState* tst = &VG_(threads)[tid];
      if (tid == ender || !is_living(tst))
         continue;
      if (tst->exitreason == VgSrc_None) {
         tst->os_state.exitcode = etst->os_state.exitcode;
         __atomic_store_n(&tst->exitreason, VgSrc_ExitProcess,
                          __ATOMIC_RELEASE);
      }
      VG_(kick_thread)(tid);
      if (tst->os_state.lwpid > 0)
         VG_(tkill)(tst->os_state.lwpid, VG_SIGVGKILL);
   }
}

/* Waits for the other threads' host threads to be gone (their slots
   empty), for at most about two seconds: one stuck in the kernel dies
   with the process anyway. */
static void wait_for_other_threads(ThreadId ender)
{
   for (Int tries = 0; tries < 20000; tries++) {
      Bool others = False;
      for (ThreadId tid = 1; tid < VG_N_THREADS && !others; tid++)
         others = tid != ender
                  && __atomic_load_n(&VG_(threads)[tid].status,
                                     __ATOMIC_ACQUIRE) != VgTs_Empty;
      if (!others)
         return;
      struct vki_timespec t = { 0, 100 * 1000 };
      VG_(do_syscall2)(__NR_nanosleep, (UWord)&t, 0);
   }
   VG_(debugLog)(1, "sched", "threads still running at the end of the "
                 "process\n");
}

Bool VG_(sched_thread_ending)(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   VG_(acquire_BigLock_exclusive)(tid, "thread end");
   VG_TRACK(pre_thread_ll_exit, tid);
   Bool ends_process = False;
   if (process_ender == VG_INVALID_THREADID
       && (tst->exitreason != VgSrc_ExitThread
           || VG_(count_living_threads)() == 1)) {
      process_ender = tid;
      ends_process = True;
   }
   if (!ends_process) {
      /* (The process's ender is still counted among the living.) */
      n_ended_threads++;
      ended_bbs_done += tst->bbs_done;
      VG_(release_BigLock)(tid, VgTs_Zombie, "thread end");
      return False;
   }
   end_other_threads(tid);
   VG_(release_BigLock)(tid, VgTs_Yielding, "process end");
   wait_for_other_threads(tid);
   VG_(acquire_BigLock)(tid, "process end");
   VG_(acquire_BigLock_exclusive)(tid, "process end");
   return True;
}

/* In a forked child only the forking thread exists, holding the lock. */
static void reset_threads_after_fork(ThreadId tid)
{
   for (ThreadId t = 1; t < VG_N_THREADS; t++) {
      if (t == tid)
         continue;
      VG_(threads)[t].status = VgTs_Empty;
      VG_(threads)[t].big_lock_mode = VgBL_None;
   }
   VG_(rwlock_reset_after_fork)(&big_lock);
   VG_(get_ThreadState)(tid)->big_lock_mode = VgBL_Exclusive;
   process_ender = VG_INVALID_THREADID;
}

void VG_(sched_get_stats)(VgSchedStats* stats)
{
   stats->bbs_done = ended_bbs_done;
   stats->n_threads = n_ended_threads;
   for (ThreadId tid = 1; tid < VG_N_THREADS; tid++) {
      const ThreadState* tst = &VG_(threads)[tid];
      if (is_living(tst)) {
         stats->bbs_done += tst->bbs_done;
         stats->n_threads++;
      }
   }
   stats->n_timeslices = __atomic_load_n(&n_timeslices, __ATOMIC_RELAXED);
   stats->n_exclusive  = __atomic_load_n(&exclusive_grants,
                                         __ATOMIC_RELAXED);
   stats->n_upgrades   = __atomic_load_n(&n_upgrades, __ATOMIC_RELAXED);
}

void ML_(sched_init_lock)(Bool parallel, Bool fair)
{
   parallel_mode = parallel;
   VG_(rwlock_init)(&big_lock, fair);
   VG_(atfork)(NULL, NULL, reset_threads_after_fork);
}
