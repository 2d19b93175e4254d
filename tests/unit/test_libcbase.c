/* Unit tests of the core's string, number and memory functions
   (m_libcbase), mostly against the host libc as the reference. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"
#include "unit.h"

static int sign_of(long long v)
{
   return (v > 0) - (v < 0);
}

/* ------------------------------------------------------------------ */
/* Characters and strings                                             */

UNIT_TEST(ctype_matches_libc)
{
   for (int i = 0; i < 256; i++) {
      HChar c = (HChar)i;
      UT_CHECK_EQ(VG_(isspace)(c), isspace(i) != 0);
      UT_CHECK_EQ(VG_(isdigit)(c), isdigit(i) != 0);
      UT_CHECK_EQ(VG_(isxdigit)(c), isxdigit(i) != 0);
      UT_CHECK_EQ(VG_(isalpha)(c), isalpha(i) != 0);
      UT_CHECK_EQ(VG_(isalnum)(c), isalnum(i) != 0);
      UT_CHECK_EQ((UChar)VG_(tolower)(c), tolower(i));
      UT_CHECK_EQ((UChar)VG_(toupper)(c), toupper(i));
   }
}

UNIT_TEST(strlen_and_strnlen)
{
   UT_CHECK_EQ(VG_(strlen)(""), 0);
   UT_CHECK_EQ(VG_(strlen)("hello"), 5);
   UT_CHECK_EQ(VG_(strnlen)("hello", 0), 0);
   UT_CHECK_EQ(VG_(strnlen)("hello", 3), 3);
   UT_CHECK_EQ(VG_(strnlen)("hello", 5), 5);
   UT_CHECK_EQ(VG_(strnlen)("hello", 100), 5);
   /* strnlen must not read past N: no terminator within reach. */
   HChar unterminated[4] = { 'a', 'b', 'c', 'd' };
   UT_CHECK_EQ(VG_(strnlen)(unterminated, 4), 4);
}

static const char* const cmp_strings[] = {
   "", "a", "b", "ab", "abc", "abd", "ABC", "aBc", "abc ", "\x80", "\xff",
   "a\x80", "a\x7f", "zzz", "Zzz", "hello world", "hello"
};

UNIT_TEST(strcmp_family_matches_libc_signs)
{
   for (size_t i = 0; i < VG_N_ELEMS(cmp_strings); i++) {
      for (size_t j = 0; j < VG_N_ELEMS(cmp_strings); j++) {
         const char* a = cmp_strings[i];
         const char* b = cmp_strings[j];
         UT_CHECK_EQ(sign_of(VG_(strcmp)(a, b)), sign_of(strcmp(a, b)));
         UT_CHECK_EQ(sign_of(VG_(strcasecmp)(a, b)),
                     sign_of(strcasecmp(a, b)));
         for (SizeT n = 0; n < 6; n++) {
            UT_CHECK_EQ(sign_of(VG_(strncmp)(a, b, n)),
                        sign_of(strncmp(a, b, n)));
            UT_CHECK_EQ(sign_of(VG_(strncasecmp)(a, b, n)),
                        sign_of(strncasecmp(a, b, n)));
         }
      }
   }
}

UNIT_TEST(strncmp_edge_cases)
{
   UT_CHECK_EQ(VG_(strncmp)("abc", "xyz", 0), 0);
   UT_CHECK_EQ(VG_(strncmp)("abcX", "abcY", 3), 0);
   UT_CHECK(VG_(strncmp)("abc", "abcd", 4) < 0);
   UT_CHECK_EQ(VG_(strncasecmp)("HeLLo", "hello", 5), 0);
   UT_CHECK(VG_STREQ("same", "same"));
   UT_CHECK(!VG_STREQ("same", "sam"));
   UT_CHECK(VG_STREQN(3, "same", "samE"));
}

UNIT_TEST(strcpy_and_strcat)
{
   HChar buf[32];
   UT_CHECK(VG_(strcpy)(buf, "abc") == buf);
   UT_CHECK_STREQ(buf, "abc");
   UT_CHECK(VG_(strcat)(buf, "def") == buf);
   UT_CHECK_STREQ(buf, "abcdef");
   VG_(strcat)(buf, "");
   UT_CHECK_STREQ(buf, "abcdef");
   VG_(strcpy)(buf, "");
   UT_CHECK_STREQ(buf, "");
}

UNIT_TEST(strncpy_pads_and_may_not_terminate)
{
   HChar buf[8];
   memset(buf, 'X', sizeof buf);
   VG_(strncpy)(buf, "ab", 6);
   UT_CHECK(memcmp(buf, "ab\0\0\0\0XX", 8) == 0);
   memset(buf, 'X', sizeof buf);
   VG_(strncpy)(buf, "abcdefgh", 4);
   UT_CHECK(memcmp(buf, "abcdXXXX", 8) == 0);
   memset(buf, 'X', sizeof buf);
   VG_(strncpy)(buf, "abc", 0);
   UT_CHECK(memcmp(buf, "XXXXXXXX", 8) == 0);
}

UNIT_TEST(strncpy_safely_always_terminates)
{
   HChar buf[8];
   memset(buf, 'X', sizeof buf);
   VG_(strncpy_safely)(buf, "abcdefghij", sizeof buf);
   UT_CHECK_STREQ(buf, "abcdefg");
   VG_(strncpy_safely)(buf, "hi", sizeof buf);
   UT_CHECK_STREQ(buf, "hi");
   VG_(strncpy_safely)(buf, "hello", 1);
   UT_CHECK_STREQ(buf, "");
   buf[0] = 'Q';
   VG_(strncpy_safely)(buf, "hello", 0);
   UT_CHECK_EQ(buf[0], 'Q');
}

UNIT_TEST(strncat_appends_at_most_n)
{
   HChar buf[16] = "ab";
   VG_(strncat)(buf, "cdef", 2);
   UT_CHECK_STREQ(buf, "abcd");
   VG_(strncat)(buf, "xy", 10);
   UT_CHECK_STREQ(buf, "abcdxy");
   VG_(strncat)(buf, "zzz", 0);
   UT_CHECK_STREQ(buf, "abcdxy");
}

UNIT_TEST(strchr_and_strrchr)
{
   const HChar* s = "a/b/c";
   UT_CHECK(VG_(strchr)(s, '/') == s + 1);
   UT_CHECK(VG_(strrchr)(s, '/') == s + 3);
   UT_CHECK(VG_(strchr)(s, 'z') == NULL);
   UT_CHECK(VG_(strrchr)(s, 'z') == NULL);
   /* The terminator itself can be searched for, as in C. */
   UT_CHECK(VG_(strchr)(s, '\0') == s + 5);
   UT_CHECK(VG_(strrchr)(s, '\0') == s + 5);
   UT_CHECK(VG_(strchr)("", 'a') == NULL);
   UT_CHECK(VG_(strchr)(s, 'a') == s);
}

UNIT_TEST(strstr_and_strcasestr)
{
   const HChar* h = "the Quick brown quick fox";
   UT_CHECK(VG_(strstr)(h, "quick") == h + 16);
   UT_CHECK(VG_(strcasestr)(h, "QUICK") == h + 4);
   UT_CHECK(VG_(strstr)(h, "") == h);
   UT_CHECK(VG_(strstr)("", "") != NULL);
   UT_CHECK(VG_(strstr)("", "a") == NULL);
   UT_CHECK(VG_(strstr)(h, "foxes") == NULL);
   UT_CHECK(VG_(strstr)(h, "fox") == h + 22);
   UT_CHECK(VG_(strstr)("aaab", "aab") != NULL);
   UT_CHECK(VG_(strcasestr)(h, "zebra") == NULL);
}

UNIT_TEST(strspn_and_strcspn_match_libc)
{
   static const char* const strs[] = { "", "abc", "  x y", "x,y;z", "aaa" };
   static const char* const sets[] = { "", "a", " ", ",;", "abc", "xyz" };
   for (size_t i = 0; i < VG_N_ELEMS(strs); i++) {
      for (size_t j = 0; j < VG_N_ELEMS(sets); j++) {
         UT_CHECK_EQ(VG_(strspn)(strs[i], sets[j]), strspn(strs[i], sets[j]));
         UT_CHECK_EQ(VG_(strcspn)(strs[i], sets[j]),
                     strcspn(strs[i], sets[j]));
      }
   }
}

UNIT_TEST(strtok_r_splits_like_libc)
{
   HChar mine[] = ",,alpha, beta,,gamma ,";
   HChar ref[]  = ",,alpha, beta,,gamma ,";
   HChar* save_mine = NULL;
   char* save_ref = NULL;
   HChar* t = VG_(strtok_r)(mine, ", ", &save_mine);
   char* r = strtok_r(ref, ", ", &save_ref);
   int count = 0;
   while (t != NULL && r != NULL) {
      UT_CHECK_STREQ(t, r);
      count++;
      t = VG_(strtok_r)(NULL, ", ", &save_mine);
      r = strtok_r(NULL, ", ", &save_ref);
   }
   UT_CHECK(t == NULL && r == NULL);
   UT_CHECK_EQ(count, 3);
   /* Only delimiters, and the empty string: no token at all. */
   HChar delims[] = ",,,";
   UT_CHECK(VG_(strtok_r)(delims, ",", &save_mine) == NULL);
   HChar empty[] = "";
   UT_CHECK(VG_(strtok_r)(empty, ",", &save_mine) == NULL);
}

/* ------------------------------------------------------------------ */
/* Numbers                                                            */

UNIT_TEST(strtoll10_values_and_end_pointers)
{
   HChar* end;
   const HChar* s = "  -1234xyz";
   UT_CHECK_EQ(VG_(strtoll10)(s, &end), -1234);
   UT_CHECK(end == s + 7);
   s = "+42";
   UT_CHECK_EQ(VG_(strtoll10)(s, &end), 42);
   UT_CHECK(end == s + 3);
   s = "0";
   UT_CHECK_EQ(VG_(strtoll10)(s, &end), 0);
   UT_CHECK(end == s + 1);
   /* No digits: 0 and END at the start, even past spaces and a sign. */
   s = "  -x";
   UT_CHECK_EQ(VG_(strtoll10)(s, &end), 0);
   UT_CHECK(end == s);
   s = "";
   UT_CHECK_EQ(VG_(strtoll10)(s, &end), 0);
   UT_CHECK(end == s);
   UT_CHECK_EQ(VG_(strtoll10)("99", NULL), 99);
   s = "-9223372036854775808";
   UT_CHECK(VG_(strtoll10)(s, &end) == (-9223372036854775807LL - 1));
   UT_CHECK(*end == '\0');
   s = "9223372036854775807";
   UT_CHECK(VG_(strtoll10)(s, &end) == 9223372036854775807LL);
}

UNIT_TEST(strtoll10_overflow_saturates)
{
   HChar* end;
   const HChar* s = "99999999999999999999999 rest";
   UT_CHECK(VG_(strtoll10)(s, &end) == 9223372036854775807LL);
   UT_CHECK(end == s + 23);
   s = "-9223372036854775809";
   UT_CHECK(VG_(strtoll10)(s, &end) == (-9223372036854775807LL - 1));
   UT_CHECK(*end == '\0');
   s = "18446744073709551616";
   UT_CHECK(VG_(strtoull10)(s, &end) == 18446744073709551615ULL);
   UT_CHECK(*end == '\0');
}

UNIT_TEST(strtoull10_values)
{
   HChar* end;
   const HChar* s = "18446744073709551615";
   UT_CHECK(VG_(strtoull10)(s, &end) == 18446744073709551615ULL);
   UT_CHECK(*end == '\0');
   s = " +7,";
   UT_CHECK_EQ(VG_(strtoull10)(s, &end), 7);
   UT_CHECK(*end == ',');
   /* The unsigned forms take no '-'. */
   s = "-5";
   UT_CHECK_EQ(VG_(strtoull10)(s, &end), 0);
   UT_CHECK(end == s);
}

UNIT_TEST(strtoll16_and_strtoull16)
{
   HChar* end;
   const HChar* s = "0x1F";
   UT_CHECK_EQ(VG_(strtoll16)(s, &end), 31);
   UT_CHECK(*end == '\0');
   s = "ffG";
   UT_CHECK_EQ(VG_(strtoll16)(s, &end), 255);
   UT_CHECK(end == s + 2);
   s = "-0X10";
   UT_CHECK_EQ(VG_(strtoll16)(s, &end), -16);
   UT_CHECK(*end == '\0');
   /* "0x" with no hex digit after it is the number 0 followed by 'x'. */
   s = "0xg";
   UT_CHECK_EQ(VG_(strtoll16)(s, &end), 0);
   UT_CHECK(end == s + 1);
   s = "0xFFFFFFFFFFFFFFFF";
   UT_CHECK(VG_(strtoull16)(s, &end) == 0xFFFFFFFFFFFFFFFFULL);
   UT_CHECK(VG_(strtoll16)(s, &end) == 9223372036854775807LL);
   s = "0x10000000000000000";
   UT_CHECK(VG_(strtoull16)(s, &end) == 0xFFFFFFFFFFFFFFFFULL);
   UT_CHECK(*end == '\0');
   s = "xyz";
   UT_CHECK_EQ(VG_(strtoull16)(s, &end), 0);
   UT_CHECK(end == s);
}

UNIT_TEST(strtod_close_to_libc)
{
   static const char* const inputs[] = {
      "0", "1", "-1", "3.14159", "  2.5e3x", "1e-5", "-0.000125", ".5",
      "5.", "1E+10", "123456789.125", "6.02214076e23", "1.5e-300",
      "7e", "8e+", "42abc"
   };
   for (size_t i = 0; i < VG_N_ELEMS(inputs); i++) {
      HChar* end_mine;
      char* end_ref;
      double mine = VG_(strtod)(inputs[i], &end_mine);
      double ref = strtod(inputs[i], &end_ref);
      double diff = mine - ref;
      double tol = (ref < 0 ? -ref : ref) * 1e-15;
      if (diff < -tol || diff > tol)
         ut_report(__FILE__, __LINE__, "strtod(\"%s\") = %.17g, libc %.17g",
                   inputs[i], mine, ref);
      UT_CHECK_EQ(end_mine - inputs[i], end_ref - inputs[i]);
   }
   const HChar* s = "x1";
   HChar* end;
   UT_CHECK(VG_(strtod)(s, &end) == 0.0);
   UT_CHECK(end == s);
   s = "-.";
   UT_CHECK(VG_(strtod)(s, &end) == 0.0);
   UT_CHECK(end == s);
}

UNIT_TEST(parse_Addr_needs_0x_and_digits)
{
   const HChar* p = "0x4000abc-0x5000";
   Addr a = 0;
   UT_CHECK(VG_(parse_Addr)(&p, &a));
   UT_CHECK_EQ(a, 0x4000abc);
   UT_CHECK(*p == '-');
   p++;
   UT_CHECK(VG_(parse_Addr)(&p, &a));
   UT_CHECK_EQ(a, 0x5000);
   UT_CHECK(*p == '\0');

   static const char* const bad[] = {
      "4000", "0x", "0xg", "", "x12", "0x123456789abcdef01"
   };
   for (size_t i = 0; i < VG_N_ELEMS(bad); i++) {
      p = bad[i];
      a = 77;
      UT_CHECK(!VG_(parse_Addr)(&p, &a));
      UT_CHECK(p == bad[i]);
      UT_CHECK_EQ(a, 77);
   }
   p = "0xFFFFFFFFFFFFFFFF";
   UT_CHECK(VG_(parse_Addr)(&p, &a));
   UT_CHECK(a == ~(Addr)0);
}

/* ------------------------------------------------------------------ */
/* Memory                                                             */

#define AREA 96

static void fill_bytes(unsigned char* p, size_t n, unsigned seed)
{
   for (size_t i = 0; i < n; i++)
      p[i] = (unsigned char)(seed * 131 + i * 29 + 7);
}

UNIT_TEST(memcpy_all_alignments_and_sizes)
{
   unsigned char src[AREA], dst[AREA], ref[AREA];
   fill_bytes(src, AREA, 1);
   for (size_t so = 0; so < 9; so++) {
      for (size_t d_off = 0; d_off < 9; d_off++) {
         for (size_t n = 0; n + so < AREA - 8 && n + d_off < AREA - 8;
              n += (n < 20 ? 1 : 7)) {
            fill_bytes(dst, AREA, 2);
            fill_bytes(ref, AREA, 2);
            memcpy(ref + d_off, src + so, n);
            UT_CHECK(VG_(memcpy)(dst + d_off, src + so, n) == dst + d_off);
            if (memcmp(dst, ref, AREA) != 0) {
               ut_report(__FILE__, __LINE__, "memcpy src+%zu dst+%zu n=%zu",
                         so, d_off, n);
               return;
            }
         }
      }
   }
}

UNIT_TEST(memset_all_alignments_and_sizes)
{
   unsigned char dst[AREA], ref[AREA];
   for (size_t off = 0; off < 9; off++) {
      for (size_t n = 0; n + off <= AREA; n++) {
         fill_bytes(dst, AREA, 3);
         fill_bytes(ref, AREA, 3);
         memset(ref + off, 0x1A5, n);
         UT_CHECK(VG_(memset)(dst + off, 0x1A5, n) == dst + off);
         if (memcmp(dst, ref, AREA) != 0) {
            ut_report(__FILE__, __LINE__, "memset off=%zu n=%zu", off, n);
            return;
         }
      }
   }
}

/* Compares VG_(memmove) of N bytes with libc's between many pairs of
   offsets in one buffer: both directions of overlap, and none. */
static void check_memmove_overlaps(size_t n)
{
   unsigned char buf[AREA], ref[AREA];
   for (size_t from = 0; from + n <= AREA; from += 3) {
      for (size_t to = 0; to + n <= AREA; to++) {
         fill_bytes(buf, AREA, 4);
         fill_bytes(ref, AREA, 4);
         memmove(ref + to, ref + from, n);
         UT_CHECK(VG_(memmove)(buf + to, buf + from, n) == buf + to);
         if (memcmp(buf, ref, AREA) != 0) {
            ut_report(__FILE__, __LINE__, "memmove from=%zu to=%zu n=%zu",
                      from, to, n);
            return;
         }
      }
   }
}

UNIT_TEST(memmove_overlap_to_lower_addresses)
{
   unsigned char buf[16] = "0123456789abcdef";
   VG_(memmove)(buf, buf + 3, 10);
   UT_CHECK(memcmp(buf, "3456789abcabcdef", 16) == 0);
   check_memmove_overlaps(1);
   check_memmove_overlaps(17);
}

UNIT_TEST(memmove_overlap_to_higher_addresses)
{
   unsigned char buf[16] = "0123456789abcdef";
   VG_(memmove)(buf + 3, buf, 10);
   UT_CHECK(memcmp(buf, "0120123456789def", 16) == 0);
   check_memmove_overlaps(8);
   check_memmove_overlaps(40);
   VG_(memmove)(buf, buf, 16);
   VG_(memmove)(buf, buf + 1, 0);
   UT_CHECK(memcmp(buf, "0120123456789def", 16) == 0);
}

UNIT_TEST(memcmp_signs_match_libc)
{
   unsigned char a[AREA], b[AREA];
   fill_bytes(a, AREA, 5);
   for (size_t off = 0; off < 9; off++) {
      for (size_t n = 0; n + off <= AREA - 8; n += 3) {
         for (size_t flip = 0; flip <= n; flip += 5) {
            memcpy(b, a, AREA);
            if (flip < n)
               b[off + flip] ^= (flip & 1) ? 0x80 : 0x01;
            UT_CHECK_EQ(sign_of(VG_(memcmp)(a + off, b + off, n)),
                        sign_of(memcmp(a + off, b + off, n)));
            UT_CHECK_EQ(sign_of(VG_(memcmp)(b + off, a + off, n)),
                        sign_of(memcmp(b + off, a + off, n)));
         }
      }
   }
   UT_CHECK_EQ(VG_(memcmp)("a", "b", 0), 0);
}

/* ------------------------------------------------------------------ */
/* Sorting                                                            */

static Int cmp_int(const void* a, const void* b)
{
   Int x = *(const Int*)a, y = *(const Int*)b;
   return (x > y) - (x < y);
}

static int cmp_int_libc(const void* a, const void* b)
{
   return cmp_int(a, b);
}

UNIT_TEST(ssort_random_ints_like_qsort)
{
   UInt seed = 12345;
   static Int mine[5000], ref[5000];
   static const SizeT sizes[] = { 0, 1, 2, 3, 7, 64, 1000, 4999, 5000 };
   for (size_t k = 0; k < VG_N_ELEMS(sizes); k++) {
      SizeT n = sizes[k];
      for (SizeT i = 0; i < n; i++)
         mine[i] = ref[i] = (Int)(VG_(random)(&seed) % 1000) - 500;
      VG_(ssort)(mine, n, sizeof mine[0], cmp_int);
      qsort(ref, n, sizeof ref[0], cmp_int_libc);
      UT_CHECK(memcmp(mine, ref, n * sizeof mine[0]) == 0);
      for (SizeT i = 1; i < n; i++)
         UT_CHECK(mine[i - 1] <= mine[i]);
   }
}

/* Records of 11 bytes (not a multiple of any word size): a 4-byte key,
   then 7 bytes unique to each record, so the order is total. */
enum { N_RECS = 777, REC_SIZE = 11 };

static Int cmp_rec(const void* a, const void* b)
{
   UInt x, y;
   memcpy(&x, a, sizeof x);
   memcpy(&y, b, sizeof y);
   if (x != y)
      return x < y ? -1 : 1;
   return memcmp((const UChar*)a + 4, (const UChar*)b + 4, REC_SIZE - 4);
}

static int cmp_rec_libc(const void* a, const void* b)
{
   return cmp_rec(a, b);
}

UNIT_TEST(ssort_odd_sized_records_like_qsort)
{
   static UChar mine[N_RECS * REC_SIZE], ref[N_RECS * REC_SIZE];
   UInt seed = 99;
   for (UInt i = 0; i < N_RECS; i++) {
      UInt key = VG_(random)(&seed) % 50;
      memcpy(mine + i * REC_SIZE, &key, sizeof key);
      for (int j = 4; j < REC_SIZE; j++)
         mine[i * REC_SIZE + j] = (UChar)(j % 2 ? i : i >> 8);
   }
   memcpy(ref, mine, sizeof ref);
   VG_(ssort)(mine, N_RECS, REC_SIZE, cmp_rec);
   qsort(ref, N_RECS, REC_SIZE, cmp_rec_libc);
   UT_CHECK(memcmp(mine, ref, sizeof ref) == 0);
}

/* ------------------------------------------------------------------ */
/* Miscellaneous                                                      */

UNIT_TEST(random_is_deterministic)
{
   UInt s1 = 42, s2 = 42;
   for (int i = 0; i < 100; i++)
      UT_CHECK_EQ(VG_(random)(&s1), VG_(random)(&s2));
   UInt s3 = 43;
   UT_CHECK(VG_(random)(&s3) != VG_(random)(&s1));
   /* The private state starts from the same value in every process. */
   UInt first = VG_(random)(NULL);
   UInt zero = 0;
   UT_CHECK_EQ(first, VG_(random)(&zero));
   UT_CHECK(VG_(random)(NULL) != first);
}

UNIT_TEST(log2_of_powers_only)
{
   for (Int i = 0; i < 32; i++)
      UT_CHECK_EQ(VG_(log2)(1u << i), i);
   UT_CHECK_EQ(VG_(log2)(0), -1);
   UT_CHECK_EQ(VG_(log2)(3), -1);
   UT_CHECK_EQ(VG_(log2)(0xFFFFFFFFu), -1);
   UT_CHECK_EQ(VG_(log2)(4096 + 1), -1);
}

UNIT_TEST(string_match_wildcards)
{
   UT_CHECK(VG_(string_match)("", ""));
   UT_CHECK(!VG_(string_match)("", "a"));
   UT_CHECK(VG_(string_match)("*", ""));
   UT_CHECK(VG_(string_match)("*", "anything"));
   UT_CHECK(VG_(string_match)("a*", "a"));
   UT_CHECK(VG_(string_match)("a*c", "abbbc"));
   UT_CHECK(!VG_(string_match)("a*c", "abbbd"));
   UT_CHECK(VG_(string_match)("?", "x"));
   UT_CHECK(!VG_(string_match)("?", ""));
   UT_CHECK(!VG_(string_match)("?", "xy"));
   UT_CHECK(VG_(string_match)("*lib*.so*", "/usr/lib/libc.so.6"));
   UT_CHECK(VG_(string_match)("_ZN*foo*Ev", "_ZN3bar3fooEv"));
   UT_CHECK(VG_(string_match)("*a*b*c*", "xxaxxbxxcxx"));
   UT_CHECK(!VG_(string_match)("*a*b*c*", "xxcxxbxxaxx"));
   UT_CHECK(VG_(string_match)("**?**", "z"));
   UT_CHECK(VG_(string_match)("*ab", "aab"));
   UT_CHECK(!VG_(string_match)("abc", "ab"));
   /* Many stars against a long non-matching subject: must stay fast. */
   UT_CHECK(!VG_(string_match)("*a*a*a*a*a*a*a*a*b",
                               "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

UNIT_TEST(string_match_escapes)
{
   UT_CHECK(VG_(string_match)("a\\*b", "a*b"));
   UT_CHECK(!VG_(string_match)("a\\*b", "axb"));
   UT_CHECK(VG_(string_match)("\\?", "?"));
   UT_CHECK(!VG_(string_match)("\\?", "x"));
   UT_CHECK(VG_(string_match)("\\\\", "\\"));
   UT_CHECK(VG_(string_match)("*\\*", "abc*"));
   UT_CHECK(!VG_(string_match)("*\\*", "abc"));
   UT_CHECK(VG_(string_match)("\\a", "a"));
   /* A backslash ending the pattern stands for itself. */
   UT_CHECK(VG_(string_match)("x\\", "x\\"));
   UT_CHECK(!VG_(string_match)("x\\", "x"));
}
