/* The amd64 front end's SSE family (SSE, SSE2, SSE3, SSSE3, SSE4.1,
   SSE4.2), first part: XMM operand access, the rounding mode and
   alignment checks shared by the family; moves, floating-point
   arithmetic, compares, conversions and shuffles, the SSE3 additions,
   MXCSR; and the family's opcode table (amd64_optable_sse).  The
   integer SIMD instructions and most of SSSE3/SSE4.x are in
   guest_amd64_toIR_sse_int.c; see guest_amd64_toIR_sse.h for the
   conventions.  Semantics follow the Intel SDM, vol. 2. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"
#include "guest_amd64_toIR_sse.h"

/* ================================================================== */
/* Registers, lanes, operands                                         */
/* ================================================================== */

IRExpr* getXMM(UInt r)
{
   vassert(r < 16);
   return IRExpr_Get(xmmOff(r), Ity_V128);
}

void putXMM(UInt r, IRExpr* e)
{
   vassert(r < 16 && exprTy(e) == Ity_V128);
   stmt(IRStmt_Put(xmmOff(r), e));
}

IRExpr* getXMMLane(UInt r, IRType ty, Int i)
{
   Int sz = sizeofIRType(ty);
   vassert(r < 16 && i >= 0 && (i + 1) * sz <= 16);
   return IRExpr_Get(xmmOff(r) + sz * i, ty);
}

void putXMMLane(UInt r, IRType ty, Int i, IRExpr* e)
{
   Int sz = sizeofIRType(ty);
   vassert(r < 16 && i >= 0 && (i + 1) * sz <= 16 && exprTy(e) == ty);
   stmt(IRStmt_Put(xmmOff(r) + sz * i, e));
}

IRExpr* lo64(IRExpr* v) { return unop(Iop_V128to64, v); }
IRExpr* hi64(IRExpr* v) { return unop(Iop_V128HIto64, v); }

IRExpr* lane32(IRExpr* v, Int i)
{
   IRExpr* h = i < 2 ? lo64(v) : hi64(v);
   return unop((i & 1) ? Iop_64HIto32 : Iop_64to32, h);
}

IRExpr* lane16(IRExpr* v, Int i)
{
   IRExpr* h = i < 4 ? lo64(v) : hi64(v);
   Int sh = 16 * (i & 3);
   if (sh != 0)
      h = binop(Iop_Shr64, h, mkU8(sh));
   return unop(Iop_64to16, h);
}

IRExpr* lane8(IRExpr* v, Int i)
{
   IRExpr* h = i < 8 ? lo64(v) : hi64(v);
   Int sh = 8 * (i & 7);
   if (sh != 0)
      h = binop(Iop_Shr64, h, mkU8(sh));
   return unop(Iop_64to8, h);
}

IRExpr* mkV128_64(IRExpr* hi, IRExpr* lo)
{
   return binop(Iop_64HLtoV128, hi, lo);
}

IRExpr* mkV128_32(IRExpr* l3, IRExpr* l2, IRExpr* l1, IRExpr* l0)
{
   return mkV128_64(binop(Iop_32HLto64, l3, l2), binop(Iop_32HLto64, l1, l0));
}

IRExpr* v128Atom(IRExpr* e)
{
   vassert(exprTy(e) == Ity_V128);
   return mkAtom(e);
}

UShort laneMask32(UInt lanes)
{
   UShort m = 0;
   for (Int i = 0; i < 4; i++)
      if (lanes & (1u << i))
         m |= (UShort)(0xF << (4 * i));
   return m;
}

UShort laneMask64(UInt lanes)
{
   UShort m = 0;
   for (Int i = 0; i < 2; i++)
      if (lanes & (1u << i))
         m |= (UShort)(0xFF << (8 * i));
   return m;
}

UShort laneMask16(UInt lanes)
{
   UShort m = 0;
   for (Int i = 0; i < 8; i++)
      if (lanes & (1u << i))
         m |= (UShort)(0x3 << (2 * i));
   return m;
}

UInt xmmReg(const Amd64Dis* d, Int i)
{
   vassert(d->op[i].kind == AOK_REG && d->op[i].rclass == ARC_XMM);
   return d->op[i].reg;
}

void checkAlign16(Amd64Dis* d)
{
   if (!d->has_mem)
      return;
   amd64_exit_if(d, binop(Iop_CmpNE64,
                          binop(Iop_And64, amd64_ea(d), mkU64(15)),
                          mkU64(0)),
                 Ijk_SigSEGV);
}

IRExpr* getW128(Amd64Dis* d, Int i, Bool unaligned_ok)
{
   if (d->op[i].kind == AOK_REG)
      return v128Atom(getXMM(xmmReg(d, i)));
   vassert(d->op[i].kind == AOK_MEM);
   if (!unaligned_ok)
      checkAlign16(d);
   return v128Atom(loadLE(Ity_V128, amd64_ea(d)));
}

IRExpr* getWlow(Amd64Dis* d, Int i, IRType ty)
{
   if (d->op[i].kind == AOK_REG)
      return mkAtom(getXMMLane(xmmReg(d, i), ty, 0));
   vassert(d->op[i].kind == AOK_MEM);
   return mkAtom(loadLE(ty, amd64_ea(d)));
}

IRExpr* getWlowV(Amd64Dis* d, Int i, IRType ty)
{
   if (d->op[i].kind == AOK_REG)
      return v128Atom(getXMM(xmmReg(d, i)));
   IRExpr* x = loadLE(ty, amd64_ea(d));
   switch (ty) {
      case Ity_I64: return v128Atom(unop(Iop_64UtoV128, x));
      case Ity_I32: return v128Atom(unop(Iop_32UtoV128, x));
      case Ity_I16: return v128Atom(unop(Iop_32UtoV128,
                                         unop(Iop_16Uto32, x)));
      case Ity_I8:  return v128Atom(unop(Iop_32UtoV128,
                                         unop(Iop_8Uto32, x)));
      default:      vpanic("getWlowV");
   }
}

IRExpr* get_sse_rm(void)
{
   return mkAtom(binop(Iop_And32, IRExpr_Get(OFFB_SSEROUND, Ity_I32),
                       mkU32(3)));
}

UInt immOf(const Amd64Dis* d)
{
   vassert(d->nops > 0 && d->op[d->nops - 1].kind == AOK_IMM);
   return (UInt)(d->op[d->nops - 1].imm & 0xFF);
}

static IRExpr* zeroV128(void) { return mkV128(0x0000); }

/* ================================================================== */
/* Generic packed operations                                          */
/* ================================================================== */

/* V = op(V, W) (A_SWAP: op(W, V)), with the rounding mode first under
   A_RM, negated under A_NOT.  xor of a register with itself is zero
   whatever it held. */
Bool dis_sse_binop(Amd64Dis* d)
{
   Int  a  = d->e->arg;
   IROp op = A_OP(a);
   UInt g  = xmmReg(d, 0);
   if (op == Iop_XorV128 && d->op[1].kind == AOK_REG && xmmReg(d, 1) == g) {
      putXMM(g, zeroV128());
      return True;
   }
   IRExpr* w = getW128(d, 1, toBool(a & A_UNAL));
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* l = (a & A_SWAP) ? w : v;
   IRExpr* r = (a & A_SWAP) ? v : w;
   IRExpr* res = (a & A_RM) ? triop(op, get_sse_rm(), l, r)
                            : binop(op, l, r);
   if (a & A_NOT)
      res = unop(Iop_NotV128, res);
   putXMM(g, res);
   return True;
}

/* andnps/andnpd/pandn: V = ~V & W. */
static Bool dis_sse_andn(Amd64Dis* d)
{
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   putXMM(g, binop(Iop_AndV128, unop(Iop_NotV128, getXMM(g)), w));
   return True;
}

/* V = op([rm,] W): sqrt, rcp, rsqrt, the packed int<->float
   conversions. */
static Bool dis_sse_unary_packed(Amd64Dis* d)
{
   Int  a  = d->e->arg;
   IROp op = A_OP(a);
   IRExpr* w = getW128(d, 1, False);
   putXMM(xmmReg(d, 0), (a & A_RM) ? binop(op, get_sse_rm(), w)
                                   : unop(op, w));
   return True;
}

/* ================================================================== */
/* Scalar floating point                                              */
/* ================================================================== */

/* addss/subss/mulss/divss and the sd forms: the low lane of V becomes
   op(rm, V.low, W.low); the other lanes stay. */
static Bool dis_sse_scalar_arith(Amd64Dis* d)
{
   IROp   op = A_OP(d->e->arg);
   IRType ty = (op == Iop_AddF32 || op == Iop_SubF32 || op == Iop_MulF32
                || op == Iop_DivF32) ? Ity_F32 : Ity_F64;
   UInt   g  = xmmReg(d, 0);
   IRExpr* w = getWlow(d, 1, ty);
   IRExpr* v = mkAtom(getXMMLane(g, ty, 0));
   putXMMLane(g, ty, 0, triop(op, get_sse_rm(), v, w));
   return True;
}

/* sqrtss/sqrtsd: low lane = sqrt(rm, W.low). */
static Bool dis_sse_scalar_sqrt(Amd64Dis* d)
{
   IROp   op = A_OP(d->e->arg);
   IRType ty = op == Iop_SqrtF32 ? Ity_F32 : Ity_F64;
   IRExpr* w = getWlow(d, 1, ty);
   putXMMLane(xmmReg(d, 0), ty, 0, binop(op, get_sse_rm(), w));
   return True;
}

/* rcpss/rsqrtss: low lane = the estimate of W.low (computed by the
   F0x4 op on a vector whose low lane is W's). */
static Bool dis_sse_scalar_est(Amd64Dis* d)
{
   IROp op = A_OP(d->e->arg);
   IRExpr* w = getWlowV(d, 1, Ity_I32);
   IRExpr* r = v128Atom(unop(op, w));
   putXMMLane(xmmReg(d, 0), Ity_I32, 0, unop(Iop_V128to32, r));
   return True;
}

/* minss/maxss/minsd/maxsd, and compares: V = op(V, W) where op works on
   the low lane only (F0x4/F0x2), W's other lanes don't matter.  A_NOT
   negates the low lane's result. */
static Bool dis_sse_scalar_v(Amd64Dis* d)
{
   Int  a  = d->e->arg;
   IROp op = A_OP(a);
   Bool is64 = op == Iop_Max64F0x2 || op == Iop_Min64F0x2
               || op == Iop_CmpEQ64F0x2 || op == Iop_CmpLT64F0x2
               || op == Iop_CmpLE64F0x2 || op == Iop_CmpUN64F0x2;
   UInt g = xmmReg(d, 0);
   IRExpr* w = getWlowV(d, 1, is64 ? Ity_I64 : Ity_I32);
   IRExpr* r = binop(op, getXMM(g), w);
   if (a & A_NOT)
      r = binop(Iop_XorV128, r, mkV128(is64 ? 0x00FF : 0x000F));
   putXMM(g, r);
   return True;
}

/* ================================================================== */
/* Compares                                                           */
/* ================================================================== */

/* cmpps (arg 0), cmppd (1), cmpss (2), cmpsd (3) with the predicate in
   imm8[2:0]: EQ LT LE UNORD NEQ NLT NLE ORD.  imm8[7:3] are reserved
   without a VEX prefix; the CPU ignores them, and so do we. */
static Bool dis_sse_cmp(Amd64Dis* d)
{
   static const IROp ops[4][4] = {
      { Iop_CmpEQ32Fx4, Iop_CmpLT32Fx4, Iop_CmpLE32Fx4, Iop_CmpUN32Fx4 },
      { Iop_CmpEQ64Fx2, Iop_CmpLT64Fx2, Iop_CmpLE64Fx2, Iop_CmpUN64Fx2 },
      { Iop_CmpEQ32F0x4, Iop_CmpLT32F0x4, Iop_CmpLE32F0x4, Iop_CmpUN32F0x4 },
      { Iop_CmpEQ64F0x2, Iop_CmpLT64F0x2, Iop_CmpLE64F0x2, Iop_CmpUN64F0x2 }
   };
   Int  kind = d->e->arg;
   UInt imm  = immOf(d) & 7;
   IROp op   = ops[kind][imm & 3];
   Bool neg  = toBool(imm & 4);
   UInt g    = xmmReg(d, 0);
   IRExpr* w;
   if (kind < 2)
      w = getW128(d, 1, False);
   else
      w = getWlowV(d, 1, kind == 2 ? Ity_I32 : Ity_I64);
   IRExpr* r = binop(op, getXMM(g), w);
   if (neg)
      r = kind < 2 ? unop(Iop_NotV128, r)
                   : binop(Iop_XorV128, r, mkV128(kind == 2 ? 0x000F : 0x00FF));
   putXMM(g, r);
   return True;
}

/* comiss/ucomiss (arg 0), comisd/ucomisd (arg 1): ZF PF CF from the
   compare (unordered 111, less 001, equal 100, greater 000); OF SF AF
   cleared.  IRCmpFResult has the values of exactly those bits. */
static Bool dis_sse_comis(Amd64Dis* d)
{
   IRType ty = d->e->arg ? Ity_F64 : Ity_F32;
   IRExpr* w = getWlow(d, 1, ty);
   IRExpr* v = getXMMLane(xmmReg(d, 0), ty, 0);
   IRExpr* c = binop(ty == Ity_F64 ? Iop_CmpF64 : Iop_CmpF32, v, w);
   setFlags_COPY(binop(Iop_And64, unop(Iop_32Uto64, c), mkU64(0x45)));
   return True;
}

/* ================================================================== */
/* Moves                                                              */
/* ================================================================== */

/* V = W (128 bits): movaps movapd movdqa (aligned), movups movupd movdqu
   lddqu (A_UNAL), movntdqa. */
static Bool dis_sse_mov_load(Amd64Dis* d)
{
   IRExpr* w = getW128(d, 1, toBool(d->e->arg & A_UNAL));
   putXMM(xmmReg(d, 0), w);
   return True;
}

/* W = V (128 bits): the store forms, movnt*. */
static Bool dis_sse_mov_store(Amd64Dis* d)
{
   IRExpr* v = v128Atom(getXMM(xmmReg(d, 1)));
   if (d->op[0].kind == AOK_REG) {
      putXMM(xmmReg(d, 0), v);
      return True;
   }
   if (!(d->e->arg & A_UNAL))
      checkAlign16(d);
   storeLE(amd64_ea(d), v);
   return True;
}

/* movss (arg 4) / movsd (arg 8) to a register: from a register only the
   low lane moves; from memory the rest is zeroed. */
static Bool dis_sse_movs_load(Amd64Dis* d)
{
   IRType ty = d->e->arg == 4 ? Ity_I32 : Ity_I64;
   UInt g = xmmReg(d, 0);
   if (d->op[1].kind == AOK_REG) {
      putXMMLane(g, ty, 0, getXMMLane(xmmReg(d, 1), ty, 0));
      return True;
   }
   putXMM(g, getWlowV(d, 1, ty));
   return True;
}

/* movss/movsd from a register (arg 4/8): to a register, the low lane;
   to memory, 4/8 bytes. */
static Bool dis_sse_movs_store(Amd64Dis* d)
{
   IRType ty = d->e->arg == 4 ? Ity_I32 : Ity_I64;
   IRExpr* v = mkAtom(getXMMLane(xmmReg(d, 1), ty, 0));
   if (d->op[0].kind == AOK_REG)
      putXMMLane(xmmReg(d, 0), ty, 0, v);
   else
      storeLE(amd64_ea(d), v);
   return True;
}

/* The 64-bit half moves: ARG bit 0 the destination half, bit 1 the
   source half, bit 2 set for a store (to memory) form.
     movlps/movlpd load  (Vq, Mq)  dst 0      movhlps (Vx, Ux)  dst 0 src 1
     movhps/movhpd load  (Vx, Mq)  dst 1      movlhps (Vx, Ux)  dst 1 src 0
     movlps/movlpd store (Mq, Vq)  src 0      movhps/movhpd store  src 1 */
static Bool dis_sse_movhalf(Amd64Dis* d)
{
   Int a = d->e->arg;
   Int dst = a & 1, src = (a >> 1) & 1;
   if (a & 4) {
      storeLE(amd64_ea(d), mkAtom(getXMMLane(xmmReg(d, 1), Ity_I64, src)));
      return True;
   }
   IRExpr* x;
   if (d->op[1].kind == AOK_MEM)
      x = mkAtom(loadLE(Ity_I64, amd64_ea(d)));
   else
      x = mkAtom(getXMMLane(xmmReg(d, 1), Ity_I64, src));
   putXMMLane(xmmReg(d, 0), Ity_I64, dst, x);
   return True;
}

/* movq xmm, xmm/m64 (F3 0F 7E): the low 64 bits, the rest zeroed. */
static Bool dis_sse_movq_load(Amd64Dis* d)
{
   IRExpr* x = getWlow(d, 1, Ity_I64);
   putXMM(xmmReg(d, 0), unop(Iop_64UtoV128, x));
   return True;
}

/* movq xmm/m64, xmm (66 0F D6): to memory 8 bytes; to a register the
   low 64 bits with the rest zeroed. */
static Bool dis_sse_movq_store(Amd64Dis* d)
{
   IRExpr* x = mkAtom(getXMMLane(xmmReg(d, 1), Ity_I64, 0));
   if (d->op[0].kind == AOK_REG)
      putXMM(xmmReg(d, 0), unop(Iop_64UtoV128, x));
   else
      storeLE(amd64_ea(d), x);
   return True;
}

/* movd/movq xmm, r/m32/64 (66 0F 6E): zero-extended. */
static Bool dis_sse_movd_to_xmm(Amd64Dis* d)
{
   IRExpr* x = getOperand(d, 1);
   putXMM(xmmReg(d, 0), d->op[1].sz == 8 ? unop(Iop_64UtoV128, x)
                                         : unop(Iop_32UtoV128, x));
   return True;
}

/* movd/movq r/m32/64, xmm (66 0F 7E). */
static Bool dis_sse_movd_from_xmm(Amd64Dis* d)
{
   IRType ty = d->op[0].sz == 8 ? Ity_I64 : Ity_I32;
   putOperand(d, 0, mkAtom(getXMMLane(xmmReg(d, 1), ty, 0)));
   return True;
}

/* movnti m32/64, r32/64. */
static Bool dis_sse_movnti(Amd64Dis* d)
{
   putOperand(d, 0, getOperand(d, 1));
   return True;
}

/* movmskps (arg 4) / movmskpd (arg 8): the lanes' sign bits into a
   32-bit register. */
static Bool dis_sse_movmsk(Amd64Dis* d)
{
   UInt s = xmmReg(d, 1);
   IRExpr* r;
   if (d->e->arg == 4) {
      r = NULL;
      for (Int i = 0; i < 4; i++) {
         IRExpr* b = binop(Iop_Shr32, getXMMLane(s, Ity_I32, i), mkU8(31));
         if (i > 0)
            b = binop(Iop_Shl32, b, mkU8(i));
         r = r == NULL ? b : binop(Iop_Or32, r, b);
      }
   } else {
      IRExpr* b0 = binop(Iop_Shr64, getXMMLane(s, Ity_I64, 0), mkU8(63));
      IRExpr* b1 = binop(Iop_Shl64,
                         binop(Iop_Shr64, getXMMLane(s, Ity_I64, 1), mkU8(63)),
                         mkU8(1));
      r = unop(Iop_64to32, binop(Iop_Or64, b0, b1));
   }
   putIRegSz(4, d->op[0].reg, False, r);
   return True;
}

/* ================================================================== */
/* Shuffles                                                           */
/* ================================================================== */

/* shufps: lanes 0,1 from V, 2,3 from W, chosen by imm8's 2-bit fields. */
static Bool dis_sse_shufps(Amd64Dis* d)
{
   UInt imm = immOf(d);
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   putXMM(g, mkV128_32(lane32(w, (imm >> 6) & 3), lane32(w, (imm >> 4) & 3),
                       lane32(v, (imm >> 2) & 3), lane32(v, imm & 3)));
   return True;
}

/* shufpd: lane 0 from V, lane 1 from W. */
static Bool dis_sse_shufpd(Amd64Dis* d)
{
   UInt imm = immOf(d);
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   putXMM(g, mkV128_64((imm & 2) ? hi64(w) : lo64(w),
                       (imm & 1) ? hi64(v) : lo64(v)));
   return True;
}

/* ================================================================== */
/* Conversions                                                        */
/* ================================================================== */

/* cvtsi2ss (arg 4) / cvtsi2sd (arg 8): the low lane from a 32/64-bit
   integer, rounded as MXCSR says where inexact. */
static Bool dis_cvtsi2s(Amd64Dis* d)
{
   IRExpr* x = getOperand(d, 1);
   Bool    q = toBool(d->op[1].sz == 8);
   UInt    g = xmmReg(d, 0);
   if (d->e->arg == 4) {
      putXMMLane(g, Ity_F32, 0, binop(q ? Iop_I64StoF32 : Iop_I32StoF32,
                                       get_sse_rm(), x));
   } else {
      putXMMLane(g, Ity_F64, 0, q ? binop(Iop_I64StoF64, get_sse_rm(), x)
                                  : unop(Iop_I32StoF64, x));
   }
   return True;
}

/* cvtss2si / cvttss2si / cvtsd2si / cvttsd2si: ARG bit 0 set for the
   double forms, bit 1 set for truncation.  NaNs and values out of range
   give the integer indefinite (the IR ops' x86 behaviour). */
static Bool dis_cvts2si(Amd64Dis* d)
{
   Bool dbl = toBool(d->e->arg & 1);
   Bool q   = toBool(d->op[0].sz == 8);
   IRExpr* rm = (d->e->arg & 2) ? mkU32(Irrm_ZERO) : get_sse_rm();
   IRExpr* f  = getWlow(d, 1, dbl ? Ity_F64 : Ity_F32);
   IROp op = dbl ? (q ? Iop_F64toI64S : Iop_F64toI32S)
                 : (q ? Iop_F32toI64S : Iop_F32toI32S);
   putIRegSz(q ? 8 : 4, d->op[0].reg, False, binop(op, rm, f));
   return True;
}

/* cvtss2sd (arg 0): exact.  cvtsd2ss (arg 1): rounded. */
static Bool dis_cvtss_sd(Amd64Dis* d)
{
   UInt g = xmmReg(d, 0);
   if (d->e->arg == 0) {
      IRExpr* f = getWlow(d, 1, Ity_F32);
      putXMMLane(g, Ity_F64, 0, unop(Iop_F32toF64, f));
   } else {
      IRExpr* f = getWlow(d, 1, Ity_F64);
      putXMMLane(g, Ity_F32, 0, binop(Iop_F64toF32, get_sse_rm(), f));
   }
   return True;
}

/* The two-lane conversions:
     arg 0  cvtps2pd   (Vx, Wq)  two floats to doubles
     arg 1  cvtpd2ps   (Vx, Wx)  two doubles to floats, upper half zero
     arg 2  cvtdq2pd   (Vx, Wq)  two int32 to doubles
     arg 3  cvtpd2dq   (Vx, Wx)  two doubles to int32 (rm), upper zero
     arg 4  cvttpd2dq  (Vx, Wx)  the same, truncating */
static Bool dis_cvt_2lane(Amd64Dis* d)
{
   Int  a = d->e->arg;
   UInt g = xmmReg(d, 0);
   if (a == 0 || a == 2) {
      IRExpr* x = getWlow(d, 1, Ity_I64);
      IRExpr* l0 = unop(Iop_64to32, x);
      IRExpr* l1 = unop(Iop_64HIto32, x);
      IRExpr *r0, *r1;
      if (a == 0) {
         r0 = unop(Iop_F32toF64, unop(Iop_ReinterpI32asF32, l0));
         r1 = unop(Iop_F32toF64, unop(Iop_ReinterpI32asF32, l1));
      } else {
         r0 = unop(Iop_I32StoF64, l0);
         r1 = unop(Iop_I32StoF64, l1);
      }
      putXMM(g, mkV128_64(unop(Iop_ReinterpF64asI64, r1),
                          unop(Iop_ReinterpF64asI64, r0)));
      return True;
   }
   IRExpr* w  = getW128(d, 1, False);
   IRExpr* rm = a == 4 ? mkU32(Irrm_ZERO) : mkAtom(get_sse_rm());
   IRExpr* f0 = unop(Iop_ReinterpI64asF64, lo64(w));
   IRExpr* f1 = unop(Iop_ReinterpI64asF64, hi64(w));
   IRExpr *r0, *r1;
   if (a == 1) {
      r0 = unop(Iop_ReinterpF32asI32, binop(Iop_F64toF32, rm, f0));
      r1 = unop(Iop_ReinterpF32asI32, binop(Iop_F64toF32, rm, f1));
   } else {
      r0 = binop(Iop_F64toI32S, rm, f0);
      r1 = binop(Iop_F64toI32S, rm, f1);
   }
   putXMM(g, mkV128_64(mkU64(0), binop(Iop_32HLto64, r1, r0)));
   return True;
}

/* ================================================================== */
/* SSE3                                                               */
/* ================================================================== */

/* addsubps (arg 4) / addsubpd (arg 8): odd lanes add, even lanes
   subtract. */
static Bool dis_sse3_addsub(Amd64Dis* d)
{
   Bool s = toBool(d->e->arg == 4);
   UInt g = xmmReg(d, 0);
   IRExpr* w  = getW128(d, 1, False);
   IRExpr* v  = v128Atom(getXMM(g));
   IRExpr* rm = mkAtom(get_sse_rm());
   IRExpr* ad = triop(s ? Iop_Add32Fx4 : Iop_Add64Fx2, rm, v, w);
   IRExpr* sb = triop(s ? Iop_Sub32Fx4 : Iop_Sub64Fx2, rm, v, w);
   UShort odd = s ? laneMask32(0xA) : laneMask64(0x2);
   putXMM(g, binop(Iop_OrV128, binop(Iop_AndV128, ad, mkV128(odd)),
                   binop(Iop_AndV128, sb, mkV128((UShort)~odd))));
   return True;
}

/* haddps/hsubps (arg 4 / 4+1), haddpd/hsubpd (8 / 8+1): pairwise sums
   (differences) of V's lanes in the low half, of W's in the high half. */
static Bool dis_sse3_hadd(Amd64Dis* d)
{
   Int  a = d->e->arg;
   Bool s = toBool((a & ~1) == 4);
   Bool sub = toBool(a & 1);
   UInt g = xmmReg(d, 0);
   IRExpr* w  = getW128(d, 1, False);
   IRExpr* v  = v128Atom(getXMM(g));
   IRExpr *ev, *od;
   if (s) {
      ev = binop(Iop_CatEvenLanes32x4, w, v);
      od = binop(Iop_CatOddLanes32x4, w, v);
   } else {
      ev = binop(Iop_InterleaveLO64x2, w, v);
      od = binop(Iop_InterleaveHI64x2, w, v);
   }
   IROp op = s ? (sub ? Iop_Sub32Fx4 : Iop_Add32Fx4)
               : (sub ? Iop_Sub64Fx2 : Iop_Add64Fx2);
   putXMM(g, triop(op, get_sse_rm(), ev, od));
   return True;
}

/* movsldup (arg 0: lanes 0,0,2,2), movshdup (arg 1: 1,1,3,3), movddup
   (arg 2: the low double twice, from xmm/m64). */
static Bool dis_sse3_movdup(Amd64Dis* d)
{
   Int  a = d->e->arg;
   UInt g = xmmReg(d, 0);
   if (a == 2) {
      IRExpr* x = getWlow(d, 1, Ity_I64);
      putXMM(g, mkV128_64(x, x));
      return True;
   }
   IRExpr* w = getW128(d, 1, False);
   IRExpr* l = mkAtom(lane32(w, a));
   IRExpr* h = mkAtom(lane32(w, 2 + a));
   putXMM(g, mkV128_32(h, h, l, l));
   return True;
}

/* ================================================================== */
/* MXCSR                                                              */
/* ================================================================== */

/* ldmxcsr m32: only the rounding control is kept (see the header). */
static Bool dis_ldmxcsr(Amd64Dis* d)
{
   IRExpr* m = loadLE(Ity_I32, amd64_ea(d));
   IRExpr* rc = binop(Iop_And32, binop(Iop_Shr32, m, mkU8(13)), mkU32(3));
   stmt(IRStmt_Put(OFFB_SSEROUND, unop(Iop_32Uto64, rc)));
   return True;
}

/* stmxcsr m32: the default masks with the rounding control. */
static Bool dis_stmxcsr(Amd64Dis* d)
{
   IRExpr* rc = binop(Iop_And32, IRExpr_Get(OFFB_SSEROUND, Ity_I32),
                      mkU32(3));
   storeLE(amd64_ea(d), binop(Iop_Or32, mkU32(0x1F80),
                              binop(Iop_Shl32, rc, mkU8(13))));
   return True;
}

/* ================================================================== */
/* The table                                                          */
/* ================================================================== */

#define N   OPF_NONE
#define NS  AF_DNOSUF
#define HX  AF_DHEXIMM
#define MEM AF_MEM
#define REG AF_REG

#define ENT(map, opc, ext, pfx, flags, mnem, o1, o2, o3, fn, arg, cls)    \
   { map, opc, 1, ext, pfx, 0, -1, (flags) | NS, mnem, { o1, o2, o3, N }, \
     fn, arg, cls }
/* 0F xx, 0F 38 xx, 0F 3A xx with a mandatory-prefix column */
#define T(opc, pfx, fl, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, -1, AMD64_PFX_##pfx, fl, mn, a, b, c, fn, arg, cls)
#define TX(opc, x, pfx, fl, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, x, AMD64_PFX_##pfx, fl, mn, a, b, c, fn, arg, cls)
#define T38(opc, fl, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_0F38, opc, -1, AMD64_PFX_66, fl, mn, a, b, c, fn, arg, cls)
#define T3A(opc, fl, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_0F3A, opc, -1, AMD64_PFX_66, fl | HX, mn, a, b, c, fn, \
       arg, cls)

#define Vx  OPF_Vx
#define Wx  OPF_Wx
#define Ux  OPF_Ux
#define Vq  OPF_Vq
#define Wq  OPF_Wq
#define Wd  OPF_Wd
#define Vss OPF_Vss
#define Wss OPF_Wss
#define Vsd OPF_Vsd
#define Wsd OPF_Wsd
#define Ib  OPF_Ib

/* A packed binary op in its four prefix columns is rare; these are the
   usual pairs. */
#define BIN(opc, pfx, mn, op, flags, cls) \
   T(opc, pfx, 0, mn, Vx, Wx, N, dis_sse_binop, (op) | (flags), cls)
#define INT(opc, mn, op, flags, cls) \
   T(opc, 66, 0, mn, Vx, Wx, N, dis_sse_binop, (op) | (flags), cls)
#define I38(opc, mn, op, flags, cls) \
   T38(opc, 0, mn, Vx, Wx, N, dis_sse_binop, (op) | (flags), cls)

/* The floating-point arithmetic rows: ps, pd, ss, sd. */
#define FARITH(opc, mn, o32x4, o64x2, o32, o64)                           \
   BIN(opc, NP, mn "ps", o32x4, A_RM, "sse-farith"),                       \
   BIN(opc, 66, mn "pd", o64x2, A_RM, "sse-farith"),                       \
   T(opc, F3, 0, mn "ss", Vx, Wss, N, dis_sse_scalar_arith, o32,           \
     "sse-farith"),                                                        \
   T(opc, F2, 0, mn "sd", Vx, Wsd, N, dis_sse_scalar_arith, o64,           \
     "sse-farith")
#define FMINMAX(opc, mn, o32x4, o64x2, o32, o64)                          \
   BIN(opc, NP, mn "ps", o32x4, 0, "sse-fminmax"),                         \
   BIN(opc, 66, mn "pd", o64x2, 0, "sse-fminmax"),                         \
   T(opc, F3, 0, mn "ss", Vx, Wss, N, dis_sse_scalar_v, o32, "sse-fminmax"), \
   T(opc, F2, 0, mn "sd", Vx, Wsd, N, dis_sse_scalar_v, o64, "sse-fminmax")

static const Amd64OpEntry sse_entries[] = {
   /* ---- moves ---- */
   T(0x10, NP, 0, "movups", Vx, Wx, N, dis_sse_mov_load, A_UNAL, "sse-mov"),
   T(0x10, 66, 0, "movupd", Vx, Wx, N, dis_sse_mov_load, A_UNAL, "sse-mov"),
   T(0x10, F3, 0, "movss", Vx, Wss, N, dis_sse_movs_load, 4, "sse-mov"),
   T(0x10, F2, 0, "movsd", Vx, Wsd, N, dis_sse_movs_load, 8, "sse-mov"),
   T(0x11, NP, 0, "movups", Wx, Vx, N, dis_sse_mov_store, A_UNAL, "sse-mov"),
   T(0x11, 66, 0, "movupd", Wx, Vx, N, dis_sse_mov_store, A_UNAL, "sse-mov"),
   T(0x11, F3, 0, "movss", Wss, Vss, N, dis_sse_movs_store, 4, "sse-mov"),
   T(0x11, F2, 0, "movsd", Wsd, Vsd, N, dis_sse_movs_store, 8, "sse-mov"),
   T(0x12, NP, MEM, "movlps", Vq, OPF_Mq, N, dis_sse_movhalf, 0, "sse-movhalf"),
   T(0x12, NP, REG, "movhlps", Vx, Ux, N, dis_sse_movhalf, 2, "sse-movhalf"),
   T(0x12, 66, MEM, "movlpd", Vq, OPF_Mq, N, dis_sse_movhalf, 0, "sse-movhalf"),
   T(0x12, F2, 0, "movddup", Vx, Wsd, N, dis_sse3_movdup, 2, "sse3-movdup"),
   T(0x12, F3, 0, "movsldup", Vx, Wx, N, dis_sse3_movdup, 0, "sse3-movdup"),
   T(0x13, NP, MEM, "movlps", OPF_Mq, Vq, N, dis_sse_movhalf, 4, "sse-movhalf"),
   T(0x13, 66, MEM, "movlpd", OPF_Mq, Vq, N, dis_sse_movhalf, 4, "sse-movhalf"),
   T(0x16, NP, MEM, "movhps", Vx, OPF_Mq, N, dis_sse_movhalf, 1, "sse-movhalf"),
   T(0x16, NP, REG, "movlhps", Vx, Ux, N, dis_sse_movhalf, 1, "sse-movhalf"),
   T(0x16, 66, MEM, "movhpd", Vx, OPF_Mq, N, dis_sse_movhalf, 1, "sse-movhalf"),
   T(0x16, F3, 0, "movshdup", Vx, Wx, N, dis_sse3_movdup, 1, "sse3-movdup"),
   T(0x17, NP, MEM, "movhps", OPF_Mq, Vx, N, dis_sse_movhalf, 4 | 2,
     "sse-movhalf"),
   T(0x17, 66, MEM, "movhpd", OPF_Mq, Vx, N, dis_sse_movhalf, 4 | 2,
     "sse-movhalf"),
   T(0x28, NP, 0, "movaps", Vx, Wx, N, dis_sse_mov_load, 0, "sse-mov"),
   T(0x28, 66, 0, "movapd", Vx, Wx, N, dis_sse_mov_load, 0, "sse-mov"),
   T(0x29, NP, 0, "movaps", Wx, Vx, N, dis_sse_mov_store, 0, "sse-mov"),
   T(0x29, 66, 0, "movapd", Wx, Vx, N, dis_sse_mov_store, 0, "sse-mov"),
   T(0x2B, NP, MEM, "movntps", OPF_Mdq, Vx, N, dis_sse_mov_store, 0,
     "sse-mov"),
   T(0x2B, 66, MEM, "movntpd", OPF_Mdq, Vx, N, dis_sse_mov_store, 0,
     "sse-mov"),
   T(0x6F, 66, 0, "movdqa", Vx, Wx, N, dis_sse_mov_load, 0, "sse-mov"),
   T(0x6F, F3, 0, "movdqu", Vx, Wx, N, dis_sse_mov_load, A_UNAL, "sse-mov"),
   T(0x7F, 66, 0, "movdqa", Wx, Vx, N, dis_sse_mov_store, 0, "sse-mov"),
   T(0x7F, F3, 0, "movdqu", Wx, Vx, N, dis_sse_mov_store, A_UNAL, "sse-mov"),
   T(0xE7, 66, MEM, "movntdq", OPF_Mdq, Vx, N, dis_sse_mov_store, 0,
     "sse-mov"),
   T(0xF0, F2, MEM, "lddqu", Vx, OPF_Mdq, N, dis_sse_mov_load, A_UNAL,
     "sse-mov"),
   T38(0x2A, MEM, "movntdqa", Vx, OPF_Mdq, N, dis_sse_mov_load, 0, "sse-mov"),
   T(0x6E, 66, 0, "movd|movd|movq", Vx, OPF_Ey, N, dis_sse_movd_to_xmm, 0,
     "sse-movd"),
   T(0x7E, 66, 0, "movd|movd|movq", OPF_Ey, Vx, N, dis_sse_movd_from_xmm, 0,
     "sse-movd"),
   T(0x7E, F3, 0, "movq", Vx, Wq, N, dis_sse_movq_load, 0, "sse-movd"),
   T(0xD6, 66, 0, "movq", Wq, Vq, N, dis_sse_movq_store, 0, "sse-movd"),
   T(0xC3, NP, MEM, "movnti", OPF_Ey, OPF_Gy, N, dis_sse_movnti, 0,
     "sse-movd"),
   T(0x50, NP, REG, "movmskps", OPF_Gd, Ux, N, dis_sse_movmsk, 4, "sse-movmsk"),
   T(0x50, 66, REG, "movmskpd", OPF_Gd, Ux, N, dis_sse_movmsk, 8, "sse-movmsk"),
   T(0xD7, 66, REG, "pmovmskb", OPF_Gd, Ux, N, dis_sse_pmovmskb, 0,
     "sse-movmsk"),
   T(0xF7, 66, REG, "maskmovdqu", Vx, Ux, N, dis_sse_maskmov, 0, "sse-movmsk"),

   /* ---- floating-point arithmetic ---- */
   FARITH(0x58, "add", Iop_Add32Fx4, Iop_Add64Fx2, Iop_AddF32, Iop_AddF64),
   FARITH(0x59, "mul", Iop_Mul32Fx4, Iop_Mul64Fx2, Iop_MulF32, Iop_MulF64),
   FARITH(0x5C, "sub", Iop_Sub32Fx4, Iop_Sub64Fx2, Iop_SubF32, Iop_SubF64),
   FARITH(0x5E, "div", Iop_Div32Fx4, Iop_Div64Fx2, Iop_DivF32, Iop_DivF64),
   FMINMAX(0x5D, "min", Iop_Min32Fx4, Iop_Min64Fx2, Iop_Min32F0x4,
           Iop_Min64F0x2),
   FMINMAX(0x5F, "max", Iop_Max32Fx4, Iop_Max64Fx2, Iop_Max32F0x4,
           Iop_Max64F0x2),
   T(0x51, NP, 0, "sqrtps", Vx, Wx, N, dis_sse_unary_packed,
     Iop_Sqrt32Fx4 | A_RM, "sse-fsqrt"),
   T(0x51, 66, 0, "sqrtpd", Vx, Wx, N, dis_sse_unary_packed,
     Iop_Sqrt64Fx2 | A_RM, "sse-fsqrt"),
   T(0x51, F3, 0, "sqrtss", Vx, Wss, N, dis_sse_scalar_sqrt, Iop_SqrtF32,
     "sse-fsqrt"),
   T(0x51, F2, 0, "sqrtsd", Vx, Wsd, N, dis_sse_scalar_sqrt, Iop_SqrtF64,
     "sse-fsqrt"),
   T(0x52, NP, 0, "rsqrtps", Vx, Wx, N, dis_sse_unary_packed,
     Iop_RSqrtEst32Fx4, "sse-fest"),
   T(0x52, F3, 0, "rsqrtss", Vx, Wss, N, dis_sse_scalar_est,
     Iop_RSqrtEst32F0x4, "sse-fest"),
   T(0x53, NP, 0, "rcpps", Vx, Wx, N, dis_sse_unary_packed, Iop_RecipEst32Fx4,
     "sse-fest"),
   T(0x53, F3, 0, "rcpss", Vx, Wss, N, dis_sse_scalar_est, Iop_RecipEst32F0x4,
     "sse-fest"),

   /* ---- logic ---- */
   BIN(0x54, NP, "andps", Iop_AndV128, 0, "sse-logic"),
   BIN(0x54, 66, "andpd", Iop_AndV128, 0, "sse-logic"),
   T(0x55, NP, 0, "andnps", Vx, Wx, N, dis_sse_andn, 0, "sse-logic"),
   T(0x55, 66, 0, "andnpd", Vx, Wx, N, dis_sse_andn, 0, "sse-logic"),
   BIN(0x56, NP, "orps", Iop_OrV128, 0, "sse-logic"),
   BIN(0x56, 66, "orpd", Iop_OrV128, 0, "sse-logic"),
   BIN(0x57, NP, "xorps", Iop_XorV128, 0, "sse-logic"),
   BIN(0x57, 66, "xorpd", Iop_XorV128, 0, "sse-logic"),
   INT(0xDB, "pand", Iop_AndV128, 0, "sse-logic"),
   T(0xDF, 66, 0, "pandn", Vx, Wx, N, dis_sse_andn, 0, "sse-logic"),
   INT(0xEB, "por", Iop_OrV128, 0, "sse-logic"),
   INT(0xEF, "pxor", Iop_XorV128, 0, "sse-logic"),

   /* ---- compares ---- */
   T(0xC2, NP, HX, "cmpps", Vx, Wx, Ib, dis_sse_cmp, 0, "sse-fcmp"),
   T(0xC2, 66, HX, "cmppd", Vx, Wx, Ib, dis_sse_cmp, 1, "sse-fcmp"),
   T(0xC2, F3, HX, "cmpss", Vx, Wss, Ib, dis_sse_cmp, 2, "sse-fcmp"),
   T(0xC2, F2, HX, "cmpsd", Vx, Wsd, Ib, dis_sse_cmp, 3, "sse-fcmp"),
   T(0x2E, NP, 0, "ucomiss", Vss, Wss, N, dis_sse_comis, 0, "sse-comis"),
   T(0x2E, 66, 0, "ucomisd", Vsd, Wsd, N, dis_sse_comis, 1, "sse-comis"),
   T(0x2F, NP, 0, "comiss", Vss, Wss, N, dis_sse_comis, 0, "sse-comis"),
   T(0x2F, 66, 0, "comisd", Vsd, Wsd, N, dis_sse_comis, 1, "sse-comis"),

   /* ---- conversions ---- */
   T(0x2A, F3, 0, "cvtsi2ss", Vx, OPF_Ey, N, dis_cvtsi2s, 4, "sse-cvt"),
   T(0x2A, F2, 0, "cvtsi2sd", Vx, OPF_Ey, N, dis_cvtsi2s, 8, "sse-cvt"),
   T(0x2C, F3, 0, "cvttss2si", OPF_Gy, Wss, N, dis_cvts2si, 2, "sse-cvt"),
   T(0x2C, F2, 0, "cvttsd2si", OPF_Gy, Wsd, N, dis_cvts2si, 3, "sse-cvt"),
   T(0x2D, F3, 0, "cvtss2si", OPF_Gy, Wss, N, dis_cvts2si, 0, "sse-cvt"),
   T(0x2D, F2, 0, "cvtsd2si", OPF_Gy, Wsd, N, dis_cvts2si, 1, "sse-cvt"),
   T(0x5A, NP, 0, "cvtps2pd", Vx, Wq, N, dis_cvt_2lane, 0, "sse-cvt"),
   T(0x5A, 66, 0, "cvtpd2ps", Vx, Wx, N, dis_cvt_2lane, 1, "sse-cvt"),
   T(0x5A, F3, 0, "cvtss2sd", Vx, Wss, N, dis_cvtss_sd, 0, "sse-cvt"),
   T(0x5A, F2, 0, "cvtsd2ss", Vx, Wsd, N, dis_cvtss_sd, 1, "sse-cvt"),
   T(0x5B, NP, 0, "cvtdq2ps", Vx, Wx, N, dis_sse_unary_packed,
     Iop_I32StoF32x4 | A_RM, "sse-cvt"),
   T(0x5B, 66, 0, "cvtps2dq", Vx, Wx, N, dis_sse_unary_packed,
     Iop_F32toI32Sx4 | A_RM, "sse-cvt"),
   T(0x5B, F3, 0, "cvttps2dq", Vx, Wx, N, dis_sse_unary_packed,
     Iop_F32toI32Sx4_RZ, "sse-cvt"),
   T(0xE6, F3, 0, "cvtdq2pd", Vx, Wq, N, dis_cvt_2lane, 2, "sse-cvt"),
   T(0xE6, F2, 0, "cvtpd2dq", Vx, Wx, N, dis_cvt_2lane, 3, "sse-cvt"),
   T(0xE6, 66, 0, "cvttpd2dq", Vx, Wx, N, dis_cvt_2lane, 4, "sse-cvt"),

   /* ---- shuffles and unpacks ---- */
   T(0xC6, NP, HX, "shufps", Vx, Wx, Ib, dis_sse_shufps, 0, "sse-shuf"),
   T(0xC6, 66, HX, "shufpd", Vx, Wx, Ib, dis_sse_shufpd, 0, "sse-shuf"),
   BIN(0x14, NP, "unpcklps", Iop_InterleaveLO32x4, A_SWAP, "sse-shuf"),
   BIN(0x14, 66, "unpcklpd", Iop_InterleaveLO64x2, A_SWAP, "sse-shuf"),
   BIN(0x15, NP, "unpckhps", Iop_InterleaveHI32x4, A_SWAP, "sse-shuf"),
   BIN(0x15, 66, "unpckhpd", Iop_InterleaveHI64x2, A_SWAP, "sse-shuf"),
   T(0x70, 66, HX, "pshufd", Vx, Wx, Ib, dis_sse_pshufd, 0, "sse-shuf"),
   T(0x70, F2, HX, "pshuflw", Vx, Wx, Ib, dis_sse_pshufw, 0, "sse-shuf"),
   T(0x70, F3, HX, "pshufhw", Vx, Wx, Ib, dis_sse_pshufw, 1, "sse-shuf"),

   /* ---- SSE3 ---- */
   T(0xD0, F2, 0, "addsubps", Vx, Wx, N, dis_sse3_addsub, 4, "sse3-fhadd"),
   T(0xD0, 66, 0, "addsubpd", Vx, Wx, N, dis_sse3_addsub, 8, "sse3-fhadd"),
   T(0x7C, 66, 0, "haddpd", Vx, Wx, N, dis_sse3_hadd, 8, "sse3-fhadd"),
   T(0x7C, F2, 0, "haddps", Vx, Wx, N, dis_sse3_hadd, 4, "sse3-fhadd"),
   T(0x7D, F2, 0, "hsubps", Vx, Wx, N, dis_sse3_hadd, 5, "sse3-fhadd"),
   T(0x7D, 66, 0, "hsubpd", Vx, Wx, N, dis_sse3_hadd, 9, "sse3-fhadd"),

   /* ---- MXCSR ---- */
   TX(0xAE, 2, NP, MEM, "ldmxcsr", OPF_Md, N, N, dis_ldmxcsr, 0, "sse-mxcsr"),
   TX(0xAE, 3, NP, MEM, "stmxcsr", OPF_Md, N, N, dis_stmxcsr, 0, "sse-mxcsr"),

   /* ---- integer SIMD (SSE2) ---- */
   INT(0xFC, "paddb", Iop_Add8x16, 0, "sse-iadd"),
   INT(0xFD, "paddw", Iop_Add16x8, 0, "sse-iadd"),
   INT(0xFE, "paddd", Iop_Add32x4, 0, "sse-iadd"),
   INT(0xD4, "paddq", Iop_Add64x2, 0, "sse-iadd"),
   INT(0xEC, "paddsb", Iop_QAdd8Sx16, 0, "sse-iadd"),
   INT(0xED, "paddsw", Iop_QAdd16Sx8, 0, "sse-iadd"),
   INT(0xDC, "paddusb", Iop_QAdd8Ux16, 0, "sse-iadd"),
   INT(0xDD, "paddusw", Iop_QAdd16Ux8, 0, "sse-iadd"),
   INT(0xF8, "psubb", Iop_Sub8x16, 0, "sse-iadd"),
   INT(0xF9, "psubw", Iop_Sub16x8, 0, "sse-iadd"),
   INT(0xFA, "psubd", Iop_Sub32x4, 0, "sse-iadd"),
   INT(0xFB, "psubq", Iop_Sub64x2, 0, "sse-iadd"),
   INT(0xE8, "psubsb", Iop_QSub8Sx16, 0, "sse-iadd"),
   INT(0xE9, "psubsw", Iop_QSub16Sx8, 0, "sse-iadd"),
   INT(0xD8, "psubusb", Iop_QSub8Ux16, 0, "sse-iadd"),
   INT(0xD9, "psubusw", Iop_QSub16Ux8, 0, "sse-iadd"),
   INT(0xD5, "pmullw", Iop_Mul16x8, 0, "sse-imul"),
   INT(0xE5, "pmulhw", Iop_MulHi16Sx8, 0, "sse-imul"),
   INT(0xE4, "pmulhuw", Iop_MulHi16Ux8, 0, "sse-imul"),
   INT(0xF4, "pmuludq", Iop_MullEven32Ux4, 0, "sse-imul"),
   T(0xF5, 66, 0, "pmaddwd", Vx, Wx, N, dis_sse_pmaddwd, 0, "sse-imul"),
   T(0xF6, 66, 0, "psadbw", Vx, Wx, N, dis_sse_psadbw, 0, "sse-imul"),
   INT(0xE0, "pavgb", Iop_Avg8Ux16, 0, "sse-iminmax"),
   INT(0xE3, "pavgw", Iop_Avg16Ux8, 0, "sse-iminmax"),
   INT(0xDA, "pminub", Iop_Min8Ux16, 0, "sse-iminmax"),
   INT(0xDE, "pmaxub", Iop_Max8Ux16, 0, "sse-iminmax"),
   INT(0xEA, "pminsw", Iop_Min16Sx8, 0, "sse-iminmax"),
   INT(0xEE, "pmaxsw", Iop_Max16Sx8, 0, "sse-iminmax"),
   INT(0x74, "pcmpeqb", Iop_CmpEQ8x16, 0, "sse-icmp"),
   INT(0x75, "pcmpeqw", Iop_CmpEQ16x8, 0, "sse-icmp"),
   INT(0x76, "pcmpeqd", Iop_CmpEQ32x4, 0, "sse-icmp"),
   INT(0x64, "pcmpgtb", Iop_CmpGT8Sx16, 0, "sse-icmp"),
   INT(0x65, "pcmpgtw", Iop_CmpGT16Sx8, 0, "sse-icmp"),
   INT(0x66, "pcmpgtd", Iop_CmpGT32Sx4, 0, "sse-icmp"),
   INT(0x60, "punpcklbw", Iop_InterleaveLO8x16, A_SWAP, "sse-unpack"),
   INT(0x61, "punpcklwd", Iop_InterleaveLO16x8, A_SWAP, "sse-unpack"),
   INT(0x62, "punpckldq", Iop_InterleaveLO32x4, A_SWAP, "sse-unpack"),
   INT(0x6C, "punpcklqdq", Iop_InterleaveLO64x2, A_SWAP, "sse-unpack"),
   INT(0x68, "punpckhbw", Iop_InterleaveHI8x16, A_SWAP, "sse-unpack"),
   INT(0x69, "punpckhwd", Iop_InterleaveHI16x8, A_SWAP, "sse-unpack"),
   INT(0x6A, "punpckhdq", Iop_InterleaveHI32x4, A_SWAP, "sse-unpack"),
   INT(0x6D, "punpckhqdq", Iop_InterleaveHI64x2, A_SWAP, "sse-unpack"),
   INT(0x63, "packsswb", Iop_QNarrowBin16Sto8Sx16, A_SWAP, "sse-unpack"),
   INT(0x6B, "packssdw", Iop_QNarrowBin32Sto16Sx8, A_SWAP, "sse-unpack"),
   INT(0x67, "packuswb", Iop_QNarrowBin16Sto8Ux16, A_SWAP, "sse-unpack"),
   /* shifts: by xmm/m128, by imm8 (groups 71, 72, 73) */
   T(0xD1, 66, 0, "psrlw", Vx, Wx, N, dis_sse_shift_xmm, Iop_ShrN16x8,
     "sse-ishift"),
   T(0xD2, 66, 0, "psrld", Vx, Wx, N, dis_sse_shift_xmm, Iop_ShrN32x4,
     "sse-ishift"),
   T(0xD3, 66, 0, "psrlq", Vx, Wx, N, dis_sse_shift_xmm, Iop_ShrN64x2,
     "sse-ishift"),
   T(0xE1, 66, 0, "psraw", Vx, Wx, N, dis_sse_shift_xmm, Iop_SarN16x8,
     "sse-ishift"),
   T(0xE2, 66, 0, "psrad", Vx, Wx, N, dis_sse_shift_xmm, Iop_SarN32x4,
     "sse-ishift"),
   T(0xF1, 66, 0, "psllw", Vx, Wx, N, dis_sse_shift_xmm, Iop_ShlN16x8,
     "sse-ishift"),
   T(0xF2, 66, 0, "pslld", Vx, Wx, N, dis_sse_shift_xmm, Iop_ShlN32x4,
     "sse-ishift"),
   T(0xF3, 66, 0, "psllq", Vx, Wx, N, dis_sse_shift_xmm, Iop_ShlN64x2,
     "sse-ishift"),
   TX(0x71, 2, 66, REG | HX, "psrlw", Ux, Ib, N, dis_sse_shift_imm,
      Iop_ShrN16x8, "sse-ishift"),
   TX(0x71, 4, 66, REG | HX, "psraw", Ux, Ib, N, dis_sse_shift_imm,
      Iop_SarN16x8, "sse-ishift"),
   TX(0x71, 6, 66, REG | HX, "psllw", Ux, Ib, N, dis_sse_shift_imm,
      Iop_ShlN16x8, "sse-ishift"),
   TX(0x72, 2, 66, REG | HX, "psrld", Ux, Ib, N, dis_sse_shift_imm,
      Iop_ShrN32x4, "sse-ishift"),
   TX(0x72, 4, 66, REG | HX, "psrad", Ux, Ib, N, dis_sse_shift_imm,
      Iop_SarN32x4, "sse-ishift"),
   TX(0x72, 6, 66, REG | HX, "pslld", Ux, Ib, N, dis_sse_shift_imm,
      Iop_ShlN32x4, "sse-ishift"),
   TX(0x73, 2, 66, REG | HX, "psrlq", Ux, Ib, N, dis_sse_shift_imm,
      Iop_ShrN64x2, "sse-ishift"),
   TX(0x73, 6, 66, REG | HX, "psllq", Ux, Ib, N, dis_sse_shift_imm,
      Iop_ShlN64x2, "sse-ishift"),
   TX(0x73, 3, 66, REG | HX, "psrldq", Ux, Ib, N, dis_sse_bytesh, 0,
      "sse-ishift"),
   TX(0x73, 7, 66, REG | HX, "pslldq", Ux, Ib, N, dis_sse_bytesh, 1,
      "sse-ishift"),
   /* inserts and extracts of words */
   T(0xC4, 66, HX, "pinsrw", Vx, OPF_Ed, Ib, dis_sse_pinsrw, 0, "sse-insext"),
   T(0xC5, 66, REG | HX, "pextrw", OPF_Gd, Ux, Ib, dis_sse_pextrw, 0,
     "sse-insext"),

   /* ---- SSSE3 ---- */
   I38(0x00, "pshufb", Iop_PermOrZero8x16, 0, "sse-ssse3"),
   T38(0x01, 0, "phaddw", Vx, Wx, N, dis_ssse3_hadd, 0, "sse-ssse3"),
   T38(0x02, 0, "phaddd", Vx, Wx, N, dis_ssse3_hadd, 1, "sse-ssse3"),
   T38(0x03, 0, "phaddsw", Vx, Wx, N, dis_ssse3_hadd, 2, "sse-ssse3"),
   T38(0x05, 0, "phsubw", Vx, Wx, N, dis_ssse3_hadd, 4, "sse-ssse3"),
   T38(0x06, 0, "phsubd", Vx, Wx, N, dis_ssse3_hadd, 5, "sse-ssse3"),
   T38(0x07, 0, "phsubsw", Vx, Wx, N, dis_ssse3_hadd, 6, "sse-ssse3"),
   T38(0x04, 0, "pmaddubsw", Vx, Wx, N, dis_ssse3_pmaddubsw, 0, "sse-ssse3"),
   T38(0x08, 0, "psignb", Vx, Wx, N, dis_ssse3_psign, 1, "sse-ssse3"),
   T38(0x09, 0, "psignw", Vx, Wx, N, dis_ssse3_psign, 2, "sse-ssse3"),
   T38(0x0A, 0, "psignd", Vx, Wx, N, dis_ssse3_psign, 4, "sse-ssse3"),
   T38(0x0B, 0, "pmulhrsw", Vx, Wx, N, dis_ssse3_pmulhrsw, 0, "sse-ssse3"),
   T38(0x1C, 0, "pabsb", Vx, Wx, N, dis_ssse3_pabs, 1, "sse-ssse3"),
   T38(0x1D, 0, "pabsw", Vx, Wx, N, dis_ssse3_pabs, 2, "sse-ssse3"),
   T38(0x1E, 0, "pabsd", Vx, Wx, N, dis_ssse3_pabs, 4, "sse-ssse3"),
   T3A(0x0F, 0, "palignr", Vx, Wx, Ib, dis_ssse3_palignr, 0, "sse-ssse3"),

   /* ---- SSE4.1 ---- */
   T38(0x10, 0, "pblendvb", Vx, Wx, N, dis_sse41_blendv, 1, "sse41-blend"),
   T38(0x14, 0, "blendvps", Vx, Wx, N, dis_sse41_blendv, 4, "sse41-blend"),
   T38(0x15, 0, "blendvpd", Vx, Wx, N, dis_sse41_blendv, 8, "sse41-blend"),
   T3A(0x0C, 0, "blendps", Vx, Wx, Ib, dis_sse41_blend_imm, 4, "sse41-blend"),
   T3A(0x0D, 0, "blendpd", Vx, Wx, Ib, dis_sse41_blend_imm, 8, "sse41-blend"),
   T3A(0x0E, 0, "pblendw", Vx, Wx, Ib, dis_sse41_blend_imm, 2, "sse41-blend"),
   T38(0x17, 0, "ptest", Vx, Wx, N, dis_sse41_ptest, 0, "sse41-ptest"),
   /* pmovsx/pmovzx: arg = source lane bytes | dest lane bytes << 4 |
      zero-extend << 8 */
   T38(0x20, 0, "pmovsxbw", Vx, Wq, N, dis_sse41_pmovx, 0x21, "sse41-pmovx"),
   T38(0x21, 0, "pmovsxbd", Vx, Wd, N, dis_sse41_pmovx, 0x41, "sse41-pmovx"),
   T38(0x22, 0, "pmovsxbq", Vx, Wd, N, dis_sse41_pmovx, 0x81, "sse41-pmovx"),
   T38(0x23, 0, "pmovsxwd", Vx, Wq, N, dis_sse41_pmovx, 0x42, "sse41-pmovx"),
   T38(0x24, 0, "pmovsxwq", Vx, Wd, N, dis_sse41_pmovx, 0x82, "sse41-pmovx"),
   T38(0x25, 0, "pmovsxdq", Vx, Wq, N, dis_sse41_pmovx, 0x84, "sse41-pmovx"),
   T38(0x30, 0, "pmovzxbw", Vx, Wq, N, dis_sse41_pmovx, 0x121, "sse41-pmovx"),
   T38(0x31, 0, "pmovzxbd", Vx, Wd, N, dis_sse41_pmovx, 0x141, "sse41-pmovx"),
   T38(0x32, 0, "pmovzxbq", Vx, Wd, N, dis_sse41_pmovx, 0x181, "sse41-pmovx"),
   T38(0x33, 0, "pmovzxwd", Vx, Wq, N, dis_sse41_pmovx, 0x142, "sse41-pmovx"),
   T38(0x34, 0, "pmovzxwq", Vx, Wd, N, dis_sse41_pmovx, 0x182, "sse41-pmovx"),
   T38(0x35, 0, "pmovzxdq", Vx, Wq, N, dis_sse41_pmovx, 0x184, "sse41-pmovx"),
   I38(0x28, "pmuldq", Iop_MullEven32Sx4, 0, "sse41-int"),
   I38(0x29, "pcmpeqq", Iop_CmpEQ64x2, 0, "sse41-int"),
   I38(0x2B, "packusdw", Iop_QNarrowBin32Sto16Ux8, A_SWAP, "sse41-int"),
   I38(0x38, "pminsb", Iop_Min8Sx16, 0, "sse41-int"),
   I38(0x39, "pminsd", Iop_Min32Sx4, 0, "sse41-int"),
   I38(0x3A, "pminuw", Iop_Min16Ux8, 0, "sse41-int"),
   I38(0x3B, "pminud", Iop_Min32Ux4, 0, "sse41-int"),
   I38(0x3C, "pmaxsb", Iop_Max8Sx16, 0, "sse41-int"),
   I38(0x3D, "pmaxsd", Iop_Max32Sx4, 0, "sse41-int"),
   I38(0x3E, "pmaxuw", Iop_Max16Ux8, 0, "sse41-int"),
   I38(0x3F, "pmaxud", Iop_Max32Ux4, 0, "sse41-int"),
   I38(0x40, "pmulld", Iop_Mul32x4, 0, "sse41-int"),
   T38(0x41, 0, "phminposuw", Vx, Wx, N, dis_sse41_phminposuw, 0,
       "sse41-int"),
   T3A(0x08, 0, "roundps", Vx, Wx, Ib, dis_sse41_round, 0, "sse41-round"),
   T3A(0x09, 0, "roundpd", Vx, Wx, Ib, dis_sse41_round, 1, "sse41-round"),
   T3A(0x0A, 0, "roundss", Vx, Wss, Ib, dis_sse41_round, 2, "sse41-round"),
   T3A(0x0B, 0, "roundsd", Vx, Wsd, Ib, dis_sse41_round, 3, "sse41-round"),
   T3A(0x40, 0, "dpps", Vx, Wx, Ib, dis_sse41_dp, 4, "sse41-dp"),
   T3A(0x41, 0, "dppd", Vx, Wx, Ib, dis_sse41_dp, 8, "sse41-dp"),
   T3A(0x42, 0, "mpsadbw", Vx, Wx, Ib, dis_sse41_mpsadbw, 0, "sse41-dp"),
   /* extracts (to r32/r64 or memory) and inserts; arg = lane bytes */
   T3A(0x14, 0, "pextrb", OPF_Ed, Vx, Ib, dis_sse41_pextr, 1, "sse-insext"),
   T3A(0x15, 0, "pextrw", OPF_Ed, Vx, Ib, dis_sse41_pextr, 2, "sse-insext"),
   T3A(0x16, 0, "pextrd|pextrd|pextrq", OPF_Ey, Vx, Ib, dis_sse41_pextr, 0,
       "sse-insext"),
   T3A(0x17, 0, "extractps", OPF_Ed, Vx, Ib, dis_sse41_pextr, 4,
       "sse-insext"),
   T3A(0x20, 0, "pinsrb", Vx, OPF_Ed, Ib, dis_sse41_pinsr, 1, "sse-insext"),
   T3A(0x21, 0, "insertps", Vx, Wd, Ib, dis_sse41_insertps, 0, "sse-insext"),
   T3A(0x22, 0, "pinsrd|pinsrd|pinsrq", Vx, OPF_Ey, Ib, dis_sse41_pinsr, 0,
       "sse-insext"),

   /* ---- SSE4.2 ---- */
   I38(0x37, "pcmpgtq", Iop_CmpGT64Sx2, 0, "sse41-int"),
   T3A(0x60, 0, "pcmpestrm", Vx, Wx, Ib, dis_sse42_pcmpstr, 0, "sse42-str"),
   T3A(0x61, 0, "pcmpestri", Vx, Wx, Ib, dis_sse42_pcmpstr, 1, "sse42-str"),
   T3A(0x62, 0, "pcmpistrm", Vx, Wx, Ib, dis_sse42_pcmpstr, 2, "sse42-str"),
   T3A(0x63, 0, "pcmpistri", Vx, Wx, Ib, dis_sse42_pcmpstr, 3, "sse42-str"),
};

const Amd64OpTable amd64_optable_sse = {
   "sse",
   sse_entries,
   (Int)(sizeof sse_entries / sizeof sse_entries[0])
};
