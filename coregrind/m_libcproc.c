/* Process calls and the environment (module m_libcproc). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcproc.h"

/* x86's getuid and friends are the originals with 16-bit ids; the *32
   forms return the full ones. */
#if defined(VGA_x86)
#  define NR_GETUID  __NR_getuid32
#  define NR_GETEUID __NR_geteuid32
#  define NR_GETGID  __NR_getgid32
#  define NR_GETEGID __NR_getegid32
#else
#  define NR_GETUID  __NR_getuid
#  define NR_GETEUID __NR_geteuid
#  define NR_GETGID  __NR_getgid
#  define NR_GETEGID __NR_getegid
#endif

HChar** VG_(core_envp) = NULL;

/* ------------------------------------------------------------------ */
/* Identities (these calls cannot fail).                                */

Int VG_(getpid)(void)
{
   return (Int)sr_Res(VG_(do_syscall0)(__NR_getpid));
}

Int VG_(getppid)(void)
{
   return (Int)sr_Res(VG_(do_syscall0)(__NR_getppid));
}

Int VG_(gettid)(void)
{
   return (Int)sr_Res(VG_(do_syscall0)(__NR_gettid));
}

/* arm64 has no getpgrp; getpgid(0) is the same everywhere. */
Int VG_(getpgrp)(void)
{
   return (Int)sr_Res(VG_(do_syscall1)(__NR_getpgid, 0));
}

UInt VG_(getuid)(void)
{
   return (UInt)sr_Res(VG_(do_syscall0)(NR_GETUID));
}

UInt VG_(geteuid)(void)
{
   return (UInt)sr_Res(VG_(do_syscall0)(NR_GETEUID));
}

UInt VG_(getgid)(void)
{
   return (UInt)sr_Res(VG_(do_syscall0)(NR_GETGID));
}

UInt VG_(getegid)(void)
{
   return (UInt)sr_Res(VG_(do_syscall0)(NR_GETEGID));
}

/* ------------------------------------------------------------------ */
/* Processes.                                                           */

void VG_(exit)(Int status)
{
   for (;;)
      VG_(do_syscall1)(__NR_exit_group, (UWord)status);
}

Int VG_(kill)(Int pid, Int signo)
{
   SysRes r = VG_(do_syscall2)(__NR_kill, (UWord)pid, (UWord)signo);
   return sr_isError(r) ? -1 : 0;
}

Int VG_(tkill)(Int lwpid, Int signo)
{
   SysRes r = VG_(do_syscall2)(__NR_tkill, (UWord)lwpid, (UWord)signo);
   return sr_isError(r) ? -1 : 0;
}

/* arm64 has no fork.  With no stack, tid or tls arguments, clone's
   argument order (which differs between targets) does not matter. */
Int VG_(fork)(void)
{
   SysRes r = VG_(do_syscall5)(__NR_clone, VKI_SIGCHLD, 0, 0, 0, 0);
   return sr_isError(r) ? -1 : (Int)sr_Res(r);
}

Int VG_(waitpid)(Int pid, Int* status, Int options)
{
   SysRes r = VG_(do_syscall4)(__NR_wait4, (UWord)pid, (UWord)status,
                               (UWord)options, 0);
   return sr_isError(r) ? -1 : (Int)sr_Res(r);
}

SysRes VG_(execve)(const HChar* filename, HChar* const argv[],
                   HChar* const envp[])
{
   return VG_(do_syscall3)(__NR_execve, (UWord)filename, (UWord)argv,
                           (UWord)envp);
}

/* ------------------------------------------------------------------ */
/* The environment.                                                     */

/* Whether ENTRY is "NAME=...". */
static Bool env_entry_is(const HChar* entry, const HChar* name, SizeT len)
{
   return VG_(strncmp)(entry, name, len) == 0 && entry[len] == '=';
}

HChar* VG_(getenv)(const HChar* name)
{
   if (VG_(core_envp) == NULL)
      return NULL;
   SizeT len = VG_(strlen)(name);
   for (HChar** e = VG_(core_envp); *e; e++) {
      if (env_entry_is(*e, name, len))
         return *e + len + 1;
   }
   return NULL;
}

void VG_(env_unsetenv)(HChar** env, const HChar* varname)
{
   SizeT len = VG_(strlen)(varname);
   HChar** kept = env;
   for (HChar** e = env; *e; e++) {
      if (!env_entry_is(*e, varname, len))
         *kept++ = *e;
   }
   *kept = NULL;
}

/* ------------------------------------------------------------------ */
/* Time.                                                                */

static ULong monotonic_ms(void)
{
   struct vki_timespec ts;
   VG_(do_syscall2)(__NR_clock_gettime, VKI_CLOCK_MONOTONIC, (UWord)&ts);
   return (ULong)ts.tv_sec * 1000ULL + (ULong)ts.tv_nsec / 1000000ULL;
}

ULong VG_(read_millisecond_timer)(void)
{
   static ULong base;
   static Bool  started = False;
   ULong now = monotonic_ms();
   if (!started) {
      base = now;
      started = True;
   }
   return now - base;
}

void VG_(sleep_ms)(UInt ms)
{
   struct vki_timespec req, rem;
   req.tv_sec  = ms / 1000;
   req.tv_nsec = (long)(ms % 1000) * 1000000L;
   for (;;) {
      SysRes r = VG_(do_syscall2)(__NR_nanosleep, (UWord)&req, (UWord)&rem);
      if (!sr_isError(r) || sr_Err(r) != VKI_EINTR)
         return;
      req = rem;
   }
}

/* ------------------------------------------------------------------ */
/* Limits and the system's name.                                        */

/* prlimit64 is on every target and always takes 64-bit limits. */
static SysRes prlimit64(Int resource, const struct vki_rlimit64* new_lim,
                      struct vki_rlimit64* old_lim)
{
   return VG_(do_syscall4)(__NR_prlimit64, 0, (UWord)resource,
                           (UWord)new_lim, (UWord)old_lim);
}

static unsigned long narrow_limit(unsigned long long v)
{
   return v > (unsigned long long)VKI_RLIM_INFINITY ? VKI_RLIM_INFINITY
                                                     : (unsigned long)v;
}

static unsigned long long widen_limit(unsigned long v)
{
   return v == VKI_RLIM_INFINITY ? VKI_RLIM64_INFINITY : v;
}

Int VG_(getrlimit)(Int resource, struct vki_rlimit* rlim)
{
   struct vki_rlimit64 lim;
   if (sr_isError(prlimit64(resource, NULL, &lim)))
      return -1;
   rlim->rlim_cur = narrow_limit(lim.rlim_cur);
   rlim->rlim_max = narrow_limit(lim.rlim_max);
   return 0;
}

Int VG_(setrlimit)(Int resource, const struct vki_rlimit* rlim)
{
   struct vki_rlimit64 lim;
   lim.rlim_cur = widen_limit(rlim->rlim_cur);
   lim.rlim_max = widen_limit(rlim->rlim_max);
   return sr_isError(prlimit64(resource, &lim, NULL)) ? -1 : 0;
}

Int VG_(uname)(struct vki_new_utsname* buf)
{
   SysRes r = VG_(do_syscall1)(__NR_uname, (UWord)buf);
   return sr_isError(r) ? -1 : 0;
}
