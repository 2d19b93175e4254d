/* The scheduler's run loop, the big lock's place, and what happens at
   each kind of exit from translated code (see pub_core_scheduler.h).

   The loop.  VG_(scheduler) gives the thread a timeslice (its event
   counter) and runs it: find the translation of the guest PC (the
   thread's fast cache, then the table, else translate), enter it
   through the dispatcher, and act on the reason it came back:

     VG_TRC_INNER_FASTMISS       an indirect jump missed the fast cache:
                                 look up (or translate) and go on
     VG_TRC_CHAIN_ME_TO_*_EP     an unchained direct exit: translate the
                                 target if needed, chain the exit, go on
     VG_TRC_INNER_COUNTERZERO    the timeslice is over: give other
                                 threads their turn, start a new one
     VEX_TRC_JMP_SYS_*           a system call (m_syswrap)
     VEX_TRC_JMP_CLIENTREQ       a client request (clientreq.c)
     VEX_TRC_JMP_YIELD           a spin-wait hint: give others a turn
     VEX_TRC_JMP_NODECODE        an undecodable instruction: SIGILL
     VEX_TRC_JMP_SIG*            a fault the code raises itself
     VEX_TRC_JMP_MAPFAIL         code not mapped: SIGSEGV
     VEX_TRC_JMP_EMWARN, _EMFAIL an emulation warning; a fatal one
     VEX_TRC_JMP_INVALICACHE     discard the translations of a range
     VEX_TRC_JMP_FLUSHDCACHE     nothing to do on this host
     VEX_TRC_JMP_NOREDIR         a jump without redirection
     VEX_TRC_JMP_BORING          a plain jump (chaining disabled)

   until a system call ends the thread or a signal kills it.  The first
   three are handled inside the inner loop (run_a_while); the others end
   it. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_options.h"
#include "pub_core_mallocfree.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_dispatch.h"
#include "pub_core_transtab.h"
#include "pub_core_translate.h"
#include "pub_core_syswrap.h"
#include "pub_core_libcsetjmp.h"
#include "pub_core_signals.h"
#include "pub_core_main.h"
#include "pub_core_sbprofile.h"
#include "pub_core_scheduler.h"
#include "libvex_trc_values.h"
#include "priv_scheduler.h"

#if defined(VGA_amd64)
_Static_assert(__builtin_offsetof(VexGuestAMD64State, guest_RIP)
               == VG_DISP_AMD64_OFFB_RIP, "the dispatcher's guest_RIP offset");
#  define GUEST_IP(tst) ((tst)->arch.vex.guest_RIP)
#else
#  error "m_scheduler: architecture not supported yet"
#endif

/* The dispatcher's codes never collide with an assisted exit's. */
_Static_assert(VG_TRC_INNER_FASTMISS > VEX_TRC_JMP_SYS_SYSENTER,
               "VG_TRC_* and VEX_TRC_JMP_* overlap");

/* The inner loop's own code: there is no translation for the guest PC
   (not the client's executable memory). */
#define VG_TRC_NO_TRANSLATION 1001

/* ------------------------------------------------------------------ */
/* Options                                                              */

Bool VG_(clo_sigill_diag)   = True;
Bool VG_(clo_show_emwarns)  = False;
Bool VG_(clo_parallel)      = True;
Bool VG_(clo_fair_sched)    = False;

Bool VG_(scheduler_process_cmd_line_option)(const HChar* arg)
{
   if (VG_BOOL_CLO(arg, "--sigill-diagnostics", VG_(clo_sigill_diag)))
      return True;
   if (VG_BOOL_CLO(arg, "--show-emwarns", VG_(clo_show_emwarns)))
      return True;
   if (VG_BOOL_CLO(arg, "--parallel", VG_(clo_parallel)))
      return True;
   if (VG_BOOL_CLO(arg, "--fair-sched", VG_(clo_fair_sched)))
      return True;
   return False;
}

void VG_(scheduler_print_usage)(Bool print_debug)
{
   if (!print_debug) {
      VG_(printf)(
"    --parallel=no|yes         run threads' translated code in parallel\n"
"                              (if the tool allows it) [yes]\n"
"    --fair-sched=no|yes       hand the lock over first come, first served\n"
"                              when threads run one at a time [no]\n");
      return;
   }
   VG_(printf)(
"    --show-emwarns=no|yes     show warnings about emulation limits? [no]\n"
"    --sigill-diagnostics=yes|no  warn about illegal instructions? [yes]\n");
}

/* ------------------------------------------------------------------ */
/* Set-up                                                               */

ULong VG_(get_bbs_done)(ThreadId tid)
{
   return VG_(get_ThreadState)(tid)->bbs_done;
}

ThreadId VG_(scheduler_init_phase1)(void)
{
   VG_(init_Threads)();
   /* Exclusive mode unless the tool's instrumentation may run in
      parallel and the user did not ask otherwise.  The SB profile's
      counters are plain increments: exact only one thread at a time. */
   ML_(sched_init_lock)(VG_(clo_parallel)
                        && VG_(needs).parallel_execution
                        && !VG_(clo_profile_sbs),
                        VG_(clo_fair_sched));
   ThreadId tid = VG_(alloc_ThreadState)();
   vg_assert(tid == 1);
   ThreadState* tst = VG_(get_ThreadState)(tid);
   tst->os_state.lwpid       = VG_(gettid)();
   tst->os_state.threadgroup = VG_(getpid)();
   VG_(set_running_tid)(tid);
   VG_(debugLog)(1, "sched", "threads run translated code %s\n",
                 VG_(sched_is_parallel)() ? "in parallel" : "one at a time");
   return tid;
}

/* Gives a thread starting (or starting afresh) its event counter. */
static void init_event_check(ThreadState* tst)
{
   tst->arch.vex.host_EvC_FAILADDR = (Addr)VG_(disp_cp_evcheck_fail);
   tst->arch.vex.host_EvC_COUNTER  = VG_SCHEDULING_QUANTUM;
}

void VG_(scheduler_init_phase2)(ThreadId tid, const IIFinaliseImageInfo* iifi)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   ThreadArchState* arch = &tst->arch;
   VG_(memset)(arch, 0, sizeof *arch);
#if defined(VGA_amd64)
   LibVEX_GuestAMD64_initialise(&arch->vex);
   arch->vex.guest_RSP      = iifi->regs.sp;
   arch->vex.guest_RIP      = iifi->regs.ip;
   arch->vex.guest_RDX      = iifi->regs.atexit_fn;
   arch->vex.guest_FS_CONST = 0;
#endif
   init_event_check(tst);
   tst->client_stack_highest_byte = iifi->clstack_end;
   tst->client_stack_szB          = iifi->clstack_max_size;
   VG_TRACK(post_reg_write, Vg_CoreStartup, tid, 0,
            sizeof(VexGuestArchState));
}

/* ------------------------------------------------------------------ */
/* Stack-trace stand-in and synchronous signals                         */

void ML_(sched_pp_frame)(Addr ip, Bool first)
{
   VG_(pp_guest_frame)(ip, first);
}

/* Every signal raised by the client's code goes to the signals module,
   which delivers it to the client's handler or takes its default
   action. */
void ML_(sched_synth_signal)(ThreadId tid, Int signo, Int si_code, Addr addr)
{
   VG_(synth_signal)(tid, signo, si_code, addr);
}

/* ------------------------------------------------------------------ */
/* Exits handled in the inner loop                                      */

/* Finds or makes the translation of the guest PC; False if there can
   be none. */
static Bool find_translation(ThreadId tid, const VgFastCache* fc, Addr* host)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   Addr ip = (Addr)GUEST_IP(tst);
   /* The thread's own fast cache first: no lock needed.  (Its empty
      entries' guest address is never code.) */
   const VgFastCacheEntry* e
      = &fc->entry[(ip ^ (ip >> VG_TT_FAST_BITS)) & VG_TT_FAST_MASK];
   if (e->guest == ip && ip != VG_TT_FAST_EMPTY_GUEST) {
      *host = e->host;
      return True;
   }
   if (VG_(search_transtab)(host, ip, tid))
      return True;
   if (!VG_(translate)(tid, ip, False, 0, tst->bbs_done, True))
      return False;
   Bool found = VG_(search_transtab)(host, ip, tid);
   vg_assert(found);
   return True;
}

/* Runs thread TID's translated code until an exit the inner loop does
   not handle; returns its TRC (two_words[1] is its extra word). */
static UWord run_a_while(ThreadId tid, UWord* two_words)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   VgFastCache* fc  = VG_(tt_fast_cache)(tid);
   VgMinimalJmpBuf* jb = VG_(sig_fault_jmpbuf)(tid);
   for (;;) {
      Addr host;
      if (!find_translation(tid, fc, &host))
         return VG_TRC_NO_TRANSLATION;

      /* Whether the exit that comes back may still be chained: see
         VG_(tt_epoch). */
      ULong epoch  = VG_(tt_epoch)();
      VG_TRACK(start_client_code, tid, tst->bbs_done);
      UWord trc;
      /* (volatile: it must survive the longjmp of a fault.) */
      volatile Int before = 0;
      if (VG_(minimal_setjmp)(*jb) == 0) {
         /* Flag first, counter second: a kick in between is seen by
            one or the other (VG_(kick_thread)). */
         __atomic_store_n(&tst->running_client_code, True,
                          __ATOMIC_SEQ_CST);
         before = (Int)tst->arch.vex.host_EvC_COUNTER;
         trc = VG_(disp_run_translations)(two_words, &tst->arch.vex,
                                          host, fc);
         __atomic_store_n(&tst->running_client_code, False,
                          __ATOMIC_RELAXED);
      } else {
         /* The translated code (or a helper it called) faulted: the
            signals module's handler recorded the fault and came back
            here; the guest state is that of the faulting
            instruction. */
         trc = VG_TRC_FAULT_SIGNAL;
         two_words[0] = trc;
         two_words[1] = 0;
         __atomic_store_n(&tst->running_client_code, False,
                          __ATOMIC_RELAXED);
      }
      Int after = (Int)tst->arch.vex.host_EvC_COUNTER;
      /* A kick may have taken the rest of the timeslice to make the
         thread leave: those blocks did not run. */
      Long run = (Long)before - (Long)after
                 - (Long)__atomic_exchange_n(&tst->evc_stolen, 0,
                                             __ATOMIC_RELAXED);
      if (run > 0)
         tst->bbs_done += (ULong)run;
      VG_TRACK(stop_client_code, tid, tst->bbs_done);
      if (VG_(clo_profile_interval) > 0 && run > 0)
         VG_(sbprofile_evchecks_done)(tid, (ULong)run);

      switch (trc) {
         case VG_TRC_INNER_FASTMISS:
            vg_assert(two_words[1] == (UWord)GUEST_IP(tst));
            continue;
         case VG_TRC_CHAIN_ME_TO_SLOW_EP:
         case VG_TRC_CHAIN_ME_TO_FAST_EP: {
            /* The exit has stored its target in the guest PC. */
            Addr target = (Addr)GUEST_IP(tst);
            Addr target_host;
            if (!find_translation(tid, fc, &target_host))
               return VG_TRC_NO_TRANSLATION;
            VG_(tt_chain)(two_words[1], trc == VG_TRC_CHAIN_ME_TO_FAST_EP,
                          target, epoch);
            continue;
         }
         default:
            return trc;
      }
   }
}

/* ------------------------------------------------------------------ */
/* Exits that end the inner loop                                        */

static void handle_noinsn(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   Addr ip = (Addr)GUEST_IP(tst);
   if (VG_(clo_sigill_diag) && VG_(clo_verbosity) > 0) {
      /* VEX explains only when tracing: say which bytes it refused. */
      SizeT n = 10;
      while (n > 0 && !VG_(am_is_valid_for_client)(ip, n, VKI_PROT_READ))
         n--;
      if (n > 0) {
         VG_(printf)("vex amd64->IR: unhandled instruction bytes:");
         for (SizeT i = 0; i < n; i++)
            VG_(printf)(" 0x%X", (UInt)((const UChar*)ip)[i]);
         VG_(printf)("\n");
      }
      VG_(umsg)("valgrind: Unrecognised instruction at address 0x%lx.\n",
                ip);
      ML_(sched_pp_frame)(ip, True);
      VG_(umsg)("Your program just tried to execute an instruction that "
                "Valgrind\n");
      VG_(umsg)("did not recognise.  There are two possible reasons for "
                "this.\n");
      VG_(umsg)("1. Your program has a bug and erroneously jumped to a "
                "non-code\n");
      VG_(umsg)("   location.  If you are running Memcheck and you just "
                "saw a\n");
      VG_(umsg)("   warning about a bad jump, it's probably your "
                "program's fault.\n");
      VG_(umsg)("2. The instruction is legitimate but Valgrind doesn't "
                "handle it,\n");
      VG_(umsg)("   i.e. it's Valgrind's fault.  If you think this is "
                "the case or\n");
      VG_(umsg)("   you are not sure, please let us know and we'll try "
                "to fix it.\n");
      VG_(umsg)("Either way, Valgrind will now raise a SIGILL signal "
                "which will\n");
      VG_(umsg)("probably kill your program.\n");
   }
   ML_(sched_synth_signal)(tid, VKI_SIGILL, VKI_ILL_ILLOPC, ip);
}

/* How often each emulation note has been shown. */
static UInt emnote_shown[64];

static void handle_emnote(ThreadId tid, Bool fatal)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   UInt note = tst->arch.vex.guest_EMNOTE;
   if (fatal) {
      VG_(umsg)("Emulation fatal error -- Valgrind cannot continue:\n");
      VG_(umsg)("  emulation note %u\n", note);
      ML_(sched_pp_frame)((Addr)GUEST_IP(tst), True);
      VG_(umsg)("\n");
      VG_(umsg)("Valgrind has to exit now.  Sorry.\n");
      VG_(umsg)("\n");
      VG_(exit)(1);
   }
   Bool show = note >= VG_N_ELEMS(emnote_shown)
               || emnote_shown[note]++ < 3;
   if (show && VG_(clo_show_emwarns)) {
      VG_(umsg)("Emulation warning: unsupported action:\n");
      VG_(umsg)("  emulation note %u\n", note);
      ML_(sched_pp_frame)((Addr)GUEST_IP(tst), True);
   }
}

/* --sanity-level=3 and above: the address-space map must agree with
   the kernel's (/proc/self/maps); a difference is a core bug. */
static void check_aspace_against_kernel(const HChar* when)
{
   if (!VG_(am_do_sync_check)(when, __FILE__, __LINE__))
      VG_(core_panic)("the address-space map disagrees with the kernel's");
}

static void handle_syscall(ThreadId tid, UWord trc)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   VG_(client_syscall)(tid, (UInt)trc);
   if (VG_(clo_sanity_level) >= 3)
      check_aspace_against_kernel("after a system call");
   Int code = 0;
   VgSchedReturnCode why = VG_(syswrap_exit_reason)(tid, &code);
   if (why != VgSrc_None && tst->exitreason == VgSrc_None) {
      tst->exitreason        = why;
      tst->os_state.exitcode = code;
   }
}

/* A system call made by any of the instructions VEX knows. */
static Bool is_syscall_exit(UWord trc)
{
   switch (trc) {
      case VEX_TRC_JMP_SYS_SYSCALL:
      case VEX_TRC_JMP_SYS_INT32:
      case VEX_TRC_JMP_SYS_INT128:
      case VEX_TRC_JMP_SYS_INT129:
      case VEX_TRC_JMP_SYS_INT130:
      case VEX_TRC_JMP_SYS_INT145:
      case VEX_TRC_JMP_SYS_INT210:
      case VEX_TRC_JMP_SYS_SYSENTER:
         return True;
      default:
         return False;
   }
}

/* Whether the core's handling of exit TRC may run alongside other
   threads' translated code: only the end of a timeslice, jumps with
   nothing to do, and system calls (whose wrappers decide for
   themselves: m_syswrap) may. */
static Bool exit_needs_exclusive(UWord trc)
{
   switch (trc) {
      case VG_TRC_INNER_COUNTERZERO:
      case VEX_TRC_JMP_BORING:
      case VEX_TRC_JMP_NOREDIR:
      case VEX_TRC_JMP_FLUSHDCACHE:
      case VEX_TRC_JMP_YIELD:
         return False;
      default:
         return !is_syscall_exit(trc);
   }
}

/* Acts on an exit that ended the inner loop. */
static void handle_exit(ThreadId tid, UWord trc)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   Addr ip = (Addr)GUEST_IP(tst);
   if (is_syscall_exit(trc)) {
      handle_syscall(tid, trc);
      return;
   }
   if (exit_needs_exclusive(trc))
      VG_(acquire_BigLock_exclusive)(tid, "scheduler exit handling");
   switch (trc) {
      case VG_TRC_INNER_COUNTERZERO:
         ML_(timeslice_end)(tid, "timeslice end");
         if (VG_(clo_sanity_level) >= 3) {
            VG_(acquire_BigLock_exclusive)(tid, "sanity check");
            vg_assert(VG_(sanity_check_tt_tc)());
            check_aspace_against_kernel("timeslice end");
         }
         break;
      case VG_TRC_NO_TRANSLATION:
         /* Jumped to memory that is not the client's executable code. */
         VG_(synth_fault_fetch)(tid, ip);
         break;
      case VG_TRC_INVARIANT_FAILED:
         VG_(core_panic)("translated code left the host's SSE or x87 "
                         "control word changed");
      case VG_TRC_FAULT_SIGNAL:
         VG_(sig_deliver_fault)(tid);
         break;

      case VEX_TRC_JMP_BORING:
      case VEX_TRC_JMP_NOREDIR:      /* no redirection exists yet */
      case VEX_TRC_JMP_FLUSHDCACHE:  /* coherent caches */
         break;
      case VEX_TRC_JMP_YIELD:
         /* A spin-wait hint: the thread spun on may be waiting for the
            lock.  (In parallel mode it runs already.) */
         if (!VG_(sched_is_parallel)())
            ML_(hand_over_exclusive)(tid, "yield");
         break;
      case VEX_TRC_JMP_CLIENTREQ:
         ML_(sched_client_request)(tid);
         break;
      case VEX_TRC_JMP_INVALICACHE:
         VG_(discard_translations)((Addr)tst->arch.vex.guest_CMSTART,
                                   tst->arch.vex.guest_CMLEN,
                                   "scheduler(VEX_TRC_JMP_INVALICACHE)");
         break;
      case VEX_TRC_JMP_EMWARN:
         handle_emnote(tid, False);
         break;
      case VEX_TRC_JMP_EMFAIL:
         handle_emnote(tid, True);
         break;
      case VEX_TRC_JMP_NODECODE:
         handle_noinsn(tid);
         break;
      case VEX_TRC_JMP_SIGILL:
         /* ud2 and friends: #UD, which the kernel reports as
            ILL_ILLOPN. */
         ML_(sched_synth_signal)(tid, VKI_SIGILL, VKI_ILL_ILLOPN, ip);
         break;
      case VEX_TRC_JMP_SIGTRAP:
         /* int3: the kernel's SIGTRAP has SI_KERNEL and no address. */
         ML_(sched_synth_signal)(tid, VKI_SIGTRAP, VKI_SI_KERNEL, 0);
         break;
      case VEX_TRC_JMP_SIGSEGV:
         ML_(sched_synth_signal)(tid, VKI_SIGSEGV, VKI_SI_KERNEL, 0);
         break;
      case VEX_TRC_JMP_MAPFAIL:
         ML_(sched_synth_signal)(tid, VKI_SIGSEGV, VKI_SEGV_MAPERR, ip);
         break;
      case VEX_TRC_JMP_SIGBUS:
         ML_(sched_synth_signal)(tid, VKI_SIGBUS, VKI_BUS_ADRERR, ip);
         break;
      case VEX_TRC_JMP_SIGFPE_INTDIV:
         ML_(sched_synth_signal)(tid, VKI_SIGFPE, VKI_FPE_INTDIV, ip);
         break;
      case VEX_TRC_JMP_SIGFPE_INTOVF:
         ML_(sched_synth_signal)(tid, VKI_SIGFPE, VKI_FPE_INTOVF, ip);
         break;
      default: {
         HChar msg[96];
         VG_(snprintf)(msg, sizeof msg, "VG_(scheduler): unexpected "
                       "exit code %lu", trc);
         VG_(core_panic)(msg);
      }
   }
}

/* ------------------------------------------------------------------ */
/* The loop                                                             */

VgSchedReturnCode VG_(scheduler)(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vg_assert(tst->status == VgTs_Init || tst->status == VgTs_Runnable);
   Bool first = tst->status == VgTs_Init;
   VG_(acquire_BigLock)(tid, "VG_(scheduler) entry");
   if (first && tst->exitreason == VgSrc_None)
      VG_TRACK(pre_thread_first_insn, tid);

   init_event_check(tst);
   UWord two_words[2];
   while (tst->exitreason == VgSrc_None) {
      /* A safe point: deliver the signals received meanwhile. */
      VG_(poll_signals)(tid);
      if (tst->exitreason != VgSrc_None)
         break;
      VG_(BigLock_back_to_normal)(tid);
      UWord trc = run_a_while(tid, two_words);
      handle_exit(tid, trc);
   }
   VG_(debugLog)(2, "sched", "thread %u leaves the scheduler (%s) after "
                 "%llu blocks\n", tid,
                 tst->exitreason == VgSrc_FatalSig ? "fatal signal"
                 : tst->exitreason == VgSrc_ExitThread ? "exit"
                 : "exit_group", tst->bbs_done);
   return tst->exitreason;
}

void VG_(run_thread_to_end_NORETURN)(ThreadId tid)
{
   VgSchedReturnCode why = VG_(scheduler)(tid);
   if (VG_(sched_thread_ending)(tid))
      VG_(shutdown_actions_NORETURN)(tid, why);
   VG_(exit_host_thread_NORETURN)(tid);
}
