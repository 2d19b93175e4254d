/* The signal system calls.  Their semantics belong to the signals
   module (m_signals, m_sigframe): the client's dispositions, masks and
   alternate stacks are kept by the core, never handed to the kernel as
   they are.  These wrappers only say which memory the kernel (or the
   core in its place) reads and writes, check pointers the core will
   dereference, and call the functions of pub_core_signals.h and
   pub_core_sigframe.h.

   The table lists these calls when VG_HAVE_SIGNALS_MODULE is defined
   (pub_core_signals.h). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_threadstate.h"
#include "pub_core_signals.h"
#include "pub_core_sigframe.h"
#include "pub_core_syswrap.h"
#include "priv_types_n_macros.h"
#include "priv_syswrap-generic.h"
#include "priv_syswrap-linux.h"

PRE(rt_sigaction)
{
   PRE_REG_READ4("rt_sigaction", int, signum,
                 const struct vki_sigaction*, act,
                 struct vki_sigaction*, oldact, vki_size_t, sigsetsize);
   struct vki_sigaction* sa = (struct vki_sigaction*)ARG2;
   if (ARG2 != 0) {
      PRE_MEM_READ("rt_sigaction(act->sa_handler)", &sa->ksa_handler,
                   sizeof sa->ksa_handler);
      PRE_MEM_READ("rt_sigaction(act->sa_mask)", &sa->sa_mask,
                   sizeof sa->sa_mask);
      PRE_MEM_READ("rt_sigaction(act->sa_flags)", &sa->sa_flags,
                   sizeof sa->sa_flags);
      if (ML_(safe_to_deref)(ARG2, sizeof *sa)
          && (sa->sa_flags & VKI_SA_RESTORER))
         PRE_MEM_READ("rt_sigaction(act->sa_restorer)", &sa->sa_restorer,
                      sizeof sa->sa_restorer);
   }
   if (ARG3 != 0)
      PRE_MEM_WRITE("rt_sigaction(oldact)", ARG3, sizeof(struct vki_sigaction));

   if (ARG4 != sizeof(vki_sigset_t))
      SET_STATUS_Failure(VKI_EINVAL);
   else if ((ARG2 != 0 && !ML_(safe_to_deref)(ARG2, sizeof *sa))
            || (ARG3 != 0
                && !ML_(safe_to_write)(ARG3, sizeof(struct vki_sigaction))))
      SET_STATUS_Failure(VKI_EFAULT);
   else
      SET_STATUS_from_SysRes(
         VG_(do_sys_sigaction)((Int)ARG1, (const struct vki_sigaction*)ARG2,
                               (struct vki_sigaction*)ARG3));
}

POST(rt_sigaction)
{
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, sizeof(struct vki_sigaction));
}

PRE(rt_sigprocmask)
{
   PRE_REG_READ4("rt_sigprocmask", int, how, vki_sigset_t*, set,
                 vki_sigset_t*, oldset, vki_size_t, sigsetsize);
   if (ARG2 != 0)
      PRE_MEM_READ("rt_sigprocmask(set)", ARG2, sizeof(vki_sigset_t));
   if (ARG3 != 0)
      PRE_MEM_WRITE("rt_sigprocmask(oldset)", ARG3, sizeof(vki_sigset_t));
   *flags |= SfPollAfter;   /* unblocking may make one deliverable */

   if (ARG4 != sizeof(vki_sigset_t))
      SET_STATUS_Failure(VKI_EINVAL);
   else if ((ARG2 != 0 && !ML_(safe_to_deref)(ARG2, sizeof(vki_sigset_t)))
            || (ARG3 != 0
                && !ML_(safe_to_write)(ARG3, sizeof(vki_sigset_t))))
      SET_STATUS_Failure(VKI_EFAULT);
   else
      SET_STATUS_from_SysRes(
         VG_(do_sys_sigprocmask)(tid, (Int)ARG1, (vki_sigset_t*)ARG2,
                                 (vki_sigset_t*)ARG3));
}

POST(rt_sigprocmask)
{
   if (ARG3 != 0)
      POST_MEM_WRITE(ARG3, sizeof(vki_sigset_t));
}

/* Pending signals: the kernel's answer and the ones the signals module
   holds (received while blocked). */
PRE(rt_sigpending)
{
   PRE_REG_READ2("rt_sigpending", vki_sigset_t*, set, vki_size_t, sigsetsize);
   PRE_MEM_WRITE("rt_sigpending(set)", ARG1, ARG2);
   if (ARG2 > sizeof(vki_sigset_t)) {
      SET_STATUS_Failure(VKI_EINVAL);
      return;
   }
   vki_sigset_t set;
   SysRes r = VG_(do_sys_sigpending)(tid, &set);
   if (!sr_isError(r)) {
      if (!ML_(safe_to_write)(ARG1, ARG2)) {
         SET_STATUS_Failure(VKI_EFAULT);
         return;
      }
      VG_(memcpy)((void*)ARG1, &set, ARG2);
   }
   SET_STATUS_from_SysRes(r);
}

POST(rt_sigpending)
{
   POST_MEM_WRITE(ARG1, ARG2);
}

/* Runs in the kernel, with the mask it is given, in the signals
   module's interruptible do_syscall_for_client. */
PRE(rt_sigsuspend)
{
   PRE_REG_READ2("rt_sigsuspend", vki_sigset_t*, mask, vki_size_t, size);
   *flags |= SfMayBlock;
   if (ARG1 != 0)
      PRE_MEM_READ("rt_sigsuspend(mask)", ARG1, sizeof(vki_sigset_t));
}

PRE(rt_sigtimedwait)
{
   PRE_REG_READ4("rt_sigtimedwait", const vki_sigset_t*, set,
                 vki_siginfo_t*, info, const struct vki_timespec*, timeout,
                 vki_size_t, sigsetsize);
   *flags |= SfMayBlock;
   if (ARG1 != 0)
      PRE_MEM_READ("rt_sigtimedwait(set)", ARG1, sizeof(vki_sigset_t));
   if (ARG2 != 0)
      PRE_MEM_WRITE("rt_sigtimedwait(info)", ARG2, sizeof(vki_siginfo_t));
   if (ARG3 != 0)
      PRE_MEM_READ("rt_sigtimedwait(timeout)", ARG3,
                   sizeof(struct vki_timespec));
   /* A signal of the set the core holds for the thread (received while
      blocked) is taken first; otherwise the kernel waits. */
   if (ARG4 == sizeof(vki_sigset_t)
       && ML_(safe_to_deref)(ARG1, sizeof(vki_sigset_t))
       && (ARG2 == 0 || ML_(safe_to_write)(ARG2, sizeof(vki_siginfo_t)))) {
      vki_siginfo_t info;
      Int sig = VG_(sig_take_held)(tid, (const vki_sigset_t*)ARG1, &info);
      if (sig != 0) {
         if (ARG2 != 0)
            VG_(memcpy)((void*)ARG2, &info, sizeof info);
         SET_STATUS_Success((UWord)sig);
      }
   }
}

POST(rt_sigtimedwait)
{
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, sizeof(vki_siginfo_t));
}

PRE(rt_sigqueueinfo)
{
   PRE_REG_READ3("rt_sigqueueinfo", int, pid, int, sig,
                 vki_siginfo_t*, uinfo);
   if (ARG3 != 0)
      PRE_MEM_READ("rt_sigqueueinfo(uinfo)", ARG3, VKI_SI_MAX_SIZE);
   *flags |= SfPollAfter;
}

PRE(rt_tgsigqueueinfo)
{
   PRE_REG_READ4("rt_tgsigqueueinfo", int, tgid, int, pid, int, sig,
                 vki_siginfo_t*, uinfo);
   if (ARG4 != 0)
      PRE_MEM_READ("rt_tgsigqueueinfo(uinfo)", ARG4, VKI_SI_MAX_SIZE);
   *flags |= SfPollAfter;
}

PRE(sigaltstack)
{
   PRE_REG_READ2("sigaltstack", const vki_stack_t*, ss, vki_stack_t*, oss);
   vki_stack_t* ss = (vki_stack_t*)ARG1;
   if (ARG1 != 0) {
      PRE_MEM_READ("sigaltstack(ss->ss_sp)", &ss->ss_sp, sizeof ss->ss_sp);
      PRE_MEM_READ("sigaltstack(ss->ss_flags)", &ss->ss_flags,
                   sizeof ss->ss_flags);
      PRE_MEM_READ("sigaltstack(ss->ss_size)", &ss->ss_size,
                   sizeof ss->ss_size);
   }
   if (ARG2 != 0)
      PRE_MEM_WRITE("sigaltstack(oss)", ARG2, sizeof(vki_stack_t));

   if ((ARG1 != 0 && !ML_(safe_to_deref)(ARG1, sizeof(vki_stack_t)))
       || (ARG2 != 0 && !ML_(safe_to_write)(ARG2, sizeof(vki_stack_t))))
      SET_STATUS_Failure(VKI_EFAULT);
   else
      SET_STATUS_from_SysRes(
         VG_(do_sys_sigaltstack)(tid, (vki_stack_t*)ARG1,
                                 (vki_stack_t*)ARG2));
}

POST(sigaltstack)
{
   if (ARG2 != 0)
      POST_MEM_WRITE(ARG2, sizeof(vki_stack_t));
}

/* The frame the core built for the handler is taken down by the
   sigframe module, which restores every register, the result register
   included: the driver must not overwrite it. */
PRE(rt_sigreturn)
{
   PRE_REG_READ0("rt_sigreturn");
   VG_(sigframe_destroy)(tid, True);
   *flags |= SfNoWriteResult | SfPollAfter;
   SET_STATUS_Success(0);
}

PRE(pause)
{
   PRE_REG_READ0("pause");
   *flags |= SfMayBlock;
}

/* POSIX timers: the signal they send (SIGEV_SIGNAL, SIGEV_THREAD_ID to
   a thread of this process) arrives like any other.  The kernel's
   struct sigevent is SIGEV_MAX_SIZE (64) bytes; a timer id is an int. */
#define SIGEV_MAX_SIZE 64

PRE(timer_create)
{
   PRE_REG_READ3("timer_create", vki_clockid_t, clockid,
                 struct sigevent*, evp, vki_timer_t*, timerid);
   if (ARG2 != 0)
      PRE_MEM_READ("timer_create(evp)", ARG2, SIGEV_MAX_SIZE);
   PRE_MEM_WRITE("timer_create(timerid)", ARG3, sizeof(Int));
}

POST(timer_create)
{
   POST_MEM_WRITE(ARG3, sizeof(Int));
}

PRE(timer_settime)
{
   PRE_REG_READ4("timer_settime", vki_timer_t, timerid, int, flags,
                 const struct vki_itimerspec*, value,
                 struct vki_itimerspec*, ovalue);
   PRE_MEM_READ("timer_settime(value)", ARG3,
                sizeof(struct vki_itimerspec));
   if (ARG4 != 0)
      PRE_MEM_WRITE("timer_settime(ovalue)", ARG4,
                    sizeof(struct vki_itimerspec));
}

POST(timer_settime)
{
   if (ARG4 != 0)
      POST_MEM_WRITE(ARG4, sizeof(struct vki_itimerspec));
}

PRE(timer_gettime)
{
   PRE_REG_READ2("timer_gettime", vki_timer_t, timerid,
                 struct vki_itimerspec*, value);
   PRE_MEM_WRITE("timer_gettime(value)", ARG2,
                 sizeof(struct vki_itimerspec));
}

POST(timer_gettime)
{
   POST_MEM_WRITE(ARG2, sizeof(struct vki_itimerspec));
}

PRE(timer_getoverrun)
{
   PRE_REG_READ1("timer_getoverrun", vki_timer_t, timerid);
}

PRE(timer_delete)
{
   PRE_REG_READ1("timer_delete", vki_timer_t, timerid);
}
