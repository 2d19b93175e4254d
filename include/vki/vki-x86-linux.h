/* The parts of the kernel interface that are particular to x86-linux
   (i386; arch/x86/include/uapi/asm/).  Included by vki-linux.h. */
#ifndef __VKI_X86_LINUX_H
#define __VKI_X86_LINUX_H

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

/* fcntl64's record locks with 64-bit offsets (32-bit targets only). */
#define VKI_F_GETLK64  12
#define VKI_F_SETLK64  13
#define VKI_F_SETLKW64 14

/* What the old stat, fstat and lstat fill in (asm/stat.h, 64 bytes):
   32-bit sizes and inode numbers. */
struct vki_stat {
   unsigned long  st_dev;
   unsigned long  st_ino;
   unsigned short st_mode;
   unsigned short st_nlink;
   unsigned short st_uid;
   unsigned short st_gid;
   unsigned long  st_rdev;
   unsigned long  st_size;
   unsigned long  st_blksize;
   unsigned long  st_blocks;
   unsigned long  st_atime_sec;
   unsigned long  st_atime_nsec;
   unsigned long  st_mtime_sec;
   unsigned long  st_mtime_nsec;
   unsigned long  st_ctime_sec;
   unsigned long  st_ctime_nsec;
   unsigned long  __unused4;
   unsigned long  __unused5;
};

/* What stat64, fstat64, lstat64 and fstatat64 fill in (asm/stat.h, 96
   bytes, packed: the 64-bit fields are only 4-byte aligned).  The inode
   number is given twice: truncated early, in full at the end. */
struct vki_stat64 {
   unsigned long long st_dev;
   unsigned char      __pad0[4];
   unsigned long      __st_ino;
   unsigned int       st_mode;
   unsigned int       st_nlink;
   unsigned long      st_uid;
   unsigned long      st_gid;
   unsigned long long st_rdev;
   unsigned char      __pad3[4];
   long long          st_size;
   unsigned long      st_blksize;
   unsigned long long st_blocks;    /* in 512-byte units */
   unsigned long      st_atime_sec;
   unsigned long      st_atime_nsec;
   unsigned long      st_mtime_sec;
   unsigned int       st_mtime_nsec;
   unsigned long      st_ctime_sec;
   unsigned long      st_ctime_nsec;
   unsigned long long st_ino;
} __attribute__((packed));

#endif
