/* fork and wait (forkwait.vgtest): several children with different exit
   statuses, collected by pid in an order other than their creation's; a
   child killed by a signal; a vfork child; a grandchild; a child talking
   through a pipe; WNOHANG on a child that cannot have finished; ECHILD
   when none is left.  Children stay under the tool (the child compares
   RUNNING_ON_VALGRIND with its parent's); they do not share the parent's
   memory.  Only the parent prints, so the output is the same every run. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "valgrind.h"

static int counter = 100;

static void describe(const char* who, int status)
{
   if (WIFEXITED(status))
      printf("%s: exited with %d\n", who, WEXITSTATUS(status));
   else if (WIFSIGNALED(status))
      printf("%s: killed by signal %d\n", who, WTERMSIG(status));
   else
      printf("%s: status 0x%x\n", who, (unsigned)status);
}

/* Some work in a child, so that it does run translated code. */
static int work(int seed)
{
   unsigned x = (unsigned)seed;
   for (int i = 0; i < 100000; i++)
      x = x * 1103515245u + 12345u;
   return (int)(x >> 16);
}

static pid_t start(void)
{
   fflush(stdout);
   pid_t pid = fork();
   if (pid < 0) {
      perror("fork");
      exit(1);
   }
   return pid;
}

int main(void)
{
   unsigned on_vg = RUNNING_ON_VALGRIND;
   static const int codes[] = { 0, 3, 42, 255 };
   pid_t pids[4];
   int status;
   char who[64];

   /* Four children exit with different statuses; each changes its own
      copy of "counter". */
   for (int i = 0; i < 4; i++) {
      pids[i] = start();
      if (pids[i] == 0) {
         counter += 1000 * (i + 1) + work(i) % 2;
         _exit(codes[i]);
      }
   }
   for (int i = 3; i >= 0; i--) {
      pid_t got = waitpid(pids[i], &status, 0);
      snprintf(who, sizeof who, "child %d (waitpid by pid: %s)", i,
               got == pids[i] ? "right pid" : "WRONG PID");
      describe(who, status);
   }
   printf("parent's counter is still %d\n", counter);

   /* A child talks through a pipe. */
   int fds[2];
   if (pipe(fds) != 0) {
      perror("pipe");
      return 1;
   }
   pid_t pid = start();
   if (pid == 0) {
      char msg[128];
      close(fds[0]);
      counter = 7;
      int n = snprintf(msg, sizeof msg,
                       "from the child: counter %d, same tool as the "
                       "parent: %s, work %d",
                       counter, RUNNING_ON_VALGRIND == on_vg ? "yes" : "no",
                       work(5));
      if (write(fds[1], msg, (size_t)n) != n)
         _exit(1);
      _exit(0);
   }
   close(fds[1]);
   char buf[256];
   size_t len = 0;
   ssize_t n;
   while ((n = read(fds[0], buf + len, sizeof buf - 1 - len)) > 0)
      len += (size_t)n;
   buf[len] = '\0';
   close(fds[0]);
   printf("%s\n", buf);
   waitpid(pid, &status, 0);
   describe("pipe child", status);

   /* WNOHANG on a child blocked reading a pipe nobody has written yet. */
   if (pipe(fds) != 0)
      return 1;
   pid = start();
   if (pid == 0) {
      char c;
      close(fds[1]);
      _exit(read(fds[0], &c, 1) == 1 ? c - '0' : 99);
   }
   close(fds[0]);
   printf("WNOHANG before it can finish: %d\n",
          (int)waitpid(pid, &status, WNOHANG));
   if (write(fds[1], "6", 1) != 1)
      return 1;
   close(fds[1]);
   waitpid(pid, &status, 0);
   describe("reader child", status);

   /* Children killed by signals: by itself, and by the parent. */
   pid = start();
   if (pid == 0) {
      kill(getpid(), SIGKILL);
      _exit(98);
   }
   waitpid(pid, &status, 0);
   describe("self-killed child", status);
   if (pipe(fds) != 0)
      return 1;
   pid = start();
   if (pid == 0) {
      char c;
      close(fds[1]);
      /* Blocks until the parent's signal ends it. */
      while (read(fds[0], &c, 1) != 0)
         ;
      _exit(97);
   }
   close(fds[0]);
   kill(pid, SIGTERM);
   waitpid(pid, &status, 0);
   close(fds[1]);
   describe("child killed by the parent", status);

   /* vfork, and a grandchild whose status its parent passes on. */
   fflush(stdout);
   pid = vfork();
   if (pid == 0)
      _exit(7);
   waitpid(pid, &status, 0);
   describe("vfork child", status);
   pid = start();
   if (pid == 0) {
      pid_t grandchild = fork();
      if (grandchild == 0)
         _exit(9);
      int st;
      if (waitpid(grandchild, &st, 0) != grandchild || !WIFEXITED(st))
         _exit(1);
      _exit(WEXITSTATUS(st) + 1);
   }
   waitpid(pid, &status, 0);
   describe("parent of a grandchild", status);

   /* Nothing left to wait for. */
   errno = 0;
   pid_t none = wait(&status);
   printf("wait with no children: %d, %s\n", (int)none,
          errno == ECHILD ? "ECHILD" : strerror(errno));
   return 0;
}
