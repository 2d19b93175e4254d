/* Basic types shared by VEX and the core.  VEX is built freestanding, so
   nothing here may come from a system header. */
#ifndef __LIBVEX_BASICTYPES_H
#define __LIBVEX_BASICTYPES_H

typedef unsigned char          UChar;
typedef signed char            SChar;
typedef char                   HChar;   /* host character: strings, names */
typedef unsigned short         UShort;
typedef signed short           Short;
typedef unsigned int           UInt;
typedef signed int             Int;
typedef unsigned long long     ULong;
typedef signed long long       Long;
typedef float                  Float;
typedef double                 Double;

typedef UInt U128[4];
typedef UInt U256[8];

typedef unsigned char Bool;
#define True  ((Bool)1)
#define False ((Bool)0)

typedef UInt  Addr32;
typedef ULong Addr64;

/* A host word: pointer-sized unsigned integer. */
typedef unsigned long HWord;

/* A size in bytes (the core's SizeT too). */
typedef unsigned long SizeT;

#if defined(__x86_64__) || defined(__aarch64__)
#  define VEX_HOST_WORDSIZE 8
#elif defined(__i386__)
#  define VEX_HOST_WORDSIZE 4
#else
#  error "unsupported host architecture"
#endif

#ifndef NULL
#  define NULL ((void*)0)
#endif

#define LIKELY(x)   __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#endif
