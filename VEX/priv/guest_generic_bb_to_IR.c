/* Superblock formation, independent of the guest architecture.  See
   guest_generic_bb_to_IR.h. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"

/* ================================================================== */
/* Flattening                                                         */
/* ================================================================== */

static IRExpr* flat_atom(IRSB* bb, IRExpr* e);

/* A copy of E whose operands are all atoms: the right-hand side of a
   flat WrTmp. */
static IRExpr* flat_rhs(IRSB* bb, IRExpr* e)
{
   switch (e->tag) {
      case Iex_Get:
      case Iex_RdTmp:
      case Iex_Const:
         return e;
      case Iex_GetI:
         return IRExpr_GetI(e->Iex.GetI.descr,
                            flat_atom(bb, e->Iex.GetI.ix), e->Iex.GetI.bias);
      case Iex_Qop: {
         const IRQop* q = e->Iex.Qop.details;
         IRExpr* a1 = flat_atom(bb, q->arg1);
         IRExpr* a2 = flat_atom(bb, q->arg2);
         IRExpr* a3 = flat_atom(bb, q->arg3);
         IRExpr* a4 = flat_atom(bb, q->arg4);
         return IRExpr_Qop(q->op, a1, a2, a3, a4);
      }
      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         IRExpr* a1 = flat_atom(bb, t->arg1);
         IRExpr* a2 = flat_atom(bb, t->arg2);
         IRExpr* a3 = flat_atom(bb, t->arg3);
         return IRExpr_Triop(t->op, a1, a2, a3);
      }
      case Iex_Binop: {
         IRExpr* a1 = flat_atom(bb, e->Iex.Binop.arg1);
         IRExpr* a2 = flat_atom(bb, e->Iex.Binop.arg2);
         return IRExpr_Binop(e->Iex.Binop.op, a1, a2);
      }
      case Iex_Unop:
         return IRExpr_Unop(e->Iex.Unop.op, flat_atom(bb, e->Iex.Unop.arg));
      case Iex_Load:
         return IRExpr_Load(e->Iex.Load.end, e->Iex.Load.ty,
                            flat_atom(bb, e->Iex.Load.addr));
      case Iex_CCall: {
         IRExpr** args = shallowCopyIRExprVec(e->Iex.CCall.args);
         for (Int i = 0; args[i] != NULL; i++)
            args[i] = flat_atom(bb, args[i]);
         return IRExpr_CCall(e->Iex.CCall.cee, e->Iex.CCall.retty, args);
      }
      case Iex_ITE: {
         IRExpr* c  = flat_atom(bb, e->Iex.ITE.cond);
         IRExpr* t  = flat_atom(bb, e->Iex.ITE.iftrue);
         IRExpr* f  = flat_atom(bb, e->Iex.ITE.iffalse);
         return IRExpr_ITE(c, t, f);
      }
      case Iex_Binder:
      case Iex_VECRET:
      case Iex_GSPTR:
         break;
   }
   vpanic("flat_rhs: unexpected expression");
}

/* An atom with E's value: E itself, or a new temporary assigned E. */
static IRExpr* flat_atom(IRSB* bb, IRExpr* e)
{
   if (isIRAtom(e))
      return e;
   IRExpr* rhs = flat_rhs(bb, e);
   IRTemp  t   = newIRTemp(bb->tyenv, typeOfIRExpr(bb->tyenv, rhs));
   addStmtToIRSB(bb, IRStmt_WrTmp(t, rhs));
   return IRExpr_RdTmp(t);
}

static IRExpr* flat_atom_or_null(IRSB* bb, IRExpr* e)
{
   return e == NULL ? NULL : flat_atom(bb, e);
}

IRTemp flatAssignToNewTemp(IRSB* bb, IRExpr* e)
{
   IRExpr* rhs = flat_rhs(bb, e);
   IRTemp  t   = newIRTemp(bb->tyenv, typeOfIRExpr(bb->tyenv, rhs));
   addStmtToIRSB(bb, IRStmt_WrTmp(t, rhs));
   return t;
}

void addFlatStmtToIRSB(IRSB* bb, IRStmt* st)
{
   switch (st->tag) {
      case Ist_NoOp:
      case Ist_IMark:
      case Ist_MBE:
         addStmtToIRSB(bb, st);
         return;
      case Ist_AbiHint: {
         IRExpr* base = flat_atom(bb, st->Ist.AbiHint.base);
         IRExpr* nia  = flat_atom(bb, st->Ist.AbiHint.nia);
         addStmtToIRSB(bb, IRStmt_AbiHint(base, st->Ist.AbiHint.len, nia));
         return;
      }
      case Ist_Put:
         addStmtToIRSB(bb, IRStmt_Put(st->Ist.Put.offset,
                                      flat_atom(bb, st->Ist.Put.data)));
         return;
      case Ist_PutI: {
         const IRPutI* p = st->Ist.PutI.details;
         IRExpr* ix   = flat_atom(bb, p->ix);
         IRExpr* data = flat_atom(bb, p->data);
         addStmtToIRSB(bb, IRStmt_PutI(mkIRPutI(p->descr, ix, p->bias, data)));
         return;
      }
      case Ist_WrTmp:
         addStmtToIRSB(bb, IRStmt_WrTmp(st->Ist.WrTmp.tmp,
                                        flat_rhs(bb, st->Ist.WrTmp.data)));
         return;
      case Ist_Store: {
         IRExpr* addr = flat_atom(bb, st->Ist.Store.addr);
         IRExpr* data = flat_atom(bb, st->Ist.Store.data);
         addStmtToIRSB(bb, IRStmt_Store(st->Ist.Store.end, addr, data));
         return;
      }
      case Ist_StoreG: {
         const IRStoreG* sg = st->Ist.StoreG.details;
         IRExpr* addr  = flat_atom(bb, sg->addr);
         IRExpr* data  = flat_atom(bb, sg->data);
         IRExpr* guard = flat_atom(bb, sg->guard);
         addStmtToIRSB(bb, IRStmt_StoreG(sg->end, addr, data, guard));
         return;
      }
      case Ist_LoadG: {
         const IRLoadG* lg = st->Ist.LoadG.details;
         IRExpr* addr  = flat_atom(bb, lg->addr);
         IRExpr* alt   = flat_atom(bb, lg->alt);
         IRExpr* guard = flat_atom(bb, lg->guard);
         addStmtToIRSB(bb, IRStmt_LoadG(lg->end, lg->cvt, lg->dst, addr,
                                        alt, guard));
         return;
      }
      case Ist_CAS: {
         const IRCAS* c = st->Ist.CAS.details;
         IRExpr* addr   = flat_atom(bb, c->addr);
         IRExpr* expdHi = flat_atom_or_null(bb, c->expdHi);
         IRExpr* expdLo = flat_atom(bb, c->expdLo);
         IRExpr* dataHi = flat_atom_or_null(bb, c->dataHi);
         IRExpr* dataLo = flat_atom(bb, c->dataLo);
         addStmtToIRSB(bb, IRStmt_CAS(mkIRCAS(c->oldHi, c->oldLo, c->end,
                                              addr, expdHi, expdLo,
                                              dataHi, dataLo)));
         return;
      }
      case Ist_LLSC: {
         IRExpr* addr = flat_atom(bb, st->Ist.LLSC.addr);
         IRExpr* data = flat_atom_or_null(bb, st->Ist.LLSC.storedata);
         addStmtToIRSB(bb, IRStmt_LLSC(st->Ist.LLSC.end, st->Ist.LLSC.result,
                                       addr, data));
         return;
      }
      case Ist_Dirty: {
         const IRDirty* d0 = st->Ist.Dirty.details;
         IRDirty* d = emptyIRDirty();
         *d = *d0;
         d->args = shallowCopyIRExprVec(d0->args);
         for (Int i = 0; d->args[i] != NULL; i++) {
            if (!is_IRExpr_VECRET_or_GSPTR(d->args[i]))
               d->args[i] = flat_atom(bb, d->args[i]);
         }
         d->guard = flat_atom(bb, d0->guard);
         d->mAddr = flat_atom_or_null(bb, d0->mAddr);
         addStmtToIRSB(bb, IRStmt_Dirty(d));
         return;
      }
      case Ist_Exit:
         addStmtToIRSB(bb, IRStmt_Exit(flat_atom(bb, st->Ist.Exit.guard),
                                       st->Ist.Exit.jk, st->Ist.Exit.dst,
                                       st->Ist.Exit.offsIP));
         return;
   }
   vpanic("addFlatStmtToIRSB: unknown statement");
}

/* ================================================================== */
/* Superblocks                                                        */
/* ================================================================== */

static IRExpr* guest_word_const(IRType ty, Addr64 a)
{
   return IRExpr_Const(ty == Ity_I64 ? IRConst_U64(a) : IRConst_U32((UInt)a));
}

static void trace_stmts(const IRSB* bb, Int from)
{
   for (Int i = from; i < bb->stmts_used; i++) {
      vex_printf("              ");
      ppIRStmt(bb->stmts[i]);
      vex_printf("\n");
   }
   vex_printf("\n");
}

IRSB* bb_to_IR(const BbToIRParams* p, VexGuestExtents* vge,
               UInt* n_guest_instrs)
{
   vassert(p->dis_instr_fn != NULL);
   vassert(p->guest_max_insns >= 1 && p->guest_max_insns <= 100);
   vassert(p->guest_word_type == Ity_I32 || p->guest_word_type == Ity_I64);

   IRSB* irsb = emptyIRSB();
   irsb->offsIP = p->offB_GUEST_IP;

   vge->n_used  = 1;
   vge->base[0] = p->guest_IP_bbstart;
   vge->len[0]  = 0;
   vge->base[1] = vge->base[2] = 0;
   vge->len[1]  = vge->len[2]  = 0;

   Addr64 pc       = p->guest_IP_bbstart;
   Int    n_instrs = 0;

   for (;;) {
      Int imark_at = irsb->stmts_used;
      addStmtToIRSB(irsb, IRStmt_IMark(pc, 0, 0));

      DisResult dres = p->dis_instr_fn(irsb,
                                       p->guest_code
                                          + (pc - p->guest_IP_bbstart),
                                       pc, toBool(n_instrs == 0), p->trace);
      n_instrs++;

      if (dres.len == 0) {
         /* Not decoded: the block ends here, at this instruction. */
         vassert(dres.whatNext == Dis_StopHere);
         vassert(dres.jk_StopHere == Ijk_NoDecode);
         vassert(irsb->stmts_used == imark_at + 1);
         irsb->stmts[imark_at] = IRStmt_NoOp();
      } else {
         /* (up to 24: an architecture's "special" sequences, such as
            amd64's 19-byte client request, are one instruction) */
         vassert(dres.len > 0 && dres.len <= 24);
         irsb->stmts[imark_at]->Ist.IMark.len = (UInt)dres.len;
         vge->len[vge->n_used - 1] =
            (UShort)(vge->len[vge->n_used - 1] + dres.len);
      }
      if (p->trace)
         trace_stmts(irsb, imark_at);

      Addr64 next_pc = pc + (Addr64)dres.len;

      if (dres.whatNext == Dis_Continue) {
         if (n_instrs >= p->guest_max_insns) {
            irsb->next     = guest_word_const(p->guest_word_type, next_pc);
            irsb->jumpkind = Ijk_Boring;
            break;
         }
         addStmtToIRSB(irsb, IRStmt_Put(p->offB_GUEST_IP,
                                        guest_word_const(p->guest_word_type,
                                                         next_pc)));
         pc = next_pc;
         continue;
      }

      vassert(dres.whatNext == Dis_StopHere);
      vassert(dres.next_StopHere != NULL && isIRAtom(dres.next_StopHere));

      /* Chase an unconditional direct jump or call? */
      if (dres.chase_ok && p->guest_chase
          && n_instrs < p->guest_max_insns && vge->n_used < 3
          && dres.next_StopHere->tag == Iex_Const
          && (dres.jk_StopHere == Ijk_Boring || dres.jk_StopHere == Ijk_Call)) {
         const IRConst* c = dres.next_StopHere->Iex.Const.con;
         Addr64 target = c->tag == Ico_U64 ? c->Ico.U64 : (Addr64)c->Ico.U32;
         if (p->chase_into_ok == NULL
             || p->chase_into_ok(p->callback_opaque, target)) {
            addStmtToIRSB(irsb, IRStmt_Put(p->offB_GUEST_IP,
                                           dres.next_StopHere));
            vge->base[vge->n_used] = target;
            vge->len[vge->n_used]  = 0;
            vge->n_used++;
            pc = target;
            continue;
         }
      }
      irsb->next     = dres.next_StopHere;
      irsb->jumpkind = dres.jk_StopHere;
      break;
   }

   if (n_guest_instrs != NULL)
      *n_guest_instrs = (UInt)n_instrs;
   if (p->trace) {
      ppIRSB(irsb);
      vex_printf("\n");
   }
   sanityCheckIRSB(irsb, "bb_to_IR", True, p->guest_word_type);
   return irsb;
}
