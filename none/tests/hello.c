/* The hello world that real_gcc.vgtest compiles under valgrind. */
#include <stdio.h>

int main(void)
{
   printf("hello, world\n");
   return 0;
}
