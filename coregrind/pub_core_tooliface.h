/* The core's side of the tool interface: the tables filled in by the
   tool's pre_clo_init (module m_tooliface). */
#ifndef __PUB_CORE_TOOLIFACE_H
#define __PUB_CORE_TOOLIFACE_H

#include "pub_core_basics.h"
#include "pub_tool_tooliface.h"

typedef struct {
   const HChar* name;
   const HChar* version;
   const HChar* description;
   const HChar* copyright_author;
   const HChar* bug_reports_to;
   UInt         avg_translation_sizeB;
} VgDetails;

extern VgDetails VG_(details);

typedef struct {
   Bool command_line_options;
   Bool client_requests;
   Bool core_errors;
   Bool tool_errors;
   Bool superblock_discards;
   Bool syscall_wrapper;
   Bool sanity_checks;
   Bool print_stats;
   Bool info_location;
   Bool var_info;
   Bool parallel_execution;
   Bool xml_output;
   Bool final_IR_tidy_pass;
   Bool malloc_replacement;
} VgNeeds;

extern VgNeeds VG_(needs);

/* The tool's functions, as registered.  NULL where not needed. */
typedef struct {
   void (*tool_post_clo_init)(void);
   VgInstrumentFn tool_instrument;
   void (*tool_fini)(Int exitcode);

   Bool (*tool_process_cmd_line_option)(const HChar* arg);
   void (*tool_print_usage)(void);
   void (*tool_print_debug_usage)(void);

   Bool (*tool_handle_client_request)(ThreadId tid, UWord* arg, UWord* ret);

   Bool (*tool_eq_error)(VgRes, const Error*, const Error*);
   void (*tool_before_pp_error)(const Error*);
   void (*tool_pp_error)(const Error*);
   Bool tool_show_thread_ids_for_errors;
   UInt (*tool_update_extra)(const Error*);
   Bool (*tool_recognised_suppression)(const HChar*, Supp*);
   Bool (*tool_read_extra_suppression_info)(Int, HChar**, SizeT*, Int*, Supp*);
   Bool (*tool_error_matches_suppression)(const Error*, const Supp*);
   const HChar* (*tool_get_error_name)(const Error*);
   SizeT (*tool_print_extra_suppression_info)(const Error*, HChar*, Int);
   SizeT (*tool_print_extra_suppression_use)(const Supp*, HChar*, Int);
   void (*tool_update_extra_suppression_use)(const Error*, const Supp*);

   void (*tool_discard_superblock_info)(Addr, VexGuestExtents);
   void (*tool_pre_syscall)(ThreadId, UInt, UWord*, UInt);
   void (*tool_post_syscall)(ThreadId, UInt, UWord*, UInt, SysRes);
   Bool (*tool_cheap_sanity_check)(void);
   Bool (*tool_expensive_sanity_check)(void);
   void (*tool_print_stats)(void);
   void (*tool_info_location)(Addr);
   IRSB* (*tool_final_IR_tidy_pass)(IRSB*);

   void* (*tool_malloc)(ThreadId, SizeT);
   void* (*tool___builtin_new)(ThreadId, SizeT);
   void* (*tool___builtin_vec_new)(ThreadId, SizeT);
   void* (*tool_memalign)(ThreadId, SizeT, SizeT);
   void* (*tool_calloc)(ThreadId, SizeT, SizeT);
   void  (*tool_free)(ThreadId, void*);
   void  (*tool___builtin_delete)(ThreadId, void*);
   void  (*tool___builtin_vec_delete)(ThreadId, void*);
   void* (*tool_realloc)(ThreadId, void*, SizeT);
   SizeT (*tool_malloc_usable_size)(ThreadId, void*);
   SizeT tool_client_redzone_szB;

#define VG_TRACKER_SLOT(event, params) void (*track_##event) params;
   VG_TOOL_TRACKERS(VG_TRACKER_SLOT)
#undef VG_TRACKER_SLOT
} VgToolInterface;

extern VgToolInterface VG_(tdict);

/* Runs the tool's pre_clo_init and checks that it registered what every
   tool must.  Exits with a message if the tool is built for another
   interface version or left its details incomplete. */
extern void VG_(init_tool)(void);

/* Calls the tool's tracker for EVENT, if it has one. */
#define VG_TRACK(event, args...)                                        \
   do { if (VG_(tdict).track_##event) VG_(tdict).track_##event(args); }  \
   while (0)

#endif
