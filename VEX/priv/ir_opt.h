/* The IR optimiser and the tree builder.

   Where they sit in a translation (main_main.c drives this):

      front end (bb_to_IR)             flat IR
        -> do_iropt_BB                 first optimisation, at
                                       vex_control.iropt_level
        -> the tool's instrument function(s)
        -> do_iropt_BB_post_instrument a cheaper clean-up of what the tool
                                       added (only when a tool instruments)
        -> ado_treebuild_BB            flat IR back into trees, in place
        -> instruction selection       (given the max_ga it returned)

   Every pass takes and gives flat IR (see libvex_ir.h) except the tree
   builder, whose result is deliberately not flat but still well typed.
   The meaning of a block is kept exactly: the guest state and memory
   after leaving it, by whichever exit, and which exit is taken.  In
   addition, the guest state is up to date where the precise-exceptions
   setting (VexRegisterUpdates, libvex.h) says it must be:
   - at every memory access, the parts for which preciseMemExnsFn says so
     (all of it for VexRegUpdAllregsAtMemAccess and stronger);
   - at every IMark, all of it, under VexRegUpdAllregsAtEachInsn;
   - at a dirty call, the parts it declares it reads, and all of memory;
   - at every exit, all of it.
   Stores, dirty calls, CASes, LL/SCs and fences are never reordered with
   respect to each other.  Loads are not moved across any of those nor
   across exits; two loads with no store between may be commoned up (CSE)
   or reordered; a load whose value is never used may be removed (as VEX
   does).

   IR trees are treated as immutable (they may be shared): passes build
   new nodes instead of changing old ones.  Some passes change a block's
   statement array in place; those that return an IRSB* may give back a
   new block, and the caller must use the result. */
#ifndef __VEX_IR_OPT_H
#define __VEX_IR_OPT_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"

/* The VEX options in force (defined in ir_opt.c until main_main.c's
   LibVEX_Init takes them over; set them with LibVEX_default_VexControl
   and by assignment). */
extern VexControl vex_control;

/* The front end's specialiser of clean helper calls: given the helper's
   name and its (atom) arguments, and the statements of the block that
   precede the call (PRECEDING[0 .. N_PRECEDING-1]) for context, it returns
   a cheaper expression with the same value (built from the arguments;
   it need not be flat) or NULL. */
typedef IRExpr* (*IRSpecHelperFn)(const HChar* fn_name, IRExpr** args,
                                  IRStmt** preceding, Int n_preceding);

/* Does the guest state MINOFF..MAXOFF (inclusive) have to be up to date
   at memory accesses under PXCONTROL?  Provided by the front end
   (amd64: the stack pointer; also RBP and RIP from
   VexRegUpdUnwindregsAtMemAccess on; everything for stronger settings).
   The passes treat all of the guest state as precise under
   VexRegUpdAllregsAtMemAccess and VexRegUpdAllregsAtEachInsn whatever
   the function says, and when no function is given (NULL). */
typedef Bool (*IRPreciseMemExnsFn)(Int minoff, Int maxoff,
                                   VexRegisterUpdates pxControl);

/* ------------------------------------------------------------------ */
/* Entry points of the pipeline                                       */
/* ------------------------------------------------------------------ */

/* The main optimiser.  BB may be any well-typed block (it is flattened
   first); the result is flat.  By vex_control.iropt_level:
     0: flattening only;
     1: + redundant GET and PUT removal, constant propagation and
        folding (exits with constant guards included), copy propagation,
        dead code removal;
     2: + specialisation of clean helper calls (SPECHELPER, may be NULL;
        then the level 1 passes again), common subexpression elimination
        (loads included), and unrolling of small loops that jump back to
        GUEST_ADDR (vex_control.iropt_unroll_thresh; when a loop is
        unrolled, all of the above is run again on the result).
   PRECISEMEMEXNSFN and PXCONTROL give the precise-exceptions rule (see
   above).  BB itself is not changed.  This is VEX's do_iropt_BB without
   the guest architecture argument (nothing here depends on it). */
extern IRSB* do_iropt_BB(IRSB* bb, IRSpecHelperFn specHelper,
                         IRPreciseMemExnsFn preciseMemExnsFn,
                         VexRegisterUpdates pxControl, Addr64 guest_addr);

/* The clean-up after instrumentation, as VEX's LibVEX_Translate does it:
   flatten (tools may add trees), then at level >= 1 dead code removal,
   constant and copy propagation, and dead code removal again.  No PUTs
   are removed: the tool's are assumed to matter. */
extern IRSB* do_iropt_BB_post_instrument(IRSB* bb);

/* The tree builder: in place, substitutes each temporary used exactly
   once into its use when that is safe, so that instruction selection sees
   trees; drops assignments to temporaries that are never used.  An
   expression is not moved past a statement that could change its value
   (a GET past a PUT/PUTI/dirty write to overlapping guest state; a load
   past a store, StoreG, CAS, LL/SC, a dirty call writing memory, or an
   exit; a load past a PUT of guest state that preciseMemExnsFn says must
   be precise), nor past a fence or an AbiHint, and side effects keep
   their order.  The result is not flat, but passes sanityCheckIRSB with
   require_flatness = False.
   Returns the highest guest address covered by the block's IMarks
   (max over them of addr + len - 1), which instruction selection uses to
   tell jumps that may go back into this block; when the block has no
   IMark it returns ~0 (the safe answer: "anything may be inside"). */
extern Addr64 ado_treebuild_BB(IRSB* bb,
                               IRPreciseMemExnsFn preciseMemExnsFn,
                               VexRegisterUpdates pxControl);

/* ------------------------------------------------------------------ */
/* The passes, for the pipeline's variants and for tests              */
/* ------------------------------------------------------------------ */

/* Is every statement of BB flat and its next an atom? */
extern Bool isFlatIRSB(const IRSB* bb);

/* A flat copy of BB (new block; BB is not changed). */
extern IRSB* flatten_BB(const IRSB* bb);

/* Appends to BB a flat form of ST (which is not changed; already-flat
   parts may be shared), compound operands first computed into new
   temporaries.  A NoOp is dropped.  The front end's addFlatStmtToIRSB
   uses it too, so there is one flattener. */
extern void flatten_stmt_into(IRSB* bb, IRStmt* st);

/* E as a one-level expression over atoms, the statements computing its
   operands appended to BB. */
extern IRExpr* flatten_rhs_into(IRSB* bb, IRExpr* e);

/* In place: replaces t = GET(o) by the value last PUT to, or read from,
   exactly the same guest state, when nothing in between may have written
   any part of it. */
extern void redundant_get_removal_BB(IRSB* bb);

/* In place: removes PUTs that are overwritten before anything can read
   them or observe them (see the precise-exceptions rule above). */
extern void redundant_put_removal_BB(IRSB* bb,
                                     IRPreciseMemExnsFn preciseMemExnsFn,
                                     VexRegisterUpdates pxControl);

/* Constant and copy propagation and constant folding; drops exits,
   StoreGs and dirty calls whose guard is constant false, turns guarded
   accesses whose guard is constant true into plain ones.  Returns a new
   block. */
extern IRSB* cprop_BB(IRSB* bb);

/* In place: removes assignments to temporaries that are never used, and
   everything from the first exit whose guard is constant true onwards
   (that exit becomes the block's end). */
extern void do_deadcode_BB(IRSB* bb);

/* In place: common subexpression elimination of pure one-level
   expressions, GETs (up to a PUT or dirty write that may overlap) and,
   when ALLOW_LOADS, loads (up to any store, StoreG, CAS, LL/SC, dirty
   call, fence or AbiHint).
   A repeated computation becomes a copy of the first; run cprop_BB and
   do_deadcode_BB after it.  True if anything was commoned up. */
extern Bool do_cse_BB(IRSB* bb, Bool allow_loads);

/* Calls SPECHELPER on every clean helper call; returns BB itself when
   nothing changed, else a new, flattened block. */
extern IRSB* spec_helpers_BB(IRSB* bb, IRSpecHelperFn specHelper);

/* When BB is a loop on itself (it ends by jumping to GUEST_ADDR, or its
   last statement is an exit to GUEST_ADDR) and small enough for
   vex_control.iropt_unroll_thresh, returns a new block running it 2, 4 or
   8 times over (with the program counter written between copies, as the
   jump back would have); otherwise NULL.  *FACTOR (when not NULL)
   receives the number of copies (1 when nothing was done).  The second
   shape requires a constant NEXT, and its exit is turned round: "if
   (!g) goto NEXT", then on to the next copy. */
extern IRSB* maybe_loop_unroll_BB(IRSB* bb, Addr64 guest_addr,
                                  /*OUT*/Int* factor);

#endif /* __VEX_IR_OPT_H */
