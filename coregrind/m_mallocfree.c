/* The core's arena allocator.

   Each arena gets its memory from m_aspacemgr in superblocks and carves
   them into blocks.  A superblock is a header followed by blocks that
   tile it exactly, so a walk from the first block by block sizes ends
   precisely at its end.  A request of BIG_BLOCK_SZB or more gets a
   superblock of its own that is unmapped when the block is freed; the
   others share STANDARD_SB_SZB superblocks.  Superblocks of shared blocks
   are kept for reuse when they empty.

   A block:

      | header | low red zone | payload (req_szB) | high red zone | trailer |
      ^ block                 ^ payload = block + front_szB

   The header holds the block size with the in-use flag, the size asked
   for, and the cost centre; the trailer repeats the size word so that
   freeing can find the block before it and merge with it.  The low red
   zone fills the gap up to the payload's alignment, the high one runs
   from the end of what was asked for to the trailer: both hold
   REDZONE_BYTE and are checked when the block is freed and by the
   checker, so an overrun by even one byte is caught.  The client arena
   leaves its red zones alone: overruns of client blocks are the tool's
   business, not corruption of the core.

   A free block keeps its header and trailer and stores its free-list links
   right after the header.  Free blocks are on one of N_FREE_LISTS
   doubly-linked lists, segregated by size, and two free blocks are never
   adjacent: freeing merges a block with free neighbours. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_mallocfree.h"
#include "pub_core_lock.h"

Int VG_(clo_sanity_level) = 1;

#define STANDARD_SB_SZB  (1024 * 1024)
#define BIG_BLOCK_SZB    (256 * 1024)
#define N_FREE_LISTS     96
#define REDZONE_BYTE     0xA7
#define MAX_ALIGN        4096
#define MAX_CLIENT_RZ_SZB 4096

/* Largest request even tried: keeps the size arithmetic from wrapping. */
#define MAX_REQ_SZB      (((SizeT)-1) / 4)

/* The low bits of a size word (block sizes are multiples of at least 8). */
#define BLOCK_INUSE      ((SizeT)1)
#define BLOCK_MARKED     ((SizeT)2)   /* seen on a free list by the checker */
#define BLOCK_FLAGS      (BLOCK_INUSE | BLOCK_MARKED)

typedef struct {
   SizeT        size_flags;   /* block size | BLOCK_INUSE | BLOCK_MARKED */
   SizeT        req_szB;      /* in use: the size asked for */
   const HChar* cc;           /* the cost centre of the last allocation */
} Block;

typedef struct {
   Block* next;
   Block* prev;
} FreeLinks;

typedef struct Superblock_ {
   struct Superblock_* next;
   SizeT szB;                 /* the whole mapping, this header included */
   Bool  single_block;        /* one big block, unmapped when freed */
} Superblock;

/* Each arena has its own lock (m_lock's futex mutex). */
typedef VgMutex ArenaLock;

typedef struct {
   ArenaLock    lock;
   Bool         initialised;
   Bool         check_redzones;
   SizeT        rz_szB;        /* at least this much red zone per side */
   SizeT        align;         /* of payloads, blocks and block sizes */
   SizeT        front_szB;     /* header + low red zone */
   SizeT        min_bszB;
   Superblock*  sblocks;
   Block*       free_lists[N_FREE_LISTS];
   SizeT        mmaped_szB;
   SizeT        peak_mmaped_szB;
   SizeT        loaned_szB;    /* sum of req_szB over blocks in use */
   SizeT        peak_loaned_szB;
   SizeT        n_inuse_blocks;
   SizeT        n_free_blocks;
} Arena;

static const HChar* const arena_names[VG_N_ARENAS] = {
   [VG_AR_CORE]     = "core",
   [VG_AR_DINFO]    = "dinfo",
   [VG_AR_TOOL]     = "tool",
   [VG_AR_CLIENT]   = "client",
   [VG_AR_DEMANGLE] = "demangle",
   [VG_AR_EXECTXT]  = "exectxt",
   [VG_AR_ERRORS]   = "errors",
   [VG_AR_TTAUX]    = "ttaux",
};

static Arena arenas[VG_N_ARENAS];

static SizeT client_rz_szB = 16;
static SizeT client_align  = VG_MIN_MALLOC_SZB;

/* Summed over all arenas, for the out-of-memory message. */
static SizeT total_mmaped_szB = 0;

/* ------------------------------------------------------------------ */
/* Locking                                                              */

static void lock_acquire(ArenaLock* lk)
{
   VG_(mutex_lock)(lk);
}

static void lock_release(ArenaLock* lk)
{
   VG_(mutex_unlock)(lk);
}

/* ------------------------------------------------------------------ */
/* Blocks and superblocks                                               */

static SizeT block_size(const Block* b)
{
   return b->size_flags & ~BLOCK_FLAGS;
}

static Bool block_in_use(const Block* b)
{
   return (b->size_flags & BLOCK_INUSE) != 0;
}

static SizeT* trailer_of(const Block* b, SizeT bszB)
{
   return (SizeT*)((Addr)b + bszB - sizeof(SizeT));
}

/* Writes the size word to header and trailer, clearing the mark. */
static void set_size_flags(Block* b, SizeT bszB, SizeT flags)
{
   b->size_flags = bszB | flags;
   *trailer_of(b, bszB) = bszB | flags;
}

static FreeLinks* links_of(Block* b)
{
   return (FreeLinks*)(b + 1);
}

static UChar* payload_of(const Arena* a, const Block* b)
{
   return (UChar*)b + a->front_szB;
}

static Block* block_of_payload(const Arena* a, const void* p)
{
   return (Block*)((Addr)p - a->front_szB);
}

/* The most a block of BSZB bytes can hold. */
static SizeT capacity_of(const Arena* a, SizeT bszB)
{
   return bszB - a->front_szB - a->rz_szB - sizeof(SizeT);
}

static SizeT block_size_for(const Arena* a, SizeT req_szB)
{
   SizeT bszB = VG_ROUNDUP(a->front_szB + req_szB + a->rz_szB
                           + sizeof(SizeT), a->align);
   return VG_MAX(bszB, a->min_bszB);
}

static Block* first_block(const Arena* a, const Superblock* sb)
{
   return (Block*)VG_ROUNDUP((Addr)sb + sizeof(Superblock), a->align);
}

static Addr sb_end(const Superblock* sb)
{
   return (Addr)sb + sb->szB;
}

static Superblock* find_superblock(const Arena* a, Addr addr)
{
   for (Superblock* sb = a->sblocks; sb; sb = sb->next)
      if (addr >= (Addr)sb && addr < sb_end(sb))
         return sb;
   return NULL;
}

/* Whether a block of BSZB bytes at B is possible in SB. */
static Bool block_size_plausible(const Arena* a, const Superblock* sb,
                                 const Block* b, SizeT bszB)
{
   return bszB >= a->min_bszB && VG_IS_ALIGNED(bszB, a->align)
          && bszB <= sb_end(sb) - (Addr)b;
}

/* Free lists: exact classes of 16 bytes below 512 bytes, then four
   classes per power of two. */
static UInt free_list_index(SizeT bszB)
{
   if (bszB < 512)
      return (UInt)(bszB / 16);
   UInt msb = 63 - (UInt)__builtin_clzll((ULong)bszB);
   UInt idx = 32 + (msb - 9) * 4 + (UInt)((bszB >> (msb - 2)) & 3);
   return VG_MIN(idx, N_FREE_LISTS - 1);
}

static void free_list_insert(Arena* a, Block* b)
{
   Block** head = &a->free_lists[free_list_index(block_size(b))];
   FreeLinks* l = links_of(b);
   l->prev = NULL;
   l->next = *head;
   if (*head)
      links_of(*head)->prev = b;
   *head = b;
   a->n_free_blocks++;
}

static void free_list_remove(Arena* a, Block* b)
{
   FreeLinks* l = links_of(b);
   if (l->prev)
      links_of(l->prev)->next = l->next;
   else
      a->free_lists[free_list_index(block_size(b))] = l->next;
   if (l->next)
      links_of(l->next)->prev = l->prev;
   a->n_free_blocks--;
}

/* ------------------------------------------------------------------ */
/* Red zones                                                            */

static void paint_redzones(const Arena* a, Block* b)
{
   if (!a->check_redzones)
      return;
   UChar* lo = (UChar*)(b + 1);
   UChar* hi = payload_of(a, b) + b->req_szB;
   VG_(memset)(lo, REDZONE_BYTE, (SizeT)(payload_of(a, b) - lo));
   VG_(memset)(hi, REDZONE_BYTE, (SizeT)((UChar*)trailer_of(b, block_size(b)) - hi));
}

/* The first red-zone byte of in-use block B that was overwritten, or
   NULL. */
static const UChar* damaged_redzone_byte(const Arena* a, const Block* b)
{
   if (!a->check_redzones)
      return NULL;
   for (const UChar* p = (const UChar*)(b + 1); p < payload_of(a, b); p++)
      if (*p != REDZONE_BYTE)
         return p;
   const UChar* end = (const UChar*)trailer_of(b, block_size(b));
   for (const UChar* p = payload_of(a, b) + b->req_szB; p < end; p++)
      if (*p != REDZONE_BYTE)
         return p;
   return NULL;
}

/* ------------------------------------------------------------------ */
/* Reporting corruption                                                 */

static void arena_unlock(Arena* a);

/* The arena's name, for messages. */
static const HChar* arena_name(const Arena* a)
{
   return arena_names[a - arenas];
}

/* Releases the arena, reports PROBLEM and panics. */
static void report_corruption(Arena* a, const HChar* problem) NORETURN;
static void report_corruption(Arena* a, const HChar* problem)
{
   arena_unlock(a);
   VG_(core_panic)(problem);
}

/* Describes in-use or free block B as "block 0x.. (payload 0x.., N bytes,
   allocated by "cc")". */
static void describe_block(const Arena* a, const Block* b,
                           HChar* buf, SizeT bufsz)
{
   if (block_in_use(b))
      VG_(snprintf)(buf, bufsz,
                    "block 0x%lx (payload 0x%lx, %lu bytes, allocated by \"%s\")",
                    (Addr)b, (Addr)payload_of(a, b), b->req_szB,
                    b->cc ? b->cc : "?");
   else
      VG_(snprintf)(buf, bufsz, "free block 0x%lx (%lu bytes)",
                    (Addr)b, block_size(b));
}

/* Reports corruption found in or at block B: WHAT says what is wrong. */
static void report_bad_block(Arena* a, const Block* b, const HChar* what)
    NORETURN;
static void report_bad_block(Arena* a, const Block* b, const HChar* what)
{
   HChar desc[256];
   HChar msg[512];
   describe_block(a, b, desc, sizeof desc);
   VG_(snprintf)(msg, sizeof msg, "heap corruption in arena \"%s\": %s: %s",
                 arena_name(a), desc, what);
   report_corruption(a, msg);
}

/* The block of SB that contains ADDR, found by walking SB from its start;
   NULL when the walk meets a damaged block first. */
static const Block* block_containing(const Arena* a, const Superblock* sb,
                                     Addr addr)
{
   const Block* b = first_block(a, sb);
   while ((Addr)b < sb_end(sb)) {
      SizeT bszB = block_size(b);
      if (!block_size_plausible(a, sb, b, bszB))
         return NULL;
      if (addr < (Addr)b + bszB)
         return addr >= (Addr)b ? b : NULL;
      b = (const Block*)((Addr)b + bszB);
   }
   return NULL;
}

/* Reports a free/realloc/usable_size of P that is not an in-use block. */
static void report_bad_pointer(Arena* a, const Superblock* sb, const void* p,
                               const HChar* problem) NORETURN;
static void report_bad_pointer(Arena* a, const Superblock* sb, const void* p,
                               const HChar* problem)
{
   HChar where[300] = "";
   HChar msg[512];
   const Block* b = sb ? block_containing(a, sb, (Addr)p) : NULL;
   if (b) {
      HChar desc[256];
      describe_block(a, b, desc, sizeof desc);
      VG_(snprintf)(where, sizeof where, "; it lies inside %s", desc);
   }
   VG_(snprintf)(msg, sizeof msg, "arena \"%s\": 0x%lx %s%s",
                 arena_name(a), (Addr)p, problem, where);
   report_corruption(a, msg);
}

/* ------------------------------------------------------------------ */
/* Arena set-up and the checker                                         */

static void arena_init(Arena* a, ArenaId aid)
{
   Bool is_client = aid == VG_AR_CLIENT;
   a->check_redzones = !is_client;
   a->rz_szB    = is_client ? client_rz_szB : sizeof(SizeT);
   a->align     = is_client ? client_align : VG_MIN_MALLOC_SZB;
   a->front_szB = VG_ROUNDUP(sizeof(Block) + a->rz_szB, a->align);
   /* A free block must have room for its links. */
   SizeT least  = VG_ROUNDUP(sizeof(Block) + sizeof(FreeLinks)
                             + sizeof(SizeT), a->align);
   a->min_bszB  = VG_MAX(least, block_size_for(a, 0));
   a->initialised = True;
}

static void check_arena(Arena* a);

/* Locks arena AID, setting it up on first use. */
static Arena* arena_lock(ArenaId aid)
{
   vg_assert2(aid >= 0 && aid < VG_N_ARENAS, "no arena %d", aid);
   Arena* a = &arenas[aid];
   lock_acquire(&a->lock);
   if (!a->initialised)
      arena_init(a, aid);
   return a;
}

/* Locks arena AID for an allocation or a free, which at sanity level 2
   and above checks the whole arena first. */
static Arena* arena_lock_for_use(ArenaId aid)
{
   Arena* a = arena_lock(aid);
   if (VG_(clo_sanity_level) >= 2)
      check_arena(a);
   return a;
}

static void arena_unlock(Arena* a)
{
   lock_release(&a->lock);
}

/* Free lists first: each listed block is marked, so that the walk of the
   superblocks can tell whether a free block is listed exactly once. */
static void check_free_lists(Arena* a)
{
   for (UInt i = 0; i < N_FREE_LISTS; i++) {
      Block* prev = NULL;
      for (Block* b = a->free_lists[i]; b; b = links_of(b)->next) {
         const Superblock* sb = find_superblock(a, (Addr)b);
         if (sb == NULL || (Addr)b < (Addr)first_block(a, sb)
             || !VG_IS_ALIGNED(b, a->align)
             || !block_size_plausible(a, sb, b, block_size(b))) {
            HChar msg[160];
            VG_(snprintf)(msg, sizeof msg,
                          "heap corruption in arena \"%s\": free list %u "
                          "holds 0x%lx, which is no block of this arena",
                          arena_name(a), i, (Addr)b);
            report_corruption(a, msg);
         }
         if (block_in_use(b))
            report_bad_block(a, b, "a block in use is on a free list");
         if (b->size_flags & BLOCK_MARKED)
            report_bad_block(a, b, "a free block is listed twice");
         if (free_list_index(block_size(b)) != i)
            report_bad_block(a, b, "a free block is on the wrong free list");
         if (links_of(b)->prev != prev)
            report_bad_block(a, b, "a free list's back link is wrong");
         b->size_flags |= BLOCK_MARKED;
         prev = b;
      }
   }
}

/* Walks SB block by block, checking each and clearing the marks; adds
   what it finds to the counts. */
static void check_superblock(Arena* a, const Superblock* sb,
                             SizeT* n_inuse, SizeT* n_free, SizeT* loaned)
{
   Block* b = first_block(a, sb);
   Bool prev_free = False;
   SizeT n_blocks = 0;
   while ((Addr)b < sb_end(sb)) {
      SizeT bszB = block_size(b);
      if (!block_size_plausible(a, sb, b, bszB))
         report_bad_block(a, b, "its size is impossible (header overwritten)");
      if (*trailer_of(b, bszB) != (b->size_flags & ~BLOCK_MARKED))
         report_bad_block(a, b, "its header and trailer disagree");
      if (block_in_use(b)) {
         if (b->req_szB > capacity_of(a, bszB))
            report_bad_block(a, b, "its size asked for exceeds the block");
         if (damaged_redzone_byte(a, b))
            report_bad_block(a, b, "a red zone was overwritten");
         (*n_inuse)++;
         *loaned += b->req_szB;
         prev_free = False;
      } else {
         if (prev_free)
            report_bad_block(a, b, "it was not merged with the free block "
                                   "before it");
         if (!(b->size_flags & BLOCK_MARKED))
            report_bad_block(a, b, "a free block is on no free list");
         b->size_flags &= ~BLOCK_MARKED;
         (*n_free)++;
         prev_free = True;
      }
      n_blocks++;
      b = (Block*)((Addr)b + bszB);
   }
   if (sb->single_block && (n_blocks != 1 || prev_free)) {
      HChar msg[160];
      VG_(snprintf)(msg, sizeof msg,
                    "heap corruption in arena \"%s\": the superblock 0x%lx "
                    "of one big block holds %lu blocks", arena_name(a),
                    (Addr)sb, n_blocks);
      report_corruption(a, msg);
   }
}

/* Checks arena A, which the caller has locked. */
static void check_arena(Arena* a)
{
   SizeT n_inuse = 0, n_free = 0, loaned = 0, mmaped = 0;
   check_free_lists(a);
   for (const Superblock* sb = a->sblocks; sb; sb = sb->next) {
      check_superblock(a, sb, &n_inuse, &n_free, &loaned);
      mmaped += sb->szB;
   }
   if (n_inuse != a->n_inuse_blocks || n_free != a->n_free_blocks
       || loaned != a->loaned_szB || mmaped != a->mmaped_szB) {
      HChar msg[400];
      VG_(snprintf)(msg, sizeof msg,
                    "heap corruption in arena \"%s\": its counters say %lu "
                    "blocks in use, %lu free, %lu bytes in use, %lu mapped; "
                    "its blocks say %lu, %lu, %lu, %lu", arena_name(a),
                    a->n_inuse_blocks, a->n_free_blocks, a->loaned_szB,
                    a->mmaped_szB, n_inuse, n_free, loaned, mmaped);
      report_corruption(a, msg);
   }
}

void VG_(sanity_check_malloc_arena)(ArenaId aid)
{
   Arena* a = arena_lock(aid);
   check_arena(a);
   arena_unlock(a);
}

void VG_(sanity_check_malloc_all)(void)
{
   for (ArenaId aid = 0; aid < VG_N_ARENAS; aid++)
      VG_(sanity_check_malloc_arena)(aid);
}

/* ------------------------------------------------------------------ */
/* Allocation                                                           */

void VG_(out_of_memory_NORETURN)(const HChar* who, SizeT szB)
{
   SizeT mmaped = __atomic_load_n(&total_mmaped_szB, __ATOMIC_RELAXED);
   VG_(umsg)("\n");
   VG_(umsg)("Valgrind's memory management: out of memory: %s's request "
             "for %lu bytes failed.\n", who, szB);
   VG_(umsg)("The core's arenas already hold %lu bytes.  The machine has "
             "run out of memory, or a limit\n", mmaped);
   VG_(umsg)("(ulimit -v) leaves too little of it; the run cannot "
             "continue.\n");
   VG_(exit)(1);
}

/* Maps a superblock holding one free block of at least BSZB bytes (not
   on any list yet) and returns that block. */
static Block* new_superblock(Arena* a, const HChar* cc, SizeT req_szB,
                             SizeT bszB, Bool single_block)
{
   SizeT hdr_szB = VG_ROUNDUP(sizeof(Superblock), a->align);
   SizeT sb_szB = single_block ? VG_ROUNDUP(hdr_szB + bszB, VKI_PAGE_SIZE)
                               : STANDARD_SB_SZB;
   SysRes sr = VG_(am_mmap_anon_float_valgrind)(sb_szB);
   if (sr_isError(sr)) {
      arena_unlock(a);
      VG_(out_of_memory_NORETURN)(cc, req_szB);
   }
   Superblock* sb = (Superblock*)sr_Res(sr);
   sb->szB = sb_szB;
   sb->single_block = single_block;
   sb->next = a->sblocks;
   a->sblocks = sb;
   a->mmaped_szB += sb_szB;
   a->peak_mmaped_szB = VG_MAX(a->peak_mmaped_szB, a->mmaped_szB);
   __atomic_add_fetch(&total_mmaped_szB, sb_szB, __ATOMIC_RELAXED);
   Block* b = first_block(a, sb);
   set_size_flags(b, sb_szB - hdr_szB, 0);
   return b;
}

static void release_superblock(Arena* a, Superblock* sb)
{
   Superblock** link = &a->sblocks;
   while (*link != sb)
      link = &(*link)->next;
   *link = sb->next;
   a->mmaped_szB -= sb->szB;
   __atomic_sub_fetch(&total_mmaped_szB, sb->szB, __ATOMIC_RELAXED);
   SysRes sr = VG_(am_munmap_valgrind)((Addr)sb, sb->szB);
   vg_assert2(!sr_isError(sr), "munmap of superblock 0x%lx failed: %s",
              (Addr)sb, VG_(strerror)(sr_Err(sr)));
}

/* A listed free block of at least BSZB bytes, taken off its list, or
   NULL.  Blocks on higher lists than BSZB's own are all big enough. */
static Block* take_free_block(Arena* a, SizeT bszB)
{
   for (UInt i = free_list_index(bszB); i < N_FREE_LISTS; i++)
      for (Block* b = a->free_lists[i]; b; b = links_of(b)->next)
         if (block_size(b) >= bszB) {
            free_list_remove(a, b);
            return b;
         }
   return NULL;
}

/* Cuts free block B down to BSZB bytes when the rest can be a block of
   its own, and lists the rest.  B's right neighbour is in use (or B ends
   its superblock), so the rest needs no merging. */
static void split_block(Arena* a, Block* b, SizeT bszB)
{
   SizeT rest_szB = block_size(b) - bszB;
   if (rest_szB < a->min_bszB)
      return;
   Block* rest = (Block*)((Addr)b + bszB);
   set_size_flags(rest, rest_szB, 0);
   rest->cc = NULL;
   set_size_flags(b, bszB, 0);
   free_list_insert(a, rest);
}

static void* alloc_locked(Arena* a, const HChar* cc, SizeT req_szB)
{
   if (req_szB > MAX_REQ_SZB) {
      arena_unlock(a);
      VG_(out_of_memory_NORETURN)(cc, req_szB);
   }
   SizeT bszB = block_size_for(a, req_szB);
   Block* b;
   if (bszB >= BIG_BLOCK_SZB) {
      b = new_superblock(a, cc, req_szB, bszB, True);
   } else {
      b = take_free_block(a, bszB);
      if (b == NULL)
         b = new_superblock(a, cc, req_szB, bszB, False);
      split_block(a, b, bszB);
   }
   set_size_flags(b, block_size(b), BLOCK_INUSE);
   b->req_szB = req_szB;
   b->cc = cc;
   paint_redzones(a, b);
   a->n_inuse_blocks++;
   a->loaned_szB += req_szB;
   a->peak_loaned_szB = VG_MAX(a->peak_loaned_szB, a->loaned_szB);
   return payload_of(a, b);
}

/* The in-use block whose payload is P, after checking that it is one and
   that its red zones are intact; panics otherwise.  Its superblock goes
   to *SB_OUT. */
static Block* checked_block_of(Arena* a, void* p, Superblock** sb_out)
{
   Superblock* sb = find_superblock(a, (Addr)p);
   if (sb == NULL)
      report_bad_pointer(a, NULL, p, "is not in this arena (a wild "
                         "pointer, or a block of another arena)");
   Block* b = block_of_payload(a, p);
   if (!VG_IS_ALIGNED(p, a->align) || (Addr)b < (Addr)first_block(a, sb)
       || !block_size_plausible(a, sb, b, block_size(b))
       || *trailer_of(b, block_size(b)) != (b->size_flags & ~BLOCK_MARKED))
      report_bad_pointer(a, sb, p, "is not the start of a block (an interior "
                         "pointer, or the block's header was overwritten)");
   if (!block_in_use(b)) {
      HChar what[200];
      VG_(snprintf)(what, sizeof what, "is already free (a double free of "
                    "a block allocated by \"%s\")", b->cc ? b->cc : "?");
      report_bad_pointer(a, NULL, p, what);
   }
   if (b->req_szB > capacity_of(a, block_size(b)))
      report_bad_block(a, b, "its header was overwritten");
   const UChar* bad = damaged_redzone_byte(a, b);
   if (bad) {
      HChar what[160];
      const UChar* payload = payload_of(a, b);
      if (bad < payload)
         VG_(snprintf)(what, sizeof what, "the red zone before the payload "
                       "was overwritten at 0x%lx (%lu bytes before it)",
                       (Addr)bad, (SizeT)(payload - bad));
      else
         VG_(snprintf)(what, sizeof what, "the red zone after the payload "
                       "was overwritten at 0x%lx (%lu bytes past its end)",
                       (Addr)bad, (SizeT)(bad - payload - b->req_szB));
      report_bad_block(a, b, what);
   }
   *sb_out = sb;
   return b;
}

/* Frees in-use block B of SB, merging it with free neighbours. */
static void free_block(Arena* a, Superblock* sb, Block* b)
{
   a->n_inuse_blocks--;
   a->loaned_szB -= b->req_szB;
   if (sb->single_block) {
      release_superblock(a, sb);
      return;
   }
   SizeT bszB = block_size(b);
   Block* next = (Block*)((Addr)b + bszB);
   if ((Addr)next < sb_end(sb) && !block_in_use(next)) {
      free_list_remove(a, next);
      bszB += block_size(next);
   }
   if (b != first_block(a, sb)) {
      SizeT prev_word = *(SizeT*)((Addr)b - sizeof(SizeT));
      if (!(prev_word & BLOCK_INUSE)) {
         Block* prev = (Block*)((Addr)b - (prev_word & ~BLOCK_FLAGS));
         free_list_remove(a, prev);
         bszB += block_size(prev);
         b = prev;
      }
   }
   set_size_flags(b, bszB, 0);
   free_list_insert(a, b);
}

/* ------------------------------------------------------------------ */
/* The interface                                                        */

void* VG_(arena_malloc)(ArenaId aid, const HChar* cc, SizeT nbytes)
{
   Arena* a = arena_lock_for_use(aid);
   void* p = alloc_locked(a, cc, nbytes);
   arena_unlock(a);
   return p;
}

void VG_(arena_free)(ArenaId aid, void* p)
{
   if (p == NULL)
      return;
   Arena* a = arena_lock_for_use(aid);
   Superblock* sb;
   Block* b = checked_block_of(a, p, &sb);
   free_block(a, sb, b);
   arena_unlock(a);
}

void* VG_(arena_calloc)(ArenaId aid, const HChar* cc, SizeT n, SizeT size)
{
   SizeT total;
   vg_assert2(!__builtin_mul_overflow(n, size, &total),
              "calloc(%lu, %lu) from \"%s\": the size overflows",
              n, size, cc);
   void* p = VG_(arena_malloc)(aid, cc, total);
   VG_(memset)(p, 0, total);
   return p;
}

void* VG_(arena_realloc)(ArenaId aid, const HChar* cc, void* p, SizeT size)
{
   if (p == NULL)
      return VG_(arena_malloc)(aid, cc, size);
   Arena* a = arena_lock_for_use(aid);
   Superblock* sb;
   Block* b = checked_block_of(a, p, &sb);
   SizeT old_szB = b->req_szB;
   if (size <= capacity_of(a, block_size(b))
       && 2 * block_size_for(a, size) >= block_size(b)) {
      /* It fits where it is without wasting most of the block: only the
         high red zone moves. */
      a->loaned_szB = a->loaned_szB - old_szB + size;
      a->peak_loaned_szB = VG_MAX(a->peak_loaned_szB, a->loaned_szB);
      b->req_szB = size;
      b->cc = cc;
      paint_redzones(a, b);
      arena_unlock(a);
      return p;
   }
   void* q = alloc_locked(a, cc, size);
   VG_(memcpy)(q, p, VG_MIN(old_szB, size));
   free_block(a, sb, b);
   arena_unlock(a);
   return q;
}

HChar* VG_(arena_strdup)(ArenaId aid, const HChar* cc, const HChar* s)
{
   SizeT n = VG_(strlen)(s) + 1;
   HChar* copy = VG_(arena_malloc)(aid, cc, n);
   VG_(memcpy)(copy, s, n);
   return copy;
}

SizeT VG_(arena_malloc_usable_size)(ArenaId aid, void* p)
{
   if (p == NULL)
      return 0;
   Arena* a = arena_lock_for_use(aid);
   Superblock* sb;
   SizeT size = checked_block_of(a, p, &sb)->req_szB;
   arena_unlock(a);
   return size;
}

/* Whether the client arena has been used, and so can no longer change
   its layout. */
static Bool client_arena_in_use(void)
{
   ArenaLock* lk = &arenas[VG_AR_CLIENT].lock;
   lock_acquire(lk);
   Bool in_use = arenas[VG_AR_CLIENT].initialised;
   lock_release(lk);
   return in_use;
}

void VG_(arena_set_client_redzone)(SizeT rz_szB)
{
   vg_assert2(!client_arena_in_use(),
              "the client red zone must be set before the first client "
              "allocation");
   vg_assert2(rz_szB <= MAX_CLIENT_RZ_SZB, "client red zone of %lu bytes",
              rz_szB);
   client_rz_szB = rz_szB;
}

void VG_(arena_set_client_alignment)(SizeT align)
{
   vg_assert2(!client_arena_in_use(),
              "the client alignment must be set before the first client "
              "allocation");
   vg_assert2(align >= 8 && align <= MAX_ALIGN && (align & (align - 1)) == 0,
              "client alignment of %lu bytes", align);
   client_align = align;
}

void VG_(print_all_arena_stats)(void)
{
   for (ArenaId aid = 0; aid < VG_N_ARENAS; aid++) {
      Arena* a = &arenas[aid];
      lock_acquire(&a->lock);
      if (a->initialised)
         VG_(dmsg)("arena %-8s: %10lu mmap'd (peak %10lu), %10lu in use "
                   "in %7lu blocks (peak %10lu)\n", arena_name(a),
                   a->mmaped_szB, a->peak_mmaped_szB, a->loaned_szB,
                   a->n_inuse_blocks, a->peak_loaned_szB);
      lock_release(&a->lock);
   }
}

void* VG_(malloc)(const HChar* cc, SizeT nbytes)
{
   return VG_(arena_malloc)(VG_AR_TOOL, cc, nbytes);
}

void VG_(free)(void* p)
{
   VG_(arena_free)(VG_AR_TOOL, p);
}

void* VG_(calloc)(const HChar* cc, SizeT n, SizeT size)
{
   return VG_(arena_calloc)(VG_AR_TOOL, cc, n, size);
}

void* VG_(realloc)(const HChar* cc, void* p, SizeT size)
{
   return VG_(arena_realloc)(VG_AR_TOOL, cc, p, size);
}

HChar* VG_(strdup)(const HChar* cc, const HChar* s)
{
   return VG_(arena_strdup)(VG_AR_TOOL, cc, s);
}

SizeT VG_(malloc_usable_size)(void* p)
{
   return VG_(arena_malloc_usable_size)(VG_AR_TOOL, p);
}
