/* Signals a process sends itself, and the signal calls: delivery before
   kill returns, blocking and unblocking (the pending set, the order of
   delivery), sigqueue's value, sigsuspend, sigtimedwait, SA_RESETHAND,
   SA_NODEFER, nested handlers, a handler raising another signal,
   ignoring a pending signal, and the errors of sigaction and
   sigprocmask. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static char log_buf[4096];
static int log_len;
static volatile int depth, count;

static void logf_(const char* s)
{
   int n = (int)strlen(s);
   if (log_len + n < (int)sizeof log_buf) {
      memcpy(log_buf + log_len, s, n);
      log_len += n;
   }
}

static void flush_log(const char* what)
{
   log_buf[log_len] = 0;
   printf("%s:%s\n", what, log_buf);
   log_len = 0;
}

static const char* name(int sig)
{
   static char buf[16];
   if (sig == SIGUSR1) return "USR1";
   if (sig == SIGUSR2) return "USR2";
   if (sig == SIGALRM) return "ALRM";
   if (sig == SIGHUP)  return "HUP";
   if (sig >= SIGRTMIN && sig <= SIGRTMAX) {
      snprintf(buf, sizeof buf, "RTMIN+%d", sig - SIGRTMIN);
      return buf;
   }
   snprintf(buf, sizeof buf, "%d", sig);
   return buf;
}

static void on_sig(int sig, siginfo_t* si, void* uc)
{
   (void)uc;
   char buf[96];
   count++;
   depth++;
   if (si->si_code == SI_QUEUE)
      snprintf(buf, sizeof buf, " %s(value %d)", name(sig),
               si->si_value.sival_int);
   else
      snprintf(buf, sizeof buf, " %s", name(sig));
   logf_(buf);
   depth--;
}

/* USR1 raises USR2 (nested), NODEFER handlers raise themselves once. */
static void raiser(int sig, siginfo_t* si, void* uc)
{
   (void)si; (void)uc;
   char buf[64];
   depth++;
   snprintf(buf, sizeof buf, " enter-%s(depth %d)", name(sig), depth);
   logf_(buf);
   if (sig == SIGUSR1 || count++ == 0)
      raise(sig == SIGUSR1 ? SIGUSR2 : sig);
   snprintf(buf, sizeof buf, " leave-%s", name(sig));
   logf_(buf);
   depth--;
}

static void set(int sig, void (*fn)(int, siginfo_t*, void*), int flags)
{
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = fn;
   sa.sa_flags = SA_SIGINFO | flags;
   sigemptyset(&sa.sa_mask);
   if (sigaction(sig, &sa, NULL) != 0)
      printf("sigaction(%d) failed\n", sig);
}

static void block(int sig, int how)
{
   sigset_t s;
   sigemptyset(&s);
   sigaddset(&s, sig);
   sigprocmask(how, &s, NULL);
}

static int is_pending(int sig)
{
   sigset_t s;
   sigpending(&s);
   return sigismember(&s, sig);
}

int main(void)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   set(SIGUSR1, on_sig, 0);
   set(SIGUSR2, on_sig, 0);
   set(SIGHUP, on_sig, 0);
   set(SIGRTMIN + 1, on_sig, 0);
   set(SIGRTMIN + 2, on_sig, 0);

   /* Delivered before kill (and raise, tgkill) returns. */
   kill(getpid(), SIGUSR1);
   flush_log("after kill");
   raise(SIGUSR2);
   flush_log("after raise");

   /* Blocked: pending, then delivered when unblocked, before
      sigprocmask returns. */
   block(SIGUSR1, SIG_BLOCK);
   kill(getpid(), SIGUSR1);
   flush_log("blocked, after kill");
   printf("pending: %s\n", is_pending(SIGUSR1) ? "yes" : "no");
   block(SIGUSR1, SIG_UNBLOCK);
   flush_log("after unblocking");
   printf("pending: %s\n", is_pending(SIGUSR1) ? "yes" : "no");

   /* Several pending at once: real-time ones queue, with their values;
      the kernel delivers the lowest number first, each frame above the
      last, so the handlers run in the reverse order. */
   sigset_t all, old;
   sigfillset(&all);
   sigprocmask(SIG_BLOCK, &all, &old);
   union sigval v;
   v.sival_int = 1;
   sigqueue(getpid(), SIGRTMIN + 2, v);
   v.sival_int = 2;
   sigqueue(getpid(), SIGRTMIN + 1, v);
   v.sival_int = 3;
   sigqueue(getpid(), SIGRTMIN + 2, v);
   kill(getpid(), SIGUSR2);
   kill(getpid(), SIGUSR2);
   kill(getpid(), SIGHUP);
   sigprocmask(SIG_SETMASK, &old, NULL);
   flush_log("all at once");

   /* sigsuspend: SIGALRM blocked, waited for with a mask without it. */
   set(SIGALRM, on_sig, 0);
   block(SIGALRM, SIG_BLOCK);
   struct itimerval it = { { 0, 0 }, { 0, 50000 } };
   setitimer(ITIMER_REAL, &it, NULL);
   sigset_t wait_mask;
   sigemptyset(&wait_mask);
   int r = sigsuspend(&wait_mask);
   flush_log("sigsuspend");
   sigprocmask(SIG_SETMASK, NULL, &old);
   printf("sigsuspend: %d (%s), SIGALRM blocked again: %s\n", r,
          errno == EINTR ? "EINTR" : "?",
          sigismember(&old, SIGALRM) ? "yes" : "no");

   /* sigtimedwait takes a blocked pending signal without a handler. */
   block(SIGUSR2, SIG_BLOCK);
   kill(getpid(), SIGUSR2);
   siginfo_t si;
   sigset_t w;
   sigemptyset(&w);
   sigaddset(&w, SIGUSR2);
   struct timespec ts = { 1, 0 };
   r = sigtimedwait(&w, &si, &ts);
   printf("sigtimedwait: %s, si_code %s, si_pid ours: %s\n", name(r),
          si.si_code == SI_USER ? "SI_USER" : "?",
          si.si_pid == getpid() ? "yes" : "no");
   ts.tv_sec = 0;
   ts.tv_nsec = 20000000;
   r = sigtimedwait(&w, &si, &ts);
   printf("sigtimedwait with nothing pending: %d (%s)\n", r,
          errno == EAGAIN ? "EAGAIN" : "?");
   flush_log("handlers meanwhile");
   block(SIGUSR2, SIG_UNBLOCK);

   /* SA_RESETHAND: once, then the default action. */
   set(SIGUSR1, on_sig, SA_RESETHAND);
   kill(getpid(), SIGUSR1);
   flush_log("SA_RESETHAND");
   struct sigaction cur;
   sigaction(SIGUSR1, NULL, &cur);
   printf("handler afterwards: %s\n",
          cur.sa_handler == SIG_DFL ? "SIG_DFL" : "still set");

   /* A handler that raises another signal: nested. */
   set(SIGUSR1, raiser, 0);
   set(SIGUSR2, raiser, 0);
   count = 1;
   raise(SIGUSR1);
   flush_log("USR1 raising USR2");

   /* Raising itself: deferred without SA_NODEFER, nested with it. */
   count = 0;
   raise(SIGUSR2);
   flush_log("USR2 raising USR2");
   set(SIGUSR2, raiser, SA_NODEFER);
   count = 0;
   raise(SIGUSR2);
   flush_log("USR2 raising USR2, SA_NODEFER");

   /* Ignoring a pending signal discards it. */
   set(SIGUSR1, on_sig, 0);
   block(SIGUSR1, SIG_BLOCK);
   kill(getpid(), SIGUSR1);
   printf("pending before SIG_IGN: %s\n", is_pending(SIGUSR1) ? "yes" : "no");
   signal(SIGUSR1, SIG_IGN);
   printf("pending after SIG_IGN: %s\n", is_pending(SIGUSR1) ? "yes" : "no");
   set(SIGUSR1, on_sig, 0);
   block(SIGUSR1, SIG_UNBLOCK);
   flush_log("after unblocking");

   /* The errors. */
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = SIG_IGN;
   errno = 0;
   r = sigaction(SIGKILL, &sa, NULL);
   printf("sigaction(SIGKILL): %d (%s)\n", r, errno == EINVAL ? "EINVAL" : "?");
   errno = 0;
   r = sigaction(SIGSTOP, &sa, NULL);
   printf("sigaction(SIGSTOP): %d (%s)\n", r, errno == EINVAL ? "EINVAL" : "?");
   r = sigaction(SIGKILL, NULL, &cur);
   printf("sigaction(SIGKILL, NULL, &old): %d, SIG_DFL: %s\n", r,
          cur.sa_handler == SIG_DFL ? "yes" : "no");
   errno = 0;
   r = (int)syscall(13, 65, NULL, NULL, 8);
   printf("rt_sigaction(65): %d (%s)\n", r, errno == EINVAL ? "EINVAL" : "?");
   errno = 0;
   r = (int)syscall(13, SIGUSR1, NULL, NULL, 4);
   printf("rt_sigaction(sigsetsize 4): %d (%s)\n", r,
          errno == EINVAL ? "EINVAL" : "?");
   errno = 0;
   r = (int)syscall(14, 7, &all, NULL, 8);
   printf("rt_sigprocmask(how 7): %d (%s)\n", r,
          errno == EINVAL ? "EINVAL" : "?");
   sigset_t fill;
   sigfillset(&fill);
   sigprocmask(SIG_SETMASK, &fill, &old);
   sigprocmask(SIG_SETMASK, &old, &fill);
   printf("SIGKILL and SIGSTOP cannot be blocked: %s\n",
          !sigismember(&fill, SIGKILL) && !sigismember(&fill, SIGSTOP)
          ? "yes" : "no");
   /* Flags the kernel does not know are not kept. */
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = SIG_IGN;
   sa.sa_flags = SA_RESTART | 0x400;
   sigaction(SIGUSR2, &sa, NULL);
   sigaction(SIGUSR2, NULL, &cur);
   printf("flags kept: SA_RESTART %s, 0x400 %s\n",
          cur.sa_flags & SA_RESTART ? "yes" : "no",
          cur.sa_flags & 0x400 ? "yes" : "no");
   return 0;
}
