/* Translating guest code: the options that steer it, VEX's set-up, the
   description of the emulated and the host CPU, the --smc-check policy,
   and VG_(translate) itself (see pub_core_translate.h). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_options.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_debuginfo.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_lock.h"
#include "pub_core_dispatch.h"
#include "pub_core_transtab.h"
#include "pub_core_scheduler.h"
#include "pub_core_sbprofile.h"
#include "pub_core_translate.h"

#if defined(VGA_amd64)
#  define VG_VEXARCH VexArchAMD64
#  define OFFB_CMSTART ((Int)__builtin_offsetof(VexGuestAMD64State, guest_CMSTART))
#  define OFFB_CMLEN   ((Int)__builtin_offsetof(VexGuestAMD64State, guest_CMLEN))
#  define OFFB_IP      ((Int)__builtin_offsetof(VexGuestAMD64State, guest_RIP))
#else
#  error "m_translate: architecture not supported yet"
#endif

/* ------------------------------------------------------------------ */
/* Options                                                              */

Int   VG_(clo_trace_flags)   = 0;
Long  VG_(clo_trace_notbelow) = -1;   /* -1: not given */
Long  VG_(clo_trace_notabove) = -1;
VgSmc VG_(clo_smc_check)     = Vg_SmcAllNonFile;  /* Valgrind's amd64 default */
Int   VG_(clo_num_transtab_sectors) = 32;

/* The --vex-* options fill the VexControl given to LibVEX_Init.  It
   starts from VEX's defaults, taken on first use (option processing,
   else VG_(translate_init)). */
static VexControl vex_clo;
static Bool       vex_clo_has_defaults = False;

static VexControl* vex_options(void)
{
   if (!vex_clo_has_defaults) {
      LibVEX_default_VexControl(&vex_clo);
      vex_clo_has_defaults = True;
   }
   return &vex_clo;
}

/* --px-file-backed: how much of the guest state is up to date where
   code from file mappings can fault; VexRegUpd_INVALID: as for other
   code (vex_clo.iropt_register_updates_default, --px-default). */
static VexRegisterUpdates clo_px_file_backed = VexRegUpd_INVALID;

/* The precise-exception modes' names, in VexRegisterUpdates order. */
static const HChar* const px_mode_names[] = {
   "sp-at-mem-access", "unwindregs-at-mem-access",
   "allregs-at-mem-access", "allregs-at-each-insn"
};
#define N_PX_MODES ((Int)(sizeof px_mode_names / sizeof px_mode_names[0]))

/* "OPTION=<mode>": the mode goes to *PX; an unknown mode is a bad
   option, with Valgrind's message. */
static Bool px_mode_clo(const HChar* arg, const HChar* option,
                        VexRegisterUpdates* px)
{
   const HChar* name;
   if (!VG_(str_clo)(arg, option, &name))
      return False;
   for (Int i = 0; i < N_PX_MODES; i++) {
      if (VG_(strcmp)(name, px_mode_names[i]) == 0) {
         *px = (VexRegisterUpdates)(VexRegUpdSpAtMemAccess + i);
         return True;
      }
   }
   VG_(fmsg_bad_option)(arg, "Invalid string '%s' in '%s'\n", name, arg);
}

Bool VG_(trace_flags_clo)(const HChar* arg, const HChar* option,
                         Int* value)
{
   const HChar* digits;
   if (!VG_(str_clo)(arg, option, &digits))
      return False;
   if (VG_(strlen)(digits) != 8)
      VG_(fmsg_bad_option)(arg, "%s argument must have 8 digits\n",
                           option);
   Int flags = 0;
   for (Int i = 0; i < 8; i++) {
      if (digits[i] != '0' && digits[i] != '1')
         VG_(fmsg_bad_option)(arg, "%s argument can only contain 0s "
                              "and 1s\n", option);
      flags = (flags << 1) | (digits[i] - '0');
   }
   *value = flags;
   return True;
}

/* Valgrind 3.19's --vex-* options and the --px-* synonyms, with its
   ranges and messages. */
static Bool vex_clo_option(const HChar* arg)
{
   VexControl* vcon = vex_options();
   if (VG_BINT_CLO(arg, "--vex-iropt-verbosity", vcon->iropt_verbosity,
                   0, 10)
       || VG_BINT_CLO(arg, "--vex-iropt-level", vcon->iropt_level, 0, 2)
       || VG_BINT_CLO(arg, "--vex-iropt-unroll-thresh",
                      vcon->iropt_unroll_thresh, 0, 400)
       || VG_BINT_CLO(arg, "--vex-guest-max-insns", vcon->guest_max_insns,
                      1, 100)
       || VG_BOOL_CLO(arg, "--vex-guest-chase", vcon->guest_chase)
       || px_mode_clo(arg, "--vex-iropt-register-updates",
                      &vcon->iropt_register_updates_default)
       || px_mode_clo(arg, "--px-default",
                      &vcon->iropt_register_updates_default)
       || px_mode_clo(arg, "--px-file-backed", &clo_px_file_backed))
      return True;
   /* Valgrind has two register allocators, 2 (the old one) and 3 (the
      default); we have one, the default's counterpart, so 2 cannot be
      honoured. */
   Long regalloc;
   if (VG_(bint_clo)(arg, "--vex-regalloc-version", &regalloc, 2, 3)) {
      if (regalloc != 3)
         VG_(fmsg_bad_option)(arg, "only version 3 of the register "
                              "allocator is available\n");
      return True;
   }
   if (VG_(xact_clo)(arg, "--vex-iropt-precise-memory-exns=yes")
       || VG_(xact_clo)(arg, "--vex-iropt-precise-memory-exns=no"))
      VG_(fmsg_bad_option)(arg,
         "--vex-iropt-precise-memory-exns is obsolete\n"
         "Use --vex-iropt-register-updates=allregs-at-mem-access instead\n"
         " (or --vex-iropt-register-updates=allregs-at-each-insn)\n");
   return False;
}

Bool VG_(translate_process_cmd_line_option)(const HChar* arg)
{
   if (VG_(trace_flags_clo)(arg, "--trace-flags", &VG_(clo_trace_flags)))
      return True;
   if (VG_BINT_CLO(arg, "--trace-notbelow", VG_(clo_trace_notbelow),
                   0, 2147483647))
      return True;
   if (VG_BINT_CLO(arg, "--trace-notabove", VG_(clo_trace_notabove),
                   0, 2147483647))
      return True;
   /* Anything else after --smc-check= is an unknown option, as in
      Valgrind. */
   if (VG_XACT_CLO(arg, "--smc-check=none", VG_(clo_smc_check), Vg_SmcNone)
       || VG_XACT_CLO(arg, "--smc-check=stack", VG_(clo_smc_check),
                      Vg_SmcStack)
       || VG_XACT_CLO(arg, "--smc-check=all", VG_(clo_smc_check), Vg_SmcAll)
       || VG_XACT_CLO(arg, "--smc-check=all-non-file", VG_(clo_smc_check),
                      Vg_SmcAllNonFile))
      return True;
   if (VG_BINT_CLO(arg, "--num-transtab-sectors",
                   VG_(clo_num_transtab_sectors), 1, VG_TT_MAX_SECTORS))
      return True;
   return vex_clo_option(arg);
}

void VG_(translate_print_usage)(Bool print_debug)
{
   if (!print_debug) {
      VG_(printf)(
"    --smc-check=none|stack|all|all-non-file [all-non-file]\n"
"                              checks for self-modifying code: none, only for\n"
"                              code found in stacks, for all code, or for all\n"
"                              code except that from file-backed mappings\n"
"    --num-transtab-sectors=<number> size of translated code cache [32]\n"
"           more sectors may increase performance, but use more memory.\n");
      return;
   }
   VG_(printf)(
"    --trace-flags=<XXXXXXXX>   show generated code? (X = 0|1) [00000000]\n"
"    --trace-notbelow=<number> only show BBs above <number> [999999999]\n"
"    --trace-notabove=<number> only show BBs below <number> [0]\n");
}

void VG_(translate_print_vex_usage)(void)
{
   VexControl def;
   LibVEX_default_VexControl(&def);
   VG_(printf)(
"  Vex options for all Valgrind tools:\n"
"    --vex-iropt-verbosity=<0..10>          [%d]\n"
"    --vex-iropt-level=<0..2>               [%d]\n"
"    --vex-iropt-unroll-thresh=<0..400>     [%d]\n"
"    --vex-guest-max-insns=<1..100>         [%d]\n"
"    --vex-guest-chase=no|yes               [%s]\n"
"    Precise exceptions: the guest registers that are up to date at every\n"
"      memory access, by 'mode':\n"
"         sp-at-mem-access          the stack pointer\n"
"         unwindregs-at-mem-access  the registers that unwind the stack\n"
"         allregs-at-mem-access     all of them\n"
"         allregs-at-each-insn      all of them, and at every instruction\n"
"      --vex-iropt-register-updates=mode   for all code [%s]\n"
"      --px-default=mode      the same as --vex-iropt-register-updates\n"
"      --px-file-backed=mode  for code from file mappings [as px-default]\n"
"    What each digit of --trace-flags and --profile-flags shows (type no\n"
"    middle space):\n"
"         1000 0000   each guest instruction and its IR (front end)\n"
"         0100 0000   the IR after the first optimisation\n"
"         0010 0000   the IR after the tool's instrumentation\n"
"         0001 0000   the IR after the second optimisation\n"
"         0000 1000   the IR after tree building\n"
"         0000 0100   instruction selection: each IR statement, then the\n"
"                     host code (on virtual registers) it became\n"
"         0000 0010   the host code after register allocation\n"
"         0000 0001   the final host code, with its bytes\n"
"         0000 0000   (--profile-flags) the profile alone\n"
"        (only the translations chosen with --trace-notbelow and/or\n"
"         --trace-notabove are traced)\n"
"    --vex-regalloc-version=3               [3] (2 is not available)\n",
      def.iropt_verbosity, def.iropt_level, def.iropt_unroll_thresh,
      def.guest_max_insns, def.guest_chase ? "yes" : "no",
      px_mode_names[def.iropt_register_updates_default
                    - VexRegUpdSpAtMemAccess]);
}

/* ------------------------------------------------------------------ */
/* The CPUs                                                             */

#if defined(VGA_amd64)
static void host_cpuid(UInt leaf, UInt* a, UInt* b, UInt* c, UInt* d)
{
   __asm__ __volatile__("cpuid"
                        : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
                        : "a"(leaf), "c"(0));
}

/* The host's features that the amd64 instruction selector can use. */
static UInt host_hwcaps(void)
{
   UInt a, b, c, d, caps = 0;
   host_cpuid(0, &a, &b, &c, &d);
   if (a >= 1) {
      host_cpuid(1, &a, &b, &c, &d);
      if (c & (1u << 0))  caps |= VEX_HWCAPS_AMD64_SSE3;
      if (c & (1u << 9))  caps |= VEX_HWCAPS_AMD64_SSSE3;
      if (c & (1u << 13)) caps |= VEX_HWCAPS_AMD64_CX16;
      if (c & (1u << 19)) caps |= VEX_HWCAPS_AMD64_SSE41;
      if (c & (1u << 20)) caps |= VEX_HWCAPS_AMD64_SSE42;
      if (c & (1u << 23)) caps |= VEX_HWCAPS_AMD64_POPCNT;
   }
   host_cpuid(0x80000000, &a, &b, &c, &d);
   if (a >= 0x80000001) {
      host_cpuid(0x80000001, &a, &b, &c, &d);
      if (c & (1u << 5))  caps |= VEX_HWCAPS_AMD64_LZCNT;
   }
   return caps;
}

/* The emulated CPU: x86-64-v2, exactly what the front end's CPUID
   reports (SSE3, SSSE3, CX16, SSE4.1, SSE4.2, POPCNT; no LZCNT, no
   AVX). */
static const UInt guest_hwcaps =
   VEX_HWCAPS_AMD64_SSE3 | VEX_HWCAPS_AMD64_SSSE3 | VEX_HWCAPS_AMD64_CX16
   | VEX_HWCAPS_AMD64_SSE41 | VEX_HWCAPS_AMD64_SSE42
   | VEX_HWCAPS_AMD64_POPCNT;
#endif

static VexArchInfo archinfo_guest, archinfo_host;
static VexAbiInfo  abiinfo;

/* ------------------------------------------------------------------ */
/* Set-up                                                               */

static void vex_failure_exit(void) NORETURN;
static void vex_failure_exit(void)
{
   VG_(core_panic)("LibVEX called failure_exit().");
}

/* VEX's traces and panic messages go to the log as they are. */
static void vex_log_bytes(const HChar* bytes, SizeT nbytes)
{
   HChar chunk[256];
   while (nbytes > 0) {
      SizeT n = nbytes < sizeof chunk - 1 ? nbytes : sizeof chunk - 1;
      VG_(memcpy)(chunk, bytes, n);
      chunk[n] = 0;
      VG_(printf)("%s", chunk);
      bytes  += n;
      nbytes -= n;
   }
}

void VG_(translate_init)(void)
{
   /* Valgrind's meaning of the trace range: with neither bound given,
      nothing is traced; with one, the other is open. */
   if (VG_(clo_trace_notbelow) == -1) {
      if (VG_(clo_trace_notabove) == -1) {
         VG_(clo_trace_notbelow) = 2147483647;
         VG_(clo_trace_notabove) = 0;
      } else {
         VG_(clo_trace_notbelow) = 0;
      }
   } else if (VG_(clo_trace_notabove) == -1) {
      VG_(clo_trace_notabove) = 2147483647;
   }

   LibVEX_Init(vex_failure_exit, vex_log_bytes, vex_options());

   archinfo_guest.hwcaps  = guest_hwcaps;
   archinfo_guest.endness = VexEndnessLE;
   archinfo_host.hwcaps   = host_hwcaps();
   archinfo_host.endness  = VexEndnessLE;
   abiinfo.guest_stack_redzone_szB        = 128;
   abiinfo.guest_amd64_assume_fs_is_const = True;
   abiinfo.guest_amd64_assume_gs_is_const = False;
   VG_(debugLog)(2, "translate", "hwcaps: guest 0x%x, host 0x%x\n",
                 archinfo_guest.hwcaps, archinfo_host.hwcaps);

   VgTTParams tp;
   VG_(tt_default_params)(&tp, VG_(clo_num_transtab_sectors),
                          VG_(details).avg_translation_sizeB);
   if (VG_(needs).superblock_discards)
      tp.discard_notify = VG_(tdict).tool_discard_superblock_info;
   VG_(init_tt_tc)(&tp);
}

/* ------------------------------------------------------------------ */
/* The --smc-check policy                                               */

static Bool extent_segment(const VexGuestExtents* vge, Int i, NSegment* seg)
{
   return VG_(am_lookup_segment)((Addr)vge->base[i], seg);
}

static Addr extent_last_byte(const VexGuestExtents* vge, Int i)
{
   return (Addr)vge->base[i] + (vge->len[i] > 0 ? vge->len[i] - 1 : 0);
}

UInt VG_(needs_self_check)(ThreadId tid, const VexGuestExtents* vge)
{
   UInt all = (1u << vge->n_used) - 1;
   switch (VG_(clo_smc_check)) {
      case Vg_SmcNone:
         return 0;
      case Vg_SmcAll:
         return all;
      case Vg_SmcStack: {
         NSegment sp_seg, seg;
         Addr sp = (Addr)VG_(get_ThreadState)(tid)->arch.vex.guest_RSP;
         if (!VG_(am_lookup_segment)(sp, &sp_seg))
            return 0;
         UInt bits = 0;
         for (Int i = 0; i < vge->n_used; i++) {
            if (extent_segment(vge, i, &seg) && seg.start == sp_seg.start)
               bits |= 1u << i;
         }
         return bits;
      }
      case Vg_SmcAllNonFile: {
         NSegment seg;
         UInt bits = 0;
         for (Int i = 0; i < vge->n_used; i++) {
            if (!extent_segment(vge, i, &seg) || seg.kind != SkFileC
                || extent_last_byte(vge, i) > seg.end)
               bits |= 1u << i;
         }
         return bits;
      }
   }
   return all;
}

/* ------------------------------------------------------------------ */
/* Self-checking translations                                           */

/* VEX has no self-check of its own yet, so the core adds it as its
   instrumentation pass after the tool's (VexTranslateArgs.instrument2):
   for each extent the --smc-check policy picks, the superblock starts
   with

      t1 = CCall(smc_checksum, base, len)     the bytes now
      t2 = CmpNE64(t1, <checksum at translation time>)
      PUT(guest_CMSTART) = base ; PUT(guest_CMLEN) = len
      if (t2) exit-InvalICache to the superblock's own address

   so that code changed since it was translated leaves to the scheduler,
   which discards the range and translates it afresh. */

typedef ULong __attribute__((aligned(1), may_alias)) UnalignedULong;

/* FNV-1a over the bytes, a word at a time.  Called from translated
   code (a clean helper: reads only the guest code it is given). */
static ULong smc_checksum(Addr base, ULong len)
{
   ULong h = 0xcbf29ce484222325ULL;
   const UChar* p = (const UChar*)base;
   ULong i = 0;
   for (; i + 8 <= len; i += 8) {
      h ^= *(const UnalignedULong*)(p + i);
      h *= 0x100000001b3ULL;
   }
   for (; i < len; i++) {
      h ^= p[i];
      h *= 0x100000001b3ULL;
   }
   return h;
}

/* Which extents the translation being made checks (bit per extent). */
static UInt selfcheck_mask;

static IRSB* add_self_checks(void* opaque, IRSB* sb_in,
                             const VexGuestLayout* layout,
                             const VexGuestExtents* vge,
                             const VexArchInfo* archinfo_host_p,
                             IRType gWordTy, IRType hWordTy)
{
   const VgCallbackClosure* closure = opaque;
   (void)layout; (void)archinfo_host_p; (void)gWordTy; (void)hWordTy;
   UInt mask = VG_(needs_self_check)(closure->tid, vge);
   for (Int i = 0; i < vge->n_used; i++) {
      if (vge->len[i] == 0)
         mask &= ~(1u << i);
   }
   selfcheck_mask = mask;
   if (mask == 0)
      return sb_in;

   IRSB* sb = deepCopyIRSBExceptStmts(sb_in);
   for (Int i = 0; i < vge->n_used; i++) {
      if (!(mask & (1u << i)))
         continue;
      Addr  base = (Addr)vge->base[i];
      ULong len  = vge->len[i];
      IRTemp sum     = newIRTemp(sb->tyenv, Ity_I64);
      IRTemp changed = newIRTemp(sb->tyenv, Ity_I1);
      IRExpr** args = mkIRExprVec_2(IRExpr_Const(IRConst_U64(base)),
                                    IRExpr_Const(IRConst_U64(len)));
      addStmtToIRSB(sb, IRStmt_WrTmp(sum, IRExpr_CCall(
         mkIRCallee(0, "smc_checksum", (void*)smc_checksum), Ity_I64,
         args)));
      addStmtToIRSB(sb, IRStmt_WrTmp(changed, IRExpr_Binop(Iop_CmpNE64,
         IRExpr_RdTmp(sum),
         IRExpr_Const(IRConst_U64(smc_checksum(base, len))))));
      addStmtToIRSB(sb, IRStmt_Put(OFFB_CMSTART,
                                   IRExpr_Const(IRConst_U64(base))));
      addStmtToIRSB(sb, IRStmt_Put(OFFB_CMLEN,
                                   IRExpr_Const(IRConst_U64(len))));
      addStmtToIRSB(sb, IRStmt_Exit(IRExpr_RdTmp(changed), Ijk_InvalICache,
                                    IRConst_U64(closure->nraddr),
                                    OFFB_IP));
   }
   for (Int k = 0; k < sb_in->stmts_used; k++)
      addStmtToIRSB(sb, sb_in->stmts[k]);
   return sb;
}

/* ------------------------------------------------------------------ */
/* Translating                                                          */

/* One translation at a time: VEX keeps its state in globals. */
static VgMutex translate_lock = VG_MUTEX_INIT;
static UInt    n_translated = 0;

/* Where VEX emits (8-aligned, as the patch sites require); the code is
   then copied into the table. */
#define N_TMPBUF (1 << 17)
static UChar tmpbuf[N_TMPBUF] __attribute__((aligned(16)));

UInt VG_(get_bbs_translated)(void)
{
   return __atomic_load_n(&n_translated, __ATOMIC_RELAXED);
}

static IRSB* tool_instrument(void* closure, IRSB* sb,
                             const VexGuestLayout* layout,
                             const VexGuestExtents* vge,
                             const VexArchInfo* archinfo_host_p,
                             IRType gWordTy, IRType hWordTy)
{
   return VG_(tdict).tool_instrument((VgCallbackClosure*)closure, sb,
                                     layout, vge, archinfo_host_p,
                                     gWordTy, hWordTy);
}

static Bool is_file_backed(Addr addr)
{
   NSegment seg;
   return VG_(am_lookup_segment)(addr, &seg) && seg.kind == SkFileC;
}

/* The precise-exception mode of a superblock starting at ADDR.  With
   --px-file-backed, a superblock does not chase from file-mapped code
   into other code or back (chase_into_ok), so its first instruction
   speaks for all of it. */
static VexRegisterUpdates px_mode_for(Addr addr)
{
   if (clo_px_file_backed != VexRegUpd_INVALID && is_file_backed(addr))
      return clo_px_file_backed;
   return vex_clo.iropt_register_updates_default;
}

/* Superblocks may run on into client code that may be executed (and,
   with --px-file-backed, that is file-mapped if and only if the
   superblock's start is). */
static Bool chase_into_ok(void* opaque, Addr64 addr)
{
   const VgCallbackClosure* closure = opaque;
   if (!VG_(am_is_valid_for_client)((Addr)addr, 1, VKI_PROT_EXEC))
      return False;
   return clo_px_file_backed == VexRegUpd_INVALID
          || is_file_backed((Addr)addr) == is_file_backed(closure->nraddr);
}

/* The trace heading, as Valgrind's: the function and ADDR's offset in
   it, and the object whose .text holds ADDR with ADDR's offset from the
   object's load bias (its address in the file's own layout). */
static void print_trace_heading(ThreadId tid, Addr addr, ULong bbs_done)
{
   const HChar* fnname;
   if (!VG_(get_fnname_w_offset)(addr, &fnname))
      fnname = "UNKNOWN_FUNCTION";
   const HChar* objname;
   PtrdiffT objoff;
   if (!VG_(di_find_text_object)(addr, &objname, &objoff)) {
      objname = "UNKNOWN_OBJECT";
      objoff = 0;
   }
   VG_(printf)("==== SB %u (evchecks %llu) [tid %u] 0x%lx %s %s%c0x%lx\n",
               n_translated, bbs_done, tid, addr, fnname, objname,
               objoff >= 0 ? '+' : '-',
               (UWord)(objoff >= 0 ? objoff : -objoff));
}

Bool VG_(translate)(ThreadId tid, Addr addr, Bool debugging_translation,
                    Int debugging_verbosity, ULong bbs_done,
                    Bool allow_redirection)
{
   (void)allow_redirection;   /* no function redirection yet */
   if (!VG_(am_is_valid_for_client)(addr, 1, VKI_PROT_EXEC)) {
      if (debugging_translation)
         VG_(printf)("translations not allowed here (0x%lx)\n", addr);
      return False;
   }

   VG_(mutex_lock)(&translate_lock);
   Addr found;
   if (!debugging_translation
       && VG_(search_transtab)(&found, addr, VG_INVALID_THREADID)) {
      /* Another thread made it while this one waited for the lock. */
      VG_(mutex_unlock)(&translate_lock);
      return True;
   }
   Int verbosity = 0;
   if (debugging_translation)
      verbosity = debugging_verbosity;
   else if (VG_(clo_trace_flags) != 0
            && (Long)n_translated >= VG_(clo_trace_notbelow)
            && (Long)n_translated <= VG_(clo_trace_notabove))
      verbosity = VG_(clo_trace_flags);
   if (verbosity != 0)
      print_trace_heading(tid, addr, bbs_done);

   VgCallbackClosure closure = { .nraddr = addr, .readdr = addr,
                                 .tid = tid };
   VexGuestExtents vge;
   Int used = 0;
   VexTranslateArgs vta;
   VG_(memset)(&vta, 0, sizeof vta);
   vta.arch_guest      = VG_VEXARCH;
   vta.archinfo_guest  = archinfo_guest;
   vta.arch_host       = VG_VEXARCH;
   vta.archinfo_host   = archinfo_host;
   vta.abiinfo_both    = abiinfo;
   vta.callback_opaque = &closure;
   vta.guest_bytes     = (const UChar*)addr;
   vta.guest_bytes_addr = addr;
   vta.chase_into_ok   = chase_into_ok;
   vta.guest_extents   = &vge;
   vta.host_bytes      = tmpbuf;
   vta.host_bytes_size = N_TMPBUF;
   vta.host_bytes_used = &used;
   vta.instrument1     = tool_instrument;
   vta.instrument2     = VG_(clo_smc_check) == Vg_SmcNone
                            ? NULL : add_self_checks;
   selfcheck_mask      = 0;
   vta.finaltidy       = VG_(needs).final_IR_tidy_pass
                            ? VG_(tdict).tool_final_IR_tidy_pass : NULL;
   vta.px_control      = px_mode_for(addr);
   vta.traceflags      = verbosity;
   vta.addProfInc      = VG_(clo_profile_sbs);
   vta.disp_cp_chain_me_to_slowEP = (const void*)VG_(disp_cp_chain_me_to_slowEP);
   vta.disp_cp_chain_me_to_fastEP = (const void*)VG_(disp_cp_chain_me_to_fastEP);
   vta.disp_cp_xindir    = (const void*)VG_(disp_cp_xindir);
   vta.disp_cp_xassisted = (const void*)VG_(disp_cp_xassisted);

   VexTranslateResult res = LibVEX_Translate(&vta);
   if (res.status == VexTransAccessFail) {
      VG_(mutex_unlock)(&translate_lock);
      return False;
   }
   if (res.status != VexTransOK)
      VG_(core_panic)("VG_(translate): the translation does not fit the "
                      "temporary buffer");
   vg_assert(vge.n_used >= 1 && vge.n_used <= 3);
   vg_assert(used > 0 && used <= N_TMPBUF);

   if (!debugging_translation && VG_(tt_insertion_recycles)((UInt)used)
       && !VG_(is_BigLock_exclusive)(tid)) {
      /* Recycling a sector discards translations that other threads may
         be running: translate again with them stopped. */
      VG_(mutex_unlock)(&translate_lock);
      VG_(acquire_BigLock_exclusive)(tid, "sector recycling");
      return VG_(translate)(tid, addr, debugging_translation,
                            debugging_verbosity, bbs_done,
                            allow_redirection);
   }
   if (!debugging_translation) {
      /* Unmapping this code, or making it non-executable or writable,
         must now discard the translation. */
      for (Int i = 0; i < vge.n_used; i++) {
         VG_(am_set_segment_hasT)((Addr)vge.base[i]);
         VG_(am_set_segment_hasT)(extent_last_byte(&vge, i));
      }
      VG_(add_to_transtab)(&vge, addr, tmpbuf, (UInt)used,
                           selfcheck_mask != 0, res.offs_profInc);
      __atomic_store_n(&n_translated, n_translated + 1, __ATOMIC_RELAXED);
   }
   VG_(mutex_unlock)(&translate_lock);
   return True;
}
