/* Unit tests of VEX's IR (VEX/priv/ir_defs.c) and of VEX's small runtime
   (VEX/priv/main_util.c): the printed form compared byte for byte with
   VEX's, the op table and typing, copies, and the sanity checker's
   verdicts on good and bad blocks.  Hosted: VEX's output and failures are
   caught through the callbacks VEX is given. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libvex.h"
#include "libvex_ir.h"
#include "../../VEX/priv/main_util.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* Capturing VEX's output and failures                                */
/* ------------------------------------------------------------------ */

static char    out[1 << 16];
static size_t  out_len;
static jmp_buf fail_jmp;
static int     fail_armed;

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
   if (fail_armed)
      longjmp(fail_jmp, 1);
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

static void reset_out(void)
{
   out_len = 0;
   out[0]  = 0;
}

/* What evaluating CALL printed. */
#define PRINTED(call) (reset_out(), (call), (const char*)out)

/* Runs the sanity checker on BB: 0 if it accepts the block, 1 if it
   rejects it (then `out' holds the report). */
static int rejects(const IRSB* bb, Bool flat)
{
   reset_out();
   fail_armed = 1;
   if (setjmp(fail_jmp) != 0) {
      fail_armed = 0;
      return 1;
   }
   sanityCheckIRSB(bb, "test_ir", flat, Ity_I64);
   fail_armed = 0;
   return 0;
}

#define UT_CHECK_REJECTS(bb, flat, why)                                   \
   do {                                                                   \
      UT_CHECK(rejects((bb), (flat)) == 1);                               \
      if (strstr(out, (why)) == NULL)                                     \
         ut_report(__FILE__, __LINE__, "reason \"%s\" not in:\n%s",       \
                   (why), out);                                           \
   } while (0)

#define UT_CHECK_ACCEPTS(bb, flat)                                        \
   do {                                                                   \
      if (rejects((bb), (flat)) != 0)                                     \
         ut_report(__FILE__, __LINE__, "block rejected:\n%s", out);       \
   } while (0)

/* ------------------------------------------------------------------ */
/* Shorthands                                                         */
/* ------------------------------------------------------------------ */

static IRExpr* T(IRTemp t)       { return IRExpr_RdTmp(t); }
static IRExpr* C64(ULong v)      { return IRExpr_Const(IRConst_U64(v)); }
static IRExpr* C32(UInt v)       { return IRExpr_Const(IRConst_U32(v)); }
static IRExpr* C8(UChar v)       { return IRExpr_Const(IRConst_U8(v)); }
static IRExpr* C1(Bool v)        { return IRExpr_Const(IRConst_U1(v)); }
static IRExpr* B(IROp op, IRExpr* a, IRExpr* b) { return IRExpr_Binop(op, a, b); }
static IRExpr* U(IROp op, IRExpr* a) { return IRExpr_Unop(op, a); }

static void add(IRSB* bb, IRStmt* st) { addStmtToIRSB(bb, st); }

/* A block ending in "PUT(184) = 0x400674:I64; exit-Boring". */
static IRSB* new_block(void)
{
   IRSB* bb = emptyIRSB();
   bb->next     = C64(0x400674);
   bb->jumpkind = Ijk_Boring;
   bb->offsIP   = 184;
   return bb;
}

static UInt helper_fn(UInt x) { return x + 1; }

/* How the printer shows a callee address: as %p does here. */
static const char* addr_text(void* p)
{
   static char buf[64];
   snprintf(buf, sizeof buf, "%p", p);
   return buf;
}

/* ------------------------------------------------------------------ */
/* Printing                                                           */
/* ------------------------------------------------------------------ */

UNIT_TEST(ir_print_types)
{
   setup();
   static const struct { IRType ty; const char* name; } all[] = {
      { Ity_INVALID, "Ity_INVALID" }, { Ity_I1, "I1" }, { Ity_I8, "I8" },
      { Ity_I16, "I16" }, { Ity_I32, "I32" }, { Ity_I64, "I64" },
      { Ity_I128, "I128" }, { Ity_F16, "F16" }, { Ity_F32, "F32" },
      { Ity_F64, "F64" }, { Ity_D32, "D32" }, { Ity_D64, "D64" },
      { Ity_D128, "D128" }, { Ity_F128, "F128" }, { Ity_V128, "V128" },
      { Ity_V256, "V256" },
   };
   for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
      UT_CHECK_STREQ(PRINTED(ppIRType(all[i].ty)), all[i].name);
}

UNIT_TEST(ir_print_constants_of_every_type)
{
   setup();
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U1(True))), "1:I1");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U1(False))), "0:I1");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U8(0xAB))), "0xab:I8");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U16(0x1234))), "0x1234:I16");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U32(0))), "0x0:I32");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U32(0xFFFFFFFF))),
                  "0xffffffff:I32");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U64(0x10))), "0x10:I64");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_U64(0xFEDCBA9876543210ULL))),
                  "0xfedcba9876543210:I64");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_F32(1.0f))), "F32{0x3f800000}");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_F32i(0x7fc00000))),
                  "F32i{0x7fc00000}");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_F64(-2.0))),
                  "F64{0xc000000000000000}");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_F64i(0x3ff0000000000000ULL))),
                  "F64i{0x3ff0000000000000}");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_V128(0x00FF))), "V128{0x00ff}");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_V128(0))), "V128{0x0000}");
   UT_CHECK_STREQ(PRINTED(ppIRConst(IRConst_V256(0xFFFF))),
                  "V256{0x0000ffff}");
}

UNIT_TEST(ir_print_wrtmp_put_get)
{
   setup();
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_WrTmp(17, B(Iop_Add64, T(3),
                                                      C64(0x10))))),
                  "t17 = Add64(t3,0x10:I64)");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_Put(16, T(17)))), "PUT(16) = t17");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_WrTmp(5, IRExpr_Get(16, Ity_I64)))),
                  "t5 = GET:I64(16)");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_WrTmp(6, U(Iop_64to32, T(5))))),
                  "t6 = 64to32(t5)");
   UT_CHECK_STREQ(PRINTED(ppIRTemp(IRTemp_INVALID)), "IRTemp_INVALID");
}

UNIT_TEST(ir_print_load_store)
{
   setup();
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_WrTmp(9, IRExpr_Load(Iend_LE,
                                                  Ity_I64, T(8))))),
                  "t9 = LDle:I64(t8)");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_Store(Iend_LE, T(8), T(3)))),
                  "STle(t8) = t3");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_Store(Iend_BE, T(8), C8(7)))),
                  "STbe(t8) = 0x7:I8");
   UT_CHECK_STREQ(PRINTED(ppIRExpr(IRExpr_Load(Iend_BE, Ity_V128, T(1)))),
                  "LDbe:V128(t1)");
}

UNIT_TEST(ir_print_exit_and_imark)
{
   setup();
   /* VEX leaves a space after the closing brace. */
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_Exit(T(9), Ijk_Boring,
                                               IRConst_U64(0x401020), 184))),
                  "if (t9) { PUT(184) = 0x401020:I64; exit-Boring } ");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_Exit(T(2), Ijk_SigSEGV,
                                               IRConst_U32(0x8048000), 68))),
                  "if (t2) { PUT(68) = 0x8048000:I32; exit-SigSEGV } ");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_IMark(0x400670, 4, 0))),
                  "------ IMark(0x400670, 4, 0) ------");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_IMark(0x7fff00001235ULL, 2, 1))),
                  "------ IMark(0x7fff00001235, 2, 1) ------");
}

UNIT_TEST(ir_print_qop_triop_ite)
{
   setup();
   IRExpr* e = IRExpr_Qop(Iop_MAddF32, T(19), IRExpr_Get(320, Ity_F32),
                          IRExpr_Get(336, Ity_F32), IRExpr_Get(352, Ity_F32));
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_WrTmp(17, e))),
                  "t17 = MAddF32(t19,GET:F32(320),GET:F32(336),GET:F32(352))");
   UT_CHECK_STREQ(PRINTED(ppIRExpr(IRExpr_Triop(Iop_AddF64, C32(Irrm_NEAREST),
                                                T(1), T(2)))),
                  "AddF64(0x0:I32,t1,t2)");
   UT_CHECK_STREQ(PRINTED(ppIRExpr(IRExpr_ITE(T(1), T(2), T(3)))),
                  "ITE(t1,t2,t3)");
   UT_CHECK_STREQ(PRINTED(ppIRExpr(IRExpr_Binder(3))), "BIND-3");
   UT_CHECK_STREQ(PRINTED(ppIRExpr(IRExpr_GSPTR())), "GSPTR");
   UT_CHECK_STREQ(PRINTED(ppIRExpr(IRExpr_VECRET())), "VECRET");
}

UNIT_TEST(ir_print_ccall)
{
   setup();
   void* fn = (void*)helper_fn;
   char want[256];
   IRExpr* call = mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_condition", fn,
                                mkIRExprVec_3(C64(2), T(37), T(38)));
   snprintf(want, sizeof want,
            "amd64g_calculate_condition{%s}(0x2:I64,t37,t38):I64",
            addr_text(fn));
   UT_CHECK_STREQ(PRINTED(ppIRExpr(call)), want);

   IRExpr* call2 = mkIRExprCCall(Ity_I32, 2, "h", fn, mkIRExprVec_0());
   call2->Iex.CCall.cee->mcx_mask = 0x13;
   snprintf(want, sizeof want, "h[rp=2][mcx=0x13]{%s}():I32", addr_text(fn));
   UT_CHECK_STREQ(PRINTED(ppIRExpr(call2)), want);
}

UNIT_TEST(ir_print_dirty)
{
   setup();
   void* fn = (void*)helper_fn;
   IRDirty* d = unsafeIRDirty_1_N(5, 0, "helper", fn,
                                  mkIRExprVec_2(IRExpr_GSPTR(), T(1)));
   d->mFx   = Ifx_Modify;
   d->mAddr = T(2);
   d->mSize = 8;
   d->nFxState = 2;
   d->fxState[0].fx = Ifx_Read;  d->fxState[0].offset = 16;
   d->fxState[0].size = 8;       d->fxState[0].nRepeats = 0;
   d->fxState[0].repeatLen = 0;
   d->fxState[1].fx = Ifx_Write; d->fxState[1].offset = 32;
   d->fxState[1].size = 4;       d->fxState[1].nRepeats = 3;
   d->fxState[1].repeatLen = 8;
   char want[256];
   snprintf(want, sizeof want,
            "t5 = DIRTY 1:I1 MoFX-mem(t2,8) RdFX-gst(16,8) "
            "WrFX-gst(32,4,reps3,step8) ::: helper{%s}(GSPTR,t1)",
            addr_text(fn));
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_Dirty(d))), want);

   IRDirty* d0 = unsafeIRDirty_0_N(1, "noret", fn, mkIRExprVec_1(T(4)));
   d0->guard = T(9);
   snprintf(want, sizeof want, "DIRTY t9 ::: noret[rp=1]{%s}(t4)",
            addr_text(fn));
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_Dirty(d0))), want);
}

UNIT_TEST(ir_print_cas_llsc)
{
   setup();
   IRCAS* single = mkIRCAS(IRTemp_INVALID, 1, Iend_LE, T(2), NULL, T(3),
                           NULL, T(4));
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_CAS(single))),
                  "t1 = CASle(t2::t3->t4)");
   IRCAS* dbl = mkIRCAS(1, 2, Iend_BE, T(3), T(4), T(5), T(6), T(7));
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_CAS(dbl))),
                  "t1,t2 = CASbe(t3::t4,t5->t6,t7)");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_LLSC(Iend_LE, 3, T(1), NULL))),
                  "t3 = LDle-Linked(t1)");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_LLSC(Iend_LE, 4, T(1), T(2)))),
                  "t4 = ( STle-Cond(t1) = t2 )");
}

UNIT_TEST(ir_print_guarded_and_indexed)
{
   setup();
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_LoadG(Iend_LE, ILGop_16Uto32, 3,
                                                T(1), T(4), T(2)))),
                  "t3 = if-strict (t2) 16Uto32(LDle(t1)) else t4");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_StoreG(Iend_LE, T(1), T(3), T(2)))),
                  "if (t2) { STle(t1) = t3 }");
   IRRegArray* fpregs = mkIRRegArray(16, Ity_F64, 8);
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_PutI(mkIRPutI(fpregs, T(3), -1,
                                                        T(4))))),
                  "PUTI(16:8xF64)[t3,-1] = t4");
   UT_CHECK_STREQ(PRINTED(ppIRExpr(IRExpr_GetI(fpregs, T(3), 2))),
                  "GETI(16:8xF64)[t3,2]");
   static const struct { IRLoadGOp op; const char* name; } cvts[] = {
      { ILGop_IdentV128, "IdentV128" }, { ILGop_Ident64, "Ident64" },
      { ILGop_Ident32, "Ident32" }, { ILGop_16Uto32, "16Uto32" },
      { ILGop_16Sto32, "16Sto32" }, { ILGop_8Uto32, "8Uto32" },
      { ILGop_8Sto32, "8Sto32" },
   };
   for (size_t i = 0; i < sizeof cvts / sizeof cvts[0]; i++)
      UT_CHECK_STREQ(PRINTED(ppIRLoadGOp(cvts[i].op)), cvts[i].name);
}

UNIT_TEST(ir_print_noop_mbe_abihint)
{
   setup();
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_NoOp())), "IR-NoOp");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_MBE(Imbe_Fence))), "IR-Fence");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_MBE(Imbe_CancelReservation))),
                  "IR-CancelReservation");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(IRStmt_AbiHint(T(1), 128, C64(0x400))))
                  , "====== AbiHint(t1, 128, 0x400:I64) ======");
   UT_CHECK_STREQ(PRINTED(ppIRStmt(NULL)), "!!! IRStmt* which is NULL !!!");
}

UNIT_TEST(ir_print_jump_kinds)
{
   setup();
   static const struct { IRJumpKind jk; const char* name; } all[] = {
      { Ijk_Boring, "Boring" }, { Ijk_Call, "Call" }, { Ijk_Ret, "Return" },
      { Ijk_ClientReq, "ClientReq" }, { Ijk_Yield, "Yield" },
      { Ijk_EmWarn, "EmWarn" }, { Ijk_EmFail, "EmFail" },
      { Ijk_NoDecode, "NoDecode" }, { Ijk_MapFail, "MapFail" },
      { Ijk_InvalICache, "InvalICache" }, { Ijk_FlushDCache, "FlushDCache" },
      { Ijk_NoRedir, "NoRedir" }, { Ijk_SigILL, "SigILL" },
      { Ijk_SigTRAP, "SigTRAP" }, { Ijk_SigSEGV, "SigSEGV" },
      { Ijk_SigBUS, "SigBUS" }, { Ijk_SigFPE_IntDiv, "SigFPE_IntDiv" },
      { Ijk_SigFPE_IntOvf, "SigFPE_IntOvf" },
      { Ijk_Sys_syscall, "Sys_syscall" }, { Ijk_Sys_int32, "Sys_int32" },
      { Ijk_Sys_int128, "Sys_int128" }, { Ijk_Sys_int129, "Sys_int129" },
      { Ijk_Sys_int130, "Sys_int130" }, { Ijk_Sys_int145, "Sys_int145" },
      { Ijk_Sys_int210, "Sys_int210" }, { Ijk_Sys_sysenter, "Sys_sysenter" },
   };
   for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
      UT_CHECK_STREQ(PRINTED(ppIRJumpKind(all[i].jk)), all[i].name);
   UT_CHECK_EQ(sizeof all / sizeof all[0], Ijk_Sys_sysenter - Ijk_INVALID);
}

UNIT_TEST(ir_print_whole_superblock)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t0 = newIRTemp(bb->tyenv, Ity_I64);
   IRTemp t1 = newIRTemp(bb->tyenv, Ity_I64);
   IRTemp t2 = newIRTemp(bb->tyenv, Ity_I1);
   IRTemp t3 = newIRTemp(bb->tyenv, Ity_I32);
   add(bb, IRStmt_IMark(0x400670, 4, 0));
   add(bb, IRStmt_WrTmp(t0, IRExpr_Get(16, Ity_I64)));
   add(bb, IRStmt_WrTmp(t1, B(Iop_Add64, T(t0), C64(0x10))));
   add(bb, IRStmt_Put(16, T(t1)));
   add(bb, IRStmt_WrTmp(t3, IRExpr_Load(Iend_LE, Ity_I32, T(t1))));
   add(bb, IRStmt_Store(Iend_LE, T(t0), T(t3)));
   add(bb, IRStmt_WrTmp(t2, B(Iop_CmpEQ64, T(t1), C64(0))));
   add(bb, IRStmt_Exit(T(t2), Ijk_Boring, IRConst_U64(0x401020), 184));
   const char* want =
      "IRSB {\n"
      "   t0:I64   t1:I64   t2:I1   t3:I32   \n"
      "\n"
      "   ------ IMark(0x400670, 4, 0) ------\n"
      "   t0 = GET:I64(16)\n"
      "   t1 = Add64(t0,0x10:I64)\n"
      "   PUT(16) = t1\n"
      "   t3 = LDle:I32(t1)\n"
      "   STle(t0) = t3\n"
      "   t2 = CmpEQ64(t1,0x0:I64)\n"
      "   if (t2) { PUT(184) = 0x401020:I64; exit-Boring } \n"
      "   PUT(184) = 0x400674:I64; exit-Boring\n"
      "}\n";
   UT_CHECK_STREQ(PRINTED(ppIRSB(bb)), want);
   UT_CHECK_ACCEPTS(bb, True);

   bb->jumpkind = Ijk_Ret;
   bb->next     = T(t0);
   const char* tail = "   PUT(184) = t0; exit-Return\n}\n";
   const char* got  = PRINTED(ppIRSB(bb));
   UT_CHECK(strlen(got) > strlen(tail)
            && strcmp(got + strlen(got) - strlen(tail), tail) == 0);
}

UNIT_TEST(ir_print_type_env_line_breaks)
{
   setup();
   /* Eight temps to a line.  VEX adds a final newline unless the count is
      7 mod 8, and we print what VEX prints. */
   IRTypeEnv* env = emptyIRTypeEnv();
   for (int i = 0; i < 7; i++)
      newIRTemp(env, Ity_I8);
   UT_CHECK_STREQ(PRINTED(ppIRTypeEnv(env)),
                  "   t0:I8   t1:I8   t2:I8   t3:I8   t4:I8   t5:I8   t6:I8   ");
   newIRTemp(env, Ity_I16);
   UT_CHECK_STREQ(PRINTED(ppIRTypeEnv(env)),
                  "   t0:I8   t1:I8   t2:I8   t3:I8   t4:I8   t5:I8   t6:I8   "
                  "t7:I16\n\n");
   newIRTemp(env, Ity_V128);
   UT_CHECK_STREQ(PRINTED(ppIRTypeEnv(env)),
                  "   t0:I8   t1:I8   t2:I8   t3:I8   t4:I8   t5:I8   t6:I8   "
                  "t7:I16\n   t8:V128   \n");
   UT_CHECK_STREQ(PRINTED(ppIRTypeEnv(emptyIRTypeEnv())), "");
}

/* ------------------------------------------------------------------ */
/* The op table                                                       */
/* ------------------------------------------------------------------ */

UNIT_TEST(ir_op_names)
{
   setup();
   static const struct { IROp op; const char* name; } some[] = {
      { Iop_Add8, "Add8" }, { Iop_Add64, "Add64" }, { Iop_Sar16, "Sar16" },
      { Iop_CmpNE32, "CmpNE32" }, { Iop_Not64, "Not64" },
      { Iop_CasCmpEQ8, "CasCmpEQ8" }, { Iop_ExpCmpNE64, "ExpCmpNE64" },
      { Iop_MullU64, "MullU64" }, { Iop_PopCount32, "PopCount32" },
      { Iop_CmpLE64U, "CmpLE64U" }, { Iop_CmpwNEZ64, "CmpwNEZ64" },
      { Iop_DivModU128to64, "DivModU128to64" }, { Iop_8Uto16, "8Uto16" },
      { Iop_32Sto64, "32Sto64" }, { Iop_64HIto32, "64HIto32" },
      { Iop_64HLto128, "64HLto128" }, { Iop_1Sto64, "1Sto64" },
      { Iop_64to1, "64to1" }, { Iop_2xm1F64, "2xm1F64" },
      { Iop_PRem1C3210F64, "PRem1C3210F64" }, { Iop_MSubF64, "MSubF64" },
      { Iop_F64toI32U, "F64toI32U" }, { Iop_ReinterpI64asF64,
                                          "ReinterpI64asF64" },
      { Iop_QNarrowBin16Sto8Ux8, "QNarrowBin16Sto8Ux8" },
      { Iop_CmpUN64F0x2, "CmpUN64F0x2" }, { Iop_64HLtoV128, "64HLtoV128" },
      { Iop_V128HIto64, "V128HIto64" }, { Iop_InterleaveLO64x2,
                                           "InterleaveLO64x2" },
      { Iop_PermOrZero8x16, "PermOrZero8x16" },
      { Iop_V128HLtoV256, "V128HLtoV256" }, { Iop_64x4toV256, "64x4toV256" },
   };
   for (size_t i = 0; i < sizeof some / sizeof some[0]; i++) {
      UT_CHECK_STREQ(PRINTED(ppIROp(some[i].op)), some[i].name);
      UT_CHECK_STREQ(nameOfIROp(some[i].op), some[i].name);
   }
   /* Sized integer families are contiguous, 8 to 64, as in VEX. */
   UT_CHECK_EQ(Iop_Add64 - Iop_Add8, 3);
   UT_CHECK_EQ(Iop_Sar64 - Iop_Sar8, 3);
   UT_CHECK_EQ(Iop_CmpNE64 - Iop_CmpNE8, 3);
   UT_CHECK_EQ(Iop_Not64 - Iop_Not8, 3);
}

UNIT_TEST(ir_op_table_is_consistent)
{
   setup();
   int n = 0;
   for (IROp op = Iop_INVALID + 1; op < Iop_LAST; op++, n++) {
      UT_CHECK(isValidIROp(op));
      const char* name = nameOfIROp(op);
      UT_CHECK(name != NULL && name[0] != 0);
      IRType r, a[4];
      typeOfPrimop(op, &r, &a[0], &a[1], &a[2], &a[3]);
      int arity = arityOfIROp(op);
      UT_CHECK(arity >= 1 && arity <= 4);
      UT_CHECK(isPlausibleIRType(r) && r != Ity_INVALID);
      for (int i = 0; i < 4; i++) {
         if (i < arity)
            UT_CHECK(isPlausibleIRType(a[i]) && a[i] != Ity_INVALID);
         else
            UT_CHECK_EQ(a[i], Ity_INVALID);
      }
      for (IROp other = Iop_INVALID + 1; other < op; other++)
         if (strcmp(nameOfIROp(other), name) == 0)
            ut_report(__FILE__, __LINE__, "duplicate op name %s", name);
   }
   UT_CHECK(n > 450);
   UT_CHECK(!isValidIROp(Iop_INVALID));
   UT_CHECK(!isValidIROp(Iop_LAST));
}

static void check_sig(const char* file, int line, IROp op, IRType r,
                      IRType a1, IRType a2, IRType a3, IRType a4)
{
   IRType gr, g1, g2, g3, g4;
   typeOfPrimop(op, &gr, &g1, &g2, &g3, &g4);
   if (gr != r || g1 != a1 || g2 != a2 || g3 != a3 || g4 != a4)
      ut_report(file, line, "signature of %s is wrong", nameOfIROp(op));
}
#define SIG(op, r, a1, a2, a3, a4) \
   check_sig(__FILE__, __LINE__, op, r, a1, a2, a3, a4)
#define NO Ity_INVALID

UNIT_TEST(ir_typeofprimop_integer)
{
   setup();
   SIG(Iop_Add8, Ity_I8, Ity_I8, Ity_I8, NO, NO);
   SIG(Iop_Xor32, Ity_I32, Ity_I32, Ity_I32, NO, NO);
   SIG(Iop_Shl64, Ity_I64, Ity_I64, Ity_I8, NO, NO);
   SIG(Iop_Sar16, Ity_I16, Ity_I16, Ity_I8, NO, NO);
   SIG(Iop_CmpEQ64, Ity_I1, Ity_I64, Ity_I64, NO, NO);
   SIG(Iop_CasCmpNE16, Ity_I1, Ity_I16, Ity_I16, NO, NO);
   SIG(Iop_CmpLT32S, Ity_I1, Ity_I32, Ity_I32, NO, NO);
   SIG(Iop_CmpNEZ8, Ity_I1, Ity_I8, NO, NO, NO);
   SIG(Iop_CmpwNEZ32, Ity_I32, Ity_I32, NO, NO, NO);
   SIG(Iop_Left64, Ity_I64, Ity_I64, NO, NO, NO);
   SIG(Iop_Not1, Ity_I1, Ity_I1, NO, NO, NO);
   SIG(Iop_MullS32, Ity_I64, Ity_I32, Ity_I32, NO, NO);
   SIG(Iop_MullU64, Ity_I128, Ity_I64, Ity_I64, NO, NO);
   SIG(Iop_DivModU64to32, Ity_I64, Ity_I64, Ity_I32, NO, NO);
   SIG(Iop_DivModS128to64, Ity_I128, Ity_I128, Ity_I64, NO, NO);
   SIG(Iop_DivS64, Ity_I64, Ity_I64, Ity_I64, NO, NO);
   SIG(Iop_Clz64, Ity_I64, Ity_I64, NO, NO, NO);
   SIG(Iop_PopCount64, Ity_I64, Ity_I64, NO, NO, NO);
   SIG(Iop_8Sto64, Ity_I64, Ity_I8, NO, NO, NO);
   SIG(Iop_16Uto32, Ity_I32, Ity_I16, NO, NO, NO);
   SIG(Iop_64to8, Ity_I8, Ity_I64, NO, NO, NO);
   SIG(Iop_128HIto64, Ity_I64, Ity_I128, NO, NO, NO);
   SIG(Iop_32HLto64, Ity_I64, Ity_I32, Ity_I32, NO, NO);
   SIG(Iop_1Uto8, Ity_I8, Ity_I1, NO, NO, NO);
   SIG(Iop_32to1, Ity_I1, Ity_I32, NO, NO, NO);
}

UNIT_TEST(ir_typeofprimop_floating_point)
{
   setup();
   SIG(Iop_AddF64, Ity_F64, Ity_I32, Ity_F64, Ity_F64, NO);
   SIG(Iop_DivF32, Ity_F32, Ity_I32, Ity_F32, Ity_F32, NO);
   SIG(Iop_MAddF64, Ity_F64, Ity_I32, Ity_F64, Ity_F64, Ity_F64);
   SIG(Iop_MSubF32, Ity_F32, Ity_I32, Ity_F32, Ity_F32, Ity_F32);
   SIG(Iop_SqrtF64, Ity_F64, Ity_I32, Ity_F64, NO, NO);
   SIG(Iop_NegF32, Ity_F32, Ity_F32, NO, NO, NO);
   SIG(Iop_CmpF64, Ity_I32, Ity_F64, Ity_F64, NO, NO);
   SIG(Iop_F64toI16S, Ity_I16, Ity_I32, Ity_F64, NO, NO);
   SIG(Iop_F64toI64U, Ity_I64, Ity_I32, Ity_F64, NO, NO);
   SIG(Iop_I32StoF64, Ity_F64, Ity_I32, NO, NO, NO);
   SIG(Iop_I64StoF64, Ity_F64, Ity_I32, Ity_I64, NO, NO);
   SIG(Iop_F32toF64, Ity_F64, Ity_F32, NO, NO, NO);
   SIG(Iop_F64toF32, Ity_F32, Ity_I32, Ity_F64, NO, NO);
   SIG(Iop_ReinterpF32asI32, Ity_I32, Ity_F32, NO, NO, NO);
   SIG(Iop_RoundF64toInt, Ity_F64, Ity_I32, Ity_F64, NO, NO);
   SIG(Iop_PRemC3210F64, Ity_I32, Ity_I32, Ity_F64, Ity_F64, NO);
   SIG(Iop_SinF64, Ity_F64, Ity_I32, Ity_F64, NO, NO);
   SIG(Iop_AddF128, Ity_F128, Ity_I32, Ity_F128, Ity_F128, NO);
   UT_CHECK_EQ(Ircr_UN, 0x45);
   UT_CHECK_EQ(Ircr_LT, 0x01);
   UT_CHECK_EQ(Ircr_GT, 0x00);
   UT_CHECK_EQ(Ircr_EQ, 0x40);
   UT_CHECK_EQ(Irrm_ZERO, 3);
}

UNIT_TEST(ir_typeofprimop_simd)
{
   setup();
   SIG(Iop_Add8x8, Ity_I64, Ity_I64, Ity_I64, NO, NO);
   SIG(Iop_ShlN16x4, Ity_I64, Ity_I64, Ity_I8, NO, NO);
   SIG(Iop_GetMSBs8x8, Ity_I8, Ity_I64, NO, NO, NO);
   SIG(Iop_Add32Fx4, Ity_V128, Ity_I32, Ity_V128, Ity_V128, NO);
   SIG(Iop_Max64Fx2, Ity_V128, Ity_V128, Ity_V128, NO, NO);
   SIG(Iop_CmpLT32F0x4, Ity_V128, Ity_V128, Ity_V128, NO, NO);
   SIG(Iop_Sqrt64Fx2, Ity_V128, Ity_I32, Ity_V128, NO, NO);
   SIG(Iop_RSqrtEst32Fx4, Ity_V128, Ity_V128, NO, NO, NO);
   SIG(Iop_I32StoF32x4, Ity_V128, Ity_I32, Ity_V128, NO, NO);
   SIG(Iop_QAdd16Sx8, Ity_V128, Ity_V128, Ity_V128, NO, NO);
   SIG(Iop_MullEven32Ux4, Ity_V128, Ity_V128, Ity_V128, NO, NO);
   SIG(Iop_SarN32x4, Ity_V128, Ity_V128, Ity_I8, NO, NO);
   SIG(Iop_ShrV128, Ity_V128, Ity_V128, Ity_I8, NO, NO);
   SIG(Iop_QNarrowBin32Sto16Ux8, Ity_V128, Ity_V128, Ity_V128, NO, NO);
   SIG(Iop_Dup16x8, Ity_V128, Ity_I16, NO, NO, NO);
   SIG(Iop_SetV128lo32, Ity_V128, Ity_V128, Ity_I32, NO, NO);
   SIG(Iop_V128to64, Ity_I64, Ity_V128, NO, NO, NO);
   SIG(Iop_64HLtoV128, Ity_V128, Ity_I64, Ity_I64, NO, NO);
   SIG(Iop_32UtoV128, Ity_V128, Ity_I32, NO, NO, NO);
   SIG(Iop_GetMSBs8x16, Ity_I16, Ity_V128, NO, NO, NO);
   SIG(Iop_SliceV128, Ity_V128, Ity_V128, Ity_V128, Ity_I8, NO);
   SIG(Iop_CmpNEZ64x2, Ity_V128, Ity_V128, NO, NO, NO);
   SIG(Iop_V256toV128_1, Ity_V128, Ity_V256, NO, NO, NO);
   SIG(Iop_64x4toV256, Ity_V256, Ity_I64, Ity_I64, Ity_I64, Ity_I64);
   SIG(Iop_XorV256, Ity_V256, Ity_V256, Ity_V256, NO, NO);
}

/* ------------------------------------------------------------------ */
/* Types, copies, helpers                                             */
/* ------------------------------------------------------------------ */

UNIT_TEST(ir_type_queries)
{
   setup();
   IRTypeEnv* env = emptyIRTypeEnv();
   IRTemp t0 = newIRTemp(env, Ity_I64);
   IRTemp t1 = newIRTemp(env, Ity_I1);
   IRTemp t2 = newIRTemp(env, Ity_F32);
   UT_CHECK_EQ(typeOfIRTemp(env, t1), Ity_I1);
   UT_CHECK_EQ(typeOfIRExpr(env, T(t0)), Ity_I64);
   UT_CHECK_EQ(typeOfIRExpr(env, IRExpr_Get(8, Ity_I16)), Ity_I16);
   UT_CHECK_EQ(typeOfIRExpr(env, IRExpr_GetI(mkIRRegArray(16, Ity_F64, 8),
                                             C32(0), 0)), Ity_F64);
   UT_CHECK_EQ(typeOfIRExpr(env, C8(1)), Ity_I8);
   UT_CHECK_EQ(typeOfIRExpr(env, B(Iop_CmpEQ64, T(t0), T(t0))), Ity_I1);
   UT_CHECK_EQ(typeOfIRExpr(env, U(Iop_ReinterpF32asI32, T(t2))), Ity_I32);
   UT_CHECK_EQ(typeOfIRExpr(env, IRExpr_Triop(Iop_MulF64, C32(0), T(t0),
                                              T(t0))), Ity_F64);
   UT_CHECK_EQ(typeOfIRExpr(env, IRExpr_Load(Iend_LE, Ity_V128, T(t0))),
               Ity_V128);
   UT_CHECK_EQ(typeOfIRExpr(env, IRExpr_ITE(T(t1), C32(1), C32(2))), Ity_I32);
   UT_CHECK_EQ(typeOfIRExpr(env, mkIRExprCCall(Ity_I64, 0, "f",
                                               (void*)helper_fn,
                                               mkIRExprVec_0())), Ity_I64);
   UT_CHECK_EQ(typeOfIRConst(IRConst_F64i(0)), Ity_F64);
   UT_CHECK_EQ(typeOfIRConst(IRConst_V256(0)), Ity_V256);
   UT_CHECK_EQ(sizeofIRType(Ity_I8), 1);
   UT_CHECK_EQ(sizeofIRType(Ity_I128), 16);
   UT_CHECK_EQ(sizeofIRType(Ity_V256), 32);
   UT_CHECK_EQ(sizeofIRType(Ity_F16), 2);
   UT_CHECK_EQ(integerIRTypeOfSize(4), Ity_I32);
   UT_CHECK_EQ(integerIRTypeOfSize(8), Ity_I64);
   UT_CHECK(isPlausibleIRType(Ity_V256));
   UT_CHECK(!isPlausibleIRType((IRType)0x1234));
   IRType res, arg;
   typeOfIRLoadGOp(ILGop_8Sto32, &res, &arg);
   UT_CHECK(res == Ity_I32 && arg == Ity_I8);
}

UNIT_TEST(ir_atoms_and_equality)
{
   setup();
   UT_CHECK(isIRAtom(T(3)));
   UT_CHECK(isIRAtom(C64(3)));
   UT_CHECK(!isIRAtom(IRExpr_Get(0, Ity_I64)));
   UT_CHECK(!isIRAtom(B(Iop_Add64, T(1), T(2))));
   UT_CHECK(eqIRAtom(T(3), T(3)));
   UT_CHECK(!eqIRAtom(T(3), T(4)));
   UT_CHECK(eqIRAtom(C64(7), C64(7)));
   UT_CHECK(!eqIRAtom(C64(7), C32(7)));
   UT_CHECK(!eqIRAtom(T(7), C64(7)));
   UT_CHECK(eqIRConst(IRConst_F64(0.5), IRConst_F64(0.5)));
   UT_CHECK(!eqIRConst(IRConst_F64(0.0), IRConst_F64(-0.0)));
   UT_CHECK(eqIRRegArray(mkIRRegArray(16, Ity_F64, 8),
                         mkIRRegArray(16, Ity_F64, 8)));
   UT_CHECK(!eqIRRegArray(mkIRRegArray(16, Ity_F64, 8),
                          mkIRRegArray(16, Ity_I64, 8)));
   IRExpr* h = mkIRExpr_HWord((HWord)0x1234);
   UT_CHECK(h->tag == Iex_Const
            && typeOfIRConst(h->Iex.Const.con) == (sizeof(HWord) == 8
                                                   ? Ity_I64 : Ity_I32));
}

/* A flat, well-typed block using every statement kind and every
   expression kind (amd64: the guest word is I64). */
static IRSB* every_kind_block(void)
{
   void* fn = (void*)helper_fn;
   IRSB* bb = new_block();
   IRTypeEnv* te = bb->tyenv;
   IRTemp a    = newIRTemp(te, Ity_I64);    /* an address */
   IRTemp w    = newIRTemp(te, Ity_I32);
   IRTemp g    = newIRTemp(te, Ity_I1);
   IRTemp x    = newIRTemp(te, Ity_I64);
   IRTemp fpv  = newIRTemp(te, Ity_F64);
   IRTemp lg   = newIRTemp(te, Ity_I32);
   IRTemp old  = newIRTemp(te, Ity_I64);
   IRTemp oh   = newIRTemp(te, Ity_I32);
   IRTemp ol   = newIRTemp(te, Ity_I32);
   IRTemp ll   = newIRTemp(te, Ity_I64);
   IRTemp sc   = newIRTemp(te, Ity_I1);
   IRTemp dres = newIRTemp(te, Ity_I64);
   IRTemp vres = newIRTemp(te, Ity_V128);
   IRTemp q    = newIRTemp(te, Ity_F32);
   IRTemp ite  = newIRTemp(te, Ity_I64);
   IRTemp cc   = newIRTemp(te, Ity_I64);
   IRTemp gi   = newIRTemp(te, Ity_F64);
   IRRegArray* fpregs = mkIRRegArray(16, Ity_F64, 8);

   add(bb, IRStmt_IMark(0x400670, 4, 0));
   add(bb, IRStmt_NoOp());
   add(bb, IRStmt_WrTmp(a, IRExpr_Get(32, Ity_I64)));
   add(bb, IRStmt_WrTmp(w, U(Iop_64to32, T(a))));
   add(bb, IRStmt_WrTmp(g, B(Iop_CmpNE32, T(w), C32(0))));
   add(bb, IRStmt_WrTmp(x, IRExpr_Load(Iend_LE, Ity_I64, T(a))));
   add(bb, IRStmt_WrTmp(fpv, IRExpr_Triop(Iop_AddF64, C32(Irrm_NEAREST),
                                          IRExpr_Const(IRConst_F64(1.0)),
                                          IRExpr_Const(IRConst_F64i(0)))));
   add(bb, IRStmt_WrTmp(q, IRExpr_Qop(Iop_MAddF32, C32(Irrm_ZERO),
                                      IRExpr_Const(IRConst_F32(2.0f)),
                                      IRExpr_Const(IRConst_F32i(0)),
                                      IRExpr_Const(IRConst_F32(1.0f)))));
   add(bb, IRStmt_WrTmp(ite, IRExpr_ITE(T(g), T(a), T(x))));
   add(bb, IRStmt_WrTmp(cc, mkIRExprCCall(Ity_I64, 0, "clean", fn,
                                          mkIRExprVec_2(T(a), C64(1)))));
   add(bb, IRStmt_WrTmp(gi, IRExpr_GetI(fpregs, T(w), 1)));
   add(bb, IRStmt_AbiHint(T(a), 128, C64(0x400700)));
   add(bb, IRStmt_Put(40, T(x)));
   add(bb, IRStmt_PutI(mkIRPutI(fpregs, T(w), 0, T(fpv))));
   add(bb, IRStmt_Store(Iend_LE, T(a), T(w)));
   add(bb, IRStmt_LoadG(Iend_LE, ILGop_16Sto32, lg, T(a), C32(0), T(g)));
   add(bb, IRStmt_StoreG(Iend_LE, T(a), T(lg), T(g)));
   add(bb, IRStmt_CAS(mkIRCAS(IRTemp_INVALID, old, Iend_LE, T(a), NULL,
                              T(x), NULL, C64(5))));
   add(bb, IRStmt_CAS(mkIRCAS(oh, ol, Iend_LE, T(a), C32(1), T(w),
                              C32(2), C32(3))));
   add(bb, IRStmt_LLSC(Iend_LE, ll, T(a), NULL));
   add(bb, IRStmt_LLSC(Iend_LE, sc, T(a), T(ll)));
   IRDirty* d = unsafeIRDirty_1_N(dres, 0, "dirty", fn,
                                  mkIRExprVec_2(IRExpr_GSPTR(), T(x)));
   d->nFxState = 1;
   d->fxState[0].fx = Ifx_Read;
   d->fxState[0].offset = 16;
   d->fxState[0].size = 8;
   d->fxState[0].nRepeats = 0;
   d->fxState[0].repeatLen = 0;
   d->mFx = Ifx_Write;
   d->mAddr = T(a);
   d->mSize = 16;
   add(bb, IRStmt_Dirty(d));
   add(bb, IRStmt_Dirty(unsafeIRDirty_1_N(vres, 0, "vecdirty", fn,
                                          mkIRExprVec_1(IRExpr_VECRET()))));
   add(bb, IRStmt_MBE(Imbe_Fence));
   add(bb, IRStmt_Exit(T(g), Ijk_Boring, IRConst_U64(0x401020), 184));
   add(bb, IRStmt_Put(48, T(cc)));
   add(bb, IRStmt_Put(56, T(ite)));
   add(bb, IRStmt_Put(64, T(q)));
   add(bb, IRStmt_Put(72, T(gi)));
   add(bb, IRStmt_Put(80, T(vres)));
   return bb;
}

UNIT_TEST(ir_deep_copy_is_equal_and_independent)
{
   setup();
   IRSB* bb = every_kind_block();
   char original[8192];
   snprintf(original, sizeof original, "%s", PRINTED(ppIRSB(bb)));
   IRSB* copy = deepCopyIRSB(bb);
   UT_CHECK_STREQ(PRINTED(ppIRSB(copy)), original);
   UT_CHECK(copy->stmts != bb->stmts && copy->tyenv != bb->tyenv);
   UT_CHECK(copy->stmts[2] != bb->stmts[2]);
   /* Changing the copy leaves the original alone. */
   copy->stmts[2]->Ist.WrTmp.data->Iex.Get.offset = 99;
   newIRTemp(copy->tyenv, Ity_I8);
   addStmtToIRSB(copy, IRStmt_NoOp());
   UT_CHECK_STREQ(PRINTED(ppIRSB(bb)), original);
   UT_CHECK_ACCEPTS(copy, True);

   IRSB* shell = deepCopyIRSBExceptStmts(bb);
   UT_CHECK_EQ(shell->stmts_used, 0);
   UT_CHECK_EQ(shell->tyenv->types_used, bb->tyenv->types_used);
   UT_CHECK_EQ(shell->offsIP, 184);
}

UNIT_TEST(ir_temps_and_statements_grow)
{
   setup();
   IRSB* bb = new_block();
   IRTemp prev = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_WrTmp(prev, C64(0)));
   for (int i = 0; i < 1000; i++) {
      IRTemp t = newIRTemp(bb->tyenv, Ity_I64);
      UT_CHECK_EQ(t, (IRTemp)(i + 1));
      add(bb, IRStmt_WrTmp(t, B(Iop_Add64, T(prev), C64(1))));
      prev = t;
   }
   UT_CHECK_EQ(bb->stmts_used, 1001);
   UT_CHECK(bb->stmts_size >= 1001);
   UT_CHECK_EQ(bb->tyenv->types_used, 1001);
   UT_CHECK_EQ(typeOfIRTemp(bb->tyenv, 1000), Ity_I64);
   UT_CHECK_ACCEPTS(bb, True);
}

/* ------------------------------------------------------------------ */
/* The sanity checker                                                 */
/* ------------------------------------------------------------------ */

UNIT_TEST(ir_sanity_accepts_every_kind)
{
   setup();
   IRSB* bb = every_kind_block();
   UT_CHECK_ACCEPTS(bb, True);
   UT_CHECK_ACCEPTS(bb, False);
   for (int i = 0; i < bb->stmts_used; i++)
      UT_CHECK(isFlatIRStmt(bb->stmts[i]));
}

UNIT_TEST(ir_sanity_accepts_nested_when_flatness_not_required)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t0 = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_WrTmp(t0, B(Iop_Add64, IRExpr_Get(16, Ity_I64),
                              U(Iop_32Uto64, C32(4)))));
   add(bb, IRStmt_Put(16, B(Iop_Sub64, T(t0), C64(8))));
   bb->next = B(Iop_And64, T(t0), C64(~0xFULL));
   UT_CHECK_ACCEPTS(bb, False);
   UT_CHECK_REJECTS(bb, True, "not flat");
   UT_CHECK(!isFlatIRStmt(bb->stmts[0]));
}

UNIT_TEST(ir_sanity_rejects_wrong_argument_type)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t0 = newIRTemp(bb->tyenv, Ity_I64);
   IRTemp t1 = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_WrTmp(t0, IRExpr_Get(16, Ity_I64)));
   add(bb, IRStmt_WrTmp(t1, B(Iop_Add64, T(t0), C32(1))));
   UT_CHECK_REJECTS(bb, True,
                    "Binop: Add64 wants (I64,I64) but the arguments are "
                    "(I64,I32)");
}

UNIT_TEST(ir_sanity_rejects_wrong_arity_and_bad_shift_amount)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t0 = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_WrTmp(t0, U(Iop_Add64, C64(1))));
   UT_CHECK_REJECTS(bb, True, "Add64 takes 2 argument(s), not 1");

   IRSB* bb2 = new_block();
   IRTemp s = newIRTemp(bb2->tyenv, Ity_I64);
   add(bb2, IRStmt_WrTmp(s, B(Iop_Shl64, C64(1), C64(3))));
   UT_CHECK_REJECTS(bb2, True, "Shl64 wants (I64,I8)");
}

UNIT_TEST(ir_sanity_rejects_temp_assigned_twice)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t0 = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_WrTmp(t0, C64(1)));
   add(bb, IRStmt_WrTmp(t0, C64(2)));
   UT_CHECK_REJECTS(bb, True, "temporary t0 is assigned more than once");
   UT_CHECK(strstr(out, "IN STATEMENT:\n\nt0 = 0x2:I64") != NULL);
}

UNIT_TEST(ir_sanity_rejects_use_before_def_and_out_of_range)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t0 = newIRTemp(bb->tyenv, Ity_I64);
   IRTemp t1 = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_WrTmp(t0, B(Iop_Add64, T(t1), C64(1))));
   add(bb, IRStmt_WrTmp(t1, C64(2)));
   UT_CHECK_REJECTS(bb, True, "temporary t1 is used before it is assigned");

   IRSB* bb2 = new_block();
   IRTemp u = newIRTemp(bb2->tyenv, Ity_I64);
   add(bb2, IRStmt_WrTmp(u, T(7)));
   UT_CHECK_REJECTS(bb2, True, "temporary t7 is out of range");

   /* A temp may not be used by the statement that defines it. */
   IRSB* bb3 = new_block();
   IRTemp v = newIRTemp(bb3->tyenv, Ity_I64);
   add(bb3, IRStmt_WrTmp(v, B(Iop_Add64, T(v), C64(1))));
   UT_CHECK_REJECTS(bb3, True, "temporary t0 is used before it is assigned");
}

UNIT_TEST(ir_sanity_rejects_non_flat_statements)
{
   setup();
   IRSB* bb = new_block();
   add(bb, IRStmt_Put(16, B(Iop_Add64, C64(1), C64(2))));
   UT_CHECK_REJECTS(bb, True, "statement is not flat");
   UT_CHECK_ACCEPTS(bb, False);

   IRSB* bb2 = new_block();
   IRTemp t = newIRTemp(bb2->tyenv, Ity_I64);
   add(bb2, IRStmt_WrTmp(t, B(Iop_Add64, IRExpr_Get(16, Ity_I64), C64(2))));
   UT_CHECK_REJECTS(bb2, True, "statement is not flat");

   IRSB* bb3 = new_block();
   bb3->next = IRExpr_Get(184, Ity_I64);
   UT_CHECK_REJECTS(bb3, True, "next is not an atom");
}

UNIT_TEST(ir_sanity_rejects_guards_not_i1)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t = newIRTemp(bb->tyenv, Ity_I32);
   add(bb, IRStmt_WrTmp(t, C32(1)));
   add(bb, IRStmt_Exit(T(t), Ijk_Boring, IRConst_U64(0x401020), 184));
   UT_CHECK_REJECTS(bb, True, "Exit: guard is not :: I1");

   IRSB* bb2 = new_block();
   IRTemp a = newIRTemp(bb2->tyenv, Ity_I64);
   add(bb2, IRStmt_WrTmp(a, C64(0x1000)));
   add(bb2, IRStmt_StoreG(Iend_LE, T(a), C32(1), C8(1)));
   UT_CHECK_REJECTS(bb2, True, "StoreG: guard is not :: I1");

   IRSB* bb3 = new_block();
   add(bb3, IRStmt_Exit(C1(True), Ijk_Boring, IRConst_U32(0x401020), 184));
   UT_CHECK_REJECTS(bb3, True,
                    "Exit: destination is not of the guest word type");
}

UNIT_TEST(ir_sanity_rejects_ite_mismatch)
{
   setup();
   IRSB* bb = new_block();
   IRTemp c = newIRTemp(bb->tyenv, Ity_I1);
   IRTemp r = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_WrTmp(c, C1(True)));
   add(bb, IRStmt_WrTmp(r, IRExpr_ITE(T(c), C64(1), C32(2))));
   UT_CHECK_REJECTS(bb, True, "ITE: the arms differ in type (I64 vs I32)");

   IRSB* bb2 = new_block();
   IRTemp r2 = newIRTemp(bb2->tyenv, Ity_I64);
   add(bb2, IRStmt_WrTmp(r2, IRExpr_ITE(C8(1), C64(1), C64(2))));
   UT_CHECK_REJECTS(bb2, True, "ITE: condition is not :: I1");
}

UNIT_TEST(ir_sanity_rejects_ill_typed_put_store_and_wrtmp)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t = newIRTemp(bb->tyenv, Ity_I32);
   add(bb, IRStmt_WrTmp(t, C32(3)));
   add(bb, IRStmt_Put(16, B(Iop_Add64, T(t), T(t))));
   UT_CHECK_REJECTS(bb, False, "Add64 wants (I64,I64)");

   IRSB* bb2 = new_block();
   add(bb2, IRStmt_Put(16, C1(True)));
   UT_CHECK_REJECTS(bb2, True, "Put: cannot write an I1");

   IRSB* bb3 = new_block();
   add(bb3, IRStmt_Store(Iend_LE, C32(0x1000), C64(1)));
   UT_CHECK_REJECTS(bb3, True, "Store: address is not :: I64");

   IRSB* bb4 = new_block();
   IRTemp w = newIRTemp(bb4->tyenv, Ity_I32);
   add(bb4, IRStmt_WrTmp(w, C64(1)));
   UT_CHECK_REJECTS(bb4, True, "WrTmp: t0 :: I32 is assigned a value :: I64");
}

UNIT_TEST(ir_sanity_rejects_bad_cas_loadg_dirty)
{
   setup();
   IRSB* bb = new_block();
   IRTemp old = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_CAS(mkIRCAS(IRTemp_INVALID, old, Iend_LE, C64(0x1000),
                              NULL, C64(1), NULL, C32(2))));
   UT_CHECK_REJECTS(bb, True, "CAS: expected and new values differ in type");

   IRSB* bb2 = new_block();
   IRTemp o2 = newIRTemp(bb2->tyenv, Ity_I32);
   add(bb2, IRStmt_CAS(mkIRCAS(IRTemp_INVALID, o2, Iend_LE, C64(0x1000),
                               C32(1), C32(1), NULL, C32(2))));
   UT_CHECK_REJECTS(bb2, True, "CAS: neither a single nor a double CAS");

   IRSB* bb3 = new_block();
   IRTemp d3 = newIRTemp(bb3->tyenv, Ity_I64);
   add(bb3, IRStmt_LoadG(Iend_LE, ILGop_Ident32, d3, C64(0x1000), C64(0),
                         C1(True)));
   UT_CHECK_REJECTS(bb3, True,
                    "LoadG: conversion result and destination differ");

   IRSB* bb4 = new_block();
   IRDirty* d = unsafeIRDirty_0_N(0, "dirty", (void*)helper_fn,
                                  mkIRExprVec_1(IRExpr_GSPTR()));
   add(bb4, IRStmt_Dirty(d));
   UT_CHECK_REJECTS(bb4, True, "GSPTR argument but no guest state effects");

   IRSB* bb5 = new_block();
   IRDirty* d5 = unsafeIRDirty_0_N(0, "dirty", (void*)helper_fn,
                                   mkIRExprVec_0());
   d5->mFx = Ifx_Read;
   add(bb5, IRStmt_Dirty(d5));
   UT_CHECK_REJECTS(bb5, True, "memory effect without address or size");

   IRSB* bb6 = new_block();
   IRTemp c6 = newIRTemp(bb6->tyenv, Ity_I64);
   add(bb6, IRStmt_WrTmp(c6, mkIRExprCCall(Ity_I64, 0, "clean",
                                           (void*)helper_fn,
                                           mkIRExprVec_1(C1(True)))));
   UT_CHECK_REJECTS(bb6, True, "CCall: argument :: I1");
}

UNIT_TEST(ir_sanity_rejects_bad_block_ending_and_imark)
{
   setup();
   IRSB* bb = new_block();
   bb->next = C32(0x400674);
   UT_CHECK_REJECTS(bb, True, "next is not of the guest word type");

   IRSB* bb2 = new_block();
   bb2->offsIP = 8;
   UT_CHECK_REJECTS(bb2, True, "offsIP is too low");

   IRSB* bb3 = new_block();
   add(bb3, IRStmt_IMark(0x400000, 40, 0));
   UT_CHECK_REJECTS(bb3, True, "IMark: implausible length");

   IRSB* bb4 = new_block();
   IRTemp t = newIRTemp(bb4->tyenv, Ity_I64);
   add(bb4, IRStmt_WrTmp(t, IRExpr_Binder(0)));
   UT_CHECK_REJECTS(bb4, False, "Binder");
}

UNIT_TEST(ir_sanity_failure_report_format)
{
   setup();
   IRSB* bb = new_block();
   IRTemp t0 = newIRTemp(bb->tyenv, Ity_I64);
   add(bb, IRStmt_IMark(0x400670, 4, 0));
   add(bb, IRStmt_WrTmp(t0, B(Iop_Add64, C64(1), C8(1))));
   UT_CHECK(rejects(bb, True) == 1);
   const char* want =
      "\nIR SANITY CHECK FAILURE (test_ir)\n\n"
      "IRSB {\n"
      "   t0:I64   \n"
      "\n"
      "   ------ IMark(0x400670, 4, 0) ------\n"
      "   t0 = Add64(0x1:I64,0x1:I8)\n"
      "   PUT(184) = 0x400674:I64; exit-Boring\n"
      "}\n"
      "\nIN STATEMENT:\n\n"
      "t0 = Add64(0x1:I64,0x1:I8)"
      "\n\nERROR = Binop: Add64 wants (I64,I64) but the arguments are "
      "(I64,I8)\n\n"
      "\nvex: the `impossible' happened:\n"
      "   sanityCheckIRSB: exiting due to bad IR\n";
   UT_CHECK_STREQ(out, want);
}

/* ------------------------------------------------------------------ */
/* VEX's runtime: printf, allocation, assertions                      */
/* ------------------------------------------------------------------ */

UNIT_TEST(ir_vex_printf_formats)
{
   setup();
   UT_CHECK_STREQ(PRINTED(vex_printf("%d|%i|%u|%x|%X", -42, 7, 4000000000U,
                                     0xbeefU, 0xbeefU)),
                  "-42|7|4000000000|beef|BEEF");
   UT_CHECK_STREQ(PRINTED(vex_printf("%lld|%llu|%llx|%lx|%ld",
                                     -9000000000LL, 18446744073709551615ULL,
                                     0x123456789abcdefULL, 0xfffUL, -1L)),
                  "-9000000000|18446744073709551615|123456789abcdef|fff|-1");
   UT_CHECK_STREQ(PRINTED(vex_printf("[%5d][%-5d][%05d][%08x][%04x]",
                                     42, 42, -42, 0xabcU, 0x1U)),
                  "[   42][42   ][-0042][00000abc][0001]");
   UT_CHECK_STREQ(PRINTED(vex_printf("[%s][%6s][%-6s][%.2s][%c][%%]",
                                     "abc", "abc", "abc", "abc", 'z')),
                  "[abc][   abc][abc   ][ab][z][%]");
   UT_CHECK_STREQ(PRINTED(vex_printf("%p", (void*)0x1234)), "0x1234");
   const char* volatile no_string = NULL;   /* hidden from -Wformat */
   UT_CHECK_STREQ(PRINTED(vex_printf("%*d|%s", 4, 7, no_string)),
                  "   7|(null)");
   /* Long output goes out in several chunks, all of it. */
   char big[2000];
   memset(big, 'q', sizeof big - 1);
   big[sizeof big - 1] = 0;
   UT_CHECK_EQ(vex_printf("%s", big), sizeof big - 1);
   reset_out();
   UT_CHECK_EQ(vex_printf("%s!", big), sizeof big);
   UT_CHECK_EQ(strlen(out), sizeof big);
   char buf[64];
   UT_CHECK_EQ(vex_sprintf(buf, "t%u:%s", 12U, "I64"), 7);
   UT_CHECK_STREQ(buf, "t12:I64");
   UT_CHECK_EQ(vex_strlen("hello"), 5);
   UT_CHECK(vex_streq("ab", "ab") && !vex_streq("ab", "abc"));
}

UNIT_TEST(ir_alloc_temp_and_perm)
{
   setup();
   SizeT before = vex_temp_bytes_used();
   char* p = LibVEX_Alloc(3);
   char* q = LibVEX_Alloc(1);
   UT_CHECK(((HWord)p & 15) == 0 && ((HWord)q & 15) == 0);
   UT_CHECK_EQ(q - p, 16);
   UT_CHECK_EQ(vex_temp_bytes_used(), before + 32);
   vexSetAllocMode(VexAllocModePERM);
   UT_CHECK_EQ(vexGetAllocMode(), VexAllocModePERM);
   char* perm = LibVEX_Alloc(8);
   UT_CHECK_EQ(vex_temp_bytes_used(), before + 32);
   vexSetAllocModeTEMP_and_clear();
   UT_CHECK_EQ(vex_temp_bytes_used(), 0);
   UT_CHECK_EQ(vexGetAllocMode(), VexAllocModeTEMP);
   UT_CHECK(perm != NULL);
   vexAllocSanityCheck();

   /* A caller-supplied arena, and what happens when it runs out. */
   static HChar arena[256] __attribute__((aligned(16)));
   vex_set_temp_arena(arena, sizeof arena);
   UT_CHECK((HChar*)LibVEX_Alloc(200) == arena);
   reset_out();
   fail_armed = 1;
   if (setjmp(fail_jmp) == 0) {
      LibVEX_Alloc(100);
      UT_CHECK(!"allocation beyond the arena succeeded");
   }
   fail_armed = 0;
   UT_CHECK(strstr(out, "out of temporary storage") != NULL);
   UT_CHECK(strstr(out, "vex: the `impossible' happened") != NULL);
}

UNIT_TEST(ir_vassert_and_vpanic_reach_the_failure_callback)
{
   setup();
   IRTypeEnv* env = emptyIRTypeEnv();
   fail_armed = 1;
   if (setjmp(fail_jmp) == 0) {
      typeOfIRTemp(env, 5);   /* no such temporary */
      UT_CHECK(!"typeOfIRTemp of a missing temp returned");
   }
   fail_armed = 0;
   UT_CHECK(strstr(out, "Assertion `") != NULL);
   UT_CHECK(strstr(out, "failed.") != NULL);

   reset_out();
   fail_armed = 1;
   if (setjmp(fail_jmp) == 0) {
      vpanic("something broke");
      UT_CHECK(!"vpanic returned");
   }
   fail_armed = 0;
   UT_CHECK_STREQ(out, "\nvex: the `impossible' happened:\n"
                       "   something broke\n");
}
