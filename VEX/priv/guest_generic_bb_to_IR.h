/* Superblock formation, independent of the guest architecture: decode
   guest instructions one at a time with the architecture's front end
   (a DisOneInstrFn) and string their IR together into one IRSB.

   A superblock starts at a guest address and goes on until an instruction
   ends it (a jump, call, return, system call, undecodable bytes, ...) or
   the instruction limit is reached.  When chasing is enabled, an
   unconditional direct jump or call does not end it: decoding goes on at
   the target, as long as the caller's chase_into_ok callback agrees and
   at most three guest address ranges (VexGuestExtents) are used.  A
   conditional branch (its taken side a side exit) is chased the same way
   into its other destination; going on at the next instruction stays in
   the current range.

   Each instruction's IR is preceded by an IMark and followed, when the
   instruction falls through, by a write of the next instruction's address
   to the guest program counter.  Every statement is flat when added. */
#ifndef __VEX_GUEST_GENERIC_BB_TO_IR_H
#define __VEX_GUEST_GENERIC_BB_TO_IR_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"

/* What happens after an instruction. */
typedef enum {
   Dis_StopHere = 0x7100,  /* the block ends after this instruction */
   Dis_Continue            /* decode the next instruction */
} DisWhatNext;

typedef struct {
   /* The instruction's length in bytes; 0 when it could not be decoded
      (then whatNext is Dis_StopHere and jk_StopHere Ijk_NoDecode, and the
      front end has added no statements). */
   Int         len;
   DisWhatNext whatNext;
   /* Dis_StopHere: the block's jump kind and its next guest address (an
      atom of the guest word type). */
   IRJumpKind  jk_StopHere;
   IRExpr*     next_StopHere;
   /* Dis_StopHere: set by the front end for an unconditional direct jump
      or call, or for the not-taken side of a conditional branch
      (next_StopHere a constant, jump kind Boring or Call): the block may
      go on there instead of ending (chasing). */
   Bool        chase_ok;
} DisResult;

/* Decodes the instruction at GUEST_IP, whose bytes start at
   GUEST_CODE_INSN, appending its IR to IRSB.  BLOCK_START is true for the
   first instruction of a superblock (front ends may carry facts from one
   instruction to the next only within a block).  When TRACE, the front
   end prints the instruction's disassembly. */
typedef DisResult (*DisOneInstrFn)(IRSB* irsb, const UChar* guest_code_insn,
                                   Addr64 guest_IP, Bool block_start,
                                   Bool trace);

/* Asked before chasing into ADDR; OPAQUE is the caller's. */
typedef Bool (*ChaseIntoOkFn)(void* opaque, Addr64 addr);

typedef struct {
   DisOneInstrFn dis_instr_fn;
   /* Host address of the bytes at guest_IP_bbstart; guest address A is
      read at guest_code + (A - guest_IP_bbstart). */
   const UChar*  guest_code;
   Addr64        guest_IP_bbstart;
   /* The most instructions one block may hold (1..100; VEX's default,
      --vex-guest-max-insns, is 60). */
   Int           guest_max_insns;
   /* Chase unconditional direct jumps and calls (--vex-guest-chase). */
   Bool          guest_chase;
   ChaseIntoOkFn chase_into_ok;      /* may be NULL: always ok */
   void*         callback_opaque;
   IRType        guest_word_type;    /* Ity_I32 or Ity_I64 */
   Int           offB_GUEST_IP;      /* offset of the program counter */
   /* Print each instruction and its IR (the front end's trace). */
   Bool          trace;
} BbToIRParams;

/* Builds the superblock.  VGE receives the guest ranges it covers;
   N_GUEST_INSTRS (when not NULL) the number of instructions in it.  The
   block has been checked by sanityCheckIRSB (flat) before it is returned. */
extern IRSB* bb_to_IR(const BbToIRParams* params,
                      /*OUT*/VexGuestExtents* vge,
                      /*OUT*/UInt* n_guest_instrs);

/* Adds ST to BB, first moving every compound operand out into a new
   temporary so that the statement added is flat (the right-hand side of
   a WrTmp keeps one level).  Expressions are copied, never modified, so
   one tree may be passed twice (it is evaluated twice). */
extern void addFlatStmtToIRSB(IRSB* bb, IRStmt* st);

/* Assigns E to a new temporary of BB (flattening it) and returns the
   temporary. */
extern IRTemp flatAssignToNewTemp(IRSB* bb, IRExpr* e);

#endif /* __VEX_GUEST_GENERIC_BB_TO_IR_H */
