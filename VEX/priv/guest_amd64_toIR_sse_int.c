/* The amd64 front end's SSE family, second part: the integer SIMD
   instructions of SSE2 that need more than one IR op (shifts, shuffles,
   multiply-adds, inserts/extracts, masks), SSSE3, SSE4.1 (blends, ptest,
   pmovsx/zx, rounding, dot products, inserts/extracts, phminposuw) and
   the SSE4.2 string compares.  The table entries are in
   guest_amd64_toIR_sse.c; see guest_amd64_toIR_sse.h for the
   conventions.  Semantics follow the Intel SDM, vol. 2. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"
#include "guest_amd64_toIR_sse.h"

static IRExpr* zeroV128(void) { return mkV128(0x0000); }

/* The lane width in bits of a shift op. */
static Int shift_width(IROp op)
{
   switch (op) {
      case Iop_ShlN16x8: case Iop_ShrN16x8: case Iop_SarN16x8: return 16;
      case Iop_ShlN32x4: case Iop_ShrN32x4: case Iop_SarN32x4: return 32;
      case Iop_ShlN64x2: case Iop_ShrN64x2: case Iop_SarN64x2: return 64;
      default: vpanic("shift_width");
   }
}

static Bool is_sar(IROp op)
{
   return toBool(op == Iop_SarN16x8 || op == Iop_SarN32x4
                 || op == Iop_SarN64x2);
}

/* Calls the clean helper FN (named NAME) with ARGS, returning an I64
   atom. */
static IRExpr* call_helper(const HChar* name, void* fn, IRExpr** args)
{
   return mkAtom(mkIRExprCCall(Ity_I64, 0, name, fn, args));
}

/* ================================================================== */
/* SSE2 integer                                                       */
/* ================================================================== */

/* psllw/pslld/psllq/psrlw/.../psrad by imm8: counts of the lane width
   or more give zero (arithmetic shifts: the sign in every bit). */
Bool dis_sse_shift_imm(Amd64Dis* d)
{
   IROp op  = (IROp)d->e->arg;
   Int  w   = shift_width(op);
   UInt imm = immOf(d);
   UInt r   = xmmReg(d, 0);
   if (imm >= (UInt)w) {
      if (is_sar(op))
         putXMM(r, binop(op, getXMM(r), mkU8(w - 1)));
      else
         putXMM(r, zeroV128());
      return True;
   }
   if (imm != 0)
      putXMM(r, binop(op, getXMM(r), mkU8(imm)));
   return True;
}

/* The same shifts by the low 64 bits of xmm/m128. */
Bool dis_sse_shift_xmm(Amd64Dis* d)
{
   IROp op = (IROp)d->e->arg;
   Int  w  = shift_width(op);
   UInt g  = xmmReg(d, 0);
   IRExpr* cnt = mkAtom(lo64(getW128(d, 1, False)));
   IRExpr* v   = v128Atom(getXMM(g));
   IRExpr* in_range = binop(Iop_CmpLT64U, cnt, mkU64(w));
   IRExpr* shifted  = binop(op, v, unop(Iop_64to8, cnt));
   IRExpr* big = is_sar(op) ? binop(op, v, mkU8(w - 1)) : zeroV128();
   putXMM(g, IRExpr_ITE(mkAtom(in_range), mkAtom(shifted), mkAtom(big)));
   return True;
}

/* psrldq (arg 0) / pslldq (arg 1): whole-register shifts by imm8
   bytes. */
Bool dis_sse_bytesh(Amd64Dis* d)
{
   UInt imm = immOf(d);
   UInt r   = xmmReg(d, 0);
   if (imm >= 16) {
      putXMM(r, zeroV128());
      return True;
   }
   if (imm != 0)
      putXMM(r, binop(d->e->arg ? Iop_ShlV128 : Iop_ShrV128, getXMM(r),
                      mkU8(8 * imm)));
   return True;
}

Bool dis_sse_pshufd(Amd64Dis* d)
{
   UInt imm = immOf(d);
   IRExpr* w = getW128(d, 1, False);
   putXMM(xmmReg(d, 0),
          mkV128_32(lane32(w, (imm >> 6) & 3), lane32(w, (imm >> 4) & 3),
                    lane32(w, (imm >> 2) & 3), lane32(w, imm & 3)));
   return True;
}

/* Four words of the 64-bit half H (an atom) chosen by IMM. */
static IRExpr* shuf4x16(IRExpr* h, UInt imm)
{
   IRExpr* w[4];
   for (Int i = 0; i < 4; i++) {
      UInt s = (imm >> (2 * i)) & 3;
      IRExpr* x = s == 0 ? h : binop(Iop_Shr64, h, mkU8(16 * s));
      w[i] = unop(Iop_64to16, x);
   }
   return binop(Iop_32HLto64, binop(Iop_16HLto32, w[3], w[2]),
                binop(Iop_16HLto32, w[1], w[0]));
}

/* pshuflw (arg 0) / pshufhw (arg 1): the words of one half shuffled, the
   other half copied. */
Bool dis_sse_pshufw(Amd64Dis* d)
{
   UInt imm = immOf(d);
   IRExpr* w  = getW128(d, 1, False);
   IRExpr* lo = mkAtom(lo64(w));
   IRExpr* hi = mkAtom(hi64(w));
   if (d->e->arg == 0)
      putXMM(xmmReg(d, 0), mkV128_64(hi, shuf4x16(lo, imm)));
   else
      putXMM(xmmReg(d, 0), mkV128_64(shuf4x16(hi, imm), lo));
   return True;
}

Bool dis_sse_pmovmskb(Amd64Dis* d)
{
   putIRegSz(4, d->op[0].reg, False,
             unop(Iop_16Uto32, unop(Iop_GetMSBs8x16, getXMM(xmmReg(d, 1)))));
   return True;
}

/* pinsrw xmm, r32/m16, imm8. */
Bool dis_sse_pinsrw(Amd64Dis* d)
{
   UInt imm = immOf(d);
   IRExpr* x;
   if (d->op[1].kind == AOK_MEM)
      x = mkAtom(loadLE(Ity_I16, amd64_ea(d)));
   else
      x = mkAtom(getIRegSz(2, d->op[1].reg, False));
   putXMMLane(xmmReg(d, 0), Ity_I16, imm & 7, x);
   return True;
}

/* pextrw r32, xmm, imm8 (66 0F C5). */
Bool dis_sse_pextrw(Amd64Dis* d)
{
   UInt imm = immOf(d);
   putIRegSz(4, d->op[0].reg, False,
             unop(Iop_16Uto32, getXMMLane(xmmReg(d, 1), Ity_I16, imm & 7)));
   return True;
}

Bool dis_sse_psadbw(Amd64Dis* d)
{
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* lo = call_helper("amd64g_calc_sse_psadbw",
                            (void*)&amd64g_calc_sse_psadbw,
                            mkIRExprVec_2(mkAtom(lo64(v)), mkAtom(lo64(w))));
   IRExpr* hi = call_helper("amd64g_calc_sse_psadbw",
                            (void*)&amd64g_calc_sse_psadbw,
                            mkIRExprVec_2(mkAtom(hi64(v)), mkAtom(hi64(w))));
   putXMM(g, mkV128_64(hi, lo));
   return True;
}

/* pmaddwd: the signed products of the even words plus those of the odd
   words, as dwords. */
Bool dis_sse_pmaddwd(Amd64Dis* d)
{
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* ev = binop(Iop_MullEven16Sx8, v, w);
   IRExpr* od = binop(Iop_MullEven16Sx8, binop(Iop_ShrN32x4, v, mkU8(16)),
                      binop(Iop_ShrN32x4, w, mkU8(16)));
   putXMM(g, binop(Iop_Add32x4, ev, od));
   return True;
}

/* maskmovdqu xmm1, xmm2: the bytes of xmm1 whose byte in xmm2 has its
   top bit set are stored at (rdi) (edi with 67; DS, or FS/GS with an
   override).  Done as a read-modify-write of the 16 bytes, as VEX
   does. */
Bool dis_sse_maskmov(Amd64Dis* d)
{
   IRExpr* a = getIReg64(7);
   if (d->asz == 4)
      a = unop(Iop_32Uto64, unop(Iop_64to32, a));
   if (d->m_seg == (Int)PFX_FS)
      a = binop(Iop_Add64, a, mkGet64(OFFB_FS_CONST));
   else if (d->m_seg == (Int)PFX_GS)
      a = binop(Iop_Add64, a, mkGet64(OFFB_GS_CONST));
   a = mkAtom(a);
   IRExpr* m   = v128Atom(binop(Iop_SarN8x16, getXMM(xmmReg(d, 1)), mkU8(7)));
   IRExpr* old = v128Atom(loadLE(Ity_V128, a));
   IRExpr* nv  = binop(Iop_OrV128,
                       binop(Iop_AndV128, getXMM(xmmReg(d, 0)), m),
                       binop(Iop_AndV128, old, unop(Iop_NotV128, m)));
   storeLE(a, nv);
   return True;
}

/* ================================================================== */
/* SSSE3                                                              */
/* ================================================================== */

/* phaddw (0) phaddd (1) phaddsw (2) phsubw (4) phsubd (5) phsubsw (6):
   even lane op odd lane, pairs of V in the low half, of W in the high
   half. */
Bool dis_ssse3_hadd(Amd64Dis* d)
{
   Int  a = d->e->arg;
   Bool sub = toBool(a & 4);
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   Bool dw = toBool((a & 3) == 1);
   IRExpr* ev = binop(dw ? Iop_CatEvenLanes32x4 : Iop_CatEvenLanes16x8, w, v);
   IRExpr* od = binop(dw ? Iop_CatOddLanes32x4 : Iop_CatOddLanes16x8, w, v);
   IROp op;
   switch (a & 3) {
      case 0:  op = sub ? Iop_Sub16x8 : Iop_Add16x8; break;
      case 1:  op = sub ? Iop_Sub32x4 : Iop_Add32x4; break;
      default: op = sub ? Iop_QSub16Sx8 : Iop_QAdd16Sx8; break;
   }
   putXMM(g, binop(op, ev, od));
   return True;
}

/* psignb/w/d (arg = lane bytes): V negated where W is negative, zeroed
   where W is zero. */
Bool dis_ssse3_psign(Amd64Dis* d)
{
   Int  b = d->e->arg;
   IROp sub = b == 1 ? Iop_Sub8x16 : b == 2 ? Iop_Sub16x8 : Iop_Sub32x4;
   IROp gt  = b == 1 ? Iop_CmpGT8Sx16 : b == 2 ? Iop_CmpGT16Sx8
                                               : Iop_CmpGT32Sx4;
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* neg = v128Atom(binop(gt, zeroV128(), w));   /* W < 0 */
   IRExpr* pos = v128Atom(binop(gt, w, zeroV128()));   /* W > 0 */
   putXMM(g, binop(Iop_OrV128,
                   binop(Iop_AndV128, binop(sub, zeroV128(), v), neg),
                   binop(Iop_AndV128, v, pos)));
   return True;
}

Bool dis_ssse3_pabs(Amd64Dis* d)
{
   Int  b = d->e->arg;
   IRExpr* w = getW128(d, 1, False);
   putXMM(xmmReg(d, 0), unop(b == 1 ? Iop_Abs8x16 : b == 2 ? Iop_Abs16x8
                                                          : Iop_Abs32x4, w));
   return True;
}

/* pmaddubsw: unsigned bytes of V times signed bytes of W, adjacent
   products added with signed saturation to words. */
Bool dis_ssse3_pmaddubsw(Amd64Dis* d)
{
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* v_ev = binop(Iop_AndV128, v, mkV128(0x5555));     /* low bytes */
   IRExpr* v_od = binop(Iop_ShrN16x8, v, mkU8(8));
   IRExpr* w_ev = binop(Iop_SarN16x8, binop(Iop_ShlN16x8, w, mkU8(8)),
                        mkU8(8));
   IRExpr* w_od = binop(Iop_SarN16x8, w, mkU8(8));
   putXMM(g, binop(Iop_QAdd16Sx8, binop(Iop_Mul16x8, v_ev, w_ev),
                   binop(Iop_Mul16x8, v_od, w_od)));
   return True;
}

/* pmulhrsw: per word, ((V * W) >> 14) + 1) >> 1, the low 16 bits. */
Bool dis_ssse3_pmulhrsw(Amd64Dis* d)
{
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* pe = binop(Iop_MullEven16Sx8, v, w);
   IRExpr* po = binop(Iop_MullEven16Sx8, binop(Iop_ShrN32x4, v, mkU8(16)),
                      binop(Iop_ShrN32x4, w, mkU8(16)));
   IRExpr* one = mkAtom(unop(Iop_Dup32x4, mkU32(1)));
   IRExpr* re = binop(Iop_ShrN32x4,
                      binop(Iop_Add32x4, binop(Iop_SarN32x4, pe, mkU8(14)),
                            one), mkU8(1));
   IRExpr* ro = binop(Iop_ShrN32x4,
                      binop(Iop_Add32x4, binop(Iop_SarN32x4, po, mkU8(14)),
                            one), mkU8(1));
   putXMM(g, binop(Iop_OrV128, binop(Iop_AndV128, re, mkV128(0x3333)),
                   binop(Iop_ShlN32x4, ro, mkU8(16))));
   return True;
}

/* palignr: (V:W) >> 8*imm, the low 16 bytes. */
Bool dis_ssse3_palignr(Amd64Dis* d)
{
   UInt imm = immOf(d);
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* r;
   if (imm == 0)
      r = w;
   else if (imm < 16)
      r = triop(Iop_SliceV128, v, w, mkU8(imm));
   else if (imm == 16)
      r = v;
   else if (imm < 32)
      r = binop(Iop_ShrV128, v, mkU8(8 * (imm - 16)));
   else
      r = zeroV128();
   putXMM(g, r);
   return True;
}

/* ================================================================== */
/* SSE4.1                                                             */
/* ================================================================== */

/* pblendvb (arg 1), blendvps (4), blendvpd (8): lanes of W where XMM0's
   lane has its top bit set, else V's. */
Bool dis_sse41_blendv(Amd64Dis* d)
{
   Int  b = d->e->arg;
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* m = v128Atom(b == 1 ? binop(Iop_SarN8x16, getXMM(0), mkU8(7))
                        : b == 4 ? binop(Iop_SarN32x4, getXMM(0), mkU8(31))
                                 : binop(Iop_SarN64x2, getXMM(0), mkU8(63)));
   putXMM(g, binop(Iop_OrV128, binop(Iop_AndV128, w, m),
                   binop(Iop_AndV128, v, unop(Iop_NotV128, m))));
   return True;
}

/* blendps (arg 4), blendpd (8), pblendw (2): lanes of W where imm8's bit
   is set. */
Bool dis_sse41_blend_imm(Amd64Dis* d)
{
   Int  b = d->e->arg;
   UInt imm = immOf(d);
   UShort m = b == 4 ? laneMask32(imm & 15) : b == 8 ? laneMask64(imm & 3)
                                                      : laneMask16(imm);
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   putXMM(g, binop(Iop_OrV128, binop(Iop_AndV128, w, mkV128(m)),
                   binop(Iop_AndV128, getXMM(g), mkV128((UShort)~m))));
   return True;
}

/* Is the V128 atom V all zeroes?  (I1) */
static IRExpr* isZeroV128(IRExpr* v)
{
   return binop(Iop_CmpEQ64, binop(Iop_Or64, lo64(v), hi64(v)), mkU64(0));
}

/* ptest: ZF = (V & W) == 0, CF = (~V & W) == 0, the others clear. */
Bool dis_sse41_ptest(Amd64Dis* d)
{
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(xmmReg(d, 0)));
   IRExpr* a = v128Atom(binop(Iop_AndV128, v, w));
   IRExpr* n = v128Atom(binop(Iop_AndV128, unop(Iop_NotV128, v), w));
   IRExpr* z = binop(Iop_Shl64, unop(Iop_1Uto64, isZeroV128(a)),
                     mkU8(AMD64G_CC_SHIFT_Z));
   IRExpr* c = unop(Iop_1Uto64, isZeroV128(n));
   setFlags_COPY(binop(Iop_Or64, z, c));
   return True;
}

/* pmovsx / pmovzx: ARG = source lane bytes | destination lane bytes << 4
   | zero-extend << 8.  The source is the low (16 / dest * src) bytes of
   xmm/mem. */
Bool dis_sse41_pmovx(Amd64Dis* d)
{
   Int  a = d->e->arg;
   Int  s = a & 0xF, t = (a >> 4) & 0xF;
   Bool zx = toBool(a & 0x100);
   Int  nbytes = 16 / t * s;
   IRType ty = nbytes == 8 ? Ity_I64 : nbytes == 4 ? Ity_I32 : Ity_I16;
   IRExpr* x = getWlowV(d, 1, ty);
   for (Int w = s; w < t; w *= 2) {
      IROp il = w == 1 ? Iop_InterleaveLO8x16 : w == 2 ? Iop_InterleaveLO16x8
                                                       : Iop_InterleaveLO32x4;
      if (zx) {
         x = v128Atom(binop(il, zeroV128(), x));
      } else {
         IROp sar = w == 1 ? Iop_SarN16x8 : w == 2 ? Iop_SarN32x4
                                                   : Iop_SarN64x2;
         x = v128Atom(binop(sar, binop(il, x, x), mkU8(8 * w)));
      }
   }
   putXMM(xmmReg(d, 0), x);
   return True;
}

/* pextrb (arg 1), pextrw (2), extractps (4), pextrd/pextrq (0: the
   operand size): lane imm8 of V to a register (zero-extended) or to
   memory. */
Bool dis_sse41_pextr(Amd64Dis* d)
{
   Int b = d->e->arg;
   if (b == 0)
      b = d->op[0].sz;
   IRType ty = szToITy(b);
   UInt imm = immOf(d) & (UInt)(16 / b - 1);
   IRExpr* x = mkAtom(getXMMLane(xmmReg(d, 1), ty, (Int)imm));
   if (d->op[0].kind == AOK_MEM) {
      storeLE(amd64_ea(d), x);
      return True;
   }
   if (b == 8)
      putIRegSz(8, d->op[0].reg, False, x);
   else
      putIRegSz(4, d->op[0].reg, False, widenUto(Ity_I32, x));
   return True;
}

/* pinsrb (arg 1: r32/m8), pinsrd/pinsrq (0: r/m32/64) into lane imm8. */
Bool dis_sse41_pinsr(Amd64Dis* d)
{
   Int b = d->e->arg;
   if (b == 0)
      b = d->op[1].sz;
   IRType ty = szToITy(b);
   UInt imm = immOf(d) & (UInt)(16 / b - 1);
   IRExpr* x;
   if (d->op[1].kind == AOK_MEM)
      x = mkAtom(loadLE(ty, amd64_ea(d)));
   else
      x = mkAtom(getIRegSz(b, d->op[1].reg, False));
   putXMMLane(xmmReg(d, 0), ty, (Int)imm, x);
   return True;
}

/* insertps xmm, xmm/m32, imm8: a float (from the source register's lane
   imm8[7:6], or memory) into lane imm8[5:4], then the lanes in
   imm8[3:0] zeroed. */
Bool dis_sse41_insertps(Amd64Dis* d)
{
   UInt imm = immOf(d);
   UInt g = xmmReg(d, 0);
   IRExpr* x;
   if (d->op[1].kind == AOK_MEM)
      x = mkAtom(loadLE(Ity_I32, amd64_ea(d)));
   else
      x = mkAtom(getXMMLane(xmmReg(d, 1), Ity_I32, (Int)((imm >> 6) & 3)));
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* l[4];
   for (Int i = 0; i < 4; i++) {
      if (imm & (1u << i))
         l[i] = mkU32(0);
      else if ((UInt)i == ((imm >> 4) & 3))
         l[i] = x;
      else
         l[i] = lane32(v, i);
   }
   putXMM(g, mkV128_32(l[3], l[2], l[1], l[0]));
   return True;
}

/* roundps (0), roundpd (1), roundss (2), roundsd (3): to an integral
   value in the mode imm8[1:0], or MXCSR's when imm8[2] is set (imm8[3],
   suppressing the precision exception, has no effect here). */
Bool dis_sse41_round(Amd64Dis* d)
{
   Int  a = d->e->arg;
   UInt imm = immOf(d);
   IRExpr* rm = (imm & 4) ? get_sse_rm() : mkU32(imm & 3);
   UInt g = xmmReg(d, 0);
   if (a == 2 || a == 3) {
      IRType ty = a == 2 ? Ity_F32 : Ity_F64;
      IRExpr* f = getWlow(d, 1, ty);
      putXMMLane(g, ty, 0, binop(a == 2 ? Iop_RoundF32toInt
                                        : Iop_RoundF64toInt, rm, f));
      return True;
   }
   IRExpr* w = getW128(d, 1, False);
   if (a == 0) {
      IRExpr* l[4];
      for (Int i = 0; i < 4; i++)
         l[i] = unop(Iop_ReinterpF32asI32,
                     binop(Iop_RoundF32toInt, rm,
                           unop(Iop_ReinterpI32asF32, lane32(w, i))));
      putXMM(g, mkV128_32(l[3], l[2], l[1], l[0]));
   } else {
      IRExpr* l0 = unop(Iop_ReinterpF64asI64,
                        binop(Iop_RoundF64toInt, rm,
                              unop(Iop_ReinterpI64asF64, lo64(w))));
      IRExpr* l1 = unop(Iop_ReinterpF64asI64,
                        binop(Iop_RoundF64toInt, rm,
                              unop(Iop_ReinterpI64asF64, hi64(w))));
      putXMM(g, mkV128_64(l1, l0));
   }
   return True;
}

/* dpps (arg 4) / dppd (arg 8): the products of the lanes selected by
   imm8[7:4] (the others +0.0), summed pairwise ((0+1)+(2+3)), into the
   lanes selected by imm8[3:0] (the others +0.0).  Every step rounds as
   MXCSR says. */
Bool dis_sse41_dp(Amd64Dis* d)
{
   Bool s = toBool(d->e->arg == 4);
   UInt imm = immOf(d);
   UInt g = xmmReg(d, 0);
   IRExpr* rm = mkAtom(get_sse_rm());
   IRExpr* w  = getW128(d, 1, False);
   IRExpr* v  = v128Atom(getXMM(g));
   IRExpr* p  = v128Atom(
      binop(Iop_AndV128, triop(s ? Iop_Mul32Fx4 : Iop_Mul64Fx2, rm, v, w),
            mkV128(s ? laneMask32(imm >> 4) : laneMask64((imm >> 4) & 3))));
   IRExpr* sum;
   UShort  out;
   if (s) {
      IRExpr* f[4];
      for (Int i = 0; i < 4; i++)
         f[i] = unop(Iop_ReinterpI32asF32, lane32(p, i));
      IRExpr* s01 = triop(Iop_AddF32, rm, f[0], f[1]);
      IRExpr* s23 = triop(Iop_AddF32, rm, f[2], f[3]);
      IRExpr* t = mkAtom(unop(Iop_ReinterpF32asI32,
                              triop(Iop_AddF32, rm, s01, s23)));
      sum = unop(Iop_Dup32x4, t);
      out = laneMask32(imm & 15);
   } else {
      IRExpr* t = mkAtom(unop(Iop_ReinterpF64asI64,
                              triop(Iop_AddF64, rm,
                                    unop(Iop_ReinterpI64asF64, lo64(p)),
                                    unop(Iop_ReinterpI64asF64, hi64(p)))));
      sum = mkV128_64(t, t);
      out = laneMask64(imm & 3);
   }
   putXMM(g, binop(Iop_AndV128, sum, mkV128(out)));
   return True;
}

/* mpsadbw: eight sums of absolute differences of 4-byte groups (by a
   helper, half by half). */
Bool dis_sse41_mpsadbw(Amd64Dis* d)
{
   UInt imm = immOf(d) & 7;
   UInt g = xmmReg(d, 0);
   IRExpr* w = getW128(d, 1, False);
   IRExpr* v = v128Atom(getXMM(g));
   IRExpr* vl = mkAtom(lo64(v)), *vh = mkAtom(hi64(v));
   IRExpr* wl = mkAtom(lo64(w)), *wh = mkAtom(hi64(w));
   IRExpr* r[2];
   for (Int h = 0; h < 2; h++)
      r[h] = call_helper("amd64g_calc_sse_mpsadbw",
                         (void*)&amd64g_calc_sse_mpsadbw,
                         mkIRExprVec_5(vl, vh, wl, wh,
                                       mkU64(imm | ((UInt)h << 8))));
   putXMM(g, mkV128_64(r[1], r[0]));
   return True;
}

Bool dis_sse41_phminposuw(Amd64Dis* d)
{
   IRExpr* w = getW128(d, 1, False);
   IRExpr* r = call_helper("amd64g_calc_sse_phminposuw",
                           (void*)&amd64g_calc_sse_phminposuw,
                           mkIRExprVec_2(mkAtom(lo64(w)), mkAtom(hi64(w))));
   putXMM(xmmReg(d, 0), unop(Iop_64UtoV128, r));
   return True;
}

/* ================================================================== */
/* SSE4.2 string compares                                             */
/* ================================================================== */

/* An explicit length (pcmpestr*): |REG| (RAX/RDX with REX.W, else
   EAX/EDX sign-extended), at most N, as an I64. */
static IRExpr* explicit_len(const Amd64Dis* d, UInt reg, UInt n)
{
   IRExpr* x = (d->pfx & PFX_REXW) ? getIReg64(reg)
                                   : unop(Iop_32Sto64, getIRegSz(4, reg, False));
   x = mkAtom(x);
   IRExpr* neg = mkAtom(binop(Iop_CmpLT64S, x, mkU64(0)));
   IRExpr* ab  = mkAtom(IRExpr_ITE(neg, binop(Iop_Sub64, mkU64(0), x), x));
   return mkAtom(IRExpr_ITE(binop(Iop_CmpLT64U, ab, mkU64(n)), ab,
                            mkU64(n)));
}

/* pcmpestrm (arg 0), pcmpestri (1), pcmpistrm (2), pcmpistri (3).  The
   helper does the compare; the index goes to ECX, the mask to XMM0, the
   flags to the thunk. */
Bool dis_sse42_pcmpstr(Amd64Dis* d)
{
   Int  a = d->e->arg;
   Bool expl = toBool(a < 2);
   Bool idx  = toBool(a & 1);
   UInt imm  = immOf(d);
   UInt n    = (imm & 1) ? 8 : 16;
   IRExpr* w = getW128(d, 1, True);
   IRExpr* v = v128Atom(getXMM(xmmReg(d, 0)));
   IRExpr* ctl = mkU64(imm);
   if (expl) {
      IRExpr* la = explicit_len(d, 0, n);
      IRExpr* lb = explicit_len(d, 2, n);
      ctl = mkAtom(binop(Iop_Or64,
                         binop(Iop_Or64, mkU64(imm | 0x100),
                               binop(Iop_Shl64, la, mkU8(16))),
                         binop(Iop_Shl64, lb, mkU8(24))));
   }
   IRExpr* r = call_helper("amd64g_calc_sse42_pcmpstr",
                           (void*)&amd64g_calc_sse42_pcmpstr,
                           mkIRExprVec_5(mkAtom(lo64(v)), mkAtom(hi64(v)),
                                         mkAtom(lo64(w)), mkAtom(hi64(w)),
                                         ctl));
   if (idx) {
      putIRegSz(4, 1, False,
                unop(Iop_64to32, binop(Iop_And64,
                                       binop(Iop_Shr64, r, mkU8(16)),
                                       mkU64(0x1F))));
   } else if (!(imm & 0x40)) {
      putXMM(0, unop(Iop_64UtoV128, binop(Iop_And64, r, mkU64(0xFFFF))));
   } else {
      IRExpr* m = mkAtom(binop(Iop_And64, r, mkU64(0xFFFF)));
      IRExpr* h[2];
      for (Int k = 0; k < 2; k++)
         h[k] = call_helper("amd64g_calc_sse42_expand_mask",
                            (void*)&amd64g_calc_sse42_expand_mask,
                            mkIRExprVec_3(m, mkU64(imm & 1), mkU64(k)));
      putXMM(0, mkV128_64(h[1], h[0]));
   }
   setFlags_COPY(binop(Iop_Shr64, r, mkU8(32)));
   return True;
}
