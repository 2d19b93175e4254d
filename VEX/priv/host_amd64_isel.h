/* Private interface between the two halves of the amd64 instruction
   selector: host_amd64_isel.c (the block, statements, integer and 128-bit
   integer expressions, condition codes, helper calls) and
   host_amd64_isel_simd.c (F32, F64, V128 and V256 expressions, and the
   integer-valued operations on those types).  Nothing outside these two
   files includes this header; the entry point iselSB_AMD64 is declared in
   host_amd64_defs.h.

   Conventions of the selected code (see host_amd64_isel.c for more):
   - I1, I8, I16, I32 and I64 values live in 64-bit integer registers.
     Only the low bits of the type are defined: the upper bits of a narrow
     value are arbitrary, and an operation that depends on them (right
     shifts, division, widening, comparison, helper arguments) zero- or
     sign-extends first.  An I1 is bit 0 of its register.
   - I128 values live in a pair of 64-bit registers (high, low).
   - F32 and F64 values live in the low 32 / 64 bits of an xmm register,
     the rest of which is arbitrary; V128 values fill an xmm register;
     V256 values live in a pair of xmm registers (high, low).
   - The SSE rounding mode (MXCSR) is round-to-nearest with all exceptions
     masked (0x1F80) at every call, exit and instruction that could
     depend on it, except the rounded operations themselves: an operation
     with another rounding mode loads MXCSR before it (not again when the
     previous one used the same IR temporary), and 0x1F80 comes back
     lazily, before the next instruction that is not MXCSR-neutral (see
     mxcsr_neutral in host_amd64_isel.c).
   - The stack pointer is 16-byte aligned at every helper call (it is on
     entry to a translation and every adjustment is by a multiple of 16,
     except the 8-byte push that feeds ldmxcsr, undone at once). */
#ifndef __VEX_HOST_AMD64_ISEL_H
#define __VEX_HOST_AMD64_ISEL_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "host_generic_regs.h"
#include "host_amd64_defs.h"

typedef struct {
   /* The block's temporaries: IR temporary t lives in vregmap[t]; I128
      and V256 temporaries also in vregmapHI[t] (the high half). */
   const IRTypeEnv* type_env;
   HReg*            vregmap;
   HReg*            vregmapHI;
   Int              n_vregmap;
   /* For I32 temporaries: whether the register's upper 32 bits are
      known to be zero (then 32Uto64 of it is free); for I8 and I16 ones,
      whether the register holds the value zero-extended, as a load or
      GET leaves it (then 8Uto and 16Uto of it are free). */
   Bool*            tmpIsZX32;

   /* The host's VEX_HWCAPS_AMD64_* bits. */
   UInt             hwcaps;

   /* Exits: may they be chained, and the highest guest address of the
      block (a direct jump to an address up to it may re-enter the block,
      so it goes through the event check: the slow entry point). */
   Bool             chainingAllowed;
   Addr64           max_ga;

   /* The code being built and the number of virtual registers so far. */
   HInstrArray*     code;
   Int              vreg_ctr;

   /* The SSE rounding mode is restored to the default lazily, so that a
      run of FP ops under the same non-default-able mode (the guest's
      SSEROUND, held in one temporary) loads MXCSR once.  MXCSR_SET: MXCSR
      may differ from the default, having been loaded for RM_TMP
      (IRTemp_INVALID: for a mode that cannot be recognised again).
      RM_IN_USE: between amd64isel_setRoundingMode and
      amd64isel_restoreRoundingMode, when the instructions added are the
      rounded operation itself.  Any other instruction that could depend
      on MXCSR (see mxcsr_neutral) first restores the default. */
   Bool             mxcsr_set;
   IRTemp           rm_tmp;
   Bool             rm_in_use;
} AMD64ISelEnv;

/* ---- Shared by both files (defined in host_amd64_isel.c) ---- */

extern void  amd64isel_addInstr(AMD64ISelEnv* env, AMD64Instr* instr);
extern HReg  amd64isel_newVRegI(AMD64ISelEnv* env);
extern HReg  amd64isel_newVRegV(AMD64ISelEnv* env);
extern HReg  amd64isel_lookupIRTemp(AMD64ISelEnv* env, IRTemp tmp);
extern void  amd64isel_lookupIRTempPair(HReg* hi, HReg* lo,
                                        AMD64ISelEnv* env, IRTemp tmp);
/* A new register holding a copy of integer / vector register SRC. */
extern HReg  amd64isel_copyI(AMD64ISelEnv* env, HReg src);
extern HReg  amd64isel_copyV(AMD64ISelEnv* env, HReg src);
/* A new integer register holding the constant. */
extern HReg  amd64isel_imm64(AMD64ISelEnv* env, ULong imm);
/* A new integer register holding E zero-extended from type TY (I1, I8,
   I16, I32 or I64) to 64 bits. */
extern HReg  amd64isel_zeroExtend(AMD64ISelEnv* env, HReg src, IRType ty);

/* Integer expressions.  A register returned by _R may be a temporary's
   own register: the caller must not modify it (copy it first). */
extern HReg          amd64isel_IntExpr_R(AMD64ISelEnv* env, const IRExpr* e);
extern AMD64RMI*     amd64isel_IntExpr_RMI(AMD64ISelEnv* env, const IRExpr* e);
extern AMD64AMode*   amd64isel_IntExpr_AMode(AMD64ISelEnv* env,
                                             const IRExpr* e);
/* Sets the flags from I1 expression E and returns the condition under
   which E is true. */
extern AMD64CondCode amd64isel_CondCode(AMD64ISelEnv* env, const IRExpr* e);
/* The amode of element (IX + BIAS) mod nElems of DESCR in the guest
   state. */
extern AMD64AMode*   amd64isel_GuestArrayAMode(AMD64ISelEnv* env,
                                               const IRRegArray* descr,
                                               const IRExpr* ix, Int bias);

/* Rounding modes: sets MXCSR from the IRRoundingMode RM (an I32
   expression); returns False and does nothing when RM is the constant
   round-to-nearest.  The restore puts the default back. */
extern Bool amd64isel_setRoundingMode(AMD64ISelEnv* env, const IRExpr* rm);
extern void amd64isel_restoreRoundingMode(AMD64ISelEnv* env);

/* Moves the stack pointer by DELTA bytes (a multiple of 16).  Changes
   the flags. */
extern void amd64isel_addToRSP(AMD64ISelEnv* env, Int delta);

/* Calls the helper at FN with the N_ARGS integer registers ARGS[] (at
   most 6) as its arguments, unconditionally, for an integer result (in
   a new register, returned) or none (RETURNS_INT False; INVALID_HREG is
   returned).  ARGS[i] may be hregAMD64_RSP()/RBP() themselves. */
extern HReg amd64isel_callHelper(AMD64ISelEnv* env, const void* fn,
                                 Int n_args, const HReg* args,
                                 Bool returns_int);

/* ---- Defined in host_amd64_isel_simd.c ---- */

/* F32, F64 and V128 expressions: a vector register (the caller must not
   modify it). */
extern HReg amd64isel_FltExpr(AMD64ISelEnv* env, const IRExpr* e);
extern HReg amd64isel_DblExpr(AMD64ISelEnv* env, const IRExpr* e);
extern HReg amd64isel_VecExpr(AMD64ISelEnv* env, const IRExpr* e);
extern void amd64isel_V256Expr(HReg* hi, HReg* lo, AMD64ISelEnv* env,
                               const IRExpr* e);

/* Integer-valued operations whose operands are floating point or vectors
   (CmpF64, F64toI32S, V128to64, GetElem32x4, ReinterpF64asI64, ...) and
   the 64-bit SIMD (MMX-style) ops on I64.  Returns INVALID_HREG when E is
   none of these. */
extern HReg amd64isel_IntExprFromSimd(AMD64ISelEnv* env, const IRExpr* e);

/* Panics, naming what could not be selected. */
extern void amd64isel_unhandled(const HChar* where, const IRExpr* e)
   __attribute__((noreturn));

#endif /* __VEX_HOST_AMD64_ISEL_H */
