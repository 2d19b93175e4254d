/* Cachegrind, a cache and branch-prediction profiler.
   Only the registration exists so far: the tool's instrumentation comes
   with its own issue.  Without an instrument function the core refuses
   to run a client under this tool, saying so, rather than running it
   uninstrumented and reporting nothing. */
#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

static void cg_post_clo_init(void)
{
}

static void cg_fini(Int exitcode)
{
}

static void cg_pre_clo_init(void)
{
   VG_(details_name)("Cachegrind");
   VG_(details_version)(NULL);
   VG_(details_description)("a cache and branch-prediction profiler");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the authors of this framework.");

   VG_(basic_tool_funcs)(cg_post_clo_init, NULL, cg_fini);
}

VG_DETERMINE_INTERFACE_VERSION(cg_pre_clo_init)
