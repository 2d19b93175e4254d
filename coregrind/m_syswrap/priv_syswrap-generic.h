/* m_syswrap: helpers shared by the wrappers, and the wrappers common to
   Unix-like systems (syswrap-generic.c). */
#ifndef __PRIV_SYSWRAP_GENERIC_H
#define __PRIV_SYSWRAP_GENERIC_H

#include "pub_core_basics.h"
#include "priv_types_n_macros.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* Whether the core may read (write) LEN bytes of client memory at A
   itself, i.e. they are client memory with that permission.  Before
   the address-space manager has started (the hosted unit tests), any
   address above the first page is taken as safe.  LEN 0: True. */
extern Bool ML_(safe_to_deref)(Addr a, SizeT len);
extern Bool ML_(safe_to_write)(Addr a, SizeT len);

/* Whether the NUL-terminated string at S (at most MAX bytes, NUL
   included) lies wholly in memory the core may read. */
extern Bool ML_(safe_to_deref_asciiz)(Addr s, SizeT max);

/* Whether the client may use descriptor FD in SYSCALLNAME: the core's
   own descriptors (at or above VG_(fd_hard_limit)) are out of its
   reach ("Warning: invalid file descriptor N in syscall NAME()"), and a
   new descriptor (ISNEWFD) must lie below VG_(fd_soft_limit), the limit
   the client sees.  Always True while the limits are unset (-1). */
extern Bool ML_(fd_allowed)(Int fd, const HChar* syscallname, ThreadId tid,
                            Bool isNewFd);

/* POST of a call that made descriptor RES: if the client may not have
   it, closes it and turns the result into EMFILE. */
extern void ML_(check_new_fd)(ThreadId tid, SyscallStatus* status,
                              const HChar* syscallname);

/* POST of a call that stored two new descriptors at FDS (pipe,
   socketpair): both are kept, or neither (EMFILE). */
extern void ML_(check_new_fd_pair)(ThreadId tid, SyscallStatus* status,
                                   Addr fds, const HChar* name);

/* The CNT-entry iovec array at IOV (ARR_S) and its buffers (ELT_S):
   read by the kernel, or written when KERNEL_WRITES. */
extern void ML_(pre_iovecs)(ThreadId tid, const HChar* arr_s,
                            const HChar* elt_s, Addr iov, UWord cnt,
                            Bool kernel_writes);
/* LEN bytes were stored into the array's buffers, in order. */
extern void ML_(post_iovecs)(ThreadId tid, Addr iov, UWord cnt, UWord len);

/* Whether PATH names the running process's executable through /proc
   (/proc/self/exe, /proc/<our pid>/exe).  If so, and the start-up code
   opened the client's executable (VG_(cl_exec_fd)), BUF (of SIZE
   bytes) gets "/proc/self/fd/<that fd>", the client's executable, and
   the result is True. */
extern Bool ML_(redirect_proc_self_exe)(Addr path, HChar* buf, SizeT size);

/* Told that the client's memory changed, after the kernel did it:
   record it in the address-space map, tell the tool, discard
   translations where needed.  Lengths are rounded up to pages. */
extern void ML_(notify_core_and_tool_of_mmap)(Addr a, SizeT len, UInt prot,
                                              UInt flags, Int fd,
                                              Off64T offset);
extern void ML_(notify_core_and_tool_of_munmap)(Addr a, SizeT len);
extern void ML_(notify_core_and_tool_of_mprotect)(Addr a, SizeT len,
                                                  UInt prot);

/* A client mmap, done completely (placement, kernel, notification):
   the address or the errno. */
extern SysRes ML_(generic_PRE_sys_mmap)(ThreadId tid, UWord addr, UWord len,
                                        UWord prot, UWord flags, UWord fd,
                                        Off64T offset);

/* A buffer BUF whose size the kernel reads from, and writes back to,
   the socklen_t at LENP (accept's addr/addrlen, getsockopt's
   optval/optlen ...).  PRE keeps the offered size in
   status->saved[SLOT] for POST. */
extern void ML_(buf_and_len_pre_check)(ThreadId tid, SyscallStatus* status,
                                       Int slot, Addr buf, Addr lenp,
                                       const HChar* buf_s,
                                       const HChar* len_s);
extern void ML_(buf_and_len_post_check)(ThreadId tid, SyscallStatus* status,
                                        Int slot, Addr buf, Addr lenp);

/* The memory a struct msghdr at MSG names, for sendmsg (IS_RECV False:
   everything is read) and recvmsg (the name, the buffers and the
   control data are written).  NAME is "sendmsg", "recvmsg", ... */
extern void ML_(pre_msghdr)(ThreadId tid, const HChar* name, Addr msg,
                            Bool is_recv);
/* After recvmsg received LEN bytes into MSG; NAMELEN_IN is the size of
   the name buffer the client offered (0: unknown). */
extern void ML_(post_recvmsg)(ThreadId tid, Addr msg, UWord len,
                              UWord namelen_in);

/* The fork form of clone (fork, vfork, clone without CLONE_VM): runs
   the kernel's clone with FLAGS (the signal and the flags the kernel
   may see), handles the fork hooks and the signal mask, sets the
   child's stack pointer (CHILD_SP when not 0) and thread pointer (TLS
   when FLAGS had CLONE_SETTLS; the host's is never changed). */
extern SysRes ML_(do_fork_clone)(ThreadId tid, UWord flags,
                                 Addr parent_tidptr, Addr child_tidptr,
                                 Addr child_sp, Addr tls);

/* The execve of PATH with ARGV and ENVP (client addresses) for thread
   TID: checks, --trace-children, the exec itself; on failure STATUS
   gets the errno and the client carries on. */
extern void ML_(do_execve)(ThreadId tid, SyscallStatus* status,
                           const HChar* syscallname, Addr path, Addr argv,
                           Addr envp);

/* prlimit64 on this process for RESOURCE, when the core keeps the
   client's view of it (RLIMIT_NOFILE, RLIMIT_DATA, RLIMIT_STACK, as
   getrlimit/setrlimit): True with *RES set; False when the kernel
   should do it. */
extern Bool ML_(prlimit_for_client)(ThreadId tid, UWord resource,
                                    const struct vki_rlimit64* new_rl,
                                    struct vki_rlimit64* old_rl,
                                    SysRes* res);

/* ------------------------------------------------------------------ */
/* Per-platform parts the generic code calls (syswrap-<platform>.c)     */

/* The kernel's clone for a fork: FLAGS without CLONE_VM/CLONE_SETTLS,
   the parent's and child's tid pointers as given. */
extern SysRes ML_(raw_fork_clone)(UWord flags, Addr parent_tidptr,
                                  Addr child_tidptr);

/* In the child of a fork: its guest stack pointer (when SP is not 0)
   and thread pointer (when SET_TLS). */
extern void ML_(fork_child_set_sp_tls)(VexGuestArchState* gst, Addr sp,
                                       Bool set_tls, Addr tls);

/* ------------------------------------------------------------------ */
/* The wrappers                                                         */

DECL_TEMPLATE(read);
DECL_TEMPLATE(write);
DECL_TEMPLATE(pread64);
DECL_TEMPLATE(pwrite64);
DECL_TEMPLATE(readv);
DECL_TEMPLATE(writev);
DECL_TEMPLATE(preadv);
DECL_TEMPLATE(pwritev);
DECL_TEMPLATE(open);
DECL_TEMPLATE(creat);
DECL_TEMPLATE(close);
DECL_TEMPLATE(lseek);
DECL_TEMPLATE(stat);
DECL_TEMPLATE(lstat);
DECL_TEMPLATE(fstat);
DECL_TEMPLATE(access);
DECL_TEMPLATE(readlink);
DECL_TEMPLATE(getcwd);
DECL_TEMPLATE(chdir);
DECL_TEMPLATE(fchdir);
DECL_TEMPLATE(chroot);
DECL_TEMPLATE(mkdir);
DECL_TEMPLATE(rmdir);
DECL_TEMPLATE(unlink);
DECL_TEMPLATE(rename);
DECL_TEMPLATE(link);
DECL_TEMPLATE(symlink);
DECL_TEMPLATE(mknod);
DECL_TEMPLATE(chmod);
DECL_TEMPLATE(fchmod);
DECL_TEMPLATE(chown);
DECL_TEMPLATE(fchown);
DECL_TEMPLATE(lchown);
DECL_TEMPLATE(umask);
DECL_TEMPLATE(truncate);
DECL_TEMPLATE(ftruncate);
DECL_TEMPLATE(fsync);
DECL_TEMPLATE(fdatasync);
DECL_TEMPLATE(sync);
DECL_TEMPLATE(flock);
DECL_TEMPLATE(utime);
DECL_TEMPLATE(utimes);
DECL_TEMPLATE(getdents);
DECL_TEMPLATE(dup);
DECL_TEMPLATE(dup2);
DECL_TEMPLATE(pipe);
DECL_TEMPLATE(fcntl);
DECL_TEMPLATE(ioctl);
DECL_TEMPLATE(poll);
DECL_TEMPLATE(select);
DECL_TEMPLATE(munmap);
DECL_TEMPLATE(mprotect);
DECL_TEMPLATE(msync);
DECL_TEMPLATE(mlock);
DECL_TEMPLATE(munlock);
DECL_TEMPLATE(mlockall);
DECL_TEMPLATE(munlockall);
DECL_TEMPLATE(mincore);
DECL_TEMPLATE(madvise);
DECL_TEMPLATE(brk);
DECL_TEMPLATE(shmget);
DECL_TEMPLATE(shmat);
DECL_TEMPLATE(shmdt);
DECL_TEMPLATE(shmctl);
DECL_TEMPLATE(nanosleep);
DECL_TEMPLATE(gettimeofday);
DECL_TEMPLATE(settimeofday);
DECL_TEMPLATE(times);
DECL_TEMPLATE(getrusage);
DECL_TEMPLATE(getitimer);
DECL_TEMPLATE(setitimer);
DECL_TEMPLATE(alarm);
DECL_TEMPLATE(getpid);
DECL_TEMPLATE(getppid);
DECL_TEMPLATE(getuid);
DECL_TEMPLATE(geteuid);
DECL_TEMPLATE(getgid);
DECL_TEMPLATE(getegid);
DECL_TEMPLATE(getgroups);
DECL_TEMPLATE(setgroups);
DECL_TEMPLATE(setuid);
DECL_TEMPLATE(setgid);
DECL_TEMPLATE(setreuid);
DECL_TEMPLATE(setregid);
DECL_TEMPLATE(getpgid);
DECL_TEMPLATE(setpgid);
DECL_TEMPLATE(getpgrp);
DECL_TEMPLATE(getsid);
DECL_TEMPLATE(setsid);
DECL_TEMPLATE(uname);
DECL_TEMPLATE(getrlimit);
DECL_TEMPLATE(setrlimit);
DECL_TEMPLATE(getpriority);
DECL_TEMPLATE(setpriority);
DECL_TEMPLATE(wait4);
DECL_TEMPLATE(kill);
DECL_TEMPLATE(fork);
DECL_TEMPLATE(vfork);
DECL_TEMPLATE(execve);
DECL_TEMPLATE(exit);
DECL_TEMPLATE(socket);
DECL_TEMPLATE(socketpair);
DECL_TEMPLATE(bind);
DECL_TEMPLATE(connect);
DECL_TEMPLATE(listen);
DECL_TEMPLATE(accept);
DECL_TEMPLATE(getsockname);
DECL_TEMPLATE(getpeername);
DECL_TEMPLATE(sendto);
DECL_TEMPLATE(recvfrom);
DECL_TEMPLATE(sendmsg);
DECL_TEMPLATE(recvmsg);
DECL_TEMPLATE(shutdown);
DECL_TEMPLATE(setsockopt);
DECL_TEMPLATE(getsockopt);

#endif
