/* Growable arrays of fixed-size elements (module m_xarray). */
#ifndef __PUB_TOOL_XARRAY_H
#define __PUB_TOOL_XARRAY_H

#include "pub_tool_basics.h"

typedef struct _XArray XArray;

/* ALLOC_FN/FREE_FN are the allocator to use (e.g. VG_(malloc), VG_(free));
   CC names the allocation site for the allocator's records. */
extern XArray* VG_(newXA)(void* (*alloc_fn)(const HChar* cc, SizeT nbytes),
                          const HChar* cc, void (*free_fn)(void* p),
                          Word elem_szB);
extern void    VG_(deleteXA)(XArray* xa);
/* Appends a copy of *ELEM; returns its index. */
extern Word    VG_(addToXA)(XArray* xa, const void* elem);
/* Pointer to element N; it stays valid until the next addToXA. */
extern void*   VG_(indexXA)(const XArray* xa, Word n);
extern Word    VG_(sizeXA)(const XArray* xa);
/* Removes all elements, keeping the storage. */
extern void    VG_(dropAllXA)(XArray* xa);

#endif
