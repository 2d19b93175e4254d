/* The client's signals (module m_signals; see pub_core_signals.h and
   docs/internals/signals.md).

   Two views of every signal are kept:
     - the client's (SCSS): the action it asked for (handler, flags,
       mask, restorer), per process; each thread's mask and alternate
       stack (ThreadState.sig_mask, .altstack);
     - the kernel's (SKSS): what is really installed.  The core's
       handler for every signal the client handles, whose default
       action terminates, and for the fault signals (SIGSEGV, SIGBUS,
       SIGFPE, SIGILL, SIGTRAP), which translated code must never see
       killing the process; SIG_IGN where the client ignores; SIG_DFL
       for the default actions the kernel can take itself (ignore:
       SIGCHLD, SIGURG, SIGWINCH, SIGCONT; stop: SIGTSTP, SIGTTIN,
       SIGTTOU).

   Each host thread runs with the client's mask, minus the fault
   signals (a fault in translated code must reach the core whatever the
   client blocks).  So the kernel keeps pending what the client blocks,
   routes process signals to a thread that takes them, and delivers to
   the core's handler at any instruction, which:

     - for a fault (a fault signal with si_code > 0) while the thread
       runs translated code or a helper it called: grows the main stack
       when the address is just below it and resumes; otherwise records
       the fault and returns to VG_(minimal_longjmp) on the scheduler's
       buffer, so the scheduler delivers it at the faulting instruction
       (the guest state is precise there: the translations keep the
       program counter and the stack pointer up to date at every memory
       access);
     - for a fault anywhere else: the core itself crashed;
     - otherwise (asynchronous): queues the signal for the thread, makes
       it leave translated code at its next block (its event counter
       becomes 0), and, if the thread is in the interruptible system
       call routine, decides whether the call is to be made again after
       the signal or fails with EINTR (the PC ranges of
       m_syswrap/syscall-<plat>.S).

   Queued signals are delivered at safe points: by the scheduler
   between blocks (VG_(poll_signals)) and after the system calls that
   may make one deliverable.  Delivery pushes the kernel's frame
   (m_sigframe) and enters the client's handler, or takes the default
   action: terminate (the process then dies of the same signal after
   the tool's fini, see m_main), ignore, or stop. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcsignal.h"
#include "pub_core_libcsetjmp.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_debuginfo.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_syscall.h"
#include "pub_core_syswrap.h"
#include "pub_core_sigframe.h"
#include "pub_core_scheduler.h"
#include "pub_core_signals.h"

Bool VG_(clo_trace_signals) = False;

#if defined(VGA_amd64)
#  define GUEST_IP(tst)  ((Addr)(tst)->arch.vex.guest_RIP)
#  define GUEST_SP(tst)  ((Addr)(tst)->arch.vex.guest_RSP)
#  define UC_IP(uc)      ((uc)->uc_mcontext.rip)
#  define UC_SP(uc)      ((uc)->uc_mcontext.rsp)
#  define UC_ARG1(uc)    ((uc)->uc_mcontext.rdi)
#  define UC_RESULT(uc)  ((uc)->uc_mcontext.rax)
/* The syscall instruction's clobber the routine marks "not started"
   with (m_syswrap/syscall-amd64-linux.S). */
#  define UC_MARK(uc)    ((uc)->uc_mcontext.r11)
#  define SC_MARK        0x5ca11ed5a7ed5ca1ULL
#  define UC_TRAPNO(uc)  ((uc)->uc_mcontext.trapno)
#  define UC_ERR(uc)     ((uc)->uc_mcontext.err)
#  define UC_CR2(uc)     ((uc)->uc_mcontext.cr2)
#else
#  error "m_signals: architecture not supported yet"
#endif

/* The routine's block, as its assembly reads it. */
_Static_assert(__builtin_offsetof(VgSyscallBlock, sysno) == 0, "sysno");
_Static_assert(__builtin_offsetof(VgSyscallBlock, args) == 8, "args");
_Static_assert(__builtin_offsetof(VgSyscallBlock, interrupt) == 56,
               "interrupt");
_Static_assert(__builtin_offsetof(VgSyscallBlock, result) == 64, "result");
_Static_assert(__builtin_offsetof(VgSyscallBlock, completed) == 72,
               "completed");

/* ------------------------------------------------------------------ */
/* Signal classes                                                       */

static Bool valid_signo(Int sig)
{
   return sig >= 1 && sig <= _VKI_NSIG;
}

/* The signals a fault of an instruction raises. */
static Bool is_fault_sig(Int sig)
{
   return sig == VKI_SIGSEGV || sig == VKI_SIGBUS || sig == VKI_SIGFPE
          || sig == VKI_SIGILL || sig == VKI_SIGTRAP;
}

typedef enum { DflTerm, DflCore, DflIgnore, DflStop } DflKind;

/* The kernel's default actions (signal(7)); SIGSYS as Valgrind
   classifies it (terminate, no core). */
static DflKind default_kind(Int sig)
{
   switch (sig) {
      case VKI_SIGQUIT: case VKI_SIGILL: case VKI_SIGTRAP:
      case VKI_SIGABRT: case VKI_SIGBUS: case VKI_SIGFPE:
      case VKI_SIGSEGV: case VKI_SIGXCPU: case VKI_SIGXFSZ:
         return DflCore;
      case VKI_SIGCHLD: case VKI_SIGURG: case VKI_SIGWINCH:
      case VKI_SIGCONT:
         return DflIgnore;
      case VKI_SIGSTOP: case VKI_SIGTSTP: case VKI_SIGTTIN:
      case VKI_SIGTTOU:
         return DflStop;
      default:
         return DflTerm;
   }
}

const HChar* VG_(signame)(Int sig)
{
   static HChar buf[16];
   switch (sig) {
      case VKI_SIGHUP:    return "SIGHUP";
      case VKI_SIGINT:    return "SIGINT";
      case VKI_SIGQUIT:   return "SIGQUIT";
      case VKI_SIGILL:    return "SIGILL";
      case VKI_SIGTRAP:   return "SIGTRAP";
      case VKI_SIGABRT:   return "SIGABRT";
      case VKI_SIGBUS:    return "SIGBUS";
      case VKI_SIGFPE:    return "SIGFPE";
      case VKI_SIGKILL:   return "SIGKILL";
      case VKI_SIGUSR1:   return "SIGUSR1";
      case VKI_SIGSEGV:   return "SIGSEGV";
      case VKI_SIGUSR2:   return "SIGUSR2";
      case VKI_SIGPIPE:   return "SIGPIPE";
      case VKI_SIGALRM:   return "SIGALRM";
      case VKI_SIGTERM:   return "SIGTERM";
      case VKI_SIGSTKFLT: return "SIGSTKFLT";
      case VKI_SIGCHLD:   return "SIGCHLD";
      case VKI_SIGCONT:   return "SIGCONT";
      case VKI_SIGSTOP:   return "SIGSTOP";
      case VKI_SIGTSTP:   return "SIGTSTP";
      case VKI_SIGTTIN:   return "SIGTTIN";
      case VKI_SIGTTOU:   return "SIGTTOU";
      case VKI_SIGURG:    return "SIGURG";
      case VKI_SIGXCPU:   return "SIGXCPU";
      case VKI_SIGXFSZ:   return "SIGXFSZ";
      case VKI_SIGVTALRM: return "SIGVTALRM";
      case VKI_SIGPROF:   return "SIGPROF";
      case VKI_SIGWINCH:  return "SIGWINCH";
      case VKI_SIGIO:     return "SIGIO";
      case VKI_SIGPWR:    return "SIGPWR";
      case VKI_SIGSYS:    return "SIGSYS";
      default:
         if (sig >= VKI_SIGRTMIN && sig <= VKI_SIGRTMAX)
            VG_(snprintf)(buf, sizeof buf, "SIGRT%d", sig - VKI_SIGRTMIN);
         else
            VG_(snprintf)(buf, sizeof buf, "SIG%d", sig);
         return buf;
   }
}

/* ------------------------------------------------------------------ */
/* The client's actions (SCSS) and the kernel's (SKSS)                  */

/* Index = signal number.  KILL and STOP stay SIG_DFL. */
static struct vki_sigaction scss[_VKI_NSIG + 1];

/* What is installed in the kernel, to skip needless calls. */
typedef struct {
   Addr  handler;
   UWord flags;
   Bool  valid;
} SkssEntry;
static SkssEntry skss[_VKI_NSIG + 1];

/* Set once VG_(sigstartup_actions) has run. */
static Bool signals_started = False;

/* The flags rt_sigaction keeps (the kernel clears the others, so that
   a program can detect which it supports). */
#define KNOWN_SA_FLAGS                                                   \
   (VKI_SA_NOCLDSTOP | VKI_SA_NOCLDWAIT | VKI_SA_SIGINFO                 \
    | VKI_SA_EXPOSE_TAGBITS | VKI_SA_RESTORER | VKI_SA_ONSTACK           \
    | VKI_SA_RESTART | VKI_SA_NODEFER | VKI_SA_RESETHAND)

static void host_handler(Int sig, vki_siginfo_t* info, void* ucv);

static Bool client_is_handler(Int sig)
{
   vki_sighandler_t h = scss[sig].ksa_handler;
   return h != VKI_SIG_DFL && h != VKI_SIG_IGN;
}

/* Installs in the kernel what SCSS requires for SIG. */
static void set_kernel_action(Int sig)
{
   if (sig == VKI_SIGKILL || sig == VKI_SIGSTOP)
      return;
   const struct vki_sigaction* ca = &scss[sig];
   Addr handler;
   if (is_fault_sig(sig) || client_is_handler(sig))
      handler = (Addr)host_handler;
   else if (ca->ksa_handler == VKI_SIG_IGN)
      handler = (Addr)VKI_SIG_IGN;
   else if (default_kind(sig) == DflIgnore || default_kind(sig) == DflStop)
      handler = (Addr)VKI_SIG_DFL;
   else
      handler = (Addr)host_handler;

   struct vki_sigaction ka;
   VG_(memset)(&ka, 0, sizeof ka);
   ka.ksa_handler = (vki_sighandler_t)handler;
   /* Always SA_RESTART: the core's own system calls are never cut short
      by the client's signals; for the client's calls the interruptible
      routine decides between EINTR and restarting. */
   ka.sa_flags = VKI_SA_SIGINFO | VKI_SA_RESTART;
   if (sig == VKI_SIGCHLD)
      ka.sa_flags |= ca->sa_flags & (VKI_SA_NOCLDSTOP | VKI_SA_NOCLDWAIT);
   if (handler == (Addr)host_handler)
      VG_(sigfillset)(&ka.sa_mask);   /* the handler never nests */

   if (skss[sig].valid && skss[sig].handler == handler
       && skss[sig].flags == ka.sa_flags)
      return;
   if (VG_(sigaction)(sig, &ka, NULL) == 0) {
      skss[sig].handler = handler;
      skss[sig].flags   = ka.sa_flags;
      skss[sig].valid   = True;
   }
}

/* ------------------------------------------------------------------ */
/* Per-thread state                                                     */

/* Received and not yet delivered, in arrival order.  A standard signal
   is queued once (further ones merge, as in the kernel); real-time
   signals queue up to the table's size. */
#define N_QUEUED 64
typedef struct {
   Int           signo;   /* 0: a free slot */
   ULong         seq;     /* arrival order */
   vki_siginfo_t info;
} QueuedSig;

/* The frames delivered and not yet returned from (for the tool's
   post_deliver_signal, which needs the number: the kernel's frame does
   not keep it). */
#define N_FRAMES 32
typedef struct {
   Addr frame;
   Int  signo;
} DeliveredFrame;

typedef struct {
   QueuedSig      queue[N_QUEUED];
   volatile UInt  n_queued;
   ULong          next_seq;
   /* Nonzero when a queued signal is deliverable, or the thread must
      end: the interruptible routine does not start a system call
      then. */
   volatile UInt  interrupt;
   VgMinimalJmpBuf fault_jmpbuf;
   /* The fault the handler recorded for VG_(sig_deliver_fault). */
   vki_siginfo_t  fault_info;
   VgSigTrapInfo  fault_trap;
   /* The thread's last trap, reported in every frame. */
   VgSigTrapInfo  last_trap;
   /* A system call with a mask of its own (rt_sigsuspend, ppoll, ...)
      is running or has just returned: ThreadState.sig_mask is its mask
      and tmp_sig_mask the thread's own, until the signals that ended it
      are delivered. */
   volatile Bool  tmp_call;
   DeliveredFrame frames[N_FRAMES];
   Int            n_frames;
} SigThread;

static SigThread sigt[VG_N_THREADS];

static SigThread* sig_thread(ThreadId tid)
{
   vg_assert(tid > 0 && tid < VG_N_THREADS);
   return &sigt[tid];
}

/* ------------------------------------------------------------------ */
/* The host mask                                                        */

static void strip_unblockable(vki_sigset_t* set)
{
   VG_(sigdelset)(set, VKI_SIGKILL);
   VG_(sigdelset)(set, VKI_SIGSTOP);
}

static void del_fault_sigs(vki_sigset_t* set)
{
   VG_(sigdelset)(set, VKI_SIGSEGV);
   VG_(sigdelset)(set, VKI_SIGBUS);
   VG_(sigdelset)(set, VKI_SIGFPE);
   VG_(sigdelset)(set, VKI_SIGILL);
   VG_(sigdelset)(set, VKI_SIGTRAP);
}

/* The calling host thread (running TID) takes the client's mask, minus
   the fault signals and the core's VG_SIGVGKILL. */
static void set_host_mask(ThreadId tid)
{
   vki_sigset_t m = VG_(get_ThreadState)(tid)->sig_mask;
   del_fault_sigs(&m);
   VG_(sigdelset)(&m, VG_SIGVGKILL);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &m, NULL);
}

void VG_(sig_thread_startup)(ThreadId tid)
{
   /* Nothing of the slot's earlier thread: no signal can have been
      queued for this one yet (its host thread blocks them all). */
   SigThread* st = sig_thread(tid);
   VG_(memset)(st, 0, sizeof *st);
   set_host_mask(tid);
}

/* Blocks everything but the fault signals while the core works on the
   queues (the handler writes them); the mask that was in force goes to
   *SAVED when not NULL. */
static void block_async(vki_sigset_t* saved)
{
   vki_sigset_t all;
   VG_(sigfillset)(&all);
   del_fault_sigs(&all);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &all, saved);
}

static void restore_mask(const vki_sigset_t* saved)
{
   VG_(sigprocmask)(VKI_SIG_SETMASK, saved, NULL);
}

/* ------------------------------------------------------------------ */
/* Queues                                                               */

/* Called by the handler, or with signals blocked. */
static void enqueue(SigThread* st, const vki_siginfo_t* info)
{
   Int sig = info->si_signo;
   Int free_slot = -1;
   for (Int i = 0; i < N_QUEUED; i++) {
      if (st->queue[i].signo == 0) {
         if (free_slot < 0)
            free_slot = i;
      } else if (st->queue[i].signo == sig && sig < VKI_SIGRTMIN) {
         return;   /* a standard signal is pending once */
      }
   }
   if (free_slot < 0)
      return;      /* full: dropped, as the kernel drops beyond its limit */
   st->queue[free_slot].info = *info;
   st->queue[free_slot].seq  = st->next_seq++;
   __atomic_store_n(&st->queue[free_slot].signo, sig, __ATOMIC_RELEASE);
   __atomic_add_fetch(&st->n_queued, 1, __ATOMIC_RELEASE);
}

/* The kernel's order: the fault signals first, then by number; in
   arrival order among equals.  The slot's index, or -1. */
static Int pick_deliverable(const SigThread* st, const vki_sigset_t* blocked)
{
   Int best = -1;
   for (Int i = 0; i < N_QUEUED; i++) {
      Int sig = st->queue[i].signo;
      if (sig == 0 || VG_(sigismember)(blocked, sig))
         continue;
      if (best < 0) {
         best = i;
         continue;
      }
      Int bsig = st->queue[best].signo;
      Bool f = is_fault_sig(sig), bf = is_fault_sig(bsig);
      if ((f && !bf) || (f == bf && sig < bsig)
          || (sig == bsig && st->queue[i].seq < st->queue[best].seq))
         best = i;
   }
   return best;
}

/* Removes slot I (signals blocked). */
static void dequeue_slot(SigThread* st, Int i, vki_siginfo_t* info)
{
   if (info != NULL)
      *info = st->queue[i].info;
   /* (Atomic: another thread's discard_queued may run meanwhile.) */
   __atomic_store_n(&st->queue[i].signo, 0, __ATOMIC_RELAXED);
   __atomic_sub_fetch(&st->n_queued, 1, __ATOMIC_RELAXED);
}

static Bool any_deliverable(const SigThread* st, const vki_sigset_t* blocked)
{
   return st->n_queued > 0 && pick_deliverable(st, blocked) >= 0;
}

/* The interrupt word follows the queue, the mask and whether the
   thread must end (signals blocked or nothing queued). */
static void recompute_interrupt(ThreadId tid)
{
   SigThread* st = sig_thread(tid);
   const ThreadState* tst = VG_(get_ThreadState)(tid);
   st->interrupt = tst->exitreason != VgSrc_None
                   || any_deliverable(st, &tst->sig_mask) ? 1 : 0;
}

/* Throws away the queued instances of SIG in every thread (its action
   became "ignore"). */
static void discard_queued(Int sig)
{
   for (ThreadId tid = 1; tid < VG_N_THREADS; tid++) {
      SigThread* st = &sigt[tid];
      if (st->n_queued == 0)
         continue;
      for (Int i = 0; i < N_QUEUED; i++)
         if (st->queue[i].signo == sig)
            dequeue_slot(st, i, NULL);
      if (VG_(is_valid_tid)(tid))
         recompute_interrupt(tid);
   }
}

/* ------------------------------------------------------------------ */
/* The host handler                                                     */

static Bool in_range(Addr a, const UChar* lo, const UChar* hi)
{
   return a >= (Addr)lo && a < (Addr)hi;
}

/* The mask a signal arriving at host PC is judged by. */
static const vki_sigset_t* arrival_mask(ThreadId tid, Addr pc,
                                        const struct vki_ucontext* uc)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   const SigThread* st = &sigt[tid];
   if (st->tmp_call) {
      /* Before its syscall instruction the call's own mask is not in
         force yet. */
      Bool before = in_range(pc, ML_(sc_setup_start), ML_(sc_syscall_insn))
                    || (pc == (Addr)ML_(sc_syscall_insn)
                        && UC_MARK(uc) == SC_MARK);
      if (before)
         return &tst->tmp_sig_mask;
   }
   return &tst->sig_mask;
}

/* A deliverable signal SIG arrived while the thread was at host PC:
   if that is in the interruptible routine before its call completed,
   decide what becomes of the call. */
static void fix_interrupted_syscall(Int sig, struct vki_ucontext* uc)
{
   Addr pc = UC_IP(uc);
   if (in_range(pc, ML_(sc_setup_start), ML_(sc_syscall_insn))) {
      UC_IP(uc) = (Addr)ML_(sc_not_started);
      return;
   }
   if (pc != (Addr)ML_(sc_syscall_insn))
      return;   /* elsewhere, or completed: nothing to change */
   if (UC_MARK(uc) == SC_MARK) {
      /* About to make the call. */
      UC_IP(uc) = (Addr)ML_(sc_not_started);
      return;
   }
   /* The kernel interrupted the call and backed up to restart it (the
      core's handlers have SA_RESTART).  The client's action decides:
      restart after its handler, or fail with EINTR.  Without a handler
      the signal kills, so either will do; VG_SIGVGKILL ends the call
      for good. */
   if (sig != VG_SIGVGKILL
       && (!client_is_handler(sig) || (scss[sig].sa_flags & VKI_SA_RESTART))) {
      UC_IP(uc) = (Addr)ML_(sc_not_started);
   } else {
      UC_RESULT(uc) = (UWord)-(Word)VKI_EINTR;
      UC_IP(uc) = (Addr)ML_(sc_syscall_done);
   }
}

static void core_crash(Int sig, const vki_siginfo_t* info,
                       const struct vki_ucontext* uc) NORETURN;
static void core_crash(Int sig, const vki_siginfo_t* info,
                       const struct vki_ucontext* uc)
{
   VG_(dmsg)("VALGRIND INTERNAL ERROR: Valgrind received a signal %d (%s) "
             "- exiting\n", sig, VG_(signame)(sig));
   VG_(dmsg)("si_code=%d;  Faulting address: 0x%lX;  sp: %#lx\n",
             info->si_code, (Addr)info->_sifields._sigfault.addr,
             (Addr)UC_SP(uc));
   VG_(core_panic)("Killed by fatal signal");
}

static void host_handler(Int sig, vki_siginfo_t* info, void* ucv)
{
   struct vki_ucontext* uc = ucv;
   ThreadId tid = VG_(get_running_tid)();

   /* A fault of an instruction (a program may also queue itself a
      fault signal with a positive si_code: that one arrives in a system
      call). */
   if (is_fault_sig(sig) && info->si_code > 0
       && !in_range(UC_IP(uc), ML_(sc_setup_start), ML_(sc_end))) {
      if (tid == VG_INVALID_THREADID
          || !VG_(get_ThreadState)(tid)->running_client_code)
         core_crash(sig, info, uc);
      SigThread* st = &sigt[tid];
      if (sig == VKI_SIGSEGV && info->si_code == VKI_SEGV_MAPERR
          && VG_(extend_stack)(tid, (Addr)info->_sifields._sigfault.addr))
         return;   /* the stack grew: the instruction runs again */
      st->fault_info = *info;
      st->fault_trap.trapno = UC_TRAPNO(uc);
      st->fault_trap.err    = UC_ERR(uc);
      st->fault_trap.cr2    = UC_CR2(uc);
      st->fault_trap.fault  = True;
      VG_(get_ThreadState)(tid)->running_client_code = False;
      /* Back to the scheduler once this handler has returned. */
      UC_IP(uc)   = (Addr)VG_(minimal_longjmp);
      UC_ARG1(uc) = (Addr)st->fault_jmpbuf;
      return;
   }

   /* (Every host thread of the core runs a thread from its start to its
      end, with all signals blocked before and after.) */
   if (tid == VG_INVALID_THREADID || !VG_(is_valid_tid)(tid))
      return;
   SigThread* st = &sigt[tid];
   ThreadState* tst = VG_(get_ThreadState)(tid);
   if (sig == VG_SIGVGKILL
       && __atomic_load_n(&tst->exitreason, __ATOMIC_ACQUIRE)
          != VgSrc_None) {
      /* Another thread is ending the process: out of the system call
         and of translated code, never into another call. */
      st->interrupt = 1;
      VG_(kick_thread)(tid);
      fix_interrupted_syscall(sig, uc);
      return;
   }
   enqueue(st, info);
   if (VG_(sigismember)(arrival_mask(tid, UC_IP(uc), uc), sig))
      return;   /* held: a fault signal the client blocks */
   st->interrupt = 1;
   /* Out of translated code at the next block. */
   VG_(kick_thread)(tid);
   fix_interrupted_syscall(sig, uc);
}

/* ------------------------------------------------------------------ */
/* Messages                                                             */

void VG_(pp_guest_frame)(Addr ip, Bool first)
{
   const HChar* fn;
   const HChar* obj;
   if (!VG_(get_fnname)(ip, &fn))
      fn = "???";
   const Bool have_obj = VG_(get_objname)(ip, &obj);
   VG_(umsg)("   %s 0x%lX: %s%s%s%s\n", first ? "at" : "by", ip, fn,
             have_obj ? " (in " : "", obj, have_obj ? ")" : "");
}

/* What Valgrind says about a signal the kernel raised, or NULL.
   *HAVE_ADDR: the address is worth showing. */
static const HChar* fault_event(Int sig, Int code, Bool* have_addr)
{
   *have_addr = True;
   switch (sig) {
      case VKI_SIGSEGV:
         switch (code) {
            case VKI_SEGV_MAPERR: return "Access not within mapped region";
            case VKI_SEGV_ACCERR: return "Bad permissions for mapped region";
            case VKI_SI_KERNEL:
               *have_addr = False;
               return "General Protection Fault";
            default: return NULL;
         }
      case VKI_SIGILL:
         switch (code) {
            case VKI_ILL_ILLOPC: return "Illegal opcode";
            case VKI_ILL_ILLOPN: return "Illegal operand";
            case VKI_ILL_ILLADR: return "Illegal addressing mode";
            case VKI_ILL_ILLTRP: return "Illegal trap";
            case VKI_ILL_PRVOPC: return "Privileged opcode";
            case VKI_ILL_PRVREG: return "Privileged register";
            case VKI_ILL_COPROC: return "Coprocessor error";
            case VKI_ILL_BADSTK: return "Internal stack error";
            default: return NULL;
         }
      case VKI_SIGFPE:
         switch (code) {
            case VKI_FPE_INTDIV: return "Integer divide by zero";
            case VKI_FPE_INTOVF: return "Integer overflow";
            case VKI_FPE_FLTDIV: return "FP divide by zero";
            case VKI_FPE_FLTOVF: return "FP overflow";
            case VKI_FPE_FLTUND: return "FP underflow";
            case VKI_FPE_FLTRES: return "FP inexact";
            case VKI_FPE_FLTINV: return "FP invalid operation";
            case VKI_FPE_FLTSUB: return "FP subscript out of range";
            default: return NULL;
         }
      case VKI_SIGBUS:
         switch (code) {
            case VKI_BUS_ADRALN: return "Invalid address alignment";
            case VKI_BUS_ADRERR: return "Non-existent physical address";
            case VKI_BUS_OBJERR: return "Hardware error";
            default: return NULL;
         }
      default:
         return NULL;
   }
}

/* ------------------------------------------------------------------ */
/* The main thread's stack                                              */

/* Its growth area, [resvn_lo, stack_lo): found at start-up, updated as
   it grows.  Empty (0, 0) when the stack is not laid out that way. */
static Addr stack_resvn_lo = 0;
static Addr stack_lo = 0;

static void find_stack_layout(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   NSegment seg, below;
   stack_resvn_lo = stack_lo = 0;
   if (tst->client_stack_highest_byte == 0
       || !VG_(am_lookup_segment)(tst->client_stack_highest_byte, &seg)
       || seg.kind != SkAnonC || seg.start == 0
       || !VG_(am_lookup_segment)(seg.start - 1, &below)
       || below.kind != SkResvn || below.smode != SmUpper)
      return;
   stack_resvn_lo = below.start;
   stack_lo = seg.start;
}

static Bool extend_stack_wrk(ThreadId tid, Addr a, Bool report)
{
   if (a >= stack_lo || a < stack_resvn_lo)
      return False;
   Addr base = VG_ROUNDDN(a, VKI_PAGE_SIZE);
   Bool overflow = False;
   if (VG_(am_extend_into_adjacent_reservation_client)
          (stack_lo, -(SSizeT)(stack_lo - base), &overflow)) {
      stack_lo = base;
      return True;
   }
   if (overflow && report)
      VG_(umsg)("Stack overflow in thread #%u: can't grow stack to %#lx\n",
                tid, base);
   return False;
}

Bool VG_(extend_stack)(ThreadId tid, Addr a)
{
   return extend_stack_wrk(tid, a, True);
}

void VG_(sig_extend_stack_for)(ThreadId tid, Addr a, SizeT len)
{
   if (len == 0 || a >= stack_lo || a + len <= stack_resvn_lo
       || a + len < a)
      return;
   /* As far as it can grow (its reservation keeps one page). */
   Addr lowest = stack_resvn_lo + VKI_PAGE_SIZE;
   extend_stack_wrk(tid, a < lowest ? lowest : a, False);
}

/* ------------------------------------------------------------------ */
/* Delivery                                                             */

static void trace(const HChar* fmt, ...) PRINTF_CHECK(1, 2);
static void trace(const HChar* fmt, ...)
{
   if (!VG_(clo_trace_signals))
      return;
   va_list ap;
   va_start(ap, fmt);
   VG_(vmessage)(Vg_DebugMsg, fmt, ap);
   va_end(ap);
}

/* The default action of the signal INFO for TID. */
static void default_action(ThreadId tid, const vki_siginfo_t* info)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   Int sig = info->si_signo;
   DflKind kind = default_kind(sig);
   trace("delivering %d (code %d) to default handler; action: %s\n", sig,
         info->si_code, kind == DflIgnore ? "ignore"
                        : kind == DflStop ? "stop"
                        : kind == DflCore ? "terminate+core" : "terminate");
   if (kind == DflIgnore)
      return;
   if (kind == DflStop) {
      /* The kernel stops the process; it carries on at SIGCONT. */
      VG_(kill_self)(sig);
      return;
   }

   Bool from_kernel = info->si_code > VKI_SI_USER;
   if (VG_(clo_verbosity) >= 1 || (kind == DflCore && from_kernel)) {
      VG_(umsg)("\n");
      VG_(umsg)("Process terminating with default action of signal %d "
                "(%s)\n", sig, VG_(signame)(sig));
      if (from_kernel) {
         Bool have_addr;
         const HChar* event = fault_event(sig, info->si_code, &have_addr);
         if (event != NULL && have_addr)
            VG_(umsg)(" %s at address 0x%lX\n", event,
                      (Addr)info->_sifields._sigfault.addr);
         else if (event != NULL)
            VG_(umsg)(" %s\n", event);
      }
      /* As Valgrind, make sure the stack pointer's page exists before
         the stack trace (which will walk it). */
      if (tid == 1) {
         Addr base = VG_ROUNDDN(GUEST_SP(tst) - VG_STACK_REDZONE_SZB,
                                VKI_PAGE_SIZE);
         VG_(extend_stack)(tid, base);
      }
      VG_(pp_guest_frame)(GUEST_IP(tst), True);
      if (sig == VKI_SIGSEGV && from_kernel
          && info->si_code == VKI_SEGV_MAPERR) {
         VG_(umsg)(" If you believe this happened as a result of a stack\n");
         VG_(umsg)(" overflow in your program's main thread (unlikely but\n");
         VG_(umsg)(" possible), you can try to increase the size of the\n");
         VG_(umsg)(" main thread stack using the --main-stacksize= flag.\n");
         if (VG_(is_valid_tid)(1))
            VG_(umsg)(" The main thread stack size used in this run was "
                      "%lu.\n", VG_(get_ThreadState)(1)->client_stack_szB);
      }
   }
   /* Everyone dies: the scheduler ends the other threads, and m_main
      kills the process with SIG once the tool has finished. */
   tst->exitreason        = VgSrc_FatalSig;
   tst->os_state.fatalsig = sig;
}

void VG_(sig_frame_returned)(ThreadId tid, Addr frame)
{
   SigThread* st = sig_thread(tid);
   /* The frames delivered after this one were left by longjmp. */
   for (Int k = st->n_frames - 1; k >= 0; k--) {
      if (st->frames[k].frame != frame)
         continue;
      Int sig = st->frames[k].signo;
      st->n_frames = k;
      trace("thread %u returned from the handler of signal %d\n", tid, sig);
      if (VG_(tdict).track_post_deliver_signal)
         VG_(tdict).track_post_deliver_signal(tid, sig);
      return;
   }
}

static void push_frame_record(SigThread* st, Addr frame, Int sig)
{
   if (st->n_frames == N_FRAMES) {
      VG_(memmove)(&st->frames[0], &st->frames[1],
                   (N_FRAMES - 1) * sizeof st->frames[0]);
      st->n_frames--;
   }
   st->frames[st->n_frames].frame = frame;
   st->frames[st->n_frames].signo = sig;
   st->n_frames++;
}

static void deliver_signal(ThreadId tid, const vki_siginfo_t* info,
                           const VgSigTrapInfo* trap);

/* The frame for SIG could not be built: the kernel's force_sigsegv.  A
   SIGSEGV then kills; another signal becomes a SIGSEGV (SI_KERNEL),
   unblocked and not ignored, which a SIGSEGV handler may still catch
   (on its alternate stack, say). */
static void frame_failed(ThreadId tid, Int sig)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vki_siginfo_t si;
   VG_(memset)(&si, 0, sizeof si);
   si.si_signo = VKI_SIGSEGV;
   si.si_code  = VKI_SI_KERNEL;
   trace("no frame could be built for signal %d: SIGSEGV\n", sig);
   if (sig == VKI_SIGSEGV || scss[VKI_SIGSEGV].ksa_handler == VKI_SIG_IGN
       || VG_(sigismember)(&tst->sig_mask, VKI_SIGSEGV)) {
      scss[VKI_SIGSEGV].ksa_handler = VKI_SIG_DFL;
      set_kernel_action(VKI_SIGSEGV);
      VG_(sigdelset)(&tst->sig_mask, VKI_SIGSEGV);
   }
   deliver_signal(tid, &si, NULL);
}

/* Delivers INFO to TID now: its handler (a frame on its stack) or the
   default action.  Signals are blocked; the caller sets the host mask
   afterwards. */
static void deliver_signal(ThreadId tid, const vki_siginfo_t* info,
                           const VgSigTrapInfo* trap)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SigThread* st = sig_thread(tid);
   Int sig = info->si_signo;
   struct vki_sigaction* act = &scss[sig];

   if (act->ksa_handler == VKI_SIG_IGN) {
      trace("signal %d ignored\n", sig);
      return;
   }
   if (act->ksa_handler == VKI_SIG_DFL) {
      default_action(tid, info);
      return;
   }
   trace("delivering signal %d (%s):%d to thread %u at %#lx\n", sig,
         VG_(signame)(sig), info->si_code, tid, GUEST_IP(tst));

   VgSigTrapInfo t;
   if (trap != NULL) {
      t = *trap;
   } else {
      t = st->last_trap;
      t.fault = False;
   }
   VgSigDelivery d;
   d.signo      = sig;
   d.handler    = (Addr)act->ksa_handler;
   d.restorer   = (act->sa_flags & VKI_SA_RESTORER)
                     ? (Addr)act->sa_restorer : 0;
   d.flags      = (UInt)act->sa_flags;
   d.info       = info;
   d.saved_mask = st->tmp_call ? &tst->tmp_sig_mask : &tst->sig_mask;
   d.trap       = &t;
   if (!VG_(sigframe_create)(tid, &d)) {
      frame_failed(tid, sig);
      return;
   }
   push_frame_record(st, GUEST_SP(tst), sig);

   /* The handler runs with its mask added (and the signal itself
      unless SA_NODEFER) to the mask in force: a call's own mask when
      the signal ended such a call. */
   vki_sigset_t m = tst->sig_mask;
   VG_(sigaddset_from_set)(&m, &act->sa_mask);
   if (!(act->sa_flags & VKI_SA_NODEFER))
      VG_(sigaddset)(&m, sig);
   strip_unblockable(&m);
   tst->sig_mask     = m;
   tst->tmp_sig_mask = m;
   st->tmp_call      = False;

   if (act->sa_flags & VKI_SA_RESETHAND) {
      act->ksa_handler = VKI_SIG_DFL;
      set_kernel_action(sig);
   }
}

/* The end of a call with its own mask, when no signal ended it. */
static void end_tmp_call(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SigThread* st = sig_thread(tid);
   if (!st->tmp_call)
      return;
   tst->sig_mask = tst->tmp_sig_mask;
   st->tmp_call = False;
}

void VG_(poll_signals)(ThreadId tid)
{
   SigThread* st = sig_thread(tid);
   if (st->n_queued == 0) {
      end_tmp_call(tid);
      return;
   }
   ThreadState* tst = VG_(get_ThreadState)(tid);
   block_async(NULL);
   /* Delivery changes the client's stack and the tool hears of it:
      nobody else may run meanwhile. */
   if (any_deliverable(st, &tst->sig_mask))
      VG_(acquire_BigLock_exclusive)(tid, "signal delivery");
   while (tst->exitreason == VgSrc_None) {
      Int i = pick_deliverable(st, &tst->sig_mask);
      if (i < 0)
         break;
      vki_siginfo_t info;
      dequeue_slot(st, i, &info);
      deliver_signal(tid, &info, NULL);
   }
   end_tmp_call(tid);
   tst->tmp_sig_mask = tst->sig_mask;
   recompute_interrupt(tid);
   set_host_mask(tid);
}

/* A signal raised by TID's instruction: the kernel's force_sig
   semantics (blocked or ignored, it is unblocked and its action reset
   to the default), then delivery with TRAP as the thread's last trap. */
static void deliver_fault(ThreadId tid, const vki_siginfo_t* info,
                          const VgSigTrapInfo* trap)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SigThread* st = sig_thread(tid);
   Int sig = info->si_signo;
   block_async(NULL);
   end_tmp_call(tid);
   if (VG_(sigismember)(&tst->sig_mask, sig)
       || scss[sig].ksa_handler == VKI_SIG_IGN) {
      trace("signal %d blocked or ignored: its default action\n", sig);
      VG_(sigdelset)(&tst->sig_mask, sig);
      scss[sig].ksa_handler = VKI_SIG_DFL;
      set_kernel_action(sig);
   }
   st->last_trap = *trap;
   st->last_trap.fault = False;
   deliver_signal(tid, info, trap);
   tst->tmp_sig_mask = tst->sig_mask;
   recompute_interrupt(tid);
   set_host_mask(tid);
}

/* ------------------------------------------------------------------ */
/* The scheduler's side                                                 */

VgMinimalJmpBuf* VG_(sig_fault_jmpbuf)(ThreadId tid)
{
   return &sig_thread(tid)->fault_jmpbuf;
}

void VG_(sig_deliver_fault)(ThreadId tid)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SigThread* st = sig_thread(tid);
   vki_siginfo_t info = st->fault_info;
   /* A host instruction's own fault reports the host's address where
      the kernel would give the guest's. */
   if (info.si_signo == VKI_SIGFPE || info.si_signo == VKI_SIGILL)
      info._sifields._sigfault.addr = (void*)GUEST_IP(tst);
   trace("fault %d (%s):%d at guest %#lx, address %p\n", info.si_signo,
         VG_(signame)(info.si_signo), info.si_code, GUEST_IP(tst),
         info._sifields._sigfault.addr);
   deliver_fault(tid, &info, &st->fault_trap);
}

/* x86's trap vector and error code for a signal the translation
   raised itself (what the kernel reports for the real instruction). */
static void synth_trap(ThreadId tid, Int signo, Int code, Addr addr,
                       VgSigTrapInfo* t)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SigThread* st = sig_thread(tid);
   t->trapno = 0;
   t->err    = 0;
   t->cr2    = st->last_trap.cr2;
   t->fault  = True;
#if defined(VGA_amd64)
   switch (signo) {
      case VKI_SIGILL:
         t->trapno = VKI_X86_TRAP_UD;
         break;
      case VKI_SIGTRAP:
         t->trapno = VKI_X86_TRAP_BP;
         t->fault  = False;   /* a trap: after the instruction */
         break;
      case VKI_SIGFPE:
         t->trapno = VKI_X86_TRAP_DE;
         break;
      case VKI_SIGSEGV:
         if (code == VKI_SI_KERNEL) {
            t->trapno = VKI_X86_TRAP_GP;
            /* "int $N" that the kernel refuses: the IDT entry's error
               code. */
            Addr ip = GUEST_IP(tst);
            if (VG_(am_is_valid_for_client)(ip, 2, VKI_PROT_READ)
                && ((const UChar*)ip)[0] == 0xCD)
               t->err = ((UWord)((const UChar*)ip)[1] << 3) | 2;
         } else {
            t->trapno = VKI_X86_TRAP_PF;
            t->cr2    = addr;
         }
         break;
      default:
         break;
   }
#endif
}

void VG_(synth_signal)(ThreadId tid, Int signo, Int si_code, Addr addr)
{
   vki_siginfo_t info;
   VG_(memset)(&info, 0, sizeof info);
   info.si_signo = signo;
   info.si_code  = si_code;
   info._sifields._sigfault.addr = (void*)addr;
   VgSigTrapInfo t;
   synth_trap(tid, signo, si_code, addr, &t);
   trace("synthesised %d (%s):%d at guest %#lx\n", signo,
         VG_(signame)(signo), si_code,
         GUEST_IP(VG_(get_ThreadState)(tid)));
   deliver_fault(tid, &info, &t);
}

void VG_(synth_fault_fetch)(ThreadId tid, Addr addr)
{
   Bool mapped = VG_(am_is_valid_for_client)(addr, 1, VKI_PROT_NONE);
   vki_siginfo_t info;
   VG_(memset)(&info, 0, sizeof info);
   info.si_signo = VKI_SIGSEGV;
   info.si_code  = mapped ? VKI_SEGV_ACCERR : VKI_SEGV_MAPERR;
   info._sifields._sigfault.addr = (void*)addr;
   VgSigTrapInfo t;
   t.cr2    = addr;
   t.fault  = True;
#if defined(VGA_amd64)
   /* A page fault of an instruction fetch in user mode. */
   t.trapno = VKI_X86_TRAP_PF;
   t.err    = VKI_X86_PF_USER | VKI_X86_PF_INSTR
              | (mapped ? VKI_X86_PF_PROT : 0);
#endif
   deliver_fault(tid, &info, &t);
}

/* ------------------------------------------------------------------ */
/* The signal system calls                                              */

SysRes VG_(do_sys_sigaction)(Int signo, const struct vki_sigaction* new_act,
                             struct vki_sigaction* old_act)
{
   if (!valid_signo(signo))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   if (new_act != NULL && (signo == VKI_SIGKILL || signo == VKI_SIGSTOP))
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   /* The core's own signal (as Valgrind keeps its highest one). */
   if (signo == VG_SIGVGKILL)
      return VG_(mk_SysRes_Error)(VKI_EINVAL);
   struct vki_sigaction old = scss[signo];
   if (new_act != NULL) {
      struct vki_sigaction n = *new_act;
      n.sa_flags &= KNOWN_SA_FLAGS;
      strip_unblockable(&n.sa_mask);
      scss[signo] = n;
      trace("sigaction: signal %d gets handler %p, flags %#lx\n", signo,
            (void*)n.ksa_handler, n.sa_flags);
      if (signals_started) {
         set_kernel_action(signo);
         /* POSIX: ignoring a pending signal discards it. */
         if (n.ksa_handler == VKI_SIG_IGN
             || (n.ksa_handler == VKI_SIG_DFL
                 && default_kind(signo) == DflIgnore)) {
            vki_sigset_t saved;
            block_async(&saved);
            discard_queued(signo);
            restore_mask(&saved);
         }
      }
   }
   if (old_act != NULL)
      *old_act = old;
   return VG_(mk_SysRes_Success)(0);
}

SysRes VG_(do_sys_sigprocmask)(ThreadId tid, Int how, vki_sigset_t* set,
                               vki_sigset_t* oldset)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vki_sigset_t old = tst->sig_mask;
   if (set != NULL) {
      vki_sigset_t m = tst->sig_mask;
      switch (how) {
         case VKI_SIG_BLOCK:   VG_(sigaddset_from_set)(&m, set); break;
         case VKI_SIG_UNBLOCK: VG_(sigdelset_from_set)(&m, set); break;
         case VKI_SIG_SETMASK: m = *set; break;
         default: return VG_(mk_SysRes_Error)(VKI_EINVAL);
      }
      strip_unblockable(&m);
      tst->sig_mask     = m;
      tst->tmp_sig_mask = m;
      if (signals_started) {
         /* The kernel delivers what this unblocks at once (to the
            core's handler, which queues it): polled after the call. */
         block_async(NULL);
         recompute_interrupt(tid);
         set_host_mask(tid);
      }
   }
   if (oldset != NULL)
      *oldset = old;
   return VG_(mk_SysRes_Success)(0);
}

Bool VG_(sig_on_altstack)(const vki_stack_t* as, Addr sp, Bool raw)
{
   if (!raw && ((UInt)as->ss_flags & VKI_SS_AUTODISARM))
      return False;
   return sp > (Addr)as->ss_sp && sp - (Addr)as->ss_sp <= as->ss_size;
}

static Bool on_altstack(const vki_stack_t* as, Addr sp)
{
   return VG_(sig_on_altstack)(as, sp, False);
}

SysRes VG_(do_sys_sigaltstack)(ThreadId tid, vki_stack_t* ss,
                               vki_stack_t* oss)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   vki_stack_t* as = &tst->altstack;
   Addr sp = GUEST_SP(tst);
   vki_stack_t old;
   VG_(memset)(&old, 0, sizeof old);
   old.ss_sp    = as->ss_sp;
   old.ss_size  = as->ss_size;
   old.ss_flags = (as->ss_size == 0 ? VKI_SS_DISABLE
                   : on_altstack(as, sp) ? VKI_SS_ONSTACK : 0)
                  | (Int)((UInt)as->ss_flags & VKI_SS_AUTODISARM);
   if (ss != NULL) {
      vki_stack_t n = *ss;
      if (on_altstack(as, sp))
         return VG_(mk_SysRes_Error)(VKI_EPERM);
      Int mode = (Int)((UInt)n.ss_flags & ~VKI_SS_AUTODISARM);
      if (mode != VKI_SS_DISABLE && mode != VKI_SS_ONSTACK && mode != 0)
         return VG_(mk_SysRes_Error)(VKI_EINVAL);
      if (mode == VKI_SS_DISABLE) {
         n.ss_sp   = NULL;
         n.ss_size = 0;
      } else if (n.ss_size < VKI_MINSIGSTKSZ) {
         return VG_(mk_SysRes_Error)(VKI_ENOMEM);
      }
      *as = n;
      trace("sigaltstack: thread %u: %p, %lu bytes, flags %#x\n", tid,
            n.ss_sp, (UWord)n.ss_size, (UInt)n.ss_flags);
   }
   if (oss != NULL)
      *oss = old;
   return VG_(mk_SysRes_Success)(0);
}

SysRes VG_(do_sys_sigpending)(ThreadId tid, vki_sigset_t* set)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SigThread* st = sig_thread(tid);
   vki_sigset_t k;
   SysRes r = VG_(do_syscall2)(__NR_rt_sigpending, (UWord)&k, sizeof k);
   if (sr_isError(r))
      return r;
   if (st->n_queued > 0) {
      vki_sigset_t saved;
      block_async(&saved);
      for (Int i = 0; i < N_QUEUED; i++) {
         Int sig = st->queue[i].signo;
         if (sig != 0 && VG_(sigismember)(&tst->sig_mask, sig))
            VG_(sigaddset)(&k, sig);
      }
      restore_mask(&saved);
   }
   *set = k;
   return r;
}

Int VG_(sig_take_held)(ThreadId tid, const vki_sigset_t* set,
                       vki_siginfo_t* info)
{
   SigThread* st = sig_thread(tid);
   if (st->n_queued == 0)
      return 0;
   vki_sigset_t not_wanted;
   VG_(sigcomplementset)(&not_wanted, set);
   vki_sigset_t saved;
   block_async(&saved);
   Int i = pick_deliverable(st, &not_wanted);
   Int sig = 0;
   if (i >= 0) {
      sig = st->queue[i].signo;
      dequeue_slot(st, i, info);
      recompute_interrupt(tid);
   }
   restore_mask(&saved);
   return sig;
}

/* ------------------------------------------------------------------ */
/* The client's system calls                                            */

/* Client memory the core may read (before the address-space manager
   runs, in the hosted tests: anything above the first page). */
static Bool client_readable(Addr a, SizeT len)
{
   if (!VG_(am_is_initialised)())
      return a >= VKI_PAGE_SIZE && a + len > a;
   return VG_(am_is_valid_for_client)(a, len, VKI_PROT_READ);
}

/* The mask a call waits with, if it has one (the kernel's semantics:
   it is in force only while the call waits). */
static Bool call_mask(UWord sysno, const UWord args[6], vki_sigset_t* mask)
{
   Addr p = 0;
   UWord size = sizeof(vki_sigset_t);
   switch (sysno) {
      case __NR_rt_sigsuspend:
         p = args[0];
         size = args[1];
         break;
      case __NR_ppoll:
         p = args[3];
         size = args[4];
         break;
      case __NR_epoll_pwait:
#if defined(__NR_epoll_pwait2)
      case __NR_epoll_pwait2:
#endif
         p = args[4];
         size = args[5];
         break;
      case __NR_pselect6: {
         /* A pointer to { const sigset_t* ss; size_t ss_len; }. */
         Addr d = args[5];
         if (d == 0 || !client_readable(d, 2 * sizeof(UWord)))
            return False;
         p = ((const UWord*)d)[0];
         size = ((const UWord*)d)[1];
         break;
      }
      default:
         return False;
   }
   if (p == 0 || size != sizeof(vki_sigset_t)
       || !client_readable(p, sizeof(vki_sigset_t)))
      return False;   /* no mask, or the kernel fails the call */
   *mask = *(const vki_sigset_t*)p;
   strip_unblockable(mask);
   return True;
}

Bool VG_(sig_do_syscall_for_client)(ThreadId tid, UWord sysno,
                                    const UWord args[6], SysRes* res)
{
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SigThread* st = sig_thread(tid);
   vki_sigset_t cmask;
   Bool has_mask = signals_started && call_mask(sysno, args, &cmask);
   if (has_mask) {
      tst->tmp_sig_mask = tst->sig_mask;
      tst->sig_mask = cmask;
      st->tmp_call = True;
      if (st->n_queued > 0) {
         /* A signal the core holds that the call's mask lets through
            ends it at once. */
         vki_sigset_t saved;
         block_async(&saved);
         Bool now = any_deliverable(st, &cmask);
         restore_mask(&saved);
         if (now) {
            *res = VG_(mk_SysRes_Error)(VKI_EINTR);
            return True;
         }
      }
   }

   VgSyscallBlock b;
   b.sysno = sysno;
   for (Int i = 0; i < 6; i++)
      b.args[i] = args[i];
   b.interrupt = &st->interrupt;
   b.result    = 0;
   b.completed = 0;
   ML_(do_syscall_for_client_WRK)(&b);

   if (!b.completed) {
      trace("syscall %lu of thread %u not started: a signal first\n",
            sysno, tid);
      if (has_mask)
         end_tmp_call(tid);
      return False;
   }
   /* On every Linux target a result in [-4095, -1] is a negated
      errno. */
   if (b.result > (UWord)-4096)
      *res = VG_(mk_SysRes_Error)(-b.result);
   else
      *res = VG_(mk_SysRes_Success)(b.result);
   return True;
}

/* ------------------------------------------------------------------ */
/* Start-up                                                             */

/* A forked child starts with nothing pending (the kernel's rule). */
static void atfork_child(ThreadId tid)
{
   (void)tid;
   for (ThreadId t = 1; t < VG_N_THREADS; t++) {
      SigThread* st = &sigt[t];
      for (Int i = 0; i < N_QUEUED; i++)
         st->queue[i].signo = 0;
      st->n_queued   = 0;
      st->interrupt  = 0;
   }
}

void VG_(sigstartup_actions)(ThreadId main_tid)
{
   ThreadState* tst = VG_(get_ThreadState)(main_tid);
   vki_sigset_t inherited;
   VG_(sigprocmask)(VKI_SIG_SETMASK, NULL, &inherited);
   strip_unblockable(&inherited);
   tst->sig_mask     = inherited;
   tst->tmp_sig_mask = inherited;

   for (Int sig = 1; sig <= _VKI_NSIG; sig++) {
      VG_(memset)(&scss[sig], 0, sizeof scss[sig]);
      scss[sig].ksa_handler = VKI_SIG_DFL;
      if (sig == VKI_SIGKILL || sig == VKI_SIGSTOP)
         continue;
      /* The program inherits the signals its parent ignored. */
      struct vki_sigaction cur;
      if (VG_(sigaction)(sig, NULL, &cur) == 0
          && cur.ksa_handler == VKI_SIG_IGN)
         scss[sig].ksa_handler = VKI_SIG_IGN;
      set_kernel_action(sig);
   }
   signals_started = True;
   set_host_mask(main_tid);
   find_stack_layout(main_tid);
   VG_(atfork)(NULL, NULL, atfork_child);
   VG_(debugLog)(2, "signals", "host handlers installed; main stack "
                 "grows within %#lx-%#lx\n", stack_resvn_lo, stack_lo);
}
