/* The x87 family of the amd64 front end: what its IR-generating file
   (guest_amd64_toIR_x87.c), its helpers (guest_amd64_helpers_x87.c) and
   the differential tests share.

   Guest state (see libvex_guest_amd64.h):

     FPREG[i]   physical register i: the 80-bit value in bytes 0..9 (as
                FSTP m80 stores it), bytes 10..15 zero.  The IR sees the
                eight slots as an array of sixteen I64s: element 2i is the
                64-bit significand, element 2i+1 the sign and exponent
                (16 bits, zero-extended).
     FPTAG[i]   1 when physical register i is full, 0 when empty.
     FTOP       TOP (0..7): ST(k) is physical register (FTOP + k) & 7.
     FPROUND    the x87 control word, exactly as FNSTCW stores it: bits
                0..5 the exception masks, bit 6 always 1, bits 8..9 the
                precision control (0: 24-bit, 2: 53-bit, 3: 64-bit
                significand; 1 is reserved and treated as 64), bits 10..11
                the rounding control (0 nearest, 1 down, 2 up, 3 toward
                zero -- the same numbers as IRRoundingMode), bit 12 the
                (ignored) infinity control.  FLDCW keeps bits 0x1F3F and
                sets bit 6, as the hardware does.
     FC3210     the status word without TOP, ES and B: the sticky
                exception flags IE DE ZE OE UE PE (bits 0..5), the stack
                fault SF (bit 6) and the condition codes C0 C1 C2 (bits
                8..10) and C3 (bit 14), all in their status-word places.
                FNSTSW adds TOP (bits 11..13), ES (bit 7: an unmasked
                exception flag is set) and B (bit 15, a copy of ES).

   Arithmetic is done in true 80-bit extended precision by a software
   library in the helpers, honouring the precision and rounding control
   and raising the exception flags (always as if masked: an unmasked
   exception sets ES but never faults). */
#ifndef __VEX_GUEST_AMD64_X87_H
#define __VEX_GUEST_AMD64_X87_H

#include "libvex_basictypes.h"
#include "libvex_guest_amd64.h"

/* Status-word bits. */
#define X87_FSW_IE  0x0001u
#define X87_FSW_DE  0x0002u
#define X87_FSW_ZE  0x0004u
#define X87_FSW_OE  0x0008u
#define X87_FSW_UE  0x0010u
#define X87_FSW_PE  0x0020u
#define X87_FSW_SF  0x0040u
#define X87_FSW_ES  0x0080u
#define X87_FSW_C0  0x0100u
#define X87_FSW_C1  0x0200u
#define X87_FSW_C2  0x0400u
#define X87_FSW_C3  0x4000u
#define X87_FSW_B   0x8000u
#define X87_FSW_CC  (X87_FSW_C0 | X87_FSW_C1 | X87_FSW_C2 | X87_FSW_C3)

/* The control word after FNINIT, and the bits FLDCW keeps. */
#define X87_CW_DEFAULT 0x037Fu
#define X87_CW_KEEP    0x1F3Fu
#define X87_CW_ONE     0x0040u

/* The real indefinite (the default quiet NaN): sign 1, exponent all
   ones, significand 0xC000000000000000. */
#define X87_INDEF_SE   0xFFFFu
#define X87_INDEF_M    0xC000000000000000ULL

/* ------------------------------------------------------------------ */
/* The value helper                                                    */
/* ------------------------------------------------------------------ */

/* Operations of amd64g_x87_op.  A and B are 80-bit values (significand,
   sign/exponent); B may instead be a memory operand of another format
   (see X87_FMT_*), given in B's significand argument. */
enum {
   X87_OP_ADD = 1,  /* A + B */
   X87_OP_SUB,      /* A - B */
   X87_OP_SUBR,     /* B - A */
   X87_OP_MUL,      /* A * B */
   X87_OP_DIV,      /* A / B */
   X87_OP_DIVR,     /* B / A */
   X87_OP_COM,      /* compare A with B: C3 C2 C0, and ZF PF CF in the
                       result's rflags; a QNaN operand is invalid */
   X87_OP_UCOM,     /* the same, only SNaNs are invalid */
   X87_OP_TST,      /* compare A with +0.0 */
   X87_OP_XAM,      /* classify A: C3 C2 C0 and C1 = sign */
   X87_OP_LOAD,     /* B converted to 80 bits (FLD, FILD, FBLD) */
   X87_OP_STORE,    /* A converted to format FMT (FST, FIST, FISTTP,
                       FBSTP): the result's significand holds the bits,
                       the sign/exponent the top 16 bits of a BCD */
   X87_OP_CONST,    /* constant number B_M (X87_K_*), rounded per RC */
   X87_OP_CHS,      /* -A */
   X87_OP_ABS,      /* |A| */
   X87_OP_SQRT,     /* sqrt(A) */
   X87_OP_RNDINT,   /* A rounded to an integer per RC */
   X87_OP_SCALE,    /* A * 2^trunc(B) */
   X87_OP_PREM,     /* partial remainder of A / B, quotient truncated */
   X87_OP_PREM1,    /* ... quotient rounded to nearest (IEEE) */
   X87_OP_XTRACT_EXP,  /* the exponent of A, as a value */
   X87_OP_XTRACT_SIG,  /* the significand of A (exponent 0) */
   X87_OP_F2XM1,    /* 2^A - 1 */
   X87_OP_YL2X,     /* B * log2(A) */
   X87_OP_YL2XP1,   /* B * log2(A + 1) */
   X87_OP_PATAN,    /* atan(B / A), in the quadrant of (A, B) */
   X87_OP_SIN,      /* sin(A): C2 = 1 (and A returned) when |A| >= 2^63 */
   X87_OP_COS,
   X87_OP_TAN,
   X87_OP_NUMBER
};

/* Formats of B (loads) and of the result (stores). */
enum {
   X87_FMT_EXT = 0,   /* 80-bit */
   X87_FMT_F32,
   X87_FMT_F64,
   X87_FMT_I16,
   X87_FMT_I32,
   X87_FMT_I64,
   X87_FMT_I16T,      /* stores: truncating (FISTTP) */
   X87_FMT_I32T,
   X87_FMT_I64T,
   X87_FMT_BCD        /* 18-digit packed BCD: the low 64 bits in the
                         significand argument, bytes 8..9 in the sign/
                         exponent argument */
};

/* Constants of X87_OP_CONST. */
enum {
   X87_K_ONE = 0, X87_K_L2T, X87_K_L2E, X87_K_PI, X87_K_LG2, X87_K_LN2,
   X87_K_ZERO
};

/* The packed control argument:
     bits  0..7   operation (X87_OP_*)
     bits  8..11  format of B or of the result (X87_FMT_*)
     bit  12      A is an empty register (stack underflow)
     bit  13      B is an empty register
     bit  14      the destination of a push is full (stack overflow)
     bits 16..31  the control word (FPROUND)
     bits 32..47  the current FC3210 */
#define X87_CTL_FMT_SHIFT   8
#define X87_CTL_A_EMPTY     (1ULL << 12)
#define X87_CTL_B_EMPTY     (1ULL << 13)
#define X87_CTL_DEST_FULL   (1ULL << 14)
#define X87_CTL_CW_SHIFT    16
#define X87_CTL_FSW_SHIFT   32

/* The result (16 bytes, written through RES):
     RES[0]               the value's significand, or the stored bits
     RES[1] bits  0..15   the value's sign and exponent
            bits 16..31   the new FC3210
            bits 32..39   for the comparisons: ZF PF CF at their rflags
                          places (for FCOMI and friends) */
extern void amd64g_x87_op(ULong* res, ULong ctl, ULong a_m, ULong a_se,
                          ULong b_m, ULong b_se);

/* The status word as FNSTSW stores it. */
extern ULong amd64g_x87_fsw(ULong fc3210, ULong ftop, ULong cw);

/* ------------------------------------------------------------------ */
/* State save and restore (dirty helpers; ADDR is the memory operand)   */
/* ------------------------------------------------------------------ */

/* FNSTENV / FLDENV: the 28-byte environment (32-bit format).  FNSTENV
   then masks all exceptions.  FIP, FDP, FOP and the selectors are not
   kept: they are stored as 0. */
extern void amd64g_dirtyhelper_FNSTENV(VexGuestAMD64State* st, HWord addr);
extern void amd64g_dirtyhelper_FLDENV(VexGuestAMD64State* st, HWord addr);
/* FNSAVE (environment + eight 80-bit registers, 108 bytes; then as
   FNINIT) and FRSTOR. */
extern void amd64g_dirtyhelper_FNSAVE(VexGuestAMD64State* st, HWord addr);
extern void amd64g_dirtyhelper_FRSTOR(VexGuestAMD64State* st, HWord addr);
/* FXSAVE / FXRSTOR: the 512-byte image (x87 with abridged tags, MXCSR,
   XMM0..15); bytes 416..511 are not touched. */
extern void amd64g_dirtyhelper_FXSAVE(VexGuestAMD64State* st, HWord addr);
extern void amd64g_dirtyhelper_FXRSTOR(VexGuestAMD64State* st, HWord addr);
/* XSAVE / XRSTOR with XCR0 = 3 (x87 | SSE): RFBM is EDX:EAX & 3. */
extern void amd64g_dirtyhelper_XSAVE(VexGuestAMD64State* st, HWord addr,
                                     ULong rfbm);
extern void amd64g_dirtyhelper_XRSTOR(VexGuestAMD64State* st, HWord addr,
                                      ULong rfbm);

/* The XCR0 the guest sees: x87 and SSE state. */
#define AMD64G_XCR0  3ULL

/* MXCSR as the x87 family's save/restore instructions see it (from and
   into the SSE family's state). */
extern UInt amd64g_x87_get_mxcsr(const VexGuestAMD64State* st);
extern void amd64g_x87_put_mxcsr(VexGuestAMD64State* st, UInt mxcsr);

/* For tests and tools: the whole state to and from an FXSAVE image (as
   the helpers above, on plain memory). */
extern void amd64g_x87_state_to_fxsave(const VexGuestAMD64State* st,
                                       UChar* img);
extern void amd64g_x87_state_from_fxsave(VexGuestAMD64State* st,
                                         const UChar* img);

/* For the tests of the library itself: A op B on 80-bit values in the
   byte layout of memory (10 bytes each), with control word CW; returns
   the FC3210 bits it raised (C1 and the exception flags). */
extern UInt amd64g_x87_selftest_binop(UInt op, const UChar* a,
                                      const UChar* b, UInt cw, UChar* out);

#endif /* __VEX_GUEST_AMD64_X87_H */
