/* Alternate signal stacks: a handler with SA_ONSTACK runs on the
   alternate stack (its locals are there; sigaltstack says SS_ONSTACK
   and refuses a change with EPERM), one without stays on the normal
   stack; a nested signal stays on the alternate stack; SS_AUTODISARM;
   the errors of sigaltstack; a stack overflow caught by a SIGSEGV
   handler on the alternate stack; a signal with no room for its frame
   becoming a SIGSEGV. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALT_SIZE (64 * 1024)
#ifndef SS_AUTODISARM
#  define SS_AUTODISARM (1U << 31)
#endif

static char* alt;
static sigjmp_buf env;
static volatile int depth;

static int on_alt(const void* p)
{
   return (const char*)p >= alt && (const char*)p < alt + ALT_SIZE;
}

static const char* flags_str(int f)
{
   static char buf[64];
   buf[0] = 0;
   if (f & SS_ONSTACK) strcat(buf, "SS_ONSTACK ");
   if (f & SS_DISABLE) strcat(buf, "SS_DISABLE ");
   if (f & SS_AUTODISARM) strcat(buf, "SS_AUTODISARM ");
   if (buf[0] == 0) strcat(buf, "0 ");
   return buf;
}

static void handler(int sig)
{
   int local;
   stack_t cur;
   sigaltstack(NULL, &cur);
   stack_t again = { .ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0 };
   int r = sigaltstack(&again, NULL);
   int e = errno;
   printf("  %s handler (depth %d): locals on the alternate stack: %s, "
          "flags %s, changing it: %d%s\n",
          sig == SIGUSR1 ? "USR1" : "USR2", depth, on_alt(&local) ? "yes" : "no",
          flags_str(cur.ss_flags), r, r < 0 && e == EPERM ? " (EPERM)" : "");
   if (sig == SIGUSR1 && depth++ == 0) {
      raise(SIGUSR2);
      depth--;
   }
}

static void on_segv(int sig, siginfo_t* si, void* uc)
{
   (void)si; (void)uc;
   int local;
   printf("  SIGSEGV %d on the alternate stack: %s\n", sig,
          on_alt(&local) ? "yes" : "no");
   siglongjmp(env, 1);
}

static int recurse(int n)
{
   volatile char buf[1024];
   buf[0] = (char)n;
   return recurse(n + 1) + buf[0];
}

static void set(int sig, void (*fn)(int), int flags)
{
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = fn;
   sa.sa_flags = flags;
   sigaction(sig, &sa, NULL);
}

int main(void)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   alt = malloc(ALT_SIZE);
   stack_t ss, old;

   sigaltstack(NULL, &old);
   printf("initially: flags %s, size %zu\n", flags_str(old.ss_flags),
          old.ss_size);
   set(SIGUSR1, handler, SA_ONSTACK);
   set(SIGUSR2, handler, 0);
   printf("SA_ONSTACK without an alternate stack:\n");
   raise(SIGUSR1);

   ss.ss_sp = alt;
   ss.ss_size = ALT_SIZE;
   ss.ss_flags = 0;
   printf("sigaltstack: %d\n", sigaltstack(&ss, NULL));
   sigaltstack(NULL, &old);
   printf("now: flags %s, ours: %s\n", flags_str(old.ss_flags),
          old.ss_sp == alt && old.ss_size == ALT_SIZE ? "yes" : "no");
   printf("SA_ONSTACK, then a nested signal without it:\n");
   raise(SIGUSR1);
   printf("a handler without SA_ONSTACK:\n");
   raise(SIGUSR2);

   ss.ss_flags = SS_AUTODISARM;
   sigaltstack(&ss, NULL);
   printf("SS_AUTODISARM:\n");
   raise(SIGUSR1);
   sigaltstack(NULL, &old);
   printf("afterwards: flags %s\n", flags_str(old.ss_flags));

   ss.ss_flags = 0;
   ss.ss_size = 1024;
   errno = 0;
   int r = sigaltstack(&ss, NULL);
   printf("too small: %d (%s)\n", r, errno == ENOMEM ? "ENOMEM" : "?");
   ss.ss_size = ALT_SIZE;
   ss.ss_flags = 5;
   errno = 0;
   r = sigaltstack(&ss, NULL);
   printf("bad flags: %d (%s)\n", r, errno == EINVAL ? "EINVAL" : "?");
   ss.ss_flags = SS_DISABLE;
   r = sigaltstack(&ss, NULL);
   sigaltstack(NULL, &old);
   printf("disabled: %d, flags %s\n", r, flags_str(old.ss_flags));

   /* Running out of stack. */
   ss.ss_flags = 0;
   sigaltstack(&ss, NULL);
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = on_segv;
   sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
   sigaction(SIGSEGV, &sa, NULL);
   printf("stack overflow:\n");
   if (sigsetjmp(env, 1) == 0)
      recurse(0);
   printf("back from the overflow\n");

   /* A signal whose frame cannot be written (the stack pointer points
      at unmapped memory): the kernel turns it into a SIGSEGV, caught on
      the alternate stack. */
   set(SIGUSR2, handler, 0);
   printf("a signal with no room for its frame:\n");
   if (sigsetjmp(env, 1) == 0) {
      long pid = getpid(), tid = gettid();
      __asm__ __volatile__(
         "movq %%rsp, %%r12\n"
         "movq $0x10000, %%rsp\n"
         "movq $234, %%rax\n"          /* tgkill(pid, tid, SIGUSR2) */
         "syscall\n"
         "movq %%r12, %%rsp\n"
         : : "D"(pid), "S"(tid), "d"(SIGUSR2)
         : "rax", "rcx", "r11", "r12", "memory");
      printf("  not reached\n");
   }
   printf("back\n");
   return 0;
}
