/* amd64-linux: where the system call's number, arguments and result
   live in the guest state, the system call table, and the wrappers
   that only amd64 has or that differ there (arch_prctl, mmap, clone). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_syscall.h"
#include "pub_core_threadstate.h"
#include "pub_core_signals.h"
#include "pub_core_syswrap.h"
#include "libvex_guest_amd64.h"
#include "libvex_trc_values.h"
#include "priv_types_n_macros.h"
#include "priv_syswrap-generic.h"
#include "priv_syswrap-linux.h"

#if !defined(VGA_amd64)
#  error "syswrap-amd64-linux.c is for amd64-linux only"
#endif

/* ================================================================== */
/* The guest state                                                      */
/* ================================================================== */

const HChar ML_(syswrap_platform)[] = "amd64-linux";

Bool ML_(syscall_trc_ok)(UInt trc)
{
   return trc == VEX_TRC_JMP_SYS_SYSCALL;
}

/* The kernel's convention: the number in RAX, the arguments in RDI,
   RSI, RDX, R10, R8, R9 (R10, not RCX, which `syscall' overwrites), the
   result in RAX. */
void ML_(get_syscall_args)(const VexGuestArchState* gst, SyscallArgs* args)
{
   args->sysno = gst->guest_RAX;
   args->arg1 = gst->guest_RDI;
   args->arg2 = gst->guest_RSI;
   args->arg3 = gst->guest_RDX;
   args->arg4 = gst->guest_R10;
   args->arg5 = gst->guest_R8;
   args->arg6 = gst->guest_R9;
}

void ML_(put_syscall_result)(VexGuestArchState* gst, SysRes res)
{
   gst->guest_RAX = sr_isError(res) ? -(ULong)sr_Err(res) : sr_Res(res);
}

Addr ML_(get_ip_at_syscall)(const VexGuestArchState* gst)
{
   return gst->guest_IP_AT_SYSCALL;
}

/* RAX still holds the number: the call was not made. */
void ML_(set_ip_to_restart)(VexGuestArchState* gst, Addr ip)
{
   gst->guest_RIP = ip;
}

#define GOFF(reg) ((PtrdiffT)__builtin_offsetof(VexGuestAMD64State, guest_##reg))

PtrdiffT ML_(syscall_reg_offset)(Int n)
{
   switch (n) {
      case ML_SYSCALL_REG_SYSNO:  return GOFF(RAX);
      case 1:                     return GOFF(RDI);
      case 2:                     return GOFF(RSI);
      case 3:                     return GOFF(RDX);
      case 4:                     return GOFF(R10);
      case 5:                     return GOFF(R8);
      case 6:                     return GOFF(R9);
      case ML_SYSCALL_REG_RESULT: return GOFF(RAX);
      default: vg_assert(0);
   }
}

/* ================================================================== */
/* Forks                                                                */
/* ================================================================== */

/* clone(flags, newsp, parent_tid, child_tid, tls): with no new stack
   the child continues on a copy of this one, in the core, like the
   parent. */
SysRes ML_(raw_fork_clone)(UWord flags, Addr parent_tidptr, Addr child_tidptr)
{
   return VG_(do_syscall5)(__NR_clone, flags, 0, parent_tidptr,
                           child_tidptr, 0);
}

void ML_(fork_child_set_sp_tls)(VexGuestArchState* gst, Addr sp,
                                Bool set_tls, Addr tls)
{
   if (sp != 0)
      gst->guest_RSP = sp;
   if (set_tls)
      gst->guest_FS_CONST = tls;
}

/* ================================================================== */
/* Threads                                                              */
/* ================================================================== */

/* The kernel's clone(FLAGS, STACK, PARENT_TID, CHILD_TID, TLS) making a
   host thread that starts on STACK (16-aligned top) by calling
   FN(ARG), which never returns.  FN and ARG travel on the new stack:
   the child has nothing else once the call returns. */
__asm__(
".text\n"
".globl vgModuleLocal_clone_host_thread\n"
".type vgModuleLocal_clone_host_thread, @function\n"
"vgModuleLocal_clone_host_thread:\n"
"   movq 8(%rsp), %rax\n"          /* ARG */
"   subq $16, %rsi\n"
"   movq %r9, 0(%rsi)\n"           /* FN */
"   movq %rax, 8(%rsi)\n"          /* ARG */
"   movq %rcx, %r10\n"             /* the kernel's 4th argument */
"   movl $" VG_STRINGIFY(__NR_clone) ", %eax\n"
"   syscall\n"
"   testq %rax, %rax\n"
"   jz 1f\n"
"   ret\n"                         /* the parent, or an error */
"1: xorl %ebp, %ebp\n"             /* the child's outermost frame */
"   popq %rax\n"
"   popq %rdi\n"
"   call *%rax\n"
"   ud2\n"
".size vgModuleLocal_clone_host_thread, .-vgModuleLocal_clone_host_thread\n"
".previous\n"
);

/* Marks the thread's slot free (*STATUS = EMPTY) and ends the host
   thread with exit(CODE), touching no memory in between: from the
   store on, the slot and its host stack may be reused by a new
   thread. */
__asm__(
".text\n"
".globl vgModuleLocal_exit_host_thread\n"
".type vgModuleLocal_exit_host_thread, @function\n"
"vgModuleLocal_exit_host_thread:\n"
"   movl %esi, (%rdi)\n"
"   movl %edx, %edi\n"
"   movl $" VG_STRINGIFY(__NR_exit) ", %eax\n"
"   syscall\n"
"   ud2\n"
".size vgModuleLocal_exit_host_thread, .-vgModuleLocal_exit_host_thread\n"
".previous\n"
);

void ML_(clone_child_regs)(VexGuestArchState* child, Addr sp, Bool set_tls,
                           Addr tls)
{
   ML_(fork_child_set_sp_tls)(child, sp, set_tls, tls);
   child->guest_RAX = 0;   /* clone's result in the child */
}

/* ================================================================== */
/* amd64 wrappers                                                       */
/* ================================================================== */

DECL_TEMPLATE(arch_prctl);
DECL_TEMPLATE(mmap);
DECL_TEMPLATE(clone);

/* The thread pointers are guest state: only the guest's FS_CONST and
   GS_CONST change, never the host's (the core's own %fs must stay).
   The kernel never sees the call. */
PRE(arch_prctl)
{
   PRE_REG_READ2("arch_prctl", int, option, unsigned long, arg2);
   VexGuestAMD64State* gst = &VG_(get_ThreadState)(tid)->arch.vex;
   switch (ARG1) {
      case VKI_ARCH_SET_FS:
         gst->guest_FS_CONST = ARG2;
         SET_STATUS_Success(0);
         break;
      case VKI_ARCH_SET_GS:
         gst->guest_GS_CONST = ARG2;
         SET_STATUS_Success(0);
         break;
      case VKI_ARCH_GET_FS:
      case VKI_ARCH_GET_GS:
         PRE_MEM_WRITE("arch_prctl(addr)", ARG2, sizeof(ULong));
         if (!ML_(safe_to_write)(ARG2, sizeof(ULong))) {
            SET_STATUS_Failure(VKI_EFAULT);
            break;
         }
         *(ULong*)ARG2 = ARG1 == VKI_ARCH_GET_FS ? gst->guest_FS_CONST
                                                 : gst->guest_GS_CONST;
         POST_MEM_WRITE(ARG2, sizeof(ULong));
         SET_STATUS_Success(0);
         break;
      default:
         /* ARCH_GET_CPUID/SET_CPUID, ARCH_MAP_VDSO_*, shadow stacks...:
            nothing the JIT can honour. */
         SET_STATUS_Failure(VKI_EINVAL);
         break;
   }
}

/* mmap takes its offset in bytes on amd64. */
PRE(mmap)
{
   PRE_REG_READ6("mmap", unsigned long, start, unsigned long, length,
                 unsigned long, prot, unsigned long, flags,
                 unsigned long, fd, unsigned long, offset);
   SET_STATUS_from_SysRes(ML_(generic_PRE_sys_mmap)(tid, ARG1, ARG2, ARG3,
                                                    ARG4, ARG5,
                                                    (Off64T)ARG6));
}

/* clone(flags, child_stack, parent_tidptr, child_tidptr, tls) */
PRE(clone)
{
   UWord fl = ARG1;
   PRA_("clone", 1, unsigned long, flags);
   PRA_("clone", 2, void*, child_stack);
   if (fl & (VKI_CLONE_PARENT_SETTID | VKI_CLONE_PIDFD)) {
      PRA_("clone", 3, int*, parent_tidptr);
      PRE_MEM_WRITE("clone(parent_tidptr)", ARG3, sizeof(Int));
   }
   if (fl & (VKI_CLONE_CHILD_SETTID | VKI_CLONE_CHILD_CLEARTID)) {
      PRA_("clone", 4, int*, child_tidptr);
      PRE_MEM_WRITE("clone(child_tidptr)", ARG4, sizeof(Int));
   }
   if (fl & VKI_CLONE_SETTLS)
      PRA_("clone", 5, void*, tlsaddr);
   ML_(do_clone)(tid, status, fl, ARG2, ARG3, ARG4, ARG5);
}

/* ================================================================== */
/* The table                                                            */
/* ================================================================== */

/* Indexed by system call number; an empty entry is an unknown call. */
static const SyscallTableEntry syscall_table[] = {
   WRAP_XY(__NR_read, read),
   WRAP_X_(__NR_write, write),
   WRAP_XY(__NR_open, open),
   WRAP_X_(__NR_close, close),
   WRAP_XY(__NR_stat, stat),
   WRAP_XY(__NR_fstat, fstat),
   WRAP_XY(__NR_lstat, lstat),
   WRAP_XY(__NR_poll, poll),
   WRAP_X_(__NR_lseek, lseek),
   WRAP_X_(__NR_mmap, mmap),
   WRAP_XY(__NR_mprotect, mprotect),
   WRAP_XY(__NR_munmap, munmap),
   WRAP_X_(__NR_brk, brk),
   WRAP_XY(__NR_ioctl, ioctl),
   WRAP_XY(__NR_pread64, pread64),
   WRAP_X_(__NR_pwrite64, pwrite64),
   WRAP_XY(__NR_readv, readv),
   WRAP_X_(__NR_writev, writev),
   WRAP_X_(__NR_access, access),
   WRAP_XY(__NR_pipe, pipe),
   WRAP_XY(__NR_select, select),
   WRAP_X_(__NR_sched_yield, sched_yield),
   WRAP_X_(__NR_mremap, mremap),
   WRAP_X_(__NR_msync, msync),
   WRAP_XY(__NR_mincore, mincore),
   WRAP_X_(__NR_madvise, madvise),
   WRAP_X_(__NR_shmget, shmget),
   WRAP_XY(__NR_shmat, shmat),
   WRAP_XY(__NR_shmctl, shmctl),
   WRAP_XY(__NR_dup, dup),
   WRAP_X_(__NR_dup2, dup2),
   WRAP_XY(__NR_nanosleep, nanosleep),
   WRAP_XY(__NR_getitimer, getitimer),
   WRAP_X_(__NR_alarm, alarm),
   WRAP_XY(__NR_setitimer, setitimer),
   WRAP_X_(__NR_getpid, getpid),
   WRAP_XY(__NR_sendfile, sendfile),
   WRAP_XY(__NR_socket, socket),
   WRAP_X_(__NR_connect, connect),
   WRAP_XY(__NR_accept, accept),
   WRAP_X_(__NR_sendto, sendto),
   WRAP_XY(__NR_recvfrom, recvfrom),
   WRAP_X_(__NR_sendmsg, sendmsg),
   WRAP_XY(__NR_recvmsg, recvmsg),
   WRAP_X_(__NR_shutdown, shutdown),
   WRAP_X_(__NR_bind, bind),
   WRAP_X_(__NR_listen, listen),
   WRAP_XY(__NR_getsockname, getsockname),
   WRAP_XY(__NR_getpeername, getpeername),
   WRAP_XY(__NR_socketpair, socketpair),
   WRAP_X_(__NR_setsockopt, setsockopt),
   WRAP_XY(__NR_getsockopt, getsockopt),
   WRAP_X_(__NR_clone, clone),
   WRAP_X_(__NR_fork, fork),
   WRAP_X_(__NR_vfork, vfork),
   WRAP_X_(__NR_execve, execve),
   WRAP_X_(__NR_exit, exit),
   WRAP_XY(__NR_wait4, wait4),
   WRAP_X_(__NR_kill, kill),
   WRAP_XY(__NR_uname, uname),
   WRAP_XY(__NR_shmdt, shmdt),
   WRAP_XY(__NR_fcntl, fcntl),
   WRAP_X_(__NR_flock, flock),
   WRAP_X_(__NR_fsync, fsync),
   WRAP_X_(__NR_fdatasync, fdatasync),
   WRAP_X_(__NR_truncate, truncate),
   WRAP_X_(__NR_ftruncate, ftruncate),
   WRAP_XY(__NR_getdents, getdents),
   WRAP_XY(__NR_getcwd, getcwd),
   WRAP_X_(__NR_chdir, chdir),
   WRAP_X_(__NR_fchdir, fchdir),
   WRAP_X_(__NR_rename, rename),
   WRAP_X_(__NR_mkdir, mkdir),
   WRAP_X_(__NR_rmdir, rmdir),
   WRAP_XY(__NR_creat, creat),
   WRAP_X_(__NR_link, link),
   WRAP_X_(__NR_unlink, unlink),
   WRAP_X_(__NR_symlink, symlink),
   WRAP_XY(__NR_readlink, readlink),
   WRAP_X_(__NR_chmod, chmod),
   WRAP_X_(__NR_fchmod, fchmod),
   WRAP_X_(__NR_chown, chown),
   WRAP_X_(__NR_fchown, fchown),
   WRAP_X_(__NR_lchown, lchown),
   WRAP_X_(__NR_umask, umask),
   WRAP_XY(__NR_gettimeofday, gettimeofday),
   WRAP_XY(__NR_getrlimit, getrlimit),
   WRAP_XY(__NR_getrusage, getrusage),
   WRAP_XY(__NR_sysinfo, sysinfo),
   WRAP_XY(__NR_times, times),
   WRAP_X_(__NR_getuid, getuid),
   WRAP_X_(__NR_getgid, getgid),
   WRAP_X_(__NR_setuid, setuid),
   WRAP_X_(__NR_setgid, setgid),
   WRAP_X_(__NR_geteuid, geteuid),
   WRAP_X_(__NR_getegid, getegid),
   WRAP_X_(__NR_setpgid, setpgid),
   WRAP_X_(__NR_getppid, getppid),
   WRAP_X_(__NR_getpgrp, getpgrp),
   WRAP_X_(__NR_setsid, setsid),
   WRAP_X_(__NR_setreuid, setreuid),
   WRAP_X_(__NR_setregid, setregid),
   WRAP_XY(__NR_getgroups, getgroups),
   WRAP_X_(__NR_setgroups, setgroups),
   WRAP_X_(__NR_setresuid, setresuid),
   WRAP_XY(__NR_getresuid, getresuid),
   WRAP_X_(__NR_setresgid, setresgid),
   WRAP_XY(__NR_getresgid, getresgid),
   WRAP_X_(__NR_getpgid, getpgid),
   WRAP_X_(__NR_setfsuid, setfsuid),
   WRAP_X_(__NR_setfsgid, setfsgid),
   WRAP_X_(__NR_getsid, getsid),
   WRAP_XY(__NR_capget, capget),
   WRAP_X_(__NR_capset, capset),
   WRAP_X_(__NR_utime, utime),
   WRAP_X_(__NR_mknod, mknod),
   WRAP_X_(__NR_personality, personality),
   WRAP_XY(__NR_statfs, statfs),
   WRAP_XY(__NR_fstatfs, fstatfs),
   WRAP_X_(__NR_getpriority, getpriority),
   WRAP_X_(__NR_setpriority, setpriority),
   WRAP_X_(__NR_sched_setparam, sched_setparam),
   WRAP_XY(__NR_sched_getparam, sched_getparam),
   WRAP_X_(__NR_sched_setscheduler, sched_setscheduler),
   WRAP_X_(__NR_sched_getscheduler, sched_getscheduler),
   WRAP_X_(__NR_sched_get_priority_max, sched_get_priority_max),
   WRAP_X_(__NR_sched_get_priority_min, sched_get_priority_min),
   WRAP_XY(__NR_sched_rr_get_interval, sched_rr_get_interval),
   WRAP_X_(__NR_mlock, mlock),
   WRAP_X_(__NR_munlock, munlock),
   WRAP_X_(__NR_mlockall, mlockall),
   WRAP_X_(__NR_munlockall, munlockall),
   WRAP_XY(__NR_prctl, prctl),
   WRAP_X_(__NR_arch_prctl, arch_prctl),
   WRAP_X_(__NR_setrlimit, setrlimit),
   WRAP_X_(__NR_chroot, chroot),
   WRAP_X_(__NR_sync, sync),
   WRAP_X_(__NR_settimeofday, settimeofday),
   WRAP_X_(__NR_gettid, gettid),
   WRAP_X_(__NR_readahead, readahead),
   WRAP_X_(__NR_setxattr, setxattr),
   WRAP_X_(__NR_lsetxattr, lsetxattr),
   WRAP_X_(__NR_fsetxattr, fsetxattr),
   WRAP_XY(__NR_getxattr, getxattr),
   WRAP_XY(__NR_lgetxattr, lgetxattr),
   WRAP_XY(__NR_fgetxattr, fgetxattr),
   WRAP_XY(__NR_listxattr, listxattr),
   WRAP_XY(__NR_llistxattr, llistxattr),
   WRAP_XY(__NR_flistxattr, flistxattr),
   WRAP_X_(__NR_removexattr, removexattr),
   WRAP_X_(__NR_lremovexattr, lremovexattr),
   WRAP_X_(__NR_fremovexattr, fremovexattr),
   WRAP_X_(__NR_tkill, tkill),
   WRAP_XY(__NR_time, time),
   WRAP_XY(__NR_futex, futex),
   WRAP_X_(__NR_sched_setaffinity, sched_setaffinity),
   WRAP_XY(__NR_sched_getaffinity, sched_getaffinity),
   WRAP_XY(__NR_epoll_create, epoll_create),
   WRAP_XY(__NR_getdents64, getdents64),
   WRAP_X_(__NR_set_tid_address, set_tid_address),
   WRAP_X_(__NR_fadvise64, fadvise64),
   WRAP_X_(__NR_clock_settime, clock_settime),
   WRAP_XY(__NR_clock_gettime, clock_gettime),
   WRAP_XY(__NR_clock_getres, clock_getres),
   WRAP_XY(__NR_clock_nanosleep, clock_nanosleep),
   WRAP_X_(__NR_exit_group, exit_group),
   WRAP_XY(__NR_epoll_wait, epoll_wait),
   WRAP_X_(__NR_epoll_ctl, epoll_ctl),
   WRAP_X_(__NR_tgkill, tgkill),
   WRAP_X_(__NR_utimes, utimes),
   WRAP_XY(__NR_waitid, waitid),
   WRAP_X_(__NR_ioprio_set, ioprio_set),
   WRAP_X_(__NR_ioprio_get, ioprio_get),
   WRAP_XY(__NR_inotify_init, inotify_init),
   WRAP_X_(__NR_inotify_add_watch, inotify_add_watch),
   WRAP_X_(__NR_inotify_rm_watch, inotify_rm_watch),
   WRAP_XY(__NR_openat, openat),
   WRAP_X_(__NR_mkdirat, mkdirat),
   WRAP_X_(__NR_mknodat, mknodat),
   WRAP_X_(__NR_fchownat, fchownat),
   WRAP_X_(__NR_futimesat, futimesat),
   WRAP_XY(__NR_newfstatat, newfstatat),
   WRAP_X_(__NR_unlinkat, unlinkat),
   WRAP_X_(__NR_renameat, renameat),
   WRAP_X_(__NR_linkat, linkat),
   WRAP_X_(__NR_symlinkat, symlinkat),
   WRAP_XY(__NR_readlinkat, readlinkat),
   WRAP_X_(__NR_fchmodat, fchmodat),
   WRAP_X_(__NR_faccessat, faccessat),
   WRAP_XY(__NR_pselect6, pselect6),
   WRAP_XY(__NR_ppoll, ppoll),
   WRAP_X_(__NR_set_robust_list, set_robust_list),
   WRAP_XY(__NR_get_robust_list, get_robust_list),
   WRAP_XY(__NR_splice, splice),
   WRAP_X_(__NR_tee, tee),
   WRAP_X_(__NR_sync_file_range, sync_file_range),
   WRAP_X_(__NR_utimensat, utimensat),
   WRAP_XY(__NR_epoll_pwait, epoll_pwait),
   WRAP_XY(__NR_signalfd, signalfd),
   WRAP_XY(__NR_timerfd_create, timerfd_create),
   WRAP_XY(__NR_eventfd, eventfd),
   WRAP_X_(__NR_fallocate, fallocate),
   WRAP_XY(__NR_timerfd_settime, timerfd_settime),
   WRAP_XY(__NR_timerfd_gettime, timerfd_gettime),
   WRAP_XY(__NR_accept4, accept4),
   WRAP_XY(__NR_signalfd4, signalfd4),
   WRAP_XY(__NR_eventfd2, eventfd2),
   WRAP_XY(__NR_epoll_create1, epoll_create1),
   WRAP_X_(__NR_dup3, dup3),
   WRAP_XY(__NR_pipe2, pipe2),
   WRAP_XY(__NR_inotify_init1, inotify_init1),
   WRAP_XY(__NR_preadv, preadv),
   WRAP_X_(__NR_pwritev, pwritev),
   WRAP_XY(__NR_recvmmsg, recvmmsg),
   WRAP_XY(__NR_prlimit64, prlimit64),
   WRAP_X_(__NR_syncfs, syncfs),
   WRAP_XY(__NR_sendmmsg, sendmmsg),
   WRAP_XY(__NR_getcpu, getcpu),
   WRAP_X_(__NR_renameat2, renameat2),
   WRAP_X_(__NR_seccomp, seccomp),
   WRAP_XY(__NR_getrandom, getrandom),
   WRAP_XY(__NR_memfd_create, memfd_create),
   WRAP_X_(__NR_execveat, execveat),
   WRAP_X_(__NR_membarrier, membarrier),
   WRAP_XY(__NR_copy_file_range, copy_file_range),
   WRAP_XY(__NR_preadv2, preadv2),
   WRAP_X_(__NR_pwritev2, pwritev2),
   WRAP_XY(__NR_statx, statx),
   WRAP_X_(__NR_rseq, rseq),
   WRAP_XY(__NR_pidfd_open, pidfd_open),
   WRAP_X_(__NR_clone3, clone3),
   WRAP_X_(__NR_close_range, close_range),
   WRAP_XY(__NR_openat2, openat2),
   WRAP_X_(__NR_faccessat2, faccessat2),
   WRAP_XY(__NR_epoll_pwait2, epoll_pwait2),
   WRAP_X_(__NR_fchmodat2, fchmodat2),
#if defined(VG_HAVE_SIGNALS_MODULE)
   WRAP_XY(__NR_rt_sigaction, rt_sigaction),
   WRAP_XY(__NR_rt_sigprocmask, rt_sigprocmask),
   WRAP_X_(__NR_rt_sigreturn, rt_sigreturn),
   WRAP_X_(__NR_pause, pause),
   WRAP_XY(__NR_rt_sigpending, rt_sigpending),
   WRAP_XY(__NR_rt_sigtimedwait, rt_sigtimedwait),
   WRAP_X_(__NR_rt_sigqueueinfo, rt_sigqueueinfo),
   WRAP_X_(__NR_rt_sigsuspend, rt_sigsuspend),
   WRAP_XY(__NR_sigaltstack, sigaltstack),
   WRAP_X_(__NR_rt_tgsigqueueinfo, rt_tgsigqueueinfo),
   WRAP_XY(__NR_timer_create, timer_create),
   WRAP_XY(__NR_timer_settime, timer_settime),
   WRAP_XY(__NR_timer_gettime, timer_gettime),
   WRAP_X_(__NR_timer_getoverrun, timer_getoverrun),
   WRAP_X_(__NR_timer_delete, timer_delete),
#endif
};

const SyscallTableEntry* ML_(get_syscall_entry)(UWord sysno)
{
   if (sysno >= VG_N_ELEMS(syscall_table))
      return NULL;
   const SyscallTableEntry* e = &syscall_table[sysno];
   return e->before != NULL ? e : NULL;
}
