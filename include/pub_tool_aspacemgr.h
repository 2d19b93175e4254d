/* The address-space manager (module m_aspacemgr): what tools may ask it.

   The manager keeps a map of the whole address space, from 0 to the
   highest address, as a sorted array of segments with no gaps between
   them: every byte belongs to exactly one segment.  A segment is free,
   a reservation, or a mapping that belongs either to the client (C) or
   to the core and the tool (V, as in Valgrind).  Tools look segments up;
   only the core changes the map. */
#ifndef __PUB_TOOL_ASPACEMGR_H
#define __PUB_TOOL_ASPACEMGR_H

#include "pub_tool_basics.h"

/* The kinds of segment, one bit each so that a set of kinds can be a
   mask (see VG_(am_get_segment_starts)). */
typedef enum {
   SkFree  = 1 << 0,  /* nothing mapped; may be given to C or V */
   SkAnonC = 1 << 1,  /* client anonymous memory (incl. the brk heap) */
   SkFileC = 1 << 2,  /* client file mapping */
   SkShmC  = 1 << 3,  /* client System V shared memory (shmat) */
   SkAnonV = 1 << 4,  /* the core's anonymous memory (arenas, stacks,
                         translations, shadow memory) */
   SkFileV = 1 << 5,  /* the core's file mappings (its own executable,
                         files read for debug information) */
   SkResvn = 1 << 6   /* unmapped, but kept out of floating placement:
                         the growth area of a stack or of the brk heap,
                         the space below the lowest usable address and
                         above the top of user space */
} SegKind;

/* Which end of a reservation may move when the mapping next to it
   grows into it. */
typedef enum {
   SmLower,   /* the lower end moves up: a mapping below grows upwards
                 into it (the brk heap) */
   SmFixed,   /* neither end moves */
   SmUpper    /* the upper end moves down: a mapping above grows
                 downwards into it (a stack) */
} ShrinkMode;

typedef struct {
   SegKind    kind;
   Addr       start;     /* first byte, page aligned */
   Addr       end;       /* last byte (inclusive); end + 1 page aligned */
   /* SkResvn only. */
   ShrinkMode smode;
   Bool       isCoreResvn; /* the core's (e.g. its own stack's growth
                              area): the client may not map into it */
   /* SkFileC, SkFileV: the file's device and inode (0 when unknown) and
      the file offset that START maps. */
   ULong      dev;
   ULong      ino;
   Off64T     offset;
   /* Index of the name in the manager's name table, or -1.  File
      mappings carry the file's path; the core's anonymous mappings found
      at start-up carry the kernel's label ("[stack]", "[vdso]", ...).
      Use VG_(am_get_filename). */
   Int        fnIdx;
   /* Mapped kinds: the protection. */
   Bool       hasR;
   Bool       hasW;
   Bool       hasX;
   /* Translations were made from code in this segment, so unmapping it
      or taking away its execute permission must discard them. */
   Bool       hasT;
   /* SkAnonC: part of the client's brk heap. */
   Bool       isCH;
} NSegment;

/* The segment containing A.  Never NULL once the manager has started
   (the map covers every address); NULL before.  The pointer is valid
   until the map next changes: a caller that may run while another
   thread maps or unmaps should use VG_(am_lookup_segment). */
extern const NSegment* VG_(am_find_nsegment)(Addr a);

/* Copies the segment containing A into *SEG, consistently even while
   other threads change the map.  False before start-up. */
extern Bool VG_(am_lookup_segment)(Addr a, NSegment* seg);

/* The segment after (FORWARDS) or before SEG, or NULL at either end of
   the address space.  Same validity rule as VG_(am_find_nsegment). */
extern const NSegment* VG_(am_next_nsegment)(const NSegment* seg,
                                             Bool forwards);

/* The name recorded for SEG (a file's path, or a kernel label such as
   "[stack]"), or NULL. */
extern const HChar* VG_(am_get_filename)(const NSegment* seg);

/* Whether every byte of [START, START+LEN) is client memory (SkAnonC,
   SkFileC or SkShmC) with at least the protection PROT (VKI_PROT_* bits;
   VKI_PROT_NONE asks only that it be mapped by the client).  False for
   LEN 0 or a range that wraps. */
extern Bool VG_(am_is_valid_for_client)(Addr start, SizeT len, UInt prot);

/* Whether [START, START+LEN) is entirely free or reserved (not the
   core's reservations): room the client could map into. */
extern Bool VG_(am_is_free_or_resvn)(Addr start, SizeT len);

#endif
