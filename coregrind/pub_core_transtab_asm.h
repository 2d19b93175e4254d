/* Constants of the translation table that the dispatchers' assembly
   shares with C (module m_transtab).  Only #defines: this header is
   included by .S files.

   The fast cache.  Each guest thread has its own (DESIGN.md section 4:
   a shared one cannot be made race-free cheaply), a direct-mapped table
   of VG_TT_FAST_SIZE entries, each two words: the guest address and the
   host address of its translation.  The dispatcher's indirect-jump entry
   (disp_cp_xindir) looks the next guest address up in the calling
   thread's cache, whose address it keeps in its own frame, and jumps to
   the host code on a hit.

     entry index = (ga ^ (ga >> VG_TT_FAST_BITS)) & VG_TT_FAST_MASK
     entry       = cache + index * VG_TT_FAST_ENTRY_SZB
                   { guest at +0, host at +8 }

   An empty entry holds VG_TT_FAST_EMPTY_GUEST and the address of the
   dispatcher's miss handler, so a lookup of that guest address (which
   is never code) still ends up as a miss.  After the entries come two
   per-thread counters the dispatcher increments: indirect jumps looked
   up, and those that missed. */
#ifndef __PUB_CORE_TRANSTAB_ASM_H
#define __PUB_CORE_TRANSTAB_ASM_H

#define VG_TT_FAST_BITS        15
#define VG_TT_FAST_SIZE        (1 << VG_TT_FAST_BITS)
#define VG_TT_FAST_MASK        (VG_TT_FAST_SIZE - 1)
#define VG_TT_FAST_ENTRY_LOG2  4
#define VG_TT_FAST_ENTRY_SZB   (1 << VG_TT_FAST_ENTRY_LOG2)

/* The counters after the entries (byte offsets from the cache). */
#define VG_TT_FAST_OFFB_N_LOOKUPS  (VG_TT_FAST_SIZE * VG_TT_FAST_ENTRY_SZB)
#define VG_TT_FAST_OFFB_N_MISSES   (VG_TT_FAST_OFFB_N_LOOKUPS + 8)

#define VG_TT_FAST_EMPTY_GUEST 1

#endif
