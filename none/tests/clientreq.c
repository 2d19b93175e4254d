/* Client requests of valgrind.h under --tool=none: the ones the core
   answers, and an unknown one (its default value comes back). */
#include <stdio.h>
#include "valgrind.h"

static unsigned long twice(unsigned long tid, unsigned long x)
{
   (void)tid;
   return 2 * x;
}

int main(void)
{
   int n = VALGRIND_PRINTF("hello %d %s 0x%lx\n", 42, "there", 0xabcUL);
   printf("printf count %d\n", n);
   printf("running on valgrind %u\n", RUNNING_ON_VALGRIND);
   printf("errors %u\n", VALGRIND_COUNT_ERRORS);
   printf("unknown %lu\n", (unsigned long)VALGRIND_DO_CLIENT_REQUEST_EXPR(
             77, 0x12345, 1, 2, 3, 4, 5));
   printf("non-simd call %lu\n",
          (unsigned long)VALGRIND_NON_SIMD_CALL1(twice, 21));
   VALGRIND_DISCARD_TRANSLATIONS((unsigned long)main, 64);
   printf("after discard %u\n", RUNNING_ON_VALGRIND);
   return 0;
}
