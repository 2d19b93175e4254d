/* An instruction the front end cannot decode (unhandled_avx.vgtest): AVX's
   vaddps on ymm registers (the emulated CPU has no AVX, and CPUID says
   so).  Under valgrind: the "unhandled instruction bytes" report, then
   SIGILL's default action kills the program (status 132), as native
   SIGILL would; natively, on a CPU with AVX, it prints "after". */
#include <stdio.h>

void avx_add(void);
/* The instruction and what follows it are fixed bytes, so the report
   (which shows ten bytes from the instruction on) is the same for every
   compiler: c5 f4 58 d0 (vaddps %ymm0,%ymm1,%ymm2), c3 (ret), cc... */
__asm__(".text\n"
        ".globl avx_add\n"
        ".type avx_add, @function\n"
        "avx_add:\n"
        "\tvaddps %ymm0, %ymm1, %ymm2\n"
        "\tret\n"
        "\t.byte 0xcc, 0xcc, 0xcc, 0xcc, 0xcc\n"
        ".size avx_add, .-avx_add\n");

int main(void)
{
   __builtin_cpu_init();
   printf("CPUID says AVX: %s\n", __builtin_cpu_supports("avx") ? "yes" : "no");
   printf("before\n");
   fflush(stdout);
   avx_add();
   printf("after\n");
   return 0;
}
