/* LibVEX_Translate: the translation pipeline for one superblock, and the
   other LibVEX_* entry points (initialisation, chaining).

      guest bytes --bb_to_IR--> flat IR --do_iropt_BB--> IR
      --instrument1/2--> IR --do_iropt_BB_post_instrument--> IR
      --ado_treebuild_BB--> IR trees --isel--> host code on virtual regs
      --doRegisterAllocation--> host code --emit--> bytes

   Each stage can be shown with a --trace-flags bit (VEX_TRACE_*), under
   the same headings as Valgrind's, so traces read alike.  Only amd64 is
   wired up; the other architectures are refused by name. */
#include "libvex_basictypes.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "ir_opt.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"
#include "host_generic_regs.h"
#include "host_amd64_defs.h"

static Bool vex_initialised = False;

void LibVEX_Init(void (*failure_exit)(void),
                 void (*log_bytes)(const HChar*, SizeT),
                 const VexControl* vcon)
{
   vex_init_callbacks(failure_exit, log_bytes);
   vex_control = *vcon;
   vassert(vex_control.iropt_level >= 0 && vex_control.iropt_level <= 2);
   vassert(vex_control.guest_max_insns >= 1
           && vex_control.guest_max_insns <= 100);
   vassert(vex_control.iropt_verbosity >= 0);
   vassert(vex_control.iropt_unroll_thresh >= 0
           && vex_control.iropt_unroll_thresh <= 400);
   vassert(vex_control.iropt_register_updates_default
              >= VexRegUpdSpAtMemAccess
           && vex_control.iropt_register_updates_default
              <= VexRegUpdAllregsAtEachInsn);
   vex_initialised = True;
}

/* ------------------------------------------------------------------ */
/* Guest layouts                                                       */
/* ------------------------------------------------------------------ */

#define OFFB_AMD64(field) ((Int)__builtin_offsetof(VexGuestAMD64State, field))
#define SIZEB_AMD64(field) ((Int)sizeof(((VexGuestAMD64State*)0)->field))
#define ALWAYS_DEFD_AMD64(field) { OFFB_AMD64(field), SIZEB_AMD64(field) }

/* The parts no tool needs to shadow: the core and the front end keep them
   defined (flag-thunk op, direction and id flags, segment bases, the
   rounding modes, x87 bookkeeping, the emulation and syscall slots). */
static const VexGuestLayout amd64_guest_layout = {
   .total_sizeB = (Int)sizeof(VexGuestAMD64State),
   .offset_SP = OFFB_AMD64(guest_RSP), .sizeof_SP = 8,
   .offset_FP = OFFB_AMD64(guest_RBP), .sizeof_FP = 8,
   .offset_IP = OFFB_AMD64(guest_RIP), .sizeof_IP = 8,
   .n_alwaysDefd = 17,
   .alwaysDefd = {
      ALWAYS_DEFD_AMD64(guest_CC_OP),
      ALWAYS_DEFD_AMD64(guest_DFLAG),
      ALWAYS_DEFD_AMD64(guest_RIP),
      ALWAYS_DEFD_AMD64(guest_ACFLAG),
      ALWAYS_DEFD_AMD64(guest_IDFLAG),
      ALWAYS_DEFD_AMD64(guest_FS_CONST),
      ALWAYS_DEFD_AMD64(guest_GS_CONST),
      ALWAYS_DEFD_AMD64(guest_SSEROUND),
      ALWAYS_DEFD_AMD64(guest_FTOP),
      ALWAYS_DEFD_AMD64(guest_FPTAG),
      ALWAYS_DEFD_AMD64(guest_FPROUND),
      ALWAYS_DEFD_AMD64(guest_FC3210),
      ALWAYS_DEFD_AMD64(guest_EMNOTE),
      ALWAYS_DEFD_AMD64(guest_CMSTART),
      ALWAYS_DEFD_AMD64(guest_CMLEN),
      ALWAYS_DEFD_AMD64(guest_SC_CLASS),
      ALWAYS_DEFD_AMD64(guest_IP_AT_SYSCALL),
   },
};

const VexGuestLayout* LibVEX_GuestLayout(VexArch arch_guest)
{
   switch (arch_guest) {
      case VexArchAMD64: return &amd64_guest_layout;
      default:           vpanic("LibVEX_GuestLayout: unsupported guest");
   }
}

/* ------------------------------------------------------------------ */
/* Tracing                                                             */
/* ------------------------------------------------------------------ */

static void trace_heading(const HChar* what)
{
   vex_printf("\n------------------------ %s ------------------------\n\n",
              what);
}

static void trace_irsb(Int traceflags, Int bit, const HChar* what,
                       const IRSB* sb)
{
   if (!(traceflags & bit))
      return;
   trace_heading(what);
   ppIRSB(sb);
   vex_printf("\n");
}

/* The host code, one numbered instruction a line. */
static void trace_hinstrs(const HInstrArray* code)
{
   for (Int i = 0; i < code->arr_used; i++) {
      vex_printf("%3d   ", i);
      ppAMD64Instr(code->arr[i], True);
      vex_printf("\n");
   }
   vex_printf("\n");
}

/* ------------------------------------------------------------------ */
/* The pipeline                                                        */
/* ------------------------------------------------------------------ */

/* Runs the tool's instrumentation and the clean-up after it. */
static IRSB* instrument(VexTranslateArgs* vta, IRSB* irsb,
                        const VexGuestLayout* layout)
{
   VexInstrumentFn passes[2] = { vta->instrument1, vta->instrument2 };
   Bool instrumented = False;
   for (Int i = 0; i < 2; i++) {
      if (passes[i] == NULL)
         continue;
      irsb = passes[i](vta->callback_opaque, irsb, layout,
                       vta->guest_extents, &vta->archinfo_host,
                       Ity_I64, Ity_I64);
      instrumented = True;
   }
   if (instrumented) {
      /* Tools may build trees and rely on the checker to catch their
         mistakes early, with the block printed. */
      sanityCheckIRSB(irsb, "after instrumentation", False, Ity_I64);
      trace_irsb(vta->traceflags, VEX_TRACE_INST, "After instrumentation",
                 irsb);
      irsb = do_iropt_BB_post_instrument(irsb);
      trace_irsb(vta->traceflags, VEX_TRACE_OPT2,
                 "After post-instr IR optimisation", irsb);
   }
   if (vta->finaltidy)
      irsb = vta->finaltidy(irsb);
   return irsb;
}

/* Emits CODE into the caller's buffer in place: chaining sites must keep
   their alignment relative to the buffer (host_amd64_defs.h). */
static VexTranslateStatus emit_code(VexTranslateArgs* vta,
                                    const HInstrArray* code,
                                    Int* offs_profInc)
{
   Int used = 0;
   *offs_profInc = -1;
   if (vta->traceflags & VEX_TRACE_ASM)
      trace_heading("Assembly");
   for (Int i = 0; i < code->arr_used; i++) {
      /* The emitter wants room for its longest instruction. */
      if (vta->host_bytes_size - used < 64)
         return VexTransOutputFull;
      Bool is_profInc = False;
      UChar* where = vta->host_bytes + used;
      Int n = emit_AMD64Instr(&is_profInc, where,
                              vta->host_bytes_size - used, code->arr[i],
                              True, vta->disp_cp_chain_me_to_slowEP,
                              vta->disp_cp_chain_me_to_fastEP,
                              vta->disp_cp_xindir, vta->disp_cp_xassisted);
      if (is_profInc)
         *offs_profInc = used;
      if (vta->traceflags & VEX_TRACE_ASM) {
         ppAMD64Instr(code->arr[i], True);
         vex_printf("\n");
         for (Int k = 0; k < n; k++)
            vex_printf("%02x ", (UInt)where[k]);
         vex_printf("\n\n");
      }
      used += n;
   }
   *vta->host_bytes_used = used;
   return VexTransOK;
}

VexTranslateResult LibVEX_Translate(VexTranslateArgs* vta)
{
   VexTranslateResult res = { VexTransOK, -1, 0 };
   vassert(vex_initialised);
   if (vta->arch_guest != VexArchAMD64 || vta->arch_host != VexArchAMD64)
      vpanic("LibVEX_Translate: only amd64 guests on amd64 hosts so far");
   vassert(((HWord)vta->host_bytes & 7) == 0);

   vexSetAllocModeTEMP_and_clear();
   const VexGuestLayout* layout = &amd64_guest_layout;
   Int tf = vta->traceflags;
   vex_traceflags = tf;

   /* Guest code to flat IR. */
   if (tf & VEX_TRACE_FE)
      trace_heading("Front end");
   BbToIRParams params = {
      .dis_instr_fn     = disInstr_AMD64,
      .guest_code       = vta->guest_bytes,
      .guest_IP_bbstart = vta->guest_bytes_addr,
      .guest_max_insns  = vex_control.guest_max_insns,
      .guest_chase      = vex_control.guest_chase,
      .chase_into_ok    = vta->chase_into_ok,
      .callback_opaque  = vta->callback_opaque,
      .guest_word_type  = Ity_I64,
      .offB_GUEST_IP    = layout->offset_IP,
      .trace            = (tf & VEX_TRACE_FE) != 0,
   };
   IRSB* irsb = bb_to_IR(&params, vta->guest_extents, &res.n_guest_instrs);

   /* The first optimisation. */
   irsb = do_iropt_BB(irsb, guest_amd64_spechelper,
                      guest_amd64_state_requires_precise_mem_exns,
                      vta->px_control, vta->guest_bytes_addr);
   trace_irsb(tf, VEX_TRACE_OPT1, "After pre-instr IR optimisation", irsb);

   irsb = instrument(vta, irsb, layout);

   /* Trees for instruction selection. */
   Addr64 max_ga = ado_treebuild_BB(irsb,
                                    guest_amd64_state_requires_precise_mem_exns,
                                    vta->px_control);
   trace_irsb(tf, VEX_TRACE_TREES, "After tree-building", irsb);

   /* Host code on virtual registers.  Traced, the selector prints each
      statement with the code it becomes; the whole list follows. */
   if (tf & VEX_TRACE_VCODE)
      trace_heading("Instruction selection");
   HInstrArray* vcode = iselSB_AMD64(
      irsb, VexArchAMD64, &vta->archinfo_host, &vta->abiinfo_both,
      OFFB_AMD64(host_EvC_COUNTER), OFFB_AMD64(host_EvC_FAILADDR),
      True, vta->addProfInc, max_ga);
   if (tf & VEX_TRACE_VCODE) {
      vex_printf("\n");
      trace_hinstrs(vcode);
   }

   /* Real registers; spills go after the guest state and its shadows. */
   RegAllocControl con;
   getRegAllocControl_AMD64(&con, 3 * layout->total_sizeB,
                            LibVEX_N_SPILL_BYTES);
   HInstrArray* rcode = doRegisterAllocation(vcode, &con);
   if (tf & VEX_TRACE_RCODE) {
      trace_heading("Register-allocated code");
      trace_hinstrs(rcode);
   }

   res.status = emit_code(vta, rcode, &res.offs_profInc);
   return res;
}

/* ------------------------------------------------------------------ */
/* Patching                                                            */
/* ------------------------------------------------------------------ */

VexInvalRange LibVEX_Chain(VexArch arch_host, void* place_to_chain,
                           const void* disp_cp_chain_me_EXPECTED,
                           const void* place_to_jump_to)
{
   vassert(arch_host == VexArchAMD64);
   return chainXDirect_AMD64(place_to_chain, disp_cp_chain_me_EXPECTED,
                             place_to_jump_to);
}

VexInvalRange LibVEX_UnChain(VexArch arch_host, void* place_to_unchain,
                             const void* place_to_jump_to_EXPECTED,
                             const void* disp_cp_chain_me)
{
   vassert(arch_host == VexArchAMD64);
   return unchainXDirect_AMD64(place_to_unchain, place_to_jump_to_EXPECTED,
                               disp_cp_chain_me);
}

VexInvalRange LibVEX_PatchProfInc(VexArch arch_host, void* place_to_patch,
                                  const ULong* location_of_counter)
{
   vassert(arch_host == VexArchAMD64);
   return patchProfInc_AMD64(place_to_patch, location_of_counter);
}

Int LibVEX_evCheckSzB(VexArch arch_host)
{
   vassert(arch_host == VexArchAMD64);
   return evCheckSzB_AMD64();
}
