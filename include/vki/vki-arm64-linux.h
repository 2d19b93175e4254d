/* The parts of the kernel interface that are particular to arm64-linux
   (arch/arm64/include/uapi/asm/ and the asm-generic headers it uses).
   Included by vki-linux.h. */
#ifndef __VKI_ARM64_LINUX_H
#define __VKI_ARM64_LINUX_H

/* The kernel may be built with 4K, 16K or 64K pages: code that cares
   must ask (AT_PAGESZ); 4K is the usual configuration and the smallest. */
#define VKI_PAGE_SHIFT    12
#define VKI_PAGE_SIZE     (1UL << VKI_PAGE_SHIFT)
#define VKI_MAX_PAGE_SIZE (1UL << 16)

/* open flags whose values are not the generic ones on every target
   (arm64 takes them from arm's asm/fcntl.h) */
#define VKI_O_DIRECTORY 00040000
#define VKI_O_NOFOLLOW  00100000
#define VKI_O_DIRECT    00200000
#define VKI_O_LARGEFILE 00400000

#define VKI_MINSIGSTKSZ 5120
#define VKI_SIGSTKSZ    16384

/* What newfstatat and fstat fill in (asm-generic/stat.h, 128 bytes). */
struct vki_stat {
   unsigned long st_dev;
   unsigned long st_ino;
   unsigned int  st_mode;
   unsigned int  st_nlink;
   unsigned int  st_uid;
   unsigned int  st_gid;
   unsigned long st_rdev;
   unsigned long __pad1;
   long          st_size;
   int           st_blksize;
   int           __pad2;
   long          st_blocks;     /* in 512-byte units */
   long          st_atime_sec;
   unsigned long st_atime_nsec;
   long          st_mtime_sec;
   unsigned long st_mtime_nsec;
   long          st_ctime_sec;
   unsigned long st_ctime_nsec;
   unsigned int  __unused4;
   unsigned int  __unused5;
};

#endif
