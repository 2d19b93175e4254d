/* Raw system call and signal-return trampoline for arm64-linux. */
#include "vki/vki-scnums-arm64-linux.h"

/* UWord vgPlain_do_syscall_raw(UWord no, UWord a1, ..., UWord a6)
   C passes no,a1..a6 in x0..x6; `svc #0` wants no in x8 and the
   arguments in x0..x5.  Returns the kernel's raw x0 (-4095..-1 means
   -errno). */
	.text
	.globl vgPlain_do_syscall_raw
	.type  vgPlain_do_syscall_raw, %function
vgPlain_do_syscall_raw:
	mov	x8, x0
	mov	x0, x1
	mov	x1, x2
	mov	x2, x3
	mov	x3, x4
	mov	x4, x5
	mov	x5, x6
	svc	#0
	ret
	.size vgPlain_do_syscall_raw, .-vgPlain_do_syscall_raw

/* Where a signal handler of the core returns to (the sa_restorer of its
   sigaction; without one the kernel would use the vDSO's): rt_sigreturn
   restores the interrupted context from the kernel's frame on the
   stack.  This is the sequence unwinders recognise as a signal frame. */
	.globl vgPlain_sigreturn_trampoline
	.type  vgPlain_sigreturn_trampoline, %function
vgPlain_sigreturn_trampoline:
	mov	x8, #__NR_rt_sigreturn
	svc	#0
	brk	#0
	.size vgPlain_sigreturn_trampoline, .-vgPlain_sigreturn_trampoline

	.section .note.GNU-stack,"",%progbits
