/* fork in a threaded process: the child has only the forking thread,
   while the parent's other threads are blocked (in read and in a
   condition wait) or spinning.  The child then makes threads of its own
   in the slots the parent's threads still hold, joins them and exits;
   the parent wakes its threads, joins them and reports the child's
   status.  Run twice, so that the second child reuses what the first
   one left. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <sys/wait.h>

#define CHILD_THREADS 4

static int wake_pipe[2];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int released;
static volatile int stop_spinning, spinner_started;
static volatile unsigned long spin_result;

static void* reader(void* arg)
{
   char c;
   THR_CHECK(read(wake_pipe[0], &c, 1) == 1);
   return arg;
}

static void* waiter(void* arg)
{
   THR_OK(pthread_mutex_lock(&lock));
   while (!released)
      THR_OK(pthread_cond_wait(&cond, &lock));
   THR_OK(pthread_mutex_unlock(&lock));
   return arg;
}

static void* spinner(void* arg)
{
   unsigned long x = 1;
   spinner_started = 1;
   while (!stop_spinning)
      x = x * 6364136223846793005UL + 1;
   spin_result = x;
   return arg;
}

static void* square(void* arg)
{
   long n = (long)arg;
   return (void*)(n * n);
}

/* The child's work: threads of its own. */
static int child_main(void)
{
   pthread_t t[CHILD_THREADS];
   long sum = 0;
   for (long i = 0; i < CHILD_THREADS; i++)
      THR_OK(pthread_create(&t[i], NULL, square, (void*)(i + 1)));
   for (int i = 0; i < CHILD_THREADS; i++) {
      void* r;
      THR_OK(pthread_join(t[i], &r));
      sum += (long)r;
   }
   printf("child: %d threads, sum of squares %ld\n", CHILD_THREADS, sum);
   fflush(stdout);
   return (int)(sum % 256);
}

int main(void)
{
   thr_watchdog(60);
   for (int round = 1; round <= 2; round++) {
      pthread_t r, w, s;
      released = 0;
      stop_spinning = 0;
      spinner_started = 0;
      THR_CHECK(pipe(wake_pipe) == 0);
      THR_OK(pthread_create(&r, NULL, reader, NULL));
      THR_OK(pthread_create(&w, NULL, waiter, NULL));
      THR_OK(pthread_create(&s, NULL, spinner, NULL));
      thr_await_flag(&spinner_started, 30, "spinner did not start");
      thr_sleep_ms(20);   /* the others are probably blocked by now */

      fflush(stdout);
      pid_t pid = fork();
      THR_CHECK(pid >= 0);
      if (pid == 0)
         _exit(child_main());
      int status;
      THR_CHECK(waitpid(pid, &status, 0) == pid);
      printf("round %d: child exited %d\n", round,
             WIFEXITED(status) ? WEXITSTATUS(status) : -1);

      THR_CHECK(write(wake_pipe[1], "x", 1) == 1);
      THR_OK(pthread_mutex_lock(&lock));
      released = 1;
      THR_OK(pthread_cond_broadcast(&cond));
      THR_OK(pthread_mutex_unlock(&lock));
      stop_spinning = 1;
      THR_OK(pthread_join(r, NULL));
      THR_OK(pthread_join(w, NULL));
      THR_OK(pthread_join(s, NULL));
      close(wake_pipe[0]);
      close(wake_pipe[1]);
      printf("round %d: parent's threads joined\n", round);
   }
   return 0;
}
