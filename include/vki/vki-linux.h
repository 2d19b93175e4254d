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
typedef int            vki_timer_t;     /* POSIX timer id (__kernel_timer_t) */

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

/* clone3's argument block (include/uapi/linux/sched.h); its first
   version is 64 bytes. */
struct vki_clone_args {
   ULong flags;
   ULong pidfd;
   ULong child_tid;
   ULong parent_tid;
   ULong exit_signal;
   ULong stack;
   ULong stack_size;
   ULong tls;
   ULong set_tid;
   ULong set_tid_size;
   ULong cgroup;
};
#define VKI_CLONE_ARGS_SIZE_VER0 64

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

/* ------------------------------------------------------------------ */
/* What the syscall wrappers (m_syswrap) need to know of the memory a   */
/* system call reads and writes.  Layouts are the kernel's UAPI ones    */
/* for 64-bit targets unless said otherwise; what differs on amd64 is   */
/* in vki-amd64-linux.h (struct statfs, struct epoll_event, System V    */
/* shared memory).                                                      */

typedef unsigned char      vki_u8;
typedef unsigned short     vki_u16;
typedef unsigned int       vki_u32;
typedef int                vki_s32;
typedef unsigned long long vki_u64;
typedef long long          vki_s64;

/* readv/writev and friends (uapi/linux/uio.h). */
struct vki_iovec {
   void*      iov_base;
   vki_size_t iov_len;
};
#define VKI_UIO_MAXIOV 1024

/* Timers and clocks. */
struct vki_timezone {
   int tz_minuteswest;
   int tz_dsttime;
};

struct vki_itimerspec {
   struct vki_timespec it_interval;
   struct vki_timespec it_value;
};

struct vki_itimerval {
   struct vki_timeval it_interval;
   struct vki_timeval it_value;
};

#define VKI_ITIMER_REAL    0
#define VKI_ITIMER_VIRTUAL 1
#define VKI_ITIMER_PROF    2

struct vki_utimbuf {
   vki_time_t actime;
   vki_time_t modtime;
};

/* What times(2) fills in. */
struct vki_tms {
   vki_clock_t tms_utime;
   vki_clock_t tms_stime;
   vki_clock_t tms_cutime;
   vki_clock_t tms_cstime;
};

/* getrusage and wait4 (uapi/linux/resource.h). */
struct vki_rusage {
   struct vki_timeval ru_utime;
   struct vki_timeval ru_stime;
   long ru_maxrss;
   long ru_ixrss;
   long ru_idrss;
   long ru_isrss;
   long ru_minflt;
   long ru_majflt;
   long ru_nswap;
   long ru_inblock;
   long ru_oublock;
   long ru_msgsnd;
   long ru_msgrcv;
   long ru_nsignals;
   long ru_nvcsw;
   long ru_nivcsw;
};

/* sysinfo (uapi/linux/sysinfo.h): 112 bytes on 64-bit targets. */
struct vki_sysinfo {
   long           uptime;
   unsigned long  loads[3];
   unsigned long  totalram;
   unsigned long  freeram;
   unsigned long  sharedram;
   unsigned long  bufferram;
   unsigned long  totalswap;
   unsigned long  freeswap;
   unsigned short procs;
   unsigned short pad;
   unsigned long  totalhigh;
   unsigned long  freehigh;
   unsigned int   mem_unit;
   char           _f[20 - 2 * sizeof(long) - sizeof(int)];
};

struct vki_sched_param {
   int sched_priority;
};

/* getrandom flags */
#define VKI_GRND_NONBLOCK 0x0001
#define VKI_GRND_RANDOM   0x0002
#define VKI_GRND_INSECURE 0x0004

/* statx (uapi/linux/stat.h): 256 bytes on every target. */
struct vki_statx_timestamp {
   vki_s64 tv_sec;
   vki_u32 tv_nsec;
   vki_s32 __reserved;
};

struct vki_statx {
   vki_u32 stx_mask;
   vki_u32 stx_blksize;
   vki_u64 stx_attributes;
   vki_u32 stx_nlink;
   vki_u32 stx_uid;
   vki_u32 stx_gid;
   vki_u16 stx_mode;
   vki_u16 __spare0[1];
   vki_u64 stx_ino;
   vki_u64 stx_size;
   vki_u64 stx_blocks;
   vki_u64 stx_attributes_mask;
   struct vki_statx_timestamp stx_atime;
   struct vki_statx_timestamp stx_btime;
   struct vki_statx_timestamp stx_ctime;
   struct vki_statx_timestamp stx_mtime;
   vki_u32 stx_rdev_major;
   vki_u32 stx_rdev_minor;
   vki_u32 stx_dev_major;
   vki_u32 stx_dev_minor;
   vki_u64 __spare2[14];
};

/* fcntl's record locks, in the native form of each target (the one
   F_GETLK/F_SETLK/F_SETLKW take; on 64-bit targets it is also the
   64-bit form). */
struct vki_flock {
   short       l_type;
   short       l_whence;
   vki_off_t   l_start;
   vki_off_t   l_len;
   vki_pid_t   l_pid;
};

struct vki_f_owner_ex {
   int       type;
   vki_pid_t pid;
};

/* openat2's request (uapi/linux/openat2.h). */
struct vki_open_how {
   vki_u64 flags;
   vki_u64 mode;
   vki_u64 resolve;
};

/* The old getdents' records. */
struct vki_linux_dirent {
   unsigned long  d_ino;
   unsigned long  d_off;
   unsigned short d_reclen;
   char           d_name[];
};

/* select's descriptor sets: bits in unsigned longs. */
#define VKI_FD_SETSIZE 1024

/* The futex robust list (uapi/linux/futex.h). */
struct vki_robust_list {
   struct vki_robust_list* next;
};

struct vki_robust_list_head {
   struct vki_robust_list  list;
   long                    futex_offset;
   struct vki_robust_list* list_op_pending;
};

/* Capabilities (uapi/linux/capability.h).  Version 1 has one data
   record, versions 2 and 3 two. */
#define VKI_LINUX_CAPABILITY_VERSION_1 0x19980330
#define VKI_LINUX_CAPABILITY_VERSION_2 0x20071026
#define VKI_LINUX_CAPABILITY_VERSION_3 0x20080522

typedef struct vki_user_cap_header_struct {
   vki_u32 version;
   int     pid;
} *vki_cap_user_header_t;

typedef struct vki_user_cap_data_struct {
   vki_u32 effective;
   vki_u32 permitted;
   vki_u32 inheritable;
} *vki_cap_user_data_t;

/* prctl options (uapi/linux/prctl.h) the wrappers look at. */
#define VKI_PR_SET_PDEATHSIG        1
#define VKI_PR_GET_PDEATHSIG        2
#define VKI_PR_GET_DUMPABLE         3
#define VKI_PR_SET_DUMPABLE         4
#define VKI_PR_GET_UNALIGN          5
#define VKI_PR_SET_UNALIGN          6
#define VKI_PR_GET_KEEPCAPS         7
#define VKI_PR_SET_KEEPCAPS         8
#define VKI_PR_GET_FPEMU            9
#define VKI_PR_SET_FPEMU           10
#define VKI_PR_GET_FPEXC           11
#define VKI_PR_SET_FPEXC           12
#define VKI_PR_GET_TIMING          13
#define VKI_PR_SET_TIMING          14
#define VKI_PR_SET_NAME            15
#define VKI_PR_GET_NAME            16
#define VKI_PR_GET_ENDIAN          19
#define VKI_PR_SET_ENDIAN          20
#define VKI_PR_GET_SECCOMP         21
#define VKI_PR_SET_SECCOMP         22
#define VKI_PR_CAPBSET_READ        23
#define VKI_PR_CAPBSET_DROP        24
#define VKI_PR_GET_TSC             25
#define VKI_PR_SET_TSC             26
#define VKI_PR_GET_SECUREBITS      27
#define VKI_PR_SET_SECUREBITS      28
#define VKI_PR_SET_TIMERSLACK      29
#define VKI_PR_GET_TIMERSLACK      30
#define VKI_PR_MCE_KILL            33
#define VKI_PR_MCE_KILL_GET        34
#define VKI_PR_SET_MM              35
#define VKI_PR_SET_CHILD_SUBREAPER 36
#define VKI_PR_GET_CHILD_SUBREAPER 37
#define VKI_PR_SET_NO_NEW_PRIVS    38
#define VKI_PR_GET_NO_NEW_PRIVS    39
#define VKI_PR_GET_TID_ADDRESS     40
#define VKI_PR_SET_THP_DISABLE     41
#define VKI_PR_GET_THP_DISABLE     42
#define VKI_PR_SET_PTRACER         0x59616d61
#define VKI_PR_SET_VMA             0x53564d41
#define VKI_TASK_COMM_LEN          16

/* Sockets (uapi/linux/socket.h, linux/socket.h). */
typedef unsigned int vki_socklen_t;
typedef unsigned short vki_sa_family_t;

struct vki_sockaddr {
   vki_sa_family_t sa_family;
   char            sa_data[14];
};

#define VKI_UNIX_PATH_MAX 108
struct vki_sockaddr_un {
   vki_sa_family_t sun_family;
   char            sun_path[VKI_UNIX_PATH_MAX];
};

/* What sendmsg and recvmsg take (the kernel's user_msghdr). */
struct vki_msghdr {
   void*             msg_name;
   int               msg_namelen;
   struct vki_iovec* msg_iov;
   vki_size_t        msg_iovlen;
   void*             msg_control;
   vki_size_t        msg_controllen;
   unsigned int      msg_flags;
};

struct vki_mmsghdr {
   struct vki_msghdr msg_hdr;
   unsigned int      msg_len;
};

struct vki_cmsghdr {
   vki_size_t cmsg_len;
   int        cmsg_level;
   int        cmsg_type;
};

#define VKI_CMSG_ALIGN(len) \
   (((len) + sizeof(long) - 1) & ~(sizeof(long) - 1))

#define VKI_AF_UNSPEC  0
#define VKI_AF_UNIX    1
#define VKI_AF_INET    2
#define VKI_AF_INET6  10
#define VKI_AF_NETLINK 16

#define VKI_SOCK_STREAM    1
#define VKI_SOCK_DGRAM     2
#define VKI_SOCK_RAW       3
#define VKI_SOCK_SEQPACKET 5
#define VKI_SOCK_NONBLOCK  VKI_O_NONBLOCK
#define VKI_SOCK_CLOEXEC   VKI_O_CLOEXEC

#define VKI_SOL_SOCKET  1
#define VKI_SCM_RIGHTS  1
#define VKI_MSG_PEEK     0x02
#define VKI_MSG_DONTWAIT 0x40
#define VKI_MSG_TRUNC    0x20
#define VKI_MSG_CTRUNC   0x08

#define VKI_SHUT_RD   0
#define VKI_SHUT_WR   1
#define VKI_SHUT_RDWR 2

/* ioctl request numbers: direction, size, type and number
   (uapi/asm-generic/ioctl.h; x86, amd64 and arm64 use the generic
   encoding). */
#define _VKI_IOC_NRBITS   8
#define _VKI_IOC_TYPEBITS 8
#define _VKI_IOC_SIZEBITS 14
#define _VKI_IOC_DIRBITS  2
#define _VKI_IOC_NRSHIFT   0
#define _VKI_IOC_TYPESHIFT (_VKI_IOC_NRSHIFT + _VKI_IOC_NRBITS)
#define _VKI_IOC_SIZESHIFT (_VKI_IOC_TYPESHIFT + _VKI_IOC_TYPEBITS)
#define _VKI_IOC_DIRSHIFT  (_VKI_IOC_SIZESHIFT + _VKI_IOC_SIZEBITS)
#define _VKI_IOC_NONE  0U
#define _VKI_IOC_WRITE 1U   /* the kernel reads the argument */
#define _VKI_IOC_READ  2U   /* the kernel writes the argument */
#define _VKI_IOC(dir, type, nr, size)              \
   (((dir) << _VKI_IOC_DIRSHIFT)                   \
    | ((type) << _VKI_IOC_TYPESHIFT)               \
    | ((nr) << _VKI_IOC_NRSHIFT)                   \
    | ((size) << _VKI_IOC_SIZESHIFT))
#define _VKI_IO(type, nr)          _VKI_IOC(_VKI_IOC_NONE, (type), (nr), 0)
#define _VKI_IOR(type, nr, size)   _VKI_IOC(_VKI_IOC_READ, (type), (nr), sizeof(size))
#define _VKI_IOW(type, nr, size)   _VKI_IOC(_VKI_IOC_WRITE, (type), (nr), sizeof(size))
#define _VKI_IOWR(type, nr, size)  \
   _VKI_IOC(_VKI_IOC_READ | _VKI_IOC_WRITE, (type), (nr), sizeof(size))
#define _VKI_IOC_DIR(nr)  (((nr) >> _VKI_IOC_DIRSHIFT) & ((1U << _VKI_IOC_DIRBITS) - 1))
#define _VKI_IOC_SIZE(nr) (((nr) >> _VKI_IOC_SIZESHIFT) & ((1U << _VKI_IOC_SIZEBITS) - 1))

/* Terminals (uapi/asm-generic/termbits.h, ioctls.h).  TCGETS and
   friends take the kernel's struct termios, which is smaller than
   glibc's. */
#define VKI_NCCS 19
struct vki_termios {
   unsigned int  c_iflag;
   unsigned int  c_oflag;
   unsigned int  c_cflag;
   unsigned int  c_lflag;
   unsigned char c_line;
   unsigned char c_cc[VKI_NCCS];
};

#define VKI_NCC 8
struct vki_termio {
   unsigned short c_iflag;
   unsigned short c_oflag;
   unsigned short c_cflag;
   unsigned short c_lflag;
   unsigned char  c_line;
   unsigned char  c_cc[VKI_NCC];
};

struct vki_winsize {
   unsigned short ws_row;
   unsigned short ws_col;
   unsigned short ws_xpixel;
   unsigned short ws_ypixel;
};

#define VKI_TCGETS      0x5401
#define VKI_TCSETS      0x5402
#define VKI_TCSETSW     0x5403
#define VKI_TCSETSF     0x5404
#define VKI_TCGETA      0x5405
#define VKI_TCSETA      0x5406
#define VKI_TCSETAW     0x5407
#define VKI_TCSETAF     0x5408
#define VKI_TCSBRK      0x5409
#define VKI_TCXONC      0x540A
#define VKI_TCFLSH      0x540B
#define VKI_TIOCEXCL    0x540C
#define VKI_TIOCNXCL    0x540D
#define VKI_TIOCSCTTY   0x540E
#define VKI_TIOCGPGRP   0x540F
#define VKI_TIOCSPGRP   0x5410
#define VKI_TIOCOUTQ    0x5411
#define VKI_TIOCSTI     0x5412
#define VKI_TIOCGWINSZ  0x5413
#define VKI_TIOCSWINSZ  0x5414
#define VKI_TIOCMGET    0x5415
#define VKI_TIOCMBIS    0x5416
#define VKI_TIOCMBIC    0x5417
#define VKI_TIOCMSET    0x5418
#define VKI_FIONREAD    0x541B
#define VKI_TIOCINQ     VKI_FIONREAD
#define VKI_TIOCLINUX   0x541C
#define VKI_TIOCCONS    0x541D
#define VKI_FIONBIO     0x5421
#define VKI_TIOCNOTTY   0x5422
#define VKI_TIOCSETD    0x5423
#define VKI_TIOCGETD    0x5424
#define VKI_TCSBRKP     0x5425
#define VKI_TIOCGSID    0x5429
#define VKI_TIOCGPTN    _VKI_IOR('T', 0x30, unsigned int)
#define VKI_TIOCSPTLCK  _VKI_IOW('T', 0x31, int)
#define VKI_TIOCGPTPEER _VKI_IO('T', 0x41)
#define VKI_FIONCLEX    0x5450
#define VKI_FIOCLEX     0x5451
#define VKI_FIOASYNC    0x5452
#define VKI_FIOQSIZE    0x5460

/* Cloning file ranges: FICLONE's argument is a descriptor, not a
   pointer, whatever its encoding says. */
#define VKI_FICLONE      _VKI_IOW(0x94, 9, int)

/* epoll (uapi/linux/eventpoll.h); struct epoll_event is per target. */
#define VKI_EPOLL_CTL_ADD 1
#define VKI_EPOLL_CTL_DEL 2
#define VKI_EPOLL_CTL_MOD 3

/* System V IPC commands (uapi/linux/ipc.h, shm.h). */
#define VKI_IPC_PRIVATE ((int)0)
#define VKI_IPC_CREAT   00001000
#define VKI_IPC_EXCL    00002000
#define VKI_IPC_RMID 0
#define VKI_IPC_SET  1
#define VKI_IPC_STAT 2
#define VKI_IPC_INFO 3
#define VKI_IPC_64   0x0100
#define VKI_SHM_RDONLY 010000
#define VKI_SHM_RND    020000
#define VKI_SHM_REMAP  040000
#define VKI_SHM_EXEC   0100000
#define VKI_SHM_LOCK     11
#define VKI_SHM_UNLOCK   12
#define VKI_SHM_STAT     13
#define VKI_SHM_INFO     14
#define VKI_SHM_STAT_ANY 15

struct vki_shm_info {
   int           used_ids;
   unsigned long shm_tot;
   unsigned long shm_rss;
   unsigned long shm_swp;
   unsigned long swap_attempts;
   unsigned long swap_successes;
};

struct vki_shminfo64 {
   unsigned long shmmax;
   unsigned long shmmin;
   unsigned long shmmni;
   unsigned long shmseg;
   unsigned long shmall;
   unsigned long __unused1;
   unsigned long __unused2;
   unsigned long __unused3;
   unsigned long __unused4;
};

/* seccomp modes (the wrappers refuse seccomp: see syswrap-linux.c). */
#define VKI_SECCOMP_SET_MODE_STRICT 0
#define VKI_SECCOMP_SET_MODE_FILTER 1

/* inotify, eventfd, timerfd, signalfd flags are the O_ ones. */
#define VKI_TFD_TIMER_ABSTIME 1

/* close_range flags */
#define VKI_CLOSE_RANGE_UNSHARE 2
#define VKI_CLOSE_RANGE_CLOEXEC 4

/* What a signal handler is given (ucontext, registers, FPU image): per
   architecture, built from the generic types above. */
#if defined(VGA_amd64)
#  include "vki-amd64-linux-ucontext.h"
#endif

#endif
