/* A SIGSEGV handler that siglongjmps out of faults of several kinds:
   loads and stores to unmapped memory, stores to read-only and
   inaccessible mappings, calls to an unmapped address and into a
   non-executable page.  The handler checks si_code and si_addr, and
   that SIGSEGV is blocked while it runs and unblocked again after
   siglongjmp. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf env;
static void* volatile expect_addr;
static volatile int hits;
static volatile long sink;   /* loads whose value is used */

static const char* code_name(int code)
{
   switch (code) {
      case SEGV_MAPERR: return "SEGV_MAPERR";
      case SEGV_ACCERR: return "SEGV_ACCERR";
      default:          return "other";
   }
}

static int segv_blocked(void)
{
   sigset_t cur;
   sigprocmask(SIG_SETMASK, NULL, &cur);
   return sigismember(&cur, SIGSEGV);
}

static void handler(int sig, siginfo_t* si, void* uc)
{
   (void)uc;
   hits++;
   printf("  handler: signal %d, %s, si_addr %s, SIGSEGV blocked: %s\n",
          sig, code_name(si->si_code),
          si->si_addr == expect_addr ? "as expected" : "WRONG",
          segv_blocked() ? "yes" : "no");
   siglongjmp(env, 1);
}

#define TRY(name, addr, action)                                         \
   do {                                                                 \
      printf("%s\n", name);                                             \
      expect_addr = (void*)(addr);                                      \
      if (sigsetjmp(env, 1) == 0) {                                     \
         action;                                                        \
         printf("  not reached\n");                                     \
      } else {                                                          \
         printf("  back in main, SIGSEGV blocked: %s\n",                \
                segv_blocked() ? "yes" : "no");                         \
      }                                                                 \
   } while (0)

int main(void)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = handler;
   sa.sa_flags = SA_SIGINFO;
   sigemptyset(&sa.sa_mask);
   sigaction(SIGSEGV, &sa, NULL);

   char* ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   char* none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
                     -1, 0);
   char* gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   gone[0] = 1;
   munmap(gone, 4096);

   TRY("load from 0x10", 0x10, sink = *(volatile int*)0x10);
   TRY("store to 0x20", 0x20, *(volatile int*)0x20 = 1);
   TRY("store to a read-only page", ro + 8, *(volatile char*)(ro + 8) = 1);
   TRY("load from a PROT_NONE page", none + 16,
       sink = *(volatile char*)(none + 16));
   TRY("load from an unmapped page", gone + 100,
       sink = *(volatile char*)(gone + 100));
   TRY("call to 0x1234", 0x1234, ((void (*)(void))0x1234)());
   TRY("call into a non-executable page", ro, ((void (*)(void))ro)());
   TRY("store to 0x30 again", 0x30, *(volatile long*)0x30 = 2);
   printf("%d faults handled\n", hits);
   return 0;
}
