/* Private definitions of the amd64 front end, shared by its files:

     guest_amd64_toIR.c         prefixes, ModRM/SIB/RIP-relative
                                addressing, operand access, the flags
                                thunk, the opcode-table walker, the
                                disassembler and disInstr_AMD64
     guest_amd64_toIR_int.c     the integer instruction family
     guest_amd64_toIR_sse.c     SSE .. SSE4.2 (with _sse_int.c,
                                helpers_sse.c; see guest_amd64_toIR_sse.h)
     guest_amd64_toIR_x87.c     (later) x87
     guest_amd64_toIR_string.c  movs/stos/cmps/scas/lods with rep
     guest_amd64_toIR_system.c  client requests, privileged and
                                unsupported system instructions, enter
                                with a nesting level
     guest_amd64_helpers.c      clean and dirty helpers called from the
                                IR, the flag specialiser, guest state
                                functions

   Decoding is driven by opcode tables.  Each family file provides a table
   (Amd64OpTable) of entries (Amd64OpEntry), one per opcode form: the
   opcode map and byte, the ModRM.reg extension, the mandatory prefix, the
   operand forms in the Intel manual's notation (Eb, Gv, Iz, ...), width
   and prefix rules, the mnemonic, and the routine that generates the IR.
   The walker in guest_amd64_toIR.c decodes prefixes, finds the entry,
   decodes ModRM, SIB, displacement and immediates as the operand forms
   say, and calls the routine with everything decoded (Amd64Dis).  The
   same tables drive the disassembler and the differential tests'
   instruction encoder. */
#ifndef __VEX_GUEST_AMD64_DEFS_H
#define __VEX_GUEST_AMD64_DEFS_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "guest_generic_bb_to_IR.h"

/* ================================================================== */
/* The lazy flags thunk                                               */
/* ================================================================== */

/* rflags bit positions and masks of the six arithmetic flags. */
#define AMD64G_CC_SHIFT_O   11
#define AMD64G_CC_SHIFT_S   7
#define AMD64G_CC_SHIFT_Z   6
#define AMD64G_CC_SHIFT_A   4
#define AMD64G_CC_SHIFT_C   0
#define AMD64G_CC_SHIFT_P   2

#define AMD64G_CC_MASK_O    (1ULL << AMD64G_CC_SHIFT_O)
#define AMD64G_CC_MASK_S    (1ULL << AMD64G_CC_SHIFT_S)
#define AMD64G_CC_MASK_Z    (1ULL << AMD64G_CC_SHIFT_Z)
#define AMD64G_CC_MASK_A    (1ULL << AMD64G_CC_SHIFT_A)
#define AMD64G_CC_MASK_C    (1ULL << AMD64G_CC_SHIFT_C)
#define AMD64G_CC_MASK_P    (1ULL << AMD64G_CC_SHIFT_P)
#define AMD64G_CC_MASK_OSZACP \
   (AMD64G_CC_MASK_O | AMD64G_CC_MASK_S | AMD64G_CC_MASK_Z \
    | AMD64G_CC_MASK_A | AMD64G_CC_MASK_C | AMD64G_CC_MASK_P)

/* Other rflags bits the guest state holds apart from the thunk. */
#define AMD64G_RFLAGS_BIT1  (1ULL << 1)
#define AMD64G_RFLAGS_IF    (1ULL << 9)
#define AMD64G_RFLAGS_DF    (1ULL << 10)
#define AMD64G_RFLAGS_AC    (1ULL << 18)
#define AMD64G_RFLAGS_ID    (1ULL << 21)

/* What the thunk describes.  The operations come in groups of four, one
   per operand size (B, W, L, Q = 1, 2, 4, 8 bytes), so that the op for
   size sz is AMD64G_CC_OP_xxxB + log2(sz).  DEP1/DEP2/NDEP hold:

     COPY         DEP1 = the flags themselves, at their rflags positions
                  (only the OSZACP bits are looked at)
     ADD, SUB     DEP1 = left operand, DEP2 = right operand
     ADC, SBB     DEP1 = left operand, DEP2 = right operand XOR old carry,
                  NDEP = old carry (0 or 1).  Mixing the carry into DEP2
                  keeps the flags' dependence on it visible to tools.
     LOGIC        DEP1 = result (and, or, xor, test: O and C clear, A 0)
     INC, DEC     DEP1 = result, NDEP = old carry (INC/DEC keep C)
     SHL, SHR     DEP1 = result, DEP2 = the operand shifted by one place
                  less (so that C, the last bit shifted out, is its top or
                  bottom bit).  SAR uses SHR; SHLD/SHRD use SHL/SHR.
     ROL, ROR     DEP1 = result, NDEP = old flags (C and O change, the
                  others are kept)
     UMUL, SMUL   DEP1, DEP2 = the operands of a widening multiply (C and
                  O say whether the high half is significant)

   Values are held zero-extended to 64 bits; the calculation looks only
   at the low sz bytes.  NDEP is a value the thunk "does not depend on"
   from a definedness-tracking point of view (memcheck). */
enum {
   AMD64G_CC_OP_COPY = 0,
   AMD64G_CC_OP_ADDB,  AMD64G_CC_OP_ADDW,  AMD64G_CC_OP_ADDL,  AMD64G_CC_OP_ADDQ,
   AMD64G_CC_OP_SUBB,  AMD64G_CC_OP_SUBW,  AMD64G_CC_OP_SUBL,  AMD64G_CC_OP_SUBQ,
   AMD64G_CC_OP_ADCB,  AMD64G_CC_OP_ADCW,  AMD64G_CC_OP_ADCL,  AMD64G_CC_OP_ADCQ,
   AMD64G_CC_OP_SBBB,  AMD64G_CC_OP_SBBW,  AMD64G_CC_OP_SBBL,  AMD64G_CC_OP_SBBQ,
   AMD64G_CC_OP_LOGICB, AMD64G_CC_OP_LOGICW, AMD64G_CC_OP_LOGICL, AMD64G_CC_OP_LOGICQ,
   AMD64G_CC_OP_INCB,  AMD64G_CC_OP_INCW,  AMD64G_CC_OP_INCL,  AMD64G_CC_OP_INCQ,
   AMD64G_CC_OP_DECB,  AMD64G_CC_OP_DECW,  AMD64G_CC_OP_DECL,  AMD64G_CC_OP_DECQ,
   AMD64G_CC_OP_SHLB,  AMD64G_CC_OP_SHLW,  AMD64G_CC_OP_SHLL,  AMD64G_CC_OP_SHLQ,
   AMD64G_CC_OP_SHRB,  AMD64G_CC_OP_SHRW,  AMD64G_CC_OP_SHRL,  AMD64G_CC_OP_SHRQ,
   AMD64G_CC_OP_ROLB,  AMD64G_CC_OP_ROLW,  AMD64G_CC_OP_ROLL,  AMD64G_CC_OP_ROLQ,
   AMD64G_CC_OP_RORB,  AMD64G_CC_OP_RORW,  AMD64G_CC_OP_RORL,  AMD64G_CC_OP_RORQ,
   AMD64G_CC_OP_UMULB, AMD64G_CC_OP_UMULW, AMD64G_CC_OP_UMULL, AMD64G_CC_OP_UMULQ,
   AMD64G_CC_OP_SMULB, AMD64G_CC_OP_SMULW, AMD64G_CC_OP_SMULL, AMD64G_CC_OP_SMULQ,
   AMD64G_CC_OP_NUMBER
};

/* Condition codes, in the order of their encodings (jcc, setcc, cmovcc
   take them from the opcode's low four bits).  Odd codes are the
   negations of the even ones before them. */
typedef enum {
   AMD64CondO      = 0,   /* overflow           OF = 1 */
   AMD64CondNO     = 1,
   AMD64CondB      = 2,   /* below              CF = 1 */
   AMD64CondNB     = 3,
   AMD64CondZ      = 4,   /* zero               ZF = 1 */
   AMD64CondNZ     = 5,
   AMD64CondBE     = 6,   /* below or equal     CF = 1 or ZF = 1 */
   AMD64CondNBE    = 7,
   AMD64CondS      = 8,   /* sign               SF = 1 */
   AMD64CondNS     = 9,
   AMD64CondP      = 10,  /* parity even        PF = 1 */
   AMD64CondNP     = 11,
   AMD64CondL      = 12,  /* less               SF != OF */
   AMD64CondNL     = 13,
   AMD64CondLE     = 14,  /* less or equal      ZF = 1 or SF != OF */
   AMD64CondNLE    = 15,
   AMD64CondAlways = 16
} AMD64Condcode;

/* ================================================================== */
/* Helpers called from the IR (guest_amd64_helpers.c)                 */
/* ================================================================== */

/* Clean helpers: pure functions of their arguments. */
extern ULong amd64g_calculate_rflags_all(ULong cc_op, ULong cc_dep1,
                                         ULong cc_dep2, ULong cc_ndep);
extern ULong amd64g_calculate_rflags_c(ULong cc_op, ULong cc_dep1,
                                       ULong cc_dep2, ULong cc_ndep);
extern ULong amd64g_calculate_condition(ULong cond, ULong cc_op,
                                        ULong cc_dep1, ULong cc_dep2,
                                        ULong cc_ndep);
/* Rotate through carry: ARG (SZ bytes) rotated by COUNT with the carry
   from RFLAGS_IN.  The _RCL/_RCR helpers give the result, the
   _RCL_flags/_RCR_flags helpers the new OSZACP flags (C and O change;
   when the masked count is 0 nothing changes). */
extern ULong amd64g_calculate_RCL(ULong arg, ULong count, ULong rflags_in,
                                  ULong sz);
extern ULong amd64g_calculate_RCR(ULong arg, ULong count, ULong rflags_in,
                                  ULong sz);
extern ULong amd64g_calculate_RCL_flags(ULong arg, ULong count,
                                        ULong rflags_in, ULong sz);
extern ULong amd64g_calculate_RCR_flags(ULong arg, ULong count,
                                        ULong rflags_in, ULong sz);
/* 1 when IDIV of the double-width dividend HI:LO by DIVISOR, all of SZ
   bytes (sign-extended to 64 bits), raises #DE (a zero divisor or a
   quotient that does not fit); else 0. */
extern ULong amd64g_calculate_idiv_fault(ULong hi, ULong lo, ULong divisor,
                                         ULong sz);

/* CRC32 (the SSE4.2 instruction, polynomial 0x1EDC6F41 reflected): CRC
   updated with the low SZ bytes of DATA. */
extern ULong amd64g_calculate_crc32c(ULong crc, ULong data, ULong sz);

/* Dirty helpers. */
/* CPUID as an x86-64-v2 CPU (SSE4.2, POPCNT, CX16, LAHF/SAHF; no AVX,
   no XSAVE): reads RAX/RCX, writes RAX/RBX/RCX/RDX. */
extern void  amd64g_dirtyhelper_CPUID_v2(VexGuestAMD64State* st);
/* The host's time-stamp counter. */
extern ULong amd64g_dirtyhelper_RDTSC(void);
/* RDTSCP: writes RAX, RDX (counter) and RCX (processor id, 0). */
extern void  amd64g_dirtyhelper_RDTSCP(VexGuestAMD64State* st);

/* The flag specialiser: for a call of the clean helper FUNCTION_NAME
   with ARGS, an equivalent expression without the call when the thunk's
   operation is a known constant (e.g. after cmp, test, sub, and, dec), or
   NULL.  The result may be a tree (not flat).  PRECEDING_STMTS are the
   block's statements before the call (unused for now). */
extern IRExpr* guest_amd64_spechelper(const HChar* function_name,
                                      IRExpr** args,
                                      IRStmt** precedingStmts,
                                      Int n_precedingStmts);

/* For the optimiser: must the guest state MINOFF..MAXOFF (inclusive) be
   up to date at memory accesses under PX?  RSP always; RBP and RIP too
   from VexRegUpdUnwindregsAtMemAccess on; everything for the stronger
   settings.  (An IRPreciseMemExnsFn, ir_opt.h.) */
extern Bool guest_amd64_state_requires_precise_mem_exns(Int minoff,
                                                        Int maxoff,
                                                        VexRegisterUpdates px);

/* ================================================================== */
/* Guest state offsets                                                */
/* ================================================================== */

#define AMD64_OFFB(field) ((Int)__builtin_offsetof(VexGuestAMD64State, field))

#define OFFB_RAX      AMD64_OFFB(guest_RAX)
#define OFFB_RCX      AMD64_OFFB(guest_RCX)
#define OFFB_RDX      AMD64_OFFB(guest_RDX)
#define OFFB_RBX      AMD64_OFFB(guest_RBX)
#define OFFB_RSP      AMD64_OFFB(guest_RSP)
#define OFFB_RBP      AMD64_OFFB(guest_RBP)
#define OFFB_RSI      AMD64_OFFB(guest_RSI)
#define OFFB_RDI      AMD64_OFFB(guest_RDI)
#define OFFB_R11      AMD64_OFFB(guest_R11)
#define OFFB_CC_OP    AMD64_OFFB(guest_CC_OP)
#define OFFB_CC_DEP1  AMD64_OFFB(guest_CC_DEP1)
#define OFFB_CC_DEP2  AMD64_OFFB(guest_CC_DEP2)
#define OFFB_CC_NDEP  AMD64_OFFB(guest_CC_NDEP)
#define OFFB_DFLAG    AMD64_OFFB(guest_DFLAG)
#define OFFB_RIP      AMD64_OFFB(guest_RIP)
#define OFFB_ACFLAG   AMD64_OFFB(guest_ACFLAG)
#define OFFB_IDFLAG   AMD64_OFFB(guest_IDFLAG)
#define OFFB_FS_CONST AMD64_OFFB(guest_FS_CONST)
#define OFFB_GS_CONST AMD64_OFFB(guest_GS_CONST)
#define OFFB_YMM0     AMD64_OFFB(guest_YMM0)
#define OFFB_IP_AT_SYSCALL AMD64_OFFB(guest_IP_AT_SYSCALL)

/* ================================================================== */
/* Opcode tables                                                      */
/* ================================================================== */

/* Opcode maps. */
enum {
   AMD64_MAP_1B = 0,    /* one-byte opcodes */
   AMD64_MAP_0F,        /* 0F xx */
   AMD64_MAP_0F38,      /* 0F 38 xx */
   AMD64_MAP_0F3A,      /* 0F 3A xx */
   AMD64_N_MAPS
};

/* Operand forms, named as in the Intel manual's opcode tables.  The
   letter says where the operand comes from, the rest its size:
     E  ModRM.rm: a general register or memory      G  ModRM.reg register
     M  ModRM.rm, memory only                       I  immediate
     J  relative branch target                      O  moffs (absolute
     Z  register in the opcode's low 3 bits (+REX.B)   address in the insn)
   Sizes: b byte, w word, d dword, q qword, v 16/32/64 by operand size,
   y 32/64 (REX.W), z 16/32 (an immediate for a v-sized operation, sign-
   extended to 64 bits for 64-bit operations), bs a byte sign-extended to
   the operand size.  Fixed operands name their register. */
typedef enum {
   OPF_NONE = 0,
   OPF_Eb, OPF_Ew, OPF_Ed, OPF_Eq, OPF_Ev, OPF_Ey,
   OPF_Gb, OPF_Gw, OPF_Gd, OPF_Gq, OPF_Gv, OPF_Gy,
   OPF_M,               /* memory, size not relevant (lea, prefetch) */
   OPF_Mb, OPF_Mw, OPF_Md, OPF_Mq, OPF_Mv, OPF_Mdq,
   OPF_Ib, OPF_Ibs, OPF_Iw, OPF_Iz, OPF_Iv,
   OPF_Jb, OPF_Jz,
   OPF_Ob, OPF_Ov,
   OPF_Zb, OPF_Zv,
   OPF_AL, OPF_AX, OPF_rAX,   /* rAX: the v-sized accumulator */
   OPF_CL, OPF_DX,
   OPF_ONE,             /* the constant 1 of the D0/D1 shifts */
   /* SSE forms (for the SSE family): V = ModRM.reg xmm, W = ModRM.rm
      xmm or memory, U = ModRM.rm xmm only; sizes x (128), q, d, ss, sd */
   OPF_Vx, OPF_Wx, OPF_Ux, OPF_Vq, OPF_Wq, OPF_Vd, OPF_Wd,
   OPF_Vss, OPF_Wss, OPF_Vsd, OPF_Wsd,
   OPF_NUMBER
} Amd64OpForm;

/* Mandatory prefixes (a 66/F2/F3 that selects the instruction rather
   than modifying it). */
enum {
   AMD64_PFX_ANY = 0,   /* 66 is the operand-size prefix, F2/F3 ignored */
   AMD64_PFX_NP,        /* none of 66, F2, F3 */
   AMD64_PFX_66,
   AMD64_PFX_F2,
   AMD64_PFX_F3
};

/* Entry flags. */
#define AF_LOCK      0x00000001u  /* LOCK allowed (memory destination) */
#define AF_D64       0x00000002u  /* default operand size 64 (66: 16) */
#define AF_F64       0x00000004u  /* operand size always 64 */
#define AF_W0        0x00000008u  /* only with REX.W = 0 */
#define AF_W1        0x00000010u  /* only with REX.W = 1 */
#define AF_MODRM     0x00000020u  /* has a ModRM byte (also implied by
                                     E/G/M operands or an extension) */
#define AF_MEM       0x00000040u  /* only ModRM.mod != 3 */
#define AF_REG       0x00000080u  /* only ModRM.mod == 3 */
#define AF_NOREXB    0x00000100u  /* only without REX.B (90 = nop) */
#define AF_INV64     0x00000200u  /* invalid in 64-bit mode */
#define AF_CC        0x00000400u  /* condition code in the opcode's low
                                     bits: mnemonic + condition name */
#define AF_CTRL      0x00000800u  /* a control transfer (ends a block) */
#define AF_FAULTS    0x00001000u  /* may fault by design (div, ud2, ...) */
#define AF_SYS       0x00002000u  /* result depends on the machine (cpuid,
                                     rdtsc): not comparable natively */
#define AF_XLOCK     0x00004000u  /* always locked (xchg with memory) */
#define AF_STACK     0x00008000u  /* uses the stack (push, pop, ...) */
/* Disassembly style, to print as Valgrind does: */
#define AF_DSPACE    0x00010000u  /* ", " between operands */
#define AF_DNOSUF    0x00020000u  /* no size suffix */
#define AF_DIRIMM    0x00040000u  /* shift counts as IR constants
                                     ("0x3:I8") */
#define AF_DHEXIMM   0x00080000u  /* immediates in hex ("$0x3") */
#define AF_DREV      0x00100000u  /* operands printed in Intel order */
#define AF_DSTAR     0x00200000u  /* "jmp*  " / "call*  " forms */
#define AF_DSZB      0x00400000u  /* suffix from the 2nd operand's size */

typedef struct _Amd64Dis Amd64Dis;

/* An IR-generating routine: emits the IR of the decoded instruction D.
   Returns False when the instruction, after all, cannot be handled (the
   walker then discards its statements and ends the block with
   Ijk_NoDecode). */
typedef Bool (*Amd64DisFn)(Amd64Dis* d);

typedef struct {
   UChar        map;      /* AMD64_MAP_* */
   UChar        opc;      /* opcode byte (the first of a span) */
   UChar        span;     /* 1, or 8 for "+r" forms, 16 for cc forms */
   SChar        ext;      /* required ModRM.reg (/digit), or -1 */
   UChar        pfx;      /* AMD64_PFX_* */
   UChar        fl_undef; /* OSZACP flags the SDM leaves undefined
                             (AMD64G_CC_MASK_* bits, as a UChar of the
                             low byte; O as bit 7 -- see AMD64_UF_O) */
   Short        modrm;    /* required whole ModRM byte, or -1 */
   UInt         flags;    /* AF_* */
   const HChar* mnem;     /* mnemonic; "a|b|c" = for 16|32|64-bit */
   UChar        ops[4];   /* operand forms, Intel order (dest first) */
   Amd64DisFn   fn;       /* NULL: decodes to Ijk_NoDecode */
   Int          arg;      /* routine-specific */
   const HChar* cls;      /* instruction class (tests, coverage) */
} Amd64OpEntry;

/* Undefined-flags bits as held in fl_undef: the rflags low byte, with O
   (bit 11 in rflags) moved to bit 3 (unused in rflags' low byte). */
#define AMD64_UF_C  0x01
#define AMD64_UF_P  0x04
#define AMD64_UF_O  0x08
#define AMD64_UF_A  0x10
#define AMD64_UF_Z  0x40
#define AMD64_UF_S  0x80
#define AMD64_UF_ALL 0xDD
/* The rflags mask of the flags in FL_UNDEF. */
static inline ULong amd64_undef_rflags_mask(UChar fl_undef)
{
   ULong m = (ULong)(fl_undef & 0xD5);
   if (fl_undef & AMD64_UF_O)
      m |= AMD64G_CC_MASK_O;
   return m;
}

typedef struct {
   const HChar*        family;  /* "integer", "sse", ... */
   const Amd64OpEntry* entries;
   Int                 n_entries;
} Amd64OpTable;

/* The families' tables.  A family joins the decoder by being listed in
   amd64_families (guest_amd64_toIR.c). */
extern const Amd64OpTable amd64_optable_int;      /* guest_amd64_toIR_int.c */
extern const Amd64OpTable amd64_optable_sse;      /* guest_amd64_toIR_sse.c */
extern const Amd64OpTable amd64_optable_x87;      /* guest_amd64_toIR_x87.c */
extern const Amd64OpTable amd64_optable_string;   /* ..._string.c */
extern const Amd64OpTable amd64_optable_system;   /* ..._system.c */

/* --- string/system families: entry points outside their tables --- */
/* Valgrind's client-request sequences (guest_amd64_toIR_system.c): 0 if
   CODE does not start with the special preamble; 1 if it is a known
   sequence (its IR made, *DRES filled in); -1 for the preamble followed
   by anything else (to be treated as undecodable). */
extern Int  amd64_dis_special(const UChar* code, Addr64 addr,
                              DisResult* dres, Bool trace);
/* enter with a nesting level or 16-bit, and 16-bit leave, for the
   integer family's enter/leave entries. */
extern Bool amd64_dis_enter_full(Amd64Dis* d);
extern Bool amd64_dis_leave16(Amd64Dis* d);
/* --- end string/system --- */

/* All families' tables in decoding order (NULL-terminated). */
extern const Amd64OpTable* const* amd64_all_optables(void);

/* The Intel-manual name of an operand form ("Ev"). */
extern const HChar* amd64_opform_name(UInt form);

/* ================================================================== */
/* A decoded instruction                                              */
/* ================================================================== */

/* Prefix bits (Amd64Dis.pfx). */
#define PFX_66     0x0001u
#define PFX_F2     0x0002u
#define PFX_F3     0x0004u
#define PFX_LOCK   0x0008u
#define PFX_ASO    0x0010u   /* 67: 32-bit addresses */
#define PFX_REX    0x0020u
#define PFX_REXW   0x0040u
#define PFX_REXR   0x0080u
#define PFX_REXX   0x0100u
#define PFX_REXB   0x0200u
#define PFX_FS     0x0400u
#define PFX_GS     0x0800u
#define PFX_CS     0x1000u   /* CS/DS/ES/SS: no effect in 64-bit mode */
#define PFX_DS     0x2000u
#define PFX_ES     0x4000u
#define PFX_SS     0x8000u

/* What an operand turned out to be. */
enum { AOK_NONE = 0, AOK_REG, AOK_MEM, AOK_IMM };

/* Register classes. */
enum { ARC_GPR = 0, ARC_XMM };

typedef struct {
   UChar kind;      /* AOK_* */
   UChar form;      /* Amd64OpForm */
   UChar sz;        /* size in bytes (0: none) */
   UChar rclass;    /* ARC_* (AOK_REG) */
   UChar reg;       /* AOK_REG: 0..15 */
   Bool  hi8;       /* AOK_REG: AH, CH, DH or BH (reg is 4..7) */
   ULong imm;       /* AOK_IMM: the value, extended as the form says;
                       J forms: the absolute target */
} Amd64Operand;

/* A memory operand's address, as decoded. */
#define AMD64_EA_RIP 16      /* m_base value for RIP-relative */

struct _Amd64Dis {
   /* Where the instruction is. */
   Addr64       addr;       /* its guest address */
   const UChar* code;       /* its first byte */
   Int          len;        /* its length */
   Addr64       next_addr;  /* addr + len */
   /* Prefixes. */
   UInt         pfx;        /* PFX_* */
   UChar        rex;        /* the REX byte, or 0 */
   /* The opcode. */
   UChar        map;        /* AMD64_MAP_* */
   UChar        opc;
   const Amd64OpEntry* e;
   Bool         has_modrm;
   UChar        modrm;
   Int          sz;         /* the v operand size: 2, 4 or 8 */
   Int          asz;        /* the address size: 4 or 8 */
   /* The memory operand, if any. */
   Bool         has_mem;
   Int          m_base;     /* 0..15, AMD64_EA_RIP, or -1 */
   Int          m_index;    /* 0..15, or -1 */
   Int          m_scale;    /* 1, 2, 4, 8 */
   Long         m_disp;
   Int          m_seg;      /* PFX_FS, PFX_GS or 0 */
   IRTemp       m_ea;       /* the address, once computed */
   /* The operands, in Intel order. */
   Int          nops;
   Amd64Operand op[4];
   /* The outcome (the IR routines fill it in). */
   DisResult*   dres;
};

/* Decodes the instruction at CODE (guest address ADDR) without making IR:
   fills in D and returns True, or returns False when it is not in the
   tables or breaks a rule (LOCK where not allowed, too long, ...).  An
   entry found but not implemented (fn NULL) still gives True. */
extern Bool amd64_decode(const UChar* code, Addr64 addr, /*OUT*/Amd64Dis* d);

/* Disassembles the instruction at CODE (guest address ADDR) into BUF (at
   least 128 bytes) in AT&T syntax as Valgrind prints it; returns its
   length, or 0 when it cannot be decoded (BUF then says so). */
extern Int amd64_disasm(const UChar* code, Addr64 addr, HChar* buf);

/* The front end's entry point: decodes one instruction (see
   DisOneInstrFn). */
extern DisResult disInstr_AMD64(IRSB* irsb, const UChar* guest_code_insn,
                                Addr64 guest_IP, Bool block_start,
                                Bool trace);

/* ================================================================== */
/* IR building (guest_amd64_toIR.c), for the family files             */
/* ================================================================== */

/* The block being built. */
extern IRSB* amd64_irsb;

/* Adds ST to the block, flattened. */
static inline void stmt(IRStmt* st) { addFlatStmtToIRSB(amd64_irsb, st); }
static inline IRTemp newTemp(IRType ty)
{
   return newIRTemp(amd64_irsb->tyenv, ty);
}
static inline IRExpr* mkexpr(IRTemp t) { return IRExpr_RdTmp(t); }
static inline void assign(IRTemp dst, IRExpr* e)
{
   stmt(IRStmt_WrTmp(dst, e));
}
static inline IRExpr* unop(IROp op, IRExpr* a) { return IRExpr_Unop(op, a); }
static inline IRExpr* binop(IROp op, IRExpr* a1, IRExpr* a2)
{
   return IRExpr_Binop(op, a1, a2);
}
static inline IRExpr* triop(IROp op, IRExpr* a1, IRExpr* a2, IRExpr* a3)
{
   return IRExpr_Triop(op, a1, a2, a3);
}
static inline IRExpr* mkU1(Bool b) { return IRExpr_Const(IRConst_U1(b)); }
static inline IRExpr* mkU8(ULong i)
{
   return IRExpr_Const(IRConst_U8((UChar)i));
}
static inline IRExpr* mkU16(ULong i)
{
   return IRExpr_Const(IRConst_U16((UShort)i));
}
static inline IRExpr* mkU32(ULong i)
{
   return IRExpr_Const(IRConst_U32((UInt)i));
}
static inline IRExpr* mkU64(ULong i) { return IRExpr_Const(IRConst_U64(i)); }
static inline IRExpr* loadLE(IRType ty, IRExpr* addr)
{
   return IRExpr_Load(Iend_LE, ty, addr);
}
static inline void storeLE(IRExpr* addr, IRExpr* data)
{
   stmt(IRStmt_Store(Iend_LE, addr, data));
}
static inline IRExpr* mkGet64(Int offset)
{
   return IRExpr_Get(offset, Ity_I64);
}
static inline IRType exprTy(IRExpr* e)
{
   return typeOfIRExpr(amd64_irsb->tyenv, e);
}

/* An atom with E's value: E itself, or a new temporary assigned E. */
extern IRExpr* mkAtom(IRExpr* e);
/* A constant of type TY (I8..I64) holding the low bits of I. */
extern IRExpr* mkU(IRType ty, ULong i);
/* 1, 2, 4, 8 -> I8, I16, I32, I64. */
extern IRType  szToITy(Int sz);
/* The I8 op OP8 (Add8, Sub8, And8, Or8, Xor8, Shl8, Shr8, Sar8, CmpEQ8,
   CmpNE8, Not8, Mul8, CasCmpEQ8, CasCmpNE8) at the width of TY. */
extern IROp    mkSizedOp(IRType ty, IROp op8);
/* Narrowing, zero- and sign-widening between I1/I8/I16/I32/I64. */
extern IRExpr* narrowTo(IRType dst, IRExpr* e);
extern IRExpr* widenUto64(IRExpr* e);
extern IRExpr* widenSto64(IRExpr* e);
extern IRExpr* widenUto(IRType dst, IRExpr* e);
extern IRExpr* widenSto(IRType dst, IRExpr* e);

/* Integer registers.  REG is 0..15 in encoding order; SZ is 1, 2, 4 or
   8.  For SZ 1, HI8 selects AH/CH/DH/BH (REG 4..7 without REX).  A 4-byte
   write zero-extends into the whole register, 1- and 2-byte writes leave
   the rest alone. */
extern Int     amd64_ireg_offset(Int sz, UInt reg, Bool hi8);
extern IRExpr* getIRegSz(Int sz, UInt reg, Bool hi8);
extern void    putIRegSz(Int sz, UInt reg, Bool hi8, IRExpr* e);
extern IRExpr* getIReg64(UInt reg);
extern void    putIReg64(UInt reg, IRExpr* e);
extern const HChar* nameIReg(Int sz, UInt reg, Bool hi8);

/* Operands of the decoded instruction (index into d->op).  These handle
   general registers, memory and immediates; XMM operands (rclass
   ARC_XMM, register op.reg) are the SSE family's to read and write, at
   OFFB_YMM0 + 32 * reg, with amd64_ea for their memory forms. */
extern IRExpr* amd64_ea(Amd64Dis* d);          /* the memory operand's
                                                  address (I64 atom) */
extern IRExpr* getOperand(Amd64Dis* d, Int i); /* value, of its size */
extern void    putOperand(Amd64Dis* d, Int i, IRExpr* e);
extern IRType  operandTy(const Amd64Dis* d, Int i);
/* Writes NEW_V to memory operand I atomically, provided it still holds
   OLD_V (both atoms); otherwise restarts the instruction (an exit back
   to it).  The LOCK form of read-modify-write instructions. */
extern void    casOperand(Amd64Dis* d, Int i, IRExpr* old_v, IRExpr* new_v);
/* True if the instruction must be atomic (LOCK with a memory operand). */
extern Bool    amd64_locked(const Amd64Dis* d);

/* The flags thunk.  Every write to the thunk goes through these, so that
   a later condition in the same block can be specialised. */
extern void    setFlags_thunk(IRExpr* op, IRExpr* dep1, IRExpr* dep2,
                              IRExpr* ndep);
/* CC_OP = OP_BASE + log2(SZ), DEP1/DEP2 = values of size SZ (widened). */
extern void    setFlags_DEP1_DEP2(UInt op_base, Int sz, IRTemp dep1,
                                  IRTemp dep2);
extern void    setFlags_DEP1(UInt op_base, Int sz, IRTemp dep1);
/* CC_OP = COPY, DEP1 = the given OSZACP flags (an I64). */
extern void    setFlags_COPY(IRExpr* rflags);
/* The value of a condition (I1), specialised when the thunk's operation
   is known. */
extern IRExpr* mk_amd64g_calculate_condition(AMD64Condcode cond);
/* The carry flag (I64, 0 or 1) and all six flags (I64). */
extern IRExpr* mk_amd64g_calculate_rflags_c(void);
extern IRExpr* mk_amd64g_calculate_rflags_all(void);

/* Block endings.  Each sets d->dres. */
extern void    amd64_jmp_lit(Amd64Dis* d, IRJumpKind kind, Addr64 target);
extern void    amd64_jmp_treg(Amd64Dis* d, IRJumpKind kind, IRTemp target);
/* if (cond) goto TAKEN else goto NOT_TAKEN. */
extern void    amd64_jcc(Amd64Dis* d, AMD64Condcode cond, Addr64 taken,
                         Addr64 not_taken);
/* Leaves the block at this instruction with jump kind KIND (a fault:
   the guest RIP stays at the instruction) when GUARD (I1) holds. */
extern void    amd64_exit_if(Amd64Dis* d, IRExpr* guard, IRJumpKind kind);
/* The AbiHint for a call or return: the red zone below the new RSP is
   dead. */
extern void    amd64_redzone_hint(IRTemp new_rsp, IRExpr* nia);

extern const HChar* amd64_cond_name(AMD64Condcode cond);

#endif /* __VEX_GUEST_AMD64_DEFS_H */
