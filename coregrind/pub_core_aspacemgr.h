/* The address-space manager (module m_aspacemgr), core interface.

   For now this is only the memory source of the core's own allocator:
   anonymous mappings placed wherever the kernel likes.  The segment map
   that records every mapping and keeps the core's mappings away from the
   client's arrives with the core-runtime issue; these two calls will then
   record what they map and unmap. */
#ifndef __PUB_CORE_ASPACEMGR_H
#define __PUB_CORE_ASPACEMGR_H

#include "pub_core_basics.h"

/* Maps LENGTH bytes (rounded up to whole pages) of zeroed, readable and
   writable private anonymous memory for the core's own use. */
extern SysRes VG_(am_mmap_anon_float_valgrind)(SizeT length);

/* Unmaps what VG_(am_mmap_anon_float_valgrind) mapped. */
extern SysRes VG_(am_munmap_valgrind)(Addr start, SizeT length);

#endif
