/* Strings, numbers and memory without libc (module m_libcbase), for tools
   and core alike.  Every function here is pure: no system calls, no
   allocation, no global state except VG_(random)'s own seed. */
#ifndef __PUB_TOOL_LIBCBASE_H
#define __PUB_TOOL_LIBCBASE_H

#include "pub_tool_basics.h"

/* ------------------------------------------------------------------ */
/* Character classes (ASCII only, like the C locale).                 */

extern Bool  VG_(isspace)  (HChar c);
extern Bool  VG_(isdigit)  (HChar c);
extern Bool  VG_(isxdigit) (HChar c);
extern Bool  VG_(isalpha)  (HChar c);
extern Bool  VG_(isalnum)  (HChar c);
extern HChar VG_(tolower)  (HChar c);
extern HChar VG_(toupper)  (HChar c);

/* ------------------------------------------------------------------ */
/* Strings.  Same contracts as the C functions of the same name unless
   said otherwise.                                                      */

extern SizeT  VG_(strlen)      (const HChar* s);
extern SizeT  VG_(strnlen)     (const HChar* s, SizeT n);
/* Comparisons are of the characters as unsigned bytes. */
extern Int    VG_(strcmp)      (const HChar* s1, const HChar* s2);
extern Int    VG_(strncmp)     (const HChar* s1, const HChar* s2, SizeT n);
extern Int    VG_(strcasecmp)  (const HChar* s1, const HChar* s2);
extern Int    VG_(strncasecmp) (const HChar* s1, const HChar* s2, SizeT n);
extern HChar* VG_(strcpy)      (HChar* dst, const HChar* src);
/* Like C: pads DST with NULs up to N, and does not terminate when SRC is
   N characters or longer. */
extern HChar* VG_(strncpy)     (HChar* dst, const HChar* src, SizeT n);
/* Copies at most NDST-1 characters and always terminates (when NDST > 0):
   the safe one to use with fixed-size buffers. */
extern void   VG_(strncpy_safely) (HChar* dst, const HChar* src, SizeT ndst);
extern HChar* VG_(strcat)      (HChar* dst, const HChar* src);
/* Appends at most N characters of SRC, then a NUL. */
extern HChar* VG_(strncat)     (HChar* dst, const HChar* src, SizeT n);
extern HChar* VG_(strchr)      (const HChar* s, HChar c);
extern HChar* VG_(strrchr)     (const HChar* s, HChar c);
extern HChar* VG_(strstr)      (const HChar* haystack, const HChar* needle);
extern HChar* VG_(strcasestr)  (const HChar* haystack, const HChar* needle);
extern SizeT  VG_(strspn)      (const HChar* s, const HChar* accept);
extern SizeT  VG_(strcspn)     (const HChar* s, const HChar* reject);
extern HChar* VG_(strtok_r)    (HChar* s, const HChar* delim, HChar** saveptr);

/* True when the strings are equal (a common spelling in the core). */
#define VG_STREQ(s1, s2)      (VG_(strcmp)((s1), (s2)) == 0)
#define VG_STREQN(n, s1, s2)  (VG_(strncmp)((s1), (s2), (n)) == 0)

/* ------------------------------------------------------------------ */
/* Numbers.  Leading white space is skipped.  *END (when END is not
   NULL) is set past the last character used, or to S itself when no
   digit was found (the result is then 0).  On overflow the result
   saturates at the type's limit and every digit is still consumed.
   The signed forms take an optional '+' or '-'; the unsigned forms an
   optional '+' only.  The base-16 forms take an optional "0x"/"0X". */

extern Long   VG_(strtoll10)  (const HChar* s, HChar** end);
extern ULong  VG_(strtoull10) (const HChar* s, HChar** end);
extern Long   VG_(strtoll16)  (const HChar* s, HChar** end);
extern ULong  VG_(strtoull16) (const HChar* s, HChar** end);
/* Decimal only: [sign] digits [. digits] [e|E [sign] digits].  Enough
   for option values; not correctly rounded in the last bit. */
extern double VG_(strtod)     (const HChar* s, HChar** end);

/* Parses "0x" followed by at least one hex digit at *PP, like Valgrind's
   option parser wants for addresses.  On success stores the value in
   *RESULT, advances *PP past the digits and returns True; otherwise
   (no "0x", no digit, or a value wider than an Addr) returns False and
   leaves *PP unchanged. */
extern Bool   VG_(parse_Addr) (const HChar** pp, Addr* result);

/* ------------------------------------------------------------------ */
/* Memory.  Safe to use on any alignment and any size, including 0.     */

extern void* VG_(memcpy)  (void* dst, const void* src, SizeT n);
extern void* VG_(memmove) (void* dst, const void* src, SizeT n);
extern void* VG_(memset)  (void* dst, Int c, SizeT n);
extern Int   VG_(memcmp)  (const void* s1, const void* s2, SizeT n);

/* ------------------------------------------------------------------ */
/* Miscellaneous.                                                       */

/* Sorts NMEMB elements of SIZE bytes at BASE in place, in ascending
   order of COMPAR (heap sort: O(n log n), no allocation, not stable:
   give COMPAR a tie-breaker where the order of equal keys matters). */
extern void VG_(ssort) (void* base, SizeT nmemb, SizeT size,
                        Int (*compar)(const void*, const void*));

/* A deterministic pseudo-random number from a linear congruential
   generator, with the state's high half folded into the low one so that
   "VG_(random)(&s) % n" is well spread.  SEED points at the state to
   advance; NULL means a state private to this module, starting from 0
   (not thread-safe: threads should pass their own). */
extern UInt VG_(random) (UInt* seed);

/* The base-2 logarithm of X when X is a power of two, else -1. */
extern Int  VG_(log2) (UInt x);

/* Glob matching as Valgrind's suppressions use it: '*' matches any
   sequence (also empty), '?' any one character, and '\' makes the next
   pattern character literal (a '\' ending the pattern is literal). */
extern Bool VG_(string_match) (const HChar* pattern, const HChar* str);

#endif
