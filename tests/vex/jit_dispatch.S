/* A miniature dispatcher for vexdiff's JIT executor (jit_exec.c): the
   exit protocol of VEX/priv/host_amd64_defs.h, without a fast cache or a
   translation table.  Single-threaded: results go to globals.

   UWord jd_run(void* guest_state, const void* host_code)

   Saves the callee-saved registers, sets MXCSR and the x87 control word
   to the defaults translations assume (0x1F80, 0x037F), and jumps to
   HOST_CODE with %rbp = GUEST_STATE and %rsp 16-byte aligned.  Every
   exit comes back here and returns:
     1  chain-me to the slow entry point  (jd_site = the patch site)
     2  chain-me to the fast entry point  (jd_site = the patch site)
     3  xindir                            (next PC in the guest state)
     4  xassisted                         (jd_trc = the VEX_TRC_JMP_*)
     5  the event check failed
   plus 8 when the translation left MXCSR (ignoring its status flags) or
   the x87 control word changed; they are reset to the defaults then. */

	.text

	.globl jd_run
	.type  jd_run, @function
jd_run:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	/* Entered with %rsp = 8 mod 16; six pushes and 8 more make 0. */
	subq	$8, %rsp
	ldmxcsr	jd_mxcsr_default(%rip)
	fldcw	jd_fpucw_default(%rip)
	movq	%rdi, %rbp
	jmp	*%rsi
	.size jd_run, .-jd_run

/* An unchained XDirect: `call *%r11' at site+10 pushed site+13. */
	.globl jd_chain_me_slow
	.type  jd_chain_me_slow, @function
jd_chain_me_slow:
	popq	%rax
	subq	$13, %rax
	movq	%rax, jd_site(%rip)
	movl	$1, %eax
	jmp	jd_out
	.size jd_chain_me_slow, .-jd_chain_me_slow

	.globl jd_chain_me_fast
	.type  jd_chain_me_fast, @function
jd_chain_me_fast:
	popq	%rax
	subq	$13, %rax
	movq	%rax, jd_site(%rip)
	movl	$2, %eax
	jmp	jd_out
	.size jd_chain_me_fast, .-jd_chain_me_fast

	.globl jd_xindir
	.type  jd_xindir, @function
jd_xindir:
	movl	$3, %eax
	jmp	jd_out
	.size jd_xindir, .-jd_xindir

/* %rbp holds the reason, not the guest state. */
	.globl jd_xassisted
	.type  jd_xassisted, @function
jd_xassisted:
	movq	%rbp, jd_trc(%rip)
	movl	$4, %eax
	jmp	jd_out
	.size jd_xassisted, .-jd_xassisted

	.globl jd_evfail
	.type  jd_evfail, @function
jd_evfail:
	movl	$5, %eax
	.size jd_evfail, .-jd_evfail
	/* fall through */

jd_out:
	/* The frame's padding word is free: check the control words. */
	stmxcsr	0(%rsp)
	movl	0(%rsp), %ecx
	andl	$0xFFFFFFC0, %ecx
	cmpl	jd_mxcsr_default(%rip), %ecx
	jne	jd_bad_cw
	fnstcw	0(%rsp)
	movzwl	0(%rsp), %ecx
	cmpw	jd_fpucw_default(%rip), %cx
	je	jd_ret
jd_bad_cw:
	orl	$8, %eax
	ldmxcsr	jd_mxcsr_default(%rip)
	fldcw	jd_fpucw_default(%rip)
jd_ret:
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret

	.data
	.balign 8
	.globl jd_site
	.hidden jd_site
jd_site:
	.quad	0
	.globl jd_trc
	.hidden jd_trc
jd_trc:
	.quad	0

	.section .rodata
	.balign 4
jd_mxcsr_default:
	.long	0x1F80
jd_fpucw_default:
	.short	0x037F

	.section .note.GNU-stack,"",@progbits
