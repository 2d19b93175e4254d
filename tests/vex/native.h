/* Runs short instruction sequences natively with chosen register and
   flag values, and captures the registers, flags and fault afterwards.

   The sequence is copied to a fixed address (NATIVE_CODE_ADDR) in an RWX
   mapping, between a prologue that loads all sixteen registers and
   rflags from a NativeRegs and an epilogue that stores them back.  The
   scratch memory the sequence may use (NATIVE_SCRATCH_ADDR, its stack at
   the top) is at a fixed address within reach of RIP-relative
   addressing.  A fault (SIGFPE, SIGSEGV, SIGILL, SIGTRAP, SIGBUS) is
   caught on an alternate stack; the registers at the fault come from the
   signal context. */
#ifndef NATIVE_H
#define NATIVE_H

#include "libvex_basictypes.h"

#define NATIVE_CODE_ADDR     0x70001000UL   /* where sequences start */
#define NATIVE_CODE_MAX      3072           /* bytes a sequence may use */
#define NATIVE_SCRATCH_ADDR  0x70100000UL
#define NATIVE_SCRATCH_SIZE  0x10000UL      /* 64 KiB */
/* The middle of the scratch area: memory operands' base, and the top of
   the guest stack (the stack grows down into the lower half). */
#define NATIVE_SCRATCH_MID   (NATIVE_SCRATCH_ADDR + NATIVE_SCRATCH_SIZE / 2)

typedef struct {
   ULong gpr[16];     /* in encoding order: rax rcx rdx rbx rsp rbp ... */
   ULong rflags;
   ULong rip;         /* after a fault: where it happened */
   Int   signo;       /* 0, or the signal the sequence raised */
   /* --- SSE state (added with the SSE family) ---
      XMM0..15 (low quadword first) and MXCSR: loaded before the
      sequence, captured after it (or at its fault, from the signal
      context).  MXCSR goes in with its exception flags as given (the
      harness clears them) and comes out as the sequence left it; the
      host's own MXCSR is restored afterwards. */
   ULong xmm[16][2];
   UInt  mxcsr;
   /* --- x87 state (added with the x87 family) ---
      An FXSAVE image.  In: its x87 part is loaded (FXRSTOR) before the
      SSE state above; out: the image FXSAVE takes after the sequence
      (or the signal context's at a fault).  The host's own x87 state is
      restored afterwards. */
   UChar fx[512] __attribute__((aligned(16)));
} NativeRegs;

/* Maps the areas and installs the signal handlers.  0 on success. */
extern int native_init(void);

/* Runs the LEN bytes of CODE from NATIVE_CODE_ADDR with the registers in
   IN (gpr, rflags, xmm, mxcsr; only the arithmetic flags and DF of
   rflags are taken), leaving
   the outcome in OUT.  The code must fall through its end to finish. */
extern void native_run(const UChar* code, Int len, const NativeRegs* in,
                       NativeRegs* out);

/* The FS base of this process (TLS), for %fs: reads. */
extern ULong native_fs_base(void);

#endif
