/* VEX's own small runtime: formatted output through the user's log
   callback, panics and assertions that end in the user's failure
   callback, string helpers, and the bump allocator that holds the IR and
   host code of one translation.

   VEX is freestanding and independent of the core: nothing here may come
   from libc or from coregrind.  The only system header allowed is the
   compiler's <stdarg.h>.  Names are private (vex_*, vpanic, vassert)
   except for the LibVEX_* entry points declared in libvex.h. */
#ifndef __VEX_MAIN_UTIL_H
#define __VEX_MAIN_UTIL_H

#include <stdarg.h>
#include "libvex_basictypes.h"
#include "libvex.h"

#define VEX_NORETURN         __attribute__((noreturn))
#define VEX_PRINTF_CHECK(f, a) __attribute__((format(printf, f, a)))

/* ------------------------------------------------------------------ */
/* Callbacks, given by the user of VEX at initialisation              */
/* ------------------------------------------------------------------ */

/* Where printed text goes; NULL discards it. */
typedef void (*VexLogBytesFn)(const HChar* bytes, SizeT nbytes);
/* Called when VEX cannot go on (a panic, a failed assertion, IR that
   fails the sanity check).  It must not return; if it does, VEX traps. */
typedef void (*VexFailureExitFn)(void);

/* Installs both callbacks.  LibVEX_Init calls this; tests call it
   directly. */
extern void vex_init_callbacks(VexFailureExitFn failure_exit,
                               VexLogBytesFn log_bytes);

/* ------------------------------------------------------------------ */
/* Failure                                                            */
/* ------------------------------------------------------------------ */

/* Prints "vex: the `impossible' happened:" and STR, then calls the
   failure callback. */
extern void vpanic(const HChar* str) VEX_NORETURN;

extern void vex_assert_fail(const HChar* expr, const HChar* file,
                            Int line, const HChar* fn) VEX_NORETURN;

#define vassert(expr)                                                    \
   ((void)(LIKELY(expr) ? 0                                              \
           : (vex_assert_fail(#expr, __FILE__, __LINE__, __func__), 0)))

/* ------------------------------------------------------------------ */
/* Formatted output                                                   */
/* ------------------------------------------------------------------ */

/* A small printf: %d %i %u %x %X %p %s %c %% with the flags '-' and '0',
   a field width (digits or '*'), a precision for %s, and the length
   modifiers l, ll, z.  Each returns the number of characters produced. */
extern UInt vex_printf(const HChar* format, ...) VEX_PRINTF_CHECK(1, 2);
extern UInt vex_vprintf(const HChar* format, va_list ap);
/* Writes into BUF, which must be large enough, and NUL-terminates. */
extern UInt vex_sprintf(HChar* buf, const HChar* format, ...)
   VEX_PRINTF_CHECK(2, 3);

/* The VEX_TRACE_* bits (libvex.h) of the translation being made, set by
   LibVEX_Translate: passes that trace as they go (instruction selection
   prints each IR statement before the host code it becomes) read them
   here. */
extern Int vex_traceflags;

/* ------------------------------------------------------------------ */
/* Strings and memory                                                 */
/* ------------------------------------------------------------------ */

extern SizeT vex_strlen(const HChar* str);
extern Bool  vex_streq(const HChar* s1, const HChar* s2);
extern void  vex_bzero(void* s, SizeT n);
extern void  vex_bcopy(void* dst, const void* src, SizeT n);

static inline Bool   toBool(Int x)   { return x != 0 ? True : False; }
static inline UChar  toUChar(Int x)  { return (UChar)x; }
static inline UShort toUShort(Int x) { return (UShort)x; }
static inline UInt   toUInt(Long x)  { return (UInt)x; }

/* ------------------------------------------------------------------ */
/* Storage                                                            */
/* ------------------------------------------------------------------ */

/* LibVEX_Alloc (libvex.h) allocates from one of two areas:
   TEMP holds everything of the translation in progress and is emptied
   wholesale before the next one; PERM holds what must survive
   translations (few, small things).  Neither is ever freed piecemeal. */
typedef enum { VexAllocModeTEMP = 0x4200, VexAllocModePERM } VexAllocMode;

extern void         vexSetAllocMode(VexAllocMode mode);
extern VexAllocMode vexGetAllocMode(void);
/* Switches to TEMP and forgets everything allocated there. */
extern void         vexSetAllocModeTEMP_and_clear(void);
/* Panics if the allocator's bookkeeping is inconsistent. */
extern void         vexAllocSanityCheck(void);
/* Lets the user supply the TEMP area instead of the built-in static one
   (BASE must be 16-byte aligned).  Clears it. */
extern void         vex_set_temp_arena(void* base, SizeT size);
/* Bytes currently allocated in TEMP. */
extern SizeT        vex_temp_bytes_used(void);

#endif /* __VEX_MAIN_UTIL_H */
