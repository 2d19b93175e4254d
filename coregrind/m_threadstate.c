/* The thread table, and which thread each host thread runs. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_mallocfree.h"
#include "pub_core_syscall.h"
#include "pub_core_threadstate.h"

ThreadState* VG_(threads) = NULL;

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

/* ------------------------------------------------------------------ */
/* Which thread the calling host thread runs                            */

#if defined(VG_HOSTED_UNIT_TEST)
/* The hosted tests run on libc's threads: its thread pointer is not
   ours to move. */
static __thread ThreadId hosted_running_tid = VG_INVALID_THREADID;

void VG_(set_running_tid)(ThreadId tid)
{
   hosted_running_tid = tid;
}

Addr VG_(host_thread_pointer)(ThreadId tid)
{
   (void)tid;
   return 0;
}

ThreadId VG_(get_running_tid)(void)
{
   return hosted_running_tid;
}

#elif defined(VGA_amd64)
/* Each host thread's %fs base is its entry here, which holds its
   ThreadId: one load finds it.  Entries are cache-line sized so that
   threads never share a line. */
typedef struct {
   ThreadId tid;
} __attribute__((aligned(64))) HostThreadRecord;

static HostThreadRecord host_thread_records[VG_N_THREADS];

Addr VG_(host_thread_pointer)(ThreadId tid)
{
   vg_assert(tid < VG_N_THREADS);
   host_thread_records[tid].tid = tid;
   return (Addr)&host_thread_records[tid];
}

void VG_(set_running_tid)(ThreadId tid)
{
   SysRes r = VG_(do_syscall2)(__NR_arch_prctl, VKI_ARCH_SET_FS,
                               VG_(host_thread_pointer)(tid));
   vg_assert(!sr_isError(r));
}

ThreadId VG_(get_running_tid)(void)
{
   ThreadId tid;
   __asm__ __volatile__("movl %%fs:0, %0" : "=r"(tid));
   return tid;
}

#else
#  error "m_threadstate: host thread pointer of this architecture"
#endif
