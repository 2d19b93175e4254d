/* Unit tests of assertions, panics and the core backtrace
   (m_libcassert). */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include "pub_core_basics.h"
#include "pub_core_libcassert.h"
#include "unit.h"

static char captured[8192];

/* Runs FN in a child; checks exit status 1 and that the output contains
   every string of WANT (NULL-terminated). */
static void check_dies_saying(void (*fn)(void), const char* const* want)
{
   int status = ut_run_captured(fn, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK_EQ(WEXITSTATUS(status), 1);
   for (; *want; want++)
      if (strstr(captured, *want) == NULL)
         ut_report(__FILE__, __LINE__, "output lacks \"%s\"; it was:\n%s",
                   *want, captured);
}

static int count_of(const char* haystack, const char* needle)
{
   int n = 0;
   for (const char* p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
      n++;
   return n;
}

/* The assertion below is 4 lines further down. */
enum { FAILING_ASSERT_LINE = __LINE__ + 4 };
static void failing_vg_assert(void)
{
   int x = 2;
   vg_assert(x == 1);
}

UNIT_TEST(vg_assert_failure_reports_and_exits_1)
{
   char where[64];
   snprintf(where, sizeof where, "test_libcassert.c:%d (failing_vg_assert)",
            (int)FAILING_ASSERT_LINE);
   const char* want[] = { "\nvalgrind: ", where, "Assertion 'x == 1' failed.",
                          "\nhost stacktrace:\n", "    at 0x", "    by 0x",
                          "This is a bug in valgrind", "--version", NULL };
   check_dies_saying(failing_vg_assert, want);
   UT_CHECK(count_of(captured, ": ???") >= 2);
}

static void failing_vg_assert2(void)
{
   int fd = 7;
   vg_assert2(fd < 3, "descriptor %d is not a standard one", fd);
}

UNIT_TEST(vg_assert2_prints_its_detail)
{
   const char* want[] = { "Assertion 'fd < 3' failed.",
                          "valgrind: descriptor 7 is not a standard one\n",
                          "host stacktrace:", NULL };
   check_dies_saying(failing_vg_assert2, want);
}

static void failing_tl_assert(void)
{
   const char* name = NULL;
   tl_assert(name != NULL);
}

static void failing_tl_assert2(void)
{
   tl_assert2(1 + 1 == 3, "arithmetic is %s", "broken");
}

UNIT_TEST(tool_assertions_fail_the_same_way)
{
   const char* want[] = { "Assertion 'name != NULL' failed.",
                          "(failing_tl_assert)", "host stacktrace:", NULL };
   check_dies_saying(failing_tl_assert, want);
   const char* want2[] = { "Assertion '1 + 1 == 3' failed.",
                           "arithmetic is broken", NULL };
   check_dies_saying(failing_tl_assert2, want2);
}

UNIT_TEST(passing_assertions_evaluate_once_and_do_nothing)
{
   int evaluations = 0;
   vg_assert(++evaluations == 1);
   vg_assert2(++evaluations == 2, "never printed %d", evaluations);
   tl_assert(++evaluations == 3);
   UT_CHECK_EQ(evaluations, 3);
}

static void panicking(void)
{
   VG_(core_panic)("the frobnicator is empty");
}

static void tool_panicking(void)
{
   VG_(tool_panic)("the tool lost its shadow");
}

UNIT_TEST(panics_report_and_exit_1)
{
   const char* want[] = { "valgrind: internal error:",
                          "the frobnicator is empty", "host stacktrace:",
                          "This is a bug", NULL };
   check_dies_saying(panicking, want);
   const char* want2[] = { "the tool lost its shadow", "host stacktrace:",
                           NULL };
   check_dies_saying(tool_panicking, want2);
}

static void asking_for_the_unimplemented(void)
{
   VG_(unimplemented)("the option --%s", "frobnicate=yes");
}

UNIT_TEST(unimplemented_says_so_and_exits_1)
{
   const char* want[] = {
      "valgrind: the option --frobnicate=yes is not implemented yet.", NULL };
   check_dies_saying(asking_for_the_unimplemented, want);
   UT_CHECK(strstr(captured, "host stacktrace") == NULL);
}

UNIT_TEST(core_backtrace_starts_in_its_caller)
{
   Addr ips[30];
   UInt n = VG_(get_core_backtrace)(ips, 30);
   UT_CHECK(n >= 2 && n <= 30);
   /* The first entry is inside this function, the next in its caller. */
   Addr here = (Addr)core_backtrace_starts_in_its_caller;
   UT_CHECK(ips[0] > here && ips[0] < here + 4096);
   UT_CHECK_EQ(VG_(get_core_backtrace)(ips, 1), 1);
}
