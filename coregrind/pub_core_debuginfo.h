/* Debug information about the client's code (module m_debuginfo), core
   interface.

   The module keeps, for every object (executable, dynamic linker,
   shared library) whose .text the client has mapped from a file with
   execute permission, the .text section's place in memory and a sorted
   table of its functions (priv_storage.h, readelf.c).  The syscall
   wrappers tell it about client mmap, munmap and mprotect after the
   address-space manager has recorded them; start-up tells it about what
   the loader mapped.  Notifications come with the big lock held
   exclusively; lookups (pub_tool_debuginfo.h) may come from any thread
   and are serialised with changes by the module's own lock. */
#ifndef __PUB_CORE_DEBUGINFO_H
#define __PUB_CORE_DEBUGINFO_H

#include "pub_core_basics.h"
#include "pub_tool_debuginfo.h"

/* Reads the objects already mapped: every client file mapping with
   execute permission (the loader's).  After the client is loaded. */
extern void VG_(di_initialise)(void);

/* The client mapped [A, A+LEN): objects whose .text it covered are
   forgotten; if the mapping is of a file with execute permission, the
   object is read. */
extern void VG_(di_notify_mmap)(Addr a, SizeT len);

/* The client unmapped [A, A+LEN): objects whose .text it covered are
   forgotten. */
extern void VG_(di_notify_munmap)(Addr a, SizeT len);

/* The client changed the protection of [A, A+LEN) to PROT: adding
   execute permission to a file mapping reads its object (if it is not
   known yet). */
extern void VG_(di_notify_mprotect)(Addr a, SizeT len, UInt prot);

/* The object whose .text section holds A: its file name into *OBJNAME
   and A's offset from the object's load bias (A's address in the file's
   own layout) into *OFFSET.  False if no known object's .text holds A. */
extern Bool VG_(di_find_text_object)(Addr a, const HChar** objname,
                                     PtrdiffT* offset);

#endif
