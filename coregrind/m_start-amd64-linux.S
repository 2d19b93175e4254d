/* Entry point of a tool executable on amd64-linux.  The kernel starts us
   with %rsp pointing at argc; hand that pointer to C with the stack
   aligned as the ABI requires at a call.  There is no libc start-up. */
	.text
	.globl _start
	.type  _start, @function
_start:
	xorl	%ebp, %ebp		/* marks the outermost frame for backtraces */
	movq	%rsp, %rdi
	andq	$-16, %rsp
	call	vgPlain_start_in_C
	hlt
	.size _start, .-_start

	.section .note.GNU-stack,"",@progbits
