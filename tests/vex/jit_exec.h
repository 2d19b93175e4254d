/* vexdiff's JIT executor: runs a case's guest code through the whole of
   VEX -- front end, optimiser, tree builder, instruction selection,
   register allocation, emitter (LibVEX_Translate) -- and executes the
   host code natively on a VexGuestAMD64State, with a miniature
   dispatcher (jit_dispatch.S) catching every exit.

   The case's instructions are translated from a private copy of its
   bytes followed by a sentinel `jmp .' at the case's end, so no block
   ever runs into what follows the case (the native runner's epilogue):
   a block that reaches the end leaves with an exit to the end address,
   and the executor stops there.  Blocks are translated on demand and
   kept for the run; a direct exit whose target is an instruction of the
   case is chained to the target's translation (LibVEX_Chain), so loops
   inside a case run chained and through the event check.  Every block
   the optimiser produces must pass sanityCheckIRSB (flat). */
#ifndef JIT_EXEC_H
#define JIT_EXEC_H

#include "libvex_basictypes.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"

typedef struct {
   const UChar* code;     /* the case's bytes */
   Int          len;
   Addr64       start;    /* the guest address of code[0] */
   const Int*   off;      /* each instruction's offset */
   Int          n;
   Bool         chase;    /* --vex-guest-chase */
   Int          iropt_level;  /* 0..2 */
   VexRegisterUpdates px; /* the precise-exception setting */
   Bool         trace;    /* print every translation (all trace flags)
                             to stderr */
   Int          max_insns;  /* --vex-guest-max-insns (0: 60) */
   Int          evc_period; /* 0: an event counter that never runs out;
                               N: it runs out after every N+1 block
                               entries, and the executor goes on at the
                               guest RIP as a scheduler would */
} JitCase;

typedef struct {
   Int   signo;       /* 0, or the fault the guest code raised */
   ULong rip;         /* after a fault: the guest address of it */
   Int   n_blocks;    /* translations made */
   Int   n_exits;     /* returns to the executor */
   Int   n_evfails;   /* event checks that failed (evc_period) */
   char  err[1024];   /* not empty: the JIT side could not run the case */
} JitResult;

/* Once, after native_init (the JIT installs its own fault handlers and
   forwards faults outside translated code to the ones installed before).
   FAIL and LOG are the harness's VEX callbacks, reinstated after every
   translation. */
extern void jit_init(void (*fail)(void), void (*log)(const HChar*, SizeT));

/* Runs JC's code from ST->guest_RIP until it reaches the end of the case
   or faults, on ST and the host's memory. */
extern void jit_run(const JitCase* jc, VexGuestAMD64State* st, JitResult* r);

/* Totals over all runs (statistics). */
extern ULong jit_total_blocks, jit_total_guest_insns, jit_total_host_bytes;
/* Runs that ended in a fault of the translated code itself (a guest
   memory access), exits chained, event checks that failed. */
extern ULong jit_total_host_faults, jit_total_chained, jit_total_evfails;

#endif
