/* A fault raised by the client's code kills it with the signal's default
   action: argv[1] says which. */
#include <string.h>

volatile int zero = 0;

int main(int argc, char** argv)
{
   if (argc < 2)
      return 2;
   if (strcmp(argv[1], "sigill") == 0)
      __asm__ __volatile__(".byte 0x0f, 0x37");     /* getsec */
   if (strcmp(argv[1], "jump") == 0)
      ((void (*)(void))0x1234)();
   if (strcmp(argv[1], "div") == 0)
      return 5 / zero;
   if (strcmp(argv[1], "int3") == 0)
      __asm__ __volatile__("int3");
   return 0;
}
