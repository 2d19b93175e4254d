/* More self-modifying code than smc.c (smc_chain_default.vgtest,
   smc_chain_all.vgtest): code in a writable and executable mapping,
   rewritten again and again without mprotect.
   - two blocks, the first ending in a direct jump to the second (so that
     their translations are chained): either block rewritten, and the
     jump itself redirected to a third block;
   - a loop whose body (a block that jumps to itself) gets a new constant
     between calls;
   - a fresh mapping each time, at the address of the one just unmapped,
     with different code.
   Each result is checked against what the code must compute. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef int (*fn)(void);

static void put32(unsigned char* p, uint32_t v)
{
   memcpy(p, &v, 4);
}

/* mov $imm,%eax; jmp to "to" (at most 2 GB away) */
static void emit_mov_jmp(unsigned char* p, uint32_t imm, unsigned char* to)
{
   p[0] = 0xb8;
   put32(p + 1, imm);
   p[5] = 0xe9;
   put32(p + 6, (uint32_t)(int32_t)(to - (p + 10)));
}

/* add $imm,%eax; ret */
static void emit_add_ret(unsigned char* p, uint32_t imm)
{
   p[0] = 0x05;
   put32(p + 1, imm);
   p[5] = 0xc3;
}

/* imul $3,%eax,%eax; add $imm,%eax; ret */
static void emit_mul3_add_ret(unsigned char* p, uint32_t imm)
{
   p[0] = 0x6b; p[1] = 0xc0; p[2] = 0x03;
   emit_add_ret(p + 3, imm);
}

/* xor %eax,%eax; mov $n,%ecx; 1: add $imm,%eax; dec %ecx; jnz 1b; ret */
static void emit_loop(unsigned char* p, uint32_t n, uint32_t imm)
{
   p[0] = 0x31; p[1] = 0xc0;
   p[2] = 0xb9;
   put32(p + 3, n);
   p[7] = 0x05;
   put32(p + 8, imm);
   p[12] = 0xff; p[13] = 0xc9;
   p[14] = 0x75; p[15] = (unsigned char)(7 - 16);
   p[16] = 0xc3;
}

static void sync_code(void)
{
   __asm__ __volatile__("" ::: "memory");
}

int main(void)
{
   unsigned char* page = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (page == MAP_FAILED)
      return 1;
   unsigned char *a = page, *b = page + 128, *c = page + 256;
   unsigned char* loop = page + 512;
   int bad = 0;

   /* Chained blocks: a -> b (or c), one of them rewritten each time. */
   uint32_t ka = 1, kb = 0, kc = 0;
   int to_c = 0;
   uint64_t total = 0;
   emit_mov_jmp(a, ka, b);
   emit_add_ret(b, kb);
   emit_mul3_add_ret(c, kc);
   for (uint32_t i = 0; i < 600; i++) {
      switch (i % 4) {
      case 0: ka = i * 7 + 1; emit_mov_jmp(a, ka, to_c ? c : b); break;
      case 1: kb = i * 11 + 3; emit_add_ret(b, kb); break;
      case 2: kc = i * 13 + 5; emit_mul3_add_ret(c, kc); break;
      case 3: to_c = !to_c; emit_mov_jmp(a, ka, to_c ? c : b); break;
      }
      sync_code();
      for (int rep = 0; rep < 3; rep++) {   /* run it hot, then change */
         uint32_t got = (uint32_t)((fn)a)();
         uint32_t want = to_c ? ka * 3 + kc : ka + kb;
         if (got != want && bad++ < 5)
            printf("chain %u: got %u, want %u\n", i, got, want);
         total += got;
      }
   }
   printf("chained blocks: total %llu\n", (unsigned long long)total);

   /* A loop whose body gets a new constant. */
   total = 0;
   for (uint32_t i = 1; i <= 300; i++) {
      emit_loop(loop, 1000, i);
      sync_code();
      uint32_t got = (uint32_t)((fn)loop)();
      if (got != 1000 * i && bad++ < 5)
         printf("loop %u: got %u, want %u\n", i, got, 1000 * i);
      total += got;
   }
   printf("rewritten loop: total %llu\n", (unsigned long long)total);

   /* Unmapped, mapped again (most likely at the same address) with other
      code. */
   total = 0;
   for (uint32_t i = 0; i < 200; i++) {
      unsigned char* m = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (m == MAP_FAILED)
         return 1;
      m[0] = 0xb8;
      put32(m + 1, i * i);
      m[5] = 0xc3;
      sync_code();
      uint32_t got = (uint32_t)((fn)m)();
      if (got != i * i && bad++ < 5)
         printf("remap %u: got %u, want %u\n", i, got, i * i);
      total += got;
      munmap(m, 4096);
   }
   printf("remapped code: total %llu\n", (unsigned long long)total);
   printf("%s\n", bad ? "WRONG RESULTS" : "all results right");
   return bad != 0;
}
