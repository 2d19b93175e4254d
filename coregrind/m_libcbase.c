/* Strings, numbers and memory without libc.  Nothing here may call a
   function it does not define: the core's memcpy/memset (m_compiler.c)
   forward to these, so a compiler-generated call would recurse. */
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"

/* ------------------------------------------------------------------ */
/* Character classes                                                  */

Bool VG_(isspace)(HChar c)
{
   return c == ' ' || c == '\t' || c == '\n' || c == '\r'
          || c == '\f' || c == '\v';
}

Bool VG_(isdigit)(HChar c)
{
   return c >= '0' && c <= '9';
}

Bool VG_(isxdigit)(HChar c)
{
   return VG_(isdigit)(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

Bool VG_(isalpha)(HChar c)
{
   return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

Bool VG_(isalnum)(HChar c)
{
   return VG_(isalpha)(c) || VG_(isdigit)(c);
}

HChar VG_(tolower)(HChar c)
{
   return (c >= 'A' && c <= 'Z') ? (HChar)(c - 'A' + 'a') : c;
}

HChar VG_(toupper)(HChar c)
{
   return (c >= 'a' && c <= 'z') ? (HChar)(c - 'a' + 'A') : c;
}

/* ------------------------------------------------------------------ */
/* Strings                                                            */

SizeT VG_(strlen)(const HChar* s)
{
   SizeT n = 0;
   while (s[n] != '\0')
      n++;
   return n;
}

SizeT VG_(strnlen)(const HChar* s, SizeT n)
{
   SizeT i = 0;
   while (i < n && s[i] != '\0')
      i++;
   return i;
}

/* The C library compares characters as unsigned char; so do we, so that
   sorting by these functions agrees with the host's. */
static Int char_diff(HChar a, HChar b)
{
   return (Int)(UChar)a - (Int)(UChar)b;
}

Int VG_(strcmp)(const HChar* s1, const HChar* s2)
{
   while (*s1 != '\0' && *s1 == *s2) {
      s1++;
      s2++;
   }
   return char_diff(*s1, *s2);
}

Int VG_(strncmp)(const HChar* s1, const HChar* s2, SizeT n)
{
   for (SizeT i = 0; i < n; i++) {
      if (s1[i] != s2[i] || s1[i] == '\0')
         return char_diff(s1[i], s2[i]);
   }
   return 0;
}

Int VG_(strcasecmp)(const HChar* s1, const HChar* s2)
{
   return VG_(strncasecmp)(s1, s2, ~(SizeT)0);
}

Int VG_(strncasecmp)(const HChar* s1, const HChar* s2, SizeT n)
{
   for (SizeT i = 0; i < n; i++) {
      HChar a = VG_(tolower)(s1[i]);
      HChar b = VG_(tolower)(s2[i]);
      if (a != b || a == '\0')
         return char_diff(a, b);
   }
   return 0;
}

HChar* VG_(strcpy)(HChar* dst, const HChar* src)
{
   HChar* d = dst;
   while ((*d++ = *src++) != '\0')
      ;
   return dst;
}

HChar* VG_(strncpy)(HChar* dst, const HChar* src, SizeT n)
{
   SizeT i = 0;
   for (; i < n && src[i] != '\0'; i++)
      dst[i] = src[i];
   for (; i < n; i++)
      dst[i] = '\0';
   return dst;
}

void VG_(strncpy_safely)(HChar* dst, const HChar* src, SizeT ndst)
{
   if (ndst == 0)
      return;
   SizeT i = 0;
   for (; i < ndst - 1 && src[i] != '\0'; i++)
      dst[i] = src[i];
   dst[i] = '\0';
}

HChar* VG_(strcat)(HChar* dst, const HChar* src)
{
   VG_(strcpy)(dst + VG_(strlen)(dst), src);
   return dst;
}

HChar* VG_(strncat)(HChar* dst, const HChar* src, SizeT n)
{
   HChar* d = dst + VG_(strlen)(dst);
   SizeT i = 0;
   for (; i < n && src[i] != '\0'; i++)
      d[i] = src[i];
   d[i] = '\0';
   return dst;
}

HChar* VG_(strchr)(const HChar* s, HChar c)
{
   for (;; s++) {
      if (*s == c)
         return (HChar*)s;
      if (*s == '\0')
         return NULL;
   }
}

HChar* VG_(strrchr)(const HChar* s, HChar c)
{
   const HChar* last = NULL;
   for (;; s++) {
      if (*s == c)
         last = s;
      if (*s == '\0')
         return (HChar*)last;
   }
}

/* Whether NEEDLE occurs at S, compared exactly or ignoring case. */
static Bool is_prefix_at(const HChar* s, const HChar* needle, Bool nocase)
{
   for (; *needle != '\0'; s++, needle++) {
      HChar a = nocase ? VG_(tolower)(*s) : *s;
      HChar b = nocase ? VG_(tolower)(*needle) : *needle;
      if (a != b)
         return False;
   }
   return True;
}

static HChar* find_substring(const HChar* haystack, const HChar* needle,
                             Bool nocase)
{
   for (;; haystack++) {
      if (is_prefix_at(haystack, needle, nocase))
         return (HChar*)haystack;
      if (*haystack == '\0')
         return NULL;
   }
}

HChar* VG_(strstr)(const HChar* haystack, const HChar* needle)
{
   return find_substring(haystack, needle, False);
}

HChar* VG_(strcasestr)(const HChar* haystack, const HChar* needle)
{
   return find_substring(haystack, needle, True);
}

static Bool in_set(HChar c, const HChar* set)
{
   for (; *set != '\0'; set++) {
      if (*set == c)
         return True;
   }
   return False;
}

SizeT VG_(strspn)(const HChar* s, const HChar* accept)
{
   SizeT n = 0;
   while (s[n] != '\0' && in_set(s[n], accept))
      n++;
   return n;
}

SizeT VG_(strcspn)(const HChar* s, const HChar* reject)
{
   SizeT n = 0;
   while (s[n] != '\0' && !in_set(s[n], reject))
      n++;
   return n;
}

HChar* VG_(strtok_r)(HChar* s, const HChar* delim, HChar** saveptr)
{
   if (s == NULL)
      s = *saveptr;
   s += VG_(strspn)(s, delim);
   if (*s == '\0') {
      *saveptr = s;
      return NULL;
   }
   HChar* tok = s;
   s += VG_(strcspn)(s, delim);
   if (*s != '\0')
      *s++ = '\0';
   *saveptr = s;
   return tok;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                            */

/* The value of hex digit C, or -1. */
static Int hex_digit_value(HChar c)
{
   if (VG_(isdigit)(c))
      return c - '0';
   if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
   if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
   return -1;
}

static Int digit_value(HChar c, UInt base)
{
   Int v = hex_digit_value(c);
   return (v >= 0 && (UInt)v < base) ? v : -1;
}

/* Scans [space][sign][0x when BASE is 16]digits at S.  Returns the
   magnitude, saturated at ULong's maximum (then *OVERFLOW is set).
   *END is set as the strto* functions promise: past the digits, or to S
   when there is none. */
static ULong scan_number(const HChar* s, UInt base, Bool minus_ok,
                         Bool* negative, Bool* overflow, HChar** end)
{
   const HChar* p = s;
   *negative = False;
   *overflow = False;
   while (VG_(isspace)(*p))
      p++;
   if (*p == '+') {
      p++;
   } else if (*p == '-' && minus_ok) {
      *negative = True;
      p++;
   }
   if (base == 16 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')
       && hex_digit_value(p[2]) >= 0)
      p += 2;

   const HChar* digits = p;
   ULong val = 0;
   for (Int d; (d = digit_value(*p, base)) >= 0; p++) {
      if (val > (~0ULL - (ULong)d) / base)
         *overflow = True;
      else
         val = val * base + (ULong)d;
   }
   if (p == digits) {
      *negative = False;
      p = s;
   }
   if (end != NULL)
      *end = (HChar*)p;
   return *overflow ? ~0ULL : val;
}

/* Converts a scanned magnitude to a signed value, saturating. */
static Long signed_from_magnitude(ULong mag, Bool negative)
{
   const ULong max_pos = 0x7fffffffffffffffULL;
   if (!negative)
      return mag > max_pos ? (Long)max_pos : (Long)mag;
   if (mag > max_pos)
      return -(Long)max_pos - 1;
   return -(Long)mag;
}

Long VG_(strtoll10)(const HChar* s, HChar** end)
{
   Bool neg, ovf;
   ULong mag = scan_number(s, 10, True, &neg, &ovf, end);
   return signed_from_magnitude(mag, neg);
}

ULong VG_(strtoull10)(const HChar* s, HChar** end)
{
   Bool neg, ovf;
   return scan_number(s, 10, False, &neg, &ovf, end);
}

Long VG_(strtoll16)(const HChar* s, HChar** end)
{
   Bool neg, ovf;
   ULong mag = scan_number(s, 16, True, &neg, &ovf, end);
   return signed_from_magnitude(mag, neg);
}

ULong VG_(strtoull16)(const HChar* s, HChar** end)
{
   Bool neg, ovf;
   return scan_number(s, 16, False, &neg, &ovf, end);
}

/* X * 10^EXP10, by binary powering (dividing for negative exponents,
   which is more exact than multiplying by powers of 0.1). */
static double scale_by_power_of_10(double x, Int exp10)
{
   Bool divide = exp10 < 0;
   UInt e = divide ? (UInt)-exp10 : (UInt)exp10;
   double factor = 1.0;
   double p = 10.0;
   for (; e != 0; e >>= 1) {
      if (e & 1)
         factor *= p;
      p *= p;
   }
   return divide ? x / factor : x * factor;
}

/* Scans an optionally signed decimal exponent at P; returns where it
   ends, or P itself when there is no digit.  Saturates far beyond the
   range of double. */
static const HChar* scan_exponent(const HChar* p, Int* exp10)
{
   const HChar* q = p;
   Bool neg = False;
   if (*q == '+' || *q == '-')
      neg = (*q++ == '-');
   if (!VG_(isdigit)(*q))
      return p;
   Int e = 0;
   for (; VG_(isdigit)(*q); q++) {
      if (e < 100000)
         e = e * 10 + (*q - '0');
   }
   *exp10 = neg ? -e : e;
   return q;
}

double VG_(strtod)(const HChar* s, HChar** end)
{
   const HChar* p = s;
   while (VG_(isspace)(*p))
      p++;
   Bool neg = False;
   if (*p == '+' || *p == '-')
      neg = (*p++ == '-');

   double mantissa = 0.0;
   Int exp10 = 0;
   Bool any_digit = False;
   for (; VG_(isdigit)(*p); p++, any_digit = True)
      mantissa = mantissa * 10.0 + (*p - '0');
   if (*p == '.') {
      p++;
      for (; VG_(isdigit)(*p); p++, any_digit = True) {
         mantissa = mantissa * 10.0 + (*p - '0');
         exp10--;
      }
   }
   if (!any_digit) {
      if (end != NULL)
         *end = (HChar*)s;
      return 0.0;
   }
   if (*p == 'e' || *p == 'E') {
      Int e = 0;
      const HChar* after = scan_exponent(p + 1, &e);
      if (after != p + 1) {
         exp10 += e;
         p = after;
      }
   }
   if (end != NULL)
      *end = (HChar*)p;
   double v = scale_by_power_of_10(mantissa, exp10);
   return neg ? -v : v;
}

Bool VG_(parse_Addr)(const HChar** pp, Addr* result)
{
   const HChar* p = *pp;
   if (p[0] != '0' || (p[1] != 'x' && p[1] != 'X'))
      return False;
   p += 2;
   if (hex_digit_value(*p) < 0)
      return False;
   Addr a = 0;
   for (Int d; (d = hex_digit_value(*p)) >= 0; p++) {
      if (a > (~(Addr)0 >> 4))
         return False;
      a = (a << 4) | (Addr)d;
   }
   *result = a;
   *pp = p;
   return True;
}

/* ------------------------------------------------------------------ */
/* Memory                                                             */

/* Word accesses to memory of any declared type. */
typedef UWord __attribute__((may_alias)) AliasedWord;

#define WORD_SIZE sizeof(UWord)

static Bool both_word_aligned(const void* a, const void* b)
{
   return VG_IS_ALIGNED(a, WORD_SIZE) && VG_IS_ALIGNED(b, WORD_SIZE);
}

/* Copies from low addresses to high: right for memcpy and for a
   memmove whose destination lies below its source.  Once DST is word
   aligned and SRC happens to be too, copies a word at a time. */
static void copy_forward(UChar* dst, const UChar* src, SizeT n)
{
   while (n > 0 && !VG_IS_ALIGNED(dst, WORD_SIZE)) {
      *dst++ = *src++;
      n--;
   }
   if (both_word_aligned(dst, src)) {
      for (; n >= WORD_SIZE; n -= WORD_SIZE) {
         *(AliasedWord*)dst = *(const AliasedWord*)src;
         dst += WORD_SIZE;
         src += WORD_SIZE;
      }
   }
   while (n-- > 0)
      *dst++ = *src++;
}

/* Copies from high addresses to low, for a memmove whose destination
   lies above an overlapping source.  DST and SRC point past the end. */
static void copy_backward(UChar* dst_end, const UChar* src_end, SizeT n)
{
   while (n > 0 && !VG_IS_ALIGNED(dst_end, WORD_SIZE)) {
      *--dst_end = *--src_end;
      n--;
   }
   if (both_word_aligned(dst_end, src_end)) {
      for (; n >= WORD_SIZE; n -= WORD_SIZE) {
         dst_end -= WORD_SIZE;
         src_end -= WORD_SIZE;
         *(AliasedWord*)dst_end = *(const AliasedWord*)src_end;
      }
   }
   while (n-- > 0)
      *--dst_end = *--src_end;
}

void* VG_(memcpy)(void* dst, const void* src, SizeT n)
{
   copy_forward((UChar*)dst, (const UChar*)src, n);
   return dst;
}

void* VG_(memmove)(void* dst, const void* src, SizeT n)
{
   UChar* d = (UChar*)dst;
   const UChar* s = (const UChar*)src;
   if ((Addr)d <= (Addr)s || (Addr)d >= (Addr)s + n)
      copy_forward(d, s, n);
   else
      copy_backward(d + n, s + n, n);
   return dst;
}

void* VG_(memset)(void* dst, Int c, SizeT n)
{
   UChar* d = (UChar*)dst;
   UChar byte = (UChar)c;
   while (n > 0 && !VG_IS_ALIGNED(d, WORD_SIZE)) {
      *d++ = byte;
      n--;
   }
   UWord pattern = (UWord)byte * (~(UWord)0 / 0xff);
   for (; n >= WORD_SIZE; n -= WORD_SIZE) {
      *(AliasedWord*)d = pattern;
      d += WORD_SIZE;
   }
   while (n-- > 0)
      *d++ = byte;
   return dst;
}

Int VG_(memcmp)(const void* s1, const void* s2, SizeT n)
{
   const UChar* a = (const UChar*)s1;
   const UChar* b = (const UChar*)s2;
   /* Skip equal words quickly; the differing word is compared bytewise
      below, which also gets the sign right on either endianness. */
   if (both_word_aligned(a, b)) {
      while (n >= WORD_SIZE
             && *(const AliasedWord*)a == *(const AliasedWord*)b) {
         a += WORD_SIZE;
         b += WORD_SIZE;
         n -= WORD_SIZE;
      }
   }
   for (; n > 0; n--, a++, b++) {
      if (*a != *b)
         return (Int)*a - (Int)*b;
   }
   return 0;
}

/* ------------------------------------------------------------------ */
/* Sorting                                                            */

static void swap_bytes(UChar* a, UChar* b, SizeT size)
{
   for (SizeT i = 0; i < size; i++) {
      UChar t = a[i];
      a[i] = b[i];
      b[i] = t;
   }
}

/* Restores the max-heap property below ROOT in the heap of the first N
   elements. */
static void sift_down(UChar* base, SizeT size, SizeT root, SizeT n,
                      Int (*compar)(const void*, const void*))
{
   for (;;) {
      SizeT child = 2 * root + 1;
      if (child >= n)
         return;
      if (child + 1 < n
          && compar(base + child * size, base + (child + 1) * size) < 0)
         child++;
      if (compar(base + root * size, base + child * size) >= 0)
         return;
      swap_bytes(base + root * size, base + child * size, size);
      root = child;
   }
}

void VG_(ssort)(void* base, SizeT nmemb, SizeT size,
                Int (*compar)(const void*, const void*))
{
   UChar* b = (UChar*)base;
   if (nmemb < 2)
      return;
   for (SizeT i = nmemb / 2; i-- > 0;)
      sift_down(b, size, i, nmemb, compar);
   for (SizeT last = nmemb - 1; last > 0; last--) {
      swap_bytes(b, b + last * size, size);
      sift_down(b, size, 0, last, compar);
   }
}

/* ------------------------------------------------------------------ */
/* Miscellaneous                                                      */

/* Only for callers that pass no seed of their own. */
static UInt random_state = 0;

UInt VG_(random)(UInt* seed)
{
   UInt* state = seed != NULL ? seed : &random_state;
   *state = 1103515245u * *state + 12345u;
   /* The low bits of such a generator repeat with short periods (bit 0
      just alternates); folding the high half in makes "% n" usable. */
   return *state ^ (*state >> 16);
}

Int VG_(log2)(UInt x)
{
   if (x == 0 || (x & (x - 1)) != 0)
      return -1;
   Int n = 0;
   while (x > 1) {
      x >>= 1;
      n++;
   }
   return n;
}

/* Matches the single pattern element (anything but '*') at PAT against
   C.  Returns the element's length in the pattern, or 0 on mismatch. */
static SizeT match_one_char(const HChar* pat, HChar c)
{
   if (*pat == '\0')
      return 0;
   if (*pat == '?')
      return 1;
   if (*pat == '\\' && pat[1] != '\0')
      return pat[1] == c ? 2 : 0;
   return *pat == c ? 1 : 0;
}

/* Greedy matching that remembers only the latest '*': when a later
   element fails, that '*' swallows one more character and matching
   resumes after it.  Earlier stars never need revisiting, so this is
   linear in practice and never exponential. */
Bool VG_(string_match)(const HChar* pattern, const HChar* str)
{
   const HChar* pat = pattern;
   const HChar* after_star = NULL;
   const HChar* star_str = NULL;
   while (*str != '\0') {
      if (*pat == '*') {
         while (*pat == '*')
            pat++;
         after_star = pat;
         star_str = str;
         continue;
      }
      SizeT len = match_one_char(pat, *str);
      if (len > 0) {
         pat += len;
         str++;
      } else if (after_star != NULL) {
         pat = after_star;
         str = ++star_str;
      } else {
         return False;
      }
   }
   while (*pat == '*')
      pat++;
   return *pat == '\0';
}
