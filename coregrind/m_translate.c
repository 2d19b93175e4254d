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
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_lock.h"
#include "pub_core_dispatch.h"
#include "pub_core_transtab.h"
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
/* --vex-iropt-register-updates: how much of the guest state is up to
   date where a translation can fault (a signal handler sees it). */
static VexRegisterUpdates clo_px = VexRegUpdUnwindregsAtMemAccess;
Int   VG_(clo_num_transtab_sectors) = 32;

Bool VG_(translate_process_cmd_line_option)(const HChar* arg)
{
   const HChar* digits;
   if (VG_(str_clo)(arg, "--trace-flags", &digits)) {
      if (VG_(strlen)(digits) != 8)
         VG_(fmsg_bad_option)(arg, "--trace-flags argument must have 8 "
                              "digits\n");
      Int flags = 0;
      for (Int i = 0; i < 8; i++) {
         if (digits[i] != '0' && digits[i] != '1')
            VG_(fmsg_bad_option)(arg, "--trace-flags argument can only "
                                 "contain 0s and 1s\n");
         flags = (flags << 1) | (digits[i] - '0');
      }
      VG_(clo_trace_flags) = flags;
      return True;
   }
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
   if (VG_XACT_CLO(arg, "--vex-iropt-register-updates=sp-at-mem-access",
                   clo_px, VexRegUpdSpAtMemAccess)
       || VG_XACT_CLO(arg, "--vex-iropt-register-updates="
                      "unwindregs-at-mem-access", clo_px,
                      VexRegUpdUnwindregsAtMemAccess)
       || VG_XACT_CLO(arg, "--vex-iropt-register-updates="
                      "allregs-at-mem-access", clo_px,
                      VexRegUpdAllregsAtMemAccess)
       || VG_XACT_CLO(arg, "--vex-iropt-register-updates="
                      "allregs-at-each-insn", clo_px,
                      VexRegUpdAllregsAtEachInsn))
      return True;
   if (VG_BINT_CLO(arg, "--num-transtab-sectors",
                   VG_(clo_num_transtab_sectors), 1, VG_TT_MAX_SECTORS))
      return True;
   return False;
}

void VG_(translate_print_usage)(Bool print_debug)
{
   if (!print_debug) {
      VG_(printf)(
"    --smc-check=none|stack|all|all-non-file [all-non-file]\n"
"                              checks for self-modifying code: none, only for\n"
"                              code found in stacks, for all code, or for all\n"
"                              code except that from file-backed mappings\n");
      return;
   }
   VG_(printf)(
"    --num-transtab-sectors=<number> size of translated code cache [32]\n"
"           more sectors may increase performance, but use more memory.\n"
"    --vex-iropt-register-updates=sp-at-mem-access\n"
"                                |unwindregs-at-mem-access\n"
"                                |allregs-at-mem-access\n"
"                                |allregs-at-each-insn  [unwindregs-at-mem-access]\n"
"    --trace-flags=<XXXXXXXX>   show generated code? (X = 0|1) [00000000]\n"
"    --trace-notbelow=<number> only show BBs above <number> [999999999]\n"
"    --trace-notabove=<number> only show BBs below <number> [0]\n"
"      --trace-flags values (omit the middle space):\n"
"         1000 0000   show conversion into IR\n"
"         0100 0000   show after initial opt\n"
"         0010 0000   show after instrumentation\n"
"         0001 0000   show after second opt\n"
"         0000 1000   show after tree building\n"
"         0000 0100   show selecting insns\n"
"         0000 0010   show after reg-alloc\n"
"         0000 0001   show final assembly\n"
"        (Nb: you need --trace-notbelow and/or --trace-notabove\n"
"             with --trace-flags for full details)\n");
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

   VexControl vcon;
   LibVEX_default_VexControl(&vcon);
   LibVEX_Init(vex_failure_exit, vex_log_bytes, &vcon);

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

/* Superblocks may run on into client code that may be executed. */
static Bool chase_into_ok(void* closure, Addr64 addr)
{
   (void)closure;
   return VG_(am_is_valid_for_client)((Addr)addr, 1, VKI_PROT_EXEC);
}

/* The trace heading, as Valgrind's; no debug information yet, so the
   function is unknown and the object is named by its mapping. */
static void print_trace_heading(ThreadId tid, Addr addr, ULong bbs_done)
{
   NSegment seg;
   const HChar* obj = "UNKNOWN_OBJECT";
   Addr off = 0;
   if (VG_(am_lookup_segment)(addr, &seg) && seg.kind == SkFileC) {
      const HChar* name = VG_(am_get_filename)(&seg);
      if (name != NULL) {
         obj = name;
         off = addr - seg.start + (Addr)seg.offset;
      }
   }
   VG_(printf)("==== SB %u (evchecks %llu) [tid %u] 0x%lx "
               "UNKNOWN_FUNCTION %s+0x%lx\n", n_translated, bbs_done, tid,
               addr, obj, off);
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
   vta.px_control      = clo_px;
   vta.traceflags      = verbosity;
   vta.addProfInc      = False;
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

   if (!debugging_translation) {
      /* Unmapping this code, or making it non-executable or writable,
         must now discard the translation. */
      for (Int i = 0; i < vge.n_used; i++) {
         VG_(am_set_segment_hasT)((Addr)vge.base[i]);
         VG_(am_set_segment_hasT)(extent_last_byte(&vge, i));
      }
      VG_(add_to_transtab)(&vge, addr, tmpbuf, (UInt)used,
                           selfcheck_mask != 0);
      __atomic_store_n(&n_translated, n_translated + 1, __ATOMIC_RELAXED);
   }
   VG_(mutex_unlock)(&translate_lock);
   return True;
}
