/* Two threads share data guarded by synchronisation Helgrind cannot see
   by itself (a spin lock, a reader/writer spin lock, a flag, a pipe),
   described to it with the requests of our include/helgrind.h.  Built
   with -DNO_ANNOTATIONS the requests compile to nothing (NVALGRIND) and
   Helgrind must report the races: hg-check runs both builds under the
   system's Valgrind.

   Usage: hg_abi MODE, MODE one of
     mutex        spin lock + VALGRIND_HG_MUTEX_* requests
     rwlock       reader/writer spin lock + ANNOTATE_RWLOCK_*
     happens      a flag hand-off + ANNOTATE_HAPPENS_BEFORE/AFTER
     benign       unguarded counter + ANNOTATE_BENIGN_RACE_SIZED
     reenabled    the same, then VALGRIND_HG_ENABLE_CHECKING: races again
     clean        a buffer handed over through a pipe + CLEAN_MEMORY

   The locks' own words are written with atomic exchanges and
   compare-and-swaps only (Helgrind takes those for reads). */
#ifdef NO_ANNOTATIONS
#  define NVALGRIND 1
#endif
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "helgrind.h"

#define ROUNDS 200

static long counter;

/* ------------------------------------------------------------------ */

static int spin_word;

static void spin_lock(void)
{
   VALGRIND_HG_MUTEX_LOCK_PRE(&spin_word, 0);
   while (__atomic_exchange_n(&spin_word, 1, __ATOMIC_ACQUIRE) != 0)
      sched_yield();
   VALGRIND_HG_MUTEX_LOCK_POST(&spin_word);
}

static void spin_unlock(void)
{
   VALGRIND_HG_MUTEX_UNLOCK_PRE(&spin_word);
   __atomic_exchange_n(&spin_word, 0, __ATOMIC_RELEASE);
   VALGRIND_HG_MUTEX_UNLOCK_POST(&spin_word);
}

static void* mutex_thread(void* arg)
{
   (void)arg;
   for (int i = 0; i < ROUNDS; i++) {
      spin_lock();
      counter++;
      spin_unlock();
   }
   return NULL;
}

/* ------------------------------------------------------------------ */

/* -1: a writer holds it; n >= 0: n readers do. */
static int rw_word;

static void rw_lock(int exclusive)
{
   for (;;) {
      int seen = __atomic_load_n(&rw_word, __ATOMIC_RELAXED);
      int want = exclusive ? -1 : seen + 1;
      if ((exclusive ? seen == 0 : seen >= 0)
          && __atomic_compare_exchange_n(&rw_word, &seen, want, 0,
                                         __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
         break;
      sched_yield();
   }
   ANNOTATE_RWLOCK_ACQUIRED(&rw_word, exclusive);
}

static void rw_unlock(int exclusive)
{
   ANNOTATE_RWLOCK_RELEASED(&rw_word, exclusive);
   if (exclusive)
      __atomic_exchange_n(&rw_word, 0, __ATOMIC_RELEASE);
   else
      __atomic_fetch_sub(&rw_word, 1, __ATOMIC_RELEASE);
}

static long rw_sum;

static void* rwlock_thread(void* arg)
{
   long seen = 0;
   (void)arg;
   for (int i = 0; i < ROUNDS; i++) {
      rw_lock(1);
      counter++;
      rw_unlock(1);
      rw_lock(0);
      seen += counter;
      rw_unlock(0);
   }
   __atomic_fetch_add(&rw_sum, seen > 0, __ATOMIC_RELAXED);
   return NULL;
}

/* ------------------------------------------------------------------ */

static int handed_over;
static char message[32];

static void* happens_sender(void* arg)
{
   (void)arg;
   strcpy(message, "handed over");
   ANNOTATE_HAPPENS_BEFORE(&handed_over);
   __atomic_exchange_n(&handed_over, 1, __ATOMIC_RELEASE);
   return NULL;
}

static void* happens_receiver(void* arg)
{
   (void)arg;
   while (__atomic_load_n(&handed_over, __ATOMIC_ACQUIRE) == 0)
      sched_yield();
   ANNOTATE_HAPPENS_AFTER(&handed_over);
   printf("%s\n", message);
   return NULL;
}

/* ------------------------------------------------------------------ */

static void* racy_thread(void* arg)
{
   (void)arg;
   for (int i = 0; i < ROUNDS; i++) {
      counter++;
      sched_yield();
   }
   return NULL;
}

/* ------------------------------------------------------------------ */

static int pipe_fds[2];
static char buffer[64];

static void* clean_writer(void* arg)
{
   (void)arg;
   memset(buffer, 'a', sizeof buffer);
   if (write(pipe_fds[1], "x", 1) != 1)
      perror("write");
   return NULL;
}

static void* clean_reuser(void* arg)
{
   char byte;
   (void)arg;
   if (read(pipe_fds[0], &byte, 1) != 1)
      perror("read");
   VALGRIND_HG_CLEAN_MEMORY(buffer, sizeof buffer);
   memset(buffer, 'b', sizeof buffer);
   return NULL;
}

/* ------------------------------------------------------------------ */

static void run_pair(void* (*first)(void*), void* (*second)(void*))
{
   pthread_t t[2];
   pthread_create(&t[0], NULL, first, NULL);
   pthread_create(&t[1], NULL, second, NULL);
   pthread_join(t[0], NULL);
   pthread_join(t[1], NULL);
}

int main(int argc, char** argv)
{
   const char* mode = argc > 1 ? argv[1] : "";
   if (strcmp(mode, "mutex") == 0) {
      VALGRIND_HG_MUTEX_INIT_POST(&spin_word, 0);
      run_pair(mutex_thread, mutex_thread);
      VALGRIND_HG_MUTEX_DESTROY_PRE(&spin_word);
      printf("counter %ld\n", counter);
   } else if (strcmp(mode, "rwlock") == 0) {
      ANNOTATE_RWLOCK_CREATE(&rw_word);
      run_pair(rwlock_thread, rwlock_thread);
      ANNOTATE_RWLOCK_DESTROY(&rw_word);
      printf("counter %ld, readers saw it %ld times\n", counter, rw_sum);
   } else if (strcmp(mode, "happens") == 0) {
      run_pair(happens_sender, happens_receiver);
   } else if (strcmp(mode, "benign") == 0
              || strcmp(mode, "reenabled") == 0) {
      ANNOTATE_BENIGN_RACE_SIZED(&counter, sizeof counter, "a statistic");
      if (strcmp(mode, "reenabled") == 0)
         VALGRIND_HG_ENABLE_CHECKING(&counter, sizeof counter);
      run_pair(racy_thread, racy_thread);
      printf("counted\n");
   } else if (strcmp(mode, "clean") == 0) {
      if (pipe(pipe_fds) != 0)
         return 1;
      run_pair(clean_writer, clean_reuser);
      printf("buffer %c\n", buffer[0]);
   } else {
      fprintf(stderr, "usage: hg_abi mutex|rwlock|happens|benign|reenabled|clean\n");
      return 2;
   }
   return 0;
}
