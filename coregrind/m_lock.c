/* The core's futex locks (see pub_core_lock.h): VgMutex's contended
   paths and VgRWLock. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcassert.h"
#include "pub_core_lock.h"

/* ------------------------------------------------------------------ */
/* Futexes and spinning                                                 */
/* ------------------------------------------------------------------ */

/* Sleeps while *WORD == SEEN, at most TIMEOUT (relative; NULL: no
   limit).  Returns whether the time ran out; wake-ups, a changed word
   and signals just return False (callers re-check their condition). */
static Bool futex_wait(void* word, UInt seen,
                       const struct vki_timespec* timeout)
{
   SysRes res = VG_(do_syscall4)(__NR_futex, (UWord)word,
                                 VKI_FUTEX_WAIT | VKI_FUTEX_PRIVATE_FLAG,
                                 seen, (UWord)timeout);
   return sr_isError(res) && sr_Err(res) == VKI_ETIMEDOUT;
}

static void futex_wake(void* word, Int how_many)
{
   VG_(do_syscall3)(__NR_futex, (UWord)word,
                    VKI_FUTEX_WAKE | VKI_FUTEX_PRIVATE_FLAG,
                    (UWord)how_many);
}

#define WAKE_ALL 0x7fffffff

static inline void relax_cpu(void)
{
#if defined(VGA_amd64) || defined(VGA_x86)
   __asm__ __volatile__("pause" ::: "memory");
#elif defined(VGA_arm64)
   __asm__ __volatile__("yield" ::: "memory");
#else
   __asm__ __volatile__("" ::: "memory");
#endif
}

/* How long a waiter spins before it sleeps: some tens of microseconds,
   what a kicked thread needs to leave translated code or to finish the
   translation it is making (sleeping and waking cost as much). */
#define SPIN_ROUNDS 2000

/* Spins until *WORD == WANTED; gives up (False) after SPIN_ROUNDS. */
static Bool spin_until_equal(const UInt* word, UInt wanted)
{
   for (Int i = 0; i < SPIN_ROUNDS; i++) {
      if (__atomic_load_n(word, __ATOMIC_ACQUIRE) == wanted)
         return True;
      relax_cpu();
   }
   return False;
}

/* ------------------------------------------------------------------ */
/* VgMutex                                                              */
/* ------------------------------------------------------------------ */

void VG_(mutex_lock_slow)(VgMutex* m)
{
   /* Spin first: the core's critical sections are short (a table
      update, a translation). */
   for (Int i = 0; i < SPIN_ROUNDS; i++) {
      if (__atomic_load_n(&m->state, __ATOMIC_RELAXED) == 0
          && VG_(mutex_trylock_raw)(m))
         return;
      relax_cpu();
   }
   /* Announce a waiter (state 2) and sleep until a release wakes us;
      whoever gets 0 back from the exchange owns the lock (and leaves it
      marked 2, which at worst costs one needless wake-up). */
   Int seen = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
   while (seen != 0) {
      futex_wait(&m->state, 2, NULL);
      seen = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
   }
}

void VG_(mutex_wake_one)(VgMutex* m)
{
   futex_wake(&m->state, 1);
}

/* ------------------------------------------------------------------ */
/* VgRWLock: the writers' gate                                          */
/* ------------------------------------------------------------------ */

static void count_waiter(VgRWLock* l, Int delta)
{
   __atomic_add_fetch(&l->waiters, (UInt)delta, __ATOMIC_SEQ_CST);
}

static UInt* turn_word(VgRWLock* l, UInt ticket)
{
   return &l->turn[ticket % VG_RWLOCK_N_TURN_WORDS];
}

/* Waits until the fair gate serves TICKET.  The turn word is read
   before the serving counter: a release that comes in between changes
   the turn word, so the FUTEX_WAIT does not sleep. */
static void wait_for_ticket(VgRWLock* l, UInt ticket)
{
   UInt* turn = turn_word(l, ticket);
   count_waiter(l, 1);
   if (!spin_until_equal(&l->now_serving, ticket)) {
      for (;;) {
         UInt seen = __atomic_load_n(turn, __ATOMIC_SEQ_CST);
         if (__atomic_load_n(&l->now_serving, __ATOMIC_SEQ_CST) == ticket)
            break;
         futex_wait(turn, seen, NULL);
      }
   }
   count_waiter(l, -1);
}

static void enter_writer_gate(VgRWLock* l)
{
   if (l->fair) {
      UInt ticket = __atomic_fetch_add(&l->next_ticket, 1, __ATOMIC_SEQ_CST);
      if (__atomic_load_n(&l->now_serving, __ATOMIC_ACQUIRE) != ticket)
         wait_for_ticket(l, ticket);
   } else if (!VG_(mutex_trylock_raw)(&l->writer_slot)) {
      count_waiter(l, 1);
      VG_(mutex_lock_slow)(&l->writer_slot);
      count_waiter(l, -1);
   }
}

static void leave_writer_gate(VgRWLock* l)
{
   if (l->fair) {
      UInt next = __atomic_add_fetch(&l->now_serving, 1, __ATOMIC_SEQ_CST);
      /* Wake the next writer only if one has taken a ticket. */
      if (__atomic_load_n(&l->next_ticket, __ATOMIC_SEQ_CST) != next) {
         UInt* turn = turn_word(l, next);
         __atomic_add_fetch(turn, 1, __ATOMIC_SEQ_CST);
         futex_wake(turn, WAKE_ALL);
      }
   } else {
      VG_(mutex_unlock_raw)(&l->writer_slot);
   }
}

/* ------------------------------------------------------------------ */
/* VgRWLock: readers and writers                                        */
/* ------------------------------------------------------------------ */

/* Marks DRAIN_TARGET as set (ROUT values have their low bits clear), so
   that a zeroed lock has none. */
#define DRAIN_TARGET_SET 1u

void VG_(rwlock_init)(VgRWLock* l, Bool fair)
{
   *l = (VgRWLock)VG_RWLOCK_INIT;
   l->fair = fair;
   ANNOTATE_RWLOCK_CREATE(l);
}

/* Spins until RIN's writer bits are no longer WRITER; gives up (False)
   after SPIN_ROUNDS. */
static Bool spin_until_writer_gone(const VgRWLock* l, UInt writer)
{
   for (Int i = 0; i < SPIN_ROUNDS; i++) {
      if ((__atomic_load_n(&l->rin, __ATOMIC_ACQUIRE)
           & VG_RWLOCK_WRITER_BITS) != writer)
         return True;
      relax_cpu();
   }
   return False;
}

/* A reader that arrived while the writer WRITER (RIN's writer bits)
   was announced: waits until that writer has released.  The arrival
   is already counted, so the next writer will wait for this reader. */
static void wait_for_writer_release(VgRWLock* l, UInt writer)
{
   count_waiter(l, 1);
   if (!spin_until_writer_gone(l, writer)) {
      /* Counted asleep before looking at RIN: the writer clears its bits
         before it looks for sleepers, so one of the two sees the other. */
      __atomic_add_fetch(&l->readers_asleep, 1, __ATOMIC_SEQ_CST);
      for (;;) {
         UInt seen = __atomic_load_n(&l->rin, __ATOMIC_SEQ_CST);
         if ((seen & VG_RWLOCK_WRITER_BITS) != writer)
            break;
         futex_wait(&l->rin, seen, NULL);
      }
      __atomic_sub_fetch(&l->readers_asleep, 1, __ATOMIC_SEQ_CST);
   }
   count_waiter(l, -1);
}

void VG_(rwlock_lock_shared)(VgRWLock* l)
{
   UInt writer = __atomic_fetch_add(&l->rin, VG_RWLOCK_READER,
                                    __ATOMIC_SEQ_CST)
                 & VG_RWLOCK_WRITER_BITS;
   if (writer != 0)
      wait_for_writer_release(l, writer);
   ANNOTATE_RWLOCK_ACQUIRED(l, 0);
}

void VG_(rwlock_unlock_shared)(VgRWLock* l)
{
   ANNOTATE_RWLOCK_RELEASED(l, 0);
   UInt departed = __atomic_add_fetch(&l->rout, VG_RWLOCK_READER,
                                      __ATOMIC_SEQ_CST);
   /* The last holder a sleeping writer waits for wakes it. */
   if ((departed | DRAIN_TARGET_SET)
       == __atomic_load_n(&l->drain_target, __ATOMIC_SEQ_CST))
      futex_wake(&l->rout, 1);
}

/* The announced writer waits for ROUT to reach TARGET, kicking the
   shared holders at the start and at every millisecond it sleeps. */
static void wait_for_readers(VgRWLock* l, UInt target,
                             void (*kick)(void*), void* opaque)
{
   static const struct vki_timespec one_ms = { 0, 1000 * 1000 };
   count_waiter(l, 1);
   if (kick)
      kick(opaque);
   if (!spin_until_equal(&l->rout, target)) {
      /* Published before ROUT is looked at again: either this sees the
         last departure or the last departing reader sees the target. */
      __atomic_exchange_n(&l->drain_target, target | DRAIN_TARGET_SET,
                          __ATOMIC_SEQ_CST);
      for (;;) {
         UInt seen = __atomic_load_n(&l->rout, __ATOMIC_SEQ_CST);
         if (seen == target)
            break;
         if (futex_wait(&l->rout, seen, &one_ms) && kick)
            kick(opaque);
      }
      __atomic_exchange_n(&l->drain_target, 0, __ATOMIC_SEQ_CST);
   }
   count_waiter(l, -1);
}

void VG_(rwlock_lock_exclusive)(VgRWLock* l, void (*kick)(void*),
                                void* opaque)
{
   enter_writer_gate(l);
   UInt phase = __atomic_fetch_add(&l->writer_phase, 1, __ATOMIC_RELAXED)
                & VG_RWLOCK_WRITER_PHASE;
   UInt arrived = __atomic_fetch_add(&l->rin,
                                     VG_RWLOCK_WRITER_PRESENT | phase,
                                     __ATOMIC_SEQ_CST);
   /* The previous writer cleared its bits before leaving the gate. */
   vg_assert((arrived & VG_RWLOCK_WRITER_BITS) == 0);
   if (__atomic_load_n(&l->rout, __ATOMIC_SEQ_CST) != arrived)
      wait_for_readers(l, arrived, kick, opaque);
   ANNOTATE_RWLOCK_ACQUIRED(l, 1);
}

void VG_(rwlock_unlock_exclusive)(VgRWLock* l)
{
   ANNOTATE_RWLOCK_RELEASED(l, 1);
   /* The readers that arrived meanwhile are in from here on, ahead of
      the next writer (which will count them as holders). */
   __atomic_and_fetch(&l->rin, ~VG_RWLOCK_WRITER_BITS, __ATOMIC_SEQ_CST);
   if (__atomic_load_n(&l->readers_asleep, __ATOMIC_SEQ_CST) != 0)
      futex_wake(&l->rin, WAKE_ALL);
   leave_writer_gate(l);
}

void VG_(rwlock_reset_after_fork)(VgRWLock* l)
{
   /* The other threads are gone, with their arrivals and their waits:
      no shared holders, the caller through the gate and announced as a
      writer of phase 0 (so the next writer's phase is 1).  An outer
      Helgrind is told to forget the vanished threads' accesses. */
   VALGRIND_HG_CLEAN_MEMORY(l, sizeof *l);
   Bool fair = l->fair;
   *l = (VgRWLock)VG_RWLOCK_INIT;
   l->fair = fair;
   l->rin = VG_RWLOCK_WRITER_PRESENT;
   l->writer_phase = 1;
   if (fair)
      l->next_ticket = 1;
   else
      l->writer_slot.state = 1;
}
