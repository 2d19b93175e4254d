/* __thread variables: every thread starts with the initial values (even
   after the main thread has changed its own copies), writes values of its
   own into an initialised int, an initialised array and a zeroed array,
   and still reads its own values after all the threads have written
   theirs.  The copies are at different addresses in every thread (checked,
   not printed), and errno, the C library's own thread-local, is per
   thread too. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <errno.h>
#include <stdint.h>

#define THREADS 6
#define ARRAY_LEN 16

static __thread int tls_int = 1234;
static __thread long tls_init_array[ARRAY_LEN] = { 1, 2, 3, 4, 5, 6, 7, 8,
                                                   9, 10, 11, 12, 13, 14,
                                                   15, 16 };
static __thread char tls_zero_array[256];

static pthread_barrier_t all_written;

struct report {
   int started_pristine;      /* saw the initial values on entry */
   int kept_own;              /* read back its own values at the end */
   long checksum;             /* of what it read back */
   uintptr_t int_addr, array_addr, zero_addr;
};
static struct report reports[THREADS + 1];   /* the last is the main thread */

static int tls_is_pristine(void)
{
   if (tls_int != 1234)
      return 0;
   for (int i = 0; i < ARRAY_LEN; i++)
      if (tls_init_array[i] != i + 1)
         return 0;
   for (unsigned i = 0; i < sizeof tls_zero_array; i++)
      if (tls_zero_array[i] != 0)
         return 0;
   return 1;
}

static void tls_write_own(int me)
{
   tls_int = 1000 * (me + 1);
   for (int i = 0; i < ARRAY_LEN; i++)
      tls_init_array[i] = (long)(me + 1) * (i + 100);
   memset(tls_zero_array, 'a' + me, sizeof tls_zero_array);
   errno = 100 + me;
}

static int tls_has_own(int me, long* checksum)
{
   int ok = tls_int == 1000 * (me + 1) && errno == 100 + me;
   long sum = tls_int;
   for (int i = 0; i < ARRAY_LEN; i++) {
      ok &= tls_init_array[i] == (long)(me + 1) * (i + 100);
      sum += tls_init_array[i];
   }
   for (unsigned i = 0; i < sizeof tls_zero_array; i++) {
      ok &= tls_zero_array[i] == 'a' + me;
      sum += tls_zero_array[i];
   }
   *checksum = sum;
   return ok;
}

static void run_as(int me)
{
   struct report* r = &reports[me];
   r->started_pristine = tls_is_pristine();
   tls_write_own(me);
   r->int_addr = (uintptr_t)&tls_int;
   r->array_addr = (uintptr_t)tls_init_array;
   r->zero_addr = (uintptr_t)tls_zero_array;
   int err = pthread_barrier_wait(&all_written);
   if (err && err != PTHREAD_BARRIER_SERIAL_THREAD)
      thr_fail("pthread_barrier_wait", err);
   r->kept_own = tls_has_own(me, &r->checksum);
}

static void* worker(void* arg)
{
   run_as((int)(long)arg);
   return NULL;
}

static int addresses_distinct(void)
{
   for (int i = 0; i <= THREADS; i++)
      for (int j = 0; j < i; j++)
         if (reports[i].int_addr == reports[j].int_addr
             || reports[i].array_addr == reports[j].array_addr
             || reports[i].zero_addr == reports[j].zero_addr)
            return 0;
   return 1;
}

int main(void)
{
   pthread_t t[THREADS];
   thr_watchdog(60);
   /* The main thread's copies change before any thread exists. */
   tls_int = -1;
   tls_init_array[3] = -1;
   tls_zero_array[7] = 'z';
   THR_OK(pthread_barrier_init(&all_written, NULL, THREADS + 1));
   for (int i = 0; i < THREADS; i++)
      THR_OK(pthread_create(&t[i], NULL, worker, (void*)(long)i));
   /* The main thread takes part as thread THREADS, from its changed copies. */
   tls_int = 1234;
   tls_init_array[3] = 4;
   tls_zero_array[7] = 0;
   run_as(THREADS);
   for (int i = 0; i < THREADS; i++)
      THR_OK(pthread_join(t[i], NULL));
   int ok = 1;
   for (int i = 0; i <= THREADS; i++) {
      struct report* r = &reports[i];
      printf("thread %d: started with initial values %s, kept its own %s, "
             "checksum %ld\n", i, r->started_pristine ? "yes" : "NO",
             r->kept_own ? "yes" : "NO", r->checksum);
      ok &= r->started_pristine && r->kept_own;
   }
   int distinct = addresses_distinct();
   printf("addresses of the copies distinct: %s\n", distinct ? "yes" : "NO");
   return ok && distinct ? 0 : 1;
}
