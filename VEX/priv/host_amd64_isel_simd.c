/* Instruction selection for amd64, second half: F32, F64, V128 and V256
   expressions, the integer-valued operations on them, and the 64-bit
   SIMD ops on I64 (done in the low half of an xmm register).  See
   host_amd64_isel.h for the conventions.

   The host instruction set (host_amd64_defs.h) is SSE2 plus a few later
   instructions (pshufb: SSSE3; pmulld, pmaxsb/sd/ud/uw, pminsb/sd/ud/uw,
   pcmpeqq, packusdw: SSE4.1; pcmpgtq: SSE4.2), used only when the host's
   hwcaps say so.  What it has no instruction for is computed by a short
   sequence (unsigned compares by flipping sign bits, narrowing by masking
   and packing, byte-lane shifts...) or by a helper function below,
   called with its operands in a 16-byte aligned scratch area on the
   stack:
        sub $48,%rsp ; movups a,16(%rsp) ; movups b,32(%rsp)
        rdi = %rsp (result), rsi = a's address, rdx = b's, [rcx = int]
        call helper ; movups 0(%rsp),dst ; add $48,%rsp
   Scalar helpers (FP conversions and roundings SSE2 lacks) take and
   return bit patterns in integer registers.  When an operation carries a
   rounding mode, MXCSR is set around its instruction (or helper call) and
   restored to round-to-nearest after.

   Not supported (the selector panics naming the op): the x87-style
   transcendentals (Sin/Cos/Tan/Atan/Yl2x/Yl2xp1/2xm1/Scale/PRem*), fused
   multiply-add (MAdd/MSub F32/F64), F16 and F128 arithmetic and
   conversions, and a handful of rarely generated MMX-style ops. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "main_util.h"
#include "host_generic_regs.h"
#include "host_amd64_defs.h"
#include "host_amd64_isel.h"

#define addInstr    amd64isel_addInstr
#define newVRegI    amd64isel_newVRegI
#define newVRegV    amd64isel_newVRegV
#define iselIntExpr_R     amd64isel_IntExpr_R
#define iselIntExpr_AMode amd64isel_IntExpr_AMode
#define iselCondCode      amd64isel_CondCode
#define iselFltExpr       amd64isel_FltExpr
#define iselDblExpr       amd64isel_DblExpr
#define iselVecExpr       amd64isel_VecExpr
#define copyV             amd64isel_copyV
#define copyI             amd64isel_copyI

/* ================================================================== */
/* Helper functions called from generated code                        */
/* ================================================================== */

typedef union {
   UChar  w8[16];
   SChar  s8[16];
   UShort w16[8];
   Short  s16[8];
   UInt   w32[4];
   Int    s32[4];
   ULong  w64[2];
   Long   s64[2];
} V128u;

/* --- rounding to an integral value, by integer arithmetic --- */

/* Rounds the IEEE value with bit pattern BITS (EXPBITS exponent bits,
   MANT mantissa bits) to an integral value in mode RM (IRRoundingMode,
   0..3; the others as nearest). */
static ULong roundToIntegralBits(ULong bits, UInt mantBits, UInt expBits,
                                 UInt rm)
{
   ULong signBit = 1ULL << (mantBits + expBits);
   UInt  bias    = (1U << (expBits - 1)) - 1;
   UInt  expMax  = (1U << expBits) - 1;
   UInt  exp     = (UInt)((bits >> mantBits) & expMax);
   Bool  neg     = (bits & signBit) != 0;
   ULong one     = (ULong)bias << mantBits;

   if (rm > 3)
      rm = 0;
   if (exp == expMax)                       /* NaN (made quiet) or inf */
      return (bits & ((1ULL << mantBits) - 1)) != 0
                ? bits | (1ULL << (mantBits - 1)) : bits;
   if (exp >= bias + mantBits)              /* already integral */
      return bits;
   if (exp < bias) {                        /* |x| < 1 */
      if ((bits & ~signBit) == 0)
         return bits;                       /* +-0 */
      Bool toOne;
      switch (rm) {
         case 0:  /* nearest: above one half */
            toOne = exp == bias - 1 && (bits & ((1ULL << mantBits) - 1)) != 0;
            break;
         case 1:  toOne = neg;  break;      /* towards -inf */
         case 2:  toOne = !neg; break;      /* towards +inf */
         default: toOne = False; break;     /* towards zero */
      }
      return (neg ? signBit : 0) | (toOne ? one : 0);
   }
   UInt  fracBits = bias + mantBits - exp;  /* 1 .. mantBits */
   ULong mask     = (1ULL << fracBits) - 1;
   ULong frac     = bits & mask;
   if (frac == 0)
      return bits;
   ULong trunc = bits & ~mask;
   ULong half  = 1ULL << (fracBits - 1);
   Bool  up;
   switch (rm) {
      case 0:
         up = frac > half || (frac == half && ((trunc >> fracBits) & 1));
         break;
      case 1:  up = neg;  break;
      case 2:  up = !neg; break;
      default: up = False; break;
   }
   /* A carry out of the mantissa bumps the exponent: still right. */
   return up ? trunc + (1ULL << fracBits) : trunc;
}

static ULong h_RoundF64toInt(ULong rm, ULong bits)
{
   return roundToIntegralBits(bits, 52, 11, (UInt)(rm & 7));
}

static ULong h_RoundF32toInt(ULong rm, ULong bits)
{
   return roundToIntegralBits(bits & 0xFFFFFFFFULL, 23, 8, (UInt)(rm & 7));
}

static void h_RoundF32x4(V128u* res, const V128u* a, ULong rm)
{
   for (Int i = 0; i < 4; i++)
      res->w32[i] = (UInt)roundToIntegralBits(a->w32[i], 23, 8, (UInt)rm);
}

/* --- conversions SSE2 has no instruction for --- */

/* These run with MXCSR set to the operation's rounding mode by the
   caller, so the conversions the compiler emits round as required. */
static ULong h_I64UtoF64(ULong x)
{
   union { Double d; ULong u; } r;
   r.d = (Double)x;
   return r.u;
}

static ULong h_I64UtoF32(ULong x)
{
   union { Float f; UInt u; } r;
   r.f = (Float)x;
   return r.u;
}

/* F64/F32 -> unsigned 64-bit, rounding per MXCSR (the caller set it).
   Out of range (and NaN) gives 0x8000000000000000, the x86 "integer
   indefinite". */
#if defined(__x86_64__)
static Long cvtsd2si64(Double d)
{
   Long r;
   __asm__ __volatile__("cvtsd2si %1, %0" : "=r"(r) : "x"(d));
   return r;
}
#else
static Long cvtsd2si64(Double d)
{
   (void)d;
   vpanic("cvtsd2si64: not an amd64 host");
}
#endif

static ULong f64ToU64(Double d)
{
   if (!(d > -1.0 && d < 18446744073709551616.0))
      return 0x8000000000000000ULL;
   if (d < 9223372036854775808.0)
      return (ULong)cvtsd2si64(d);
   /* [2^63, 2^64): exact after subtracting 2^63. */
   return (ULong)cvtsd2si64(d - 9223372036854775808.0)
          + 0x8000000000000000ULL;
}

static ULong h_F64toI64U(ULong bits)
{
   union { Double d; ULong u; } v;
   v.u = bits;
   return f64ToU64(v.d);
}

static ULong h_F32toI64U(ULong bits)
{
   union { Float f; UInt u; } v;
   v.u = (UInt)bits;
   return f64ToU64((Double)v.f);
}

/* maxNum/minNum (IEEE 754-2008): a quiet NaN operand loses to a number;
   +0 is taken as greater than -0. */
static Bool isNaN64(ULong b)
{
   return ((b >> 52) & 0x7FF) == 0x7FF && (b & 0xFFFFFFFFFFFFFULL) != 0;
}

static Bool isNaN32(ULong b)
{
   return ((b >> 23) & 0xFF) == 0xFF && (b & 0x7FFFFF) != 0;
}

/* The order of IEEE values as integers: sign-magnitude to two's
   complement. */
static Long orderKey(ULong b, UInt width)
{
   ULong sign = 1ULL << (width - 1);
   if (b & sign)
      return -(Long)(b & ~sign) - 1;
   return (Long)b;
}

static ULong maxMinNum(ULong a, ULong b, UInt width, Bool isMax)
{
   Bool na = width == 64 ? isNaN64(a) : isNaN32(a);
   Bool nb = width == 64 ? isNaN64(b) : isNaN32(b);
   ULong q = width == 64 ? (1ULL << 51) : (1ULL << 22);
   if (na && nb)
      return a | q;
   if (na)
      return b;
   if (nb)
      return a;
   Long ka = orderKey(a, width), kb = orderKey(b, width);
   if (isMax)
      return ka >= kb ? a : b;
   return ka <= kb ? a : b;
}

static ULong h_MaxNumF64(ULong a, ULong b) { return maxMinNum(a, b, 64, True); }
static ULong h_MinNumF64(ULong a, ULong b) { return maxMinNum(a, b, 64, False); }
static ULong h_MaxNumF32(ULong a, ULong b)
{
   return maxMinNum(a & 0xFFFFFFFF, b & 0xFFFFFFFF, 32, True);
}
static ULong h_MinNumF32(ULong a, ULong b)
{
   return maxMinNum(a & 0xFFFFFFFF, b & 0xFFFFFFFF, 32, False);
}

/* F32x4 <-> I32x4 conversions (cvtdq2ps, cvtps2dq, cvttps2dq). */
static void h_I32StoF32x4(V128u* res, const V128u* a)
{
#if defined(__x86_64__)
   __asm__ __volatile__("movdqu %1, %%xmm0\n\tcvtdq2ps %%xmm0, %%xmm0\n\t"
                        "movdqu %%xmm0, %0" : "=m"(*res) : "m"(*a) : "xmm0");
#else
   (void)res; (void)a;
   vpanic("h_I32StoF32x4");
#endif
}

static void h_F32toI32Sx4(V128u* res, const V128u* a)
{
#if defined(__x86_64__)
   __asm__ __volatile__("movdqu %1, %%xmm0\n\tcvtps2dq %%xmm0, %%xmm0\n\t"
                        "movdqu %%xmm0, %0" : "=m"(*res) : "m"(*a) : "xmm0");
#else
   (void)res; (void)a;
   vpanic("h_F32toI32Sx4");
#endif
}

static void h_F32toI32Sx4_RZ(V128u* res, const V128u* a)
{
#if defined(__x86_64__)
   __asm__ __volatile__("movdqu %1, %%xmm0\n\tcvttps2dq %%xmm0, %%xmm0\n\t"
                        "movdqu %%xmm0, %0" : "=m"(*res) : "m"(*a) : "xmm0");
#else
   (void)res; (void)a;
   vpanic("h_F32toI32Sx4_RZ");
#endif
}

/* Unsigned, truncating; out of range (and NaN) lanes give 0 below zero
   and 0xFFFFFFFF above (saturation, as other VEX hosts do). */
static void h_F32toI32Ux4_RZ(V128u* res, const V128u* a)
{
   for (Int i = 0; i < 4; i++) {
      union { Float f; UInt u; } v;
      v.u = a->w32[i];
      if (!(v.f > -1.0f))
         res->w32[i] = 0;
      else if (v.f >= 4294967296.0f)
         res->w32[i] = 0xFFFFFFFFU;
      else
         res->w32[i] = (UInt)v.f;
   }
}

/* 1/x and 1/sqrt(x) "estimates" for F64 lanes: computed exactly. */
static void h_RecipEst64Fx2(V128u* res, const V128u* a)
{
   for (Int i = 0; i < 2; i++) {
      union { Double d; ULong u; } v;
      v.u = a->w64[i];
      v.d = 1.0 / v.d;
      res->w64[i] = v.u;
   }
}

static void h_RSqrtEst64Fx2(V128u* res, const V128u* a)
{
#if defined(__x86_64__)
   for (Int i = 0; i < 2; i++) {
      union { Double d; ULong u; } v;
      v.u = a->w64[i];
      __asm__ __volatile__("sqrtsd %1, %0" : "=x"(v.d) : "x"(v.d));
      v.d = 1.0 / v.d;
      res->w64[i] = v.u;
   }
#else
   (void)res; (void)a;
   vpanic("h_RSqrtEst64Fx2");
#endif
}

/* --- integer lanes --- */

#define LANEWISE2(name, N, field, expr)                                \
   static void name(V128u* res, const V128u* a, const V128u* b)        \
   {                                                                   \
      V128u r;                                                         \
      for (Int i = 0; i < (N); i++)                                    \
         r.field[i] = (expr);                                          \
      *res = r;                                                        \
   }

static Long satS(Long v, Long lo, Long hi) { return v < lo ? lo : v > hi ? hi : v; }

static __int128 satS128(__int128 v)
{
   const __int128 lo = -(__int128)0x7FFFFFFFFFFFFFFFLL - 1;
   const __int128 hi = 0x7FFFFFFFFFFFFFFFLL;
   return v < lo ? lo : v > hi ? hi : v;
}

LANEWISE2(h_Mul8x16, 16, w8, (UChar)(a->w8[i] * b->w8[i]))
LANEWISE2(h_Mul32x4, 4, w32, a->w32[i] * b->w32[i])
LANEWISE2(h_MulHi32Ux4, 4, w32,
          (UInt)(((ULong)a->w32[i] * (ULong)b->w32[i]) >> 32))
LANEWISE2(h_MulHi32Sx4, 4, s32,
          (Int)(((Long)a->s32[i] * (Long)b->s32[i]) >> 32))
LANEWISE2(h_MullEven8Ux16, 8, w16,
          (UShort)(a->w8[2 * i] * b->w8[2 * i]))
LANEWISE2(h_MullEven8Sx16, 8, s16,
          (Short)(a->s8[2 * i] * b->s8[2 * i]))
LANEWISE2(h_MullEven16Ux8, 4, w32,
          (UInt)a->w16[2 * i] * (UInt)b->w16[2 * i])
LANEWISE2(h_MullEven16Sx8, 4, s32,
          (Int)a->s16[2 * i] * (Int)b->s16[2 * i])
LANEWISE2(h_MullEven32Sx4, 2, s64,
          (Long)a->s32[2 * i] * (Long)b->s32[2 * i])
LANEWISE2(h_QAdd32Ux4, 4, w32,
          a->w32[i] + b->w32[i] < a->w32[i] ? 0xFFFFFFFFU
                                             : a->w32[i] + b->w32[i])
LANEWISE2(h_QAdd32Sx4, 4, s32,
          (Int)satS((Long)a->s32[i] + b->s32[i], -0x80000000LL, 0x7FFFFFFFLL))
LANEWISE2(h_QSub32Ux4, 4, w32,
          a->w32[i] < b->w32[i] ? 0 : a->w32[i] - b->w32[i])
LANEWISE2(h_QSub32Sx4, 4, s32,
          (Int)satS((Long)a->s32[i] - b->s32[i], -0x80000000LL, 0x7FFFFFFFLL))
LANEWISE2(h_QAdd64Ux2, 2, w64,
          a->w64[i] + b->w64[i] < a->w64[i] ? ~0ULL : a->w64[i] + b->w64[i])
LANEWISE2(h_QSub64Ux2, 2, w64,
          a->w64[i] < b->w64[i] ? 0 : a->w64[i] - b->w64[i])
LANEWISE2(h_QAdd64Sx2, 2, s64,
          (Long)satS128((__int128)a->s64[i] + b->s64[i]))
LANEWISE2(h_QSub64Sx2, 2, s64,
          (Long)satS128((__int128)a->s64[i] - b->s64[i]))
LANEWISE2(h_Max8Sx16, 16, s8, a->s8[i] > b->s8[i] ? a->s8[i] : b->s8[i])
LANEWISE2(h_Min8Sx16, 16, s8, a->s8[i] < b->s8[i] ? a->s8[i] : b->s8[i])
LANEWISE2(h_Max16Ux8, 8, w16, a->w16[i] > b->w16[i] ? a->w16[i] : b->w16[i])
LANEWISE2(h_Min16Ux8, 8, w16, a->w16[i] < b->w16[i] ? a->w16[i] : b->w16[i])
LANEWISE2(h_Max32Sx4, 4, s32, a->s32[i] > b->s32[i] ? a->s32[i] : b->s32[i])
LANEWISE2(h_Min32Sx4, 4, s32, a->s32[i] < b->s32[i] ? a->s32[i] : b->s32[i])
LANEWISE2(h_Max32Ux4, 4, w32, a->w32[i] > b->w32[i] ? a->w32[i] : b->w32[i])
LANEWISE2(h_Min32Ux4, 4, w32, a->w32[i] < b->w32[i] ? a->w32[i] : b->w32[i])
LANEWISE2(h_CmpEQ64x2, 2, w64, a->w64[i] == b->w64[i] ? ~0ULL : 0)
LANEWISE2(h_CmpGT64Sx2, 2, w64, a->s64[i] > b->s64[i] ? ~0ULL : 0)
LANEWISE2(h_QNarrowBin32Sto16Ux8, 8, w16,
          (UShort)satS(i < 4 ? b->s32[i] : a->s32[i - 4], 0, 0xFFFF))
/* Per-lane shifts by the lane of B; amounts of the lane width or more
   give 0 (Sar: the sign). */
LANEWISE2(h_Shl8x16, 16, w8, b->w8[i] >= 8 ? 0 : (UChar)(a->w8[i] << b->w8[i]))
LANEWISE2(h_Shr8x16, 16, w8, b->w8[i] >= 8 ? 0 : (UChar)(a->w8[i] >> b->w8[i]))
LANEWISE2(h_Sar8x16, 16, s8,
          (SChar)(a->s8[i] >> (b->w8[i] >= 8 ? 7 : b->w8[i])))
LANEWISE2(h_Shl16x8, 8, w16,
          b->w16[i] >= 16 ? 0 : (UShort)(a->w16[i] << b->w16[i]))
LANEWISE2(h_Shr16x8, 8, w16,
          b->w16[i] >= 16 ? 0 : (UShort)(a->w16[i] >> b->w16[i]))
LANEWISE2(h_Sar16x8, 8, s16,
          (Short)(a->s16[i] >> (b->w16[i] >= 16 ? 15 : b->w16[i])))
LANEWISE2(h_Shl32x4, 4, w32, b->w32[i] >= 32 ? 0 : a->w32[i] << b->w32[i])
LANEWISE2(h_Shr32x4, 4, w32, b->w32[i] >= 32 ? 0 : a->w32[i] >> b->w32[i])
LANEWISE2(h_Sar32x4, 4, s32, a->s32[i] >> (b->w32[i] >= 32 ? 31 : b->w32[i]))
LANEWISE2(h_Shl64x2, 2, w64, b->w64[i] >= 64 ? 0 : a->w64[i] << b->w64[i])
LANEWISE2(h_Shr64x2, 2, w64, b->w64[i] >= 64 ? 0 : a->w64[i] >> b->w64[i])
LANEWISE2(h_Sar64x2, 2, s64, a->s64[i] >> (b->w64[i] >= 64 ? 63 : b->w64[i]))
LANEWISE2(h_Perm8x16, 16, w8, a->w8[b->w8[i] & 15])
LANEWISE2(h_PermOrZero8x16, 16, w8,
          (b->w8[i] & 0x80) ? 0 : a->w8[b->w8[i] & 15])
LANEWISE2(h_Perm32x4, 4, w32, a->w32[b->w32[i] & 3])

/* Shifts of every lane by one amount N (an int argument). */
static void h_ShlN8x16(V128u* res, const V128u* a, ULong n)
{
   for (Int i = 0; i < 16; i++)
      res->w8[i] = n >= 8 ? 0 : (UChar)(a->w8[i] << n);
}

static void h_ShrN8x16(V128u* res, const V128u* a, ULong n)
{
   for (Int i = 0; i < 16; i++)
      res->w8[i] = n >= 8 ? 0 : (UChar)(a->w8[i] >> n);
}

static void h_SarN8x16(V128u* res, const V128u* a, ULong n)
{
   for (Int i = 0; i < 16; i++)
      res->s8[i] = (SChar)(a->s8[i] >> (n >= 8 ? 7 : n));
}

static void h_SarN64x2(V128u* res, const V128u* a, ULong n)
{
   for (Int i = 0; i < 2; i++)
      res->s64[i] = a->s64[i] >> (n >= 64 ? 63 : n);
}

/* Whole-vector shifts by a number of bits (a multiple of 8). */
static void h_ShlV128(V128u* res, const V128u* a, ULong n)
{
   V128u r;
   UInt  by = (UInt)(n >> 3);
   for (Int i = 0; i < 16; i++)
      r.w8[i] = (UInt)i >= by ? a->w8[i - by] : 0;
   *res = r;
}

static void h_ShrV128(V128u* res, const V128u* a, ULong n)
{
   V128u r;
   UInt  by = (UInt)(n >> 3);
   for (Int i = 0; i < 16; i++)
      r.w8[i] = i + by < 16 ? a->w8[i + by] : 0;
   *res = r;
}

/* (A:B) >> 8*N, the low 16 bytes (N in 0..16, a byte count). */
static void h_SliceV128(V128u* res, const V128u* a, const V128u* b, ULong n)
{
   UChar both[32];
   V128u r;
   for (Int i = 0; i < 16; i++) {
      both[i]      = b->w8[i];
      both[16 + i] = a->w8[i];
   }
   for (Int i = 0; i < 16; i++)
      r.w8[i] = (UInt)i + n < 32 ? both[i + n] : 0;
   *res = r;
}

static ULong h_GetMSBs8x16(const V128u* a)
{
   ULong r = 0;
   for (Int i = 0; i < 16; i++)
      r |= (ULong)(a->w8[i] >> 7) << i;
   return r;
}

static void h_Abs64x2(V128u* res, const V128u* a)
{
   for (Int i = 0; i < 2; i++)
      res->s64[i] = a->s64[i] < 0 ? -a->s64[i] : a->s64[i];
}

/* --- 64-bit SIMD on I64 without a direct instruction --- */

static ULong h_Mul32x2(ULong a, ULong b)
{
   return (ULong)((UInt)a * (UInt)b)
          | ((ULong)((UInt)(a >> 32) * (UInt)(b >> 32)) << 32);
}

static ULong h_GetMSBs8x8(ULong a)
{
   ULong r = 0;
   for (Int i = 0; i < 8; i++)
      r |= ((a >> (8 * i + 7)) & 1) << i;
   return r;
}

static ULong h_Perm8x8(ULong a, ULong b)
{
   ULong r = 0;
   for (Int i = 0; i < 8; i++) {
      UInt ix = (UInt)(b >> (8 * i)) & 7;
      r |= ((a >> (8 * ix)) & 0xFF) << (8 * i);
   }
   return r;
}

/* Lanes of width W (8 or 16) from the odd (ODD) or even positions, the
   high half of the result from A. */
static ULong catLanes64(ULong a, ULong b, UInt w, Bool odd)
{
   UInt  n = 64 / w, half = n / 2;
   ULong m = (1ULL << w) - 1, r = 0;
   for (UInt i = 0; i < half; i++) {
      UInt src = 2 * i + (odd ? 1 : 0);
      r |= ((b >> (w * src)) & m) << (w * i);
      r |= ((a >> (w * src)) & m) << (w * (i + half));
   }
   return r;
}

static ULong h_CatOddLanes8x8(ULong a, ULong b)  { return catLanes64(a, b, 8, True); }
static ULong h_CatEvenLanes8x8(ULong a, ULong b) { return catLanes64(a, b, 8, False); }
static ULong h_CatOddLanes16x4(ULong a, ULong b) { return catLanes64(a, b, 16, True); }
static ULong h_CatEvenLanes16x4(ULong a, ULong b)
{
   return catLanes64(a, b, 16, False);
}

/* Per-lane shifts of I64 lanes by one amount. */
static ULong h_ShlN8x8(ULong a, ULong n)
{
   ULong r = 0;
   for (Int i = 0; i < 8; i++)
      r |= (ULong)(n >= 8 ? 0 : (UChar)(((a >> (8 * i)) & 0xFF) << n))
           << (8 * i);
   return r;
}

static ULong h_ShrN8x8(ULong a, ULong n)
{
   ULong r = 0;
   for (Int i = 0; i < 8; i++)
      r |= (ULong)(n >= 8 ? 0 : (UChar)(((a >> (8 * i)) & 0xFF) >> n))
           << (8 * i);
   return r;
}

static ULong h_SarN8x8(ULong a, ULong n)
{
   ULong r = 0;
   for (Int i = 0; i < 8; i++) {
      SChar lane = (SChar)(a >> (8 * i));
      r |= (ULong)(UChar)(lane >> (n >= 8 ? 7 : n)) << (8 * i);
   }
   return r;
}

/* (A:B) >> 8*N, the low 64 bits (N in 0..8). */
static ULong h_Slice64(ULong a, ULong b, ULong n)
{
   n &= 15;
   if (n == 0)
      return b;
   if (n >= 8)
      return n == 8 ? a : a >> (8 * (n - 8));
   return (b >> (8 * n)) | (a << (64 - 8 * n));
}

static ULong absLanes64(ULong a, UInt w)
{
   ULong r = 0, m = (1ULL << w) - 1;
   for (UInt i = 0; i < 64 / w; i++) {
      ULong lane = (a >> (w * i)) & m;
      if (lane >> (w - 1))
         lane = (0 - lane) & m;
      r |= lane << (w * i);
   }
   return r;
}

static ULong h_Abs8x8(ULong a)  { return absLanes64(a, 8); }
static ULong h_Abs16x4(ULong a) { return absLanes64(a, 16); }
static ULong h_Abs32x2(ULong a) { return absLanes64(a, 32); }

/* ================================================================== */
/* Building blocks                                                    */
/* ================================================================== */

static AMD64AMode* rsp_amode(Int off)
{
   return AMD64AMode_IR((UInt)off, hregAMD64_RSP());
}

static AMD64AMode* rbp_amode(Int off)
{
   return AMD64AMode_IR((UInt)off, hregAMD64_RBP());
}

static Bool hasCap(AMD64ISelEnv* env, UInt cap)
{
   return (env->hwcaps & cap) != 0;
}

/* A new xmm register whose low 64 bits are R's (movq zeroes the rest). */
static HReg gprToXmm(AMD64ISelEnv* env, HReg r)
{
   HReg x = newVRegV(env);
   addInstr(env, AMD64Instr_SseMOVQ(r, x, True));
   return x;
}

static HReg xmmToGpr(AMD64ISelEnv* env, HReg x)
{
   HReg r = newVRegI(env);
   addInstr(env, AMD64Instr_SseMOVQ(r, x, False));
   return r;
}

static HReg vecZero(AMD64ISelEnv* env)
{
   HReg z = newVRegV(env);
   addInstr(env, AMD64Instr_SseReRg(Asse_XOR, z, z));
   return z;
}

static HReg vecOnes(AMD64ISelEnv* env)
{
   HReg o = newVRegV(env);
   addInstr(env, AMD64Instr_SseReRg(Asse_CMPEQ32, o, o));
   return o;
}

/* Both 64-bit halves V. */
static HReg vecSplat64(AMD64ISelEnv* env, ULong v)
{
   HReg x = gprToXmm(env, amd64isel_imm64(env, v));
   HReg y = newVRegV(env);
   addInstr(env, AMD64Instr_SseShuf(Ashuf_D, 0x44, x, y));
   return y;
}

/* The 128-bit constant HI:LO. */
static HReg vecConst(AMD64ISelEnv* env, ULong hi, ULong lo)
{
   if (hi == lo) {
      if (lo == 0)
         return vecZero(env);
      if (lo == ~0ULL)
         return vecOnes(env);
      return vecSplat64(env, lo);
   }
   HReg xl = gprToXmm(env, amd64isel_imm64(env, lo));
   HReg xh = gprToXmm(env, amd64isel_imm64(env, hi));
   addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLQ, xh, xl));
   return xl;
}

/* DST = a copy of A with OP B applied (dst op= src). */
static HReg sseBin(AMD64ISelEnv* env, AMD64SseOp op, HReg a, HReg b)
{
   HReg dst = copyV(env, a);
   addInstr(env, AMD64Instr_SseReRg(op, b, dst));
   return dst;
}

static HReg sseShiftN(AMD64ISelEnv* env, AMD64SseShiftNOp op, HReg a,
                      UInt amt)
{
   HReg dst = copyV(env, a);
   if (amt != 0)
      addInstr(env, AMD64Instr_SseShiftN(op, amt, dst));
   return dst;
}

static HReg sseNot(AMD64ISelEnv* env, HReg a)
{
   return sseBin(env, Asse_XOR, a, vecOnes(env));
}

/* Calls a V128 helper FN(res, a, b[, n]) (B or N may be absent). */
static HReg vecHelper(AMD64ISelEnv* env, const void* fn, HReg a, HReg b,
                      HReg n)
{
   HReg args[4];
   Int  nArgs = 0;
   amd64isel_addToRSP(env, -48);
   addInstr(env, AMD64Instr_SseLdSt(False, 16, a, rsp_amode(16)));
   if (!hregIsInvalid(b))
      addInstr(env, AMD64Instr_SseLdSt(False, 16, b, rsp_amode(32)));
   args[nArgs++] = hregAMD64_RSP();
   HReg pa = newVRegI(env);
   addInstr(env, AMD64Instr_Lea64(rsp_amode(16), pa));
   args[nArgs++] = pa;
   if (!hregIsInvalid(b)) {
      HReg pb = newVRegI(env);
      addInstr(env, AMD64Instr_Lea64(rsp_amode(32), pb));
      args[nArgs++] = pb;
   }
   if (!hregIsInvalid(n))
      args[nArgs++] = n;
   (void)amd64isel_callHelper(env, fn, nArgs, args, False);
   HReg dst = newVRegV(env);
   addInstr(env, AMD64Instr_SseLdSt(True, 16, dst, rsp_amode(0)));
   amd64isel_addToRSP(env, 48);
   return dst;
}

static HReg vecHelper2(AMD64ISelEnv* env, const void* fn, const IRExpr* a,
                       const IRExpr* b)
{
   HReg ra = iselVecExpr(env, a);
   HReg rb = iselVecExpr(env, b);
   return vecHelper(env, fn, ra, rb, INVALID_HREG);
}

/* FN(res, a, n) with N an I8 amount, zero-extended. */
static HReg vecHelperN(AMD64ISelEnv* env, const void* fn, const IRExpr* a,
                       const IRExpr* n)
{
   HReg ra = iselVecExpr(env, a);
   HReg rn = amd64isel_zeroExtend(env, iselIntExpr_R(env, n),
                                  typeOfIRExpr(env->type_env, n));
   return vecHelper(env, fn, ra, INVALID_HREG, rn);
}

/* A scalar helper on integer arguments; the integer result. */
static HReg intHelper(AMD64ISelEnv* env, const void* fn, Int nArgs,
                      HReg a0, HReg a1)
{
   HReg args[2] = { a0, a1 };
   return amd64isel_callHelper(env, fn, nArgs, args, True);
}

/* ================================================================== */
/* F64                                                                */
/* ================================================================== */

static HReg iselDblExpr_wrk(AMD64ISelEnv* env, const IRExpr* e);

HReg amd64isel_DblExpr(AMD64ISelEnv* env, const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_F64);
   HReg r = iselDblExpr_wrk(env, e);
   vassert(hregClass(r) == HRcVec128 && hregIsVirtual(r));
   return r;
}

/* The sign-bit / magnitude mask for F64 (or F32) lanes in the low
   half. */
static HReg scalarMask(AMD64ISelEnv* env, ULong m)
{
   return gprToXmm(env, amd64isel_imm64(env, m));
}

static AMD64SseOp fpBinOp(IROp op)
{
   switch (op) {
      case Iop_AddF64: case Iop_AddF32: return Asse_ADDF;
      case Iop_SubF64: case Iop_SubF32: return Asse_SUBF;
      case Iop_MulF64: case Iop_MulF32: return Asse_MULF;
      case Iop_DivF64: case Iop_DivF32: return Asse_DIVF;
      default:                          return Asse_INVALID;
   }
}

/* An integer conversion to F64/F32: cvtsi2s{d,s} merges into its
   destination, so the destination is zeroed first. */
static HReg cvtIntToFP(AMD64ISelEnv* env, HReg src, Int szS, Int szD,
                       const IRExpr* rm)
{
   HReg dst = vecZero(env);
   Bool set = rm != NULL && amd64isel_setRoundingMode(env, rm);
   addInstr(env, AMD64Instr_SseSI2SF(szS, szD, src, dst));
   if (set)
      amd64isel_restoreRoundingMode(env);
   return dst;
}

/* A scalar helper with the rounding mode RM in force, on bit patterns;
   the result (bits) into an xmm register. */
static HReg fpHelperBits(AMD64ISelEnv* env, const void* fn, const IRExpr* rm,
                         Int nArgs, HReg a0, HReg a1)
{
   Bool set = rm != NULL && amd64isel_setRoundingMode(env, rm);
   HReg r = intHelper(env, fn, nArgs, a0, a1);
   if (set)
      amd64isel_restoreRoundingMode(env);
   return gprToXmm(env, r);
}

/* The cases iselDblExpr and iselFltExpr share, for a scalar of SZ bytes
   (8: F64, 4: F32) in the low lane of an xmm register; INVALID_HREG
   when E is not one of them, so the caller tries its own cases. */
static HReg iselScalarFP(AMD64ISelEnv* env, const IRExpr* e, Int sz)
{
   vassert(sz == 4 || sz == 8);
   switch (e->tag) {
      case Iex_RdTmp:
         return amd64isel_lookupIRTemp(env, e->Iex.RdTmp.tmp);

      case Iex_Const: {
         /* The bit pattern, zero-extended to 64 bits for an F32. */
         union { Double d; Float f; ULong u64; UInt u32; } v;
         ULong bits;
         const IRConst* c = e->Iex.Const.con;
         switch (c->tag) {
            case Ico_F64:  v.d = c->Ico.F64; bits = v.u64; break;
            case Ico_F64i: bits = c->Ico.F64i;             break;
            case Ico_F32:  v.f = c->Ico.F32; bits = v.u32; break;
            case Ico_F32i: bits = c->Ico.F32i;             break;
            default:       return INVALID_HREG;
         }
         if (bits == 0)
            return vecZero(env);
         return gprToXmm(env, amd64isel_imm64(env, bits));
      }

      case Iex_Get: {
         HReg dst = newVRegV(env);
         addInstr(env, AMD64Instr_SseLdzLO(sz, dst,
                                           rbp_amode(e->Iex.Get.offset)));
         return dst;
      }

      case Iex_GetI: {
         HReg dst = newVRegV(env);
         addInstr(env, AMD64Instr_SseLdzLO(sz, dst,
                          amd64isel_GuestArrayAMode(env, e->Iex.GetI.descr,
                                                    e->Iex.GetI.ix,
                                                    e->Iex.GetI.bias)));
         return dst;
      }

      case Iex_Load: {
         if (e->Iex.Load.end != Iend_LE)
            break;
         HReg dst = newVRegV(env);
         addInstr(env, AMD64Instr_SseLdzLO(sz, dst,
                          iselIntExpr_AMode(env, e->Iex.Load.addr)));
         return dst;
      }

      case Iex_Triop:
      case Iex_Binop: {
         /* A rounded two-operand op (arg1 is the rounding mode) or a
            rounded square root. */
         AMD64SseOp op;
         const IRExpr *rm, *x, *y;
         if (e->tag == Iex_Triop) {
            const IRTriop* t = e->Iex.Triop.details;
            op = fpBinOp(t->op);
            rm = t->arg1; x = t->arg2; y = t->arg3;
         } else {
            IROp sq = sz == 8 ? Iop_SqrtF64 : Iop_SqrtF32;
            op = e->Iex.Binop.op == sq ? Asse_SQRTF : Asse_INVALID;
            rm = e->Iex.Binop.arg1; x = e->Iex.Binop.arg2; y = NULL;
         }
         if (op == Asse_INVALID)
            break;
         HReg a = sz == 8 ? iselDblExpr(env, x) : iselFltExpr(env, x);
         HReg b = y == NULL ? a
                  : sz == 8 ? iselDblExpr(env, y) : iselFltExpr(env, y);
         HReg dst = copyV(env, a);
         Bool set = amd64isel_setRoundingMode(env, rm);
         addInstr(env, sz == 8 ? AMD64Instr_Sse64FLo(op, b, dst)
                               : AMD64Instr_Sse32FLo(op, b, dst));
         if (set)
            amd64isel_restoreRoundingMode(env);
         return dst;
      }

      case Iex_ITE: {
         HReg t   = sz == 8 ? iselDblExpr(env, e->Iex.ITE.iftrue)
                            : iselFltExpr(env, e->Iex.ITE.iftrue);
         HReg dst = copyV(env, sz == 8 ? iselDblExpr(env, e->Iex.ITE.iffalse)
                                       : iselFltExpr(env, e->Iex.ITE.iffalse));
         AMD64CondCode cc = iselCondCode(env, e->Iex.ITE.cond);
         addInstr(env, AMD64Instr_SseCMov(cc, t, dst));
         return dst;
      }

      default:
         break;
   }
   return INVALID_HREG;
}

static HReg iselDblExpr_wrk(AMD64ISelEnv* env, const IRExpr* e)
{
   HReg r = iselScalarFP(env, e, 8);
   if (!hregIsInvalid(r))
      return r;
   switch (e->tag) {
      case Iex_Binop: {
         IROp op = e->Iex.Binop.op;
         const IRExpr* a1 = e->Iex.Binop.arg1;
         const IRExpr* a2 = e->Iex.Binop.arg2;
         switch (op) {
            case Iop_I64StoF64:
               return cvtIntToFP(env, iselIntExpr_R(env, a2), 8, 8, a1);
            case Iop_I64UtoF64:
               return fpHelperBits(env, (const void*)h_I64UtoF64, a1, 1,
                                   iselIntExpr_R(env, a2), INVALID_HREG);
            case Iop_RoundF64toInt: {
               HReg rm = iselIntExpr_R(env, a1);
               HReg x  = xmmToGpr(env, iselDblExpr(env, a2));
               return fpHelperBits(env, (const void*)h_RoundF64toInt, NULL,
                                   2, rm, x);
            }
            case Iop_RoundF64toF32: {
               /* To single precision and back, both ways exact but the
                  first, which rounds as told. */
               HReg a = iselDblExpr(env, a2);
               HReg s = vecZero(env);
               Bool set = amd64isel_setRoundingMode(env, a1);
               addInstr(env, AMD64Instr_SseSDSS(True, a, s));
               if (set)
                  amd64isel_restoreRoundingMode(env);
               HReg dst = vecZero(env);
               addInstr(env, AMD64Instr_SseSDSS(False, s, dst));
               return dst;
            }
            case Iop_MaxNumF64: case Iop_MinNumF64: {
               HReg a = xmmToGpr(env, iselDblExpr(env, a1));
               HReg b = xmmToGpr(env, iselDblExpr(env, a2));
               return fpHelperBits(env, op == Iop_MaxNumF64
                                           ? (const void*)h_MaxNumF64
                                           : (const void*)h_MinNumF64,
                                   NULL, 2, a, b);
            }
            default:
               break;
         }
         break;
      }

      case Iex_Unop: {
         IROp op = e->Iex.Unop.op;
         const IRExpr* a = e->Iex.Unop.arg;
         switch (op) {
            case Iop_NegF64:
               return sseBin(env, Asse_XORPD, iselDblExpr(env, a),
                             scalarMask(env, 0x8000000000000000ULL));
            case Iop_AbsF64:
               return sseBin(env, Asse_ANDPD, iselDblExpr(env, a),
                             scalarMask(env, 0x7FFFFFFFFFFFFFFFULL));
            case Iop_I32StoF64:
               return cvtIntToFP(env, iselIntExpr_R(env, a), 4, 8, NULL);
            case Iop_I32UtoF64:
               /* exact through a 64-bit signed conversion */
               return cvtIntToFP(env, amd64isel_zeroExtend(env,
                                         iselIntExpr_R(env, a), Ity_I32),
                                 8, 8, NULL);
            case Iop_F32toF64: {
               HReg f = iselFltExpr(env, a);
               HReg dst = vecZero(env);
               addInstr(env, AMD64Instr_SseSDSS(False, f, dst));
               return dst;
            }
            case Iop_ReinterpI64asF64:
               return gprToXmm(env, iselIntExpr_R(env, a));
            case Iop_F128HItoF64: case Iop_F128LOtoF64:
            default:
               break;
         }
         break;
      }

      default:
         break;
   }
   amd64isel_unhandled("iselDblExpr", e);
}

/* ================================================================== */
/* F32                                                                */
/* ================================================================== */

static HReg iselFltExpr_wrk(AMD64ISelEnv* env, const IRExpr* e);

HReg amd64isel_FltExpr(AMD64ISelEnv* env, const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_F32);
   HReg r = iselFltExpr_wrk(env, e);
   vassert(hregClass(r) == HRcVec128 && hregIsVirtual(r));
   return r;
}

static HReg iselFltExpr_wrk(AMD64ISelEnv* env, const IRExpr* e)
{
   HReg r = iselScalarFP(env, e, 4);
   if (!hregIsInvalid(r))
      return r;
   switch (e->tag) {
      case Iex_Binop: {
         IROp op = e->Iex.Binop.op;
         const IRExpr* a1 = e->Iex.Binop.arg1;
         const IRExpr* a2 = e->Iex.Binop.arg2;
         switch (op) {
            case Iop_I32StoF32:
               return cvtIntToFP(env, iselIntExpr_R(env, a2), 4, 4, a1);
            case Iop_I64StoF32:
               return cvtIntToFP(env, iselIntExpr_R(env, a2), 8, 4, a1);
            case Iop_I32UtoF32:
               return cvtIntToFP(env, amd64isel_zeroExtend(env,
                                         iselIntExpr_R(env, a2), Ity_I32),
                                 8, 4, a1);
            case Iop_I64UtoF32:
               return fpHelperBits(env, (const void*)h_I64UtoF32, a1, 1,
                                   iselIntExpr_R(env, a2), INVALID_HREG);
            case Iop_F64toF32: {
               HReg d = iselDblExpr(env, a2);
               HReg dst = vecZero(env);
               Bool set = amd64isel_setRoundingMode(env, a1);
               addInstr(env, AMD64Instr_SseSDSS(True, d, dst));
               if (set)
                  amd64isel_restoreRoundingMode(env);
               return dst;
            }
            case Iop_RoundF32toInt: {
               HReg rm = iselIntExpr_R(env, a1);
               HReg x  = xmmToGpr(env, iselFltExpr(env, a2));
               return fpHelperBits(env, (const void*)h_RoundF32toInt, NULL,
                                   2, rm, x);
            }
            case Iop_MaxNumF32: case Iop_MinNumF32: {
               HReg a = xmmToGpr(env, iselFltExpr(env, a1));
               HReg b = xmmToGpr(env, iselFltExpr(env, a2));
               return fpHelperBits(env, op == Iop_MaxNumF32
                                           ? (const void*)h_MaxNumF32
                                           : (const void*)h_MinNumF32,
                                   NULL, 2, a, b);
            }
            default:
               break;
         }
         break;
      }

      case Iex_Unop: {
         const IRExpr* a = e->Iex.Unop.arg;
         switch (e->Iex.Unop.op) {
            case Iop_NegF32:
               return sseBin(env, Asse_XORPS, iselFltExpr(env, a),
                             scalarMask(env, 0x80000000ULL));
            case Iop_AbsF32:
               return sseBin(env, Asse_ANDPS, iselFltExpr(env, a),
                             scalarMask(env, 0x7FFFFFFFULL));
            case Iop_ReinterpI32asF32:
               return gprToXmm(env, iselIntExpr_R(env, a));
            default:
               break;
         }
         break;
      }

      default:
         break;
   }
   amd64isel_unhandled("iselFltExpr", e);
}

/* ================================================================== */
/* V128                                                               */
/* ================================================================== */

/* Binary V128 ops that are one SSE instruction: OP, whether the IR's
   first argument is the instruction's source (the second then being its
   destination: interleaves and narrows put the first argument's lanes
   high), and the hwcap it needs (0: SSE2). */
typedef struct {
   IROp       iop;
   AMD64SseOp op;
   Bool       swap;
   UInt       cap;
   const void* fallback;   /* helper when CAP is missing */
} VecBinInfo;

static const VecBinInfo vecBinTable[] = {
   { Iop_AndV128,     Asse_AND,     False, 0, NULL },
   { Iop_OrV128,      Asse_OR,      False, 0, NULL },
   { Iop_XorV128,     Asse_XOR,     False, 0, NULL },
   { Iop_Add8x16,     Asse_ADD8,    False, 0, NULL },
   { Iop_Add16x8,     Asse_ADD16,   False, 0, NULL },
   { Iop_Add32x4,     Asse_ADD32,   False, 0, NULL },
   { Iop_Add64x2,     Asse_ADD64,   False, 0, NULL },
   { Iop_QAdd8Ux16,   Asse_QADD8U,  False, 0, NULL },
   { Iop_QAdd16Ux8,   Asse_QADD16U, False, 0, NULL },
   { Iop_QAdd8Sx16,   Asse_QADD8S,  False, 0, NULL },
   { Iop_QAdd16Sx8,   Asse_QADD16S, False, 0, NULL },
   { Iop_Sub8x16,     Asse_SUB8,    False, 0, NULL },
   { Iop_Sub16x8,     Asse_SUB16,   False, 0, NULL },
   { Iop_Sub32x4,     Asse_SUB32,   False, 0, NULL },
   { Iop_Sub64x2,     Asse_SUB64,   False, 0, NULL },
   { Iop_QSub8Ux16,   Asse_QSUB8U,  False, 0, NULL },
   { Iop_QSub16Ux8,   Asse_QSUB16U, False, 0, NULL },
   { Iop_QSub8Sx16,   Asse_QSUB8S,  False, 0, NULL },
   { Iop_QSub16Sx8,   Asse_QSUB16S, False, 0, NULL },
   { Iop_Mul16x8,     Asse_MUL16,   False, 0, NULL },
   { Iop_Mul32x4,     Asse_MUL32,   False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Mul32x4 },
   { Iop_MulHi16Ux8,  Asse_MULHI16U, False, 0, NULL },
   { Iop_MulHi16Sx8,  Asse_MULHI16S, False, 0, NULL },
   { Iop_MullEven32Ux4, Asse_MULU32x2, False, 0, NULL },
   { Iop_Avg8Ux16,    Asse_AVG8U,   False, 0, NULL },
   { Iop_Avg16Ux8,    Asse_AVG16U,  False, 0, NULL },
   { Iop_Max8Sx16,    Asse_MAX8S,   False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Max8Sx16 },
   { Iop_Max16Sx8,    Asse_MAX16S,  False, 0, NULL },
   { Iop_Max32Sx4,    Asse_MAX32S,  False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Max32Sx4 },
   { Iop_Max8Ux16,    Asse_MAX8U,   False, 0, NULL },
   { Iop_Max16Ux8,    Asse_MAX16U,  False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Max16Ux8 },
   { Iop_Max32Ux4,    Asse_MAX32U,  False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Max32Ux4 },
   { Iop_Min8Sx16,    Asse_MIN8S,   False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Min8Sx16 },
   { Iop_Min16Sx8,    Asse_MIN16S,  False, 0, NULL },
   { Iop_Min32Sx4,    Asse_MIN32S,  False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Min32Sx4 },
   { Iop_Min8Ux16,    Asse_MIN8U,   False, 0, NULL },
   { Iop_Min16Ux8,    Asse_MIN16U,  False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Min16Ux8 },
   { Iop_Min32Ux4,    Asse_MIN32U,  False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_Min32Ux4 },
   { Iop_CmpEQ8x16,   Asse_CMPEQ8,  False, 0, NULL },
   { Iop_CmpEQ16x8,   Asse_CMPEQ16, False, 0, NULL },
   { Iop_CmpEQ32x4,   Asse_CMPEQ32, False, 0, NULL },
   { Iop_CmpEQ64x2,   Asse_CMPEQ64, False, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_CmpEQ64x2 },
   { Iop_CmpGT8Sx16,  Asse_CMPGT8S, False, 0, NULL },
   { Iop_CmpGT16Sx8,  Asse_CMPGT16S, False, 0, NULL },
   { Iop_CmpGT32Sx4,  Asse_CMPGT32S, False, 0, NULL },
   { Iop_CmpGT64Sx2,  Asse_CMPGT64S, False, VEX_HWCAPS_AMD64_SSE42,
     (const void*)h_CmpGT64Sx2 },
   { Iop_QNarrowBin16Sto8Sx16, Asse_PACKSSW, True, 0, NULL },
   { Iop_QNarrowBin16Sto8Ux16, Asse_PACKUSW, True, 0, NULL },
   { Iop_QNarrowBin32Sto16Sx8, Asse_PACKSSD, True, 0, NULL },
   { Iop_QNarrowBin32Sto16Ux8, Asse_PACKUSD, True, VEX_HWCAPS_AMD64_SSE41,
     (const void*)h_QNarrowBin32Sto16Ux8 },
   { Iop_InterleaveHI8x16, Asse_UNPCKHB, True, 0, NULL },
   { Iop_InterleaveHI16x8, Asse_UNPCKHW, True, 0, NULL },
   { Iop_InterleaveHI32x4, Asse_UNPCKHD, True, 0, NULL },
   { Iop_InterleaveHI64x2, Asse_UNPCKHQ, True, 0, NULL },
   { Iop_InterleaveLO8x16, Asse_UNPCKLB, True, 0, NULL },
   { Iop_InterleaveLO16x8, Asse_UNPCKLW, True, 0, NULL },
   { Iop_InterleaveLO32x4, Asse_UNPCKLD, True, 0, NULL },
   { Iop_InterleaveLO64x2, Asse_UNPCKLQ, True, 0, NULL },
   { Iop_PermOrZero8x16, Asse_PERM8, False, VEX_HWCAPS_AMD64_SSSE3,
     (const void*)h_PermOrZero8x16 },
};

/* Ops done by a helper on any host. */
typedef struct { IROp iop; const void* fn; } VecHelperInfo;

static const VecHelperInfo vecBinHelpers[] = {
   { Iop_Mul8x16,       (const void*)h_Mul8x16 },
   { Iop_MulHi32Ux4,    (const void*)h_MulHi32Ux4 },
   { Iop_MulHi32Sx4,    (const void*)h_MulHi32Sx4 },
   { Iop_MullEven8Ux16, (const void*)h_MullEven8Ux16 },
   { Iop_MullEven8Sx16, (const void*)h_MullEven8Sx16 },
   { Iop_MullEven16Ux8, (const void*)h_MullEven16Ux8 },
   { Iop_MullEven16Sx8, (const void*)h_MullEven16Sx8 },
   { Iop_MullEven32Sx4, (const void*)h_MullEven32Sx4 },
   { Iop_QAdd32Ux4,     (const void*)h_QAdd32Ux4 },
   { Iop_QAdd32Sx4,     (const void*)h_QAdd32Sx4 },
   { Iop_QSub32Ux4,     (const void*)h_QSub32Ux4 },
   { Iop_QSub32Sx4,     (const void*)h_QSub32Sx4 },
   { Iop_QAdd64Ux2,     (const void*)h_QAdd64Ux2 },
   { Iop_QSub64Ux2,     (const void*)h_QSub64Ux2 },
   { Iop_QAdd64Sx2,     (const void*)h_QAdd64Sx2 },
   { Iop_QSub64Sx2,     (const void*)h_QSub64Sx2 },
   { Iop_Shl8x16,       (const void*)h_Shl8x16 },
   { Iop_Shr8x16,       (const void*)h_Shr8x16 },
   { Iop_Sar8x16,       (const void*)h_Sar8x16 },
   { Iop_Shl16x8,       (const void*)h_Shl16x8 },
   { Iop_Shr16x8,       (const void*)h_Shr16x8 },
   { Iop_Sar16x8,       (const void*)h_Sar16x8 },
   { Iop_Shl32x4,       (const void*)h_Shl32x4 },
   { Iop_Shr32x4,       (const void*)h_Shr32x4 },
   { Iop_Sar32x4,       (const void*)h_Sar32x4 },
   { Iop_Shl64x2,       (const void*)h_Shl64x2 },
   { Iop_Shr64x2,       (const void*)h_Shr64x2 },
   { Iop_Sar64x2,       (const void*)h_Sar64x2 },
   { Iop_Perm32x4,      (const void*)h_Perm32x4 },
};

static HReg iselVecExpr_wrk(AMD64ISelEnv* env, const IRExpr* e);

HReg amd64isel_VecExpr(AMD64ISelEnv* env, const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_V128);
   HReg r = iselVecExpr_wrk(env, e);
   vassert(hregClass(r) == HRcVec128 && hregIsVirtual(r));
   return r;
}

/* The V128 whose byte i is 0xFF when bit i of MASK is set. */
static HReg vecFromByteMask(AMD64ISelEnv* env, UInt mask)
{
   ULong lo = 0, hi = 0;
   for (Int i = 0; i < 8; i++) {
      if (mask & (1U << i))
         lo |= 0xFFULL << (8 * i);
      if (mask & (1U << (i + 8)))
         hi |= 0xFFULL << (8 * i);
   }
   return vecConst(env, hi, lo);
}

/* Lanes of A (signed width W bits) compared > with B's, unsigned: both
   with their sign bits flipped, then a signed compare. */
static HReg cmpGTUnsigned(AMD64ISelEnv* env, HReg a, HReg b, Int w)
{
   ULong bias = w == 8 ? 0x8080808080808080ULL
              : w == 16 ? 0x8000800080008000ULL : 0x8000000080000000ULL;
   AMD64SseOp gt = w == 8 ? Asse_CMPGT8S : w == 16 ? Asse_CMPGT16S
                                                   : Asse_CMPGT32S;
   HReg k  = vecSplat64(env, bias);
   HReg ab = sseBin(env, Asse_XOR, a, k);
   HReg bb = sseBin(env, Asse_XOR, b, k);
   addInstr(env, AMD64Instr_SseReRg(gt, bb, ab));
   return ab;
}

/* Lanes equal to zero (lanes of W bits), as a mask. */
static HReg cmpEQZero(AMD64ISelEnv* env, HReg a, Int w)
{
   if (w == 64 && !hasCap(env, VEX_HWCAPS_AMD64_SSE41)) {
      /* Both 32-bit halves zero. */
      HReg t = sseBin(env, Asse_CMPEQ32, a, vecZero(env));
      HReg s = newVRegV(env);
      addInstr(env, AMD64Instr_SseShuf(Ashuf_D, 0xB1, t, s));
      addInstr(env, AMD64Instr_SseReRg(Asse_AND, s, t));
      return t;
   }
   AMD64SseOp eq = w == 8 ? Asse_CMPEQ8 : w == 16 ? Asse_CMPEQ16
                 : w == 32 ? Asse_CMPEQ32 : Asse_CMPEQ64;
   return sseBin(env, eq, a, vecZero(env));
}

/* The SSE shift of every W-bit lane, or 0 when there is none. */
static Int vecShiftOps(IROp op, AMD64SseShiftNOp* byImm, AMD64SseOp* byReg)
{
   switch (op) {
      case Iop_ShlN16x8: *byImm = Asse_SHLN16; *byReg = Asse_SHL16; return 16;
      case Iop_ShlN32x4: *byImm = Asse_SHLN32; *byReg = Asse_SHL32; return 32;
      case Iop_ShlN64x2: *byImm = Asse_SHLN64; *byReg = Asse_SHL64; return 64;
      case Iop_ShrN16x8: *byImm = Asse_SHRN16; *byReg = Asse_SHR16; return 16;
      case Iop_ShrN32x4: *byImm = Asse_SHRN32; *byReg = Asse_SHR32; return 32;
      case Iop_ShrN64x2: *byImm = Asse_SHRN64; *byReg = Asse_SHR64; return 64;
      case Iop_SarN16x8: *byImm = Asse_SARN16; *byReg = Asse_SAR16; return 16;
      case Iop_SarN32x4: *byImm = Asse_SARN32; *byReg = Asse_SAR32; return 32;
      default: return 0;
   }
}

/* A shifted by the I8 amount N with the SSE shift ops (amounts of the
   lane width or more give 0, or the sign for Sar, as SSE does). */
static HReg vecShiftN(AMD64ISelEnv* env, AMD64SseShiftNOp byImm,
                      AMD64SseOp byReg, HReg a, const IRExpr* n)
{
   if (n->tag == Iex_Const && n->Iex.Const.con->tag == Ico_U8)
      return sseShiftN(env, byImm, a, n->Iex.Const.con->Ico.U8);
   HReg cnt = gprToXmm(env, amd64isel_zeroExtend(env, iselIntExpr_R(env, n),
                                                 Ity_I8));
   return sseBin(env, byReg, a, cnt);
}

/* The even (ODD False) or odd lanes of W bits of A and B, A's in the
   high half; also the truncating narrows. */
static HReg catLanes(AMD64ISelEnv* env, HReg a, HReg b, Int w, Bool odd)
{
   HReg ta, tb;
   switch (w) {
      case 8:
         if (odd) {
            ta = sseShiftN(env, Asse_SHRN16, a, 8);
            tb = sseShiftN(env, Asse_SHRN16, b, 8);
         } else {
            HReg m = vecSplat64(env, 0x00FF00FF00FF00FFULL);
            ta = sseBin(env, Asse_AND, a, m);
            tb = sseBin(env, Asse_AND, b, m);
         }
         addInstr(env, AMD64Instr_SseReRg(Asse_PACKUSW, ta, tb));
         return tb;
      case 16:
         /* Sign-extend the wanted halves so that packssdw does not
            saturate. */
         if (odd) {
            ta = sseShiftN(env, Asse_SARN32, a, 16);
            tb = sseShiftN(env, Asse_SARN32, b, 16);
         } else {
            ta = sseShiftN(env, Asse_SHLN32, a, 16);
            addInstr(env, AMD64Instr_SseShiftN(Asse_SARN32, 16, ta));
            tb = sseShiftN(env, Asse_SHLN32, b, 16);
            addInstr(env, AMD64Instr_SseShiftN(Asse_SARN32, 16, tb));
         }
         addInstr(env, AMD64Instr_SseReRg(Asse_PACKSSD, ta, tb));
         return tb;
      case 32: {
         Int order = odd ? 0xDD : 0x88;   /* lanes 1,3,1,3 / 0,2,0,2 */
         ta = newVRegV(env);
         tb = newVRegV(env);
         addInstr(env, AMD64Instr_SseShuf(Ashuf_D, order, a, ta));
         addInstr(env, AMD64Instr_SseShuf(Ashuf_D, order, b, tb));
         addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLQ, ta, tb));
         return tb;
      }
      default:
         vpanic("catLanes");
   }
}

/* The V128 with all lanes R (an integer register holding a W-bit
   value). */
static HReg vecDup(AMD64ISelEnv* env, HReg r, Int w)
{
   HReg x = gprToXmm(env, r);
   if (w == 8)
      addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLB, x, x));
   if (w <= 16) {
      HReg y = newVRegV(env);
      addInstr(env, AMD64Instr_SseShuf(Ashuf_LW, 0, x, y));
      x = y;
   }
   HReg z = newVRegV(env);
   addInstr(env, AMD64Instr_SseShuf(Ashuf_D, 0, x, z));
   return z;
}

/* A with its low 32 (W 32) or 64 bits replaced by the integer R. */
static HReg setLow(AMD64ISelEnv* env, HReg a, HReg r, Int w)
{
   if (w == 64) {
      /* [r, a.hi]: a's high half moved down, then interleaved. */
      HReg hiA = sseShiftN(env, Asse_SHRN128, a, 8);
      HReg x   = gprToXmm(env, r);
      addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLQ, hiA, x));
      return x;
   }
   HReg x    = gprToXmm(env, amd64isel_zeroExtend(env, r, Ity_I32));
   HReg mask = gprToXmm(env, amd64isel_imm64(env, 0xFFFFFFFFULL));
   /* pandn: mask := ~mask & a */
   addInstr(env, AMD64Instr_SseReRg(Asse_ANDN, a, mask));
   addInstr(env, AMD64Instr_SseReRg(Asse_OR, x, mask));
   return mask;
}

/* Float lane ops: Fx4 (SZ 4) or Fx2 (SZ 8) on all lanes (ALL) or the
   lowest only. */
static HReg sseFloat(AMD64ISelEnv* env, Int sz, Bool all, AMD64SseOp op,
                     HReg a, HReg b)
{
   HReg dst = copyV(env, a);
   AMD64Instr* i = sz == 4 ? (all ? AMD64Instr_Sse32Fx4(op, b, dst)
                                  : AMD64Instr_Sse32FLo(op, b, dst))
                           : (all ? AMD64Instr_Sse64Fx2(op, b, dst)
                                  : AMD64Instr_Sse64FLo(op, b, dst));
   addInstr(env, i);
   return dst;
}

static Bool vecFloatBinop(IROp iop, Int* sz, Bool* all, AMD64SseOp* op,
                          Bool* swap)
{
   *swap = False;
   switch (iop) {
      case Iop_Max32Fx4: *sz = 4; *all = True;  *op = Asse_MAXF;   return True;
      case Iop_Min32Fx4: *sz = 4; *all = True;  *op = Asse_MINF;   return True;
      case Iop_Max64Fx2: *sz = 8; *all = True;  *op = Asse_MAXF;   return True;
      case Iop_Min64Fx2: *sz = 8; *all = True;  *op = Asse_MINF;   return True;
      case Iop_Add32F0x4: *sz = 4; *all = False; *op = Asse_ADDF;  return True;
      case Iop_Sub32F0x4: *sz = 4; *all = False; *op = Asse_SUBF;  return True;
      case Iop_Mul32F0x4: *sz = 4; *all = False; *op = Asse_MULF;  return True;
      case Iop_Div32F0x4: *sz = 4; *all = False; *op = Asse_DIVF;  return True;
      case Iop_Max32F0x4: *sz = 4; *all = False; *op = Asse_MAXF;  return True;
      case Iop_Min32F0x4: *sz = 4; *all = False; *op = Asse_MINF;  return True;
      case Iop_Add64F0x2: *sz = 8; *all = False; *op = Asse_ADDF;  return True;
      case Iop_Sub64F0x2: *sz = 8; *all = False; *op = Asse_SUBF;  return True;
      case Iop_Mul64F0x2: *sz = 8; *all = False; *op = Asse_MULF;  return True;
      case Iop_Div64F0x2: *sz = 8; *all = False; *op = Asse_DIVF;  return True;
      case Iop_Max64F0x2: *sz = 8; *all = False; *op = Asse_MAXF;  return True;
      case Iop_Min64F0x2: *sz = 8; *all = False; *op = Asse_MINF;  return True;
      case Iop_CmpEQ32Fx4: *sz = 4; *all = True; *op = Asse_CMPEQF; return True;
      case Iop_CmpLT32Fx4: *sz = 4; *all = True; *op = Asse_CMPLTF; return True;
      case Iop_CmpLE32Fx4: *sz = 4; *all = True; *op = Asse_CMPLEF; return True;
      case Iop_CmpUN32Fx4: *sz = 4; *all = True; *op = Asse_CMPUNF; return True;
      case Iop_CmpGT32Fx4: *sz = 4; *all = True; *op = Asse_CMPLTF;
         *swap = True; return True;
      case Iop_CmpGE32Fx4: *sz = 4; *all = True; *op = Asse_CMPLEF;
         *swap = True; return True;
      case Iop_CmpEQ64Fx2: *sz = 8; *all = True; *op = Asse_CMPEQF; return True;
      case Iop_CmpLT64Fx2: *sz = 8; *all = True; *op = Asse_CMPLTF; return True;
      case Iop_CmpLE64Fx2: *sz = 8; *all = True; *op = Asse_CMPLEF; return True;
      case Iop_CmpUN64Fx2: *sz = 8; *all = True; *op = Asse_CMPUNF; return True;
      case Iop_CmpEQ32F0x4: *sz = 4; *all = False; *op = Asse_CMPEQF; return True;
      case Iop_CmpLT32F0x4: *sz = 4; *all = False; *op = Asse_CMPLTF; return True;
      case Iop_CmpLE32F0x4: *sz = 4; *all = False; *op = Asse_CMPLEF; return True;
      case Iop_CmpUN32F0x4: *sz = 4; *all = False; *op = Asse_CMPUNF; return True;
      case Iop_CmpEQ64F0x2: *sz = 8; *all = False; *op = Asse_CMPEQF; return True;
      case Iop_CmpLT64F0x2: *sz = 8; *all = False; *op = Asse_CMPLTF; return True;
      case Iop_CmpLE64F0x2: *sz = 8; *all = False; *op = Asse_CMPLEF; return True;
      case Iop_CmpUN64F0x2: *sz = 8; *all = False; *op = Asse_CMPUNF; return True;
      default: return False;
   }
}

static HReg iselVecBinop(AMD64ISelEnv* env, const IRExpr* e)
{
   IROp op = e->Iex.Binop.op;
   const IRExpr* a1 = e->Iex.Binop.arg1;
   const IRExpr* a2 = e->Iex.Binop.arg2;

   for (UInt k = 0; k < sizeof vecBinTable / sizeof vecBinTable[0]; k++) {
      const VecBinInfo* vi = &vecBinTable[k];
      if (vi->iop != op)
         continue;
      if (vi->cap != 0 && !hasCap(env, vi->cap))
         return vecHelper2(env, vi->fallback, a1, a2);
      HReg r1 = iselVecExpr(env, a1);
      HReg r2 = iselVecExpr(env, a2);
      return vi->swap ? sseBin(env, vi->op, r2, r1)
                      : sseBin(env, vi->op, r1, r2);
   }
   for (UInt k = 0; k < sizeof vecBinHelpers / sizeof vecBinHelpers[0]; k++)
      if (vecBinHelpers[k].iop == op)
         return vecHelper2(env, vecBinHelpers[k].fn, a1, a2);

   Int sz; Bool all, swap; AMD64SseOp fop;
   if (vecFloatBinop(op, &sz, &all, &fop, &swap)) {
      HReg r1 = iselVecExpr(env, a1);
      HReg r2 = iselVecExpr(env, a2);
      return swap ? sseFloat(env, sz, all, fop, r2, r1)
                  : sseFloat(env, sz, all, fop, r1, r2);
   }

   AMD64SseShiftNOp byImm;
   AMD64SseOp       byReg;
   if (vecShiftOps(op, &byImm, &byReg) != 0)
      return vecShiftN(env, byImm, byReg, iselVecExpr(env, a1), a2);

   switch (op) {
      case Iop_CmpGT8Ux16: case Iop_CmpGT16Ux8: case Iop_CmpGT32Ux4: {
         HReg r1 = iselVecExpr(env, a1);
         HReg r2 = iselVecExpr(env, a2);
         return cmpGTUnsigned(env, r1, r2,
                              op == Iop_CmpGT8Ux16 ? 8
                              : op == Iop_CmpGT16Ux8 ? 16 : 32);
      }
      case Iop_NarrowBin16to8x16: case Iop_CatEvenLanes8x16:
         return catLanes(env, iselVecExpr(env, a1), iselVecExpr(env, a2),
                         8, False);
      case Iop_CatOddLanes8x16:
         return catLanes(env, iselVecExpr(env, a1), iselVecExpr(env, a2),
                         8, True);
      case Iop_NarrowBin32to16x8: case Iop_CatEvenLanes16x8:
         return catLanes(env, iselVecExpr(env, a1), iselVecExpr(env, a2),
                         16, False);
      case Iop_CatOddLanes16x8:
         return catLanes(env, iselVecExpr(env, a1), iselVecExpr(env, a2),
                         16, True);
      case Iop_NarrowBin64to32x4: case Iop_CatEvenLanes32x4:
         return catLanes(env, iselVecExpr(env, a1), iselVecExpr(env, a2),
                         32, False);
      case Iop_CatOddLanes32x4:
         return catLanes(env, iselVecExpr(env, a1), iselVecExpr(env, a2),
                         32, True);

      case Iop_Perm8x16: {
         if (!hasCap(env, VEX_HWCAPS_AMD64_SSSE3))
            return vecHelper2(env, (const void*)h_Perm8x16, a1, a2);
         /* pshufb, the indices taken mod 16 */
         HReg r1  = iselVecExpr(env, a1);
         HReg ix  = sseBin(env, Asse_AND, iselVecExpr(env, a2),
                           vecSplat64(env, 0x0F0F0F0F0F0F0F0FULL));
         return sseBin(env, Asse_PERM8, r1, ix);
      }

      case Iop_ShlN8x16:
         return vecHelperN(env, (const void*)h_ShlN8x16, a1, a2);
      case Iop_ShrN8x16:
         return vecHelperN(env, (const void*)h_ShrN8x16, a1, a2);
      case Iop_SarN8x16:
         return vecHelperN(env, (const void*)h_SarN8x16, a1, a2);
      case Iop_SarN64x2:
         return vecHelperN(env, (const void*)h_SarN64x2, a1, a2);

      case Iop_ShlV128: case Iop_ShrV128: {
         if (a2->tag == Iex_Const && a2->Iex.Const.con->tag == Ico_U8
             && (a2->Iex.Const.con->Ico.U8 & 7) == 0) {
            UInt by = a2->Iex.Const.con->Ico.U8 >> 3;
            return sseShiftN(env, op == Iop_ShlV128 ? Asse_SHLN128
                                                     : Asse_SHRN128,
                             iselVecExpr(env, a1), by > 16 ? 16 : by);
         }
         return vecHelperN(env, op == Iop_ShlV128 ? (const void*)h_ShlV128
                                                  : (const void*)h_ShrV128,
                           a1, a2);
      }

      case Iop_64HLtoV128: {
         HReg hi = gprToXmm(env, iselIntExpr_R(env, a1));
         HReg lo = gprToXmm(env, iselIntExpr_R(env, a2));
         addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLQ, hi, lo));
         return lo;
      }
      case Iop_SetV128lo64:
         return setLow(env, iselVecExpr(env, a1), iselIntExpr_R(env, a2), 64);
      case Iop_SetV128lo32:
         return setLow(env, iselVecExpr(env, a1), iselIntExpr_R(env, a2), 32);

      case Iop_Sqrt32Fx4: case Iop_Sqrt64Fx2: {
         HReg a   = iselVecExpr(env, a2);
         HReg dst = newVRegV(env);
         Bool set = amd64isel_setRoundingMode(env, a1);
         addInstr(env, op == Iop_Sqrt32Fx4
                          ? AMD64Instr_Sse32Fx4(Asse_SQRTF, a, dst)
                          : AMD64Instr_Sse64Fx2(Asse_SQRTF, a, dst));
         if (set)
            amd64isel_restoreRoundingMode(env);
         return dst;
      }
      case Iop_I32StoF32x4: case Iop_F32toI32Sx4: {
         HReg a   = iselVecExpr(env, a2);
         Bool set = amd64isel_setRoundingMode(env, a1);
         HReg dst = vecHelper(env, op == Iop_I32StoF32x4
                                      ? (const void*)h_I32StoF32x4
                                      : (const void*)h_F32toI32Sx4,
                              a, INVALID_HREG, INVALID_HREG);
         if (set)
            amd64isel_restoreRoundingMode(env);
         return dst;
      }

      default:
         break;
   }
   amd64isel_unhandled("iselVecExpr", e);
}

static HReg iselVecUnop(AMD64ISelEnv* env, const IRExpr* e)
{
   IROp op = e->Iex.Unop.op;
   const IRExpr* a = e->Iex.Unop.arg;
   switch (op) {
      case Iop_NotV128:
         return sseNot(env, iselVecExpr(env, a));

      case Iop_CmpNEZ8x16:
         return sseNot(env, cmpEQZero(env, iselVecExpr(env, a), 8));
      case Iop_CmpNEZ16x8:
         return sseNot(env, cmpEQZero(env, iselVecExpr(env, a), 16));
      case Iop_CmpNEZ32x4:
         return sseNot(env, cmpEQZero(env, iselVecExpr(env, a), 32));
      case Iop_CmpNEZ64x2:
         return sseNot(env, cmpEQZero(env, iselVecExpr(env, a), 64));

      case Iop_Sqrt32F0x4: case Iop_Sqrt64F0x2: {
         HReg x = iselVecExpr(env, a);
         return sseFloat(env, op == Iop_Sqrt32F0x4 ? 4 : 8, False,
                         Asse_SQRTF, x, x);
      }
      case Iop_RecipEst32Fx4: case Iop_RSqrtEst32Fx4: {
         HReg dst = newVRegV(env);
         addInstr(env, AMD64Instr_Sse32Fx4(op == Iop_RecipEst32Fx4
                                              ? Asse_RCPF : Asse_RSQRTF,
                                           iselVecExpr(env, a), dst));
         return dst;
      }
      case Iop_RecipEst32F0x4: case Iop_RSqrtEst32F0x4: {
         HReg x = iselVecExpr(env, a);
         return sseFloat(env, 4, False, op == Iop_RecipEst32F0x4
                                           ? Asse_RCPF : Asse_RSQRTF, x, x);
      }
      case Iop_RecipEst64Fx2:
         return vecHelper(env, (const void*)h_RecipEst64Fx2,
                          iselVecExpr(env, a), INVALID_HREG, INVALID_HREG);
      case Iop_RSqrtEst64Fx2:
         return vecHelper(env, (const void*)h_RSqrtEst64Fx2,
                          iselVecExpr(env, a), INVALID_HREG, INVALID_HREG);

      case Iop_Abs32Fx4: case Iop_Abs64Fx2: {
         HReg m = vecOnes(env);
         addInstr(env, AMD64Instr_SseShiftN(op == Iop_Abs32Fx4 ? Asse_SHRN32
                                                               : Asse_SHRN64,
                                            1, m));
         return sseBin(env, Asse_AND, iselVecExpr(env, a), m);
      }
      case Iop_Neg32Fx4: case Iop_Neg64Fx2: {
         HReg m = vecOnes(env);
         if (op == Iop_Neg32Fx4)
            addInstr(env, AMD64Instr_SseShiftN(Asse_SHLN32, 31, m));
         else
            addInstr(env, AMD64Instr_SseShiftN(Asse_SHLN64, 63, m));
         return sseBin(env, Asse_XOR, iselVecExpr(env, a), m);
      }

      case Iop_Abs8x16: case Iop_Abs16x8: case Iop_Abs32x4: {
         /* m = 0 > x per lane; (x ^ m) - m */
         HReg x  = iselVecExpr(env, a);
         AMD64SseOp gt  = op == Iop_Abs8x16 ? Asse_CMPGT8S
                        : op == Iop_Abs16x8 ? Asse_CMPGT16S : Asse_CMPGT32S;
         AMD64SseOp sub = op == Iop_Abs8x16 ? Asse_SUB8
                        : op == Iop_Abs16x8 ? Asse_SUB16 : Asse_SUB32;
         HReg m = sseBin(env, gt, vecZero(env), x);
         HReg r = sseBin(env, Asse_XOR, x, m);
         addInstr(env, AMD64Instr_SseReRg(sub, m, r));
         return r;
      }
      case Iop_Abs64x2:
         return vecHelper(env, (const void*)h_Abs64x2, iselVecExpr(env, a),
                          INVALID_HREG, INVALID_HREG);

      case Iop_F32toI32Sx4_RZ:
         return vecHelper(env, (const void*)h_F32toI32Sx4_RZ,
                          iselVecExpr(env, a), INVALID_HREG, INVALID_HREG);
      case Iop_F32toI32Ux4_RZ:
         return vecHelper(env, (const void*)h_F32toI32Ux4_RZ,
                          iselVecExpr(env, a), INVALID_HREG, INVALID_HREG);
      case Iop_RoundF32x4_RN: case Iop_RoundF32x4_RM:
      case Iop_RoundF32x4_RP: case Iop_RoundF32x4_RZ: {
         ULong rm = op == Iop_RoundF32x4_RN ? Irrm_NEAREST
                  : op == Iop_RoundF32x4_RM ? Irrm_NegINF
                  : op == Iop_RoundF32x4_RP ? Irrm_PosINF : Irrm_ZERO;
         return vecHelper(env, (const void*)h_RoundF32x4,
                          iselVecExpr(env, a), INVALID_HREG,
                          amd64isel_imm64(env, rm));
      }

      case Iop_32UtoV128:
         return gprToXmm(env, amd64isel_zeroExtend(env, iselIntExpr_R(env, a),
                                                   Ity_I32));
      case Iop_64UtoV128:
         return gprToXmm(env, iselIntExpr_R(env, a));

      case Iop_ZeroHI64ofV128: case Iop_ZeroHI96ofV128:
      case Iop_ZeroHI112ofV128: case Iop_ZeroHI120ofV128: {
         UInt keep = op == Iop_ZeroHI64ofV128 ? 8
                   : op == Iop_ZeroHI96ofV128 ? 4
                   : op == Iop_ZeroHI112ofV128 ? 2 : 1;
         HReg r = sseShiftN(env, Asse_SHLN128, iselVecExpr(env, a),
                            16 - keep);
         addInstr(env, AMD64Instr_SseShiftN(Asse_SHRN128, 16 - keep, r));
         return r;
      }

      case Iop_Dup8x16:
         return vecDup(env, iselIntExpr_R(env, a), 8);
      case Iop_Dup16x8:
         return vecDup(env, iselIntExpr_R(env, a), 16);
      case Iop_Dup32x4:
         return vecDup(env, iselIntExpr_R(env, a), 32);

      case Iop_V256toV128_0: case Iop_V256toV128_1: {
         HReg hi, lo;
         amd64isel_V256Expr(&hi, &lo, env, a);
         return op == Iop_V256toV128_0 ? lo : hi;
      }

      default:
         break;
   }
   amd64isel_unhandled("iselVecExpr", e);
}

static HReg iselVecExpr_wrk(AMD64ISelEnv* env, const IRExpr* e)
{
   switch (e->tag) {
      case Iex_RdTmp:
         return amd64isel_lookupIRTemp(env, e->Iex.RdTmp.tmp);

      case Iex_Get: {
         HReg dst = newVRegV(env);
         addInstr(env, AMD64Instr_SseLdSt(True, 16, dst,
                                          rbp_amode(e->Iex.Get.offset)));
         return dst;
      }

      case Iex_GetI: {
         HReg dst = newVRegV(env);
         addInstr(env, AMD64Instr_SseLdSt(True, 16, dst,
                          amd64isel_GuestArrayAMode(env, e->Iex.GetI.descr,
                                                    e->Iex.GetI.ix,
                                                    e->Iex.GetI.bias)));
         return dst;
      }

      case Iex_Load: {
         if (e->Iex.Load.end != Iend_LE)
            break;
         HReg dst = newVRegV(env);
         addInstr(env, AMD64Instr_SseLdSt(True, 16, dst,
                          iselIntExpr_AMode(env, e->Iex.Load.addr)));
         return dst;
      }

      case Iex_Const:
         if (e->Iex.Const.con->tag != Ico_V128)
            break;
         return vecFromByteMask(env, e->Iex.Const.con->Ico.V128);

      case Iex_Unop:
         return iselVecUnop(env, e);

      case Iex_Binop:
         return iselVecBinop(env, e);

      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         Int sz = 0;
         AMD64SseOp op = Asse_INVALID;
         switch (t->op) {
            case Iop_Add32Fx4: sz = 4; op = Asse_ADDF; break;
            case Iop_Sub32Fx4: sz = 4; op = Asse_SUBF; break;
            case Iop_Mul32Fx4: sz = 4; op = Asse_MULF; break;
            case Iop_Div32Fx4: sz = 4; op = Asse_DIVF; break;
            case Iop_Add64Fx2: sz = 8; op = Asse_ADDF; break;
            case Iop_Sub64Fx2: sz = 8; op = Asse_SUBF; break;
            case Iop_Mul64Fx2: sz = 8; op = Asse_MULF; break;
            case Iop_Div64Fx2: sz = 8; op = Asse_DIVF; break;
            default: break;
         }
         if (op != Asse_INVALID) {
            HReg a   = iselVecExpr(env, t->arg2);
            HReg b   = iselVecExpr(env, t->arg3);
            HReg dst = copyV(env, a);
            Bool set = amd64isel_setRoundingMode(env, t->arg1);
            addInstr(env, sz == 4 ? AMD64Instr_Sse32Fx4(op, b, dst)
                                  : AMD64Instr_Sse64Fx2(op, b, dst));
            if (set)
               amd64isel_restoreRoundingMode(env);
            return dst;
         }
         if (t->op == Iop_SliceV128) {
            HReg a = iselVecExpr(env, t->arg1);
            HReg b = iselVecExpr(env, t->arg2);
            if (t->arg3->tag == Iex_Const
                && t->arg3->Iex.Const.con->tag == Ico_U8
                && t->arg3->Iex.Const.con->Ico.U8 <= 16) {
               UInt n = t->arg3->Iex.Const.con->Ico.U8;
               if (n == 0)
                  return b;
               if (n == 16)
                  return a;
               HReg lo = sseShiftN(env, Asse_SHRN128, b, n);
               HReg hi = sseShiftN(env, Asse_SHLN128, a, 16 - n);
               addInstr(env, AMD64Instr_SseReRg(Asse_OR, hi, lo));
               return lo;
            }
            HReg n = amd64isel_zeroExtend(env, iselIntExpr_R(env, t->arg3),
                                          Ity_I8);
            return vecHelper(env, (const void*)h_SliceV128, a, b, n);
         }
         break;
      }

      case Iex_ITE: {
         HReg t   = iselVecExpr(env, e->Iex.ITE.iftrue);
         HReg dst = copyV(env, iselVecExpr(env, e->Iex.ITE.iffalse));
         AMD64CondCode cc = iselCondCode(env, e->Iex.ITE.cond);
         addInstr(env, AMD64Instr_SseCMov(cc, t, dst));
         return dst;
      }

      default:
         break;
   }
   amd64isel_unhandled("iselVecExpr", e);
}

/* ================================================================== */
/* V256 (a pair of xmm registers)                                     */
/* ================================================================== */

void amd64isel_V256Expr(HReg* hi, HReg* lo, AMD64ISelEnv* env,
                        const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_V256);
   switch (e->tag) {
      case Iex_RdTmp:
         amd64isel_lookupIRTempPair(hi, lo, env, e->Iex.RdTmp.tmp);
         return;
      case Iex_Get: case Iex_Load: {
         AMD64AMode* am0;
         AMD64AMode* am1;
         if (e->tag == Iex_Get) {
            am0 = rbp_amode(e->Iex.Get.offset);
            am1 = rbp_amode(e->Iex.Get.offset + 16);
         } else {
            if (e->Iex.Load.end != Iend_LE)
               break;
            HReg a = iselIntExpr_R(env, e->Iex.Load.addr);
            am0 = AMD64AMode_IR(0, a);
            am1 = AMD64AMode_IR(16, a);
         }
         *lo = newVRegV(env);
         *hi = newVRegV(env);
         addInstr(env, AMD64Instr_SseLdSt(True, 16, *lo, am0));
         addInstr(env, AMD64Instr_SseLdSt(True, 16, *hi, am1));
         return;
      }
      case Iex_Const: {
         if (e->Iex.Const.con->tag != Ico_V256)
            break;
         UInt m = e->Iex.Const.con->Ico.V256;
         *lo = vecFromByteMask(env, m & 0xFFFF);
         *hi = vecFromByteMask(env, m >> 16);
         return;
      }
      case Iex_Binop: {
         IROp op = e->Iex.Binop.op;
         if (op == Iop_V128HLtoV256) {
            *hi = iselVecExpr(env, e->Iex.Binop.arg1);
            *lo = iselVecExpr(env, e->Iex.Binop.arg2);
            return;
         }
         AMD64SseOp sop = op == Iop_AndV256 ? Asse_AND
                        : op == Iop_OrV256 ? Asse_OR
                        : op == Iop_XorV256 ? Asse_XOR : Asse_INVALID;
         if (sop != Asse_INVALID) {
            HReg aHi, aLo, bHi, bLo;
            amd64isel_V256Expr(&aHi, &aLo, env, e->Iex.Binop.arg1);
            amd64isel_V256Expr(&bHi, &bLo, env, e->Iex.Binop.arg2);
            *hi = sseBin(env, sop, aHi, bHi);
            *lo = sseBin(env, sop, aLo, bLo);
            return;
         }
         break;
      }
      case Iex_Unop:
         if (e->Iex.Unop.op == Iop_NotV256) {
            HReg aHi, aLo;
            amd64isel_V256Expr(&aHi, &aLo, env, e->Iex.Unop.arg);
            *hi = sseNot(env, aHi);
            *lo = sseNot(env, aLo);
            return;
         }
         break;
      case Iex_Qop: {
         const IRQop* q = e->Iex.Qop.details;
         if (q->op != Iop_64x4toV256)
            break;
         HReg x3 = gprToXmm(env, iselIntExpr_R(env, q->arg1));
         HReg x2 = gprToXmm(env, iselIntExpr_R(env, q->arg2));
         HReg x1 = gprToXmm(env, iselIntExpr_R(env, q->arg3));
         HReg x0 = gprToXmm(env, iselIntExpr_R(env, q->arg4));
         addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLQ, x3, x2));
         addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLQ, x1, x0));
         *hi = x2;
         *lo = x0;
         return;
      }
      case Iex_ITE: {
         HReg tHi, tLo, fHi, fLo;
         amd64isel_V256Expr(&tHi, &tLo, env, e->Iex.ITE.iftrue);
         amd64isel_V256Expr(&fHi, &fLo, env, e->Iex.ITE.iffalse);
         HReg dHi = copyV(env, fHi), dLo = copyV(env, fLo);
         AMD64CondCode cc = iselCondCode(env, e->Iex.ITE.cond);
         addInstr(env, AMD64Instr_SseCMov(cc, tHi, dHi));
         addInstr(env, AMD64Instr_SseCMov(cc, tLo, dLo));
         *hi = dHi;
         *lo = dLo;
         return;
      }
      default:
         break;
   }
   amd64isel_unhandled("iselV256Expr", e);
}

/* ================================================================== */
/* Integer results from floating-point and vector operands            */
/* ================================================================== */

/* The low 64 bits of the 64-bit SIMD op OP on I64 values A and B, done
   in xmm registers.  SWAP: A is the instruction's source (lanes of A go
   high).  HIGH: the result is the high half. */
static HReg mmxViaSse(AMD64ISelEnv* env, AMD64SseOp op, const IRExpr* a,
                      const IRExpr* b, Bool swap, Bool high)
{
   HReg xa = gprToXmm(env, iselIntExpr_R(env, a));
   HReg xb = gprToXmm(env, iselIntExpr_R(env, b));
   HReg r  = swap ? sseBin(env, op, xb, xa) : sseBin(env, op, xa, xb);
   if (high)
      addInstr(env, AMD64Instr_SseShiftN(Asse_SHRN128, 8, r));
   return xmmToGpr(env, r);
}

typedef struct {
   IROp       iop;
   AMD64SseOp op;
   Bool       swap;
   Bool       high;
   UInt       cap;
} MmxInfo;

static const MmxInfo mmxTable[] = {
   { Iop_Add8x8,      Asse_ADD8,     False, False, 0 },
   { Iop_Add16x4,     Asse_ADD16,    False, False, 0 },
   { Iop_Add32x2,     Asse_ADD32,    False, False, 0 },
   { Iop_QAdd8Ux8,    Asse_QADD8U,   False, False, 0 },
   { Iop_QAdd16Ux4,   Asse_QADD16U,  False, False, 0 },
   { Iop_QAdd8Sx8,    Asse_QADD8S,   False, False, 0 },
   { Iop_QAdd16Sx4,   Asse_QADD16S,  False, False, 0 },
   { Iop_Sub8x8,      Asse_SUB8,     False, False, 0 },
   { Iop_Sub16x4,     Asse_SUB16,    False, False, 0 },
   { Iop_Sub32x2,     Asse_SUB32,    False, False, 0 },
   { Iop_QSub8Ux8,    Asse_QSUB8U,   False, False, 0 },
   { Iop_QSub16Ux4,   Asse_QSUB16U,  False, False, 0 },
   { Iop_QSub8Sx8,    Asse_QSUB8S,   False, False, 0 },
   { Iop_QSub16Sx4,   Asse_QSUB16S,  False, False, 0 },
   { Iop_Mul16x4,     Asse_MUL16,    False, False, 0 },
   { Iop_Mul32x2,     Asse_MUL32,    False, False, VEX_HWCAPS_AMD64_SSE41 },
   { Iop_MulHi16Ux4,  Asse_MULHI16U, False, False, 0 },
   { Iop_MulHi16Sx4,  Asse_MULHI16S, False, False, 0 },
   { Iop_Avg8Ux8,     Asse_AVG8U,    False, False, 0 },
   { Iop_Avg16Ux4,    Asse_AVG16U,   False, False, 0 },
   { Iop_Max16Sx4,    Asse_MAX16S,   False, False, 0 },
   { Iop_Max8Ux8,     Asse_MAX8U,    False, False, 0 },
   { Iop_Min16Sx4,    Asse_MIN16S,   False, False, 0 },
   { Iop_Min8Ux8,     Asse_MIN8U,    False, False, 0 },
   { Iop_CmpEQ8x8,    Asse_CMPEQ8,   False, False, 0 },
   { Iop_CmpEQ16x4,   Asse_CMPEQ16,  False, False, 0 },
   { Iop_CmpEQ32x2,   Asse_CMPEQ32,  False, False, 0 },
   { Iop_CmpGT8Sx8,   Asse_CMPGT8S,  False, False, 0 },
   { Iop_CmpGT16Sx4,  Asse_CMPGT16S, False, False, 0 },
   { Iop_CmpGT32Sx2,  Asse_CMPGT32S, False, False, 0 },
   { Iop_InterleaveLO8x8,  Asse_UNPCKLB, True, False, 0 },
   { Iop_InterleaveLO16x4, Asse_UNPCKLW, True, False, 0 },
   { Iop_InterleaveLO32x2, Asse_UNPCKLD, True, False, 0 },
   { Iop_InterleaveHI8x8,  Asse_UNPCKLB, True, True, 0 },
   { Iop_InterleaveHI16x4, Asse_UNPCKLW, True, True, 0 },
   { Iop_InterleaveHI32x2, Asse_UNPCKLD, True, True, 0 },
};

static HReg intFromMmx(AMD64ISelEnv* env, const IRExpr* e)
{
   if (e->tag == Iex_Binop) {
      IROp op = e->Iex.Binop.op;
      const IRExpr* a1 = e->Iex.Binop.arg1;
      const IRExpr* a2 = e->Iex.Binop.arg2;
      for (UInt k = 0; k < sizeof mmxTable / sizeof mmxTable[0]; k++) {
         const MmxInfo* mi = &mmxTable[k];
         if (mi->iop != op || (mi->cap != 0 && !hasCap(env, mi->cap)))
            continue;
         return mmxViaSse(env, mi->op, a1, a2, mi->swap, mi->high);
      }
      switch (op) {
         case Iop_QNarrowBin16Sto8Sx8: case Iop_QNarrowBin16Sto8Ux8:
         case Iop_QNarrowBin32Sto16Sx4: {
            /* [b, a] in one register, then packed onto itself. */
            HReg xa = gprToXmm(env, iselIntExpr_R(env, a1));
            HReg xb = gprToXmm(env, iselIntExpr_R(env, a2));
            addInstr(env, AMD64Instr_SseReRg(Asse_UNPCKLQ, xa, xb));
            AMD64SseOp pk = op == Iop_QNarrowBin16Sto8Sx8 ? Asse_PACKSSW
                          : op == Iop_QNarrowBin16Sto8Ux8 ? Asse_PACKUSW
                          : Asse_PACKSSD;
            addInstr(env, AMD64Instr_SseReRg(pk, xb, xb));
            return xmmToGpr(env, xb);
         }
         case Iop_ShlN16x4: case Iop_ShlN32x2: case Iop_ShrN16x4:
         case Iop_ShrN32x2: case Iop_SarN16x4: case Iop_SarN32x2: {
            AMD64SseShiftNOp byImm;
            AMD64SseOp byReg;
            switch (op) {
               case Iop_ShlN16x4: byImm = Asse_SHLN16; byReg = Asse_SHL16; break;
               case Iop_ShlN32x2: byImm = Asse_SHLN32; byReg = Asse_SHL32; break;
               case Iop_ShrN16x4: byImm = Asse_SHRN16; byReg = Asse_SHR16; break;
               case Iop_ShrN32x2: byImm = Asse_SHRN32; byReg = Asse_SHR32; break;
               case Iop_SarN16x4: byImm = Asse_SARN16; byReg = Asse_SAR16; break;
               default:           byImm = Asse_SARN32; byReg = Asse_SAR32; break;
            }
            HReg xa = gprToXmm(env, iselIntExpr_R(env, a1));
            return xmmToGpr(env, vecShiftN(env, byImm, byReg, xa, a2));
         }
         case Iop_ShlN8x8: case Iop_ShrN8x8: case Iop_SarN8x8: {
            HReg x = iselIntExpr_R(env, a1);
            HReg n = amd64isel_zeroExtend(env, iselIntExpr_R(env, a2),
                                          Ity_I8);
            return intHelper(env, op == Iop_ShlN8x8 ? (const void*)h_ShlN8x8
                                  : op == Iop_ShrN8x8 ? (const void*)h_ShrN8x8
                                  : (const void*)h_SarN8x8, 2, x, n);
         }
         case Iop_Mul32x2: case Iop_Perm8x8: case Iop_CatOddLanes8x8:
         case Iop_CatEvenLanes8x8: case Iop_CatOddLanes16x4:
         case Iop_CatEvenLanes16x4: {
            const void* fn = op == Iop_Mul32x2 ? (const void*)h_Mul32x2
                           : op == Iop_Perm8x8 ? (const void*)h_Perm8x8
                           : op == Iop_CatOddLanes8x8
                                ? (const void*)h_CatOddLanes8x8
                           : op == Iop_CatEvenLanes8x8
                                ? (const void*)h_CatEvenLanes8x8
                           : op == Iop_CatOddLanes16x4
                                ? (const void*)h_CatOddLanes16x4
                           : (const void*)h_CatEvenLanes16x4;
            HReg x = iselIntExpr_R(env, a1);
            HReg y = iselIntExpr_R(env, a2);
            return intHelper(env, fn, 2, x, y);
         }
         default:
            break;
      }
      return INVALID_HREG;
   }
   if (e->tag == Iex_Unop) {
      IROp op = e->Iex.Unop.op;
      const IRExpr* a = e->Iex.Unop.arg;
      switch (op) {
         case Iop_CmpNEZ8x8: case Iop_CmpNEZ16x4: case Iop_CmpNEZ32x2: {
            HReg x = gprToXmm(env, iselIntExpr_R(env, a));
            Int  w = op == Iop_CmpNEZ8x8 ? 8 : op == Iop_CmpNEZ16x4 ? 16 : 32;
            return xmmToGpr(env, sseNot(env, cmpEQZero(env, x, w)));
         }
         case Iop_Abs8x8: case Iop_Abs16x4: case Iop_Abs32x2:
         case Iop_GetMSBs8x8: {
            const void* fn = op == Iop_Abs8x8 ? (const void*)h_Abs8x8
                           : op == Iop_Abs16x4 ? (const void*)h_Abs16x4
                           : op == Iop_Abs32x2 ? (const void*)h_Abs32x2
                           : (const void*)h_GetMSBs8x8;
            return intHelper(env, fn, 1, iselIntExpr_R(env, a),
                             INVALID_HREG);
         }
         case Iop_Dup8x8: case Iop_Dup16x4: case Iop_Dup32x2: {
            Int w = op == Iop_Dup8x8 ? 8 : op == Iop_Dup16x4 ? 16 : 32;
            return xmmToGpr(env, vecDup(env, iselIntExpr_R(env, a), w));
         }
         default:
            break;
      }
      return INVALID_HREG;
   }
   if (e->tag == Iex_Triop && e->Iex.Triop.details->op == Iop_Slice64) {
      /* (a:b) >> 8n, the low 64 bits */
      const IRTriop* t = e->Iex.Triop.details;
      if (t->arg3->tag == Iex_Const && t->arg3->Iex.Const.con->tag == Ico_U8
          && t->arg3->Iex.Const.con->Ico.U8 <= 8) {
         UInt n = t->arg3->Iex.Const.con->Ico.U8;
         HReg a = iselIntExpr_R(env, t->arg1);
         HReg b = iselIntExpr_R(env, t->arg2);
         if (n == 0)
            return b;
         if (n == 8)
            return a;
         HReg lo = copyI(env, b);
         HReg hi = copyI(env, a);
         addInstr(env, AMD64Instr_Sh64(Ash_SHR, 8 * n, lo));
         addInstr(env, AMD64Instr_Sh64(Ash_SHL, 64 - 8 * n, hi));
         addInstr(env, AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Reg(hi), lo));
         return lo;
      }
      HReg args[3];
      args[0] = iselIntExpr_R(env, t->arg1);
      args[1] = iselIntExpr_R(env, t->arg2);
      args[2] = amd64isel_zeroExtend(env, iselIntExpr_R(env, t->arg3), Ity_I8);
      return amd64isel_callHelper(env, (const void*)h_Slice64, 3, args, True);
   }
   return INVALID_HREG;
}

/* Element IX (an I8 expression) of lanes of SZ bytes of V. */
static HReg getElem(AMD64ISelEnv* env, HReg v, const IRExpr* ix, Int sz)
{
   Int nLanes = 16 / sz;
   if (ix->tag == Iex_Const && ix->Iex.Const.con->tag == Ico_U8) {
      UInt k = ix->Iex.Const.con->Ico.U8 & (UInt)(nLanes - 1);
      HReg t = sseShiftN(env, Asse_SHRN128, v, k * (UInt)sz);
      return xmmToGpr(env, t);
   }
   /* Through memory: the vector on the stack, the lane loaded. */
   HReg i = amd64isel_zeroExtend(env, iselIntExpr_R(env, ix), Ity_I8);
   addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Imm((UInt)(nLanes - 1)),
                                   i));
   amd64isel_addToRSP(env, -16);
   addInstr(env, AMD64Instr_SseLdSt(False, 16, v, rsp_amode(0)));
   Int shift = sz == 1 ? 0 : sz == 2 ? 1 : sz == 4 ? 2 : 3;
   AMD64AMode* am = AMD64AMode_IRRS(0, hregAMD64_RSP(), i, shift);
   HReg dst = newVRegI(env);
   if (sz == 8)
      addInstr(env, AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(am), dst));
   else
      addInstr(env, AMD64Instr_LoadEX((UChar)sz, False, am, dst));
   amd64isel_addToRSP(env, 16);
   return dst;
}

/* F64 or F32 (SZ) to a signed integer of SZD bytes, rounding as RM
   says. */
static HReg cvtFPToInt(AMD64ISelEnv* env, HReg src, Int sz, Int szD,
                       const IRExpr* rm)
{
   HReg dst = newVRegI(env);
   Bool set = amd64isel_setRoundingMode(env, rm);
   addInstr(env, AMD64Instr_SseSF2SI(sz, szD, src, dst));
   if (set)
      amd64isel_restoreRoundingMode(env);
   return dst;
}

HReg amd64isel_IntExprFromSimd(AMD64ISelEnv* env, const IRExpr* e)
{
   if (e->tag == Iex_Binop) {
      IROp op = e->Iex.Binop.op;
      const IRExpr* a1 = e->Iex.Binop.arg1;
      const IRExpr* a2 = e->Iex.Binop.arg2;
      switch (op) {
         case Iop_CmpF64: case Iop_CmpF32: {
            /* ucomis: unordered ZF,PF,CF = 111; less 001; equal 100;
               greater 000.  Those bits of rflags (0x40, 0x04, 0x01) are
               exactly the IRCmpFResult encoding. */
            HReg l, r;
            if (op == Iop_CmpF64) {
               l = iselDblExpr(env, a1);
               r = iselDblExpr(env, a2);
            } else {
               l = iselFltExpr(env, a1);
               r = iselFltExpr(env, a2);
            }
            HReg dst = newVRegI(env);
            addInstr(env, AMD64Instr_SseUComIS(op == Iop_CmpF64 ? 8 : 4, l, r,
                                               dst));
            addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Imm(0x45),
                                            dst));
            return dst;
         }
         case Iop_F64toI32S:
            return cvtFPToInt(env, iselDblExpr(env, a2), 8, 4, a1);
         case Iop_F64toI64S:
            return cvtFPToInt(env, iselDblExpr(env, a2), 8, 8, a1);
         case Iop_F32toI32S:
            return cvtFPToInt(env, iselFltExpr(env, a2), 4, 4, a1);
         case Iop_F32toI64S:
            return cvtFPToInt(env, iselFltExpr(env, a2), 4, 8, a1);
         case Iop_F64toI32U:
            /* Through a 64-bit signed conversion: exact for the values
               that fit; the rest are undefined anyway. */
            return cvtFPToInt(env, iselDblExpr(env, a2), 8, 8, a1);
         case Iop_F32toI32U:
            return cvtFPToInt(env, iselFltExpr(env, a2), 4, 8, a1);
         case Iop_F64toI16S: {
            /* A 32-bit conversion, then anything that does not fit in 16
               bits becomes 0x8000 (as the x87's fist does). */
            HReg r = cvtFPToInt(env, iselDblExpr(env, a2), 8, 4, a1);
            HReg s = copyI(env, r);
            addInstr(env, AMD64Instr_Sh64(Ash_SHL, 48, s));
            addInstr(env, AMD64Instr_Sh64(Ash_SAR, 48, s));
            HReg k = amd64isel_imm64(env, 0x8000);
            addInstr(env, AMD64Instr_Alu32R(Aalu_CMP, AMD64RMI_Reg(r), s));
            addInstr(env, AMD64Instr_CMov64(Acc_NZ, k, s));
            return s;
         }
         case Iop_F64toI64U: case Iop_F32toI64U: {
            HReg bits = xmmToGpr(env, op == Iop_F64toI64U
                                         ? iselDblExpr(env, a2)
                                         : iselFltExpr(env, a2));
            Bool set = amd64isel_setRoundingMode(env, a1);
            HReg r = intHelper(env, op == Iop_F64toI64U
                                       ? (const void*)h_F64toI64U
                                       : (const void*)h_F32toI64U,
                               1, bits, INVALID_HREG);
            if (set)
               amd64isel_restoreRoundingMode(env);
            return r;
         }
         case Iop_GetElem8x16:
            return getElem(env, iselVecExpr(env, a1), a2, 1);
         case Iop_GetElem16x8:
            return getElem(env, iselVecExpr(env, a1), a2, 2);
         case Iop_GetElem32x4:
            return getElem(env, iselVecExpr(env, a1), a2, 4);
         case Iop_GetElem64x2:
            return getElem(env, iselVecExpr(env, a1), a2, 8);
         default:
            return intFromMmx(env, e);
      }
   }
   if (e->tag == Iex_Unop) {
      IROp op = e->Iex.Unop.op;
      const IRExpr* a = e->Iex.Unop.arg;
      switch (op) {
         case Iop_ReinterpF64asI64:
            return xmmToGpr(env, iselDblExpr(env, a));
         case Iop_ReinterpF32asI32:
            return xmmToGpr(env, iselFltExpr(env, a));
         case Iop_V128to64: case Iop_V128to32:
            return xmmToGpr(env, iselVecExpr(env, a));
         case Iop_V128HIto64:
            return xmmToGpr(env, sseShiftN(env, Asse_SHRN128,
                                           iselVecExpr(env, a), 8));
         case Iop_GetMSBs8x16: {
            HReg v = iselVecExpr(env, a);
            amd64isel_addToRSP(env, -16);
            addInstr(env, AMD64Instr_SseLdSt(False, 16, v, rsp_amode(0)));
            HReg args[1] = { hregAMD64_RSP() };
            HReg r = amd64isel_callHelper(env, (const void*)h_GetMSBs8x16, 1,
                                          args, True);
            amd64isel_addToRSP(env, 16);
            return r;
         }
         case Iop_V256to64_0: case Iop_V256to64_1:
         case Iop_V256to64_2: case Iop_V256to64_3: {
            HReg hi, lo;
            amd64isel_V256Expr(&hi, &lo, env, a);
            HReg half = (op == Iop_V256to64_0 || op == Iop_V256to64_1) ? lo
                                                                       : hi;
            if (op == Iop_V256to64_1 || op == Iop_V256to64_3)
               half = sseShiftN(env, Asse_SHRN128, half, 8);
            return xmmToGpr(env, half);
         }
         default:
            return intFromMmx(env, e);
      }
   }
   return intFromMmx(env, e);
}
