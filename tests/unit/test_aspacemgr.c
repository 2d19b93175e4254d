/* Unit tests of the address-space manager (m_aspacemgr), run on the test
   process's own address space: each test (a forked child) starts the
   manager on its /proc/self/maps, then maps, unmaps and protects memory
   through it and checks the map against itself and against the kernel.

   Between VG_(am_startup) and a sync check nothing may map memory behind
   the manager's back, so the tests avoid libc calls that allocate
   (stdio, malloc) in between. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcprint.h"
#include "pub_core_mallocfree.h"
#include "pub_core_aspacemgr.h"

#define PG ((SizeT)VKI_PAGE_SIZE)

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

static AmLayout lay;

/* Starts the manager on this process, with the map checked after every
   change (--sanity-level=3). */
static void start(void)
{
   int on_stack;
   VG_(clo_sanity_level) = 3;
   VG_(am_startup)((Addr)&on_stack);
   VG_(am_get_layout)(&lay);
}

static int sync_ok(void)
{
   return VG_(am_do_sync_check)("test", __FILE__, __LINE__);
}

/* LEN bytes of free client space, as the manager would place them. */
static Addr free_client_area(SizeT len)
{
   Bool ok = False;
   Addr a = VG_(am_get_advisory_client_simple)(0, len, &ok);
   UT_CHECK(ok);
   return a;
}

/* LEN bytes of fresh anonymous client memory with PROT. */
static Addr map_client(SizeT len, UInt prot)
{
   Addr a = free_client_area(len);
   SysRes sr = VG_(am_mmap_anon_fixed_client)(a, len, prot);
   UT_CHECK(!sr_isError(sr));
   UT_CHECK_EQ(sr_Res(sr), a);
   return a;
}

static const NSegment* seg_at(Addr a)
{
   return VG_(am_find_nsegment)(a);
}

/* The number of segments from the one containing A to the one
   containing B, both included. */
static int segs_between(Addr a, Addr b)
{
   int n = 1;
   for (const NSegment* s = seg_at(a); s && s->end < b;
        s = VG_(am_next_nsegment)(s, True))
      n++;
   return n;
}

static int prot_is(const NSegment* s, int r, int w, int x)
{
   return s->hasR == r && s->hasW == w && s->hasX == x;
}

/* A temporary file of N pages, page I filled with the byte 'a'+I; its
   path in PATH.  Returns an open descriptor. */
static int make_file_pages(char* path, size_t size, int n)
{
   strncpy(path, "/tmp/vg_ut_aspacem_XXXXXX", size);
   int fd = mkstemp(path);
   UT_CHECK(fd >= 0);
   static char page[VKI_PAGE_SIZE];
   for (int i = 0; i < n; i++) {
      memset(page, 'a' + i, sizeof page);
      UT_CHECK(write(fd, page, sizeof page) == (ssize_t)sizeof page);
   }
   return fd;
}

static char captured[16384];

/* For the checks run in a captured child. */
static void child_sync_check(void)
{
   VG_(debugLog_level) = 0;
   _exit(VG_(am_do_sync_check)("child_sync_check", __FILE__, __LINE__)
         ? 0 : 3);
}

/* Runs the sync check in a child with its output captured: 1 if it
   passed, 0 if it reported a discrepancy. */
static int sync_ok_captured(void)
{
   int status = ut_run_captured(child_sync_check, captured,
                                sizeof captured);
   UT_CHECK(WIFEXITED(status));
   return WEXITSTATUS(status) == 0;
}

/* ------------------------------------------------------------------ */
/* Start-up                                                             */

UNIT_TEST(startup_map_covers_the_address_space)
{
   start();
   UT_CHECK(VG_(am_is_initialised)());
   UT_CHECK(VG_(am_check_map)());
   const NSegment* s = seg_at(0);
   UT_CHECK(s != NULL && s->start == 0);
   int n = 0;
   Addr next = 0;
   const NSegment* last = NULL;
   for (; s; s = VG_(am_next_nsegment)(s, True)) {
      UT_CHECK_EQ(s->start, next);
      UT_CHECK(s->end >= s->start);
      UT_CHECK(s->start % PG == 0);
      next = s->end + 1;
      last = s;
      n++;
   }
   UT_CHECK(last != NULL && last->end == ~(Addr)0);
   UT_CHECK(n > 5);
   UT_CHECK(VG_(am_next_nsegment)(seg_at(0), False) == NULL);
}

UNIT_TEST(startup_layout_numbers)
{
   start();
   UT_CHECK(lay.minAddr >= 0x100000);
   UT_CHECK_EQ(lay.cStart, lay.minAddr);
   UT_CHECK(lay.minAddr < lay.vStart && lay.vStart < lay.maxAddr);
   UT_CHECK(lay.maxAddr <= lay.userTop);
   UT_CHECK((lay.maxAddr + 1) % PG == 0 && lay.vStart % PG == 0);
#if defined(VGA_amd64) || defined(VGA_arm64)
   UT_CHECK_EQ(lay.vStart, 0x1000000000UL);
   UT_CHECK_EQ(lay.maxAddr, 0x1fffffffffUL);
   UT_CHECK(lay.userTop >= 0x7fffffffffUL);
#endif
#if defined(VGA_amd64)
   UT_CHECK(lay.userTop >= 0x7fffffffffffUL);
#endif
   /* The client's stack goes at the top of its space, which is free. */
   UT_CHECK_EQ(lay.clstackEnd, lay.vStart - 1);
   UT_CHECK(VG_(am_covered_by_single_free_segment)(lay.vStart - 16 * 1024 * 1024,
                                                   16 * 1024 * 1024));
}

UNIT_TEST(startup_records_own_text_as_core_file_mapping)
{
   start();
   const NSegment* s = seg_at((Addr)&VG_(am_startup));
   UT_CHECK(s != NULL);
   UT_CHECK_EQ(s->kind, SkFileV);
   UT_CHECK(s->hasX && s->hasR && !s->hasW);
   struct stat st;
   UT_CHECK(stat("/proc/self/exe", &st) == 0);
   UT_CHECK_EQ(s->ino, st.st_ino);
   UT_CHECK_EQ(s->dev, st.st_dev);
   char exe[4096];
   ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
   UT_CHECK(n > 0);
   exe[n > 0 ? n : 0] = '\0';
   UT_CHECK_STREQ(VG_(am_get_filename)(s), exe);
   UT_CHECK(!VG_(am_is_client_or_free)(s->start, PG));
}

UNIT_TEST(startup_records_stack_and_reserves_its_growth)
{
   start();
   int local;
   const NSegment* s = seg_at((Addr)&local);
   UT_CHECK_EQ(s->kind, SkAnonV);
   UT_CHECK(s->hasR && s->hasW);
   UT_CHECK_STREQ(VG_(am_get_filename)(s), "[stack]");
   const NSegment* below = VG_(am_next_nsegment)(s, False);
   UT_CHECK(below != NULL);
   UT_CHECK_EQ(below->kind, SkResvn);
   UT_CHECK_EQ(below->smode, SmUpper);
   UT_CHECK(below->isCoreResvn);
   /* The client may not map into the core's reservation. */
   MapRequest req = { MFixed, below->end + 1 - PG, PG };
   Bool ok = True;
   VG_(am_get_advisory)(&req, True, &ok);
   UT_CHECK(!ok);
}

UNIT_TEST(startup_reserves_below_min_and_above_user_top)
{
   start();
   UT_CHECK_EQ(seg_at(0)->kind, SkResvn);
   UT_CHECK_EQ(seg_at(lay.minAddr - 1)->kind, SkResvn);
   UT_CHECK(seg_at(lay.minAddr)->kind != SkResvn);
   if (lay.userTop != ~(Addr)0) {
      const NSegment* s = seg_at(lay.userTop + 1);
      UT_CHECK(s->kind == SkResvn || s->kind == SkAnonV
               || s->kind == SkFileV);   /* [vsyscall] */
   }
}

UNIT_TEST(startup_map_agrees_with_the_kernel)
{
   start();
   UT_CHECK(sync_ok());
   /* The stack growing into its reservation is no discrepancy. */
   volatile char deep[256 * 1024];
   memset((char*)deep, 1, sizeof deep);
   UT_CHECK(sync_ok());
   UT_CHECK(deep[100] == 1);
}

UNIT_TEST(startup_again_starts_afresh)
{
   start();
   Addr a = map_client(PG, VKI_PROT_READ);
   UT_CHECK_EQ(seg_at(a)->kind, SkAnonC);
   munmap((void*)a, PG);
   start();
   UT_CHECK_EQ(seg_at(a)->kind, SkFree);
   UT_CHECK(sync_ok());
}

/* ------------------------------------------------------------------ */
/* Client mappings                                                      */

UNIT_TEST(anon_fixed_client_map_and_unmap)
{
   start();
   Addr a = map_client(3 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK(a >= lay.cStart && a + 3 * PG <= lay.vStart);
   const NSegment* s = seg_at(a);
   UT_CHECK_EQ(s->kind, SkAnonC);
   UT_CHECK_EQ(s->start, a);
   UT_CHECK_EQ(s->end, a + 3 * PG - 1);
   UT_CHECK(prot_is(s, 1, 1, 0));
   UT_CHECK(VG_(am_is_valid_for_client)(a, 3 * PG,
                                        VKI_PROT_READ | VKI_PROT_WRITE));
   UT_CHECK(!VG_(am_is_valid_for_client)(a, 3 * PG, VKI_PROT_EXEC));
   UT_CHECK(!VG_(am_is_valid_for_client)(a, 4 * PG, VKI_PROT_NONE));
   ((char*)a)[3 * PG - 1] = 7;
   UT_CHECK(sync_ok());
   Bool discard = True;
   SysRes sr = VG_(am_munmap_client)(&discard, a, 3 * PG);
   UT_CHECK(!sr_isError(sr));
   UT_CHECK(!discard);
   UT_CHECK_EQ(seg_at(a)->kind, SkFree);
   UT_CHECK(VG_(am_check_map)());
   UT_CHECK(sync_ok());
}

UNIT_TEST(partial_unmap_splits_a_segment)
{
   start();
   Addr a = map_client(4 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK(munmap((void*)(a + PG), PG) == 0);
   UT_CHECK(!VG_(am_notify_munmap)(a + PG, PG));
   UT_CHECK_EQ(seg_at(a)->kind, SkAnonC);
   UT_CHECK_EQ(seg_at(a)->end, a + PG - 1);
   UT_CHECK_EQ(seg_at(a + PG)->kind, SkFree);
   UT_CHECK_EQ(seg_at(a + PG)->end, a + 2 * PG - 1);
   UT_CHECK_EQ(seg_at(a + 2 * PG)->kind, SkAnonC);
   UT_CHECK_EQ(seg_at(a + 2 * PG)->end, a + 4 * PG - 1);
   UT_CHECK_EQ(segs_between(a, a + 4 * PG - 1), 3);
   UT_CHECK(sync_ok());
   /* Unmapping a range that is partly free is fine. */
   Bool d;
   UT_CHECK(!sr_isError(VG_(am_munmap_client)(&d, a, 4 * PG)));
   UT_CHECK(VG_(am_covered_by_single_free_segment)(a, 4 * PG));
   UT_CHECK(sync_ok());
}

UNIT_TEST(mprotect_splits_then_merges_back)
{
   start();
   Addr a = map_client(4 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK(mprotect((void*)(a + PG), PG, PROT_READ) == 0);
   VG_(am_notify_mprotect)(a + PG, PG, VKI_PROT_READ);
   UT_CHECK_EQ(segs_between(a, a + 4 * PG - 1), 3);
   UT_CHECK(prot_is(seg_at(a), 1, 1, 0));
   UT_CHECK(prot_is(seg_at(a + PG), 1, 0, 0));
   UT_CHECK(prot_is(seg_at(a + 2 * PG), 1, 1, 0));
   UT_CHECK(sync_ok());
   UT_CHECK(mprotect((void*)(a + PG), PG, PROT_READ | PROT_WRITE) == 0);
   VG_(am_notify_mprotect)(a + PG, PG, VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK_EQ(segs_between(a, a + 4 * PG - 1), 1);
   UT_CHECK_EQ(seg_at(a)->start, a);
   UT_CHECK_EQ(seg_at(a)->end, a + 4 * PG - 1);
   UT_CHECK(VG_(am_check_map)());
   UT_CHECK(sync_ok());
}

UNIT_TEST(adjacent_compatible_mappings_merge)
{
   start();
   Addr a = free_client_area(6 * PG);
   UInt rw = VKI_PROT_READ | VKI_PROT_WRITE;
   UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(a, 2 * PG, rw)));
   UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(a + 2 * PG, 2 * PG,
                                                       rw)));
   UT_CHECK_EQ(seg_at(a)->end, a + 4 * PG - 1);
   /* Different protection: a segment of its own. */
   UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(a + 4 * PG, 2 * PG,
                                                       VKI_PROT_READ)));
   UT_CHECK_EQ(seg_at(a)->end, a + 4 * PG - 1);
   UT_CHECK_EQ(seg_at(a + 4 * PG)->start, a + 4 * PG);
   UT_CHECK(sync_ok());
}

UNIT_TEST(fixed_client_map_never_replaces_a_mapping)
{
   start();
   Addr a = map_client(4 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   ((char*)a)[PG] = 'x';
   SysRes sr = VG_(am_mmap_anon_fixed_client)(a + PG, 2 * PG,
                                              VKI_PROT_READ);
   UT_CHECK(sr_isError(sr));
   UT_CHECK_EQ(sr_Err(sr), VKI_EEXIST);
   UT_CHECK_EQ(((char*)a)[PG], 'x');
   UT_CHECK_EQ(segs_between(a, a + 4 * PG - 1), 1);
   /* Partly free, partly mapped: refused too. */
   sr = VG_(am_mmap_anon_fixed_client)(a + 3 * PG, 2 * PG, VKI_PROT_READ);
   UT_CHECK_EQ(sr_Err(sr), VKI_EEXIST);
   UT_CHECK_EQ(seg_at(a + 4 * PG)->kind, SkFree);
   /* Bad arguments. */
   UT_CHECK_EQ(sr_Err(VG_(am_mmap_anon_fixed_client)(a + 1, PG, 0)),
               VKI_EINVAL);
   UT_CHECK_EQ(sr_Err(VG_(am_mmap_anon_fixed_client)(a, 0, 0)), VKI_EINVAL);
   /* A mapping the map does not know of is not replaced either. */
   Addr f = free_client_area(PG);
   UT_CHECK(mmap((void*)f, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS
                 | MAP_FIXED, -1, 0) == (void*)f);
   UT_CHECK_EQ(sr_Err(VG_(am_mmap_anon_fixed_client)(f, PG, VKI_PROT_READ)),
               VKI_EEXIST);
   UT_CHECK_EQ(seg_at(f)->kind, SkFree);
   UT_CHECK(munmap((void*)f, PG) == 0);
   UT_CHECK(sync_ok());
}

UNIT_TEST(fixed_client_map_works_before_startup)
{
   void* p = mmap(NULL, 4 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
                  -1, 0);
   UT_CHECK(p != MAP_FAILED);
   UT_CHECK(munmap((char*)p + PG, 2 * PG) == 0);
   Addr a = (Addr)p + PG;
   SysRes sr = VG_(am_mmap_anon_fixed_client)(a, 2 * PG,
                                              VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK(!sr_isError(sr) && sr_Res(sr) == a);
   ((char*)a)[0] = 1;
   sr = VG_(am_mmap_anon_fixed_client)((Addr)p, PG, VKI_PROT_READ);
   UT_CHECK_EQ(sr_Err(sr), VKI_EEXIST);
   UT_CHECK(VG_(am_find_nsegment)(a) == NULL);
}

UNIT_TEST(float_client_map_in_client_space)
{
   start();
   SysRes sr = VG_(am_mmap_anon_float_client)(5 * PG, VKI_PROT_READ);
   UT_CHECK(!sr_isError(sr));
   Addr a = sr_Res(sr);
   UT_CHECK(a >= lay.cStart && a + 5 * PG <= lay.vStart);
   UT_CHECK_EQ(seg_at(a)->kind, SkAnonC);
   UT_CHECK(prot_is(seg_at(a), 1, 0, 0));
   UT_CHECK(sync_ok());
}

UNIT_TEST(file_mapping_records_file_offset_and_name)
{
   start();
   char path[64];
   int fd = make_file_pages(path, sizeof path, 4);
   struct stat st;
   UT_CHECK(fstat(fd, &st) == 0);
   Addr a = free_client_area(2 * PG);
   SysRes sr = VG_(am_mmap_file_fixed_client)(a, 2 * PG, VKI_PROT_READ, fd,
                                              (Off64T)PG);
   UT_CHECK(!sr_isError(sr));
   const NSegment* s = seg_at(a);
   UT_CHECK_EQ(s->kind, SkFileC);
   UT_CHECK_EQ(s->offset, PG);
   UT_CHECK_EQ(s->ino, st.st_ino);
   UT_CHECK_EQ(s->dev, st.st_dev);
   UT_CHECK_STREQ(VG_(am_get_filename)(s), path);
   UT_CHECK_EQ(((char*)a)[0], 'b');
   UT_CHECK_EQ(((char*)a)[PG], 'c');
   UT_CHECK(sync_ok());
   /* Unmapping the first page moves the rest's offset along. */
   UT_CHECK(munmap((void*)a, PG) == 0);
   VG_(am_notify_munmap)(a, PG);
   UT_CHECK_EQ(seg_at(a + PG)->offset, 2 * PG);
   UT_CHECK(sync_ok());
   close(fd);
   unlink(path);
}

UNIT_TEST(file_segments_merge_only_when_offsets_continue)
{
   start();
   char path[64];
   int fd = make_file_pages(path, sizeof path, 4);
   Addr a = free_client_area(4 * PG);
   UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(a, PG, VKI_PROT_READ,
                                                       fd, 0)));
   UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(a + PG, PG,
                                                       VKI_PROT_READ, fd,
                                                       (Off64T)PG)));
   UT_CHECK_EQ(seg_at(a)->end, a + 2 * PG - 1);
   /* Offset 3 pages after offset 1: not contiguous. */
   UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(a + 2 * PG, PG,
                                                       VKI_PROT_READ, fd,
                                                       (Off64T)(3 * PG))));
   UT_CHECK_EQ(seg_at(a)->end, a + 2 * PG - 1);
   UT_CHECK_EQ(seg_at(a + 2 * PG)->offset, 3 * PG);
   UT_CHECK_EQ(((char*)a)[2 * PG], 'd');
   UT_CHECK(sync_ok());
   close(fd);
   unlink(path);
}

UNIT_TEST(shared_file_mapping_with_flags)
{
   start();
   char path[64];
   int fd = make_file_pages(path, sizeof path, 1);
   Addr a = free_client_area(PG);
   SysRes sr = VG_(am_mmap_file_fixed_client_flags)(
                  a, PG, VKI_PROT_READ | VKI_PROT_WRITE, VKI_MAP_SHARED, fd, 0);
   UT_CHECK(!sr_isError(sr));
   ((char*)a)[0] = 'Z';
   char c = 0;
   UT_CHECK(pread(fd, &c, 1, 0) == 1);
   UT_CHECK_EQ(c, 'Z');
   UT_CHECK_EQ(seg_at(a)->kind, SkFileC);
   UT_CHECK(sync_ok());
   close(fd);
   unlink(path);
}

UNIT_TEST(notify_client_mmap_records_kernel_mappings)
{
   start();
   Addr a = free_client_area(3 * PG);
   void* p = mmap((void*)a, 3 * PG, PROT_READ | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
   UT_CHECK(p == (void*)a);
   UT_CHECK(!VG_(am_notify_client_mmap)(a, 3 * PG,
                                        VKI_PROT_READ | VKI_PROT_EXEC,
                                        VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS
                                        | VKI_MAP_FIXED, -1, 0));
   UT_CHECK_EQ(seg_at(a)->kind, SkAnonC);
   UT_CHECK(prot_is(seg_at(a), 1, 0, 1));
   UT_CHECK(sync_ok());
}

UNIT_TEST(shmat_notification_records_shared_memory)
{
   start();
   Addr a = free_client_area(2 * PG);
   void* p = mmap((void*)a, 2 * PG, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
   UT_CHECK(p == (void*)a);
   VG_(am_notify_client_shmat)(a, 2 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK_EQ(seg_at(a)->kind, SkShmC);
   UT_CHECK(VG_(am_is_valid_for_client)(a, 2 * PG, VKI_PROT_WRITE));
   UT_CHECK(sync_ok());
   UT_CHECK(munmap(p, 2 * PG) == 0);
   VG_(am_notify_munmap)(a, 2 * PG);
   UT_CHECK_EQ(seg_at(a)->kind, SkFree);
   UT_CHECK(sync_ok());
}

/* ------------------------------------------------------------------ */
/* Refusing the client the core's memory                                 */

UNIT_TEST(advisory_refuses_fixed_client_map_over_core)
{
   start();
   Addr text = VG_ROUNDDN((Addr)&VG_(am_startup), PG);
   MapRequest req = { MFixed, text, PG };
   Bool ok = True;
   VG_(am_get_advisory)(&req, True, &ok);
   UT_CHECK(!ok);
   /* Straddling free space and the core: refused too. */
   const NSegment* s = seg_at(text);
   req.start = s->start - PG;
   req.len = 2 * PG;
   VG_(am_get_advisory)(&req, True, &ok);
   UT_CHECK(!ok);
   /* Over free space and the client's own mappings: granted. */
   Addr a = map_client(PG, VKI_PROT_READ);
   req.start = a;
   req.len = 3 * PG;
   UT_CHECK_EQ(VG_(am_get_advisory)(&req, True, &ok), a);
   UT_CHECK(ok);
   /* The core may not take the client's. */
   VG_(am_get_advisory)(&req, False, &ok);
   UT_CHECK(!ok);
}

UNIT_TEST(fixed_client_map_over_core_fails)
{
   start();
   Addr text = VG_ROUNDDN((Addr)&VG_(am_startup), PG);
   SysRes sr = VG_(am_mmap_anon_fixed_client)(text, PG,
                                              VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK(sr_isError(sr));
   UT_CHECK_EQ(sr_Err(sr), VKI_EEXIST);
   /* Nothing happened: the code is still there and still the core's. */
   UT_CHECK_EQ(seg_at(text)->kind, SkFileV);
   AmLayout again;
   VG_(am_get_layout)(&again);
   UT_CHECK_EQ(again.vStart, lay.vStart);
   /* Nor into the core's stack or the reservation below it. */
   int local;
   sr = VG_(am_mmap_anon_fixed_client)(VG_ROUNDDN((Addr)&local, PG), PG,
                                       VKI_PROT_READ);
   UT_CHECK_EQ(sr_Err(sr), VKI_EEXIST);
   const NSegment* resvn = VG_(am_next_nsegment)(seg_at((Addr)&local),
                                                 False);
   sr = VG_(am_mmap_anon_fixed_client)(resvn->start, PG, VKI_PROT_READ);
   UT_CHECK_EQ(sr_Err(sr), VKI_EEXIST);
   /* A client reservation may be mapped into. */
   Addr f = free_client_area(4 * PG);
   UT_CHECK(VG_(am_create_reservation)(f, 4 * PG, SmFixed, 0));
   UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(f + PG, PG,
                                                       VKI_PROT_READ)));
   UT_CHECK_EQ(seg_at(f)->kind, SkResvn);
   UT_CHECK_EQ(seg_at(f + PG)->kind, SkAnonC);
   UT_CHECK_EQ(seg_at(f + 2 * PG)->kind, SkResvn);
   UT_CHECK(sync_ok());
}

UNIT_TEST(check_client_mmap_gives_linux_errnos)
{
   start();
   Addr text = VG_ROUNDDN((Addr)&VG_(am_startup), PG);
   Addr a = map_client(PG, VKI_PROT_READ);
   Addr f = free_client_area(PG);
   UInt fixed = VKI_MAP_FIXED | VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS;
   UInt noreplace = VKI_MAP_FIXED_NOREPLACE | VKI_MAP_PRIVATE
                    | VKI_MAP_ANONYMOUS;
   UT_CHECK_EQ(sr_Err(VG_(am_check_client_mmap)(text, PG, fixed)), VKI_EINVAL);
   UT_CHECK_EQ(sr_Err(VG_(am_check_client_mmap)(text, PG, noreplace)),
               VKI_EEXIST);
   UT_CHECK_EQ(sr_Err(VG_(am_check_client_mmap)(a, PG, noreplace)),
               VKI_EEXIST);
   UT_CHECK_EQ(sr_Err(VG_(am_check_client_mmap)(f, 0, fixed)), VKI_EINVAL);
   UT_CHECK_EQ(sr_Err(VG_(am_check_client_mmap)(f + 1, PG, fixed)),
               VKI_EINVAL);
   UT_CHECK_EQ(sr_Err(VG_(am_check_client_mmap)(lay.userTop + 1 - PG,
                                                2 * PG, fixed)),
               VKI_ENOMEM);
   SysRes ok1 = VG_(am_check_client_mmap)(a, PG, fixed);
   UT_CHECK(!sr_isError(ok1) && sr_Res(ok1) == a);
   UT_CHECK(!sr_isError(VG_(am_check_client_mmap)(f, PG, noreplace)));
   UT_CHECK(VG_(am_is_client_or_free)(a, PG));
   UT_CHECK(VG_(am_is_client_or_free)(f, PG));
   UT_CHECK(!VG_(am_is_client_or_free)(text, PG));
}

UNIT_TEST(munmap_client_refuses_core_memory)
{
   start();
   Addr text = VG_ROUNDDN((Addr)&VG_(am_startup), PG);
   Bool d;
   SysRes sr = VG_(am_munmap_client)(&d, text, PG);
   UT_CHECK_EQ(sr_Err(sr), VKI_EINVAL);
   UT_CHECK_EQ(seg_at(text)->kind, SkFileV);
   UT_CHECK(sync_ok());
}

/* ------------------------------------------------------------------ */
/* Placement advice                                                     */

UNIT_TEST(advisory_places_client_low_and_core_high)
{
   start();
   Bool ok;
   MapRequest req = { MAny, 0, 10 * PG };
   Addr c = VG_(am_get_advisory)(&req, True, &ok);
   UT_CHECK(ok && c >= lay.cStart && c + 10 * PG <= lay.vStart);
   Addr v = VG_(am_get_advisory)(&req, False, &ok);
   UT_CHECK(ok && v >= lay.vStart && v + 10 * PG - 1 <= lay.maxAddr);
   UT_CHECK(VG_(am_covered_by_single_free_segment)(c, 10 * PG));
   UT_CHECK(VG_(am_covered_by_single_free_segment)(v, 10 * PG));
   /* Refused: empty, wrapping, unaligned fixed. */
   req.len = 0;
   VG_(am_get_advisory)(&req, True, &ok);
   UT_CHECK(!ok);
   MapRequest wrap = { MFixed, ~(Addr)0 - PG + 1, 2 * PG };
   VG_(am_get_advisory)(&wrap, True, &ok);
   UT_CHECK(!ok);
   MapRequest unal = { MFixed, c + 1, PG };
   VG_(am_get_advisory)(&unal, True, &ok);
   UT_CHECK(!ok);
}

UNIT_TEST(advisory_never_overlaps_existing_mappings)
{
   start();
   Addr prev_end = 0;
   for (int i = 0; i < 20; i++) {
      SizeT len = (SizeT)(1 + i % 5) * PG;
      Bool ok;
      Addr a = VG_(am_get_advisory_client_simple)(0, len, &ok);
      UT_CHECK(ok);
      UT_CHECK(VG_(am_covered_by_single_free_segment)(a, len));
      SysRes sr = VG_(am_mmap_anon_fixed_client)(a, len,
                                                 i % 2 ? VKI_PROT_READ
                                                       : VKI_PROT_NONE);
      UT_CHECK(!sr_isError(sr));
      UT_CHECK(a >= prev_end);   /* first fit, going up */
      prev_end = a + len;
      SysRes v = VG_(am_mmap_anon_float_valgrind)(len);
      UT_CHECK(!sr_isError(v));
      UT_CHECK(sr_Res(v) >= lay.vStart);
      UT_CHECK_EQ(seg_at(sr_Res(v))->kind, SkAnonV);
   }
   UT_CHECK(VG_(am_check_map)());
   UT_CHECK(sync_ok());
}

UNIT_TEST(advisory_honours_free_hints_only)
{
   start();
   Addr a = free_client_area(4 * PG);
   Addr hint = a + 2 * PG;
   MapRequest req = { MHint, hint, PG };
   Bool ok;
   UT_CHECK_EQ(VG_(am_get_advisory)(&req, True, &ok), hint);
   UT_CHECK(ok);
   Addr m = map_client(4 * PG, VKI_PROT_READ);
   UT_CHECK_EQ(m, a);
   Addr other = VG_(am_get_advisory)(&req, True, &ok);
   UT_CHECK(ok && other != hint);
   UT_CHECK(VG_(am_covered_by_single_free_segment)(other, PG));
}

UNIT_TEST(advisory_keeps_floating_maps_out_of_reservations)
{
   start();
   Addr a = free_client_area(PG);
   UT_CHECK_EQ(a, lay.cStart);
   UT_CHECK(VG_(am_create_reservation)(a, 64 * PG, SmFixed, 0));
   UT_CHECK_EQ(seg_at(a)->kind, SkResvn);
   Addr b = free_client_area(PG);
   UT_CHECK(b >= a + 64 * PG);
   /* The client's own fixed maps may go there. */
   MapRequest req = { MFixed, a + PG, PG };
   Bool ok;
   VG_(am_get_advisory)(&req, True, &ok);
   UT_CHECK(ok);
   UT_CHECK(VG_(am_is_free_or_resvn)(a, 64 * PG));
   UT_CHECK(sync_ok());
}

UNIT_TEST(get_segment_starts_lists_kinds)
{
   start();
   Addr a = map_client(PG, VKI_PROT_READ);
   Addr b = map_client(PG, VKI_PROT_WRITE | VKI_PROT_READ);
   Addr starts[64];
   Int n = VG_(am_get_segment_starts)(SkAnonC, starts, 64);
   UT_CHECK_EQ(n, 2);
   UT_CHECK(starts[0] == a && starts[1] == b);
   Int nv = VG_(am_get_segment_starts)(SkFileV | SkAnonV, starts, 64);
   UT_CHECK(nv > 2);
   UT_CHECK_EQ(VG_(am_get_segment_starts)(SkFileV | SkAnonV, starts, 1),
               -nv);
}

/* ------------------------------------------------------------------ */
/* The core's mappings                                                  */

UNIT_TEST(float_valgrind_maps_in_core_space)
{
   start();
   SysRes sr = VG_(am_mmap_anon_float_valgrind)(3 * PG - 5);
   UT_CHECK(!sr_isError(sr));
   Addr a = sr_Res(sr);
   UT_CHECK(a >= lay.vStart && a + 3 * PG - 1 <= lay.maxAddr);
   const NSegment* s = seg_at(a);
   UT_CHECK_EQ(s->kind, SkAnonV);
   UT_CHECK(prot_is(s, 1, 1, 0));
   UT_CHECK(s->end >= a + 3 * PG - 1);
   UT_CHECK(VG_(am_is_valid_for_valgrind)(a, 3 * PG));
   ((char*)a)[3 * PG - 1] = 1;
   UT_CHECK(sync_ok());
   UT_CHECK(!sr_isError(VG_(am_munmap_valgrind)(a, 3 * PG)));
   UT_CHECK_EQ(seg_at(a)->kind, SkFree);
   UT_CHECK(sync_ok());
   SysRes x = VG_(am_mmap_anon_float_valgrind_prot)(PG, VKI_PROT_READ
                                                    | VKI_PROT_WRITE
                                                    | VKI_PROT_EXEC);
   UT_CHECK(!sr_isError(x) && prot_is(seg_at(sr_Res(x)), 1, 1, 1));
}

UNIT_TEST(munmap_valgrind_refuses_client_memory)
{
   start();
   Addr a = map_client(PG, VKI_PROT_READ);
   SysRes sr = VG_(am_munmap_valgrind)(a, PG);
   UT_CHECK_EQ(sr_Err(sr), VKI_EINVAL);
   UT_CHECK_EQ(seg_at(a)->kind, SkAnonC);
   UT_CHECK(sync_ok());
}

UNIT_TEST(file_float_valgrind_maps_a_file_for_the_core)
{
   start();
   char path[64];
   int fd = make_file_pages(path, sizeof path, 2);
   SysRes sr = VG_(am_mmap_file_float_valgrind)(2 * PG, VKI_PROT_READ, fd, 0);
   UT_CHECK(!sr_isError(sr));
   Addr a = sr_Res(sr);
   UT_CHECK(a >= lay.vStart);
   UT_CHECK_EQ(seg_at(a)->kind, SkFileV);
   UT_CHECK_STREQ(VG_(am_get_filename)(seg_at(a)), path);
   UT_CHECK_EQ(((char*)a)[PG], 'b');
   UT_CHECK(sync_ok());
   UT_CHECK(!sr_isError(VG_(am_munmap_valgrind)(a, 2 * PG)));
   UT_CHECK(sync_ok());
   close(fd);
   unlink(path);
}

UNIT_TEST(allocator_gets_its_superblocks_from_core_space)
{
   start();
   char* small = VG_(malloc)("test.aspacem.small", 100);
   const NSegment* s = seg_at((Addr)small);
   UT_CHECK_EQ(s->kind, SkAnonV);
   UT_CHECK((Addr)small >= lay.vStart && (Addr)small <= lay.maxAddr);
   char* big = VG_(malloc)("test.aspacem.big", 5 * 1024 * 1024);
   UT_CHECK_EQ(seg_at((Addr)big)->kind, SkAnonV);
   UT_CHECK((Addr)big >= lay.vStart);
   memset(big, 1, 5 * 1024 * 1024);
   UT_CHECK(sync_ok());
   Addr bigpage = VG_ROUNDDN((Addr)big, PG);
   VG_(free)(big);   /* its own superblock: unmapped */
   UT_CHECK(seg_at(bigpage)->kind == SkFree);
   VG_(free)(small);
   VG_(sanity_check_malloc_all)();
   UT_CHECK(sync_ok());
}

/* Threads allocating and freeing at once: the map stays consistent.
   Their stacks are mapped before start-up, so that nothing unrecorded
   appears during the test. */
#define N_THREADS 4
static void* thread_stacks[N_THREADS];

static void* alloc_thread(void* arg)
{
   unsigned long id = (unsigned long)arg;
   for (int i = 0; i < 200; i++) {
      SysRes sr = VG_(am_mmap_anon_float_valgrind)((id + 1) * PG);
      if (sr_isError(sr))
         return (void*)1;
      ((char*)sr_Res(sr))[0] = (char)i;
      if (sr_isError(VG_(am_munmap_valgrind)(sr_Res(sr), (id + 1) * PG)))
         return (void*)1;
      void* p = VG_(malloc)("test.aspacem.thread", 300000 + id * 1000);
      VG_(free)(p);
   }
   return NULL;
}

UNIT_TEST(concurrent_core_mappings_keep_the_map_consistent)
{
   SizeT stack_sz = 256 * 1024;
   for (int i = 0; i < N_THREADS; i++)
      thread_stacks[i] = mmap(NULL, stack_sz, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   pthread_attr_t attrs[N_THREADS];
   for (int i = 0; i < N_THREADS; i++) {
      pthread_attr_init(&attrs[i]);
      pthread_attr_setstack(&attrs[i], thread_stacks[i], stack_sz);
   }
   start();
   VG_(clo_sanity_level) = 1;
   pthread_t th[N_THREADS];
   for (int i = 0; i < N_THREADS; i++)
      UT_CHECK(pthread_create(&th[i], &attrs[i], alloc_thread,
                              (void*)(unsigned long)i) == 0);
   for (int i = 0; i < N_THREADS; i++) {
      void* r = (void*)1;
      pthread_join(th[i], &r);
      UT_CHECK(r == NULL);
   }
   UT_CHECK(VG_(am_check_map)());
   UT_CHECK(sync_ok_captured());
}

/* ------------------------------------------------------------------ */
/* The sync check                                                       */

UNIT_TEST(sync_check_detects_an_unnotified_mmap)
{
   start();
   Addr a = free_client_area(2 * PG);
   void* p = mmap((void*)a, 2 * PG, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
   UT_CHECK(p == (void*)a);
   UT_CHECK(!sync_ok_captured());
   UT_CHECK(strstr(captured, "sync check failed") != NULL);
   UT_CHECK(strstr(captured, "the kernel has a mapping the map has not")
            != NULL);
   /* Once told, the manager agrees again. */
   VG_(am_notify_client_mmap)(a, 2 * PG, VKI_PROT_READ | VKI_PROT_WRITE,
                              VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS
                              | VKI_MAP_FIXED, -1, 0);
   UT_CHECK(sync_ok_captured());
}

UNIT_TEST(sync_check_detects_unnotified_munmap_and_mprotect)
{
   start();
   Addr a = map_client(3 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   UT_CHECK(mprotect((void*)(a + PG), PG, PROT_READ) == 0);
   UT_CHECK(!sync_ok_captured());
   UT_CHECK(strstr(captured, "different protection") != NULL);
   VG_(am_notify_mprotect)(a + PG, PG, VKI_PROT_READ);
   UT_CHECK(sync_ok_captured());
   UT_CHECK(munmap((void*)(a + 2 * PG), PG) == 0);
   UT_CHECK(!sync_ok_captured());
   UT_CHECK(strstr(captured, "the map has a mapping the kernel has not")
            != NULL);
   VG_(am_notify_munmap)(a + 2 * PG, PG);
   UT_CHECK(sync_ok_captured());
}

UNIT_TEST(sync_check_detects_a_wrong_file)
{
   start();
   char path[64];
   int fd = make_file_pages(path, sizeof path, 2);
   Addr a = free_client_area(PG);
   void* p = mmap((void*)a, PG, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, PG);
   UT_CHECK(p == (void*)a);
   /* Told the wrong offset. */
   VG_(am_notify_client_mmap)(a, PG, VKI_PROT_READ,
                              VKI_MAP_PRIVATE | VKI_MAP_FIXED, fd, 0);
   UT_CHECK(!sync_ok_captured());
   UT_CHECK(strstr(captured, "a different file offset") != NULL);
   VG_(am_notify_client_mmap)(a, PG, VKI_PROT_READ,
                              VKI_MAP_PRIVATE | VKI_MAP_FIXED, fd, PG);
   UT_CHECK(sync_ok_captured());
   close(fd);
   unlink(path);
}

/* ------------------------------------------------------------------ */
/* Reservations, brk, stacks                                            */

UNIT_TEST(brk_heap_extends_into_its_reservation)
{
   start();
   Addr base = free_client_area(17 * PG);
   UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(
                           base, PG, VKI_PROT_READ | VKI_PROT_WRITE)));
   VG_(am_mark_client_heap)(base, PG);
   UT_CHECK(seg_at(base)->isCH);
   UT_CHECK(VG_(am_create_reservation)(base + PG, 16 * PG, SmLower, 0));
   UT_CHECK_EQ(seg_at(base + PG)->kind, SkResvn);
   UT_CHECK(sync_ok());

   Bool overflow = True;
   UT_CHECK(VG_(am_extend_into_adjacent_reservation_client)(
               base, (SSizeT)(4 * PG), &overflow));
   UT_CHECK(!overflow);
   const NSegment* h = seg_at(base);
   UT_CHECK_EQ(h->kind, SkAnonC);
   UT_CHECK(h->isCH);
   UT_CHECK_EQ(h->end, base + 5 * PG - 1);
   UT_CHECK_EQ(seg_at(base + 5 * PG)->kind, SkResvn);
   UT_CHECK_EQ(seg_at(base + 5 * PG)->start, base + 5 * PG);
   ((char*)base)[5 * PG - 1] = 9;
   UT_CHECK(sync_ok());

   /* 12 pages are left; growing by 12 would leave none. */
   UT_CHECK(!VG_(am_extend_into_adjacent_reservation_client)(
               base, (SSizeT)(12 * PG), &overflow));
   UT_CHECK(overflow);
   UT_CHECK(VG_(am_extend_into_adjacent_reservation_client)(
               base, (SSizeT)(11 * PG), &overflow));
   UT_CHECK_EQ(seg_at(base + 16 * PG)->kind, SkResvn);
   UT_CHECK_EQ(seg_at(base + 16 * PG)->start, base + 16 * PG);
   UT_CHECK(VG_(am_check_map)());
   UT_CHECK(sync_ok());
}

UNIT_TEST(stack_extends_down_into_its_reservation)
{
   start();
   Addr lo = free_client_area(10 * PG);
   UT_CHECK(VG_(am_create_reservation)(lo, 8 * PG, SmUpper, 0));
   UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(
                           lo + 8 * PG, 2 * PG,
                           VKI_PROT_READ | VKI_PROT_WRITE)));
   Bool overflow;
   /* Upwards there is no reservation. */
   UT_CHECK(!VG_(am_extend_into_adjacent_reservation_client)(
               lo + 8 * PG, (SSizeT)PG, &overflow));
   UT_CHECK(overflow);
   UT_CHECK(VG_(am_extend_into_adjacent_reservation_client)(
               lo + 8 * PG, -(SSizeT)(3 * PG), &overflow));
   UT_CHECK_EQ(seg_at(lo + 5 * PG)->kind, SkAnonC);
   UT_CHECK_EQ(seg_at(lo + 5 * PG)->start, lo + 5 * PG);
   UT_CHECK_EQ(seg_at(lo)->end, lo + 5 * PG - 1);
   ((char*)lo)[5 * PG] = 1;
   UT_CHECK(sync_ok());
}

UNIT_TEST(reservations_need_free_space)
{
   start();
   Addr f = free_client_area(12 * PG);
   UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(f + 8 * PG, PG,
                                                       VKI_PROT_READ)));
   /* Not over a mapping, not unaligned. */
   UT_CHECK(!VG_(am_create_reservation)(f + 6 * PG, 4 * PG, SmFixed, 0));
   UT_CHECK(!VG_(am_create_reservation)(f + 1, PG, SmFixed, 0));
   UT_CHECK(!VG_(am_create_reservation)(f, PG + 1, SmFixed, 0));
   /* The gap beyond the end that moves must be unmapped too. */
   UT_CHECK(!VG_(am_create_reservation)(f, 4 * PG, SmLower, 8 * PG));
   UT_CHECK(VG_(am_create_reservation)(f, 4 * PG, SmLower, 4 * PG));
   UT_CHECK(VG_(am_create_reservation)(f + 4 * PG, 2 * PG, SmUpper, 4 * PG));
   UT_CHECK_EQ(seg_at(f)->smode, SmLower);
   UT_CHECK_EQ(seg_at(f + 4 * PG)->smode, SmUpper);
   UT_CHECK_EQ(seg_at(f + 4 * PG)->start, f + 4 * PG);
   UT_CHECK(!seg_at(f)->isCoreResvn);
   UT_CHECK(VG_(am_check_map)());
   UT_CHECK(sync_ok());
}

/* ------------------------------------------------------------------ */
/* Translations                                                         */

UNIT_TEST(discard_is_reported_for_code_that_goes_away)
{
   start();
   Addr a = map_client(4 * PG, VKI_PROT_READ | VKI_PROT_EXEC);
   VG_(am_set_segment_hasT)(a);
   UT_CHECK(seg_at(a)->hasT);
   /* Keeping exec and not adding write: nothing to discard. */
   UT_CHECK(!VG_(am_notify_mprotect)(a, PG, VKI_PROT_READ | VKI_PROT_EXEC));
   /* Losing exec: discard. */
   UT_CHECK(mprotect((void*)a, PG, PROT_READ) == 0);
   UT_CHECK(VG_(am_notify_mprotect)(a, PG, VKI_PROT_READ));
   UT_CHECK(!seg_at(a)->hasT);
   UT_CHECK(seg_at(a + PG)->hasT);
   /* Gaining write: discard. */
   UT_CHECK(mprotect((void*)(a + PG), PG, PROT_READ | PROT_WRITE | PROT_EXEC)
            == 0);
   UT_CHECK(VG_(am_notify_mprotect)(a + PG, PG, VKI_PROT_READ
                                    | VKI_PROT_WRITE | VKI_PROT_EXEC));
   /* Unmapping code: discard; unmapping data: not. */
   Bool d = False;
   UT_CHECK(!sr_isError(VG_(am_munmap_client)(&d, a + 2 * PG, PG)));
   UT_CHECK(d);
   UT_CHECK(!sr_isError(VG_(am_munmap_client)(&d, a, PG)));
   UT_CHECK(!d);
   /* Mapping over code: discard. */
   UT_CHECK(mmap((void*)(a + 3 * PG), PG, PROT_READ,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            == (void*)(a + 3 * PG));
   UT_CHECK(VG_(am_notify_client_mmap)(a + 3 * PG, PG, VKI_PROT_READ,
                                       VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS
                                       | VKI_MAP_FIXED, -1, 0));
   UT_CHECK(sync_ok());
}

/* ------------------------------------------------------------------ */
/* mremap                                                               */

UNIT_TEST(mremap_relocation_moves_the_segment)
{
   start();
   Addr a = map_client(2 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   ((char*)a)[PG] = 'm';
   Addr dst = free_client_area(8 * PG) + 4 * PG;
   Bool d = True;
   UT_CHECK(VG_(am_relocate_nooverlap_client)(&d, a, 2 * PG, dst, 3 * PG));
   UT_CHECK(!d);
   UT_CHECK_EQ(seg_at(a)->kind, SkFree);
   const NSegment* s = seg_at(dst);
   UT_CHECK_EQ(s->kind, SkAnonC);
   UT_CHECK_EQ(s->start, dst);
   UT_CHECK_EQ(s->end, dst + 3 * PG - 1);
   UT_CHECK(prot_is(s, 1, 1, 0));
   UT_CHECK_EQ(((char*)dst)[PG], 'm');
   UT_CHECK(sync_ok());
   /* Not into the core's memory. */
   Addr text = VG_ROUNDDN((Addr)&VG_(am_startup), PG);
   UT_CHECK(!VG_(am_relocate_nooverlap_client)(&d, dst, PG, text, PG));
   UT_CHECK(sync_ok());
}

UNIT_TEST(mremap_in_place_growth_and_notification)
{
   start();
   Addr a = map_client(2 * PG, VKI_PROT_READ | VKI_PROT_WRITE);
   Bool d;
   UT_CHECK(VG_(am_covered_by_single_free_segment)(a + 2 * PG, 2 * PG));
   UT_CHECK(VG_(am_extend_map_client)(&d, a, 2 * PG));
   UT_CHECK_EQ(seg_at(a)->end, a + 4 * PG - 1);
   ((char*)a)[4 * PG - 1] = 1;
   UT_CHECK(sync_ok());
   /* The kernel shrinks it; we are told. */
   void* r = mremap((void*)a, 4 * PG, PG, 0);
   UT_CHECK(r == (void*)a);
   VG_(am_notify_client_mremap)(a, 4 * PG, a, PG);
   UT_CHECK_EQ(seg_at(a)->end, a + PG - 1);
   UT_CHECK_EQ(seg_at(a + PG)->kind, SkFree);
   UT_CHECK(sync_ok());
}

/* ------------------------------------------------------------------ */
/* Debugging output and lookups                                         */

static void show_map_child(void)
{
   VG_(debugLog_level) = 2;
   VG_(am_show_nsegments)(2, "unit test");
   _exit(0);
}

UNIT_TEST(show_nsegments_lists_every_segment)
{
   start();
   map_client(PG, VKI_PROT_READ);
   int status = ut_run_captured(show_map_child, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
   UT_CHECK(strstr(captured, "SHOW_SEGMENTS: unit test") != NULL);
   UT_CHECK(strstr(captured, "anonC") != NULL);
   UT_CHECK(strstr(captured, "fileV") != NULL);
   UT_CHECK(strstr(captured, "[stack]") != NULL);
   UT_CHECK(strstr(captured, "resvn") != NULL);
}

UNIT_TEST(lookup_segment_copies_the_segment)
{
   NSegment seg;
   UT_CHECK(VG_(am_find_nsegment)(0) == NULL || VG_(am_is_initialised)());
   start();
   Addr a = map_client(2 * PG, VKI_PROT_READ);
   UT_CHECK(VG_(am_lookup_segment)(a + PG, &seg));
   UT_CHECK_EQ(seg.kind, SkAnonC);
   UT_CHECK_EQ(seg.start, a);
   UT_CHECK_EQ(seg.end, a + 2 * PG - 1);
   UT_CHECK(VG_(am_check_map)());
}

/* ------------------------------------------------------------------ */
/* Longer runs                                                          */

static unsigned long long rng_state;

static unsigned long rng(void)
{
   rng_state ^= rng_state << 13;
   rng_state ^= rng_state >> 7;
   rng_state ^= rng_state << 17;
   return (unsigned long)(rng_state >> 11);
}

#define MODEL_PAGES 48
#define MODEL_FILE_PAGES 8

/* What each page of the test area should be: 0 free, else the kind. */
static SegKind model_kind[MODEL_PAGES];
static UInt    model_prot[MODEL_PAGES];
static Off64T  model_off[MODEL_PAGES];

static int model_matches(Addr base)
{
   for (int i = 0; i < MODEL_PAGES; i++) {
      Addr a = base + (Addr)i * PG;
      const NSegment* s = seg_at(a);
      if (s->kind != model_kind[i]) {
         ut_report(__FILE__, __LINE__, "page %d: kind %d, model %d", i,
                   (int)s->kind, (int)model_kind[i]);
         return 0;
      }
      if (s->kind == SkFree)
         continue;
      UInt prot = (s->hasR ? VKI_PROT_READ : 0)
                  | (s->hasW ? VKI_PROT_WRITE : 0)
                  | (s->hasX ? VKI_PROT_EXEC : 0);
      if (prot != model_prot[i]) {
         ut_report(__FILE__, __LINE__, "page %d: prot %u, model %u", i,
                   prot, model_prot[i]);
         return 0;
      }
      if (s->kind == SkFileC
          && s->offset + (Off64T)(a - s->start) != model_off[i]) {
         ut_report(__FILE__, __LINE__, "page %d: offset %lld, model %lld",
                   i, (long long)(s->offset + (Off64T)(a - s->start)),
                   (long long)model_off[i]);
         return 0;
      }
   }
   return 1;
}

static int range_free_in_model(int p, int n)
{
   for (int i = p; i < p + n; i++)
      if (model_kind[i] != SkFree)
         return 0;
   return 1;
}

UNIT_TEST(random_operations_match_a_page_model)
{
   start();
   char path[64];
   int fd = make_file_pages(path, sizeof path, MODEL_FILE_PAGES);
   Addr base = free_client_area(MODEL_PAGES * PG);
   UT_CHECK(VG_(am_covered_by_single_free_segment)(base, MODEL_PAGES * PG));
   for (int i = 0; i < MODEL_PAGES; i++)
      model_kind[i] = SkFree;
   rng_state = 0x9e3779b97f4a7c15ULL;
   int failed = 0;
   for (int step = 0; step < 600 && !failed; step++) {
      int p = (int)(rng() % MODEL_PAGES);
      int n = 1 + (int)(rng() % (unsigned long)VG_MIN(MODEL_FILE_PAGES,
                                                      MODEL_PAGES - p));
      Addr a = base + (Addr)p * PG;
      SizeT len = (SizeT)n * PG;
      UInt prot = (UInt)(rng() % 8);
      Bool d;
      switch (rng() % 5) {
         case 0:
            if (range_free_in_model(p, n)) {
               UT_CHECK(!sr_isError(VG_(am_mmap_anon_fixed_client)(a, len,
                                                                   prot)));
            } else {
               UT_CHECK_EQ(sr_Err(VG_(am_mmap_anon_fixed_client)(a, len,
                                                                 prot)),
                           VKI_EEXIST);
               UT_CHECK(mmap((void*)a, len, (int)prot, MAP_PRIVATE
                             | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
                        == (void*)a);
               VG_(am_notify_client_mmap)(a, len, prot, VKI_MAP_PRIVATE
                                          | VKI_MAP_ANONYMOUS
                                          | VKI_MAP_FIXED, -1, 0);
            }
            for (int i = p; i < p + n; i++) {
               model_kind[i] = SkAnonC;
               model_prot[i] = prot;
            }
            break;
         case 1: {
            Off64T off = (Off64T)(rng() % (unsigned long)(MODEL_FILE_PAGES
                                                          - n + 1)) * (Off64T)PG;
            if (range_free_in_model(p, n)) {
               UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(
                                       a, len, prot, fd, off)));
            } else {
               UT_CHECK(mmap((void*)a, len, (int)prot,
                             MAP_PRIVATE | MAP_FIXED, fd, (off_t)off)
                        == (void*)a);
               VG_(am_notify_client_mmap)(a, len, prot, VKI_MAP_PRIVATE
                                          | VKI_MAP_FIXED, fd, off);
            }
            for (int i = p; i < p + n; i++) {
               model_kind[i] = SkFileC;
               model_prot[i] = prot;
               model_off[i] = off + (Off64T)(i - p) * (Off64T)PG;
            }
            break;
         }
         case 2:
            UT_CHECK(!sr_isError(VG_(am_munmap_client)(&d, a, len)));
            for (int i = p; i < p + n; i++)
               model_kind[i] = SkFree;
            break;
         case 3: {
            int all_mapped = 1;
            for (int i = p; i < p + n; i++)
               all_mapped &= model_kind[i] != SkFree;
            if (!all_mapped)
               break;
            UT_CHECK(mprotect((void*)a, len, (int)prot) == 0);
            VG_(am_notify_mprotect)(a, len, prot);
            for (int i = p; i < p + n; i++)
               model_prot[i] = prot;
            break;
         }
         default:
            UT_CHECK(munmap((void*)a, len) == 0);
            VG_(am_notify_munmap)(a, len);
            for (int i = p; i < p + n; i++)
               model_kind[i] = SkFree;
            break;
      }
      if (!VG_(am_check_map)() || !model_matches(base)) {
         ut_report(__FILE__, __LINE__, "diverged at step %d", step);
         failed = 1;
      }
      if (step % 50 == 49 && !sync_ok()) {
         ut_report(__FILE__, __LINE__, "sync check failed at step %d", step);
         failed = 1;
      }
   }
   UT_CHECK(sync_ok());
   close(fd);
   unlink(path);
}

/* Many files mapped and unmapped in turn fill the name table, which then
   frees the names no segment uses; the names in use stay intact. */
UNIT_TEST(file_names_are_reclaimed_when_the_table_fills)
{
   start();
   VG_(clo_sanity_level) = 1;
   char keep_path[64];
   int keep_fd = make_file_pages(keep_path, sizeof keep_path, 1);
   Addr keep = free_client_area(PG);
   UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(keep, PG,
                                                       VKI_PROT_READ,
                                                       keep_fd, 0)));
   const HChar* keep_name = VG_(am_get_filename)(seg_at(keep));
   UT_CHECK_STREQ(keep_name, keep_path);
   static char dir[64], path[512];
   strcpy(dir, "/tmp/vg_ut_aspacem_names_XXXXXX");
   UT_CHECK(mkdtemp(dir) != NULL);
   Addr a = free_client_area(PG);
   for (int i = 0; i < 1500; i++) {
      /* ~250-character names: the 256 KiB table holds about 1000. */
      int len = snprintf(path, sizeof path, "%s/", dir);
      while (len < 240)
         path[len++] = 'n';
      snprintf(path + len, sizeof path - (size_t)len, "%05d", i);
      int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
      UT_CHECK(fd >= 0);
      UT_CHECK(ftruncate(fd, (off_t)PG) == 0);
      UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(a, PG,
                                                          VKI_PROT_READ,
                                                          fd, 0)));
      if (i % 100 == 0)
         UT_CHECK_STREQ(VG_(am_get_filename)(seg_at(a)), path);
      Bool d;
      UT_CHECK(!sr_isError(VG_(am_munmap_client)(&d, a, PG)));
      close(fd);
      unlink(path);
   }
   UT_CHECK(VG_(am_check_map)());
   UT_CHECK(VG_(am_get_filename)(seg_at(keep)) == keep_name);
   UT_CHECK_STREQ(VG_(am_get_filename)(seg_at(keep)), keep_path);
   UT_CHECK(sync_ok());
   rmdir(dir);
   close(keep_fd);
   unlink(keep_path);
}
