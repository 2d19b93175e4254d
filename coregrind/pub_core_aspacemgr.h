/* The address-space manager (module m_aspacemgr), core interface.

   The manager records every mapping of the process, the client's and the
   core's, in a segment map (see pub_tool_aspacemgr.h for the segments),
   and decides where new mappings go: the client's low, the core's high,
   so that the two stay apart and the client cannot map over the core.

   How the rest of the core uses it (the advise-notify idiom, as in
   Valgrind):
   - the syscall wrappers ask VG_(am_get_advisory) (or the validation
     helpers below) whether and where a client mmap/mremap may go, hand
     the adjusted request to the kernel, and on success tell the manager
     what happened with one of the VG_(am_notify_*) calls;
   - the convenience calls VG_(am_mmap_*_client) and the core's own
     VG_(am_mmap_*_valgrind) do all three steps themselves;
   - nothing else may call mmap, munmap, mprotect, mremap, brk or shmat
     directly: the map would go out of date, which VG_(am_do_sync_check)
     (run at --sanity-level=3 and above) reports.

   Translations: the calls that take memory away from the client or take
   away its execute permission return whether any affected segment had
   translations made from it (NSegment.hasT); the caller must then
   discard the translations of that range.

   Threads: all changes of the map made for the client happen under the
   big lock held exclusively (syscall wrappers, the loader, signal
   delivery growing a stack).  The core's own mappings
   (VG_(am_mmap_anon_float_valgrind) and friends) may be made by any
   thread, e.g. by the allocator under its arena lock; so every call that
   changes the map, and VG_(am_lookup_segment), also takes the manager's
   internal lock, a leaf lock: nothing is called under it that could
   take another lock or allocate.  A thread holding the big lock
   exclusively therefore sees a stable map; VG_(am_find_nsegment)'s
   pointer is safe there, elsewhere use VG_(am_lookup_segment).  Signal
   handlers must not take the lock (the interrupted code may hold it):
   they may only use VG_(am_find_nsegment). */
#ifndef __PUB_CORE_ASPACEMGR_H
#define __PUB_CORE_ASPACEMGR_H

#include "pub_core_basics.h"
#include "pub_tool_aspacemgr.h"

/* ------------------------------------------------------------------ */
/* Start-up and layout                                                  */

/* Reads /proc/self/maps once and records everything mapped as the
   core's (nothing of the client exists yet), decides the layout below,
   reserves the growth area of the core's own stack (the one containing
   SP_AT_STARTUP, 0 if unknown: then the one labelled [stack]), and
   returns the suggested top (last byte, inclusive) of the client's stack.
   May be called again to start afresh (the hosted tests do). */
extern Addr VG_(am_startup)(Addr sp_at_startup);

/* Whether VG_(am_startup) has run.  Before it, the core's mappings are
   placed by the kernel and recorded by nobody; VG_(am_startup) then
   finds them in /proc/self/maps. */
extern Bool VG_(am_is_initialised)(void);

/* The layout VG_(am_startup) chose; all page aligned (ends inclusive). */
typedef struct {
   Addr minAddr;      /* lowest address of floating placement */
   Addr maxAddr;      /* highest address of preferred floating placement */
   Addr cStart;       /* client placement searches start here ... */
   Addr vStart;       /* ... and the core's here; the client's preferred
                         space is [cStart, vStart), the core's
                         [vStart, maxAddr] */
   Addr userTop;      /* the top of user space; above it is reserved */
   Addr clstackEnd;   /* what VG_(am_startup) returned */
} AmLayout;
extern void VG_(am_get_layout)(AmLayout* layout);

/* ------------------------------------------------------------------ */
/* Placement advice                                                     */

typedef enum {
   MFixed,   /* START exactly, or fail */
   MHint,    /* START if it is free, else anywhere */
   MAny      /* anywhere */
} MapKind;

typedef struct {
   MapKind rkind;
   Addr    start;
   SizeT   len;
} MapRequest;

/* Where a mapping of REQ->len bytes (rounded up to pages) should go.
   Sets *OK, and returns the address when it is True.  Nothing is
   mapped or recorded.
   - For the client (FOR_CLIENT): MFixed is granted when the range holds
     only free space, client mappings (which it replaces) and client
     reservations; it is refused when any of it is the core's.  MHint is
     granted when the range is entirely free, else treated as MAny.  MAny
     picks the lowest fitting free space in the client's preferred space
     [cStart, vStart), then above maxAddr, then in the core's space.
   - For the core: MFixed and MHint need entirely free space; MAny
     searches [vStart, maxAddr], then above maxAddr, then the client's
     space.
   Refused: length 0, an unaligned START, a range that wraps. */
extern Addr VG_(am_get_advisory)(const MapRequest* req, Bool forClient,
                                 Bool* ok);

/* VG_(am_get_advisory) for a client MAny request of LEN bytes (START is
   ignored, as in Valgrind). */
extern Addr VG_(am_get_advisory_client_simple)(Addr start, SizeT len,
                                               Bool* ok);

/* ------------------------------------------------------------------ */
/* Validation for the syscall wrappers                                  */

/* Whether the client may map, unmap or change [START, START+LEN): no
   byte of it is the core's (SkAnonV, SkFileV, or a core reservation).
   False for LEN 0 or a range that wraps. */
extern Bool VG_(am_is_client_or_free)(Addr start, SizeT len);

/* Whether every byte of [START, START+LEN) is the core's memory. */
extern Bool VG_(am_is_valid_for_valgrind)(Addr start, SizeT len);

/* Whether [START, START+LEN) lies within one free segment (room to grow
   a mapping in place). */
extern Bool VG_(am_covered_by_single_free_segment)(Addr start, SizeT len);

/* The checks for a client mmap with VKI_MAP_FIXED or
   VKI_MAP_FIXED_NOREPLACE in FLAGS at START, before the kernel sees it.
   Success (value START) when it may go ahead, else the errno to fail it
   with:
   - EINVAL: LEN 0 or START not page aligned (as Linux), or the range
     would cover part of the core (what Valgrind answers: its mmap
     wrapper fails every request VG_(am_get_advisory) refuses with
     EINVAL; Linux itself would replace the mappings there, which would
     destroy the core, so there is no Linux answer to copy);
   - ENOMEM: the range wraps or goes beyond the top of user space (as
     Linux);
   - EEXIST: MAP_FIXED_NOREPLACE and something is mapped in the range (as
     Linux).
   The wrappers of munmap and mprotect use VG_(am_is_client_or_free):
   Valgrind fails munmap of core memory with EINVAL and mprotect of it
   with ENOMEM (Linux's answer for unmapped memory), and so should we. */
extern SysRes VG_(am_check_client_mmap)(Addr start, SizeT len, UInt flags);

/* ------------------------------------------------------------------ */
/* Debugging                                                            */

/* The map, one line per segment, as debug log messages of level
   LOG_LEVEL (so -d -d shows level 2), headed by WHO. */
extern void VG_(am_show_nsegments)(Int logLevel, const HChar* who);

/* Compares the map with the kernel's (/proc/self/maps): every mapped
   segment must be mapped with the same protection (and for files the
   same file and offset), every free or reserved one unmapped, except
   that a stack may have grown into the reservation below it.  Reports
   each discrepancy (and then the map) at log level 0 naming FN, FILE
   and LINE, the caller's position; returns whether there was none. */
extern Bool VG_(am_do_sync_check)(const HChar* fn, const HChar* file,
                                  Int line);

/* Checks the map's own invariants (sorted, no gaps or overlaps, page
   aligned, merged, consistent fields); reports the first violation at
   log level 0 and returns False. */
extern Bool VG_(am_check_map)(void);

/* The start addresses of the segments whose kind is in KIND_MASK (a set
   of SegKind bits), in address order, into STARTS[0 .. N_STARTS-1].
   Returns how many there are; when that is more than N_STARTS, returns
   minus the number needed and fills nothing. */
extern Int VG_(am_get_segment_starts)(UInt kindMask, Addr* starts,
                                      Int nStarts);

/* ------------------------------------------------------------------ */
/* The core's own mappings                                              */

/* Maps LENGTH bytes (rounded up to whole pages) of zeroed, readable and
   writable private anonymous memory for the core's own use, placed in
   the core's space and recorded as SkAnonV.  Before VG_(am_startup) the
   kernel places it and nothing is recorded. */
extern SysRes VG_(am_mmap_anon_float_valgrind)(SizeT length);

/* The same with protection PROT (e.g. with VKI_PROT_EXEC for generated
   code). */
extern SysRes VG_(am_mmap_anon_float_valgrind_prot)(SizeT length,
                                                    UInt prot);

/* Maps LENGTH bytes of file FD from OFFSET (page aligned), private, with
   protection PROT, in the core's space, recorded as SkFileV (for reading
   debug information). */
extern SysRes VG_(am_mmap_file_float_valgrind)(SizeT length, UInt prot,
                                               Int fd, Off64T offset);

/* Unmaps the core's memory [START, START+LENGTH) (rounded up to pages).
   Fails with EINVAL, unmapping nothing, if any of it is not the core's. */
extern SysRes VG_(am_munmap_valgrind)(Addr start, SizeT length);

/* ------------------------------------------------------------------ */
/* The client's mappings                                                */

/* The convenience calls below map for the client in one step, for the
   loader (m_ume), the initial image (m_initimg) and the like; the
   syscall wrappers use advice and notification instead.  The fixed ones
   never replace anything: they fail with EEXIST when any of the range is
   mapped (by the client or the core) or reserved by the core, and with
   EINVAL for a length of 0 or an unaligned START or OFFSET; client
   reservations may be mapped into.  Before VG_(am_startup) they map
   where the kernel agrees nothing is mapped, and record nothing. */

/* Maps LENGTH bytes (rounded up to pages) of zeroed private anonymous
   memory with protection PROT (VKI_PROT_*) for the client at START. */
extern SysRes VG_(am_mmap_anon_fixed_client)(Addr start, SizeT length,
                                             UInt prot);

/* The same placed by the manager in the client's space (ENOMEM before
   start-up). */
extern SysRes VG_(am_mmap_anon_float_client)(SizeT length, Int prot);

/* Maps LENGTH bytes of file FD from OFFSET (page aligned) privately with
   protection PROT for the client at START; recorded as SkFileC with the
   file's device, inode and name. */
extern SysRes VG_(am_mmap_file_fixed_client)(Addr start, SizeT length,
                                             UInt prot, Int fd,
                                             Off64T offset);

/* The same with the mapping type in FLAGS (VKI_MAP_PRIVATE or
   VKI_MAP_SHARED, plus any other flags except the placement ones, which
   are ignored). */
extern SysRes VG_(am_mmap_file_fixed_client_flags)(Addr start,
                                                   SizeT length, UInt prot,
                                                   UInt flags, Int fd,
                                                   Off64T offset);

/* Unmaps client memory [START, START+LENGTH) (any free or reserved parts
   are left as they are).  EINVAL if any of it is the core's.  Sets
   *NEED_DISCARD. */
extern SysRes VG_(am_munmap_client)(Bool* need_discard, Addr start,
                                    SizeT length);

/* Notifications, after the kernel did something for the client.  Each
   returns whether translations of the affected range must be discarded.
   Lengths are rounded up to pages; starts must be page aligned. */

/* mmap: the kernel mapped [A, A+LEN) with PROT and FLAGS (VKI_MAP_*),
   from FD at OFFSET unless FLAGS has VKI_MAP_ANONYMOUS.  Whatever was
   recorded there before is replaced. */
extern Bool VG_(am_notify_client_mmap)(Addr a, SizeT len, UInt prot,
                                       UInt flags, Int fd, Off64T offset);

/* shmat: the kernel attached a System V segment at [A, A+LEN). */
extern Bool VG_(am_notify_client_shmat)(Addr a, SizeT len, UInt prot);

/* mprotect of [START, START+LEN) to PROT: applies to the mapped segments
   in the range, the client's or the core's.  Discard is needed where a
   segment with translations loses execute permission or gains write
   permission (code about to be rewritten). */
extern Bool VG_(am_notify_mprotect)(Addr start, SizeT len, UInt prot);

/* munmap (or shmdt) of [START, START+LEN): its mapped parts become free
   (reserved below minAddr and above userTop); reservations stay. */
extern Bool VG_(am_notify_munmap)(Addr start, SizeT len);

/* mremap: the kernel moved or resized the mapping [OLD_ADDR,
   OLD_ADDR+OLD_LEN) to [NEW_ADDR, NEW_ADDR+NEW_LEN) (possibly the same
   start).  The new range gets the attributes of the segment at
   OLD_ADDR; the rest of the old range becomes free. */
extern Bool VG_(am_notify_client_mremap)(Addr old_addr, SizeT old_len,
                                         Addr new_addr, SizeT new_len);

/* mremap done by the manager: moves the client mapping [OLD_ADDR,
   OLD_ADDR+OLD_LEN) (within one segment) to [NEW_ADDR, NEW_ADDR+NEW_LEN),
   which must not overlap it nor any of the core.  Returns whether it
   succeeded; sets *NEED_DISCARD. */
extern Bool VG_(am_relocate_nooverlap_client)(Bool* need_discard,
                                              Addr old_addr, SizeT old_len,
                                              Addr new_addr, SizeT new_len);

/* mremap in place done by the manager: grows the client segment
   containing ADDR by DELTA bytes (rounded up to pages) at its top end,
   where there must be free space.  Returns whether it succeeded. */
extern Bool VG_(am_extend_map_client)(Bool* need_discard, Addr addr,
                                      SizeT delta);

/* ------------------------------------------------------------------ */
/* Reservations, the brk heap, translations                             */

/* Reserves [START, START+LENGTH) (page aligned, entirely free) for the
   client: nothing is mapped, but floating placement keeps away.  SMODE
   says which end may give way to VG_(am_extend_into_adjacent_
   reservation_client).  EXTRA bytes beyond the end that moves (above for
   SmLower, below for SmUpper; ignored for SmFixed) must be unmapped too,
   a gap kept clear.  Returns whether it was made. */
extern Bool VG_(am_create_reservation)(Addr start, SizeT length,
                                       ShrinkMode smode, SizeT extra);

/* Grows the client anonymous segment containing ADDR into the
   reservation next to it: upwards by DELTA bytes (DELTA > 0, the
   reservation above has SmLower, e.g. the brk heap) or downwards by
   -DELTA (the reservation below has SmUpper, e.g. a stack).  The new
   pages are mapped with the segment's protection.  A reservation never
   shrinks below one page: a request that would leave less (or no
   adjacent reservation) sets *OVERFLOW and fails.  DELTA is a multiple
   of the page size. */
extern Bool VG_(am_extend_into_adjacent_reservation_client)(Addr addr,
                                                            SSizeT delta,
                                                            Bool* overflow);

/* Marks the client anonymous memory in [START, START+LEN) as the brk
   heap (isCH). */
extern void VG_(am_mark_client_heap)(Addr start, SizeT len);

/* Records that translations were made from code in the segment
   containing A. */
extern void VG_(am_set_segment_hasT)(Addr a);

#endif
