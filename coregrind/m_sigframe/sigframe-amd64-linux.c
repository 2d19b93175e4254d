/* Signal frames for amd64-linux (module m_sigframe; see
   pub_core_sigframe.h): the frame the kernel builds for a handler
   (arch/x86/kernel/signal.c and signal_64.c), byte for byte, and
   rt_sigreturn.

   From the old stack pointer down (the kernel's get_sigframe):
     - 128 bytes of red zone are skipped (not on an alternate stack);
     - SA_ONSTACK with an enabled alternate stack the thread is not on:
       the top of the alternate stack instead;
     - the FPU area: 512 bytes (an FXSAVE image: the emulated CPU has no
       XSAVE), 64-byte aligned;
     - the frame, 440 bytes, placed so that the handler's stack pointer
       (which points at its return address, the restorer) is 8 more than
       a multiple of 16, as after a call:
            0  return address = sa_restorer
            8  struct ucontext (uc_flags, uc_link, uc_stack, uc_mcontext
               with every register, uc_sigmask)
          312  siginfo (written only with SA_SIGINFO)
   The handler starts with %rdi = the signal, %rsi = &siginfo, %rdx =
   &ucontext, %rax = 0, DF clear and the FPU and SSE state reset. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_signals.h"
#include "pub_core_sigframe.h"
#include "libvex_guest_amd64.h"

#define FPSTATE_SIZE 512
#define UC_OFFSET    8
#define INFO_OFFSET  (8 + (Addr)sizeof(struct vki_ucontext))
#define FRAME_SIZE   (INFO_OFFSET + (Addr)sizeof(vki_siginfo_t))

_Static_assert(sizeof(struct vki_ucontext) == 304, "ucontext size");
_Static_assert(sizeof(struct vki_sigcontext) == 256, "sigcontext size");
_Static_assert(sizeof(struct _vki_fpstate) == FPSTATE_SIZE, "fpstate size");
_Static_assert(sizeof(vki_siginfo_t) == 128, "siginfo size");
_Static_assert(FRAME_SIZE == 440, "rt_sigframe size");

/* rflags bits */
#define RFLAGS_CF 0x00001UL
#define RFLAGS_PF 0x00004UL
#define RFLAGS_AF 0x00010UL
#define RFLAGS_ZF 0x00040UL
#define RFLAGS_SF 0x00080UL
#define RFLAGS_TF 0x00100UL
#define RFLAGS_IF 0x00200UL
#define RFLAGS_DF 0x00400UL
#define RFLAGS_OF 0x00800UL
#define RFLAGS_RF 0x10000UL
#define RFLAGS_AC 0x40000UL
/* What sigreturn takes from the frame (the kernel's FIX_EFLAGS). */
#define FIX_RFLAGS (RFLAGS_AC | RFLAGS_OF | RFLAGS_DF | RFLAGS_TF \
                    | RFLAGS_SF | RFLAGS_ZF | RFLAGS_AF | RFLAGS_PF \
                    | RFLAGS_CF | RFLAGS_RF)

#define GOFF(reg) ((PtrdiffT)__builtin_offsetof(VexGuestAMD64State, reg))

/* ------------------------------------------------------------------ */
/* Layout and contents                                                  */

Addr VG_(sigframe_layout)(Addr sp_top, Addr* fpstate, Addr* lowest)
{
   Addr fp = VG_ROUNDDN(sp_top - FPSTATE_SIZE, 64);
   Addr frame = VG_ROUNDDN(fp - FRAME_SIZE, 16) - 8;
   *fpstate = fp;
   *lowest = frame;
   return frame;
}

void VG_(sigframe_fill)(Addr frame, Addr fpstate,
                        const VexGuestArchState* g,
                        const vki_siginfo_t* info,
                        const vki_sigset_t* saved_mask,
                        const vki_stack_t* altstack,
                        const VgSigTrapInfo* trap, Addr restorer)
{
   *(Addr*)frame = restorer;

   struct vki_ucontext* uc = (struct vki_ucontext*)(frame + UC_OFFSET);
   VG_(memset)(uc, 0, sizeof *uc);
   /* No XSAVE image: the kernel's flags for an FXSR-only CPU. */
   uc->uc_flags = VKI_UC_SIGCONTEXT_SS | VKI_UC_STRICT_RESTORE_SS;
   uc->uc_link  = NULL;
   uc->uc_stack.ss_sp    = altstack->ss_sp;
   uc->uc_stack.ss_flags = altstack->ss_flags;
   uc->uc_stack.ss_size  = altstack->ss_size;

   struct vki_sigcontext* sc = &uc->uc_mcontext;
   sc->r8  = g->guest_R8;
   sc->r9  = g->guest_R9;
   sc->r10 = g->guest_R10;
   sc->r11 = g->guest_R11;
   sc->r12 = g->guest_R12;
   sc->r13 = g->guest_R13;
   sc->r14 = g->guest_R14;
   sc->r15 = g->guest_R15;
   sc->rdi = g->guest_RDI;
   sc->rsi = g->guest_RSI;
   sc->rbp = g->guest_RBP;
   sc->rbx = g->guest_RBX;
   sc->rdx = g->guest_RDX;
   sc->rax = g->guest_RAX;
   sc->rcx = g->guest_RCX;
   sc->rsp = g->guest_RSP;
   sc->rip = g->guest_RIP;
   /* User mode has IF set; a fault's image has RF set. */
   sc->eflags = LibVEX_GuestAMD64_get_rflags(g) | RFLAGS_IF
                | (trap->fault ? RFLAGS_RF : 0);
   sc->cs = VKI_USER_CS;
   sc->gs = 0;
   sc->fs = 0;
   sc->ss = VKI_USER_DS;
   sc->err     = trap->err;
   sc->trapno  = trap->trapno;
   sc->oldmask = saved_mask->sig[0];
   sc->cr2     = trap->cr2;
   sc->fpstate = (struct _vki_fpstate*)fpstate;
   uc->uc_sigmask = *saved_mask;

   VG_(memset)((void*)fpstate, 0, FPSTATE_SIZE);
   LibVEX_GuestAMD64_fxsave(g, fpstate);

   if (info != NULL)
      VG_(memcpy)((void*)(frame + INFO_OFFSET), info, sizeof *info);
}

/* The FPU as the kernel gives it to a handler (and to a frame without
   an FPU area): x87 initialised (control word 0x37F, all empty), MXCSR
   0x1F80, XMM registers zero. */
static void fpu_init(VexGuestAMD64State* g)
{
   UChar img[FPSTATE_SIZE] __attribute__((aligned(16)));
   VG_(memset)(img, 0, sizeof img);
   img[0] = 0x7F;      /* FCW 0x037F */
   img[1] = 0x03;
   img[24] = 0x80;     /* MXCSR 0x1F80 */
   img[25] = 0x1F;
   LibVEX_GuestAMD64_fxrstor((HWord)img, g);
}

static void report_regs(ThreadId tid)
{
   static const struct { PtrdiffT off; SizeT size; } regs[] = {
      { GOFF(guest_RSP), 8 }, { GOFF(guest_RIP), 8 },
      { GOFF(guest_RDI), 8 }, { GOFF(guest_RSI), 8 },
      { GOFF(guest_RDX), 8 }, { GOFF(guest_RAX), 8 },
      { GOFF(guest_DFLAG), 8 }, { GOFF(guest_SSEROUND), 8 },
      { GOFF(guest_YMM0), 16 * sizeof(U256) },
      { GOFF(guest_FPREG), GOFF(guest_FC3210) + 8 - GOFF(guest_FPREG) },
   };
   if (VG_(tdict).track_post_reg_write == NULL)
      return;
   for (UInt i = 0; i < VG_N_ELEMS(regs); i++)
      VG_(tdict).track_post_reg_write(Vg_CoreSignal, tid, regs[i].off,
                                      regs[i].size);
}

/* ------------------------------------------------------------------ */
/* Delivery                                                             */

Bool VG_(sigframe_create)(ThreadId tid, const VgSigDelivery* d)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   VexGuestAMD64State* g = &tst->arch.vex;
   vki_stack_t* as = &tst->altstack;
   const Addr sp = g->guest_RSP;

   /* amd64 has no default restorer: the kernel fails the frame. */
   if (d->restorer == 0)
      return False;

   Bool nested = VG_(sig_on_altstack)(as, sp, False);
   Bool entering = False;
   Addr top = sp - VG_STACK_REDZONE_SZB;
   if ((d->flags & VKI_SA_ONSTACK) && as->ss_size != 0
       && !VG_(sig_on_altstack)(as, top, False)) {
      top = (Addr)as->ss_sp + as->ss_size;
      entering = True;
   }
   Addr fpstate, lowest;
   Addr frame = VG_(sigframe_layout)(top, &fpstate, &lowest);
   /* Overflowing the alternate stack: an always-bogus address in the
      kernel, so SIGSEGV. */
   if ((nested || entering) && !VG_(sig_on_altstack)(as, frame, True))
      return False;

   const Addr end = fpstate + FPSTATE_SIZE;
   if (!entering)
      VG_(sig_extend_stack_for)(tid, lowest, end - lowest);
   if (!VG_(am_is_valid_for_client)(lowest, end - lowest,
                                    VKI_PROT_READ | VKI_PROT_WRITE))
      return False;

   VG_TRACK(pre_deliver_signal, tid, d->signo, entering);
   VG_TRACK(new_mem_stack_signal, lowest, end - lowest, tid);
   VG_TRACK(pre_mem_write, Vg_CoreSignal, tid, "signal handler frame",
            lowest, end - lowest);
   const vki_stack_t saved_altstack = *as;
   VG_(sigframe_fill)(frame, fpstate, g,
                      (d->flags & VKI_SA_SIGINFO) ? d->info : NULL,
                      d->saved_mask, &saved_altstack, d->trap, d->restorer);
   VG_TRACK(post_mem_write, Vg_CoreSignal, tid, lowest, end - lowest);

   if ((UInt)as->ss_flags & VKI_SS_AUTODISARM) {
      as->ss_sp    = NULL;
      as->ss_size  = 0;
      as->ss_flags = VKI_SS_DISABLE;
   }

   g->guest_RSP = frame;
   g->guest_RIP = d->handler;
   g->guest_RDI = (ULong)d->signo;
   g->guest_RSI = frame + INFO_OFFSET;
   g->guest_RDX = frame + UC_OFFSET;
   g->guest_RAX = 0;
   g->guest_DFLAG = 1;
   fpu_init(g);
   report_regs(tid);
   return True;
}

/* ------------------------------------------------------------------ */
/* rt_sigreturn                                                         */

static void bad_frame(ThreadId tid)
{
   VG_(synth_signal)(tid, VKI_SIGSEGV, VKI_SI_KERNEL, 0);
}

void VG_(sigframe_destroy)(ThreadId tid, Bool isRT)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   VexGuestAMD64State* g = &tst->arch.vex;
   vg_assert(isRT);   /* amd64 has rt_sigreturn only */

   /* The handler's ret popped the return address. */
   const Addr frame = g->guest_RSP - 8;
   if (!VG_(am_is_valid_for_client)(frame, FRAME_SIZE, VKI_PROT_READ)) {
      bad_frame(tid);
      return;
   }
   struct vki_ucontext uc;
   VG_(memcpy)(&uc, (const void*)(frame + UC_OFFSET), sizeof uc);
   const struct vki_sigcontext* sc = &uc.uc_mcontext;
   Addr fp = (Addr)sc->fpstate;
   if (fp != 0 && !VG_(am_is_valid_for_client)(fp, FPSTATE_SIZE,
                                               VKI_PROT_READ)) {
      bad_frame(tid);
      return;
   }
   VG_TRACK(pre_mem_read, Vg_CoreSignal, tid, "rt_sigreturn frame",
            frame + UC_OFFSET, sizeof uc);

   /* The alternate stack, judged with the handler's stack pointer (as
      the kernel does: a handler running on the alternate stack keeps
      whatever it set), and the mask. */
   VG_(do_sys_sigaltstack)(tid, &uc.uc_stack, NULL);

   g->guest_R8  = sc->r8;
   g->guest_R9  = sc->r9;
   g->guest_R10 = sc->r10;
   g->guest_R11 = sc->r11;
   g->guest_R12 = sc->r12;
   g->guest_R13 = sc->r13;
   g->guest_R14 = sc->r14;
   g->guest_R15 = sc->r15;
   g->guest_RDI = sc->rdi;
   g->guest_RSI = sc->rsi;
   g->guest_RBP = sc->rbp;
   g->guest_RBX = sc->rbx;
   g->guest_RDX = sc->rdx;
   g->guest_RAX = sc->rax;
   g->guest_RCX = sc->rcx;
   g->guest_RSP = sc->rsp;
   g->guest_RIP = sc->rip;
   ULong fl = LibVEX_GuestAMD64_get_rflags(g);
   fl = (fl & ~FIX_RFLAGS) | (sc->eflags & FIX_RFLAGS);
   LibVEX_GuestAMD64_put_rflags(fl, g);
   if (fp != 0)
      LibVEX_GuestAMD64_fxrstor(fp, g);
   else
      fpu_init(g);

   Addr end = fp > frame ? fp + FPSTATE_SIZE : frame + FRAME_SIZE;
   VG_TRACK(die_mem_stack_signal, frame, end - frame);
   VG_TRACK(post_reg_write, Vg_CoreSignal, tid, 0,
            sizeof(VexGuestAMD64State));

   VG_(do_sys_sigprocmask)(tid, VKI_SIG_SETMASK, &uc.uc_sigmask, NULL);
   VG_(sig_frame_returned)(tid, frame);
}
