/* Debug information about the client's code (module m_debuginfo), for
   tools: which function and which object a code address belongs to,
   from the ELF symbol tables (.symtab, else that of a separate debug
   file, and .dynsym) of every object the client has mapped with execute
   permission.  Names are not demangled.

   Any thread may ask at any time.  A returned name stays valid for the
   rest of the run, even after its object is unmapped, except those of
   VG_(get_fnname_w_offset) and of VG_(get_objname)'s fallback (see
   there). */
#ifndef __PUB_TOOL_DEBUGINFO_H
#define __PUB_TOOL_DEBUGINFO_H

#include "pub_tool_basics.h"

/* The name of the function whose code holds A, into *NAME.  As Valgrind
   shows it: the functions below main() -- _start, __libc_start_main,
   __libc_start_call_main, generic_start_main -- are "(below main)".
   False (and *NAME "") when no function of a known object holds A. */
extern Bool VG_(get_fnname)(Addr a, const HChar** name);

/* The same with A's offset into the function when it is not 0:
   "main+12".  The string stays valid until the calling thread's next
   call. */
extern Bool VG_(get_fnname_w_offset)(Addr a, const HChar** name);

/* The file name of the object whose .text section holds A, failing that
   of the client file mapping that holds A (a name valid while that
   mapping exists).  False (and *OBJNAME "") if neither does. */
extern Bool VG_(get_objname)(Addr a, const HChar** objname);

#endif
