/* Types and naming conventions every part of the framework uses.
   Tools include this first; it never includes a pub_core_ header. */
#ifndef __PUB_TOOL_BASICS_H
#define __PUB_TOOL_BASICS_H

#include "libvex_basictypes.h"

/* Exported names of the core carry a prefix so that they can never
   collide with a symbol of a client or of a tool's preload library. */
#define VGAPPEND(prefix, str) prefix##str
#define VG_(str)   VGAPPEND(vgPlain_, str)
#define ML_(str)   VGAPPEND(vgModuleLocal_, str)

typedef unsigned long UWord;
typedef signed long   Word;
typedef UWord         Addr;
typedef Word          SSizeT;
typedef Long          Off64T;
typedef Word          PtrdiffT;

/* Valgrind-style thread identifier: 1 .. VG_N_THREADS-1; 0 is invalid. */
typedef UInt ThreadId;
#define VG_INVALID_THREADID ((ThreadId)0)

/* Result of a system call: either a value or an errno, never both. */
typedef struct {
   UWord val;        /* result, or the positive errno when is_error */
   Bool  is_error;
} SysRes;

static inline Bool  sr_isError(SysRes sr) { return sr.is_error; }
static inline UWord sr_Res(SysRes sr)     { return sr.is_error ? 0 : sr.val; }
static inline UWord sr_Err(SysRes sr)     { return sr.is_error ? sr.val : 0; }

#define VG_STRINGIFZ(x) #x
#define VG_STRINGIFY(x) VG_STRINGIFZ(x)

#define VG_MIN(a, b) ((a) < (b) ? (a) : (b))
#define VG_MAX(a, b) ((a) > (b) ? (a) : (b))
#define VG_N_ELEMS(arr) (sizeof(arr) / sizeof((arr)[0]))

#define PRINTF_CHECK(fmt_idx, arg_idx) \
   __attribute__((format(printf, fmt_idx, arg_idx)))
#define NORETURN __attribute__((noreturn))

/* Round up/down to a power of two. */
#define VG_ROUNDDN(p, a) ((Addr)(p) & ~((Addr)(a) - 1))
#define VG_ROUNDUP(p, a) VG_ROUNDDN((p) + (a) - 1, (a))
#define VG_IS_ALIGNED(p, a) (0 == ((Addr)(p) & ((Addr)(a) - 1)))

#endif
