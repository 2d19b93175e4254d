/* Signals raised by instructions other than memory accesses, caught by
   handlers that return: SIGFPE from an integer division by zero
   (FPE_INTDIV, at the division), SIGILL from ud2 (ILL_ILLOPN, at the
   instruction), SIGTRAP from int3 (SI_KERNEL, RIP after it), SIGSEGV
   from hlt (a privileged instruction: SI_KERNEL, no address).  The
   handlers move RIP past the faulting instruction. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

extern long divide(long a, long b);
extern void do_ud2(void), do_int3(void), do_hlt(void);
extern char div_insn[], div_after[], ud2_insn[], ud2_after[],
            int3_insn[], int3_after[], hlt_insn[], hlt_after[];
__asm__(
"	.text\n"
"	.globl divide, div_insn, div_after\n"
"divide:\n"
"	movq	%rdi, %rax\n"
"	cqto\n"
"div_insn:\n"
"	idivq	%rsi\n"
"div_after:\n"
"	ret\n"
"	.globl do_ud2, ud2_insn, ud2_after\n"
"do_ud2:\n"
"ud2_insn:\n"
"	ud2\n"
"ud2_after:\n"
"	ret\n"
"	.globl do_int3, int3_insn, int3_after\n"
"do_int3:\n"
"int3_insn:\n"
"	int3\n"
"int3_after:\n"
"	ret\n"
"	.globl do_hlt, hlt_insn, hlt_after\n"
"do_hlt:\n"
"hlt_insn:\n"
"	hlt\n"
"hlt_after:\n"
"	ret\n");

static const char* where(char* p)
{
   if (p == div_insn)   return "the division";
   if (p == div_after)  return "after the division";
   if (p == ud2_insn)   return "ud2";
   if (p == ud2_after)  return "after ud2";
   if (p == int3_insn)  return "int3";
   if (p == int3_after) return "after int3";
   if (p == hlt_insn)   return "hlt";
   if (p == hlt_after)  return "after hlt";
   return "ELSEWHERE";
}

static void handler(int sig, siginfo_t* si, void* ucv)
{
   ucontext_t* uc = ucv;
   greg_t* r = uc->uc_mcontext.gregs;
   char* rip = (char*)r[REG_RIP];
   printf("  %s: si_code %d, si_addr %s, RIP at %s, trapno %lld\n",
          strsignal(sig), si->si_code,
          si->si_addr == NULL ? "NULL" : where(si->si_addr), where(rip),
          (long long)r[REG_TRAPNO]);
   if (rip == div_insn) {
      r[REG_RIP] = (greg_t)div_after;
      r[REG_RAX] = -1;
   } else if (rip == ud2_insn) {
      r[REG_RIP] = (greg_t)ud2_after;
   } else if (rip == hlt_insn) {
      r[REG_RIP] = (greg_t)hlt_after;
   }
}

int main(void)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = handler;
   sa.sa_flags = SA_SIGINFO;
   sigaction(SIGFPE, &sa, NULL);
   sigaction(SIGILL, &sa, NULL);
   sigaction(SIGTRAP, &sa, NULL);
   sigaction(SIGSEGV, &sa, NULL);

   printf("100 / 7 = %ld\n", divide(100, 7));
   printf("100 / 0 = %ld\n", divide(100, 0));
   printf("ud2:\n");
   do_ud2();
   printf("int3:\n");
   do_int3();
   printf("hlt:\n");
   do_hlt();
   printf("done\n");
   return 0;
}
