/* The parts of the kernel interface that are particular to amd64-linux
   (arch/x86/include/uapi/asm/).  Included by vki-linux.h. */
#ifndef __VKI_AMD64_LINUX_H
#define __VKI_AMD64_LINUX_H

#define VKI_PAGE_SHIFT    12
#define VKI_PAGE_SIZE     (1UL << VKI_PAGE_SHIFT)
#define VKI_MAX_PAGE_SIZE VKI_PAGE_SIZE

/* open flags whose values are not the generic ones on every target */
#define VKI_O_DIRECT    00040000
#define VKI_O_LARGEFILE 00100000
#define VKI_O_DIRECTORY 00200000
#define VKI_O_NOFOLLOW  00400000

/* Only the first 2GB, for mmap. */
#define VKI_MAP_32BIT 0x40

#define VKI_MINSIGSTKSZ 2048
#define VKI_SIGSTKSZ    8192

/* What stat, fstat, lstat and newfstatat fill in (asm/stat.h, 144
   bytes). */
struct vki_stat {
   unsigned long st_dev;
   unsigned long st_ino;
   unsigned long st_nlink;
   unsigned int  st_mode;
   unsigned int  st_uid;
   unsigned int  st_gid;
   unsigned int  __pad0;
   unsigned long st_rdev;
   long          st_size;
   long          st_blksize;
   long          st_blocks;     /* in 512-byte units */
   unsigned long st_atime_sec;
   unsigned long st_atime_nsec;
   unsigned long st_mtime_sec;
   unsigned long st_mtime_nsec;
   unsigned long st_ctime_sec;
   unsigned long st_ctime_nsec;
   long          __unused[3];
};

/* arch_prctl codes */
#define VKI_ARCH_SET_GS 0x1001
#define VKI_ARCH_SET_FS 0x1002
#define VKI_ARCH_GET_FS 0x1003
#define VKI_ARCH_GET_GS 0x1004

/* What statfs and fstatfs fill in (asm-generic/statfs.h with 64-bit
   words: 120 bytes). */
struct vki_statfs {
   long               f_type;
   long               f_bsize;
   unsigned long long f_blocks;
   unsigned long long f_bfree;
   unsigned long long f_bavail;
   unsigned long long f_files;
   unsigned long long f_ffree;
   struct { int val[2]; } f_fsid;
   long               f_namelen;
   long               f_frsize;
   long               f_flags;
   long               f_spare[4];
};

/* epoll_wait's records are packed on amd64 (12 bytes), to match the
   32-bit layout (uapi/linux/eventpoll.h, EPOLL_PACKED). */
struct vki_epoll_event {
   unsigned int       events;
   unsigned long long data;
} __attribute__((packed));

/* System V shared memory: amd64 always uses the 64-bit forms
   (asm/shmbuf.h, asm-generic/ipcbuf.h). */
struct vki_ipc64_perm {
   int            key;
   unsigned int   uid;
   unsigned int   gid;
   unsigned int   cuid;
   unsigned int   cgid;
   unsigned int   mode;
   unsigned short seq;
   unsigned short __pad2;
   unsigned long  __unused1;
   unsigned long  __unused2;
};

struct vki_shmid64_ds {
   struct vki_ipc64_perm shm_perm;
   unsigned long shm_segsz;
   long          shm_atime;
   long          shm_dtime;
   long          shm_ctime;
   int           shm_cpid;
   int           shm_lpid;
   unsigned long shm_nattch;
   unsigned long __unused4;
   unsigned long __unused5;
};

/* The alignment shmat rounds to with SHM_RND. */
#define VKI_SHMLBA VKI_PAGE_SIZE

/* arch_prctl codes beyond the thread pointers (refused). */
#define VKI_ARCH_GET_CPUID 0x1011
#define VKI_ARCH_SET_CPUID 0x1012

#endif
