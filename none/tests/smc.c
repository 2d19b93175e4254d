/* Self-modifying code: a function rewritten in place and called again.
   "rwx": in a writable and executable mapping (found by the translations'
   self-checks); "mprotect": made writable, rewritten, made executable
   (found by mprotect discarding the translations); "stack": on the
   stack (checked under the default --smc-check=stack). */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef int (*fn)(void);

static int run5(unsigned char* where, int use_mprotect)
{
   unsigned char code[] = { 0xb8, 1, 0, 0, 0, 0xc3 };   /* mov $n,%eax; ret */
   int total = 0;
   for (int i = 0; i < 5; i++) {
      if (use_mprotect)
         mprotect(where, 4096, PROT_READ | PROT_WRITE);
      code[1] = (unsigned char)(i + 1);
      memcpy(where, code, sizeof code);
      __asm__ __volatile__("" ::: "memory");
      if (use_mprotect)
         mprotect(where, 4096, PROT_READ | PROT_EXEC);
      total = total * 10 + ((fn)where)();
   }
   return total;
}

int main(int argc, char** argv)
{
   (void)argv;
   unsigned char* rwx = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   unsigned char* rw = mmap(0, 4096, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   unsigned char stack[64] __attribute__((aligned(16)));
   if (argc > 1)
      printf("rwx: %d\n", run5(rwx, 0));
   printf("mprotect: %d\n", run5(rw, 1));
   printf("stack: %d\n", run5(stack, 0));
   return 0;
}
