/* Unit tests of m_libcproc and m_libcsignal: process and signal calls,
   checked against libc's view of the same process. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcsignal.h"

/* ------------------------------------------------------------------ */
/* m_libcproc                                                           */

UNIT_TEST(process_ids_match_libc)
{
   UT_CHECK_EQ(VG_(getpid)(), getpid());
   UT_CHECK_EQ(VG_(getppid)(), getppid());
   UT_CHECK_EQ(VG_(gettid)(), gettid());
   UT_CHECK_EQ(VG_(gettid)(), VG_(getpid)());   /* single-threaded */
   UT_CHECK_EQ(VG_(getpgrp)(), getpgrp());
   UT_CHECK_EQ(VG_(getuid)(), getuid());
   UT_CHECK_EQ(VG_(geteuid)(), geteuid());
   UT_CHECK_EQ(VG_(getgid)(), getgid());
   UT_CHECK_EQ(VG_(getegid)(), getegid());
}

UNIT_TEST(fork_and_waitpid_report_the_exit_status)
{
   Int pid = VG_(fork)();
   if (pid == 0) {
      if (VG_(getppid)() == 0)     /* touch the core from the child too */
         _exit(1);
      _exit(42);
   }
   UT_CHECK(pid > 0);
   Int status = -1;
   UT_CHECK_EQ(VG_(waitpid)(pid, &status, 0), pid);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK_EQ(WEXITSTATUS(status), 42);
   UT_CHECK(VKI_WIFEXITED(status));
   UT_CHECK_EQ(VKI_WEXITSTATUS(status), 42);
   /* Nothing left to wait for. */
   UT_CHECK_EQ(VG_(waitpid)(-1, &status, 0), -1);
   UT_CHECK_EQ(VG_(waitpid)(-1, NULL, VKI_WNOHANG), -1);
}

UNIT_TEST(waitpid_wnohang_while_the_child_runs)
{
   Int fds[2];
   UT_CHECK_EQ(pipe(fds), 0);
   Int pid = VG_(fork)();
   if (pid == 0) {
      char c;
      close(fds[1]);
      while (read(fds[0], &c, 1) > 0)
         ;                             /* until the parent lets go */
      _exit(3);
   }
   close(fds[0]);
   Int status = 0;
   UT_CHECK_EQ(VG_(waitpid)(pid, &status, VKI_WNOHANG), 0);
   close(fds[1]);
   UT_CHECK_EQ(VG_(waitpid)(pid, &status, 0), pid);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
}

static void exec_sh_exit_7(void)
{
   HChar* argv[] = { (HChar*)"sh", (HChar*)"-c", (HChar*)"exit 7", NULL };
   HChar* envp[] = { NULL };
   VG_(execve)("/bin/sh", argv, envp);
   _exit(99);
}

UNIT_TEST(execve_runs_a_program_or_says_why_not)
{
   int status = ut_run_captured(exec_sh_exit_7, NULL, 0);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK_EQ(WEXITSTATUS(status), 7);

   HChar* argv[] = { (HChar*)"x", NULL };
   SysRes sr = VG_(execve)("/nonexistent/vg_ut", argv, argv + 1);
   UT_CHECK(sr_isError(sr));
   UT_CHECK_EQ(sr_Err(sr), VKI_ENOENT);
   sr = VG_(execve)("/tmp", argv, argv + 1);
   UT_CHECK_EQ(sr_Err(sr), VKI_EACCES);
}

UNIT_TEST(getenv_and_env_unsetenv)
{
   HChar* env[] = {
      (HChar*)"A=1", (HChar*)"AB=2", (HChar*)"B=", (HChar*)"A=again",
      (HChar*)"C=3", NULL
   };
   HChar** saved = VG_(core_envp);
   VG_(core_envp) = env;
   UT_CHECK_STREQ(VG_(getenv)("A"), "1");
   UT_CHECK_STREQ(VG_(getenv)("AB"), "2");
   UT_CHECK_STREQ(VG_(getenv)("B"), "");
   UT_CHECK(VG_(getenv)("ABC") == NULL);
   UT_CHECK(VG_(getenv)("") == NULL);

   VG_(env_unsetenv)(env, "A");
   UT_CHECK_STREQ(env[0], "AB=2");
   UT_CHECK_STREQ(env[1], "B=");
   UT_CHECK_STREQ(env[2], "C=3");
   UT_CHECK(env[3] == NULL);
   UT_CHECK(VG_(getenv)("A") == NULL);
   VG_(env_unsetenv)(env, "nothing");
   UT_CHECK_STREQ(env[2], "C=3");
   VG_(core_envp) = saved;
}

UNIT_TEST(millisecond_timer_is_monotonic_and_sleep_sleeps)
{
   ULong t0 = VG_(read_millisecond_timer)();
   UT_CHECK(t0 < 5);                       /* counts from the first call */
   ULong prev = t0;
   for (int i = 0; i < 1000; i++) {
      ULong t = VG_(read_millisecond_timer)();
      UT_CHECK(t >= prev);
      prev = t;
   }
   struct timespec a, b;
   clock_gettime(CLOCK_MONOTONIC, &a);
   ULong before = VG_(read_millisecond_timer)();
   VG_(sleep_ms)(30);
   ULong after = VG_(read_millisecond_timer)();
   clock_gettime(CLOCK_MONOTONIC, &b);
   long libc_ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
   UT_CHECK(after - before >= 29);
   UT_CHECK(libc_ms >= 30);
   UT_CHECK((long)(after - before) <= libc_ms + 1);
}

UNIT_TEST(rlimits_match_libc)
{
   struct vki_rlimit mine;
   struct rlimit libc;
   static const int resources[] = {
      RLIMIT_NOFILE, RLIMIT_STACK, RLIMIT_DATA, RLIMIT_CORE, RLIMIT_AS
   };
   for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++) {
      UT_CHECK_EQ(getrlimit(resources[i], &libc), 0);
      UT_CHECK_EQ(VG_(getrlimit)(resources[i], &mine), 0);
      UT_CHECK_EQ(mine.rlim_cur, libc.rlim_cur);
      UT_CHECK_EQ(mine.rlim_max, libc.rlim_max);
   }
   UT_CHECK_EQ(VG_(getrlimit)(1000, &mine), -1);

   /* Lowering the soft limit is always allowed; libc sees it. */
   UT_CHECK_EQ(VG_(getrlimit)(VKI_RLIMIT_NOFILE, &mine), 0);
   mine.rlim_cur = 100;
   UT_CHECK_EQ(VG_(setrlimit)(VKI_RLIMIT_NOFILE, &mine), 0);
   UT_CHECK_EQ(getrlimit(RLIMIT_NOFILE, &libc), 0);
   UT_CHECK_EQ(libc.rlim_cur, 100);
   /* RLIM_INFINITY survives the trip through the 64-bit call. */
   UT_CHECK_EQ(VG_(getrlimit)(VKI_RLIMIT_CORE, &mine), 0);
   mine.rlim_cur = 0;
   UT_CHECK_EQ(VG_(setrlimit)(VKI_RLIMIT_CORE, &mine), 0);
   UT_CHECK_EQ(getrlimit(RLIMIT_CORE, &libc), 0);
   UT_CHECK_EQ(libc.rlim_cur, 0);
   UT_CHECK_EQ(libc.rlim_max, mine.rlim_max);
}

UNIT_TEST(uname_matches_libc)
{
   struct vki_new_utsname mine;
   struct utsname libc;
   UT_CHECK_EQ(VG_(uname)(&mine), 0);
   UT_CHECK_EQ(uname(&libc), 0);
   UT_CHECK_STREQ(mine.sysname, libc.sysname);
   UT_CHECK_STREQ(mine.release, libc.release);
   UT_CHECK_STREQ(mine.machine, libc.machine);
   UT_CHECK_STREQ(mine.nodename, libc.nodename);
}

/* ------------------------------------------------------------------ */
/* m_libcsignal: sets                                                   */

UNIT_TEST(sigset_single_signals)
{
   vki_sigset_t s;
   UT_CHECK_EQ(sizeof s, 8);              /* what rt_sig* calls expect */
   UT_CHECK_EQ(VG_(sigemptyset)(&s), 0);
   UT_CHECK(VG_(isemptysigset)(&s));
   for (Int sig = 1; sig <= _VKI_NSIG; sig++)
      UT_CHECK_EQ(VG_(sigismember)(&s, sig), 0);

   UT_CHECK_EQ(VG_(sigaddset)(&s, VKI_SIGUSR1), 0);
   UT_CHECK_EQ(VG_(sigaddset)(&s, 1), 0);
   UT_CHECK_EQ(VG_(sigaddset)(&s, _VKI_NSIG), 0);
   UT_CHECK_EQ(VG_(sigaddset)(&s, VKI_SIGRTMIN), 0);
   UT_CHECK_EQ(VG_(sigismember)(&s, VKI_SIGUSR1), 1);
   UT_CHECK_EQ(VG_(sigismember)(&s, 1), 1);
   UT_CHECK_EQ(VG_(sigismember)(&s, _VKI_NSIG), 1);
   UT_CHECK_EQ(VG_(sigismember)(&s, VKI_SIGRTMIN), 1);
   UT_CHECK_EQ(VG_(sigismember)(&s, VKI_SIGUSR2), 0);
   /* Signal N is bit N-1, as the kernel counts. */
   UT_CHECK_EQ(s.sig[0] & 0xFFFFFFFFUL, (1UL << 31) | (1UL << 9) | 1UL);
   UT_CHECK(!VG_(isemptysigset)(&s));

   UT_CHECK_EQ(VG_(sigdelset)(&s, VKI_SIGUSR1), 0);
   UT_CHECK_EQ(VG_(sigismember)(&s, VKI_SIGUSR1), 0);

   /* Out of range, or no set. */
   UT_CHECK_EQ(VG_(sigaddset)(&s, 0), -1);
   UT_CHECK_EQ(VG_(sigaddset)(&s, _VKI_NSIG + 1), -1);
   UT_CHECK_EQ(VG_(sigdelset)(&s, -3), -1);
   UT_CHECK_EQ(VG_(sigismember)(&s, 0), 0);
   UT_CHECK_EQ(VG_(sigismember)(NULL, 1), 0);
   UT_CHECK_EQ(VG_(sigaddset)(NULL, 1), -1);
   UT_CHECK_EQ(VG_(sigfillset)(NULL), -1);
   UT_CHECK_EQ(VG_(sigemptyset)(NULL), -1);

   UT_CHECK_EQ(VG_(sigfillset)(&s), 0);
   UT_CHECK(VG_(isfullsigset)(&s));
   for (Int sig = 1; sig <= _VKI_NSIG; sig++)
      UT_CHECK_EQ(VG_(sigismember)(&s, sig), 1);
   VG_(sigdelset)(&s, VKI_SIGKILL);
   UT_CHECK(!VG_(isfullsigset)(&s));
}

UNIT_TEST(sigset_whole_set_operations)
{
   vki_sigset_t a, b, c;
   VG_(sigemptyset)(&a);
   VG_(sigemptyset)(&b);
   VG_(sigaddset)(&a, VKI_SIGINT);
   VG_(sigaddset)(&a, VKI_SIGTERM);
   VG_(sigaddset)(&b, VKI_SIGTERM);
   VG_(sigaddset)(&b, 40);

   c = a;
   VG_(sigaddset_from_set)(&c, &b);        /* INT TERM 40 */
   UT_CHECK(VG_(sigismember)(&c, VKI_SIGINT) && VG_(sigismember)(&c, 40)
            && VG_(sigismember)(&c, VKI_SIGTERM));
   c = a;
   VG_(sigdelset_from_set)(&c, &b);        /* INT */
   UT_CHECK(VG_(sigismember)(&c, VKI_SIGINT));
   UT_CHECK(!VG_(sigismember)(&c, VKI_SIGTERM) && !VG_(sigismember)(&c, 40));
   c = a;
   VG_(sigintersectset)(&c, &b);           /* TERM */
   UT_CHECK(!VG_(sigismember)(&c, VKI_SIGINT) && VG_(sigismember)(&c, VKI_SIGTERM));

   VG_(sigcomplementset)(&c, &a);
   UT_CHECK(!VG_(sigismember)(&c, VKI_SIGINT));
   UT_CHECK(VG_(sigismember)(&c, VKI_SIGHUP) && VG_(sigismember)(&c, 64));
   VG_(sigaddset_from_set)(&c, &a);
   UT_CHECK(VG_(isfullsigset)(&c));

   UT_CHECK(VG_(iseqsigset)(&a, &a));
   UT_CHECK(!VG_(iseqsigset)(&a, &b));
   c = b;
   UT_CHECK(VG_(iseqsigset)(&c, &b));
}

/* ------------------------------------------------------------------ */
/* m_libcsignal: the kernel's side                                      */

UNIT_TEST(sigprocmask_round_trip_with_libc)
{
   vki_sigset_t set, old;
   sigset_t lset;

   VG_(sigemptyset)(&set);
   VG_(sigaddset)(&set, VKI_SIGUSR1);
   UT_CHECK_EQ(VG_(sigprocmask)(VKI_SIG_BLOCK, &set, &old), 0);
   UT_CHECK_EQ(VG_(sigismember)(&old, VKI_SIGUSR1), 0);
   UT_CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &lset), 0);
   UT_CHECK_EQ(sigismember(&lset, SIGUSR1), 1);

   sigemptyset(&lset);
   sigaddset(&lset, SIGUSR2);
   UT_CHECK_EQ(sigprocmask(SIG_BLOCK, &lset, NULL), 0);
   UT_CHECK_EQ(VG_(sigprocmask)(VKI_SIG_SETMASK, NULL, &old), 0);
   UT_CHECK_EQ(VG_(sigismember)(&old, VKI_SIGUSR1), 1);
   UT_CHECK_EQ(VG_(sigismember)(&old, VKI_SIGUSR2), 1);

   UT_CHECK_EQ(VG_(sigprocmask)(VKI_SIG_UNBLOCK, &set, NULL), 0);
   UT_CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &lset), 0);
   UT_CHECK_EQ(sigismember(&lset, SIGUSR1), 0);
   UT_CHECK_EQ(sigismember(&lset, SIGUSR2), 1);

   /* SIGKILL cannot be blocked: the kernel drops it silently. */
   VG_(sigfillset)(&set);
   UT_CHECK_EQ(VG_(sigprocmask)(VKI_SIG_SETMASK, &set, NULL), 0);
   UT_CHECK_EQ(VG_(sigprocmask)(VKI_SIG_SETMASK, NULL, &old), 0);
   UT_CHECK_EQ(VG_(sigismember)(&old, VKI_SIGKILL), 0);
   UT_CHECK_EQ(VG_(sigismember)(&old, VKI_SIGTERM), 1);
   UT_CHECK_EQ(VG_(sigprocmask)(99, &set, NULL), -1);
}

static volatile sig_atomic_t handled_signo;
static volatile sig_atomic_t handled_code;
static volatile sig_atomic_t handled_pid;

static void plain_handler(int signo)
{
   handled_signo = signo;
}

static void info_handler(int signo, vki_siginfo_t* info, void* uc)
{
   (void)uc;
   handled_signo = signo;
   handled_code = info->si_code;
   handled_pid = info->_sifields._kill.pid;
}

UNIT_TEST(sigaction_installs_handlers_that_return)
{
   struct vki_sigaction sa, old;
   memset(&sa, 0, sizeof sa);
   sa.ksa_handler = plain_handler;
   VG_(sigemptyset)(&sa.sa_mask);
   UT_CHECK_EQ(VG_(sigaction)(VKI_SIGUSR1, &sa, &old), 0);
   UT_CHECK(old.ksa_handler == VKI_SIG_DFL);

   handled_signo = 0;
   UT_CHECK_EQ(VG_(kill)(VG_(getpid)(), VKI_SIGUSR1), 0);
   UT_CHECK_EQ(handled_signo, VKI_SIGUSR1);    /* ran, and came back */

   /* libc sees the same action; we read it back with our restorer. */
   struct sigaction lsa;
   UT_CHECK_EQ(sigaction(SIGUSR1, NULL, &lsa), 0);
   UT_CHECK(lsa.sa_handler == plain_handler);
   UT_CHECK_EQ(VG_(sigaction)(VKI_SIGUSR1, NULL, &old), 0);
   UT_CHECK(old.ksa_handler == plain_handler);
   UT_CHECK(old.sa_flags & VKI_SA_RESTORER);

   /* SA_SIGINFO: the handler gets who sent it. */
   memset(&sa, 0, sizeof sa);
   sa.ksa_handler = (vki_sighandler_t)(void*)info_handler;
   sa.sa_flags = VKI_SA_SIGINFO | VKI_SA_RESTART;
   VG_(sigemptyset)(&sa.sa_mask);
   UT_CHECK_EQ(VG_(sigaction)(VKI_SIGUSR2, &sa, NULL), 0);
   handled_signo = 0;
   UT_CHECK_EQ(VG_(kill)(VG_(getpid)(), VKI_SIGUSR2), 0);
   UT_CHECK_EQ(handled_signo, VKI_SIGUSR2);
   UT_CHECK_EQ(handled_code, VKI_SI_USER);
   UT_CHECK_EQ(handled_pid, getpid());
   handled_signo = 0;
   UT_CHECK_EQ(VG_(tkill)(VG_(gettid)(), VKI_SIGUSR2), 0);
   UT_CHECK_EQ(handled_signo, VKI_SIGUSR2);
   UT_CHECK_EQ(handled_code, VKI_SI_TKILL);

   /* SIGKILL's action cannot be changed; bad numbers are refused. */
   UT_CHECK_EQ(VG_(sigaction)(VKI_SIGKILL, &sa, NULL), -1);
   UT_CHECK_EQ(VG_(sigaction)(0, &sa, NULL), -1);
   UT_CHECK_EQ(VG_(kill)(VG_(getpid)(), 1000), -1);
}

static void kill_self_with_sigterm(void)
{
   struct vki_sigaction ign;
   vki_sigset_t all;
   /* Even ignored and blocked, it must be delivered with its default. */
   memset(&ign, 0, sizeof ign);
   ign.ksa_handler = VKI_SIG_IGN;
   VG_(sigaction)(VKI_SIGTERM, &ign, NULL);
   VG_(sigfillset)(&all);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &all, NULL);
   VG_(kill_self)(VKI_SIGTERM);
   _exit(0);
}

UNIT_TEST(kill_self_delivers_a_fatal_signal)
{
   int status = ut_run_captured(kill_self_with_sigterm, NULL, 0);
   UT_CHECK(WIFSIGNALED(status));
   UT_CHECK_EQ(WTERMSIG(status), SIGTERM);

   Int pid = VG_(fork)();
   if (pid == 0) {
      VG_(kill_self)(VKI_SIGUSR1);   /* fatal, without a core dump */
      _exit(0);
   }
   Int st = 0;
   UT_CHECK_EQ(VG_(waitpid)(pid, &st, 0), pid);
   UT_CHECK(VKI_WIFSIGNALED(st));
   UT_CHECK_EQ(VKI_WTERMSIG(st), VKI_SIGUSR1);
}

UNIT_TEST(kill_self_with_a_harmless_signal_restores_state)
{
   struct vki_sigaction sa, now;
   vki_sigset_t block, mask;
   memset(&sa, 0, sizeof sa);
   sa.ksa_handler = plain_handler;
   VG_(sigaction)(VKI_SIGCHLD, &sa, NULL);
   VG_(sigemptyset)(&block);
   VG_(sigaddset)(&block, VKI_SIGCHLD);
   VG_(sigprocmask)(VKI_SIG_BLOCK, &block, NULL);

   handled_signo = 0;
   VG_(kill_self)(VKI_SIGCHLD);            /* default: ignored */
   UT_CHECK_EQ(handled_signo, 0);          /* our handler was not used */
   VG_(sigaction)(VKI_SIGCHLD, NULL, &now);
   UT_CHECK(now.ksa_handler == plain_handler);
   VG_(sigprocmask)(VKI_SIG_BLOCK, NULL, &mask);
   UT_CHECK_EQ(VG_(sigismember)(&mask, VKI_SIGCHLD), 1);
}

UNIT_TEST(sigtimedwait_zero_takes_pending_signals)
{
   vki_sigset_t set;
   vki_siginfo_t info;
   UT_CHECK_EQ(sizeof info, 128);
   VG_(sigemptyset)(&set);
   VG_(sigaddset)(&set, VKI_SIGUSR1);
   VG_(sigprocmask)(VKI_SIG_BLOCK, &set, NULL);

   UT_CHECK_EQ(VG_(sigtimedwait_zero)(&set, &info), 0);   /* none yet */
   VG_(tkill)(VG_(gettid)(), VKI_SIGUSR1);
   memset(&info, 0, sizeof info);
   UT_CHECK_EQ(VG_(sigtimedwait_zero)(&set, &info), VKI_SIGUSR1);
   UT_CHECK_EQ(info.si_signo, VKI_SIGUSR1);
   UT_CHECK_EQ(info.si_code, VKI_SI_TKILL);
   UT_CHECK_EQ(info._sifields._kill.pid, getpid());
   UT_CHECK_EQ(info._sifields._kill.uid, getuid());
   UT_CHECK_EQ(VG_(sigtimedwait_zero)(&set, &info), 0);   /* taken */
}

UNIT_TEST(sigaltstack_round_trip)
{
   static char stack_mem[64 * 1024];
   vki_stack_t ss, old;
   ss.ss_sp = stack_mem;
   ss.ss_size = sizeof stack_mem;
   ss.ss_flags = 0;
   UT_CHECK_EQ(VG_(sigaltstack)(&ss, &old), 0);
   UT_CHECK(old.ss_flags & VKI_SS_DISABLE);

   stack_t l;
   UT_CHECK_EQ(sigaltstack(NULL, &l), 0);
   UT_CHECK(l.ss_sp == stack_mem);
   UT_CHECK_EQ(l.ss_size, sizeof stack_mem);

   ss.ss_size = 16;                        /* below MINSIGSTKSZ */
   UT_CHECK_EQ(VG_(sigaltstack)(&ss, NULL), -1);
}
