/* Private definitions of the amd64 front end's SSE family (SSE, SSE2,
   SSE3, SSSE3, SSE4.1, SSE4.2), shared by its files:

     guest_amd64_toIR_sse.c      XMM operand access, rounding mode,
                                 alignment checks; moves, floating point
                                 (arithmetic, compares, conversions,
                                 shuffles), MXCSR; the opcode table
     guest_amd64_toIR_sse_int.c  integer SIMD (SSE2, SSSE3, SSE4.1),
                                 the SSE4.1 blends/rounding/dot products/
                                 inserts/extracts, SSE4.2 string compares
     guest_amd64_helpers_sse.c   the clean helpers those call

   Conventions.  XMM register n is the low 128 bits of guest YMMn
   (OFFB_YMM0 + 32 * n); SSE instructions never touch the upper half.
   Floating-point operations take their rounding mode from SSEROUND
   (MXCSR.RC as an IRRoundingMode, which has the same encoding), so
   scalar arithmetic is done with the scalar IR ops (AddF32(rm,..)) on the
   low lane rather than the rounding-mode-less F0x4 ops.  MXCSR's
   exception flags, exception masks, FTZ and DAZ are not modelled:
   ldmxcsr keeps only RC, stmxcsr stores RC with the default masks
   (0x1F80), as Valgrind does.

   Routines receive the decoded instruction (Amd64Dis); the table entry's
   ARG field says which operation, often an IROp together with the A_*
   bits below. */
#ifndef __VEX_GUEST_AMD64_TOIR_SSE_H
#define __VEX_GUEST_AMD64_TOIR_SSE_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "guest_amd64_defs.h"

#define OFFB_SSEROUND AMD64_OFFB(guest_SSEROUND)

/* Bits above an IROp in an entry's ARG. */
#define A_OPMASK   0x0000FFFF
#define A_SWAP     0x00010000   /* operands (W, V) instead of (V, W) */
#define A_RM       0x00020000   /* the op takes the SSE rounding mode */
#define A_UNAL     0x00040000   /* a 128-bit memory operand need not be
                                   16-byte aligned */
#define A_NOT      0x00080000   /* negate the result (compares) */
#define A_OP(a)    ((IROp)((a) & A_OPMASK))

/* ---- registers ---- */
static inline Int xmmOff(UInt r) { return OFFB_YMM0 + 32 * (Int)r; }
extern IRExpr* getXMM(UInt r);
extern void    putXMM(UInt r, IRExpr* e);
/* Lane I of register R as an integer (or float) of the lane's width. */
extern IRExpr* getXMMLane(UInt r, IRType ty, Int i);
extern void    putXMMLane(UInt r, IRType ty, Int i, IRExpr* e);

/* ---- lanes of V128 values ---- */
extern IRExpr* lo64(IRExpr* v);
extern IRExpr* hi64(IRExpr* v);
extern IRExpr* lane32(IRExpr* v, Int i);          /* I32 */
extern IRExpr* lane16(IRExpr* v, Int i);          /* I16 */
extern IRExpr* lane8(IRExpr* v, Int i);           /* I8 */
extern IRExpr* mkV128_64(IRExpr* hi, IRExpr* lo);
extern IRExpr* mkV128_32(IRExpr* l3, IRExpr* l2, IRExpr* l1, IRExpr* l0);
/* A V128 temporary holding E. */
extern IRExpr* v128Atom(IRExpr* e);
/* The V128 constant whose byte i is 0xFF when bit i of MASK is set. */
static inline IRExpr* mkV128(UShort mask)
{
   return IRExpr_Const(IRConst_V128(mask));
}
/* Byte mask of the 32-bit lanes (64-bit lanes) set in LANES. */
extern UShort laneMask32(UInt lanes);
extern UShort laneMask64(UInt lanes);
extern UShort laneMask16(UInt lanes);

/* ---- operands ---- */
/* Operand I of D, an XMM register (V, U or the register case of W):
   its number. */
extern UInt    xmmReg(const Amd64Dis* d, Int i);
/* A 128-bit W operand (register or memory) as a V128 atom.  Memory
   operands are checked for 16-byte alignment (a misaligned one raises
   SIGSEGV, #GP) unless UNALIGNED_OK. */
extern IRExpr* getW128(Amd64Dis* d, Int i, Bool unaligned_ok);
/* The low 64/32/16/8 bits of a W operand (a register's low lane, or that
   many bytes of memory), as an integer atom. */
extern IRExpr* getWlow(Amd64Dis* d, Int i, IRType ty);
/* A W operand as a V128 whose low bits are the operand: the register
   itself, or the loaded bytes zero-extended. */
extern IRExpr* getWlowV(Amd64Dis* d, Int i, IRType ty);
/* SIGSEGV (#GP) unless the memory operand is 16-byte aligned. */
extern void    checkAlign16(Amd64Dis* d);

/* The SSE rounding mode (I32). */
extern IRExpr* get_sse_rm(void);

/* The imm8 operand (the last operand), as a value. */
extern UInt    immOf(const Amd64Dis* d);

/* V = op(V, W) for the op and A_* bits in the entry's ARG
   (guest_amd64_toIR_sse.c). */
extern Bool dis_sse_binop(Amd64Dis* d);

/* ---- the integer-SIMD routines (guest_amd64_toIR_sse_int.c) ---- */
extern Bool dis_sse_shift_imm(Amd64Dis* d);
extern Bool dis_sse_shift_xmm(Amd64Dis* d);
extern Bool dis_sse_bytesh(Amd64Dis* d);
extern Bool dis_sse_pshufd(Amd64Dis* d);
extern Bool dis_sse_pshufw(Amd64Dis* d);
extern Bool dis_sse_pmovmskb(Amd64Dis* d);
extern Bool dis_sse_pinsrw(Amd64Dis* d);
extern Bool dis_sse_pextrw(Amd64Dis* d);
extern Bool dis_sse_psadbw(Amd64Dis* d);
extern Bool dis_sse_pmaddwd(Amd64Dis* d);
extern Bool dis_sse_maskmov(Amd64Dis* d);
extern Bool dis_ssse3_hadd(Amd64Dis* d);
extern Bool dis_ssse3_psign(Amd64Dis* d);
extern Bool dis_ssse3_pabs(Amd64Dis* d);
extern Bool dis_ssse3_pmaddubsw(Amd64Dis* d);
extern Bool dis_ssse3_pmulhrsw(Amd64Dis* d);
extern Bool dis_ssse3_palignr(Amd64Dis* d);
extern Bool dis_sse41_blendv(Amd64Dis* d);
extern Bool dis_sse41_blend_imm(Amd64Dis* d);
extern Bool dis_sse41_ptest(Amd64Dis* d);
extern Bool dis_sse41_pmovx(Amd64Dis* d);
extern Bool dis_sse41_pextr(Amd64Dis* d);
extern Bool dis_sse41_pinsr(Amd64Dis* d);
extern Bool dis_sse41_insertps(Amd64Dis* d);
extern Bool dis_sse41_round(Amd64Dis* d);
extern Bool dis_sse41_dp(Amd64Dis* d);
extern Bool dis_sse41_mpsadbw(Amd64Dis* d);
extern Bool dis_sse41_phminposuw(Amd64Dis* d);
extern Bool dis_sse42_pcmpstr(Amd64Dis* d);

/* ---- clean helpers (guest_amd64_helpers_sse.c) ---- */
/* psadbw on one 64-bit half: the sum of |a_i - b_i| over the 8 bytes. */
extern ULong amd64g_calc_sse_psadbw(ULong a, ULong b);
/* mpsadbw: result half HALF (0: words 0..3, 1: words 4..7) for the
   destination D (dlo, dhi), source S (slo, shi) and IMM (bits 2:0). */
extern ULong amd64g_calc_sse_mpsadbw(ULong dlo, ULong dhi, ULong slo,
                                     ULong shi, ULong imm_half);
/* phminposuw: the minimum unsigned word of (lo, hi) in bits 15:0, its
   index in bits 18:16 (the lowest index among equals). */
extern ULong amd64g_calc_sse_phminposuw(ULong lo, ULong hi);
/* pcmpXstrX: the string compare of A (alo, ahi: xmm1) with B (blo, bhi:
   xmm2/m128) under CTL: bits 7:0 imm8, bit 8 set for explicit lengths
   (pcmpestr*), then bits 20:16 the length of A and bits 28:24 that of B
   (explicit forms: already made absolute and saturated).  Returns
   IntRes2 in bits 15:0, the index (least or most significant as imm8[6]
   says; 8/16 when none) in bits 20:16, and the OSZACP flags at their
   rflags positions in bits 43:32. */
extern ULong amd64g_calc_sse42_pcmpstr(ULong alo, ULong ahi, ULong blo,
                                       ULong bhi, ULong ctl);
/* The byte (WORDS = 0) or word (WORDS = 1) mask of MASK's bits, the
   result's half HALF. */
extern ULong amd64g_calc_sse42_expand_mask(ULong mask, ULong words,
                                           ULong half);

#endif /* __VEX_GUEST_AMD64_TOIR_SSE_H */
