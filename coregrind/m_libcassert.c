/* Assertions and panics: say what went wrong and where, show the core's
   own stack, tell the user how to report the bug, and exit with status 1
   (as Valgrind does after a panic). */
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcassert.h"

#define MAX_BACKTRACE_FRAMES 30

/* Who a failure message speaks for.  Tool failures should name the tool,
   but its name (VG_(details).name) is not known to this module yet, so
   for now both are "valgrind". */
static const HChar* speaker_name(Bool isCore)
{
   return "valgrind";
}

/* A failure while reporting a failure (say, an assertion in the printing
   code) must not recurse: the second one writes a fixed message straight
   to stderr and exits. */
static void enter_failure_report(void)
{
   static Bool reporting = False;
   if (__atomic_exchange_n(&reporting, True, __ATOMIC_ACQ_REL)) {
      static const HChar msg[] =
         "\nvalgrind: another failure happened while reporting a failure; "
         "exiting.\n";
      VG_(write)(2, msg, sizeof msg - 1);
      VG_(exit)(1);
   }
}

__attribute__((noinline))
UInt VG_(get_core_backtrace)(Addr* ips, UInt max)
{
   /* A frame record is [fp] = the caller's fp, [fp + one word] = the
      return address, on amd64, x86 and arm64 alike.  The stack grows
      down, so a caller's frame is always higher: anything else ends the
      chain. */
   Addr fp = (Addr)__builtin_frame_address(0);
   UInt n = 0;
   while (n < max && fp != 0 && VG_IS_ALIGNED(fp, sizeof(Addr))) {
      Addr caller_fp = ((Addr*)fp)[0];
      Addr ret_addr  = ((Addr*)fp)[1];
      if (ret_addr == 0)
         break;
      ips[n++] = ret_addr - 1;
      if (caller_fp <= fp)
         break;
      fp = caller_fp;
   }
   return n;
}

static void print_core_backtrace(void)
{
   Addr ips[MAX_BACKTRACE_FRAMES];
   UInt n = VG_(get_core_backtrace)(ips, MAX_BACKTRACE_FRAMES);
   VG_(printf)("\nhost stacktrace:\n");
   /* No symbols until m_debuginfo exists: the addresses are for
      addr2line -e <tool executable>. */
   for (UInt i = 0; i < n; i++)
      VG_(umsg)("   %s 0x%08lX: ???\n", i == 0 ? "at" : "by", ips[i]);
}

/* The end of every failure report. */
static void report_bug_and_exit(Bool isCore) NORETURN;
static void report_bug_and_exit(Bool isCore)
{
   print_core_backtrace();
   VG_(printf)("\n"
               "This is a bug in %s, not in your program.  Please report "
               "it at\n"
               "%s\n"
               "with the command line you ran, all of the output above, "
               "and what\n"
               "`valgrind --version` prints.\n\n",
               speaker_name(isCore), PACKAGE_BUGREPORT);
   VG_(exit)(1);
}

static const HChar* file_base_name(const HChar* path)
{
   const HChar* slash = VG_(strrchr)(path, '/');
   return slash ? slash + 1 : path;
}

void VG_(assert_fail)(Bool isCore, const HChar* expr, const HChar* file,
                      Int line, const HChar* fn, const HChar* fmt, ...)
{
   const HChar* who = speaker_name(isCore);
   enter_failure_report();
   VG_(printf)("\n%s: %s:%d (%s): Assertion '%s' failed.\n",
               who, file_base_name(file), line, fn, expr);
   if (fmt) {
      va_list ap;
      va_start(ap, fmt);
      VG_(printf)("%s: ", who);
      VG_(vprintf)(fmt, ap);
      VG_(printf)("\n");
      va_end(ap);
   }
   report_bug_and_exit(isCore);
}

static void panic(Bool isCore, const HChar* str) NORETURN;
static void panic(Bool isCore, const HChar* str)
{
   enter_failure_report();
   VG_(printf)("\n%s: internal error:\n   %s\n", speaker_name(isCore), str);
   report_bug_and_exit(isCore);
}

void VG_(core_panic)(const HChar* str)
{
   panic(True, str);
}

void VG_(tool_panic)(const HChar* str)
{
   panic(False, str);
}

void VG_(unimplemented)(const HChar* fmt, ...)
{
   va_list ap;
   va_start(ap, fmt);
   VG_(printf)("\n");
   VG_(vmessage)(Vg_FailMsg, fmt, ap);
   va_end(ap);
   VG_(fmsg)(" is not implemented yet.\n");
   VG_(fmsg)("It is planned, not broken: a later version will have it.\n");
   VG_(exit)(1);
}
