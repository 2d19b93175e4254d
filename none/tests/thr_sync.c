/* The pthread synchronisation objects passing control between threads
   thousands of times: a mutex guarding a plain counter, a condition
   variable passing a turn round three threads in a fixed order, a rwlock
   whose readers check an invariant its writers keep, a barrier whose
   phases each see all of the previous phase's writes, and two semaphores
   playing ping-pong.  Every count printed is exact. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <semaphore.h>

/* mutex: 4 threads each add to a counter that only the mutex protects. */
#define MUTEX_THREADS 4
#define MUTEX_ADDS 20000
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void* mutex_adder(void* arg)
{
   (void)arg;
   for (int i = 0; i < MUTEX_ADDS; i++) {
      THR_OK(pthread_mutex_lock(&counter_lock));
      counter = counter + 1;
      THR_OK(pthread_mutex_unlock(&counter_lock));
   }
   return NULL;
}

static void test_mutex(void)
{
   pthread_t t[MUTEX_THREADS];
   for (int i = 0; i < MUTEX_THREADS; i++)
      THR_OK(pthread_create(&t[i], NULL, mutex_adder, NULL));
   for (int i = 0; i < MUTEX_THREADS; i++)
      THR_OK(pthread_join(t[i], NULL));
   printf("mutex: counter %ld (expected %d)\n", counter,
          MUTEX_THREADS * MUTEX_ADDS);
}

/* condvar: the turn goes 0, 1, 2, 0, ...; each thread appends its number
   to a history that must follow that order. */
#define TURN_THREADS 3
#define TURNS_EACH 3000
static pthread_mutex_t turn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_changed = PTHREAD_COND_INITIALIZER;
static int turn, history_len, history_wrong;

static void* turn_taker(void* arg)
{
   int me = (int)(long)arg;
   THR_OK(pthread_mutex_lock(&turn_lock));
   for (int i = 0; i < TURNS_EACH; i++) {
      while (turn != me)
         THR_OK(pthread_cond_wait(&turn_changed, &turn_lock));
      if (history_len % TURN_THREADS != me)
         history_wrong++;
      history_len++;
      turn = (me + 1) % TURN_THREADS;
      THR_OK(pthread_cond_broadcast(&turn_changed));
   }
   THR_OK(pthread_mutex_unlock(&turn_lock));
   return NULL;
}

static void test_condvar(void)
{
   pthread_t t[TURN_THREADS];
   /* Started in reverse order: the order of turns must not depend on it. */
   for (int i = TURN_THREADS - 1; i >= 0; i--)
      THR_OK(pthread_create(&t[i], NULL, turn_taker, (void*)(long)i));
   for (int i = 0; i < TURN_THREADS; i++)
      THR_OK(pthread_join(t[i], NULL));
   printf("condvar: %d hand-offs, %d out of order\n", history_len,
          history_wrong);
}

/* rwlock: writers move a and b together; readers must never see them
   differ. */
#define WRITERS 2
#define READERS 2
#define WRITES_EACH 5000
#define READS_EACH 5000
static pthread_rwlock_t pair_lock = PTHREAD_RWLOCK_INITIALIZER;
static volatile long pair_a, pair_b;
static int torn_reads;
static pthread_mutex_t torn_lock = PTHREAD_MUTEX_INITIALIZER;

static void* pair_writer(void* arg)
{
   (void)arg;
   for (int i = 0; i < WRITES_EACH; i++) {
      THR_OK(pthread_rwlock_wrlock(&pair_lock));
      pair_a = pair_a + 1;
      sched_yield();   /* a reader that ignored the lock would see a != b */
      pair_b = pair_b + 1;
      THR_OK(pthread_rwlock_unlock(&pair_lock));
   }
   return NULL;
}

static void* pair_reader(void* arg)
{
   (void)arg;
   int torn = 0;
   for (int i = 0; i < READS_EACH; i++) {
      THR_OK(pthread_rwlock_rdlock(&pair_lock));
      if (pair_a != pair_b)
         torn++;
      THR_OK(pthread_rwlock_unlock(&pair_lock));
   }
   THR_OK(pthread_mutex_lock(&torn_lock));
   torn_reads += torn;
   THR_OK(pthread_mutex_unlock(&torn_lock));
   return NULL;
}

static void test_rwlock(void)
{
   pthread_t w[WRITERS], r[READERS];
   for (int i = 0; i < WRITERS; i++)
      THR_OK(pthread_create(&w[i], NULL, pair_writer, NULL));
   for (int i = 0; i < READERS; i++)
      THR_OK(pthread_create(&r[i], NULL, pair_reader, NULL));
   for (int i = 0; i < WRITERS; i++)
      THR_OK(pthread_join(w[i], NULL));
   for (int i = 0; i < READERS; i++)
      THR_OK(pthread_join(r[i], NULL));
   printf("rwlock: a=%ld b=%ld, %d torn reads\n", pair_a, pair_b, torn_reads);
}

/* barrier: in phase p thread i writes slot[i] = p * (i + 1); after the
   barrier every thread checks every slot, then waits again before the
   next phase overwrites them. */
#define BARRIER_THREADS 4
#define PHASES 2000
static pthread_barrier_t phase_barrier;
static volatile long slot[BARRIER_THREADS];
static int serial_count, stale_slots;
static pthread_mutex_t barrier_stats_lock = PTHREAD_MUTEX_INITIALIZER;

static int barrier_wait_counting(void)
{
   int err = pthread_barrier_wait(&phase_barrier);
   if (err == PTHREAD_BARRIER_SERIAL_THREAD)
      return 1;
   if (err)
      thr_fail("pthread_barrier_wait", err);
   return 0;
}

static void* phase_runner(void* arg)
{
   int me = (int)(long)arg;
   int serial = 0, stale = 0;
   for (long p = 1; p <= PHASES; p++) {
      slot[me] = p * (me + 1);
      serial += barrier_wait_counting();
      for (int i = 0; i < BARRIER_THREADS; i++)
         if (slot[i] != p * (i + 1))
            stale++;
      serial += barrier_wait_counting();
   }
   THR_OK(pthread_mutex_lock(&barrier_stats_lock));
   serial_count += serial;
   stale_slots += stale;
   THR_OK(pthread_mutex_unlock(&barrier_stats_lock));
   return NULL;
}

static void test_barrier(void)
{
   pthread_t t[BARRIER_THREADS];
   THR_OK(pthread_barrier_init(&phase_barrier, NULL, BARRIER_THREADS));
   for (int i = 0; i < BARRIER_THREADS; i++)
      THR_OK(pthread_create(&t[i], NULL, phase_runner, (void*)(long)i));
   for (int i = 0; i < BARRIER_THREADS; i++)
      THR_OK(pthread_join(t[i], NULL));
   THR_OK(pthread_barrier_destroy(&phase_barrier));
   printf("barrier: %d phases, %d serial-thread returns, %d stale slots\n",
          PHASES, serial_count, stale_slots);
}

/* semaphores: the ball goes back and forth; each side adds to it. */
#define RALLIES 5000
static sem_t to_pong, to_ping;
static long ball;

static void sem_wait_all(sem_t* sem)
{
   while (sem_wait(sem) != 0)
      ;   /* EINTR cannot happen here (no handlers), but it is not an error */
}

static void* pong(void* arg)
{
   (void)arg;
   for (int i = 0; i < RALLIES; i++) {
      sem_wait_all(&to_pong);
      ball = ball * 3 % 1000003;
      sem_post(&to_ping);
   }
   return NULL;
}

static void test_semaphore(void)
{
   pthread_t t;
   THR_CHECK(sem_init(&to_pong, 0, 0) == 0);
   THR_CHECK(sem_init(&to_ping, 0, 0) == 0);
   THR_OK(pthread_create(&t, NULL, pong, NULL));
   ball = 1;
   for (int i = 0; i < RALLIES; i++) {
      ball = ball + 7;
      sem_post(&to_pong);
      sem_wait_all(&to_ping);
   }
   THR_OK(pthread_join(t, NULL));
   int value;
   THR_CHECK(sem_getvalue(&to_ping, &value) == 0 && value == 0);
   printf("semaphore: %d rallies, ball %ld\n", RALLIES, ball);
}

int main(void)
{
   thr_watchdog(60);
   test_mutex();
   test_condvar();
   test_rwlock();
   test_barrier();
   test_semaphore();
   int ok = counter == MUTEX_THREADS * MUTEX_ADDS && history_wrong == 0
            && history_len == TURN_THREADS * TURNS_EACH
            && pair_a == WRITERS * WRITES_EACH && pair_b == pair_a
            && torn_reads == 0 && serial_count == 2 * PHASES
            && stale_slots == 0;
   return ok ? 0 : 1;
}
