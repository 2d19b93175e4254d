/* The state of every guest thread (module m_threadstate).

   A guest thread runs on a host thread of its own (DESIGN.md section 4).
   Its ThreadState holds what the core and the tools keep about it; the
   part translated code touches -- the guest registers, the tools' two
   shadow copies and the register allocator's spill area -- is
   ThreadArchState, reached through the pinned host register, so its
   layout is fixed: each part directly after the other, 16-byte aligned.

   Ownership: a thread's ThreadState is written by the host thread that
   runs it, or under the big lock held exclusively (thread creation and
   exit, signal delivery to another thread).  Reading another thread's
   state needs the big lock, except for the fields marked "any thread"
   (read and written with atomic operations). */
#ifndef __PUB_CORE_THREADSTATE_H
#define __PUB_CORE_THREADSTATE_H

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_tool_threadstate.h"
#include "libvex.h"

#if defined(VGA_amd64)
#  include "libvex_guest_amd64.h"
typedef VexGuestAMD64State VexGuestArchState;
#else
#  error "guest state of this architecture not defined yet"
#endif

typedef struct {
   VexGuestArchState vex         __attribute__((aligned(16)));
   VexGuestArchState vex_shadow1 __attribute__((aligned(16)));
   VexGuestArchState vex_shadow2 __attribute__((aligned(16)));
   UChar vex_spill[LibVEX_N_SPILL_BYTES] __attribute__((aligned(16)));
} ThreadArchState;

typedef enum {
   VgTs_Empty,      /* slot free */
   VgTs_Init,       /* allocated, not yet started */
   VgTs_Runnable,   /* running or ready to run translated code */
   VgTs_WaitSys,    /* in a blocking system call, big lock released */
   VgTs_Yielding,   /* gave up its timeslice */
   VgTs_Zombie      /* exited; slot about to be freed */
} ThreadStatus;

/* How a thread holds the big lock (DESIGN.md section 4). */
typedef enum {
   VgBL_None,
   VgBL_Shared,      /* parallel mode: running alongside others */
   VgBL_Exclusive
} VgBigLockMode;

/* Why a thread left the scheduler for good. */
typedef enum {
   VgSrc_None,
   VgSrc_ExitThread,    /* exit() of this thread */
   VgSrc_ExitProcess,   /* exit_group() from any thread */
   VgSrc_FatalSig       /* a signal whose action kills the process */
} VgSchedReturnCode;

typedef struct {
   Int lwpid;          /* the kernel's thread id (gettid) */
   Int threadgroup;    /* the process id */
   /* The host stack this thread's core code runs on. */
   Addr  valgrind_stack_base;
   SizeT valgrind_stack_szB;
   Int   exitcode;     /* for VgSrc_ExitThread / ExitProcess */
   Int   fatalsig;     /* for VgSrc_FatalSig */
} ThreadOSstate;

typedef struct {
   ThreadId          tid;
   ThreadStatus      status;        /* any thread */
   /* Set by the thread itself, or by the thread that ends the process
      (exit_group, a fatal signal) for every other one: any thread. */
   VgSchedReturnCode exitreason;

   /* Scheduler's: how the thread holds the big lock (any thread reads
      it, to find the threads to make leave translated code); whether it
      runs translated code or a helper that code called (the signal
      handler tells faults of client code from the core's by it); the
      event-counter value taken away from it to make it leave translated
      code early (any thread), and the blocks it has run. */
   VgBigLockMode     big_lock_mode;
   Bool              running_client_code;
   UInt              evc_stolen;
   ULong             bbs_done;

   ThreadArchState   arch;

   /* The client's signal mask for this thread, and the one to restore
      after a sigsuspend-style temporary change. */
   vki_sigset_t sig_mask;
   vki_sigset_t tmp_sig_mask;
   /* sigaltstack of this thread. */
   vki_stack_t  altstack;

   /* The client stack: highest byte and size, for stack-change tracking
      and for growing the main thread's stack on faults. */
   Addr  client_stack_highest_byte;
   SizeT client_stack_szB;

   ThreadOSstate os_state;
} ThreadState;

extern ThreadState* VG_(threads);   /* VG_N_THREADS entries; [0] unused */

/* Sets up the thread table (all Empty); called once at start-up. */
extern void VG_(init_Threads)(void);
/* Takes an Empty slot (it becomes Init); VG_INVALID_THREADID if none. */
extern ThreadId VG_(alloc_ThreadState)(void);
extern ThreadState* VG_(get_ThreadState)(ThreadId tid);
extern Bool VG_(is_valid_tid)(ThreadId tid);
extern Int  VG_(count_living_threads)(void);
/* The ThreadId of the thread with kernel thread id LWPID, or
   VG_INVALID_THREADID. */
extern ThreadId VG_(lwpid_to_vgtid)(Int lwpid);

/* Makes TID the thread the calling host thread runs, for the rest of its
   life: VG_(get_running_tid) (pub_tool_threadstate.h) returns it from
   then on, in that host thread only.  The record is found through the
   host's thread pointer (amd64: %fs; the guest's is emulated, so the
   host's belongs to the core).  A thread created by the core gets its
   thread pointer from clone: VG_(host_thread_pointer)(TID). */
extern void VG_(set_running_tid)(ThreadId tid);
extern Addr VG_(host_thread_pointer)(ThreadId tid);

#endif
