/* The translation table: sectors of translations, lookup, chaining and
   unchaining, discarding, and the per-thread fast caches.  The design is
   described in pub_core_transtab.h; the data structures here.

   Entries.  A sector's entry table (tt) is an open-addressed hash table
   with linear probing, keyed by guest entry address.  An entry is Empty
   (never used since the sector was last emptied), InUse, or Deleted (a
   tombstone: probing goes on past it).  Entries are never reused during
   a sector's life, so (sector, index) names a translation until its
   sector is recycled, and the sector's entries in insertion order are
   also in host-code order (the code area is filled upwards): host_order
   lists them that way, for finding the translation a patch site lies in
   by binary search.  A sector takes no more than 3/4 of its table.

   Links.  A chained exit is one TTEdge in the source's outgoing list
   and one in the target's incoming list, naming the other end and the
   offset of the patch site in the source's code.  Lists are small
   arrays in the TTAUX arena.

   Profile counts.  With --profile-flags every translation's code
   increments its entry's prof_count (VEX's ProfInc, patched to point
   there).  Deleting an entry moves a nonzero count into the "retired"
   table, an open-addressed hash table on the guest address (count 0:
   an empty slot), where the counts of all discarded translations of one
   address add up until the profile is reset.

   Discarding by range.  Each sector keeps its entries in equivalence
   classes by guest address: a translation all of whose guest bytes fall
   in one 4KB chunk goes into class (chunk mod ECLASS_N); any other into
   the class ECLASS_MISC.  A discard of a range smaller than ECLASS_N
   chunks only looks at the classes of its chunks and at ECLASS_MISC.
   The lists only grow during a sector's life (deleted entries are
   skipped), and each sector also keeps the bounds of the guest bytes
   ever added, to skip it outright. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_mallocfree.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_threadstate.h"
#include "pub_core_lock.h"
#include "pub_core_dispatch.h"
#include "pub_core_transtab.h"

#if defined(VGA_amd64)
#  define VG_HOST_VEXARCH VexArchAMD64
#else
#  error "m_transtab: host architecture not supported yet"
#endif

_Static_assert(sizeof(VgFastCacheEntry) == VG_TT_FAST_ENTRY_SZB,
               "fast-cache entry size");
_Static_assert(__builtin_offsetof(VgFastCache, n_lookups)
               == VG_TT_FAST_OFFB_N_LOOKUPS, "fast-cache counter offset");
_Static_assert(__builtin_offsetof(VgFastCache, n_misses)
               == VG_TT_FAST_OFFB_N_MISSES, "fast-cache counter offset");

/* ------------------------------------------------------------------ */
/* Data structures                                                      */

/* A translation's name: sector << TTREF_SHIFT | index. */
typedef UInt TTRef;
#define TTREF_SHIFT 24
#define TTREF_IX_MASK ((1U << TTREF_SHIFT) - 1)

typedef struct {
   TTRef other;      /* the other end of the link */
   UInt  site_off;   /* the patch site's offset in the source's code */
   Bool  to_fastEP;
} TTEdge;

typedef struct {
   TTEdge* arr;
   UInt    n;
   UInt    cap;
} EdgeList;

typedef enum { TTE_Empty = 0, TTE_InUse, TTE_Deleted } TTEStatus;

typedef struct {
   Addr     guest;        /* entry address */
   Addr     host;         /* host code: the slow entry point */
   UInt     host_len;
   UChar    status;       /* TTEStatus */
   Bool     self_checking;
   VexGuestExtents vge;
   ULong    prof_count;  /* runs, when made with a profile increment */
   EdgeList in;          /* exits of other translations jumping here */
   EdgeList out;         /* exits of this one that are chained */
} TTEntry;

#define ECLASS_SHIFT 12
#define ECLASS_N     256
#define ECLASS_MISC  ECLASS_N

typedef struct {
   UInt* ix;
   UInt  n;
   UInt  cap;
} IxList;

typedef struct {
   TTEntry* tt;          /* NULL: never used */
   UChar*   tc;
   SizeT    tc_used;
   UInt     n_used;      /* entries taken this life (InUse + Deleted) */
   UInt     n_live;      /* InUse */
   UInt*    host_order;  /* n_used entry indices, in code order */
   IxList   ec[ECLASS_N + 1];
   Addr     guest_lo;    /* bounds of every guest byte added this life */
   Addr     guest_hi;    /* (inclusive; lo > hi when none) */
} Sector;

static VgMutex tt_lock = VG_MUTEX_INIT;

static Bool     tt_initialised = False;
static VgTTParams params;
static UInt     tte_mask;            /* n_ttes_per_sector - 1 */
static UInt     max_fill;            /* entries a sector may take */
static Sector   sectors[VG_TT_MAX_SECTORS];
static Int      cur_sector = -1;     /* the one being filled */
/* Sector numbers, most recently started first (n_search_order of them:
   the sectors ever used). */
static Int      search_order[VG_TT_MAX_SECTORS];
static Int      n_search_order = 0;
static Int      evcheck_szB;

static ULong    tt_epoch = 1;
static VgTTStats stats;

/* The counts of discarded translations (see above). */
static VgSBCount* retired = NULL;
static UInt       retired_cap = 0;   /* a power of two, or 0 */
static UInt       retired_used = 0;

static VgFastCache* fast_caches[VG_N_THREADS];

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */

static TTRef mk_ref(Int sno, UInt ix)
{
   return ((UInt)sno << TTREF_SHIFT) | ix;
}

static TTEntry* ref_tte(TTRef r)
{
   Int sno = (Int)(r >> TTREF_SHIFT);
   vg_assert(sno >= 0 && sno < params.n_sectors);
   vg_assert(sectors[sno].tt != NULL);
   return &sectors[sno].tt[r & TTREF_IX_MASK];
}

static UInt hash_addr(Addr ga, UInt mask)
{
   ULong h = (ULong)ga * 0x9E3779B97F4A7C15ULL;
   return (UInt)(h >> 40) & mask;
}

static UInt hash_guest(Addr ga)
{
   return hash_addr(ga, tte_mask);
}

static Addr range_last(Addr start, ULong len)
{
   /* len >= 1; a range running off the top ends there. */
   if (len - 1 > ~(ULong)0 - start)
      return ~(Addr)0;
   return start + (Addr)(len - 1);
}

/* An extent's last byte.  An empty extent (a superblock that is nothing
   but an undecodable instruction) still stands for the byte at its base,
   so that code written there later discards it. */
static Addr extent_last(const VexGuestExtents* vge, Int i)
{
   UInt len = vge->len[i] == 0 ? 1 : vge->len[i];
   return range_last((Addr)vge->base[i], len);
}

static Bool overlaps(const VexGuestExtents* vge, Addr start, Addr last)
{
   for (Int i = 0; i < vge->n_used; i++) {
      if ((Addr)vge->base[i] <= last && start <= extent_last(vge, i))
         return True;
   }
   return False;
}

static UInt eclass_of(const VexGuestExtents* vge)
{
   UInt cls = ECLASS_MISC;
   for (Int i = 0; i < vge->n_used; i++) {
      Addr lo = (Addr)vge->base[i] >> ECLASS_SHIFT;
      Addr hi = extent_last(vge, i) >> ECLASS_SHIFT;
      if (lo != hi)
         return ECLASS_MISC;
      UInt c = (UInt)(lo & (ECLASS_N - 1));
      if (cls == ECLASS_MISC)
         cls = c;
      else if (cls != c)
         return ECLASS_MISC;
   }
   return cls;
}

static void* aux_realloc(void* p, SizeT szB)
{
   return VG_(arena_realloc)(VG_AR_TTAUX, "transtab.aux", p, szB);
}

static void ixlist_add(IxList* l, UInt ix)
{
   if (l->n == l->cap) {
      l->cap = l->cap == 0 ? 8 : 2 * l->cap;
      l->ix  = aux_realloc(l->ix, l->cap * sizeof(UInt));
   }
   l->ix[l->n++] = ix;
}

static void edge_add(EdgeList* l, TTRef other, UInt site_off, Bool fast)
{
   if (l->n == l->cap) {
      l->cap = l->cap == 0 ? 2 : 2 * l->cap;
      l->arr = aux_realloc(l->arr, l->cap * sizeof(TTEdge));
   }
   l->arr[l->n].other     = other;
   l->arr[l->n].site_off  = site_off;
   l->arr[l->n].to_fastEP = fast;
   l->n++;
}

/* Removes the link to/from OTHER at SITE_OFF; returns whether it was
   there. */
static Bool edge_remove(EdgeList* l, TTRef other, UInt site_off)
{
   for (UInt i = 0; i < l->n; i++) {
      if (l->arr[i].other == other && l->arr[i].site_off == site_off) {
         l->arr[i] = l->arr[l->n - 1];
         l->n--;
         return True;
      }
   }
   return False;
}

static void edge_free(EdgeList* l)
{
   if (l->arr != NULL)
      VG_(arena_free)(VG_AR_TTAUX, l->arr);
   l->arr = NULL;
   l->n = l->cap = 0;
}

static void* map_core_memory(SizeT szB, UInt prot, const HChar* what)
{
   SysRes sr = VG_(am_mmap_anon_float_valgrind_prot)(szB, prot);
   if (sr_isError(sr))
      VG_(out_of_memory_NORETURN)(what, szB);
   return (void*)sr_Res(sr);
}

static const void* chain_me_stub(Bool to_fastEP)
{
   return to_fastEP ? (const void*)VG_(disp_cp_chain_me_to_fastEP)
                    : (const void*)VG_(disp_cp_chain_me_to_slowEP);
}

/* Makes patched code visible to instruction fetch: nothing to do on
   x86 and amd64, whose instruction caches are coherent. */
static void invalidate_icache(VexInvalRange r)
{
   (void)r;
}

/* ------------------------------------------------------------------ */
/* The fast caches                                                      */

static void fast_cache_empty(VgFastCache* fc)
{
   Addr miss = (Addr)VG_(disp_cp_fastmiss);
   for (UInt i = 0; i < VG_TT_FAST_SIZE; i++) {
      fc->entry[i].guest = VG_TT_FAST_EMPTY_GUEST;
      fc->entry[i].host  = miss;
   }
}

static void flush_fast_caches_locked(void)
{
   for (ThreadId tid = 0; tid < VG_N_THREADS; tid++) {
      if (fast_caches[tid] != NULL)
         fast_cache_empty(fast_caches[tid]);
   }
   stats.n_fast_flushes++;
}

static UInt fast_index(Addr ga)
{
   return (UInt)((ga ^ (ga >> VG_TT_FAST_BITS)) & VG_TT_FAST_MASK);
}

static VgFastCache* fast_cache_locked(ThreadId tid)
{
   vg_assert(tid > 0 && tid < VG_N_THREADS);
   if (fast_caches[tid] == NULL) {
      VgFastCache* fc = map_core_memory(sizeof(VgFastCache),
                                        VKI_PROT_READ | VKI_PROT_WRITE,
                                        "transtab.fast_cache");
      fast_cache_empty(fc);
      fc->n_lookups = fc->n_misses = 0;
      fast_caches[tid] = fc;
   }
   return fast_caches[tid];
}

VgFastCache* VG_(tt_fast_cache)(ThreadId tid)
{
   VG_(mutex_lock)(&tt_lock);
   VgFastCache* fc = fast_cache_locked(tid);
   VG_(mutex_unlock)(&tt_lock);
   return fc;
}

void VG_(tt_flush_fast_caches)(void)
{
   VG_(mutex_lock)(&tt_lock);
   flush_fast_caches_locked();
   VG_(mutex_unlock)(&tt_lock);
}

/* ------------------------------------------------------------------ */
/* Counts of discarded translations                                     */

static VgSBCount* retired_slot(VgSBCount* table, UInt cap, Addr guest)
{
   UInt mask = cap - 1;
   UInt ix = hash_addr(guest, mask);
   while (table[ix].count != 0 && table[ix].guest != guest)
      ix = (ix + 1) & mask;
   return &table[ix];
}

static void retired_grow(void)
{
   UInt cap = retired_cap == 0 ? 1024 : 2 * retired_cap;
   VgSBCount* table = VG_(arena_calloc)(VG_AR_TTAUX, "transtab.retired",
                                        cap, sizeof(VgSBCount));
   for (UInt i = 0; i < retired_cap; i++) {
      if (retired[i].count != 0)
         *retired_slot(table, cap, retired[i].guest) = retired[i];
   }
   if (retired != NULL)
      VG_(arena_free)(VG_AR_TTAUX, retired);
   retired = table;
   retired_cap = cap;
}

static void retire_count(Addr guest, ULong count)
{
   if (4 * (retired_used + 1) > 3 * retired_cap)
      retired_grow();
   VgSBCount* slot = retired_slot(retired, retired_cap, guest);
   if (slot->count == 0) {
      slot->guest = guest;
      retired_used++;
   }
   slot->count += count;
}

static void retired_clear(void)
{
   if (retired != NULL)
      VG_(memset)(retired, 0, retired_cap * sizeof(VgSBCount));
   retired_used = 0;
}

/* ------------------------------------------------------------------ */
/* Set-up                                                               */

void VG_(tt_default_params)(VgTTParams* p, Int n_sectors,
                            UInt avg_translation_szB)
{
   p->n_sectors = n_sectors;
   p->n_ttes_per_sector = 1U << 16;
   if (avg_translation_szB < 64)
      avg_translation_szB = 64;
   p->tc_szB_per_sector = (SizeT)(p->n_ttes_per_sector / 4 * 3)
                          * avg_translation_szB;
   p->discard_notify = NULL;
}

void VG_(init_tt_tc)(const VgTTParams* p)
{
   vg_assert(p->n_sectors >= 1 && p->n_sectors <= VG_TT_MAX_SECTORS);
   vg_assert(p->n_ttes_per_sector >= 8
             && p->n_ttes_per_sector <= (1U << TTREF_SHIFT)
             && (p->n_ttes_per_sector & (p->n_ttes_per_sector - 1)) == 0);
   vg_assert(p->tc_szB_per_sector >= 1024);
   VG_(mutex_lock)(&tt_lock);
   params = *p;
   params.tc_szB_per_sector = VG_ROUNDUP(p->tc_szB_per_sector,
                                         VKI_PAGE_SIZE);
   tte_mask = p->n_ttes_per_sector - 1;
   max_fill = p->n_ttes_per_sector / 4 * 3;
   VG_(memset)(sectors, 0, sizeof sectors);
   cur_sector = -1;
   n_search_order = 0;
   evcheck_szB = LibVEX_evCheckSzB(VG_HOST_VEXARCH);
   VG_(memset)(&stats, 0, sizeof stats);
   retired_clear();
   __atomic_store_n(&tt_epoch, 1, __ATOMIC_RELEASE);
   for (ThreadId tid = 0; tid < VG_N_THREADS; tid++) {
      if (fast_caches[tid] != NULL)
         fast_cache_empty(fast_caches[tid]);
   }
   tt_initialised = True;
   VG_(mutex_unlock)(&tt_lock);
   VG_(debugLog)(2, "transtab", "%d sectors of %u entries and %lu bytes "
                 "of code\n", params.n_sectors, params.n_ttes_per_sector,
                 params.tc_szB_per_sector);
}

/* ------------------------------------------------------------------ */
/* Finding                                                              */

static Bool lookup_in_sector(Int sno, Addr guest, UInt* ix_out)
{
   const TTEntry* tt = sectors[sno].tt;
   UInt ix = hash_guest(guest);
   for (;;) {
      const TTEntry* t = &tt[ix];
      if (t->status == TTE_Empty)
         return False;
      if (t->status == TTE_InUse && t->guest == guest) {
         *ix_out = ix;
         return True;
      }
      ix = (ix + 1) & tte_mask;
   }
}

static Bool lookup_locked(Addr guest, TTRef* ref)
{
   for (Int k = 0; k < n_search_order; k++) {
      Int sno = search_order[k];
      UInt ix;
      if (sectors[sno].n_live > 0 && lookup_in_sector(sno, guest, &ix)) {
         *ref = mk_ref(sno, ix);
         return True;
      }
   }
   return False;
}

/* The live translation whose host code contains HADDR. */
static Bool find_by_host_locked(Addr haddr, TTRef* ref)
{
   for (Int sno = 0; sno < params.n_sectors; sno++) {
      const Sector* s = &sectors[sno];
      if (s->tt == NULL || s->n_used == 0 || haddr < (Addr)s->tc
          || haddr >= (Addr)s->tc + s->tc_used)
         continue;
      /* The last entry starting at or below HADDR. */
      UInt lo = 0, hi = s->n_used;
      while (hi - lo > 1) {
         UInt mid = lo + (hi - lo) / 2;
         if (s->tt[s->host_order[mid]].host <= haddr)
            lo = mid;
         else
            hi = mid;
      }
      const TTEntry* t = &s->tt[s->host_order[lo]];
      if (t->status == TTE_InUse && t->host <= haddr
          && haddr < t->host + t->host_len) {
         *ref = mk_ref(sno, s->host_order[lo]);
         return True;
      }
      return False;
   }
   return False;
}

Bool VG_(search_transtab)(Addr* host, Addr guest, ThreadId tid)
{
   VG_(mutex_lock)(&tt_lock);
   vg_assert(tt_initialised);
   stats.n_lookups++;
   TTRef ref;
   Bool found = lookup_locked(guest, &ref);
   if (found) {
      stats.n_lookup_hits++;
      *host = ref_tte(ref)->host;
      if (tid != VG_INVALID_THREADID) {
         VgFastCacheEntry* e = &fast_cache_locked(tid)->entry[fast_index(guest)];
         e->guest = guest;
         e->host  = *host;
      }
   }
   VG_(mutex_unlock)(&tt_lock);
   return found;
}

/* ------------------------------------------------------------------ */
/* Deleting                                                             */

static Addr site_addr(TTRef src, UInt site_off)
{
   return ref_tte(src)->host + site_off;
}

/* Deletes the live translation REF: unchains the exits jumping to it,
   forgets its own links, tells the tool. */
static void delete_tte(TTRef ref)
{
   TTEntry* t = ref_tte(ref);
   vg_assert(t->status == TTE_InUse);

   EdgeList in = t->in;
   t->in.arr = NULL;
   t->in.n = t->in.cap = 0;
   for (UInt i = 0; i < in.n; i++) {
      const TTEdge* e = &in.arr[i];
      Addr site = site_addr(e->other, e->site_off);
      Addr ep   = t->host + (e->to_fastEP ? (Addr)evcheck_szB : 0);
      VexInvalRange r = LibVEX_UnChain(VG_HOST_VEXARCH, (void*)site,
                                       (const void*)ep,
                                       chain_me_stub(e->to_fastEP));
      invalidate_icache(r);
      Bool had = edge_remove(&ref_tte(e->other)->out, ref, e->site_off);
      vg_assert(had);
      stats.n_unchained++;
      stats.n_links--;
   }
   edge_free(&in);

   /* Links to itself went with the incoming ones. */
   for (UInt i = 0; i < t->out.n; i++) {
      const TTEdge* e = &t->out.arr[i];
      vg_assert(e->other != ref);
      Bool had = edge_remove(&ref_tte(e->other)->in, ref, e->site_off);
      vg_assert(had);
      stats.n_links--;
   }
   edge_free(&t->out);

   if (t->prof_count != 0)
      retire_count(t->guest, t->prof_count);
   t->status = TTE_Deleted;
   Sector* s = &sectors[ref >> TTREF_SHIFT];
   s->n_live--;
   stats.n_live--;
   __atomic_store_n(&tt_epoch, tt_epoch + 1, __ATOMIC_RELEASE);
   if (params.discard_notify)
      params.discard_notify(t->guest, t->vge);
}

/* Empties sector SNO (discarding what is in it) and makes it the one
   being filled. */
static void start_sector(Int sno)
{
   Sector* s = &sectors[sno];
   if (s->tt == NULL) {
      s->tt = map_core_memory(params.n_ttes_per_sector * sizeof(TTEntry),
                              VKI_PROT_READ | VKI_PROT_WRITE,
                              "transtab.tt");
      s->host_order = map_core_memory(max_fill * sizeof(UInt),
                                      VKI_PROT_READ | VKI_PROT_WRITE,
                                      "transtab.host_order");
      s->tc = map_core_memory(params.tc_szB_per_sector,
                              VKI_PROT_READ | VKI_PROT_WRITE
                              | VKI_PROT_EXEC, "transtab.tc");
      stats.n_sectors_used++;
   } else if (s->n_used > 0) {
      UInt n = 0;
      for (UInt k = 0; k < s->n_used; k++) {
         UInt ix = s->host_order[k];
         if (s->tt[ix].status == TTE_InUse) {
            delete_tte(mk_ref(sno, ix));
            n++;
         }
      }
      stats.n_recycled += n;
      stats.n_sectors_recycled++;
      if (n > 0)
         flush_fast_caches_locked();
      VG_(debugLog)(1, "transtab", "recycled sector %d: %u translations "
                    "discarded\n", sno, n);
      VG_(memset)(s->tt, 0, params.n_ttes_per_sector * sizeof(TTEntry));
   }
   vg_assert(s->n_live == 0);
   s->n_used  = 0;
   s->tc_used = 0;
   for (UInt c = 0; c <= ECLASS_N; c++)
      s->ec[c].n = 0;
   s->guest_lo = ~(Addr)0;
   s->guest_hi = 0;

   /* Newest first in the search order. */
   Int k = 0;
   while (k < n_search_order && search_order[k] != sno)
      k++;
   if (k == n_search_order)
      n_search_order++;
   for (; k > 0; k--)
      search_order[k] = search_order[k - 1];
   search_order[0] = sno;
   cur_sector = sno;
}

static Bool sector_has_room(Int sno, SizeT code_szB)
{
   if (sno < 0)
      return False;   /* nothing used yet */
   const Sector* s = &sectors[sno];
   return s->tt != NULL && s->n_used < max_fill
          && s->tc_used + code_szB <= params.tc_szB_per_sector;
}

/* ------------------------------------------------------------------ */
/* Adding                                                               */

Bool VG_(tt_insertion_recycles)(UInt code_len)
{
   VG_(mutex_lock)(&tt_lock);
   SizeT szB = VG_ROUNDUP(code_len, 8);
   Bool recycles = False;
   if (!sector_has_room(cur_sector, szB)) {
      Int next = (cur_sector + 1) % params.n_sectors;
      recycles = sectors[next].tt != NULL && sectors[next].n_live > 0;
   }
   VG_(mutex_unlock)(&tt_lock);
   return recycles;
}

Addr VG_(add_to_transtab)(const VexGuestExtents* vge, Addr entry,
                          const UChar* code, UInt code_len,
                          Bool is_self_checking, Int offs_profInc)
{
   vg_assert(vge->n_used >= 1 && vge->n_used <= 3);
   vg_assert(code_len > 0);
   vg_assert(offs_profInc < (Int)code_len);
   vg_assert(VG_IS_ALIGNED(code, 8));
   SizeT szB = VG_ROUNDUP(code_len, 8);

   VG_(mutex_lock)(&tt_lock);
   vg_assert(tt_initialised);
   vg_assert(szB <= params.tc_szB_per_sector);

   TTRef ref;
   if (lookup_locked(entry, &ref)) {
      stats.n_duplicates++;
      Addr host = ref_tte(ref)->host;
      VG_(mutex_unlock)(&tt_lock);
      return host;
   }

   if (!sector_has_room(cur_sector, szB))
      start_sector((cur_sector + 1) % params.n_sectors);
   Int     sno = cur_sector;
   Sector* s   = &sectors[sno];
   vg_assert(sector_has_room(sno, szB));

   /* The code first: nobody can find it before the entry is filled. */
   UChar* host = s->tc + s->tc_used;
   VG_(memcpy)(host, code, code_len);
   s->tc_used += szB;

   UInt ix = hash_guest(entry);
   while (s->tt[ix].status != TTE_Empty)
      ix = (ix + 1) & tte_mask;
   TTEntry* t = &s->tt[ix];
   VG_(memset)(t, 0, sizeof *t);
   t->guest         = entry;
   t->host          = (Addr)host;
   t->host_len      = code_len;
   t->self_checking = is_self_checking;
   t->vge           = *vge;
   t->status        = TTE_InUse;

   if (offs_profInc >= 0)
      invalidate_icache(LibVEX_PatchProfInc(VG_HOST_VEXARCH,
                                            host + offs_profInc,
                                            &t->prof_count));

   s->host_order[s->n_used++] = ix;
   s->n_live++;
   ixlist_add(&s->ec[eclass_of(vge)], ix);
   for (Int i = 0; i < vge->n_used; i++) {
      s->guest_lo = VG_MIN(s->guest_lo, (Addr)vge->base[i]);
      s->guest_hi = VG_MAX(s->guest_hi, extent_last(vge, i));
   }

   stats.n_added++;
   stats.n_added_szB += code_len;
   for (Int i = 0; i < vge->n_used; i++)
      stats.n_added_guest_szB += vge->len[i];
   if (is_self_checking)
      stats.n_self_checking++;
   stats.n_live++;
   VG_(mutex_unlock)(&tt_lock);
   return (Addr)host;
}

/* ------------------------------------------------------------------ */
/* Chaining                                                             */

ULong VG_(tt_epoch)(void)
{
   return __atomic_load_n(&tt_epoch, __ATOMIC_ACQUIRE);
}

Bool VG_(tt_chain)(Addr site, Bool to_fastEP, Addr dest_guest, ULong epoch)
{
   VG_(mutex_lock)(&tt_lock);
   vg_assert(tt_initialised);
   if (epoch != tt_epoch) {
      stats.n_chain_stale++;
      VG_(mutex_unlock)(&tt_lock);
      return False;
   }
   TTRef src, dst;
   if (!find_by_host_locked(site, &src) || !lookup_locked(dest_guest, &dst)) {
      VG_(mutex_unlock)(&tt_lock);
      return False;
   }
   TTEntry* s = ref_tte(src);
   TTEntry* d = ref_tte(dst);
   vg_assert(site + 24 <= s->host + s->host_len);
   Addr ep = d->host + (to_fastEP ? (Addr)evcheck_szB : 0);
   VexInvalRange r = LibVEX_Chain(VG_HOST_VEXARCH, (void*)site,
                                  chain_me_stub(to_fastEP), (const void*)ep);
   invalidate_icache(r);
   if (r.len > 0) {
      UInt off = (UInt)(site - s->host);
      edge_add(&s->out, dst, off, to_fastEP);
      edge_add(&d->in, src, off, to_fastEP);
      stats.n_chained++;
      stats.n_links++;
   }
   VG_(mutex_unlock)(&tt_lock);
   return True;
}

/* ------------------------------------------------------------------ */
/* Discarding                                                           */

static UInt discard_in_list(Int sno, const IxList* l, Addr start, Addr last)
{
   UInt n = 0;
   Sector* s = &sectors[sno];
   for (UInt k = 0; k < l->n; k++) {
      TTEntry* t = &s->tt[l->ix[k]];
      if (t->status == TTE_InUse && overlaps(&t->vge, start, last)) {
         delete_tte(mk_ref(sno, l->ix[k]));
         n++;
      }
   }
   return n;
}

void VG_(discard_translations)(Addr start, ULong len, const HChar* who)
{
   if (len == 0)
      return;
   Addr last = range_last(start, len);
   Addr first_chunk = start >> ECLASS_SHIFT;
   Addr last_chunk  = last >> ECLASS_SHIFT;
   Bool all_classes = last_chunk - first_chunk >= ECLASS_N - 1;
   Bool wanted[ECLASS_N];
   if (!all_classes) {
      VG_(memset)(wanted, 0, sizeof wanted);
      for (Addr c = first_chunk; c <= last_chunk; c++)
         wanted[c & (ECLASS_N - 1)] = True;
   }

   VG_(mutex_lock)(&tt_lock);
   if (!tt_initialised) {
      VG_(mutex_unlock)(&tt_lock);
      return;
   }
   UInt n = 0;
   for (Int sno = 0; sno < params.n_sectors; sno++) {
      const Sector* s = &sectors[sno];
      if (s->tt == NULL || s->n_live == 0 || s->guest_lo > last
          || s->guest_hi < start)
         continue;
      for (UInt c = 0; c <= ECLASS_N; c++) {
         if (all_classes || c == ECLASS_MISC || wanted[c])
            n += discard_in_list(sno, &s->ec[c], start, last);
      }
   }
   stats.n_discarded += n;
   if (n > 0)
      flush_fast_caches_locked();
   VG_(mutex_unlock)(&tt_lock);
   VG_(debugLog)(2, "transtab", "discard_translations(0x%lx, %llu) by %s: "
                 "%u discarded\n", start, len, who, n);
}

/* ------------------------------------------------------------------ */
/* Statistics and checks                                                */

void VG_(tt_get_stats)(VgTTStats* out)
{
   VG_(mutex_lock)(&tt_lock);
   *out = stats;
   VG_(mutex_unlock)(&tt_lock);
}

void VG_(tt_fast_cache_counts)(ULong* n_lookups, ULong* n_misses)
{
   *n_lookups = *n_misses = 0;
   for (ThreadId tid = 0; tid < VG_N_THREADS; tid++) {
      const VgFastCache* fc = fast_caches[tid];
      if (fc != NULL) {
         *n_lookups += __atomic_load_n(&fc->n_lookups, __ATOMIC_RELAXED);
         *n_misses  += __atomic_load_n(&fc->n_misses, __ATOMIC_RELAXED);
      }
   }
}

/* Tenths of NUM / DEN, for a ratio printed "%llu.%llu". */
static ULong tenths(ULong num, ULong den)
{
   return den == 0 ? 0 : num * 10 / den;
}

void VG_(print_tt_tc_stats)(void)
{
   VgTTStats st;
   VG_(tt_get_stats)(&st);
   ULong fc_lookups, fc_misses;
   VG_(tt_fast_cache_counts)(&fc_lookups, &fc_misses);
   ULong ratio = tenths(st.n_added_szB, st.n_added_guest_szB);
   VG_(dmsg)(" transtab: new        %'llu (%'llu guest -> %'llu host "
             "bytes; ratio %llu.%llu) [%'llu self-checking]\n",
             st.n_added, st.n_added_guest_szB, st.n_added_szB,
             ratio / 10, ratio % 10, st.n_self_checking);
   VG_(dmsg)(" transtab: discarded  %'llu by range, %'llu by recycling "
             "(%'llu sectors recycled)\n", st.n_discarded, st.n_recycled,
             st.n_sectors_recycled);
   VG_(dmsg)(" transtab: sectors    %d used, %'u translations live\n",
             st.n_sectors_used, st.n_live);
   VG_(dmsg)(" transtab: chained    %'llu, refused %'llu (stale), "
             "unchained %'llu, %'u links now\n", st.n_chained,
             st.n_chain_stale, st.n_unchained, st.n_links);
   VG_(dmsg)(" transtab: lookups    %'llu (%'llu found), %'llu "
             "duplicates, %'llu fast-cache flushes\n", st.n_lookups,
             st.n_lookup_hits, st.n_duplicates, st.n_fast_flushes);
   VG_(dmsg)("fast cache: %'llu indirect jumps looked up, %'llu hits, "
             "%'llu misses\n", fc_lookups, fc_lookups - fc_misses,
             fc_misses);
}

void VG_(tt_get_profile)(XArray* out, Bool reset)
{
   VG_(mutex_lock)(&tt_lock);
   for (Int sno = 0; sno < params.n_sectors; sno++) {
      Sector* s = &sectors[sno];
      if (s->tt == NULL)
         continue;
      for (UInt k = 0; k < s->n_used; k++) {
         TTEntry* t = &s->tt[s->host_order[k]];
         if (t->status != TTE_InUse || t->prof_count == 0)
            continue;
         VgSBCount c = { t->guest, t->prof_count };
         VG_(addToXA)(out, &c);
         if (reset)
            t->prof_count = 0;
      }
   }
   for (UInt i = 0; i < retired_cap; i++) {
      if (retired[i].count != 0)
         VG_(addToXA)(out, &retired[i]);
   }
   if (reset)
      retired_clear();
   VG_(mutex_unlock)(&tt_lock);
}

static Bool sane_fail(const HChar* what, Int sno, UInt ix)
{
   VG_(debugLog)(0, "transtab", "sanity check failed: %s (sector %d, "
                 "entry %u)\n", what, sno, ix);
   return False;
}

/* Whether the 8 bytes at SITE are a chained jump (not the chain-me
   call's first bytes, 49 BB). */
static Bool site_is_chained(Addr site)
{
   const UChar* p = (const UChar*)site;
   return !(p[0] == 0x49 && p[1] == 0xBB);
}

static Bool has_edge(const EdgeList* l, TTRef other, UInt site_off,
                     Bool fast)
{
   for (UInt i = 0; i < l->n; i++) {
      if (l->arr[i].other == other && l->arr[i].site_off == site_off
          && l->arr[i].to_fastEP == fast)
         return True;
   }
   return False;
}

static Bool sane_tte(Int sno, UInt ix, UInt* n_links)
{
   const TTEntry* t = &sectors[sno].tt[ix];
   TTRef me = mk_ref(sno, ix);
   UInt found;
   if (!lookup_in_sector(sno, t->guest, &found) || found != ix)
      return sane_fail("entry not found by its guest address", sno, ix);
   if (!VG_IS_ALIGNED(t->host, 8))
      return sane_fail("host code not 8-aligned", sno, ix);
   for (UInt i = 0; i < t->out.n; i++) {
      const TTEdge* e = &t->out.arr[i];
      const TTEntry* d = ref_tte(e->other);
      if (d->status != TTE_InUse)
         return sane_fail("link to a dead translation", sno, ix);
      if (!has_edge(&d->in, me, e->site_off, e->to_fastEP))
         return sane_fail("outgoing link not recorded at its target",
                          sno, ix);
      if (e->site_off + 24 > t->host_len
          || !site_is_chained(t->host + e->site_off))
         return sane_fail("linked exit not patched", sno, ix);
      (*n_links)++;
   }
   for (UInt i = 0; i < t->in.n; i++) {
      const TTEdge* e = &t->in.arr[i];
      const TTEntry* src = ref_tte(e->other);
      if (src->status != TTE_InUse)
         return sane_fail("link from a dead translation", sno, ix);
      if (!has_edge(&src->out, me, e->site_off, e->to_fastEP))
         return sane_fail("incoming link not recorded at its source",
                          sno, ix);
   }
   return True;
}

Bool VG_(sanity_check_tt_tc)(void)
{
   Bool ok = True;
   VG_(mutex_lock)(&tt_lock);
   UInt n_live_all = 0, n_links = 0;
   for (Int sno = 0; sno < params.n_sectors && ok; sno++) {
      const Sector* s = &sectors[sno];
      if (s->tt == NULL)
         continue;
      UInt n_live = 0, n_used = 0;
      for (UInt ix = 0; ix <= tte_mask && ok; ix++) {
         UChar st = s->tt[ix].status;
         if (st != TTE_Empty)
            n_used++;
         if (st == TTE_InUse) {
            n_live++;
            ok = sane_tte(sno, ix, &n_links);
         }
      }
      if (ok && (n_live != s->n_live || n_used != s->n_used))
         ok = sane_fail("entry counts wrong", sno, 0);
      for (UInt k = 1; k < s->n_used && ok; k++) {
         if (s->tt[s->host_order[k - 1]].host
             >= s->tt[s->host_order[k]].host)
            ok = sane_fail("host order wrong", sno, s->host_order[k]);
      }
      n_live_all += n_live;
   }
   if (ok && (n_live_all != stats.n_live || n_links != stats.n_links))
      ok = sane_fail("total counts wrong", -1, 0);
   for (ThreadId tid = 0; tid < VG_N_THREADS && ok; tid++) {
      const VgFastCache* fc = fast_caches[tid];
      if (fc == NULL)
         continue;
      for (UInt i = 0; i < VG_TT_FAST_SIZE && ok; i++) {
         const VgFastCacheEntry* e = &fc->entry[i];
         TTRef ref;
         if (e->guest == VG_TT_FAST_EMPTY_GUEST) {
            if (e->host != (Addr)VG_(disp_cp_fastmiss))
               ok = sane_fail("empty fast-cache entry wrong", -1, i);
         } else if (fast_index(e->guest) != i
                    || !lookup_locked(e->guest, &ref)
                    || ref_tte(ref)->host != e->host) {
            ok = sane_fail("stale fast-cache entry", -1, i);
         }
      }
   }
   VG_(mutex_unlock)(&tt_lock);
   return ok;
}
