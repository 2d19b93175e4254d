/* The x87 family's curated cases (and its own randomised sequences):
   every instruction in its forms, with values that only the 80-bit
   format holds (64-bit significands, huge and tiny exponents),
   denormals, pseudo-denormals, unsupported encodings, infinities, NaNs
   and the indefinite, under all four rounding modes and the three
   precisions, and the stack faults.  Each case starts from a chosen x87
   state (an FXSAVE image loaded natively with FXRSTOR, and into the
   guest state on the IR side) and compares the whole x87 state after
   it: the eight registers as 80-bit values, the tags, TOP, the status
   word (condition codes and exception flags) and the control word.  The
   transcendentals are compared with a tolerance (X87_TRANS_TOL ulps).

   Class x87-exact proves the 80-bit exactness where Valgrind computes
   in doubles: 1.0 + 2^-60, and a long-double loop whose result differs
   in the last bits from the same loop in doubles (and equals it under
   53-bit precision control). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libvex_basictypes.h"
#include "libvex_guest_amd64.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "../../VEX/priv/guest_amd64_x87.h"
#include "native.h"
#include "encoder.h"
#include "vexdiff.h"

#define MID NATIVE_SCRATCH_MID

/* Tolerance for the transcendentals, in units of the last place. */
#define X87_TRANS_TOL 1

static const char* only_cls;

static Bool wanted(const char* cls)
{
   return only_cls == NULL || strstr(cls, only_cls) != NULL;
}

/* ================================================================== */
/* The harness hooks (see vexdiff.h)                                  */
/* ================================================================== */

static void put16(UChar* p, UInt v) { p[0] = (UChar)v; p[1] = (UChar)(v >> 8); }
static UInt get16(const UChar* p) { return p[0] | ((UInt)p[1] << 8); }

void x87_default_image(UChar* fx)
{
   memset(fx, 0, 512);
   put16(fx, X87_CW_DEFAULT);
   fx[24] = 0x80; fx[25] = 0x1F;          /* MXCSR 0x1F80 */
}

void x87_case_to_guest(const Case* c, void* gs)
{
   VexGuestAMD64State* st = gs;
   /* only the x87 part: keep what the SSE state set up */
   U256  ymm[16];
   ULong sseround = st->guest_SSEROUND;
   memcpy(ymm, &st->guest_YMM0, sizeof ymm);
   amd64g_x87_state_from_fxsave(st, c->in.fx);
   memcpy(&st->guest_YMM0, ymm, sizeof ymm);
   st->guest_SSEROUND = sseround;
}

void x87_guest_to_image(const void* gs, UChar* fx)
{
   memset(fx, 0, 512);
   amd64g_x87_state_to_fxsave((const VexGuestAMD64State*)gs, fx);
}

static ULong get64(const UChar* p)
{
   ULong v = 0;
   for (int i = 7; i >= 0; i--)
      v = (v << 8) | p[i];
   return v;
}

/* Distance in ulps between two 80-bit values of the same sign (huge
   when the signs or classes differ). */
static ULong ulp_dist(const UChar* a, const UChar* b)
{
   ULong ma = get64(a), mb = get64(b);
   UInt  sa = get16(a + 8), sb = get16(b + 8);
   if ((sa ^ sb) & 0x8000)
      return (ma == 0 && mb == 0 && (sa & 0x7FFF) == 0 && (sb & 0x7FFF) == 0)
             ? 0 : ~0ULL;
   /* an ordinal: exponent then significand (normal numbers) */
   unsigned __int128 oa = ((unsigned __int128)(sa & 0x7FFF) << 63)
                          | (ma & 0x7FFFFFFFFFFFFFFFULL);
   unsigned __int128 ob = ((unsigned __int128)(sb & 0x7FFF) << 63)
                          | (mb & 0x7FFFFFFFFFFFFFFFULL);
   if ((sa & 0x7FFF) == 0x7FFF || (sb & 0x7FFF) == 0x7FFF)
      return (ma == mb && sa == sb) ? 0 : ~0ULL;
   unsigned __int128 d = oa > ob ? oa - ob : ob - oa;
   return d > 1000000 ? ~0ULL : (ULong)d;
}

int x87_compare(const Case* c, const UChar* nat, const UChar* ir, char* why,
                size_t n)
{
   int bad = 0;
   size_t used = 0;
#define XWHY(...) do { if (used < n) used += (size_t)snprintf(why + used, \
                       n - used, __VA_ARGS__); bad = 1; } while (0)
   if (get16(nat) != get16(ir))
      XWHY("      x87 control word: native %04x IR %04x\n", get16(nat),
           get16(ir));
   UInt m = c->x87_swmask ? c->x87_swmask : 0xFFFF;
   if ((get16(nat + 2) ^ get16(ir + 2)) & m)
      XWHY("      x87 status word: native %04x IR %04x (compared %04x)\n",
           get16(nat + 2), get16(ir + 2), m);
   if (nat[4] != ir[4])
      XWHY("      x87 tags: native %02x IR %02x\n", nat[4], ir[4]);
   for (int k = 0; k < 8; k++) {
      const UChar* a = nat + 32 + 16 * k;
      const UChar* b = ir + 32 + 16 * k;
      if (memcmp(a, b, 10) == 0)
         continue;
      if (c->x87_tol > 0 && ulp_dist(a, b) <= c->x87_tol)
         continue;
      XWHY("      st(%d): native %04x:%016llx IR %04x:%016llx\n", k,
           get16(a + 8), get64(a), get16(b + 8), get64(b));
   }
   if (bad && vd_verbose) {
      /* the input state, for the report */
      const UChar* in = c->in.fx;
      XWHY("      x87 in: cw %04x sw %04x tags %02x\n", get16(in),
           get16(in + 2), in[4]);
      for (int k = 0; k < 8; k++)
         XWHY("        st(%d) = %04x:%016llx\n", k, get16(in + 40 + 16 * k),
              get64(in + 32 + 16 * k));
   }
#undef XWHY
   return bad;
}

/* ================================================================== */
/* Values                                                             */
/* ================================================================== */

typedef struct { ULong m; UInt se; } X80;

#define XV(m, se) { m, se }
static const X80 V_ONE    = XV(0x8000000000000000ULL, 0x3FFF);
static const X80 V_TWO    = XV(0x8000000000000000ULL, 0x4000);
static const X80 V_ZERO   = XV(0, 0);
static const X80 V_NZERO  = XV(0, 0x8000);
static const X80 V_INF    = XV(0x8000000000000000ULL, 0x7FFF);
static const X80 V_NINF   = XV(0x8000000000000000ULL, 0xFFFF);
static const X80 V_QNAN   = XV(0xC000000000000123ULL, 0x7FFF);
static const X80 V_SNAN   = XV(0x8000000000000456ULL, 0x7FFF);
static const X80 V_INDEF  = XV(0xC000000000000000ULL, 0xFFFF);
static const X80 V_DENORM = XV(0x0000000123456789ULL, 0x0000);
static const X80 V_PSEUDO = XV(0x8000000000000001ULL, 0x0000);  /* pseudo-
                                                                   denormal */
static const X80 V_UNNORM = XV(0x4000000000000000ULL, 0x3FFF);
static const X80 V_MAXF   = XV(0xFFFFFFFFFFFFFFFFULL, 0x7FFE);
static const X80 V_MINN   = XV(0x8000000000000000ULL, 0x0001);
static const X80 V_PI     = XV(0xC90FDAA22168C235ULL, 0x4000);
static const X80 V_THIRD  = XV(0xAAAAAAAAAAAAAAABULL, 0x3FFD);
/* 1 + 2^-63: needs the whole 64-bit significand */
static const X80 V_1EPS   = XV(0x8000000000000001ULL, 0x3FFF);
/* bits beyond 24 and 53 places, halfway cases */
static const X80 V_HALF24 = XV(0x8000008000000000ULL, 0x3FFF);
static const X80 V_HALF53 = XV(0x8000000000000400ULL, 0xBFFF);
static const X80 V_ODD    = XV(0xFFFFFFFFFFFFFFFFULL, 0x3FFE);
static const X80 V_BIG    = XV(0xB5E620F48001F2A7ULL, 0x7BF2);   /* ~1e4000 */
static const X80 V_TINY   = XV(0xD1E8A1F3B1A02E51ULL, 0x0310);   /* ~1e-4000 */
static const X80 V_E10    = XV(0x9502F90000000000ULL, 0x4020);   /* 1e10 */
static const X80 V_NEG    = XV(0x89705F4136B4A597ULL, 0xBFE0);   /* -2.5e-10 */
static const X80 V_SEVEN  = XV(0xE000000000000000ULL, 0x4001);
static const X80 V_MTHREE = XV(0xC000000000000000ULL, 0xC000);

/* The values the matrices draw from. */
static const X80 vals_all[] = {
   V_ONE, V_TWO, V_ZERO, V_NZERO, V_INF, V_NINF, V_QNAN, V_SNAN, V_INDEF,
   V_DENORM, V_PSEUDO, V_UNNORM, V_MAXF, V_MINN, V_PI, V_THIRD, V_1EPS,
   V_HALF24, V_HALF53, V_ODD, V_BIG, V_TINY, V_E10, V_NEG, V_SEVEN, V_MTHREE
};
#define N_VALS_ALL ((int)(sizeof vals_all / sizeof vals_all[0]))

/* Finite, non-special values (for the precision/rounding matrices). */
static const X80 vals_fin[] = {
   V_ONE, V_PI, V_THIRD, V_1EPS, V_HALF24, V_HALF53, V_ODD, V_E10, V_NEG,
   V_SEVEN, V_MTHREE, V_BIG, V_TINY, V_MAXF, V_MINN, V_DENORM
};
#define N_VALS_FIN ((int)(sizeof vals_fin / sizeof vals_fin[0]))

/* Control words: rounding control x precision control, all masked. */
static UInt cw_of(int rc, int pc)
{
   static const UInt pcs[3] = { 0, 2, 3 };
   return 0x007F | (pcs[pc] << 8) | ((UInt)rc << 10);
}

/* ================================================================== */
/* Building cases                                                     */
/* ================================================================== */

/* Starts an x87 case: the stack holds VALS[0..N-1] as ST(0)..ST(N-1),
   control word CW, status bits SW (C bits, flags; TOP is set here). */
static void xbegin(Case* c, const char* desc, UInt cw, UInt sw, int n,
                   const X80* vals)
{
   case_begin(c, desc);
   c->x87 = True;
   c->x87_swmask = 0xFFFF;
   UChar* fx = c->in.fx;
   UInt top = (UInt)(8 - n) & 7;
   put16(fx + 0, cw);
   put16(fx + 2, (sw & ~0xB880u) | (top << 11));   /* no ES, B */
   UInt ftw = 0;
   for (int k = 0; k < 8; k++) {
      UChar* r = fx + 32 + 16 * k;
      /* empty registers hold something recognisable too */
      X80 v = k < n ? vals[k] : (X80){ 0x0123456789ABCDEFULL + (ULong)k,
                                       0x1234u + (UInt)k };
      for (int i = 0; i < 8; i++)
         r[i] = (UChar)(v.m >> (8 * i));
      put16(r + 8, v.se);
      if (k < n)
         ftw |= 1u << ((top + (UInt)k) & 7);
   }
   fx[4] = (UChar)ftw;
}

/* Appends raw bytes. */
static void xb(Case* c, int n, ...)
{
   UChar b[16];
   va_list ap;
   va_start(ap, n);
   for (int i = 0; i < n; i++)
      b[i] = (UChar)va_arg(ap, int);
   va_end(ap);
   case_add_bytes(c, b, n);
}

/* An x87 memory form OPC /EXT with the address R15 + DISP (disp8). */
static void xmem(Case* c, int opc, int ext, int disp)
{
   xb(c, 4, 0x41, opc, 0x40 | (ext << 3) | 7, disp & 0xFF);
}

/* The same through the table-driven encoder with addressing mode MODE
   (0..5), for variety; returns the address. */
static ULong xmem_mode(Case* c, int opc, int ext, int mode)
{
   const Amd64OpEntry* e = NULL;
   const Amd64OpTable* const* t = amd64_all_optables();
   for (int f = 0; t[f] != NULL && e == NULL; f++)
      for (int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* x = &t[f]->entries[i];
         if (x->map == AMD64_MAP_1B && x->opc == opc && x->ext == ext
             && (x->flags & AF_MEM)) {
            e = x;
            break;
         }
      }
   if (e == NULL) {
      c->bad = True;
      return 0;
   }
   EncSpec s;
   enc_init(&s, e, case_pc(c));
   s.rm_reg = -1;
   ULong a;
   switch (mode % 6) {
      case 0: s.m_base = 15; s.m_disp = 0x20; a = MID + 0x20; break;
      case 1: s.m_base = 13; s.m_index = 12; s.m_scale = 8; s.m_disp = 0x10;
              c->in.gpr[13] = MID; c->in.gpr[12] = 2; a = MID + 0x20; break;
      case 2: s.m_base = ENC_RIP; s.m_disp = (Long)(MID + 0x20);
              a = MID + 0x20; break;
      case 3: s.seg = 0x65; s.m_base = -1;
              s.m_disp = (Long)(NATIVE_SCRATCH_SIZE / 2 + 0x20);
              a = MID + 0x20; break;
      case 4: s.asz32 = True; s.m_base = 15; s.m_disp = 0x20;
              a = MID + 0x20; break;
      default: s.m_base = 4; s.m_disp = 0x20;
               a = c->in.gpr[4] + 0x20; break;
   }
   case_add(c, &s);
   return a;
}

/* Puts an 80-bit value at ADDR (in the scratch area). */
static void put80(Case* c, ULong addr, X80 v)
{
   case_patch(c, addr, v.m);
   case_patch(c, addr + 8, v.se);
}

/* A register form: D8..DF with ModRM byte MODRM. */
static void xr(Case* c, int opc, int modrm)
{
   xb(c, 2, opc, modrm);
}

/* fnstsw %ax at the end, so that the GPR comparison sees it too. */
static void fnstsw_ax(Case* c) { xr(c, 0xDF, 0xE0); }

static int n_cases;
static void run(const char* cls, Case* c)
{
   n_cases++;
   case_run(cls, c);
}

/* The 80-bit value of a double (exact). */
static X80 from_double(double d)
{
   long double ld = d;
   X80 v;
   memcpy(&v.m, &ld, 8);
   UShort se;
   memcpy(&se, (UChar*)&ld + 8, 2);
   v.se = se;
   return v;
}

/* ================================================================== */
/* Loads and stores                                                   */
/* ================================================================== */

static void cur_move(void)
{
   const char* cls = "x87-move";
   if (!wanted(cls))
      return;
   Case c;
   /* fld m32/m64 of interesting bit patterns, then fstp m80 */
   static const ULong f32s[] = {
      0x3F800000, 0xBF800000, 0x00000000, 0x80000000, 0x7F800000,
      0xFF800000, 0x7FC00001, 0x7F800001 /* SNaN */, 0x00000001,
      0x807FFFFF, 0x7F7FFFFF, 0x00800000, 0x40490FDB
   };
   static const ULong f64s[] = {
      0x3FF0000000000000ULL, 0xBFF0000000000001ULL, 0,
      0x8000000000000000ULL, 0x7FF0000000000000ULL, 0xFFF0000000000000ULL,
      0x7FF8000000000001ULL, 0x7FF0000000000001ULL, 0x0000000000000001ULL,
      0x800FFFFFFFFFFFFFULL, 0x7FEFFFFFFFFFFFFFULL, 0x0010000000000000ULL,
      0x400921FB54442D18ULL
   };
   for (int i = 0; i < (int)(sizeof f32s / sizeof f32s[0]); i++)
      for (int full = 0; full < 2; full++) {
         xbegin(&c, "flds; fstpt", 0x037F, 0, full ? 8 : 1, vals_fin);
         case_patch(&c, MID + 0x20, f32s[i]);
         xmem(&c, 0xD9, 0, 0x20);
         if (!full)
            xmem(&c, 0xDB, 7, 0x40);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   for (int i = 0; i < (int)(sizeof f64s / sizeof f64s[0]); i++)
      for (int full = 0; full < 2; full++) {
         xbegin(&c, "fldl; fstpt", 0x037F, 0, full ? 8 : 2, vals_fin);
         case_patch(&c, MID + 0x20, f64s[i]);
         xmem(&c, 0xDD, 0, 0x20);
         if (!full)
            xmem(&c, 0xDB, 7, 0x40);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* fst/fstp m32 and m64 of every value, in each rounding mode */
   for (int v = 0; v < N_VALS_ALL; v++)
      for (int rc = 0; rc < 4; rc++) {
         for (int w = 0; w < 2; w++) {
            xbegin(&c, w ? "fstl/fstpl" : "fsts/fstps", cw_of(rc, 2),
                   0x4500, 1, &vals_all[v]);
            xmem(&c, w ? 0xDD : 0xD9, 2, 0x20);       /* fst */
            xmem(&c, w ? 0xDD : 0xD9, 3, 0x28);       /* fstp */
            fnstsw_ax(&c);
            run(cls, &c);
         }
      }
   /* fstp m32/m64 to an underflowing/overflowing result, and the empty
      stack (underflow: the indefinite is stored) */
   xbegin(&c, "fstps from an empty stack", 0x037F, 0, 0, NULL);
   xmem(&c, 0xD9, 3, 0x20);
   xmem(&c, 0xDD, 3, 0x28);
   xmem(&c, 0xDB, 7, 0x30);
   fnstsw_ax(&c);
   run(cls, &c);
   /* fild / fist / fistp / fisttp, 16/32/64 bits */
   static const ULong ints[] = {
      0, 1, 0xFFFFFFFFFFFFFFFFULL, 0x7FFF, 0x8000, 0x7FFFFFFF, 0x80000000,
      0x7FFFFFFFFFFFFFFFULL, 0x8000000000000000ULL, 0x123456789ABCDEFULL,
      0xFFFFFFFFFFFF8000ULL
   };
   for (int i = 0; i < (int)(sizeof ints / sizeof ints[0]); i++) {
      xbegin(&c, "filds/fildl/fildll; fstpt", 0x037F, 0, 0, NULL);
      case_patch(&c, MID + 0x20, ints[i]);
      xmem(&c, 0xDF, 0, 0x20);   /* filds */
      xmem(&c, 0xDB, 0, 0x20);   /* fildl */
      xmem(&c, 0xDF, 5, 0x20);   /* fildll */
      xmem(&c, 0xDB, 7, 0x40);
      xmem(&c, 0xDB, 7, 0x50);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   for (int v = 0; v < N_VALS_ALL; v++)
      for (int rc = 0; rc < 4; rc++) {
         xbegin(&c, "fist/fistp/fisttp 16/32/64", cw_of(rc, 2), 0, 1,
                &vals_all[v]);
         xmem(&c, 0xDF, 2, 0x20);   /* fists */
         xmem(&c, 0xDB, 2, 0x24);   /* fistl */
         xb(&c, 2, 0xD9, 0xC0);     /* fld st(0) */
         xb(&c, 2, 0xD9, 0xC0);
         xb(&c, 2, 0xD9, 0xC0);
         xmem(&c, 0xDF, 7, 0x28);   /* fistpll */
         xmem(&c, 0xDF, 1, 0x30);   /* fisttps */
         xmem(&c, 0xDB, 1, 0x34);   /* fisttpl */
         xmem(&c, 0xDD, 1, 0x38);   /* fisttpll */
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* values near the integer limits and halfway points */
   static const double near[] = {
      32767.5, -32768.5, 32766.5, -32767.5, 2147483647.5, -2147483648.5,
      0.5, -0.5, 1.5, 2.5, -2.5, 9.2233720368547758e18, -9.2233720368547758e18,
      65535.0, 1e19
   };
   for (int i = 0; i < (int)(sizeof near / sizeof near[0]); i++)
      for (int rc = 0; rc < 4; rc++) {
         X80 v = from_double(near[i]);
         xbegin(&c, "fist near the limits", cw_of(rc, 2), 0, 1, &v);
         xmem(&c, 0xDF, 2, 0x20);
         xmem(&c, 0xDB, 2, 0x24);
         xmem(&c, 0xDF, 7, 0x28);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* fld m80 / fstp m80 of every value (no conversion, no exception),
      with the addressing modes */
   for (int v = 0; v < N_VALS_ALL; v++) {
      xbegin(&c, "fldt; fstpt", 0x037F, 0, 0, NULL);
      ULong a = xmem_mode(&c, 0xDB, 5, v);
      put80(&c, a, vals_all[v]);
      xmem(&c, 0xDB, 7, 0x40);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   /* fbld / fbstp */
   static const ULong bcds[][2] = {
      { 0x0000000000000000ULL, 0x0000 }, { 0x0000000000000001ULL, 0x8000 },
      { 0x9999999999999999ULL, 0x0099 }, { 0x1234567890123456ULL, 0x0078 },
      { 0x0000000000000042ULL, 0x8000 }
   };
   for (int i = 0; i < 5; i++) {
      xbegin(&c, "fbld; fbstp", 0x037F, 0, 0, NULL);
      case_patch(&c, MID + 0x20, bcds[i][0]);
      case_patch(&c, MID + 0x28, bcds[i][1]);
      xmem(&c, 0xDF, 4, 0x20);
      xb(&c, 2, 0xD9, 0xC0);
      xmem(&c, 0xDF, 6, 0x40);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   for (int v = 0; v < N_VALS_ALL; v++)
      for (int rc = 0; rc < 4; rc += 3) {
         xbegin(&c, "fbstp", cw_of(rc, 2), 0, 1, &vals_all[v]);
         xmem(&c, 0xDF, 6, 0x40);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* fld st(i), fst/fstp st(i), fxch: full, partly empty, overflow */
   for (int i = 0; i < 8; i++)
      for (int n = 0; n <= 8; n += 4) {
         int nn = n == 8 ? 8 : n + (i & 1) * 3;
         xbegin(&c, "fld st(i)", 0x037F, 0, nn > 8 ? 8 : nn, vals_all);
         xr(&c, 0xD9, 0xC0 + i);
         fnstsw_ax(&c);
         run(cls, &c);
         xbegin(&c, "fst st(i); fstp st(i)", 0x037F, 0x0200,
                nn > 8 ? 8 : nn, vals_all + 3);
         xr(&c, 0xDD, 0xD0 + i);
         xr(&c, 0xDD, 0xD8 + (7 - i));
         fnstsw_ax(&c);
         run(cls, &c);
         xbegin(&c, "fxch st(i)", 0x037F, 0x0200, nn > 8 ? 8 : nn,
                vals_all + 5);
         xr(&c, 0xD9, 0xC8 + i);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* the undocumented aliases: FSTP (D9 D8+i, DF D0+i, DF D8+i), FXCH
      (DD C8+i, DF C8+i) and, in x87-cmp, FCOM/FCOMP (DC D0+i, DC D8+i,
      DE D0+i) */
   static const int alias[5][2] = {
      { 0xD9, 0xD8 }, { 0xDF, 0xD0 }, { 0xDF, 0xD8 }, { 0xDD, 0xC8 },
      { 0xDF, 0xC8 }
   };
   for (int k = 0; k < 5; k++)
      for (int i = 0; i < 8; i++) {
         xbegin(&c, "x87 alias", 0x037F, 0x0200, 3 + (i & 3), vals_all + k);
         xr(&c, alias[k][0], alias[k][1] + i);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* fcmovcc, every condition, with flags making it true and false */
   static const int fcm[8][2] = {
      { 0xDA, 0xC0 }, { 0xDA, 0xC8 }, { 0xDA, 0xD0 }, { 0xDA, 0xD8 },
      { 0xDB, 0xC0 }, { 0xDB, 0xC8 }, { 0xDB, 0xD0 }, { 0xDB, 0xD8 }
   };
   static const ULong fpat[] = { 0x000, 0x001, 0x040, 0x004, 0x045 };
   for (int k = 0; k < 8; k++)
      for (int f = 0; f < 5; f++) {
         xbegin(&c, "fcmovcc", 0x037F, 0, 4, vals_all + 12);
         c.in.rflags = fpat[f];
         xr(&c, fcm[k][0], fcm[k][1] + 1 + (f % 3));
         fnstsw_ax(&c);
         run(cls, &c);
      }
   xbegin(&c, "fcmove with an empty source", 0x037F, 0, 1, vals_all);
   c.in.rflags = 0x40;
   xr(&c, 0xDA, 0xC8 + 3);
   fnstsw_ax(&c);
   run(cls, &c);
   /* the constants, in each rounding mode (and onto a full stack) */
   for (int k = 0; k < 7; k++)
      for (int rc = 0; rc < 4; rc++)
         for (int full = 0; full < 2; full++) {
            xbegin(&c, "fld constant", cw_of(rc, full ? 0 : 2), 0x0200,
                   full ? 8 : 0, vals_all);
            xr(&c, 0xD9, 0xE8 + k);
            fnstsw_ax(&c);
            run(cls, &c);
         }
}

/* ================================================================== */
/* Arithmetic                                                         */
/* ================================================================== */

static void cur_arith(void)
{
   const char* cls = "x87-arith";
   if (!wanted(cls))
      return;
   Case c;
   /* the register forms, ST(0) op ST(1), over all value pairs */
   static const int rops[6] = { 0xC0, 0xC8, 0xE0, 0xE8, 0xF0, 0xF8 };
   for (int o = 0; o < 6; o++)
      for (int a = 0; a < N_VALS_ALL; a++)
         for (int b = a % 3; b < N_VALS_ALL; b += 3) {
            X80 st[2] = { vals_all[a], vals_all[b] };
            xbegin(&c, "D8 op st(1),st", 0x037F, (a & 1) ? 0x4500 : 0, 2,
                   st);
            xr(&c, 0xD8, rops[o] + 1);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   /* rounding x precision over finite pairs */
   for (int o = 0; o < 6; o++)
      for (int rc = 0; rc < 4; rc++)
         for (int pc = 0; pc < 3; pc++)
            for (int k = 0; k < 6; k++) {
               int a = (k * 5 + o + rc) % N_VALS_FIN;
               int b = (k * 3 + pc * 7 + 1) % N_VALS_FIN;
               X80 st[2] = { vals_fin[a], vals_fin[b] };
               if (k & 1)
                  st[1].se ^= 0x8000;
               xbegin(&c, "rounding x precision", cw_of(rc, pc), 0, 2, st);
               xr(&c, 0xD8, rops[o] + 1);
               fnstsw_ax(&c);
               run(cls, &c);
            }
   /* the ST(i) op ST(0) forms and the popping forms */
   for (int o = 0; o < 6; o++)
      for (int p = 0; p < 2; p++)
         for (int i = 1; i < 8; i += 3) {
            xbegin(&c, p ? "DE opp st,st(i)" : "DC op st,st(i)",
                   cw_of(i & 3, 2), 0, 8, vals_fin + o);
            xr(&c, p ? 0xDE : 0xDC, rops[o] + i);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   /* memory operands: m32, m64, m16int, m32int */
   static const int mopc[4] = { 0xD8, 0xDC, 0xDE, 0xDA };
   static const ULong mval[4][4] = {
      { 0x3FC00000, 0xC0490FDB, 0x00000003, 0x7F800000 },
      { 0x3FF8000000000000ULL, 0xC00921FB54442D18ULL, 0x0000000000000003ULL,
        0x7FF8000000000000ULL },
      { 3, 0xFFFF, 0x8000, 0 },
      { 3, 0xFFFFFFFF, 0x80000000, 0x7FFFFFFF }
   };
   for (int f = 0; f < 4; f++)
      for (int ext = 0; ext < 8; ext++)
         for (int v = 0; v < 4; v++) {
            if (ext == 2 || ext == 3)
               continue;      /* comparisons: x87-cmp */
            int av = (f * 4 + v + ext) % N_VALS_FIN;
            xbegin(&c, "op mem", cw_of(v, 2 - (ext & 1)), 0, 1,
                   &vals_fin[av]);
            case_patch(&c, MID + 0x20, mval[f][v]);
            xmem(&c, mopc[f], ext, 0x20);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   /* stack underflow: operands empty */
   for (int o = 0; o < 6; o++) {
      xbegin(&c, "op with an empty st(2)", 0x037F, 0, 2, vals_fin);
      xr(&c, 0xD8, rops[o] + 2);
      fnstsw_ax(&c);
      run(cls, &c);
      xbegin(&c, "fop m32 with an empty stack", 0x037F, 0, 0, NULL);
      xmem(&c, 0xD8, o < 2 ? o : o + 2, 0x20);
      fnstsw_ax(&c);
      run(cls, &c);
   }
}

/* ================================================================== */
/* Comparisons                                                        */
/* ================================================================== */

static void cur_cmp(void)
{
   const char* cls = "x87-cmp";
   if (!wanted(cls))
      return;
   Case c;
   /* fcom, fucom, fcomi, fucomi (and the popping forms) over pairs */
   static const int forms[][2] = {
      { 0xD8, 0xD1 }, { 0xD8, 0xD9 }, { 0xDD, 0xE1 }, { 0xDD, 0xE9 },
      { 0xDB, 0xF1 }, { 0xDB, 0xE9 }, { 0xDF, 0xF1 }, { 0xDF, 0xE9 },
      { 0xDE, 0xD9 }, { 0xDA, 0xE9 }
   };
   for (int f = 0; f < 10; f++)
      for (int a = 0; a < N_VALS_ALL; a++)
         for (int b = (a + f) % 4; b < N_VALS_ALL; b += 4) {
            X80 st[2] = { vals_all[a], vals_all[b] };
            xbegin(&c, "fcom/fucom/fcomi st(1)", 0x037F, 0x0200, 2, st);
            c.in.rflags = 0x8D5;
            xr(&c, forms[f][0], forms[f][1]);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   static const int calias[3][2] = { { 0xDC, 0xD0 }, { 0xDC, 0xD8 },
                                      { 0xDE, 0xD0 } };
   for (int k = 0; k < 3; k++)
      for (int i = 0; i < 8; i++) {
         xbegin(&c, "fcom/fcomp alias", 0x037F, 0, 4 + (i & 3),
                vals_all + 2 * k + i);
         xr(&c, calias[k][0], calias[k][1] + i);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* ficom / fcom with memory operands */
   static const int mopc[4] = { 0xD8, 0xDC, 0xDE, 0xDA };
   static const ULong mval[4][3] = {
      { 0x3F800000, 0x7FC00000, 0xFF800000 },
      { 0x3FF0000000000000ULL, 0x7FF0000000000001ULL, 0 },
      { 1, 0xFFFF, 0 },
      { 1, 0x80000000, 7 }
   };
   for (int f = 0; f < 4; f++)
      for (int v = 0; v < 3; v++)
         for (int a = 0; a < 4; a++)
            for (int ext = 2; ext < 4; ext++) {
               xbegin(&c, "fcom/ficom mem", 0x037F, 0, 2, vals_all + a * 2);
               case_patch(&c, MID + 0x20, mval[f][v]);
               xmem(&c, mopc[f], ext, 0x20);
               fnstsw_ax(&c);
               run(cls, &c);
            }
   /* ftst, fxam over every value, and the empty register */
   for (int v = 0; v <= N_VALS_ALL; v++) {
      int n = v < N_VALS_ALL ? 1 : 0;
      xbegin(&c, "ftst", 0x037F, 0x4700, n, n ? &vals_all[v] : NULL);
      xr(&c, 0xD9, 0xE4);
      fnstsw_ax(&c);
      run(cls, &c);
      xbegin(&c, "fxam", 0x037F, 0, n, n ? &vals_all[v] : NULL);
      xr(&c, 0xD9, 0xE5);
      fnstsw_ax(&c);
      run(cls, &c);
      X80 neg = n ? vals_all[v] : V_ZERO;
      neg.se ^= 0x8000;
      xbegin(&c, "fxam (negated)", 0x037F, 0, 1, &neg);
      xr(&c, 0xD9, 0xE5);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   /* comparisons with an empty operand */
   for (int f = 0; f < 10; f++) {
      xbegin(&c, "compare with an empty st(1)", 0x037F, 0, 1, vals_all);
      xr(&c, forms[f][0], forms[f][1]);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   /* fcomi; jcc: the flags drive a branch */
   for (int a = 0; a < 6; a++) {
      X80 st[2] = { vals_all[a], vals_all[(a + 1) % 6] };
      xbegin(&c, "fcomip; ja; setb", 0x037F, 0, 2, st);
      xr(&c, 0xDF, 0xF1);
      xb(&c, 2, 0x77, 0x02);             /* ja +2 */
      xb(&c, 2, 0xD9, 0xE0);             /* fchs */
      xb(&c, 3, 0x0F, 0x92, 0xC1);       /* setb %cl */
      run(cls, &c);
   }
}

/* ================================================================== */
/* Other arithmetic                                                   */
/* ================================================================== */

static void cur_math(void)
{
   const char* cls = "x87-math";
   if (!wanted(cls))
      return;
   Case c;
   /* unary: fchs fabs fsqrt frndint, every value, each rounding mode,
      the three precisions for fsqrt */
   static const int un[4] = { 0xE0, 0xE1, 0xFA, 0xFC };
   for (int u = 0; u < 4; u++)
      for (int v = 0; v < N_VALS_ALL; v++)
         for (int rc = 0; rc < 4; rc++) {
            if (u < 2 && rc > 0)
               continue;
            xbegin(&c, "fchs/fabs/fsqrt/frndint", cw_of(rc, 2), 0x0100, 1,
                   &vals_all[v]);
            xr(&c, 0xD9, un[u]);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   for (int v = 0; v < N_VALS_FIN; v++)
      for (int pc = 0; pc < 3; pc++)
         for (int rc = 0; rc < 4; rc += 2) {
            xbegin(&c, "fsqrt at each precision", cw_of(rc, pc), 0, 1,
                   &vals_fin[v]);
            xr(&c, 0xD9, 0xFA);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   static const double frac[] = { 0.5, 1.5, 2.5, -0.5, -1.5, 0.25, -0.75,
                                  1e18 + 0.5, 123456.75, -3.0 };
   for (int i = 0; i < 10; i++)
      for (int rc = 0; rc < 4; rc++) {
         X80 v = from_double(frac[i]);
         xbegin(&c, "frndint halfway", cw_of(rc, 3), 0, 1, &v);
         xr(&c, 0xD9, 0xFC);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* fscale, fprem, fprem1 over pairs */
   static const X80 scales[] = {
      XV(0x8000000000000000ULL, 0x3FFF), XV(0xC000000000000000ULL, 0xC000),
      XV(0xA000000000000000ULL, 0x4002), XV(0x8000000000000000ULL, 0x400D),
      XV(0x8000000000000000ULL, 0xC00D), XV(0xFA00000000000000ULL, 0x4008),
      XV(0x0, 0x0), XV(0x8000000000000000ULL, 0x7FFF),
      XV(0x8000000000000000ULL, 0xFFFF), XV(0x9C40000000000000ULL, 0xC00D)
   };
   for (int s = 0; s < 10; s++)
      for (int v = 0; v < N_VALS_ALL; v += 2) {
         X80 st[2] = { vals_all[v], scales[s] };
         xbegin(&c, "fscale", cw_of(s & 3, 2), 0, 2, st);
         xr(&c, 0xD9, 0xFD);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   for (int a = 0; a < N_VALS_ALL; a++)
      for (int b = a % 2; b < N_VALS_ALL; b += 2)
         for (int p = 0; p < 2; p++) {
            X80 st[2] = { vals_all[a], vals_all[b] };
            xbegin(&c, p ? "fprem1" : "fprem", 0x037F, 0, 2, st);
            xr(&c, 0xD9, p ? 0xF5 : 0xF8);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   /* fprem loops to completion (as fmod does), large exponent gaps */
   static const X80 dividends[] = {
      XV(0x9E0A37C3F6A4B1D2ULL, 0x4063), XV(0xC90FDAA22168C235ULL, 0x43FE),
      XV(0xFFFFFFFFFFFFFFFFULL, 0x4400), XV(0x8000000000000001ULL, 0x403F)
   };
   static const X80 divisors[] = {
      XV(0xC000000000000000ULL, 0x4000), XV(0xC90FDAA22168C235ULL, 0x3FFF),
      XV(0x8000000000000001ULL, 0x3C00), XV(0xB000000000000000ULL, 0xC005)
   };
   for (int a = 0; a < 4; a++)
      for (int b = 0; b < 4; b++)
         for (int p = 0; p < 2; p++) {
            X80 st[2] = { dividends[a], divisors[b] };
            xbegin(&c, "fprem loop", 0x037F, 0, 2, st);
            int top = c.len;
            xr(&c, 0xD9, p ? 0xF5 : 0xF8);
            fnstsw_ax(&c);
            xb(&c, 3, 0xF6, 0xC4, 0x04);        /* test $4, %ah */
            int rel = top - (c.len + 2);
            xb(&c, 2, 0x75, rel & 0xFF);        /* jnz top */
            run(cls, &c);
         }
   /* fxtract over every value */
   for (int v = 0; v < N_VALS_ALL; v++) {
      xbegin(&c, "fxtract", 0x037F, 0, 1, &vals_all[v]);
      xr(&c, 0xD9, 0xF4);
      fnstsw_ax(&c);
      run(cls, &c);
   }
}

/* ================================================================== */
/* Transcendentals                                                    */
/* ================================================================== */

static void cur_trans(void)
{
   const char* cls = "x87-trans";
   if (!wanted(cls))
      return;
   Case c;
   static const double args[] = {
      0.5, -0.5, 1.0, 0.1, -0.9, 1e-5, -1e-10, 0.7853981633974483,
      1.5707963267948966, 3.0, -3.14159, 10.0, 100.0, 1000.5, -12345.678,
      0.99, 1e-300, 2.0
   };
   static const int un[4] = { 0xFE, 0xFF, 0xF0, 0xFB };   /* sin cos f2xm1
                                                            sincos */
   for (int u = 0; u < 5; u++)
      for (int i = 0; i < (int)(sizeof args / sizeof args[0]); i++)
         for (int rc = 0; rc < 4; rc += 3) {
            X80 v = from_double(args[i]);
            if (u == 2 && (args[i] > 1 || args[i] < -1))
               continue;            /* f2xm1: undefined outside [-1,1] */
            xbegin(&c, "fsin/fcos/f2xm1/fsincos/fptan", cw_of(rc, 3), 0, 1,
                   &v);
            c.x87_tol = X87_TRANS_TOL;
            c.x87_swmask = (UInt)~X87_FSW_C1 & ~X87_FSW_UE & 0xFFFF;
            xr(&c, 0xD9, u < 4 ? un[u] : 0xF2);
            run(cls, &c);
         }
   /* special operands: zero, infinity, NaN, out of range (>= 2^63) */
   static const X80 spec[] = {
      XV(0, 0), XV(0, 0x8000), XV(0x8000000000000000ULL, 0x7FFF),
      XV(0xC000000000000001ULL, 0x7FFF), XV(0x8000000000000000ULL, 0x403E),
      XV(0x8000000000000000ULL, 0xC050), XV(0x4000000000000000ULL, 0x3FFF)
   };
   for (int u = 0; u < 5; u++)
      for (int i = 0; i < 7; i++) {
         if (u == 2 && (i == 4 || i == 5))
            continue;            /* f2xm1: undefined beyond [-1, 1] */
         xbegin(&c, "transcendental special operand", 0x037F, 0, 1, &spec[i]);
         c.x87_tol = X87_TRANS_TOL;
         xr(&c, 0xD9, u < 4 ? un[u] : 0xF2);
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* fyl2x, fyl2xp1, fpatan over pairs */
   static const double xs[] = { 0.5, 2.0, 10.0, 1.0, 1e-20, 3.5e20, 0.25 };
   static const double ys[] = { 1.0, -2.5, 0.001, 7.0 };
   for (int i = 0; i < 7; i++)
      for (int j = 0; j < 4; j++) {
         X80 st[2] = { from_double(xs[i]), from_double(ys[j]) };
         xbegin(&c, "fyl2x", 0x037F, 0, 2, st);
         c.x87_tol = X87_TRANS_TOL;
         c.x87_swmask = (UInt)~X87_FSW_C1 & 0xFFFF;
         xr(&c, 0xD9, 0xF1);
         run(cls, &c);
         X80 st2[2] = { from_double(xs[i] * 0.25 - 0.125), from_double(ys[j]) };
         if (xs[i] * 0.25 - 0.125 < 0.29 && xs[i] * 0.25 - 0.125 > -0.29) {
            xbegin(&c, "fyl2xp1", 0x037F, 0, 2, st2);
            c.x87_tol = X87_TRANS_TOL;
            c.x87_swmask = (UInt)~X87_FSW_C1 & 0xFFFF;
            xr(&c, 0xD9, 0xF9);
            run(cls, &c);
         }
         for (int sx = 0; sx < 2; sx++) {
            X80 st3[2] = { from_double(sx ? -xs[i] : xs[i]),
                           from_double(ys[j]) };
            xbegin(&c, "fpatan", 0x037F, 0, 2, st3);
            c.x87_tol = X87_TRANS_TOL;
            c.x87_swmask = (UInt)~X87_FSW_C1 & 0xFFFF;
            xr(&c, 0xD9, 0xF3);
            run(cls, &c);
         }
      }
   /* random arguments over wide ranges: within X87_TRANS_TOL of the
      hardware (C1, the rounding direction, is not compared) */
   {
      Rng r = { 0x7A3C5E1F00D4B9A1ULL };
      static const int rop[7] = { 0xFE, 0xFF, 0xF2, 0xFB, 0xF0, 0xF1, 0xF3 };
      for (int k = 0; k < 700; k++) {
         int op = k % 7;
         X80 st[2];
         int lo = op == 4 ? -64 : -40, hi = op == 4 ? -1 : op < 4 ? 62 : 200;
         st[0].m = rng_next(&r) | 0x8000000000000000ULL;
         st[0].se = (UInt)(0x3FFF + lo + (int)rng_below(&r, (UInt)(hi - lo)))
                    | (rng_below(&r, 2) && op != 5 ? 0x8000 : 0);
         st[1].m = rng_next(&r) | 0x8000000000000000ULL;
         st[1].se = (UInt)(0x3FFF - 20 + (int)rng_below(&r, 40))
                    | (rng_below(&r, 2) ? 0x8000 : 0);
         xbegin(&c, "transcendental, random argument", cw_of(k % 4, 2), 0,
                2, st);
         c.x87_tol = X87_TRANS_TOL;
         c.x87_swmask = (UInt)~X87_FSW_C1 & 0xFFFF;
         xr(&c, 0xD9, rop[op]);
         fnstsw_ax(&c);
         xb(&c, 3, 0x80, 0xE4, 0xFD);      /* and $0xfd, %ah: C1 */
         run(cls, &c);
      }
   }
   /* their special operands */
   static const X80 sp2[] = {
      XV(0, 0), XV(0, 0x8000), XV(0x8000000000000000ULL, 0x7FFF),
      XV(0x8000000000000000ULL, 0xFFFF), XV(0x8000000000000000ULL, 0x3FFF),
      XV(0x8000000000000000ULL, 0xBFFF), XV(0xC000000000000001ULL, 0x7FFF)
   };
   for (int i = 0; i < 7; i++)
      for (int j = 0; j < 7; j++)
         for (int k = 0; k < 3; k++) {
            X80 st[2] = { sp2[i], sp2[j] };
            if (k == 1 && i >= 2 && i != 6)
               continue;   /* fyl2xp1: undefined for |x| > 1 - sqrt(2)/2 */
            xbegin(&c, "fyl2x/fyl2xp1/fpatan special", 0x037F, 0, 2, st);
            c.x87_tol = X87_TRANS_TOL;
            xr(&c, 0xD9, k == 0 ? 0xF1 : k == 1 ? 0xF9 : 0xF3);
            fnstsw_ax(&c);
            run(cls, &c);
         }
}

/* ================================================================== */
/* Control and status                                                 */
/* ================================================================== */

static void cur_ctrl(void)
{
   const char* cls = "x87-ctrl";
   if (!wanted(cls))
      return;
   Case c;
   /* fldcw / fnstcw round trips, every interesting control word */
   static const UInt cws[] = { 0x037F, 0x0000, 0xFFFF, 0x1000, 0x0C7F,
                               0x027F, 0x007F, 0x0F3F, 0xE37F, 0x047F };
   for (int i = 0; i < 10; i++) {
      xbegin(&c, "fldcw; fnstcw", 0x037F, 0, 2, vals_fin);
      case_patch(&c, MID + 0x20, cws[i]);
      xmem(&c, 0xD9, 5, 0x20);
      xmem(&c, 0xD9, 7, 0x30);
      xmem(&c, 0xDD, 7, 0x38);     /* fnstsw m16 (ES from the masks) */
      /* unmasked exceptions would fault the next x87 instruction: mask
         them again before the end */
      xb(&c, 8, 0x41, 0xC7, 0x47, 0x40, 0x7F, 0x03, 0x00, 0x00);
      xmem(&c, 0xD9, 5, 0x40);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   /* fnstsw with flags set, fnclex, fninit */
   static const UInt sws[] = { 0x0000, 0x003F, 0x4700, 0x0041, 0x7FFF };
   for (int i = 0; i < 5; i++) {
      xbegin(&c, "fnstsw; fnclex; fnstsw", 0x037F, sws[i], 3, vals_fin);
      fnstsw_ax(&c);
      xb(&c, 3, 0x66, 0x89, 0xC1);         /* mov %ax, %cx */
      xr(&c, 0xDB, 0xE2);                  /* fnclex */
      fnstsw_ax(&c);
      run(cls, &c);
      xbegin(&c, "fninit", 0x0C7F, sws[i], 5, vals_fin);
      xr(&c, 0xDB, 0xE3);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   /* ffree, ffreep, fincstp, fdecstp, fnop, fwait, emms */
   for (int i = 0; i < 8; i++) {
      xbegin(&c, "ffree st(i); fincstp; fdecstp", 0x037F, 0x0200, 6,
             vals_fin);
      xr(&c, 0xDD, 0xC0 + i);
      xr(&c, 0xD9, 0xF7);
      xr(&c, 0xD9, 0xF7);
      xr(&c, 0xD9, 0xF6);
      fnstsw_ax(&c);
      run(cls, &c);
      xbegin(&c, "ffreep st(i); fnop; fwait", 0x037F, 0, 4, vals_fin);
      xr(&c, 0xDF, 0xC0 + i);
      xr(&c, 0xD9, 0xD0);
      xb(&c, 1, 0x9B);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   xbegin(&c, "emms", 0x037F, 0, 5, vals_fin);
   xb(&c, 2, 0x0F, 0x77);
   fnstsw_ax(&c);
   run(cls, &c);
   /* stack overflow and underflow, sticky flags, C1 */
   for (int n = 6; n <= 8; n++) {
      xbegin(&c, "push onto a full stack", 0x037F, 0, n, vals_fin);
      xr(&c, 0xD9, 0xE8);
      xr(&c, 0xD9, 0xEB);
      xr(&c, 0xD9, 0xC1);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   xbegin(&c, "pop from an empty stack", 0x037F, 0, 1, vals_fin);
   xr(&c, 0xDD, 0xD8);        /* fstp st(0) */
   xr(&c, 0xDE, 0xC1);        /* faddp: underflow */
   xr(&c, 0xDD, 0xD8);
   fnstsw_ax(&c);
   run(cls, &c);
}

/* ================================================================== */
/* Environment and state images                                       */
/* ================================================================== */

/* After a store of the environment at R15 + OFF: zero the FIP/FCS/FOP/
   FDP words (12..23), which the hardware fills and the front end does
   not keep. */
static void zap_ip(Case* c, int off)
{
   /* movq $0, off+12(%r15); movl $0, off+20(%r15) */
   xb(c, 8, 0x49, 0xC7, 0x47, off + 12, 0, 0, 0, 0);
   xb(c, 8, 0x41, 0xC7, 0x47, off + 20, 0, 0, 0, 0);
}

static void cur_env(void)
{
   const char* cls = "x87-env";
   if (!wanted(cls))
      return;
   Case c;
   for (int n = 0; n <= 8; n += 2)
      for (int k = 0; k < 3; k++) {
         UInt cw = cw_of(k, 2 - (k & 1));
         UInt sw = k == 1 ? 0x4521 : 0;
         xbegin(&c, "fnstenv; fldenv", cw, sw, n, vals_all + k);
         xmem(&c, 0xD9, 6, 0x00);               /* fnstenv (%r15) */
         zap_ip(&c, 0x00);
         xr(&c, 0xD9, 0xE8);                    /* fld1 (masked now) */
         xmem(&c, 0xD9, 4, 0x00);               /* fldenv */
         fnstsw_ax(&c);
         run(cls, &c);
         xbegin(&c, "fnsave; frstor", cw, sw, n, vals_all + 2 * k);
         xmem(&c, 0xDD, 6, 0x00);               /* fnsave */
         zap_ip(&c, 0x00);
         xr(&c, 0xD9, 0xEE);                    /* fldz (after fninit) */
         fnstsw_ax(&c);
         xb(&c, 3, 0x66, 0x89, 0xC2);           /* mov %ax, %dx */
         xmem(&c, 0xDD, 4, 0x00);               /* frstor */
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* fldenv of a built image: tags from the tag word */
   static const UInt tws[] = { 0xFFFF, 0x0000, 0x3FFF, 0xFFFC, 0x5A5A };
   for (int i = 0; i < 5; i++) {
      xbegin(&c, "fldenv of a built image", 0x037F, 0, 8, vals_fin);
      /* CW 0x027F, SW 0x4100 (TOP 0), each with 0xFFFF above */
      case_patch(&c, MID + 0x40, 0xFFFF4100FFFF027FULL);
      case_patch(&c, MID + 0x48, 0xFFFF0000ULL | tws[i]);
      case_patch(&c, MID + 0x50, 0);
      case_patch(&c, MID + 0x58, 0xFFFF000000000000ULL);
      xmem(&c, 0xD9, 4, 0x40);
      fnstsw_ax(&c);
      run(cls, &c);
   }
}

static void cur_fxsave(void)
{
   const char* cls = "x87-fxsave";
   if (!wanted(cls))
      return;
   Case c;
   for (int n = 0; n <= 8; n += 4)
      for (int w = 0; w < 2; w++)
         for (int k = 0; k < 2; k++) {
            xbegin(&c, w ? "fxsave64; fxrstor64" : "fxsave; fxrstor",
                   cw_of(k * 3, 2), k ? 0x4101 : 0, n, vals_all + k);
            /* fxsave (%r15) */
            if (w) xb(&c, 4, 0x49, 0x0F, 0xAE, 0x07);
            else   xb(&c, 4, 0x41, 0x0F, 0xAE, 0x07);
            /* FOP/FIP/FDP (6..23) and MXCSR_MASK (28..31): not kept */
            xb(&c, 7, 0x66, 0x41, 0xC7, 0x47, 0x06, 0, 0);
            xb(&c, 8, 0x49, 0xC7, 0x47, 0x08, 0, 0, 0, 0);
            xb(&c, 8, 0x49, 0xC7, 0x47, 0x10, 0, 0, 0, 0);
            xb(&c, 8, 0x41, 0xC7, 0x47, 0x1C, 0, 0, 0, 0);
            xr(&c, 0xDB, 0xE3);                  /* fninit */
            xr(&c, 0xD9, 0xEB);                  /* fldpi */
            /* fxrstor (%r15) */
            if (w) xb(&c, 4, 0x49, 0x0F, 0xAE, 0x0F);
            else   xb(&c, 4, 0x41, 0x0F, 0xAE, 0x0F);
            fnstsw_ax(&c);
            run(cls, &c);
         }
   /* fxrstor of a built image: changed control word, tags, registers */
   for (int k = 0; k < 4; k++) {
      xbegin(&c, "fxrstor of a built image", 0x037F, 0, 0, NULL);
      case_patch(&c, MID + 0x00, 0x00000000A5004C7FULL | ((ULong)k << 11 << 16));
      case_patch(&c, MID + 0x08, 0);
      case_patch(&c, MID + 0x10, 0);
      case_patch(&c, MID + 0x18, 0x0000FFFF00001F80ULL | ((ULong)k << 13));
      put80(&c, MID + 0x20, vals_all[k]);
      put80(&c, MID + 0x40, vals_all[k + 9]);
      xb(&c, 4, 0x41, 0x0F, 0xAE, 0x0F);
      fnstsw_ax(&c);
      run(cls, &c);
   }
   /* misaligned: #GP */
   xbegin(&c, "fxsave misaligned", 0x037F, 0, 2, vals_fin);
   xb(&c, 5, 0x41, 0x0F, 0xAE, 0x47, 0x08);
   run(cls, &c);
   /* reserved MXCSR bits: #GP */
   xbegin(&c, "fxrstor with a bad MXCSR", 0x037F, 0, 2, vals_fin);
   case_patch(&c, MID + 0x18, 0x0000FFFF80001F80ULL);
   xb(&c, 4, 0x41, 0x0F, 0xAE, 0x0F);
   run(cls, &c);
}

static void cur_xsave(void)
{
   const char* cls = "x87-xsave";
   if (!wanted(cls))
      return;
   Case c;
   for (int rfbm = 1; rfbm <= 3; rfbm++)
      for (int n = 0; n <= 8; n += 8) {
         xbegin(&c, "xsave; xrstor", cw_of(rfbm & 3, 2), 0x0100, n,
                vals_all + rfbm);
         c.in.gpr[0] = (ULong)rfbm | 0xFFFFFFFF00000000ULL;   /* EAX */
         c.in.gpr[2] = 0;
         /* a clean header, as glibc makes */
         for (int q = 0; q < 8; q++)
            case_patch(&c, MID + 512 + 8 * q, 0);
         xb(&c, 4, 0x41, 0x0F, 0xAE, 0x27);      /* xsave (%r15) */
         /* XSTATE_BV: in use or not is the CPU's business: say in use */
         xb(&c, 8, 0x41, 0x80, 0x8F, 0x00, 0x02, 0x00, 0x00, 0x03);
         /* FOP/FIP/FDP and MXCSR_MASK: not kept */
         xb(&c, 7, 0x66, 0x41, 0xC7, 0x47, 0x06, 0, 0);
         xb(&c, 8, 0x49, 0xC7, 0x47, 0x08, 0, 0, 0, 0);
         xb(&c, 8, 0x49, 0xC7, 0x47, 0x10, 0, 0, 0, 0);
         xb(&c, 8, 0x41, 0xC7, 0x47, 0x1C, 0, 0, 0, 0);
         xr(&c, 0xDB, 0xE3);                     /* fninit */
         xr(&c, 0xD9, 0xE8);                     /* fld1 */
         xb(&c, 4, 0x41, 0x0F, 0xAE, 0x2F);      /* xrstor (%r15) */
         fnstsw_ax(&c);
         run(cls, &c);
      }
   /* xrstor with XSTATE_BV clear: the x87 state is initialised */
   xbegin(&c, "xrstor of init state", 0x0C7F, 0x4100, 5, vals_fin);
   c.in.gpr[0] = 1;
   c.in.gpr[2] = 0;
   for (int q = 0; q < 8; q++)
      case_patch(&c, MID + 512 + 8 * q, 0);
   xb(&c, 4, 0x41, 0x0F, 0xAE, 0x2F);
   fnstsw_ax(&c);
   run(cls, &c);
   /* reserved header bytes: #GP */
   xbegin(&c, "xrstor with a bad header", 0x037F, 0, 2, vals_fin);
   c.in.gpr[0] = 3;
   c.in.gpr[2] = 0;
   for (int q = 0; q < 8; q++)
      case_patch(&c, MID + 512 + 8 * q, q == 3 ? 1 : 0);
   xb(&c, 4, 0x41, 0x0F, 0xAE, 0x2F);
   run(cls, &c);
   /* misaligned: #GP */
   xbegin(&c, "xsave misaligned", 0x037F, 0, 2, vals_fin);
   c.in.gpr[0] = 3;
   xb(&c, 5, 0x41, 0x0F, 0xAE, 0x67, 0x10);
   run(cls, &c);
   /* xgetbv: XCR0 has x87 and SSE state (the host may have more) */
   xbegin(&c, "xgetbv", 0x037F, 0, 0, NULL);
   c.in.gpr[1] = 0;
   xb(&c, 3, 0x0F, 0x01, 0xD0);
   xb(&c, 3, 0x83, 0xE0, 0x03);               /* and $3, %eax */
   xb(&c, 2, 0x31, 0xD2);                     /* xor %edx, %edx */
   run(cls, &c);
   xbegin(&c, "xgetbv with ecx=1 faults", 0x037F, 0, 0, NULL);
   c.in.gpr[1] = 0x55;
   xb(&c, 3, 0x0F, 0x01, 0xD0);
   run(cls, &c);
}

/* ================================================================== */
/* The 80-bit exactness                                               */
/* ================================================================== */

static void cur_exact(void)
{
   const char* cls = "x87-exact";
   if (!wanted(cls))
      return;
   Case c;
   /* 1.0 + 2^-60: 0x8000000000000008 * 2^-63 exactly (in doubles: 1.0) */
   X80 eps = XV(0x8000000000000000ULL, 0x3FFF - 60);
   xbegin(&c, "1.0 + 2^-60 in extended precision", 0x037F, 0, 0, NULL);
   put80(&c, MID + 0x20, eps);
   xr(&c, 0xD9, 0xE8);                    /* fld1 */
   xmem(&c, 0xDB, 5, 0x20);               /* fldt 2^-60 */
   xr(&c, 0xDE, 0xC1);                    /* faddp */
   xmem(&c, 0xDB, 7, 0x30);               /* fstpt -> memory */
   /* rax = the significand; rcx = 1 when it is not the double result */
   xb(&c, 4, 0x49, 0x8B, 0x47, 0x30);     /* mov 0x30(%r15), %rax */
   xb(&c, 10, 0x48, 0xBA, 0x10, 0, 0, 0, 0, 0, 0, 0x80);  /* movabs */
   xb(&c, 3, 0x48, 0x39, 0xD0);           /* cmp %rdx, %rax */
   xb(&c, 3, 0x0F, 0x94, 0xC1);           /* sete %cl */
   run(cls, &c);
   /* the same under 53-bit precision: rounds to 1.0 */
   xbegin(&c, "1.0 + 2^-60 at 53-bit precision", cw_of(0, 1), 0, 0, NULL);
   put80(&c, MID + 0x20, eps);
   xr(&c, 0xD9, 0xE8);
   xmem(&c, 0xDB, 5, 0x20);
   xr(&c, 0xDE, 0xC1);
   xmem(&c, 0xDB, 7, 0x30);
   xb(&c, 4, 0x49, 0x8B, 0x47, 0x30);
   run(cls, &c);
   /* a long double loop: s = sum 1/k^2 for k = 1..40, kept on the stack:
        fldz; mov $1,%ecx; L: mov %ecx,(%r15); fildl (%r15); fmul st0,st0;
        fld1; fdivp; faddp; inc %ecx; cmp $41,%ecx; jne L; fstpt 0x30(%r15)
      The result's last bits differ from the loop in doubles (checked by
      the 53-bit run below, which must differ from the 64-bit one). */
   for (int pc = 0; pc < 3; pc++) {
      xbegin(&c, pc == 2 ? "long double loop (64-bit)" :
                 pc == 1 ? "long double loop (53-bit)" :
                           "long double loop (24-bit)",
             cw_of(0, pc), 0, 0, NULL);
      xr(&c, 0xD9, 0xEE);                    /* fldz */
      xb(&c, 5, 0xB9, 1, 0, 0, 0);           /* mov $1, %ecx */
      int top = c.len;
      xb(&c, 3, 0x41, 0x89, 0x0F);           /* mov %ecx, (%r15) */
      xb(&c, 3, 0x41, 0xDB, 0x07);           /* fildl (%r15) */
      xr(&c, 0xD8, 0xC8);                    /* fmul %st(0),%st */
      xr(&c, 0xD9, 0xE8);                    /* fld1 */
      xr(&c, 0xDE, 0xF1);                    /* fdivrp: 1/k^2 */
      xr(&c, 0xDE, 0xC1);                    /* faddp */
      xb(&c, 2, 0xFF, 0xC1);                 /* inc %ecx */
      xb(&c, 3, 0x83, 0xF9, 41);             /* cmp $41, %ecx */
      int rel = top - (c.len + 2);
      xb(&c, 2, 0x75, rel & 0xFF);           /* jne top */
      xmem(&c, 0xDB, 7, 0x30);               /* fstpt 0x30(%r15) */
      xb(&c, 4, 0x49, 0x8B, 0x47, 0x30);     /* mov 0x30(%r15), %rax */
      run(cls, &c);
   }
   /* The library itself: 1 + 2^-60 is exact, and differs from what the
      double-precision sum gives. */
   {
      UChar a[10], b[10], r[10];
      memset(a, 0, 10); memset(b, 0, 10);
      a[7] = 0x80; a[8] = 0xFF; a[9] = 0x3F;
      b[7] = 0x80; put16(b + 8, 0x3FFF - 60);
      amd64g_x87_selftest_binop(X87_OP_ADD, a, b, 0x037F, r);
      double d = 1.0 + 0x1p-60;
      n_cases++;
      if (get64(r) != 0x8000000000000008ULL || get16(r + 8) != 0x3FFF
          || d != 1.0) {
         fprintf(stderr, "FAILED in x87-exact: the library's 1 + 2^-60 is "
                 "%04x:%016llx\n", get16(r + 8), get64(r));
         /* make the class fail */
         xbegin(&c, "library self-test", 0x037F, 0, 0, NULL);
         c.bad = True;
         run(cls, &c);
      }
   }
}

/* ================================================================== */
/* Randomised x87 sequences                                           */
/* ================================================================== */

static X80 rnd_val(Rng* r)
{
   switch (rng_below(r, 5)) {
      case 0:  return vals_all[rng_below(r, N_VALS_ALL)];
      case 1: {
         X80 v = vals_fin[rng_below(r, N_VALS_FIN)];
         v.m ^= rng_next(r) & 0xFFFF;
         v.m |= 0x8000000000000000ULL;
         return v;
      }
      default: {
         X80 v;
         v.m  = rng_next(r) | 0x8000000000000000ULL;
         v.se = (UInt)(0x3FFF - 70 + rng_below(r, 140))
                | (rng_below(r, 2) ? 0x8000 : 0);
         return v;
      }
   }
}

static void cur_random(int n_seq, ULong seed)
{
   const char* cls = "x87-random";
   if (!wanted(cls))
      return;
   Rng r = { seed };
   for (int q = 0; q < n_seq; q++) {
      Case c;
      X80 st[8];
      int n = (int)rng_below(&r, 9);
      for (int i = 0; i < 8; i++)
         st[i] = rnd_val(&r);
      char desc[64];
      snprintf(desc, sizeof desc, "x87 random sequence %d (seed %llu)", q,
               seed);
      xbegin(&c, desc, cw_of((int)rng_below(&r, 4), (int)rng_below(&r, 3)),
             (UInt)rng_next(&r) & 0x4700, n, st);
      c.in.rflags = rng_next(&r) & 0x8D5;
      for (int k = 0; k < 8; k++)
         if (k < 4)
            put80(&c, MID + 32 * (ULong)k, rnd_val(&r));
      int len = 1 + (int)rng_below(&r, 10);
      for (int i = 0; i < len; i++) {
         int sti = (int)rng_below(&r, 8);
         int disp = 32 * (int)rng_below(&r, 4);
         switch (rng_below(&r, 16)) {
            case 0: case 1:       /* D8/DC/DE arithmetic, compare */
               xr(&c, (int[]){ 0xD8, 0xDC, 0xDE }[rng_below(&r, 3)],
                  0xC0 + (int)rng_below(&r, 64));
               break;
            case 2:               /* fld st(i), fxch, fst(p) st(i) */
               xr(&c, 0xD9, 0xC0 + (int)rng_below(&r, 16));
               break;
            case 3:
               xr(&c, 0xDD, 0xD0 + (int)rng_below(&r, 32));
               break;
            case 4:               /* fcmov, fcomi, fucomi */
               xr(&c, rng_below(&r, 2) ? 0xDA : 0xDB,
                  0xC0 + (int)rng_below(&r, 32));
               break;
            case 5:
               xr(&c, rng_below(&r, 2) ? 0xDB : 0xDF,
                  0xE8 + (int)rng_below(&r, 16));
               break;
            case 6: {             /* the D9 E0.. group, no transcendentals */
               static const int ops[] = { 0xE0, 0xE1, 0xE4, 0xE5, 0xE8, 0xE9,
                  0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xF4, 0xF5, 0xF6, 0xF7,
                  0xF8, 0xFA, 0xFC, 0xFD };
               xr(&c, 0xD9, ops[rng_below(&r, sizeof ops / sizeof ops[0])]);
               break;
            }
            case 7:               /* loads of m80 */
               xmem(&c, 0xDB, 5, disp);
               break;
            case 8:               /* arithmetic with memory operands */
               xmem(&c, (int[]){ 0xD8, 0xDC, 0xDA, 0xDE }[rng_below(&r, 4)],
                    (int)rng_below(&r, 8), 0x40 + disp / 2);
               break;
            case 9: {             /* loads in other formats */
               static const int ld[5][2] = { { 0xD9, 0 }, { 0xDD, 0 },
                  { 0xDB, 0 }, { 0xDF, 0 }, { 0xDF, 5 } };
               int k = (int)rng_below(&r, 5);
               xmem(&c, ld[k][0], ld[k][1], 0x40 + disp / 2);
               break;
            }
            case 10: {            /* stores in other formats */
               static const int stf[12][2] = { { 0xD9, 2 }, { 0xD9, 3 },
                  { 0xDD, 1 }, { 0xDD, 2 }, { 0xDD, 3 }, { 0xDB, 1 },
                  { 0xDB, 2 }, { 0xDB, 3 }, { 0xDF, 1 }, { 0xDF, 2 },
                  { 0xDF, 3 }, { 0xDF, 7 } };
               int k = (int)rng_below(&r, 12);
               xmem(&c, stf[k][0], stf[k][1], 0x10 + disp / 4);
               break;
            }
            case 11:
               xmem(&c, 0xDB, 7, 0x20 + disp / 4);
               break;
            case 12:
               xmem(&c, 0xDF, 7, 0x20 + disp / 4);
               break;
            case 13:              /* ffree, ffreep */
               xr(&c, rng_below(&r, 2) ? 0xDD : 0xDF, 0xC0 + sti);
               break;
            default:              /* a popping arithmetic form */
               xr(&c, 0xDE, 0xC0 + (int)rng_below(&r, 64));
               break;
         }
      }
      fnstsw_ax(&c);
      run(cls, &c);
   }
}

/* ================================================================== */

void curated_x87(const char* only)
{
   only_cls = only;
   n_cases = 0;
   cur_move();
   cur_arith();
   cur_cmp();
   cur_math();
   cur_trans();
   cur_ctrl();
   cur_env();
   cur_fxsave();
   cur_xsave();
   cur_exact();
   /* X87_RANDOM=N and X87_SEED=S: more or other random sequences */
   const char* nr = getenv("X87_RANDOM");
   const char* sd = getenv("X87_SEED");
   cur_random(nr ? atoi(nr) : 3000,
              sd ? strtoull(sd, NULL, 0) : 0x87877878ULL);
}
