/* Unit tests of amd64 instruction selection, floating point and SIMD
   (VEX/priv/host_amd64_isel_simd.c): table-driven cases, each op run
   through iselSB_AMD64, the register allocator and the emitter and
   executed natively (see isel_amd64_test.h), compared with the same
   computation written in C here (with the C library's rounding mode set
   for the rounding-mode cases; the reference for SSE-specific behaviour,
   such as maxps with NaNs, is the documented instruction semantics).  The
   vector ops are also run on a baseline SSE2 host description (hwcaps 0)
   to exercise the fallbacks. */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <xmmintrin.h>
#include "isel_amd64_test.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* Values                                                             */
/* ------------------------------------------------------------------ */

typedef union {
   uint8_t  b[16];
   int8_t   sb[16];
   uint16_t h[8];
   int16_t  sh[8];
   uint32_t w[4];
   int32_t  sw[4];
   uint64_t q[2];
   int64_t  sq[2];
   float    f[4];
   double   d[2];
} TV;

static ULong dbits(double d)
{
   ULong u;
   memcpy(&u, &d, 8);
   return u;
}

static double bitsd(ULong u)
{
   double d;
   memcpy(&d, &u, 8);
   return d;
}

static UInt fbits(float f)
{
   UInt u;
   memcpy(&u, &f, 4);
   return u;
}

static float bitsf(UInt u)
{
   float f;
   memcpy(&f, &u, 4);
   return f;
}

static const double d_edges[] = {
   0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, 0.1, -0.7,
   1.0 / 3.0, 2.0 / 3.0, 1e10, -1e10, 123456789.75, 4294967295.5,
   9007199254740993.0, 1e300, -1e300, 1e-300, 4.9e-324, -4.9e-324,
   2.2250738585072014e-308, 1.7976931348623157e308, INFINITY, -INFINITY,
   NAN, 65535.5, -32768.5, 32767.49, 2147483647.0, -2147483648.0,
   9.2e18, 1.8e19, 3.5e38, 1e-40
};
#define N_DEDGES ((Int)(sizeof d_edges / sizeof d_edges[0]))

static double rnd_double(void)
{
   switch (rnd() % 4) {
      case 0:  return d_edges[rnd() % N_DEDGES];
      case 1:  return (double)(Long)rnd() / (double)(1ULL << (rnd() % 64));
      case 2:  return ((double)(rnd() % 2000000) - 1000000.0) / 64.0 + 0.5;
      default: return bitsd(rnd());
   }
}

static float rnd_float(void)
{
   if (rnd() % 4 == 3)
      return bitsf((UInt)rnd());
   return (float)rnd_double();
}

static Bool same_f64(ULong a, ULong b)
{
   return a == b || (isnan(bitsd(a)) && isnan(bitsd(b)));
}

static Bool same_f32(UInt a, UInt b)
{
   return a == b || (isnan(bitsf(a)) && isnan(bitsf(b)));
}

static const int c_modes[4] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD,
                                FE_TOWARDZERO };

/* The rounding-mode operand: a constant or (VAR) read from a slot. */
static IRExpr* RM(Int mode, Bool var)
{
   if (!var)
      return C32((UInt)mode);
   wr64(gs_init, OFF_I(60), (ULong)mode | 0xABCD0000ULL);   /* upper junk */
   return GET(OFF_I(60), Ity_I32);
}

static void check_mxcsr(void)
{
   UT_CHECK(mxcsr_ok);
   mxcsr_ok = True;
}

/* ================================================================== */
/* Scalar F64 / F32                                                   */
/* ================================================================== */

#define N_LANES_TESTED 6   /* cases per block */

UNIT_TEST(isel_f64_arith_all_rounding_modes)
{
   static const IROp ops[] = { Iop_AddF64, Iop_SubF64, Iop_MulF64, Iop_DivF64 };
   Int n = 0;
   for (Int k = 0; k < 4; k++)
      for (Int mode = 0; mode < 4; mode++)
         for (Int rep = 0; rep < 12; rep++) {
            begin();
            init_state();
            new_bb();
            double a[N_LANES_TESTED], b[N_LANES_TESTED];
            for (Int i = 0; i < N_LANES_TESTED; i++) {
               a[i] = rnd_double();
               b[i] = rnd_double();
               wr64(gs_init, OFF_I(i), dbits(a[i]));
               wr64(gs_init, OFF_I(8 + i), dbits(b[i]));
               IRExpr* e = IRExpr_Triop(ops[k], RM(mode, rep & 1),
                                        GET(OFF_I(i), Ity_F64),
                                        GET(OFF_I(8 + i), Ity_F64));
               if (rep & 2)
                  e = RD(LET(Ity_F64, e));
               PUT(OFF_I(16 + i), e);
            }
            compile_and_run(bb);
            fesetround(c_modes[mode]);
            for (Int i = 0; i < N_LANES_TESTED; i++) {
               volatile double x = a[i], y = b[i], r;
               switch (k) {
                  case 0:  r = x + y; break;
                  case 1:  r = x - y; break;
                  case 2:  r = x * y; break;
                  default: r = x / y; break;
               }
               ULong got = rd64(gs, OFF_I(16 + i));
               if (!same_f64(got, dbits(r))) {
                  fesetround(FE_TONEAREST);
                  UT_CHECK(0);
                  fprintf(stderr, "  %s mode %d: %a, %a: got %a want %a\n",
                          nameOfIROp(ops[k]), (int)mode, a[i], b[i],
                          bitsd(got), r);
                  return;
               }
               n++;
            }
            fesetround(FE_TONEAREST);
         }
   check_mxcsr();
   printf("  %d F64 arithmetic cases\n", (int)n);
}

UNIT_TEST(isel_f32_arith_all_rounding_modes)
{
   static const IROp ops[] = { Iop_AddF32, Iop_SubF32, Iop_MulF32, Iop_DivF32 };
   for (Int k = 0; k < 4; k++)
      for (Int mode = 0; mode < 4; mode++)
         for (Int rep = 0; rep < 12; rep++) {
            begin();
            init_state();
            new_bb();
            float a[N_LANES_TESTED], b[N_LANES_TESTED];
            for (Int i = 0; i < N_LANES_TESTED; i++) {
               a[i] = rnd_float();
               b[i] = rnd_float();
               wr64(gs_init, OFF_I(i), fbits(a[i]));
               wr64(gs_init, OFF_I(8 + i), fbits(b[i]));
               IRExpr* e = IRExpr_Triop(ops[k], RM(mode, rep & 1),
                                        GET(OFF_I(i), Ity_F32),
                                        GET(OFF_I(8 + i), Ity_F32));
               if (rep & 2)
                  e = RD(LET(Ity_F32, e));
               PUT(OFF_I(16 + i), e);
            }
            compile_and_run(bb);
            fesetround(c_modes[mode]);
            for (Int i = 0; i < N_LANES_TESTED; i++) {
               volatile float x = a[i], y = b[i], r;
               switch (k) {
                  case 0:  r = x + y; break;
                  case 1:  r = x - y; break;
                  case 2:  r = x * y; break;
                  default: r = x / y; break;
               }
               UInt got = (UInt)rd64(gs, OFF_I(16 + i));
               if (!same_f32(got, fbits(r))) {
                  fesetround(FE_TONEAREST);
                  UT_CHECK(0);
                  fprintf(stderr, "  %s mode %d: %a, %a: got %a want %a\n",
                          nameOfIROp(ops[k]), (int)mode, a[i], b[i],
                          bitsf(got), r);
                  return;
               }
            }
            fesetround(FE_TONEAREST);
         }
   check_mxcsr();
}

UNIT_TEST(isel_fp_sqrt_neg_abs_consts)
{
   for (Int mode = 0; mode < 4; mode++)
      for (Int rep = 0; rep < 20; rep++) {
         begin();
         init_state();
         new_bb();
         double a = fabs(rnd_double());
         float  f = fabsf(rnd_float());
         if (rep % 5 == 0) {
            a = -a;
            f = -f;
         }
         wr64(gs_init, OFF_I(0), dbits(a));
         wr64(gs_init, OFF_I(1), fbits(f));
         PUT(OFF_I(10), B(Iop_SqrtF64, RM(mode, rep & 1), GET(OFF_I(0), Ity_F64)));
         PUT(OFF_I(11), B(Iop_SqrtF32, RM(mode, rep & 1), GET(OFF_I(1), Ity_F32)));
         PUT(OFF_I(12), U(Iop_NegF64, GET(OFF_I(0), Ity_F64)));
         PUT(OFF_I(13), U(Iop_AbsF64, U(Iop_NegF64, GET(OFF_I(0), Ity_F64))));
         PUT(OFF_I(14), U(Iop_NegF32, GET(OFF_I(1), Ity_F32)));
         PUT(OFF_I(15), U(Iop_AbsF32, U(Iop_NegF32, GET(OFF_I(1), Ity_F32))));
         PUT(OFF_I(16), IRExpr_Const(IRConst_F64(-2.75)));
         PUT(OFF_I(17), IRExpr_Const(IRConst_F64i(0x7FF0000000000001ULL)));
         PUT(OFF_I(18), IRExpr_Const(IRConst_F32(1.25f)));
         PUT(OFF_I(19), IRExpr_Const(IRConst_F32i(0x80000000U)));
         PUT(OFF_I(20), IRExpr_Const(IRConst_F64(0.0)));
         compile_and_run(bb);
         fesetround(c_modes[mode]);
         volatile double va = a;
         volatile float  vf = f;
         double sq  = sqrt(va);
         float  sqf = sqrtf(vf);
         fesetround(FE_TONEAREST);
         UT_CHECK(same_f64(rd64(gs, OFF_I(10)), dbits(sq)));
         UT_CHECK(same_f32((UInt)rd64(gs, OFF_I(11)), fbits(sqf)));
         UT_CHECK_EQ(rd64(gs, OFF_I(12)), dbits(a) ^ 0x8000000000000000ULL);
         UT_CHECK_EQ(rd64(gs, OFF_I(13)), dbits(a) & 0x7FFFFFFFFFFFFFFFULL);
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(14)), fbits(f) ^ 0x80000000U);
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(15)), fbits(f) & 0x7FFFFFFFU);
         UT_CHECK_EQ(rd64(gs, OFF_I(16)), dbits(-2.75));
         UT_CHECK_EQ(rd64(gs, OFF_I(17)), 0x7FF0000000000001ULL);
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(18)), fbits(1.25f));
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(19)), 0x80000000U);
         UT_CHECK_EQ(rd64(gs, OFF_I(20)), 0);
      }
   check_mxcsr();
}

/* X (in [0, 2^64)) rounded to an unsigned 64-bit integer in the current
   rounding mode. */
static ULong ref_u64(long double x)
{
   if (x >= 9223372036854775808.0L)
      return (ULong)llrintl(x - 9223372036854775808.0L) + (1ULL << 63);
   return (ULong)llrintl(x);
}

/* Integer <-> FP conversions against the C library's (with long double
   for the unsigned 64-bit ones: its 64-bit mantissa holds them
   exactly). */
UNIT_TEST(isel_fp_int_conversions)
{
   Int n = 0;
   for (Int mode = 0; mode < 4; mode++)
      for (Int rep = 0; rep < 40; rep++) {
         begin();
         init_state();
         new_bb();
         Bool var = rep & 1;
         ULong i64 = rnd_val();
         double dv = rnd_double();
         /* in range of the conversions to integers */
         if (isnan(dv) || fabs(dv) > 9.2e18)
            dv = 12345.678;
         /* unsigned 64-bit: anywhere in [0, 2^64), often above 2^63 */
         double du = rnd() % 2 ? (double)(rnd() | (rnd() % 2 ? 1ULL << 63 : 0))
                               : fabs(dv);
         if (du >= 18446744073709551616.0)
            du = 18446744073709549568.0;
         double d32 = fmod(dv, 2147483647.0);
         double dpos32 = fmod(du, 4294967295.0);
         float  f = (float)d32;
         wr64(gs_init, OFF_I(0), i64);
         wr64(gs_init, OFF_I(1), dbits(dv));
         wr64(gs_init, OFF_I(2), dbits(du));
         wr64(gs_init, OFF_I(3), dbits(d32));
         wr64(gs_init, OFF_I(4), fbits(f));
         wr64(gs_init, OFF_I(5), dbits(dpos32));
         IRExpr* gi64 = GET(OFF_I(0), Ity_I64);
         IRExpr* gi32 = GET(OFF_I(0), Ity_I32);
         PUT(OFF_I(10), B(Iop_I64StoF64, RM(mode, var), gi64));
         PUT(OFF_I(11), B(Iop_I64UtoF64, RM(mode, var), gi64));
         PUT(OFF_I(12), U(Iop_I32StoF64, gi32));
         PUT(OFF_I(13), U(Iop_I32UtoF64, gi32));
         PUT(OFF_I(14), B(Iop_I32StoF32, RM(mode, var), gi32));
         PUT(OFF_I(15), B(Iop_I64StoF32, RM(mode, var), gi64));
         PUT(OFF_I(16), B(Iop_I32UtoF32, RM(mode, var), gi32));
         PUT(OFF_I(17), B(Iop_I64UtoF32, RM(mode, var), gi64));
         PUT(OFF_I(18), B(Iop_F64toI64S, RM(mode, var), GET(OFF_I(1), Ity_F64)));
         PUT(OFF_I(19), B(Iop_F64toI32S, RM(mode, var), GET(OFF_I(3), Ity_F64)));
         PUT(OFF_I(20), B(Iop_F64toI64U, RM(mode, var), GET(OFF_I(2), Ity_F64)));
         PUT(OFF_I(21), B(Iop_F64toI32U, RM(mode, var), GET(OFF_I(5), Ity_F64)));
         PUT(OFF_I(22), B(Iop_F32toI32S, RM(mode, var), GET(OFF_I(4), Ity_F32)));
         PUT(OFF_I(23), B(Iop_F32toI64S, RM(mode, var), GET(OFF_I(4), Ity_F32)));
         PUT(OFF_I(24), U(Iop_F32toF64, GET(OFF_I(4), Ity_F32)));
         PUT(OFF_I(25), B(Iop_F64toF32, RM(mode, var), GET(OFF_I(1), Ity_F64)));
         PUT(OFF_I(26), B(Iop_F64toI16S, RM(mode, var), GET(OFF_I(3), Ity_F64)));
         PUT(OFF_I(27), B(Iop_RoundF64toF32, RM(mode, var), GET(OFF_I(1), Ity_F64)));
         float fu = (float)du;
         if (fu >= 18446744073709551616.0f)
            fu = 18446742974197923840.0f;
         wr64(gs_init, OFF_I(6), fbits(fu));
         wr64(gs_init, OFF_I(7), fbits((float)dpos32));
         PUT(OFF_I(28), B(Iop_F32toI64U, RM(mode, var), GET(OFF_I(6), Ity_F32)));
         PUT(OFF_I(29), B(Iop_F32toI32U, RM(mode, var), GET(OFF_I(7), Ity_F32)));
         compile_and_run(bb);

         fesetround(c_modes[mode]);
         volatile Long  si = (Long)i64;
         volatile ULong ui = i64;
         volatile Int   si32 = (Int)i64;
         volatile UInt  ui32 = (UInt)i64;
         volatile double vdv = dv, vdu = du, vd32 = d32, vdp = dpos32;
         volatile float vf = f;
         double e10 = (double)si;
         double e11 = (double)(long double)ui;
         double e12 = (double)si32;
         double e13 = (double)ui32;
         float  e14 = (float)si32;
         float  e15 = (float)si;
         float  e16 = (float)(long double)ui32;
         float  e17 = (float)(long double)ui;
         Long   e18 = llrint(vdv);
         Int    e19 = (Int)lrint(vd32);
         ULong  e20 = ref_u64((long double)vdu);
         UInt   e21 = (UInt)llrint(vdp);
         Int    e22 = (Int)lrintf(vf);
         Long   e23 = llrintf(vf);
         double e24 = (double)vf;
         float  e25 = (float)vdv;
         Long   r16 = lrint(vd32);
         UShort e26 = (r16 >= -32768 && r16 <= 32767) ? (UShort)r16 : 0x8000;
         double e27 = (double)(float)vdv;
         volatile float vfu = fu, vfp = (float)dpos32;
         ULong  e28 = ref_u64((long double)vfu);
         UInt   e29 = (UInt)llrintf(vfp);
         fesetround(FE_TONEAREST);

         UT_CHECK_EQ(rd64(gs, OFF_I(10)), dbits(e10));
         UT_CHECK_EQ(rd64(gs, OFF_I(11)), dbits(e11));
         UT_CHECK_EQ(rd64(gs, OFF_I(12)), dbits(e12));
         UT_CHECK_EQ(rd64(gs, OFF_I(13)), dbits(e13));
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(14)), fbits(e14));
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(15)), fbits(e15));
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(16)), fbits(e16));
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(17)), fbits(e17));
         UT_CHECK_EQ(rd64(gs, OFF_I(18)), (ULong)e18);
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(19)), (UInt)e19);
         UT_CHECK_EQ(rd64(gs, OFF_I(20)), e20);
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(21)), e21);
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(22)), (UInt)e22);
         UT_CHECK_EQ(rd64(gs, OFF_I(23)), (ULong)e23);
         UT_CHECK_EQ(rd64(gs, OFF_I(24)), dbits(e24));
         UT_CHECK((UInt)rd64(gs, OFF_I(25)) == fbits(e25)
                  || (isnan(e25) && isnan(bitsf((UInt)rd64(gs, OFF_I(25))))));
         UT_CHECK_EQ((UShort)rd64(gs, OFF_I(26)), e26);
         UT_CHECK(same_f64(rd64(gs, OFF_I(27)), dbits(e27)));
         UT_CHECK_EQ(rd64(gs, OFF_I(28)), e28);
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(29)), e29);
         n += 20;
         if (ut_failures) {
            fprintf(stderr, "  mode %d i64 %llx dv %a du %a d32 %a f %a\n",
                    (int)mode, (unsigned long long)i64, dv, du, d32, f);
            return;
         }
      }
   check_mxcsr();
   printf("  %d conversion cases\n", (int)n);
}

UNIT_TEST(isel_fp_compares_and_reinterprets)
{
   for (Int rep = 0; rep < 300; rep++) {
      begin();
      init_state();
      new_bb();
      double a = rnd_double(), b = rep % 4 == 0 ? a : rnd_double();
      float  fa = (float)a, fb = rep % 5 == 0 ? fa : rnd_float();
      wr64(gs_init, OFF_I(0), dbits(a));
      wr64(gs_init, OFF_I(1), dbits(b));
      wr64(gs_init, OFF_I(2), fbits(fa));
      wr64(gs_init, OFF_I(3), fbits(fb));
      IRExpr* ea = GET(OFF_I(0), Ity_F64);
      if (rep & 1)
         ea = RD(LET(Ity_F64, ea));
      PUT(OFF_I(10), U(Iop_32Uto64, B(Iop_CmpF64, ea, GET(OFF_I(1), Ity_F64))));
      PUT(OFF_I(11), U(Iop_32Uto64, B(Iop_CmpF32, GET(OFF_I(2), Ity_F32),
                                      GET(OFF_I(3), Ity_F32))));
      PUT(OFF_I(12), U(Iop_ReinterpF64asI64, GET(OFF_I(0), Ity_F64)));
      PUT(OFF_I(13), U(Iop_ReinterpI64asF64, GET(OFF_I(1), Ity_I64)));
      PUT(OFF_I(14), U(Iop_32Uto64, U(Iop_ReinterpF32asI32,
                                      GET(OFF_I(2), Ity_F32))));
      PUT(OFF_I(15), U(Iop_ReinterpI32asF32, GET(OFF_I(3), Ity_I32)));
      /* the compare result deciding an exit */
      ST(IRStmt_Exit(B(Iop_CmpEQ32, B(Iop_CmpF64, GET(OFF_I(0), Ity_F64),
                                      GET(OFF_I(1), Ity_F64)),
                       C32(Ircr_UN)),
                     Ijk_Boring, IRConst_U64(0x800), OFF_PC));
      Int r = compile_and_run(bb);
      UInt e10 = isnan(a) || isnan(b) ? Ircr_UN : a < b ? Ircr_LT
               : a > b ? Ircr_GT : Ircr_EQ;
      UInt e11 = isnan(fa) || isnan(fb) ? Ircr_UN : fa < fb ? Ircr_LT
               : fa > fb ? Ircr_GT : Ircr_EQ;
      UT_CHECK_EQ(rd64(gs, OFF_I(10)), e10);
      UT_CHECK_EQ(rd64(gs, OFF_I(11)), e11);
      UT_CHECK_EQ(rd64(gs, OFF_I(12)), dbits(a));
      UT_CHECK_EQ(rd64(gs, OFF_I(13)), dbits(b));
      UT_CHECK_EQ(rd64(gs, OFF_I(14)), fbits(fa));
      UT_CHECK_EQ((UInt)rd64(gs, OFF_I(15)), fbits(fb));
      UT_CHECK_EQ(r, e10 == Ircr_UN ? EX_SLOW : EX_FAST);
      UT_CHECK_EQ(rd64(gs, OFF_PC), e10 == Ircr_UN ? 0x800 : 0x5000);
   }
}

/* Rounding to an integral value, maxNum/minNum, ITE and memory. */
UNIT_TEST(isel_fp_round_minmax_ite_memory)
{
   for (Int mode = 0; mode < 4; mode++)
      for (Int rep = 0; rep < 60; rep++) {
         begin();
         init_state();
         new_bb();
         double a = rep < N_DEDGES ? d_edges[rep] : rnd_double();
         double b = rnd_double();
         if (rep % 7 == 0)
            b = NAN;
         float  fa = (float)a, fb = (float)b;
         wr64(gs_init, OFF_I(0), dbits(a));
         wr64(gs_init, OFF_I(1), dbits(b));
         wr64(gs_init, OFF_I(2), fbits(fa));
         wr64(gs_init, OFF_I(3), fbits(fb));
         PUT(OFF_I(10), B(Iop_RoundF64toInt, RM(mode, rep & 1),
                          GET(OFF_I(0), Ity_F64)));
         PUT(OFF_I(11), B(Iop_RoundF32toInt, RM(mode, rep & 1),
                          GET(OFF_I(2), Ity_F32)));
         PUT(OFF_I(12), B(Iop_MaxNumF64, GET(OFF_I(0), Ity_F64),
                          GET(OFF_I(1), Ity_F64)));
         PUT(OFF_I(13), B(Iop_MinNumF64, GET(OFF_I(0), Ity_F64),
                          GET(OFF_I(1), Ity_F64)));
         PUT(OFF_I(14), B(Iop_MaxNumF32, GET(OFF_I(2), Ity_F32),
                          GET(OFF_I(3), Ity_F32)));
         PUT(OFF_I(15), B(Iop_MinNumF32, GET(OFF_I(2), Ity_F32),
                          GET(OFF_I(3), Ity_F32)));
         IRExpr* c = B(Iop_CmpLT64U, GET(OFF_I(4), Ity_I64),
                       GET(OFF_I(5), Ity_I64));
         PUT(OFF_I(16), IRExpr_ITE(c, GET(OFF_I(0), Ity_F64),
                                   GET(OFF_I(1), Ity_F64)));
         PUT(OFF_I(17), IRExpr_ITE(deepCopyIRExpr(c), GET(OFF_I(2), Ity_F32),
                                   GET(OFF_I(3), Ity_F32)));
         ST(IRStmt_Store(Iend_LE, MEMAT(16), GET(OFF_I(0), Ity_F64)));
         ST(IRStmt_Store(Iend_LE, MEMAT(40), GET(OFF_I(2), Ity_F32)));
         PUT(OFF_I(18), LD(Ity_F64, MEMAT(16)));
         PUT(OFF_I(19), U(Iop_32Uto64, U(Iop_ReinterpF32asI32,
                                         LD(Ity_F32, MEMAT(40)))));
         compile_and_run(bb);
         fesetround(c_modes[mode]);
         volatile double va = a;
         volatile float  vfa = fa;
         double r10 = nearbyint(va);
         float  r11 = nearbyintf(vfa);
         fesetround(FE_TONEAREST);
         UT_CHECK(same_f64(rd64(gs, OFF_I(10)), dbits(r10)));
         UT_CHECK(same_f32((UInt)rd64(gs, OFF_I(11)), fbits(r11)));
         if (!(a == 0 && b == 0)) {   /* fmax/fmin may pick either zero */
            UT_CHECK(same_f64(rd64(gs, OFF_I(12)), dbits(fmax(a, b))));
            UT_CHECK(same_f64(rd64(gs, OFF_I(13)), dbits(fmin(a, b))));
         }
         if (!(fa == 0 && fb == 0)) {
            UT_CHECK(same_f32((UInt)rd64(gs, OFF_I(14)), fbits(fmaxf(fa, fb))));
            UT_CHECK(same_f32((UInt)rd64(gs, OFF_I(15)), fbits(fminf(fa, fb))));
         }
         Bool cv = rd64(gs_init, OFF_I(4)) < rd64(gs_init, OFF_I(5));
         UT_CHECK_EQ(rd64(gs, OFF_I(16)), cv ? dbits(a) : dbits(b));
         UT_CHECK_EQ((UInt)rd64(gs, OFF_I(17)), cv ? fbits(fa) : fbits(fb));
         UT_CHECK_EQ(rd64(gs, OFF_I(18)), dbits(a));
         UT_CHECK_EQ(rd64(gs, OFF_I(19)), fbits(fa));
         UT_CHECK_EQ(rd64(mem, 16), dbits(a));
         if (ut_failures) {
            fprintf(stderr, "  mode %d a %a b %a\n", (int)mode, a, b);
            return;
         }
      }
   check_mxcsr();
}

/* ================================================================== */
/* V128: table-driven                                                 */
/* ================================================================== */

static TV rnd_tv(void)
{
   TV v;
   Int style = (Int)(rnd() % 4);
   for (Int i = 0; i < 2; i++)
      v.q[i] = rnd_val();
   if (style == 1)
      for (Int i = 0; i < 16; i++)
         v.b[i] = (uint8_t)(rnd() % 2 ? rnd_val() : rnd());
   if (style == 2)
      for (Int i = 0; i < 4; i++)
         v.f[i] = rnd_float();
   if (style == 3)
      for (Int i = 0; i < 2; i++)
         v.d[i] = rnd_double();
   return v;
}

static void put_tv(UChar* g, Int off, TV v)
{
   memcpy(g + off, &v, 16);
}

static TV get_tv(const UChar* g, Int off)
{
   TV v;
   memcpy(&v, g + off, 16);
   return v;
}

typedef void (*RefBin)(TV* r, const TV* a, const TV* b);

#define SAT(v, lo, hi) ((v) < (lo) ? (lo) : (v) > (hi) ? (hi) : (v))

/* Lane-wise references: R for lanes 0..N-1 of FIELD. */
#define REF2(name, N, field, expr)                                       \
   static void name(TV* r, const TV* a, const TV* b)                     \
   {                                                                     \
      TV t;                                                              \
      for (int i = 0; i < (N); i++)                                      \
         t.field[i] = (expr);                                            \
      *r = t;                                                            \
   }

REF2(r_And, 2, q, a->q[i] & b->q[i])
REF2(r_Or, 2, q, a->q[i] | b->q[i])
REF2(r_Xor, 2, q, a->q[i] ^ b->q[i])
REF2(r_Add8, 16, b, a->b[i] + b->b[i])
REF2(r_Add16, 8, h, a->h[i] + b->h[i])
REF2(r_Add32, 4, w, a->w[i] + b->w[i])
REF2(r_Add64, 2, q, a->q[i] + b->q[i])
REF2(r_Sub8, 16, b, a->b[i] - b->b[i])
REF2(r_Sub16, 8, h, a->h[i] - b->h[i])
REF2(r_Sub32, 4, w, a->w[i] - b->w[i])
REF2(r_Sub64, 2, q, a->q[i] - b->q[i])
REF2(r_QAdd8U, 16, b, SAT((int)a->b[i] + b->b[i], 0, 255))
REF2(r_QAdd16U, 8, h, SAT((int)a->h[i] + b->h[i], 0, 65535))
REF2(r_QAdd32U, 4, w, SAT((int64_t)a->w[i] + b->w[i], 0, 0xFFFFFFFFLL))
REF2(r_QAdd64U, 2, q, a->q[i] + b->q[i] < a->q[i] ? UINT64_MAX
                                                  : a->q[i] + b->q[i])
REF2(r_QAdd8S, 16, sb, SAT((int)a->sb[i] + b->sb[i], -128, 127))
REF2(r_QAdd16S, 8, sh, SAT((int)a->sh[i] + b->sh[i], -32768, 32767))
REF2(r_QAdd32S, 4, sw, SAT((int64_t)a->sw[i] + b->sw[i], INT32_MIN, INT32_MAX))
REF2(r_QAdd64S, 2, sq, (int64_t)SAT((__int128)a->sq[i] + b->sq[i],
                                    (__int128)INT64_MIN, (__int128)INT64_MAX))
REF2(r_QSub8U, 16, b, SAT((int)a->b[i] - b->b[i], 0, 255))
REF2(r_QSub16U, 8, h, SAT((int)a->h[i] - b->h[i], 0, 65535))
REF2(r_QSub32U, 4, w, SAT((int64_t)a->w[i] - b->w[i], 0, 0xFFFFFFFFLL))
REF2(r_QSub64U, 2, q, a->q[i] < b->q[i] ? 0 : a->q[i] - b->q[i])
REF2(r_QSub8S, 16, sb, SAT((int)a->sb[i] - b->sb[i], -128, 127))
REF2(r_QSub16S, 8, sh, SAT((int)a->sh[i] - b->sh[i], -32768, 32767))
REF2(r_QSub32S, 4, sw, SAT((int64_t)a->sw[i] - b->sw[i], INT32_MIN, INT32_MAX))
REF2(r_QSub64S, 2, sq, (int64_t)SAT((__int128)a->sq[i] - b->sq[i],
                                    (__int128)INT64_MIN, (__int128)INT64_MAX))
REF2(r_Mul8, 16, b, a->b[i] * b->b[i])
REF2(r_Mul16, 8, h, a->h[i] * b->h[i])
REF2(r_Mul32, 4, w, a->w[i] * b->w[i])
REF2(r_MulHi16U, 8, h, ((uint32_t)a->h[i] * b->h[i]) >> 16)
REF2(r_MulHi16S, 8, sh, ((int32_t)a->sh[i] * b->sh[i]) >> 16)
REF2(r_MulHi32U, 4, w, ((uint64_t)a->w[i] * b->w[i]) >> 32)
REF2(r_MulHi32S, 4, sw, ((int64_t)a->sw[i] * b->sw[i]) >> 32)
REF2(r_MullEven8U, 8, h, (uint16_t)(a->b[2 * i] * b->b[2 * i]))
REF2(r_MullEven8S, 8, sh, (int16_t)(a->sb[2 * i] * b->sb[2 * i]))
REF2(r_MullEven16U, 4, w, (uint32_t)a->h[2 * i] * b->h[2 * i])
REF2(r_MullEven16S, 4, sw, (int32_t)a->sh[2 * i] * b->sh[2 * i])
REF2(r_MullEven32U, 2, q, (uint64_t)a->w[2 * i] * b->w[2 * i])
REF2(r_MullEven32S, 2, sq, (int64_t)a->sw[2 * i] * b->sw[2 * i])
REF2(r_Avg8U, 16, b, ((int)a->b[i] + b->b[i] + 1) >> 1)
REF2(r_Avg16U, 8, h, ((int)a->h[i] + b->h[i] + 1) >> 1)
REF2(r_Max8S, 16, sb, a->sb[i] > b->sb[i] ? a->sb[i] : b->sb[i])
REF2(r_Max16S, 8, sh, a->sh[i] > b->sh[i] ? a->sh[i] : b->sh[i])
REF2(r_Max32S, 4, sw, a->sw[i] > b->sw[i] ? a->sw[i] : b->sw[i])
REF2(r_Max8U, 16, b, a->b[i] > b->b[i] ? a->b[i] : b->b[i])
REF2(r_Max16U, 8, h, a->h[i] > b->h[i] ? a->h[i] : b->h[i])
REF2(r_Max32U, 4, w, a->w[i] > b->w[i] ? a->w[i] : b->w[i])
REF2(r_Min8S, 16, sb, a->sb[i] < b->sb[i] ? a->sb[i] : b->sb[i])
REF2(r_Min16S, 8, sh, a->sh[i] < b->sh[i] ? a->sh[i] : b->sh[i])
REF2(r_Min32S, 4, sw, a->sw[i] < b->sw[i] ? a->sw[i] : b->sw[i])
REF2(r_Min8U, 16, b, a->b[i] < b->b[i] ? a->b[i] : b->b[i])
REF2(r_Min16U, 8, h, a->h[i] < b->h[i] ? a->h[i] : b->h[i])
REF2(r_Min32U, 4, w, a->w[i] < b->w[i] ? a->w[i] : b->w[i])
REF2(r_CmpEQ8, 16, b, a->b[i] == b->b[i] ? 0xFF : 0)
REF2(r_CmpEQ16, 8, h, a->h[i] == b->h[i] ? 0xFFFF : 0)
REF2(r_CmpEQ32, 4, w, a->w[i] == b->w[i] ? 0xFFFFFFFFU : 0)
REF2(r_CmpEQ64, 2, q, a->q[i] == b->q[i] ? UINT64_MAX : 0)
REF2(r_CmpGT8S, 16, b, a->sb[i] > b->sb[i] ? 0xFF : 0)
REF2(r_CmpGT16S, 8, h, a->sh[i] > b->sh[i] ? 0xFFFF : 0)
REF2(r_CmpGT32S, 4, w, a->sw[i] > b->sw[i] ? 0xFFFFFFFFU : 0)
REF2(r_CmpGT64S, 2, q, a->sq[i] > b->sq[i] ? UINT64_MAX : 0)
REF2(r_CmpGT8U, 16, b, a->b[i] > b->b[i] ? 0xFF : 0)
REF2(r_CmpGT16U, 8, h, a->h[i] > b->h[i] ? 0xFFFF : 0)
REF2(r_CmpGT32U, 4, w, a->w[i] > b->w[i] ? 0xFFFFFFFFU : 0)
REF2(r_Shl8, 16, b, b->b[i] >= 8 ? 0 : (uint8_t)(a->b[i] << b->b[i]))
REF2(r_Shr8, 16, b, b->b[i] >= 8 ? 0 : a->b[i] >> b->b[i])
REF2(r_Sar8, 16, sb, a->sb[i] >> (b->b[i] >= 8 ? 7 : b->b[i]))
REF2(r_Shl16, 8, h, b->h[i] >= 16 ? 0 : (uint16_t)(a->h[i] << b->h[i]))
REF2(r_Shr16, 8, h, b->h[i] >= 16 ? 0 : a->h[i] >> b->h[i])
REF2(r_Sar16, 8, sh, a->sh[i] >> (b->h[i] >= 16 ? 15 : b->h[i]))
REF2(r_Shl32, 4, w, b->w[i] >= 32 ? 0 : a->w[i] << b->w[i])
REF2(r_Shr32, 4, w, b->w[i] >= 32 ? 0 : a->w[i] >> b->w[i])
REF2(r_Sar32, 4, sw, a->sw[i] >> (b->w[i] >= 32 ? 31 : b->w[i]))
REF2(r_Shl64, 2, q, b->q[i] >= 64 ? 0 : a->q[i] << b->q[i])
REF2(r_Shr64, 2, q, b->q[i] >= 64 ? 0 : a->q[i] >> b->q[i])
REF2(r_Sar64, 2, sq, a->sq[i] >> (b->q[i] >= 64 ? 63 : b->q[i]))
/* Narrowing and interleaving: lanes of B low, of A high. */
REF2(r_QNarrow16Sto8S, 16, sb, SAT(i < 8 ? b->sh[i] : a->sh[i - 8], -128, 127))
REF2(r_QNarrow16Sto8U, 16, b, SAT(i < 8 ? b->sh[i] : a->sh[i - 8], 0, 255))
REF2(r_QNarrow32Sto16S, 8, sh,
     SAT(i < 4 ? b->sw[i] : a->sw[i - 4], -32768, 32767))
REF2(r_QNarrow32Sto16U, 8, h, SAT(i < 4 ? b->sw[i] : a->sw[i - 4], 0, 65535))
REF2(r_Narrow16to8, 16, b, i < 8 ? b->h[i] : a->h[i - 8])
REF2(r_Narrow32to16, 8, h, i < 4 ? b->w[i] : a->w[i - 4])
REF2(r_Narrow64to32, 4, w, i < 2 ? b->q[i] : a->q[i - 2])
REF2(r_InterleaveLO8, 16, b, (i & 1) ? a->b[i / 2] : b->b[i / 2])
REF2(r_InterleaveLO16, 8, h, (i & 1) ? a->h[i / 2] : b->h[i / 2])
REF2(r_InterleaveLO32, 4, w, (i & 1) ? a->w[i / 2] : b->w[i / 2])
REF2(r_InterleaveLO64, 2, q, (i & 1) ? a->q[i / 2] : b->q[i / 2])
REF2(r_InterleaveHI8, 16, b, (i & 1) ? a->b[8 + i / 2] : b->b[8 + i / 2])
REF2(r_InterleaveHI16, 8, h, (i & 1) ? a->h[4 + i / 2] : b->h[4 + i / 2])
REF2(r_InterleaveHI32, 4, w, (i & 1) ? a->w[2 + i / 2] : b->w[2 + i / 2])
REF2(r_InterleaveHI64, 2, q, (i & 1) ? a->q[1] : b->q[1])
REF2(r_CatEven8, 16, b, i < 8 ? b->b[2 * i] : a->b[2 * (i - 8)])
REF2(r_CatOdd8, 16, b, i < 8 ? b->b[2 * i + 1] : a->b[2 * (i - 8) + 1])
REF2(r_CatEven16, 8, h, i < 4 ? b->h[2 * i] : a->h[2 * (i - 4)])
REF2(r_CatOdd16, 8, h, i < 4 ? b->h[2 * i + 1] : a->h[2 * (i - 4) + 1])
REF2(r_CatEven32, 4, w, i < 2 ? b->w[2 * i] : a->w[2 * (i - 2)])
REF2(r_CatOdd32, 4, w, i < 2 ? b->w[2 * i + 1] : a->w[2 * (i - 2) + 1])
REF2(r_Perm8, 16, b, a->b[b->b[i] & 15])
REF2(r_PermOrZero8, 16, b, (b->b[i] & 0x80) ? 0 : a->b[b->b[i] & 15])
REF2(r_Perm32, 4, w, a->w[b->w[i] & 3])

/* SSE float semantics. */
static float sse_maxf(float a, float b) { return a > b ? a : b; }
static float sse_minf(float a, float b) { return a < b ? a : b; }
static double sse_maxd(double a, double b) { return a > b ? a : b; }
static double sse_mind(double a, double b) { return a < b ? a : b; }
REF2(r_Max32Fx4, 4, f, sse_maxf(a->f[i], b->f[i]))
REF2(r_Min32Fx4, 4, f, sse_minf(a->f[i], b->f[i]))
REF2(r_Max64Fx2, 2, d, sse_maxd(a->d[i], b->d[i]))
REF2(r_Min64Fx2, 2, d, sse_mind(a->d[i], b->d[i]))
REF2(r_CmpEQ32F, 4, w, a->f[i] == b->f[i] ? 0xFFFFFFFFU : 0)
REF2(r_CmpLT32F, 4, w, a->f[i] < b->f[i] ? 0xFFFFFFFFU : 0)
REF2(r_CmpLE32F, 4, w, a->f[i] <= b->f[i] ? 0xFFFFFFFFU : 0)
REF2(r_CmpUN32F, 4, w, isnan(a->f[i]) || isnan(b->f[i]) ? 0xFFFFFFFFU : 0)
REF2(r_CmpGT32F, 4, w, a->f[i] > b->f[i] ? 0xFFFFFFFFU : 0)
REF2(r_CmpGE32F, 4, w, a->f[i] >= b->f[i] ? 0xFFFFFFFFU : 0)
REF2(r_CmpEQ64F, 2, q, a->d[i] == b->d[i] ? UINT64_MAX : 0)
REF2(r_CmpLT64F, 2, q, a->d[i] < b->d[i] ? UINT64_MAX : 0)
REF2(r_CmpLE64F, 2, q, a->d[i] <= b->d[i] ? UINT64_MAX : 0)
REF2(r_CmpUN64F, 2, q, isnan(a->d[i]) || isnan(b->d[i]) ? UINT64_MAX : 0)

/* Lowest-lane ops: lane 0 computed, the rest from A. */
#define REF_LO32(name, expr)                                             \
   static void name(TV* r, const TV* a, const TV* b)                     \
   {                                                                     \
      TV t = *a;                                                         \
      volatile float x = a->f[0], y = b->f[0];                           \
      (void)x; (void)y;                                                  \
      expr;                                                              \
      *r = t;                                                            \
   }
#define REF_LO64(name, expr)                                             \
   static void name(TV* r, const TV* a, const TV* b)                     \
   {                                                                     \
      TV t = *a;                                                         \
      volatile double x = a->d[0], y = b->d[0];                          \
      (void)x; (void)y;                                                  \
      expr;                                                              \
      *r = t;                                                            \
   }
REF_LO32(r_Add32F0, t.f[0] = x + y)
REF_LO32(r_Sub32F0, t.f[0] = x - y)
REF_LO32(r_Mul32F0, t.f[0] = x * y)
REF_LO32(r_Div32F0, t.f[0] = x / y)
REF_LO32(r_Max32F0, t.f[0] = sse_maxf(x, y))
REF_LO32(r_Min32F0, t.f[0] = sse_minf(x, y))
REF_LO32(r_CmpEQ32F0, t.w[0] = x == y ? 0xFFFFFFFFU : 0)
REF_LO32(r_CmpLT32F0, t.w[0] = x < y ? 0xFFFFFFFFU : 0)
REF_LO32(r_CmpLE32F0, t.w[0] = x <= y ? 0xFFFFFFFFU : 0)
REF_LO32(r_CmpUN32F0, t.w[0] = isnan(x) || isnan(y) ? 0xFFFFFFFFU : 0)
REF_LO64(r_Add64F0, t.d[0] = x + y)
REF_LO64(r_Sub64F0, t.d[0] = x - y)
REF_LO64(r_Mul64F0, t.d[0] = x * y)
REF_LO64(r_Div64F0, t.d[0] = x / y)
REF_LO64(r_Max64F0, t.d[0] = sse_maxd(x, y))
REF_LO64(r_Min64F0, t.d[0] = sse_mind(x, y))
REF_LO64(r_CmpEQ64F0, t.q[0] = x == y ? UINT64_MAX : 0)
REF_LO64(r_CmpLT64F0, t.q[0] = x < y ? UINT64_MAX : 0)
REF_LO64(r_CmpLE64F0, t.q[0] = x <= y ? UINT64_MAX : 0)
REF_LO64(r_CmpUN64F0, t.q[0] = isnan(x) || isnan(y) ? UINT64_MAX : 0)

typedef struct {
   IROp   op;
   RefBin ref;
   Bool   floatLanes;   /* NaN results: any NaN will do */
   Bool   smallB;       /* B's lanes are shift amounts / indices */
} BinCase;

static const BinCase bin_cases[] = {
   { Iop_AndV128, r_And, 0, 0 }, { Iop_OrV128, r_Or, 0, 0 },
   { Iop_XorV128, r_Xor, 0, 0 },
   { Iop_Add8x16, r_Add8, 0, 0 }, { Iop_Add16x8, r_Add16, 0, 0 },
   { Iop_Add32x4, r_Add32, 0, 0 }, { Iop_Add64x2, r_Add64, 0, 0 },
   { Iop_Sub8x16, r_Sub8, 0, 0 }, { Iop_Sub16x8, r_Sub16, 0, 0 },
   { Iop_Sub32x4, r_Sub32, 0, 0 }, { Iop_Sub64x2, r_Sub64, 0, 0 },
   { Iop_QAdd8Ux16, r_QAdd8U, 0, 0 }, { Iop_QAdd16Ux8, r_QAdd16U, 0, 0 },
   { Iop_QAdd32Ux4, r_QAdd32U, 0, 0 }, { Iop_QAdd64Ux2, r_QAdd64U, 0, 0 },
   { Iop_QAdd8Sx16, r_QAdd8S, 0, 0 }, { Iop_QAdd16Sx8, r_QAdd16S, 0, 0 },
   { Iop_QAdd32Sx4, r_QAdd32S, 0, 0 }, { Iop_QAdd64Sx2, r_QAdd64S, 0, 0 },
   { Iop_QSub8Ux16, r_QSub8U, 0, 0 }, { Iop_QSub16Ux8, r_QSub16U, 0, 0 },
   { Iop_QSub32Ux4, r_QSub32U, 0, 0 }, { Iop_QSub64Ux2, r_QSub64U, 0, 0 },
   { Iop_QSub8Sx16, r_QSub8S, 0, 0 }, { Iop_QSub16Sx8, r_QSub16S, 0, 0 },
   { Iop_QSub32Sx4, r_QSub32S, 0, 0 }, { Iop_QSub64Sx2, r_QSub64S, 0, 0 },
   { Iop_Mul8x16, r_Mul8, 0, 0 }, { Iop_Mul16x8, r_Mul16, 0, 0 },
   { Iop_Mul32x4, r_Mul32, 0, 0 },
   { Iop_MulHi16Ux8, r_MulHi16U, 0, 0 }, { Iop_MulHi16Sx8, r_MulHi16S, 0, 0 },
   { Iop_MulHi32Ux4, r_MulHi32U, 0, 0 }, { Iop_MulHi32Sx4, r_MulHi32S, 0, 0 },
   { Iop_MullEven8Ux16, r_MullEven8U, 0, 0 },
   { Iop_MullEven8Sx16, r_MullEven8S, 0, 0 },
   { Iop_MullEven16Ux8, r_MullEven16U, 0, 0 },
   { Iop_MullEven16Sx8, r_MullEven16S, 0, 0 },
   { Iop_MullEven32Ux4, r_MullEven32U, 0, 0 },
   { Iop_MullEven32Sx4, r_MullEven32S, 0, 0 },
   { Iop_Avg8Ux16, r_Avg8U, 0, 0 }, { Iop_Avg16Ux8, r_Avg16U, 0, 0 },
   { Iop_Max8Sx16, r_Max8S, 0, 0 }, { Iop_Max16Sx8, r_Max16S, 0, 0 },
   { Iop_Max32Sx4, r_Max32S, 0, 0 }, { Iop_Max8Ux16, r_Max8U, 0, 0 },
   { Iop_Max16Ux8, r_Max16U, 0, 0 }, { Iop_Max32Ux4, r_Max32U, 0, 0 },
   { Iop_Min8Sx16, r_Min8S, 0, 0 }, { Iop_Min16Sx8, r_Min16S, 0, 0 },
   { Iop_Min32Sx4, r_Min32S, 0, 0 }, { Iop_Min8Ux16, r_Min8U, 0, 0 },
   { Iop_Min16Ux8, r_Min16U, 0, 0 }, { Iop_Min32Ux4, r_Min32U, 0, 0 },
   { Iop_CmpEQ8x16, r_CmpEQ8, 0, 0 }, { Iop_CmpEQ16x8, r_CmpEQ16, 0, 0 },
   { Iop_CmpEQ32x4, r_CmpEQ32, 0, 0 }, { Iop_CmpEQ64x2, r_CmpEQ64, 0, 0 },
   { Iop_CmpGT8Sx16, r_CmpGT8S, 0, 0 }, { Iop_CmpGT16Sx8, r_CmpGT16S, 0, 0 },
   { Iop_CmpGT32Sx4, r_CmpGT32S, 0, 0 }, { Iop_CmpGT64Sx2, r_CmpGT64S, 0, 0 },
   { Iop_CmpGT8Ux16, r_CmpGT8U, 0, 0 }, { Iop_CmpGT16Ux8, r_CmpGT16U, 0, 0 },
   { Iop_CmpGT32Ux4, r_CmpGT32U, 0, 0 },
   { Iop_Shl8x16, r_Shl8, 0, 1 }, { Iop_Shr8x16, r_Shr8, 0, 1 },
   { Iop_Sar8x16, r_Sar8, 0, 1 }, { Iop_Shl16x8, r_Shl16, 0, 1 },
   { Iop_Shr16x8, r_Shr16, 0, 1 }, { Iop_Sar16x8, r_Sar16, 0, 1 },
   { Iop_Shl32x4, r_Shl32, 0, 1 }, { Iop_Shr32x4, r_Shr32, 0, 1 },
   { Iop_Sar32x4, r_Sar32, 0, 1 }, { Iop_Shl64x2, r_Shl64, 0, 1 },
   { Iop_Shr64x2, r_Shr64, 0, 1 }, { Iop_Sar64x2, r_Sar64, 0, 1 },
   { Iop_QNarrowBin16Sto8Sx16, r_QNarrow16Sto8S, 0, 0 },
   { Iop_QNarrowBin16Sto8Ux16, r_QNarrow16Sto8U, 0, 0 },
   { Iop_QNarrowBin32Sto16Sx8, r_QNarrow32Sto16S, 0, 0 },
   { Iop_QNarrowBin32Sto16Ux8, r_QNarrow32Sto16U, 0, 0 },
   { Iop_NarrowBin16to8x16, r_Narrow16to8, 0, 0 },
   { Iop_NarrowBin32to16x8, r_Narrow32to16, 0, 0 },
   { Iop_NarrowBin64to32x4, r_Narrow64to32, 0, 0 },
   { Iop_InterleaveLO8x16, r_InterleaveLO8, 0, 0 },
   { Iop_InterleaveLO16x8, r_InterleaveLO16, 0, 0 },
   { Iop_InterleaveLO32x4, r_InterleaveLO32, 0, 0 },
   { Iop_InterleaveLO64x2, r_InterleaveLO64, 0, 0 },
   { Iop_InterleaveHI8x16, r_InterleaveHI8, 0, 0 },
   { Iop_InterleaveHI16x8, r_InterleaveHI16, 0, 0 },
   { Iop_InterleaveHI32x4, r_InterleaveHI32, 0, 0 },
   { Iop_InterleaveHI64x2, r_InterleaveHI64, 0, 0 },
   { Iop_CatEvenLanes8x16, r_CatEven8, 0, 0 },
   { Iop_CatOddLanes8x16, r_CatOdd8, 0, 0 },
   { Iop_CatEvenLanes16x8, r_CatEven16, 0, 0 },
   { Iop_CatOddLanes16x8, r_CatOdd16, 0, 0 },
   { Iop_CatEvenLanes32x4, r_CatEven32, 0, 0 },
   { Iop_CatOddLanes32x4, r_CatOdd32, 0, 0 },
   { Iop_Perm8x16, r_Perm8, 0, 1 }, { Iop_PermOrZero8x16, r_PermOrZero8, 0, 0 },
   { Iop_Perm32x4, r_Perm32, 0, 1 },
   { Iop_Max32Fx4, r_Max32Fx4, 1, 0 }, { Iop_Min32Fx4, r_Min32Fx4, 1, 0 },
   { Iop_Max64Fx2, r_Max64Fx2, 1, 0 }, { Iop_Min64Fx2, r_Min64Fx2, 1, 0 },
   { Iop_CmpEQ32Fx4, r_CmpEQ32F, 0, 0 }, { Iop_CmpLT32Fx4, r_CmpLT32F, 0, 0 },
   { Iop_CmpLE32Fx4, r_CmpLE32F, 0, 0 }, { Iop_CmpUN32Fx4, r_CmpUN32F, 0, 0 },
   { Iop_CmpGT32Fx4, r_CmpGT32F, 0, 0 }, { Iop_CmpGE32Fx4, r_CmpGE32F, 0, 0 },
   { Iop_CmpEQ64Fx2, r_CmpEQ64F, 0, 0 }, { Iop_CmpLT64Fx2, r_CmpLT64F, 0, 0 },
   { Iop_CmpLE64Fx2, r_CmpLE64F, 0, 0 }, { Iop_CmpUN64Fx2, r_CmpUN64F, 0, 0 },
   { Iop_Add32F0x4, r_Add32F0, 1, 0 }, { Iop_Sub32F0x4, r_Sub32F0, 1, 0 },
   { Iop_Mul32F0x4, r_Mul32F0, 1, 0 }, { Iop_Div32F0x4, r_Div32F0, 1, 0 },
   { Iop_Max32F0x4, r_Max32F0, 1, 0 }, { Iop_Min32F0x4, r_Min32F0, 1, 0 },
   { Iop_CmpEQ32F0x4, r_CmpEQ32F0, 0, 0 },
   { Iop_CmpLT32F0x4, r_CmpLT32F0, 0, 0 },
   { Iop_CmpLE32F0x4, r_CmpLE32F0, 0, 0 },
   { Iop_CmpUN32F0x4, r_CmpUN32F0, 0, 0 },
   { Iop_Add64F0x2, r_Add64F0, 1, 0 }, { Iop_Sub64F0x2, r_Sub64F0, 1, 0 },
   { Iop_Mul64F0x2, r_Mul64F0, 1, 0 }, { Iop_Div64F0x2, r_Div64F0, 1, 0 },
   { Iop_Max64F0x2, r_Max64F0, 1, 0 }, { Iop_Min64F0x2, r_Min64F0, 1, 0 },
   { Iop_CmpEQ64F0x2, r_CmpEQ64F0, 0, 0 },
   { Iop_CmpLT64F0x2, r_CmpLT64F0, 0, 0 },
   { Iop_CmpLE64F0x2, r_CmpLE64F0, 0, 0 },
   { Iop_CmpUN64F0x2, r_CmpUN64F0, 0, 0 },
};
#define N_BIN_CASES ((Int)(sizeof bin_cases / sizeof bin_cases[0]))

/* Equal, or (float lanes) both NaN lane by lane, for lanes of SZ. */
static Bool same_tv(const TV* x, const TV* y, Bool floatLanes, Int sz)
{
   if (memcmp(x, y, 16) == 0)
      return True;
   if (!floatLanes)
      return False;
   for (Int i = 0; i < 16 / sz; i++) {
      if (sz == 4 ? !same_f32(x->w[i], y->w[i]) : !same_f64(x->q[i], y->q[i]))
         return False;
   }
   return True;
}

static Bool is64FloatOp(IROp op)
{
   const char* n = nameOfIROp(op);
   return strstr(n, "64F") != NULL;
}

static void print_tv(const char* what, const TV* v)
{
   fprintf(stderr, "    %s %016llx:%016llx\n", what,
           (unsigned long long)v->q[1], (unsigned long long)v->q[0]);
}

/* Runs every binary case REPS times on host description HWCAPS. */
static Int run_bin_cases(UInt hwcaps, Int reps)
{
   Int n = 0;
   for (Int k = 0; k < N_BIN_CASES; k++) {
      const BinCase* c = &bin_cases[k];
      for (Int rep = 0; rep < reps; rep++) {
         begin();
         init_state();
         new_bb();
         TV a = rnd_tv(), b = rnd_tv();
         if (c->smallB)
            for (Int i = 0; i < 16; i++)
               b.b[i] = (uint8_t)(rnd() % 2 ? rnd() % 20 : b.b[i] & 0x8F);
         if (rep % 5 == 4)
            b = a;
         put_tv(gs_init, OFF_V(0), a);
         put_tv(gs_init, OFF_V(1), b);
         IRExpr* ea = GET(OFF_V(0), Ity_V128);
         IRExpr* eb = GET(OFF_V(1), Ity_V128);
         if (rep & 1) {
            ea = RD(LET(Ity_V128, ea));
            eb = RD(LET(Ity_V128, eb));
         }
         IRExpr* e = B(c->op, ea, eb);
         if (rep & 2)
            ST(IRStmt_Store(Iend_LE, MEMAT(64), e));
         else
            PUT(OFF_V(2), e);
         sanity(bb, False);
         CompileOpts o = default_opts();
         o.hwcaps = hwcaps;
         run_native(compile(bb, &o));
         TV got = (rep & 2) ? get_tv(mem, 64) : get_tv(gs, OFF_V(2)), want;
         c->ref(&want, &a, &b);
         if (!same_tv(&got, &want, c->floatLanes, is64FloatOp(c->op) ? 8 : 4)) {
            UT_CHECK(0);
            fprintf(stderr, "  %s (hwcaps %x) wrong:\n", nameOfIROp(c->op),
                    hwcaps);
            print_tv("a   ", &a);
            print_tv("b   ", &b);
            print_tv("got ", &got);
            print_tv("want", &want);
            break;
         }
         n++;
      }
   }
   return n;
}

UNIT_TEST(isel_v128_binops)
{
   Int n = run_bin_cases(host_hwcaps(), 24);
   printf("  %d V128 binop cases (%d ops)\n", (int)n, (int)N_BIN_CASES);
}

UNIT_TEST(isel_v128_binops_baseline_sse2)
{
   /* No SSSE3/SSE4: pshufb, pmulld, pmaxsb/sd/ud/uw, pminsb/sd/ud/uw,
      pcmpeqq, packusdw, pcmpgtq are replaced by other code. */
   Int n = run_bin_cases(0, 8);
   printf("  %d V128 binop cases on SSE2\n", (int)n);
}

/* Float-lane arithmetic with rounding modes (triops), sqrt. */
UNIT_TEST(isel_v128_float_arith_rounding)
{
   static const IROp ops[] = {
      Iop_Add32Fx4, Iop_Sub32Fx4, Iop_Mul32Fx4, Iop_Div32Fx4,
      Iop_Add64Fx2, Iop_Sub64Fx2, Iop_Mul64Fx2, Iop_Div64Fx2
   };
   for (Int k = 0; k < 8; k++)
      for (Int mode = 0; mode < 4; mode++)
         for (Int rep = 0; rep < 6; rep++) {
            begin();
            init_state();
            new_bb();
            TV a = rnd_tv(), b = rnd_tv();
            put_tv(gs_init, OFF_V(0), a);
            put_tv(gs_init, OFF_V(1), b);
            PUT(OFF_V(2), IRExpr_Triop(ops[k], RM(mode, rep & 1),
                                       GET(OFF_V(0), Ity_V128),
                                       GET(OFF_V(1), Ity_V128)));
            PUT(OFF_V(3), B(k < 4 ? Iop_Sqrt32Fx4 : Iop_Sqrt64Fx2,
                            RM(mode, rep & 1), GET(OFF_V(0), Ity_V128)));
            compile_and_run(bb);
            TV want, wsq;
            fesetround(c_modes[mode]);
            for (Int i = 0; i < (k < 4 ? 4 : 2); i++) {
               if (k < 4) {
                  volatile float x = a.f[i], y = b.f[i];
                  want.f[i] = k == 0 ? x + y : k == 1 ? x - y
                            : k == 2 ? x * y : x / y;
                  wsq.f[i] = sqrtf(x);
               } else {
                  volatile double x = a.d[i], y = b.d[i];
                  want.d[i] = k == 4 ? x + y : k == 5 ? x - y
                            : k == 6 ? x * y : x / y;
                  wsq.d[i] = sqrt(x);
               }
            }
            fesetround(FE_TONEAREST);
            TV got = get_tv(gs, OFF_V(2)), gsq = get_tv(gs, OFF_V(3));
            UT_CHECK(same_tv(&got, &want, True, k < 4 ? 4 : 8));
            UT_CHECK(same_tv(&gsq, &wsq, True, k < 4 ? 4 : 8));
            if (ut_failures) {
               fprintf(stderr, "  %s mode %d\n", nameOfIROp(ops[k]), (int)mode);
               return;
            }
         }
   check_mxcsr();
}

/* Shifts by one amount (constant and variable), whole-vector shifts,
   slices. */
UNIT_TEST(isel_v128_shifts_and_slices)
{
   static const IROp ops[] = {
      Iop_ShlN8x16, Iop_ShlN16x8, Iop_ShlN32x4, Iop_ShlN64x2,
      Iop_ShrN8x16, Iop_ShrN16x8, Iop_ShrN32x4, Iop_ShrN64x2,
      Iop_SarN8x16, Iop_SarN16x8, Iop_SarN32x4, Iop_SarN64x2
   };
   static const Int widths[] = { 8, 16, 32, 64 };
   for (Int k = 0; k < 12; k++)
      for (Int rep = 0; rep < 24; rep++) {
         begin();
         init_state();
         new_bb();
         Int w = widths[k % 4];
         UInt n = (UInt)(rnd() % (ULong)(w + 2));
         TV a = rnd_tv();
         put_tv(gs_init, OFF_V(0), a);
         wr64(gs_init, OFF_I(0), n | 0xFF00);   /* junk above the I8 */
         IRExpr* amt = rep & 1 ? GET(OFF_I(0), Ity_I8) : C8((UChar)n);
         PUT(OFF_V(2), B(ops[k], GET(OFF_V(0), Ity_V128), amt));
         UInt sl = (UInt)(rnd() % 17);
         wr64(gs_init, OFF_I(1), sl);
         PUT(OFF_V(3), IRExpr_Triop(Iop_SliceV128, GET(OFF_V(0), Ity_V128),
                                    GET(OFF_V(1), Ity_V128),
                                    rep & 2 ? GET(OFF_I(1), Ity_I8)
                                            : C8((UChar)sl)));
         UInt by = 8 * (UInt)(rnd() % 17);
         wr64(gs_init, OFF_I(2), by);
         PUT(OFF_V(4), B(rep & 4 ? Iop_ShlV128 : Iop_ShrV128,
                         GET(OFF_V(0), Ity_V128),
                         rep & 8 ? GET(OFF_I(2), Ity_I8) : C8((UChar)by)));
         compile_and_run(bb);
         TV want, b = get_tv(gs_init, OFF_V(1));
         for (Int i = 0; i < 128 / w; i++) {
            ULong lane = 0;
            memcpy(&lane, a.b + i * (w / 8), (size_t)(w / 8));
            ULong m = w == 64 ? ~0ULL : (1ULL << w) - 1;
            Long  s = w == 64 ? (Long)lane : ((Long)(lane << (64 - w))) >> (64 - w);
            ULong r;
            if (k < 4)
               r = n >= (UInt)w ? 0 : (lane << n) & m;
            else if (k < 8)
               r = n >= (UInt)w ? 0 : lane >> n;
            else
               r = (ULong)(s >> (n >= (UInt)w ? (UInt)w - 1 : n)) & m;
            memcpy(want.b + i * (w / 8), &r, (size_t)(w / 8));
         }
         TV got = get_tv(gs, OFF_V(2));
         UT_CHECK(memcmp(&got, &want, 16) == 0);
         /* (a:b) >> 8*sl */
         UChar both[32];
         memcpy(both, &b, 16);
         memcpy(both + 16, &a, 16);
         TV ws;
         for (Int i = 0; i < 16; i++)
            ws.b[i] = (UInt)i + sl < 32 ? both[i + sl] : 0;
         TV gsl = get_tv(gs, OFF_V(3));
         UT_CHECK(memcmp(&gsl, &ws, 16) == 0);
         TV wv;
         for (Int i = 0; i < 16; i++) {
            Int src = rep & 4 ? i - (Int)(by / 8) : i + (Int)(by / 8);
            wv.b[i] = src >= 0 && src < 16 ? a.b[src] : 0;
         }
         TV gv = get_tv(gs, OFF_V(4));
         UT_CHECK(memcmp(&gv, &wv, 16) == 0);
         if (ut_failures) {
            fprintf(stderr, "  %s by %u (rep %d), slice %u, shift %u\n",
                    nameOfIROp(ops[k]), n, (int)rep, sl, by);
            return;
         }
      }
}

/* Unary ops. */
typedef void (*RefUn)(TV* r, const TV* a);

#define REF1(name, N, field, expr)                                       \
   static void name(TV* r, const TV* a)                                  \
   {                                                                     \
      TV t;                                                              \
      for (int i = 0; i < (N); i++)                                      \
         t.field[i] = (expr);                                            \
      *r = t;                                                            \
   }

REF1(u_Not, 2, q, ~a->q[i])
REF1(u_CmpNEZ8, 16, b, a->b[i] ? 0xFF : 0)
REF1(u_CmpNEZ16, 8, h, a->h[i] ? 0xFFFF : 0)
REF1(u_CmpNEZ32, 4, w, a->w[i] ? 0xFFFFFFFFU : 0)
REF1(u_CmpNEZ64, 2, q, a->q[i] ? UINT64_MAX : 0)
REF1(u_Abs8, 16, b, a->sb[i] < 0 ? -a->sb[i] : a->sb[i])
REF1(u_Abs16, 8, h, a->sh[i] < 0 ? -a->sh[i] : a->sh[i])
REF1(u_Abs32, 4, w, a->sw[i] < 0 ? 0U - a->w[i] : a->w[i])
REF1(u_Abs64, 2, q, a->sq[i] < 0 ? 0ULL - a->q[i] : a->q[i])
REF1(u_Abs32F, 4, w, a->w[i] & 0x7FFFFFFFU)
REF1(u_Abs64F, 2, q, a->q[i] & 0x7FFFFFFFFFFFFFFFULL)
REF1(u_Neg32F, 4, w, a->w[i] ^ 0x80000000U)
REF1(u_Neg64F, 2, q, a->q[i] ^ 0x8000000000000000ULL)
REF1(u_ZeroHI64, 2, q, i == 0 ? a->q[0] : 0)
REF1(u_ZeroHI96, 4, w, i == 0 ? a->w[0] : 0)
REF1(u_ZeroHI112, 8, h, i == 0 ? a->h[0] : 0)
REF1(u_ZeroHI120, 16, b, i == 0 ? a->b[0] : 0)
REF1(u_F32toI32S_RZ, 4, sw,
     (isnan(a->f[i]) || a->f[i] >= 2147483648.0f || a->f[i] < -2147483648.0f)
        ? INT32_MIN : (int32_t)a->f[i])
REF1(u_F32toI32U_RZ, 4, w,
     !(a->f[i] > -1.0f) ? 0 : a->f[i] >= 4294967296.0f ? 0xFFFFFFFFU
                                                       : (uint32_t)a->f[i])
REF1(u_RoundRN, 4, f, (fesetround(FE_TONEAREST), nearbyintf(a->f[i])))
REF1(u_RoundRM, 4, f, floorf(a->f[i]))
REF1(u_RoundRP, 4, f, ceilf(a->f[i]))
REF1(u_RoundRZ, 4, f, truncf(a->f[i]))
REF1(u_RecipEst64, 2, d, 1.0 / a->d[i])
REF1(u_RSqrtEst64, 2, d, 1.0 / sqrt(a->d[i]))

static void u_Sqrt32F0(TV* r, const TV* a)
{
   *r = *a;
   r->f[0] = sqrtf(a->f[0]);
}

static void u_Sqrt64F0(TV* r, const TV* a)
{
   *r = *a;
   r->d[0] = sqrt(a->d[0]);
}

static void u_RecipEst32(TV* r, const TV* a)
{
   __m128 x;
   memcpy(&x, a, 16);
   x = _mm_rcp_ps(x);
   memcpy(r, &x, 16);
}

static void u_RSqrtEst32(TV* r, const TV* a)
{
   __m128 x;
   memcpy(&x, a, 16);
   x = _mm_rsqrt_ps(x);
   memcpy(r, &x, 16);
}

static void u_RecipEst32F0(TV* r, const TV* a)
{
   TV t;
   u_RecipEst32(&t, a);
   *r = *a;
   r->w[0] = t.w[0];
}

static void u_RSqrtEst32F0(TV* r, const TV* a)
{
   TV t;
   u_RSqrtEst32(&t, a);
   *r = *a;
   r->w[0] = t.w[0];
}

typedef struct { IROp op; RefUn ref; Int fsz; } UnCase;

static const UnCase un_cases[] = {
   { Iop_NotV128, u_Not, 0 },
   { Iop_CmpNEZ8x16, u_CmpNEZ8, 0 }, { Iop_CmpNEZ16x8, u_CmpNEZ16, 0 },
   { Iop_CmpNEZ32x4, u_CmpNEZ32, 0 }, { Iop_CmpNEZ64x2, u_CmpNEZ64, 0 },
   { Iop_Abs8x16, u_Abs8, 0 }, { Iop_Abs16x8, u_Abs16, 0 },
   { Iop_Abs32x4, u_Abs32, 0 }, { Iop_Abs64x2, u_Abs64, 0 },
   { Iop_Abs32Fx4, u_Abs32F, 0 }, { Iop_Abs64Fx2, u_Abs64F, 0 },
   { Iop_Neg32Fx4, u_Neg32F, 0 }, { Iop_Neg64Fx2, u_Neg64F, 0 },
   { Iop_ZeroHI64ofV128, u_ZeroHI64, 0 }, { Iop_ZeroHI96ofV128, u_ZeroHI96, 0 },
   { Iop_ZeroHI112ofV128, u_ZeroHI112, 0 },
   { Iop_ZeroHI120ofV128, u_ZeroHI120, 0 },
   { Iop_F32toI32Sx4_RZ, u_F32toI32S_RZ, 0 },
   { Iop_F32toI32Ux4_RZ, u_F32toI32U_RZ, 0 },
   { Iop_RoundF32x4_RN, u_RoundRN, 4 }, { Iop_RoundF32x4_RM, u_RoundRM, 4 },
   { Iop_RoundF32x4_RP, u_RoundRP, 4 }, { Iop_RoundF32x4_RZ, u_RoundRZ, 4 },
   { Iop_Sqrt32F0x4, u_Sqrt32F0, 4 }, { Iop_Sqrt64F0x2, u_Sqrt64F0, 8 },
   { Iop_RecipEst32Fx4, u_RecipEst32, 4 }, { Iop_RSqrtEst32Fx4, u_RSqrtEst32, 4 },
   { Iop_RecipEst32F0x4, u_RecipEst32F0, 4 },
   { Iop_RSqrtEst32F0x4, u_RSqrtEst32F0, 4 },
   { Iop_RecipEst64Fx2, u_RecipEst64, 8 }, { Iop_RSqrtEst64Fx2, u_RSqrtEst64, 8 },
};

UNIT_TEST(isel_v128_unops)
{
   Int n = 0;
   for (UInt k = 0; k < sizeof un_cases / sizeof un_cases[0]; k++)
      for (Int rep = 0; rep < 30; rep++) {
         begin();
         init_state();
         new_bb();
         TV a = rnd_tv();
         if (rep % 6 == 5)
            for (Int i = 0; i < 4; i++)
               a.w[i] = rnd() % 2 ? 0 : a.w[i];
         put_tv(gs_init, OFF_V(0), a);
         IRExpr* ea = GET(OFF_V(0), Ity_V128);
         if (rep & 1)
            ea = RD(LET(Ity_V128, ea));
         PUT(OFF_V(2), U(un_cases[k].op, ea));
         CompileOpts o = default_opts();
         if (rep & 2)
            o.hwcaps = 0;   /* the SSE2-only sequences */
         run_native(compile(bb, &o));
         TV got = get_tv(gs, OFF_V(2)), want;
         un_cases[k].ref(&want, &a);
         if (!same_tv(&got, &want, un_cases[k].fsz != 0,
                      un_cases[k].fsz ? un_cases[k].fsz : 4)) {
            UT_CHECK(0);
            fprintf(stderr, "  %s wrong\n", nameOfIROp(un_cases[k].op));
            print_tv("a   ", &a);
            print_tv("got ", &got);
            print_tv("want", &want);
            break;
         }
         n++;
      }
   printf("  %d V128 unop cases\n", (int)n);
}

/* Vector <-> integer moves, element access, duplication. */
UNIT_TEST(isel_v128_scalar_moves)
{
   for (Int rep = 0; rep < 200; rep++) {
      begin();
      init_state();
      new_bb();
      TV a = rnd_tv();
      put_tv(gs_init, OFF_V(0), a);
      ULong x = rnd_val(), y = rnd_val();
      wr64(gs_init, OFF_I(0), x);
      wr64(gs_init, OFF_I(1), y);
      Int ix = (Int)(rnd() % 16);
      wr64(gs_init, OFF_I(2), (ULong)ix | 0x3300);
      IRExpr* va = GET(OFF_V(0), Ity_V128);
      if (rep & 1)
         va = RD(LET(Ity_V128, va));
      PUT(OFF_V(1), B(Iop_64HLtoV128, GET(OFF_I(0), Ity_I64),
                      GET(OFF_I(1), Ity_I64)));
      PUT(OFF_I(10), U(Iop_V128to64, va));
      PUT(OFF_I(11), U(Iop_V128HIto64, deepCopyIRExpr(va)));
      PUT(OFF_I(12), U(Iop_32Uto64, U(Iop_V128to32, deepCopyIRExpr(va))));
      PUT(OFF_V(2), B(Iop_SetV128lo64, deepCopyIRExpr(va), GET(OFF_I(0), Ity_I64)));
      PUT(OFF_V(3), B(Iop_SetV128lo32, deepCopyIRExpr(va), GET(OFF_I(1), Ity_I32)));
      PUT(OFF_V(4), U(Iop_32UtoV128, GET(OFF_I(0), Ity_I32)));
      PUT(OFF_V(5), U(Iop_64UtoV128, GET(OFF_I(1), Ity_I64)));
      PUT(OFF_V(6), U(Iop_Dup8x16, GET(OFF_I(0), Ity_I8)));
      PUT(OFF_V(7), U(Iop_Dup16x8, GET(OFF_I(0), Ity_I16)));
      PUT(OFF_V(8), U(Iop_Dup32x4, GET(OFF_I(0), Ity_I32)));
      IRExpr* ixe = rep & 2 ? GET(OFF_I(2), Ity_I8) : C8((UChar)ix);
      PUT(OFF_I(13), U(Iop_8Uto64, B(Iop_GetElem8x16, deepCopyIRExpr(va), ixe)));
      PUT(OFF_I(14), U(Iop_16Uto64, B(Iop_GetElem16x8, deepCopyIRExpr(va),
                                      deepCopyIRExpr(ixe))));
      PUT(OFF_I(15), U(Iop_32Uto64, B(Iop_GetElem32x4, deepCopyIRExpr(va),
                                      deepCopyIRExpr(ixe))));
      PUT(OFF_I(16), B(Iop_GetElem64x2, deepCopyIRExpr(va), deepCopyIRExpr(ixe)));
      PUT(OFF_I(17), U(Iop_16Uto64, U(Iop_GetMSBs8x16, deepCopyIRExpr(va))));
      /* V128 constants */
      UShort cm = (UShort)rnd();
      PUT(OFF_V(9), IRExpr_Const(IRConst_V128(cm)));
      PUT(OFF_V(10), IRExpr_Const(IRConst_V128(rep & 1 ? 0 : 0xFFFF)));
      compile_and_run(bb);
      TV g1 = get_tv(gs, OFF_V(1));
      UT_CHECK(g1.q[0] == y && g1.q[1] == x);
      UT_CHECK_EQ(rd64(gs, OFF_I(10)), a.q[0]);
      UT_CHECK_EQ(rd64(gs, OFF_I(11)), a.q[1]);
      UT_CHECK_EQ(rd64(gs, OFF_I(12)), a.w[0]);
      TV g2 = get_tv(gs, OFF_V(2));
      UT_CHECK(g2.q[0] == x && g2.q[1] == a.q[1]);
      TV g3 = get_tv(gs, OFF_V(3));
      UT_CHECK(g3.w[0] == (UInt)y && g3.w[1] == a.w[1] && g3.q[1] == a.q[1]);
      TV g4 = get_tv(gs, OFF_V(4));
      UT_CHECK(g4.q[0] == (UInt)x && g4.q[1] == 0);
      TV g5 = get_tv(gs, OFF_V(5));
      UT_CHECK(g5.q[0] == y && g5.q[1] == 0);
      TV g6 = get_tv(gs, OFF_V(6)), g7 = get_tv(gs, OFF_V(7)),
         g8 = get_tv(gs, OFF_V(8));
      for (Int i = 0; i < 16; i++)
         UT_CHECK_EQ(g6.b[i], (UChar)x);
      for (Int i = 0; i < 8; i++)
         UT_CHECK_EQ(g7.h[i], (UShort)x);
      for (Int i = 0; i < 4; i++)
         UT_CHECK_EQ(g8.w[i], (UInt)x);
      UT_CHECK_EQ(rd64(gs, OFF_I(13)), a.b[ix]);
      UT_CHECK_EQ(rd64(gs, OFF_I(14)), a.h[ix & 7]);
      UT_CHECK_EQ(rd64(gs, OFF_I(15)), a.w[ix & 3]);
      UT_CHECK_EQ(rd64(gs, OFF_I(16)), a.q[ix & 1]);
      UInt msbs = 0;
      for (Int i = 0; i < 16; i++)
         msbs |= (UInt)(a.b[i] >> 7) << i;
      UT_CHECK_EQ(rd64(gs, OFF_I(17)), msbs);
      TV g9 = get_tv(gs, OFF_V(9)), g10 = get_tv(gs, OFF_V(10));
      for (Int i = 0; i < 16; i++) {
         UT_CHECK_EQ(g9.b[i], (cm >> i) & 1 ? 0xFF : 0);
         UT_CHECK_EQ(g10.b[i], rep & 1 ? 0 : 0xFF);
      }
      if (ut_failures)
         return;
   }
}

/* Integer <-> float lane conversions with a rounding mode, vector ITE,
   loads, stores and guarded ones. */
UNIT_TEST(isel_v128_conversions_ite_memory)
{
   for (Int mode = 0; mode < 4; mode++)
      for (Int rep = 0; rep < 30; rep++) {
         begin();
         init_state();
         new_bb();
         TV a = rnd_tv(), b = rnd_tv(), f;
         for (Int i = 0; i < 4; i++)
            f.f[i] = (float)(((double)(rnd() % 2000001) - 1000000.0) / 16.0);
         put_tv(gs_init, OFF_V(0), a);
         put_tv(gs_init, OFF_V(1), b);
         put_tv(gs_init, OFF_V(2), f);
         PUT(OFF_V(3), B(Iop_I32StoF32x4, RM(mode, rep & 1),
                         GET(OFF_V(0), Ity_V128)));
         PUT(OFF_V(4), B(Iop_F32toI32Sx4, RM(mode, rep & 1),
                         GET(OFF_V(2), Ity_V128)));
         IRExpr* c = B(Iop_CmpLT64U, GET(OFF_I(0), Ity_I64),
                       GET(OFF_I(1), Ity_I64));
         PUT(OFF_V(5), IRExpr_ITE(c, GET(OFF_V(0), Ity_V128),
                                  GET(OFF_V(1), Ity_V128)));
         ST(IRStmt_Store(Iend_LE, MEMAT(32), GET(OFF_V(1), Ity_V128)));
         PUT(OFF_V(6), LD(Ity_V128, MEMAT(40)));
         /* guarded: a false guard must not touch the (bad) address */
         Bool g = rd64(gs_init, OFF_I(0)) < rd64(gs_init, OFF_I(1));
         IRTemp t = T(Ity_V128);
         ST(IRStmt_LoadG(Iend_LE, ILGop_IdentV128, t,
                         g ? MEMAT(100) : C64(16), GET(OFF_V(1), Ity_V128),
                         deepCopyIRExpr(c)));
         PUT(OFF_V(7), RD(t));
         ST(IRStmt_StoreG(Iend_LE, g ? MEMAT(200) : C64(32),
                          GET(OFF_V(0), Ity_V128), deepCopyIRExpr(c)));
         sanity(bb, False);
         compile_and_run(bb);
         TV w3, w4;
         fesetround(c_modes[mode]);
         for (Int i = 0; i < 4; i++) {
            volatile int32_t si = a.sw[i];
            volatile float   fv = f.f[i];
            w3.f[i] = (float)si;
            w4.sw[i] = (int32_t)lrintf(fv);
         }
         fesetround(FE_TONEAREST);
         TV g3 = get_tv(gs, OFF_V(3)), g4 = get_tv(gs, OFF_V(4));
         UT_CHECK(memcmp(&g3, &w3, 16) == 0);
         UT_CHECK(memcmp(&g4, &w4, 16) == 0);
         TV g5 = get_tv(gs, OFF_V(5));
         UT_CHECK(memcmp(&g5, g ? &a : &b, 16) == 0);
         UT_CHECK(memcmp(mem + 32, &b, 16) == 0);
         TV w6;
         memcpy(&w6, &b.b[8], 8);
         memcpy(&w6.b[8], mem_init + 48, 8);
         TV g6 = get_tv(gs, OFF_V(6));
         UT_CHECK(memcmp(&g6, &w6, 16) == 0);
         TV g7 = get_tv(gs, OFF_V(7));
         UT_CHECK(memcmp(&g7, g ? (const void*)(mem + 100) : (const void*)&b,
                         16) == 0 || !g);
         if (!g)
            UT_CHECK(memcmp(&g7, &b, 16) == 0);
         if (g)
            UT_CHECK(memcmp(mem + 200, &a, 16) == 0);
         else
            UT_CHECK(memcmp(mem + 200, mem_init + 200, 16) == 0);
         if (ut_failures) {
            fprintf(stderr, "  mode %d rep %d\n", (int)mode, (int)rep);
            return;
         }
      }
   check_mxcsr();
}

/* ================================================================== */
/* V256 and 64-bit SIMD                                               */
/* ================================================================== */

UNIT_TEST(isel_v256_basics)
{
   for (Int rep = 0; rep < 50; rep++) {
      begin();
      init_state();
      new_bb();
      TV a0 = rnd_tv(), a1 = rnd_tv(), b0 = rnd_tv(), b1 = rnd_tv();
      put_tv(gs_init, OFF_V(0), a0);
      put_tv(gs_init, OFF_V(1), a1);
      put_tv(gs_init, OFF_V(2), b0);
      put_tv(gs_init, OFF_V(3), b1);
      IRTemp x = LET(Ity_V256, GET(OFF_V(0), Ity_V256));
      IRTemp y = LET(Ity_V256, B(Iop_V128HLtoV256, GET(OFF_V(3), Ity_V128),
                                 GET(OFF_V(2), Ity_V128)));
      IRTemp z = LET(Ity_V256, B(rep % 3 == 0 ? Iop_AndV256
                                 : rep % 3 == 1 ? Iop_OrV256 : Iop_XorV256,
                                 RD(x), U(Iop_NotV256, RD(y))));
      PUT(OFF_V(4), RD(z));
      PUT(OFF_V(6), U(Iop_V256toV128_1, RD(x)));
      PUT(OFF_I(10), U(Iop_V256to64_0, RD(y)));
      PUT(OFF_I(11), U(Iop_V256to64_1, RD(y)));
      PUT(OFF_I(12), U(Iop_V256to64_2, RD(y)));
      PUT(OFF_I(13), U(Iop_V256to64_3, RD(y)));
      PUT(OFF_V(8), IRExpr_Qop(Iop_64x4toV256, GET(OFF_I(0), Ity_I64),
                               GET(OFF_I(1), Ity_I64), GET(OFF_I(2), Ity_I64),
                               GET(OFF_I(3), Ity_I64)));
      ST(IRStmt_Store(Iend_LE, MEMAT(64), RD(x)));
      PUT(OFF_V(10), IRExpr_Const(IRConst_V256(0x0000FFFFU)));
      compile_and_run(bb);
      for (Int h = 0; h < 2; h++) {
         TV a = h ? a1 : a0, b = h ? b1 : b0, want;
         for (Int i = 0; i < 2; i++)
            want.q[i] = rep % 3 == 0 ? a.q[i] & ~b.q[i]
                      : rep % 3 == 1 ? a.q[i] | ~b.q[i] : a.q[i] ^ ~b.q[i];
         TV got = get_tv(gs, OFF_V(4 + h));
         UT_CHECK(memcmp(&got, &want, 16) == 0);
      }
      TV g6 = get_tv(gs, OFF_V(6));
      UT_CHECK(memcmp(&g6, &a1, 16) == 0);
      UT_CHECK_EQ(rd64(gs, OFF_I(10)), b0.q[0]);
      UT_CHECK_EQ(rd64(gs, OFF_I(11)), b0.q[1]);
      UT_CHECK_EQ(rd64(gs, OFF_I(12)), b1.q[0]);
      UT_CHECK_EQ(rd64(gs, OFF_I(13)), b1.q[1]);
      for (Int k = 0; k < 4; k++)
         UT_CHECK_EQ(rd64(gs, OFF_V(8) + 8 * k), rd64(gs_init, OFF_I(3 - k)));
      UT_CHECK(memcmp(mem + 64, &a0, 16) == 0 && memcmp(mem + 80, &a1, 16) == 0);
      TV g10 = get_tv(gs, OFF_V(10)), g11 = get_tv(gs, OFF_V(11));
      UT_CHECK(g10.q[0] == ~0ULL && g10.q[1] == ~0ULL && g11.q[0] == 0
               && g11.q[1] == 0);
   }
}

/* 64-bit SIMD on I64: the reference is the V128 one on the low halves,
   except for the ops whose lanes move between halves. */
typedef struct { IROp op; RefBin ref; Int kind; } MmxCase;
/* kind 0: lane-wise (low half of the V128 op); 1: interleave HI (high
   half of the LO interleave); 2: narrow (B's lanes low, A's high); 3:
   cat lanes; 4: scalar shift by an amount in B's low byte */

static void mmx_ref(const MmxCase* c, ULong a, ULong b, ULong* r)
{
   TV ta, tb, tr;
   memset(&ta, 0, 16);
   memset(&tb, 0, 16);
   ta.q[0] = a;
   tb.q[0] = b;
   switch (c->kind) {
      case 0: case 4:
         c->ref(&tr, &ta, &tb);
         *r = tr.q[0];
         return;
      case 1:
         c->ref(&tr, &ta, &tb);
         *r = tr.q[1];
         return;
      default: {
         /* [b | a] in one vector: its narrow/cat onto itself gives
            b's lanes then a's in the low half */
         TV both;
         both.q[0] = b;
         both.q[1] = a;
         c->ref(&tr, &both, &both);
         *r = tr.q[0];
         return;
      }
   }
}

UNIT_TEST(isel_mmx_style_ops)
{
   static const MmxCase cases[] = {
      { Iop_Add8x8, r_Add8, 0 }, { Iop_Add16x4, r_Add16, 0 },
      { Iop_Add32x2, r_Add32, 0 }, { Iop_QAdd8Ux8, r_QAdd8U, 0 },
      { Iop_QAdd16Ux4, r_QAdd16U, 0 }, { Iop_QAdd8Sx8, r_QAdd8S, 0 },
      { Iop_QAdd16Sx4, r_QAdd16S, 0 }, { Iop_Sub8x8, r_Sub8, 0 },
      { Iop_Sub16x4, r_Sub16, 0 }, { Iop_Sub32x2, r_Sub32, 0 },
      { Iop_QSub8Ux8, r_QSub8U, 0 }, { Iop_QSub16Ux4, r_QSub16U, 0 },
      { Iop_QSub8Sx8, r_QSub8S, 0 }, { Iop_QSub16Sx4, r_QSub16S, 0 },
      { Iop_Mul16x4, r_Mul16, 0 }, { Iop_Mul32x2, r_Mul32, 0 },
      { Iop_MulHi16Ux4, r_MulHi16U, 0 }, { Iop_MulHi16Sx4, r_MulHi16S, 0 },
      { Iop_Avg8Ux8, r_Avg8U, 0 }, { Iop_Avg16Ux4, r_Avg16U, 0 },
      { Iop_Max16Sx4, r_Max16S, 0 }, { Iop_Max8Ux8, r_Max8U, 0 },
      { Iop_Min16Sx4, r_Min16S, 0 }, { Iop_Min8Ux8, r_Min8U, 0 },
      { Iop_CmpEQ8x8, r_CmpEQ8, 0 }, { Iop_CmpEQ16x4, r_CmpEQ16, 0 },
      { Iop_CmpEQ32x2, r_CmpEQ32, 0 }, { Iop_CmpGT8Sx8, r_CmpGT8S, 0 },
      { Iop_CmpGT16Sx4, r_CmpGT16S, 0 }, { Iop_CmpGT32Sx2, r_CmpGT32S, 0 },
      { Iop_InterleaveLO8x8, r_InterleaveLO8, 0 },
      { Iop_InterleaveLO16x4, r_InterleaveLO16, 0 },
      { Iop_InterleaveLO32x2, r_InterleaveLO32, 0 },
      { Iop_InterleaveHI8x8, r_InterleaveLO8, 1 },
      { Iop_InterleaveHI16x4, r_InterleaveLO16, 1 },
      { Iop_InterleaveHI32x2, r_InterleaveLO32, 1 },
      { Iop_QNarrowBin16Sto8Sx8, r_QNarrow16Sto8S, 2 },
      { Iop_QNarrowBin16Sto8Ux8, r_QNarrow16Sto8U, 2 },
      { Iop_QNarrowBin32Sto16Sx4, r_QNarrow32Sto16S, 2 },
      { Iop_CatOddLanes8x8, r_CatOdd8, 3 }, { Iop_CatEvenLanes8x8, r_CatEven8, 3 },
      { Iop_CatOddLanes16x4, r_CatOdd16, 3 },
      { Iop_CatEvenLanes16x4, r_CatEven16, 3 },
   };
   for (UInt k = 0; k < sizeof cases / sizeof cases[0]; k++)
      for (Int rep = 0; rep < 20; rep++) {
         begin();
         init_state();
         new_bb();
         PUT(OFF_I(10), B(cases[k].op, GET(OFF_I(0), Ity_I64),
                          GET(OFF_I(1), Ity_I64)));
         CompileOpts o = default_opts();
         if (rep & 1)
            o.hwcaps = 0;
         run_native(compile(bb, &o));
         ULong want;
         mmx_ref(&cases[k], rd64(gs_init, OFF_I(0)), rd64(gs_init, OFF_I(1)),
                 &want);
         if (rd64(gs, OFF_I(10)) != want) {
            UT_CHECK(0);
            fprintf(stderr, "  %s: %016llx, %016llx: got %016llx want %016llx\n",
                    nameOfIROp(cases[k].op),
                    (unsigned long long)rd64(gs_init, OFF_I(0)),
                    (unsigned long long)rd64(gs_init, OFF_I(1)),
                    (unsigned long long)rd64(gs, OFF_I(10)),
                    (unsigned long long)want);
            break;
         }
      }
   /* Shifts by one amount, unary ops. */
   static const IROp sh[] = {
      Iop_ShlN8x8, Iop_ShlN16x4, Iop_ShlN32x2, Iop_ShrN8x8, Iop_ShrN16x4,
      Iop_ShrN32x2, Iop_SarN8x8, Iop_SarN16x4, Iop_SarN32x2
   };
   for (Int k = 0; k < 9; k++)
      for (Int rep = 0; rep < 20; rep++) {
         begin();
         init_state();
         new_bb();
         Int  w = 8 << (k % 3);
         UInt n = (UInt)(rnd() % (ULong)w);
         wr64(gs_init, OFF_I(1), n);
         PUT(OFF_I(10), B(sh[k], GET(OFF_I(0), Ity_I64),
                          rep & 1 ? GET(OFF_I(1), Ity_I8) : C8((UChar)n)));
         compile_and_run(bb);
         ULong a = rd64(gs_init, OFF_I(0)), want = 0, m = (1ULL << w) - 1;
         for (Int i = 0; i < 64 / w; i++) {
            ULong lane = (a >> (w * i)) & m, r;
            Long  s = ((Long)(lane << (64 - w))) >> (64 - w);
            r = k < 3 ? (lane << n) & m : k < 6 ? lane >> n
                                        : (ULong)(s >> n) & m;
            want |= r << (w * i);
         }
         UT_CHECK_EQ(rd64(gs, OFF_I(10)), want);
      }
   for (Int rep = 0; rep < 40; rep++) {
      begin();
      init_state();
      new_bb();
      ULong a = rd64(gs_init, OFF_I(0));
      PUT(OFF_I(10), U(Iop_CmpNEZ8x8, GET(OFF_I(0), Ity_I64)));
      PUT(OFF_I(11), U(Iop_CmpNEZ16x4, GET(OFF_I(0), Ity_I64)));
      PUT(OFF_I(12), U(Iop_CmpNEZ32x2, GET(OFF_I(0), Ity_I64)));
      PUT(OFF_I(13), U(Iop_8Uto64, U(Iop_GetMSBs8x8, GET(OFF_I(0), Ity_I64))));
      PUT(OFF_I(14), U(Iop_Abs16x4, GET(OFF_I(0), Ity_I64)));
      PUT(OFF_I(15), U(Iop_Dup16x4, GET(OFF_I(1), Ity_I16)));
      PUT(OFF_I(16), IRExpr_Triop(Iop_Slice64, GET(OFF_I(0), Ity_I64),
                                  GET(OFF_I(1), Ity_I64), C8(3)));
      wr64(gs_init, OFF_I(2), (ULong)(rep % 9));
      PUT(OFF_I(18), IRExpr_Triop(Iop_Slice64, GET(OFF_I(0), Ity_I64),
                                  GET(OFF_I(1), Ity_I64),
                                  GET(OFF_I(2), Ity_I8)));
      PUT(OFF_I(17), B(Iop_Perm8x8, GET(OFF_I(0), Ity_I64),
                       GET(OFF_I(1), Ity_I64)));
      compile_and_run(bb);
      ULong b = rd64(gs_init, OFF_I(1));
      ULong w10 = 0, w11 = 0, w12 = 0, w13 = 0, w14 = 0, w15 = 0, w17 = 0;
      for (Int i = 0; i < 8; i++) {
         if ((a >> (8 * i)) & 0xFF)
            w10 |= 0xFFULL << (8 * i);
         w13 |= ((a >> (8 * i + 7)) & 1) << i;
         w17 |= ((a >> (8 * ((b >> (8 * i)) & 7))) & 0xFF) << (8 * i);
      }
      for (Int i = 0; i < 4; i++) {
         if ((a >> (16 * i)) & 0xFFFF)
            w11 |= 0xFFFFULL << (16 * i);
         Short s = (Short)(a >> (16 * i));
         w14 |= (ULong)(UShort)(s < 0 ? -s : s) << (16 * i);
         w15 |= (b & 0xFFFF) << (16 * i);
      }
      for (Int i = 0; i < 2; i++)
         if ((a >> (32 * i)) & 0xFFFFFFFF)
            w12 |= 0xFFFFFFFFULL << (32 * i);
      UT_CHECK_EQ(rd64(gs, OFF_I(10)), w10);
      UT_CHECK_EQ(rd64(gs, OFF_I(11)), w11);
      UT_CHECK_EQ(rd64(gs, OFF_I(12)), w12);
      UT_CHECK_EQ(rd64(gs, OFF_I(13)), w13);
      UT_CHECK_EQ(rd64(gs, OFF_I(14)), w14);
      UT_CHECK_EQ(rd64(gs, OFF_I(15)), w15);
      UT_CHECK_EQ(rd64(gs, OFF_I(16)), (b >> 24) | (a << 40));
      UT_CHECK_EQ(rd64(gs, OFF_I(17)), w17);
      Int sn = rep % 9;
      ULong w18 = sn == 0 ? b : sn == 8 ? a : (b >> (8 * sn)) | (a << (64 - 8 * sn));
      UT_CHECK_EQ(rd64(gs, OFF_I(18)), w18);
   }
}

/* ================================================================== */
/* What is not supported panics, naming the op                        */
/* ================================================================== */

static IROp unsupported_op;

static void select_unsupported(void)
{
   begin();
   init_state();
   new_bb();
   IRExpr* x = GET(OFF_I(0), Ity_F64);
   IRExpr* e;
   IRType tr, t1, t2, t3, t4;
   typeOfPrimop(unsupported_op, &tr, &t1, &t2, &t3, &t4);
   if (t4 != Ity_INVALID)
      e = IRExpr_Qop(unsupported_op, C32(0), x, deepCopyIRExpr(x),
                     deepCopyIRExpr(x));
   else if (t3 != Ity_INVALID)
      e = IRExpr_Triop(unsupported_op, C32(0), x, deepCopyIRExpr(x));
   else
      e = B(unsupported_op, C32(0), x);
   PUT(OFF_I(1), e);
   CompileOpts o = default_opts();
   (void)compile(bb, &o);
}

UNIT_TEST(isel_unsupported_ops_panic_with_their_name)
{
   static const IROp ops[] = { Iop_SinF64, Iop_MAddF64, Iop_AtanF64 };
   for (UInt k = 0; k < sizeof ops / sizeof ops[0]; k++) {
      char buf[8192];
      unsupported_op = ops[k];
      int status = ut_run_captured(select_unsupported, buf, sizeof buf);
      UT_CHECK(status != 0);
      UT_CHECK(strstr(buf, nameOfIROp(ops[k])) != NULL);
      UT_CHECK(strstr(buf, "amd64 isel") != NULL);
   }
}

/* ================================================================== */
/* Coverage: every IR op through selection                            */
/* ================================================================== */

/* An expression of type TY to feed an op (NULL when it has none). */
static IRExpr* operand_of(IRType ty, Int k)
{
   switch (ty) {
      case Ity_I1:
         return B(Iop_CmpLT64U, GET(OFF_I(k), Ity_I64), GET(OFF_I(k + 1), Ity_I64));
      case Ity_I8: case Ity_I16: case Ity_I32: case Ity_I64: case Ity_F32:
      case Ity_F64:
         return GET(OFF_I(k), ty);
      case Ity_I128:
         return B(Iop_64HLto128, GET(OFF_I(k), Ity_I64), GET(OFF_I(k + 1), Ity_I64));
      case Ity_V128: case Ity_V256:
         return GET(OFF_V(k), ty);
      default:
         return GET(OFF_I(k), ty);   /* F16, F128, D*: selection will say */
   }
}

static Bool try_select_op(IROp op)
{
   IRType tr, ta[4];
   typeOfPrimop(op, &tr, &ta[0], &ta[1], &ta[2], &ta[3]);
   begin();
   init_state();
   new_bb();
   IRExpr* a[4];
   for (Int i = 0; i < 4; i++)
      a[i] = ta[i] == Ity_INVALID ? NULL : operand_of(ta[i], 2 * i);
   Int arity = arityOfIROp(op);
   IRExpr* e = arity == 1 ? U(op, a[0])
             : arity == 2 ? B(op, a[0], a[1])
             : arity == 3 ? IRExpr_Triop(op, a[0], a[1], a[2])
             : IRExpr_Qop(op, a[0], a[1], a[2], a[3]);
   if (tr == Ity_I1)
      e = U(Iop_1Uto64, e);
   if (tr == Ity_I128)
      e = U(Iop_128to64, e);
   PUT(OFF_V(8), e);
   fail_armed = 1;
   if (setjmp(fail_jmp) != 0) {
      fail_armed = 0;
      return False;
   }
   CompileOpts o = default_opts();
   (void)compile(bb, &o);
   fail_armed = 0;
   return True;
}

UNIT_TEST(isel_op_coverage)
{
   /* What is expected not to be selectable (see host_amd64_isel_simd.c):
      fused multiply-add, x87 transcendentals and friends, F16 and F128. */
   static const char* const expected_unsupported[] = {
      "MAddF32", "MSubF32", "MAddF64", "MSubF64",
      "AtanF64", "Yl2xF64", "Yl2xp1F64", "ScaleF64", "PRemF64", "PRem1F64",
      "PRemC3210F64", "PRem1C3210F64", "SinF64", "CosF64", "TanF64",
      "2xm1F64", "F16toF32", "F16toF64", "F32toF16", "F64toF16",
      "AddF128", "SubF128", "MulF128", "DivF128", "NegF128", "AbsF128",
      "SqrtF128", "CmpF128", "F64toF128", "F128toF64", "F64HLtoF128",
      "F128HItoF64", "F128LOtoF64", NULL
   };
   Int n_ok = 0, n_bad = 0, n_surprise = 0;
   char list[4096] = "";
   for (Int op = Iop_INVALID + 1; op < Iop_LAST; op++) {
      if (try_select_op((IROp)op)) {
         n_ok++;
         continue;
      }
      n_bad++;
      const char* name = nameOfIROp((IROp)op);
      strncat(list, " ", sizeof list - strlen(list) - 1);
      strncat(list, name, sizeof list - strlen(list) - 1);
      Bool expected = False;
      for (Int k = 0; expected_unsupported[k] != NULL; k++)
         if (strcmp(expected_unsupported[k], name) == 0)
            expected = True;
      if (!expected) {
         n_surprise++;
         fprintf(stderr, "  %s cannot be selected\n", name);
      }
   }
   vex_init_callbacks(fail_cb, log_cb);
   printf("  %d of %d IR ops selectable; not:%s\n", (int)n_ok,
          (int)(n_ok + n_bad), list);
   UT_CHECK_EQ(n_surprise, 0);
}
