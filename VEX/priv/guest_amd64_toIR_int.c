/* The amd64 front end's integer instruction family: the general-purpose
   instructions gcc, clang and glibc use -- arithmetic and logic, shifts
   and rotates, multiply and divide, moves and extensions, conditional
   moves/sets/jumps, calls and returns, the stack, exchanges and atomic
   read-modify-writes, bit tests and scans, flag instructions -- and the
   few system instructions ordinary programs run (cpuid, rdtsc, fences,
   prefetch, clflush, syscall).

   The opcode table at the end lists every form with its operand forms;
   the routines above it make the IR.  The operands arrive decoded (see
   Amd64Dis): routines read and write them with getOperand/putOperand and
   describe flag results through the thunk functions.  Semantics follow
   the Intel SDM, vol. 2. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"

/* ================================================================== */
/* Small helpers                                                      */
/* ================================================================== */

static UInt lg2(Int sz)
{
   return sz == 1 ? 0 : sz == 2 ? 1 : sz == 4 ? 2 : 3;
}

/* The thunk for an operation of size SZ: OP_BASE is the ..B op. */
static void thunk(UInt op_base, Int sz, IRExpr* dep1, IRExpr* dep2,
                  IRExpr* ndep)
{
   setFlags_thunk(mkU64(op_base + lg2(sz)), widenUto64(dep1),
                  dep2 == NULL ? mkU64(0) : widenUto64(dep2),
                  ndep == NULL ? mkU64(0) : ndep);
}

/* The same, but only when GUARD (I1) holds; otherwise the thunk keeps
   its value (shifts and rotates by a count of zero). */
static void thunk_if(IRExpr* guard, UInt op_base, Int sz, IRExpr* dep1,
                     IRExpr* dep2, IRExpr* ndep)
{
   IRExpr* g = mkAtom(guard);
   setFlags_thunk(
      IRExpr_ITE(g, mkU64(op_base + lg2(sz)), mkGet64(OFFB_CC_OP)),
      IRExpr_ITE(g, mkAtom(widenUto64(dep1)), mkGet64(OFFB_CC_DEP1)),
      IRExpr_ITE(g, dep2 == NULL ? mkU64(0) : mkAtom(widenUto64(dep2)),
                 mkGet64(OFFB_CC_DEP2)),
      IRExpr_ITE(g, ndep == NULL ? mkU64(0) : ndep, mkGet64(OFFB_CC_NDEP)));
}

/* Writes operand 0 with the read-modify-write result NEW_V, atomically
   when the instruction is locked.  OLD_V is the value read. */
static void write_rmw(Amd64Dis* d, IRExpr* old_v, IRExpr* new_v)
{
   if (d->op[0].kind == AOK_MEM && amd64_locked(d))
      casOperand(d, 0, old_v, mkAtom(new_v));
   else
      putOperand(d, 0, new_v);
}

static Bool same_register(const Amd64Dis* d, Int i, Int j)
{
   return toBool(d->op[i].kind == AOK_REG && d->op[j].kind == AOK_REG
                 && d->op[i].reg == d->op[j].reg
                 && d->op[i].hi8 == d->op[j].hi8);
}

/* The accumulator (AL/AX/EAX/RAX) of size SZ. */
static IRExpr* get_acc(Int sz)  { return getIRegSz(sz, 0, False); }
static IRExpr* get_dx(Int sz)   { return getIRegSz(sz, 2, False); }
static void put_acc(Int sz, IRExpr* e) { putIRegSz(sz, 0, False, e); }
static void put_dx(Int sz, IRExpr* e)  { putIRegSz(sz, 2, False, e); }

/* Shift/rotate count masks. */
static UInt count_mask(Int sz) { return sz == 8 ? 63 : 31; }

/* ================================================================== */
/* Arithmetic and logic                                               */
/* ================================================================== */

enum { ALU_ADD = 0, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR,
       ALU_CMP };

static Bool dis_alu(Amd64Dis* d)
{
   Int    sz  = d->op[0].sz;
   IRType ty  = szToITy(sz);
   Int    aop = d->e->arg;

   /* xor/sub of a register with itself: the result is 0 whatever the
      register held (tools tracking definedness rely on seeing that). */
   if ((aop == ALU_XOR || aop == ALU_SUB) && same_register(d, 0, 1)) {
      putOperand(d, 0, mkU(ty, 0));
      if (aop == ALU_XOR)
         thunk(AMD64G_CC_OP_LOGICB, sz, mkU64(0), NULL, NULL);
      else
         setFlags_COPY(mkU64(AMD64G_CC_MASK_Z | AMD64G_CC_MASK_P));
      return True;
   }

   IRExpr* a = getOperand(d, 0);
   IRExpr* b = getOperand(d, 1);
   IRExpr* c = NULL;
   IRExpr* r;
   if (aop == ALU_ADC || aop == ALU_SBB)
      c = mkAtom(narrowTo(ty, mk_amd64g_calculate_rflags_c()));
   switch (aop) {
      case ALU_ADD: r = binop(mkSizedOp(ty, Iop_Add8), a, b); break;
      case ALU_OR:  r = binop(mkSizedOp(ty, Iop_Or8), a, b); break;
      case ALU_AND: r = binop(mkSizedOp(ty, Iop_And8), a, b); break;
      case ALU_XOR: r = binop(mkSizedOp(ty, Iop_Xor8), a, b); break;
      case ALU_SUB:
      case ALU_CMP: r = binop(mkSizedOp(ty, Iop_Sub8), a, b); break;
      case ALU_ADC:
         r = binop(mkSizedOp(ty, Iop_Add8),
                   binop(mkSizedOp(ty, Iop_Add8), a, b), c);
         break;
      case ALU_SBB:
         r = binop(mkSizedOp(ty, Iop_Sub8),
                   binop(mkSizedOp(ty, Iop_Sub8), a, b), c);
         break;
      default:
         vpanic("dis_alu");
   }
   r = mkAtom(r);
   if (aop != ALU_CMP)
      write_rmw(d, a, r);

   switch (aop) {
      case ALU_ADD:
         thunk(AMD64G_CC_OP_ADDB, sz, a, b, NULL);
         break;
      case ALU_SUB:
      case ALU_CMP:
         thunk(AMD64G_CC_OP_SUBB, sz, a, b, NULL);
         break;
      case ALU_ADC:
      case ALU_SBB:
         thunk(aop == ALU_ADC ? AMD64G_CC_OP_ADCB : AMD64G_CC_OP_SBBB, sz,
               a, binop(mkSizedOp(ty, Iop_Xor8), b, c), widenUto64(c));
         break;
      default:
         thunk(AMD64G_CC_OP_LOGICB, sz, r, NULL, NULL);
         break;
   }
   return True;
}

static Bool dis_test(Amd64Dis* d)
{
   Int    sz = d->op[0].sz;
   IRType ty = szToITy(sz);
   IRExpr* r = mkAtom(binop(mkSizedOp(ty, Iop_And8), getOperand(d, 0),
                            getOperand(d, 1)));
   thunk(AMD64G_CC_OP_LOGICB, sz, r, NULL, NULL);
   return True;
}

/* inc (arg 0), dec (arg 1) */
static Bool dis_incdec(Amd64Dis* d)
{
   Int    sz = d->op[0].sz;
   IRType ty = szToITy(sz);
   IRExpr* a    = getOperand(d, 0);
   IRExpr* oldc = mkAtom(mk_amd64g_calculate_rflags_c());
   IRExpr* r    = mkAtom(binop(mkSizedOp(ty, d->e->arg == 0 ? Iop_Add8
                                                              : Iop_Sub8),
                               a, mkU(ty, 1)));
   write_rmw(d, a, r);
   thunk(d->e->arg == 0 ? AMD64G_CC_OP_INCB : AMD64G_CC_OP_DECB, sz, r,
         NULL, oldc);
   return True;
}

/* not (arg 0), neg (arg 1) */
static Bool dis_notneg(Amd64Dis* d)
{
   Int    sz = d->op[0].sz;
   IRType ty = szToITy(sz);
   IRExpr* a = getOperand(d, 0);
   if (d->e->arg == 0) {
      write_rmw(d, a, unop(mkSizedOp(ty, Iop_Not8), a));
      return True;
   }
   IRExpr* r = mkAtom(binop(mkSizedOp(ty, Iop_Sub8), mkU(ty, 0), a));
   write_rmw(d, a, r);
   thunk(AMD64G_CC_OP_SUBB, sz, mkU(ty, 0), a, NULL);
   return True;
}

/* ================================================================== */
/* Multiply and divide                                                */
/* ================================================================== */

/* mul (arg 0) / imul (arg 1) with one operand: the accumulator times
   the operand, double width into (E/R)DX:(E/R)AX, or AX for bytes. */
static Bool dis_mul1(Amd64Dis* d)
{
   Int  sz  = d->op[0].sz;
   Bool sgn = toBool(d->e->arg == 1);
   IRExpr* b = getOperand(d, 0);
   IRExpr* a = mkAtom(get_acc(sz));
   IRExpr* p;
   switch (sz) {
      case 1:
         p = mkAtom(binop(sgn ? Iop_MullS8 : Iop_MullU8, a, b));
         put_acc(2, p);
         break;
      case 2:
         p = mkAtom(binop(sgn ? Iop_MullS16 : Iop_MullU16, a, b));
         put_acc(2, unop(Iop_32to16, p));
         put_dx(2, unop(Iop_32HIto16, p));
         break;
      case 4:
         p = mkAtom(binop(sgn ? Iop_MullS32 : Iop_MullU32, a, b));
         put_acc(4, unop(Iop_64to32, p));
         put_dx(4, unop(Iop_64HIto32, p));
         break;
      default:
         p = mkAtom(binop(sgn ? Iop_MullS64 : Iop_MullU64, a, b));
         put_acc(8, unop(Iop_128to64, p));
         put_dx(8, unop(Iop_128HIto64, p));
         break;
   }
   thunk(sgn ? AMD64G_CC_OP_SMULB : AMD64G_CC_OP_UMULB, sz, a, b, NULL);
   return True;
}

/* imul with two or three operands: G = E * (G or imm), truncated. */
static Bool dis_imul_n(Amd64Dis* d)
{
   Int    sz = d->op[0].sz;
   IRType ty = szToITy(sz);
   IRExpr* a = d->nops == 3 ? getOperand(d, 1) : getOperand(d, 0);
   IRExpr* b = d->nops == 3 ? getOperand(d, 2) : getOperand(d, 1);
   putOperand(d, 0, binop(mkSizedOp(ty, Iop_Mul8), a, b));
   thunk(AMD64G_CC_OP_SMULB, sz, a, b, NULL);
   return True;
}

/* div (arg 0) / idiv (arg 1): the double-width dividend in
   (E/R)DX:(E/R)AX (AX for bytes) by the operand; quotient to the low
   half, remainder to the high half.  A zero divisor or a quotient too
   big for its register raises #DE: the block is left at this instruction
   with Ijk_SigFPE_IntDiv.  The flags are undefined; the thunk is left as
   it is. */
static Bool dis_div(Amd64Dis* d)
{
   Int  sz  = d->op[0].sz;
   Bool sgn = toBool(d->e->arg == 1);
   IRExpr* dv = getOperand(d, 0);
   IRExpr *lo, *hi, *dividend64 = NULL;

   if (sz == 1) {
      lo = mkAtom(get_acc(1));
      hi = mkAtom(getIRegSz(1, 4, True));           /* AH */
      dividend64 = mkAtom(unop(Iop_16Uto64, get_acc(2)));
   } else {
      lo = mkAtom(get_acc(sz));
      hi = mkAtom(get_dx(sz));
      if (sz == 2)
         dividend64 = mkAtom(unop(Iop_32Uto64, binop(Iop_16HLto32, hi, lo)));
      else if (sz == 4)
         dividend64 = mkAtom(binop(Iop_32HLto64, hi, lo));
   }

   /* The fault check. */
   IRExpr* fault;
   if (!sgn) {
      /* Unsigned: the quotient fits iff high half < divisor (this also
         catches a zero divisor). */
      fault = binop(Iop_CmpLE64U, widenUto64(dv), widenUto64(hi));
   } else {
      IRExpr** args = sz == 8
         ? mkIRExprVec_4(hi, lo, dv, mkU64(8))
         : mkIRExprVec_4(mkU64(0), dividend64, widenUto64(dv),
                         mkU64((ULong)sz));
      IRExpr* call = mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_idiv_fault",
                                   (void*)&amd64g_calculate_idiv_fault, args);
      fault = binop(Iop_CmpNE64, call, mkU64(0));
   }
   amd64_exit_if(d, fault, Ijk_SigFPE_IntDiv);

   IRExpr* r;
   switch (sz) {
      case 1:
      case 2: {
         IRExpr* n64 = sgn ? (sz == 1 ? unop(Iop_16Sto64, get_acc(2))
                                      : unop(Iop_32Sto64,
                                             unop(Iop_64to32, dividend64)))
                           : dividend64;
         IRExpr* d32 = sgn ? widenSto(Ity_I32, dv) : widenUto(Ity_I32, dv);
         r = mkAtom(binop(sgn ? Iop_DivModS64to32 : Iop_DivModU64to32,
                          n64, d32));
         IRExpr* q = unop(Iop_64to32, r);
         IRExpr* m = unop(Iop_64HIto32, r);
         if (sz == 1) {
            putIRegSz(1, 0, False, unop(Iop_32to8, q));
            putIRegSz(1, 4, True, unop(Iop_32to8, m));
         } else {
            put_acc(2, unop(Iop_32to16, q));
            put_dx(2, unop(Iop_32to16, m));
         }
         break;
      }
      case 4:
         r = mkAtom(binop(sgn ? Iop_DivModS64to32 : Iop_DivModU64to32,
                          dividend64, dv));
         put_acc(4, unop(Iop_64to32, r));
         put_dx(4, unop(Iop_64HIto32, r));
         break;
      default:
         r = mkAtom(binop(sgn ? Iop_DivModS128to64 : Iop_DivModU128to64,
                          binop(Iop_64HLto128, hi, lo), dv));
         put_acc(8, unop(Iop_128to64, r));
         put_dx(8, unop(Iop_128HIto64, r));
         break;
   }
   return True;
}

/* ================================================================== */
/* Shifts and rotates                                                 */
/* ================================================================== */

enum { SH_ROL = 0, SH_ROR, SH_RCL, SH_RCR, SH_SHL, SH_SHR, SH_SAL, SH_SAR };

/* The masked count (I8) of a shift whose count is operand I. */
static IRExpr* shift_count(Amd64Dis* d, Int i, Int sz, Bool* is_const,
                           UInt* const_val)
{
   UInt mask = count_mask(sz);
   if (d->op[i].kind == AOK_IMM) {
      *is_const  = True;
      *const_val = (UInt)d->op[i].imm & mask;
      return mkU8(*const_val);
   }
   *is_const = False;
   return mkAtom(binop(Iop_And8, getOperand(d, i), mkU8(mask)));
}

/* Group 2: rol ror rcl rcr shl shr sal sar (ModRM.reg in arg). */
static Bool dis_shift(Amd64Dis* d)
{
   Int    sz   = d->op[0].sz;
   IRType ty   = szToITy(sz);
   Int    kind = d->e->arg;
   Int    w    = 8 * sz;
   Bool   cst;
   UInt   cval = 0;
   IRExpr* dst = getOperand(d, 0);
   IRExpr* cnt = shift_count(d, 1, sz, &cst, &cval);
   IRExpr* nonzero = cst ? NULL : binop(Iop_CmpNE8, cnt, mkU8(0));

   switch (kind) {
      case SH_SHL: case SH_SAL: case SH_SHR: case SH_SAR: {
         IROp    op  = kind == SH_SAR ? Iop_Sar64
                     : kind == SH_SHR ? Iop_Shr64 : Iop_Shl64;
         IRExpr* v   = mkAtom(kind == SH_SAR ? widenSto64(dst)
                                             : widenUto64(dst));
         IRExpr* res = mkAtom(narrowTo(ty, binop(op, v, cnt)));
         /* The value shifted one place less: its edge bit is the last
            one shifted out (C). */
         IRExpr* cm1 = cst ? mkU8((cval - 1) & count_mask(sz))
                           : binop(Iop_And8, binop(Iop_Sub8, cnt, mkU8(1)),
                                   mkU8(count_mask(sz)));
         IRExpr* under = mkAtom(narrowTo(ty, binop(op, v, cm1)));
         putOperand(d, 0, res);
         UInt opb = (kind == SH_SHL || kind == SH_SAL) ? AMD64G_CC_OP_SHLB
                                                       : AMD64G_CC_OP_SHRB;
         if (cst) {
            if (cval != 0)
               thunk(opb, sz, res, under, NULL);
         } else {
            thunk_if(nonzero, opb, sz, res, under, NULL);
         }
         return True;
      }
      case SH_ROL: case SH_ROR: {
         /* Rotate by the count modulo the width; flags (C, O) change
            whenever the masked count is not zero. */
         IRExpr* r = (w < 32) ? mkAtom(binop(Iop_And8, cnt, mkU8(w - 1)))
                              : cnt;
         IRExpr* back = binop(Iop_And8, binop(Iop_Sub8, mkU8(w), r),
                              mkU8(w - 1));
         IRExpr* v = mkAtom(widenUto64(dst));
         IRExpr* res64 = kind == SH_ROL
            ? binop(Iop_Or64, binop(Iop_Shl64, v, r),
                    binop(Iop_Shr64, v, back))
            : binop(Iop_Or64, binop(Iop_Shr64, v, r),
                    binop(Iop_Shl64, v, back));
         IRExpr* res = mkAtom(narrowTo(ty, res64));
         IRExpr* oldf = NULL;
         if (!cst || cval != 0)
            oldf = mkAtom(mk_amd64g_calculate_rflags_all());
         putOperand(d, 0, res);
         UInt opb = kind == SH_ROL ? AMD64G_CC_OP_ROLB : AMD64G_CC_OP_RORB;
         if (cst) {
            if (cval != 0)
               thunk(opb, sz, res, NULL, oldf);
         } else {
            thunk_if(nonzero, opb, sz, res, NULL, oldf);
         }
         return True;
      }
      case SH_RCL: case SH_RCR: {
         IRExpr* oldf = mkAtom(mk_amd64g_calculate_rflags_all());
         Bool    left = toBool(kind == SH_RCL);
         IRExpr** a1 = mkIRExprVec_4(widenUto64(dst), widenUto64(cnt), oldf,
                                     mkU64((ULong)sz));
         IRExpr** a2 = mkIRExprVec_4(widenUto64(dst), widenUto64(cnt), oldf,
                                     mkU64((ULong)sz));
         IRExpr* res = left
            ? mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_RCL",
                            (void*)&amd64g_calculate_RCL, a1)
            : mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_RCR",
                            (void*)&amd64g_calculate_RCR, a1);
         IRExpr* nf = left
            ? mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_RCL_flags",
                            (void*)&amd64g_calculate_RCL_flags, a2)
            : mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_RCR_flags",
                            (void*)&amd64g_calculate_RCR_flags, a2);
         IRExpr* nfa = mkAtom(nf);
         putOperand(d, 0, narrowTo(ty, res));
         setFlags_COPY(nfa);
         return True;
      }
      default:
         return False;
   }
}

/* The double shift of DST by K (I8, masked) bringing in bits of SRC, as
   an I64 whose low W bits are the result. */
static IRExpr* double_shift(Bool left, Int w, IRExpr* dst, IRExpr* src,
                            IRExpr* k)
{
   if (w == 64) {
      IRExpr* back = binop(Iop_And8, binop(Iop_Sub8, mkU8(64), k), mkU8(63));
      IRExpr* r = left
         ? binop(Iop_Or64, binop(Iop_Shl64, dst, k),
                 binop(Iop_Shr64, src, back))
         : binop(Iop_Or64, binop(Iop_Shr64, dst, k),
                 binop(Iop_Shl64, src, back));
      return IRExpr_ITE(binop(Iop_CmpEQ8, k, mkU8(0)), dst, mkAtom(r));
   }
   if (w == 32) {
      if (left)
         return binop(Iop_Shr64,
                      binop(Iop_Shl64, binop(Iop_32HLto64, dst, src), k),
                      mkU8(32));
      return binop(Iop_Shr64, binop(Iop_32HLto64, src, dst), k);
   }
   /* 16 bits: counts above 16 are undefined; dst:src:dst gives the
      defined ones. */
   IRExpr* d64 = mkAtom(unop(Iop_16Uto64, dst));
   IRExpr* s64 = unop(Iop_16Uto64, src);
   if (left) {
      IRExpr* v = binop(Iop_Or64,
                        binop(Iop_Or64, binop(Iop_Shl64, d64, mkU8(48)),
                              binop(Iop_Shl64, s64, mkU8(32))),
                        binop(Iop_Shl64, d64, mkU8(16)));
      return binop(Iop_Shr64, binop(Iop_Shl64, v, k), mkU8(48));
   }
   IRExpr* v = binop(Iop_Or64,
                     binop(Iop_Or64, d64, binop(Iop_Shl64, s64, mkU8(16))),
                     binop(Iop_Shl64, d64, mkU8(32)));
   return binop(Iop_Shr64, v, k);
}

/* shld (arg 0), shrd (arg 1): Ev, Gv, Ib/CL */
static Bool dis_shd(Amd64Dis* d)
{
   Int    sz   = d->op[0].sz;
   IRType ty   = szToITy(sz);
   Bool   left = toBool(d->e->arg == 0);
   Bool   cst;
   UInt   cval = 0;
   IRExpr* dst = getOperand(d, 0);
   IRExpr* src = getOperand(d, 1);
   IRExpr* cnt = shift_count(d, 2, sz, &cst, &cval);
   IRExpr* cm1 = cst ? mkU8((cval - 1) & count_mask(sz))
                     : mkAtom(binop(Iop_And8, binop(Iop_Sub8, cnt, mkU8(1)),
                                    mkU8(count_mask(sz))));
   IRExpr* res   = mkAtom(narrowTo(ty, double_shift(left, 8 * sz, dst, src,
                                                    cnt)));
   IRExpr* under = mkAtom(narrowTo(ty, double_shift(left, 8 * sz, dst, src,
                                                    cm1)));
   putOperand(d, 0, res);
   UInt opb = left ? AMD64G_CC_OP_SHLB : AMD64G_CC_OP_SHRB;
   if (cst) {
      if (cval != 0)
         thunk(opb, sz, res, under, NULL);
   } else {
      thunk_if(binop(Iop_CmpNE8, cnt, mkU8(0)), opb, sz, res, under, NULL);
   }
   return True;
}

/* ================================================================== */
/* Bit test, scan and count                                           */
/* ================================================================== */

enum { BT_TEST = 0, BT_SET, BT_RESET, BT_COMPLEMENT };

static IRExpr* bt_modify(Int kind, IRType ty, IRExpr* v, IRExpr* mask)
{
   switch (kind) {
      case BT_SET:
         return binop(mkSizedOp(ty, Iop_Or8), v, mask);
      case BT_RESET:
         return binop(mkSizedOp(ty, Iop_And8), v,
                      unop(mkSizedOp(ty, Iop_Not8), mask));
      default:
         return binop(mkSizedOp(ty, Iop_Xor8), v, mask);
   }
}

/* bt bts btr btc: Ev, Gv or Ev, Ib.  C gets the selected bit; the other
   flags are kept (ZF is defined to be unchanged; O S A P are undefined).
   With a memory operand and a register offset, the offset is signed and
   may reach outside the operand: the byte at EA + (offset >> 3). */
static Bool dis_bt(Amd64Dis* d)
{
   Int    sz   = d->op[0].sz;
   IRType ty   = szToITy(sz);
   Int    kind = d->e->arg;
   Int    w    = 8 * sz;
   IRExpr* bit;

   if (d->op[0].kind == AOK_REG) {
      IRExpr* off = d->op[1].kind == AOK_IMM
         ? mkU8(d->op[1].imm & (ULong)(w - 1))
         : mkAtom(binop(Iop_And8, narrowTo(Ity_I8, getOperand(d, 1)),
                        mkU8(w - 1)));
      IRExpr* v = getOperand(d, 0);
      bit = mkAtom(binop(Iop_And64, binop(Iop_Shr64, widenUto64(v), off),
                         mkU64(1)));
      if (kind != BT_TEST) {
         IRExpr* m = narrowTo(ty, binop(Iop_Shl64, mkU64(1), off));
         putOperand(d, 0, bt_modify(kind, ty, v, m));
      }
   } else {
      IRExpr* addr;
      IRExpr* bitno;
      if (d->op[1].kind == AOK_IMM) {
         ULong off = d->op[1].imm & (ULong)(w - 1);
         addr  = mkAtom(binop(Iop_Add64, amd64_ea(d), mkU64(off >> 3)));
         bitno = mkU8(off & 7);
      } else {
         IRExpr* off = mkAtom(widenSto64(getOperand(d, 1)));
         addr  = mkAtom(binop(Iop_Add64, amd64_ea(d),
                              binop(Iop_Sar64, off, mkU8(3))));
         bitno = mkAtom(binop(Iop_And8, unop(Iop_64to8, off), mkU8(7)));
      }
      IRExpr* b = mkAtom(loadLE(Ity_I8, addr));
      bit = mkAtom(binop(Iop_And64, binop(Iop_Shr64, unop(Iop_8Uto64, b),
                                          bitno), mkU64(1)));
      if (kind != BT_TEST) {
         IRExpr* m  = binop(Iop_Shl8, mkU8(1), bitno);
         IRExpr* nb = mkAtom(bt_modify(kind, Ity_I8, b, m));
         if (amd64_locked(d)) {
            IRTemp seen = newTemp(Ity_I8);
            stmt(IRStmt_CAS(mkIRCAS(IRTemp_INVALID, seen, Iend_LE, addr,
                                    NULL, b, NULL, nb)));
            amd64_exit_if(d, binop(Iop_CasCmpNE8, mkexpr(seen), b),
                          Ijk_Boring);
         } else {
            storeLE(addr, nb);
         }
      }
   }
   IRExpr* f = mkAtom(mk_amd64g_calculate_rflags_all());
   setFlags_COPY(binop(Iop_Or64,
                       binop(Iop_And64, f, mkU64(~AMD64G_CC_MASK_C)), bit));
   return True;
}

/* bsf (arg 0), bsr (arg 1): Gv, Ev.  A zero source sets ZF and leaves
   the destination (all 64 bits) unchanged; otherwise ZF is clear and the
   destination gets the index of the lowest/highest set bit. */
static Bool dis_bsfr(Amd64Dis* d)
{
   Int    sz  = d->op[0].sz;
   IRType ty  = szToITy(sz);
   Bool   rev = toBool(d->e->arg == 1);
   IRExpr* src = getOperand(d, 1);
   IRExpr* s64 = mkAtom(widenUto64(src));
   IRExpr* zero = mkAtom(binop(Iop_CmpEQ64, s64, mkU64(0)));
   IRExpr* idx = rev ? binop(Iop_Sub64, mkU64(63), unop(Iop_Clz64, s64))
                     : unop(Iop_Ctz64, s64);
   UInt reg = d->op[0].reg;
   if (sz == 4) {
      IRExpr* old = mkAtom(getIReg64(reg));
      putIReg64(reg, IRExpr_ITE(zero, old, mkAtom(idx)));
   } else {
      IRExpr* old = mkAtom(getIRegSz(sz, reg, False));
      putIRegSz(sz, reg, False,
                IRExpr_ITE(zero, old, mkAtom(narrowTo(ty, idx))));
   }
   setFlags_COPY(binop(Iop_Shl64, unop(Iop_1Uto64, zero),
                       mkU8(AMD64G_CC_SHIFT_Z)));
   return True;
}

/* tzcnt (arg 0), lzcnt (arg 1): Gv, Ev.  The count (the width for a
   zero source); C = source was zero, Z = result is zero. */
static Bool dis_tzlzcnt(Amd64Dis* d)
{
   Int    sz = d->op[0].sz;
   IRType ty = szToITy(sz);
   Int    w  = 8 * sz;
   IRExpr* src  = getOperand(d, 1);
   IRExpr* s64  = mkAtom(widenUto64(src));
   IRExpr* zero = mkAtom(binop(Iop_CmpEQ64, s64, mkU64(0)));
   IRExpr* cnt  = d->e->arg == 0
      ? unop(Iop_Ctz64, s64)
      : binop(Iop_Sub64, unop(Iop_Clz64, s64), mkU64((ULong)(64 - w)));
   IRExpr* r64 = mkAtom(IRExpr_ITE(zero, mkU64((ULong)w), mkAtom(cnt)));
   putOperand(d, 0, narrowTo(ty, r64));
   IRExpr* cf = unop(Iop_1Uto64, zero);
   IRExpr* zf = unop(Iop_1Uto64, binop(Iop_CmpEQ64, r64, mkU64(0)));
   setFlags_COPY(binop(Iop_Or64, binop(Iop_Shl64, cf,
                                       mkU8(AMD64G_CC_SHIFT_C)),
                       binop(Iop_Shl64, zf, mkU8(AMD64G_CC_SHIFT_Z))));
   return True;
}

/* popcnt: Gv, Ev.  Z = source was zero; O S A C P clear. */
static Bool dis_popcnt(Amd64Dis* d)
{
   Int    sz = d->op[0].sz;
   IRType ty = szToITy(sz);
   IRExpr* s64 = mkAtom(widenUto64(getOperand(d, 1)));
   putOperand(d, 0, narrowTo(ty, unop(Iop_PopCount64, s64)));
   setFlags_COPY(binop(Iop_Shl64,
                       unop(Iop_1Uto64, binop(Iop_CmpEQ64, s64, mkU64(0))),
                       mkU8(AMD64G_CC_SHIFT_Z)));
   return True;
}

/* The bytes of V (I16/I32/I64) in reverse order. */
static IRExpr* byte_swap(IRType ty, IRExpr* v)
{
   if (ty == Ity_I16)
      return binop(Iop_Or16, binop(Iop_Shl16, v, mkU8(8)),
                   binop(Iop_Shr16, v, mkU8(8)));
   if (ty == Ity_I32) {
      IRExpr* a = mkAtom(v);
      return binop(Iop_Or32,
                binop(Iop_Or32,
                      binop(Iop_Shl32, a, mkU8(24)),
                      binop(Iop_And32, binop(Iop_Shl32, a, mkU8(8)),
                            mkU32(0x00FF0000))),
                binop(Iop_Or32,
                      binop(Iop_And32, binop(Iop_Shr32, a, mkU8(8)),
                            mkU32(0x0000FF00)),
                      binop(Iop_Shr32, a, mkU8(24))));
   }
   IRExpr* a = mkAtom(v);
   return binop(Iop_32HLto64, byte_swap(Ity_I32, unop(Iop_64to32, a)),
                byte_swap(Ity_I32, unop(Iop_64HIto32, a)));
}

/* bswap: Zv (32 or 64 bits; the 16-bit form is undefined). */
static Bool dis_bswap(Amd64Dis* d)
{
   Int sz = d->op[0].sz;
   if (sz == 2)
      return False;
   putOperand(d, 0, byte_swap(szToITy(sz), getOperand(d, 0)));
   return True;
}

/* movbe: load (arg 0: Gv, Mv) or store (arg 1: Mv, Gv) byte-swapped. */
static Bool dis_movbe(Amd64Dis* d)
{
   putOperand(d, 0, byte_swap(operandTy(d, 0), getOperand(d, 1)));
   return True;
}

/* crc32 (CRC-32C): Gy, Eb / Gy, Ev */
static Bool dis_crc32(Amd64Dis* d)
{
   Int sz = d->op[1].sz;
   IRExpr** args = mkIRExprVec_3(widenUto64(getOperand(d, 0)),
                                 widenUto64(getOperand(d, 1)),
                                 mkU64((ULong)sz));
   IRExpr* r = mkIRExprCCall(Ity_I64, 0, "amd64g_calculate_crc32c",
                             (void*)&amd64g_calculate_crc32c, args);
   putOperand(d, 0, narrowTo(operandTy(d, 0), r));
   return True;
}

/* ================================================================== */
/* Moves                                                              */
/* ================================================================== */

static Bool dis_mov(Amd64Dis* d)
{
   putOperand(d, 0, getOperand(d, 1));
   return True;
}

/* movzx (arg 0), movsx/movsxd (arg 1) */
static Bool dis_movx(Amd64Dis* d)
{
   IRType ty = operandTy(d, 0);
   IRExpr* v = getOperand(d, 1);
   putOperand(d, 0, d->e->arg == 0 ? widenUto(ty, v) : widenSto(ty, v));
   return True;
}

/* lea: Gv, M.  The address without any segment base, truncated to the
   operand size. */
static Bool dis_lea(Amd64Dis* d)
{
   d->m_seg = 0;
   putOperand(d, 0, narrowTo(operandTy(d, 0), amd64_ea(d)));
   return True;
}

/* cbw/cwde/cdqe */
static Bool dis_cbw(Amd64Dis* d)
{
   Int sz = d->sz;
   IRType ty = szToITy(sz);
   put_acc(sz, widenSto(ty, get_acc(sz / 2)));
   return True;
}

/* cwd/cdq/cqo */
static Bool dis_cwd(Amd64Dis* d)
{
   Int sz = d->sz;
   IRType ty = szToITy(sz);
   put_dx(sz, binop(mkSizedOp(ty, Iop_Sar8), get_acc(sz), mkU8(8 * sz - 1)));
   return True;
}

/* xchg: Eb,Gb / Ev,Gv / Zv,rAX.  With memory it is always atomic. */
static Bool dis_xchg(Amd64Dis* d)
{
   IRExpr* a = getOperand(d, 0);
   IRExpr* b = getOperand(d, 1);
   if (d->op[0].kind == AOK_MEM)
      casOperand(d, 0, a, b);
   else
      putOperand(d, 0, b);
   putOperand(d, 1, a);
   return True;
}

/* cmpxchg: Eb,Gb / Ev,Gv.  Compares the accumulator with the
   destination: equal -> destination = source, ZF set; otherwise the
   accumulator gets the destination.  The accumulator is written only on
   failure (so a successful 32-bit cmpxchg leaves RAX's top half alone),
   and a register destination only on success (so a failing 32-bit
   cmpxchg leaves its top half alone: that is what the hardware does).
   Memory destinations are always done with a CAS. */
static Bool dis_cmpxchg(Amd64Dis* d)
{
   Int    sz  = d->op[0].sz;
   IRType ty  = szToITy(sz);
   IRExpr* src  = getOperand(d, 1);
   IRExpr* acc  = mkAtom(get_acc(sz));
   IRExpr* acc64 = mkAtom(getIReg64(0));
   IRExpr* cur;
   IRExpr* eq;
   Bool acc_is_dest = toBool(d->op[0].kind == AOK_REG && d->op[0].reg == 0
                             && !d->op[0].hi8);
   if (d->op[0].kind == AOK_REG) {
      cur = getOperand(d, 0);
      eq  = mkAtom(binop(mkSizedOp(ty, Iop_CmpEQ8), acc, cur));
      if (sz == 4) {
         UInt r = d->op[0].reg;
         IRExpr* old64 = mkAtom(getIReg64(r));
         putIReg64(r, IRExpr_ITE(eq, mkAtom(unop(Iop_32Uto64, src)), old64));
      } else {
         putOperand(d, 0, IRExpr_ITE(eq, src, cur));
      }
   } else {
      IRTemp old = newTemp(ty);
      stmt(IRStmt_CAS(mkIRCAS(IRTemp_INVALID, old, Iend_LE, amd64_ea(d),
                              NULL, acc, NULL, src)));
      cur = mkexpr(old);
      eq  = mkAtom(binop(mkSizedOp(ty, Iop_CasCmpEQ8), acc, cur));
   }
   if (!acc_is_dest) {
      if (sz == 4)
         putIReg64(0, IRExpr_ITE(eq, acc64, mkAtom(unop(Iop_32Uto64, cur))));
      else
         put_acc(sz, IRExpr_ITE(eq, acc, cur));
   }
   thunk(AMD64G_CC_OP_SUBB, sz, acc, cur, NULL);
   return True;
}

/* cmpxchg8b (REX.W = 0) / cmpxchg16b (REX.W = 1): Mq / Mdq.  EDX:EAX
   against the memory; equal -> memory = ECX:EBX, ZF set; otherwise
   EDX:EAX get the memory.  The other flags are kept.  cmpxchg16b needs a
   16-byte aligned operand (#GP, SIGSEGV, otherwise). */
static Bool dis_cmpxchg8b(Amd64Dis* d)
{
   Int    sz = d->e->arg;       /* 4 or 8: the halves */
   IRType ty = szToITy(sz);
   IRExpr* ea = amd64_ea(d);
   if (sz == 8)
      amd64_exit_if(d, binop(Iop_CmpNE64, binop(Iop_And64, ea, mkU64(15)),
                             mkU64(0)), Ijk_SigSEGV);
   IRExpr* expLo = mkAtom(getIRegSz(sz, 0, False));
   IRExpr* expHi = mkAtom(getIRegSz(sz, 2, False));
   IRExpr* newLo = mkAtom(getIRegSz(sz, 3, False));
   IRExpr* newHi = mkAtom(getIRegSz(sz, 1, False));
   IRExpr* rax64 = mkAtom(getIReg64(0));
   IRExpr* rdx64 = mkAtom(getIReg64(2));
   IRTemp oldLo = newTemp(ty), oldHi = newTemp(ty);
   stmt(IRStmt_CAS(mkIRCAS(oldHi, oldLo, Iend_LE, ea, expHi, expLo,
                           newHi, newLo)));
   IRExpr* diff = binop(mkSizedOp(ty, Iop_Or8),
                        binop(mkSizedOp(ty, Iop_Xor8), mkexpr(oldLo), expLo),
                        binop(mkSizedOp(ty, Iop_Xor8), mkexpr(oldHi), expHi));
   IRExpr* ok = mkAtom(binop(mkSizedOp(ty, Iop_CasCmpEQ8), diff, mkU(ty, 0)));
   IRExpr* f = mkAtom(mk_amd64g_calculate_rflags_all());
   setFlags_COPY(binop(Iop_Or64,
                       binop(Iop_And64, f, mkU64(~AMD64G_CC_MASK_Z)),
                       binop(Iop_Shl64, unop(Iop_1Uto64, ok),
                             mkU8(AMD64G_CC_SHIFT_Z))));
   if (sz == 4) {
      putIReg64(0, IRExpr_ITE(ok, rax64,
                              mkAtom(unop(Iop_32Uto64, mkexpr(oldLo)))));
      putIReg64(2, IRExpr_ITE(ok, rdx64,
                              mkAtom(unop(Iop_32Uto64, mkexpr(oldHi)))));
   } else {
      putIReg64(0, mkexpr(oldLo));
      putIReg64(2, mkexpr(oldHi));
   }
   return True;
}

/* xadd: Eb,Gb / Ev,Gv.  dest = dest + src, src = old dest. */
static Bool dis_xadd(Amd64Dis* d)
{
   Int    sz = d->op[0].sz;
   IRType ty = szToITy(sz);
   IRExpr* a = getOperand(d, 0);
   IRExpr* b = getOperand(d, 1);
   IRExpr* s = mkAtom(binop(mkSizedOp(ty, Iop_Add8), a, b));
   if (d->op[0].kind == AOK_MEM) {
      write_rmw(d, a, s);
      putOperand(d, 1, a);
   } else {
      putOperand(d, 1, a);
      putOperand(d, 0, s);
   }
   thunk(AMD64G_CC_OP_ADDB, sz, a, b, NULL);
   return True;
}

/* ================================================================== */
/* Conditions                                                         */
/* ================================================================== */

static AMD64Condcode opcode_cond(const Amd64Dis* d)
{
   return (AMD64Condcode)(d->opc & 15);
}

/* cmovcc: Gv, Ev.  The source is read (and may fault) either way; a
   32-bit destination is written (zero-extended) either way. */
static Bool dis_cmov(Amd64Dis* d)
{
   IRExpr* src = getOperand(d, 1);
   IRExpr* dst = getOperand(d, 0);
   IRExpr* c   = mkAtom(mk_amd64g_calculate_condition(opcode_cond(d)));
   putOperand(d, 0, IRExpr_ITE(c, src, dst));
   return True;
}

/* setcc: Eb */
static Bool dis_setcc(Amd64Dis* d)
{
   putOperand(d, 0, unop(Iop_1Uto8,
                         mk_amd64g_calculate_condition(opcode_cond(d))));
   return True;
}

/* ================================================================== */
/* Control transfers                                                  */
/* ================================================================== */

static Bool dis_jcc(Amd64Dis* d)
{
   amd64_jcc(d, opcode_cond(d), d->op[0].imm, d->next_addr);
   return True;
}

static Bool dis_jmp(Amd64Dis* d)
{
   if (d->op[0].kind == AOK_IMM) {
      amd64_jmp_lit(d, Ijk_Boring, d->op[0].imm);
      d->dres->chase_ok = True;
      return True;
   }
   IRTemp t = newTemp(Ity_I64);
   assign(t, getOperand(d, 0));
   amd64_jmp_treg(d, Ijk_Boring, t);
   return True;
}

static IRTemp push64(IRExpr* v)
{
   IRTemp rsp = newTemp(Ity_I64);
   assign(rsp, binop(Iop_Sub64, getIReg64(4), mkU64(8)));
   putIReg64(4, mkexpr(rsp));
   storeLE(mkexpr(rsp), v);
   return rsp;
}

static Bool dis_call(Amd64Dis* d)
{
   if (d->op[0].kind == AOK_IMM) {
      Addr64 target = d->op[0].imm;
      IRTemp rsp = push64(mkU64(d->next_addr));
      amd64_redzone_hint(rsp, mkU64(target));
      amd64_jmp_lit(d, Ijk_Call, target);
      d->dres->chase_ok = True;
      return True;
   }
   /* The target is read before the push (call *(%rsp) uses the old
      stack pointer). */
   IRTemp t = newTemp(Ity_I64);
   assign(t, getOperand(d, 0));
   IRTemp rsp = push64(mkU64(d->next_addr));
   amd64_redzone_hint(rsp, mkexpr(t));
   amd64_jmp_treg(d, Ijk_Call, t);
   return True;
}

/* ret, ret imm16 */
static Bool dis_ret(Amd64Dis* d)
{
   ULong  extra = d->nops > 0 ? (d->op[0].imm & 0xFFFF) : 0;
   IRTemp rsp = newTemp(Ity_I64);
   IRTemp t   = newTemp(Ity_I64);
   IRTemp nrsp = newTemp(Ity_I64);
   assign(rsp, getIReg64(4));
   assign(t, loadLE(Ity_I64, mkexpr(rsp)));
   assign(nrsp, binop(Iop_Add64, mkexpr(rsp), mkU64(8 + extra)));
   putIReg64(4, mkexpr(nrsp));
   amd64_redzone_hint(nrsp, mkexpr(t));
   amd64_jmp_treg(d, Ijk_Ret, t);
   return True;
}

/* loop (arg 0), loope (1), loopne (2), jrcxz (3): Jb.  The count is RCX
   (ECX with a 67 prefix); no flags change. */
static Bool dis_loop(Amd64Dis* d)
{
   Int    kind = d->e->arg;
   Int    csz  = d->asz;
   IRType cty  = szToITy(csz);
   IRExpr* taken;
   if (kind == 3) {
      taken = binop(mkSizedOp(cty, Iop_CmpEQ8), getIRegSz(csz, 1, False),
                    mkU(cty, 0));
   } else {
      IRExpr* n = mkAtom(binop(mkSizedOp(cty, Iop_Sub8),
                               getIRegSz(csz, 1, False), mkU(cty, 1)));
      putIRegSz(csz, 1, False, n);
      taken = binop(mkSizedOp(cty, Iop_CmpNE8), n, mkU(cty, 0));
      if (kind != 0) {
         IRExpr* z = mk_amd64g_calculate_condition(
                        kind == 1 ? AMD64CondZ : AMD64CondNZ);
         taken = binop(Iop_CmpNE64,
                       binop(Iop_And64, unop(Iop_1Uto64, taken),
                             unop(Iop_1Uto64, z)),
                       mkU64(0));
      }
   }
   stmt(IRStmt_Exit(taken, Ijk_Boring, IRConst_U64(d->op[0].imm), OFFB_RIP));
   amd64_jmp_lit(d, Ijk_Boring, d->next_addr);
   return True;
}

/* ================================================================== */
/* The stack                                                          */
/* ================================================================== */

/* push: Zv / Ibs / Iz / Ev (64 or, with 66, 16 bits).  The value is read
   before the stack pointer moves. */
static Bool dis_push(Amd64Dis* d)
{
   Int sz = d->op[0].sz;
   IRExpr* v = getOperand(d, 0);
   IRTemp rsp = newTemp(Ity_I64);
   assign(rsp, binop(Iop_Sub64, getIReg64(4), mkU64((ULong)sz)));
   putIReg64(4, mkexpr(rsp));
   storeLE(mkexpr(rsp), v);
   return True;
}

/* pop: Zv / Ev.  A memory destination's address is computed after the
   stack pointer moves; pop %rsp leaves the popped value in RSP. */
static Bool dis_pop(Amd64Dis* d)
{
   Int sz = d->op[0].sz;
   IRTemp rsp = newTemp(Ity_I64);
   IRTemp v   = newTemp(szToITy(sz));
   assign(rsp, getIReg64(4));
   assign(v, loadLE(szToITy(sz), mkexpr(rsp)));
   putIReg64(4, binop(Iop_Add64, mkexpr(rsp), mkU64((ULong)sz)));
   putOperand(d, 0, mkexpr(v));
   return True;
}

/* enter Iw, Ib (nesting level 0; the other forms are the system
   family's). */
static Bool dis_enter(Amd64Dis* d)
{
   if (d->sz != 8 || (d->op[1].imm & 31) != 0)
      return amd64_dis_enter_full(d);
   IRTemp rsp = push64(getIReg64(5));
   putIReg64(5, mkexpr(rsp));
   putIReg64(4, binop(Iop_Sub64, mkexpr(rsp),
                      mkU64(d->op[0].imm & 0xFFFF)));
   return True;
}

static Bool dis_leave(Amd64Dis* d)
{
   if (d->sz != 8)
      return amd64_dis_leave16(d);   /* the system family's */
   IRTemp rbp = newTemp(Ity_I64);
   assign(rbp, getIReg64(5));
   putIReg64(5, loadLE(Ity_I64, mkexpr(rbp)));
   putIReg64(4, binop(Iop_Add64, mkexpr(rbp), mkU64(8)));
   return True;
}

/* ================================================================== */
/* Flags                                                              */
/* ================================================================== */

/* clc (arg 0), stc (1), cmc (2) */
static Bool dis_carry(Amd64Dis* d)
{
   IRExpr* f = mk_amd64g_calculate_rflags_all();
   switch (d->e->arg) {
      case 0: f = binop(Iop_And64, f, mkU64(~AMD64G_CC_MASK_C)); break;
      case 1: f = binop(Iop_Or64, f, mkU64(AMD64G_CC_MASK_C)); break;
      default: f = binop(Iop_Xor64, f, mkU64(AMD64G_CC_MASK_C)); break;
   }
   setFlags_COPY(f);
   return True;
}

/* cld (arg 0), std (arg 1) */
static Bool dis_dflag(Amd64Dis* d)
{
   stmt(IRStmt_Put(OFFB_DFLAG, mkU64(d->e->arg == 0 ? 1 : ~0ULL)));
   return True;
}

#define SZAPC_MASK (AMD64G_CC_MASK_S | AMD64G_CC_MASK_Z | AMD64G_CC_MASK_A \
                    | AMD64G_CC_MASK_P | AMD64G_CC_MASK_C)

static Bool dis_lahf(Amd64Dis* d)
{
   IRExpr* f = binop(Iop_Or64,
                     binop(Iop_And64, mk_amd64g_calculate_rflags_all(),
                           mkU64(SZAPC_MASK)),
                     mkU64(AMD64G_RFLAGS_BIT1));
   putIRegSz(1, 4, True, unop(Iop_64to8, f));
   return True;
}

static Bool dis_sahf(Amd64Dis* d)
{
   IRExpr* ah = unop(Iop_8Uto64, getIRegSz(1, 4, True));
   IRExpr* f  = binop(Iop_Or64,
                      binop(Iop_And64, mk_amd64g_calculate_rflags_all(),
                            mkU64(AMD64G_CC_MASK_O)),
                      binop(Iop_And64, ah, mkU64(SZAPC_MASK)));
   setFlags_COPY(f);
   return True;
}

/* pushf: the flags with DF, AC, ID, and bit 1 and IF set (always so in
   user mode). */
static Bool dis_pushf(Amd64Dis* d)
{
   Int sz = d->sz;
   IRExpr* f = binop(Iop_Or64,
      binop(Iop_Or64, mk_amd64g_calculate_rflags_all(),
            mkU64(AMD64G_RFLAGS_BIT1 | AMD64G_RFLAGS_IF)),
      binop(Iop_Or64,
            binop(Iop_And64, mkGet64(OFFB_DFLAG), mkU64(AMD64G_RFLAGS_DF)),
            binop(Iop_Or64,
                  binop(Iop_Shl64,
                        binop(Iop_And64, mkGet64(OFFB_ACFLAG), mkU64(1)),
                        mkU8(18)),
                  binop(Iop_Shl64,
                        binop(Iop_And64, mkGet64(OFFB_IDFLAG), mkU64(1)),
                        mkU8(21)))));
   IRExpr* v = mkAtom(narrowTo(szToITy(sz), f));
   IRTemp rsp = newTemp(Ity_I64);
   assign(rsp, binop(Iop_Sub64, getIReg64(4), mkU64((ULong)sz)));
   putIReg64(4, mkexpr(rsp));
   storeLE(mkexpr(rsp), v);
   return True;
}

/* popf: the arithmetic flags, DF, AC and ID from the stack. */
static Bool dis_popf(Amd64Dis* d)
{
   Int sz = d->sz;
   IRTemp rsp = newTemp(Ity_I64);
   assign(rsp, getIReg64(4));
   IRExpr* v = mkAtom(widenUto64(loadLE(szToITy(sz), mkexpr(rsp))));
   putIReg64(4, binop(Iop_Add64, mkexpr(rsp), mkU64((ULong)sz)));
   setFlags_COPY(v);
   stmt(IRStmt_Put(OFFB_DFLAG,
                   IRExpr_ITE(binop(Iop_CmpNE64,
                                    binop(Iop_And64, v,
                                          mkU64(AMD64G_RFLAGS_DF)),
                                    mkU64(0)),
                              mkU64(~0ULL), mkU64(1))));
   if (sz == 8) {
      stmt(IRStmt_Put(OFFB_ACFLAG, binop(Iop_And64,
                                         binop(Iop_Shr64, v, mkU8(18)),
                                         mkU64(1))));
      stmt(IRStmt_Put(OFFB_IDFLAG, binop(Iop_And64,
                                         binop(Iop_Shr64, v, mkU8(21)),
                                         mkU64(1))));
   }
   return True;
}

/* ================================================================== */
/* Miscellaneous                                                      */
/* ================================================================== */

static Bool dis_nop(Amd64Dis* d)
{
   return True;
}

/* xlat: AL = [RBX + AL] (segment override allowed) */
static Bool dis_xlat(Amd64Dis* d)
{
   IRExpr* a = binop(Iop_Add64, getIReg64(3),
                     unop(Iop_8Uto64, getIRegSz(1, 0, False)));
   if (d->asz == 4)
      a = unop(Iop_32Uto64, unop(Iop_64to32, a));
   if (d->pfx & PFX_FS)
      a = binop(Iop_Add64, a, mkGet64(OFFB_FS_CONST));
   else if (d->pfx & PFX_GS)
      a = binop(Iop_Add64, a, mkGet64(OFFB_GS_CONST));
   putIRegSz(1, 0, False, loadLE(Ity_I8, a));
   return True;
}

/* Instructions that end the block with a signal or a request to the
   core.  arg: the jump kind; resumes at the next instruction (int3,
   pause, int $0x80) or at this one (faults). */
static Bool dis_trap_next(Amd64Dis* d)
{
   amd64_jmp_lit(d, (IRJumpKind)d->e->arg, d->next_addr);
   return True;
}

static Bool dis_trap_here(Amd64Dis* d)
{
   amd64_jmp_lit(d, (IRJumpKind)d->e->arg, d->addr);
   return True;
}

/* int imm8 */
static Bool dis_int(Amd64Dis* d)
{
   switch (d->op[0].imm & 0xFF) {
      case 0x80: amd64_jmp_lit(d, Ijk_Sys_int128, d->next_addr); break;
      case 0x81: amd64_jmp_lit(d, Ijk_Sys_int129, d->next_addr); break;
      case 0x82: amd64_jmp_lit(d, Ijk_Sys_int130, d->next_addr); break;
      case 0x91: amd64_jmp_lit(d, Ijk_Sys_int145, d->next_addr); break;
      case 0xD2: amd64_jmp_lit(d, Ijk_Sys_int210, d->next_addr); break;
      case 0x03: amd64_jmp_lit(d, Ijk_SigTRAP, d->next_addr); break;
      default:   amd64_jmp_lit(d, Ijk_SigSEGV, d->addr); break;
   }
   return True;
}

/* syscall: RCX gets the return address (R11 the flags is left to the
   core, which performs the call). */
static Bool dis_syscall(Amd64Dis* d)
{
   putIReg64(1, mkU64(d->next_addr));
   stmt(IRStmt_Put(OFFB_IP_AT_SYSCALL, mkU64(d->addr)));
   amd64_jmp_lit(d, Ijk_Sys_syscall, d->next_addr);
   return True;
}

static Bool dis_cpuid(Amd64Dis* d)
{
   IRDirty* dd = unsafeIRDirty_0_N(0, "amd64g_dirtyhelper_CPUID_v2",
                                   (void*)&amd64g_dirtyhelper_CPUID_v2,
                                   mkIRExprVec_1(IRExpr_GSPTR()));
   dd->nFxState = 4;
   dd->fxState[0].fx = Ifx_Modify; dd->fxState[0].offset = (UShort)OFFB_RAX;
   dd->fxState[0].size = 8;
   dd->fxState[1].fx = Ifx_Write;  dd->fxState[1].offset = (UShort)OFFB_RBX;
   dd->fxState[1].size = 8;
   dd->fxState[2].fx = Ifx_Modify; dd->fxState[2].offset = (UShort)OFFB_RCX;
   dd->fxState[2].size = 8;
   dd->fxState[3].fx = Ifx_Write;  dd->fxState[3].offset = (UShort)OFFB_RDX;
   dd->fxState[3].size = 8;
   for (Int i = 0; i < 4; i++) {
      dd->fxState[i].nRepeats  = 0;
      dd->fxState[i].repeatLen = 0;
   }
   stmt(IRStmt_Dirty(dd));
   return True;
}

static Bool dis_rdtsc(Amd64Dis* d)
{
   IRTemp t = newTemp(Ity_I64);
   IRDirty* dd = unsafeIRDirty_1_N(t, 0, "amd64g_dirtyhelper_RDTSC",
                                   (void*)&amd64g_dirtyhelper_RDTSC,
                                   mkIRExprVec_0());
   stmt(IRStmt_Dirty(dd));
   putIRegSz(4, 0, False, unop(Iop_64to32, mkexpr(t)));
   putIRegSz(4, 2, False, unop(Iop_64HIto32, mkexpr(t)));
   return True;
}

static Bool dis_rdtscp(Amd64Dis* d)
{
   IRDirty* dd = unsafeIRDirty_0_N(0, "amd64g_dirtyhelper_RDTSCP",
                                   (void*)&amd64g_dirtyhelper_RDTSCP,
                                   mkIRExprVec_1(IRExpr_GSPTR()));
   dd->nFxState = 3;
   dd->fxState[0].fx = Ifx_Write; dd->fxState[0].offset = (UShort)OFFB_RAX;
   dd->fxState[0].size = 8;
   dd->fxState[1].fx = Ifx_Write; dd->fxState[1].offset = (UShort)OFFB_RCX;
   dd->fxState[1].size = 8;
   dd->fxState[2].fx = Ifx_Write; dd->fxState[2].offset = (UShort)OFFB_RDX;
   dd->fxState[2].size = 8;
   for (Int i = 0; i < 3; i++) {
      dd->fxState[i].nRepeats  = 0;
      dd->fxState[i].repeatLen = 0;
   }
   stmt(IRStmt_Dirty(dd));
   return True;
}

static Bool dis_fence(Amd64Dis* d)
{
   stmt(IRStmt_MBE(Imbe_Fence));
   return True;
}

/* clflush: code in that cache line may have changed, so the core is
   asked to discard translations of it (as VEX does). */
static Bool dis_clflush(Amd64Dis* d)
{
   stmt(IRStmt_Put(AMD64_OFFB(guest_CMSTART),
                   binop(Iop_And64, amd64_ea(d), mkU64(~63ULL))));
   stmt(IRStmt_Put(AMD64_OFFB(guest_CMLEN), mkU64(64)));
   amd64_jmp_lit(d, Ijk_InvalICache, d->next_addr);
   return True;
}

/* ================================================================== */
/* The table                                                          */
/* ================================================================== */

#define N OPF_NONE
#define ENT(map, opc, span, ext, pfx, modrm, flags, uf, mnem, o1, o2, o3, \
            fn, arg, cls)                                                \
   { map, opc, span, ext, pfx, uf, modrm, flags, mnem, { o1, o2, o3, N }, \
     fn, arg, cls }
/* one-byte map: plain, with a /digit, spanning */
#define B1(opc, fl, uf, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_1B, opc, 1, -1, AMD64_PFX_ANY, -1, fl, uf, mn, a, b, c, \
       fn, arg, cls)
#define BX(opc, x, fl, uf, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_1B, opc, 1, x, AMD64_PFX_ANY, -1, fl, uf, mn, a, b, c, \
       fn, arg, cls)
#define BS(opc, span, fl, uf, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_1B, opc, span, -1, AMD64_PFX_ANY, -1, fl, uf, mn, a, b, c, \
       fn, arg, cls)
/* 0F map */
#define T1(opc, fl, uf, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, 1, -1, AMD64_PFX_ANY, -1, fl, uf, mn, a, b, c, \
       fn, arg, cls)
#define TX(opc, x, fl, uf, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, 1, x, AMD64_PFX_ANY, -1, fl, uf, mn, a, b, c, \
       fn, arg, cls)
#define TS(opc, span, fl, uf, mn, a, b, c, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, span, -1, AMD64_PFX_ANY, -1, fl, uf, mn, a, b, c, \
       fn, arg, cls)

#define UF_LOGIC AMD64_UF_A
#define UF_MUL   (AMD64_UF_S | AMD64_UF_Z | AMD64_UF_A | AMD64_UF_P)
#define UF_SHIFT (AMD64_UF_A | AMD64_UF_O)
#define UF_BT    (AMD64_UF_O | AMD64_UF_S | AMD64_UF_A | AMD64_UF_P)
#define UF_BSF   (AMD64_UF_O | AMD64_UF_S | AMD64_UF_A | AMD64_UF_P | \
                  AMD64_UF_C)

#define SP AF_DSPACE
#define NS AF_DNOSUF
#define LK AF_LOCK

/* The eight ALU operations: the six short forms at 8*k .. 8*k+5 and the
   three immediate group forms 80/81/83 /k. */
#define ALU_ROW(k, mn, lk, uf)                                             \
   B1(8 * (k) + 0, lk, uf, mn, OPF_Eb, OPF_Gb, N, dis_alu, k, "alu"),       \
   B1(8 * (k) + 1, lk, uf, mn, OPF_Ev, OPF_Gv, N, dis_alu, k, "alu"),       \
   B1(8 * (k) + 2, 0, uf, mn, OPF_Gb, OPF_Eb, N, dis_alu, k, "alu"),        \
   B1(8 * (k) + 3, 0, uf, mn, OPF_Gv, OPF_Ev, N, dis_alu, k, "alu"),        \
   B1(8 * (k) + 4, SP, uf, mn, OPF_AL, OPF_Ib, N, dis_alu, k, "alu"),       \
   B1(8 * (k) + 5, SP, uf, mn, OPF_rAX, OPF_Iz, N, dis_alu, k, "alu"),      \
   BX(0x80, k, SP | (lk), uf, mn, OPF_Eb, OPF_Ib, N, dis_alu, k, "alu"),    \
   BX(0x81, k, SP | (lk), uf, mn, OPF_Ev, OPF_Iz, N, dis_alu, k, "alu"),    \
   BX(0x83, k, SP | (lk), uf, mn, OPF_Ev, OPF_Ibs, N, dis_alu, k, "alu")

/* The group-2 shifts: C0/C1 by Ib, D0/D1 by 1, D2/D3 by CL, /k. */
#define SHIFT_ROW(k, mn, uf, cls)                                          \
   BX(0xC0, k, SP | AF_DIRIMM, uf, mn, OPF_Eb, OPF_Ib, N, dis_shift, k, cls), \
   BX(0xC1, k, SP | AF_DIRIMM, uf, mn, OPF_Ev, OPF_Ib, N, dis_shift, k, cls), \
   BX(0xD0, k, SP | AF_DIRIMM, uf, mn, OPF_Eb, OPF_ONE, N, dis_shift, k, cls), \
   BX(0xD1, k, SP | AF_DIRIMM, uf, mn, OPF_Ev, OPF_ONE, N, dis_shift, k, cls), \
   BX(0xD2, k, SP, uf, mn, OPF_Eb, OPF_CL, N, dis_shift, k, cls),           \
   BX(0xD3, k, SP, uf, mn, OPF_Ev, OPF_CL, N, dis_shift, k, cls)

/* Bit tests: 0F xx Ev,Gv and 0F BA /k Ev,Ib. */
#define BT_ROW(opc, k, mn, lk)                                             \
   T1(opc, SP | (lk), UF_BT, mn, OPF_Ev, OPF_Gv, N, dis_bt, k, "bt"),       \
   TX(0xBA, 4 + (k), SP | AF_DHEXIMM | (lk), UF_BT, mn, OPF_Ev, OPF_Ib, N,  \
      dis_bt, k, "bt")

static const Amd64OpEntry int_entries[] = {
   /* ---- arithmetic and logic ---- */
   ALU_ROW(ALU_ADD, "add", LK, 0),
   ALU_ROW(ALU_OR,  "or",  LK, UF_LOGIC),
   ALU_ROW(ALU_ADC, "adc", LK, 0),
   ALU_ROW(ALU_SBB, "sbb", LK, 0),
   ALU_ROW(ALU_AND, "and", LK, UF_LOGIC),
   ALU_ROW(ALU_SUB, "sub", LK, 0),
   ALU_ROW(ALU_XOR, "xor", LK, UF_LOGIC),
   ALU_ROW(ALU_CMP, "cmp", 0,  0),
   /* (Valgrind prints these two with the operands in Intel order) */
   B1(0x84, AF_DREV, UF_LOGIC, "test", OPF_Eb, OPF_Gb, N, dis_test, 0, "test"),
   B1(0x85, AF_DREV, UF_LOGIC, "test", OPF_Ev, OPF_Gv, N, dis_test, 0, "test"),
   B1(0xA8, SP, UF_LOGIC, "test", OPF_AL, OPF_Ib, N, dis_test, 0, "test"),
   B1(0xA9, SP, UF_LOGIC, "test", OPF_rAX, OPF_Iz, N, dis_test, 0, "test"),
   BX(0xF6, 0, SP, UF_LOGIC, "test", OPF_Eb, OPF_Ib, N, dis_test, 0, "test"),
   BX(0xF6, 1, SP, UF_LOGIC, "test", OPF_Eb, OPF_Ib, N, dis_test, 0, "test"),
   BX(0xF7, 0, SP, UF_LOGIC, "test", OPF_Ev, OPF_Iz, N, dis_test, 0, "test"),
   BX(0xF7, 1, SP, UF_LOGIC, "test", OPF_Ev, OPF_Iz, N, dis_test, 0, "test"),
   BX(0xFE, 0, LK, 0, "inc", OPF_Eb, N, N, dis_incdec, 0, "incdec"),
   BX(0xFE, 1, LK, 0, "dec", OPF_Eb, N, N, dis_incdec, 1, "incdec"),
   BX(0xFF, 0, LK, 0, "inc", OPF_Ev, N, N, dis_incdec, 0, "incdec"),
   BX(0xFF, 1, LK, 0, "dec", OPF_Ev, N, N, dis_incdec, 1, "incdec"),
   BX(0xF6, 2, LK, 0, "not", OPF_Eb, N, N, dis_notneg, 0, "notneg"),
   BX(0xF7, 2, LK, 0, "not", OPF_Ev, N, N, dis_notneg, 0, "notneg"),
   BX(0xF6, 3, LK, 0, "neg", OPF_Eb, N, N, dis_notneg, 1, "notneg"),
   BX(0xF7, 3, LK, 0, "neg", OPF_Ev, N, N, dis_notneg, 1, "notneg"),

   /* ---- multiply and divide ---- */
   BX(0xF6, 4, 0, UF_MUL, "mul", OPF_Eb, N, N, dis_mul1, 0, "mul"),
   BX(0xF7, 4, 0, UF_MUL, "mul", OPF_Ev, N, N, dis_mul1, 0, "mul"),
   BX(0xF6, 5, 0, UF_MUL, "imul", OPF_Eb, N, N, dis_mul1, 1, "mul"),
   BX(0xF7, 5, 0, UF_MUL, "imul", OPF_Ev, N, N, dis_mul1, 1, "mul"),
   T1(0xAF, SP, UF_MUL, "imul", OPF_Gv, OPF_Ev, N, dis_imul_n, 0, "imul"),
   B1(0x69, SP, UF_MUL, "imul", OPF_Gv, OPF_Ev, OPF_Iz, dis_imul_n, 0, "imul"),
   B1(0x6B, SP, UF_MUL, "imul", OPF_Gv, OPF_Ev, OPF_Ibs, dis_imul_n, 0, "imul"),
   BX(0xF6, 6, AF_FAULTS, AMD64_UF_ALL, "div", OPF_Eb, N, N, dis_div, 0, "div"),
   BX(0xF7, 6, AF_FAULTS, AMD64_UF_ALL, "div", OPF_Ev, N, N, dis_div, 0, "div"),
   BX(0xF6, 7, AF_FAULTS, AMD64_UF_ALL, "idiv", OPF_Eb, N, N, dis_div, 1, "div"),
   BX(0xF7, 7, AF_FAULTS, AMD64_UF_ALL, "idiv", OPF_Ev, N, N, dis_div, 1, "div"),

   /* ---- shifts and rotates ---- */
   SHIFT_ROW(SH_ROL, "rol", AMD64_UF_O, "rotate"),
   SHIFT_ROW(SH_ROR, "ror", AMD64_UF_O, "rotate"),
   SHIFT_ROW(SH_RCL, "rcl", AMD64_UF_O, "rcl"),
   SHIFT_ROW(SH_RCR, "rcr", AMD64_UF_O, "rcl"),
   SHIFT_ROW(SH_SHL, "shl", UF_SHIFT, "shift"),
   SHIFT_ROW(SH_SHR, "shr", UF_SHIFT, "shift"),
   SHIFT_ROW(SH_SAL, "shl", UF_SHIFT, "shift"),
   SHIFT_ROW(SH_SAR, "sar", UF_SHIFT, "shift"),
   T1(0xA4, SP, UF_SHIFT, "shld", OPF_Ev, OPF_Gv, OPF_Ib, dis_shd, 0, "shd"),
   T1(0xA5, SP, UF_SHIFT, "shld", OPF_Ev, OPF_Gv, OPF_CL, dis_shd, 0, "shd"),
   T1(0xAC, SP, UF_SHIFT, "shrd", OPF_Ev, OPF_Gv, OPF_Ib, dis_shd, 1, "shd"),
   T1(0xAD, SP, UF_SHIFT, "shrd", OPF_Ev, OPF_Gv, OPF_CL, dis_shd, 1, "shd"),

   /* ---- bit test, scan, count ---- */
   BT_ROW(0xA3, BT_TEST, "bt", 0),
   BT_ROW(0xAB, BT_SET, "bts", LK),
   BT_ROW(0xB3, BT_RESET, "btr", LK),
   BT_ROW(0xBB, BT_COMPLEMENT, "btc", LK),
   T1(0xBC, SP, UF_BSF, "bsf", OPF_Gv, OPF_Ev, N, dis_bsfr, 0, "bitscan"),
   T1(0xBD, SP, UF_BSF, "bsr", OPF_Gv, OPF_Ev, N, dis_bsfr, 1, "bitscan"),
   ENT(AMD64_MAP_0F, 0xBC, 1, -1, AMD64_PFX_F3, -1, SP, UF_BT, "tzcnt",
       OPF_Gv, OPF_Ev, N, dis_tzlzcnt, 0, "lzcnt"),
   ENT(AMD64_MAP_0F, 0xBD, 1, -1, AMD64_PFX_F3, -1, SP, UF_BT, "lzcnt",
       OPF_Gv, OPF_Ev, N, dis_tzlzcnt, 1, "lzcnt"),
   ENT(AMD64_MAP_0F, 0xB8, 1, -1, AMD64_PFX_F3, -1, SP, 0, "popcnt",
       OPF_Gv, OPF_Ev, N, dis_popcnt, 0, "popcnt"),
   TS(0xC8, 8, 0, 0, "bswap", OPF_Zv, N, N, dis_bswap, 0, "bswap"),
   /* movbe takes 66 as the operand-size prefix; F2 makes it crc32 */
   ENT(AMD64_MAP_0F38, 0xF0, 1, -1, AMD64_PFX_ANY, -1, AF_MEM | NS, 0, "movbe",
       OPF_Gv, OPF_Mv, N, dis_movbe, 0, "movbe"),
   ENT(AMD64_MAP_0F38, 0xF1, 1, -1, AMD64_PFX_ANY, -1, AF_MEM | NS, 0, "movbe",
       OPF_Mv, OPF_Gv, N, dis_movbe, 1, "movbe"),
   ENT(AMD64_MAP_0F38, 0xF0, 1, -1, AMD64_PFX_F2, -1, SP | AF_DSZB, 0,
       "crc32", OPF_Gy, OPF_Eb, N, dis_crc32, 0, "crc32"),
   ENT(AMD64_MAP_0F38, 0xF1, 1, -1, AMD64_PFX_F2, -1, SP | AF_DSZB, 0,
       "crc32", OPF_Gy, OPF_Ev, N, dis_crc32, 0, "crc32"),

   /* ---- moves ---- */
   B1(0x88, 0, 0, "mov", OPF_Eb, OPF_Gb, N, dis_mov, 0, "mov"),
   B1(0x89, 0, 0, "mov", OPF_Ev, OPF_Gv, N, dis_mov, 0, "mov"),
   B1(0x8A, 0, 0, "mov", OPF_Gb, OPF_Eb, N, dis_mov, 0, "mov"),
   B1(0x8B, 0, 0, "mov", OPF_Gv, OPF_Ev, N, dis_mov, 0, "mov"),
   BX(0xC6, 0, SP, 0, "mov", OPF_Eb, OPF_Ib, N, dis_mov, 0, "mov"),
   BX(0xC7, 0, SP, 0, "mov", OPF_Ev, OPF_Iz, N, dis_mov, 0, "mov"),
   BS(0xB0, 8, 0, 0, "mov", OPF_Zb, OPF_Ib, N, dis_mov, 0, "mov"),
   BS(0xB8, 8, 0, 0, "mov|mov|movabs", OPF_Zv, OPF_Iv, N, dis_mov, 0, "mov"),
   B1(0xA0, SP, 0, "mov", OPF_AL, OPF_Ob, N, dis_mov, 0, "moffs"),
   B1(0xA1, SP, 0, "mov", OPF_rAX, OPF_Ov, N, dis_mov, 0, "moffs"),
   B1(0xA2, SP, 0, "mov", OPF_Ob, OPF_AL, N, dis_mov, 0, "moffs"),
   B1(0xA3, SP, 0, "mov", OPF_Ov, OPF_rAX, N, dis_mov, 0, "moffs"),
   T1(0xB6, 0, 0, "movzb", OPF_Gv, OPF_Eb, N, dis_movx, 0, "movx"),
   T1(0xB7, 0, 0, "movzw", OPF_Gv, OPF_Ew, N, dis_movx, 0, "movx"),
   T1(0xBE, 0, 0, "movsb", OPF_Gv, OPF_Eb, N, dis_movx, 1, "movx"),
   T1(0xBF, 0, 0, "movsw", OPF_Gv, OPF_Ew, N, dis_movx, 1, "movx"),
   B1(0x63, AF_W1, 0, "movsl", OPF_Gv, OPF_Ed, N, dis_movx, 1, "movx"),
   /* without REX.W: Gv, Ez -- a plain 32- or 16-bit move */
   B1(0x63, AF_W0 | NS, 0, "movsxd", OPF_Gv, OPF_Ev, N, dis_mov, 0, "movx"),
   B1(0x8D, SP | AF_MEM, 0, "lea", OPF_Gv, OPF_M, N, dis_lea, 0, "lea"),
   B1(0x98, NS, 0, "cbw|cwtl|cltq", N, N, N, dis_cbw, 0, "convert"),
   B1(0x99, NS, 0, "cwd|cltd|cqo", N, N, N, dis_cwd, 0, "convert"),
   B1(0x86, SP | AF_XLOCK | LK, 0, "xchg", OPF_Eb, OPF_Gb, N, dis_xchg, 0,
      "xchg"),
   B1(0x87, SP | AF_XLOCK | LK, 0, "xchg", OPF_Ev, OPF_Gv, N, dis_xchg, 0,
      "xchg"),
   BS(0x90, 8, SP, 0, "xchg", OPF_Zv, OPF_rAX, N, dis_xchg, 0, "xchg"),
   T1(0xB0, LK, 0, "cmpxchg", OPF_Eb, OPF_Gb, N, dis_cmpxchg, 0, "cmpxchg"),
   T1(0xB1, LK, 0, "cmpxchg", OPF_Ev, OPF_Gv, N, dis_cmpxchg, 0, "cmpxchg"),
   ENT(AMD64_MAP_0F, 0xC7, 1, 1, AMD64_PFX_ANY, -1, AF_W0 | AF_MEM | LK | NS,
       0, "cmpxchg8b", OPF_Mq, N, N, dis_cmpxchg8b, 4, "cmpxchg8b"),
   ENT(AMD64_MAP_0F, 0xC7, 1, 1, AMD64_PFX_ANY, -1, AF_W1 | AF_MEM | LK | NS,
       0, "cmpxchg16b", OPF_Mdq, N, N, dis_cmpxchg8b, 8, "cmpxchg8b"),
   T1(0xC0, SP | LK, 0, "xadd", OPF_Eb, OPF_Gb, N, dis_xadd, 0, "xadd"),
   T1(0xC1, SP | LK, 0, "xadd", OPF_Ev, OPF_Gv, N, dis_xadd, 0, "xadd"),

   /* ---- conditions ---- */
   TS(0x40, 16, AF_CC | NS, 0, "cmov%", OPF_Gv, OPF_Ev, N, dis_cmov, 0,
      "cmov"),
   TS(0x90, 16, AF_CC | NS, 0, "set%", OPF_Eb, N, N, dis_setcc, 0, "setcc"),
   BS(0x70, 16, AF_CC | AF_CTRL | NS, 0, "j%-8", OPF_Jb, N, N, dis_jcc, 0,
      "jcc"),
   TS(0x80, 16, AF_CC | AF_CTRL | AF_F64 | NS, 0, "j%-32", OPF_Jz, N, N,
      dis_jcc, 0, "jcc"),

   /* ---- control transfers ---- */
   B1(0xEB, AF_CTRL | AF_F64 | NS, 0, "jmp-8", OPF_Jb, N, N, dis_jmp, 0,
      "jmp"),
   B1(0xE9, AF_CTRL | AF_F64 | NS, 0, "jmp", OPF_Jz, N, N, dis_jmp, 0, "jmp"),
   BX(0xFF, 4, AF_CTRL | AF_F64 | NS | AF_DSTAR, 0, "jmp*", OPF_Ev, N, N,
      dis_jmp, 0, "jmp"),
   B1(0xE8, AF_CTRL | AF_F64 | AF_STACK | NS, 0, "call", OPF_Jz, N, N,
      dis_call, 0, "call"),
   BX(0xFF, 2, AF_CTRL | AF_F64 | AF_STACK | NS | AF_DSTAR, 0, "call*",
      OPF_Ev, N, N, dis_call, 0, "call"),
   B1(0xC3, AF_CTRL | AF_F64 | AF_STACK | NS, 0, "ret", N, N, N, dis_ret, 0,
      "ret"),
   B1(0xC2, AF_CTRL | AF_F64 | AF_STACK | NS, 0, "ret", OPF_Iw, N, N,
      dis_ret, 0, "ret"),
   B1(0xE2, AF_CTRL | AF_F64 | NS, 0, "loop", OPF_Jb, N, N, dis_loop, 0,
      "loop"),
   B1(0xE1, AF_CTRL | AF_F64 | NS, 0, "loope", OPF_Jb, N, N, dis_loop, 1,
      "loop"),
   B1(0xE0, AF_CTRL | AF_F64 | NS, 0, "loopne", OPF_Jb, N, N, dis_loop, 2,
      "loop"),
   B1(0xE3, AF_CTRL | AF_F64 | NS, 0, "jrcxz", OPF_Jb, N, N, dis_loop, 3,
      "loop"),

   /* ---- the stack ---- */
   BS(0x50, 8, AF_D64 | AF_STACK, 0, "push", OPF_Zv, N, N, dis_push, 0,
      "push"),
   BS(0x58, 8, AF_D64 | AF_STACK, 0, "pop", OPF_Zv, N, N, dis_pop, 0, "pop"),
   B1(0x6A, AF_D64 | AF_STACK, 0, "push", OPF_Ibs, N, N, dis_push, 0, "push"),
   B1(0x68, AF_D64 | AF_STACK, 0, "push", OPF_Iz, N, N, dis_push, 0, "push"),
   BX(0xFF, 6, AF_D64 | AF_STACK, 0, "push", OPF_Ev, N, N, dis_push, 0,
      "push"),
   BX(0x8F, 0, AF_D64 | AF_STACK, 0, "pop", OPF_Ev, N, N, dis_pop, 0, "pop"),
   B1(0xC8, AF_D64 | AF_STACK | NS | SP | AF_DREV, 0, "enter", OPF_Iw,
      OPF_Ib, N, dis_enter, 0, "enter"),
   B1(0xC9, AF_D64 | AF_STACK | NS, 0, "leave", N, N, N, dis_leave, 0,
      "enter"),
   B1(0x9C, AF_D64 | AF_STACK | NS, 0, "pushfw|pushfq|pushfq", N, N, N,
      dis_pushf, 0, "pushf"),
   B1(0x9D, AF_D64 | AF_STACK | NS, 0, "popfw|popfq|popfq", N, N, N,
      dis_popf, 0, "pushf"),

   /* ---- flags ---- */
   B1(0xF8, NS, 0, "clc", N, N, N, dis_carry, 0, "flags"),
   B1(0xF9, NS, 0, "stc", N, N, N, dis_carry, 1, "flags"),
   B1(0xF5, NS, 0, "cmc", N, N, N, dis_carry, 2, "flags"),
   B1(0xFC, NS, 0, "cld", N, N, N, dis_dflag, 0, "dflag"),
   B1(0xFD, NS, 0, "std", N, N, N, dis_dflag, 1, "dflag"),
   B1(0x9F, NS, 0, "lahf", N, N, N, dis_lahf, 0, "flags"),
   B1(0x9E, NS, 0, "sahf", N, N, N, dis_sahf, 0, "flags"),

   /* ---- no-ops and hints ---- */
   B1(0x90, AF_NOREXB | NS, 0, "nop", N, N, N, dis_nop, 0, "nop"),
   ENT(AMD64_MAP_1B, 0x90, 1, -1, AMD64_PFX_F3, -1, AF_NOREXB | NS, 0,
       "rep nop (P4 pause)", N, N, N, dis_trap_next, Ijk_Yield, "pause"),
   TS(0x19, 7, 0, 0, "nop", OPF_Ev, N, N, dis_nop, 0, "nop"),
   ENT(AMD64_MAP_0F, 0x1E, 1, -1, AMD64_PFX_F3, 0xFA, NS, 0, "endbr64",
       N, N, N, dis_nop, 0, "nop"),
   ENT(AMD64_MAP_0F, 0x1E, 1, -1, AMD64_PFX_F3, 0xFB, NS, 0, "endbr32",
       N, N, N, dis_nop, 0, "nop"),
   TS(0x18, 1, NS, 0, "nop", OPF_Ev, N, N, dis_nop, 0, "nop"),
   TX(0x18, 0, AF_MEM | NS, 0, "prefetchnta", OPF_M, N, N, dis_nop, 0,
      "prefetch"),
   TX(0x18, 1, AF_MEM | NS, 0, "prefetcht0", OPF_M, N, N, dis_nop, 0,
      "prefetch"),
   TX(0x18, 2, AF_MEM | NS, 0, "prefetcht1", OPF_M, N, N, dis_nop, 0,
      "prefetch"),
   TX(0x18, 3, AF_MEM | NS, 0, "prefetcht2", OPF_M, N, N, dis_nop, 0,
      "prefetch"),
   TX(0x0D, 0, AF_MEM | NS, 0, "prefetch", OPF_M, N, N, dis_nop, 0,
      "prefetch"),
   TX(0x0D, 1, AF_MEM | NS, 0, "prefetchw", OPF_M, N, N, dis_nop, 0,
      "prefetch"),
   B1(0xD7, NS, 0, "xlat", N, N, N, dis_xlat, 0, "xlat"),

   /* ---- traps, system calls, system instructions ---- */
   B1(0xCC, AF_CTRL | NS, 0, "int $0x3", N, N, N, dis_trap_next,
      Ijk_SigTRAP, "trap"),
   B1(0xCD, AF_CTRL | NS | AF_DHEXIMM, 0, "int", OPF_Ib, N, N, dis_int, 0,
      "trap"),
   T1(0x0B, AF_CTRL | AF_FAULTS | NS, 0, "ud2", N, N, N, dis_trap_here,
      Ijk_SigILL, "trap"),
   B1(0xF4, AF_CTRL | AF_FAULTS | NS, 0, "hlt", N, N, N, dis_trap_here,
      Ijk_SigSEGV, "trap"),
   T1(0x05, AF_CTRL | AF_SYS | NS, 0, "syscall", N, N, N, dis_syscall, 0,
      "syscall"),
   T1(0xA2, AF_SYS | NS, 0, "cpuid", N, N, N, dis_cpuid, 0, "system"),
   T1(0x31, AF_SYS | NS, 0, "rdtsc", N, N, N, dis_rdtsc, 0, "system"),
   ENT(AMD64_MAP_0F, 0x01, 1, -1, AMD64_PFX_ANY, 0xF9, AF_SYS | NS, 0,
       "rdtscp", N, N, N, dis_rdtscp, 0, "system"),
   TX(0xAE, 5, AF_REG | NS, 0, "lfence", N, N, N, dis_fence, 0, "system"),
   TX(0xAE, 6, AF_REG | NS, 0, "mfence", N, N, N, dis_fence, 0, "system"),
   TX(0xAE, 7, AF_REG | NS, 0, "sfence", N, N, N, dis_fence, 0, "system"),
   TX(0xAE, 7, AF_MEM | AF_CTRL | NS, 0, "clflush", OPF_Mb, N, N,
      dis_clflush, 0, "system"),

   /* ---- invalid in 64-bit mode (listed so that the disassembler and
      the coverage list know them) ---- */
   B1(0x06, AF_INV64 | NS, 0, "push %es", N, N, N, NULL, 0, "invalid"),
   B1(0x07, AF_INV64 | NS, 0, "pop %es", N, N, N, NULL, 0, "invalid"),
   B1(0x0E, AF_INV64 | NS, 0, "push %cs", N, N, N, NULL, 0, "invalid"),
   B1(0x16, AF_INV64 | NS, 0, "push %ss", N, N, N, NULL, 0, "invalid"),
   B1(0x17, AF_INV64 | NS, 0, "pop %ss", N, N, N, NULL, 0, "invalid"),
   B1(0x1E, AF_INV64 | NS, 0, "push %ds", N, N, N, NULL, 0, "invalid"),
   B1(0x1F, AF_INV64 | NS, 0, "pop %ds", N, N, N, NULL, 0, "invalid"),
   B1(0x27, AF_INV64 | NS, 0, "daa", N, N, N, NULL, 0, "invalid"),
   B1(0x2F, AF_INV64 | NS, 0, "das", N, N, N, NULL, 0, "invalid"),
   B1(0x37, AF_INV64 | NS, 0, "aaa", N, N, N, NULL, 0, "invalid"),
   B1(0x3F, AF_INV64 | NS, 0, "aas", N, N, N, NULL, 0, "invalid"),
   B1(0x60, AF_INV64 | NS, 0, "pusha", N, N, N, NULL, 0, "invalid"),
   B1(0x61, AF_INV64 | NS, 0, "popa", N, N, N, NULL, 0, "invalid"),
   B1(0x62, AF_INV64 | NS, 0, "bound", N, N, N, NULL, 0, "invalid"),
   B1(0x82, AF_INV64 | NS, 0, "(grp1 alias)", N, N, N, NULL, 0, "invalid"),
   B1(0x9A, AF_INV64 | NS, 0, "lcall", N, N, N, NULL, 0, "invalid"),
   B1(0xCE, AF_INV64 | NS, 0, "into", N, N, N, NULL, 0, "invalid"),
   B1(0xD4, AF_INV64 | NS, 0, "aam", N, N, N, NULL, 0, "invalid"),
   B1(0xD5, AF_INV64 | NS, 0, "aad", N, N, N, NULL, 0, "invalid"),
   B1(0xD6, AF_INV64 | NS, 0, "salc", N, N, N, NULL, 0, "invalid"),
   B1(0xEA, AF_INV64 | NS, 0, "ljmp", N, N, N, NULL, 0, "invalid"),
};

const Amd64OpTable amd64_optable_int = {
   "integer",
   int_entries,
   (Int)(sizeof int_entries / sizeof int_entries[0])
};
