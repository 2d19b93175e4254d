/* The x87 family's helpers: a software extended-precision library and
   the state save/restore instructions (see guest_amd64_x87.h).

   Values are 80-bit extended: a sign, a 15-bit biased exponent and a
   64-bit significand with an explicit integer bit J.  The library works
   on exact intermediate values (128-bit significands with a sticky bit)
   and rounds once, in one place (round_core), at the precision the
   control word or the destination format asks for, in the control
   word's rounding mode, with the extended (or destination) exponent
   range: overflow, denormalisation, tininess after rounding, and the C1
   "rounded up" bit all come from there.  Add, subtract, multiply,
   divide, square root, the integer and float conversions, round to
   integer, scale, partial remainders and extract are exact (correctly
   rounded, as IEEE 754 and the SDM require).

   The transcendentals (F2XM1, FYL2X, FYL2XP1, FPATAN, FSIN, FCOS,
   FSINCOS, FPTAN) are computed with 128-bit significands (series after
   argument reduction; sine and cosine reduce by the 66-bit pi the
   hardware uses, so large arguments follow the hardware) and rounded
   once: their results are within 1 ulp of the true value (the series
   carry about 120 good bits), the hardware's bound too, but not always
   the same ulp as the hardware: the tests compare them with a tolerance.

   Operand classes follow the SDM: unnormals, pseudo-infinities and
   pseudo-NaNs are unsupported (invalid), pseudo-denormals are valid
   denormal operands; NaNs propagate as the x87 does (an SNaN and a QNaN
   give the QNaN, two NaNs of a kind the larger significand, a tie the
   positive one). */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_amd64_defs.h"
#include "guest_amd64_x87.h"

typedef unsigned __int128 u128;

/* ================================================================== */
/* Values                                                             */
/* ================================================================== */

typedef struct {
   ULong  m;     /* significand, J at bit 63 */
   UInt   se;    /* sign (bit 15) and biased exponent */
} F80;

#define EXP_BIAS   16383
#define EXP_MAX    0x7FFF
#define SIGN_BIT   0x8000u
#define QUIET_BIT  0x4000000000000000ULL
#define J_BIT      0x8000000000000000ULL

static F80 mkF80(ULong m, UInt se) { F80 r; r.m = m; r.se = se & 0xFFFF; return r; }
static F80 indefinite(void) { return mkF80(X87_INDEF_M, X87_INDEF_SE); }
static F80 f80_zero(UInt sign) { return mkF80(0, sign ? SIGN_BIT : 0); }
static F80 f80_inf(UInt sign)
{
   return mkF80(J_BIT, (sign ? SIGN_BIT : 0) | EXP_MAX);
}
static UInt f80_sign(F80 x) { return (x.se >> 15) & 1; }
static UInt f80_exp(F80 x)  { return x.se & EXP_MAX; }

enum { K_ZERO, K_DENORM, K_NORMAL, K_INF, K_QNAN, K_SNAN, K_UNSUPP };

static Int classify(F80 x)
{
   UInt e = f80_exp(x);
   Bool j = toBool(x.m >> 63);
   if (e == 0)
      return x.m == 0 ? K_ZERO : K_DENORM;
   if (e == EXP_MAX) {
      if (!j)
         return K_UNSUPP;
      if ((x.m << 1) == 0)
         return K_INF;
      return (x.m & QUIET_BIT) ? K_QNAN : K_SNAN;
   }
   return j ? K_NORMAL : K_UNSUPP;
}

static Bool is_nan_class(Int k) { return toBool(k == K_QNAN || k == K_SNAN); }

/* A finite non-zero value, unpacked: |x| = m * 2^(e - 63), m has bit 63
   set. */
typedef struct {
   UInt  sign;
   Int   e;
   ULong m;
} Unp;

static Int clz64(ULong x) { return x == 0 ? 64 : __builtin_clzll(x); }

static Int msb128(u128 x)
{
   ULong hi = (ULong)(x >> 64);
   if (hi != 0)
      return 127 - clz64(hi);
   return 63 - clz64((ULong)x);
}

static Unp unpack(F80 x)
{
   Unp u;
   UInt e = f80_exp(x);
   u.sign = f80_sign(x);
   u.e    = e == 0 ? 1 - EXP_BIAS : (Int)e - EXP_BIAS;
   u.m    = x.m;
   Int s  = clz64(u.m);
   u.m  <<= s;
   u.e   -= s;
   return u;
}

/* ================================================================== */
/* Rounding                                                           */
/* ================================================================== */

/* What a format and precision allow. */
typedef struct {
   Int prec;     /* significand bits kept */
   Int emin;     /* smallest normal exponent */
   Int emax;     /* largest finite exponent */
   Int lowest;   /* exponent of the lowest denormal bit */
} Fmt;

/* Under precision control the exponent range stays the extended one,
   and so do denormals: a denormal result keeps the bits a PREC-bit
   significand would have at the smallest exponent. */
static Fmt fmt_ext(Int prec)
{
   Fmt f = { prec, 1 - EXP_BIAS, EXP_BIAS, 1 - EXP_BIAS - (prec - 1) };
   return f;
}
static const Fmt fmt_f32 = { 24, -126, 127, -149 };
static const Fmt fmt_f64 = { 53, -1022, 1023, -1074 };

/* The precision control field's precision. */
static Int pc_prec(UInt cw)
{
   switch ((cw >> 8) & 3) {
      case 0:  return 24;
      case 2:  return 53;
      default: return 64;
   }
}

static UInt cw_rc(UInt cw) { return (cw >> 10) & 3; }

enum { RC_NEAREST = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3 };

/* A rounded result: |value| = m * 2^(e - 63) with m normalised, or zero
   (m == 0), or an overflow (ovf: infinity or the largest finite number,
   already decided, in m/e). */
typedef struct {
   UInt  sign;
   Int   e;
   ULong m;
   Bool  inf;
} Rnd;

/* Rounds (-1)^SIGN * SIG * 2^(E - 127) (SIG with bit 127 set), plus
   STICKY below it, to format F in rounding mode RC; raises PE, UE, OE
   and C1 (rounded up) in *FL. */
static Rnd round_core(UInt sign, Int e, u128 sig, Bool sticky, Fmt f,
                      UInt rc, UInt* fl)
{
   Rnd r;
   r.sign = sign;
   r.inf  = False;
   vassert((sig >> 127) == 1);

   Int drop = 128 - f.prec;
   Int k0   = f.lowest - e + 127;   /* bit of SIG at the lowest place */
   if (k0 > drop)
      drop = k0;
   Int w = e - 127 + drop;          /* the weight of the kept bit 0 */
   if (drop > 129)
      drop = 129;

   /* kept bits, round bit, sticky */
   u128 kept;
   Bool rbit, rest;
   if (drop >= 129) {
      kept = 0; rbit = False; rest = True;
   } else if (drop == 128) {
      kept = 0; rbit = True;
      rest = toBool(sticky || (sig << 1) != 0);
   } else {
      kept = sig >> drop;
      rbit = toBool((sig >> (drop - 1)) & 1);
      u128 below = drop >= 2 ? sig << (129 - drop) : 0;
      rest = toBool(sticky || below != 0);
   }
   Bool inexact = toBool(rbit || rest);
   Bool inc = False;
   switch (rc) {
      case RC_NEAREST: inc = toBool(rbit && (rest || (kept & 1))); break;
      case RC_UP:      inc = toBool(!sign && inexact); break;
      case RC_DOWN:    inc = toBool(sign && inexact); break;
      default:         inc = False; break;
   }
   kept += inc;

   /* Tininess after rounding: rounded to F.prec bits with an unbounded
      exponent, is the value below the smallest normal? */
   Bool tiny = False;
   if (e < f.emin) {
      Int dn = 128 - f.prec;
      u128 kk = sig >> dn;
      Bool rb = toBool((sig >> (dn - 1)) & 1);
      Bool rs = toBool(sticky || (dn >= 2 && (sig << (129 - dn)) != 0));
      Bool ii = False;
      switch (rc) {
         case RC_NEAREST: ii = toBool(rb && (rs || (kk & 1))); break;
         case RC_UP:      ii = toBool(!sign && (rb || rs)); break;
         case RC_DOWN:    ii = toBool(sign && (rb || rs)); break;
         default:         break;
      }
      kk += ii;
      Int eu = e + ((kk >> f.prec) != 0 ? 1 : 0);
      tiny = toBool(eu < f.emin);
   }

   if (inexact)
      *fl |= X87_FSW_PE;
   if (inc)
      *fl |= X87_FSW_C1;
   if (tiny && inexact)
      *fl |= X87_FSW_UE;

   if (kept == 0) {
      r.m = 0;
      r.e = 0;
      return r;
   }
   Int msb = msb128(kept);
   r.e = w + msb;
   r.m = msb >= 63 ? (ULong)(kept >> (msb - 63)) : (ULong)kept << (63 - msb);
   if (r.e > f.emax) {
      *fl |= X87_FSW_OE | X87_FSW_PE;
      Bool to_inf = toBool(rc == RC_NEAREST || (rc == RC_UP && !sign)
                           || (rc == RC_DOWN && sign));
      if (to_inf) {
         *fl |= X87_FSW_C1;
         r.inf = True;
      } else {
         *fl &= ~X87_FSW_C1;
         r.e = f.emax;
         r.m = ~0ULL << (64 - f.prec);
      }
   }
   return r;
}

/* Packs a rounded result into 80 bits. */
static F80 pack_ext(Rnd r)
{
   UInt s = r.sign ? SIGN_BIT : 0;
   if (r.inf)
      return f80_inf(r.sign);
   if (r.m == 0)
      return mkF80(0, s);
   if (r.e >= 1 - EXP_BIAS)
      return mkF80(r.m, s | (UInt)(r.e + EXP_BIAS));
   Int sh = (1 - EXP_BIAS) - r.e;     /* a denormal */
   return mkF80(sh >= 64 ? 0 : r.m >> sh, s);
}

/* Packs into an IEEE single or double (F is fmt_f32 or fmt_f64). */
static ULong pack_ieee(Rnd r, Fmt f)
{
   Int   fbits = f.prec - 1;
   Int   ebits = f.prec == 24 ? 8 : 11;
   ULong sbit  = 1ULL << (fbits + ebits);
   ULong s     = r.sign ? sbit : 0;
   ULong emask = (1ULL << ebits) - 1;
   if (r.inf)
      return s | (emask << fbits);
   if (r.m == 0)
      return s;
   Int bias = f.emax;
   if (r.e >= f.emin) {
      ULong frac = (r.m >> (64 - f.prec)) & ((1ULL << fbits) - 1);
      return s | ((ULong)(r.e + bias) << fbits) | frac;
   }
   Int sh = (64 - f.prec) + (f.emin - r.e);
   return s | (sh >= 64 ? 0 : r.m >> sh);
}

/* Rounds an unpacked exact value (with a sticky bit below it) to the
   extended format at precision PREC. */
static F80 round_unp_ext(UInt sign, Int e, u128 sig, Bool sticky, Int prec,
                         UInt rc, UInt* fl)
{
   return pack_ext(round_core(sign, e, sig, sticky, fmt_ext(prec), rc, fl));
}

/* Normalises SIG (non-zero) to bit 127; *E adjusted so that the value
   SIG * 2^(*E - 127) is kept, given SIG's value is SIG * 2^(E0 - 127). */
static u128 norm128(u128 sig, Int* e)
{
   Int msb = msb128(sig);
   *e += msb - 127;
   return sig << (127 - msb);
}

/* ================================================================== */
/* NaNs and special operands                                          */
/* ================================================================== */

static F80 quiet(F80 x) { x.m |= QUIET_BIT; return x; }

/* The result of an operation with a NaN or unsupported operand among A
   (class KA) and B (class KB); B absent when KB < 0. */
static F80 nan_result(F80 a, Int ka, F80 b, Int kb, UInt* fl)
{
   if (ka == K_UNSUPP || kb == K_UNSUPP) {
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   Bool sa = toBool(ka == K_SNAN), sb = toBool(kb == K_SNAN);
   Bool na = is_nan_class(ka), nb = kb >= 0 && is_nan_class(kb);
   if (sa || sb)
      *fl |= X87_FSW_IE;
   if (na && !nb)
      return quiet(a);
   if (nb && !na)
      return quiet(b);
   /* Both NaNs: a QNaN beats an SNaN; else the larger significand, then
      the positive one. */
   if (sa != sb)
      return sa ? quiet(b) : quiet(a);
   ULong ma = a.m & ~J_BIT, mb = b.m & ~J_BIT;
   if (ma != mb)
      return ma > mb ? quiet(a) : quiet(b);
   return a.se <= b.se ? quiet(a) : quiet(b);
}

/* ================================================================== */
/* Conversions into 80 bits                                           */
/* ================================================================== */

static F80 from_ieee(ULong bits, Fmt f, UInt* fl)
{
   Int   fbits = f.prec - 1;
   Int   ebits = f.prec == 24 ? 8 : 11;
   UInt  sign  = (UInt)(bits >> (fbits + ebits)) & 1;
   ULong emask = (1ULL << ebits) - 1;
   ULong ex    = (bits >> fbits) & emask;
   ULong frac  = bits & ((1ULL << fbits) - 1);
   UInt  s     = sign ? SIGN_BIT : 0;
   if (ex == emask) {
      if (frac == 0)
         return f80_inf(sign);
      /* an SNaN stays signalling: the operation using it decides (an
         SNaN loses to a QNaN); loads quieten it */
      F80 n = mkF80(J_BIT | (frac << (64 - f.prec)), s | EXP_MAX);
      if (!(n.m & QUIET_BIT))
         *fl |= X87_FSW_IE;
      return n;
   }
   if (ex == 0) {
      if (frac == 0)
         return f80_zero(sign);
      *fl |= X87_FSW_DE;
      Int sh = clz64(frac);
      /* |x| = frac * 2^(lowest) */
      Int e = f.lowest + (63 - sh);
      return mkF80(frac << sh, s | (UInt)(e + EXP_BIAS));
   }
   Int e = (Int)ex - f.emax;
   return mkF80(J_BIT | (frac << (64 - f.prec)), s | (UInt)(e + EXP_BIAS));
}

static F80 from_int(Long v)
{
   if (v == 0)
      return f80_zero(0);
   UInt  sign = v < 0;
   ULong mag  = sign ? 0 - (ULong)v : (ULong)v;
   Int   sh   = clz64(mag);
   return mkF80(mag << sh, (sign ? SIGN_BIT : 0) | (UInt)(63 - sh + EXP_BIAS));
}

/* 18-digit packed BCD (sign in bit 79) to 80 bits; invalid digits give
   an undefined value (here: they are taken at face value). */
static F80 from_bcd(ULong lo, UInt hi)
{
   ULong v = 0;
   for (Int i = 8; i >= 0; i--) {
      UInt byte = i == 8 ? (hi & 0xFF) : (UInt)(lo >> (8 * i)) & 0xFF;
      v = v * 100 + (byte >> 4) * 10 + (byte & 15);
   }
   F80 r = from_int((Long)v);
   if (hi & 0x8000)
      r.se |= SIGN_BIT;
   return r;
}

/* ================================================================== */
/* Basic arithmetic                                                   */
/* ================================================================== */

static Bool denormal_operand(Int k) { return toBool(k == K_DENORM); }

/* In *FL while an operation runs: its memory operand was a denormal in
   its own format (a single or double: normal once extended).  Like an
   extended denormal it raises DE -- where the operation gets to the
   denormal check, after the NaN and zero-divisor checks. */
#define FL_MEM_DENORM 0x10000u

static void de_check(Int ka, Int kb, UInt* fl)
{
   if (denormal_operand(ka) || denormal_operand(kb)
       || (*fl & FL_MEM_DENORM))
      *fl |= X87_FSW_DE;
}

static F80 op_addsub(F80 a, F80 b, Bool sub, Int prec, UInt rc, UInt* fl)
{
   Int ka = classify(a), kb = classify(b);
   if (ka == K_UNSUPP || kb == K_UNSUPP || is_nan_class(ka)
       || is_nan_class(kb))
      return nan_result(a, ka, b, kb, fl);
   UInt sa = f80_sign(a), sb = f80_sign(b) ^ (sub ? 1 : 0);
   if (ka == K_INF || kb == K_INF) {
      if (ka == K_INF && kb == K_INF && sa != sb) {
         *fl |= X87_FSW_IE;
         return indefinite();
      }
      de_check(ka, kb, fl);
      return f80_inf(ka == K_INF ? sa : sb);
   }
   de_check(ka, kb, fl);
   if (ka == K_ZERO && kb == K_ZERO) {
      if (sa == sb)
         return f80_zero(sa);
      return f80_zero(rc == RC_DOWN);
   }
   if (ka == K_ZERO || kb == K_ZERO) {
      Unp u = unpack(ka == K_ZERO ? b : a);
      UInt s = ka == K_ZERO ? sb : sa;
      return round_unp_ext(s, u.e, (u128)u.m << 64, False, prec, rc, fl);
   }
   Unp ua = unpack(a), ub = unpack(b);
   ua.sign = sa;
   ub.sign = sb;
   if (ua.e < ub.e || (ua.e == ub.e && ua.m < ub.m)) {
      Unp t = ua; ua = ub; ub = t;
   }
   Int  d = ua.e - ub.e;
   u128 A = (u128)ua.m << 62;
   u128 B = (u128)ub.m << 62;
   if (d >= 126) {
      B = 1;
   } else if (d > 0) {
      Bool lost = toBool((B & (((u128)1 << d) - 1)) != 0);
      B >>= d;
      if (lost)
         B |= 1;
   }
   u128 S;
   UInt sign = ua.sign;
   if (ua.sign == ub.sign) {
      S = A + B;
   } else {
      S = A - B;
      if (S == 0)
         return f80_zero(rc == RC_DOWN);
   }
   Int e = ua.e - 125 + 127;
   S = norm128(S, &e);
   return round_unp_ext(sign, e, S, False, prec, rc, fl);
}

static F80 op_mul(F80 a, F80 b, Int prec, UInt rc, UInt* fl)
{
   Int ka = classify(a), kb = classify(b);
   if (ka == K_UNSUPP || kb == K_UNSUPP || is_nan_class(ka)
       || is_nan_class(kb))
      return nan_result(a, ka, b, kb, fl);
   UInt sign = f80_sign(a) ^ f80_sign(b);
   if ((ka == K_INF && kb == K_ZERO) || (ka == K_ZERO && kb == K_INF)) {
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   de_check(ka, kb, fl);
   if (ka == K_INF || kb == K_INF)
      return f80_inf(sign);
   if (ka == K_ZERO || kb == K_ZERO)
      return f80_zero(sign);
   Unp ua = unpack(a), ub = unpack(b);
   u128 P = (u128)ua.m * ub.m;
   Int  e = ua.e + ub.e - 126 + 127;
   P = norm128(P, &e);
   return round_unp_ext(sign, e, P, False, prec, rc, fl);
}

/* Long division of 64-bit significands: NBITS quotient bits of NUM/DEN
   (NUM < 2 * DEN, NUM >= DEN); *STICKY = a remainder is left. */
static u128 div_bits(ULong num, ULong den, Int nbits, Bool* sticky)
{
   u128 rem = num, q = 0;
   for (Int i = 0; i < nbits; i++) {
      q <<= 1;
      if (rem >= den) {
         rem -= den;
         q |= 1;
      }
      rem <<= 1;
   }
   *sticky = toBool(rem != 0);
   return q;
}

static F80 op_div(F80 a, F80 b, Int prec, UInt rc, UInt* fl)
{
   Int ka = classify(a), kb = classify(b);
   if (ka == K_UNSUPP || kb == K_UNSUPP || is_nan_class(ka)
       || is_nan_class(kb))
      return nan_result(a, ka, b, kb, fl);
   UInt sign = f80_sign(a) ^ f80_sign(b);
   if ((ka == K_INF && kb == K_INF) || (ka == K_ZERO && kb == K_ZERO)) {
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   if (kb == K_ZERO && ka != K_INF) {
      /* division by zero is found before a denormal dividend */
      *fl |= X87_FSW_ZE;
      return f80_inf(sign);
   }
   de_check(ka, kb, fl);
   if (ka == K_INF)
      return f80_inf(sign);
   if (kb == K_INF)
      return f80_zero(sign);
   if (ka == K_ZERO)
      return f80_zero(sign);
   Unp ua = unpack(a), ub = unpack(b);
   Int e = ua.e - ub.e;
   u128 num = ua.m;
   Bool sticky;
   u128 q;
   if (ua.m < ub.m) {
      /* num * 2 may need 65 bits: divide with one more step instead */
      e -= 1;
      u128 rem = num << 1, qq = 0;
      for (Int i = 0; i < 66; i++) {
         qq <<= 1;
         if (rem >= ub.m) { rem -= ub.m; qq |= 1; }
         rem <<= 1;
      }
      q = qq;
      sticky = toBool(rem != 0);
   } else {
      q = div_bits(ua.m, ub.m, 66, &sticky);
   }
   /* q has its top bit at 65: value = q * 2^(e - 65) */
   return round_unp_ext(sign, e, q << 62, sticky, prec, rc, fl);
}

static F80 op_sqrt(F80 a, Int prec, UInt rc, UInt* fl)
{
   Int ka = classify(a);
   if (ka == K_UNSUPP || is_nan_class(ka))
      return nan_result(a, ka, a, -1, fl);
   if (ka == K_ZERO)
      return a;
   if (f80_sign(a)) {
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   if (ka == K_INF)
      return a;
   if (ka == K_DENORM)
      *fl |= X87_FSW_DE;
   Unp u = unpack(a);
   /* |a| = m2 * 2^E with E even */
   Int  E  = u.e - 63;
   u128 m2 = u.m;
   if (E & 1) {
      m2 <<= 1;
      E -= 1;
   }
   /* digit-by-digit square root: 33 pairs from m2 (< 2^65), 34 more */
   u128 rem = 0, root = 0;
   for (Int i = 0; i < 67; i++) {
      Int  pos  = 64 - 2 * i;
      UInt pair = pos >= 0 ? (UInt)(m2 >> pos) & 3 : 0;
      rem = (rem << 2) | pair;
      u128 trial = (root << 2) | 1;
      if (rem >= trial) {
         rem -= trial;
         root = (root << 1) | 1;
      } else {
         root <<= 1;
      }
   }
   /* root = floor(sqrt(m2 * 4^34)); sqrt(a) = sqrt(m2) * 2^(E/2) */
   Int e = E / 2 - 34 + 127;
   u128 sig = norm128(root, &e);
   return round_unp_ext(0, e, sig, toBool(rem != 0), prec, rc, fl);
}

/* Rounds A to an integer value (in 80 bits), per RC. */
static F80 op_rndint(F80 a, UInt rc, UInt* fl)
{
   Int ka = classify(a);
   if (ka == K_UNSUPP || is_nan_class(ka))
      return nan_result(a, ka, a, -1, fl);
   if (ka == K_ZERO || ka == K_INF)
      return a;
   if (ka == K_DENORM)
      *fl |= X87_FSW_DE;
   Unp u = unpack(a);
   if (u.e >= 63)
      return a;
   /* keep the integer part: bits above 2^0 */
   Int  drop = 63 - u.e;            /* 1..; may exceed 64 */
   u128 sig  = (u128)u.m << 64;     /* value = sig * 2^(u.e - 127) */
   Int  d    = drop + 64;
   u128 kept;
   Bool rbit, rest;
   if (d >= 129) {
      kept = 0; rbit = False; rest = True;
   } else if (d == 128) {
      kept = 0; rbit = True; rest = toBool((sig << 1) != 0);
   } else {
      kept = sig >> d;
      rbit = toBool((sig >> (d - 1)) & 1);
      rest = toBool((sig << (129 - d)) != 0);
   }
   Bool inexact = toBool(rbit || rest);
   Bool inc = False;
   switch (rc) {
      case RC_NEAREST: inc = toBool(rbit && (rest || (kept & 1))); break;
      case RC_UP:      inc = toBool(!u.sign && inexact); break;
      case RC_DOWN:    inc = toBool(u.sign && inexact); break;
      default:         break;
   }
   kept += inc;
   if (inexact)
      *fl |= X87_FSW_PE;
   if (inc)
      *fl |= X87_FSW_C1;
   if (kept == 0)
      return f80_zero(u.sign);
   Int e = 127;
   u128 s = norm128(kept, &e);
   return mkF80((ULong)(s >> 64), (u.sign ? SIGN_BIT : 0) | (UInt)(e + EXP_BIAS));
}

/* ================================================================== */
/* Conversions out of 80 bits                                         */
/* ================================================================== */

/* A to an IEEE single/double. */
static ULong to_ieee(F80 a, Fmt f, UInt rc, UInt* fl)
{
   Int   ka = classify(a);
   Int   fbits = f.prec - 1;
   Int   ebits = f.prec == 24 ? 8 : 11;
   ULong sbit  = 1ULL << (fbits + ebits);
   ULong emask = (1ULL << ebits) - 1;
   ULong s     = f80_sign(a) ? sbit : 0;
   switch (ka) {
      case K_UNSUPP:
         *fl |= X87_FSW_IE;
         return sbit | (emask << fbits) | (1ULL << (fbits - 1));
      case K_SNAN:
         *fl |= X87_FSW_IE;
         /* fall through */
      case K_QNAN:
         return s | (emask << fbits) | (1ULL << (fbits - 1))
                | ((a.m << 1) >> (64 - fbits));
      case K_INF:
         return s | (emask << fbits);
      case K_ZERO:
         return s;
      default:
         break;
   }
   /* (a denormal source raises no DE here) */
   Unp u = unpack(a);
   return pack_ieee(round_core(u.sign, u.e, (u128)u.m << 64, False, f, rc, fl),
                    f);
}

/* A to a signed integer of NBITS bits (16, 32, 64), rounding per RC.
   Invalid (NaN, infinity, out of range): IE and the integer
   indefinite. */
static ULong to_int(F80 a, Int nbits, UInt rc, UInt* fl)
{
   ULong indef = 1ULL << (nbits - 1);
   Int ka = classify(a);
   if (ka == K_UNSUPP || is_nan_class(ka) || ka == K_INF) {
      *fl |= X87_FSW_IE;
      return indef;
   }
   if (ka == K_ZERO)
      return 0;
   /* (a denormal source raises no DE here) */
   Unp u = unpack(a);
   if (u.e >= 64) {
      *fl |= X87_FSW_IE;
      return indef;
   }
   UInt fl2 = 0;
   ULong mag;
   if (u.e == 63) {
      mag = u.m;
   } else {
      Int  drop = 63 - u.e;
      u128 sig  = (u128)u.m << 64;
      Int  d    = drop + 64;
      u128 kept;
      Bool rbit, rest;
      if (d >= 129) {
         kept = 0; rbit = False; rest = True;
      } else if (d == 128) {
         kept = 0; rbit = True; rest = toBool((sig << 1) != 0);
      } else {
         kept = sig >> d;
         rbit = toBool((sig >> (d - 1)) & 1);
         rest = toBool((sig << (129 - d)) != 0);
      }
      Bool inexact = toBool(rbit || rest);
      Bool inc = False;
      switch (rc) {
         case RC_NEAREST: inc = toBool(rbit && (rest || (kept & 1))); break;
         case RC_UP:      inc = toBool(!u.sign && inexact); break;
         case RC_DOWN:    inc = toBool(u.sign && inexact); break;
         default:         break;
      }
      kept += inc;
      if (inexact)
         fl2 |= X87_FSW_PE;
      if (inc)
         fl2 |= X87_FSW_C1;
      if ((kept >> 64) != 0) {
         *fl |= X87_FSW_IE;
         return indef;
      }
      mag = (ULong)kept;
   }
   ULong lim = u.sign ? (1ULL << (nbits - 1)) : (1ULL << (nbits - 1)) - 1;
   if (mag > lim) {
      *fl |= X87_FSW_IE;
      return indef;
   }
   *fl |= fl2;
   ULong v = u.sign ? 0 - mag : mag;
   return nbits == 64 ? v : v & ((1ULL << nbits) - 1);
}

/* A to 18-digit packed BCD: the low 8 bytes in *LO, bytes 8..9 in the
   result.  Out of range or not a number: IE and the BCD indefinite. */
static UInt to_bcd(F80 a, UInt rc, UInt* fl, ULong* lo)
{
   Int ka = classify(a);
   UInt fl2 = 0;
   ULong v = 0;
   Bool bad = toBool(ka == K_UNSUPP || is_nan_class(ka) || ka == K_INF);
   if (!bad && ka != K_ZERO) {
      F80 r = op_rndint(a, rc, &fl2);
      fl2 &= ~X87_FSW_DE;
      if (classify(r) != K_ZERO) {
         Unp u = unpack(r);
         if (u.e > 59)
            bad = True;
         else
            v = u.m >> (63 - u.e);
      }
      if (v > 999999999999999999ULL)
         bad = True;
   }
   if (bad) {
      *fl |= X87_FSW_IE;
      *lo = 0xC000000000000000ULL;
      return 0xFFFF;
   }
   *fl |= fl2;
   ULong out = 0;
   UInt  hi  = 0;
   for (Int i = 0; i < 18; i++) {
      ULong dgt = v % 10;
      v /= 10;
      if (i < 16)
         out |= dgt << (4 * i);
      else
         hi |= (UInt)dgt << (4 * (i - 16));
   }
   if (f80_sign(a))
      hi |= 0x8000;
   *lo = out;
   return hi;
}

/* ================================================================== */
/* Comparisons and classification                                     */
/* ================================================================== */

/* -1, 0, +1, or 2 for unordered; finite or infinite non-NaN operands. */
static Int cmp_values(F80 a, F80 b)
{
   Int ka = classify(a), kb = classify(b);
   if (ka == K_ZERO && kb == K_ZERO)
      return 0;
   UInt sa = f80_sign(a), sb = f80_sign(b);
   if (ka == K_ZERO)
      return sb ? 1 : -1;
   if (kb == K_ZERO)
      return sa ? -1 : 1;
   if (sa != sb)
      return sa ? -1 : 1;
   Int mag;
   if (ka == K_INF || kb == K_INF) {
      mag = ka == kb ? 0 : ka == K_INF ? 1 : -1;
   } else {
      Unp ua = unpack(a), ub = unpack(b);
      mag = ua.e != ub.e ? (ua.e > ub.e ? 1 : -1)
          : ua.m != ub.m ? (ua.m > ub.m ? 1 : -1) : 0;
   }
   return sa ? -mag : mag;
}

/* FCOM/FUCOM: condition codes (C3 C2 C0) and rflags (ZF PF CF). */
static void op_compare(F80 a, F80 b, Bool signal_qnan, UInt* cc, UInt* rfl,
                       UInt* fl)
{
   Int ka = classify(a), kb = classify(b);
   Int r;
   if (ka == K_UNSUPP || kb == K_UNSUPP) {
      *fl |= X87_FSW_IE;
      r = 2;
   } else if (is_nan_class(ka) || is_nan_class(kb)) {
      if (signal_qnan || ka == K_SNAN || kb == K_SNAN)
         *fl |= X87_FSW_IE;
      r = 2;
   } else {
      de_check(ka, kb, fl);
      r = cmp_values(a, b);
   }
   switch (r) {
      case 1:  *cc = 0; *rfl = 0; break;
      case -1: *cc = X87_FSW_C0; *rfl = 0x01; break;
      case 0:  *cc = X87_FSW_C3; *rfl = 0x40; break;
      default: *cc = X87_FSW_C3 | X87_FSW_C2 | X87_FSW_C0; *rfl = 0x45;
               break;
   }
}

static UInt op_xam(F80 a, Bool empty)
{
   UInt c = f80_sign(a) ? X87_FSW_C1 : 0;
   if (empty)
      return c | X87_FSW_C3 | X87_FSW_C0;
   switch (classify(a)) {
      case K_UNSUPP: return c;
      case K_QNAN: case K_SNAN: return c | X87_FSW_C0;
      case K_NORMAL: return c | X87_FSW_C2;
      case K_INF: return c | X87_FSW_C2 | X87_FSW_C0;
      case K_ZERO: return c | X87_FSW_C3;
      default: return c | X87_FSW_C3 | X87_FSW_C2;     /* denormal */
   }
}

/* ================================================================== */
/* Scale, remainders, extract                                         */
/* ================================================================== */

static F80 op_scale(F80 a, F80 b, UInt rc, UInt* fl)
{
   Int ka = classify(a), kb = classify(b);
   if (ka == K_UNSUPP || kb == K_UNSUPP || is_nan_class(ka)
       || is_nan_class(kb))
      return nan_result(a, ka, b, kb, fl);
   de_check(ka, kb, fl);
   if (kb == K_INF) {
      if (f80_sign(b)) {
         if (ka == K_INF) { *fl |= X87_FSW_IE; return indefinite(); }
         return ka == K_ZERO ? a : f80_zero(f80_sign(a));
      }
      if (ka == K_ZERO) { *fl |= X87_FSW_IE; return indefinite(); }
      return f80_inf(f80_sign(a));
   }
   if (ka == K_ZERO || ka == K_INF)
      return a;
   /* n = trunc(b), clamped far beyond the exponent range */
   Long n = 0;
   if (kb != K_ZERO) {
      Unp ub = unpack(b);
      if (ub.e >= 30)
         n = 1L << 30;
      else if (ub.e >= 0)
         n = (Long)(ub.m >> (63 - ub.e));
      if (ub.sign)
         n = -n;
   }
   Unp ua = unpack(a);
   return round_unp_ext(ua.sign, (Int)(ua.e + n), (u128)ua.m << 64, False,
                        64, rc, fl);
}

/* The number of quotient bits N a partial FPREM/FPREM1 step produces
   when the exponents are D >= 64 apart is implementation-dependent
   (32..63); processors take N = 32 + D mod 32, so that the exponent
   drops by a multiple of 32. */
static Int prem_n(Int D) { return 32 + (D & 31); }

/* A pseudo-denormal operand returned as the result is normalised (it
   comes out with the exponent 1). */
static F80 canon(F80 a)
{
   if (f80_exp(a) == 0 && (a.m >> 63))
      a.se |= 1;
   return a;
}

/* *NAN_CC: set when the result is a NaN (a NaN, unsupported or invalid
   operand): C1 and C2 are cleared, C0 and C3 left alone. */
static F80 op_prem(F80 a, F80 b, Bool ieee, UInt rc, UInt* fl, UInt* cc,
                   Bool* nan_cc)
{
   Int ka = classify(a), kb = classify(b);
   *cc = 0;
   *nan_cc = False;
   if (ka == K_UNSUPP || kb == K_UNSUPP || is_nan_class(ka)
       || is_nan_class(kb)) {
      *nan_cc = True;
      return nan_result(a, ka, b, kb, fl);
   }
   if (ka == K_INF || kb == K_ZERO) {
      *nan_cc = True;
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   de_check(ka, kb, fl);
   if (ka == K_ZERO || kb == K_INF)
      return canon(a);
   Unp ua = unpack(a), ub = unpack(b);
   Int D = ua.e - ub.e;
   UInt sign = ua.sign;
   if (D < 0) {
      /* |a| < |b|: quotient 0, or 1 for the IEEE remainder when
         |a| > |b| / 2 */
      if (ieee && D == -1 && ua.m > ub.m) {
         /* r = a - sign(a) * |b|: |r| = |b| - |a| */
         u128 B2 = (u128)ub.m << 1, A = ua.m;
         u128 R = B2 - A;    /* in units of 2^(ua.e - 63) */
         Int e = ua.e - 63 + 127;
         R = norm128(R, &e);
         *cc = X87_FSW_C1;   /* Q0 = 1 */
         return round_unp_ext(sign ^ 1, e, R, False, 64, rc, fl);
      }
      return canon(a);
   }
   Int nq = D < 64 ? D : prem_n(D);
   /* num = ma * 2^nq (< 2^127), divided by mb */
   u128 num = (u128)ua.m << nq;
   u128 q = 0, rem = 0;
   for (Int i = 127; i >= 0; i--) {
      rem = (rem << 1) | ((num >> i) & 1);
      q <<= 1;
      if (rem >= ub.m) {
         rem -= ub.m;
         q |= 1;
      }
   }
   /* the remainder's unit: 2^(ua.e - 63 - nq) */
   Int unit = ua.e - 63 - nq;
   if (D < 64) {
      if (ieee) {
         u128 twice = rem << 1;
         if (twice > ub.m || (twice == ub.m && (q & 1))) {
            q += 1;
            rem = (u128)ub.m - rem;
            sign ^= 1;
         }
      }
      UInt c = 0;
      if (q & 1) c |= X87_FSW_C1;
      if (q & 2) c |= X87_FSW_C3;
      if (q & 4) c |= X87_FSW_C0;
      *cc = c;
   } else {
      *cc = X87_FSW_C2;
   }
   if (rem == 0)
      return f80_zero(ua.sign);
   Int e = unit + 127;
   u128 sig = norm128(rem, &e);
   return round_unp_ext(sign, e, sig, False, 64, rc, fl);
}

static F80 op_xtract(F80 a, Bool want_exp, UInt* fl)
{
   Int ka = classify(a);
   if (ka == K_UNSUPP || is_nan_class(ka))
      return nan_result(a, ka, a, -1, fl);
   if (ka == K_ZERO) {
      if (want_exp) {
         *fl |= X87_FSW_ZE;
         return f80_inf(1);
      }
      return a;
   }
   if (ka == K_INF)
      return want_exp ? f80_inf(0) : a;
   if (ka == K_DENORM)
      *fl |= X87_FSW_DE;
   Unp u = unpack(a);
   if (want_exp)
      return from_int(u.e);
   return mkF80(u.m, (u.sign ? SIGN_BIT : 0) | EXP_BIAS);
}

/* ================================================================== */
/* Wide (128-bit significand) arithmetic for the transcendentals      */
/* ================================================================== */

/* |value| = m * 2^(e - 127), m has bit 127 set, or m == 0 (zero). */
typedef struct {
   UInt sign;
   Int  e;
   u128 m;
} W;

static W w_zero(void) { W w = { 0, 0, 0 }; return w; }

static W w_norm(UInt sign, Int e, u128 m)
{
   W w;
   w.sign = sign;
   if (m == 0)
      return w_zero();
   w.m = norm128(m, &e);
   w.e = e;
   return w;
}

static W w_from_f80(F80 x)
{
   if (classify(x) == K_ZERO)
      return w_zero();
   Unp u = unpack(x);
   W w = { u.sign, u.e, (u128)u.m << 64 };
   return w;
}

static W w_from_int(Long v)
{
   UInt s = v < 0;
   ULong mag = s ? 0 - (ULong)v : (ULong)v;
   return w_norm(s, 127, mag);
}

static W w_neg(W a) { a.sign ^= 1; return a; }
static W w_ldexp(W a, Int k) { if (a.m != 0) a.e += k; return a; }

static W w_add(W a, W b)
{
   if (a.m == 0) return b;
   if (b.m == 0) return a;
   if (a.e < b.e || (a.e == b.e && a.m < b.m)) {
      W t = a; a = b; b = t;
   }
   Int d = a.e - b.e;
   u128 A = a.m >> 1, B = d >= 127 ? 0 : (b.m >> 1) >> d;
   if (a.sign == b.sign)
      return w_norm(a.sign, a.e + 1, A + B);
   return w_norm(a.sign, a.e + 1, A - B);
}

static W w_sub(W a, W b) { return w_add(a, w_neg(b)); }

static W w_mul(W a, W b)
{
   if (a.m == 0 || b.m == 0)
      return w_zero();
   ULong ah = (ULong)(a.m >> 64), al = (ULong)a.m;
   ULong bh = (ULong)(b.m >> 64), bl = (ULong)b.m;
   u128 hh = (u128)ah * bh, hl = (u128)ah * bl;
   u128 lh = (u128)al * bh, ll = (u128)al * bl;
   u128 cross = (ll >> 64) + (ULong)lh + (ULong)hl;
   /* the top 128 bits of the 256-bit product */
   u128 hi = hh + (lh >> 64) + (hl >> 64) + (cross >> 64);
   return w_norm(a.sign ^ b.sign, a.e + b.e + 1, hi);
}

static W w_div(W a, W b)
{
   vassert(b.m != 0);
   if (a.m == 0)
      return w_zero();
   u128 den = b.m >> 1, rem = a.m >> 1, q = 0;
   Int e = a.e - b.e;
   if (rem < den) {
      rem <<= 1;
      e -= 1;
   }
   for (Int i = 0; i < 128; i++) {
      q <<= 1;
      if (rem >= den) {
         rem -= den;
         q |= 1;
      }
      rem <<= 1;
   }
   return w_norm(a.sign ^ b.sign, e, q);
}

static W w_div_int(W a, Long n) { return w_div(a, w_from_int(n)); }

static W w_sqrt(W a)
{
   if (a.m == 0)
      return a;
   /* a 64-bit first approximation from the exact 80-bit square root,
      then two Newton steps */
   UInt fl = 0;
   F80 x = mkF80((ULong)(a.m >> 64), (UInt)(a.e + EXP_BIAS));
   W r = w_from_f80(op_sqrt(x, 64, RC_NEAREST, &fl));
   for (Int i = 0; i < 2; i++)
      r = w_ldexp(w_add(r, w_div(a, r)), -1);
   return r;
}

/* Is |t| below 2^-130 relative to |s|? */
static Bool w_negligible(W t, W s)
{
   return toBool(t.m == 0 || (s.m != 0 && t.e < s.e - 130));
}

/* Constants to 128 bits. */
static W w_pi(void)
{
   W w = { 0, 1, ((u128)0xC90FDAA22168C234ULL << 64) | 0xC4C6628B80DC1CD1ULL };
   return w;
}
static W w_ln2(void)
{
   W w = { 0, -1, ((u128)0xB17217F7D1CF79ABULL << 64) | 0xC9E3B39803F2F6AFULL };
   return w;
}
static W w_l2t(void)
{
   W w = { 0, 1, ((u128)0xD49A784BCD1B8AFEULL << 64) | 0x492BF6FF4DAFDB4CULL };
   return w;
}
static W w_l2e(void)
{
   W w = { 0, 0, ((u128)0xB8AA3B295C17F0BBULL << 64) | 0xBE87FED0691D3E88ULL };
   return w;
}
static W w_lg2(void)
{
   W w = { 0, -2, ((u128)0x9A209A84FBCFF798ULL << 64) | 0x8F8959AC0B7C9178ULL };
   return w;
}

/* Rounds a wide value (taken as inexact beyond its 128 bits) to 80 bits
   at full precision. */
static F80 w_round(W a, UInt rc, UInt* fl)
{
   if (a.m == 0)
      return f80_zero(a.sign);
   return round_unp_ext(a.sign, a.e, a.m, True, 64, rc, fl);
}

/* expm1(t) for |t| < 1 */
static W w_expm1(W t)
{
   W sum = t, term = t;
   for (Int n = 2; n < 60; n++) {
      term = w_div_int(w_mul(term, t), n);
      if (w_negligible(term, sum))
         break;
      sum = w_add(sum, term);
   }
   return sum;
}

/* atanh(s) = s + s^3/3 + s^5/5 + ... for |s| <= 0.2 */
static W w_atanh_series(W s)
{
   W s2 = w_mul(s, s), pw = s, sum = s;
   for (Int k = 3; k < 200; k += 2) {
      pw = w_mul(pw, s2);
      W term = w_div_int(pw, k);
      if (w_negligible(term, sum))
         break;
      sum = w_add(sum, term);
   }
   return sum;
}

/* ln(x) for x > 0 (finite, non-zero, as a wide value) */
static W w_ln(W x)
{
   /* x = m * 2^E with m in [sqrt(1/2), sqrt(2)) */
   Int E = x.e;
   W m = x;
   m.e = 0;
   /* sqrt(2) ~ 0xB504F333F9DE6484 * 2^-63 */
   if ((ULong)(m.m >> 64) > 0xB504F333F9DE6484ULL) {
      m.e = -1;
      E += 1;
   }
   W one = w_from_int(1);
   W s = w_div(w_sub(m, one), w_add(m, one));
   W lnm = w_ldexp(w_atanh_series(s), 1);
   return w_add(w_mul(w_from_int(E), w_ln2()), lnm);
}

/* ln(1 + x) for |x| < 1 - sqrt(2)/2, accurate for small x */
static W w_ln1p(W x)
{
   W s = w_div(x, w_add(w_from_int(2), x));
   return w_ldexp(w_atanh_series(s), 1);
}

/* atan(z) for 0 <= z <= 1 */
static W w_atan01(W z)
{
   W one = w_from_int(1);
   /* two half-angle steps: z / (1 + sqrt(1 + z^2)) */
   for (Int i = 0; i < 2; i++)
      z = w_div(z, w_add(one, w_sqrt(w_add(one, w_mul(z, z)))));
   W z2 = w_mul(z, z), pw = z, sum = z;
   for (Int k = 3; k < 400; k += 2) {
      pw = w_neg(w_mul(pw, z2));
      W term = w_div_int(pw, k);
      if (w_negligible(term, sum))
         break;
      sum = w_add(sum, term);
   }
   return w_ldexp(sum, 2);
}

/* sin and cos of |r| <= pi/4 */
static W w_sin_small(W r)
{
   W r2 = w_mul(r, r), term = r, sum = r;
   for (Int n = 2; n < 80; n += 2) {
      term = w_neg(w_div_int(w_mul(term, r2), (Long)n * (n + 1)));
      if (w_negligible(term, sum))
         break;
      sum = w_add(sum, term);
   }
   return sum;
}

static W w_cos_small(W r)
{
   W r2 = w_mul(r, r), one = w_from_int(1), term = one, sum = one;
   for (Int n = 1; n < 80; n += 2) {
      term = w_neg(w_div_int(w_mul(term, r2), (Long)n * (n + 1)));
      if (w_negligible(term, sum))
         break;
      sum = w_add(sum, term);
   }
   return sum;
}

/* The pi the hardware reduces by: 66 bits. */
static W w_pi66(void)
{
   W w = w_pi();
   w.m &= ~(u128)0 << (128 - 66);
   return w;
}

/* Reduces x (|x| < 2^63) by multiples of pi66/2: x = k * pi66/2 + r,
   |r| <= pi66/4; returns r and k mod 4.  The product k * pi66/2 is exact
   (k < 2^64 and pi66 has 66 bits: 130 bits, kept as two wide parts). */
static W w_reduce(F80 x, UInt* quadrant)
{
   W wx = w_from_f80(x);
   W half_pi = w_ldexp(w_pi66(), -1);
   /* k = round(|x| / (pi/2)) */
   W q = w_div(wx, half_pi);
   q.sign = 0;
   ULong k = 0;
   if (q.m != 0 && q.e >= -1) {
      /* q + 1/2, truncated */
      W qh = w_add(q, w_ldexp(w_from_int(1), -1));
      if (qh.e <= 63)
         k = (ULong)(qh.m >> (127 - qh.e));
   }
   *quadrant = (UInt)(k & 3);
   if (k == 0)
      return wx;
   /* |x| - k * pi66/2, with pi66/2 split into a 64-bit and a 2-bit
      part so that each product is exact */
   u128 p = half_pi.m;
   W hi = w_norm(0, half_pi.e, (p >> 64) << 64);
   W lo = w_norm(0, half_pi.e, p & ((u128)~0ULL << 64 >> 64));
   W kk = w_norm(0, 127, k);
   W ax = wx;
   ax.sign = 0;
   /* k*hi is exact in 128 bits (64 x 64); k*lo has at most 66 bits */
   W r = w_sub(w_sub(ax, w_mul(kk, hi)), w_mul(kk, lo));
   if (wx.sign)
      r = w_neg(r);
   if (wx.sign)
      *quadrant = (4 - *quadrant) & 3;
   return r;
}

/* sin, cos or tan of x (finite, |x| < 2^63) */
static W w_trig(F80 x, UInt op)
{
   UInt q;
   W r = w_reduce(x, &q);
   W s = w_sin_small(r), c = w_cos_small(r);
   W sx, cx;
   switch (q) {
      case 0:  sx = s; cx = c; break;
      case 1:  sx = c; cx = w_neg(s); break;
      case 2:  sx = w_neg(s); cx = w_neg(c); break;
      default: sx = w_neg(c); cx = s; break;
   }
   if (op == X87_OP_SIN)
      return sx;
   if (op == X87_OP_COS)
      return cx;
   return w_div(sx, cx);
}

/* ================================================================== */
/* The transcendental instructions                                    */
/* ================================================================== */

static F80 op_trig(F80 a, UInt op, UInt rc, UInt* fl, UInt* cc)
{
   Int ka = classify(a);
   *cc = 0;
   if (ka == K_UNSUPP || is_nan_class(ka))
      return nan_result(a, ka, a, -1, fl);
   if (ka == K_INF) {
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   if (ka == K_ZERO)
      return op == X87_OP_COS ? mkF80(J_BIT, EXP_BIAS) : a;
   if (ka == K_DENORM)
      *fl |= X87_FSW_DE;
   Unp u = unpack(a);
   if (u.e >= 63) {
      *cc = X87_FSW_C2;
      return a;
   }
   /* tiny arguments: sin x = tan x = x, cos x = 1, to within rounding */
   if (u.e < -40) {
      /* cos x = 1 - x^2/2 just below 1; sin x = x - x^3/6 just below
         |x|; tan x = x + x^3/3 just above: far below the last place */
      if (op == X87_OP_COS) {
         W one = w_from_int(1);
         return w_round(w_sub(one, w_ldexp(one, -100)), rc, fl);
      }
      W w = w_from_f80(a);
      W eps = w_ldexp(w, -100);
      w = op == X87_OP_SIN ? w_sub(w, eps) : w_add(w, eps);
      return w_round(w, rc, fl);
   }
   return w_round(w_trig(a, op), rc, fl);
}

static F80 op_f2xm1(F80 a, UInt rc, UInt* fl)
{
   Int ka = classify(a);
   if (ka == K_UNSUPP || is_nan_class(ka))
      return nan_result(a, ka, a, -1, fl);
   if (ka == K_ZERO)
      return a;
   if (ka == K_INF)
      return f80_sign(a) ? mkF80(J_BIT, SIGN_BIT | EXP_BIAS) : a;
   if (ka == K_DENORM)
      *fl |= X87_FSW_DE;
   Unp u = unpack(a);
   if (u.e < -200) {
      /* 2^x - 1 = x ln2 (1 + x ln2 / 2 ...) */
      W w = w_mul(w_from_f80(a), w_ln2());
      return w_round(w, rc, fl);
   }
   return w_round(w_expm1(w_mul(w_from_f80(a), w_ln2())), rc, fl);
}

/* y * log2(x) (FYL2X: A = x = ST(0), B = y = ST(1)) */
static F80 op_yl2x(F80 x, F80 y, UInt rc, UInt* fl)
{
   Int kx = classify(x), ky = classify(y);
   if (kx == K_UNSUPP || ky == K_UNSUPP || is_nan_class(kx)
       || is_nan_class(ky))
      return nan_result(x, kx, y, ky, fl);
   if (denormal_operand(kx) || denormal_operand(ky))
      *fl |= X87_FSW_DE;
   UInt sy = f80_sign(y);
   if (f80_sign(x) && kx != K_ZERO) {
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   if (kx == K_ZERO) {
      if (ky == K_ZERO) { *fl |= X87_FSW_IE; return indefinite(); }
      if (ky != K_INF)
         *fl |= X87_FSW_ZE;
      return f80_inf(sy ^ 1);
   }
   /* log2(x) sign: x < 1 negative, x = 1 zero, x > 1 positive */
   Int c1 = cmp_values(x, mkF80(J_BIT, EXP_BIAS));
   if (kx == K_INF) {
      if (ky == K_ZERO) { *fl |= X87_FSW_IE; return indefinite(); }
      return f80_inf(sy);
   }
   if (ky == K_INF) {
      if (c1 == 0) { *fl |= X87_FSW_IE; return indefinite(); }
      return f80_inf(sy ^ (c1 < 0));
   }
   if (c1 == 0)
      return f80_zero(sy);
   if (ky == K_ZERO)
      return f80_zero(sy ^ (c1 < 0));
   W l2 = w_div(w_ln(w_from_f80(x)), w_ln2());
   return w_round(w_mul(w_from_f80(y), l2), rc, fl);
}

/* y * log2(x + 1) (FYL2XP1) */
static F80 op_yl2xp1(F80 x, F80 y, UInt rc, UInt* fl)
{
   Int kx = classify(x), ky = classify(y);
   if (kx == K_UNSUPP || ky == K_UNSUPP || is_nan_class(kx)
       || is_nan_class(ky))
      return nan_result(x, kx, y, ky, fl);
   if (denormal_operand(kx) || denormal_operand(ky))
      *fl |= X87_FSW_DE;
   UInt sx = f80_sign(x), sy = f80_sign(y);
   if (kx == K_ZERO) {
      if (ky == K_INF) { *fl |= X87_FSW_IE; return indefinite(); }
      return f80_zero(sx ^ sy);
   }
   if (kx == K_INF) {
      if (sx || ky == K_ZERO) { *fl |= X87_FSW_IE; return indefinite(); }
      return f80_inf(sy);
   }
   if (ky == K_INF)
      return f80_inf(sx ^ sy);
   if (ky == K_ZERO)
      return f80_zero(sx ^ sy);
   W wx = w_from_f80(x);
   if (sx && wx.e >= 0) {
      /* x <= -1: log of a non-positive number */
      *fl |= X87_FSW_IE;
      return indefinite();
   }
   W l2 = w_div(w_ln1p(wx), w_ln2());
   return w_round(w_mul(w_from_f80(y), l2), rc, fl);
}

/* atan2(y, x) (FPATAN: A = x = ST(0), B = y = ST(1)) */
static F80 op_patan(F80 x, F80 y, UInt rc, UInt* fl)
{
   Int kx = classify(x), ky = classify(y);
   if (kx == K_UNSUPP || ky == K_UNSUPP || is_nan_class(kx)
       || is_nan_class(ky))
      return nan_result(x, kx, y, ky, fl);
   if (denormal_operand(kx) || denormal_operand(ky))
      *fl |= X87_FSW_DE;
   UInt sx = f80_sign(x), sy = f80_sign(y);
   W pi = w_pi();
   W r;
   if (ky == K_ZERO) {
      if (sx)
         r = pi;                               /* +-pi */
      else
         return f80_zero(sy);                  /* +-0 */
   } else if (ky == K_INF) {
      if (kx == K_INF)
         r = sx ? w_mul(pi, w_div_int(w_from_int(3), 4))
                : w_ldexp(pi, -2);
      else
         r = w_ldexp(pi, -1);
   } else if (kx == K_INF) {
      if (sx)
         r = pi;
      else
         return f80_zero(sy);
   } else if (kx == K_ZERO) {
      r = w_ldexp(pi, -1);
   } else {
      W ay = w_from_f80(y), ax = w_from_f80(x);
      ay.sign = 0;
      ax.sign = 0;
      Int c = cmp_values(mkF80(y.m, y.se & 0x7FFF), mkF80(x.m, x.se & 0x7FFF));
      W t;
      if (c <= 0)
         t = w_atan01(w_div(ay, ax));
      else
         t = w_sub(w_ldexp(pi, -1), w_atan01(w_div(ax, ay)));
      r = sx ? w_sub(pi, t) : t;
      /* tiny quotients: the result may be tiny and denormal */
   }
   r.sign = sy;
   return w_round(r, rc, fl);
}

/* The constants of FLD1 .. FLDZ */
static F80 op_const(UInt k, UInt rc, UInt* fl)
{
   UInt fl2 = 0;
   F80 r;
   switch (k) {
      case X87_K_ONE:  return mkF80(J_BIT, EXP_BIAS);
      case X87_K_ZERO: return f80_zero(0);
      case X87_K_L2T:  r = w_round(w_l2t(), rc, &fl2); break;
      case X87_K_L2E:  r = w_round(w_l2e(), rc, &fl2); break;
      case X87_K_PI:   r = w_round(w_pi(), rc, &fl2); break;
      case X87_K_LG2:  r = w_round(w_lg2(), rc, &fl2); break;
      default:         r = w_round(w_ln2(), rc, &fl2); break;
   }
   /* the constants raise no exception */
   (void)fl;
   return r;
}

/* ================================================================== */
/* The value helper                                                   */
/* ================================================================== */

static F80 load_operand(UInt fmt, ULong m, ULong se, UInt* fl)
{
   switch (fmt) {
      case X87_FMT_F32: return from_ieee(m & 0xFFFFFFFFULL, fmt_f32, fl);
      case X87_FMT_F64: return from_ieee(m, fmt_f64, fl);
      case X87_FMT_I16: return from_int((Short)(UShort)m);
      case X87_FMT_I32: return from_int((Int)(UInt)m);
      case X87_FMT_I64: return from_int((Long)m);
      case X87_FMT_BCD: return from_bcd(m, (UInt)se);
      default:          return mkF80(m, (UInt)se);
   }
}

void amd64g_x87_op(ULong* res, ULong ctl, ULong a_m, ULong a_se,
                   ULong b_m, ULong b_se)
{
   UInt op   = (UInt)(ctl & 0xFF);
   UInt fmt  = (UInt)(ctl >> X87_CTL_FMT_SHIFT) & 15;
   UInt cw   = (UInt)(ctl >> X87_CTL_CW_SHIFT) & 0xFFFF;
   UInt fsw  = (UInt)(ctl >> X87_CTL_FSW_SHIFT) & 0xFFFF;
   UInt rc   = cw_rc(cw);
   Int  prec = pc_prec(cw);
   Bool a_empty = toBool((ctl & X87_CTL_A_EMPTY) != 0);
   Bool b_empty = toBool((ctl & X87_CTL_B_EMPTY) != 0);
   Bool dest_full = toBool((ctl & X87_CTL_DEST_FULL) != 0);
   UInt fl = 0;          /* exception flags and C1 raised */
   UInt cc_mask = X87_FSW_C1;   /* the condition codes this op defines */
   UInt cc = 0;
   UInt rfl = 0;
   F80  a = mkF80(a_m, (UInt)a_se);
   F80  r = mkF80(0, 0);
   ULong bits = 0;
   Bool is_store = toBool(op == X87_OP_STORE);

   /* Stack faults: IE and SF, C1 says overflow (1) or underflow (0); the
      masked response is the indefinite (or, for comparisons, "unordered"
      and for stores the indefinite of the destination format). */
   if (dest_full || a_empty || b_empty) {
      /* (an underflow wins over an overflow: C1 = 0) */
      fl = X87_FSW_IE | X87_FSW_SF
           | (dest_full && !a_empty && !b_empty ? X87_FSW_C1 : 0);
      r = indefinite();
      switch (op) {
         case X87_OP_COM: case X87_OP_UCOM: case X87_OP_TST:
            cc_mask = X87_FSW_CC;
            cc = X87_FSW_C3 | X87_FSW_C2 | X87_FSW_C0;
            rfl = 0x45;
            break;
         case X87_OP_XAM:
            goto normal;
         case X87_OP_SIN: case X87_OP_COS: case X87_OP_TAN:
         case X87_OP_PREM: case X87_OP_PREM1:
            /* (FPREM: the quotient bits C0 C3 are left alone) */
            cc_mask = X87_FSW_C1 | X87_FSW_C2;
            break;
         case X87_OP_STORE:
            switch (fmt) {
               case X87_FMT_F32: bits = 0xFFC00000ULL; break;
               case X87_FMT_F64: bits = 0xFFF8000000000000ULL; break;
               case X87_FMT_I16: case X87_FMT_I16T: bits = 0x8000; break;
               case X87_FMT_I32: case X87_FMT_I32T: bits = 0x80000000ULL;
                                                    break;
               case X87_FMT_I64: case X87_FMT_I64T:
                  bits = 0x8000000000000000ULL; break;
               case X87_FMT_BCD:
                  bits = 0xC000000000000000ULL; r.se = 0xFFFF; break;
               default: bits = r.m; break;
            }
            break;
         default:
            break;
      }
      goto done;
   }

  normal:
   {
      /* a denormal memory operand raises DE where the operation checks
         for denormals (see FL_MEM_DENORM); a load raises it at once */
      UInt lfl = 0;
      F80 b = X87_OP_CONST == op ? mkF80(0, 0)
              : load_operand(fmt, b_m, b_se, &lfl);
      if ((lfl & X87_FSW_DE) && op != X87_OP_LOAD) {
         lfl &= ~X87_FSW_DE;
         lfl |= FL_MEM_DENORM;
      }
      fl |= lfl;
      switch (op) {
         case X87_OP_ADD:  r = op_addsub(a, b, False, prec, rc, &fl); break;
         case X87_OP_SUB:  r = op_addsub(a, b, True, prec, rc, &fl); break;
         case X87_OP_SUBR: r = op_addsub(b, a, True, prec, rc, &fl); break;
         case X87_OP_MUL:  r = op_mul(a, b, prec, rc, &fl); break;
         case X87_OP_DIV:  r = op_div(a, b, prec, rc, &fl); break;
         case X87_OP_DIVR: r = op_div(b, a, prec, rc, &fl); break;
         case X87_OP_COM:
         case X87_OP_UCOM:
            op_compare(a, b, toBool(op == X87_OP_COM), &cc, &rfl, &fl);
            cc_mask = X87_FSW_CC;
            break;
         case X87_OP_TST:
            op_compare(a, f80_zero(0), True, &cc, &rfl, &fl);
            cc_mask = X87_FSW_CC;
            break;
         case X87_OP_XAM:
            cc = op_xam(a, a_empty);
            cc_mask = X87_FSW_CC;
            fl = 0;
            break;
         case X87_OP_LOAD:
            r = classify(b) == K_SNAN ? quiet(b) : b;
            break;
         case X87_OP_STORE:
            switch (fmt) {
               case X87_FMT_F32: bits = to_ieee(a, fmt_f32, rc, &fl); break;
               case X87_FMT_F64: bits = to_ieee(a, fmt_f64, rc, &fl); break;
               case X87_FMT_I16: bits = to_int(a, 16, rc, &fl); break;
               case X87_FMT_I32: bits = to_int(a, 32, rc, &fl); break;
               case X87_FMT_I64: bits = to_int(a, 64, rc, &fl); break;
               case X87_FMT_I16T: bits = to_int(a, 16, RC_ZERO, &fl); break;
               case X87_FMT_I32T: bits = to_int(a, 32, RC_ZERO, &fl); break;
               case X87_FMT_I64T: bits = to_int(a, 64, RC_ZERO, &fl); break;
               case X87_FMT_BCD: {
                  ULong lo;
                  r.se = to_bcd(a, rc, &fl, &lo);
                  bits = lo;
                  break;
               }
               default: bits = a.m; r.se = a.se; break;
            }
            break;
         case X87_OP_CONST:
            r = op_const((UInt)b_m, rc, &fl);
            break;
         case X87_OP_CHS:
            r = a;
            r.se ^= SIGN_BIT;
            break;
         case X87_OP_ABS:
            r = a;
            r.se &= ~SIGN_BIT;
            break;
         case X87_OP_SQRT:   r = op_sqrt(a, prec, rc, &fl); break;
         case X87_OP_RNDINT: r = op_rndint(a, rc, &fl); break;
         case X87_OP_SCALE:  r = op_scale(a, b, rc, &fl); break;
         case X87_OP_PREM:
         case X87_OP_PREM1: {
            Bool nan_cc;
            r = op_prem(a, b, toBool(op == X87_OP_PREM1), rc, &fl, &cc,
                        &nan_cc);
            cc_mask = nan_cc ? (X87_FSW_C1 | X87_FSW_C2) : X87_FSW_CC;
            break;
         }
         case X87_OP_XTRACT_EXP: r = op_xtract(a, True, &fl); break;
         case X87_OP_XTRACT_SIG: r = op_xtract(a, False, &fl); break;
         case X87_OP_F2XM1:  r = op_f2xm1(a, rc, &fl); break;
         case X87_OP_YL2X:   r = op_yl2x(a, b, rc, &fl); break;
         case X87_OP_YL2XP1: r = op_yl2xp1(a, b, rc, &fl); break;
         case X87_OP_PATAN:  r = op_patan(a, b, rc, &fl); break;
         case X87_OP_SIN:
         case X87_OP_COS:
         case X87_OP_TAN:
            r = op_trig(a, op, rc, &fl, &cc);
            cc_mask = X87_FSW_C1 | X87_FSW_C2;
            break;
         default:
            vpanic("amd64g_x87_op: bad operation");
      }
   }

  done:
   fl &= ~FL_MEM_DENORM;
   if (!is_store)
      bits = r.m;
   /* C1 comes from FL (rounding, stack overflow) unless the operation
      defines it itself (CC). */
   {
      UInt c1 = (fl | cc) & X87_FSW_C1;
      UInt nfsw = (fsw & ~cc_mask) | (cc & ~X87_FSW_C1) | c1
                  | (fl & 0x7F);
      res[0] = bits;
      res[1] = (ULong)(r.se & 0xFFFF) | ((ULong)(nfsw & 0xFFFF) << 16)
               | ((ULong)rfl << 32);
   }
}

ULong amd64g_x87_fsw(ULong fc3210, ULong ftop, ULong cw)
{
   UInt fsw = (UInt)fc3210 & (0x7F | X87_FSW_CC);
   if (fsw & ~(UInt)cw & 0x3F)
      fsw |= X87_FSW_ES | X87_FSW_B;
   return fsw | (((UInt)ftop & 7) << 11);
}

UInt amd64g_x87_selftest_binop(UInt op, const UChar* a, const UChar* b,
                               UInt cw, UChar* out)
{
   ULong am = 0, bm = 0, res[2];
   UInt  ase = 0, bse = 0;
   for (Int i = 7; i >= 0; i--) {
      am = (am << 8) | a[i];
      bm = (bm << 8) | b[i];
   }
   ase = a[8] | ((UInt)a[9] << 8);
   bse = b[8] | ((UInt)b[9] << 8);
   amd64g_x87_op(res, op | ((ULong)cw << X87_CTL_CW_SHIFT), am, ase, bm, bse);
   for (Int i = 0; i < 8; i++)
      out[i] = (UChar)(res[0] >> (8 * i));
   out[8] = (UChar)res[1];
   out[9] = (UChar)(res[1] >> 8);
   return (UInt)(res[1] >> 16) & 0xFFFF;
}

/* ================================================================== */
/* State save and restore                                             */
/* ================================================================== */

static void put16(UChar* p, UInt v) { p[0] = (UChar)v; p[1] = (UChar)(v >> 8); }
static void put32(UChar* p, UInt v)
{
   for (Int i = 0; i < 4; i++) p[i] = (UChar)(v >> (8 * i));
}
static UInt get16(const UChar* p) { return p[0] | ((UInt)p[1] << 8); }
static UInt get32(const UChar* p)
{
   return p[0] | ((UInt)p[1] << 8) | ((UInt)p[2] << 16) | ((UInt)p[3] << 24);
}

static const UChar* reg_bytes(const VexGuestAMD64State* st, UInt phys)
{
   return (const UChar*)&st->guest_FPREG[phys & 7];
}

static void set_reg_bytes(VexGuestAMD64State* st, UInt phys, const UChar* v)
{
   UChar* p = (UChar*)&st->guest_FPREG[phys & 7];
   for (Int i = 0; i < 10; i++)
      p[i] = v[i];
   for (Int i = 10; i < 16; i++)
      p[i] = 0;
}

static UInt cur_fsw(const VexGuestAMD64State* st)
{
   return (UInt)amd64g_x87_fsw(st->guest_FC3210, st->guest_FTOP,
                               st->guest_FPROUND);
}

/* The full tag word: 2 bits per physical register. */
static UInt full_tag_word(const VexGuestAMD64State* st)
{
   UInt tw = 0;
   for (UInt i = 0; i < 8; i++) {
      UInt t;
      if (!st->guest_FPTAG[i]) {
         t = 3;
      } else {
         const UChar* p = reg_bytes(st, i);
         ULong m = 0;
         for (Int k = 7; k >= 0; k--)
            m = (m << 8) | p[k];
         F80 v = mkF80(m, get16(p + 8));
         Int k = classify(v);
         t = k == K_ZERO ? 1 : k == K_NORMAL ? 0 : 2;
      }
      tw |= t << (2 * i);
   }
   return tw;
}

static void load_fsw(VexGuestAMD64State* st, UInt fsw)
{
   st->guest_FC3210 = fsw & (0x7F | X87_FSW_CC);
   st->guest_FTOP   = (fsw >> 11) & 7;
}

static void load_cw(VexGuestAMD64State* st, UInt cw)
{
   st->guest_FPROUND = (cw & X87_CW_KEEP) | X87_CW_ONE;
}

static void x87_init(VexGuestAMD64State* st)
{
   st->guest_FPROUND = X87_CW_DEFAULT;
   st->guest_FC3210  = 0;
   st->guest_FTOP    = 0;
   for (Int i = 0; i < 8; i++)
      st->guest_FPTAG[i] = 0;
}

/* The 28-byte environment (protected-mode 32-bit format). */
static void store_env(const VexGuestAMD64State* st, UChar* p)
{
   put32(p + 0, 0xFFFF0000u | ((UInt)st->guest_FPROUND & 0xFFFF));
   put32(p + 4, 0xFFFF0000u | cur_fsw(st));
   put32(p + 8, 0xFFFF0000u | full_tag_word(st));
   put32(p + 12, 0);                 /* FIP */
   put32(p + 16, 0);                 /* FCS, FOP */
   put32(p + 20, 0);                 /* FDP */
   put32(p + 24, 0xFFFF0000u);       /* FDS */
}

static void load_env(VexGuestAMD64State* st, const UChar* p)
{
   load_cw(st, get16(p + 0));
   load_fsw(st, get16(p + 4));
   UInt tw = get16(p + 8);
   for (UInt i = 0; i < 8; i++)
      st->guest_FPTAG[i] = ((tw >> (2 * i)) & 3) == 3 ? 0 : 1;
}

void amd64g_dirtyhelper_FNSTENV(VexGuestAMD64State* st, HWord addr)
{
   store_env(st, (UChar*)addr);
   st->guest_FPROUND |= 0x3F;
}

void amd64g_dirtyhelper_FLDENV(VexGuestAMD64State* st, HWord addr)
{
   load_env(st, (const UChar*)addr);
}

void amd64g_dirtyhelper_FNSAVE(VexGuestAMD64State* st, HWord addr)
{
   UChar* p = (UChar*)addr;
   store_env(st, p);
   for (UInt k = 0; k < 8; k++) {
      const UChar* r = reg_bytes(st, st->guest_FTOP + k);
      for (Int i = 0; i < 10; i++)
         p[28 + 10 * k + i] = r[i];
   }
   x87_init(st);
}

void amd64g_dirtyhelper_FRSTOR(VexGuestAMD64State* st, HWord addr)
{
   const UChar* p = (const UChar*)addr;
   load_env(st, p);
   for (UInt k = 0; k < 8; k++)
      set_reg_bytes(st, st->guest_FTOP + k, p + 28 + 10 * k);
}

UInt amd64g_x87_get_mxcsr(const VexGuestAMD64State* st)
{
   return 0x1F80u | (((UInt)st->guest_SSEROUND & 3) << 13);
}

void amd64g_x87_put_mxcsr(VexGuestAMD64State* st, UInt mxcsr)
{
   st->guest_SSEROUND = (mxcsr >> 13) & 3;
}

static void save_x87_part(const VexGuestAMD64State* st, UChar* p)
{
   put16(p + 0, (UInt)st->guest_FPROUND & 0xFFFF);
   put16(p + 2, cur_fsw(st));
   UInt ftw = 0;
   for (UInt i = 0; i < 8; i++)
      if (st->guest_FPTAG[i])
         ftw |= 1u << i;
   p[4] = (UChar)ftw;
   p[5] = 0;
   for (Int i = 6; i < 24; i++)      /* FOP, FIP, FDP: not kept */
      p[i] = 0;
   for (UInt k = 0; k < 8; k++) {
      const UChar* r = reg_bytes(st, st->guest_FTOP + k);
      for (Int i = 0; i < 10; i++)
         p[32 + 16 * k + i] = r[i];
      for (Int i = 10; i < 16; i++)
         p[32 + 16 * k + i] = 0;
   }
}

static void save_sse_part(const VexGuestAMD64State* st, UChar* p)
{
   put32(p + 24, amd64g_x87_get_mxcsr(st));
   put32(p + 28, 0x0000FFFF);        /* MXCSR_MASK */
   const UChar* y = (const UChar*)&st->guest_YMM0;
   for (Int r = 0; r < 16; r++)
      for (Int i = 0; i < 16; i++)
         p[160 + 16 * r + i] = y[32 * r + i];
}

static void load_x87_part(VexGuestAMD64State* st, const UChar* p)
{
   load_cw(st, get16(p + 0));
   load_fsw(st, get16(p + 2));
   for (UInt i = 0; i < 8; i++)
      st->guest_FPTAG[i] = (p[4] >> i) & 1;
   for (UInt k = 0; k < 8; k++)
      set_reg_bytes(st, st->guest_FTOP + k, p + 32 + 16 * k);
}

static void load_sse_part(VexGuestAMD64State* st, const UChar* p)
{
   UChar* y = (UChar*)&st->guest_YMM0;
   for (Int r = 0; r < 16; r++)
      for (Int i = 0; i < 16; i++)
         y[32 * r + i] = p[160 + 16 * r + i];
}

void amd64g_x87_state_to_fxsave(const VexGuestAMD64State* st, UChar* img)
{
   save_x87_part(st, img);
   save_sse_part(st, img);
}

void amd64g_x87_state_from_fxsave(VexGuestAMD64State* st, const UChar* img)
{
   load_x87_part(st, img);
   amd64g_x87_put_mxcsr(st, get32(img + 24));
   load_sse_part(st, img);
}

void amd64g_dirtyhelper_FXSAVE(VexGuestAMD64State* st, HWord addr)
{
   amd64g_x87_state_to_fxsave(st, (UChar*)addr);
}

void amd64g_dirtyhelper_FXRSTOR(VexGuestAMD64State* st, HWord addr)
{
   amd64g_x87_state_from_fxsave(st, (const UChar*)addr);
}

void amd64g_dirtyhelper_XSAVE(VexGuestAMD64State* st, HWord addr, ULong rfbm)
{
   UChar* p = (UChar*)addr;
   rfbm &= AMD64G_XCR0;
   if (rfbm & 1)
      save_x87_part(st, p);
   if (rfbm & 2)
      save_sse_part(st, p);
   /* XSTATE_BV: the saved components are reported in use */
   p[512] = (UChar)(p[512] | rfbm);
}

void amd64g_dirtyhelper_XRSTOR(VexGuestAMD64State* st, HWord addr, ULong rfbm)
{
   const UChar* p = (const UChar*)addr;
   rfbm &= AMD64G_XCR0;
   UInt bv = p[512];
   if (rfbm & 1) {
      if (bv & 1) {
         load_x87_part(st, p);
      } else {
         x87_init(st);
         for (Int i = 0; i < 8; i++) {
            UChar* r = (UChar*)&st->guest_FPREG[i];
            for (Int k = 0; k < 16; k++)
               r[k] = 0;
         }
      }
   }
   if (rfbm & 2) {
      amd64g_x87_put_mxcsr(st, get32(p + 24));
      if (bv & 2) {
         load_sse_part(st, p);
      } else {
         UChar* y = (UChar*)&st->guest_YMM0;
         for (Int r = 0; r < 16; r++)
            for (Int i = 0; i < 16; i++)
               y[32 * r + i] = 0;
      }
   }
}
