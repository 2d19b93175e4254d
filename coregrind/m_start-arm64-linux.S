/* Entry point of a tool executable on arm64-linux.  The kernel starts us
   with sp pointing at argc; hand that pointer to C in x0.  The AArch64
   ABI wants sp 16-byte aligned at all times; the kernel provides that,
   and we enforce it rather than trust it.  There is no libc start-up. */
	.text
	.globl _start
	.type  _start, %function
_start:
	mov	x29, #0			/* mark the outermost frame for backtraces */
	mov	x30, #0
	mov	x0, sp
	and	x1, x0, #-16
	mov	sp, x1
	bl	vgPlain_start_in_C
	brk	#0
	.size _start, .-_start

	.section .note.GNU-stack,"",%progbits
