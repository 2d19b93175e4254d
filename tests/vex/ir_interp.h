/* A hosted interpreter of VEX IR, for testing front ends: runs one IRSB
   on a guest state in memory and on the host's real memory (guest
   addresses are host addresses), calling clean and dirty helpers by
   address, and says where the block went. */
#ifndef IR_INTERP_H
#define IR_INTERP_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"

typedef struct {
   IRJumpKind jk;         /* why the block was left */
   ULong      next;       /* the guest address it went to */
   Int        exit_stmt;  /* index of the Exit taken, or -1 at the end */
} IRInterpResult;

/* When set, every memory access is checked with it first; an access it
   refuses stops the block as a fault: jk Ijk_SigSEGV, next = the address
   of the instruction (its IMark) making the access. */
extern Bool (*ir_interp_addr_ok)(ULong addr, Int size);

/* Runs BB on the guest state GST (GST_SIZE bytes).  On an error (an op
   it does not know, a bad offset) it prints a message and returns with
   jk == Ijk_INVALID. */
extern IRInterpResult ir_interp_run(const IRSB* bb, void* gst, Int gst_size);

/* Counts of what the last runs did (for the harness's statistics). */
extern ULong ir_interp_stmts_executed;
extern ULong ir_interp_helper_calls;

#endif
