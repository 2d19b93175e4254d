/* Unit tests of m_sigframe and m_signals, in the test process:
   - the amd64 frame: its layout and contents checked against glibc's
     ucontext_t and siginfo_t and against a frame the kernel built;
   - the client's signal state: sigaction, sigprocmask and sigaltstack
     with the kernel's rules;
   - the interruptible system call: with the core's real handlers
     installed, a signal during a blocking read gives EINTR or a call to
     make again, as the client's SA_RESTART says; a signal that arrived
     before the call keeps it from starting; a blocked one does not
     interrupt; rt_sigsuspend's mask. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcsignal.h"
#include "pub_core_threadstate.h"
#include "pub_core_scheduler.h"
#include "pub_core_signals.h"
#include "pub_core_sigframe.h"
#include "libvex_guest_amd64.h"

/* ------------------------------------------------------------------ */
/* The frame                                                            */

/* The kernel's structures and glibc's agree where the handler looks. */
_Static_assert(offsetof(struct vki_ucontext, uc_mcontext)
               == offsetof(ucontext_t, uc_mcontext), "uc_mcontext");
_Static_assert(offsetof(struct vki_ucontext, uc_sigmask)
               == offsetof(ucontext_t, uc_sigmask), "uc_sigmask");
_Static_assert(offsetof(struct vki_ucontext, uc_stack)
               == offsetof(ucontext_t, uc_stack), "uc_stack");
_Static_assert(sizeof(struct vki_sigcontext) == sizeof(mcontext_t),
               "mcontext");
_Static_assert(offsetof(struct vki_sigcontext, rip) == 8 * REG_RIP, "rip");
_Static_assert(offsetof(struct vki_sigcontext, rsp) == 8 * REG_RSP, "rsp");
_Static_assert(offsetof(struct vki_sigcontext, eflags) == 8 * REG_EFL,
               "eflags");
_Static_assert(offsetof(struct vki_sigcontext, err) == 8 * REG_ERR, "err");
_Static_assert(offsetof(struct vki_sigcontext, trapno) == 8 * REG_TRAPNO,
               "trapno");
_Static_assert(offsetof(struct vki_sigcontext, cr2) == 8 * REG_CR2, "cr2");
_Static_assert(offsetof(struct vki_sigcontext, fpstate)
               == offsetof(mcontext_t, fpregs), "fpstate");
_Static_assert(sizeof(struct _vki_fpstate) == sizeof(struct _libc_fpstate),
               "fpstate size");
_Static_assert(sizeof(vki_siginfo_t) == sizeof(siginfo_t), "siginfo");

UNIT_TEST(sigframe_layout_as_the_kernel)
{
   for (Addr top = 0x7000100; top < 0x7000100 + 200; top += 8) {
      Addr fp, lowest;
      Addr frame = VG_(sigframe_layout)(top, &fp, &lowest);
      UT_CHECK_EQ(lowest, frame);
      UT_CHECK_EQ(fp % 64, 0);
      UT_CHECK(fp + 512 <= top && top - (fp + 512) < 64);
      /* The handler's stack pointer is as after a call. */
      UT_CHECK_EQ((frame + 8) % 16, 0);
      UT_CHECK(frame + 440 <= fp && fp - (frame + 440) < 24);
   }
}

static unsigned char framebuf[8192] __attribute__((aligned(64)));

UNIT_TEST(sigframe_contents_read_by_glibc)
{
   VexGuestAMD64State g;
   LibVEX_GuestAMD64_initialise(&g);
   ULong* regs = &g.guest_RAX;
   for (int i = 0; i < 16; i++)
      regs[i] = 0x1111111111111111ULL * (ULong)(i + 1);
   g.guest_RIP = 0x401234;
   LibVEX_GuestAMD64_put_rflags(0x1 | 0x40 | 0x400, &g);   /* CF ZF DF */
   memset(&g.guest_YMM3, 0xA5, 16);
   g.guest_SSEROUND = 3;                                   /* to zero */

   vki_siginfo_t info;
   memset(&info, 0, sizeof info);
   info.si_signo = 11;
   info.si_code = 1;
   info._sifields._sigfault.addr = (void*)0x1234;
   vki_sigset_t mask;
   memset(&mask, 0, sizeof mask);
   mask.sig[0] = 0x5;
   vki_stack_t alt = { (void*)0x7000, 0, 8192 };
   VgSigTrapInfo trap = { 14, 6, 0x1234, True };

   Addr top = (Addr)framebuf + sizeof framebuf - 128;
   Addr fp, lowest;
   Addr frame = VG_(sigframe_layout)(top, &fp, &lowest);
   memset(framebuf, 0xEE, sizeof framebuf);
   VG_(sigframe_fill)(frame, fp, &g, &info, &mask, &alt, &trap, 0xABCDEF);

   UT_CHECK_EQ(*(unsigned long*)frame, 0xABCDEF);
   ucontext_t* uc = (ucontext_t*)(frame + 8);
   UT_CHECK_EQ(uc->uc_flags, 6);   /* SIGCONTEXT_SS | STRICT_RESTORE_SS */
   UT_CHECK(uc->uc_link == NULL);
   UT_CHECK(uc->uc_stack.ss_sp == (void*)0x7000);
   UT_CHECK_EQ(uc->uc_stack.ss_size, 8192);
   UT_CHECK_EQ(uc->uc_stack.ss_flags, 0);
   greg_t* gr = uc->uc_mcontext.gregs;
   UT_CHECK_EQ(gr[REG_RAX], 0x1111111111111111LL);
   UT_CHECK_EQ(gr[REG_RCX], 0x2222222222222222LL);
   UT_CHECK_EQ(gr[REG_RDX], 0x3333333333333333LL);
   UT_CHECK_EQ(gr[REG_RBX], 0x4444444444444444LL);
   UT_CHECK_EQ(gr[REG_RSP], 0x5555555555555555LL);
   UT_CHECK_EQ(gr[REG_RBP], 0x6666666666666666LL);
   UT_CHECK_EQ(gr[REG_RSI], 0x7777777777777777LL);
   UT_CHECK_EQ(gr[REG_RDI], (greg_t)0x8888888888888888ULL);
   UT_CHECK_EQ(gr[REG_R8],  (greg_t)0x9999999999999999ULL);
   UT_CHECK_EQ(gr[REG_R15], (greg_t)(0x1111111111111111ULL * 16));
   UT_CHECK_EQ(gr[REG_RIP], 0x401234);
   /* CF ZF DF, bit 1, IF, and RF for a fault. */
   UT_CHECK_EQ(gr[REG_EFL], 0x1 | 0x2 | 0x40 | 0x200 | 0x400 | 0x10000);
   UT_CHECK_EQ((unsigned long)gr[REG_CSGSFS], 0x002b000000000033UL);
   UT_CHECK_EQ(gr[REG_ERR], 6);
   UT_CHECK_EQ(gr[REG_TRAPNO], 14);
   UT_CHECK_EQ(gr[REG_OLDMASK], 5);
   UT_CHECK_EQ(gr[REG_CR2], 0x1234);
   UT_CHECK_EQ(uc->uc_sigmask.__val[0], 5);
   UT_CHECK((Addr)uc->uc_mcontext.fpregs == fp);
   UT_CHECK_EQ(uc->uc_mcontext.fpregs->cwd, 0x37F);
   UT_CHECK_EQ(uc->uc_mcontext.fpregs->ftw, 0);
   UT_CHECK_EQ(uc->uc_mcontext.fpregs->mxcsr, 0x1F80 | (3 << 13));
   UT_CHECK_EQ(uc->uc_mcontext.fpregs->_xmm[3].element[0], 0xA5A5A5A5);
   UT_CHECK_EQ(uc->uc_mcontext.fpregs->_xmm[2].element[0], 0);
   siginfo_t* si = (siginfo_t*)(frame + 312);
   UT_CHECK_EQ(si->si_signo, 11);
   UT_CHECK_EQ(si->si_code, 1);
   UT_CHECK(si->si_addr == (void*)0x1234);
   /* Nothing written below the frame or above the FPU area. */
   UT_CHECK_EQ(((unsigned char*)frame)[-1], 0xEE);
   UT_CHECK_EQ(*(unsigned char*)(fp + 512), 0xEE);

   /* Without SA_SIGINFO the siginfo is left alone. */
   memset(framebuf, 0xEE, sizeof framebuf);
   VG_(sigframe_fill)(frame, fp, &g, NULL, &mask, &alt, &trap, 0xABCDEF);
   UT_CHECK_EQ(*(unsigned char*)(frame + 312), 0xEE);
}

/* A frame built by the kernel: where the siginfo, the ucontext and the
   FPU area are relative to the handler's stack pointer. */
static volatile unsigned long k_rsp, k_si, k_uc, k_fp, k_ret, k_sp_before;

extern void kernel_frame_handler(int, siginfo_t*, void*);
__asm__(
"	.text\n"
"kernel_frame_handler:\n"
"	movq	%rsp, k_rsp(%rip)\n"
"	movq	%rsi, k_si(%rip)\n"
"	movq	%rdx, k_uc(%rip)\n"
"	movq	(%rsp), %rax\n"
"	movq	%rax, k_ret(%rip)\n"
"	movq	%rdx, %rax\n"
"	movq	40+184(%rax), %rax\n"     /* uc_mcontext.fpstate */
"	movq	%rax, k_fp(%rip)\n"
"	movq	%rdx, %rax\n"
"	movq	40+120(%rax), %rax\n"     /* uc_mcontext.rsp */
"	movq	%rax, k_sp_before(%rip)\n"
"	ret\n");

UNIT_TEST(kernel_frame_has_this_layout)
{
   struct sigaction sa, back;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = kernel_frame_handler;
   sa.sa_flags = SA_SIGINFO;
   sigaction(SIGUSR1, &sa, NULL);
   raise(SIGUSR1);
   UT_CHECK(k_rsp != 0);
   UT_CHECK_EQ(k_uc - k_rsp, 8);
   UT_CHECK_EQ(k_si - k_rsp, 312);
   UT_CHECK_EQ((k_rsp + 8) % 16, 0);
   UT_CHECK_EQ(k_fp % 64, 0);
   UT_CHECK(k_fp >= k_si + 128);
   UT_CHECK(k_sp_before - 128 >= k_fp + 512);
   /* The return address is the action's restorer. */
   struct vki_sigaction ka;
   UT_CHECK_EQ(syscall(SYS_rt_sigaction, SIGUSR1, NULL, &ka, 8), 0);
   UT_CHECK_EQ(k_ret, (unsigned long)ka.sa_restorer);
   /* Our layout for the same FPU area: the same frame. */
   Addr fp, lowest;
   Addr frame = VG_(sigframe_layout)(k_fp + 512, &fp, &lowest);
   UT_CHECK_EQ(fp, k_fp);
   UT_CHECK_EQ(frame, k_rsp);
   sigaction(SIGUSR1, NULL, &back);
}

/* ------------------------------------------------------------------ */
/* The client's signal state                                            */

static ThreadId tid;

static void setup_thread(void)
{
   VG_(init_Threads)();
   tid = VG_(alloc_ThreadState)();
   UT_CHECK(tid == 1);
   ThreadState* tst = VG_(get_ThreadState)(tid);
   tst->status = VgTs_Runnable;
   tst->os_state.lwpid = getpid();
   tst->os_state.threadgroup = getpid();
   VG_(set_running_tid)(tid);
   /* System calls and signal delivery happen holding the big lock. */
   VG_(acquire_BigLock)(tid, "unit test");
}

static Bool is_err(SysRes r, UWord e)
{
   return sr_isError(r) && sr_Err(r) == e;
}

UNIT_TEST(sigaction_keeps_the_clients_action)
{
   struct vki_sigaction act, old;
   memset(&act, 0, sizeof act);
   act.ksa_handler = VKI_SIG_IGN;
   UT_CHECK(is_err(VG_(do_sys_sigaction)(VKI_SIGKILL, &act, NULL),
                   VKI_EINVAL));
   UT_CHECK(is_err(VG_(do_sys_sigaction)(VKI_SIGSTOP, &act, NULL),
                   VKI_EINVAL));
   UT_CHECK(is_err(VG_(do_sys_sigaction)(0, NULL, &old), VKI_EINVAL));
   UT_CHECK(is_err(VG_(do_sys_sigaction)(65, NULL, &old), VKI_EINVAL));
   /* The core's own signal, which ends threads, is not the client's. */
   UT_CHECK(is_err(VG_(do_sys_sigaction)(VG_SIGVGKILL, &act, NULL),
                   VKI_EINVAL));
   UT_CHECK(!sr_isError(VG_(do_sys_sigaction)(VKI_SIGKILL, NULL, &old)));
   UT_CHECK(old.ksa_handler == VKI_SIG_DFL);

   act.ksa_handler = (vki_sighandler_t)0x1234;
   act.sa_flags = VKI_SA_SIGINFO | VKI_SA_RESTART | VKI_SA_RESTORER | 0x400;
   act.sa_restorer = (vki_sigrestore_t)0x5678;
   VG_(sigemptyset)(&act.sa_mask);
   VG_(sigaddset)(&act.sa_mask, VKI_SIGUSR2);
   VG_(sigaddset)(&act.sa_mask, VKI_SIGKILL);
   UT_CHECK(!sr_isError(VG_(do_sys_sigaction)(VKI_SIGUSR1, &act, NULL)));
   memset(&old, 0, sizeof old);
   /* The same structure for both: the old action is read first. */
   struct vki_sigaction both = act;
   both.ksa_handler = VKI_SIG_DFL;
   UT_CHECK(!sr_isError(VG_(do_sys_sigaction)(VKI_SIGUSR1, &both, &both)));
   UT_CHECK(both.ksa_handler == (vki_sighandler_t)0x1234);
   UT_CHECK_EQ(both.sa_flags,
               VKI_SA_SIGINFO | VKI_SA_RESTART | VKI_SA_RESTORER);
   UT_CHECK(both.sa_restorer == (vki_sigrestore_t)0x5678);
   UT_CHECK(VG_(sigismember)(&both.sa_mask, VKI_SIGUSR2));
   UT_CHECK(!VG_(sigismember)(&both.sa_mask, VKI_SIGKILL));
   UT_CHECK(!sr_isError(VG_(do_sys_sigaction)(VKI_SIGUSR1, NULL, &old)));
   UT_CHECK(old.ksa_handler == VKI_SIG_DFL);
   /* Before start-up the kernel's action is left alone. */
   struct vki_sigaction k;
   UT_CHECK_EQ(syscall(SYS_rt_sigaction, SIGUSR1, NULL, &k, 8), 0);
   UT_CHECK(k.ksa_handler == VKI_SIG_DFL);
}

UNIT_TEST(sigprocmask_as_the_kernel)
{
   setup_thread();
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vki_sigset_t s, old;
   VG_(sigemptyset)(&s);
   VG_(sigaddset)(&s, VKI_SIGUSR1);
   VG_(sigaddset)(&s, VKI_SIGKILL);
   VG_(sigaddset)(&s, VKI_SIGSTOP);
   UT_CHECK(!sr_isError(VG_(do_sys_sigprocmask)(tid, VKI_SIG_BLOCK, &s,
                                                &old)));
   UT_CHECK(VG_(isemptysigset)(&old));
   UT_CHECK(VG_(sigismember)(&tst->sig_mask, VKI_SIGUSR1));
   UT_CHECK(!VG_(sigismember)(&tst->sig_mask, VKI_SIGKILL));
   UT_CHECK(!VG_(sigismember)(&tst->sig_mask, VKI_SIGSTOP));
   VG_(sigemptyset)(&s);
   VG_(sigaddset)(&s, VKI_SIGUSR2);
   UT_CHECK(!sr_isError(VG_(do_sys_sigprocmask)(tid, VKI_SIG_SETMASK, &s,
                                                NULL)));
   UT_CHECK(!VG_(sigismember)(&tst->sig_mask, VKI_SIGUSR1));
   UT_CHECK(VG_(sigismember)(&tst->sig_mask, VKI_SIGUSR2));
   UT_CHECK(!sr_isError(VG_(do_sys_sigprocmask)(tid, VKI_SIG_UNBLOCK, &s,
                                                &old)));
   UT_CHECK(VG_(sigismember)(&old, VKI_SIGUSR2));
   UT_CHECK(VG_(isemptysigset)(&tst->sig_mask));
   /* A bad HOW: EINVAL, nothing changed. */
   VG_(sigfillset)(&s);
   UT_CHECK(is_err(VG_(do_sys_sigprocmask)(tid, 7, &s, NULL), VKI_EINVAL));
   UT_CHECK(VG_(isemptysigset)(&tst->sig_mask));
}

UNIT_TEST(sigaltstack_as_the_kernel)
{
   setup_thread();
   ThreadState* tst = VG_(get_ThreadState)(tid);
   tst->arch.vex.guest_RSP = 0x500000;
   vki_stack_t ss, old;
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, NULL, &old)));
   UT_CHECK_EQ(old.ss_flags, VKI_SS_DISABLE);
   UT_CHECK_EQ(old.ss_size, 0);

   ss.ss_sp = (void*)0x100000;
   ss.ss_size = 1024;
   ss.ss_flags = 0;
   UT_CHECK(is_err(VG_(do_sys_sigaltstack)(tid, &ss, NULL), VKI_ENOMEM));
   ss.ss_size = 0x10000;
   ss.ss_flags = 5;
   UT_CHECK(is_err(VG_(do_sys_sigaltstack)(tid, &ss, NULL), VKI_EINVAL));
   ss.ss_flags = VKI_SS_ONSTACK;   /* accepted, as by the kernel */
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, &ss, NULL)));
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, NULL, &old)));
   UT_CHECK_EQ(old.ss_flags, 0);
   UT_CHECK(old.ss_sp == (void*)0x100000 && old.ss_size == 0x10000);

   /* On it: SS_ONSTACK, and no change allowed. */
   tst->arch.vex.guest_RSP = 0x108000;
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, NULL, &old)));
   UT_CHECK_EQ(old.ss_flags, VKI_SS_ONSTACK);
   ss.ss_flags = VKI_SS_DISABLE;
   UT_CHECK(is_err(VG_(do_sys_sigaltstack)(tid, &ss, &old), VKI_EPERM));
   /* The top byte counts as on it, the bottom one not. */
   tst->arch.vex.guest_RSP = 0x110000;
   UT_CHECK(VG_(sig_on_altstack)(&tst->altstack, 0x110000, False));
   UT_CHECK(!VG_(sig_on_altstack)(&tst->altstack, 0x100000, False));

   /* SS_AUTODISARM: never "on" it. */
   tst->arch.vex.guest_RSP = 0x500000;
   ss.ss_flags = (Int)VKI_SS_AUTODISARM;
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, &ss, NULL)));
   tst->arch.vex.guest_RSP = 0x108000;
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, NULL, &old)));
   UT_CHECK_EQ((UInt)old.ss_flags, VKI_SS_AUTODISARM);

   /* Disabled. */
   ss.ss_flags = VKI_SS_DISABLE;
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, &ss, NULL)));
   UT_CHECK(!sr_isError(VG_(do_sys_sigaltstack)(tid, NULL, &old)));
   UT_CHECK_EQ(old.ss_flags, VKI_SS_DISABLE);
   UT_CHECK_EQ(old.ss_size, 0);
}

/* ------------------------------------------------------------------ */
/* The interruptible system call                                        */

static void client_action(int sig, Bool restart)
{
   struct vki_sigaction act;
   memset(&act, 0, sizeof act);
   act.ksa_handler = (vki_sighandler_t)0x1000;   /* never run here */
   act.sa_flags = VKI_SA_RESTORER | (restart ? VKI_SA_RESTART : 0);
   act.sa_restorer = (vki_sigrestore_t)0x2000;
   UT_CHECK(!sr_isError(VG_(do_sys_sigaction)(sig, &act, NULL)));
}

static void timer_ms(long ms)
{
   struct itimerval it = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };
   setitimer(ITIMER_REAL, &it, NULL);
}

static Bool take(int sig)
{
   vki_sigset_t s;
   vki_siginfo_t info;
   VG_(sigemptyset)(&s);
   VG_(sigaddset)(&s, sig);
   return VG_(sig_take_held)(tid, &s, &info) == sig && info.si_signo == sig;
}

UNIT_TEST(syscall_interrupted_eintr_or_again)
{
   setup_thread();
   VG_(sigstartup_actions)(tid);
   int p[2];
   UT_CHECK_EQ(pipe(p), 0);
   char c;
   UWord read_args[6] = { (UWord)p[0], (UWord)&c, 1, 0, 0, 0 };
   SysRes res;

   /* An ordinary call. */
   UWord none[6] = { 0, 0, 0, 0, 0, 0 };
   UT_CHECK(VG_(sig_do_syscall_for_client)(tid, __NR_getpid, none, &res));
   UT_CHECK(!sr_isError(res) && sr_Res(res) == (UWord)getpid());

   /* Without SA_RESTART: EINTR, the signal queued for delivery. */
   client_action(SIGALRM, False);
   timer_ms(30);
   UT_CHECK(VG_(sig_do_syscall_for_client)(tid, __NR_read, read_args, &res));
   UT_CHECK(is_err(res, VKI_EINTR));
   UT_CHECK(take(SIGALRM));

   /* With it: not made, to be made again after the handler. */
   client_action(SIGALRM, True);
   timer_ms(30);
   UT_CHECK(!VG_(sig_do_syscall_for_client)(tid, __NR_read, read_args,
                                            &res));
   UT_CHECK(take(SIGALRM));

   /* A signal already waiting: the call does not start. */
   kill(getpid(), SIGALRM);
   UT_CHECK(!VG_(sig_do_syscall_for_client)(tid, __NR_read, read_args,
                                            &res));
   UT_CHECK(take(SIGALRM));

   /* Blocked by the client: it does not interrupt (ppoll times out). */
   vki_sigset_t s;
   VG_(sigemptyset)(&s);
   VG_(sigaddset)(&s, SIGALRM);
   VG_(do_sys_sigprocmask)(tid, VKI_SIG_BLOCK, &s, NULL);
   timer_ms(20);
   struct vki_pollfd { int fd; short events, revents; } pfd = { p[0], 1, 0 };
   struct vki_timespec ts = { 0, 100 * 1000 * 1000 };
   UWord ppoll_args[6] = { (UWord)&pfd, 1, (UWord)&ts, 0, 8, 0 };
   UT_CHECK(VG_(sig_do_syscall_for_client)(tid, __NR_ppoll, ppoll_args,
                                           &res));
   UT_CHECK(!sr_isError(res) && sr_Res(res) == 0);
   UT_CHECK(!take(SIGALRM));   /* pending in the kernel */

   /* rt_sigsuspend with a mask that lets it through: it ends the call,
      and the call's mask stays the thread's until delivery. */
   vki_sigset_t empty;
   VG_(sigemptyset)(&empty);
   UWord susp_args[6] = { (UWord)&empty, 8, 0, 0, 0, 0 };
   UT_CHECK(VG_(sig_do_syscall_for_client)(tid, __NR_rt_sigsuspend,
                                           susp_args, &res));
   UT_CHECK(is_err(res, VKI_EINTR));
   ThreadState* tst = VG_(get_ThreadState)(tid);
   UT_CHECK(VG_(isemptysigset)(&tst->sig_mask));
   UT_CHECK(VG_(sigismember)(&tst->tmp_sig_mask, SIGALRM));
   UT_CHECK(take(SIGALRM));
}
