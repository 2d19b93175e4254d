/* The core's futex mutex (see pub_core_lock.h): the contended paths. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_lock.h"

void VG_(mutex_lock_slow)(VgMutex* m)
{
   /* Announce a waiter (state 2) and sleep until a release wakes us;
      whoever gets 0 back from the exchange owns the lock (and leaves it
      marked 2, which at worst costs one needless wake-up). */
   Int seen = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
   while (seen != 0) {
      VG_(do_syscall4)(__NR_futex, (UWord)&m->state,
                       VKI_FUTEX_WAIT | VKI_FUTEX_PRIVATE_FLAG, 2, 0);
      seen = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
   }
}

void VG_(mutex_wake_one)(VgMutex* m)
{
   VG_(do_syscall3)(__NR_futex, (UWord)&m->state,
                    VKI_FUTEX_WAKE | VKI_FUTEX_PRIVATE_FLAG, 1);
}
