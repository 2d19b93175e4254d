/* The IR: VEX's intermediate representation of guest code.

   A superblock (IRSB) is a single-entry, multiple-exit sequence of
   statements (IRStmt) over expressions (IRExpr).  Values live in
   temporaries (IRTemp) in static single assignment form: each temporary
   is written once, before any use, and has one type, recorded in the
   block's type environment (IRTypeEnv).  In "flat" IR every operand of an
   expression is an atom (a temporary or a constant); only the right-hand
   side of a temporary's assignment may be a compound expression.

   The names of types, constructors, fields and operations are those
   Valgrind's VEX gives them, so that tools written against VEX's API read
   naturally here, and the printed form (ppIRSB and friends) is VEX's, so
   traces read like Valgrind's.  Everything is allocated with LibVEX_Alloc
   and lives until the end of the current translation. */
#ifndef __LIBVEX_IR_H
#define __LIBVEX_IR_H

#include "libvex_basictypes.h"

/* ================================================================== */
/* Types                                                              */
/* ================================================================== */

typedef enum {
   Ity_INVALID = 0x1100,
   Ity_I1,
   Ity_I8,
   Ity_I16,
   Ity_I32,
   Ity_I64,
   Ity_I128,   /* 128-bit scalar */
   Ity_F16,    /* IEEE 754 half */
   Ity_F32,    /* IEEE 754 single */
   Ity_F64,    /* IEEE 754 double */
   Ity_D32,    /* 32-bit decimal floating point */
   Ity_D64,
   Ity_D128,
   Ity_F128,   /* 128-bit floating point, implementation defined */
   Ity_V128,   /* 128-bit SIMD */
   Ity_V256    /* 256-bit SIMD */
} IRType;

extern void   ppIRType(IRType ty);
/* Size in bytes of a value of TY (not Ity_I1). */
extern Int    sizeofIRType(IRType ty);
/* Ity_I8/I16/I32/I64 for 1, 2, 4, 8. */
extern IRType integerIRTypeOfSize(Int szB);
/* Is TY one of the values of the enumeration (Ity_INVALID included)? */
extern Bool   isPlausibleIRType(IRType ty);

/* Endianness of a memory access. */
typedef enum {
   Iend_LE = 0x1200,
   Iend_BE
} IREndness;

/* ================================================================== */
/* Constants                                                          */
/* ================================================================== */

typedef enum {
   Ico_U1 = 0x1300,
   Ico_U8,
   Ico_U16,
   Ico_U32,
   Ico_U64,
   Ico_F32,    /* a float, held as a Float */
   Ico_F32i,   /* a float, held as its 32 bits */
   Ico_F64,    /* a double, held as a Double */
   Ico_F64i,   /* a double, held as its 64 bits */
   Ico_V128,   /* 16 bits, each standing for one byte of the vector:
                  bit i set means byte i is 0xFF, clear means 0x00 */
   Ico_V256    /* 32 bits, one per byte, as for V128 */
} IRConstTag;

typedef struct _IRConst {
   IRConstTag tag;
   union {
      Bool   U1;
      UChar  U8;
      UShort U16;
      UInt   U32;
      ULong  U64;
      Float  F32;
      UInt   F32i;
      Double F64;
      ULong  F64i;
      UShort V128;
      UInt   V256;
   } Ico;
} IRConst;

extern IRConst* IRConst_U1(Bool bit);
extern IRConst* IRConst_U8(UChar u8);
extern IRConst* IRConst_U16(UShort u16);
extern IRConst* IRConst_U32(UInt u32);
extern IRConst* IRConst_U64(ULong u64);
extern IRConst* IRConst_F32(Float f32);
extern IRConst* IRConst_F32i(UInt f32i);
extern IRConst* IRConst_F64(Double f64);
extern IRConst* IRConst_F64i(ULong f64i);
extern IRConst* IRConst_V128(UShort mask);
extern IRConst* IRConst_V256(UInt mask);

extern IRConst* deepCopyIRConst(const IRConst* c);
extern void     ppIRConst(const IRConst* c);
extern Bool     eqIRConst(const IRConst* c1, const IRConst* c2);

/* ================================================================== */
/* Helper calls and guest register arrays                             */
/* ================================================================== */

/* A function called from IR, clean (CCall) or dirty (IRDirty).
   REGPARMS: on x86, how many leading arguments go in registers (0..3);
   0 elsewhere.  MCX_MASK: bit i set tells memcheck not to check the
   definedness of argument i (it is ignored by everything else). */
typedef struct {
   Int          regparms;
   const HChar* name;
   void*        addr;
   UInt         mcx_mask;
} IRCallee;

extern IRCallee* mkIRCallee(Int regparms, const HChar* name, void* addr);
extern IRCallee* deepCopyIRCallee(const IRCallee* ce);
extern void      ppIRCallee(const IRCallee* ce);

/* A circular array of NELEMS guest registers of type ELEMTY starting at
   guest state offset BASE, indexed at run time by GetI/PutI (the x87
   register stack, for example). */
typedef struct {
   Int    base;
   IRType elemTy;
   Int    nElems;
} IRRegArray;

extern IRRegArray* mkIRRegArray(Int base, IRType elemTy, Int nElems);
extern IRRegArray* deepCopyIRRegArray(const IRRegArray* arr);
extern void        ppIRRegArray(const IRRegArray* arr);
extern Bool        eqIRRegArray(const IRRegArray* a1, const IRRegArray* a2);

/* ================================================================== */
/* Temporaries                                                        */
/* ================================================================== */

typedef UInt IRTemp;

#define IRTemp_INVALID ((IRTemp)0xFFFFFFFF)

extern void ppIRTemp(IRTemp tmp);

/* ================================================================== */
/* Operations                                                         */
/* ================================================================== */

/* Every operation has exactly one line in this table:

      OPn(Name, Result, Arg1, ..., Argn)

   n is the arity (1..4: used in Unop, Binop, Triop, Qop), Name gives both
   the enumerator Iop_<Name> and the printed name <Name>, and the types are
   IRType names without their "Ity_" prefix.  RM is a rounding mode: an
   Ity_I32 operand holding an IRRoundingMode, always the first argument.
   The printer (ppIROp) and the type checker (typeOfPrimop) are both driven
   by this table, so nothing about an op is written twice.

   Conventions, as in VEX:
   - Integer shifts take the amount as an I8; shifting by the width or more
     is undefined.
   - Comparisons producing I1 compare scalars; vector comparisons produce a
     lane mask (all ones or all zeroes per lane).
   - "Fx4"/"Fx2" operate on all lanes; "F0x4"/"F0x2" on the lowest lane
     only, copying the others from the first operand.
   - Saturating ops are QAdd/QSub; "Sx"/"Ux" say signed/unsigned lanes.
   - Narrowing ops take the high half of the result from the first operand.
   - CmpF32/CmpF64/CmpF128 give an IRCmpFResult (below) as an I32.
   Ops marked "(ours)" do not exist in Valgrind's VEX. */
#define VEX_FOR_EACH_IROP(OP1, OP2, OP3, OP4)                              \
   /* --- integer arithmetic and logic, at 8/16/32/64 bits --- */          \
   OP2(Add8, I8, I8, I8)        OP2(Add16, I16, I16, I16)                  \
   OP2(Add32, I32, I32, I32)    OP2(Add64, I64, I64, I64)                  \
   OP2(Sub8, I8, I8, I8)        OP2(Sub16, I16, I16, I16)                  \
   OP2(Sub32, I32, I32, I32)    OP2(Sub64, I64, I64, I64)                  \
   OP2(Mul8, I8, I8, I8)        OP2(Mul16, I16, I16, I16)                  \
   OP2(Mul32, I32, I32, I32)    OP2(Mul64, I64, I64, I64)                  \
   OP2(Or8, I8, I8, I8)         OP2(Or16, I16, I16, I16)                   \
   OP2(Or32, I32, I32, I32)     OP2(Or64, I64, I64, I64)                   \
   OP2(And8, I8, I8, I8)        OP2(And16, I16, I16, I16)                  \
   OP2(And32, I32, I32, I32)    OP2(And64, I64, I64, I64)                  \
   OP2(Xor8, I8, I8, I8)        OP2(Xor16, I16, I16, I16)                  \
   OP2(Xor32, I32, I32, I32)    OP2(Xor64, I64, I64, I64)                  \
   OP2(Shl8, I8, I8, I8)        OP2(Shl16, I16, I16, I8)                   \
   OP2(Shl32, I32, I32, I8)     OP2(Shl64, I64, I64, I8)                   \
   OP2(Shr8, I8, I8, I8)        OP2(Shr16, I16, I16, I8)                   \
   OP2(Shr32, I32, I32, I8)     OP2(Shr64, I64, I64, I8)                   \
   OP2(Sar8, I8, I8, I8)        OP2(Sar16, I16, I16, I8)                   \
   OP2(Sar32, I32, I32, I8)     OP2(Sar64, I64, I64, I8)                   \
   OP2(CmpEQ8, I1, I8, I8)      OP2(CmpEQ16, I1, I16, I16)                 \
   OP2(CmpEQ32, I1, I32, I32)   OP2(CmpEQ64, I1, I64, I64)                 \
   OP2(CmpNE8, I1, I8, I8)      OP2(CmpNE16, I1, I16, I16)                 \
   OP2(CmpNE32, I1, I32, I32)   OP2(CmpNE64, I1, I64, I64)                 \
   OP1(Not8, I8, I8)            OP1(Not16, I16, I16)                       \
   OP1(Not32, I32, I32)         OP1(Not64, I64, I64)                       \
   /* Comparisons made by CAS expansions (CasCmp) and by code whose      */ \
   /* definedness memcheck must track exactly (ExpCmpNE): same meaning   */ \
   /* as CmpEQ/CmpNE.                                                    */ \
   OP2(CasCmpEQ8, I1, I8, I8)   OP2(CasCmpEQ16, I1, I16, I16)              \
   OP2(CasCmpEQ32, I1, I32, I32) OP2(CasCmpEQ64, I1, I64, I64)             \
   OP2(CasCmpNE8, I1, I8, I8)   OP2(CasCmpNE16, I1, I16, I16)              \
   OP2(CasCmpNE32, I1, I32, I32) OP2(CasCmpNE64, I1, I64, I64)             \
   OP2(ExpCmpNE8, I1, I8, I8)   OP2(ExpCmpNE16, I1, I16, I16)              \
   OP2(ExpCmpNE32, I1, I32, I32) OP2(ExpCmpNE64, I1, I64, I64)             \
   OP1(Not1, I1, I1)                                                       \
   /* --- widening multiplies: double-width result --- */                 \
   OP2(MullS8, I16, I8, I8)     OP2(MullS16, I32, I16, I16)                \
   OP2(MullS32, I64, I32, I32)  OP2(MullS64, I128, I64, I64)               \
   OP2(MullU8, I16, I8, I8)     OP2(MullU16, I32, I16, I16)                \
   OP2(MullU32, I64, I32, I32)  OP2(MullU64, I128, I64, I64)               \
   /* --- bit counts: Clz/Ctz undefined for 0 --- */                      \
   OP1(Clz32, I32, I32)         OP1(Clz64, I64, I64)                       \
   OP1(Ctz32, I32, I32)         OP1(Ctz64, I64, I64)                       \
   OP1(PopCount32, I32, I32)    /* (ours) */                               \
   OP1(PopCount64, I64, I64)    /* (ours) */                               \
   /* --- ordered comparisons --- */                                      \
   OP2(CmpLT32S, I1, I32, I32)  OP2(CmpLE32S, I1, I32, I32)                \
   OP2(CmpLT32U, I1, I32, I32)  OP2(CmpLE32U, I1, I32, I32)                \
   OP2(CmpLT64S, I1, I64, I64)  OP2(CmpLE64S, I1, I64, I64)                \
   OP2(CmpLT64U, I1, I64, I64)  OP2(CmpLE64U, I1, I64, I64)                \
   /* --- memcheck's helpers: x != 0; all-ones if x != 0; x | -x --- */   \
   OP1(CmpNEZ8, I1, I8)         OP1(CmpNEZ16, I1, I16)                     \
   OP1(CmpNEZ32, I1, I32)       OP1(CmpNEZ64, I1, I64)                     \
   OP1(CmpwNEZ32, I32, I32)     OP1(CmpwNEZ64, I64, I64)                   \
   OP1(Left8, I8, I8)           OP1(Left16, I16, I16)                      \
   OP1(Left32, I32, I32)        OP1(Left64, I64, I64)                      \
   OP2(Max32U, I32, I32, I32)                                              \
   /* --- division: quotient; DivMod gives remainder:quotient --- */      \
   OP2(DivU32, I32, I32, I32)   OP2(DivS32, I32, I32, I32)                 \
   OP2(DivU64, I64, I64, I64)   OP2(DivS64, I64, I64, I64)                 \
   OP2(DivModU64to32, I64, I64, I32)                                       \
   OP2(DivModS64to32, I64, I64, I32)                                       \
   OP2(DivModU128to64, I128, I128, I64)                                    \
   OP2(DivModS128to64, I128, I128, I64)                                    \
   OP2(DivModU64to64, I128, I64, I64)                                      \
   OP2(DivModS64to64, I128, I64, I64)                                      \
   /* --- widening conversions --- */                                     \
   OP1(8Uto16, I16, I8)         OP1(8Uto32, I32, I8)                       \
   OP1(8Uto64, I64, I8)         OP1(16Uto32, I32, I16)                     \
   OP1(16Uto64, I64, I16)       OP1(32Uto64, I64, I32)                     \
   OP1(8Sto16, I16, I8)         OP1(8Sto32, I32, I8)                       \
   OP1(8Sto64, I64, I8)         OP1(16Sto32, I32, I16)                     \
   OP1(16Sto64, I64, I16)       OP1(32Sto64, I64, I32)                     \
   /* --- narrowing and pairing: "HI" takes the upper half, "HL"      */  \
   /* --- builds a double-width value from (high, low) --- */             \
   OP1(64to8, I8, I64)          OP1(32to8, I8, I32)                        \
   OP1(64to16, I16, I64)        OP1(16to8, I8, I16)                        \
   OP1(16HIto8, I8, I16)        OP2(8HLto16, I16, I8, I8)                  \
   OP1(32to16, I16, I32)        OP1(32HIto16, I16, I32)                    \
   OP2(16HLto32, I32, I16, I16)                                            \
   OP1(64to32, I32, I64)        OP1(64HIto32, I32, I64)                    \
   OP2(32HLto64, I64, I32, I32)                                            \
   OP1(128to64, I64, I128)      OP1(128HIto64, I64, I128)                  \
   OP2(64HLto128, I128, I64, I64)                                          \
   /* --- one-bit values: "to1" takes the lowest bit --- */               \
   OP1(32to1, I1, I32)          OP1(64to1, I1, I64)                        \
   OP1(1Uto8, I8, I1)           OP1(1Uto32, I32, I1)                       \
   OP1(1Uto64, I64, I1)                                                    \
   OP1(1Sto8, I8, I1)           OP1(1Sto16, I16, I1)                       \
   OP1(1Sto32, I32, I1)         OP1(1Sto64, I64, I1)                       \
                                                                           \
   /* --- scalar floating point --- */                                    \
   OP3(AddF64, F64, RM, F64, F64)  OP3(SubF64, F64, RM, F64, F64)          \
   OP3(MulF64, F64, RM, F64, F64)  OP3(DivF64, F64, RM, F64, F64)          \
   OP3(AddF32, F32, RM, F32, F32)  OP3(SubF32, F32, RM, F32, F32)          \
   OP3(MulF32, F32, RM, F32, F32)  OP3(DivF32, F32, RM, F32, F32)          \
   /* fused multiply-add: arg2 * arg3 +/- arg4, rounded once */           \
   OP4(MAddF32, F32, RM, F32, F32, F32)                                    \
   OP4(MSubF32, F32, RM, F32, F32, F32)                                    \
   OP4(MAddF64, F64, RM, F64, F64, F64)                                    \
   OP4(MSubF64, F64, RM, F64, F64, F64)                                    \
   OP1(NegF64, F64, F64)        OP1(AbsF64, F64, F64)                      \
   OP1(NegF32, F32, F32)        OP1(AbsF32, F32, F32)                      \
   OP2(SqrtF64, F64, RM, F64)   OP2(SqrtF32, F32, RM, F32)                 \
   OP2(MaxNumF64, F64, F64, F64) OP2(MinNumF64, F64, F64, F64)             \
   OP2(MaxNumF32, F32, F32, F32) OP2(MinNumF32, F32, F32, F32)             \
   OP2(CmpF64, I32, F64, F64)   OP2(CmpF32, I32, F32, F32)                 \
   /* conversions; those that may be inexact take a rounding mode */      \
   OP2(F64toI16S, I16, RM, F64) OP2(F64toI32S, I32, RM, F64)               \
   OP2(F64toI64S, I64, RM, F64) OP2(F64toI32U, I32, RM, F64)               \
   OP2(F64toI64U, I64, RM, F64)                                            \
   OP2(F32toI32S, I32, RM, F32) OP2(F32toI64S, I64, RM, F32)               \
   OP2(F32toI32U, I32, RM, F32) OP2(F32toI64U, I64, RM, F32)               \
   OP1(I32StoF64, F64, I32)     OP1(I32UtoF64, F64, I32)                   \
   OP2(I64StoF64, F64, RM, I64) OP2(I64UtoF64, F64, RM, I64)               \
   OP2(I32StoF32, F32, RM, I32) OP2(I32UtoF32, F32, RM, I32)               \
   OP2(I64StoF32, F32, RM, I64) OP2(I64UtoF32, F32, RM, I64)               \
   OP1(F32toF64, F64, F32)      OP2(F64toF32, F32, RM, F64)                \
   OP1(F16toF32, F32, F16)      OP1(F16toF64, F64, F16)                    \
   OP2(F32toF16, F16, RM, F32)  OP2(F64toF16, F16, RM, F64)                \
   OP1(ReinterpF64asI64, I64, F64) OP1(ReinterpI64asF64, F64, I64)         \
   OP1(ReinterpF32asI32, I32, F32) OP1(ReinterpI32asF32, F32, I32)         \
   /* round to an integral value, kept as a float */                      \
   OP2(RoundF64toInt, F64, RM, F64) OP2(RoundF32toInt, F32, RM, F32)       \
   /* round to single precision, kept as a double */                      \
   OP2(RoundF64toF32, F64, RM, F64)                                        \
   /* x87 transcendentals and friends (computed by helpers) */            \
   OP3(AtanF64, F64, RM, F64, F64)  OP3(Yl2xF64, F64, RM, F64, F64)        \
   OP3(Yl2xp1F64, F64, RM, F64, F64) OP3(ScaleF64, F64, RM, F64, F64)      \
   OP3(PRemF64, F64, RM, F64, F64)  OP3(PRem1F64, F64, RM, F64, F64)       \
   OP3(PRemC3210F64, I32, RM, F64, F64)                                    \
   OP3(PRem1C3210F64, I32, RM, F64, F64)                                   \
   OP2(SinF64, F64, RM, F64)    OP2(CosF64, F64, RM, F64)                  \
   OP2(TanF64, F64, RM, F64)    OP2(2xm1F64, F64, RM, F64)                 \
   /* 128-bit floating point */                                           \
   OP3(AddF128, F128, RM, F128, F128) OP3(SubF128, F128, RM, F128, F128)   \
   OP3(MulF128, F128, RM, F128, F128) OP3(DivF128, F128, RM, F128, F128)   \
   OP1(NegF128, F128, F128)     OP1(AbsF128, F128, F128)                   \
   OP2(SqrtF128, F128, RM, F128) OP2(CmpF128, I32, F128, F128)             \
   OP1(F64toF128, F128, F64)    OP2(F128toF64, F64, RM, F128)              \
   OP2(F64HLtoF128, F128, F64, F64)                                        \
   OP1(F128HItoF64, F64, F128)  OP1(F128LOtoF64, F64, F128)                \
                                                                           \
   /* --- 64-bit SIMD (MMX) on I64 --- */                                 \
   OP2(Add8x8, I64, I64, I64)   OP2(Add16x4, I64, I64, I64)                \
   OP2(Add32x2, I64, I64, I64)                                             \
   OP2(QAdd8Ux8, I64, I64, I64) OP2(QAdd16Ux4, I64, I64, I64)              \
   OP2(QAdd8Sx8, I64, I64, I64) OP2(QAdd16Sx4, I64, I64, I64)              \
   OP2(Sub8x8, I64, I64, I64)   OP2(Sub16x4, I64, I64, I64)                \
   OP2(Sub32x2, I64, I64, I64)                                             \
   OP2(QSub8Ux8, I64, I64, I64) OP2(QSub16Ux4, I64, I64, I64)              \
   OP2(QSub8Sx8, I64, I64, I64) OP2(QSub16Sx4, I64, I64, I64)              \
   OP2(Mul16x4, I64, I64, I64)  OP2(Mul32x2, I64, I64, I64)                \
   OP2(MulHi16Ux4, I64, I64, I64) OP2(MulHi16Sx4, I64, I64, I64)           \
   OP2(Avg8Ux8, I64, I64, I64)  OP2(Avg16Ux4, I64, I64, I64)               \
   OP2(Max16Sx4, I64, I64, I64) OP2(Max8Ux8, I64, I64, I64)                \
   OP2(Min16Sx4, I64, I64, I64) OP2(Min8Ux8, I64, I64, I64)                \
   OP2(CmpEQ8x8, I64, I64, I64) OP2(CmpEQ16x4, I64, I64, I64)              \
   OP2(CmpEQ32x2, I64, I64, I64)                                           \
   OP2(CmpGT8Sx8, I64, I64, I64) OP2(CmpGT16Sx4, I64, I64, I64)            \
   OP2(CmpGT32Sx2, I64, I64, I64)                                          \
   OP1(CmpNEZ8x8, I64, I64)     OP1(CmpNEZ16x4, I64, I64)                  \
   OP1(CmpNEZ32x2, I64, I64)                                               \
   OP2(ShlN8x8, I64, I64, I8)   OP2(ShlN16x4, I64, I64, I8)                \
   OP2(ShlN32x2, I64, I64, I8)                                             \
   OP2(ShrN8x8, I64, I64, I8)   OP2(ShrN16x4, I64, I64, I8)                \
   OP2(ShrN32x2, I64, I64, I8)                                             \
   OP2(SarN8x8, I64, I64, I8)   OP2(SarN16x4, I64, I64, I8)                \
   OP2(SarN32x2, I64, I64, I8)                                             \
   OP2(QNarrowBin16Sto8Sx8, I64, I64, I64)                                 \
   OP2(QNarrowBin16Sto8Ux8, I64, I64, I64)                                 \
   OP2(QNarrowBin32Sto16Sx4, I64, I64, I64)                                \
   OP2(InterleaveHI8x8, I64, I64, I64) OP2(InterleaveHI16x4, I64, I64, I64) \
   OP2(InterleaveHI32x2, I64, I64, I64)                                    \
   OP2(InterleaveLO8x8, I64, I64, I64) OP2(InterleaveLO16x4, I64, I64, I64) \
   OP2(InterleaveLO32x2, I64, I64, I64)                                    \
   OP2(CatOddLanes8x8, I64, I64, I64)  OP2(CatEvenLanes8x8, I64, I64, I64) \
   OP2(CatOddLanes16x4, I64, I64, I64) OP2(CatEvenLanes16x4, I64, I64, I64) \
   OP2(Perm8x8, I64, I64, I64)                                             \
   OP1(Abs8x8, I64, I64)        OP1(Abs16x4, I64, I64)                     \
   OP1(Abs32x2, I64, I64)                                                  \
   OP1(GetMSBs8x8, I8, I64)                                                \
   /* concatenate (arg1:arg2) and take 8 bytes from byte arg3 up */       \
   OP3(Slice64, I64, I64, I64, I8)                                         \
                                                                           \
   /* --- 128-bit SIMD: floating point --- */                             \
   OP3(Add32Fx4, V128, RM, V128, V128) OP3(Sub32Fx4, V128, RM, V128, V128) \
   OP3(Mul32Fx4, V128, RM, V128, V128) OP3(Div32Fx4, V128, RM, V128, V128) \
   OP3(Add64Fx2, V128, RM, V128, V128) OP3(Sub64Fx2, V128, RM, V128, V128) \
   OP3(Mul64Fx2, V128, RM, V128, V128) OP3(Div64Fx2, V128, RM, V128, V128) \
   OP2(Max32Fx4, V128, V128, V128) OP2(Min32Fx4, V128, V128, V128)         \
   OP2(Max64Fx2, V128, V128, V128) OP2(Min64Fx2, V128, V128, V128)         \
   OP2(Add32F0x4, V128, V128, V128) OP2(Sub32F0x4, V128, V128, V128)       \
   OP2(Mul32F0x4, V128, V128, V128) OP2(Div32F0x4, V128, V128, V128)       \
   OP2(Max32F0x4, V128, V128, V128) OP2(Min32F0x4, V128, V128, V128)       \
   OP2(Add64F0x2, V128, V128, V128) OP2(Sub64F0x2, V128, V128, V128)       \
   OP2(Mul64F0x2, V128, V128, V128) OP2(Div64F0x2, V128, V128, V128)       \
   OP2(Max64F0x2, V128, V128, V128) OP2(Min64F0x2, V128, V128, V128)       \
   OP2(CmpEQ32Fx4, V128, V128, V128) OP2(CmpLT32Fx4, V128, V128, V128)     \
   OP2(CmpLE32Fx4, V128, V128, V128) OP2(CmpUN32Fx4, V128, V128, V128)     \
   OP2(CmpGT32Fx4, V128, V128, V128) OP2(CmpGE32Fx4, V128, V128, V128)     \
   OP2(CmpEQ64Fx2, V128, V128, V128) OP2(CmpLT64Fx2, V128, V128, V128)     \
   OP2(CmpLE64Fx2, V128, V128, V128) OP2(CmpUN64Fx2, V128, V128, V128)     \
   OP2(CmpEQ32F0x4, V128, V128, V128) OP2(CmpLT32F0x4, V128, V128, V128)   \
   OP2(CmpLE32F0x4, V128, V128, V128) OP2(CmpUN32F0x4, V128, V128, V128)   \
   OP2(CmpEQ64F0x2, V128, V128, V128) OP2(CmpLT64F0x2, V128, V128, V128)   \
   OP2(CmpLE64F0x2, V128, V128, V128) OP2(CmpUN64F0x2, V128, V128, V128)   \
   OP2(Sqrt32Fx4, V128, RM, V128) OP2(Sqrt64Fx2, V128, RM, V128)           \
   OP1(Sqrt32F0x4, V128, V128)  OP1(Sqrt64F0x2, V128, V128)                \
   OP1(RecipEst32Fx4, V128, V128) OP1(RecipEst32F0x4, V128, V128)          \
   OP1(RSqrtEst32Fx4, V128, V128) OP1(RSqrtEst32F0x4, V128, V128)          \
   OP1(RecipEst64Fx2, V128, V128) OP1(RSqrtEst64Fx2, V128, V128)           \
   OP1(Abs32Fx4, V128, V128)    OP1(Abs64Fx2, V128, V128)                  \
   OP1(Neg32Fx4, V128, V128)    OP1(Neg64Fx2, V128, V128)                  \
   OP2(I32StoF32x4, V128, RM, V128) OP2(F32toI32Sx4, V128, RM, V128)       \
   OP1(F32toI32Sx4_RZ, V128, V128) OP1(F32toI32Ux4_RZ, V128, V128)         \
   OP1(RoundF32x4_RM, V128, V128) OP1(RoundF32x4_RP, V128, V128)           \
   OP1(RoundF32x4_RN, V128, V128) OP1(RoundF32x4_RZ, V128, V128)           \
                                                                           \
   /* --- 128-bit SIMD: whole-vector and scalar<->vector --- */           \
   OP2(AndV128, V128, V128, V128) OP2(OrV128, V128, V128, V128)            \
   OP2(XorV128, V128, V128, V128) OP1(NotV128, V128, V128)                 \
   /* shift the whole vector by a number of bits (a multiple of 8) */     \
   OP2(ShlV128, V128, V128, I8) OP2(ShrV128, V128, V128, I8)               \
   OP1(V128to32, I32, V128)     OP1(V128to64, I64, V128)                   \
   OP1(V128HIto64, I64, V128)   OP2(64HLtoV128, V128, I64, I64)            \
   OP1(32UtoV128, V128, I32)    OP1(64UtoV128, V128, I64)                  \
   OP2(SetV128lo32, V128, V128, I32) OP2(SetV128lo64, V128, V128, I64)     \
   OP1(ZeroHI64ofV128, V128, V128)  OP1(ZeroHI96ofV128, V128, V128)        \
   OP1(ZeroHI112ofV128, V128, V128) OP1(ZeroHI120ofV128, V128, V128)       \
   OP1(Dup8x16, V128, I8)       OP1(Dup16x8, V128, I16)                    \
   OP1(Dup32x4, V128, I32)                                                 \
   OP1(Dup8x8, I64, I8)         OP1(Dup16x4, I64, I16)                     \
   OP1(Dup32x2, I64, I32)                                                  \
   OP2(GetElem8x16, I8, V128, I8)   OP2(GetElem16x8, I16, V128, I8)        \
   OP2(GetElem32x4, I32, V128, I8)  OP2(GetElem64x2, I64, V128, I8)        \
   OP1(GetMSBs8x16, I16, V128)                                             \
   /* concatenate (arg1:arg2) and take 16 bytes from byte arg3 up */      \
   OP3(SliceV128, V128, V128, V128, I8)                                    \
                                                                           \
   /* --- 128-bit SIMD: integer lanes --- */                              \
   OP2(Add8x16, V128, V128, V128) OP2(Add16x8, V128, V128, V128)           \
   OP2(Add32x4, V128, V128, V128) OP2(Add64x2, V128, V128, V128)           \
   OP2(QAdd8Ux16, V128, V128, V128) OP2(QAdd16Ux8, V128, V128, V128)       \
   OP2(QAdd32Ux4, V128, V128, V128) OP2(QAdd64Ux2, V128, V128, V128)       \
   OP2(QAdd8Sx16, V128, V128, V128) OP2(QAdd16Sx8, V128, V128, V128)       \
   OP2(QAdd32Sx4, V128, V128, V128) OP2(QAdd64Sx2, V128, V128, V128)       \
   OP2(Sub8x16, V128, V128, V128) OP2(Sub16x8, V128, V128, V128)           \
   OP2(Sub32x4, V128, V128, V128) OP2(Sub64x2, V128, V128, V128)           \
   OP2(QSub8Ux16, V128, V128, V128) OP2(QSub16Ux8, V128, V128, V128)       \
   OP2(QSub32Ux4, V128, V128, V128) OP2(QSub64Ux2, V128, V128, V128)       \
   OP2(QSub8Sx16, V128, V128, V128) OP2(QSub16Sx8, V128, V128, V128)       \
   OP2(QSub32Sx4, V128, V128, V128) OP2(QSub64Sx2, V128, V128, V128)       \
   OP2(Mul8x16, V128, V128, V128) OP2(Mul16x8, V128, V128, V128)           \
   OP2(Mul32x4, V128, V128, V128)                                          \
   OP2(MulHi16Ux8, V128, V128, V128) OP2(MulHi16Sx8, V128, V128, V128)     \
   OP2(MulHi32Ux4, V128, V128, V128) OP2(MulHi32Sx4, V128, V128, V128)     \
   /* widening multiply of the even-numbered lanes */                     \
   OP2(MullEven8Ux16, V128, V128, V128) OP2(MullEven16Ux8, V128, V128, V128) \
   OP2(MullEven32Ux4, V128, V128, V128) OP2(MullEven8Sx16, V128, V128, V128) \
   OP2(MullEven16Sx8, V128, V128, V128) OP2(MullEven32Sx4, V128, V128, V128) \
   OP2(Avg8Ux16, V128, V128, V128) OP2(Avg16Ux8, V128, V128, V128)         \
   OP2(Max8Sx16, V128, V128, V128) OP2(Max16Sx8, V128, V128, V128)         \
   OP2(Max32Sx4, V128, V128, V128)                                         \
   OP2(Max8Ux16, V128, V128, V128) OP2(Max16Ux8, V128, V128, V128)         \
   OP2(Max32Ux4, V128, V128, V128)                                         \
   OP2(Min8Sx16, V128, V128, V128) OP2(Min16Sx8, V128, V128, V128)         \
   OP2(Min32Sx4, V128, V128, V128)                                         \
   OP2(Min8Ux16, V128, V128, V128) OP2(Min16Ux8, V128, V128, V128)         \
   OP2(Min32Ux4, V128, V128, V128)                                         \
   OP1(Abs8x16, V128, V128)     OP1(Abs16x8, V128, V128)                   \
   OP1(Abs32x4, V128, V128)     OP1(Abs64x2, V128, V128)                   \
   OP2(CmpEQ8x16, V128, V128, V128) OP2(CmpEQ16x8, V128, V128, V128)       \
   OP2(CmpEQ32x4, V128, V128, V128) OP2(CmpEQ64x2, V128, V128, V128)       \
   OP2(CmpGT8Sx16, V128, V128, V128) OP2(CmpGT16Sx8, V128, V128, V128)     \
   OP2(CmpGT32Sx4, V128, V128, V128) OP2(CmpGT64Sx2, V128, V128, V128)     \
   OP2(CmpGT8Ux16, V128, V128, V128) OP2(CmpGT16Ux8, V128, V128, V128)     \
   OP2(CmpGT32Ux4, V128, V128, V128)                                       \
   OP1(CmpNEZ8x16, V128, V128)  OP1(CmpNEZ16x8, V128, V128)                \
   OP1(CmpNEZ32x4, V128, V128)  OP1(CmpNEZ64x2, V128, V128)                \
   /* shifts of every lane by the same amount (an I8) */                  \
   OP2(ShlN8x16, V128, V128, I8) OP2(ShlN16x8, V128, V128, I8)             \
   OP2(ShlN32x4, V128, V128, I8) OP2(ShlN64x2, V128, V128, I8)             \
   OP2(ShrN8x16, V128, V128, I8) OP2(ShrN16x8, V128, V128, I8)             \
   OP2(ShrN32x4, V128, V128, I8) OP2(ShrN64x2, V128, V128, I8)             \
   OP2(SarN8x16, V128, V128, I8) OP2(SarN16x8, V128, V128, I8)             \
   OP2(SarN32x4, V128, V128, I8) OP2(SarN64x2, V128, V128, I8)             \
   /* shifts of each lane by the corresponding lane of arg2 */            \
   OP2(Shl8x16, V128, V128, V128) OP2(Shl16x8, V128, V128, V128)           \
   OP2(Shl32x4, V128, V128, V128) OP2(Shl64x2, V128, V128, V128)           \
   OP2(Shr8x16, V128, V128, V128) OP2(Shr16x8, V128, V128, V128)           \
   OP2(Shr32x4, V128, V128, V128) OP2(Shr64x2, V128, V128, V128)           \
   OP2(Sar8x16, V128, V128, V128) OP2(Sar16x8, V128, V128, V128)           \
   OP2(Sar32x4, V128, V128, V128) OP2(Sar64x2, V128, V128, V128)           \
   OP2(QNarrowBin16Sto8Sx16, V128, V128, V128)                             \
   OP2(QNarrowBin16Sto8Ux16, V128, V128, V128)                             \
   OP2(QNarrowBin32Sto16Sx8, V128, V128, V128)                             \
   OP2(QNarrowBin32Sto16Ux8, V128, V128, V128)                             \
   OP2(NarrowBin16to8x16, V128, V128, V128)                                \
   OP2(NarrowBin32to16x8, V128, V128, V128)                                \
   OP2(NarrowBin64to32x4, V128, V128, V128)                                \
   OP2(InterleaveHI8x16, V128, V128, V128) OP2(InterleaveHI16x8, V128, V128, V128) \
   OP2(InterleaveHI32x4, V128, V128, V128) OP2(InterleaveHI64x2, V128, V128, V128) \
   OP2(InterleaveLO8x16, V128, V128, V128) OP2(InterleaveLO16x8, V128, V128, V128) \
   OP2(InterleaveLO32x4, V128, V128, V128) OP2(InterleaveLO64x2, V128, V128, V128) \
   OP2(CatOddLanes8x16, V128, V128, V128)  OP2(CatEvenLanes8x16, V128, V128, V128) \
   OP2(CatOddLanes16x8, V128, V128, V128)  OP2(CatEvenLanes16x8, V128, V128, V128) \
   OP2(CatOddLanes32x4, V128, V128, V128)  OP2(CatEvenLanes32x4, V128, V128, V128) \
   /* byte/lane permutes: result lane i = arg1[arg2 lane i] */            \
   OP2(Perm8x16, V128, V128, V128) OP2(Perm32x4, V128, V128, V128)         \
   /* as Perm8x16, but an index with its top bit set gives zero */        \
   OP2(PermOrZero8x16, V128, V128, V128)                                   \
                                                                           \
   /* --- 256-bit SIMD: the minimum, for AVX later --- */                 \
   OP1(V256toV128_0, V128, V256) OP1(V256toV128_1, V128, V256)             \
   OP2(V128HLtoV256, V256, V128, V128)                                     \
   OP1(V256to64_0, I64, V256)   OP1(V256to64_1, I64, V256)                 \
   OP1(V256to64_2, I64, V256)   OP1(V256to64_3, I64, V256)                 \
   OP4(64x4toV256, V256, I64, I64, I64, I64)                               \
   OP2(AndV256, V256, V256, V256) OP2(OrV256, V256, V256, V256)            \
   OP2(XorV256, V256, V256, V256) OP1(NotV256, V256, V256)

#define VEX_IROP_ENUMERATOR1(name, r, a1)             Iop_##name,
#define VEX_IROP_ENUMERATOR2(name, r, a1, a2)         Iop_##name,
#define VEX_IROP_ENUMERATOR3(name, r, a1, a2, a3)     Iop_##name,
#define VEX_IROP_ENUMERATOR4(name, r, a1, a2, a3, a4) Iop_##name,

typedef enum {
   Iop_INVALID = 0x1400,
   VEX_FOR_EACH_IROP(VEX_IROP_ENUMERATOR1, VEX_IROP_ENUMERATOR2,
                     VEX_IROP_ENUMERATOR3, VEX_IROP_ENUMERATOR4)
   Iop_LAST    /* not an op: one past the last */
} IROp;

#undef VEX_IROP_ENUMERATOR1
#undef VEX_IROP_ENUMERATOR2
#undef VEX_IROP_ENUMERATOR3
#undef VEX_IROP_ENUMERATOR4

/* Prints the op's name, e.g. "Add64". */
extern void ppIROp(IROp op);
/* The op's name, e.g. "Add64" (ours). */
extern const HChar* nameOfIROp(IROp op);
/* Is OP a real operation (strictly between Iop_INVALID and Iop_LAST)?
   (ours) */
extern Bool isValidIROp(IROp op);
/* The op's result and argument types; unused arguments are Ity_INVALID.
   A rounding-mode argument is reported as Ity_I32. */
extern void typeOfPrimop(IROp op, /*OUT*/IRType* t_dst,
                         /*OUT*/IRType* t_arg1, /*OUT*/IRType* t_arg2,
                         /*OUT*/IRType* t_arg3, /*OUT*/IRType* t_arg4);
/* How many arguments the op takes, 1..4 (ours). */
extern Int arityOfIROp(IROp op);

/* The rounding modes, as held in the I32 rounding-mode operand. */
typedef enum {
   Irrm_NEAREST              = 0,   /* round to nearest, ties to even */
   Irrm_NegINF               = 1,   /* towards -infinity */
   Irrm_PosINF               = 2,   /* towards +infinity */
   Irrm_ZERO                 = 3,   /* towards zero */
   Irrm_NEAREST_TIE_AWAY_0   = 4,   /* nearest, ties away from zero */
   Irrm_PREPARE_SHORTER      = 5,   /* round to prepare for shorter precision */
   Irrm_AWAY_FROM_ZERO       = 6,
   Irrm_NEAREST_TIE_TOWARD_0 = 7
} IRRoundingMode;

/* The result of CmpF32/CmpF64/CmpF128.  The values are those of the
   x87's C3,C2,C0 condition bits after FCOM (bits 6, 2, 0). */
typedef enum {
   Ircr_GT = 0x00,
   Ircr_LT = 0x01,
   Ircr_EQ = 0x40,
   Ircr_UN = 0x45
} IRCmpFResult;

typedef IRCmpFResult IRCmpF32Result;
typedef IRCmpFResult IRCmpF64Result;
typedef IRCmpFResult IRCmpF128Result;

/* ================================================================== */
/* Expressions                                                        */
/* ================================================================== */

typedef enum {
   Iex_Binder = 0x1900,  /* pattern-matching placeholder, never in blocks */
   Iex_Get,              /* read the guest state at a fixed offset */
   Iex_GetI,             /* read the guest state at a computed offset */
   Iex_RdTmp,            /* read a temporary */
   Iex_Qop,              /* four-argument operation */
   Iex_Triop,            /* three-argument operation */
   Iex_Binop,            /* two-argument operation */
   Iex_Unop,             /* one-argument operation */
   Iex_Load,             /* read memory */
   Iex_Const,            /* a constant */
   Iex_ITE,              /* if-then-else: both arms are evaluated */
   Iex_CCall,            /* call a clean (pure) helper function */
   Iex_VECRET,           /* dirty-call argument: where to put a V128/V256
                            result */
   Iex_GSPTR             /* dirty-call argument: the guest state pointer */
} IRExprTag;

typedef struct _IRExpr  IRExpr;
typedef struct _IRQop   IRQop;
typedef struct _IRTriop IRTriop;

struct _IRExpr {
   IRExprTag tag;
   union {
      struct { Int binder; } Binder;
      /* GET:ty(offset) */
      struct { Int offset; IRType ty; } Get;
      /* GETI(descr)[ix,bias]: element (ix + bias) mod nElems */
      struct { IRRegArray* descr; IRExpr* ix; Int bias; } GetI;
      /* tN */
      struct { IRTemp tmp; } RdTmp;
      /* op(arg1,arg2,arg3,arg4) */
      struct { IRQop* details; } Qop;
      /* op(arg1,arg2,arg3) */
      struct { IRTriop* details; } Triop;
      /* op(arg1,arg2) */
      struct { IROp op; IRExpr* arg1; IRExpr* arg2; } Binop;
      /* op(arg) */
      struct { IROp op; IRExpr* arg; } Unop;
      /* LDle:ty(addr) */
      struct { IREndness end; IRType ty; IRExpr* addr; } Load;
      /* the constant's printed form */
      struct { IRConst* con; } Const;
      /* name{addr}(args):retty.  ARGS is NULL-terminated; no argument may
         be of type I1, nor VECRET or GSPTR.  The callee must not touch
         memory or guest state: it is a pure function of its arguments. */
      struct { IRCallee* cee; IRType retty; IRExpr** args; } CCall;
      /* ITE(cond,iftrue,iffalse); cond :: I1 */
      struct { IRExpr* cond; IRExpr* iftrue; IRExpr* iffalse; } ITE;
   } Iex;
};

struct _IRTriop {
   IROp    op;
   IRExpr* arg1;
   IRExpr* arg2;
   IRExpr* arg3;
};

struct _IRQop {
   IROp    op;
   IRExpr* arg1;
   IRExpr* arg2;
   IRExpr* arg3;
   IRExpr* arg4;
};

extern IRExpr* IRExpr_Binder(Int binder);
extern IRExpr* IRExpr_Get(Int off, IRType ty);
extern IRExpr* IRExpr_GetI(IRRegArray* descr, IRExpr* ix, Int bias);
extern IRExpr* IRExpr_RdTmp(IRTemp tmp);
extern IRExpr* IRExpr_Qop(IROp op, IRExpr* arg1, IRExpr* arg2,
                          IRExpr* arg3, IRExpr* arg4);
extern IRExpr* IRExpr_Triop(IROp op, IRExpr* arg1, IRExpr* arg2,
                            IRExpr* arg3);
extern IRExpr* IRExpr_Binop(IROp op, IRExpr* arg1, IRExpr* arg2);
extern IRExpr* IRExpr_Unop(IROp op, IRExpr* arg);
extern IRExpr* IRExpr_Load(IREndness end, IRType ty, IRExpr* addr);
extern IRExpr* IRExpr_Const(IRConst* con);
extern IRExpr* IRExpr_CCall(IRCallee* cee, IRType retty, IRExpr** args);
extern IRExpr* IRExpr_ITE(IRExpr* cond, IRExpr* iftrue, IRExpr* iffalse);
extern IRExpr* IRExpr_VECRET(void);
extern IRExpr* IRExpr_GSPTR(void);

extern IRExpr* deepCopyIRExpr(const IRExpr* e);
extern void    ppIRExpr(const IRExpr* e);

/* NULL-terminated argument vectors for helper calls. */
extern IRExpr** mkIRExprVec_0(void);
extern IRExpr** mkIRExprVec_1(IRExpr* a1);
extern IRExpr** mkIRExprVec_2(IRExpr* a1, IRExpr* a2);
extern IRExpr** mkIRExprVec_3(IRExpr* a1, IRExpr* a2, IRExpr* a3);
extern IRExpr** mkIRExprVec_4(IRExpr* a1, IRExpr* a2, IRExpr* a3,
                              IRExpr* a4);
extern IRExpr** mkIRExprVec_5(IRExpr* a1, IRExpr* a2, IRExpr* a3,
                              IRExpr* a4, IRExpr* a5);
extern IRExpr** mkIRExprVec_6(IRExpr* a1, IRExpr* a2, IRExpr* a3,
                              IRExpr* a4, IRExpr* a5, IRExpr* a6);
extern IRExpr** mkIRExprVec_7(IRExpr* a1, IRExpr* a2, IRExpr* a3,
                              IRExpr* a4, IRExpr* a5, IRExpr* a6,
                              IRExpr* a7);
extern IRExpr** mkIRExprVec_8(IRExpr* a1, IRExpr* a2, IRExpr* a3,
                              IRExpr* a4, IRExpr* a5, IRExpr* a6,
                              IRExpr* a7, IRExpr* a8);
extern IRExpr** shallowCopyIRExprVec(IRExpr** vec);
extern IRExpr** deepCopyIRExprVec(IRExpr* const* vec);

/* A clean helper call: mkIRCallee + IRExpr_CCall. */
extern IRExpr* mkIRExprCCall(IRType retty, Int regparms, const HChar* name,
                             void* addr, IRExpr** args);
/* A constant of the host's word size (I32 or I64). */
extern IRExpr* mkIRExpr_HWord(HWord hw);

/* An atom is a temporary or a constant. */
extern Bool isIRAtom(const IRExpr* e);
/* Are two atoms the same temporary or equal constants? */
extern Bool eqIRAtom(const IRExpr* a1, const IRExpr* a2);

static inline Bool is_IRExpr_VECRET_or_GSPTR(const IRExpr* e)
{
   return e->tag == Iex_VECRET || e->tag == Iex_GSPTR;
}

/* ================================================================== */
/* Jump kinds: why a block is left                                    */
/* ================================================================== */

typedef enum {
   Ijk_INVALID = 0x1A00,
   Ijk_Boring,          /* an ordinary jump */
   Ijk_Call,            /* a call */
   Ijk_Ret,             /* a return (printed "Return") */
   Ijk_ClientReq,       /* a client request follows */
   Ijk_Yield,           /* let another thread run */
   Ijk_EmWarn,          /* report an emulation warning, then go on */
   Ijk_EmFail,          /* an emulation failure: stop */
   Ijk_NoDecode,        /* the next instruction could not be decoded */
   Ijk_MapFail,         /* the guest address is not mapped */
   Ijk_InvalICache,     /* discard translations of a range, then go on */
   Ijk_FlushDCache,     /* flush the data cache for a range */
   Ijk_NoRedir,         /* jump to the target without redirection */
   Ijk_SigILL,          /* deliver a signal to the guest */
   Ijk_SigTRAP,
   Ijk_SigSEGV,
   Ijk_SigBUS,
   Ijk_SigFPE_IntDiv,
   Ijk_SigFPE_IntOvf,
   Ijk_Sys_syscall,     /* system calls, by instruction */
   Ijk_Sys_int32,
   Ijk_Sys_int128,
   Ijk_Sys_int129,
   Ijk_Sys_int130,
   Ijk_Sys_int145,
   Ijk_Sys_int210,
   Ijk_Sys_sysenter
} IRJumpKind;

extern void ppIRJumpKind(IRJumpKind kind);

/* ================================================================== */
/* Dirty helper calls                                                 */
/* ================================================================== */

/* How a dirty call touches memory or the guest state. */
typedef enum {
   Ifx_None = 0x1B00,
   Ifx_Read,
   Ifx_Write,
   Ifx_Modify
} IREffect;

extern void ppIREffect(IREffect fx);

#define VEX_N_FXSTATE 7

/* A call to a helper that may have side effects.  It happens only when
   GUARD (:: I1) is true; its result, if any, goes to TMP (otherwise
   IRTemp_INVALID; when the guard is false TMP gets an unspecified value).
   ARGS is NULL-terminated and may contain one IRExpr_VECRET (when the
   result is V128/V256) and one IRExpr_GSPTR.  MFX/MADDR/MSIZE describe
   the memory it touches (Ifx_None: none; then MADDR is NULL and MSIZE 0);
   FXSTATE[0 .. NFXSTATE-1] the guest state: SIZE bytes at OFFSET, and
   when NREPEATS > 0 that many more times, each REPEATLEN bytes further
   on. */
typedef struct {
   IRCallee* cee;
   IRExpr*   guard;
   IRExpr**  args;
   IRTemp    tmp;
   IREffect  mFx;
   IRExpr*   mAddr;
   Int       mSize;
   Int       nFxState;
   struct {
      IREffect fx:16;
      UShort   offset;
      UShort   size;
      UChar    nRepeats;
      UChar    repeatLen;
   } fxState[VEX_N_FXSTATE];
} IRDirty;

/* An IRDirty with nothing filled in (no callee, no args, no effects). */
extern IRDirty* emptyIRDirty(void);
extern IRDirty* deepCopyIRDirty(const IRDirty* d);
extern void     ppIRDirty(const IRDirty* d);

/* A dirty call with the guard True, no result (0_N) or a result in DST
   (1_N), and no declared effects: the caller adds mFx/fxState as needed
   ("unsafe" because the declaration is left to the caller). */
extern IRDirty* unsafeIRDirty_0_N(Int regparms, const HChar* name,
                                  void* addr, IRExpr** args);
extern IRDirty* unsafeIRDirty_1_N(IRTemp dst, Int regparms,
                                  const HChar* name, void* addr,
                                  IRExpr** args);

/* ================================================================== */
/* Memory bus events, compare-and-swap                                */
/* ================================================================== */

typedef enum {
   Imbe_Fence = 0x1C00,        /* a full memory fence */
   Imbe_CancelReservation      /* cancel a load-linked reservation */
} IRMBusEvent;

extern void ppIRMBusEvent(IRMBusEvent event);

/* An atomic compare-and-swap, single (oldHi == IRTemp_INVALID, expdHi ==
   dataHi == NULL) or double (all three Hi parts present: the two halves
   are at ADDR and ADDR + size, Lo at the lower address for little-endian).
   Atomically: old := *addr; if (old == expd) *addr := data.  The caller
   tests success by comparing old with expd. */
typedef struct {
   IRTemp    oldHi;
   IRTemp    oldLo;
   IREndness end;
   IRExpr*   addr;
   IRExpr*   expdHi;
   IRExpr*   expdLo;
   IRExpr*   dataHi;
   IRExpr*   dataLo;
} IRCAS;

extern IRCAS* mkIRCAS(IRTemp oldHi, IRTemp oldLo, IREndness end,
                      IRExpr* addr, IRExpr* expdHi, IRExpr* expdLo,
                      IRExpr* dataHi, IRExpr* dataLo);
extern IRCAS* deepCopyIRCAS(const IRCAS* cas);
extern void   ppIRCAS(const IRCAS* cas);

/* ================================================================== */
/* Indexed guest-state writes; guarded loads and stores               */
/* ================================================================== */

/* PUTI(descr)[ix,bias] = data */
typedef struct {
   IRRegArray* descr;
   IRExpr*     ix;
   Int         bias;
   IRExpr*     data;
} IRPutI;

extern IRPutI* mkIRPutI(IRRegArray* descr, IRExpr* ix, Int bias,
                        IRExpr* data);
extern IRPutI* deepCopyIRPutI(const IRPutI* puti);
extern void    ppIRPutI(const IRPutI* puti);

/* if (guard) ST<end>(addr) = data; guard :: I1 */
typedef struct {
   IREndness end;
   IRExpr*   addr;
   IRExpr*   data;
   IRExpr*   guard;
} IRStoreG;

/* How a guarded load converts what it loads. */
typedef enum {
   ILGop_INVALID = 0x1D00,
   ILGop_IdentV128,   /* V128 -> V128 */
   ILGop_Ident64,     /* I64 -> I64 */
   ILGop_Ident32,     /* I32 -> I32 */
   ILGop_16Uto32,     /* I16 -> I32, zero-extending */
   ILGop_16Sto32,     /* I16 -> I32, sign-extending */
   ILGop_8Uto32,      /* I8 -> I32, zero-extending */
   ILGop_8Sto32       /* I8 -> I32, sign-extending */
} IRLoadGOp;

/* dst = if (guard) cvt(LD<end>(addr)) else alt; guard :: I1.  The load
   does not happen (and cannot fault) when the guard is false. */
typedef struct {
   IREndness end;
   IRLoadGOp cvt;
   IRTemp    dst;
   IRExpr*   addr;
   IRExpr*   alt;
   IRExpr*   guard;
} IRLoadG;

extern IRStoreG* mkIRStoreG(IREndness end, IRExpr* addr, IRExpr* data,
                            IRExpr* guard);
extern IRLoadG*  mkIRLoadG(IREndness end, IRLoadGOp cvt, IRTemp dst,
                           IRExpr* addr, IRExpr* alt, IRExpr* guard);
extern void      ppIRStoreG(const IRStoreG* sg);
extern void      ppIRLoadGOp(IRLoadGOp cvt);
extern void      ppIRLoadG(const IRLoadG* lg);
/* The type the conversion produces and the type it loads. */
extern void      typeOfIRLoadGOp(IRLoadGOp cvt, /*OUT*/IRType* t_res,
                                 /*OUT*/IRType* t_arg);

/* ================================================================== */
/* Statements                                                         */
/* ================================================================== */

typedef enum {
   Ist_NoOp = 0x1E00,
   Ist_IMark,     /* marks the start of a guest instruction */
   Ist_AbiHint,   /* an ABI says memory below a stack pointer is dead */
   Ist_Put,       /* write the guest state at a fixed offset */
   Ist_PutI,      /* write the guest state at a computed offset */
   Ist_WrTmp,     /* assign a temporary */
   Ist_Store,     /* write memory */
   Ist_LoadG,     /* guarded load */
   Ist_StoreG,    /* guarded store */
   Ist_CAS,       /* atomic compare-and-swap */
   Ist_LLSC,      /* load-linked or store-conditional */
   Ist_Dirty,     /* call a helper with side effects */
   Ist_MBE,       /* a memory bus event */
   Ist_Exit       /* conditional exit from the block */
} IRStmtTag;

typedef struct _IRStmt {
   IRStmtTag tag;
   union {
      /* IR-NoOp */
      struct { UInt dummy; } NoOp;
      /* ------ IMark(addr, len, delta) ------
         The instruction at ADDR, LEN bytes long.  DELTA is what was added
         to ADDR to make the guest program counter (1 for ARM Thumb, 0
         elsewhere). */
      struct { Addr64 addr; UInt len; UChar delta; } IMark;
      /* ====== AbiHint(base, len, nia) ======
         LEN bytes starting at BASE are now undefined; NIA is the next
         instruction's address. */
      struct { IRExpr* base; Int len; IRExpr* nia; } AbiHint;
      /* PUT(offset) = data */
      struct { Int offset; IRExpr* data; } Put;
      struct { IRPutI* details; } PutI;
      /* tN = data */
      struct { IRTemp tmp; IRExpr* data; } WrTmp;
      /* ST<end>(addr) = data */
      struct { IREndness end; IRExpr* addr; IRExpr* data; } Store;
      struct { IRStoreG* details; } StoreG;
      struct { IRLoadG* details; } LoadG;
      struct { IRCAS* details; } CAS;
      /* Load-linked (STOREDATA == NULL): result = LD<end>-Linked(addr).
         Store-conditional: result :: I1 = success of storing STOREDATA. */
      struct {
         IREndness end;
         IRTemp    result;
         IRExpr*   addr;
         IRExpr*   storedata;
      } LLSC;
      struct { IRDirty* details; } Dirty;
      /* IR-Fence etc. */
      struct { IRMBusEvent event; } MBE;
      /* if (guard) { PUT(offsIP) = dst; exit-jk }; guard :: I1 and DST is
         of the guest word type */
      struct {
         IRExpr*    guard;
         IRConst*   dst;
         IRJumpKind jk;
         Int        offsIP;
      } Exit;
   } Ist;
} IRStmt;

extern IRStmt* IRStmt_NoOp(void);
extern IRStmt* IRStmt_IMark(Addr64 addr, UInt len, UChar delta);
extern IRStmt* IRStmt_AbiHint(IRExpr* base, Int len, IRExpr* nia);
extern IRStmt* IRStmt_Put(Int off, IRExpr* data);
extern IRStmt* IRStmt_PutI(IRPutI* details);
extern IRStmt* IRStmt_WrTmp(IRTemp tmp, IRExpr* data);
extern IRStmt* IRStmt_Store(IREndness end, IRExpr* addr, IRExpr* data);
extern IRStmt* IRStmt_StoreG(IREndness end, IRExpr* addr, IRExpr* data,
                             IRExpr* guard);
extern IRStmt* IRStmt_LoadG(IREndness end, IRLoadGOp cvt, IRTemp dst,
                            IRExpr* addr, IRExpr* alt, IRExpr* guard);
extern IRStmt* IRStmt_CAS(IRCAS* details);
extern IRStmt* IRStmt_LLSC(IREndness end, IRTemp result, IRExpr* addr,
                           IRExpr* storedata);
extern IRStmt* IRStmt_Dirty(IRDirty* details);
extern IRStmt* IRStmt_MBE(IRMBusEvent event);
extern IRStmt* IRStmt_Exit(IRExpr* guard, IRJumpKind jk, IRConst* dst,
                           Int offsIP);

extern IRStmt* deepCopyIRStmt(const IRStmt* s);
extern void    ppIRStmt(const IRStmt* s);

/* ================================================================== */
/* Type environments and superblocks                                  */
/* ================================================================== */

/* The types of a block's temporaries: temporary i has type types[i],
   for i < types_used. */
typedef struct {
   IRType* types;
   Int     types_size;
   Int     types_used;
} IRTypeEnv;

extern IRTypeEnv* emptyIRTypeEnv(void);
extern IRTypeEnv* deepCopyIRTypeEnv(const IRTypeEnv* env);
extern void       ppIRTypeEnv(const IRTypeEnv* env);
/* A new temporary of type TY. */
extern IRTemp     newIRTemp(IRTypeEnv* env, IRType ty);

/* A superblock: the statements stmts[0 .. stmts_used-1], then an
   unconditional exit to NEXT (:: guest word type) of kind JUMPKIND, with
   NEXT also written to the guest program counter at offset OFFSIP. */
typedef struct _IRSB {
   IRTypeEnv* tyenv;
   IRStmt**   stmts;
   Int        stmts_size;
   Int        stmts_used;
   IRExpr*    next;
   IRJumpKind jumpkind;
   Int        offsIP;
} IRSB;

extern IRSB* emptyIRSB(void);
extern IRSB* deepCopyIRSB(const IRSB* bb);
/* A copy with the same type environment, next, jumpkind and offsIP, and
   no statements. */
extern IRSB* deepCopyIRSBExceptStmts(const IRSB* bb);
extern void  addStmtToIRSB(IRSB* bb, IRStmt* st);
extern void  ppIRSB(const IRSB* bb);

/* ================================================================== */
/* Typing and checking                                                */
/* ================================================================== */

extern IRType typeOfIRTemp(const IRTypeEnv* env, IRTemp tmp);
extern IRType typeOfIRConst(const IRConst* con);
extern IRType typeOfIRExpr(const IRTypeEnv* env, const IRExpr* e);

/* Is every operand in ST an atom (allowing one level of expression on
   the right of a WrTmp)? */
extern Bool isFlatIRStmt(const IRStmt* st);

/* Checks that BB is well formed: every expression and statement well
   typed, temporaries assigned once and before use, and flat when
   REQUIRE_FLATNESS.  GUEST_WORD_SIZE (Ity_I32 or Ity_I64) is the type of
   addresses and of the block's exits.  On failure it prints the block, the
   offending statement and the reason, and panics (ending in the failure
   callback given to VEX).  CALLER names the check in the report. */
extern void sanityCheckIRSB(const IRSB* bb, const HChar* caller,
                            Bool require_flatness, IRType guest_word_size);

#endif /* __LIBVEX_IR_H */
