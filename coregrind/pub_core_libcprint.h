/* Formatted output, for the core (module m_libcprint). */
#ifndef __PUB_CORE_LIBCPRINT_H
#define __PUB_CORE_LIBCPRINT_H

#include "pub_core_basics.h"
#include "pub_tool_libcprint.h"

/* Where output goes: a file descriptor, or none when FD < 0.  IS_SOCKET
   records that the descriptor is a connected socket (--log-socket); it
   does not change how output is written yet. */
typedef struct {
   Int  fd;
   Bool is_socket;
} OutputSink;

/* The log: VG_(printf) and VG_(message) output.  Stderr (fd 2) until
   m_main, once the options are known, stores the --log-fd/--log-file
   descriptor in .fd directly. */
extern OutputSink VG_(log_output_sink);
/* The XML output (--xml=yes); fd -1 (none) by default. */
extern OutputSink VG_(xml_output_sink);

/* 0 with -q, 1 by default, one more per -v. */
extern Int  VG_(clo_verbosity);
/* --time-stamp=yes: message prefixes carry the time elapsed since the
   start, as "==PID== DD:HH:MM:SS.mmm ".  The start is the first call of
   VG_(read_millisecond_timer) (m_libcproc), which m_main makes early;
   without it the first time-stamped message is the start. */
extern Bool VG_(clo_time_stamp);

/* -d (repeatable): the level of start-up debug logging.  Messages of
   LEVEL or below go to stderr as "--PID:LEVEL:  module text", the
   launcher's format. */
extern Int  VG_(debugLog_level);
extern void VG_(debugLog)(Int level, const HChar* module,
                          const HChar* format, ...) PRINTF_CHECK(3, 4);

/* Expands a --log-file (or --xml-file ...) value: %p becomes the process
   id, %n a sequence number (1, 2, ... over this process's calls), %q{VAR}
   the value of environment variable VAR, %% a '%'.  A relative result is
   made absolute with the current directory (valgrind's start-up
   directory while m_main sets up the log).  Anything malformed (an
   empty name, an unknown %x, %q without {VAR}, an unset VAR) is a fatal
   bad option error naming OPTION_NAME.  Returns a new VG_(malloc)'d
   string. */
extern HChar* VG_(expand_file_name)(const HChar* option_name,
                                    const HChar* format);

#endif
