/* The IR optimiser and the tree builder.  See ir_opt.h for what each
   entry point promises and where it sits in a translation.

   Layout of this file:
     - the options (vex_control) and their defaults;
     - small helpers: constants, guest-state ranges, walking temporaries;
     - flattening;
     - redundant GET removal (forwards) and redundant PUT removal
       (backwards, honouring the precise-exceptions setting);
     - constant folding and constant/copy propagation;
     - dead code removal;
     - common subexpression elimination;
     - specialisation of clean helper calls;
     - unrolling of self-loops;
     - the driver (do_iropt_BB and the post-instrumentation clean-up);
     - the tree builder.

   Everything works on flat IR except the tree builder's output.  IR
   nodes are never changed after construction: a pass that wants a
   different expression or statement builds a new one. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "main_util.h"
#include "ir_opt.h"

/* ================================================================== */
/* Options                                                            */
/* ================================================================== */

VexControl vex_control = {
   .iropt_level                    = 2,
   .iropt_verbosity                = 0,
   .iropt_register_updates_default = VexRegUpdUnwindregsAtMemAccess,
   .iropt_unroll_thresh            = 120,
   .guest_max_insns                = 60,
   .guest_chase                    = True
};

void LibVEX_default_VexControl(VexControl* vcon)
{
   vex_bzero(vcon, sizeof *vcon);
   vcon->iropt_level                    = 2;
   vcon->iropt_verbosity                = 0;
   vcon->iropt_register_updates_default = VexRegUpdUnwindregsAtMemAccess;
   vcon->iropt_unroll_thresh            = 120;
   vcon->guest_max_insns                = 60;
   vcon->guest_chase                    = True;
}

/* ================================================================== */
/* Small helpers                                                      */
/* ================================================================== */

static void* alloc_zeroed(SizeT nbytes)
{
   void* p = LibVEX_Alloc(nbytes > 0 ? nbytes : 1);
   vex_bzero(p, nbytes);
   return p;
}

static Bool is_int_type(IRType ty)
{
   return toBool(ty == Ity_I1 || ty == Ity_I8 || ty == Ity_I16
                 || ty == Ity_I32 || ty == Ity_I64);
}

static Int bits_of(IRType ty)
{
   switch (ty) {
      case Ity_I1:  return 1;
      case Ity_I8:  return 8;
      case Ity_I16: return 16;
      case Ity_I32: return 32;
      case Ity_I64: return 64;
      default:      vpanic("ir_opt: bits_of: not an integer type");
   }
}

static ULong mask_of(IRType ty)
{
   Int b = bits_of(ty);
   return b == 64 ? ~0ULL : (1ULL << b) - 1;
}

/* V, of type TY, sign-extended to 64 bits. */
static Long sext(ULong v, IRType ty)
{
   Int b = bits_of(ty);
   if (b == 64)
      return (Long)v;
   ULong top = 1ULL << (b - 1);
   v &= mask_of(ty);
   return (Long)((v ^ top) - top);
}

/* Is E an integer constant (U1..U64)?  Its value in *V. */
static Bool int_const(const IRExpr* e, ULong* v)
{
   if (e->tag != Iex_Const)
      return False;
   const IRConst* c = e->Iex.Const.con;
   switch (c->tag) {
      case Ico_U1:  *v = c->Ico.U1 & 1; return True;
      case Ico_U8:  *v = c->Ico.U8;     return True;
      case Ico_U16: *v = c->Ico.U16;    return True;
      case Ico_U32: *v = c->Ico.U32;    return True;
      case Ico_U64: *v = c->Ico.U64;    return True;
      default:      return False;
   }
}

static Bool is_int_const_val(const IRExpr* e, ULong v)
{
   ULong got;
   return toBool(int_const(e, &got) && got == v);
}

/* All ones at the width of TY. */
static Bool is_ones(const IRExpr* e, IRType ty)
{
   return is_int_const_val(e, mask_of(ty));
}

static IRExpr* mk_int_const(IRType ty, ULong v)
{
   switch (ty) {
      case Ity_I1:  return IRExpr_Const(IRConst_U1(toBool(v & 1)));
      case Ity_I8:  return IRExpr_Const(IRConst_U8((UChar)v));
      case Ity_I16: return IRExpr_Const(IRConst_U16((UShort)v));
      case Ity_I32: return IRExpr_Const(IRConst_U32((UInt)v));
      case Ity_I64: return IRExpr_Const(IRConst_U64(v));
      default:      vpanic("ir_opt: mk_int_const: not an integer type");
   }
}

/* Is the guard E the constant B? */
static Bool is_const_guard(const IRExpr* e, Bool b)
{
   ULong v;
   return toBool(int_const(e, &v) && v == (ULong)(b ? 1 : 0));
}

static Bool same_tmp(const IRExpr* a, const IRExpr* b)
{
   return toBool(a->tag == Iex_RdTmp && b->tag == Iex_RdTmp
                 && a->Iex.RdTmp.tmp == b->Iex.RdTmp.tmp);
}

/* ------------------------------------------------------------------ */
/* Guest state ranges                                                 */
/* ------------------------------------------------------------------ */

/* An inclusive range of guest state offsets. */
typedef struct {
   Int lo;
   Int hi;
} GRange;

static Bool ranges_overlap(GRange a, GRange b)
{
   return toBool(a.lo <= b.hi && b.lo <= a.hi);
}

static GRange range_of_put(const IRTypeEnv* env, Int offset,
                           const IRExpr* data)
{
   GRange r;
   r.lo = offset;
   r.hi = offset + sizeofIRType(typeOfIRExpr(env, data)) - 1;
   return r;
}

static GRange range_of_array(const IRRegArray* descr)
{
   GRange r;
   r.lo = descr->base;
   r.hi = descr->base + descr->nElems * sizeofIRType(descr->elemTy) - 1;
   return r;
}

/* The whole guest state, as far as anyone can tell. */
static GRange range_all(void)
{
   GRange r;
   r.lo = 0;
   r.hi = 0x7FFFFFFF;
   return r;
}

static Bool dirty_has_gsptr(const IRDirty* d)
{
   for (Int i = 0; d->args[i] != NULL; i++)
      if (d->args[i]->tag == Iex_GSPTR)
         return True;
   return False;
}

/* The span of the guest state a dirty call may write (*PRESENT = False
   when it writes none).  With the guest state pointer among its
   arguments it is assumed to write all of it. */
static GRange dirty_write_range(const IRDirty* d, Bool* present)
{
   GRange r = { -1, -1 };
   *present = False;
   if (dirty_has_gsptr(d)) {
      *present = True;
      return range_all();
   }
   for (Int i = 0; i < d->nFxState; i++) {
      if (d->fxState[i].fx == Ifx_Read)
         continue;
      Int lo = d->fxState[i].offset;
      Int hi = lo + d->fxState[i].nRepeats * d->fxState[i].repeatLen
               + d->fxState[i].size - 1;
      if (!*present) {
         r.lo = lo;
         r.hi = hi;
         *present = True;
      } else {
         if (lo < r.lo) r.lo = lo;
         if (hi > r.hi) r.hi = hi;
      }
   }
   return r;
}

static Bool dirty_writes_memory(const IRDirty* d)
{
   return toBool(d->mFx == Ifx_Write || d->mFx == Ifx_Modify);
}

/* Must guest state LO..HI be up to date at memory accesses under
   PXCONTROL?  Without a function from the front end, all of it must. */
static Bool precise_at_mem(IRPreciseMemExnsFn fn, VexRegisterUpdates px,
                           Int lo, Int hi)
{
   if (px == VexRegUpdAllregsAtMemAccess || px == VexRegUpdAllregsAtEachInsn)
      return True;
   if (fn == NULL)
      return True;
   return fn(lo, hi, px);
}

/* ------------------------------------------------------------------ */
/* Counting uses of temporaries                                       */
/* ------------------------------------------------------------------ */

/* Adds one to COUNTS[t] for every occurrence of every temporary t read
   in E (which may be a tree). */
/* Calls F(ENV, C) for each child C of E, in order.  Returns False for
   tags it does not know (callers decide about those); leaves (RdTmp,
   Get, Const, VECRET, GSPTR, Binder) have no children and give True. */
static Bool for_each_expr_child(const IRExpr* e,
                                void (*f)(void* env, IRExpr* child),
                                void* env)
{
   switch (e->tag) {
      case Iex_RdTmp: case Iex_Get: case Iex_Const: case Iex_VECRET:
      case Iex_GSPTR: case Iex_Binder:
         return True;
      case Iex_GetI:
         f(env, e->Iex.GetI.ix);
         return True;
      case Iex_Qop:
         f(env, e->Iex.Qop.details->arg1);
         f(env, e->Iex.Qop.details->arg2);
         f(env, e->Iex.Qop.details->arg3);
         f(env, e->Iex.Qop.details->arg4);
         return True;
      case Iex_Triop:
         f(env, e->Iex.Triop.details->arg1);
         f(env, e->Iex.Triop.details->arg2);
         f(env, e->Iex.Triop.details->arg3);
         return True;
      case Iex_Binop:
         f(env, e->Iex.Binop.arg1);
         f(env, e->Iex.Binop.arg2);
         return True;
      case Iex_Unop:
         f(env, e->Iex.Unop.arg);
         return True;
      case Iex_Load:
         f(env, e->Iex.Load.addr);
         return True;
      case Iex_CCall:
         for (Int i = 0; e->Iex.CCall.args[i] != NULL; i++)
            f(env, e->Iex.CCall.args[i]);
         return True;
      case Iex_ITE:
         f(env, e->Iex.ITE.cond);
         f(env, e->Iex.ITE.iftrue);
         f(env, e->Iex.ITE.iffalse);
         return True;
   }
   return False;
}

static void count_uses_cb(void* counts, IRExpr* child);

static void count_uses_expr(const IRExpr* e, Int* counts)
{
   if (e->tag == Iex_RdTmp)
      counts[e->Iex.RdTmp.tmp]++;
   else if (!for_each_expr_child(e, count_uses_cb, counts))
      vpanic("ir_opt: count_uses_expr: unknown expression");
}

static void count_uses_cb(void* counts, IRExpr* child)
{
   count_uses_expr(child, counts);
}

static void count_uses_stmt(const IRStmt* st, Int* counts)
{
   switch (st->tag) {
      case Ist_NoOp:
      case Ist_IMark:
      case Ist_MBE:
         return;
      case Ist_AbiHint:
         count_uses_expr(st->Ist.AbiHint.base, counts);
         count_uses_expr(st->Ist.AbiHint.nia, counts);
         return;
      case Ist_Put:
         count_uses_expr(st->Ist.Put.data, counts);
         return;
      case Ist_PutI:
         count_uses_expr(st->Ist.PutI.details->ix, counts);
         count_uses_expr(st->Ist.PutI.details->data, counts);
         return;
      case Ist_WrTmp:
         count_uses_expr(st->Ist.WrTmp.data, counts);
         return;
      case Ist_Store:
         count_uses_expr(st->Ist.Store.addr, counts);
         count_uses_expr(st->Ist.Store.data, counts);
         return;
      case Ist_StoreG:
         count_uses_expr(st->Ist.StoreG.details->addr, counts);
         count_uses_expr(st->Ist.StoreG.details->data, counts);
         count_uses_expr(st->Ist.StoreG.details->guard, counts);
         return;
      case Ist_LoadG:
         count_uses_expr(st->Ist.LoadG.details->addr, counts);
         count_uses_expr(st->Ist.LoadG.details->alt, counts);
         count_uses_expr(st->Ist.LoadG.details->guard, counts);
         return;
      case Ist_CAS: {
         const IRCAS* cas = st->Ist.CAS.details;
         count_uses_expr(cas->addr, counts);
         if (cas->expdHi != NULL)
            count_uses_expr(cas->expdHi, counts);
         count_uses_expr(cas->expdLo, counts);
         if (cas->dataHi != NULL)
            count_uses_expr(cas->dataHi, counts);
         count_uses_expr(cas->dataLo, counts);
         return;
      }
      case Ist_LLSC:
         count_uses_expr(st->Ist.LLSC.addr, counts);
         if (st->Ist.LLSC.storedata != NULL)
            count_uses_expr(st->Ist.LLSC.storedata, counts);
         return;
      case Ist_Dirty: {
         const IRDirty* d = st->Ist.Dirty.details;
         count_uses_expr(d->guard, counts);
         for (Int i = 0; d->args[i] != NULL; i++)
            count_uses_expr(d->args[i], counts);
         if (d->mAddr != NULL)
            count_uses_expr(d->mAddr, counts);
         return;
      }
      case Ist_Exit:
         count_uses_expr(st->Ist.Exit.guard, counts);
         return;
   }
   vpanic("ir_opt: count_uses_stmt: unknown statement");
}

/* Shortens BB to its first N statements. */
static void set_stmts_used(IRSB* bb, Int n)
{
   vassert(n >= 0 && n <= bb->stmts_used);
   bb->stmts_used = n;
}

/* ================================================================== */
/* Flattening                                                         */
/* ================================================================== */

Bool isFlatIRSB(const IRSB* bb)
{
   for (Int i = 0; i < bb->stmts_used; i++)
      if (!isFlatIRStmt(bb->stmts[i]))
         return False;
   return isIRAtom(bb->next);
}

/* ================================================================== */
/* Child substitution shared by flattening, copy propagation and tree */
/* building                                                           */
/* ================================================================== */

/* E with each child C replaced by F(ENV, C), children visited in order
   (F may consume state, so the order matters).  E itself is returned
   when no child changed, so unchanged trees stay shared.  Returns NULL
   for tags with no expression children; callers decide about those. */
static IRExpr* map_expr_children(IRExpr* e,
                                 IRExpr* (*f)(void* env, IRExpr* child),
                                 void* env)
{
   switch (e->tag) {
      case Iex_GetI: {
         IRExpr* ix = f(env, e->Iex.GetI.ix);
         return ix == e->Iex.GetI.ix
                   ? e : IRExpr_GetI(e->Iex.GetI.descr, ix, e->Iex.GetI.bias);
      }
      case Iex_Qop: {
         const IRQop* q = e->Iex.Qop.details;
         IRExpr* a1 = f(env, q->arg1);
         IRExpr* a2 = f(env, q->arg2);
         IRExpr* a3 = f(env, q->arg3);
         IRExpr* a4 = f(env, q->arg4);
         if (a1 == q->arg1 && a2 == q->arg2 && a3 == q->arg3
             && a4 == q->arg4)
            return e;
         return IRExpr_Qop(q->op, a1, a2, a3, a4);
      }
      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         IRExpr* a1 = f(env, t->arg1);
         IRExpr* a2 = f(env, t->arg2);
         IRExpr* a3 = f(env, t->arg3);
         if (a1 == t->arg1 && a2 == t->arg2 && a3 == t->arg3)
            return e;
         return IRExpr_Triop(t->op, a1, a2, a3);
      }
      case Iex_Binop: {
         IRExpr* a1 = f(env, e->Iex.Binop.arg1);
         IRExpr* a2 = f(env, e->Iex.Binop.arg2);
         if (a1 == e->Iex.Binop.arg1 && a2 == e->Iex.Binop.arg2)
            return e;
         return IRExpr_Binop(e->Iex.Binop.op, a1, a2);
      }
      case Iex_Unop: {
         IRExpr* a = f(env, e->Iex.Unop.arg);
         return a == e->Iex.Unop.arg ? e : IRExpr_Unop(e->Iex.Unop.op, a);
      }
      case Iex_Load: {
         IRExpr* a = f(env, e->Iex.Load.addr);
         return a == e->Iex.Load.addr
                   ? e : IRExpr_Load(e->Iex.Load.end, e->Iex.Load.ty, a);
      }
      case Iex_CCall: {
         IRExpr** args = shallowCopyIRExprVec(e->Iex.CCall.args);
         Bool changed = False;
         for (Int i = 0; args[i] != NULL; i++) {
            IRExpr* a = f(env, args[i]);
            if (a != args[i]) {
               args[i] = a;
               changed = True;
            }
         }
         return changed ? IRExpr_CCall(e->Iex.CCall.cee, e->Iex.CCall.retty,
                                       args)
                        : e;
      }
      case Iex_ITE: {
         IRExpr* c = f(env, e->Iex.ITE.cond);
         IRExpr* t = f(env, e->Iex.ITE.iftrue);
         IRExpr* fl = f(env, e->Iex.ITE.iffalse);
         if (c == e->Iex.ITE.cond && t == e->Iex.ITE.iftrue
             && fl == e->Iex.ITE.iffalse)
            return e;
         return IRExpr_ITE(c, t, fl);
      }
      default:
         return NULL;
   }
}
static IRExpr* flatten_atom(IRSB* out, IRExpr* e);

/* E as a one-level expression over atoms, the statements computing its
   operands appended to OUT. */
static IRExpr* flatten_atom_cb(void* out, IRExpr* child)
{
   return flatten_atom(out, child);
}

IRExpr* flatten_rhs_into(IRSB* out, IRExpr* e)
{
   switch (e->tag) {
      case Iex_Get:
      case Iex_RdTmp:
      case Iex_Const:
         return e;
      default: {
         IRExpr* flat = map_expr_children(e, flatten_atom_cb, out);
         if (flat != NULL)
            return flat;
         break;
      }
   }
   ppIRExpr(e);
   vpanic("ir_opt: flatten_rhs_into: unexpected expression");
}

/* E as an atom: a compound E is computed into a new temporary. */
static IRExpr* flatten_atom(IRSB* out, IRExpr* e)
{
   if (isIRAtom(e))
      return e;
   IRExpr* rhs = flatten_rhs_into(out, e);
   IRTemp  t   = newIRTemp(out->tyenv, typeOfIRExpr(out->tyenv, rhs));
   addStmtToIRSB(out, IRStmt_WrTmp(t, rhs));
   return IRExpr_RdTmp(t);
}

static IRExpr* flatten_atom_or_null(IRSB* out, IRExpr* e)
{
   return e == NULL ? NULL : flatten_atom(out, e);
}

void flatten_stmt_into(IRSB* out, IRStmt* st)
{
   if (isFlatIRStmt(st)) {
      if (st->tag != Ist_NoOp)
         addStmtToIRSB(out, st);
      return;
   }
   switch (st->tag) {
      case Ist_AbiHint: {
         IRExpr* base = flatten_atom(out, st->Ist.AbiHint.base);
         IRExpr* nia  = flatten_atom(out, st->Ist.AbiHint.nia);
         addStmtToIRSB(out, IRStmt_AbiHint(base, st->Ist.AbiHint.len, nia));
         return;
      }
      case Ist_Put:
         addStmtToIRSB(out, IRStmt_Put(st->Ist.Put.offset,
                                       flatten_atom(out, st->Ist.Put.data)));
         return;
      case Ist_PutI: {
         const IRPutI* p = st->Ist.PutI.details;
         IRExpr* ix   = flatten_atom(out, p->ix);
         IRExpr* data = flatten_atom(out, p->data);
         addStmtToIRSB(out, IRStmt_PutI(mkIRPutI(p->descr, ix, p->bias,
                                                 data)));
         return;
      }
      case Ist_WrTmp:
         addStmtToIRSB(out, IRStmt_WrTmp(st->Ist.WrTmp.tmp,
                                         flatten_rhs_into(out,
                                                          st->Ist.WrTmp.data)));
         return;
      case Ist_Store: {
         IRExpr* addr = flatten_atom(out, st->Ist.Store.addr);
         IRExpr* data = flatten_atom(out, st->Ist.Store.data);
         addStmtToIRSB(out, IRStmt_Store(st->Ist.Store.end, addr, data));
         return;
      }
      case Ist_StoreG: {
         const IRStoreG* sg = st->Ist.StoreG.details;
         IRExpr* addr  = flatten_atom(out, sg->addr);
         IRExpr* data  = flatten_atom(out, sg->data);
         IRExpr* guard = flatten_atom(out, sg->guard);
         addStmtToIRSB(out, IRStmt_StoreG(sg->end, addr, data, guard));
         return;
      }
      case Ist_LoadG: {
         const IRLoadG* lg = st->Ist.LoadG.details;
         IRExpr* addr  = flatten_atom(out, lg->addr);
         IRExpr* alt   = flatten_atom(out, lg->alt);
         IRExpr* guard = flatten_atom(out, lg->guard);
         addStmtToIRSB(out, IRStmt_LoadG(lg->end, lg->cvt, lg->dst, addr,
                                         alt, guard));
         return;
      }
      case Ist_CAS: {
         const IRCAS* c = st->Ist.CAS.details;
         IRExpr* addr   = flatten_atom(out, c->addr);
         IRExpr* expdHi = flatten_atom_or_null(out, c->expdHi);
         IRExpr* expdLo = flatten_atom(out, c->expdLo);
         IRExpr* dataHi = flatten_atom_or_null(out, c->dataHi);
         IRExpr* dataLo = flatten_atom(out, c->dataLo);
         addStmtToIRSB(out, IRStmt_CAS(mkIRCAS(c->oldHi, c->oldLo, c->end,
                                               addr, expdHi, expdLo,
                                               dataHi, dataLo)));
         return;
      }
      case Ist_LLSC: {
         IRExpr* addr = flatten_atom(out, st->Ist.LLSC.addr);
         IRExpr* data = flatten_atom_or_null(out, st->Ist.LLSC.storedata);
         addStmtToIRSB(out, IRStmt_LLSC(st->Ist.LLSC.end,
                                        st->Ist.LLSC.result, addr, data));
         return;
      }
      case Ist_Dirty: {
         IRDirty* d = emptyIRDirty();
         *d = *st->Ist.Dirty.details;
         d->args = shallowCopyIRExprVec(d->args);
         for (Int i = 0; d->args[i] != NULL; i++)
            if (!is_IRExpr_VECRET_or_GSPTR(d->args[i]))
               d->args[i] = flatten_atom(out, d->args[i]);
         d->guard = flatten_atom(out, d->guard);
         d->mAddr = flatten_atom_or_null(out, d->mAddr);
         addStmtToIRSB(out, IRStmt_Dirty(d));
         return;
      }
      case Ist_Exit:
         addStmtToIRSB(out, IRStmt_Exit(flatten_atom(out,
                                                     st->Ist.Exit.guard),
                                        st->Ist.Exit.jk, st->Ist.Exit.dst,
                                        st->Ist.Exit.offsIP));
         return;
      case Ist_NoOp:
      case Ist_IMark:
      case Ist_MBE:
         break;
   }
   ppIRStmt(st);
   vpanic("ir_opt: flatten_stmt_into: unexpected statement");
}

IRSB* flatten_BB(const IRSB* bb)
{
   IRSB* out = deepCopyIRSBExceptStmts(bb);
   for (Int i = 0; i < bb->stmts_used; i++)
      flatten_stmt_into(out, bb->stmts[i]);
   out->next = flatten_atom(out, out->next);
   return out;
}

/* ================================================================== */
/* Redundant GET removal                                              */
/* ================================================================== */

/* What is known about the guest state: guest state RANGE, read as type
   TY, currently holds the atom VAL. */
typedef struct {
   GRange  range;
   IRType  ty;
   IRExpr* val;
} GetFact;

typedef struct {
   GetFact* facts;
   Int      used;
   Int      size;
} GetFacts;

static void getfacts_init(GetFacts* f)
{
   f->size  = 16;
   f->used  = 0;
   f->facts = LibVEX_Alloc((SizeT)f->size * sizeof(GetFact));
}

static void getfacts_invalidate(GetFacts* f, GRange r)
{
   Int j = 0;
   for (Int i = 0; i < f->used; i++)
      if (!ranges_overlap(f->facts[i].range, r))
         f->facts[j++] = f->facts[i];
   f->used = j;
}

static void getfacts_add(GetFacts* f, GRange r, IRType ty, IRExpr* val)
{
   if (f->used == f->size) {
      GetFact* bigger = LibVEX_Alloc((SizeT)(2 * f->size) * sizeof(GetFact));
      for (Int i = 0; i < f->used; i++)
         bigger[i] = f->facts[i];
      f->facts = bigger;
      f->size *= 2;
   }
   f->facts[f->used].range = r;
   f->facts[f->used].ty    = ty;
   f->facts[f->used].val   = val;
   f->used++;
}

/* The op giving the low TY part of a FROM value (the guest state is
   little-endian, so a narrower GET at a wider value's offset reads that
   part), or Iop_INVALID. */
static IROp low_part_op(IRType from, IRType ty)
{
   switch (from) {
      case Ity_I64:
         return ty == Ity_I32 ? Iop_64to32 : ty == Ity_I16 ? Iop_64to16
                : ty == Ity_I8 ? Iop_64to8 : Iop_INVALID;
      case Ity_I32:
         return ty == Ity_I16 ? Iop_32to16 : ty == Ity_I8 ? Iop_32to8
                : Iop_INVALID;
      case Ity_I16:
         return ty == Ity_I8 ? Iop_16to8 : Iop_INVALID;
      case Ity_V128:
         return ty == Ity_I64 ? Iop_V128to64 : ty == Ity_I32 ? Iop_V128to32
                : Iop_INVALID;
      default:
         return Iop_INVALID;
   }
}

/* What a GET of TY at OFFSET reads, if known: an atom, or (the low part
   of a wider value known at OFFSET) a narrowing of an atom.  The front
   end reads 32-bit registers as GET:I32 after writing them whole with a
   PUT of I64, so without the second form every such read went back to
   memory. */
static IRExpr* getfacts_lookup(const GetFacts* f, Int offset, IRType ty)
{
   for (Int i = f->used - 1; i >= 0; i--)
      if (f->facts[i].range.lo == offset && f->facts[i].ty == ty)
         return f->facts[i].val;
   for (Int i = f->used - 1; i >= 0; i--) {
      IROp op = low_part_op(f->facts[i].ty, ty);
      if (f->facts[i].range.lo == offset && op != Iop_INVALID)
         return IRExpr_Unop(op, f->facts[i].val);
   }
   return NULL;
}

void redundant_get_removal_BB(IRSB* bb)
{
   GetFacts facts;
   getfacts_init(&facts);
   for (Int i = 0; i < bb->stmts_used; i++) {
      IRStmt* st = bb->stmts[i];
      switch (st->tag) {
         case Ist_WrTmp: {
            IRExpr* e = st->Ist.WrTmp.data;
            if (e->tag != Iex_Get)
               break;
            IRExpr* known = getfacts_lookup(&facts, e->Iex.Get.offset,
                                            e->Iex.Get.ty);
            if (known != NULL) {
               bb->stmts[i] = IRStmt_WrTmp(st->Ist.WrTmp.tmp, known);
               if (!isIRAtom(known)) {
                  /* a narrowing: the temporary now names the narrow
                     value, which outlives the wide fact */
                  GRange r;
                  r.lo = e->Iex.Get.offset;
                  r.hi = r.lo + sizeofIRType(e->Iex.Get.ty) - 1;
                  getfacts_add(&facts, r, e->Iex.Get.ty,
                               IRExpr_RdTmp(st->Ist.WrTmp.tmp));
               }
            } else {
               GRange r;
               r.lo = e->Iex.Get.offset;
               r.hi = r.lo + sizeofIRType(e->Iex.Get.ty) - 1;
               getfacts_add(&facts, r, e->Iex.Get.ty,
                            IRExpr_RdTmp(st->Ist.WrTmp.tmp));
            }
            break;
         }
         case Ist_Put: {
            IRExpr* data = st->Ist.Put.data;
            vassert(isIRAtom(data));
            GRange r = range_of_put(bb->tyenv, st->Ist.Put.offset, data);
            getfacts_invalidate(&facts, r);
            getfacts_add(&facts, r, typeOfIRExpr(bb->tyenv, data), data);
            break;
         }
         case Ist_PutI:
            getfacts_invalidate(&facts,
                                range_of_array(st->Ist.PutI.details->descr));
            break;
         case Ist_Dirty: {
            Bool   writes;
            GRange r = dirty_write_range(st->Ist.Dirty.details, &writes);
            if (writes)
               getfacts_invalidate(&facts, r);
            break;
         }
         default:
            break;
      }
   }
}

/* ================================================================== */
/* Redundant PUT removal                                              */
/* ================================================================== */

/* Scanning backwards: the ranges of guest state whose next event (later
   in the block) is certainly a complete overwrite, with no read or
   observation point before it. */
typedef struct {
   GRange* r;
   Int     used;
   Int     size;
} RangeSet;

static void rangeset_init(RangeSet* s)
{
   s->size = 16;
   s->used = 0;
   s->r    = LibVEX_Alloc((SizeT)s->size * sizeof(GRange));
}

static void rangeset_add(RangeSet* s, GRange r)
{
   if (s->used == s->size) {
      GRange* bigger = LibVEX_Alloc((SizeT)(2 * s->size) * sizeof(GRange));
      for (Int i = 0; i < s->used; i++)
         bigger[i] = s->r[i];
      s->r = bigger;
      s->size *= 2;
   }
   s->r[s->used++] = r;
}

static Bool rangeset_covers(const RangeSet* s, GRange r)
{
   for (Int i = 0; i < s->used; i++)
      if (s->r[i].lo <= r.lo && r.hi <= s->r[i].hi)
         return True;
   return False;
}

static void rangeset_remove_overlapping(RangeSet* s, GRange r)
{
   Int j = 0;
   for (Int i = 0; i < s->used; i++)
      if (!ranges_overlap(s->r[i], r))
         s->r[j++] = s->r[i];
   s->used = j;
}

/* A memory access: the parts that must be precise are observed. */
static void rangeset_mem_access(RangeSet* s, IRPreciseMemExnsFn fn,
                                VexRegisterUpdates px)
{
   Int j = 0;
   for (Int i = 0; i < s->used; i++)
      if (!precise_at_mem(fn, px, s->r[i].lo, s->r[i].hi))
         s->r[j++] = s->r[i];
   s->used = j;
}

void redundant_put_removal_BB(IRSB* bb, IRPreciseMemExnsFn preciseMemExnsFn,
                              VexRegisterUpdates pxControl)
{
   RangeSet pending;
   rangeset_init(&pending);
   /* The block's final jump writes the program counter. */
   rangeset_add(&pending, range_of_put(bb->tyenv, bb->offsIP, bb->next));

   for (Int i = bb->stmts_used - 1; i >= 0; i--) {
      IRStmt* st = bb->stmts[i];
      Bool    mem_access = False;
      switch (st->tag) {
         case Ist_NoOp:
            break;
         case Ist_IMark:
            if (pxControl == VexRegUpdAllregsAtEachInsn)
               pending.used = 0;
            break;
         case Ist_Put: {
            GRange r = range_of_put(bb->tyenv, st->Ist.Put.offset,
                                    st->Ist.Put.data);
            if (rangeset_covers(&pending, r))
               bb->stmts[i] = IRStmt_NoOp();
            else
               rangeset_add(&pending, r);
            break;
         }
         case Ist_PutI:
            /* Writes an element we cannot name: neither a read nor a
               write we can rely on. */
            break;
         case Ist_WrTmp: {
            const IRExpr* e = st->Ist.WrTmp.data;
            if (e->tag == Iex_Get) {
               GRange r;
               r.lo = e->Iex.Get.offset;
               r.hi = r.lo + sizeofIRType(e->Iex.Get.ty) - 1;
               rangeset_remove_overlapping(&pending, r);
            } else if (e->tag == Iex_GetI) {
               rangeset_remove_overlapping(&pending,
                                           range_of_array(e->Iex.GetI.descr));
            } else if (e->tag == Iex_Load) {
               mem_access = True;
            }
            break;
         }
         case Ist_Store:
         case Ist_StoreG:
         case Ist_LoadG:
            mem_access = True;
            break;
         case Ist_Exit:
            /* Everything is observable when the exit is taken. */
            pending.used = 0;
            break;
         case Ist_AbiHint:
         case Ist_MBE:
         case Ist_Dirty:
         case Ist_CAS:
         case Ist_LLSC:
            /* Dirty calls read the state they declare (or any of it,
               given the state pointer) and may access memory; the rest
               are rare enough to be treated the same way. */
            pending.used = 0;
            break;
      }
      if (mem_access)
         rangeset_mem_access(&pending, preciseMemExnsFn, pxControl);
   }
}

/* ================================================================== */
/* Constant folding                                                   */
/* ================================================================== */

static UInt clz_bits(ULong v, Int width)
{
   UInt n = 0;
   for (Int b = width - 1; b >= 0 && ((v >> b) & 1) == 0; b--)
      n++;
   return n;
}

static UInt ctz_bits(ULong v)
{
   UInt n = 0;
   while ((v & 1) == 0) {
      v >>= 1;
      n++;
   }
   return n;
}

static UInt popcount_bits(ULong v)
{
   UInt n = 0;
   for (; v != 0; v &= v - 1)
      n++;
   return n;
}

/* OP applied to the constant A, or NULL when it is not an integer op we
   fold or its result is undefined (Clz/Ctz of 0). */
static IRExpr* fold_unop_const(IROp op, ULong a)
{
   IRType tr, ta, t2, t3, t4;
   typeOfPrimop(op, &tr, &ta, &t2, &t3, &t4);
   if (!is_int_type(tr) || !is_int_type(ta))
      return NULL;
   ULong r;
   switch (op) {
      case Iop_Not1: case Iop_Not8: case Iop_Not16: case Iop_Not32:
      case Iop_Not64:
         r = ~a;
         break;
      case Iop_Clz32: case Iop_Clz64:
         if (a == 0)
            return NULL;
         r = clz_bits(a, bits_of(ta));
         break;
      case Iop_Ctz32: case Iop_Ctz64:
         if (a == 0)
            return NULL;
         r = ctz_bits(a);
         break;
      case Iop_PopCount32: case Iop_PopCount64:
         r = popcount_bits(a);
         break;
      case Iop_CmpNEZ8: case Iop_CmpNEZ16: case Iop_CmpNEZ32:
      case Iop_CmpNEZ64:
         r = a != 0;
         break;
      case Iop_CmpwNEZ32: case Iop_CmpwNEZ64:
         r = a != 0 ? ~0ULL : 0;
         break;
      case Iop_Left8: case Iop_Left16: case Iop_Left32: case Iop_Left64:
         r = a | (0 - a);
         break;
      case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64: case Iop_16Uto32:
      case Iop_16Uto64: case Iop_32Uto64:
      case Iop_64to8: case Iop_32to8: case Iop_64to16: case Iop_16to8:
      case Iop_32to16: case Iop_64to32:
      case Iop_32to1: case Iop_64to1:
      case Iop_1Uto8: case Iop_1Uto32: case Iop_1Uto64:
         r = a;
         break;
      case Iop_8Sto16: case Iop_8Sto32: case Iop_8Sto64: case Iop_16Sto32:
      case Iop_16Sto64: case Iop_32Sto64:
      case Iop_1Sto8: case Iop_1Sto16: case Iop_1Sto32: case Iop_1Sto64:
         r = (ULong)sext(a, ta);
         break;
      case Iop_16HIto8:
         r = a >> 8;
         break;
      case Iop_32HIto16:
         r = a >> 16;
         break;
      case Iop_64HIto32:
         r = a >> 32;
         break;
      default:
         return NULL;
   }
   return mk_int_const(tr, r & mask_of(tr));
}

/* OP applied to the constants A and B, or NULL when it is not an integer
   op we fold or its result is undefined: shifts by the width or more,
   division by zero, and quotients that overflow. */
static IRExpr* fold_binop_const(IROp op, ULong a, ULong b)
{
   IRType tr, t1, t2, t3, t4;
   typeOfPrimop(op, &tr, &t1, &t2, &t3, &t4);
   if (!is_int_type(tr) || !is_int_type(t1) || !is_int_type(t2))
      return NULL;
   const Long min64 = (Long)0x8000000000000000ULL;
   Int   w = bits_of(t1);
   ULong r;
   switch (op) {
      case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
         r = a + b;
         break;
      case Iop_Sub8: case Iop_Sub16: case Iop_Sub32: case Iop_Sub64:
         r = a - b;
         break;
      case Iop_Mul8: case Iop_Mul16: case Iop_Mul32: case Iop_Mul64:
      case Iop_MullU8: case Iop_MullU16: case Iop_MullU32:
         r = a * b;
         break;
      case Iop_MullS8: case Iop_MullS16: case Iop_MullS32:
         r = (ULong)(sext(a, t1) * sext(b, t2));
         break;
      case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
         r = a | b;
         break;
      case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
         r = a & b;
         break;
      case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
         r = a ^ b;
         break;
      case Iop_Shl8: case Iop_Shl16: case Iop_Shl32: case Iop_Shl64:
         if (b >= (ULong)w)
            return NULL;
         r = a << b;
         break;
      case Iop_Shr8: case Iop_Shr16: case Iop_Shr32: case Iop_Shr64:
         if (b >= (ULong)w)
            return NULL;
         r = a >> b;
         break;
      case Iop_Sar8: case Iop_Sar16: case Iop_Sar32: case Iop_Sar64:
         if (b >= (ULong)w)
            return NULL;
         r = (ULong)(sext(a, t1) >> b);
         break;
      case Iop_CmpEQ8: case Iop_CmpEQ16: case Iop_CmpEQ32: case Iop_CmpEQ64:
      case Iop_CasCmpEQ8: case Iop_CasCmpEQ16: case Iop_CasCmpEQ32:
      case Iop_CasCmpEQ64:
         r = a == b;
         break;
      case Iop_CmpNE8: case Iop_CmpNE16: case Iop_CmpNE32: case Iop_CmpNE64:
      case Iop_CasCmpNE8: case Iop_CasCmpNE16: case Iop_CasCmpNE32:
      case Iop_CasCmpNE64:
      case Iop_ExpCmpNE8: case Iop_ExpCmpNE16: case Iop_ExpCmpNE32:
      case Iop_ExpCmpNE64:
         r = a != b;
         break;
      case Iop_CmpLT32S: case Iop_CmpLT64S:
         r = sext(a, t1) < sext(b, t2);
         break;
      case Iop_CmpLE32S: case Iop_CmpLE64S:
         r = sext(a, t1) <= sext(b, t2);
         break;
      case Iop_CmpLT32U: case Iop_CmpLT64U:
         r = a < b;
         break;
      case Iop_CmpLE32U: case Iop_CmpLE64U:
         r = a <= b;
         break;
      case Iop_Max32U:
         r = a > b ? a : b;
         break;
      case Iop_DivU32: case Iop_DivU64:
         if (b == 0)
            return NULL;
         r = a / b;
         break;
      case Iop_DivS32: case Iop_DivS64: {
         Long sa = sext(a, t1), sb = sext(b, t2);
         if (sb == 0 || (sb == -1 && sa == sext(1ULL << (w - 1), t1)))
            return NULL;
         r = (ULong)(sa / sb);
         break;
      }
      case Iop_DivModU64to32: {
         if (b == 0 || a / b > 0xFFFFFFFFULL)
            return NULL;
         r = ((a % b) << 32) | (a / b);
         break;
      }
      case Iop_DivModS64to32: {
         Long sa = (Long)a, sb = sext(b, t2);
         if (sb == 0 || (sa == min64 && sb == -1))
            return NULL;
         Long q = sa / sb;
         if (q < -2147483648LL || q > 2147483647LL)
            return NULL;
         Long rem = sa % sb;
         r = ((ULong)(UInt)rem << 32) | (ULong)(UInt)q;
         break;
      }
      case Iop_8HLto16:
         r = (a << 8) | b;
         break;
      case Iop_16HLto32:
         r = (a << 16) | b;
         break;
      case Iop_32HLto64:
         r = (a << 32) | b;
         break;
      default:
         return NULL;
   }
   return mk_int_const(tr, r & mask_of(tr));
}

/* Families of integer binops, for the algebraic identities. */
typedef enum {
   OPK_OTHER, OPK_ADD, OPK_SUB, OPK_MUL, OPK_OR, OPK_AND, OPK_XOR,
   OPK_SHIFT, OPK_CMPEQ, OPK_CMPNE, OPK_CMPLT, OPK_CMPLE, OPK_MAX
} OpKind;

static OpKind kind_of_binop(IROp op)
{
   switch (op) {
      case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
         return OPK_ADD;
      case Iop_Sub8: case Iop_Sub16: case Iop_Sub32: case Iop_Sub64:
         return OPK_SUB;
      case Iop_Mul8: case Iop_Mul16: case Iop_Mul32: case Iop_Mul64:
         return OPK_MUL;
      case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
         return OPK_OR;
      case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
         return OPK_AND;
      case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
         return OPK_XOR;
      case Iop_Shl8: case Iop_Shl16: case Iop_Shl32: case Iop_Shl64:
      case Iop_Shr8: case Iop_Shr16: case Iop_Shr32: case Iop_Shr64:
      case Iop_Sar8: case Iop_Sar16: case Iop_Sar32: case Iop_Sar64:
         return OPK_SHIFT;
      /* Only the plain comparisons: the CAS and "expensive" variants
         exist to be seen by tools, so x-vs-x forms of them are kept. */
      case Iop_CmpEQ8: case Iop_CmpEQ16: case Iop_CmpEQ32: case Iop_CmpEQ64:
         return OPK_CMPEQ;
      case Iop_CmpNE8: case Iop_CmpNE16: case Iop_CmpNE32: case Iop_CmpNE64:
         return OPK_CMPNE;
      case Iop_CmpLT32S: case Iop_CmpLT64S: case Iop_CmpLT32U:
      case Iop_CmpLT64U:
         return OPK_CMPLT;
      case Iop_CmpLE32S: case Iop_CmpLE64S: case Iop_CmpLE32U:
      case Iop_CmpLE64U:
         return OPK_CMPLE;
      case Iop_Max32U:
         return OPK_MAX;
      default:
         return OPK_OTHER;
   }
}

/* The definition of temporary E (when E is one and DEFS knows it). */
static IRExpr* def_of(IRExpr** defs, Int n_defs, const IRExpr* e)
{
   if (defs == NULL || e->tag != Iex_RdTmp)
      return NULL;
   IRTemp t = e->Iex.RdTmp.tmp;
   if ((Int)t >= n_defs)
      return NULL;
   return defs[t];
}

/* Unop patterns that look through the definition of the argument. */
static IRExpr* fold_unop_chase(IROp op, IRExpr* arg, IRExpr** defs,
                               Int n_defs)
{
   const IRExpr* d = def_of(defs, n_defs, arg);
   if (d == NULL || d->tag != Iex_Unop)
      return NULL;
   IROp    inner = d->Iex.Unop.op;
   IRExpr* x     = d->Iex.Unop.arg;
   switch (op) {
      /* b :: I1 widened and tested again is b */
      case Iop_CmpNEZ8:
         return inner == Iop_1Uto8 ? x : NULL;
      case Iop_CmpNEZ32:
      case Iop_32to1:
         return inner == Iop_1Uto32 ? x : NULL;
      case Iop_CmpNEZ64:
      case Iop_64to1:
         return inner == Iop_1Uto64 ? x : NULL;
      /* narrowing a widened value gives it back */
      case Iop_64to32:
         return (inner == Iop_32Uto64 || inner == Iop_32Sto64) ? x : NULL;
      case Iop_32to8:
         return (inner == Iop_8Uto32 || inner == Iop_8Sto32) ? x : NULL;
      case Iop_64to8:
         return (inner == Iop_8Uto64 || inner == Iop_8Sto64) ? x : NULL;
      case Iop_32to16:
         return (inner == Iop_16Uto32 || inner == Iop_16Sto32) ? x : NULL;
      case Iop_64to16:
         return (inner == Iop_16Uto64 || inner == Iop_16Sto64) ? x : NULL;
      case Iop_16to8:
         return (inner == Iop_8Uto16 || inner == Iop_8Sto16) ? x : NULL;
      /* widening in two steps is widening in one (a zero-extended byte
         needs no second zero extension) */
      case Iop_32Uto64:
         return inner == Iop_8Uto32 ? IRExpr_Unop(Iop_8Uto64, x)
                : inner == Iop_16Uto32 ? IRExpr_Unop(Iop_16Uto64, x)
                : inner == Iop_1Uto32 ? IRExpr_Unop(Iop_1Uto64, x) : NULL;
      case Iop_32Sto64:
         return inner == Iop_8Sto32 ? IRExpr_Unop(Iop_8Sto64, x)
                : inner == Iop_16Sto32 ? IRExpr_Unop(Iop_16Sto64, x) : NULL;
      case Iop_16Uto32:
         return inner == Iop_8Uto16 ? IRExpr_Unop(Iop_8Uto32, x) : NULL;
      case Iop_16Sto32:
         return inner == Iop_8Sto16 ? IRExpr_Unop(Iop_8Sto32, x) : NULL;
      case Iop_16Uto64:
         return inner == Iop_8Uto16 ? IRExpr_Unop(Iop_8Uto64, x) : NULL;
      case Iop_16Sto64:
         return inner == Iop_8Sto16 ? IRExpr_Unop(Iop_8Sto64, x) : NULL;
      /* double negation */
      case Iop_Not1: case Iop_Not8: case Iop_Not16: case Iop_Not32:
      case Iop_Not64:
         return inner == op ? x : NULL;
      default:
         return NULL;
   }
}

/* Algebraic identities on a binop over atoms. */
static IRExpr* fold_binop_identity(IROp op, IRExpr* a1, IRExpr* a2,
                                   IRExpr** defs, Int n_defs)
{
   IRType tr, t1, t2, t3, t4;
   typeOfPrimop(op, &tr, &t1, &t2, &t3, &t4);
   Bool same = same_tmp(a1, a2);
   switch (kind_of_binop(op)) {
      case OPK_ADD:
         if (is_int_const_val(a2, 0)) return a1;
         if (is_int_const_val(a1, 0)) return a2;
         return NULL;
      case OPK_SUB:
         if (is_int_const_val(a2, 0)) return a1;
         if (same) return mk_int_const(tr, 0);
         return NULL;
      case OPK_MUL:
         if (is_int_const_val(a2, 1)) return a1;
         if (is_int_const_val(a1, 1)) return a2;
         if (is_int_const_val(a2, 0)) return a2;
         if (is_int_const_val(a1, 0)) return a1;
         return NULL;
      case OPK_OR:
         if (is_int_const_val(a2, 0)) return a1;
         if (is_int_const_val(a1, 0)) return a2;
         if (is_ones(a2, tr)) return a2;
         if (is_ones(a1, tr)) return a1;
         if (same) return a1;
         return NULL;
      case OPK_AND:
         if (is_int_const_val(a2, 0)) return a2;
         if (is_int_const_val(a1, 0)) return a1;
         if (is_ones(a2, tr)) return a1;
         if (is_ones(a1, tr)) return a2;
         if (same) return a1;
         return NULL;
      case OPK_XOR:
         if (is_int_const_val(a2, 0)) return a1;
         if (is_int_const_val(a1, 0)) return a2;
         if (same) return mk_int_const(tr, 0);
         return NULL;
      case OPK_SHIFT:
         if (is_int_const_val(a2, 0)) return a1;
         return NULL;
      case OPK_CMPEQ:
         if (same) return mk_int_const(Ity_I1, 1);
         /* CmpEQ(x, y) == 0 stays; CmpNE(1Uto32(b), 0) is b, below */
         return NULL;
      case OPK_CMPNE: {
         if (same) return mk_int_const(Ity_I1, 0);
         if (is_int_const_val(a2, 0)) {
            const IRExpr* d = def_of(defs, n_defs, a1);
            if (d != NULL && d->tag == Iex_Unop
                && ((op == Iop_CmpNE32 && d->Iex.Unop.op == Iop_1Uto32)
                    || (op == Iop_CmpNE64 && d->Iex.Unop.op == Iop_1Uto64)
                    || (op == Iop_CmpNE8 && d->Iex.Unop.op == Iop_1Uto8)))
               return d->Iex.Unop.arg;
         }
         return NULL;
      }
      case OPK_CMPLT:
         if (same) return mk_int_const(Ity_I1, 0);
         return NULL;
      case OPK_CMPLE:
         if (same) return mk_int_const(Ity_I1, 1);
         return NULL;
      case OPK_MAX:
         if (same) return a1;
         return NULL;
      case OPK_OTHER:
         return NULL;
   }
   return NULL;
}

/* E (one level, over atoms) simplified as far as we can; E itself when
   nothing applies.  DEFS[t] (t < N_DEFS), when not NULL, is the
   right-hand side temporary t was assigned, for patterns that look
   through one definition. */
static IRExpr* fold_expr(IRExpr* e, IRExpr** defs, Int n_defs)
{
   switch (e->tag) {
      case Iex_Unop: {
         ULong a;
         IRExpr* r = NULL;
         if (int_const(e->Iex.Unop.arg, &a))
            r = fold_unop_const(e->Iex.Unop.op, a);
         else
            r = fold_unop_chase(e->Iex.Unop.op, e->Iex.Unop.arg, defs,
                                n_defs);
         if (r == NULL && vex_control.iropt_verbosity > 0
             && e->Iex.Unop.arg->tag == Iex_Const) {
            vex_printf("vex iropt: no constant rule for: ");
            ppIRExpr(e);
            vex_printf("\n");
         }
         return r != NULL ? r : e;
      }
      case Iex_Binop: {
         ULong a, b;
         IRExpr* r = NULL;
         IRExpr* a1 = e->Iex.Binop.arg1;
         IRExpr* a2 = e->Iex.Binop.arg2;
         if (int_const(a1, &a) && int_const(a2, &b)) {
            r = fold_binop_const(e->Iex.Binop.op, a, b);
            if (r == NULL && vex_control.iropt_verbosity > 0) {
               vex_printf("vex iropt: no constant rule for: ");
               ppIRExpr(e);
               vex_printf("\n");
            }
         }
         if (r == NULL)
            r = fold_binop_identity(e->Iex.Binop.op, a1, a2, defs, n_defs);
         return r != NULL ? r : e;
      }
      case Iex_ITE: {
         ULong c;
         if (int_const(e->Iex.ITE.cond, &c))
            return c != 0 ? e->Iex.ITE.iftrue : e->Iex.ITE.iffalse;
         if (isIRAtom(e->Iex.ITE.iftrue) && isIRAtom(e->Iex.ITE.iffalse)
             && eqIRAtom(e->Iex.ITE.iftrue, e->Iex.ITE.iffalse))
            return e->Iex.ITE.iftrue;
         return e;
      }
      default:
         return e;
   }
}

/* ================================================================== */
/* Constant and copy propagation                                      */
/* ================================================================== */

/* ENV[t]: the atom temporary t is known to equal, or NULL. */
static IRExpr* subst_atom(IRExpr** env, IRExpr* a)
{
   if (a == NULL || a->tag != Iex_RdTmp)
      return a;
   IRExpr* v = env[a->Iex.RdTmp.tmp];
   return v != NULL ? v : a;
}

/* subst_atom in the shape map_expr_children calls. */
static IRExpr* subst_atom_cb(void* env, IRExpr* a)
{
   return subst_atom((IRExpr**)env, a);
}

/* E (one level over atoms) with its atoms replaced as ENV says. */
static IRExpr* subst_rhs(IRExpr** env, IRExpr* e)
{
   switch (e->tag) {
      case Iex_RdTmp:
      case Iex_Const:
         return subst_atom(env, e);
      case Iex_Get:
         return e;
      default:
         break;
   }
   IRExpr* r = map_expr_children(e, subst_atom_cb, env);
   if (r != NULL)
      return r;
   ppIRExpr(e);
   vpanic("ir_opt: subst_rhs: unexpected expression");
}

static IROp loadg_widen_op(IRLoadGOp cvt)
{
   switch (cvt) {
      case ILGop_16Uto32: return Iop_16Uto32;
      case ILGop_16Sto32: return Iop_16Sto32;
      case ILGop_8Uto32:  return Iop_8Uto32;
      case ILGop_8Sto32:  return Iop_8Sto32;
      default:            return Iop_INVALID;
   }
}

IRSB* cprop_BB(IRSB* in)
{
   IRSB*    out    = deepCopyIRSBExceptStmts(in);
   Int      n_tmps = in->tyenv->types_used;
   IRExpr** env    = alloc_zeroed((SizeT)n_tmps * sizeof(IRExpr*));
   IRExpr** defs   = alloc_zeroed((SizeT)n_tmps * sizeof(IRExpr*));

   for (Int i = 0; i < in->stmts_used; i++) {
      IRStmt* st = in->stmts[i];
      switch (st->tag) {
         case Ist_NoOp:
            break;
         case Ist_IMark:
         case Ist_MBE:
            addStmtToIRSB(out, st);
            break;
         case Ist_AbiHint: {
            IRExpr* base = subst_atom(env, st->Ist.AbiHint.base);
            IRExpr* nia  = subst_atom(env, st->Ist.AbiHint.nia);
            addStmtToIRSB(out, IRStmt_AbiHint(base, st->Ist.AbiHint.len,
                                              nia));
            break;
         }
         case Ist_Put:
            addStmtToIRSB(out, IRStmt_Put(st->Ist.Put.offset,
                                          subst_atom(env, st->Ist.Put.data)));
            break;
         case Ist_PutI: {
            const IRPutI* p = st->Ist.PutI.details;
            addStmtToIRSB(out, IRStmt_PutI(mkIRPutI(p->descr,
                                                    subst_atom(env, p->ix),
                                                    p->bias,
                                                    subst_atom(env,
                                                               p->data))));
            break;
         }
         case Ist_WrTmp: {
            IRTemp  t = st->Ist.WrTmp.tmp;
            IRExpr* e = fold_expr(subst_rhs(env, st->Ist.WrTmp.data), defs,
                                  n_tmps);
            if (isIRAtom(e)) {
               /* A copy or a constant: every later use gets E itself. */
               env[t] = e;
            } else {
               defs[t] = e;
               addStmtToIRSB(out, IRStmt_WrTmp(t, e));
            }
            break;
         }
         case Ist_Store:
            addStmtToIRSB(out, IRStmt_Store(st->Ist.Store.end,
                                            subst_atom(env,
                                                       st->Ist.Store.addr),
                                            subst_atom(env,
                                                       st->Ist.Store.data)));
            break;
         case Ist_StoreG: {
            const IRStoreG* sg = st->Ist.StoreG.details;
            IRExpr* addr  = subst_atom(env, sg->addr);
            IRExpr* data  = subst_atom(env, sg->data);
            IRExpr* guard = subst_atom(env, sg->guard);
            if (is_const_guard(guard, False))
               break;
            if (is_const_guard(guard, True))
               addStmtToIRSB(out, IRStmt_Store(sg->end, addr, data));
            else
               addStmtToIRSB(out, IRStmt_StoreG(sg->end, addr, data, guard));
            break;
         }
         case Ist_LoadG: {
            const IRLoadG* lg = st->Ist.LoadG.details;
            IRExpr* addr  = subst_atom(env, lg->addr);
            IRExpr* alt   = subst_atom(env, lg->alt);
            IRExpr* guard = subst_atom(env, lg->guard);
            if (is_const_guard(guard, False)) {
               env[lg->dst] = alt;
            } else if (is_const_guard(guard, True)) {
               IRType t_res, t_arg;
               typeOfIRLoadGOp(lg->cvt, &t_res, &t_arg);
               IROp widen = loadg_widen_op(lg->cvt);
               IRExpr* ld = IRExpr_Load(lg->end, t_arg, addr);
               if (widen == Iop_INVALID) {
                  addStmtToIRSB(out, IRStmt_WrTmp(lg->dst, ld));
               } else {
                  IRTemp narrow = newIRTemp(out->tyenv, t_arg);
                  addStmtToIRSB(out, IRStmt_WrTmp(narrow, ld));
                  IRExpr* w = IRExpr_Unop(widen, IRExpr_RdTmp(narrow));
                  defs[lg->dst] = w;
                  addStmtToIRSB(out, IRStmt_WrTmp(lg->dst, w));
               }
            } else {
               addStmtToIRSB(out, IRStmt_LoadG(lg->end, lg->cvt, lg->dst,
                                               addr, alt, guard));
            }
            break;
         }
         case Ist_CAS: {
            const IRCAS* c = st->Ist.CAS.details;
            addStmtToIRSB(out, IRStmt_CAS(mkIRCAS(c->oldHi, c->oldLo, c->end,
                                                  subst_atom(env, c->addr),
                                                  subst_atom(env, c->expdHi),
                                                  subst_atom(env, c->expdLo),
                                                  subst_atom(env, c->dataHi),
                                                  subst_atom(env,
                                                             c->dataLo))));
            break;
         }
         case Ist_LLSC: {
            IRExpr* addr = subst_atom(env, st->Ist.LLSC.addr);
            IRExpr* data = subst_atom(env, st->Ist.LLSC.storedata);
            addStmtToIRSB(out, IRStmt_LLSC(st->Ist.LLSC.end,
                                           st->Ist.LLSC.result, addr, data));
            break;
         }
         case Ist_Dirty: {
            IRDirty* d = emptyIRDirty();
            *d = *st->Ist.Dirty.details;
            d->guard = subst_atom(env, d->guard);
            /* A call that cannot happen and gives no result is gone; one
               with a result stays, as its temporary must be assigned. */
            if (is_const_guard(d->guard, False) && d->tmp == IRTemp_INVALID)
               break;
            d->args = shallowCopyIRExprVec(d->args);
            for (Int k = 0; d->args[k] != NULL; k++)
               if (!is_IRExpr_VECRET_or_GSPTR(d->args[k]))
                  d->args[k] = subst_atom(env, d->args[k]);
            d->mAddr = subst_atom(env, d->mAddr);
            addStmtToIRSB(out, IRStmt_Dirty(d));
            break;
         }
         case Ist_Exit: {
            IRExpr* guard = subst_atom(env, st->Ist.Exit.guard);
            if (is_const_guard(guard, False))
               break;
            addStmtToIRSB(out, IRStmt_Exit(guard, st->Ist.Exit.jk,
                                           st->Ist.Exit.dst,
                                           st->Ist.Exit.offsIP));
            break;
         }
      }
   }
   out->next = subst_atom(env, in->next);
   return out;
}

/* ================================================================== */
/* Dead code removal                                                  */
/* ================================================================== */

void do_deadcode_BB(IRSB* bb)
{
   /* Exits whose guard is constant: false ones go, and the first true
      one ends the block. */
   for (Int i = 0; i < bb->stmts_used; i++) {
      IRStmt* st = bb->stmts[i];
      if (st->tag != Ist_Exit)
         continue;
      if (is_const_guard(st->Ist.Exit.guard, False)) {
         bb->stmts[i] = IRStmt_NoOp();
      } else if (is_const_guard(st->Ist.Exit.guard, True)) {
         bb->next     = IRExpr_Const(st->Ist.Exit.dst);
         bb->jumpkind = st->Ist.Exit.jk;
         bb->offsIP   = st->Ist.Exit.offsIP;
         set_stmts_used(bb, i);
         break;
      }
   }

   /* Backwards: an assignment to a temporary nothing later reads is
      dropped (expressions have no side effects; a load that could fault
      goes too, as in VEX). */
   Int  n_tmps = bb->tyenv->types_used;
   Int* uses   = alloc_zeroed((SizeT)n_tmps * sizeof(Int));
   count_uses_expr(bb->next, uses);
   for (Int i = bb->stmts_used - 1; i >= 0; i--) {
      IRStmt* st = bb->stmts[i];
      if (st->tag == Ist_NoOp)
         continue;
      if (st->tag == Ist_WrTmp && uses[st->Ist.WrTmp.tmp] == 0) {
         bb->stmts[i] = IRStmt_NoOp();
         continue;
      }
      count_uses_stmt(st, uses);
   }

   Int j = 0;
   for (Int i = 0; i < bb->stmts_used; i++)
      if (bb->stmts[i]->tag != Ist_NoOp)
         bb->stmts[j++] = bb->stmts[i];
   set_stmts_used(bb, j);
}

/* ================================================================== */
/* Common subexpression elimination                                   */
/* ================================================================== */

/* An expression whose value is available in a temporary. */
typedef struct {
   IRExpr* e;            /* one level, over atoms */
   IRTemp  t;
   UInt    hash;
   Bool    is_load;
   Bool    reads_state;
   GRange  state;        /* what it reads of the guest state */
} AvailExpr;

typedef struct {
   AvailExpr* a;
   Int        used;
   Int        size;
} AvailSet;

static UInt hash_mix(UInt h, ULong v)
{
   h ^= (UInt)v + 0x9E3779B9u + (h << 6) + (h >> 2);
   h ^= (UInt)(v >> 32) + 0x9E3779B9u + (h << 6) + (h >> 2);
   return h;
}

static UInt hash_atom(UInt h, const IRExpr* a)
{
   ULong v;
   if (a->tag == Iex_RdTmp)
      return hash_mix(h, 0x100000000ULL + a->Iex.RdTmp.tmp);
   if (int_const(a, &v))
      return hash_mix(h, v);
   return hash_mix(h, (ULong)a->Iex.Const.con->tag);
}

static UInt hash_rhs(const IRExpr* e)
{
   UInt h = (UInt)e->tag;
   switch (e->tag) {
      case Iex_Get:
         h = hash_mix(h, (ULong)e->Iex.Get.offset);
         return hash_mix(h, (ULong)e->Iex.Get.ty);
      case Iex_GetI:
         h = hash_mix(h, (ULong)e->Iex.GetI.descr->base);
         h = hash_mix(h, (ULong)(Long)e->Iex.GetI.bias);
         return hash_atom(h, e->Iex.GetI.ix);
      case Iex_Unop:
         h = hash_mix(h, (ULong)e->Iex.Unop.op);
         return hash_atom(h, e->Iex.Unop.arg);
      case Iex_Binop:
         h = hash_mix(h, (ULong)e->Iex.Binop.op);
         h = hash_atom(h, e->Iex.Binop.arg1);
         return hash_atom(h, e->Iex.Binop.arg2);
      case Iex_Triop:
         h = hash_mix(h, (ULong)e->Iex.Triop.details->op);
         h = hash_atom(h, e->Iex.Triop.details->arg1);
         h = hash_atom(h, e->Iex.Triop.details->arg2);
         return hash_atom(h, e->Iex.Triop.details->arg3);
      case Iex_Qop:
         h = hash_mix(h, (ULong)e->Iex.Qop.details->op);
         h = hash_atom(h, e->Iex.Qop.details->arg1);
         h = hash_atom(h, e->Iex.Qop.details->arg2);
         h = hash_atom(h, e->Iex.Qop.details->arg3);
         return hash_atom(h, e->Iex.Qop.details->arg4);
      case Iex_Load:
         h = hash_mix(h, (ULong)e->Iex.Load.ty);
         return hash_atom(h, e->Iex.Load.addr);
      case Iex_ITE:
         h = hash_atom(h, e->Iex.ITE.cond);
         h = hash_atom(h, e->Iex.ITE.iftrue);
         return hash_atom(h, e->Iex.ITE.iffalse);
      case Iex_CCall:
         h = hash_mix(h, (ULong)(HWord)e->Iex.CCall.cee->addr);
         for (Int i = 0; e->Iex.CCall.args[i] != NULL; i++)
            h = hash_atom(h, e->Iex.CCall.args[i]);
         return h;
      default:
         return h;
   }
}

/* Do the one-level expressions A and B certainly compute the same value
   (given the same guest state and memory)? */
static Bool eq_rhs(const IRExpr* a, const IRExpr* b)
{
   if (a->tag != b->tag)
      return False;
   switch (a->tag) {
      case Iex_Get:
         return toBool(a->Iex.Get.offset == b->Iex.Get.offset
                       && a->Iex.Get.ty == b->Iex.Get.ty);
      case Iex_GetI:
         return toBool(eqIRRegArray(a->Iex.GetI.descr, b->Iex.GetI.descr)
                       && a->Iex.GetI.bias == b->Iex.GetI.bias
                       && eqIRAtom(a->Iex.GetI.ix, b->Iex.GetI.ix));
      case Iex_Unop:
         return toBool(a->Iex.Unop.op == b->Iex.Unop.op
                       && eqIRAtom(a->Iex.Unop.arg, b->Iex.Unop.arg));
      case Iex_Binop:
         return toBool(a->Iex.Binop.op == b->Iex.Binop.op
                       && eqIRAtom(a->Iex.Binop.arg1, b->Iex.Binop.arg1)
                       && eqIRAtom(a->Iex.Binop.arg2, b->Iex.Binop.arg2));
      case Iex_Triop: {
         const IRTriop* x = a->Iex.Triop.details;
         const IRTriop* y = b->Iex.Triop.details;
         return toBool(x->op == y->op && eqIRAtom(x->arg1, y->arg1)
                       && eqIRAtom(x->arg2, y->arg2)
                       && eqIRAtom(x->arg3, y->arg3));
      }
      case Iex_Qop: {
         const IRQop* x = a->Iex.Qop.details;
         const IRQop* y = b->Iex.Qop.details;
         return toBool(x->op == y->op && eqIRAtom(x->arg1, y->arg1)
                       && eqIRAtom(x->arg2, y->arg2)
                       && eqIRAtom(x->arg3, y->arg3)
                       && eqIRAtom(x->arg4, y->arg4));
      }
      case Iex_Load:
         return toBool(a->Iex.Load.end == b->Iex.Load.end
                       && a->Iex.Load.ty == b->Iex.Load.ty
                       && eqIRAtom(a->Iex.Load.addr, b->Iex.Load.addr));
      case Iex_ITE:
         return toBool(eqIRAtom(a->Iex.ITE.cond, b->Iex.ITE.cond)
                       && eqIRAtom(a->Iex.ITE.iftrue, b->Iex.ITE.iftrue)
                       && eqIRAtom(a->Iex.ITE.iffalse, b->Iex.ITE.iffalse));
      case Iex_CCall: {
         const IRCallee* c1 = a->Iex.CCall.cee;
         const IRCallee* c2 = b->Iex.CCall.cee;
         if (c1->addr != c2->addr || c1->regparms != c2->regparms
             || a->Iex.CCall.retty != b->Iex.CCall.retty
             || !vex_streq(c1->name, c2->name))
            return False;
         IRExpr** x = a->Iex.CCall.args;
         IRExpr** y = b->Iex.CCall.args;
         Int i;
         for (i = 0; x[i] != NULL && y[i] != NULL; i++)
            if (!eqIRAtom(x[i], y[i]))
               return False;
         return toBool(x[i] == NULL && y[i] == NULL);
      }
      default:
         return False;
   }
}

static void avail_add(AvailSet* s, const AvailExpr* ae)
{
   if (s->used == s->size) {
      Int new_size = s->size > 0 ? 2 * s->size : 32;
      AvailExpr* bigger = LibVEX_Alloc((SizeT)new_size * sizeof(AvailExpr));
      for (Int i = 0; i < s->used; i++)
         bigger[i] = s->a[i];
      s->a    = bigger;
      s->size = new_size;
   }
   s->a[s->used++] = *ae;
}

static void avail_kill_loads(AvailSet* s)
{
   Int j = 0;
   for (Int i = 0; i < s->used; i++)
      if (!s->a[i].is_load)
         s->a[j++] = s->a[i];
   s->used = j;
}

static void avail_kill_state(AvailSet* s, GRange r)
{
   Int j = 0;
   for (Int i = 0; i < s->used; i++)
      if (!(s->a[i].reads_state && ranges_overlap(s->a[i].state, r)))
         s->a[j++] = s->a[i];
   s->used = j;
}

Bool do_cse_BB(IRSB* bb, Bool allow_loads)
{
   AvailSet avail = { NULL, 0, 0 };
   Bool     changed = False;

   for (Int i = 0; i < bb->stmts_used; i++) {
      IRStmt* st = bb->stmts[i];
      switch (st->tag) {
         case Ist_WrTmp: {
            IRExpr*   e = st->Ist.WrTmp.data;
            AvailExpr ae;
            ae.e           = e;
            ae.t           = st->Ist.WrTmp.tmp;
            ae.is_load     = False;
            ae.reads_state = False;
            ae.state.lo    = ae.state.hi = -1;
            switch (e->tag) {
               case Iex_Get:
                  ae.reads_state = True;
                  ae.state.lo = e->Iex.Get.offset;
                  ae.state.hi = e->Iex.Get.offset
                                + sizeofIRType(e->Iex.Get.ty) - 1;
                  break;
               case Iex_GetI:
                  ae.reads_state = True;
                  ae.state = range_of_array(e->Iex.GetI.descr);
                  break;
               case Iex_Load:
                  if (!allow_loads)
                     continue;
                  ae.is_load = True;
                  break;
               case Iex_Unop: case Iex_Binop: case Iex_Triop: case Iex_Qop:
               case Iex_ITE: case Iex_CCall:
                  break;
               default:
                  continue;
            }
            ae.hash = hash_rhs(e);
            Int k;
            for (k = 0; k < avail.used; k++)
               if (avail.a[k].hash == ae.hash && eq_rhs(avail.a[k].e, e))
                  break;
            if (k < avail.used) {
               bb->stmts[i] = IRStmt_WrTmp(ae.t, IRExpr_RdTmp(avail.a[k].t));
               changed = True;
            } else {
               avail_add(&avail, &ae);
            }
            break;
         }
         case Ist_Put:
            avail_kill_state(&avail, range_of_put(bb->tyenv,
                                                  st->Ist.Put.offset,
                                                  st->Ist.Put.data));
            break;
         case Ist_PutI:
            avail_kill_state(&avail,
                             range_of_array(st->Ist.PutI.details->descr));
            break;
         case Ist_Dirty: {
            Bool   writes;
            GRange r = dirty_write_range(st->Ist.Dirty.details, &writes);
            if (writes)
               avail_kill_state(&avail, r);
            avail_kill_loads(&avail);
            break;
         }
         case Ist_Store:
         case Ist_StoreG:
         case Ist_CAS:
         case Ist_LLSC:
         case Ist_MBE:
         case Ist_AbiHint:
            avail_kill_loads(&avail);
            break;
         default:
            break;
      }
   }
   return changed;
}

/* ================================================================== */
/* Specialisation of clean helper calls                               */
/* ================================================================== */

IRSB* spec_helpers_BB(IRSB* bb, IRSpecHelperFn specHelper)
{
   IRSB* out = NULL;
   for (Int i = 0; i < bb->stmts_used; i++) {
      IRStmt* st = bb->stmts[i];
      IRExpr* r  = NULL;
      if (st->tag == Ist_WrTmp && st->Ist.WrTmp.data->tag == Iex_CCall) {
         IRExpr* e = st->Ist.WrTmp.data;
         r = specHelper(e->Iex.CCall.cee->name, e->Iex.CCall.args,
                        bb->stmts, i);
         if (r != NULL && typeOfIRExpr(bb->tyenv, r) != e->Iex.CCall.retty) {
            ppIRExpr(e);
            vex_printf(" specialised as ");
            ppIRExpr(r);
            vex_printf("\n");
            vpanic("spec_helpers_BB: the specialisation has the wrong type");
         }
      }
      if (r != NULL && out == NULL) {
         out = deepCopyIRSBExceptStmts(bb);
         for (Int k = 0; k < i; k++)
            addStmtToIRSB(out, bb->stmts[k]);
      }
      if (out != NULL)
         addStmtToIRSB(out, r != NULL ? IRStmt_WrTmp(st->Ist.WrTmp.tmp, r)
                                      : st);
   }
   if (out == NULL)
      return bb;
   return flatten_BB(out);
}

/* ================================================================== */
/* Unrolling of self-loops                                            */
/* ================================================================== */

/* In place, in a fresh deep copy: every temporary t becomes MAP[t]. */
static void rename_expr(IRExpr* e, const IRTemp* map);

static void rename_cb(void* map, IRExpr* child)
{
   rename_expr(child, map);
}

static void rename_expr(IRExpr* e, const IRTemp* map)
{
   if (e->tag == Iex_RdTmp)
      e->Iex.RdTmp.tmp = map[e->Iex.RdTmp.tmp];
   else if (!for_each_expr_child(e, rename_cb, (void*)map))
      vpanic("ir_opt: rename_expr: unknown expression");
}

static void rename_expr_or_null(IRExpr* e, const IRTemp* map)
{
   if (e != NULL)
      rename_expr(e, map);
}

static void rename_stmt(IRStmt* st, const IRTemp* map)
{
   switch (st->tag) {
      case Ist_NoOp: case Ist_IMark: case Ist_MBE:
         return;
      case Ist_AbiHint:
         rename_expr(st->Ist.AbiHint.base, map);
         rename_expr(st->Ist.AbiHint.nia, map);
         return;
      case Ist_Put:
         rename_expr(st->Ist.Put.data, map);
         return;
      case Ist_PutI:
         rename_expr(st->Ist.PutI.details->ix, map);
         rename_expr(st->Ist.PutI.details->data, map);
         return;
      case Ist_WrTmp:
         st->Ist.WrTmp.tmp = map[st->Ist.WrTmp.tmp];
         rename_expr(st->Ist.WrTmp.data, map);
         return;
      case Ist_Store:
         rename_expr(st->Ist.Store.addr, map);
         rename_expr(st->Ist.Store.data, map);
         return;
      case Ist_StoreG:
         rename_expr(st->Ist.StoreG.details->addr, map);
         rename_expr(st->Ist.StoreG.details->data, map);
         rename_expr(st->Ist.StoreG.details->guard, map);
         return;
      case Ist_LoadG:
         st->Ist.LoadG.details->dst = map[st->Ist.LoadG.details->dst];
         rename_expr(st->Ist.LoadG.details->addr, map);
         rename_expr(st->Ist.LoadG.details->alt, map);
         rename_expr(st->Ist.LoadG.details->guard, map);
         return;
      case Ist_CAS: {
         IRCAS* c = st->Ist.CAS.details;
         if (c->oldHi != IRTemp_INVALID)
            c->oldHi = map[c->oldHi];
         c->oldLo = map[c->oldLo];
         rename_expr(c->addr, map);
         rename_expr_or_null(c->expdHi, map);
         rename_expr(c->expdLo, map);
         rename_expr_or_null(c->dataHi, map);
         rename_expr(c->dataLo, map);
         return;
      }
      case Ist_LLSC:
         st->Ist.LLSC.result = map[st->Ist.LLSC.result];
         rename_expr(st->Ist.LLSC.addr, map);
         rename_expr_or_null(st->Ist.LLSC.storedata, map);
         return;
      case Ist_Dirty: {
         IRDirty* d = st->Ist.Dirty.details;
         if (d->tmp != IRTemp_INVALID)
            d->tmp = map[d->tmp];
         rename_expr(d->guard, map);
         for (Int i = 0; d->args[i] != NULL; i++)
            rename_expr(d->args[i], map);
         rename_expr_or_null(d->mAddr, map);
         return;
      }
      case Ist_Exit:
         rename_expr(st->Ist.Exit.guard, map);
         return;
   }
   vpanic("ir_opt: rename_stmt: unknown statement");
}

IRSB* maybe_loop_unroll_BB(IRSB* bb, Addr64 guest_addr, Int* factor)
{
   if (factor != NULL)
      *factor = 1;
   Int thresh = vex_control.iropt_unroll_thresh;
   if (thresh <= 0)
      return NULL;

   Int n_stmts = 0, last = -1;
   for (Int i = 0; i < bb->stmts_used; i++) {
      if (bb->stmts[i]->tag == Ist_NoOp)
         continue;
      n_stmts++;
      last = i;
   }
   if (n_stmts == 0)
      return NULL;

   /* Which shape of loop: "...; goto self" or "...; if (g) goto self;
      goto X" with X a constant (which becomes "if (!g) goto X; goto
      self"). */
   ULong next_v;
   Bool  next_const = int_const(bb->next, &next_v);
   Bool  jumps_back = toBool(next_const && next_v == guest_addr
                             && bb->jumpkind == Ijk_Boring);
   Bool  exits_back = False;
   if (!jumps_back && next_const && last >= 0) {
      const IRStmt* ex = bb->stmts[last];
      ULong dst;
      if (ex->tag == Ist_Exit && ex->Ist.Exit.jk == Ijk_Boring
          && int_const(IRExpr_Const(ex->Ist.Exit.dst), &dst)
          && dst == guest_addr)
         exits_back = True;
   }
   if (!jumps_back && !exits_back)
      return NULL;

   Int copies;
   if (n_stmts * 8 <= thresh)
      copies = 8;
   else if (n_stmts * 4 <= thresh)
      copies = 4;
   else if (n_stmts * 2 <= thresh)
      copies = 2;
   else {
      if (vex_control.iropt_verbosity > 0)
         vex_printf("vex iropt: not unrolling (%d sts)\n", n_stmts);
      return NULL;
   }

   /* The body: the block itself, with the exit turned round if need be. */
   IRSB* body = deepCopyIRSBExceptStmts(bb);
   for (Int i = 0; i < bb->stmts_used; i++) {
      IRStmt* st = bb->stmts[i];
      if (st->tag == Ist_NoOp)
         continue;
      if (exits_back && i == last) {
         IRTemp notg = newIRTemp(body->tyenv, Ity_I1);
         addStmtToIRSB(body, IRStmt_WrTmp(notg,
                                          IRExpr_Unop(Iop_Not1,
                                                      st->Ist.Exit.guard)));
         addStmtToIRSB(body, IRStmt_Exit(IRExpr_RdTmp(notg), bb->jumpkind,
                                         bb->next->Iex.Const.con,
                                         bb->offsIP));
         body->next     = IRExpr_Const(st->Ist.Exit.dst);
         body->jumpkind = Ijk_Boring;
         body->offsIP   = st->Ist.Exit.offsIP;
      } else {
         addStmtToIRSB(body, st);
      }
   }

   IRSB*   out    = deepCopyIRSBExceptStmts(body);
   Int     n_tmps = body->tyenv->types_used;
   IRTemp* map    = LibVEX_Alloc((SizeT)(n_tmps > 0 ? n_tmps : 1)
                                 * sizeof(IRTemp));
   for (Int i = 0; i < body->stmts_used; i++)
      addStmtToIRSB(out, body->stmts[i]);
   for (Int c = 1; c < copies; c++) {
      /* Where one run of the block jumps back to the next, it writes the
         program counter: so must the unrolled block, or the state seen
         in the next copy (at a fault, by a helper, at an exit) would
         differ.  Redundant PUT removal drops it when nothing sees it. */
      addStmtToIRSB(out, IRStmt_Put(body->offsIP, body->next));
      for (Int t = 0; t < n_tmps; t++)
         map[t] = newIRTemp(out->tyenv, body->tyenv->types[t]);
      for (Int i = 0; i < body->stmts_used; i++) {
         IRStmt* st = deepCopyIRStmt(body->stmts[i]);
         rename_stmt(st, map);
         addStmtToIRSB(out, st);
      }
   }
   if (factor != NULL)
      *factor = copies;
   if (vex_control.iropt_verbosity > 0)
      vex_printf("vex iropt: %d x unrolling (%d sts -> %d sts)\n",
                 copies, n_stmts, out->stmts_used);
   return out;
}

/* ================================================================== */
/* The driver                                                         */
/* ================================================================== */

static IRSB* cheap_transformations(IRSB* bb, IRSpecHelperFn specHelper,
                                   IRPreciseMemExnsFn preciseMemExnsFn,
                                   VexRegisterUpdates pxControl)
{
   redundant_get_removal_BB(bb);
   redundant_put_removal_BB(bb, preciseMemExnsFn, pxControl);
   bb = cprop_BB(bb);
   do_deadcode_BB(bb);
   if (vex_control.iropt_level >= 2 && specHelper != NULL) {
      IRSB* spec = spec_helpers_BB(bb, specHelper);
      if (spec != bb) {
         redundant_get_removal_BB(spec);
         bb = cprop_BB(spec);
         do_deadcode_BB(bb);
      }
   }
   return bb;
}

static void expensive_transformations(IRSB** pbb)
{
   if (do_cse_BB(*pbb, True)) {
      *pbb = cprop_BB(*pbb);
      do_deadcode_BB(*pbb);
   }
}

IRSB* do_iropt_BB(IRSB* bb0, IRSpecHelperFn specHelper,
                  IRPreciseMemExnsFn preciseMemExnsFn,
                  VexRegisterUpdates pxControl, Addr64 guest_addr)
{
   vassert(pxControl >= VexRegUpdSpAtMemAccess
           && pxControl <= VexRegUpdAllregsAtEachInsn);
   IRSB* bb = flatten_BB(bb0);
   if (vex_control.iropt_level <= 0)
      return bb;

   bb = cheap_transformations(bb, specHelper, preciseMemExnsFn, pxControl);
   if (vex_control.iropt_level >= 2) {
      expensive_transformations(&bb);
      IRSB* unrolled = maybe_loop_unroll_BB(bb, guest_addr, NULL);
      if (unrolled != NULL) {
         bb = cheap_transformations(unrolled, specHelper, preciseMemExnsFn,
                                    pxControl);
         expensive_transformations(&bb);
      }
   }
   return bb;
}

IRSB* do_iropt_BB_post_instrument(IRSB* bb0)
{
   IRSB* bb = flatten_BB(bb0);
   if (vex_control.iropt_level <= 0)
      return bb;
   do_deadcode_BB(bb);
   bb = cprop_BB(bb);
   do_deadcode_BB(bb);
   return bb;
}

/* ================================================================== */
/* The tree builder                                                   */
/* ================================================================== */

/* Assignments held back, to be substituted into their single use: at
   most this many at a time (the oldest is written out when more come). */
#define TB_NENV 10

typedef struct {
   IRTemp  binder;
   IRExpr* bindee;        /* NULL: the slot is free */
   Bool    does_load;
   Bool    reads_state;
   GRange  state;         /* the span of guest state it reads */
} TBBinding;

typedef struct {
   TBBinding b[TB_NENV];  /* oldest first */
   Int       used;
} TBEnv;

static void tb_note_state(TBBinding* b, GRange r)
{
   if (!b->reads_state) {
      b->reads_state = True;
      b->state = r;
      return;
   }
   if (r.lo < b->state.lo) b->state.lo = r.lo;
   if (r.hi > b->state.hi) b->state.hi = r.hi;
}

/* What evaluating the tree E touches. */
static void tb_set_hints(TBBinding* b, const IRExpr* e);

static void tb_set_hints_cb(void* b, IRExpr* child)
{
   tb_set_hints(b, child);
}

static void tb_set_hints(TBBinding* b, const IRExpr* e)
{
   switch (e->tag) {
      case Iex_Get: {
         GRange r;
         r.lo = e->Iex.Get.offset;
         r.hi = r.lo + sizeofIRType(e->Iex.Get.ty) - 1;
         tb_note_state(b, r);
         return;
      }
      case Iex_GetI:
         tb_note_state(b, range_of_array(e->Iex.GetI.descr));
         break;
      case Iex_Load:
         b->does_load = True;
         break;
      case Iex_VECRET: case Iex_GSPTR: case Iex_Binder:
         vpanic("ir_opt: tb_set_hints: unexpected expression");
      default:
         break;
   }
   if (!for_each_expr_child(e, tb_set_hints_cb, b))
      vpanic("ir_opt: tb_set_hints: unexpected expression");
}

/* Drops the freed slots, keeping the order. */
static void tb_compact(TBEnv* env)
{
   Int j = 0;
   for (Int i = 0; i < env->used; i++)
      if (env->b[i].bindee != NULL)
         env->b[j++] = env->b[i];
   env->used = j;
}

static IRExpr* tb_subst(TBEnv* env, IRExpr* e);

/* tb_subst in the shape map_expr_children calls. */
static IRExpr* tb_subst_cb(void* env, IRExpr* e)
{
   return tb_subst((TBEnv*)env, e);
}

/* E with every temporary held in ENV replaced by its (tree) value; the
   bindings used are freed. */
static IRExpr* tb_subst(TBEnv* env, IRExpr* e)
{
   if (e == NULL)
      return NULL;
   switch (e->tag) {
      case Iex_RdTmp:
         for (Int i = 0; i < env->used; i++) {
            if (env->b[i].bindee != NULL
                && env->b[i].binder == e->Iex.RdTmp.tmp) {
               IRExpr* v = env->b[i].bindee;
               env->b[i].bindee = NULL;
               return v;
            }
         }
         return e;
      case Iex_Get: case Iex_Const: case Iex_VECRET: case Iex_GSPTR:
         return e;
      default:
         break;
   }
   IRExpr* r = map_expr_children(e, tb_subst_cb, env);
   if (r != NULL)
      return r;
   vpanic("ir_opt: tb_subst: unexpected expression");
}

/* ST with the held-back values substituted into it. */
static IRStmt* tb_subst_stmt(TBEnv* env, IRStmt* st)
{
   switch (st->tag) {
      case Ist_NoOp: case Ist_IMark: case Ist_MBE:
         return st;
      case Ist_AbiHint:
         return IRStmt_AbiHint(tb_subst(env, st->Ist.AbiHint.base),
                               st->Ist.AbiHint.len,
                               tb_subst(env, st->Ist.AbiHint.nia));
      case Ist_Put:
         return IRStmt_Put(st->Ist.Put.offset,
                           tb_subst(env, st->Ist.Put.data));
      case Ist_PutI: {
         const IRPutI* p = st->Ist.PutI.details;
         IRExpr* ix = tb_subst(env, p->ix);
         return IRStmt_PutI(mkIRPutI(p->descr, ix, p->bias,
                                     tb_subst(env, p->data)));
      }
      case Ist_WrTmp:
         return IRStmt_WrTmp(st->Ist.WrTmp.tmp,
                             tb_subst(env, st->Ist.WrTmp.data));
      case Ist_Store: {
         IRExpr* addr = tb_subst(env, st->Ist.Store.addr);
         return IRStmt_Store(st->Ist.Store.end, addr,
                             tb_subst(env, st->Ist.Store.data));
      }
      case Ist_StoreG: {
         const IRStoreG* sg = st->Ist.StoreG.details;
         IRExpr* addr = tb_subst(env, sg->addr);
         IRExpr* data = tb_subst(env, sg->data);
         return IRStmt_StoreG(sg->end, addr, data, tb_subst(env, sg->guard));
      }
      case Ist_LoadG: {
         const IRLoadG* lg = st->Ist.LoadG.details;
         IRExpr* addr = tb_subst(env, lg->addr);
         IRExpr* alt  = tb_subst(env, lg->alt);
         return IRStmt_LoadG(lg->end, lg->cvt, lg->dst, addr, alt,
                             tb_subst(env, lg->guard));
      }
      case Ist_CAS: {
         const IRCAS* c = st->Ist.CAS.details;
         IRExpr* addr   = tb_subst(env, c->addr);
         IRExpr* expdHi = tb_subst(env, c->expdHi);
         IRExpr* expdLo = tb_subst(env, c->expdLo);
         IRExpr* dataHi = tb_subst(env, c->dataHi);
         IRExpr* dataLo = tb_subst(env, c->dataLo);
         return IRStmt_CAS(mkIRCAS(c->oldHi, c->oldLo, c->end, addr,
                                   expdHi, expdLo, dataHi, dataLo));
      }
      case Ist_LLSC: {
         IRExpr* addr = tb_subst(env, st->Ist.LLSC.addr);
         return IRStmt_LLSC(st->Ist.LLSC.end, st->Ist.LLSC.result, addr,
                            tb_subst(env, st->Ist.LLSC.storedata));
      }
      case Ist_Dirty: {
         IRDirty* d = emptyIRDirty();
         *d = *st->Ist.Dirty.details;
         d->args = shallowCopyIRExprVec(d->args);
         for (Int i = 0; d->args[i] != NULL; i++)
            d->args[i] = tb_subst(env, d->args[i]);
         d->mAddr = tb_subst(env, d->mAddr);
         d->guard = tb_subst(env, d->guard);
         return IRStmt_Dirty(d);
      }
      case Ist_Exit:
         return IRStmt_Exit(tb_subst(env, st->Ist.Exit.guard),
                            st->Ist.Exit.jk, st->Ist.Exit.dst,
                            st->Ist.Exit.offsIP);
   }
   vpanic("ir_opt: tb_subst_stmt: unknown statement");
}

Addr64 ado_treebuild_BB(IRSB* bb, IRPreciseMemExnsFn preciseMemExnsFn,
                        VexRegisterUpdates pxControl)
{
   /* Uses of each temporary, and the highest guest address. */
   Int    n_tmps = bb->tyenv->types_used;
   Int*   uses   = alloc_zeroed((SizeT)n_tmps * sizeof(Int));
   Bool   max_ga_known = False;
   Addr64 max_ga = 0;
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* st = bb->stmts[i];
      if (st->tag == Ist_IMark) {
         UInt   len = st->Ist.IMark.len;
         Addr64 end = st->Ist.IMark.addr + (len < 1 ? 1 : len) - 1;
         if (!max_ga_known || end > max_ga)
            max_ga = end;
         max_ga_known = True;
      }
   }
   /* Uses are counted backwards, leaving out those made by assignments
      that are themselves dead (they are dropped below), so that nothing
      is held back for a use that never comes. */
   count_uses_expr(bb->next, uses);
   for (Int i = bb->stmts_used - 1; i >= 0; i--) {
      const IRStmt* st = bb->stmts[i];
      if (st->tag == Ist_WrTmp && uses[st->Ist.WrTmp.tmp] == 0)
         continue;
      count_uses_stmt(st, uses);
   }

   TBEnv env;
   env.used = 0;
   Int j = 0;   /* where the next output statement goes (j <= i) */
   for (Int i = 0; i < bb->stmts_used; i++) {
      IRStmt* st = bb->stmts[i];
      if (st->tag == Ist_NoOp)
         continue;

      if (env.used == TB_NENV) {
         bb->stmts[j++] = IRStmt_WrTmp(env.b[0].binder, env.b[0].bindee);
         env.b[0].bindee = NULL;
         tb_compact(&env);
      }

      if (st->tag == Ist_WrTmp && uses[st->Ist.WrTmp.tmp] <= 1) {
         if (uses[st->Ist.WrTmp.tmp] == 0)
            continue;   /* dead */
         IRExpr* e = tb_subst(&env, st->Ist.WrTmp.data);
         tb_compact(&env);
         TBBinding* b  = &env.b[env.used++];
         b->binder      = st->Ist.WrTmp.tmp;
         b->bindee      = e;
         b->does_load   = False;
         b->reads_state = False;
         b->state.lo    = b->state.hi = -1;
         tb_set_hints(b, e);
         continue;
      }

      IRStmt* st2 = tb_subst_stmt(&env, st);

      /* What the statement does that a held-back value may not be
         moved past. */
      Bool   writes_state = False, state_precise = False;
      GRange wrote = { -1, -1 };
      switch (st->tag) {
         case Ist_Put:
            writes_state = True;
            wrote = range_of_put(bb->tyenv, st->Ist.Put.offset,
                                 st->Ist.Put.data);
            break;
         case Ist_PutI:
            writes_state = True;
            wrote = range_of_array(st->Ist.PutI.details->descr);
            break;
         case Ist_Dirty:
            wrote = dirty_write_range(st->Ist.Dirty.details, &writes_state);
            break;
         default:
            break;
      }
      if (writes_state)
         state_precise = precise_at_mem(preciseMemExnsFn, pxControl,
                                        wrote.lo, wrote.hi);
      Bool writes_mem
         = toBool(st->tag == Ist_Store || st->tag == Ist_StoreG
                  || st->tag == Ist_CAS || st->tag == Ist_LLSC
                  || (st->tag == Ist_Dirty
                      && dirty_writes_memory(st->Ist.Dirty.details)));
      Bool barrier = toBool(st->tag == Ist_MBE || st->tag == Ist_AbiHint);
      Bool is_exit = toBool(st->tag == Ist_Exit);

      for (Int k = 0; k < env.used; k++) {
         TBBinding* b = &env.b[k];
         if (b->bindee == NULL)
            continue;
         Bool flush
            = toBool(barrier
                     || (b->does_load
                         && (writes_mem || is_exit
                             || (writes_state && state_precise)))
                     || (b->reads_state && writes_state
                         && ranges_overlap(b->state, wrote)));
         if (flush) {
            bb->stmts[j++] = IRStmt_WrTmp(b->binder, b->bindee);
            b->bindee = NULL;
         }
      }
      tb_compact(&env);
      vassert(j <= i);
      bb->stmts[j++] = st2;
   }

   bb->next = tb_subst(&env, bb->next);
   tb_compact(&env);
   vassert(env.used == 0);
   bb->stmts_used = j;
   return max_ga_known ? max_ga : ~(Addr64)0;
}
