/* Formatted output without libc (module m_libcprint), for tools and core.

   The format language is C's printf for the conversions d i u x X o c s p
   % and f, with the flags - 0 + space #, width and precision (also '*'),
   and the length modifiers hh h l ll z j t.  Valgrind's extensions:
     %'d  %'u  ...  digits grouped by thousands: 1,234,567
     %pS            a string XML-escaped (& < > ' " become entities)
     %ps            a string XML-escaped when XML output is on (the XML
                    sink is open), else as it is: for format strings
                    shared by the text and the XML output
   An unknown conversion is printed as it is written and consumes no
   argument.  %s of NULL prints "(null)" and %p of NULL "(nil)", as glibc
   does.  Every function returns the number of characters produced. */
#ifndef __PUB_TOOL_LIBCPRINT_H
#define __PUB_TOOL_LIBCPRINT_H

#include <stdarg.h>
#include "pub_tool_basics.h"

/* The formatting engine: sends each character produced to SEND. */
extern UInt VG_(vcbprintf)(void (*send)(HChar c, void* opaque), void* opaque,
                           const HChar* format, va_list vargs);

/* Into a buffer.  The snprintf forms write at most SIZE characters
   including the terminating NUL (always written when SIZE > 0) and return
   the length the whole output would have had, like C's. */
extern UInt VG_(sprintf)  (HChar* buf, const HChar* format, ...)
   PRINTF_CHECK(2, 3);
extern UInt VG_(vsprintf) (HChar* buf, const HChar* format, va_list vargs)
   PRINTF_CHECK(2, 0);
extern UInt VG_(snprintf) (HChar* buf, SizeT size, const HChar* format, ...)
   PRINTF_CHECK(3, 4);
extern UInt VG_(vsnprintf)(HChar* buf, SizeT size, const HChar* format,
                           va_list vargs)
   PRINTF_CHECK(3, 0);

/* To the log (by default stderr), as it is, without a prefix. */
extern UInt VG_(printf)  (const HChar* format, ...) PRINTF_CHECK(1, 2);
extern UInt VG_(vprintf) (const HChar* format, va_list vargs)
   PRINTF_CHECK(1, 0);

/* To the XML output; nothing when XML output is off. */
extern UInt VG_(printf_xml)  (const HChar* format, ...) PRINTF_CHECK(1, 2);
extern UInt VG_(vprintf_xml) (const HChar* format, va_list vargs)
   PRINTF_CHECK(1, 0);

/* Messages to the log.  Every line starts with a prefix saying what kind
   of message it is: "==PID== " (user), "--PID-- " (debug), "**PID** "
   (client), "valgrind: " (fatal).  The prefix is written when a line's
   first character is, so a message ending without '\n' is continued by
   the next output without a second prefix. */
typedef enum {
   Vg_FailMsg,     /* fatal errors, just before the run ends */
   Vg_UserMsg,     /* what the user asked for: errors, summaries */
   Vg_DebugMsg,    /* -v and debugging detail */
   Vg_ClientMsg    /* on behalf of the client (client requests) */
} VgMsgKind;

extern UInt VG_(message)  (VgMsgKind kind, const HChar* format, ...)
   PRINTF_CHECK(2, 3);
extern UInt VG_(vmessage) (VgMsgKind kind, const HChar* format,
                           va_list vargs)
   PRINTF_CHECK(2, 0);

/* Shorthands for VG_(message) of one kind. */
extern UInt VG_(umsg) (const HChar* format, ...) PRINTF_CHECK(1, 2);
extern UInt VG_(dmsg) (const HChar* format, ...) PRINTF_CHECK(1, 2);
extern UInt VG_(fmsg) (const HChar* format, ...) PRINTF_CHECK(1, 2);

/* Reports a bad command-line option and exits with status 1:
      valgrind: Bad option: OPT
      valgrind: <FORMAT formatted; a final '\n' is added when missing>
      valgrind: Use --help for more information or consult the user manual.
*/
extern void VG_(fmsg_bad_option) (const HChar* opt, const HChar* format, ...)
   PRINTF_CHECK(2, 3) NORETURN;
/* Reports an option nobody recognised and exits with status 1. */
extern void VG_(fmsg_unknown_option) (const HChar* opt) NORETURN;

#endif
