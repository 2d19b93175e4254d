/* A small framework for the hosted unit tests of the core library.

   UNIT_TEST(name) { ... UT_CHECK(cond); ... }
   Each test runs in a forked child so a crash or a core panic in one test
   is reported as that test's failure and the others still run.  The
   driver (unit_main.c) prints "PASS: <file>/<name>" or "FAIL: ..." per
   test, which tests/run-all-tests counts. */
#ifndef UNIT_H
#define UNIT_H

typedef void (*unit_test_fn)(void);

struct unit_test {
   const char*  file;
   const char*  name;
   unit_test_fn fn;
};

/* Tests register themselves in the "unit_tests" section; the linker
   provides its bounds. */
#define UNIT_TEST(tname)                                                  \
   static void tname(void);                                               \
   static const struct unit_test unit_test_rec_##tname                    \
      __attribute__((used, section("unit_tests"),                         \
                     aligned(sizeof(void*)))) = { __FILE__, #tname, tname }; \
   static void tname(void)

/* Number of failed checks in the current test (in the child). */
extern int ut_failures;
void ut_report(const char* file, int line, const char* fmt, ...)
   __attribute__((format(printf, 3, 4)));

#define UT_CHECK(cond)                                                    \
   do { if (!(cond)) ut_report(__FILE__, __LINE__, "check failed: %s", #cond); } while (0)

#define UT_CHECK_EQ(a, b)                                                 \
   do { long long ut_a_ = (long long)(a), ut_b_ = (long long)(b);         \
        if (ut_a_ != ut_b_)                                               \
           ut_report(__FILE__, __LINE__, "%s == %s: %lld != %lld",        \
                     #a, #b, ut_a_, ut_b_); } while (0)

#define UT_CHECK_STREQ(a, b)                                              \
   do { const char* ut_a_ = (a); const char* ut_b_ = (b);                 \
        if (ut_a_ == 0 || ut_b_ == 0 || ut_strcmp(ut_a_, ut_b_) != 0)      \
           ut_report(__FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"",    \
                     #a, #b, ut_a_ ? ut_a_ : "(null)",                    \
                     ut_b_ ? ut_b_ : "(null)"); } while (0)

int ut_strcmp(const char* a, const char* b);

/* Runs FN in a forked child with stdout and stderr captured.  Returns the
   child's wait status; the captured output (NUL-terminated, truncated to
   OUT_SIZE-1 bytes) goes to OUT when it is not NULL.  For testing code
   that exits or panics. */
int ut_run_captured(void (*fn)(void), char* out, unsigned long out_size);

#endif
