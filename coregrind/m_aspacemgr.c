/* The address-space manager: a map of every mapping of the process, the
   client's and the core's, and the placement of new ones (module
   m_aspacemgr).  Valgrind's m_aspacemgr is the model for the concepts;
   the interface is described in pub_core_aspacemgr.h and
   pub_tool_aspacemgr.h.

   The map
   -------
   nsegments[0 .. nsegments_used-1] covers the address space from 0 to
   the highest address in order, without gaps or overlaps; free space is
   a segment too (SkFree).  After every change adjacent segments that
   describe the same kind of thing are merged (preen), so the map is
   normalised: two neighbours are never mergeable.  Changing part of a
   segment splits it first.  Lookups are binary searches.

   The layout (decided by VG_(am_startup))
   ----------
   64-bit (amd64, arm64):
     0 .. minAddr-1             reserved (below mmap_min_addr, and a
                                margin against null-pointer arithmetic)
     minAddr = 1 MiB            cStart: client floating placement starts
                                here and goes up (the client's
                                executable, when not PIE, is at its fixed
                                address, usually 4 MiB; the core's own
                                executable at 0x58000000 is a SkFileV
                                island in the client's space)
     vStart - 1 = 64 GiB - 1    the suggested client stack top: the
                                client stack grows down from the bottom
                                of the core's space
     vStart = 64 GiB            the core's floating placement starts here
     maxAddr = 128 GiB - 1      end of the preferred floating space
     maxAddr+1 .. userTop       free: taken by fixed and hinted client
                                mappings, and by floating ones of either
                                side only when their own space is full;
                                the kernel put the core's stack, vdso
                                and vvar near the top
     userTop+1 .. ~0            reserved (kernel space; [vsyscall])
   Keeping the client's floating mappings below 128 GiB (as Valgrind
   does, which chose 64 then 128 GiB) lets a tool shadow them with a
   fast two-level table later; 64 GiB each is ample for both sides.
   32-bit (x86): maxAddr is just below the initial stack pointer, vStart
   half-way between minAddr and maxAddr.

   Mappings made behind the manager's back make the map wrong;
   VG_(am_do_sync_check) compares it with /proc/self/maps.

   Locking: see pub_core_aspacemgr.h.  The exported functions take the
   internal lock and call the static workers (*_wrk and the segment
   primitives), which never take it; nothing under the lock allocates
   or calls back into the rest of the core except printing. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_mallocfree.h"   /* VG_(clo_sanity_level) */
#include "pub_core_aspacemgr.h"
#include "pub_core_lock.h"

/* ------------------------------------------------------------------ */
/* Per-architecture layout constants                                    */

#define AM_PAGE VKI_PAGE_SIZE

#define Addr_MIN ((Addr)0)
#define Addr_MAX ((Addr)~0UL)

/* The lowest address of floating placement, unless the kernel's
   mmap_min_addr is higher. */
#define AM_MIN_ADDR_DEFAULT ((Addr)0x100000)

#if defined(VGA_amd64) || defined(VGA_arm64)
#  define AM_WORD_BITS 64
#  define AM_VSTART_64  ((Addr)0x1000000000ULL)       /* 64 GiB */
#  define AM_MAXADDR_64 ((Addr)0x2000000000ULL - 1)   /* 128 GiB - 1 */
#elif defined(VGA_x86)
#  define AM_WORD_BITS 32
#else
#  error "m_aspacemgr: unknown architecture"
#endif

/* x86 has no six-argument mmap; its mmap2 counts the offset in pages. */
#if defined(VGA_x86)
#  define SYSNO_MMAP __NR_mmap2
#  define MMAP_OFFSET_ARG(off) ((UWord)((ULong)(off) >> 12))
#else
#  define SYSNO_MMAP __NR_mmap
#  define MMAP_OFFSET_ARG(off) ((UWord)(off))
#endif

/* The client stack area VG_(am_startup) looks for below vStart. */
#define AM_CLSTACK_AREA ((SizeT)16 * 1024 * 1024)

/* The most of its growth area the core's own stack gets reserved. */
#define AM_CORE_STACK_RESVN_MAX ((SizeT)64 * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* State                                                                */

#define VG_N_SEGMENTS 20000

static NSegment nsegments[VG_N_SEGMENTS];
static Int      nsegments_used = 0;
static Bool     am_initialised = False;

static Addr aspacem_minAddr = 0;
static Addr aspacem_maxAddr = 0;
static Addr aspacem_cStart  = 0;
static Addr aspacem_vStart  = 0;
static Addr aspacem_userTop = 0;
static Addr suggested_clstack_end = 0;

/* ------------------------------------------------------------------ */
/* The internal lock (m_lock's futex mutex).  A leaf lock: see the top
   of the file. */

static VgMutex am_mutex = VG_MUTEX_INIT;

static void am_lock(void)
{
   VG_(mutex_lock)(&am_mutex);
}

static void am_unlock(void)
{
   VG_(mutex_unlock)(&am_mutex);
}

/* ------------------------------------------------------------------ */
/* Raw system calls                                                     */

static SysRes do_mmap(Addr a, SizeT len, UInt prot, UInt flags, Int fd,
                      Off64T offset)
{
   return VG_(do_syscall6)(SYSNO_MMAP, a, len, prot, flags, (UWord)fd,
                           MMAP_OFFSET_ARG(offset));
}

static SysRes do_munmap(Addr a, SizeT len)
{
   return VG_(do_syscall2)(__NR_munmap, a, len);
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */

static Bool is_page_aligned(Addr a)
{
   return VG_IS_ALIGNED(a, AM_PAGE);
}

static SizeT page_roundup(SizeT n)
{
   return VG_ROUNDUP(n, AM_PAGE);
}

static Bool is_mapped_kind(SegKind k)
{
   return k == SkAnonC || k == SkFileC || k == SkShmC
          || k == SkAnonV || k == SkFileV;
}

static Bool is_client_kind(SegKind k)
{
   return k == SkAnonC || k == SkFileC || k == SkShmC;
}

static Bool is_core_kind(SegKind k)
{
   return k == SkAnonV || k == SkFileV;
}

static Bool is_file_kind(SegKind k)
{
   return k == SkFileC || k == SkFileV;
}

/* Whether the segment is (part of) the core's: its mappings and its
   reservations. */
static Bool seg_is_core(const NSegment* s)
{
   return is_core_kind(s->kind) || (s->kind == SkResvn && s->isCoreResvn);
}

static SizeT seg_size(const NSegment* s)
{
   return s->end - s->start + 1;
}

static UInt seg_prot(const NSegment* s)
{
   return (s->hasR ? VKI_PROT_READ : 0) | (s->hasW ? VKI_PROT_WRITE : 0)
          | (s->hasX ? VKI_PROT_EXEC : 0);
}

static void set_prot(NSegment* s, UInt prot)
{
   s->hasR = (prot & VKI_PROT_READ) != 0;
   s->hasW = (prot & VKI_PROT_WRITE) != 0;
   s->hasX = (prot & VKI_PROT_EXEC) != 0;
}

static void init_nsegment(NSegment* s, SegKind kind, Addr start, Addr end)
{
   VG_(memset)(s, 0, sizeof *s);
   s->kind  = kind;
   s->start = start;
   s->end   = end;
   s->smode = SmFixed;
   s->fnIdx = -1;
}

/* Whether [START, START+LEN) is a non-empty range that does not wrap;
   sets *END to its last byte. */
static Bool range_ok(Addr start, SizeT len, Addr* end)
{
   if (len == 0)
      return False;
   Addr e = start + (len - 1);
   if (e < start)
      return False;
   *end = e;
   return True;
}

static const HChar* kind_name(SegKind k)
{
   switch (k) {
      case SkFree:  return "free";
      case SkAnonC: return "anonC";
      case SkFileC: return "fileC";
      case SkShmC:  return "shmC";
      case SkAnonV: return "anonV";
      case SkFileV: return "fileV";
      case SkResvn: return "resvn";
   }
   return "?";
}

/* ------------------------------------------------------------------ */
/* The name table                                                       */

/* Names of mapped files (and the kernel's labels of anonymous areas)
   live in a pool of entries: a header word (the entry's size in bytes,
   a multiple of 4, with AM_NAME_FREE set when unused) followed by the
   NUL-terminated string.  A segment's fnIdx is the offset of its entry.
   Equal names share an entry.  Entries are never moved, so a name's
   address is stable while a segment refers to it; when the pool is full,
   the entries no segment refers to are freed (a mark-and-sweep over the
   map) and reused. */
#define AM_NAMES_SZB  (256 * 1024)
#define AM_NAME_FREE  0x80000000u
#define AM_NAME_HDR   4

static UInt  am_names_w[AM_NAMES_SZB / 4];
static Int   am_names_used = 0;     /* bytes of the pool handed out */
static Bool  am_names_full_warned = False;

static HChar* name_pool(void)
{
   return (HChar*)am_names_w;
}

static UInt* name_hdr(Int idx)
{
   return &am_names_w[idx / 4];
}

static const HChar* name_str(Int idx)
{
   return name_pool() + idx + AM_NAME_HDR;
}

static UInt name_entry_size(Int idx)
{
   return *name_hdr(idx) & ~AM_NAME_FREE;
}

static Bool name_is_live(Int idx)
{
   return (*name_hdr(idx) & AM_NAME_FREE) == 0;
}

static Bool valid_name_idx(Int idx)
{
   if (idx < 0 || idx >= am_names_used || idx % 4 != 0)
      return False;
   for (Int i = 0; i < am_names_used; i += (Int)name_entry_size(i))
      if (i == idx)
         return name_is_live(i);
   return False;
}

/* Frees the entries no segment refers to and merges adjacent free
   ones; a free tail is given back to the pool. */
static void gc_names(void)
{
   for (Int i = 0; i < am_names_used; i += (Int)name_entry_size(i))
      *name_hdr(i) |= AM_NAME_FREE;
   for (Int s = 0; s < nsegments_used; s++)
      if (nsegments[s].fnIdx >= 0)
         *name_hdr(nsegments[s].fnIdx) &= ~AM_NAME_FREE;
   Int last_live_end = 0;
   for (Int i = 0; i < am_names_used; ) {
      UInt size = name_entry_size(i);
      if (name_is_live(i)) {
         last_live_end = i + (Int)size;
         i += (Int)size;
         continue;
      }
      Int j = i + (Int)size;
      while (j < am_names_used && !name_is_live(j))
         j += (Int)name_entry_size(j);
      *name_hdr(i) = (UInt)(j - i) | AM_NAME_FREE;
      i = j;
   }
   am_names_used = last_live_end;
}

static Int find_or_alloc_name(const HChar* name, Bool gc_allowed)
{
   SizeT len = VG_(strlen)(name) + 1;
   UInt need = (UInt)VG_ROUNDUP(AM_NAME_HDR + len, 4);
   Int fit = -1;
   for (Int i = 0; i < am_names_used; i += (Int)name_entry_size(i)) {
      if (name_is_live(i)) {
         if (VG_(strcmp)(name_str(i), name) == 0)
            return i;
      } else if (fit < 0 && name_entry_size(i) >= need) {
         fit = i;
      }
   }
   if (fit >= 0) {
      UInt size = name_entry_size(fit);
      if (size - need >= AM_NAME_HDR + 4) {
         *name_hdr(fit + (Int)need) = (size - need) | AM_NAME_FREE;
         size = need;
      }
      *name_hdr(fit) = size;
      VG_(memcpy)(name_pool() + fit + AM_NAME_HDR, name, len);
      return fit;
   }
   if ((SizeT)am_names_used + need <= AM_NAMES_SZB) {
      Int idx = am_names_used;
      *name_hdr(idx) = need;
      VG_(memcpy)(name_pool() + idx + AM_NAME_HDR, name, len);
      am_names_used += (Int)need;
      return idx;
   }
   if (gc_allowed) {
      gc_names();
      return find_or_alloc_name(name, False);
   }
   if (!am_names_full_warned) {
      am_names_full_warned = True;
      VG_(debugLog)(0, "aspacem", "warning: the table of mapped file names "
                    "is full; further names are not recorded\n");
   }
   return -1;
}

/* The index of NAME in the table (added if new), or -1 for NULL, an
   empty name or a full table. */
static Int allocate_name(const HChar* name)
{
   if (name == NULL || name[0] == '\0')
      return -1;
   return find_or_alloc_name(name, True);
}

/* ------------------------------------------------------------------ */
/* Segment array primitives (lock held)                                 */

/* The index of the segment containing A. */
static Int find_idx(Addr a)
{
   Int lo = 0, hi = nsegments_used - 1;
   while (lo <= hi) {
      Int mid = lo + (hi - lo) / 2;
      if (a < nsegments[mid].start)
         hi = mid - 1;
      else if (a > nsegments[mid].end)
         lo = mid + 1;
      else
         return mid;
   }
   VG_(core_panic)("aspacem: find_idx: the segment map has a hole");
}

static void too_many_segments(void) NORETURN;
static void too_many_segments(void)
{
   VG_(debugLog)(0, "aspacem", "the segment map is full (%d segments); "
                 "raise VG_N_SEGMENTS in m_aspacemgr.c and rebuild\n",
                 VG_N_SEGMENTS);
   VG_(core_panic)("aspacem: too many segments");
}

/* Makes a segment start at A (if A is 0 or already a start, nothing
   changes); returns its index. */
static Int split_at(Addr a)
{
   Int i = find_idx(a);
   if (nsegments[i].start == a)
      return i;
   if (nsegments_used >= VG_N_SEGMENTS)
      too_many_segments();
   VG_(memmove)(&nsegments[i + 2], &nsegments[i + 1],
                (SizeT)(nsegments_used - i - 1) * sizeof(NSegment));
   nsegments_used++;
   nsegments[i + 1] = nsegments[i];
   nsegments[i].end = a - 1;
   nsegments[i + 1].start = a;
   if (is_file_kind(nsegments[i + 1].kind))
      nsegments[i + 1].offset += (Off64T)(a - nsegments[i].start);
   return i + 1;
}

/* Makes [START, END] a run of whole segments; returns the indices of the
   first and last in *ILO and *IHI. */
static void split_range(Addr start, Addr end, Int* iLo, Int* iHi)
{
   split_at(start);
   if (end != Addr_MAX)
      split_at(end + 1);
   *iLo = find_idx(start);
   *iHi = find_idx(end);
}

/* Whether S2, directly after S1, can be merged into it. */
static Bool mergeable(const NSegment* s1, const NSegment* s2)
{
   if (s1->kind != s2->kind)
      return False;
   switch (s1->kind) {
      case SkFree:
         return True;
      case SkResvn:
         return s1->smode == SmFixed && s2->smode == SmFixed
                && s1->isCoreResvn == s2->isCoreResvn;
      case SkShmC:
         return False;
      case SkAnonC:
      case SkAnonV:
         return s1->hasR == s2->hasR && s1->hasW == s2->hasW
                && s1->hasX == s2->hasX && s1->isCH == s2->isCH
                && s1->fnIdx == s2->fnIdx;
      case SkFileC:
      case SkFileV:
         return s1->hasR == s2->hasR && s1->hasW == s2->hasW
                && s1->hasX == s2->hasX && s1->fnIdx == s2->fnIdx
                && s1->dev == s2->dev && s1->ino == s2->ino
                && s2->offset == s1->offset + (Off64T)seg_size(s1);
   }
   return False;
}

/* Merges all mergeable neighbours. */
static void preen(void)
{
   Int w = 0;
   for (Int r = 1; r < nsegments_used; r++) {
      if (mergeable(&nsegments[w], &nsegments[r])) {
         nsegments[w].end = nsegments[r].end;
         nsegments[w].hasT = nsegments[w].hasT || nsegments[r].hasT;
      } else {
         w++;
         if (w != r)
            nsegments[w] = nsegments[r];
      }
   }
   nsegments_used = w + 1;
}

/* Replaces whatever the map says about [SEG->start, SEG->end] by SEG. */
static void add_segment(const NSegment* seg)
{
   vg_assert(seg->start <= seg->end);
   vg_assert(is_page_aligned(seg->start));
   vg_assert(seg->end == Addr_MAX || is_page_aligned(seg->end + 1));
   Int iLo, iHi;
   split_range(seg->start, seg->end, &iLo, &iHi);
   if (iHi > iLo) {
      VG_(memmove)(&nsegments[iLo + 1], &nsegments[iHi + 1],
                   (SizeT)(nsegments_used - iHi - 1) * sizeof(NSegment));
      nsegments_used -= iHi - iLo;
   }
   nsegments[iLo] = *seg;
   preen();
}

/* Whether any mapped segment overlapping [START, END] has hasT. */
static Bool any_T_in_range(Addr start, Addr end)
{
   for (Int i = find_idx(start);
        i < nsegments_used && nsegments[i].start <= end; i++)
      if (nsegments[i].hasT && is_mapped_kind(nsegments[i].kind))
         return True;
   return False;
}

/* The kind unmapped memory at [START, END] reverts to: reserved outside
   [minAddr, userTop], else free.  The range lies on one side. */
static void make_unmapped(NSegment* s)
{
   Addr start = s->start, end = s->end;
   Bool outside = end < aspacem_minAddr || start > aspacem_userTop;
   init_nsegment(s, outside ? SkResvn : SkFree, start, end);
}

/* The mapped parts of [START, END] become unmapped (free, or reserved
   outside [minAddr, userTop]); reservations stay as they are.  Returns
   whether any of them had translations. */
static Bool unmap_range(Addr start, Addr end)
{
   Bool needDiscard = any_T_in_range(start, end);
   Int iLo, iHi;
   split_range(start, end, &iLo, &iHi);
   if (aspacem_minAddr > start && aspacem_minAddr <= end)
      split_at(aspacem_minAddr);
   if (aspacem_userTop < end && aspacem_userTop >= start)
      split_at(aspacem_userTop + 1);
   iLo = find_idx(start);
   iHi = find_idx(end);
   for (Int i = iLo; i <= iHi; i++)
      if (is_mapped_kind(nsegments[i].kind))
         make_unmapped(&nsegments[i]);
   preen();
   return needDiscard;
}

/* Whether every segment overlapping [START, END] satisfies PRED. */
static Bool all_segs(Addr start, Addr end, Bool (*pred)(const NSegment*))
{
   for (Int i = find_idx(start);
        i < nsegments_used && nsegments[i].start <= end; i++)
      if (!pred(&nsegments[i]))
         return False;
   return True;
}

static Bool pred_not_core(const NSegment* s)
{
   return !seg_is_core(s);
}

static Bool pred_free(const NSegment* s)
{
   return s->kind == SkFree;
}

static Bool pred_core_mapped(const NSegment* s)
{
   return is_core_kind(s->kind);
}

static Bool pred_unmapped(const NSegment* s)
{
   return s->kind == SkFree || s->kind == SkResvn;
}

static Bool pred_unmapped_not_core(const NSegment* s)
{
   return s->kind == SkFree || (s->kind == SkResvn && !s->isCoreResvn);
}

/* ------------------------------------------------------------------ */
/* Invariants                                                           */

static Bool check_map_wrk(void)
{
   const HChar* why = NULL;
   Int bad = -1;
   if (nsegments_used < 1 || nsegments_used > VG_N_SEGMENTS) {
      why = "segment count out of range";
   } else if (nsegments[0].start != Addr_MIN) {
      why = "the first segment does not start at 0";
      bad = 0;
   } else if (nsegments[nsegments_used - 1].end != Addr_MAX) {
      why = "the last segment does not end at the top";
      bad = nsegments_used - 1;
   }
   for (Int i = 0; why == NULL && i < nsegments_used; i++) {
      const NSegment* s = &nsegments[i];
      bad = i;
      if (s->start > s->end)
         why = "start above end";
      else if (!is_page_aligned(s->start)
               || (s->end != Addr_MAX && !is_page_aligned(s->end + 1)))
         why = "not page aligned";
      else if (i > 0 && nsegments[i - 1].end + 1 != s->start)
         why = "gap or overlap with the previous segment";
      else if (i > 0 && mergeable(&nsegments[i - 1], s))
         why = "mergeable with the previous segment (not preened)";
      else if (!is_mapped_kind(s->kind)
               && (s->hasR || s->hasW || s->hasX || s->hasT
                   || s->fnIdx != -1 || s->dev || s->ino || s->offset))
         why = "an unmapped segment with mapping attributes";
      else if (s->kind != SkResvn && (s->smode != SmFixed || s->isCoreResvn))
         why = "reservation attributes on a non-reservation";
      else if (s->isCH && s->kind != SkAnonC)
         why = "isCH on a segment that is not SkAnonC";
      else if (!is_file_kind(s->kind) && (s->dev || s->ino || s->offset))
         why = "file attributes on a segment that is not a file mapping";
      else if (is_file_kind(s->kind) && !is_page_aligned((Addr)s->offset))
         why = "file offset not page aligned";
      else if (s->fnIdx != -1 && !valid_name_idx(s->fnIdx))
         why = "bad name index";
   }
   if (why == NULL)
      return True;
   VG_(debugLog)(0, "aspacem", "segment map invariant violated: %s "
                 "(segment %d)\n", why, bad);
   return False;
}

/* After each change at --sanity-level=3 and above. */
static void sanity_after_change(const HChar* who)
{
   if (VG_(clo_sanity_level) >= 3 && !check_map_wrk()) {
      VG_(debugLog)(0, "aspacem", "after %s\n", who);
      VG_(core_panic)("aspacem: the segment map is corrupt");
   }
}

/* ------------------------------------------------------------------ */
/* Showing the map                                                      */

static void show_segment(Int logLevel, Int i, const NSegment* s)
{
   HChar perms[8];
   perms[0] = s->hasR ? 'r' : '-';
   perms[1] = s->hasW ? 'w' : '-';
   perms[2] = s->hasX ? 'x' : '-';
   perms[3] = s->hasT ? 'T' : '-';
   perms[4] = s->isCH ? 'H' : '-';
   perms[5] = '\0';
   const HChar* name = s->fnIdx >= 0 ? name_str(s->fnIdx) : "";
   switch (s->kind) {
      case SkFree:
         VG_(debugLog)(logLevel, "aspacem", "%4d: %-5s %016lx-%016lx %14lu\n",
                       i, kind_name(s->kind), s->start, s->end,
                       seg_size(s));
         break;
      case SkResvn:
         VG_(debugLog)(logLevel, "aspacem",
                       "%4d: %-5s %016lx-%016lx %14lu %s %s\n",
                       i, kind_name(s->kind), s->start, s->end,
                       seg_size(s),
                       s->smode == SmLower ? "SmLower"
                       : s->smode == SmUpper ? "SmUpper" : "SmFixed",
                       s->isCoreResvn ? "core" : "client");
         break;
      case SkFileC:
      case SkFileV:
         VG_(debugLog)(logLevel, "aspacem",
                       "%4d: %-5s %016lx-%016lx %14lu %s d=0x%llx i=%llu "
                       "o=%lld %s\n",
                       i, kind_name(s->kind), s->start, s->end,
                       seg_size(s), perms, s->dev, s->ino, s->offset, name);
         break;
      default:
         VG_(debugLog)(logLevel, "aspacem",
                       "%4d: %-5s %016lx-%016lx %14lu %s %s\n",
                       i, kind_name(s->kind), s->start, s->end,
                       seg_size(s), perms, name);
         break;
   }
}

static void show_nsegments_wrk(Int logLevel, const HChar* who)
{
   VG_(debugLog)(logLevel, "aspacem", "<<< SHOW_SEGMENTS: %s (%d segments)\n",
                 who, nsegments_used);
   for (Int i = 0; i < nsegments_used; i++)
      show_segment(logLevel, i, &nsegments[i]);
   VG_(debugLog)(logLevel, "aspacem", ">>>\n");
}

void VG_(am_show_nsegments)(Int logLevel, const HChar* who)
{
   if (logLevel > VG_(debugLog_level))
      return;
   am_lock();
   if (am_initialised)
      show_nsegments_wrk(logLevel, who);
   else
      VG_(debugLog)(logLevel, "aspacem", "<<< SHOW_SEGMENTS: %s: "
                    "not started >>>\n", who);
   am_unlock();
}

/* ------------------------------------------------------------------ */
/* Reading /proc/self/maps                                              */

/* One line of /proc/self/maps. */
typedef struct {
   Addr         start;
   Addr         end;      /* inclusive */
   UInt         prot;
   Bool         shared;
   ULong        dev;      /* encoded as stat's st_dev */
   ULong        ino;
   Off64T       offset;
   const HChar* name;     /* "" when there is none */
} KMapping;

/* The kernel's st_dev encoding of MAJOR:MINOR (new_encode_dev). */
static ULong encode_dev(ULong major, ULong minor)
{
   return (minor & 0xff) | (major << 8) | ((minor & ~0xffULL) << 12);
}

static Bool parse_maps_line(HChar* line, KMapping* km)
{
   HChar* p = line;
   HChar* q;
   ULong start = VG_(strtoull16)(p, &q);
   if (q == p || *q != '-')
      return False;
   p = q + 1;
   ULong end = VG_(strtoull16)(p, &q);
   if (q == p || *q != ' ' || end <= start)
      return False;
   p = q + 1;
   if (VG_(strlen)(p) < 5 || p[4] != ' ')
      return False;
   km->prot = (p[0] == 'r' ? VKI_PROT_READ : 0)
              | (p[1] == 'w' ? VKI_PROT_WRITE : 0)
              | (p[2] == 'x' ? VKI_PROT_EXEC : 0);
   km->shared = p[3] == 's';
   p += 5;
   km->offset = (Off64T)VG_(strtoull16)(p, &q);
   if (q == p || *q != ' ')
      return False;
   p = q + 1;
   ULong major = VG_(strtoull16)(p, &q);
   if (q == p || *q != ':')
      return False;
   p = q + 1;
   ULong minor = VG_(strtoull16)(p, &q);
   if (q == p || *q != ' ')
      return False;
   p = q + 1;
   km->ino = VG_(strtoull10)(p, &q);
   if (q == p)
      return False;
   p = q;
   while (*p == ' ' || *p == '\t')
      p++;
   km->name = p;
   km->dev = encode_dev(major, minor);
   km->start = (Addr)start;
   km->end = (Addr)(end - 1);
   return True;
}

/* A buffer big enough for several lines; a line is at most a path
   (PATH_MAX) plus about a hundred characters. */
#define AM_PROCMAP_BUF (3 * VKI_PATH_MAX)
static HChar procmap_buf[AM_PROCMAP_BUF + 1];

/* Calls FN for each line of /proc/self/maps, in address order, and
   returns whether the whole file was read and parsed.  Streams the file
   through a static buffer (the lock is held: no allocation). */
static Bool read_proc_self_maps(void (*fn)(const KMapping*, void*),
                                void* opaque)
{
   SysRes sr = VG_(open)("/proc/self/maps", VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return False;
   Int fd = (Int)sr_Res(sr);
   Int have = 0;
   Bool ok = True, eof = False;
   while (ok) {
      if (!eof && have < AM_PROCMAP_BUF) {
         Int n = VG_(read)(fd, procmap_buf + have, AM_PROCMAP_BUF - have);
         if (n < 0) {
            ok = False;
            break;
         }
         if (n == 0)
            eof = True;
         have += n;
      }
      procmap_buf[have] = '\0';
      Int consumed = 0;
      for (;;) {
         HChar* line = procmap_buf + consumed;
         HChar* nl = VG_(strchr)(line, '\n');
         if (nl == NULL)
            break;
         *nl = '\0';
         KMapping km;
         if (!parse_maps_line(line, &km)) {
            VG_(debugLog)(0, "aspacem", "cannot parse /proc/self/maps "
                          "line: %s\n", line);
            ok = False;
            break;
         }
         fn(&km, opaque);
         consumed = (Int)(nl + 1 - procmap_buf);
      }
      if (!ok)
         break;
      if (consumed == 0 && have == AM_PROCMAP_BUF) {
         VG_(debugLog)(0, "aspacem", "/proc/self/maps line too long\n");
         ok = False;
         break;
      }
      VG_(memmove)(procmap_buf, procmap_buf + consumed,
                   (SizeT)(have - consumed));
      have -= consumed;
      if (eof) {
         if (have != 0) {
            VG_(debugLog)(0, "aspacem", "/proc/self/maps ends in the "
                          "middle of a line\n");
            ok = False;
         }
         break;
      }
   }
   VG_(close)(fd);
   return ok;
}

/* ------------------------------------------------------------------ */
/* Start-up                                                             */

typedef struct {
   Addr  sp;
   Int   n;
   Addr  highest_end;      /* exclusive, of mappings in the lower half */
   Bool  highest_end_wraps;
   Addr  stack_start;      /* the stack mapping, or 0 */
   Addr  stack_end;
   Bool  stack_by_sp;
} StartupScan;

static void record_startup_mapping(const KMapping* km, void* opaque)
{
   StartupScan* st = opaque;
   NSegment seg;
   Bool file = km->ino != 0 || km->name[0] == '/';
   init_nsegment(&seg, file ? SkFileV : SkAnonV, km->start, km->end);
   set_prot(&seg, km->prot);
   if (file) {
      seg.dev = km->dev;
      seg.ino = km->ino;
      seg.offset = km->offset;
   }
   seg.fnIdx = allocate_name(km->name);
   add_segment(&seg);
   st->n++;

   /* The top of user space is judged from the mappings; on 64-bit
      targets only from those in the lower half of the address space
      (amd64's [vsyscall] page is in the kernel's half). */
   if (AM_WORD_BITS == 32 || (km->start >> (AM_WORD_BITS - 1)) == 0) {
      if (km->end == Addr_MAX)
         st->highest_end_wraps = True;
      else if (km->end + 1 > st->highest_end)
         st->highest_end = km->end + 1;
   }
   if (!st->stack_by_sp) {
      if (st->sp != 0 && km->start <= st->sp && st->sp <= km->end) {
         st->stack_start = km->start;
         st->stack_end = km->end;
         st->stack_by_sp = True;
      } else if (VG_(strcmp)(km->name, "[stack]") == 0) {
         st->stack_start = km->start;
         st->stack_end = km->end;
      }
   }
}

/* /proc/sys/vm/mmap_min_addr, or 64 KiB (the usual value) if it cannot
   be read. */
static Addr read_mmap_min_addr(void)
{
   Addr val = 0x10000;
   SysRes sr = VG_(open)("/proc/sys/vm/mmap_min_addr", VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return val;
   HChar buf[32];
   Int fd = (Int)sr_Res(sr);
   Int n = VG_(read)(fd, buf, sizeof buf - 1);
   VG_(close)(fd);
   if (n > 0) {
      buf[n] = '\0';
      HChar* end;
      ULong v = VG_(strtoull10)(buf, &end);
      if (end != buf)
         val = (Addr)v;
   }
   return val;
}

/* Marks the free parts of [START, END] as reserved with mode SMODE. */
static void reserve_free_parts(Addr start, Addr end, ShrinkMode smode,
                               Bool core)
{
   Int iLo, iHi;
   split_range(start, end, &iLo, &iHi);
   for (Int i = iLo; i <= iHi; i++)
      if (nsegments[i].kind == SkFree) {
         nsegments[i].kind = SkResvn;
         nsegments[i].smode = smode;
         nsegments[i].isCoreResvn = core;
      }
   preen();
}

/* The highest END (inclusive) at or below LIMIT such that [END-SIZE+1,
   END] is free, or 0. */
static Addr highest_free_fit_below(Addr limit, SizeT size)
{
   for (Int i = find_idx(limit); i >= 0; i--) {
      const NSegment* s = &nsegments[i];
      if (s->kind != SkFree)
         continue;
      Addr top = VG_MIN(s->end, limit);
      if (top - s->start + 1 >= size)
         return top;
   }
   return 0;
}

Addr VG_(am_startup)(Addr sp_at_startup)
{
   am_lock();
   nsegments_used = 1;
   init_nsegment(&nsegments[0], SkFree, Addr_MIN, Addr_MAX);
   am_names_used = 0;
   am_names_full_warned = False;

   VG_(debugLog)(2, "aspacem", "sp_at_startup = 0x%lx\n", sp_at_startup);

   /* What is mapped now is all the core's. */
   StartupScan st;
   VG_(memset)(&st, 0, sizeof st);
   st.sp = sp_at_startup;
   if (!read_proc_self_maps(record_startup_mapping, &st) || st.n == 0) {
      am_unlock();
      VG_(core_panic)("aspacem: cannot read /proc/self/maps at start-up");
   }

   /* The top of user space: the end of the highest mapping there (the
      kernel puts the initial stack near the top) rounded up to a power
      of two, which gives the architecture's limit (amd64 47 bits, arm64
      39 to 48 bits, x86 4 GiB). */
   {
      ULong top = 1;
      ULong he = st.highest_end_wraps ? (ULong)Addr_MAX : st.highest_end;
      while (top < he && top < (1ULL << 62))
         top <<= 1;
      if (st.highest_end_wraps || top - 1 > (ULong)Addr_MAX)
         aspacem_userTop = Addr_MAX;
      else
         aspacem_userTop = (Addr)(top - 1);
   }

   Addr minAddr = VG_ROUNDUP(read_mmap_min_addr(), AM_PAGE);
   aspacem_minAddr = VG_MAX(minAddr, AM_MIN_ADDR_DEFAULT);
#if AM_WORD_BITS == 64
   aspacem_maxAddr = VG_MIN(AM_MAXADDR_64, aspacem_userTop);
   aspacem_vStart = AM_VSTART_64;
   if (aspacem_vStart >= aspacem_maxAddr)
      aspacem_vStart = VG_ROUNDUP(aspacem_minAddr
                                  + (aspacem_maxAddr - aspacem_minAddr) / 2,
                                  AM_PAGE);
#else
   {
      Addr sp = sp_at_startup != 0 ? sp_at_startup
                                   : (st.stack_end != 0 ? st.stack_start
                                                        : aspacem_userTop);
      aspacem_maxAddr = VG_ROUNDDN(sp, AM_PAGE) - 1;
   }
   aspacem_vStart = VG_ROUNDUP(aspacem_minAddr
                               + (aspacem_maxAddr - aspacem_minAddr) / 2,
                               AM_PAGE);
#endif
   aspacem_cStart = aspacem_minAddr;
   vg_assert(aspacem_minAddr < aspacem_vStart);
   vg_assert(aspacem_vStart < aspacem_maxAddr);
   vg_assert(is_page_aligned(aspacem_maxAddr + 1));

   /* Below minAddr and above the top of user space nothing floats. */
   reserve_free_parts(Addr_MIN, aspacem_minAddr - 1, SmFixed, False);
   if (aspacem_userTop != Addr_MAX)
      reserve_free_parts(aspacem_userTop + 1, Addr_MAX, SmFixed, False);

   /* The core's stack may grow, as far as RLIMIT_STACK allows, into the
      free space below it: reserve that for the core. */
   if (st.stack_end != 0) {
      struct vki_rlimit rl;
      SizeT lim = 8 * 1024 * 1024;
      if (VG_(getrlimit)(VKI_RLIMIT_STACK, &rl) == 0
          && rl.rlim_cur != VKI_RLIM_INFINITY)
         lim = rl.rlim_cur;
      lim = VG_MIN(page_roundup(lim), AM_CORE_STACK_RESVN_MAX);
      SizeT have = st.stack_end - st.stack_start + 1;
      Int below = find_idx(st.stack_start) - 1;
      if (lim > have && below >= 0 && nsegments[below].kind == SkFree) {
         SizeT want = lim - have;
         const NSegment* f = &nsegments[below];
         Addr lo = seg_size(f) > want ? st.stack_start - want : f->start;
         reserve_free_parts(lo, st.stack_start - 1, SmUpper, True);
      }
   }

   /* The client's stack goes at the top of its space. */
   suggested_clstack_end = highest_free_fit_below(aspacem_vStart - 1,
                                                  AM_CLSTACK_AREA);
   if (suggested_clstack_end == 0)
      suggested_clstack_end = aspacem_vStart - 1;
   vg_assert(is_page_aligned(suggested_clstack_end + 1));

   am_initialised = True;

   VG_(debugLog)(2, "aspacem", "        minAddr = 0x%016lx\n", aspacem_minAddr);
   VG_(debugLog)(2, "aspacem", "         cStart = 0x%016lx\n", aspacem_cStart);
   VG_(debugLog)(2, "aspacem", "         vStart = 0x%016lx\n", aspacem_vStart);
   VG_(debugLog)(2, "aspacem", "        maxAddr = 0x%016lx\n", aspacem_maxAddr);
   VG_(debugLog)(2, "aspacem", "        userTop = 0x%016lx\n", aspacem_userTop);
   VG_(debugLog)(2, "aspacem", "  clstack_end = 0x%016lx\n",
                 suggested_clstack_end);
   if (VG_(debugLog_level) >= 2)
      show_nsegments_wrk(2, "Initial layout");
   vg_assert(check_map_wrk());
   Addr ret = suggested_clstack_end;
   am_unlock();
   return ret;
}

Bool VG_(am_is_initialised)(void)
{
   return __atomic_load_n(&am_initialised, __ATOMIC_ACQUIRE);
}

void VG_(am_get_layout)(AmLayout* layout)
{
   layout->minAddr = aspacem_minAddr;
   layout->maxAddr = aspacem_maxAddr;
   layout->cStart = aspacem_cStart;
   layout->vStart = aspacem_vStart;
   layout->userTop = aspacem_userTop;
   layout->clstackEnd = suggested_clstack_end;
}

/* ------------------------------------------------------------------ */
/* Queries                                                              */

const NSegment* VG_(am_find_nsegment)(Addr a)
{
   if (!am_initialised)
      return NULL;
   return &nsegments[find_idx(a)];
}

Bool VG_(am_lookup_segment)(Addr a, NSegment* seg)
{
   am_lock();
   Bool ok = am_initialised;
   if (ok)
      *seg = nsegments[find_idx(a)];
   am_unlock();
   return ok;
}

const NSegment* VG_(am_next_nsegment)(const NSegment* seg, Bool forwards)
{
   if (!am_initialised || seg < &nsegments[0]
       || seg >= &nsegments[nsegments_used])
      return NULL;
   Int i = (Int)(seg - &nsegments[0]);
   i += forwards ? 1 : -1;
   if (i < 0 || i >= nsegments_used)
      return NULL;
   return &nsegments[i];
}

const HChar* VG_(am_get_filename)(const NSegment* seg)
{
   if (seg == NULL || seg->fnIdx < 0 || seg->fnIdx >= am_names_used)
      return NULL;
   return name_str(seg->fnIdx);
}

/* The exported predicates over ranges: lock, check the range, apply. */
static Bool range_query(Addr start, SizeT len,
                        Bool (*pred)(const NSegment*))
{
   Addr end;
   if (!range_ok(start, len, &end))
      return False;
   am_lock();
   Bool ok = am_initialised && all_segs(start, end, pred);
   am_unlock();
   return ok;
}

Bool VG_(am_is_valid_for_client)(Addr start, SizeT len, UInt prot)
{
   Addr end;
   if (!range_ok(start, len, &end))
      return False;
   am_lock();
   Bool ok = am_initialised;
   for (Int i = ok ? find_idx(start) : nsegments_used;
        i < nsegments_used && nsegments[i].start <= end; i++) {
      const NSegment* s = &nsegments[i];
      if (!is_client_kind(s->kind) || (seg_prot(s) & prot) != prot) {
         ok = False;
         break;
      }
   }
   am_unlock();
   return ok;
}

Bool VG_(am_is_free_or_resvn)(Addr start, SizeT len)
{
   return range_query(start, len, pred_unmapped_not_core);
}

Bool VG_(am_is_client_or_free)(Addr start, SizeT len)
{
   return range_query(start, len, pred_not_core);
}

Bool VG_(am_is_valid_for_valgrind)(Addr start, SizeT len)
{
   return range_query(start, len, pred_core_mapped);
}

Bool VG_(am_covered_by_single_free_segment)(Addr start, SizeT len)
{
   Addr end;
   if (!range_ok(start, len, &end))
      return False;
   am_lock();
   Bool ok = False;
   if (am_initialised) {
      const NSegment* s = &nsegments[find_idx(start)];
      ok = s->kind == SkFree && end <= s->end;
   }
   am_unlock();
   return ok;
}

Int VG_(am_get_segment_starts)(UInt kindMask, Addr* starts, Int nStarts)
{
   am_lock();
   Int n = 0;
   for (Int i = 0; am_initialised && i < nsegments_used; i++)
      if ((UInt)nsegments[i].kind & kindMask)
         n++;
   if (n <= nStarts) {
      Int j = 0;
      for (Int i = 0; am_initialised && i < nsegments_used; i++)
         if ((UInt)nsegments[i].kind & kindMask)
            starts[j++] = nsegments[i].start;
   } else {
      n = -n;
   }
   am_unlock();
   return n;
}

/* ------------------------------------------------------------------ */
/* Placement advice                                                     */

/* The lowest START in [WLO, WHI] with [START, START+LEN) free and
   inside the window, or 0 with *FOUND False. */
static Addr first_fit(Addr wlo, Addr whi, SizeT len, Bool* found)
{
   *found = False;
   if (wlo > whi)
      return 0;
   for (Int i = find_idx(wlo);
        i < nsegments_used && nsegments[i].start <= whi; i++) {
      const NSegment* s = &nsegments[i];
      if (s->kind != SkFree)
         continue;
      Addr lo = VG_MAX(s->start, wlo);
      Addr hi = VG_MIN(s->end, whi);
      if (hi >= lo && hi - lo >= len - 1) {
         *found = True;
         return lo;
      }
   }
   return 0;
}

static Addr get_advisory_wrk(const MapRequest* req, Bool forClient,
                             Bool* ok)
{
   *ok = False;
   SizeT len = page_roundup(req->len);
   if (req->len == 0 || len == 0)
      return 0;
   Addr start = req->start, end = 0;
   if (req->rkind != MAny) {
      if (!is_page_aligned(start) || !range_ok(start, len, &end)) {
         if (req->rkind == MFixed)
            return 0;
         /* An unusable hint is no hint. */
         MapRequest any = { MAny, 0, req->len };
         return get_advisory_wrk(&any, forClient, ok);
      }
   }

   if (req->rkind == MFixed) {
      /* The client may map over its own mappings and reservations but
         never over the core's; the core only into free space. */
      *ok = all_segs(start, end, forClient ? pred_not_core : pred_free);
      return *ok ? start : 0;
   }
   if (req->rkind == MHint && all_segs(start, end, pred_free)) {
      *ok = True;
      return start;
   }

   /* Floating: search the requester's own space first, then the space
      above maxAddr, then the other side's. */
   Addr above_lo = aspacem_maxAddr + 1;
   Addr windows[3][2];
   if (forClient) {
      windows[0][0] = aspacem_cStart;  windows[0][1] = aspacem_vStart - 1;
      windows[1][0] = above_lo;        windows[1][1] = aspacem_userTop;
      windows[2][0] = aspacem_vStart;  windows[2][1] = aspacem_maxAddr;
   } else {
      windows[0][0] = aspacem_vStart;  windows[0][1] = aspacem_maxAddr;
      windows[1][0] = above_lo;        windows[1][1] = aspacem_userTop;
      windows[2][0] = aspacem_minAddr; windows[2][1] = aspacem_vStart - 1;
   }
   for (Int w = 0; w < 3; w++) {
      if (w == 1 && aspacem_maxAddr >= aspacem_userTop)
         continue;
      Bool found;
      Addr a = first_fit(windows[w][0], windows[w][1], len, &found);
      if (found) {
         *ok = True;
         return a;
      }
   }
   return 0;
}

Addr VG_(am_get_advisory)(const MapRequest* req, Bool forClient, Bool* ok)
{
   am_lock();
   Addr a = 0;
   *ok = False;
   if (am_initialised)
      a = get_advisory_wrk(req, forClient, ok);
   am_unlock();
   return a;
}

Addr VG_(am_get_advisory_client_simple)(Addr start, SizeT len, Bool* ok)
{
   MapRequest req = { MAny, start, len };
   return VG_(am_get_advisory)(&req, True, ok);
}

SysRes VG_(am_check_client_mmap)(Addr start, SizeT len, UInt flags)
{
   if (len == 0 || !is_page_aligned(start))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   SizeT rlen = page_roundup(len);
   Addr end;
   if (rlen == 0 || !range_ok(start, rlen, &end))
      return VG_(mk_SysRes_Error)(VKI_ENOMEM);
   am_lock();
   SysRes res = VG_(mk_SysRes_Success)(start);
   if (!am_initialised) {
      /* Nothing known: let the kernel judge. */
   } else if (end > aspacem_userTop) {
      res = VG_(mk_SysRes_Error)(VKI_ENOMEM);
   } else if ((flags & VKI_MAP_FIXED_NOREPLACE)
              && !all_segs(start, end, pred_unmapped)) {
      res = VG_(mk_SysRes_Error)(VKI_EEXIST);
   } else if (!all_segs(start, end, pred_not_core)) {
      res = VG_(mk_SysRes_Error)(VKI_EINVAL);
   }
   am_unlock();
   return res;
}

/* ------------------------------------------------------------------ */
/* Recording mappings (lock held)                                       */

/* What the notify functions need to know of a file: read before the
   lock is taken. */
typedef struct {
   Bool  known;
   ULong dev;
   ULong ino;
   HChar name[VKI_PATH_MAX];
} FileInfo;

static void get_file_info(Int fd, FileInfo* fi)
{
   struct vg_stat st;
   fi->known = False;
   fi->dev = fi->ino = 0;
   fi->name[0] = '\0';
   if (fd < 0)
      return;
   if (VG_(fstat)(fd, &st) == 0) {
      fi->known = True;
      fi->dev = st.dev;
      fi->ino = st.ino;
   }
   if (!VG_(resolve_filename)(fd, fi->name, sizeof fi->name))
      fi->name[0] = '\0';
}

/* Records [A, A+LEN) as a mapping of KIND with PROT (and, for files,
   FI and OFFSET), replacing whatever was there; returns whether the
   replaced part had translations. */
static Bool record_mapping(SegKind kind, Addr a, SizeT len, UInt prot,
                           const FileInfo* fi, Off64T offset)
{
   NSegment seg;
   Addr end = a + len - 1;
   Bool needDiscard = any_T_in_range(a, end);
   init_nsegment(&seg, kind, a, end);
   set_prot(&seg, prot);
   if (is_file_kind(kind)) {
      seg.offset = offset;
      if (fi != NULL && fi->known) {
         seg.dev = fi->dev;
         seg.ino = fi->ino;
      }
      if (fi != NULL)
         seg.fnIdx = allocate_name(fi->name);
   }
   add_segment(&seg);
   return needDiscard;
}

/* Maps LEN bytes at the manager's choice for FOR_CLIENT: at the advised
   address without replacing anything (MAP_FIXED_NOREPLACE), or, if the
   kernel finds something there the map does not know of (the map is
   out of date) or no advice can be had, wherever the kernel likes. */
static SysRes map_floating(Bool forClient, SizeT len, UInt prot,
                           UInt flags, Int fd, Off64T offset)
{
   MapRequest req = { MAny, 0, len };
   Bool ok;
   Addr advised = get_advisory_wrk(&req, forClient, &ok);
   if (ok) {
      SysRes sr = do_mmap(advised, len, prot,
                          flags | VKI_MAP_FIXED_NOREPLACE, fd, offset);
      if (!sr_isError(sr))
         return sr;   /* at ADVISED, or (a kernel older than 4.17 takes
                         the flag for a hint) wherever it went */
      if (sr_Err(sr) == VKI_EEXIST)
         VG_(debugLog)(1, "aspacem", "0x%lx..+%lu was thought free but is "
                       "mapped: the segment map is out of date\n",
                       advised, len);
   }
   return do_mmap(0, len, prot, flags, fd, offset);
}

/* ------------------------------------------------------------------ */
/* The core's mappings                                                  */

static SysRes mmap_float_valgrind(SizeT length, UInt prot, UInt flags,
                                  Int fd, Off64T offset)
{
   SizeT len = page_roundup(length);
   if (length == 0 || len == 0)
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   FileInfo* fi = NULL;
   static FileInfo fi_buf;   /* used under the lock only */
   am_lock();
   SysRes sr;
   if (!am_initialised) {
      sr = do_mmap(0, len, prot, flags, fd, offset);
   } else {
      sr = map_floating(False, len, prot, flags, fd, offset);
      if (!sr_isError(sr)) {
         if (fd >= 0) {
            get_file_info(fd, &fi_buf);
            fi = &fi_buf;
         }
         record_mapping(fd >= 0 ? SkFileV : SkAnonV, sr_Res(sr), len, prot,
                        fi, offset);
         sanity_after_change("mmap_float_valgrind");
      }
   }
   am_unlock();
   return sr;
}

SysRes VG_(am_mmap_anon_float_valgrind)(SizeT length)
{
   return mmap_float_valgrind(length, VKI_PROT_READ | VKI_PROT_WRITE,
                              VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS, -1, 0);
}

SysRes VG_(am_mmap_anon_float_valgrind_prot)(SizeT length, UInt prot)
{
   return mmap_float_valgrind(length, prot,
                              VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS, -1, 0);
}

SysRes VG_(am_mmap_file_float_valgrind)(SizeT length, UInt prot, Int fd,
                                        Off64T offset)
{
   if (fd < 0 || !is_page_aligned((Addr)offset))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   return mmap_float_valgrind(length, prot, VKI_MAP_PRIVATE, fd, offset);
}

SysRes VG_(am_munmap_valgrind)(Addr start, SizeT length)
{
   SizeT len = page_roundup(length);
   Addr end;
   if (!is_page_aligned(start) || !range_ok(start, len, &end))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   am_lock();
   SysRes sr;
   if (!am_initialised) {
      sr = do_munmap(start, len);
   } else if (!all_segs(start, end, pred_core_mapped)) {
      sr = VG_(mk_SysRes_Error)(VKI_EINVAL);
   } else {
      sr = do_munmap(start, len);
      if (!sr_isError(sr)) {
         unmap_range(start, end);
         sanity_after_change("munmap_valgrind");
      }
   }
   am_unlock();
   return sr;
}

/* ------------------------------------------------------------------ */
/* The client's mappings                                                */

static FileInfo client_fi;   /* used under the lock only */

/* The convenience calls for the loader and the initial image: they map
   only where nothing is mapped and the core has reserved nothing; they
   never replace a mapping (the kernel is asked with MAP_FIXED_NOREPLACE
   as well, in case the map is out of date).  Also before start-up, when
   nothing is recorded.  (They replace the stand-ins written with m_ume
   and m_initimg, keeping their signatures and never-replace rule.) */
static SysRes mmap_fixed_client(Addr start, SizeT length, UInt prot,
                                UInt flags, Int fd, Off64T offset)
{
   SizeT len = page_roundup(length);
   Addr end;
   if (length == 0 || !is_page_aligned(start) || !range_ok(start, len, &end)
       || (fd >= 0 && !is_page_aligned((Addr)offset)))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   flags &= ~(UInt)(VKI_MAP_FIXED | VKI_MAP_FIXED_NOREPLACE);
   am_lock();
   SysRes sr;
   if (am_initialised && !all_segs(start, end, pred_unmapped_not_core)) {
      sr = VG_(mk_SysRes_Error)(VKI_EEXIST);
   } else {
      sr = do_mmap(start, len, prot, flags | VKI_MAP_FIXED_NOREPLACE, fd,
                   offset);
      if (!sr_isError(sr) && sr_Res(sr) != start) {
         /* A kernel older than 4.17 takes MAP_FIXED_NOREPLACE for a
            hint, and the hint was taken. */
         do_munmap(sr_Res(sr), len);
         sr = VG_(mk_SysRes_Error)(VKI_EEXIST);
      }
      if (!sr_isError(sr) && am_initialised) {
         if (fd >= 0)
            get_file_info(fd, &client_fi);
         record_mapping(fd >= 0 ? SkFileC : SkAnonC, start, len, prot,
                        fd >= 0 ? &client_fi : NULL, offset);
         sanity_after_change("mmap_fixed_client");
      }
   }
   am_unlock();
   return sr;
}

SysRes VG_(am_mmap_anon_fixed_client)(Addr start, SizeT length, UInt prot)
{
   return mmap_fixed_client(start, length, prot,
                            VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS, -1, 0);
}

SysRes VG_(am_mmap_anon_float_client)(SizeT length, Int prot)
{
   SizeT len = page_roundup(length);
   if (length == 0 || len == 0)
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   am_lock();
   SysRes sr;
   if (!am_initialised) {
      sr = VG_(mk_SysRes_Error)(VKI_ENOMEM);
   } else {
      sr = map_floating(True, len, (UInt)prot,
                        VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS, -1, 0);
      if (!sr_isError(sr)) {
         record_mapping(SkAnonC, sr_Res(sr), len, (UInt)prot, NULL, 0);
         sanity_after_change("mmap_anon_float_client");
      }
   }
   am_unlock();
   return sr;
}

SysRes VG_(am_mmap_file_fixed_client)(Addr start, SizeT length, UInt prot,
                                      Int fd, Off64T offset)
{
   return mmap_fixed_client(start, length, prot, VKI_MAP_PRIVATE, fd,
                            offset);
}

SysRes VG_(am_mmap_file_fixed_client_flags)(Addr start, SizeT length,
                                            UInt prot, UInt flags, Int fd,
                                            Off64T offset)
{
   if (fd < 0)
      return VG_(mk_SysRes_Error)(VKI_EBADF);
   return mmap_fixed_client(start, length, prot,
                            flags & ~(UInt)VKI_MAP_ANONYMOUS, fd, offset);
}

SysRes VG_(am_munmap_client)(Bool* need_discard, Addr start, SizeT length)
{
   *need_discard = False;
   SizeT len = page_roundup(length);
   Addr end;
   if (!is_page_aligned(start) || !range_ok(start, len, &end))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   am_lock();
   SysRes sr;
   if (am_initialised && !all_segs(start, end, pred_not_core)) {
      sr = VG_(mk_SysRes_Error)(VKI_EINVAL);
   } else {
      sr = do_munmap(start, len);
      if (!sr_isError(sr) && am_initialised) {
         *need_discard = unmap_range(start, end);
         sanity_after_change("munmap_client");
      }
   }
   am_unlock();
   return sr;
}

/* ------------------------------------------------------------------ */
/* Notifications                                                        */

/* Checks a notified range (START page aligned, *LEN rounded up to
   pages, non-empty, not wrapping; *END set to its last byte). */
static Bool norm_range(Addr start, SizeT* len, Addr* end)
{
   *len = page_roundup(*len);
   return is_page_aligned(start) && range_ok(start, *len, end);
}

/* Takes the lock if the manager has started; False (not taken) if not:
   before start-up nothing is recorded. */
static Bool lock_if_started(void)
{
   am_lock();
   if (am_initialised)
      return True;
   am_unlock();
   return False;
}

/* Both of the above: False (lock not taken) if there is nothing to
   do. */
static Bool notify_begin(Addr start, SizeT* len, Addr* end)
{
   return norm_range(start, len, end) && lock_if_started();
}

Bool VG_(am_notify_client_mmap)(Addr a, SizeT len, UInt prot, UInt flags,
                                Int fd, Off64T offset)
{
   Bool anon = (flags & VKI_MAP_ANONYMOUS) != 0 || fd < 0;
   Addr end;
   if (!notify_begin(a, &len, &end))
      return False;
   if (!anon)
      get_file_info(fd, &client_fi);
   Bool d = record_mapping(anon ? SkAnonC : SkFileC, a, len, prot,
                           anon ? NULL : &client_fi, anon ? 0 : offset);
   sanity_after_change("notify_client_mmap");
   am_unlock();
   return d;
}

Bool VG_(am_notify_client_shmat)(Addr a, SizeT len, UInt prot)
{
   Addr end;
   if (!notify_begin(a, &len, &end))
      return False;
   Bool d = record_mapping(SkShmC, a, len, prot, NULL, 0);
   sanity_after_change("notify_client_shmat");
   am_unlock();
   return d;
}

Bool VG_(am_notify_mprotect)(Addr start, SizeT len, UInt prot)
{
   Addr end;
   if (!notify_begin(start, &len, &end))
      return False;
   Bool needDiscard = False;
   Bool loseX = (prot & VKI_PROT_EXEC) == 0;
   Bool gainW = (prot & VKI_PROT_WRITE) != 0;
   Int iLo, iHi;
   split_range(start, end, &iLo, &iHi);
   for (Int i = iLo; i <= iHi; i++) {
      NSegment* s = &nsegments[i];
      if (!is_mapped_kind(s->kind))
         continue;
      if (s->hasT && ((s->hasX && loseX) || (!s->hasW && gainW))) {
         needDiscard = True;
         s->hasT = False;   /* the caller discards them all */
      }
      set_prot(s, prot);
   }
   preen();
   sanity_after_change("notify_mprotect");
   am_unlock();
   return needDiscard;
}

Bool VG_(am_notify_munmap)(Addr start, SizeT len)
{
   Addr end;
   if (!notify_begin(start, &len, &end))
      return False;
   Bool d = unmap_range(start, end);
   sanity_after_change("notify_munmap");
   am_unlock();
   return d;
}

/* Moves the attributes of the mapping at OLD_ADDR to [NEW_ADDR, NEW_END]
   and unmaps the old range [OLD_ADDR, OLD_END] (where they overlap, when
   resizing in place, the new segment wins).  Lock held. */
static Bool remap_wrk(Addr old_addr, Addr old_end, Addr new_addr,
                      Addr new_end)
{
   NSegment seg = nsegments[find_idx(old_addr)];
   if (!is_mapped_kind(seg.kind)) {
      /* Not something the map knew to be mapped: record what mremap can
         only have moved, client memory. */
      init_nsegment(&seg, SkAnonC, 0, 0);
      seg.hasR = seg.hasW = True;
   }
   if (is_file_kind(seg.kind))
      seg.offset += (Off64T)(old_addr - seg.start);
   Bool d = any_T_in_range(old_addr, old_end)
            || any_T_in_range(new_addr, new_end);
   seg.hasT = False;
   seg.start = new_addr;
   seg.end = new_end;
   unmap_range(old_addr, old_end);
   add_segment(&seg);
   return d;
}

Bool VG_(am_notify_client_mremap)(Addr old_addr, SizeT old_len,
                                  Addr new_addr, SizeT new_len)
{
   Addr old_end, new_end;
   if (!norm_range(old_addr, &old_len, &old_end)
       || !norm_range(new_addr, &new_len, &new_end) || !lock_if_started())
      return False;
   Bool d = remap_wrk(old_addr, old_end, new_addr, new_end);
   sanity_after_change("notify_client_mremap");
   am_unlock();
   return d;
}

/* The segment [START, END] lies inside: its index, or -1. */
static Int single_segment_containing(Addr start, Addr end)
{
   Int i = find_idx(start);
   return end <= nsegments[i].end ? i : -1;
}

Bool VG_(am_relocate_nooverlap_client)(Bool* need_discard, Addr old_addr,
                                       SizeT old_len, Addr new_addr,
                                       SizeT new_len)
{
   *need_discard = False;
   Addr old_end, new_end;
   old_len = page_roundup(old_len);
   new_len = page_roundup(new_len);
   if (!is_page_aligned(old_addr) || !is_page_aligned(new_addr)
       || !range_ok(old_addr, old_len, &old_end)
       || !range_ok(new_addr, new_len, &new_end))
      return False;
   if (!(new_end < old_addr || new_addr > old_end))
      return False;   /* overlap */
   am_lock();
   Bool ok = False;
   Int i = am_initialised ? single_segment_containing(old_addr, old_end) : -1;
   if (i >= 0 && is_client_kind(nsegments[i].kind)
       && nsegments[i].kind != SkShmC
       && all_segs(new_addr, new_end, pred_not_core)) {
      SysRes sr = VG_(do_syscall5)(__NR_mremap, old_addr, old_len, new_len,
                                   VKI_MREMAP_MAYMOVE | VKI_MREMAP_FIXED,
                                   new_addr);
      if (!sr_isError(sr) && sr_Res(sr) == new_addr) {
         *need_discard = remap_wrk(old_addr, old_end, new_addr, new_end);
         sanity_after_change("relocate_nooverlap_client");
         ok = True;
      }
   }
   am_unlock();
   return ok;
}

Bool VG_(am_extend_map_client)(Bool* need_discard, Addr addr, SizeT delta)
{
   *need_discard = False;
   delta = page_roundup(delta);
   if (delta == 0)
      return False;
   am_lock();
   Bool ok = False;
   if (am_initialised) {
      Int i = find_idx(addr);
      NSegment* s = &nsegments[i];
      Addr grow_end;
      if (is_client_kind(s->kind) && s->kind != SkShmC
          && s->end != Addr_MAX
          && range_ok(s->end + 1, delta, &grow_end)
          && i + 1 < nsegments_used && nsegments[i + 1].kind == SkFree
          && grow_end <= nsegments[i + 1].end) {
         SizeT old_len = seg_size(s);
         SysRes sr = VG_(do_syscall4)(__NR_mremap, s->start, old_len,
                                      old_len + delta, 0);
         if (!sr_isError(sr) && sr_Res(sr) == s->start) {
            NSegment grown = *s;
            grown.start = s->end + 1;
            grown.end = grow_end;
            if (is_file_kind(grown.kind))
               grown.offset += (Off64T)old_len;
            add_segment(&grown);
            sanity_after_change("extend_map_client");
            ok = True;
         }
      }
   }
   am_unlock();
   return ok;
}

/* ------------------------------------------------------------------ */
/* Reservations, the brk heap, translations                             */

Bool VG_(am_create_reservation)(Addr start, SizeT length, ShrinkMode smode,
                                SizeT extra)
{
   Addr end;
   if (!is_page_aligned(start) || !is_page_aligned(length)
       || !range_ok(start, length, &end))
      return False;
   am_lock();
   Bool ok = am_initialised && all_segs(start, end, pred_free);
   if (ok && extra > 0 && smode != SmFixed) {
      Addr xs, xe;
      if (smode == SmLower) {
         ok = end != Addr_MAX && range_ok(end + 1, extra, &xe);
         xs = end + 1;
      } else {
         ok = start >= extra && start != 0;
         xs = start - extra;
         xe = start - 1;
      }
      ok = ok && all_segs(xs, xe, pred_unmapped);
   }
   if (ok) {
      NSegment seg;
      init_nsegment(&seg, SkResvn, start, end);
      seg.smode = smode;
      add_segment(&seg);
      sanity_after_change("create_reservation");
   }
   am_unlock();
   return ok;
}

static Bool extend_into_resvn_wrk(Addr addr, SSizeT delta, Bool* overflow)
{
   SizeT d = (SizeT)(delta < 0 ? -delta : delta);
   Int i = find_idx(addr);
   if (nsegments[i].kind != SkAnonC)
      return False;
   Int r = delta > 0 ? i + 1 : i - 1;
   if (r < 0 || r >= nsegments_used || nsegments[r].kind != SkResvn
       || nsegments[r].isCoreResvn
       || nsegments[r].smode != (delta > 0 ? SmLower : SmUpper)
       || seg_size(&nsegments[r]) < d + AM_PAGE) {
      /* No reservation there, or at least one page of it would not
         remain. */
      *overflow = True;
      return False;
   }
   Addr a = delta > 0 ? nsegments[i].end + 1 : nsegments[i].start - d;
   SysRes sr = do_mmap(a, d, seg_prot(&nsegments[i]),
                       VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS
                       | VKI_MAP_FIXED_NOREPLACE, -1, 0);
   if (sr_isError(sr))
      return False;
   if (sr_Res(sr) != a) {
      do_munmap(sr_Res(sr), d);
      return False;
   }
   if (delta > 0) {
      nsegments[i].end += d;
      nsegments[r].start += d;
   } else {
      nsegments[i].start -= d;
      nsegments[r].end -= d;
   }
   sanity_after_change("extend_into_adjacent_reservation_client");
   return True;
}

Bool VG_(am_extend_into_adjacent_reservation_client)(Addr addr,
                                                     SSizeT delta,
                                                     Bool* overflow)
{
   *overflow = False;
   if (delta == 0 || !is_page_aligned((Addr)(delta < 0 ? -delta : delta))
       || !lock_if_started())
      return False;
   Bool ok = extend_into_resvn_wrk(addr, delta, overflow);
   am_unlock();
   return ok;
}

void VG_(am_mark_client_heap)(Addr start, SizeT len)
{
   Addr end;
   if (!notify_begin(start, &len, &end))
      return;
   Int iLo, iHi;
   split_range(start, end, &iLo, &iHi);
   for (Int i = iLo; i <= iHi; i++)
      if (nsegments[i].kind == SkAnonC)
         nsegments[i].isCH = True;
   preen();
   sanity_after_change("mark_client_heap");
   am_unlock();
}

void VG_(am_set_segment_hasT)(Addr a)
{
   am_lock();
   if (am_initialised) {
      NSegment* s = &nsegments[find_idx(a)];
      if (is_mapped_kind(s->kind))
         s->hasT = True;
   }
   am_unlock();
}

/* ------------------------------------------------------------------ */
/* Invariants and the sync check                                        */

Bool VG_(am_check_map)(void)
{
   am_lock();
   Bool ok = !am_initialised || check_map_wrk();
   am_unlock();
   return ok;
}

typedef struct {
   Addr         next;        /* the first address not yet compared */
   Bool         done_top;    /* compared up to Addr_MAX */
   Int          mismatches;
   const HChar* fn;
   const HChar* file;
   Int          line;
} SyncState;

#define AM_SYNC_MAX_REPORTS 10

static void sync_report(SyncState* ss, const HChar* what, Addr lo, Addr hi,
                        const KMapping* km, const NSegment* s)
{
   ss->mismatches++;
   if (ss->mismatches > AM_SYNC_MAX_REPORTS)
      return;
   if (ss->mismatches == 1)
      VG_(debugLog)(0, "aspacem", "sync check failed, called from %s "
                    "(%s:%d):\n", ss->fn, ss->file, ss->line);
   VG_(debugLog)(0, "aspacem", "  0x%lx-0x%lx: %s\n", lo, hi, what);
   if (km != NULL)
      VG_(debugLog)(0, "aspacem", "    kernel: 0x%lx-0x%lx %c%c%c "
                    "dev=0x%llx ino=%llu off=%lld %s\n",
                    km->start, km->end,
                    km->prot & VKI_PROT_READ ? 'r' : '-',
                    km->prot & VKI_PROT_WRITE ? 'w' : '-',
                    km->prot & VKI_PROT_EXEC ? 'x' : '-',
                    km->dev, km->ino, km->offset, km->name);
   else
      VG_(debugLog)(0, "aspacem", "    kernel: nothing mapped\n");
   show_segment(0, (Int)(s - nsegments), s);
}

/* Compares the kernel's unmapped range [LO, HI] with the map. */
static void sync_gap(SyncState* ss, Addr lo, Addr hi)
{
   for (Int i = find_idx(lo);
        i < nsegments_used && nsegments[i].start <= hi; i++) {
      const NSegment* s = &nsegments[i];
      if (is_mapped_kind(s->kind))
         sync_report(ss, "the map has a mapping the kernel has not",
                     VG_MAX(lo, s->start), VG_MIN(hi, s->end), NULL, s);
   }
}

/* Compares the kernel's mapping KM with the map. */
static void sync_mapping(SyncState* ss, const KMapping* km)
{
   for (Int i = find_idx(km->start);
        i < nsegments_used && nsegments[i].start <= km->end; i++) {
      const NSegment* s = &nsegments[i];
      Addr lo = VG_MAX(km->start, s->start);
      Addr hi = VG_MIN(km->end, s->end);
      if (!is_mapped_kind(s->kind)) {
         /* A stack grown by the kernel into its reservation. */
         Bool grown = s->kind == SkResvn && s->smode == SmUpper
                      && km->end > s->end && i + 1 < nsegments_used
                      && is_mapped_kind(nsegments[i + 1].kind);
         if (!grown)
            sync_report(ss, "the kernel has a mapping the map has not",
                        lo, hi, km, s);
         continue;
      }
      if (seg_prot(s) != km->prot) {
         sync_report(ss, "different protection", lo, hi, km, s);
         continue;
      }
      if (is_file_kind(s->kind) && s->ino != 0 && km->ino != 0) {
         Off64T seg_off = s->offset + (Off64T)(lo - s->start);
         Off64T k_off = km->offset + (Off64T)(lo - km->start);
         if (s->ino != km->ino || s->dev != km->dev)
            sync_report(ss, "a different file", lo, hi, km, s);
         else if (seg_off != k_off)
            sync_report(ss, "a different file offset", lo, hi, km, s);
      }
   }
}

static void sync_check_callback(const KMapping* km, void* opaque)
{
   SyncState* ss = opaque;
   if (km->start > ss->next)
      sync_gap(ss, ss->next, km->start - 1);
   sync_mapping(ss, km);
   if (km->end == Addr_MAX)
      ss->done_top = True;
   else
      ss->next = km->end + 1;
}

Bool VG_(am_do_sync_check)(const HChar* fn, const HChar* file, Int line)
{
   am_lock();
   if (!am_initialised) {
      am_unlock();
      return True;
   }
   SyncState ss;
   VG_(memset)(&ss, 0, sizeof ss);
   ss.fn = fn;
   ss.file = file;
   ss.line = line;
   Bool read_ok = read_proc_self_maps(sync_check_callback, &ss);
   if (read_ok && !ss.done_top)
      sync_gap(&ss, ss.next, Addr_MAX);
   if (!read_ok)
      VG_(debugLog)(0, "aspacem", "sync check (%s, %s:%d): cannot read "
                    "/proc/self/maps\n", fn, file, line);
   if (ss.mismatches > AM_SYNC_MAX_REPORTS)
      VG_(debugLog)(0, "aspacem", "  ... %d discrepancies in all\n",
                    ss.mismatches);
   if (ss.mismatches > 0)
      show_nsegments_wrk(0, "after a failed sync check");
   Bool ok = read_ok && ss.mismatches == 0;
   am_unlock();
   return ok;
}
