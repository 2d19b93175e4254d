/* Superblock formation, independent of the guest architecture.  See
   guest_generic_bb_to_IR.h. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "ir_opt.h"

/* ================================================================== */
/* Flattening (the optimiser's flattener, ir_opt.c)                   */
/* ================================================================== */

IRTemp flatAssignToNewTemp(IRSB* bb, IRExpr* e)
{
   IRExpr* rhs = flatten_rhs_into(bb, e);
   IRTemp  t   = newIRTemp(bb->tyenv, typeOfIRExpr(bb->tyenv, rhs));
   addStmtToIRSB(bb, IRStmt_WrTmp(t, rhs));
   return t;
}

void addFlatStmtToIRSB(IRSB* bb, IRStmt* st)
{
   /* flatten_stmt_into drops NoOps; callers here expect every statement
      they pass to be added. */
   if (st->tag == Ist_NoOp)
      addStmtToIRSB(bb, st);
   else
      flatten_stmt_into(bb, st);
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

      /* Go on at the destination of an unconditional direct jump or
         call, or past a conditional branch (its taken side is already a
         side exit)?  Going on at the next instruction stays in the same
         extent; anywhere else takes one of the three. */
      if (dres.chase_ok && p->guest_chase
          && n_instrs < p->guest_max_insns
          && dres.next_StopHere->tag == Iex_Const
          && (dres.jk_StopHere == Ijk_Boring || dres.jk_StopHere == Ijk_Call)) {
         const IRConst* c = dres.next_StopHere->Iex.Const.con;
         Addr64 target = c->tag == Ico_U64 ? c->Ico.U64 : (Addr64)c->Ico.U32;
         Bool same_extent = target == next_pc;
         if ((same_extent || vge->n_used < 3)
             && (p->chase_into_ok == NULL
                 || p->chase_into_ok(p->callback_opaque, target))) {
            addStmtToIRSB(irsb, IRStmt_Put(p->offB_GUEST_IP,
                                           dres.next_StopHere));
            if (!same_extent) {
               vge->base[vge->n_used] = target;
               vge->len[vge->n_used]  = 0;
               vge->n_used++;
            }
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
