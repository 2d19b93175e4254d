/* Unit tests of the register allocator (VEX/priv/host_generic_reg_alloc.c)
   on a small fake host: three integer registers (R0 R1 R2), two vector
   registers (V0 V1) and a non-allocatable guest-state pointer (R3).  A
   "call" trashes R0, R1 and V0.  Programs on virtual registers are run
   by an interpreter before allocation (the reference) and after it (on
   the real registers and the spill area); the outputs must agree. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libvex.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/host_generic_regs.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* VEX callbacks                                                      */
/* ------------------------------------------------------------------ */

static char    out[1 << 16];
static size_t  out_len;
static jmp_buf fail_jmp;
static int     fail_armed;

static void log_cb(const HChar* bytes, SizeT n)
{
   if (out_len + n >= sizeof out)
      n = sizeof out - 1 - out_len;
   memcpy(out + out_len, bytes, n);
   out_len += n;
   out[out_len] = 0;
}

static void fail_cb(void)
{
   if (fail_armed)
      longjmp(fail_jmp, 1);
   fprintf(stderr, "unexpected VEX failure:\n%s\n", out);
   abort();
}

static void setup(void)
{
   vex_init_callbacks(fail_cb, log_cb);
   vexSetAllocModeTEMP_and_clear();
   out_len = 0;
   out[0]  = 0;
}

/* ------------------------------------------------------------------ */
/* The fake host                                                      */
/* ------------------------------------------------------------------ */

enum { IX_R0, IX_R1, IX_R2, IX_V0, IX_V1, IX_R3, N_FAKE_REGS };

static HReg R(int n) { return mkHReg(False, HRcInt64, (UInt)n, n == 3 ? IX_R3 : (UInt)n); }
static HReg V(int n) { return mkHReg(False, HRcVec128, (UInt)n, IX_V0 + (UInt)n); }

static RRegUniverse fake_univ;

static void make_universe(void)
{
   RRegUniverse__init(&fake_univ);
   fake_univ.regs[fake_univ.size++] = R(0);
   fake_univ.regs[fake_univ.size++] = R(1);
   fake_univ.regs[fake_univ.size++] = R(2);
   fake_univ.regs[fake_univ.size++] = V(0);
   fake_univ.regs[fake_univ.size++] = V(1);
   fake_univ.allocable = fake_univ.size;
   fake_univ.regs[fake_univ.size++] = R(3);
   RRegUniverse__finish(&fake_univ);
}

typedef enum {
   FK_Const,    /* a = imm */
   FK_Add,      /* a += b */
   FK_Add3,     /* a = b + c */
   FK_AddImm,   /* a += imm */
   FK_Mov,      /* a = b (a reg-reg move) */
   FK_Out,      /* output a */
   FK_Call,     /* trashes R0, R1, V0 */
   FK_Spill,    /* mem[off] = a (real) */
   FK_Reload,   /* a = mem[off] (real) */
   FK_AddMem,   /* a += mem[off] */
   FK_VConst,   /* a = (imm, ~imm) */
   FK_VAdd,     /* a += b, both lanes */
   FK_VOut,     /* output both lanes of a */
   FK_VSpill,   /* mem[off..off+15] = a */
   FK_VReload,  /* a = mem[off..off+15] */
   FK_VMov      /* a = b (a vector reg-reg move) */
} FKind;

typedef struct {
   FKind k;
   HReg  a, b, c;
   ULong imm;
   Int   off;
} FI;

static FI* fi(FKind k, HReg a, HReg b, HReg c, ULong imm)
{
   FI* i  = LibVEX_Alloc(sizeof(FI));
   i->k   = k;
   i->a   = a;
   i->b   = b;
   i->c   = c;
   i->imm = imm;
   i->off = 0;
   return i;
}

static void fake_usage(HRegUsage* u, const HInstr* hi, Bool mode64)
{
   const FI* i = hi;
   initHRegUsage(u);
   switch (i->k) {
      case FK_Const:  addHRegUse(u, HRmWrite, i->a); break;
      case FK_Add:    addHRegUse(u, HRmRead, i->b);
                      addHRegUse(u, HRmModify, i->a); break;
      case FK_Add3:   addHRegUse(u, HRmRead, i->b);
                      addHRegUse(u, HRmRead, i->c);
                      addHRegUse(u, HRmWrite, i->a); break;
      case FK_AddImm: addHRegUse(u, HRmModify, i->a); break;
      case FK_Mov:    addHRegUse(u, HRmRead, i->b);
                      addHRegUse(u, HRmWrite, i->a);
                      setHRegUsageMove(u, i->b, i->a); break;
      case FK_Out:    addHRegUse(u, HRmRead, i->a); break;
      case FK_Call:   addHRegUse(u, HRmWrite, R(0));
                      addHRegUse(u, HRmWrite, R(1));
                      addHRegUse(u, HRmWrite, V(0)); break;
      case FK_Spill:  addHRegUse(u, HRmRead, i->a); break;
      case FK_Reload: addHRegUse(u, HRmWrite, i->a); break;
      case FK_AddMem: addHRegUse(u, HRmModify, i->a); break;
      case FK_VConst: addHRegUse(u, HRmWrite, i->a); break;
      case FK_VAdd:   addHRegUse(u, HRmRead, i->b);
                      addHRegUse(u, HRmModify, i->a); break;
      case FK_VOut:   addHRegUse(u, HRmRead, i->a); break;
      case FK_VSpill: addHRegUse(u, HRmRead, i->a); break;
      case FK_VReload: addHRegUse(u, HRmWrite, i->a); break;
      case FK_VMov:   addHRegUse(u, HRmRead, i->b);
                      addHRegUse(u, HRmWrite, i->a);
                      setHRegUsageMove(u, i->b, i->a); break;
   }
}

static HReg map1(const HRegRemap* m, HReg r)
{
   return hregIsInvalid(r) ? r : lookupHRegRemap(m, r);
}

static void fake_map(HRegRemap* m, HInstr* hi, Bool mode64)
{
   FI* i = hi;
   i->a = map1(m, i->a);
   i->b = map1(m, i->b);
   i->c = map1(m, i->c);
}

static Int n_gen_spill, n_gen_reload;

static void fake_spill(HInstr** i1, HInstr** i2, HReg r, Int off, Bool m64)
{
   FI* i = fi(hregClass(r) == HRcVec128 ? FK_VSpill : FK_Spill, r,
              INVALID_HREG, INVALID_HREG, 0);
   i->off = off;
   *i1 = i;
   *i2 = NULL;
   n_gen_spill++;
}

static void fake_reload(HInstr** i1, HInstr** i2, HReg r, Int off, Bool m64)
{
   FI* i = fi(hregClass(r) == HRcVec128 ? FK_VReload : FK_Reload, r,
              INVALID_HREG, INVALID_HREG, 0);
   i->off = off;
   *i1 = i;
   *i2 = NULL;
   n_gen_reload++;
}

static HInstr* fake_move(HReg from, HReg to, Bool m64)
{
   return fi(hregClass(from) == HRcVec128 ? FK_VMov : FK_Mov, to, from,
             INVALID_HREG, 0);
}

static Bool allow_direct;

static HInstr* fake_direct(HInstr* hi, HReg vreg, Short off)
{
   FI* i = hi;
   if (!allow_direct || i->k != FK_Add || !sameHReg(i->b, vreg)
       || sameHReg(i->a, vreg))
      return NULL;
   FI* n  = fi(FK_AddMem, i->a, INVALID_HREG, INVALID_HREG, 0);
   n->off = off;
   return n;
}

static Bool allow_remat;

static HInstr* fake_remat(const HInstr* def, HReg rreg, Bool m64)
{
   const FI* d = def;
   if (!allow_remat || d->k != FK_Const)
      return NULL;
   return fi(FK_Const, rreg, INVALID_HREG, INVALID_HREG, d->imm);
}

static void fake_pp_reg(HReg r)
{
   if (hregIsVirtual(r) || hregIsInvalid(r)) {
      ppHReg(r);
      return;
   }
   vex_printf("%s%u", hregClass(r) == HRcVec128 ? "V" : "R", hregEncoding(r));
}

static void fake_pp(const HInstr* hi, Bool mode64)
{
   static const char* names[] = {
      "const", "add", "add3", "addimm", "mov", "out", "call", "spill",
      "reload", "addmem", "vconst", "vadd", "vout", "vspill", "vreload",
      "vmov"
   };
   const FI* i = hi;
   vex_printf("%s ", names[i->k]);
   if (!hregIsInvalid(i->a))
      fake_pp_reg(i->a);
   if (!hregIsInvalid(i->b)) {
      vex_printf(",");
      fake_pp_reg(i->b);
   }
   if (!hregIsInvalid(i->c)) {
      vex_printf(",");
      fake_pp_reg(i->c);
   }
   if (i->k == FK_Spill || i->k == FK_Reload || i->k == FK_AddMem
       || i->k == FK_VSpill || i->k == FK_VReload)
      vex_printf(" [%d]", i->off);
   if (i->k == FK_Const || i->k == FK_AddImm || i->k == FK_VConst)
      vex_printf(" $%llu", i->imm);
}

#define SPILL_BASE 64
#define SPILL_SIZE 1024

static RegAllocControl make_control(void)
{
   RegAllocControl con;
   memset(&con, 0, sizeof con);
   con.univ         = &fake_univ;
   con.getRegUsage  = fake_usage;
   con.mapRegs      = fake_map;
   con.genSpill     = fake_spill;
   con.genReload    = fake_reload;
   con.genMove      = fake_move;
   con.directReload = fake_direct;
   con.genRemat     = fake_remat;
   con.spill_base   = SPILL_BASE;
   con.spill_size   = SPILL_SIZE;
   con.ppInstr      = fake_pp;
   con.ppReg        = fake_pp_reg;
   con.mode64       = True;
   return con;
}

/* ------------------------------------------------------------------ */
/* The interpreter                                                    */
/* ------------------------------------------------------------------ */

#define MAX_V   4096
#define MAX_OUT 8192

typedef struct {
   ULong r[4];
   ULong vr[2][2];
   ULong vv[MAX_V][2];             /* virtual registers */
   ULong mem[(SPILL_BASE + SPILL_SIZE) / 8];
   ULong outs[MAX_OUT];
   int   n_outs;
   ULong junk;
} Machine;

static ULong* slot_of(Machine* m, HReg r, int lane)
{
   if (hregIsVirtual(r)) {
      vassert(hregIndex(r) < MAX_V);
      return &m->vv[hregIndex(r)][lane];
   }
   if (hregClass(r) == HRcVec128)
      return &m->vr[hregEncoding(r)][lane];
   vassert(lane == 0);
   return &m->r[hregEncoding(r)];
}

static ULong* memw(Machine* m, Int off)
{
   vassert(off >= SPILL_BASE && off + 8 <= SPILL_BASE + SPILL_SIZE
           && (off & 7) == 0);
   return &m->mem[off / 8];
}

static void emit_out(Machine* m, ULong v)
{
   vassert(m->n_outs < MAX_OUT);
   m->outs[m->n_outs++] = v;
}

static void run(Machine* m, HInstrArray* code)
{
   for (Int n = 0; n < code->arr_used; n++) {
      const FI* i = code->arr[n];
      switch (i->k) {
         case FK_Const:  *slot_of(m, i->a, 0) = i->imm; break;
         case FK_Add:    *slot_of(m, i->a, 0) += *slot_of(m, i->b, 0); break;
         case FK_Add3: {
            ULong v = *slot_of(m, i->b, 0) + *slot_of(m, i->c, 0);
            *slot_of(m, i->a, 0) = v;
            break;
         }
         case FK_AddImm: *slot_of(m, i->a, 0) += i->imm; break;
         case FK_Mov:    *slot_of(m, i->a, 0) = *slot_of(m, i->b, 0); break;
         case FK_Out:    emit_out(m, *slot_of(m, i->a, 0)); break;
         case FK_Call:
            m->junk = m->junk * 6364136223846793005ULL + 1442695040888963407ULL;
            m->r[0]     = m->junk;
            m->r[1]     = ~m->junk;
            m->vr[0][0] = m->junk ^ 0x55;
            m->vr[0][1] = m->junk ^ 0xaa;
            break;
         case FK_Spill:  *memw(m, i->off) = *slot_of(m, i->a, 0); break;
         case FK_Reload: *slot_of(m, i->a, 0) = *memw(m, i->off); break;
         case FK_AddMem: *slot_of(m, i->a, 0) += *memw(m, i->off); break;
         case FK_VConst:
            *slot_of(m, i->a, 0) = i->imm;
            *slot_of(m, i->a, 1) = ~i->imm;
            break;
         case FK_VAdd:
            *slot_of(m, i->a, 0) += *slot_of(m, i->b, 0);
            *slot_of(m, i->a, 1) += *slot_of(m, i->b, 1);
            break;
         case FK_VOut:
            emit_out(m, *slot_of(m, i->a, 0));
            emit_out(m, *slot_of(m, i->a, 1));
            break;
         case FK_VSpill:
            vassert((i->off & 15) == 0);
            *memw(m, i->off)     = *slot_of(m, i->a, 0);
            *memw(m, i->off + 8) = *slot_of(m, i->a, 1);
            break;
         case FK_VReload:
            vassert((i->off & 15) == 0);
            *slot_of(m, i->a, 0) = *memw(m, i->off);
            *slot_of(m, i->a, 1) = *memw(m, i->off + 8);
            break;
         case FK_VMov:
            *slot_of(m, i->a, 0) = *slot_of(m, i->b, 0);
            *slot_of(m, i->a, 1) = *slot_of(m, i->b, 1);
            break;
      }
   }
}

/* Copies the instructions (the allocator renames them in place). */
static HInstrArray* copy_code(const HInstrArray* c)
{
   HInstrArray* n = newHInstrArray();
   for (Int k = 0; k < c->arr_used; k++) {
      FI* i = LibVEX_Alloc(sizeof(FI));
      *i = *(const FI*)c->arr[k];
      addHInstr(n, i);
   }
   n->n_vregs = c->n_vregs;
   return n;
}

static int count_kind(const HInstrArray* c, FKind k)
{
   int n = 0;
   for (Int j = 0; j < c->arr_used; j++)
      if (((const FI*)c->arr[j])->k == k)
         n++;
   return n;
}

static Machine ref_m, alloc_m;

/* Allocates CODE (a copy of it), runs both, compares.  Returns the
   allocated code, or NULL (after reporting) when they differ. */
static HInstrArray* alloc_and_compare(HInstrArray* code, int* bad_out)
{
   HInstrArray* orig = copy_code(code);
   RegAllocControl con = make_control();
   HInstrArray* res = doRegisterAllocation(code, &con);

   /* No virtual registers remain. */
   for (Int k = 0; k < res->arr_used; k++) {
      HRegUsage u;
      fake_usage(&u, res->arr[k], True);
      if (u.n_vRegs != 0) {
         (*bad_out)++;
         return NULL;
      }
   }
   memset(&ref_m, 0, sizeof ref_m);
   memset(&alloc_m, 0, sizeof alloc_m);
   ref_m.junk = alloc_m.junk = 12345;
   run(&ref_m, orig);
   run(&alloc_m, res);
   if (ref_m.n_outs != alloc_m.n_outs
       || memcmp(ref_m.outs, alloc_m.outs, ref_m.n_outs * sizeof(ULong)) != 0) {
      (*bad_out)++;
      return NULL;
   }
   return res;
}

/* ------------------------------------------------------------------ */
/* Building programs                                                  */
/* ------------------------------------------------------------------ */

static HInstrArray* code;

static HReg vI(void) { return mkHRegVirtual((UInt)code->n_vregs++, HRcInt64); }
static HReg vV(void) { return mkHRegVirtual((UInt)code->n_vregs++, HRcVec128); }
static void add(FI* i) { addHInstr(code, i); }
#define NONE INVALID_HREG

static HReg cnst(ULong v) { HReg r = vI(); add(fi(FK_Const, r, NONE, NONE, v)); return r; }

static void begin(void)
{
   setup();
   make_universe();
   allow_direct = False;
   allow_remat  = False;
   code = newHInstrArray();
}

static ULong rng;
static ULong rnd(void)
{
   rng ^= rng << 13;
   rng ^= rng >> 7;
   rng ^= rng << 17;
   return rng;
}

/* A random program with up to MAX_LIVE integer and some vector values
   live, fixed-register sequences and calls. */
static void gen_random(int n_ops, int max_live, Bool vectors)
{
   HReg live[64];
   int  n_live = 0;
   HReg vlive[16];
   int  n_vlive = 0;
   for (int s = 0; s < n_ops; s++) {
      if (n_live < 2) {
         live[n_live++] = cnst(rnd() % 1000);
         continue;
      }
      HReg a = live[rnd() % (unsigned)n_live];
      HReg b = live[rnd() % (unsigned)n_live];
      switch (rnd() % 14) {
         case 0:
            if (n_live < max_live)
               live[n_live++] = cnst(rnd());
            break;
         case 1:
            add(fi(FK_Add, a, b, NONE, 0));
            break;
         case 2:
            add(fi(FK_AddImm, a, NONE, NONE, rnd() % 100));
            break;
         case 3:
            if (n_live < max_live) {
               HReg n = vI();
               add(fi(FK_Add3, n, a, b, 0));
               live[n_live++] = n;
            }
            break;
         case 4: {   /* a copy; the source may die */
            HReg n = vI();
            add(fi(FK_Mov, n, a, NONE, 0));
            if (rnd() & 1) {
               for (int k = 0; k < n_live; k++)
                  if (sameHReg(live[k], a)) {
                     live[k] = n;
                     break;
                  }
            } else if (n_live < max_live) {
               live[n_live++] = n;
            }
            break;
         }
         case 5:
            add(fi(FK_Out, a, NONE, NONE, 0));
            break;
         case 6:
            add(fi(FK_Call, NONE, NONE, NONE, 0));
            break;
         case 7: {   /* through R0: v -> R0, R0 += k, R0 -> new v */
            HReg n = vI();
            add(fi(FK_Mov, R(0), a, NONE, 0));
            add(fi(FK_AddImm, R(0), NONE, NONE, 7));
            if (rnd() & 1)
               add(fi(FK_Add, b, a, NONE, 0));   /* something in between */
            add(fi(FK_Mov, n, R(0), NONE, 0));
            if (n_live < max_live)
               live[n_live++] = n;
            else
               add(fi(FK_Out, n, NONE, NONE, 0));
            break;
         }
         case 8: {   /* R2 (callee-saved) held across a call */
            add(fi(FK_Mov, R(2), a, NONE, 0));
            add(fi(FK_Call, NONE, NONE, NONE, 0));
            add(fi(FK_Out, R(2), NONE, NONE, 0));
            break;
         }
         case 9: {   /* retire a value */
            int k = (int)(rnd() % (unsigned)n_live);
            add(fi(FK_Out, live[k], NONE, NONE, 0));
            n_live--;
            live[k] = live[n_live];
            break;
         }
         case 10: case 11:
            if (!vectors)
               break;
            if (n_vlive < 2 || (n_vlive < 12 && (rnd() & 1))) {
               HReg n = vV();
               add(fi(FK_VConst, n, NONE, NONE, rnd()));
               vlive[n_vlive++] = n;
            } else if (n_vlive < 12 && rnd() % 3 == 0) {
               HReg n = vV();
               add(fi(FK_VMov, n, vlive[rnd() % (unsigned)n_vlive], NONE, 0));
               vlive[n_vlive++] = n;
            } else {
               HReg x = vlive[rnd() % (unsigned)n_vlive];
               HReg y = vlive[rnd() % (unsigned)n_vlive];
               add(fi(FK_VAdd, x, y, NONE, 0));
            }
            break;
         case 12:
            if (vectors && n_vlive > 0) {
               int k = (int)(rnd() % (unsigned)n_vlive);
               add(fi(FK_VOut, vlive[k], NONE, NONE, 0));
               if (rnd() & 1) {
                  n_vlive--;
                  vlive[k] = vlive[n_vlive];
               }
            }
            break;
         default:
            if (n_live < max_live)
               live[n_live++] = cnst(rnd() % 50);
            break;
      }
   }
   for (int k = 0; k < n_live; k++)
      add(fi(FK_Out, live[k], NONE, NONE, 0));
   for (int k = 0; k < n_vlive; k++)
      add(fi(FK_VOut, vlive[k], NONE, NONE, 0));
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

UNIT_TEST(ra_simple_no_spill)
{
   begin();
   HReg a = cnst(5), b = cnst(7);
   add(fi(FK_Add, a, b, NONE, 0));
   add(fi(FK_Out, a, NONE, NONE, 0));
   int bad = 0;
   n_gen_spill = n_gen_reload = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL && res->arr_used == 4);
   UT_CHECK_EQ(n_gen_spill + n_gen_reload, 0);
   UT_CHECK_EQ(res->n_vregs, 0);
   UT_CHECK_EQ(ref_m.outs[0], 12);
}

UNIT_TEST(ra_random_int_programs)
{
   int bad = 0;
   UInt spills = 0, reloads = 0, coal = 0, moves = 0;
   for (int seed = 1; seed <= 400; seed++) {
      begin();
      rng = 0x2545F4914F6CDD1DULL * (ULong)seed;
      allow_remat = (seed % 3) == 0;
      gen_random(40 + seed % 200, 2 + seed % 20, False);
      int before = bad;
      alloc_and_compare(code, &bad);
      if (bad != before)
         fprintf(stderr, "  seed %d differs\n", seed);
      spills  += regAllocStats.n_spills;
      reloads += regAllocStats.n_reloads;
      coal    += regAllocStats.n_coalesced;
      moves   += regAllocStats.n_moves_added;
   }
   printf("  400 programs on 3 registers: %u spills, %u reloads, "
          "%u moves added, %u coalesced\n", spills, reloads, moves, coal);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(spills > 0 && reloads > 0 && coal > 0 && moves > 0);
}

UNIT_TEST(ra_random_mixed_class_programs)
{
   int bad = 0;
   for (int seed = 1; seed <= 300; seed++) {
      begin();
      rng = 0x9E3779B97F4A7C15ULL * (ULong)seed + 1;
      allow_remat = (seed & 1) != 0;
      gen_random(60 + seed % 150, 2 + seed % 12, True);
      int before = bad;
      alloc_and_compare(code, &bad);
      if (bad != before)
         fprintf(stderr, "  seed %d differs\n", seed);
   }
   UT_CHECK_EQ(bad, 0);
}

UNIT_TEST(ra_random_with_direct_reload)
{
   int  bad = 0;
   UInt direct = 0;
   for (int seed = 1; seed <= 200; seed++) {
      begin();
      allow_direct = True;
      allow_remat  = (seed % 4) == 1;
      rng = 0xBF58476D1CE4E5B9ULL * (ULong)seed;
      gen_random(80 + seed % 100, 4 + seed % 16, seed & 1);
      alloc_and_compare(code, &bad);
      direct += regAllocStats.n_direct;
   }
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(direct > 0);
}

UNIT_TEST(ra_coalesces_vreg_moves)
{
   begin();
   HReg a = cnst(3);
   HReg b = vI(), c = vI();
   add(fi(FK_Mov, b, a, NONE, 0));   /* a dies */
   add(fi(FK_AddImm, b, NONE, NONE, 1));
   add(fi(FK_Mov, c, b, NONE, 0));   /* b dies */
   add(fi(FK_Out, c, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK_EQ(count_kind(res, FK_Mov), 0);
   UT_CHECK_EQ(regAllocStats.n_coalesced, 2);
   UT_CHECK_EQ(ref_m.outs[0], 4);
}

UNIT_TEST(ra_keeps_moves_whose_source_lives)
{
   begin();
   HReg a = cnst(3);
   HReg b = vI();
   add(fi(FK_Mov, b, a, NONE, 0));
   add(fi(FK_AddImm, b, NONE, NONE, 1));
   add(fi(FK_Out, a, NONE, NONE, 0));
   add(fi(FK_Out, b, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL && count_kind(res, FK_Mov) == 1);
   UT_CHECK_EQ(regAllocStats.n_coalesced, 0);
}

UNIT_TEST(ra_coalesces_moves_from_fixed_registers)
{
   begin();
   HReg a = cnst(10);
   add(fi(FK_Mov, R(0), a, NONE, 0));
   add(fi(FK_AddImm, R(0), NONE, NONE, 5));
   HReg r = vI();
   add(fi(FK_Mov, r, R(0), NONE, 0));   /* the value dies in R0: r takes R0 */
   add(fi(FK_Out, r, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL && count_kind(res, FK_Mov) == 1);
   UT_CHECK_EQ(regAllocStats.n_coalesced, 1);
   UT_CHECK_EQ(ref_m.outs[0], 15);
}

UNIT_TEST(ra_move_of_spilled_source_renames_slot)
{
   begin();
   /* a is used last, so it is the one spilled when d needs a register;
      the move out of it, where it dies, then only renames its slot. */
   HReg a = cnst(1), b = cnst(2), c = cnst(3), d = cnst(4);
   add(fi(FK_Out, b, NONE, NONE, 0));
   add(fi(FK_Out, c, NONE, NONE, 0));
   add(fi(FK_Out, d, NONE, NONE, 0));
   HReg e = vI();
   add(fi(FK_Mov, e, a, NONE, 0));
   add(fi(FK_Out, e, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL && count_kind(res, FK_Mov) == 0);
   UT_CHECK_EQ(regAllocStats.n_coalesced, 1);
   UT_CHECK_EQ(regAllocStats.n_spills, 1);
   UT_CHECK_EQ(regAllocStats.n_reloads, 1);
   UT_CHECK_EQ(ref_m.outs[3], 1);
}

UNIT_TEST(ra_values_survive_calls)
{
   begin();
   HReg a = cnst(100), b = cnst(200), c = cnst(300);
   add(fi(FK_Call, NONE, NONE, NONE, 0));
   add(fi(FK_Add, a, b, NONE, 0));
   add(fi(FK_Call, NONE, NONE, NONE, 0));
   add(fi(FK_Add, a, c, NONE, 0));
   add(fi(FK_Out, a, NONE, NONE, 0));
   add(fi(FK_Out, b, NONE, NONE, 0));
   add(fi(FK_Out, c, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK_EQ(ref_m.outs[0], 600);
   UT_CHECK(regAllocStats.n_spills > 0);
}

UNIT_TEST(ra_call_prefers_callee_saved)
{
   begin();
   /* One value live across a call fits in R2 with no spill: the
      allocator should pick R2 at once (its next fixed use is never). */
   HReg a = cnst(42);
   add(fi(FK_Call, NONE, NONE, NONE, 0));
   add(fi(FK_Out, a, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK_EQ(regAllocStats.n_spills, 0);
   UT_CHECK_EQ(regAllocStats.n_moves_added, 0);
   UT_CHECK(sameHReg(((FI*)res->arr[0])->a, R(2)));
}

UNIT_TEST(ra_evicts_farthest_next_use)
{
   begin();
   HReg a = cnst(1), b = cnst(2), c = cnst(3);
   HReg d = cnst(4);                 /* needs a register: evict one */
   for (int k = 0; k < 3; k++) {
      add(fi(FK_Add, d, a, NONE, 0));
      add(fi(FK_Add, d, b, NONE, 0));
   }
   add(fi(FK_Out, d, NONE, NONE, 0));
   add(fi(FK_Out, c, NONE, NONE, 0));   /* c is used last */
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK_EQ(regAllocStats.n_spills, 1);
   UT_CHECK_EQ(regAllocStats.n_reloads, 1);
}

UNIT_TEST(ra_output_reuses_dying_input_register)
{
   begin();
   /* R0 is held by name throughout, leaving two registers for
      c = a + b: c must reuse the register of a dying input. */
   HReg x = cnst(9);
   add(fi(FK_Mov, R(0), x, NONE, 0));
   HReg a = cnst(20), b = cnst(22);
   HReg c = vI();
   add(fi(FK_Add3, c, a, b, 0));
   add(fi(FK_Out, c, NONE, NONE, 0));
   add(fi(FK_Out, R(0), NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK_EQ(ref_m.outs[0], 42);
   UT_CHECK_EQ(ref_m.outs[1], 9);
   UT_CHECK_EQ(regAllocStats.n_spills, 0);
}

UNIT_TEST(ra_spill_slots_are_reused)
{
   begin();
   /* Waves of values, each wave larger than the register file and dead
      before the next: the spill area high-water mark stays small. */
   for (int wave = 0; wave < 30; wave++) {
      HReg v[6];
      for (int k = 0; k < 6; k++)
         v[k] = cnst((ULong)(wave * 10 + k));
      for (int k = 0; k < 6; k++)
         add(fi(FK_Add, v[k], v[(k + 1) % 6], NONE, 0));
      for (int k = 0; k < 6; k++)
         add(fi(FK_Out, v[k], NONE, NONE, 0));
   }
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK(regAllocStats.n_spills >= 30);
   UT_CHECK(regAllocStats.max_slot_bytes <= 6 * 8);
}

UNIT_TEST(ra_vector_slots_are_16_aligned)
{
   begin();
   HReg i1 = cnst(1);
   HReg v[5];
   for (int k = 0; k < 5; k++) {
      v[k] = vV();
      add(fi(FK_VConst, v[k], NONE, NONE, (ULong)k * 1000));
   }
   for (int k = 0; k < 5; k++)
      add(fi(FK_VAdd, v[k], v[(k + 2) % 5], NONE, 0));
   add(fi(FK_Call, NONE, NONE, NONE, 0));
   for (int k = 0; k < 5; k++)
      add(fi(FK_VOut, v[k], NONE, NONE, 0));
   add(fi(FK_Out, i1, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);   /* asserts alignment */
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK(count_kind(res, FK_VSpill) > 0);
}

UNIT_TEST(ra_dead_write_and_self_move)
{
   begin();
   HReg a = cnst(5);
   HReg dead = cnst(77);       /* never read */
   (void)dead;
   add(fi(FK_Mov, a, a, NONE, 0));
   add(fi(FK_Out, a, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL && count_kind(res, FK_Mov) == 0);
   UT_CHECK_EQ(count_kind(res, FK_Const), 2);
}

UNIT_TEST(ra_empty_block)
{
   begin();
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL && res->arr_used == 0);
}

UNIT_TEST(ra_rematerialises_constants)
{
   begin();
   allow_remat = True;
   /* Six constants live at once on three registers: none is stored,
      each evicted one is recomputed. */
   HReg v[6];
   for (int k = 0; k < 6; k++)
      v[k] = cnst(100 + (ULong)k);
   HReg acc = cnst(0);
   add(fi(FK_AddImm, acc, NONE, NONE, 1));   /* acc is not a constant */
   for (int k = 0; k < 6; k++)
      add(fi(FK_Add, acc, v[k], NONE, 0));
   for (int k = 5; k >= 0; k--)
      add(fi(FK_Out, v[k], NONE, NONE, 0));
   add(fi(FK_Out, acc, NONE, NONE, 0));
   int bad = 0;
   HInstrArray* res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(res != NULL);
   UT_CHECK(regAllocStats.n_remats > 0);
   UT_CHECK_EQ(count_kind(res, FK_Spill), regAllocStats.n_spills);
   UT_CHECK_EQ(count_kind(res, FK_Reload), regAllocStats.n_reloads);
   UT_CHECK_EQ(ref_m.outs[6], 1 + 100 + 101 + 102 + 103 + 104 + 105);
   /* Without rematerialisation the same block stores and reloads. */
   UInt remats = regAllocStats.n_remats;
   begin();
   for (int k = 0; k < 6; k++)
      v[k] = cnst(100 + (ULong)k);
   acc = cnst(0);
   add(fi(FK_AddImm, acc, NONE, NONE, 1));
   for (int k = 0; k < 6; k++)
      add(fi(FK_Add, acc, v[k], NONE, 0));
   for (int k = 5; k >= 0; k--)
      add(fi(FK_Out, v[k], NONE, NONE, 0));
   add(fi(FK_Out, acc, NONE, NONE, 0));
   res = alloc_and_compare(code, &bad);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK_EQ(regAllocStats.n_remats, 0);
   UT_CHECK(regAllocStats.n_spills > 0);
   UT_CHECK(regAllocStats.n_reloads >= remats);
}

static int run_expect_panic(void (*fn)(void))
{
   out_len = 0;
   out[0]  = 0;
   fail_armed = 1;
   if (setjmp(fail_jmp) != 0) {
      fail_armed = 0;
      return 1;
   }
   fn();
   fail_armed = 0;
   return 0;
}

static void do_alloc(void)
{
   RegAllocControl con = make_control();
   doRegisterAllocation(code, &con);
}

UNIT_TEST(ra_rejects_read_before_write)
{
   begin();
   HReg a = cnst(1);
   HReg u = vI();
   add(fi(FK_Add, a, u, NONE, 0));
   UT_CHECK(run_expect_panic(do_alloc));
   UT_CHECK(strstr(out, "before anything writes it") != NULL);
}

UNIT_TEST(ra_rejects_impossible_instruction)
{
   begin();
   /* R0 and R1 held by name leave one register for a three-register
      instruction whose inputs stay live. */
   HReg a = cnst(1), b = cnst(2);
   add(fi(FK_Mov, R(0), a, NONE, 0));
   add(fi(FK_Mov, R(1), b, NONE, 0));
   HReg c = vI();
   add(fi(FK_Add3, c, a, b, 0));
   add(fi(FK_Out, a, NONE, NONE, 0));
   add(fi(FK_Out, b, NONE, NONE, 0));
   add(fi(FK_Out, c, NONE, NONE, 0));
   add(fi(FK_Out, R(0), NONE, NONE, 0));
   add(fi(FK_Out, R(1), NONE, NONE, 0));
   UT_CHECK(run_expect_panic(do_alloc));
   UT_CHECK(strstr(out, "too few registers") != NULL);
}

static void do_alloc_tiny_spill(void)
{
   RegAllocControl con = make_control();
   con.spill_size = 8;
   doRegisterAllocation(code, &con);
}

UNIT_TEST(ra_rejects_exhausted_spill_area)
{
   begin();
   HReg v[6];
   for (int k = 0; k < 6; k++)
      v[k] = cnst((ULong)k);
   for (int k = 0; k < 6; k++)
      add(fi(FK_Out, v[k], NONE, NONE, 0));
   UT_CHECK(run_expect_panic(do_alloc_tiny_spill));
   UT_CHECK(strstr(out, "out of spill slots") != NULL);
}

UNIT_TEST(ra_trace_prints_decisions)
{
   begin();
   HReg a = cnst(1), b = cnst(2), c = cnst(3), d = cnst(4);
   add(fi(FK_Add, a, d, NONE, 0));
   add(fi(FK_Out, a, NONE, NONE, 0));
   add(fi(FK_Out, b, NONE, NONE, 0));
   add(fi(FK_Out, c, NONE, NONE, 0));
   RegAllocControl con = make_control();
   con.trace = True;
   out_len = 0;
   doRegisterAllocation(code, &con);
   UT_CHECK(strstr(out, "-- ") != NULL);
   UT_CHECK(strstr(out, "emit   spill") != NULL);
}

UNIT_TEST(ra_universe_checks)
{
   setup();
   make_universe();
   UT_CHECK_EQ(fake_univ.allocable_start[HRcInt64], 0);
   UT_CHECK_EQ(fake_univ.allocable_end[HRcInt64], 3);
   UT_CHECK_EQ(fake_univ.allocable_start[HRcVec128], 3);
   UT_CHECK_EQ(fake_univ.allocable_end[HRcVec128], 5);
   UT_CHECK_EQ(fake_univ.allocable_start[HRcFlt64],
               fake_univ.allocable_end[HRcFlt64]);
}

static void bad_universe(void)
{
   RRegUniverse u;
   RRegUniverse__init(&u);
   u.regs[u.size++] = R(0);
   u.regs[u.size++] = V(0);   /* index IX_V0 at position 1: inconsistent */
   u.allocable = u.size;
   RRegUniverse__finish(&u);
}

UNIT_TEST(ra_universe_rejects_bad_indices)
{
   setup();
   UT_CHECK(run_expect_panic(bad_universe));
}

UNIT_TEST(ra_usage_and_remap_basics)
{
   setup();
   make_universe();
   HRegUsage u;
   initHRegUsage(&u);
   HReg v1 = mkHRegVirtual(1, HRcInt64);
   addHRegUse(&u, HRmRead, v1);
   addHRegUse(&u, HRmWrite, v1);
   addHRegUse(&u, HRmRead, R(2));
   addHRegUse(&u, HRmWrite, R(2));
   UT_CHECK_EQ(u.n_vRegs, 1);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, v1), HRmModify);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, R(2)), HRmModify);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, R(1)), 0);
   out_len = 0;
   ppHRegUsage(&fake_univ, &u, fake_pp_reg);
   UT_CHECK(strstr(out, "Modify R2") != NULL);
   UT_CHECK(strstr(out, "Modify %vR1") != NULL);

   HRegRemap m;
   initHRegRemap(&m);
   addToHRegRemap(&m, v1, R(1));
   UT_CHECK(sameHReg(lookupHRegRemap(&m, v1), R(1)));
   UT_CHECK(sameHReg(lookupHRegRemap(&m, R(2)), R(2)));

   HInstrArray* ha = newHInstrArray();
   for (int k = 0; k < 1000; k++)
      addHInstr(ha, (HInstr*)(uintptr_t)(k + 1));
   UT_CHECK_EQ(ha->arr_used, 1000);
   UT_CHECK(ha->arr[999] == (HInstr*)(uintptr_t)1000);

   RetLoc rl = mk_RetLoc_spRel(RLPri_V128SpRel, 16);
   UT_CHECK(is_sane_RetLoc(rl));
   UT_CHECK(!is_sane_RetLoc(mk_RetLoc_simple(RLPri_INVALID)));
}
