/* The curated cases of the differential harness: for every instruction
   class, each mnemonic at each width and in each operand form, with
   interesting values (0, 1, -1, the signed extremes, carries, shift
   counts 0/1/width-1/width/beyond, ...), built with the table-driven
   encoder and run by case_run (vexdiff.c).

   Register conventions: memory operands are addressed through R15 (the
   middle of the scratch area), R14/R13/R12 (SIB forms), RSP or RBP, so
   operand registers are chosen among the others; values narrower than a
   register are placed in its low bits with "garbage" above them, so that
   partial writes and zero-extension are checked too. */
#include <stdio.h>
#include <string.h>
#include "libvex_basictypes.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "native.h"
#include "encoder.h"
#include "vexdiff.h"

#define MID NATIVE_SCRATCH_MID

static const char* only_cls;
static unsigned    rot;      /* rotates addressing modes and patterns */

static Bool wanted(const char* cls)
{
   return only_cls == NULL || strstr(cls, only_cls) != NULL;
}

/* ------------------------------------------------------------------ */
/* Values                                                             */
/* ------------------------------------------------------------------ */

#define GARBAGE 0xA5C3E1F00F1E3C5AULL

static ULong szmask(int sz)
{
   return sz >= 8 ? ~0ULL : (1ULL << (8 * sz)) - 1;
}

/* The K-th interesting value at size SZ, with garbage above it. */
#define NVALS 8
static ULong val(int sz, int k)
{
   ULong m = szmask(sz), v;
   ULong smax = m >> 1;
   switch (k % NVALS) {
      case 0: v = 0; break;
      case 1: v = 1; break;
      case 2: v = smax; break;              /* signed max */
      case 3: v = smax + 1; break;          /* signed min */
      case 4: v = m; break;                 /* -1 */
      case 5: v = 0x3C5A96E1F00F1234ULL; break;
      case 6: v = 0x8000000000000001ULL; break;
      default: v = 0x7F; break;
   }
   return (v & m) | (GARBAGE & ~m);
}

/* Flag patterns: none, all, and mixtures. */
static ULong flags_pat(int k)
{
   static const ULong p[] = {
      0x000, 0x8D5, 0x001, 0x040, 0x080, 0x800, 0x880, 0x041, 0x004,
      0x010, 0x0C4, 0x845, 0x8C0, 0x011, 0x881, 0x0D5
   };
   return p[k % (int)(sizeof p / sizeof p[0])];
}

/* ------------------------------------------------------------------ */
/* Operand placement                                                  */
/* ------------------------------------------------------------------ */

static void set_reg(Case* c, int reg, int sz, Bool hi8, ULong v)
{
   if (hi8) {
      int r = reg - 4;
      c->in.gpr[r] = (c->in.gpr[r] & ~0xFF00ULL) | ((v & 0xFF) << 8);
      return;
   }
   ULong m = szmask(sz);
   c->in.gpr[reg] = (c->in.gpr[reg] & ~m) | (v & m);
}

/* Makes S's memory operand use addressing mode MODE, setting the
   registers it needs; returns the effective address. */
#define N_MEMMODES 10
static ULong use_mem(Case* c, EncSpec* s, int mode)
{
   s->rm_reg = -1;
   switch (mode % N_MEMMODES) {
      case 0: s->m_base = 15; s->m_disp = 8; return MID + 8;
      case 1: s->m_base = 15; s->m_disp = 0; return MID;
      case 2:
         s->m_base = 15; s->m_index = 14; s->m_scale = 4; s->m_disp = -16;
         c->in.gpr[14] = 4;
         return MID;
      case 3: s->m_base = ENC_RIP; s->m_disp = (Long)(MID + 24);
         return MID + 24;
      case 4:
         s->m_base = 13; s->m_index = 12; s->m_scale = 8; s->m_disp = -16;
         c->in.gpr[13] = MID; c->in.gpr[12] = 2;
         return MID;
      case 5: s->m_base = 4; s->m_disp = 16; return c->in.gpr[4] + 16;
      case 6:
         s->seg = 0x65; s->m_base = -1;
         s->m_disp = (Long)(NATIVE_SCRATCH_SIZE / 2 + 32);
         return MID + 32;
      case 7: s->asz32 = True; s->m_base = 15; s->m_disp = 40;
         return MID + 40;
      case 8: s->m_base = -1; s->m_disp = (Long)(MID + 48); return MID + 48;
      default:
         s->m_base = 5; s->m_disp = 0; c->in.gpr[5] = MID + 64;
         return MID + 64;
   }
}

/* Register choices for E and G operands: plain, legacy high bytes, REX
   byte registers / high registers, and the same register twice. */
typedef struct { int e, g; Bool hi8; } RegChoice;
static const RegChoice regsets[] = {
   { 3, 2, False }, { 4, 7, True }, { 9, 6, False }, { 10, 11, False },
   { 3, 3, False }, { 1, 8, False }
};
#define N_REGSETS ((int)(sizeof regsets / sizeof regsets[0]))

/* Places the operands of S->e (size SZ) with values VALS: operand MEMOP
   (or -1) in memory with addressing mode MEMMODE; E/G registers from
   RC. */
static void place(Case* c, EncSpec* s, int sz, const ULong* vals, int memop,
                  int memmode, RegChoice rc)
{
   const Amd64OpEntry* e = s->e;
   int k = 0;
   s->sz = sz;
   s->hi8 = rc.hi8;
   for (int i = 0; i < 4 && e->ops[i] != OPF_NONE; i++) {
      EncKind kind = enc_form_kind(e->ops[i]);
      int osz = enc_form_size(e->ops[i], sz);
      switch (kind) {
         case EK_E:
            if (i == memop) {
               ULong a = use_mem(c, s, memmode);
               case_patch(c, a, vals[i]);
            } else {
               s->rm_reg = rc.e;
               set_reg(c, rc.e, osz, rc.hi8 && osz == 1 && rc.e >= 4
                       && rc.e < 8, vals[i]);
            }
            break;
         case EK_M: {
            ULong a = use_mem(c, s, memmode);
            case_patch(c, a, vals[i]);
            break;
         }
         case EK_G:
            s->greg = rc.g;
            set_reg(c, rc.g, osz, rc.hi8 && osz == 1 && rc.g >= 4
                    && rc.g < 8, vals[i]);
            break;
         case EK_I:
            s->imm[k++] = vals[i];
            break;
         case EK_FIX:
            set_reg(c, e->ops[i] == OPF_CL ? 1 : e->ops[i] == OPF_DX ? 2 : 0,
                    osz, False, vals[i]);
            break;
         case EK_Z:
            set_reg(c, s->opc_low, osz, rc.hi8 && osz == 1 && s->opc_low >= 4
                    && s->opc_low < 8, vals[i]);
            break;
         default:
            break;
      }
   }
}

static ULong undef_mask(const Amd64OpEntry* e)
{
   return amd64_undef_rflags_mask(e->fl_undef);
}

/* Builds and runs a one-instruction case. */
static void one(const char* cls, const Amd64OpEntry* e, int sz, int opc_low,
                const ULong* vals, int memop, int memmode, RegChoice rc,
                ULong flags_in, Bool lock, ULong mask, const char* what)
{
   Case c;
   char desc[160];
   snprintf(desc, sizeof desc, "%s %s sz=%d %s%s", cls, e->mnem, sz, what,
            lock ? " lock" : "");
   case_begin(&c, desc);
   c.in.rflags = flags_in;
   c.mem_seed  = rot;
   EncSpec s;
   enc_init(&s, e, case_pc(&c));
   s.opc_low = opc_low;
   s.lock = lock;
   place(&c, &s, sz, vals, memop, memmode, rc);
   case_add(&c, &s);
   c.flag_mask = mask;
   case_run(cls, &c);
   rot++;
}

/* Which operand of E may be in memory: the E/M operand, or -1. */
static int mem_operand(const Amd64OpEntry* e)
{
   for (int i = 0; i < 4 && e->ops[i] != OPF_NONE; i++) {
      EncKind k = enc_form_kind(e->ops[i]);
      if (k == EK_E || k == EK_M)
         return i;
   }
   return -1;
}

static Bool has_v(const Amd64OpEntry* e)
{
   for (int i = 0; i < 4; i++) {
      switch (e->ops[i]) {
         case OPF_Ev: case OPF_Gv: case OPF_Mv: case OPF_Zv: case OPF_rAX:
         case OPF_Iz: case OPF_Iv: case OPF_Ibs: case OPF_Ov: case OPF_Ey:
         case OPF_Gy:
            return True;
         default:
            break;
      }
   }
   return False;
}

/* Runs entry E over sizes, register choices, memory forms and value
   pairs: the generic sweep most classes use.  NPAIRS value pairs per
   form; LOCKABLE adds locked memory forms. */
static void sweep(const char* cls, const Amd64OpEntry* e, int npairs,
                  ULong extra_undef)
{
   static const int vsizes[] = { 2, 4, 8 };
   int nsz = has_v(e) ? 3 : 1;
   int memop = mem_operand(e);
   ULong mask = FLAGS_ALL & ~undef_mask(e) & ~extra_undef;
   for (int si = 0; si < nsz; si++) {
      int sz = has_v(e) ? vsizes[si] : 4;
      for (int form = 0; form < (memop >= 0 ? 3 : 1); form++) {
         /* form 0: registers; 1: memory; 2: memory, locked */
         if (form == 2 && !(e->flags & AF_LOCK))
            continue;
         if (form == 0 && (e->flags & AF_MEM))
            continue;
         if (form > 0 && (e->flags & AF_REG))
            continue;
         for (int p = 0; p < npairs; p++) {
            ULong vals[4];
            int osz0 = enc_form_size(e->ops[0], sz);
            int osz1 = enc_form_size(e->ops[1], sz);
            vals[0] = val(osz0 ? osz0 : sz, p / NVALS + p * 3);
            vals[1] = val(osz1 ? osz1 : sz, p % NVALS);
            vals[2] = val(1, p * 5 + 1);
            vals[3] = 0;
            /* immediates: use the value as is (the encoder truncates) */
            RegChoice rc = regsets[(p + si) % N_REGSETS];
            if (form > 0 && rc.hi8)
               rc = regsets[0];
            if (rc.hi8 && has_v(e))
               rc = regsets[3];
            char what[64];
            snprintf(what, sizeof what, "%s pair %d",
                     form == 0 ? "reg" : "mem", p);
            one(cls, e, sz, 0, vals, form > 0 ? memop : -1, (int)rot,
                rc, flags_pat(p + si), form == 2, mask, what);
         }
      }
   }
}

/* ------------------------------------------------------------------ */
/* Arithmetic and logic                                               */
/* ------------------------------------------------------------------ */

static void cur_alu(void)
{
   static const char* const names[8] = {
      "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"
   };
   for (int k = 0; k < 8; k++) {
      char cls[32];
      snprintf(cls, sizeof cls, "alu-%s", names[k]);
      if (!wanted(cls))
         continue;
      UChar opcs[6] = { (UChar)(8 * k), (UChar)(8 * k + 1),
                        (UChar)(8 * k + 2), (UChar)(8 * k + 3),
                        (UChar)(8 * k + 4), (UChar)(8 * k + 5) };
      for (int f = 0; f < 6; f++)
         sweep(cls, need(AMD64_MAP_1B, opcs[f], -1, AMD64_PFX_ANY, "alu"),
               f < 2 ? 24 : 12, 0);
      sweep(cls, need(AMD64_MAP_1B, 0x80, k, AMD64_PFX_ANY, "alu"), 12, 0);
      sweep(cls, need(AMD64_MAP_1B, 0x81, k, AMD64_PFX_ANY, "alu"), 12, 0);
      sweep(cls, need(AMD64_MAP_1B, 0x83, k, AMD64_PFX_ANY, "alu"), 12, 0);
   }
}

static void cur_unary(void)
{
   if (wanted("test")) {
      sweep("test", need(AMD64_MAP_1B, 0x84, -1, AMD64_PFX_ANY, "test"), 16, 0);
      sweep("test", need(AMD64_MAP_1B, 0x85, -1, AMD64_PFX_ANY, "test"), 16, 0);
      sweep("test", need(AMD64_MAP_1B, 0xA8, -1, AMD64_PFX_ANY, "test"), 8, 0);
      sweep("test", need(AMD64_MAP_1B, 0xA9, -1, AMD64_PFX_ANY, "test"), 8, 0);
      sweep("test", need(AMD64_MAP_1B, 0xF6, 0, AMD64_PFX_ANY, "test"), 8, 0);
      sweep("test", need(AMD64_MAP_1B, 0xF7, 0, AMD64_PFX_ANY, "test"), 8, 0);
      sweep("test", need(AMD64_MAP_1B, 0xF7, 1, AMD64_PFX_ANY, "test"), 4, 0);
      sweep("test", need(AMD64_MAP_1B, 0xF6, 1, AMD64_PFX_ANY, "test"), 4, 0);
   }
   if (wanted("incdec")) {
      for (int x = 0; x < 2; x++) {
         sweep("incdec", need(AMD64_MAP_1B, 0xFE, x, AMD64_PFX_ANY,
                              "incdec"), 16, 0);
         sweep("incdec", need(AMD64_MAP_1B, 0xFF, x, AMD64_PFX_ANY,
                              "incdec"), 16, 0);
      }
   }
   if (wanted("notneg")) {
      for (int x = 2; x < 4; x++) {
         sweep("notneg", need(AMD64_MAP_1B, 0xF6, x, AMD64_PFX_ANY,
                              "notneg"), 16, 0);
         sweep("notneg", need(AMD64_MAP_1B, 0xF7, x, AMD64_PFX_ANY,
                              "notneg"), 16, 0);
      }
   }
}

/* ------------------------------------------------------------------ */
/* Multiply and divide                                                */
/* ------------------------------------------------------------------ */

static void cur_mul(void)
{
   if (wanted("mul")) {
      for (int x = 4; x < 6; x++) {
         for (int opc = 0xF6; opc <= 0xF7; opc++) {
            const Amd64OpEntry* e = need(AMD64_MAP_1B, (UChar)opc, x,
                                         AMD64_PFX_ANY, "mul");
            int nsz = opc == 0xF6 ? 1 : 3;
            for (int si = 0; si < nsz; si++) {
               int sz = opc == 0xF6 ? 1 : (int[]){ 2, 4, 8 }[si];
               for (int p = 0; p < 40; p++) {
                  Case c;
                  char d[96];
                  snprintf(d, sizeof d, "%s sz=%d pair %d", e->mnem, sz, p);
                  case_begin(&c, d);
                  c.mem_seed = rot;
                  c.in.rflags = flags_pat(p);
                  set_reg(&c, 0, sz, False, val(sz, p % NVALS));
                  ULong b = val(sz, p / NVALS + 2 * p);
                  EncSpec s;
                  enc_init(&s, e, case_pc(&c));
                  s.sz = sz == 1 ? 4 : sz;
                  if (p % 3 == 2) {
                     case_patch(&c, use_mem(&c, &s, (int)rot), b);
                  } else {
                     s.rm_reg = p % 3 == 0 ? 3 : 9;
                     set_reg(&c, s.rm_reg, sz, False, b);
                  }
                  case_add(&c, &s);
                  c.flag_mask = FLAGS_ALL & ~undef_mask(e);
                  case_run("mul", &c);
                  rot++;
               }
            }
         }
      }
   }
   if (wanted("imul")) {
      sweep("imul", need(AMD64_MAP_0F, 0xAF, -1, AMD64_PFX_ANY, "imul"), 24, 0);
      sweep("imul", need(AMD64_MAP_1B, 0x69, -1, AMD64_PFX_ANY, "imul"), 16, 0);
      sweep("imul", need(AMD64_MAP_1B, 0x6B, -1, AMD64_PFX_ANY, "imul"), 16, 0);
   }
}

static void cur_div(void)
{
   if (!wanted("div"))
      return;
   /* (high, low, divisor) in units of the operand size. */
   static const struct { Long hi, lo, d; } t[] = {
      { 0, 100, 7 }, { 0, 100, -7 }, { -1, -100, 7 }, { -1, -100, -7 },
      { 0, 0, 1 }, { 0, 5, 0 },                       /* zero divisor */
      { 1, 0, 1 },                                    /* overflow */
      { 0, -1, 1 }, { 0, -1, -1 }, { -1, 0, -1 },
      { 0, 1, 2 }, { 0x3, 0x12345, 0x10 },
      { -1, 0, 2 }, { 0, 0x7F, -1 },
   };
   for (int x = 6; x < 8; x++) {
      for (int opc = 0xF6; opc <= 0xF7; opc++) {
         const Amd64OpEntry* e = need(AMD64_MAP_1B, (UChar)opc, x,
                                      AMD64_PFX_ANY, "div");
         int nsz = opc == 0xF6 ? 1 : 3;
         for (int si = 0; si < nsz; si++) {
            int sz = opc == 0xF6 ? 1 : (int[]){ 2, 4, 8 }[si];
            ULong m = szmask(sz);
            int nt = (int)(sizeof t / sizeof t[0]);
            for (int i = 0; i < nt + 8; i++) {
               ULong hi, lo, dv;
               if (i < nt) {
                  hi = (ULong)t[i].hi; lo = (ULong)t[i].lo; dv = (ULong)t[i].d;
               } else {
                  /* edges: the most negative dividend over -1, big
                     quotients just inside and outside the range */
                  ULong smin = (m >> 1) + 1;
                  switch (i - nt) {
                     case 0: hi = ~0ULL; lo = smin; dv = ~0ULL; break;
                     case 1: hi = 0; lo = m; dv = 1; break;
                     case 2: hi = (m >> 1); lo = m; dv = m; break;
                     case 3: hi = (m >> 2); lo = 0; dv = m >> 1; break;
                     case 4: hi = ~0ULL; lo = smin; dv = 1; break;
                     case 5: hi = ~0ULL; lo = smin; dv = 2; break;
                     case 6: hi = 0; lo = smin; dv = ~0ULL; break;
                     default: hi = m >> 1; lo = m; dv = m >> 1; break;
                  }
               }
               Case c;
               char d[96];
               snprintf(d, sizeof d, "%s sz=%d #%d", e->mnem, sz, i);
               case_begin(&c, d);
               c.mem_seed = rot;
               c.in.rflags = flags_pat(i);
               if (sz == 1) {
                  set_reg(&c, 0, 2, False, ((hi & 0xFF) << 8) | (lo & 0xFF));
               } else {
                  set_reg(&c, 0, sz, False, lo);
                  set_reg(&c, 2, sz, False, hi);
               }
               EncSpec s;
               enc_init(&s, e, case_pc(&c));
               s.sz = sz == 1 ? 4 : sz;
               if (i % 3 == 1) {
                  case_patch(&c, use_mem(&c, &s, (int)rot), dv);
               } else {
                  s.rm_reg = i % 3 == 0 ? 3 : 10;
                  set_reg(&c, s.rm_reg, sz, False, dv);
               }
               case_add(&c, &s);
               c.flag_mask = FLAGS_ALL & ~undef_mask(e);
               case_run("div", &c);
               rot++;
            }
         }
      }
   }
}

/* ------------------------------------------------------------------ */
/* Shifts and rotates                                                 */
/* ------------------------------------------------------------------ */

/* The flags the SDM leaves undefined after shift/rotate KIND (the group-2
   /digit) of width W by masked count C. */
static ULong shift_undef(int kind, int w, UInt c, Bool is_shd)
{
   if (c == 0)
      return 0;
   ULong u = 0;
   if (c != 1)
      u |= FL_O;
   if (is_shd || kind >= 4) {
      u |= FL_A;
      if (!is_shd && kind != 7 && c >= (UInt)w)
         u |= FL_C;
   }
   return u;
}

static void cur_shift(void)
{
   static const char* const names[8] = {
      "rol", "ror", "rcl", "rcr", "shl", "shr", "sal", "sar"
   };
   static const UInt counts[] = { 0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32,
                                  33, 63, 64, 255 };
   for (int k = 0; k < 8; k++) {
      char cls[32];
      snprintf(cls, sizeof cls, "%s-%s", k < 2 ? "rotate" : k < 4 ? "rcx"
               : "shift", names[k]);
      if (!wanted(cls))
         continue;
      static const UChar opcs[6] = { 0xC0, 0xC1, 0xD0, 0xD1, 0xD2, 0xD3 };
      for (int f = 0; f < 6; f++) {
         const Amd64OpEntry* e = need(AMD64_MAP_1B, opcs[f], k, AMD64_PFX_ANY,
                                      NULL);
         int nsz = (opcs[f] & 1) ? 3 : 1;
         for (int si = 0; si < nsz; si++) {
            int sz = (opcs[f] & 1) ? (int[]){ 2, 4, 8 }[si] : 1;
            int w = 8 * sz;
            int ncounts = (opcs[f] == 0xD0 || opcs[f] == 0xD1) ? 1
                          : (int)(sizeof counts / sizeof counts[0]);
            for (int ci = 0; ci < ncounts; ci++) {
               for (int v = 0; v < 4; v++) {
                  UInt cnt = (opcs[f] == 0xD0 || opcs[f] == 0xD1) ? 1
                             : counts[ci];
                  Bool memf = (v == 3);
                  Case c;
                  char d[96];
                  snprintf(d, sizeof d, "%s sz=%d count=%u v=%d", names[k],
                           sz, cnt, v);
                  case_begin(&c, d);
                  c.mem_seed = rot;
                  /* carry in alternates (rcl/rcr) */
                  c.in.rflags = flags_pat(ci * 4 + v) ^ (ULong)(v & 1);
                  ULong x = val(sz, v == 0 ? 5 : v == 1 ? 3 : v == 2 ? 6 : 4);
                  EncSpec s;
                  enc_init(&s, e, case_pc(&c));
                  s.sz = sz == 1 ? 4 : sz;
                  if (memf) {
                     case_patch(&c, use_mem(&c, &s, (int)rot), x);
                  } else {
                     s.rm_reg = (int[]){ 3, 9, 0, 3 }[v];
                     s.hi8 = (v == 2 && sz == 1);
                     if (s.hi8) s.rm_reg = 7;       /* bh */
                     set_reg(&c, s.rm_reg, sz, s.hi8, x);
                  }
                  if (opcs[f] == 0xC0 || opcs[f] == 0xC1)
                     s.imm[0] = cnt;
                  else if (opcs[f] == 0xD2 || opcs[f] == 0xD3)
                     set_reg(&c, 1, 1, False, cnt);   /* cl */
                  case_add(&c, &s);
                  UInt mc = cnt & (sz == 8 ? 63u : 31u);
                  c.flag_mask = FLAGS_ALL & ~shift_undef(k, w, mc, False);
                  case_run(cls, &c);
                  rot++;
               }
            }
         }
      }
   }

   /* shld / shrd */
   if (wanted("shd")) {
      static const UChar opcs[4] = { 0xA4, 0xA5, 0xAC, 0xAD };
      static const UInt dcounts[] = { 0, 1, 2, 8, 15, 16, 17, 31, 32, 33, 63 };
      for (int f = 0; f < 4; f++) {
         const Amd64OpEntry* e = need(AMD64_MAP_0F, opcs[f], -1,
                                      AMD64_PFX_ANY, "shd");
         for (int si = 0; si < 3; si++) {
            int sz = (int[]){ 2, 4, 8 }[si];
            for (int ci = 0; ci < (int)(sizeof dcounts / sizeof dcounts[0]);
                 ci++) {
               UInt mc = dcounts[ci] & (sz == 8 ? 63u : 31u);
               if (sz == 2 && mc > 16)
                  continue;                  /* undefined */
               for (int v = 0; v < 3; v++) {
                  Case c;
                  char d[96];
                  snprintf(d, sizeof d, "%s sz=%d count=%u v=%d", e->mnem,
                           sz, dcounts[ci], v);
                  case_begin(&c, d);
                  c.mem_seed = rot;
                  c.in.rflags = flags_pat(ci + v);
                  EncSpec s;
                  enc_init(&s, e, case_pc(&c));
                  s.sz = sz;
                  ULong a = val(sz, v == 0 ? 5 : v == 1 ? 3 : 6);
                  ULong b = val(sz, v == 0 ? 6 : v == 1 ? 5 : 4);
                  if (v == 2) {
                     case_patch(&c, use_mem(&c, &s, (int)rot), a);
                  } else {
                     s.rm_reg = v == 0 ? 3 : 11;
                     set_reg(&c, s.rm_reg, sz, False, a);
                  }
                  s.greg = 6;
                  set_reg(&c, 6, sz, False, b);
                  if (opcs[f] & 1)
                     set_reg(&c, 1, 1, False, dcounts[ci]);
                  else
                     s.imm[0] = dcounts[ci];
                  case_add(&c, &s);
                  c.flag_mask = FLAGS_ALL & ~shift_undef(4, 8 * sz, mc, True);
                  case_run("shd", &c);
                  rot++;
               }
            }
         }
      }
   }
}

/* ------------------------------------------------------------------ */
/* Bit instructions                                                   */
/* ------------------------------------------------------------------ */

static void cur_bits(void)
{
   if (wanted("bt")) {
      static const UChar opcs[4] = { 0xA3, 0xAB, 0xB3, 0xBB };
      static const Long offs[] = { 0, 1, 7, 8, 15, 16, 31, 32, 63, 64, 100,
                                   -1, -8, -9, -100, 1000 };
      for (int k = 0; k < 4; k++) {
         const Amd64OpEntry* er = need(AMD64_MAP_0F, opcs[k], -1,
                                       AMD64_PFX_ANY, "bt");
         const Amd64OpEntry* ei = need(AMD64_MAP_0F, 0xBA, 4 + k,
                                       AMD64_PFX_ANY, "bt");
         for (int si = 0; si < 3; si++) {
            int sz = (int[]){ 2, 4, 8 }[si];
            for (int oi = 0; oi < (int)(sizeof offs / sizeof offs[0]); oi++) {
               for (int form = 0; form < 5; form++) {
                  /* 0: reg,reg  1: mem,reg  2: reg,imm  3: mem,imm
                     4: mem,reg locked */
                  if (form == 4 && k == 0)
                     continue;
                  if ((form == 2 || form == 3) && offs[oi] < 0)
                     continue;
                  const Amd64OpEntry* e = (form == 2 || form == 3) ? ei : er;
                  Case c;
                  char d[96];
                  snprintf(d, sizeof d, "%s sz=%d off=%lld form=%d", e->mnem,
                           sz, offs[oi], form);
                  case_begin(&c, d);
                  c.mem_seed = rot;
                  c.in.rflags = flags_pat(oi + form);
                  EncSpec s;
                  enc_init(&s, e, case_pc(&c));
                  s.sz = sz;
                  s.lock = form == 4;
                  ULong v = val(sz, oi + 5);
                  if (form == 1 || form == 3 || form == 4)
                     case_patch(&c, use_mem(&c, &s, oi % 2 ? 0 : 1), v);
                  else {
                     s.rm_reg = 3;
                     set_reg(&c, 3, sz, False, v);
                  }
                  if (form == 2 || form == 3) {
                     s.imm[0] = (ULong)offs[oi];
                  } else {
                     s.greg = 7;
                     set_reg(&c, 7, sz, False, (ULong)offs[oi]);
                  }
                  case_add(&c, &s);
                  c.flag_mask = FLAGS_ALL & ~undef_mask(e);
                  case_run("bt", &c);
                  rot++;
               }
            }
         }
      }
   }
   if (wanted("bitscan")) {
      static const struct { UChar map, opc, pfx; } ops[] = {
         { AMD64_MAP_0F, 0xBC, AMD64_PFX_ANY }, { AMD64_MAP_0F, 0xBD, AMD64_PFX_ANY },
         { AMD64_MAP_0F, 0xBC, AMD64_PFX_F3 }, { AMD64_MAP_0F, 0xBD, AMD64_PFX_F3 },
         { AMD64_MAP_0F, 0xB8, AMD64_PFX_F3 },
      };
      static const ULong srcs[] = {
         0, 1, 2, 0x80, 0x8000, 0x80000000, 0x8000000000000000ULL, 0x10,
         0xFFFFFFFFFFFFFFFFULL, 0x0000F00000000000ULL, 0x00010000,
         0x0123456789ABCDEFULL
      };
      for (int i = 0; i < 5; i++) {
         const Amd64OpEntry* e = need(ops[i].map, ops[i].opc, -1, ops[i].pfx,
                                      NULL);
         for (int si = 0; si < 3; si++) {
            int sz = (int[]){ 2, 4, 8 }[si];
            for (int v = 0; v < (int)(sizeof srcs / sizeof srcs[0]); v++) {
               for (int memf = 0; memf < 2; memf++) {
                  ULong vals[2] = { val(sz, v + 3), srcs[v] };
                  RegChoice rc = { 3, 2, False };
                  if (v & 1) { rc.e = 9; rc.g = 10; }
                  one("bitscan", e, sz, 0, vals, memf ? 1 : -1, (int)rot, rc,
                      flags_pat(v), False, FLAGS_ALL & ~undef_mask(e),
                      memf ? "mem" : "reg");
                  /* the ZF-only source on zero with garbage above */
                  if (sz < 8 && v == 0) {
                     ULong g[2] = { val(sz, 5), 0xFFFFFFFF00000000ULL };
                     one("bitscan", e, sz, 0, g, -1, (int)rot, rc,
                         flags_pat(v + 1), False,
                         FLAGS_ALL & ~undef_mask(e), "zero-low");
                  }
               }
            }
         }
      }
   }
   if (wanted("bswap")) {
      const Amd64OpEntry* e = need(AMD64_MAP_0F, 0xC8, -1, AMD64_PFX_ANY,
                                   "bswap");
      for (int r = 0; r < 16; r++) {
         if (r == 4)
            continue;
         for (int si = 0; si < 2; si++) {
            int sz = si ? 8 : 4;
            ULong vals[1] = { 0x0102030405060708ULL + (ULong)r };
            RegChoice rc = regsets[0];
            Case c;
            char d[64];
            snprintf(d, sizeof d, "bswap r%d sz=%d", r, sz);
            case_begin(&c, d);
            EncSpec s;
            enc_init(&s, e, case_pc(&c));
            s.opc_low = r;
            place(&c, &s, sz, vals, -1, 0, rc);
            case_add(&c, &s);
            case_run("bswap", &c);
         }
      }
   }
   if (wanted("movbe")) {
      sweep("movbe", need(AMD64_MAP_0F38, 0xF0, -1, AMD64_PFX_ANY, "movbe"),
            8, 0);
      sweep("movbe", need(AMD64_MAP_0F38, 0xF1, -1, AMD64_PFX_ANY, "movbe"),
            8, 0);
   }
   if (wanted("crc32")) {
      sweep("crc32", need(AMD64_MAP_0F38, 0xF0, -1, AMD64_PFX_F2, "crc32"),
            12, 0);
      sweep("crc32", need(AMD64_MAP_0F38, 0xF1, -1, AMD64_PFX_F2, "crc32"),
            12, 0);
   }
}

/* ------------------------------------------------------------------ */
/* Moves                                                              */
/* ------------------------------------------------------------------ */

static void cur_mov(void)
{
   if (wanted("mov")) {
      static const UChar opcs[] = { 0x88, 0x89, 0x8A, 0x8B };
      for (int i = 0; i < 4; i++)
         sweep("mov", need(AMD64_MAP_1B, opcs[i], -1, AMD64_PFX_ANY, "mov"),
               8, 0);
      sweep("mov", need(AMD64_MAP_1B, 0xC6, 0, AMD64_PFX_ANY, "mov"), 8, 0);
      sweep("mov", need(AMD64_MAP_1B, 0xC7, 0, AMD64_PFX_ANY, "mov"), 8, 0);
      /* B0+r, B8+r over all registers */
      const Amd64OpEntry* eb = need(AMD64_MAP_1B, 0xB0, -1, AMD64_PFX_ANY,
                                    "mov");
      const Amd64OpEntry* ev = need(AMD64_MAP_1B, 0xB8, -1, AMD64_PFX_ANY,
                                    "mov");
      for (int r = 0; r < 16; r++) {
         for (int h = 0; h < 2; h++) {
            if (h && (r < 4 || r >= 8))
               continue;
            ULong vals[2] = { 0, val(1, r) };
            RegChoice rc = { 0, 0, h ? True : False };
            Case c;
            case_begin(&c, "mov imm8 to Zb");
            EncSpec s;
            enc_init(&s, eb, case_pc(&c));
            s.opc_low = r;
            place(&c, &s, 4, vals, -1, 0, rc);
            case_add(&c, &s);
            case_run("mov", &c);
         }
         if (r == 4)
            continue;
         for (int si = 0; si < 3; si++) {
            int sz = (int[]){ 2, 4, 8 }[si];
            ULong vals[2] = { 0, val(sz, r + si) };
            Case c;
            case_begin(&c, "mov imm to Zv");
            EncSpec s;
            enc_init(&s, ev, case_pc(&c));
            s.opc_low = r;
            place(&c, &s, sz, vals, -1, 0, regsets[0]);
            case_add(&c, &s);
            case_run("mov", &c);
         }
      }
   }
   if (wanted("moffs")) {
      /* A0..A3: absolute addresses in the scratch area (and with 67) */
      for (int opc = 0xA0; opc <= 0xA3; opc++) {
         const Amd64OpEntry* e = need(AMD64_MAP_1B, (UChar)opc, -1,
                                      AMD64_PFX_ANY, "moffs");
         for (int si = 0; si < 3; si++) {
            int sz = (int[]){ 2, 4, 8 }[si];
            for (int a32 = 0; a32 < 2; a32++) {
               Case c;
               case_begin(&c, "moffs");
               EncSpec s;
               enc_init(&s, e, case_pc(&c));
               s.sz = sz;
               s.asz32 = a32;
               s.m_disp = (Long)(MID + 16 + 8 * (ULong)si);
               set_reg(&c, 0, 8, False, val(8, opc + si));
               case_patch(&c, MID + 16 + 8 * (ULong)si, val(8, si + 4));
               case_add(&c, &s);
               case_run("moffs", &c);
            }
         }
      }
   }
   if (wanted("movx")) {
      static const UChar opcs[] = { 0xB6, 0xB7, 0xBE, 0xBF };
      for (int i = 0; i < 4; i++)
         sweep("movx", need(AMD64_MAP_0F, opcs[i], -1, AMD64_PFX_ANY, "movx"),
               8, 0);
      const Amd64OpEntry* e = enc_find_ops(AMD64_MAP_1B, 0x63, -1, OPF_Gv,
                                           OPF_Ed);
      sweep("movx", e, 8, 0);
      /* the REX.W = 0 form (a plain 32-bit move) */
      for (int f = 0; f < 2; f++) {
         const Amd64OpEntry* t0 = NULL;
         const Amd64OpTable* const* tb = amd64_all_optables();
         for (int q = 0; tb[q]; q++)
            for (int j = 0; j < tb[q]->n_entries; j++)
               if (tb[q]->entries[j].map == AMD64_MAP_1B
                   && tb[q]->entries[j].opc == 0x63
                   && (tb[q]->entries[j].flags & AF_W0))
                  t0 = &tb[q]->entries[j];
         if (t0 == NULL)
            break;
         for (int p = 0; p < 8; p++) {
            ULong vals[2] = { val(4, p), val(4, p + 3) };
            one("movx", t0, 4, 0, vals, f ? 1 : -1, (int)rot, regsets[0],
                0, False, FLAGS_ALL, "movsxd32");
         }
      }
   }
   if (wanted("lea")) {
      const Amd64OpEntry* e = need(AMD64_MAP_1B, 0x8D, -1, AMD64_PFX_ANY,
                                   "lea");
      for (int si = 0; si < 3; si++) {
         int sz = (int[]){ 2, 4, 8 }[si];
         for (int m = 0; m < N_MEMMODES; m++) {
            for (int v = 0; v < 3; v++) {
               Case c;
               case_begin(&c, "lea");
               c.in.gpr[15] = v == 0 ? MID : v == 1 ? 0xFFFFFFFFFFFFFFF0ULL
                                                    : 0x00000001FFFFFFF8ULL;
               EncSpec s;
               enc_init(&s, e, case_pc(&c));
               s.sz = sz;
               s.greg = (int[]){ 0, 3, 9 }[v];
               use_mem(&c, &s, m);
               if (m == 6 || m == 3)
                  s.m_disp += v;          /* segment ignored; rip-relative */
               if (v == 2 && m == 0)
                  s.m_dispsz = 4;
               case_add(&c, &s);
               case_run("lea", &c);
            }
         }
      }
   }
   if (wanted("convert")) {
      const Amd64OpEntry* e98 = need(AMD64_MAP_1B, 0x98, -1, AMD64_PFX_ANY,
                                     "convert");
      const Amd64OpEntry* e99 = need(AMD64_MAP_1B, 0x99, -1, AMD64_PFX_ANY,
                                     "convert");
      for (int si = 0; si < 3; si++) {
         int sz = (int[]){ 2, 4, 8 }[si];
         for (int v = 0; v < NVALS; v++) {
            for (int w = 0; w < 2; w++) {
               Case c;
               case_begin(&c, w ? "cwd/cdq/cqo" : "cbw/cwde/cdqe");
               c.in.gpr[0] = val(sz, v) ^ (v & 1 ? 0x80ULL << (4 * sz) : 0);
               EncSpec s;
               enc_init(&s, w ? e99 : e98, case_pc(&c));
               s.sz = sz;
               case_add(&c, &s);
               case_run("convert", &c);
            }
         }
      }
   }
}

/* ------------------------------------------------------------------ */
/* Exchanges and atomics                                              */
/* ------------------------------------------------------------------ */

static void cur_xchg(void)
{
   if (wanted("xchg")) {
      sweep("xchg", need(AMD64_MAP_1B, 0x86, -1, AMD64_PFX_ANY, "xchg"), 8, 0);
      sweep("xchg", need(AMD64_MAP_1B, 0x87, -1, AMD64_PFX_ANY, "xchg"), 8, 0);
      const Amd64OpEntry* e = enc_find_ops(AMD64_MAP_1B, 0x90, -1, OPF_Zv,
                                           OPF_rAX);
      for (int r = 0; r < 16; r++) {
         if (r == 4)
            continue;
         for (int si = 0; si < 3; si++) {
            int sz = (int[]){ 2, 4, 8 }[si];
            if (r == 0 && sz != 4)
               continue;    /* 90 is nop; 66 90 is a nop too */
            if (r == 0)
               continue;
            Case c;
            case_begin(&c, "xchg Zv, rAX");
            EncSpec s;
            enc_init(&s, e, case_pc(&c));
            s.opc_low = r;
            ULong vals[2] = { val(sz, r), val(sz, r + 3) };
            place(&c, &s, sz, vals, -1, 0, regsets[0]);
            case_add(&c, &s);
            case_run("xchg", &c);
         }
      }
      /* xchg %eax,%eax (87 C0) zero-extends; 90 does not */
      for (int k = 0; k < 2; k++) {
         Case c;
         case_begin(&c, k ? "90 nop" : "87 c0");
         c.in.gpr[0] = 0xFFFFFFFF12345678ULL;
         UChar b87[2] = { 0x87, 0xC0 }, b90[1] = { 0x90 };
         if (k) case_add_bytes(&c, b90, 1); else case_add_bytes(&c, b87, 2);
         case_run("xchg", &c);
      }
   }
   if (wanted("cmpxchg")) {
      for (int opc = 0xB0; opc <= 0xB1; opc++) {
         const Amd64OpEntry* e = need(AMD64_MAP_0F, (UChar)opc, -1,
                                      AMD64_PFX_ANY, "cmpxchg");
         int nsz = opc == 0xB0 ? 1 : 3;
         for (int si = 0; si < nsz; si++) {
            int sz = opc == 0xB0 ? 1 : (int[]){ 2, 4, 8 }[si];
            for (int form = 0; form < 4; form++) {
               /* 0 reg, 1 mem, 2 mem locked, 3 reg = accumulator */
               for (int succ = 0; succ < 2; succ++) {
                  for (int v = 0; v < 4; v++) {
                     Case c;
                     char d[96];
                     snprintf(d, sizeof d, "cmpxchg sz=%d form=%d %s v=%d",
                              sz, form, succ ? "equal" : "different", v);
                     case_begin(&c, d);
                     c.mem_seed = rot;
                     c.in.rflags = flags_pat(v + form);
                     EncSpec s;
                     enc_init(&s, e, case_pc(&c));
                     s.sz = sz == 1 ? 4 : sz;
                     s.lock = form == 2;
                     ULong acc = val(sz, v + 4);
                     ULong cur = succ ? acc : val(sz, v + 1);
                     set_reg(&c, 0, sz, False, acc);
                     s.greg = 6;
                     set_reg(&c, 6, sz, False, val(sz, v + 2));
                     if (form == 1 || form == 2) {
                        ULong a = use_mem(&c, &s, (int)rot);
                        case_patch(&c, a, (cur & szmask(sz))
                                          | (GARBAGE & ~szmask(sz)));
                     } else if (form == 0) {
                        s.rm_reg = 3;
                        set_reg(&c, 3, sz, False, cur);
                     } else {
                        s.rm_reg = 0;
                     }
                     case_add(&c, &s);
                     case_run("cmpxchg", &c);
                     rot++;
                  }
               }
            }
         }
      }
   }
   if (wanted("cmpxchg8b")) {
      for (int w = 0; w < 2; w++) {
         const Amd64OpEntry* e = NULL;
         const Amd64OpTable* const* tb = amd64_all_optables();
         for (int q = 0; tb[q]; q++)
            for (int j = 0; j < tb[q]->n_entries; j++)
               if (strcmp(tb[q]->entries[j].cls, "cmpxchg8b") == 0
                   && tb[q]->entries[j].arg == (w ? 8 : 4))
                  e = &tb[q]->entries[j];
         int hsz = w ? 8 : 4;
         for (int succ = 0; succ < 2; succ++) {
            for (int v = 0; v < 6; v++) {
               for (int lk = 0; lk < 2; lk++) {
                  Case c;
                  char d[96];
                  snprintf(d, sizeof d, "%s %s v=%d", e->mnem,
                           succ ? "equal" : "different", v);
                  case_begin(&c, d);
                  c.in.rflags = flags_pat(v);
                  EncSpec s;
                  enc_init(&s, e, case_pc(&c));
                  s.lock = lk;
                  s.sz = w ? 8 : 4;
                  ULong lo = val(hsz, v), hi = val(hsz, v + 3);
                  set_reg(&c, 0, hsz, False, lo);
                  set_reg(&c, 2, hsz, False, hi);
                  set_reg(&c, 3, hsz, False, val(hsz, v + 1));
                  set_reg(&c, 1, hsz, False, val(hsz, v + 2));
                  /* aligned, except for one misaligned cmpxchg16b */
                  s.m_base = 15;
                  s.m_disp = (w && v == 5) ? 8 : 16;
                  s.rm_reg = -1;
                  ULong a = MID + (ULong)s.m_disp;
                  ULong mlo = succ ? lo : lo ^ (v & 1 ? 1 : 0x100);
                  ULong mhi = succ ? hi : hi ^ (v & 1 ? 0 : 0x10);
                  if (!succ && mlo == lo && mhi == hi)
                     mhi ^= 1;
                  if (w) {
                     case_patch(&c, a, mlo);
                     case_patch(&c, a + 8, mhi);
                  } else {
                     case_patch(&c, a, (mlo & 0xFFFFFFFF) | (mhi << 32));
                  }
                  case_add(&c, &s);
                  case_run("cmpxchg8b", &c);
               }
            }
         }
      }
   }
   if (wanted("xadd")) {
      sweep("xadd", need(AMD64_MAP_0F, 0xC0, -1, AMD64_PFX_ANY, "xadd"), 12, 0);
      sweep("xadd", need(AMD64_MAP_0F, 0xC1, -1, AMD64_PFX_ANY, "xadd"), 12, 0);
   }
}

/* ------------------------------------------------------------------ */
/* Conditions                                                         */
/* ------------------------------------------------------------------ */

/* Flag patterns that make every condition both true and false. */
static ULong cond_flags(int k)
{
   return flags_pat(k);
}

static void cur_cond(void)
{
   if (wanted("cmov")) {
      const Amd64OpEntry* e = need(AMD64_MAP_0F, 0x40, -1, AMD64_PFX_ANY,
                                   "cmov");
      for (int cc = 0; cc < 16; cc++)
         for (int si = 0; si < 3; si++)
            for (int f = 0; f < 16; f++) {
               int sz = (int[]){ 2, 4, 8 }[si];
               ULong vals[2] = { val(sz, f + cc), val(sz, f + 4) };
               one("cmov", e, sz, cc, vals, f % 4 == 3 ? 1 : -1, (int)rot,
                   regsets[(f / 4) % 4 == 1 ? 0 : (f / 4) % 4],
                   cond_flags(f), False, FLAGS_ALL, "cc");
            }
   }
   if (wanted("setcc")) {
      const Amd64OpEntry* e = need(AMD64_MAP_0F, 0x90, -1, AMD64_PFX_ANY,
                                   "setcc");
      for (int cc = 0; cc < 16; cc++)
         for (int f = 0; f < 16; f++) {
            ULong vals[1] = { 0 };
            RegChoice rc = regsets[f % 3];
            one("setcc", e, 4, cc, vals, f % 4 == 3 ? 0 : -1, (int)rot, rc,
                cond_flags(f), False, FLAGS_ALL, "cc");
         }
   }
   if (wanted("jcc")) {
      const Amd64OpEntry* e8  = need(AMD64_MAP_1B, 0x70, -1, AMD64_PFX_ANY,
                                     "jcc");
      const Amd64OpEntry* e32 = need(AMD64_MAP_0F, 0x80, -1, AMD64_PFX_ANY,
                                     "jcc");
      const Amd64OpEntry* mv  = need(AMD64_MAP_1B, 0xB8, -1, AMD64_PFX_ANY,
                                     "mov");
      for (int cc = 0; cc < 16; cc++)
         for (int f = 0; f < 16; f++)
            for (int w = 0; w < 2; w++) {
               /* jcc L; mov $1, %r8d; L: mov $2, %r9d */
               Case c;
               case_begin(&c, w ? "jcc rel32" : "jcc rel8");
               c.in.rflags = cond_flags(f);
               c.chase = f & 1;
               EncSpec j, m1, m2;
               enc_init(&m1, mv, 0);
               m1.opc_low = 8; m1.sz = 4; m1.imm[0] = 1;
               enc_init(&m2, mv, 0);
               m2.opc_low = 9; m2.sz = 4; m2.imm[0] = 2;
               UChar tmp[16];
               m1.addr = 0;
               Int l1 = enc_insn(&m1, tmp);
               enc_init(&j, w ? e32 : e8, case_pc(&c));
               j.opc_low = cc;
               Int lj = w ? 6 : 2;
               j.imm[0] = case_pc(&c) + (Addr64)lj + (Addr64)l1;
               case_add(&c, &j);
               case_add(&c, &m1);
               case_add(&c, &m2);
               case_run("jcc", &c);
            }
   }
}

/* The flag specialiser's cases: a flag-setting instruction followed in
   the same block by setcc, cmovcc or jcc on every condition, so that the
   conditions come from the specialised expressions. */
static void cur_spec(void)
{
   static const struct { const char* name; UChar opc; Int ext; } setters[] = {
      { "cmp", 0x39, -1 }, { "sub", 0x29, -1 }, { "test", 0x85, -1 },
      { "and", 0x21, -1 }, { "add", 0x01, -1 }, { "or", 0x09, -1 },
      { "xor", 0x31, -1 }, { "inc", 0xFF, 0 }, { "dec", 0xFF, 1 },
      { "shl", 0xD1, 4 }, { "shr", 0xD1, 5 }, { "neg", 0xF7, 3 },
      { "sbb", 0x19, -1 }, { "adc", 0x11, -1 },
   };
   const Amd64OpEntry* set = need(AMD64_MAP_0F, 0x90, -1, AMD64_PFX_ANY,
                                  "setcc");
   const Amd64OpEntry* cmv = need(AMD64_MAP_0F, 0x40, -1, AMD64_PFX_ANY,
                                  "cmov");
   const Amd64OpEntry* jc  = need(AMD64_MAP_1B, 0x70, -1, AMD64_PFX_ANY,
                                  "jcc");
   const Amd64OpEntry* mv  = need(AMD64_MAP_1B, 0xB8, -1, AMD64_PFX_ANY,
                                  "mov");
   for (unsigned si = 0; si < sizeof setters / sizeof setters[0]; si++) {
      char cls[32];
      snprintf(cls, sizeof cls, "spec-%s", setters[si].name);
      if (!wanted(cls))
         continue;
      const Amd64OpEntry* e = enc_find(AMD64_MAP_1B, setters[si].opc,
                                       setters[si].ext, AMD64_PFX_ANY, NULL);
      for (int wz = 0; wz < 4; wz++) {
         int sz = (int[]){ 1, 2, 4, 8 }[wz];
         if (sz == 1) {
            /* the byte forms: opcode - 1 (and D0/FE/F6 groups) */
            UChar o = setters[si].opc;
            e = enc_find(AMD64_MAP_1B, (UChar)(o - 1), setters[si].ext,
                         AMD64_PFX_ANY, NULL);
         } else {
            e = enc_find(AMD64_MAP_1B, setters[si].opc, setters[si].ext,
                         AMD64_PFX_ANY, NULL);
         }
         for (int cc = 0; cc < 16; cc++) {
            for (int p = 0; p < 12; p++) {
               int user = p % 3;        /* setcc, cmov, jcc */
               Case c;
               char d[96];
               snprintf(d, sizeof d, "%s sz=%d cc=%d pair %d user %d",
                        setters[si].name, sz, cc, p, user);
               case_begin(&c, d);
               c.in.rflags = flags_pat(p + cc);
               c.chase = p & 1;
               EncSpec s;
               enc_init(&s, e, case_pc(&c));
               s.sz = sz == 1 ? 4 : sz;
               s.rm_reg = 3;
               s.greg = 6;
               static const int pa[12] = { 0, 1, 2, 3, 4, 5, 1, 3, 4, 2, 6, 7 };
               static const int pb[12] = { 0, 1, 3, 2, 4, 1, 4, 0, 2, 5, 6, 3 };
               set_reg(&c, 3, sz, False, val(sz, pa[p]));
               set_reg(&c, 6, sz, False, p == 11 ? val(sz, pa[p]) : val(sz, pb[p]));
               case_add(&c, &s);
               if (user == 0) {
                  EncSpec t;
                  enc_init(&t, set, 0);
                  t.opc_low = cc;
                  t.rm_reg = 7;
                  case_add(&c, &t);
               } else if (user == 1) {
                  EncSpec t;
                  enc_init(&t, cmv, 0);
                  t.opc_low = cc;
                  t.sz = 8;
                  t.greg = 7;
                  t.rm_reg = 1;
                  case_add(&c, &t);
               } else {
                  EncSpec j, m1;
                  enc_init(&m1, mv, 0);
                  m1.opc_low = 8; m1.sz = 4; m1.imm[0] = 1;
                  UChar tmp[16];
                  Int l1 = enc_insn(&m1, tmp);
                  enc_init(&j, jc, case_pc(&c));
                  j.opc_low = cc;
                  j.imm[0] = case_pc(&c) + 2 + (Addr64)l1;
                  case_add(&c, &j);
                  case_add(&c, &m1);
               }
               ULong mask = FLAGS_ALL & ~undef_mask(e);
               if (setters[si].opc == 0xD1 || setters[si].opc == 0xD0)
                  mask &= ~FL_A;
               /* conditions reading an undefined flag are not compared:
                  (only AF is undefined here, and no condition reads it) */
               c.flag_mask = mask;
               case_run(cls, &c);
            }
         }
      }
   }
}

/* ------------------------------------------------------------------ */
/* Control transfers and the stack                                    */
/* ------------------------------------------------------------------ */

static void cur_stack(void)
{
   if (wanted("push") || wanted("pop")) {
      const Amd64OpEntry* pz = need(AMD64_MAP_1B, 0x50, -1, AMD64_PFX_ANY,
                                    "push");
      const Amd64OpEntry* qz = need(AMD64_MAP_1B, 0x58, -1, AMD64_PFX_ANY,
                                    "pop");
      for (int r = 0; r < 16; r++)
         for (int sz = 2; sz <= 8; sz += 6) {
            Case c;
            case_begin(&c, "push Zv; pop Zv");
            EncSpec s, t;
            enc_init(&s, pz, 0);
            s.opc_low = r; s.sz = sz;
            enc_init(&t, qz, 0);
            t.opc_low = (r + 3) % 16; t.sz = sz;
            case_add(&c, &s);
            case_add(&c, &t);
            case_run("push", &c);
         }
      /* push imm8 / imm32, push Ev, pop Ev (also RSP-relative) */
      const Amd64OpEntry* pib = need(AMD64_MAP_1B, 0x6A, -1, AMD64_PFX_ANY,
                                     "push");
      const Amd64OpEntry* piz = need(AMD64_MAP_1B, 0x68, -1, AMD64_PFX_ANY,
                                     "push");
      const Amd64OpEntry* pe  = need(AMD64_MAP_1B, 0xFF, 6, AMD64_PFX_ANY,
                                     "push");
      const Amd64OpEntry* qe  = need(AMD64_MAP_1B, 0x8F, 0, AMD64_PFX_ANY,
                                     "pop");
      for (int v = 0; v < NVALS; v++)
         for (int sz = 2; sz <= 8; sz += 6) {
            Case c;
            case_begin(&c, "push imm");
            EncSpec s;
            enc_init(&s, v & 1 ? pib : piz, 0);
            s.sz = sz; s.imm[0] = val(4, v);
            case_add(&c, &s);
            case_run("push", &c);
         }
      for (int m = 0; m < N_MEMMODES; m++)
         for (int sz = 2; sz <= 8; sz += 6)
            for (int k = 0; k < 3; k++) {
               Case c;
               case_begin(&c, k == 0 ? "push Ev" : k == 1 ? "pop Ev"
                                                           : "push/pop reg");
               c.mem_seed = rot++;
               EncSpec s;
               enc_init(&s, k == 1 ? qe : pe, 0);
               s.sz = sz;
               if (k == 2)
                  s.rm_reg = (m * 3) % 16;
               else
                  use_mem(&c, &s, m);
               case_add(&c, &s);
               case_run(k == 1 ? "pop" : "push", &c);
            }
      /* push %rsp; pop %rsp; pop (%rsp) */
      static const UChar seqs[][8] = {
         { 1, 0x54 }, { 1, 0x5C }, { 3, 0x8F, 0x04, 0x24 },
         { 4, 0xFF, 0x74, 0x24, 0x08 }, { 2, 0x66, 0x54 }, { 2, 0x66, 0x5C },
         { 4, 0x8F, 0x44, 0x24, 0xF8 },
      };
      for (unsigned i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
         Case c;
         case_begin(&c, "push/pop with rsp");
         case_add_bytes(&c, seqs[i] + 1, seqs[i][0]);
         case_run("push", &c);
      }
   }
   if (wanted("enter")) {
      const Amd64OpEntry* en = need(AMD64_MAP_1B, 0xC8, -1, AMD64_PFX_ANY,
                                    "enter");
      const Amd64OpEntry* lv = need(AMD64_MAP_1B, 0xC9, -1, AMD64_PFX_ANY,
                                    "enter");
      static const ULong frames[] = { 0, 8, 16, 0x100, 0x7F8 };
      for (unsigned i = 0; i < sizeof frames / sizeof frames[0]; i++)
         for (int k = 0; k < 3; k++) {
            Case c;
            case_begin(&c, k == 0 ? "enter" : k == 1 ? "enter; leave"
                                                     : "leave");
            c.in.gpr[5] = MID + 0x40 + 8 * i;
            EncSpec s, t;
            enc_init(&s, en, 0);
            s.sz = 8; s.imm[0] = frames[i]; s.imm[1] = 0;
            enc_init(&t, lv, 0);
            t.sz = 8;
            if (k < 2) case_add(&c, &s);
            if (k > 0) case_add(&c, &t);
            case_run("enter", &c);
         }
   }
   if (wanted("pushf")) {
      const Amd64OpEntry* pf = need(AMD64_MAP_1B, 0x9C, -1, AMD64_PFX_ANY,
                                    "pushf");
      const Amd64OpEntry* qf = need(AMD64_MAP_1B, 0x9D, -1, AMD64_PFX_ANY,
                                    "pushf");
      const Amd64OpEntry* pe = need(AMD64_MAP_1B, 0x68, -1, AMD64_PFX_ANY,
                                    "push");
      for (int f = 0; f < 16; f++) {
         Case c;
         case_begin(&c, "pushfq");
         c.in.rflags = flags_pat(f) | (f & 1 ? FL_DF : 0);
         EncSpec s;
         enc_init(&s, pf, 0);
         s.sz = 8;
         case_add(&c, &s);
         case_run("pushf", &c);
         /* push $flags; popfq: the arithmetic flags and DF */
         Case d;
         case_begin(&d, "push imm; popfq");
         EncSpec p, q;
         enc_init(&p, pe, 0);
         p.sz = 8;
         p.imm[0] = flags_pat(f + 3) | 0x202 | (f & 2 ? FL_DF : 0)
                    | (f & 4 ? (1ULL << 21) : 0);
         enc_init(&q, qf, 0);
         q.sz = 8;
         case_add(&d, &p);
         case_add(&d, &q);
         case_run("pushf", &d);
      }
   }
   if (wanted("call")) {
      const Amd64OpEntry* call = need(AMD64_MAP_1B, 0xE8, -1, AMD64_PFX_ANY,
                                      "call");
      const Amd64OpEntry* ret  = need(AMD64_MAP_1B, 0xC3, -1, AMD64_PFX_ANY,
                                      "ret");
      const Amd64OpEntry* reti = need(AMD64_MAP_1B, 0xC2, -1, AMD64_PFX_ANY,
                                      "ret");
      const Amd64OpEntry* jmp8 = need(AMD64_MAP_1B, 0xEB, -1, AMD64_PFX_ANY,
                                      "jmp");
      const Amd64OpEntry* jmpz = need(AMD64_MAP_1B, 0xE9, -1, AMD64_PFX_ANY,
                                      "jmp");
      const Amd64OpEntry* calli = need(AMD64_MAP_1B, 0xFF, 2, AMD64_PFX_ANY,
                                       "call");
      const Amd64OpEntry* jmpi = need(AMD64_MAP_1B, 0xFF, 4, AMD64_PFX_ANY,
                                      "jmp");
      const Amd64OpEntry* mv   = need(AMD64_MAP_1B, 0xB8, -1, AMD64_PFX_ANY,
                                      "mov");
      const Amd64OpEntry* lea  = need(AMD64_MAP_1B, 0x8D, -1, AMD64_PFX_ANY,
                                      "lea");
      for (int k = 0; k < 12; k++) {
         /* layout: [call F | call *reg | call *mem]; mov $1,%r8d;
            jmp END; F: mov $2,%r9d; ret [imm]; END: */
         Case c;
         case_begin(&c, "call/ret");
         c.chase = k & 1;
         /* assemble twice: first to learn the offsets */
         Addr64 F = 0, END = 0;
         for (int pass = 0; pass < 2; pass++) {
            c.len = 0; c.n = 0; c.n_patch = 0; c.bad = False;
            if (pass == 0)
               F = END = NATIVE_CODE_ADDR;
            EncSpec s;
            int kind = k % 3;
            if (kind == 1) {
               enc_init(&s, lea, 0);
               s.sz = 8; s.greg = 3; s.m_base = ENC_RIP; s.m_disp = (Long)F;
               s.rm_reg = -1;
               case_add(&c, &s);
               enc_init(&s, calli, 0);
               s.sz = 8; s.rm_reg = 3;
            } else if (kind == 2) {
               enc_init(&s, calli, 0);
               s.sz = 8; s.rm_reg = -1; s.m_base = 15; s.m_disp = 32;
               case_patch(&c, MID + 32, F);
            } else {
               enc_init(&s, call, 0);
               s.sz = 8; s.imm[0] = F;
            }
            case_add(&c, &s);
            enc_init(&s, mv, 0);
            s.opc_low = 8; s.sz = 4; s.imm[0] = 1;
            case_add(&c, &s);
            enc_init(&s, (k / 3) % 2 ? jmpz : jmp8, 0);
            s.sz = 8;
            s.imm[0] = pass == 0 ? case_pc(&c) + 2 : END;
            case_add(&c, &s);
            Addr64 f_at = case_pc(&c);
            enc_init(&s, mv, 0);
            s.opc_low = 9; s.sz = 4; s.imm[0] = 2;
            case_add(&c, &s);
            enc_init(&s, k / 6 ? reti : ret, 0);
            s.sz = 8; s.imm[0] = 16;
            case_add(&c, &s);
            F   = f_at;
            END = case_pc(&c);
         }
         case_run("call", &c);
      }
      /* jmp *reg, jmp *mem */
      for (int k = 0; k < 4; k++) {
         Case c;
         case_begin(&c, "jmp indirect");
         EncSpec s;
         UChar mvb[2] = { 0x90, 0x90 };
         Addr64 target = NATIVE_CODE_ADDR + 32;
         if (k < 2) {
            c.in.gpr[3] = target;
            enc_init(&s, jmpi, 0);
            s.sz = 8; s.rm_reg = 3;
         } else {
            enc_init(&s, jmpi, 0);
            s.sz = 8; s.rm_reg = -1; s.m_base = 15; s.m_disp = 8 * k;
            case_patch(&c, MID + 8 * (ULong)k, target);
         }
         case_add(&c, &s);
         while (case_pc(&c) < target) {
            EncSpec m;
            enc_init(&m, mv, 0);
            m.opc_low = 8; m.sz = 4; m.imm[0] = (ULong)c.len;
            if (case_pc(&c) + 6 > target) {
               case_add_bytes(&c, mvb, 1);
               continue;
            }
            case_add(&c, &m);
         }
         enc_init(&s, mv, 0);
         s.opc_low = 9; s.sz = 4; s.imm[0] = 7;
         case_add(&c, &s);
         case_run("jmp", &c);
      }
   }
   if (wanted("loop")) {
      static const UChar ops[4] = { 0xE2, 0xE1, 0xE0, 0xE3 };
      for (int k = 0; k < 4; k++) {
         const Amd64OpEntry* e = need(AMD64_MAP_1B, ops[k], -1, AMD64_PFX_ANY,
                                      "loop");
         for (int v = 0; v < 6; v++) {
            /* L: inc %r9d; cmp %r9d,%r10d; loop L
               or: jrcxz L; inc %r9d; L: */
            Case c;
            case_begin(&c, e->mnem);
            /* (loop with RCX = 0 would run 2^64 times natively) */
            c.in.gpr[1] = (ULong[]){ 1, 2, 3, 5,
                                     k == 0 ? 6 : 0xFFFFFFFF00000002ULL,
                                     k == 3 ? 0 : 4 }[v];
            c.in.gpr[9] = 0;
            c.in.gpr[10] = (ULong)v + 1;
            UChar inc[3] = { 0x41, 0xFF, 0xC1 };     /* inc %r9d */
            UChar cmp[3] = { 0x45, 0x39, 0xCA };     /* cmp %r9d,%r10d */
            EncSpec s;
            enc_init(&s, e, 0);
            s.sz = 8;
            if (k == 3) {
               s.imm[0] = case_pc(&c) + 2 + 3;
               case_add(&c, &s);
               case_add_bytes(&c, inc, 3);
            } else {
               Addr64 top = case_pc(&c);
               case_add_bytes(&c, inc, 3);
               case_add_bytes(&c, cmp, 3);
               s.imm[0] = top;
               case_add(&c, &s);
            }
            case_run("loop", &c);
         }
      }
   }
}

/* ------------------------------------------------------------------ */
/* Flags, no-ops, segments, traps, odds and ends                      */
/* ------------------------------------------------------------------ */

static void cur_misc(void)
{
   if (wanted("flags")) {
      static const UChar ops[] = { 0xF8, 0xF9, 0xF5, 0xFC, 0xFD, 0x9F, 0x9E };
      for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++)
         for (int f = 0; f < 16; f++) {
            Case c;
            case_begin(&c, "flag instruction");
            c.in.rflags = flags_pat(f) | (f & 1 ? FL_DF : 0);
            c.in.gpr[0] = 0x1122334455667788ULL ^ ((ULong)f << 8)
                          ^ ((ULong)f << 12);
            case_add_bytes(&c, &ops[i], 1);
            case_run("flags", &c);
         }
      /* std then cld around a flag-setting instruction */
      UChar seq[] = { 0xFD, 0x48, 0x01, 0xC3, 0xFC };
      Case c;
      case_begin(&c, "std; add; cld");
      case_add_bytes(&c, seq, 1);
      case_add_bytes(&c, seq + 1, 3);
      case_add_bytes(&c, seq + 4, 1);
      case_run("flags", &c);
   }
   if (wanted("nop")) {
      static const UChar nops[][12] = {
         { 1, 0x90 }, { 2, 0x66, 0x90 }, { 3, 0x0F, 0x1F, 0x00 },
         { 4, 0x0F, 0x1F, 0x40, 0x00 }, { 5, 0x0F, 0x1F, 0x44, 0x00, 0x00 },
         { 6, 0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00 },
         { 7, 0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00 },
         { 8, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
         { 9, 0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
         { 10, 0x66, 0x2E, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
         { 11, 0x66, 0x66, 0x2E, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
         { 4, 0xF3, 0x0F, 0x1E, 0xFA }, { 2, 0xF3, 0x90 },
         { 4, 0x0F, 0x18, 0x40, 0x08 }, { 4, 0x0F, 0x18, 0x48, 0x08 },
         { 4, 0x0F, 0x18, 0x50, 0x08 }, { 4, 0x0F, 0x18, 0x58, 0x08 },
         { 4, 0x0F, 0x0D, 0x48, 0x08 }, { 3, 0x0F, 0xAE, 0xF0 },
         { 3, 0x0F, 0xAE, 0xE8 }, { 3, 0x0F, 0xAE, 0xF8 },
         { 4, 0x41, 0x0F, 0x1F, 0xC0 }, { 3, 0x0F, 0x19, 0xC0 },
         { 4, 0x0F, 0xAE, 0x7F, 0x08 },   /* clflush 8(%rdi) */
         { 4, 0xF3, 0x0F, 0x1E, 0xFB }, { 3, 0x0F, 0x18, 0xC0 },
         { 4, 0x0F, 0x0D, 0x40, 0x08 },
      };
      for (unsigned i = 0; i < sizeof nops / sizeof nops[0]; i++) {
         Case c;
         case_begin(&c, "nop/hint");
         c.in.gpr[0] = MID;
         c.in.gpr[7] = MID;
         case_add_bytes(&c, nops[i] + 1, nops[i][0]);
         case_run("nop", &c);
      }
   }
   if (wanted("segment")) {
      /* %fs: reads of the TLS block; %gs: reads and writes of scratch */
      static const UChar seqs[][12] = {
         { 9, 0x64, 0x48, 0x8B, 0x04, 0x25, 0x28, 0x00, 0x00, 0x00 },
         { 9, 0x64, 0x48, 0x8B, 0x04, 0x25, 0x00, 0x00, 0x00, 0x00 },
         { 8, 0x64, 0x8B, 0x0C, 0x25, 0x10, 0x00, 0x00, 0x00 },
         { 5, 0x64, 0x48, 0x8B, 0x41, 0x08 },            /* fs:8(%rcx) */
         { 9, 0x65, 0x48, 0x89, 0x04, 0x25, 0x00, 0x80, 0x00, 0x00 },
         { 9, 0x65, 0x48, 0x03, 0x1C, 0x25, 0x08, 0x80, 0x00, 0x00 },
         { 6, 0x65, 0x48, 0x83, 0x40, 0x10, 0x05 },      /* gs:16(%rax) */
         { 6, 0x65, 0x67, 0x48, 0x89, 0x50, 0x18 },
      };
      for (unsigned i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
         Case c;
         case_begin(&c, "segment override");
         c.in.gpr[0] = 0x8000;
         c.in.gpr[1] = 0;
         case_add_bytes(&c, seqs[i] + 1, seqs[i][0]);
         case_run("segment", &c);
      }
   }
   if (wanted("trap")) {
      /* int3, ud2, hlt, lock on a register, invalid opcodes, int $n */
      static const UChar seqs[][6] = {
         { 1, 0xCC }, { 2, 0x0F, 0x0B }, { 1, 0xF4 },
         { 3, 0xF0, 0x01, 0xC3 }, { 1, 0x06 }, { 1, 0x27 }, { 1, 0xD6 },
         { 2, 0xF0, 0x90 }, { 3, 0xF0, 0x8B, 0x03 }, { 2, 0xCD, 0x03 },
         { 2, 0x0F, 0xFF }, { 3, 0x0F, 0xAE, 0xC0 }, { 2, 0xCD, 0x40 },
      };
      for (unsigned i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
         Case c;
         case_begin(&c, "trap");
         c.in.gpr[3] = MID;
         UChar before[3] = { 0x48, 0x01, 0xC3 };   /* add %rax,%rbx */
         case_add_bytes(&c, before, 3);
         case_add_bytes(&c, seqs[i] + 1, seqs[i][0]);
         case_run("trap", &c);
      }
   }
   if (wanted("xlat")) {
      for (int v = 0; v < 8; v++) {
         Case c;
         case_begin(&c, "xlat");
         c.in.gpr[3] = MID - 128;
         c.in.gpr[0] = 0x1234567800000000ULL | (ULong)(v * 37);
         UChar b[2] = { 0xD7, 0 };
         UChar g[2] = { 0x65, 0xD7 };
         if (v & 1) {
            c.in.gpr[3] = NATIVE_SCRATCH_SIZE / 2;
            case_add_bytes(&c, g, 2);
         } else {
            case_add_bytes(&c, b, 1);
         }
         case_run("xlat", &c);
      }
   }
   if (wanted("block")) {
      /* a long straight sequence (over the 60-instruction limit), with
         and without chasing, and jumps forward and back */
      const Amd64OpEntry* add = need(AMD64_MAP_1B, 0x01, -1, AMD64_PFX_ANY,
                                     "alu");
      for (int k = 0; k < 4; k++) {
         Case c;
         case_begin(&c, "block of 64");
         c.chase = k & 1;
         for (int i = 0; i < 64; i++) {
            EncSpec s;
            enc_init(&s, add, 0);
            s.sz = (i % 3 == 0) ? 4 : 8;
            s.rm_reg = (i * 5) % 16 == 4 ? 0 : (i * 5) % 16;
            s.greg = (i * 7 + k) % 16 == 4 ? 1 : (i * 7 + k) % 16;
            case_add(&c, &s);
         }
         case_run("block", &c);
      }
   }
}

void curated_all(const char* only)
{
   only_cls = only;
   cur_alu();
   cur_unary();
   cur_mul();
   cur_div();
   cur_shift();
   cur_bits();
   cur_mov();
   cur_xchg();
   cur_cond();
   cur_spec();
   cur_stack();
   cur_misc();
   curated_string(only);    /* vexdiff_string.c */
   curated_system(only);    /* vexdiff_system.c */
   curated_x87(only);       /* vexdiff_x87.c */
   curated_jit(only);       /* vexdiff_jit.c */
}
