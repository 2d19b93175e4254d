/* SIGCHLD when a child exits: the handler's siginfo (CLD_EXITED, the
   child's pid and status), a wait interrupted by another signal
   (EINTR without SA_RESTART), and SIGCHLD ignored (children reaped by
   the kernel: wait fails with ECHILD). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int got_chld, chld_code, chld_status, alarms;
static volatile pid_t chld_pid;

static void on_chld(int sig, siginfo_t* si, void* uc)
{
   (void)sig; (void)uc;
   got_chld++;
   chld_code = si->si_code;
   chld_pid = si->si_pid;
   chld_status = si->si_status;
}

static void on_alarm(int sig)
{
   (void)sig;
   alarms++;
}

int main(void)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = on_chld;
   sa.sa_flags = SA_SIGINFO | SA_RESTART;
   sigaction(SIGCHLD, &sa, NULL);

   /* The child exits with 3; the parent waits in sigsuspend. */
   sigset_t chld, old, none;
   sigemptyset(&chld);
   sigaddset(&chld, SIGCHLD);
   sigprocmask(SIG_BLOCK, &chld, &old);
   pid_t pid = fork();
   if (pid == 0)
      _exit(3);
   sigemptyset(&none);
   while (!got_chld)
      sigsuspend(&none);
   sigprocmask(SIG_SETMASK, &old, NULL);
   printf("SIGCHLD: %d, CLD_EXITED: %s, pid the child's: %s, status %d\n",
          got_chld, chld_code == CLD_EXITED ? "yes" : "no",
          chld_pid == pid ? "yes" : "no", chld_status);
   int st;
   pid_t w = waitpid(pid, &st, 0);
   printf("waitpid: child's: %s, exit status %d\n", w == pid ? "yes" : "no",
          WEXITSTATUS(st));

   /* A child killed by a signal. */
   got_chld = 0;
   pid = fork();
   if (pid == 0) {
      pause();
      _exit(0);
   }
   kill(pid, SIGTERM);
   w = waitpid(pid, &st, 0);
   while (!got_chld)
      usleep(1000);
   printf("killed child: signaled %s by %d, SIGCHLD code CLD_KILLED: %s\n",
          WIFSIGNALED(st) ? "yes" : "no", WTERMSIG(st),
          chld_code == CLD_KILLED ? "yes" : "no");

   /* wait4 blocked, interrupted by SIGALRM without SA_RESTART. */
   struct sigaction al;
   memset(&al, 0, sizeof al);
   al.sa_handler = on_alarm;
   sigaction(SIGALRM, &al, NULL);
   int p[2];
   pipe(p);
   pid = fork();
   if (pid == 0) {
      char c;
      close(p[1]);
      (void)!read(p[0], &c, 1);   /* until the parent closes its end */
      _exit(7);
   }
   close(p[0]);
   struct itimerval it = { { 0, 0 }, { 0, 50000 } };
   setitimer(ITIMER_REAL, &it, NULL);
   w = waitpid(pid, &st, 0);
   printf("waitpid interrupted: %d (%s), %d alarm\n", (int)w,
          w < 0 && errno == EINTR ? "EINTR" : "?", alarms);
   close(p[1]);
   w = waitpid(pid, &st, 0);
   printf("waitpid again: child's: %s, exit status %d\n",
          w == pid ? "yes" : "no", WEXITSTATUS(st));

   /* SIGCHLD ignored: the kernel reaps the children. */
   signal(SIGCHLD, SIG_IGN);
   pid = fork();
   if (pid == 0)
      _exit(0);
   w = wait(&st);
   printf("wait with SIGCHLD ignored: %d (%s)\n", (int)w,
          w < 0 && errno == ECHILD ? "ECHILD" : "?");
   return 0;
}
