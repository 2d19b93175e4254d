/* Host registers, register usage, renaming and instruction arrays: the
   architecture-independent parts of VEX's back ends (see
   host_generic_regs.h). */
#include "libvex_basictypes.h"
#include "libvex.h"
#include "main_util.h"
#include "host_generic_regs.h"

/* ------------------------------------------------------------------ */
/* Registers                                                          */
/* ------------------------------------------------------------------ */

static HChar class_letter(HRegClass rc)
{
   switch (rc) {
      case HRcInt32:  return 'r';
      case HRcInt64:  return 'R';
      case HRcFlt32:  return 'F';
      case HRcFlt64:  return 'D';
      case HRcVec64:  return 'v';
      case HRcVec128: return 'V';
      default:        return '?';
   }
}

void ppHRegClass(HRegClass rc)
{
   switch (rc) {
      case HRcInt32:  vex_printf("HRcInt32");  break;
      case HRcInt64:  vex_printf("HRcInt64");  break;
      case HRcFlt32:  vex_printf("HRcFlt32");  break;
      case HRcFlt64:  vex_printf("HRcFlt64");  break;
      case HRcVec64:  vex_printf("HRcVec64");  break;
      case HRcVec128: vex_printf("HRcVec128"); break;
      default:        vpanic("ppHRegClass");
   }
}

void ppHReg(HReg r)
{
   if (hregIsInvalid(r)) {
      vex_printf("HReg_INVALID");
      return;
   }
   if (hregIsVirtual(r))
      vex_printf("%%v%c%u", class_letter(hregClass(r)), hregIndex(r));
   else
      vex_printf("%%%c%u", class_letter(hregClass(r)), hregEncoding(r));
}

/* ------------------------------------------------------------------ */
/* The real-register universe                                         */
/* ------------------------------------------------------------------ */

void RRegUniverse__init(RRegUniverse* ru)
{
   vex_bzero(ru, sizeof *ru);
   for (UInt i = 0; i < N_RREGUNIVERSE_REGS; i++)
      ru->regs[i] = INVALID_HREG;
}

void RRegUniverse__finish(RRegUniverse* ru)
{
   vassert(ru->size <= N_RREGUNIVERSE_REGS);
   vassert(ru->allocable <= ru->size);
   for (UInt c = 0; c <= HrcLAST; c++) {
      ru->allocable_start[c] = 0;
      ru->allocable_end[c]   = 0;
   }
   for (UInt i = 0; i < ru->allocable; i++) {
      HRegClass rc = hregClass(ru->regs[i]);
      vassert(rc >= HRcInt32 && rc <= HrcLAST);
      if (ru->allocable_start[rc] == ru->allocable_end[rc]) {
         ru->allocable_start[rc] = i;
         ru->allocable_end[rc]   = i + 1;
      } else {
         /* Each class's registers must be contiguous. */
         vassert(ru->allocable_end[rc] == i);
         ru->allocable_end[rc] = i + 1;
      }
   }
   RRegUniverse__check_is_sane(ru);
}

void RRegUniverse__check_is_sane(const RRegUniverse* ru)
{
   vassert(ru->size <= N_RREGUNIVERSE_REGS);
   vassert(ru->allocable <= ru->size);
   for (UInt i = 0; i < ru->size; i++) {
      HReg r = ru->regs[i];
      vassert(!hregIsInvalid(r));
      vassert(!hregIsVirtual(r));
      vassert(hregIndex(r) == i);
      for (UInt j = 0; j < i; j++)
         vassert(!sameHReg(ru->regs[j], r));
   }
   for (UInt i = ru->size; i < N_RREGUNIVERSE_REGS; i++)
      vassert(hregIsInvalid(ru->regs[i]));
   for (UInt c = HRcInt32; c <= HrcLAST; c++) {
      UInt s = ru->allocable_start[c], e = ru->allocable_end[c];
      vassert(s <= e && e <= ru->allocable);
      for (UInt i = s; i < e; i++)
         vassert(hregClass(ru->regs[i]) == (HRegClass)c);
      if (s == e)
         continue;
      for (UInt i = 0; i < ru->allocable; i++)
         if (i < s || i >= e)
            vassert(hregClass(ru->regs[i]) != (HRegClass)c);
   }
}

void RRegUniverse__show(const RRegUniverse* ru, void (*pp_reg)(HReg))
{
   vex_printf("real-register universe: %u registers, %u allocatable\n",
              ru->size, ru->allocable);
   for (UInt i = 0; i < ru->size; i++) {
      vex_printf("  %2u ", i);
      pp_reg(ru->regs[i]);
      vex_printf("%s\n", i < ru->allocable ? "" : "  (not allocatable)");
   }
}

/* ------------------------------------------------------------------ */
/* Register usage                                                     */
/* ------------------------------------------------------------------ */

void initHRegUsage(HRegUsage* u)
{
   u->rRead        = 0;
   u->rWritten     = 0;
   u->n_vRegs      = 0;
   u->isRegRegMove = False;
   u->regMoveSrc   = INVALID_HREG;
   u->regMoveDst   = INVALID_HREG;
}

void addHRegUse(HRegUsage* u, HRegMode mode, HReg reg)
{
   vassert(mode == HRmRead || mode == HRmWrite || mode == HRmModify);
   vassert(!hregIsInvalid(reg));
   if (!hregIsVirtual(reg)) {
      UInt ix = hregIndex(reg);
      vassert(ix < 64);
      if (mode & HRmRead)
         u->rRead |= 1ULL << ix;
      if (mode & HRmWrite)
         u->rWritten |= 1ULL << ix;
      return;
   }
   for (UInt i = 0; i < u->n_vRegs; i++) {
      if (sameHReg(u->vRegs[i], reg)) {
         u->vMode[i] = (UChar)(u->vMode[i] | mode);
         return;
      }
   }
   if (u->n_vRegs >= N_HREGUSAGE_VREGS)
      vpanic("addHRegUse: too many virtual registers in one instruction");
   u->vRegs[u->n_vRegs] = reg;
   u->vMode[u->n_vRegs] = (UChar)mode;
   u->n_vRegs++;
}

void setHRegUsageMove(HRegUsage* u, HReg src, HReg dst)
{
   vassert(hregClass(src) == hregClass(dst));
   u->isRegRegMove = True;
   u->regMoveSrc   = src;
   u->regMoveDst   = dst;
}

UInt HRegUsage__modeOf(const HRegUsage* u, HReg reg)
{
   if (!hregIsVirtual(reg)) {
      UInt ix = hregIndex(reg), m = 0;
      if (ix >= 64)
         return 0;
      if (u->rRead & (1ULL << ix))
         m |= HRmRead;
      if (u->rWritten & (1ULL << ix))
         m |= HRmWrite;
      return m;
   }
   for (UInt i = 0; i < u->n_vRegs; i++)
      if (sameHReg(u->vRegs[i], reg))
         return u->vMode[i];
   return 0;
}

static const HChar* mode_name(UInt m)
{
   switch (m) {
      case HRmRead:   return "Read";
      case HRmWrite:  return "Write";
      case HRmModify: return "Modify";
      default:        return "?";
   }
}

void ppHRegUsage(const RRegUniverse* univ, const HRegUsage* u,
                 void (*pp_reg)(HReg))
{
   vex_printf("HRegUsage {\n");
   for (UInt i = 0; i < univ->size && i < 64; i++) {
      UInt m = 0;
      if (u->rRead & (1ULL << i))
         m |= HRmRead;
      if (u->rWritten & (1ULL << i))
         m |= HRmWrite;
      if (m == 0)
         continue;
      vex_printf("   %-6s ", mode_name(m));
      pp_reg(univ->regs[i]);
      vex_printf("\n");
   }
   for (UInt i = 0; i < u->n_vRegs; i++) {
      vex_printf("   %-6s ", mode_name(u->vMode[i]));
      ppHReg(u->vRegs[i]);
      vex_printf("\n");
   }
   if (u->isRegRegMove) {
      vex_printf("   (is a reg-reg move ");
      ppHReg(u->regMoveSrc);
      vex_printf(" -> ");
      ppHReg(u->regMoveDst);
      vex_printf(")\n");
   }
   vex_printf("}\n");
}

/* ------------------------------------------------------------------ */
/* Renaming                                                           */
/* ------------------------------------------------------------------ */

void initHRegRemap(HRegRemap* m)
{
   m->n_used = 0;
}

void addToHRegRemap(HRegRemap* m, HReg orig, HReg replacement)
{
   vassert(hregIsVirtual(orig));
   for (UInt i = 0; i < m->n_used; i++)
      if (sameHReg(m->orig[i], orig))
         vpanic("addToHRegRemap: duplicate entry");
   if (m->n_used >= N_HREGUSAGE_VREGS)
      vpanic("addToHRegRemap: map is full");
   m->orig[m->n_used]        = orig;
   m->replacement[m->n_used] = replacement;
   m->n_used++;
}

HReg lookupHRegRemap(const HRegRemap* m, HReg reg)
{
   if (!hregIsVirtual(reg))
      return reg;
   for (UInt i = 0; i < m->n_used; i++)
      if (sameHReg(m->orig[i], reg))
         return m->replacement[i];
   vpanic("lookupHRegRemap: virtual register not in the map");
}

/* ------------------------------------------------------------------ */
/* Instruction arrays                                                 */
/* ------------------------------------------------------------------ */

HInstrArray* newHInstrArray(void)
{
   HInstrArray* ha = LibVEX_Alloc(sizeof(HInstrArray));
   ha->arr_size = 16;
   ha->arr_used = 0;
   ha->n_vregs  = 0;
   ha->arr      = LibVEX_Alloc(ha->arr_size * sizeof(HInstr*));
   return ha;
}

void addHInstr(HInstrArray* ha, HInstr* instr)
{
   vassert(ha->arr_used <= ha->arr_size);
   if (ha->arr_used == ha->arr_size) {
      Int      nsize = ha->arr_size * 2;
      HInstr** narr  = LibVEX_Alloc(nsize * sizeof(HInstr*));
      vex_bcopy(narr, ha->arr, ha->arr_used * sizeof(HInstr*));
      ha->arr      = narr;
      ha->arr_size = nsize;
   }
   ha->arr[ha->arr_used++] = instr;
}

/* ------------------------------------------------------------------ */
/* Return locations                                                   */
/* ------------------------------------------------------------------ */

Bool is_sane_RetLoc(RetLoc rl)
{
   switch (rl.pri) {
      case RLPri_None:
      case RLPri_Int:
      case RLPri_2Int:
         return rl.spOff == 0;
      case RLPri_V128SpRel:
      case RLPri_V256SpRel:
         return rl.spOff >= 0 && rl.spOff < 512;
      default:
         return False;
   }
}

void ppRetLoc(RetLoc rl)
{
   switch (rl.pri) {
      case RLPri_INVALID:   vex_printf("RLPri_INVALID"); return;
      case RLPri_None:      vex_printf("RLPri_None");    return;
      case RLPri_Int:       vex_printf("RLPri_Int");     return;
      case RLPri_2Int:      vex_printf("RLPri_2Int");    return;
      case RLPri_V128SpRel: vex_printf("RLPri_V128SpRel(%d)", rl.spOff); return;
      case RLPri_V256SpRel: vex_printf("RLPri_V256SpRel(%d)", rl.spOff); return;
      default:              vpanic("ppRetLoc");
   }
}
