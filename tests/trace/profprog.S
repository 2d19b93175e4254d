/* The program of the SB-profile tests: no libc, so its superblocks and
   their counts are the same on every run.  hot's loop runs HOT_N times,
   warm's WARM_N times (one hundredth); everything else once.  The loop
   counts can be given with -DHOT_N=... when assembling. */
#ifndef HOT_N
#define HOT_N 200000
#endif
#define WARM_N (HOT_N / 100)
        .text
        .globl  _start
        .type   _start, @function
_start:
        call    hot
        call    warm
        mov     $60, %eax               /* exit(0) */
        xor     %edi, %edi
        syscall
        .size   _start, .-_start

        .type   hot, @function
hot:    mov     $HOT_N, %rcx
1:      add     %rcx, %rax
        xor     $0x55, %rax
        dec     %rcx
        jnz     1b
        ret
        .size   hot, .-hot

        .type   warm, @function
warm:   mov     $WARM_N, %rcx
2:      sub     %rcx, %rdx
        dec     %rcx
        jnz     2b
        ret
        .size   warm, .-warm
