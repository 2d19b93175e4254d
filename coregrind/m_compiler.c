/* The few functions the C compiler may call on its own initiative (for
   structure copies and initialisations) even in freestanding code.  They
   forward to the core's own implementations.  Only the tool executables
   link this file: the hosted unit tests get these from the host libc. */
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"

void* memcpy(void* dst, const void* src, SizeT n);
void* memmove(void* dst, const void* src, SizeT n);
void* memset(void* dst, Int c, SizeT n);
Int   memcmp(const void* a, const void* b, SizeT n);

void* memcpy(void* dst, const void* src, SizeT n)
{
   return VG_(memcpy)(dst, src, n);
}

void* memmove(void* dst, const void* src, SizeT n)
{
   return VG_(memmove)(dst, src, n);
}

void* memset(void* dst, Int c, SizeT n)
{
   return VG_(memset)(dst, c, n);
}

Int memcmp(const void* a, const void* b, SizeT n)
{
   return VG_(memcmp)(a, b, n);
}
