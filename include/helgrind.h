/* helgrind.h: telling Helgrind, the thread error detector, about
   synchronisation it cannot see by itself.

   Helgrind knows the pthread primitives.  A program (or a framework run
   under an outer Helgrind) with locks of its own -- spin locks, futex
   locks, lock-free hand-offs -- describes them with these requests, so
   that Helgrind orders the memory accesses they protect and does not
   report them as races.  Natively every request does nothing, for a few
   cycles; define NVALGRIND to compile them away.

   The request codes are Valgrind's (its tool base 'H','G' plus the
   offsets below), so a program built with this header is understood by
   Valgrind's Helgrind and Valgrind's helgrind.h programs by ours.

   Rules of use (as for any happens-before detector): announce an
   acquisition just AFTER the lock is really taken and a release just
   BEFORE it is really given up.  Write the lock's own words only with
   atomic read-modify-write instructions (compare-and-swap, exchange,
   fetch-and-add): Helgrind treats those as reads, so the lock's words do
   not race among themselves. */
#ifndef __HELGRIND_H
#define __HELGRIND_H

#include "valgrind.h"

#define VG_HG_REQUEST_CODE_(_offset)                                    \
   (VG_USERREQ_TOOL_BASE('H', 'G') + (_offset))

/* Request codes: part of the binary interface, never renumber. */
typedef enum {
   VG_USERREQ__HG_CLEAN_MEMORY        = VG_HG_REQUEST_CODE_(0x000),
   VG_USERREQ__HG_MUTEX_INIT_POST     = VG_HG_REQUEST_CODE_(0x103),
   VG_USERREQ__HG_MUTEX_DESTROY_PRE   = VG_HG_REQUEST_CODE_(0x104),
   VG_USERREQ__HG_MUTEX_UNLOCK_PRE    = VG_HG_REQUEST_CODE_(0x105),
   VG_USERREQ__HG_MUTEX_UNLOCK_POST   = VG_HG_REQUEST_CODE_(0x106),
   VG_USERREQ__HG_MUTEX_ACQUIRE_PRE   = VG_HG_REQUEST_CODE_(0x107),
   VG_USERREQ__HG_MUTEX_ACQUIRE_POST  = VG_HG_REQUEST_CODE_(0x108),
   VG_USERREQ__HG_RWLOCK_INIT_POST    = VG_HG_REQUEST_CODE_(0x10e),
   VG_USERREQ__HG_RWLOCK_DESTROY_PRE  = VG_HG_REQUEST_CODE_(0x10f),
   VG_USERREQ__HG_RWLOCK_ACQUIRED     = VG_HG_REQUEST_CODE_(0x111),
   VG_USERREQ__HG_RWLOCK_RELEASED     = VG_HG_REQUEST_CODE_(0x112),
   VG_USERREQ__HG_USERSO_SEND_PRE     = VG_HG_REQUEST_CODE_(0x121),
   VG_USERREQ__HG_USERSO_RECV_POST    = VG_HG_REQUEST_CODE_(0x122),
   VG_USERREQ__HG_ARANGE_UNTRACKED    = VG_HG_REQUEST_CODE_(0x127),
   VG_USERREQ__HG_ARANGE_TRACKED      = VG_HG_REQUEST_CODE_(0x128)
} Vg_HelgrindClientRequest;

#define VG_HG_REQUEST_(_code, _arg1, _arg2)                             \
   VALGRIND_DO_CLIENT_REQUEST_STMT((_code), (_arg1), (_arg2), 0, 0, 0)

/* ------------------------------------------------------------------ */
/* Memory                                                               */
/* ------------------------------------------------------------------ */

/* Forget what is known of the accesses to [start, start+len): the next
   access is as to fresh memory (for memory a custom allocator reuses). */
#define VALGRIND_HG_CLEAN_MEMORY(_start, _len)                          \
   VG_HG_REQUEST_(VG_USERREQ__HG_CLEAN_MEMORY, (_start), (_len))

/* Stop (and restart) checking [start, start+len) for races. */
#define VALGRIND_HG_DISABLE_CHECKING(_start, _len)                      \
   VG_HG_REQUEST_(VG_USERREQ__HG_ARANGE_UNTRACKED, (_start), (_len))
#define VALGRIND_HG_ENABLE_CHECKING(_start, _len)                       \
   VG_HG_REQUEST_(VG_USERREQ__HG_ARANGE_TRACKED, (_start), (_len))

/* A race on [addr, addr+size) the program accepts; DESCRIPTION (a
   string) only documents why. */
#define ANNOTATE_BENIGN_RACE_SIZED(_addr, _size, _description)         \
   VALGRIND_HG_DISABLE_CHECKING((_addr), (_size))

/* ------------------------------------------------------------------ */
/* Mutexes of the program's own making                                  */
/* ------------------------------------------------------------------ */

/* MUTEX is the lock's address (any unique address will do).  IS_REC:
   1 for a recursive mutex, 0 otherwise; IS_TRY: 1 when the acquisition
   is a try-lock that may fail. */
#define VALGRIND_HG_MUTEX_INIT_POST(_mutex, _is_rec)                    \
   VG_HG_REQUEST_(VG_USERREQ__HG_MUTEX_INIT_POST, (_mutex), (_is_rec))
#define VALGRIND_HG_MUTEX_LOCK_PRE(_mutex, _is_try)                     \
   VG_HG_REQUEST_(VG_USERREQ__HG_MUTEX_ACQUIRE_PRE, (_mutex), (_is_try))
#define VALGRIND_HG_MUTEX_LOCK_POST(_mutex)                             \
   VG_HG_REQUEST_(VG_USERREQ__HG_MUTEX_ACQUIRE_POST, (_mutex), 0)
#define VALGRIND_HG_MUTEX_UNLOCK_PRE(_mutex)                            \
   VG_HG_REQUEST_(VG_USERREQ__HG_MUTEX_UNLOCK_PRE, (_mutex), 0)
#define VALGRIND_HG_MUTEX_UNLOCK_POST(_mutex)                           \
   VG_HG_REQUEST_(VG_USERREQ__HG_MUTEX_UNLOCK_POST, (_mutex), 0)
#define VALGRIND_HG_MUTEX_DESTROY_PRE(_mutex)                           \
   VG_HG_REQUEST_(VG_USERREQ__HG_MUTEX_DESTROY_PRE, (_mutex), 0)

/* ------------------------------------------------------------------ */
/* Reader/writer locks and arbitrary orderings (the ANNOTATE_* names of  */
/* the "dynamic annotations" other race detectors share)                */
/* ------------------------------------------------------------------ */

/* LOCK is any address that identifies the lock.  IS_W: 1 for the
   exclusive (writer) mode, 0 for the shared one. */
#define ANNOTATE_RWLOCK_CREATE(_lock)                                   \
   VG_HG_REQUEST_(VG_USERREQ__HG_RWLOCK_INIT_POST, (_lock), 0)
#define ANNOTATE_RWLOCK_DESTROY(_lock)                                  \
   VG_HG_REQUEST_(VG_USERREQ__HG_RWLOCK_DESTROY_PRE, (_lock), 0)
#define ANNOTATE_RWLOCK_ACQUIRED(_lock, _is_w)                          \
   VG_HG_REQUEST_(VG_USERREQ__HG_RWLOCK_ACQUIRED, (_lock), (_is_w))
/* Helgrind knows the mode the lock is held in: IS_W is not passed. */
#define ANNOTATE_RWLOCK_RELEASED(_lock, _is_w)                          \
   VG_HG_REQUEST_(VG_USERREQ__HG_RWLOCK_RELEASED, (_lock), 0)

/* Everything a thread did before ANNOTATE_HAPPENS_BEFORE(OBJ) happens
   before everything a thread does after a later
   ANNOTATE_HAPPENS_AFTER(OBJ).  OBJ is any address naming the hand-off
   (a flag, a queue slot). */
#define ANNOTATE_HAPPENS_BEFORE(_obj)                                   \
   VG_HG_REQUEST_(VG_USERREQ__HG_USERSO_SEND_PRE, (_obj), 0)
#define ANNOTATE_HAPPENS_AFTER(_obj)                                    \
   VG_HG_REQUEST_(VG_USERREQ__HG_USERSO_RECV_POST, (_obj), 0)

#endif /* __HELGRIND_H */
