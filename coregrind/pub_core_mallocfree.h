/* The core's arena allocator (module m_mallocfree), core interface.

   Memory comes in arenas so that the core, the tool, debug info, the
   client's heap (for tools that replace malloc) etc. are accounted for
   and checked separately.  VG_(malloc) and friends (pub_tool_mallocfree.h)
   allocate from VG_AR_TOOL whoever calls them, the core included: they
   are the general-purpose allocator (and what an XArray is usually given).
   Core modules with memory worth accounting for on its own (debug info,
   stack traces, errors, the translation table's side data) use the
   VG_(arena_*) calls with their arena.  A block must be freed into the
   arena it came from; anything else is caught and reported.  Each arena
   has its own lock: any thread may call these at any time. */
#ifndef __PUB_CORE_MALLOCFREE_H
#define __PUB_CORE_MALLOCFREE_H

#include "pub_core_basics.h"
#include "pub_tool_mallocfree.h"

typedef Int ArenaId;

#define VG_AR_CORE      0   /* the core's own data */
#define VG_AR_DINFO     1   /* debug information */
#define VG_AR_TOOL      2   /* what the tool allocates with VG_(malloc) */
#define VG_AR_CLIENT    3   /* the client's heap, for tools replacing malloc */
#define VG_AR_DEMANGLE  4   /* the demangler */
#define VG_AR_EXECTXT   5   /* stack traces (execution contexts) */
#define VG_AR_ERRORS    6   /* errors and suppressions */
#define VG_AR_TTAUX     7   /* translation table auxiliaries */
#define VG_N_ARENAS     8

/* Payload alignment of every arena except the client's (whose default
   is the same): enough for SSE spills on the 64-bit targets. */
#if VEX_HOST_WORDSIZE == 8
#  define VG_MIN_MALLOC_SZB 16
#else
#  define VG_MIN_MALLOC_SZB 8
#endif

extern void*  VG_(arena_malloc)  (ArenaId aid, const HChar* cc, SizeT nbytes);
extern void   VG_(arena_free)    (ArenaId aid, void* p);
extern void*  VG_(arena_calloc)  (ArenaId aid, const HChar* cc,
                                  SizeT n, SizeT size);
extern void*  VG_(arena_realloc) (ArenaId aid, const HChar* cc,
                                  void* p, SizeT size);
extern HChar* VG_(arena_strdup)  (ArenaId aid, const HChar* cc,
                                  const HChar* s);
extern SizeT  VG_(arena_malloc_usable_size) (ArenaId aid, void* p);

/* Bytes kept free on each side of every client block (default 16), and
   the client blocks' alignment (a power of two from 8 to 4096; default
   VG_MIN_MALLOC_SZB).  Only before the client arena's first use. */
extern void VG_(arena_set_client_redzone)   (SizeT rz_szB);
extern void VG_(arena_set_client_alignment) (SizeT align);

/* How hard the core checks itself (--sanity-level): at 2 or more every
   allocation and free checks its whole arena first.  Default 1. */
extern Int VG_(clo_sanity_level);

/* Check every block, red zone, free list and counter of one arena, or of
   all of them; on corruption report what and where, then panic. */
extern void VG_(sanity_check_malloc_arena) (ArenaId aid);
extern void VG_(sanity_check_malloc_all)   (void);

/* Ends the run because a request of SZB bytes made by WHO (a cost centre
   or function name) could not be met. */
extern void VG_(out_of_memory_NORETURN) (const HChar* who, SizeT szB)
   NORETURN;

/* One line per arena in use: mapped bytes, bytes in use, blocks, peak. */
extern void VG_(print_all_arena_stats) (void);

#endif
