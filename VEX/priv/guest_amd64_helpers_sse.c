/* Clean helpers of the amd64 front end's SSE family (see
   guest_amd64_toIR_sse.h): the instructions whose result is easier to
   compute in C than in IR -- psadbw, mpsadbw, phminposuw and the SSE4.2
   string compares.  All are pure functions of their arguments, which
   carry 128-bit operands as two 64-bit halves (low first). */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "main_util.h"
#include "guest_amd64_defs.h"
#include "guest_amd64_toIR_sse.h"

/* Byte I (0..15) of the 128-bit value (lo, hi). */
static UInt byte_of(ULong lo, ULong hi, UInt i)
{
   return (UInt)(((i < 8 ? lo : hi) >> (8 * (i & 7))) & 0xFF);
}

/* Word I (0..7) of (lo, hi). */
static UInt word_of(ULong lo, ULong hi, UInt i)
{
   return (UInt)(((i < 4 ? lo : hi) >> (16 * (i & 3))) & 0xFFFF);
}

static UInt absdiff(UInt a, UInt b)
{
   return a > b ? a - b : b - a;
}

ULong amd64g_calc_sse_psadbw(ULong a, ULong b)
{
   UInt sum = 0;
   for (UInt i = 0; i < 8; i++)
      sum += absdiff((UInt)(a >> (8 * i)) & 0xFF, (UInt)(b >> (8 * i)) & 0xFF);
   return sum;
}

ULong amd64g_calc_sse_mpsadbw(ULong dlo, ULong dhi, ULong slo, ULong shi,
                              ULong imm_half)
{
   UInt doff = 4 * (UInt)((imm_half >> 2) & 1);
   UInt soff = 4 * (UInt)(imm_half & 3);
   UInt half = (UInt)((imm_half >> 8) & 1);
   ULong r = 0;
   for (UInt k = 0; k < 4; k++) {
      UInt i = 4 * half + k;
      UInt sum = 0;
      for (UInt j = 0; j < 4; j++)
         sum += absdiff(byte_of(dlo, dhi, doff + i + j),
                        byte_of(slo, shi, soff + j));
      r |= (ULong)sum << (16 * k);
   }
   return r;
}

ULong amd64g_calc_sse_phminposuw(ULong lo, ULong hi)
{
   UInt best = word_of(lo, hi, 0), at = 0;
   for (UInt i = 1; i < 8; i++) {
      UInt w = word_of(lo, hi, i);
      if (w < best) {
         best = w;
         at = i;
      }
   }
   return (ULong)best | ((ULong)at << 16);
}

/* ------------------------------------------------------------------ */
/* SSE4.2 string compares                                             */
/* ------------------------------------------------------------------ */

/* The N elements of (lo, hi): bytes or words, signed or unsigned. */
static void elements(ULong lo, ULong hi, Bool words, Bool sgn, Int n,
                     Int* out)
{
   for (Int i = 0; i < n; i++) {
      UInt raw = words ? word_of(lo, hi, (UInt)i) : byte_of(lo, hi, (UInt)i);
      if (sgn)
         out[i] = words ? (Int)(Short)raw : (Int)(SChar)raw;
      else
         out[i] = (Int)raw;
   }
}

/* The implicit length: the index of the first zero element, or N. */
static Int implicit_len(const Int* e, Int n)
{
   for (Int i = 0; i < n; i++)
      if (e[i] == 0)
         return i;
   return n;
}

ULong amd64g_calc_sse42_pcmpstr(ULong alo, ULong ahi, ULong blo, ULong bhi,
                                ULong ctl)
{
   UInt imm   = (UInt)(ctl & 0xFF);
   Bool words = toBool(imm & 1);
   Bool sgn   = toBool(imm & 2);
   UInt agg   = (imm >> 2) & 3;
   UInt pol   = (imm >> 4) & 3;
   Bool msb   = toBool(imm & 0x40);
   Int  n     = words ? 8 : 16;
   Int  a[16], b[16];
   elements(alo, ahi, words, sgn, n, a);
   elements(blo, bhi, words, sgn, n, b);
   Int la, lb;
   if (ctl & 0x100) {
      la = (Int)((ctl >> 16) & 0x1F);
      lb = (Int)((ctl >> 24) & 0x1F);
   } else {
      la = implicit_len(a, n);
      lb = implicit_len(b, n);
   }

   /* IntRes1: bit j says something about element j of B. */
   UInt res1 = 0;
   for (Int j = 0; j < n; j++) {
      Bool bit = False;
      switch (agg) {
         case 0:   /* equal any: B[j] is one of A's valid elements */
            if (j < lb)
               for (Int i = 0; i < la; i++)
                  if (a[i] == b[j])
                     bit = True;
            break;
         case 1:   /* ranges: A[2k] <= B[j] <= A[2k+1] for some pair */
            if (j < lb)
               for (Int i = 0; i + 1 < la; i += 2)
                  if (b[j] >= a[i] && b[j] <= a[i + 1])
                     bit = True;
            break;
         case 2:   /* equal each: A[j] == B[j]; both invalid: true */
            if (j >= la && j >= lb)
               bit = True;
            else if (j < la && j < lb)
               bit = toBool(a[j] == b[j]);
            break;
         default:  /* equal ordered: A (while valid) matches B from j */
            bit = True;
            for (Int i = 0; i < n - j && bit; i++) {
               if (i >= la)
                  break;                  /* A has ended: a match */
               if (j + i >= lb || a[i] != b[j + i])
                  bit = False;
            }
            break;
      }
      if (bit)
         res1 |= 1u << j;
   }

   UInt full = (1u << n) - 1;
   UInt res2;
   switch (pol) {
      case 1:  res2 = ~res1 & full; break;
      case 3:  res2 = res1 ^ ((1u << lb) - 1); break;
      default: res2 = res1; break;
   }

   UInt index = (UInt)n;
   if (res2 != 0) {
      if (msb) {
         index = 31;
         while (!(res2 & (1u << index)))
            index--;
      } else {
         index = 0;
         while (!(res2 & (1u << index)))
            index++;
      }
   }

   ULong flags = 0;
   if (res2 != 0) flags |= AMD64G_CC_MASK_C;
   if (lb < n)    flags |= AMD64G_CC_MASK_Z;
   if (la < n)    flags |= AMD64G_CC_MASK_S;
   if (res2 & 1)  flags |= AMD64G_CC_MASK_O;
   return (ULong)res2 | ((ULong)index << 16) | (flags << 32);
}

ULong amd64g_calc_sse42_expand_mask(ULong mask, ULong words, ULong half)
{
   ULong r = 0;
   if (words) {
      for (UInt k = 0; k < 4; k++)
         if (mask & (1ULL << (4 * half + k)))
            r |= 0xFFFFULL << (16 * k);
   } else {
      for (UInt k = 0; k < 8; k++)
         if (mask & (1ULL << (8 * half + k)))
            r |= 0xFFULL << (8 * k);
   }
   return r;
}
