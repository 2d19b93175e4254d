/* A hosted interpreter of VEX IR (see ir_interp.h).  Values of every type
   are held in 256 bits (four 64-bit words, least significant first);
   integer values narrower than 64 bits are kept zero-extended, I1 as 0/1,
   floats as their bits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "ir_interp.h"
#include "ir_interp_simd.h"   /* SIMD/SSE floating-point ops (SSE family) */

Bool (*ir_interp_addr_ok)(ULong addr, Int size) = NULL;
ULong ir_interp_stmts_executed = 0;
ULong ir_interp_helper_calls   = 0;

typedef struct {
   ULong w[4];
} Val;

typedef struct {
   const IRSB* bb;
   UChar*      gst;
   Int         gst_size;
   Val*        tmps;
   Bool        failed;
   Bool        segv;        /* a memory access was refused */
   ULong       insn_addr;   /* the current instruction (last IMark) */
} Interp;

static void fail(Interp* in, const char* what, const char* detail)
{
   if (!in->failed)
      fprintf(stderr, "ir_interp: %s%s%s\n", what, detail ? ": " : "",
              detail ? detail : "");
   in->failed = True;
}

static Int ty_size(IRType ty)
{
   switch (ty) {
      case Ity_I1:   return 1;
      case Ity_I8:   return 1;
      case Ity_I16:  return 2;
      case Ity_I32:  return 4;
      case Ity_I64:  return 8;
      case Ity_I128: return 16;
      case Ity_F16:  return 2;
      case Ity_F32:  return 4;
      case Ity_F64:  return 8;
      case Ity_D32:  return 4;
      case Ity_D64:  return 8;
      case Ity_D128: return 16;
      case Ity_F128: return 16;
      case Ity_V128: return 16;
      case Ity_V256: return 32;
      default:       return 0;
   }
}

static Val zero_val(void)
{
   Val v;
   memset(&v, 0, sizeof v);
   return v;
}

static Val u64_val(ULong x)
{
   Val v = zero_val();
   v.w[0] = x;
   return v;
}

/* Keeps only the bits of TY (zero-extends). */
static Val trunc_to(IRType ty, Val v)
{
   switch (ty) {
      case Ity_I1:  v.w[0] &= 1; break;
      case Ity_I8:  v.w[0] &= 0xFF; break;
      case Ity_I16: case Ity_F16: v.w[0] &= 0xFFFF; break;
      case Ity_I32: case Ity_F32: case Ity_D32: v.w[0] &= 0xFFFFFFFFULL; break;
      default: break;
   }
   if (ty_size(ty) <= 8)
      v.w[1] = v.w[2] = v.w[3] = 0;
   else if (ty_size(ty) <= 16)
      v.w[2] = v.w[3] = 0;
   return v;
}

static Val load_bytes(const void* p, IRType ty)
{
   Val v = zero_val();
   memcpy(v.w, p, (size_t)ty_size(ty));
   return v;
}

static void store_bytes(void* p, IRType ty, Val v)
{
   memcpy(p, v.w, (size_t)ty_size(ty));
}

/* May the block touch SIZE bytes at ADDR? */
static Bool mem_ok(Interp* in, ULong addr, Int size)
{
   if (in->segv)
      return False;
   if (ir_interp_addr_ok != NULL && !ir_interp_addr_ok(addr, size)) {
      in->segv = True;
      return False;
   }
   return True;
}

static Val const_val(const IRConst* c)
{
   Val v = zero_val();
   switch (c->tag) {
      case Ico_U1:   v.w[0] = c->Ico.U1 ? 1 : 0; break;
      case Ico_U8:   v.w[0] = c->Ico.U8; break;
      case Ico_U16:  v.w[0] = c->Ico.U16; break;
      case Ico_U32:  v.w[0] = c->Ico.U32; break;
      case Ico_U64:  v.w[0] = c->Ico.U64; break;
      case Ico_F32:  { float f = c->Ico.F32; UInt u; memcpy(&u, &f, 4);
                       v.w[0] = u; break; }
      case Ico_F32i: v.w[0] = c->Ico.F32i; break;
      case Ico_F64:  { double f = c->Ico.F64; memcpy(&v.w[0], &f, 8); break; }
      case Ico_F64i: v.w[0] = c->Ico.F64i; break;
      case Ico_V128:
         for (Int i = 0; i < 16; i++)
            if (c->Ico.V128 & (1u << i))
               ((UChar*)v.w)[i] = 0xFF;
         break;
      case Ico_V256:
         for (Int i = 0; i < 32; i++)
            if (c->Ico.V256 & (1u << i))
               ((UChar*)v.w)[i] = 0xFF;
         break;
   }
   return v;
}

static Long sx(ULong x, Int bits)
{
   Int sh = 64 - bits;
   return (Long)(x << sh) >> sh;
}

static ULong mask_of(Int bits)
{
   return bits >= 64 ? ~0ULL : (1ULL << bits) - 1;
}

static Int clz64(ULong x)
{
   return x == 0 ? 64 : __builtin_clzll(x);
}

static Int ctz64(ULong x)
{
   return x == 0 ? 64 : __builtin_ctzll(x);
}

static double f64_of(ULong bits) { double d; memcpy(&d, &bits, 8); return d; }
static ULong  bits_of_f64(double d) { ULong b; memcpy(&b, &d, 8); return b; }
static float  f32_of(ULong bits) { UInt u = (UInt)bits; float f;
                                   memcpy(&f, &u, 4); return f; }
static ULong  bits_of_f32(float f) { UInt u; memcpy(&u, &f, 4); return u; }

static Val eval(Interp* in, const IRExpr* e);

static Val do_unop(Interp* in, IROp op, Val a)
{
   ULong x = a.w[0];
   Val r = zero_val();
   if (ir_interp_simd_unop(op, a.w, r.w))      /* ir_interp_simd.c */
      return r;
   switch (op) {
      case Iop_Not8:  r.w[0] = ~x & 0xFF; break;
      case Iop_Not16: r.w[0] = ~x & 0xFFFF; break;
      case Iop_Not32: r.w[0] = ~x & 0xFFFFFFFFULL; break;
      case Iop_Not64: r.w[0] = ~x; break;
      case Iop_Not1:  r.w[0] = (~x) & 1; break;
      case Iop_Clz32: r.w[0] = x == 0 ? 32 : (ULong)__builtin_clz((UInt)x);
                      break;
      case Iop_Clz64: r.w[0] = (ULong)clz64(x); break;
      case Iop_Ctz32: r.w[0] = (UInt)x == 0 ? 32 : (ULong)ctz64(x); break;
      case Iop_Ctz64: r.w[0] = (ULong)ctz64(x); break;
      case Iop_PopCount32: r.w[0] = (ULong)__builtin_popcount((UInt)x); break;
      case Iop_PopCount64: r.w[0] = (ULong)__builtin_popcountll(x); break;
      case Iop_CmpNEZ8: case Iop_CmpNEZ16: case Iop_CmpNEZ32:
      case Iop_CmpNEZ64: r.w[0] = x != 0; break;
      case Iop_CmpwNEZ32: r.w[0] = x != 0 ? 0xFFFFFFFFULL : 0; break;
      case Iop_CmpwNEZ64: r.w[0] = x != 0 ? ~0ULL : 0; break;
      case Iop_Left8:  r.w[0] = (x | (0 - x)) & 0xFF; break;
      case Iop_Left16: r.w[0] = (x | (0 - x)) & 0xFFFF; break;
      case Iop_Left32: r.w[0] = (x | (0 - x)) & 0xFFFFFFFFULL; break;
      case Iop_Left64: r.w[0] = x | (0 - x); break;
      case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64:
         r.w[0] = x & 0xFF; break;
      case Iop_16Uto32: case Iop_16Uto64: r.w[0] = x & 0xFFFF; break;
      case Iop_32Uto64: r.w[0] = x & 0xFFFFFFFFULL; break;
      case Iop_8Sto16: r.w[0] = (ULong)sx(x, 8) & 0xFFFF; break;
      case Iop_8Sto32: r.w[0] = (ULong)sx(x, 8) & 0xFFFFFFFFULL; break;
      case Iop_8Sto64: r.w[0] = (ULong)sx(x, 8); break;
      case Iop_16Sto32: r.w[0] = (ULong)sx(x, 16) & 0xFFFFFFFFULL; break;
      case Iop_16Sto64: r.w[0] = (ULong)sx(x, 16); break;
      case Iop_32Sto64: r.w[0] = (ULong)sx(x, 32); break;
      case Iop_64to8: case Iop_32to8: case Iop_16to8: r.w[0] = x & 0xFF; break;
      case Iop_64to16: case Iop_32to16: r.w[0] = x & 0xFFFF; break;
      case Iop_16HIto8: r.w[0] = (x >> 8) & 0xFF; break;
      case Iop_32HIto16: r.w[0] = (x >> 16) & 0xFFFF; break;
      case Iop_64to32: r.w[0] = x & 0xFFFFFFFFULL; break;
      case Iop_64HIto32: r.w[0] = x >> 32; break;
      case Iop_128to64: r.w[0] = a.w[0]; break;
      case Iop_128HIto64: r.w[0] = a.w[1]; break;
      case Iop_32to1: case Iop_64to1: r.w[0] = x & 1; break;
      case Iop_1Uto8: case Iop_1Uto32: case Iop_1Uto64: r.w[0] = x & 1; break;
      case Iop_1Sto8:  r.w[0] = (x & 1) ? 0xFF : 0; break;
      case Iop_1Sto16: r.w[0] = (x & 1) ? 0xFFFF : 0; break;
      case Iop_1Sto32: r.w[0] = (x & 1) ? 0xFFFFFFFFULL : 0; break;
      case Iop_1Sto64: r.w[0] = (x & 1) ? ~0ULL : 0; break;
      /* floating point and vectors: the simple ones */
      case Iop_ReinterpF64asI64: case Iop_ReinterpI64asF64:
      case Iop_ReinterpF32asI32: case Iop_ReinterpI32asF32:
         r = a; break;
      case Iop_NegF64: r.w[0] = x ^ 0x8000000000000000ULL; break;
      case Iop_AbsF64: r.w[0] = x & 0x7FFFFFFFFFFFFFFFULL; break;
      case Iop_NegF32: r.w[0] = (x ^ 0x80000000ULL) & 0xFFFFFFFFULL; break;
      case Iop_AbsF32: r.w[0] = x & 0x7FFFFFFFULL; break;
      case Iop_F32toF64: r.w[0] = bits_of_f64((double)f32_of(x)); break;
      case Iop_I32StoF64: r.w[0] = bits_of_f64((double)(Int)x); break;
      case Iop_I32UtoF64: r.w[0] = bits_of_f64((double)(UInt)x); break;
      case Iop_NotV128: r.w[0] = ~a.w[0]; r.w[1] = ~a.w[1]; break;
      case Iop_NotV256:
         for (Int i = 0; i < 4; i++) r.w[i] = ~a.w[i];
         break;
      case Iop_V128to64: r.w[0] = a.w[0]; break;
      case Iop_V128HIto64: r.w[0] = a.w[1]; break;
      case Iop_V128to32: r.w[0] = a.w[0] & 0xFFFFFFFFULL; break;
      case Iop_32UtoV128: r.w[0] = x & 0xFFFFFFFFULL; break;
      case Iop_64UtoV128: r.w[0] = x; break;
      case Iop_ZeroHI64ofV128: r.w[0] = a.w[0]; break;
      case Iop_ZeroHI96ofV128: r.w[0] = a.w[0] & 0xFFFFFFFFULL; break;
      case Iop_ZeroHI112ofV128: r.w[0] = a.w[0] & 0xFFFF; break;
      case Iop_ZeroHI120ofV128: r.w[0] = a.w[0] & 0xFF; break;
      case Iop_V256toV128_0: r.w[0] = a.w[0]; r.w[1] = a.w[1]; break;
      case Iop_V256toV128_1: r.w[0] = a.w[2]; r.w[1] = a.w[3]; break;
      case Iop_V256to64_0: r.w[0] = a.w[0]; break;
      case Iop_V256to64_1: r.w[0] = a.w[1]; break;
      case Iop_V256to64_2: r.w[0] = a.w[2]; break;
      case Iop_V256to64_3: r.w[0] = a.w[3]; break;
      default:
         fail(in, "unimplemented unop", nameOfIROp(op));
   }
   return r;
}

/* Unsigned 128/64 division (the caller has checked it fits). */
static void divmod_u128(ULong hi, ULong lo, ULong d, ULong* q, ULong* m)
{
   unsigned __int128 n = ((unsigned __int128)hi << 64) | lo;
   *q = (ULong)(n / d);
   *m = (ULong)(n % d);
}

static void divmod_s128(ULong hi, ULong lo, ULong d, ULong* q, ULong* m)
{
   __int128 n = (__int128)(((unsigned __int128)hi << 64) | lo);
   *q = (ULong)(n / (Long)d);
   *m = (ULong)(n % (Long)d);
}

static Val do_binop(Interp* in, IROp op, Val a, Val b)
{
   ULong x = a.w[0], y = b.w[0];
   Val r = zero_val();
   if (ir_interp_simd_binop(op, a.w, b.w, r.w))  /* ir_interp_simd.c */
      return r;
   switch (op) {
#define ARITH(n, bits, expr) \
      case Iop_##n: r.w[0] = (expr) & mask_of(bits); break;
      ARITH(Add8, 8, x + y)   ARITH(Add16, 16, x + y)
      ARITH(Add32, 32, x + y) ARITH(Add64, 64, x + y)
      ARITH(Sub8, 8, x - y)   ARITH(Sub16, 16, x - y)
      ARITH(Sub32, 32, x - y) ARITH(Sub64, 64, x - y)
      ARITH(Mul8, 8, x * y)   ARITH(Mul16, 16, x * y)
      ARITH(Mul32, 32, x * y) ARITH(Mul64, 64, x * y)
      ARITH(Or8, 8, x | y)    ARITH(Or16, 16, x | y)
      ARITH(Or32, 32, x | y)  ARITH(Or64, 64, x | y)
      ARITH(And8, 8, x & y)   ARITH(And16, 16, x & y)
      ARITH(And32, 32, x & y) ARITH(And64, 64, x & y)
      ARITH(Xor8, 8, x ^ y)   ARITH(Xor16, 16, x ^ y)
      ARITH(Xor32, 32, x ^ y) ARITH(Xor64, 64, x ^ y)
#undef ARITH
#define SHIFT(n, bits, kind)                                              \
      case Iop_##n:                                                       \
         if (y >= (ULong)(bits)) {                                        \
            fail(in, "shift amount out of range", #n);                    \
            break;                                                        \
         }                                                                \
         if (kind == 0) r.w[0] = (x << y) & mask_of(bits);                \
         else if (kind == 1) r.w[0] = (x & mask_of(bits)) >> y;           \
         else r.w[0] = (ULong)(sx(x, bits) >> y) & mask_of(bits);         \
         break;
      SHIFT(Shl8, 8, 0)   SHIFT(Shl16, 16, 0) SHIFT(Shl32, 32, 0)
      SHIFT(Shl64, 64, 0)
      SHIFT(Shr8, 8, 1)   SHIFT(Shr16, 16, 1) SHIFT(Shr32, 32, 1)
      SHIFT(Shr64, 64, 1)
      SHIFT(Sar8, 8, 2)   SHIFT(Sar16, 16, 2) SHIFT(Sar32, 32, 2)
      SHIFT(Sar64, 64, 2)
#undef SHIFT
      case Iop_CmpEQ8: case Iop_CmpEQ16: case Iop_CmpEQ32: case Iop_CmpEQ64:
      case Iop_CasCmpEQ8: case Iop_CasCmpEQ16: case Iop_CasCmpEQ32:
      case Iop_CasCmpEQ64:
         r.w[0] = x == y; break;
      case Iop_CmpNE8: case Iop_CmpNE16: case Iop_CmpNE32: case Iop_CmpNE64:
      case Iop_CasCmpNE8: case Iop_CasCmpNE16: case Iop_CasCmpNE32:
      case Iop_CasCmpNE64: case Iop_ExpCmpNE8: case Iop_ExpCmpNE16:
      case Iop_ExpCmpNE32: case Iop_ExpCmpNE64:
         r.w[0] = x != y; break;
      case Iop_CmpLT32S: r.w[0] = (Int)x < (Int)y; break;
      case Iop_CmpLE32S: r.w[0] = (Int)x <= (Int)y; break;
      case Iop_CmpLT32U: r.w[0] = (UInt)x < (UInt)y; break;
      case Iop_CmpLE32U: r.w[0] = (UInt)x <= (UInt)y; break;
      case Iop_CmpLT64S: r.w[0] = (Long)x < (Long)y; break;
      case Iop_CmpLE64S: r.w[0] = (Long)x <= (Long)y; break;
      case Iop_CmpLT64U: r.w[0] = x < y; break;
      case Iop_CmpLE64U: r.w[0] = x <= y; break;
      case Iop_Max32U: r.w[0] = (UInt)x > (UInt)y ? x : y; break;
      case Iop_MullS8:  r.w[0] = (ULong)(sx(x, 8) * sx(y, 8)) & 0xFFFF; break;
      case Iop_MullU8:  r.w[0] = (x * y) & 0xFFFF; break;
      case Iop_MullS16: r.w[0] = (ULong)(sx(x, 16) * sx(y, 16)) & 0xFFFFFFFFULL;
                        break;
      case Iop_MullU16: r.w[0] = (x * y) & 0xFFFFFFFFULL; break;
      case Iop_MullS32: r.w[0] = (ULong)(sx(x, 32) * sx(y, 32)); break;
      case Iop_MullU32: r.w[0] = x * y; break;
      case Iop_MullS64: {
         __int128 p = (__int128)(Long)x * (__int128)(Long)y;
         r.w[0] = (ULong)p;
         r.w[1] = (ULong)((unsigned __int128)p >> 64);
         break;
      }
      case Iop_MullU64: {
         unsigned __int128 p = (unsigned __int128)x * y;
         r.w[0] = (ULong)p;
         r.w[1] = (ULong)(p >> 64);
         break;
      }
      case Iop_DivU32:
         if ((UInt)y == 0) { fail(in, "division by zero", "DivU32"); break; }
         r.w[0] = (UInt)x / (UInt)y; break;
      case Iop_DivS32:
         if ((UInt)y == 0 || ((Int)x == (Int)0x80000000 && (Int)y == -1)) {
            fail(in, "bad division", "DivS32"); break;
         }
         r.w[0] = (UInt)((Int)x / (Int)y); break;
      case Iop_DivU64:
         if (y == 0) { fail(in, "division by zero", "DivU64"); break; }
         r.w[0] = x / y; break;
      case Iop_DivS64:
         if (y == 0 || ((Long)x == (Long)0x8000000000000000ULL
                        && (Long)y == -1)) {
            fail(in, "bad division", "DivS64"); break;
         }
         r.w[0] = (ULong)((Long)x / (Long)y); break;
      case Iop_DivModU64to32: {
         UInt d = (UInt)y;
         if (d == 0 || x / d > 0xFFFFFFFFULL) {
            fail(in, "quotient does not fit", "DivModU64to32"); break;
         }
         r.w[0] = ((x % d) << 32) | (x / d);
         break;
      }
      case Iop_DivModS64to32: {
         Long n = (Long)x, d = (Int)y;
         if (d == 0 || (n == (Long)0x8000000000000000ULL && d == -1)) {
            fail(in, "bad division", "DivModS64to32"); break;
         }
         Long q = n / d, m = n % d;
         if (q != (Int)q) {
            fail(in, "quotient does not fit", "DivModS64to32"); break;
         }
         r.w[0] = ((ULong)(UInt)m << 32) | (UInt)q;
         break;
      }
      case Iop_DivModU128to64: {
         ULong lo = a.w[0], hi = a.w[1];
         if (y == 0 || hi >= y) {
            fail(in, "quotient does not fit", "DivModU128to64"); break;
         }
         divmod_u128(hi, lo, y, &r.w[0], &r.w[1]);
         break;
      }
      case Iop_DivModS128to64: {
         ULong lo = a.w[0], hi = a.w[1];
         if (y == 0) {
            fail(in, "division by zero", "DivModS128to64"); break;
         }
         __int128 n = (__int128)(((unsigned __int128)hi << 64) | lo);
         __int128 q = n / (Long)y;
         if (q != (Long)q) {
            fail(in, "quotient does not fit", "DivModS128to64"); break;
         }
         divmod_s128(hi, lo, y, &r.w[0], &r.w[1]);
         break;
      }
      case Iop_DivModU64to64:
         if (y == 0) { fail(in, "division by zero", "DivModU64to64"); break; }
         r.w[0] = x / y; r.w[1] = x % y; break;
      case Iop_DivModS64to64:
         if (y == 0 || ((Long)x == (Long)0x8000000000000000ULL
                        && (Long)y == -1)) {
            fail(in, "bad division", "DivModS64to64"); break;
         }
         r.w[0] = (ULong)((Long)x / (Long)y);
         r.w[1] = (ULong)((Long)x % (Long)y);
         break;
      case Iop_8HLto16:  r.w[0] = ((x & 0xFF) << 8) | (y & 0xFF); break;
      case Iop_16HLto32: r.w[0] = ((x & 0xFFFF) << 16) | (y & 0xFFFF); break;
      case Iop_32HLto64: r.w[0] = ((x & 0xFFFFFFFFULL) << 32)
                                  | (y & 0xFFFFFFFFULL); break;
      case Iop_64HLto128: r.w[0] = y; r.w[1] = x; break;
      case Iop_64HLtoV128: r.w[0] = y; r.w[1] = x; break;
      case Iop_AndV128: r.w[0] = x & y; r.w[1] = a.w[1] & b.w[1]; break;
      case Iop_OrV128:  r.w[0] = x | y; r.w[1] = a.w[1] | b.w[1]; break;
      case Iop_XorV128: r.w[0] = x ^ y; r.w[1] = a.w[1] ^ b.w[1]; break;
      case Iop_AndV256: for (Int i = 0; i < 4; i++) r.w[i] = a.w[i] & b.w[i];
                        break;
      case Iop_OrV256:  for (Int i = 0; i < 4; i++) r.w[i] = a.w[i] | b.w[i];
                        break;
      case Iop_XorV256: for (Int i = 0; i < 4; i++) r.w[i] = a.w[i] ^ b.w[i];
                        break;
      case Iop_V128HLtoV256:
         r.w[0] = b.w[0]; r.w[1] = b.w[1]; r.w[2] = a.w[0]; r.w[3] = a.w[1];
         break;
      case Iop_SetV128lo64: r.w[0] = y; r.w[1] = a.w[1]; break;
      case Iop_SetV128lo32:
         r.w[0] = (x & 0xFFFFFFFF00000000ULL) | (y & 0xFFFFFFFFULL);
         r.w[1] = a.w[1];
         break;
      case Iop_I64StoF64:
         r.w[0] = bits_of_f64((double)(Long)y); break;   /* nearest only */
      case Iop_F64toF32:
         r.w[0] = bits_of_f32((float)f64_of(y)); break;  /* nearest only */
      case Iop_SqrtF64:
         r.w[0] = bits_of_f64(sqrt(f64_of(y))); break;
      case Iop_CmpF64: {
         double p = f64_of(x), q = f64_of(y);
         r.w[0] = (p != p || q != q) ? Ircr_UN : p < q ? Ircr_LT
                  : p > q ? Ircr_GT : Ircr_EQ;
         break;
      }
      default:
         fail(in, "unimplemented binop", nameOfIROp(op));
   }
   return r;
}

static Val do_triop(Interp* in, IROp op, Val a, Val b, Val c)
{
   Val r = zero_val();
   if (ir_interp_simd_triop(op, a.w, b.w, c.w, r.w))  /* ir_interp_simd.c */
      return r;
   if ((a.w[0] & 7) != Irrm_NEAREST) {
      fail(in, "rounding mode other than nearest", nameOfIROp(op));
      return r;
   }
   switch (op) {
      case Iop_AddF64: r.w[0] = bits_of_f64(f64_of(b.w[0]) + f64_of(c.w[0]));
                       break;
      case Iop_SubF64: r.w[0] = bits_of_f64(f64_of(b.w[0]) - f64_of(c.w[0]));
                       break;
      case Iop_MulF64: r.w[0] = bits_of_f64(f64_of(b.w[0]) * f64_of(c.w[0]));
                       break;
      case Iop_DivF64: r.w[0] = bits_of_f64(f64_of(b.w[0]) / f64_of(c.w[0]));
                       break;
      case Iop_AddF32: r.w[0] = bits_of_f32(f32_of(b.w[0]) + f32_of(c.w[0]));
                       break;
      case Iop_SubF32: r.w[0] = bits_of_f32(f32_of(b.w[0]) - f32_of(c.w[0]));
                       break;
      case Iop_MulF32: r.w[0] = bits_of_f32(f32_of(b.w[0]) * f32_of(c.w[0]));
                       break;
      case Iop_DivF32: r.w[0] = bits_of_f32(f32_of(b.w[0]) / f32_of(c.w[0]));
                       break;
      default:
         fail(in, "unimplemented triop", nameOfIROp(op));
   }
   return r;
}

typedef ULong (*Helper0)(void);
typedef ULong (*Helper1)(ULong);
typedef ULong (*Helper2)(ULong, ULong);
typedef ULong (*Helper3)(ULong, ULong, ULong);
typedef ULong (*Helper4)(ULong, ULong, ULong, ULong);
typedef ULong (*Helper5)(ULong, ULong, ULong, ULong, ULong);
typedef ULong (*Helper6)(ULong, ULong, ULong, ULong, ULong, ULong);

static ULong call_helper(Interp* in, void* fn, Int n, const ULong* a)
{
   ir_interp_helper_calls++;
   switch (n) {
      case 0: return ((Helper0)fn)();
      case 1: return ((Helper1)fn)(a[0]);
      case 2: return ((Helper2)fn)(a[0], a[1]);
      case 3: return ((Helper3)fn)(a[0], a[1], a[2]);
      case 4: return ((Helper4)fn)(a[0], a[1], a[2], a[3]);
      case 5: return ((Helper5)fn)(a[0], a[1], a[2], a[3], a[4]);
      case 6: return ((Helper6)fn)(a[0], a[1], a[2], a[3], a[4], a[5]);
      default:
         fail(in, "helper with more than 6 arguments", NULL);
         return 0;
   }
}

static Bool offset_ok(Interp* in, Int off, Int size)
{
   if (off < 0 || off + size > in->gst_size) {
      fail(in, "guest state access out of range", NULL);
      return False;
   }
   return True;
}

static Int geti_offset(Interp* in, const IRRegArray* descr, Val ix, Int bias)
{
   Int n = descr->nElems;
   Int i = (Int)(((Long)(Int)ix.w[0] + bias) % n);
   if (i < 0)
      i += n;
   return descr->base + i * ty_size(descr->elemTy);
}

static Val eval(Interp* in, const IRExpr* e)
{
   switch (e->tag) {
      case Iex_Get: {
         IRType ty = e->Iex.Get.ty;
         if (!offset_ok(in, e->Iex.Get.offset, ty_size(ty)))
            return zero_val();
         return load_bytes(in->gst + e->Iex.Get.offset, ty);
      }
      case Iex_GetI: {
         Val ix = eval(in, e->Iex.GetI.ix);
         Int off = geti_offset(in, e->Iex.GetI.descr, ix, e->Iex.GetI.bias);
         IRType ty = e->Iex.GetI.descr->elemTy;
         if (!offset_ok(in, off, ty_size(ty)))
            return zero_val();
         return load_bytes(in->gst + off, ty);
      }
      case Iex_RdTmp:
         return in->tmps[e->Iex.RdTmp.tmp];
      case Iex_Const:
         return const_val(e->Iex.Const.con);
      case Iex_Unop: {
         Val a = eval(in, e->Iex.Unop.arg);
         IRType t_dst, t1, t2, t3, t4;
         typeOfPrimop(e->Iex.Unop.op, &t_dst, &t1, &t2, &t3, &t4);
         return trunc_to(t_dst, do_unop(in, e->Iex.Unop.op, a));
      }
      case Iex_Binop: {
         Val a = eval(in, e->Iex.Binop.arg1);
         Val b = eval(in, e->Iex.Binop.arg2);
         IRType t_dst, t1, t2, t3, t4;
         typeOfPrimop(e->Iex.Binop.op, &t_dst, &t1, &t2, &t3, &t4);
         return trunc_to(t_dst, do_binop(in, e->Iex.Binop.op, a, b));
      }
      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         Val a = eval(in, t->arg1), b = eval(in, t->arg2);
         Val c = eval(in, t->arg3);
         return do_triop(in, t->op, a, b, c);
      }
      case Iex_Qop:
         fail(in, "unimplemented qop", nameOfIROp(e->Iex.Qop.details->op));
         return zero_val();
      case Iex_Load: {
         Val a = eval(in, e->Iex.Load.addr);
         if (!mem_ok(in, a.w[0], ty_size(e->Iex.Load.ty)))
            return zero_val();
         return load_bytes((const void*)(HWord)a.w[0], e->Iex.Load.ty);
      }
      case Iex_ITE: {
         Val c = eval(in, e->Iex.ITE.cond);
         Val t = eval(in, e->Iex.ITE.iftrue);
         Val f = eval(in, e->Iex.ITE.iffalse);
         return (c.w[0] & 1) ? t : f;
      }
      case Iex_CCall: {
         ULong args[8];
         Int n = 0;
         for (; e->Iex.CCall.args[n] != NULL; n++) {
            if (n >= 8) {
               fail(in, "too many helper arguments", NULL);
               return zero_val();
            }
            args[n] = eval(in, e->Iex.CCall.args[n]).w[0];
         }
         ULong r = call_helper(in, e->Iex.CCall.cee->addr, n, args);
         return trunc_to(e->Iex.CCall.retty, u64_val(r));
      }
      default:
         fail(in, "unexpected expression", NULL);
         return zero_val();
   }
}

static IRType tmp_ty(Interp* in, IRTemp t)
{
   return in->bb->tyenv->types[t];
}

static void do_dirty(Interp* in, const IRDirty* d)
{
   if (!(eval(in, d->guard).w[0] & 1))
      return;
   ULong args[8];
   Val   vecret = zero_val();
   Int   n = 0;
   for (; d->args[n] != NULL; n++) {
      const IRExpr* a = d->args[n];
      if (n >= 6) {
         fail(in, "dirty helper with too many arguments", d->cee->name);
         return;
      }
      if (a->tag == Iex_GSPTR)
         args[n] = (ULong)(HWord)in->gst;
      else if (a->tag == Iex_VECRET)
         args[n] = (ULong)(HWord)&vecret;
      else
         args[n] = eval(in, a).w[0];
   }
   ULong r = call_helper(in, d->cee->addr, n, args);
   if (d->tmp != IRTemp_INVALID) {
      IRType ty = tmp_ty(in, d->tmp);
      in->tmps[d->tmp] = (ty == Ity_V128 || ty == Ity_V256)
                            ? vecret : trunc_to(ty, u64_val(r));
   }
}

static void do_cas(Interp* in, const IRCAS* c)
{
   IRType ty = tmp_ty(in, c->oldLo);
   Int    sz = ty_size(ty);
   UChar* p  = (UChar*)(HWord)eval(in, c->addr).w[0];
   if (!mem_ok(in, (ULong)(HWord)p, c->oldHi == IRTemp_INVALID ? sz : 2 * sz))
      return;
   if (c->oldHi == IRTemp_INVALID) {
      Val expd = eval(in, c->expdLo);
      Val data = eval(in, c->dataLo);
      Val old  = load_bytes(p, ty);
      in->tmps[c->oldLo] = old;
      if (old.w[0] == expd.w[0])
         store_bytes(p, ty, data);
      return;
   }
   Val eHi = eval(in, c->expdHi), eLo = eval(in, c->expdLo);
   Val dHi = eval(in, c->dataHi), dLo = eval(in, c->dataLo);
   Val oLo = load_bytes(p, ty);
   Val oHi = load_bytes(p + sz, ty);
   in->tmps[c->oldLo] = oLo;
   in->tmps[c->oldHi] = oHi;
   if (oLo.w[0] == eLo.w[0] && oHi.w[0] == eHi.w[0]) {
      store_bytes(p, ty, dLo);
      store_bytes(p + sz, ty, dHi);
   }
}

static void put_ip(Interp* in, Int offs, ULong v)
{
   if (offset_ok(in, offs, 8))
      memcpy(in->gst + offs, &v, 8);
}

IRInterpResult ir_interp_run(const IRSB* bb, void* gst, Int gst_size)
{
   Interp in;
   in.bb       = bb;
   in.gst      = gst;
   in.gst_size = gst_size;
   in.failed   = False;
   in.segv     = False;
   in.insn_addr = 0;
   in.tmps     = calloc((size_t)(bb->tyenv->types_used + 1), sizeof(Val));

   IRInterpResult res;
   res.jk        = Ijk_INVALID;
   res.next      = 0;
   res.exit_stmt = -1;

   for (Int i = 0; i < bb->stmts_used && !in.failed; i++) {
      const IRStmt* s = bb->stmts[i];
      ir_interp_stmts_executed++;
      if (in.segv)
         break;
      switch (s->tag) {
         case Ist_IMark:
            in.insn_addr = s->Ist.IMark.addr;
            break;
         case Ist_NoOp: case Ist_AbiHint: case Ist_MBE:
            break;
         case Ist_Put: {
            Val v = eval(&in, s->Ist.Put.data);
            IRType ty = typeOfIRExpr(bb->tyenv, s->Ist.Put.data);
            if (offset_ok(&in, s->Ist.Put.offset, ty_size(ty)))
               store_bytes(in.gst + s->Ist.Put.offset, ty, v);
            break;
         }
         case Ist_PutI: {
            const IRPutI* p = s->Ist.PutI.details;
            Val ix = eval(&in, p->ix);
            Val v  = eval(&in, p->data);
            Int off = geti_offset(&in, p->descr, ix, p->bias);
            if (offset_ok(&in, off, ty_size(p->descr->elemTy)))
               store_bytes(in.gst + off, p->descr->elemTy, v);
            break;
         }
         case Ist_WrTmp:
            in.tmps[s->Ist.WrTmp.tmp] = eval(&in, s->Ist.WrTmp.data);
            break;
         case Ist_Store: {
            Val a = eval(&in, s->Ist.Store.addr);
            Val v = eval(&in, s->Ist.Store.data);
            IRType ty = typeOfIRExpr(bb->tyenv, s->Ist.Store.data);
            if (mem_ok(&in, a.w[0], ty_size(ty)))
               store_bytes((void*)(HWord)a.w[0], ty, v);
            break;
         }
         case Ist_StoreG: {
            const IRStoreG* sg = s->Ist.StoreG.details;
            if (eval(&in, sg->guard).w[0] & 1) {
               Val a = eval(&in, sg->addr);
               Val v = eval(&in, sg->data);
               IRType ty = typeOfIRExpr(bb->tyenv, sg->data);
               if (mem_ok(&in, a.w[0], ty_size(ty)))
                  store_bytes((void*)(HWord)a.w[0], ty, v);
            }
            break;
         }
         case Ist_LoadG: {
            const IRLoadG* lg = s->Ist.LoadG.details;
            IRType t_res, t_arg;
            typeOfIRLoadGOp(lg->cvt, &t_res, &t_arg);
            Val v;
            if (eval(&in, lg->guard).w[0] & 1) {
               Val a = eval(&in, lg->addr);
               if (!mem_ok(&in, a.w[0], ty_size(t_arg)))
                  break;
               v = load_bytes((void*)(HWord)a.w[0], t_arg);
               switch (lg->cvt) {
                  case ILGop_16Sto32: v.w[0] = (ULong)sx(v.w[0], 16)
                                               & 0xFFFFFFFFULL; break;
                  case ILGop_8Sto32:  v.w[0] = (ULong)sx(v.w[0], 8)
                                               & 0xFFFFFFFFULL; break;
                  default: break;
               }
            } else {
               v = eval(&in, lg->alt);
            }
            in.tmps[lg->dst] = v;
            break;
         }
         case Ist_CAS:
            do_cas(&in, s->Ist.CAS.details);
            break;
         case Ist_LLSC: {
            Val a = eval(&in, s->Ist.LLSC.addr);
            void* p = (void*)(HWord)a.w[0];
            if (!mem_ok(&in, a.w[0], 1))
               break;
            if (s->Ist.LLSC.storedata == NULL) {
               in.tmps[s->Ist.LLSC.result] =
                  load_bytes(p, tmp_ty(&in, s->Ist.LLSC.result));
            } else {
               Val v = eval(&in, s->Ist.LLSC.storedata);
               store_bytes(p, typeOfIRExpr(bb->tyenv, s->Ist.LLSC.storedata),
                           v);
               in.tmps[s->Ist.LLSC.result] = u64_val(1);
            }
            break;
         }
         case Ist_Dirty:
            do_dirty(&in, s->Ist.Dirty.details);
            break;
         case Ist_Exit:
            if (eval(&in, s->Ist.Exit.guard).w[0] & 1) {
               ULong dst = const_val(s->Ist.Exit.dst).w[0];
               put_ip(&in, s->Ist.Exit.offsIP, dst);
               res.jk        = s->Ist.Exit.jk;
               res.next      = dst;
               res.exit_stmt = i;
               free(in.tmps);
               return res;
            }
            break;
      }
   }
   if (in.segv && !in.failed) {
      /* The guest state is as the faulting instruction left it. */
      res.jk   = Ijk_SigSEGV;
      res.next = in.insn_addr;
      put_ip(&in, bb->offsIP, in.insn_addr);
      free(in.tmps);
      return res;
   }
   if (!in.failed) {
      ULong nx = eval(&in, bb->next).w[0];
      put_ip(&in, bb->offsIP, nx);
      res.jk   = bb->jumpkind;
      res.next = nx;
   }
   if (in.failed)
      res.jk = Ijk_INVALID;
   free(in.tmps);
   return res;
}
