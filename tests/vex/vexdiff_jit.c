/* Curated differential cases aimed at the JIT (jit_exec.c): whole small
   programs rather than single instructions, so that the optimiser, the
   register allocator and the block-exit protocol see what real code gives
   them.  Each runs natively, through the IR interpreter and through
   LibVEX_Translate at every --vex-iropt-level the harness asks for.

     sb-loop      loops of many iterations: byte checksums, memcpy (byte,
                  qword, 16-byte SSE, backwards), a multi-word add with
                  carry, strlen, nested loops, an SSE reduction, a loop
                  full of helper calls (popcnt, bsf, rcl, shr by %cl), a
                  division loop, a branchy loop with cmov.  Loops that start
                  a block are self-loops the optimiser may unroll; the
                  executor chains their exits, so they also run through
                  the event check and the chained jumps.
     sb-call      a loop calling a subroutine (call/ret, with and without
                  chasing).
     sb-pressure  blocks keeping every integer or every XMM register live
                  at once (spills).
     sb-fault     memory faults in the middle of a block and of a loop,
                  after registers, flags and the stack changed: the JIT
                  side runs them with every register precise at memory
                  accesses and must stop with the state at the faulting
                  instruction.

   And random-ctrl (random_ctrl, vexdiff --random-ctrl N): random integer
   sequences with forward branches among them (see below).

   The programs were written in assembly and are given here as bytes, one
   instruction per line with its offset and disassembly.  (A faulting
   `push' is not among them: the front end, like Valgrind's, moves RSP
   before the store, so RSP at the fault is 8 lower than the CPU's.) */
#include <stdio.h>
#include <string.h>
#include "libvex_basictypes.h"
#include "native.h"
#include "vexdiff.h"

#define MID NATIVE_SCRATCH_MID

typedef struct { UChar n; UChar b[15]; } Ins;

/* csum_b */
static const Ins p_csum_b[] = {
   { 2, { 0x31, 0xC0 } },                     /* 00: xor %eax,%eax */
   { 3, { 0x0F, 0xB6, 0x0F } },               /* 02: movzbl (%rdi),%ecx */
   { 2, { 0x01, 0xC8 } },                     /* 05: add %ecx,%eax */
   { 3, { 0x48, 0xFF, 0xC7 } },               /* 07: inc %rdi */
   { 3, { 0x48, 0x39, 0xF7 } },               /* 0a: cmp %rsi,%rdi */
   { 2, { 0x75, 0xF3 } },                     /* 0d: jne 0x2 */
};

/* csum_gcc */
static const Ins p_csum_gcc[] = {
   { 2, { 0x31, 0xC0 } },                     /* 00: xor %eax,%eax */
   { 3, { 0x0F, 0xB6, 0x17 } },               /* 02: movzbl (%rdi),%edx */
   { 4, { 0x48, 0x83, 0xC7, 0x01 } },         /* 05: add $0x1,%rdi */
   { 2, { 0x01, 0xD0 } },                     /* 09: add %edx,%eax */
   { 3, { 0x48, 0x39, 0xFE } },               /* 0b: cmp %rdi,%rsi */
   { 2, { 0x75, 0xF2 } },                     /* 0e: jne 0x2 */
};

/* csum_rot */
static const Ins p_csum_rot[] = {
   { 5, { 0xB8, 0x78, 0x56, 0x34, 0x12 } },   /* 00: mov $0x12345678,%eax */
   { 3, { 0xC1, 0xC0, 0x05 } },               /* 05: rol $0x5,%eax */
   { 3, { 0x0F, 0xB6, 0x0F } },               /* 08: movzbl (%rdi),%ecx */
   { 2, { 0x31, 0xC8 } },                     /* 0b: xor %ecx,%eax */
   { 3, { 0x6B, 0xC0, 0x1F } },               /* 0d: imul $0x1f,%eax,%eax */
   { 4, { 0x48, 0x83, 0xC7, 0x01 } },         /* 10: add $0x1,%rdi */
   { 3, { 0x48, 0x39, 0xF7 } },               /* 14: cmp %rsi,%rdi */
   { 2, { 0x72, 0xEC } },                     /* 17: jb 0x5 */
};

/* memcpy_b */
static const Ins p_memcpy_b[] = {
   { 2, { 0x31, 0xC9 } },                     /* 00: xor %ecx,%ecx */
   { 4, { 0x0F, 0xB6, 0x04, 0x0E } },         /* 02: movzbl (%rsi,%rcx,1),%eax */
   { 3, { 0x88, 0x04, 0x0F } },               /* 06: mov %al,(%rdi,%rcx,1) */
   { 3, { 0x48, 0xFF, 0xC1 } },               /* 09: inc %rcx */
   { 3, { 0x48, 0x39, 0xD1 } },               /* 0c: cmp %rdx,%rcx */
   { 2, { 0x75, 0xF1 } },                     /* 0f: jne 0x2 */
};

/* memcpy_q */
static const Ins p_memcpy_q[] = {
   { 2, { 0x31, 0xC9 } },                     /* 00: xor %ecx,%ecx */
   { 4, { 0x48, 0x8B, 0x04, 0xCE } },         /* 02: mov (%rsi,%rcx,8),%rax */
   { 4, { 0x48, 0x89, 0x04, 0xCF } },         /* 06: mov %rax,(%rdi,%rcx,8) */
   { 4, { 0x48, 0x83, 0xC1, 0x01 } },         /* 0a: add $0x1,%rcx */
   { 3, { 0x48, 0x39, 0xD1 } },               /* 0e: cmp %rdx,%rcx */
   { 2, { 0x72, 0xEF } },                     /* 11: jb 0x2 */
};

/* memcpy_x */
static const Ins p_memcpy_x[] = {
   { 3, { 0x48, 0x85, 0xD2 } },               /* 00: test %rdx,%rdx */
   { 2, { 0x74, 0x16 } },                     /* 03: je 0x1b */
   { 4, { 0xF3, 0x0F, 0x6F, 0x06 } },         /* 05: movdqu (%rsi),%xmm0 */
   { 4, { 0xF3, 0x0F, 0x7F, 0x07 } },         /* 09: movdqu %xmm0,(%rdi) */
   { 4, { 0x48, 0x83, 0xC6, 0x10 } },         /* 0d: add $0x10,%rsi */
   { 4, { 0x48, 0x83, 0xC7, 0x10 } },         /* 11: add $0x10,%rdi */
   { 4, { 0x48, 0x83, 0xEA, 0x01 } },         /* 15: sub $0x1,%rdx */
   { 2, { 0x75, 0xEA } },                     /* 19: jne 0x5 */
   { 1, { 0x90 } },                           /* 1b: nop */
};

/* memcpy_down */
static const Ins p_memcpy_down[] = {
   { 5, { 0x0F, 0xB6, 0x44, 0x16, 0xFF } },   /* 00: movzbl -0x1(%rsi,%rdx,1),%eax */
   { 4, { 0x88, 0x44, 0x17, 0xFF } },         /* 05: mov %al,-0x1(%rdi,%rdx,1) */
   { 3, { 0x48, 0xFF, 0xCA } },               /* 09: dec %rdx */
   { 2, { 0x75, 0xF2 } },                     /* 0c: jne 0x0 */
};

/* bignum_adc */
static const Ins p_bignum_adc[] = {
   { 2, { 0x31, 0xC9 } },                     /* 00: xor %ecx,%ecx */
   { 1, { 0xF8 } },                           /* 02: clc */
   { 4, { 0x48, 0x8B, 0x04, 0xCE } },         /* 03: mov (%rsi,%rcx,8),%rax */
   { 4, { 0x48, 0x11, 0x04, 0xCF } },         /* 07: adc %rax,(%rdi,%rcx,8) */
   { 3, { 0x48, 0xFF, 0xC1 } },               /* 0b: inc %rcx */
   { 3, { 0x48, 0xFF, 0xCA } },               /* 0e: dec %rdx */
   { 2, { 0x75, 0xF0 } },                     /* 11: jne 0x3 */
   { 3, { 0x0F, 0x92, 0xC0 } },               /* 13: setb %al */
};

/* strlen */
static const Ins p_strlen[] = {
   { 3, { 0x48, 0x89, 0xFE } },               /* 00: mov %rdi,%rsi */
   { 3, { 0x80, 0x3F, 0x00 } },               /* 03: cmpb $0x0,(%rdi) */
   { 2, { 0x74, 0x05 } },                     /* 06: je 0xd */
   { 3, { 0x48, 0xFF, 0xC7 } },               /* 08: inc %rdi */
   { 2, { 0xEB, 0xF6 } },                     /* 0b: jmp 0x3 */
   { 3, { 0x48, 0x29, 0xF7 } },               /* 0d: sub %rsi,%rdi */
};

/* nested */
static const Ins p_nested[] = {
   { 2, { 0x31, 0xC0 } },                     /* 00: xor %eax,%eax */
   { 3, { 0x49, 0x89, 0xD0 } },               /* 02: mov %rdx,%r8 */
   { 3, { 0x48, 0x89, 0xF1 } },               /* 05: mov %rsi,%rcx */
   { 3, { 0x4D, 0x89, 0xC1 } },               /* 08: mov %r8,%r9 */
   { 4, { 0x4C, 0x0F, 0xAF, 0xC9 } },         /* 0b: imul %rcx,%r9 */
   { 3, { 0x4C, 0x01, 0xC8 } },               /* 0f: add %r9,%rax */
   { 3, { 0x48, 0xFF, 0xC9 } },               /* 12: dec %rcx */
   { 2, { 0x75, 0xF1 } },                     /* 15: jne 0x8 */
   { 3, { 0x49, 0xFF, 0xC8 } },               /* 17: dec %r8 */
   { 2, { 0x75, 0xE9 } },                     /* 1a: jne 0x5 */
};

/* sse_sum */
static const Ins p_sse_sum[] = {
   { 4, { 0x66, 0x0F, 0xEF, 0xC0 } },         /* 00: pxor %xmm0,%xmm0 */
   { 4, { 0x66, 0x0F, 0xEF, 0xD2 } },         /* 04: pxor %xmm2,%xmm2 */
   { 4, { 0xF3, 0x0F, 0x6F, 0x0E } },         /* 08: movdqu (%rsi),%xmm1 */
   { 4, { 0x66, 0x0F, 0xFE, 0xC1 } },         /* 0c: paddd %xmm1,%xmm0 */
   { 4, { 0x66, 0x0F, 0xEF, 0xD1 } },         /* 10: pxor %xmm1,%xmm2 */
   { 4, { 0x48, 0x83, 0xC6, 0x10 } },         /* 14: add $0x10,%rsi */
   { 2, { 0xFF, 0xC9 } },                     /* 18: dec %ecx */
   { 2, { 0x75, 0xEC } },                     /* 1a: jne 0x8 */
   { 5, { 0x66, 0x48, 0x0F, 0x7E, 0xC0 } },   /* 1c: movq %xmm0,%rax */
   { 5, { 0x66, 0x48, 0x0F, 0x7E, 0xD3 } },   /* 21: movq %xmm2,%rbx */
};

/* callret */
static const Ins p_callret[] = {
   { 2, { 0x31, 0xC0 } },                     /* 00: xor %eax,%eax */
   { 5, { 0xE8, 0x06, 0x00, 0x00, 0x00 } },   /* 02: call 0xd */
   { 2, { 0xFF, 0xC9 } },                     /* 07: dec %ecx */
   { 2, { 0x75, 0xF7 } },                     /* 09: jne 0x2 */
   { 2, { 0xEB, 0x06 } },                     /* 0b: jmp 0x13 */
   { 2, { 0x01, 0xC8 } },                     /* 0d: add %ecx,%eax */
   { 3, { 0x6B, 0xC0, 0x03 } },               /* 0f: imul $0x3,%eax,%eax */
   { 1, { 0xC3 } },                           /* 12: ret */
   { 1, { 0x90 } },                           /* 13: nop */
};

/* helpers_loop */
static const Ins p_helpers_loop[] = {
   { 2, { 0x31, 0xC0 } },                     /* 00: xor %eax,%eax */
   { 2, { 0x31, 0xDB } },                     /* 02: xor %ebx,%ebx */
   { 3, { 0x48, 0x8B, 0x16 } },               /* 04: mov (%rsi),%rdx */
   { 5, { 0xF3, 0x4C, 0x0F, 0xB8, 0xC2 } },   /* 07: popcnt %rdx,%r8 */
   { 3, { 0x4C, 0x01, 0xC0 } },               /* 0c: add %r8,%rax */
   { 4, { 0x4C, 0x0F, 0xBC, 0xCA } },         /* 0f: bsf %rdx,%r9 */
   { 4, { 0x4C, 0x0F, 0x44, 0xC9 } },         /* 13: cmove %rcx,%r9 */
   { 3, { 0x4C, 0x01, 0xCB } },               /* 17: add %r9,%rbx */
   { 4, { 0x48, 0xC1, 0xD3, 0x03 } },         /* 1a: rcl $0x3,%rbx */
   { 3, { 0x49, 0x89, 0xD2 } },               /* 1e: mov %rdx,%r10 */
   { 3, { 0x49, 0xD3, 0xEA } },               /* 21: shr %cl,%r10 */
   { 3, { 0x4C, 0x31, 0xD0 } },               /* 24: xor %r10,%rax */
   { 4, { 0x48, 0x83, 0xC6, 0x08 } },         /* 27: add $0x8,%rsi */
   { 2, { 0xFF, 0xC9 } },                     /* 2b: dec %ecx */
   { 2, { 0x75, 0xD5 } },                     /* 2d: jne 0x4 */
};

/* div_loop */
static const Ins p_div_loop[] = {
   { 7, { 0x49, 0xC7, 0xC0, 0x01, 0x00, 0x00, 0x00 } }, /* 00: mov $0x1,%r8 */
   { 3, { 0x48, 0x89, 0xF0 } },               /* 07: mov %rsi,%rax */
   { 2, { 0x31, 0xD2 } },                     /* 0a: xor %edx,%edx */
   { 3, { 0x49, 0xF7, 0xF0 } },               /* 0c: div %r8 */
   { 3, { 0x48, 0x01, 0xC3 } },               /* 0f: add %rax,%rbx */
   { 3, { 0x48, 0x01, 0xD5 } },               /* 12: add %rdx,%rbp */
   { 3, { 0x49, 0xFF, 0xC0 } },               /* 15: inc %r8 */
   { 3, { 0x49, 0x39, 0xC8 } },               /* 18: cmp %rcx,%r8 */
   { 2, { 0x76, 0xEA } },                     /* 1b: jbe 0x7 */
};

/* branchy */
static const Ins p_branchy[] = {
   { 2, { 0x31, 0xC0 } },                     /* 00: xor %eax,%eax */
   { 2, { 0x31, 0xDB } },                     /* 02: xor %ebx,%ebx */
   { 2, { 0x8B, 0x16 } },                     /* 04: mov (%rsi),%edx */
   { 3, { 0xF6, 0xC2, 0x01 } },               /* 06: test $0x1,%dl */
   { 2, { 0x74, 0x04 } },                     /* 09: je 0xf */
   { 2, { 0x01, 0xD0 } },                     /* 0b: add %edx,%eax */
   { 2, { 0xEB, 0x07 } },                     /* 0d: jmp 0x16 */
   { 2, { 0x29, 0xD3 } },                     /* 0f: sub %edx,%ebx */
   { 2, { 0x39, 0xC3 } },                     /* 11: cmp %eax,%ebx */
   { 3, { 0x0F, 0x4C, 0xC3 } },               /* 13: cmovl %ebx,%eax */
   { 4, { 0x48, 0x83, 0xC6, 0x04 } },         /* 16: add $0x4,%rsi */
   { 2, { 0xFF, 0xC9 } },                     /* 1a: dec %ecx */
   { 2, { 0x75, 0xE6 } },                     /* 1c: jne 0x4 */
};

/* pressure */
static const Ins p_pressure[] = {
   { 3, { 0x48, 0x8B, 0x06 } },               /* 00: mov (%rsi),%rax */
   { 4, { 0x48, 0x8B, 0x5E, 0x08 } },         /* 03: mov 0x8(%rsi),%rbx */
   { 4, { 0x48, 0x8B, 0x4E, 0x10 } },         /* 07: mov 0x10(%rsi),%rcx */
   { 4, { 0x48, 0x8B, 0x56, 0x18 } },         /* 0b: mov 0x18(%rsi),%rdx */
   { 4, { 0x48, 0x8B, 0x7E, 0x20 } },         /* 0f: mov 0x20(%rsi),%rdi */
   { 4, { 0x48, 0x8B, 0x6E, 0x28 } },         /* 13: mov 0x28(%rsi),%rbp */
   { 4, { 0x4C, 0x8B, 0x46, 0x30 } },         /* 17: mov 0x30(%rsi),%r8 */
   { 4, { 0x4C, 0x8B, 0x4E, 0x38 } },         /* 1b: mov 0x38(%rsi),%r9 */
   { 4, { 0x4C, 0x8B, 0x56, 0x40 } },         /* 1f: mov 0x40(%rsi),%r10 */
   { 4, { 0x4C, 0x8B, 0x5E, 0x48 } },         /* 23: mov 0x48(%rsi),%r11 */
   { 4, { 0x4C, 0x8B, 0x66, 0x50 } },         /* 27: mov 0x50(%rsi),%r12 */
   { 4, { 0x4C, 0x8B, 0x6E, 0x58 } },         /* 2b: mov 0x58(%rsi),%r13 */
   { 4, { 0x4C, 0x8B, 0x76, 0x60 } },         /* 2f: mov 0x60(%rsi),%r14 */
   { 4, { 0x4C, 0x8B, 0x7E, 0x68 } },         /* 33: mov 0x68(%rsi),%r15 */
   { 4, { 0x48, 0x0F, 0xAF, 0xC3 } },         /* 37: imul %rbx,%rax */
   { 4, { 0x48, 0x8D, 0x1C, 0x91 } },         /* 3b: lea (%rcx,%rdx,4),%rbx */
   { 3, { 0x48, 0x31, 0xF9 } },               /* 3f: xor %rdi,%rcx */
   { 3, { 0x48, 0x01, 0xEA } },               /* 42: add %rbp,%rdx */
   { 3, { 0x4C, 0x29, 0xC7 } },               /* 45: sub %r8,%rdi */
   { 4, { 0x48, 0xC1, 0xCD, 0x07 } },         /* 48: ror $0x7,%rbp */
   { 4, { 0x4D, 0x0F, 0xAF, 0xC1 } },         /* 4c: imul %r9,%r8 */
   { 3, { 0x4D, 0x11, 0xD1 } },               /* 50: adc %r10,%r9 */
   { 3, { 0x4D, 0x19, 0xDA } },               /* 53: sbb %r11,%r10 */
   { 3, { 0x4D, 0x21, 0xE3 } },               /* 56: and %r12,%r11 */
   { 3, { 0x4D, 0x09, 0xEC } },               /* 59: or %r13,%r12 */
   { 4, { 0x49, 0xC1, 0xE5, 0x03 } },         /* 5c: shl $0x3,%r13 */
   { 3, { 0x49, 0xF7, 0xD6 } },               /* 60: not %r14 */
   { 3, { 0x49, 0xF7, 0xDF } },               /* 63: neg %r15 */
   { 3, { 0x49, 0x01, 0xC7 } },               /* 66: add %rax,%r15 */
   { 3, { 0x49, 0x31, 0xDE } },               /* 69: xor %rbx,%r14 */
   { 3, { 0x49, 0x29, 0xCD } },               /* 6c: sub %rcx,%r13 */
   { 4, { 0x4C, 0x0F, 0xAF, 0xE2 } },         /* 6f: imul %rdx,%r12 */
   { 3, { 0x49, 0x01, 0xFB } },               /* 73: add %rdi,%r11 */
   { 3, { 0x49, 0x31, 0xEA } },               /* 76: xor %rbp,%r10 */
   { 3, { 0x4D, 0x01, 0xC1 } },               /* 79: add %r8,%r9 */
   { 7, { 0x48, 0x89, 0x86, 0x00, 0x01, 0x00, 0x00 } }, /* 7c: mov %rax,0x100(%rsi) */
   { 7, { 0x48, 0x89, 0x9E, 0x08, 0x01, 0x00, 0x00 } }, /* 83: mov %rbx,0x108(%rsi) */
   { 7, { 0x48, 0x89, 0x8E, 0x10, 0x01, 0x00, 0x00 } }, /* 8a: mov %rcx,0x110(%rsi) */
   { 7, { 0x48, 0x89, 0x96, 0x18, 0x01, 0x00, 0x00 } }, /* 91: mov %rdx,0x118(%rsi) */
   { 7, { 0x48, 0x89, 0xBE, 0x20, 0x01, 0x00, 0x00 } }, /* 98: mov %rdi,0x120(%rsi) */
   { 7, { 0x48, 0x89, 0xAE, 0x28, 0x01, 0x00, 0x00 } }, /* 9f: mov %rbp,0x128(%rsi) */
   { 7, { 0x4C, 0x89, 0x86, 0x30, 0x01, 0x00, 0x00 } }, /* a6: mov %r8,0x130(%rsi) */
   { 7, { 0x4C, 0x89, 0x8E, 0x38, 0x01, 0x00, 0x00 } }, /* ad: mov %r9,0x138(%rsi) */
   { 7, { 0x4C, 0x89, 0x96, 0x40, 0x01, 0x00, 0x00 } }, /* b4: mov %r10,0x140(%rsi) */
   { 7, { 0x4C, 0x89, 0x9E, 0x48, 0x01, 0x00, 0x00 } }, /* bb: mov %r11,0x148(%rsi) */
   { 7, { 0x4C, 0x89, 0xA6, 0x50, 0x01, 0x00, 0x00 } }, /* c2: mov %r12,0x150(%rsi) */
   { 7, { 0x4C, 0x89, 0xAE, 0x58, 0x01, 0x00, 0x00 } }, /* c9: mov %r13,0x158(%rsi) */
   { 7, { 0x4C, 0x89, 0xB6, 0x60, 0x01, 0x00, 0x00 } }, /* d0: mov %r14,0x160(%rsi) */
   { 7, { 0x4C, 0x89, 0xBE, 0x68, 0x01, 0x00, 0x00 } }, /* d7: mov %r15,0x168(%rsi) */
};

/* xpressure */
static const Ins p_xpressure[] = {
   { 4, { 0xF3, 0x0F, 0x6F, 0x06 } },         /* 00: movdqu (%rsi),%xmm0 */
   { 5, { 0xF3, 0x0F, 0x6F, 0x4E, 0x10 } },   /* 04: movdqu 0x10(%rsi),%xmm1 */
   { 5, { 0xF3, 0x0F, 0x6F, 0x56, 0x20 } },   /* 09: movdqu 0x20(%rsi),%xmm2 */
   { 5, { 0xF3, 0x0F, 0x6F, 0x5E, 0x30 } },   /* 0e: movdqu 0x30(%rsi),%xmm3 */
   { 5, { 0xF3, 0x0F, 0x6F, 0x66, 0x40 } },   /* 13: movdqu 0x40(%rsi),%xmm4 */
   { 5, { 0xF3, 0x0F, 0x6F, 0x6E, 0x50 } },   /* 18: movdqu 0x50(%rsi),%xmm5 */
   { 5, { 0xF3, 0x0F, 0x6F, 0x76, 0x60 } },   /* 1d: movdqu 0x60(%rsi),%xmm6 */
   { 5, { 0xF3, 0x0F, 0x6F, 0x7E, 0x70 } },   /* 22: movdqu 0x70(%rsi),%xmm7 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0x86, 0x80, 0x00, 0x00, 0x00 } }, /* 27: movdqu 0x80(%rsi),%xmm8 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0x8E, 0x90, 0x00, 0x00, 0x00 } }, /* 30: movdqu 0x90(%rsi),%xmm9 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0x96, 0xA0, 0x00, 0x00, 0x00 } }, /* 39: movdqu 0xa0(%rsi),%xmm10 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0x9E, 0xB0, 0x00, 0x00, 0x00 } }, /* 42: movdqu 0xb0(%rsi),%xmm11 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0xA6, 0xC0, 0x00, 0x00, 0x00 } }, /* 4b: movdqu 0xc0(%rsi),%xmm12 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0xAE, 0xD0, 0x00, 0x00, 0x00 } }, /* 54: movdqu 0xd0(%rsi),%xmm13 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0xB6, 0xE0, 0x00, 0x00, 0x00 } }, /* 5d: movdqu 0xe0(%rsi),%xmm14 */
   { 9, { 0xF3, 0x44, 0x0F, 0x6F, 0xBE, 0xF0, 0x00, 0x00, 0x00 } }, /* 66: movdqu 0xf0(%rsi),%xmm15 */
   { 4, { 0x66, 0x0F, 0xD4, 0xC1 } },         /* 6f: paddq %xmm1,%xmm0 */
   { 4, { 0x66, 0x0F, 0xEF, 0xCA } },         /* 73: pxor %xmm2,%xmm1 */
   { 4, { 0x66, 0x0F, 0xF8, 0xD3 } },         /* 77: psubb %xmm3,%xmm2 */
   { 4, { 0x66, 0x0F, 0xDB, 0xDC } },         /* 7b: pand %xmm4,%xmm3 */
   { 4, { 0x66, 0x0F, 0xEB, 0xE5 } },         /* 7f: por %xmm5,%xmm4 */
   { 4, { 0x66, 0x0F, 0xFD, 0xEE } },         /* 83: paddw %xmm6,%xmm5 */
   { 4, { 0x66, 0x0F, 0x74, 0xF7 } },         /* 87: pcmpeqb %xmm7,%xmm6 */
   { 5, { 0x66, 0x41, 0x0F, 0x60, 0xF8 } },   /* 8b: punpcklbw %xmm8,%xmm7 */
   { 6, { 0x66, 0x45, 0x0F, 0x70, 0xC1, 0x1B } }, /* 90: pshufd $0x1b,%xmm9,%xmm8 */
   { 5, { 0x66, 0x45, 0x0F, 0xFE, 0xCA } },   /* 96: paddd %xmm10,%xmm9 */
   { 6, { 0x66, 0x41, 0x0F, 0x73, 0xF2, 0x03 } }, /* 9b: psllq $0x3,%xmm10 */
   { 5, { 0x66, 0x45, 0x0F, 0xD5, 0xDC } },   /* a1: pmullw %xmm12,%xmm11 */
   { 5, { 0x66, 0x45, 0x0F, 0xDE, 0xE5 } },   /* a6: pmaxub %xmm13,%xmm12 */
   { 5, { 0x66, 0x45, 0x0F, 0xF6, 0xEE } },   /* ab: psadbw %xmm14,%xmm13 */
   { 5, { 0x66, 0x45, 0x0F, 0xE0, 0xF7 } },   /* b0: pavgb %xmm15,%xmm14 */
   { 5, { 0x66, 0x44, 0x0F, 0xD4, 0xF8 } },   /* b5: paddq %xmm0,%xmm15 */
   { 8, { 0xF3, 0x0F, 0x7F, 0x86, 0x00, 0x02, 0x00, 0x00 } }, /* ba: movdqu %xmm0,0x200(%rsi) */
   { 8, { 0xF3, 0x0F, 0x7F, 0xAE, 0x10, 0x02, 0x00, 0x00 } }, /* c2: movdqu %xmm5,0x210(%rsi) */
   { 9, { 0xF3, 0x44, 0x0F, 0x7F, 0x96, 0x20, 0x02, 0x00, 0x00 } }, /* ca: movdqu %xmm10,0x220(%rsi) */
   { 9, { 0xF3, 0x44, 0x0F, 0x7F, 0xBE, 0x30, 0x02, 0x00, 0x00 } }, /* d3: movdqu %xmm15,0x230(%rsi) */
};

/* fault_load */
static const Ins p_fault_load[] = {
   { 4, { 0x48, 0x83, 0xC0, 0x05 } },         /* 00: add $0x5,%rax */
   { 3, { 0x48, 0x89, 0xC3 } },               /* 04: mov %rax,%rbx */
   { 3, { 0x48, 0x31, 0xD9 } },               /* 07: xor %rbx,%rcx */
   { 1, { 0x51 } },                           /* 0a: push %rcx */
   { 3, { 0x4C, 0x8B, 0x02 } },               /* 0b: mov (%rdx),%r8 */
   { 4, { 0x49, 0x83, 0xC0, 0x01 } },         /* 0e: add $0x1,%r8 */
};

/* fault_store */
static const Ins p_fault_store[] = {
   { 3, { 0x48, 0x29, 0xD8 } },               /* 00: sub %rbx,%rax */
   { 5, { 0x48, 0x8D, 0x7C, 0x41, 0x03 } },   /* 03: lea 0x3(%rcx,%rax,2),%rdi */
   { 3, { 0x48, 0xFF, 0xC6 } },               /* 08: inc %rsi */
   { 4, { 0x48, 0x89, 0x7A, 0x08 } },         /* 0b: mov %rdi,0x8(%rdx) */
   { 4, { 0x49, 0x83, 0xC0, 0x01 } },         /* 0f: add $0x1,%r8 */
};

/* fault_rmw */
static const Ins p_fault_rmw[] = {
   { 4, { 0x48, 0x6B, 0xD8, 0x07 } },         /* 00: imul $0x7,%rax,%rbx */
   { 3, { 0x48, 0x01, 0xD9 } },               /* 04: add %rbx,%rcx */
   { 2, { 0x01, 0x0A } },                     /* 07: add %ecx,(%rdx) */
   { 4, { 0x49, 0x83, 0xC0, 0x01 } },         /* 09: add $0x1,%r8 */
};

/* fault_stack */
static const Ins p_fault_stack[] = {
   { 4, { 0x48, 0x83, 0xC0, 0x09 } },         /* 00: add $0x9,%rax */
   { 1, { 0x50 } },                           /* 04: push %rax */
   { 1, { 0x53 } },                           /* 05: push %rbx */
   { 1, { 0x59 } },                           /* 06: pop %rcx */
   { 5, { 0x48, 0x8D, 0x64, 0x24, 0xE8 } },   /* 07: lea -0x18(%rsp),%rsp */
   { 4, { 0x48, 0x89, 0x04, 0x24 } },         /* 0c: mov %rax,(%rsp) */
   { 3, { 0x80, 0x3A, 0x01 } },               /* 10: cmpb $0x1,(%rdx) */
   { 1, { 0x5F } },                           /* 13: pop %rdi */
};

/* fault_loop */
static const Ins p_fault_loop[] = {
   { 2, { 0x31, 0xC9 } },                     /* 00: xor %ecx,%ecx */
   { 4, { 0x48, 0x8B, 0x04, 0xCE } },         /* 02: mov (%rsi,%rcx,8),%rax */
   { 4, { 0x48, 0x89, 0x04, 0xCF } },         /* 06: mov %rax,(%rdi,%rcx,8) */
   { 3, { 0x48, 0x01, 0xC3 } },               /* 0a: add %rax,%rbx */
   { 3, { 0x48, 0xFF, 0xC1 } },               /* 0d: inc %rcx */
   { 2, { 0xEB, 0xF0 } },                     /* 10: jmp 0x2 */
};

#define PROG(p) p, (int)(sizeof p / sizeof p[0])

static const char* only_cls;

static Bool wanted(const char* cls)
{
   return only_cls == NULL || strstr(cls, only_cls) != NULL;
}

/* Builds and runs one case of program P with the registers SET gives. */
static void run_prog(const char* cls, const char* name, const Ins* p, int n,
                     int variant, ULong flag_mask,
                     void (*set)(Case* c, int variant))
{
   Case c;
   char desc[96];
   snprintf(desc, sizeof desc, "%s variant %d", name, variant);
   case_begin(&c, desc);
   c.mem_seed  = 7000u + (UInt)variant * 13u + (UInt)n;
   c.chase     = variant & 1;
   c.in.rflags = variant & 2 ? 0x8D5 : 0;
   c.flag_mask = flag_mask;
   for (int i = 0; i < n; i++)
      case_add_bytes(&c, p[i].b, p[i].n);
   set(&c, variant);
   case_run(cls, &c);
}

/* Loop lengths (all >= 1: most loops are do-while). */
static const ULong lens[] = { 1, 2, 3, 4, 7, 8, 15, 16, 17, 100, 255, 400 };
#define N_LENS ((int)(sizeof lens / sizeof lens[0]))
#define SRC (MID + 0x1000)
#define DST (MID + 0x4000)

static ULong vlen(int v) { return lens[(v / 2) % N_LENS]; }

static void set_csum(Case* c, int v)
{
   c->in.gpr[7] = SRC + (ULong)(v % 5);              /* rdi */
   c->in.gpr[6] = c->in.gpr[7] + vlen(v);            /* rsi: end */
}

static void set_memcpy(Case* c, int v)
{
   c->in.gpr[6] = SRC + (ULong)(v % 3);              /* rsi: source */
   c->in.gpr[7] = DST + (ULong)(v % 7);              /* rdi: destination */
   c->in.gpr[2] = vlen(v);                           /* rdx: count */
}

static void set_memcpy_x(Case* c, int v)
{
   set_memcpy(c, v);
   c->in.gpr[2] = v < 2 ? 0 : vlen(v) % 300;         /* 16-byte blocks */
}

static void set_strlen(Case* c, int v)
{
   c->in.gpr[7] = SRC + (ULong)v * 3;
   /* a zero byte within reach (the random bytes may hold earlier ones) */
   case_patch(c, c->in.gpr[7] + vlen(v), 0x4142434445464700ULL);
}

static void set_nested(Case* c, int v)
{
   c->in.gpr[6] = 1 + (ULong)(v * 7) % 20;           /* rsi: inner */
   c->in.gpr[2] = 1 + (ULong)(v * 5) % 13;           /* rdx: outer */
}

static void set_count_src(Case* c, int v)
{
   c->in.gpr[1] = vlen(v);                           /* rcx: count */
   if (c->in.gpr[1] == 0)
      c->in.gpr[1] = 5;
   c->in.gpr[6] = SRC + (ULong)(v % 9);              /* rsi */
}

/* (two blocks an iteration: the IR side stops after 500 blocks) */
static void set_branchy(Case* c, int v)
{
   set_count_src(c, v);
   c->in.gpr[1] = 1 + vlen(v) % 220;
}

static void set_div(Case* c, int v)
{
   c->in.gpr[6] = 0x123456789ABCDEFULL * (ULong)(v + 1);  /* dividend */
   c->in.gpr[1] = 1 + vlen(v) % 120;                      /* last divisor */
}

static void set_callret(Case* c, int v)
{
   c->in.gpr[1] = 1 + vlen(v) % 60;
}

static void set_pressure(Case* c, int v)
{
   c->in.gpr[6] = SRC + (ULong)(v * 8) % 64;
}

/* Faults: rdx is an address nothing is mapped at. */
static void set_fault(Case* c, int v)
{
   static const ULong bad[] = { 0x100, 0x1000, 0xDEAD0000ULL,
                                0x3FFF00000000ULL };
   c->in.gpr[2] = bad[v % 4] + 8;
   c->in.gpr[0] = 0x0123456789ABCDEFULL * (ULong)(v + 3);
}

static void set_fault_loop(Case* c, int v)
{
   /* the copy runs off the end of the scratch area */
   c->in.gpr[6] = SRC;
   c->in.gpr[7] = NATIVE_SCRATCH_ADDR + NATIVE_SCRATCH_SIZE
                  - 8 * (vlen(v) % 200 + 1);
}

#define FL_ALL_BUT_A (FLAGS_ALL & ~FL_A)

void curated_jit(const char* only)
{
   only_cls = only;
   if (wanted("sb-loop")) {
      static const struct {
         const char* name; const Ins* p; int n;
         void (*set)(Case*, int); int variants; ULong mask;
      } loops[] = {
         { "csum_b",      PROG(p_csum_b),       set_csum,      24, FLAGS_ALL },
         { "csum_gcc",    PROG(p_csum_gcc),     set_csum,      24, FLAGS_ALL },
         { "csum_rot",    PROG(p_csum_rot),     set_csum,      24, FLAGS_ALL },
         { "memcpy_b",    PROG(p_memcpy_b),     set_memcpy,    24, FLAGS_ALL },
         { "memcpy_q",    PROG(p_memcpy_q),     set_memcpy,    24, FLAGS_ALL },
         { "memcpy_x",    PROG(p_memcpy_x),     set_memcpy_x,  24, FLAGS_ALL },
         { "memcpy_down", PROG(p_memcpy_down),  set_memcpy,    24, FLAGS_ALL },
         { "bignum_adc",  PROG(p_bignum_adc),   set_memcpy,    24, FLAGS_ALL },
         { "strlen",      PROG(p_strlen),       set_strlen,    24, FLAGS_ALL },
         { "nested",      PROG(p_nested),       set_nested,    16, FLAGS_ALL },
         { "sse_sum",     PROG(p_sse_sum),      set_count_src, 24, FLAGS_ALL },
         { "helpers",     PROG(p_helpers_loop), set_count_src, 24, FLAGS_ALL },
         { "div_loop",    PROG(p_div_loop),     set_div,       16, FLAGS_ALL },
         { "branchy",     PROG(p_branchy),      set_branchy,   24, FLAGS_ALL },
      };
      for (unsigned i = 0; i < sizeof loops / sizeof loops[0]; i++)
         for (int v = 0; v < loops[i].variants; v++)
            run_prog("sb-loop", loops[i].name, loops[i].p, loops[i].n, v,
                     loops[i].mask, loops[i].set);
   }
   if (wanted("sb-call"))
      for (int v = 0; v < 16; v++)
         run_prog("sb-call", "callret", PROG(p_callret), v, FLAGS_ALL,
                  set_callret);
   if (wanted("sb-pressure"))
      for (int v = 0; v < 16; v++) {
         run_prog("sb-pressure", "pressure", PROG(p_pressure), v, FLAGS_ALL,
                  set_pressure);
         run_prog("sb-pressure", "xpressure", PROG(p_xpressure), v,
                  FLAGS_ALL, set_pressure);
      }
   if (wanted("sb-fault"))
      for (int v = 0; v < 8; v++) {
         run_prog("sb-fault", "fault_load", PROG(p_fault_load), v,
                  FL_ALL_BUT_A, set_fault);
         run_prog("sb-fault", "fault_store", PROG(p_fault_store), v,
                  FLAGS_ALL, set_fault);
         run_prog("sb-fault", "fault_rmw", PROG(p_fault_rmw), v, FLAGS_ALL,
                  set_fault);
         run_prog("sb-fault", "fault_stack", PROG(p_fault_stack), v,
                  FLAGS_ALL, set_fault);
         run_prog("sb-fault", "fault_loop", PROG(p_fault_loop), v,
                  FLAGS_ALL, set_fault_loop);
      }
}

/* ------------------------------------------------------------------ */
/* random-ctrl: random sequences with forward branches                */
/* ------------------------------------------------------------------ */

/* Sequences of the random generator's integer instructions (vexdiff.c)
   with `cmp; jcc' and `jmp' to later instructions (or the end) among
   them, so that blocks have side exits, end early, chase (or not) and
   join again.  The flags a merge point may see undefined (on any path
   into it) are not read afterwards, nor compared at the end. */

#define CTRL_MAX 30

typedef struct {
   int     kind;        /* 0: instruction, 1: cmp + jcc, 2: jmp */
   EncSpec s;
   int     cc, ra, rb;  /* jcc condition; cmp %ra,%rb */
   int     target;      /* item index branched to (n = the end) */
   Int     len;         /* bytes */
} CtrlItem;

static void random_ctrl_one(Rng* r, int q, ULong seed)
{
   static const int regs[] = { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13 };
   Case c;
   char desc[64];
   snprintf(desc, sizeof desc, "random-ctrl sequence %d (seed %llu)", q,
            seed);
   case_begin(&c, desc);
   for (int i = 0; i < 16; i++)
      c.in.gpr[i] = rnd_value(r);
   c.in.gpr[4]  = NATIVE_SCRATCH_MID - 0x100;
   c.in.gpr[14] = rng_below(r, 8);
   c.in.gpr[15] = NATIVE_SCRATCH_MID;
   c.in.rflags  = rng_next(r) & 0x8D5;
   c.mem_seed   = (UInt)rng_next(r);
   c.chase      = rng_below(r, 2);

   CtrlItem it[CTRL_MAX];
   ULong    in_undef[CTRL_MAX + 1];
   int n = 4 + (int)rng_below(r, CTRL_MAX - 4);
   for (int i = 0; i <= n; i++)
      in_undef[i] = 0;
   /* Choose the items; instructions are generated at the end of C, whose
      bytes are thrown away below (only their lengths and specs count). */
   ULong undef = 0;
   int k = 0;
   for (; k < n; k++) {
      undef |= in_undef[k];
      CtrlItem* x = &it[k];
      UInt what = rng_below(r, 10);
      if (what < 2 || (what < 3 && k + 1 < n)) {
         x->kind   = what < 2 ? 1 : 2;
         x->target = k + 1 + (int)rng_below(r, (UInt)(n - k));
         x->cc     = (int)rng_below(r, 16);
         x->ra     = regs[rng_below(r, 13)];
         x->rb     = regs[rng_below(r, 13)];
         if (x->kind == 1)
            undef = 0;                       /* cmp defines them all */
         in_undef[x->target] |= undef;
         x->len = x->kind == 1 ? 3 + 6 : 5;
         continue;
      }
      x->kind = 0;
      if (!random_insn(r, &c, &x->s, &undef))
         break;
      UChar tmp[16];
      x->len = enc_insn(&x->s, tmp);
      if (x->len < 0)
         return;
   }
   n = k;
   for (int i = 0; i < n; i++)
      if (it[i].kind != 0 && it[i].target > n)
         it[i].target = n;
   undef |= in_undef[n];

   /* Lay out and emit. */
   Int off[CTRL_MAX + 1];
   off[0] = 0;
   for (int i = 0; i < n; i++)
      off[i + 1] = off[i] + it[i].len;
   c.len = 0;
   c.n   = 0;
   for (int i = 0; i < n; i++) {
      CtrlItem* x = &it[i];
      Addr64 at = NATIVE_CODE_ADDR + (Addr64)off[i];
      if (x->kind == 0) {
         x->s.addr = at;
         UChar b[16];
         Int l = enc_insn(&x->s, b);
         if (l != x->len)
            return;
         case_add_bytes(&c, b, l);
         continue;
      }
      Int rel;
      if (x->kind == 1) {
         UChar cmp[3] = { (UChar)(0x48 | (x->ra >= 8 ? 4 : 0)
                                  | (x->rb >= 8 ? 1 : 0)),
                          0x39,
                          (UChar)(0xC0 | ((x->ra & 7) << 3) | (x->rb & 7)) };
         case_add_bytes(&c, cmp, 3);
         rel = off[x->target] - (off[i] + 9);
         UChar jcc[6] = { 0x0F, (UChar)(0x80 + x->cc), (UChar)rel,
                          (UChar)(rel >> 8), (UChar)(rel >> 16),
                          (UChar)(rel >> 24) };
         case_add_bytes(&c, jcc, 6);
      } else {
         rel = off[x->target] - (off[i] + 5);
         UChar jmp[5] = { 0xE9, (UChar)rel, (UChar)(rel >> 8),
                          (UChar)(rel >> 16), (UChar)(rel >> 24) };
         case_add_bytes(&c, jmp, 5);
      }
   }
   c.flag_mask = FLAGS_ALL & ~undef;
   case_run("random-ctrl", &c);
}

void random_ctrl(int n_seq, ULong seed)
{
   build_rnd_pool(False);
   Rng r = { seed };
   for (int q = 0; q < n_seq; q++)
      random_ctrl_one(&r, q, seed);
}
