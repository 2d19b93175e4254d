/* SIGALRM from interval timers: interrupting a busy loop, and blocking
   system calls: read on an empty pipe fails with EINTR when the handler
   lacks SA_RESTART and is restarted with it; nanosleep and pause fail
   with EINTR either way; select and poll with EINTR.  And a POSIX
   timer's signal with its value. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile int alarms;
static int pipe_w = -1;

static void on_alarm(int sig)
{
   (void)sig;
   alarms++;
   if (pipe_w >= 0)
      (void)!write(pipe_w, "x", 1);
}

static volatile int timer_code, timer_value;

static void on_timer(int sig, siginfo_t* si, void* uc)
{
   (void)sig; (void)uc;
   timer_code = si->si_code;
   timer_value = si->si_value.sival_int;
}

static void set_handler(int flags)
{
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = on_alarm;
   sa.sa_flags = flags;
   sigemptyset(&sa.sa_mask);
   sigaction(SIGALRM, &sa, NULL);
}

static void timer_ms(long first, long interval)
{
   struct itimerval it;
   it.it_value.tv_sec = first / 1000;
   it.it_value.tv_usec = (first % 1000) * 1000;
   it.it_interval.tv_sec = interval / 1000;
   it.it_interval.tv_usec = (interval % 1000) * 1000;
   setitimer(ITIMER_REAL, &it, NULL);
}

static const char* err(long r)
{
   return r >= 0 ? "ok" : errno == EINTR ? "EINTR" : strerror(errno);
}

int main(void)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   int p[2];
   char c;

   /* A busy loop, interrupted every 20ms until three alarms came. */
   set_handler(0);
   timer_ms(20, 20);
   unsigned long spins = 0;
   while (alarms < 3)
      spins++;
   timer_ms(0, 0);
   printf("busy loop: %d alarms, spun: %s\n", alarms,
          spins > 0 ? "yes" : "no");

   /* read without SA_RESTART: EINTR. */
   alarms = 0;
   pipe(p);
   timer_ms(50, 0);
   long r = read(p[0], &c, 1);
   printf("read without SA_RESTART: %ld (%s), %d alarm\n", r, err(r),
          alarms);

   /* read with SA_RESTART: the handler writes a byte, the read is made
      again and gets it. */
   alarms = 0;
   set_handler(SA_RESTART);
   pipe_w = p[1];
   timer_ms(50, 0);
   c = 0;
   r = read(p[0], &c, 1);
   printf("read with SA_RESTART: %ld (%s) '%c', %d alarm\n", r, err(r), c,
          alarms);
   pipe_w = -1;

   /* nanosleep: EINTR even with SA_RESTART, the time left reported. */
   alarms = 0;
   timer_ms(50, 0);
   struct timespec req = { 5, 0 }, rem = { 0, 0 };
   r = nanosleep(&req, &rem);
   printf("nanosleep: %ld (%s), time left: %s, %d alarm\n", r, err(r),
          rem.tv_sec > 0 && rem.tv_sec < 5 ? "yes" : "no", alarms);

   /* pause */
   alarms = 0;
   timer_ms(50, 0);
   r = pause();
   printf("pause: %ld (%s), %d alarm\n", r, err(r), alarms);

   /* select and poll on the empty pipe */
   alarms = 0;
   timer_ms(50, 0);
   fd_set rd;
   FD_ZERO(&rd);
   FD_SET(p[0], &rd);
   struct timeval tv = { 5, 0 };
   r = select(p[0] + 1, &rd, NULL, NULL, &tv);
   printf("select: %ld (%s), %d alarm\n", r, err(r), alarms);
   alarms = 0;
   timer_ms(50, 0);
   struct pollfd pfd = { p[0], POLLIN, 0 };
   r = poll(&pfd, 1, 5000);
   printf("poll: %ld (%s), %d alarm\n", r, err(r), alarms);

   /* A write that fits completes whatever the timer does. */
   alarms = 0;
   timer_ms(1, 1);
   long total = 0;
   for (int i = 0; i < 2000; i++)
      total += write(p[1], "y", 1);
   timer_ms(0, 0);
   printf("2000 writes with a 1ms timer: %ld bytes\n", total);

   /* A POSIX timer: SIGUSR2 with its value, si_code SI_TIMER. */
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = on_timer;
   sa.sa_flags = SA_SIGINFO;
   sigaction(SIGUSR2, &sa, NULL);
   struct sigevent ev;
   memset(&ev, 0, sizeof ev);
   ev.sigev_notify = SIGEV_SIGNAL;
   ev.sigev_signo = SIGUSR2;
   ev.sigev_value.sival_int = 7;
   timer_t t;
   r = timer_create(CLOCK_MONOTONIC, &ev, &t);
   struct itimerspec its = { { 0, 0 }, { 0, 30 * 1000 * 1000 } };
   timer_settime(t, 0, &its, NULL);
   long p2 = pause();
   printf("POSIX timer: created %ld, pause %ld (%s), SI_TIMER: %s, "
          "value %d\n", r, p2, err(p2), timer_code == SI_TIMER ? "yes" : "no",
          timer_value);
   timer_delete(t);
   return 0;
}
