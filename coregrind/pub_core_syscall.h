/* Raw system calls (module m_syscall). */
#ifndef __PUB_CORE_SYSCALL_H
#define __PUB_CORE_SYSCALL_H

#include "pub_core_basics.h"

/* Per-architecture assembly: the kernel's raw return value. */
extern UWord VG_(do_syscall_raw)(UWord sysno, UWord a1, UWord a2, UWord a3,
                                 UWord a4, UWord a5, UWord a6);

/* A system call with its result decoded into a SysRes. */
extern SysRes VG_(do_syscall)(UWord sysno, UWord a1, UWord a2, UWord a3,
                              UWord a4, UWord a5, UWord a6);

/* Shorthands by argument count. */
static inline SysRes VG_(do_syscall0)(UWord s)
{ return VG_(do_syscall)(s, 0, 0, 0, 0, 0, 0); }
static inline SysRes VG_(do_syscall1)(UWord s, UWord a1)
{ return VG_(do_syscall)(s, a1, 0, 0, 0, 0, 0); }
static inline SysRes VG_(do_syscall2)(UWord s, UWord a1, UWord a2)
{ return VG_(do_syscall)(s, a1, a2, 0, 0, 0, 0); }
static inline SysRes VG_(do_syscall3)(UWord s, UWord a1, UWord a2, UWord a3)
{ return VG_(do_syscall)(s, a1, a2, a3, 0, 0, 0); }
static inline SysRes VG_(do_syscall4)(UWord s, UWord a1, UWord a2, UWord a3,
                                      UWord a4)
{ return VG_(do_syscall)(s, a1, a2, a3, a4, 0, 0); }
static inline SysRes VG_(do_syscall5)(UWord s, UWord a1, UWord a2, UWord a3,
                                      UWord a4, UWord a5)
{ return VG_(do_syscall)(s, a1, a2, a3, a4, a5, 0); }
static inline SysRes VG_(do_syscall6)(UWord s, UWord a1, UWord a2, UWord a3,
                                      UWord a4, UWord a5, UWord a6)
{ return VG_(do_syscall)(s, a1, a2, a3, a4, a5, a6); }

extern SysRes VG_(mk_SysRes_Error)(UWord err);
extern SysRes VG_(mk_SysRes_Success)(UWord val);

/* "No such file or directory" etc. for an errno value. */
extern const HChar* VG_(strerror)(UWord errnum);

/* Per-architecture assembly: the sa_restorer the core's own signal
   handlers return through; it calls rt_sigreturn.  Never called from C. */
extern void VG_(sigreturn_trampoline)(void);
#if defined(VGA_x86)
/* x86's handlers without SA_SIGINFO get the old frame and need sigreturn
   instead. */
extern void VG_(sigreturn_trampoline_nonrt)(void);
#endif

#endif
