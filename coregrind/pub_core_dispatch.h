/* The dispatcher (module m_dispatch): entering translated code, and the
   entry points translated code leaves through.  One assembly file per
   platform (coregrind/m_dispatch/dispatch-<arch>-<os>.S); the protocol
   between translations and these entry points is the back end's
   (VEX/priv/host_<arch>_defs.h). */
#ifndef __PUB_CORE_DISPATCH_H
#define __PUB_CORE_DISPATCH_H

#include "pub_core_basics.h"
#include "pub_core_dispatch_asm.h"

/* Runs translated code from HOST_ADDR with GUEST_STATE (the thread's
   VexGuestArchState, followed by its shadows and spill area) until an
   exit needs the scheduler.  FAST_CACHE is the calling thread's fast
   cache (VG_(tt_fast_cache)).  On return two_words[0] is the reason (a
   VG_TRC_* of pub_core_dispatch_asm.h or a VEX_TRC_JMP_* of an assisted
   exit) and two_words[1] the extra word:
      VG_TRC_CHAIN_ME_TO_{SLOW,FAST}_EP  the patch site to chain
      VG_TRC_INNER_FASTMISS              the guest address looked up
      otherwise                          0
   The reason is also the return value.  Before the call the guest
   state's event-check fail address must be VG_(disp_cp_evcheck_fail)
   and its counter the number of blocks the thread may run. */
extern UWord VG_(disp_run_translations)(UWord* two_words, void* guest_state,
                                        Addr host_addr, void* fast_cache);

/* Where translations' exits go (given to LibVEX_Translate and to the
   chaining calls).  Not C functions: never call them. */
extern void VG_(disp_cp_chain_me_to_slowEP)(void);
extern void VG_(disp_cp_chain_me_to_fastEP)(void);
extern void VG_(disp_cp_xindir)(void);
extern void VG_(disp_cp_xassisted)(void);
extern void VG_(disp_cp_evcheck_fail)(void);
/* The fast-cache miss handler: the host address of empty fast-cache
   entries. */
extern void VG_(disp_cp_fastmiss)(void);

#endif
