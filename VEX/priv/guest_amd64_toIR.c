/* The amd64 front end's core: prefixes, ModRM/SIB/RIP-relative
   addressing, operand access, the lazy flags thunk, the opcode-table
   walker that drives decoding and disassembly, and disInstr_AMD64, the
   entry point superblock formation calls per instruction.

   The instructions themselves are in the family files; each provides an
   opcode table (see guest_amd64_defs.h).  Decoding one instruction:

     1. prefixes: legacy (66 67 F0 F2 F3, segments) then REX;
     2. the opcode map (0F, 0F 38, 0F 3A escapes) and opcode byte;
     3. the table entry: among the entries for that map and byte, the one
        whose mandatory prefix, REX.W, ModRM.reg extension, ModRM and mod
        constraints match, the most specific winning;
     4. the operands, as the entry's operand forms say: ModRM, SIB,
        displacement, immediates -- so the instruction's length (needed by
        RIP-relative addresses) is known before any IR is made;
     5. the entry's routine makes the IR, using the operand accessors and
        the flags-thunk functions below.

   The disassembler runs steps 1-4 and prints from the entry and the
   decoded operands, in AT&T syntax as Valgrind prints it. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"

IRSB* amd64_irsb = NULL;

/* ================================================================== */
/* The instruction families                                           */
/* ================================================================== */

/* Every family's table, in the order entries are considered (the order
   only matters between equally specific entries, which the tables
   avoid).  A new family file joins by being listed here. */
static const Amd64OpTable* const amd64_families[] = {
   &amd64_optable_int,
   &amd64_optable_sse,     /* guest_amd64_toIR_sse.c */
   &amd64_optable_x87,     /* guest_amd64_toIR_x87.c */
   &amd64_optable_string,  /* guest_amd64_toIR_string.c */
   &amd64_optable_system,  /* guest_amd64_toIR_system.c */
   NULL
};

const Amd64OpTable* const* amd64_all_optables(void)
{
   return amd64_families;
}

/* ================================================================== */
/* Small IR helpers                                                   */
/* ================================================================== */

IRExpr* mkU(IRType ty, ULong i)
{
   switch (ty) {
      case Ity_I8:  return mkU8(i);
      case Ity_I16: return mkU16(i);
      case Ity_I32: return mkU32(i);
      case Ity_I64: return mkU64(i);
      default:      vpanic("mkU: bad type");
   }
}

IRType szToITy(Int sz)
{
   switch (sz) {
      case 1: return Ity_I8;
      case 2: return Ity_I16;
      case 4: return Ity_I32;
      case 8: return Ity_I64;
      default: vpanic("szToITy: bad size");
   }
}

IROp mkSizedOp(IRType ty, IROp op8)
{
   switch (op8) {
      case Iop_Add8: case Iop_Sub8: case Iop_Mul8: case Iop_Or8:
      case Iop_And8: case Iop_Xor8: case Iop_Shl8: case Iop_Shr8:
      case Iop_Sar8: case Iop_CmpEQ8: case Iop_CmpNE8: case Iop_Not8:
      case Iop_CasCmpEQ8: case Iop_CasCmpNE8: case Iop_ExpCmpNE8:
         break;
      default:
         vpanic("mkSizedOp: not an 8-bit op");
   }
   switch (ty) {
      case Ity_I8:  return op8;
      case Ity_I16: return (IROp)(op8 + 1);
      case Ity_I32: return (IROp)(op8 + 2);
      case Ity_I64: return (IROp)(op8 + 3);
      default:      vpanic("mkSizedOp: bad type");
   }
}

static Int ty_bits(IRType ty)
{
   switch (ty) {
      case Ity_I1:  return 1;
      case Ity_I8:  return 8;
      case Ity_I16: return 16;
      case Ity_I32: return 32;
      case Ity_I64: return 64;
      default:      vpanic("ty_bits: not an integer type");
   }
}

IRExpr* narrowTo(IRType dst, IRExpr* e)
{
   IRType src = exprTy(e);
   if (src == dst)
      return e;
   switch (src) {
      case Ity_I64:
         switch (dst) {
            case Ity_I32: return unop(Iop_64to32, e);
            case Ity_I16: return unop(Iop_64to16, e);
            case Ity_I8:  return unop(Iop_64to8, e);
            case Ity_I1:  return unop(Iop_64to1, e);
            default: break;
         }
         break;
      case Ity_I32:
         switch (dst) {
            case Ity_I16: return unop(Iop_32to16, e);
            case Ity_I8:  return unop(Iop_32to8, e);
            case Ity_I1:  return unop(Iop_32to1, e);
            default: break;
         }
         break;
      case Ity_I16:
         if (dst == Ity_I8)
            return unop(Iop_16to8, e);
         if (dst == Ity_I1)
            return unop(Iop_32to1, unop(Iop_16Uto32, e));
         break;
      case Ity_I8:
         if (dst == Ity_I1)
            return unop(Iop_32to1, unop(Iop_8Uto32, e));
         break;
      default:
         break;
   }
   vpanic("narrowTo: bad types");
}

IRExpr* widenUto(IRType dst, IRExpr* e)
{
   IRType src = exprTy(e);
   if (src == dst)
      return e;
   vassert(ty_bits(src) < ty_bits(dst));
   switch (dst) {
      case Ity_I64:
         switch (src) {
            case Ity_I1:  return unop(Iop_1Uto64, e);
            case Ity_I8:  return unop(Iop_8Uto64, e);
            case Ity_I16: return unop(Iop_16Uto64, e);
            case Ity_I32: return unop(Iop_32Uto64, e);
            default: break;
         }
         break;
      case Ity_I32:
         switch (src) {
            case Ity_I1:  return unop(Iop_1Uto32, e);
            case Ity_I8:  return unop(Iop_8Uto32, e);
            case Ity_I16: return unop(Iop_16Uto32, e);
            default: break;
         }
         break;
      case Ity_I16:
         if (src == Ity_I8)
            return unop(Iop_8Uto16, e);
         if (src == Ity_I1)
            return unop(Iop_32to16, unop(Iop_1Uto32, e));
         break;
      case Ity_I8:
         if (src == Ity_I1)
            return unop(Iop_1Uto8, e);
         break;
      default:
         break;
   }
   vpanic("widenUto: bad types");
}

IRExpr* widenSto(IRType dst, IRExpr* e)
{
   IRType src = exprTy(e);
   if (src == dst)
      return e;
   vassert(ty_bits(src) < ty_bits(dst));
   switch (dst) {
      case Ity_I64:
         switch (src) {
            case Ity_I1:  return unop(Iop_1Sto64, e);
            case Ity_I8:  return unop(Iop_8Sto64, e);
            case Ity_I16: return unop(Iop_16Sto64, e);
            case Ity_I32: return unop(Iop_32Sto64, e);
            default: break;
         }
         break;
      case Ity_I32:
         switch (src) {
            case Ity_I1:  return unop(Iop_1Sto32, e);
            case Ity_I8:  return unop(Iop_8Sto32, e);
            case Ity_I16: return unop(Iop_16Sto32, e);
            default: break;
         }
         break;
      case Ity_I16:
         if (src == Ity_I8)
            return unop(Iop_8Sto16, e);
         if (src == Ity_I1)
            return unop(Iop_1Sto16, e);
         break;
      case Ity_I8:
         if (src == Ity_I1)
            return unop(Iop_1Sto8, e);
         break;
      default:
         break;
   }
   vpanic("widenSto: bad types");
}

IRExpr* widenUto64(IRExpr* e) { return widenUto(Ity_I64, e); }
IRExpr* widenSto64(IRExpr* e) { return widenSto(Ity_I64, e); }

IRExpr* mkAtom(IRExpr* e)
{
   if (isIRAtom(e))
      return e;
   IRTemp t = newTemp(exprTy(e));
   assign(t, e);
   return mkexpr(t);
}

/* ================================================================== */
/* Integer registers                                                  */
/* ================================================================== */

Int amd64_ireg_offset(Int sz, UInt reg, Bool hi8)
{
   vassert(reg < 16);
   if (hi8) {
      vassert(sz == 1 && reg >= 4 && reg < 8);
      return OFFB_RAX + 8 * (Int)(reg - 4) + 1;
   }
   return OFFB_RAX + 8 * (Int)reg;
}

IRExpr* getIRegSz(Int sz, UInt reg, Bool hi8)
{
   return IRExpr_Get(amd64_ireg_offset(sz, reg, hi8), szToITy(sz));
}

void putIRegSz(Int sz, UInt reg, Bool hi8, IRExpr* e)
{
   vassert(exprTy(e) == szToITy(sz));
   if (sz == 4) {
      stmt(IRStmt_Put(amd64_ireg_offset(8, reg, False),
                      unop(Iop_32Uto64, e)));
      return;
   }
   stmt(IRStmt_Put(amd64_ireg_offset(sz, reg, hi8), e));
}

IRExpr* getIReg64(UInt reg) { return getIRegSz(8, reg, False); }
void    putIReg64(UInt reg, IRExpr* e) { putIRegSz(8, reg, False, e); }

const HChar* nameIReg(Int sz, UInt reg, Bool hi8)
{
   static const HChar* const n64[16] = {
      "%rax", "%rcx", "%rdx", "%rbx", "%rsp", "%rbp", "%rsi", "%rdi",
      "%r8", "%r9", "%r10", "%r11", "%r12", "%r13", "%r14", "%r15" };
   static const HChar* const n32[16] = {
      "%eax", "%ecx", "%edx", "%ebx", "%esp", "%ebp", "%esi", "%edi",
      "%r8d", "%r9d", "%r10d", "%r11d", "%r12d", "%r13d", "%r14d", "%r15d" };
   static const HChar* const n16[16] = {
      "%ax", "%cx", "%dx", "%bx", "%sp", "%bp", "%si", "%di",
      "%r8w", "%r9w", "%r10w", "%r11w", "%r12w", "%r13w", "%r14w", "%r15w" };
   static const HChar* const n8[16] = {
      "%al", "%cl", "%dl", "%bl", "%spl", "%bpl", "%sil", "%dil",
      "%r8b", "%r9b", "%r10b", "%r11b", "%r12b", "%r13b", "%r14b", "%r15b" };
   static const HChar* const n8h[4] = { "%ah", "%ch", "%dh", "%bh" };
   vassert(reg < 16);
   switch (sz) {
      case 8: return n64[reg];
      case 4: return n32[reg];
      case 2: return n16[reg];
      case 1: return hi8 ? n8h[reg - 4] : n8[reg];
      default: vpanic("nameIReg: bad size");
   }
}

/* ================================================================== */
/* Operand forms                                                      */
/* ================================================================== */

/* Where an operand comes from. */
enum {
   SRC_NONE = 0,
   SRC_E,      /* ModRM.rm: register or memory */
   SRC_M,      /* ModRM.rm: memory only */
   SRC_G,      /* ModRM.reg */
   SRC_I,      /* immediate */
   SRC_J,      /* relative branch target */
   SRC_O,      /* moffs */
   SRC_Z,      /* opcode low bits + REX.B */
   SRC_FIX,    /* a fixed register */
   SRC_ONE     /* the constant 1 */
};

/* Size codes. */
enum {
   SZC_0 = 0, SZC_b, SZC_w, SZC_d, SZC_q, SZC_v, SZC_y, SZC_z, SZC_bs,
   SZC_vq, SZC_x
};

typedef struct {
   const HChar* name;
   UChar        src;
   UChar        szc;
   UChar        rclass;
   UChar        fixreg;
} OpFormInfo;

static const OpFormInfo opform_info[OPF_NUMBER] = {
   [OPF_NONE] = { "",    SRC_NONE, SZC_0, ARC_GPR, 0 },
   [OPF_Eb]   = { "Eb",  SRC_E, SZC_b, ARC_GPR, 0 },
   [OPF_Ew]   = { "Ew",  SRC_E, SZC_w, ARC_GPR, 0 },
   [OPF_Ed]   = { "Ed",  SRC_E, SZC_d, ARC_GPR, 0 },
   [OPF_Eq]   = { "Eq",  SRC_E, SZC_q, ARC_GPR, 0 },
   [OPF_Ev]   = { "Ev",  SRC_E, SZC_v, ARC_GPR, 0 },
   [OPF_Ey]   = { "Ey",  SRC_E, SZC_y, ARC_GPR, 0 },
   [OPF_Gb]   = { "Gb",  SRC_G, SZC_b, ARC_GPR, 0 },
   [OPF_Gw]   = { "Gw",  SRC_G, SZC_w, ARC_GPR, 0 },
   [OPF_Gd]   = { "Gd",  SRC_G, SZC_d, ARC_GPR, 0 },
   [OPF_Gq]   = { "Gq",  SRC_G, SZC_q, ARC_GPR, 0 },
   [OPF_Gv]   = { "Gv",  SRC_G, SZC_v, ARC_GPR, 0 },
   [OPF_Gy]   = { "Gy",  SRC_G, SZC_y, ARC_GPR, 0 },
   [OPF_M]    = { "M",   SRC_M, SZC_0, ARC_GPR, 0 },
   [OPF_Mb]   = { "Mb",  SRC_M, SZC_b, ARC_GPR, 0 },
   [OPF_Mw]   = { "Mw",  SRC_M, SZC_w, ARC_GPR, 0 },
   [OPF_Md]   = { "Md",  SRC_M, SZC_d, ARC_GPR, 0 },
   [OPF_Mq]   = { "Mq",  SRC_M, SZC_q, ARC_GPR, 0 },
   [OPF_Mv]   = { "Mv",  SRC_M, SZC_v, ARC_GPR, 0 },
   [OPF_Mdq]  = { "Mdq", SRC_M, SZC_x, ARC_GPR, 0 },
   [OPF_Ib]   = { "Ib",  SRC_I, SZC_b, ARC_GPR, 0 },
   [OPF_Ibs]  = { "Ibs", SRC_I, SZC_bs, ARC_GPR, 0 },
   [OPF_Iw]   = { "Iw",  SRC_I, SZC_w, ARC_GPR, 0 },
   [OPF_Iz]   = { "Iz",  SRC_I, SZC_z, ARC_GPR, 0 },
   [OPF_Iv]   = { "Iv",  SRC_I, SZC_vq, ARC_GPR, 0 },
   [OPF_Jb]   = { "Jb",  SRC_J, SZC_b, ARC_GPR, 0 },
   [OPF_Jz]   = { "Jz",  SRC_J, SZC_z, ARC_GPR, 0 },
   [OPF_Ob]   = { "Ob",  SRC_O, SZC_b, ARC_GPR, 0 },
   [OPF_Ov]   = { "Ov",  SRC_O, SZC_v, ARC_GPR, 0 },
   [OPF_Zb]   = { "Zb",  SRC_Z, SZC_b, ARC_GPR, 0 },
   [OPF_Zv]   = { "Zv",  SRC_Z, SZC_v, ARC_GPR, 0 },
   [OPF_AL]   = { "AL",  SRC_FIX, SZC_b, ARC_GPR, 0 },
   [OPF_AX]   = { "AX",  SRC_FIX, SZC_w, ARC_GPR, 0 },
   [OPF_rAX]  = { "rAX", SRC_FIX, SZC_v, ARC_GPR, 0 },
   [OPF_CL]   = { "CL",  SRC_FIX, SZC_b, ARC_GPR, 1 },
   [OPF_DX]   = { "DX",  SRC_FIX, SZC_w, ARC_GPR, 2 },
   [OPF_ONE]  = { "1",   SRC_ONE, SZC_b, ARC_GPR, 0 },
   [OPF_Vx]   = { "Vx",  SRC_G, SZC_x, ARC_XMM, 0 },
   [OPF_Wx]   = { "Wx",  SRC_E, SZC_x, ARC_XMM, 0 },
   [OPF_Ux]   = { "Ux",  SRC_E, SZC_x, ARC_XMM, 0 },
   [OPF_Vq]   = { "Vq",  SRC_G, SZC_q, ARC_XMM, 0 },
   [OPF_Wq]   = { "Wq",  SRC_E, SZC_q, ARC_XMM, 0 },
   [OPF_Vd]   = { "Vd",  SRC_G, SZC_d, ARC_XMM, 0 },
   [OPF_Wd]   = { "Wd",  SRC_E, SZC_d, ARC_XMM, 0 },
   [OPF_Vss]  = { "Vss", SRC_G, SZC_d, ARC_XMM, 0 },
   [OPF_Wss]  = { "Wss", SRC_E, SZC_d, ARC_XMM, 0 },
   [OPF_Vsd]  = { "Vsd", SRC_G, SZC_q, ARC_XMM, 0 },
   [OPF_Wsd]  = { "Wsd", SRC_E, SZC_q, ARC_XMM, 0 },
};

const HChar* amd64_opform_name(UInt form)
{
   return form < OPF_NUMBER ? opform_info[form].name : "?";
}

static Bool entry_needs_modrm(const Amd64OpEntry* e)
{
   if (e->ext >= 0 || e->modrm >= 0 || (e->flags & AF_MODRM))
      return True;
   for (Int i = 0; i < 4; i++) {
      UChar s = opform_info[e->ops[i]].src;
      if (s == SRC_E || s == SRC_M || s == SRC_G)
         return True;
   }
   return False;
}

/* ================================================================== */
/* The opcode index                                                   */
/* ================================================================== */

/* For each map and opcode byte, the entries that may match, as a range
   of a pool of entry pointers. */
#define AMD64_POOL_SIZE 8192

static const Amd64OpEntry* cand_pool[AMD64_POOL_SIZE];
static UShort cand_start[AMD64_N_MAPS][256];
static UShort cand_count[AMD64_N_MAPS][256];
static Bool   cand_modrm[AMD64_N_MAPS][256];
static Bool   index_built = False;

static void build_index(void)
{
   UInt counts[AMD64_N_MAPS][256];
   vex_bzero(counts, sizeof counts);
   for (Int f = 0; amd64_families[f] != NULL; f++) {
      const Amd64OpTable* t = amd64_families[f];
      for (Int i = 0; i < t->n_entries; i++) {
         const Amd64OpEntry* e = &t->entries[i];
         vassert(e->map < AMD64_N_MAPS && e->span >= 1);
         vassert((UInt)e->opc + e->span <= 256);
         for (Int k = 0; k < e->span; k++)
            counts[e->map][e->opc + k]++;
      }
   }
   UInt next = 0;
   for (Int m = 0; m < AMD64_N_MAPS; m++) {
      for (Int o = 0; o < 256; o++) {
         cand_start[m][o] = (UShort)next;
         cand_count[m][o] = 0;
         next += counts[m][o];
         vassert(next <= AMD64_POOL_SIZE);
      }
   }
   for (Int f = 0; amd64_families[f] != NULL; f++) {
      const Amd64OpTable* t = amd64_families[f];
      for (Int i = 0; i < t->n_entries; i++) {
         const Amd64OpEntry* e = &t->entries[i];
         Bool needs = entry_needs_modrm(e);
         for (Int k = 0; k < e->span; k++) {
            Int o = e->opc + k;
            if (cand_count[e->map][o] == 0)
               cand_modrm[e->map][o] = needs;
            /* All forms of one opcode byte agree on having a ModRM. */
            vassert(cand_modrm[e->map][o] == needs);
            cand_pool[cand_start[e->map][o] + cand_count[e->map][o]] = e;
            cand_count[e->map][o]++;
         }
      }
   }
   index_built = True;
}

/* ================================================================== */
/* Decoding                                                           */
/* ================================================================== */

/* How well entry E fits (higher is more specific), or -1. */
static Int entry_score(const Amd64OpEntry* e, UInt pfx, UChar rep_last,
                       Bool has_modrm, UChar modrm)
{
   Int score;
   switch (e->pfx) {
      case AMD64_PFX_ANY:
         score = 0;
         break;
      case AMD64_PFX_NP:
         if (pfx & (PFX_66 | PFX_F2 | PFX_F3))
            return -1;
         score = 1;
         break;
      case AMD64_PFX_66:
         if (!(pfx & PFX_66) || (pfx & (PFX_F2 | PFX_F3)))
            return -1;
         score = 2;
         break;
      case AMD64_PFX_F2:
         if (rep_last != 0xF2)
            return -1;
         score = 3;
         break;
      case AMD64_PFX_F3:
         if (rep_last != 0xF3)
            return -1;
         score = 3;
         break;
      default:
         vpanic("entry_score: bad mandatory prefix");
   }
   score *= 32;
   if (e->flags & (AF_W0 | AF_W1)) {
      Bool w = toBool(pfx & PFX_REXW);
      if ((e->flags & AF_W1) ? !w : w)
         return -1;
      score += 2;
   }
   if (e->flags & AF_NOREXB) {
      if (pfx & PFX_REXB)
         return -1;
      score += 2;
   }
   if (e->ext >= 0) {
      vassert(has_modrm);
      if (((modrm >> 3) & 7) != (UChar)e->ext)
         return -1;
      score += 1;
   }
   if (e->flags & (AF_MEM | AF_REG)) {
      Bool is_reg = toBool((modrm >> 6) == 3);
      if ((e->flags & AF_REG) ? !is_reg : is_reg)
         return -1;
      score += 4;
   }
   if (e->modrm >= 0) {
      if (modrm != (UChar)e->modrm)
         return -1;
      score += 8;
   }
   return score;
}

static Long sext_bytes(ULong v, Int nbytes)
{
   Int sh = 64 - 8 * nbytes;
   return (Long)(v << sh) >> sh;
}

static ULong fetch_le(const UChar* p, Int n)
{
   ULong v = 0;
   for (Int i = n - 1; i >= 0; i--)
      v = (v << 8) | p[i];
   return v;
}

/* The maximum length of an instruction. */
#define AMD64_MAX_INSN_LEN 15

Bool amd64_decode(const UChar* code, Addr64 addr, Amd64Dis* d)
{
   if (!index_built)
      build_index();

   vex_bzero(d, sizeof *d);
   d->addr    = addr;
   d->code    = code;
   d->m_base  = -1;
   d->m_index = -1;
   d->m_scale = 1;
   d->m_ea    = IRTemp_INVALID;

   /* 1. Prefixes. */
   Int   i = 0;
   UInt  pfx = 0;
   UChar rep_last = 0;
   UChar rex = 0;
   for (;;) {
      if (i >= AMD64_MAX_INSN_LEN)
         return False;
      UChar b = code[i];
      UInt  bit = 0;
      switch (b) {
         case 0x66: bit = PFX_66; break;
         case 0x67: bit = PFX_ASO; break;
         case 0xF0: bit = PFX_LOCK; break;
         case 0xF2: bit = PFX_F2; rep_last = 0xF2; break;
         case 0xF3: bit = PFX_F3; rep_last = 0xF3; break;
         case 0x2E: bit = PFX_CS; break;
         case 0x3E: bit = PFX_DS; break;
         case 0x26: bit = PFX_ES; break;
         case 0x36: bit = PFX_SS; break;
         case 0x64: bit = PFX_FS; break;
         case 0x65: bit = PFX_GS; break;
         default: break;
      }
      if (bit != 0) {
         /* A REX followed by a legacy prefix is ignored. */
         rex = 0;
         pfx |= bit;
         i++;
         continue;
      }
      if (b >= 0x40 && b <= 0x4F) {
         rex = b;
         i++;
         continue;
      }
      break;
   }
   if (rex != 0) {
      pfx |= PFX_REX;
      if (rex & 8) pfx |= PFX_REXW;
      if (rex & 4) pfx |= PFX_REXR;
      if (rex & 2) pfx |= PFX_REXX;
      if (rex & 1) pfx |= PFX_REXB;
   }
   /* Only the last segment override counts; FS and GS are the ones with
      an effect. */
   if ((pfx & PFX_FS) && (pfx & PFX_GS))
      return False;
   d->pfx = pfx;
   d->rex = rex;
   d->m_seg = (Int)(pfx & (PFX_FS | PFX_GS));

   /* VEX-encoded (C4, C5) instructions: the AVX family, later. */
   if (code[i] == 0xC4 || code[i] == 0xC5)
      return False;

   /* 2. The opcode map and byte. */
   UChar map = AMD64_MAP_1B;
   if (code[i] == 0x0F) {
      i++;
      if (code[i] == 0x38) {
         map = AMD64_MAP_0F38;
         i++;
      } else if (code[i] == 0x3A) {
         map = AMD64_MAP_0F3A;
         i++;
      } else {
         map = AMD64_MAP_0F;
      }
   }
   if (i >= AMD64_MAX_INSN_LEN)
      return False;
   UChar opc = code[i++];
   d->map = map;
   d->opc = opc;

   /* 3. The entry. */
   UInt n = cand_count[map][opc];
   if (n == 0)
      return False;
   Bool  has_modrm = cand_modrm[map][opc];
   UChar modrm = has_modrm ? code[i] : 0;
   const Amd64OpEntry* best = NULL;
   Int best_score = -1;
   for (UInt k = 0; k < n; k++) {
      const Amd64OpEntry* e = cand_pool[cand_start[map][opc] + k];
      Int s = entry_score(e, pfx, rep_last, has_modrm, modrm);
      if (s > best_score) {
         best_score = s;
         best = e;
      }
   }
   if (best == NULL || (best->flags & AF_INV64))
      return False;
   const Amd64OpEntry* e = best;
   d->e = e;

   /* Operand and address sizes. */
   Bool opsize66 = toBool((pfx & PFX_66) && e->pfx != AMD64_PFX_66);
   if (e->flags & AF_F64)
      d->sz = 8;
   else if (e->flags & AF_D64)
      d->sz = (pfx & PFX_REXW) ? 8 : opsize66 ? 2 : 8;
   else
      d->sz = (pfx & PFX_REXW) ? 8 : opsize66 ? 2 : 4;
   d->asz = (pfx & PFX_ASO) ? 4 : 8;

   /* 4. ModRM, SIB, displacement. */
   Int  rm_reg = -1;         /* ModRM.rm as a register (mod == 3) */
   if (has_modrm) {
      d->has_modrm = True;
      d->modrm = modrm;
      i++;
      UInt mod = modrm >> 6;
      UInt rm  = modrm & 7;
      if (mod == 3) {
         rm_reg = (Int)(rm | ((pfx & PFX_REXB) ? 8 : 0));
      } else {
         d->has_mem = True;
         Int disp_bytes = mod == 1 ? 1 : mod == 2 ? 4 : 0;
         if (rm == 4) {
            UChar sib = code[i++];
            UInt  base  = sib & 7;
            UInt  index = ((sib >> 3) & 7) | ((pfx & PFX_REXX) ? 8 : 0);
            d->m_scale = 1 << (sib >> 6);
            d->m_index = index == 4 ? -1 : (Int)index;
            if (base == 5 && mod == 0) {
               d->m_base = -1;
               disp_bytes = 4;
            } else {
               d->m_base = (Int)(base | ((pfx & PFX_REXB) ? 8 : 0));
            }
         } else if (rm == 5 && mod == 0) {
            d->m_base = AMD64_EA_RIP;
            disp_bytes = 4;
         } else {
            d->m_base = (Int)(rm | ((pfx & PFX_REXB) ? 8 : 0));
         }
         if (disp_bytes > 0) {
            d->m_disp = sext_bytes(fetch_le(code + i, disp_bytes),
                                   disp_bytes);
            i += disp_bytes;
         }
      }
   }

   /* Operands and immediates, in order. */
   for (Int k = 0; k < 4 && e->ops[k] != OPF_NONE; k++) {
      const OpFormInfo* fi = &opform_info[e->ops[k]];
      Amd64Operand* op = &d->op[k];
      op->form   = e->ops[k];
      op->rclass = fi->rclass;
      switch (fi->szc) {
         case SZC_b:  op->sz = 1; break;
         case SZC_w:  op->sz = 2; break;
         case SZC_d:  op->sz = 4; break;
         case SZC_q:  op->sz = 8; break;
         case SZC_v:  op->sz = (UChar)d->sz; break;
         case SZC_y:  op->sz = (pfx & PFX_REXW) ? 8 : 4; break;
         case SZC_z:  op->sz = (UChar)d->sz; break;
         case SZC_bs: op->sz = (UChar)d->sz; break;
         case SZC_vq: op->sz = (UChar)d->sz; break;
         case SZC_x:  op->sz = 16; break;
         default:     op->sz = 0; break;
      }
      switch (fi->src) {
         case SRC_E:
         case SRC_M:
            if (rm_reg >= 0) {
               if (fi->src == SRC_M)
                  return False;
               op->kind = AOK_REG;
               op->reg  = (UChar)rm_reg;
            } else {
               op->kind = AOK_MEM;
            }
            break;
         case SRC_G:
            op->kind = AOK_REG;
            op->reg  = (UChar)(((modrm >> 3) & 7) | ((pfx & PFX_REXR) ? 8 : 0));
            break;
         case SRC_Z:
            op->kind = AOK_REG;
            op->reg  = (UChar)((opc & 7) | ((pfx & PFX_REXB) ? 8 : 0));
            break;
         case SRC_FIX:
            op->kind = AOK_REG;
            op->reg  = fi->fixreg;
            break;
         case SRC_ONE:
            op->kind = AOK_IMM;
            op->imm  = 1;
            break;
         case SRC_I: {
            Int nb;
            switch (fi->szc) {
               case SZC_b: case SZC_bs: nb = 1; break;
               case SZC_w:  nb = 2; break;
               case SZC_z:  nb = d->sz == 2 ? 2 : 4; break;
               case SZC_vq: nb = d->sz; break;
               default: vpanic("amd64_decode: bad immediate form");
            }
            if (i + nb > AMD64_MAX_INSN_LEN)
               return False;
            ULong v = fetch_le(code + i, nb);
            i += nb;
            if (fi->szc == SZC_bs || fi->szc == SZC_z)
               v = (ULong)sext_bytes(v, nb);
            op->kind = AOK_IMM;
            op->imm  = v;
            break;
         }
         case SRC_J: {
            Int nb = fi->szc == SZC_b ? 1 : 4;
            if (i + nb > AMD64_MAX_INSN_LEN)
               return False;
            op->kind = AOK_IMM;
            op->sz   = 8;
            op->imm  = (ULong)sext_bytes(fetch_le(code + i, nb), nb);
            i += nb;
            break;
         }
         case SRC_O: {
            Int nb = d->asz;
            if (i + nb > AMD64_MAX_INSN_LEN)
               return False;
            op->kind   = AOK_MEM;
            d->has_mem = True;
            d->m_base  = -1;
            d->m_index = -1;
            d->m_disp  = (Long)fetch_le(code + i, nb);
            i += nb;
            break;
         }
         default:
            vpanic("amd64_decode: bad operand form");
      }
      /* Byte registers 4..7 without REX are AH, CH, DH, BH. */
      if (op->kind == AOK_REG && op->rclass == ARC_GPR && op->sz == 1
          && rex == 0 && op->reg >= 4 && op->reg < 8)
         op->hi8 = True;
      d->nops = k + 1;
   }
   if (i > AMD64_MAX_INSN_LEN)
      return False;
   d->len       = i;
   d->next_addr = addr + (Addr64)i;
   /* Branch targets are relative to the next instruction. */
   for (Int k = 0; k < d->nops; k++) {
      if (opform_info[d->op[k].form].src == SRC_J)
         d->op[k].imm += d->next_addr;
   }

   /* LOCK only on lockable instructions with a memory destination. */
   if ((pfx & PFX_LOCK) && !((e->flags & AF_LOCK) && d->has_mem))
      return False;
   return True;
}

/* ================================================================== */
/* The disassembler                                                   */
/* ================================================================== */

static const HChar* const cond_names[16] = {
   "o", "no", "b", "ae", "e", "ne", "be", "a",
   "s", "ns", "p", "np", "l", "ge", "le", "g"
};

const HChar* amd64_cond_name(AMD64Condcode cond)
{
   return cond < 16 ? cond_names[cond] : "";
}

static HChar size_suffix(Int sz)
{
   switch (sz) {
      case 1: return 'b';
      case 2: return 'w';
      case 4: return 'l';
      case 8: return 'q';
      default: return 0;
   }
}

/* Appends text to a buffer. */
typedef struct { HChar* buf; Int used; } Out;

static void out_str(Out* o, const HChar* s)
{
   while (*s != 0 && o->used < 127)
      o->buf[o->used++] = *s++;
   o->buf[o->used] = 0;
}

/* PRE, then V in signed decimal (DEC) or as 0x-prefixed hex, then
   POST. */
static void out_num(Out* o, const HChar* pre, ULong v, Bool dec,
                    const HChar* post)
{
   HChar tmp[48];
   if (dec)
      vex_sprintf(tmp, "%lld", (Long)v);
   else
      vex_sprintf(tmp, "0x%llX", v);
   out_str(o, pre);
   out_str(o, tmp);
   out_str(o, post);
}

static void dis_mem(Out* o, const Amd64Dis* d)
{
   Int asz = d->asz;
   if (d->pfx & PFX_FS) out_str(o, "%fs:");
   else if (d->pfx & PFX_GS) out_str(o, "%gs:");
   else if (d->pfx & PFX_CS) out_str(o, "%cs:");
   Bool seg = toBool(d->pfx & (PFX_FS | PFX_GS | PFX_CS));
   if (d->m_base == AMD64_EA_RIP) {
      out_num(o, "", (ULong)d->m_disp, True, "(%rip)");
      return;
   }
   if (d->m_base < 0 && d->m_index < 0) {
      out_num(o, "", (ULong)d->m_disp, seg, "");
      return;
   }
   if (d->m_disp != 0 || seg)
      out_num(o, "", (ULong)d->m_disp, True, "");
   out_str(o, "(");
   if (d->m_base >= 0)
      out_str(o, nameIReg(asz, (UInt)d->m_base, False));
   if (d->m_index >= 0) {
      out_str(o, ",");
      out_str(o, nameIReg(asz, (UInt)d->m_index, False));
      if (d->m_scale != 1)
         out_num(o, ",", (ULong)d->m_scale, True, "");
   }
   out_str(o, ")");
}

static void dis_operand(Out* o, const Amd64Dis* d, Int k)
{
   const Amd64Operand* op = &d->op[k];
   const OpFormInfo*   fi = &opform_info[op->form];
   UInt flags = d->e->flags;
   switch (op->kind) {
      case AOK_REG:
         if (op->rclass == ARC_XMM) {
            out_num(o, "%xmm", op->reg, True, "");
         } else {
            out_str(o, nameIReg(op->sz, op->reg, op->hi8));
         }
         return;
      case AOK_MEM:
         if (fi->src == SRC_O) {
            out_num(o, "", (ULong)d->m_disp, False, "");
            return;
         }
         dis_mem(o, d);
         return;
      case AOK_IMM:
         if (fi->src == SRC_J) {
            out_num(o, "", op->imm, False, "");
            return;
         }
         if (flags & AF_DIRIMM) {
            out_num(o, "", op->imm & 0xFF, False, ":I8");
            return;
         }
         if (flags & AF_DHEXIMM) {
            out_num(o, "$", op->imm, False, "");
            return;
         }
         if (fi->szc == SZC_b || fi->szc == SZC_w) {
            out_num(o, "$", (ULong)sext_bytes(op->imm, fi->szc == SZC_b ? 1 : 2),
                    True, "");
            return;
         }
         out_num(o, "$", (ULong)sext_bytes(op->imm, op->sz), True, "");
         return;
      default:
         return;
   }
}

/* The mnemonic for operand size SZ: "a|b|c" gives a for 16, b for 32, c
   for 64 bits; '%' stands for the condition name. */
static void dis_mnemonic(Out* o, const Amd64Dis* d)
{
   const HChar* m = d->e->mnem;
   Int pick = d->sz == 2 ? 0 : d->sz == 4 ? 1 : 2;
   Int part = 0;
   Bool has_bar = False;
   for (const HChar* p = m; *p; p++)
      if (*p == '|')
         has_bar = True;
   for (const HChar* p = m; *p; p++) {
      if (*p == '|') {
         part++;
         continue;
      }
      if (has_bar && part != pick)
         continue;
      if (*p == '%') {
         out_str(o, cond_names[d->opc & 15]);
         continue;
      }
      HChar c[2] = { *p, 0 };
      out_str(o, c);
   }
}

Int amd64_disasm(const UChar* code, Addr64 addr, HChar* buf)
{
   Amd64Dis d;
   Out o = { buf, 0 };
   buf[0] = 0;
   if (!amd64_decode(code, addr, &d)) {
      out_str(&o, "(bad)");
      return 0;
   }
   UInt flags = d.e->flags;
   if (d.pfx & PFX_LOCK)
      out_str(&o, "lock ");
   dis_mnemonic(&o, &d);
   if (!(flags & AF_DNOSUF) && d.nops > 0) {
      Int szop = (flags & AF_DSZB) && d.nops > 1 ? 1 : 0;
      HChar s = size_suffix(d.op[szop].sz);
      if (s != 0) {
         HChar c[2] = { s, 0 };
         out_str(&o, c);
      }
   }
   if (d.nops > 0)
      out_str(&o, (flags & AF_DSTAR) ? "  " : " ");
   const HChar* sep = (flags & AF_DSPACE) ? ", " : ",";
   for (Int j = 0; j < d.nops; j++) {
      Int k = (flags & AF_DREV) ? j : d.nops - 1 - j;
      if (j > 0)
         out_str(&o, sep);
      dis_operand(&o, &d, k);
   }
   /* Valgrind ends conditional jumps with a space. */
   if ((flags & AF_CC) && d.nops == 1
       && opform_info[d.op[0].form].src == SRC_J)
      out_str(&o, " ");
   return d.len;
}

/* ================================================================== */
/* Operands                                                           */
/* ================================================================== */


IRExpr* amd64_ea(Amd64Dis* d)
{
   vassert(d->has_mem);
   if (d->m_ea != IRTemp_INVALID)
      return mkexpr(d->m_ea);
   IRExpr* a;
   if (d->m_base == AMD64_EA_RIP) {
      a = mkU64(d->next_addr + (ULong)d->m_disp);
   } else {
      a = NULL;
      if (d->m_base >= 0)
         a = getIReg64((UInt)d->m_base);
      if (d->m_index >= 0) {
         IRExpr* ix = getIReg64((UInt)d->m_index);
         if (d->m_scale != 1) {
            UInt sh = d->m_scale == 2 ? 1 : d->m_scale == 4 ? 2 : 3;
            ix = binop(Iop_Shl64, ix, mkU8(sh));
         }
         a = a == NULL ? ix : binop(Iop_Add64, a, ix);
      }
      if (a == NULL)
         a = mkU64((ULong)d->m_disp);
      else if (d->m_disp != 0)
         a = binop(Iop_Add64, a, mkU64((ULong)d->m_disp));
   }
   if (d->asz == 4)
      a = unop(Iop_32Uto64, unop(Iop_64to32, a));
   if (d->m_seg == (Int)PFX_FS)
      a = binop(Iop_Add64, a, mkGet64(OFFB_FS_CONST));
   else if (d->m_seg == (Int)PFX_GS)
      a = binop(Iop_Add64, a, mkGet64(OFFB_GS_CONST));
   d->m_ea = newTemp(Ity_I64);
   assign(d->m_ea, a);
   return mkexpr(d->m_ea);
}

IRType operandTy(const Amd64Dis* d, Int i)
{
   return szToITy(d->op[i].sz);
}

IRExpr* getOperand(Amd64Dis* d, Int i)
{
   const Amd64Operand* op = &d->op[i];
   vassert(i < d->nops);
   IRType ty = szToITy(op->sz);
   switch (op->kind) {
      case AOK_REG:
         vassert(op->rclass == ARC_GPR);
         return mkAtom(getIRegSz(op->sz, op->reg, op->hi8));
      case AOK_MEM:
         return mkAtom(loadLE(ty, amd64_ea(d)));
      case AOK_IMM:
         return mkU(ty, op->imm);
      default:
         vpanic("getOperand: no such operand");
   }
}

void putOperand(Amd64Dis* d, Int i, IRExpr* e)
{
   const Amd64Operand* op = &d->op[i];
   vassert(i < d->nops);
   switch (op->kind) {
      case AOK_REG:
         vassert(op->rclass == ARC_GPR);
         putIRegSz(op->sz, op->reg, op->hi8, e);
         return;
      case AOK_MEM:
         vassert(exprTy(e) == szToITy(op->sz));
         storeLE(amd64_ea(d), e);
         return;
      default:
         vpanic("putOperand: not a register or memory operand");
   }
}

Bool amd64_locked(const Amd64Dis* d)
{
   return toBool((d->pfx & PFX_LOCK) || (d->e->flags & AF_XLOCK));
}

void casOperand(Amd64Dis* d, Int i, IRExpr* old_v, IRExpr* new_v)
{
   vassert(d->op[i].kind == AOK_MEM);
   IRType ty   = szToITy(d->op[i].sz);
   IRTemp seen = newTemp(ty);
   stmt(IRStmt_CAS(mkIRCAS(IRTemp_INVALID, seen, Iend_LE, amd64_ea(d),
                           NULL, old_v, NULL, new_v)));
   /* Someone else changed it between our load and the CAS: run the
      instruction again. */
   stmt(IRStmt_Exit(binop(mkSizedOp(ty, Iop_CasCmpNE8), mkexpr(seen), old_v),
                    Ijk_Boring, IRConst_U64(d->addr), OFFB_RIP));
}

/* ================================================================== */
/* The flags thunk                                                    */
/* ================================================================== */

/* What the block has put in the thunk, when it is known: lets a later
   condition be computed without the helper (the spechelper applied as
   the IR is made). */
static struct {
   Bool    valid;
   ULong   op;
   IRExpr* dep1;
   IRExpr* dep2;
   IRExpr* ndep;
} thunk_now;

static IRExpr* atom64(IRExpr* e)
{
   vassert(exprTy(e) == Ity_I64);
   return mkAtom(e);
}

void setFlags_thunk(IRExpr* op, IRExpr* dep1, IRExpr* dep2, IRExpr* ndep)
{
   IRExpr* a_op   = atom64(op);
   IRExpr* a_dep1 = atom64(dep1);
   IRExpr* a_dep2 = atom64(dep2);
   IRExpr* a_ndep = atom64(ndep);
   stmt(IRStmt_Put(OFFB_CC_OP, a_op));
   stmt(IRStmt_Put(OFFB_CC_DEP1, a_dep1));
   stmt(IRStmt_Put(OFFB_CC_DEP2, a_dep2));
   stmt(IRStmt_Put(OFFB_CC_NDEP, a_ndep));
   if (a_op->tag == Iex_Const) {
      thunk_now.valid = True;
      thunk_now.op    = a_op->Iex.Const.con->Ico.U64;
      thunk_now.dep1  = a_dep1;
      thunk_now.dep2  = a_dep2;
      thunk_now.ndep  = a_ndep;
   } else {
      thunk_now.valid = False;
   }
}

static UInt log2sz(Int sz)
{
   switch (sz) {
      case 1: return 0;
      case 2: return 1;
      case 4: return 2;
      case 8: return 3;
      default: vpanic("log2sz");
   }
}

void setFlags_DEP1_DEP2(UInt op_base, Int sz, IRTemp dep1, IRTemp dep2)
{
   setFlags_thunk(mkU64(op_base + log2sz(sz)), widenUto64(mkexpr(dep1)),
                  widenUto64(mkexpr(dep2)), mkU64(0));
}

void setFlags_DEP1(UInt op_base, Int sz, IRTemp dep1)
{
   setFlags_thunk(mkU64(op_base + log2sz(sz)), widenUto64(mkexpr(dep1)),
                  mkU64(0), mkU64(0));
}

void setFlags_COPY(IRExpr* rflags)
{
   setFlags_thunk(mkU64(AMD64G_CC_OP_COPY),
                  binop(Iop_And64, rflags, mkU64(AMD64G_CC_MASK_OSZACP)),
                  mkU64(0), mkU64(0));
}

/* The thunk's four values: the known atoms, or GETs. */
static void thunk_args(IRExpr** op, IRExpr** dep1, IRExpr** dep2,
                       IRExpr** ndep)
{
   if (thunk_now.valid) {
      *op   = mkU64(thunk_now.op);
      *dep1 = thunk_now.dep1;
      *dep2 = thunk_now.dep2;
      *ndep = thunk_now.ndep;
   } else {
      *op   = mkGet64(OFFB_CC_OP);
      *dep1 = mkGet64(OFFB_CC_DEP1);
      *dep2 = mkGet64(OFFB_CC_DEP2);
      *ndep = mkGet64(OFFB_CC_NDEP);
   }
}

/* X (I64, 0 or 1) as an I1; 1Uto64(c) gives c back. */
static IRExpr* to_bit(IRExpr* x)
{
   if (x->tag == Iex_Unop && x->Iex.Unop.op == Iop_1Uto64)
      return x->Iex.Unop.arg;
   return unop(Iop_64to1, x);
}

IRExpr* mk_amd64g_calculate_condition(AMD64Condcode cond)
{
   if (cond == AMD64CondAlways)
      return mkU1(True);
   IRExpr *op, *dep1, *dep2, *ndep;
   thunk_args(&op, &dep1, &dep2, &ndep);
   IRExpr** args = mkIRExprVec_5(mkU64(cond), op, dep1, dep2, ndep);
   if (thunk_now.valid) {
      IRExpr* sp = guest_amd64_spechelper("amd64g_calculate_condition",
                                          args, NULL, 0);
      if (sp != NULL)
         return to_bit(sp);
   }
   IRExpr* call = mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_condition",
                                (void*)&amd64g_calculate_condition, args);
   /* memcheck: the condition and the operation are not data, nor NDEP. */
   call->Iex.CCall.cee->mcx_mask = (1u << 0) | (1u << 1) | (1u << 4);
   return unop(Iop_64to1, call);
}

IRExpr* mk_amd64g_calculate_rflags_c(void)
{
   IRExpr *op, *dep1, *dep2, *ndep;
   thunk_args(&op, &dep1, &dep2, &ndep);
   IRExpr** args = mkIRExprVec_4(op, dep1, dep2, ndep);
   if (thunk_now.valid) {
      IRExpr* sp = guest_amd64_spechelper("amd64g_calculate_rflags_c",
                                          args, NULL, 0);
      if (sp != NULL)
         return sp;
   }
   IRExpr* call = mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_rflags_c",
                                (void*)&amd64g_calculate_rflags_c, args);
   call->Iex.CCall.cee->mcx_mask = (1u << 0) | (1u << 3);
   return call;
}

IRExpr* mk_amd64g_calculate_rflags_all(void)
{
   IRExpr *op, *dep1, *dep2, *ndep;
   thunk_args(&op, &dep1, &dep2, &ndep);
   IRExpr** args = mkIRExprVec_4(op, dep1, dep2, ndep);
   if (thunk_now.valid) {
      IRExpr* sp = guest_amd64_spechelper("amd64g_calculate_rflags_all",
                                          args, NULL, 0);
      if (sp != NULL)
         return sp;
   }
   IRExpr* call = mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_rflags_all",
                                (void*)&amd64g_calculate_rflags_all, args);
   call->Iex.CCall.cee->mcx_mask = (1u << 0) | (1u << 3);
   return call;
}

/* ================================================================== */
/* Block endings                                                      */
/* ================================================================== */

static void stop_here(Amd64Dis* d, IRJumpKind kind, IRExpr* next)
{
   vassert(d->dres->whatNext == Dis_Continue);
   d->dres->whatNext      = Dis_StopHere;
   d->dres->jk_StopHere   = kind;
   d->dres->next_StopHere = next;
}

void amd64_jmp_lit(Amd64Dis* d, IRJumpKind kind, Addr64 target)
{
   stop_here(d, kind, mkU64(target));
}

void amd64_jmp_treg(Amd64Dis* d, IRJumpKind kind, IRTemp target)
{
   stop_here(d, kind, mkexpr(target));
}

void amd64_jcc(Amd64Dis* d, AMD64Condcode cond, Addr64 taken,
               Addr64 not_taken)
{
   /* As VEX does: the side exit tests the even (positive) condition. */
   AMD64Condcode c = cond;
   Addr64 side = taken, fall = not_taken;
   if (cond & 1) {
      c    = (AMD64Condcode)(cond ^ 1);
      side = not_taken;
      fall = taken;
   }
   stmt(IRStmt_Exit(mk_amd64g_calculate_condition(c), Ijk_Boring,
                    IRConst_U64(side), OFFB_RIP));
   amd64_jmp_lit(d, Ijk_Boring, fall);
   /* The branch is now a side exit; the superblock may go on at the
      other destination (usually the fall-through), saving a block
      transition per conditional branch. */
   d->dres->chase_ok = True;
}

void amd64_exit_if(Amd64Dis* d, IRExpr* guard, IRJumpKind kind)
{
   stmt(IRStmt_Exit(guard, kind, IRConst_U64(d->addr), OFFB_RIP));
}

void amd64_redzone_hint(IRTemp new_rsp, IRExpr* nia)
{
   /* The amd64 ELF ABI's red zone: 128 bytes below the stack pointer. */
   stmt(IRStmt_AbiHint(binop(Iop_Sub64, mkexpr(new_rsp), mkU64(128)), 128,
                       nia));
}

/* ================================================================== */
/* The entry point                                                    */
/* ================================================================== */

static void print_bytes(const UChar* code, Int n)
{
   for (Int i = 0; i < n; i++)
      vex_printf(" 0x%X", (UInt)code[i]);
}

DisResult disInstr_AMD64(IRSB* irsb, const UChar* guest_code_insn,
                         Addr64 guest_IP, Bool block_start, Bool trace)
{
   DisResult dres;
   dres.len           = 0;
   dres.whatNext      = Dis_Continue;
   dres.jk_StopHere   = Ijk_INVALID;
   dres.next_StopHere = NULL;
   dres.chase_ok      = False;

   amd64_irsb = irsb;
   if (block_start)
      thunk_now.valid = False;

   Int first_stmt = irsb->stmts_used;
   Int first_temp = irsb->tyenv->types_used;
   __typeof__(thunk_now) saved_thunk = thunk_now;

   /* --- Valgrind's client-request sequences (system family) --- */
   Int special = amd64_dis_special(guest_code_insn, guest_IP, &dres, trace);
   if (special > 0)
      return dres;
   /* --- end client requests --- */

   Amd64Dis d;
   Bool ok = special == 0
             && amd64_decode(guest_code_insn, guest_IP, &d);
   if (trace) {
      HChar buf[128];
      amd64_disasm(guest_code_insn, guest_IP, buf);
      vex_printf("\t0x%llX:  %s\n\n", guest_IP, buf);
   }
   if (ok && d.e->fn != NULL) {
      d.dres = &dres;
      ok = d.e->fn(&d);
   } else {
      ok = False;
   }

   if (!ok) {
      /* Undo whatever the routine made, and end the block here. */
      irsb->stmts_used         = first_stmt;
      irsb->tyenv->types_used  = first_temp;
      thunk_now                = saved_thunk;
      dres.len           = 0;
      dres.whatNext      = Dis_StopHere;
      dres.jk_StopHere   = Ijk_NoDecode;
      dres.next_StopHere = mkU64(guest_IP);
      dres.chase_ok      = False;
      if (trace) {
         vex_printf("vex amd64->IR: unhandled instruction bytes:");
         print_bytes(guest_code_insn, 10);
         vex_printf("\n");
      }
      return dres;
   }
   dres.len = d.len;
   return dres;
}
