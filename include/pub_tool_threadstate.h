/* Threads as tools see them (module m_threadstate). */
#ifndef __PUB_TOOL_THREADSTATE_H
#define __PUB_TOOL_THREADSTATE_H

#include "pub_tool_basics.h"

/* Most threads a client may have alive at once, plus one: ThreadId 0 is
   never used (VG_INVALID_THREADID). */
#define VG_N_THREADS 500

/* The thread whose code the calling host thread is running (each guest
   thread runs on a host thread of its own), or VG_INVALID_THREADID when
   the caller is not running a guest thread. */
extern ThreadId VG_(get_running_tid)(void);

#endif
