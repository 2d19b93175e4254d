/* The register allocator: gives each virtual register of a block of host
   instructions a real register, inserting spills, reloads and moves.

   The input is straight-line code (a superblock; its side exits leave it
   and need nothing from the allocator, since all guest state is in memory
   at every exit).  The allocator works in two passes.

   Pass 1 (analysis) asks the host for every instruction's register usage
   and computes
     - for each virtual register: its class, the instruction that first
       writes it (reading it before that is an error in the instruction
       selector), the instruction after its last use, and the sorted list
       of instructions mentioning it (for "next use" questions);
     - for each allocatable real register: the instructions mentioning it
       by name ("hard" uses: fixed operands such as %rcx for shifts,
       %rax:%rdx for division, argument registers, the registers a helper
       call trashes), and, by a backward liveness scan over hard uses
       only, at each instruction boundary whether the register holds a
       value that a later instruction reads by name ("busy").  A virtual
       register may only live in a real register across a boundary where
       that register is not busy, and never across an instruction that
       writes the register by name.

   Pass 2 (allocation) walks forward once.  At each instruction:
     0. a reg-reg move whose source dies here is coalesced away: the
        destination takes over the source's register (or its spill slot);
        a move out of a real register whose fixed-use range ends here (the
        result of a call, say) makes the destination live in that real
        register.  Neither emits anything.
     1. a virtual register living in a real register that this
        instruction writes by name (e.g. a caller-saved register across a
        call) is moved to a free register that is safe, or else spilled;
        one that is only read here and dies here may stay (instructions
        read all inputs before writing any output).
     2. inputs living in spill slots are reloaded (or, when the host can,
        the instruction is rewritten to read the slot directly);
     3. inputs that die here free their registers; outputs get registers;
     4. the instruction is renamed and emitted;
     5. registers and spill slots of registers that die here are freed.
   Choosing a free register prefers one whose next fixed use lies beyond
   the virtual register's death (the tightest such fit), else the one whose
   next fixed use is farthest.  When no register is free, the virtual
   register not used by this instruction whose next use is farthest is
   evicted (spilled unless its spill slot already holds its value).

   Spill slots are 8 bytes (16 for 128-bit classes) in the spill area the
   caller describes; a virtual register keeps its slot from its first
   spill until its death, when the slot is reused.

   Rematerialisation: a virtual register written by exactly one
   instruction that reads no register (a constant load), when the host
   says it can recompute it (genRemat), is never stored when evicted; it
   is recomputed where it would have been reloaded. */
#include "libvex_basictypes.h"
#include "libvex.h"
#include "main_util.h"
#include "host_generic_regs.h"

RegAllocStats regAllocStats;

#define INFINITE_POS 0x7FFFFFFF

typedef struct {
   Int       live_after;   /* first instruction writing it, -1 if unused */
   Int       dead_before;  /* 1 + last instruction mentioning it */
   HRegClass rc;
   Int*      uses;         /* instructions mentioning it, ascending */
   Int       n_uses;
   Int       rreg;         /* universe index of its register, or -1 */
   Int       slot;         /* first 8-byte unit of its spill slot, or -1 */
   Bool      slot_current; /* the spill slot holds its current value */
   Int       n_writes;     /* instructions writing or modifying it */
   Int       remat_def;    /* its defining instruction if recomputable */
} VRegState;

typedef struct {
   Int  vreg;    /* the virtual register it holds, or -1 */
   Int* hard;    /* instructions naming it, ascending */
   Int  n_hard;
} RRegState;

typedef struct {
   const RegAllocControl* con;
   const RRegUniverse*    univ;
   HInstrArray*           in;
   HInstrArray*           out;
   Int                    n_instrs;
   Int                    n_vregs;
   VRegState*             v;
   RRegState*             r;
   HRegUsage*             usage;       /* per instruction */
   ULong*                 busy_after;  /* per instruction */
   ULong                  busy_in;     /* before the first instruction */
   ULong                  allocable_mask;
   UChar*                 slot_used;   /* per 8-byte unit */
   Int                    n_units;
} RA;

/* ------------------------------------------------------------------ */
/* Small helpers                                                      */
/* ------------------------------------------------------------------ */

/* First element >= X of the ascending array A[0..N-1], or INFINITE_POS. */
static Int first_at_or_after(const Int* a, Int n, Int x)
{
   Int lo = 0, hi = n;
   while (lo < hi) {
      Int mid = lo + (hi - lo) / 2;
      if (a[mid] < x)
         lo = mid + 1;
      else
         hi = mid;
   }
   return lo < n ? a[lo] : INFINITE_POS;
}

static Int next_use(const RA* ra, Int vreg, Int pos)
{
   return first_at_or_after(ra->v[vreg].uses, ra->v[vreg].n_uses, pos);
}

static Int next_hard(const RA* ra, Int rreg, Int pos)
{
   return first_at_or_after(ra->r[rreg].hard, ra->r[rreg].n_hard, pos);
}

static ULong busy_before(const RA* ra, Int i)
{
   return i == 0 ? ra->busy_in : ra->busy_after[i - 1];
}

static void emit(RA* ra, HInstr* instr)
{
   if (ra->con->trace) {
      vex_printf("      emit   ");
      ra->con->ppInstr(instr, ra->con->mode64);
      vex_printf("\n");
   }
   addHInstr(ra->out, instr);
}

static Int slot_units(HRegClass rc)
{
   return rc == HRcVec128 ? 2 : 1;
}

static Int alloc_slot(RA* ra, HRegClass rc)
{
   Int need = slot_units(rc);
   for (Int u = 0; u + need <= ra->n_units; u += need) {
      Bool ok = True;
      for (Int k = 0; k < need; k++)
         if (ra->slot_used[u + k])
            ok = False;
      if (!ok)
         continue;
      for (Int k = 0; k < need; k++)
         ra->slot_used[u + k] = 1;
      UInt hw = (UInt)(u + need) * 8;
      if (hw > regAllocStats.max_slot_bytes)
         regAllocStats.max_slot_bytes = hw;
      return u;
   }
   vpanic("doRegisterAllocation: out of spill slots "
          "(the spill area is too small for this block)");
}

static void free_slot(RA* ra, Int vreg)
{
   VRegState* v = &ra->v[vreg];
   if (v->slot < 0)
      return;
   for (Int k = 0; k < slot_units(v->rc); k++) {
      vassert(ra->slot_used[v->slot + k]);
      ra->slot_used[v->slot + k] = 0;
   }
   v->slot         = -1;
   v->slot_current = False;
}

static Int slot_offset(const RA* ra, Int slot)
{
   return ra->con->spill_base + slot * 8;
}

static HReg rreg_of(const RA* ra, Int ix)
{
   return ra->univ->regs[ix];
}

static void bind(RA* ra, Int vreg, Int rreg)
{
   vassert(ra->r[rreg].vreg == -1);
   vassert(ra->v[vreg].rreg == -1);
   ra->r[rreg].vreg = vreg;
   ra->v[vreg].rreg = rreg;
}

static void unbind(RA* ra, Int vreg)
{
   Int rreg = ra->v[vreg].rreg;
   vassert(rreg >= 0 && ra->r[rreg].vreg == vreg);
   ra->r[rreg].vreg = -1;
   ra->v[vreg].rreg = -1;
}

static void emit_pair(RA* ra, HInstr* i1, HInstr* i2)
{
   vassert(i1 != NULL);
   emit(ra, i1);
   if (i2 != NULL)
      emit(ra, i2);
}

/* Makes sure VREG's spill slot holds its value, then takes it out of its
   register. */
static void spill(RA* ra, Int vreg)
{
   VRegState* v = &ra->v[vreg];
   vassert(v->rreg >= 0);
   if (v->remat_def >= 0) {
      unbind(ra, vreg);   /* recomputed when needed again */
      return;
   }
   if (v->slot < 0)
      v->slot = alloc_slot(ra, v->rc);
   if (!v->slot_current) {
      HInstr *i1 = NULL, *i2 = NULL;
      ra->con->genSpill(&i1, &i2, rreg_of(ra, v->rreg),
                        slot_offset(ra, v->slot), ra->con->mode64);
      emit_pair(ra, i1, i2);
      v->slot_current = True;
      regAllocStats.n_spills++;
   }
   unbind(ra, vreg);
}

static void reload(RA* ra, Int vreg, Int rreg)
{
   VRegState* v = &ra->v[vreg];
   vassert(v->rreg == -1);
   if (v->remat_def >= 0) {
      HInstr* ri = ra->con->genRemat(ra->in->arr[v->remat_def],
                                     rreg_of(ra, rreg), ra->con->mode64);
      vassert(ri != NULL);
      emit(ra, ri);
      bind(ra, vreg, rreg);
      regAllocStats.n_remats++;
      return;
   }
   vassert(v->slot >= 0 && v->slot_current);
   HInstr *i1 = NULL, *i2 = NULL;
   ra->con->genReload(&i1, &i2, rreg_of(ra, rreg), slot_offset(ra, v->slot),
                      ra->con->mode64);
   emit_pair(ra, i1, i2);
   bind(ra, vreg, rreg);
   regAllocStats.n_reloads++;
}

static void vreg_dies(RA* ra, Int vreg)
{
   if (ra->v[vreg].rreg >= 0)
      unbind(ra, vreg);
   free_slot(ra, vreg);
}

/* ------------------------------------------------------------------ */
/* Choosing registers                                                 */
/* ------------------------------------------------------------------ */

/* A free register of class RC among OK for a virtual register that must
   stay in it until DEAD_BEFORE (used after instruction I), or -1. */
static Int pick_free(const RA* ra, HRegClass rc, ULong ok, Int i,
                     Int dead_before)
{
   Int best_fit = -1, best_fit_nc = INFINITE_POS;
   Int best_far = -1, best_far_nc = -1;
   for (UInt r = ra->univ->allocable_start[rc];
        r < ra->univ->allocable_end[rc]; r++) {
      if (!(ok & (1ULL << r)) || ra->r[r].vreg != -1)
         continue;
      Int nc = next_hard(ra, (Int)r, i + 1);
      if (nc >= dead_before) {
         if (best_fit == -1 || nc < best_fit_nc) {
            best_fit    = (Int)r;
            best_fit_nc = nc;
         }
      } else if (nc > best_far_nc) {
         best_far    = (Int)r;
         best_far_nc = nc;
      }
   }
   return best_fit != -1 ? best_fit : best_far;
}

/* Whether instruction I's (current) usage mentions VREG. */
static Bool mentioned(const HRegUsage* u, Int vreg)
{
   for (UInt k = 0; k < u->n_vRegs; k++)
      if ((Int)hregIndex(u->vRegs[k]) == vreg)
         return True;
   return False;
}

static Bool no_store_needed(const RA* ra, Int vreg)
{
   return ra->v[vreg].slot_current || ra->v[vreg].remat_def >= 0;
}

/* Frees a register of class RC among OK by evicting the virtual register
   (not used by instruction I) whose next use is farthest.  Returns the
   register. */
static Int evict_for(RA* ra, HRegClass rc, ULong ok, Int i,
                     const HRegUsage* u)
{
   Int victim_r = -1, victim_next = -1;
   for (UInt r = ra->univ->allocable_start[rc];
        r < ra->univ->allocable_end[rc]; r++) {
      if (!(ok & (1ULL << r)))
         continue;
      Int vr = ra->r[r].vreg;
      if (vr == -1 || mentioned(u, vr))
         continue;
      Int nu = next_use(ra, vr, i);
      /* Prefer the farthest next use; on a tie, one whose spill slot
         already holds its value (no store needed). */
      if (nu > victim_next
          || (nu == victim_next && no_store_needed(ra, vr)
              && !no_store_needed(ra, ra->r[victim_r].vreg))) {
         victim_r    = (Int)r;
         victim_next = nu;
      }
   }
   if (victim_r == -1) {
      vex_printf("\ndoRegisterAllocation: no ");
      ppHRegClass(rc);
      vex_printf(" register can be made free at instruction %d: ", i);
      if (ra->con->ppInstr != NULL)
         ra->con->ppInstr(ra->in->arr[i], ra->con->mode64);
      vex_printf("\n");
      vpanic("doRegisterAllocation: too few registers for an instruction");
   }
   spill(ra, ra->r[victim_r].vreg);
   return victim_r;
}

static Int get_reg(RA* ra, HRegClass rc, ULong ok, Int i, Int dead_before,
                   const HRegUsage* u)
{
   Int r = pick_free(ra, rc, ok, i, dead_before);
   if (r == -1)
      r = evict_for(ra, rc, ok, i, u);
   return r;
}

/* ------------------------------------------------------------------ */
/* Pass 1: analysis                                                   */
/* ------------------------------------------------------------------ */

static void analyse(RA* ra)
{
   Int n = ra->n_instrs;
   const RegAllocControl* con = ra->con;

   ra->usage      = LibVEX_Alloc(sizeof(HRegUsage) * (n > 0 ? n : 1));
   ra->busy_after = LibVEX_Alloc(sizeof(ULong) * (n > 0 ? n : 1));

   Int* n_hard = LibVEX_Alloc(sizeof(Int) * N_RREGUNIVERSE_REGS);
   for (Int r = 0; r < N_RREGUNIVERSE_REGS; r++)
      n_hard[r] = 0;

   for (Int i = 0; i < n; i++) {
      HRegUsage* u = &ra->usage[i];
      con->getRegUsage(u, ra->in->arr[i], con->mode64);
      for (UInt k = 0; k < u->n_vRegs; k++) {
         HReg vr = u->vRegs[k];
         Int  ix = (Int)hregIndex(vr);
         if (ix >= ra->n_vregs) {
            vex_printf("\ndoRegisterAllocation: instruction %d mentions ", i);
            ppHReg(vr);
            vex_printf(" but the block has only %d virtual registers\n",
                       ra->n_vregs);
            vpanic("doRegisterAllocation: virtual register out of range");
         }
         VRegState* v = &ra->v[ix];
         if (v->live_after == -1) {
            if (u->vMode[k] != HRmWrite) {
               vex_printf("\ndoRegisterAllocation: instruction %d reads ", i);
               ppHReg(vr);
               vex_printf(" before anything writes it: ");
               if (con->ppInstr != NULL)
                  con->ppInstr(ra->in->arr[i], con->mode64);
               vex_printf("\n");
               vpanic("doRegisterAllocation: virtual register read before "
                      "it is written");
            }
            v->live_after = i;
            v->rc         = hregClass(vr);
         } else if (v->rc != hregClass(vr)) {
            vpanic("doRegisterAllocation: a virtual register is used with "
                   "two classes");
         }
         v->dead_before = i + 1;
         v->n_uses++;
         if (u->vMode[k] & HRmWrite)
            v->n_writes++;
      }
      ULong hard = (u->rRead | u->rWritten) & ra->allocable_mask;
      for (Int r = 0; r < (Int)ra->univ->allocable; r++)
         if (hard & (1ULL << r))
            n_hard[r]++;
   }

   /* The use lists. */
   for (Int vi = 0; vi < ra->n_vregs; vi++) {
      VRegState* v = &ra->v[vi];
      v->uses   = v->n_uses > 0 ? LibVEX_Alloc(sizeof(Int) * v->n_uses) : NULL;
      v->n_uses = 0;
   }
   for (Int r = 0; r < (Int)ra->univ->allocable; r++) {
      ra->r[r].hard   = n_hard[r] > 0 ? LibVEX_Alloc(sizeof(Int) * n_hard[r])
                                      : NULL;
      ra->r[r].n_hard = 0;
   }
   for (Int i = 0; i < n; i++) {
      const HRegUsage* u = &ra->usage[i];
      for (UInt k = 0; k < u->n_vRegs; k++) {
         VRegState* v = &ra->v[hregIndex(u->vRegs[k])];
         v->uses[v->n_uses++] = i;
      }
      ULong hard = (u->rRead | u->rWritten) & ra->allocable_mask;
      for (Int r = 0; r < (Int)ra->univ->allocable; r++)
         if (hard & (1ULL << r))
            ra->r[r].hard[ra->r[r].n_hard++] = i;
   }

   /* Recomputable values: written once, by an instruction that reads
      nothing and names no real register, which the host can redo. */
   if (con->genRemat != NULL) {
      for (Int vi = 0; vi < ra->n_vregs; vi++) {
         VRegState* v = &ra->v[vi];
         if (v->n_writes != 1 || v->live_after < 0)
            continue;
         const HRegUsage* u = &ra->usage[v->live_after];
         if (u->n_vRegs != 1 || u->vMode[0] != HRmWrite
             || (u->rRead | u->rWritten) != 0)
            continue;
         UInt s0 = ra->univ->allocable_start[v->rc];
         if (s0 == ra->univ->allocable_end[v->rc])
            continue;
         if (con->genRemat(ra->in->arr[v->live_after], ra->univ->regs[s0],
                           con->mode64) != NULL)
            v->remat_def = v->live_after;
      }
   }

   /* Liveness of values in real registers named by instructions. */
   ULong live = 0;
   for (Int i = n - 1; i >= 0; i--) {
      const HRegUsage* u = &ra->usage[i];
      ra->busy_after[i] = live & ra->allocable_mask;
      live = (live & ~u->rWritten) | u->rRead;
   }
   ra->busy_in = live & ra->allocable_mask;
}

/* ------------------------------------------------------------------ */
/* Pass 2: allocation                                                 */
/* ------------------------------------------------------------------ */

/* Step 0: removes a coalescable move.  True if instruction I was one. */
static Bool try_coalesce(RA* ra, Int i, const HRegUsage* u)
{
   if (!u->isRegRegMove)
      return False;
   HReg src = u->regMoveSrc, dst = u->regMoveDst;
   if (!hregIsVirtual(dst) || hregClass(src) != hregClass(dst))
      return False;
   Int d = (Int)hregIndex(dst);
   VRegState* D = &ra->v[d];

   if (hregIsVirtual(src)) {
      Int s = (Int)hregIndex(src);
      VRegState* S = &ra->v[s];
      if (s == d)
         return True;   /* a move to itself; deaths are handled later */
      if (S->dead_before != i + 1)
         return False;
      if (S->rreg < 0 && S->remat_def >= 0)
         return False;   /* no slot to hand over: do the move normally */
      /* D's old value (if any) is overwritten by the move. */
      if (D->rreg >= 0)
         unbind(ra, d);
      if (S->rreg >= 0) {
         Int r = S->rreg;
         unbind(ra, s);
         bind(ra, d, r);
         if (D->slot < 0 && S->slot >= 0) {
            D->slot         = S->slot;
            D->slot_current = S->slot_current;
            S->slot         = -1;
            S->slot_current = False;
         } else {
            free_slot(ra, s);
            D->slot_current = False;
         }
      } else {
         vassert(S->slot >= 0 && S->slot_current);
         free_slot(ra, d);
         D->slot         = S->slot;
         D->slot_current = True;
         S->slot         = -1;
         S->slot_current = False;
      }
      regAllocStats.n_coalesced++;
      return True;
   }

   /* A move out of a real register whose named value dies here. */
   Int r = (Int)hregIndex(src);
   if (r >= (Int)ra->univ->allocable)
      return False;
   ULong bit = 1ULL << r;
   if ((ra->busy_after[i] & bit) || (u->rWritten & bit))
      return False;
   if (ra->r[r].vreg != -1)
      return False;
   if (next_hard(ra, r, i + 1) < D->dead_before)
      return False;
   if (D->rreg >= 0)
      unbind(ra, d);
   bind(ra, d, r);
   D->slot_current = False;
   regAllocStats.n_coalesced++;
   return True;
}

/* Step 1: clears the real registers instruction I writes by name. */
static void clear_named_writes(RA* ra, Int i, const HRegUsage* u)
{
   ULong hardW = u->rWritten & ra->allocable_mask;
   ULong hardR = u->rRead & ra->allocable_mask;
   for (Int r = 0; r < (Int)ra->univ->allocable; r++) {
      ULong bit = 1ULL << r;
      Int   vr  = ra->r[r].vreg;
      if (vr == -1)
         continue;
      /* An instruction reading a register by name while a virtual one
         lives there would be a bug in this allocator. */
      vassert(!(hardR & bit));
      if (!(hardW & bit))
         continue;
      VRegState* v = &ra->v[vr];
      UInt mode = HRegUsage__modeOf(u, mkHRegVirtual((UInt)vr, v->rc));
      if (mode == HRmRead && v->dead_before == i + 1)
         continue;   /* read here, before the write, and dead after */
      if (mode == HRmWrite) {
         /* Its old value is overwritten here anyway: just let go. */
         unbind(ra, vr);
         v->slot_current = False;
         continue;
      }
      /* Move it somewhere safe, or spill it. */
      ULong ok = ~busy_before(ra, i) & ~hardW & ~hardR;
      if (v->dead_before > i + 1 || mode != HRmRead)
         ok &= ~ra->busy_after[i];
      Int r2 = pick_free(ra, v->rc, ok, i, v->dead_before);
      if (r2 != -1) {
         emit(ra, ra->con->genMove(rreg_of(ra, r), rreg_of(ra, r2),
                                   ra->con->mode64));
         unbind(ra, vr);
         bind(ra, vr, r2);
         regAllocStats.n_moves_added++;
      } else {
         spill(ra, vr);
      }
   }
}

HInstrArray* doRegisterAllocation(HInstrArray* instrs_in,
                                  const RegAllocControl* con)
{
   RA  ra_s;
   RA* ra = &ra_s;

   vassert(con->univ != NULL && con->getRegUsage != NULL
           && con->mapRegs != NULL && con->genSpill != NULL
           && con->genReload != NULL && con->genMove != NULL);
   vassert(con->spill_size >= 0 && (con->spill_size & 7) == 0);
   vassert((con->spill_base & 7) == 0);
   vassert(!con->trace || (con->ppInstr != NULL && con->ppReg != NULL));
   RRegUniverse__check_is_sane(con->univ);

   vex_bzero(&regAllocStats, sizeof regAllocStats);

   ra->con      = con;
   ra->univ     = con->univ;
   ra->in       = instrs_in;
   ra->out      = newHInstrArray();
   ra->n_instrs = instrs_in->arr_used;
   ra->n_vregs  = instrs_in->n_vregs;
   vassert(ra->n_vregs >= 0);
   ra->allocable_mask = ra->univ->allocable >= 64
                           ? ~0ULL : (1ULL << ra->univ->allocable) - 1;

   ra->v = LibVEX_Alloc(sizeof(VRegState) * (ra->n_vregs > 0 ? ra->n_vregs : 1));
   for (Int vi = 0; vi < ra->n_vregs; vi++) {
      VRegState* v   = &ra->v[vi];
      v->live_after   = -1;
      v->dead_before  = -1;
      v->rc           = HRcINVALID;
      v->uses         = NULL;
      v->n_uses       = 0;
      v->rreg         = -1;
      v->slot         = -1;
      v->slot_current = False;
      v->n_writes     = 0;
      v->remat_def    = -1;
   }
   ra->r = LibVEX_Alloc(sizeof(RRegState) * N_RREGUNIVERSE_REGS);
   for (Int r = 0; r < N_RREGUNIVERSE_REGS; r++) {
      ra->r[r].vreg   = -1;
      ra->r[r].hard   = NULL;
      ra->r[r].n_hard = 0;
   }
   ra->n_units   = con->spill_size / 8;
   ra->slot_used = LibVEX_Alloc(ra->n_units > 0 ? ra->n_units : 1);
   vex_bzero(ra->slot_used, ra->n_units > 0 ? ra->n_units : 1);

   analyse(ra);

   for (Int i = 0; i < ra->n_instrs; i++) {
      HInstr*         instr = ra->in->arr[i];
      const HRegUsage* orig = &ra->usage[i];
      HRegUsage       u_s;
      HRegUsage*      u = &u_s;
      vex_bcopy(u, orig, sizeof *u);

      if (con->trace) {
         vex_printf("-- %4d   ", i);
         con->ppInstr(instr, con->mode64);
         vex_printf("\n");
      }

      ULong hardW = u->rWritten & ra->allocable_mask;
      ULong hardR = u->rRead & ra->allocable_mask;

      /* Step 0. */
      if (try_coalesce(ra, i, u)) {
         if (con->trace)
            vex_printf("      (move coalesced away)\n");
         goto deaths;
      }

      /* Step 1. */
      clear_named_writes(ra, i, u);

      /* Step 2a: inputs in spill slots that the instruction can read from
         memory directly. */
      if (con->directReload != NULL) {
         for (UInt k = 0; k < orig->n_vRegs; k++) {
            if (orig->vMode[k] != HRmRead)
               continue;
            Int vr = (Int)hregIndex(orig->vRegs[k]);
            VRegState* v = &ra->v[vr];
            if (v->rreg >= 0 || v->remat_def >= 0 || !mentioned(u, vr))
               continue;
            Int off = slot_offset(ra, v->slot);
            if (off < -32768 || off > 32767)
               continue;
            HInstr* ni = con->directReload(instr, orig->vRegs[k], (Short)off);
            if (ni == NULL)
               continue;
            instr = ni;
            con->getRegUsage(u, instr, con->mode64);
            vassert(!mentioned(u, vr));
            vassert((u->rWritten & ra->allocable_mask) == hardW);
            vassert((u->rRead & ra->allocable_mask) == hardR);
            regAllocStats.n_direct++;
         }
      }

      /* Step 2b: reload the other inputs. */
      for (UInt k = 0; k < u->n_vRegs; k++) {
         if (!(u->vMode[k] & HRmRead))
            continue;
         Int vr = (Int)hregIndex(u->vRegs[k]);
         VRegState* v = &ra->v[vr];
         if (v->rreg >= 0)
            continue;
         ULong ok = ~busy_before(ra, i) & ~hardW & ~hardR;
         if (u->vMode[k] != HRmRead || v->dead_before > i + 1)
            ok &= ~ra->busy_after[i];
         Int r = get_reg(ra, v->rc, ok, i, v->dead_before, u);
         reload(ra, vr, r);
      }

      /* Step 3: remember the inputs' registers, free those dying here,
         then place the outputs. */
      HRegRemap remap;
      initHRegRemap(&remap);
      for (UInt k = 0; k < u->n_vRegs; k++) {
         if (!(u->vMode[k] & HRmRead))
            continue;
         Int vr = (Int)hregIndex(u->vRegs[k]);
         vassert(ra->v[vr].rreg >= 0);
         addToHRegRemap(&remap, u->vRegs[k], rreg_of(ra, ra->v[vr].rreg));
      }
      for (UInt k = 0; k < u->n_vRegs; k++) {
         Int vr = (Int)hregIndex(u->vRegs[k]);
         if (u->vMode[k] == HRmRead && ra->v[vr].dead_before == i + 1)
            vreg_dies(ra, vr);
      }
      for (UInt k = 0; k < u->n_vRegs; k++) {
         Int vr = (Int)hregIndex(u->vRegs[k]);
         VRegState* v = &ra->v[vr];
         if (u->vMode[k] == HRmRead)
            continue;
         v->slot_current = False;   /* written or modified here */
         if (u->vMode[k] == HRmModify)
            continue;               /* already in the map */
         if (v->rreg < 0) {
            ULong ok = ~hardW & ~ra->busy_after[i];
            Int r = get_reg(ra, v->rc, ok, i, v->dead_before, u);
            bind(ra, vr, r);
         }
         addToHRegRemap(&remap, u->vRegs[k], rreg_of(ra, v->rreg));
      }

      /* Step 4. */
      con->mapRegs(&remap, instr, con->mode64);
      if (u->isRegRegMove
          && sameHReg(lookupHRegRemap(&remap, u->regMoveSrc),
                      lookupHRegRemap(&remap, u->regMoveDst))) {
         if (con->trace)
            vex_printf("      (move to itself dropped)\n");
      } else {
         emit(ra, instr);
      }

     deaths:
      /* Step 5. */
      for (UInt k = 0; k < orig->n_vRegs; k++) {
         Int vr = (Int)hregIndex(orig->vRegs[k]);
         if (ra->v[vr].dead_before == i + 1)
            vreg_dies(ra, vr);
      }
   }

   for (Int r = 0; r < (Int)ra->univ->allocable; r++)
      vassert(ra->r[r].vreg == -1);
   for (Int u = 0; u < ra->n_units; u++)
      vassert(ra->slot_used[u] == 0);

   ra->out->n_vregs = 0;
   return ra->out;
}
