/* Unit tests of amd64 instruction selection (VEX/priv/host_amd64_isel.c
   and host_amd64_isel_simd.c).

   Every test builds IR blocks by hand (or at random), runs them through
   iselSB_AMD64, the register allocator and the emitter into executable
   memory, and runs the code natively through a miniature dispatcher
   (below, in assembly: the exits land in stubs that say which kind of exit
   was taken and with which TRC).  The guest state, the scratch memory and
   the exit are then compared with a reference:
     - integer blocks with a small IR evaluator written here (values
       held zero-extended in 128 bits; helpers called natively);
     - floating-point and SIMD ops with the same computation done in C on
       the host (with the C rounding mode set for rounding-mode cases).
   The randomised test generates thousands of well-typed integer blocks,
   flat and as trees, and, when the optimiser is linked in, also after
   ado_treebuild_BB (a weak reference: it is skipped otherwise). */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "libvex.h"
#include "libvex_ir.h"
#include "libvex_trc_values.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/host_generic_regs.h"
#include "../../VEX/priv/host_amd64_defs.h"
#include "../../VEX/priv/ir_opt.h"
#include "unit.h"

/* The tree builder, when ir_opt.c is linked in. */
#pragma weak ado_treebuild_BB

#include "isel_amd64_test.h"

ULong ti_trc;
ULong ti_chain_ret;

/* ti_run(gsp, code) enters CODE with %rbp = GSP and %rsp 16-aligned.
   It returns 1 (chain-me to the slow entry), 5 (chain-me to the fast
   entry), 2 (xindir), 3 (xassisted; ti_trc = the TRC) or 4 (event check
   failed). */

__asm__(
   ".text\n"
   ".globl ti_run\n"
   "ti_run:\n"
   "   pushq %rbp\n"
   "   pushq %rbx\n"
   "   pushq %r12\n"
   "   pushq %r13\n"
   "   pushq %r14\n"
   "   pushq %r15\n"
   "   subq $8, %rsp\n"
   "   movq %rdi, %rbp\n"
   "   jmp *%rsi\n"
   ".globl ti_chain_slow\n"
   "ti_chain_slow:\n"
   "   popq %rax\n"
   "   movq %rax, ti_chain_ret(%rip)\n"
   "   movl $1, %eax\n"
   "   jmp ti_out\n"
   ".globl ti_chain_fast\n"
   "ti_chain_fast:\n"
   "   popq %rax\n"
   "   movq %rax, ti_chain_ret(%rip)\n"
   "   movl $5, %eax\n"
   "   jmp ti_out\n"
   ".globl ti_xindir\n"
   "ti_xindir:\n"
   "   movl $2, %eax\n"
   "   jmp ti_out\n"
   ".globl ti_xassisted\n"
   "ti_xassisted:\n"
   "   movq %rbp, ti_trc(%rip)\n"
   "   movl $3, %eax\n"
   "   jmp ti_out\n"
   ".globl ti_evfail\n"
   "ti_evfail:\n"
   "   movl $4, %eax\n"
   "ti_out:\n"
   "   addq $8, %rsp\n"
   "   popq %r15\n"
   "   popq %r14\n"
   "   popq %r13\n"
   "   popq %r12\n"
   "   popq %rbx\n"
   "   popq %rbp\n"
   "   ret\n"
);


/* ------------------------------------------------------------------ */
/* A small IR evaluator (the reference)                               */
/* ------------------------------------------------------------------ */

typedef struct { ULong lo, hi; } Val;

typedef struct {
   IRJumpKind jk;
   ULong      dst;
   Int        exit_stmt;   /* -1: the block's end */
} EvalExit;

static Val*   ev_tmps;
static UChar* ev_gs;
static Bool   ev_unknown;   /* an op the evaluator does not know */

static Val V1(ULong x) { Val v = { x, 0 }; return v; }

static ULong mask_of(IRType ty)
{
   switch (ty) {
      case Ity_I1:  return 1;
      case Ity_I8:  return 0xFF;
      case Ity_I16: return 0xFFFF;
      case Ity_I32: case Ity_F32: return 0xFFFFFFFFULL;
      default:      return ~0ULL;
   }
}

static Long sx(ULong v, IRType ty)
{
   switch (ty) {
      case Ity_I1:  return (v & 1) ? -1 : 0;
      case Ity_I8:  return (SChar)v;
      case Ity_I16: return (Short)v;
      case Ity_I32: return (Int)v;
      default:      return (Long)v;
   }
}

static Int width_of(IRType ty)
{
   return ty == Ity_I1 ? 1 : 8 * sizeofIRType(ty);
}

static Val load_val(IRType ty, ULong addr)
{
   Val v = { 0, 0 };
   Int sz = sizeofIRType(ty);
   memcpy(&v, (void*)(uintptr_t)addr, sz > 16 ? 16 : sz);
   return v;
}

static void store_val(IRType ty, ULong addr, Val v)
{
   Int sz = sizeofIRType(ty);
   memcpy((void*)(uintptr_t)addr, &v, sz);
}

static Val eval(const IRExpr* e);

static ULong ev_binop(IROp op, IRType ty1, ULong a, ULong b, Val* wide)
{
   Int   w  = width_of(ty1);
   ULong m  = mask_of(ty1);
   switch (op) {
      case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
         return a + b;
      case Iop_Sub8: case Iop_Sub16: case Iop_Sub32: case Iop_Sub64:
         return a - b;
      case Iop_Mul8: case Iop_Mul16: case Iop_Mul32: case Iop_Mul64:
         return a * b;
      case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
         return a & b;
      case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
         return a | b;
      case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
         return a ^ b;
      case Iop_Shl8: case Iop_Shl16: case Iop_Shl32: case Iop_Shl64:
         return b >= 64 ? 0 : a << b;
      case Iop_Shr8: case Iop_Shr16: case Iop_Shr32: case Iop_Shr64:
         return b >= 64 ? 0 : a >> b;
      case Iop_Sar8: case Iop_Sar16: case Iop_Sar32: case Iop_Sar64:
         return (ULong)(sx(a, ty1) >> (b >= 63 ? 63 : b));
      case Iop_CmpEQ8: case Iop_CmpEQ16: case Iop_CmpEQ32: case Iop_CmpEQ64:
      case Iop_CasCmpEQ8: case Iop_CasCmpEQ16: case Iop_CasCmpEQ32:
      case Iop_CasCmpEQ64:
         return a == b;
      case Iop_CmpNE8: case Iop_CmpNE16: case Iop_CmpNE32: case Iop_CmpNE64:
      case Iop_CasCmpNE8: case Iop_CasCmpNE16: case Iop_CasCmpNE32:
      case Iop_CasCmpNE64: case Iop_ExpCmpNE8: case Iop_ExpCmpNE16:
      case Iop_ExpCmpNE32: case Iop_ExpCmpNE64:
         return a != b;
      case Iop_CmpLT32S: case Iop_CmpLT64S: return sx(a, ty1) < sx(b, ty1);
      case Iop_CmpLE32S: case Iop_CmpLE64S: return sx(a, ty1) <= sx(b, ty1);
      case Iop_CmpLT32U: case Iop_CmpLT64U: return a < b;
      case Iop_CmpLE32U: case Iop_CmpLE64U: return a <= b;
      case Iop_Max32U: return a > b ? a : b;
      case Iop_MullU8: case Iop_MullU16: case Iop_MullU32:
         return a * b;
      case Iop_MullS8: case Iop_MullS16: case Iop_MullS32:
         return (ULong)(sx(a, ty1) * sx(b, ty1)) & (w == 32 ? ~0ULL
                                                  : (1ULL << (2 * w)) - 1);
      case Iop_MullU64: {
         unsigned __int128 p = (unsigned __int128)a * b;
         wide->lo = (ULong)p;
         wide->hi = (ULong)(p >> 64);
         return wide->lo;
      }
      case Iop_MullS64: {
         __int128 p = (__int128)(Long)a * (Long)b;
         wide->lo = (ULong)p;
         wide->hi = (ULong)((unsigned __int128)p >> 64);
         return wide->lo;
      }
      case Iop_DivU32: case Iop_DivU64: return a / b;
      case Iop_DivS32: case Iop_DivS64:
         return (ULong)(sx(a, ty1) / sx(b, ty1 == Ity_I64 ? Ity_I64 : Ity_I32));
      case Iop_DivModU64to32: {
         ULong q = a / (UInt)b, r = a % (UInt)b;
         return (r << 32) | (q & 0xFFFFFFFF);
      }
      case Iop_DivModS64to32: {
         Long q = (Long)a / (Int)b, r = (Long)a % (Int)b;
         return ((ULong)r << 32) | ((ULong)q & 0xFFFFFFFF);
      }
      case Iop_DivModU64to64:
         wide->lo = a / b;
         wide->hi = a % b;
         return wide->lo;
      case Iop_DivModS64to64:
         wide->lo = (ULong)((Long)a / (Long)b);
         wide->hi = (ULong)((Long)a % (Long)b);
         return wide->lo;
      case Iop_8HLto16:  return (a << 8) | b;
      case Iop_16HLto32: return (a << 16) | b;
      case Iop_32HLto64: return (a << 32) | b;
      case Iop_64HLto128:
         wide->hi = a;
         wide->lo = b;
         return b;
      default:
         (void)m;
         ev_unknown = True;
         return 0;
   }
}

static ULong ev_unop(IROp op, IRType tya, Val va, Val* wide)
{
   ULong a = va.lo;
   switch (op) {
      case Iop_Not8: case Iop_Not16: case Iop_Not32: case Iop_Not64:
      case Iop_Not1:
         return ~a;
      case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64: case Iop_16Uto32:
      case Iop_16Uto64: case Iop_32Uto64: case Iop_1Uto8: case Iop_1Uto32:
      case Iop_1Uto64:
         return a;
      case Iop_8Sto16: case Iop_8Sto32: case Iop_8Sto64: case Iop_16Sto32:
      case Iop_16Sto64: case Iop_32Sto64: case Iop_1Sto8: case Iop_1Sto16:
      case Iop_1Sto32: case Iop_1Sto64:
         return (ULong)sx(a, tya);
      case Iop_64to8: case Iop_64to16: case Iop_64to32: case Iop_32to8:
      case Iop_32to16: case Iop_16to8: case Iop_64to1: case Iop_32to1:
         return a;
      case Iop_16HIto8:  return a >> 8;
      case Iop_32HIto16: return a >> 16;
      case Iop_64HIto32: return a >> 32;
      case Iop_128to64:   return va.lo;
      case Iop_128HIto64: return va.hi;
      case Iop_CmpNEZ8: case Iop_CmpNEZ16: case Iop_CmpNEZ32:
      case Iop_CmpNEZ64:
         return a != 0;
      case Iop_CmpwNEZ32: case Iop_CmpwNEZ64:
         return a != 0 ? ~0ULL : 0;
      case Iop_Left8: case Iop_Left16: case Iop_Left32: case Iop_Left64:
         return a | (0 - a);
      case Iop_Clz64: return (ULong)__builtin_clzll(a);
      case Iop_Clz32: return (ULong)__builtin_clz((UInt)a);
      case Iop_Ctz64: return (ULong)__builtin_ctzll(a);
      case Iop_Ctz32: return (ULong)__builtin_ctz((UInt)a);
      case Iop_PopCount64: return (ULong)__builtin_popcountll(a);
      case Iop_PopCount32: return (ULong)__builtin_popcount((UInt)a);
      default:
         (void)wide;
         ev_unknown = True;
         return 0;
   }
}

static Val eval(const IRExpr* e)
{
   IRType ty = typeOfIRExpr(bb->tyenv, e);
   Val    r  = { 0, 0 };
   switch (e->tag) {
      case Iex_RdTmp:
         return ev_tmps[e->Iex.RdTmp.tmp];
      case Iex_Const: {
         const IRConst* c = e->Iex.Const.con;
         switch (c->tag) {
            case Ico_U1:  return V1(c->Ico.U1);
            case Ico_U8:  return V1(c->Ico.U8);
            case Ico_U16: return V1(c->Ico.U16);
            case Ico_U32: return V1(c->Ico.U32);
            case Ico_U64: return V1(c->Ico.U64);
            default: ev_unknown = True; return r;
         }
      }
      case Iex_Get:
         return load_val(ty, (ULong)(uintptr_t)(ev_gs + e->Iex.Get.offset));
      case Iex_GetI: {
         const IRRegArray* d = e->Iex.GetI.descr;
         Long ix = ((Long)(Int)eval(e->Iex.GetI.ix).lo + e->Iex.GetI.bias)
                   % d->nElems;
         if (ix < 0)
            ix += d->nElems;
         return load_val(ty, (ULong)(uintptr_t)(ev_gs + d->base
                                        + ix * sizeofIRType(d->elemTy)));
      }
      case Iex_Load:
         return load_val(ty, eval(e->Iex.Load.addr).lo);
      case Iex_Binop: {
         Val a = eval(e->Iex.Binop.arg1), b = eval(e->Iex.Binop.arg2);
         IRType t1 = typeOfIRExpr(bb->tyenv, e->Iex.Binop.arg1);
         IROp op = e->Iex.Binop.op;
         if (op == Iop_DivModU128to64 || op == Iop_DivModS128to64) {
            if (op == Iop_DivModU128to64) {
               unsigned __int128 n = ((unsigned __int128)a.hi << 64) | a.lo;
               r.lo = (ULong)(n / b.lo);
               r.hi = (ULong)(n % b.lo);
            } else {
               __int128 n = (__int128)(((unsigned __int128)a.hi << 64) | a.lo);
               r.lo = (ULong)(n / (Long)b.lo);
               r.hi = (ULong)(n % (Long)b.lo);
            }
            return r;
         }
         r.lo = ev_binop(op, t1, a.lo, b.lo, &r);
         r.lo &= mask_of(ty);
         return r;
      }
      case Iex_Unop: {
         Val a = eval(e->Iex.Unop.arg);
         IRType ta = typeOfIRExpr(bb->tyenv, e->Iex.Unop.arg);
         r.lo = ev_unop(e->Iex.Unop.op, ta, a, &r) & mask_of(ty);
         return r;
      }
      case Iex_ITE: {
         Val c = eval(e->Iex.ITE.cond);
         Val t = eval(e->Iex.ITE.iftrue), f = eval(e->Iex.ITE.iffalse);
         return (c.lo & 1) ? t : f;
      }
      case Iex_CCall: {
         ULong args[6] = { 0 };
         Int n = 0;
         for (; e->Iex.CCall.args[n] != NULL; n++)
            args[n] = eval(e->Iex.CCall.args[n]).lo;
         typedef ULong (*F6)(ULong, ULong, ULong, ULong, ULong, ULong);
         F6 f = (F6)e->Iex.CCall.cee->addr;
         r.lo = f(args[0], args[1], args[2], args[3], args[4], args[5])
                & mask_of(ty);
         return r;
      }
      default:
         ev_unknown = True;
         return r;
   }
}

/* Runs BB on GS_REF and MEM (the real scratch memory: guest addresses
   are host addresses). */
static EvalExit eval_block(void)
{
   EvalExit ex = { Ijk_INVALID, 0, -1 };
   Val tmps[4096];
   ev_tmps    = tmps;
   ev_gs      = gs_ref;
   ev_unknown = False;
   vassert(bb->tyenv->types_used <= 4096);
   /* The event check. */
   UInt counter;
   memcpy(&counter, gs_ref + OFF_COUNTER, 4);
   counter--;
   memcpy(gs_ref + OFF_COUNTER, &counter, 4);

   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* st = bb->stmts[i];
      switch (st->tag) {
         case Ist_NoOp: case Ist_IMark: case Ist_AbiHint: case Ist_MBE:
            break;
         case Ist_WrTmp:
            tmps[st->Ist.WrTmp.tmp] = eval(st->Ist.WrTmp.data);
            break;
         case Ist_Put:
            store_val(typeOfIRExpr(bb->tyenv, st->Ist.Put.data),
                      (ULong)(uintptr_t)(gs_ref + st->Ist.Put.offset),
                      eval(st->Ist.Put.data));
            break;
         case Ist_PutI: {
            const IRPutI* p = st->Ist.PutI.details;
            Long ix = ((Long)(Int)eval(p->ix).lo + p->bias) % p->descr->nElems;
            if (ix < 0)
               ix += p->descr->nElems;
            store_val(p->descr->elemTy,
                      (ULong)(uintptr_t)(gs_ref + p->descr->base
                                         + ix * sizeofIRType(p->descr->elemTy)),
                      eval(p->data));
            break;
         }
         case Ist_Store:
            store_val(typeOfIRExpr(bb->tyenv, st->Ist.Store.data),
                      eval(st->Ist.Store.addr).lo, eval(st->Ist.Store.data));
            break;
         case Ist_StoreG: {
            const IRStoreG* sg = st->Ist.StoreG.details;
            if (eval(sg->guard).lo & 1)
               store_val(typeOfIRExpr(bb->tyenv, sg->data),
                         eval(sg->addr).lo, eval(sg->data));
            break;
         }
         case Ist_LoadG: {
            const IRLoadG* lg = st->Ist.LoadG.details;
            Val v;
            if (eval(lg->guard).lo & 1) {
               IRType tr, ta;
               typeOfIRLoadGOp(lg->cvt, &tr, &ta);
               v = load_val(ta, eval(lg->addr).lo);
               if (lg->cvt == ILGop_16Sto32 || lg->cvt == ILGop_8Sto32)
                  v.lo = (ULong)sx(v.lo, ta) & 0xFFFFFFFF;
            } else {
               v = eval(lg->alt);
            }
            tmps[lg->dst] = v;
            break;
         }
         case Ist_CAS: {
            const IRCAS* c = st->Ist.CAS.details;
            IRType ty  = typeOfIRExpr(bb->tyenv, c->expdLo);
            Int    sz  = sizeofIRType(ty);
            ULong  a   = eval(c->addr).lo;
            Val oldLo  = load_val(ty, a);
            Val expdLo = eval(c->expdLo), dataLo = eval(c->dataLo);
            if (c->oldHi == IRTemp_INVALID) {
               if (oldLo.lo == expdLo.lo)
                  store_val(ty, a, dataLo);
               tmps[c->oldLo] = oldLo;
            } else {
               Val oldHi  = load_val(ty, a + sz);
               Val expdHi = eval(c->expdHi), dataHi = eval(c->dataHi);
               if (oldLo.lo == expdLo.lo && oldHi.lo == expdHi.lo) {
                  store_val(ty, a, dataLo);
                  store_val(ty, a + sz, dataHi);
               }
               tmps[c->oldLo] = oldLo;
               tmps[c->oldHi] = oldHi;
            }
            break;
         }
         case Ist_Dirty: {
            const IRDirty* d = st->Ist.Dirty.details;
            ULong args[6] = { 0 };
            Int n = 0;
            for (; d->args[n] != NULL; n++) {
               if (d->args[n]->tag == Iex_GSPTR)
                  args[n] = (ULong)(uintptr_t)gs_ref;
               else
                  args[n] = eval(d->args[n]).lo;
            }
            Bool g = (eval(d->guard).lo & 1) != 0;
            ULong res = 0x5555555555555555ULL;
            if (g) {
               typedef ULong (*F6)(ULong, ULong, ULong, ULong, ULong, ULong);
               res = ((F6)d->cee->addr)(args[0], args[1], args[2], args[3],
                                        args[4], args[5]);
            }
            if (d->tmp != IRTemp_INVALID)
               tmps[d->tmp] = V1(res & mask_of(typeOfIRTemp(bb->tyenv,
                                                            d->tmp)));
            break;
         }
         case Ist_Exit:
            if (eval(st->Ist.Exit.guard).lo & 1) {
               ex.jk        = st->Ist.Exit.jk;
               ex.dst       = st->Ist.Exit.dst->Ico.U64;
               ex.exit_stmt = i;
               wr64(gs_ref, st->Ist.Exit.offsIP, ex.dst);
               return ex;
            }
            break;
         default:
            ev_unknown = True;
            return ex;
      }
   }
   ex.jk  = bb->jumpkind;
   ex.dst = eval(bb->next).lo;
   wr64(gs_ref, bb->offsIP, ex.dst);
   return ex;
}

/* The exit code and TRC the native run should give for exit EX. */
static void expected_exit(const EvalExit* ex, const CompileOpts* o,
                          Int* code, ULong* trc, Bool nextIsConst)
{
   Bool plain = ex->jk == Ijk_Boring || ex->jk == Ijk_Call
                || ex->jk == Ijk_Ret;
   *trc = 0;
   if (plain && o->chaining) {
      if (ex->exit_stmt >= 0 || nextIsConst)
         *code = ex->dst > o->max_ga ? EX_FAST : EX_SLOW;
      else
         *code = EX_INDIR;
      return;
   }
   *code = EX_ASSISTED;
   switch (ex->jk) {
      case Ijk_Boring: case Ijk_Call: case Ijk_Ret:
                              *trc = VEX_TRC_JMP_BORING; break;
      case Ijk_ClientReq:     *trc = VEX_TRC_JMP_CLIENTREQ; break;
      case Ijk_Yield:         *trc = VEX_TRC_JMP_YIELD; break;
      case Ijk_EmWarn:        *trc = VEX_TRC_JMP_EMWARN; break;
      case Ijk_EmFail:        *trc = VEX_TRC_JMP_EMFAIL; break;
      case Ijk_NoDecode:      *trc = VEX_TRC_JMP_NODECODE; break;
      case Ijk_MapFail:       *trc = VEX_TRC_JMP_MAPFAIL; break;
      case Ijk_InvalICache:   *trc = VEX_TRC_JMP_INVALICACHE; break;
      case Ijk_FlushDCache:   *trc = VEX_TRC_JMP_FLUSHDCACHE; break;
      case Ijk_NoRedir:       *trc = VEX_TRC_JMP_NOREDIR; break;
      case Ijk_SigILL:        *trc = VEX_TRC_JMP_SIGILL; break;
      case Ijk_SigTRAP:       *trc = VEX_TRC_JMP_SIGTRAP; break;
      case Ijk_SigSEGV:       *trc = VEX_TRC_JMP_SIGSEGV; break;
      case Ijk_SigBUS:        *trc = VEX_TRC_JMP_SIGBUS; break;
      case Ijk_SigFPE_IntDiv: *trc = VEX_TRC_JMP_SIGFPE_INTDIV; break;
      case Ijk_SigFPE_IntOvf: *trc = VEX_TRC_JMP_SIGFPE_INTOVF; break;
      case Ijk_Sys_syscall:   *trc = VEX_TRC_JMP_SYS_SYSCALL; break;
      case Ijk_Sys_int32:     *trc = VEX_TRC_JMP_SYS_INT32; break;
      case Ijk_Sys_int128:    *trc = VEX_TRC_JMP_SYS_INT128; break;
      case Ijk_Sys_int129:    *trc = VEX_TRC_JMP_SYS_INT129; break;
      case Ijk_Sys_int130:    *trc = VEX_TRC_JMP_SYS_INT130; break;
      case Ijk_Sys_int145:    *trc = VEX_TRC_JMP_SYS_INT145; break;
      case Ijk_Sys_int210:    *trc = VEX_TRC_JMP_SYS_INT210; break;
      case Ijk_Sys_sysenter:  *trc = VEX_TRC_JMP_SYS_SYSENTER; break;
      default: abort();
   }
}

static Int n_mismatch_reports;

/* Called between the reference run and selection (the tree builder). */
static void (*pre_compile_hook)(void);

static void report_block(const char* why)
{
   if (n_mismatch_reports++ >= 3)
      return;
   fprintf(stderr, "  mismatch (%s) in block:\n", why);
   out_len = 0;
   ppIRSB(bb);
   fputs(out, stderr);
   out_len = 0;
}

/* Runs the current block through the evaluator and natively (with
   options O) and compares state, memory and exit.  Returns 1 when they
   agree. */
static int check_block_opts(const CompileOpts* o)
{
   memcpy(gs_ref, gs_init, GS_SIZE);
   memcpy(mem, mem_init, MEM_SIZE);
   Bool nextIsConst = bb->next->tag == Iex_Const;
   EvalExit ex = eval_block();
   if (ev_unknown) {
      report_block("the evaluator does not know an op");
      return 0;
   }
   memcpy(mem_ref, mem, MEM_SIZE);

   if (pre_compile_hook != NULL)
      pre_compile_hook();
   UChar* code = compile(bb, o);
   Int    got  = run_native(code);
   Int    want;
   ULong  trc;
   expected_exit(&ex, o, &want, &trc, nextIsConst);
   if (got != want || (want == EX_ASSISTED && ti_trc != trc)) {
      char why[100];
      snprintf(why, sizeof why, "exit: got %d (trc %llu), want %d (trc %llu)",
               got, (unsigned long long)ti_trc, want, (unsigned long long)trc);
      report_block(why);
      return 0;
   }
   for (Int k = 0; k < GS_COMPARED; k++) {
      if (gs[k] != gs_ref[k]) {
         char why[100];
         snprintf(why, sizeof why,
                  "guest state byte %d: got %02x want %02x (8 at %d: "
                  "%016llx vs %016llx)", k, gs[k], gs_ref[k], k & ~7,
                  (unsigned long long)rd64(gs, k & ~7),
                  (unsigned long long)rd64(gs_ref, k & ~7));
         report_block(why);
         return 0;
      }
   }
   if (memcmp(mem, mem_ref, MEM_SIZE) != 0) {
      report_block("memory");
      return 0;
   }
   return 1;
}

static int check_block(void)
{
   CompileOpts o = default_opts();
   return check_block_opts(&o);
}

/* Counts the selected instructions of kind TAG. */
static Int count_tag(AMD64InstrTag tag)
{
   Int n = 0;
   for (Int i = 0; i < last_vcode->arr_used; i++)
      if (((AMD64Instr*)last_vcode->arr[i])->tag == tag)
         n++;
   return n;
}

/* ------------------------------------------------------------------ */
/* Helpers called from the blocks                                     */
/* ------------------------------------------------------------------ */

static ULong th_clean1(ULong a) { return a * 0x9E3779B97F4A7C15ULL + 1; }
static ULong th_clean2(ULong a, ULong b) { return (a * 3 + b) ^ 0x5a5a; }
static ULong th_clean3(ULong a, ULong b, ULong c)
{
   return (a - b) * 7 + (c >> 3);
}
static ULong th_clean6(ULong a, ULong b, ULong c, ULong d, ULong e, ULong f)
{
   return a + 2 * b + 3 * c + 5 * d + 7 * e + 11 * f;
}
/* A helper taking 8/16-bit values: checks that they arrive
   zero-extended. */
static ULong th_narrow(ULong a8, ULong b16)
{
   return (a8 <= 0xFF && b16 <= 0xFFFF) ? a8 * 65536 + b16 : 0xBAD;
}

/* Dirty helpers. */
static ULong th_dirty_count;
static void th_dirty_void(ULong x)
{
   th_dirty_count += x;
}
static ULong th_dirty_gs(ULong gsp, ULong x)
{
   UChar* g = (UChar*)(uintptr_t)gsp;
   ULong  v = rd64(g, OFF_I(5));
   wr64(g, OFF_I(6), v + x);
   return v ^ x;
}
static void th_dirty_v128(ULong* res, ULong a, ULong b)
{
   res[0] = a * 2;
   res[1] = b + 1;
}
static void th_dirty_v256(ULong* res, ULong a)
{
   for (Int i = 0; i < 4; i++)
      res[i] = a + (ULong)i;
}

/* ================================================================== */
/* Block structure: event check, profile counter, exits               */
/* ================================================================== */

UNIT_TEST(isel_event_check_and_direct_exit)
{
   begin();
   init_state();
   new_bb();
   bb->next = C64(0x401000);
   CompileOpts o = default_opts();
   Int r = run_native(compile(bb, &o));
   UT_CHECK_EQ(r, EX_FAST);                    /* 0x401000 > max_ga */
   UT_CHECK_EQ(rd64(gs, OFF_PC), 0x401000);
   UT_CHECK_EQ(rd64(gs, OFF_COUNTER) & 0xFFFFFFFF, 999);
   /* The chain-me call returned to its site + 13. */
   UT_CHECK((ti_chain_ret - AMD64_CHAIN_ME_RETURN_TO_SITE) % 8 == 0);
   /* The first instruction is the event check. */
   UT_CHECK_EQ(((AMD64Instr*)last_vcode->arr[0])->tag, Ain_EvCheck);

   /* A jump to an address inside the block (<= max_ga) goes to the slow
      entry point, through the target's event check. */
   begin();
   new_bb();
   bb->next = C64(0x800);
   UT_CHECK_EQ(run_native(compile(bb, &o)), EX_SLOW);
   UT_CHECK_EQ(rd64(gs, OFF_PC), 0x800);
}

UNIT_TEST(isel_event_check_fails)
{
   begin();
   init_state();
   wr64(gs_init, OFF_COUNTER, 0);
   new_bb();
   PUT(OFF_I(0), C64(42));
   UT_CHECK_EQ(compile_and_run(bb), EX_EVFAIL);
   /* Nothing of the block ran. */
   UT_CHECK_EQ(rd64(gs, OFF_I(0)), rd64(gs_init, OFF_I(0)));
   UT_CHECK_EQ((UInt)rd64(gs, OFF_COUNTER), 0xFFFFFFFFU);
}

UNIT_TEST(isel_profile_counter)
{
   begin();
   init_state();
   new_bb();
   PUT(OFF_I(0), C64(7));
   CompileOpts o = default_opts();
   o.profInc = True;
   UChar* code = compile(bb, &o);
   UT_CHECK(last_profinc_at > 0);
   UT_CHECK_EQ(((AMD64Instr*)last_vcode->arr[1])->tag, Ain_ProfInc);
   static ULong counter;
   counter = 5;
   patchProfInc_AMD64(code + last_profinc_at, &counter);
   run_native(code);
   run_native(code);
   UT_CHECK_EQ(counter, 7);
   UT_CHECK_EQ(rd64(gs, OFF_I(0)), 7);
}

UNIT_TEST(isel_indirect_and_assisted_exits)
{
   begin();
   init_state();
   new_bb();
   bb->next = GET(OFF_I(3), Ity_I64);
   CompileOpts o = default_opts();
   UT_CHECK_EQ(run_native(compile(bb, &o)), EX_INDIR);
   UT_CHECK_EQ(rd64(gs, OFF_PC), rd64(gs_init, OFF_I(3)));

   /* No chaining: every Boring exit is assisted with TRC_JMP_BORING. */
   begin();
   new_bb();
   bb->next = GET(OFF_I(3), Ity_I64);
   o.chaining = False;
   UT_CHECK_EQ(run_native(compile(bb, &o)), EX_ASSISTED);
   UT_CHECK_EQ(ti_trc, VEX_TRC_JMP_BORING);
   UT_CHECK_EQ(rd64(gs, OFF_PC), rd64(gs_init, OFF_I(3)));
   begin();
   new_bb();
   bb->next = C64(0x402000);
   UT_CHECK_EQ(run_native(compile(bb, &o)), EX_ASSISTED);
   UT_CHECK_EQ(ti_trc, VEX_TRC_JMP_BORING);
   UT_CHECK_EQ(rd64(gs, OFF_PC), 0x402000);
}

UNIT_TEST(isel_jump_kinds_give_their_trcs)
{
   static const IRJumpKind kinds[] = {
      Ijk_Boring, Ijk_Call, Ijk_Ret, Ijk_ClientReq, Ijk_Yield, Ijk_EmWarn,
      Ijk_EmFail, Ijk_NoDecode, Ijk_MapFail, Ijk_InvalICache,
      Ijk_FlushDCache, Ijk_NoRedir, Ijk_SigILL, Ijk_SigTRAP, Ijk_SigSEGV,
      Ijk_SigBUS, Ijk_SigFPE_IntDiv, Ijk_SigFPE_IntOvf, Ijk_Sys_syscall,
      Ijk_Sys_int32, Ijk_Sys_int128, Ijk_Sys_int129, Ijk_Sys_int130,
      Ijk_Sys_int145, Ijk_Sys_int210, Ijk_Sys_sysenter
   };
   Int n = (Int)(sizeof kinds / sizeof kinds[0]);
   for (Int k = 0; k < n; k++) {
      for (Int asExit = 0; asExit < 2; asExit++) {
         begin();
         init_state();
         new_bb();
         if (asExit) {
            ST(IRStmt_Exit(B(Iop_CmpEQ64, GET(OFF_I(1), Ity_I64),
                             GET(OFF_I(1), Ity_I64)),
                           kinds[k], IRConst_U64(0x403000), OFF_PC));
         } else {
            bb->next     = C64(0x403000);
            bb->jumpkind = kinds[k];
         }
         UT_CHECK(check_block());
      }
   }
}

UNIT_TEST(isel_conditional_exits)
{
   /* if (GET(i0) <s GET(i1)) exit to 0x7000 else PUT; end. */
   for (Int trial = 0; trial < 200; trial++) {
      begin();
      init_state();
      new_bb();
      IROp cmps[] = { Iop_CmpLT64S, Iop_CmpLE64U, Iop_CmpEQ64, Iop_CmpNE32,
                      Iop_CmpLT32U, Iop_CmpLE32S, Iop_CmpEQ8, Iop_CmpNE16 };
      IRType tys[] = { Ity_I64, Ity_I64, Ity_I64, Ity_I32, Ity_I32, Ity_I32,
                       Ity_I8, Ity_I16 };
      Int k = trial % 8;
      if (trial % 3 == 0)
         wr64(gs_init, OFF_I(1), rd64(gs_init, OFF_I(0)));
      ST(IRStmt_Exit(B(cmps[k], GET(OFF_I(0), tys[k]), GET(OFF_I(1), tys[k])),
                     Ijk_Boring, IRConst_U64(0x7000 + 0x100 * (trial & 1)),
                     OFF_PC));
      PUT(OFF_I(2), C64(0x1234));
      ST(IRStmt_Exit(U(Iop_Not1, B(cmps[k], GET(OFF_I(0), tys[k]),
                                   GET(OFF_I(1), tys[k]))),
                     Ijk_Yield, IRConst_U64(0x7777), OFF_PC));
      UT_CHECK(check_block());
   }
   /* The compare feeds the exit's jcc directly: no setcc. */
   begin();
   new_bb();
   ST(IRStmt_Exit(B(Iop_CmpLT64S, GET(OFF_I(0), Ity_I64), C64(5)),
                  Ijk_Boring, IRConst_U64(0x7000), OFF_PC));
   CompileOpts o = default_opts();
   compile(bb, &o);
   Int n_set = 0, n_cmp = 0;
   for (Int i = 0; i < last_vcode->arr_used; i++) {
      AMD64Instr* in = last_vcode->arr[i];
      if (in->tag == Ain_Set64)
         n_set++;
      if (in->tag == Ain_Alu64R && in->Ain.Alu64R.op == Aalu_CMP
          && in->Ain.Alu64R.src->tag == Armi_Imm)
         n_cmp++;
   }
   UT_CHECK_EQ(n_set, 0);
   UT_CHECK_EQ(n_cmp, 1);
}

UNIT_TEST(isel_constant_guards)
{
   begin();
   init_state();
   new_bb();
   ST(IRStmt_Exit(C1(False), Ijk_Boring, IRConst_U64(0x9000), OFF_PC));
   PUT(OFF_I(0), C64(1));
   ST(IRStmt_Exit(C1(True), Ijk_Boring, IRConst_U64(0x9100), OFF_PC));
   PUT(OFF_I(0), C64(2));
   UT_CHECK(check_block());
   UT_CHECK_EQ(rd64(gs, OFF_I(0)), 1);
   UT_CHECK_EQ(rd64(gs, OFF_PC), 0x9100);
}

UNIT_TEST(isel_marks_hints_fences_noops)
{
   begin();
   init_state();
   new_bb();
   ST(IRStmt_IMark(0x400000, 3, 0));
   ST(IRStmt_NoOp());
   ST(IRStmt_AbiHint(GET(OFF_I(0), Ity_I64), 128, C64(0x400003)));
   ST(IRStmt_MBE(Imbe_Fence));
   PUT(OFF_I(1), GET(OFF_I(0), Ity_I64));
   ST(IRStmt_MBE(Imbe_CancelReservation));
   UT_CHECK(check_block());
   UT_CHECK_EQ(count_tag(Ain_MFence), 1);
}

/* ================================================================== */
/* Integer operations, table-driven against the evaluator             */
/* ================================================================== */

/* For each op, blocks computing it on GETs (tree), on temporaries
   (flat), with a constant second operand, and stored to memory. */
static int check_binop(IROp op, Int trials)
{
   IRType tr, t1, t2, t3, t4;
   typeOfPrimop(op, &tr, &t1, &t2, &t3, &t4);
   int ok = 1;
   for (Int trial = 0; trial < trials; trial++) {
      begin();
      init_state();
      new_bb();
      IRExpr* a = GET(OFF_I(trial % 8), t1);
      IRExpr* b;
      if (trial % 3 == 2)
         b = CONST_OF(t2, rnd_val());
      else
         b = GET(OFF_I(8 + trial % 8), t2);
      /* Keep shift amounts in range. */
      Bool isShift = (op >= Iop_Shl8 && op <= Iop_Sar64);
      if (isShift) {
         UInt w = (UInt)width_of(t1);
         if (b->tag == Iex_Const)
            b = C8((UChar)(rnd() % w));
         else
            b = B(Iop_And8, b, C8((UChar)(w - 1)));
      }
      if (trial & 1) {
         IRTemp ta = LET(t1, a);
         IRTemp tb = LET(t2, b);
         a = RD(ta);
         b = RD(tb);
      }
      IRExpr* e = B(op, a, b);
      if (tr == Ity_I1)
         e = U(Iop_1Uto64, e);
      else if (tr == Ity_I128) {
         IRTemp t = LET(Ity_I128, e);
         PUT(OFF_I(40), U(Iop_128HIto64, RD(t)));
         e = U(Iop_128to64, RD(t));
      }
      if (trial % 4 == 3)
         ST(IRStmt_Store(Iend_LE, MEMAT(8 * (trial % 16)), e));
      else
         PUT(OFF_I(32 + trial % 8), e);
      sanity(bb, False);
      if (!check_block()) {
         fprintf(stderr, "  op %s trial %d\n", nameOfIROp(op), (int)trial);
         ok = 0;
         break;
      }
   }
   return ok;
}

static int check_unop(IROp op, Int trials)
{
   IRType tr, t1, t2, t3, t4;
   typeOfPrimop(op, &tr, &t1, &t2, &t3, &t4);
   int ok = 1;
   for (Int trial = 0; trial < trials; trial++) {
      begin();
      init_state();
      new_bb();
      IRExpr* a;
      if (t1 == Ity_I1)
         a = B(Iop_CmpLT64U, GET(OFF_I(trial % 8), Ity_I64),
               GET(OFF_I(8 + trial % 8), Ity_I64));
      else if (t1 == Ity_I128)
         a = B(Iop_64HLto128, GET(OFF_I(trial % 8), Ity_I64),
               GET(OFF_I(8 + trial % 8), Ity_I64));
      else if (trial % 4 == 2)
         a = LD(t1, MEMAT(8 * (trial % 16) + (trial % 3)));
      else
         a = GET(OFF_I(trial % 8), t1);
      /* Clz/Ctz of 0 are undefined. */
      if (op == Iop_Clz64 || op == Iop_Ctz64)
         a = B(Iop_Or64, a, C64(1ULL << (rnd() % 64)));
      if (op == Iop_Clz32 || op == Iop_Ctz32)
         a = B(Iop_Or32, a, C32(1U << (rnd() % 32)));
      if (trial & 1)
         a = RD(LET(t1, a));
      IRExpr* e = U(op, a);
      if (tr == Ity_I1)
         e = U(Iop_1Uto64, e);
      PUT(OFF_I(32 + trial % 8), e);
      sanity(bb, False);
      if (!check_block()) {
         fprintf(stderr, "  op %s trial %d\n", nameOfIROp(op), (int)trial);
         ok = 0;
         break;
      }
   }
   return ok;
}

UNIT_TEST(isel_int_arith_logic)
{
   static const IROp ops[] = {
      Iop_Add8, Iop_Add16, Iop_Add32, Iop_Add64, Iop_Sub8, Iop_Sub16,
      Iop_Sub32, Iop_Sub64, Iop_Mul8, Iop_Mul16, Iop_Mul32, Iop_Mul64,
      Iop_And8, Iop_And16, Iop_And32, Iop_And64, Iop_Or8, Iop_Or16,
      Iop_Or32, Iop_Or64, Iop_Xor8, Iop_Xor16, Iop_Xor32, Iop_Xor64,
      Iop_Max32U
   };
   for (UInt k = 0; k < sizeof ops / sizeof ops[0]; k++)
      UT_CHECK(check_binop(ops[k], 40));
}

UNIT_TEST(isel_int_shifts)
{
   static const IROp ops[] = {
      Iop_Shl8, Iop_Shl16, Iop_Shl32, Iop_Shl64, Iop_Shr8, Iop_Shr16,
      Iop_Shr32, Iop_Shr64, Iop_Sar8, Iop_Sar16, Iop_Sar32, Iop_Sar64
   };
   for (UInt k = 0; k < sizeof ops / sizeof ops[0]; k++)
      UT_CHECK(check_binop(ops[k], 60));
}

UNIT_TEST(isel_int_compares)
{
   static const IROp ops[] = {
      Iop_CmpEQ8, Iop_CmpEQ16, Iop_CmpEQ32, Iop_CmpEQ64, Iop_CmpNE8,
      Iop_CmpNE16, Iop_CmpNE32, Iop_CmpNE64, Iop_CasCmpEQ8, Iop_CasCmpEQ16,
      Iop_CasCmpEQ32, Iop_CasCmpEQ64, Iop_CasCmpNE8, Iop_CasCmpNE16,
      Iop_CasCmpNE32, Iop_CasCmpNE64, Iop_ExpCmpNE8, Iop_ExpCmpNE16,
      Iop_ExpCmpNE32, Iop_ExpCmpNE64, Iop_CmpLT32S, Iop_CmpLE32S,
      Iop_CmpLT32U, Iop_CmpLE32U, Iop_CmpLT64S, Iop_CmpLE64S, Iop_CmpLT64U,
      Iop_CmpLE64U
   };
   for (UInt k = 0; k < sizeof ops / sizeof ops[0]; k++)
      UT_CHECK(check_binop(ops[k], 40));
}

UNIT_TEST(isel_int_widening_multiplies_and_pairs)
{
   static const IROp ops[] = {
      Iop_MullS8, Iop_MullS16, Iop_MullS32, Iop_MullS64, Iop_MullU8,
      Iop_MullU16, Iop_MullU32, Iop_MullU64, Iop_8HLto16, Iop_16HLto32,
      Iop_32HLto64, Iop_64HLto128
   };
   for (UInt k = 0; k < sizeof ops / sizeof ops[0]; k++)
      UT_CHECK(check_binop(ops[k], 40));
}

UNIT_TEST(isel_int_conversions)
{
   static const IROp ops[] = {
      Iop_8Uto16, Iop_8Uto32, Iop_8Uto64, Iop_16Uto32, Iop_16Uto64,
      Iop_32Uto64, Iop_8Sto16, Iop_8Sto32, Iop_8Sto64, Iop_16Sto32,
      Iop_16Sto64, Iop_32Sto64, Iop_64to8, Iop_32to8, Iop_64to16, Iop_16to8,
      Iop_16HIto8, Iop_32to16, Iop_32HIto16, Iop_64to32, Iop_64HIto32,
      Iop_128to64, Iop_128HIto64, Iop_1Uto8, Iop_1Uto32, Iop_1Uto64,
      Iop_1Sto8, Iop_1Sto16, Iop_1Sto32, Iop_1Sto64, Iop_Not1, Iop_32to1,
      Iop_64to1
   };
   for (UInt k = 0; k < sizeof ops / sizeof ops[0]; k++)
      UT_CHECK(check_unop(ops[k], 24));
}

/* (vexdiff JIT, perf/insn-ratio) An I8/I16 temporary assigned a load or
   a GET holds its value zero-extended (movzb/movzw), so 8Uto and 16Uto
   of it cost nothing: `movzbl (%rsi),%ecx; mov %cl,(%rdi)' used to be
   movzbl, mov and and $0xff.  The widenings must still be right. */
static Int count_and_masks(void)
{
   Int n = 0;
   for (Int i = 0; i < last_vcode->arr_used; i++) {
      const AMD64Instr* in = last_vcode->arr[i];
      if (in->tag == Ain_Alu64R && in->Ain.Alu64R.op == Aalu_AND
          && in->Ain.Alu64R.src->tag == Armi_Imm)
         n++;
   }
   return n;
}

UNIT_TEST(isel_widening_of_loaded_narrow_temps_is_free)
{
   for (Int trial = 0; trial < 40; trial++) {
      begin();
      init_state();
      new_bb();
      IRTemp b = LET(Ity_I8, LD(Ity_I8, MEMAT(trial * 3)));
      IRTemp h = LET(Ity_I16, LD(Ity_I16, MEMAT(trial * 5 + 1)));
      IRTemp g = LET(Ity_I8, GET(OFF_I(2) + trial % 8, Ity_I8));
      IRTemp k = LET(Ity_I16, GET(OFF_I(3) + trial % 7, Ity_I16));
      /* each used twice, so no load is folded into its widening */
      PUT(OFF_I(10), U(Iop_8Uto64, RD(b)));
      PUT(OFF_I(11), U(Iop_16Uto64, RD(h)));
      PUT(OFF_I(12), U(Iop_8Uto32, RD(g)));
      PUT(OFF_I(13), U(Iop_16Uto32, RD(k)));
      PUT(OFF_I(14), U(Iop_8Uto16, RD(b)));
      ST(IRStmt_Store(Iend_LE, MEMAT(300 + trial), RD(b)));
      ST(IRStmt_Store(Iend_LE, MEMAT(340 + trial), RD(h)));
      PUT(OFF_I(15), RD(g));
      PUT(OFF_I(16), RD(k));
      sanity(bb, False);
      UT_CHECK(check_block());
      UT_CHECK_EQ(count_and_masks(), 0);
   }
}

UNIT_TEST(isel_int_unary)
{
   static const IROp ops[] = {
      Iop_Not8, Iop_Not16, Iop_Not32, Iop_Not64, Iop_CmpNEZ8, Iop_CmpNEZ16,
      Iop_CmpNEZ32, Iop_CmpNEZ64, Iop_CmpwNEZ32, Iop_CmpwNEZ64, Iop_Left8,
      Iop_Left16, Iop_Left32, Iop_Left64, Iop_Clz32, Iop_Clz64, Iop_Ctz32,
      Iop_Ctz64, Iop_PopCount32, Iop_PopCount64
   };
   for (UInt k = 0; k < sizeof ops / sizeof ops[0]; k++)
      UT_CHECK(check_unop(ops[k], 40));
}

/* Division with operands that cannot fault. */
UNIT_TEST(isel_int_division)
{
   for (Int trial = 0; trial < 400; trial++) {
      begin();
      init_state();
      new_bb();
      IRExpr* a64 = GET(OFF_I(trial % 8), Ity_I64);
      IRExpr* b64 = GET(OFF_I(8 + trial % 8), Ity_I64);
      IRExpr* a32 = GET(OFF_I(trial % 8), Ity_I32);
      IRExpr* b32 = GET(OFF_I(8 + trial % 8), Ity_I32);
      /* Divisors: never 0, never -1. */
      IRExpr* d64 = B(Iop_Or64, B(Iop_Shl64, b64, C8(1)), C64(2));
      IRExpr* d32 = B(Iop_Or32, B(Iop_Shl32, b32, C8(1)), C32(2));
      IRExpr* du64 = B(Iop_Or64, b64, C64(1));
      IRExpr* du32 = B(Iop_Or32, b32, C32(1));
      switch (trial % 10) {
         case 0: PUT(OFF_I(32), B(Iop_DivU64, a64, du64)); break;
         case 1: PUT(OFF_I(32), B(Iop_DivS64, a64, d64)); break;
         case 2: PUT(OFF_I(32), B(Iop_DivU32, a32, du32)); break;
         case 3: PUT(OFF_I(32), B(Iop_DivS32, a32, d32)); break;
         case 4:   /* quotient fits: the dividend's high half < divisor */
            PUT(OFF_I(32), B(Iop_DivModU64to32,
                             B(Iop_32HLto64, B(Iop_And32, a32,
                                               B(Iop_Shr32, du32, C8(1))),
                               b32), du32));
            break;
         case 5:
            PUT(OFF_I(32), B(Iop_DivModS64to32, U(Iop_32Sto64, a32), d32));
            break;
         case 6: {
            IRTemp d = LET(Ity_I64, du64);
            IRTemp q = LET(Ity_I128, B(Iop_DivModU128to64,
                                       B(Iop_64HLto128,
                                         B(Iop_And64, a64,
                                           B(Iop_Shr64, RD(d), C8(1))),
                                         b64), RD(d)));
            PUT(OFF_I(32), U(Iop_128to64, RD(q)));
            PUT(OFF_I(33), U(Iop_128HIto64, RD(q)));
            break;
         }
         case 7: {
            IRTemp lo = LET(Ity_I64, a64);
            IRTemp q  = LET(Ity_I128, B(Iop_DivModS128to64,
                                        B(Iop_64HLto128,
                                          B(Iop_Sar64, RD(lo), C8(63)),
                                          RD(lo)), d64));
            PUT(OFF_I(32), U(Iop_128to64, RD(q)));
            PUT(OFF_I(33), U(Iop_128HIto64, RD(q)));
            break;
         }
         case 8: {
            IRTemp q = LET(Ity_I128, B(Iop_DivModU64to64, a64, du64));
            PUT(OFF_I(32), U(Iop_128to64, RD(q)));
            PUT(OFF_I(33), U(Iop_128HIto64, RD(q)));
            break;
         }
         default: {
            /* the divisor from memory, made safe beforehand */
            ST(IRStmt_Store(Iend_LE, MEMAT(8), d64));
            IRTemp q = LET(Ity_I128, B(Iop_DivModS64to64, a64,
                                       LD(Ity_I64, MEMAT(8))));
            PUT(OFF_I(32), U(Iop_128to64, RD(q)));
            PUT(OFF_I(33), U(Iop_128HIto64, RD(q)));
            break;
         }
      }
      sanity(bb, False);
      if (!check_block()) {
         UT_CHECK(0);
         fprintf(stderr, "  division case %d\n", (int)(trial % 10));
         break;
      }
   }
}

UNIT_TEST(isel_int_ite_and_i1_values)
{
   static const IRType tys[] = { Ity_I8, Ity_I16, Ity_I32, Ity_I64 };
   for (Int trial = 0; trial < 200; trial++) {
      begin();
      init_state();
      new_bb();
      IRType ty = tys[trial % 4];
      IRExpr* c = B(trial & 1 ? Iop_CmpLT64S : Iop_CmpLE64U,
                    GET(OFF_I(0), Ity_I64), GET(OFF_I(1 + trial % 3), Ity_I64));
      if (trial % 3 == 0)
         c = RD(LET(Ity_I1, c));
      IRExpr* ite = IRExpr_ITE(c, GET(OFF_I(4), ty),
                               trial % 5 == 0 ? CONST_OF(ty, 77)
                                              : GET(OFF_I(5), ty));
      PUT(OFF_I(8), ite);
      /* An ITE of I1 values and an ITE as an exit guard. */
      IRTemp b1 = LET(Ity_I1, B(Iop_CmpEQ8, GET(OFF_I(6), Ity_I8), C8(3)));
      IRTemp b2 = LET(Ity_I1, IRExpr_ITE(RD(b1), c,
                                         U(Iop_Not1, RD(b1))));
      PUT(OFF_I(9), U(Iop_1Uto64, RD(b2)));
      ST(IRStmt_Exit(IRExpr_ITE(c, RD(b1), C1(False)), Ijk_Boring,
                     IRConst_U64(0x6000), OFF_PC));
      sanity(bb, False);
      UT_CHECK(check_block());
   }
}

/* ================================================================== */
/* Memory, addressing modes, immediates                               */
/* ================================================================== */

UNIT_TEST(isel_loads_stores_all_widths)
{
   static const IRType tys[] = { Ity_I8, Ity_I16, Ity_I32, Ity_I64 };
   for (Int trial = 0; trial < 200; trial++) {
      begin();
      init_state();
      new_bb();
      IRType ty = tys[trial % 4];
      Int off = (Int)(rnd() % 200);
      IRExpr* v = LD(ty, MEMAT(off));
      if (trial & 1)
         v = RD(LET(ty, v));
      ST(IRStmt_Store(Iend_LE, MEMAT((Int)(rnd() % 200)), v));
      ST(IRStmt_Store(Iend_LE, MEMAT((Int)(rnd() % 200)),
                      CONST_OF(ty, rnd_val())));
      ST(IRStmt_Store(Iend_LE, MEMAT((Int)(rnd() % 200)),
                      GET(OFF_I(3), ty)));
      PUT(OFF_I(10) + (Int)(rnd() % 8), LD(ty, MEMAT((Int)(rnd() % 200))));
      PUT(OFF_I(20), CONST_OF(ty, rnd_val()));
      sanity(bb, False);
      UT_CHECK(check_block());
   }
}

UNIT_TEST(isel_amode_folding)
{
   /* LDle:I64(Add64(Add64(base, Shl64(index, 3)), 16)) is one load with
      an IRRS amode; Add64(t, 0x10) addresses are IR amodes. */
   begin();
   init_state();
   new_bb();
   IRTemp base = LET(Ity_I64, GET(OFF_MEMPTR, Ity_I64));
   IRTemp ix   = LET(Ity_I64, B(Iop_And64, GET(OFF_I(0), Ity_I64), C64(15)));
   PUT(OFF_I(1), LD(Ity_I64, B(Iop_Add64, B(Iop_Add64, RD(base),
                                             B(Iop_Shl64, RD(ix), C8(3))),
                                C64(16))));
   ST(IRStmt_Store(Iend_LE, B(Iop_Add64, RD(base), C64(0x20)),
                   GET(OFF_I(2), Ity_I64)));
   PUT(OFF_I(3), LD(Ity_I32, B(Iop_Add64, RD(base),
                               B(Iop_Shl64, RD(ix), C8(2)))));
   PUT(OFF_I(4), B(Iop_Add64, RD(base), B(Iop_Shl64, RD(ix), C8(1))));
   UT_CHECK(check_block());
   Int n_irrs_mem = 0, n_lea = 0, n_shl = 0;
   for (Int i = 0; i < last_vcode->arr_used; i++) {
      AMD64Instr* in = last_vcode->arr[i];
      if (in->tag == Ain_Alu64R && in->Ain.Alu64R.src->tag == Armi_Mem
          && in->Ain.Alu64R.src->Armi.Mem.am->tag == Aam_IRRS
          && in->Ain.Alu64R.src->Armi.Mem.am->Aam.IRRS.shift == 3
          && in->Ain.Alu64R.src->Armi.Mem.am->Aam.IRRS.imm == 16)
         n_irrs_mem++;
      if (in->tag == Ain_LoadEX && in->Ain.LoadEX.src->tag == Aam_IRRS)
         n_irrs_mem++;
      if (in->tag == Ain_Lea64)
         n_lea++;
      if (in->tag == Ain_Sh64)
         n_shl++;
   }
   UT_CHECK_EQ(n_irrs_mem, 2);
   UT_CHECK_EQ(n_lea, 1);
   UT_CHECK_EQ(n_shl, 0);
}

UNIT_TEST(isel_immediates_and_memory_operands)
{
   begin();
   init_state();
   new_bb();
   /* Add64(GET, imm32) and And64(GET, GET) read memory and immediates
      directly; a 64-bit constant needs a register. */
   PUT(OFF_I(1), B(Iop_Sub64, GET(OFF_I(0), Ity_I64), C64(0x1234)));
   PUT(OFF_I(2), B(Iop_And64, GET(OFF_I(3), Ity_I64),
                   GET(OFF_I(4), Ity_I64)));
   PUT(OFF_I(5), B(Iop_Xor64, GET(OFF_I(3), Ity_I64),
                   C64(0x123456789ULL)));
   PUT(OFF_I(6), C64(0xFFFFFFFFFFFFFFF0ULL));
   PUT(OFF_I(7), B(Iop_Add32, GET(OFF_I(3), Ity_I32), C32(0x80000000U)));
   UT_CHECK(check_block());
   Int n_mem_src = 0, n_imm64 = 0, n_imm_store = 0;
   for (Int i = 0; i < last_vcode->arr_used; i++) {
      AMD64Instr* in = last_vcode->arr[i];
      if (in->tag == Ain_Alu64R && in->Ain.Alu64R.op == Aalu_AND
          && in->Ain.Alu64R.src->tag == Armi_Mem)
         n_mem_src++;
      if (in->tag == Ain_Imm64)
         n_imm64++;
      if (in->tag == Ain_Alu64M && in->Ain.Alu64M.src->tag == Ari_Imm)
         n_imm_store++;
   }
   UT_CHECK_EQ(n_mem_src, 1);
   UT_CHECK_EQ(n_imm64, 1);       /* the 64-bit constant */
   UT_CHECK_EQ(n_imm_store, 1);   /* PUT of a sign-extendable constant */
}

UNIT_TEST(isel_guest_arrays)
{
   IRRegArray* arr;
   for (Int trial = 0; trial < 100; trial++) {
      begin();
      init_state();
      new_bb();
      arr = mkIRRegArray(OFF_ARR, Ity_I64, 8);
      Int bias = (Int)(rnd() % 20) - 10;
      IRExpr* ix = GET(OFF_I(trial % 8), Ity_I32);
      ST(IRStmt_PutI(mkIRPutI(arr, ix, bias, GET(OFF_I(9), Ity_I64))));
      PUT(OFF_I(10), IRExpr_GetI(arr, GET(OFF_I(11), Ity_I32), bias + 3));
      IRRegArray* arr8 = mkIRRegArray(OFF_I(40), Ity_I8, 16);
      ST(IRStmt_PutI(mkIRPutI(arr8, C32((UInt)trial), -1, C8(0xAB))));
      PUT(OFF_I(12), U(Iop_8Uto64, IRExpr_GetI(arr8, C32(5), trial)));
      sanity(bb, False);
      UT_CHECK(check_block());
   }
}

/* ================================================================== */
/* Helper calls, CAS, guarded memory                                  */
/* ================================================================== */

UNIT_TEST(isel_clean_helper_calls)
{
   for (Int trial = 0; trial < 100; trial++) {
      begin();
      init_state();
      new_bb();
      IRExpr* g[8];
      for (Int k = 0; k < 8; k++)
         g[k] = GET(OFF_I(k), Ity_I64);
      IRTemp a = LET(Ity_I64, mkIRExprCCall(Ity_I64, 0, "th_clean2",
                                            (void*)th_clean2,
                                            mkIRExprVec_2(g[0], g[1])));
      /* Values live across the calls, and a call inside an argument. */
      IRTemp keep = LET(Ity_I64, B(Iop_Add64, g[2], g[3]));
      IRTemp b = LET(Ity_I64, mkIRExprCCall(Ity_I64, 0, "th_clean6",
                        (void*)th_clean6,
                        mkIRExprVec_6(RD(a), g[4],
                                      mkIRExprCCall(Ity_I64, 0, "th_clean1",
                                                    (void*)th_clean1,
                                                    mkIRExprVec_1(g[5])),
                                      g[6], C64(7), RD(keep))));
      PUT(OFF_I(20), RD(b));
      PUT(OFF_I(21), RD(keep));
      PUT(OFF_I(22), mkIRExprCCall(Ity_I64, 0, "th_clean3", (void*)th_clean3,
                                   mkIRExprVec_3(g[7], C64(1), RD(b))));
      PUT(OFF_I(23), mkIRExprCCall(Ity_I64, 0, "th_narrow", (void*)th_narrow,
                                   mkIRExprVec_2(GET(OFF_I(8), Ity_I8),
                                                 GET(OFF_I(9), Ity_I16))));
      PUT(OFF_I(24), mkIRExprCCall(Ity_I32, 0, "th_clean2", (void*)th_clean2,
                                   mkIRExprVec_2(GET(OFF_I(10), Ity_I32),
                                                 C64(3))));
      sanity(bb, False);
      UT_CHECK(check_block());
   }
}

UNIT_TEST(isel_dirty_calls)
{
   for (Int trial = 0; trial < 60; trial++) {
      begin();
      init_state();
      new_bb();
      IRExpr* guard = trial % 3 == 0 ? C1(True)
                    : B(Iop_CmpLT64U, GET(OFF_I(0), Ity_I64),
                        GET(OFF_I(1), Ity_I64));
      /* void helper */
      IRDirty* d0 = unsafeIRDirty_0_N(0, "th_dirty_void", (void*)th_dirty_void,
                                      mkIRExprVec_1(GET(OFF_I(2), Ity_I64)));
      d0->guard = guard;
      ST(IRStmt_Dirty(d0));
      /* GSPTR and a result */
      IRTemp r = T(Ity_I64);
      IRDirty* d1 = unsafeIRDirty_1_N(r, 0, "th_dirty_gs", (void*)th_dirty_gs,
                                      mkIRExprVec_2(IRExpr_GSPTR(),
                                                    GET(OFF_I(3), Ity_I64)));
      d1->guard = deepCopyIRExpr(guard);
      d1->nFxState = 1;
      d1->fxState[0].fx        = Ifx_Modify;
      d1->fxState[0].offset    = OFF_I(5);
      d1->fxState[0].size      = 16;
      d1->fxState[0].nRepeats  = 0;
      d1->fxState[0].repeatLen = 0;
      ST(IRStmt_Dirty(d1));
      PUT(OFF_I(7), RD(r));
      th_dirty_count = 0;
      sanity(bb, False);
      UT_CHECK(check_block());
      ULong ref_count = th_dirty_count;   /* both runs added to it */
      Bool  g = trial % 3 == 0 || rd64(gs_init, OFF_I(0)) < rd64(gs_init, OFF_I(1));
      UT_CHECK_EQ(ref_count, g ? 2 * rd64(gs_init, OFF_I(2)) : 0);
   }
}

UNIT_TEST(isel_dirty_vector_results)
{
   for (Int trial = 0; trial < 20; trial++) {
      begin();
      init_state();
      new_bb();
      IRExpr* guard = trial % 2 == 0 ? C1(True)
                    : B(Iop_CmpLT64U, GET(OFF_I(0), Ity_I64),
                        GET(OFF_I(1), Ity_I64));
      IRTemp v = T(Ity_V128);
      IRDirty* d = unsafeIRDirty_1_N(v, 0, "th_dirty_v128", (void*)th_dirty_v128,
                                     mkIRExprVec_3(IRExpr_VECRET(),
                                                   GET(OFF_I(2), Ity_I64),
                                                   GET(OFF_I(3), Ity_I64)));
      d->guard = guard;
      ST(IRStmt_Dirty(d));
      PUT(OFF_V(0), RD(v));
      IRTemp w = T(Ity_V256);
      IRDirty* d2 = unsafeIRDirty_1_N(w, 0, "th_dirty_v256",
                                      (void*)th_dirty_v256,
                                      mkIRExprVec_2(IRExpr_VECRET(),
                                                    GET(OFF_I(4), Ity_I64)));
      ST(IRStmt_Dirty(d2));
      PUT(OFF_V(2), RD(w));
      sanity(bb, False);
      UT_CHECK_EQ(compile_and_run(bb), EX_FAST);
      Bool g = trial % 2 == 0 || rd64(gs_init, OFF_I(0)) < rd64(gs_init, OFF_I(1));
      UT_CHECK_EQ(rd64(gs, OFF_V(0)), g ? 2 * rd64(gs_init, OFF_I(2)) : 0);
      UT_CHECK_EQ(rd64(gs, OFF_V(0) + 8), g ? rd64(gs_init, OFF_I(3)) + 1 : 0);
      for (Int k = 0; k < 4; k++)
         UT_CHECK_EQ(rd64(gs, OFF_V(2) + 8 * k), rd64(gs_init, OFF_I(4)) + k);
   }
}

UNIT_TEST(isel_cas_single_and_double)
{
   static const IRType tys[] = { Ity_I8, Ity_I16, Ity_I32, Ity_I64 };
   for (Int trial = 0; trial < 160; trial++) {
      begin();
      init_state();
      new_bb();
      IRType ty = tys[trial % 4];
      /* (cmpxchg16b needs a 16-aligned address) */
      Int off = 16 * (Int)(rnd() % 8);
      /* Half the time the expected value is what memory holds. */
      IRExpr* expd = (trial / 4) % 2 ? LD(ty, MEMAT(off)) : GET(OFF_I(1), ty);
      IRTemp expdT = LET(ty, expd);
      Bool dbl = (trial / 8) % 2 && (ty == Ity_I32 || ty == Ity_I64);
      IRTemp old = T(ty), oldHi = IRTemp_INVALID;
      if (dbl) {
         oldHi = T(ty);
         IRTemp expdHi = LET(ty, (trial / 16) % 2
                                    ? LD(ty, MEMAT(off + sizeofIRType(ty)))
                                    : GET(OFF_I(4), ty));
         ST(IRStmt_CAS(mkIRCAS(oldHi, old, Iend_LE, MEMAT(off), RD(expdHi),
                               RD(expdT), GET(OFF_I(5), ty),
                               GET(OFF_I(2), ty))));
         PUT(OFF_I(7), RD(oldHi));
      } else {
         ST(IRStmt_CAS(mkIRCAS(IRTemp_INVALID, old, Iend_LE, MEMAT(off), NULL,
                               RD(expdT), NULL, GET(OFF_I(2), ty))));
      }
      PUT(OFF_I(6), RD(old));
      PUT(OFF_I(8), U(Iop_1Uto64, B(ty == Ity_I8 ? Iop_CasCmpEQ8
                                    : ty == Ity_I16 ? Iop_CasCmpEQ16
                                    : ty == Ity_I32 ? Iop_CasCmpEQ32
                                    : Iop_CasCmpEQ64, RD(old), RD(expdT))));
      sanity(bb, False);
      UT_CHECK(check_block());
   }
}

UNIT_TEST(isel_guarded_loads_and_stores)
{
   static const IRLoadGOp cvts[] = {
      ILGop_Ident64, ILGop_Ident32, ILGop_16Uto32, ILGop_16Sto32,
      ILGop_8Uto32, ILGop_8Sto32
   };
   static const IRType stys[] = { Ity_I8, Ity_I16, Ity_I32, Ity_I64 };
   for (Int trial = 0; trial < 240; trial++) {
      begin();
      init_state();
      new_bb();
      IRExpr* guard = B(Iop_CmpLT64U, GET(OFF_I(0), Ity_I64),
                        GET(OFF_I(1), Ity_I64));
      IRLoadGOp cvt = cvts[trial % 6];
      IRType tr, ta;
      typeOfIRLoadGOp(cvt, &tr, &ta);
      IRTemp dst = T(tr);
      /* A false guard must not touch the address: make it bad then. */
      Bool g = rd64(gs_init, OFF_I(0)) < rd64(gs_init, OFF_I(1));
      IRExpr* addr = g ? MEMAT((Int)(rnd() % 200)) : C64(8);
      ST(IRStmt_LoadG(Iend_LE, cvt, dst, addr, GET(OFF_I(2), tr), guard));
      PUT(OFF_I(3), RD(dst));
      IRType sty = stys[trial % 4];
      IRExpr* saddr = g ? MEMAT((Int)(rnd() % 200)) : C64(16);
      ST(IRStmt_StoreG(Iend_LE, saddr, GET(OFF_I(4), sty),
                       deepCopyIRExpr(guard)));
      sanity(bb, False);
      UT_CHECK(check_block());
   }
}

UNIT_TEST(isel_i128_values)
{
   for (Int trial = 0; trial < 50; trial++) {
      begin();
      init_state();
      new_bb();
      IRTemp p = LET(Ity_I128, B(Iop_MullU64, GET(OFF_I(0), Ity_I64),
                                 GET(OFF_I(1), Ity_I64)));
      IRTemp q = LET(Ity_I128, B(Iop_64HLto128, GET(OFF_I(2), Ity_I64),
                                 GET(OFF_I(3), Ity_I64)));
      IRTemp s = LET(Ity_I128, IRExpr_ITE(B(Iop_CmpLT64S, GET(OFF_I(4), Ity_I64),
                                            C64(0)), RD(p), RD(q)));
      PUT(OFF_I(10), U(Iop_128to64, RD(s)));
      PUT(OFF_I(11), U(Iop_128HIto64, RD(s)));
      PUT(OFF_I(12), U(Iop_128HIto64, B(Iop_MullS64, GET(OFF_I(5), Ity_I64),
                                        C64(0xFFFFFFFFFFFFFF00ULL))));
      /* I128 in memory and the guest state, whole and as an array */
      PUT(OFF_I(14), RD(s));
      ST(IRStmt_Store(Iend_LE, MEMAT(48), GET(OFF_I(16), Ity_I128)));
      IRTemp m = LET(Ity_I128, LD(Ity_I128, MEMAT(8 * (trial % 8))));
      PUT(OFF_I(18), U(Iop_128HIto64, RD(m)));
      IRRegArray* arr = mkIRRegArray(OFF_ARR, Ity_I128, 4);
      ST(IRStmt_PutI(mkIRPutI(arr, GET(OFF_I(6), Ity_I32), trial, RD(p))));
      PUT(OFF_I(19), U(Iop_128to64, IRExpr_GetI(arr, GET(OFF_I(7), Ity_I32),
                                                 1)));
      sanity(bb, False);
      UT_CHECK(check_block());
   }
}

/* Many values live at once, across calls: spills and reloads. */
UNIT_TEST(isel_register_pressure)
{
   for (Int trial = 0; trial < 20; trial++) {
      begin();
      init_state();
      new_bb();
      IRTemp t[40];
      for (Int k = 0; k < 40; k++)
         t[k] = LET(Ity_I64, B(Iop_Add64, GET(OFF_I(k % 32), Ity_I64),
                               C64((ULong)k * 0x1111)));
      IRTemp c = LET(Ity_I64, mkIRExprCCall(Ity_I64, 0, "th_clean2",
                                            (void*)th_clean2,
                                            mkIRExprVec_2(RD(t[3]), RD(t[7]))));
      IRExpr* sum = RD(c);
      for (Int k = 0; k < 40; k++)
         sum = B(k % 3 ? Iop_Add64 : Iop_Xor64, sum, RD(t[k]));
      PUT(OFF_I(40), sum);
      for (Int k = 0; k < 40; k += 5)
         PUT(OFF_I(41 + k / 5), RD(t[k]));
      UT_CHECK(check_block());
   }
}

/* ================================================================== */
/* Random integer blocks                                              */
/* ================================================================== */

/* The generator builds well-typed blocks over the integer slots, the
   scratch memory (addresses always in bounds), helper calls and exits,
   avoiding undefined behaviour (shift amounts in range, divisors never 0
   nor -1, quotients that fit, Clz/Ctz of non-zero values).  In flat mode
   every operand is an atom, as the front end and the optimiser produce
   it; otherwise expressions nest, as after the tree builder. */
static Bool gen_flat;
static IRTemp pool[4096];
static Int    n_pool;

static IRType rnd_ity(void)
{
   static const IRType tys[] = { Ity_I8, Ity_I16, Ity_I32, Ity_I64 };
   return tys[rnd() % 4];
}

/* E as an operand: itself in tree mode, an atom in flat mode. */
static IRExpr* atom(IRType ty, IRExpr* e)
{
   if (!gen_flat || e->tag == Iex_RdTmp || e->tag == Iex_Const)
      return e;
   IRTemp t = LET(ty, e);
   pool[n_pool++] = t;
   return RD(t);
}

static IRExpr* gen_expr(IRType ty, Int depth);

static IRExpr* gen_addr(Int room)
{
   IRExpr* base = atom(Ity_I64, GET(OFF_MEMPTR, Ity_I64));
   Int kind = (Int)(rnd() % 3);
   if (kind == 0)
      return atom(Ity_I64, B(Iop_Add64, base,
                             C64(rnd() % (ULong)(MEM_SIZE - room))));
   IRExpr* ix = atom(Ity_I64, B(Iop_And64, gen_expr(Ity_I64, 1), C64(15)));
   IRExpr* sc = atom(Ity_I64, B(Iop_Shl64, ix, C8((UChar)(rnd() % 4))));
   IRExpr* a  = atom(Ity_I64, B(Iop_Add64, base, sc));
   if (kind == 1)
      return a;
   return atom(Ity_I64, B(Iop_Add64, a,
                          C64(rnd() % (ULong)(MEM_SIZE - 120 - room))));
}

static IRExpr* gen_leaf(IRType ty)
{
   if (ty == Ity_I1) {
      if (rnd() % 8 == 0)
         return C1(rnd() & 1);
      IRType t = rnd_ity();
      static const IROp eqs[4][2] = {
         { Iop_CmpEQ8, Iop_CmpNE8 }, { Iop_CmpEQ16, Iop_CmpNE16 },
         { Iop_CmpEQ32, Iop_CmpNE32 }, { Iop_CmpEQ64, Iop_CmpNE64 }
      };
      Int w = t == Ity_I8 ? 0 : t == Ity_I16 ? 1 : t == Ity_I32 ? 2 : 3;
      return atom(Ity_I1, B(eqs[w][rnd() & 1], gen_leaf(t), gen_leaf(t)));
   }
   for (Int tries = 0; tries < 4 && n_pool > 0; tries++) {
      IRTemp t = pool[rnd() % n_pool];
      if (typeOfIRTemp(bb->tyenv, t) == ty && rnd() % 2)
         return RD(t);
   }
   switch (rnd() % 5) {
      case 0:  return CONST_OF(ty, rnd_val());
      case 1:  return atom(ty, LD(ty, gen_addr(8)));
      default: return atom(ty, GET(OFF_I(rnd() % 32), ty));
   }
}

static IROp op_of_width(IRType ty, IROp op8)
{
   /* The 8/16/32/64 variants are consecutive in the op table. */
   Int w = ty == Ity_I8 ? 0 : ty == Ity_I16 ? 1 : ty == Ity_I32 ? 2 : 3;
   return (IROp)(op8 + w);
}

/* A divisor of type TY that is never 0 nor -1. */
static IRExpr* safe_divisor(IRType ty, Bool syned, Int depth)
{
   IRExpr* b = gen_expr(ty, depth);
   if (ty == Ity_I64)
      return atom(ty, syned ? B(Iop_Or64, atom(ty, B(Iop_Shl64, b, C8(1))),
                                C64(2))
                            : B(Iop_Or64, b, C64(1)));
   return atom(ty, syned ? B(Iop_Or32, atom(ty, B(Iop_Shl32, b, C8(1))),
                             C32(2))
                         : B(Iop_Or32, b, C32(1)));
}

static IRExpr* gen_i1(Int depth)
{
   Int d = depth - 1;
   IRType t = rnd_ity();
   switch (rnd() % 8) {
      case 0: case 1: {
         static const IROp ops[] = {
            Iop_CmpEQ8, Iop_CmpNE8, Iop_CasCmpEQ8, Iop_CasCmpNE8,
            Iop_ExpCmpNE8
         };
         IROp base = ops[rnd() % 5];
         return atom(Ity_I1, B(op_of_width(t, base), gen_expr(t, d),
                               gen_expr(t, d)));
      }
      case 2: case 3: {
         static const IROp ops[] = {
            Iop_CmpLT32S, Iop_CmpLE32S, Iop_CmpLT32U, Iop_CmpLE32U,
            Iop_CmpLT64S, Iop_CmpLE64S, Iop_CmpLT64U, Iop_CmpLE64U
         };
         Int k = (Int)(rnd() % 8);
         IRType ct = k < 4 ? Ity_I32 : Ity_I64;
         return atom(Ity_I1, B(ops[k], gen_expr(ct, d), gen_expr(ct, d)));
      }
      case 4:
         return atom(Ity_I1, U(op_of_width(t, Iop_CmpNEZ8), gen_expr(t, d)));
      case 5:
         return atom(Ity_I1, U(Iop_Not1, gen_expr(Ity_I1, d)));
      case 6: {
         Bool is64 = rnd() & 1;
         return atom(Ity_I1, U(is64 ? Iop_64to1 : Iop_32to1,
                               gen_expr(is64 ? Ity_I64 : Ity_I32, d)));
      }
      default:
         return atom(Ity_I1, IRExpr_ITE(gen_expr(Ity_I1, d),
                                        gen_expr(Ity_I1, d),
                                        gen_expr(Ity_I1, d)));
   }
}

static IRExpr* gen_expr(IRType ty, Int depth)
{
   if (depth <= 0 || rnd() % 5 == 0)
      return gen_leaf(ty);
   if (ty == Ity_I1)
      return gen_i1(depth);
   Int d = depth - 1;
   Int w = width_of(ty);
   switch (rnd() % 16) {
      case 0: case 1: case 2: {
         static const IROp ops[] = {
            Iop_Add8, Iop_Sub8, Iop_Mul8, Iop_And8, Iop_Or8, Iop_Xor8
         };
         IROp op = op_of_width(ty, ops[rnd() % 6]);
         return atom(ty, B(op, gen_expr(ty, d), gen_expr(ty, d)));
      }
      case 3: case 4: {
         static const IROp ops[] = { Iop_Shl8, Iop_Shr8, Iop_Sar8 };
         IROp op = op_of_width(ty, ops[rnd() % 3]);
         IRExpr* amt = rnd() % 2
                          ? C8((UChar)(rnd() % (ULong)w))
                          : atom(Ity_I8, B(Iop_And8, gen_expr(Ity_I8, d),
                                           C8((UChar)(w - 1))));
         return atom(ty, B(op, gen_expr(ty, d), amt));
      }
      case 5:
         return atom(ty, IRExpr_ITE(gen_expr(Ity_I1, d), gen_expr(ty, d),
                                    gen_expr(ty, d)));
      case 6: {
         /* widen from narrower, or narrow from wider */
         switch (ty) {
            case Ity_I64: {
               static const IROp ops[] = {
                  Iop_8Uto64, Iop_16Uto64, Iop_32Uto64, Iop_8Sto64,
                  Iop_16Sto64, Iop_32Sto64, Iop_1Uto64, Iop_1Sto64
               };
               static const IRType from[] = {
                  Ity_I8, Ity_I16, Ity_I32, Ity_I8, Ity_I16, Ity_I32,
                  Ity_I1, Ity_I1
               };
               Int k = (Int)(rnd() % 8);
               return atom(ty, U(ops[k], gen_expr(from[k], d)));
            }
            case Ity_I32: {
               static const IROp ops[] = {
                  Iop_8Uto32, Iop_16Uto32, Iop_8Sto32, Iop_16Sto32,
                  Iop_1Uto32, Iop_1Sto32, Iop_64to32, Iop_64HIto32
               };
               static const IRType from[] = {
                  Ity_I8, Ity_I16, Ity_I8, Ity_I16, Ity_I1, Ity_I1,
                  Ity_I64, Ity_I64
               };
               Int k = (Int)(rnd() % 8);
               return atom(ty, U(ops[k], gen_expr(from[k], d)));
            }
            case Ity_I16: {
               static const IROp ops[] = {
                  Iop_8Uto16, Iop_8Sto16, Iop_1Sto16, Iop_64to16,
                  Iop_32to16, Iop_32HIto16
               };
               static const IRType from[] = {
                  Ity_I8, Ity_I8, Ity_I1, Ity_I64, Ity_I32, Ity_I32
               };
               Int k = (Int)(rnd() % 6);
               return atom(ty, U(ops[k], gen_expr(from[k], d)));
            }
            default: {
               static const IROp ops[] = {
                  Iop_64to8, Iop_32to8, Iop_16to8, Iop_16HIto8, Iop_1Uto8,
                  Iop_1Sto8
               };
               static const IRType from[] = {
                  Ity_I64, Ity_I32, Ity_I16, Ity_I16, Ity_I1, Ity_I1
               };
               Int k = (Int)(rnd() % 6);
               return atom(ty, U(ops[k], gen_expr(from[k], d)));
            }
         }
      }
      case 7: {
         /* unary families */
         switch (rnd() % 4) {
            case 0:  return atom(ty, U(op_of_width(ty, Iop_Not8),
                                       gen_expr(ty, d)));
            case 1:  return atom(ty, U(op_of_width(ty, Iop_Left8),
                                       gen_expr(ty, d)));
            case 2:
               if (ty == Ity_I32 || ty == Ity_I64)
                  return atom(ty, U(ty == Ity_I32 ? Iop_CmpwNEZ32
                                                  : Iop_CmpwNEZ64,
                                    gen_expr(ty, d)));
               return atom(ty, U(op_of_width(ty, Iop_Not8), gen_expr(ty, d)));
            default:
               if (ty == Ity_I32 || ty == Ity_I64) {
                  Bool is64 = ty == Ity_I64;
                  Int  k = (Int)(rnd() % 3);
                  IROp op = k == 0 ? (is64 ? Iop_Clz64 : Iop_Clz32)
                          : k == 1 ? (is64 ? Iop_Ctz64 : Iop_Ctz32)
                          : (is64 ? Iop_PopCount64 : Iop_PopCount32);
                  IRExpr* x = gen_expr(ty, d);
                  if (k < 2)
                     x = atom(ty, B(is64 ? Iop_Or64 : Iop_Or32, x,
                                    is64 ? C64(1ULL << (rnd() % 64))
                                         : C32(1U << (rnd() % 32))));
                  return atom(ty, U(op, x));
               }
               return atom(ty, U(op_of_width(ty, Iop_Left8), gen_expr(ty, d)));
         }
      }
      case 8: {
         /* pairs and widening multiplies */
         switch (ty) {
            case Ity_I64:
               if (rnd() & 1)
                  return atom(ty, B(Iop_32HLto64, gen_expr(Ity_I32, d),
                                    gen_expr(Ity_I32, d)));
               return atom(ty, B(rnd() & 1 ? Iop_MullU32 : Iop_MullS32,
                                 gen_expr(Ity_I32, d), gen_expr(Ity_I32, d)));
            case Ity_I32:
               if (rnd() & 1)
                  return atom(ty, B(Iop_16HLto32, gen_expr(Ity_I16, d),
                                    gen_expr(Ity_I16, d)));
               return atom(ty, B(rnd() & 1 ? Iop_MullU16 : Iop_MullS16,
                                 gen_expr(Ity_I16, d), gen_expr(Ity_I16, d)));
            case Ity_I16:
               if (rnd() & 1)
                  return atom(ty, B(Iop_8HLto16, gen_expr(Ity_I8, d),
                                    gen_expr(Ity_I8, d)));
               return atom(ty, B(rnd() & 1 ? Iop_MullU8 : Iop_MullS8,
                                 gen_expr(Ity_I8, d), gen_expr(Ity_I8, d)));
            default:
               return atom(ty, B(Iop_Xor8, gen_expr(ty, d), gen_expr(ty, d)));
         }
      }
      case 9: {
         /* 128-bit results */
         if (ty != Ity_I64)
            return atom(ty, B(op_of_width(ty, Iop_Sub8), gen_expr(ty, d),
                              gen_expr(ty, d)));
         IRExpr* w128;
         switch (rnd() % 4) {
            case 0:
               w128 = B(rnd() & 1 ? Iop_MullU64 : Iop_MullS64,
                        gen_expr(Ity_I64, d), gen_expr(Ity_I64, d));
               break;
            case 1: {
               IRExpr* dv = safe_divisor(Ity_I64, False, d);
               w128 = B(Iop_DivModU64to64, gen_expr(Ity_I64, d), dv);
               break;
            }
            case 2: {
               IRExpr* dv = safe_divisor(Ity_I64, True, d);
               w128 = B(Iop_DivModS64to64, gen_expr(Ity_I64, d), dv);
               break;
            }
            default: {
               IRExpr* dv = safe_divisor(Ity_I64, False, d);
               IRExpr* hi = atom(Ity_I64, B(Iop_And64, gen_expr(Ity_I64, d),
                                            atom(Ity_I64, B(Iop_Shr64, dv,
                                                            C8(1)))));
               w128 = B(Iop_DivModU128to64,
                        atom(Ity_I128, B(Iop_64HLto128, hi,
                                         gen_expr(Ity_I64, d))), dv);
               break;
            }
         }
         IRExpr* t = atom(Ity_I128, w128);
         return atom(ty, U(rnd() & 1 ? Iop_128to64 : Iop_128HIto64, t));
      }
      case 10: {
         /* division */
         if (ty == Ity_I64 || ty == Ity_I32) {
            Bool syned = rnd() & 1;
            IRExpr* dv = safe_divisor(ty, syned, d);
            IROp op = ty == Ity_I64 ? (syned ? Iop_DivS64 : Iop_DivU64)
                                    : (syned ? Iop_DivS32 : Iop_DivU32);
            if (ty == Ity_I64 && rnd() % 3 == 0) {
               /* DivMod 64 by 32, the quotient fitting */
               IRExpr* d32 = safe_divisor(Ity_I32, syned, d);
               IRExpr* n = syned ? U(Iop_32Sto64, gen_expr(Ity_I32, d))
                                 : U(Iop_32Uto64, gen_expr(Ity_I32, d));
               return atom(ty, B(syned ? Iop_DivModS64to32 : Iop_DivModU64to32,
                                 atom(Ity_I64, n), d32));
            }
            return atom(ty, B(op, gen_expr(ty, d), dv));
         }
         return atom(ty, B(op_of_width(ty, Iop_And8), gen_expr(ty, d),
                           gen_expr(ty, d)));
      }
      case 11: {
         /* a clean helper */
         IRExpr* args[3];
         for (Int k = 0; k < 3; k++)
            args[k] = gen_expr(rnd() % 4 ? Ity_I64 : Ity_I32, d);
         IRExpr* call = rnd() & 1
            ? mkIRExprCCall(ty, 0, "th_clean2", (void*)th_clean2,
                            mkIRExprVec_2(args[0], args[1]))
            : mkIRExprCCall(ty, 0, "th_clean3", (void*)th_clean3,
                            mkIRExprVec_3(args[0], args[1], args[2]));
         return atom(ty, call);
      }
      case 12:
         if (ty == Ity_I32)
            return atom(ty, B(Iop_Max32U, gen_expr(ty, d), gen_expr(ty, d)));
         if (ty == Ity_I64 && rnd() % 2) {
            IRRegArray* arr = mkIRRegArray(OFF_ARR, Ity_I64, 8);
            return atom(ty, IRExpr_GetI(arr, gen_expr(Ity_I32, d),
                                        (Int)(rnd() % 16) - 8));
         }
         return atom(ty, B(op_of_width(ty, Iop_Or8), gen_expr(ty, d),
                           gen_expr(ty, d)));
      default:
         return gen_leaf(ty);
   }
}

static void gen_stmt(void)
{
   Int depth = gen_flat ? 3 : 4;
   switch (rnd() % 24) {
      case 0: case 1: case 2: case 3: case 4: case 5: {
         IRType ty = rnd() % 6 == 0 ? Ity_I1 : rnd_ity();
         IRExpr* e = gen_expr(ty, depth);
         IRTemp t = T(ty);
         WR(t, e);
         pool[n_pool++] = t;
         break;
      }
      case 6: case 7: case 8: case 9: {
         IRType ty = rnd_ity();
         PUT(OFF_I(rnd() % 32) + (Int)(rnd() % 8 == 0 ? rnd() % 4 : 0),
             atom(ty, gen_expr(ty, depth)));
         break;
      }
      case 10: case 11: case 12: {
         IRType ty = rnd_ity();
         IRExpr* a = gen_addr(8);
         ST(IRStmt_Store(Iend_LE, a, atom(ty, gen_expr(ty, depth))));
         break;
      }
      case 13: {
         static const IRJumpKind jks[] = {
            Ijk_Boring, Ijk_Boring, Ijk_Boring, Ijk_Call, Ijk_Ret,
            Ijk_Yield, Ijk_ClientReq, Ijk_SigSEGV, Ijk_NoDecode
         };
         IRExpr* g = atom(Ity_I1, gen_expr(Ity_I1, depth));
         ST(IRStmt_Exit(g, jks[rnd() % 9],
                        IRConst_U64(rnd() % 2 ? 0x800 : 0x400000 + rnd() % 999),
                        OFF_PC));
         break;
      }
      case 14: {
         static const IRLoadGOp cvts[] = {
            ILGop_Ident64, ILGop_Ident32, ILGop_16Uto32, ILGop_16Sto32,
            ILGop_8Uto32, ILGop_8Sto32
         };
         IRLoadGOp cvt = cvts[rnd() % 6];
         IRType tr, ta;
         typeOfIRLoadGOp(cvt, &tr, &ta);
         IRExpr* a   = gen_addr(8);
         IRExpr* alt = atom(tr, gen_expr(tr, 1));
         IRExpr* g   = atom(Ity_I1, gen_expr(Ity_I1, 2));
         IRTemp  t   = T(tr);
         ST(IRStmt_LoadG(Iend_LE, cvt, t, a, alt, g));
         pool[n_pool++] = t;
         break;
      }
      case 15: {
         IRType  ty = rnd_ity();
         IRExpr* a  = gen_addr(8);
         IRExpr* v  = atom(ty, gen_expr(ty, 1));
         IRExpr* g  = atom(Ity_I1, gen_expr(Ity_I1, 2));
         ST(IRStmt_StoreG(Iend_LE, a, v, g));
         break;
      }
      case 16: {
         IRType  ty   = rnd_ity();
         IRExpr* a    = atom(Ity_I64, B(Iop_Add64,
                                        atom(Ity_I64, GET(OFF_MEMPTR, Ity_I64)),
                                        C64(8 * (rnd() % 32))));
         IRExpr* expd = rnd() % 2 ? atom(ty, gen_expr(ty, 1))
                                  : atom(ty, LD(ty, a));
         IRExpr* data = atom(ty, gen_expr(ty, 1));
         IRTemp  old  = T(ty);
         ST(IRStmt_CAS(mkIRCAS(IRTemp_INVALID, old, Iend_LE, a, NULL, expd,
                               NULL, data)));
         pool[n_pool++] = old;
         break;
      }
      case 17: {
         IRTemp r = T(Ity_I64);
         IRExpr* x = atom(Ity_I64, gen_expr(Ity_I64, 1));
         IRDirty* dd = unsafeIRDirty_1_N(r, 0, "th_dirty_gs",
                                         (void*)th_dirty_gs,
                                         mkIRExprVec_2(IRExpr_GSPTR(), x));
         dd->guard = atom(Ity_I1, gen_expr(Ity_I1, 1));
         dd->nFxState = 1;
         dd->fxState[0].fx        = Ifx_Modify;
         dd->fxState[0].offset    = OFF_I(5);
         dd->fxState[0].size      = 16;
         dd->fxState[0].nRepeats  = 0;
         dd->fxState[0].repeatLen = 0;
         ST(IRStmt_Dirty(dd));
         pool[n_pool++] = r;
         break;
      }
      case 18: {
         IRRegArray* arr = mkIRRegArray(OFF_ARR, Ity_I64, 8);
         IRExpr* ix = atom(Ity_I32, gen_expr(Ity_I32, 1));
         ST(IRStmt_PutI(mkIRPutI(arr, ix, (Int)(rnd() % 16) - 8,
                                 atom(Ity_I64, gen_expr(Ity_I64, 2)))));
         break;
      }
      case 19:
         ST(IRStmt_IMark(0x400000 + rnd() % 100, 1 + (UInt)(rnd() % 10), 0));
         break;
      default: {
         IRType ty = rnd_ity();
         PUT(OFF_I(32 + rnd() % 32), atom(ty, gen_expr(ty, 2)));
         break;
      }
   }
}

static void gen_block(Bool flat)
{
   gen_flat = flat;
   n_pool   = 0;
   new_bb();
   Int n = 1 + (Int)(rnd() % 14);
   for (Int k = 0; k < n && n_pool < 4000; k++)
      gen_stmt();
   static const IRJumpKind jks[] = {
      Ijk_Boring, Ijk_Boring, Ijk_Boring, Ijk_Call, Ijk_Ret, Ijk_Yield,
      Ijk_Sys_syscall, Ijk_NoDecode
   };
   bb->jumpkind = jks[rnd() % 8];
   switch (rnd() % 3) {
      case 0:  bb->next = C64(0x400000 + rnd() % 0x1000); break;
      case 1:  bb->next = C64(0x100 + rnd() % 0x100); break;
      default: bb->next = atom(Ity_I64, gen_expr(Ity_I64, 2)); break;
   }
   sanity(bb, flat);
}

static Int run_random_blocks(Int n, Bool flat, Bool treebuild, ULong seed)
{
   Int bad = 0;
   rng_state = seed;
   for (Int k = 0; k < n; k++) {
      begin();
      init_state();
      gen_block(flat);
      CompileOpts o = default_opts();
      o.chaining = rnd() % 4 != 0;
      o.max_ga   = rnd() % 2 ? 0x1000 : 0x400800;
      if (!check_block_opts(&o)) {
         fprintf(stderr, "  random block %d (flat %d, treebuild %d) failed\n",
                 (int)k, (int)flat, (int)treebuild);
         if (++bad >= 3)
            break;
      }
   }
   return bad;
}

static Bool pme_none(Int minoff, Int maxoff, VexRegisterUpdates px)
{
   (void)minoff; (void)maxoff; (void)px;
   return False;
}

static void treebuild_hook(void)
{
   (void)ado_treebuild_BB(bb, pme_none, VexRegUpdUnwindregsAtMemAccess);
   sanity(bb, False);
}

UNIT_TEST(isel_random_flat_blocks)
{
   Int bad = run_random_blocks(3000, True, False, 0x1234567ULL);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(mxcsr_ok);
   printf("  3000 random flat blocks\n");
}

UNIT_TEST(isel_random_tree_blocks)
{
   Int bad = run_random_blocks(3000, False, False, 0x7654321ULL);
   UT_CHECK_EQ(bad, 0);
   printf("  3000 random tree blocks\n");
}

UNIT_TEST(isel_random_blocks_after_treebuild)
{
   if (ado_treebuild_BB == NULL) {
      printf("  ado_treebuild_BB not linked in: skipped\n");
      return;
   }
   pre_compile_hook = treebuild_hook;
   Int bad = run_random_blocks(2000, True, True, 0xABCDEF1ULL);
   pre_compile_hook = NULL;
   UT_CHECK_EQ(bad, 0);
   printf("  2000 random flat blocks through ado_treebuild_BB\n");
}

/* ================================================================== */
/* Blocks from the real front end                                     */
/* ================================================================== */

/* The front end and the optimiser, when linked in (weak: the test is
   skipped otherwise). */
#include "../../VEX/priv/guest_generic_bb_to_IR.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "libvex_guest_amd64.h"
#pragma weak bb_to_IR
#pragma weak disInstr_AMD64
#pragma weak do_iropt_BB
#pragma weak guest_amd64_spechelper
#pragma weak guest_amd64_state_requires_precise_mem_exns

static Bool fe_in_isel;
static char fe_isel_failure[600];
static Int  fe_n_blocks, fe_n_fe_fail, fe_n_isel_fail, fe_n_insns_out;

static void fe_fail_cb(void)
{
   if (fe_in_isel && fe_isel_failure[0] == 0)
      snprintf(fe_isel_failure, sizeof fe_isel_failure, "%.590s",
               out_len > 590 ? out + out_len - 590 : out);
   longjmp(fail_jmp, 1);
}

/* Translates up to N_BLOCKS consecutive blocks of host code at CODE all
   the way to machine code (not run). */
static void fe_translate_from(const UChar* code, Int n_blocks, Int level)
{
   volatile Addr64 pc = (Addr64)(uintptr_t)code;
   for (Int k = 0; k < n_blocks; k++) {
      vex_init_callbacks(fe_fail_cb, log_cb);
      vexSetAllocModeTEMP_and_clear();
      out_len = 0;
      out[0]  = 0;
      fe_in_isel = False;
      if (setjmp(fail_jmp) != 0) {
         if (fe_in_isel)
            fe_n_isel_fail++;
         else
            fe_n_fe_fail++;
         return;
      }
      BbToIRParams p;
      memset(&p, 0, sizeof p);
      p.dis_instr_fn     = disInstr_AMD64;
      p.guest_code       = (const UChar*)(uintptr_t)pc;
      p.guest_IP_bbstart = pc;
      p.guest_max_insns  = 50;
      p.guest_chase      = False;
      p.guest_word_type  = Ity_I64;
      p.offB_GUEST_IP    = VEX_AMD64_OFFB_RIP;
      VexGuestExtents vge;
      UInt n_insns = 0;
      IRSB* b = bb_to_IR(&p, &vge, &n_insns);
      Addr64 max_ga = ~0ULL;
      if (do_iropt_BB != NULL) {
         vex_control.iropt_level = level;
         b = do_iropt_BB(b, guest_amd64_spechelper,
                         guest_amd64_state_requires_precise_mem_exns,
                         VexRegUpdUnwindregsAtMemAccess, pc);
         max_ga = ado_treebuild_BB(b, guest_amd64_state_requires_precise_mem_exns,
                                   VexRegUpdUnwindregsAtMemAccess);
      }
      fe_in_isel = True;
      CompileOpts o = default_opts();
      o.max_ga = max_ga;
      bb = b;
      (void)compile(b, &o);
      fe_n_insns_out += last_vcode->arr_used;
      fe_in_isel = False;
      fe_n_blocks++;
      /* Go on after the block's guest code. */
      Addr64 end = pc;
      for (UInt r = 0; r < vge.n_used; r++)
         if (vge.base[r] + vge.len[r] > end)
            end = vge.base[r] + vge.len[r];
      if (end == pc || b->jumpkind == Ijk_NoDecode)
         return;
      pc = end;
   }
}

static Int fe_local_loop(Int n)
{
   volatile Int s = 0;
   for (Int i = 0; i < n; i++)
      s += i * i;
   return s;
}

static double fe_local_fp(double a, double b)
{
   return a * b + sqrt(a) / (b + 1.0);
}

UNIT_TEST(isel_front_end_blocks)
{
   if (bb_to_IR == NULL || disInstr_AMD64 == NULL) {
      printf("  the amd64 front end is not linked in: skipped\n");
      return;
   }
   begin();
   const void* fns[] = {
      (const void*)memcpy, (const void*)memset, (const void*)strlen,
      (const void*)strcmp, (const void*)strchr, (const void*)memcmp,
      (const void*)qsort, (const void*)snprintf, (const void*)strtol,
      (const void*)strtod, (const void*)malloc, (const void*)free,
      (const void*)sqrt, (const void*)exp, (const void*)fe_local_loop,
      (const void*)fe_local_fp, (const void*)th_clean6,
      (const void*)iselSB_AMD64, (const void*)doRegisterAllocation,
      (const void*)emit_AMD64Instr, (const void*)ppIRSB,
   };
   for (Int level = 0; level <= 2; level += 2)
      for (UInt k = 0; k < sizeof fns / sizeof fns[0]; k++) {
         fe_translate_from(fns[k], 30, level);
         if (fe_isel_failure[0]) {
            fprintf(stderr, "  selecting a block from function %u failed:\n%s\n",
                    k, fe_isel_failure);
            fe_isel_failure[0] = 0;
         }
      }
   vex_init_callbacks(fail_cb, log_cb);
   printf("  %d front-end blocks selected (%d host instructions); %d stopped "
          "in the front end or optimiser, %d failed in selection\n",
          (int)fe_n_blocks, (int)fe_n_insns_out, (int)fe_n_fe_fail,
          (int)fe_n_isel_fail);
   UT_CHECK(fe_n_blocks > 0);
   UT_CHECK_EQ(fe_n_isel_fail, 0);
}

/* A run of FP ops under one rounding-mode temporary loads MXCSR once and
   restores the default once (lazily, before the block's exit), and the
   result is the one computed under that mode. */
UNIT_TEST(isel_rounding_mode_loaded_once_per_run)
{
   begin();
   init_state();
   new_bb();
   wr64(gs, OFF_I(0), Irrm_ZERO);
   double one = 1.0, third = 1.0 / 3.0;
   memcpy(gs + OFF_I(1), &one, 8);
   memcpy(gs + OFF_I(2), &third, 8);
   IRTemp rm = LET(Ity_I32, U(Iop_64to32, GET(OFF_I(0), Ity_I64)));
   IRTemp a  = LET(Ity_F64, IRExpr_Triop(Iop_AddF64, RD(rm),
                                         GET(OFF_I(1), Ity_F64),
                                         GET(OFF_I(2), Ity_F64)));
   IRTemp m  = LET(Ity_F64, IRExpr_Triop(Iop_MulF64, RD(rm), RD(a),
                                         GET(OFF_I(2), Ity_F64)));
   PUT(OFF_I(3), RD(m));
   CompileOpts o = default_opts();
   UChar* code = compile(bb, &o);
   UT_CHECK(code != NULL);
   UT_CHECK_EQ(count_tag(Ain_LdMXCSR), 2);
}
