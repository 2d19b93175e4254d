/* The public face of VEX: translating guest code to host code. */
#ifndef __LIBVEX_H
#define __LIBVEX_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"

/* Storage for IR and host code.  Everything VEX allocates for one
   translation comes from a bump allocator that is emptied wholesale before
   the next translation, so nothing is ever freed individually.  Tools may
   call this from their instrumentation function for IR-related
   temporaries of their own. */
extern void* LibVEX_Alloc(SizeT nbytes);

/* Prints how much of VEX's storage is in use. */
extern void LibVEX_ShowAllocStats(void);

/* The guest address ranges one superblock was built from (a superblock
   may chase unconditional jumps, so up to three ranges). */
typedef struct {
   Addr64 base[3];
   UShort len[3];
   UShort n_used;
} VexGuestExtents;

/* Where the guest state's stack pointer, frame pointer and program counter
   live, and its total size: filled in by the front end for the tools. */
typedef struct _VexGuestLayout VexGuestLayout;

/* What the CPU (guest or host) can do: variant and feature bits. */
typedef struct _VexArchInfo VexArchInfo;

#endif
