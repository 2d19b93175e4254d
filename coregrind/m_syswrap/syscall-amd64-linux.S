/* The client's system calls on amd64-linux, made so that a signal can
   interrupt them at a known point (the signals module's
   do_syscall_for_client; the protocol is documented in
   docs/internals/signals.md and in m_signals.c).

   void vgModuleLocal_do_syscall_for_client_WRK(VgSyscallBlock* b)

   The block (struct VgSyscallBlock, pub_core_signals.h; m_signals.c
   checks these offsets):
        0  sysno
        8  arg1 .. 48 arg6
       56  interrupt   pointer to the thread's word, nonzero when a
                       signal is waiting to be delivered to it
       64  result      the kernel's raw %rax
       72  completed   1: the call ran (result is valid);
                       0: it did not, the caller must arrange for the
                       guest to make it again once the signal has been
                       delivered

   The host signal mask is the client's all along (no mask is changed
   here: the core runs with the client's mask, see m_signals.c), so a
   signal the client does not block may arrive at any instruction.  The
   core's signal handler looks at the interrupted %rip:

     [setup_start, syscall_insn)   not started: it sends the thread to
                                   not_started.
     syscall_insn, %r11 == MAGIC   not started (the signal came just
                                   before the instruction): the same.
     syscall_insn, %r11 != MAGIC   the kernel interrupted the call and
                                   backed %rip up to restart it (the
                                   core's handlers have SA_RESTART; the
                                   syscall instruction put RFLAGS in
                                   %r11, never MAGIC): not_started if the
                                   client's action has SA_RESTART,
                                   otherwise syscall_done with %rax =
                                   -EINTR.
     [syscall_done, end)           completed: nothing to change.

   The interrupt word closes the window before setup_start: a signal
   that arrived since the scheduler last delivered signals makes the
   call return at once as not started. */

#define MAGIC_R11 0x5ca11ed5a7ed5ca1

	.text
	.globl vgModuleLocal_do_syscall_for_client_WRK
	.type  vgModuleLocal_do_syscall_for_client_WRK, @function
vgModuleLocal_do_syscall_for_client_WRK:
	pushq	%rbx
	movq	%rdi, %rbx

	.globl vgModuleLocal_sc_setup_start
vgModuleLocal_sc_setup_start:
	movq	56(%rbx), %rax
	cmpl	$0, (%rax)
	jne	vgModuleLocal_sc_not_started
	movq	8(%rbx), %rdi
	movq	16(%rbx), %rsi
	movq	24(%rbx), %rdx
	movq	32(%rbx), %r10
	movq	40(%rbx), %r8
	movq	48(%rbx), %r9
	movq	0(%rbx), %rax
	movabsq	$MAGIC_R11, %r11

	.globl vgModuleLocal_sc_syscall_insn
vgModuleLocal_sc_syscall_insn:
	syscall

	.globl vgModuleLocal_sc_syscall_done
vgModuleLocal_sc_syscall_done:
	movq	%rax, 64(%rbx)
	movq	$1, 72(%rbx)
	popq	%rbx
	ret

	.globl vgModuleLocal_sc_not_started
vgModuleLocal_sc_not_started:
	movq	$0, 72(%rbx)
	popq	%rbx
	ret

	.globl vgModuleLocal_sc_end
vgModuleLocal_sc_end:
	.size vgModuleLocal_do_syscall_for_client_WRK, .-vgModuleLocal_do_syscall_for_client_WRK

	.section .note.GNU-stack,"",@progbits
