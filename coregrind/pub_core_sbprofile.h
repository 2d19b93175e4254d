/* The superblock profile (module m_sbprofile): --profile-flags and
   --profile-interval.

   With --profile-flags=XXXXXXXX every translation counts its runs
   (m_translate asks VEX for a profile counter increment, m_transtab
   points it at the translation's counter).  The report, Valgrind's "SB
   Profile", lists the superblocks run most often, by guest address,
   with their share of all runs ("Total score"), and, when any flag is
   set, shows each of them translated again with the flags as trace
   flags.  It comes at the end of the run, or every --profile-interval
   event checks (then the counts restart from 0 after each report).

   The increments are plain ones: the scheduler runs one thread at a
   time while profiling, so the counts are exact. */
#ifndef __PUB_CORE_SBPROFILE_H
#define __PUB_CORE_SBPROFILE_H

#include "pub_core_basics.h"

/* --profile-flags given: profile the run. */
extern Bool VG_(clo_profile_sbs);
/* --profile-flags=XXXXXXXX as VEX_TRACE_* bits: what to show of the
   hottest superblocks (0: the list only). */
extern Int  VG_(clo_profile_flags);
/* --profile-interval=N: report every N event checks (0: at the end). */
extern Long VG_(clo_profile_interval);

/* Recognises --profile-flags and --profile-interval (the core's option
   parser calls it); False when ARG is neither.  A bad value is a fatal
   "Bad option" with Valgrind's messages. */
extern Bool VG_(sbprofile_process_cmd_line_option)(const HChar* arg);

/* Their lines of --help-debug. */
extern void VG_(sbprofile_print_usage)(void);

/* The scheduler: thread TID (holding the big lock exclusively) has run
   N more event checks.  Reports the profile when --profile-interval
   event checks have passed since the last report.  Only called when
   VG_(clo_profile_interval) > 0. */
extern void VG_(sbprofile_evchecks_done)(ThreadId tid, ULong n);

/* At the end of the run (TID holds the big lock exclusively): the
   profile of the whole run, or of what ran since the last interval's
   report.  Does nothing when not profiling. */
extern void VG_(sbprofile_at_exit)(ThreadId tid);

#endif
