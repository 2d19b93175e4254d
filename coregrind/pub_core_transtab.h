/* The translation table (module m_transtab): where translations live,
   how they are found, chained to each other, and thrown away.

   Sectors.  Translations are kept in up to VG_TT_MAX_SECTORS sectors,
   each a code area (RWX memory of the core's) filled from the bottom,
   plus a table of entries: the guest address, the guest ranges the
   superblock was made from (VexGuestExtents), where its host code is,
   and its chaining links in both directions.  One sector is filled at a
   time; when it is full the next one in round-robin order is taken, and
   if that one is in use all its translations are discarded first (the
   oldest code goes).  Each sector's entry table is an open-addressed
   hash table keyed by guest address; a lookup tries the sectors newest
   first.  Host code is 8-byte aligned, as the back end's patch sites
   require (VEX/priv/host_amd64_defs.h).

   Chaining.  An unchained direct exit calls the dispatcher's chain-me
   stub; the scheduler then makes (or finds) the target's translation and
   calls VG_(tt_chain), which patches the exit into a direct jump and
   records the link both in the source (its outgoing links) and in the
   target (its incoming links).  Discarding a translation unchains every
   exit that jumps into it and forgets its own outgoing links, so no
   patched jump ever points at discarded code.  Chaining is idempotent:
   an exit already patched (by another thread, say) is left alone.

   The fast cache.  Each thread has its own (pub_core_transtab_asm.h),
   looked up by the dispatcher for indirect jumps and filled by
   VG_(search_transtab).  Every discard empties all threads' caches.

   Locking.  The table has its own lock (m_lock's mutex); every function
   below takes it, so lookups, insertions and chaining need not hold the
   big lock, and a translation is published (visible to lookups) only
   once it is complete.  Discards must not happen while another thread
   executes translated code: their callers hold the big lock exclusively
   (DESIGN.md section 4).  Recycling a sector discards too; while the
   scheduler runs one thread at a time that is the case at every
   insertion; when threads run in parallel, insertion must run with the
   others out of translated code whenever VG_(tt_insertion_recycles)
   says so.  A thread's fast cache is written only by that thread, or by
   a discard (under the exclusive big lock). */
#ifndef __PUB_CORE_TRANSTAB_H
#define __PUB_CORE_TRANSTAB_H

#include "pub_core_basics.h"
#include "pub_core_transtab_asm.h"
#include "pub_core_xarray.h"
#include "libvex.h"

#define VG_TT_MAX_SECTORS 48

/* ------------------------------------------------------------------ */
/* Set-up                                                               */

typedef struct {
   Int   n_sectors;          /* 1 .. VG_TT_MAX_SECTORS */
   UInt  n_ttes_per_sector;  /* entry-table size: a power of two >= 8;
                                a sector takes at most 3/4 of it */
   SizeT tc_szB_per_sector;  /* code bytes per sector */
   /* Told about every translation discarded (the tool's
      discard_superblock_info), or NULL.  Called with the table's lock
      held: it must not call this module. */
   void (*discard_notify)(Addr guest, VexGuestExtents vge);
} VgTTParams;

/* Valgrind's sizing: N_SECTORS sectors of 65536 entries and code for
   that many translations of AVG_TRANSLATION_SZB bytes. */
extern void VG_(tt_default_params)(VgTTParams* params, Int n_sectors,
                                   UInt avg_translation_szB);

/* Sets the table up (empty; sectors are mapped when first used).  May
   be called again to start afresh (the hosted tests do); earlier
   sectors are then abandoned, not unmapped. */
extern void VG_(init_tt_tc)(const VgTTParams* params);

/* ------------------------------------------------------------------ */
/* Adding and finding                                                   */

/* Copies CODE_LEN bytes of host code (emitted at an 8-aligned address)
   into the table as the translation of the superblock VGE starting at
   guest address ENTRY, and returns where it now is.  If a translation of
   ENTRY exists already (another thread was quicker), the code is not
   added and the existing one's address is returned.  OFFS_PROFINC: the
   offset of the code's profile counter increment (VEX's offs_profInc),
   which is pointed at the translation's own counter, or -1 for none. */
extern Addr VG_(add_to_transtab)(const VexGuestExtents* vge, Addr entry,
                                 const UChar* code, UInt code_len,
                                 Bool is_self_checking, Int offs_profInc);

/* Whether the next insertion would recycle a sector (discarding its
   translations); see "Locking" above. */
extern Bool VG_(tt_insertion_recycles)(UInt code_len);

/* Looks GUEST up.  Found: *HOST = its host code (the slow entry point)
   and, when TID is a valid thread id, the pair goes into TID's fast
   cache. */
extern Bool VG_(search_transtab)(/*OUT*/Addr* host, Addr guest,
                                 ThreadId tid);

/* ------------------------------------------------------------------ */
/* Chaining                                                             */

/* The table's epoch: it changes whenever any translation is discarded.
   The scheduler reads it before running translated code and hands it
   to VG_(tt_chain), so a chain-me site whose translation may have gone
   meanwhile (e.g. its sector was recycled to make room for the target)
   is never patched. */
extern ULong VG_(tt_epoch)(void);

/* Chains the direct exit whose patch site is SITE (what the chain-me
   stub reported) to the translation of DEST_GUEST: to its fast entry
   point (past the event check) when TO_FASTEP, else to its slow one.
   Does nothing, returning False, when EPOCH is not the current epoch,
   when SITE is not in a live translation or DEST_GUEST has none.
   Returns True when the site is (now, or already was) chained. */
extern Bool VG_(tt_chain)(Addr site, Bool to_fastEP, Addr dest_guest,
                          ULong epoch);

/* ------------------------------------------------------------------ */
/* Discarding                                                           */

/* Discards every translation with any guest byte in [START, START+LEN)
   (munmap, mprotect taking away execute permission, self-modifying
   code, VALGRIND_DISCARD_TRANSLATIONS, ...), unchaining every exit that
   jumps to them, and empties all fast caches.  WHO names the caller in
   the debug log. */
extern void VG_(discard_translations)(Addr start, ULong len,
                                      const HChar* who);

/* ------------------------------------------------------------------ */
/* The per-thread fast caches                                           */

typedef struct {
   Addr guest;
   Addr host;
} VgFastCacheEntry;

typedef struct {
   VgFastCacheEntry entry[VG_TT_FAST_SIZE];
   /* Written by the dispatcher, per thread: indirect jumps looked up,
      and those that missed. */
   ULong n_lookups;
   ULong n_misses;
} VgFastCache;

/* TID's fast cache (made, empty, on first use). */
extern VgFastCache* VG_(tt_fast_cache)(ThreadId tid);

/* Empties every thread's fast cache. */
extern void VG_(tt_flush_fast_caches)(void);

/* ------------------------------------------------------------------ */
/* Statistics and checks                                                */

typedef struct {
   ULong n_added;             /* translations added */
   ULong n_added_szB;         /* their host code bytes */
   ULong n_added_guest_szB;   /* their guest code bytes (all extents) */
   ULong n_self_checking;     /* added with a self-check */
   ULong n_duplicates;        /* add found one already there */
   ULong n_discarded;         /* by VG_(discard_translations) */
   ULong n_recycled;          /* by sector recycling */
   ULong n_sectors_recycled;
   ULong n_lookups;           /* VG_(search_transtab) calls */
   ULong n_lookup_hits;
   ULong n_chained;           /* exits patched */
   ULong n_chain_stale;       /* VG_(tt_chain) refused: stale epoch */
   ULong n_unchained;         /* exits unpatched by discards */
   ULong n_fast_flushes;
   UInt  n_live;              /* translations now in the table */
   UInt  n_links;             /* chained exits now */
   Int   n_sectors_used;      /* sectors ever mapped */
} VgTTStats;

extern void VG_(tt_get_stats)(VgTTStats* stats);

/* The dispatcher's fast-cache counters, summed over every thread slot
   (a thread's counters stay in its slot's cache after it ends). */
extern void VG_(tt_fast_cache_counts)(ULong* n_lookups, ULong* n_misses);

/* Prints the statistics (the table's and the fast caches') as debug
   messages: the --stats=yes lines of m_transtab (docs/options.md). */
extern void VG_(print_tt_tc_stats)(void);

/* ------------------------------------------------------------------ */
/* Execution counts (--profile-flags)                                   */

/* A translation made with a profile counter increment (OFFS_PROFINC of
   VG_(add_to_transtab)) counts its runs in its entry.  The increments
   are plain ones, exact only while one thread at a time runs translated
   code (m_sbprofile makes the run exclusive).  When such a translation
   is discarded (by range or by sector recycling), its count is kept,
   summed with the other discarded ones of the same guest address, so a
   profile covers code that is gone by the time of the report. */
typedef struct {
   Addr  guest;    /* the superblock's entry address */
   ULong count;    /* its runs */
} VgSBCount;

/* Appends to OUT (an XArray of VgSBCount) the nonzero counts: one per
   live translation, and one per guest address of discarded ones (so a
   guest address may appear twice: its live translation and earlier
   ones).  RESET: every count starts again from 0.  The caller must hold
   the big lock exclusively (no translated code runs). */
extern void VG_(tt_get_profile)(XArray* out, Bool reset);

/* Checks the table's invariants: entry counts, hash chains, host-code
   order, that every link is recorded at both ends and its site really
   jumps, and that every fast-cache entry names a live translation.
   Reports the first violation at log level 0 and returns False. */
extern Bool VG_(sanity_check_tt_tc)(void);

#endif
