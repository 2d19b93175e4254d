/* The core's own locks (module m_lock), built on futexes: VgMutex for
   the core's internal data structures (arenas, the address-space map,
   the translation table) and VgRWLock, the read/write lock the
   scheduler makes the big lock of (DESIGN.md section 4).

   Both are safe between host threads of one process (private futexes),
   not recursive, and not async-signal-safe: a signal handler must never
   take a lock the interrupted code might hold.  Both are usable when
   zeroed (VG_MUTEX_INIT, VG_RWLOCK_INIT), so static ones need no
   initialisation call.

   Both tell an outer Helgrind about every acquisition and release
   (include/helgrind.h), so that this framework run under Valgrind's
   Helgrind is checked for races; natively those requests cost a few
   cycles.  For the same reason the locks' own words are written only
   with atomic read-modify-write instructions, which Helgrind takes for
   reads. */
#ifndef __PUB_CORE_LOCK_H
#define __PUB_CORE_LOCK_H

#include "pub_core_basics.h"
#include "helgrind.h"

/* ------------------------------------------------------------------ */
/* VgMutex                                                              */
/* ------------------------------------------------------------------ */

/* States: 0 free, 1 held, 2 held and perhaps waited for.  Acquiring is
   one compare-and-swap when uncontended; a contended acquirer spins a
   little, then marks the lock 2 and sleeps in FUTEX_WAIT; a release
   that finds 2 wakes one sleeper. */
typedef struct {
   Int state;
} VgMutex;

#define VG_MUTEX_INIT { 0 }

/* The contended paths, out of line. */
extern void VG_(mutex_lock_slow)(VgMutex* m);
extern void VG_(mutex_wake_one)(VgMutex* m);

/* The bare lock word, not announced to Helgrind: for locks built from a
   VgMutex that announce themselves instead (VgRWLock). */
static inline Bool VG_(mutex_trylock_raw)(VgMutex* m)
{
   Int seen = 0;
   return __atomic_compare_exchange_n(&m->state, &seen, 1, False,
                                      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void VG_(mutex_unlock_raw)(VgMutex* m)
{
   if (__atomic_exchange_n(&m->state, 0, __ATOMIC_RELEASE) == 2)
      VG_(mutex_wake_one)(m);
}

static inline void VG_(mutex_lock)(VgMutex* m)
{
   VALGRIND_HG_MUTEX_LOCK_PRE(m, 0);
   if (!VG_(mutex_trylock_raw)(m))
      VG_(mutex_lock_slow)(m);
   VALGRIND_HG_MUTEX_LOCK_POST(m);
}

static inline void VG_(mutex_unlock)(VgMutex* m)
{
   VALGRIND_HG_MUTEX_UNLOCK_PRE(m);
   VG_(mutex_unlock_raw)(m);
   VALGRIND_HG_MUTEX_UNLOCK_POST(m);
}

/* Takes M if it is free; never waits.  Returns whether it took it. */
static inline Bool VG_(mutex_trylock)(VgMutex* m)
{
   VALGRIND_HG_MUTEX_LOCK_PRE(m, 1);
   if (!VG_(mutex_trylock_raw)(m))
      return False;
   VALGRIND_HG_MUTEX_LOCK_POST(m);
   return True;
}

/* Whether somebody holds M (for assertions only: the answer may be out
   of date as soon as it is given, unless the caller is the holder). */
static inline Bool VG_(mutex_is_held)(const VgMutex* m)
{
   return __atomic_load_n(&m->state, __ATOMIC_RELAXED) != 0;
}

/* ------------------------------------------------------------------ */
/* VgRWLock                                                             */
/* ------------------------------------------------------------------ */

/* Many shared holders or one exclusive holder.

   Writers are served one at a time by a gate: in FAIR mode a ticket
   gate (first come, first served, as Valgrind's --fair-sched=yes),
   otherwise a VgMutex (whoever grabs it first).  The writer through the
   gate announces itself in the readers' word, then waits for the shared
   holders of the moment to leave, calling the caller's kick to hurry
   them.

   Writer preference: once a writer is announced, new shared
   acquisitions wait for its release.  Readers are not starved either
   (phase fairness): the readers waiting when a writer releases are all
   let in before the next writer, which waits for them as for any
   shared holders.  So under constant contention reader phases and
   writer phases alternate.

   The reader side is a pair of counters in the manner of a ticket lock:
   RIN counts reader arrivals and carries the announced writer in its
   low bits, ROUT counts reader departures.  A shared acquisition is one
   fetch-and-add of RIN, a release one of ROUT (and a load); a writer
   announced at RIN == R waits for ROUT to reach R. */

/* RIN and ROUT count in units of VG_RWLOCK_READER; RIN's low bits hold
   the writer's presence and the parity of its phase (so that a reader
   that slept through one writer's release does not mistake the next
   writer for the one it waited for). */
#define VG_RWLOCK_READER        0x100u
#define VG_RWLOCK_WRITER_PRESENT 0x2u
#define VG_RWLOCK_WRITER_PHASE   0x1u
#define VG_RWLOCK_WRITER_BITS   (VG_RWLOCK_WRITER_PRESENT | VG_RWLOCK_WRITER_PHASE)

/* Fair writers sleep on one of these words, chosen by ticket, so that
   a release wakes the next writer rather than all of them. */
#define VG_RWLOCK_N_TURN_WORDS 8

typedef struct {
   UInt rin;             /* reader arrivals | writer bits */
   UInt rout;            /* reader departures */
   UInt drain_target;    /* the ROUT a sleeping writer waits for, | 1; 0 if none */
   UInt readers_asleep;  /* readers in FUTEX_WAIT on RIN */
   UInt waiters;         /* threads inside a contended acquisition */
   UInt writer_phase;    /* counts writers: the parity goes into RIN */
   VgMutex writer_slot;  /* the unfair writers' gate */
   UInt next_ticket;     /* the fair writers' gate ... */
   UInt now_serving;
   UInt turn[VG_RWLOCK_N_TURN_WORDS];
   Bool fair;
} VgRWLock;

#define VG_RWLOCK_INIT { .rin = 0 }

/* FAIR: exclusive acquisitions are served first-come first-served (a
   ticket gate), as Valgrind's --fair-sched=yes; otherwise unfair. */
extern void VG_(rwlock_init)(VgRWLock* l, Bool fair);
extern void VG_(rwlock_lock_shared)(VgRWLock* l);
extern void VG_(rwlock_unlock_shared)(VgRWLock* l);
/* KICK (may be NULL) is called, with no lock held, when the caller has
   announced itself as a waiting writer and must wait for shared holders
   to leave, and again about every millisecond while it still waits (a
   kick can be lost: the holders' event counters are decremented
   non-atomically by translated code). */
extern void VG_(rwlock_lock_exclusive)(VgRWLock* l, void (*kick)(void*),
                                       void* opaque);
extern void VG_(rwlock_unlock_exclusive)(VgRWLock* l);
/* After fork, in the child: the lock is held exclusively by the caller
   and nobody waits. */
extern void VG_(rwlock_reset_after_fork)(VgRWLock* l);

/* Cheap relaxed reads for the scheduler's fast paths.  A writer waits
   (or holds the lock): it is in or queued at the writers' gate, which
   it enters before it kicks. */
static inline Bool VG_(rwlock_writer_waiting)(const VgRWLock* l)
{
   if (l->fair)
      return __atomic_load_n(&l->next_ticket, __ATOMIC_RELAXED)
             != __atomic_load_n(&l->now_serving, __ATOMIC_RELAXED);
   return VG_(mutex_is_held)(&l->writer_slot);
}

/* Anybody waits (for either mode). */
static inline Bool VG_(rwlock_has_waiters)(const VgRWLock* l)
{
   return __atomic_load_n(&l->waiters, __ATOMIC_RELAXED) != 0;
}

#endif
