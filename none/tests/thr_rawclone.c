/* Threads made with clone(2) itself (glibc's pthread_create uses clone3
   first): CLONE_VM|CLONE_THREAD|CLONE_SIGHAND with the parent's tid
   written by the kernel (CLONE_PARENT_SETTID) and the child's tid word
   cleared and woken at its exit (CLONE_CHILD_CLEARTID), which the parent
   waits for with a raw futex, as pthread_join does.  The children only
   compute (they share the parent's TLS: no C library calls). */
#define _GNU_SOURCE
#include "thr_util.h"
#include <sched.h>
#include <linux/futex.h>
#include <sys/syscall.h>

#define CHILDREN 4
#define STACK_BYTES (64 * 1024)

struct child {
   long n;
   long result;
   pid_t parent_tid;     /* written by the kernel in the parent */
   pid_t child_tid;      /* cleared by the kernel at the child's exit */
};

static int child_main(void* arg)
{
   struct child* c = arg;
   long sum = 0;
   for (long i = 1; i <= c->n * 1000; i++)
      sum += i % (c->n + 7);
   c->result = sum;
   return 0;
}

int main(void)
{
   thr_watchdog(60);
   static struct child kids[CHILDREN];
   int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND
               | CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID
               | CLONE_CHILD_CLEARTID;
   for (int i = 0; i < CHILDREN; i++) {
      char* stack = malloc(STACK_BYTES);
      THR_CHECK(stack != NULL);
      kids[i].n = i + 1;
      kids[i].child_tid = -1;   /* until the kernel clears it */
      int tid = clone(child_main, stack + STACK_BYTES, flags, &kids[i],
                      &kids[i].parent_tid, NULL, &kids[i].child_tid);
      THR_CHECK(tid > 0);
      THR_CHECK(kids[i].parent_tid == tid);
   }
   for (int i = 0; i < CHILDREN; i++) {
      for (;;) {
         pid_t seen = __atomic_load_n(&kids[i].child_tid, __ATOMIC_ACQUIRE);
         if (seen == 0)
            break;
         syscall(SYS_futex, &kids[i].child_tid, FUTEX_WAIT, seen, NULL,
                 NULL, 0);
      }
      printf("child %d: %ld\n", i, kids[i].result);
   }
   return 0;
}
