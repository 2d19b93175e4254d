/* System call wrappers (module m_syswrap), core interface.

   The client's system calls never reach the kernel as they are: the
   translated code leaves to the scheduler at every `syscall'
   instruction, and the scheduler calls VG_(client_syscall).  That
   driver reads the number and the arguments from the guest registers,
   finds the wrapper for the call in the platform's table, and runs it
   in three steps:

   - PRE: tells the tool which registers and which client memory the
     kernel will read (and which memory it may write), checks the
     arguments against the core's own state (descriptors the core keeps
     for itself, mappings of the core, ...).  It may fail the call with
     an errno without running it (e.g. MAP_FIXED over the core), do the
     whole call itself (brk, exit, arch_prctl: the kernel never sees
     them), change the arguments handed to the kernel (mmap's placement),
     or mark it SfMayBlock (the big lock is released around it once
     threads exist) or SfPostOnFail.
   - the real system call, made for the client on this host thread;
   - POST (on success, or always with SfPostOnFail): tells the tool
     which memory the kernel wrote (only what it really wrote: read's
     count, getdents64's length, recvmsg's iovecs ...) and updates the
     core's state (the address-space map, discarding translations of
     code that went away).

   The result goes back into the guest's result register (amd64: RAX =
   the result or -errno); the guest's instruction pointer is already
   past the syscall instruction, and guest_IP_AT_SYSCALL (written by the
   translated code) says where it was.

   Unknown system calls are reported once per number ("WARNING:
   unhandled amd64-linux syscall: N") and fail with ENOSYS; the client
   carries on.

   Signals.  The signal system calls (rt_sigaction, rt_sigprocmask,
   sigaltstack, rt_sigreturn, ...) belong to the signals module: their
   wrappers are in m_syswrap/syswrap-signals.c and call the functions
   declared in pub_core_signals.h and pub_core_sigframe.h (the table
   lists them when VG_HAVE_SIGNALS_MODULE is defined, as it now is).
   The kernel call made for the client is isolated in one function of
   syswrap-main.c, do_syscall_for_client, which makes it through the
   signals module's interruptible routine: a signal during the call
   gives EINTR or makes the call again after the handler
   (docs/internals/signals.md).

   Threads.  Each guest thread runs its system calls on its own host
   thread; clone and clone3 of a thread make the host thread (never
   libpthread: syswrap-linux.c).  In parallel mode a call runs with the
   big lock shared when its wrapper touches only the thread's own state
   (syswrap-main.c lists those calls), else exclusively; a call marked
   SfMayBlock runs with the lock released. */
#ifndef __PUB_CORE_SYSWRAP_H
#define __PUB_CORE_SYSWRAP_H

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_threadstate.h"
#include "pub_tool_syswrap.h"

/* ------------------------------------------------------------------ */
/* The driver                                                           */

/* Runs the system call thread TID's guest state asks for.  TRC is the
   translation's exit code (libvex_trc_values.h): amd64-linux accepts
   VEX_TRC_JMP_SYS_SYSCALL; anything else (int $0x80 from 64-bit code)
   fails with ENOSYS after a one-time warning.

   After it returns, the scheduler asks VG_(syswrap_exit_reason)
   whether the thread must stop running. */
extern void VG_(client_syscall)(ThreadId tid, UInt trc);

/* Ends the calling host thread, which ran thread TID (now ended: see
   VG_(sched_thread_ending)), with TID's exit code; TID's slot becomes
   free at its last instruction. */
extern void VG_(exit_host_thread_NORETURN)(ThreadId tid) NORETURN;

/* Why thread TID must leave the scheduler after its last system call:
   VgSrc_None (carry on); VgSrc_ExitThread (it called exit: the thread
   ends; if it was the last one, the process exits with *EXITCODE);
   VgSrc_ExitProcess (exit_group, by it or by another thread of the
   process: the process exits with *EXITCODE after the tool's fini).
   The exit and exit_group wrappers never run the kernel's call: they
   set ThreadState.exitreason and os_state.exitcode (for exit_group, of
   every living thread) and let the scheduler end things cleanly.
   EXITCODE may be NULL. */
extern VgSchedReturnCode VG_(syswrap_exit_reason)(ThreadId tid,
                                                  Int* exitcode);

/* --trace-syscalls=yes: one line per system call on the log
   ("SYSCALL[pid,tid](nr) name(args) --> result").  The option parser
   sets it. */
extern Bool VG_(clo_trace_syscalls);

/* ------------------------------------------------------------------ */
/* State the wrappers keep for the client, set up at start-up           */

/* The client's brk heap: [VG_(brk_base), VG_(brk_limit)).  brk is
   emulated (the kernel's brk is never called): the heap is one client
   anonymous mapping at VG_(brk_base), grown into the reservation above
   it and marked as the client heap in the address-space map; shrinking
   keeps the pages mapped but zeroes what was given back, so that it
   reads as fresh memory when the heap grows again (Valgrind's way).
   0 until VG_(setup_client_dataseg). */
extern Addr VG_(brk_base);
extern Addr VG_(brk_limit);

/* Makes the client's brk heap at BRK_BASE (page aligned: the loader's
   brk base): one page mapped read-write, and a reservation above it up
   to RLIMIT_DATA clamped to [1MB, 8MB], as Valgrind does.  If that
   space is taken, the address-space manager chooses another place.
   m_main calls it once the client is loaded.  Returns False if no
   place could be found (the client then sees brk fail and falls back
   to mmap, as glibc's malloc does). */
extern Bool VG_(setup_client_dataseg)(Addr brk_base);

/* RLIMIT_DATA and RLIMIT_STACK as the client sees them: getrlimit
   reports these, setrlimit changes only these (as Valgrind does, the
   core's own limits stay).  Read from the kernel on first use. */
extern struct vki_rlimit VG_(client_rlimit_data);
extern struct vki_rlimit VG_(client_rlimit_stack);

/* A descriptor open on the client's executable (opened by the start-up
   code, moved out of the client's sight with VG_(safe_fd)), or -1.
   readlink and open of /proc/self/exe (or /proc/<pid>/exe) use it, so
   that the client finds its own executable, not the tool's. */
extern Int VG_(cl_exec_fd);

/* ------------------------------------------------------------------ */
/* Fork hooks (VG_(atfork) in pub_tool_syswrap.h)                       */

extern void VG_(do_atfork_pre)(ThreadId tid);
extern void VG_(do_atfork_parent)(ThreadId tid);
extern void VG_(do_atfork_child)(ThreadId tid);

/* ------------------------------------------------------------------ */
/* Per-thread records for the threads issue                             */

/* What thread TID registered with set_tid_address (0: nothing).  The
   call is also passed to the kernel, which clears the word and wakes
   its futex when the host thread exits. */
extern Addr VG_(syswrap_clear_child_tid)(ThreadId tid);

#endif
