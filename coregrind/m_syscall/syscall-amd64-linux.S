/* Raw system call and signal-return trampoline for amd64-linux. */
#include "vki/vki-scnums-amd64-linux.h"

/* UWord vgPlain_do_syscall_raw(UWord no, UWord a1, ..., UWord a6)
   C passes no,a1..a5 in rdi,rsi,rdx,rcx,r8,r9 and a6 on the stack; the
   kernel wants no in rax and the arguments in rdi,rsi,rdx,r10,r8,r9.
   Returns the kernel's raw rax (-4095..-1 means -errno). */
	.text
	.globl vgPlain_do_syscall_raw
	.type  vgPlain_do_syscall_raw, @function
vgPlain_do_syscall_raw:
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8,  %r10
	movq	%r9,  %r8
	movq	8(%rsp), %r9
	syscall
	ret
	.size vgPlain_do_syscall_raw, .-vgPlain_do_syscall_raw

/* Where a signal handler of the core returns to (installed as the
   sa_restorer of its sigaction): the kernel's frame is still on the
   stack, and rt_sigreturn restores the interrupted context from it.
   This exact instruction pair is what unwinders recognise as a signal
   frame. */
	.globl vgPlain_sigreturn_trampoline
	.type  vgPlain_sigreturn_trampoline, @function
vgPlain_sigreturn_trampoline:
	movq	$__NR_rt_sigreturn, %rax
	syscall
	ud2
	.size vgPlain_sigreturn_trampoline, .-vgPlain_sigreturn_trampoline

	.section .note.GNU-stack,"",@progbits
