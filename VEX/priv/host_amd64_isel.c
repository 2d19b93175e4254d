/* Instruction selection for amd64: IR superblocks (flat or trees) to
   AMD64Instrs on virtual registers, ready for the register allocator.

   This file does the block structure (event check, profile counter,
   exits), every statement, integer and I128 expressions, condition codes
   and helper calls; host_amd64_isel_simd.c does the F32/F64/V128/V256
   expressions.  The conventions shared by both (narrow integers, the
   rounding mode, the stack) are in host_amd64_isel.h.

   Integer selection in outline:
   - Memory operands: an I64 GET or load feeding an ALU operation is read
     by the operation itself (RMI/RM operands); addresses fold
     Add64(base, imm32), Add64(base, Shl64(index, 1..3)) and
     Add64(Add64(base, Shl64(index, 1..3)), imm32) into one amode, and
     the same patterns on the right of a temporary's assignment become
     a single lea.
   - Immediates: constants that fit in 32 bits signed (or any constant of
     a narrow type, whose upper bits do not matter) are immediate
     operands; others are loaded with Imm64 (which the emitter shortens).
   - Conditions (amd64isel_CondCode) set the flags directly, so
     `if (CmpLT64S(t1,t2)) exit' is a cmp and the exit's jcc.  An I1
     value in a register (a temporary) is tested with `test $1'.
   - Narrow ops are done in 64-bit registers; only right shifts,
     division, widening multiplies, comparisons and the like extend their
     operands first.
   - Widening from a narrow load or GET uses the loading instruction's own
     zero/sign extension.

   Helper calls (clean CCalls and dirty calls) follow the SysV ABI:
   arguments in rdi rsi rdx rcx r8 r9 (at most six; regparms is
   ignored), integer result in rax.  Arguments narrower than 64 bits are
   zero-extended to 64 (the ABI would allow garbage above 32 bits; a
   helper declared with ULong parameters then sees the IR value).  A dirty call's V128/V256 result goes through a
   16/32-byte area the caller reserves on the stack and passes as the
   VECRET argument. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_trc_values.h"
#include "main_util.h"
#include "host_generic_regs.h"
#include "host_amd64_defs.h"
#include "host_amd64_isel.h"

/* ------------------------------------------------------------------ */
/* Environment basics                                                 */
/* ------------------------------------------------------------------ */

static void restore_default_mxcsr(AMD64ISelEnv* env);

/* Instructions whose result cannot depend on MXCSR: integer work, moves
   and shuffles.  Everything else (FP arithmetic, conversions, calls,
   exits) must see the default rounding mode unless it is the rounded
   operation being built. */
static Bool mxcsr_neutral(const AMD64Instr* i)
{
   switch (i->tag) {
      case Ain_Imm64: case Ain_Alu64R: case Ain_Alu64M: case Ain_Sh64:
      case Ain_Sh32: case Ain_Test64: case Ain_Unary64: case Ain_Lea64:
      case Ain_Alu32R: case Ain_MulL: case Ain_Div: case Ain_Push:
      case Ain_CMov64: case Ain_CLoad: case Ain_CStore: case Ain_MovxLQ:
      case Ain_LoadEX: case Ain_Store: case Ain_Set64: case Ain_Bsfr64:
      case Ain_MFence: case Ain_ACAS: case Ain_DACAS: case Ain_LdMXCSR:
      case Ain_SseLdSt: case Ain_SseLdzLO: case Ain_SseCMov:
      case Ain_SseShuf: case Ain_SseShiftN: case Ain_SseMOVQ:
      case Ain_SseReRg:   /* moves, logic, integer lanes: no rounding */
         return True;
      default:
         return False;
   }
}

void amd64isel_addInstr(AMD64ISelEnv* env, AMD64Instr* instr)
{
   if (env->mxcsr_set && !env->rm_in_use && !mxcsr_neutral(instr))
      restore_default_mxcsr(env);
   addHInstr(env->code, instr);
   if (vex_traceflags & VEX_TRACE_VCODE) {
      ppAMD64Instr(instr, True);
      vex_printf("\n");
   }
}

HReg amd64isel_newVRegI(AMD64ISelEnv* env)
{
   return mkHRegVirtual((UInt)env->vreg_ctr++, HRcInt64);
}

HReg amd64isel_newVRegV(AMD64ISelEnv* env)
{
   return mkHRegVirtual((UInt)env->vreg_ctr++, HRcVec128);
}

HReg amd64isel_lookupIRTemp(AMD64ISelEnv* env, IRTemp tmp)
{
   vassert(tmp < (IRTemp)env->n_vregmap);
   return env->vregmap[tmp];
}

void amd64isel_lookupIRTempPair(HReg* hi, HReg* lo, AMD64ISelEnv* env,
                                IRTemp tmp)
{
   vassert(tmp < (IRTemp)env->n_vregmap);
   vassert(!hregIsInvalid(env->vregmapHI[tmp]));
   *hi = env->vregmapHI[tmp];
   *lo = env->vregmap[tmp];
}

/* Short names inside this file. */
#define addInstr    amd64isel_addInstr
#define newVRegI    amd64isel_newVRegI
#define newVRegV    amd64isel_newVRegV
#define iselIntExpr_R     amd64isel_IntExpr_R
#define iselIntExpr_RMI   amd64isel_IntExpr_RMI
#define iselIntExpr_AMode amd64isel_IntExpr_AMode
#define iselCondCode      amd64isel_CondCode

static AMD64Instr* mk_iMOVsd_RR(HReg src, HReg dst)
{
   vassert(hregClass(src) == HRcInt64 && hregClass(dst) == HRcInt64);
   return AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(src), dst);
}

static AMD64Instr* mk_vMOVsd_RR(HReg src, HReg dst)
{
   vassert(hregClass(src) == HRcVec128 && hregClass(dst) == HRcVec128);
   return AMD64Instr_SseReRg(Asse_MOV, src, dst);
}

HReg amd64isel_copyI(AMD64ISelEnv* env, HReg src)
{
   HReg dst = newVRegI(env);
   addInstr(env, mk_iMOVsd_RR(src, dst));
   return dst;
}

HReg amd64isel_copyV(AMD64ISelEnv* env, HReg src)
{
   HReg dst = newVRegV(env);
   addInstr(env, mk_vMOVsd_RR(src, dst));
   return dst;
}

HReg amd64isel_imm64(AMD64ISelEnv* env, ULong imm)
{
   HReg dst = newVRegI(env);
   addInstr(env, AMD64Instr_Imm64(imm, dst));
   return dst;
}

static AMD64AMode* rbp_amode(Int off)
{
   return AMD64AMode_IR((UInt)off, hregAMD64_RBP());
}

static AMD64AMode* rsp_amode(Int off)
{
   return AMD64AMode_IR((UInt)off, hregAMD64_RSP());
}

/* A copy of AM, DELTA bytes further on. */
static AMD64AMode* advanceAMode(const AMD64AMode* am, Int delta)
{
   AMD64AMode* a = dopyAMD64AMode(am);
   if (a->tag == Aam_IR)
      a->Aam.IR.imm += (UInt)delta;
   else
      a->Aam.IRRS.imm += (UInt)delta;
   return a;
}

static Bool fitsIn32Bits(ULong x)
{
   return (ULong)(Long)(Int)(UInt)x == x;
}

static HReg rax(void) { return hregAMD64_RAX(); }
static HReg rdx(void) { return hregAMD64_RDX(); }

void amd64isel_unhandled(const HChar* where, const IRExpr* e)
{
   static HChar msg[200];
   const HChar* what = "expression";
   switch (e->tag) {
      case Iex_Unop:  what = nameOfIROp(e->Iex.Unop.op); break;
      case Iex_Binop: what = nameOfIROp(e->Iex.Binop.op); break;
      case Iex_Triop: what = nameOfIROp(e->Iex.Triop.details->op); break;
      case Iex_Qop:   what = nameOfIROp(e->Iex.Qop.details->op); break;
      default: break;
   }
   vex_printf("\n%s: cannot select: ", where);
   ppIRExpr(e);
   vex_printf("\n");
   vex_sprintf(msg, "amd64 isel (%s): unsupported %s", where, what);
   vpanic(msg);
}

/* Zero-extends SRC of type TY into a new register. */
HReg amd64isel_zeroExtend(AMD64ISelEnv* env, HReg src, IRType ty)
{
   HReg dst = newVRegI(env);
   switch (ty) {
      case Ity_I64:
         addInstr(env, mk_iMOVsd_RR(src, dst));
         break;
      case Ity_I32:
         addInstr(env, AMD64Instr_MovxLQ(False, src, dst));
         break;
      case Ity_I16: case Ity_I8: case Ity_I1:
         addInstr(env, mk_iMOVsd_RR(src, dst));
         addInstr(env, AMD64Instr_Alu64R(Aalu_AND,
                          AMD64RMI_Imm(ty == Ity_I16 ? 0xFFFF
                                       : ty == Ity_I8 ? 0xFF : 1), dst));
         break;
      default:
         vpanic("amd64isel_zeroExtend");
   }
   return dst;
}

/* Sign-extends SRC of type TY into a new register. */
static HReg signExtend(AMD64ISelEnv* env, HReg src, IRType ty)
{
   HReg dst = newVRegI(env);
   switch (ty) {
      case Ity_I64:
         addInstr(env, mk_iMOVsd_RR(src, dst));
         break;
      case Ity_I32:
         addInstr(env, AMD64Instr_MovxLQ(True, src, dst));
         break;
      case Ity_I16: case Ity_I8: case Ity_I1: {
         UInt sh = ty == Ity_I16 ? 48 : ty == Ity_I8 ? 56 : 63;
         addInstr(env, mk_iMOVsd_RR(src, dst));
         addInstr(env, AMD64Instr_Sh64(Ash_SHL, sh, dst));
         addInstr(env, AMD64Instr_Sh64(Ash_SAR, sh, dst));
         break;
      }
      default:
         vpanic("signExtend");
   }
   return dst;
}

static Bool isConstU(const IRExpr* e, ULong* v)
{
   if (e->tag != Iex_Const)
      return False;
   const IRConst* c = e->Iex.Const.con;
   switch (c->tag) {
      case Ico_U1:  *v = c->Ico.U1 ? 1 : 0; return True;
      case Ico_U8:  *v = c->Ico.U8;  return True;
      case Ico_U16: *v = c->Ico.U16; return True;
      case Ico_U32: *v = c->Ico.U32; return True;
      case Ico_U64: *v = c->Ico.U64; return True;
      default:      return False;
   }
}

/* ------------------------------------------------------------------ */
/* The rounding mode and the stack                                    */
/* ------------------------------------------------------------------ */

void amd64isel_addToRSP(AMD64ISelEnv* env, Int delta)
{
   vassert(delta % 16 == 0 && delta != 0);
   if (delta > 0)
      addInstr(env, AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Imm((UInt)delta),
                                      hregAMD64_RSP()));
   else
      addInstr(env, AMD64Instr_Alu64R(Aalu_SUB, AMD64RMI_Imm((UInt)-delta),
                                      hregAMD64_RSP()));
}

/* MXCSR with all exceptions masked and rounding control RC. */
#define MXCSR_DEFAULT 0x1F80U

static void load_mxcsr_from(AMD64ISelEnv* env, AMD64RMI* value)
{
   /* ldmxcsr reads memory: push the value, load it, pop it -- with lea,
      which leaves the flags alone: the default may be restored between a
      compare and the conditional exit that reads its flags. */
   addHInstr(env->code, AMD64Instr_Push(value));
   addHInstr(env->code, AMD64Instr_LdMXCSR(rsp_amode(0)));
   addHInstr(env->code, AMD64Instr_Lea64(rsp_amode(8), hregAMD64_RSP()));
}

static void restore_default_mxcsr(AMD64ISelEnv* env)
{
   load_mxcsr_from(env, AMD64RMI_Imm(MXCSR_DEFAULT));
   env->mxcsr_set = False;
   env->rm_tmp = IRTemp_INVALID;
}

/* The IR encoding of rounding modes 0..3 (nearest, -inf, +inf, zero) is
   the SSE one, so the rounding-control field is (rm & 3) << 13.  The
   modes 4..7 have no SSE counterpart and are reduced mod 4 (as VEX
   does). */
Bool amd64isel_setRoundingMode(AMD64ISelEnv* env, const IRExpr* rm)
{
   ULong c;
   if (isConstU(rm, &c) && (c & 3) == Irrm_NEAREST) {
      if (env->mxcsr_set)
         restore_default_mxcsr(env);
      return False;
   }
   /* Still loaded for the same temporary (SSA: the same value). */
   if (env->mxcsr_set && rm->tag == Iex_RdTmp
       && rm->Iex.RdTmp.tmp == env->rm_tmp) {
      env->rm_in_use = True;
      return True;
   }
   if (isConstU(rm, &c)) {
      load_mxcsr_from(env, AMD64RMI_Imm(MXCSR_DEFAULT | (UInt)((c & 3) << 13)));
   } else {
      HReg r = iselIntExpr_R(env, rm);
      HReg t = amd64isel_copyI(env, r);
      addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Imm(3), t));
      addInstr(env, AMD64Instr_Sh64(Ash_SHL, 13, t));
      addInstr(env, AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Imm(MXCSR_DEFAULT),
                                      t));
      load_mxcsr_from(env, AMD64RMI_Reg(t));
   }
   env->mxcsr_set = True;
   env->rm_tmp = rm->tag == Iex_RdTmp ? rm->Iex.RdTmp.tmp : IRTemp_INVALID;
   env->rm_in_use = True;
   return True;
}

/* The rounded operation is complete.  The default comes back lazily,
   before the next instruction that could see MXCSR (amd64isel_addInstr). */
void amd64isel_restoreRoundingMode(AMD64ISelEnv* env)
{
   env->rm_in_use = False;
}

/* ------------------------------------------------------------------ */
/* Helper calls                                                       */
/* ------------------------------------------------------------------ */

static HReg argReg(Int n)
{
   switch (n) {
      case 0: return hregAMD64_RDI();
      case 1: return hregAMD64_RSI();
      case 2: return hregAMD64_RDX();
      case 3: return hregAMD64_RCX();
      case 4: return hregAMD64_R8();
      case 5: return hregAMD64_R9();
      default: vpanic("argReg");
   }
}

HReg amd64isel_callHelper(AMD64ISelEnv* env, const void* fn, Int n_args,
                          const HReg* args, Bool returns_int)
{
   vassert(n_args >= 0 && n_args <= 6);
   for (Int i = 0; i < n_args; i++) {
      if (hregIsVirtual(args[i]))
         addInstr(env, mk_iMOVsd_RR(args[i], argReg(i)));
      else
         addInstr(env, AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(args[i]),
                                         argReg(i)));
   }
   addInstr(env, AMD64Instr_Call(Acc_ALWAYS, (Addr64)(HWord)fn, n_args,
                                 mk_RetLoc_simple(returns_int ? RLPri_Int
                                                              : RLPri_None)));
   if (!returns_int)
      return INVALID_HREG;
   HReg dst = newVRegI(env);
   addInstr(env, mk_iMOVsd_RR(rax(), dst));
   return dst;
}

/* Marshals ARGS for a call of CEE (clean or dirty), computes the guard
   and makes the call.  VECRET_SZB (0, 16 or 32) is the size of the
   stack area a vector result goes to; the caller reserved it already, at
   0(%rsp).  The call is unconditional when GUARD is NULL and GUARD_REG
   invalid; else it happens when GUARD holds, or when bit 0 of GUARD_REG
   (the guard already computed) is set.  Returns where the result is. */
static RetLoc doHelperCall(AMD64ISelEnv* env, const IRExpr* guard,
                           HReg guardReg, const IRCallee* cee, IRType retTy,
                           IRExpr** args, Int vecret_szB)
{
   HReg tmp[6];
   Int  kind[6];   /* 0: tmp[i]; 1: %rbp (GSPTR); 2: %rsp (VECRET) */
   Int  n_args = 0;

   while (args[n_args] != NULL)
      n_args++;
   if (n_args > 6)
      vpanic("amd64 isel: a helper call with more than 6 arguments");

   /* Every argument into a register of its own first: computing one may
      involve calls, which would trash argument registers already set. */
   for (Int i = 0; i < n_args; i++) {
      const IRExpr* a = args[i];
      if (a->tag == Iex_GSPTR) {
         kind[i] = 1;
         tmp[i]  = INVALID_HREG;
         continue;
      }
      if (a->tag == Iex_VECRET) {
         vassert(vecret_szB > 0);
         kind[i] = 2;
         tmp[i]  = INVALID_HREG;
         continue;
      }
      kind[i] = 0;
      IRType ty = typeOfIRExpr(env->type_env, a);
      switch (ty) {
         case Ity_I64:
            tmp[i] = iselIntExpr_R(env, a);
            break;
         case Ity_I32: case Ity_I16: case Ity_I8: case Ity_I1:
            tmp[i] = amd64isel_zeroExtend(env, iselIntExpr_R(env, a), ty);
            break;
         default:
            vpanic("amd64 isel: a helper argument that is not an integer");
      }
   }

   /* Then the guard: after the arguments, whose computation may change
      the flags; the moves below do not. */
   AMD64CondCode cc = Acc_ALWAYS;
   if (!hregIsInvalid(guardReg)) {
      addInstr(env, AMD64Instr_Test64(AMD64RI_Imm(1), guardReg));
      cc = Acc_NZ;
   } else if (guard != NULL) {
      ULong g;
      if (isConstU(guard, &g)) {
         vassert(g == 1);   /* a false guard is dealt with by the caller */
      } else {
         cc = iselCondCode(env, guard);
      }
   }

   for (Int i = 0; i < n_args; i++) {
      HReg src = kind[i] == 1 ? hregAMD64_RBP()
               : kind[i] == 2 ? hregAMD64_RSP() : tmp[i];
      addInstr(env, AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(src),
                                      argReg(i)));
   }

   RetLoc rloc;
   switch (retTy) {
      case Ity_INVALID:
         rloc = mk_RetLoc_simple(RLPri_None);
         break;
      case Ity_I64: case Ity_I32: case Ity_I16: case Ity_I8: case Ity_I1:
         rloc = mk_RetLoc_simple(RLPri_Int);
         break;
      case Ity_V128:
         vassert(vecret_szB == 16);
         rloc = mk_RetLoc_spRel(RLPri_V128SpRel, 0);
         break;
      case Ity_V256:
         vassert(vecret_szB == 32);
         rloc = mk_RetLoc_spRel(RLPri_V256SpRel, 0);
         break;
      default:
         vpanic("amd64 isel: unsupported helper return type");
   }
   (void)cee->regparms;   /* the SysV ABI has no choice to make */
   addInstr(env, AMD64Instr_Call(cc, (Addr64)(HWord)cee->addr, n_args,
                                 rloc));
   return rloc;
}

/* ------------------------------------------------------------------ */
/* Guest state arrays (GETI / PUTI)                                   */
/* ------------------------------------------------------------------ */

AMD64AMode* amd64isel_GuestArrayAMode(AMD64ISelEnv* env,
                                      const IRRegArray* descr,
                                      const IRExpr* ix, Int bias)
{
   Int elemSz = sizeofIRType(descr->elemTy);
   Int nElems = descr->nElems;
   if (nElems <= 0 || (nElems & (nElems - 1)) != 0)
      vpanic("amd64 isel: GETI/PUTI over an array whose size is not a "
             "power of 2");
   vassert(typeOfIRExpr(env->type_env, ix) == Ity_I32);

   /* index = (ix + bias) & (nElems - 1); the mask also cleans the
      undefined upper bits of the I32. */
   HReg tmp = amd64isel_copyI(env, iselIntExpr_R(env, ix));
   if (bias != 0)
      addInstr(env, AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Imm((UInt)bias),
                                      tmp));
   addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Imm((UInt)(nElems - 1)),
                                   tmp));
   Int shift;
   switch (elemSz) {
      case 1:  shift = 0; break;
      case 2:  shift = 1; break;
      case 4:  shift = 2; break;
      case 8:  shift = 3; break;
      case 16:
         addInstr(env, AMD64Instr_Sh64(Ash_SHL, 4, tmp));
         shift = 0;
         break;
      default:
         vpanic("amd64 isel: GETI/PUTI element size");
   }
   return AMD64AMode_IRRS((UInt)descr->base, hregAMD64_RBP(), tmp, shift);
}

/* ------------------------------------------------------------------ */
/* Integer expressions: operands                                      */
/* ------------------------------------------------------------------ */

/* Is E Shl64(x, 1..3)?  Then *SHIFT and *X. */
static Bool isShl64By123(const IRExpr* e, Int* shift, const IRExpr** x)
{
   ULong c;
   if (e->tag == Iex_Binop && e->Iex.Binop.op == Iop_Shl64
       && isConstU(e->Iex.Binop.arg2, &c) && c >= 1 && c <= 3) {
      *shift = (Int)c;
      *x     = e->Iex.Binop.arg1;
      return True;
   }
   return False;
}

/* The addressing-mode patterns, or NULL when E matches none (other than
   "a register"). */
static AMD64AMode* matchAMode(AMD64ISelEnv* env, const IRExpr* e)
{
   ULong c;
   Int   shift;
   const IRExpr* x;
   if (e->tag != Iex_Binop)
      return NULL;
   const IRExpr* a1 = e->Iex.Binop.arg1;
   const IRExpr* a2 = e->Iex.Binop.arg2;
   switch (e->Iex.Binop.op) {
      case Iop_Add64:
         /* Add64(Add64(base, Shl64(index, k)), imm) */
         if (isConstU(a2, &c) && fitsIn32Bits(c) && a1->tag == Iex_Binop
             && a1->Iex.Binop.op == Iop_Add64
             && isShl64By123(a1->Iex.Binop.arg2, &shift, &x)) {
            HReg base  = iselIntExpr_R(env, a1->Iex.Binop.arg1);
            HReg index = iselIntExpr_R(env, x);
            return AMD64AMode_IRRS((UInt)c, base, index, shift);
         }
         /* Add64(base, imm) */
         if (isConstU(a2, &c) && fitsIn32Bits(c)) {
            /* ... of Add64(base, index) */
            if (a1->tag == Iex_Binop && a1->Iex.Binop.op == Iop_Add64
                && a1->Iex.Binop.arg2->tag != Iex_Const) {
               HReg base  = iselIntExpr_R(env, a1->Iex.Binop.arg1);
               HReg index = iselIntExpr_R(env, a1->Iex.Binop.arg2);
               return AMD64AMode_IRRS((UInt)c, base, index, 0);
            }
            return AMD64AMode_IR((UInt)c, iselIntExpr_R(env, a1));
         }
         if (isConstU(a1, &c) && fitsIn32Bits(c))
            return AMD64AMode_IR((UInt)c, iselIntExpr_R(env, a2));
         /* Add64(base, Shl64(index, k)) and Add64(Shl64(index, k), base) */
         if (isShl64By123(a2, &shift, &x)) {
            HReg base  = iselIntExpr_R(env, a1);
            HReg index = iselIntExpr_R(env, x);
            return AMD64AMode_IRRS(0, base, index, shift);
         }
         if (isShl64By123(a1, &shift, &x)) {
            HReg base  = iselIntExpr_R(env, a2);
            HReg index = iselIntExpr_R(env, x);
            return AMD64AMode_IRRS(0, base, index, shift);
         }
         /* Add64(base, index) */
         if (a2->tag != Iex_Const) {
            HReg base  = iselIntExpr_R(env, a1);
            HReg index = iselIntExpr_R(env, a2);
            return AMD64AMode_IRRS(0, base, index, 0);
         }
         return NULL;
      case Iop_Sub64:
         if (isConstU(a2, &c) && fitsIn32Bits(0 - c))
            return AMD64AMode_IR((UInt)(0 - c), iselIntExpr_R(env, a1));
         return NULL;
      default:
         return NULL;
   }
}

AMD64AMode* amd64isel_IntExpr_AMode(AMD64ISelEnv* env, const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_I64);
   AMD64AMode* am = matchAMode(env, e);
   if (am != NULL)
      return am;
   return AMD64AMode_IR(0, iselIntExpr_R(env, e));
}

/* A memory operand for E when E is an I64 GET or little-endian load, or
   NULL. */
static AMD64AMode* memOperand64(AMD64ISelEnv* env, const IRExpr* e)
{
   if (e->tag == Iex_Get && e->Iex.Get.ty == Ity_I64)
      return rbp_amode(e->Iex.Get.offset);
   if (e->tag == Iex_Load && e->Iex.Load.ty == Ity_I64
       && e->Iex.Load.end == Iend_LE)
      return iselIntExpr_AMode(env, e->Iex.Load.addr);
   return NULL;
}

/* Register, memory or immediate.  Memory only for 64-bit values (an
   operation reading memory reads 8 bytes); immediates when they fit
   (any constant of a narrow type does: its upper bits do not matter). */
AMD64RMI* amd64isel_IntExpr_RMI(AMD64ISelEnv* env, const IRExpr* e)
{
   ULong c;
   IRType ty = typeOfIRExpr(env->type_env, e);
   if (isConstU(e, &c) && (ty != Ity_I64 || fitsIn32Bits(c)))
      return AMD64RMI_Imm((UInt)c);
   AMD64AMode* am = memOperand64(env, e);
   if (am != NULL)
      return AMD64RMI_Mem(am);
   return AMD64RMI_Reg(iselIntExpr_R(env, e));
}

/* As RMI, for an operand of a 32-bit operation (Alu32R), which reads
   exactly 4 bytes of memory: 32-bit GETs and loads may stay in memory. */
static AMD64RMI* iselIntExpr_RMI32(AMD64ISelEnv* env, const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_I32);
   if (e->tag == Iex_Get)
      return AMD64RMI_Mem(rbp_amode(e->Iex.Get.offset));
   if (e->tag == Iex_Load && e->Iex.Load.end == Iend_LE)
      return AMD64RMI_Mem(iselIntExpr_AMode(env, e->Iex.Load.addr));
   return iselIntExpr_RMI(env, e);
}

/* Register or immediate (same rules as RMI). */
static AMD64RI* iselIntExpr_RI(AMD64ISelEnv* env, const IRExpr* e)
{
   ULong c;
   IRType ty = typeOfIRExpr(env->type_env, e);
   if (isConstU(e, &c) && (ty != Ity_I64 || fitsIn32Bits(c)))
      return AMD64RI_Imm((UInt)c);
   return AMD64RI_Reg(iselIntExpr_R(env, e));
}

/* Register or memory (memory only for 64-bit values). */
static AMD64RM* iselIntExpr_RM(AMD64ISelEnv* env, const IRExpr* e)
{
   AMD64AMode* am = memOperand64(env, e);
   if (am != NULL)
      return AMD64RM_Mem(am);
   return AMD64RM_Reg(iselIntExpr_R(env, e));
}

/* ------------------------------------------------------------------ */
/* Condition codes                                                    */
/* ------------------------------------------------------------------ */

static AMD64CondCode invertCond(AMD64CondCode cc)
{
   vassert(cc != Acc_ALWAYS);
   return (AMD64CondCode)((UInt)cc ^ 1);
}

static AMD64CondCode iselCondCode_wrk(AMD64ISelEnv* env, const IRExpr* e);

AMD64CondCode amd64isel_CondCode(AMD64ISelEnv* env, const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_I1);
   AMD64CondCode cc = iselCondCode_wrk(env, e);
   vassert(cc != Acc_ALWAYS);
   return cc;
}

/* Flags of comparing (narrow) A with B for equality: a copy of A xored
   with B, tested under MASK. */
static void narrowEqTest(AMD64ISelEnv* env, const IRExpr* a, const IRExpr* b,
                         UInt mask)
{
   HReg t = amd64isel_copyI(env, iselIntExpr_R(env, a));
   addInstr(env, AMD64Instr_Alu64R(Aalu_XOR, iselIntExpr_RMI(env, b), t));
   addInstr(env, AMD64Instr_Test64(AMD64RI_Imm(mask), t));
}

static AMD64CondCode iselCondCode_wrk(AMD64ISelEnv* env, const IRExpr* e)
{
   switch (e->tag) {
      case Iex_RdTmp: {
         HReg r = amd64isel_lookupIRTemp(env, e->Iex.RdTmp.tmp);
         addInstr(env, AMD64Instr_Test64(AMD64RI_Imm(1), r));
         return Acc_NZ;
      }
      case Iex_Const: {
         /* test of a zero register: Z is set. */
         HReg r = amd64isel_imm64(env, 0);
         addInstr(env, AMD64Instr_Test64(AMD64RI_Reg(r), r));
         return e->Iex.Const.con->Ico.U1 ? Acc_Z : Acc_NZ;
      }
      case Iex_Unop: {
         const IRExpr* a = e->Iex.Unop.arg;
         switch (e->Iex.Unop.op) {
            case Iop_Not1:
               return invertCond(iselCondCode(env, a));
            case Iop_64to1: case Iop_32to1: {
               HReg r = iselIntExpr_R(env, a);
               addInstr(env, AMD64Instr_Test64(AMD64RI_Imm(1), r));
               return Acc_NZ;
            }
            case Iop_CmpNEZ8: case Iop_CmpNEZ16: {
               HReg r = iselIntExpr_R(env, a);
               addInstr(env, AMD64Instr_Test64(AMD64RI_Imm(
                  e->Iex.Unop.op == Iop_CmpNEZ8 ? 0xFF : 0xFFFF), r));
               return Acc_NZ;
            }
            case Iop_CmpNEZ32: {
               if (a->tag == Iex_Binop && a->Iex.Binop.op == Iop_Or32) {
                  HReg t = amd64isel_copyI(env,
                              iselIntExpr_R(env, a->Iex.Binop.arg1));
                  addInstr(env, AMD64Instr_Alu32R(Aalu_OR,
                                   iselIntExpr_RMI32(env, a->Iex.Binop.arg2),
                                   t));
                  return Acc_NZ;
               }
               HReg r = iselIntExpr_R(env, a);
               addInstr(env, AMD64Instr_Alu32R(Aalu_CMP, AMD64RMI_Imm(0), r));
               return Acc_NZ;
            }
            case Iop_CmpNEZ64: {
               if (a->tag == Iex_Binop && a->Iex.Binop.op == Iop_Or64) {
                  HReg t = amd64isel_copyI(env,
                              iselIntExpr_R(env, a->Iex.Binop.arg1));
                  addInstr(env, AMD64Instr_Alu64R(Aalu_OR,
                                   iselIntExpr_RMI(env, a->Iex.Binop.arg2),
                                   t));
                  return Acc_NZ;
               }
               HReg r = iselIntExpr_R(env, a);
               addInstr(env, AMD64Instr_Test64(AMD64RI_Reg(r), r));
               return Acc_NZ;
            }
            default:
               break;
         }
         break;
      }
      case Iex_Binop: {
         const IRExpr* a1 = e->Iex.Binop.arg1;
         const IRExpr* a2 = e->Iex.Binop.arg2;
         Bool is64 = False, is32 = False;
         AMD64CondCode cc;
         switch (e->Iex.Binop.op) {
            case Iop_CmpEQ8: case Iop_CasCmpEQ8:
               narrowEqTest(env, a1, a2, 0xFF);
               return Acc_Z;
            case Iop_CmpNE8: case Iop_CasCmpNE8: case Iop_ExpCmpNE8:
               narrowEqTest(env, a1, a2, 0xFF);
               return Acc_NZ;
            case Iop_CmpEQ16: case Iop_CasCmpEQ16:
               narrowEqTest(env, a1, a2, 0xFFFF);
               return Acc_Z;
            case Iop_CmpNE16: case Iop_CasCmpNE16: case Iop_ExpCmpNE16:
               narrowEqTest(env, a1, a2, 0xFFFF);
               return Acc_NZ;
            case Iop_CmpEQ32: case Iop_CasCmpEQ32:
               is32 = True; cc = Acc_Z; break;
            case Iop_CmpNE32: case Iop_CasCmpNE32: case Iop_ExpCmpNE32:
               is32 = True; cc = Acc_NZ; break;
            case Iop_CmpLT32S: is32 = True; cc = Acc_L;  break;
            case Iop_CmpLE32S: is32 = True; cc = Acc_LE; break;
            case Iop_CmpLT32U: is32 = True; cc = Acc_B;  break;
            case Iop_CmpLE32U: is32 = True; cc = Acc_BE; break;
            case Iop_CmpEQ64: case Iop_CasCmpEQ64:
               is64 = True; cc = Acc_Z; break;
            case Iop_CmpNE64: case Iop_CasCmpNE64: case Iop_ExpCmpNE64:
               is64 = True; cc = Acc_NZ; break;
            case Iop_CmpLT64S: is64 = True; cc = Acc_L;  break;
            case Iop_CmpLE64S: is64 = True; cc = Acc_LE; break;
            case Iop_CmpLT64U: is64 = True; cc = Acc_B;  break;
            case Iop_CmpLE64U: is64 = True; cc = Acc_BE; break;
            default:
               cc = Acc_ALWAYS;
               break;
         }
         if (is64 || is32) {
            /* cmp a2, a1: the flags of a1 - a2. */
            HReg r1 = iselIntExpr_R(env, a1);
            if (is64) {
               addInstr(env, AMD64Instr_Alu64R(Aalu_CMP,
                                               iselIntExpr_RMI(env, a2), r1));
            } else {
               addInstr(env, AMD64Instr_Alu32R(Aalu_CMP,
                                               iselIntExpr_RMI32(env, a2), r1));
            }
            return cc;
         }
         break;
      }
      default:
         break;
   }
   if (e->tag == Iex_ITE || e->tag == Iex_CCall || e->tag == Iex_Get
       || e->tag == Iex_Load) {
      /* An I1 value in a register: its bit 0. */
      HReg r = iselIntExpr_R(env, e);
      addInstr(env, AMD64Instr_Test64(AMD64RI_Imm(1), r));
      return Acc_NZ;
   }
   amd64isel_unhandled("iselCondCode", e);
}

/* ------------------------------------------------------------------ */
/* Integer expressions: registers                                     */
/* ------------------------------------------------------------------ */

static HReg iselIntExpr_R_wrk(AMD64ISelEnv* env, const IRExpr* e);
static void iselInt128Expr(HReg* hi, HReg* lo, AMD64ISelEnv* env,
                           const IRExpr* e);

HReg amd64isel_IntExpr_R(AMD64ISelEnv* env, const IRExpr* e)
{
   HReg r = iselIntExpr_R_wrk(env, e);
   vassert(hregClass(r) == HRcInt64);
   vassert(hregIsVirtual(r));
   return r;
}

/* Loads TY (I8..I64) from AM zero-extended into a new register. */
static HReg loadZX(AMD64ISelEnv* env, IRType ty, AMD64AMode* am)
{
   HReg dst = newVRegI(env);
   switch (ty) {
      case Ity_I64:
         addInstr(env, AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(am), dst));
         break;
      case Ity_I32:
         addInstr(env, AMD64Instr_LoadEX(4, False, am, dst));
         break;
      case Ity_I16:
         addInstr(env, AMD64Instr_LoadEX(2, False, am, dst));
         break;
      case Ity_I8:
         addInstr(env, AMD64Instr_LoadEX(1, False, am, dst));
         break;
      default:
         vpanic("amd64 isel: integer load of this type");
   }
   return dst;
}

/* If E is a GET or little-endian load of type TY, its amode, else NULL. */
static AMD64AMode* narrowMemOf(AMD64ISelEnv* env, const IRExpr* e, IRType ty)
{
   if (e->tag == Iex_Get && e->Iex.Get.ty == ty)
      return rbp_amode(e->Iex.Get.offset);
   if (e->tag == Iex_Load && e->Iex.Load.ty == ty
       && e->Iex.Load.end == Iend_LE)
      return iselIntExpr_AMode(env, e->Iex.Load.addr);
   return NULL;
}

/* The population count of the 64-bit value in a copy of SRC. */
static HReg popCount64(AMD64ISelEnv* env, HReg src)
{
   HReg x  = amd64isel_copyI(env, src);
   HReg t  = newVRegI(env);
   HReg m1 = amd64isel_imm64(env, 0x5555555555555555ULL);
   HReg m2 = amd64isel_imm64(env, 0x3333333333333333ULL);
   HReg m4 = amd64isel_imm64(env, 0x0F0F0F0F0F0F0F0FULL);
   HReg h  = amd64isel_imm64(env, 0x0101010101010101ULL);
   /* x -= (x >> 1) & m1 */
   addInstr(env, mk_iMOVsd_RR(x, t));
   addInstr(env, AMD64Instr_Sh64(Ash_SHR, 1, t));
   addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Reg(m1), t));
   addInstr(env, AMD64Instr_Alu64R(Aalu_SUB, AMD64RMI_Reg(t), x));
   /* x = (x & m2) + ((x >> 2) & m2) */
   addInstr(env, mk_iMOVsd_RR(x, t));
   addInstr(env, AMD64Instr_Sh64(Ash_SHR, 2, t));
   addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Reg(m2), t));
   addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Reg(m2), x));
   addInstr(env, AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(t), x));
   /* x = (x + (x >> 4)) & m4 */
   addInstr(env, mk_iMOVsd_RR(x, t));
   addInstr(env, AMD64Instr_Sh64(Ash_SHR, 4, t));
   addInstr(env, AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(t), x));
   addInstr(env, AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Reg(m4), x));
   /* (x * 0x0101..01) >> 56 */
   addInstr(env, AMD64Instr_Alu64R(Aalu_MUL, AMD64RMI_Reg(h), x));
   addInstr(env, AMD64Instr_Sh64(Ash_SHR, 56, x));
   return x;
}

/* Shl/Shr/Sar at WIDTH bits of A by B. */
static HReg iselShift(AMD64ISelEnv* env, AMD64ShiftOp op, Int width,
                      const IRExpr* a, const IRExpr* b)
{
   ULong  c;
   Bool   isConst = isConstU(b, &c);
   HReg   ra      = iselIntExpr_R(env, a);
   HReg   dst;
   IRType ty = width == 64 ? Ity_I64 : width == 32 ? Ity_I32
             : width == 16 ? Ity_I16 : Ity_I8;

   /* 32-bit right shifts have their own instruction, which ignores the
      upper half. */
   if (width == 32 && op != Ash_SHL) {
      dst = amd64isel_copyI(env, ra);
      if (isConst) {
         c &= 63;
         if (c >= 32) {
            /* Undefined in IR; give what a wide shift would. */
            if (op == Ash_SHR)
               addInstr(env, AMD64Instr_Alu64R(Aalu_XOR, AMD64RMI_Reg(dst),
                                               dst));
            else
               addInstr(env, AMD64Instr_Sh32(op, 31, dst));
         } else if (c > 0) {
            addInstr(env, AMD64Instr_Sh32(op, (UInt)c, dst));
         }
      } else {
         HReg rb = iselIntExpr_R(env, b);
         addInstr(env, mk_iMOVsd_RR(rb, hregAMD64_RCX()));
         addInstr(env, AMD64Instr_Sh32(op, 0, dst));
      }
      return dst;
   }

   /* Right shifts of 8/16-bit values need the bits above them clean. */
   if (op == Ash_SHR && width < 32)
      dst = amd64isel_zeroExtend(env, ra, ty);
   else if (op == Ash_SAR && width < 32) {
      /* Sign extension by shifting left then right; with a constant
         amount the second shift does both. */
      UInt up = (UInt)(64 - width);
      dst = amd64isel_copyI(env, ra);
      addInstr(env, AMD64Instr_Sh64(Ash_SHL, up, dst));
      if (isConst) {
         c &= 63;
         UInt amt = up + (UInt)c;
         addInstr(env, AMD64Instr_Sh64(Ash_SAR, amt > 63 ? 63 : amt, dst));
         return dst;
      }
      addInstr(env, AMD64Instr_Sh64(Ash_SAR, up, dst));
   } else
      dst = amd64isel_copyI(env, ra);

   if (isConst) {
      c &= 63;
      if (c > 0)
         addInstr(env, AMD64Instr_Sh64(op, (UInt)c, dst));
   } else {
      HReg rb = iselIntExpr_R(env, b);
      addInstr(env, mk_iMOVsd_RR(rb, hregAMD64_RCX()));
      addInstr(env, AMD64Instr_Sh64(op, 0, dst));
   }
   return dst;
}

/* Divisions: returns the quotient (QUOT) or 64-bit remainder:quotient
   pair of DivModU/S64to32. */
static HReg iselDiv32or64(AMD64ISelEnv* env, IROp op, const IRExpr* a,
                          const IRExpr* b)
{
   Bool syned = op == Iop_DivS32 || op == Iop_DivS64
                || op == Iop_DivModS64to32;
   HReg ra = iselIntExpr_R(env, a);
   switch (op) {
      case Iop_DivU64: case Iop_DivS64: {
         AMD64RM* rb = iselIntExpr_RM(env, b);
         addInstr(env, mk_iMOVsd_RR(ra, rax()));
         if (syned) {
            addInstr(env, mk_iMOVsd_RR(ra, rdx()));
            addInstr(env, AMD64Instr_Sh64(Ash_SAR, 63, rdx()));
         } else {
            addInstr(env, AMD64Instr_Imm64(0, rdx()));
         }
         addInstr(env, AMD64Instr_Div(syned, 8, rb));
         HReg dst = newVRegI(env);
         addInstr(env, mk_iMOVsd_RR(rax(), dst));
         return dst;
      }
      case Iop_DivU32: case Iop_DivS32: {
         HReg rb = iselIntExpr_R(env, b);
         addInstr(env, mk_iMOVsd_RR(ra, rax()));
         if (syned) {
            addInstr(env, mk_iMOVsd_RR(ra, rdx()));
            addInstr(env, AMD64Instr_Sh32(Ash_SAR, 31, rdx()));
         } else {
            addInstr(env, AMD64Instr_Imm64(0, rdx()));
         }
         addInstr(env, AMD64Instr_Div(syned, 4, AMD64RM_Reg(rb)));
         HReg dst = newVRegI(env);
         addInstr(env, mk_iMOVsd_RR(rax(), dst));
         return dst;
      }
      case Iop_DivModU64to32: case Iop_DivModS64to32: {
         /* edx:eax = the dividend; a 32-bit divide leaves the quotient
            in eax and the remainder in edx, upper halves zeroed. */
         HReg rb = iselIntExpr_R(env, b);
         addInstr(env, mk_iMOVsd_RR(ra, rax()));
         addInstr(env, mk_iMOVsd_RR(ra, rdx()));
         addInstr(env, AMD64Instr_Sh64(Ash_SHR, 32, rdx()));
         addInstr(env, AMD64Instr_Div(syned, 4, AMD64RM_Reg(rb)));
         HReg hi = newVRegI(env);
         HReg lo = newVRegI(env);
         addInstr(env, mk_iMOVsd_RR(rdx(), hi));
         addInstr(env, mk_iMOVsd_RR(rax(), lo));
         addInstr(env, AMD64Instr_Sh64(Ash_SHL, 32, hi));
         addInstr(env, AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Reg(lo), hi));
         return hi;
      }
      default:
         vpanic("iselDiv32or64");
   }
}

/* Is the op commutative (so a constant first operand may be swapped to
   the immediate position)? */
static Bool isCommutativeAlu(IROp op)
{
   switch (op) {
      case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
      case Iop_Mul8: case Iop_Mul16: case Iop_Mul32: case Iop_Mul64:
      case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
      case Iop_Or8:  case Iop_Or16:  case Iop_Or32:  case Iop_Or64:
      case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
         return True;
      default:
         return False;
   }
}

static AMD64AluOp aluOpOf(IROp op)
{
   switch (op) {
      case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
         return Aalu_ADD;
      case Iop_Sub8: case Iop_Sub16: case Iop_Sub32: case Iop_Sub64:
         return Aalu_SUB;
      case Iop_Mul8: case Iop_Mul16: case Iop_Mul32: case Iop_Mul64:
         return Aalu_MUL;
      case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
         return Aalu_AND;
      case Iop_Or8:  case Iop_Or16:  case Iop_Or32:  case Iop_Or64:
         return Aalu_OR;
      case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
         return Aalu_XOR;
      default:
         return Aalu_INVALID;
   }
}

/* Add/Sub/And/Or/Xor at 32 bits with the 32-bit instruction, whose
   result is zero-extended (INVALID_HREG when E is none of those). */
static HReg iselAlu32(AMD64ISelEnv* env, const IRExpr* e)
{
   if (e->tag != Iex_Binop)
      return INVALID_HREG;
   AMD64AluOp aop;
   switch (e->Iex.Binop.op) {
      case Iop_Add32: aop = Aalu_ADD; break;
      case Iop_Sub32: aop = Aalu_SUB; break;
      case Iop_And32: aop = Aalu_AND; break;
      case Iop_Or32:  aop = Aalu_OR;  break;
      case Iop_Xor32: aop = Aalu_XOR; break;
      default: return INVALID_HREG;
   }
   const IRExpr* a1 = e->Iex.Binop.arg1;
   const IRExpr* a2 = e->Iex.Binop.arg2;
   if (aop != Aalu_SUB && a2->tag != Iex_Get && a2->tag != Iex_Load
       && (a1->tag == Iex_Get || a1->tag == Iex_Load || a1->tag == Iex_Const)) {
      /* commutative: the memory or immediate operand second */
      const IRExpr* t = a1;
      a1 = a2;
      a2 = t;
   }
   HReg dst = amd64isel_copyI(env, iselIntExpr_R(env, a1));
   addInstr(env, AMD64Instr_Alu32R(aop, iselIntExpr_RMI32(env, a2), dst));
   return dst;
}

/* Is E, an I32 expression, selected into a register whose upper half is
   zero?  Only for the shapes selectZX32 below produces. */
static Bool isZX32Shape(AMD64ISelEnv* env, const IRExpr* e)
{
   switch (e->tag) {
      case Iex_Get:
         return True;
      case Iex_Load:
         return e->Iex.Load.end == Iend_LE;
      case Iex_RdTmp:
         return env->tmpIsZX32[e->Iex.RdTmp.tmp];
      case Iex_Binop:
         switch (e->Iex.Binop.op) {
            case Iop_Add32: case Iop_Sub32: case Iop_And32: case Iop_Or32:
            case Iop_Xor32: case Iop_DivU32: case Iop_DivS32:
               return True;
            default:
               return False;
         }
      default:
         return False;
   }
}

/* Selects I32 expression E (of a shape isZX32Shape accepts) so that the
   upper half of the result is zero. */
static HReg selectZX32(AMD64ISelEnv* env, const IRExpr* e)
{
   if (e->tag == Iex_Binop && e->Iex.Binop.op != Iop_DivU32
       && e->Iex.Binop.op != Iop_DivS32) {
      HReg r = iselAlu32(env, e);   /* not the lea an Add32 may get */
      vassert(!hregIsInvalid(r));
      return r;
   }
   /* 32-bit loads, GETs (movl) and divisions (eax) zero-extend. */
   return iselIntExpr_R(env, e);
}

static HReg iselBinop(AMD64ISelEnv* env, const IRExpr* e)
{
   IROp op = e->Iex.Binop.op;
   const IRExpr* a1 = e->Iex.Binop.arg1;
   const IRExpr* a2 = e->Iex.Binop.arg2;
   ULong c;

   /* Add64 of an immediate or an index (scaled or not), Sub64 of an
      immediate, Add32/Sub32 of an immediate: one lea. */
   if (op == Iop_Add64 || op == Iop_Sub64) {
      AMD64AMode* am = matchAMode(env, e);
      if (am != NULL) {
         HReg dst = newVRegI(env);
         addInstr(env, AMD64Instr_Lea64(am, dst));
         return dst;
      }
   }
   if ((op == Iop_Add32 || op == Iop_Sub32) && isConstU(a2, &c)) {
      UInt imm = op == Iop_Add32 ? (UInt)c : 0U - (UInt)c;
      HReg dst = newVRegI(env);
      addInstr(env, AMD64Instr_Lea64(
                       AMD64AMode_IR(imm, iselIntExpr_R(env, a1)), dst));
      return dst;
   }

   /* 32-bit operations with a 32-bit memory operand. */
   if (op == Iop_Add32 || op == Iop_Sub32 || op == Iop_And32
       || op == Iop_Or32 || op == Iop_Xor32) {
      HReg r = iselAlu32(env, e);
      vassert(!hregIsInvalid(r));
      return r;
   }

   AMD64AluOp aop = aluOpOf(op);
   if (aop != Aalu_INVALID) {
      if (isCommutativeAlu(op) && a1->tag == Iex_Const
          && a2->tag != Iex_Const) {
         const IRExpr* t = a1;
         a1 = a2;
         a2 = t;
      }
      HReg dst = amd64isel_copyI(env, iselIntExpr_R(env, a1));
      addInstr(env, AMD64Instr_Alu64R(aop, iselIntExpr_RMI(env, a2), dst));
      return dst;
   }

   switch (op) {
      case Iop_Shl8:  return iselShift(env, Ash_SHL, 8, a1, a2);
      case Iop_Shl16: return iselShift(env, Ash_SHL, 16, a1, a2);
      case Iop_Shl32: return iselShift(env, Ash_SHL, 32, a1, a2);
      case Iop_Shl64: return iselShift(env, Ash_SHL, 64, a1, a2);
      case Iop_Shr8:  return iselShift(env, Ash_SHR, 8, a1, a2);
      case Iop_Shr16: return iselShift(env, Ash_SHR, 16, a1, a2);
      case Iop_Shr32: return iselShift(env, Ash_SHR, 32, a1, a2);
      case Iop_Shr64: return iselShift(env, Ash_SHR, 64, a1, a2);
      case Iop_Sar8:  return iselShift(env, Ash_SAR, 8, a1, a2);
      case Iop_Sar16: return iselShift(env, Ash_SAR, 16, a1, a2);
      case Iop_Sar32: return iselShift(env, Ash_SAR, 32, a1, a2);
      case Iop_Sar64: return iselShift(env, Ash_SAR, 64, a1, a2);

      case Iop_DivU32: case Iop_DivS32: case Iop_DivU64: case Iop_DivS64:
      case Iop_DivModU64to32: case Iop_DivModS64to32:
         return iselDiv32or64(env, op, a1, a2);

      case Iop_Max32U: {
         HReg dst = amd64isel_copyI(env, iselIntExpr_R(env, a1));
         HReg b   = iselIntExpr_R(env, a2);
         addInstr(env, AMD64Instr_Alu32R(Aalu_CMP, AMD64RMI_Reg(b), dst));
         addInstr(env, AMD64Instr_CMov64(Acc_B, b, dst));
         return dst;
      }

      case Iop_8HLto16: case Iop_16HLto32: case Iop_32HLto64: {
         UInt sh = op == Iop_8HLto16 ? 8 : op == Iop_16HLto32 ? 16 : 32;
         IRType loTy = op == Iop_8HLto16 ? Ity_I8
                     : op == Iop_16HLto32 ? Ity_I16 : Ity_I32;
         HReg hi = amd64isel_copyI(env, iselIntExpr_R(env, a1));
         HReg lo = amd64isel_zeroExtend(env, iselIntExpr_R(env, a2), loTy);
         addInstr(env, AMD64Instr_Sh64(Ash_SHL, sh, hi));
         addInstr(env, AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Reg(lo), hi));
         return hi;
      }

      case Iop_MullU8: case Iop_MullS8: case Iop_MullU16: case Iop_MullS16:
      case Iop_MullU32: case Iop_MullS32: {
         IRType ty = (op == Iop_MullU8 || op == Iop_MullS8) ? Ity_I8
                   : (op == Iop_MullU16 || op == Iop_MullS16) ? Ity_I16
                   : Ity_I32;
         Bool syned = op == Iop_MullS8 || op == Iop_MullS16
                      || op == Iop_MullS32;
         HReg x = iselIntExpr_R(env, a1);
         HReg y = iselIntExpr_R(env, a2);
         HReg dx = syned ? signExtend(env, x, ty)
                         : amd64isel_zeroExtend(env, x, ty);
         HReg dy = syned ? signExtend(env, y, ty)
                         : amd64isel_zeroExtend(env, y, ty);
         addInstr(env, AMD64Instr_Alu64R(Aalu_MUL, AMD64RMI_Reg(dy), dx));
         return dx;
      }

      default:
         break;
   }

   /* Comparisons and other I1-valued ops. */
   if (typeOfIRExpr(env->type_env, e) == Ity_I1) {
      HReg dst = newVRegI(env);
      addInstr(env, AMD64Instr_Set64(iselCondCode(env, e), dst));
      return dst;
   }

   HReg r = amd64isel_IntExprFromSimd(env, e);
   if (!hregIsInvalid(r))
      return r;
   amd64isel_unhandled("iselIntExpr_R", e);
}

static HReg iselUnop(AMD64ISelEnv* env, const IRExpr* e)
{
   IROp op = e->Iex.Unop.op;
   const IRExpr* a = e->Iex.Unop.arg;
   AMD64AMode* am;

   switch (op) {
      case Iop_Not8: case Iop_Not16: case Iop_Not32: case Iop_Not64: {
         HReg dst = amd64isel_copyI(env, iselIntExpr_R(env, a));
         addInstr(env, AMD64Instr_Unary64(Aun_NOT, dst));
         return dst;
      }

      /* Widening: from memory with the load's own extension; a
         temporary that a load or GET assigned is zero-extended already
         (iselWrTmp). */
      case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64:
         if ((am = narrowMemOf(env, a, Ity_I8)) != NULL)
            return loadZX(env, Ity_I8, am);
         if (a->tag == Iex_RdTmp && env->tmpIsZX32[a->Iex.RdTmp.tmp])
            return iselIntExpr_R(env, a);
         return amd64isel_zeroExtend(env, iselIntExpr_R(env, a), Ity_I8);
      case Iop_16Uto32: case Iop_16Uto64:
         if ((am = narrowMemOf(env, a, Ity_I16)) != NULL)
            return loadZX(env, Ity_I16, am);
         if (a->tag == Iex_RdTmp && env->tmpIsZX32[a->Iex.RdTmp.tmp])
            return iselIntExpr_R(env, a);
         return amd64isel_zeroExtend(env, iselIntExpr_R(env, a), Ity_I16);
      case Iop_32Uto64: {
         if ((am = narrowMemOf(env, a, Ity_I32)) != NULL)
            return loadZX(env, Ity_I32, am);
         /* A 32-bit ALU result, load or division is zero-extended
            already, as is a temporary assigned one. */
         if (isZX32Shape(env, a))
            return selectZX32(env, a);
         return amd64isel_zeroExtend(env, iselIntExpr_R(env, a), Ity_I32);
      }
      case Iop_8Sto16: case Iop_8Sto32: case Iop_8Sto64:
      case Iop_16Sto32: case Iop_16Sto64: case Iop_32Sto64: {
         IRType ty = (op == Iop_8Sto16 || op == Iop_8Sto32 || op == Iop_8Sto64)
                        ? Ity_I8
                   : op == Iop_32Sto64 ? Ity_I32 : Ity_I16;
         if ((am = narrowMemOf(env, a, ty)) != NULL) {
            HReg dst = newVRegI(env);
            addInstr(env, AMD64Instr_LoadEX((UChar)sizeofIRType(ty), True, am,
                                            dst));
            return dst;
         }
         return signExtend(env, iselIntExpr_R(env, a), ty);
      }

      /* Narrowing: nothing to do, the upper bits are don't-cares. */
      case Iop_64to8: case Iop_64to16: case Iop_64to32:
      case Iop_32to8: case Iop_32to16: case Iop_16to8:
      case Iop_64to1: case Iop_32to1:
         return iselIntExpr_R(env, a);

      case Iop_16HIto8: case Iop_32HIto16: case Iop_64HIto32: {
         UInt sh = op == Iop_16HIto8 ? 8 : op == Iop_32HIto16 ? 16 : 32;
         HReg dst = amd64isel_copyI(env, iselIntExpr_R(env, a));
         addInstr(env, AMD64Instr_Sh64(Ash_SHR, sh, dst));
         return dst;
      }

      case Iop_128to64: case Iop_128HIto64: {
         HReg hi, lo;
         iselInt128Expr(&hi, &lo, env, a);
         return op == Iop_128to64 ? lo : hi;
      }

      case Iop_1Uto8: case Iop_1Uto32: case Iop_1Uto64: {
         if (a->tag == Iex_RdTmp)
            return amd64isel_zeroExtend(env, iselIntExpr_R(env, a), Ity_I1);
         HReg dst = newVRegI(env);
         addInstr(env, AMD64Instr_Set64(iselCondCode(env, a), dst));
         return dst;
      }
      case Iop_1Sto8: case Iop_1Sto16: case Iop_1Sto32: case Iop_1Sto64: {
         if (a->tag == Iex_RdTmp)
            return signExtend(env, iselIntExpr_R(env, a), Ity_I1);
         HReg dst = newVRegI(env);
         addInstr(env, AMD64Instr_Set64(iselCondCode(env, a), dst));
         addInstr(env, AMD64Instr_Unary64(Aun_NEG, dst));
         return dst;
      }

      case Iop_Left8: case Iop_Left16: case Iop_Left32: case Iop_Left64: {
         /* x | -x: the low bits of a negation depend only on the low
            bits of its operand, so no extension is needed. */
         HReg src = iselIntExpr_R(env, a);
         HReg dst = amd64isel_copyI(env, src);
         addInstr(env, AMD64Instr_Unary64(Aun_NEG, dst));
         addInstr(env, AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Reg(src), dst));
         return dst;
      }
      case Iop_CmpwNEZ32: case Iop_CmpwNEZ64: {
         /* (x | -x) >>s 63 over the zero-extended value. */
         HReg src = iselIntExpr_R(env, a);
         if (op == Iop_CmpwNEZ32)
            src = amd64isel_zeroExtend(env, src, Ity_I32);
         HReg dst = amd64isel_copyI(env, src);
         addInstr(env, AMD64Instr_Unary64(Aun_NEG, dst));
         addInstr(env, AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Reg(src), dst));
         addInstr(env, AMD64Instr_Sh64(Ash_SAR, 63, dst));
         return dst;
      }

      case Iop_Clz64: case Iop_Clz32: {
         /* 63 - bsr(x) == bsr(x) ^ 63 (undefined for 0, as in IR). */
         HReg src = iselIntExpr_R(env, a);
         if (op == Iop_Clz32)
            src = amd64isel_zeroExtend(env, src, Ity_I32);
         HReg dst = newVRegI(env);
         addInstr(env, AMD64Instr_Bsfr64(False, src, dst));
         addInstr(env, AMD64Instr_Alu64R(Aalu_XOR,
                          AMD64RMI_Imm(op == Iop_Clz64 ? 63 : 31), dst));
         return dst;
      }
      case Iop_Ctz64: case Iop_Ctz32: {
         /* For a non-zero I32 the lowest set bit is in its 32 bits. */
         HReg dst = newVRegI(env);
         addInstr(env, AMD64Instr_Bsfr64(True, iselIntExpr_R(env, a), dst));
         return dst;
      }
      case Iop_PopCount64:
         return popCount64(env, iselIntExpr_R(env, a));
      case Iop_PopCount32:
         return popCount64(env, amd64isel_zeroExtend(env,
                                   iselIntExpr_R(env, a), Ity_I32));

      default:
         break;
   }

   if (typeOfIRExpr(env->type_env, e) == Ity_I1) {
      HReg dst = newVRegI(env);
      addInstr(env, AMD64Instr_Set64(iselCondCode(env, e), dst));
      return dst;
   }

   HReg r = amd64isel_IntExprFromSimd(env, e);
   if (!hregIsInvalid(r))
      return r;
   amd64isel_unhandled("iselIntExpr_R", e);
}

static HReg iselIntExpr_R_wrk(AMD64ISelEnv* env, const IRExpr* e)
{
   IRType ty = typeOfIRExpr(env->type_env, e);
   vassert(ty == Ity_I64 || ty == Ity_I32 || ty == Ity_I16 || ty == Ity_I8
           || ty == Ity_I1);

   switch (e->tag) {
      case Iex_RdTmp:
         return amd64isel_lookupIRTemp(env, e->Iex.RdTmp.tmp);

      case Iex_Const: {
         ULong c;
         if (!isConstU(e, &c))
            break;
         return amd64isel_imm64(env, c);
      }

      case Iex_Get:
         if (ty == Ity_I1)
            break;
         return loadZX(env, ty, rbp_amode(e->Iex.Get.offset));

      case Iex_GetI:
         if (ty == Ity_I1)
            break;
         return loadZX(env, ty,
                       amd64isel_GuestArrayAMode(env, e->Iex.GetI.descr,
                                                 e->Iex.GetI.ix,
                                                 e->Iex.GetI.bias));

      case Iex_Load:
         if (e->Iex.Load.end != Iend_LE || ty == Ity_I1)
            break;
         return loadZX(env, ty, iselIntExpr_AMode(env, e->Iex.Load.addr));

      case Iex_Binop:
         return iselBinop(env, e);

      case Iex_Unop:
         return iselUnop(env, e);

      case Iex_ITE: {
         /* dst = iffalse; if (cond) dst = iftrue */
         HReg rT  = iselIntExpr_R(env, e->Iex.ITE.iftrue);
         HReg dst = amd64isel_copyI(env, iselIntExpr_R(env,
                                                     e->Iex.ITE.iffalse));
         AMD64CondCode cc = iselCondCode(env, e->Iex.ITE.cond);
         addInstr(env, AMD64Instr_CMov64(cc, rT, dst));
         return dst;
      }

      case Iex_CCall: {
         RetLoc rloc = doHelperCall(env, NULL, INVALID_HREG, e->Iex.CCall.cee,
                                    e->Iex.CCall.retty, e->Iex.CCall.args, 0);
         vassert(rloc.pri == RLPri_Int);
         HReg dst = newVRegI(env);
         addInstr(env, mk_iMOVsd_RR(rax(), dst));
         return dst;
      }

      case Iex_Triop: case Iex_Qop: {
         HReg r = amd64isel_IntExprFromSimd(env, e);
         if (!hregIsInvalid(r))
            return r;
         break;
      }

      default:
         break;
   }
   amd64isel_unhandled("iselIntExpr_R", e);
}

/* ------------------------------------------------------------------ */
/* 128-bit integer expressions                                        */
/* ------------------------------------------------------------------ */

static void iselInt128Expr(HReg* hi, HReg* lo, AMD64ISelEnv* env,
                           const IRExpr* e)
{
   vassert(typeOfIRExpr(env->type_env, e) == Ity_I128);
   AMD64AMode* am = NULL;
   switch (e->tag) {
      case Iex_RdTmp:
         amd64isel_lookupIRTempPair(hi, lo, env, e->Iex.RdTmp.tmp);
         return;
      case Iex_Get:
         am = rbp_amode(e->Iex.Get.offset);
         break;
      case Iex_GetI:
         am = amd64isel_GuestArrayAMode(env, e->Iex.GetI.descr,
                                        e->Iex.GetI.ix, e->Iex.GetI.bias);
         break;
      case Iex_Load:
         if (e->Iex.Load.end == Iend_LE)
            am = iselIntExpr_AMode(env, e->Iex.Load.addr);
         break;
      default:
         break;
   }
   if (am != NULL) {
      /* Two 8-byte halves, the low one first in memory. */
      HReg dHi = newVRegI(env), dLo = newVRegI(env);
      addInstr(env, AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(am), dLo));
      addInstr(env, AMD64Instr_Alu64R(Aalu_MOV,
                                      AMD64RMI_Mem(advanceAMode(am, 8)), dHi));
      *hi = dHi;
      *lo = dLo;
      return;
   }
   switch (e->tag) {
      case Iex_ITE: {
         HReg tHi, tLo, fHi, fLo;
         iselInt128Expr(&tHi, &tLo, env, e->Iex.ITE.iftrue);
         iselInt128Expr(&fHi, &fLo, env, e->Iex.ITE.iffalse);
         HReg dHi = amd64isel_copyI(env, fHi);
         HReg dLo = amd64isel_copyI(env, fLo);
         AMD64CondCode cc = iselCondCode(env, e->Iex.ITE.cond);
         addInstr(env, AMD64Instr_CMov64(cc, tHi, dHi));
         addInstr(env, AMD64Instr_CMov64(cc, tLo, dLo));
         *hi = dHi;
         *lo = dLo;
         return;
      }
      case Iex_Binop: {
         IROp op = e->Iex.Binop.op;
         const IRExpr* a1 = e->Iex.Binop.arg1;
         const IRExpr* a2 = e->Iex.Binop.arg2;
         switch (op) {
            case Iop_64HLto128:
               *hi = iselIntExpr_R(env, a1);
               *lo = iselIntExpr_R(env, a2);
               return;
            case Iop_MullU64: case Iop_MullS64: {
               HReg     r1 = iselIntExpr_R(env, a1);
               AMD64RM* r2 = iselIntExpr_RM(env, a2);
               addInstr(env, mk_iMOVsd_RR(r1, rax()));
               addInstr(env, AMD64Instr_MulL(op == Iop_MullS64, r2));
               HReg dHi = newVRegI(env), dLo = newVRegI(env);
               addInstr(env, mk_iMOVsd_RR(rdx(), dHi));
               addInstr(env, mk_iMOVsd_RR(rax(), dLo));
               *hi = dHi;
               *lo = dLo;
               return;
            }
            case Iop_DivModU128to64: case Iop_DivModS128to64:
            case Iop_DivModU64to64: case Iop_DivModS64to64: {
               /* rdx:rax / a2: quotient (low half of the result) in
                  rax, remainder (high half) in rdx. */
               Bool syned = op == Iop_DivModS128to64
                            || op == Iop_DivModS64to64;
               AMD64RM* rb = iselIntExpr_RM(env, a2);
               if (op == Iop_DivModU128to64 || op == Iop_DivModS128to64) {
                  HReg sHi, sLo;
                  iselInt128Expr(&sHi, &sLo, env, a1);
                  addInstr(env, mk_iMOVsd_RR(sHi, rdx()));
                  addInstr(env, mk_iMOVsd_RR(sLo, rax()));
               } else {
                  HReg ra = iselIntExpr_R(env, a1);
                  addInstr(env, mk_iMOVsd_RR(ra, rax()));
                  if (syned) {
                     addInstr(env, mk_iMOVsd_RR(ra, rdx()));
                     addInstr(env, AMD64Instr_Sh64(Ash_SAR, 63, rdx()));
                  } else {
                     addInstr(env, AMD64Instr_Imm64(0, rdx()));
                  }
               }
               addInstr(env, AMD64Instr_Div(syned, 8, rb));
               HReg dHi = newVRegI(env), dLo = newVRegI(env);
               addInstr(env, mk_iMOVsd_RR(rdx(), dHi));
               addInstr(env, mk_iMOVsd_RR(rax(), dLo));
               *hi = dHi;
               *lo = dLo;
               return;
            }
            default:
               break;
         }
         break;
      }
      default:
         break;
   }
   amd64isel_unhandled("iselInt128Expr", e);
}

/* ------------------------------------------------------------------ */
/* Statements                                                         */
/* ------------------------------------------------------------------ */

/* Stores the value of DATA (of any storable type) at AM. */
static void storeValue(AMD64ISelEnv* env, AMD64AMode* am, const IRExpr* data)
{
   IRType ty = typeOfIRExpr(env->type_env, data);
   switch (ty) {
      case Ity_I64:
         addInstr(env, AMD64Instr_Alu64M(Aalu_MOV, iselIntExpr_RI(env, data),
                                         am));
         return;
      case Ity_I32: case Ity_I16: case Ity_I8:
         addInstr(env, AMD64Instr_Store((UChar)sizeofIRType(ty),
                                        iselIntExpr_R(env, data), am));
         return;
      case Ity_I128: {
         HReg hi, lo;
         iselInt128Expr(&hi, &lo, env, data);
         addInstr(env, AMD64Instr_Store(8, lo, am));
         addInstr(env, AMD64Instr_Store(8, hi, advanceAMode(am, 8)));
         return;
      }
      case Ity_F32:
         addInstr(env, AMD64Instr_SseLdSt(False, 4,
                                          amd64isel_FltExpr(env, data), am));
         return;
      case Ity_F64:
         addInstr(env, AMD64Instr_SseLdSt(False, 8,
                                          amd64isel_DblExpr(env, data), am));
         return;
      case Ity_V128:
         addInstr(env, AMD64Instr_SseLdSt(False, 16,
                                          amd64isel_VecExpr(env, data), am));
         return;
      case Ity_V256: {
         HReg hi, lo;
         amd64isel_V256Expr(&hi, &lo, env, data);
         addInstr(env, AMD64Instr_SseLdSt(False, 16, lo, am));
         addInstr(env, AMD64Instr_SseLdSt(False, 16, hi,
                                          advanceAMode(am, 16)));
         return;
      }
      default:
         vex_printf("storeValue: ");
         ppIRType(ty);
         vex_printf("\n");
         vpanic("amd64 isel: store or PUT of an unsupported type");
   }
}

/* Writes the value of E into temporary TMP's register(s). */
static void iselWrTmp(AMD64ISelEnv* env, IRTemp tmp, const IRExpr* e)
{
   IRType ty = typeOfIRTemp(env->type_env, tmp);
   if (ty == Ity_I32 && isZX32Shape(env, e)) {
      HReg dst = amd64isel_lookupIRTemp(env, tmp);
      addInstr(env, mk_iMOVsd_RR(selectZX32(env, e), dst));
      env->tmpIsZX32[tmp] = True;
      return;
   }
   switch (ty) {
      case Ity_I64: case Ity_I32: case Ity_I16: case Ity_I8: case Ity_I1: {
         HReg dst = amd64isel_lookupIRTemp(env, tmp);
         HReg src = iselIntExpr_R(env, e);
         addInstr(env, mk_iMOVsd_RR(src, dst));
         /* An I8 or I16 GET or load is a movzb/movzw (iselIntExpr_R). */
         if ((ty == Ity_I8 || ty == Ity_I16)
             && (e->tag == Iex_Get
                 || (e->tag == Iex_Load && e->Iex.Load.end == Iend_LE)))
            env->tmpIsZX32[tmp] = True;
         return;
      }
      case Ity_I128: {
         HReg dHi, dLo, sHi, sLo;
         amd64isel_lookupIRTempPair(&dHi, &dLo, env, tmp);
         iselInt128Expr(&sHi, &sLo, env, e);
         addInstr(env, mk_iMOVsd_RR(sHi, dHi));
         addInstr(env, mk_iMOVsd_RR(sLo, dLo));
         return;
      }
      case Ity_F32:
         addInstr(env, mk_vMOVsd_RR(amd64isel_FltExpr(env, e),
                                    amd64isel_lookupIRTemp(env, tmp)));
         return;
      case Ity_F64:
         addInstr(env, mk_vMOVsd_RR(amd64isel_DblExpr(env, e),
                                    amd64isel_lookupIRTemp(env, tmp)));
         return;
      case Ity_V128:
         addInstr(env, mk_vMOVsd_RR(amd64isel_VecExpr(env, e),
                                    amd64isel_lookupIRTemp(env, tmp)));
         return;
      case Ity_V256: {
         HReg dHi, dLo, sHi, sLo;
         amd64isel_lookupIRTempPair(&dHi, &dLo, env, tmp);
         amd64isel_V256Expr(&sHi, &sLo, env, e);
         addInstr(env, mk_vMOVsd_RR(sHi, dHi));
         addInstr(env, mk_vMOVsd_RR(sLo, dLo));
         return;
      }
      default:
         vpanic("amd64 isel: a temporary of an unsupported type");
   }
}

/* The guarded load.  4- and 8-byte loads are conditional loads; the
   others load unconditionally from an address that is the real one when
   the guard holds and the guest state (always readable) otherwise, then
   select. */
static void iselLoadG(AMD64ISelEnv* env, const IRLoadG* lg)
{
   if (lg->end != Iend_LE)
      vpanic("amd64 isel: big-endian guarded load");
   HReg dst = amd64isel_lookupIRTemp(env, lg->dst);

   if (lg->cvt == ILGop_Ident64 || lg->cvt == ILGop_Ident32) {
      HReg alt = iselIntExpr_R(env, lg->alt);
      AMD64AMode* am = iselIntExpr_AMode(env, lg->addr);
      addInstr(env, mk_iMOVsd_RR(alt, dst));
      AMD64CondCode cc = iselCondCode(env, lg->guard);
      addInstr(env, AMD64Instr_CLoad(cc, lg->cvt == ILGop_Ident64 ? 8 : 4,
                                     am, dst));
      return;
   }

   HReg a = amd64isel_copyI(env, iselIntExpr_R(env, lg->addr));
   if (lg->cvt == ILGop_IdentV128) {
      HReg alt = amd64isel_VecExpr(env, lg->alt);
      HReg v   = newVRegV(env);
      addInstr(env, mk_vMOVsd_RR(alt, dst));
      AMD64CondCode cc = iselCondCode(env, lg->guard);
      addInstr(env, AMD64Instr_CMov64(invertCond(cc), hregAMD64_RBP(), a));
      addInstr(env, AMD64Instr_SseLdSt(True, 16, v, AMD64AMode_IR(0, a)));
      addInstr(env, AMD64Instr_SseCMov(cc, v, dst));
      return;
   }

   UChar szB;
   Bool  syned;
   switch (lg->cvt) {
      case ILGop_16Uto32: szB = 2; syned = False; break;
      case ILGop_16Sto32: szB = 2; syned = True;  break;
      case ILGop_8Uto32:  szB = 1; syned = False; break;
      case ILGop_8Sto32:  szB = 1; syned = True;  break;
      default: vpanic("amd64 isel: guarded load conversion");
   }
   HReg alt = iselIntExpr_R(env, lg->alt);
   HReg v   = newVRegI(env);
   addInstr(env, mk_iMOVsd_RR(alt, dst));
   AMD64CondCode cc = iselCondCode(env, lg->guard);
   addInstr(env, AMD64Instr_CMov64(invertCond(cc), hregAMD64_RBP(), a));
   addInstr(env, AMD64Instr_LoadEX(szB, syned, AMD64AMode_IR(0, a), v));
   addInstr(env, AMD64Instr_CMov64(cc, v, dst));
}

/* The guarded store.  4- and 8-byte stores are conditional stores; the
   others go, when the guard fails, to a scratch slot on the stack. */
static void iselStoreG(AMD64ISelEnv* env, const IRStoreG* sg)
{
   if (sg->end != Iend_LE)
      vpanic("amd64 isel: big-endian guarded store");
   IRType ty = typeOfIRExpr(env->type_env, sg->data);
   if (ty == Ity_I64 || ty == Ity_I32) {
      HReg d = iselIntExpr_R(env, sg->data);
      AMD64AMode* am = iselIntExpr_AMode(env, sg->addr);
      AMD64CondCode cc = iselCondCode(env, sg->guard);
      addInstr(env, AMD64Instr_CStore(cc, ty == Ity_I64 ? 8 : 4, d, am));
      return;
   }
   if (ty != Ity_I16 && ty != Ity_I8 && ty != Ity_V128 && ty != Ity_F64
       && ty != Ity_F32)
      vpanic("amd64 isel: guarded store of this type");

   HReg d = ty == Ity_V128 ? amd64isel_VecExpr(env, sg->data)
          : ty == Ity_F64  ? amd64isel_DblExpr(env, sg->data)
          : ty == Ity_F32  ? amd64isel_FltExpr(env, sg->data)
          : iselIntExpr_R(env, sg->data);
   HReg a = amd64isel_copyI(env, iselIntExpr_R(env, sg->addr));
   amd64isel_addToRSP(env, -16);
   AMD64CondCode cc = iselCondCode(env, sg->guard);
   addInstr(env, AMD64Instr_CMov64(invertCond(cc), hregAMD64_RSP(), a));
   AMD64AMode* am = AMD64AMode_IR(0, a);
   switch (ty) {
      case Ity_V128: addInstr(env, AMD64Instr_SseLdSt(False, 16, d, am)); break;
      case Ity_F64:  addInstr(env, AMD64Instr_SseLdSt(False, 8, d, am));  break;
      case Ity_F32:  addInstr(env, AMD64Instr_SseLdSt(False, 4, d, am));  break;
      default:
         addInstr(env, AMD64Instr_Store((UChar)sizeofIRType(ty), d, am));
         break;
   }
   amd64isel_addToRSP(env, 16);
}

static void iselCAS(AMD64ISelEnv* env, const IRCAS* cas)
{
   if (cas->end != Iend_LE)
      vpanic("amd64 isel: big-endian CAS");
   AMD64AMode* am = iselIntExpr_AMode(env, cas->addr);
   IRType ty = typeOfIRExpr(env->type_env, cas->expdLo);
   Int    sz = sizeofIRType(ty);

   if (cas->oldHi == IRTemp_INVALID) {
      /* lock cmpxchg: expected value in rax, new one in rbx; rax ends up
         holding what memory held (on success that is the expected
         value). */
      HReg expd = iselIntExpr_R(env, cas->expdLo);
      HReg data = iselIntExpr_R(env, cas->dataLo);
      addInstr(env, mk_iMOVsd_RR(expd, rax()));
      addInstr(env, mk_iMOVsd_RR(data, hregAMD64_RBX()));
      addInstr(env, AMD64Instr_ACAS(am, (UChar)sz));
      addInstr(env, mk_iMOVsd_RR(rax(),
                                 amd64isel_lookupIRTemp(env, cas->oldLo)));
      return;
   }

   /* lock cmpxchg8b / cmpxchg16b: rdx:rax expected, rcx:rbx new. */
   if (sz != 4 && sz != 8)
      vpanic("amd64 isel: double CAS of halves other than 32 or 64 bits");
   if (sz == 8 && (env->hwcaps & VEX_HWCAPS_AMD64_CX16) == 0)
      vpanic("amd64 isel: 128-bit CAS on a host without cmpxchg16b");
   HReg expdHi = iselIntExpr_R(env, cas->expdHi);
   HReg expdLo = iselIntExpr_R(env, cas->expdLo);
   HReg dataHi = iselIntExpr_R(env, cas->dataHi);
   HReg dataLo = iselIntExpr_R(env, cas->dataLo);
   addInstr(env, mk_iMOVsd_RR(expdHi, rdx()));
   addInstr(env, mk_iMOVsd_RR(expdLo, rax()));
   addInstr(env, mk_iMOVsd_RR(dataHi, hregAMD64_RCX()));
   addInstr(env, mk_iMOVsd_RR(dataLo, hregAMD64_RBX()));
   addInstr(env, AMD64Instr_DACAS(am, (UChar)sz));
   addInstr(env, mk_iMOVsd_RR(rdx(), amd64isel_lookupIRTemp(env, cas->oldHi)));
   addInstr(env, mk_iMOVsd_RR(rax(), amd64isel_lookupIRTemp(env, cas->oldLo)));
}

/* The value a dirty call's result gets when its guard is false. */
#define DIRTY_SKIPPED_RESULT 0x5555555555555555ULL

static void iselDirty(AMD64ISelEnv* env, const IRDirty* d)
{
   IRType retTy = d->tmp == IRTemp_INVALID
                     ? Ity_INVALID : typeOfIRTemp(env->type_env, d->tmp);
   ULong g;
   Bool  always = isConstU(d->guard, &g) && g == 1;

   if (isConstU(d->guard, &g) && g == 0) {
      /* Never called. */
      if (retTy == Ity_INVALID)
         return;
      if (retTy == Ity_V128 || retTy == Ity_V256) {
         HReg z = amd64isel_lookupIRTemp(env, d->tmp);
         addInstr(env, AMD64Instr_SseReRg(Asse_XOR, z, z));
         if (retTy == Ity_V256) {
            HReg hi, lo;
            amd64isel_lookupIRTempPair(&hi, &lo, env, d->tmp);
            addInstr(env, AMD64Instr_SseReRg(Asse_XOR, hi, hi));
         }
         return;
      }
      addInstr(env, AMD64Instr_Imm64(DIRTY_SKIPPED_RESULT,
                                     amd64isel_lookupIRTemp(env, d->tmp)));
      return;
   }

   Int vecret = retTy == Ity_V128 ? 16 : retTy == Ity_V256 ? 32 : 0;
   if (vecret > 0) {
      amd64isel_addToRSP(env, -vecret);
      if (!always) {
         /* Zeroes in case the call does not happen. */
         HReg z = newVRegV(env);
         addInstr(env, AMD64Instr_SseReRg(Asse_XOR, z, z));
         for (Int off = 0; off < vecret; off += 16)
            addInstr(env, AMD64Instr_SseLdSt(False, 16, z, rsp_amode(off)));
      }
   }

   HReg guardReg = INVALID_HREG;
   if (!always && vecret == 0 && retTy != Ity_INVALID) {
      /* Remember the guard: the call changes the flags. */
      guardReg = newVRegI(env);
      addInstr(env, AMD64Instr_Set64(iselCondCode(env, d->guard), guardReg));
   }

   RetLoc rloc = doHelperCall(env, always ? NULL : d->guard, guardReg,
                              d->cee, retTy, d->args, vecret);

   switch (retTy) {
      case Ity_INVALID:
         return;
      case Ity_I64: case Ity_I32: case Ity_I16: case Ity_I8: case Ity_I1: {
         vassert(rloc.pri == RLPri_Int);
         HReg dst = amd64isel_lookupIRTemp(env, d->tmp);
         if (always) {
            addInstr(env, mk_iMOVsd_RR(rax(), dst));
            return;
         }
         HReg res = newVRegI(env);
         addInstr(env, mk_iMOVsd_RR(rax(), res));
         addInstr(env, AMD64Instr_Imm64(DIRTY_SKIPPED_RESULT, dst));
         addInstr(env, AMD64Instr_Test64(AMD64RI_Imm(1), guardReg));
         addInstr(env, AMD64Instr_CMov64(Acc_NZ, res, dst));
         return;
      }
      case Ity_V128: {
         vassert(rloc.pri == RLPri_V128SpRel);
         addInstr(env, AMD64Instr_SseLdSt(True, 16,
                                          amd64isel_lookupIRTemp(env, d->tmp),
                                          rsp_amode(rloc.spOff)));
         amd64isel_addToRSP(env, 16);
         return;
      }
      case Ity_V256: {
         vassert(rloc.pri == RLPri_V256SpRel);
         HReg hi, lo;
         amd64isel_lookupIRTempPair(&hi, &lo, env, d->tmp);
         addInstr(env, AMD64Instr_SseLdSt(True, 16, lo,
                                          rsp_amode(rloc.spOff)));
         addInstr(env, AMD64Instr_SseLdSt(True, 16, hi,
                                          rsp_amode(rloc.spOff + 16)));
         amd64isel_addToRSP(env, 32);
         return;
      }
      default:
         vpanic("amd64 isel: dirty call result type");
   }
}

/* The TRC an assisted exit of kind JK hands to the dispatcher. */
static UInt trcOfJumpKind(IRJumpKind jk)
{
   switch (jk) {
      case Ijk_Boring: case Ijk_Call: case Ijk_Ret:
                               return VEX_TRC_JMP_BORING;
      case Ijk_ClientReq:      return VEX_TRC_JMP_CLIENTREQ;
      case Ijk_Yield:          return VEX_TRC_JMP_YIELD;
      case Ijk_EmWarn:         return VEX_TRC_JMP_EMWARN;
      case Ijk_EmFail:         return VEX_TRC_JMP_EMFAIL;
      case Ijk_NoDecode:       return VEX_TRC_JMP_NODECODE;
      case Ijk_MapFail:        return VEX_TRC_JMP_MAPFAIL;
      case Ijk_InvalICache:    return VEX_TRC_JMP_INVALICACHE;
      case Ijk_FlushDCache:    return VEX_TRC_JMP_FLUSHDCACHE;
      case Ijk_NoRedir:        return VEX_TRC_JMP_NOREDIR;
      case Ijk_SigILL:         return VEX_TRC_JMP_SIGILL;
      case Ijk_SigTRAP:        return VEX_TRC_JMP_SIGTRAP;
      case Ijk_SigSEGV:        return VEX_TRC_JMP_SIGSEGV;
      case Ijk_SigBUS:         return VEX_TRC_JMP_SIGBUS;
      case Ijk_SigFPE_IntDiv:  return VEX_TRC_JMP_SIGFPE_INTDIV;
      case Ijk_SigFPE_IntOvf:  return VEX_TRC_JMP_SIGFPE_INTOVF;
      case Ijk_Sys_syscall:    return VEX_TRC_JMP_SYS_SYSCALL;
      case Ijk_Sys_int32:      return VEX_TRC_JMP_SYS_INT32;
      case Ijk_Sys_int128:     return VEX_TRC_JMP_SYS_INT128;
      case Ijk_Sys_int129:     return VEX_TRC_JMP_SYS_INT129;
      case Ijk_Sys_int130:     return VEX_TRC_JMP_SYS_INT130;
      case Ijk_Sys_int145:     return VEX_TRC_JMP_SYS_INT145;
      case Ijk_Sys_int210:     return VEX_TRC_JMP_SYS_INT210;
      case Ijk_Sys_sysenter:   return VEX_TRC_JMP_SYS_SYSENTER;
      default:
         ppIRJumpKind(jk);
         vpanic("amd64 isel: unknown jump kind");
   }
}

static Bool isPlainJump(IRJumpKind jk)
{
   return jk == Ijk_Boring || jk == Ijk_Call || jk == Ijk_Ret;
}

static void iselExit(AMD64ISelEnv* env, const IRStmt* st)
{
   const IRConst* dst = st->Ist.Exit.dst;
   if (dst->tag != Ico_U64)
      vpanic("amd64 isel: exit to a non-64-bit address");
   ULong g;
   AMD64CondCode cc;
   if (isConstU(st->Ist.Exit.guard, &g)) {
      if (g == 0)
         return;   /* never taken */
      cc = Acc_ALWAYS;
   } else {
      cc = iselCondCode(env, st->Ist.Exit.guard);
   }
   AMD64AMode* amRIP = rbp_amode(st->Ist.Exit.offsIP);
   IRJumpKind  jk    = st->Ist.Exit.jk;

   if (isPlainJump(jk) && env->chainingAllowed) {
      Bool toFastEP = dst->Ico.U64 > env->max_ga;
      addInstr(env, AMD64Instr_XDirect(dst->Ico.U64, amRIP, cc, toFastEP));
      return;
   }
   /* The target into a register; Imm64 leaves the flags alone. */
   HReg r = newVRegI(env);
   addInstr(env, AMD64Instr_Imm64(dst->Ico.U64, r));
   addInstr(env, AMD64Instr_XAssisted(r, amRIP, cc, trcOfJumpKind(jk)));
}

static void iselNext(AMD64ISelEnv* env, const IRExpr* next, IRJumpKind jk,
                     Int offsIP)
{
   AMD64AMode* amRIP = rbp_amode(offsIP);
   vassert(typeOfIRExpr(env->type_env, next) == Ity_I64);

   if (isPlainJump(jk) && env->chainingAllowed) {
      if (next->tag == Iex_Const) {
         ULong ga = next->Iex.Const.con->Ico.U64;
         addInstr(env, AMD64Instr_XDirect(ga, amRIP, Acc_ALWAYS,
                                          ga > env->max_ga));
      } else {
         addInstr(env, AMD64Instr_XIndir(iselIntExpr_R(env, next), amRIP,
                                         Acc_ALWAYS));
      }
      return;
   }
   addInstr(env, AMD64Instr_XAssisted(iselIntExpr_R(env, next), amRIP,
                                      Acc_ALWAYS, trcOfJumpKind(jk)));
}

static void iselStmt(AMD64ISelEnv* env, const IRStmt* st)
{
   switch (st->tag) {
      case Ist_NoOp: case Ist_IMark: case Ist_AbiHint:
         return;

      case Ist_Put:
         storeValue(env, rbp_amode(st->Ist.Put.offset), st->Ist.Put.data);
         return;

      case Ist_PutI: {
         const IRPutI* p = st->Ist.PutI.details;
         /* The value first: its computation must not disturb the index
            register the amode is built on (it cannot: registers are
            virtual), but doing it first keeps the amode's live range
            short. */
         AMD64AMode* am = amd64isel_GuestArrayAMode(env, p->descr, p->ix,
                                                    p->bias);
         storeValue(env, am, p->data);
         return;
      }

      case Ist_WrTmp:
         iselWrTmp(env, st->Ist.WrTmp.tmp, st->Ist.WrTmp.data);
         return;

      case Ist_Store:
         if (st->Ist.Store.end != Iend_LE)
            vpanic("amd64 isel: big-endian store");
         storeValue(env, iselIntExpr_AMode(env, st->Ist.Store.addr),
                    st->Ist.Store.data);
         return;

      case Ist_LoadG:
         iselLoadG(env, st->Ist.LoadG.details);
         return;

      case Ist_StoreG:
         iselStoreG(env, st->Ist.StoreG.details);
         return;

      case Ist_CAS:
         iselCAS(env, st->Ist.CAS.details);
         return;

      case Ist_LLSC:
         vpanic("amd64 isel: LL/SC does not exist on amd64");

      case Ist_Dirty:
         iselDirty(env, st->Ist.Dirty.details);
         return;

      case Ist_MBE:
         switch (st->Ist.MBE.event) {
            case Imbe_Fence:
               addInstr(env, AMD64Instr_MFence());
               return;
            case Imbe_CancelReservation:
               return;
            default:
               break;
         }
         break;

      case Ist_Exit:
         iselExit(env, st);
         return;

      default:
         break;
   }
   vex_printf("\n");
   ppIRStmt(st);
   vex_printf("\n");
   vpanic("amd64 isel: cannot select this statement");
}

/* ------------------------------------------------------------------ */
/* The entry point                                                    */
/* ------------------------------------------------------------------ */

HInstrArray* iselSB_AMD64(const IRSB* bb, VexArch arch_host,
                          const VexArchInfo* archinfo_host,
                          const VexAbiInfo* vbi,
                          Int offs_Host_EvC_Counter,
                          Int offs_Host_EvC_FailAddr,
                          Bool chainingAllowed, Bool addProfInc,
                          Addr64 max_ga)
{
   vassert(arch_host == VexArchAMD64);
   vassert(archinfo_host != NULL);
   vassert(archinfo_host->endness == VexEndnessLE
           || archinfo_host->endness == VexEndness_INVALID);
   (void)vbi;   /* nothing in amd64 code selection depends on the ABI */

   AMD64ISelEnv* env = LibVEX_Alloc(sizeof(AMD64ISelEnv));
   vex_bzero(env, sizeof *env);
   env->code            = newHInstrArray();
   env->type_env        = bb->tyenv;
   env->hwcaps          = archinfo_host->hwcaps;
   env->chainingAllowed = chainingAllowed;
   env->max_ga          = max_ga;
   env->rm_tmp          = IRTemp_INVALID;

   /* A register (or two) per temporary. */
   env->n_vregmap = bb->tyenv->types_used;
   env->vregmap   = LibVEX_Alloc(env->n_vregmap * sizeof(HReg) + 1);
   env->vregmapHI = LibVEX_Alloc(env->n_vregmap * sizeof(HReg) + 1);
   env->tmpIsZX32 = LibVEX_Alloc(env->n_vregmap * sizeof(Bool) + 1);
   vex_bzero(env->tmpIsZX32, env->n_vregmap * sizeof(Bool) + 1);
   for (Int i = 0; i < env->n_vregmap; i++) {
      HReg lo = INVALID_HREG, hi = INVALID_HREG;
      switch (bb->tyenv->types[i]) {
         case Ity_I1: case Ity_I8: case Ity_I16: case Ity_I32: case Ity_I64:
            lo = newVRegI(env);
            break;
         case Ity_I128:
            hi = newVRegI(env);
            lo = newVRegI(env);
            break;
         case Ity_F32: case Ity_F64: case Ity_V128:
            lo = newVRegV(env);
            break;
         case Ity_V256:
            hi = newVRegV(env);
            lo = newVRegV(env);
            break;
         default:
            ppIRType(bb->tyenv->types[i]);
            vpanic("amd64 isel: a temporary of an unsupported type");
      }
      env->vregmap[i]   = lo;
      env->vregmapHI[i] = hi;
   }

   /* The event check, then the profile counter. */
   addInstr(env, AMD64Instr_EvCheck(rbp_amode(offs_Host_EvC_Counter),
                                    rbp_amode(offs_Host_EvC_FailAddr)));
   if (addProfInc)
      addInstr(env, AMD64Instr_ProfInc());

   /* Traced, each statement precedes the host code it becomes. */
   Bool trace = toBool(vex_traceflags & VEX_TRACE_VCODE);
   for (Int i = 0; i < bb->stmts_used; i++) {
      if (bb->stmts[i] == NULL)
         continue;
      if (trace) {
         vex_printf("\n-- ");
         ppIRStmt(bb->stmts[i]);
         vex_printf("\n");
      }
      iselStmt(env, bb->stmts[i]);
   }

   if (trace) {
      vex_printf("\n-- PUT(%d) = ", bb->offsIP);
      ppIRExpr(bb->next);
      vex_printf("; exit-");
      ppIRJumpKind(bb->jumpkind);
      vex_printf("\n");
   }
   iselNext(env, bb->next, bb->jumpkind, bb->offsIP);

   env->code->n_vregs = env->vreg_ctr;
   return env->code;
}
