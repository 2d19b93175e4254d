/* The amd64 front end's x87 family: the D8..DF escapes (loads and
   stores in every format, arithmetic in every form, comparisons, the
   control and status instructions, the transcendentals), FWAIT, EMMS,
   and the state save/restore instructions FXSAVE/FXRSTOR, XSAVE/XRSTOR
   and XGETBV.

   How the IR looks (guest_amd64_x87.h describes the state):

   - The register stack is managed in IR: each instruction reads FTOP
     once, reaches ST(i) with GETI/PUTI over FPREG (an array of sixteen
     I64s: significand and sign/exponent of each physical register)
     and FPTAG (eight I8s), both indexed by FTOP, and writes FTOP back
     after pushes and pops.  Moves (FLD/FST of 80-bit values and of
     registers, FXCH, FCMOVcc, FFREE) are plain IR, so a tool sees the
     data flow exactly.
   - Anything that computes goes through one helper, amd64g_x87_op: a
     dirty call without guest-state or memory effects that takes the
     operand values (and a packed control argument: operation, format,
     control word, status bits, empty-register flags) and returns a V128:
     the 80-bit result and the new status bits.  Its result depends only
     on its arguments, so definedness flows per operation, and the
     arithmetic is true 80-bit extended precision under the control
     word's precision and rounding control.
   - The whole-state instructions (FNSTENV, FLDENV, FNSAVE, FRSTOR,
     FXSAVE, FXRSTOR, XSAVE, XRSTOR) are dirty helpers that take the
     guest state pointer and declare exactly which guest state and
     which memory they read and write.

   Exceptions are always handled as if masked (the masked responses, the
   sticky flags in the status word); an unmasked one sets ES but does
   not fault.  FIP, FDP, FOP and the selectors are not kept. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"
#include "guest_amd64_x87.h"

#define OFFB_FPREG    AMD64_OFFB(guest_FPREG)
#define OFFB_FPTAG    AMD64_OFFB(guest_FPTAG)
#define OFFB_FTOP     AMD64_OFFB(guest_FTOP)
#define OFFB_FPROUND  AMD64_OFFB(guest_FPROUND)
#define OFFB_FC3210   AMD64_OFFB(guest_FC3210)
#define OFFB_SSEROUND AMD64_OFFB(guest_SSEROUND)

/* ================================================================== */
/* The register stack                                                 */
/* ================================================================== */

/* FTOP and 2*FTOP of the instruction being translated. */
static IRTemp x_top, x_top2;

static void x87_begin(void)
{
   x_top  = newTemp(Ity_I32);
   x_top2 = newTemp(Ity_I32);
   assign(x_top, IRExpr_Get(OFFB_FTOP, Ity_I32));
   assign(x_top2, binop(Iop_Shl32, mkexpr(x_top), mkU8(1)));
}

static IRRegArray* regs_descr(void)
{
   return mkIRRegArray(OFFB_FPREG, Ity_I64, 16);
}

static IRRegArray* tags_descr(void)
{
   return mkIRRegArray(OFFB_FPTAG, Ity_I8, 8);
}

/* ST(I), I in 0..7 relative to the instruction's FTOP (7 is the slot a
   push fills). */
static IRExpr* st_m(Int i)
{
   return IRExpr_GetI(regs_descr(), mkexpr(x_top2), 2 * (i & 7));
}

static IRExpr* st_se(Int i)
{
   return IRExpr_GetI(regs_descr(), mkexpr(x_top2), 2 * (i & 7) + 1);
}

static IRExpr* st_tag(Int i)
{
   return IRExpr_GetI(tags_descr(), mkexpr(x_top), i & 7);
}

static void put_st(Int i, IRExpr* m, IRExpr* se)
{
   stmt(IRStmt_PutI(mkIRPutI(regs_descr(), mkexpr(x_top2), 2 * (i & 7),
                             m)));
   stmt(IRStmt_PutI(mkIRPutI(regs_descr(), mkexpr(x_top2),
                             2 * (i & 7) + 1, se)));
}

static void put_tag(Int i, IRExpr* v)
{
   stmt(IRStmt_PutI(mkIRPutI(tags_descr(), mkexpr(x_top), i & 7, v)));
}

/* FTOP := the instruction's FTOP + DELTA (mod 8). */
static void move_top(Int delta)
{
   stmt(IRStmt_Put(OFFB_FTOP,
                   binop(Iop_And32,
                         binop(Iop_Add32, mkexpr(x_top),
                               mkU32((UInt)(delta & 7))),
                         mkU32(7))));
}

/* Pops N registers: marks ST(0..N-1) empty and moves FTOP. */
static void pop_n(Int n)
{
   for (Int k = 0; k < n; k++)
      put_tag(k, mkU8(0));
   move_top(n);
}

static IRExpr* get_fc(void) { return IRExpr_Get(OFFB_FC3210, Ity_I64); }
static void    put_fc(IRExpr* e) { stmt(IRStmt_Put(OFFB_FC3210, e)); }
static IRExpr* get_cw(void) { return IRExpr_Get(OFFB_FPROUND, Ity_I64); }

static IRExpr* is_empty(Int i)
{
   return mkAtom(binop(Iop_CmpEQ8, st_tag(i), mkU8(0)));
}

/* I1 logic (the IR has no Or1/And1). */
static IRExpr* or1(IRExpr* a, IRExpr* b)
{
   return unop(Iop_32to1, binop(Iop_Or32, unop(Iop_1Uto32, a),
                                unop(Iop_1Uto32, b)));
}

static IRExpr* and1(IRExpr* a, IRExpr* b)
{
   return unop(Iop_32to1, binop(Iop_And32, unop(Iop_1Uto32, a),
                                unop(Iop_1Uto32, b)));
}

static IRExpr* ite64(IRExpr* c, IRExpr* t, IRExpr* f)
{
   return mkAtom(IRExpr_ITE(c, t, f));
}

/* ================================================================== */
/* Values and the helper                                              */
/* ================================================================== */

typedef struct {
   IRExpr* m;       /* significand (or the memory operand's bits), I64 */
   IRExpr* se;      /* sign/exponent, I64 */
   IRExpr* empty;   /* I1: an empty register, or NULL */
} XVal;

static XVal st_val(Int i)
{
   XVal v;
   v.m = mkAtom(st_m(i));
   v.se = mkAtom(st_se(i));
   v.empty = is_empty(i);
   return v;
}

static XVal no_val(void)
{
   XVal v = { mkU64(0), mkU64(0), NULL };
   return v;
}

static XVal mem_val(Amd64Dis* d, UInt fmt)
{
   IRExpr* ea = amd64_ea(d);
   XVal v = { NULL, mkU64(0), NULL };
   switch (fmt) {
      case X87_FMT_F32: case X87_FMT_I32:
         v.m = mkAtom(unop(Iop_32Uto64, loadLE(Ity_I32, ea)));
         break;
      case X87_FMT_I16:
         v.m = mkAtom(unop(Iop_16Uto64, loadLE(Ity_I16, ea)));
         break;
      case X87_FMT_F64: case X87_FMT_I64:
         v.m = mkAtom(loadLE(Ity_I64, ea));
         break;
      default:   /* 80-bit value or BCD */
         v.m  = mkAtom(loadLE(Ity_I64, ea));
         v.se = mkAtom(unop(Iop_16Uto64,
                            loadLE(Ity_I16, binop(Iop_Add64, ea,
                                                  mkU64(8)))));
         break;
   }
   return v;
}

static IRExpr* bit_at(IRExpr* b1, UInt shift)
{
   return binop(Iop_Shl64, unop(Iop_1Uto64, b1), mkU8(shift));
}

/* Calls amd64g_x87_op.  DEST_FULL (I1 or NULL): a push's destination is
   full.  FC: the FC3210 to start from. */
static IRTemp x87_call(UInt op, UInt fmt, XVal a, XVal b, IRExpr* dest_full,
                       IRExpr* fc)
{
   IRExpr* ctl = mkU64(op | (fmt << X87_CTL_FMT_SHIFT));
   if (a.empty != NULL)
      ctl = binop(Iop_Or64, ctl, bit_at(a.empty, 12));
   if (b.empty != NULL)
      ctl = binop(Iop_Or64, ctl, bit_at(b.empty, 13));
   if (dest_full != NULL)
      ctl = binop(Iop_Or64, ctl, bit_at(dest_full, 14));
   ctl = binop(Iop_Or64, ctl,
               binop(Iop_Shl64, binop(Iop_And64, get_cw(), mkU64(0xFFFF)),
                     mkU8(X87_CTL_CW_SHIFT)));
   ctl = binop(Iop_Or64, ctl,
               binop(Iop_Shl64, binop(Iop_And64, fc, mkU64(0xFFFF)),
                     mkU8(X87_CTL_FSW_SHIFT)));
   IRTemp res = newTemp(Ity_V128);
   IRDirty* dd = unsafeIRDirty_1_N(
      res, 0, "amd64g_x87_op", (void*)&amd64g_x87_op,
      mkIRExprVec_6(IRExpr_VECRET(), mkAtom(ctl), a.m, a.se, b.m, b.se));
   stmt(IRStmt_Dirty(dd));
   return res;
}

static IRExpr* res_m(IRTemp r) { return mkAtom(unop(Iop_V128to64, mkexpr(r))); }
static IRExpr* res_hi(IRTemp r)
{
   return mkAtom(unop(Iop_V128HIto64, mkexpr(r)));
}
static IRExpr* res_se(IRTemp r)
{
   return mkAtom(binop(Iop_And64, res_hi(r), mkU64(0xFFFF)));
}
static IRExpr* res_fc(IRTemp r)
{
   return mkAtom(binop(Iop_And64, binop(Iop_Shr64, res_hi(r), mkU8(16)),
                       mkU64(0xFFFF)));
}
static IRExpr* res_rflags(IRTemp r)
{
   return mkAtom(binop(Iop_Shr64, res_hi(r), mkU8(32)));
}

/* ST(I) := the helper's result value, valid. */
static void put_result(Int i, IRTemp r)
{
   put_st(i, res_m(r), res_se(r));
   put_tag(i, mkU8(1));
}

/* Status after a stack fault (GUARD, I1) in a move: IE and SF, and C1 =
   C1_BIT (overflow) -- and C1 cleared otherwise. */
static IRExpr* fc_after_move(IRExpr* guard, UInt c1_bit)
{
   IRExpr* base = binop(Iop_And64, get_fc(), mkU64(~(ULong)X87_FSW_C1));
   if (guard == NULL)
      return base;
   return binop(Iop_Or64, base,
                ite64(guard, mkU64(X87_FSW_IE | X87_FSW_SF | c1_bit),
                      mkU64(0)));
}

/* ================================================================== */
/* The entry arguments                                                */
/* ================================================================== */

/* Forms. */
enum {
   XF_ST0_STI = 0,   /* ST(0) := ST(0) op ST(i) */
   XF_STI_ST0,       /* ST(i) := ST(i) op ST(0) */
   XF_ST0_MEM,       /* ST(0) := ST(0) op memory */
   XF_NONE
};

/* arg = op | form << 8 | fmt << 12 | pops << 16 | flags << 20 */
#define XA(op, form, fmt, pops) \
   ((op) | ((form) << 8) | ((fmt) << 12) | ((pops) << 16))
#define XA_RFLAGS (1 << 20)   /* comparisons: the *I forms */

static UInt xa_op(Int a)   { return (UInt)a & 0xFF; }
static UInt xa_form(Int a) { return ((UInt)a >> 8) & 15; }
static UInt xa_fmt(Int a)  { return ((UInt)a >> 12) & 15; }
static Int  xa_pops(Int a) { return (Int)(((UInt)a >> 16) & 15); }

static Int sti(const Amd64Dis* d) { return d->modrm & 7; }

/* ================================================================== */
/* Arithmetic and comparisons                                         */
/* ================================================================== */

static Bool dis_farith(Amd64Dis* d)
{
   Int  a = d->e->arg;
   UInt form = xa_form(a);
   x87_begin();
   XVal A, B;
   Int dest;
   switch (form) {
      case XF_ST0_STI: A = st_val(0); B = st_val(sti(d)); dest = 0; break;
      case XF_STI_ST0: A = st_val(sti(d)); B = st_val(0); dest = sti(d);
                       break;
      default:         A = st_val(0); B = mem_val(d, xa_fmt(a)); dest = 0;
                       break;
   }
   IRTemp r = x87_call(xa_op(a), form == XF_ST0_MEM ? xa_fmt(a) : 0, A, B,
                       NULL, get_fc());
   put_result(dest, r);
   put_fc(res_fc(r));
   if (xa_pops(a) > 0)
      pop_n(1);
   return True;
}

/* FCOM, FUCOM, FICOM, FTST, FXAM and the FCOMI forms. */
static Bool dis_fcom(Amd64Dis* d)
{
   Int a = d->e->arg;
   x87_begin();
   XVal A = st_val(0), B;
   UInt fmt = 0;
   switch (xa_form(a)) {
      case XF_ST0_STI: B = st_val(sti(d)); break;
      case XF_ST0_MEM: fmt = xa_fmt(a); B = mem_val(d, fmt); break;
      default:         B = no_val(); break;
   }
   IRTemp r = x87_call(xa_op(a), fmt, A, B, NULL, get_fc());
   if (a & XA_RFLAGS) {
      /* ZF PF CF from the comparison; C0 C2 C3 kept, and C1 too unless
         a stack fault clears it */
      IRExpr* nf = res_fc(r);
      IRExpr* fault = or1(A.empty, B.empty != NULL ? B.empty : mkU1(False));
      IRExpr* keep = ite64(fault, mkU64(X87_FSW_CC & ~X87_FSW_C1),
                           mkU64(X87_FSW_CC));
      put_fc(binop(Iop_Or64, binop(Iop_And64, get_fc(), keep),
                   binop(Iop_And64, nf, mkU64(0x7F))));
      setFlags_COPY(res_rflags(r));
   } else {
      put_fc(res_fc(r));
   }
   if (xa_pops(a) > 0)
      pop_n(xa_pops(a));
   return True;
}

/* ================================================================== */
/* Loads and stores                                                   */
/* ================================================================== */

/* Pushes VAL (the helper's result R) on the stack. */
static void push_result(IRTemp r)
{
   put_result(7, r);
   move_top(-1);
   put_fc(res_fc(r));
}

/* FLD m32/m64, FILD, FBLD, and the constants (arg: op | fmt << 12; for
   the constants the constant's number in bits 16..). */
static Bool dis_fld_conv(Amd64Dis* d)
{
   Int  a = d->e->arg;
   UInt op = xa_op(a);
   x87_begin();
   IRExpr* full = mkAtom(binop(Iop_CmpNE8, st_tag(7), mkU8(0)));
   XVal B;
   if (op == X87_OP_CONST) {
      B = no_val();
      B.m = mkU64((ULong)xa_pops(a));
   } else {
      B = mem_val(d, xa_fmt(a));
   }
   IRTemp r = x87_call(op, op == X87_OP_CONST ? 0 : xa_fmt(a), no_val(), B,
                       full, get_fc());
   push_result(r);
   return True;
}

/* FLD m80 and FLD ST(i): plain moves. */
static Bool dis_fld_move(Amd64Dis* d)
{
   x87_begin();
   IRExpr* full = mkAtom(binop(Iop_CmpNE8, st_tag(7), mkU8(0)));
   IRExpr *m, *se, *bad;
   IRExpr* fc;
   if (d->has_mem) {
      XVal v = mem_val(d, X87_FMT_EXT);
      m = v.m;
      se = v.se;
      bad = full;
      fc = fc_after_move(full, X87_FSW_C1);
   } else {
      XVal v = st_val(sti(d));
      m = v.m;
      se = v.se;
      bad = mkAtom(or1(full, v.empty));
      /* underflow (an empty source; it wins): C1 = 0; overflow: C1 = 1 */
      IRExpr* ovf = and1(full, unop(Iop_Not1, v.empty));
      fc = binop(Iop_Or64, fc_after_move(bad, 0),
                 ite64(ovf, mkU64(X87_FSW_C1), mkU64(0)));
   }
   put_st(7, ite64(bad, mkU64(X87_INDEF_M), m),
          ite64(bad, mkU64(X87_INDEF_SE), se));
   put_tag(7, mkU8(1));
   put_fc(fc);
   move_top(-1);
   return True;
}

/* FST/FSTP m80 and ST(i): plain moves (an empty ST(0) stores the
   indefinite). */
static Bool dis_fst_move(Amd64Dis* d)
{
   Int pops = xa_pops(d->e->arg);
   x87_begin();
   XVal v = st_val(0);
   IRExpr* m  = ite64(v.empty, mkU64(X87_INDEF_M), v.m);
   IRExpr* se = ite64(v.empty, mkU64(X87_INDEF_SE), v.se);
   if (d->has_mem) {
      IRExpr* ea = amd64_ea(d);
      storeLE(ea, m);
      storeLE(binop(Iop_Add64, ea, mkU64(8)), unop(Iop_64to16, se));
   } else {
      put_st(sti(d), m, se);
      put_tag(sti(d), mkU8(1));
   }
   put_fc(fc_after_move(v.empty, 0));
   if (pops)
      pop_n(1);
   return True;
}

/* FST/FSTP m32/m64, FIST/FISTP/FISTTP, FBSTP. */
static Bool dis_fst_conv(Amd64Dis* d)
{
   Int  a = d->e->arg;
   UInt fmt = xa_fmt(a);
   x87_begin();
   IRTemp r = x87_call(X87_OP_STORE, fmt, st_val(0), no_val(), NULL,
                       get_fc());
   IRExpr* ea = amd64_ea(d);
   IRExpr* bits = res_m(r);
   switch (fmt) {
      case X87_FMT_F32: case X87_FMT_I32: case X87_FMT_I32T:
         storeLE(ea, unop(Iop_64to32, bits));
         break;
      case X87_FMT_I16: case X87_FMT_I16T:
         storeLE(ea, unop(Iop_64to16, bits));
         break;
      case X87_FMT_BCD:
         storeLE(ea, bits);
         storeLE(binop(Iop_Add64, ea, mkU64(8)), unop(Iop_64to16, res_se(r)));
         break;
      default:
         storeLE(ea, bits);
         break;
   }
   put_fc(res_fc(r));
   if (xa_pops(a))
      pop_n(1);
   return True;
}

static Bool dis_fxch(Amd64Dis* d)
{
   Int i = sti(d);
   x87_begin();
   XVal s0 = st_val(0), si = st_val(i);
   IRExpr* bad = mkAtom(or1(s0.empty, si.empty));
   put_st(0, ite64(si.empty, mkU64(X87_INDEF_M), si.m),
          ite64(si.empty, mkU64(X87_INDEF_SE), si.se));
   put_st(i, ite64(s0.empty, mkU64(X87_INDEF_M), s0.m),
          ite64(s0.empty, mkU64(X87_INDEF_SE), s0.se));
   put_tag(0, mkU8(1));
   put_tag(i, mkU8(1));
   put_fc(fc_after_move(bad, 0));
   return True;
}

/* FCMOVcc ST(0), ST(i): arg is the condition. */
static Bool dis_fcmov(Amd64Dis* d)
{
   Int i = sti(d);
   x87_begin();
   IRExpr* cond = mkAtom(mk_amd64g_calculate_condition(
                            (AMD64Condcode)d->e->arg));
   XVal s0 = st_val(0), si = st_val(i);
   IRExpr* bad = mkAtom(or1(s0.empty, si.empty));
   IRExpr* m  = ite64(cond, si.m, s0.m);
   IRExpr* se = ite64(cond, si.se, s0.se);
   put_st(0, ite64(bad, mkU64(X87_INDEF_M), m),
          ite64(bad, mkU64(X87_INDEF_SE), se));
   put_tag(0, mkU8(1));
   /* C1 kept, unless a stack fault clears it */
   put_fc(binop(Iop_Or64,
                binop(Iop_And64, get_fc(),
                      ite64(bad, mkU64(~(ULong)X87_FSW_C1), mkU64(~0ULL))),
                ite64(bad, mkU64(X87_FSW_IE | X87_FSW_SF), mkU64(0))));
   return True;
}

/* ================================================================== */
/* Other computations on the stack                                    */
/* ================================================================== */

/* ST(0) := op ST(0): FCHS FABS FSQRT FRNDINT F2XM1 FSIN FCOS. */
static Bool dis_funary(Amd64Dis* d)
{
   x87_begin();
   IRTemp r = x87_call(xa_op(d->e->arg), 0, st_val(0), no_val(), NULL,
                       get_fc());
   put_result(0, r);
   put_fc(res_fc(r));
   return True;
}

/* ST(0) := ST(0) op ST(1): FSCALE FPREM FPREM1. */
static Bool dis_fst01(Amd64Dis* d)
{
   x87_begin();
   IRTemp r = x87_call(xa_op(d->e->arg), 0, st_val(0), st_val(1), NULL,
                       get_fc());
   put_result(0, r);
   put_fc(res_fc(r));
   return True;
}

/* ST(1) := ST(0) op ST(1), pop: FYL2X FYL2XP1 FPATAN. */
static Bool dis_fpop01(Amd64Dis* d)
{
   x87_begin();
   IRTemp r = x87_call(xa_op(d->e->arg), 0, st_val(0), st_val(1), NULL,
                       get_fc());
   put_result(1, r);
   put_fc(res_fc(r));
   pop_n(1);
   return True;
}

/* FXTRACT: ST(0) := exponent, push significand. */
static Bool dis_fxtract(Amd64Dis* d)
{
   (void)d;
   x87_begin();
   XVal a = st_val(0);
   IRExpr* full = mkAtom(binop(Iop_CmpNE8, st_tag(7), mkU8(0)));
   /* (on a stack overflow both results are the indefinite) */
   IRTemp r1 = x87_call(X87_OP_XTRACT_EXP, 0, a, no_val(), full, get_fc());
   IRTemp r2 = x87_call(X87_OP_XTRACT_SIG, 0, a, no_val(), full, res_fc(r1));
   put_result(0, r1);
   push_result(r2);
   return True;
}

/* FSINCOS (arg 1: ST(0) := sin, push cos) and FPTAN (arg 0: ST(0) :=
   tan, push 1.0); nothing is pushed when the operand is out of range
   (C2 set). */
static Bool dis_f2res(Amd64Dis* d)
{
   Bool sincos = toBool(d->e->arg == 1);
   x87_begin();
   XVal a = st_val(0);
   IRExpr* full = mkAtom(binop(Iop_CmpNE8, st_tag(7), mkU8(0)));
   IRTemp r1 = x87_call(sincos ? X87_OP_SIN : X87_OP_TAN, 0, a, no_val(),
                        NULL, get_fc());
   IRTemp r2;
   if (sincos) {
      r2 = x87_call(X87_OP_COS, 0, a, no_val(), full, res_fc(r1));
   } else {
      XVal one = no_val();
      one.m = mkU64(X87_K_ONE);
      r2 = x87_call(X87_OP_CONST, 0, no_val(), one, full, res_fc(r1));
   }
   IRExpr* r2m = res_m(r2);
   IRExpr* r2se = res_se(r2);
   if (!sincos) {
      /* a NaN tangent (a NaN or invalid operand) is pushed instead of
         1.0 */
      IRExpr* nan = and1(binop(Iop_CmpEQ64,
                               binop(Iop_And64, res_se(r1), mkU64(0x7FFF)),
                               mkU64(0x7FFF)),
                         binop(Iop_CmpNE64, res_m(r1),
                               mkU64(0x8000000000000000ULL)));
      nan = mkAtom(nan);
      r2m = ite64(nan, res_m(r1), r2m);
      r2se = ite64(nan, res_se(r1), r2se);
   }
   IRExpr* in_range = mkAtom(binop(Iop_CmpEQ64,
                                   binop(Iop_And64, res_fc(r1),
                                         mkU64(X87_FSW_C2)),
                                   mkU64(0)));
   put_result(0, r1);
   put_st(7, ite64(in_range, r2m, st_m(7)),
          ite64(in_range, r2se, st_se(7)));
   put_tag(7, ite64(in_range, mkU8(1), st_tag(7)));
   stmt(IRStmt_Put(OFFB_FTOP,
                   IRExpr_ITE(in_range,
                              binop(Iop_And32,
                                    binop(Iop_Add32, mkexpr(x_top),
                                          mkU32(7)),
                                    mkU32(7)),
                              mkexpr(x_top))));
   put_fc(ite64(in_range, res_fc(r2), res_fc(r1)));
   return True;
}

/* ================================================================== */
/* Control and status                                                 */
/* ================================================================== */

static Bool dis_ffree(Amd64Dis* d)
{
   x87_begin();
   put_tag(sti(d), mkU8(0));
   put_fc(fc_after_move(NULL, 0));   /* C1 cleared */
   if (d->e->arg)              /* FFREEP */
      pop_n(1);
   return True;
}

/* FINCSTP (arg 1), FDECSTP (arg -1). */
static Bool dis_fstp_move(Amd64Dis* d)
{
   x87_begin();
   move_top(d->e->arg);
   put_fc(fc_after_move(NULL, 0));
   return True;
}

static Bool dis_fninit(Amd64Dis* d)
{
   (void)d;
   stmt(IRStmt_Put(OFFB_FTOP, mkU32(0)));
   stmt(IRStmt_Put(OFFB_FPTAG, mkU64(0)));
   stmt(IRStmt_Put(OFFB_FPROUND, mkU64(X87_CW_DEFAULT)));
   put_fc(mkU64(0));
   return True;
}

static Bool dis_fnclex(Amd64Dis* d)
{
   (void)d;
   put_fc(binop(Iop_And64, get_fc(), mkU64(X87_FSW_CC)));
   return True;
}

static Bool dis_fnop(Amd64Dis* d)
{
   (void)d;
   return True;
}

/* EMMS: all registers empty, and (as for every MMX instruction) TOP
   0. */
static Bool dis_emms(Amd64Dis* d)
{
   (void)d;
   stmt(IRStmt_Put(OFFB_FPTAG, mkU64(0)));
   stmt(IRStmt_Put(OFFB_FTOP, mkU32(0)));
   return True;
}

static Bool dis_fnstcw(Amd64Dis* d)
{
   storeLE(amd64_ea(d), unop(Iop_64to16, get_cw()));
   return True;
}

static Bool dis_fldcw(Amd64Dis* d)
{
   IRExpr* v = unop(Iop_16Uto64, loadLE(Ity_I16, amd64_ea(d)));
   stmt(IRStmt_Put(OFFB_FPROUND,
                   binop(Iop_Or64, binop(Iop_And64, v, mkU64(X87_CW_KEEP)),
                         mkU64(X87_CW_ONE))));
   return True;
}

/* FNSTSW m16 and FNSTSW %ax. */
static Bool dis_fnstsw(Amd64Dis* d)
{
   IRExpr** args = mkIRExprVec_3(get_fc(),
                                 unop(Iop_32Uto64,
                                      IRExpr_Get(OFFB_FTOP, Ity_I32)),
                                 get_cw());
   IRExpr* call = mkIRExprCCall(Ity_I64, 0, "amd64g_x87_fsw",
                                (void*)&amd64g_x87_fsw, args);
   IRExpr* v = mkAtom(unop(Iop_64to16, call));
   if (d->has_mem)
      storeLE(amd64_ea(d), v);
   else
      putIRegSz(2, 0, False, v);
   return True;
}

/* ================================================================== */
/* Whole-state instructions                                           */
/* ================================================================== */

/* The guest state the save/restore helpers touch. */
enum { GS_X87 = 1, GS_SSE = 2 };

static void declare_state(IRDirty* dd, UInt which, IREffect fx)
{
   Int n = 0;
   if (which & GS_X87) {
      /* FPREG, FPTAG, FTOP, FPROUND, FC3210: one span */
      dd->fxState[n].fx        = fx;
      dd->fxState[n].offset    = (UShort)OFFB_FPREG;
      dd->fxState[n].size      = (UShort)(OFFB_FC3210 + 8 - OFFB_FPREG);
      dd->fxState[n].nRepeats  = 0;
      dd->fxState[n].repeatLen = 0;
      n++;
   }
   if (which & GS_SSE) {
      dd->fxState[n].fx        = fx;
      dd->fxState[n].offset    = (UShort)OFFB_SSEROUND;
      dd->fxState[n].size      = 8;
      dd->fxState[n].nRepeats  = 0;
      dd->fxState[n].repeatLen = 0;
      n++;
      dd->fxState[n].fx        = fx;
      dd->fxState[n].offset    = (UShort)OFFB_YMM0;
      dd->fxState[n].size      = 16;
      dd->fxState[n].nRepeats  = 15;
      dd->fxState[n].repeatLen = 32;
      n++;
   }
   dd->nFxState = n;
}

static void state_call(const HChar* name, void* fn, IRExpr* ea,
                       IRExpr* extra, UInt which, IREffect gfx, IREffect mfx,
                       Int msize)
{
   IRExpr** args = extra == NULL
                      ? mkIRExprVec_2(IRExpr_GSPTR(), ea)
                      : mkIRExprVec_3(IRExpr_GSPTR(), ea, extra);
   IRDirty* dd = unsafeIRDirty_0_N(0, name, fn, args);
   declare_state(dd, which, gfx);
   dd->mFx   = mfx;
   dd->mAddr = ea;
   dd->mSize = msize;
   stmt(IRStmt_Dirty(dd));
}

/* #GP (a SIGSEGV) when the address is not aligned to ALIGN. */
static void fault_unless_aligned(Amd64Dis* d, IRExpr* ea, ULong align)
{
   amd64_exit_if(d, binop(Iop_CmpNE64, binop(Iop_And64, ea,
                                             mkU64(align - 1)),
                          mkU64(0)),
                 Ijk_SigSEGV);
}

/* FNSTENV (0), FLDENV (1), FNSAVE (2), FRSTOR (3). */
static Bool dis_fenv(Amd64Dis* d)
{
   if (d->pfx & PFX_66)
      return False;            /* the 16-bit formats */
   IRExpr* ea = amd64_ea(d);
   switch (d->e->arg) {
      case 0:
         state_call("amd64g_dirtyhelper_FNSTENV",
                    (void*)&amd64g_dirtyhelper_FNSTENV, ea, NULL, GS_X87,
                    Ifx_Modify, Ifx_Write, 28);
         break;
      case 1:
         state_call("amd64g_dirtyhelper_FLDENV",
                    (void*)&amd64g_dirtyhelper_FLDENV, ea, NULL, GS_X87,
                    Ifx_Modify, Ifx_Read, 28);
         break;
      case 2:
         state_call("amd64g_dirtyhelper_FNSAVE",
                    (void*)&amd64g_dirtyhelper_FNSAVE, ea, NULL, GS_X87,
                    Ifx_Modify, Ifx_Write, 108);
         break;
      default:
         state_call("amd64g_dirtyhelper_FRSTOR",
                    (void*)&amd64g_dirtyhelper_FRSTOR, ea, NULL, GS_X87,
                    Ifx_Modify, Ifx_Read, 108);
         break;
   }
   return True;
}

/* FXSAVE (0) and FXRSTOR (1), with or without REX.W (the 64-bit forms
   differ only in FIP/FDP, which are not kept). */
static Bool dis_fxsave(Amd64Dis* d)
{
   IRExpr* ea = amd64_ea(d);
   fault_unless_aligned(d, ea, 16);
   if (d->e->arg == 0) {
      state_call("amd64g_dirtyhelper_FXSAVE",
                 (void*)&amd64g_dirtyhelper_FXSAVE, ea, NULL,
                 GS_X87 | GS_SSE, Ifx_Read, Ifx_Write, 416);
   } else {
      /* reserved MXCSR bits: #GP */
      IRExpr* mx = loadLE(Ity_I32, binop(Iop_Add64, ea, mkU64(24)));
      amd64_exit_if(d, binop(Iop_CmpNE32,
                             binop(Iop_And32, mx, mkU32(0xFFFF0000u)),
                             mkU32(0)),
                    Ijk_SigSEGV);
      state_call("amd64g_dirtyhelper_FXRSTOR",
                 (void*)&amd64g_dirtyhelper_FXRSTOR, ea, NULL,
                 GS_X87 | GS_SSE, Ifx_Write, Ifx_Read, 416);
   }
   return True;
}

/* XSAVE (0) and XRSTOR (1): the components in EDX:EAX & XCR0. */
static Bool dis_xsave(Amd64Dis* d)
{
   IRExpr* ea = amd64_ea(d);
   fault_unless_aligned(d, ea, 64);
   IRExpr* rfbm = mkAtom(binop(Iop_And64, getIReg64(0),
                               mkU64(AMD64G_XCR0)));
   if (d->e->arg == 0) {
      state_call("amd64g_dirtyhelper_XSAVE",
                 (void*)&amd64g_dirtyhelper_XSAVE, ea, rfbm,
                 GS_X87 | GS_SSE, Ifx_Read, Ifx_Modify, 576);
   } else {
      /* the header: XSTATE_BV within XCR0, XCOMP_BV (no compaction
         here) and the reserved bytes zero; else #GP */
      IRExpr* bad = binop(Iop_CmpNE64,
                          binop(Iop_And64,
                                loadLE(Ity_I64,
                                       binop(Iop_Add64, ea, mkU64(512))),
                                mkU64(~AMD64G_XCR0)),
                          mkU64(0));
      for (Int k = 1; k < 8; k++)
         bad = or1(bad,
                     binop(Iop_CmpNE64,
                           loadLE(Ity_I64, binop(Iop_Add64, ea,
                                                 mkU64(512 + 8 * k))),
                           mkU64(0)));
      /* MXCSR's reserved bits, when MXCSR is loaded */
      IRExpr* mx = loadLE(Ity_I32, binop(Iop_Add64, ea, mkU64(24)));
      IRExpr* badmx = binop(Iop_CmpNE32,
                            binop(Iop_And32, mx, mkU32(0xFFFF0000u)),
                            mkU32(0));
      IRExpr* sse = binop(Iop_CmpNE64,
                          binop(Iop_And64, rfbm, mkU64(2)), mkU64(0));
      bad = or1(bad, and1(sse, badmx));
      amd64_exit_if(d, bad, Ijk_SigSEGV);
      state_call("amd64g_dirtyhelper_XRSTOR",
                 (void*)&amd64g_dirtyhelper_XRSTOR, ea, rfbm,
                 GS_X87 | GS_SSE, Ifx_Modify, Ifx_Read, 576);
   }
   return True;
}

/* XGETBV: ECX = 0 gives XCR0; anything else is #GP. */
static Bool dis_xgetbv(Amd64Dis* d)
{
   amd64_exit_if(d, binop(Iop_CmpNE32, getIRegSz(4, 1, False), mkU32(0)),
                 Ijk_SigSEGV);
   putIRegSz(4, 0, False, mkU32((UInt)AMD64G_XCR0));
   putIRegSz(4, 2, False, mkU32(0));
   return True;
}

/* ================================================================== */
/* The opcode table                                                   */
/* ================================================================== */

#define N  OPF_NONE
#define NS AF_DNOSUF
#define ENT(map, opc, ext, pfx, modrm, flags, mnem, o1, fn, arg, cls) \
   { map, opc, 1, ext, pfx, 0, modrm, flags, mnem, { o1, N, N, N }, fn, \
     arg, cls }
/* a memory form: D8..DF /ext; the tail is: routine, argument, class */
#define XM(opc, ext, mn, form, ...) XM_(opc, ext, mn, form, __VA_ARGS__)
#define XM_(opc, ext, mn, form, fn, arg, cls) \
   ENT(AMD64_MAP_1B, opc, ext, AMD64_PFX_ANY, -1, AF_MEM | NS, mn, form, \
       fn, arg, cls)
/* a register form with the whole ModRM byte given */
#define XR(opc, modrm, mn, ...) XR_(opc, modrm, mn, __VA_ARGS__)
#define XR_(opc, modrm, mn, fn, arg, cls) \
   ENT(AMD64_MAP_1B, opc, -1, AMD64_PFX_ANY, modrm, NS, mn, N, fn, arg, cls)
/* eight register forms, ST(0)..ST(7) in ModRM.rm: the mnemonic is
   PRE <i> POST */
#define XR8(opc, base, pre, post, ...)                                    \
   XR(opc, (base) + 0, pre "0" post, __VA_ARGS__),                       \
   XR(opc, (base) + 1, pre "1" post, __VA_ARGS__),                       \
   XR(opc, (base) + 2, pre "2" post, __VA_ARGS__),                       \
   XR(opc, (base) + 3, pre "3" post, __VA_ARGS__),                       \
   XR(opc, (base) + 4, pre "4" post, __VA_ARGS__),                       \
   XR(opc, (base) + 5, pre "5" post, __VA_ARGS__),                       \
   XR(opc, (base) + 6, pre "6" post, __VA_ARGS__),                       \
   XR(opc, (base) + 7, pre "7" post, __VA_ARGS__)

/* The eight arithmetic/compare operations of D8/DC/DA/DE /0../7, with
   memory operands of format FMT. */
#define ARITH_MEM(opc, fmt, sfx)                                          \
   XM(opc, 0, "fadd" sfx, OPF_M, dis_farith,                             \
      XA(X87_OP_ADD, XF_ST0_MEM, fmt, 0), "x87-arith"),                  \
   XM(opc, 1, "fmul" sfx, OPF_M, dis_farith,                             \
      XA(X87_OP_MUL, XF_ST0_MEM, fmt, 0), "x87-arith"),                  \
   XM(opc, 2, "fcom" sfx, OPF_M, dis_fcom,                               \
      XA(X87_OP_COM, XF_ST0_MEM, fmt, 0), "x87-cmp"),                    \
   XM(opc, 3, "fcomp" sfx, OPF_M, dis_fcom,                              \
      XA(X87_OP_COM, XF_ST0_MEM, fmt, 1), "x87-cmp"),                    \
   XM(opc, 4, "fsub" sfx, OPF_M, dis_farith,                             \
      XA(X87_OP_SUB, XF_ST0_MEM, fmt, 0), "x87-arith"),                  \
   XM(opc, 5, "fsubr" sfx, OPF_M, dis_farith,                            \
      XA(X87_OP_SUBR, XF_ST0_MEM, fmt, 0), "x87-arith"),                 \
   XM(opc, 6, "fdiv" sfx, OPF_M, dis_farith,                             \
      XA(X87_OP_DIV, XF_ST0_MEM, fmt, 0), "x87-arith"),                  \
   XM(opc, 7, "fdivr" sfx, OPF_M, dis_farith,                            \
      XA(X87_OP_DIVR, XF_ST0_MEM, fmt, 0), "x87-arith")

#define XARI(op, form, pops) dis_farith, XA(op, form, 0, pops), "x87-arith"
#define XCMP(op, form, pops, fl) dis_fcom, XA(op, form, 0, pops) | (fl), \
                                 "x87-cmp"
#define XUN(op) dis_funary, XA(op, 0, 0, 0)
#define XCONST(k) dis_fld_conv, XA(X87_OP_CONST, 0, 0, k), "x87-move"

static const Amd64OpEntry x87_entries[] = {
   /* ---- D8: single-precision memory operands, ST(0) op ST(i) ---- */
   ARITH_MEM(0xD8, X87_FMT_F32, "s"),
   XR8(0xD8, 0xC0, "fadd st(", "),st(0)", XARI(X87_OP_ADD, XF_ST0_STI, 0)),
   XR8(0xD8, 0xC8, "fmul st(", "),st(0)", XARI(X87_OP_MUL, XF_ST0_STI, 0)),
   XR8(0xD8, 0xD0, "fcom st(", ")", XCMP(X87_OP_COM, XF_ST0_STI, 0, 0)),
   XR8(0xD8, 0xD8, "fcomp st(", ")", XCMP(X87_OP_COM, XF_ST0_STI, 1, 0)),
   XR8(0xD8, 0xE0, "fsub st(", "),st(0)", XARI(X87_OP_SUB, XF_ST0_STI, 0)),
   XR8(0xD8, 0xE8, "fsubr st(", "),st(0)",
       XARI(X87_OP_SUBR, XF_ST0_STI, 0)),
   XR8(0xD8, 0xF0, "fdiv st(", "),st(0)", XARI(X87_OP_DIV, XF_ST0_STI, 0)),
   XR8(0xD8, 0xF8, "fdivr st(", "),st(0)",
       XARI(X87_OP_DIVR, XF_ST0_STI, 0)),

   /* ---- D9: loads/stores of singles, the environment, constants,
      the unary operations ---- */
   XM(0xD9, 0, "flds", OPF_Md, dis_fld_conv,
      XA(X87_OP_LOAD, 0, X87_FMT_F32, 0), "x87-move"),
   XM(0xD9, 2, "fsts", OPF_Md, dis_fst_conv, XA(0, 0, X87_FMT_F32, 0),
      "x87-move"),
   XM(0xD9, 3, "fstps", OPF_Md, dis_fst_conv, XA(0, 0, X87_FMT_F32, 1),
      "x87-move"),
   XM(0xD9, 4, "fldenv", OPF_M, dis_fenv, 1, "x87-env"),
   XM(0xD9, 5, "fldcw", OPF_Mw, dis_fldcw, 0, "x87-ctrl"),
   XM(0xD9, 6, "fnstenv", OPF_M, dis_fenv, 0, "x87-env"),
   XM(0xD9, 7, "fnstcw", OPF_Mw, dis_fnstcw, 0, "x87-ctrl"),
   XR8(0xD9, 0xC0, "fld st(", ")", dis_fld_move, 0, "x87-move"),
   XR8(0xD9, 0xC8, "fxch st(", ")", dis_fxch, 0, "x87-move"),
   XR(0xD9, 0xD0, "fnop", dis_fnop, 0, "x87-ctrl"),
   XR(0xD9, 0xE0, "fchs", XUN(X87_OP_CHS), "x87-math"),
   XR(0xD9, 0xE1, "fabs", XUN(X87_OP_ABS), "x87-math"),
   XR(0xD9, 0xE4, "ftst", XCMP(X87_OP_TST, XF_NONE, 0, 0)),
   XR(0xD9, 0xE5, "fxam", XCMP(X87_OP_XAM, XF_NONE, 0, 0)),
   XR(0xD9, 0xE8, "fld1", XCONST(X87_K_ONE)),
   XR(0xD9, 0xE9, "fldl2t", XCONST(X87_K_L2T)),
   XR(0xD9, 0xEA, "fldl2e", XCONST(X87_K_L2E)),
   XR(0xD9, 0xEB, "fldpi", XCONST(X87_K_PI)),
   XR(0xD9, 0xEC, "fldlg2", XCONST(X87_K_LG2)),
   XR(0xD9, 0xED, "fldln2", XCONST(X87_K_LN2)),
   XR(0xD9, 0xEE, "fldz", XCONST(X87_K_ZERO)),
   XR(0xD9, 0xF0, "f2xm1", XUN(X87_OP_F2XM1), "x87-trans"),
   XR(0xD9, 0xF1, "fyl2x", dis_fpop01, XA(X87_OP_YL2X, 0, 0, 0),
      "x87-trans"),
   XR(0xD9, 0xF2, "fptan", dis_f2res, 0, "x87-trans"),
   XR(0xD9, 0xF3, "fpatan", dis_fpop01, XA(X87_OP_PATAN, 0, 0, 0),
      "x87-trans"),
   XR(0xD9, 0xF4, "fxtract", dis_fxtract, 0, "x87-math"),
   XR(0xD9, 0xF5, "fprem1", dis_fst01, XA(X87_OP_PREM1, 0, 0, 0),
      "x87-math"),
   XR(0xD9, 0xF6, "fdecstp", dis_fstp_move, -1, "x87-ctrl"),
   XR(0xD9, 0xF7, "fincstp", dis_fstp_move, 1, "x87-ctrl"),
   XR(0xD9, 0xF8, "fprem", dis_fst01, XA(X87_OP_PREM, 0, 0, 0), "x87-math"),
   XR(0xD9, 0xF9, "fyl2xp1", dis_fpop01, XA(X87_OP_YL2XP1, 0, 0, 0),
      "x87-trans"),
   XR(0xD9, 0xFA, "fsqrt", XUN(X87_OP_SQRT), "x87-math"),
   XR(0xD9, 0xFB, "fsincos", dis_f2res, 1, "x87-trans"),
   XR(0xD9, 0xFC, "frndint", XUN(X87_OP_RNDINT), "x87-math"),
   XR(0xD9, 0xFD, "fscale", dis_fst01, XA(X87_OP_SCALE, 0, 0, 0),
      "x87-math"),
   XR(0xD9, 0xFE, "fsin", XUN(X87_OP_SIN), "x87-trans"),
   XR(0xD9, 0xFF, "fcos", XUN(X87_OP_COS), "x87-trans"),

   /* ---- DA: 32-bit integer operands, FCMOVcc, FUCOMPP ---- */
   ARITH_MEM(0xDA, X87_FMT_I32, "l"),
   XR8(0xDA, 0xC0, "fcmovb st(", "),st(0)", dis_fcmov, AMD64CondB,
       "x87-move"),
   XR8(0xDA, 0xC8, "fcmove st(", "),st(0)", dis_fcmov, AMD64CondZ,
       "x87-move"),
   XR8(0xDA, 0xD0, "fcmovbe st(", "),st(0)", dis_fcmov, AMD64CondBE,
       "x87-move"),
   XR8(0xDA, 0xD8, "fcmovu st(", "),st(0)", dis_fcmov, AMD64CondP,
       "x87-move"),
   XR(0xDA, 0xE9, "fucompp", XCMP(X87_OP_UCOM, XF_ST0_STI, 2, 0)),

   /* ---- DB: 32-bit integer loads/stores, 80-bit loads/stores,
      FCMOVNcc, FNCLEX, FNINIT, FUCOMI, FCOMI ---- */
   XM(0xDB, 0, "fildl", OPF_Md, dis_fld_conv,
      XA(X87_OP_LOAD, 0, X87_FMT_I32, 0), "x87-move"),
   XM(0xDB, 1, "fisttpl", OPF_Md, dis_fst_conv, XA(0, 0, X87_FMT_I32T, 1),
      "x87-move"),
   XM(0xDB, 2, "fistl", OPF_Md, dis_fst_conv, XA(0, 0, X87_FMT_I32, 0),
      "x87-move"),
   XM(0xDB, 3, "fistpl", OPF_Md, dis_fst_conv, XA(0, 0, X87_FMT_I32, 1),
      "x87-move"),
   XM(0xDB, 5, "fldt", OPF_M, dis_fld_move, 0, "x87-move"),
   XM(0xDB, 7, "fstpt", OPF_M, dis_fst_move, XA(0, 0, 0, 1), "x87-move"),
   XR8(0xDB, 0xC0, "fcmovnb st(", "),st(0)", dis_fcmov, AMD64CondNB,
       "x87-move"),
   XR8(0xDB, 0xC8, "fcmovne st(", "),st(0)", dis_fcmov, AMD64CondNZ,
       "x87-move"),
   XR8(0xDB, 0xD0, "fcmovnbe st(", "),st(0)", dis_fcmov, AMD64CondNBE,
       "x87-move"),
   XR8(0xDB, 0xD8, "fcmovnu st(", "),st(0)", dis_fcmov, AMD64CondNP,
       "x87-move"),
   XR(0xDB, 0xE2, "fnclex", dis_fnclex, 0, "x87-ctrl"),
   XR(0xDB, 0xE3, "fninit", dis_fninit, 0, "x87-ctrl"),
   XR8(0xDB, 0xE8, "fucomi st(", "),st(0)",
       XCMP(X87_OP_UCOM, XF_ST0_STI, 0, XA_RFLAGS)),
   XR8(0xDB, 0xF0, "fcomi st(", "),st(0)",
       XCMP(X87_OP_COM, XF_ST0_STI, 0, XA_RFLAGS)),

   /* ---- DC: double-precision memory operands, ST(i) op ST(0) ---- */
   ARITH_MEM(0xDC, X87_FMT_F64, "l"),
   XR8(0xDC, 0xC0, "fadd st(0),st(", ")", XARI(X87_OP_ADD, XF_STI_ST0, 0)),
   XR8(0xDC, 0xC8, "fmul st(0),st(", ")", XARI(X87_OP_MUL, XF_STI_ST0, 0)),
   XR8(0xDC, 0xE0, "fsubr st(0),st(", ")",
       XARI(X87_OP_SUBR, XF_STI_ST0, 0)),
   XR8(0xDC, 0xE8, "fsub st(0),st(", ")", XARI(X87_OP_SUB, XF_STI_ST0, 0)),
   XR8(0xDC, 0xF0, "fdivr st(0),st(", ")",
       XARI(X87_OP_DIVR, XF_STI_ST0, 0)),
   XR8(0xDC, 0xF8, "fdiv st(0),st(", ")", XARI(X87_OP_DIV, XF_STI_ST0, 0)),

   /* ---- DD: doubles, FNSAVE/FRSTOR, FNSTSW m16, FFREE, FST ST(i),
      FUCOM ---- */
   XM(0xDD, 0, "fldl", OPF_Mq, dis_fld_conv,
      XA(X87_OP_LOAD, 0, X87_FMT_F64, 0), "x87-move"),
   XM(0xDD, 1, "fisttpll", OPF_Mq, dis_fst_conv, XA(0, 0, X87_FMT_I64T, 1),
      "x87-move"),
   XM(0xDD, 2, "fstl", OPF_Mq, dis_fst_conv, XA(0, 0, X87_FMT_F64, 0),
      "x87-move"),
   XM(0xDD, 3, "fstpl", OPF_Mq, dis_fst_conv, XA(0, 0, X87_FMT_F64, 1),
      "x87-move"),
   XM(0xDD, 4, "frstor", OPF_M, dis_fenv, 3, "x87-env"),
   XM(0xDD, 6, "fnsave", OPF_M, dis_fenv, 2, "x87-env"),
   XM(0xDD, 7, "fnstsw", OPF_Mw, dis_fnstsw, 0, "x87-ctrl"),
   XR8(0xDD, 0xC0, "ffree st(", ")", dis_ffree, 0, "x87-ctrl"),
   XR8(0xDD, 0xD0, "fst st(0),st(", ")", dis_fst_move, 0, "x87-move"),
   XR8(0xDD, 0xD8, "fstp st(0),st(", ")", dis_fst_move, XA(0, 0, 0, 1),
       "x87-move"),
   XR8(0xDD, 0xE0, "fucom st(", ")", XCMP(X87_OP_UCOM, XF_ST0_STI, 0, 0)),
   XR8(0xDD, 0xE8, "fucomp st(", ")", XCMP(X87_OP_UCOM, XF_ST0_STI, 1, 0)),

   /* ---- DE: 16-bit integer operands, the popping ST(i) op ST(0)
      forms, FCOMPP ---- */
   ARITH_MEM(0xDE, X87_FMT_I16, "s"),
   XR8(0xDE, 0xC0, "faddp st(0),st(", ")",
       XARI(X87_OP_ADD, XF_STI_ST0, 1)),
   XR8(0xDE, 0xC8, "fmulp st(0),st(", ")",
       XARI(X87_OP_MUL, XF_STI_ST0, 1)),
   XR(0xDE, 0xD9, "fcompp", XCMP(X87_OP_COM, XF_ST0_STI, 2, 0)),
   XR8(0xDE, 0xE0, "fsubrp st(0),st(", ")",
       XARI(X87_OP_SUBR, XF_STI_ST0, 1)),
   XR8(0xDE, 0xE8, "fsubp st(0),st(", ")",
       XARI(X87_OP_SUB, XF_STI_ST0, 1)),
   XR8(0xDE, 0xF0, "fdivrp st(0),st(", ")",
       XARI(X87_OP_DIVR, XF_STI_ST0, 1)),
   XR8(0xDE, 0xF8, "fdivp st(0),st(", ")",
       XARI(X87_OP_DIV, XF_STI_ST0, 1)),

   /* ---- DF: 16- and 64-bit integers, BCD, FNSTSW %ax, FCOMIP,
      FUCOMIP, FFREEP ---- */
   XM(0xDF, 0, "filds", OPF_Mw, dis_fld_conv,
      XA(X87_OP_LOAD, 0, X87_FMT_I16, 0), "x87-move"),
   XM(0xDF, 1, "fisttps", OPF_Mw, dis_fst_conv, XA(0, 0, X87_FMT_I16T, 1),
      "x87-move"),
   XM(0xDF, 2, "fists", OPF_Mw, dis_fst_conv, XA(0, 0, X87_FMT_I16, 0),
      "x87-move"),
   XM(0xDF, 3, "fistps", OPF_Mw, dis_fst_conv, XA(0, 0, X87_FMT_I16, 1),
      "x87-move"),
   XM(0xDF, 4, "fbld", OPF_M, dis_fld_conv,
      XA(X87_OP_LOAD, 0, X87_FMT_BCD, 0), "x87-move"),
   XM(0xDF, 5, "fildll", OPF_Mq, dis_fld_conv,
      XA(X87_OP_LOAD, 0, X87_FMT_I64, 0), "x87-move"),
   XM(0xDF, 6, "fbstp", OPF_M, dis_fst_conv, XA(0, 0, X87_FMT_BCD, 1),
      "x87-move"),
   XM(0xDF, 7, "fistpll", OPF_Mq, dis_fst_conv, XA(0, 0, X87_FMT_I64, 1),
      "x87-move"),
   XR8(0xDF, 0xC0, "ffreep st(", ")", dis_ffree, 1, "x87-ctrl"),
   XR(0xDF, 0xE0, "fnstsw ax", dis_fnstsw, 0, "x87-ctrl"),
   XR8(0xDF, 0xE8, "fucomip st(", "),st(0)",
       XCMP(X87_OP_UCOM, XF_ST0_STI, 1, XA_RFLAGS)),
   XR8(0xDF, 0xF0, "fcomip st(", "),st(0)",
       XCMP(X87_OP_COM, XF_ST0_STI, 1, XA_RFLAGS)),

   /* ---- the undocumented aliases real processors run ---- */
   XR8(0xDC, 0xD0, "fcom st(", ") (alias)",
       XCMP(X87_OP_COM, XF_ST0_STI, 0, 0)),
   XR8(0xDC, 0xD8, "fcomp st(", ") (alias)",
       XCMP(X87_OP_COM, XF_ST0_STI, 1, 0)),
   XR8(0xDE, 0xD0, "fcomp st(", ") (alias)",
       XCMP(X87_OP_COM, XF_ST0_STI, 1, 0)),
   XR8(0xD9, 0xD8, "fstp st(0),st(", ") (alias)", dis_fst_move,
       XA(0, 0, 0, 1), "x87-move"),
   XR8(0xDF, 0xD0, "fstp st(0),st(", ") (alias)", dis_fst_move,
       XA(0, 0, 0, 1), "x87-move"),
   XR8(0xDF, 0xD8, "fstp st(0),st(", ") (alias)", dis_fst_move,
       XA(0, 0, 0, 1), "x87-move"),
   XR8(0xDD, 0xC8, "fxch st(", ") (alias)", dis_fxch, 0, "x87-move"),
   XR8(0xDF, 0xC8, "fxch st(", ") (alias)", dis_fxch, 0, "x87-move"),

   /* ---- FWAIT, EMMS ---- */
   ENT(AMD64_MAP_1B, 0x9B, -1, AMD64_PFX_ANY, -1, NS, "fwait", N, dis_fnop,
       0, "x87-ctrl"),
   ENT(AMD64_MAP_0F, 0x77, -1, AMD64_PFX_NP, -1, NS, "emms", N, dis_emms, 0,
       "x87-ctrl"),

   /* ---- the state save/restore instructions ---- */
   ENT(AMD64_MAP_0F, 0xAE, 0, AMD64_PFX_NP, -1, AF_MEM | NS, "fxsave", OPF_M,
       dis_fxsave, 0, "x87-fxsave"),
   ENT(AMD64_MAP_0F, 0xAE, 1, AMD64_PFX_NP, -1, AF_MEM | NS, "fxrstor",
       OPF_M, dis_fxsave, 1, "x87-fxsave"),
   ENT(AMD64_MAP_0F, 0xAE, 4, AMD64_PFX_NP, -1, AF_MEM | NS, "xsave", OPF_M,
       dis_xsave, 0, "x87-xsave"),
   ENT(AMD64_MAP_0F, 0xAE, 5, AMD64_PFX_NP, -1, AF_MEM | NS, "xrstor", OPF_M,
       dis_xsave, 1, "x87-xsave"),
   ENT(AMD64_MAP_0F, 0x01, -1, AMD64_PFX_NP, 0xD0, AF_SYS | NS, "xgetbv", N,
       dis_xgetbv, 0, "x87-xsave"),
};

const Amd64OpTable amd64_optable_x87 = {
   "x87",
   x87_entries,
   (Int)(sizeof x87_entries / sizeof x87_entries[0])
};
