/* Unit tests of the translation table (m_transtab) and the amd64
   dispatcher (m_dispatch), and of the core's mutex (m_lock) and the
   native behaviour of include/valgrind.h.

   The "translations" are built here with the back end's own emitter
   (the instructions the instruction selector would give: an event check,
   a counter increment in the guest state, and an exit), put into the
   table, and run natively through the real dispatcher with a guest state
   of their own.  Guest addresses are made up: nothing reads guest code.
   Each test is a forked child, so the table starts afresh. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_libcprint.h"
#include "pub_core_lock.h"
#include "pub_core_threadstate.h"
#include "pub_core_dispatch.h"
#include "pub_core_transtab.h"
#include "pub_core_mallocfree.h"
#include "pub_core_xarray.h"
#include "libvex_trc_values.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/host_generic_regs.h"
#include "../../VEX/priv/host_amd64_defs.h"
#include "valgrind.h"

#define TID 1
#define OFFB(f) ((UInt)__builtin_offsetof(VexGuestAMD64State, f))

/* ------------------------------------------------------------------ */
/* Set-up                                                               */

static void vex_fail(void)
{
   fprintf(stderr, "unexpected VEX failure\n");
   abort();
}

static void vex_log(const HChar* bytes, SizeT n)
{
   fwrite(bytes, 1, n, stderr);
}

static ThreadArchState* ts;

/* What the discard notifier saw. */
static int  n_notified;
static Addr last_notified;
static VexGuestExtents last_notified_vge;

static void notify(Addr guest, VexGuestExtents vge)
{
   n_notified++;
   last_notified = guest;
   last_notified_vge = vge;
}

static void init_tt(Int n_sectors, UInt n_ttes, SizeT tc_szB)
{
   vex_init_callbacks(vex_fail, vex_log);
   VgTTParams p = { n_sectors, n_ttes, tc_szB, notify };
   VG_(init_tt_tc)(&p);
   ts = aligned_alloc(64, sizeof *ts);
   memset(ts, 0, sizeof *ts);
   ts->vex.host_EvC_FAILADDR = (Addr)VG_(disp_cp_evcheck_fail);
   ts->vex.host_EvC_COUNTER  = 1000;
}

static void init_default(void)
{
   init_tt(4, 64, 64 * 1024);
}

/* ------------------------------------------------------------------ */
/* Building translations                                                */

static UChar code[4096] __attribute__((aligned(16)));
static Int   code_len;

static AMD64AMode* gs(UInt off)
{
   return AMD64AMode_IR(off, hregAMD64_RBP());
}

static void emit(const AMD64Instr* i)
{
   Bool is_profinc;
   code_len += emit_AMD64Instr(&is_profinc, code + code_len,
                               (Int)sizeof code - code_len, i, True,
                               (const void*)VG_(disp_cp_chain_me_to_slowEP),
                               (const void*)VG_(disp_cp_chain_me_to_fastEP),
                               (const void*)VG_(disp_cp_xindir),
                               (const void*)VG_(disp_cp_xassisted));
}

/* The start of every translation: the event check, then one more run
   counted in the guest-state field at COUNTER_OFF. */
static void begin(UInt counter_off)
{
   vexSetAllocModeTEMP_and_clear();
   code_len = 0;
   emit(AMD64Instr_EvCheck(gs(OFFB(host_EvC_COUNTER)),
                           gs(OFFB(host_EvC_FAILADDR))));
   emit(AMD64Instr_Alu64M(Aalu_ADD, AMD64RI_Imm(1), gs(counter_off)));
}

static void exit_assisted(Addr next, UInt trc)
{
   emit(AMD64Instr_Imm64(next, hregAMD64_RAX()));
   emit(AMD64Instr_XAssisted(hregAMD64_RAX(), gs(OFFB(guest_RIP)),
                             Acc_ALWAYS, trc));
}

static void exit_direct(Addr target, Bool fast)
{
   emit(AMD64Instr_XDirect(target, gs(OFFB(guest_RIP)), Acc_ALWAYS, fast));
}

/* Jumps to the guest address in guest_RCX. */
static void exit_indirect(void)
{
   emit(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(gs(OFFB(guest_RCX))),
                          hregAMD64_RAX()));
   emit(AMD64Instr_XIndir(hregAMD64_RAX(), gs(OFFB(guest_RIP)),
                          Acc_ALWAYS));
}

static VexGuestExtents ext1(Addr base, UShort len)
{
   VexGuestExtents vge;
   memset(&vge, 0, sizeof vge);
   vge.base[0] = base;
   vge.len[0]  = len;
   vge.n_used  = 1;
   return vge;
}

/* Adds what was built as the translation of GUEST (one extent of 16
   bytes). */
static Addr add_built(Addr guest)
{
   VexGuestExtents vge = ext1(guest, 16);
   return VG_(add_to_transtab)(&vge, guest, code, (UInt)code_len, False, -1);
}

/* A block counting in COUNTER_OFF and leaving with TRC for NEXT. */
static Addr add_assisted(Addr guest, UInt counter_off, Addr next, UInt trc)
{
   begin(counter_off);
   exit_assisted(next, trc);
   return add_built(guest);
}

static Addr add_direct(Addr guest, UInt counter_off, Addr target, Bool fast)
{
   begin(counter_off);
   exit_direct(target, fast);
   return add_built(guest);
}

static Addr add_indirect(Addr guest, UInt counter_off)
{
   begin(counter_off);
   exit_indirect();
   return add_built(guest);
}

/* The first chain-me site in the code at HOST (LEN bytes). */
static Addr find_site(Addr host, UInt len)
{
   const UChar* p = (const UChar*)host;
   for (UInt i = 0; i + 13 <= len; i++) {
      if (p[i] == 0x49 && p[i + 1] == 0xBB && p[i + 10] == 0x41
          && p[i + 11] == 0xFF && p[i + 12] == 0xD3) {
         Addr target;
         memcpy(&target, p + i + 2, 8);
         if (target == (Addr)VG_(disp_cp_chain_me_to_slowEP)
             || target == (Addr)VG_(disp_cp_chain_me_to_fastEP))
            return host + i;
      }
   }
   return 0;
}

static Bool site_unchained(Addr site, Bool fast)
{
   Addr stub = fast ? (Addr)VG_(disp_cp_chain_me_to_fastEP)
                    : (Addr)VG_(disp_cp_chain_me_to_slowEP);
   const UChar* p = (const UChar*)site;
   Addr target;
   memcpy(&target, p + 2, 8);
   return p[0] == 0x49 && p[1] == 0xBB && target == stub;
}

static UWord run(Addr host, UWord* extra)
{
   UWord tw[2] = { 0xdead, 0xbeef };
   UWord r = VG_(disp_run_translations)(tw, &ts->vex, host,
                                        VG_(tt_fast_cache)(TID));
   UT_CHECK_EQ(r, tw[0]);
   if (extra)
      *extra = tw[1];
   return r;
}

static Addr lookup(Addr guest)
{
   Addr host = 0;
   return VG_(search_transtab)(&host, guest, VG_INVALID_THREADID) ? host : 0;
}

static VgTTStats tt_stats(void)
{
   VgTTStats st;
   VG_(tt_get_stats)(&st);
   return st;
}

#define GA 0x401000UL
#define GB 0x402000UL
#define GC 0x403000UL

/* ------------------------------------------------------------------ */
/* The table                                                            */

UNIT_TEST(tt_lookup_in_empty_table_misses)
{
   init_default();
   UT_CHECK(lookup(GA) == 0);
   UT_CHECK_EQ(tt_stats().n_live, 0);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(tt_add_copies_code_8_aligned)
{
   init_default();
   begin(OFFB(guest_R8));
   exit_assisted(GB, VEX_TRC_JMP_CLIENTREQ);
   Addr h1 = add_built(GA);
   UT_CHECK(h1 != 0 && h1 % 8 == 0);
   UT_CHECK(memcmp((void*)h1, code, code_len) == 0);
   UT_CHECK_EQ(lookup(GA), h1);
   /* An odd length: the next translation is still 8-aligned. */
   begin(OFFB(guest_R9));
   emit(AMD64Instr_Alu32R(Aalu_ADD, AMD64RMI_Imm(1), hregAMD64_RAX()));
   exit_assisted(GC, VEX_TRC_JMP_CLIENTREQ);
   Addr h2 = add_built(GB);
   UT_CHECK(h2 % 8 == 0 && h2 >= h1 + 8);
   UT_CHECK_EQ(lookup(GB), h2);
   UT_CHECK_EQ(tt_stats().n_added, 2);
   UT_CHECK_EQ(tt_stats().n_live, 2);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(tt_duplicate_add_returns_existing)
{
   init_default();
   Addr h1 = add_assisted(GA, OFFB(guest_R8), GB, VEX_TRC_JMP_YIELD);
   Addr h2 = add_assisted(GA, OFFB(guest_R9), GB, VEX_TRC_JMP_YIELD);
   UT_CHECK_EQ(h1, h2);
   UT_CHECK_EQ(tt_stats().n_duplicates, 1);
   UT_CHECK_EQ(tt_stats().n_live, 1);
}

UNIT_TEST(tt_many_translations_all_found)
{
   init_tt(2, 1024, 256 * 1024);
   Addr host[500];
   for (int i = 0; i < 500; i++)
      host[i] = add_assisted(0x500000 + 37 * i, OFFB(guest_R8), 0,
                             VEX_TRC_JMP_YIELD);
   int ok = 1;
   for (int i = 0; i < 500; i++)
      ok &= lookup(0x500000 + 37 * i) == host[i];
   UT_CHECK(ok);
   UT_CHECK(lookup(0x500000 + 1) == 0);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

/* ------------------------------------------------------------------ */
/* The dispatcher's exits                                               */

UNIT_TEST(dispatch_assisted_exit_returns_its_trc)
{
   init_default();
   static const UInt trcs[] = { VEX_TRC_JMP_CLIENTREQ, VEX_TRC_JMP_SYS_SYSCALL,
                                VEX_TRC_JMP_NODECODE, VEX_TRC_JMP_YIELD };
   for (unsigned k = 0; k < sizeof trcs / sizeof trcs[0]; k++) {
      Addr g = GA + 0x100 * k;
      Addr h = add_assisted(g, OFFB(guest_R8), g + 7, trcs[k]);
      UWord extra = 1;
      UT_CHECK_EQ(run(h, &extra), trcs[k]);
      UT_CHECK_EQ(extra, 0);
      UT_CHECK_EQ(ts->vex.guest_RIP, g + 7);
   }
   UT_CHECK_EQ(ts->vex.guest_R8, 4);
}

UNIT_TEST(dispatch_event_check_counts_down)
{
   init_default();
   Addr h = add_assisted(GA, OFFB(guest_R8), GB, VEX_TRC_JMP_YIELD);
   ts->vex.host_EvC_COUNTER = 5;
   UT_CHECK_EQ(run(h, NULL), VEX_TRC_JMP_YIELD);
   UT_CHECK_EQ(ts->vex.host_EvC_COUNTER, 4);
   UT_CHECK_EQ(ts->vex.guest_R8, 1);
}

UNIT_TEST(dispatch_counter_expiry_returns_counterzero)
{
   init_default();
   Addr h = add_assisted(GA, OFFB(guest_R8), GB, VEX_TRC_JMP_YIELD);
   ts->vex.host_EvC_COUNTER = 0;
   ts->vex.guest_RIP = GA;
   UWord extra = 1;
   UT_CHECK_EQ(run(h, &extra), VG_TRC_INNER_COUNTERZERO);
   UT_CHECK_EQ(extra, 0);
   UT_CHECK_EQ((Int)ts->vex.host_EvC_COUNTER, -1);
   UT_CHECK_EQ(ts->vex.guest_R8, 0);     /* the block did not run */
   UT_CHECK_EQ(ts->vex.guest_RIP, GA);
}

UNIT_TEST(dispatch_chain_me_slow_reports_site)
{
   init_default();
   Addr h = add_direct(GA, OFFB(guest_R8), GB, False);
   Addr site = find_site(h, 64);
   UT_CHECK(site != 0 && site % 8 == 0);
   UWord extra = 0;
   UT_CHECK_EQ(run(h, &extra), VG_TRC_CHAIN_ME_TO_SLOW_EP);
   UT_CHECK_EQ(extra, site);
   UT_CHECK_EQ(ts->vex.guest_RIP, GB);
   UT_CHECK_EQ(ts->vex.guest_R8, 1);
}

UNIT_TEST(dispatch_chain_me_fast_reports_site)
{
   init_default();
   Addr h = add_direct(GA, OFFB(guest_R8), GB, True);
   Addr site = find_site(h, 64);
   UWord extra = 0;
   UT_CHECK_EQ(run(h, &extra), VG_TRC_CHAIN_ME_TO_FAST_EP);
   UT_CHECK_EQ(extra, site);
   UT_CHECK(site_unchained(site, True));
}

/* ------------------------------------------------------------------ */
/* Chaining                                                             */

/* A (counts R8) jumps directly to B (counts R9), which leaves with
   CLIENTREQ; returns A's host code and its site. */
static Addr build_a_to_b(Bool fast, Addr* site)
{
   Addr ha = add_direct(GA, OFFB(guest_R8), GB, fast);
   add_assisted(GB, OFFB(guest_R9), GC, VEX_TRC_JMP_CLIENTREQ);
   *site = find_site(ha, 64);
   return ha;
}

UNIT_TEST(chain_then_run_goes_straight_through)
{
   init_default();
   Addr site;
   Addr ha = build_a_to_b(False, &site);
   ULong epoch = VG_(tt_epoch)();
   UWord extra;
   UT_CHECK_EQ(run(ha, &extra), VG_TRC_CHAIN_ME_TO_SLOW_EP);
   UT_CHECK(VG_(tt_chain)(extra, False, GB, epoch));
   UT_CHECK(!site_unchained(site, False));
   ts->vex.guest_R8 = ts->vex.guest_R9 = 0;
   /* The second run does not come back through the chain-me stub. */
   UT_CHECK_EQ(run(ha, NULL), VEX_TRC_JMP_CLIENTREQ);
   UT_CHECK_EQ(ts->vex.guest_R8, 1);
   UT_CHECK_EQ(ts->vex.guest_R9, 1);
   UT_CHECK_EQ(ts->vex.guest_RIP, GC);
   UT_CHECK_EQ(tt_stats().n_chained, 1);
   UT_CHECK_EQ(tt_stats().n_links, 1);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(chain_is_idempotent)
{
   init_default();
   Addr site;
   build_a_to_b(False, &site);
   ULong epoch = VG_(tt_epoch)();
   UT_CHECK(VG_(tt_chain)(site, False, GB, epoch));
   UChar after_first[24];
   memcpy(after_first, (void*)site, 24);
   UT_CHECK(VG_(tt_chain)(site, False, GB, epoch));
   UT_CHECK(memcmp(after_first, (void*)site, 24) == 0);
   UT_CHECK_EQ(tt_stats().n_chained, 1);
   UT_CHECK_EQ(tt_stats().n_links, 1);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(chain_to_fast_ep_skips_the_event_check)
{
   init_default();
   Addr site;
   Addr ha = build_a_to_b(True, &site);
   UT_CHECK(VG_(tt_chain)(site, True, GB, VG_(tt_epoch)()));
   ts->vex.host_EvC_COUNTER = 100;
   UT_CHECK_EQ(run(ha, NULL), VEX_TRC_JMP_CLIENTREQ);
   UT_CHECK_EQ(ts->vex.host_EvC_COUNTER, 99);
   UT_CHECK_EQ(ts->vex.guest_R9, 1);
}

UNIT_TEST(chain_to_slow_ep_runs_the_event_check)
{
   init_default();
   Addr site;
   Addr ha = build_a_to_b(False, &site);
   UT_CHECK(VG_(tt_chain)(site, False, GB, VG_(tt_epoch)()));
   ts->vex.host_EvC_COUNTER = 100;
   UT_CHECK_EQ(run(ha, NULL), VEX_TRC_JMP_CLIENTREQ);
   UT_CHECK_EQ(ts->vex.host_EvC_COUNTER, 98);
   /* With one block left, B's check fails: the PC is B's. */
   ts->vex.host_EvC_COUNTER = 1;
   ts->vex.guest_R8 = ts->vex.guest_R9 = 0;
   UT_CHECK_EQ(run(ha, NULL), VG_TRC_INNER_COUNTERZERO);
   UT_CHECK_EQ(ts->vex.guest_R8, 1);
   UT_CHECK_EQ(ts->vex.guest_R9, 0);
   UT_CHECK_EQ(ts->vex.guest_RIP, GB);
}

UNIT_TEST(chain_refused_after_a_discard)
{
   init_default();
   Addr site;
   build_a_to_b(False, &site);
   add_assisted(GC, OFFB(guest_R10), GA, VEX_TRC_JMP_YIELD);
   ULong epoch = VG_(tt_epoch)();
   VG_(discard_translations)(GC, 1, "test");
   UT_CHECK(!VG_(tt_chain)(site, False, GB, epoch));
   UT_CHECK(site_unchained(site, False));
   UT_CHECK_EQ(tt_stats().n_chain_stale, 1);
   /* With the current epoch it goes ahead. */
   UT_CHECK(VG_(tt_chain)(site, False, GB, VG_(tt_epoch)()));
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(chain_refused_without_source_or_target)
{
   init_default();
   Addr site;
   build_a_to_b(False, &site);
   /* No translation of the target. */
   UT_CHECK(!VG_(tt_chain)(site, False, GC, VG_(tt_epoch)()));
   /* A site in no translation. */
   UT_CHECK(!VG_(tt_chain)((Addr)code, False, GB, VG_(tt_epoch)()));
   UT_CHECK(site_unchained(site, False));
   UT_CHECK_EQ(tt_stats().n_links, 0);
}

UNIT_TEST(chain_finds_the_source_among_many)
{
   init_default();
   /* Several translations in one sector; chain the middle one's exit. */
   for (int i = 0; i < 5; i++)
      add_assisted(0x600000 + 0x10 * i, OFFB(guest_R10), 0,
                   VEX_TRC_JMP_YIELD);
   Addr site;
   Addr ha = build_a_to_b(False, &site);
   for (int i = 5; i < 10; i++)
      add_assisted(0x600000 + 0x10 * i, OFFB(guest_R10), 0,
                   VEX_TRC_JMP_YIELD);
   UT_CHECK(VG_(tt_chain)(site, False, GB, VG_(tt_epoch)()));
   UT_CHECK_EQ(run(ha, NULL), VEX_TRC_JMP_CLIENTREQ);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(chain_self_loop_runs_until_counter_expires)
{
   init_default();
   /* A loop block: count, then jump to itself. */
   Addr h = add_direct(GA, OFFB(guest_R8), GA, False);
   Addr site = find_site(h, 64);
   UWord extra;
   ULong epoch = VG_(tt_epoch)();
   UT_CHECK_EQ(run(h, &extra), VG_TRC_CHAIN_ME_TO_SLOW_EP);
   UT_CHECK(VG_(tt_chain)(extra, False, GA, epoch));
   ts->vex.guest_R8 = 0;
   ts->vex.host_EvC_COUNTER = 1000;
   UT_CHECK_EQ(run(h, NULL), VG_TRC_INNER_COUNTERZERO);
   UT_CHECK_EQ(ts->vex.guest_R8, 1000);
   UT_CHECK(VG_(sanity_check_tt_tc)());
   VG_(discard_translations)(GA, 1, "test");
   UT_CHECK(site_unchained(site, False));
   UT_CHECK_EQ(tt_stats().n_links, 0);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

/* ------------------------------------------------------------------ */
/* Discarding                                                           */

UNIT_TEST(discard_target_unchains_the_site)
{
   init_default();
   Addr site;
   Addr ha = build_a_to_b(False, &site);
   UChar before[16];
   memcpy(before, (void*)site, 16);
   UT_CHECK(VG_(tt_chain)(site, False, GB, VG_(tt_epoch)()));
   VG_(discard_translations)(GB, 16, "test");
   UT_CHECK(lookup(GB) == 0);
   UT_CHECK(lookup(GA) == ha);
   UT_CHECK(memcmp(before, (void*)site, 16) == 0);
   UT_CHECK_EQ(tt_stats().n_unchained, 1);
   UT_CHECK_EQ(tt_stats().n_links, 0);
   /* Running A asks to be chained again. */
   UWord extra;
   UT_CHECK_EQ(run(ha, &extra), VG_TRC_CHAIN_ME_TO_SLOW_EP);
   UT_CHECK_EQ(extra, site);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(discard_source_forgets_its_link)
{
   init_default();
   Addr site;
   build_a_to_b(False, &site);
   UT_CHECK(VG_(tt_chain)(site, False, GB, VG_(tt_epoch)()));
   VG_(discard_translations)(GA, 1, "test");
   UT_CHECK(lookup(GA) == 0);
   UT_CHECK_EQ(tt_stats().n_links, 0);
   UT_CHECK_EQ(tt_stats().n_unchained, 0);
   UT_CHECK(VG_(sanity_check_tt_tc)());
   /* Discarding the target now unchains nothing. */
   VG_(discard_translations)(GB, 1, "test");
   UT_CHECK_EQ(tt_stats().n_unchained, 0);
   UT_CHECK_EQ(tt_stats().n_live, 0);
}

UNIT_TEST(discard_range_is_half_open)
{
   init_default();
   add_assisted(GA, OFFB(guest_R8), 0, VEX_TRC_JMP_YIELD);  /* [GA, GA+16) */
   VG_(discard_translations)(GA - 0x100, 0x100, "test");    /* ends at GA */
   VG_(discard_translations)(GA + 16, 0x100, "test");       /* starts after */
   VG_(discard_translations)(GA, 0, "test");                /* empty */
   UT_CHECK(lookup(GA) != 0);
   UT_CHECK_EQ(tt_stats().n_discarded, 0);
   VG_(discard_translations)(GA + 15, 1, "test");           /* last byte */
   UT_CHECK(lookup(GA) == 0);
   UT_CHECK_EQ(tt_stats().n_discarded, 1);
   UT_CHECK_EQ(lookup(GA - 1), 0);
}

UNIT_TEST(discard_multi_extent_superblock)
{
   init_default();
   /* One superblock from three ranges far apart (it chased two jumps). */
   begin(OFFB(guest_R8));
   exit_assisted(0, VEX_TRC_JMP_YIELD);
   VexGuestExtents vge;
   memset(&vge, 0, sizeof vge);
   vge.base[0] = 0x10000; vge.len[0] = 20;
   vge.base[1] = 0x80000; vge.len[1] = 8;
   vge.base[2] = 0x30000; vge.len[2] = 30;
   vge.n_used = 3;
   VG_(add_to_transtab)(&vge, 0x10000, code, (UInt)code_len, False, -1);
   add_assisted(0x80100, OFFB(guest_R9), 0, VEX_TRC_JMP_YIELD);
   /* The gaps between the extents: nothing. */
   VG_(discard_translations)(0x10014, 0x30000 - 0x10014, "test");
   VG_(discard_translations)(0x3001e, 0x80000 - 0x3001e, "test");
   UT_CHECK(lookup(0x10000) != 0);
   /* The middle extent only. */
   VG_(discard_translations)(0x80007, 1, "test");
   UT_CHECK(lookup(0x10000) == 0);
   UT_CHECK(lookup(0x80100) != 0);
   UT_CHECK_EQ(n_notified, 1);
   UT_CHECK_EQ(last_notified, 0x10000);
   UT_CHECK_EQ(last_notified_vge.n_used, 3);
   UT_CHECK_EQ(last_notified_vge.base[2], 0x30000);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(discard_covers_all_address_classes)
{
   init_default();
   /* Translations spread over more than the classes' span, and one
      straddling a 4KB boundary (the catch-all class). */
   for (int i = 0; i < 20; i++)
      add_assisted(0x1000000 + 0x40000 * (Addr)i, OFFB(guest_R8), 0,
                   VEX_TRC_JMP_YIELD);
   begin(OFFB(guest_R9));
   exit_assisted(0, VEX_TRC_JMP_YIELD);
   VexGuestExtents vge = ext1(0x2000ff8, 16);
   VG_(add_to_transtab)(&vge, 0x2000ff8, code, (UInt)code_len, False, -1);
   /* A small range hitting the straddler's second page. */
   VG_(discard_translations)(0x2001000, 4, "test");
   UT_CHECK(lookup(0x2000ff8) == 0);
   UT_CHECK_EQ(tt_stats().n_live, 20);
   /* A huge one: everything. */
   VG_(discard_translations)(0, ~0UL, "test");
   UT_CHECK_EQ(tt_stats().n_live, 0);
   UT_CHECK_EQ(n_notified, 21);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(discard_empty_extent_counts_as_one_byte)
{
   init_default();
   begin(OFFB(guest_R8));
   exit_assisted(GA, VEX_TRC_JMP_NODECODE);
   VexGuestExtents vge = ext1(GA, 0);
   VG_(add_to_transtab)(&vge, GA, code, (UInt)code_len, False, -1);
   VG_(discard_translations)(GA, 1, "smc");
   UT_CHECK(lookup(GA) == 0);
}

/* ------------------------------------------------------------------ */
/* The fast cache and indirect jumps                                    */

UNIT_TEST(xindir_fast_cache_hit_goes_straight_on)
{
   init_default();
   Addr ha = add_indirect(GA, OFFB(guest_R8));
   add_assisted(GB, OFFB(guest_R9), GC, VEX_TRC_JMP_CLIENTREQ);
   Addr hb;
   UT_CHECK(VG_(search_transtab)(&hb, GB, TID));    /* fills the cache */
   ts->vex.guest_RCX = GB;
   UT_CHECK_EQ(run(ha, NULL), VEX_TRC_JMP_CLIENTREQ);
   UT_CHECK_EQ(ts->vex.guest_R8, 1);
   UT_CHECK_EQ(ts->vex.guest_R9, 1);
   VgFastCache* fc = VG_(tt_fast_cache)(TID);
   UT_CHECK_EQ(fc->n_lookups, 1);
   UT_CHECK_EQ(fc->n_misses, 0);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(xindir_fast_cache_miss_returns_fastmiss)
{
   init_default();
   Addr ha = add_indirect(GA, OFFB(guest_R8));
   add_assisted(GB, OFFB(guest_R9), GC, VEX_TRC_JMP_CLIENTREQ);
   ts->vex.guest_RCX = GB;
   UWord extra = 0;
   UT_CHECK_EQ(run(ha, &extra), VG_TRC_INNER_FASTMISS);
   UT_CHECK_EQ(extra, GB);
   UT_CHECK_EQ(ts->vex.guest_RIP, GB);
   UT_CHECK_EQ(ts->vex.guest_R9, 0);
   UT_CHECK_EQ(VG_(tt_fast_cache)(TID)->n_misses, 1);
}

UNIT_TEST(fast_cache_empty_entry_is_a_miss)
{
   init_default();
   /* The empty entries' guest address itself must not be a hit. */
   Addr ha = add_indirect(GA, OFFB(guest_R8));
   ts->vex.guest_RCX = VG_TT_FAST_EMPTY_GUEST;
   UWord extra = 0;
   UT_CHECK_EQ(run(ha, &extra), VG_TRC_INNER_FASTMISS);
   UT_CHECK_EQ(extra, VG_TT_FAST_EMPTY_GUEST);
}

UNIT_TEST(fast_cache_filled_by_search_only_for_a_thread)
{
   init_default();
   Addr hb = add_assisted(GB, OFFB(guest_R9), GC, VEX_TRC_JMP_CLIENTREQ);
   VgFastCache* fc = VG_(tt_fast_cache)(TID);
   UInt ix = (UInt)((GB ^ (GB >> VG_TT_FAST_BITS)) & VG_TT_FAST_MASK);
   Addr h;
   UT_CHECK(VG_(search_transtab)(&h, GB, VG_INVALID_THREADID));
   UT_CHECK_EQ(fc->entry[ix].guest, VG_TT_FAST_EMPTY_GUEST);
   UT_CHECK(VG_(search_transtab)(&h, GB, TID));
   UT_CHECK_EQ(fc->entry[ix].guest, GB);
   UT_CHECK_EQ(fc->entry[ix].host, hb);
   /* Another thread's cache is its own. */
   UT_CHECK_EQ(VG_(tt_fast_cache)(TID + 1)->entry[ix].guest,
               VG_TT_FAST_EMPTY_GUEST);
}

UNIT_TEST(fast_cache_flushed_by_discard)
{
   init_default();
   Addr ha = add_indirect(GA, OFFB(guest_R8));
   add_assisted(GB, OFFB(guest_R9), GC, VEX_TRC_JMP_CLIENTREQ);
   add_assisted(GC, OFFB(guest_R10), GC, VEX_TRC_JMP_CLIENTREQ);
   Addr h;
   UT_CHECK(VG_(search_transtab)(&h, GB, TID));
   UT_CHECK(VG_(search_transtab)(&h, GB, TID + 1));
   /* Discarding anything empties every thread's cache. */
   VG_(discard_translations)(GC, 1, "test");
   ts->vex.guest_RCX = GB;
   UT_CHECK_EQ(run(ha, NULL), VG_TRC_INNER_FASTMISS);
   UInt ix = (UInt)((GB ^ (GB >> VG_TT_FAST_BITS)) & VG_TT_FAST_MASK);
   UT_CHECK_EQ(VG_(tt_fast_cache)(TID + 1)->entry[ix].guest,
               VG_TT_FAST_EMPTY_GUEST);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

/* ------------------------------------------------------------------ */
/* Sectors                                                              */

UNIT_TEST(sector_recycling_drops_the_oldest)
{
   /* 3 sectors of 8 entries: 6 translations each. */
   init_tt(3, 8, 4096);
   for (int i = 0; i < 20; i++)
      add_assisted(0x700000 + 0x100 * (Addr)i, OFFB(guest_R8), 0,
                   VEX_TRC_JMP_YIELD);
   /* Sectors hold 0..5, 6..11, 12..17; the 19th and 20th recycled the
      first. */
   UT_CHECK(lookup(0x700000) == 0);
   UT_CHECK(lookup(0x700000 + 0x100 * 5) == 0);
   for (int i = 6; i < 20; i++)
      UT_CHECK(lookup(0x700000 + 0x100 * (Addr)i) != 0);
   VgTTStats st = tt_stats();
   UT_CHECK_EQ(st.n_sectors_recycled, 1);
   UT_CHECK_EQ(st.n_recycled, 6);
   UT_CHECK_EQ(st.n_live, 14);
   UT_CHECK_EQ(st.n_sectors_used, 3);
   UT_CHECK_EQ(n_notified, 6);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(sector_full_of_code_moves_on)
{
   /* Few bytes of code per sector: the code area fills first. */
   init_tt(2, 1024, 1024);
   int i;
   for (i = 0; i < 200 && tt_stats().n_sectors_used < 2; i++)
      add_assisted(0x700000 + 0x100 * (Addr)i, OFFB(guest_R8), 0,
                   VEX_TRC_JMP_YIELD);
   UT_CHECK(i > 5 && i < 200);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(recycling_unchains_links_from_other_sectors)
{
   /* 3 sectors of 6 translations, filled in the order 0, 1, 2, 0, 1. */
   init_tt(3, 8, 4096);
   /* A and 5 others fill sector 0; B is first in sector 1. */
   Addr ha = add_direct(GA, OFFB(guest_R8), GB, False);
   for (int i = 0; i < 5; i++)
      add_assisted(0x700000 + 0x100 * (Addr)i, OFFB(guest_R10), 0,
                   VEX_TRC_JMP_YIELD);
   add_assisted(GB, OFFB(guest_R9), GC, VEX_TRC_JMP_CLIENTREQ);
   Addr site = find_site(ha, 64);
   UT_CHECK(VG_(tt_chain)(site, False, GB, VG_(tt_epoch)()));
   UT_CHECK_EQ(run(ha, NULL), VEX_TRC_JMP_CLIENTREQ);
   /* 5 more fill sector 1, 6 sector 2, the 12th recycles sector 0:
      the link's source goes, the target forgets it. */
   for (int i = 5; i < 17; i++)
      add_assisted(0x700000 + 0x100 * (Addr)i, OFFB(guest_R10), 0,
                   VEX_TRC_JMP_YIELD);
   UT_CHECK(lookup(GA) == 0);
   UT_CHECK(lookup(GB) != 0);
   UT_CHECK_EQ(tt_stats().n_links, 0);
   UT_CHECK(VG_(sanity_check_tt_tc)());

   /* A again (sector 0, now holding 2), linked to B in sector 1; 4 more
      fill sector 0 and the 5th recycles sector 1. */
   ha = add_direct(GA, OFFB(guest_R8), GB, False);
   site = find_site(ha, 64);
   UT_CHECK(VG_(tt_chain)(site, False, GB, VG_(tt_epoch)()));
   UT_CHECK(!site_unchained(site, False));
   for (int i = 17; i < 22; i++)
      add_assisted(0x700000 + 0x100 * (Addr)i, OFFB(guest_R10), 0,
                   VEX_TRC_JMP_YIELD);
   UT_CHECK(lookup(GB) == 0);
   UT_CHECK(lookup(GA) == ha);
   UT_CHECK(site_unchained(site, False));
   UT_CHECK_EQ(tt_stats().n_sectors_recycled, 2);
   UWord extra;
   UT_CHECK_EQ(run(ha, &extra), VG_TRC_CHAIN_ME_TO_SLOW_EP);
   UT_CHECK_EQ(extra, site);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(insertion_recycles_is_predicted)
{
   init_tt(2, 8, 4096);
   for (int i = 0; i < 14; i++) {
      begin(OFFB(guest_R8));
      exit_assisted(0, VEX_TRC_JMP_YIELD);
      Bool predicted = VG_(tt_insertion_recycles)((UInt)code_len);
      ULong before = tt_stats().n_sectors_recycled;
      add_built(0x700000 + 0x100 * (Addr)i);
      UT_CHECK_EQ(predicted, tt_stats().n_sectors_recycled > before);
   }
   UT_CHECK_EQ(tt_stats().n_sectors_recycled, 1);
}

/* ------------------------------------------------------------------ */
/* Profile counters                                                     */

/* A block with a profile increment after its event check, leaving with
   VEX_TRC_JMP_YIELD; added with the increment's offset. */
static Addr add_profiled(Addr guest)
{
   vexSetAllocModeTEMP_and_clear();
   code_len = 0;
   emit(AMD64Instr_EvCheck(gs(OFFB(host_EvC_COUNTER)),
                           gs(OFFB(host_EvC_FAILADDR))));
   Int offs_profinc = code_len;
   emit(AMD64Instr_ProfInc());
   exit_assisted(0, VEX_TRC_JMP_YIELD);
   VexGuestExtents vge = ext1(guest, 16);
   return VG_(add_to_transtab)(&vge, guest, code, (UInt)code_len, False,
                               offs_profinc);
}

/* The profile's counts (RESET: then start again), sorted by guest
   address and then count; returns how many, at most MAX into OUT. */
static int cmp_sb_count(const void* a, const void* b)
{
   const VgSBCount* x = a;
   const VgSBCount* y = b;
   if (x->guest != y->guest)
      return x->guest < y->guest ? -1 : 1;
   return x->count < y->count ? -1 : x->count > y->count;
}

static int get_profile(VgSBCount* out, int max, Bool reset)
{
   XArray* xa = VG_(newXA)(VG_(malloc), "test.profile", VG_(free),
                           sizeof(VgSBCount));
   VG_(tt_get_profile)(xa, reset);
   int n = (int)VG_(sizeXA)(xa);
   for (int i = 0; i < n && i < max; i++)
      out[i] = *(VgSBCount*)VG_(indexXA)(xa, i);
   VG_(deleteXA)(xa);
   qsort(out, (size_t)(n < max ? n : max), sizeof *out, cmp_sb_count);
   return n;
}

static void run_n(Addr host, int n)
{
   for (int i = 0; i < n; i++) {
      ts->vex.host_EvC_COUNTER = 1000;
      UT_CHECK_EQ(run(host, NULL), VEX_TRC_JMP_YIELD);
   }
}

UNIT_TEST(profile_counts_each_run_and_resets)
{
   init_default();
   Addr ha = add_profiled(GA);
   Addr hb = add_profiled(GB);
   add_assisted(GC, OFFB(guest_R8), 0, VEX_TRC_JMP_YIELD);  /* uncounted */
   run_n(ha, 5);
   run_n(hb, 2);
   VgSBCount c[4];
   UT_CHECK_EQ(get_profile(c, 4, False), 2);
   UT_CHECK_EQ(c[0].guest, GA);
   UT_CHECK_EQ(c[0].count, 5);
   UT_CHECK_EQ(c[1].guest, GB);
   UT_CHECK_EQ(c[1].count, 2);
   /* Reading with a reset returns the counts, then they start again. */
   UT_CHECK_EQ(get_profile(c, 4, True), 2);
   UT_CHECK_EQ(get_profile(c, 4, False), 0);
   run_n(ha, 1);
   UT_CHECK_EQ(get_profile(c, 4, False), 1);
   UT_CHECK_EQ(c[0].count, 1);
}

UNIT_TEST(profile_counts_survive_a_discard)
{
   init_default();
   run_n(add_profiled(GA), 3);
   VG_(discard_translations)(GA, 1, "test");
   UT_CHECK(lookup(GA) == 0);
   VgSBCount c[4];
   UT_CHECK_EQ(get_profile(c, 4, False), 1);
   UT_CHECK_EQ(c[0].count, 3);
   /* Translated again: the new translation counts afresh, the old count
      stays; a second discard adds to it. */
   run_n(add_profiled(GA), 2);
   UT_CHECK_EQ(get_profile(c, 4, False), 2);
   UT_CHECK_EQ(c[0].guest, GA);
   UT_CHECK_EQ(c[0].count, 2);
   UT_CHECK_EQ(c[1].count, 3);
   VG_(discard_translations)(GA, 1, "test");
   UT_CHECK_EQ(get_profile(c, 4, True), 1);
   UT_CHECK_EQ(c[0].count, 5);
   UT_CHECK_EQ(get_profile(c, 4, False), 0);
}

UNIT_TEST(profile_counts_survive_sector_recycling)
{
   /* 2 sectors of 6 translations: the 13th recycles the first. */
   init_tt(2, 8, 4096);
   enum { N = 13 };
   for (int i = 0; i < N; i++)
      run_n(add_profiled(0x700000 + 0x100 * (Addr)i), i + 1);
   UT_CHECK_EQ(tt_stats().n_sectors_recycled, 1);
   UT_CHECK(lookup(0x700000) == 0);
   VgSBCount c[N + 1];
   UT_CHECK_EQ(get_profile(c, N + 1, False), N);
   int ok = 1;
   for (int i = 0; i < N; i++)
      ok &= c[i].guest == 0x700000 + 0x100 * (Addr)i
            && c[i].count == (ULong)i + 1;
   UT_CHECK(ok);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

UNIT_TEST(profile_retired_table_grows)
{
   /* More discarded addresses than the retired table's first size. */
   init_tt(2, 4096, 1024 * 1024);
   enum { N = 1500 };
   for (int i = 0; i < N; i++) {
      Addr g = 0x800000 + 0x40 * (Addr)i;
      run_n(add_profiled(g), 1 + i % 3);
      VG_(discard_translations)(g, 1, "test");
   }
   static VgSBCount c[N];
   UT_CHECK_EQ(get_profile(c, N, False), N);
   ULong total = 0;
   for (int i = 0; i < N; i++)
      total += c[i].count;
   UT_CHECK_EQ(total, 500 * (1 + 2 + 3));
   UT_CHECK_EQ(c[N - 1].guest, 0x800000 + 0x40 * (Addr)(N - 1));
}

/* ------------------------------------------------------------------ */
/* The dispatcher's conventions                                         */

/* Written by check_stack_helper (global: the assembly names them). */
ULong tt_seen_rsp_mod16 = 99;
ULong tt_seen_rbp;

void check_stack_helper(void);
__asm__(
   ".text\n"
   ".globl check_stack_helper\n"
   "check_stack_helper:\n"
   /* At entry, after the call, %rsp + 8 is 16-aligned. */
   "   leaq 8(%rsp), %rax\n"
   "   andq $15, %rax\n"
   "   movq %rax, tt_seen_rsp_mod16(%rip)\n"
   "   movq %rbp, tt_seen_rbp(%rip)\n"
   "   ret\n");

UNIT_TEST(dispatch_translation_runs_on_an_aligned_stack)
{
   init_default();
   begin(OFFB(guest_R8));
   emit(AMD64Instr_Call(Acc_ALWAYS, (Addr64)(Addr)check_stack_helper, 0,
                        mk_RetLoc_simple(RLPri_None)));
   exit_assisted(GB, VEX_TRC_JMP_YIELD);
   Addr h = add_built(GA);
   UT_CHECK_EQ(run(h, NULL), VEX_TRC_JMP_YIELD);
   UT_CHECK_EQ(tt_seen_rsp_mod16, 0);
   UT_CHECK_EQ(tt_seen_rbp, (Addr)&ts->vex);
}

/* Runs H with known values in the callee-saved registers and checks
   they survive the dispatcher.  The call is made on a fresh 16-aligned
   stack below the red zone, as a C call would be. */
static int callee_saved_survive(Addr h)
{
   UWord tw[2];
   ULong out[5];
   UWord* twp = tw;
   void*  gsp = &ts->vex;
   Addr   hh  = h;
   void*  fcp = VG_(tt_fast_cache)(TID);
   register ULong* outp __asm__("r8") = out;
   __asm__ __volatile__(
      "movq %%rsp, %%rax\n\t"
      "subq $128, %%rsp\n\t"
      "andq $-16, %%rsp\n\t"
      "pushq %%rax\n\t"                /* the old %rsp */
      "pushq %%r8\n\t"                 /* OUT */
      "pushq %%rbp\n\t"
      "pushq %%rbx\n\t"
      "pushq %%r12\n\t"
      "pushq %%r13\n\t"
      "pushq %%r14\n\t"
      "pushq %%r15\n\t"
      "movabsq $0x1111111111111111, %%rbx\n\t"
      "movabsq $0x1212121212121212, %%r12\n\t"
      "movabsq $0x1313131313131313, %%r13\n\t"
      "movabsq $0x1414141414141414, %%r14\n\t"
      "movabsq $0x1515151515151515, %%r15\n\t"
      "call vgPlain_disp_run_translations\n\t"
      "movq 48(%%rsp), %%rax\n\t"
      "movq %%rbx, 0(%%rax)\n\t"
      "movq %%r12, 8(%%rax)\n\t"
      "movq %%r13, 16(%%rax)\n\t"
      "movq %%r14, 24(%%rax)\n\t"
      "movq %%r15, 32(%%rax)\n\t"
      "popq %%r15\n\t"
      "popq %%r14\n\t"
      "popq %%r13\n\t"
      "popq %%r12\n\t"
      "popq %%rbx\n\t"
      "popq %%rbp\n\t"
      "addq $8, %%rsp\n\t"
      "popq %%rsp\n\t"
      : "+D"(twp), "+S"(gsp), "+d"(hh), "+c"(fcp), "+r"(outp)
      :
      : "rax", "r9", "r10", "r11", "memory", "cc",
        "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
        "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14",
        "xmm15");
   return out[0] == 0x1111111111111111ULL && out[1] == 0x1212121212121212ULL
          && out[2] == 0x1313131313131313ULL
          && out[3] == 0x1414141414141414ULL
          && out[4] == 0x1515151515151515ULL;
}

UNIT_TEST(dispatch_preserves_callee_saved_registers)
{
   init_default();
   /* A translation that trashes them all. */
   begin(OFFB(guest_R8));
   static const UInt regs[] = { 3, 12, 13, 14, 15 };
   for (unsigned k = 0; k < 5; k++)
      emit(AMD64Instr_Imm64(0xBADBADBADULL * (k + 1), hregAMD64_GPR(regs[k])));
   exit_assisted(GB, VEX_TRC_JMP_YIELD);
   Addr h = add_built(GA);
   UT_CHECK(callee_saved_survive(h));
   UT_CHECK_EQ(ts->vex.guest_R8, 1);
}

UNIT_TEST(dispatch_reports_a_changed_sse_control_word)
{
   init_default();
   /* The translation leaves MXCSR at round-down. */
   ts->vex.guest_R11 = 0x3F80;
   begin(OFFB(guest_R8));
   emit(AMD64Instr_LdMXCSR(gs(OFFB(guest_R11))));
   exit_assisted(GB, VEX_TRC_JMP_YIELD);
   Addr h = add_built(GA);
   UT_CHECK_EQ(run(h, NULL), VG_TRC_INVARIANT_FAILED);
   unsigned int mxcsr;
   __asm__ __volatile__("stmxcsr %0" : "=m"(mxcsr));
   UT_CHECK_EQ(mxcsr & ~0x3Fu, VG_MXCSR_DEFAULT);
   /* Exception flags set by translated code are fine. */
   ts->vex.guest_R11 = 0x1F80 | 0x3F;
   h = add_built(GB);
   UT_CHECK_EQ(run(h, NULL), VEX_TRC_JMP_YIELD);
}

UNIT_TEST(dispatch_runs_many_blocks_chained_and_indirect)
{
   /* A ring of 50 blocks, even ones chained directly to the next, odd
      ones jumping indirectly through the fast cache; the last leaves. */
   init_tt(4, 256, 256 * 1024);
   Addr first = 0;
   for (int i = 0; i < 50; i++) {
      Addr g = 0x800000 + 0x40 * (Addr)i;
      Addr h;
      if (i == 49) {
         h = add_assisted(g, OFFB(guest_R9), GA, VEX_TRC_JMP_CLIENTREQ);
      } else if (i % 2 == 0) {
         h = add_direct(g, OFFB(guest_R8), g + 0x40, False);
      } else {
         begin(OFFB(guest_R8));
         /* RCX += 0x80: this block's successor. */
         emit(AMD64Instr_Alu64M(Aalu_ADD, AMD64RI_Imm(0x80),
                                gs(OFFB(guest_RCX))));
         exit_indirect();
         h = add_built(g);
      }
      if (i == 0)
         first = h;
   }
   /* Drive it as the scheduler does. */
   ts->vex.guest_RCX = 0x800000;   /* block 1 jumps to block 2 */
   ts->vex.host_EvC_COUNTER = 100000;
   Addr h = first;
   int exits = 0;
   for (;;) {
      UWord extra;
      ULong epoch = VG_(tt_epoch)();
      UWord trc = run(h, &extra);
      if (trc == VEX_TRC_JMP_CLIENTREQ)
         break;
      exits++;
      if (trc == VG_TRC_CHAIN_ME_TO_SLOW_EP)
         UT_CHECK(VG_(tt_chain)(extra, False, ts->vex.guest_RIP, epoch));
      else
         UT_CHECK_EQ(trc, VG_TRC_INNER_FASTMISS);
      UT_CHECK(VG_(search_transtab)(&h, ts->vex.guest_RIP, TID));
      if (exits > 200)
         break;
   }
   UT_CHECK_EQ(ts->vex.guest_R8, 49);
   UT_CHECK_EQ(ts->vex.guest_R9, 1);
   /* Once more: everything is chained or in the fast cache. */
   ts->vex.guest_R8 = ts->vex.guest_R9 = 0;
   ts->vex.guest_RCX = 0x800000;
   UT_CHECK_EQ(run(first, NULL), VEX_TRC_JMP_CLIENTREQ);
   UT_CHECK_EQ(ts->vex.guest_R8, 49);
   UT_CHECK_EQ(ts->vex.host_EvC_COUNTER, 100000 - 100);
   UT_CHECK(VG_(sanity_check_tt_tc)());
}

/* ------------------------------------------------------------------ */
/* m_lock                                                               */

static VgMutex test_mutex = VG_MUTEX_INIT;
static long    shared_count;

static void* hammer(void* arg)
{
   (void)arg;
   for (int i = 0; i < 100000; i++) {
      VG_(mutex_lock)(&test_mutex);
      long v = shared_count;
      __asm__ __volatile__("" ::: "memory");
      shared_count = v + 1;
      VG_(mutex_unlock)(&test_mutex);
   }
   return NULL;
}

UNIT_TEST(lock_mutex_excludes_under_contention)
{
   pthread_t t[4];
   for (int i = 0; i < 4; i++)
      pthread_create(&t[i], NULL, hammer, NULL);
   for (int i = 0; i < 4; i++)
      pthread_join(t[i], NULL);
   UT_CHECK_EQ(shared_count, 400000);
   UT_CHECK(!VG_(mutex_is_held)(&test_mutex));
}

UNIT_TEST(lock_trylock)
{
   VgMutex m = VG_MUTEX_INIT;
   UT_CHECK(VG_(mutex_trylock)(&m));
   UT_CHECK(VG_(mutex_is_held)(&m));
   UT_CHECK(!VG_(mutex_trylock)(&m));
   VG_(mutex_unlock)(&m);
   UT_CHECK(!VG_(mutex_is_held)(&m));
   VG_(mutex_lock)(&m);
   UT_CHECK(!VG_(mutex_trylock)(&m));
   VG_(mutex_unlock)(&m);
}

/* ------------------------------------------------------------------ */
/* valgrind.h natively                                                  */

UNIT_TEST(valgrind_h_requests_are_no_ops_natively)
{
   UT_CHECK_EQ(RUNNING_ON_VALGRIND, 0);
   unsigned long r = VALGRIND_DO_CLIENT_REQUEST_EXPR(77, 0x12345, 1, 2, 3,
                                                     4, 5);
   UT_CHECK_EQ(r, 77);
   UT_CHECK_EQ(VALGRIND_PRINTF("%d\n", 1), 0);
   UT_CHECK_EQ(VALGRIND_COUNT_ERRORS, 0);
   VALGRIND_DISCARD_TRANSLATIONS(0x1000, 10);
   /* The preamble's rotations leave %rdi as it was. */
   unsigned long rdi = 0x0123456789abcdefUL;
   __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE "nop"
                        : "+D"(rdi) : : "cc");
   UT_CHECK_EQ(rdi, 0x0123456789abcdefUL);
   UT_CHECK(VG_IS_TOOL_USERREQ('M', 'C', VG_USERREQ_TOOL_BASE('M', 'C') + 3));
}
