/* Detached threads, never joined: the main thread learns that they are
   done from a semaphore (batch 1, 3) or a condition variable (batch 2).
   Half of each batch is created detached, the other half detaches itself.
   Three batches in a row, so that later ones reuse the stacks of earlier
   ones (the C library frees a detached thread's stack only once the
   kernel has cleared its tid, the CLONE_CHILD_CLEARTID futex). */
#define _GNU_SOURCE
#include "thr_util.h"
#include <semaphore.h>

#define THREADS 8
#define BATCHES 3

static sem_t finished_sem;
static pthread_mutex_t finished_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t finished_cond = PTHREAD_COND_INITIALIZER;
static int finished_count;
static int use_condvar;
static unsigned long results[THREADS];

static unsigned long digit_sum_of_powers(unsigned long base)
{
   unsigned long value = 1, sum = 0;
   for (int i = 0; i < 40000; i++) {
      value = value * base % 1000000007UL;
      sum += value % 10;
   }
   return sum;
}

static void announce_finished(void)
{
   if (use_condvar) {
      THR_OK(pthread_mutex_lock(&finished_lock));
      finished_count++;
      THR_OK(pthread_cond_signal(&finished_cond));
      THR_OK(pthread_mutex_unlock(&finished_lock));
   } else {
      THR_CHECK(sem_post(&finished_sem) == 0);
   }
}

static void* worker(void* arg)
{
   long index = (long)arg;
   if (index % 2)
      THR_OK(pthread_detach(pthread_self()));
   results[index] = digit_sum_of_powers((unsigned long)index + 2);
   announce_finished();
   return NULL;
}

static void await_all_finished(void)
{
   if (use_condvar) {
      THR_OK(pthread_mutex_lock(&finished_lock));
      while (finished_count < THREADS)
         THR_OK(pthread_cond_wait(&finished_cond, &finished_lock));
      finished_count = 0;
      THR_OK(pthread_mutex_unlock(&finished_lock));
   } else {
      for (int i = 0; i < THREADS; i++)
         while (sem_wait(&finished_sem) != 0)
            ;
   }
}

int main(void)
{
   pthread_attr_t detached;
   thr_watchdog(60);
   THR_CHECK(sem_init(&finished_sem, 0, 0) == 0);
   THR_OK(pthread_attr_init(&detached));
   THR_OK(pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED));
   for (int batch = 1; batch <= BATCHES; batch++) {
      use_condvar = batch == 2;
      memset(results, 0, sizeof results);
      for (long i = 0; i < THREADS; i++) {
         pthread_t t;
         THR_OK(pthread_create(&t, i % 2 ? NULL : &detached, worker, (void*)i));
      }
      await_all_finished();
      printf("batch %d (%s):", batch, use_condvar ? "condvar" : "semaphore");
      for (int i = 0; i < THREADS; i++)
         printf(" %lu", results[i]);
      printf("\n");
   }
   THR_OK(pthread_attr_destroy(&detached));
   /* Returning from main ends the process, with detached threads perhaps
      still on their way out. */
   return 0;
}
