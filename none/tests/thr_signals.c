/* Signals and threads: pthread_kill of SIGUSR1 to a thread blocked in
   read, in poll, in a futex wait (sem_wait) and to one spinning -- the
   handler runs in that thread (it records pthread_self) and the thread
   then carries on; per-thread masks -- a process-directed SIGUSR2 goes to
   the one thread that does not block it, and a SIGUSR2 sent to a thread
   that blocks it stays pending for that thread until it unblocks it; and
   sigwaitinfo in a thread dedicated to it, receiving 50 queued real-time
   signals with their values, a SIGHUP and a SIGTERM that all the other
   threads block. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <errno.h>
#include <poll.h>
#include <semaphore.h>
#include <signal.h>

#define QUEUED 50

static volatile int handler_ran;
static pthread_t handler_thread;
static sem_t ready;

static void record_handler(int sig)
{
   (void)sig;
   handler_thread = pthread_self();
   handler_ran = 1;
}

static void install(int sig)
{
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = record_handler;   /* no SA_RESTART: calls fail with EINTR */
   sigemptyset(&sa.sa_mask);
   THR_CHECK(sigaction(sig, &sa, NULL) == 0);
}

static void set_mask(int how, int sig)
{
   sigset_t set;
   sigemptyset(&set);
   sigaddset(&set, sig);
   THR_OK(pthread_sigmask(how, &set, NULL));
}

/* --- pthread_kill to a thread blocked in a system call, or spinning --- */

static int wake_fds[2];
static sem_t wake_sem;
static volatile int stop_spinning;

static void* block_in_read(void* arg)
{
   (void)arg;
   char c = 0;
   sem_post(&ready);
   while (read(wake_fds[0], &c, 1) != 1)
      THR_CHECK(errno == EINTR);
   return (void*)(long)c;
}

static void* block_in_poll(void* arg)
{
   (void)arg;
   char c = 0;
   struct pollfd p = { .fd = wake_fds[0], .events = POLLIN };
   sem_post(&ready);
   while (poll(&p, 1, -1) != 1)
      THR_CHECK(errno == EINTR);
   THR_CHECK(read(wake_fds[0], &c, 1) == 1);
   return (void*)(long)c;
}

static void* block_in_futex(void* arg)
{
   (void)arg;
   sem_post(&ready);
   while (sem_wait(&wake_sem) != 0)
      THR_CHECK(errno == EINTR);
   return (void*)(long)'f';
}

static void* spin(void* arg)
{
   (void)arg;
   volatile unsigned long n = 0;
   sem_post(&ready);
   while (!stop_spinning)
      n = n + 1;
   return (void*)(long)'s';
}

static int kill_one(const char* name, void* (*body)(void*), char wake_byte)
{
   pthread_t t;
   void* result;
   THR_OK(pthread_create(&t, NULL, body, NULL));
   while (sem_wait(&ready) != 0)
      ;
   thr_sleep_ms(20);   /* most likely blocked by now; either way works */
   handler_ran = 0;
   THR_OK(pthread_kill(t, SIGUSR1));
   thr_await_flag(&handler_ran, 20, "SIGUSR1 handler never ran");
   int in_target = pthread_equal(handler_thread, t);
   if (wake_byte)
      THR_CHECK(write(wake_fds[1], &wake_byte, 1) == 1);
   sem_post(&wake_sem);
   stop_spinning = 1;
   THR_OK(pthread_join(t, &result));
   printf("pthread_kill to a thread %-16s handler ran in it: %s, then it "
          "returned '%c'\n", name, in_target ? "yes" : "NO", (char)(long)result);
   THR_CHECK(sem_trywait(&wake_sem) == 0 || errno == EAGAIN);   /* drain */
   stop_spinning = 0;
   return in_target;
}

/* --- per-thread masks --- */

static sem_t go_on, blocker_go_on;
static pthread_t unblocking_thread;
static volatile int saw_pending, ran_before_unblock;

/* Keeps SIGUSR2 blocked: a SIGUSR2 sent to it must wait for the unblock. */
static void* keeps_blocked(void* arg)
{
   (void)arg;
   sigset_t pending;
   sem_post(&ready);
   while (sem_wait(&blocker_go_on) != 0)
      ;
   THR_CHECK(sigpending(&pending) == 0);
   saw_pending = sigismember(&pending, SIGUSR2);
   ran_before_unblock = handler_ran;
   set_mask(SIG_UNBLOCK, SIGUSR2);   /* the handler runs before this returns */
   return (void*)(long)handler_ran;
}

/* Unblocks SIGUSR2 and waits (interruptibly) until told to go on. */
static void* accepts(void* arg)
{
   (void)arg;
   set_mask(SIG_UNBLOCK, SIGUSR2);
   sem_post(&ready);
   while (sem_wait(&go_on) != 0)
      ;
   return NULL;
}

static int per_thread_masks(void)
{
   pthread_t blocker;
   void* ran_after_unblock;
   /* Inherited by both threads; only "accepts" unblocks it. */
   set_mask(SIG_BLOCK, SIGUSR2);
   THR_OK(pthread_create(&blocker, NULL, keeps_blocked, NULL));
   THR_OK(pthread_create(&unblocking_thread, NULL, accepts, NULL));
   for (int i = 0; i < 2; i++)
      while (sem_wait(&ready) != 0)
         ;
   handler_ran = 0;
   THR_CHECK(kill(getpid(), SIGUSR2) == 0);
   thr_await_flag(&handler_ran, 20, "process-directed SIGUSR2 never handled");
   int to_unblocker = pthread_equal(handler_thread, unblocking_thread);
   printf("kill(getpid()) of SIGUSR2, blocked in all threads but one: "
          "handled in that one: %s\n", to_unblocker ? "yes" : "NO");
   sem_post(&go_on);
   THR_OK(pthread_join(unblocking_thread, NULL));

   handler_ran = 0;
   THR_OK(pthread_kill(blocker, SIGUSR2));
   thr_sleep_ms(20);   /* the handler must not run meanwhile */
   sem_post(&blocker_go_on);
   THR_OK(pthread_join(blocker, &ran_after_unblock));
   int in_blocker = pthread_equal(handler_thread, blocker);
   printf("pthread_kill of SIGUSR2 to a thread blocking it: pending there: "
          "%s, handled before the unblock: %s, after: %s, in that thread: "
          "%s\n", saw_pending ? "yes" : "NO", ran_before_unblock ? "YES" : "no",
          ran_after_unblock ? "yes" : "NO", in_blocker ? "yes" : "NO");
   return to_unblocker && saw_pending && !ran_before_unblock
          && ran_after_unblock && in_blocker;
}

/* --- sigwaitinfo in a dedicated thread --- */

static sigset_t waited_set;

static void* signal_waiter(void* arg)
{
   (void)arg;
   int rt = 0, hup = 0, term = 0;
   long value_sum = 0;
   while (!term) {
      siginfo_t info;
      int sig = sigwaitinfo(&waited_set, &info);
      if (sig < 0) {
         THR_CHECK(errno == EINTR);
      } else if (sig == SIGRTMIN + 3) {
         rt++;
         value_sum += info.si_value.sival_int;
      } else if (sig == SIGHUP) {
         hup++;
      } else if (sig == SIGTERM) {
         term++;
      }
   }
   printf("sigwaitinfo thread: %d queued SIGRTMIN+3 (values sum %ld), "
          "%d SIGHUP, %d SIGTERM\n", rt, value_sum, hup, term);
   return (void*)(long)(rt == QUEUED && hup == 1);
}

static int dedicated_waiter(void)
{
   pthread_t waiter;
   void* ok;
   THR_OK(pthread_create(&waiter, NULL, signal_waiter, NULL));
   for (int i = 1; i <= QUEUED; i++)
      THR_CHECK(sigqueue(getpid(), SIGRTMIN + 3,
                         (union sigval){ .sival_int = i }) == 0);
   THR_CHECK(kill(getpid(), SIGHUP) == 0);
   /* SIGTERM last: the waiter stops at it, so it must see the others
      first; standard signals come before real-time ones, so wait for them
      to have been taken before sending it. */
   for (int waited = 0;; waited++) {
      sigset_t pending;
      THR_CHECK(sigpending(&pending) == 0);
      if (!sigismember(&pending, SIGHUP) && !sigismember(&pending, SIGRTMIN + 3))
         break;
      if (waited > 20000)
         thr_fail("the waiter does not take its signals", 0);
      thr_sleep_ms(1);
   }
   THR_CHECK(kill(getpid(), SIGTERM) == 0);
   THR_OK(pthread_join(waiter, &ok));
   return ok != NULL;
}

int main(void)
{
   thr_watchdog(60);
   /* Blocked in every thread (all inherit it); only the waiter takes them. */
   sigemptyset(&waited_set);
   sigaddset(&waited_set, SIGRTMIN + 3);
   sigaddset(&waited_set, SIGHUP);
   sigaddset(&waited_set, SIGTERM);
   THR_OK(pthread_sigmask(SIG_BLOCK, &waited_set, NULL));
   install(SIGUSR1);
   install(SIGUSR2);
   THR_CHECK(sem_init(&ready, 0, 0) == 0);
   THR_CHECK(sem_init(&wake_sem, 0, 0) == 0);
   THR_CHECK(sem_init(&go_on, 0, 0) == 0);
   THR_CHECK(sem_init(&blocker_go_on, 0, 0) == 0);
   THR_CHECK(pipe(wake_fds) == 0);

   int ok = 1;
   ok &= kill_one("blocked in read:", block_in_read, 'r');
   ok &= kill_one("blocked in poll:", block_in_poll, 'p');
   ok &= kill_one("blocked in futex:", block_in_futex, 0);
   ok &= kill_one("spinning:", spin, 0);
   ok &= per_thread_masks();
   fflush(stdout);
   ok &= dedicated_waiter();
   return ok ? 0 : 1;
}
