/* The program of the debuginfo tests: main calls compute_something,
   which calls strlen (in the C library) and, through a pointer, a local
   function, scale; printf prints whether the result is positive. */
#include <stdio.h>
#include <string.h>

static __attribute__((noinline)) long scale(long x)
{
   __asm__ __volatile__("");
   return x * 3;
}

/* Called through a pointer, so that its code starts a superblock. */
static long (*volatile scale_fn)(long) = scale;

__attribute__((noinline)) long compute_something(const char* s, int n)
{
   long acc = 0;
   for (int i = 0; i < n; i++)
      acc += scale_fn((long)strlen(s) + i);
   return acc;
}

int main(int argc, char** argv)
{
   printf("%d\n", compute_something(argv[0], 10 + argc) > 0);
   return 0;
}
