/* A minimal setjmp/longjmp for the core (module m_libcsetjmp): only the
   callee-saved registers, the stack pointer and the resume address are
   kept, no signal mask (the core has no libc, and its users restore
   what else they need).

   The scheduler brackets each entry into translated code with
   VG_(minimal_setjmp); a fault in translated code comes back to it
   through VG_(minimal_longjmp) (see m_signals.c).  As with setjmp, a
   local variable of the caller that is changed between the two must be
   volatile to have its new value after the jump. */
#ifndef __PUB_CORE_LIBCSETJMP_H
#define __PUB_CORE_LIBCSETJMP_H

#include "pub_core_basics.h"

#if defined(VGA_amd64)
/* rbx, rbp, r12, r13, r14, r15, rsp (after the return), return
   address. */
#  define VG_MINIMAL_JMPBUF_WORDS 8
#else
#  error "m_libcsetjmp: architecture not supported yet"
#endif

typedef UWord VgMinimalJmpBuf[VG_MINIMAL_JMPBUF_WORDS];

/* Saves the caller's context in JB and returns 0; returns again, with
   1, when VG_(minimal_longjmp)(JB) is called, as long as the caller's
   frame still exists. */
extern Int VG_(minimal_setjmp)(VgMinimalJmpBuf jb)
   __attribute__((returns_twice));

/* Resumes the context saved in JB (VG_(minimal_setjmp) returns 1).
   May be jumped to with JB in the first argument register and any
   stack pointer (a signal handler sends a thread there). */
extern void VG_(minimal_longjmp)(VgMinimalJmpBuf jb) NORETURN;

#endif
