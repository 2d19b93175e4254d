/* pthread_create and pthread_join of 1, 2, 8 and 64 threads at once: each
   thread computes something of its own (the Collatz steps of its own
   range of numbers, which it both stores and returns), and the main thread
   prints the results in thread order.  Also checks that every thread has
   its own kernel thread id, the process id of the main thread, and its
   own pthread_t (the threads of a round wait for each other on a barrier
   before they end, so that all of them exist at once). */
#define _GNU_SOURCE
#include "thr_util.h"
#include <sys/syscall.h>

#define MAX_THREADS 64
#define RANGE 3000

static pthread_barrier_t all_started;

struct job {
   int index;
   unsigned long steps;    /* written by the thread */
   pid_t tid, pid;         /* likewise */
   pthread_t self;         /* likewise */
};

static unsigned long collatz_steps(unsigned long n)
{
   unsigned long steps = 0;
   while (n != 1) {
      n = (n & 1) ? 3 * n + 1 : n / 2;
      steps++;
   }
   return steps;
}

static void* worker(void* arg)
{
   struct job* job = arg;
   unsigned long total = 0;
   unsigned long first = 1 + (unsigned long)job->index * RANGE;
   for (unsigned long n = first; n < first + RANGE; n++)
      total += collatz_steps(n);
   job->steps = total;
   job->tid = (pid_t)syscall(SYS_gettid);
   job->pid = getpid();
   job->self = pthread_self();
   int err = pthread_barrier_wait(&all_started);
   if (err && err != PTHREAD_BARRIER_SERIAL_THREAD)
      thr_fail("pthread_barrier_wait", err);
   return (void*)total;
}

static void run_round(int nthreads)
{
   pthread_t threads[MAX_THREADS];
   struct job jobs[MAX_THREADS];
   THR_OK(pthread_barrier_init(&all_started, NULL, (unsigned)nthreads));
   for (int i = 0; i < nthreads; i++) {
      jobs[i] = (struct job){ .index = i };
      THR_OK(pthread_create(&threads[i], NULL, worker, &jobs[i]));
   }
   int all_ok = 1;
   printf("%d thread%s:", nthreads, nthreads == 1 ? "" : "s");
   for (int i = 0; i < nthreads; i++) {
      void* result;
      THR_OK(pthread_join(threads[i], &result));
      if ((unsigned long)result != jobs[i].steps)
         all_ok = 0;
      if (jobs[i].pid != getpid() || jobs[i].tid == getpid()
          || !pthread_equal(jobs[i].self, threads[i]))
         all_ok = 0;
      for (int j = 0; j < i; j++)
         if (jobs[j].tid == jobs[i].tid)
            all_ok = 0;
      printf(" %lu", jobs[i].steps);
   }
   printf("\n  returned values, tids, pids and pthread_t %s\n",
          all_ok ? "ok" : "WRONG");
   THR_OK(pthread_barrier_destroy(&all_started));
   if (!all_ok)
      exit(1);
}

int main(void)
{
   static const int counts[] = { 1, 2, 8, 64 };
   thr_watchdog(60);
   for (unsigned i = 0; i < sizeof counts / sizeof counts[0]; i++)
      run_round(counts[i]);
   return 0;
}
