/* Unit tests of the core's arena allocator (m_mallocfree). */
#include <pthread.h>
#include <string.h>
#include <sys/wait.h>
#include "pub_core_basics.h"
#include "pub_core_mallocfree.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* A fixed-seed generator, so every run does the same operations. */
static unsigned long long rng_state;

static void rng_seed(unsigned long long seed)
{
   rng_state = seed;
}

static unsigned long long rng_next(void)
{
   rng_state ^= rng_state << 13;
   rng_state ^= rng_state >> 7;
   rng_state ^= rng_state << 17;
   return rng_state;
}

static unsigned long rng_below(unsigned long n)
{
   return (unsigned long)(rng_next() % n);
}

/* The byte at offset I of a block tagged TAG. */
static unsigned char pattern_byte(unsigned long tag, unsigned long i)
{
   return (unsigned char)(tag * 31 + i * 7 + (i >> 8));
}

static void fill_pattern(void* p, SizeT n, unsigned long tag)
{
   unsigned char* b = p;
   for (SizeT i = 0; i < n; i++)
      b[i] = pattern_byte(tag, i);
}

static int has_pattern(const void* p, SizeT n, unsigned long tag)
{
   const unsigned char* b = p;
   for (SizeT i = 0; i < n; i++)
      if (b[i] != pattern_byte(tag, i))
         return 0;
   return 1;
}

static int is_aligned(const void* p, unsigned long align)
{
   return ((unsigned long)p & (align - 1)) == 0;
}

static char captured[8192];

/* Runs FN in a child and checks that it failed with exit status 1 and
   that its output contains every string of WANT (NULL-terminated). */
static void check_dies_saying(void (*fn)(void), const char* const* want)
{
   int status = ut_run_captured(fn, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK_EQ(WEXITSTATUS(status), 1);
   for (; *want; want++)
      if (strstr(captured, *want) == NULL)
         ut_report(__FILE__, __LINE__, "output lacks \"%s\"; it was:\n%s",
                   *want, captured);
}

/* ------------------------------------------------------------------ */
/* Basics                                                               */

UNIT_TEST(malloc_gives_distinct_writable_blocks)
{
   char* a = VG_(malloc)("test.basic.a", 100);
   char* b = VG_(malloc)("test.basic.b", 100);
   UT_CHECK(a != NULL && b != NULL && a != b);
   UT_CHECK(a + 100 <= b || b + 100 <= a);
   memset(a, 'a', 100);
   memset(b, 'b', 100);
   UT_CHECK(a[99] == 'a' && b[0] == 'b');
   VG_(free)(a);
   VG_(free)(b);
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(malloc_zero_bytes_gives_unique_blocks)
{
   void* a = VG_(malloc)("test.zero", 0);
   void* b = VG_(malloc)("test.zero", 0);
   UT_CHECK(a != NULL && b != NULL && a != b);
   UT_CHECK_EQ(VG_(malloc_usable_size)(a), 0);
   VG_(free)(a);
   VG_(free)(b);
}

UNIT_TEST(every_payload_is_aligned)
{
   void* blocks[600];
   for (int i = 0; i < 600; i++) {
      SizeT n = i < 500 ? (SizeT)i : (SizeT)(i - 499) * 100003;
      blocks[i] = VG_(malloc)("test.align", n);
      UT_CHECK(is_aligned(blocks[i], VG_MIN_MALLOC_SZB));
   }
   for (int i = 0; i < 600; i += 2)
      VG_(free)(blocks[i]);
   for (int i = 0; i < 300; i++) {
      void* p = VG_(malloc)("test.align.2", (SizeT)i * 3 + 1);
      UT_CHECK(is_aligned(p, VG_MIN_MALLOC_SZB));
   }
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(usable_size_is_at_least_the_request)
{
   for (SizeT n = 0; n < 2000; n += 37) {
      void* p = VG_(malloc)("test.usable", n);
      UT_CHECK(VG_(malloc_usable_size)(p) >= n);
      VG_(free)(p);
   }
   void* big = VG_(arena_malloc)(VG_AR_CORE, "test.usable.big", 3000000);
   UT_CHECK(VG_(arena_malloc_usable_size)(VG_AR_CORE, big) >= 3000000);
   VG_(arena_free)(VG_AR_CORE, big);
}

UNIT_TEST(calloc_zeroes_reused_memory)
{
   unsigned char* dirty = VG_(malloc)("test.calloc.dirty", 512);
   memset(dirty, 0xff, 512);
   VG_(free)(dirty);
   unsigned char* p = VG_(calloc)("test.calloc", 16, 32);
   int all_zero = 1;
   for (int i = 0; i < 512; i++)
      all_zero &= p[i] == 0;
   UT_CHECK(all_zero);
   VG_(free)(p);
}

UNIT_TEST(realloc_keeps_contents_when_growing)
{
   void* p = VG_(malloc)("test.realloc", 40);
   fill_pattern(p, 40, 1);
   for (SizeT n = 41; n < 600000; n = n * 3 + 1) {
      p = VG_(realloc)("test.realloc.grow", p, n);
      UT_CHECK(has_pattern(p, 40, 1));
      UT_CHECK(VG_(malloc_usable_size)(p) >= n);
      UT_CHECK(is_aligned(p, VG_MIN_MALLOC_SZB));
   }
   VG_(free)(p);
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(realloc_keeps_contents_when_shrinking)
{
   void* p = VG_(malloc)("test.realloc", 300000);
   fill_pattern(p, 300000, 2);
   p = VG_(realloc)("test.realloc.shrink", p, 5000);
   UT_CHECK(has_pattern(p, 5000, 2));
   p = VG_(realloc)("test.realloc.shrink", p, 4990);
   UT_CHECK(has_pattern(p, 4990, 2));
   p = VG_(realloc)("test.realloc.shrink", p, 3);
   UT_CHECK(has_pattern(p, 3, 2));
   UT_CHECK_EQ(VG_(malloc_usable_size)(p), 3);
   VG_(free)(p);
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(realloc_of_null_allocates)
{
   void* p = VG_(realloc)("test.realloc.null", NULL, 77);
   UT_CHECK(p != NULL);
   UT_CHECK_EQ(VG_(malloc_usable_size)(p), 77);
   VG_(free)(p);
   VG_(free)(NULL);
}

UNIT_TEST(strdup_copies_the_string)
{
   const char* s = "the quick brown fox";
   HChar* copy = VG_(strdup)("test.strdup", s);
   UT_CHECK(copy != s);
   UT_CHECK_STREQ(copy, s);
   HChar* empty = VG_(arena_strdup)(VG_AR_CORE, "test.strdup", "");
   UT_CHECK_STREQ(empty, "");
   VG_(free)(copy);
   VG_(arena_free)(VG_AR_CORE, empty);
}

UNIT_TEST(freed_neighbours_are_merged)
{
   /* In a fresh arena the three blocks follow each other; once all are
      free, the space they and the rest of the superblock cover is one
      block again, which a larger request gets whole. */
   char* a = VG_(arena_malloc)(VG_AR_DINFO, "test.merge.a", 1000);
   char* b = VG_(arena_malloc)(VG_AR_DINFO, "test.merge.b", 1000);
   char* c = VG_(arena_malloc)(VG_AR_DINFO, "test.merge.c", 1000);
   UT_CHECK(a < b && b < c);
   VG_(arena_free)(VG_AR_DINFO, b);
   VG_(arena_free)(VG_AR_DINFO, a);
   VG_(arena_free)(VG_AR_DINFO, c);
   VG_(sanity_check_malloc_arena)(VG_AR_DINFO);
   char* d = VG_(arena_malloc)(VG_AR_DINFO, "test.merge.d", 200000);
   UT_CHECK(d == a);
   VG_(arena_free)(VG_AR_DINFO, d);
}

UNIT_TEST(big_blocks_come_and_go)
{
   for (int round = 0; round < 20; round++) {
      SizeT n = (SizeT)(1 + round % 4) * 1024 * 1024 + (SizeT)round;
      unsigned char* p = VG_(malloc)("test.big", n);
      UT_CHECK(is_aligned(p, VG_MIN_MALLOC_SZB));
      p[0] = 1;
      p[n - 1] = 2;
      UT_CHECK(p[0] == 1 && p[n - 1] == 2);
      VG_(free)(p);
   }
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(arenas_are_separate)
{
   void* blocks[VG_N_ARENAS];
   for (ArenaId aid = 0; aid < VG_N_ARENAS; aid++) {
      blocks[aid] = VG_(arena_malloc)(aid, "test.arenas", 64);
      fill_pattern(blocks[aid], 64, (unsigned long)aid);
   }
   for (ArenaId aid = 0; aid < VG_N_ARENAS; aid++) {
      UT_CHECK(has_pattern(blocks[aid], 64, (unsigned long)aid));
      VG_(arena_free)(aid, blocks[aid]);
   }
   VG_(sanity_check_malloc_all)();
}

/* ------------------------------------------------------------------ */
/* Random use, checked                                                  */

#define N_SLOTS 1000

/* OPS random mallocs, frees and reallocs in ARENA, each block filled
   with its own pattern and checked before it goes; the checker runs
   every CHECK_EVERY operations and at the end. */
static void random_workout(ArenaId arena, unsigned long long seed, int ops,
                           int check_every)
{
   static void* ptr[N_SLOTS];
   static SizeT size[N_SLOTS];
   static unsigned long tag[N_SLOTS];
   rng_seed(seed);
   for (int op = 0; op < ops; op++) {
      int s = (int)rng_below(N_SLOTS);
      if (ptr[s] == NULL || rng_below(8) == 0) {
         SizeT n = rng_below(1000) == 0 ? 1024 * 1024 + rng_below(2000000)
                                        : rng_below(4097);
         if (ptr[s] == NULL) {
            ptr[s] = VG_(arena_malloc)(arena, "test.random.malloc", n);
         } else {
            UT_CHECK(has_pattern(ptr[s], size[s], tag[s]));
            void* q = VG_(arena_realloc)(arena, "test.random.realloc",
                                         ptr[s], n);
            UT_CHECK(has_pattern(q, VG_MIN(n, size[s]), tag[s]));
            ptr[s] = q;
         }
         UT_CHECK(is_aligned(ptr[s], VG_MIN_MALLOC_SZB));
         UT_CHECK_EQ(VG_(arena_malloc_usable_size)(arena, ptr[s]), n);
         size[s] = n;
         tag[s] = (unsigned long)op;
         fill_pattern(ptr[s], n, tag[s]);
      } else {
         UT_CHECK(has_pattern(ptr[s], size[s], tag[s]));
         VG_(arena_free)(arena, ptr[s]);
         ptr[s] = NULL;
      }
      if (op % check_every == 0)
         VG_(sanity_check_malloc_arena)(arena);
   }
   VG_(sanity_check_malloc_all)();
   for (int s = 0; s < N_SLOTS; s++) {
      if (ptr[s]) {
         UT_CHECK(has_pattern(ptr[s], size[s], tag[s]));
         VG_(arena_free)(arena, ptr[s]);
         ptr[s] = NULL;
      }
   }
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(random_100k_operations)
{
   random_workout(VG_AR_TOOL, 0x5eed1234ULL, 100000, 1000);
}

UNIT_TEST(random_operations_at_sanity_level_2)
{
   VG_(clo_sanity_level) = 2;
   random_workout(VG_AR_CORE, 0xfeedULL, 10000, 100000);
}

struct thread_work {
   unsigned long long seed;
   int bad;
};

static void* thread_workout(void* arg)
{
   struct thread_work* w = arg;
   void* ptr[64] = { NULL };
   SizeT size[64];
   unsigned long long st = w->seed;
   for (int op = 0; op < 20000; op++) {
      st ^= st << 13; st ^= st >> 7; st ^= st << 17;
      int s = (int)(st % 64);
      if (ptr[s]) {
         if (!has_pattern(ptr[s], size[s], w->seed + (unsigned long)s))
            w->bad++;
         VG_(free)(ptr[s]);
         ptr[s] = NULL;
      } else {
         size[s] = (SizeT)(st >> 20) % 3000;
         ptr[s] = VG_(malloc)("test.threads", size[s]);
         fill_pattern(ptr[s], size[s], w->seed + (unsigned long)s);
      }
   }
   for (int s = 0; s < 64; s++)
      VG_(free)(ptr[s]);
   return NULL;
}

UNIT_TEST(threads_share_an_arena)
{
   pthread_t th[4];
   struct thread_work work[4];
   for (int i = 0; i < 4; i++) {
      work[i].seed = 0x1000ULL * (unsigned long long)(i + 1) + 1;
      work[i].bad = 0;
      UT_CHECK_EQ(pthread_create(&th[i], NULL, thread_workout, &work[i]), 0);
   }
   for (int i = 0; i < 4; i++) {
      pthread_join(th[i], NULL);
      UT_CHECK_EQ(work[i].bad, 0);
   }
   VG_(sanity_check_malloc_all)();
}

/* ------------------------------------------------------------------ */
/* Corruption is caught                                                 */

static void overrun_then_free(void)
{
   unsigned char* p = VG_(malloc)("test.overrun.cc", 10);
   p[10] = 0;
   VG_(free)(p);
}

UNIT_TEST(overrun_is_caught_at_free)
{
   const char* want[] = { "red zone after the payload was overwritten",
                          "test.overrun.cc", "\"tool\"", "host stacktrace",
                          NULL };
   check_dies_saying(overrun_then_free, want);
}

static void overrun_then_check(void)
{
   unsigned char* p = VG_(arena_malloc)(VG_AR_CORE, "test.overrun.checker", 32);
   p[32] = 0;
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(overrun_is_caught_by_the_checker)
{
   const char* want[] = { "red zone was overwritten", "test.overrun.checker",
                          "\"core\"", NULL };
   check_dies_saying(overrun_then_check, want);
}

static void underrun_then_free(void)
{
   unsigned char* p = VG_(malloc)("test.underrun.cc", 24);
   p[-1] = 0;
   VG_(free)(p);
}

UNIT_TEST(underrun_is_caught_at_free)
{
   const char* want[] = { "red zone before the payload was overwritten",
                          "test.underrun.cc", NULL };
   check_dies_saying(underrun_then_free, want);
}

static void overrun_then_malloc_at_level_2(void)
{
   unsigned char* p = VG_(malloc)("test.level2.cc", 100);
   p[100] = 0;
   VG_(clo_sanity_level) = 2;
   (void)VG_(malloc)("test.level2.other", 8);
}

UNIT_TEST(sanity_level_2_checks_on_every_malloc)
{
   const char* want[] = { "red zone was overwritten", "test.level2.cc", NULL };
   check_dies_saying(overrun_then_malloc_at_level_2, want);
}

static void free_twice(void)
{
   void* keep_before = VG_(malloc)("test.keep", 50);
   void* p = VG_(malloc)("test.double.cc", 50);
   void* keep_after = VG_(malloc)("test.keep", 50);
   VG_(free)(p);
   VG_(free)(p);
   VG_(free)(keep_before);
   VG_(free)(keep_after);
}

UNIT_TEST(double_free_is_caught)
{
   const char* want[] = { "double free", "test.double.cc", NULL };
   check_dies_saying(free_twice, want);
}

static void free_interior_pointer(void)
{
   char* p = VG_(malloc)("test.interior.cc", 100);
   VG_(free)(p + 16);
}

UNIT_TEST(interior_pointer_free_is_caught)
{
   const char* want[] = { "not the start of a block", "inside block",
                          "test.interior.cc", NULL };
   check_dies_saying(free_interior_pointer, want);
}

static void free_in_the_wrong_arena(void)
{
   void* p = VG_(arena_malloc)(VG_AR_ERRORS, "test.wrong.arena", 100);
   VG_(free)(p);
}

UNIT_TEST(free_in_the_wrong_arena_is_caught)
{
   const char* want[] = { "is not in this arena", "\"tool\"", NULL };
   check_dies_saying(free_in_the_wrong_arena, want);
}

static void corrupt_a_header(void)
{
   SizeT* p = VG_(malloc)("test.header.cc", 64);
   (void)VG_(malloc)("test.header.next", 64);
   p[-4] ^= 0x40;   /* the block's size word, 32 bytes before on 64-bit */
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(overwritten_header_is_caught)
{
   const char* want[] = { "heap corruption in arena \"tool\"", NULL };
   check_dies_saying(corrupt_a_header, want);
}

/* ------------------------------------------------------------------ */
/* The client arena, limits and statistics                              */

UNIT_TEST(client_arena_has_its_red_zones_and_alignment)
{
   VG_(arena_set_client_redzone)(32);
   char* prev = NULL;
   for (SizeT n = 0; n < 300; n += 7) {
      char* p = VG_(arena_malloc)(VG_AR_CLIENT, "test.client", n);
      UT_CHECK(is_aligned(p, 16));
      /* A fresh arena hands out blocks in address order: the gap between
         payloads covers the high red zone, a header and the low one. */
      if (prev)
         UT_CHECK(p - prev >= (long)(n - 7 + 32 + 32));
      prev = p;
   }
   /* Client overruns are the tool's business: they are not corruption. */
   prev[300] = 1;
   VG_(arena_free)(VG_AR_CLIENT, prev);
   VG_(sanity_check_malloc_all)();
}

UNIT_TEST(client_arena_alignment_can_be_raised)
{
   VG_(arena_set_client_alignment)(256);
   for (SizeT n = 1; n < 3000; n += 99) {
      void* p = VG_(arena_malloc)(VG_AR_CLIENT, "test.client.align", n);
      UT_CHECK(is_aligned(p, 256));
      UT_CHECK_EQ(VG_(arena_malloc_usable_size)(VG_AR_CLIENT, p), n);
   }
   VG_(sanity_check_malloc_arena)(VG_AR_CLIENT);
}

static void set_redzone_too_late(void)
{
   VG_(arena_free)(VG_AR_CLIENT,
                   VG_(arena_malloc)(VG_AR_CLIENT, "test.client.late", 8));
   VG_(arena_set_client_redzone)(64);
}

UNIT_TEST(client_redzone_is_fixed_after_first_use)
{
   const char* want[] = { "Assertion", "before the first client allocation",
                          NULL };
   check_dies_saying(set_redzone_too_late, want);
}

static void ask_for_too_much(void)
{
   (void)VG_(malloc)("test.oom.cc", (SizeT)1 << 60);
}

UNIT_TEST(out_of_memory_is_reported)
{
   const char* want[] = { "out of memory", "test.oom.cc",
                          "request for 1152921504606846976 bytes failed",
                          NULL };
   check_dies_saying(ask_for_too_much, want);
}

static void calloc_overflow(void)
{
   (void)VG_(calloc)("test.calloc.overflow", (SizeT)1 << 40, (SizeT)1 << 40);
}

UNIT_TEST(calloc_size_overflow_is_caught)
{
   const char* want[] = { "Assertion", "the size overflows",
                          "test.calloc.overflow", NULL };
   check_dies_saying(calloc_overflow, want);
}

static void print_stats(void)
{
   (void)VG_(malloc)("test.stats", 1000);
   (void)VG_(arena_malloc)(VG_AR_EXECTXT, "test.stats", 100);
   VG_(print_all_arena_stats)();
}

UNIT_TEST(stats_show_the_arenas_in_use)
{
   int status = ut_run_captured(print_stats, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
   UT_CHECK(strstr(captured, "arena tool") != NULL);
   UT_CHECK(strstr(captured, "arena exectxt") != NULL);
   UT_CHECK(strstr(captured, "1000 in use") != NULL);
   UT_CHECK(strstr(captured, "arena dinfo") == NULL);
}
