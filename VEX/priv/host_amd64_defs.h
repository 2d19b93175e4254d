/* The amd64 host: registers, instructions (on virtual or real registers),
   their printer, register usage and renaming for the allocator, spill and
   reload code, the emitter, and the patching of emitted code (chaining
   and unchaining direct exits, the profile counter).

   Instruction selection (host_amd64_isel.c) builds these instructions
   from IR; nothing here depends on the IR.

   ====================================================================
   Conventions of translated code on amd64
   ====================================================================

   Registers.
     %rbp   the guest-state pointer, pinned for the whole translation.
     %rsp   the host stack; 16-byte aligned on entry to a translation, so
            that a `call' made by translated code (Call) finds the ABI's
            alignment.
     %r11   scratch of the emitter (exits, calls, profile counter).
     All others (rax rbx rcx rdx rsi rdi r8-r10 r12-r15, xmm0-xmm15) are
     handed out by the register allocator; instructions that need a
     particular one (shifts by %cl, mul/div in %rdx:%rax, call arguments
     and results, cmpxchg) name it and the allocator works around it.
     A helper call (Call) trashes rax rcx rdx rsi rdi r8-r11 and all xmm
     registers, as the SysV ABI allows.

   Entry.  The dispatcher jumps to a translation with %rbp = guest state.
   Each translation starts with an event check (EvCheck, 8 bytes):

        FF 4D cc        decl  cc(%rbp)        counter, 32-bit, cc = disp8
        79 03           jns   +3
        FF 65 ff        jmp   *ff(%rbp)       fail address, ff = disp8
                        (nofail:)

   The "slow" entry point is the start of the event check, the "fast" one
   the byte after it (evCheckSzB_AMD64() = 8).  When the counter goes
   negative the code jumps to the address stored in the guest state (the
   dispatcher's event-check-failed handler) with %rbp = guest state; the
   guest PC in the guest state is then the translation's own guest
   address, because every exit stores the next PC before leaving.

   Exits.  Every exit first stores the next guest PC into the guest state
   (the amode amRIP, normally off(%rbp)).  A conditional exit starts with
   a jcc (rel8) over the whole exit, taken when the condition fails.

   XDirect, a direct jump to guest address GA:
        [jcc over]
        48 C7 ..  imm32            movq $GA, amRIP     (GA fits in simm32)
     or 49 BB imm64 ; 4C 89 ..     movabsq $GA,%r11 ; movq %r11, amRIP
        0..7 bytes of NOP          so that the patch site is 8-aligned
      site+0:  49 BB <8 bytes>     movabsq $disp_cp_chain_me_to_{slow,fast}EP, %r11
      site+10: 41 FF D3            call *%r11
      site+13: 0F 0B CC            (never executed: ud2; int3)
      site+16: <8 bytes>           far-jump slot (data, never executed)
   The chain-me stub finds the site as its return address minus 13 and
   passes it to chainXDirect_AMD64 as place_to_chain.  Chaining replaces
   the first 8 bytes of the site with ONE aligned 8-byte atomic
   compare-and-swap, so a thread executing the site concurrently sees
   either the old or the new code, never a mixture:
      near target (within +-2GB of site+5):
        site+0: E9 <rel32> 0F 0B CC    jmp target ; filler
      far target:
        site+16: <target>              written first (not yet reachable)
        site+0:  FF 25 0A 00 00 00 0F 0B   jmp *0xa(%rip) (reads site+16)
   Unchaining swaps the first 8 bytes back to 49 BB <low 6 bytes of the
   chain-me address> (rewriting site+8..9, which are unreachable while
   chained, beforehand), restoring bytes 0..15 exactly.  After unchaining
   a far-chained site the slot holds the site's own address, so that a
   thread which decoded the far jump just before the swap lands on the
   chain-me call again (a near-chained site's slot is untouched: 0).
   Both are idempotent: a site already in the
   wanted state is left alone and an empty range is returned, so two
   threads racing to chain the same exit are harmless.  The site is
   8-aligned relative to the buffer emit_AMD64Instr writes into: the
   emitted code must later be moved only by multiples of 8 bytes (the
   translation table keeps translations 8-aligned), or emitted in place.

   XIndir, a jump to the guest address in a register:
        [jcc over] ; movq %reg, amRIP
        41 BB imm32 (movl $disp_cp_xindir,%r11d) or 49 BB imm64 (movabsq)
        41 FF E3                   jmp *%r11
   The dispatcher's indirect entry finds the next PC in the guest state,
   %rbp = guest state.

   XAssisted, an exit that needs the scheduler:
        [jcc over] ; movq %reg, amRIP
        BD imm32                   movl $TRC, %ebp
        41 BB imm32 / 49 BB imm64  (mov)  $disp_cp_xassisted, %r11
        41 FF E3                   jmp *%r11
   On entry to disp_cp_xassisted, %rbp holds the reason (a VEX_TRC_JMP_*
   value, libvex_trc_values.h) instead of the guest-state pointer, which
   the dispatcher must therefore keep in its own frame; the next guest PC
   is in the guest state.

   ProfInc (13 bytes), patched once after emission by patchProfInc_AMD64:
        49 BB <8 bytes>            movabsq $counter_address, %r11
        49 FF 03                   incq (%r11)
   The 8 bytes are 0x6555755565557555 until patched.

   Call (a helper call):
        [jcc over]
        41 BB imm32 (movl $target,%r11d) or 49 BB imm64 (movabsq)
        41 FF D3                   call *%r11
   ==================================================================== */
#ifndef __VEX_HOST_AMD64_DEFS_H
#define __VEX_HOST_AMD64_DEFS_H

#include "libvex_basictypes.h"
#include "host_generic_regs.h"
#include "libvex.h"
#include "libvex_ir.h"

/* ------------------------------------------------------------------ */
/* Registers                                                          */
/* ------------------------------------------------------------------ */

/* Universe indices.  The allocatable registers come first, in order of
   preference: callee-saved integer registers, then caller-saved ones
   (those with fixed uses last), then the xmm registers. */
#define AMD64_IX_RBX    0
#define AMD64_IX_R12    1
#define AMD64_IX_R13    2
#define AMD64_IX_R14    3
#define AMD64_IX_R15    4
#define AMD64_IX_R10    5
#define AMD64_IX_R9     6
#define AMD64_IX_R8     7
#define AMD64_IX_RDI    8
#define AMD64_IX_RSI    9
#define AMD64_IX_RDX   10
#define AMD64_IX_RCX   11
#define AMD64_IX_RAX   12
#define AMD64_IX_XMM0  13   /* xmmN is AMD64_IX_XMM0 + N */
#define AMD64_N_ALLOCABLE 29
#define AMD64_IX_RSP   29
#define AMD64_IX_RBP   30
#define AMD64_IX_R11   31
#define AMD64_N_REGS   32

static inline HReg hregAMD64_iReg(UInt enc, UInt ix)
{
   return mkHReg(False, HRcInt64, enc, ix);
}
static inline HReg hregAMD64_RAX(void) { return hregAMD64_iReg(0,  AMD64_IX_RAX); }
static inline HReg hregAMD64_RCX(void) { return hregAMD64_iReg(1,  AMD64_IX_RCX); }
static inline HReg hregAMD64_RDX(void) { return hregAMD64_iReg(2,  AMD64_IX_RDX); }
static inline HReg hregAMD64_RBX(void) { return hregAMD64_iReg(3,  AMD64_IX_RBX); }
static inline HReg hregAMD64_RSP(void) { return hregAMD64_iReg(4,  AMD64_IX_RSP); }
static inline HReg hregAMD64_RBP(void) { return hregAMD64_iReg(5,  AMD64_IX_RBP); }
static inline HReg hregAMD64_RSI(void) { return hregAMD64_iReg(6,  AMD64_IX_RSI); }
static inline HReg hregAMD64_RDI(void) { return hregAMD64_iReg(7,  AMD64_IX_RDI); }
static inline HReg hregAMD64_R8(void)  { return hregAMD64_iReg(8,  AMD64_IX_R8);  }
static inline HReg hregAMD64_R9(void)  { return hregAMD64_iReg(9,  AMD64_IX_R9);  }
static inline HReg hregAMD64_R10(void) { return hregAMD64_iReg(10, AMD64_IX_R10); }
static inline HReg hregAMD64_R11(void) { return hregAMD64_iReg(11, AMD64_IX_R11); }
static inline HReg hregAMD64_R12(void) { return hregAMD64_iReg(12, AMD64_IX_R12); }
static inline HReg hregAMD64_R13(void) { return hregAMD64_iReg(13, AMD64_IX_R13); }
static inline HReg hregAMD64_R14(void) { return hregAMD64_iReg(14, AMD64_IX_R14); }
static inline HReg hregAMD64_R15(void) { return hregAMD64_iReg(15, AMD64_IX_R15); }
/* xmm0 .. xmm15. */
static inline HReg hregAMD64_XMM(UInt n)
{
   return mkHReg(False, HRcVec128, n, AMD64_IX_XMM0 + n);
}
/* The integer register with hardware encoding ENC (0 = rax .. 15 = r15). */
extern HReg hregAMD64_GPR(UInt enc);

extern const RRegUniverse* getRRegUniverse_AMD64(void);

/* Prints a register: real ones by name (%rax, %xmm3), virtual ones
   generically (%vR12, %vV3). */
extern void ppHRegAMD64(HReg reg);

/* ------------------------------------------------------------------ */
/* Condition codes (Intel's encoding)                                 */
/* ------------------------------------------------------------------ */

typedef enum {
   Acc_O   = 0,  Acc_NO  = 1,  Acc_B   = 2,  Acc_NB  = 3,
   Acc_Z   = 4,  Acc_NZ  = 5,  Acc_BE  = 6,  Acc_NBE = 7,
   Acc_S   = 8,  Acc_NS  = 9,  Acc_P   = 10, Acc_NP  = 11,
   Acc_L   = 12, Acc_NL  = 13, Acc_LE  = 14, Acc_NLE = 15,
   Acc_ALWAYS = 16
} AMD64CondCode;

extern const HChar* showAMD64CondCode(AMD64CondCode cond);

/* ------------------------------------------------------------------ */
/* Operands                                                           */
/* ------------------------------------------------------------------ */

/* A memory address: imm32 + reg, or imm32 + base + index << shift. */
typedef enum { Aam_IR = 0x2100, Aam_IRRS } AMD64AModeTag;
typedef struct {
   AMD64AModeTag tag;
   union {
      struct { UInt imm; HReg reg; } IR;
      struct { UInt imm; HReg base; HReg index; Int shift; } IRRS;
   } Aam;
} AMD64AMode;

extern AMD64AMode* AMD64AMode_IR(UInt imm32, HReg reg);
extern AMD64AMode* AMD64AMode_IRRS(UInt imm32, HReg base, HReg index,
                                   Int shift);
extern AMD64AMode* dopyAMD64AMode(const AMD64AMode* am);
extern void ppAMD64AMode(const AMD64AMode* am);

/* Register, memory or immediate. */
typedef enum { Armi_Imm = 0x2200, Armi_Reg, Armi_Mem } AMD64RMITag;
typedef struct {
   AMD64RMITag tag;
   union {
      struct { UInt imm32; } Imm;
      struct { HReg reg; } Reg;
      struct { AMD64AMode* am; } Mem;
   } Armi;
} AMD64RMI;

extern AMD64RMI* AMD64RMI_Imm(UInt imm32);
extern AMD64RMI* AMD64RMI_Reg(HReg reg);
extern AMD64RMI* AMD64RMI_Mem(AMD64AMode* am);
extern void ppAMD64RMI(const AMD64RMI* op);

/* Register or immediate. */
typedef enum { Ari_Imm = 0x2300, Ari_Reg } AMD64RITag;
typedef struct {
   AMD64RITag tag;
   union {
      struct { UInt imm32; } Imm;
      struct { HReg reg; } Reg;
   } Ari;
} AMD64RI;

extern AMD64RI* AMD64RI_Imm(UInt imm32);
extern AMD64RI* AMD64RI_Reg(HReg reg);
extern void ppAMD64RI(const AMD64RI* op);

/* Register or memory. */
typedef enum { Arm_Reg = 0x2400, Arm_Mem } AMD64RMTag;
typedef struct {
   AMD64RMTag tag;
   union {
      struct { HReg reg; } Reg;
      struct { AMD64AMode* am; } Mem;
   } Arm;
} AMD64RM;

extern AMD64RM* AMD64RM_Reg(HReg reg);
extern AMD64RM* AMD64RM_Mem(AMD64AMode* am);
extern void ppAMD64RM(const AMD64RM* op);

/* ------------------------------------------------------------------ */
/* Operations                                                         */
/* ------------------------------------------------------------------ */

typedef enum {
   Aalu_INVALID = 0,
   Aalu_MOV, Aalu_CMP, Aalu_ADD, Aalu_SUB, Aalu_ADC, Aalu_SBB,
   Aalu_AND, Aalu_OR, Aalu_XOR, Aalu_MUL
} AMD64AluOp;
extern const HChar* showAMD64AluOp(AMD64AluOp op);

typedef enum {
   Ash_INVALID = 0, Ash_SHL, Ash_SHR, Ash_SAR, Ash_ROL, Ash_ROR
} AMD64ShiftOp;
extern const HChar* showAMD64ShiftOp(AMD64ShiftOp op);

typedef enum { Aun_INVALID = 0, Aun_NOT, Aun_NEG } AMD64UnaryOp;
extern const HChar* showAMD64UnaryOp(AMD64UnaryOp op);

/* SSE operations.  The first group are the floating-point ops of
   Sse32Fx4 / Sse32FLo / Sse64Fx2 / Sse64FLo (RCPF and RSQRTF only for
   the 32-bit forms); the rest are whole-register ops for SseReRg. */
typedef enum {
   Asse_INVALID = 0,
   /* floating point */
   Asse_ADDF, Asse_SUBF, Asse_MULF, Asse_DIVF, Asse_MAXF, Asse_MINF,
   Asse_CMPEQF, Asse_CMPLTF, Asse_CMPLEF, Asse_CMPUNF, Asse_CMPNEQF,
   Asse_SQRTF, Asse_RCPF, Asse_RSQRTF,
   Asse_FIRST_RERG,
   /* moves and bitwise */
   Asse_MOV = Asse_FIRST_RERG,          /* movaps */
   Asse_AND, Asse_OR, Asse_XOR, Asse_ANDN,   /* pand por pxor pandn */
   Asse_ANDPS, Asse_ORPS, Asse_XORPS, Asse_ANDNPS,
   Asse_ANDPD, Asse_ORPD, Asse_XORPD, Asse_ANDNPD,
   /* integer arithmetic */
   Asse_ADD8, Asse_ADD16, Asse_ADD32, Asse_ADD64,
   Asse_QADD8U, Asse_QADD16U, Asse_QADD8S, Asse_QADD16S,
   Asse_SUB8, Asse_SUB16, Asse_SUB32, Asse_SUB64,
   Asse_QSUB8U, Asse_QSUB16U, Asse_QSUB8S, Asse_QSUB16S,
   Asse_MUL16, Asse_MULHI16U, Asse_MULHI16S, Asse_MUL32, Asse_MULU32x2,
   Asse_MADD16S, Asse_SAD8U,
   Asse_AVG8U, Asse_AVG16U,
   Asse_MAX8S, Asse_MAX8U, Asse_MAX16S, Asse_MAX16U, Asse_MAX32S, Asse_MAX32U,
   Asse_MIN8S, Asse_MIN8U, Asse_MIN16S, Asse_MIN16U, Asse_MIN32S, Asse_MIN32U,
   Asse_CMPEQ8, Asse_CMPEQ16, Asse_CMPEQ32, Asse_CMPEQ64,
   Asse_CMPGT8S, Asse_CMPGT16S, Asse_CMPGT32S, Asse_CMPGT64S,
   /* shifts by the count in the low 64 bits of an xmm register */
   Asse_SHL16, Asse_SHL32, Asse_SHL64,
   Asse_SHR16, Asse_SHR32, Asse_SHR64,
   Asse_SAR16, Asse_SAR32,
   /* narrowing and interleaving */
   Asse_PACKSSD, Asse_PACKSSW, Asse_PACKUSW, Asse_PACKUSD,
   Asse_UNPCKHB, Asse_UNPCKHW, Asse_UNPCKHD, Asse_UNPCKHQ,
   Asse_UNPCKLB, Asse_UNPCKLW, Asse_UNPCKLD, Asse_UNPCKLQ,
   Asse_UNPCKLPS, Asse_UNPCKHPS, Asse_UNPCKLPD, Asse_UNPCKHPD,
   /* byte permutation (SSSE3) */
   Asse_PERM8,
   Asse_LAST
} AMD64SseOp;
extern const HChar* showAMD64SseOp(AMD64SseOp op);

/* Shifts of an xmm register by an immediate (SseShiftN). */
typedef enum {
   Asse_SHLN16 = 0x2500, Asse_SHLN32, Asse_SHLN64, Asse_SHLN128,
   Asse_SHRN16, Asse_SHRN32, Asse_SHRN64, Asse_SHRN128,
   Asse_SARN16, Asse_SARN32
} AMD64SseShiftNOp;

/* Shuffles (SseShuf). */
typedef enum { Ashuf_D = 0x2600, Ashuf_LW, Ashuf_HW } AMD64SseShufKind;

/* ------------------------------------------------------------------ */
/* Instructions                                                       */
/* ------------------------------------------------------------------ */

typedef enum {
   Ain_Imm64 = 0x2700, /* load a 64-bit immediate */
   Ain_Alu64R,      /* 64-bit op, RMI source, register destination */
   Ain_Alu64M,      /* 64-bit op, RI source, memory destination */
   Ain_Sh64,        /* 64-bit shift/rotate by imm or %cl */
   Ain_Sh32,        /* 32-bit shift/rotate by imm or %cl */
   Ain_Test64,      /* 64-bit test of a register with imm or register */
   Ain_Unary64,     /* 64-bit not / neg */
   Ain_Lea64,       /* 64-bit lea */
   Ain_Alu32R,      /* 32-bit op, RMI source, register destination */
   Ain_MulL,        /* %rdx:%rax = %rax * RM, signed or unsigned */
   Ain_Div,         /* div/idiv of %rdx:%rax or %edx:%eax by RM */
   Ain_Push,        /* pushq RMI */
   Ain_Call,        /* (conditional) call of a helper */
   Ain_XDirect,     /* direct exit (chainable) */
   Ain_XIndir,      /* indirect exit through the dispatcher */
   Ain_XAssisted,   /* assisted exit to the scheduler */
   Ain_CMov64,      /* conditional move register to register */
   Ain_CLoad,       /* conditional load (4 or 8 bytes) */
   Ain_CStore,      /* conditional store (4 or 8 bytes) */
   Ain_MovxLQ,      /* zero or sign extend 32 -> 64 */
   Ain_LoadEX,      /* load 1/2/4 bytes with zero or sign extension */
   Ain_Store,       /* store 1/2/4/8 bytes */
   Ain_Set64,       /* register = condition ? 1 : 0 */
   Ain_Bsfr64,      /* bsf / bsr */
   Ain_MFence,      /* mfence */
   Ain_ACAS,        /* lock cmpxchg{b,w,l,q} %rbx-part, mem (expects %rax) */
   Ain_DACAS,       /* lock cmpxchg{8,16}b mem (%rdx:%rax, %rcx:%rbx) */
   Ain_LdMXCSR,     /* ldmxcsr mem */
   Ain_SseUComIS,   /* ucomis{s,d}, then the flags into a register */
   Ain_SseSI2SF,    /* cvtsi2s{s,d} */
   Ain_SseSF2SI,    /* cvts{s,d}2si */
   Ain_SseSDSS,     /* cvtsd2ss / cvtss2sd */
   Ain_SseLdSt,     /* movss/movsd/movups load or store */
   Ain_SseLdzLO,    /* movss/movsd load, zeroing the rest */
   Ain_Sse32Fx4,    /* op on 4 x F32 */
   Ain_Sse32FLo,    /* op on the low F32 */
   Ain_Sse64Fx2,    /* op on 2 x F64 */
   Ain_Sse64FLo,    /* op on the low F64 */
   Ain_SseReRg,     /* whole-register op, xmm to xmm */
   Ain_SseCMov,     /* conditional xmm move */
   Ain_SseShuf,     /* pshufd / pshuflw / pshufhw */
   Ain_SseShiftN,   /* xmm shift by immediate */
   Ain_SseMOVQ,     /* movq between a GPR and the low half of an xmm */
   Ain_EvCheck,     /* event check at block entry */
   Ain_ProfInc      /* 64-bit profile counter increment */
} AMD64InstrTag;

typedef struct {
   AMD64InstrTag tag;
   union {
      struct { ULong imm64; HReg dst; } Imm64;
      struct { AMD64AluOp op; AMD64RMI* src; HReg dst; } Alu64R;
      struct { AMD64AluOp op; AMD64RI* src; AMD64AMode* dst; } Alu64M;
      /* src == 0 means by %cl */
      struct { AMD64ShiftOp op; UInt src; HReg dst; } Sh64;
      struct { AMD64ShiftOp op; UInt src; HReg dst; } Sh32;
      struct { AMD64RI* src; HReg dst; } Test64;
      struct { AMD64UnaryOp op; HReg dst; } Unary64;
      struct { AMD64AMode* am; HReg dst; } Lea64;
      struct { AMD64AluOp op; AMD64RMI* src; HReg dst; } Alu32R;
      struct { Bool syned; AMD64RM* src; } MulL;
      struct { Bool syned; Int sz; AMD64RM* src; } Div;
      struct { AMD64RMI* src; } Push;
      /* The first REGPARMS argument registers (rdi rsi rdx rcx r8 r9)
         hold arguments; RLOC says where the result is. */
      struct { AMD64CondCode cond; Addr64 target; Int regparms;
               RetLoc rloc; } Call;
      struct { Addr64 dstGA; AMD64AMode* amRIP; AMD64CondCode cond;
               Bool toFastEP; } XDirect;
      struct { HReg dstGA; AMD64AMode* amRIP; AMD64CondCode cond; } XIndir;
      /* TRC: a VEX_TRC_JMP_* value */
      struct { HReg dstGA; AMD64AMode* amRIP; AMD64CondCode cond;
               UInt trc; } XAssisted;
      struct { AMD64CondCode cond; HReg src; HReg dst; } CMov64;
      struct { AMD64CondCode cond; UChar szB; AMD64AMode* addr;
               HReg dst; } CLoad;
      struct { AMD64CondCode cond; UChar szB; HReg src;
               AMD64AMode* addr; } CStore;
      struct { Bool syned; HReg src; HReg dst; } MovxLQ;
      struct { UChar szSmall; Bool syned; AMD64AMode* src; HReg dst; } LoadEX;
      struct { UChar sz; HReg src; AMD64AMode* dst; } Store;
      struct { AMD64CondCode cond; HReg dst; } Set64;
      struct { Bool isFwds; HReg src; HReg dst; } Bsfr64;
      struct { AMD64AMode* addr; UChar sz; } ACAS;
      struct { AMD64AMode* addr; UChar sz; } DACAS;   /* sz 4 or 8: half size */
      struct { AMD64AMode* addr; } LdMXCSR;
      /* dst = the flags after comparing srcL with srcR */
      struct { UChar sz; HReg srcL; HReg srcR; HReg dst; } SseUComIS;
      struct { UChar szS; UChar szD; HReg src; HReg dst; } SseSI2SF;
      struct { UChar szS; UChar szD; HReg src; HReg dst; } SseSF2SI;
      struct { Bool from64; HReg src; HReg dst; } SseSDSS;
      struct { Bool isLoad; UChar sz; HReg reg; AMD64AMode* addr; } SseLdSt;
      struct { Int sz; HReg reg; AMD64AMode* addr; } SseLdzLO;
      struct { AMD64SseOp op; HReg src; HReg dst; } Sse32Fx4;
      struct { AMD64SseOp op; HReg src; HReg dst; } Sse32FLo;
      struct { AMD64SseOp op; HReg src; HReg dst; } Sse64Fx2;
      struct { AMD64SseOp op; HReg src; HReg dst; } Sse64FLo;
      struct { AMD64SseOp op; HReg src; HReg dst; } SseReRg;
      struct { AMD64CondCode cond; HReg src; HReg dst; } SseCMov;
      struct { AMD64SseShufKind kind; Int order; HReg src; HReg dst; } SseShuf;
      struct { AMD64SseShiftNOp op; UInt amt; HReg dst; } SseShiftN;
      /* toXMM: movq %gpr,%xmm; else movq %xmm,%gpr */
      struct { HReg gpr; HReg xmm; Bool toXMM; } SseMOVQ;
      struct { AMD64AMode* amCounter; AMD64AMode* amFailAddr; } EvCheck;
      struct { UInt dummy; } ProfInc;
   } Ain;
} AMD64Instr;

extern AMD64Instr* AMD64Instr_Imm64(ULong imm64, HReg dst);
extern AMD64Instr* AMD64Instr_Alu64R(AMD64AluOp op, AMD64RMI* src, HReg dst);
extern AMD64Instr* AMD64Instr_Alu64M(AMD64AluOp op, AMD64RI* src,
                                     AMD64AMode* dst);
extern AMD64Instr* AMD64Instr_Sh64(AMD64ShiftOp op, UInt src, HReg dst);
extern AMD64Instr* AMD64Instr_Sh32(AMD64ShiftOp op, UInt src, HReg dst);
extern AMD64Instr* AMD64Instr_Test64(AMD64RI* src, HReg dst);
extern AMD64Instr* AMD64Instr_Unary64(AMD64UnaryOp op, HReg dst);
extern AMD64Instr* AMD64Instr_Lea64(AMD64AMode* am, HReg dst);
extern AMD64Instr* AMD64Instr_Alu32R(AMD64AluOp op, AMD64RMI* src, HReg dst);
extern AMD64Instr* AMD64Instr_MulL(Bool syned, AMD64RM* src);
extern AMD64Instr* AMD64Instr_Div(Bool syned, Int sz, AMD64RM* src);
extern AMD64Instr* AMD64Instr_Push(AMD64RMI* src);
extern AMD64Instr* AMD64Instr_Call(AMD64CondCode cond, Addr64 target,
                                   Int regparms, RetLoc rloc);
extern AMD64Instr* AMD64Instr_XDirect(Addr64 dstGA, AMD64AMode* amRIP,
                                      AMD64CondCode cond, Bool toFastEP);
extern AMD64Instr* AMD64Instr_XIndir(HReg dstGA, AMD64AMode* amRIP,
                                     AMD64CondCode cond);
extern AMD64Instr* AMD64Instr_XAssisted(HReg dstGA, AMD64AMode* amRIP,
                                        AMD64CondCode cond, UInt trc);
extern AMD64Instr* AMD64Instr_CMov64(AMD64CondCode cond, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_CLoad(AMD64CondCode cond, UChar szB,
                                    AMD64AMode* addr, HReg dst);
extern AMD64Instr* AMD64Instr_CStore(AMD64CondCode cond, UChar szB, HReg src,
                                     AMD64AMode* addr);
extern AMD64Instr* AMD64Instr_MovxLQ(Bool syned, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_LoadEX(UChar szSmall, Bool syned,
                                     AMD64AMode* src, HReg dst);
extern AMD64Instr* AMD64Instr_Store(UChar sz, HReg src, AMD64AMode* dst);
extern AMD64Instr* AMD64Instr_Set64(AMD64CondCode cond, HReg dst);
extern AMD64Instr* AMD64Instr_Bsfr64(Bool isFwds, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_MFence(void);
extern AMD64Instr* AMD64Instr_ACAS(AMD64AMode* addr, UChar sz);
extern AMD64Instr* AMD64Instr_DACAS(AMD64AMode* addr, UChar sz);
extern AMD64Instr* AMD64Instr_LdMXCSR(AMD64AMode* addr);
extern AMD64Instr* AMD64Instr_SseUComIS(Int sz, HReg srcL, HReg srcR,
                                        HReg dst);
extern AMD64Instr* AMD64Instr_SseSI2SF(Int szS, Int szD, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_SseSF2SI(Int szS, Int szD, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_SseSDSS(Bool from64, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_SseLdSt(Bool isLoad, Int sz, HReg reg,
                                      AMD64AMode* addr);
extern AMD64Instr* AMD64Instr_SseLdzLO(Int sz, HReg reg, AMD64AMode* addr);
extern AMD64Instr* AMD64Instr_Sse32Fx4(AMD64SseOp op, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_Sse32FLo(AMD64SseOp op, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_Sse64Fx2(AMD64SseOp op, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_Sse64FLo(AMD64SseOp op, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_SseReRg(AMD64SseOp op, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_SseCMov(AMD64CondCode cond, HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_SseShuf(AMD64SseShufKind kind, Int order,
                                      HReg src, HReg dst);
extern AMD64Instr* AMD64Instr_SseShiftN(AMD64SseShiftNOp op, UInt amt,
                                        HReg dst);
extern AMD64Instr* AMD64Instr_SseMOVQ(HReg gpr, HReg xmm, Bool toXMM);
extern AMD64Instr* AMD64Instr_EvCheck(AMD64AMode* amCounter,
                                      AMD64AMode* amFailAddr);
extern AMD64Instr* AMD64Instr_ProfInc(void);

/* AT&T syntax.  Ordinary instructions print as valid GNU as input when
   their registers are real; exits, calls, the event check and a few
   pseudo-instructions print in VEX's bracketed style. */
extern void ppAMD64Instr(const AMD64Instr* i, Bool mode64);

/* ------------------------------------------------------------------ */
/* For the register allocator                                         */
/* ------------------------------------------------------------------ */

extern void getRegUsage_AMD64Instr(HRegUsage* u, const AMD64Instr* i,
                                   Bool mode64);
/* Renames in place; operands (amodes, RMI/RI/RM) are replaced by renamed
   copies, so instructions may share them. */
extern void mapRegs_AMD64Instr(HRegRemap* m, AMD64Instr* i, Bool mode64);
/* Whether I copies a whole register to another of the same class. */
extern Bool isMove_AMD64Instr(const AMD64Instr* i, HReg* src, HReg* dst);

extern void genSpill_AMD64(HInstr** i1, HInstr** i2, HReg rreg, Int offset,
                           Bool mode64);
extern void genReload_AMD64(HInstr** i1, HInstr** i2, HReg rreg, Int offset,
                            Bool mode64);
extern AMD64Instr* genMove_AMD64(HReg from, HReg to, Bool mode64);
extern AMD64Instr* directReload_AMD64(AMD64Instr* i, HReg vreg, Short offset);
/* A copy of the constant load DEF writing RREG, or NULL. */
extern AMD64Instr* genRemat_AMD64(const AMD64Instr* def, HReg rreg,
                                  Bool mode64);

/* Callbacks with the allocator's generic types. */
extern void getRegUsage_AMD64_generic(HRegUsage* u, const HInstr* i,
                                      Bool mode64);
extern void mapRegs_AMD64_generic(HRegRemap* m, HInstr* i, Bool mode64);
extern HInstr* genMove_AMD64_generic(HReg from, HReg to, Bool mode64);
extern HInstr* directReload_AMD64_generic(HInstr* i, HReg vreg, Short offset);
extern void ppAMD64Instr_generic(const HInstr* i, Bool mode64);
extern HInstr* genRemat_AMD64_generic(const HInstr* def, HReg rreg,
                                      Bool mode64);

/* Fills CON for amd64 (universe and callbacks; spill area as given). */
extern void getRegAllocControl_AMD64(RegAllocControl* con, Int spill_base,
                                     Int spill_size);

/* ------------------------------------------------------------------ */
/* Emission and patching                                              */
/* ------------------------------------------------------------------ */

/* Writes I's machine code to BUF (NBUF >= 64 bytes) and returns its
   length.  *IS_PROFINC is set when I is the ProfInc (its address must be
   remembered for patchProfInc_AMD64).  The disp_cp_* are the dispatcher's
   entry points used by exits. */
extern Int emit_AMD64Instr(Bool* is_profInc, UChar* buf, Int nbuf,
                           const AMD64Instr* i, Bool mode64,
                           const void* disp_cp_chain_me_to_slowEP,
                           const void* disp_cp_chain_me_to_fastEP,
                           const void* disp_cp_xindir,
                           const void* disp_cp_xassisted);

/* The length of the event check (8). */
extern Int evCheckSzB_AMD64(void);

/* Distance from the address an XDirect's chain-me call returns to back
   to its patch site (13). */
#define AMD64_CHAIN_ME_RETURN_TO_SITE 13

/* Chains the XDirect site at PLACE_TO_CHAIN (which must hold the chain-me
   call to DISP_CP_CHAIN_ME_EXPECTED, or already be chained) to jump to
   PLACE_TO_JUMP_TO.  Returns the bytes changed; an empty range when the
   site was already chained (by another thread, say). */
extern VexInvalRange chainXDirect_AMD64(void* place_to_chain,
                                        const void* disp_cp_chain_me_EXPECTED,
                                        const void* place_to_jump_to);

/* Undoes chainXDirect_AMD64: the site (chained to
   PLACE_TO_JUMP_TO_EXPECTED, or already unchained) calls DISP_CP_CHAIN_ME
   again.  Returns the bytes changed; empty if it was already unchained. */
extern VexInvalRange unchainXDirect_AMD64(void* place_to_unchain,
                                          const void* place_to_jump_to_EXPECTED,
                                          const void* disp_cp_chain_me);

/* Points the ProfInc at PLACE_TO_PATCH at the counter. */
extern VexInvalRange patchProfInc_AMD64(void* place_to_patch,
                                        const ULong* location_of_counter);

/* ------------------------------------------------------------------ */
/* Instruction selection (host_amd64_isel.c)                          */
/* ------------------------------------------------------------------ */

/* Selects instructions (on virtual registers) for BB, flat or trees,
   ready for doRegisterAllocation.  The code starts with the event check
   (counter and fail address at the given offsets from the guest-state
   pointer, both disp8) and, when ADD_PROF_INC, the profile counter.
   CHAINING_ALLOWED: direct jumps become chainable XDirects (to the fast
   entry point of their target when it lies above MAX_GA, the highest
   guest address the block covers, else to the slow one, so that a jump
   back into the block passes an event check) and computed ones XIndirs;
   otherwise every exit is an XAssisted.  ARCHINFO_HOST->hwcaps (the
   VEX_HWCAPS_AMD64_* bits) says which instructions beyond SSE2 may be
   used.  Unsupported IR makes it panic, naming the operation. */
extern HInstrArray* iselSB_AMD64(const IRSB* bb, VexArch arch_host,
                                 const VexArchInfo* archinfo_host,
                                 const VexAbiInfo* vbi,
                                 Int offs_Host_EvC_Counter,
                                 Int offs_Host_EvC_FailAddr,
                                 Bool chainingAllowed, Bool addProfInc,
                                 Addr64 max_ga);

#endif /* __VEX_HOST_AMD64_DEFS_H */
