/* The address-space manager, reduced for now to the memory source of the
   core's allocator.  The segment map (every client and core mapping, and
   placing the core's mappings where the client will not ask for them)
   arrives with the core-runtime issue. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_aspacemgr.h"

/* x86 has no six-argument mmap; its mmap2 takes the same arguments except
   that the offset counts pages, which makes no difference for offset 0. */
#if defined(VGA_x86)
#  define SYSNO_MMAP __NR_mmap2
#else
#  define SYSNO_MMAP __NR_mmap
#endif

SysRes VG_(am_mmap_anon_float_valgrind)(SizeT length)
{
   SizeT len = VG_ROUNDUP(length, VKI_PAGE_SIZE);
   return VG_(do_syscall6)(SYSNO_MMAP, 0, len,
                           VKI_PROT_READ | VKI_PROT_WRITE,
                           VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS,
                           (UWord)-1, 0);
}

SysRes VG_(am_munmap_valgrind)(Addr start, SizeT length)
{
   return VG_(do_syscall2)(__NR_munmap, start,
                           VG_ROUNDUP(length, VKI_PAGE_SIZE));
}
