/* The Linux kernel interface the core uses: constants and structure
   layouts from the kernel's UAPI headers, under vki_/VKI_ names so that
   they never clash with a libc header (the hosted unit tests include
   both).  What is the same on every architecture we target is here; what
   differs (struct stat, some open flags, the page size, signal stack
   sizes) is in vki-<arch>-linux.h.

   Member names avoid the names glibc turns into macros (st_atime,
   sa_handler, si_pid, ...), otherwise a test that includes <sys/stat.h>
   or <signal.h> before this file would see them rewritten. */
#ifndef __VKI_LINUX_H
#define __VKI_LINUX_H

#if defined(VGA_amd64)
#  include "vki-scnums-amd64-linux.h"
#  include "vki-amd64-linux.h"
#elif defined(VGA_x86)
#  include "vki-scnums-x86-linux.h"
#  include "vki-x86-linux.h"
#elif defined(VGA_arm64)
#  include "vki-scnums-arm64-linux.h"
#  include "vki-arm64-linux.h"
#else
#  error "unknown architecture"
#endif

/* ------------------------------------------------------------------ */
/* Basic kernel types (include/uapi/asm-generic/posix_types.h).        */

typedef int            vki_pid_t;
typedef unsigned int   vki_uid_t;
typedef unsigned int   vki_gid_t;
typedef unsigned int   vki_mode_t;
typedef long           vki_off_t;
typedef long long      vki_loff_t;
typedef unsigned long  vki_size_t;
typedef long           vki_ssize_t;
typedef long           vki_clock_t;
typedef long           vki_time_t;
typedef int            vki_clockid_t;

/* ------------------------------------------------------------------ */
/* errno values (include/uapi/asm-generic/errno-base.h and errno.h;     */
/* identical on x86, amd64 and arm64).                                  */

#define VKI_EPERM            1
#define VKI_ENOENT           2
#define VKI_ESRCH            3
#define VKI_EINTR            4
#define VKI_EIO              5
#define VKI_ENXIO            6
#define VKI_E2BIG            7
#define VKI_ENOEXEC          8
#define VKI_EBADF            9
#define VKI_ECHILD          10
#define VKI_EAGAIN          11
#define VKI_ENOMEM          12
#define VKI_EACCES          13
#define VKI_EFAULT          14
#define VKI_ENOTBLK         15
#define VKI_EBUSY           16
#define VKI_EEXIST          17
#define VKI_EXDEV           18
#define VKI_ENODEV          19
#define VKI_ENOTDIR         20
#define VKI_EISDIR          21
#define VKI_EINVAL          22
#define VKI_ENFILE          23
#define VKI_EMFILE          24
#define VKI_ENOTTY          25
#define VKI_ETXTBSY         26
#define VKI_EFBIG           27
#define VKI_ENOSPC          28
#define VKI_ESPIPE          29
#define VKI_EROFS           30
#define VKI_EMLINK          31
#define VKI_EPIPE           32
#define VKI_EDOM            33
#define VKI_ERANGE          34

#define VKI_EDEADLK         35
#define VKI_ENAMETOOLONG    36
#define VKI_ENOLCK          37
#define VKI_ENOSYS          38
#define VKI_ENOTEMPTY       39
#define VKI_ELOOP           40
#define VKI_EWOULDBLOCK     VKI_EAGAIN
#define VKI_ENOMSG          42
#define VKI_EIDRM           43
#define VKI_ECHRNG          44
#define VKI_EL2NSYNC        45
#define VKI_EL3HLT          46
#define VKI_EL3RST          47
#define VKI_ELNRNG          48
#define VKI_EUNATCH         49
#define VKI_ENOCSI          50
#define VKI_EL2HLT          51
#define VKI_EBADE           52
#define VKI_EBADR           53
#define VKI_EXFULL          54
#define VKI_ENOANO          55
#define VKI_EBADRQC         56
#define VKI_EBADSLT         57
#define VKI_EDEADLOCK       VKI_EDEADLK
#define VKI_EBFONT          59
#define VKI_ENOSTR          60
#define VKI_ENODATA         61
#define VKI_ETIME           62
#define VKI_ENOSR           63
#define VKI_ENONET          64
#define VKI_ENOPKG          65
#define VKI_EREMOTE         66
#define VKI_ENOLINK         67
#define VKI_EADV            68
#define VKI_ESRMNT          69
#define VKI_ECOMM           70
#define VKI_EPROTO          71
#define VKI_EMULTIHOP       72
#define VKI_EDOTDOT         73
#define VKI_EBADMSG         74
#define VKI_EOVERFLOW       75
#define VKI_ENOTUNIQ        76
#define VKI_EBADFD          77
#define VKI_EREMCHG         78
#define VKI_ELIBACC         79
#define VKI_ELIBBAD         80
#define VKI_ELIBSCN         81
#define VKI_ELIBMAX         82
#define VKI_ELIBEXEC        83
#define VKI_EILSEQ          84
#define VKI_ERESTART        85
#define VKI_ESTRPIPE        86
#define VKI_EUSERS          87
#define VKI_ENOTSOCK        88
#define VKI_EDESTADDRREQ    89
#define VKI_EMSGSIZE        90
#define VKI_EPROTOTYPE      91
#define VKI_ENOPROTOOPT     92
#define VKI_EPROTONOSUPPORT 93
#define VKI_ESOCKTNOSUPPORT 94
#define VKI_EOPNOTSUPP      95
#define VKI_EPFNOSUPPORT    96
#define VKI_EAFNOSUPPORT    97
#define VKI_EADDRINUSE      98
#define VKI_EADDRNOTAVAIL   99
#define VKI_ENETDOWN       100
#define VKI_ENETUNREACH    101
#define VKI_ENETRESET      102
#define VKI_ECONNABORTED   103
#define VKI_ECONNRESET     104
#define VKI_ENOBUFS        105
#define VKI_EISCONN        106
#define VKI_ENOTCONN       107
#define VKI_ESHUTDOWN      108
#define VKI_ETOOMANYREFS   109
#define VKI_ETIMEDOUT      110
#define VKI_ECONNREFUSED   111
#define VKI_EHOSTDOWN      112
#define VKI_EHOSTUNREACH   113
#define VKI_EALREADY       114
#define VKI_EINPROGRESS    115
#define VKI_ESTALE         116
#define VKI_EUCLEAN        117
#define VKI_ENOTNAM        118
#define VKI_ENAVAIL        119
#define VKI_EISNAM         120
#define VKI_EREMOTEIO      121
#define VKI_EDQUOT         122
#define VKI_ENOMEDIUM      123
#define VKI_EMEDIUMTYPE    124
#define VKI_ECANCELED      125
#define VKI_ENOKEY         126
#define VKI_EKEYEXPIRED    127
#define VKI_EKEYREVOKED    128
#define VKI_EKEYREJECTED   129
#define VKI_EOWNERDEAD     130
#define VKI_ENOTRECOVERABLE 131
#define VKI_ERFKILL        132
#define VKI_EHWPOISON      133

/* The kernel's internal restart codes (include/linux/errno.h): a
   syscall interrupted by a signal may return them, and the syscall
   wrappers must recognise them. */
#define VKI_ERESTARTSYS           512
#define VKI_ERESTARTNOINTR        513
#define VKI_ERESTARTNOHAND        514
#define VKI_ERESTART_RESTARTBLOCK 516

/* ------------------------------------------------------------------ */
/* Signals (asm-generic/signal.h numbering, shared by all three).       */

#define VKI_SIGHUP     1
#define VKI_SIGINT     2
#define VKI_SIGQUIT    3
#define VKI_SIGILL     4
#define VKI_SIGTRAP    5
#define VKI_SIGABRT    6
#define VKI_SIGIOT     6
#define VKI_SIGBUS     7
#define VKI_SIGFPE     8
#define VKI_SIGKILL    9
#define VKI_SIGUSR1   10
#define VKI_SIGSEGV   11
#define VKI_SIGUSR2   12
#define VKI_SIGPIPE   13
#define VKI_SIGALRM   14
#define VKI_SIGTERM   15
#define VKI_SIGSTKFLT 16
#define VKI_SIGCHLD   17
#define VKI_SIGCONT   18
#define VKI_SIGSTOP   19
#define VKI_SIGTSTP   20
#define VKI_SIGTTIN   21
#define VKI_SIGTTOU   22
#define VKI_SIGURG    23
#define VKI_SIGXCPU   24
#define VKI_SIGXFSZ   25
#define VKI_SIGVTALRM 26
#define VKI_SIGPROF   27
#define VKI_SIGWINCH  28
#define VKI_SIGIO     29
#define VKI_SIGPOLL   VKI_SIGIO
#define VKI_SIGPWR    30
#define VKI_SIGSYS    31
#define VKI_SIGUNUSED 31

/* The kernel's view: real-time signals are 32.._VKI_NSIG (glibc reserves
   the first few for itself, the kernel does not). */
#define VKI_SIGRTMIN  32
#define _VKI_NSIG     64
#define VKI_SIGRTMAX  _VKI_NSIG

#define _VKI_NSIG_BPW   (8 * (int)sizeof(unsigned long))
#define _VKI_NSIG_WORDS (_VKI_NSIG / _VKI_NSIG_BPW)

/* Signal N (1-based) is bit (N-1) % BPW of word (N-1) / BPW. */
typedef struct {
   unsigned long sig[_VKI_NSIG_WORDS];
} vki_sigset_t;

typedef void vki_signalfn_t(int);
typedef vki_signalfn_t* vki_sighandler_t;
typedef void vki_restorefn_t(void);
typedef vki_restorefn_t* vki_sigrestore_t;

#define VKI_SIG_DFL ((vki_sighandler_t)0)
#define VKI_SIG_IGN ((vki_sighandler_t)1)
#define VKI_SIG_ERR ((vki_sighandler_t)-1)

/* sa_flags */
#define VKI_SA_NOCLDSTOP 0x00000001u
#define VKI_SA_NOCLDWAIT 0x00000002u
#define VKI_SA_SIGINFO   0x00000004u
#define VKI_SA_UNSUPPORTED      0x00000400u
#define VKI_SA_EXPOSE_TAGBITS   0x00000800u
#define VKI_SA_RESTORER  0x04000000u
#define VKI_SA_ONSTACK   0x08000000u
#define VKI_SA_RESTART   0x10000000u
#define VKI_SA_NODEFER   0x40000000u
#define VKI_SA_RESETHAND 0x80000000u
#define VKI_SA_NOMASK    VKI_SA_NODEFER
#define VKI_SA_ONESHOT   VKI_SA_RESETHAND

/* What rt_sigaction reads and writes.  The same layout on all three
   architectures: x86 and amd64 define SA_RESTORER natively, arm64 for
   its AArch32 compatibility, so each kernel's struct has the restorer
   field between the flags and the mask.  amd64 refuses a handler
   without SA_RESTORER; x86 and arm64 fall back to the vDSO. */
struct vki_sigaction {
   vki_sighandler_t ksa_handler;
   unsigned long    sa_flags;
   vki_sigrestore_t sa_restorer;
   vki_sigset_t     sa_mask;      /* last, for extensibility */
};

/* sigprocmask's HOW */
#define VKI_SIG_BLOCK   0
#define VKI_SIG_UNBLOCK 1
#define VKI_SIG_SETMASK 2

/* Alternate signal stacks (the layout is the same on all three). */
typedef struct vki_sigaltstack {
   void*         ss_sp;
   int           ss_flags;
   vki_size_t    ss_size;
} vki_stack_t;

#define VKI_SS_ONSTACK    1
#define VKI_SS_DISABLE    2
#define VKI_SS_AUTODISARM (1u << 31)

typedef union vki_sigval {
   int   sival_int;
   void* sival_ptr;
} vki_sigval_t;

/* siginfo is 128 bytes; the union starts after three ints, padded to a
   pointer's alignment, so at 16 on 64-bit targets and 12 on x86. */
#define VKI_SI_MAX_SIZE 128
#if __SIZEOF_LONG__ == 8
#  define VKI_SI_PREAMBLE_INTS 4
#else
#  define VKI_SI_PREAMBLE_INTS 3
#endif
#define VKI_SI_PAD_SIZE ((VKI_SI_MAX_SIZE / (int)sizeof(int)) - VKI_SI_PREAMBLE_INTS)

typedef struct vki_siginfo {
   int si_signo;
   int si_errno;
   int si_code;
   union {
      int _pad[VKI_SI_PAD_SIZE];
      struct {                   /* kill(), tkill(), SI_USER */
         vki_pid_t pid;
         vki_uid_t uid;
      } _kill;
      struct {                   /* POSIX.1b timers */
         int          tid;
         int          overrun;
         vki_sigval_t sigval;
         int          sys_private;
      } _timer;
      struct {                   /* POSIX.1b signals, sigqueue() */
         vki_pid_t    pid;
         vki_uid_t    uid;
         vki_sigval_t sigval;
      } _rt;
      struct {                   /* SIGCHLD */
         vki_pid_t   pid;
         vki_uid_t   uid;
         int         status;
         vki_clock_t utime;
         vki_clock_t stime;
      } _sigchld;
      struct {                   /* SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP */
         void* addr;
         short addr_lsb;
         union {
            struct {
               void* lower;
               void* upper;
            } addr_bnd;          /* SEGV_BNDERR */
            unsigned int pkey;   /* SEGV_PKUERR */
         } u;
      } _sigfault;
      struct {                   /* SIGPOLL */
         long band;
         int  fd;
      } _sigpoll;
      struct {                   /* SIGSYS, from seccomp */
         void*        call_addr;
         int          syscall;
         unsigned int arch;
      } _sigsys;
   } _sifields;
} vki_siginfo_t;

/* si_code values */
#define VKI_SI_USER      0
#define VKI_SI_KERNEL    0x80
#define VKI_SI_QUEUE    (-1)
#define VKI_SI_TIMER    (-2)
#define VKI_SI_MESGQ    (-3)
#define VKI_SI_ASYNCIO  (-4)
#define VKI_SI_SIGIO    (-5)
#define VKI_SI_TKILL    (-6)

#define VKI_ILL_ILLOPC   1
#define VKI_ILL_ILLOPN   2
#define VKI_ILL_ILLADR   3
#define VKI_ILL_ILLTRP   4
#define VKI_ILL_PRVOPC   5
#define VKI_ILL_PRVREG   6
#define VKI_ILL_COPROC   7
#define VKI_ILL_BADSTK   8

#define VKI_FPE_INTDIV   1
#define VKI_FPE_INTOVF   2
#define VKI_FPE_FLTDIV   3
#define VKI_FPE_FLTOVF   4
#define VKI_FPE_FLTUND   5
#define VKI_FPE_FLTRES   6
#define VKI_FPE_FLTINV   7
#define VKI_FPE_FLTSUB   8

#define VKI_SEGV_MAPERR  1
#define VKI_SEGV_ACCERR  2
#define VKI_SEGV_BNDERR  3
#define VKI_SEGV_PKUERR  4

#define VKI_BUS_ADRALN   1
#define VKI_BUS_ADRERR   2
#define VKI_BUS_OBJERR   3

#define VKI_TRAP_BRKPT   1
#define VKI_TRAP_TRACE   2

#define VKI_CLD_EXITED    1
#define VKI_CLD_KILLED    2
#define VKI_CLD_DUMPED    3
#define VKI_CLD_TRAPPED   4
#define VKI_CLD_STOPPED   5
#define VKI_CLD_CONTINUED 6

/* ------------------------------------------------------------------ */
/* Time.                                                                */

/* The "long" forms: 64-bit on amd64 and arm64, the old 32-bit forms on
   x86 (what x86's clock_gettime, nanosleep, ppoll... take). */
struct vki_timespec {
   vki_time_t tv_sec;
   long       tv_nsec;
};

struct vki_timeval {
   vki_time_t tv_sec;
   long       tv_usec;
};

/* The 64-bit form the *_time64 calls of 32-bit targets take. */
struct vki_timespec64 {
   long long tv_sec;
   long long tv_nsec;
};

#define VKI_CLOCK_REALTIME           0
#define VKI_CLOCK_MONOTONIC          1
#define VKI_CLOCK_PROCESS_CPUTIME_ID 2
#define VKI_CLOCK_THREAD_CPUTIME_ID  3
#define VKI_CLOCK_MONOTONIC_RAW      4
#define VKI_CLOCK_REALTIME_COARSE    5
#define VKI_CLOCK_MONOTONIC_COARSE   6
#define VKI_CLOCK_BOOTTIME           7

#define VKI_TIMER_ABSTIME 0x01

/* ------------------------------------------------------------------ */
/* Files.                                                               */

/* open flags common to all three; O_DIRECTORY, O_NOFOLLOW, O_DIRECT and
   O_LARGEFILE differ on arm64 and are in the per-arch headers. */
#define VKI_O_ACCMODE   00000003
#define VKI_O_RDONLY    00000000
#define VKI_O_WRONLY    00000001
#define VKI_O_RDWR      00000002
#define VKI_O_CREAT     00000100
#define VKI_O_EXCL      00000200
#define VKI_O_NOCTTY    00000400
#define VKI_O_TRUNC     00001000
#define VKI_O_APPEND    00002000
#define VKI_O_NONBLOCK  00004000
#define VKI_O_NDELAY    VKI_O_NONBLOCK
#define VKI_O_DSYNC     00010000
#define VKI_FASYNC      00020000
#define VKI_O_NOATIME   01000000
#define VKI_O_CLOEXEC   02000000
#define VKI___O_SYNC    04000000
#define VKI_O_SYNC      (VKI___O_SYNC | VKI_O_DSYNC)
#define VKI_O_PATH      010000000
#define VKI_O_TMPFILE   (020000000 | VKI_O_DIRECTORY)

/* fcntl commands */
#define VKI_F_DUPFD        0
#define VKI_F_GETFD        1
#define VKI_F_SETFD        2
#define VKI_F_GETFL        3
#define VKI_F_SETFL        4
#define VKI_F_GETLK        5
#define VKI_F_SETLK        6
#define VKI_F_SETLKW       7
#define VKI_F_SETOWN       8
#define VKI_F_GETOWN       9
#define VKI_F_SETSIG      10
#define VKI_F_GETSIG      11
#define VKI_F_SETOWN_EX   15
#define VKI_F_GETOWN_EX   16
#define VKI_F_GETOWNER_UIDS 17
#define VKI_F_OFD_GETLK   36
#define VKI_F_OFD_SETLK   37
#define VKI_F_OFD_SETLKW  38
#define VKI_F_LINUX_SPECIFIC_BASE 1024
#define VKI_F_SETLEASE      (VKI_F_LINUX_SPECIFIC_BASE + 0)
#define VKI_F_GETLEASE      (VKI_F_LINUX_SPECIFIC_BASE + 1)
#define VKI_F_NOTIFY        (VKI_F_LINUX_SPECIFIC_BASE + 2)
#define VKI_F_DUPFD_QUERY   (VKI_F_LINUX_SPECIFIC_BASE + 3)
#define VKI_F_CANCELLK      (VKI_F_LINUX_SPECIFIC_BASE + 5)
#define VKI_F_DUPFD_CLOEXEC (VKI_F_LINUX_SPECIFIC_BASE + 6)
#define VKI_F_SETPIPE_SZ    (VKI_F_LINUX_SPECIFIC_BASE + 7)
#define VKI_F_GETPIPE_SZ    (VKI_F_LINUX_SPECIFIC_BASE + 8)
#define VKI_F_ADD_SEALS     (VKI_F_LINUX_SPECIFIC_BASE + 9)
#define VKI_F_GET_SEALS     (VKI_F_LINUX_SPECIFIC_BASE + 10)

#define VKI_FD_CLOEXEC 1

/* lseek's WHENCE */
#define VKI_SEEK_SET  0
#define VKI_SEEK_CUR  1
#define VKI_SEEK_END  2
#define VKI_SEEK_DATA 3
#define VKI_SEEK_HOLE 4

/* The *at calls' directory and flags (include/uapi/linux/fcntl.h). */
#define VKI_AT_FDCWD            (-100)
#define VKI_AT_SYMLINK_NOFOLLOW 0x100
#define VKI_AT_EACCESS          0x200   /* faccessat */
#define VKI_AT_REMOVEDIR        0x200   /* unlinkat */
#define VKI_AT_SYMLINK_FOLLOW   0x400
#define VKI_AT_NO_AUTOMOUNT     0x800
#define VKI_AT_EMPTY_PATH       0x1000

/* access/faccessat modes */
#define VKI_F_OK 0
#define VKI_X_OK 1
#define VKI_W_OK 2
#define VKI_R_OK 4

/* File mode bits (include/uapi/linux/stat.h). */
#define VKI_S_IFMT   00170000
#define VKI_S_IFSOCK 0140000
#define VKI_S_IFLNK  0120000
#define VKI_S_IFREG  0100000
#define VKI_S_IFBLK  0060000
#define VKI_S_IFDIR  0040000
#define VKI_S_IFCHR  0020000
#define VKI_S_IFIFO  0010000
#define VKI_S_ISUID  0004000
#define VKI_S_ISGID  0002000
#define VKI_S_ISVTX  0001000

#define VKI_S_ISLNK(m)  (((m) & VKI_S_IFMT) == VKI_S_IFLNK)
#define VKI_S_ISREG(m)  (((m) & VKI_S_IFMT) == VKI_S_IFREG)
#define VKI_S_ISDIR(m)  (((m) & VKI_S_IFMT) == VKI_S_IFDIR)
#define VKI_S_ISCHR(m)  (((m) & VKI_S_IFMT) == VKI_S_IFCHR)
#define VKI_S_ISBLK(m)  (((m) & VKI_S_IFMT) == VKI_S_IFBLK)
#define VKI_S_ISFIFO(m) (((m) & VKI_S_IFMT) == VKI_S_IFIFO)
#define VKI_S_ISSOCK(m) (((m) & VKI_S_IFMT) == VKI_S_IFSOCK)

#define VKI_S_IRWXU 00700
#define VKI_S_IRUSR 00400
#define VKI_S_IWUSR 00200
#define VKI_S_IXUSR 00100
#define VKI_S_IRWXG 00070
#define VKI_S_IRGRP 00040
#define VKI_S_IWGRP 00020
#define VKI_S_IXGRP 00010
#define VKI_S_IRWXO 00007
#define VKI_S_IROTH 00004
#define VKI_S_IWOTH 00002
#define VKI_S_IXOTH 00001

/* What getdents64 returns: records of D_RECLEN bytes, names
   NUL-terminated. */
struct vki_dirent64 {
   unsigned long long d_ino;
   long long          d_off;
   unsigned short     d_reclen;
   unsigned char      d_type;
   char               d_name[];
};

#define VKI_DT_UNKNOWN  0
#define VKI_DT_FIFO     1
#define VKI_DT_CHR      2
#define VKI_DT_DIR      4
#define VKI_DT_BLK      6
#define VKI_DT_REG      8
#define VKI_DT_LNK     10
#define VKI_DT_SOCK    12

#define VKI_PATH_MAX 4096

/* poll */
struct vki_pollfd {
   int   fd;
   short events;
   short revents;
};

#define VKI_POLLIN   0x0001
#define VKI_POLLPRI  0x0002
#define VKI_POLLOUT  0x0004
#define VKI_POLLERR  0x0008
#define VKI_POLLHUP  0x0010
#define VKI_POLLNVAL 0x0020

/* ------------------------------------------------------------------ */
/* Memory mappings (asm-generic/mman-common.h, mman.h).                 */

#define VKI_PROT_NONE      0x0
#define VKI_PROT_READ      0x1
#define VKI_PROT_WRITE     0x2
#define VKI_PROT_EXEC      0x4
#define VKI_PROT_GROWSDOWN 0x01000000
#define VKI_PROT_GROWSUP   0x02000000

#define VKI_MAP_SHARED          0x01
#define VKI_MAP_PRIVATE         0x02
#define VKI_MAP_SHARED_VALIDATE 0x03
#define VKI_MAP_TYPE            0x0f
#define VKI_MAP_FIXED           0x10
#define VKI_MAP_ANONYMOUS       0x20
#define VKI_MAP_GROWSDOWN       0x0100
#define VKI_MAP_DENYWRITE       0x0800
#define VKI_MAP_EXECUTABLE      0x1000
#define VKI_MAP_LOCKED          0x2000
#define VKI_MAP_NORESERVE       0x4000
#define VKI_MAP_POPULATE        0x8000
#define VKI_MAP_NONBLOCK        0x10000
#define VKI_MAP_STACK           0x20000
#define VKI_MAP_HUGETLB         0x40000
#define VKI_MAP_SYNC            0x80000
#define VKI_MAP_FIXED_NOREPLACE 0x100000
#define VKI_MAP_FAILED          ((void*)-1)

#define VKI_MREMAP_MAYMOVE   1
#define VKI_MREMAP_FIXED     2
#define VKI_MREMAP_DONTUNMAP 4

#define VKI_MS_ASYNC      1
#define VKI_MS_INVALIDATE 2
#define VKI_MS_SYNC       4

#define VKI_MADV_NORMAL     0
#define VKI_MADV_RANDOM     1
#define VKI_MADV_SEQUENTIAL 2
#define VKI_MADV_WILLNEED   3
#define VKI_MADV_DONTNEED   4
#define VKI_MADV_FREE       8

/* ------------------------------------------------------------------ */
/* Processes.                                                           */

/* wait4/waitid options */
#define VKI_WNOHANG    0x00000001
#define VKI_WUNTRACED  0x00000002
#define VKI_WSTOPPED   VKI_WUNTRACED
#define VKI_WEXITED    0x00000004
#define VKI_WCONTINUED 0x00000008
#define VKI_WNOWAIT    0x01000000
#define VKI___WNOTHREAD 0x20000000
#define VKI___WALL     0x40000000
#define VKI___WCLONE   0x80000000u

#define VKI_P_ALL   0
#define VKI_P_PID   1
#define VKI_P_PGID  2
#define VKI_P_PIDFD 3

/* Decoding a wait status. */
#define VKI_WIFEXITED(s)   (((s) & 0x7f) == 0)
#define VKI_WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define VKI_WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define VKI_WTERMSIG(s)    ((s) & 0x7f)
#define VKI_WIFSTOPPED(s)  (((s) & 0xff) == 0x7f)
#define VKI_WSTOPSIG(s)    VKI_WEXITSTATUS(s)

/* clone flags; the low byte is the signal sent to the parent at exit. */
#define VKI_CSIGNAL              0x000000ff
#define VKI_CLONE_VM             0x00000100
#define VKI_CLONE_FS             0x00000200
#define VKI_CLONE_FILES          0x00000400
#define VKI_CLONE_SIGHAND        0x00000800
#define VKI_CLONE_PIDFD          0x00001000
#define VKI_CLONE_PTRACE         0x00002000
#define VKI_CLONE_VFORK          0x00004000
#define VKI_CLONE_PARENT         0x00008000
#define VKI_CLONE_THREAD         0x00010000
#define VKI_CLONE_NEWNS          0x00020000
#define VKI_CLONE_SYSVSEM        0x00040000
#define VKI_CLONE_SETTLS         0x00080000
#define VKI_CLONE_PARENT_SETTID  0x00100000
#define VKI_CLONE_CHILD_CLEARTID 0x00200000
#define VKI_CLONE_DETACHED       0x00400000
#define VKI_CLONE_UNTRACED       0x00800000
#define VKI_CLONE_CHILD_SETTID   0x01000000

/* futex operations (include/uapi/linux/futex.h). */
#define VKI_FUTEX_WAIT            0
#define VKI_FUTEX_WAKE            1
#define VKI_FUTEX_FD              2
#define VKI_FUTEX_REQUEUE         3
#define VKI_FUTEX_CMP_REQUEUE     4
#define VKI_FUTEX_WAKE_OP         5
#define VKI_FUTEX_LOCK_PI         6
#define VKI_FUTEX_UNLOCK_PI       7
#define VKI_FUTEX_TRYLOCK_PI      8
#define VKI_FUTEX_WAIT_BITSET     9
#define VKI_FUTEX_WAKE_BITSET     10
#define VKI_FUTEX_WAIT_REQUEUE_PI 11
#define VKI_FUTEX_CMP_REQUEUE_PI  12
#define VKI_FUTEX_LOCK_PI2        13
#define VKI_FUTEX_PRIVATE_FLAG    128
#define VKI_FUTEX_CLOCK_REALTIME  256
#define VKI_FUTEX_BITSET_MATCH_ANY 0xffffffffu

/* Resource limits (asm-generic/resource.h). */
#define VKI_RLIMIT_CPU        0
#define VKI_RLIMIT_FSIZE      1
#define VKI_RLIMIT_DATA       2
#define VKI_RLIMIT_STACK      3
#define VKI_RLIMIT_CORE       4
#define VKI_RLIMIT_RSS        5
#define VKI_RLIMIT_NPROC      6
#define VKI_RLIMIT_NOFILE     7
#define VKI_RLIMIT_MEMLOCK    8
#define VKI_RLIMIT_AS         9
#define VKI_RLIMIT_LOCKS      10
#define VKI_RLIMIT_SIGPENDING 11
#define VKI_RLIMIT_MSGQUEUE   12
#define VKI_RLIMIT_NICE       13
#define VKI_RLIMIT_RTPRIO     14
#define VKI_RLIMIT_RTTIME     15
#define VKI_RLIM_NLIMITS      16

struct vki_rlimit {
   unsigned long rlim_cur;
   unsigned long rlim_max;
};
#define VKI_RLIM_INFINITY (~0UL)

/* What prlimit64 reads and writes, on every target. */
struct vki_rlimit64 {
   unsigned long long rlim_cur;
   unsigned long long rlim_max;
};
#define VKI_RLIM64_INFINITY (~0ULL)

/* uname */
#define VKI_NEW_UTS_LEN 64
struct vki_new_utsname {
   char sysname[VKI_NEW_UTS_LEN + 1];
   char nodename[VKI_NEW_UTS_LEN + 1];
   char release[VKI_NEW_UTS_LEN + 1];
   char version[VKI_NEW_UTS_LEN + 1];
   char machine[VKI_NEW_UTS_LEN + 1];
   char domainname[VKI_NEW_UTS_LEN + 1];
};

/* ------------------------------------------------------------------ */
/* The auxiliary vector the kernel puts above envp (uapi/linux/auxvec.h */
/* and the per-arch additions that matter to us).                        */

#define VKI_AT_NULL           0
#define VKI_AT_IGNORE         1
#define VKI_AT_EXECFD         2
#define VKI_AT_PHDR           3
#define VKI_AT_PHENT          4
#define VKI_AT_PHNUM          5
#define VKI_AT_PAGESZ         6
#define VKI_AT_BASE           7
#define VKI_AT_FLAGS          8
#define VKI_AT_ENTRY          9
#define VKI_AT_NOTELF        10
#define VKI_AT_UID           11
#define VKI_AT_EUID          12
#define VKI_AT_GID           13
#define VKI_AT_EGID          14
#define VKI_AT_PLATFORM      15
#define VKI_AT_HWCAP         16
#define VKI_AT_CLKTCK        17
#define VKI_AT_SECURE        23
#define VKI_AT_BASE_PLATFORM 24
#define VKI_AT_RANDOM        25
#define VKI_AT_HWCAP2        26
#define VKI_AT_RSEQ_FEATURE_SIZE 27
#define VKI_AT_RSEQ_ALIGN    28
#define VKI_AT_HWCAP3        29
#define VKI_AT_HWCAP4        30
#define VKI_AT_EXECFN        31
#define VKI_AT_SYSINFO       32     /* x86 only: the vDSO's entry point */
#define VKI_AT_SYSINFO_EHDR  33
#define VKI_AT_MINSIGSTKSZ   51

/* ------------------------------------------------------------------ */
/* ELF executables, as the kernel's loader reads them                  */
/* (uapi/linux/elf.h, elf-em.h).  Headers are read field by field at   */
/* these offsets, so one reader serves 32- and 64-bit files.            */

#define VKI_EI_NIDENT     16
#define VKI_EI_CLASS      4
#define VKI_EI_DATA       5
#define VKI_EI_VERSION    6
#define VKI_ELFMAG        "\177ELF"
#define VKI_SELFMAG       4
#define VKI_ELFCLASS32    1
#define VKI_ELFCLASS64    2
#define VKI_ELFDATA2LSB   1
#define VKI_ELFDATA2MSB   2
#define VKI_EV_CURRENT    1

#define VKI_ET_REL        1
#define VKI_ET_EXEC       2
#define VKI_ET_DYN        3
#define VKI_ET_CORE       4

#define VKI_EM_386        3
#define VKI_EM_ARM        40
#define VKI_EM_X86_64     62
#define VKI_EM_AARCH64    183

#define VKI_PT_NULL       0
#define VKI_PT_LOAD       1
#define VKI_PT_DYNAMIC    2
#define VKI_PT_INTERP     3
#define VKI_PT_NOTE       4
#define VKI_PT_PHDR       6
#define VKI_PT_TLS        7
#define VKI_PT_GNU_STACK  0x6474e551

#define VKI_PF_X          0x1
#define VKI_PF_W          0x2
#define VKI_PF_R          0x4

/* Sizes of the file header and of one program header. */
#define VKI_ELF32_EHDR_SIZE 52
#define VKI_ELF64_EHDR_SIZE 64
#define VKI_ELF32_PHDR_SIZE 32
#define VKI_ELF64_PHDR_SIZE 56

/* The first line of a "#!" script the kernel reads (linux/binfmts.h),
   and how deeply it follows interpreters that are scripts themselves. */
#define VKI_BINPRM_BUF_SIZE       256
#define VKI_BINPRM_MAX_RECURSION  4

#endif
