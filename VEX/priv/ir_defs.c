/* The IR's definitions: the table of operations, constructors, deep
   copies, type queries, the printer (VEX's textual form, byte for byte)
   and the sanity checker.  See libvex_ir.h for what each piece means. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "main_util.h"

/* ================================================================== */
/* The operation table                                                */
/* ================================================================== */

/* One entry per op, made from the single list in libvex_ir.h. */
typedef struct {
   const HChar* name;
   UChar        arity;
   IRType       res;
   IRType       arg[4];
} IROpInfo;

/* The type words of the list, mapped to IRTypes. */
#define OPTY_I1   Ity_I1
#define OPTY_I8   Ity_I8
#define OPTY_I16  Ity_I16
#define OPTY_I32  Ity_I32
#define OPTY_I64  Ity_I64
#define OPTY_I128 Ity_I128
#define OPTY_F16  Ity_F16
#define OPTY_F32  Ity_F32
#define OPTY_F64  Ity_F64
#define OPTY_F128 Ity_F128
#define OPTY_V128 Ity_V128
#define OPTY_V256 Ity_V256
#define OPTY_RM   Ity_I32      /* a rounding mode travels as an I32 */
#define OPTY(t)   OPTY_##t

#define NOARG Ity_INVALID
#define OPINFO1(n, r, a1) \
   { #n, 1, OPTY(r), { OPTY(a1), NOARG, NOARG, NOARG } },
#define OPINFO2(n, r, a1, a2) \
   { #n, 2, OPTY(r), { OPTY(a1), OPTY(a2), NOARG, NOARG } },
#define OPINFO3(n, r, a1, a2, a3) \
   { #n, 3, OPTY(r), { OPTY(a1), OPTY(a2), OPTY(a3), NOARG } },
#define OPINFO4(n, r, a1, a2, a3, a4) \
   { #n, 4, OPTY(r), { OPTY(a1), OPTY(a2), OPTY(a3), OPTY(a4) } },

static const IROpInfo irop_info[] = {
   VEX_FOR_EACH_IROP(OPINFO1, OPINFO2, OPINFO3, OPINFO4)
};

_Static_assert(sizeof irop_info / sizeof irop_info[0]
                  == (unsigned)(Iop_LAST - Iop_INVALID - 1),
               "the op table and the IROp enumeration disagree");

Bool isValidIROp(IROp op)
{
   return toBool(op > Iop_INVALID && op < Iop_LAST);
}

static const IROpInfo* info_of(IROp op)
{
   if (!isValidIROp(op)) {
      vex_printf("op = 0x%x\n", (UInt)op);
      vpanic("IROp: not a valid operation");
   }
   return &irop_info[op - Iop_INVALID - 1];
}

const HChar* nameOfIROp(IROp op)
{
   return info_of(op)->name;
}

Int arityOfIROp(IROp op)
{
   return info_of(op)->arity;
}

void typeOfPrimop(IROp op, IRType* t_dst, IRType* t_arg1, IRType* t_arg2,
                  IRType* t_arg3, IRType* t_arg4)
{
   const IROpInfo* info = info_of(op);
   *t_dst  = info->res;
   *t_arg1 = info->arg[0];
   *t_arg2 = info->arg[1];
   *t_arg3 = info->arg[2];
   *t_arg4 = info->arg[3];
}

/* ================================================================== */
/* Printing                                                           */
/* ================================================================== */

/* The printers are tolerant of bad values (they print them as such
   rather than panic), because the sanity checker prints whole blocks
   that are known to be broken. */

static const HChar* name_of_type(IRType ty)
{
   switch (ty) {
      case Ity_INVALID: return "Ity_INVALID";
      case Ity_I1:      return "I1";
      case Ity_I8:      return "I8";
      case Ity_I16:     return "I16";
      case Ity_I32:     return "I32";
      case Ity_I64:     return "I64";
      case Ity_I128:    return "I128";
      case Ity_F16:     return "F16";
      case Ity_F32:     return "F32";
      case Ity_F64:     return "F64";
      case Ity_D32:     return "D32";
      case Ity_D64:     return "D64";
      case Ity_D128:    return "D128";
      case Ity_F128:    return "F128";
      case Ity_V128:    return "V128";
      case Ity_V256:    return "V256";
   }
   return NULL;
}

void ppIRType(IRType ty)
{
   const HChar* name = name_of_type(ty);
   if (name != NULL)
      vex_printf("%s", name);
   else
      vex_printf("Ity_?(0x%x)", (UInt)ty);
}

static const HChar* endness_suffix(IREndness end)
{
   return end == Iend_LE ? "le" : end == Iend_BE ? "be" : "??";
}

void ppIRConst(const IRConst* con)
{
   union { Float f; UInt i; } u32;
   union { Double f; ULong i; } u64;
   switch (con->tag) {
      case Ico_U1:   vex_printf("%d:I1", con->Ico.U1 ? 1 : 0); break;
      case Ico_U8:   vex_printf("0x%x:I8", (UInt)con->Ico.U8); break;
      case Ico_U16:  vex_printf("0x%x:I16", (UInt)con->Ico.U16); break;
      case Ico_U32:  vex_printf("0x%x:I32", con->Ico.U32); break;
      case Ico_U64:  vex_printf("0x%llx:I64", con->Ico.U64); break;
      case Ico_F32:
         u32.f = con->Ico.F32;
         vex_printf("F32{0x%x}", u32.i);
         break;
      case Ico_F32i: vex_printf("F32i{0x%x}", con->Ico.F32i); break;
      case Ico_F64:
         u64.f = con->Ico.F64;
         vex_printf("F64{0x%llx}", u64.i);
         break;
      case Ico_F64i: vex_printf("F64i{0x%llx}", con->Ico.F64i); break;
      case Ico_V128: vex_printf("V128{0x%04x}", (UInt)con->Ico.V128); break;
      case Ico_V256: vex_printf("V256{0x%08x}", con->Ico.V256); break;
      default:       vex_printf("Ico_?(0x%x)", (UInt)con->tag); break;
   }
}

void ppIRCallee(const IRCallee* ce)
{
   vex_printf("%s", ce->name);
   if (ce->regparms > 0)
      vex_printf("[rp=%d]", ce->regparms);
   if (ce->mcx_mask > 0)
      vex_printf("[mcx=0x%x]", ce->mcx_mask);
   vex_printf("{%p}", ce->addr);
}

void ppIRRegArray(const IRRegArray* arr)
{
   vex_printf("(%d:%dx", arr->base, arr->nElems);
   ppIRType(arr->elemTy);
   vex_printf(")");
}

void ppIRTemp(IRTemp tmp)
{
   if (tmp == IRTemp_INVALID)
      vex_printf("IRTemp_INVALID");
   else
      vex_printf("t%u", tmp);
}

void ppIROp(IROp op)
{
   if (isValidIROp(op))
      vex_printf("%s", irop_info[op - Iop_INVALID - 1].name);
   else
      vex_printf("Iop_?(0x%x)", (UInt)op);
}

/* "(a1,a2,...)" for a NULL-terminated argument vector. */
static void pp_args(IRExpr* const* args)
{
   vex_printf("(");
   for (Int i = 0; args != NULL && args[i] != NULL; i++) {
      if (i > 0)
         vex_printf(",");
      ppIRExpr(args[i]);
   }
   vex_printf(")");
}

/* "op(a1,...,an)" */
static void pp_op_app(IROp op, Int n, const IRExpr* a1, const IRExpr* a2,
                      const IRExpr* a3, const IRExpr* a4)
{
   const IRExpr* args[4] = { a1, a2, a3, a4 };
   ppIROp(op);
   vex_printf("(");
   for (Int i = 0; i < n; i++) {
      if (i > 0)
         vex_printf(",");
      ppIRExpr(args[i]);
   }
   vex_printf(")");
}

void ppIRExpr(const IRExpr* e)
{
   if (e == NULL) {
      vex_printf("!!NULL-IRExpr!!");
      return;
   }
   switch (e->tag) {
      case Iex_Binder:
         vex_printf("BIND-%d", e->Iex.Binder.binder);
         break;
      case Iex_Get:
         vex_printf("GET:");
         ppIRType(e->Iex.Get.ty);
         vex_printf("(%d)", e->Iex.Get.offset);
         break;
      case Iex_GetI:
         vex_printf("GETI");
         ppIRRegArray(e->Iex.GetI.descr);
         vex_printf("[");
         ppIRExpr(e->Iex.GetI.ix);
         vex_printf(",%d]", e->Iex.GetI.bias);
         break;
      case Iex_RdTmp:
         ppIRTemp(e->Iex.RdTmp.tmp);
         break;
      case Iex_Qop: {
         const IRQop* q = e->Iex.Qop.details;
         pp_op_app(q->op, 4, q->arg1, q->arg2, q->arg3, q->arg4);
         break;
      }
      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         pp_op_app(t->op, 3, t->arg1, t->arg2, t->arg3, NULL);
         break;
      }
      case Iex_Binop:
         pp_op_app(e->Iex.Binop.op, 2, e->Iex.Binop.arg1, e->Iex.Binop.arg2,
                   NULL, NULL);
         break;
      case Iex_Unop:
         pp_op_app(e->Iex.Unop.op, 1, e->Iex.Unop.arg, NULL, NULL, NULL);
         break;
      case Iex_Load:
         vex_printf("LD%s:", endness_suffix(e->Iex.Load.end));
         ppIRType(e->Iex.Load.ty);
         vex_printf("(");
         ppIRExpr(e->Iex.Load.addr);
         vex_printf(")");
         break;
      case Iex_Const:
         ppIRConst(e->Iex.Const.con);
         break;
      case Iex_CCall:
         ppIRCallee(e->Iex.CCall.cee);
         pp_args(e->Iex.CCall.args);
         vex_printf(":");
         ppIRType(e->Iex.CCall.retty);
         break;
      case Iex_ITE:
         vex_printf("ITE(");
         ppIRExpr(e->Iex.ITE.cond);
         vex_printf(",");
         ppIRExpr(e->Iex.ITE.iftrue);
         vex_printf(",");
         ppIRExpr(e->Iex.ITE.iffalse);
         vex_printf(")");
         break;
      case Iex_VECRET:
         vex_printf("VECRET");
         break;
      case Iex_GSPTR:
         vex_printf("GSPTR");
         break;
      default:
         vex_printf("Iex_?(0x%x)", (UInt)e->tag);
         break;
   }
}

void ppIREffect(IREffect fx)
{
   switch (fx) {
      case Ifx_None:   vex_printf("noFX"); break;
      case Ifx_Read:   vex_printf("RdFX"); break;
      case Ifx_Write:  vex_printf("WrFX"); break;
      case Ifx_Modify: vex_printf("MoFX"); break;
      default:         vex_printf("Ifx_?(0x%x)", (UInt)fx); break;
   }
}

void ppIRDirty(const IRDirty* d)
{
   if (d->tmp != IRTemp_INVALID) {
      ppIRTemp(d->tmp);
      vex_printf(" = ");
   }
   vex_printf("DIRTY ");
   ppIRExpr(d->guard);
   if (d->mFx != Ifx_None) {
      vex_printf(" ");
      ppIREffect(d->mFx);
      vex_printf("-mem(");
      ppIRExpr(d->mAddr);
      vex_printf(",%d)", d->mSize);
   }
   for (Int i = 0; i < d->nFxState && i < VEX_N_FXSTATE; i++) {
      vex_printf(" ");
      ppIREffect(d->fxState[i].fx);
      vex_printf("-gst(%u,%u", (UInt)d->fxState[i].offset,
                 (UInt)d->fxState[i].size);
      if (d->fxState[i].nRepeats > 0)
         vex_printf(",reps%u,step%u", (UInt)d->fxState[i].nRepeats,
                    (UInt)d->fxState[i].repeatLen);
      vex_printf(")");
   }
   vex_printf(" ::: ");
   ppIRCallee(d->cee);
   pp_args(d->args);
}

void ppIRCAS(const IRCAS* cas)
{
   /* Printed even when ill-formed, to help whoever is debugging. */
   if (cas->oldHi != IRTemp_INVALID) {
      ppIRTemp(cas->oldHi);
      vex_printf(",");
   }
   ppIRTemp(cas->oldLo);
   vex_printf(" = CAS%s(", endness_suffix(cas->end));
   ppIRExpr(cas->addr);
   vex_printf("::");
   if (cas->expdHi != NULL) {
      ppIRExpr(cas->expdHi);
      vex_printf(",");
   }
   ppIRExpr(cas->expdLo);
   vex_printf("->");
   if (cas->dataHi != NULL) {
      ppIRExpr(cas->dataHi);
      vex_printf(",");
   }
   ppIRExpr(cas->dataLo);
   vex_printf(")");
}

void ppIRPutI(const IRPutI* puti)
{
   vex_printf("PUTI");
   ppIRRegArray(puti->descr);
   vex_printf("[");
   ppIRExpr(puti->ix);
   vex_printf(",%d] = ", puti->bias);
   ppIRExpr(puti->data);
}

void ppIRStoreG(const IRStoreG* sg)
{
   vex_printf("if (");
   ppIRExpr(sg->guard);
   vex_printf(") { ST%s(", endness_suffix(sg->end));
   ppIRExpr(sg->addr);
   vex_printf(") = ");
   ppIRExpr(sg->data);
   vex_printf(" }");
}

void ppIRLoadGOp(IRLoadGOp cvt)
{
   switch (cvt) {
      case ILGop_INVALID:   vex_printf("ILGop_INVALID"); break;
      case ILGop_IdentV128: vex_printf("IdentV128"); break;
      case ILGop_Ident64:   vex_printf("Ident64"); break;
      case ILGop_Ident32:   vex_printf("Ident32"); break;
      case ILGop_16Uto32:   vex_printf("16Uto32"); break;
      case ILGop_16Sto32:   vex_printf("16Sto32"); break;
      case ILGop_8Uto32:    vex_printf("8Uto32"); break;
      case ILGop_8Sto32:    vex_printf("8Sto32"); break;
      default:              vex_printf("ILGop_?(0x%x)", (UInt)cvt); break;
   }
}

void ppIRLoadG(const IRLoadG* lg)
{
   ppIRTemp(lg->dst);
   vex_printf(" = if-strict (");
   ppIRExpr(lg->guard);
   vex_printf(") ");
   ppIRLoadGOp(lg->cvt);
   vex_printf("(LD%s(", endness_suffix(lg->end));
   ppIRExpr(lg->addr);
   vex_printf(")) else ");
   ppIRExpr(lg->alt);
}

static const HChar* name_of_jumpkind(IRJumpKind kind)
{
   switch (kind) {
      case Ijk_INVALID:       return "INVALID";
      case Ijk_Boring:        return "Boring";
      case Ijk_Call:          return "Call";
      case Ijk_Ret:           return "Return";
      case Ijk_ClientReq:     return "ClientReq";
      case Ijk_Yield:         return "Yield";
      case Ijk_EmWarn:        return "EmWarn";
      case Ijk_EmFail:        return "EmFail";
      case Ijk_NoDecode:      return "NoDecode";
      case Ijk_MapFail:       return "MapFail";
      case Ijk_InvalICache:   return "InvalICache";
      case Ijk_FlushDCache:   return "FlushDCache";
      case Ijk_NoRedir:       return "NoRedir";
      case Ijk_SigILL:        return "SigILL";
      case Ijk_SigTRAP:       return "SigTRAP";
      case Ijk_SigSEGV:       return "SigSEGV";
      case Ijk_SigBUS:        return "SigBUS";
      case Ijk_SigFPE_IntDiv: return "SigFPE_IntDiv";
      case Ijk_SigFPE_IntOvf: return "SigFPE_IntOvf";
      case Ijk_Sys_syscall:   return "Sys_syscall";
      case Ijk_Sys_int32:     return "Sys_int32";
      case Ijk_Sys_int128:    return "Sys_int128";
      case Ijk_Sys_int129:    return "Sys_int129";
      case Ijk_Sys_int130:    return "Sys_int130";
      case Ijk_Sys_int145:    return "Sys_int145";
      case Ijk_Sys_int210:    return "Sys_int210";
      case Ijk_Sys_sysenter:  return "Sys_sysenter";
   }
   return NULL;
}

void ppIRJumpKind(IRJumpKind kind)
{
   const HChar* name = name_of_jumpkind(kind);
   if (name != NULL)
      vex_printf("%s", name);
   else
      vex_printf("Ijk_?(0x%x)", (UInt)kind);
}

void ppIRMBusEvent(IRMBusEvent event)
{
   switch (event) {
      case Imbe_Fence:             vex_printf("Fence"); break;
      case Imbe_CancelReservation: vex_printf("CancelReservation"); break;
      default:                     vex_printf("Imbe_?(0x%x)", (UInt)event);
                                   break;
   }
}

void ppIRStmt(const IRStmt* s)
{
   if (s == NULL) {
      vex_printf("!!! IRStmt* which is NULL !!!");
      return;
   }
   switch (s->tag) {
      case Ist_NoOp:
         vex_printf("IR-NoOp");
         break;
      case Ist_IMark:
         vex_printf("------ IMark(0x%llx, %u, %u) ------",
                    (ULong)s->Ist.IMark.addr, s->Ist.IMark.len,
                    (UInt)s->Ist.IMark.delta);
         break;
      case Ist_AbiHint:
         vex_printf("====== AbiHint(");
         ppIRExpr(s->Ist.AbiHint.base);
         vex_printf(", %d, ", s->Ist.AbiHint.len);
         ppIRExpr(s->Ist.AbiHint.nia);
         vex_printf(") ======");
         break;
      case Ist_Put:
         vex_printf("PUT(%d) = ", s->Ist.Put.offset);
         ppIRExpr(s->Ist.Put.data);
         break;
      case Ist_PutI:
         ppIRPutI(s->Ist.PutI.details);
         break;
      case Ist_WrTmp:
         ppIRTemp(s->Ist.WrTmp.tmp);
         vex_printf(" = ");
         ppIRExpr(s->Ist.WrTmp.data);
         break;
      case Ist_Store:
         vex_printf("ST%s(", endness_suffix(s->Ist.Store.end));
         ppIRExpr(s->Ist.Store.addr);
         vex_printf(") = ");
         ppIRExpr(s->Ist.Store.data);
         break;
      case Ist_StoreG:
         ppIRStoreG(s->Ist.StoreG.details);
         break;
      case Ist_LoadG:
         ppIRLoadG(s->Ist.LoadG.details);
         break;
      case Ist_CAS:
         ppIRCAS(s->Ist.CAS.details);
         break;
      case Ist_LLSC:
         ppIRTemp(s->Ist.LLSC.result);
         if (s->Ist.LLSC.storedata == NULL) {
            vex_printf(" = LD%s-Linked(", endness_suffix(s->Ist.LLSC.end));
            ppIRExpr(s->Ist.LLSC.addr);
            vex_printf(")");
         } else {
            vex_printf(" = ( ST%s-Cond(", endness_suffix(s->Ist.LLSC.end));
            ppIRExpr(s->Ist.LLSC.addr);
            vex_printf(") = ");
            ppIRExpr(s->Ist.LLSC.storedata);
            vex_printf(" )");
         }
         break;
      case Ist_Dirty:
         ppIRDirty(s->Ist.Dirty.details);
         break;
      case Ist_MBE:
         vex_printf("IR-");
         ppIRMBusEvent(s->Ist.MBE.event);
         break;
      case Ist_Exit:
         vex_printf("if (");
         ppIRExpr(s->Ist.Exit.guard);
         vex_printf(") { PUT(%d) = ", s->Ist.Exit.offsIP);
         ppIRConst(s->Ist.Exit.dst);
         vex_printf("; exit-");
         ppIRJumpKind(s->Ist.Exit.jk);
         /* VEX leaves a space after the brace; so do we. */
         vex_printf(" } ");
         break;
      default:
         vex_printf("Ist_?(0x%x)", (UInt)s->tag);
         break;
   }
}

/* Eight temporaries to a line, each followed by three spaces except the
   eighth; and, as VEX does, one more newline unless the count is 7 mod 8
   (so a multiple of 8 leaves an empty line). */
void ppIRTypeEnv(const IRTypeEnv* env)
{
   for (Int i = 0; i < env->types_used; i++) {
      if (i % 8 == 0)
         vex_printf("   ");
      ppIRTemp((IRTemp)i);
      vex_printf(":");
      ppIRType(env->types[i]);
      if (i % 8 == 7)
         vex_printf("\n");
      else
         vex_printf("   ");
   }
   if (env->types_used > 0 && env->types_used % 8 != 7)
      vex_printf("\n");
}

void ppIRSB(const IRSB* bb)
{
   vex_printf("IRSB {\n");
   ppIRTypeEnv(bb->tyenv);
   vex_printf("\n");
   for (Int i = 0; i < bb->stmts_used; i++) {
      vex_printf("   ");
      ppIRStmt(bb->stmts[i]);
      vex_printf("\n");
   }
   vex_printf("   PUT(%d) = ", bb->offsIP);
   ppIRExpr(bb->next);
   vex_printf("; exit-");
   ppIRJumpKind(bb->jumpkind);
   vex_printf("\n}\n");
}

/* ================================================================== */
/* Constructors                                                       */
/* ================================================================== */

static IRConst* new_const(IRConstTag tag)
{
   IRConst* c = LibVEX_Alloc(sizeof(IRConst));
   c->tag = tag;
   return c;
}

IRConst* IRConst_U1(Bool bit)
{
   vassert(bit == False || bit == True);
   IRConst* c = new_const(Ico_U1);
   c->Ico.U1 = bit;
   return c;
}

IRConst* IRConst_U8(UChar u8)
{
   IRConst* c = new_const(Ico_U8);
   c->Ico.U8 = u8;
   return c;
}

IRConst* IRConst_U16(UShort u16)
{
   IRConst* c = new_const(Ico_U16);
   c->Ico.U16 = u16;
   return c;
}

IRConst* IRConst_U32(UInt u32)
{
   IRConst* c = new_const(Ico_U32);
   c->Ico.U32 = u32;
   return c;
}

IRConst* IRConst_U64(ULong u64)
{
   IRConst* c = new_const(Ico_U64);
   c->Ico.U64 = u64;
   return c;
}

IRConst* IRConst_F32(Float f32)
{
   IRConst* c = new_const(Ico_F32);
   c->Ico.F32 = f32;
   return c;
}

IRConst* IRConst_F32i(UInt f32i)
{
   IRConst* c = new_const(Ico_F32i);
   c->Ico.F32i = f32i;
   return c;
}

IRConst* IRConst_F64(Double f64)
{
   IRConst* c = new_const(Ico_F64);
   c->Ico.F64 = f64;
   return c;
}

IRConst* IRConst_F64i(ULong f64i)
{
   IRConst* c = new_const(Ico_F64i);
   c->Ico.F64i = f64i;
   return c;
}

IRConst* IRConst_V128(UShort mask)
{
   IRConst* c = new_const(Ico_V128);
   c->Ico.V128 = mask;
   return c;
}

IRConst* IRConst_V256(UInt mask)
{
   IRConst* c = new_const(Ico_V256);
   c->Ico.V256 = mask;
   return c;
}

IRCallee* mkIRCallee(Int regparms, const HChar* name, void* addr)
{
   vassert(regparms >= 0 && regparms <= 3);
   vassert(name != NULL);
   vassert(addr != NULL);
   IRCallee* ce = LibVEX_Alloc(sizeof(IRCallee));
   ce->regparms = regparms;
   ce->name     = name;
   ce->addr     = addr;
   ce->mcx_mask = 0;
   return ce;
}

/* Plausible register array bounds (the same limits as VEX's). */
static Bool sane_reg_array(const IRRegArray* arr)
{
   return toBool(arr != NULL
                 && arr->base >= 0 && arr->base <= 10000
                 && arr->elemTy != Ity_I1
                 && name_of_type(arr->elemTy) != NULL
                 && arr->elemTy != Ity_INVALID
                 && arr->nElems > 0 && arr->nElems <= 500);
}

IRRegArray* mkIRRegArray(Int base, IRType elemTy, Int nElems)
{
   IRRegArray* arr = LibVEX_Alloc(sizeof(IRRegArray));
   arr->base   = base;
   arr->elemTy = elemTy;
   arr->nElems = nElems;
   vassert(sane_reg_array(arr));
   return arr;
}

static IRExpr* new_expr(IRExprTag tag)
{
   IRExpr* e = LibVEX_Alloc(sizeof(IRExpr));
   e->tag = tag;
   return e;
}

IRExpr* IRExpr_Binder(Int binder)
{
   IRExpr* e = new_expr(Iex_Binder);
   e->Iex.Binder.binder = binder;
   return e;
}

IRExpr* IRExpr_Get(Int off, IRType ty)
{
   IRExpr* e = new_expr(Iex_Get);
   e->Iex.Get.offset = off;
   e->Iex.Get.ty     = ty;
   return e;
}

IRExpr* IRExpr_GetI(IRRegArray* descr, IRExpr* ix, Int bias)
{
   IRExpr* e = new_expr(Iex_GetI);
   e->Iex.GetI.descr = descr;
   e->Iex.GetI.ix    = ix;
   e->Iex.GetI.bias  = bias;
   return e;
}

IRExpr* IRExpr_RdTmp(IRTemp tmp)
{
   IRExpr* e = new_expr(Iex_RdTmp);
   e->Iex.RdTmp.tmp = tmp;
   return e;
}

IRExpr* IRExpr_Qop(IROp op, IRExpr* arg1, IRExpr* arg2, IRExpr* arg3,
                   IRExpr* arg4)
{
   IRQop* q = LibVEX_Alloc(sizeof(IRQop));
   q->op   = op;
   q->arg1 = arg1;
   q->arg2 = arg2;
   q->arg3 = arg3;
   q->arg4 = arg4;
   IRExpr* e = new_expr(Iex_Qop);
   e->Iex.Qop.details = q;
   return e;
}

IRExpr* IRExpr_Triop(IROp op, IRExpr* arg1, IRExpr* arg2, IRExpr* arg3)
{
   IRTriop* t = LibVEX_Alloc(sizeof(IRTriop));
   t->op   = op;
   t->arg1 = arg1;
   t->arg2 = arg2;
   t->arg3 = arg3;
   IRExpr* e = new_expr(Iex_Triop);
   e->Iex.Triop.details = t;
   return e;
}

IRExpr* IRExpr_Binop(IROp op, IRExpr* arg1, IRExpr* arg2)
{
   IRExpr* e = new_expr(Iex_Binop);
   e->Iex.Binop.op   = op;
   e->Iex.Binop.arg1 = arg1;
   e->Iex.Binop.arg2 = arg2;
   return e;
}

IRExpr* IRExpr_Unop(IROp op, IRExpr* arg)
{
   IRExpr* e = new_expr(Iex_Unop);
   e->Iex.Unop.op  = op;
   e->Iex.Unop.arg = arg;
   return e;
}

IRExpr* IRExpr_Load(IREndness end, IRType ty, IRExpr* addr)
{
   vassert(end == Iend_LE || end == Iend_BE);
   IRExpr* e = new_expr(Iex_Load);
   e->Iex.Load.end  = end;
   e->Iex.Load.ty   = ty;
   e->Iex.Load.addr = addr;
   return e;
}

IRExpr* IRExpr_Const(IRConst* con)
{
   IRExpr* e = new_expr(Iex_Const);
   e->Iex.Const.con = con;
   return e;
}

IRExpr* IRExpr_CCall(IRCallee* cee, IRType retty, IRExpr** args)
{
   IRExpr* e = new_expr(Iex_CCall);
   e->Iex.CCall.cee   = cee;
   e->Iex.CCall.retty = retty;
   e->Iex.CCall.args  = args;
   return e;
}

IRExpr* IRExpr_ITE(IRExpr* cond, IRExpr* iftrue, IRExpr* iffalse)
{
   IRExpr* e = new_expr(Iex_ITE);
   e->Iex.ITE.cond    = cond;
   e->Iex.ITE.iftrue  = iftrue;
   e->Iex.ITE.iffalse = iffalse;
   return e;
}

IRExpr* IRExpr_VECRET(void)
{
   return new_expr(Iex_VECRET);
}

IRExpr* IRExpr_GSPTR(void)
{
   return new_expr(Iex_GSPTR);
}

/* Argument vectors: N entries and the NULL terminator. */
static IRExpr** new_vec(Int n)
{
   IRExpr** vec = LibVEX_Alloc((SizeT)(n + 1) * sizeof(IRExpr*));
   vec[n] = NULL;
   return vec;
}

IRExpr** mkIRExprVec_0(void)
{
   return new_vec(0);
}

IRExpr** mkIRExprVec_1(IRExpr* a1)
{
   IRExpr** v = new_vec(1);
   v[0] = a1;
   return v;
}

IRExpr** mkIRExprVec_2(IRExpr* a1, IRExpr* a2)
{
   IRExpr** v = new_vec(2);
   v[0] = a1; v[1] = a2;
   return v;
}

IRExpr** mkIRExprVec_3(IRExpr* a1, IRExpr* a2, IRExpr* a3)
{
   IRExpr** v = new_vec(3);
   v[0] = a1; v[1] = a2; v[2] = a3;
   return v;
}

IRExpr** mkIRExprVec_4(IRExpr* a1, IRExpr* a2, IRExpr* a3, IRExpr* a4)
{
   IRExpr** v = new_vec(4);
   v[0] = a1; v[1] = a2; v[2] = a3; v[3] = a4;
   return v;
}

IRExpr** mkIRExprVec_5(IRExpr* a1, IRExpr* a2, IRExpr* a3, IRExpr* a4,
                       IRExpr* a5)
{
   IRExpr** v = new_vec(5);
   v[0] = a1; v[1] = a2; v[2] = a3; v[3] = a4; v[4] = a5;
   return v;
}

IRExpr** mkIRExprVec_6(IRExpr* a1, IRExpr* a2, IRExpr* a3, IRExpr* a4,
                       IRExpr* a5, IRExpr* a6)
{
   IRExpr** v = new_vec(6);
   v[0] = a1; v[1] = a2; v[2] = a3; v[3] = a4; v[4] = a5; v[5] = a6;
   return v;
}

IRExpr** mkIRExprVec_7(IRExpr* a1, IRExpr* a2, IRExpr* a3, IRExpr* a4,
                       IRExpr* a5, IRExpr* a6, IRExpr* a7)
{
   IRExpr** v = new_vec(7);
   v[0] = a1; v[1] = a2; v[2] = a3; v[3] = a4; v[4] = a5; v[5] = a6;
   v[6] = a7;
   return v;
}

IRExpr** mkIRExprVec_8(IRExpr* a1, IRExpr* a2, IRExpr* a3, IRExpr* a4,
                       IRExpr* a5, IRExpr* a6, IRExpr* a7, IRExpr* a8)
{
   IRExpr** v = new_vec(8);
   v[0] = a1; v[1] = a2; v[2] = a3; v[3] = a4; v[4] = a5; v[5] = a6;
   v[6] = a7; v[7] = a8;
   return v;
}

static Int count_args(IRExpr* const* args)
{
   Int n = 0;
   while (args[n] != NULL)
      n++;
   return n;
}

IRExpr** shallowCopyIRExprVec(IRExpr** vec)
{
   Int n = count_args(vec);
   IRExpr** copy = new_vec(n);
   for (Int i = 0; i < n; i++)
      copy[i] = vec[i];
   return copy;
}

IRExpr** deepCopyIRExprVec(IRExpr* const* vec)
{
   Int n = count_args(vec);
   IRExpr** copy = new_vec(n);
   for (Int i = 0; i < n; i++)
      copy[i] = deepCopyIRExpr(vec[i]);
   return copy;
}

IRExpr* mkIRExprCCall(IRType retty, Int regparms, const HChar* name,
                      void* addr, IRExpr** args)
{
   return IRExpr_CCall(mkIRCallee(regparms, name, addr), retty, args);
}

IRExpr* mkIRExpr_HWord(HWord hw)
{
   if (sizeof(HWord) == 8)
      return IRExpr_Const(IRConst_U64((ULong)hw));
   return IRExpr_Const(IRConst_U32((UInt)hw));
}

IRDirty* emptyIRDirty(void)
{
   IRDirty* d = LibVEX_Alloc(sizeof(IRDirty));
   vex_bzero(d, sizeof(IRDirty));
   d->cee      = NULL;
   d->guard    = NULL;
   d->args     = NULL;
   d->tmp      = IRTemp_INVALID;
   d->mFx      = Ifx_None;
   d->mAddr    = NULL;
   d->mSize    = 0;
   d->nFxState = 0;
   return d;
}

IRDirty* unsafeIRDirty_0_N(Int regparms, const HChar* name, void* addr,
                           IRExpr** args)
{
   IRDirty* d = emptyIRDirty();
   d->cee   = mkIRCallee(regparms, name, addr);
   d->guard = IRExpr_Const(IRConst_U1(True));
   d->args  = args;
   return d;
}

IRDirty* unsafeIRDirty_1_N(IRTemp dst, Int regparms, const HChar* name,
                           void* addr, IRExpr** args)
{
   IRDirty* d = unsafeIRDirty_0_N(regparms, name, addr, args);
   d->tmp = dst;
   return d;
}

IRCAS* mkIRCAS(IRTemp oldHi, IRTemp oldLo, IREndness end, IRExpr* addr,
               IRExpr* expdHi, IRExpr* expdLo, IRExpr* dataHi,
               IRExpr* dataLo)
{
   IRCAS* cas = LibVEX_Alloc(sizeof(IRCAS));
   cas->oldHi  = oldHi;
   cas->oldLo  = oldLo;
   cas->end    = end;
   cas->addr   = addr;
   cas->expdHi = expdHi;
   cas->expdLo = expdLo;
   cas->dataHi = dataHi;
   cas->dataLo = dataLo;
   return cas;
}

IRPutI* mkIRPutI(IRRegArray* descr, IRExpr* ix, Int bias, IRExpr* data)
{
   IRPutI* p = LibVEX_Alloc(sizeof(IRPutI));
   p->descr = descr;
   p->ix    = ix;
   p->bias  = bias;
   p->data  = data;
   return p;
}

IRStoreG* mkIRStoreG(IREndness end, IRExpr* addr, IRExpr* data,
                     IRExpr* guard)
{
   IRStoreG* sg = LibVEX_Alloc(sizeof(IRStoreG));
   sg->end   = end;
   sg->addr  = addr;
   sg->data  = data;
   sg->guard = guard;
   return sg;
}

IRLoadG* mkIRLoadG(IREndness end, IRLoadGOp cvt, IRTemp dst, IRExpr* addr,
                   IRExpr* alt, IRExpr* guard)
{
   IRLoadG* lg = LibVEX_Alloc(sizeof(IRLoadG));
   lg->end   = end;
   lg->cvt   = cvt;
   lg->dst   = dst;
   lg->addr  = addr;
   lg->alt   = alt;
   lg->guard = guard;
   return lg;
}

static IRStmt* new_stmt(IRStmtTag tag)
{
   IRStmt* s = LibVEX_Alloc(sizeof(IRStmt));
   s->tag = tag;
   return s;
}

IRStmt* IRStmt_NoOp(void)
{
   /* All no-ops are the same immutable statement. */
   static IRStmt noop = { .tag = Ist_NoOp };
   return &noop;
}

IRStmt* IRStmt_IMark(Addr64 addr, UInt len, UChar delta)
{
   IRStmt* s = new_stmt(Ist_IMark);
   s->Ist.IMark.addr  = addr;
   s->Ist.IMark.len   = len;
   s->Ist.IMark.delta = delta;
   return s;
}

IRStmt* IRStmt_AbiHint(IRExpr* base, Int len, IRExpr* nia)
{
   IRStmt* s = new_stmt(Ist_AbiHint);
   s->Ist.AbiHint.base = base;
   s->Ist.AbiHint.len  = len;
   s->Ist.AbiHint.nia  = nia;
   return s;
}

IRStmt* IRStmt_Put(Int off, IRExpr* data)
{
   IRStmt* s = new_stmt(Ist_Put);
   s->Ist.Put.offset = off;
   s->Ist.Put.data   = data;
   return s;
}

IRStmt* IRStmt_PutI(IRPutI* details)
{
   IRStmt* s = new_stmt(Ist_PutI);
   s->Ist.PutI.details = details;
   return s;
}

IRStmt* IRStmt_WrTmp(IRTemp tmp, IRExpr* data)
{
   IRStmt* s = new_stmt(Ist_WrTmp);
   s->Ist.WrTmp.tmp  = tmp;
   s->Ist.WrTmp.data = data;
   return s;
}

IRStmt* IRStmt_Store(IREndness end, IRExpr* addr, IRExpr* data)
{
   vassert(end == Iend_LE || end == Iend_BE);
   IRStmt* s = new_stmt(Ist_Store);
   s->Ist.Store.end  = end;
   s->Ist.Store.addr = addr;
   s->Ist.Store.data = data;
   return s;
}

IRStmt* IRStmt_StoreG(IREndness end, IRExpr* addr, IRExpr* data,
                      IRExpr* guard)
{
   vassert(end == Iend_LE || end == Iend_BE);
   IRStmt* s = new_stmt(Ist_StoreG);
   s->Ist.StoreG.details = mkIRStoreG(end, addr, data, guard);
   return s;
}

IRStmt* IRStmt_LoadG(IREndness end, IRLoadGOp cvt, IRTemp dst,
                     IRExpr* addr, IRExpr* alt, IRExpr* guard)
{
   vassert(end == Iend_LE || end == Iend_BE);
   IRStmt* s = new_stmt(Ist_LoadG);
   s->Ist.LoadG.details = mkIRLoadG(end, cvt, dst, addr, alt, guard);
   return s;
}

IRStmt* IRStmt_CAS(IRCAS* details)
{
   IRStmt* s = new_stmt(Ist_CAS);
   s->Ist.CAS.details = details;
   return s;
}

IRStmt* IRStmt_LLSC(IREndness end, IRTemp result, IRExpr* addr,
                    IRExpr* storedata)
{
   IRStmt* s = new_stmt(Ist_LLSC);
   s->Ist.LLSC.end       = end;
   s->Ist.LLSC.result    = result;
   s->Ist.LLSC.addr      = addr;
   s->Ist.LLSC.storedata = storedata;
   return s;
}

IRStmt* IRStmt_Dirty(IRDirty* details)
{
   IRStmt* s = new_stmt(Ist_Dirty);
   s->Ist.Dirty.details = details;
   return s;
}

IRStmt* IRStmt_MBE(IRMBusEvent event)
{
   IRStmt* s = new_stmt(Ist_MBE);
   s->Ist.MBE.event = event;
   return s;
}

IRStmt* IRStmt_Exit(IRExpr* guard, IRJumpKind jk, IRConst* dst, Int offsIP)
{
   IRStmt* s = new_stmt(Ist_Exit);
   s->Ist.Exit.guard  = guard;
   s->Ist.Exit.jk     = jk;
   s->Ist.Exit.dst    = dst;
   s->Ist.Exit.offsIP = offsIP;
   return s;
}

IRTypeEnv* emptyIRTypeEnv(void)
{
   IRTypeEnv* env = LibVEX_Alloc(sizeof(IRTypeEnv));
   env->types_size = 8;
   env->types_used = 0;
   env->types      = LibVEX_Alloc((SizeT)env->types_size * sizeof(IRType));
   return env;
}

IRSB* emptyIRSB(void)
{
   IRSB* bb = LibVEX_Alloc(sizeof(IRSB));
   bb->tyenv      = emptyIRTypeEnv();
   bb->stmts_size = 8;
   bb->stmts_used = 0;
   bb->stmts      = LibVEX_Alloc((SizeT)bb->stmts_size * sizeof(IRStmt*));
   bb->next       = NULL;
   bb->jumpkind   = Ijk_Boring;
   bb->offsIP     = 0;
   return bb;
}

/* ================================================================== */
/* Deep copies: new structures sharing nothing with the original      */
/* ================================================================== */

IRConst* deepCopyIRConst(const IRConst* c)
{
   IRConst* copy = LibVEX_Alloc(sizeof(IRConst));
   *copy = *c;
   return copy;
}

IRCallee* deepCopyIRCallee(const IRCallee* ce)
{
   IRCallee* copy = mkIRCallee(ce->regparms, ce->name, ce->addr);
   copy->mcx_mask = ce->mcx_mask;
   return copy;
}

IRRegArray* deepCopyIRRegArray(const IRRegArray* arr)
{
   return mkIRRegArray(arr->base, arr->elemTy, arr->nElems);
}

static IRExpr* copy_or_null(const IRExpr* e)
{
   return e == NULL ? NULL : deepCopyIRExpr(e);
}

IRExpr* deepCopyIRExpr(const IRExpr* e)
{
   switch (e->tag) {
      case Iex_Binder:
         return IRExpr_Binder(e->Iex.Binder.binder);
      case Iex_Get:
         return IRExpr_Get(e->Iex.Get.offset, e->Iex.Get.ty);
      case Iex_GetI:
         return IRExpr_GetI(deepCopyIRRegArray(e->Iex.GetI.descr),
                            deepCopyIRExpr(e->Iex.GetI.ix),
                            e->Iex.GetI.bias);
      case Iex_RdTmp:
         return IRExpr_RdTmp(e->Iex.RdTmp.tmp);
      case Iex_Qop: {
         const IRQop* q = e->Iex.Qop.details;
         return IRExpr_Qop(q->op, deepCopyIRExpr(q->arg1),
                           deepCopyIRExpr(q->arg2), deepCopyIRExpr(q->arg3),
                           deepCopyIRExpr(q->arg4));
      }
      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         return IRExpr_Triop(t->op, deepCopyIRExpr(t->arg1),
                             deepCopyIRExpr(t->arg2),
                             deepCopyIRExpr(t->arg3));
      }
      case Iex_Binop:
         return IRExpr_Binop(e->Iex.Binop.op,
                             deepCopyIRExpr(e->Iex.Binop.arg1),
                             deepCopyIRExpr(e->Iex.Binop.arg2));
      case Iex_Unop:
         return IRExpr_Unop(e->Iex.Unop.op, deepCopyIRExpr(e->Iex.Unop.arg));
      case Iex_Load:
         return IRExpr_Load(e->Iex.Load.end, e->Iex.Load.ty,
                            deepCopyIRExpr(e->Iex.Load.addr));
      case Iex_Const:
         return IRExpr_Const(deepCopyIRConst(e->Iex.Const.con));
      case Iex_CCall:
         return IRExpr_CCall(deepCopyIRCallee(e->Iex.CCall.cee),
                             e->Iex.CCall.retty,
                             deepCopyIRExprVec(e->Iex.CCall.args));
      case Iex_ITE:
         return IRExpr_ITE(deepCopyIRExpr(e->Iex.ITE.cond),
                           deepCopyIRExpr(e->Iex.ITE.iftrue),
                           deepCopyIRExpr(e->Iex.ITE.iffalse));
      case Iex_VECRET:
         return IRExpr_VECRET();
      case Iex_GSPTR:
         return IRExpr_GSPTR();
   }
   vpanic("deepCopyIRExpr: unknown expression tag");
}

IRDirty* deepCopyIRDirty(const IRDirty* d)
{
   IRDirty* copy = emptyIRDirty();
   copy->cee      = deepCopyIRCallee(d->cee);
   copy->guard    = deepCopyIRExpr(d->guard);
   copy->args     = deepCopyIRExprVec(d->args);
   copy->tmp      = d->tmp;
   copy->mFx      = d->mFx;
   copy->mAddr    = copy_or_null(d->mAddr);
   copy->mSize    = d->mSize;
   copy->nFxState = d->nFxState;
   for (Int i = 0; i < d->nFxState && i < VEX_N_FXSTATE; i++)
      copy->fxState[i] = d->fxState[i];
   return copy;
}

IRCAS* deepCopyIRCAS(const IRCAS* cas)
{
   return mkIRCAS(cas->oldHi, cas->oldLo, cas->end,
                  deepCopyIRExpr(cas->addr),
                  copy_or_null(cas->expdHi), deepCopyIRExpr(cas->expdLo),
                  copy_or_null(cas->dataHi), deepCopyIRExpr(cas->dataLo));
}

IRPutI* deepCopyIRPutI(const IRPutI* puti)
{
   return mkIRPutI(deepCopyIRRegArray(puti->descr),
                   deepCopyIRExpr(puti->ix), puti->bias,
                   deepCopyIRExpr(puti->data));
}

IRStmt* deepCopyIRStmt(const IRStmt* s)
{
   switch (s->tag) {
      case Ist_NoOp:
         return IRStmt_NoOp();
      case Ist_IMark:
         return IRStmt_IMark(s->Ist.IMark.addr, s->Ist.IMark.len,
                             s->Ist.IMark.delta);
      case Ist_AbiHint:
         return IRStmt_AbiHint(deepCopyIRExpr(s->Ist.AbiHint.base),
                               s->Ist.AbiHint.len,
                               deepCopyIRExpr(s->Ist.AbiHint.nia));
      case Ist_Put:
         return IRStmt_Put(s->Ist.Put.offset,
                           deepCopyIRExpr(s->Ist.Put.data));
      case Ist_PutI:
         return IRStmt_PutI(deepCopyIRPutI(s->Ist.PutI.details));
      case Ist_WrTmp:
         return IRStmt_WrTmp(s->Ist.WrTmp.tmp,
                             deepCopyIRExpr(s->Ist.WrTmp.data));
      case Ist_Store:
         return IRStmt_Store(s->Ist.Store.end,
                             deepCopyIRExpr(s->Ist.Store.addr),
                             deepCopyIRExpr(s->Ist.Store.data));
      case Ist_StoreG: {
         const IRStoreG* sg = s->Ist.StoreG.details;
         return IRStmt_StoreG(sg->end, deepCopyIRExpr(sg->addr),
                              deepCopyIRExpr(sg->data),
                              deepCopyIRExpr(sg->guard));
      }
      case Ist_LoadG: {
         const IRLoadG* lg = s->Ist.LoadG.details;
         return IRStmt_LoadG(lg->end, lg->cvt, lg->dst,
                             deepCopyIRExpr(lg->addr),
                             deepCopyIRExpr(lg->alt),
                             deepCopyIRExpr(lg->guard));
      }
      case Ist_CAS:
         return IRStmt_CAS(deepCopyIRCAS(s->Ist.CAS.details));
      case Ist_LLSC:
         return IRStmt_LLSC(s->Ist.LLSC.end, s->Ist.LLSC.result,
                            deepCopyIRExpr(s->Ist.LLSC.addr),
                            copy_or_null(s->Ist.LLSC.storedata));
      case Ist_Dirty:
         return IRStmt_Dirty(deepCopyIRDirty(s->Ist.Dirty.details));
      case Ist_MBE:
         return IRStmt_MBE(s->Ist.MBE.event);
      case Ist_Exit:
         return IRStmt_Exit(deepCopyIRExpr(s->Ist.Exit.guard),
                            s->Ist.Exit.jk,
                            deepCopyIRConst(s->Ist.Exit.dst),
                            s->Ist.Exit.offsIP);
   }
   vpanic("deepCopyIRStmt: unknown statement tag");
}

IRTypeEnv* deepCopyIRTypeEnv(const IRTypeEnv* src)
{
   IRTypeEnv* dst = LibVEX_Alloc(sizeof(IRTypeEnv));
   dst->types_size = src->types_size;
   dst->types_used = src->types_used;
   dst->types = LibVEX_Alloc((SizeT)dst->types_size * sizeof(IRType));
   for (Int i = 0; i < src->types_used; i++)
      dst->types[i] = src->types[i];
   return dst;
}

IRSB* deepCopyIRSBExceptStmts(const IRSB* bb)
{
   IRSB* copy = emptyIRSB();
   copy->tyenv    = deepCopyIRTypeEnv(bb->tyenv);
   copy->next     = copy_or_null(bb->next);
   copy->jumpkind = bb->jumpkind;
   copy->offsIP   = bb->offsIP;
   return copy;
}

IRSB* deepCopyIRSB(const IRSB* bb)
{
   IRSB* copy = deepCopyIRSBExceptStmts(bb);
   Int size = bb->stmts_used > 8 ? bb->stmts_used : 8;
   copy->stmts      = LibVEX_Alloc((SizeT)size * sizeof(IRStmt*));
   copy->stmts_size = size;
   copy->stmts_used = bb->stmts_used;
   for (Int i = 0; i < bb->stmts_used; i++)
      copy->stmts[i] = deepCopyIRStmt(bb->stmts[i]);
   return copy;
}

/* ================================================================== */
/* Superblocks and type environments                                  */
/* ================================================================== */

void addStmtToIRSB(IRSB* bb, IRStmt* st)
{
   if (bb->stmts_used == bb->stmts_size) {
      Int      new_size = bb->stmts_size > 0 ? 2 * bb->stmts_size : 8;
      IRStmt** bigger   = LibVEX_Alloc((SizeT)new_size * sizeof(IRStmt*));
      for (Int i = 0; i < bb->stmts_used; i++)
         bigger[i] = bb->stmts[i];
      bb->stmts      = bigger;
      bb->stmts_size = new_size;
   }
   vassert(bb->stmts_used < bb->stmts_size);
   bb->stmts[bb->stmts_used++] = st;
}

IRTemp newIRTemp(IRTypeEnv* env, IRType ty)
{
   vassert(env != NULL);
   vassert(ty != Ity_INVALID && isPlausibleIRType(ty));
   vassert(env->types_used >= 0 && env->types_used <= env->types_size);
   if (env->types_used == env->types_size) {
      Int     new_size = env->types_size > 0 ? 2 * env->types_size : 8;
      IRType* bigger   = LibVEX_Alloc((SizeT)new_size * sizeof(IRType));
      for (Int i = 0; i < env->types_used; i++)
         bigger[i] = env->types[i];
      env->types      = bigger;
      env->types_size = new_size;
   }
   env->types[env->types_used] = ty;
   return (IRTemp)env->types_used++;
}

/* ================================================================== */
/* Types of things                                                    */
/* ================================================================== */

Bool isPlausibleIRType(IRType ty)
{
   return toBool(name_of_type(ty) != NULL);
}

Int sizeofIRType(IRType ty)
{
   switch (ty) {
      case Ity_I8:   return 1;
      case Ity_I16:  return 2;
      case Ity_I32:  return 4;
      case Ity_I64:  return 8;
      case Ity_I128: return 16;
      case Ity_F16:  return 2;
      case Ity_F32:  return 4;
      case Ity_F64:  return 8;
      case Ity_F128: return 16;
      case Ity_D32:  return 4;
      case Ity_D64:  return 8;
      case Ity_D128: return 16;
      case Ity_V128: return 16;
      case Ity_V256: return 32;
      default:
         vex_printf("\n");
         ppIRType(ty);
         vex_printf("\n");
         vpanic("sizeofIRType: type has no size");
   }
}

IRType integerIRTypeOfSize(Int szB)
{
   switch (szB) {
      case 1: return Ity_I8;
      case 2: return Ity_I16;
      case 4: return Ity_I32;
      case 8: return Ity_I64;
      default: vpanic("integerIRTypeOfSize: not 1, 2, 4 or 8");
   }
}

IRType typeOfIRTemp(const IRTypeEnv* env, IRTemp tmp)
{
   vassert(tmp < (UInt)env->types_used);
   return env->types[tmp];
}

IRType typeOfIRConst(const IRConst* con)
{
   switch (con->tag) {
      case Ico_U1:   return Ity_I1;
      case Ico_U8:   return Ity_I8;
      case Ico_U16:  return Ity_I16;
      case Ico_U32:  return Ity_I32;
      case Ico_U64:  return Ity_I64;
      case Ico_F32:  return Ity_F32;
      case Ico_F32i: return Ity_F32;
      case Ico_F64:  return Ity_F64;
      case Ico_F64i: return Ity_F64;
      case Ico_V128: return Ity_V128;
      case Ico_V256: return Ity_V256;
   }
   vpanic("typeOfIRConst: unknown constant tag");
}

/* The result and loaded types of a guarded load's conversion; both
   Ity_INVALID for an unknown one. */
static void loadg_types(IRLoadGOp cvt, IRType* t_res, IRType* t_arg)
{
   switch (cvt) {
      case ILGop_IdentV128: *t_res = Ity_V128; *t_arg = Ity_V128; return;
      case ILGop_Ident64:   *t_res = Ity_I64;  *t_arg = Ity_I64;  return;
      case ILGop_Ident32:   *t_res = Ity_I32;  *t_arg = Ity_I32;  return;
      case ILGop_16Uto32:
      case ILGop_16Sto32:   *t_res = Ity_I32;  *t_arg = Ity_I16;  return;
      case ILGop_8Uto32:
      case ILGop_8Sto32:    *t_res = Ity_I32;  *t_arg = Ity_I8;   return;
      default:              *t_res = Ity_INVALID; *t_arg = Ity_INVALID;
                            return;
   }
}

void typeOfIRLoadGOp(IRLoadGOp cvt, IRType* t_res, IRType* t_arg)
{
   loadg_types(cvt, t_res, t_arg);
   if (*t_res == Ity_INVALID)
      vpanic("typeOfIRLoadGOp: unknown conversion");
}

IRType typeOfIRExpr(const IRTypeEnv* env, const IRExpr* e)
{
   for (;;) {
      switch (e->tag) {
         case Iex_Get:   return e->Iex.Get.ty;
         case Iex_GetI:  return e->Iex.GetI.descr->elemTy;
         case Iex_RdTmp: return typeOfIRTemp(env, e->Iex.RdTmp.tmp);
         case Iex_Const: return typeOfIRConst(e->Iex.Const.con);
         case Iex_Load:  return e->Iex.Load.ty;
         case Iex_Qop:   return info_of(e->Iex.Qop.details->op)->res;
         case Iex_Triop: return info_of(e->Iex.Triop.details->op)->res;
         case Iex_Binop: return info_of(e->Iex.Binop.op)->res;
         case Iex_Unop:  return info_of(e->Iex.Unop.op)->res;
         case Iex_CCall: return e->Iex.CCall.retty;
         case Iex_ITE:
            /* Both arms have the same type in well-typed IR. */
            e = e->Iex.ITE.iffalse;
            continue;
         case Iex_Binder:
            vpanic("typeOfIRExpr: a Binder is not a value");
         case Iex_VECRET:
            vpanic("typeOfIRExpr: VECRET is not a value");
         case Iex_GSPTR:
            vpanic("typeOfIRExpr: GSPTR is not a value");
      }
      ppIRExpr(e);
      vpanic("typeOfIRExpr: unknown expression tag");
   }
}

/* ================================================================== */
/* Atoms and flatness                                                 */
/* ================================================================== */

Bool isIRAtom(const IRExpr* e)
{
   return toBool(e->tag == Iex_RdTmp || e->tag == Iex_Const);
}

Bool eqIRConst(const IRConst* c1, const IRConst* c2)
{
   if (c1->tag != c2->tag)
      return False;
   switch (c1->tag) {
      case Ico_U1:   return toBool((c1->Ico.U1 & 1) == (c2->Ico.U1 & 1));
      case Ico_U8:   return toBool(c1->Ico.U8 == c2->Ico.U8);
      case Ico_U16:  return toBool(c1->Ico.U16 == c2->Ico.U16);
      case Ico_U32:  return toBool(c1->Ico.U32 == c2->Ico.U32);
      case Ico_U64:  return toBool(c1->Ico.U64 == c2->Ico.U64);
      /* Floats compare by bit pattern, so that NaNs equal themselves
         and +0 differs from -0. */
      case Ico_F32: {
         union { Float f; UInt i; } a, b;
         a.f = c1->Ico.F32;
         b.f = c2->Ico.F32;
         return toBool(a.i == b.i);
      }
      case Ico_F32i: return toBool(c1->Ico.F32i == c2->Ico.F32i);
      case Ico_F64: {
         union { Double f; ULong i; } a, b;
         a.f = c1->Ico.F64;
         b.f = c2->Ico.F64;
         return toBool(a.i == b.i);
      }
      case Ico_F64i: return toBool(c1->Ico.F64i == c2->Ico.F64i);
      case Ico_V128: return toBool(c1->Ico.V128 == c2->Ico.V128);
      case Ico_V256: return toBool(c1->Ico.V256 == c2->Ico.V256);
   }
   vpanic("eqIRConst: unknown constant tag");
}

Bool eqIRRegArray(const IRRegArray* a1, const IRRegArray* a2)
{
   return toBool(a1->base == a2->base && a1->elemTy == a2->elemTy
                 && a1->nElems == a2->nElems);
}

Bool eqIRAtom(const IRExpr* a1, const IRExpr* a2)
{
   vassert(isIRAtom(a1));
   vassert(isIRAtom(a2));
   if (a1->tag == Iex_RdTmp && a2->tag == Iex_RdTmp)
      return toBool(a1->Iex.RdTmp.tmp == a2->Iex.RdTmp.tmp);
   if (a1->tag == Iex_Const && a2->tag == Iex_Const)
      return eqIRConst(a1->Iex.Const.con, a2->Iex.Const.con);
   return False;
}

static Bool atom_or_null(const IRExpr* e)
{
   return toBool(e == NULL || isIRAtom(e));
}

static Bool all_atoms(IRExpr* const* args, Bool allow_special)
{
   for (Int i = 0; args[i] != NULL; i++) {
      if (isIRAtom(args[i]))
         continue;
      if (allow_special && is_IRExpr_VECRET_or_GSPTR(args[i]))
         continue;
      return False;
   }
   return True;
}

/* Is the right-hand side of a WrTmp an expression whose operands are all
   atoms? */
static Bool flat_rhs(const IRExpr* e)
{
   switch (e->tag) {
      case Iex_Binder:
      case Iex_Get:
      case Iex_RdTmp:
      case Iex_Const:
         return True;
      case Iex_GetI:
         return isIRAtom(e->Iex.GetI.ix);
      case Iex_Qop: {
         const IRQop* q = e->Iex.Qop.details;
         return toBool(isIRAtom(q->arg1) && isIRAtom(q->arg2)
                       && isIRAtom(q->arg3) && isIRAtom(q->arg4));
      }
      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         return toBool(isIRAtom(t->arg1) && isIRAtom(t->arg2)
                       && isIRAtom(t->arg3));
      }
      case Iex_Binop:
         return toBool(isIRAtom(e->Iex.Binop.arg1)
                       && isIRAtom(e->Iex.Binop.arg2));
      case Iex_Unop:
         return isIRAtom(e->Iex.Unop.arg);
      case Iex_Load:
         return isIRAtom(e->Iex.Load.addr);
      case Iex_CCall:
         return all_atoms(e->Iex.CCall.args, False);
      case Iex_ITE:
         return toBool(isIRAtom(e->Iex.ITE.cond)
                       && isIRAtom(e->Iex.ITE.iftrue)
                       && isIRAtom(e->Iex.ITE.iffalse));
      case Iex_VECRET:
      case Iex_GSPTR:
         return False;
   }
   return False;
}

Bool isFlatIRStmt(const IRStmt* st)
{
   switch (st->tag) {
      case Ist_NoOp:
      case Ist_IMark:
      case Ist_MBE:
         return True;
      case Ist_AbiHint:
         return toBool(isIRAtom(st->Ist.AbiHint.base)
                       && isIRAtom(st->Ist.AbiHint.nia));
      case Ist_Put:
         return isIRAtom(st->Ist.Put.data);
      case Ist_PutI:
         return toBool(isIRAtom(st->Ist.PutI.details->ix)
                       && isIRAtom(st->Ist.PutI.details->data));
      case Ist_WrTmp:
         return flat_rhs(st->Ist.WrTmp.data);
      case Ist_Store:
         return toBool(isIRAtom(st->Ist.Store.addr)
                       && isIRAtom(st->Ist.Store.data));
      case Ist_StoreG: {
         const IRStoreG* sg = st->Ist.StoreG.details;
         return toBool(isIRAtom(sg->addr) && isIRAtom(sg->data)
                       && isIRAtom(sg->guard));
      }
      case Ist_LoadG: {
         const IRLoadG* lg = st->Ist.LoadG.details;
         return toBool(isIRAtom(lg->addr) && isIRAtom(lg->alt)
                       && isIRAtom(lg->guard));
      }
      case Ist_CAS: {
         const IRCAS* cas = st->Ist.CAS.details;
         return toBool(isIRAtom(cas->addr)
                       && atom_or_null(cas->expdHi) && isIRAtom(cas->expdLo)
                       && atom_or_null(cas->dataHi) && isIRAtom(cas->dataLo));
      }
      case Ist_LLSC:
         return toBool(isIRAtom(st->Ist.LLSC.addr)
                       && atom_or_null(st->Ist.LLSC.storedata));
      case Ist_Dirty: {
         const IRDirty* d = st->Ist.Dirty.details;
         return toBool(isIRAtom(d->guard) && all_atoms(d->args, True)
                       && atom_or_null(d->mAddr));
      }
      case Ist_Exit:
         return isIRAtom(st->Ist.Exit.guard);
   }
   vpanic("isFlatIRStmt: unknown statement tag");
}

/* ================================================================== */
/* The sanity checker                                                 */
/* ================================================================== */

/* Guest state offsets below this hold the host's event-check fields, so
   no exit may write the program counter there. */
#define MIN_OFFS_IP 16

typedef struct {
   const IRSB*   bb;
   const HChar*  caller;
   IRType        gWordTy;
   const IRStmt* stmt;       /* the statement being checked, or NULL */
   Int*          defs;       /* how often each temporary was assigned */
   HChar         msg[512];   /* room to compose a failure message */
} Checker;

static void VEX_NORETURN check_fail(const Checker* c, const HChar* what)
{
   vex_printf("\nIR SANITY CHECK FAILURE (%s)\n\n",
              c->caller != NULL ? c->caller : "?");
   ppIRSB(c->bb);
   if (c->stmt != NULL) {
      vex_printf("\nIN STATEMENT:\n\n");
      ppIRStmt(c->stmt);
   }
   vex_printf("\n\nERROR = %s\n\n", what);
   vpanic("sanityCheckIRSB: exiting due to bad IR");
}

static Bool is_type(IRType ty)
{
   return toBool(ty != Ity_INVALID && isPlausibleIRType(ty));
}

/* A printable name for a type, whatever its value. */
static const HChar* tyname(IRType ty)
{
   const HChar* name = name_of_type(ty);
   return name != NULL ? name : "?";
}

static IRType check_expr(Checker* c, const IRExpr* e);

static void use_temp(Checker* c, IRTemp tmp)
{
   if (tmp >= (UInt)c->bb->tyenv->types_used) {
      vex_sprintf(c->msg, "temporary t%u is out of range (%d declared)",
                  tmp, c->bb->tyenv->types_used);
      check_fail(c, c->msg);
   }
   if (c->defs[tmp] == 0) {
      vex_sprintf(c->msg, "temporary t%u is used before it is assigned",
                  tmp);
      check_fail(c, c->msg);
   }
}

static void def_temp(Checker* c, IRTemp tmp)
{
   if (tmp >= (UInt)c->bb->tyenv->types_used) {
      vex_sprintf(c->msg, "assigned temporary t%u is out of range "
                  "(%d declared)", tmp, c->bb->tyenv->types_used);
      check_fail(c, c->msg);
   }
   if (c->defs[tmp] > 0) {
      vex_sprintf(c->msg, "temporary t%u is assigned more than once", tmp);
      check_fail(c, c->msg);
   }
   c->defs[tmp]++;
}

/* Checks OP applied to the N expressions ARGS and gives its type. */
static IRType check_op(Checker* c, const HChar* kind, IROp op, Int n,
                       const IRExpr* a1, const IRExpr* a2,
                       const IRExpr* a3, const IRExpr* a4)
{
   const IRExpr* args[4] = { a1, a2, a3, a4 };
   if (!isValidIROp(op)) {
      vex_sprintf(c->msg, "%s: 0x%x is not an IROp", kind, (UInt)op);
      check_fail(c, c->msg);
   }
   const IROpInfo* info = &irop_info[op - Iop_INVALID - 1];
   if (info->arity != n) {
      vex_sprintf(c->msg, "%s: %s takes %d argument(s), not %d",
                  kind, info->name, (Int)info->arity, n);
      check_fail(c, c->msg);
   }
   IRType got[4];
   Bool   ok = True;
   for (Int i = 0; i < n; i++) {
      got[i] = check_expr(c, args[i]);
      if (got[i] != info->arg[i])
         ok = False;
   }
   if (!ok) {
      HChar* p = c->msg;
      p += vex_sprintf(p, "%s: %s wants (", kind, info->name);
      for (Int i = 0; i < n; i++)
         p += vex_sprintf(p, "%s%s", i > 0 ? "," : "", tyname(info->arg[i]));
      p += vex_sprintf(p, ") but the arguments are (");
      for (Int i = 0; i < n; i++)
         p += vex_sprintf(p, "%s%s", i > 0 ? "," : "", tyname(got[i]));
      vex_sprintf(p, ")");
      check_fail(c, c->msg);
   }
   return info->res;
}

static void check_const(Checker* c, const IRConst* con)
{
   if (con == NULL)
      check_fail(c, "constant is NULL");
   switch (con->tag) {
      case Ico_U1:
         if (con->Ico.U1 != False && con->Ico.U1 != True)
            check_fail(c, "Ico_U1 constant is neither 0 nor 1");
         return;
      case Ico_U8: case Ico_U16: case Ico_U32: case Ico_U64:
      case Ico_F32: case Ico_F32i: case Ico_F64: case Ico_F64i:
      case Ico_V128: case Ico_V256:
         return;
   }
   check_fail(c, "constant has an unknown tag");
}

static void check_callee(Checker* c, const IRCallee* cee, Int nargs,
                         const HChar* what)
{
   if (cee == NULL || cee->name == NULL || cee->addr == NULL
       || cee->regparms < 0 || cee->regparms > 3) {
      vex_sprintf(c->msg, "%s: bad callee", what);
      check_fail(c, c->msg);
   }
   if (cee->regparms > nargs) {
      vex_sprintf(c->msg, "%s: more regparms than arguments", what);
      check_fail(c, c->msg);
   }
}

/* Checks E and everything in it; gives its type. */
static IRType check_expr(Checker* c, const IRExpr* e)
{
   if (e == NULL)
      check_fail(c, "expression is NULL");
   switch (e->tag) {
      case Iex_Get:
         if (!is_type(e->Iex.Get.ty))
            check_fail(c, "GET: bad type");
         if (e->Iex.Get.ty == Ity_I1)
            check_fail(c, "GET: cannot read the guest state as :: I1");
         return e->Iex.Get.ty;

      case Iex_GetI:
         if (!sane_reg_array(e->Iex.GetI.descr))
            check_fail(c, "GETI: bad register array");
         if (check_expr(c, e->Iex.GetI.ix) != Ity_I32)
            check_fail(c, "GETI: index is not :: I32");
         return e->Iex.GetI.descr->elemTy;

      case Iex_RdTmp:
         use_temp(c, e->Iex.RdTmp.tmp);
         return c->bb->tyenv->types[e->Iex.RdTmp.tmp];

      case Iex_Qop: {
         const IRQop* q = e->Iex.Qop.details;
         return check_op(c, "Qop", q->op, 4, q->arg1, q->arg2, q->arg3,
                         q->arg4);
      }
      case Iex_Triop: {
         const IRTriop* t = e->Iex.Triop.details;
         return check_op(c, "Triop", t->op, 3, t->arg1, t->arg2, t->arg3,
                         NULL);
      }
      case Iex_Binop:
         return check_op(c, "Binop", e->Iex.Binop.op, 2, e->Iex.Binop.arg1,
                         e->Iex.Binop.arg2, NULL, NULL);
      case Iex_Unop:
         return check_op(c, "Unop", e->Iex.Unop.op, 1, e->Iex.Unop.arg,
                         NULL, NULL, NULL);

      case Iex_Load:
         if (e->Iex.Load.end != Iend_LE && e->Iex.Load.end != Iend_BE)
            check_fail(c, "Load: bad endianness");
         if (!is_type(e->Iex.Load.ty) || e->Iex.Load.ty == Ity_I1)
            check_fail(c, "Load: bad type (or :: I1)");
         if (check_expr(c, e->Iex.Load.addr) != c->gWordTy)
            check_fail(c, "Load: address is not of the guest word type");
         return e->Iex.Load.ty;

      case Iex_Const:
         check_const(c, e->Iex.Const.con);
         return typeOfIRConst(e->Iex.Const.con);

      case Iex_CCall: {
         IRExpr** args = e->Iex.CCall.args;
         if (args == NULL)
            check_fail(c, "CCall: argument vector is NULL");
         Int nargs = count_args(args);
         check_callee(c, e->Iex.CCall.cee, nargs, "CCall");
         if (nargs > 32)
            check_fail(c, "CCall: more than 32 arguments");
         for (Int i = 0; i < nargs; i++) {
            if (is_IRExpr_VECRET_or_GSPTR(args[i]))
               check_fail(c, "CCall: VECRET/GSPTR argument to a clean call");
            if (check_expr(c, args[i]) == Ity_I1)
               check_fail(c, "CCall: argument :: I1");
         }
         if (!is_type(e->Iex.CCall.retty) || e->Iex.CCall.retty == Ity_I1)
            check_fail(c, "CCall: bad return type (or :: I1)");
         return e->Iex.CCall.retty;
      }

      case Iex_ITE: {
         if (check_expr(c, e->Iex.ITE.cond) != Ity_I1)
            check_fail(c, "ITE: condition is not :: I1");
         IRType t_true  = check_expr(c, e->Iex.ITE.iftrue);
         IRType t_false = check_expr(c, e->Iex.ITE.iffalse);
         if (t_true != t_false) {
            vex_sprintf(c->msg, "ITE: the arms differ in type (%s vs %s)",
                        tyname(t_true), tyname(t_false));
            check_fail(c, c->msg);
         }
         return t_true;
      }

      case Iex_Binder:
         check_fail(c, "Binder: only for pattern matching, not in blocks");
      case Iex_VECRET:
      case Iex_GSPTR:
         check_fail(c, "VECRET/GSPTR outside a dirty call's arguments");
   }
   check_fail(c, "expression has an unknown tag");
}

/* An address, guard, ... that must have type TY. */
static void expect_type(Checker* c, const IRExpr* e, IRType ty,
                        const HChar* what)
{
   if (check_expr(c, e) != ty) {
      vex_sprintf(c->msg, "%s is not :: %s", what, tyname(ty));
      check_fail(c, c->msg);
   }
}

static Bool valid_endness(IREndness end)
{
   return toBool(end == Iend_LE || end == Iend_BE);
}

static Bool valid_jumpkind(IRJumpKind jk)
{
   return toBool(jk != Ijk_INVALID && name_of_jumpkind(jk) != NULL);
}

static Bool valid_temp(const Checker* c, IRTemp tmp)
{
   return toBool(tmp < (UInt)c->bb->tyenv->types_used);
}

static IRType temp_type(Checker* c, IRTemp tmp, const HChar* what)
{
   if (!valid_temp(c, tmp)) {
      vex_sprintf(c->msg, "%s: temporary t%u is out of range", what, tmp);
      check_fail(c, c->msg);
   }
   return c->bb->tyenv->types[tmp];
}

static void check_cas(Checker* c, const IRCAS* cas)
{
   Bool single = toBool(cas->oldHi == IRTemp_INVALID
                        && cas->expdHi == NULL && cas->dataHi == NULL);
   Bool dbl    = toBool(cas->oldHi != IRTemp_INVALID
                        && cas->expdHi != NULL && cas->dataHi != NULL);
   if (!single && !dbl)
      check_fail(c, "CAS: neither a single nor a double CAS");
   if (!valid_endness(cas->end))
      check_fail(c, "CAS: bad endianness");
   expect_type(c, cas->addr, c->gWordTy, "CAS: address");

   IRType ty = check_expr(c, cas->expdLo);
   if (check_expr(c, cas->dataLo) != ty)
      check_fail(c, "CAS: expected and new values differ in type");
   if (temp_type(c, cas->oldLo, "CAS") != ty)
      check_fail(c, "CAS: old value's temporary has the wrong type");
   if (!(ty == Ity_I8 || ty == Ity_I16 || ty == Ity_I32
         || (ty == Ity_I64 && c->gWordTy == Ity_I64)))
      check_fail(c, "CAS: bad element type");
   if (dbl) {
      if (check_expr(c, cas->expdHi) != ty || check_expr(c, cas->dataHi) != ty
          || temp_type(c, cas->oldHi, "CAS") != ty)
         check_fail(c, "CAS: high and low halves differ in type");
      if (cas->oldHi == cas->oldLo)
         check_fail(c, "CAS: both halves go to the same temporary");
   }
}

static void check_dirty(Checker* c, const IRDirty* d)
{
   if (d->args == NULL)
      check_fail(c, "Dirty: argument vector is NULL");
   Int nargs = count_args(d->args);
   check_callee(c, d->cee, nargs, "Dirty");
   if (nargs > 32)
      check_fail(c, "Dirty: more than 32 arguments");

   if (d->mFx == Ifx_None) {
      if (d->mAddr != NULL || d->mSize != 0)
         check_fail(c, "Dirty: memory address/size given with no effect");
   } else {
      if (d->mFx != Ifx_Read && d->mFx != Ifx_Write && d->mFx != Ifx_Modify)
         check_fail(c, "Dirty: bad memory effect");
      if (d->mAddr == NULL || d->mSize <= 0)
         check_fail(c, "Dirty: memory effect without address or size");
      expect_type(c, d->mAddr, c->gWordTy, "Dirty: memory address");
   }

   if (d->nFxState < 0 || d->nFxState > VEX_N_FXSTATE)
      check_fail(c, "Dirty: bad number of guest state effects");
   for (Int i = 0; i < d->nFxState; i++) {
      IREffect fx = d->fxState[i].fx;
      UInt size   = d->fxState[i].size;
      UInt reps   = d->fxState[i].nRepeats;
      UInt step   = d->fxState[i].repeatLen;
      if (fx != Ifx_Read && fx != Ifx_Write && fx != Ifx_Modify)
         check_fail(c, "Dirty: bad guest state effect");
      if (size == 0)
         check_fail(c, "Dirty: guest state effect of size 0");
      if (reps == 0 ? step != 0 : (step <= size || step % size != 0))
         check_fail(c, "Dirty: bad repeat length in a guest state effect");
   }

   if (d->guard == NULL)
      check_fail(c, "Dirty: guard is NULL");
   expect_type(c, d->guard, Ity_I1, "Dirty: guard");

   IRType ret = Ity_INVALID;
   if (d->tmp != IRTemp_INVALID) {
      ret = temp_type(c, d->tmp, "Dirty");
      if (ret == Ity_I1)
         check_fail(c, "Dirty: result :: I1");
   }
   Int n_vecret = 0, n_gsptr = 0;
   for (Int i = 0; i < nargs; i++) {
      const IRExpr* a = d->args[i];
      if (a->tag == Iex_VECRET)
         n_vecret++;
      else if (a->tag == Iex_GSPTR)
         n_gsptr++;
      else if (check_expr(c, a) == Ity_I1)
         check_fail(c, "Dirty: argument :: I1");
   }
   if (n_vecret > 1 || n_gsptr > 1)
      check_fail(c, "Dirty: more than one VECRET or GSPTR argument");
   Bool vec_result = toBool(ret == Ity_V128 || ret == Ity_V256);
   if (n_vecret == 1 && !vec_result)
      check_fail(c, "Dirty: VECRET argument but no V128/V256 result");
   if (n_vecret == 0 && vec_result)
      check_fail(c, "Dirty: V128/V256 result without a VECRET argument");
   if (n_gsptr == 1 && d->nFxState == 0)
      check_fail(c, "Dirty: GSPTR argument but no guest state effects "
                    "declared");
}

static void check_stmt(Checker* c, const IRStmt* s)
{
   switch (s->tag) {
      case Ist_NoOp:
         return;

      case Ist_IMark:
         /* No real instruction is longer; only ARM Thumb uses a delta. */
         if (s->Ist.IMark.len > 24)
            check_fail(c, "IMark: implausible length");
         if (s->Ist.IMark.delta > 1)
            check_fail(c, "IMark: implausible delta");
         return;

      case Ist_AbiHint:
         expect_type(c, s->Ist.AbiHint.base, c->gWordTy, "AbiHint: base");
         expect_type(c, s->Ist.AbiHint.nia, c->gWordTy, "AbiHint: nia");
         return;

      case Ist_Put:
         if (check_expr(c, s->Ist.Put.data) == Ity_I1)
            check_fail(c, "Put: cannot write an I1 to the guest state");
         return;

      case Ist_PutI: {
         const IRPutI* p = s->Ist.PutI.details;
         if (!sane_reg_array(p->descr))
            check_fail(c, "PutI: bad register array");
         expect_type(c, p->ix, Ity_I32, "PutI: index");
         if (check_expr(c, p->data) != p->descr->elemTy)
            check_fail(c, "PutI: data type is not the array's element type");
         return;
      }

      case Ist_WrTmp: {
         IRType declared = temp_type(c, s->Ist.WrTmp.tmp, "WrTmp");
         IRType actual   = check_expr(c, s->Ist.WrTmp.data);
         if (declared != actual) {
            vex_sprintf(c->msg, "WrTmp: t%u :: %s is assigned a value :: %s",
                        s->Ist.WrTmp.tmp, tyname(declared), tyname(actual));
            check_fail(c, c->msg);
         }
         return;
      }

      case Ist_Store:
         if (!valid_endness(s->Ist.Store.end))
            check_fail(c, "Store: bad endianness");
         expect_type(c, s->Ist.Store.addr, c->gWordTy, "Store: address");
         if (check_expr(c, s->Ist.Store.data) == Ity_I1)
            check_fail(c, "Store: cannot store an I1");
         return;

      case Ist_StoreG: {
         const IRStoreG* sg = s->Ist.StoreG.details;
         if (!valid_endness(sg->end))
            check_fail(c, "StoreG: bad endianness");
         expect_type(c, sg->addr, c->gWordTy, "StoreG: address");
         if (check_expr(c, sg->data) == Ity_I1)
            check_fail(c, "StoreG: cannot store an I1");
         expect_type(c, sg->guard, Ity_I1, "StoreG: guard");
         return;
      }

      case Ist_LoadG: {
         const IRLoadG* lg = s->Ist.LoadG.details;
         if (!valid_endness(lg->end))
            check_fail(c, "LoadG: bad endianness");
         IRType t_res, t_arg;
         loadg_types(lg->cvt, &t_res, &t_arg);
         if (t_res == Ity_INVALID)
            check_fail(c, "LoadG: bad conversion");
         expect_type(c, lg->guard, Ity_I1, "LoadG: guard");
         expect_type(c, lg->addr, c->gWordTy, "LoadG: address");
         IRType t_dst = temp_type(c, lg->dst, "LoadG");
         if (check_expr(c, lg->alt) != t_dst)
            check_fail(c, "LoadG: alternative and destination differ in type");
         if (t_res != t_dst)
            check_fail(c, "LoadG: conversion result and destination differ "
                          "in type");
         return;
      }

      case Ist_CAS:
         check_cas(c, s->Ist.CAS.details);
         return;

      case Ist_LLSC: {
         if (!valid_endness(s->Ist.LLSC.end))
            check_fail(c, "LLSC: bad endianness");
         expect_type(c, s->Ist.LLSC.addr, c->gWordTy, "LLSC: address");
         IRType t_res = temp_type(c, s->Ist.LLSC.result, "LLSC");
         if (s->Ist.LLSC.storedata == NULL) {
            if (t_res != Ity_I8 && t_res != Ity_I16 && t_res != Ity_I32
                && t_res != Ity_I64)
               check_fail(c, "LLSC: load-linked of a bad type");
         } else {
            if (t_res != Ity_I1)
               check_fail(c, "LLSC: store-conditional result is not :: I1");
            IRType t_data = check_expr(c, s->Ist.LLSC.storedata);
            if (t_data != Ity_I8 && t_data != Ity_I16 && t_data != Ity_I32
                && t_data != Ity_I64)
               check_fail(c, "LLSC: store-conditional of a bad type");
         }
         return;
      }

      case Ist_Dirty:
         check_dirty(c, s->Ist.Dirty.details);
         return;

      case Ist_MBE:
         if (s->Ist.MBE.event != Imbe_Fence
             && s->Ist.MBE.event != Imbe_CancelReservation)
            check_fail(c, "MBE: unknown event");
         return;

      case Ist_Exit:
         expect_type(c, s->Ist.Exit.guard, Ity_I1, "Exit: guard");
         check_const(c, s->Ist.Exit.dst);
         if (typeOfIRConst(s->Ist.Exit.dst) != c->gWordTy)
            check_fail(c, "Exit: destination is not of the guest word type");
         if (!valid_jumpkind(s->Ist.Exit.jk))
            check_fail(c, "Exit: bad jump kind");
         if (s->Ist.Exit.offsIP < MIN_OFFS_IP)
            check_fail(c, "Exit: offsIP too low");
         return;
   }
   check_fail(c, "statement has an unknown tag");
}

/* Records the temporaries statement S assigns. */
static void note_defs(Checker* c, const IRStmt* s)
{
   switch (s->tag) {
      case Ist_WrTmp:
         def_temp(c, s->Ist.WrTmp.tmp);
         break;
      case Ist_LoadG:
         def_temp(c, s->Ist.LoadG.details->dst);
         break;
      case Ist_Dirty:
         if (s->Ist.Dirty.details->tmp != IRTemp_INVALID)
            def_temp(c, s->Ist.Dirty.details->tmp);
         break;
      case Ist_CAS:
         if (s->Ist.CAS.details->oldHi != IRTemp_INVALID)
            def_temp(c, s->Ist.CAS.details->oldHi);
         def_temp(c, s->Ist.CAS.details->oldLo);
         break;
      case Ist_LLSC:
         def_temp(c, s->Ist.LLSC.result);
         break;
      default:
         break;
   }
}

void sanityCheckIRSB(const IRSB* bb, const HChar* caller,
                     Bool require_flatness, IRType guest_word_size)
{
   vassert(guest_word_size == Ity_I32 || guest_word_size == Ity_I64);
   if (bb == NULL)
      vpanic("sanityCheckIRSB: the block is NULL");
   /* Blocks this broken cannot even be printed. */
   if (bb->tyenv == NULL || bb->tyenv->types_used < 0
       || bb->tyenv->types_used > bb->tyenv->types_size
       || bb->stmts_used < 0 || bb->stmts_used > bb->stmts_size
       || (bb->stmts_used > 0 && bb->stmts == NULL))
      vpanic("sanityCheckIRSB: type environment or statement array "
             "limits are inconsistent");

   Checker c;
   c.bb      = bb;
   c.caller  = caller;
   c.gWordTy = guest_word_size;
   c.stmt    = NULL;
   Int n_temps = bb->tyenv->types_used;
   c.defs = LibVEX_Alloc((SizeT)(n_temps > 0 ? n_temps : 1) * sizeof(Int));
   for (Int i = 0; i < n_temps; i++)
      c.defs[i] = 0;

   for (Int i = 0; i < n_temps; i++) {
      if (!is_type(bb->tyenv->types[i])) {
         vex_sprintf(c.msg, "temporary t%d has a bad type (0x%x)",
                     i, (UInt)bb->tyenv->types[i]);
         check_fail(&c, c.msg);
      }
   }

   for (Int i = 0; i < bb->stmts_used; i++) {
      c.stmt = bb->stmts[i];
      if (c.stmt == NULL)
         check_fail(&c, "statement is NULL");
      if (require_flatness && !isFlatIRStmt(c.stmt))
         check_fail(&c, "statement is not flat");
   }
   c.stmt = NULL;
   if (bb->next == NULL)
      check_fail(&c, "the block's next is NULL");
   if (require_flatness && !isIRAtom(bb->next))
      check_fail(&c, "the block's next is not an atom");

   /* Statement by statement: the uses (inside the type check) must see
      an earlier assignment; then the statement's own assignments count. */
   for (Int i = 0; i < bb->stmts_used; i++) {
      c.stmt = bb->stmts[i];
      check_stmt(&c, c.stmt);
      note_defs(&c, c.stmt);
   }
   c.stmt = NULL;

   if (check_expr(&c, bb->next) != guest_word_size)
      check_fail(&c, "the block's next is not of the guest word type");
   if (!valid_jumpkind(bb->jumpkind))
      check_fail(&c, "the block's jump kind is bad");
   if (bb->offsIP < MIN_OFFS_IP)
      check_fail(&c, "the block's offsIP is too low");
}
