/* The core's own mutex (module m_lock): a futex-based lock for the
   core's internal data structures (arenas, the address-space map, the
   translation table).  It is not the big lock (that is the scheduler's
   read/write lock; DESIGN.md section 4).

   States: 0 free, 1 held, 2 held and perhaps waited for.  Acquiring is
   one compare-and-swap when uncontended; a contended acquirer marks the
   lock 2 and sleeps in FUTEX_WAIT; a release that finds 2 wakes one
   sleeper.  Not recursive.  Safe between host threads of one process
   (private futexes); not async-signal-safe: a signal handler must never
   take a lock the interrupted code might hold.

   A VgMutex is usable when zeroed (VG_MUTEX_INIT), so static ones need
   no initialisation call. */
#ifndef __PUB_CORE_LOCK_H
#define __PUB_CORE_LOCK_H

#include "pub_core_basics.h"

typedef struct {
   Int state;
} VgMutex;

#define VG_MUTEX_INIT { 0 }

/* The contended paths, out of line. */
extern void VG_(mutex_lock_slow)(VgMutex* m);
extern void VG_(mutex_wake_one)(VgMutex* m);

static inline void VG_(mutex_lock)(VgMutex* m)
{
   Int seen = 0;
   if (__atomic_compare_exchange_n(&m->state, &seen, 1, False,
                                   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
      return;
   VG_(mutex_lock_slow)(m);
}

static inline void VG_(mutex_unlock)(VgMutex* m)
{
   if (__atomic_exchange_n(&m->state, 0, __ATOMIC_RELEASE) == 2)
      VG_(mutex_wake_one)(m);
}

/* Takes M if it is free; never waits.  Returns whether it took it. */
static inline Bool VG_(mutex_trylock)(VgMutex* m)
{
   Int seen = 0;
   return __atomic_compare_exchange_n(&m->state, &seen, 1, False,
                                      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Whether somebody holds M (for assertions only: the answer may be out
   of date as soon as it is given, unless the caller is the holder). */
static inline Bool VG_(mutex_is_held)(const VgMutex* m)
{
   return __atomic_load_n(&m->state, __ATOMIC_RELAXED) != 0;
}

#endif
