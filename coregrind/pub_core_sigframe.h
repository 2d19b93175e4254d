/* Signal frames on the client's stack (module m_sigframe), core
   interface.  One file per platform (coregrind/m_sigframe/
   sigframe-<arch>-<os>.c) builds the frame the kernel would build for a
   signal handler and takes it down again at sigreturn; m_signals
   decides when and for which handler (see docs/internals/signals.md). */
#ifndef __PUB_CORE_SIGFRAME_H
#define __PUB_CORE_SIGFRAME_H

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_threadstate.h"

/* What the frame reports about the thread's last trap, besides the
   guest registers (amd64: uc_mcontext.trapno, err and cr2, which the
   kernel keeps per thread and reports in every frame, the last fault's
   values even for a later signal).  FAULT: the signal is a fault at the
   current instruction (amd64: the saved flags have RF set, as the CPU
   pushes them for a fault). */
typedef struct {
   ULong trapno;
   ULong err;
   ULong cr2;
   Bool  fault;
} VgSigTrapInfo;

/* What a handler is entered with. */
typedef struct {
   Int          signo;
   Addr         handler;     /* the client's function */
   Addr         restorer;    /* its sa_restorer (0: none given) */
   UInt         flags;       /* the action's sa_flags: SA_SIGINFO (the
                                siginfo is written), SA_ONSTACK */
   const vki_siginfo_t* info;
   const vki_sigset_t*  saved_mask;  /* restored by sigreturn */
   const VgSigTrapInfo* trap;
} VgSigDelivery;

/* Builds the frame for delivery D on thread TID's stack (its alternate
   stack when D->flags has SA_ONSTACK and the thread is not already on
   it; an SS_AUTODISARM alternate stack is then disabled, the frame
   keeping the old setting for sigreturn), exactly as the kernel lays it
   out, and sets the guest registers for the handler's first
   instruction (the FPU state reset, as the kernel does).  Tells the
   tool about the stack memory and registers.  False, with nothing
   changed, if the frame cannot be written there (no restorer, the
   stack cannot grow, an alternate stack too small): the kernel then
   kills with SIGSEGV, which the caller arranges. */
extern Bool VG_(sigframe_create)(ThreadId tid, const VgSigDelivery* d);

/* Removes the signal frame at the client's stack pointer of thread TID
   (rt_sigreturn when IS_RT, sigreturn otherwise) and restores the
   registers, signal mask and alternate-stack state it saved.  The
   handler may have changed any of them in the frame.  A frame that
   cannot be read is a SIGSEGV for the client, as with the kernel. */
extern void VG_(sigframe_destroy)(ThreadId tid, Bool isRT);

/* ------------------------------------------------------------------ */
/* The pieces, for the hosted unit tests.                               */

/* Where the frame for a handler goes when the stack to use ends at
   SP_TOP (after any red zone, or the top of an alternate stack): the
   frame's address (the handler's stack pointer), the address of its
   FPU area, and the lowest address the frame occupies. */
extern Addr VG_(sigframe_layout)(Addr sp_top, Addr* fpstate, Addr* lowest);

/* Writes the frame at FRAME (from VG_(sigframe_layout)) for the guest
   registers REGS: return address RESTORER, the ucontext (registers,
   the trap info, the saved mask, the saved alternate stack ALTSTACK,
   the FPU image at FPSTATE) and, when INFO is not NULL, the siginfo. */
extern void VG_(sigframe_fill)(Addr frame, Addr fpstate,
                               const VexGuestArchState* regs,
                               const vki_siginfo_t* info,
                               const vki_sigset_t* saved_mask,
                               const vki_stack_t* altstack,
                               const VgSigTrapInfo* trap, Addr restorer);

/* The red zone below the stack pointer a frame must leave alone. */
#if defined(VGA_amd64)
#  define VG_STACK_REDZONE_SZB 128
#endif

#endif
