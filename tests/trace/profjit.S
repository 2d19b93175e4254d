/* A program whose hottest code is gone before the exit: it copies a
   loop into an anonymous executable mapping, runs it JIT_N times,
   unmaps it (discarding its translations) and exits.  No libc. */
#define JIT_N 100000
        .text
        .globl  _start
        .type   _start, @function
_start:
        mov     $9, %eax                /* mmap(0, 4096, RWX, */
        xor     %edi, %edi              /*      PRIVATE|ANONYMOUS, -1, 0) */
        mov     $4096, %esi
        mov     $7, %edx
        mov     $0x22, %r10d
        mov     $-1, %r8
        xor     %r9d, %r9d
        syscall
        mov     %rax, %r12
        lea     loop_template(%rip), %rsi
        mov     %r12, %rdi
        mov     $(loop_end - loop_template), %ecx
        rep movsb
        mov     $JIT_N, %rcx
        call    *%r12
        mov     $11, %eax               /* munmap(code, 4096) */
        mov     %r12, %rdi
        mov     $4096, %esi
        syscall
        mov     $60, %eax               /* exit(0) */
        xor     %edi, %edi
        syscall
        .size   _start, .-_start

        /* Copied, not run in place. */
loop_template:
1:      dec     %rcx
        jnz     1b
        ret
loop_end:
