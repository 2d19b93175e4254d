/* Growable arrays: a contiguous buffer doubled on demand. */
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_xarray.h"

struct _XArray {
   void* (*alloc_fn)(const HChar*, SizeT);
   void  (*free_fn)(void*);
   const HChar* cc;
   Word  elem_szB;
   Word  used;
   Word  capacity;
   UChar* elems;
};

XArray* VG_(newXA)(void* (*alloc_fn)(const HChar*, SizeT), const HChar* cc,
                   void (*free_fn)(void*), Word elem_szB)
{
   vg_assert(alloc_fn && free_fn && elem_szB > 0);
   XArray* xa = alloc_fn(cc, sizeof(XArray));
   xa->alloc_fn = alloc_fn;
   xa->free_fn  = free_fn;
   xa->cc       = cc;
   xa->elem_szB = elem_szB;
   xa->used     = 0;
   xa->capacity = 0;
   xa->elems    = NULL;
   return xa;
}

void VG_(deleteXA)(XArray* xa)
{
   if (xa->elems)
      xa->free_fn(xa->elems);
   xa->free_fn(xa);
}

static void ensure_room_for_one_more(XArray* xa)
{
   if (xa->used < xa->capacity)
      return;
   Word new_capacity = xa->capacity == 0 ? 8 : 2 * xa->capacity;
   UChar* new_elems = xa->alloc_fn(xa->cc, new_capacity * xa->elem_szB);
   if (xa->used > 0)
      VG_(memcpy)(new_elems, xa->elems, xa->used * xa->elem_szB);
   if (xa->elems)
      xa->free_fn(xa->elems);
   xa->elems = new_elems;
   xa->capacity = new_capacity;
}

Word VG_(addToXA)(XArray* xa, const void* elem)
{
   ensure_room_for_one_more(xa);
   VG_(memcpy)(xa->elems + xa->used * xa->elem_szB, elem, xa->elem_szB);
   return xa->used++;
}

void* VG_(indexXA)(const XArray* xa, Word n)
{
   vg_assert(n >= 0 && n < xa->used);
   return xa->elems + n * xa->elem_szB;
}

Word VG_(sizeXA)(const XArray* xa)
{
   return xa->used;
}

void VG_(dropAllXA)(XArray* xa)
{
   xa->used = 0;
}
