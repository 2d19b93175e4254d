/* Threads that keep creating new code while others run hot loops.  Each
   code-generating thread, round after round, maps a fresh buffer, writes
   many small distinct functions into it (mov/lea/xor/add with varying
   immediates, behind a varying number of nops), calls each of them twice
   in different orders and checks every result, then unmaps the buffer:
   the next round's mapping often lands at the same address with different
   code there, so stale translations give wrong results.  Odd rounds write
   the buffer writable and then mprotect it executable instead of mapping
   it RWX.  Every round the thread also calls all of 256 distinct compiled
   functions in an order of its own (all threads translate them at once
   at the start).  The hot-loop threads meanwhile repeat a fixed integer
   computation and check that every repetition gives the same result.

   usage: thr_codegen_stress [CODEGEN_THREADS [HOT_THREADS [ROUNDS [keep]]]]
   (default 8 2 30); "keep" leaves every buffer mapped (new code at new
   addresses only: translating without discarding, for
   perf/threads/run-bench).  Prints one line per code-generating thread
   and one for the hot loops, and exits with 0 if every result was
   right. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <stdint.h>
#include <sys/mman.h>

#define MAX_CODEGEN 64
#define FUNCS_PER_ROUND 96
#define MAX_FUNC_BYTES 16     /* up to 3 bytes of misalignment, 5 nops and
                                 the longest body, 7 bytes */
#define BUFFER_BYTES 4096
#define SHAPES 5

typedef uint32_t (*generated_fn)(uint32_t);

/* --- the compiled functions: 256 of them, each a different constant --- */

#define COMPILED_FN(n) \
   static __attribute__((noinline)) uint32_t compiled_##n(uint32_t x) \
   { return x * (2u * (n) + 1u) + ((n) ^ 0x5au); }
#define COMPILED_FN16(h) \
   COMPILED_FN(h##0) COMPILED_FN(h##1) COMPILED_FN(h##2) COMPILED_FN(h##3) \
   COMPILED_FN(h##4) COMPILED_FN(h##5) COMPILED_FN(h##6) COMPILED_FN(h##7) \
   COMPILED_FN(h##8) COMPILED_FN(h##9) COMPILED_FN(h##a) COMPILED_FN(h##b) \
   COMPILED_FN(h##c) COMPILED_FN(h##d) COMPILED_FN(h##e) COMPILED_FN(h##f)
COMPILED_FN16(0x0) COMPILED_FN16(0x1) COMPILED_FN16(0x2) COMPILED_FN16(0x3)
COMPILED_FN16(0x4) COMPILED_FN16(0x5) COMPILED_FN16(0x6) COMPILED_FN16(0x7)
COMPILED_FN16(0x8) COMPILED_FN16(0x9) COMPILED_FN16(0xa) COMPILED_FN16(0xb)
COMPILED_FN16(0xc) COMPILED_FN16(0xd) COMPILED_FN16(0xe) COMPILED_FN16(0xf)

#define COMPILED_REF16(h) \
   compiled_##h##0, compiled_##h##1, compiled_##h##2, compiled_##h##3, \
   compiled_##h##4, compiled_##h##5, compiled_##h##6, compiled_##h##7, \
   compiled_##h##8, compiled_##h##9, compiled_##h##a, compiled_##h##b, \
   compiled_##h##c, compiled_##h##d, compiled_##h##e, compiled_##h##f
static generated_fn const compiled[256] = {
   COMPILED_REF16(0x0), COMPILED_REF16(0x1), COMPILED_REF16(0x2),
   COMPILED_REF16(0x3), COMPILED_REF16(0x4), COMPILED_REF16(0x5),
   COMPILED_REF16(0x6), COMPILED_REF16(0x7), COMPILED_REF16(0x8),
   COMPILED_REF16(0x9), COMPILED_REF16(0xa), COMPILED_REF16(0xb),
   COMPILED_REF16(0xc), COMPILED_REF16(0xd), COMPILED_REF16(0xe),
   COMPILED_REF16(0xf),
};

/* --- generated functions --- */

static uint32_t mix(uint32_t a, uint32_t b, uint32_t c)
{
   uint32_t h = a * 0x9e3779b1u ^ b * 0x85ebca6bu ^ c * 0xc2b2ae35u;
   h ^= h >> 15;
   h *= 0x2c1b3c6du;
   return h ^ (h >> 12);
}

static uint8_t* put_imm32(uint8_t* p, uint32_t imm)
{
   memcpy(p, &imm, 4);
   return p + 4;
}

/* Writes function number `shape` with immediate `imm` at p, after `nops`
   nops; returns what it computes for x. */
static uint32_t write_function(uint8_t* p, int shape, int nops, uint32_t imm,
                               uint32_t x)
{
   memset(p, 0x90, (size_t)nops);
   p += nops;
   switch (shape) {
   case 0:   /* mov $imm, %eax */
      *p++ = 0xb8;
      p = put_imm32(p, imm);
      *p = 0xc3;
      return imm;
   case 1:   /* mov $imm, %rax (sign-extended; the caller keeps 32 bits) */
      *p++ = 0x48; *p++ = 0xc7; *p++ = 0xc0;
      p = put_imm32(p, imm);
      *p = 0xc3;
      return imm;
   case 2:   /* lea imm(%rdi), %eax */
      *p++ = 0x8d; *p++ = 0x87;
      p = put_imm32(p, imm);
      *p = 0xc3;
      return x + imm;
   case 3:   /* xor %eax, %eax; add $imm, %eax */
      *p++ = 0x31; *p++ = 0xc0; *p++ = 0x05;
      p = put_imm32(p, imm);
      *p = 0xc3;
      return imm;
   default:  /* mov %edi, %eax; xor $imm, %eax */
      *p++ = 0x89; *p++ = 0xf8; *p++ = 0x35;
      p = put_imm32(p, imm);
      *p = 0xc3;
      return x ^ imm;
   }
}

struct codegen_result {
   long functions_called, wrong;
   uint32_t checksum;
};

static uint8_t* map_code_buffer(int writable_then_executable)
{
   int prot = PROT_READ | PROT_WRITE | (writable_then_executable ? 0 : PROT_EXEC);
   void* p = mmap(NULL, BUFFER_BYTES, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (p == MAP_FAILED)
      thr_fail("mmap of a code buffer", 0);
   return p;
}

static int rounds = 30;
static int keep_buffers;

static void one_round(uint32_t me, uint32_t round, struct codegen_result* r)
{
   int w_then_x = round % 2;
   uint8_t* buf = map_code_buffer(w_then_x);
   generated_fn fns[FUNCS_PER_ROUND];
   uint32_t expected[FUNCS_PER_ROUND];
   for (uint32_t k = 0; k < FUNCS_PER_ROUND; k++) {
      uint32_t h = mix(me, round, k);
      uint8_t* at = buf + k * MAX_FUNC_BYTES + (h >> 30);  /* odd alignments */
      expected[k] = write_function(at, (int)(h % SHAPES), (int)(h >> 8) % 6,
                                   mix(h, k, 77), k);
      fns[k] = (generated_fn)(void*)at;
   }
   if (w_then_x && mprotect(buf, BUFFER_BYTES, PROT_READ | PROT_EXEC) != 0)
      thr_fail("mprotect of a code buffer", 0);
   for (int pass = 0; pass < 2; pass++)
      for (uint32_t i = 0; i < FUNCS_PER_ROUND; i++) {
         uint32_t k = pass ? FUNCS_PER_ROUND - 1 - i : i;
         uint32_t got = fns[k](k);
         r->wrong += got != expected[k];
         r->checksum = mix(r->checksum, got, 1);
         r->functions_called++;
      }
   if (!keep_buffers && munmap(buf, BUFFER_BYTES) != 0)
      thr_fail("munmap of a code buffer", 0);
   for (uint32_t i = 0; i < 256; i++) {
      uint32_t n = (i * 97 + me * 13 + round) % 256;
      uint32_t got = compiled[n](i);
      r->wrong += got != i * (2u * n + 1u) + (n ^ 0x5au);
      r->checksum = mix(r->checksum, got, 1);
      r->functions_called++;
   }
}

/* --- hot loops, until the code generators are done --- */

static volatile int codegen_done;

static uint64_t hot_chunk(void)
{
   uint64_t x = 88172645463325252ull, sum = 0;
   for (int i = 0; i < 200000; i++) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      sum += x % 1009;
   }
   return sum;
}

static uint64_t hot_reference;

static void* hot_thread(void* arg)
{
   (void)arg;
   long disagreements = 0;
   do
      disagreements += hot_chunk() != hot_reference;
   while (!codegen_done);
   return (void*)disagreements;
}

struct codegen_job {
   uint32_t index;
   struct codegen_result result;
};

static void* run_codegen_job(void* arg)
{
   struct codegen_job* job = arg;
   for (int round = 0; round < rounds; round++)
      one_round(job->index, (uint32_t)round, &job->result);
   return NULL;
}

int main(int argc, char** argv)
{
   int ncodegen = argc > 1 ? atoi(argv[1]) : 8;
   int nhot = argc > 2 ? atoi(argv[2]) : 2;
   if (argc > 3)
      rounds = atoi(argv[3]);
   keep_buffers = argc > 4 && strcmp(argv[4], "keep") == 0;
   if (ncodegen < 1 || ncodegen > MAX_CODEGEN || nhot < 0 || nhot > 64
       || rounds < 1 || (argc > 4 && !keep_buffers) || argc > 5) {
      fprintf(stderr, "usage: thr_codegen_stress [CODEGEN_THREADS "
              "[HOT_THREADS [ROUNDS [keep]]]]\n");
      return 2;
   }
   thr_watchdog(120);
   hot_reference = hot_chunk();
   pthread_t hot[64], gen[MAX_CODEGEN];
   static struct codegen_job jobs[MAX_CODEGEN];
   for (int i = 0; i < nhot; i++)
      THR_OK(pthread_create(&hot[i], NULL, hot_thread, NULL));
   for (int i = 0; i < ncodegen; i++) {
      jobs[i].index = (uint32_t)i;
      THR_OK(pthread_create(&gen[i], NULL, run_codegen_job, &jobs[i]));
   }
   long wrong = 0;
   for (int i = 0; i < ncodegen; i++) {
      struct codegen_result* r = &jobs[i].result;
      THR_OK(pthread_join(gen[i], NULL));
      printf("codegen thread %d: %d rounds, %ld calls, %ld wrong, checksum "
             "%08x\n", i, rounds, r->functions_called, r->wrong, r->checksum);
      wrong += r->wrong;
   }
   codegen_done = 1;
   long disagreements = 0;
   for (int i = 0; i < nhot; i++) {
      void* d;
      THR_OK(pthread_join(hot[i], &d));
      disagreements += (long)d;
   }
   printf("hot loop threads: %d, chunks that disagreed: %ld\n", nhot,
          disagreements);
   return wrong == 0 && disagreements == 0 ? 0 : 1;
}
