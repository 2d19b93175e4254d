/* Constants the dispatcher's assembly shares with C (module
   m_dispatch).  Only #defines: this header is included by .S files.

   The dispatcher returns one of these translation return codes (TRCs)
   in two_words[0] when translated code leaves to the scheduler without
   an assisted exit.  An assisted exit returns the VEX_TRC_JMP_* value
   the translation put in the exit register instead (libvex_trc_values.h:
   odd numbers 17..63); the values here lie above those, and the
   scheduler asserts that they never meet. */
#ifndef __PUB_CORE_DISPATCH_ASM_H
#define __PUB_CORE_DISPATCH_ASM_H

/* The indirect-jump target was not in the thread's fast cache;
   two_words[1] = the guest address. */
#define VG_TRC_INNER_FASTMISS       101
/* The event counter went negative (the timeslice is over, or the
   scheduler asked the thread to stop); the guest PC is the address of
   the block whose event check failed. */
#define VG_TRC_INNER_COUNTERZERO    103
/* The core's signal handler left translated code because of a fault;
   reserved for the signals module. */
#define VG_TRC_FAULT_SIGNAL         105
/* The translation left the host's SSE or x87 control word changed. */
#define VG_TRC_INVARIANT_FAILED     107
/* An unchained direct exit: two_words[1] = its patch site; the guest PC
   is the jump's target.  SLOW: chain to the target's event check; FAST:
   past it. */
#define VG_TRC_CHAIN_ME_TO_SLOW_EP  109
#define VG_TRC_CHAIN_ME_TO_FAST_EP  111

/* The control words translated code and the core both assume: SSE all
   exceptions masked, round to nearest, no FTZ/DAZ; x87 all exceptions
   masked, 64-bit precision, round to nearest. */
#define VG_MXCSR_DEFAULT  0x1F80
#define VG_FPUCW_DEFAULT  0x027F

/* amd64: offset of guest_RIP in VexGuestAMD64State (checked against the
   structure in C). */
#define VG_DISP_AMD64_OFFB_RIP  184

#endif
