/* SIGSEGV handlers that repair the faulting instruction's effect and
   return, by changing uc_mcontext.

   "rip": the handler checks that the interrupted RIP is exactly the
   faulting instruction and moves RIP past it (the state the program
   needs afterwards is in memory): works with the default
   --vex-iropt-register-updates, which keeps RIP and RSP exact at every
   memory access.

   "regs": the handler also reads RAX and RBX from uc_mcontext and
   changes RAX, and the program carries on with the changed value: the
   general registers are exact at a fault only with
   --vex-iropt-register-updates=allregs-at-mem-access (as in
   Valgrind). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

/* long poke(long* p, long* q): *p = 100, then 100 + *q + rbx (7).  The
   store and the load fault when P and Q are bad; the indirect jump ends
   the block. */
extern long poke(long* p, long* q);
extern char poke_store[], poke_after_store[], poke_load[],
            poke_after_load[];
/* void store_one(int* p): *p = 1. */
extern void store_one(int* p);
extern char store_one_insn[], store_one_after[];
__asm__(
"	.text\n"
"	.globl poke, poke_store, poke_after_store, poke_load, poke_after_load\n"
"poke:\n"
"	pushq	%rbx\n"
"	movq	$7, %rbx\n"
"	movq	$100, %rax\n"
"	leaq	1f(%rip), %rcx\n"
"	movq	%rax, scratch1(%rip)\n"
"poke_store:\n"
"	movq	%rax, (%rdi)\n"
"poke_after_store:\n"
"	movq	%rax, scratch2(%rip)\n"
"poke_load:\n"
"	addq	(%rsi), %rax\n"
"poke_after_load:\n"
"	jmp	*%rcx\n"
"1:	addq	%rbx, %rax\n"
"	popq	%rbx\n"
"	ret\n"
"	.globl store_one, store_one_insn, store_one_after\n"
"store_one:\n"
"	movl	$0, scratch3(%rip)\n"
"store_one_insn:\n"
"	movl	$1, (%rdi)\n"
"store_one_after:\n"
"	movl	$1, scratch3(%rip)\n"
"	ret\n"
"	.data\n"
"scratch1: .quad 0\n"
"scratch2: .quad 0\n"
"	.globl scratch3\n"
"scratch3: .long 0\n"
"	.text\n");
extern int scratch3;

static int faults;

static void rip_handler(int sig, siginfo_t* si, void* ucv)
{
   ucontext_t* uc = ucv;
   greg_t* r = uc->uc_mcontext.gregs;
   faults++;
   char* rip = (char*)r[REG_RIP];
   printf("  signal %d, si_addr %p, RIP at the store: %s\n", sig,
          si->si_addr, rip == store_one_insn ? "yes" : "NO");
   r[REG_RIP] = (greg_t)store_one_after;
}

static void regs_handler(int sig, siginfo_t* si, void* ucv)
{
   ucontext_t* uc = ucv;
   greg_t* r = uc->uc_mcontext.gregs;
   faults++;
   char* rip = (char*)r[REG_RIP];
   printf("  signal %d at %s, si_addr %p, rax %lld, rbx %lld\n", sig,
          rip == poke_store ? "the store"
          : rip == poke_load ? "the load" : "SOMEWHERE ELSE",
          si->si_addr, (long long)r[REG_RAX], (long long)r[REG_RBX]);
   if (rip == poke_store) {
      r[REG_RIP] = (greg_t)poke_after_store;
      r[REG_RAX] = 1000;              /* the program sees this */
   } else if (rip == poke_load) {
      r[REG_RIP] = (greg_t)poke_after_load;
      r[REG_RAX] += 20;               /* as if *q were 20 */
   }
}

int main(int argc, char** argv)
{
   setvbuf(stdout, NULL, _IONBF, 0);
   int regs = argc > 1 && strcmp(argv[1], "regs") == 0;
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = regs ? regs_handler : rip_handler;
   sa.sa_flags = SA_SIGINFO;
   sigaction(SIGSEGV, &sa, NULL);

   if (!regs) {
      int x = 0;
      store_one(&x);
      printf("good pointer: x = %d, after the store: %d\n", x, scratch3);
      for (int i = 0; i < 3; i++) {
         store_one((int*)(long)(0x100 + 8 * i));
         printf("bad pointer %d: after the store: %d\n", i, scratch3);
      }
   } else {
      long a = 0, b = 5;
      long r = poke(&a, &b);
      printf("good pointers: %ld (a = %ld)\n", r, a);
      printf("bad store: %ld\n", poke((long*)0x40, &b));
      printf("bad load: %ld\n", poke(&a, (long*)0x48));
      printf("both bad: %ld\n", poke((long*)0x50, (long*)0x58));
   }
   printf("%d faults\n", faults);
   return 0;
}
