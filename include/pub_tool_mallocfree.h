/* The allocator, for tools (module m_mallocfree).

   Every call takes a cost centre CC: a string with static lifetime naming
   the caller (e.g. "mc.leakcheck.1").  It is kept with the block so that a
   corruption report or a leak of the core's own memory can say who
   allocated the block.  These calls allocate from the tool arena; they
   never return NULL (running out of memory ends the run with a message),
   except VG_(realloc) to size 0 which behaves like any other size. */
#ifndef __PUB_TOOL_MALLOCFREE_H
#define __PUB_TOOL_MALLOCFREE_H

#include "pub_tool_basics.h"

extern void*  VG_(malloc)  (const HChar* cc, SizeT nbytes);
/* P may be NULL; anything else must come from VG_(malloc) and friends. */
extern void   VG_(free)    (void* p);
/* N * SIZE zeroed bytes; an overflowing product is a bug (assertion). */
extern void*  VG_(calloc)  (const HChar* cc, SizeT n, SizeT size);
/* Keeps the first min(old size, SIZE) bytes; P == NULL acts as malloc. */
extern void*  VG_(realloc) (const HChar* cc, void* p, SizeT size);
extern HChar* VG_(strdup)  (const HChar* cc, const HChar* s);
/* How many bytes at P the caller may use: the size it asked for. */
extern SizeT  VG_(malloc_usable_size) (void* p);

#endif
