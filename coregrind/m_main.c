/* Start-up: from the kernel's initial stack to a configured core with its
   tool initialised, options processed and the log sink set up. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_syscall.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcsignal.h"
#include "pub_core_libcassert.h"
#include "pub_core_mallocfree.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_debuginfo.h"
#include "pub_core_options.h"
#include "pub_core_tooliface.h"
#include "pub_core_main.h"
#include "pub_core_initimg.h"
#include "pub_core_threadstate.h"
#include "pub_core_translate.h"
#include "pub_core_transtab.h"
#include "pub_core_sbprofile.h"
#include "pub_core_scheduler.h"
#include "pub_core_syswrap.h"
#include "pub_core_signals.h"

/* ------------------------------------------------------------------ */
/* Usage                                                               */
/* ------------------------------------------------------------------ */

static void print_usage_and_exit(Bool debug_too)
{
   VG_(printf)(
"usage: valgrind [options] prog-and-args\n"
"\n"
"  tool-selection option, with default in [ ]:\n"
"    --tool=<name>             use the Valgrind tool named <name> [memcheck]\n"
"                              (none, memcheck, helgrind, cachegrind)\n"
"\n"
"  basic user options for all Valgrind tools, with defaults in [ ]:\n"
"    -h --help                 show this message\n"
"    --help-debug              show this message, plus debugging options\n"
"    --version                 show version\n"
"    -q --quiet                run silently; only print error msgs\n"
"    -v --verbose              be more verbose -- show misc extra info\n"
"    --trace-children=no|yes   Valgrind-ise child processes (follow execve)? [no]\n"
"    --time-stamp=no|yes       add timestamps to log messages? [no]\n"
"    --log-fd=<number>         log messages to file descriptor [2=stderr]\n"
"    --log-file=<file>         log messages to <file>; %%p in <file> becomes\n"
"                              the process id, %%q{VAR} the value of $VAR,\n"
"                              %%n a sequence number, %%%% a '%%'\n"
"\n"
"  uncommon user options for all Valgrind tools:\n");
   VG_(translate_print_usage)(False);
   VG_(printf)("\n");
   VG_(printf)("  user options for %s:\n", VG_(details).name);
   if (VG_(needs).command_line_options && VG_(tdict).tool_print_usage)
      VG_(tdict).tool_print_usage();
   else
      VG_(printf)("    (none)\n");
   VG_(printf)("\n");
   if (debug_too) {
      VG_(printf)(
"  debugging options for all Valgrind tools:\n"
"    -d                        show debugging output of the launcher and of\n"
"                              the core's start-up (repeat for more)\n"
"    --stats=no|yes            show tool and core statistics [no]\n"
"    --sanity-level=<number>   level of sanity checking to do [1]\n"
"                              (2 and above: check the core's heap on every\n"
"                              allocation and release)\n"
"    --trace-syscalls=no|yes   show all system calls? [no]\n"
"    --trace-signals=no|yes    show signal handling details? [no]\n");
      VG_(translate_print_usage)(True);
      VG_(sbprofile_print_usage)();
      VG_(scheduler_print_usage)(True);
      VG_(printf)("\n");
      VG_(translate_print_vex_usage)();
      VG_(printf)("\n");
      VG_(printf)("  debugging options for %s:\n", VG_(details).name);
      if (VG_(needs).command_line_options && VG_(tdict).tool_print_debug_usage)
         VG_(tdict).tool_print_debug_usage();
      else
         VG_(printf)("    (none)\n");
      VG_(printf)("\n");
   }
   VG_(printf)(
"  Extra options read from ~/.valgrindrc, $VALGRIND_OPTS, ./.valgrindrc\n"
"\n"
"  %s is %s\n"
"\n"
"  Bug reports, feedback, etc, to: %s\n",
      VG_(details).name, VG_(details).copyright_author,
      VG_(details).bug_reports_to ? VG_(details).bug_reports_to
                                  : PACKAGE_BUGREPORT);
   VG_(exit)(0);
}

/* ------------------------------------------------------------------ */
/* Option processing                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
   Bool help;
   Bool help_debug;
   Bool version;
} EarlyRequests;

/* "--<tool>:<option>" applies to that tool only.  Returns the option to
   process (the prefix removed), or NULL when it is another tool's. */
static const HChar* strip_tool_prefix(const HChar* arg)
{
   if (arg[0] != '-' || arg[1] != '-')
      return arg;
   const HChar* colon = VG_(strchr)(arg, ':');
   const HChar* equals = VG_(strchr)(arg, '=');
   if (colon == NULL || (equals && equals < colon))
      return arg;
   SizeT prefix_len = (SizeT)(colon - (arg + 2));
   const HChar* tool = VG_(clo_toolname);
   if (VG_(strlen)(tool) != prefix_len
       || VG_(strncasecmp)(arg + 2, tool, prefix_len) != 0)
      return NULL;
   /* "--memcheck:leak-check=yes" -> "--leak-check=yes": reuse the two
      characters before the option name as its dashes. */
   HChar* stripped = VG_(malloc)("main.strip_tool_prefix",
                                 VG_(strlen)(colon) + 2);
   VG_(snprintf)(stripped, VG_(strlen)(colon) + 2, "--%s", colon + 1);
   return stripped;
}

/* --stats=yes: statistics of the core and the tool at exit. */
static Bool clo_stats = False;

static void process_one_option(const HChar* arg, EarlyRequests* req)
{
   Long sanity = VG_(clo_sanity_level);
   const HChar* chosen_tool;
   const HChar* tool_arg = strip_tool_prefix(arg);
   if (tool_arg == NULL)
      return;
   arg = tool_arg;

   if      (VG_(xact_clo)(arg, "-h") || VG_(xact_clo)(arg, "--help"))
      req->help = True;
   else if (VG_(xact_clo)(arg, "--help-debug"))
      req->help_debug = True;
   else if (VG_(xact_clo)(arg, "--version"))
      req->version = True;
   else if (VG_(xact_clo)(arg, "-d"))
      ;  /* counted by set_debug_level_from_argv() */
   else if (VG_(xact_clo)(arg, "-q") || VG_(xact_clo)(arg, "--quiet"))
      VG_(clo_verbosity) = 0;
   else if (VG_(xact_clo)(arg, "-v") || VG_(xact_clo)(arg, "--verbose"))
      VG_(clo_verbosity)++;
   else if (VG_(str_clo)(arg, "--tool", &chosen_tool))
      ;  /* found by find_tool_name() */
   else if (VG_BOOL_CLO(arg, "--trace-syscalls", VG_(clo_trace_syscalls)))
      ;
   else if (VG_BOOL_CLO(arg, "--trace-signals", VG_(clo_trace_signals)))
      ;
   else if (VG_BOOL_CLO(arg, "--trace-children", VG_(clo_trace_children)))
      ;
   else if (VG_BOOL_CLO(arg, "--time-stamp", VG_(clo_time_stamp)))
      ;
   else if (VG_INT_CLO(arg, "--log-fd", VG_(clo_log_fd))) {
      VG_(clo_log_fname_unexpanded) = NULL;
   }
   else if (VG_STR_CLO(arg, "--log-file", VG_(clo_log_fname_unexpanded)))
      ;
   else if (VG_(bint_clo)(arg, "--sanity-level", &sanity, 0, 4))
      VG_(clo_sanity_level) = (Int)sanity;
   else if (VG_BOOL_CLO(arg, "--stats", clo_stats))
      ;
   else if (VG_(translate_process_cmd_line_option)(arg)
            || VG_(sbprofile_process_cmd_line_option)(arg)
            || VG_(scheduler_process_cmd_line_option)(arg))
      ;
   else if (VG_(needs).command_line_options
            && VG_(tdict).tool_process_cmd_line_option(arg))
      ;
   else
      VG_(fmsg_unknown_option)(arg);
}

/* The launcher chose this executable by the last --tool= on the command
   line; the core needs the same name for "--<tool>:" prefixes. */
static void find_tool_name(void)
{
   Word n = VG_(sizeXA)(VG_(args_for_valgrind));
   for (Word i = n - VG_(args_for_valgrind_from_cmdline); i < n; i++) {
      const HChar* arg = *(HChar**)VG_(indexXA)(VG_(args_for_valgrind), i);
      VG_(str_clo)(arg, "--tool", &VG_(clo_toolname));
   }
}

static void process_cmd_line_options(void)
{
   EarlyRequests req = { False, False, False };
   find_tool_name();
   for (Word i = 0; i < VG_(sizeXA)(VG_(args_for_valgrind)); i++) {
      const HChar* arg = *(HChar**)VG_(indexXA)(VG_(args_for_valgrind), i);
      process_one_option(arg, &req);
   }
   /* --help and --version answer on stdout, so `valgrind --help | less`
      works, as with Valgrind. */
   if (req.version || req.help || req.help_debug)
      VG_(log_output_sink).fd = 1;
   if (req.version) {
      VG_(printf)("valgrind-%s\n", PACKAGE_VERSION);
      VG_(exit)(0);
   }
   if (req.help || req.help_debug)
      print_usage_and_exit(req.help_debug);
   if (VG_(args_the_exename) == NULL) {
      VG_(fmsg)("no program specified\n");
      VG_(fmsg)("Use --help for more information.\n");
      VG_(exit)(1);
   }
}

/* ------------------------------------------------------------------ */
/* The log sink                                                        */
/* ------------------------------------------------------------------ */

static void set_up_log_sink(void)
{
   Int fd;
   if (VG_(clo_log_fname_unexpanded)) {
      HChar* name = VG_(expand_file_name)("--log-file",
                                          VG_(clo_log_fname_unexpanded));
      SysRes sr = VG_(open)(name, VKI_O_CREAT | VKI_O_WRONLY | VKI_O_TRUNC,
                            VKI_S_IRUSR | VKI_S_IWUSR);
      if (sr_isError(sr)) {
         VG_(fmsg)("Cannot create log file '%s': %s\n", name,
                   VG_(strerror)(sr_Err(sr)));
         VG_(exit)(1);
      }
      /* Move the descriptor out of the client's way. */
      fd = (Int)sr_Res(sr);
      Int safe = VG_(safe_fd)(fd);
      if (safe >= 0)
         fd = safe;
   } else {
      fd = VG_(clo_log_fd);
      /* An fd the process doesn't have would swallow every message. */
      if (fd < 0 || VG_(fcntl)(fd, VKI_F_GETFD, 0) < 0) {
         VG_(umsg)("Warning: invalid file descriptor %d in --log-fd, "
                   "using stderr\n", fd);
         fd = 2;
      }
      /* Write through a private copy, out of the client's way; the
         client keeps its own descriptor. */
      Int copy = VG_(safe_dup)(fd);
      if (copy >= 0)
         fd = copy;
   }
   VG_(log_output_sink).fd = fd;
}

/* ------------------------------------------------------------------ */
/* The banner                                                          */
/* ------------------------------------------------------------------ */

static void print_preamble(void)
{
   if (VG_(clo_verbosity) < 1)
      return;
   VG_(umsg)("%s, %s\n", VG_(details).name, VG_(details).description);
   VG_(umsg)("%s\n", VG_(details).copyright_author);
   VG_(umsg)("Using valgrind-%s; rerun with -h for copyright info\n",
             PACKAGE_VERSION);
   VG_(umsg)("Command: %s", VG_(args_the_exename));
   for (Word i = 0; i < VG_(sizeXA)(VG_(args_for_client)); i++)
      VG_(printf)(" %s", *(HChar**)VG_(indexXA)(VG_(args_for_client), i));
   VG_(printf)("\n");
   VG_(umsg)("\n");
   if (VG_(clo_verbosity) > 1) {
      VG_(dmsg)("Valgrind options:\n");
      for (Word i = 0; i < VG_(sizeXA)(VG_(args_for_valgrind)); i++)
         VG_(dmsg)("   %s\n",
                   *(HChar**)VG_(indexXA)(VG_(args_for_valgrind), i));
   }
}

/* ------------------------------------------------------------------ */
/* Start-up                                                            */
/* ------------------------------------------------------------------ */

/* -d must act before anything else, so it is looked for on the command
   line first (as the launcher does). */
static void set_debug_level_from_argv(Int argc, HChar** argv)
{
   for (Int i = 1; i < argc && argv[i][0] == '-'; i++) {
      if (VG_(strcmp)(argv[i], "--") == 0)
         break;
      if (VG_(strcmp)(argv[i], "-d") == 0)
         VG_(debugLog_level)++;
   }
}

/* --stats=yes (or -v -v -v -v): the core's counters and the tool's own
   statistics, as debug messages (each line is described in
   docs/options.md). */
static void print_all_stats(void)
{
   VgSchedStats ss;
   VG_(sched_get_stats)(&ss);
   VG_(dmsg)("\n");
   VG_(print_tt_tc_stats)();
   VG_(dmsg)("scheduler: %'llu event checks, %'llu timeslices\n",
             ss.bbs_done, ss.n_timeslices);
   VG_(dmsg)("scheduler: big lock: %'llu exclusive acquisitions, %'llu "
             "upgrades from shared\n", ss.n_exclusive, ss.n_upgrades);
   VG_(dmsg)("  threads: %u run (threads run %s)\n", ss.n_threads,
             VG_(sched_is_parallel)() ? "in parallel" : "one at a time");
   VG_(print_all_arena_stats)();
   if (VG_(needs).print_stats)
      VG_(tdict).tool_print_stats();
}

/* The end of the run: the tool's summary, the statistics and the SB
   profile when asked for, then the client's exit status (or death by
   its fatal signal) becomes ours. */
void VG_(shutdown_actions_NORETURN)(ThreadId tid, VgSchedReturnCode why)
{
   const ThreadState* tst = VG_(get_ThreadState)(tid);
   Int exitcode = why == VgSrc_FatalSig ? 0 : tst->os_state.exitcode;
   if (VG_(clo_verbosity) > 0)
      VG_(umsg)("\n");
   VG_(tdict).tool_fini(exitcode);
   if (clo_stats || VG_(clo_verbosity) > 3)
      print_all_stats();
   VG_(sbprofile_at_exit)(tid);
   if (why == VgSrc_FatalSig) {
      /* No core file of the core itself. */
      struct vki_rlimit zero = { 0, 0 };
      VG_(setrlimit)(VKI_RLIMIT_CORE, &zero);
      VG_(kill_self)(tst->os_state.fatalsig);
      VG_(exit)(128 + tst->os_state.fatalsig);
   }
   VG_(exit)(exitcode);
}

/* The core's descriptors live at the top of the descriptor table, out of
   the client's sight: raise the soft limit to the hard one (within
   reason), keep the top VG_N_RESERVED_FDS for the core, and show the
   client its original soft limit (never more than what is left). */
#define VG_N_RESERVED_FDS 12
static void set_up_fd_limits(void)
{
   struct vki_rlimit rl;
   if (VG_(getrlimit)(VKI_RLIMIT_NOFILE, &rl) < 0) {
      rl.rlim_cur = 1024;
      rl.rlim_max = 1024;
   }
   ULong original_soft = rl.rlim_cur;
   ULong wanted = rl.rlim_max < 65536 ? rl.rlim_max : 65536;
   if (wanted > rl.rlim_cur) {
      struct vki_rlimit raised = { wanted, rl.rlim_max };
      if (VG_(setrlimit)(VKI_RLIMIT_NOFILE, &raised) == 0)
         rl.rlim_cur = wanted;
   }
   VG_(fd_hard_limit) = (Int)rl.rlim_cur - VG_N_RESERVED_FDS;
   VG_(fd_soft_limit) = original_soft < (ULong)VG_(fd_hard_limit)
                           ? (Int)original_soft : VG_(fd_hard_limit);
}

/* /proc/self/exe must name the client, not the tool: the syscall
   wrappers redirect it to this descriptor. */
static void open_client_exe(const HChar* path)
{
   SysRes sr = VG_(open)(path, VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return;
   Int fd = VG_(safe_fd)((Int)sr_Res(sr));
   if (fd >= 0)
      VG_(cl_exec_fd) = fd;
}

static void valgrind_main(UWord* initial_sp, Int argc, HChar** argv,
                          HChar** envp) NORETURN;
static void valgrind_main(UWord* initial_sp, Int argc, HChar** argv,
                          HChar** envp)
{
   /* Before anything may ask which thread runs: none yet. */
   VG_(set_running_tid)(VG_INVALID_THREADID);
   VG_(core_envp) = envp;
   VG_(set_core_auxv_from_envp)(envp);
   /* Time zero for --time-stamp=yes. */
   (void)VG_(read_millisecond_timer)();
   set_debug_level_from_argv(argc, argv);
   VG_(debugLog)(1, "main", "Welcome to valgrind-%s (%s) debug logging\n",
                 PACKAGE_VERSION, VG_PLATFORM);

   /* Before anything allocates: the address-space map, from which the
      allocator takes its memory and the client its place. */
   set_up_fd_limits();
   VG_(debugLog)(1, "main", "Starting the address space manager\n");
   Addr clstack_end = VG_(am_startup)((Addr)initial_sp);

   /* The tool registers itself first: its option parser is needed to
      process the options. */
   VG_(debugLog)(1, "main", "Initialising the tool\n");
   VG_(init_tool)();
   VG_(debugLog)(1, "main", "Gathering options\n");
   VG_(split_up_argv)(argc, argv);
   VG_(debugLog)(1, "main", "Processing %ld options\n",
                 VG_(sizeXA)(VG_(args_for_valgrind)));
   process_cmd_line_options();
   set_up_log_sink();
   VG_(debugLog)(1, "main", "Log messages go to fd %d\n",
                 VG_(log_output_sink).fd);
   VG_(tdict).tool_post_clo_init();
   print_preamble();

   if (VG_(tdict).tool_instrument == NULL) {
      VG_(fmsg)("the %s tool cannot run programs yet: it is not "
                "implemented\n", VG_(details).name);
      VG_(exit)(1);
   }
   /* Load the client and build its initial image, so that a client
      that cannot run says so now. */
   IICreateImageInfo iicii = {
      .exename = VG_(args_the_exename),
      .args    = VG_(args_for_client),
      .envp    = envp,
      .clstack_end = clstack_end,
      /* As Valgrind on amd64: the client gets no vDSO (the core's is not
         client code, so it cannot be translated); glibc then makes the
         real system calls. */
      .hide_vdso = True,
   };
   IIFinaliseImageInfo iifii = VG_(ii_create_image)(&iicii);
   if (VG_(tdict).track_new_mem_startup)
      VG_(ii_report_startup_mem)(&iifii, VG_(tdict).track_new_mem_startup);
   VG_(setup_client_dataseg)(iifii.brk_base);
   open_client_exe(iifii.exe_path);
   VG_(di_initialise)();   /* the symbols of what the loader mapped */

   /* Run the client: thread 1 starts at the image's first instruction
      and runs until the process exits or is killed. */
   VG_(debugLog)(1, "main", "Starting the translator\n");
   VG_(translate_init)();
   VG_(debugLog)(1, "main", "Running thread 1\n");
   ThreadId tid = VG_(scheduler_init_phase1)();
   VG_(scheduler_init_phase2)(tid, &iifii);
   /* The client's signal state (inherited mask and ignored signals) and
      the core's handlers. */
   VG_(sigstartup_actions)(tid);
   VG_(run_thread_to_end_NORETURN)(tid);
}

void VG_(start_in_C)(UWord* initial_sp)
{
   Int     argc = (Int)initial_sp[0];
   HChar** argv = (HChar**)&initial_sp[1];
   HChar** envp = argv + argc + 1;
   valgrind_main(initial_sp, argc, argv, envp);
}
