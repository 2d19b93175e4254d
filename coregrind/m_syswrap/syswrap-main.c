/* The system-call driver: from the guest registers to the wrapper, the
   kernel and back (see pub_core_syswrap.h for the protocol). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_mallocfree.h"
#include "pub_core_syscall.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_signals.h"
#include "pub_core_scheduler.h"
#include "pub_core_syswrap.h"
#include "libvex_trc_values.h"
#include "priv_types_n_macros.h"
#include "priv_syswrap-generic.h"

Bool VG_(clo_trace_syscalls) = False;

/* ------------------------------------------------------------------ */
/* Per-thread state of the call in flight                               */

typedef struct {
   SyscallArgs   orig_args;   /* as the client made it */
   SyscallArgs   args;        /* as PRE left it for the kernel */
   SyscallStatus status;
   UWord         flags;       /* Sf* */
   Addr          ip_at_syscall;
   Int           n_reg_args;  /* argument registers PRE declared */
   Bool          in_syscall;
} SyscallInfo;

/* VG_N_THREADS records, made on first use.  A thread writes only its
   own; the signals module will read another thread's under the big
   lock. */
static SyscallInfo* syscall_info = NULL;

static SyscallInfo* get_sci(ThreadId tid)
{
   vg_assert(tid > 0 && tid < VG_N_THREADS);
   if (syscall_info == NULL)
      syscall_info = VG_(arena_calloc)(VG_AR_CORE, "syswrap.syscall_info",
                                       VG_N_THREADS, sizeof(SyscallInfo));
   return &syscall_info[tid];
}

void ML_(syscall_info_new_thread)(ThreadId tid)
{
   /* The slot's earlier thread may have been in a call when it went
      (in the parent of a fork, say). */
   VG_(memset)(get_sci(tid), 0, sizeof(SyscallInfo));
}

/* ------------------------------------------------------------------ */
/* Trackers                                                             */

void ML_(pre_mem_read)(ThreadId tid, const HChar* what, Addr a, SizeT len)
{
   /* The kernel grows the main stack when a call touches its growth
      area. */
   VG_(sig_extend_stack_for)(tid, a, len);
   if (VG_(tdict).track_pre_mem_read)
      VG_(tdict).track_pre_mem_read(Vg_CoreSysCall, tid, what, a, len);
}

void ML_(pre_mem_read_asciiz)(ThreadId tid, const HChar* what, Addr a)
{
   if (VG_(tdict).track_pre_mem_read_asciiz)
      VG_(tdict).track_pre_mem_read_asciiz(Vg_CoreSysCall, tid, what, a);
}

void ML_(pre_mem_write)(ThreadId tid, const HChar* what, Addr a, SizeT len)
{
   VG_(sig_extend_stack_for)(tid, a, len);
   if (VG_(tdict).track_pre_mem_write)
      VG_(tdict).track_pre_mem_write(Vg_CoreSysCall, tid, what, a, len);
}

void ML_(post_mem_write)(ThreadId tid, Addr a, SizeT len)
{
   if (VG_(tdict).track_post_mem_write)
      VG_(tdict).track_post_mem_write(Vg_CoreSysCall, tid, a, len);
}

void ML_(pre_reg_read)(ThreadId tid, const HChar* what, Int n, SizeT size)
{
   vg_assert(n >= 1 && n <= 6);
   SyscallInfo* sci = get_sci(tid);
   if (n > sci->n_reg_args)
      sci->n_reg_args = n;
   if (VG_(tdict).track_pre_reg_read)
      VG_(tdict).track_pre_reg_read(Vg_CoreSysCall, tid, what,
                                    ML_(syscall_reg_offset)(n), size);
}

/* ------------------------------------------------------------------ */
/* Running the call for the client                                      */

/* The one place the kernel is asked to do the client's system call:
   through the signals module, so that a signal can interrupt it at a
   known point (docs/internals/signals.md).  If a signal must be
   delivered before the call is made, it is not made: the guest's PC
   goes back to the syscall instruction and its registers stay as they
   were, so that the call is made again once the handler has run. */
static void do_syscall_for_client(ThreadId tid, SyscallInfo* sci)
{
   const SyscallArgs* a = &sci->args;
   UWord args[6] = { a->arg1, a->arg2, a->arg3, a->arg4, a->arg5, a->arg6 };
   if (VG_(sig_do_syscall_for_client)(tid, a->sysno, args,
                                      &sci->status.sres))
      return;
   sci->status.sres = VG_(mk_SysRes_Error)(VKI_ERESTARTNOINTR);
   sci->flags |= SfNoWriteResult | SfNoPost;
   ML_(set_ip_to_restart)(&VG_(get_ThreadState)(tid)->arch.vex,
                          sci->ip_at_syscall);
}

/* ------------------------------------------------------------------ */
/* Which calls run with the big lock shared                             */

/* The calls whose wrappers touch nothing but the calling thread's own
   state, client memory and the tool's trackers, and only read core
   state that changes under the exclusive lock: in parallel mode they
   run alongside other threads' translated code.  Every other call
   (unknown ones too) takes the lock exclusively: its wrapper may
   change the address-space map, the signal actions, the thread table,
   the core's limits, or discard translations. */
static const UWord calls_run_shared[] = {
   __NR_read, __NR_write, __NR_pread64, __NR_pwrite64, __NR_readv,
   __NR_writev, __NR_preadv, __NR_pwritev, __NR_lseek, __NR_close,
   __NR_openat, __NR_fstat, __NR_newfstatat, __NR_statx,
   __NR_faccessat, __NR_readlinkat, __NR_getcwd, __NR_getdents64,
   __NR_ppoll, __NR_pselect6, __NR_epoll_pwait, __NR_epoll_ctl,
   __NR_nanosleep, __NR_clock_nanosleep, __NR_clock_gettime,
   __NR_clock_getres, __NR_gettimeofday, __NR_getpid, __NR_getppid,
   __NR_gettid, __NR_getuid, __NR_geteuid, __NR_getgid, __NR_getegid,
   __NR_sched_yield, __NR_sched_getaffinity, __NR_futex, __NR_getrandom,
   __NR_socket, __NR_connect, __NR_accept4, __NR_sendto, __NR_recvfrom,
   __NR_sendmsg, __NR_recvmsg, __NR_pipe2, __NR_dup, __NR_dup3,
   __NR_fcntl, __NR_ioctl, __NR_uname, __NR_getrusage, __NR_wait4,
   __NR_waitid, __NR_kill, __NR_tgkill, __NR_tkill, __NR_rt_sigprocmask,
   __NR_rt_sigtimedwait, __NR_rt_sigpending, __NR_rt_sigsuspend,
   __NR_sigaltstack, __NR_set_robust_list, __NR_get_robust_list,
   __NR_set_tid_address, __NR_eventfd2, __NR_timerfd_settime,
   __NR_timerfd_gettime, __NR_fsync, __NR_fdatasync, __NR_ftruncate,
   __NR_unlinkat, __NR_mkdirat, __NR_renameat, __NR_fchmod,
   __NR_sysinfo, __NR_times,
#if defined(__NR_open)
   __NR_open, __NR_stat, __NR_lstat, __NR_access, __NR_readlink,
   __NR_poll, __NR_select, __NR_epoll_wait, __NR_pipe, __NR_dup2,
   __NR_accept, __NR_time, __NR_unlink, __NR_mkdir, __NR_rename,
#endif
#if defined(VGA_amd64)
   __NR_arch_prctl,
#endif
};

#define N_SHARED_BITS 1024
static UWord shared_bitmap[N_SHARED_BITS / (8 * sizeof(UWord))];
static Bool  shared_bitmap_made = False;

static Bool call_runs_shared(UWord sysno)
{
   if (!shared_bitmap_made) {
      /* (The first call is the main thread's, before any other
         exists.) */
      for (SizeT i = 0; i < VG_N_ELEMS(calls_run_shared); i++) {
         UWord n = calls_run_shared[i];
         vg_assert(n < N_SHARED_BITS);
         shared_bitmap[n / (8 * sizeof(UWord))]
            |= (UWord)1 << (n % (8 * sizeof(UWord)));
      }
      shared_bitmap_made = True;
   }
   return sysno < N_SHARED_BITS
          && (shared_bitmap[sysno / (8 * sizeof(UWord))]
              >> (sysno % (8 * sizeof(UWord)))) & 1;
}

/* ------------------------------------------------------------------ */
/* Unknown calls                                                        */

/* Numbers already reported: a bitmap of the ones below 4096, a short
   list of larger ones (beyond it, larger numbers are reported every
   time). */
#define N_SMALL_SYSNOS 4096
static UWord warned_small[N_SMALL_SYSNOS / (8 * sizeof(UWord))];
static UWord warned_large[16];
static Int   n_warned_large = 0;

static Bool first_warning_for(UWord sysno)
{
   if (sysno < N_SMALL_SYSNOS) {
      UWord bit = (UWord)1 << (sysno % (8 * sizeof(UWord)));
      UWord* w = &warned_small[sysno / (8 * sizeof(UWord))];
      Bool first = (*w & bit) == 0;
      *w |= bit;
      return first;
   }
   for (Int i = 0; i < n_warned_large; i++)
      if (warned_large[i] == sysno)
         return False;
   if (n_warned_large < (Int)VG_N_ELEMS(warned_large))
      warned_large[n_warned_large++] = sysno;
   return True;
}

static void unhandled_syscall(ThreadId tid, UWord sysno)
{
   if (!first_warning_for(sysno))
      return;
   VG_(dmsg)("WARNING: unhandled %s syscall: %lu\n",
             ML_(syswrap_platform), sysno);
   VG_(dmsg)("   It fails with ENOSYS and the program carries on; a wrapper "
             "for it\n");
   VG_(dmsg)("   can be added in coregrind/m_syswrap/ "
             "(see docs/internals/syswrap.md).\n");
}

static void unsupported_trc(UInt trc)
{
   static Bool warned = False;
   if (warned)
      return;
   warned = True;
   VG_(umsg)("WARNING: %s: system calls made other than with the "
             "platform's syscall\n", ML_(syswrap_platform));
   VG_(umsg)("   instruction (exit code %u, e.g. int $0x80 from 64-bit "
             "code) are not\n", trc);
   VG_(umsg)("   supported: they fail with ENOSYS.\n");
}

/* ------------------------------------------------------------------ */
/* Tracing                                                              */

static void trace_call(ThreadId tid, const SyscallInfo* sci,
                       const HChar* name)
{
   const SyscallArgs* a = &sci->orig_args;
   UWord v[6] = { a->arg1, a->arg2, a->arg3, a->arg4, a->arg5, a->arg6 };
   HChar buf[160];
   SizeT used = 0;
   for (Int i = 0; i < sci->n_reg_args && used < sizeof buf; i++)
      used += VG_(snprintf)(buf + used, sizeof buf - used, "%s%#lx",
                            i == 0 ? "" : ", ", v[i]);
   if (sci->n_reg_args == 0)
      buf[0] = '\0';
   const SysRes* r = &sci->status.sres;
   VG_(printf)("SYSCALL[%d,%u](%3lu) %s(%s) --> %s(%#lx)\n",
               VG_(getpid)(), tid, a->sysno, name ? name : "?", buf,
               sr_isError(*r) ? "Failure" : "Success",
               sr_isError(*r) ? sr_Err(*r) : sr_Res(*r));
}

/* ------------------------------------------------------------------ */
/* The driver                                                           */

void VG_(client_syscall)(ThreadId tid, UInt trc)
{
   vg_assert(VG_(is_valid_tid)(tid));
   ThreadState* tst = VG_(get_ThreadState)(tid);
   SyscallInfo* sci = get_sci(tid);
   vg_assert(!sci->in_syscall);

   VG_(memset)(sci, 0, sizeof *sci);
   sci->in_syscall = True;
   ML_(get_syscall_args)(&tst->arch.vex, &sci->orig_args);
   const Bool exclusive = !call_runs_shared(sci->orig_args.sysno);
   if (exclusive)
      VG_(acquire_BigLock_exclusive)(tid, "system call");
   sci->args = sci->orig_args;
   sci->ip_at_syscall = ML_(get_ip_at_syscall)(&tst->arch.vex);
   sci->status.what = SsIdle;

   const UWord sysno = sci->orig_args.sysno;
   const SyscallTableEntry* ent = NULL;

   /* The number register is read by every call. */
   if (VG_(tdict).track_pre_reg_read)
      VG_(tdict).track_pre_reg_read(Vg_CoreSysCall, tid, "(syscallno)",
                                    ML_(syscall_reg_offset)
                                       (ML_SYSCALL_REG_SYSNO),
                                    sizeof(UWord));

   if (VG_(needs).syscall_wrapper && VG_(tdict).tool_pre_syscall) {
      UWord targs[6] = { sci->args.arg1, sci->args.arg2, sci->args.arg3,
                         sci->args.arg4, sci->args.arg5, sci->args.arg6 };
      VG_(tdict).tool_pre_syscall(tid, (UInt)sysno, targs, 6);
   }

   if (!ML_(syscall_trc_ok)(trc)) {
      unsupported_trc(trc);
      sci->status.what = SsComplete;
      sci->status.sres = VG_(mk_SysRes_Error)(VKI_ENOSYS);
   } else {
      ent = ML_(get_syscall_entry)(sysno);
      if (ent == NULL || ent->before == NULL) {
         unhandled_syscall(tid, sysno);
         sci->status.what = SsComplete;
         sci->status.sres = VG_(mk_SysRes_Error)(VKI_ENOSYS);
         ent = NULL;
      } else {
         ent->before(tid, &sci->args, &sci->status, &sci->flags);
      }
   }

   if (sci->status.what == SsIdle) {
      /* PRE left it to the kernel. */
      sci->status.what = SsHandToKernel;
      Bool may_block = (sci->flags & SfMayBlock) != 0;
      if (may_block)
         VG_(release_BigLock)(tid, VgTs_WaitSys, "blocking system call");
      do_syscall_for_client(tid, sci);
      if (may_block) {
         VG_(acquire_BigLock)(tid, "blocking system call");
         if (exclusive)
            VG_(acquire_BigLock_exclusive)(tid, "system call");
      }
      sci->status.what = SsComplete;
   }
   vg_assert(sci->status.what == SsComplete);

   if (ent != NULL && ent->after != NULL && !(sci->flags & SfNoPost)
       && (!sr_isError(sci->status.sres)
           || (sci->flags & SfPostOnFail)))
      ent->after(tid, &sci->args, &sci->status);
   vg_assert(sci->status.what == SsComplete);

   if (VG_(needs).syscall_wrapper && VG_(tdict).tool_post_syscall) {
      UWord targs[6] = { sci->args.arg1, sci->args.arg2, sci->args.arg3,
                         sci->args.arg4, sci->args.arg5, sci->args.arg6 };
      VG_(tdict).tool_post_syscall(tid, (UInt)sysno, targs, 6,
                                   sci->status.sres);
   }

   if (!(sci->flags & SfNoWriteResult)) {
      ML_(put_syscall_result)(&tst->arch.vex, sci->status.sres);
      if (VG_(tdict).track_post_reg_write)
         VG_(tdict).track_post_reg_write(Vg_CoreSysCall, tid,
                                         ML_(syscall_reg_offset)
                                            (ML_SYSCALL_REG_RESULT),
                                         sizeof(UWord));
   }

   if (VG_(clo_trace_syscalls))
      trace_call(tid, sci, ent ? ent->name : NULL);

   sci->in_syscall = False;

   if (sci->flags & SfPollAfter)
      VG_(poll_signals)(tid);
}

VgSchedReturnCode VG_(syswrap_exit_reason)(ThreadId tid, Int* exitcode)
{
   const ThreadState* tst = VG_(get_ThreadState)(tid);
   if (exitcode != NULL)
      *exitcode = tst->os_state.exitcode;
   return tst->exitreason;
}
