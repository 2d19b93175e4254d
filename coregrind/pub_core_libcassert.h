/* Assertions, panics and the core's own backtrace (module m_libcassert),
   core interface. */
#ifndef __PUB_CORE_LIBCASSERT_H
#define __PUB_CORE_LIBCASSERT_H

#include "pub_core_basics.h"
#include "pub_tool_libcassert.h"

#define vg_assert(expr)                                                  \
   ((void)(LIKELY(expr) ? 0 :                                            \
           (VG_(assert_fail)(True, #expr, __FILE__, __LINE__,            \
                             __PRETTY_FUNCTION__, NULL), 0)))

#define vg_assert2(expr, format, args...)                                \
   ((void)(LIKELY(expr) ? 0 :                                            \
           (VG_(assert_fail)(True, #expr, __FILE__, __LINE__,            \
                             __PRETTY_FUNCTION__, format, ##args), 0)))

/* Reports an internal error of the core described by STR, with the host
   stack trace and how to report the bug; exits with status 1. */
extern void VG_(core_panic)(const HChar* str) NORETURN;

/* Says that a feature the user asked for (described by FMT) is not built
   yet, and exits with status 1.  Not a bug report: the feature is
   planned. */
extern void VG_(unimplemented)(const HChar* fmt, ...)
   PRINTF_CHECK(1, 2) NORETURN;

/* Stores the return addresses of up to MAX frames of the core's own
   stack, innermost (the caller of this function) first, by following the
   frame-pointer chain (the core is built with frame pointers); returns
   how many were stored.  Each is a return address minus one, so that it
   lies in the call instruction: what addr2line should be asked about. */
extern UInt VG_(get_core_backtrace)(Addr* ips, UInt max);

#endif
