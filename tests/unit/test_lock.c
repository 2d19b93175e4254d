/* Unit tests of the core's futex locks (m_lock): VgRWLock's exclusion,
   writer preference, phase fairness, the fair mode's first-come
   first-served order, the kick and its re-kick, the reset after fork;
   and VgMutex's sleeping path (test_transtab.c has its fast path).

   Real threads race here, so every test arms an alarm: a deadlock
   kills the test's process (a failure) instead of hanging the run. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_lock.h"

#define WATCHDOG_SECONDS 10

static long now_ns(void)
{
   struct timespec ts;
   clock_gettime(CLOCK_MONOTONIC, &ts);
   return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static double now_seconds(void)
{
   return (double)now_ns() * 1e-9;
}

static void sleep_ms(int ms)
{
   usleep((useconds_t)ms * 1000);
}

static int load_int(const int* p)
{
   return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

static void add_int(int* p, int delta)
{
   __atomic_add_fetch(p, delta, __ATOMIC_SEQ_CST);
}

/* Polls until the lock counts WANTED threads in contended acquisitions
   (they have queued or announced themselves); False after 2 s. */
static Bool wait_for_waiters(const VgRWLock* l, UInt wanted)
{
   for (int i = 0; i < 2000; i++) {
      if (__atomic_load_n(&l->waiters, __ATOMIC_SEQ_CST) == wanted)
         return True;
      sleep_ms(1);
   }
   return False;
}

static void start_threads(pthread_t* t, int n, void* (*fn)(void*),
                          void* args, size_t arg_size)
{
   for (int i = 0; i < n; i++)
      pthread_create(&t[i], NULL, fn, (char*)args + (size_t)i * arg_size);
}

static void join_threads(pthread_t* t, int n)
{
   for (int i = 0; i < n; i++)
      pthread_join(t[i], NULL);
}

/* ------------------------------------------------------------------ */
/* Exclusion under a random mix of shared and exclusive acquisitions   */
/* ------------------------------------------------------------------ */

#define N_DATA_WORDS 8

struct mix {
   VgRWLock lock;
   int iterations;
   int exclusive_one_in;
   int shared_inside;
   int exclusive_inside;
   int violations;
   volatile unsigned long data[N_DATA_WORDS];
   unsigned long exclusive_done;        /* written under exclusive only */
};

struct mix_thread {
   struct mix* mix;
   unsigned seed;
   unsigned long exclusive_taken;
};

static unsigned next_random(unsigned* state)
{
   *state ^= *state << 13;
   *state ^= *state >> 17;
   *state ^= *state << 5;
   return *state;
}

/* Writes the words one by one, slowly, so that a reader let in by
   mistake sees them differ. */
static void write_data_slowly(struct mix* m, unsigned long v)
{
   for (int j = 0; j < N_DATA_WORDS; j++) {
      m->data[j] = v;
      __asm__ __volatile__("pause" ::: "memory");
   }
}

static Bool data_consistent(const struct mix* m)
{
   unsigned long first = m->data[0];
   for (int j = 1; j < N_DATA_WORDS; j++)
      if (m->data[j] != first)
         return False;
   return True;
}

static void mix_exclusive(struct mix* m)
{
   VG_(rwlock_lock_exclusive)(&m->lock, NULL, NULL);
   if (__atomic_exchange_n(&m->exclusive_inside, 1, __ATOMIC_SEQ_CST) != 0)
      add_int(&m->violations, 1);
   if (load_int(&m->shared_inside) != 0)
      add_int(&m->violations, 1);
   write_data_slowly(m, m->data[0] + 1);
   m->exclusive_done++;
   __atomic_exchange_n(&m->exclusive_inside, 0, __ATOMIC_SEQ_CST);
   VG_(rwlock_unlock_exclusive)(&m->lock);
}

static void mix_shared(struct mix* m)
{
   VG_(rwlock_lock_shared)(&m->lock);
   add_int(&m->shared_inside, 1);
   if (load_int(&m->exclusive_inside) != 0 || !data_consistent(m))
      add_int(&m->violations, 1);
   add_int(&m->shared_inside, -1);
   VG_(rwlock_unlock_shared)(&m->lock);
}

static void* mix_thread(void* arg)
{
   struct mix_thread* mt = arg;
   struct mix* m = mt->mix;
   for (int i = 0; i < m->iterations; i++) {
      if (next_random(&mt->seed) % (unsigned)m->exclusive_one_in == 0) {
         mix_exclusive(m);
         mt->exclusive_taken++;
      } else {
         mix_shared(m);
      }
   }
   return NULL;
}

static void run_mix(int n_threads, Bool fair, int iterations)
{
   static struct mix m;
   memset(&m, 0, sizeof m);
   VG_(rwlock_init)(&m.lock, fair);
   m.iterations = iterations;
   m.exclusive_one_in = 8;
   struct mix_thread mt[8];
   pthread_t t[8];
   for (int i = 0; i < n_threads; i++)
      mt[i] = (struct mix_thread){ &m, 0x9e3779b9u * (unsigned)(i + 1), 0 };
   start_threads(t, n_threads, mix_thread, mt, sizeof mt[0]);
   join_threads(t, n_threads);
   unsigned long taken = 0;
   for (int i = 0; i < n_threads; i++)
      taken += mt[i].exclusive_taken;
   UT_CHECK_EQ(m.violations, 0);
   UT_CHECK(taken > 0);
   UT_CHECK_EQ(m.exclusive_done, taken);
   UT_CHECK_EQ(m.data[0], taken);
   UT_CHECK(data_consistent(&m));
   UT_CHECK(!VG_(rwlock_writer_waiting)(&m.lock));
   UT_CHECK(!VG_(rwlock_has_waiters)(&m.lock));
}

UNIT_TEST(rwlock_mix_2_threads)
{
   alarm(WATCHDOG_SECONDS);
   run_mix(2, False, 40000);
   run_mix(2, True, 40000);
}

UNIT_TEST(rwlock_mix_4_threads)
{
   alarm(WATCHDOG_SECONDS);
   run_mix(4, False, 20000);
   run_mix(4, True, 20000);
}

UNIT_TEST(rwlock_mix_8_threads)
{
   alarm(WATCHDOG_SECONDS);
   run_mix(8, False, 10000);
   run_mix(8, True, 10000);
}

/* A zeroed lock (VG_RWLOCK_INIT) works without rwlock_init. */
UNIT_TEST(rwlock_static_init)
{
   static VgRWLock l = VG_RWLOCK_INIT;
   alarm(WATCHDOG_SECONDS);
   VG_(rwlock_lock_shared)(&l);
   VG_(rwlock_lock_shared)(&l);
   UT_CHECK(!VG_(rwlock_writer_waiting)(&l));
   VG_(rwlock_unlock_shared)(&l);
   VG_(rwlock_unlock_shared)(&l);
   VG_(rwlock_lock_exclusive)(&l, NULL, NULL);
   UT_CHECK(VG_(rwlock_writer_waiting)(&l));
   UT_CHECK(!VG_(rwlock_has_waiters)(&l));
   VG_(rwlock_unlock_exclusive)(&l);
   UT_CHECK(!VG_(rwlock_writer_waiting)(&l));
}

/* ------------------------------------------------------------------ */
/* Who gets in first                                                    */
/* ------------------------------------------------------------------ */

/* A thread that takes the lock (shared or exclusive), writes its id
   into the order of entries, holds the lock a little, and leaves. */
struct entrant {
   VgRWLock* lock;
   Bool exclusive;
   int id;
   int* order;
   int* n_entered;
};

static void* enter_and_record(void* arg)
{
   struct entrant* e = arg;
   if (e->exclusive)
      VG_(rwlock_lock_exclusive)(e->lock, NULL, NULL);
   else
      VG_(rwlock_lock_shared)(e->lock);
   int slot = __atomic_fetch_add(e->n_entered, 1, __ATOMIC_SEQ_CST);
   e->order[slot] = e->id;
   sleep_ms(5);
   if (e->exclusive)
      VG_(rwlock_unlock_exclusive)(e->lock);
   else
      VG_(rwlock_unlock_shared)(e->lock);
   return NULL;
}

/* Starts entrant I and waits until it queues (the lock's waiter count
   reaches I + 1). */
static Bool start_queued_entrant(pthread_t* t, struct entrant* e, int i)
{
   pthread_create(&t[i], NULL, enter_and_record, &e[i]);
   return wait_for_waiters(e[i].lock, (UInt)i + 1);
}

/* Fair mode: writers queued behind a holder get in in their order, and
   the holder that releases and asks again at once queues behind them
   (an unfair lock would let it straight back in). */
UNIT_TEST(rwlock_fair_writers_fifo)
{
   enum { N = 6 };
   alarm(WATCHDOG_SECONDS);
   VgRWLock l;
   VG_(rwlock_init)(&l, True);
   int order[N + 1], n_entered = 0;
   struct entrant e[N];
   pthread_t t[N];
   VG_(rwlock_lock_exclusive)(&l, NULL, NULL);
   for (int i = 0; i < N; i++) {
      e[i] = (struct entrant){ &l, True, i, order, &n_entered };
      UT_CHECK(start_queued_entrant(t, e, i));
   }
   VG_(rwlock_unlock_exclusive)(&l);
   VG_(rwlock_lock_exclusive)(&l, NULL, NULL);
   order[__atomic_fetch_add(&n_entered, 1, __ATOMIC_SEQ_CST)] = N;
   VG_(rwlock_unlock_exclusive)(&l);
   join_threads(t, N);
   UT_CHECK_EQ(n_entered, N + 1);
   for (int i = 0; i <= N; i++)
      UT_CHECK_EQ(order[i], i);
}

/* Phase fairness: the readers waiting when a writer releases go before
   the writer queued meanwhile, even one that came after that writer. */
static void readers_before_next_writer(Bool fair)
{
   alarm(WATCHDOG_SECONDS);
   VgRWLock l;
   VG_(rwlock_init)(&l, fair);
   int order[3], n_entered = 0;
   struct entrant e[3] = {
      { &l, False, 1, order, &n_entered },     /* reader */
      { &l, True,  2, order, &n_entered },     /* writer */
      { &l, False, 3, order, &n_entered },     /* reader after it */
   };
   pthread_t t[3];
   VG_(rwlock_lock_exclusive)(&l, NULL, NULL);
   for (int i = 0; i < 3; i++)
      UT_CHECK(start_queued_entrant(t, e, i));
   VG_(rwlock_unlock_exclusive)(&l);
   join_threads(t, 3);
   UT_CHECK_EQ(n_entered, 3);
   UT_CHECK_EQ(order[2], 2);
}

UNIT_TEST(rwlock_waiting_readers_before_next_writer)
{
   readers_before_next_writer(False);
   readers_before_next_writer(True);
}

/* Writer preference: once a writer waits for the shared holders, a new
   shared acquisition waits behind it. */
static void new_reader_waits_for_writer(Bool fair)
{
   alarm(WATCHDOG_SECONDS);
   VgRWLock l;
   VG_(rwlock_init)(&l, fair);
   int order[2], n_entered = 0;
   struct entrant e[2] = {
      { &l, True,  1, order, &n_entered },     /* writer */
      { &l, False, 2, order, &n_entered },     /* reader after it */
   };
   pthread_t t[2];
   VG_(rwlock_lock_shared)(&l);
   UT_CHECK(start_queued_entrant(t, e, 0));
   UT_CHECK(VG_(rwlock_writer_waiting)(&l));
   UT_CHECK(VG_(rwlock_has_waiters)(&l));
   UT_CHECK(start_queued_entrant(t, e, 1));
   sleep_ms(20);
   UT_CHECK_EQ(load_int(&n_entered), 0);
   VG_(rwlock_unlock_shared)(&l);
   join_threads(t, 2);
   UT_CHECK_EQ(n_entered, 2);
   UT_CHECK_EQ(order[0], 1);
   UT_CHECK_EQ(order[1], 2);
   UT_CHECK(!VG_(rwlock_has_waiters)(&l));
}

UNIT_TEST(rwlock_new_reader_waits_for_writer)
{
   new_reader_waits_for_writer(False);
   new_reader_waits_for_writer(True);
}

/* A writer asleep waiting for a shared holder is woken by its release,
   not by its next re-kick timeout a millisecond later.  The holder
   leaves 200 us after the writer announced itself (by then asleep);
   the median delay from that release to the writer's entry is checked.
   (The holder, a reader, publishes its time with an atomic exchange:
   Helgrind does not let writes under a shared hold count as ordered.) */
struct drain_probe {
   VgRWLock lock;
   int rounds_held;          /* the holder has taken the lock this often */
   int rounds_done;          /* the writer has got in this often */
   long released_ns;
};

static void* holder_until_writer_waits(void* arg)
{
   struct drain_probe* p = arg;
   for (int r = 0; r < 30; r++) {
      VG_(rwlock_lock_shared)(&p->lock);
      __atomic_store_n(&p->rounds_held, r + 1, __ATOMIC_SEQ_CST);
      while (!VG_(rwlock_writer_waiting)(&p->lock))
         sched_yield();
      usleep(200);
      __atomic_exchange_n(&p->released_ns, now_ns(), __ATOMIC_SEQ_CST);
      VG_(rwlock_unlock_shared)(&p->lock);
      while (load_int(&p->rounds_done) != r + 1)
         sched_yield();
   }
   return NULL;
}

static int compare_doubles(const void* a, const void* b)
{
   double x = *(const double*)a, y = *(const double*)b;
   return (x > y) - (x < y);
}

UNIT_TEST(rwlock_last_reader_wakes_sleeping_writer)
{
   alarm(WATCHDOG_SECONDS);
   static struct drain_probe p;
   double delay[30];
   VG_(rwlock_init)(&p.lock, False);
   pthread_t t;
   pthread_create(&t, NULL, holder_until_writer_waits, &p);
   for (int r = 0; r < 30; r++) {
      while (load_int(&p.rounds_held) != r + 1)
         sched_yield();
      VG_(rwlock_lock_exclusive)(&p.lock, NULL, NULL);
      delay[r] = (double)(now_ns()
                          - __atomic_load_n(&p.released_ns, __ATOMIC_SEQ_CST))
                 * 1e-9;
      VG_(rwlock_unlock_exclusive)(&p.lock);
      __atomic_store_n(&p.rounds_done, r + 1, __ATOMIC_SEQ_CST);
   }
   pthread_join(t, NULL);
   qsort(delay, 30, sizeof delay[0], compare_doubles);
   UT_CHECK(delay[15] < 0.0005);
}

/* ------------------------------------------------------------------ */
/* Starvation                                                           */
/* ------------------------------------------------------------------ */

/* Readers as the scheduler's threads in parallel mode: they hold the
   lock shared for as long as nobody kicks them (translated code runs
   until its event check), then leave and come straight back. */
struct kicked_readers {
   VgRWLock lock;
   int kicks;                 /* bumped by the kick; readers poll it */
   int stop;
   int kick_calls;
   Bool lose_first_kick;      /* of each acquisition: the re-kick must come */
   int inside;                /* readers holding the lock */
   int late_first_kicks;
   int acquisitions;
};

static void* reader_until_kicked(void* arg)
{
   struct kicked_readers* k = arg;
   while (!load_int(&k->stop)) {
      VG_(rwlock_lock_shared)(&k->lock);
      int seen = load_int(&k->kicks);
      add_int(&k->inside, 1);
      while (load_int(&k->kicks) == seen && !load_int(&k->stop))
         sched_yield();
      add_int(&k->inside, -1);
      VG_(rwlock_unlock_shared)(&k->lock);
   }
   return NULL;
}

static int kicks_this_acquisition;

/* Also checks that the first kick of an acquisition comes before the
   writer sleeps (it has not yet published what it waits for). */
static void kick_readers(void* opaque)
{
   struct kicked_readers* k = opaque;
   add_int(&k->kick_calls, 1);
   Bool first = kicks_this_acquisition++ == 0;
   if (first && __atomic_load_n(&k->lock.drain_target, __ATOMIC_SEQ_CST))
      add_int(&k->late_first_kicks, 1);
   if (first && k->lose_first_kick)
      return;
   add_int(&k->kicks, 1);
}

/* One writer among continuous readers gets in ACQUISITIONS times, each
   time with readers in when it starts to wait; returns the wall time
   taken.  (Without writer preference it would never get in: the kicked
   readers would come straight back.) */
static double writer_among_readers(Bool fair, Bool lose_first_kick,
                                   int acquisitions)
{
   enum { N_READERS = 3 };
   static struct kicked_readers k;
   memset(&k, 0, sizeof k);
   VG_(rwlock_init)(&k.lock, fair);
   k.lose_first_kick = lose_first_kick;
   pthread_t t[N_READERS];
   for (int i = 0; i < N_READERS; i++)
      pthread_create(&t[i], NULL, reader_until_kicked, &k);
   double start = now_seconds();
   for (int i = 0; i < acquisitions; i++) {
      while (load_int(&k.inside) == 0)
         sched_yield();
      kicks_this_acquisition = 0;
      VG_(rwlock_lock_exclusive)(&k.lock, kick_readers, &k);
      k.acquisitions++;
      VG_(rwlock_unlock_exclusive)(&k.lock);
   }
   double took = now_seconds() - start;
   __atomic_store_n(&k.stop, 1, __ATOMIC_SEQ_CST);
   join_threads(t, N_READERS);
   UT_CHECK_EQ(k.acquisitions, acquisitions);
   UT_CHECK_EQ(k.late_first_kicks, 0);
   if (lose_first_kick)
      UT_CHECK(k.kick_calls >= 2 * acquisitions);
   return took;
}

UNIT_TEST(rwlock_writer_not_starved_by_readers)
{
   alarm(WATCHDOG_SECONDS);
   UT_CHECK(writer_among_readers(False, False, 20) < 5.0);
   UT_CHECK(writer_among_readers(True, False, 20) < 5.0);
}

/* A lost kick is made good by the re-kick about a millisecond later. */
UNIT_TEST(rwlock_rekick_after_lost_kick)
{
   alarm(WATCHDOG_SECONDS);
   double took = writer_among_readers(False, True, 20);
   UT_CHECK(took >= 0.015);
   UT_CHECK(took < 5.0);
}

/* Writers that take the lock back to back do not keep readers out. */
struct busy_writers {
   VgRWLock lock;
   int stop;
   int reads_done;
   int writes_done;
};

static void* writer_back_to_back(void* arg)
{
   struct busy_writers* b = arg;
   while (!load_int(&b->stop)) {
      VG_(rwlock_lock_exclusive)(&b->lock, NULL, NULL);
      add_int(&b->writes_done, 1);
      for (int i = 0; i < 50; i++)
         __asm__ __volatile__("pause" ::: "memory");
      VG_(rwlock_unlock_exclusive)(&b->lock);
   }
   return NULL;
}

static void* reader_counting(void* arg)
{
   struct busy_writers* b = arg;
   for (int i = 0; i < 300; i++) {
      VG_(rwlock_lock_shared)(&b->lock);
      add_int(&b->reads_done, 1);
      VG_(rwlock_unlock_shared)(&b->lock);
   }
   return NULL;
}

static void readers_among_writers(Bool fair)
{
   static struct busy_writers b;
   memset(&b, 0, sizeof b);
   VG_(rwlock_init)(&b.lock, fair);
   pthread_t w[2], r[2];
   for (int i = 0; i < 2; i++)
      pthread_create(&w[i], NULL, writer_back_to_back, &b);
   while (load_int(&b.writes_done) < 100)
      sched_yield();
   double start = now_seconds();
   for (int i = 0; i < 2; i++)
      pthread_create(&r[i], NULL, reader_counting, &b);
   join_threads(r, 2);
   double took = now_seconds() - start;
   __atomic_store_n(&b.stop, 1, __ATOMIC_SEQ_CST);
   join_threads(w, 2);
   UT_CHECK_EQ(b.reads_done, 600);
   UT_CHECK(took < 5.0);
}

UNIT_TEST(rwlock_readers_not_starved_by_writers)
{
   alarm(WATCHDOG_SECONDS);
   readers_among_writers(False);
   readers_among_writers(True);
}

/* ------------------------------------------------------------------ */
/* Fork                                                                 */
/* ------------------------------------------------------------------ */

static VgRWLock fork_lock;

static void* reader_blocked(void* arg)
{
   (void)arg;
   VG_(rwlock_lock_shared)(&fork_lock);
   VG_(rwlock_unlock_shared)(&fork_lock);
   return NULL;
}

static void* writer_blocked(void* arg)
{
   (void)arg;
   VG_(rwlock_lock_exclusive)(&fork_lock, NULL, NULL);
   VG_(rwlock_unlock_exclusive)(&fork_lock);
   return NULL;
}

/* In the child: the lock is the caller's alone, whatever the parent's
   other threads were doing with it.  A reader of the child's own,
   asleep behind the reset's hold, must not take the caller's next
   exclusive hold (taken before the reader has woken up) for the one it
   waited for. */
static int child_after_fork(void)
{
   VG_(rwlock_reset_after_fork)(&fork_lock);
   if (!VG_(rwlock_writer_waiting)(&fork_lock)
       || VG_(rwlock_has_waiters)(&fork_lock))
      return 1;
   pthread_t reader;
   pthread_create(&reader, NULL, reader_blocked, NULL);
   if (!wait_for_waiters(&fork_lock, 1))
      return 2;
   sleep_ms(5);
   VG_(rwlock_unlock_exclusive)(&fork_lock);
   VG_(rwlock_lock_exclusive)(&fork_lock, NULL, NULL);
   VG_(rwlock_unlock_exclusive)(&fork_lock);
   pthread_join(reader, NULL);
   if (VG_(rwlock_writer_waiting)(&fork_lock))
      return 3;
   VG_(rwlock_lock_shared)(&fork_lock);
   VG_(rwlock_unlock_shared)(&fork_lock);
   VG_(rwlock_lock_exclusive)(&fork_lock, NULL, NULL);
   VG_(rwlock_unlock_exclusive)(&fork_lock);
   VG_(rwlock_lock_shared)(&fork_lock);
   VG_(rwlock_unlock_shared)(&fork_lock);
   return 0;
}

/* The parent holds the lock exclusive with a reader and a writer
   asleep on it, as at a client's fork. */
static void reset_after_fork(Bool fair)
{
   VG_(rwlock_init)(&fork_lock, fair);
   VG_(rwlock_lock_exclusive)(&fork_lock, NULL, NULL);
   pthread_t t[2];
   pthread_create(&t[0], NULL, reader_blocked, NULL);
   UT_CHECK(wait_for_waiters(&fork_lock, 1));
   pthread_create(&t[1], NULL, writer_blocked, NULL);
   UT_CHECK(wait_for_waiters(&fork_lock, 2));
   sleep_ms(5);     /* past their spinning, into FUTEX_WAIT */
   pid_t pid = fork();
   if (pid == 0) {
      alarm(2);
      _exit(child_after_fork());
   }
   int status = 0;
   waitpid(pid, &status, 0);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0);
   VG_(rwlock_unlock_exclusive)(&fork_lock);
   join_threads(t, 2);
   UT_CHECK(!VG_(rwlock_has_waiters)(&fork_lock));
}

UNIT_TEST(rwlock_reset_after_fork)
{
   alarm(WATCHDOG_SECONDS);
   reset_after_fork(False);
   reset_after_fork(True);
}

/* ------------------------------------------------------------------ */
/* VgMutex asleep                                                       */
/* ------------------------------------------------------------------ */

/* Holders that sleep inside: the others go through FUTEX_WAIT and must
   be woken, one by one, by the releases. */
static VgMutex sleepy_mutex = VG_MUTEX_INIT;
static int sleepy_inside, sleepy_violations, sleepy_entries;

static void* sleepy_holder(void* arg)
{
   (void)arg;
   for (int i = 0; i < 10; i++) {
      VG_(mutex_lock)(&sleepy_mutex);
      if (__atomic_exchange_n(&sleepy_inside, 1, __ATOMIC_SEQ_CST) != 0)
         add_int(&sleepy_violations, 1);
      sleep_ms(1);
      sleepy_entries++;
      __atomic_exchange_n(&sleepy_inside, 0, __ATOMIC_SEQ_CST);
      VG_(mutex_unlock)(&sleepy_mutex);
   }
   return NULL;
}

UNIT_TEST(mutex_sleeping_waiters_are_woken)
{
   alarm(WATCHDOG_SECONDS);
   pthread_t t[6];
   for (int i = 0; i < 6; i++)
      pthread_create(&t[i], NULL, sleepy_holder, NULL);
   join_threads(t, 6);
   UT_CHECK_EQ(sleepy_violations, 0);
   UT_CHECK_EQ(sleepy_entries, 60);
   UT_CHECK(!VG_(mutex_is_held)(&sleepy_mutex));
}
