/* Unit tests of option matching and of gathering options from
   ~/.valgrindrc, $VALGRIND_OPTS, ./.valgrindrc and the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "pub_core_basics.h"
#include "pub_core_libcproc.h"
#include "pub_core_mallocfree.h"
#include "pub_core_options.h"
#include "unit.h"

UNIT_TEST(bool_clo_matches_yes_and_no)
{
   Bool b = False;
   UT_CHECK(VG_BOOL_CLO("--trace-children=yes", "--trace-children", b));
   UT_CHECK_EQ(b, True);
   UT_CHECK(VG_BOOL_CLO("--trace-children=no", "--trace-children", b));
   UT_CHECK_EQ(b, False);
   /* A longer option with the same prefix is a different option. */
   UT_CHECK(!VG_BOOL_CLO("--trace-children-skip=x", "--trace-children", b));
   UT_CHECK(!VG_BOOL_CLO("--trace-children", "--trace-children", b));
}

static void bad_bool(void)
{
   Bool b;
   VG_BOOL_CLO("--trace-children=maybe", "--trace-children", b);
}

UNIT_TEST(bool_clo_rejects_other_values)
{
   char out[1024];
   int status = ut_run_captured(bad_bool, out, sizeof out);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
   UT_CHECK_STREQ(out,
      "valgrind: Bad option: --trace-children=maybe\n"
      "valgrind: Invalid boolean value 'maybe' (should be 'yes' or 'no')\n"
      "valgrind: Use --help for more information or consult the user manual.\n");
}

UNIT_TEST(int_clo_parses_decimal_hex_and_negative)
{
   Int i = 0;
   UT_CHECK(VG_INT_CLO("--log-fd=42", "--log-fd", i));
   UT_CHECK_EQ(i, 42);
   UT_CHECK(VG_INT_CLO("--log-fd=-3", "--log-fd", i));
   UT_CHECK_EQ(i, -3);
   UT_CHECK(VG_INT_CLO("--log-fd=0x10", "--log-fd", i));
   UT_CHECK_EQ(i, 16);
   UT_CHECK(!VG_INT_CLO("--log-fdx=1", "--log-fd", i));
}

static void bad_int(void)
{
   Int i = 0;
   VG_INT_CLO("--log-fd=abc", "--log-fd", i);
   printf("not reached %d\n", i);
}

static void empty_int(void)
{
   Int i = 0;
   VG_INT_CLO("--log-fd=", "--log-fd", i);
   printf("not reached %d\n", i);
}

static void out_of_range_int(void)
{
   Long l = 0;
   VG_BINT_CLO("--num-callers=0", "--num-callers", l, 1, 500);
   printf("not reached %lld\n", l);
}

UNIT_TEST(int_clo_rejects_garbage_and_out_of_range)
{
   char out[1024];
   int status = ut_run_captured(bad_int, out, sizeof out);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
   UT_CHECK(strstr(out, "valgrind: Bad option: --log-fd=abc\n"
                        "valgrind: Invalid integer value 'abc'\n") == out);
   status = ut_run_captured(empty_int, out, sizeof out);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
   UT_CHECK(strstr(out, "Invalid integer value ''") != NULL);
   status = ut_run_captured(out_of_range_int, out, sizeof out);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
   UT_CHECK(strstr(out, "'--num-callers' argument must be between 1 and 500")
            != NULL);
}

UNIT_TEST(str_and_xact_clo)
{
   const HChar* s = NULL;
   UT_CHECK(VG_STR_CLO("--log-file=a=b.log", "--log-file", s));
   UT_CHECK_STREQ(s, "a=b.log");
   UT_CHECK(VG_STR_CLO("--log-file=", "--log-file", s));
   UT_CHECK_STREQ(s, "");
   Int v = 0;
   UT_CHECK(VG_XACT_CLO("-q", "-q", v, 7));
   UT_CHECK_EQ(v, 7);
   UT_CHECK(!VG_XACT_CLO("-qq", "-q", v, 8));
   UT_CHECK_EQ(v, 7);
}

static const char* arg_at(XArray* xa, Word i)
{
   return *(HChar**)VG_(indexXA)(xa, i);
}

UNIT_TEST(args_from_string_splits_and_skips_comments)
{
   XArray* xa = VG_(newXA)(VG_(malloc), "t", VG_(free), sizeof(HChar*));
   VG_(add_args_from_string)(xa,
      "  -v\t--log-fd=3\n# a comment --not-an-option\n--tool=none #x y\n");
   UT_CHECK_EQ(VG_(sizeXA)(xa), 3);
   UT_CHECK_STREQ(arg_at(xa, 0), "-v");
   UT_CHECK_STREQ(arg_at(xa, 1), "--log-fd=3");
   UT_CHECK_STREQ(arg_at(xa, 2), "--tool=none");
   VG_(add_args_from_string)(xa, "   \n\t ");
   UT_CHECK_EQ(VG_(sizeXA)(xa), 3);
}

/* A scratch directory standing for both $HOME and the current directory. */
static char* make_scratch_dir(void)
{
   static char dir[64];
   strcpy(dir, "/tmp/vgunit-opts-XXXXXX");
   return mkdtemp(dir);
}

static void write_file(const char* dir, const char* name, const char* text,
                       mode_t mode)
{
   char path[256];
   snprintf(path, sizeof path, "%s/%s", dir, name);
   FILE* f = fopen(path, "w");
   fputs(text, f);
   fclose(f);
   chmod(path, mode);
}

static void remove_scratch(const char* home, const char* cwd)
{
   char cmd[300];
   snprintf(cmd, sizeof cmd, "rm -rf %s %s", home, cwd ? cwd : "");
   if (system(cmd) != 0)
      fprintf(stderr, "could not remove %s\n", home);
}

/* Sets up an environment for VG_(getenv) with HOME and VALGRIND_OPTS. */
static void set_core_env(const char* home, const char* opts)
{
   static char home_var[300], opts_var[300];
   static HChar* envp[3];
   snprintf(home_var, sizeof home_var, "HOME=%s", home);
   envp[0] = home_var;
   envp[1] = NULL;
   if (opts) {
      snprintf(opts_var, sizeof opts_var, "VALGRIND_OPTS=%s", opts);
      envp[1] = opts_var;
   }
   envp[2] = NULL;
   VG_(core_envp) = envp;
}

UNIT_TEST(split_up_argv_orders_sources_as_valgrind)
{
   char* home = make_scratch_dir();
   char cwd_template[] = "/tmp/vgunit-cwd-XXXXXX";
   char* cwd = mkdtemp(cwd_template);
   write_file(home, ".valgrindrc", "--from=home\n", 0644);
   write_file(cwd, ".valgrindrc", "--from=cwd", 0644);
   set_core_env(home, "--from=env1 --from=env2");
   UT_CHECK(chdir(cwd) == 0);
   HChar* argv[] = { "valgrind", "-q", "--from=cmdline", "prog", "-v",
                     "arg2", NULL };
   VG_(split_up_argv)(6, argv);
   XArray* a = VG_(args_for_valgrind);
   UT_CHECK_EQ(VG_(sizeXA)(a), 6);
   UT_CHECK_STREQ(arg_at(a, 0), "--from=home");
   UT_CHECK_STREQ(arg_at(a, 1), "--from=env1");
   UT_CHECK_STREQ(arg_at(a, 2), "--from=env2");
   UT_CHECK_STREQ(arg_at(a, 3), "--from=cwd");
   UT_CHECK_STREQ(arg_at(a, 4), "-q");
   UT_CHECK_STREQ(arg_at(a, 5), "--from=cmdline");
   UT_CHECK_EQ(VG_(args_for_valgrind_from_cmdline), 2);
   UT_CHECK_STREQ(VG_(args_the_exename), "prog");
   UT_CHECK_EQ(VG_(sizeXA)(VG_(args_for_client)), 2);
   UT_CHECK_STREQ(arg_at(VG_(args_for_client), 0), "-v");
   UT_CHECK_STREQ(arg_at(VG_(args_for_client), 1), "arg2");
   remove_scratch(home, cwd);
}

UNIT_TEST(split_up_argv_reads_home_rc_once_when_cwd_is_home)
{
   char* home = make_scratch_dir();
   write_file(home, ".valgrindrc", "--only-once", 0644);
   set_core_env(home, NULL);
   UT_CHECK(chdir(home) == 0);
   HChar* argv[] = { "valgrind", "prog", NULL };
   VG_(split_up_argv)(2, argv);
   UT_CHECK_EQ(VG_(sizeXA)(VG_(args_for_valgrind)), 1);
   UT_CHECK_EQ(VG_(args_for_valgrind_from_cmdline), 0);
   remove_scratch(home, NULL);
}

UNIT_TEST(split_up_argv_ignores_world_writable_cwd_rc)
{
   char* home = make_scratch_dir();
   char cwd_template[] = "/tmp/vgunit-cwd-XXXXXX";
   char* cwd = mkdtemp(cwd_template);
   write_file(cwd, ".valgrindrc", "--planted=1", 0666);
   set_core_env(home, NULL);
   UT_CHECK(chdir(cwd) == 0);
   HChar* argv[] = { "valgrind", "--tool=none", "prog", NULL };
   VG_(split_up_argv)(3, argv);
   UT_CHECK_EQ(VG_(sizeXA)(VG_(args_for_valgrind)), 1);
   UT_CHECK_STREQ(arg_at(VG_(args_for_valgrind), 0), "--tool=none");
   remove_scratch(home, cwd);
}

UNIT_TEST(split_up_argv_double_dash_ends_options)
{
   char* home = make_scratch_dir();
   set_core_env(home, NULL);
   UT_CHECK(chdir(home) == 0);
   HChar* argv[] = { "valgrind", "-v", "--", "-prog-with-dash", "x", NULL };
   VG_(split_up_argv)(5, argv);
   UT_CHECK_EQ(VG_(sizeXA)(VG_(args_for_valgrind)), 1);
   UT_CHECK_STREQ(VG_(args_the_exename), "-prog-with-dash");
   UT_CHECK_EQ(VG_(sizeXA)(VG_(args_for_client)), 1);
   remove_scratch(home, NULL);
}

UNIT_TEST(split_up_argv_without_client)
{
   char* home = make_scratch_dir();
   set_core_env(home, NULL);
   UT_CHECK(chdir(home) == 0);
   HChar* argv[] = { "valgrind", "--version", NULL };
   VG_(split_up_argv)(2, argv);
   UT_CHECK(VG_(args_the_exename) == NULL);
   UT_CHECK_EQ(VG_(sizeXA)(VG_(args_for_client)), 0);
   remove_scratch(home, NULL);
}
