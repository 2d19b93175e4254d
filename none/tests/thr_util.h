/* What the thr_*.c thread tests share: failing loudly (on stdout, so that
   the comparison with the native run shows it) and a watchdog, so that a
   deadlock under valgrind ends the test in seconds instead of at the
   runner's timeout. */
#ifndef THR_UTIL_H
#define THR_UTIL_H

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Prints what failed and ends the process with status 1. */
static inline void thr_fail(const char* what, int err)
{
   printf("FAIL: %s%s%s\n", what, err ? ": " : "", err ? strerror(err) : "");
   fflush(stdout);
   exit(1);
}

/* A condition that must hold; its text is the failure message. */
#define THR_CHECK(cond) \
   do { if (!(cond)) thr_fail("check failed: " #cond, 0); } while (0)

/* A pthread call that must return 0. */
#define THR_OK(call) \
   do { int thr_err_ = (call); if (thr_err_) thr_fail(#call, thr_err_); } while (0)

/* SIGALRM's default action kills a test that hangs. */
static inline void thr_watchdog(unsigned seconds)
{
   alarm(seconds);
}

/* Sleeps for ms milliseconds (to let other threads reach a blocking call;
   the output never depends on whether they did). */
static inline void thr_sleep_ms(long ms)
{
   struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
   while (nanosleep(&ts, &ts) != 0)
      ;
}

/* Waits until *flag is non-zero, polling every millisecond; fails after
   the given number of seconds. */
static inline void thr_await_flag(volatile int* flag, int seconds,
                                  const char* what)
{
   for (long waited = 0; !*flag; waited++) {
      if (waited >= seconds * 1000L)
         thr_fail(what, 0);
      thr_sleep_ms(1);
   }
}

#endif
