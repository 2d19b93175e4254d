/* The dispatcher for amd64-linux: the only way into translated code and
   the exits back out of it (module m_dispatch; the protocol is the one
   documented at the top of VEX/priv/host_amd64_defs.h).

   UWord vgPlain_disp_run_translations(UWord* two_words,
                                       void* guest_state,
                                       Addr host_addr,
                                       void* fast_cache)

   Saves the callee-saved registers, keeps its three arguments in its own
   frame, puts the SSE and x87 control words in the state translations
   assume, and jumps to HOST_ADDR with %rbp = GUEST_STATE and %rsp 16-byte
   aligned.  Translated code runs (chained blocks jump to each other
   directly; indirect jumps come back through disp_cp_xindir and, on a
   fast-cache hit, go straight on) until some exit needs the scheduler.
   Then two_words[0] = the TRC (a VG_TRC_* or, from an assisted exit, the
   VEX_TRC_JMP_* value), two_words[1] = the extra word (the patch site
   for a chain-me, the guest address for a fast-cache miss, else 0), and
   the TRC is also the return value.

   The frame, from the (16-aligned) %rsp translations run with:
        0(%rsp)   FAST_CACHE    this thread's fast cache
        8(%rsp)   GUEST_STATE   (translations leave %rbp to it, except an
                                 assisted exit, which puts the TRC there)
       16(%rsp)   TWO_WORDS
       24..64     %r15 %r14 %r13 %r12 %rbp %rbx
       72(%rsp)   return address
   Translated code keeps %rsp balanced, so every exit finds the frame at
   %rsp again (a chain-me call has pushed its return address, which the
   stub pops).  Nothing here uses a global: several threads may run
   translations at once, each with its own frame, guest state and fast
   cache. */
#include "pub_core_dispatch_asm.h"
#include "pub_core_transtab_asm.h"

	.text

	.globl vgPlain_disp_run_translations
	.type  vgPlain_disp_run_translations, @function
vgPlain_disp_run_translations:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	pushq	%rdi			/* two_words */
	pushq	%rsi			/* guest_state */
	pushq	%rcx			/* fast_cache */
	/* Entered with %rsp = 8 mod 16; nine pushes make it 0 mod 16. */
	ldmxcsr	vg_disp_mxcsr_default(%rip)
	fldcw	vg_disp_fpucw_default(%rip)
	movq	%rsi, %rbp
	jmp	*%rdx
	.size vgPlain_disp_run_translations, .-vgPlain_disp_run_translations

/* ------------------------------------------------------------------ */
/* The exits.  Each leaves the TRC in %rax and the extra word in %rdx  */
/* and goes to the postamble.                                          */
/* ------------------------------------------------------------------ */

/* An unchained XDirect: `call *%r11' at site+10 pushed site+13. */
	.globl vgPlain_disp_cp_chain_me_to_slowEP
	.type  vgPlain_disp_cp_chain_me_to_slowEP, @function
vgPlain_disp_cp_chain_me_to_slowEP:
	popq	%rdx
	subq	$13, %rdx
	movl	$VG_TRC_CHAIN_ME_TO_SLOW_EP, %eax
	jmp	disp_postamble
	.size vgPlain_disp_cp_chain_me_to_slowEP, .-vgPlain_disp_cp_chain_me_to_slowEP

	.globl vgPlain_disp_cp_chain_me_to_fastEP
	.type  vgPlain_disp_cp_chain_me_to_fastEP, @function
vgPlain_disp_cp_chain_me_to_fastEP:
	popq	%rdx
	subq	$13, %rdx
	movl	$VG_TRC_CHAIN_ME_TO_FAST_EP, %eax
	jmp	disp_postamble
	.size vgPlain_disp_cp_chain_me_to_fastEP, .-vgPlain_disp_cp_chain_me_to_fastEP

/* An XIndir: the next guest PC is in the guest state.  Probe this
   thread's fast cache; on a hit go straight to the translation. */
	.globl vgPlain_disp_cp_xindir
	.type  vgPlain_disp_cp_xindir, @function
vgPlain_disp_cp_xindir:
	movq	VG_DISP_AMD64_OFFB_RIP(%rbp), %rax
	movq	0(%rsp), %rcx
	movq	%rax, %rbx
	shrq	$VG_TT_FAST_BITS, %rbx
	xorq	%rax, %rbx
	andq	$VG_TT_FAST_MASK, %rbx
	shlq	$VG_TT_FAST_ENTRY_LOG2, %rbx
	addq	%rcx, %rbx
	addq	$1, VG_TT_FAST_OFFB_N_LOOKUPS(%rcx)
	cmpq	0(%rbx), %rax
	jne	disp_fast_miss
	jmp	*8(%rbx)
disp_fast_miss:
	addq	$1, VG_TT_FAST_OFFB_N_MISSES(%rcx)
	/* fall through */
	.size vgPlain_disp_cp_xindir, .-vgPlain_disp_cp_xindir

/* A miss.  Also the host address of every empty fast-cache entry, so it
   may be entered by the jump above with %rbp = the guest state. */
	.globl vgPlain_disp_cp_fastmiss
	.type  vgPlain_disp_cp_fastmiss, @function
vgPlain_disp_cp_fastmiss:
	movq	VG_DISP_AMD64_OFFB_RIP(%rbp), %rdx
	movl	$VG_TRC_INNER_FASTMISS, %eax
	jmp	disp_postamble
	.size vgPlain_disp_cp_fastmiss, .-vgPlain_disp_cp_fastmiss

/* An XAssisted: %rbp holds the VEX_TRC_JMP_* reason. */
	.globl vgPlain_disp_cp_xassisted
	.type  vgPlain_disp_cp_xassisted, @function
vgPlain_disp_cp_xassisted:
	movq	%rbp, %rax
	xorl	%edx, %edx
	jmp	disp_postamble
	.size vgPlain_disp_cp_xassisted, .-vgPlain_disp_cp_xassisted

/* A failed event check (the address in host_EvC_FAILADDR). */
	.globl vgPlain_disp_cp_evcheck_fail
	.type  vgPlain_disp_cp_evcheck_fail, @function
vgPlain_disp_cp_evcheck_fail:
	movl	$VG_TRC_INNER_COUNTERZERO, %eax
	xorl	%edx, %edx
	jmp	disp_postamble
	.size vgPlain_disp_cp_evcheck_fail, .-vgPlain_disp_cp_evcheck_fail

/* ------------------------------------------------------------------ */
/* The postamble: check the invariants, store the result, return.     */
/* ------------------------------------------------------------------ */

	.type  disp_postamble, @function
disp_postamble:
	/* The control words must be as translations found them: generated
	   code that changes the SSE rounding mode puts it back before it
	   leaves.  The MXCSR status flags (bits 0..5) may have changed.
	   (No red zone: the core is built without one.) */
	subq	$16, %rsp
	stmxcsr	8(%rsp)
	fnstcw	0(%rsp)
	movl	8(%rsp), %ecx
	movzwl	0(%rsp), %esi
	addq	$16, %rsp
	andl	$0xFFFFFFC0, %ecx
	cmpl	$VG_MXCSR_DEFAULT, %ecx
	jne	disp_invariant_failed
	cmpl	$VG_FPUCW_DEFAULT, %esi
	jne	disp_invariant_failed
disp_store:
	popq	%rcx			/* fast_cache */
	popq	%rsi			/* guest_state */
	popq	%rdi			/* two_words */
	movq	%rax, 0(%rdi)
	movq	%rdx, 8(%rdi)
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret
disp_invariant_failed:
	/* Put the defaults back for the core's own code, and say so. */
	ldmxcsr	vg_disp_mxcsr_default(%rip)
	fldcw	vg_disp_fpucw_default(%rip)
	movl	$VG_TRC_INVARIANT_FAILED, %eax
	xorl	%edx, %edx
	jmp	disp_store
	.size disp_postamble, .-disp_postamble

	.section .rodata
	.balign 4
vg_disp_mxcsr_default:
	.long	VG_MXCSR_DEFAULT
vg_disp_fpucw_default:
	.short	VG_FPUCW_DEFAULT

	.section .note.GNU-stack,"",@progbits
