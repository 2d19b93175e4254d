/* Signal sets, actions and the signal mask (module m_libcsignal). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcsignal.h"

/* ------------------------------------------------------------------ */
/* Signal sets.                                                         */

static Bool is_valid_signum(Int signum)
{
   return signum >= 1 && signum <= _VKI_NSIG;
}

/* Signal SIGNUM is bit (SIGNUM-1) of the set, counted across words. */
static Int sig_word(Int signum)
{
   return (signum - 1) / _VKI_NSIG_BPW;
}

static unsigned long sig_bit(Int signum)
{
   return 1UL << ((signum - 1) % _VKI_NSIG_BPW);
}

Int VG_(sigfillset)(vki_sigset_t* set)
{
   if (set == NULL)
      return -1;
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++)
      set->sig[i] = ~0UL;
   return 0;
}

Int VG_(sigemptyset)(vki_sigset_t* set)
{
   if (set == NULL)
      return -1;
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++)
      set->sig[i] = 0;
   return 0;
}

Int VG_(sigaddset)(vki_sigset_t* set, Int signum)
{
   if (set == NULL || !is_valid_signum(signum))
      return -1;
   set->sig[sig_word(signum)] |= sig_bit(signum);
   return 0;
}

Int VG_(sigdelset)(vki_sigset_t* set, Int signum)
{
   if (set == NULL || !is_valid_signum(signum))
      return -1;
   set->sig[sig_word(signum)] &= ~sig_bit(signum);
   return 0;
}

Int VG_(sigismember)(const vki_sigset_t* set, Int signum)
{
   if (set == NULL || !is_valid_signum(signum))
      return 0;
   return (set->sig[sig_word(signum)] & sig_bit(signum)) ? 1 : 0;
}

Bool VG_(isemptysigset)(const vki_sigset_t* set)
{
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++) {
      if (set->sig[i] != 0)
         return False;
   }
   return True;
}

Bool VG_(isfullsigset)(const vki_sigset_t* set)
{
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++) {
      if (set->sig[i] != ~0UL)
         return False;
   }
   return True;
}

Bool VG_(iseqsigset)(const vki_sigset_t* set1, const vki_sigset_t* set2)
{
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++) {
      if (set1->sig[i] != set2->sig[i])
         return False;
   }
   return True;
}

void VG_(sigaddset_from_set)(vki_sigset_t* dst, const vki_sigset_t* src)
{
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++)
      dst->sig[i] |= src->sig[i];
}

void VG_(sigdelset_from_set)(vki_sigset_t* dst, const vki_sigset_t* src)
{
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++)
      dst->sig[i] &= ~src->sig[i];
}

void VG_(sigintersectset)(vki_sigset_t* dst, const vki_sigset_t* src)
{
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++)
      dst->sig[i] &= src->sig[i];
}

void VG_(sigcomplementset)(vki_sigset_t* dst, const vki_sigset_t* src)
{
   for (Int i = 0; i < _VKI_NSIG_WORDS; i++)
      dst->sig[i] = ~src->sig[i];
}

/* ------------------------------------------------------------------ */
/* The mask, actions and stacks.                                        */

Int VG_(sigprocmask)(Int how, const vki_sigset_t* set, vki_sigset_t* oldset)
{
   SysRes r = VG_(do_syscall4)(__NR_rt_sigprocmask, (UWord)how, (UWord)set,
                               (UWord)oldset, sizeof(vki_sigset_t));
   return sr_isError(r) ? -1 : 0;
}

/* The trampoline matching the frame the kernel will build for ACT. */
static vki_sigrestore_t restorer_for(const struct vki_sigaction* act)
{
#if defined(VGA_x86)
   if (!(act->sa_flags & VKI_SA_SIGINFO))
      return VG_(sigreturn_trampoline_nonrt);
#else
   (void)act;
#endif
   return VG_(sigreturn_trampoline);
}

Int VG_(sigaction)(Int signum, const struct vki_sigaction* act,
                   struct vki_sigaction* oldact)
{
   struct vki_sigaction with_restorer;
   if (act != NULL && !(act->sa_flags & VKI_SA_RESTORER)) {
      with_restorer = *act;
      with_restorer.sa_flags |= VKI_SA_RESTORER;
      with_restorer.sa_restorer = restorer_for(act);
      act = &with_restorer;
   }
   SysRes r = VG_(do_syscall4)(__NR_rt_sigaction, (UWord)signum, (UWord)act,
                               (UWord)oldact, sizeof(vki_sigset_t));
   return sr_isError(r) ? -1 : 0;
}

Int VG_(sigaltstack)(const vki_stack_t* ss, vki_stack_t* oldss)
{
   SysRes r = VG_(do_syscall2)(__NR_sigaltstack, (UWord)ss, (UWord)oldss);
   return sr_isError(r) ? -1 : 0;
}

/* The signal is sent to this thread (not the process) so that it is
   delivered on the return from tkill, while it is still unblocked. */
void VG_(kill_self)(Int signo)
{
   struct vki_sigaction dfl, old_action;
   vki_sigset_t just_signo, old_mask;

   dfl.ksa_handler = VKI_SIG_DFL;
   dfl.sa_flags = 0;
   dfl.sa_restorer = NULL;
   VG_(sigemptyset)(&dfl.sa_mask);
   VG_(sigaction)(signo, &dfl, &old_action);

   VG_(sigemptyset)(&just_signo);
   VG_(sigaddset)(&just_signo, signo);
   VG_(sigprocmask)(VKI_SIG_UNBLOCK, &just_signo, &old_mask);

   VG_(tkill)(VG_(gettid)(), signo);

   VG_(sigaction)(signo, &old_action, NULL);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &old_mask, NULL);
}

Int VG_(sigtimedwait_zero)(const vki_sigset_t* set, vki_siginfo_t* info)
{
   struct vki_timespec zero = { 0, 0 };
   SysRes r = VG_(do_syscall4)(__NR_rt_sigtimedwait, (UWord)set, (UWord)info,
                               (UWord)&zero, sizeof(vki_sigset_t));
   if (sr_isError(r))
      return sr_Err(r) == VKI_EAGAIN ? 0 : -1;
   return (Int)sr_Res(r);
}
