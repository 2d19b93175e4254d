/* exit(3) called by a thread other than the main one while two threads
   spin in hot loops, one is blocked in read, one in a futex wait (a
   semaphore nobody posts) and the main thread in pthread_join of the
   exiting thread: the whole process ends with status 3, stdio's buffered
   output is flushed and the atexit handler runs, exactly once. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <semaphore.h>

static sem_t ready, never_posted;
static int pipe_fds[2];
static volatile unsigned long spin_counts[2];

static void* hot_loop(void* arg)
{
   volatile unsigned long* count = arg;
   sem_post(&ready);
   for (;;)
      *count = *count * 7 + 1;
   return NULL;
}

static void* blocked_in_read(void* arg)
{
   (void)arg;
   char c;
   sem_post(&ready);
   ssize_t n = read(pipe_fds[0], &c, 1);
   printf("FAIL: read returned %zd\n", n);
   return NULL;
}

static void* blocked_in_futex(void* arg)
{
   (void)arg;
   sem_post(&ready);
   while (sem_wait(&never_posted) != 0)
      ;
   printf("FAIL: sem_wait returned\n");
   return NULL;
}

static void* exiter(void* arg)
{
   (void)arg;
   for (int i = 0; i < 4; i++)
      while (sem_wait(&ready) != 0)
         ;
   thr_sleep_ms(50);   /* let the blocked ones block */
   /* Stays in stdio's buffer (stdout is a file) until exit flushes it. */
   for (int i = 1; i <= 5; i++)
      printf("line %d from the exiting thread\n", i);
   exit(3);
}

static void at_exit_handler(void)
{
   printf("atexit handler ran\n");
}

int main(void)
{
   pthread_t t;
   thr_watchdog(60);
   THR_CHECK(sem_init(&ready, 0, 0) == 0);
   THR_CHECK(sem_init(&never_posted, 0, 0) == 0);
   THR_CHECK(pipe(pipe_fds) == 0);
   THR_CHECK(atexit(at_exit_handler) == 0);
   printf("main: starting threads\n");
   THR_OK(pthread_create(&t, NULL, hot_loop, (void*)&spin_counts[0]));
   THR_OK(pthread_create(&t, NULL, hot_loop, (void*)&spin_counts[1]));
   THR_OK(pthread_create(&t, NULL, blocked_in_read, NULL));
   THR_OK(pthread_create(&t, NULL, blocked_in_futex, NULL));
   THR_OK(pthread_create(&t, NULL, exiter, NULL));
   pthread_join(t, NULL);
   printf("FAIL: pthread_join of the exiting thread returned\n");
   return 1;
}
