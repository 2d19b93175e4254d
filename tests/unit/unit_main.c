/* Driver of the hosted unit tests: runs every registered test in a child
   process and prints one PASS/FAIL line per test. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "unit.h"

extern const struct unit_test __start_unit_tests[];
extern const struct unit_test __stop_unit_tests[];

int ut_failures = 0;

void ut_report(const char* file, int line, const char* fmt, ...)
{
   va_list ap;
   ut_failures++;
   fprintf(stderr, "  %s:%d: ", file, line);
   va_start(ap, fmt);
   vfprintf(stderr, fmt, ap);
   va_end(ap);
   fputc('\n', stderr);
}

int ut_strcmp(const char* a, const char* b)
{
   return strcmp(a, b);
}

int ut_run_captured(void (*fn)(void), char* out, unsigned long out_size)
{
   int fds[2];
   if (pipe(fds) != 0)
      return -1;
   fflush(stdout);
   fflush(stderr);
   pid_t pid = fork();
   if (pid == 0) {
      close(fds[0]);
      dup2(fds[1], 1);
      dup2(fds[1], 2);
      fn();
      fflush(stdout);
      _exit(0);
   }
   close(fds[1]);
   unsigned long used = 0;
   char sink[256];
   for (;;) {
      char* dst = (out && used + 1 < out_size) ? out + used : sink;
      unsigned long room = (out && used + 1 < out_size)
                              ? out_size - 1 - used : sizeof sink;
      ssize_t n = read(fds[0], dst, room);
      if (n <= 0)
         break;
      if (dst != sink)
         used += (unsigned long)n;
   }
   if (out && out_size > 0)
      out[used] = '\0';
   close(fds[0]);
   int status = 0;
   waitpid(pid, &status, 0);
   return status;
}

static const char* base_name(const char* path)
{
   const char* slash = strrchr(path, '/');
   const char* b = slash ? slash + 1 : path;
   return b;
}

int main(int argc, char** argv)
{
   const char* only = argc > 1 ? argv[1] : NULL;
   int passed = 0, failed = 0;
   for (const struct unit_test* t = __start_unit_tests;
        t < __stop_unit_tests; t++) {
      char file[128];
      snprintf(file, sizeof file, "%s", base_name(t->file));
      char* dot = strrchr(file, '.');
      if (dot)
         *dot = '\0';
      if (only && strstr(t->name, only) == NULL && strstr(file, only) == NULL)
         continue;
      fflush(stdout);
      pid_t pid = fork();
      if (pid == 0) {
         t->fn();
         fflush(stdout);
         _exit(ut_failures == 0 ? 0 : 1);
      }
      int status = 0;
      waitpid(pid, &status, 0);
      int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
      if (!ok && WIFSIGNALED(status))
         fprintf(stderr, "  killed by signal %d\n", WTERMSIG(status));
      printf("%s: unit/%s/%s\n", ok ? "PASS" : "FAIL", file, t->name);
      if (ok) passed++; else failed++;
   }
   printf("unit tests: %d passed, %d failed\n", passed, failed);
   return failed == 0 ? 0 : 1;
}
