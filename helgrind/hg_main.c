/* Helgrind, a thread error detector.
   Only the registration exists so far: the tool's instrumentation comes
   with its own issue.  Without an instrument function the core refuses
   to run a client under this tool, saying so, rather than running it
   uninstrumented and reporting nothing. */
#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

static void hg_post_clo_init(void)
{
}

static void hg_fini(Int exitcode)
{
}

static void hg_pre_clo_init(void)
{
   VG_(details_name)("Helgrind");
   VG_(details_version)(NULL);
   VG_(details_description)("a thread error detector");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the authors of this framework.");

   VG_(basic_tool_funcs)(hg_post_clo_init, NULL, hg_fini);
}

VG_DETERMINE_INTERFACE_VERSION(hg_pre_clo_init)
