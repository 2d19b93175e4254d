/* The IR interpreter's SIMD and SSE floating-point ops (see
   ir_interp_simd.h).

   Integer lane operations are computed in C.  Floating-point operations
   are run on the host's own SSE instructions (the interpreter only runs
   on amd64), with MXCSR set to the op's rounding mode and everything
   else at its default, so that rounding, NaN propagation and selection
   (which operand's NaN survives, quieting of signalling NaNs), the sign
   of zero, the integer indefinite of out-of-range conversions and the
   approximations of rcp/rsqrt are exactly the hardware's -- which is
   also what the instruction selector emits for these ops.  The operand
   order of every op is the IR's: arg1 is the instruction's first
   (destination) operand. */
#include <string.h>
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "ir_interp_simd.h"

typedef union {
   UChar  u8[32];
   SChar  s8[32];
   UShort u16[16];
   Short  s16[16];
   UInt   u32[8];
   Int    s32[8];
   ULong  u64[4];
   Long   s64[4];
} L;

typedef struct { ULong w[2]; } V16;

static L lv(const ULong* p)
{
   L l;
   memcpy(&l, p, sizeof l);
   return l;
}

static void put(ULong* r, const L* l, Int bytes)
{
   memset(r, 0, 32);
   memcpy(r, l, (size_t)bytes);
}

/* ------------------------------------------------------------------ */
/* The host's SSE instructions                                        */
/* ------------------------------------------------------------------ */

static UInt mxcsr_of(ULong rm)
{
   return 0x1F80u | ((UInt)(rm & 3) << 13);
}

/* xmm0 = A, xmm1 = B, run TEXT (which leaves its result in xmm0),
   R = xmm0; under rounding mode RM. */
#define XOP(rm, text, A, B, R) do {                                        \
      UInt m_ = mxcsr_of(rm), s_ = 0;                                      \
      __asm__ __volatile__(                                                \
         "stmxcsr %[s]\n\tldmxcsr %[m]\n\t"                                \
         "movdqu %[a], %%xmm0\n\tmovdqu %[b], %%xmm1\n\t"                  \
         text "\n\t"                                                       \
         "movdqu %%xmm0, %[r]\n\tldmxcsr %[s]"                             \
         : [r] "=m" (*(V16*)(R)), [s] "+m" (s_)                            \
         : [m] "m" (m_), [a] "m" (*(const V16*)(A)),                       \
           [b] "m" (*(const V16*)(B))                                      \
         : "xmm0", "xmm1");                                                \
   } while (0)

/* xmm1 = A, run TEXT (result in the integer register %[g]), G = it. */
#define X2G(rm, text, A, G) do {                                           \
      UInt m_ = mxcsr_of(rm), s_ = 0;                                      \
      ULong g_;                                                            \
      __asm__ __volatile__(                                                \
         "stmxcsr %[s]\n\tldmxcsr %[m]\n\t"                                \
         "movdqu %[a], %%xmm1\n\t"                                         \
         "xor %[g], %[g]\n\t"                                              \
         text "\n\t"                                                       \
         "ldmxcsr %[s]"                                                    \
         : [g] "=&r" (g_), [s] "+m" (s_)                                   \
         : [m] "m" (m_), [a] "m" (*(const V16*)(A))                        \
         : "xmm1");                                                        \
      (G) = g_;                                                            \
   } while (0)

/* xmm0 = 0, run TEXT (reading the integer register %[g] = G), R =
   xmm0. */
#define G2X(rm, text, G, R) do {                                           \
      UInt m_ = mxcsr_of(rm), s_ = 0;                                      \
      ULong g_ = (G);                                                      \
      __asm__ __volatile__(                                                \
         "stmxcsr %[s]\n\tldmxcsr %[m]\n\t"                                \
         "pxor %%xmm0, %%xmm0\n\t"                                         \
         text "\n\t"                                                       \
         "movdqu %%xmm0, %[r]\n\tldmxcsr %[s]"                             \
         : [r] "=m" (*(V16*)(R)), [s] "+m" (s_)                            \
         : [m] "m" (m_), [g] "r" (g_)                                      \
         : "xmm0");                                                        \
   } while (0)

static const ULong zero4[4] = { 0, 0, 0, 0 };

/* Keeps the low BYTES bytes of R. */
static void keep(ULong* r, Int bytes)
{
   L l = lv(r);
   put(r, &l, bytes);
}

/* ------------------------------------------------------------------ */
/* Integer lane helpers                                               */
/* ------------------------------------------------------------------ */

static Long sat(Long v, Long lo, Long hi)
{
   return v < lo ? lo : v > hi ? hi : v;
}

/* Lane-wise binary op over N lanes of field F, expression EXPR of x, y
   (the lanes of A and B). */
#define LANES2(n, F, EXPR) do {                                            \
      L A_ = lv(a), B_ = lv(b), R_;                                        \
      memset(&R_, 0, sizeof R_);                                           \
      for (Int i = 0; i < (n); i++) {                                      \
         __typeof__(A_.F[0]) x = A_.F[i], y = B_.F[i];                     \
         (void)x; (void)y;                                                 \
         R_.F[i] = (__typeof__(A_.F[0]))(EXPR);                            \
      }                                                                    \
      put(r, &R_, 16);                                                     \
   } while (0)

/* Every lane of A shifted by the amount SH (arg B's low byte). */
#define SHIFTN(n, F, bits, kind) do {                                      \
      L A_ = lv(a), R_;                                                    \
      UInt sh = (UInt)(b[0] & 0xFF);                                       \
      memset(&R_, 0, sizeof R_);                                           \
      for (Int i = 0; i < (n); i++) {                                      \
         if (kind == 2)                                                    \
            R_.F[i] = (__typeof__(A_.F[0]))                                \
                      ((Long)A_.F[i] >> (sh >= (bits) ? (bits) - 1 : sh)); \
         else if (sh >= (bits))                                            \
            R_.F[i] = 0;                                                   \
         else if (kind == 0)                                               \
            R_.F[i] = (__typeof__(A_.F[0]))((ULong)A_.F[i] << sh);         \
         else                                                              \
            R_.F[i] = (__typeof__(A_.F[0]))(A_.F[i] >> sh);                \
      }                                                                    \
      put(r, &R_, 16);                                                     \
   } while (0)

/* Interleave the low (HI = 0) or high halves' lanes: R = B0 A0 B1 A1 ... */
static void interleave(const ULong* a, const ULong* b, ULong* r, Int lane,
                       Bool hi)
{
   L A = lv(a), B = lv(b), R;
   Int n = 16 / lane;
   Int base = hi ? n / 2 : 0;
   for (Int i = 0; i < n / 2; i++) {
      memcpy(&R.u8[(2 * i) * lane], &B.u8[(base + i) * lane], (size_t)lane);
      memcpy(&R.u8[(2 * i + 1) * lane], &A.u8[(base + i) * lane],
             (size_t)lane);
   }
   put(r, &R, 16);
}

/* The even (ODD = 0) or odd lanes of B in the low half, of A in the
   high half. */
static void catlanes(const ULong* a, const ULong* b, ULong* r, Int lane,
                     Bool odd)
{
   L A = lv(a), B = lv(b), R;
   Int n = 16 / lane;
   for (Int i = 0; i < n / 2; i++) {
      Int src = 2 * i + (odd ? 1 : 0);
      memcpy(&R.u8[i * lane], &B.u8[src * lane], (size_t)lane);
      memcpy(&R.u8[(n / 2 + i) * lane], &A.u8[src * lane], (size_t)lane);
   }
   put(r, &R, 16);
}

/* Saturating narrow of wide signed lanes, B's in the low half. */
static void qnarrow(const ULong* a, const ULong* b, ULong* r, Int wide,
                    Bool usat)
{
   L A = lv(a), B = lv(b), R;
   Int n = 16 / wide;
   for (Int i = 0; i < 2 * n; i++) {
      const L* s = i < n ? &B : &A;
      Int k = i % n;
      Long v = wide == 2 ? s->s16[k] : s->s32[k];
      if (wide == 2) {
         R.u8[i] = (UChar)(usat ? sat(v, 0, 255) : sat(v, -128, 127));
      } else {
         R.u16[i] = (UShort)(usat ? sat(v, 0, 65535) : sat(v, -32768, 32767));
      }
   }
   put(r, &R, 16);
}

/* ------------------------------------------------------------------ */
/* Unary ops                                                          */
/* ------------------------------------------------------------------ */

Bool ir_interp_simd_unop(IROp op, const ULong* a, ULong* r)
{
   const ULong* b = a;   /* for the LANES2 macro */
   switch (op) {
      case Iop_Abs8x16:  LANES2(16, s8, x < 0 ? -x : x); return True;
      case Iop_Abs16x8:  LANES2(8, s16, x < 0 ? -x : x); return True;
      case Iop_Abs32x4:  LANES2(4, s32, x < 0 ? -(UInt)x : (UInt)x);
                         return True;
      case Iop_Abs64x2:  LANES2(2, s64, x < 0 ? -(ULong)x : (ULong)x);
                         return True;
      case Iop_GetMSBs8x16: {
         L A = lv(a);
         ULong m = 0;
         for (Int i = 0; i < 16; i++)
            m |= (ULong)(A.u8[i] >> 7) << i;
         memset(r, 0, 32);
         r[0] = m;
         return True;
      }
      case Iop_Dup8x16: { L R; memset(&R, 0, sizeof R);
         for (Int i = 0; i < 16; i++) R.u8[i] = (UChar)a[0];
         put(r, &R, 16); return True; }
      case Iop_Dup16x8: { L R; memset(&R, 0, sizeof R);
         for (Int i = 0; i < 8; i++) R.u16[i] = (UShort)a[0];
         put(r, &R, 16); return True; }
      case Iop_Dup32x4: { L R; memset(&R, 0, sizeof R);
         for (Int i = 0; i < 4; i++) R.u32[i] = (UInt)a[0];
         put(r, &R, 16); return True; }
      case Iop_RecipEst32Fx4:
         XOP(0, "rcpps %%xmm1, %%xmm0", a, a, r); keep(r, 16); return True;
      case Iop_RSqrtEst32Fx4:
         XOP(0, "rsqrtps %%xmm1, %%xmm0", a, a, r); keep(r, 16); return True;
      case Iop_RecipEst32F0x4:
         XOP(0, "rcpss %%xmm1, %%xmm0", a, a, r); keep(r, 16); return True;
      case Iop_RSqrtEst32F0x4:
         XOP(0, "rsqrtss %%xmm1, %%xmm0", a, a, r); keep(r, 16); return True;
      case Iop_F32toI32Sx4_RZ:
         XOP(0, "cvttps2dq %%xmm1, %%xmm0", a, a, r); keep(r, 16);
         return True;
      case Iop_F32toF64:
         XOP(0, "cvtss2sd %%xmm1, %%xmm0", zero4, a, r); keep(r, 8);
         return True;
      case Iop_I32StoF64:
         G2X(0, "cvtsi2sdl %k[g], %%xmm0", a[0], r); keep(r, 8);
         return True;
      default:
         return False;
   }
}

/* ------------------------------------------------------------------ */
/* Binary ops                                                         */
/* ------------------------------------------------------------------ */

Bool ir_interp_simd_binop(IROp op, const ULong* a, const ULong* b, ULong* r)
{
   switch (op) {
      /* --- integer lanes --- */
      case Iop_Add8x16: LANES2(16, u8, x + y); return True;
      case Iop_Add16x8: LANES2(8, u16, x + y); return True;
      case Iop_Add32x4: LANES2(4, u32, x + y); return True;
      case Iop_Add64x2: LANES2(2, u64, x + y); return True;
      case Iop_Sub8x16: LANES2(16, u8, x - y); return True;
      case Iop_Sub16x8: LANES2(8, u16, x - y); return True;
      case Iop_Sub32x4: LANES2(4, u32, x - y); return True;
      case Iop_Sub64x2: LANES2(2, u64, x - y); return True;
      case Iop_QAdd8Sx16: LANES2(16, s8, sat((Long)x + y, -128, 127));
                          return True;
      case Iop_QAdd16Sx8: LANES2(8, s16, sat((Long)x + y, -32768, 32767));
                          return True;
      case Iop_QAdd8Ux16: LANES2(16, u8, sat((Long)x + y, 0, 255));
                          return True;
      case Iop_QAdd16Ux8: LANES2(8, u16, sat((Long)x + y, 0, 65535));
                          return True;
      case Iop_QSub8Sx16: LANES2(16, s8, sat((Long)x - y, -128, 127));
                          return True;
      case Iop_QSub16Sx8: LANES2(8, s16, sat((Long)x - y, -32768, 32767));
                          return True;
      case Iop_QSub8Ux16: LANES2(16, u8, sat((Long)x - y, 0, 255));
                          return True;
      case Iop_QSub16Ux8: LANES2(8, u16, sat((Long)x - y, 0, 65535));
                          return True;
      case Iop_Mul16x8: LANES2(8, u16, (UInt)x * (UInt)y); return True;
      case Iop_Mul32x4: LANES2(4, u32, (ULong)x * y); return True;
      case Iop_MulHi16Sx8: LANES2(8, s16, ((Int)x * (Int)y) >> 16);
                           return True;
      case Iop_MulHi16Ux8: LANES2(8, u16, ((UInt)x * (UInt)y) >> 16);
                           return True;
      case Iop_MullEven32Ux4: {
         L A = lv(a), B = lv(b), R;
         R.u64[0] = (ULong)A.u32[0] * B.u32[0];
         R.u64[1] = (ULong)A.u32[2] * B.u32[2];
         put(r, &R, 16);
         return True;
      }
      case Iop_MullEven32Sx4: {
         L A = lv(a), B = lv(b), R;
         R.s64[0] = (Long)A.s32[0] * B.s32[0];
         R.s64[1] = (Long)A.s32[2] * B.s32[2];
         put(r, &R, 16);
         return True;
      }
      case Iop_MullEven16Sx8: {
         L A = lv(a), B = lv(b), R;
         for (Int i = 0; i < 4; i++)
            R.s32[i] = (Int)A.s16[2 * i] * B.s16[2 * i];
         put(r, &R, 16);
         return True;
      }
      case Iop_MullEven16Ux8: {
         L A = lv(a), B = lv(b), R;
         for (Int i = 0; i < 4; i++)
            R.u32[i] = (UInt)A.u16[2 * i] * B.u16[2 * i];
         put(r, &R, 16);
         return True;
      }
      case Iop_Avg8Ux16: LANES2(16, u8, ((UInt)x + y + 1) >> 1); return True;
      case Iop_Avg16Ux8: LANES2(8, u16, ((UInt)x + y + 1) >> 1); return True;
      case Iop_Max8Sx16: LANES2(16, s8, x > y ? x : y); return True;
      case Iop_Max16Sx8: LANES2(8, s16, x > y ? x : y); return True;
      case Iop_Max32Sx4: LANES2(4, s32, x > y ? x : y); return True;
      case Iop_Max8Ux16: LANES2(16, u8, x > y ? x : y); return True;
      case Iop_Max16Ux8: LANES2(8, u16, x > y ? x : y); return True;
      case Iop_Max32Ux4: LANES2(4, u32, x > y ? x : y); return True;
      case Iop_Min8Sx16: LANES2(16, s8, x < y ? x : y); return True;
      case Iop_Min16Sx8: LANES2(8, s16, x < y ? x : y); return True;
      case Iop_Min32Sx4: LANES2(4, s32, x < y ? x : y); return True;
      case Iop_Min8Ux16: LANES2(16, u8, x < y ? x : y); return True;
      case Iop_Min16Ux8: LANES2(8, u16, x < y ? x : y); return True;
      case Iop_Min32Ux4: LANES2(4, u32, x < y ? x : y); return True;
      case Iop_CmpEQ8x16: LANES2(16, u8, x == y ? 0xFF : 0); return True;
      case Iop_CmpEQ16x8: LANES2(8, u16, x == y ? 0xFFFF : 0); return True;
      case Iop_CmpEQ32x4: LANES2(4, u32, x == y ? ~0u : 0); return True;
      case Iop_CmpEQ64x2: LANES2(2, u64, x == y ? ~0ULL : 0); return True;
      case Iop_CmpGT8Sx16: LANES2(16, s8, x > y ? -1 : 0); return True;
      case Iop_CmpGT16Sx8: LANES2(8, s16, x > y ? -1 : 0); return True;
      case Iop_CmpGT32Sx4: LANES2(4, s32, x > y ? -1 : 0); return True;
      case Iop_CmpGT64Sx2: LANES2(2, s64, x > y ? -1 : 0); return True;
      case Iop_ShlN8x16: SHIFTN(16, u8, 8, 0); return True;
      case Iop_ShlN16x8: SHIFTN(8, u16, 16, 0); return True;
      case Iop_ShlN32x4: SHIFTN(4, u32, 32, 0); return True;
      case Iop_ShlN64x2: SHIFTN(2, u64, 64, 0); return True;
      case Iop_ShrN8x16: SHIFTN(16, u8, 8, 1); return True;
      case Iop_ShrN16x8: SHIFTN(8, u16, 16, 1); return True;
      case Iop_ShrN32x4: SHIFTN(4, u32, 32, 1); return True;
      case Iop_ShrN64x2: SHIFTN(2, u64, 64, 1); return True;
      case Iop_SarN8x16: SHIFTN(16, s8, 8, 2); return True;
      case Iop_SarN16x8: SHIFTN(8, s16, 16, 2); return True;
      case Iop_SarN32x4: SHIFTN(4, s32, 32, 2); return True;
      case Iop_SarN64x2: SHIFTN(2, s64, 64, 2); return True;
      case Iop_ShlV128: case Iop_ShrV128: {
         L A = lv(a), R;
         UInt by = (UInt)(b[0] & 0xFF) >> 3;
         memset(&R, 0, sizeof R);
         for (UInt i = 0; i < 16; i++) {
            if (op == Iop_ShlV128)
               R.u8[i] = i >= by ? A.u8[i - by] : 0;
            else
               R.u8[i] = i + by < 16 ? A.u8[i + by] : 0;
         }
         put(r, &R, 16);
         return True;
      }
      case Iop_InterleaveLO8x16: interleave(a, b, r, 1, False); return True;
      case Iop_InterleaveLO16x8: interleave(a, b, r, 2, False); return True;
      case Iop_InterleaveLO32x4: interleave(a, b, r, 4, False); return True;
      case Iop_InterleaveLO64x2: interleave(a, b, r, 8, False); return True;
      case Iop_InterleaveHI8x16: interleave(a, b, r, 1, True); return True;
      case Iop_InterleaveHI16x8: interleave(a, b, r, 2, True); return True;
      case Iop_InterleaveHI32x4: interleave(a, b, r, 4, True); return True;
      case Iop_InterleaveHI64x2: interleave(a, b, r, 8, True); return True;
      case Iop_CatEvenLanes8x16: catlanes(a, b, r, 1, False); return True;
      case Iop_CatEvenLanes16x8: catlanes(a, b, r, 2, False); return True;
      case Iop_CatEvenLanes32x4: catlanes(a, b, r, 4, False); return True;
      case Iop_CatOddLanes8x16:  catlanes(a, b, r, 1, True); return True;
      case Iop_CatOddLanes16x8:  catlanes(a, b, r, 2, True); return True;
      case Iop_CatOddLanes32x4:  catlanes(a, b, r, 4, True); return True;
      case Iop_QNarrowBin16Sto8Sx16: qnarrow(a, b, r, 2, False); return True;
      case Iop_QNarrowBin16Sto8Ux16: qnarrow(a, b, r, 2, True); return True;
      case Iop_QNarrowBin32Sto16Sx8: qnarrow(a, b, r, 4, False); return True;
      case Iop_QNarrowBin32Sto16Ux8: qnarrow(a, b, r, 4, True); return True;
      case Iop_PermOrZero8x16: {
         L A = lv(a), B = lv(b), R;
         for (Int i = 0; i < 16; i++)
            R.u8[i] = (B.u8[i] & 0x80) ? 0 : A.u8[B.u8[i] & 15];
         put(r, &R, 16);
         return True;
      }
      case Iop_Perm8x16: {
         L A = lv(a), B = lv(b), R;
         for (Int i = 0; i < 16; i++)
            R.u8[i] = A.u8[B.u8[i] & 15];
         put(r, &R, 16);
         return True;
      }

      /* --- floating point, on the host's SSE --- */
      case Iop_Max32Fx4:  XOP(0, "maxps %%xmm1, %%xmm0", a, b, r); break;
      case Iop_Min32Fx4:  XOP(0, "minps %%xmm1, %%xmm0", a, b, r); break;
      case Iop_Max64Fx2:  XOP(0, "maxpd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_Min64Fx2:  XOP(0, "minpd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_Max32F0x4: XOP(0, "maxss %%xmm1, %%xmm0", a, b, r); break;
      case Iop_Min32F0x4: XOP(0, "minss %%xmm1, %%xmm0", a, b, r); break;
      case Iop_Max64F0x2: XOP(0, "maxsd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_Min64F0x2: XOP(0, "minsd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpEQ32Fx4: XOP(0, "cmpeqps %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLT32Fx4: XOP(0, "cmpltps %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLE32Fx4: XOP(0, "cmpleps %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpUN32Fx4: XOP(0, "cmpunordps %%xmm1, %%xmm0", a, b, r);
                           break;
      case Iop_CmpEQ64Fx2: XOP(0, "cmpeqpd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLT64Fx2: XOP(0, "cmpltpd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLE64Fx2: XOP(0, "cmplepd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpUN64Fx2: XOP(0, "cmpunordpd %%xmm1, %%xmm0", a, b, r);
                           break;
      case Iop_CmpEQ32F0x4: XOP(0, "cmpeqss %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLT32F0x4: XOP(0, "cmpltss %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLE32F0x4: XOP(0, "cmpless %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpUN32F0x4: XOP(0, "cmpunordss %%xmm1, %%xmm0", a, b, r);
                            break;
      case Iop_CmpEQ64F0x2: XOP(0, "cmpeqsd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLT64F0x2: XOP(0, "cmpltsd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpLE64F0x2: XOP(0, "cmplesd %%xmm1, %%xmm0", a, b, r); break;
      case Iop_CmpUN64F0x2: XOP(0, "cmpunordsd %%xmm1, %%xmm0", a, b, r);
                            break;
      case Iop_CmpF32: case Iop_CmpF64: {
         /* ucomiss/ucomisd: ZF PF CF are exactly IRCmpFResult's bits */
         ULong fl;
         if (op == Iop_CmpF32)
            __asm__ __volatile__("movd %k[x], %%xmm0\n\tmovd %k[y], %%xmm1\n\t"
                                 "ucomiss %%xmm1, %%xmm0\n\t"
                                 "pushfq\n\tpopq %[f]"
                                 : [f] "=r" (fl)
                                 : [x] "r" (a[0]), [y] "r" (b[0])
                                 : "xmm0", "xmm1", "cc");
         else
            __asm__ __volatile__("movq %[x], %%xmm0\n\tmovq %[y], %%xmm1\n\t"
                                 "ucomisd %%xmm1, %%xmm0\n\t"
                                 "pushfq\n\tpopq %[f]"
                                 : [f] "=r" (fl)
                                 : [x] "r" (a[0]), [y] "r" (b[0])
                                 : "xmm0", "xmm1", "cc");
         memset(r, 0, 32);
         r[0] = fl & 0x45;
         return True;
      }
      /* with a rounding mode (arg 1) */
      case Iop_SqrtF32:
         XOP(a[0], "sqrtss %%xmm1, %%xmm0", zero4, b, r); keep(r, 4);
         return True;
      case Iop_SqrtF64:
         XOP(a[0], "sqrtsd %%xmm1, %%xmm0", zero4, b, r); keep(r, 8);
         return True;
      case Iop_Sqrt32Fx4:
         XOP(a[0], "sqrtps %%xmm1, %%xmm0", zero4, b, r); break;
      case Iop_Sqrt64Fx2:
         XOP(a[0], "sqrtpd %%xmm1, %%xmm0", zero4, b, r); break;
      case Iop_I32StoF32x4:
         XOP(a[0], "cvtdq2ps %%xmm1, %%xmm0", zero4, b, r); break;
      case Iop_F32toI32Sx4:
         XOP(a[0], "cvtps2dq %%xmm1, %%xmm0", zero4, b, r); break;
      case Iop_F64toF32:
         XOP(a[0], "cvtsd2ss %%xmm1, %%xmm0", zero4, b, r); keep(r, 4);
         return True;
      case Iop_RoundF32toInt:
         XOP(a[0], "roundss $4, %%xmm1, %%xmm0", zero4, b, r); keep(r, 4);
         return True;
      case Iop_RoundF64toInt:
         XOP(a[0], "roundsd $4, %%xmm1, %%xmm0", zero4, b, r); keep(r, 8);
         return True;
      case Iop_F32toI32S: {
         ULong g; X2G(a[0], "cvtss2si %%xmm1, %k[g]", b, g);
         memset(r, 0, 32); r[0] = g & 0xFFFFFFFFULL; return True;
      }
      case Iop_F32toI64S: {
         ULong g; X2G(a[0], "cvtss2si %%xmm1, %q[g]", b, g);
         memset(r, 0, 32); r[0] = g; return True;
      }
      case Iop_F64toI32S: {
         ULong g; X2G(a[0], "cvtsd2si %%xmm1, %k[g]", b, g);
         memset(r, 0, 32); r[0] = g & 0xFFFFFFFFULL; return True;
      }
      case Iop_F64toI64S: {
         ULong g; X2G(a[0], "cvtsd2si %%xmm1, %q[g]", b, g);
         memset(r, 0, 32); r[0] = g; return True;
      }
      case Iop_I32StoF32:
         G2X(a[0], "cvtsi2ssl %k[g], %%xmm0", b[0], r); keep(r, 4);
         return True;
      case Iop_I64StoF32:
         G2X(a[0], "cvtsi2ssq %q[g], %%xmm0", b[0], r); keep(r, 4);
         return True;
      case Iop_I64StoF64:
         G2X(a[0], "cvtsi2sdq %q[g], %%xmm0", b[0], r); keep(r, 8);
         return True;
      default:
         return False;
   }
   keep(r, 16);
   return True;
}

/* ------------------------------------------------------------------ */
/* Ternary ops                                                        */
/* ------------------------------------------------------------------ */

Bool ir_interp_simd_triop(IROp op, const ULong* a, const ULong* b,
                          const ULong* c, ULong* r)
{
   ULong rm = a[0];
   Int bytes = 16;
   switch (op) {
      case Iop_AddF32: XOP(rm, "addss %%xmm1, %%xmm0", b, c, r); bytes = 4;
                       break;
      case Iop_SubF32: XOP(rm, "subss %%xmm1, %%xmm0", b, c, r); bytes = 4;
                       break;
      case Iop_MulF32: XOP(rm, "mulss %%xmm1, %%xmm0", b, c, r); bytes = 4;
                       break;
      case Iop_DivF32: XOP(rm, "divss %%xmm1, %%xmm0", b, c, r); bytes = 4;
                       break;
      case Iop_AddF64: XOP(rm, "addsd %%xmm1, %%xmm0", b, c, r); bytes = 8;
                       break;
      case Iop_SubF64: XOP(rm, "subsd %%xmm1, %%xmm0", b, c, r); bytes = 8;
                       break;
      case Iop_MulF64: XOP(rm, "mulsd %%xmm1, %%xmm0", b, c, r); bytes = 8;
                       break;
      case Iop_DivF64: XOP(rm, "divsd %%xmm1, %%xmm0", b, c, r); bytes = 8;
                       break;
      case Iop_Add32Fx4: XOP(rm, "addps %%xmm1, %%xmm0", b, c, r); break;
      case Iop_Sub32Fx4: XOP(rm, "subps %%xmm1, %%xmm0", b, c, r); break;
      case Iop_Mul32Fx4: XOP(rm, "mulps %%xmm1, %%xmm0", b, c, r); break;
      case Iop_Div32Fx4: XOP(rm, "divps %%xmm1, %%xmm0", b, c, r); break;
      case Iop_Add64Fx2: XOP(rm, "addpd %%xmm1, %%xmm0", b, c, r); break;
      case Iop_Sub64Fx2: XOP(rm, "subpd %%xmm1, %%xmm0", b, c, r); break;
      case Iop_Mul64Fx2: XOP(rm, "mulpd %%xmm1, %%xmm0", b, c, r); break;
      case Iop_Div64Fx2: XOP(rm, "divpd %%xmm1, %%xmm0", b, c, r); break;
      case Iop_SliceV128: {
         /* (A:B) >> 8*N, the low 16 bytes */
         UChar both[32];
         L R;
         memcpy(both, b, 16);
         memcpy(both + 16, a, 16);
         UInt n = (UInt)(c[0] & 0xFF);
         for (UInt i = 0; i < 16; i++)
            R.u8[i] = i + n < 32 ? both[i + n] : 0;
         put(r, &R, 16);
         return True;
      }
      default:
         return False;
   }
   keep(r, bytes);
   return True;
}
