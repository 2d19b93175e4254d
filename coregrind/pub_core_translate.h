/* Translating guest code (module m_translate): checks that the code may
   be translated, runs VEX (LibVEX_Translate) with the tool's
   instrumentation, and puts the result in the translation table.  Also
   the options that steer translation (--trace-flags, --trace-notbelow,
   --trace-notabove, --smc-check, --num-transtab-sectors, and the
   --vex-* and --px-* options, which go to LibVEX_Init and
   VexTranslateArgs).

   Threads: VEX is not reentrant, so one translation is made at a time
   (a lock of this module's own); other threads keep running translated
   code meanwhile.  The big lock is not needed. */
#ifndef __PUB_CORE_TRANSLATE_H
#define __PUB_CORE_TRANSLATE_H

#include "pub_core_basics.h"
#include "libvex.h"

/* --trace-flags=XXXXXXXX as VEX_TRACE_* bits (the leftmost digit is
   VEX_TRACE_FE), for the translations numbered (counting from 0) from
   --trace-notbelow to --trace-notabove. */
extern Int  VG_(clo_trace_flags);
extern Long VG_(clo_trace_notbelow);
extern Long VG_(clo_trace_notabove);

/* Matches "OPTION=XXXXXXXX" (--trace-flags, --profile-flags): exactly
   eight binary digits, leftmost = VEX_TRACE_FE, into *VALUE; anything
   else after the '=' is a bad option with Valgrind's messages. */
extern Bool VG_(trace_flags_clo)(const HChar* arg, const HChar* option,
                                 Int* value);

/* --smc-check: which translations check that their guest code has not
   changed since they were made. */
typedef enum {
   Vg_SmcNone,        /* none */
   Vg_SmcStack,       /* code in the stack [the default] */
   Vg_SmcAll,         /* all */
   Vg_SmcAllNonFile   /* all but code from file mappings */
} VgSmc;
extern VgSmc VG_(clo_smc_check);

/* --num-transtab-sectors=<1..VG_TT_MAX_SECTORS> [32]. */
extern Int VG_(clo_num_transtab_sectors);

/* Recognises the options above (the core's option parser calls it);
   False when ARG is none of them.  A bad value is a fatal "Bad option"
   with Valgrind's messages. */
extern Bool VG_(translate_process_cmd_line_option)(const HChar* arg);

/* Their lines of --help (PRINT_DEBUG: the --help-debug ones). */
extern void VG_(translate_print_usage)(Bool print_debug);

/* The "Vex options" part of --help-debug: the --vex-* and --px-*
   options (parsed by VG_(translate_process_cmd_line_option) too, and
   given to VEX) and what each --trace-flags digit shows. */
extern void VG_(translate_print_vex_usage)(void);

/* Initialises VEX and the translation table (after option processing
   and the tool's post_clo_init). */
extern void VG_(translate_init)(void);

/* Translates the superblock at ADDR for thread TID (which must be
   running it) and adds it to the table.  DEBUGGING_TRANSLATION:
   translate only, to show it with trace flags DEBUGGING_VERBOSITY
   (nothing is added).  BBS_DONE: the thread's blocks run so far, for
   the trace heading.  ALLOW_REDIRECTION: whether function redirection
   applies (no redirector yet: ignored).  Returns False when there is no
   code to translate at ADDR: not the client's executable memory (the
   caller delivers the fault). */
extern Bool VG_(translate)(ThreadId tid, Addr addr,
                           Bool debugging_translation,
                           Int debugging_verbosity, ULong bbs_done,
                           Bool allow_redirection);

/* The translations made so far. */
extern UInt VG_(get_bbs_translated)(void);

/* The --smc-check policy: which of VGE's extents (bit i for extent i)
   the translation of code at VGE, made for thread TID, must check for
   modification.  none: none; all: every extent; stack: the extents in
   the segment holding TID's stack pointer; all-non-file: the extents
   not entirely inside client file mappings.  VG_(translate) makes the
   chosen extents check, at every run of the translation, that their
   bytes are still those translated (an instrumentation pass of the
   core's after the tool's; a mismatch discards them and translates
   again). */
extern UInt VG_(needs_self_check)(ThreadId tid, const VexGuestExtents* vge);

#endif
