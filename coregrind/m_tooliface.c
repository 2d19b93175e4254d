/* The tool interface: records what the tool registers. */
#include "pub_core_basics.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_tooliface.h"

VgDetails VG_(details) = {
   .avg_translation_sizeB = 160,
};

VgNeeds VG_(needs);

VgToolInterface VG_(tdict);

void VG_(basic_tool_funcs)(void (*post_clo_init)(void),
                           VgInstrumentFn instrument,
                           void (*fini)(Int exitcode))
{
   VG_(tdict).tool_post_clo_init = post_clo_init;
   VG_(tdict).tool_instrument    = instrument;
   VG_(tdict).tool_fini          = fini;
}

void VG_(details_name)(const HChar* name)
{
   VG_(details).name = name;
}

void VG_(details_version)(const HChar* version)
{
   VG_(details).version = version;
}

void VG_(details_description)(const HChar* description)
{
   VG_(details).description = description;
}

void VG_(details_copyright_author)(const HChar* copyright_author)
{
   VG_(details).copyright_author = copyright_author;
}

void VG_(details_bug_reports_to)(const HChar* bug_reports_to)
{
   VG_(details).bug_reports_to = bug_reports_to;
}

void VG_(details_avg_translation_sizeB)(UInt size)
{
   VG_(details).avg_translation_sizeB = size;
}

void VG_(needs_command_line_options)(
   Bool (*process_cmd_line_option)(const HChar*),
   void (*print_usage)(void),
   void (*print_debug_usage)(void))
{
   VG_(needs).command_line_options = True;
   VG_(tdict).tool_process_cmd_line_option = process_cmd_line_option;
   VG_(tdict).tool_print_usage = print_usage;
   VG_(tdict).tool_print_debug_usage = print_debug_usage;
}

void VG_(needs_client_requests)(
   Bool (*handle_client_request)(ThreadId, UWord*, UWord*))
{
   VG_(needs).client_requests = True;
   VG_(tdict).tool_handle_client_request = handle_client_request;
}

void VG_(needs_core_errors)(void)
{
   VG_(needs).core_errors = True;
}

void VG_(needs_tool_errors)(
   Bool (*eq_error)(VgRes, const Error*, const Error*),
   void (*before_pp_error)(const Error*),
   void (*pp_error)(const Error*),
   Bool show_thread_ids_for_errors,
   UInt (*update_extra)(const Error*),
   Bool (*recognised_suppression)(const HChar*, Supp*),
   Bool (*read_extra_suppression_info)(Int, HChar**, SizeT*, Int*, Supp*),
   Bool (*error_matches_suppression)(const Error*, const Supp*),
   const HChar* (*get_error_name)(const Error*),
   SizeT (*print_extra_suppression_info)(const Error*, HChar*, Int),
   SizeT (*print_extra_suppression_use)(const Supp*, HChar*, Int),
   void (*update_extra_suppression_use)(const Error*, const Supp*))
{
   VG_(needs).tool_errors = True;
   VG_(tdict).tool_eq_error = eq_error;
   VG_(tdict).tool_before_pp_error = before_pp_error;
   VG_(tdict).tool_pp_error = pp_error;
   VG_(tdict).tool_show_thread_ids_for_errors = show_thread_ids_for_errors;
   VG_(tdict).tool_update_extra = update_extra;
   VG_(tdict).tool_recognised_suppression = recognised_suppression;
   VG_(tdict).tool_read_extra_suppression_info = read_extra_suppression_info;
   VG_(tdict).tool_error_matches_suppression = error_matches_suppression;
   VG_(tdict).tool_get_error_name = get_error_name;
   VG_(tdict).tool_print_extra_suppression_info = print_extra_suppression_info;
   VG_(tdict).tool_print_extra_suppression_use = print_extra_suppression_use;
   VG_(tdict).tool_update_extra_suppression_use = update_extra_suppression_use;
}

void VG_(needs_superblock_discards)(
   void (*discard_superblock_info)(Addr, VexGuestExtents))
{
   VG_(needs).superblock_discards = True;
   VG_(tdict).tool_discard_superblock_info = discard_superblock_info;
}

void VG_(needs_syscall_wrapper)(
   void (*pre_syscall)(ThreadId, UInt, UWord*, UInt),
   void (*post_syscall)(ThreadId, UInt, UWord*, UInt, SysRes))
{
   VG_(needs).syscall_wrapper = True;
   VG_(tdict).tool_pre_syscall = pre_syscall;
   VG_(tdict).tool_post_syscall = post_syscall;
}

void VG_(needs_sanity_checks)(Bool (*cheap_sanity_check)(void),
                              Bool (*expensive_sanity_check)(void))
{
   VG_(needs).sanity_checks = True;
   VG_(tdict).tool_cheap_sanity_check = cheap_sanity_check;
   VG_(tdict).tool_expensive_sanity_check = expensive_sanity_check;
}

void VG_(needs_print_stats)(void (*print_stats)(void))
{
   VG_(needs).print_stats = True;
   VG_(tdict).tool_print_stats = print_stats;
}

void VG_(needs_info_location)(void (*info_location)(Addr))
{
   VG_(needs).info_location = True;
   VG_(tdict).tool_info_location = info_location;
}

void VG_(needs_parallel_execution)(void)
{
   VG_(needs).parallel_execution = True;
}

void VG_(needs_var_info)(void)
{
   VG_(needs).var_info = True;
}

void VG_(needs_xml_output)(void)
{
   VG_(needs).xml_output = True;
}

void VG_(needs_final_IR_tidy_pass)(IRSB* (*final_tidy)(IRSB*))
{
   VG_(needs).final_IR_tidy_pass = True;
   VG_(tdict).tool_final_IR_tidy_pass = final_tidy;
}

void VG_(needs_malloc_replacement)(
   void* (*malloc)(ThreadId, SizeT),
   void* (*builtin_new)(ThreadId, SizeT),
   void* (*builtin_vec_new)(ThreadId, SizeT),
   void* (*memalign)(ThreadId, SizeT, SizeT),
   void* (*calloc)(ThreadId, SizeT, SizeT),
   void  (*free)(ThreadId, void*),
   void  (*builtin_delete)(ThreadId, void*),
   void  (*builtin_vec_delete)(ThreadId, void*),
   void* (*realloc)(ThreadId, void*, SizeT),
   SizeT (*malloc_usable_size)(ThreadId, void*),
   SizeT client_malloc_redzone_szB)
{
   VG_(needs).malloc_replacement = True;
   VG_(tdict).tool_malloc = malloc;
   VG_(tdict).tool___builtin_new = builtin_new;
   VG_(tdict).tool___builtin_vec_new = builtin_vec_new;
   VG_(tdict).tool_memalign = memalign;
   VG_(tdict).tool_calloc = calloc;
   VG_(tdict).tool_free = free;
   VG_(tdict).tool___builtin_delete = builtin_delete;
   VG_(tdict).tool___builtin_vec_delete = builtin_vec_delete;
   VG_(tdict).tool_realloc = realloc;
   VG_(tdict).tool_malloc_usable_size = malloc_usable_size;
   VG_(tdict).tool_client_redzone_szB = client_malloc_redzone_szB;
}

#define VG_DEFINE_TRACKER(event, params)            \
   void VG_(track_##event)(void (*fn) params)        \
   {                                                 \
      VG_(tdict).track_##event = fn;                 \
   }
VG_TOOL_TRACKERS(VG_DEFINE_TRACKER)
#undef VG_DEFINE_TRACKER

/* A tool that forgot a detail or a basic function is a bug in the tool;
   say which one instead of crashing later. */
static void check_tool_registration(void)
{
   const HChar* missing = NULL;
   if      (VG_(details).name == NULL)             missing = "details_name";
   else if (VG_(details).description == NULL)      missing = "details_description";
   else if (VG_(details).copyright_author == NULL) missing = "details_copyright_author";
   else if (VG_(tdict).tool_post_clo_init == NULL) missing = "basic_tool_funcs (post_clo_init)";
   else if (VG_(tdict).tool_fini == NULL)          missing = "basic_tool_funcs (fini)";
   if (missing) {
      VG_(fmsg)("the tool did not register %s; it cannot be used.\n", missing);
      VG_(exit)(1);
   }
}

void VG_(init_tool)(void)
{
   if (VG_(tool_info).interface_version != VG_CORE_INTERFACE_VERSION) {
      VG_(fmsg)("the tool was built for core interface version %d, "
                "but this core has version %d.\n",
                VG_(tool_info).interface_version, VG_CORE_INTERFACE_VERSION);
      VG_(exit)(1);
   }
   VG_(tool_info).tl_pre_clo_init();
   check_tool_registration();
}
