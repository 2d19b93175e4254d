/* The CPU-bound kernel of perf/threads/run-bench: UNITS units of work
   shared out evenly among NTHREADS threads.  A unit is an integer and
   floating-point loop over an array of the thread's own (no shared
   writes, no locks while working), so that 2 threads can do the same total
   work as 1 in half the time.  Prints the sum of the units' results, the
   same whatever the number of threads.

   usage: cpu_kernel NTHREADS UNITS   (UNITS a multiple of NTHREADS) */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define ARRAY_LEN 4096
#define PASSES 64

struct worker {
   int first_unit, units;
   uint64_t result;
} __attribute__((aligned(64)));   /* no false sharing of results */

static uint64_t run_unit(int unit)
{
   double data[ARRAY_LEN];
   uint64_t x = 0x9e3779b97f4a7c15ull * (uint64_t)(unit + 1), isum = 0;
   for (int i = 0; i < ARRAY_LEN; i++)
      data[i] = (double)(i % 97) * 0.01;
   for (int pass = 0; pass < PASSES; pass++)
      for (int i = 0; i < ARRAY_LEN; i++) {
         x ^= x << 13;
         x ^= x >> 7;
         x ^= x << 17;
         isum += x >> 40;
         data[i] = data[i] * 0.999 + (double)(x & 0xff) * 0.001;
      }
   double fsum = 0;
   for (int i = 0; i < ARRAY_LEN; i++)
      fsum += data[i];
   return isum + (uint64_t)(fsum * 1000.0);
}

static void* work(void* arg)
{
   struct worker* w = arg;
   for (int u = w->first_unit; u < w->first_unit + w->units; u++)
      w->result += run_unit(u);
   return NULL;
}

int main(int argc, char** argv)
{
   int nthreads = argc > 1 ? atoi(argv[1]) : 0;
   int units = argc > 2 ? atoi(argv[2]) : 0;
   if (nthreads < 1 || nthreads > 64 || units < 1 || units % nthreads) {
      fprintf(stderr, "usage: cpu_kernel NTHREADS UNITS (UNITS a multiple "
              "of NTHREADS)\n");
      return 2;
   }
   static struct worker workers[64];
   pthread_t threads[64];
   for (int i = 0; i < nthreads; i++) {
      workers[i].first_unit = i * (units / nthreads);
      workers[i].units = units / nthreads;
   }
   /* The main thread is worker 0: one thread in all means no thread
      created. */
   for (int i = 1; i < nthreads; i++)
      if (pthread_create(&threads[i], NULL, work, &workers[i]) != 0) {
         fprintf(stderr, "cpu_kernel: pthread_create failed\n");
         return 1;
      }
   work(&workers[0]);
   uint64_t total = workers[0].result;
   for (int i = 1; i < nthreads; i++) {
      pthread_join(threads[i], NULL);
      total += workers[i].result;
   }
   printf("%d units: %llu\n", units, (unsigned long long)total);
   return 0;
}
