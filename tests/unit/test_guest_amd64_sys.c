/* Unit tests of the amd64 front end's string and system families for
   what the differential harness cannot compare with the CPU:

   - Valgrind's client-request sequences (the preamble of four rotates of
     RDI and an xchg of a register with itself): the exits and the IR
     they make, that they are one 19-byte instruction, that an unknown
     tail or undecodable bytes after a request still give Ijk_NoDecode,
     and that a near-miss preamble is just rotates;
   - the shape of a rep-prefixed string instruction's translation (one
     element, then a jump back to itself: the block always ends, so the
     event check runs between elements);
   - the entries that must not run natively (sysenter, iret, rdrand, ...)
     decode to Ijk_NoDecode, int1/int $0x80 and the faulting ones to their
     jump kinds;
   - the disassembly of the string instructions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libvex.h"
#include "libvex_ir.h"
#include "libvex_guest_amd64.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/guest_generic_bb_to_IR.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "unit.h"

static char   out[1 << 16];
static size_t out_len;

static void log_cb(const HChar* bytes, SizeT n)
{
   if (out_len + n >= sizeof out)
      n = sizeof out - 1 - out_len;
   memcpy(out + out_len, bytes, n);
   out_len += n;
   out[out_len] = 0;
}

static void fail_cb(void)
{
   fprintf(stderr, "unexpected VEX failure:\n%s\n", out);
   abort();
}

static void setup(void)
{
   vex_init_callbacks(fail_cb, log_cb);
   vexSetAllocModeTEMP_and_clear();
   out_len = 0;
   out[0]  = 0;
}

static IRSB* xlate(const UChar* code, Addr64 addr, UInt* n_insns,
                   VexGuestExtents* vge, Bool trace)
{
   BbToIRParams p;
   memset(&p, 0, sizeof p);
   p.dis_instr_fn     = disInstr_AMD64;
   p.guest_code       = code;
   p.guest_IP_bbstart = addr;
   p.guest_max_insns  = 60;
   p.guest_word_type  = Ity_I64;
   p.offB_GUEST_IP    = VEX_AMD64_OFFB_RIP;
   p.trace            = trace;
   VexGuestExtents dv;
   UInt dn;
   return bb_to_IR(&p, vge ? vge : &dv, n_insns ? n_insns : &dn);
}

static Bool is_const64(const IRExpr* e, ULong v)
{
   return e->tag == Iex_Const && e->Iex.Const.con->tag == Ico_U64
          && e->Iex.Const.con->Ico.U64 == v;
}

static Int count_tag(const IRSB* bb, IRStmtTag tag)
{
   Int n = 0;
   for (Int i = 0; i < bb->stmts_used; i++)
      if (bb->stmts[i]->tag == tag)
         n++;
   return n;
}

/* PUT(OFFSET) = constant V somewhere in the block? */
static Bool has_put_const(const IRSB* bb, Int offset, ULong v)
{
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_Put && s->Ist.Put.offset == offset
          && is_const64(s->Ist.Put.data, v))
         return True;
   }
   return False;
}

static Bool has_put(const IRSB* bb, Int offset)
{
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_Put && s->Ist.Put.offset == offset)
         return True;
   }
   return False;
}

/* A GET of OFFSET anywhere (as a statement's expression tree). */
static Bool expr_gets(const IRExpr* e, Int offset)
{
   if (e == NULL)
      return False;
   switch (e->tag) {
      case Iex_Get:   return e->Iex.Get.offset == offset;
      case Iex_Unop:  return expr_gets(e->Iex.Unop.arg, offset);
      case Iex_Binop: return expr_gets(e->Iex.Binop.arg1, offset)
                             || expr_gets(e->Iex.Binop.arg2, offset);
      default:        return False;
   }
}

static Bool has_get(const IRSB* bb, Int offset)
{
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_WrTmp && expr_gets(s->Ist.WrTmp.data, offset))
         return True;
      if (s->tag == Ist_Put && expr_gets(s->Ist.Put.data, offset))
         return True;
   }
   return False;
}

/* Exits to constant DST. */
static Int count_exits_to(const IRSB* bb, ULong dst)
{
   Int n = 0;
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_Exit && s->Ist.Exit.dst->Ico.U64 == dst)
         n++;
   }
   return n;
}

static Int first_imark_len(const IRSB* bb)
{
   for (Int i = 0; i < bb->stmts_used; i++)
      if (bb->stmts[i]->tag == Ist_IMark)
         return (Int)bb->stmts[i]->Ist.IMark.len;
   return -1;
}

#define PREAMBLE "\x48\xc1\xc7\x03\x48\xc1\xc7\x0d\x48\xc1\xc7\x3d" \
                 "\x48\xc1\xc7\x33"

/* ------------------------------------------------------------------ */
/* Client requests                                                    */
/* ------------------------------------------------------------------ */

UNIT_TEST(guest_amd64_clientreq_request)
{
   setup();
   static const char code[] = PREAMBLE "\x48\x87\xdb" "\x90\xc3";
   UInt n;
   VexGuestExtents vge;
   IRSB* bb = xlate((const UChar*)code, 0x401000, &n, &vge, False);
   UT_CHECK_EQ(n, 1);
   UT_CHECK_EQ(bb->jumpkind, Ijk_ClientReq);
   UT_CHECK(is_const64(bb->next, 0x401000 + 19));
   UT_CHECK(has_put_const(bb, OFFB_RIP, 0x401000 + 19));
   UT_CHECK_EQ(first_imark_len(bb), 19);
   UT_CHECK_EQ(vge.len[0], 19);
   /* the rotates make no IR: RDI and the flags are untouched */
   UT_CHECK(!has_put(bb, OFFB_RDI));
   UT_CHECK(!has_put(bb, OFFB_CC_OP));
   UT_CHECK_EQ(count_tag(bb, Ist_Exit), 0);

   /* after an ordinary instruction in the same block */
   setup();
   static const char code2[] = "\x48\x01\xd8" PREAMBLE "\x48\x87\xdb";
   bb = xlate((const UChar*)code2, 0x402000, &n, NULL, False);
   UT_CHECK_EQ(n, 2);
   UT_CHECK_EQ(bb->jumpkind, Ijk_ClientReq);
   UT_CHECK(is_const64(bb->next, 0x402000 + 3 + 19));

   /* the trace names it as Valgrind does */
   setup();
   (void)xlate((const UChar*)code, 0x401000, &n, NULL, True);
   UT_CHECK(strstr(out, "%rdx = client_request ( %rax )") != NULL);
}

UNIT_TEST(guest_amd64_clientreq_nraddr_and_noredir)
{
   setup();
   /* RAX = guest_NRADDR, then the block goes on (ret ends it) */
   static const char nr[] = PREAMBLE "\x48\x87\xc9" "\xc3";
   UInt n;
   IRSB* bb = xlate((const UChar*)nr, 0x401000, &n, NULL, False);
   UT_CHECK_EQ(n, 2);
   UT_CHECK_EQ(bb->jumpkind, Ijk_Ret);
   UT_CHECK(has_get(bb, AMD64_OFFB(guest_NRADDR)));
   UT_CHECK(has_put(bb, OFFB_RAX));
   UT_CHECK(has_put_const(bb, OFFB_RIP, 0x401000 + 19));

   /* call-noredir *%rax: pushes the return address, Ijk_NoRedir to the
      value of RAX */
   setup();
   static const char cn[] = PREAMBLE "\x48\x87\xd2";
   bb = xlate((const UChar*)cn, 0x401000, &n, NULL, False);
   UT_CHECK_EQ(n, 1);
   UT_CHECK_EQ(bb->jumpkind, Ijk_NoRedir);
   UT_CHECK_EQ(bb->next->tag, Iex_RdTmp);
   UT_CHECK(has_put(bb, OFFB_RSP));
   Bool stored_ret = False;
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_Store && is_const64(s->Ist.Store.data, 0x401000 + 19))
         stored_ret = True;
   }
   UT_CHECK(stored_ret);
}

UNIT_TEST(guest_amd64_clientreq_nodecode)
{
   UInt n;
   IRSB* bb;
   /* IR injection (xchg %rdi,%rdi) is not supported; nor any other tail */
   static const char* const tails[] = {
      PREAMBLE "\x48\x87\xff", PREAMBLE "\x48\x87\xc0", PREAMBLE "\xd6",
      PREAMBLE "\x0f\xff\xff", PREAMBLE "\x87\xdb\x90"
   };
   for (unsigned i = 0; i < sizeof tails / sizeof tails[0]; i++) {
      setup();
      bb = xlate((const UChar*)tails[i], 0x401000, &n, NULL, False);
      UT_CHECK_EQ(bb->jumpkind, Ijk_NoDecode);
      UT_CHECK(is_const64(bb->next, 0x401000));
      UT_CHECK_EQ(count_tag(bb, Ist_IMark), 0);
   }
   /* ... also in the middle of a block: the block ends before it */
   setup();
   static const char mid[] = "\x90" PREAMBLE "\x48\x87\xff";
   bb = xlate((const UChar*)mid, 0x401000, &n, NULL, False);
   UT_CHECK_EQ(bb->jumpkind, Ijk_NoDecode);
   UT_CHECK(is_const64(bb->next, 0x401001));

   /* undecodable bytes right after a client request: the request ends
      its block; the block after it is Ijk_NoDecode at its start */
   static const char req_bad[] = PREAMBLE "\x48\x87\xdb" "\x06\x90";
   setup();
   bb = xlate((const UChar*)req_bad, 0x401000, &n, NULL, False);
   UT_CHECK_EQ(bb->jumpkind, Ijk_ClientReq);
   UT_CHECK(is_const64(bb->next, 0x401013));
   setup();
   bb = xlate((const UChar*)req_bad + 19, 0x401013, &n, NULL, False);
   UT_CHECK_EQ(bb->jumpkind, Ijk_NoDecode);
   UT_CHECK(is_const64(bb->next, 0x401013));
}

UNIT_TEST(guest_amd64_clientreq_near_miss)
{
   /* three of the four rotates, then a different one: plain rotates */
   setup();
   static const char near[] = "\x48\xc1\xc7\x03\x48\xc1\xc7\x0d"
                              "\x48\xc1\xc7\x3d\x48\xc1\xc7\x34"
                              "\x48\x87\xdb\xc3";
   UInt n;
   IRSB* bb = xlate((const UChar*)near, 0x401000, &n, NULL, False);
   UT_CHECK_EQ(n, 6);
   UT_CHECK_EQ(bb->jumpkind, Ijk_Ret);
   UT_CHECK(has_put(bb, OFFB_RDI));
   /* a lone rotate of RDI by 3 */
   setup();
   bb = xlate((const UChar*)"\x48\xc1\xc7\x03\xc3", 0x401000, &n, NULL,
              False);
   UT_CHECK_EQ(n, 2);
   UT_CHECK_EQ(bb->jumpkind, Ijk_Ret);
}

/* ------------------------------------------------------------------ */
/* rep string instructions                                            */
/* ------------------------------------------------------------------ */

UNIT_TEST(guest_amd64_rep_one_element_per_block)
{
   static const struct { const char* b; int len; Bool cond; } reps[] = {
      { "\xf3\xa4", 2, False }, { "\xf3\x48\xab", 3, False },
      { "\xf2\xae", 2, True }, { "\xf3\x66\xa7", 3, True },
      { "\x67\xf3\xac", 3, False }, { "\xf2\xa5", 2, False },
   };
   for (unsigned i = 0; i < sizeof reps / sizeof reps[0]; i++) {
      setup();
      char code[8];
      memcpy(code, reps[i].b, (size_t)reps[i].len);
      code[reps[i].len] = (char)0xC3;
      UInt n;
      IRSB* bb = xlate((const UChar*)code, 0x500000, &n, NULL, False);
      Addr64 next = 0x500000 + (Addr64)reps[i].len;
      /* one instruction; back to itself; out when rCX is (or becomes)
         zero, and for repe/repne when the condition says so */
      UT_CHECK_EQ(n, 1);
      UT_CHECK_EQ(bb->jumpkind, Ijk_Boring);
      UT_CHECK(is_const64(bb->next, 0x500000));
      UT_CHECK_EQ(count_exits_to(bb, next), reps[i].cond ? 3 : 2);
      UT_CHECK_EQ(count_exits_to(bb, 0x500000), 0);
   }
   /* after other instructions: the first element runs in that block */
   setup();
   UInt n;
   IRSB* bb = xlate((const UChar*)"\x48\x01\xd8\xf3\xaa\xc3", 0x500000, &n,
                    NULL, False);
   UT_CHECK_EQ(n, 2);
   UT_CHECK(is_const64(bb->next, 0x500003));
   /* without a prefix the block goes on */
   setup();
   bb = xlate((const UChar*)"\xa4\x48\xa7\xac\xc3", 0x500000, &n, NULL,
              False);
   UT_CHECK_EQ(n, 4);
   UT_CHECK_EQ(bb->jumpkind, Ijk_Ret);
   UT_CHECK_EQ(count_tag(bb, Ist_Exit), 0);
}

UNIT_TEST(guest_amd64_string_disasm)
{
   setup();
   static const struct { const char* b; const char* text; } t[] = {
      { "\xa4", "movsb" }, { "\x66\xa5", "movsw" }, { "\xa5", "movsl" },
      { "\x48\xa5", "movsq" }, { "\xf3\xa4", "rep movsb" },
      { "\xf3\x48\xa5", "rep movsq" }, { "\xf3\xa6", "repe cmpsb" },
      { "\xf2\x66\xa7", "repne cmpsw" }, { "\xaa", "stosb" },
      { "\xf3\xab", "rep stosl" }, { "\x48\xad", "lodsq" },
      { "\xf2\xae", "repne scasb" }, { "\xf3\x48\xaf", "repe scasq" },
      { "\xf2\xf3\xa6", "repe cmpsb" }, { "\xf3\xf2\xa6", "repne cmpsb" },
      { "\x6c", "insb" }, { "\x6f", "outsl" },
   };
   for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
      HChar buf[128];
      Int len = amd64_disasm((const UChar*)t[i].b, 0x1000, buf);
      UT_CHECK_EQ(len, (Int)strlen(t[i].b));
      UT_CHECK_STREQ(buf, t[i].text);
   }
}

/* ------------------------------------------------------------------ */
/* System instructions                                                */
/* ------------------------------------------------------------------ */

UNIT_TEST(guest_amd64_system_jump_kinds)
{
   static const struct {
      const char* b; int len; IRJumpKind jk; Bool after;
   } t[] = {
      { "\xcd\x80", 2, Ijk_Sys_int128, True },
      { "\xf1", 1, Ijk_SigTRAP, True },
      { "\x0f\xb9\xc0", 3, Ijk_SigILL, False },
      { "\x0f\xff", 2, Ijk_SigILL, False },
      { "\xe4\x60", 2, Ijk_SigSEGV, False },
      { "\xee", 1, Ijk_SigSEGV, False },
      { "\xfa", 1, Ijk_SigSEGV, False },
      { "\xfb", 1, Ijk_SigSEGV, False },
      { "\xf4", 1, Ijk_SigSEGV, False },
      { "\x0f\x30", 2, Ijk_SigSEGV, False },
      { "\x0f\x22\xd8", 3, Ijk_SigSEGV, False },
      { "\x0f\x01\xf8", 3, Ijk_SigSEGV, False },
      { "\xf3\x6e", 2, Ijk_SigSEGV, False },
      /* recognised, deliberately not supported */
      { "\x0f\x34", 2, Ijk_NoDecode, False },          /* sysenter */
      { "\x48\xcf", 2, Ijk_NoDecode, False },          /* iretq */
      { "\x0f\xc7\xf0", 3, Ijk_NoDecode, False },      /* rdrand */
      { "\x0f\xc7\xf8", 3, Ijk_NoDecode, False },      /* rdseed */
      { "\xf3\x0f\xc7\xf8", 4, Ijk_NoDecode, False },  /* rdpid */
      { "\x0f\x01\xc8", 3, Ijk_NoDecode, False },      /* monitor */
      { "\x0f\x01\xc9", 3, Ijk_NoDecode, False },      /* mwait */
      { "\xcb", 1, Ijk_NoDecode, False },              /* lret */
      { "\x8c\xd8", 2, Ijk_NoDecode, False },          /* mov %ds */
      { "\xf3\x48\x0f\xae\xc0", 5, Ijk_NoDecode, False }, /* rdfsbase */
      { "\x0f\x02\xc0", 3, Ijk_NoDecode, False },      /* lar */
      { "\x0f\x01\x08", 3, Ijk_NoDecode, False },      /* sidt */
   };
   for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
      setup();
      UInt n;
      IRSB* bb = xlate((const UChar*)t[i].b, 0x600000, &n, NULL, False);
      UT_CHECK_EQ(bb->jumpkind, t[i].jk);
      UT_CHECK(is_const64(bb->next, t[i].after ? 0x600000 + (ULong)t[i].len
                                               : 0x600000));
      if (bb->jumpkind != t[i].jk)
         fprintf(stderr, "  case %u: jump kind 0x%x\n", i,
                 (unsigned)bb->jumpkind);
      /* the unsupported ones are still recognised by the tables */
      if (t[i].jk == Ijk_NoDecode) {
         Amd64Dis d;
         UT_CHECK(amd64_decode((const UChar*)t[i].b, 0x600000, &d));
         UT_CHECK(d.e->fn == NULL);
         UT_CHECK_EQ(d.len, t[i].len);
      }
   }
}

UNIT_TEST(guest_amd64_enter_nesting_ir)
{
   /* enter $16,$3: two display entries copied, the frame pointer
      pushed, 4 pushes in all */
   setup();
   UInt n;
   IRSB* bb = xlate((const UChar*)"\xc8\x10\x00\x03\xc3", 0x700000, &n,
                    NULL, False);
   UT_CHECK_EQ(n, 2);
   UT_CHECK_EQ(count_tag(bb, Ist_Store), 4 + 0);
   /* 16-bit enter and leave decode (the integer family hands them over) */
   setup();
   bb = xlate((const UChar*)"\x66\xc8\x08\x00\x00\x66\xc9\xc3", 0x700000,
              &n, NULL, False);
   UT_CHECK_EQ(n, 3);
   UT_CHECK_EQ(bb->jumpkind, Ijk_Ret);
}
