/* Unit tests of VEX's IR optimiser and tree builder (VEX/priv/ir_opt.c).

   Two kinds of test:
   - hand-built blocks whose optimised form is compared, as printed in
     VEX's text form, with what the pass must produce;
   - a randomised equivalence check: random well-typed flat blocks over
     the integer ops (GETs and PUTs of overlapping guest state, loads and
     stores in a small memory, guarded accesses, exits, helper calls) are
     run by a small interpreter in this file before and after each pass,
     at every optimisation level and after tree building, and must leave
     the same guest state and memory by the same exit, with the guest
     state the precise-exceptions setting protects identical at every
     memory write.  Every intermediate block must pass sanityCheckIRSB. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libvex.h"
#include "libvex_ir.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/ir_opt.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* Capturing VEX's output and failures                                */
/* ------------------------------------------------------------------ */

static char    out[1 << 17];
static size_t  out_len;

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

static void reset_out(void)
{
   out_len = 0;
   out[0]  = 0;
}

static void setup(void)
{
   vex_init_callbacks(fail_cb, log_cb);
   vexSetAllocModeTEMP_and_clear();
   LibVEX_default_VexControl(&vex_control);
   reset_out();
}

/* The statements of BB and its final jump, one per line, as ppIRSB shows
   them (without the type environment).  The text stays valid until the
   next call. */
static const char* stmts_text(const IRSB* bb)
{
   static char buf[1 << 16];
   reset_out();
   for (Int i = 0; i < bb->stmts_used; i++) {
      vex_printf("   ");
      ppIRStmt(bb->stmts[i]);
      vex_printf("\n");
   }
   vex_printf("   PUT(%d) = ", bb->offsIP);
   ppIRExpr(bb->next);
   vex_printf("; exit-");
   ppIRJumpKind(bb->jumpkind);
   vex_printf("\n");
   snprintf(buf, sizeof buf, "%s", out);
   reset_out();
   return buf;
}

/* How E prints. */
static const char* PRINTED_EXPR(const IRExpr* e)
{
   static char buf[1024];
   reset_out();
   ppIRExpr(e);
   snprintf(buf, sizeof buf, "%s", out);
   reset_out();
   return buf;
}

/* Checks the block with VEX's sanity checker (which aborts the test on
   failure, printing the report). */
static void check_ok(const IRSB* bb, Bool flat, const char* what)
{
   sanityCheckIRSB(bb, what, flat, Ity_I64);
   if (flat && !isFlatIRSB(bb)) {
      fprintf(stderr, "%s: block is not flat\n", what);
      abort();
   }
}

/* ------------------------------------------------------------------ */
/* Shorthands                                                         */
/* ------------------------------------------------------------------ */

#define OFF_IP 16
#define OFF_SP 48
#define OFF_BP 56

static IRExpr* T(IRTemp t)       { return IRExpr_RdTmp(t); }
static IRExpr* C64(ULong v)      { return IRExpr_Const(IRConst_U64(v)); }
static IRExpr* C32(UInt v)       { return IRExpr_Const(IRConst_U32(v)); }
static IRExpr* C16(UShort v)     { return IRExpr_Const(IRConst_U16(v)); }
static IRExpr* C8(UChar v)       { return IRExpr_Const(IRConst_U8(v)); }
static IRExpr* C1(Bool v)        { return IRExpr_Const(IRConst_U1(v)); }
static IRExpr* B(IROp op, IRExpr* a, IRExpr* b)
{
   return IRExpr_Binop(op, a, b);
}
static IRExpr* U(IROp op, IRExpr* a) { return IRExpr_Unop(op, a); }
static IRExpr* GET(Int off, IRType ty) { return IRExpr_Get(off, ty); }
static IRExpr* LD(IRType ty, IRExpr* a) { return IRExpr_Load(Iend_LE, ty, a); }

static void add(IRSB* bb, IRStmt* st) { addStmtToIRSB(bb, st); }
static IRTemp nt(IRSB* bb, IRType ty) { return newIRTemp(bb->tyenv, ty); }

/* tN = E, with a new temporary of E's type. */
static IRTemp wr(IRSB* bb, IRExpr* e)
{
   IRTemp t = nt(bb, typeOfIRExpr(bb->tyenv, e));
   add(bb, IRStmt_WrTmp(t, e));
   return t;
}

static void put(IRSB* bb, Int off, IRExpr* e) { add(bb, IRStmt_Put(off, e)); }
static void store(IRSB* bb, IRExpr* a, IRExpr* d)
{
   add(bb, IRStmt_Store(Iend_LE, a, d));
}

/* A block ending in "PUT(16) = 0x400000:I64; exit-Boring". */
static IRSB* new_block(void)
{
   IRSB* bb = emptyIRSB();
   bb->next     = C64(0x400000);
   bb->jumpkind = Ijk_Boring;
   bb->offsIP   = OFF_IP;
   return bb;
}

/* The precise-exceptions rule of the tests' guest: the stack pointer
   (48..55) always; with unwinding registers also the frame pointer
   (56..63) and the program counter (16..23); all of it above that. */
static Bool overlaps(Int lo, Int hi, Int a, Int b)
{
   return lo <= b && a <= hi;
}

static Bool test_precise(Int lo, Int hi, VexRegisterUpdates px)
{
   switch (px) {
      case VexRegUpdSpAtMemAccess:
         return overlaps(lo, hi, OFF_SP, OFF_SP + 7);
      case VexRegUpdUnwindregsAtMemAccess:
         return overlaps(lo, hi, OFF_SP, OFF_BP + 7)
                || overlaps(lo, hi, OFF_IP, OFF_IP + 7);
      default:
         return True;
   }
}

/* Runs the first optimisation as the pipeline does, at LEVEL. */
static IRSB* opt(IRSB* bb, Int level, VexRegisterUpdates px)
{
   vex_control.iropt_level = level;
   IRSB* res = do_iropt_BB(bb, NULL, test_precise, px, 0x300000);
   check_ok(res, True, "opt");
   return res;
}

/* ================================================================== */
/* Options                                                            */
/* ================================================================== */

UNIT_TEST(default_control)
{
   VexControl vc;
   memset(&vc, 0xAB, sizeof vc);
   LibVEX_default_VexControl(&vc);
   UT_CHECK_EQ(vc.iropt_level, 2);
   UT_CHECK_EQ(vc.iropt_verbosity, 0);
   UT_CHECK_EQ(vc.iropt_register_updates_default,
               VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_EQ(vc.iropt_unroll_thresh, 120);
   UT_CHECK_EQ(vc.guest_max_insns, 60);
   UT_CHECK_EQ(vc.guest_chase, True);
}

/* ================================================================== */
/* Flattening                                                         */
/* ================================================================== */

UNIT_TEST(flatten_tree)
{
   setup();
   IRSB* bb = new_block();
   put(bb, 24, B(Iop_Add64, GET(32, Ity_I64),
                 B(Iop_Mul64, LD(Ity_I64, GET(40, Ity_I64)), C64(3))));
   bb->next = B(Iop_And64, GET(24, Ity_I64), C64(~7ULL));
   UT_CHECK(!isFlatIRSB(bb));
   IRSB* f = flatten_BB(bb);
   check_ok(f, True, "flatten");
   UT_CHECK_STREQ(stmts_text(f),
      "   t0 = GET:I64(32)\n"
      "   t1 = GET:I64(40)\n"
      "   t2 = LDle:I64(t1)\n"
      "   t3 = Mul64(t2,0x3:I64)\n"
      "   t4 = Add64(t0,t3)\n"
      "   PUT(24) = t4\n"
      "   t5 = GET:I64(24)\n"
      "   t6 = And64(t5,0xfffffffffffffff8:I64)\n"
      "   PUT(16) = t6; exit-Boring\n");
   /* The original is left alone. */
   UT_CHECK(!isFlatIRSB(bb));
}

UNIT_TEST(flatten_keeps_flat_blocks)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp b  = wr(bb, B(Iop_Add64, T(a), C64(1)));
   add(bb, IRStmt_Exit(B(Iop_CmpEQ64, T(a), T(b)), Ijk_Boring,
                       IRConst_U64(0x500000), OFF_IP));
   put(bb, 24, T(b));
   IRSB* f = flatten_BB(bb);
   check_ok(f, True, "flatten");
   UT_CHECK_STREQ(stmts_text(f),
      "   t0 = GET:I64(24)\n"
      "   t1 = Add64(t0,0x1:I64)\n"
      "   t2 = CmpEQ64(t0,t1)\n"
      "   if (t2) { PUT(16) = 0x500000:I64; exit-Boring } \n"
      "   PUT(24) = t1\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(level0_is_flattening_only)
{
   setup();
   IRSB* bb = new_block();
   IRTemp a = wr(bb, GET(24, Ity_I64));
   IRTemp b = wr(bb, GET(24, Ity_I64));
   put(bb, 32, B(Iop_Add64, T(a), C64(0)));
   put(bb, 32, T(b));
   IRSB* res = opt(bb, 0, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   t1 = GET:I64(24)\n"
      "   t2 = Add64(t0,0x0:I64)\n"
      "   PUT(32) = t2\n"
      "   PUT(32) = t1\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

/* ================================================================== */
/* Redundant GET and PUT removal                                      */
/* ================================================================== */

UNIT_TEST(rget_after_put_becomes_the_value)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp b  = wr(bb, B(Iop_Add64, T(a), C64(5)));
   put(bb, 32, T(b));
   IRTemp c  = wr(bb, GET(32, Ity_I64));
   put(bb, 40, T(c));
   redundant_get_removal_BB(bb);
   check_ok(bb, True, "rget");
   UT_CHECK_STREQ(stmts_text(bb),
      "   t0 = GET:I64(24)\n"
      "   t1 = Add64(t0,0x5:I64)\n"
      "   PUT(32) = t1\n"
      "   t2 = t1\n"
      "   PUT(40) = t2\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   IRSB* res = opt(bb, 1, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   t1 = Add64(t0,0x5:I64)\n"
      "   PUT(32) = t1\n"
      "   PUT(40) = t1\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(rget_repeated_get_and_constant_put)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I32));
   IRTemp b  = wr(bb, GET(24, Ity_I32));
   put(bb, 32, C64(0x1234));
   IRTemp c  = wr(bb, GET(32, Ity_I64));
   put(bb, 40, B(Iop_32HLto64, T(a), T(b)));
   put(bb, 64, T(c));
   IRSB* res = opt(flatten_BB(bb), 1, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I32(24)\n"
      "   PUT(32) = 0x1234:I64\n"
      "   t3 = 32HLto64(t0,t0)\n"
      "   PUT(40) = t3\n"
      "   PUT(64) = 0x1234:I64\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(rget_partial_overlap_not_replaced)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   put(bb, 32, T(a));
   IRTemp b  = wr(bb, GET(32, Ity_I32));     /* narrower: the low part */
   put(bb, 36, C32(7));                      /* kills GET:I64(32) facts */
   IRTemp c  = wr(bb, GET(32, Ity_I64));
   IRTemp d  = wr(bb, GET(32, Ity_I32));     /* still known: t1 */
   put(bb, 64, T(c));
   put(bb, 72, T(d));
   put(bb, 76, T(b));
   redundant_get_removal_BB(bb);
   check_ok(bb, True, "rget");
   UT_CHECK_STREQ(stmts_text(bb),
      "   t0 = GET:I64(24)\n"
      "   PUT(32) = t0\n"
      "   t1 = 64to32(t0)\n"
      "   PUT(36) = 0x7:I32\n"
      "   t2 = GET:I64(32)\n"
      "   t3 = t1\n"
      "   PUT(64) = t2\n"
      "   PUT(72) = t3\n"
      "   PUT(76) = t1\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

/* A dirty helper declaring that it writes guest state 32..39. */
static void dummy_dirty(void) { }

static IRDirty* dirty_writing_32(void)
{
   IRDirty* d = unsafeIRDirty_0_N(0, "dummy_dirty", (void*)dummy_dirty,
                                  mkIRExprVec_0());
   d->nFxState = 1;
   d->fxState[0].fx = Ifx_Write;
   d->fxState[0].offset = 32;
   d->fxState[0].size = 8;
   d->fxState[0].nRepeats = 0;
   d->fxState[0].repeatLen = 0;
   return d;
}

/* (vexdiff JIT, perf/insn-ratio) A GET narrower than the value known at
   its offset reads that value's low part: the front end writes 32-bit
   registers whole (PUT of I64) and reads them as GET:I32, which went back
   to memory every time. */
UNIT_TEST(rget_narrow_get_of_wider_value)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   put(bb, 32, T(a));
   IRTemp b  = wr(bb, GET(32, Ity_I32));     /* 64to32(t0) */
   IRTemp c  = wr(bb, GET(32, Ity_I8));      /* 32to8(t1), the latest */
   IRTemp d  = wr(bb, GET(36, Ity_I32));     /* the high half: a GET */
   IRTemp e  = wr(bb, GET(24, Ity_I16));     /* 64to16 of the GET t0 */
   put(bb, 40, C32(0x1234));
   IRTemp f  = wr(bb, GET(40, Ity_I16));     /* 32to16(0x1234) */
   IRTemp v  = wr(bb, GET(256, Ity_V128));
   IRTemp g  = wr(bb, GET(256, Ity_I64));    /* V128to64(t7) */
   put(bb, 64, T(b));
   put(bb, 72, T(c));
   put(bb, 80, T(d));
   put(bb, 88, T(e));
   put(bb, 96, T(f));
   put(bb, 104, T(g));
   redundant_get_removal_BB(bb);
   check_ok(bb, True, "rget narrow");
   UT_CHECK_STREQ(stmts_text(bb),
      "   t0 = GET:I64(24)\n"
      "   PUT(32) = t0\n"
      "   t1 = 64to32(t0)\n"
      "   t2 = 32to8(t1)\n"
      "   t3 = GET:I32(36)\n"
      "   t4 = 64to16(t0)\n"
      "   PUT(40) = 0x1234:I32\n"
      "   t5 = 32to16(0x1234:I32)\n"
      "   t6 = GET:V128(256)\n"
      "   t7 = V128to64(t6)\n"
      "   PUT(64) = t1\n"
      "   PUT(72) = t2\n"
      "   PUT(80) = t3\n"
      "   PUT(88) = t4\n"
      "   PUT(96) = t5\n"
      "   PUT(104) = t7\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   (void)v;
   /* What the front end gives for `xor %eax,%eax; add %ecx,%eax': the
      sum is the zero-extended ECX, with no GET of RAX and no PUT of 0. */
   setup();
   bb = new_block();
   put(bb, 16 + 8, C64(0));
   IRTemp x = wr(bb, GET(24, Ity_I32));
   IRTemp y = wr(bb, GET(32, Ity_I32));
   IRTemp z = wr(bb, B(Iop_Add32, T(x), T(y)));
   put(bb, 24, U(Iop_32Uto64, T(z)));
   IRSB* res = opt(flatten_BB(bb), 1, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(res),
      "   t1 = GET:I32(32)\n"
      "   t3 = 32Uto64(t1)\n"
      "   PUT(24) = t3\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

/* (vexdiff JIT, perf/insn-ratio) Widening in two steps is widening in
   one: `movzbl (%rdi),%ecx' is 32Uto64(8Uto32(LDle:I8)), which cost a
   movzbl and a movl. */
UNIT_TEST(cprop_widening_chain_folds)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp p  = wr(bb, GET(24, Ity_I64));
   IRTemp l  = wr(bb, LD(Ity_I8, T(p)));
   IRTemp a  = wr(bb, U(Iop_8Uto32, T(l)));
   put(bb, 32, U(Iop_32Uto64, T(a)));
   IRTemp w  = wr(bb, LD(Ity_I16, T(p)));
   IRTemp b  = wr(bb, U(Iop_16Sto32, T(w)));
   put(bb, 40, U(Iop_32Sto64, T(b)));
   IRTemp c  = wr(bb, U(Iop_8Sto16, T(l)));
   put(bb, 48, U(Iop_16Sto32, T(c)));
   IRTemp k  = wr(bb, B(Iop_CmpEQ64, T(p), C64(3)));
   IRTemp m  = wr(bb, U(Iop_1Uto32, T(k)));
   put(bb, 56, U(Iop_32Uto64, T(m)));
   IRSB* res = opt(flatten_BB(bb), 1, VexRegUpdUnwindregsAtMemAccess);
   check_ok(res, True, "widening");
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   t1 = LDle:I8(t0)\n"
      "   t8 = 8Uto64(t1)\n"
      "   PUT(32) = t8\n"
      "   t3 = LDle:I16(t0)\n"
      "   t9 = 16Sto64(t3)\n"
      "   PUT(40) = t9\n"
      "   t10 = 8Sto32(t1)\n"
      "   PUT(48) = t10\n"
      "   t6 = CmpEQ64(t0,0x3:I64)\n"
      "   t11 = 1Uto64(t6)\n"
      "   PUT(56) = t11\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(rget_dirty_write_invalidates)
{
   setup();
   IRSB*  bb = new_block();
   put(bb, 32, C64(1));
   put(bb, 40, C64(2));
   add(bb, IRStmt_Dirty(dirty_writing_32()));
   IRTemp a = wr(bb, GET(32, Ity_I64));
   IRTemp b = wr(bb, GET(40, Ity_I64));
   put(bb, 64, B(Iop_Add64, T(a), T(b)));
   IRSB* res = opt(flatten_BB(bb), 1, VexRegUpdUnwindregsAtMemAccess);
   /* GET(32) is read again after the call; GET(40) is still known. */
   UT_CHECK(strstr(stmts_text(res), "t0 = GET:I64(32)") != NULL);
   UT_CHECK(strstr(stmts_text(res), "Add64(t0,0x2:I64)") != NULL);
   UT_CHECK(strstr(stmts_text(res), "GET:I64(40)") == NULL);
}

UNIT_TEST(rput_overwritten_put_removed)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   put(bb, 32, T(a));
   put(bb, 40, C64(1));
   put(bb, 32, C64(2));            /* overwrites the first PUT(32) */
   put(bb, 36, C32(3));            /* partly overwrites PUT(32) */
   put(bb, 16, T(a));              /* the final jump writes the IP */
   redundant_put_removal_BB(bb, test_precise, VexRegUpdUnwindregsAtMemAccess);
   do_deadcode_BB(bb);
   check_ok(bb, True, "rput");
   UT_CHECK_STREQ(stmts_text(bb),
      "   PUT(40) = 0x1:I64\n"
      "   PUT(32) = 0x2:I64\n"
      "   PUT(36) = 0x3:I32\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(rput_kept_when_read_or_at_exit)
{
   setup();
   IRSB*  bb = new_block();
   put(bb, 32, C64(1));
   IRTemp a = wr(bb, GET(36, Ity_I16));      /* reads part of it */
   put(bb, 32, C64(2));
   put(bb, 40, C64(3));
   IRTemp g = wr(bb, B(Iop_CmpEQ16, T(a), C16(0)));
   add(bb, IRStmt_Exit(T(g), Ijk_Boring, IRConst_U64(0x500000), OFF_IP));
   put(bb, 32, C64(4));
   put(bb, 40, C64(5));
   redundant_put_removal_BB(bb, test_precise, VexRegUpdUnwindregsAtMemAccess);
   do_deadcode_BB(bb);
   check_ok(bb, True, "rput");
   UT_CHECK_STREQ(stmts_text(bb),
      "   PUT(32) = 0x1:I64\n"
      "   t0 = GET:I16(36)\n"
      "   PUT(32) = 0x2:I64\n"
      "   PUT(40) = 0x3:I64\n"
      "   t1 = CmpEQ16(t0,0x0:I16)\n"
      "   if (t1) { PUT(16) = 0x500000:I64; exit-Boring } \n"
      "   PUT(32) = 0x4:I64\n"
      "   PUT(40) = 0x5:I64\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

/* PUT(SP); store; PUT(SP) and the same with another register, under
   each precise-exceptions setting. */
static IRSB* put_store_put(Int off)
{
   IRSB* bb = new_block();
   IRTemp a = wr(bb, GET(24, Ity_I64));
   put(bb, off, C64(0x1000));
   store(bb, T(a), C32(9));
   put(bb, off, C64(0x2000));
   return bb;
}

UNIT_TEST(rput_precise_exceptions)
{
   setup();
   char want[512];
   struct { Int off; VexRegisterUpdates px; Bool stays; } cases[] = {
      { OFF_SP, VexRegUpdSpAtMemAccess,         True  },
      { OFF_BP, VexRegUpdSpAtMemAccess,         False },
      { 32,     VexRegUpdSpAtMemAccess,         False },
      { OFF_BP, VexRegUpdUnwindregsAtMemAccess, True  },
      { 32,     VexRegUpdUnwindregsAtMemAccess, False },
      { 32,     VexRegUpdAllregsAtMemAccess,    True  },
      { 32,     VexRegUpdAllregsAtEachInsn,     True  },
   };
   for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      IRSB* res = opt(put_store_put(cases[i].off), 1, cases[i].px);
      if (cases[i].stays)
         snprintf(want, sizeof want,
                  "   t0 = GET:I64(24)\n"
                  "   PUT(%d) = 0x1000:I64\n"
                  "   STle(t0) = 0x9:I32\n"
                  "   PUT(%d) = 0x2000:I64\n"
                  "   PUT(16) = 0x400000:I64; exit-Boring\n",
                  cases[i].off, cases[i].off);
      else
         snprintf(want, sizeof want,
                  "   t0 = GET:I64(24)\n"
                  "   STle(t0) = 0x9:I32\n"
                  "   PUT(%d) = 0x2000:I64\n"
                  "   PUT(16) = 0x400000:I64; exit-Boring\n",
                  cases[i].off);
      UT_CHECK_STREQ(stmts_text(res), want);
   }
}

UNIT_TEST(rput_each_insn_keeps_state_at_imarks)
{
   setup();
   for (int each = 0; each < 2; each++) {
      IRSB* bb = new_block();
      add(bb, IRStmt_IMark(0x400000, 3, 0));
      put(bb, 32, C64(1));
      put(bb, 40, C64(2));
      put(bb, 40, C64(3));
      add(bb, IRStmt_IMark(0x400003, 3, 0));
      put(bb, 32, C64(4));
      IRSB* res = opt(bb, 1, each ? VexRegUpdAllregsAtEachInsn
                                  : VexRegUpdUnwindregsAtMemAccess);
      UT_CHECK_STREQ(stmts_text(res), each
         ? "   ------ IMark(0x400000, 3, 0) ------\n"
           "   PUT(32) = 0x1:I64\n"
           "   PUT(40) = 0x3:I64\n"
           "   ------ IMark(0x400003, 3, 0) ------\n"
           "   PUT(32) = 0x4:I64\n"
           "   PUT(16) = 0x400000:I64; exit-Boring\n"
         : "   ------ IMark(0x400000, 3, 0) ------\n"
           "   PUT(40) = 0x3:I64\n"
           "   ------ IMark(0x400003, 3, 0) ------\n"
           "   PUT(32) = 0x4:I64\n"
           "   PUT(16) = 0x400000:I64; exit-Boring\n");
   }
}

/* ================================================================== */
/* Constant folding                                                   */
/* ================================================================== */

/* What cprop and dead code removal make of "t = E; PUT(64) = t" (with
   an I1 result widened by 1Uto64 first): the PUT's value when that is
   all that is left, else the whole block. */
static const char* folded(IRExpr* e)
{
   static char buf[4096];
   IRSB*  bb = new_block();
   IRTemp t  = wr(bb, e);
   if (typeOfIRTemp(bb->tyenv, t) == Ity_I1)
      t = wr(bb, U(Iop_1Uto64, T(t)));
   put(bb, 64, T(t));
   check_ok(bb, True, "folded/in");
   IRSB* res = cprop_BB(bb);
   do_deadcode_BB(res);
   check_ok(res, True, "folded/out");
   if (res->stmts_used == 1 && res->stmts[0]->tag == Ist_Put) {
      reset_out();
      ppIRExpr(res->stmts[0]->Ist.Put.data);
      snprintf(buf, sizeof buf, "%s", out);
      reset_out();
      return buf;
   }
   return stmts_text(res);
}

UNIT_TEST(fold_add_sub_mul)
{
   setup();
   UT_CHECK_STREQ(folded(B(Iop_Sub8, C8(0x10), C8(0x20))), "0xf0:I8");
   UT_CHECK_STREQ(folded(B(Iop_Add8, C8(0xff), C8(0x02))), "0x1:I8");
   UT_CHECK_STREQ(folded(B(Iop_Add16, C16(0xfffe), C16(3))), "0x1:I16");
   UT_CHECK_STREQ(folded(B(Iop_Add32, C32(0xffffffff), C32(2))), "0x1:I32");
   UT_CHECK_STREQ(folded(B(Iop_Sub64, C64(0), C64(1))),
                  "0xffffffffffffffff:I64");
   UT_CHECK_STREQ(folded(B(Iop_Mul16, C16(0x100), C16(0x100))), "0x0:I16");
   UT_CHECK_STREQ(folded(B(Iop_Mul32, C32(0x10001), C32(0x10001))),
                  "0x20001:I32");
   UT_CHECK_STREQ(folded(B(Iop_Mul64, C64(0xffffffffffffffffULL), C64(3))),
                  "0xfffffffffffffffd:I64");
}

UNIT_TEST(fold_shifts_in_range_only)
{
   setup();
   UT_CHECK_STREQ(folded(B(Iop_Shl32, C32(1), C8(31))), "0x80000000:I32");
   UT_CHECK_STREQ(folded(B(Iop_Shl8, C8(0x81), C8(1))), "0x2:I8");
   UT_CHECK_STREQ(folded(B(Iop_Shl16, C16(0xffff), C8(15))), "0x8000:I16");
   UT_CHECK_STREQ(folded(B(Iop_Shr64, C64(0x8000000000000000ULL), C8(63))),
                  "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_Shr8, C8(0x80), C8(7))), "0x1:I8");
   UT_CHECK_STREQ(folded(B(Iop_Sar64, C64(0xfffffffffffffff0ULL), C8(2))),
                  "0xfffffffffffffffc:I64");
   UT_CHECK_STREQ(folded(B(Iop_Sar64, C64(0x8000000000000000ULL), C8(63))),
                  "0xffffffffffffffff:I64");
   UT_CHECK_STREQ(folded(B(Iop_Sar8, C8(0x80), C8(7))), "0xff:I8");
   UT_CHECK_STREQ(folded(B(Iop_Sar16, C16(0x8000), C8(4))), "0xf800:I16");
   UT_CHECK_STREQ(folded(B(Iop_Sar32, C32(0x7fffffff), C8(4))),
                  "0x7ffffff:I32");
   /* Shifting by the width or more is undefined in IR: left alone. */
   UT_CHECK_STREQ(folded(B(Iop_Shl32, C32(1), C8(32))),
      "   t0 = Shl32(0x1:I32,0x20:I8)\n"
      "   PUT(64) = t0\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   UT_CHECK_STREQ(folded(B(Iop_Shr64, C64(5), C8(64))),
      "   t0 = Shr64(0x5:I64,0x40:I8)\n"
      "   PUT(64) = t0\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   UT_CHECK_STREQ(folded(B(Iop_Sar8, C8(0x80), C8(8))),
      "   t0 = Sar8(0x80:I8,0x8:I8)\n"
      "   PUT(64) = t0\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(fold_widen_narrow)
{
   setup();
   UT_CHECK_STREQ(folded(U(Iop_32Sto64, C32(0x80000000))),
                  "0xffffffff80000000:I64");
   UT_CHECK_STREQ(folded(U(Iop_32Uto64, C32(0x80000000))),
                  "0x80000000:I64");
   UT_CHECK_STREQ(folded(U(Iop_8Sto32, C8(0x80))), "0xffffff80:I32");
   UT_CHECK_STREQ(folded(U(Iop_8Sto16, C8(0x7f))), "0x7f:I16");
   UT_CHECK_STREQ(folded(U(Iop_16Sto64, C16(0x8001))),
                  "0xffffffffffff8001:I64");
   UT_CHECK_STREQ(folded(U(Iop_16Uto32, C16(0x8001))), "0x8001:I32");
   UT_CHECK_STREQ(folded(U(Iop_8Uto64, C8(0xfe))), "0xfe:I64");
   UT_CHECK_STREQ(folded(U(Iop_64to32, C64(0x123456789ULL))),
                  "0x23456789:I32");
   UT_CHECK_STREQ(folded(U(Iop_64HIto32, C64(0x123456789ULL))), "0x1:I32");
   UT_CHECK_STREQ(folded(U(Iop_64to8, C64(0x1ff))), "0xff:I8");
   UT_CHECK_STREQ(folded(U(Iop_64to16, C64(0x12345))), "0x2345:I16");
   UT_CHECK_STREQ(folded(U(Iop_32to16, C32(0xabcd1234))), "0x1234:I16");
   UT_CHECK_STREQ(folded(U(Iop_32HIto16, C32(0xabcd1234))), "0xabcd:I16");
   UT_CHECK_STREQ(folded(U(Iop_16HIto8, C16(0xabcd))), "0xab:I8");
   UT_CHECK_STREQ(folded(U(Iop_16to8, C16(0xabcd))), "0xcd:I8");
   UT_CHECK_STREQ(folded(U(Iop_32to1, C32(2))), "0x0:I64");
   UT_CHECK_STREQ(folded(U(Iop_64to1, C64(3))), "0x1:I64");
   UT_CHECK_STREQ(folded(U(Iop_1Sto32, C1(True))), "0xffffffff:I32");
   UT_CHECK_STREQ(folded(U(Iop_1Sto8, C1(False))), "0x0:I8");
   UT_CHECK_STREQ(folded(U(Iop_1Uto8, C1(True))), "0x1:I8");
   UT_CHECK_STREQ(folded(U(Iop_1Uto32, C1(True))), "0x1:I32");
   UT_CHECK_STREQ(folded(B(Iop_8HLto16, C8(0x12), C8(0x34))), "0x1234:I16");
   UT_CHECK_STREQ(folded(B(Iop_16HLto32, C16(0x12), C16(0x34))),
                  "0x120034:I32");
   UT_CHECK_STREQ(folded(B(Iop_32HLto64, C32(0xdeadbeef), C32(1))),
                  "0xdeadbeef00000001:I64");
}

UNIT_TEST(fold_compares)
{
   setup();
   UT_CHECK_STREQ(folded(B(Iop_CmpLT32S, C32(0xffffffff), C32(0))),
                  "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpLT32U, C32(0xffffffff), C32(0))),
                  "0x0:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpLE64S, C64(0x8000000000000000ULL),
                           C64(0))), "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpLE64U, C64(5), C64(5))), "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpLT64U, C64(5), C64(5))), "0x0:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpLE32S, C32(0x80000000), C32(0x7fffffff))),
                  "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpEQ8, C8(3), C8(3))), "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpNE16, C16(1), C16(2))), "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpEQ32, C32(1), C32(2))), "0x0:I64");
   UT_CHECK_STREQ(folded(B(Iop_CmpNE64, C64(7), C64(7))), "0x0:I64");
   UT_CHECK_STREQ(folded(B(Iop_CasCmpEQ32, C32(1), C32(1))), "0x1:I64");
   UT_CHECK_STREQ(folded(B(Iop_ExpCmpNE64, C64(1), C64(1))), "0x0:I64");
   UT_CHECK_STREQ(folded(U(Iop_CmpNEZ64, C64(0))), "0x0:I64");
   UT_CHECK_STREQ(folded(U(Iop_CmpNEZ8, C8(0x80))), "0x1:I64");
   UT_CHECK_STREQ(folded(U(Iop_CmpNEZ16, C16(0))), "0x0:I64");
}

UNIT_TEST(fold_bit_ops)
{
   setup();
   UT_CHECK_STREQ(folded(U(Iop_Not8, C8(0x0f))), "0xf0:I8");
   UT_CHECK_STREQ(folded(U(Iop_Not16, C16(0))), "0xffff:I16");
   UT_CHECK_STREQ(folded(U(Iop_Not64, C64(0))), "0xffffffffffffffff:I64");
   UT_CHECK_STREQ(folded(U(Iop_Not1, C1(True))), "0x0:I64");
   UT_CHECK_STREQ(folded(B(Iop_And16, C16(0xff0f), C16(0x0ff0))),
                  "0xf00:I16");
   UT_CHECK_STREQ(folded(B(Iop_Or32, C32(0xf0), C32(0x0f))), "0xff:I32");
   UT_CHECK_STREQ(folded(B(Iop_Xor64, C64(0xff), C64(0x0f))), "0xf0:I64");
   UT_CHECK_STREQ(folded(U(Iop_CmpwNEZ32, C32(5))), "0xffffffff:I32");
   UT_CHECK_STREQ(folded(U(Iop_CmpwNEZ64, C64(0))), "0x0:I64");
   UT_CHECK_STREQ(folded(U(Iop_Left32, C32(4))), "0xfffffffc:I32");
   UT_CHECK_STREQ(folded(U(Iop_Left8, C8(0))), "0x0:I8");
   UT_CHECK_STREQ(folded(U(Iop_Clz64, C64(1))), "0x3f:I64");
   UT_CHECK_STREQ(folded(U(Iop_Clz32, C32(0x10000))), "0xf:I32");
   UT_CHECK_STREQ(folded(U(Iop_Ctz64, C64(0x100))), "0x8:I64");
   UT_CHECK_STREQ(folded(U(Iop_PopCount32, C32(0xf0f0))), "0x8:I32");
   UT_CHECK_STREQ(folded(B(Iop_Max32U, C32(3), C32(0xffffffff))),
                  "0xffffffff:I32");
   /* Clz/Ctz of zero are undefined. */
   UT_CHECK_STREQ(folded(U(Iop_Clz32, C32(0))),
      "   t0 = Clz32(0x0:I32)\n"
      "   PUT(64) = t0\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   UT_CHECK(strstr(folded(U(Iop_Ctz64, C64(0))), "Ctz64(0x0:I64)") != NULL);
}

UNIT_TEST(fold_mul_div)
{
   setup();
   UT_CHECK_STREQ(folded(B(Iop_MullS32, C32(0xfffffffe), C32(3))),
                  "0xfffffffffffffffa:I64");
   UT_CHECK_STREQ(folded(B(Iop_MullU32, C32(0xffffffff), C32(2))),
                  "0x1fffffffe:I64");
   UT_CHECK_STREQ(folded(B(Iop_MullU8, C8(0xff), C8(0xff))), "0xfe01:I16");
   UT_CHECK_STREQ(folded(B(Iop_MullS8, C8(0x80), C8(0x80))), "0x4000:I16");
   UT_CHECK_STREQ(folded(B(Iop_MullS16, C16(0xffff), C16(2))),
                  "0xfffffffe:I32");
   UT_CHECK_STREQ(folded(B(Iop_DivU32, C32(7), C32(2))), "0x3:I32");
   UT_CHECK_STREQ(folded(B(Iop_DivS64, C64(-7LL), C64(2))),
                  "0xfffffffffffffffd:I64");
   UT_CHECK_STREQ(folded(B(Iop_DivS32, C32(0xfffffff9), C32(0xffffffff))),
                  "0x7:I32");
   UT_CHECK_STREQ(folded(B(Iop_DivModU64to32, C64(100), C32(7))),
                  "0x20000000e:I64");
   UT_CHECK_STREQ(folded(B(Iop_DivModS64to32, C64(-7LL), C32(2))),
                  "0xfffffffffffffffd:I64");
   /* Division by zero, INT_MIN / -1 and quotients that do not fit. */
   UT_CHECK(strstr(folded(B(Iop_DivU64, C64(1), C64(0))), "DivU64(") != NULL);
   UT_CHECK(strstr(folded(B(Iop_DivS32, C32(0x80000000), C32(0xffffffff))),
                   "DivS32(") != NULL);
   UT_CHECK(strstr(folded(B(Iop_DivModU64to32, C64(0x100000000ULL),
                            C32(1))), "DivModU64to32(") != NULL);
   UT_CHECK(strstr(folded(B(Iop_DivModS64to32, C64(0x80000000ULL),
                            C32(1))), "DivModS64to32(") != NULL);
}

UNIT_TEST(fold_verbosity_reports_unfolded_constants)
{
   setup();
   vex_control.iropt_verbosity = 1;
   IRSB*  bb = new_block();
   IRTemp t  = wr(bb, B(Iop_Shl64, C64(1), C8(64)));
   put(bb, 64, T(t));
   reset_out();
   (void)cprop_BB(bb);
   UT_CHECK(strstr(out, "vex iropt: no constant rule for: "
                        "Shl64(0x1:I64,0x40:I8)") != NULL);
}

/* ================================================================== */
/* Algebraic identities, chasing, ITE                                 */
/* ================================================================== */

UNIT_TEST(fold_identities_on_the_same_temp)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I64));
   IRTemp y  = wr(bb, GET(32, Ity_I8));
   put(bb, 64, T(wr(bb, B(Iop_Add64, T(x), C64(0)))));
   put(bb, 64, T(wr(bb, B(Iop_And64, T(x), C64(0)))));
   put(bb, 64, T(wr(bb, B(Iop_Or64, C64(0), T(x)))));
   put(bb, 64, T(wr(bb, B(Iop_Xor64, T(x), T(x)))));
   put(bb, 64, T(wr(bb, B(Iop_Sub64, T(x), T(x)))));
   put(bb, 64, T(wr(bb, B(Iop_And64, T(x), T(x)))));
   put(bb, 64, T(wr(bb, B(Iop_Mul64, T(x), C64(1)))));
   put(bb, 64, T(wr(bb, B(Iop_Shl64, T(x), C8(0)))));
   put(bb, 64, T(wr(bb, U(Iop_1Uto64, T(wr(bb, B(Iop_CmpEQ64, T(x),
                                                   T(x))))))));
   put(bb, 64, T(wr(bb, U(Iop_1Uto64, T(wr(bb, B(Iop_CmpLT64U, T(x),
                                                   T(x))))))));
   put(bb, 72, T(wr(bb, B(Iop_Or8, T(y), C8(0xff)))));
   put(bb, 72, T(wr(bb, B(Iop_And8, C8(0xff), T(y)))));
   put(bb, 72, T(wr(bb, B(Iop_Or8, T(y), T(y)))));
   IRSB* res = cprop_BB(bb);
   do_deadcode_BB(res);
   check_ok(res, True, "identities");
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   t1 = GET:I8(32)\n"
      "   PUT(64) = t0\n"
      "   PUT(64) = 0x0:I64\n"
      "   PUT(64) = t0\n"
      "   PUT(64) = 0x0:I64\n"
      "   PUT(64) = 0x0:I64\n"
      "   PUT(64) = t0\n"
      "   PUT(64) = t0\n"
      "   PUT(64) = t0\n"
      "   PUT(64) = 0x1:I64\n"
      "   PUT(64) = 0x0:I64\n"
      "   PUT(72) = 0xff:I8\n"
      "   PUT(72) = t1\n"
      "   PUT(72) = t1\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(fold_identities_need_the_same_temp)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I64));
   IRTemp z  = wr(bb, GET(24, Ity_I64));   /* same value, other temp */
   put(bb, 64, T(wr(bb, B(Iop_Xor64, T(x), T(z)))));
   /* The CAS and "expensive" comparisons are kept for the tools. */
   IRTemp c1 = wr(bb, B(Iop_CasCmpEQ64, T(x), T(x)));
   IRTemp c2 = wr(bb, B(Iop_ExpCmpNE64, T(x), T(x)));
   put(bb, 72, T(wr(bb, U(Iop_1Uto64, T(c1)))));
   put(bb, 80, T(wr(bb, U(Iop_1Uto64, T(c2)))));
   IRSB* res = cprop_BB(bb);
   do_deadcode_BB(res);
   check_ok(res, True, "identities");
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   t1 = GET:I64(24)\n"
      "   t2 = Xor64(t0,t1)\n"
      "   PUT(64) = t2\n"
      "   t3 = CasCmpEQ64(t0,t0)\n"
      "   t4 = ExpCmpNE64(t0,t0)\n"
      "   t5 = 1Uto64(t3)\n"
      "   PUT(72) = t5\n"
      "   t6 = 1Uto64(t4)\n"
      "   PUT(80) = t6\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   /* Once redundant GET removal has made them the same, it folds. */
   IRSB* res2 = opt(bb, 1, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK(strstr(stmts_text(res2), "PUT(64) = 0x0:I64") != NULL);
}

UNIT_TEST(fold_looks_through_definitions)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I32));
   IRTemp b  = wr(bb, B(Iop_CmpLT32U, T(x), C32(10)));
   IRTemp w  = wr(bb, U(Iop_1Uto32, T(b)));
   IRTemp b2 = wr(bb, B(Iop_CmpNE32, T(w), C32(0)));   /* is b */
   IRTemp n1 = wr(bb, U(Iop_Not32, T(x)));
   IRTemp n2 = wr(bb, U(Iop_Not32, T(n1)));            /* is x */
   IRTemp l  = wr(bb, U(Iop_32Uto64, T(n2)));
   IRTemp s  = wr(bb, U(Iop_64to32, T(l)));            /* is x */
   put(bb, 64, T(s));
   add(bb, IRStmt_Exit(T(b2), Ijk_Boring, IRConst_U64(0x500000), OFF_IP));
   IRSB* res = cprop_BB(bb);
   do_deadcode_BB(res);
   check_ok(res, True, "chase");
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I32(24)\n"
      "   t1 = CmpLT32U(t0,0xa:I32)\n"
      "   PUT(64) = t0\n"
      "   if (t1) { PUT(16) = 0x500000:I64; exit-Boring } \n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(fold_ite)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I64));
   IRTemp y  = wr(bb, GET(32, Ity_I64));
   IRTemp c  = wr(bb, B(Iop_CmpEQ64, T(x), T(y)));
   put(bb, 64, T(wr(bb, IRExpr_ITE(C1(True), T(x), T(y)))));
   put(bb, 64, T(wr(bb, IRExpr_ITE(C1(False), T(x), T(y)))));
   put(bb, 64, T(wr(bb, IRExpr_ITE(T(c), T(x), T(x)))));
   put(bb, 64, T(wr(bb, IRExpr_ITE(T(wr(bb, B(Iop_CmpEQ64, C64(1), C64(2)))),
                                   T(x), C64(9)))));
   put(bb, 64, T(wr(bb, IRExpr_ITE(T(c), T(x), T(y)))));
   IRSB* res = cprop_BB(bb);
   do_deadcode_BB(res);
   check_ok(res, True, "ite");
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   t1 = GET:I64(32)\n"
      "   t2 = CmpEQ64(t0,t1)\n"
      "   PUT(64) = t0\n"
      "   PUT(64) = t1\n"
      "   PUT(64) = t0\n"
      "   PUT(64) = 0x9:I64\n"
      "   t8 = ITE(t2,t0,t1)\n"
      "   PUT(64) = t8\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

/* ================================================================== */
/* Exits, guarded statements, dead code                               */
/* ================================================================== */

UNIT_TEST(exit_constant_false_removed)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I64));
   IRTemp g  = wr(bb, B(Iop_CmpNE64, C64(4), C64(4)));
   add(bb, IRStmt_Exit(T(g), Ijk_Boring, IRConst_U64(0x500000), OFF_IP));
   add(bb, IRStmt_Exit(C1(False), Ijk_SigSEGV, IRConst_U64(0x600000),
                       OFF_IP));
   put(bb, 32, T(x));
   IRSB* res = opt(bb, 1, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   PUT(32) = t0\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(exit_constant_true_ends_the_block)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I64));
   put(bb, 32, T(x));
   IRTemp g  = wr(bb, B(Iop_CmpEQ64, C64(4), C64(4)));
   add(bb, IRStmt_Exit(T(g), Ijk_Call, IRConst_U64(0x500000), OFF_IP));
   put(bb, 40, T(x));
   IRTemp y  = wr(bb, GET(40, Ity_I64));
   bb->next = T(y);
   IRSB* res = opt(bb, 1, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   PUT(32) = t0\n"
      "   PUT(16) = 0x500000:I64; exit-Call\n");
}

UNIT_TEST(guarded_statements_with_constant_guards)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp d  = wr(bb, GET(32, Ity_I32));
   add(bb, IRStmt_StoreG(Iend_LE, T(a), T(d), C1(True)));
   add(bb, IRStmt_StoreG(Iend_LE, T(a), T(d), C1(False)));
   IRTemp l1 = nt(bb, Ity_I32);
   add(bb, IRStmt_LoadG(Iend_LE, ILGop_8Uto32, l1, T(a), T(d), C1(True)));
   IRTemp l2 = nt(bb, Ity_I32);
   add(bb, IRStmt_LoadG(Iend_LE, ILGop_Ident32, l2, T(a), C32(7),
                        C1(False)));
   IRTemp l3 = nt(bb, Ity_I32);
   add(bb, IRStmt_LoadG(Iend_LE, ILGop_Ident32, l3, T(a), T(d), C1(True)));
   put(bb, 64, T(l1));
   put(bb, 68, T(l2));
   put(bb, 72, T(l3));
   IRSB* res = opt(bb, 1, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   t1 = GET:I32(32)\n"
      "   STle(t0) = t1\n"
      "   t5 = LDle:I8(t0)\n"
      "   t2 = 8Uto32(t5)\n"
      "   t4 = LDle:I32(t0)\n"
      "   PUT(64) = t2\n"
      "   PUT(68) = 0x7:I32\n"
      "   PUT(72) = t4\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(dirty_calls_with_false_guards)
{
   setup();
   IRSB* bb = new_block();
   IRDirty* d1 = dirty_writing_32();
   d1->guard = C1(False);
   add(bb, IRStmt_Dirty(d1));                /* no result: goes */
   IRTemp r = nt(bb, Ity_I64);
   IRDirty* d2 = unsafeIRDirty_1_N(r, 0, "dummy_dirty", (void*)dummy_dirty,
                                   mkIRExprVec_0());
   d2->guard = C1(False);
   add(bb, IRStmt_Dirty(d2));                /* has a result: stays */
   put(bb, 64, T(r));
   IRSB* res = opt(bb, 2, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_EQ(res->stmts_used, 2);
   UT_CHECK(res->stmts[0]->tag == Ist_Dirty);
   UT_CHECK(res->stmts[0]->Ist.Dirty.details->tmp == r);
}

UNIT_TEST(deadcode_removes_unused_temps)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp b  = wr(bb, B(Iop_Add64, T(a), C64(8)));
   IRTemp c  = wr(bb, LD(Ity_I64, T(b)));       /* dead load */
   IRTemp d  = wr(bb, B(Iop_Mul64, T(c), T(c))); /* dead */
   (void)d;
   IRTemp e  = wr(bb, GET(32, Ity_I64));
   store(bb, T(b), T(e));                        /* kept */
   add(bb, IRStmt_Dirty(dirty_writing_32()));    /* kept */
   add(bb, IRStmt_IMark(0x400004, 4, 0));        /* kept */
   IRTemp f  = wr(bb, U(Iop_64to32, T(e)));      /* dead */
   (void)f;
   do_deadcode_BB(bb);
   check_ok(bb, True, "deadcode");
   UT_CHECK_EQ(bb->stmts_used, 6);
   UT_CHECK(strstr(stmts_text(bb),
      "   t0 = GET:I64(24)\n"
      "   t1 = Add64(t0,0x8:I64)\n"
      "   t4 = GET:I64(32)\n"
      "   STle(t1) = t4\n"
      "   DIRTY ") == stmts_text(bb));
   UT_CHECK(strstr(stmts_text(bb), "------ IMark(0x400004, 4, 0) ------")
            != NULL);
   UT_CHECK(strstr(stmts_text(bb), "LDle") == NULL);
}

/* ================================================================== */
/* Common subexpression elimination                                   */
/* ================================================================== */

UNIT_TEST(cse_repeated_add64)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp b  = wr(bb, GET(32, Ity_I64));
   IRTemp c  = wr(bb, B(Iop_Add64, T(a), T(b)));
   IRTemp d  = wr(bb, B(Iop_Add64, T(a), T(b)));
   put(bb, 64, T(c));
   put(bb, 72, T(d));
   /* Level 1 does no CSE. */
   UT_CHECK_STREQ(stmts_text(opt(bb, 1, VexRegUpdUnwindregsAtMemAccess)),
      "   t0 = GET:I64(24)\n"
      "   t1 = GET:I64(32)\n"
      "   t2 = Add64(t0,t1)\n"
      "   t3 = Add64(t0,t1)\n"
      "   PUT(64) = t2\n"
      "   PUT(72) = t3\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   UT_CHECK_STREQ(stmts_text(opt(bb, 2, VexRegUpdUnwindregsAtMemAccess)),
      "   t0 = GET:I64(24)\n"
      "   t1 = GET:I64(32)\n"
      "   t2 = Add64(t0,t1)\n"
      "   PUT(64) = t2\n"
      "   PUT(72) = t2\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(cse_loads_not_across_stores)
{
   setup();
   for (int with_store = 0; with_store < 2; with_store++) {
      IRSB*  bb = new_block();
      IRTemp a  = wr(bb, GET(24, Ity_I64));
      IRTemp l1 = wr(bb, LD(Ity_I32, T(a)));
      if (with_store)
         store(bb, T(wr(bb, GET(32, Ity_I64))), C32(0));
      IRTemp l2 = wr(bb, LD(Ity_I32, T(a)));
      put(bb, 64, T(l1));
      put(bb, 68, T(l2));
      IRSB* res = flatten_BB(bb);
      UT_CHECK_EQ(do_cse_BB(res, True), !with_store);
      res = cprop_BB(res);
      do_deadcode_BB(res);
      check_ok(res, True, "cse");
      UT_CHECK_STREQ(stmts_text(res), with_store
         ? "   t0 = GET:I64(24)\n"
           "   t1 = LDle:I32(t0)\n"
           "   t2 = GET:I64(32)\n"
           "   STle(t2) = 0x0:I32\n"
           "   t3 = LDle:I32(t0)\n"
           "   PUT(64) = t1\n"
           "   PUT(68) = t3\n"
           "   PUT(16) = 0x400000:I64; exit-Boring\n"
         : "   t0 = GET:I64(24)\n"
           "   t1 = LDle:I32(t0)\n"
           "   PUT(64) = t1\n"
           "   PUT(68) = t1\n"
           "   PUT(16) = 0x400000:I64; exit-Boring\n");
   }
   /* Without permission for loads, none are commoned up. */
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   wr(bb, LD(Ity_I32, T(a)));
   wr(bb, LD(Ity_I32, T(a)));
   UT_CHECK_EQ(do_cse_BB(bb, False), False);
}

UNIT_TEST(cse_gets_not_across_overlapping_puts_or_dirty)
{
   setup();
   IRSB*  bb = new_block();
   wr(bb, GET(24, Ity_I64));
   put(bb, 40, C64(0));                 /* elsewhere: no effect */
   IRTemp b  = wr(bb, GET(24, Ity_I64));  /* = a */
   put(bb, 28, C32(0));                 /* overlaps 24..31 */
   IRTemp c  = wr(bb, GET(24, Ity_I64));  /* new */
   IRTemp d  = wr(bb, GET(32, Ity_I64));
   IRTemp e  = wr(bb, LD(Ity_I64, T(d)));
   add(bb, IRStmt_Dirty(dirty_writing_32()));
   IRTemp f  = wr(bb, GET(32, Ity_I64));  /* new: the call wrote it */
   IRTemp g  = wr(bb, GET(24, Ity_I64));  /* = c */
   IRTemp h  = wr(bb, LD(Ity_I64, T(d)));  /* new: after a dirty call */
   put(bb, 64, T(b));
   put(bb, 64, T(c));
   put(bb, 64, T(e));
   put(bb, 64, T(f));
   put(bb, 64, T(g));
   put(bb, 64, T(h));
   UT_CHECK(do_cse_BB(bb, True));
   check_ok(bb, True, "cse");
   UT_CHECK(strstr(stmts_text(bb),
      "   t1 = t0\n"
      "   PUT(28) = 0x0:I32\n"
      "   t2 = GET:I64(24)\n") != NULL);
   UT_CHECK(strstr(stmts_text(bb), "t5 = GET:I64(32)\n") != NULL);
   UT_CHECK(strstr(stmts_text(bb), "t6 = t2\n") != NULL);
   UT_CHECK(strstr(stmts_text(bb), "t7 = LDle:I64(t3)\n") != NULL);
}

static ULong pure_helper(ULong a, ULong b) { return a * 3 + b; }

UNIT_TEST(cse_clean_helper_calls)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp c1 = wr(bb, mkIRExprCCall(Ity_I64, 0, "pure_helper",
                                    (void*)pure_helper,
                                    mkIRExprVec_2(T(a), C64(1))));
   IRTemp c2 = wr(bb, mkIRExprCCall(Ity_I64, 0, "pure_helper",
                                    (void*)pure_helper,
                                    mkIRExprVec_2(T(a), C64(1))));
   IRTemp c3 = wr(bb, mkIRExprCCall(Ity_I64, 0, "pure_helper",
                                    (void*)pure_helper,
                                    mkIRExprVec_2(T(a), C64(2))));
   put(bb, 64, T(c1));
   put(bb, 72, T(c2));
   put(bb, 80, T(c3));
   IRSB* res = opt(bb, 2, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_EQ(res->stmts_used, 6);
   UT_CHECK(strstr(stmts_text(res), "PUT(64) = t1\n   PUT(72) = t1\n")
            != NULL);
}

/* ================================================================== */
/* Specialisation of helper calls                                     */
/* ================================================================== */

/* What the specialiser was asked. */
static int          spec_calls;
static const HChar* spec_name;
static IRExpr*      spec_args[8];
static Int          spec_n_args;
static IRStmt**     spec_preceding;
static Int          spec_n_preceding;

static ULong sel_helper(ULong op, ULong a, ULong b)
{
   switch (op) {
      case 0:  return a + b;
      case 1:  return a ^ b;
      case 2:  return a & b;
      default: return a - b;
   }
}

/* sel_helper(op, a, b) with a constant OP becomes the operation. */
static IRExpr* test_spec(const HChar* name, IRExpr** args,
                         IRStmt** preceding, Int n_preceding)
{
   spec_calls++;
   spec_name = name;
   for (spec_n_args = 0; args[spec_n_args] != NULL && spec_n_args < 8;
        spec_n_args++)
      spec_args[spec_n_args] = args[spec_n_args];
   spec_preceding   = preceding;
   spec_n_preceding = n_preceding;
   if (strcmp(name, "sel_helper") != 0 || args[0]->tag != Iex_Const)
      return NULL;
   static const IROp ops[4] = { Iop_Add64, Iop_Xor64, Iop_And64, Iop_Sub64 };
   ULong op = args[0]->Iex.Const.con->Ico.U64;
   return B(ops[op < 3 ? op : 3], args[1], args[2]);
}

static IRExpr* sel_call(IRExpr* op, IRExpr* a, IRExpr* b)
{
   return mkIRExprCCall(Ity_I64, 0, "sel_helper", (void*)sel_helper,
                        mkIRExprVec_3(op, a, b));
}

UNIT_TEST(spechelper_called_with_args_and_context)
{
   setup();
   spec_calls = 0;
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I64));
   put(bb, 40, C64(1));
   IRTemp o  = wr(bb, GET(40, Ity_I64));        /* = 1 after cprop */
   IRTemp r  = wr(bb, sel_call(T(o), T(x), C64(0xff)));
   put(bb, 64, T(r));
   vex_control.iropt_level = 2;
   IRSB* res = do_iropt_BB(bb, test_spec, test_precise,
                           VexRegUpdUnwindregsAtMemAccess, 0x300000);
   check_ok(res, True, "spec");
   UT_CHECK_EQ(spec_calls, 1);
   UT_CHECK_STREQ(spec_name, "sel_helper");
   UT_CHECK_EQ(spec_n_args, 3);
   UT_CHECK_STREQ(PRINTED_EXPR(spec_args[0]), "0x1:I64");
   UT_CHECK_STREQ(PRINTED_EXPR(spec_args[1]), "t0");
   UT_CHECK_STREQ(PRINTED_EXPR(spec_args[2]), "0xff:I64");
   /* The statements before the call, after the cheap passes. */
   UT_CHECK_EQ(spec_n_preceding, 2);
   UT_CHECK(spec_preceding[0]->tag == Ist_WrTmp);
   UT_CHECK(spec_preceding[1]->tag == Ist_Put);
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   PUT(40) = 0x1:I64\n"
      "   t2 = Xor64(t0,0xff:I64)\n"
      "   PUT(64) = t2\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(spechelper_declining_leaves_the_block)
{
   setup();
   spec_calls = 0;
   IRSB*  bb = new_block();
   IRTemp x  = wr(bb, GET(24, Ity_I64));
   IRTemp r  = wr(bb, sel_call(T(x), T(x), C64(1)));
   put(bb, 64, T(r));
   UT_CHECK(spec_helpers_BB(bb, test_spec) == bb);
   UT_CHECK_EQ(spec_calls, 1);
   /* Not called below level 2. */
   spec_calls = 0;
   vex_control.iropt_level = 1;
   (void)do_iropt_BB(bb, test_spec, test_precise,
                     VexRegUpdUnwindregsAtMemAccess, 0x300000);
   UT_CHECK_EQ(spec_calls, 0);
}

/* ================================================================== */
/* The tree builder                                                   */
/* ================================================================== */

static Addr64 treebuild(IRSB* bb, VexRegisterUpdates px)
{
   Addr64 max_ga = ado_treebuild_BB(bb, test_precise, px);
   check_ok(bb, False, "treebuild");
   return max_ga;
}

UNIT_TEST(treebuild_substitutes_single_uses)
{
   setup();
   IRSB*  bb = new_block();
   add(bb, IRStmt_IMark(0x400000, 4, 0));
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp b  = wr(bb, B(Iop_Add64, T(a), C64(1)));
   IRTemp c  = wr(bb, U(Iop_64to32, T(b)));
   put(bb, 64, T(c));
   add(bb, IRStmt_IMark(0x400004, 3, 0));
   IRTemp d  = wr(bb, GET(32, Ity_I64));      /* used twice: stays */
   IRTemp e  = wr(bb, B(Iop_Mul64, T(d), T(d)));
   IRTemp f  = wr(bb, GET(40, Ity_I64));      /* dead: goes */
   (void)f;
   bb->next = T(e);
   Addr64 max_ga = treebuild(bb, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_EQ(max_ga, 0x400006);
   UT_CHECK_STREQ(stmts_text(bb),
      "   ------ IMark(0x400000, 4, 0) ------\n"
      "   PUT(64) = 64to32(Add64(GET:I64(24),0x1:I64))\n"
      "   ------ IMark(0x400004, 3, 0) ------\n"
      "   t3 = GET:I64(32)\n"
      "   PUT(16) = Mul64(t3,t3); exit-Boring\n");
}

UNIT_TEST(treebuild_loads_stay_before_stores)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp l  = wr(bb, LD(Ity_I64, T(a)));
   IRTemp m  = wr(bb, LD(Ity_I64, B(Iop_Add64, C64(8), C64(0x1000))));
   store(bb, C64(0x2000), C64(0));
   put(bb, 64, T(l));
   IRTemp l2 = wr(bb, LD(Ity_I64, C64(0x3000)));
   put(bb, 72, T(l2));
   put(bb, 80, T(m));
   IRSB* f = flatten_BB(bb);
   treebuild(f, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(f),
      "   t1 = LDle:I64(GET:I64(24))\n"
      "   t2 = LDle:I64(Add64(0x8:I64,0x1000:I64))\n"
      "   STle(0x2000:I64) = 0x0:I64\n"
      "   PUT(64) = t1\n"
      "   PUT(72) = LDle:I64(0x3000:I64)\n"
      "   PUT(80) = t2\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(treebuild_gets_stay_before_overlapping_puts)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I32));
   IRTemp b  = wr(bb, GET(32, Ity_I64));
   put(bb, 28, C32(0));        /* does not touch 24..27 */
   put(bb, 36, C8(0));         /* touches 32..39 */
   put(bb, 64, T(b));
   put(bb, 72, T(a));
   treebuild(bb, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(bb),
      "   PUT(28) = 0x0:I32\n"
      "   t1 = GET:I64(32)\n"
      "   PUT(36) = 0x0:I8\n"
      "   PUT(64) = t1\n"
      "   PUT(72) = GET:I32(24)\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(treebuild_loads_not_past_precise_puts_or_exits)
{
   setup();
   struct { VexRegisterUpdates px; Int off; Bool moves; } cases[] = {
      { VexRegUpdSpAtMemAccess,         OFF_SP, False },
      { VexRegUpdSpAtMemAccess,         OFF_BP, True  },
      { VexRegUpdUnwindregsAtMemAccess, OFF_BP, False },
      { VexRegUpdUnwindregsAtMemAccess, 32,     True  },
      { VexRegUpdAllregsAtMemAccess,    32,     False },
   };
   char want[512];
   for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      IRSB*  bb = new_block();
      IRTemp l  = wr(bb, LD(Ity_I64, C64(0x1000)));
      put(bb, cases[i].off, C64(0));
      put(bb, 64, T(l));
      treebuild(bb, cases[i].px);
      if (cases[i].moves)
         snprintf(want, sizeof want,
                  "   PUT(%d) = 0x0:I64\n"
                  "   PUT(64) = LDle:I64(0x1000:I64)\n"
                  "   PUT(16) = 0x400000:I64; exit-Boring\n", cases[i].off);
      else
         snprintf(want, sizeof want,
                  "   t0 = LDle:I64(0x1000:I64)\n"
                  "   PUT(%d) = 0x0:I64\n"
                  "   PUT(64) = t0\n"
                  "   PUT(16) = 0x400000:I64; exit-Boring\n", cases[i].off);
      UT_CHECK_STREQ(stmts_text(bb), want);
   }
   /* An exit: the load is done before it, a GET may move past it. */
   IRSB*  bb = new_block();
   IRTemp l  = wr(bb, LD(Ity_I64, C64(0x1000)));
   IRTemp g  = wr(bb, GET(24, Ity_I64));
   IRTemp c  = wr(bb, GET(32, Ity_I8));
   IRTemp cc = wr(bb, U(Iop_CmpNEZ8, T(c)));
   add(bb, IRStmt_Exit(T(cc), Ijk_Boring, IRConst_U64(0x500000), OFF_IP));
   put(bb, 64, T(l));
   put(bb, 72, T(g));
   treebuild(bb, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK_STREQ(stmts_text(bb),
      "   t0 = LDle:I64(0x1000:I64)\n"
      "   if (CmpNEZ8(GET:I8(32))) { PUT(16) = 0x500000:I64; exit-Boring } \n"
      "   PUT(64) = t0\n"
      "   PUT(72) = GET:I64(24)\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(treebuild_max_ga_and_barriers)
{
   setup();
   IRSB* bb = new_block();
   UT_CHECK_EQ(treebuild(bb, VexRegUpdUnwindregsAtMemAccess), ~0ULL);
   bb = new_block();
   add(bb, IRStmt_IMark(0x400010, 2, 0));
   add(bb, IRStmt_IMark(0x400000, 5, 0));
   add(bb, IRStmt_IMark(0x400012, 0, 0));
   IRTemp a = wr(bb, GET(24, Ity_I64));
   add(bb, IRStmt_MBE(Imbe_Fence));      /* nothing moves past a fence */
   put(bb, 64, T(a));
   UT_CHECK_EQ(treebuild(bb, VexRegUpdUnwindregsAtMemAccess), 0x400012);
   UT_CHECK(strstr(stmts_text(bb),
                   "   t0 = GET:I64(24)\n"
                   "   IR-Fence\n"
                   "   PUT(64) = t0\n") != NULL);
}

UNIT_TEST(treebuild_bounded_pending_bindings)
{
   setup();
   /* Thirty single-use GETs all used at the end: the oldest are written
      out as the pending set fills, and everything still type-checks. */
   IRSB*  bb = new_block();
   IRTemp t[30];
   for (int i = 0; i < 30; i++)
      t[i] = wr(bb, GET(24 + 8 * (i % 8), Ity_I64));
   IRTemp acc = wr(bb, B(Iop_Add64, T(t[0]), T(t[1])));
   for (int i = 2; i < 30; i++)
      acc = wr(bb, B(Iop_Add64, T(acc), T(t[i])));
   put(bb, 64, T(acc));
   treebuild(bb, VexRegUpdUnwindregsAtMemAccess);
   UT_CHECK(bb->stmts_used > 1 && bb->stmts_used < 30);
}

/* ================================================================== */
/* The post-instrumentation clean-up, unrolling                       */
/* ================================================================== */

UNIT_TEST(post_instrument_cleanup)
{
   setup();
   IRSB*  bb = new_block();
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   put(bb, 32, C64(1));
   put(bb, 32, B(Iop_Add64, T(a), B(Iop_Shl64, C64(1), C8(3))));  /* tree */
   IRTemp d  = wr(bb, B(Iop_Mul64, T(a), T(a)));                 /* dead */
   (void)d;
   IRSB* res = do_iropt_BB_post_instrument(bb);
   check_ok(res, True, "post");
   /* PUTs are all kept; constants folded; dead code gone. */
   UT_CHECK_STREQ(stmts_text(res),
      "   t0 = GET:I64(24)\n"
      "   PUT(32) = 0x1:I64\n"
      "   t3 = Add64(t0,0x8:I64)\n"
      "   PUT(32) = t3\n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
   vex_control.iropt_level = 0;
   res = do_iropt_BB_post_instrument(bb);
   check_ok(res, True, "post");
   UT_CHECK_EQ(res->stmts_used, 6);
}

UNIT_TEST(unroll_self_loop)
{
   setup();
   IRSB*  bb = new_block();
   add(bb, IRStmt_IMark(0x400000, 4, 0));
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp b  = wr(bb, B(Iop_Sub64, T(a), C64(1)));
   put(bb, 24, T(b));
   IRTemp z  = wr(bb, B(Iop_CmpEQ64, T(b), C64(0)));
   add(bb, IRStmt_Exit(T(z), Ijk_Boring, IRConst_U64(0x400004), OFF_IP));
   /* 6 statements: 8 copies fit in 120, 4 in 24+, 2 in 12+. */
   Int factor;
   UT_CHECK(maybe_loop_unroll_BB(bb, 0x500000, &factor) == NULL);
   UT_CHECK_EQ(factor, 1);
   IRSB* u = maybe_loop_unroll_BB(bb, 0x400000, &factor);
   UT_CHECK(u != NULL);
   UT_CHECK_EQ(factor, 8);
   check_ok(u, True, "unroll");
   UT_CHECK_EQ(u->stmts_used, 8 * 6 + 7);
   vex_control.iropt_unroll_thresh = 24;
   u = maybe_loop_unroll_BB(bb, 0x400000, &factor);
   UT_CHECK_EQ(factor, 4);
   vex_control.iropt_unroll_thresh = 11;
   UT_CHECK(maybe_loop_unroll_BB(bb, 0x400000, &factor) == NULL);
   vex_control.iropt_unroll_thresh = 0;
   UT_CHECK(maybe_loop_unroll_BB(bb, 0x400000, &factor) == NULL);

   /* Level 2 unrolls and then optimises across the copies: the first
      copy's PUT(24) is dead, its GET(24) known. */
   vex_control.iropt_unroll_thresh = 24;
   vex_control.iropt_level = 2;
   IRSB* res = do_iropt_BB(bb, NULL, test_precise,
                           VexRegUpdUnwindregsAtMemAccess, 0x400000);
   check_ok(res, True, "unroll");
   UT_CHECK_STREQ(stmts_text(res),
      "   ------ IMark(0x400000, 4, 0) ------\n"
      "   t0 = GET:I64(24)\n"
      "   t1 = Sub64(t0,0x1:I64)\n"
      "   PUT(24) = t1\n"
      "   t2 = CmpEQ64(t1,0x0:I64)\n"
      "   if (t2) { PUT(16) = 0x400004:I64; exit-Boring } \n"
      "   PUT(16) = 0x400000:I64\n"
      "   ------ IMark(0x400000, 4, 0) ------\n"
      "   t4 = Sub64(t1,0x1:I64)\n"
      "   PUT(24) = t4\n"
      "   t5 = CmpEQ64(t4,0x0:I64)\n"
      "   if (t5) { PUT(16) = 0x400004:I64; exit-Boring } \n"
      "   PUT(16) = 0x400000:I64\n"
      "   ------ IMark(0x400000, 4, 0) ------\n"
      "   t7 = Sub64(t4,0x1:I64)\n"
      "   PUT(24) = t7\n"
      "   t8 = CmpEQ64(t7,0x0:I64)\n"
      "   if (t8) { PUT(16) = 0x400004:I64; exit-Boring } \n"
      "   PUT(16) = 0x400000:I64\n"
      "   ------ IMark(0x400000, 4, 0) ------\n"
      "   t10 = Sub64(t7,0x1:I64)\n"
      "   PUT(24) = t10\n"
      "   t11 = CmpEQ64(t10,0x0:I64)\n"
      "   if (t11) { PUT(16) = 0x400004:I64; exit-Boring } \n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

UNIT_TEST(unroll_loop_closed_by_an_exit)
{
   setup();
   /* "if (t) goto self; goto 0x400010" becomes "if (!t) goto 0x400010;
      goto self", repeated. */
   IRSB*  bb = new_block();
   bb->next = C64(0x400010);
   add(bb, IRStmt_IMark(0x400000, 4, 0));
   IRTemp a  = wr(bb, GET(24, Ity_I64));
   IRTemp b  = wr(bb, B(Iop_Add64, T(a), C64(1)));
   put(bb, 24, T(b));
   IRTemp z  = wr(bb, B(Iop_CmpNE64, T(b), C64(10)));
   add(bb, IRStmt_Exit(T(z), Ijk_Boring, IRConst_U64(0x400000), OFF_IP));
   vex_control.iropt_unroll_thresh = 12;
   Int   factor;
   IRSB* u = maybe_loop_unroll_BB(bb, 0x400000, &factor);
   UT_CHECK_EQ(factor, 2);
   check_ok(u, True, "unroll");
   UT_CHECK_STREQ(stmts_text(u),
      "   ------ IMark(0x400000, 4, 0) ------\n"
      "   t0 = GET:I64(24)\n"
      "   t1 = Add64(t0,0x1:I64)\n"
      "   PUT(24) = t1\n"
      "   t2 = CmpNE64(t1,0xa:I64)\n"
      "   t3 = Not1(t2)\n"
      "   if (t3) { PUT(16) = 0x400010:I64; exit-Boring } \n"
      "   PUT(16) = 0x400000:I64\n"
      "   ------ IMark(0x400000, 4, 0) ------\n"
      "   t4 = GET:I64(24)\n"
      "   t5 = Add64(t4,0x1:I64)\n"
      "   PUT(24) = t5\n"
      "   t6 = CmpNE64(t5,0xa:I64)\n"
      "   t7 = Not1(t6)\n"
      "   if (t7) { PUT(16) = 0x400010:I64; exit-Boring } \n"
      "   PUT(16) = 0x400000:I64; exit-Boring\n");
}

/* ================================================================== */
/* The randomised equivalence check                                   */
/* ================================================================== */

/* The tests' guest: 96 bytes of state (the program counter at 16, SP at
   48, BP at 56, an array of 16 bytes at 64 for GETI/PUTI) and 64 bytes of
   memory at MEM_BASE. */
#define GS_SIZE   96
#define MEM_BASE  0x10000ULL
#define MEM_SIZE  64
#define ARR_BASE  64
#define ARR_N     16
#define SELF_ADDR 0x400000ULL

/* ------------------------------------------------------------------ */
/* Random numbers (xorshift64*, fixed seeds)                          */
/* ------------------------------------------------------------------ */

static ULong rng_state = 1;

static ULong rnd64(void)
{
   rng_state ^= rng_state >> 12;
   rng_state ^= rng_state << 25;
   rng_state ^= rng_state >> 27;
   return rng_state * 0x2545F4914F6CDD1DULL;
}

static UInt rnd(UInt n)
{
   return (UInt)((rnd64() >> 17) % n);
}

/* ------------------------------------------------------------------ */
/* The interpreter                                                    */
/* ------------------------------------------------------------------ */

static Int ty_bits(IRType ty)
{
   switch (ty) {
      case Ity_I1:  return 1;
      case Ity_I8:  return 8;
      case Ity_I16: return 16;
      case Ity_I32: return 32;
      case Ity_I64: return 64;
      default:      return 0;
   }
}

static ULong ty_mask(IRType ty)
{
   Int b = ty_bits(ty);
   return b == 64 ? ~0ULL : (1ULL << b) - 1;
}

static Long to_signed(ULong v, IRType ty)
{
   Int b = ty_bits(ty);
   if (b == 64)
      return (Long)v;
   v &= ty_mask(ty);
   if (v & (1ULL << (b - 1)))
      v |= ~ty_mask(ty);
   return (Long)v;
}

/* What the interpreter gives for results IR leaves undefined (shifts by
   the width or more, division by zero, Clz/Ctz of zero): an unlikely
   value, so that an optimiser folding them any other way is caught. */
#define UNDEFINED 0xA5C3A5C3A5C3A5C3ULL

/* The value of OP on A (masked to the argument's width); *KNOWN = False
   for ops the interpreter does not model. */
static ULong ev_unop(IROp op, ULong a, Bool* known)
{
   IRType tr, ta, x2, x3, x4;
   typeOfPrimop(op, &tr, &ta, &x2, &x3, &x4);
   *known = True;
   ULong r = 0;
   Int   w = ty_bits(ta);
   switch (op) {
      case Iop_Not1: case Iop_Not8: case Iop_Not16: case Iop_Not32:
      case Iop_Not64:
         r = ~a; break;
      case Iop_Clz32: case Iop_Clz64:
         r = 0;
         for (Int b = w - 1; b >= 0 && !((a >> b) & 1); b--) r++;
         if (a == 0) r = UNDEFINED;
         break;
      case Iop_Ctz32: case Iop_Ctz64:
         r = 0;
         for (Int b = 0; b < w && !((a >> b) & 1); b++) r++;
         if (a == 0) r = UNDEFINED;
         break;
      case Iop_PopCount32: case Iop_PopCount64:
         r = 0;
         for (Int b = 0; b < w; b++) r += (a >> b) & 1;
         break;
      case Iop_CmpNEZ8: case Iop_CmpNEZ16: case Iop_CmpNEZ32:
      case Iop_CmpNEZ64:
         r = a != 0; break;
      case Iop_CmpwNEZ32: case Iop_CmpwNEZ64:
         r = a != 0 ? ~0ULL : 0; break;
      case Iop_Left8: case Iop_Left16: case Iop_Left32: case Iop_Left64:
         r = a | (~a + 1); break;
      case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64: case Iop_16Uto32:
      case Iop_16Uto64: case Iop_32Uto64: case Iop_1Uto8: case Iop_1Uto32:
      case Iop_1Uto64: case Iop_64to8: case Iop_32to8: case Iop_64to16:
      case Iop_16to8: case Iop_32to16: case Iop_64to32: case Iop_32to1:
      case Iop_64to1:
         r = a; break;
      case Iop_8Sto16: case Iop_8Sto32: case Iop_8Sto64: case Iop_16Sto32:
      case Iop_16Sto64: case Iop_32Sto64: case Iop_1Sto8: case Iop_1Sto16:
      case Iop_1Sto32: case Iop_1Sto64:
         r = (ULong)to_signed(a, ta); break;
      case Iop_16HIto8:  r = a >> 8;  break;
      case Iop_32HIto16: r = a >> 16; break;
      case Iop_64HIto32: r = a >> 32; break;
      default:
         *known = False;
         return 0;
   }
   return r & ty_mask(tr);
}

static ULong ev_binop(IROp op, ULong a, ULong b, Bool* known)
{
   IRType tr, t1, t2, x3, x4;
   typeOfPrimop(op, &tr, &t1, &t2, &x3, &x4);
   *known = True;
   ULong r = 0;
   Int   w = ty_bits(t1);
   Long  sa = to_signed(a, t1), sb = to_signed(b, t2);
   switch (op) {
      case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
         r = a + b; break;
      case Iop_Sub8: case Iop_Sub16: case Iop_Sub32: case Iop_Sub64:
         r = a - b; break;
      case Iop_Mul8: case Iop_Mul16: case Iop_Mul32: case Iop_Mul64:
      case Iop_MullU8: case Iop_MullU16: case Iop_MullU32:
         r = a * b; break;
      case Iop_MullS8: case Iop_MullS16: case Iop_MullS32:
         r = (ULong)sa * (ULong)sb; break;
      case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
         r = a | b; break;
      case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
         r = a & b; break;
      case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
         r = a ^ b; break;
      case Iop_Shl8: case Iop_Shl16: case Iop_Shl32: case Iop_Shl64:
         r = b < (ULong)w ? a << b : UNDEFINED; break;
      case Iop_Shr8: case Iop_Shr16: case Iop_Shr32: case Iop_Shr64:
         r = b < (ULong)w ? a >> b : UNDEFINED; break;
      case Iop_Sar8: case Iop_Sar16: case Iop_Sar32: case Iop_Sar64:
         r = b < (ULong)w ? (ULong)(sa >> b) : UNDEFINED; break;
      case Iop_CmpEQ8: case Iop_CmpEQ16: case Iop_CmpEQ32: case Iop_CmpEQ64:
      case Iop_CasCmpEQ8: case Iop_CasCmpEQ16: case Iop_CasCmpEQ32:
      case Iop_CasCmpEQ64:
         r = a == b; break;
      case Iop_CmpNE8: case Iop_CmpNE16: case Iop_CmpNE32: case Iop_CmpNE64:
      case Iop_CasCmpNE8: case Iop_CasCmpNE16: case Iop_CasCmpNE32:
      case Iop_CasCmpNE64: case Iop_ExpCmpNE8: case Iop_ExpCmpNE16:
      case Iop_ExpCmpNE32: case Iop_ExpCmpNE64:
         r = a != b; break;
      case Iop_CmpLT32S: case Iop_CmpLT64S: r = sa < sb;  break;
      case Iop_CmpLE32S: case Iop_CmpLE64S: r = sa <= sb; break;
      case Iop_CmpLT32U: case Iop_CmpLT64U: r = a < b;    break;
      case Iop_CmpLE32U: case Iop_CmpLE64U: r = a <= b;   break;
      case Iop_Max32U: r = a > b ? a : b; break;
      case Iop_DivU32: case Iop_DivU64:
         r = b == 0 ? UNDEFINED : a / b; break;
      case Iop_DivS32: case Iop_DivS64:
         if (sb == 0 || (sb == -1 && sa == to_signed(1ULL << (w - 1), t1)))
            r = UNDEFINED;
         else
            r = (ULong)(sa / sb);
         break;
      case Iop_DivModU64to32:
         if (b == 0 || a / b > 0xFFFFFFFFULL)
            r = UNDEFINED;
         else
            r = ((a % b) << 32) | (a / b);
         break;
      case Iop_DivModS64to32: {
         Long sa64 = (Long)a;
         if (sb == 0 || (sb == -1 && sa64 == (Long)0x8000000000000000ULL))
            r = UNDEFINED;
         else if (sa64 / sb < -2147483648LL || sa64 / sb > 2147483647LL)
            r = UNDEFINED;
         else
            r = ((ULong)(UInt)(sa64 % sb) << 32)
                | (ULong)(UInt)(sa64 / sb);
         break;
      }
      case Iop_8HLto16:  r = (a << 8) | b;  break;
      case Iop_16HLto32: r = (a << 16) | b; break;
      case Iop_32HLto64: r = (a << 32) | b; break;
      default:
         *known = False;
         return 0;
   }
   return r & ty_mask(tr);
}

typedef struct {
   UChar gs[GS_SIZE];
   UChar mem[MEM_SIZE];
} Machine;

/* One or more blocks run on a machine, and what could be seen. */
typedef struct {
   Machine            m;
   VexRegisterUpdates px;
   ULong*             tmps;
   /* The protected guest state at every memory write (and at every
      IMark under VexRegUpdAllregsAtEachInsn), hashed. */
   ULong              obs[1024];
   Int                n_obs;
   /* Loads, as sums of (address, protected state) hashes, one per
      stretch between memory writes and exits: loads may be reordered
      within a stretch but not moved out of it. */
   ULong              loads[1024];
   Int                n_loads;
   ULong              seg;
   Int                n_imarks;
   ULong              left_to;
   IRJumpKind         left_by;
   const char*        bad;     /* something the interpreter cannot do */
} Run;

static ULong hash_bytes(ULong h, ULong v)
{
   return (h ^ v) * 1099511628211ULL;
}

static ULong protected_state(const Run* r)
{
   ULong h = 1469598103934665603ULL;
   for (Int i = 0; i < GS_SIZE; i++)
      if (test_precise(i, i, r->px))
         h = hash_bytes(h, r->m.gs[i]);
   return h;
}

static void observe(Run* r, ULong tag)
{
   if (r->n_obs < 1024)
      r->obs[r->n_obs] = protected_state(r) ^ tag;
   r->n_obs++;
}

static void end_stretch(Run* r)
{
   if (r->n_loads < 1024)
      r->loads[r->n_loads] = r->seg;
   r->n_loads++;
   r->seg = 0;
}

static ULong gs_read(Run* r, Int off, Int size)
{
   if (off < 0 || off + size > GS_SIZE) {
      r->bad = "guest state read out of range";
      return 0;
   }
   ULong v = 0;
   for (Int i = size - 1; i >= 0; i--)
      v = (v << 8) | r->m.gs[off + i];
   return v;
}

static void gs_write(Run* r, Int off, Int size, ULong v)
{
   if (off < 0 || off + size > GS_SIZE) {
      r->bad = "guest state write out of range";
      return;
   }
   for (Int i = 0; i < size; i++)
      r->m.gs[off + i] = (UChar)(v >> (8 * i));
}

static Bool mem_ok(Run* r, ULong a, Int size)
{
   if (a < MEM_BASE || a + (ULong)size > MEM_BASE + MEM_SIZE) {
      r->bad = "memory access out of range";
      return False;
   }
   return True;
}

static ULong mem_read(Run* r, ULong a, Int size)
{
   if (!mem_ok(r, a, size))
      return 0;
   ULong v = 0;
   for (Int i = size - 1; i >= 0; i--)
      v = (v << 8) | r->m.mem[a - MEM_BASE + (ULong)i];
   return v;
}

static void mem_write(Run* r, ULong a, Int size, ULong v)
{
   if (!mem_ok(r, a, size))
      return;
   for (Int i = 0; i < size; i++)
      r->m.mem[a - MEM_BASE + (ULong)i] = (UChar)(v >> (8 * i));
}

static ULong ev_load(Run* r, ULong a, IRType ty)
{
   ULong v = mem_read(r, a, sizeofIRType(ty));
   r->seg += hash_bytes(protected_state(r), a * 0x9E3779B97F4A7C15ULL);
   return v;
}

static Int array_offset(Run* r, const IRRegArray* d, ULong ix, Int bias)
{
   Long i = ((Long)(Int)(UInt)ix + bias) % d->nElems;
   if (i < 0)
      i += d->nElems;
   (void)r;
   return d->base + (Int)i * sizeofIRType(d->elemTy);
}

static void dh_state(void) { }
static void dh_mem(void) { }

static ULong ev(Run* r, const IRExpr* e)
{
   Bool known = True;
   ULong v;
   switch (e->tag) {
      case Iex_Get:
         return gs_read(r, e->Iex.Get.offset, sizeofIRType(e->Iex.Get.ty));
      case Iex_GetI: {
         const IRRegArray* d = e->Iex.GetI.descr;
         Int off = array_offset(r, d, ev(r, e->Iex.GetI.ix), e->Iex.GetI.bias);
         return gs_read(r, off, sizeofIRType(d->elemTy));
      }
      case Iex_RdTmp:
         return r->tmps[e->Iex.RdTmp.tmp];
      case Iex_Const: {
         const IRConst* c = e->Iex.Const.con;
         switch (c->tag) {
            case Ico_U1:  return c->Ico.U1 & 1;
            case Ico_U8:  return c->Ico.U8;
            case Ico_U16: return c->Ico.U16;
            case Ico_U32: return c->Ico.U32;
            case Ico_U64: return c->Ico.U64;
            default:      r->bad = "constant"; return 0;
         }
      }
      case Iex_Unop:
         v = ev_unop(e->Iex.Unop.op, ev(r, e->Iex.Unop.arg), &known);
         if (!known)
            r->bad = "unop";
         return v;
      case Iex_Binop: {
         ULong a = ev(r, e->Iex.Binop.arg1);
         ULong b = ev(r, e->Iex.Binop.arg2);
         v = ev_binop(e->Iex.Binop.op, a, b, &known);
         if (!known)
            r->bad = "binop";
         return v;
      }
      case Iex_Load:
         return ev_load(r, ev(r, e->Iex.Load.addr), e->Iex.Load.ty);
      case Iex_ITE: {
         /* Both arms are evaluated. */
         ULong c = ev(r, e->Iex.ITE.cond);
         ULong t = ev(r, e->Iex.ITE.iftrue);
         ULong f = ev(r, e->Iex.ITE.iffalse);
         return c ? t : f;
      }
      case Iex_CCall: {
         IRExpr** a = e->Iex.CCall.args;
         if (e->Iex.CCall.cee->addr != (void*)sel_helper) {
            r->bad = "ccall";
            return 0;
         }
         ULong x = ev(r, a[0]), y = ev(r, a[1]), z = ev(r, a[2]);
         return sel_helper(x, y, z);
      }
      default:
         r->bad = "expression";
         return 0;
   }
}

static ULong loadg_convert(IRLoadGOp cvt, ULong v)
{
   switch (cvt) {
      case ILGop_16Sto32: return (ULong)to_signed(v, Ity_I16) & 0xFFFFFFFFULL;
      case ILGop_8Sto32:  return (ULong)to_signed(v, Ity_I8) & 0xFFFFFFFFULL;
      default:            return v;
   }
}

/* Runs BB once on R's machine. */
static void exec_block(Run* r, const IRSB* bb)
{
   Int n_tmps = bb->tyenv->types_used;
   r->tmps = calloc((size_t)(n_tmps > 0 ? n_tmps : 1), sizeof(ULong));
   for (Int i = 0; i < bb->stmts_used && r->bad == NULL; i++) {
      const IRStmt* st = bb->stmts[i];
      switch (st->tag) {
         case Ist_NoOp:
            break;
         case Ist_IMark:
            r->n_imarks++;
            if (r->px == VexRegUpdAllregsAtEachInsn)
               observe(r, 0x1111);
            break;
         case Ist_Put: {
            ULong v = ev(r, st->Ist.Put.data);
            gs_write(r, st->Ist.Put.offset,
                     sizeofIRType(typeOfIRExpr(bb->tyenv, st->Ist.Put.data)),
                     v);
            break;
         }
         case Ist_PutI: {
            const IRPutI* p = st->Ist.PutI.details;
            ULong ix = ev(r, p->ix);
            ULong v  = ev(r, p->data);
            gs_write(r, array_offset(r, p->descr, ix, p->bias),
                     sizeofIRType(p->descr->elemTy), v);
            break;
         }
         case Ist_WrTmp:
            r->tmps[st->Ist.WrTmp.tmp] = ev(r, st->Ist.WrTmp.data);
            break;
         case Ist_Store: {
            ULong a = ev(r, st->Ist.Store.addr);
            ULong d = ev(r, st->Ist.Store.data);
            end_stretch(r);
            observe(r, 0x2222 ^ a);
            mem_write(r, a, sizeofIRType(typeOfIRExpr(bb->tyenv,
                                                      st->Ist.Store.data)),
                      d);
            break;
         }
         case Ist_StoreG: {
            const IRStoreG* sg = st->Ist.StoreG.details;
            ULong a = ev(r, sg->addr);
            ULong d = ev(r, sg->data);
            if (ev(r, sg->guard)) {
               end_stretch(r);
               observe(r, 0x2222 ^ a);
               mem_write(r, a, sizeofIRType(typeOfIRExpr(bb->tyenv,
                                                         sg->data)), d);
            }
            break;
         }
         case Ist_LoadG: {
            const IRLoadG* lg = st->Ist.LoadG.details;
            ULong a   = ev(r, lg->addr);
            ULong alt = ev(r, lg->alt);
            IRType t_res, t_arg;
            typeOfIRLoadGOp(lg->cvt, &t_res, &t_arg);
            ULong v = alt;
            if (ev(r, lg->guard))
               v = loadg_convert(lg->cvt, ev_load(r, a, t_arg));
            r->tmps[lg->dst] = v;
            break;
         }
         case Ist_CAS: {
            const IRCAS* c = st->Ist.CAS.details;
            if (c->oldHi != IRTemp_INVALID) {
               r->bad = "double CAS";
               break;
            }
            ULong  a  = ev(r, c->addr);
            ULong  ex = ev(r, c->expdLo);
            ULong  d  = ev(r, c->dataLo);
            IRType ty = typeOfIRExpr(bb->tyenv, c->dataLo);
            end_stretch(r);
            observe(r, 0x3333 ^ a);
            ULong old = mem_read(r, a, sizeofIRType(ty));
            r->tmps[c->oldLo] = old;
            if (old == ex)
               mem_write(r, a, sizeofIRType(ty), d);
            break;
         }
         case Ist_Dirty: {
            const IRDirty* d = st->Ist.Dirty.details;
            ULong args[4] = { 0, 0, 0, 0 };
            Int   n = 0;
            for (Int k = 0; d->args[k] != NULL && n < 4; k++)
               if (d->args[k]->tag != Iex_GSPTR)
                  args[n++] = ev(r, d->args[k]);
            ULong g = ev(r, d->guard);
            if (d->cee->addr == (void*)dh_state) {
               /* result = st[24] ^ x; st[32] = st[24] + x */
               ULong s24 = gs_read(r, 24, 8);
               if (g) {
                  gs_write(r, 32, 8, s24 + args[0]);
                  r->tmps[d->tmp] = s24 ^ args[0];
               } else {
                  r->tmps[d->tmp] = 0;
               }
            } else if (d->cee->addr == (void*)dh_mem) {
               /* mem[a] ^= v */
               if (g) {
                  end_stretch(r);
                  observe(r, 0x4444 ^ args[0]);
                  mem_write(r, args[0], 8, mem_read(r, args[0], 8) ^ args[1]);
               }
            } else {
               r->bad = "dirty helper";
            }
            break;
         }
         case Ist_MBE:
            break;
         case Ist_Exit: {
            ULong g = ev(r, st->Ist.Exit.guard);
            end_stretch(r);
            if (g) {
               r->left_to = st->Ist.Exit.dst->Ico.U64;
               r->left_by = st->Ist.Exit.jk;
               gs_write(r, st->Ist.Exit.offsIP, 8, r->left_to);
               free(r->tmps);
               return;
            }
            break;
         }
         default:
            r->bad = "statement";
            break;
      }
   }
   if (r->bad == NULL) {
      r->left_to = ev(r, bb->next);
      r->left_by = bb->jumpkind;
      end_stretch(r);
      gs_write(r, bb->offsIP, 8, r->left_to);
   }
   free(r->tmps);
}

static void run_init(Run* r, const Machine* m, VexRegisterUpdates px)
{
   memset(r, 0, sizeof *r);
   r->m  = *m;
   r->px = px;
}

/* Did A and B end the same way?  Loads are compared when LOADS. */
static const char* run_difference(const Run* a, const Run* b, Bool loads)
{
   if (a->bad != NULL || b->bad != NULL)
      return a->bad != NULL ? a->bad : b->bad;
   if (a->left_to != b->left_to || a->left_by != b->left_by)
      return "different exit";
   if (memcmp(a->m.gs, b->m.gs, GS_SIZE) != 0)
      return "different guest state";
   if (memcmp(a->m.mem, b->m.mem, MEM_SIZE) != 0)
      return "different memory";
   if (a->n_obs != b->n_obs)
      return "different number of memory writes";
   for (Int i = 0; i < a->n_obs && i < 1024; i++)
      if (a->obs[i] != b->obs[i])
         return "protected guest state differs at a memory write or IMark";
   if (loads) {
      if (a->n_loads != b->n_loads)
         return "different number of load stretches";
      for (Int i = 0; i < a->n_loads && i < 1024; i++)
         if (a->loads[i] != b->loads[i])
            return "loads moved across a write, exit or precise PUT";
   }
   return NULL;
}

/* ------------------------------------------------------------------ */
/* The block generator                                                */
/* ------------------------------------------------------------------ */

static IROp gen_unops[256], gen_binops[256];
static Int  n_gen_unops, n_gen_binops;

static Bool is_scalar_int(IRType ty)
{
   return ty_bits(ty) != 0;
}

/* Every integer op of the table that the interpreter models. */
static void init_gen_ops(void)
{
   n_gen_unops = n_gen_binops = 0;
   for (Int op = Iop_INVALID + 1; op < Iop_LAST; op++) {
      IRType tr, t1, t2, t3, t4;
      typeOfPrimop((IROp)op, &tr, &t1, &t2, &t3, &t4);
      Bool known = False;
      Int  arity = arityOfIROp((IROp)op);
      if (arity == 1 && is_scalar_int(tr) && is_scalar_int(t1)) {
         (void)ev_unop((IROp)op, 1, &known);
         if (known && n_gen_unops < 256)
            gen_unops[n_gen_unops++] = (IROp)op;
      } else if (arity == 2 && is_scalar_int(tr) && is_scalar_int(t1)
                 && is_scalar_int(t2)) {
         (void)ev_binop((IROp)op, 1, 1, &known);
         if (known && n_gen_binops < 256)
            gen_binops[n_gen_binops++] = (IROp)op;
      }
   }
}

typedef struct {
   IRSB*   bb;
   IRTemp  addr_tmp[64];
   Int     addr_size[64];
   Int     n_addr;
   Bool    imarks;      /* emit IMarks as we go */
   Addr64  pc;
   Int     n_exits;
} Gen;

static IRTemp pick_temp(Gen* g, IRType ty)
{
   Int n = g->bb->tyenv->types_used;
   if (n == 0)
      return IRTemp_INVALID;
   /* A few random probes, then a scan from a random start. */
   for (Int k = 0; k < 4; k++) {
      IRTemp t = (IRTemp)rnd((UInt)n);
      if (g->bb->tyenv->types[t] == ty)
         return t;
   }
   Int start = (Int)rnd((UInt)n);
   for (Int k = 0; k < n; k++) {
      IRTemp t = (IRTemp)((start + k) % n);
      if (g->bb->tyenv->types[t] == ty)
         return t;
   }
   return IRTemp_INVALID;
}

static ULong interesting(IRType ty)
{
   ULong m = ty_mask(ty);
   switch (rnd(9)) {
      case 0:  return 0;
      case 1:  return 1;
      case 2:  return m;
      case 3:  return (m >> 1) + 1;       /* the top bit */
      case 4:  return m >> 1;
      case 5:  return rnd64() & 0xFF & m;
      case 6:  return 2 & m;
      default: return rnd64() & m;
   }
}

static IRExpr* gen_const(IRType ty, ULong v)
{
   switch (ty) {
      case Ity_I1:  return C1((Bool)(v & 1));
      case Ity_I8:  return C8((UChar)v);
      case Ity_I16: return C16((UShort)v);
      case Ity_I32: return C32((UInt)v);
      default:      return C64(v);
   }
}

static IRExpr* gen_atom(Gen* g, IRType ty)
{
   if (rnd(10) < 7) {
      IRTemp t = pick_temp(g, ty);
      if (t != IRTemp_INVALID)
         return T(t);
   }
   return gen_const(ty, interesting(ty));
}

static IRType gen_int_type(void)
{
   static const IRType tys[4] = { Ity_I8, Ity_I16, Ity_I32, Ity_I64 };
   return tys[rnd(4)];
}

static IRTemp gen_wr(Gen* g, IRExpr* e)
{
   return wr(g->bb, e);
}

/* An address for SIZE bytes, aligned, inside the memory. */
static IRExpr* gen_addr(Gen* g, Int size)
{
   ULong mask = (ULong)(MEM_SIZE - size) & ~(ULong)(size - 1);
   UInt  how  = rnd(10);
   if (how < 3)
      return C64(MEM_BASE + (rnd64() & mask));
   if (how < 6) {
      for (Int k = 0; k < g->n_addr; k++) {
         Int j = (Int)rnd((UInt)g->n_addr);
         if (g->addr_size[j] >= size)
            return T(g->addr_tmp[j]);
      }
   }
   IRTemp m = gen_wr(g, B(Iop_And64, gen_atom(g, Ity_I64), C64(mask)));
   IRTemp a = gen_wr(g, B(Iop_Add64, T(m), C64(MEM_BASE)));
   if (g->n_addr < 64) {
      g->addr_tmp[g->n_addr]  = a;
      g->addr_size[g->n_addr] = size;
      g->n_addr++;
   }
   return T(a);
}

/* A guest state offset for a value of TY, in one of the 8-byte slots
   (16 is the program counter, 48 SP, 56 BP, 64..79 the array). */
static Int gen_offset(IRType ty)
{
   static const Int slots[9] = { 16, 24, 32, 40, 48, 56, 64, 72, 80 };
   Int size = sizeofIRType(ty);
   Int slot = slots[rnd(9)];
   return slot + (Int)rnd((UInt)(8 / size)) * size;
}

static IRRegArray* gen_array(void)
{
   return mkIRRegArray(ARR_BASE, Ity_I8, ARR_N);
}

/* Shift amounts: mostly in range, sometimes not. */
static IRExpr* gen_shift_amount(Gen* g, IRType ty)
{
   if (rnd(10) < 4) {
      IRTemp t = pick_temp(g, Ity_I8);
      if (t != IRTemp_INVALID)
         return T(t);
   }
   return C8((UChar)rnd((UInt)ty_bits(ty) + 2));
}

static Bool is_shift(IROp op)
{
   return (op >= Iop_Shl8 && op <= Iop_Sar64);
}

static void gen_stmt(Gen* g)
{
   IRSB* bb = g->bb;
   UInt  k  = rnd(100);
   if (k < 25) {
      IROp op = gen_binops[rnd((UInt)n_gen_binops)];
      IRType tr, t1, t2, t3, t4;
      typeOfPrimop(op, &tr, &t1, &t2, &t3, &t4);
      IRExpr* a1 = gen_atom(g, t1);
      IRExpr* a2 = is_shift(op) ? gen_shift_amount(g, t1) : gen_atom(g, t2);
      /* Often the same operand twice, for the x-op-x identities. */
      if (t1 == t2 && rnd(6) == 0)
         a2 = a1;
      gen_wr(g, B(op, a1, a2));
   } else if (k < 37) {
      IROp op = gen_unops[rnd((UInt)n_gen_unops)];
      IRType tr, t1, t2, t3, t4;
      typeOfPrimop(op, &tr, &t1, &t2, &t3, &t4);
      gen_wr(g, U(op, gen_atom(g, t1)));
   } else if (k < 47) {
      IRType ty = gen_int_type();
      gen_wr(g, GET(gen_offset(ty), ty));
   } else if (k < 55) {
      IRType ty = gen_int_type();
      put(bb, gen_offset(ty), gen_atom(g, ty));
   } else if (k < 61) {
      IRType ty = gen_int_type();
      gen_wr(g, LD(ty, gen_addr(g, sizeofIRType(ty))));
   } else if (k < 66) {
      IRType ty = gen_int_type();
      IRExpr* a = gen_addr(g, sizeofIRType(ty));
      store(bb, a, gen_atom(g, ty));
   } else if (k < 70) {
      IRType ty = gen_int_type();
      gen_wr(g, IRExpr_ITE(gen_atom(g, Ity_I1), gen_atom(g, ty),
                           gen_atom(g, ty)));
   } else if (k < 73) {
      IRExpr* op = rnd(2) ? C64(rnd(4)) : gen_atom(g, Ity_I64);
      gen_wr(g, sel_call(op, gen_atom(g, Ity_I64), gen_atom(g, Ity_I64)));
   } else if (k < 76) {
      IRExpr* guard = gen_atom(g, Ity_I1);
      add(bb, IRStmt_Exit(guard, rnd(4) ? Ijk_Boring : Ijk_Call,
                          IRConst_U64(0x400100 + 0x10 * (ULong)g->n_exits),
                          OFF_IP));
      g->n_exits++;
   } else if (k < 79) {
      if (g->imarks) {
         UInt len = 1 + rnd(6);
         add(bb, IRStmt_IMark(g->pc, len, 0));
         g->pc += len;
      }
   } else if (k < 81) {
      IRType ty = gen_int_type();
      IRExpr* a = gen_addr(g, sizeofIRType(ty));
      add(bb, IRStmt_StoreG(Iend_LE, a, gen_atom(g, ty),
                            gen_atom(g, Ity_I1)));
   } else if (k < 83) {
      static const IRLoadGOp cvts[6] = {
         ILGop_Ident64, ILGop_Ident32, ILGop_16Uto32, ILGop_16Sto32,
         ILGop_8Uto32, ILGop_8Sto32
      };
      IRLoadGOp cvt = cvts[rnd(6)];
      IRType t_res, t_arg;
      typeOfIRLoadGOp(cvt, &t_res, &t_arg);
      IRExpr* a   = gen_addr(g, sizeofIRType(t_arg));
      IRExpr* alt = gen_atom(g, t_res);
      IRExpr* gd  = gen_atom(g, Ity_I1);
      add(bb, IRStmt_LoadG(Iend_LE, cvt, nt(bb, t_res), a, alt, gd));
   } else if (k < 85) {
      /* dh_state(x) -> st[24] ^ x, and st[32] = st[24] + x */
      Bool     gs   = toBool(rnd(2));
      IRExpr*  x    = gen_atom(g, Ity_I64);
      IRExpr*  gd   = rnd(3) == 0 ? gen_atom(g, Ity_I1) : C1(True);
      IRTemp   res  = nt(bb, Ity_I64);
      IRDirty* d    = unsafeIRDirty_1_N(res, 0, "dh_state", (void*)dh_state,
                                        gs ? mkIRExprVec_2(IRExpr_GSPTR(), x)
                                           : mkIRExprVec_1(x));
      d->nFxState = 2;
      d->fxState[0].fx = Ifx_Read;
      d->fxState[0].offset = 24;
      d->fxState[0].size = 8;
      d->fxState[0].nRepeats = 0;
      d->fxState[0].repeatLen = 0;
      d->fxState[1] = d->fxState[0];
      d->fxState[1].fx = Ifx_Write;
      d->fxState[1].offset = 32;
      d->guard = gd;
      add(bb, IRStmt_Dirty(d));
   } else if (k < 86) {
      IRExpr*  a = gen_addr(g, 8);
      IRDirty* d = unsafeIRDirty_0_N(0, "dh_mem", (void*)dh_mem,
                                     mkIRExprVec_2(a, gen_atom(g, Ity_I64)));
      d->mFx   = Ifx_Modify;
      d->mAddr = a;
      d->mSize = 8;
      add(bb, IRStmt_Dirty(d));
   } else if (k < 88) {
      IRType  ty = gen_int_type();
      IRExpr* a  = gen_addr(g, sizeofIRType(ty));
      IRExpr* ex = gen_atom(g, ty);
      IRExpr* dt = gen_atom(g, ty);
      add(bb, IRStmt_CAS(mkIRCAS(IRTemp_INVALID, nt(bb, ty), Iend_LE, a,
                                 NULL, ex, NULL, dt)));
   } else if (k < 90) {
      gen_wr(g, IRExpr_GetI(gen_array(), gen_atom(g, Ity_I32),
                            (Int)rnd(7) - 3));
   } else if (k < 92) {
      add(bb, IRStmt_PutI(mkIRPutI(gen_array(), gen_atom(g, Ity_I32),
                                   (Int)rnd(7) - 3, gen_atom(g, Ity_I8))));
   } else if (k < 97) {
      /* The same right-hand side as an earlier assignment. */
      for (Int tries = 0; tries < 4 && bb->stmts_used > 0; tries++) {
         IRStmt* st = bb->stmts[rnd((UInt)bb->stmts_used)];
         if (st->tag == Ist_WrTmp) {
            gen_wr(g, st->Ist.WrTmp.data);
            break;
         }
      }
   } else if (k < 98) {
      if (rnd(3) == 0) {
         add(bb, IRStmt_MBE(Imbe_Fence));
         return;
      }
      /* Widen-then-narrow and test-a-widened-bit chains. */
      static const IROp chains[][2] = {
         { Iop_32Uto64, Iop_64to32 }, { Iop_32Sto64, Iop_64to32 },
         { Iop_8Uto32, Iop_32to8 },   { Iop_8Sto64, Iop_64to8 },
         { Iop_16Uto32, Iop_32to16 }, { Iop_16Sto64, Iop_64to16 },
         { Iop_8Sto16, Iop_16to8 },   { Iop_1Uto32, Iop_CmpNEZ32 },
         { Iop_1Uto64, Iop_64to1 },   { Iop_1Uto32, Iop_32to1 },
         { Iop_1Uto8, Iop_CmpNEZ8 },  { Iop_Not32, Iop_Not32 },
         { Iop_Not1, Iop_Not1 },      { Iop_1Uto64, Iop_CmpNEZ64 },
      };
      UInt    c = rnd(sizeof chains / sizeof chains[0]);
      IRType  tr, t1, t2, t3, t4;
      typeOfPrimop(chains[c][0], &tr, &t1, &t2, &t3, &t4);
      IRTemp  w = gen_wr(g, U(chains[c][0], gen_atom(g, t1)));
      if (chains[c][0] == Iop_1Uto32 && rnd(2))
         gen_wr(g, B(Iop_CmpNE32, T(w), C32(0)));
      else
         gen_wr(g, U(chains[c][1], T(w)));
   } else {
      /* PUT then GET of the same place, for redundant GET removal. */
      IRType ty  = gen_int_type();
      Int    off = gen_offset(ty);
      put(bb, off, gen_atom(g, ty));
      gen_wr(g, GET(off, ty));
   }
}

/* LOOP: 0 = an ordinary block; 1 = it ends by jumping back to
   SELF_ADDR; 2 = its last statement is an exit back to SELF_ADDR. */
static IRSB* gen_block_loop(Int n_stmts, Bool imarks, Int loop);

static IRSB* gen_block(Int n_stmts, Bool imarks)
{
   return gen_block_loop(n_stmts, imarks, 0);
}

static IRSB* gen_block_loop(Int n_stmts, Bool imarks, Int loop)
{
   Gen g;
   memset(&g, 0, sizeof g);
   g.bb     = new_block();
   g.imarks = imarks;
   g.pc     = SELF_ADDR;
   add(g.bb, IRStmt_IMark(g.pc, 2, 0));   /* always one instruction */
   g.pc += 2;
   /* A few values to start from. */
   for (Int i = 0; i < 3; i++) {
      IRType ty = gen_int_type();
      gen_wr(&g, GET(gen_offset(ty), ty));
   }
   while (g.bb->stmts_used < n_stmts)
      gen_stmt(&g);
   g.bb->next = rnd(3) == 0 ? gen_atom(&g, Ity_I64)
                            : C64(0x400800 + 8 * (ULong)rnd(4));
   if (loop == 1) {
      g.bb->next = C64(SELF_ADDR);
   } else if (loop == 2) {
      add(g.bb, IRStmt_Exit(gen_atom(&g, Ity_I1), Ijk_Boring,
                            IRConst_U64(SELF_ADDR), OFF_IP));
      g.bb->next = C64(0x400900);
   }
   return g.bb;
}

static void random_machine(Machine* m)
{
   for (Int i = 0; i < GS_SIZE; i++)
      m->gs[i] = (UChar)rnd64();
   for (Int i = 0; i < MEM_SIZE; i++)
      m->mem[i] = (UChar)rnd64();
   /* Small values sometimes, so that comparisons come out both ways. */
   for (Int i = 0; i < GS_SIZE; i += 8)
      if (rnd(3) == 0)
         memset(m->gs + i + 1, 0, 7);
}

/* ------------------------------------------------------------------ */
/* The checks                                                         */
/* ------------------------------------------------------------------ */

static const char* px_name(VexRegisterUpdates px)
{
   switch (px) {
      case VexRegUpdSpAtMemAccess:         return "SpAtMemAccess";
      case VexRegUpdUnwindregsAtMemAccess: return "UnwindregsAtMemAccess";
      case VexRegUpdAllregsAtMemAccess:    return "AllregsAtMemAccess";
      case VexRegUpdAllregsAtEachInsn:     return "AllregsAtEachInsn";
      default:                             return "?";
   }
}

/* Prints a block to stderr. */
static void dump_block(const char* title, const IRSB* bb)
{
   reset_out();
   ppIRSB(bb);
   fprintf(stderr, "---- %s ----\n%s", title, out);
   reset_out();
}

typedef struct {
   const IRSB*        orig;
   const Machine*     init;
   VexRegisterUpdates px;
   Run                ref;      /* the original's run */
   ULong              seed;
   Int                failures;
   Long               checks;
   Long               stmts_in, stmts_out;
} Checker;

/* Checks one transformed block: sane (flat unless TREE), and run to the
   same end as the original; when VS_LOADS is given, also with the same
   loads as it. */
static void check_step(Checker* c, const char* what, const IRSB* bb,
                       Bool tree, const Run* vs_loads, Run* out_run)
{
   if (c->failures > 0)
      return;
   sanityCheckIRSB(bb, what, !tree, Ity_I64);
   if (!tree && !isFlatIRSB(bb)) {
      fprintf(stderr, "%s: not flat\n", what);
      c->failures++;
   }
   Run r;
   run_init(&r, c->init, c->px);
   exec_block(&r, bb);
   const char* diff = run_difference(&c->ref, &r, False);
   if (diff == NULL && vs_loads != NULL)
      diff = run_difference(vs_loads, &r, True);
   c->checks++;
   if (diff != NULL) {
      c->failures++;
      ut_report(__FILE__, __LINE__, "seed %llu, %s, %s: %s",
                c->seed, px_name(c->px), what, diff);
      dump_block("original", c->orig);
      dump_block(what, bb);
   }
   if (out_run != NULL)
      *out_run = r;
}

static Long random_blocks_checked;
static Long random_checks_done;

/* Every pass on its own, then the whole pipeline at each level, then
   tree building, for one random block under one setting. */
static void check_one_block(ULong seed, VexRegisterUpdates px, Checker* c)
{
   IRSB* orig = (IRSB*)c->orig;
   c->px = px;
   run_init(&c->ref, c->init, px);
   exec_block(&c->ref, orig);
   if (c->ref.bad != NULL) {
      c->failures++;
      ut_report(__FILE__, __LINE__, "seed %llu: interpreter: %s", seed,
                c->ref.bad);
      dump_block("original", orig);
      return;
   }

   /* The passes one by one. */
   IRSB* b = flatten_BB(orig);
   check_step(c, "flatten_BB", b, False, NULL, NULL);
   redundant_get_removal_BB(b);
   check_step(c, "redundant_get_removal_BB", b, False, NULL, NULL);
   redundant_put_removal_BB(b, test_precise, px);
   check_step(c, "redundant_put_removal_BB", b, False, NULL, NULL);
   b = cprop_BB(b);
   check_step(c, "cprop_BB", b, False, NULL, NULL);
   do_deadcode_BB(b);
   check_step(c, "do_deadcode_BB", b, False, NULL, NULL);
   b = spec_helpers_BB(b, test_spec);
   check_step(c, "spec_helpers_BB", b, False, NULL, NULL);
   (void)do_cse_BB(b, True);
   check_step(c, "do_cse_BB", b, False, NULL, NULL);
   b = cprop_BB(b);
   check_step(c, "cprop_BB after CSE", b, False, NULL, NULL);
   do_deadcode_BB(b);
   check_step(c, "do_deadcode_BB after CSE", b, False, NULL, NULL);

   /* The pipeline at each level, then the tree builder. */
   for (Int level = 0; level <= 2; level++) {
      static const char* names[3][3] = {
         { "do_iropt_BB level 0", "ado_treebuild_BB after level 0",
           "post-instrument after level 0" },
         { "do_iropt_BB level 1", "ado_treebuild_BB after level 1",
           "post-instrument after level 1" },
         { "do_iropt_BB level 2", "ado_treebuild_BB after level 2",
           "post-instrument after level 2" },
      };
      vex_control.iropt_level = level;
      IRSB* o = do_iropt_BB(orig, test_spec, test_precise, px, 0x300000);
      Run   flat_run;
      check_step(c, names[level][0], o, False, NULL, &flat_run);
      IRSB* p = do_iropt_BB_post_instrument(o);
      check_step(c, names[level][2], p, False, NULL, NULL);
      (void)ado_treebuild_BB(o, test_precise, px);
      /* Below level 1 dead loads are still there, and the tree builder
         drops them: no load comparison then. */
      check_step(c, names[level][1], o, True,
                 level >= 1 ? &flat_run : NULL, NULL);
   }
   /* The original made into trees, then optimised again: flattening
      of arbitrary trees. */
   IRSB* tr = deepCopyIRSB(orig);
   (void)ado_treebuild_BB(tr, test_precise, px);
   check_step(c, "ado_treebuild_BB of the original", tr, True, NULL, NULL);
   vex_control.iropt_level = 2;
   IRSB* o2 = do_iropt_BB(tr, test_spec, test_precise, px, 0x300000);
   check_step(c, "do_iropt_BB level 2 of the tree form", o2, False, NULL,
              NULL);
   c->stmts_in  += orig->stmts_used;
   c->stmts_out += o2->stmts_used;
}

static void random_equivalence(ULong seed0, Int n_blocks)
{
   setup();
   init_gen_ops();
   static const VexRegisterUpdates pxs[4] = {
      VexRegUpdSpAtMemAccess, VexRegUpdUnwindregsAtMemAccess,
      VexRegUpdAllregsAtMemAccess, VexRegUpdAllregsAtEachInsn
   };
   Checker c;
   memset(&c, 0, sizeof c);
   for (Int i = 0; i < n_blocks && c.failures == 0; i++) {
      ULong seed = seed0 + (ULong)i;
      rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
      vexSetAllocModeTEMP_and_clear();
      Machine m;
      random_machine(&m);
      IRSB* orig = gen_block(5 + (Int)rnd(45), True);
      check_ok(orig, True, "generated");
      c.orig = orig;
      c.init = &m;
      c.seed = seed;
      for (Int k = 0; k < 4 && c.failures == 0; k++)
         check_one_block(seed, pxs[k], &c);
      random_blocks_checked++;
   }
   random_checks_done += c.checks;
   UT_CHECK_EQ(c.failures, 0);
   printf("  %d random blocks from seed %llu, 4 settings each, %lld runs "
          "compared; level 2 kept %lld of %lld statements\n",
          n_blocks, seed0, c.checks, c.stmts_out, c.stmts_in);
}

UNIT_TEST(random_equivalence_1)
{
   random_equivalence(1000, 1500);
}

UNIT_TEST(random_equivalence_2)
{
   random_equivalence(500000, 1500);
}

UNIT_TEST(random_equivalence_3)
{
   random_equivalence(9000000, 1500);
}

/* ------------------------------------------------------------------ */
/* Unrolled loops                                                     */
/* ------------------------------------------------------------------ */

/* Runs BB as the dispatcher would, for as long as it jumps back to
   itself, until 8 guest instructions (one IMark each) have run. */
static void run_loop(Run* r, const IRSB* bb)
{
   for (Int runs = 0; runs < 8; runs++) {
      exec_block(r, bb);
      if (r->bad != NULL || r->left_to != SELF_ADDR || r->n_imarks >= 8)
         return;
   }
}

static void check_loop(Checker* c, const char* what, const IRSB* bb,
                       Bool tree)
{
   if (c->failures > 0)
      return;
   sanityCheckIRSB(bb, what, !tree, Ity_I64);
   Run r;
   run_init(&r, c->init, c->px);
   run_loop(&r, bb);
   const char* diff = run_difference(&c->ref, &r, False);
   c->checks++;
   if (diff != NULL) {
      c->failures++;
      ut_report(__FILE__, __LINE__, "seed %llu, %s, %s: %s",
                c->seed, px_name(c->px), what, diff);
      dump_block("original", c->orig);
      dump_block(what, bb);
   }
}

static void random_unrolling(ULong seed0, Int n_blocks)
{
   setup();
   init_gen_ops();
   static const VexRegisterUpdates pxs[4] = {
      VexRegUpdSpAtMemAccess, VexRegUpdUnwindregsAtMemAccess,
      VexRegUpdAllregsAtMemAccess, VexRegUpdAllregsAtEachInsn
   };
   Checker c;
   memset(&c, 0, sizeof c);
   Int unrolled[9] = { 0 };
   for (Int i = 0; i < n_blocks && c.failures == 0; i++) {
      ULong seed = seed0 + (ULong)i;
      rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
      vexSetAllocModeTEMP_and_clear();
      Machine m;
      random_machine(&m);
      IRSB* orig = gen_block_loop(3 + (Int)rnd(70), False, 1 + (Int)rnd(2));
      check_ok(orig, True, "generated");
      c.orig = orig;
      c.init = &m;
      c.seed = seed;
      c.px   = pxs[rnd(4)];
      run_init(&c.ref, &m, c.px);
      run_loop(&c.ref, orig);
      if (c.ref.bad != NULL) {
         c.failures++;
         ut_report(__FILE__, __LINE__, "seed %llu: interpreter: %s", seed,
                   c.ref.bad);
         break;
      }
      vex_control.iropt_unroll_thresh = 120;
      Int   factor;
      IRSB* u = maybe_loop_unroll_BB(orig, SELF_ADDR, &factor);
      unrolled[factor]++;
      if (u != NULL)
         check_loop(&c, "maybe_loop_unroll_BB", u, False);
      vex_control.iropt_level = 2;
      IRSB* o = do_iropt_BB(orig, test_spec, test_precise, c.px, SELF_ADDR);
      check_loop(&c, "do_iropt_BB level 2 with unrolling", o, False);
      (void)ado_treebuild_BB(o, test_precise, c.px);
      check_loop(&c, "ado_treebuild_BB after unrolling", o, True);
      random_blocks_checked++;
   }
   random_checks_done += c.checks;
   UT_CHECK_EQ(c.failures, 0);
   /* Most of them are short enough to be unrolled. */
   UT_CHECK(unrolled[8] + unrolled[4] + unrolled[2] > n_blocks / 2);
   printf("  %d random loops from seed %llu: unrolled x8 %d, x4 %d, x2 %d, "
          "not %d; %lld runs compared\n", n_blocks, seed0, unrolled[8],
          unrolled[4], unrolled[2], unrolled[1], c.checks);
}

UNIT_TEST(random_unrolled_loops)
{
   random_unrolling(77000, 2000);
}
