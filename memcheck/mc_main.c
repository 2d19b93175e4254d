/* Memcheck, a memory error detector.
   Only the registration exists so far: the tool's instrumentation comes
   with its own issue.  Without an instrument function the core refuses
   to run a client under this tool, saying so, rather than running it
   uninstrumented and reporting nothing. */
#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

static void mc_post_clo_init(void)
{
}

static void mc_fini(Int exitcode)
{
}

static void mc_pre_clo_init(void)
{
   VG_(details_name)("Memcheck");
   VG_(details_version)(NULL);
   VG_(details_description)("a memory error detector");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the authors of this framework.");

   VG_(basic_tool_funcs)(mc_post_clo_init, NULL, mc_fini);
}

VG_DETERMINE_INTERFACE_VERSION(mc_pre_clo_init)
