/* The core's command-line options: where they come from, and the values
   of the ones the core itself understands (module m_options). */
#ifndef __PUB_CORE_OPTIONS_H
#define __PUB_CORE_OPTIONS_H

#include "pub_core_basics.h"
#include "pub_core_xarray.h"
#include "pub_tool_options.h"

/* The options for the core and tool, as HChar* in processing order:
   ~/.valgrindrc, $VALGRIND_OPTS, ./.valgrindrc, then the command line.
   Later ones override earlier ones. */
extern XArray* VG_(args_for_valgrind);
/* How many of VG_(args_for_valgrind) came from the command line (the
   last ones); the others came from the rc files and the environment. */
extern Word VG_(args_for_valgrind_from_cmdline);
/* The client: its name as given, and its arguments (HChar*). */
extern const HChar* VG_(args_the_exename);
extern XArray* VG_(args_for_client);

/* Splits the core's argv into valgrind options and the client, and
   gathers options from the rc files and VALGRIND_OPTS.  HOME and
   VALGRIND_OPTS are read with VG_(getenv). */
extern void VG_(split_up_argv)(Int argc, HChar** argv);

/* Splits a string of whitespace-separated options (an rc file's contents
   or $VALGRIND_OPTS) into VG_(args_for_valgrind).  '#' starts a comment
   that runs to the end of the line.  The string is copied. */
extern void VG_(add_args_from_string)(XArray* args, const HChar* s);

/* Core option values.  (-q/-v, --time-stamp and --sanity-level land in
   VG_(clo_verbosity), VG_(clo_time_stamp) and VG_(clo_sanity_level),
   which belong to the modules that use them.) */
extern const HChar* VG_(clo_toolname);      /* --tool, default memcheck */
extern Bool         VG_(clo_trace_children);
extern const HChar* VG_(clo_log_fname_unexpanded);
extern Int          VG_(clo_log_fd);

#endif
