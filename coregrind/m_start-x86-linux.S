/* Entry point of a tool executable on x86-linux.  The kernel starts us
   with %esp pointing at argc; hand that pointer to C, with the stack
   16-byte aligned at the call as the i386 ABI (as gcc uses it) requires.
   There is no libc start-up. */
	.text
	.globl _start
	.type  _start, @function
_start:
	xorl	%ebp, %ebp		/* marks the outermost frame for backtraces */
	movl	%esp, %eax
	andl	$-16, %esp
	subl	$12, %esp		/* so that the argument push realigns */
	pushl	%eax
	call	vgPlain_start_in_C
	hlt
	.size _start, .-_start

	.section .note.GNU-stack,"",@progbits
