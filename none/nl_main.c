/* Nulgrind: the tool that adds no instrumentation.  It measures the cost
   of the core alone and is the first tool every new piece of the core is
   tried with. */
#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

static void nl_post_clo_init(void)
{
}

static IRSB* nl_instrument(VgCallbackClosure* closure, IRSB* sb_in,
                           const VexGuestLayout* layout,
                           const VexGuestExtents* vge,
                           const VexArchInfo* archinfo_host,
                           IRType gWordTy, IRType hWordTy)
{
   return sb_in;
}

static void nl_fini(Int exitcode)
{
}

static void nl_pre_clo_init(void)
{
   VG_(details_name)("Nulgrind");
   VG_(details_version)(NULL);
   VG_(details_description)("the minimal Valgrind tool");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the authors of this framework.");
   VG_(details_avg_translation_sizeB)(275);

   VG_(basic_tool_funcs)(nl_post_clo_init, nl_instrument, nl_fini);
   /* Nothing is instrumented: translated code of several threads may
      run at once. */
   VG_(needs_parallel_execution)();
}

VG_DETERMINE_INTERFACE_VERSION(nl_pre_clo_init)
