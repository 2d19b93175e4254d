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

#endif
