/* System call wrappers (module m_syswrap): what tools may use.

   Tools learn about the client's system calls through the trackers
   (pre_mem_read, post_mem_write, ... in pub_tool_tooliface.h) and the
   syscall_wrapper need; the only call they make here is the fork hook. */
#ifndef __PUB_TOOL_SYSWRAP_H
#define __PUB_TOOL_SYSWRAP_H

#include "pub_tool_basics.h"

/* A function run around a fork of the client (fork, vfork, and clone
   without CLONE_VM all run as a fork): TID is the thread that forked. */
typedef void (*vg_atfork_t)(ThreadId tid);

/* Registers PRE (run in the parent before the fork), PARENT (in the
   parent after it) and CHILD (in the child: the new process continues
   under the framework with the same core and tool state, e.g. a tool
   reopens its log file here).  Any of them may be NULL.  Up to 16
   registrations; they run in the order registered. */
extern void VG_(atfork)(vg_atfork_t pre, vg_atfork_t parent,
                        vg_atfork_t child);

#endif
