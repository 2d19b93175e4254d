/* The IR interpreter's SIMD and floating-point ops (ir_interp_simd.c),
   added with the SSE family.  Each function returns True when it knows
   OP and has put the result in R (4 64-bit words, zeroed by the caller;
   only the result type's bits are set); False leaves OP to the rest of
   the interpreter.  Operands are 4-word values as ir_interp.c holds
   them. */
#ifndef IR_INTERP_SIMD_H
#define IR_INTERP_SIMD_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"

extern Bool ir_interp_simd_unop(IROp op, const ULong* a, ULong* r);
extern Bool ir_interp_simd_binop(IROp op, const ULong* a, const ULong* b,
                                 ULong* r);
extern Bool ir_interp_simd_triop(IROp op, const ULong* a, const ULong* b,
                                 const ULong* c, ULong* r);

#endif
