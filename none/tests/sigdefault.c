/* Default actions: argv[1] says which signal ends (or does not end) the
   process, and how it comes. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile long sink;

/* Another process (a shell: not run under valgrind, so it says
   nothing) sends SIG to this one once it waits in pause(). */
static void from_other(const char* sig)
{
   char cmd[64];
   snprintf(cmd, sizeof cmd, "sleep 0.1; kill -s %s $PPID", sig);
   if (fork() == 0) {
      execl("/bin/sh", "sh", "-c", cmd, (char*)NULL);
      _exit(1);
   }
   pause();
}

static void on_segv(int sig)
{
   (void)sig;
   printf("handler ran\n");
}

int main(int argc, char** argv)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   const char* what = argc > 1 ? argv[1] : "";
   if (strcmp(what, "segv") == 0)
      sink = *(volatile long*)8;
   if (strcmp(what, "segv-blocked") == 0) {
      /* A fault with SIGSEGV blocked (or ignored) kills anyway. */
      signal(SIGSEGV, on_segv);
      sigset_t s;
      sigemptyset(&s);
      sigaddset(&s, SIGSEGV);
      sigprocmask(SIG_BLOCK, &s, NULL);
      sink = *(volatile long*)16;
   }
   if (strcmp(what, "segv-ignored") == 0) {
      signal(SIGSEGV, SIG_IGN);
      sink = *(volatile long*)24;
   }
   if (strcmp(what, "term-self") == 0)
      kill(getpid(), SIGTERM);
   if (strcmp(what, "term-other") == 0)
      from_other("TERM");
   if (strcmp(what, "int-other") == 0)
      from_other("INT");
   if (strcmp(what, "kill-other") == 0)
      from_other("KILL");
   if (strcmp(what, "abort") == 0)
      abort();
   if (strcmp(what, "ignored") == 0) {
      /* Ignored, or ignored by default: nothing happens. */
      signal(SIGUSR1, SIG_IGN);
      kill(getpid(), SIGUSR1);
      kill(getpid(), SIGCHLD);
      kill(getpid(), SIGWINCH);
      kill(getpid(), SIGURG);
      kill(getpid(), SIGCONT);
      printf("still here\n");
      return 0;
   }
   printf("not killed\n");
   return 0;
}
