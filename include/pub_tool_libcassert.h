/* Assertions and panics for tools (module m_libcassert). */
#ifndef __PUB_TOOL_LIBCASSERT_H
#define __PUB_TOOL_LIBCASSERT_H

#include "pub_tool_basics.h"

/* Reports a failed assertion: where it failed, EXPR's text, the detail
   formatted from FMT (none when FMT is NULL), the host stack trace and how
   to report the bug; then exits with status 1.  IS_CORE says whether the
   message speaks for the core or for the tool.  Use the macros below. */
extern void VG_(assert_fail)(Bool isCore, const HChar* expr,
                             const HChar* file, Int line, const HChar* fn,
                             const HChar* fmt, ...)
   PRINTF_CHECK(6, 7) NORETURN;

/* Like VG_(core_panic), for a tool's own impossible situations. */
extern void VG_(tool_panic)(const HChar* str) NORETURN;

#define tl_assert(expr)                                                  \
   ((void)(LIKELY(expr) ? 0 :                                            \
           (VG_(assert_fail)(False, #expr, __FILE__, __LINE__,           \
                             __PRETTY_FUNCTION__, NULL), 0)))

#define tl_assert2(expr, format, args...)                                \
   ((void)(LIKELY(expr) ? 0 :                                            \
           (VG_(assert_fail)(False, #expr, __FILE__, __LINE__,           \
                             __PRETTY_FUNCTION__, format, ##args), 0)))

#endif
