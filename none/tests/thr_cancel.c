/* pthread_cancel: deferred cancellation of threads blocked at cancellation
   points (sleep, read of an empty pipe, pthread_cond_wait), of a thread
   that had cancellation disabled until it enabled it and called
   pthread_testcancel, and asynchronous cancellation of a thread spinning
   in a loop.  Each time the cleanup handler runs (the condition wait's
   one releases the mutex) and pthread_join sees PTHREAD_CANCELED; a thread
   that is not cancelled returns its value and runs no cleanup. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <semaphore.h>

static sem_t ready, go;
static int cleanup_ran;
static int pipe_fds[2];
static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never_signalled = PTHREAD_COND_INITIALIZER;
static int work_done_while_disabled;
static volatile unsigned long spins;

static void note_cleanup(void* arg)
{
   (void)arg;
   cleanup_ran = 1;
}

static void unlock_and_note_cleanup(void* arg)
{
   THR_OK(pthread_mutex_unlock(arg));
   cleanup_ran = 1;
}

static void* sleeper(void* arg)
{
   (void)arg;
   pthread_cleanup_push(note_cleanup, NULL);
   sem_post(&ready);
   sleep(100);
   pthread_cleanup_pop(0);
   return NULL;
}

static void* reader(void* arg)
{
   (void)arg;
   char c;
   pthread_cleanup_push(note_cleanup, NULL);
   sem_post(&ready);
   if (read(pipe_fds[0], &c, 1) >= 0)
      thr_fail("read of an empty pipe returned", 0);
   pthread_cleanup_pop(0);
   return NULL;
}

static void* cond_waiter(void* arg)
{
   (void)arg;
   THR_OK(pthread_mutex_lock(&wait_lock));
   pthread_cleanup_push(unlock_and_note_cleanup, &wait_lock);
   sem_post(&ready);
   for (;;)
      pthread_cond_wait(&never_signalled, &wait_lock);
   pthread_cleanup_pop(0);
   return NULL;
}

static void* late_enabler(void* arg)
{
   (void)arg;
   THR_OK(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL));
   pthread_cleanup_push(note_cleanup, NULL);
   sem_post(&ready);
   /* sem_wait is a cancellation point, but cancellation is disabled. */
   while (sem_wait(&go) != 0)
      ;
   work_done_while_disabled = 1;
   THR_OK(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL));
   pthread_testcancel();
   pthread_cleanup_pop(0);
   return NULL;
}

static void* spinner(void* arg)
{
   (void)arg;
   pthread_cleanup_push(note_cleanup, NULL);
   THR_OK(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL));
   sem_post(&ready);
   for (;;)
      spins = spins + 1;
   pthread_cleanup_pop(0);
   return NULL;
}

static void* not_cancelled(void* arg)
{
   (void)arg;
   pthread_cleanup_push(note_cleanup, NULL);
   sem_post(&ready);
   pthread_cleanup_pop(0);
   return (void*)42L;
}

/* Starts the thread, cancels it once it is about to block (or spin) and
   prints what pthread_join returned and whether the cleanup handler ran. */
static int cancel_case(const char* name, void* (*body)(void*), int cancel)
{
   pthread_t t;
   void* result;
   cleanup_ran = 0;
   THR_OK(pthread_create(&t, NULL, body, NULL));
   while (sem_wait(&ready) != 0)
      ;
   thr_sleep_ms(20);   /* most likely blocked by now; either way works */
   if (cancel)
      THR_OK(pthread_cancel(t));
   if (body == late_enabler)
      sem_post(&go);
   THR_OK(pthread_join(t, &result));
   int canceled = result == PTHREAD_CANCELED;
   printf("%-22s join: %-18s cleanup ran: %s\n", name,
          canceled ? "PTHREAD_CANCELED" : result == (void*)42L ? "42" : "?",
          cleanup_ran ? "yes" : "no");
   return canceled == cancel && cleanup_ran == cancel;
}

int main(void)
{
   thr_watchdog(60);
   THR_CHECK(sem_init(&ready, 0, 0) == 0);
   THR_CHECK(sem_init(&go, 0, 0) == 0);
   THR_CHECK(pipe(pipe_fds) == 0);
   int ok = 1;
   ok &= cancel_case("sleep", sleeper, 1);
   ok &= cancel_case("read", reader, 1);
   ok &= cancel_case("pthread_cond_wait", cond_waiter, 1);
   int unlocked = pthread_mutex_trylock(&wait_lock) == 0;
   printf("mutex released by the cleanup handler: %s\n",
          unlocked ? "yes" : "NO");
   ok &= unlocked;
   ok &= cancel_case("disabled, then enabled", late_enabler, 1);
   printf("work done while cancellation was disabled: %s\n",
          work_done_while_disabled ? "yes" : "NO");
   ok &= work_done_while_disabled;
   ok &= cancel_case("asynchronous", spinner, 1);
   ok &= cancel_case("not cancelled", not_cancelled, 0);
   return ok ? 0 : 1;
}
