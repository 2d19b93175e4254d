/* execve (execve_trace_no.vgtest, execve_trace_yes.vgtest).  Given the
   name of an executable file that is not a program: execs that fail and
   return (ENOENT, EACCES, ENOEXEC), a forked
   child that execs this program again with other arguments and
   environment, a forked child that execs /bin/sh, and finally an exec in
   place of this process.  The exec'd programs say whether they run under
   valgrind: with --trace-children=yes they do, with =no they run
   natively. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "valgrind.h"

static void describe(const char* who, int status)
{
   if (WIFEXITED(status))
      printf("%s: exited with %d\n", who, WEXITSTATUS(status));
   else if (WIFSIGNALED(status))
      printf("%s: killed by signal %d\n", who, WTERMSIG(status));
}

static const char* errno_name(int e)
{
   switch (e) {
   case ENOENT: return "ENOENT";
   case EACCES: return "EACCES";
   case ENOEXEC: return "ENOEXEC";
   case EFAULT: return "EFAULT";
   default: return strerror(e);
   }
}

static void try_exec(const char* path)
{
   char* argv[] = { (char*)path, NULL };
   char* envp[] = { NULL };
   errno = 0;
   int r = execve(path, argv, envp);
   printf("execve(\"%s\") returned %d, %s\n", path, r, errno_name(errno));
}

int main(int argc, char** argv)
{
   if (argc > 1 && strcmp(argv[1], "child") == 0) {
      printf("child: argc %d, argv[0] %s, argv[2] [%s], EXECVE_TEST=%s, "
             "PATH %s, on valgrind %u\n",
             argc, argv[0], argc > 2 ? argv[2] : "", getenv("EXECVE_TEST"),
             getenv("PATH") ? "set" : "unset", RUNNING_ON_VALGRIND);
      return 5;
   }
   if (argc > 1 && strcmp(argv[1], "final") == 0) {
      printf("final: on valgrind %u\n", RUNNING_ON_VALGRIND);
      return 3;
   }

   printf("parent: on valgrind %u\n", RUNNING_ON_VALGRIND);
   try_exec("/nonexistent/program");
   try_exec("/dev/null");
   try_exec("execve.c");   /* not executable: EACCES */
   if (argc > 1)
      try_exec(argv[1]);   /* executable, neither ELF nor #!: ENOEXEC */

   fflush(stdout);
   pid_t pid = fork();
   if (pid == 0) {
      char* cargv[] = { argv[0], "child", "two words", NULL };
      char* cenvp[] = { "EXECVE_TEST=hello there", NULL };
      execve(argv[0], cargv, cenvp);
      perror("execve");
      _exit(1);
   }
   int status;
   waitpid(pid, &status, 0);
   describe("child", status);

   fflush(stdout);
   pid = fork();
   if (pid == 0) {
      char* cargv[] = { "sh", "-c", "echo sh: $GREETING; exit 4", NULL };
      char* cenvp[] = { "GREETING=hi from sh", NULL };
      execve("/bin/sh", cargv, cenvp);
      perror("execve");
      _exit(1);
   }
   waitpid(pid, &status, 0);
   describe("sh", status);

   fflush(stdout);
   char* fargv[] = { argv[0], "final", NULL };
   execv(argv[0], fargv);
   perror("execv");
   return 1;
}
