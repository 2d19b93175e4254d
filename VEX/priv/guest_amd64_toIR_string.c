/* The amd64 front end's string instruction family: movs, cmps, stos,
   lods and scas at byte, word, doubleword and quadword size, plain and
   with the rep / repe / repne prefixes.

   Registers and memory (Intel SDM vol. 2, MOVS/CMPS/STOS/LODS/SCAS and
   REP/REPE/REPNE):
     - the source is [RSI] (segment: DS, overridable -- in 64-bit mode
       only FS and GS have a base), the destination [RDI] (ES, never
       overridden: base 0);
     - after each element, RSI/RDI move by the element size, up when
       DF = 0 and down when DF = 1.  The guest state holds DF as
       guest_DFLAG = +1 or -1 (all ones), so the step is DFLAG << log2(sz);
     - the address-size prefix (67) makes them ESI, EDI and ECX: addresses
       are the 32-bit registers zero-extended, and the updated registers
       are written as 32-bit registers (zeroing their upper halves);
     - cmps sets the flags as "cmp [RSI], [RDI]" ([RSI] - [RDI]), scas as
       "cmp rAX, [RDI]"; movs, stos and lods leave them alone.

   Repetition.  A rep-prefixed instruction is translated, as VEX does,
   as ONE iteration:

       if (rCX == 0) goto next-instruction        (no effect at all)
       do the element: loads, store, flags
       update RSI/RDI, rCX = rCX - 1
       if (rCX == 0) goto next-instruction
       [repe/repne: if (!condition) goto next-instruction]
       goto this-instruction

   and the block ends there.  The instruction is thus re-executed, one
   element per block run, until rCX (or the condition) says stop.  Every
   run of a block starts with the event check, so a long rep movs is
   interruptible between elements: the scheduler can switch threads and
   deliver signals, with the registers exactly as the CPU would leave
   them at that point (an interrupted rep on a real CPU also resumes with
   the partial RCX/RSI/RDI).  All three exits are to constant addresses,
   so they chain: after the first run the loop is a direct jump of the
   translation to itself.  (The second test of rCX -- absent in VEX --
   saves the final re-dispatch whose only job would be to see rCX == 0.)

   The element's memory accesses come before any register update, so a
   fault in the middle of a rep leaves RCX/RSI/RDI as the CPU does: at
   the element that faulted.

   The mandatory-prefix slots of the opcode table pick the form: a last
   F3 gives the rep (movs/stos/lods) or repe (cmps/scas) entry, a last F2
   the repne entry, neither the plain one.  REPNE on movs/stos/lods
   repeats like REP (what the CPUs do; the SDM leaves it undefined), and
   the differential tests check that against the real CPU.

   ins/outs are here too: I/O from user mode is refused with #GP, which
   the kernel turns into SIGSEGV at the instruction. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"

/* ================================================================== */
/* Operands of the string instructions                                */
/* ================================================================== */

enum { STR_MOVS = 0, STR_CMPS, STR_STOS, STR_LODS, STR_SCAS };
#define STR_BYTE 0x10             /* in the entry's arg: the b form */

#define R_RCX 1
#define R_RSI 6
#define R_RDI 7

static Int str_size(const Amd64Dis* d)
{
   return (d->e->arg & STR_BYTE) ? 1 : d->sz;
}

static UInt str_lg2(Int sz)
{
   return sz == 1 ? 0 : sz == 2 ? 1 : sz == 4 ? 2 : 3;
}

/* RSI, RDI or RCX as the address size says, as an I64 atom. */
static IRExpr* str_get(const Amd64Dis* d, UInt reg)
{
   if (d->asz == 4)
      return mkAtom(unop(Iop_32Uto64, getIRegSz(4, reg, False)));
   return mkAtom(getIReg64(reg));
}

/* Writes V (I64) to RSI, RDI or RCX at the address size. */
static void str_put(const Amd64Dis* d, UInt reg, IRExpr* v)
{
   if (d->asz == 4)
      putIRegSz(4, reg, False, unop(Iop_64to32, v));
   else
      putIReg64(reg, v);
}

/* The source address: RSI plus the FS/GS base when overridden. */
static IRExpr* str_src_addr(const Amd64Dis* d, IRExpr* rsi)
{
   if (d->m_seg == (Int)PFX_FS)
      return mkAtom(binop(Iop_Add64, rsi, mkGet64(OFFB_FS_CONST)));
   if (d->m_seg == (Int)PFX_GS)
      return mkAtom(binop(Iop_Add64, rsi, mkGet64(OFFB_GS_CONST)));
   return rsi;
}

/* One element of operation OP at size SZ: the memory accesses and the
   flags, then RSI/RDI moved by STEP (an I64 atom). */
static void str_element(Amd64Dis* d, Int op, Int sz, IRExpr* step)
{
   IRType  ty  = szToITy(sz);
   IRExpr* rsi = NULL;
   IRExpr* rdi = NULL;
   if (op == STR_MOVS || op == STR_CMPS || op == STR_LODS)
      rsi = str_get(d, R_RSI);
   if (op != STR_LODS)
      rdi = str_get(d, R_RDI);

   switch (op) {
      case STR_MOVS: {
         IRTemp v = newTemp(ty);
         assign(v, loadLE(ty, str_src_addr(d, rsi)));
         storeLE(rdi, mkexpr(v));
         break;
      }
      case STR_STOS:
         storeLE(rdi, mkAtom(getIRegSz(sz, 0, False)));
         break;
      case STR_LODS: {
         IRTemp v = newTemp(ty);
         assign(v, loadLE(ty, str_src_addr(d, rsi)));
         putIRegSz(sz, 0, False, mkexpr(v));
         break;
      }
      case STR_CMPS: {
         IRTemp s = newTemp(ty), t = newTemp(ty);
         assign(s, loadLE(ty, str_src_addr(d, rsi)));
         assign(t, loadLE(ty, rdi));
         setFlags_DEP1_DEP2(AMD64G_CC_OP_SUBB, sz, s, t);
         break;
      }
      case STR_SCAS: {
         IRTemp a = newTemp(ty), t = newTemp(ty);
         assign(a, getIRegSz(sz, 0, False));
         assign(t, loadLE(ty, rdi));
         setFlags_DEP1_DEP2(AMD64G_CC_OP_SUBB, sz, a, t);
         break;
      }
      default:
         vpanic("str_element");
   }
   if (rsi != NULL)
      str_put(d, R_RSI, binop(Iop_Add64, rsi, step));
   if (rdi != NULL)
      str_put(d, R_RDI, binop(Iop_Add64, rdi, step));
}

/* The step: +sz or -sz from DFLAG (+1 or -1). */
static IRExpr* str_step(Int sz)
{
   IRExpr* df = mkGet64(OFFB_DFLAG);
   UInt sh = str_lg2(sz);
   return mkAtom(sh == 0 ? df : binop(Iop_Shl64, df, mkU8(sh)));
}

/* ================================================================== */
/* The routines                                                       */
/* ================================================================== */

/* Without a repeat prefix: one element. */
static Bool dis_string(Amd64Dis* d)
{
   Int sz = str_size(d);
   str_element(d, d->e->arg & 0xF, sz, str_step(sz));
   return True;
}

/* With rep (F3 on movs/stos/lods; F2 there repeats the same way), repe
   (F3 on cmps/scas) or repne (F2 on cmps/scas): one iteration, see the
   comment at the top. */
static Bool dis_rep_string(Amd64Dis* d)
{
   Int sz = str_size(d);
   Int op = d->e->arg & 0xF;
   Bool conditional = toBool(op == STR_CMPS || op == STR_SCAS);

   IRExpr* count = str_get(d, R_RCX);
   stmt(IRStmt_Exit(binop(Iop_CmpEQ64, count, mkU64(0)), Ijk_Boring,
                    IRConst_U64(d->next_addr), OFFB_RIP));

   str_element(d, op, sz, str_step(sz));

   /* (With 67 the count is ECX zero-extended, at least 1 here, so the
      64-bit arithmetic below is exact.) */
   IRTemp left = newTemp(Ity_I64);
   assign(left, binop(Iop_Sub64, count, mkU64(1)));
   str_put(d, R_RCX, mkexpr(left));

   /* Done when the count has run out ... */
   stmt(IRStmt_Exit(binop(Iop_CmpEQ64, mkexpr(left), mkU64(0)), Ijk_Boring,
                    IRConst_U64(d->next_addr), OFFB_RIP));
   /* ... or, for repe/repne, when the comparison says so. */
   if (conditional) {
      AMD64Condcode stop = d->e->pfx == AMD64_PFX_F3 ? AMD64CondNZ
                                                      : AMD64CondZ;
      stmt(IRStmt_Exit(mk_amd64g_calculate_condition(stop), Ijk_Boring,
                       IRConst_U64(d->next_addr), OFFB_RIP));
   }
   amd64_jmp_lit(d, Ijk_Boring, d->addr);
   return True;
}

/* ins/outs: I/O is not allowed in user mode (#GP -> SIGSEGV). */
static Bool dis_string_io(Amd64Dis* d)
{
   amd64_jmp_lit(d, Ijk_SigSEGV, d->addr);
   return True;
}

/* ================================================================== */
/* The table                                                          */
/* ================================================================== */

#define N OPF_NONE
#define NS AF_DNOSUF
#define SENT(opc, pfx, fl, mnem, fn, arg, cls)                            \
   { AMD64_MAP_1B, opc, 1, -1, pfx, 0, -1, (fl) | NS, mnem, { N, N, N, N }, \
     fn, arg, cls }

/* One string instruction: the byte form at OPC, the v form at OPC+1,
   each plain, with F3 and with F2.  MB/MV: the plain mnemonics, with
   R3/R2 the prefixes' names ("rep ", "repe ", "repne "). */
#define STRING_ROW(opc, op, mb, mv, r3b, r3v, r2b, r2v, cls)              \
   SENT(opc, AMD64_PFX_ANY, 0, mb, dis_string, (op) | STR_BYTE, cls),      \
   SENT((opc) + 1, AMD64_PFX_ANY, 0, mv, dis_string, op, cls),            \
   SENT(opc, AMD64_PFX_F3, AF_CTRL, r3b, dis_rep_string, (op) | STR_BYTE,  \
        cls "-rep"),                                                     \
   SENT((opc) + 1, AMD64_PFX_F3, AF_CTRL, r3v, dis_rep_string, op,        \
        cls "-rep"),                                                     \
   SENT(opc, AMD64_PFX_F2, AF_CTRL, r2b, dis_rep_string, (op) | STR_BYTE,  \
        cls "-rep"),                                                     \
   SENT((opc) + 1, AMD64_PFX_F2, AF_CTRL, r2v, dis_rep_string, op,        \
        cls "-rep")

static const Amd64OpEntry string_entries[] = {
   STRING_ROW(0xA4, STR_MOVS, "movsb", "movsw|movsl|movsq",
              "rep movsb", "rep movsw|rep movsl|rep movsq",
              "repne movsb", "repne movsw|repne movsl|repne movsq",
              "string-movs"),
   STRING_ROW(0xA6, STR_CMPS, "cmpsb", "cmpsw|cmpsl|cmpsq",
              "repe cmpsb", "repe cmpsw|repe cmpsl|repe cmpsq",
              "repne cmpsb", "repne cmpsw|repne cmpsl|repne cmpsq",
              "string-cmps"),
   STRING_ROW(0xAA, STR_STOS, "stosb", "stosw|stosl|stosq",
              "rep stosb", "rep stosw|rep stosl|rep stosq",
              "repne stosb", "repne stosw|repne stosl|repne stosq",
              "string-stos"),
   STRING_ROW(0xAC, STR_LODS, "lodsb", "lodsw|lodsl|lodsq",
              "rep lodsb", "rep lodsw|rep lodsl|rep lodsq",
              "repne lodsb", "repne lodsw|repne lodsl|repne lodsq",
              "string-lods"),
   STRING_ROW(0xAE, STR_SCAS, "scasb", "scasw|scasl|scasq",
              "repe scasb", "repe scasw|repe scasl|repe scasq",
              "repne scasb", "repne scasw|repne scasl|repne scasq",
              "string-scas"),
   /* Port I/O: refused in user mode (with or without rep). */
   SENT(0x6C, AMD64_PFX_ANY, AF_CTRL | AF_FAULTS, "insb", dis_string_io,
        0, "string-io"),
   SENT(0x6D, AMD64_PFX_ANY, AF_CTRL | AF_FAULTS, "insw|insl|insl",
        dis_string_io, 0, "string-io"),
   SENT(0x6E, AMD64_PFX_ANY, AF_CTRL | AF_FAULTS, "outsb", dis_string_io,
        0, "string-io"),
   SENT(0x6F, AMD64_PFX_ANY, AF_CTRL | AF_FAULTS, "outsw|outsl|outsl",
        dis_string_io, 0, "string-io"),
};

const Amd64OpTable amd64_optable_string = {
   "string",
   string_entries,
   (Int)(sizeof string_entries / sizeof string_entries[0])
};
