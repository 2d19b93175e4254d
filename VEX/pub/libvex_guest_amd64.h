/* The amd64 guest state: the CPU registers of one guest thread as the
   translated code sees them.

   Translated code reaches this structure through one pinned host register
   and addresses its fields at fixed offsets, so the layout is part of the
   contract between the front end (which emits GET/PUT at these offsets),
   the back end (whose block entry decrements host_EvC_COUNTER at offset 8)
   and the core (which builds, saves and restores these structures).  The
   offsets are spelled out beside each field; the static assertions at the
   end of this file keep them honest.  The total size is a multiple of 16
   so that the tools' shadow copies laid out after it stay aligned.

   Flags are evaluated lazily: instead of an rflags register the state
   holds a "thunk" (CC_OP, CC_DEP1, CC_DEP2, CC_NDEP) describing the last
   flag-setting operation; see guest_amd64_defs.h for the operations and
   LibVEX_GuestAMD64_get_rflags below for turning a thunk into bits.  The
   direction flag is held apart as +1/-1 (DFLAG), as are the ID and AC
   bits (0/1).

   x87: the eight registers FPREG[0..7] are physical registers (FTOP says
   which is ST(0)).  Each slot is 16 bytes so that the x87 family can keep
   true 80-bit extended precision: slot i holds the register's value in
   the 80-bit format in bytes 0..9 (little-endian, exactly as FSTP m80fp
   would store it) and bytes 10..15 are zero.  FPTAG[i] is 1 when register
   i is full.  FPROUND holds the whole x87 control word (as FNSTCW
   stores it) and FC3210 the status word without TOP, ES and B (the
   exception flags, SF and C3..C0 in their places): see
   VEX/priv/guest_amd64_x87.h, whose helpers also convert the whole
   state to and from an FXSAVE image (amd64g_x87_state_to_fxsave).

   SSE: YMM0..YMM16 are 256 bits each (8 UInts, lowest first); the SSE
   family uses the low 128 bits, AVX will use the rest.  YMM16 is a
   scratch register for the front end.  SSEROUND holds the MXCSR rounding
   mode as an IRRoundingMode. */
#ifndef __LIBVEX_PUB_GUEST_AMD64_H
#define __LIBVEX_PUB_GUEST_AMD64_H

#include "libvex_basictypes.h"

typedef struct {
   /* --- Event check: the back end's block entry decrements the
      counter and, when it goes negative, jumps to FAILADDR. --- */
   /*    0 */ ULong host_EvC_FAILADDR;
   /*    8 */ UInt  host_EvC_COUNTER;
   /*   12 */ UInt  pad0;

   /* --- The sixteen integer registers, in encoding order. --- */
   /*   16 */ ULong guest_RAX;
   /*   24 */ ULong guest_RCX;
   /*   32 */ ULong guest_RDX;
   /*   40 */ ULong guest_RBX;
   /*   48 */ ULong guest_RSP;
   /*   56 */ ULong guest_RBP;
   /*   64 */ ULong guest_RSI;
   /*   72 */ ULong guest_RDI;
   /*   80 */ ULong guest_R8;
   /*   88 */ ULong guest_R9;
   /*   96 */ ULong guest_R10;
   /*  104 */ ULong guest_R11;
   /*  112 */ ULong guest_R12;
   /*  120 */ ULong guest_R13;
   /*  128 */ ULong guest_R14;
   /*  136 */ ULong guest_R15;

   /* --- The lazy flags thunk (see guest_amd64_defs.h). --- */
   /*  144 */ ULong guest_CC_OP;
   /*  152 */ ULong guest_CC_DEP1;
   /*  160 */ ULong guest_CC_DEP2;
   /*  168 */ ULong guest_CC_NDEP;

   /*  176 */ ULong guest_DFLAG;      /* +1 or -1 (all ones) */
   /*  184 */ ULong guest_RIP;
   /*  192 */ ULong guest_ACFLAG;     /* 0 or 1 */
   /*  200 */ ULong guest_IDFLAG;     /* 0 or 1 */

   /* --- Segment bases: an %fs:/%gs: override adds these. --- */
   /*  208 */ ULong guest_FS_CONST;
   /*  216 */ ULong guest_GS_CONST;

   /* --- SSE. --- */
   /*  224 */ ULong guest_SSEROUND;   /* an IRRoundingMode */
   /*  232 */ ULong guest_SSE_spare[3];  /* reserved for the SSE family
                                             (e.g. MXCSR's FTZ/DAZ bits) */
   /*  256 */ U256  guest_YMM0;
   /*  288 */ U256  guest_YMM1;
   /*  320 */ U256  guest_YMM2;
   /*  352 */ U256  guest_YMM3;
   /*  384 */ U256  guest_YMM4;
   /*  416 */ U256  guest_YMM5;
   /*  448 */ U256  guest_YMM6;
   /*  480 */ U256  guest_YMM7;
   /*  512 */ U256  guest_YMM8;
   /*  544 */ U256  guest_YMM9;
   /*  576 */ U256  guest_YMM10;
   /*  608 */ U256  guest_YMM11;
   /*  640 */ U256  guest_YMM12;
   /*  672 */ U256  guest_YMM13;
   /*  704 */ U256  guest_YMM14;
   /*  736 */ U256  guest_YMM15;
   /*  768 */ U256  guest_YMM16;

   /* --- x87 (see above). --- */
   /*  800 */ U128  guest_FPREG[8];   /* 16 bytes each: an 80-bit value */
   /*  928 */ UChar guest_FPTAG[8];
   /*  936 */ UInt  guest_FTOP;
   /*  940 */ UInt  pad1;
   /*  944 */ ULong guest_FPROUND;
   /*  952 */ ULong guest_FC3210;

   /* --- Emulation notes, cache management, redirection, syscalls. --- */
   /*  960 */ UInt  guest_EMNOTE;     /* a VexEmNote, 0 when none */
   /*  964 */ UInt  pad2;
   /*  968 */ ULong guest_CMSTART;    /* Ijk_InvalICache: range start */
   /*  976 */ ULong guest_CMLEN;      /* ... and length */
   /*  984 */ ULong guest_NRADDR;     /* function-wrapping: the
                                         non-redirected address */
   /*  992 */ ULong guest_SC_CLASS;   /* syscall class (the core's) */
   /* 1000 */ ULong guest_IP_AT_SYSCALL; /* RIP of the last syscall */
   /* 1008 */ ULong pad3[2];
   /* 1024 */
} VexGuestAMD64State;

/* Resets every register: integer registers, segment bases and vectors
   zero, flags thunk "all flags clear", DF clear (DFLAG = 1), x87 empty
   with round-to-nearest, SSE round-to-nearest. */
extern void LibVEX_GuestAMD64_initialise(/*OUT*/VexGuestAMD64State* vex_state);

/* The guest's rflags as the hardware would show them: the six arithmetic
   flags from the thunk, DF, AC and ID, and bit 1 (always set). */
extern ULong LibVEX_GuestAMD64_get_rflags(const VexGuestAMD64State* vex_state);

/* Sets the carry flag to NEW_CARRY_FLAG (0 or 1), keeping the others. */
extern void LibVEX_GuestAMD64_put_rflag_c(ULong new_carry_flag,
                                          /*MOD*/VexGuestAMD64State* vex_state);

/* Sets the arithmetic flags, DF, AC and ID from RFLAGS (other bits are
   ignored). */
extern void LibVEX_GuestAMD64_put_rflags(ULong rflags,
                                         /*MOD*/VexGuestAMD64State* vex_state);

/* The x87 and SSE state as the 512-byte FXSAVE image at FP_STATE
   (bytes 416..511 are not touched), and back from one: what a signal
   frame holds (the core's m_sigframe). */
extern void LibVEX_GuestAMD64_fxsave(const VexGuestAMD64State* vex_state,
                                     HWord fp_state);
extern void LibVEX_GuestAMD64_fxrstor(HWord fp_state,
                                      /*MOD*/VexGuestAMD64State* vex_state);
/* Offsets the rest of the system needs without the structure's field
   names. */
#define VEX_AMD64_OFFB_RSP  48
#define VEX_AMD64_OFFB_RBP  56
#define VEX_AMD64_OFFB_RIP 184

_Static_assert(__builtin_offsetof(VexGuestAMD64State, host_EvC_COUNTER) == 8,
               "event-check counter offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_RAX) == 16,
               "RAX offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_CC_OP) == 144,
               "CC_OP offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_RIP)
               == VEX_AMD64_OFFB_RIP, "RIP offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_RSP)
               == VEX_AMD64_OFFB_RSP, "RSP offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_RBP)
               == VEX_AMD64_OFFB_RBP, "RBP offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_YMM0) == 256,
               "YMM0 offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_FPREG) == 800,
               "FPREG offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_EMNOTE) == 960,
               "EMNOTE offset");
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_IP_AT_SYSCALL)
               == 1000, "IP_AT_SYSCALL offset");
_Static_assert(sizeof(VexGuestAMD64State) == 1024, "guest state size");

#endif /* __LIBVEX_PUB_GUEST_AMD64_H */
