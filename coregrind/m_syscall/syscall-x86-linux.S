/* Raw system call and signal-return trampolines for x86-linux. */
#include "vki/vki-scnums-x86-linux.h"

/* UWord vgPlain_do_syscall_raw(UWord no, UWord a1, ..., UWord a6)
   cdecl passes everything on the stack; `int $0x80` wants no in eax and
   the arguments in ebx, ecx, edx, esi, edi, ebp.  ebx, esi, edi and ebp
   are callee-saved, so they are saved around the call.
   Returns the kernel's raw eax (-4095..-1 means -errno). */
	.text
	.globl vgPlain_do_syscall_raw
	.type  vgPlain_do_syscall_raw, @function
vgPlain_do_syscall_raw:
	.cfi_startproc
	pushl	%ebx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ebx, 0
	pushl	%esi
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset esi, 0
	pushl	%edi
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset edi, 0
	pushl	%ebp
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ebp, 0
	/* four saved registers and the return address lie below no */
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	int	$0x80
	popl	%ebp
	.cfi_adjust_cfa_offset -4
	.cfi_restore ebp
	popl	%edi
	.cfi_adjust_cfa_offset -4
	.cfi_restore edi
	popl	%esi
	.cfi_adjust_cfa_offset -4
	.cfi_restore esi
	popl	%ebx
	.cfi_adjust_cfa_offset -4
	.cfi_restore ebx
	ret
	.cfi_endproc
	.size vgPlain_do_syscall_raw, .-vgPlain_do_syscall_raw

/* Where a signal handler of the core returns to (the sa_restorer of its
   sigaction).  x86 builds two kinds of frame: with SA_SIGINFO an "rt"
   frame, undone by rt_sigreturn; without, the old frame, whose signal
   number must be popped before sigreturn.  These are the instruction
   sequences unwinders recognise as signal frames. */
	.globl vgPlain_sigreturn_trampoline
	.type  vgPlain_sigreturn_trampoline, @function
vgPlain_sigreturn_trampoline:
	movl	$__NR_rt_sigreturn, %eax
	int	$0x80
	ud2
	.size vgPlain_sigreturn_trampoline, .-vgPlain_sigreturn_trampoline

	.globl vgPlain_sigreturn_trampoline_nonrt
	.type  vgPlain_sigreturn_trampoline_nonrt, @function
vgPlain_sigreturn_trampoline_nonrt:
	popl	%eax
	movl	$__NR_sigreturn, %eax
	int	$0x80
	ud2
	.size vgPlain_sigreturn_trampoline_nonrt, .-vgPlain_sigreturn_trampoline_nonrt

	.section .note.GNU-stack,"",@progbits
