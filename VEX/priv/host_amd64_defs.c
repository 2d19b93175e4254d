/* The amd64 host instruction set: registers, operands, instructions,
   printer, register usage and renaming, spill code, emitter, and the
   patching of emitted code.  The byte layouts of the block-entry check
   and of the exits are documented in host_amd64_defs.h.

   Encodings follow the Intel SDM; where several encodings exist the one
   GNU as picks for the printed form is used, so that the unit tests can
   compare the emitter with the assembler byte for byte. */
#include "libvex_basictypes.h"
#include "libvex.h"
#include "main_util.h"
#include "host_generic_regs.h"
#include "host_amd64_defs.h"

/* ================================================================== */
/* Registers                                                          */
/* ================================================================== */

#define IREG(enc, ix)  HREG_REAL_INITIALISER(HRcInt64, enc, ix)
#define XREG(n)        HREG_REAL_INITIALISER(HRcVec128, n, AMD64_IX_XMM0 + (n))

static const RRegUniverse amd64_universe = {
   .size      = AMD64_N_REGS,
   .allocable = AMD64_N_ALLOCABLE,
   .allocable_start = { [HRcInt64] = AMD64_IX_RBX,
                        [HRcVec128] = AMD64_IX_XMM0 },
   .allocable_end   = { [HRcInt64] = AMD64_IX_RAX + 1,
                        [HRcVec128] = AMD64_IX_XMM0 + 16 },
   .regs = {
      [AMD64_IX_RBX] = IREG(3,  AMD64_IX_RBX),
      [AMD64_IX_R12] = IREG(12, AMD64_IX_R12),
      [AMD64_IX_R13] = IREG(13, AMD64_IX_R13),
      [AMD64_IX_R14] = IREG(14, AMD64_IX_R14),
      [AMD64_IX_R15] = IREG(15, AMD64_IX_R15),
      [AMD64_IX_R10] = IREG(10, AMD64_IX_R10),
      [AMD64_IX_R9]  = IREG(9,  AMD64_IX_R9),
      [AMD64_IX_R8]  = IREG(8,  AMD64_IX_R8),
      [AMD64_IX_RDI] = IREG(7,  AMD64_IX_RDI),
      [AMD64_IX_RSI] = IREG(6,  AMD64_IX_RSI),
      [AMD64_IX_RDX] = IREG(2,  AMD64_IX_RDX),
      [AMD64_IX_RCX] = IREG(1,  AMD64_IX_RCX),
      [AMD64_IX_RAX] = IREG(0,  AMD64_IX_RAX),
      [AMD64_IX_XMM0 + 0]  = XREG(0),  [AMD64_IX_XMM0 + 1]  = XREG(1),
      [AMD64_IX_XMM0 + 2]  = XREG(2),  [AMD64_IX_XMM0 + 3]  = XREG(3),
      [AMD64_IX_XMM0 + 4]  = XREG(4),  [AMD64_IX_XMM0 + 5]  = XREG(5),
      [AMD64_IX_XMM0 + 6]  = XREG(6),  [AMD64_IX_XMM0 + 7]  = XREG(7),
      [AMD64_IX_XMM0 + 8]  = XREG(8),  [AMD64_IX_XMM0 + 9]  = XREG(9),
      [AMD64_IX_XMM0 + 10] = XREG(10), [AMD64_IX_XMM0 + 11] = XREG(11),
      [AMD64_IX_XMM0 + 12] = XREG(12), [AMD64_IX_XMM0 + 13] = XREG(13),
      [AMD64_IX_XMM0 + 14] = XREG(14), [AMD64_IX_XMM0 + 15] = XREG(15),
      [AMD64_IX_RSP] = IREG(4,  AMD64_IX_RSP),
      [AMD64_IX_RBP] = IREG(5,  AMD64_IX_RBP),
      [AMD64_IX_R11] = IREG(11, AMD64_IX_R11),
      [AMD64_N_REGS ... N_RREGUNIVERSE_REGS - 1] = { 0xFFFFFFFFU }
   }
};

#undef IREG
#undef XREG

const RRegUniverse* getRRegUniverse_AMD64(void)
{
   return &amd64_universe;
}

/* Universe index of each integer register, by hardware encoding. */
static const UChar gpr_ix[16] = {
   AMD64_IX_RAX, AMD64_IX_RCX, AMD64_IX_RDX, AMD64_IX_RBX,
   AMD64_IX_RSP, AMD64_IX_RBP, AMD64_IX_RSI, AMD64_IX_RDI,
   AMD64_IX_R8,  AMD64_IX_R9,  AMD64_IX_R10, AMD64_IX_R11,
   AMD64_IX_R12, AMD64_IX_R13, AMD64_IX_R14, AMD64_IX_R15
};

HReg hregAMD64_GPR(UInt enc)
{
   vassert(enc < 16);
   return hregAMD64_iReg(enc, gpr_ix[enc]);
}

static const HChar* const ireg64_names[16] = {
   "%rax", "%rcx", "%rdx", "%rbx", "%rsp", "%rbp", "%rsi", "%rdi",
   "%r8",  "%r9",  "%r10", "%r11", "%r12", "%r13", "%r14", "%r15"
};
static const HChar* const ireg32_names[16] = {
   "%eax", "%ecx", "%edx", "%ebx", "%esp", "%ebp", "%esi", "%edi",
   "%r8d", "%r9d", "%r10d", "%r11d", "%r12d", "%r13d", "%r14d", "%r15d"
};
static const HChar* const ireg16_names[16] = {
   "%ax", "%cx", "%dx", "%bx", "%sp", "%bp", "%si", "%di",
   "%r8w", "%r9w", "%r10w", "%r11w", "%r12w", "%r13w", "%r14w", "%r15w"
};
static const HChar* const ireg8_names[16] = {
   "%al", "%cl", "%dl", "%bl", "%spl", "%bpl", "%sil", "%dil",
   "%r8b", "%r9b", "%r10b", "%r11b", "%r12b", "%r13b", "%r14b", "%r15b"
};

void ppHRegAMD64(HReg reg)
{
   if (hregIsVirtual(reg) || hregIsInvalid(reg)) {
      ppHReg(reg);
      return;
   }
   UInt enc = hregEncoding(reg);
   switch (hregClass(reg)) {
      case HRcInt64:
         vassert(enc < 16);
         vex_printf("%s", ireg64_names[enc]);
         return;
      case HRcVec128:
         vassert(enc < 16);
         vex_printf("%%xmm%u", enc);
         return;
      default:
         vpanic("ppHRegAMD64");
   }
}

/* An integer register printed at a width of SZ bytes; virtual ones get a
   suffix (d, w, b) after their generic name. */
static void ppHRegAMD64_sz(HReg reg, Int sz)
{
   if (sz == 8) {
      ppHRegAMD64(reg);
      return;
   }
   if (hregIsVirtual(reg)) {
      ppHReg(reg);
      vex_printf("%s", sz == 4 ? "d" : sz == 2 ? "w" : "b");
      return;
   }
   vassert(hregClass(reg) == HRcInt64);
   UInt enc = hregEncoding(reg);
   vassert(enc < 16);
   switch (sz) {
      case 4: vex_printf("%s", ireg32_names[enc]); return;
      case 2: vex_printf("%s", ireg16_names[enc]); return;
      case 1: vex_printf("%s", ireg8_names[enc]);  return;
      default: vpanic("ppHRegAMD64_sz");
   }
}

/* ================================================================== */
/* Condition codes                                                    */
/* ================================================================== */

const HChar* showAMD64CondCode(AMD64CondCode cond)
{
   static const HChar* const names[17] = {
      "o", "no", "b", "nb", "z", "nz", "be", "nbe",
      "s", "ns", "p", "np", "l", "nl", "le", "nle", "ALWAYS"
   };
   if ((UInt)cond > Acc_ALWAYS)
      vpanic("showAMD64CondCode");
   return names[cond];
}

/* ================================================================== */
/* Operands                                                           */
/* ================================================================== */

/* Immediates print as signed hex, the way GNU as reads them back with
   the same meaning (a sign-extended 32-bit field). */
static void pp_signed_hex(UInt v)
{
   Int s = (Int)v;
   if (s < 0)
      vex_printf("-0x%x", (UInt)(-(Long)s));
   else
      vex_printf("0x%x", v);
}

static void pp_imm(UInt v)
{
   vex_printf("$");
   pp_signed_hex(v);
}

AMD64AMode* AMD64AMode_IR(UInt imm32, HReg reg)
{
   AMD64AMode* am = LibVEX_Alloc(sizeof(AMD64AMode));
   am->tag        = Aam_IR;
   am->Aam.IR.imm = imm32;
   am->Aam.IR.reg = reg;
   return am;
}

AMD64AMode* AMD64AMode_IRRS(UInt imm32, HReg base, HReg index, Int shift)
{
   AMD64AMode* am = LibVEX_Alloc(sizeof(AMD64AMode));
   vassert(shift >= 0 && shift <= 3);
   am->tag            = Aam_IRRS;
   am->Aam.IRRS.imm   = imm32;
   am->Aam.IRRS.base  = base;
   am->Aam.IRRS.index = index;
   am->Aam.IRRS.shift = shift;
   return am;
}

AMD64AMode* dopyAMD64AMode(const AMD64AMode* am)
{
   switch (am->tag) {
      case Aam_IR:
         return AMD64AMode_IR(am->Aam.IR.imm, am->Aam.IR.reg);
      case Aam_IRRS:
         return AMD64AMode_IRRS(am->Aam.IRRS.imm, am->Aam.IRRS.base,
                                am->Aam.IRRS.index, am->Aam.IRRS.shift);
      default:
         vpanic("dopyAMD64AMode");
   }
}

void ppAMD64AMode(const AMD64AMode* am)
{
   switch (am->tag) {
      case Aam_IR:
         if (am->Aam.IR.imm != 0)
            pp_signed_hex(am->Aam.IR.imm);
         vex_printf("(");
         ppHRegAMD64(am->Aam.IR.reg);
         vex_printf(")");
         return;
      case Aam_IRRS:
         if (am->Aam.IRRS.imm != 0)
            pp_signed_hex(am->Aam.IRRS.imm);
         vex_printf("(");
         ppHRegAMD64(am->Aam.IRRS.base);
         vex_printf(",");
         ppHRegAMD64(am->Aam.IRRS.index);
         vex_printf(",%d)", 1 << am->Aam.IRRS.shift);
         return;
      default:
         vpanic("ppAMD64AMode");
   }
}

static void addRegUsage_AMD64AMode(HRegUsage* u, const AMD64AMode* am)
{
   switch (am->tag) {
      case Aam_IR:
         addHRegUse(u, HRmRead, am->Aam.IR.reg);
         return;
      case Aam_IRRS:
         addHRegUse(u, HRmRead, am->Aam.IRRS.base);
         addHRegUse(u, HRmRead, am->Aam.IRRS.index);
         return;
      default:
         vpanic("addRegUsage_AMD64AMode");
   }
}

/* A renamed copy (the original may be shared with other instructions). */
static AMD64AMode* mapRegs_AMD64AMode(const HRegRemap* m, const AMD64AMode* am)
{
   switch (am->tag) {
      case Aam_IR:
         return AMD64AMode_IR(am->Aam.IR.imm,
                              lookupHRegRemap(m, am->Aam.IR.reg));
      case Aam_IRRS:
         return AMD64AMode_IRRS(am->Aam.IRRS.imm,
                                lookupHRegRemap(m, am->Aam.IRRS.base),
                                lookupHRegRemap(m, am->Aam.IRRS.index),
                                am->Aam.IRRS.shift);
      default:
         vpanic("mapRegs_AMD64AMode");
   }
}

AMD64RMI* AMD64RMI_Imm(UInt imm32)
{
   AMD64RMI* op       = LibVEX_Alloc(sizeof(AMD64RMI));
   op->tag            = Armi_Imm;
   op->Armi.Imm.imm32 = imm32;
   return op;
}

AMD64RMI* AMD64RMI_Reg(HReg reg)
{
   AMD64RMI* op     = LibVEX_Alloc(sizeof(AMD64RMI));
   op->tag          = Armi_Reg;
   op->Armi.Reg.reg = reg;
   return op;
}

AMD64RMI* AMD64RMI_Mem(AMD64AMode* am)
{
   AMD64RMI* op    = LibVEX_Alloc(sizeof(AMD64RMI));
   op->tag         = Armi_Mem;
   op->Armi.Mem.am = am;
   return op;
}

static void ppAMD64RMI_sz(const AMD64RMI* op, Int sz)
{
   switch (op->tag) {
      case Armi_Imm: pp_imm(op->Armi.Imm.imm32);            return;
      case Armi_Reg: ppHRegAMD64_sz(op->Armi.Reg.reg, sz);  return;
      case Armi_Mem: ppAMD64AMode(op->Armi.Mem.am);         return;
      default:       vpanic("ppAMD64RMI");
   }
}

void ppAMD64RMI(const AMD64RMI* op)
{
   ppAMD64RMI_sz(op, 8);
}

static void addRegUsage_AMD64RMI(HRegUsage* u, const AMD64RMI* op)
{
   switch (op->tag) {
      case Armi_Imm: return;
      case Armi_Reg: addHRegUse(u, HRmRead, op->Armi.Reg.reg); return;
      case Armi_Mem: addRegUsage_AMD64AMode(u, op->Armi.Mem.am); return;
      default:       vpanic("addRegUsage_AMD64RMI");
   }
}

static AMD64RMI* mapRegs_AMD64RMI(const HRegRemap* m, const AMD64RMI* op)
{
   switch (op->tag) {
      case Armi_Imm: return AMD64RMI_Imm(op->Armi.Imm.imm32);
      case Armi_Reg: return AMD64RMI_Reg(lookupHRegRemap(m, op->Armi.Reg.reg));
      case Armi_Mem: return AMD64RMI_Mem(mapRegs_AMD64AMode(m, op->Armi.Mem.am));
      default:       vpanic("mapRegs_AMD64RMI");
   }
}

AMD64RI* AMD64RI_Imm(UInt imm32)
{
   AMD64RI* op       = LibVEX_Alloc(sizeof(AMD64RI));
   op->tag           = Ari_Imm;
   op->Ari.Imm.imm32 = imm32;
   return op;
}

AMD64RI* AMD64RI_Reg(HReg reg)
{
   AMD64RI* op     = LibVEX_Alloc(sizeof(AMD64RI));
   op->tag         = Ari_Reg;
   op->Ari.Reg.reg = reg;
   return op;
}

static void ppAMD64RI_sz(const AMD64RI* op, Int sz)
{
   switch (op->tag) {
      case Ari_Imm: pp_imm(op->Ari.Imm.imm32);           return;
      case Ari_Reg: ppHRegAMD64_sz(op->Ari.Reg.reg, sz); return;
      default:      vpanic("ppAMD64RI");
   }
}

void ppAMD64RI(const AMD64RI* op)
{
   ppAMD64RI_sz(op, 8);
}

static void addRegUsage_AMD64RI(HRegUsage* u, const AMD64RI* op)
{
   switch (op->tag) {
      case Ari_Imm: return;
      case Ari_Reg: addHRegUse(u, HRmRead, op->Ari.Reg.reg); return;
      default:      vpanic("addRegUsage_AMD64RI");
   }
}

static AMD64RI* mapRegs_AMD64RI(const HRegRemap* m, const AMD64RI* op)
{
   switch (op->tag) {
      case Ari_Imm: return AMD64RI_Imm(op->Ari.Imm.imm32);
      case Ari_Reg: return AMD64RI_Reg(lookupHRegRemap(m, op->Ari.Reg.reg));
      default:      vpanic("mapRegs_AMD64RI");
   }
}

AMD64RM* AMD64RM_Reg(HReg reg)
{
   AMD64RM* op     = LibVEX_Alloc(sizeof(AMD64RM));
   op->tag         = Arm_Reg;
   op->Arm.Reg.reg = reg;
   return op;
}

AMD64RM* AMD64RM_Mem(AMD64AMode* am)
{
   AMD64RM* op    = LibVEX_Alloc(sizeof(AMD64RM));
   op->tag        = Arm_Mem;
   op->Arm.Mem.am = am;
   return op;
}

static void ppAMD64RM_sz(const AMD64RM* op, Int sz)
{
   switch (op->tag) {
      case Arm_Reg: ppHRegAMD64_sz(op->Arm.Reg.reg, sz); return;
      case Arm_Mem: ppAMD64AMode(op->Arm.Mem.am);        return;
      default:      vpanic("ppAMD64RM");
   }
}

void ppAMD64RM(const AMD64RM* op)
{
   ppAMD64RM_sz(op, 8);
}

static void addRegUsage_AMD64RM(HRegUsage* u, const AMD64RM* op,
                                HRegMode mode)
{
   switch (op->tag) {
      case Arm_Reg: addHRegUse(u, mode, op->Arm.Reg.reg); return;
      case Arm_Mem: addRegUsage_AMD64AMode(u, op->Arm.Mem.am); return;
      default:      vpanic("addRegUsage_AMD64RM");
   }
}

static AMD64RM* mapRegs_AMD64RM(const HRegRemap* m, const AMD64RM* op)
{
   switch (op->tag) {
      case Arm_Reg: return AMD64RM_Reg(lookupHRegRemap(m, op->Arm.Reg.reg));
      case Arm_Mem: return AMD64RM_Mem(mapRegs_AMD64AMode(m, op->Arm.Mem.am));
      default:      vpanic("mapRegs_AMD64RM");
   }
}

/* ================================================================== */
/* Operation names and encodings                                      */
/* ================================================================== */

const HChar* showAMD64AluOp(AMD64AluOp op)
{
   switch (op) {
      case Aalu_MOV: return "mov";
      case Aalu_CMP: return "cmp";
      case Aalu_ADD: return "add";
      case Aalu_SUB: return "sub";
      case Aalu_ADC: return "adc";
      case Aalu_SBB: return "sbb";
      case Aalu_AND: return "and";
      case Aalu_OR:  return "or";
      case Aalu_XOR: return "xor";
      case Aalu_MUL: return "imul";
      default:       vpanic("showAMD64AluOp");
   }
}

/* The /digit of the 0x81/0x83 group (and op*8 is the base opcode). */
static UInt alu_digit(AMD64AluOp op)
{
   switch (op) {
      case Aalu_ADD: return 0;
      case Aalu_OR:  return 1;
      case Aalu_ADC: return 2;
      case Aalu_SBB: return 3;
      case Aalu_AND: return 4;
      case Aalu_SUB: return 5;
      case Aalu_XOR: return 6;
      case Aalu_CMP: return 7;
      default:       vpanic("alu_digit");
   }
}

const HChar* showAMD64ShiftOp(AMD64ShiftOp op)
{
   switch (op) {
      case Ash_SHL: return "shl";
      case Ash_SHR: return "shr";
      case Ash_SAR: return "sar";
      case Ash_ROL: return "rol";
      case Ash_ROR: return "ror";
      default:      vpanic("showAMD64ShiftOp");
   }
}

static UInt shift_digit(AMD64ShiftOp op)
{
   switch (op) {
      case Ash_ROL: return 0;
      case Ash_ROR: return 1;
      case Ash_SHL: return 4;
      case Ash_SHR: return 5;
      case Ash_SAR: return 7;
      default:      vpanic("shift_digit");
   }
}

const HChar* showAMD64UnaryOp(AMD64UnaryOp op)
{
   switch (op) {
      case Aun_NOT: return "not";
      case Aun_NEG: return "neg";
      default:      vpanic("showAMD64UnaryOp");
   }
}

/* Floating-point SSE ops: mnemonic stem and opcode (after 0F); the
   compares are 0F C2 with an immediate predicate. */
typedef struct { AMD64SseOp op; const HChar* stem; UChar opc; Int pred; } SseFInfo;

static const SseFInfo sse_f_info[] = {
   { Asse_ADDF,    "add",      0x58, -1 },
   { Asse_SUBF,    "sub",      0x5C, -1 },
   { Asse_MULF,    "mul",      0x59, -1 },
   { Asse_DIVF,    "div",      0x5E, -1 },
   { Asse_MAXF,    "max",      0x5F, -1 },
   { Asse_MINF,    "min",      0x5D, -1 },
   { Asse_CMPEQF,  "cmpeq",    0xC2, 0 },
   { Asse_CMPLTF,  "cmplt",    0xC2, 1 },
   { Asse_CMPLEF,  "cmple",    0xC2, 2 },
   { Asse_CMPUNF,  "cmpunord", 0xC2, 3 },
   { Asse_CMPNEQF, "cmpneq",   0xC2, 4 },
   { Asse_SQRTF,   "sqrt",     0x51, -1 },
   { Asse_RCPF,    "rcp",      0x53, -1 },
   { Asse_RSQRTF,  "rsqrt",    0x52, -1 },
};

static const SseFInfo* sse_f(AMD64SseOp op)
{
   for (UInt k = 0; k < sizeof sse_f_info / sizeof sse_f_info[0]; k++)
      if (sse_f_info[k].op == op)
         return &sse_f_info[k];
   vpanic("not a floating-point SSE op");
}

/* Whole-register SSE ops: mnemonic, mandatory prefix (0 or 0x66), whether
   the 0F 38 escape is used, and the opcode. */
typedef struct {
   AMD64SseOp   op;
   const HChar* name;
   UChar        pfx;
   UChar        esc38;
   UChar        opc;
} SseRInfo;

static const SseRInfo sse_r_info[] = {
   { Asse_MOV,      "movaps",     0x00, 0, 0x28 },
   { Asse_AND,      "pand",       0x66, 0, 0xDB },
   { Asse_OR,       "por",        0x66, 0, 0xEB },
   { Asse_XOR,      "pxor",       0x66, 0, 0xEF },
   { Asse_ANDN,     "pandn",      0x66, 0, 0xDF },
   { Asse_ANDPS,    "andps",      0x00, 0, 0x54 },
   { Asse_ORPS,     "orps",       0x00, 0, 0x56 },
   { Asse_XORPS,    "xorps",      0x00, 0, 0x57 },
   { Asse_ANDNPS,   "andnps",     0x00, 0, 0x55 },
   { Asse_ANDPD,    "andpd",      0x66, 0, 0x54 },
   { Asse_ORPD,     "orpd",       0x66, 0, 0x56 },
   { Asse_XORPD,    "xorpd",      0x66, 0, 0x57 },
   { Asse_ANDNPD,   "andnpd",     0x66, 0, 0x55 },
   { Asse_ADD8,     "paddb",      0x66, 0, 0xFC },
   { Asse_ADD16,    "paddw",      0x66, 0, 0xFD },
   { Asse_ADD32,    "paddd",      0x66, 0, 0xFE },
   { Asse_ADD64,    "paddq",      0x66, 0, 0xD4 },
   { Asse_QADD8U,   "paddusb",    0x66, 0, 0xDC },
   { Asse_QADD16U,  "paddusw",    0x66, 0, 0xDD },
   { Asse_QADD8S,   "paddsb",     0x66, 0, 0xEC },
   { Asse_QADD16S,  "paddsw",     0x66, 0, 0xED },
   { Asse_SUB8,     "psubb",      0x66, 0, 0xF8 },
   { Asse_SUB16,    "psubw",      0x66, 0, 0xF9 },
   { Asse_SUB32,    "psubd",      0x66, 0, 0xFA },
   { Asse_SUB64,    "psubq",      0x66, 0, 0xFB },
   { Asse_QSUB8U,   "psubusb",    0x66, 0, 0xD8 },
   { Asse_QSUB16U,  "psubusw",    0x66, 0, 0xD9 },
   { Asse_QSUB8S,   "psubsb",     0x66, 0, 0xE8 },
   { Asse_QSUB16S,  "psubsw",     0x66, 0, 0xE9 },
   { Asse_MUL16,    "pmullw",     0x66, 0, 0xD5 },
   { Asse_MULHI16U, "pmulhuw",    0x66, 0, 0xE4 },
   { Asse_MULHI16S, "pmulhw",     0x66, 0, 0xE5 },
   { Asse_MUL32,    "pmulld",     0x66, 1, 0x40 },
   { Asse_MULU32x2, "pmuludq",    0x66, 0, 0xF4 },
   { Asse_MADD16S,  "pmaddwd",    0x66, 0, 0xF5 },
   { Asse_SAD8U,    "psadbw",     0x66, 0, 0xF6 },
   { Asse_AVG8U,    "pavgb",      0x66, 0, 0xE0 },
   { Asse_AVG16U,   "pavgw",      0x66, 0, 0xE3 },
   { Asse_MAX8S,    "pmaxsb",     0x66, 1, 0x3C },
   { Asse_MAX8U,    "pmaxub",     0x66, 0, 0xDE },
   { Asse_MAX16S,   "pmaxsw",     0x66, 0, 0xEE },
   { Asse_MAX16U,   "pmaxuw",     0x66, 1, 0x3E },
   { Asse_MAX32S,   "pmaxsd",     0x66, 1, 0x3D },
   { Asse_MAX32U,   "pmaxud",     0x66, 1, 0x3F },
   { Asse_MIN8S,    "pminsb",     0x66, 1, 0x38 },
   { Asse_MIN8U,    "pminub",     0x66, 0, 0xDA },
   { Asse_MIN16S,   "pminsw",     0x66, 0, 0xEA },
   { Asse_MIN16U,   "pminuw",     0x66, 1, 0x3A },
   { Asse_MIN32S,   "pminsd",     0x66, 1, 0x39 },
   { Asse_MIN32U,   "pminud",     0x66, 1, 0x3B },
   { Asse_CMPEQ8,   "pcmpeqb",    0x66, 0, 0x74 },
   { Asse_CMPEQ16,  "pcmpeqw",    0x66, 0, 0x75 },
   { Asse_CMPEQ32,  "pcmpeqd",    0x66, 0, 0x76 },
   { Asse_CMPEQ64,  "pcmpeqq",    0x66, 1, 0x29 },
   { Asse_CMPGT8S,  "pcmpgtb",    0x66, 0, 0x64 },
   { Asse_CMPGT16S, "pcmpgtw",    0x66, 0, 0x65 },
   { Asse_CMPGT32S, "pcmpgtd",    0x66, 0, 0x66 },
   { Asse_CMPGT64S, "pcmpgtq",    0x66, 1, 0x37 },
   { Asse_SHL16,    "psllw",      0x66, 0, 0xF1 },
   { Asse_SHL32,    "pslld",      0x66, 0, 0xF2 },
   { Asse_SHL64,    "psllq",      0x66, 0, 0xF3 },
   { Asse_SHR16,    "psrlw",      0x66, 0, 0xD1 },
   { Asse_SHR32,    "psrld",      0x66, 0, 0xD2 },
   { Asse_SHR64,    "psrlq",      0x66, 0, 0xD3 },
   { Asse_SAR16,    "psraw",      0x66, 0, 0xE1 },
   { Asse_SAR32,    "psrad",      0x66, 0, 0xE2 },
   { Asse_PACKSSD,  "packssdw",   0x66, 0, 0x6B },
   { Asse_PACKSSW,  "packsswb",   0x66, 0, 0x63 },
   { Asse_PACKUSW,  "packuswb",   0x66, 0, 0x67 },
   { Asse_PACKUSD,  "packusdw",   0x66, 1, 0x2B },
   { Asse_UNPCKHB,  "punpckhbw",  0x66, 0, 0x68 },
   { Asse_UNPCKHW,  "punpckhwd",  0x66, 0, 0x69 },
   { Asse_UNPCKHD,  "punpckhdq",  0x66, 0, 0x6A },
   { Asse_UNPCKHQ,  "punpckhqdq", 0x66, 0, 0x6D },
   { Asse_UNPCKLB,  "punpcklbw",  0x66, 0, 0x60 },
   { Asse_UNPCKLW,  "punpcklwd",  0x66, 0, 0x61 },
   { Asse_UNPCKLD,  "punpckldq",  0x66, 0, 0x62 },
   { Asse_UNPCKLQ,  "punpcklqdq", 0x66, 0, 0x6C },
   { Asse_UNPCKLPS, "unpcklps",   0x00, 0, 0x14 },
   { Asse_UNPCKHPS, "unpckhps",   0x00, 0, 0x15 },
   { Asse_UNPCKLPD, "unpcklpd",   0x66, 0, 0x14 },
   { Asse_UNPCKHPD, "unpckhpd",   0x66, 0, 0x15 },
   { Asse_PERM8,    "pshufb",     0x66, 1, 0x00 },
};

static const SseRInfo* sse_r(AMD64SseOp op)
{
   for (UInt k = 0; k < sizeof sse_r_info / sizeof sse_r_info[0]; k++)
      if (sse_r_info[k].op == op)
         return &sse_r_info[k];
   vpanic("not a whole-register SSE op");
}

const HChar* showAMD64SseOp(AMD64SseOp op)
{
   if (op >= Asse_FIRST_RERG && op < Asse_LAST)
      return sse_r(op)->name;
   return sse_f(op)->stem;
}

/* Whether OP with the same register as source and destination ignores
   the destination's old value (xor x,x = 0; sub x,x = 0; cmpeq x,x = 1s). */
static Bool sse_same_reg_ignores_dst(AMD64SseOp op)
{
   switch (op) {
      case Asse_XOR: case Asse_XORPS: case Asse_XORPD:
      case Asse_SUB8: case Asse_SUB16: case Asse_SUB32: case Asse_SUB64:
      case Asse_CMPEQ8: case Asse_CMPEQ16: case Asse_CMPEQ32:
      case Asse_CMPEQ64:
         return True;
      default:
         return False;
   }
}

typedef struct { const HChar* name; UChar opc; UChar digit; } SseShiftInfo;

static SseShiftInfo sse_shift_info(AMD64SseShiftNOp op)
{
   SseShiftInfo si;
   switch (op) {
      case Asse_SHLN16:  si.name = "psllw";  si.opc = 0x71; si.digit = 6; break;
      case Asse_SHLN32:  si.name = "pslld";  si.opc = 0x72; si.digit = 6; break;
      case Asse_SHLN64:  si.name = "psllq";  si.opc = 0x73; si.digit = 6; break;
      case Asse_SHLN128: si.name = "pslldq"; si.opc = 0x73; si.digit = 7; break;
      case Asse_SHRN16:  si.name = "psrlw";  si.opc = 0x71; si.digit = 2; break;
      case Asse_SHRN32:  si.name = "psrld";  si.opc = 0x72; si.digit = 2; break;
      case Asse_SHRN64:  si.name = "psrlq";  si.opc = 0x73; si.digit = 2; break;
      case Asse_SHRN128: si.name = "psrldq"; si.opc = 0x73; si.digit = 3; break;
      case Asse_SARN16:  si.name = "psraw";  si.opc = 0x71; si.digit = 4; break;
      case Asse_SARN32:  si.name = "psrad";  si.opc = 0x72; si.digit = 4; break;
      default: vpanic("sse_shift_info");
   }
   return si;
}

static const HChar* shuf_name(AMD64SseShufKind k)
{
   switch (k) {
      case Ashuf_D:  return "pshufd";
      case Ashuf_LW: return "pshuflw";
      case Ashuf_HW: return "pshufhw";
      default:       vpanic("shuf_name");
   }
}

static UChar shuf_prefix(AMD64SseShufKind k)
{
   switch (k) {
      case Ashuf_D:  return 0x66;
      case Ashuf_LW: return 0xF2;
      case Ashuf_HW: return 0xF3;
      default:       vpanic("shuf_prefix");
   }
}

/* ================================================================== */
/* Instruction constructors                                           */
/* ================================================================== */

static AMD64Instr* new_instr(AMD64InstrTag tag)
{
   AMD64Instr* i = LibVEX_Alloc(sizeof(AMD64Instr));
   vex_bzero(i, sizeof *i);
   i->tag = tag;
   return i;
}

AMD64Instr* AMD64Instr_Imm64(ULong imm64, HReg dst)
{
   AMD64Instr* i      = new_instr(Ain_Imm64);
   i->Ain.Imm64.imm64 = imm64;
   i->Ain.Imm64.dst   = dst;
   return i;
}

AMD64Instr* AMD64Instr_Alu64R(AMD64AluOp op, AMD64RMI* src, HReg dst)
{
   AMD64Instr* i     = new_instr(Ain_Alu64R);
   vassert(op >= Aalu_MOV && op <= Aalu_MUL);
   i->Ain.Alu64R.op  = op;
   i->Ain.Alu64R.src = src;
   i->Ain.Alu64R.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Alu64M(AMD64AluOp op, AMD64RI* src, AMD64AMode* dst)
{
   AMD64Instr* i     = new_instr(Ain_Alu64M);
   vassert(op >= Aalu_MOV && op <= Aalu_XOR);
   i->Ain.Alu64M.op  = op;
   i->Ain.Alu64M.src = src;
   i->Ain.Alu64M.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Sh64(AMD64ShiftOp op, UInt src, HReg dst)
{
   AMD64Instr* i   = new_instr(Ain_Sh64);
   vassert(src < 64);
   i->Ain.Sh64.op  = op;
   i->Ain.Sh64.src = src;
   i->Ain.Sh64.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Sh32(AMD64ShiftOp op, UInt src, HReg dst)
{
   AMD64Instr* i   = new_instr(Ain_Sh32);
   vassert(src < 32);
   i->Ain.Sh32.op  = op;
   i->Ain.Sh32.src = src;
   i->Ain.Sh32.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Test64(AMD64RI* src, HReg dst)
{
   AMD64Instr* i     = new_instr(Ain_Test64);
   i->Ain.Test64.src = src;
   i->Ain.Test64.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Unary64(AMD64UnaryOp op, HReg dst)
{
   AMD64Instr* i      = new_instr(Ain_Unary64);
   i->Ain.Unary64.op  = op;
   i->Ain.Unary64.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Lea64(AMD64AMode* am, HReg dst)
{
   AMD64Instr* i    = new_instr(Ain_Lea64);
   i->Ain.Lea64.am  = am;
   i->Ain.Lea64.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Alu32R(AMD64AluOp op, AMD64RMI* src, HReg dst)
{
   AMD64Instr* i     = new_instr(Ain_Alu32R);
   switch (op) {
      case Aalu_ADD: case Aalu_SUB: case Aalu_CMP:
      case Aalu_AND: case Aalu_OR:  case Aalu_XOR:
         break;
      default:
         vpanic("AMD64Instr_Alu32R: unsupported operation");
   }
   i->Ain.Alu32R.op  = op;
   i->Ain.Alu32R.src = src;
   i->Ain.Alu32R.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_MulL(Bool syned, AMD64RM* src)
{
   AMD64Instr* i     = new_instr(Ain_MulL);
   i->Ain.MulL.syned = syned;
   i->Ain.MulL.src   = src;
   return i;
}

AMD64Instr* AMD64Instr_Div(Bool syned, Int sz, AMD64RM* src)
{
   AMD64Instr* i    = new_instr(Ain_Div);
   vassert(sz == 4 || sz == 8);
   i->Ain.Div.syned = syned;
   i->Ain.Div.sz    = sz;
   i->Ain.Div.src   = src;
   return i;
}

AMD64Instr* AMD64Instr_Push(AMD64RMI* src)
{
   AMD64Instr* i   = new_instr(Ain_Push);
   i->Ain.Push.src = src;
   return i;
}

AMD64Instr* AMD64Instr_Call(AMD64CondCode cond, Addr64 target, Int regparms,
                            RetLoc rloc)
{
   AMD64Instr* i        = new_instr(Ain_Call);
   vassert(regparms >= 0 && regparms <= 6);
   vassert(is_sane_RetLoc(rloc));
   i->Ain.Call.cond     = cond;
   i->Ain.Call.target   = target;
   i->Ain.Call.regparms = regparms;
   i->Ain.Call.rloc     = rloc;
   return i;
}

AMD64Instr* AMD64Instr_XDirect(Addr64 dstGA, AMD64AMode* amRIP,
                               AMD64CondCode cond, Bool toFastEP)
{
   AMD64Instr* i           = new_instr(Ain_XDirect);
   i->Ain.XDirect.dstGA    = dstGA;
   i->Ain.XDirect.amRIP    = amRIP;
   i->Ain.XDirect.cond     = cond;
   i->Ain.XDirect.toFastEP = toFastEP;
   return i;
}

AMD64Instr* AMD64Instr_XIndir(HReg dstGA, AMD64AMode* amRIP,
                              AMD64CondCode cond)
{
   AMD64Instr* i       = new_instr(Ain_XIndir);
   i->Ain.XIndir.dstGA = dstGA;
   i->Ain.XIndir.amRIP = amRIP;
   i->Ain.XIndir.cond  = cond;
   return i;
}

AMD64Instr* AMD64Instr_XAssisted(HReg dstGA, AMD64AMode* amRIP,
                                 AMD64CondCode cond, UInt trc)
{
   AMD64Instr* i          = new_instr(Ain_XAssisted);
   vassert(trc != 0);
   i->Ain.XAssisted.dstGA = dstGA;
   i->Ain.XAssisted.amRIP = amRIP;
   i->Ain.XAssisted.cond  = cond;
   i->Ain.XAssisted.trc   = trc;
   return i;
}

AMD64Instr* AMD64Instr_CMov64(AMD64CondCode cond, HReg src, HReg dst)
{
   AMD64Instr* i      = new_instr(Ain_CMov64);
   vassert(cond != Acc_ALWAYS);
   i->Ain.CMov64.cond = cond;
   i->Ain.CMov64.src  = src;
   i->Ain.CMov64.dst  = dst;
   return i;
}

AMD64Instr* AMD64Instr_CLoad(AMD64CondCode cond, UChar szB, AMD64AMode* addr,
                             HReg dst)
{
   AMD64Instr* i     = new_instr(Ain_CLoad);
   vassert(cond != Acc_ALWAYS && (szB == 4 || szB == 8));
   i->Ain.CLoad.cond = cond;
   i->Ain.CLoad.szB  = szB;
   i->Ain.CLoad.addr = addr;
   i->Ain.CLoad.dst  = dst;
   return i;
}

AMD64Instr* AMD64Instr_CStore(AMD64CondCode cond, UChar szB, HReg src,
                              AMD64AMode* addr)
{
   AMD64Instr* i      = new_instr(Ain_CStore);
   vassert(cond != Acc_ALWAYS && (szB == 4 || szB == 8));
   i->Ain.CStore.cond = cond;
   i->Ain.CStore.szB  = szB;
   i->Ain.CStore.src  = src;
   i->Ain.CStore.addr = addr;
   return i;
}

AMD64Instr* AMD64Instr_MovxLQ(Bool syned, HReg src, HReg dst)
{
   AMD64Instr* i       = new_instr(Ain_MovxLQ);
   i->Ain.MovxLQ.syned = syned;
   i->Ain.MovxLQ.src   = src;
   i->Ain.MovxLQ.dst   = dst;
   return i;
}

AMD64Instr* AMD64Instr_LoadEX(UChar szSmall, Bool syned, AMD64AMode* src,
                              HReg dst)
{
   AMD64Instr* i         = new_instr(Ain_LoadEX);
   vassert(szSmall == 1 || szSmall == 2 || szSmall == 4);
   i->Ain.LoadEX.szSmall = szSmall;
   i->Ain.LoadEX.syned   = syned;
   i->Ain.LoadEX.src     = src;
   i->Ain.LoadEX.dst     = dst;
   return i;
}

AMD64Instr* AMD64Instr_Store(UChar sz, HReg src, AMD64AMode* dst)
{
   AMD64Instr* i    = new_instr(Ain_Store);
   vassert(sz == 1 || sz == 2 || sz == 4 || sz == 8);
   i->Ain.Store.sz  = sz;
   i->Ain.Store.src = src;
   i->Ain.Store.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Set64(AMD64CondCode cond, HReg dst)
{
   AMD64Instr* i     = new_instr(Ain_Set64);
   vassert(cond != Acc_ALWAYS);
   i->Ain.Set64.cond = cond;
   i->Ain.Set64.dst  = dst;
   return i;
}

AMD64Instr* AMD64Instr_Bsfr64(Bool isFwds, HReg src, HReg dst)
{
   AMD64Instr* i        = new_instr(Ain_Bsfr64);
   i->Ain.Bsfr64.isFwds = isFwds;
   i->Ain.Bsfr64.src    = src;
   i->Ain.Bsfr64.dst    = dst;
   return i;
}

AMD64Instr* AMD64Instr_MFence(void)
{
   return new_instr(Ain_MFence);
}

AMD64Instr* AMD64Instr_ACAS(AMD64AMode* addr, UChar sz)
{
   AMD64Instr* i    = new_instr(Ain_ACAS);
   vassert(sz == 1 || sz == 2 || sz == 4 || sz == 8);
   i->Ain.ACAS.addr = addr;
   i->Ain.ACAS.sz   = sz;
   return i;
}

AMD64Instr* AMD64Instr_DACAS(AMD64AMode* addr, UChar sz)
{
   AMD64Instr* i     = new_instr(Ain_DACAS);
   vassert(sz == 4 || sz == 8);
   i->Ain.DACAS.addr = addr;
   i->Ain.DACAS.sz   = sz;
   return i;
}

AMD64Instr* AMD64Instr_LdMXCSR(AMD64AMode* addr)
{
   AMD64Instr* i       = new_instr(Ain_LdMXCSR);
   i->Ain.LdMXCSR.addr = addr;
   return i;
}

AMD64Instr* AMD64Instr_SseUComIS(Int sz, HReg srcL, HReg srcR, HReg dst)
{
   AMD64Instr* i         = new_instr(Ain_SseUComIS);
   vassert(sz == 4 || sz == 8);
   i->Ain.SseUComIS.sz   = (UChar)sz;
   i->Ain.SseUComIS.srcL = srcL;
   i->Ain.SseUComIS.srcR = srcR;
   i->Ain.SseUComIS.dst  = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseSI2SF(Int szS, Int szD, HReg src, HReg dst)
{
   AMD64Instr* i       = new_instr(Ain_SseSI2SF);
   vassert((szS == 4 || szS == 8) && (szD == 4 || szD == 8));
   i->Ain.SseSI2SF.szS = (UChar)szS;
   i->Ain.SseSI2SF.szD = (UChar)szD;
   i->Ain.SseSI2SF.src = src;
   i->Ain.SseSI2SF.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseSF2SI(Int szS, Int szD, HReg src, HReg dst)
{
   AMD64Instr* i       = new_instr(Ain_SseSF2SI);
   vassert((szS == 4 || szS == 8) && (szD == 4 || szD == 8));
   i->Ain.SseSF2SI.szS = (UChar)szS;
   i->Ain.SseSF2SI.szD = (UChar)szD;
   i->Ain.SseSF2SI.src = src;
   i->Ain.SseSF2SI.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseSDSS(Bool from64, HReg src, HReg dst)
{
   AMD64Instr* i         = new_instr(Ain_SseSDSS);
   i->Ain.SseSDSS.from64 = from64;
   i->Ain.SseSDSS.src    = src;
   i->Ain.SseSDSS.dst    = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseLdSt(Bool isLoad, Int sz, HReg reg,
                               AMD64AMode* addr)
{
   AMD64Instr* i         = new_instr(Ain_SseLdSt);
   vassert(sz == 4 || sz == 8 || sz == 16);
   i->Ain.SseLdSt.isLoad = isLoad;
   i->Ain.SseLdSt.sz     = (UChar)sz;
   i->Ain.SseLdSt.reg    = reg;
   i->Ain.SseLdSt.addr   = addr;
   return i;
}

AMD64Instr* AMD64Instr_SseLdzLO(Int sz, HReg reg, AMD64AMode* addr)
{
   AMD64Instr* i        = new_instr(Ain_SseLdzLO);
   vassert(sz == 4 || sz == 8);
   i->Ain.SseLdzLO.sz   = sz;
   i->Ain.SseLdzLO.reg  = reg;
   i->Ain.SseLdzLO.addr = addr;
   return i;
}

static AMD64Instr* sse_f_instr(AMD64InstrTag tag, AMD64SseOp op, HReg src,
                               HReg dst)
{
   AMD64Instr* i = new_instr(tag);
   (void)sse_f(op);   /* panics if OP is not a floating-point op */
   if (op == Asse_RCPF || op == Asse_RSQRTF)
      vassert(tag == Ain_Sse32Fx4 || tag == Ain_Sse32FLo);
   /* All four variants share one layout. */
   i->Ain.Sse32Fx4.op  = op;
   i->Ain.Sse32Fx4.src = src;
   i->Ain.Sse32Fx4.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_Sse32Fx4(AMD64SseOp op, HReg src, HReg dst)
{
   return sse_f_instr(Ain_Sse32Fx4, op, src, dst);
}

AMD64Instr* AMD64Instr_Sse32FLo(AMD64SseOp op, HReg src, HReg dst)
{
   return sse_f_instr(Ain_Sse32FLo, op, src, dst);
}

AMD64Instr* AMD64Instr_Sse64Fx2(AMD64SseOp op, HReg src, HReg dst)
{
   return sse_f_instr(Ain_Sse64Fx2, op, src, dst);
}

AMD64Instr* AMD64Instr_Sse64FLo(AMD64SseOp op, HReg src, HReg dst)
{
   return sse_f_instr(Ain_Sse64FLo, op, src, dst);
}

AMD64Instr* AMD64Instr_SseReRg(AMD64SseOp op, HReg src, HReg dst)
{
   AMD64Instr* i      = new_instr(Ain_SseReRg);
   (void)sse_r(op);
   i->Ain.SseReRg.op  = op;
   i->Ain.SseReRg.src = src;
   i->Ain.SseReRg.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseCMov(AMD64CondCode cond, HReg src, HReg dst)
{
   AMD64Instr* i       = new_instr(Ain_SseCMov);
   vassert(cond != Acc_ALWAYS);
   i->Ain.SseCMov.cond = cond;
   i->Ain.SseCMov.src  = src;
   i->Ain.SseCMov.dst  = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseShuf(AMD64SseShufKind kind, Int order, HReg src,
                               HReg dst)
{
   AMD64Instr* i        = new_instr(Ain_SseShuf);
   vassert(order >= 0 && order <= 0xFF);
   (void)shuf_name(kind);
   i->Ain.SseShuf.kind  = kind;
   i->Ain.SseShuf.order = order;
   i->Ain.SseShuf.src   = src;
   i->Ain.SseShuf.dst   = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseShiftN(AMD64SseShiftNOp op, UInt amt, HReg dst)
{
   AMD64Instr* i        = new_instr(Ain_SseShiftN);
   (void)sse_shift_info(op);
   vassert(amt <= 0xFF);
   i->Ain.SseShiftN.op  = op;
   i->Ain.SseShiftN.amt = amt;
   i->Ain.SseShiftN.dst = dst;
   return i;
}

AMD64Instr* AMD64Instr_SseMOVQ(HReg gpr, HReg xmm, Bool toXMM)
{
   AMD64Instr* i        = new_instr(Ain_SseMOVQ);
   i->Ain.SseMOVQ.gpr   = gpr;
   i->Ain.SseMOVQ.xmm   = xmm;
   i->Ain.SseMOVQ.toXMM = toXMM;
   return i;
}

AMD64Instr* AMD64Instr_EvCheck(AMD64AMode* amCounter, AMD64AMode* amFailAddr)
{
   AMD64Instr* i             = new_instr(Ain_EvCheck);
   i->Ain.EvCheck.amCounter  = amCounter;
   i->Ain.EvCheck.amFailAddr = amFailAddr;
   return i;
}

AMD64Instr* AMD64Instr_ProfInc(void)
{
   return new_instr(Ain_ProfInc);
}

/* ================================================================== */
/* Printing                                                           */
/* ================================================================== */

static const HChar* size_suffix(Int sz)
{
   switch (sz) {
      case 1: return "b";
      case 2: return "w";
      case 4: return "l";
      case 8: return "q";
      default: vpanic("size_suffix");
   }
}

static Bool fits_simm32(Long v)
{
   return v >= -0x80000000LL && v <= 0x7FFFFFFFLL;
}

static Bool fits_simm8(Int v)
{
   return v >= -128 && v <= 127;
}

static void pp_cond_open(AMD64CondCode cond)
{
   if (cond != Acc_ALWAYS)
      vex_printf("if (%%rflags.%s) { ", showAMD64CondCode(cond));
}

static void pp_cond_close(AMD64CondCode cond)
{
   if (cond != Acc_ALWAYS)
      vex_printf(" }");
}

/* The store of the next guest PC at the start of an XDirect. */
static void pp_xdirect_pc_store(const AMD64Instr* i)
{
   Addr64 ga = i->Ain.XDirect.dstGA;
   if (fits_simm32((Long)ga)) {
      vex_printf("movq ");
      pp_imm((UInt)ga);
      vex_printf(",");
   } else {
      vex_printf("movabsq $0x%llx,%%r11; movq %%r11,", (ULong)ga);
   }
   ppAMD64AMode(i->Ain.XDirect.amRIP);
}

void ppAMD64Instr(const AMD64Instr* i, Bool mode64)
{
   vassert(mode64);
   switch (i->tag) {
      case Ain_Imm64: {
         ULong imm = i->Ain.Imm64.imm64;
         if (imm <= 0xFFFFFFFFULL) {
            vex_printf("movl $0x%llx,", imm);
            ppHRegAMD64_sz(i->Ain.Imm64.dst, 4);
         } else if (fits_simm32((Long)imm)) {
            vex_printf("movq ");
            pp_imm((UInt)imm);
            vex_printf(",");
            ppHRegAMD64(i->Ain.Imm64.dst);
         } else {
            vex_printf("movabsq $0x%llx,", imm);
            ppHRegAMD64(i->Ain.Imm64.dst);
         }
         return;
      }
      case Ain_Alu64R:
         vex_printf("%sq ", showAMD64AluOp(i->Ain.Alu64R.op));
         ppAMD64RMI(i->Ain.Alu64R.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.Alu64R.dst);
         return;
      case Ain_Alu64M:
         vex_printf("%sq ", showAMD64AluOp(i->Ain.Alu64M.op));
         ppAMD64RI(i->Ain.Alu64M.src);
         vex_printf(",");
         ppAMD64AMode(i->Ain.Alu64M.dst);
         return;
      case Ain_Sh64:
      case Ain_Sh32: {
         Bool is64 = i->tag == Ain_Sh64;
         UInt src  = is64 ? i->Ain.Sh64.src : i->Ain.Sh32.src;
         vex_printf("%s%s ", showAMD64ShiftOp(is64 ? i->Ain.Sh64.op
                                                   : i->Ain.Sh32.op),
                    is64 ? "q" : "l");
         if (src == 0)
            vex_printf("%%cl,");
         else
            vex_printf("$%u,", src);
         ppHRegAMD64_sz(is64 ? i->Ain.Sh64.dst : i->Ain.Sh32.dst,
                        is64 ? 8 : 4);
         return;
      }
      case Ain_Test64:
         vex_printf("testq ");
         ppAMD64RI(i->Ain.Test64.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.Test64.dst);
         return;
      case Ain_Unary64:
         vex_printf("%sq ", showAMD64UnaryOp(i->Ain.Unary64.op));
         ppHRegAMD64(i->Ain.Unary64.dst);
         return;
      case Ain_Lea64:
         vex_printf("leaq ");
         ppAMD64AMode(i->Ain.Lea64.am);
         vex_printf(",");
         ppHRegAMD64(i->Ain.Lea64.dst);
         return;
      case Ain_Alu32R:
         vex_printf("%sl ", showAMD64AluOp(i->Ain.Alu32R.op));
         ppAMD64RMI_sz(i->Ain.Alu32R.src, 4);
         vex_printf(",");
         ppHRegAMD64_sz(i->Ain.Alu32R.dst, 4);
         return;
      case Ain_MulL:
         vex_printf("%sq ", i->Ain.MulL.syned ? "imul" : "mul");
         ppAMD64RM(i->Ain.MulL.src);
         return;
      case Ain_Div:
         vex_printf("%s%s ", i->Ain.Div.syned ? "idiv" : "div",
                    size_suffix(i->Ain.Div.sz));
         ppAMD64RM_sz(i->Ain.Div.src, i->Ain.Div.sz);
         return;
      case Ain_Push:
         vex_printf("pushq ");
         ppAMD64RMI(i->Ain.Push.src);
         return;
      case Ain_Call:
         vex_printf("call%s[%d,",
                    i->Ain.Call.cond == Acc_ALWAYS
                       ? "" : showAMD64CondCode(i->Ain.Call.cond),
                    i->Ain.Call.regparms);
         ppRetLoc(i->Ain.Call.rloc);
         vex_printf("] 0x%llx", (ULong)i->Ain.Call.target);
         return;
      case Ain_XDirect:
         vex_printf("(xDirect) ");
         pp_cond_open(i->Ain.XDirect.cond);
         pp_xdirect_pc_store(i);
         vex_printf("; movabsq $disp_cp_chain_me_to_%sEP,%%r11; call *%%r11",
                    i->Ain.XDirect.toFastEP ? "fast" : "slow");
         pp_cond_close(i->Ain.XDirect.cond);
         return;
      case Ain_XIndir:
         vex_printf("(xIndir) ");
         pp_cond_open(i->Ain.XIndir.cond);
         vex_printf("movq ");
         ppHRegAMD64(i->Ain.XIndir.dstGA);
         vex_printf(",");
         ppAMD64AMode(i->Ain.XIndir.amRIP);
         vex_printf("; movabsq $disp_cp_xindir,%%r11; jmp *%%r11");
         pp_cond_close(i->Ain.XIndir.cond);
         return;
      case Ain_XAssisted:
         vex_printf("(xAssisted) ");
         pp_cond_open(i->Ain.XAssisted.cond);
         vex_printf("movq ");
         ppHRegAMD64(i->Ain.XAssisted.dstGA);
         vex_printf(",");
         ppAMD64AMode(i->Ain.XAssisted.amRIP);
         vex_printf("; movl $%u,%%ebp; movabsq $disp_cp_xassisted,%%r11;"
                    " jmp *%%r11", i->Ain.XAssisted.trc);
         pp_cond_close(i->Ain.XAssisted.cond);
         return;
      case Ain_CMov64:
         vex_printf("cmov%s ", showAMD64CondCode(i->Ain.CMov64.cond));
         ppHRegAMD64(i->Ain.CMov64.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.CMov64.dst);
         return;
      case Ain_CLoad:
         pp_cond_open(i->Ain.CLoad.cond);
         vex_printf("mov%s ", size_suffix(i->Ain.CLoad.szB));
         ppAMD64AMode(i->Ain.CLoad.addr);
         vex_printf(",");
         ppHRegAMD64_sz(i->Ain.CLoad.dst, i->Ain.CLoad.szB);
         pp_cond_close(i->Ain.CLoad.cond);
         return;
      case Ain_CStore:
         pp_cond_open(i->Ain.CStore.cond);
         vex_printf("mov%s ", size_suffix(i->Ain.CStore.szB));
         ppHRegAMD64_sz(i->Ain.CStore.src, i->Ain.CStore.szB);
         vex_printf(",");
         ppAMD64AMode(i->Ain.CStore.addr);
         pp_cond_close(i->Ain.CStore.cond);
         return;
      case Ain_MovxLQ:
         if (i->Ain.MovxLQ.syned) {
            vex_printf("movslq ");
            ppHRegAMD64_sz(i->Ain.MovxLQ.src, 4);
            vex_printf(",");
            ppHRegAMD64(i->Ain.MovxLQ.dst);
         } else {
            vex_printf("movl ");
            ppHRegAMD64_sz(i->Ain.MovxLQ.src, 4);
            vex_printf(",");
            ppHRegAMD64_sz(i->Ain.MovxLQ.dst, 4);
         }
         return;
      case Ain_LoadEX: {
         UChar sz  = i->Ain.LoadEX.szSmall;
         Bool  sgn = i->Ain.LoadEX.syned;
         if (!sgn) {
            vex_printf("%s ", sz == 1 ? "movzbl" : sz == 2 ? "movzwl" : "movl");
            ppAMD64AMode(i->Ain.LoadEX.src);
            vex_printf(",");
            ppHRegAMD64_sz(i->Ain.LoadEX.dst, 4);
         } else {
            vex_printf("%s ", sz == 1 ? "movsbq" : sz == 2 ? "movswq" : "movslq");
            ppAMD64AMode(i->Ain.LoadEX.src);
            vex_printf(",");
            ppHRegAMD64(i->Ain.LoadEX.dst);
         }
         return;
      }
      case Ain_Store:
         vex_printf("mov%s ", size_suffix(i->Ain.Store.sz));
         ppHRegAMD64_sz(i->Ain.Store.src, i->Ain.Store.sz);
         vex_printf(",");
         ppAMD64AMode(i->Ain.Store.dst);
         return;
      case Ain_Set64:
         vex_printf("set%s ", showAMD64CondCode(i->Ain.Set64.cond));
         ppHRegAMD64_sz(i->Ain.Set64.dst, 1);
         vex_printf("; movzbl ");
         ppHRegAMD64_sz(i->Ain.Set64.dst, 1);
         vex_printf(",");
         ppHRegAMD64_sz(i->Ain.Set64.dst, 4);
         return;
      case Ain_Bsfr64:
         vex_printf("bs%cq ", i->Ain.Bsfr64.isFwds ? 'f' : 'r');
         ppHRegAMD64(i->Ain.Bsfr64.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.Bsfr64.dst);
         return;
      case Ain_MFence:
         vex_printf("mfence");
         return;
      case Ain_ACAS:
         vex_printf("lock cmpxchg%s ", size_suffix(i->Ain.ACAS.sz));
         ppHRegAMD64_sz(hregAMD64_RBX(), i->Ain.ACAS.sz);
         vex_printf(",");
         ppAMD64AMode(i->Ain.ACAS.addr);
         return;
      case Ain_DACAS:
         vex_printf("lock cmpxchg%db ", 2 * (Int)i->Ain.DACAS.sz);
         ppAMD64AMode(i->Ain.DACAS.addr);
         return;
      case Ain_LdMXCSR:
         vex_printf("ldmxcsr ");
         ppAMD64AMode(i->Ain.LdMXCSR.addr);
         return;
      case Ain_SseUComIS:
         vex_printf("ucomis%s ", i->Ain.SseUComIS.sz == 4 ? "s" : "d");
         ppHRegAMD64(i->Ain.SseUComIS.srcR);
         vex_printf(",");
         ppHRegAMD64(i->Ain.SseUComIS.srcL);
         vex_printf("; pushfq; popq ");
         ppHRegAMD64(i->Ain.SseUComIS.dst);
         return;
      case Ain_SseSI2SF:
         vex_printf("cvtsi2s%s%s ", i->Ain.SseSI2SF.szD == 4 ? "s" : "d",
                    i->Ain.SseSI2SF.szS == 4 ? "l" : "q");
         ppHRegAMD64_sz(i->Ain.SseSI2SF.src, i->Ain.SseSI2SF.szS);
         vex_printf(",");
         ppHRegAMD64(i->Ain.SseSI2SF.dst);
         return;
      case Ain_SseSF2SI:
         vex_printf("cvts%s2si ", i->Ain.SseSF2SI.szS == 4 ? "s" : "d");
         ppHRegAMD64(i->Ain.SseSF2SI.src);
         vex_printf(",");
         ppHRegAMD64_sz(i->Ain.SseSF2SI.dst, i->Ain.SseSF2SI.szD);
         return;
      case Ain_SseSDSS:
         vex_printf(i->Ain.SseSDSS.from64 ? "cvtsd2ss " : "cvtss2sd ");
         ppHRegAMD64(i->Ain.SseSDSS.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.SseSDSS.dst);
         return;
      case Ain_SseLdSt: {
         const HChar* mn = i->Ain.SseLdSt.sz == 4 ? "movss"
                         : i->Ain.SseLdSt.sz == 8 ? "movsd" : "movups";
         vex_printf("%s ", mn);
         if (i->Ain.SseLdSt.isLoad) {
            ppAMD64AMode(i->Ain.SseLdSt.addr);
            vex_printf(",");
            ppHRegAMD64(i->Ain.SseLdSt.reg);
         } else {
            ppHRegAMD64(i->Ain.SseLdSt.reg);
            vex_printf(",");
            ppAMD64AMode(i->Ain.SseLdSt.addr);
         }
         return;
      }
      case Ain_SseLdzLO:
         vex_printf("movs%s ", i->Ain.SseLdzLO.sz == 4 ? "s" : "d");
         ppAMD64AMode(i->Ain.SseLdzLO.addr);
         vex_printf(",");
         ppHRegAMD64(i->Ain.SseLdzLO.reg);
         return;
      case Ain_Sse32Fx4:
      case Ain_Sse32FLo:
      case Ain_Sse64Fx2:
      case Ain_Sse64FLo: {
         const HChar* sfx = i->tag == Ain_Sse32Fx4 ? "ps"
                          : i->tag == Ain_Sse32FLo ? "ss"
                          : i->tag == Ain_Sse64Fx2 ? "pd" : "sd";
         vex_printf("%s%s ", sse_f(i->Ain.Sse32Fx4.op)->stem, sfx);
         ppHRegAMD64(i->Ain.Sse32Fx4.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.Sse32Fx4.dst);
         return;
      }
      case Ain_SseReRg:
         vex_printf("%s ", sse_r(i->Ain.SseReRg.op)->name);
         ppHRegAMD64(i->Ain.SseReRg.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.SseReRg.dst);
         return;
      case Ain_SseCMov:
         pp_cond_open(i->Ain.SseCMov.cond);
         vex_printf("movaps ");
         ppHRegAMD64(i->Ain.SseCMov.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.SseCMov.dst);
         pp_cond_close(i->Ain.SseCMov.cond);
         return;
      case Ain_SseShuf:
         vex_printf("%s $0x%x,", shuf_name(i->Ain.SseShuf.kind),
                    (UInt)i->Ain.SseShuf.order);
         ppHRegAMD64(i->Ain.SseShuf.src);
         vex_printf(",");
         ppHRegAMD64(i->Ain.SseShuf.dst);
         return;
      case Ain_SseShiftN:
         vex_printf("%s $%u,", sse_shift_info(i->Ain.SseShiftN.op).name,
                    i->Ain.SseShiftN.amt);
         ppHRegAMD64(i->Ain.SseShiftN.dst);
         return;
      case Ain_SseMOVQ:
         vex_printf("movq ");
         if (i->Ain.SseMOVQ.toXMM) {
            ppHRegAMD64(i->Ain.SseMOVQ.gpr);
            vex_printf(",");
            ppHRegAMD64(i->Ain.SseMOVQ.xmm);
         } else {
            ppHRegAMD64(i->Ain.SseMOVQ.xmm);
            vex_printf(",");
            ppHRegAMD64(i->Ain.SseMOVQ.gpr);
         }
         return;
      case Ain_EvCheck:
         vex_printf("(evCheck) decl ");
         ppAMD64AMode(i->Ain.EvCheck.amCounter);
         vex_printf("; jns nofail; jmp *");
         ppAMD64AMode(i->Ain.EvCheck.amFailAddr);
         vex_printf("; nofail:");
         return;
      case Ain_ProfInc:
         vex_printf("(profInc) movabsq $NotKnownYet,%%r11; incq (%%r11)");
         return;
      default:
         vpanic("ppAMD64Instr");
   }
}

/* ================================================================== */
/* Register usage and renaming                                        */
/* ================================================================== */

/* The SysV argument registers, in order. */
static HReg arg_reg(Int n)
{
   switch (n) {
      case 0: return hregAMD64_RDI();
      case 1: return hregAMD64_RSI();
      case 2: return hregAMD64_RDX();
      case 3: return hregAMD64_RCX();
      case 4: return hregAMD64_R8();
      case 5: return hregAMD64_R9();
      default: vpanic("arg_reg");
   }
}

static Bool sse_f_is_unary(AMD64SseOp op)
{
   return op == Asse_SQRTF || op == Asse_RCPF || op == Asse_RSQRTF;
}

void getRegUsage_AMD64Instr(HRegUsage* u, const AMD64Instr* i, Bool mode64)
{
   vassert(mode64);
   initHRegUsage(u);
   switch (i->tag) {
      case Ain_Imm64:
         addHRegUse(u, HRmWrite, i->Ain.Imm64.dst);
         return;
      case Ain_Alu64R:
      case Ain_Alu32R: {
         AMD64AluOp op  = i->tag == Ain_Alu64R ? i->Ain.Alu64R.op
                                               : i->Ain.Alu32R.op;
         const AMD64RMI* src = i->tag == Ain_Alu64R ? i->Ain.Alu64R.src
                                                    : i->Ain.Alu32R.src;
         HReg dst = i->tag == Ain_Alu64R ? i->Ain.Alu64R.dst
                                         : i->Ain.Alu32R.dst;
         if ((op == Aalu_XOR || op == Aalu_SUB) && src->tag == Armi_Reg
             && sameHReg(src->Armi.Reg.reg, dst)) {
            /* xor %r,%r / sub %r,%r: the old value does not matter. */
            addHRegUse(u, HRmWrite, dst);
            return;
         }
         addRegUsage_AMD64RMI(u, src);
         if (op == Aalu_MOV) {
            addHRegUse(u, HRmWrite, dst);
            if (i->tag == Ain_Alu64R && src->tag == Armi_Reg)
               setHRegUsageMove(u, src->Armi.Reg.reg, dst);
         } else if (op == Aalu_CMP) {
            addHRegUse(u, HRmRead, dst);
         } else {
            addHRegUse(u, HRmModify, dst);
         }
         return;
      }
      case Ain_Alu64M:
         addRegUsage_AMD64RI(u, i->Ain.Alu64M.src);
         addRegUsage_AMD64AMode(u, i->Ain.Alu64M.dst);
         return;
      case Ain_Sh64:
         addHRegUse(u, HRmModify, i->Ain.Sh64.dst);
         if (i->Ain.Sh64.src == 0)
            addHRegUse(u, HRmRead, hregAMD64_RCX());
         return;
      case Ain_Sh32:
         addHRegUse(u, HRmModify, i->Ain.Sh32.dst);
         if (i->Ain.Sh32.src == 0)
            addHRegUse(u, HRmRead, hregAMD64_RCX());
         return;
      case Ain_Test64:
         addRegUsage_AMD64RI(u, i->Ain.Test64.src);
         addHRegUse(u, HRmRead, i->Ain.Test64.dst);
         return;
      case Ain_Unary64:
         addHRegUse(u, HRmModify, i->Ain.Unary64.dst);
         return;
      case Ain_Lea64:
         addRegUsage_AMD64AMode(u, i->Ain.Lea64.am);
         addHRegUse(u, HRmWrite, i->Ain.Lea64.dst);
         return;
      case Ain_MulL:
         addRegUsage_AMD64RM(u, i->Ain.MulL.src, HRmRead);
         addHRegUse(u, HRmModify, hregAMD64_RAX());
         addHRegUse(u, HRmWrite, hregAMD64_RDX());
         return;
      case Ain_Div:
         addRegUsage_AMD64RM(u, i->Ain.Div.src, HRmRead);
         addHRegUse(u, HRmModify, hregAMD64_RAX());
         addHRegUse(u, HRmModify, hregAMD64_RDX());
         return;
      case Ain_Push:
         addRegUsage_AMD64RMI(u, i->Ain.Push.src);
         addHRegUse(u, HRmModify, hregAMD64_RSP());
         return;
      case Ain_Call:
         /* The arguments are read, then every caller-saved register is
            trashed (the result, if any, is in %rax or %rdx:%rax, which
            are among them). */
         for (Int k = 0; k < i->Ain.Call.regparms; k++)
            addHRegUse(u, HRmRead, arg_reg(k));
         addHRegUse(u, HRmWrite, hregAMD64_RAX());
         addHRegUse(u, HRmWrite, hregAMD64_RCX());
         addHRegUse(u, HRmWrite, hregAMD64_RDX());
         addHRegUse(u, HRmWrite, hregAMD64_RSI());
         addHRegUse(u, HRmWrite, hregAMD64_RDI());
         addHRegUse(u, HRmWrite, hregAMD64_R8());
         addHRegUse(u, HRmWrite, hregAMD64_R9());
         addHRegUse(u, HRmWrite, hregAMD64_R10());
         addHRegUse(u, HRmWrite, hregAMD64_R11());
         for (UInt k = 0; k < 16; k++)
            addHRegUse(u, HRmWrite, hregAMD64_XMM(k));
         return;
      case Ain_XDirect:
         addRegUsage_AMD64AMode(u, i->Ain.XDirect.amRIP);
         addHRegUse(u, HRmWrite, hregAMD64_R11());
         return;
      case Ain_XIndir:
         addHRegUse(u, HRmRead, i->Ain.XIndir.dstGA);
         addRegUsage_AMD64AMode(u, i->Ain.XIndir.amRIP);
         addHRegUse(u, HRmWrite, hregAMD64_R11());
         return;
      case Ain_XAssisted:
         addHRegUse(u, HRmRead, i->Ain.XAssisted.dstGA);
         addRegUsage_AMD64AMode(u, i->Ain.XAssisted.amRIP);
         addHRegUse(u, HRmWrite, hregAMD64_R11());
         addHRegUse(u, HRmWrite, hregAMD64_RBP());
         return;
      case Ain_CMov64:
         addHRegUse(u, HRmRead, i->Ain.CMov64.src);
         addHRegUse(u, HRmModify, i->Ain.CMov64.dst);
         return;
      case Ain_CLoad:
         addRegUsage_AMD64AMode(u, i->Ain.CLoad.addr);
         addHRegUse(u, HRmModify, i->Ain.CLoad.dst);
         return;
      case Ain_CStore:
         addRegUsage_AMD64AMode(u, i->Ain.CStore.addr);
         addHRegUse(u, HRmRead, i->Ain.CStore.src);
         return;
      case Ain_MovxLQ:
         addHRegUse(u, HRmRead, i->Ain.MovxLQ.src);
         addHRegUse(u, HRmWrite, i->Ain.MovxLQ.dst);
         return;
      case Ain_LoadEX:
         addRegUsage_AMD64AMode(u, i->Ain.LoadEX.src);
         addHRegUse(u, HRmWrite, i->Ain.LoadEX.dst);
         return;
      case Ain_Store:
         addHRegUse(u, HRmRead, i->Ain.Store.src);
         addRegUsage_AMD64AMode(u, i->Ain.Store.dst);
         return;
      case Ain_Set64:
         addHRegUse(u, HRmWrite, i->Ain.Set64.dst);
         return;
      case Ain_Bsfr64:
         addHRegUse(u, HRmRead, i->Ain.Bsfr64.src);
         addHRegUse(u, HRmWrite, i->Ain.Bsfr64.dst);
         return;
      case Ain_MFence:
         return;
      case Ain_ACAS:
         addRegUsage_AMD64AMode(u, i->Ain.ACAS.addr);
         addHRegUse(u, HRmRead, hregAMD64_RBX());
         addHRegUse(u, HRmModify, hregAMD64_RAX());
         return;
      case Ain_DACAS:
         addRegUsage_AMD64AMode(u, i->Ain.DACAS.addr);
         addHRegUse(u, HRmRead, hregAMD64_RCX());
         addHRegUse(u, HRmRead, hregAMD64_RBX());
         addHRegUse(u, HRmModify, hregAMD64_RDX());
         addHRegUse(u, HRmModify, hregAMD64_RAX());
         return;
      case Ain_LdMXCSR:
         addRegUsage_AMD64AMode(u, i->Ain.LdMXCSR.addr);
         return;
      case Ain_SseUComIS:
         addHRegUse(u, HRmRead, i->Ain.SseUComIS.srcL);
         addHRegUse(u, HRmRead, i->Ain.SseUComIS.srcR);
         addHRegUse(u, HRmWrite, i->Ain.SseUComIS.dst);
         return;
      case Ain_SseSI2SF:
         addHRegUse(u, HRmRead, i->Ain.SseSI2SF.src);
         addHRegUse(u, HRmModify, i->Ain.SseSI2SF.dst);
         return;
      case Ain_SseSF2SI:
         addHRegUse(u, HRmRead, i->Ain.SseSF2SI.src);
         addHRegUse(u, HRmWrite, i->Ain.SseSF2SI.dst);
         return;
      case Ain_SseSDSS:
         addHRegUse(u, HRmRead, i->Ain.SseSDSS.src);
         addHRegUse(u, HRmModify, i->Ain.SseSDSS.dst);
         return;
      case Ain_SseLdSt:
         addRegUsage_AMD64AMode(u, i->Ain.SseLdSt.addr);
         addHRegUse(u, i->Ain.SseLdSt.isLoad ? HRmWrite : HRmRead,
                    i->Ain.SseLdSt.reg);
         return;
      case Ain_SseLdzLO:
         addRegUsage_AMD64AMode(u, i->Ain.SseLdzLO.addr);
         addHRegUse(u, HRmWrite, i->Ain.SseLdzLO.reg);
         return;
      case Ain_Sse32Fx4:
      case Ain_Sse64Fx2:
         addHRegUse(u, HRmRead, i->Ain.Sse32Fx4.src);
         addHRegUse(u, sse_f_is_unary(i->Ain.Sse32Fx4.op) ? HRmWrite
                                                          : HRmModify,
                    i->Ain.Sse32Fx4.dst);
         return;
      case Ain_Sse32FLo:
      case Ain_Sse64FLo:
         /* The lanes above the lowest are kept. */
         addHRegUse(u, HRmRead, i->Ain.Sse32FLo.src);
         addHRegUse(u, HRmModify, i->Ain.Sse32FLo.dst);
         return;
      case Ain_SseReRg: {
         AMD64SseOp op = i->Ain.SseReRg.op;
         HReg src = i->Ain.SseReRg.src, dst = i->Ain.SseReRg.dst;
         if (op == Asse_MOV) {
            addHRegUse(u, HRmRead, src);
            addHRegUse(u, HRmWrite, dst);
            setHRegUsageMove(u, src, dst);
         } else if (sameHReg(src, dst) && sse_same_reg_ignores_dst(op)) {
            addHRegUse(u, HRmWrite, dst);
         } else {
            addHRegUse(u, HRmRead, src);
            addHRegUse(u, HRmModify, dst);
         }
         return;
      }
      case Ain_SseCMov:
         addHRegUse(u, HRmRead, i->Ain.SseCMov.src);
         addHRegUse(u, HRmModify, i->Ain.SseCMov.dst);
         return;
      case Ain_SseShuf:
         addHRegUse(u, HRmRead, i->Ain.SseShuf.src);
         addHRegUse(u, HRmWrite, i->Ain.SseShuf.dst);
         return;
      case Ain_SseShiftN:
         addHRegUse(u, HRmModify, i->Ain.SseShiftN.dst);
         return;
      case Ain_SseMOVQ:
         if (i->Ain.SseMOVQ.toXMM) {
            addHRegUse(u, HRmRead, i->Ain.SseMOVQ.gpr);
            addHRegUse(u, HRmWrite, i->Ain.SseMOVQ.xmm);
         } else {
            addHRegUse(u, HRmRead, i->Ain.SseMOVQ.xmm);
            addHRegUse(u, HRmWrite, i->Ain.SseMOVQ.gpr);
         }
         return;
      case Ain_EvCheck:
         addRegUsage_AMD64AMode(u, i->Ain.EvCheck.amCounter);
         addRegUsage_AMD64AMode(u, i->Ain.EvCheck.amFailAddr);
         return;
      case Ain_ProfInc:
         addHRegUse(u, HRmWrite, hregAMD64_R11());
         return;
      default:
         ppAMD64Instr(i, mode64);
         vpanic("getRegUsage_AMD64Instr");
   }
}

#define MAPR(r) ((r) = lookupHRegRemap(m, (r)))

void mapRegs_AMD64Instr(HRegRemap* m, AMD64Instr* i, Bool mode64)
{
   vassert(mode64);
   switch (i->tag) {
      case Ain_Imm64:
         MAPR(i->Ain.Imm64.dst);
         return;
      case Ain_Alu64R:
         i->Ain.Alu64R.src = mapRegs_AMD64RMI(m, i->Ain.Alu64R.src);
         MAPR(i->Ain.Alu64R.dst);
         return;
      case Ain_Alu64M:
         i->Ain.Alu64M.src = mapRegs_AMD64RI(m, i->Ain.Alu64M.src);
         i->Ain.Alu64M.dst = mapRegs_AMD64AMode(m, i->Ain.Alu64M.dst);
         return;
      case Ain_Sh64:
         MAPR(i->Ain.Sh64.dst);
         return;
      case Ain_Sh32:
         MAPR(i->Ain.Sh32.dst);
         return;
      case Ain_Test64:
         i->Ain.Test64.src = mapRegs_AMD64RI(m, i->Ain.Test64.src);
         MAPR(i->Ain.Test64.dst);
         return;
      case Ain_Unary64:
         MAPR(i->Ain.Unary64.dst);
         return;
      case Ain_Lea64:
         i->Ain.Lea64.am = mapRegs_AMD64AMode(m, i->Ain.Lea64.am);
         MAPR(i->Ain.Lea64.dst);
         return;
      case Ain_Alu32R:
         i->Ain.Alu32R.src = mapRegs_AMD64RMI(m, i->Ain.Alu32R.src);
         MAPR(i->Ain.Alu32R.dst);
         return;
      case Ain_MulL:
         i->Ain.MulL.src = mapRegs_AMD64RM(m, i->Ain.MulL.src);
         return;
      case Ain_Div:
         i->Ain.Div.src = mapRegs_AMD64RM(m, i->Ain.Div.src);
         return;
      case Ain_Push:
         i->Ain.Push.src = mapRegs_AMD64RMI(m, i->Ain.Push.src);
         return;
      case Ain_Call:
         return;
      case Ain_XDirect:
         i->Ain.XDirect.amRIP = mapRegs_AMD64AMode(m, i->Ain.XDirect.amRIP);
         return;
      case Ain_XIndir:
         MAPR(i->Ain.XIndir.dstGA);
         i->Ain.XIndir.amRIP = mapRegs_AMD64AMode(m, i->Ain.XIndir.amRIP);
         return;
      case Ain_XAssisted:
         MAPR(i->Ain.XAssisted.dstGA);
         i->Ain.XAssisted.amRIP = mapRegs_AMD64AMode(m, i->Ain.XAssisted.amRIP);
         return;
      case Ain_CMov64:
         MAPR(i->Ain.CMov64.src);
         MAPR(i->Ain.CMov64.dst);
         return;
      case Ain_CLoad:
         i->Ain.CLoad.addr = mapRegs_AMD64AMode(m, i->Ain.CLoad.addr);
         MAPR(i->Ain.CLoad.dst);
         return;
      case Ain_CStore:
         i->Ain.CStore.addr = mapRegs_AMD64AMode(m, i->Ain.CStore.addr);
         MAPR(i->Ain.CStore.src);
         return;
      case Ain_MovxLQ:
         MAPR(i->Ain.MovxLQ.src);
         MAPR(i->Ain.MovxLQ.dst);
         return;
      case Ain_LoadEX:
         i->Ain.LoadEX.src = mapRegs_AMD64AMode(m, i->Ain.LoadEX.src);
         MAPR(i->Ain.LoadEX.dst);
         return;
      case Ain_Store:
         MAPR(i->Ain.Store.src);
         i->Ain.Store.dst = mapRegs_AMD64AMode(m, i->Ain.Store.dst);
         return;
      case Ain_Set64:
         MAPR(i->Ain.Set64.dst);
         return;
      case Ain_Bsfr64:
         MAPR(i->Ain.Bsfr64.src);
         MAPR(i->Ain.Bsfr64.dst);
         return;
      case Ain_MFence:
         return;
      case Ain_ACAS:
         i->Ain.ACAS.addr = mapRegs_AMD64AMode(m, i->Ain.ACAS.addr);
         return;
      case Ain_DACAS:
         i->Ain.DACAS.addr = mapRegs_AMD64AMode(m, i->Ain.DACAS.addr);
         return;
      case Ain_LdMXCSR:
         i->Ain.LdMXCSR.addr = mapRegs_AMD64AMode(m, i->Ain.LdMXCSR.addr);
         return;
      case Ain_SseUComIS:
         MAPR(i->Ain.SseUComIS.srcL);
         MAPR(i->Ain.SseUComIS.srcR);
         MAPR(i->Ain.SseUComIS.dst);
         return;
      case Ain_SseSI2SF:
         MAPR(i->Ain.SseSI2SF.src);
         MAPR(i->Ain.SseSI2SF.dst);
         return;
      case Ain_SseSF2SI:
         MAPR(i->Ain.SseSF2SI.src);
         MAPR(i->Ain.SseSF2SI.dst);
         return;
      case Ain_SseSDSS:
         MAPR(i->Ain.SseSDSS.src);
         MAPR(i->Ain.SseSDSS.dst);
         return;
      case Ain_SseLdSt:
         MAPR(i->Ain.SseLdSt.reg);
         i->Ain.SseLdSt.addr = mapRegs_AMD64AMode(m, i->Ain.SseLdSt.addr);
         return;
      case Ain_SseLdzLO:
         MAPR(i->Ain.SseLdzLO.reg);
         i->Ain.SseLdzLO.addr = mapRegs_AMD64AMode(m, i->Ain.SseLdzLO.addr);
         return;
      case Ain_Sse32Fx4:
      case Ain_Sse32FLo:
      case Ain_Sse64Fx2:
      case Ain_Sse64FLo:
         MAPR(i->Ain.Sse32Fx4.src);
         MAPR(i->Ain.Sse32Fx4.dst);
         return;
      case Ain_SseReRg:
         MAPR(i->Ain.SseReRg.src);
         MAPR(i->Ain.SseReRg.dst);
         return;
      case Ain_SseCMov:
         MAPR(i->Ain.SseCMov.src);
         MAPR(i->Ain.SseCMov.dst);
         return;
      case Ain_SseShuf:
         MAPR(i->Ain.SseShuf.src);
         MAPR(i->Ain.SseShuf.dst);
         return;
      case Ain_SseShiftN:
         MAPR(i->Ain.SseShiftN.dst);
         return;
      case Ain_SseMOVQ:
         MAPR(i->Ain.SseMOVQ.gpr);
         MAPR(i->Ain.SseMOVQ.xmm);
         return;
      case Ain_EvCheck:
         i->Ain.EvCheck.amCounter
            = mapRegs_AMD64AMode(m, i->Ain.EvCheck.amCounter);
         i->Ain.EvCheck.amFailAddr
            = mapRegs_AMD64AMode(m, i->Ain.EvCheck.amFailAddr);
         return;
      case Ain_ProfInc:
         return;
      default:
         ppAMD64Instr(i, mode64);
         vpanic("mapRegs_AMD64Instr");
   }
}

#undef MAPR

Bool isMove_AMD64Instr(const AMD64Instr* i, HReg* src, HReg* dst)
{
   switch (i->tag) {
      case Ain_Alu64R:
         if (i->Ain.Alu64R.op != Aalu_MOV || i->Ain.Alu64R.src->tag != Armi_Reg)
            return False;
         *src = i->Ain.Alu64R.src->Armi.Reg.reg;
         *dst = i->Ain.Alu64R.dst;
         return True;
      case Ain_SseReRg:
         if (i->Ain.SseReRg.op != Asse_MOV)
            return False;
         *src = i->Ain.SseReRg.src;
         *dst = i->Ain.SseReRg.dst;
         return True;
      default:
         return False;
   }
}

/* ================================================================== */
/* Spill code                                                         */
/* ================================================================== */

static AMD64AMode* spill_amode(Int offset)
{
   vassert(offset >= 0 && offset < 0x10000000);
   return AMD64AMode_IR((UInt)offset, hregAMD64_RBP());
}

void genSpill_AMD64(HInstr** i1, HInstr** i2, HReg rreg, Int offset,
                    Bool mode64)
{
   vassert(mode64 && !hregIsVirtual(rreg));
   *i1 = *i2 = NULL;
   switch (hregClass(rreg)) {
      case HRcInt64:
         *i1 = AMD64Instr_Alu64M(Aalu_MOV, AMD64RI_Reg(rreg),
                                 spill_amode(offset));
         return;
      case HRcVec128:
         *i1 = AMD64Instr_SseLdSt(False, 16, rreg, spill_amode(offset));
         return;
      default:
         vpanic("genSpill_AMD64: unsupported register class");
   }
}

void genReload_AMD64(HInstr** i1, HInstr** i2, HReg rreg, Int offset,
                     Bool mode64)
{
   vassert(mode64 && !hregIsVirtual(rreg));
   *i1 = *i2 = NULL;
   switch (hregClass(rreg)) {
      case HRcInt64:
         *i1 = AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(spill_amode(offset)),
                                 rreg);
         return;
      case HRcVec128:
         *i1 = AMD64Instr_SseLdSt(True, 16, rreg, spill_amode(offset));
         return;
      default:
         vpanic("genReload_AMD64: unsupported register class");
   }
}

AMD64Instr* genMove_AMD64(HReg from, HReg to, Bool mode64)
{
   vassert(mode64 && hregClass(from) == hregClass(to));
   switch (hregClass(from)) {
      case HRcInt64:
         return AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(from), to);
      case HRcVec128:
         return AMD64Instr_SseReRg(Asse_MOV, from, to);
      default:
         vpanic("genMove_AMD64: unsupported register class");
   }
}

/* Folds a spilled integer source into the instruction as a memory
   operand where amd64 allows it. */
AMD64Instr* directReload_AMD64(AMD64Instr* i, HReg vreg, Short offset)
{
   vassert(hregIsVirtual(vreg));
   if (offset < 0)
      return NULL;
   AMD64AMode* slot = spill_amode(offset);
   switch (i->tag) {
      case Ain_Alu64R: {
         const AMD64RMI* src = i->Ain.Alu64R.src;
         HReg dst = i->Ain.Alu64R.dst;
         if (src->tag == Armi_Reg && sameHReg(src->Armi.Reg.reg, vreg)
             && !sameHReg(dst, vreg))
            return AMD64Instr_Alu64R(i->Ain.Alu64R.op, AMD64RMI_Mem(slot), dst);
         /* cmp src, vreg: compare the slot with src instead. */
         if (i->Ain.Alu64R.op == Aalu_CMP && sameHReg(dst, vreg)
             && (src->tag == Armi_Imm
                 || (src->tag == Armi_Reg
                     && !sameHReg(src->Armi.Reg.reg, vreg))))
            return AMD64Instr_Alu64M(Aalu_CMP,
                                     src->tag == Armi_Imm
                                        ? AMD64RI_Imm(src->Armi.Imm.imm32)
                                        : AMD64RI_Reg(src->Armi.Reg.reg),
                                     slot);
         return NULL;
      }
      case Ain_Alu32R: {
         const AMD64RMI* src = i->Ain.Alu32R.src;
         HReg dst = i->Ain.Alu32R.dst;
         if (src->tag == Armi_Reg && sameHReg(src->Armi.Reg.reg, vreg)
             && !sameHReg(dst, vreg))
            return AMD64Instr_Alu32R(i->Ain.Alu32R.op, AMD64RMI_Mem(slot), dst);
         return NULL;
      }
      case Ain_Push:
         if (i->Ain.Push.src->tag == Armi_Reg
             && sameHReg(i->Ain.Push.src->Armi.Reg.reg, vreg))
            return AMD64Instr_Push(AMD64RMI_Mem(slot));
         return NULL;
      case Ain_MulL:
         if (i->Ain.MulL.src->tag == Arm_Reg
             && sameHReg(i->Ain.MulL.src->Arm.Reg.reg, vreg))
            return AMD64Instr_MulL(i->Ain.MulL.syned, AMD64RM_Mem(slot));
         return NULL;
      case Ain_Div:
         if (i->Ain.Div.src->tag == Arm_Reg
             && sameHReg(i->Ain.Div.src->Arm.Reg.reg, vreg))
            return AMD64Instr_Div(i->Ain.Div.syned, i->Ain.Div.sz,
                                  AMD64RM_Mem(slot));
         return NULL;
      default:
         return NULL;
   }
}

/* Constant loads can be redone instead of spilled and reloaded (a mov
   of an immediate leaves the flags alone). */
AMD64Instr* genRemat_AMD64(const AMD64Instr* def, HReg rreg, Bool mode64)
{
   vassert(mode64);
   if (def->tag == Ain_Imm64 && hregClass(rreg) == HRcInt64)
      return AMD64Instr_Imm64(def->Ain.Imm64.imm64, rreg);
   return NULL;
}

HInstr* genRemat_AMD64_generic(const HInstr* def, HReg rreg, Bool mode64)
{
   return genRemat_AMD64((const AMD64Instr*)def, rreg, mode64);
}

void getRegUsage_AMD64_generic(HRegUsage* u, const HInstr* i, Bool mode64)
{
   getRegUsage_AMD64Instr(u, (const AMD64Instr*)i, mode64);
}

void mapRegs_AMD64_generic(HRegRemap* m, HInstr* i, Bool mode64)
{
   mapRegs_AMD64Instr(m, (AMD64Instr*)i, mode64);
}

HInstr* genMove_AMD64_generic(HReg from, HReg to, Bool mode64)
{
   return genMove_AMD64(from, to, mode64);
}

HInstr* directReload_AMD64_generic(HInstr* i, HReg vreg, Short offset)
{
   return directReload_AMD64((AMD64Instr*)i, vreg, offset);
}

void ppAMD64Instr_generic(const HInstr* i, Bool mode64)
{
   ppAMD64Instr((const AMD64Instr*)i, mode64);
}

void getRegAllocControl_AMD64(RegAllocControl* con, Int spill_base,
                              Int spill_size)
{
   vex_bzero(con, sizeof *con);
   con->univ         = getRRegUniverse_AMD64();
   con->getRegUsage  = getRegUsage_AMD64_generic;
   con->mapRegs      = mapRegs_AMD64_generic;
   con->genSpill     = genSpill_AMD64;
   con->genReload    = genReload_AMD64;
   con->genMove      = genMove_AMD64_generic;
   con->directReload = directReload_AMD64_generic;
   con->genRemat     = genRemat_AMD64_generic;
   con->spill_base   = spill_base;
   con->spill_size   = spill_size;
   con->ppInstr      = ppAMD64Instr_generic;
   con->ppReg        = ppHRegAMD64;
   con->trace        = False;
   con->mode64       = True;
}

/* ================================================================== */
/* Emission                                                           */
/* ================================================================== */

static UInt iregEnc(HReg r)
{
   vassert(!hregIsVirtual(r) && hregClass(r) == HRcInt64);
   UInt enc = hregEncoding(r);
   vassert(enc < 16);
   return enc;
}

static UInt xregEnc(HReg r)
{
   vassert(!hregIsVirtual(r) && hregClass(r) == HRcVec128);
   UInt enc = hregEncoding(r);
   vassert(enc < 16);
   return enc;
}

static UChar* emit8(UChar* p, UInt v)
{
   *p++ = (UChar)v;
   return p;
}

static UChar* emit32(UChar* p, UInt v)
{
   for (Int k = 0; k < 4; k++)
      *p++ = (UChar)(v >> (8 * k));
   return p;
}

static UChar* emit64(UChar* p, ULong v)
{
   for (Int k = 0; k < 8; k++)
      *p++ = (UChar)(v >> (8 * k));
   return p;
}

static UChar mkModRM(UInt mod, UInt g, UInt e)
{
   return (UChar)(((mod & 3) << 6) | ((g & 7) << 3) | (e & 7));
}

/* The E (r/m) operand of an instruction: a register encoding or memory. */
typedef struct {
   Bool              isReg;
   UInt              reg;
   const AMD64AMode* am;
} EOp;

static EOp E_reg(UInt enc)
{
   EOp e;
   e.isReg = True;
   e.reg   = enc;
   e.am    = NULL;
   return e;
}

static EOp E_mem(const AMD64AMode* am)
{
   EOp e;
   e.isReg = False;
   e.reg   = 0;
   e.am    = am;
   return e;
}

static EOp E_rm(const AMD64RM* rm)
{
   return rm->tag == Arm_Reg ? E_reg(iregEnc(rm->Arm.Reg.reg))
                             : E_mem(rm->Arm.Mem.am);
}

/* ModRM, SIB and displacement for G and E. */
static UChar* emit_modrm(UChar* p, UInt g, EOp e)
{
   if (e.isReg)
      return emit8(p, mkModRM(3, g, e.reg));

   const AMD64AMode* am = e.am;
   if (am->tag == Aam_IR) {
      UInt base = iregEnc(am->Aam.IR.reg);
      Int  d    = (Int)am->Aam.IR.imm;
      if ((base & 7) == 4) {
         /* rsp and r12 as base need a SIB byte. */
         if (d == 0) {
            p = emit8(p, mkModRM(0, g, 4));
            p = emit8(p, 0x24);
         } else if (fits_simm8(d)) {
            p = emit8(p, mkModRM(1, g, 4));
            p = emit8(p, 0x24);
            p = emit8(p, (UInt)d);
         } else {
            p = emit8(p, mkModRM(2, g, 4));
            p = emit8(p, 0x24);
            p = emit32(p, (UInt)d);
         }
      } else if (d == 0 && (base & 7) != 5) {
         /* rbp and r13 as base have no form without a displacement. */
         p = emit8(p, mkModRM(0, g, base));
      } else if (fits_simm8(d)) {
         p = emit8(p, mkModRM(1, g, base));
         p = emit8(p, (UInt)d);
      } else {
         p = emit8(p, mkModRM(2, g, base));
         p = emit32(p, (UInt)d);
      }
      return p;
   }

   vassert(am->tag == Aam_IRRS);
   UInt base  = iregEnc(am->Aam.IRRS.base);
   UInt index = iregEnc(am->Aam.IRRS.index);
   Int  d     = (Int)am->Aam.IRRS.imm;
   vassert(index != 4);   /* %rsp cannot be an index */
   UChar sib = (UChar)((am->Aam.IRRS.shift << 6) | ((index & 7) << 3)
                       | (base & 7));
   if (d == 0 && (base & 7) != 5) {
      p = emit8(p, mkModRM(0, g, 4));
      p = emit8(p, sib);
   } else if (fits_simm8(d)) {
      p = emit8(p, mkModRM(1, g, 4));
      p = emit8(p, sib);
      p = emit8(p, (UInt)d);
   } else {
      p = emit8(p, mkModRM(2, g, 4));
      p = emit8(p, sib);
      p = emit32(p, (UInt)d);
   }
   return p;
}

/* REX.X and REX.B for E. */
static UInt rex_xb(EOp e)
{
   if (e.isReg)
      return (e.reg >> 3) & 1;
   if (e.am->tag == Aam_IR)
      return (iregEnc(e.am->Aam.IR.reg) >> 3) & 1;
   return (((iregEnc(e.am->Aam.IRRS.index) >> 3) & 1) << 1)
          | ((iregEnc(e.am->Aam.IRRS.base) >> 3) & 1);
}

/* [PFX] [REX] OPCODE(S) MODRM...: PFX is 0 or a mandatory prefix (66, F2,
   F3); W is REX.W; FORCE_REX emits a REX even when it is 0x40 (to reach
   %spl %bpl %sil %dil as byte registers); G is the reg field (a register
   encoding or a /digit). */
static UChar* emit_op(UChar* p, UInt pfx, Bool w, Bool force_rex, UInt g,
                      EOp e, Int nopc, UInt o1, UInt o2, UInt o3)
{
   if (pfx != 0)
      p = emit8(p, pfx);
   UInt rex = 0x40 | (w ? 8 : 0) | (((g >> 3) & 1) << 2) | rex_xb(e);
   if (rex != 0x40 || force_rex)
      p = emit8(p, rex);
   p = emit8(p, o1);
   if (nopc >= 2)
      p = emit8(p, o2);
   if (nopc >= 3)
      p = emit8(p, o3);
   return emit_modrm(p, g, e);
}

static Bool is_byte_rex_reg(UInt enc)
{
   return enc >= 4 && enc <= 7;
}

/* A jcc (rel8) over what follows, taken when COND fails; *HOLE receives
   the displacement's address (NULL for Acc_ALWAYS). */
static UChar* begin_skip(UChar* p, AMD64CondCode cond, UChar** hole)
{
   if (cond == Acc_ALWAYS) {
      *hole = NULL;
      return p;
   }
   vassert((UInt)cond < 16);
   p = emit8(p, 0x70 + ((UInt)cond ^ 1));
   *hole = p;
   return emit8(p, 0);
}

static void end_skip(UChar* hole, const UChar* p)
{
   if (hole == NULL)
      return;
   Long delta = p - (hole + 1);
   vassert(delta >= 0 && delta <= 127);
   *hole = (UChar)delta;
}

/* movl $imm32,%r11d or movabsq $imm64,%r11. */
static UChar* emit_mov_r11(UChar* p, ULong v)
{
   if (v <= 0xFFFFFFFFULL) {
      p = emit8(p, 0x41);
      p = emit8(p, 0xBB);
      return emit32(p, (UInt)v);
   }
   p = emit8(p, 0x49);
   p = emit8(p, 0xBB);
   return emit64(p, v);
}

/* N bytes (0..7) of the recommended multi-byte NOPs. */
static UChar* emit_nops(UChar* p, Int n)
{
   static const UChar nops[8][7] = {
      { 0 },
      { 0x90 },
      { 0x66, 0x90 },
      { 0x0F, 0x1F, 0x00 },
      { 0x0F, 0x1F, 0x40, 0x00 },
      { 0x0F, 0x1F, 0x44, 0x00, 0x00 },
      { 0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00 },
      { 0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00 },
   };
   vassert(n >= 0 && n <= 7);
   for (Int k = 0; k < n; k++)
      *p++ = nops[n][k];
   return p;
}

/* The ALU operation of Alu64R (W) or Alu32R (!W). */
static UChar* emit_alu_r(UChar* p, Bool w, AMD64AluOp op, const AMD64RMI* src,
                         UInt dst)
{
   switch (op) {
      case Aalu_MOV:
         vassert(w);
         switch (src->tag) {
            case Armi_Imm:
               p = emit_op(p, 0, w, False, 0, E_reg(dst), 1, 0xC7, 0, 0);
               return emit32(p, src->Armi.Imm.imm32);
            case Armi_Reg:
               return emit_op(p, 0, w, False, iregEnc(src->Armi.Reg.reg),
                              E_reg(dst), 1, 0x89, 0, 0);
            case Armi_Mem:
               return emit_op(p, 0, w, False, dst, E_mem(src->Armi.Mem.am),
                              1, 0x8B, 0, 0);
            default:
               break;
         }
         break;
      case Aalu_MUL:
         vassert(w);
         switch (src->tag) {
            case Armi_Imm: {
               Int imm = (Int)src->Armi.Imm.imm32;
               if (fits_simm8(imm)) {
                  p = emit_op(p, 0, w, False, dst, E_reg(dst), 1, 0x6B, 0, 0);
                  return emit8(p, (UInt)imm);
               }
               p = emit_op(p, 0, w, False, dst, E_reg(dst), 1, 0x69, 0, 0);
               return emit32(p, (UInt)imm);
            }
            case Armi_Reg:
               return emit_op(p, 0, w, False, dst,
                              E_reg(iregEnc(src->Armi.Reg.reg)),
                              2, 0x0F, 0xAF, 0);
            case Armi_Mem:
               return emit_op(p, 0, w, False, dst, E_mem(src->Armi.Mem.am),
                              2, 0x0F, 0xAF, 0);
            default:
               break;
         }
         break;
      default: {
         UInt d = alu_digit(op);
         switch (src->tag) {
            case Armi_Imm: {
               Int imm = (Int)src->Armi.Imm.imm32;
               if (fits_simm8(imm)) {
                  p = emit_op(p, 0, w, False, d, E_reg(dst), 1, 0x83, 0, 0);
                  return emit8(p, (UInt)imm);
               }
               if (dst == 0) {
                  /* The short form with %rax / %eax. */
                  if (w)
                     p = emit8(p, 0x48);
                  p = emit8(p, d * 8 + 5);
                  return emit32(p, (UInt)imm);
               }
               p = emit_op(p, 0, w, False, d, E_reg(dst), 1, 0x81, 0, 0);
               return emit32(p, (UInt)imm);
            }
            case Armi_Reg:
               return emit_op(p, 0, w, False, iregEnc(src->Armi.Reg.reg),
                              E_reg(dst), 1, d * 8 + 1, 0, 0);
            case Armi_Mem:
               return emit_op(p, 0, w, False, dst, E_mem(src->Armi.Mem.am),
                              1, d * 8 + 3, 0, 0);
            default:
               break;
         }
         break;
      }
   }
   vpanic("emit_alu_r");
}

static UChar* emit_shift(UChar* p, Bool w, AMD64ShiftOp op, UInt src, UInt dst)
{
   UInt d = shift_digit(op);
   if (src == 0)
      return emit_op(p, 0, w, False, d, E_reg(dst), 1, 0xD3, 0, 0);
   if (src == 1)
      return emit_op(p, 0, w, False, d, E_reg(dst), 1, 0xD1, 0, 0);
   p = emit_op(p, 0, w, False, d, E_reg(dst), 1, 0xC1, 0, 0);
   return emit8(p, src);
}

static UChar sse_f_prefix(AMD64InstrTag tag)
{
   switch (tag) {
      case Ain_Sse32Fx4: return 0x00;
      case Ain_Sse32FLo: return 0xF3;
      case Ain_Sse64Fx2: return 0x66;
      case Ain_Sse64FLo: return 0xF2;
      default:           vpanic("sse_f_prefix");
   }
}

static const ULong profinc_placeholder = 0x6555755565557555ULL;

Int emit_AMD64Instr(Bool* is_profInc, UChar* buf, Int nbuf,
                    const AMD64Instr* i, Bool mode64,
                    const void* disp_cp_chain_me_to_slowEP,
                    const void* disp_cp_chain_me_to_fastEP,
                    const void* disp_cp_xindir,
                    const void* disp_cp_xassisted)
{
   UChar* p = buf;
   UChar* hole;
   vassert(mode64);
   vassert(nbuf >= 64);
   if (is_profInc != NULL)
      *is_profInc = False;

   switch (i->tag) {
      case Ain_Imm64: {
         ULong imm = i->Ain.Imm64.imm64;
         UInt  dst = iregEnc(i->Ain.Imm64.dst);
         if (imm <= 0xFFFFFFFFULL) {
            if (dst >= 8)
               p = emit8(p, 0x41);
            p = emit8(p, 0xB8 + (dst & 7));
            p = emit32(p, (UInt)imm);
         } else if (fits_simm32((Long)imm)) {
            p = emit_op(p, 0, True, False, 0, E_reg(dst), 1, 0xC7, 0, 0);
            p = emit32(p, (UInt)imm);
         } else {
            p = emit8(p, dst >= 8 ? 0x49 : 0x48);
            p = emit8(p, 0xB8 + (dst & 7));
            p = emit64(p, imm);
         }
         break;
      }
      case Ain_Alu64R:
         p = emit_alu_r(p, True, i->Ain.Alu64R.op, i->Ain.Alu64R.src,
                        iregEnc(i->Ain.Alu64R.dst));
         break;
      case Ain_Alu32R:
         p = emit_alu_r(p, False, i->Ain.Alu32R.op, i->Ain.Alu32R.src,
                        iregEnc(i->Ain.Alu32R.dst));
         break;
      case Ain_Alu64M: {
         const AMD64RI* src = i->Ain.Alu64M.src;
         EOp e = E_mem(i->Ain.Alu64M.dst);
         if (i->Ain.Alu64M.op == Aalu_MOV) {
            if (src->tag == Ari_Reg) {
               p = emit_op(p, 0, True, False, iregEnc(src->Ari.Reg.reg), e,
                           1, 0x89, 0, 0);
            } else {
               p = emit_op(p, 0, True, False, 0, e, 1, 0xC7, 0, 0);
               p = emit32(p, src->Ari.Imm.imm32);
            }
            break;
         }
         UInt d = alu_digit(i->Ain.Alu64M.op);
         if (src->tag == Ari_Reg) {
            p = emit_op(p, 0, True, False, iregEnc(src->Ari.Reg.reg), e,
                        1, d * 8 + 1, 0, 0);
         } else if (fits_simm8((Int)src->Ari.Imm.imm32)) {
            p = emit_op(p, 0, True, False, d, e, 1, 0x83, 0, 0);
            p = emit8(p, src->Ari.Imm.imm32);
         } else {
            p = emit_op(p, 0, True, False, d, e, 1, 0x81, 0, 0);
            p = emit32(p, src->Ari.Imm.imm32);
         }
         break;
      }
      case Ain_Sh64:
         p = emit_shift(p, True, i->Ain.Sh64.op, i->Ain.Sh64.src,
                        iregEnc(i->Ain.Sh64.dst));
         break;
      case Ain_Sh32:
         p = emit_shift(p, False, i->Ain.Sh32.op, i->Ain.Sh32.src,
                        iregEnc(i->Ain.Sh32.dst));
         break;
      case Ain_Test64: {
         UInt dst = iregEnc(i->Ain.Test64.dst);
         const AMD64RI* src = i->Ain.Test64.src;
         if (src->tag == Ari_Reg) {
            p = emit_op(p, 0, True, False, iregEnc(src->Ari.Reg.reg),
                        E_reg(dst), 1, 0x85, 0, 0);
         } else if (dst == 0) {
            p = emit8(p, 0x48);
            p = emit8(p, 0xA9);
            p = emit32(p, src->Ari.Imm.imm32);
         } else {
            p = emit_op(p, 0, True, False, 0, E_reg(dst), 1, 0xF7, 0, 0);
            p = emit32(p, src->Ari.Imm.imm32);
         }
         break;
      }
      case Ain_Unary64:
         p = emit_op(p, 0, True, False,
                     i->Ain.Unary64.op == Aun_NOT ? 2 : 3,
                     E_reg(iregEnc(i->Ain.Unary64.dst)), 1, 0xF7, 0, 0);
         break;
      case Ain_Lea64:
         p = emit_op(p, 0, True, False, iregEnc(i->Ain.Lea64.dst),
                     E_mem(i->Ain.Lea64.am), 1, 0x8D, 0, 0);
         break;
      case Ain_MulL:
         p = emit_op(p, 0, True, False, i->Ain.MulL.syned ? 5 : 4,
                     E_rm(i->Ain.MulL.src), 1, 0xF7, 0, 0);
         break;
      case Ain_Div:
         p = emit_op(p, 0, i->Ain.Div.sz == 8, False,
                     i->Ain.Div.syned ? 7 : 6,
                     E_rm(i->Ain.Div.src), 1, 0xF7, 0, 0);
         break;
      case Ain_Push: {
         const AMD64RMI* src = i->Ain.Push.src;
         switch (src->tag) {
            case Armi_Reg: {
               UInt r = iregEnc(src->Armi.Reg.reg);
               if (r >= 8)
                  p = emit8(p, 0x41);
               p = emit8(p, 0x50 + (r & 7));
               break;
            }
            case Armi_Imm:
               if (fits_simm8((Int)src->Armi.Imm.imm32)) {
                  p = emit8(p, 0x6A);
                  p = emit8(p, src->Armi.Imm.imm32);
               } else {
                  p = emit8(p, 0x68);
                  p = emit32(p, src->Armi.Imm.imm32);
               }
               break;
            case Armi_Mem:
               p = emit_op(p, 0, False, False, 6, E_mem(src->Armi.Mem.am),
                           1, 0xFF, 0, 0);
               break;
            default:
               vpanic("emit Push");
         }
         break;
      }
      case Ain_Call:
         p = begin_skip(p, i->Ain.Call.cond, &hole);
         p = emit_mov_r11(p, i->Ain.Call.target);
         p = emit8(p, 0x41);   /* call *%r11 */
         p = emit8(p, 0xFF);
         p = emit8(p, 0xD3);
         end_skip(hole, p);
         break;
      case Ain_XDirect: {
         const void* chain_me = i->Ain.XDirect.toFastEP
                                   ? disp_cp_chain_me_to_fastEP
                                   : disp_cp_chain_me_to_slowEP;
         vassert(chain_me != NULL);
         p = begin_skip(p, i->Ain.XDirect.cond, &hole);
         Addr64 ga = i->Ain.XDirect.dstGA;
         if (fits_simm32((Long)ga)) {
            p = emit_op(p, 0, True, False, 0, E_mem(i->Ain.XDirect.amRIP),
                        1, 0xC7, 0, 0);
            p = emit32(p, (UInt)ga);
         } else {
            p = emit8(p, 0x49);
            p = emit8(p, 0xBB);
            p = emit64(p, ga);
            p = emit_op(p, 0, True, False, 11, E_mem(i->Ain.XDirect.amRIP),
                        1, 0x89, 0, 0);
         }
         /* Align the patch site to 8 bytes. */
         p = emit_nops(p, (Int)((8 - ((HWord)p & 7)) & 7));
         vassert(((HWord)p & 7) == 0);
         p = emit8(p, 0x49);   /* movabsq $chain_me, %r11 */
         p = emit8(p, 0xBB);
         p = emit64(p, (ULong)(HWord)chain_me);
         p = emit8(p, 0x41);   /* call *%r11 */
         p = emit8(p, 0xFF);
         p = emit8(p, 0xD3);
         p = emit8(p, 0x0F);   /* ud2; int3: never executed */
         p = emit8(p, 0x0B);
         p = emit8(p, 0xCC);
         p = emit64(p, 0);     /* the far-jump slot */
         end_skip(hole, p);
         break;
      }
      case Ain_XIndir:
         vassert(disp_cp_xindir != NULL);
         p = begin_skip(p, i->Ain.XIndir.cond, &hole);
         p = emit_op(p, 0, True, False, iregEnc(i->Ain.XIndir.dstGA),
                     E_mem(i->Ain.XIndir.amRIP), 1, 0x89, 0, 0);
         p = emit_mov_r11(p, (ULong)(HWord)disp_cp_xindir);
         p = emit8(p, 0x41);   /* jmp *%r11 */
         p = emit8(p, 0xFF);
         p = emit8(p, 0xE3);
         end_skip(hole, p);
         break;
      case Ain_XAssisted:
         vassert(disp_cp_xassisted != NULL);
         p = begin_skip(p, i->Ain.XAssisted.cond, &hole);
         p = emit_op(p, 0, True, False, iregEnc(i->Ain.XAssisted.dstGA),
                     E_mem(i->Ain.XAssisted.amRIP), 1, 0x89, 0, 0);
         p = emit8(p, 0xBD);   /* movl $trc, %ebp */
         p = emit32(p, i->Ain.XAssisted.trc);
         p = emit_mov_r11(p, (ULong)(HWord)disp_cp_xassisted);
         p = emit8(p, 0x41);   /* jmp *%r11 */
         p = emit8(p, 0xFF);
         p = emit8(p, 0xE3);
         end_skip(hole, p);
         break;
      case Ain_CMov64:
         p = emit_op(p, 0, True, False, iregEnc(i->Ain.CMov64.dst),
                     E_reg(iregEnc(i->Ain.CMov64.src)),
                     2, 0x0F, 0x40 + (UInt)i->Ain.CMov64.cond, 0);
         break;
      case Ain_CLoad:
         p = begin_skip(p, i->Ain.CLoad.cond, &hole);
         p = emit_op(p, 0, i->Ain.CLoad.szB == 8, False,
                     iregEnc(i->Ain.CLoad.dst), E_mem(i->Ain.CLoad.addr),
                     1, 0x8B, 0, 0);
         end_skip(hole, p);
         break;
      case Ain_CStore:
         p = begin_skip(p, i->Ain.CStore.cond, &hole);
         p = emit_op(p, 0, i->Ain.CStore.szB == 8, False,
                     iregEnc(i->Ain.CStore.src), E_mem(i->Ain.CStore.addr),
                     1, 0x89, 0, 0);
         end_skip(hole, p);
         break;
      case Ain_MovxLQ:
         if (i->Ain.MovxLQ.syned)
            p = emit_op(p, 0, True, False, iregEnc(i->Ain.MovxLQ.dst),
                        E_reg(iregEnc(i->Ain.MovxLQ.src)), 1, 0x63, 0, 0);
         else
            p = emit_op(p, 0, False, False, iregEnc(i->Ain.MovxLQ.src),
                        E_reg(iregEnc(i->Ain.MovxLQ.dst)), 1, 0x89, 0, 0);
         break;
      case Ain_LoadEX: {
         UInt dst = iregEnc(i->Ain.LoadEX.dst);
         EOp  e   = E_mem(i->Ain.LoadEX.src);
         switch (i->Ain.LoadEX.szSmall * 2 + (i->Ain.LoadEX.syned ? 1 : 0)) {
            case 2:  p = emit_op(p, 0, False, False, dst, e, 2, 0x0F, 0xB6, 0); break;
            case 4:  p = emit_op(p, 0, False, False, dst, e, 2, 0x0F, 0xB7, 0); break;
            case 8:  p = emit_op(p, 0, False, False, dst, e, 1, 0x8B, 0, 0);    break;
            case 3:  p = emit_op(p, 0, True,  False, dst, e, 2, 0x0F, 0xBE, 0); break;
            case 5:  p = emit_op(p, 0, True,  False, dst, e, 2, 0x0F, 0xBF, 0); break;
            case 9:  p = emit_op(p, 0, True,  False, dst, e, 1, 0x63, 0, 0);    break;
            default: vpanic("emit LoadEX");
         }
         break;
      }
      case Ain_Store: {
         UInt src = iregEnc(i->Ain.Store.src);
         EOp  e   = E_mem(i->Ain.Store.dst);
         switch (i->Ain.Store.sz) {
            case 1:
               p = emit_op(p, 0, False, is_byte_rex_reg(src), src, e,
                           1, 0x88, 0, 0);
               break;
            case 2:
               p = emit_op(p, 0x66, False, False, src, e, 1, 0x89, 0, 0);
               break;
            case 4:
               p = emit_op(p, 0, False, False, src, e, 1, 0x89, 0, 0);
               break;
            case 8:
               p = emit_op(p, 0, True, False, src, e, 1, 0x89, 0, 0);
               break;
            default:
               vpanic("emit Store");
         }
         break;
      }
      case Ain_Set64: {
         UInt dst   = iregEnc(i->Ain.Set64.dst);
         Bool force = is_byte_rex_reg(dst);
         p = emit_op(p, 0, False, force, 0, E_reg(dst),
                     2, 0x0F, 0x90 + (UInt)i->Ain.Set64.cond, 0);
         p = emit_op(p, 0, False, force, dst, E_reg(dst), 2, 0x0F, 0xB6, 0);
         break;
      }
      case Ain_Bsfr64:
         p = emit_op(p, 0, True, False, iregEnc(i->Ain.Bsfr64.dst),
                     E_reg(iregEnc(i->Ain.Bsfr64.src)),
                     2, 0x0F, i->Ain.Bsfr64.isFwds ? 0xBC : 0xBD, 0);
         break;
      case Ain_MFence:
         p = emit8(p, 0x0F);
         p = emit8(p, 0xAE);
         p = emit8(p, 0xF0);
         break;
      case Ain_ACAS: {
         UChar sz = i->Ain.ACAS.sz;
         if (sz == 2)
            p = emit8(p, 0x66);   /* operand size, before lock as gas does */
         p = emit8(p, 0xF0);      /* lock */
         p = emit_op(p, 0, sz == 8, False, 3 /* %rbx */,
                     E_mem(i->Ain.ACAS.addr),
                     2, 0x0F, sz == 1 ? 0xB0 : 0xB1, 0);
         break;
      }
      case Ain_DACAS:
         p = emit8(p, 0xF0);   /* lock */
         p = emit_op(p, 0, i->Ain.DACAS.sz == 8, False, 1,
                     E_mem(i->Ain.DACAS.addr), 2, 0x0F, 0xC7, 0);
         break;
      case Ain_LdMXCSR:
         p = emit_op(p, 0, False, False, 2, E_mem(i->Ain.LdMXCSR.addr),
                     2, 0x0F, 0xAE, 0);
         break;
      case Ain_SseUComIS: {
         UInt dst = iregEnc(i->Ain.SseUComIS.dst);
         p = emit_op(p, i->Ain.SseUComIS.sz == 8 ? 0x66 : 0, False, False,
                     xregEnc(i->Ain.SseUComIS.srcL),
                     E_reg(xregEnc(i->Ain.SseUComIS.srcR)), 2, 0x0F, 0x2E, 0);
         p = emit8(p, 0x9C);   /* pushfq */
         if (dst >= 8)         /* popq dst */
            p = emit8(p, 0x41);
         p = emit8(p, 0x58 + (dst & 7));
         break;
      }
      case Ain_SseSI2SF:
         p = emit_op(p, i->Ain.SseSI2SF.szD == 4 ? 0xF3 : 0xF2,
                     i->Ain.SseSI2SF.szS == 8, False,
                     xregEnc(i->Ain.SseSI2SF.dst),
                     E_reg(iregEnc(i->Ain.SseSI2SF.src)), 2, 0x0F, 0x2A, 0);
         break;
      case Ain_SseSF2SI:
         p = emit_op(p, i->Ain.SseSF2SI.szS == 4 ? 0xF3 : 0xF2,
                     i->Ain.SseSF2SI.szD == 8, False,
                     iregEnc(i->Ain.SseSF2SI.dst),
                     E_reg(xregEnc(i->Ain.SseSF2SI.src)), 2, 0x0F, 0x2D, 0);
         break;
      case Ain_SseSDSS:
         p = emit_op(p, i->Ain.SseSDSS.from64 ? 0xF2 : 0xF3, False, False,
                     xregEnc(i->Ain.SseSDSS.dst),
                     E_reg(xregEnc(i->Ain.SseSDSS.src)), 2, 0x0F, 0x5A, 0);
         break;
      case Ain_SseLdSt: {
         UChar sz  = i->Ain.SseLdSt.sz;
         UInt  pfx = sz == 4 ? 0xF3 : sz == 8 ? 0xF2 : 0;
         p = emit_op(p, pfx, False, False, xregEnc(i->Ain.SseLdSt.reg),
                     E_mem(i->Ain.SseLdSt.addr),
                     2, 0x0F, i->Ain.SseLdSt.isLoad ? 0x10 : 0x11, 0);
         break;
      }
      case Ain_SseLdzLO:
         p = emit_op(p, i->Ain.SseLdzLO.sz == 4 ? 0xF3 : 0xF2, False, False,
                     xregEnc(i->Ain.SseLdzLO.reg), E_mem(i->Ain.SseLdzLO.addr),
                     2, 0x0F, 0x10, 0);
         break;
      case Ain_Sse32Fx4:
      case Ain_Sse32FLo:
      case Ain_Sse64Fx2:
      case Ain_Sse64FLo: {
         const SseFInfo* fi = sse_f(i->Ain.Sse32Fx4.op);
         p = emit_op(p, sse_f_prefix(i->tag), False, False,
                     xregEnc(i->Ain.Sse32Fx4.dst),
                     E_reg(xregEnc(i->Ain.Sse32Fx4.src)), 2, 0x0F, fi->opc, 0);
         if (fi->pred >= 0)
            p = emit8(p, (UInt)fi->pred);
         break;
      }
      case Ain_SseReRg: {
         const SseRInfo* ri = sse_r(i->Ain.SseReRg.op);
         UInt g = xregEnc(i->Ain.SseReRg.dst);
         EOp  e = E_reg(xregEnc(i->Ain.SseReRg.src));
         if (ri->esc38)
            p = emit_op(p, ri->pfx, False, False, g, e, 3, 0x0F, 0x38, ri->opc);
         else
            p = emit_op(p, ri->pfx, False, False, g, e, 2, 0x0F, ri->opc, 0);
         break;
      }
      case Ain_SseCMov:
         p = begin_skip(p, i->Ain.SseCMov.cond, &hole);
         p = emit_op(p, 0, False, False, xregEnc(i->Ain.SseCMov.dst),
                     E_reg(xregEnc(i->Ain.SseCMov.src)), 2, 0x0F, 0x28, 0);
         end_skip(hole, p);
         break;
      case Ain_SseShuf:
         p = emit_op(p, shuf_prefix(i->Ain.SseShuf.kind), False, False,
                     xregEnc(i->Ain.SseShuf.dst),
                     E_reg(xregEnc(i->Ain.SseShuf.src)), 2, 0x0F, 0x70, 0);
         p = emit8(p, (UInt)i->Ain.SseShuf.order);
         break;
      case Ain_SseShiftN: {
         SseShiftInfo si = sse_shift_info(i->Ain.SseShiftN.op);
         p = emit_op(p, 0x66, False, False, si.digit,
                     E_reg(xregEnc(i->Ain.SseShiftN.dst)), 2, 0x0F, si.opc, 0);
         p = emit8(p, i->Ain.SseShiftN.amt);
         break;
      }
      case Ain_SseMOVQ:
         p = emit_op(p, 0x66, True, False, xregEnc(i->Ain.SseMOVQ.xmm),
                     E_reg(iregEnc(i->Ain.SseMOVQ.gpr)),
                     2, 0x0F, i->Ain.SseMOVQ.toXMM ? 0x6E : 0x7E, 0);
         break;
      case Ain_EvCheck: {
         UChar* p0 = p;
         p = emit_op(p, 0, False, False, 1, E_mem(i->Ain.EvCheck.amCounter),
                     1, 0xFF, 0, 0);               /* decl counter */
         p = emit8(p, 0x79);                        /* jns nofail */
         hole = p;
         p = emit8(p, 0);
         p = emit_op(p, 0, False, False, 4, E_mem(i->Ain.EvCheck.amFailAddr),
                     1, 0xFF, 0, 0);               /* jmp *failaddr */
         end_skip(hole, p);
         /* The length must be what evCheckSzB_AMD64 says: both amodes
            must be disp8(%rbp)-like, needing no REX or SIB. */
         vassert(p - p0 == evCheckSzB_AMD64());
         break;
      }
      case Ain_ProfInc:
         p = emit8(p, 0x49);                       /* movabsq $.., %r11 */
         p = emit8(p, 0xBB);
         p = emit64(p, profinc_placeholder);
         p = emit8(p, 0x49);                       /* incq (%r11) */
         p = emit8(p, 0xFF);
         p = emit8(p, 0x03);
         if (is_profInc != NULL)
            *is_profInc = True;
         break;
      default:
         ppAMD64Instr(i, mode64);
         vpanic("emit_AMD64Instr: unknown instruction");
   }

   vassert(p - buf <= nbuf);
   return (Int)(p - buf);
}

Int evCheckSzB_AMD64(void)
{
   return 8;
}

/* ================================================================== */
/* Patching                                                           */
/* ================================================================== */

/* The first 8 bytes of an unchained site calling CHAIN_ME: 49 BB and the
   low 6 bytes of the address, as a little-endian word. */
static ULong unchained_word(const void* chain_me)
{
   ULong a = (ULong)(HWord)chain_me;
   return 0xBB49ULL | (a << 16);
}

static Bool fits_rel32(Long v)
{
   return v >= -0x80000000LL && v <= 0x7FFFFFFFLL;
}

/* E9 rel32 0F 0B CC. */
static ULong near_word(const UChar* site, const void* target)
{
   Long rel = (Long)((HWord)target - ((HWord)site + 5));
   vassert(fits_rel32(rel));
   return 0xE9ULL | ((ULong)(UInt)(Int)rel << 8) | (0x0FULL << 40)
          | (0x0BULL << 48) | (0xCCULL << 56);
}

/* FF 25 0A 00 00 00 0F 0B: jmp *0xa(%rip), i.e. through site+16. */
static const ULong far_word = 0x0B0F0000000A25FFULL;

static Bool is_near_word(ULong w)
{
   return (w & 0xFF) == 0xE9 && (w >> 40) == 0xCC0B0FULL;
}

/* Where a chained site jumps, or 0 when W is not a chained form. */
static HWord chained_target(const UChar* site, ULong w)
{
   if (is_near_word(w))
      return (HWord)site + 5 + (HWord)(Long)(Int)(UInt)(w >> 8);
   if (w == far_word)
      return (HWord)__atomic_load_n((const ULong*)(site + 16),
                                    __ATOMIC_ACQUIRE);
   return 0;
}

static VexInvalRange mk_range(const void* start, HWord len)
{
   VexInvalRange r;
   r.start = (HWord)start;
   r.len   = len;
   return r;
}

VexInvalRange chainXDirect_AMD64(void* place_to_chain,
                                 const void* disp_cp_chain_me_EXPECTED,
                                 const void* place_to_jump_to)
{
   UChar* site = place_to_chain;
   ULong* word = (ULong*)site;
   vassert(((HWord)site & 7) == 0);

   ULong cur = __atomic_load_n(word, __ATOMIC_ACQUIRE);
   if (chained_target(site, cur) != 0) {
      /* Already chained (by another thread, or earlier): nothing to do. */
      return mk_range(site, 0);
   }

   ULong unchained = unchained_word(disp_cp_chain_me_EXPECTED);
   HWord cm = (HWord)disp_cp_chain_me_EXPECTED;
   if (cur != unchained
       || site[8] != (UChar)(cm >> 48) || site[9] != (UChar)(cm >> 56)
       || site[10] != 0x41 || site[11] != 0xFF || site[12] != 0xD3)
      vpanic("chainXDirect_AMD64: the site does not hold the expected "
             "chain-me call");

   Long  rel = (Long)((HWord)place_to_jump_to - ((HWord)site + 5));
   ULong want;
   HWord len;
   if (fits_rel32(rel)) {
      want = near_word(site, place_to_jump_to);
      len  = 8;
   } else {
      /* The slot is not reachable until the swap below publishes it. */
      __atomic_store_n((ULong*)(site + 16), (ULong)(HWord)place_to_jump_to,
                       __ATOMIC_RELEASE);
      want = far_word;
      len  = 24;
   }
   ULong expected = unchained;
   if (!__atomic_compare_exchange_n(word, &expected, want, False,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
      /* Someone else chained it meanwhile. */
      if (chained_target(site, expected) == 0)
         vpanic("chainXDirect_AMD64: the site changed unexpectedly");
      return mk_range(site, 0);
   }
   return mk_range(site, len);
}

VexInvalRange unchainXDirect_AMD64(void* place_to_unchain,
                                   const void* place_to_jump_to_EXPECTED,
                                   const void* disp_cp_chain_me)
{
   UChar* site = place_to_unchain;
   ULong* word = (ULong*)site;
   vassert(((HWord)site & 7) == 0);

   ULong cur       = __atomic_load_n(word, __ATOMIC_ACQUIRE);
   ULong unchained = unchained_word(disp_cp_chain_me);
   HWord cm        = (HWord)disp_cp_chain_me;
   if (site[10] != 0x41 || site[11] != 0xFF || site[12] != 0xD3)
      vpanic("unchainXDirect_AMD64: not an XDirect site");
   if (cur == unchained && site[8] == (UChar)(cm >> 48)
       && site[9] == (UChar)(cm >> 56))
      return mk_range(site, 0);   /* already unchained */

   HWord target = chained_target(site, cur);
   if (target == 0 || target != (HWord)place_to_jump_to_EXPECTED)
      vpanic("unchainXDirect_AMD64: the site is not chained to the "
             "expected place");

   /* Bytes 8 and 9 (the top of the chain-me address) are unreachable
      while the site is chained. */
   site[8] = (UChar)(cm >> 48);
   site[9] = (UChar)(cm >> 56);
   ULong expected = cur;
   if (!__atomic_compare_exchange_n(word, &expected, unchained, False,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
      vpanic("unchainXDirect_AMD64: the site changed while unchaining");
   if (cur == far_word) {
      /* A thread that decoded the far jump just before the swap reads the
         slot afterwards: send it back to the site, which now calls the
         chain-me stub, rather than to the old target. */
      __atomic_store_n((ULong*)(site + 16), (ULong)(HWord)site,
                       __ATOMIC_RELEASE);
      return mk_range(site, 24);
   }
   return mk_range(site, 10);
}

VexInvalRange patchProfInc_AMD64(void* place_to_patch,
                                 const ULong* location_of_counter)
{
   UChar* p = place_to_patch;
   if (p[0] != 0x49 || p[1] != 0xBB || p[10] != 0x49 || p[11] != 0xFF
       || p[12] != 0x03)
      vpanic("patchProfInc_AMD64: not a ProfInc");
   ULong cur = 0;
   for (Int k = 0; k < 8; k++)
      cur |= (ULong)p[2 + k] << (8 * k);
   if (cur != profinc_placeholder)
      vpanic("patchProfInc_AMD64: already patched");
   emit64(p + 2, (ULong)(HWord)location_of_counter);
   return mk_range(p, 13);
}
