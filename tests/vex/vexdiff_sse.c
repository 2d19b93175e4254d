/* The SSE family's cases for the differential harness (vexdiff.c):

   curated_sse   every entry of the SSE table (amd64_optable_sse) with
                 its operand forms -- register and memory (every
                 addressing mode, aligned, and misaligned to check the
                 #GP of the aligned forms), REX-extended registers, the
                 same register twice, REX.W for the 64-bit forms and as
                 ignored noise -- and its interesting immediates, over
                 value pools chosen by lane type: for floating point
                 +-0, denormals, the extremes, infinities, quiet and
                 signalling NaNs with payloads, rounding ties and
                 conversion limits, enumerated in pairs spread over the
                 pool's pairs (all of them where the budget allows),
                 under all four MXCSR rounding modes for the operations
                 that round; for integers the lane extremes and sign
                 patterns; for the SSE4.2 string compares strings over a
                 small alphabet with terminators in every position, all
                 128 control bytes, explicit lengths of every sign and
                 size.  Then a few sequences:
                 ldmxcsr/stmxcsr around arithmetic, comiss/ucomiss
                 feeding setcc, loads, arithmetic and stores chained.

   random_sse    N random sequences of 1..8 SSE instructions (every entry
                 except ldmxcsr/stmxcsr, whose MXCSR bits beyond the
                 rounding mode are not modelled) over random XMM values
                 mixed from the same pools, with a random rounding mode,
                 random registers and addressing modes (sometimes
                 misaligned: a fault ends the sequence on both sides).
                 The class is "random-sse"; vexdiff --random-sse N. */
#include <stdio.h>
#include <string.h>
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "native.h"
#include "encoder.h"
#include "vexdiff.h"

#define MID NATIVE_SCRATCH_MID
#define toBool(x) ((x) ? True : False)

static const char* only_cls;

static Bool wanted(const char* cls)
{
   return only_cls == NULL || strstr(cls, only_cls) != NULL;
}

typedef struct { ULong lo, hi; } X;

/* ================================================================== */
/* Value pools                                                        */
/* ================================================================== */

static const UInt f32pool[] = {
   0x00000000, 0x80000000,             /* +0, -0 */
   0x3F800000, 0xBFC00000,             /* 1, -1.5 */
   0x3F000000, 0x40200000,             /* 0.5, 2.5 (ties) */
   0xC0600000, 0x3EAAAAAB,             /* -3.5, 1/3 */
   0x3DCCCCCD, 0x4B400001,             /* 0.1, 12582913 */
   0x4EFFFFFF, 0x4F000000,             /* below 2^31, 2^31 */
   0xCF000000, 0xCF000001,             /* -2^31, below it */
   0x00000001, 0x807FFFFF,             /* denormals */
   0x00800000, 0x7F7FFFFF,             /* smallest normal, largest */
   0xFF7FFFFF, 0x7F800000,             /* -largest, +inf */
   0xFF800000, 0x7FC00000,             /* -inf, QNaN */
   0xFFC12345, 0x7F800001,             /* -QNaN with payload, SNaN */
   0xFFA00005, 0x5F000000              /* -SNaN with payload, 2^63 */
};
#define N_F32 ((int)(sizeof f32pool / sizeof f32pool[0]))

static const ULong f64pool[] = {
   0x0000000000000000ULL, 0x8000000000000000ULL,   /* +0, -0 */
   0x3FF0000000000000ULL, 0xBFF8000000000000ULL,   /* 1, -1.5 */
   0x3FE0000000000000ULL, 0x4004000000000000ULL,   /* 0.5, 2.5 */
   0xC00C000000000000ULL, 0x3FD5555555555555ULL,   /* -3.5, 1/3 */
   0x3FB999999999999AULL, 0x41DFFFFFFFC00000ULL,   /* 0.1, 2^31-1 */
   0x41E0000000000000ULL, 0xC1E0000000000000ULL,   /* 2^31, -2^31 */
   0xC1E0000000200000ULL, 0x43E0000000000000ULL,   /* -2^31-1, 2^63 */
   0x3690000000000001ULL, 0x47EFFFFFE0000000ULL,   /* tiny (F32 denormal
                                                      range), F32 max */
   0x0000000000000001ULL, 0x800FFFFFFFFFFFFFULL,   /* denormals */
   0x0010000000000000ULL, 0x7FEFFFFFFFFFFFFFULL,   /* min normal, max */
   0x7FF0000000000000ULL, 0xFFF0000000000000ULL,   /* +-inf */
   0x7FF8000000000000ULL, 0xFFF8000000012345ULL,   /* QNaNs */
   0x7FF0000000000001ULL, 0xFFF4000000000007ULL,   /* SNaNs */
   0x3FF0000010000000ULL, 0x4330000000000001ULL    /* 1+2^-24 (F32 tie),
                                                      2^52+1 */
};
#define N_F64 ((int)(sizeof f64pool / sizeof f64pool[0]))

/* 64-bit integer patterns, interesting as bytes, words, dwords and
   qwords. */
static const ULong ipool[] = {
   0, ~0ULL, 1, 0x8000000000000000ULL, 0x7FFFFFFFFFFFFFFFULL,
   0x8000800080008000ULL, 0x7FFF7FFF7FFF7FFFULL, 0x8080808080808080ULL,
   0x7F7F7F7F7F7F7F7FULL, 0x0001000100010001ULL, 0xFF00FF00FF00FF00ULL,
   0x00FF00FF00FF00FFULL, 0x8000000080000000ULL, 0x7FFFFFFF7FFFFFFFULL,
   0x0123456789ABCDEFULL, 0xFEDCBA9876543210ULL, 0x00000000FFFFFFFFULL,
   0x0000FFFF0000FFFFULL, 0x8001FFFE7F800080ULL, 0x000000000000001FULL,
   0x0000000000000040ULL, 0x3F8000003F800000ULL
};
#define N_INT ((int)(sizeof ipool / sizeof ipool[0]))

/* Integers converted to floating point (cvtsi2ss/sd, cvtdq2ps/pd). */
static const ULong cvtipool[] = {
   0, 1, ~0ULL, 0x7FFFFFFF, 0x80000000ULL, 0xFFFFFFFF80000000ULL,
   16777217, 0xFFFFFFFFFEFFFFFFULL, 33554435, 0x7FFFFFC1, 3, 0x12345679,
   0x7FFFFFFFFFFFFFFFULL, 0x8000000000000000ULL, 9007199254740993ULL,
   0xFFDFFFFFFFFFFFFFULL, 0x0123456789ABCDEFULL, 0x20000001,
   0xFFFFFFFFULL, 0x100000001ULL
};
#define N_CVTI ((int)(sizeof cvtipool / sizeof cvtipool[0]))

/* A deterministic generator for the filler values. */
static Rng fill_rng = { 0x5EED5EEDULL };

/* ================================================================== */
/* What an entry works on                                             */
/* ================================================================== */

typedef enum {
   VK_INT,     /* integer lanes (and plain bits: moves, logic) */
   VK_F32,     /* float lanes */
   VK_F64,     /* double lanes */
   VK_I32,     /* int32 lanes converted to floating point */
   VK_GPRI,    /* a general register (or memory) integer converted */
   VK_STR,     /* string compares */
   VK_MXCSR    /* ldmxcsr/stmxcsr */
} VKind;

static Bool ends_with(const char* s, const char* suf)
{
   size_t n = strlen(s), m = strlen(suf);
   return n >= m && strcmp(s + n - m, suf) == 0;
}

static Bool cls_starts(const Amd64OpEntry* e, const char* p)
{
   return strncmp(e->cls, p, strlen(p)) == 0;
}

static Bool is_fp_class(const Amd64OpEntry* e)
{
   static const char* const fp[] = {
      "sse-farith", "sse-fminmax", "sse-fsqrt", "sse-fest", "sse-fcmp",
      "sse-comis", "sse3-fhadd", "sse41-round", "sse41-dp"
   };
   for (unsigned i = 0; i < sizeof fp / sizeof fp[0]; i++)
      if (strcmp(e->cls, fp[i]) == 0)
         return True;
   return False;
}

static VKind kind_of(const Amd64OpEntry* e)
{
   const char* m = e->mnem;
   if (cls_starts(e, "sse42-str"))
      return VK_STR;
   if (cls_starts(e, "sse-mxcsr"))
      return VK_MXCSR;
   if (strcmp(e->cls, "sse-cvt") == 0) {
      if (strcmp(m, "cvtsi2ss") == 0 || strcmp(m, "cvtsi2sd") == 0)
         return VK_GPRI;
      if (strncmp(m, "cvtdq2", 6) == 0)
         return VK_I32;
      if (strncmp(m, "cvtss", 5) == 0 || strncmp(m, "cvttss", 6) == 0
          || strncmp(m, "cvtps", 5) == 0 || strncmp(m, "cvttps", 6) == 0)
         return VK_F32;
      return VK_F64;
   }
   if (strcmp(m, "mpsadbw") == 0)
      return VK_INT;
   if (is_fp_class(e))
      return (ends_with(m, "ps") || ends_with(m, "ss")) ? VK_F32 : VK_F64;
   return VK_INT;
}

/* Does the entry round (so that all four modes are worth testing)? */
static Bool rounds(const Amd64OpEntry* e)
{
   return toBool(strcmp(e->cls, "sse-farith") == 0
                 || strcmp(e->cls, "sse-fsqrt") == 0
                 || strcmp(e->cls, "sse-cvt") == 0
                 || strcmp(e->cls, "sse3-fhadd") == 0
                 || strcmp(e->cls, "sse41-round") == 0
                 || strcmp(e->cls, "sse41-dp") == 0);
}

/* Scalar (ss/sd) forms: only the low lane is computed. */
static Bool scalar(const Amd64OpEntry* e)
{
   return toBool(ends_with(e->mnem, "ss") || ends_with(e->mnem, "sd")
                 || strncmp(e->mnem, "cvtt", 4) == 0
                 || strncmp(e->mnem, "ucomis", 6) == 0
                 || strncmp(e->mnem, "comis", 5) == 0);
}

static Int n_imms(const Amd64OpEntry* e, ULong* out)
{
   static const ULong cmp[] = { 0, 1, 2, 3, 4, 5, 6, 7, 0x0D, 0xFA };
   static const ULong shift[] = { 0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33,
                                  63, 64, 65, 127, 128, 255 };
   static const ULong shuf[] = { 0x00, 0x1B, 0x4E, 0xB1, 0xE4, 0xFF, 0x39,
                                 0x93, 0x5A, 0xC6 };
   static const ULong palign[] = { 0, 1, 4, 7, 8, 15, 16, 17, 24, 31, 32,
                                   33, 64, 255 };
   static const ULong insps[] = { 0x00, 0x10, 0x20, 0x30, 0x40, 0x80, 0xC0,
                                  0x0F, 0x01, 0x0E, 0x5A, 0xE1, 0x3C, 0x97,
                                  0xFF, 0x72 };
   static const ULong pblw[] = { 0x00, 0xFF, 0x55, 0xAA, 0x0F, 0xF0, 0x81,
                                 0x3C, 0x12 };
   static const ULong dpps[] = { 0xFF, 0xF1, 0x1F, 0x31, 0x7F, 0x55, 0xA3,
                                 0x00, 0x8E, 0x2C, 0xC4 };
   static const ULong dppd[] = { 0x33, 0x31, 0x32, 0x13, 0x23, 0x11, 0x22,
                                 0x03, 0x30, 0x00, 0xF3 };
   const char* m = e->mnem;
   Int n = 0;
#define FROM(arr) do { for (unsigned i_ = 0; i_ < sizeof arr / sizeof arr[0]; \
                            i_++) out[n++] = arr[i_]; } while (0)
#define RANGE(lo, hi) do { for (ULong v_ = (lo); v_ <= (hi); v_++) \
                              out[n++] = v_; } while (0)
   if (strcmp(e->cls, "sse-fcmp") == 0) FROM(cmp);
   else if (strcmp(e->cls, "sse-ishift") == 0) FROM(shift);
   else if (strcmp(e->cls, "sse-shuf") == 0) FROM(shuf);
   else if (strcmp(m, "palignr") == 0) FROM(palign);
   else if (strcmp(m, "insertps") == 0) FROM(insps);
   else if (strcmp(m, "pblendw") == 0) FROM(pblw);
   else if (strcmp(m, "blendps") == 0) RANGE(0, 15);
   else if (strcmp(m, "blendpd") == 0) RANGE(0, 3);
   else if (strcmp(e->cls, "sse41-round") == 0) RANGE(0, 15);
   else if (strcmp(m, "dpps") == 0) FROM(dpps);
   else if (strcmp(m, "dppd") == 0) FROM(dppd);
   else if (strcmp(m, "mpsadbw") == 0) RANGE(0, 7);
   else if (strcmp(e->cls, "sse42-str") == 0) RANGE(0, 127);
   else if (strcmp(e->cls, "sse-insext") == 0) {
      if (strcmp(m, "pinsrb") == 0 || strcmp(m, "pextrb") == 0)
         RANGE(0, 16);
      else if (strcmp(m, "pinsrw") == 0 || strcmp(m, "pextrw") == 0)
         RANGE(0, 8);
      else
         RANGE(0, 4);
      out[n++] = 0xFF;
   } else {
      for (int i = 0; i < 4; i++)
         if (e->ops[i] == OPF_Ib)
            out[n++] = 0x5A;
   }
#undef FROM
#undef RANGE
   return n;
}

/* ================================================================== */
/* One instruction as a case                                          */
/* ================================================================== */

typedef struct {
   const Amd64OpEntry* e;
   Int   sz;          /* 4, or 8 for REX.W (y forms) */
   Bool  wnoise;      /* REX.W where it has no effect */
   Int   greg;        /* ModRM.reg: an xmm or a general register */
   Int   ereg;        /* ModRM.rm register, or -1 for memory */
   Int   memmode;
   Int   off;         /* the memory operand at MID + off */
   X     gv, ev;      /* their values (general registers: lo) */
   ULong imm;
   UInt  mxcsr;
   Bool  set_x0;      /* XMM0's value (blendv*) */
   X     x0;
   Bool  set_ad;      /* RAX, RDX (pcmpestr*) */
   ULong rax, rdx;
   ULong rdi;         /* maskmovdqu's target (0: default) */
} Op;

/* Addressing modes; the address is MID + OFF. */
#define N_MODES 10
static ULong use_mem(Case* c, EncSpec* s, int mode, int off)
{
   s->rm_reg = -1;
   switch (mode % N_MODES) {
      case 0: s->m_base = 15; s->m_disp = off; break;
      case 1: s->m_base = 13; s->m_disp = 0; c->in.gpr[13] = MID + (ULong)off;
              break;
      case 2: s->m_base = 15; s->m_index = 14; s->m_scale = 4;
              s->m_disp = off - 16; c->in.gpr[14] = 4; break;
      case 3: s->m_base = ENC_RIP; s->m_disp = (Long)(MID + (ULong)off);
              break;
      case 4: s->m_base = 13; s->m_index = 12; s->m_scale = 8;
              s->m_disp = off - 16; c->in.gpr[13] = MID; c->in.gpr[12] = 2;
              break;
      case 5: s->m_base = 4; s->m_disp = off + 0x100; break;   /* rsp */
      case 6: s->seg = 0x65; s->m_base = -1;
              s->m_disp = (Long)(NATIVE_SCRATCH_SIZE / 2) + off; break;
      case 7: s->asz32 = True; s->m_base = 15; s->m_disp = off; break;
      case 8: s->m_base = -1; s->m_disp = (Long)(MID + (ULong)off); break;
      default: s->m_base = 5; s->m_disp = 0; c->in.gpr[5] = MID + (ULong)off;
              break;
   }
   return MID + (ULong)(Long)off;
}

static Bool is_xmm_form(UChar f)
{
   return f >= OPF_Vx && f <= OPF_Wsd;
}

/* Builds O's instruction into C (at its end), setting the registers and
   memory its operands need. */
static void add_op(Case* c, const Op* o)
{
   const Amd64OpEntry* e = o->e;
   EncSpec s;
   enc_init(&s, e, case_pc(c));
   s.sz = o->sz;
   s.rex_w_noise = o->wnoise;
   if (o->set_x0) {
      c->in.xmm[0][0] = o->x0.lo;
      c->in.xmm[0][1] = o->x0.hi;
   }
   if (o->set_ad) {
      c->in.gpr[0] = o->rax;
      c->in.gpr[2] = o->rdx;
   }
   if (o->rdi != 0)
      c->in.gpr[7] = o->rdi;
   for (int i = 0; i < 4 && e->ops[i] != OPF_NONE; i++) {
      UChar f = e->ops[i];
      switch (enc_form_kind(f)) {
         case EK_G:
            s.greg = o->greg;
            if (is_xmm_form(f)) {
               c->in.xmm[o->greg][0] = o->gv.lo;
               c->in.xmm[o->greg][1] = o->gv.hi;
            } else {
               c->in.gpr[o->greg] = o->gv.lo;
            }
            break;
         case EK_E:
         case EK_M:
            if (o->ereg < 0 || enc_form_kind(f) == EK_M) {
               ULong a = use_mem(c, &s, o->memmode, o->off);
               case_patch(c, a, o->ev.lo);
               case_patch(c, a + 8, o->ev.hi);
            } else if (is_xmm_form(f)) {
               s.rm_reg = o->ereg;
               c->in.xmm[o->ereg][0] = o->ev.lo;
               c->in.xmm[o->ereg][1] = o->ev.hi;
            } else {
               s.rm_reg = o->ereg;
               c->in.gpr[o->ereg] = o->ev.lo;
            }
            break;
         case EK_I:
            s.imm[0] = o->imm;
            break;
         default:
            break;
      }
   }
   case_add(c, &s);
}

static void run_op(const Op* o, const char* what)
{
   Case c;
   char desc[160];
   snprintf(desc, sizeof desc, "%s %s imm=0x%llx mxcsr=%x%s", o->e->mnem,
            what, o->imm, o->mxcsr, o->ereg < 0 ? " (memory)" : "");
   case_begin(&c, desc);
   c.in.mxcsr = o->mxcsr;
   add_op(&c, o);
   case_run(o->e->cls, &c);
}

/* ================================================================== */
/* Values for the K-th case                                           */
/* ================================================================== */

/* A pair index spread over the pool's N*N pairs: consecutive T give
   distinct pairs (37 is prime to every pool size squared here). */
static void pair(int t, int n, int* a, int* b)
{
   int p = (int)(((long)t * 37) % ((long)n * n));
   *a = p % n;
   *b = p / n;
}

static X filler(void)
{
   X x;
   ULong r = rng_next(&fill_rng);
   switch (r % 4) {
      case 0:
         x.lo = (ULong)f32pool[r % N_F32] | ((ULong)f32pool[(r >> 8) % N_F32] << 32);
         x.hi = (ULong)f32pool[(r >> 16) % N_F32]
                | ((ULong)f32pool[(r >> 24) % N_F32] << 32);
         break;
      case 1:
         x.lo = f64pool[r % N_F64];
         x.hi = f64pool[(r >> 8) % N_F64];
         break;
      case 2:
         x.lo = ipool[r % N_INT];
         x.hi = ipool[(r >> 8) % N_INT];
         break;
      default:
         x.lo = rng_next(&fill_rng);
         x.hi = rng_next(&fill_rng);
         break;
   }
   return x;
}

static void set32(X* x, int lane, UInt v)
{
   ULong* h = lane < 2 ? &x->lo : &x->hi;
   int sh = 32 * (lane & 1);
   *h = (*h & ~(0xFFFFFFFFULL << sh)) | ((ULong)v << sh);
}

/* The values of V (G) and W (E) for case T of an entry of kind K: pairs
   of pool values lane by lane (SCAL: only the low lane). */
static void values(VKind k, Bool scal, int t, X* g, X* w)
{
   *g = filler();
   *w = filler();
   int a, b;
   switch (k) {
      case VK_F32:
         for (int i = 0; i < (scal ? 1 : 4); i++) {
            pair(t * 4 + i, N_F32, &a, &b);
            set32(g, i, f32pool[a]);
            set32(w, i, f32pool[b]);
         }
         break;
      case VK_F64:
         pair(t * 2, N_F64, &a, &b);
         g->lo = f64pool[a];
         w->lo = f64pool[b];
         if (!scal) {
            pair(t * 2 + 1, N_F64, &a, &b);
            g->hi = f64pool[a];
            w->hi = f64pool[b];
         }
         break;
      case VK_I32:
         for (int i = 0; i < 4; i++) {
            pair(t * 4 + i, N_CVTI, &a, &b);
            set32(w, i, (UInt)cvtipool[a]);
         }
         break;
      case VK_GPRI:
         pair(t, N_CVTI, &a, &b);
         w->lo = cvtipool[a];
         break;
      default:
         if (t % 5 == 4) {
            g->lo = rng_next(&fill_rng); g->hi = rng_next(&fill_rng);
            w->lo = rng_next(&fill_rng); w->hi = rng_next(&fill_rng);
         } else {
            pair(t * 2, N_INT, &a, &b);
            g->lo = ipool[a];
            w->lo = ipool[b];
            pair(t * 2 + 1, N_INT, &a, &b);
            g->hi = ipool[a];
            w->hi = ipool[b];
         }
         break;
   }
}

/* Register choices (xmm and general) for case T. */
static const int xregs[][2] = {
   { 1, 2 }, { 9, 3 }, { 4, 12 }, { 15, 8 }, { 5, 5 }, { 0, 7 },
   { 11, 14 }, { 6, 10 }, { 13, 13 }, { 2, 0 }
};
#define N_XREGS ((int)(sizeof xregs / sizeof xregs[0]))
static const int gregs[][2] = {
   { 1, 3 }, { 8, 9 }, { 0, 2 }, { 6, 6 }, { 10, 11 }, { 3, 1 }, { 11, 8 }
};
#define N_GREGS ((int)(sizeof gregs / sizeof gregs[0]))

/* ================================================================== */
/* The string compares' data                                          */
/* ================================================================== */

/* A string-like vector: bytes (or words) from a small alphabet, with a
   terminator at position TERM (>= 16: none). */
static X str_vec(int seed, int term, Bool words)
{
   static const UShort alpha[] = { 'a', 'b', 'c', 'z', 0x80, 0xFF, 0x7F,
                                   0x8000, 0xFFFF, 'a', 'b', 'a' };
   Rng r = { 0x1234567ULL + (ULong)seed * 7919 };
   X x = { 0, 0 };
   int n = words ? 8 : 16;
   for (int i = 0; i < n; i++) {
      ULong v = alpha[rng_below(&r, words ? 12 : 7)];
      if (!words)
         v &= 0xFF;
      if (i == term)
         v = 0;
      int bits = words ? 16 : 8;
      int pos = i * bits;
      ULong* h = pos < 64 ? &x.lo : &x.hi;
      *h |= (v & ((1ULL << bits) - 1)) << (pos & 63);
   }
   return x;
}

/* ================================================================== */
/* Curated cases, entry by entry                                      */
/* ================================================================== */

static int budget(VKind k, Bool scal)
{
   switch (k) {
      case VK_F32:  return scal ? N_F32 * N_F32 : (N_F32 * N_F32 + 3) / 4;
      case VK_F64:  return scal ? N_F64 * N_F64 : (N_F64 * N_F64 + 1) / 2;
      case VK_I32:  return 2 * N_CVTI;
      case VK_GPRI: return 2 * N_CVTI;
      default:      return 120;
   }
}

static void entry_cases(const Amd64OpEntry* e)
{
   if (e->fn == NULL || !wanted(e->cls))
      return;
   VKind k = kind_of(e);
   Bool scal = scalar(e);
   ULong imms[140];
   int ni = n_imms(e, imms);
   int nimm = ni > 0 ? ni : 1;
   int nrm = rounds(e) ? 4 : 1;
   Bool is_y = False, has_mem = False, gpr_e = False, gpr_g = False;
   for (int i = 0; i < 4; i++) {
      UChar f = e->ops[i];
      if (f == OPF_Ey || f == OPF_Gy)
         is_y = True;
      if (enc_form_kind(f) == EK_M || enc_form_kind(f) == EK_E)
         has_mem = True;
      if (enc_form_kind(f) == EK_E && !is_xmm_form(f))
         gpr_e = True;
      if (enc_form_kind(f) == EK_G && !is_xmm_form(f))
         gpr_g = True;
   }
   Bool mem_only = toBool((e->flags & AF_MEM) != 0);
   for (int i = 0; i < 4; i++)
      if (enc_form_kind(e->ops[i]) == EK_M)
         mem_only = True;
   Bool reg_only = toBool((e->flags & AF_REG) != 0);
   Bool str  = toBool(k == VK_STR);
   Bool estr = toBool(str && (e->arg == 0 || e->arg == 1));

   /* Round to nearest: every pair of the pool if the entry's share of
      LIMIT0 allows; the other rounding modes: a quarter of that, within
      LIMIT1. */
   int full = budget(k, scal);
   Bool fp = toBool(k == VK_F32 || k == VK_F64);
   int limit0 = fp ? 320 : 180;
   int limit1 = fp ? 120 : 80;
   if (str)
      limit0 = 128 * 4;
   for (int ii = 0; ii < nimm; ii++) {
      for (int rm = 0; rm < nrm; rm++) {
         int K = rm == 0 ? full : full / 4;
         if (rm == 0 && K * nimm > limit0)
            K = limit0 / nimm;
         if (rm > 0 && K * nimm * (nrm - 1) > limit1)
            K = limit1 / (nimm * (nrm - 1));
         if (K < 6)
            K = 6;
         for (int t = 0; t < K; t++) {
            Op o;
            memset(&o, 0, sizeof o);
            o.e = e;
            int tt = t + rm * (full / 4) + ii * 13;
            values(k, scal, tt, &o.gv, &o.ev);
            o.imm = ni > 0 ? imms[ii] : 0;
            o.mxcsr = MXCSR_DEFAULT | (UInt)(rm << 13);
            o.sz = is_y && (t & 1) ? 8 : 4;
            o.wnoise = !is_y && t % 7 == 3;
            const int* xr = xregs[(t + ii) % N_XREGS];
            const int* gr = gregs[(t + ii) % N_GREGS];
            o.greg = gpr_g ? gr[0] : xr[0];
            Bool mem = mem_only || (!reg_only && has_mem && t % 3 == 1);
            o.ereg = mem ? -1 : gpr_e ? gr[1] : xr[1];
            o.memmode = t / 3;
            o.off = 32 + 16 * (t % 8);
            if (strcmp(e->cls, "sse41-blend") == 0 && e->ops[2] == OPF_NONE) {
               o.set_x0 = True;
               o.x0 = filler();
               if (t % 4 == 0) {
                  o.x0.lo ^= 0x8000000080008080ULL;
                  o.x0.hi ^= 0x0080800080000000ULL;
               }
               if (t % 9 != 5) {          /* keep xmm0 out of the way */
                  if (o.greg == 0) o.greg = 3;
                  if (o.ereg == 0) o.ereg = 4;
               }
            }
            if (str) {
               Bool words = toBool(o.imm & 1);
               int n = words ? 8 : 16;
               o.gv = str_vec(t * 2 + (int)o.imm, t % (n + 2), words);
               o.ev = str_vec(t * 2 + 1 + (int)o.imm, (t * 5 + 3) % (n + 3),
                              words);
               if (t % 4 == 1)     /* a substring of the other */
                  o.gv = str_vec(t * 2 + 1 + (int)o.imm, t % 3, words);
               if (t % 5 == 2) {   /* ranges: sorted pairs */
                  o.gv.lo = words ? 0x007A006100390030ULL
                                  : 0x00805A417A613930ULL;
                  o.gv.hi = 0;
               }
               if (estr) {
                  static const ULong lens[] = {
                     0, 1, 3, 5, 7, 8, 9, 15, 16, 17, 100, ~0ULL,
                     0xFFFFFFFFFFFFFFF0ULL, 0xFFFFFFFFFFFFFFEFULL,
                     0x80000000ULL, 0x7FFFFFFFULL, 0x8000000000000000ULL,
                     0x100000004ULL, 0xFFFFFFFF00000003ULL
                  };
                  int nl = (int)(sizeof lens / sizeof lens[0]);
                  o.set_ad = True;
                  o.rax = lens[(t * 3 + ii) % nl];
                  o.rdx = lens[(t * 7 + ii + 2) % nl];
                  o.sz = (t % 3 == 2) ? 8 : 4;
               }
               /* the compares and xmm0 (the mask result) */
               if (o.greg == 0 && t % 6 != 0) o.greg = 5;
            }
            if (strcmp(e->mnem, "maskmovdqu") == 0) {
               o.rdi = MID + 64 + (ULong)(t % 5) * 3;
               if (o.greg == 7) o.greg = 8;
            }
            if (k == VK_MXCSR) {
               UInt rc = (UInt)(t % 4) << 13;
               o.ev.lo = MXCSR_DEFAULT | rc | ((t % 8 >= 4) ? 0x3F : 0);
               o.mxcsr = MXCSR_DEFAULT | (UInt)(((t / 4) % 4) << 13);
            }
            if (gpr_e && !mem) {
               o.ev.lo = o.sz == 8 || t % 2 ? o.ev.lo
                         : (o.ev.lo & 0xFFFFFFFFULL) | 0xDEADBEEF00000000ULL;
            }
            if (gpr_g)
               o.gv.lo = 0xA5A5A5A5A5A5A5A5ULL;
            run_op(&o, "");
         }
      }
   }

   /* Misaligned memory operands: the aligned forms raise #GP (SIGSEGV),
      the others don't. */
   if (has_mem && !reg_only) {
      static const int mis[] = { 1, 4, 8, 12, 15, 2, 6, 9 };
      for (int j = 0; j < 8; j++) {
         Op o;
         memset(&o, 0, sizeof o);
         o.e = e;
         values(k, scal, j * 5 + 1, &o.gv, &o.ev);
         o.imm = ni > 0 ? imms[j % ni] : 0;
         o.mxcsr = MXCSR_DEFAULT;
         o.sz = is_y && (j & 1) ? 8 : 4;
         o.greg = gpr_g ? gregs[j % N_GREGS][0] : xregs[j % N_XREGS][0];
         o.ereg = -1;
         o.memmode = j;
         o.off = 48 + mis[j];
         if (k == VK_MXCSR)
            o.ev.lo = MXCSR_DEFAULT | ((UInt)(j % 4) << 13);
         if (estr) {
            o.set_ad = True;
            o.rax = 5;
            o.rdx = 9;
         }
         run_op(&o, "misaligned");
      }
   }
}

/* ================================================================== */
/* Sequences                                                          */
/* ================================================================== */

static const Amd64OpEntry* find_mnem(const char* mn)
{
   const Amd64OpTable* const* t = amd64_all_optables();
   for (int f = 0; t[f] != NULL; f++) {
      if (strcmp(t[f]->family, "sse") != 0)
         continue;
      for (int i = 0; i < t[f]->n_entries; i++)
         if (strcmp(t[f]->entries[i].mnem, mn) == 0)
            return &t[f]->entries[i];
   }
   fprintf(stderr, "vexdiff_sse: no entry %s\n", mn);
   return NULL;
}

/* An SSE instruction with register operands (xmm G, xmm or general
   E). */
static void add_rr(Case* c, const Amd64OpEntry* e, int g, int r, ULong imm)
{
   EncSpec s;
   enc_init(&s, e, case_pc(c));
   s.greg = g;
   s.rm_reg = r;
   s.imm[0] = imm;
   case_add(c, &s);
}

/* The same with the E operand in memory at MID + OFF. */
static void add_rm(Case* c, const Amd64OpEntry* e, int g, int off)
{
   EncSpec s;
   enc_init(&s, e, case_pc(c));
   s.greg = g;
   s.rm_reg = -1;
   s.m_base = 15;
   s.m_disp = off;
   case_add(c, &s);
}

static void sequences(void)
{
   /* ldmxcsr, arithmetic in that rounding mode, ldmxcsr (clearing the
      exception flags the arithmetic raised: they are not modelled),
      stmxcsr */
   if (wanted("sse-mxcsr")) {
      static const char* const ar[] = { "addps", "divss", "sqrtpd",
                                        "cvtsd2si", "cvtps2dq", "mulsd",
                                        "cvtsi2ss", "roundps", "haddpd" };
      const Amd64OpEntry* ld = find_mnem("ldmxcsr");
      const Amd64OpEntry* st = find_mnem("stmxcsr");
      for (int rc = 0; rc < 4; rc++) {
         for (unsigned a = 0; a < sizeof ar / sizeof ar[0]; a++) {
            for (int v = 0; v < 4; v++) {
               Case c;
               case_begin(&c, "ldmxcsr; op; stmxcsr");
               c.in.mxcsr = MXCSR_DEFAULT | (UInt)(((rc + 1) & 3) << 13);
               case_patch(&c, MID, MXCSR_DEFAULT | (UInt)(rc << 13)
                                   | (v == 3 ? 0x3F : 0));
               add_rm(&c, ld, 0, 0);
               const Amd64OpEntry* e = find_mnem(ar[a]);
               for (int k = 0; k < 16; k++) {
                  X g, w;
                  values(VK_F32, False, v * 16 + k + rc * 64, &g, &w);
                  c.in.xmm[k][0] = g.lo ^ (k & 1 ? w.lo : 0);
                  c.in.xmm[k][1] = w.hi;
               }
               c.in.xmm[3][0] = 0x3FD5555555555555ULL;
               c.in.xmm[3][1] = 0x3EAAAAAB3DCCCCCDULL;
               c.in.xmm[4][0] = 0x4004000000000000ULL;
               c.in.gpr[6] = 0x123456789ULL + (ULong)v;
               add_rr(&c, e, 3, (v & 1) ? 6 : 8, 4);
               case_patch(&c, MID + 8, MXCSR_DEFAULT
                                       | (UInt)(((rc + v) & 3) << 13));
               add_rm(&c, ld, 0, 8);
               add_rm(&c, st, 0, 16);
               case_run("sse-mxcsr", &c);
            }
         }
      }
   }
   /* comiss/ucomiss/comisd/ucomisd, then every condition */
   if (wanted("sse-comis")) {
      static const char* const cm[] = { "comiss", "ucomiss", "comisd",
                                        "ucomisd" };
      const Amd64OpEntry* setcc = need(AMD64_MAP_0F, 0x90, -1, AMD64_PFX_ANY,
                                       "setcc");
      for (unsigned m = 0; m < 4; m++) {
         const Amd64OpEntry* e = find_mnem(cm[m]);
         VKind k = m < 2 ? VK_F32 : VK_F64;
         for (int t = 0; t < 48; t++) {
            Case c;
            case_begin(&c, "comis; setcc");
            c.in.rflags = 0x8D5 & (ULong)(t * 0x111);
            X g, w;
            values(k, True, t * 11, &g, &w);
            c.in.xmm[1][0] = g.lo; c.in.xmm[2][0] = w.lo;
            add_rr(&c, e, 1, 2, 0);
            /* half of the conditions, each into its own byte register */
            static const int dst[8] = { 0, 1, 2, 3, 6, 7, 8, 9 };
            for (int j = 0; j < 8; j++) {
               EncSpec s;
               enc_init(&s, setcc, case_pc(&c));
               s.opc_low = (t & 1) * 8 + j;
               s.rm_reg = dst[j];
               s.sz = 1;
               case_add(&c, &s);
            }
            case_run("sse-comis", &c);
         }
      }
   }
   /* load, compute, store chains */
   if (wanted("sse-mov")) {
      static const char* const ch[][3] = {
         { "movaps", "mulps", "movups" }, { "movdqu", "paddb", "movdqa" },
         { "movsd", "addsd", "movsd" }, { "movss", "sqrtss", "movss" },
         { "movapd", "maxpd", "movntpd" }, { "lddqu", "pshufb", "movntdq" },
         { "movdqa", "pmaddwd", "movdqu" }, { "movupd", "divpd", "movapd" }
      };
      for (unsigned q = 0; q < sizeof ch / sizeof ch[0]; q++) {
         for (int t = 0; t < 12; t++) {
            Case c;
            case_begin(&c, "load; op; store");
            c.in.mxcsr = MXCSR_DEFAULT | (UInt)((t % 4) << 13);
            X g, w;
            values(q == 2 || q == 4 || q == 7 ? VK_F64 : VK_F32, False, t * 3,
                   &g, &w);
            case_patch(&c, MID + 32, g.lo);
            case_patch(&c, MID + 40, g.hi);
            c.in.xmm[9][0] = w.lo;
            c.in.xmm[9][1] = w.hi;
            const Amd64OpEntry* st = NULL;
            const Amd64OpEntry* ld = find_mnem(ch[q][0]);
            const Amd64OpEntry* op = find_mnem(ch[q][1]);
            /* the store form: the entry whose first operand is W/M */
            const Amd64OpTable* const* tb = amd64_all_optables();
            for (int f = 0; tb[f] != NULL && st == NULL; f++)
               for (int i = 0; i < tb[f]->n_entries; i++) {
                  const Amd64OpEntry* x = &tb[f]->entries[i];
                  if (strcmp(x->mnem, ch[q][2]) == 0
                      && (enc_form_kind(x->ops[0]) == EK_E
                          || enc_form_kind(x->ops[0]) == EK_M)) {
                     st = x;
                     break;
                  }
               }
            add_rm(&c, ld, 10, 32);
            add_rr(&c, op, 10, 9, 0);
            add_rm(&c, st, 10, 64 + 16 * (t % 3));
            case_run("sse-mov", &c);
         }
      }
   }
}

/* maskmovdqu's implicit (rdi) with an address-size prefix and segment
   overrides. */
static void maskmov_prefixes(void)
{
   if (!wanted("sse-movmsk"))
      return;
   const Amd64OpEntry* e = find_mnem("maskmovdqu");
   for (int t = 0; t < 24; t++) {
      Case c;
      case_begin(&c, "maskmovdqu with prefixes");
      EncSpec s;
      enc_init(&s, e, case_pc(&c));
      s.greg = xregs[t % N_XREGS][0];
      s.rm_reg = xregs[(t + 3) % N_XREGS][1];
      X g, w;
      values(VK_INT, False, t * 7, &g, &w);
      c.in.xmm[s.greg][0] = g.lo;
      c.in.xmm[s.greg][1] = g.hi;
      c.in.xmm[s.rm_reg][0] = w.lo;
      c.in.xmm[s.rm_reg][1] = w.hi;
      ULong off = 40 + (ULong)(t % 7);
      switch (t % 4) {
         case 0:   /* 67: edi, the upper half of rdi ignored */
            s.asz32 = True;
            c.in.gpr[7] = 0xFFFFFFFF00000000ULL | (MID + off);
            break;
         case 1:   /* gs: the scratch area's base */
            s.seg = 0x65;
            c.in.gpr[7] = NATIVE_SCRATCH_SIZE / 2 + off;
            break;
         case 2:   /* cs/ds/es/ss: no effect */
            s.seg = (UChar[]){ 0x2E, 0x3E, 0x26, 0x36 }[(t / 4) % 4];
            c.in.gpr[7] = MID + off;
            break;
         default:  /* gs: and 67 */
            s.seg = 0x65;
            s.asz32 = True;
            c.in.gpr[7] = 0x1234567800000000ULL | (NATIVE_SCRATCH_SIZE / 2
                                                   + off);
            break;
      }
      case_add(&c, &s);
      case_run("sse-movmsk", &c);
   }
}

void curated_sse(const char* only)
{
   only_cls = only;
   const Amd64OpTable* const* t = amd64_all_optables();
   for (int f = 0; t[f] != NULL; f++) {
      if (strcmp(t[f]->family, "sse") != 0)
         continue;
      for (int i = 0; i < t[f]->n_entries; i++)
         entry_cases(&t[f]->entries[i]);
   }
   sequences();
   maskmov_prefixes();
}

/* ================================================================== */
/* Random sequences                                                   */
/* ================================================================== */

static const Amd64OpEntry* sse_pool[512];
static int n_sse_pool;

static void build_sse_pool(void)
{
   n_sse_pool = 0;
   const Amd64OpTable* const* t = amd64_all_optables();
   for (int f = 0; t[f] != NULL; f++) {
      if (strcmp(t[f]->family, "sse") != 0)
         continue;
      for (int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* e = &t[f]->entries[i];
         if (e->fn == NULL || cls_starts(e, "sse-mxcsr"))
            continue;
         if (n_sse_pool < (int)(sizeof sse_pool / sizeof sse_pool[0]))
            sse_pool[n_sse_pool++] = e;
      }
   }
}

/* General registers random SSE instructions may name: not RSP, RBP,
   RDI (maskmovdqu's target), R12-R15 (addresses). */
static const int rs_gregs[] = { 0, 1, 2, 3, 6, 8, 9, 10, 11 };
#define N_RS_GREGS ((UInt)(sizeof rs_gregs / sizeof rs_gregs[0]))

static void random_insn_sse(Rng* r, Case* c)
{
   const Amd64OpEntry* e = sse_pool[rng_below(r, (UInt)n_sse_pool)];
   EncSpec s;
   enc_init(&s, e, case_pc(c));
   Bool mem = False, is_y = False;
   for (int i = 0; i < 4 && e->ops[i] != OPF_NONE; i++) {
      UChar f = e->ops[i];
      if (f == OPF_Ey || f == OPF_Gy)
         is_y = True;
      if (enc_form_kind(f) == EK_M)
         mem = True;
   }
   if (e->flags & AF_MEM)
      mem = True;
   else if (!(e->flags & AF_REG) && rng_below(r, 3) == 0)
      mem = True;
   s.sz = is_y && rng_below(r, 2) ? 8 : 4;
   if (!is_y && rng_below(r, 10) == 0)
      s.rex_w_noise = True;
   ULong imms[140];
   int ni = n_imms(e, imms);
   for (int i = 0; i < 4 && e->ops[i] != OPF_NONE; i++) {
      UChar f = e->ops[i];
      switch (enc_form_kind(f)) {
         case EK_G:
            s.greg = is_xmm_form(f) ? (int)rng_below(r, 16)
                                    : rs_gregs[rng_below(r, N_RS_GREGS)];
            break;
         case EK_E:
         case EK_M:
            if (mem) {
               int off = ((int)rng_below(r, 64) - 32) * 16;
               if (rng_below(r, 12) == 0)
                  off += 1 + (int)rng_below(r, 15);
               use_mem(c, &s, (int)rng_below(r, N_MODES), off);
            } else {
               s.rm_reg = is_xmm_form(f) ? (int)rng_below(r, 16)
                                         : rs_gregs[rng_below(r, N_RS_GREGS)];
            }
            break;
         case EK_I:
            s.imm[0] = ni > 0 && rng_below(r, 4) != 0
                          ? imms[rng_below(r, (UInt)ni)]
                          : rng_below(r, 256);
            break;
         default:
            break;
      }
   }
   case_add(c, &s);
}

void random_sse(int n_seq, ULong seed)
{
   if (n_seq <= 0)
      return;
   build_sse_pool();
   Rng r = { seed };
   for (int q = 0; q < n_seq; q++) {
      Case c;
      char desc[64];
      snprintf(desc, sizeof desc, "random-sse sequence %d (seed %llu)", q,
               seed);
      case_begin(&c, desc);
      fill_rng.s = rng_next(&r) | 1;
      for (int i = 0; i < 16; i++) {
         X x = filler();
         c.in.xmm[i][0] = x.lo;
         c.in.xmm[i][1] = x.hi;
      }
      for (int i = 0; i < 16; i++)
         c.in.gpr[i] = rng_below(&r, 3) == 0 ? rng_below(&r, 40)
                                             : rng_next(&r);
      c.in.gpr[4]  = NATIVE_SCRATCH_MID - 0x100;
      c.in.gpr[5]  = MID;
      c.in.gpr[7]  = MID + rng_below(&r, 512) - 256;
      c.in.gpr[12] = 2;
      c.in.gpr[13] = MID;
      c.in.gpr[14] = 4;
      c.in.gpr[15] = MID;
      c.in.rflags  = rng_next(&r) & 0x8D5;
      c.in.mxcsr   = MXCSR_DEFAULT | (UInt)(rng_below(&r, 4) << 13);
      c.mem_seed   = (UInt)rng_next(&r);
      c.chase      = rng_below(&r, 2);
      int len = 1 + (int)rng_below(&r, 8);
      for (int i = 0; i < len; i++)
         random_insn_sse(&r, &c);
      case_run("random-sse", &c);
   }
}
