/* Start-up of the core (module m_main). */
#ifndef __PUB_CORE_MAIN_H
#define __PUB_CORE_MAIN_H

#include "pub_core_basics.h"

/* Called by the per-platform _start with the kernel's initial stack
   pointer (pointing at argc). */
extern void VG_(start_in_C)(UWord* initial_sp) NORETURN;

#endif
