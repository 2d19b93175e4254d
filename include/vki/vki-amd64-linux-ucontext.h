/* amd64-linux: what a signal handler is given (arch/x86/include/uapi/asm/
   sigcontext.h and ucontext.h).  Included at the end of vki-linux.h,
   after the generic types (vki_stack_t, vki_sigset_t, vki_siginfo_t)
   that struct vki_ucontext is built from.

   The kernel's rt_sigframe (arch/x86/include/asm/sigframe.h, not part of
   the UAPI) is, from the handler's stack pointer up:
        0   return address (the action's sa_restorer)
        8   struct vki_ucontext       304 bytes
      312   vki_siginfo_t             128 bytes
   and, above it, 64-byte aligned, the FPU state uc_mcontext.fpstate
   points to. */
#ifndef __VKI_AMD64_LINUX_UCONTEXT_H
#define __VKI_AMD64_LINUX_UCONTEXT_H

/* The FXSAVE image (struct _fpstate_64): 512 bytes.  On a CPU with
   XSAVE the kernel appends the extended state and marks sw_reserved;
   the emulated CPU has no XSAVE, so the frame holds this alone. */
struct _vki_fpstate {
   unsigned short     cwd;
   unsigned short     swd;
   unsigned short     ftw;          /* abridged tags: bit i = ST(i) full */
   unsigned short     fop;
   unsigned long long rip;
   unsigned long long rdp;
   unsigned int       mxcsr;
   unsigned int       mxcsr_mask;
   unsigned int       st_space[32]; /* 8 registers, 16 bytes each */
   unsigned int       xmm_space[64];/* 16 registers, 16 bytes each */
   unsigned int       reserved2[12];
   unsigned int       sw_reserved[12];
};

/* The registers (struct sigcontext, 256 bytes): glibc's mcontext_t. */
struct vki_sigcontext {
   unsigned long long r8, r9, r10, r11, r12, r13, r14, r15;
   unsigned long long rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp;
   unsigned long long rip;
   unsigned long long eflags;
   unsigned short     cs, gs, fs, ss;
   unsigned long long err;          /* the trap's error code */
   unsigned long long trapno;       /* the trap's vector */
   unsigned long long oldmask;      /* the saved mask's first word */
   unsigned long long cr2;          /* the faulting address of a #PF */
   struct _vki_fpstate* fpstate;    /* NULL: the FPU's initial state */
   unsigned long long reserved1[8];
};

/* uc_flags */
#define VKI_UC_FP_XSTATE         0x1
#define VKI_UC_SIGCONTEXT_SS     0x2
#define VKI_UC_STRICT_RESTORE_SS 0x4

/* The kernel's ucontext (304 bytes; glibc's ucontext_t starts with the
   same fields, its sigset is longer). */
struct vki_ucontext {
   unsigned long         uc_flags;
   struct vki_ucontext*  uc_link;
   vki_stack_t           uc_stack;
   struct vki_sigcontext uc_mcontext;
   vki_sigset_t          uc_sigmask;   /* last, for extensibility */
};

/* Selectors of 64-bit user mode (__USER_CS, __USER_DS). */
#define VKI_USER_CS 0x33
#define VKI_USER_DS 0x2b

/* Trap vectors that signals report in uc_mcontext.trapno. */
#define VKI_X86_TRAP_DE  0    /* divide error */
#define VKI_X86_TRAP_DB  1    /* debug (int1) */
#define VKI_X86_TRAP_BP  3    /* breakpoint (int3) */
#define VKI_X86_TRAP_UD  6    /* invalid opcode */
#define VKI_X86_TRAP_GP 13    /* general protection */
#define VKI_X86_TRAP_PF 14    /* page fault */

/* Page-fault error code bits (uc_mcontext.err for trapno 14). */
#define VKI_X86_PF_PROT  0x1  /* the page was present */
#define VKI_X86_PF_WRITE 0x2
#define VKI_X86_PF_USER  0x4
#define VKI_X86_PF_INSTR 0x10 /* an instruction fetch */

#endif
