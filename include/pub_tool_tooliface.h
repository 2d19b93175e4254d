/* The tool interface: what a tool tells the core about itself (details),
   which optional services it needs (needs), the events it wants to hear
   about (trackers), and its instrumentation function.  A tool calls these
   from its pre_clo_init function, which the core finds through
   VG_DETERMINE_INTERFACE_VERSION. */
#ifndef __PUB_TOOL_TOOLIFACE_H
#define __PUB_TOOL_TOOLIFACE_H

#include "pub_tool_basics.h"
#include "libvex.h"

/* Bumped whenever the layout of this interface changes, so a tool built
   against another version is refused instead of misbehaving. */
#define VG_CORE_INTERFACE_VERSION 1

typedef struct {
   Int  interface_version;
   void (*tl_pre_clo_init)(void);
} ToolInfo;

extern const ToolInfo VG_(tool_info);

/* Every tool's main file says this once, naming its pre_clo_init. */
#define VG_DETERMINE_INTERFACE_VERSION(pre_clo_init_fn)            \
   const ToolInfo VG_(tool_info) = {                              \
      .interface_version = VG_CORE_INTERFACE_VERSION,             \
      .tl_pre_clo_init   = pre_clo_init_fn,                       \
   };

/* What the core knows about the superblock being instrumented. */
typedef struct {
   Addr     nraddr;   /* guest address the translation was asked for */
   Addr     readdr;   /* guest address the code was read from (redirection) */
   ThreadId tid;      /* thread that asked */
} VgCallbackClosure;

typedef IRSB* (*VgInstrumentFn)(VgCallbackClosure* closure, IRSB* sb_in,
                                const VexGuestLayout* layout,
                                const VexGuestExtents* vge,
                                const VexArchInfo* archinfo_host,
                                IRType gWordTy, IRType hWordTy);

/* ---------------------------------------------------------------------
   Basic functions: every tool supplies all three.
   --------------------------------------------------------------------- */
extern void VG_(basic_tool_funcs)(void (*post_clo_init)(void),
                                  VgInstrumentFn instrument,
                                  void (*fini)(Int exitcode));

/* ---------------------------------------------------------------------
   Details: shown in the start-up banner and in bug-report messages.
   --------------------------------------------------------------------- */
extern void VG_(details_name)(const HChar* name);
extern void VG_(details_version)(const HChar* version);
extern void VG_(details_description)(const HChar* description);
extern void VG_(details_copyright_author)(const HChar* copyright_author);
extern void VG_(details_bug_reports_to)(const HChar* bug_reports_to);
/* Average size of a translation, for sizing the translation table. */
extern void VG_(details_avg_translation_sizeB)(UInt size);

/* ---------------------------------------------------------------------
   Needs: optional services.  Each is off until the tool asks for it.
   --------------------------------------------------------------------- */

/* Tool-specific command-line options.  process_cmd_line_option returns
   False for an option it does not know (the core then reports it). */
extern void VG_(needs_command_line_options)(
   Bool (*process_cmd_line_option)(const HChar* arg),
   void (*print_usage)(void),
   void (*print_debug_usage)(void));

/* Client requests of valgrind.h addressed to this tool. arg[0] is the
   request code; *ret receives the result.  Returns False if not handled. */
extern void VG_(needs_client_requests)(
   Bool (*handle_client_request)(ThreadId tid, UWord* arg, UWord* ret));

/* Errors: the core's (e.g. bad syscall params) and/or the tool's own. */
typedef struct _Error Error;
typedef struct _Supp  Supp;
typedef enum { Vg_LowRes, Vg_MedRes, Vg_HighRes } VgRes;

extern void VG_(needs_core_errors)(void);
extern void VG_(needs_tool_errors)(
   Bool        (*eq_error)(VgRes res, const Error* e1, const Error* e2),
   void        (*before_pp_error)(const Error* err),
   void        (*pp_error)(const Error* err),
   Bool          show_thread_ids_for_errors,
   UInt        (*update_extra)(const Error* err),
   Bool        (*recognised_suppression)(const HChar* name, Supp* su),
   Bool        (*read_extra_suppression_info)(Int fd, HChar** buf,
                                              SizeT* nbuf, Int* lineno,
                                              Supp* su),
   Bool        (*error_matches_suppression)(const Error* err, const Supp* su),
   const HChar* (*get_error_name)(const Error* err),
   SizeT       (*print_extra_suppression_info)(const Error* err,
                                               HChar* buf, Int nbuf),
   SizeT       (*print_extra_suppression_use)(const Supp* su,
                                              HChar* buf, Int nbuf),
   void        (*update_extra_suppression_use)(const Error* err,
                                               const Supp* su));

/* Told when translations of guest code are thrown away. */
extern void VG_(needs_superblock_discards)(
   void (*discard_superblock_info)(Addr orig_addr, VexGuestExtents extents));

/* Called around every system call the client makes. */
extern void VG_(needs_syscall_wrapper)(
   void (*pre_syscall)(ThreadId tid, UInt syscallno,
                       UWord* args, UInt nargs),
   void (*post_syscall)(ThreadId tid, UInt syscallno,
                        UWord* args, UInt nargs, SysRes res));

/* Self-checks run at --sanity-level=2 (cheap) and 3 (expensive). */
extern void VG_(needs_sanity_checks)(Bool (*cheap_sanity_check)(void),
                                     Bool (*expensive_sanity_check)(void));

/* Extra statistics printed at exit with --stats=yes. */
extern void VG_(needs_print_stats)(void (*print_stats)(void));

/* The tool can describe an address (heap block, stack, global). */
extern void VG_(needs_info_location)(void (*info_location)(Addr a));

/* The tool's instrumented code, its helpers and every callback the core
   makes while threads run translated code (trackers, start/stop of
   client code) are safe to run in several threads at once.  Without this
   declaration the tool runs in exclusive mode (one thread at a time),
   whatever --parallel says (DESIGN.md section 4). */
extern void VG_(needs_parallel_execution)(void);

/* The tool wants variable-type debug info read. */
extern void VG_(needs_var_info)(void);

/* The tool can write its output as XML (--xml=yes). */
extern void VG_(needs_xml_output)(void);

/* A pass over the IR after all instrumentation and optimisation. */
extern void VG_(needs_final_IR_tidy_pass)(IRSB* (*final_tidy)(IRSB* sb));

/* The tool replaces the client's heap functions (its preload library
   redirects them to these, which run on the core's side). */
extern void VG_(needs_malloc_replacement)(
   void* (*malloc)             (ThreadId tid, SizeT n),
   void* (*builtin_new)        (ThreadId tid, SizeT n),
   void* (*builtin_vec_new)    (ThreadId tid, SizeT n),
   void* (*memalign)           (ThreadId tid, SizeT align, SizeT n),
   void* (*calloc)             (ThreadId tid, SizeT nmemb, SizeT size1),
   void  (*free)               (ThreadId tid, void* p),
   void  (*builtin_delete)     (ThreadId tid, void* p),
   void  (*builtin_vec_delete) (ThreadId tid, void* p),
   void* (*realloc)            (ThreadId tid, void* p, SizeT new_size),
   SizeT (*malloc_usable_size) (ThreadId tid, void* p),
   SizeT client_malloc_redzone_szB);

/* ---------------------------------------------------------------------
   Trackers: events of the client's life the tool may want to shadow.
   One X-macro list gives, for each event, the registration function
   VG_(track_<event>) and the core's table entry.
   --------------------------------------------------------------------- */

/* Which part of the core is reading or writing client memory. */
typedef enum {
   Vg_CoreStartup = 1,
   Vg_CoreSignal,
   Vg_CoreSysCall,
   Vg_CoreSysCallArgInMem,
   Vg_CoreTranslate,
   Vg_CoreClientReq
} CorePart;

#define VG_TOOL_TRACKERS(X)                                                 \
   /* memory coming into existence */                                       \
   X(new_mem_startup,   (Addr a, SizeT len, Bool rr, Bool ww, Bool xx,      \
                         ULong di_handle))                                  \
   X(new_mem_mmap,      (Addr a, SizeT len, Bool rr, Bool ww, Bool xx,      \
                         ULong di_handle))                                  \
   X(new_mem_brk,       (Addr a, SizeT len, ThreadId tid))                  \
   X(new_mem_stack,     (Addr a, SizeT len))                                \
   X(new_mem_stack_signal, (Addr a, SizeT len, ThreadId tid))               \
   X(change_mem_mprotect, (Addr a, SizeT len, Bool rr, Bool ww, Bool xx))   \
   X(copy_mem_remap,    (Addr from, Addr to, SizeT len))                    \
   /* memory going away */                                                  \
   X(die_mem_stack,     (Addr a, SizeT len))                                \
   X(die_mem_stack_signal, (Addr a, SizeT len))                             \
   X(die_mem_brk,       (Addr a, SizeT len))                                \
   X(die_mem_munmap,    (Addr a, SizeT len))                                \
   X(ban_mem_stack,     (Addr a, SizeT len))                                \
   /* the core reading and writing client memory and registers */          \
   X(pre_mem_read,      (CorePart part, ThreadId tid, const HChar* what,    \
                         Addr a, SizeT size))                               \
   X(pre_mem_read_asciiz, (CorePart part, ThreadId tid, const HChar* what,  \
                         Addr a))                                           \
   X(pre_mem_write,     (CorePart part, ThreadId tid, const HChar* what,    \
                         Addr a, SizeT size))                               \
   X(post_mem_write,    (CorePart part, ThreadId tid, Addr a, SizeT size))  \
   X(pre_reg_read,      (CorePart part, ThreadId tid, const HChar* what,    \
                         PtrdiffT guest_state_offset, SizeT size))          \
   X(post_reg_write,    (CorePart part, ThreadId tid,                       \
                         PtrdiffT guest_state_offset, SizeT size))          \
   /* threads and signals */                                                \
   X(start_client_code, (ThreadId tid, ULong blocks_done))                  \
   X(stop_client_code,  (ThreadId tid, ULong blocks_done))                  \
   X(pre_thread_ll_create, (ThreadId parent, ThreadId child))               \
   X(pre_thread_first_insn, (ThreadId tid))                                 \
   X(pre_thread_ll_exit, (ThreadId tid))                                    \
   X(pre_deliver_signal, (ThreadId tid, Int sigNo, Bool alt_stack))         \
   X(post_deliver_signal, (ThreadId tid, Int sigNo))

#define VG_DECLARE_TRACKER(event, params) \
   extern void VG_(track_##event)(void (*fn) params);
VG_TOOL_TRACKERS(VG_DECLARE_TRACKER)
#undef VG_DECLARE_TRACKER

#endif
