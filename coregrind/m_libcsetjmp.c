/* A minimal setjmp/longjmp (module m_libcsetjmp; see
   pub_core_libcsetjmp.h).  Assembly per architecture. */
#include "pub_core_basics.h"
#include "pub_core_libcsetjmp.h"

#if defined(VGA_amd64)

/* The buffer: 0 rbx, 8 rbp, 16 r12, 24 r13, 32 r14, 40 r15, 48 the
   stack pointer the caller has after the call returns, 56 the return
   address.  longjmp needs nothing of the stack it is entered on. */
__asm__(
"	.text\n"
"	.globl vgPlain_minimal_setjmp\n"
"	.type  vgPlain_minimal_setjmp, @function\n"
"vgPlain_minimal_setjmp:\n"
"	movq	%rbx, 0(%rdi)\n"
"	movq	%rbp, 8(%rdi)\n"
"	movq	%r12, 16(%rdi)\n"
"	movq	%r13, 24(%rdi)\n"
"	movq	%r14, 32(%rdi)\n"
"	movq	%r15, 40(%rdi)\n"
"	leaq	8(%rsp), %rax\n"
"	movq	%rax, 48(%rdi)\n"
"	movq	0(%rsp), %rax\n"
"	movq	%rax, 56(%rdi)\n"
"	xorl	%eax, %eax\n"
"	ret\n"
"	.size vgPlain_minimal_setjmp, .-vgPlain_minimal_setjmp\n"
"\n"
"	.globl vgPlain_minimal_longjmp\n"
"	.type  vgPlain_minimal_longjmp, @function\n"
"vgPlain_minimal_longjmp:\n"
"	movq	0(%rdi), %rbx\n"
"	movq	8(%rdi), %rbp\n"
"	movq	16(%rdi), %r12\n"
"	movq	24(%rdi), %r13\n"
"	movq	32(%rdi), %r14\n"
"	movq	40(%rdi), %r15\n"
"	movq	48(%rdi), %rsp\n"
"	movl	$1, %eax\n"
"	jmpq	*56(%rdi)\n"
"	.size vgPlain_minimal_longjmp, .-vgPlain_minimal_longjmp\n"
);

#else
#  error "m_libcsetjmp: architecture not supported yet"
#endif
