/* Unit tests of the core's printf family and output sinks (m_libcprint).
   The formatting engine is checked against the host libc's snprintf on
   tables of formats and values; Valgrind's own extensions and the
   message prefixes against literal expectations. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcprint.h"
#include "unit.h"

extern char** environ;

/* ------------------------------------------------------------------ */
/* Differential checks against libc                                   */

/* The tables below pass formats that are not literals (each table's
   values match its formats' types), and some tests pass formats the
   compiler's check rejects on purpose. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Formats the arguments with both VG_(vsnprintf) and libc's vsnprintf
   and reports any difference in the text or the returned length. */
static void diff_check(const char* file, int line, const char* fmt, ...)
{
   char mine[512], ref[512];
   va_list ap, ap2;
   va_start(ap, fmt);
   va_copy(ap2, ap);
   UInt n_mine = VG_(vsnprintf)(mine, sizeof mine, fmt, ap);
   int n_ref = vsnprintf(ref, sizeof ref, fmt, ap2);
   va_end(ap2);
   va_end(ap);
   if (strcmp(mine, ref) != 0 || (int)n_mine != n_ref)
      ut_report(file, line, "format \"%s\": got \"%s\" (%u), libc \"%s\" (%d)",
                fmt, mine, n_mine, ref, n_ref);
}

/* VG_(snprintf) for formats the compiler's format check rejects. */
static UInt unchecked_snprintf(HChar* buf, SizeT size, const char* fmt, ...)
{
   va_list ap;
   va_start(ap, fmt);
   UInt n = VG_(vsnprintf)(buf, size, fmt, ap);
   va_end(ap);
   return n;
}

#pragma GCC diagnostic pop

#define DIFF(...) diff_check(__FILE__, __LINE__, __VA_ARGS__)

/* Every format of FMTS applied to every value of VALS. */
#define DIFF_TABLE(fmts, vals)                                             \
   do {                                                                    \
      for (size_t fi_ = 0; fi_ < VG_N_ELEMS(fmts); fi_++)                  \
         for (size_t vi_ = 0; vi_ < VG_N_ELEMS(vals); vi_++)               \
            DIFF((fmts)[fi_], (vals)[vi_]);                                \
   } while (0)

UNIT_TEST(diff_int_d_i)
{
   static const char* const fmts[] = {
      "%d", "%i", "[%5d]", "[%-5d]", "[%05d]", "[%+d]", "[% d]", "[%.3d]",
      "[%8.3d]", "[%-8.3d]", "[%-+8.3d]", "[%08.3d]", "[%+08d]", "[% 08d]",
      "[%.0d]", "[%5.0d]", "[%-05d]", "[%1d]", "[%+ d]", "[%.12i]",
      "[%012i]"
   };
   static const int vals[] = { 0, 1, -1, 7, -7, 42, 1000, -1000, 123456,
                               INT_MAX, INT_MIN, INT_MAX - 1 };
   DIFF_TABLE(fmts, vals);
}

UNIT_TEST(diff_unsigned_u_x_X_o)
{
   static const char* const fmts[] = {
      "%u", "%x", "%X", "%o", "[%#x]", "[%#X]", "[%#o]", "[%10u]",
      "[%-10x]", "[%010X]", "[%#010x]", "[%-#10x]", "[%.6o]", "[%#.0o]",
      "[%#.0x]", "[%.0u]", "[%#5.3x]", "[%#08o]", "[%+u]", "[% x]", "[%#.6x]"
   };
   static const unsigned vals[] = { 0u, 1u, 7u, 8u, 15u, 16u, 255u, 4096u,
                                    0xdeadbeefu, UINT_MAX, INT_MAX + 1u };
   DIFF_TABLE(fmts, vals);
}

UNIT_TEST(diff_long_l)
{
   static const char* const fmts_signed[] = {
      "%ld", "%li", "[%20ld]", "[%-20ld]", "[%+ld]", "[%021ld]", "[%.15ld]"
   };
   static const long vals_signed[] = { 0, -1, 1, LONG_MAX, LONG_MIN,
                                       -1234567890123L, 98765432109L };
   DIFF_TABLE(fmts_signed, vals_signed);
   static const char* const fmts_unsigned[] = {
      "%lu", "%lx", "%lX", "%lo", "[%#lx]", "[%018lx]", "[%-#20lo]",
      "[%.20lu]"
   };
   static const unsigned long vals_unsigned[] = {
      0, 1, ULONG_MAX, 0x58000000UL, 0x7fffffffffffUL, 1UL << 63
   };
   DIFF_TABLE(fmts_unsigned, vals_unsigned);
}

UNIT_TEST(diff_long_long_ll)
{
   static const char* const fmts_signed[] = {
      "%lld", "%lli", "[%25lld]", "[%-25lld]", "[%+lld]", "[% lld]",
      "[%025lld]", "[%.22lld]"
   };
   static const long long vals_signed[] = { 0, -1, LLONG_MAX, LLONG_MIN,
                                            LLONG_MIN + 1, 1000000000000LL };
   DIFF_TABLE(fmts_signed, vals_signed);
   static const char* const fmts_unsigned[] = {
      "%llu", "%llx", "%llX", "%llo", "[%#llx]", "[%#llo]", "[%30llu]",
      "[%-030llx]", "[%.0llu]"
   };
   static const unsigned long long vals_unsigned[] = {
      0, 1, ULLONG_MAX, ULLONG_MAX - 1, 1ULL << 32, 12345678901234567890ULL
   };
   DIFF_TABLE(fmts_unsigned, vals_unsigned);
}

UNIT_TEST(diff_size_intmax_ptrdiff)
{
   static const char* const fmts_z[] = { "%zu", "%zx", "[%12zu]", "[%-#12zx]" };
   static const size_t vals_z[] = { 0, 1, 4096, SIZE_MAX };
   DIFF_TABLE(fmts_z, vals_z);
   static const char* const fmts_zd[] = { "%zd", "[%+8zd]" };
   static const ssize_t vals_zd[] = { 0, -1, 77, SSIZE_MAX };
   DIFF_TABLE(fmts_zd, vals_zd);
   DIFF("%jd %ju %td %tx", (long long)LLONG_MIN, (unsigned long long)ULLONG_MAX,
        (ptrdiff_t)-12, (ptrdiff_t)255);
}

UNIT_TEST(diff_char_and_short_h_hh)
{
   static const char* const fmts[] = {
      "%hd", "%hu", "%hx", "%hhd", "%hhu", "%hhx", "%hho", "[%5hhd]",
      "[%-6hd]", "[%#hhx]"
   };
   /* Passed as int, as the C promotions do: the conversion narrows. */
   static const int vals[] = { 0, 1, -1, 127, 128, 255, 256, 300, -129,
                               32767, 32768, 70000, -70000 };
   DIFF_TABLE(fmts, vals);
}

UNIT_TEST(diff_char_c)
{
   static const char* const fmts[] = { "%c", "[%3c]", "[%-3c]", "[%03c]" };
   static const int vals[] = { 'a', 'Z', ' ', '%', 0x7e };
   DIFF_TABLE(fmts, vals);
   DIFF("%c%c%c", 'a', 'b', 'c');
}

UNIT_TEST(diff_string_s)
{
   static const char* const fmts[] = {
      "%s", "[%10s]", "[%-10s]", "[%.2s]", "[%.0s]", "[%10.3s]",
      "[%-10.3s]", "[%010s]", "[%.20s]", "[%1s]"
   };
   static const char* const vals[] = { "", "a", "hello", "hello, world",
                                       "tab\there" };
   DIFF_TABLE(fmts, vals);
}

UNIT_TEST(diff_null_string)
{
   static const char* const fmts[] = {
      "%s", "[%10s]", "[%-10s]", "[%.3s]", "[%.6s]", "[%.5s]", "[%8.2s]"
   };
   static const char* const vals[] = { NULL };
   DIFF_TABLE(fmts, vals);
}

UNIT_TEST(diff_pointer_p)
{
   static const char* const fmts[] = {
      "%p", "[%20p]", "[%-20p]", "[%020p]", "[%.12p]", "[%+p]", "[% p]",
      "[%#p]", "[%3p]"
   };
   static const void* const vals[] = {
      NULL, (void*)1, (void*)0x58000000UL, (void*)0x7ffd12345678UL,
      (void*)~0UL
   };
   DIFF_TABLE(fmts, vals);
}

UNIT_TEST(diff_star_width_and_precision)
{
   static const int widths[] = { -12, -1, 0, 1, 5, 20 };
   for (size_t i = 0; i < VG_N_ELEMS(widths); i++) {
      for (size_t j = 0; j < VG_N_ELEMS(widths); j++) {
         int w = widths[i], p = widths[j];
         DIFF("[%*d]", w, -42);
         DIFF("[%.*d]", p, 42);
         DIFF("[%*.*d]", w, p, 12345);
         DIFF("[%*.*s]", w, p, "abcdefgh");
         DIFF("[%-*x]", w, 0xabc);
         DIFF("[%0*d]", w, 7);
      }
   }
}

UNIT_TEST(diff_mixed_and_percent)
{
   DIFF("%%");
   DIFF("100%% sure");
   DIFF("%d%%%s", 50, "done");
   DIFF("==%d== %s: %lu bytes in %d blocks at %p\n", 1234, "lost", 64UL, 2,
        (void*)0x4a2b040);
   DIFF("no conversions at all");
   DIFF("");
   DIFF("%s=%d, %s=%x, %c, %lld, %zu", "a", -1, "b", 255u, 'q',
        (long long)-5, (size_t)9);
}

UNIT_TEST(diff_double_f)
{
   static const char* const fmts[] = {
      "%f", "[%.2f]", "[%.0f]", "[%10.3f]", "[%-10.1f]", "[%+f]", "[% f]",
      "[%010.2f]", "[%#.0f]", "[%.9f]", "[%3.1f]", "[%-+12.4f]", "[%.1f]"
   };
   static const double vals[] = {
      0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 3.14159265,
      -123.456, 99.995, 1e-7, 0.1, 1234567.891, 1e15 + 0.25, 4096.0625,
      12.5, 100.0 / 3.0
   };
   DIFF_TABLE(fmts, vals);
}

UNIT_TEST(diff_double_special_values)
{
   static const char* const fmts[] = { "%f", "[%8f]", "[%-8.2f]", "[%+f]",
                                       "[%08f]" };
   const double inf = 1.0 / 0.0;
   const double vals[] = { inf, -inf, 1e300 / 1e-300 };
   DIFF_TABLE(fmts, vals);
   /* A NaN's sign printed as its sign bit says. */
   const double nan_plus = __builtin_nan("");
   DIFF("[%f][%5f][%-6f]", nan_plus, -nan_plus, nan_plus);
   DIFF("%f %.3f", 1e18, 123456789012345678.0);
}

/* ------------------------------------------------------------------ */
/* Valgrind's extensions and the buffer functions                     */

UNIT_TEST(thousands_separators)
{
   HChar buf[64];
   VG_(sprintf)(buf, "%'d", 0);
   UT_CHECK_STREQ(buf, "0");
   VG_(sprintf)(buf, "%'d", 999);
   UT_CHECK_STREQ(buf, "999");
   VG_(sprintf)(buf, "%'d", 1000);
   UT_CHECK_STREQ(buf, "1,000");
   VG_(sprintf)(buf, "%'d", 1234567);
   UT_CHECK_STREQ(buf, "1,234,567");
   VG_(sprintf)(buf, "%'d", -1234567);
   UT_CHECK_STREQ(buf, "-1,234,567");
   VG_(sprintf)(buf, "%'d", INT_MIN);
   UT_CHECK_STREQ(buf, "-2,147,483,648");
   VG_(sprintf)(buf, "%'lu", 100000UL);
   UT_CHECK_STREQ(buf, "100,000");
   VG_(sprintf)(buf, "%'llu", ULLONG_MAX);
   UT_CHECK_STREQ(buf, "18,446,744,073,709,551,615");
   VG_(sprintf)(buf, "[%'12u]", 1454u);
   UT_CHECK_STREQ(buf, "[       1,454]");
   VG_(sprintf)(buf, "[%-'9d]", 12345);
   UT_CHECK_STREQ(buf, "[12,345   ]");
   VG_(sprintf)(buf, "%'u bytes in %'u blocks", 1454u, 47u);
   UT_CHECK_STREQ(buf, "1,454 bytes in 47 blocks");
   /* Only decimal conversions are grouped. */
   unchecked_snprintf(buf, sizeof buf, "%'x", 0x123456u);
   UT_CHECK_STREQ(buf, "123456");
}

UNIT_TEST(snprintf_truncates_and_returns_full_length)
{
   HChar buf[16];
   memset(buf, 'X', sizeof buf);
   UT_CHECK_EQ(VG_(snprintf)(buf, 6, "%s", "hello world"), 11);
   UT_CHECK_STREQ(buf, "hello");
   UT_CHECK_EQ(buf[6], 'X');
   UT_CHECK_EQ(VG_(snprintf)(buf, 1, "%d", 12345), 5);
   UT_CHECK_STREQ(buf, "");
   /* Size 0 writes nothing at all, not even the NUL. */
   buf[0] = 'Q';
   UT_CHECK_EQ(VG_(snprintf)(buf, 0, "%d", 12345), 5);
   UT_CHECK_EQ(buf[0], 'Q');
   UT_CHECK_EQ(VG_(snprintf)(NULL, 0, "%s%s", "ab", "cd"), 4);
   UT_CHECK_EQ(VG_(snprintf)(buf, sizeof buf, "%5d", 42), 5);
   UT_CHECK_STREQ(buf, "   42");
   UT_CHECK_EQ(VG_(snprintf)(buf, 6, "%5d", 42), 5);
   UT_CHECK_STREQ(buf, "   42");
   UT_CHECK_EQ(VG_(sprintf)(buf, "%s-%d", "x", 9), 3);
   UT_CHECK_STREQ(buf, "x-9");
}

UNIT_TEST(unknown_conversions_printed_as_written)
{
   HChar buf[64];
   unchecked_snprintf(buf, sizeof buf, "a%yb", 1);
   UT_CHECK_STREQ(buf, "a%yb");
   unchecked_snprintf(buf, sizeof buf, "[%-5y]", 1);
   UT_CHECK_STREQ(buf, "[%-5y]");
   /* A '%' ending the format. */
   UT_CHECK_EQ(unchecked_snprintf(buf, sizeof buf, "50%"), 3);
   UT_CHECK_STREQ(buf, "50%");
   unchecked_snprintf(buf, sizeof buf, "x%lly");
   UT_CHECK_STREQ(buf, "x%lly");
   /* %n writes nothing anywhere. */
   unchecked_snprintf(buf, sizeof buf, "%d%n|%d", 1, 2);
   UT_CHECK_STREQ(buf, "1%n|2");
}

typedef struct {
   char text[64];
   int  calls;
} Collected;

static void collect_char(HChar c, void* opaque)
{
   Collected* col = opaque;
   col->text[col->calls++] = c;
}

static UInt collect(Collected* col, const HChar* format, ...)
{
   va_list ap;
   va_start(ap, format);
   UInt n = VG_(vcbprintf)(collect_char, col, format, ap);
   va_end(ap);
   return n;
}

UNIT_TEST(vcbprintf_sends_each_char_and_counts)
{
   Collected col;
   memset(&col, 0, sizeof col);
   UT_CHECK_EQ(collect(&col, "%s:%04d", "ab", 7), 7);
   UT_CHECK_EQ(col.calls, 7);
   UT_CHECK_STREQ(col.text, "ab:0007");
   /* A NUL from %c is output like any other character. */
   memset(&col, 0, sizeof col);
   UT_CHECK_EQ(collect(&col, "a%cb", 0), 3);
   UT_CHECK_EQ(col.calls, 3);
   UT_CHECK(memcmp(col.text, "a\0b", 3) == 0);
}

UNIT_TEST(xml_escaping_pS_and_ps)
{
   HChar buf[128];
   VG_(sprintf)(buf, "<fn>%pS</fn>", "operator<<(A&, \"q\" 'c')>");
   UT_CHECK_STREQ(buf,
      "<fn>operator&lt;&lt;(A&amp;, &quot;q&quot; &apos;c&apos;)&gt;</fn>");
   /* %ps escapes only while the XML output is on. */
   VG_(xml_output_sink).fd = -1;
   VG_(sprintf)(buf, "%ps|%pS", "a<b", "a<b");
   UT_CHECK_STREQ(buf, "a<b|a&lt;b");
   VG_(xml_output_sink).fd = 99;
   VG_(sprintf)(buf, "%ps", "a<b");
   UT_CHECK_STREQ(buf, "a&lt;b");
   VG_(xml_output_sink).fd = -1;
   VG_(sprintf)(buf, "%pS", (const char*)NULL);
   UT_CHECK_STREQ(buf, "(null)");
}

/* ------------------------------------------------------------------ */
/* The log and its message prefixes                                   */

static char captured[16384];

/* Runs FN in a child with its output captured; returns its exit status
   (or -1 when it did not exit) and leaves the output in CAPTURED. */
static int run_captured(void (*fn)(void))
{
   int status = ut_run_captured(fn, captured, sizeof captured);
   return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Child bodies start by printing their pid so that the parent knows
   which prefixes to expect. */
static void print_pid_line(void)
{
   VG_(printf)("pid %d\n", VG_(getpid)());
}

/* The pid the child printed, and the output after that line. */
static int captured_pid(const char** rest)
{
   int pid = -1;
   sscanf(captured, "pid %d\n", &pid);
   const char* nl = strchr(captured, '\n');
   *rest = nl ? nl + 1 : captured;
   return pid;
}

static void two_line_user_message(void)
{
   print_pid_line();
   VG_(message)(Vg_UserMsg, "hello\nworld\n");
}

UNIT_TEST(user_message_prefixes_every_line)
{
   UT_CHECK_EQ(run_captured(two_line_user_message), 0);
   const char* rest;
   int pid = captured_pid(&rest);
   char expect[128];
   snprintf(expect, sizeof expect, "==%d== hello\n==%d== world\n", pid, pid);
   UT_CHECK_STREQ(rest, expect);
}

static void each_kind_of_message(void)
{
   print_pid_line();
   VG_(umsg)("user %d\n", 1);
   VG_(dmsg)("debug %s\n", "x");
   VG_(message)(Vg_ClientMsg, "client\n");
   VG_(fmsg)("fatal\n");
   VG_(message)(Vg_DebugMsg, "%s", "");
}

UNIT_TEST(each_message_kind_has_its_prefix)
{
   UT_CHECK_EQ(run_captured(each_kind_of_message), 0);
   const char* rest;
   int pid = captured_pid(&rest);
   char expect[256];
   snprintf(expect, sizeof expect,
            "==%d== user 1\n--%d-- debug x\n**%d** client\nvalgrind: fatal\n",
            pid, pid, pid);
   UT_CHECK_STREQ(rest, expect);
}

static void continued_lines(void)
{
   print_pid_line();
   VG_(umsg)("Command: %s", "./prog");
   VG_(printf)(" arg1");
   VG_(umsg)(" arg2");
   VG_(printf)("\n");
   VG_(umsg)("\n");
   VG_(dmsg)("a\n\nb");
   VG_(dmsg)("c\n");
}

UNIT_TEST(message_continued_without_second_prefix)
{
   UT_CHECK_EQ(run_captured(continued_lines), 0);
   const char* rest;
   int pid = captured_pid(&rest);
   char expect[256];
   snprintf(expect, sizeof expect,
            "==%d== Command: ./prog arg1 arg2\n==%d== \n"
            "--%d-- a\n--%d-- \n--%d-- bc\n", pid, pid, pid, pid, pid);
   UT_CHECK_STREQ(rest, expect);
}

static void time_stamped_message(void)
{
   print_pid_line();
   VG_(clo_time_stamp) = True;
   VG_(read_millisecond_timer)();
   VG_(umsg)("stamped\n");
}

UNIT_TEST(time_stamp_prefix)
{
   UT_CHECK_EQ(run_captured(time_stamped_message), 0);
   const char* rest;
   int pid = captured_pid(&rest);
   int got_pid = 0, len = 0;
   unsigned d = 9, h = 9, m = 9, s = 9, ms = 9999;
   sscanf(rest, "==%d== %2u:%2u:%2u:%2u.%3u %n", &got_pid, &d, &h, &m, &s,
          &ms, &len);
   UT_CHECK_EQ(got_pid, pid);
   UT_CHECK(d == 0 && h == 0 && m == 0 && s == 0 && ms < 1000);
   UT_CHECK(len > 0 && strcmp(rest + len, "stamped\n") == 0);
   /* "00:00:00:00.000 ": fixed widths. */
   const char* stamp = strchr(rest, ' ') + 1;
   UT_CHECK(stamp[2] == ':' && stamp[5] == ':' && stamp[8] == ':'
            && stamp[11] == '.' && stamp[15] == ' ');
}

static void long_printf(void)
{
   /* Far more than one internal buffer's worth in one call. */
   VG_(printf)("%3000s|%s\n", "end", "tail");
}

UNIT_TEST(printf_longer_than_its_buffer)
{
   UT_CHECK_EQ(run_captured(long_printf), 0);
   UT_CHECK_EQ(strlen(captured), 3000 + 6);
   UT_CHECK(strncmp(captured + 2997, "end|tail\n", 9) == 0);
   UT_CHECK(captured[0] == ' ' && captured[2996] == ' ');
}

static int pipe_fds[2];

static void log_to_other_fd(void)
{
   VG_(log_output_sink).fd = pipe_fds[1];
   VG_(umsg)("to the pipe\n");
   VG_(printf)("also\n");
   close(pipe_fds[1]);
   VG_(log_output_sink).fd = 2;
   VG_(printf)("stderr again\n");
}

UNIT_TEST(log_sink_fd_is_respected)
{
   UT_CHECK(pipe(pipe_fds) == 0);
   UT_CHECK_EQ(run_captured(log_to_other_fd), 0);
   close(pipe_fds[1]);
   UT_CHECK_STREQ(captured, "stderr again\n");
   char piped[256] = "";
   ssize_t n = read(pipe_fds[0], piped, sizeof piped - 1);
   UT_CHECK(n > 0);
   UT_CHECK(strstr(piped, "== to the pipe\nalso\n") != NULL);
   close(pipe_fds[0]);
}

static void xml_output(void)
{
   VG_(xml_output_sink).fd = -1;
   VG_(printf_xml)("invisible\n");
   VG_(xml_output_sink).fd = 1;
   VG_(printf_xml)("<obj>%pS</obj>\n", "a&b");
   VG_(printf_xml)("no prefix here\n");
}

UNIT_TEST(printf_xml_only_when_xml_sink_open)
{
   UT_CHECK_EQ(run_captured(xml_output), 0);
   UT_CHECK_STREQ(captured, "<obj>a&amp;b</obj>\nno prefix here\n");
}

static void bad_option(void)
{
   VG_(fmsg_bad_option)("--num-callers=x", "Invalid integer value '%s'\n", "x");
}

static void bad_option_without_newline(void)
{
   VG_(umsg)("half a line");
   VG_(fmsg_bad_option)("--foo", "detail %d", 7);
}

UNIT_TEST(fmsg_bad_option_exact_output_and_exit_1)
{
   UT_CHECK_EQ(run_captured(bad_option), 1);
   UT_CHECK_STREQ(captured,
      "valgrind: Bad option: --num-callers=x\n"
      "valgrind: Invalid integer value 'x'\n"
      "valgrind: Use --help for more information or consult the user manual.\n");
   UT_CHECK_EQ(run_captured(bad_option_without_newline), 1);
   const char* fatal = strstr(captured, "half a line\n");
   UT_CHECK(fatal != NULL);
   if (fatal != NULL)
      UT_CHECK_STREQ(fatal + strlen("half a line\n"),
         "valgrind: Bad option: --foo\n"
         "valgrind: detail 7\n"
         "valgrind: Use --help for more information or consult the user manual.\n");
}

static void unknown_option(void)
{
   VG_(fmsg_unknown_option)("--bogus");
}

UNIT_TEST(fmsg_unknown_option_exact_output_and_exit_1)
{
   UT_CHECK_EQ(run_captured(unknown_option), 1);
   UT_CHECK_STREQ(captured,
      "valgrind: Unknown option: --bogus\n"
      "valgrind: Use --help for more information or consult the user manual.\n");
}

/* ------------------------------------------------------------------ */
/* Log file names                                                     */

UNIT_TEST(expand_file_name_pid_and_percent)
{
   VG_(core_envp) = environ;
   char expect[128];
   snprintf(expect, sizeof expect, "/tmp/log.%d.100%%", (int)getpid());
   HChar* name = VG_(expand_file_name)("--log-file", "/tmp/log.%p.100%%");
   UT_CHECK_STREQ(name, expect);
   name = VG_(expand_file_name)("--log-file", "/plain/name");
   UT_CHECK_STREQ(name, "/plain/name");
}

UNIT_TEST(expand_file_name_env_var)
{
   VG_(core_envp) = environ;
   setenv("H1_TEST_DIR", "/var/tmp/x y", 1);
   VG_(core_envp) = environ;
   HChar* name = VG_(expand_file_name)("--log-file",
                                       "%q{H1_TEST_DIR}/out.%q{H1_TEST_DIR}");
   UT_CHECK_STREQ(name, "/var/tmp/x y/out./var/tmp/x y");
   const char* home = getenv("HOME");
   if (home != NULL && home[0] == '/') {
      char expect[4096];
      snprintf(expect, sizeof expect, "%s/vg.log", home);
      UT_CHECK_STREQ(VG_(expand_file_name)("--log-file", "%q{HOME}/vg.log"),
                     expect);
   }
}

UNIT_TEST(expand_file_name_sequence_numbers)
{
   HChar* a = VG_(expand_file_name)("--log-file", "/tmp/log.%n");
   HChar* b = VG_(expand_file_name)("--log-file", "/tmp/log.%n.%n");
   UT_CHECK_STREQ(a, "/tmp/log.1");
   UT_CHECK_STREQ(b, "/tmp/log.2.3");
}

UNIT_TEST(expand_file_name_relative_is_made_absolute)
{
   char cwd[4096], expect[4200];
   UT_CHECK(getcwd(cwd, sizeof cwd) != NULL);
   snprintf(expect, sizeof expect, "%s/rel.log", cwd);
   UT_CHECK_STREQ(VG_(expand_file_name)("--log-file", "rel.log"), expect);
}

static const char* efn_format;

static void expand_bad_name(void)
{
   VG_(core_envp) = environ;
   VG_(expand_file_name)("--log-file", efn_format);
   VG_(printf)("not reached\n");
}

/* Checks that FORMAT is rejected as a bad --log-file, with exit status 1
   and exactly the three lines of a bad option, REASON_LINE the middle
   one. */
static void check_bad_name(int line, const char* format,
                           const char* reason_line)
{
   efn_format = format;
   int status = run_captured(expand_bad_name);
   char expect[1024];
   snprintf(expect, sizeof expect,
            "valgrind: Bad option: --log-file=%s\n%svalgrind: Use --help "
            "for more information or consult the user manual.\n",
            format, reason_line);
   if (status != 1 || strcmp(captured, expect) != 0)
      ut_report(__FILE__, line, "\"%s\": status %d, output:\n%s", format,
                status, captured);
}

UNIT_TEST(expand_file_name_errors)
{
   unsetenv("H1_SURELY_UNSET");
   check_bad_name(__LINE__, "", "valgrind: No filename given\n");
   check_bad_name(__LINE__, "log.%q{H1_SURELY_UNSET}",
                  "valgrind: Environment variable 'H1_SURELY_UNSET' is not "
                  "set\n");
   check_bad_name(__LINE__, "log.%qHOME",
                  "valgrind: Expected '{' after '%q'\n");
   check_bad_name(__LINE__, "log.%q{HOME",
                  "valgrind: Missing '}' in %q specifier\n");
   check_bad_name(__LINE__, "log.%x",
                  "valgrind: Expected 'p', 'n', 'q' or '%' after '%'\n");
   check_bad_name(__LINE__, "log.%",
                  "valgrind: Expected 'p', 'n', 'q' or '%' after '%'\n");
}

/* ------------------------------------------------------------------ */
/* Random specifications (fixed seed)                                 */

/* Appends a random conversion specification for one of CONVS to FMT
   and returns its conversion letter and length modifier. */
static char random_spec(char* fmt, UInt* seed, const char* convs,
                        const char** len)
{
   static const char flag_chars[] = "-0+ #";
   static const char* const lens[] = { "", "hh", "h", "l", "ll", "z" };
   char* p = fmt + strlen(fmt);
   *p++ = '%';
   for (int i = 0; i < 5; i++)
      if (VG_(random)(seed) % 4 == 0)
         *p++ = flag_chars[i];
   if (VG_(random)(seed) % 2)
      p += sprintf(p, "%u", VG_(random)(seed) % 26);
   if (VG_(random)(seed) % 2)
      p += sprintf(p, ".%u", VG_(random)(seed) % 26);
   char conv = convs[VG_(random)(seed) % strlen(convs)];
   *len = strchr("diuxXo", conv) ? lens[VG_(random)(seed) % 6] : "";
   p += sprintf(p, "%s%c", *len, conv);
   *p = '\0';
   return conv;
}

static unsigned long long random_value(UInt* seed)
{
   unsigned long long v = ((unsigned long long)VG_(random)(seed) << 32)
                          ^ VG_(random)(seed);
   /* Mostly small numbers, where padding and precision matter most. */
   switch (VG_(random)(seed) % 4) {
      case 0:  return v % 10;
      case 1:  return v % 100000;
      case 2:  return -(v % 1000);
      default: return v;
   }
}

UNIT_TEST(diff_random_specs)
{
   static const char* const strs[] = { "", "x", "hello", "a longer string" };
   UInt seed = 20240601;
   for (int iter = 0; iter < 20000; iter++) {
      char fmt[64] = "[";
      const char* len;
      char conv = random_spec(fmt, &seed, "diuxXocsp", &len);
      strcat(fmt, "]");
      unsigned long long v = random_value(&seed);
      if (conv == 's')
         DIFF(fmt, strs[v % 4]);
      else if (conv == 'p')
         DIFF(fmt, (void*)(unsigned long)v);
      else if (strcmp(len, "ll") == 0)
         DIFF(fmt, v);
      else if (strcmp(len, "l") == 0 || strcmp(len, "z") == 0)
         DIFF(fmt, (unsigned long)v);
      else
         DIFF(fmt, (unsigned)v);
   }
}

UNIT_TEST(diff_random_doubles_f)
{
   static const double scales[] = { 1e-3, 1.0, 100.0, 1e4, 1e6, 1e9, 1e15 };
   UInt seed = 777;
   for (int iter = 0; iter < 20000; iter++) {
      double unit = (double)VG_(random)(&seed) / 4294967296.0 - 0.3;
      double v = unit * scales[VG_(random)(&seed) % VG_N_ELEMS(scales)];
      /* Exact binary fractions, where glibc rounds ties to even. */
      if (VG_(random)(&seed) % 3 == 0)
         v = (double)(VG_(random)(&seed) % 100000)
             / (double)(1u << (VG_(random)(&seed) % 12));
      int prec = (int)(VG_(random)(&seed) % 10);
      int width = (int)(VG_(random)(&seed) % 16);
      DIFF("[%*.*f]", width, prec, v);
   }
}
