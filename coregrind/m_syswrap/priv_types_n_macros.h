/* m_syswrap's private types and the macros its wrappers are written
   with.  See pub_core_syswrap.h for the driver's protocol and
   docs/internals/syswrap.md for how to write a wrapper. */
#ifndef __PRIV_TYPES_N_MACROS_H
#define __PRIV_TYPES_N_MACROS_H

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"       /* VG_(mk_SysRes_*) */
#include "pub_core_threadstate.h"

/* ------------------------------------------------------------------ */
/* A system call in flight                                              */

/* The number and the six arguments, as the client passed them or as
   PRE changed them for the kernel. */
typedef struct {
   UWord sysno;
   UWord arg1, arg2, arg3, arg4, arg5, arg6;
} SyscallArgs;

typedef enum {
   SsIdle,          /* PRE has not decided: the kernel will run it */
   SsHandToKernel,  /* being run by the kernel */
   SsComplete       /* done: SRES is the result */
} SyscallStatusWhat;

typedef struct {
   SyscallStatusWhat what;
   SysRes            sres;
   /* Values PRE keeps for POST (e.g. the buffer length the client
      offered, which the kernel overwrites with the length it wrote). */
   UWord             saved[2];
} SyscallStatus;

/* Flags PRE may set in *FLAGS. */
#define SfMayBlock      (1u << 1)  /* may block: big lock dropped */
#define SfPostOnFail    (1u << 2)  /* run POST on failure too */
#define SfPollAfter     (1u << 3)  /* look for deliverable signals after */
#define SfYieldAfter    (1u << 4)  /* give up the timeslice after */
#define SfNoWriteResult (1u << 5)  /* leave the result register alone
                                      (rt_sigreturn restored it) */
#define SfNoPost        (1u << 6)  /* (the driver's) not made: a signal
                                      comes first, then the call again */

typedef void (*SyswrapPreFn)(ThreadId tid, SyscallArgs* arrghs,
                             SyscallStatus* status, UWord* flags);
typedef void (*SyswrapPostFn)(ThreadId tid, SyscallArgs* arrghs,
                              SyscallStatus* status);

/* One entry of a platform's table, indexed by system call number. */
typedef struct {
   const HChar*  name;
   SyswrapPreFn  before;
   SyswrapPostFn after;    /* NULL: nothing to do after */
} SyscallTableEntry;

/* ------------------------------------------------------------------ */
/* What each platform provides (syswrap-<platform>.c)                   */

/* "amd64-linux" */
extern const HChar ML_(syswrap_platform)[];

/* Whether TRC (the translation's exit code) is this platform's
   system-call instruction. */
extern Bool ML_(syscall_trc_ok)(UInt trc);

/* A new thread TID starts in its slot: no system call in flight. */
extern void ML_(syscall_info_new_thread)(ThreadId tid);

/* The system call the guest state asks for. */
extern void ML_(get_syscall_args)(const VexGuestArchState* gst,
                                  SyscallArgs* args);

/* Writes RES into the result register(s) as the kernel would. */
extern void ML_(put_syscall_result)(VexGuestArchState* gst, SysRes res);

/* The guest address of the system-call instruction. */
extern Addr ML_(get_ip_at_syscall)(const VexGuestArchState* gst);

/* Makes the guest execute the system-call instruction at IP again (the
   call was not made: a signal is delivered first). */
extern void ML_(set_ip_to_restart)(VexGuestArchState* gst, Addr ip);

/* Guest-state offset and size of the register holding argument N
   (1..6), the number (0) or the result (7). */
#define ML_SYSCALL_REG_SYSNO  0
#define ML_SYSCALL_REG_RESULT 7
extern PtrdiffT ML_(syscall_reg_offset)(Int n);

/* The table entry for SYSNO, or NULL when there is no wrapper. */
extern const SyscallTableEntry* ML_(get_syscall_entry)(UWord sysno);

/* ------------------------------------------------------------------ */
/* The trackers (syswrap-main.c): each calls the tool's tracker if it   */
/* registered one.  Sizes of 0 are passed on as they are.               */

extern void ML_(pre_mem_read)(ThreadId tid, const HChar* what, Addr a,
                              SizeT len);
extern void ML_(pre_mem_read_asciiz)(ThreadId tid, const HChar* what,
                                     Addr a);
extern void ML_(pre_mem_write)(ThreadId tid, const HChar* what, Addr a,
                               SizeT len);
extern void ML_(post_mem_write)(ThreadId tid, Addr a, SizeT len);
/* Argument register N (1..6) of SIZE bytes is read, as WHAT
   ("read(fd)"). */
extern void ML_(pre_reg_read)(ThreadId tid, const HChar* what, Int n,
                              SizeT size);

/* ------------------------------------------------------------------ */
/* Writing wrappers                                                     */

/* Declares the PRE and POST handlers of wrapper NAME. */
#define DECL_TEMPLATE(name)                                             \
   extern void ML_(PRE_##name)(ThreadId tid, SyscallArgs* arrghs,       \
                               SyscallStatus* status, UWord* flags);    \
   extern void ML_(POST_##name)(ThreadId tid, SyscallArgs* arrghs,      \
                                SyscallStatus* status)

#define PRE(name)                                                       \
   void ML_(PRE_##name)(ThreadId tid, SyscallArgs* arrghs,              \
                        SyscallStatus* status, UWord* flags)
#define POST(name)                                                      \
   void ML_(POST_##name)(ThreadId tid, SyscallArgs* arrghs,             \
                         SyscallStatus* status)

/* Table entries: PRE only, or PRE and POST. */
#define WRAP_X_(nr, name) [nr] = { #name, ML_(PRE_##name), NULL }
#define WRAP_XY(nr, name) [nr] = { #name, ML_(PRE_##name), ML_(POST_##name) }

#define SYSNO  (arrghs->sysno)
#define ARG1   (arrghs->arg1)
#define ARG2   (arrghs->arg2)
#define ARG3   (arrghs->arg3)
#define ARG4   (arrghs->arg4)
#define ARG5   (arrghs->arg5)
#define ARG6   (arrghs->arg6)
#define SARG1  ((Word)arrghs->arg1)
#define SARG2  ((Word)arrghs->arg2)
#define SARG3  ((Word)arrghs->arg3)
#define SARG4  ((Word)arrghs->arg4)
#define SARG5  ((Word)arrghs->arg5)
#define SARG6  ((Word)arrghs->arg6)

#define RES     (sr_Res(status->sres))
#define ERR     (sr_Err(status->sres))
#define SUCCESS (status->what == SsComplete && !sr_isError(status->sres))
#define FAILURE (status->what == SsComplete && sr_isError(status->sres))

#define SET_STATUS_from_SysRes(zzres)                                   \
   do { status->what = SsComplete; status->sres = (zzres); } while (0)
#define SET_STATUS_Success(zzval)                                       \
   SET_STATUS_from_SysRes(VG_(mk_SysRes_Success)(zzval))
#define SET_STATUS_Failure(zzerr)                                       \
   SET_STATUS_from_SysRes(VG_(mk_SysRes_Error)(zzerr))

/* Memory the kernel reads or writes for this call. */
#define PRE_MEM_READ(zzwhat, zzaddr, zzlen)                             \
   ML_(pre_mem_read)(tid, (zzwhat), (Addr)(zzaddr), (SizeT)(zzlen))
#define PRE_MEM_RASCIIZ(zzwhat, zzaddr)                                 \
   ML_(pre_mem_read_asciiz)(tid, (zzwhat), (Addr)(zzaddr))
#define PRE_MEM_WRITE(zzwhat, zzaddr, zzlen)                            \
   ML_(pre_mem_write)(tid, (zzwhat), (Addr)(zzaddr), (SizeT)(zzlen))
#define POST_MEM_WRITE(zzaddr, zzlen)                                   \
   ML_(post_mem_write)(tid, (Addr)(zzaddr), (SizeT)(zzlen))

/* The argument registers the call reads, with their C types (the size
   matters: an int argument's upper register half is not read):
   PRE_REG_READ3("read", unsigned int, fd, char*, buf, vki_size_t, count)
   names them "read(fd)", "read(buf)", "read(count)". */
#define PRA_(sc, n, t, a) ML_(pre_reg_read)(tid, sc "(" #a ")", n, sizeof(t))
#define PRE_REG_READ0(sc) do { } while (0)
#define PRE_REG_READ1(sc, t1, a1)                                       \
   do { PRA_(sc, 1, t1, a1); } while (0)
#define PRE_REG_READ2(sc, t1, a1, t2, a2)                               \
   do { PRA_(sc, 1, t1, a1); PRA_(sc, 2, t2, a2); } while (0)
#define PRE_REG_READ3(sc, t1, a1, t2, a2, t3, a3)                       \
   do { PRA_(sc, 1, t1, a1); PRA_(sc, 2, t2, a2);                       \
        PRA_(sc, 3, t3, a3); } while (0)
#define PRE_REG_READ4(sc, t1, a1, t2, a2, t3, a3, t4, a4)               \
   do { PRA_(sc, 1, t1, a1); PRA_(sc, 2, t2, a2);                       \
        PRA_(sc, 3, t3, a3); PRA_(sc, 4, t4, a4); } while (0)
#define PRE_REG_READ5(sc, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)       \
   do { PRA_(sc, 1, t1, a1); PRA_(sc, 2, t2, a2);                       \
        PRA_(sc, 3, t3, a3); PRA_(sc, 4, t4, a4);                       \
        PRA_(sc, 5, t5, a5); } while (0)
#define PRE_REG_READ6(sc, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
   do { PRA_(sc, 1, t1, a1); PRA_(sc, 2, t2, a2);                       \
        PRA_(sc, 3, t3, a3); PRA_(sc, 4, t4, a4);                       \
        PRA_(sc, 5, t5, a5); PRA_(sc, 6, t6, a6); } while (0)

#endif
