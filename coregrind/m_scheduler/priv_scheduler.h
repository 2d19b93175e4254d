/* Shared between the scheduler's files (module m_scheduler). */
#ifndef __PRIV_SCHEDULER_H
#define __PRIV_SCHEDULER_H

#include "pub_core_basics.h"

/* Prints the guest code address IP as one frame of a stack trace
   ("   at 0x...: ??? (in <object>)"); FIRST: "at", else "by" (the
   signals module's VG_(pp_guest_frame), a stand-in for the stack-trace
   module until there is one). */
extern void ML_(sched_pp_frame)(Addr ip, Bool first);

/* Delivers SIGNO (VKI_SIGILL, _SIGTRAP, _SIGSEGV, _SIGBUS, _SIGFPE),
   with SI_CODE and the fault address ADDR, to thread TID as a
   synchronous signal raised by its code (VG_(synth_signal) of the
   signals module: the client's handler, or the default action). */
extern void ML_(sched_synth_signal)(ThreadId tid, Int signo, Int si_code,
                                    Addr addr);

/* Handles the client request of thread TID (a VEX_TRC_JMP_CLIENTREQ
   exit): the request block's address is in the guest's request
   register, the result goes to the result register, which keeps the
   default value when nobody handles the request (clientreq.c). */
extern void ML_(sched_client_request)(ThreadId tid);

/* sched-lock.c: sets the big lock up (PARALLEL: parallel mode; FAIR:
   exclusive acquisitions first come, first served). */
extern void ML_(sched_init_lock)(Bool parallel, Bool fair);

/* Exclusive mode: if other threads wait for the lock, TID lets one have
   it and waits (briefly) until one has, before taking it back. */
extern void ML_(hand_over_exclusive)(ThreadId tid, const HChar* who);

/* The end of TID's timeslice: the place where other threads get their
   turn (a writer waiting in parallel mode; a waiting thread in
   exclusive mode); the event counter starts again. */
extern void ML_(timeslice_end)(ThreadId tid, const HChar* who);

#endif
