/* The thread table. */
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_mallocfree.h"
#include "pub_core_threadstate.h"

ThreadState* VG_(threads) = NULL;

/* Single-threaded until the threads issue gives each host thread its own
   record of the guest thread it runs. */
static ThreadId running_tid = VG_INVALID_THREADID;

void VG_(init_Threads)(void)
{
   vg_assert(VG_(threads) == NULL);
   VG_(threads) = VG_(arena_calloc)(VG_AR_CORE, "threadstate.threads",
                                    VG_N_THREADS, sizeof(ThreadState));
   for (ThreadId tid = 0; tid < VG_N_THREADS; tid++) {
      VG_(threads)[tid].tid = tid;
      VG_(threads)[tid].status = VgTs_Empty;
   }
}

ThreadId VG_(alloc_ThreadState)(void)
{
   for (ThreadId tid = 1; tid < VG_N_THREADS; tid++) {
      if (VG_(threads)[tid].status == VgTs_Empty) {
         ThreadState* tst = &VG_(threads)[tid];
         VG_(memset)(tst, 0, sizeof *tst);
         tst->tid = tid;
         tst->status = VgTs_Init;
         tst->exitreason = VgSrc_None;
         return tid;
      }
   }
   return VG_INVALID_THREADID;
}

Bool VG_(is_valid_tid)(ThreadId tid)
{
   return tid > 0 && tid < VG_N_THREADS
          && VG_(threads)[tid].status != VgTs_Empty;
}

ThreadState* VG_(get_ThreadState)(ThreadId tid)
{
   vg_assert(tid > 0 && tid < VG_N_THREADS);
   return &VG_(threads)[tid];
}

Int VG_(count_living_threads)(void)
{
   Int n = 0;
   for (ThreadId tid = 1; tid < VG_N_THREADS; tid++) {
      ThreadStatus st = VG_(threads)[tid].status;
      if (st != VgTs_Empty && st != VgTs_Zombie)
         n++;
   }
   return n;
}

ThreadId VG_(lwpid_to_vgtid)(Int lwpid)
{
   for (ThreadId tid = 1; tid < VG_N_THREADS; tid++) {
      if (VG_(threads)[tid].status != VgTs_Empty
          && VG_(threads)[tid].os_state.lwpid == lwpid)
         return tid;
   }
   return VG_INVALID_THREADID;
}

void VG_(set_running_tid)(ThreadId tid)
{
   running_tid = tid;
}

ThreadId VG_(get_running_tid)(void)
{
   return running_tid;
}
