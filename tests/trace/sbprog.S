/* The fixed program of the trace tests.  It uses no libc, so its
   translations are the same, in the same order, on every run:

     SB 0      _start, the call of bump followed into it (chasing)
     SB 1..5   "call fN" followed into fN (N = 1..5)
     SB 6      "call spin" followed into spin, up to its loop
     SB 7      spin's loop (a block that jumps back to itself: unrolled)
     SB 8      spin's return
     SB 9      "call run_jit" followed into it, up to its mmap
     SB 10     the rest of run_jit: it copies jit_template into the
               new anonymous mapping and jumps there
     SB 11     the copied code (not file-backed)
     SB 12     the exit

   bump holds the instructions the per-bit tests look at. */
        .text
        .globl  _start
_start:
        lea     counter(%rip), %rdi
        call    bump
        call    f1
        call    f2
        call    f3
        call    f4
        call    f5
        call    spin
        call    run_jit
        mov     $60, %eax               /* exit(0) */
        xor     %edi, %edi
        syscall

        /* counter += 0x10, atomically; returns the old value + 0x10. */
bump:
        mov     $0x10, %rax
        lock xaddq %rax, (%rdi)
        addq    $0x10, %rax
        ret

f1:     inc     %rax
        ret
f2:     inc     %rax
        ret
f3:     inc     %rax
        ret
f4:     inc     %rax
        ret
f5:     inc     %rax
        ret

        /* rax += 64 + 63 + ... + 1 */
spin:   mov     $64, %ecx
1:      add     %rcx, %rax
        dec     %ecx
        jnz     1b
        ret

        /* Copies jit_template to a new anonymous RWX page and calls it
           with %rdi = &counter. */
run_jit:
        push    %rdi
        mov     $9, %eax                /* mmap(0, 4096, RWX, */
        xor     %edi, %edi              /*   MAP_PRIVATE|MAP_ANONYMOUS, */
        mov     $4096, %esi             /*   -1, 0) */
        mov     $7, %edx
        mov     $0x22, %r10d
        mov     $-1, %r8
        xor     %r9d, %r9d
        syscall
        mov     %rax, %rdx
        lea     jit_template(%rip), %rsi
        mov     (%rsi), %rax
        mov     %rax, (%rdx)
        mov     8(%rsi), %rax
        mov     %rax, 8(%rdx)
        pop     %rdi
        jmp     *%rdx

        /* counter += 1 (returns to run_jit's caller); 16 bytes. */
jit_template:
        movq    (%rdi), %rax
        addq    $1, %rax
        movq    %rax, (%rdi)
        ret
        .fill   5, 1, 0x90

        .data
counter:
        .quad   0
