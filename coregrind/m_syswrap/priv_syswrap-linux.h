/* m_syswrap: the Linux-specific wrappers (syswrap-linux.c). */
#ifndef __PRIV_SYSWRAP_LINUX_H
#define __PRIV_SYSWRAP_LINUX_H

#include "pub_core_basics.h"
#include "priv_types_n_macros.h"

/* clone, with the arguments decoded by the platform's wrapper: without
   CLONE_VM it runs as a fork (so does CLONE_VM|CLONE_VFORK, posix_spawn's
   form); CLONE_VM|CLONE_THREAD|CLONE_SIGHAND makes a thread, run by a
   new host thread; other CLONE_VM forms fail with EINVAL after a
   one-time message. */
extern void ML_(do_clone)(ThreadId tid, SyscallStatus* status, UWord flags,
                          Addr child_sp, Addr parent_tidptr,
                          Addr child_tidptr, Addr tls);

/* Per-platform parts (syswrap-<platform>.c). */

/* The kernel's clone making a host thread that starts on STACK_TOP
   (16-aligned) by calling FN(ARG), which never returns; TLS is the new
   host thread pointer.  Returns the new thread's id or -errno. */
extern Long ML_(clone_host_thread)(UWord flags, Addr stack_top,
                                   Addr parent_tidptr, Addr child_tidptr,
                                   Addr tls, void (*fn)(Word), Word arg);

/* *STATUS = EMPTY, then the host thread exits with CODE, without
   touching memory in between. */
extern void ML_(exit_host_thread)(ThreadStatus* status, UInt empty,
                                  Int code) NORETURN;

/* A new thread's registers, copied from its parent's: SP (unless 0),
   the thread pointer when SET_TLS, and clone's result 0. */
extern void ML_(clone_child_regs)(VexGuestArchState* child, Addr sp,
                                  Bool set_tls, Addr tls);

DECL_TEMPLATE(openat);
DECL_TEMPLATE(openat2);
DECL_TEMPLATE(close_range);
DECL_TEMPLATE(newfstatat);
DECL_TEMPLATE(statx);
DECL_TEMPLATE(statfs);
DECL_TEMPLATE(fstatfs);
DECL_TEMPLATE(faccessat);
DECL_TEMPLATE(faccessat2);
DECL_TEMPLATE(readlinkat);
DECL_TEMPLATE(mkdirat);
DECL_TEMPLATE(mknodat);
DECL_TEMPLATE(unlinkat);
DECL_TEMPLATE(renameat);
DECL_TEMPLATE(renameat2);
DECL_TEMPLATE(linkat);
DECL_TEMPLATE(symlinkat);
DECL_TEMPLATE(fchmodat);
DECL_TEMPLATE(fchmodat2);
DECL_TEMPLATE(fchownat);
DECL_TEMPLATE(utimensat);
DECL_TEMPLATE(futimesat);
DECL_TEMPLATE(getdents64);
DECL_TEMPLATE(dup3);
DECL_TEMPLATE(pipe2);
DECL_TEMPLATE(fadvise64);
DECL_TEMPLATE(fallocate);
DECL_TEMPLATE(readahead);
DECL_TEMPLATE(sync_file_range);
DECL_TEMPLATE(syncfs);
DECL_TEMPLATE(sendfile);
DECL_TEMPLATE(copy_file_range);
DECL_TEMPLATE(splice);
DECL_TEMPLATE(tee);
DECL_TEMPLATE(preadv2);
DECL_TEMPLATE(pwritev2);
DECL_TEMPLATE(memfd_create);
DECL_TEMPLATE(pidfd_open);
DECL_TEMPLATE(getxattr);
DECL_TEMPLATE(lgetxattr);
DECL_TEMPLATE(fgetxattr);
DECL_TEMPLATE(listxattr);
DECL_TEMPLATE(llistxattr);
DECL_TEMPLATE(flistxattr);
DECL_TEMPLATE(setxattr);
DECL_TEMPLATE(lsetxattr);
DECL_TEMPLATE(fsetxattr);
DECL_TEMPLATE(removexattr);
DECL_TEMPLATE(lremovexattr);
DECL_TEMPLATE(fremovexattr);
DECL_TEMPLATE(ppoll);
DECL_TEMPLATE(pselect6);
DECL_TEMPLATE(epoll_create);
DECL_TEMPLATE(epoll_create1);
DECL_TEMPLATE(epoll_ctl);
DECL_TEMPLATE(epoll_wait);
DECL_TEMPLATE(epoll_pwait);
DECL_TEMPLATE(epoll_pwait2);
DECL_TEMPLATE(eventfd);
DECL_TEMPLATE(eventfd2);
DECL_TEMPLATE(timerfd_create);
DECL_TEMPLATE(timerfd_settime);
DECL_TEMPLATE(timerfd_gettime);
DECL_TEMPLATE(signalfd);
DECL_TEMPLATE(signalfd4);
DECL_TEMPLATE(inotify_init);
DECL_TEMPLATE(inotify_init1);
DECL_TEMPLATE(inotify_add_watch);
DECL_TEMPLATE(inotify_rm_watch);
DECL_TEMPLATE(mremap);
DECL_TEMPLATE(clock_gettime);
DECL_TEMPLATE(clock_getres);
DECL_TEMPLATE(clock_settime);
DECL_TEMPLATE(clock_nanosleep);
DECL_TEMPLATE(time);
DECL_TEMPLATE(getrandom);
DECL_TEMPLATE(gettid);
DECL_TEMPLATE(setresuid);
DECL_TEMPLATE(setresgid);
DECL_TEMPLATE(getresuid);
DECL_TEMPLATE(getresgid);
DECL_TEMPLATE(setfsuid);
DECL_TEMPLATE(setfsgid);
DECL_TEMPLATE(sysinfo);
DECL_TEMPLATE(prlimit64);
DECL_TEMPLATE(waitid);
DECL_TEMPLATE(tkill);
DECL_TEMPLATE(tgkill);
DECL_TEMPLATE(set_tid_address);
DECL_TEMPLATE(set_robust_list);
DECL_TEMPLATE(get_robust_list);
DECL_TEMPLATE(rseq);
DECL_TEMPLATE(seccomp);
DECL_TEMPLATE(futex);
DECL_TEMPLATE(sched_yield);
DECL_TEMPLATE(sched_getaffinity);
DECL_TEMPLATE(sched_setaffinity);
DECL_TEMPLATE(sched_getparam);
DECL_TEMPLATE(sched_setparam);
DECL_TEMPLATE(sched_getscheduler);
DECL_TEMPLATE(sched_setscheduler);
DECL_TEMPLATE(sched_get_priority_max);
DECL_TEMPLATE(sched_get_priority_min);
DECL_TEMPLATE(sched_rr_get_interval);
DECL_TEMPLATE(getcpu);
DECL_TEMPLATE(ioprio_get);
DECL_TEMPLATE(ioprio_set);
DECL_TEMPLATE(membarrier);
DECL_TEMPLATE(personality);
DECL_TEMPLATE(prctl);
DECL_TEMPLATE(capget);
DECL_TEMPLATE(capset);
DECL_TEMPLATE(exit_group);
DECL_TEMPLATE(clone3);
DECL_TEMPLATE(execveat);
DECL_TEMPLATE(accept4);
DECL_TEMPLATE(sendmmsg);
DECL_TEMPLATE(recvmmsg);

/* The signal system calls (syswrap-signals.c, built once the signals
   module exists: see pub_core_signals.h). */
DECL_TEMPLATE(rt_sigaction);
DECL_TEMPLATE(rt_sigprocmask);
DECL_TEMPLATE(rt_sigpending);
DECL_TEMPLATE(rt_sigsuspend);
DECL_TEMPLATE(rt_sigtimedwait);
DECL_TEMPLATE(rt_sigqueueinfo);
DECL_TEMPLATE(rt_tgsigqueueinfo);
DECL_TEMPLATE(sigaltstack);
DECL_TEMPLATE(rt_sigreturn);
DECL_TEMPLATE(pause);
DECL_TEMPLATE(timer_create);
DECL_TEMPLATE(timer_settime);
DECL_TEMPLATE(timer_gettime);
DECL_TEMPLATE(timer_getoverrun);
DECL_TEMPLATE(timer_delete);

#endif
