/* The client's signals (module m_signals), core interface.

   The client's dispositions, masks and alternate stacks are kept by the
   core and never installed in the kernel as they are: the kernel gets
   the core's own handlers for every signal the client handles or whose
   default action kills, so that the core sees every signal first.  The
   design (host handlers, the queues of received signals, delivery at
   safe points, the interruptible system call and its PC ranges, default
   actions) is described in docs/internals/signals.md.

   With this module present, m_syswrap builds the wrappers of the signal
   system calls (m_syswrap/syswrap-signals.c) and runs every client
   system call that reaches the kernel through
   VG_(sig_do_syscall_for_client). */
#ifndef __PUB_CORE_SIGNALS_H
#define __PUB_CORE_SIGNALS_H

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcsetjmp.h"

#define VG_HAVE_SIGNALS_MODULE 1

/* The core's own signal: the thread ending the process sends it to
   the others to get them out of blocking system calls.  The client may
   not handle it (rt_sigaction fails with EINVAL, as in Valgrind). */
#define VG_SIGVGKILL _VKI_NSIG

/* --trace-signals=yes|no [no]: say what happens to every signal. */
extern Bool VG_(clo_trace_signals);

/* Start-up, once the main thread MAIN_TID exists: the client inherits
   the mask and the ignored signals the core was started with; the core's
   handlers are installed. */
extern void VG_(sigstartup_actions)(ThreadId main_tid);

/* A new thread TID (its host thread started with every signal blocked)
   takes its client mask. */
extern void VG_(sig_thread_startup)(ThreadId tid);

/* ------------------------------------------------------------------ */
/* The signal system calls                                              */

/* rt_sigaction for the client: SIGNO's action as the client sees it
   into *OLD_ACT (when not NULL), then NEW_ACT (when not NULL) becomes
   it.  The errors are the kernel's (EINVAL for a bad number, SIGKILL or
   SIGSTOP). */
extern SysRes VG_(do_sys_sigaction)(Int signo,
                                    const struct vki_sigaction* new_act,
                                    struct vki_sigaction* old_act);

/* rt_sigprocmask for thread TID: HOW is VKI_SIG_BLOCK, _UNBLOCK or
   _SETMASK; SET and OLDSET may be NULL. */
extern SysRes VG_(do_sys_sigprocmask)(ThreadId tid, Int how,
                                      vki_sigset_t* set,
                                      vki_sigset_t* oldset);

/* sigaltstack for thread TID (SS and OSS may be NULL). */
extern SysRes VG_(do_sys_sigaltstack)(ThreadId tid, vki_stack_t* ss,
                                      vki_stack_t* oss);

/* rt_sigpending for thread TID: the kernel's pending blocked signals and
   those the core holds for the thread. */
extern SysRes VG_(do_sys_sigpending)(ThreadId tid, vki_sigset_t* set);

/* For rt_sigtimedwait: takes a signal of SET the core holds for TID
   (received but blocked), filling *INFO; its number, or 0. */
extern Int VG_(sig_take_held)(ThreadId tid, const vki_sigset_t* set,
                              vki_siginfo_t* info);

/* Delivers the signals received for TID that it does not block (called
   by the scheduler between blocks and after system calls that may have
   made one deliverable: kill of oneself, sigprocmask, sigreturn...). */
extern void VG_(poll_signals)(ThreadId tid);

/* ------------------------------------------------------------------ */
/* The client's system calls (m_syswrap)                                */

/* Makes system call SYSNO with ARGS for thread TID in the kernel, so
   that a signal can interrupt it.  Returns True with *RES the result
   when the call ran (an interrupted call gives EINTR, as the kernel
   decides), False when it did not run because a signal must be
   delivered first: the caller then leaves the guest state as it was
   before the call and backs the guest's PC up to the syscall
   instruction, so the call is made again after the handler.  The
   calls that wait with a mask of their own (rt_sigsuspend, ppoll,
   pselect6, epoll_pwait, epoll_pwait2) deliver the signals that end
   them under that mask, as the kernel does. */
extern Bool VG_(sig_do_syscall_for_client)(ThreadId tid, UWord sysno,
                                           const UWord args[6],
                                           SysRes* res);

/* The block the interruptible routine works on (its offsets are fixed:
   m_syswrap/syscall-<plat>.S). */
typedef struct {
   UWord          sysno;
   UWord          args[6];
   volatile UInt* interrupt;
   UWord          result;
   UWord          completed;
} VgSyscallBlock;

extern void ML_(do_syscall_for_client_WRK)(VgSyscallBlock* b);
/* Its PC ranges (see the .S file and docs/internals/signals.md). */
extern const UChar ML_(sc_setup_start)[];
extern const UChar ML_(sc_syscall_insn)[];
extern const UChar ML_(sc_syscall_done)[];
extern const UChar ML_(sc_not_started)[];
extern const UChar ML_(sc_end)[];

/* ------------------------------------------------------------------ */
/* Signals raised by the client's code (m_scheduler)                    */

/* Where the scheduler comes back to when translated code (or a helper
   it calls) faults: it does VG_(minimal_setjmp) on this buffer before
   entering translated code with the thread's running_client_code set,
   and the core's handler longjmps there with VG_TRC_FAULT_SIGNAL's
   meaning after recording the fault. */
extern VgMinimalJmpBuf* VG_(sig_fault_jmpbuf)(ThreadId tid);

/* Delivers the fault recorded for TID by the handler (after the
   longjmp): the client's handler, or the default action. */
extern void VG_(sig_deliver_fault)(ThreadId tid);

/* Delivers SIGNO (VKI_SIGILL, _SIGTRAP, _SIGSEGV, _SIGBUS, _SIGFPE)
   with SI_CODE and fault address ADDR to TID as raised by the
   instruction at its guest PC (the translation's own checks:
   undecodable instructions, int3, ud2, division by zero...). */
extern void VG_(synth_signal)(ThreadId tid, Int signo, Int si_code,
                              Addr addr);

/* TID jumped to ADDR, which is not executable client memory: SIGSEGV
   as for an instruction fetch there (SEGV_MAPERR when nothing is
   mapped, SEGV_ACCERR otherwise). */
extern void VG_(synth_fault_fetch)(ThreadId tid, Addr addr);

/* ------------------------------------------------------------------ */
/* The main thread's stack                                              */

/* Grows TID's stack (the main thread's: its segment extends into the
   reservation below it, as the kernel grows a stack) so that A is
   mapped.  True if A is now in the stack. */
extern Bool VG_(extend_stack)(ThreadId tid, Addr a);

/* The same, for [A, A+LEN) when it lies in the stack's growth area
   (called before the kernel or the core touches client memory for a
   system call); nothing otherwise. */
extern void VG_(sig_extend_stack_for)(ThreadId tid, Addr a, SizeT len);

/* ------------------------------------------------------------------ */
/* For m_sigframe                                                       */

/* The kernel's on_sig_stack: whether stack pointer SP is on the
   alternate stack AS (never, when AS has SS_AUTODISARM, unless RAW). */
extern Bool VG_(sig_on_altstack)(const vki_stack_t* as, Addr sp, Bool raw);

/* The handler whose frame was at FRAME has returned (rt_sigreturn): the
   tool hears of it (post_deliver_signal). */
extern void VG_(sig_frame_returned)(ThreadId tid, Addr frame);

/* ------------------------------------------------------------------ */
/* Messages                                                             */

/* "SIGSEGV", "SIGRT3", ... */
extern const HChar* VG_(signame)(Int signo);

/* Prints the guest code address IP as one frame of a stack trace
   ("   at 0x...: main (in <object>)", "??? (in <object>)" without a
   symbol; FIRST: "at", else "by"): a stand-in for the stack-trace
   module until there is one. */
extern void VG_(pp_guest_frame)(Addr ip, Bool first);

#endif
