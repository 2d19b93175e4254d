/* Lock-prefixed (and implicitly locked) read-modify-write instructions
   racing in 6 threads on shared words: __atomic_fetch_add, lock xadd on 64
   and 32 bits, lock add on 16 and 8 bits, lock inc, a lock cmpxchg retry
   loop, lock cmpxchg16b on a 128-bit pair, lock bts/btr toggling each
   thread's own bits in a shared word, and an xchg spinlock guarding plain
   increments.  Every final count is exact: an instruction that was not
   atomic in fact loses increments. */
#define _GNU_SOURCE
#include "thr_util.h"
#include <stdint.h>

#define THREADS 6
#define ROUNDS 200000

static uint64_t fetch_add_count, xadd64_count, cmpxchg_count, spin_guarded;
static uint32_t xadd32_count, inc_count;
static uint16_t add16_count;
static uint8_t add8_count;
static uint64_t bits;
static unsigned __int128 pair __attribute__((aligned(16)));
static uint32_t spinlock_word;
static pthread_barrier_t start_together;

static void xadd64(uint64_t* p, uint64_t v)
{
   __asm__ volatile("lock xaddq %0, %1" : "+r"(v), "+m"(*p) : : "memory");
}

static void xadd32(uint32_t* p, uint32_t v)
{
   __asm__ volatile("lock xaddl %0, %1" : "+r"(v), "+m"(*p) : : "memory");
}

static void add16(uint16_t* p)
{
   __asm__ volatile("lock addw $1, %0" : "+m"(*p) : : "memory");
}

static void add8(uint8_t* p)
{
   __asm__ volatile("lock addb $1, %0" : "+m"(*p) : : "memory");
}

static void inc32(uint32_t* p)
{
   __asm__ volatile("lock incl %0" : "+m"(*p) : : "memory");
}

/* A retry loop around lock cmpxchg: on failure rax holds the new value. */
static void cmpxchg_increment(uint64_t* p)
{
   uint64_t seen = *(volatile uint64_t*)p;
   for (;;) {
      uint64_t want = seen + 1;
      uint8_t done;
      __asm__ volatile("lock cmpxchgq %3, %1\n\tsete %2"
                       : "+a"(seen), "+m"(*p), "=q"(done)
                       : "r"(want) : "memory", "cc");
      if (done)
         return;
   }
}

/* Adds 1 to both halves of the 128-bit pair with one lock cmpxchg16b. */
static void cmpxchg16b_increment(unsigned __int128* p)
{
   uint64_t lo = ((volatile uint64_t*)p)[0], hi = ((volatile uint64_t*)p)[1];
   for (;;) {
      uint64_t new_lo = lo + 1, new_hi = hi + 1;
      uint8_t done;
      __asm__ volatile("lock cmpxchg16b %0\n\tsete %1"
                       : "+m"(*p), "=q"(done), "+a"(lo), "+d"(hi)
                       : "b"(new_lo), "c"(new_hi) : "memory", "cc");
      if (done)
         return;
   }
}

/* Sets then clears the thread's own bit; the neighbours' bits must
   survive. */
static int toggle_own_bit(uint64_t* p, uint64_t bit)
{
   uint8_t was_set, was_set_after;
   __asm__ volatile("lock btsq %2, %0\n\tsetc %1"
                    : "+m"(*p), "=q"(was_set) : "r"(bit) : "memory", "cc");
   __asm__ volatile("lock btrq %2, %0\n\tsetc %1"
                    : "+m"(*p), "=q"(was_set_after) : "r"(bit) : "memory", "cc");
   return !was_set && was_set_after;
}

static void spin_lock(void)
{
   uint32_t old;
   do {
      old = 1;
      __asm__ volatile("xchgl %0, %1" : "+r"(old), "+m"(spinlock_word)
                       : : "memory");
      if (old)
         sched_yield();
   } while (old);
}

static void spin_unlock(void)
{
   __atomic_store_n(&spinlock_word, 0, __ATOMIC_RELEASE);
}

static void* hammer(void* arg)
{
   uint64_t my_bit = (uint64_t)(long)arg;
   long bad_toggles = 0;
   int err = pthread_barrier_wait(&start_together);
   if (err && err != PTHREAD_BARRIER_SERIAL_THREAD)
      thr_fail("pthread_barrier_wait", err);
   for (int i = 0; i < ROUNDS; i++) {
      __atomic_fetch_add(&fetch_add_count, 1, __ATOMIC_SEQ_CST);
      xadd64(&xadd64_count, 3);
      xadd32(&xadd32_count, 1);
      add16(&add16_count);
      add8(&add8_count);
      inc32(&inc_count);
      cmpxchg_increment(&cmpxchg_count);
      cmpxchg16b_increment(&pair);
      bad_toggles += !toggle_own_bit(&bits, my_bit);
      if (i % 8 == 0) {
         spin_lock();
         spin_guarded = spin_guarded + 1;
         spin_unlock();
      }
   }
   return (void*)bad_toggles;
}

int main(void)
{
   pthread_t t[THREADS];
   const uint64_t n = (uint64_t)THREADS * ROUNDS;
   long bad_toggles = 0;
   thr_watchdog(60);
   THR_OK(pthread_barrier_init(&start_together, NULL, THREADS));
   for (long i = 0; i < THREADS; i++)
      THR_OK(pthread_create(&t[i], NULL, hammer, (void*)(i * 7)));
   for (int i = 0; i < THREADS; i++) {
      void* bad;
      THR_OK(pthread_join(t[i], &bad));
      bad_toggles += (long)bad;
   }
   uint64_t pair_lo = (uint64_t)pair, pair_hi = (uint64_t)(pair >> 64);
   printf("__atomic_fetch_add: %lu of %lu\n", fetch_add_count, n);
   printf("lock xaddq (by 3):  %lu of %lu\n", xadd64_count, 3 * n);
   printf("lock xaddl:         %u of %lu\n", xadd32_count, n);
   printf("lock addw:          %u of %lu (mod 2^16)\n", add16_count,
          n % 65536);
   printf("lock addb:          %u of %lu (mod 2^8)\n", add8_count, n % 256);
   printf("lock incl:          %u of %lu\n", inc_count, n);
   printf("lock cmpxchgq loop: %lu of %lu\n", cmpxchg_count, n);
   printf("lock cmpxchg16b:    %lu and %lu of %lu\n", pair_lo, pair_hi, n);
   printf("lock bts/btr:       %ld lost, bits left %lu\n", bad_toggles, bits);
   printf("xchg spinlock:      %lu of %lu\n", spin_guarded,
          (uint64_t)THREADS * ((ROUNDS + 7) / 8));
   int ok = fetch_add_count == n && xadd64_count == 3 * n && xadd32_count == n
            && add16_count == n % 65536 && add8_count == n % 256
            && inc_count == n && cmpxchg_count == n && pair_lo == n
            && pair_hi == n && bad_toggles == 0 && bits == 0
            && spin_guarded == (uint64_t)THREADS * ((ROUNDS + 7) / 8);
   return ok ? 0 : 1;
}
