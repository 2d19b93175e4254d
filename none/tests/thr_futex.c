/* Raw futex system calls hammered by several threads: a three-state lock
   (unlocked, locked, locked with waiters) built on FUTEX_WAIT/FUTEX_WAKE
   guarding a plain counter; a token passed round four threads through one
   shared word (each waits while the word is not its number and wakes all
   after changing it), with the process-shared futex operations; and the
   single-thread cases: FUTEX_WAIT on a changed word fails with EAGAIN, one
   with a timeout fails with ETIMEDOUT, FUTEX_WAKE with nobody waiting
   wakes nobody; and FUTEX_WAKE_BITSET wakes a waiter only with a bit of
   its own. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>

static long futex(uint32_t* word, int op, uint32_t val,
                  const struct timespec* timeout, uint32_t val3)
{
   return syscall(SYS_futex, word, op, val, timeout, NULL, val3);
}

/* --- a lock: 0 unlocked, 1 locked, 2 locked and perhaps waited for --- */

#define LOCK_THREADS 4
#define LOCK_ROUNDS 20000
static uint32_t lock_word;
static volatile long locked_counter;

static void lock(void)
{
   uint32_t seen = 0;
   if (__atomic_compare_exchange_n(&lock_word, &seen, 1, 0, __ATOMIC_ACQUIRE,
                                   __ATOMIC_RELAXED))
      return;
   if (seen != 2)
      seen = __atomic_exchange_n(&lock_word, 2, __ATOMIC_ACQUIRE);
   while (seen != 0) {
      futex(&lock_word, FUTEX_WAIT_PRIVATE, 2, NULL, 0);
      seen = __atomic_exchange_n(&lock_word, 2, __ATOMIC_ACQUIRE);
   }
}

static void unlock(void)
{
   if (__atomic_exchange_n(&lock_word, 0, __ATOMIC_RELEASE) == 2)
      futex(&lock_word, FUTEX_WAKE_PRIVATE, 1, NULL, 0);
}

static void* lock_user(void* arg)
{
   (void)arg;
   for (int i = 0; i < LOCK_ROUNDS; i++) {
      lock();
      locked_counter = locked_counter + 1;
      if (i % 64 == 0)
         sched_yield();   /* others pile up as waiters */
      unlock();
   }
   return NULL;
}

/* --- a token going round: thread k may go when the word holds k --- */

#define RING_THREADS 4
#define RING_LAPS 2500
static uint32_t token;
static int ring_log[RING_THREADS * RING_LAPS];
static int ring_len;

static void* ring_member(void* arg)
{
   uint32_t me = (uint32_t)(long)arg;
   for (int lap = 0; lap < RING_LAPS; lap++) {
      uint32_t seen;
      while ((seen = __atomic_load_n(&token, __ATOMIC_ACQUIRE)) != me)
         futex(&token, FUTEX_WAIT, seen, NULL, 0);
      ring_log[ring_len++] = (int)me;
      __atomic_store_n(&token, (me + 1) % RING_THREADS, __ATOMIC_RELEASE);
      futex(&token, FUTEX_WAKE, INT_MAX, NULL, 0);
   }
   return NULL;
}

/* --- FUTEX_WAKE_BITSET: a waiter on bit 1 sleeps through wakes of bit 2 */

static uint32_t bitset_word;   /* stays 0: only a wake ends the wait */

static void* bitset_waiter(void* arg)
{
   (void)arg;
   return (void*)futex(&bitset_word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, 1);
}

static void single_thread_cases(void)
{
   uint32_t word = 5;
   struct timespec short_wait = { 0, 10 * 1000 * 1000 };
   long r = futex(&word, FUTEX_WAIT_PRIVATE, 4, NULL, 0);
   printf("FUTEX_WAIT on a word that differs: %ld, %s\n", r,
          r < 0 && errno == EAGAIN ? "EAGAIN" : "WRONG");
   r = futex(&word, FUTEX_WAIT_PRIVATE, 5, &short_wait, 0);
   printf("FUTEX_WAIT with a timeout: %ld, %s\n", r,
          r < 0 && errno == ETIMEDOUT ? "ETIMEDOUT" : "WRONG");
   r = futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, 0);
   printf("FUTEX_WAKE with no waiter: woke %ld\n", r);
}

static void bitset_case(void)
{
   pthread_t t;
   void* result;
   long woken_by_other = 0, own = 0;
   THR_OK(pthread_create(&t, NULL, bitset_waiter, NULL));
   /* Until the waiter is waiting, neither wake finds it. */
   for (int tries = 0; own == 0; tries++) {
      if (tries == 10000)
         thr_fail("FUTEX_WAKE_BITSET never woke the waiter", 0);
      woken_by_other += futex(&bitset_word, FUTEX_WAKE_BITSET_PRIVATE,
                              INT_MAX, NULL, 2);
      thr_sleep_ms(1);
      own = futex(&bitset_word, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX, NULL, 1);
   }
   THR_OK(pthread_join(t, &result));
   printf("FUTEX_WAKE_BITSET: the other bit woke %ld, its own bit %ld, "
          "the wait returned %ld\n", woken_by_other, own, (long)result);
}

int main(void)
{
   pthread_t t[LOCK_THREADS > RING_THREADS ? LOCK_THREADS : RING_THREADS];
   thr_watchdog(60);
   single_thread_cases();
   bitset_case();

   for (int i = 0; i < LOCK_THREADS; i++)
      THR_OK(pthread_create(&t[i], NULL, lock_user, NULL));
   for (int i = 0; i < LOCK_THREADS; i++)
      THR_OK(pthread_join(t[i], NULL));
   printf("futex lock: counter %ld (expected %d), lock word %u\n",
          locked_counter, LOCK_THREADS * LOCK_ROUNDS, lock_word);

   for (int i = RING_THREADS - 1; i >= 0; i--)
      THR_OK(pthread_create(&t[i], NULL, ring_member, (void*)(long)i));
   for (int i = 0; i < RING_THREADS; i++)
      THR_OK(pthread_join(t[i], NULL));
   int out_of_order = 0;
   for (int i = 0; i < ring_len; i++)
      out_of_order += ring_log[i] != i % RING_THREADS;
   printf("futex ring: %d passes, %d out of order, token %u\n", ring_len,
          out_of_order, token);
   return locked_counter == LOCK_THREADS * LOCK_ROUNDS && out_of_order == 0
          && ring_len == RING_THREADS * RING_LAPS ? 0 : 1;
}
