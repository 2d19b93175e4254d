/* Helpers of the amd64 front end: the clean helpers that turn the lazy
   flags thunk into flags and conditions, the flag specialiser that lets
   the IR avoid those calls, the rotate-through-carry and signed-division
   helpers, the dirty helpers behind CPUID and RDTSC, and the public guest
   state functions.  See guest_amd64_defs.h for the thunk's meaning. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_amd64_defs.h"
#include "guest_amd64_x87.h"

/* ================================================================== */
/* Flags from the thunk                                               */
/* ================================================================== */

/* 1 when the low byte of X has an even number of set bits (PF). */
static inline ULong even_parity(ULong x)
{
   x &= 0xFF;
   x ^= x >> 4;
   x ^= x >> 2;
   x ^= x >> 1;
   return (~x) & 1;
}

/* The six flags given the result's defining values, for an operation of
   SZ bytes.  CF, OF are 0/1; the others are computed from RES. */
static inline ULong pack_flags(ULong cf, ULong pf, ULong af, ULong zf,
                               ULong sf, ULong of)
{
   return ((cf & 1) << AMD64G_CC_SHIFT_C) | ((pf & 1) << AMD64G_CC_SHIFT_P)
          | ((af & 1) << AMD64G_CC_SHIFT_A) | ((zf & 1) << AMD64G_CC_SHIFT_Z)
          | ((sf & 1) << AMD64G_CC_SHIFT_S) | ((of & 1) << AMD64G_CC_SHIFT_O);
}

/* Flags of a result RES (of N bits) for PF, ZF, SF. */
static inline ULong res_pf(ULong res)        { return even_parity(res); }
static inline ULong res_zf(ULong res, ULong mask)
{
   return (res & mask) == 0 ? 1 : 0;
}
static inline ULong res_sf(ULong res, UInt nbits)
{
   return (res >> (nbits - 1)) & 1;
}

/* The double-width product's high half is significant: unsigned. */
static ULong umul_overflow(ULong a, ULong b, UInt nbits, ULong* lo)
{
   if (nbits == 64) {
      unsigned __int128 p = (unsigned __int128)a * (unsigned __int128)b;
      *lo = (ULong)p;
      return (ULong)(p >> 64) != 0 ? 1 : 0;
   }
   ULong mask = (1ULL << nbits) - 1;
   ULong p = (a & mask) * (b & mask);
   *lo = p & mask;
   return (p >> nbits) != 0 ? 1 : 0;
}

static Long sext(ULong x, UInt nbits)
{
   UInt sh = 64 - nbits;
   return (Long)(x << sh) >> sh;
}

/* ... and signed: the high half is not the sign-extension of the low. */
static ULong smul_overflow(ULong a, ULong b, UInt nbits, ULong* lo)
{
   if (nbits == 64) {
      __int128 p = (__int128)(Long)a * (__int128)(Long)b;
      *lo = (ULong)p;
      Long hi = (Long)(p >> 64);
      return hi != ((Long)*lo >> 63) ? 1 : 0;
   }
   Long p = sext(a, nbits) * sext(b, nbits);   /* fits: 2*32 bits */
   ULong mask = (1ULL << nbits) - 1;
   *lo = (ULong)p & mask;
   return p != sext((ULong)p, nbits) ? 1 : 0;
}

ULong amd64g_calculate_rflags_all(ULong cc_op, ULong dep1, ULong dep2,
                                  ULong ndep)
{
   if (cc_op == AMD64G_CC_OP_COPY)
      return dep1 & AMD64G_CC_MASK_OSZACP;
   if (cc_op >= AMD64G_CC_OP_NUMBER)
      vpanic("amd64g_calculate_rflags_all: bad CC_OP");

   UInt  group = (UInt)(cc_op - 1) / 4;     /* 0 = ADD, 1 = SUB, ... */
   UInt  nbits = 8u << ((cc_op - 1) % 4);
   ULong mask  = nbits == 64 ? ~0ULL : (1ULL << nbits) - 1;
   ULong sign  = 1ULL << (nbits - 1);
   ULong cf, af, of, res;

   switch (cc_op - 1 - (cc_op - 1) % 4) {
      case AMD64G_CC_OP_ADDB - 1: {
         ULong l = dep1, r = dep2;
         res = l + r;
         cf  = (res & mask) < (l & mask);
         af  = (res ^ l ^ r) >> 4;
         of  = (((l ^ r ^ sign) & (l ^ res)) & sign) != 0;
         break;
      }
      case AMD64G_CC_OP_SUBB - 1: {
         ULong l = dep1, r = dep2;
         res = l - r;
         cf  = (l & mask) < (r & mask);
         af  = (res ^ l ^ r) >> 4;
         of  = (((l ^ r) & (l ^ res)) & sign) != 0;
         break;
      }
      case AMD64G_CC_OP_ADCB - 1: {
         ULong oldc = ndep & AMD64G_CC_MASK_C;
         ULong l = dep1, r = dep2 ^ oldc;
         res = l + r + oldc;
         cf  = oldc ? (res & mask) <= (l & mask) : (res & mask) < (l & mask);
         af  = (res ^ l ^ r) >> 4;
         of  = (((l ^ r ^ sign) & (l ^ res)) & sign) != 0;
         break;
      }
      case AMD64G_CC_OP_SBBB - 1: {
         ULong oldc = ndep & AMD64G_CC_MASK_C;
         ULong l = dep1, r = dep2 ^ oldc;
         res = l - r - oldc;
         cf  = oldc ? (l & mask) <= (r & mask) : (l & mask) < (r & mask);
         af  = (res ^ l ^ r) >> 4;
         of  = (((l ^ r) & (l ^ res)) & sign) != 0;
         break;
      }
      case AMD64G_CC_OP_LOGICB - 1:
         res = dep1;
         cf = af = of = 0;
         break;
      case AMD64G_CC_OP_INCB - 1: {
         res = dep1;
         ULong l = res - 1;
         cf  = ndep & AMD64G_CC_MASK_C;
         af  = (res ^ l ^ 1) >> 4;
         of  = (res & mask) == sign;
         break;
      }
      case AMD64G_CC_OP_DECB - 1: {
         res = dep1;
         ULong l = res + 1;
         cf  = ndep & AMD64G_CC_MASK_C;
         af  = (res ^ l ^ 1) >> 4;
         of  = (res & mask) == sign - 1;
         break;
      }
      case AMD64G_CC_OP_SHLB - 1:
         res = dep1;
         cf  = (dep2 >> (nbits - 1)) & 1;
         af  = 0;
         of  = ((res ^ dep2) & sign) != 0;
         break;
      case AMD64G_CC_OP_SHRB - 1:
         res = dep1;
         cf  = dep2 & 1;
         af  = 0;
         of  = ((res ^ dep2) & sign) != 0;
         break;
      case AMD64G_CC_OP_ROLB - 1: {
         ULong keep = ndep & (AMD64G_CC_MASK_S | AMD64G_CC_MASK_Z
                              | AMD64G_CC_MASK_A | AMD64G_CC_MASK_P);
         cf = dep1 & 1;
         of = ((dep1 >> (nbits - 1)) ^ cf) & 1;
         return keep | pack_flags(cf, 0, 0, 0, 0, of);
      }
      case AMD64G_CC_OP_RORB - 1: {
         ULong keep = ndep & (AMD64G_CC_MASK_S | AMD64G_CC_MASK_Z
                              | AMD64G_CC_MASK_A | AMD64G_CC_MASK_P);
         cf = (dep1 >> (nbits - 1)) & 1;
         of = (cf ^ (dep1 >> (nbits - 2))) & 1;
         return keep | pack_flags(cf, 0, 0, 0, 0, of);
      }
      case AMD64G_CC_OP_UMULB - 1:
         cf = of = umul_overflow(dep1, dep2, nbits, &res);
         af = 0;
         break;
      case AMD64G_CC_OP_SMULB - 1:
         cf = of = smul_overflow(dep1, dep2, nbits, &res);
         af = 0;
         break;
      default:
         vpanic("amd64g_calculate_rflags_all: unhandled CC_OP");
   }
   (void)group;
   return pack_flags(cf, res_pf(res), af, res_zf(res, mask),
                     res_sf(res, nbits), of);
}

ULong amd64g_calculate_rflags_c(ULong cc_op, ULong dep1, ULong dep2,
                                ULong ndep)
{
   /* The common cases without computing the rest. */
   switch (cc_op) {
      case AMD64G_CC_OP_COPY:
         return dep1 & AMD64G_CC_MASK_C;
      case AMD64G_CC_OP_LOGICB: case AMD64G_CC_OP_LOGICW:
      case AMD64G_CC_OP_LOGICL: case AMD64G_CC_OP_LOGICQ:
         return 0;
      case AMD64G_CC_OP_SUBQ:
         return dep1 < dep2 ? 1 : 0;
      case AMD64G_CC_OP_SUBL:
         return (UInt)dep1 < (UInt)dep2 ? 1 : 0;
      case AMD64G_CC_OP_ADDQ:
         return dep1 + dep2 < dep1 ? 1 : 0;
      case AMD64G_CC_OP_INCB: case AMD64G_CC_OP_INCW:
      case AMD64G_CC_OP_INCL: case AMD64G_CC_OP_INCQ:
      case AMD64G_CC_OP_DECB: case AMD64G_CC_OP_DECW:
      case AMD64G_CC_OP_DECL: case AMD64G_CC_OP_DECQ:
         return ndep & AMD64G_CC_MASK_C;
      default:
         return amd64g_calculate_rflags_all(cc_op, dep1, dep2, ndep)
                & AMD64G_CC_MASK_C;
   }
}

ULong amd64g_calculate_condition(ULong cond, ULong cc_op, ULong dep1,
                                 ULong dep2, ULong ndep)
{
   ULong f  = amd64g_calculate_rflags_all(cc_op, dep1, dep2, ndep);
   ULong of = (f >> AMD64G_CC_SHIFT_O) & 1;
   ULong sf = (f >> AMD64G_CC_SHIFT_S) & 1;
   ULong zf = (f >> AMD64G_CC_SHIFT_Z) & 1;
   ULong cf = (f >> AMD64G_CC_SHIFT_C) & 1;
   ULong pf = (f >> AMD64G_CC_SHIFT_P) & 1;
   ULong r;
   switch (cond & ~1ULL) {
      case AMD64CondO:  r = of; break;
      case AMD64CondB:  r = cf; break;
      case AMD64CondZ:  r = zf; break;
      case AMD64CondBE: r = cf | zf; break;
      case AMD64CondS:  r = sf; break;
      case AMD64CondP:  r = pf; break;
      case AMD64CondL:  r = sf ^ of; break;
      case AMD64CondLE: r = (sf ^ of) | zf; break;
      case AMD64CondAlways: return 1;
      default:
         vpanic("amd64g_calculate_condition: bad condition");
   }
   return (r ^ (cond & 1)) & 1;
}

/* ================================================================== */
/* Rotate through carry                                               */
/* ================================================================== */

/* The rotation count after masking (5 bits, 6 for 64-bit operands) and,
   for byte and word operands, reduction modulo 9 and 17. */
static ULong rc_count(ULong count, UInt nbits, ULong* masked)
{
   ULong c = count & (nbits == 64 ? 63 : 31);
   *masked = c;
   if (nbits == 8)
      c %= 9;
   else if (nbits == 16)
      c %= 17;
   return c;
}

/* RCL/RCR: the result (WANT_FLAGS false) or the new flags. */
static ULong rcl_rcr(Bool left, ULong arg, ULong count, ULong rflags_in,
                     ULong sz, Bool want_flags)
{
   vassert(sz == 1 || sz == 2 || sz == 4 || sz == 8);
   UInt  nbits = (UInt)sz * 8;
   ULong mask  = nbits == 64 ? ~0ULL : (1ULL << nbits) - 1;
   ULong masked;
   ULong n  = rc_count(count, nbits, &masked);
   ULong cf = rflags_in & AMD64G_CC_MASK_C;
   ULong of;
   arg &= mask;
   if (left) {
      for (ULong i = 0; i < n; i++) {
         ULong out = (arg >> (nbits - 1)) & 1;
         arg = ((arg << 1) | cf) & mask;
         cf  = out;
      }
      of = ((arg >> (nbits - 1)) ^ cf) & 1;
   } else {
      of = ((arg >> (nbits - 1)) ^ cf) & 1;
      for (ULong i = 0; i < n; i++) {
         ULong out = arg & 1;
         arg = (arg >> 1) | (cf << (nbits - 1));
         cf  = out;
      }
   }
   if (!want_flags)
      return arg;
   if (masked == 0)
      return rflags_in & AMD64G_CC_MASK_OSZACP;
   return (rflags_in & AMD64G_CC_MASK_OSZACP
           & ~(AMD64G_CC_MASK_C | AMD64G_CC_MASK_O))
          | (cf << AMD64G_CC_SHIFT_C) | (of << AMD64G_CC_SHIFT_O);
}

ULong amd64g_calculate_RCL(ULong arg, ULong count, ULong rflags_in, ULong sz)
{
   return rcl_rcr(True, arg, count, rflags_in, sz, False);
}

ULong amd64g_calculate_RCR(ULong arg, ULong count, ULong rflags_in, ULong sz)
{
   return rcl_rcr(False, arg, count, rflags_in, sz, False);
}

ULong amd64g_calculate_RCL_flags(ULong arg, ULong count, ULong rflags_in,
                                 ULong sz)
{
   return rcl_rcr(True, arg, count, rflags_in, sz, True);
}

ULong amd64g_calculate_RCR_flags(ULong arg, ULong count, ULong rflags_in,
                                 ULong sz)
{
   return rcl_rcr(False, arg, count, rflags_in, sz, True);
}

/* ================================================================== */
/* Signed division faults                                             */
/* ================================================================== */

/* The unsigned quotient of the 128-bit HI:LO by D (HI < D, so that it
   fits), by shift-and-subtract. */
static ULong udiv_128_by_64(ULong hi, ULong lo, ULong d)
{
   ULong q = 0;
   for (Int i = 0; i < 64; i++) {
      ULong top = hi >> 63;
      hi = (hi << 1) | (lo >> 63);
      lo <<= 1;
      q <<= 1;
      if (top || hi >= d) {
         hi -= d;
         q |= 1;
      }
   }
   return q;
}

ULong amd64g_calculate_idiv_fault(ULong hi, ULong lo, ULong divisor, ULong sz)
{
   vassert(sz == 1 || sz == 2 || sz == 4 || sz == 8);
   UInt nbits = (UInt)sz * 8;
   Long d = sext(divisor, nbits);
   if (d == 0)
      return 1;
   if (sz < 8) {
      /* The dividend (2*sz bytes) fits in 64 bits: it is LO. */
      Long n = sext(lo, 2 * nbits);
      if (n == (Long)0x8000000000000000ULL && d == -1)
         return 1;
      Long q   = n / d;
      Long max = (Long)((1ULL << (nbits - 1)) - 1);
      return (q > max || q < -max - 1) ? 1 : 0;
   }
   /* 128-bit dividend: work on magnitudes. */
   Bool  neg_n = (Long)hi < 0;
   ULong nh = hi, nl = lo;
   if (neg_n) {
      nl = ~nl + 1;
      nh = ~nh + (nl == 0 ? 1 : 0);
   }
   Bool  neg_d = d < 0;
   ULong ad = neg_d ? (ULong)0 - (ULong)d : (ULong)d;
   if (nh >= ad)
      return 1;                      /* |quotient| >= 2^64 */
   ULong q = udiv_128_by_64(nh, nl, ad);
   ULong limit = neg_n != neg_d ? 0x8000000000000000ULL
                                : 0x7FFFFFFFFFFFFFFFULL;
   return q > limit ? 1 : 0;
}

/* ================================================================== */
/* CRC-32C                                                            */
/* ================================================================== */

ULong amd64g_calculate_crc32c(ULong crc, ULong data, ULong sz)
{
   UInt c = (UInt)crc;
   for (ULong i = 0; i < sz; i++) {
      c ^= (UInt)(data >> (8 * i)) & 0xFF;
      for (Int k = 0; k < 8; k++)
         c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1)));
   }
   return c;
}

/* ================================================================== */
/* CPUID, RDTSC                                                       */
/* ================================================================== */

/* Feature bits of CPUID leaf 1 and 0x80000001 (Intel SDM vol. 2A,
   table 3-10/3-11). */
#define CPUID1_ECX_SSE3    (1u << 0)
#define CPUID1_ECX_SSSE3   (1u << 9)
#define CPUID1_ECX_CX16    (1u << 13)
#define CPUID1_ECX_SSE41   (1u << 19)
#define CPUID1_ECX_SSE42   (1u << 20)
#define CPUID1_ECX_POPCNT  (1u << 23)

#define CPUID1_EDX_FPU     (1u << 0)
#define CPUID1_EDX_VME     (1u << 1)
#define CPUID1_EDX_DE      (1u << 2)
#define CPUID1_EDX_PSE     (1u << 3)
#define CPUID1_EDX_TSC     (1u << 4)
#define CPUID1_EDX_MSR     (1u << 5)
#define CPUID1_EDX_PAE     (1u << 6)
#define CPUID1_EDX_MCE     (1u << 7)
#define CPUID1_EDX_CX8     (1u << 8)
#define CPUID1_EDX_APIC    (1u << 9)
#define CPUID1_EDX_SEP     (1u << 11)
#define CPUID1_EDX_MTRR    (1u << 12)
#define CPUID1_EDX_PGE     (1u << 13)
#define CPUID1_EDX_MCA     (1u << 14)
#define CPUID1_EDX_CMOV    (1u << 15)
#define CPUID1_EDX_PAT     (1u << 16)
#define CPUID1_EDX_PSE36   (1u << 17)
#define CPUID1_EDX_CLFSH   (1u << 19)
#define CPUID1_EDX_MMX     (1u << 23)
#define CPUID1_EDX_FXSR    (1u << 24)
#define CPUID1_EDX_SSE     (1u << 25)
#define CPUID1_EDX_SSE2    (1u << 26)

#define CPUIDX1_ECX_LAHF   (1u << 0)
#define CPUIDX1_EDX_SYSCALL (1u << 11)
#define CPUIDX1_EDX_NX     (1u << 20)
#define CPUIDX1_EDX_LM     (1u << 29)

/* Four characters of a string, as CPUID returns them in a register. */
static UInt str4(const HChar* s)
{
   return (UInt)(UChar)s[0] | ((UInt)(UChar)s[1] << 8)
          | ((UInt)(UChar)s[2] << 16) | ((UInt)(UChar)s[3] << 24);
}

void amd64g_dirtyhelper_CPUID_v2(VexGuestAMD64State* st)
{
   /* 48 characters, NUL-padded. */
   static const HChar brand[49] =
      "Valgrind-style x86-64-v2 virtual CPU\0\0\0\0\0\0\0\0\0\0\0\0";
   UInt leaf = (UInt)st->guest_RAX;
   UInt sub  = (UInt)st->guest_RCX;
   UInt a = 0, b = 0, c = 0, d = 0;

   switch (leaf) {
      case 0x0:
         a = 0x7;                       /* highest basic leaf */
         b = str4("Genu"); d = str4("ineI"); c = str4("ntel");
         break;
      case 0x1:
         a = 0x000206C2;                /* family 6, model 0x2C */
         b = (1u << 16) | (8u << 8);    /* 1 logical cpu, 64-byte clflush */
         c = CPUID1_ECX_SSE3 | CPUID1_ECX_SSSE3 | CPUID1_ECX_CX16
             | CPUID1_ECX_SSE41 | CPUID1_ECX_SSE42 | CPUID1_ECX_POPCNT;
         d = CPUID1_EDX_FPU | CPUID1_EDX_VME | CPUID1_EDX_DE | CPUID1_EDX_PSE
             | CPUID1_EDX_TSC | CPUID1_EDX_MSR | CPUID1_EDX_PAE
             | CPUID1_EDX_MCE | CPUID1_EDX_CX8 | CPUID1_EDX_APIC
             | CPUID1_EDX_SEP | CPUID1_EDX_MTRR | CPUID1_EDX_PGE
             | CPUID1_EDX_MCA | CPUID1_EDX_CMOV | CPUID1_EDX_PAT
             | CPUID1_EDX_PSE36 | CPUID1_EDX_CLFSH | CPUID1_EDX_MMX
             | CPUID1_EDX_FXSR | CPUID1_EDX_SSE | CPUID1_EDX_SSE2;
         break;
      case 0x2:
         a = 0x0000FF01;                /* descriptor FF: see leaf 4 */
         break;
      case 0x4: {
         /* Deterministic cache parameters: type, level, ways, line,
            sets for L1d 32K, L1i 32K, L2 256K, L3 8M. */
         static const struct { UInt type, level, ways, sets; } caches[4] = {
            { 1, 1, 8, 64 }, { 2, 1, 8, 64 }, { 3, 2, 8, 512 },
            { 3, 3, 16, 8192 }
         };
         if (sub < 4) {
            a = caches[sub].type | (caches[sub].level << 5) | (1u << 8);
            b = ((caches[sub].ways - 1) << 22) | 63;   /* 64-byte lines */
            c = caches[sub].sets - 1;
         }
         break;
      }
      case 0x80000000:
         a = 0x80000008;
         break;
      case 0x80000001:
         c = CPUIDX1_ECX_LAHF;
         d = CPUIDX1_EDX_SYSCALL | CPUIDX1_EDX_NX | CPUIDX1_EDX_LM;
         break;
      case 0x80000002: case 0x80000003: case 0x80000004: {
         const HChar* s = brand + 16 * (leaf - 0x80000002);
         a = str4(s); b = str4(s + 4); c = str4(s + 8); d = str4(s + 12);
         break;
      }
      case 0x80000006:
         c = (256u << 16) | (6u << 12) | 64;   /* L2: 256K, 8-way, 64 */
         break;
      case 0x80000008:
         a = 0x00003030;                /* 48-bit physical and virtual */
         break;
      default:
         break;                         /* zeroes: nothing to report */
   }
   st->guest_RAX = a;
   st->guest_RBX = b;
   st->guest_RCX = c;
   st->guest_RDX = d;
}

ULong amd64g_dirtyhelper_RDTSC(void)
{
#if defined(__x86_64__)
   UInt lo, hi;
   __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
   return ((ULong)hi << 32) | lo;
#else
   return 0;
#endif
}

void amd64g_dirtyhelper_RDTSCP(VexGuestAMD64State* st)
{
   ULong t = amd64g_dirtyhelper_RDTSC();
   st->guest_RAX = t & 0xFFFFFFFFULL;
   st->guest_RDX = t >> 32;
   st->guest_RCX = 0;
}

/* ================================================================== */
/* The flag specialiser                                               */
/* ================================================================== */

static Bool isU64(const IRExpr* e, ULong n)
{
   return toBool(e->tag == Iex_Const && e->Iex.Const.con->tag == Ico_U64
                 && e->Iex.Const.con->Ico.U64 == n);
}

static Bool constU64(const IRExpr* e, ULong* n)
{
   if (e->tag != Iex_Const || e->Iex.Const.con->tag != Ico_U64)
      return False;
   *n = e->Iex.Const.con->Ico.U64;
   return True;
}

static IRExpr* c64(ULong n) { return IRExpr_Const(IRConst_U64(n)); }
static IRExpr* un(IROp op, IRExpr* a) { return IRExpr_Unop(op, a); }
static IRExpr* bin(IROp op, IRExpr* a, IRExpr* b)
{
   return IRExpr_Binop(op, a, b);
}
static IRExpr* bit(IRExpr* e1) { return un(Iop_1Uto64, e1); }

/* X (I64) with its low SZ bytes moved to the top, so that comparing two
   such values compares the SZ-byte values. */
static IRExpr* top_aligned(Int sz, IRExpr* x)
{
   return sz == 8 ? x : bin(Iop_Shl64, x, IRExpr_Const(IRConst_U8(
                                               (UChar)(64 - 8 * sz))));
}

/* X (I64) == 0 / != 0 at size SZ. */
static IRExpr* is_zero(Int sz, IRExpr* x, Bool eq)
{
   switch (sz) {
      case 1: return bin(eq ? Iop_CmpEQ8 : Iop_CmpNE8, un(Iop_64to8, x),
                         IRExpr_Const(IRConst_U8(0)));
      case 2: return bin(eq ? Iop_CmpEQ16 : Iop_CmpNE16, un(Iop_64to16, x),
                         IRExpr_Const(IRConst_U16(0)));
      case 4: return bin(eq ? Iop_CmpEQ32 : Iop_CmpNE32, un(Iop_64to32, x),
                         IRExpr_Const(IRConst_U32(0)));
      default: return bin(eq ? Iop_CmpEQ64 : Iop_CmpNE64, x, c64(0));
   }
}

/* X == Y at size SZ (both I64). */
static IRExpr* equal(Int sz, IRExpr* x, IRExpr* y, Bool eq)
{
   switch (sz) {
      case 1: return bin(eq ? Iop_CmpEQ8 : Iop_CmpNE8, un(Iop_64to8, x),
                         un(Iop_64to8, y));
      case 2: return bin(eq ? Iop_CmpEQ16 : Iop_CmpNE16, un(Iop_64to16, x),
                         un(Iop_64to16, y));
      case 4: return bin(eq ? Iop_CmpEQ32 : Iop_CmpNE32, un(Iop_64to32, x),
                         un(Iop_64to32, y));
      default: return bin(eq ? Iop_CmpEQ64 : Iop_CmpNE64, x, y);
   }
}

/* Ordered comparisons of SZ-byte values held in I64s. */
static IRExpr* less(Int sz, Bool is_signed, Bool or_equal, IRExpr* x,
                    IRExpr* y)
{
   if (sz == 4) {
      IROp op = is_signed ? (or_equal ? Iop_CmpLE32S : Iop_CmpLT32S)
                          : (or_equal ? Iop_CmpLE32U : Iop_CmpLT32U);
      return bin(op, un(Iop_64to32, x), un(Iop_64to32, y));
   }
   IROp op = is_signed ? (or_equal ? Iop_CmpLE64S : Iop_CmpLT64S)
                       : (or_equal ? Iop_CmpLE64U : Iop_CmpLT64U);
   return bin(op, top_aligned(sz, x), top_aligned(sz, y));
}

/* The sign of X at size SZ: x < 0 (or x >= 0 when !NEG). */
static IRExpr* sign_of(Int sz, IRExpr* x, Bool neg)
{
   return neg ? less(sz, True, False, x, c64(0))
              : less(sz, True, True, c64(0), x);
}

/* A condition evaluated from COPY's explicit flags DEP1. */
static IRExpr* cond_from_copy(ULong cond, IRExpr* dep1)
{
   IRExpr* f = dep1;
#  define FLAG(sh) bin(Iop_Shr64, f, IRExpr_Const(IRConst_U8(sh)))
   IRExpr* v;
   switch (cond & ~1ULL) {
      case AMD64CondO:  v = FLAG(AMD64G_CC_SHIFT_O); break;
      case AMD64CondB:  v = f; break;
      case AMD64CondZ:  v = FLAG(AMD64G_CC_SHIFT_Z); break;
      case AMD64CondBE: v = bin(Iop_Or64, f, FLAG(AMD64G_CC_SHIFT_Z)); break;
      case AMD64CondS:  v = FLAG(AMD64G_CC_SHIFT_S); break;
      case AMD64CondP:  v = FLAG(AMD64G_CC_SHIFT_P); break;
      case AMD64CondL:
         v = bin(Iop_Xor64, FLAG(AMD64G_CC_SHIFT_S), FLAG(AMD64G_CC_SHIFT_O));
         break;
      case AMD64CondLE:
         v = bin(Iop_Or64,
                 bin(Iop_Xor64, FLAG(AMD64G_CC_SHIFT_S),
                     FLAG(AMD64G_CC_SHIFT_O)),
                 FLAG(AMD64G_CC_SHIFT_Z));
         break;
      default:
         return NULL;
   }
#  undef FLAG
   if (cond & 1)
      v = bin(Iop_Xor64, v, c64(1));
   return bin(Iop_And64, v, c64(1));
}

static IRExpr* spec_condition(ULong cond, ULong op, IRExpr* dep1,
                              IRExpr* dep2, IRExpr* ndep)
{
   if (op == AMD64G_CC_OP_COPY)
      return cond_from_copy(cond, dep1);
   if (op >= AMD64G_CC_OP_NUMBER)
      return NULL;
   Int  sz    = 1 << ((op - 1) % 4);
   UInt group = (UInt)(op - 1 - (op - 1) % 4) + 1;  /* the ..B op */
   Bool neg   = toBool(cond & 1);
   ULong c    = cond & ~1ULL;

   switch (group) {
      case AMD64G_CC_OP_SUBB:
         /* cmp/sub: DEP1 - DEP2. */
         switch (c) {
            case AMD64CondZ:
               return bit(equal(sz, dep1, dep2, !neg));
            case AMD64CondB:   /* dep1 <u dep2;  NB: dep2 <=u dep1 */
               return bit(neg ? less(sz, False, True, dep2, dep1)
                              : less(sz, False, False, dep1, dep2));
            case AMD64CondBE:
               return bit(neg ? less(sz, False, False, dep2, dep1)
                              : less(sz, False, True, dep1, dep2));
            case AMD64CondL:
               return bit(neg ? less(sz, True, True, dep2, dep1)
                              : less(sz, True, False, dep1, dep2));
            case AMD64CondLE:
               return bit(neg ? less(sz, True, False, dep2, dep1)
                              : less(sz, True, True, dep1, dep2));
            case AMD64CondS:
               return bit(sign_of(sz, bin(Iop_Sub64, dep1, dep2), !neg));
            default:
               return NULL;
         }
      case AMD64G_CC_OP_ADDB: {
         IRExpr* res = bin(Iop_Add64, dep1, dep2);
         switch (c) {
            case AMD64CondZ: return bit(is_zero(sz, res, !neg));
            case AMD64CondS: return bit(sign_of(sz, res, !neg));
            case AMD64CondB: /* carry: res <u dep1 */
               return bit(neg ? less(sz, False, True, dep1, res)
                              : less(sz, False, False, res, dep1));
            default: return NULL;
         }
      }
      case AMD64G_CC_OP_LOGICB:
         /* O and C are clear. */
         switch (c) {
            case AMD64CondZ:  return bit(is_zero(sz, dep1, !neg));
            case AMD64CondS:
            case AMD64CondL:  return bit(sign_of(sz, dep1, !neg));
            case AMD64CondLE:
               return bit(neg ? less(sz, True, False, c64(0), dep1)
                              : less(sz, True, True, dep1, c64(0)));
            case AMD64CondBE: return bit(is_zero(sz, dep1, !neg));
            case AMD64CondO:
            case AMD64CondB:  return c64(neg ? 1 : 0);
            default:          return NULL;
         }
      case AMD64G_CC_OP_INCB:
      case AMD64G_CC_OP_DECB:
         switch (c) {
            case AMD64CondZ: return bit(is_zero(sz, dep1, !neg));
            case AMD64CondS: return bit(sign_of(sz, dep1, !neg));
            case AMD64CondB:
               return bin(Iop_Xor64, bin(Iop_And64, ndep, c64(1)),
                          c64(neg ? 1 : 0));
            default: return NULL;
         }
      case AMD64G_CC_OP_SHLB:
      case AMD64G_CC_OP_SHRB:
         switch (c) {
            case AMD64CondZ: return bit(is_zero(sz, dep1, !neg));
            case AMD64CondS: return bit(sign_of(sz, dep1, !neg));
            default: return NULL;
         }
      default:
         return NULL;
   }
}

static IRExpr* spec_carry(ULong op, IRExpr* dep1, IRExpr* dep2, IRExpr* ndep)
{
   if (op == AMD64G_CC_OP_COPY)
      return bin(Iop_And64, dep1, c64(1));
   if (op >= AMD64G_CC_OP_NUMBER)
      return NULL;
   Int  sz    = 1 << ((op - 1) % 4);
   UInt group = (UInt)(op - 1 - (op - 1) % 4) + 1;
   switch (group) {
      case AMD64G_CC_OP_SUBB:
         return bit(less(sz, False, False, dep1, dep2));
      case AMD64G_CC_OP_ADDB:
         return bit(less(sz, False, False, bin(Iop_Add64, dep1, dep2), dep1));
      case AMD64G_CC_OP_LOGICB:
         return c64(0);
      case AMD64G_CC_OP_ADCB: {
         /* res = dep1 + argR + oldc, argR = dep2 ^ oldc; carry out:
            res <=u dep1 with a carry in, res <u dep1 without */
         IRExpr* oldc = bin(Iop_And64, ndep, c64(1));
         IRExpr* res  = bin(Iop_Add64, bin(Iop_Add64, dep1,
                                           bin(Iop_Xor64, dep2, oldc)), oldc);
         return IRExpr_ITE(bin(Iop_CmpNE64, oldc, c64(0)),
                           bit(less(sz, False, True, res, dep1)),
                           bit(less(sz, False, False, res, dep1)));
      }
      case AMD64G_CC_OP_SBBB: {
         /* borrow: dep1 <=u argR with a borrow in, dep1 <u argR without */
         IRExpr* oldc = bin(Iop_And64, ndep, c64(1));
         IRExpr* argR = bin(Iop_Xor64, dep2, oldc);
         return IRExpr_ITE(bin(Iop_CmpNE64, oldc, c64(0)),
                           bit(less(sz, False, True, dep1, argR)),
                           bit(less(sz, False, False, dep1, argR)));
      }
      case AMD64G_CC_OP_INCB:
      case AMD64G_CC_OP_DECB:
         return bin(Iop_And64, ndep, c64(1));
      case AMD64G_CC_OP_SHLB:
         return bin(Iop_And64,
                    bin(Iop_Shr64, dep2,
                        IRExpr_Const(IRConst_U8((UChar)(8 * sz - 1)))),
                    c64(1));
      case AMD64G_CC_OP_SHRB:
         return bin(Iop_And64, dep2, c64(1));
      default:
         return NULL;
   }
}

IRExpr* guest_amd64_spechelper(const HChar* function_name, IRExpr** args,
                               IRStmt** precedingStmts, Int n_precedingStmts)
{
   (void)precedingStmts;
   (void)n_precedingStmts;
   Int n = 0;
   while (args[n] != NULL)
      n++;

   if (vex_streq(function_name, "amd64g_calculate_condition")) {
      vassert(n == 5);
      ULong cond, op;
      if (!constU64(args[0], &cond) || !constU64(args[1], &op))
         return NULL;
      if (cond == AMD64CondAlways)
         return c64(1);
      return spec_condition(cond, op, args[2], args[3], args[4]);
   }
   if (vex_streq(function_name, "amd64g_calculate_rflags_c")) {
      vassert(n == 4);
      ULong op;
      if (!constU64(args[0], &op))
         return NULL;
      return spec_carry(op, args[1], args[2], args[3]);
   }
   if (vex_streq(function_name, "amd64g_calculate_rflags_all")) {
      vassert(n == 4);
      if (isU64(args[0], AMD64G_CC_OP_COPY))
         return bin(Iop_And64, args[1], c64(AMD64G_CC_MASK_OSZACP));
      return NULL;
   }
   return NULL;
}

/* ================================================================== */
/* The guest state                                                    */
/* ================================================================== */

static Bool overlaps(Int minoff, Int maxoff, Int off, Int size)
{
   return toBool(!(maxoff < off || minoff > off + size - 1));
}

Bool guest_amd64_state_requires_precise_mem_exns(Int minoff, Int maxoff,
                                                 VexRegisterUpdates px)
{
   if (px == VexRegUpdAllregsAtMemAccess || px == VexRegUpdAllregsAtEachInsn)
      return True;
   /* The stack pointer, always (stack traces, memcheck's stack
      handling). */
   if (overlaps(minoff, maxoff, OFFB_RSP, 8))
      return True;
   if (px == VexRegUpdSpAtMemAccess)
      return False;
   /* Unwinding also needs the frame pointer and the program counter. */
   return toBool(overlaps(minoff, maxoff, OFFB_RBP, 8)
                 || overlaps(minoff, maxoff, OFFB_RIP, 8));
}

void LibVEX_GuestAMD64_initialise(VexGuestAMD64State* st)
{
   vex_bzero(st, sizeof *st);
   st->guest_CC_OP    = AMD64G_CC_OP_COPY;
   st->guest_CC_DEP1  = 0;
   st->guest_CC_DEP2  = 0;
   st->guest_CC_NDEP  = 0;
   st->guest_DFLAG    = 1;
   st->guest_ACFLAG   = 0;
   st->guest_IDFLAG   = 0;
   st->guest_SSEROUND = Irrm_NEAREST;
   st->guest_FTOP     = 0;
   st->guest_FPROUND  = 0x037F;   /* x87: the FNINIT control word (see
                                    guest_amd64_x87.h) */
   st->guest_FC3210   = 0;
   st->guest_EMNOTE   = 0;
}

ULong LibVEX_GuestAMD64_get_rflags(const VexGuestAMD64State* st)
{
   ULong f = amd64g_calculate_rflags_all(st->guest_CC_OP, st->guest_CC_DEP1,
                                         st->guest_CC_DEP2,
                                         st->guest_CC_NDEP);
   f |= AMD64G_RFLAGS_BIT1;
   if (st->guest_DFLAG == ~0ULL)
      f |= AMD64G_RFLAGS_DF;
   if (st->guest_ACFLAG & 1)
      f |= AMD64G_RFLAGS_AC;
   if (st->guest_IDFLAG & 1)
      f |= AMD64G_RFLAGS_ID;
   return f;
}

void LibVEX_GuestAMD64_put_rflag_c(ULong new_carry_flag,
                                   VexGuestAMD64State* st)
{
   ULong f = amd64g_calculate_rflags_all(st->guest_CC_OP, st->guest_CC_DEP1,
                                         st->guest_CC_DEP2,
                                         st->guest_CC_NDEP);
   f = (f & ~AMD64G_CC_MASK_C) | (new_carry_flag & 1);
   st->guest_CC_OP   = AMD64G_CC_OP_COPY;
   st->guest_CC_DEP1 = f;
   st->guest_CC_DEP2 = 0;
   st->guest_CC_NDEP = 0;
}

void LibVEX_GuestAMD64_put_rflags(ULong rflags, VexGuestAMD64State* st)
{
   st->guest_CC_OP   = AMD64G_CC_OP_COPY;
   st->guest_CC_DEP1 = rflags & AMD64G_CC_MASK_OSZACP;
   st->guest_CC_DEP2 = 0;
   st->guest_CC_NDEP = 0;
   st->guest_DFLAG   = (rflags & AMD64G_RFLAGS_DF) ? ~0ULL : 1;
   st->guest_ACFLAG  = (rflags & AMD64G_RFLAGS_AC) ? 1 : 0;
   st->guest_IDFLAG  = (rflags & AMD64G_RFLAGS_ID) ? 1 : 0;
}

void LibVEX_GuestAMD64_fxsave(const VexGuestAMD64State* st, HWord fp_state)
{
   amd64g_x87_state_to_fxsave(st, (UChar*)fp_state);
}

void LibVEX_GuestAMD64_fxrstor(HWord fp_state, VexGuestAMD64State* st)
{
   amd64g_x87_state_from_fxsave(st, (const UChar*)fp_state);
}
