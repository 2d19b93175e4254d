/* vexdiff: the differential test harness of the amd64 front end.

     vexdiff [--random N] [--random-sse N] [--seed S] [--only CLASS]
             [--no-curated] [--no-random] [--verbose] [--coverage]

   Runs the curated cases (vexdiff_curated.c, and the families' files
   such as vexdiff_sse.c) and N randomised sequences (default 10000,
   fixed seed; --random-sse: of SSE instructions) natively and through decode -> IR -> sanity
   check -> IR interpreter, and prints one line per instruction class:

     PASS: vex/amd64/alu-add (212 cases)

   Every case and sequence also runs through the whole JIT
   (LibVEX_Translate: optimiser, tree builder, instruction selection,
   register allocation, emitter), executed natively by jit_exec.c, at each
   --vex-iropt-level of --jit-levels (curated cases, default 0, 1, 2 and
   x: 2 with small blocks and failing event checks) and
   --random-jit-levels (random sequences, default 2), with one more line
   per class:

     PASS: vex/amd64/jit/alu-add (212 cases x 4 levels)

   then a summary.  Exits non-zero if anything failed.  --coverage prints
   the opcode tables as a markdown list instead (docs/vex-amd64-coverage.md
   is made with it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/guest_generic_bb_to_IR.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "ir_interp.h"
#include "native.h"
#include "encoder.h"
#include "vexdiff.h"
#include "jit_exec.h"

Bool vd_verbose = False;

/* ================================================================== */
/* VEX's callbacks                                                    */
/* ================================================================== */

static char    vex_log[16384];
static size_t  vex_log_len;
static jmp_buf vex_fail_jmp;
static int     vex_fail_armed;

static void vd_log_bytes(const HChar* b, SizeT n)
{
   if (vex_log_len + n >= sizeof vex_log)
      n = sizeof vex_log - 1 - vex_log_len;
   memcpy(vex_log + vex_log_len, b, n);
   vex_log_len += n;
   vex_log[vex_log_len] = 0;
}

static void vd_failure_exit(void)
{
   if (vex_fail_armed)
      longjmp(vex_fail_jmp, 1);
   fprintf(stderr, "vexdiff: VEX failed outside a translation:\n%s\n",
           vex_log);
   abort();
}

/* ================================================================== */
/* Classes and their results                                          */
/* ================================================================== */

typedef struct {
   char name[48];
   int  pass;
   int  fail;
   /* The JIT side (jit_exec.c): a case passes when it does at every
      optimisation level run. */
   int  jit_pass;
   int  jit_fail;
   int  jit_only;    /* failed where the IR side passed: the back end's */
} ClassStat;

static ClassStat classes[256];
static int       n_classes;

static ClassStat* class_get(const char* name)
{
   for (int i = 0; i < n_classes; i++)
      if (strcmp(classes[i].name, name) == 0)
         return &classes[i];
   if (n_classes == (int)(sizeof classes / sizeof classes[0])) {
      fprintf(stderr, "vexdiff: too many classes\n");
      exit(2);
   }
   ClassStat* c = &classes[n_classes++];
   snprintf(c->name, sizeof c->name, "%s", name);
   return c;
}

/* Which table entries the cases exercised. */
static const Amd64OpEntry* seen_entries[4096];
static int n_seen;

static void note_entry(const Amd64OpEntry* e)
{
   for (int i = 0; i < n_seen; i++)
      if (seen_entries[i] == e)
         return;
   if (n_seen < (int)(sizeof seen_entries / sizeof seen_entries[0]))
      seen_entries[n_seen++] = e;
}

/* ================================================================== */
/* Building cases                                                     */
/* ================================================================== */

void case_begin(Case* c, const char* desc)
{
   memset(c, 0, sizeof *c);
   snprintf(c->desc, sizeof c->desc, "%s", desc);
   for (int i = 0; i < 16; i++)
      c->in.gpr[i] = 0x1111111111111111ULL * (ULong)(i + 1);
   c->in.gpr[4]  = NATIVE_SCRATCH_MID - 0x100;          /* rsp */
   c->in.gpr[15] = NATIVE_SCRATCH_MID;                  /* base */
   c->in.rflags  = 0;
   c->flag_mask  = FLAGS_ALL;
   c->mem_seed   = 1;
   /* SSE state: a recognisable pattern, MXCSR at its default */
   for (int i = 0; i < 16; i++) {
      c->in.xmm[i][0] = xmm_default_lo(i);
      c->in.xmm[i][1] = xmm_default_hi(i);
   }
   c->in.mxcsr = MXCSR_DEFAULT;
   x87_default_image(c->in.fx);       /* x87 state (vexdiff_x87.c) */
}

void case_add_bytes(Case* c, const UChar* bytes, Int n)
{
   if (c->n >= CASE_MAX_INSNS || c->len + n > CASE_MAX_CODE) {
      c->bad = True;
      return;
   }
   c->off[c->n++] = c->len;
   memcpy(c->code + c->len, bytes, (size_t)n);
   c->len += n;
}

void case_add(Case* c, EncSpec* s)
{
   UChar b[16];
   s->addr = case_pc(c);
   Int n = enc_insn(s, b);
   if (n < 0) {
      c->bad = True;
      return;
   }
   case_add_bytes(c, b, n);
}

void case_patch(Case* c, ULong addr, ULong v)
{
   if (c->n_patch == 8 || addr < NATIVE_SCRATCH_ADDR
       || addr + 8 > NATIVE_SCRATCH_ADDR + NATIVE_SCRATCH_SIZE) {
      c->bad = True;
      return;
   }
   c->patch_addr[c->n_patch] = addr;
   c->patch_val[c->n_patch]  = v;
   c->n_patch++;
}

static void apply_patches(const Case* c)
{
   for (int i = 0; i < c->n_patch; i++)
      memcpy((void*)c->patch_addr[i], &c->patch_val[i], 8);
}

const Amd64OpEntry* need(UChar map, UChar opc, Int ext, UChar pfx,
                         const char* cls)
{
   const Amd64OpEntry* e = enc_find(map, opc, ext, pfx, cls);
   if (e == NULL) {
      fprintf(stderr, "vexdiff: no table entry for map %d opcode %02x /%d "
              "(%s)\n", map, opc, ext, cls ? cls : "any");
      exit(2);
   }
   return e;
}

/* ================================================================== */
/* Running a case                                                     */
/* ================================================================== */

static UChar mem_native[NATIVE_SCRATCH_SIZE];
static UChar mem_ir[NATIVE_SCRATCH_SIZE];

static void fill_scratch(UInt seed)
{
   Rng r = { 0x9E3779B97F4A7C15ULL ^ ((ULong)seed * 0x100000001B3ULL) };
   ULong* p = (ULong*)NATIVE_SCRATCH_ADDR;
   for (size_t i = 0; i < NATIVE_SCRATCH_SIZE / 8; i++)
      p[i] = rng_next(&r);
}

typedef struct {
   ULong gpr[16];
   ULong rflags;
   ULong rip;
   ULong xmm[16][2];   /* SSE state */
   UInt  mxcsr;
   UChar fx[512];      /* x87 state, as an FXSAVE image */
   int   signo;        /* 0, or the signal (IR: from the jump kind) */
   char  err[512];     /* the IR side could not run the case */
} Outcome;

/* The front end, wrapped so that decoding stops at the end of the case
   (the native epilogue follows it): there a block ends with a jump to
   the end. */
static Addr64 case_end;

static DisResult dis_stop_at_end(IRSB* irsb, const UChar* code, Addr64 ip,
                                 Bool block_start, Bool trace)
{
   if (ip == case_end) {
      DisResult d;
      d.len           = 1;
      d.whatNext      = Dis_StopHere;
      d.jk_StopHere   = Ijk_Boring;
      d.next_StopHere = IRExpr_Const(IRConst_U64(case_end));
      d.chase_ok      = False;
      return d;
   }
   return disInstr_AMD64(irsb, code, ip, block_start, trace);
}

static Bool chase_in_case(void* opaque, Addr64 a)
{
   (void)opaque;
   return a >= NATIVE_CODE_ADDR && a < case_end;
}

static int jk_signal(IRJumpKind jk)
{
   switch (jk) {
      case Ijk_SigFPE_IntDiv: return SIGFPE;
      case Ijk_SigSEGV:       return SIGSEGV;
      case Ijk_SigILL:
      case Ijk_NoDecode:      return SIGILL;
      case Ijk_SigTRAP:       return SIGTRAP;
      case Ijk_SigBUS:        return SIGBUS;
      default:                return 0;
   }
}

static ULong ir_blocks, ir_insns;

/* The memory a case may touch: the scratch area, the TLS block around
   the FS base (reads), the code region. */
static ULong fs_base_cached;
static Bool case_addr_ok(ULong a, Int size)
{
   ULong e = a + (ULong)size;
   if (a >= NATIVE_SCRATCH_ADDR && e <= NATIVE_SCRATCH_ADDR + NATIVE_SCRATCH_SIZE)
      return True;
   if (a >= fs_base_cached - 0x1000 && e <= fs_base_cached + 0x1000)
      return True;
   if (a >= NATIVE_CODE_ADDR - 0x1000 && e <= NATIVE_CODE_ADDR + 0xF000)
      return True;
   return False;
}

/* The guest state a case starts from (the IR and JIT sides share it). */
static void state_from_case(const Case* c, VexGuestAMD64State* stp)
{
   VexGuestAMD64State st;
   LibVEX_GuestAMD64_initialise(&st);
   ULong* g = &st.guest_RAX;
   for (int i = 0; i < 16; i++)
      g[i] = c->in.gpr[i];
   LibVEX_GuestAMD64_put_rflags(c->in.rflags, &st);
   /* SSE state: XMMn in the low half of YMMn; MXCSR's rounding control
      is all the guest state models */
   for (int i = 0; i < 16; i++)
      memcpy((UChar*)&st.guest_YMM0 + 32 * i, c->in.xmm[i], 16);
   st.guest_SSEROUND = (c->in.mxcsr >> 13) & 3;
   if (c->x87)
      x87_case_to_guest(c, &st);      /* x87 state (vexdiff_x87.c) */
   st.guest_FS_CONST = native_fs_base();
   st.guest_GS_CONST = NATIVE_SCRATCH_ADDR;
   st.guest_RIP      = NATIVE_CODE_ADDR;
   *stp = st;
}

/* The outcome read from the guest state at the end (O->signo already
   set). */
static void outcome_from_state(const VexGuestAMD64State* stp, Outcome* o)
{
   const VexGuestAMD64State st = *stp;
   const ULong* g = &st.guest_RAX;
   for (int i = 0; i < 16; i++)
      o->gpr[i] = g[i];
   o->rflags = LibVEX_GuestAMD64_get_rflags(&st);
   for (int i = 0; i < 16; i++)
      memcpy(o->xmm[i], (UChar*)&st.guest_YMM0 + 32 * i, 16);
   o->mxcsr = MXCSR_DEFAULT | (UInt)((st.guest_SSEROUND & 3) << 13);
   x87_guest_to_image(&st, o->fx);    /* x87 state */
   if (o->signo == 0)
      o->rip = st.guest_RIP;
}

static void run_ir(Case* c, Outcome* o)
{
   VexGuestAMD64State st;
   state_from_case(c, &st);
   case_end          = NATIVE_CODE_ADDR + (Addr64)c->len;

   memset(o, 0, sizeof *o);
   for (int steps = 0;; steps++) {
      if (steps > 500) {
         snprintf(o->err, sizeof o->err, "too many blocks");
         return;
      }
      Addr64 pc = st.guest_RIP;
      if (pc == case_end)
         break;
      Bool boundary = False;
      for (int k = 0; k < c->n; k++)
         if (NATIVE_CODE_ADDR + (Addr64)c->off[k] == pc)
            boundary = True;
      if (!boundary) {
         snprintf(o->err, sizeof o->err,
                  "went to 0x%llx, not an instruction of the case", pc);
         return;
      }
      vexSetAllocModeTEMP_and_clear();
      vex_log_len = 0;
      vex_log[0]  = 0;
      BbToIRParams p;
      memset(&p, 0, sizeof p);
      p.dis_instr_fn     = dis_stop_at_end;
      p.guest_code       = (const UChar*)pc;
      p.guest_IP_bbstart = pc;
      p.guest_max_insns  = 60;
      p.guest_chase      = c->chase;
      p.chase_into_ok    = chase_in_case;
      p.guest_word_type  = Ity_I64;
      p.offB_GUEST_IP    = VEX_AMD64_OFFB_RIP;
      p.trace            = False;
      VexGuestExtents vge;
      UInt n_insns = 0;
      IRSB* bb;
      vex_fail_armed = 1;
      if (setjmp(vex_fail_jmp) != 0) {
         vex_fail_armed = 0;
         snprintf(o->err, sizeof o->err, "VEX failure:\n%.400s", vex_log);
         return;
      }
      bb = bb_to_IR(&p, &vge, &n_insns);
      vex_fail_armed = 0;
      ir_blocks++;
      ir_insns += n_insns;
      IRInterpResult r = ir_interp_run(bb, &st, (Int)sizeof st);
      if (r.jk == Ijk_INVALID) {
         snprintf(o->err, sizeof o->err, "the interpreter failed");
         return;
      }
      if (jk_signal(r.jk) != 0) {
         o->signo = jk_signal(r.jk);
         o->rip   = r.next;
         break;
      }
      switch (r.jk) {
         case Ijk_Boring: case Ijk_Call: case Ijk_Ret: case Ijk_Yield:
         case Ijk_InvalICache:
            continue;
         default:
            snprintf(o->err, sizeof o->err, "unexpected jump kind 0x%x",
                     (unsigned)r.jk);
            return;
      }
   }
   outcome_from_state(&st, o);
}

/* The JIT side (jit_exec.c): the whole of LibVEX_Translate at iropt
   level VARIANT ('0'..'2'), run natively; 'x' is level 2 with blocks of
   1..4 instructions and an event check failing every third block entry.
   PRECISE: the case faults on a memory access, so the guest state must
   be complete there. */
static void run_jit(const Case* c, char variant, Bool precise, Bool trace,
                    Outcome* o)
{
   VexGuestAMD64State st;
   state_from_case(c, &st);
   memset(o, 0, sizeof *o);
   JitCase jc;
   memset(&jc, 0, sizeof jc);
   jc.code        = c->code;
   jc.len         = c->len;
   jc.start       = NATIVE_CODE_ADDR;
   jc.off         = c->off;
   jc.n           = c->n;
   jc.chase       = c->chase;
   jc.iropt_level = variant == 'x' ? 2 : variant - '0';
   if (variant == 'x') {
      jc.max_insns  = 1 + c->len % 4;
      jc.evc_period = 2;
   }
   jc.px          = precise ? VexRegUpdAllregsAtMemAccess
                            : VexRegUpdUnwindregsAtMemAccess;
   jc.trace       = trace;
   JitResult r;
   jit_run(&jc, &st, &r);
   if (r.err[0] != 0) {
      snprintf(o->err, sizeof o->err, "%.500s", r.err);
      return;
   }
   o->signo = r.signo;
   o->rip   = r.rip;
   outcome_from_state(&st, o);
}

static const char* const gpr_names[16] = {
   "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
   "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
};

static void print_case(const Case* c)
{
   fprintf(stderr, "   case: %s\n", c->desc);
   for (int k = 0; k < c->n; k++) {
      HChar buf[128];
      Int off = c->off[k];
      amd64_disasm(c->code + off, NATIVE_CODE_ADDR + (Addr64)off, buf);
      Int end = k + 1 < c->n ? c->off[k + 1] : c->len;
      fprintf(stderr, "     %-40s ", buf);
      for (int b = off; b < end; b++)
         fprintf(stderr, "%02x ", c->code[b]);
      fprintf(stderr, "\n");
   }
   fprintf(stderr, "     in:");
   for (int i = 0; i < 16; i++)
      fprintf(stderr, "%s %s=%llx", i % 4 == 0 ? "\n      " : "",
              gpr_names[i], c->in.gpr[i]);
   fprintf(stderr, "\n      rflags=%llx mask=%llx\n", c->in.rflags,
           c->flag_mask);
   /* SSE state, where it is not the default */
   for (int i = 0; i < 16; i++)
      if (c->in.xmm[i][0] != xmm_default_lo(i)
          || c->in.xmm[i][1] != xmm_default_hi(i))
         fprintf(stderr, "      xmm%d=%016llx:%016llx\n", i, c->in.xmm[i][1],
                 c->in.xmm[i][0]);
   if (c->in.mxcsr != MXCSR_DEFAULT)
      fprintf(stderr, "      mxcsr=%x\n", c->in.mxcsr);
}

/* The front end's trace of the case's first block. */
static void dump_ir(const Case* c)
{
   vexSetAllocModeTEMP_and_clear();
   vex_log_len = 0;
   vex_log[0]  = 0;
   case_end = NATIVE_CODE_ADDR + (Addr64)c->len;
   BbToIRParams p;
   memset(&p, 0, sizeof p);
   p.dis_instr_fn     = dis_stop_at_end;
   p.guest_code       = (const UChar*)NATIVE_CODE_ADDR;
   p.guest_IP_bbstart = NATIVE_CODE_ADDR;
   p.guest_max_insns  = 60;
   p.guest_word_type  = Ity_I64;
   p.offB_GUEST_IP    = VEX_AMD64_OFFB_RIP;
   p.trace            = True;
   VexGuestExtents vge;
   UInt n;
   vex_fail_armed = 1;
   if (setjmp(vex_fail_jmp) == 0)
      bb_to_IR(&p, &vge, &n);
   vex_fail_armed = 0;
   fprintf(stderr, "%s\n", vex_log);
}

static int class_fail_printed(ClassStat* cs)
{
   return vd_verbose || cs->fail <= 3;
}

/* Compares the native outcome *NATP (its memory in mem_native) with the
   VEX side's *IRP (memory in mem_ir); appends the differences to WHY
   (WHY_SIZE bytes) and returns 1 if any.  The messages name the VEX side
   "IR"; jit_case renames it. */
static int compare_outcome(const Case* c, const NativeRegs* natp,
                           const Outcome* irp, char* why, size_t why_size)
{
   const NativeRegs nat = *natp;
   const Outcome ir = *irp;
   int bad = 0;
#define WHY(...) do { size_t l_ = strlen(why);                            \
                      snprintf(why + l_, why_size - l_, __VA_ARGS__);     \
                      bad = 1; } while (0)
   if (ir.err[0] != 0) {
      WHY("      IR side: %s\n", ir.err);
   } else {
      if (nat.signo != ir.signo)
         WHY("      fault: native signal %d, IR signal %d\n", nat.signo,
             ir.signo);
      if (nat.signo != 0 && nat.rip != ir.rip)
         WHY("      fault address: native %llx, IR %llx\n", nat.rip, ir.rip);
      for (int i = 0; i < 16; i++)
         if (nat.gpr[i] != ir.gpr[i])
            WHY("      %s: native %016llx IR %016llx\n", gpr_names[i],
                nat.gpr[i], ir.gpr[i]);
      ULong mask = c->flag_mask;
      if (nat.signo != 0 && c->has_mask_at) {
         /* Stopped before (or, for a trap, after) instruction k: the
            flags defined there. */
         for (int k = 0; k < c->n; k++)
            if (NATIVE_CODE_ADDR + (ULong)c->off[k] == nat.rip)
               mask = c->mask_at[k];
      }
      /* SSE state; MXCSR's exception flags are not modelled */
      for (int i = 0; i < 16; i++)
         if (nat.xmm[i][0] != ir.xmm[i][0] || nat.xmm[i][1] != ir.xmm[i][1])
            WHY("      xmm%d: native %016llx:%016llx IR %016llx:%016llx\n", i,
                nat.xmm[i][1], nat.xmm[i][0], ir.xmm[i][1], ir.xmm[i][0]);
      if ((nat.mxcsr & ~MXCSR_FLAGS) != ir.mxcsr)
         WHY("      mxcsr: native %x IR %x\n", nat.mxcsr, ir.mxcsr);
      /* x87 state (vexdiff_x87.c) */
      if (c->x87) {
         size_t l_ = strlen(why);
         if (x87_compare(c, nat.fx, ir.fx, why + l_, why_size - l_))
            bad = 1;
      }
      ULong fd = (nat.rflags ^ ir.rflags) & mask;
      if (fd != 0)
         WHY("      rflags: native %llx IR %llx (differ in %llx)\n",
             nat.rflags & mask, ir.rflags & mask, fd);
      if (memcmp(mem_native, mem_ir, NATIVE_SCRATCH_SIZE) != 0) {
         for (size_t i = 0; i < NATIVE_SCRATCH_SIZE; i++)
            if (mem_native[i] != mem_ir[i]) {
               WHY("      memory at %lx: native %02x IR %02x\n",
                   NATIVE_SCRATCH_ADDR + i, mem_native[i], mem_ir[i]);
               break;
            }
      }
   }
#undef WHY
   return bad;
}

/* Levels the JIT side runs curated cases and random sequences at
   ("" = none; 'x': see run_jit). */
static const char* jit_levels_curated = "012x";
static const char* jit_levels_random  = "2";
static ULong jit_runs;

/* Renames the VEX side in compare_outcome's messages: " IR " -> " SIDE ". */
static void rename_side(const char* why, const char* side, char* out,
                        size_t out_size)
{
   size_t n = 0;
   for (const char* p = why; *p && n + 16 < out_size; p++) {
      if (p > why && p[-1] == ' ' && p[0] == 'I' && p[1] == 'R'
          && (p[2] == ' ' || p[2] == ':')) {
         n += (size_t)snprintf(out + n, out_size - n, "%s", side);
         p++;
         continue;
      }
      out[n++] = *p;
   }
   out[n] = 0;
}

/* Runs C through the JIT at each level asked for and compares.  IR_OK:
   the IR side passed (a JIT failure is then the optimiser's or the back
   end's). */
static void jit_case(ClassStat* cs, const Case* c, const NativeRegs* nat,
                     Bool ir_ok)
{
   const char* levels = strncmp(cs->name, "random", 6) == 0
                        ? jit_levels_random : jit_levels_curated;
   if (levels[0] == 0)
      return;
   int bad = 0;
   for (const char* l = levels; *l; l++) {
      char level = *l;
      Bool precise = nat->signo == SIGSEGV || nat->signo == SIGBUS;
      Outcome o;
      fill_scratch(c->mem_seed);
      apply_patches(c);
      run_jit(c, level, precise, False, &o);
      memcpy(mem_ir, (void*)NATIVE_SCRATCH_ADDR, NATIVE_SCRATCH_SIZE);
      jit_runs++;
      char why[2048], why2[2560], side[8];
      why[0] = 0;
      if (!compare_outcome(c, nat, &o, why, sizeof why))
         continue;
      bad = 1;
      if (vd_verbose || cs->jit_fail < 3) {
         snprintf(side, sizeof side, "JIT%c", level);
         rename_side(why, side, why2, sizeof why2);
         fprintf(stderr, "FAILED in jit/%s at --vex-iropt-level=%s%s:\n",
                 cs->name, level == 'x' ? "2 with small blocks and event "
                 "checks failing" : (char[]){ level, 0 },
                 ir_ok ? " (the IR side passes)" : "");
         print_case(c);
         fprintf(stderr, "%s", why2);
         if (vd_verbose) {
            /* The translations again, with every trace flag. */
            fill_scratch(c->mem_seed);
            apply_patches(c);
            run_jit(c, level, precise, True, &o);
         }
      }
   }
   if (bad) {
      cs->jit_fail++;
      if (ir_ok)
         cs->jit_only++;
   } else
      cs->jit_pass++;
}

void case_run(const char* cls, Case* c)
{
   ClassStat* cs = class_get(cls);
   if (c->bad) {
      cs->fail++;
      if (class_fail_printed(cs)) {
         fprintf(stderr, "FAILED (cannot encode) in %s: %s\n", cls, c->desc);
      }
      return;
   }
   for (int k = 0; k < c->n; k++) {
      Amd64Dis d;
      Int end = k + 1 < c->n ? c->off[k + 1] : c->len;
      if (amd64_decode(c->code + c->off[k],
                       NATIVE_CODE_ADDR + (Addr64)c->off[k], &d)) {
         note_entry(d.e);
         /* The case's idea of the instruction's length must be the
            decoder's (else the native run would execute garbage). */
         if (d.len != end - c->off[k]) {
            cs->fail++;
            fprintf(stderr, "FAILED in %s: instruction %d is %d bytes, the "
                    "decoder says %d\n", cls, k, end - c->off[k], d.len);
            print_case(c);
            return;
         }
      }
   }

   NativeRegs nat;
   fill_scratch(c->mem_seed);
   apply_patches(c);
   native_run(c->code, c->len, &c->in, &nat);
   memcpy(mem_native, (void*)NATIVE_SCRATCH_ADDR, NATIVE_SCRATCH_SIZE);

   Outcome ir;
   fill_scratch(c->mem_seed);
   apply_patches(c);
   run_ir(c, &ir);
   memcpy(mem_ir, (void*)NATIVE_SCRATCH_ADDR, NATIVE_SCRATCH_SIZE);

   char why[2048];
   why[0] = 0;
   int bad = compare_outcome(c, &nat, &ir, why, sizeof why);
   if (!bad) {
      cs->pass++;
   } else {
      cs->fail++;
      if (class_fail_printed(cs)) {
         fprintf(stderr, "FAILED in %s:\n", cls);
         print_case(c);
         fprintf(stderr, "%s", why);
         if (vd_verbose)
            dump_ir(c);
      }
   }
   /* The JIT side, at each level asked for. */
   jit_case(cs, c, &nat, !bad);
}

/* ================================================================== */
/* Randomised sequences                                               */
/* ================================================================== */

/* Registers random instructions may name: not RSP (the stack), R14 (an
   index register with a small value) or R15 (the memory base). */
static const Int rnd_regs[] = { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13 };
#define N_RND_REGS ((UInt)(sizeof rnd_regs / sizeof rnd_regs[0]))

static Bool has_vsize(const Amd64OpEntry* e)
{
   for (int i = 0; i < 4; i++) {
      switch (e->ops[i]) {
         case OPF_Ev: case OPF_Gv: case OPF_Mv: case OPF_Zv: case OPF_rAX:
         case OPF_Iz: case OPF_Iv: case OPF_Ibs: case OPF_Ov: case OPF_Ey:
         case OPF_Gy:
            return True;
         default:
            break;
      }
   }
   return False;
}

static Bool cls_is(const Amd64OpEntry* e, const char* c)
{
   return strcmp(e->cls, c) == 0;
}

/* The entries random sequences draw from. */
static const Amd64OpEntry* rnd_pool[1024];
static int n_rnd_pool;

void build_rnd_pool(Bool with_div)
{
   const Amd64OpTable* const* t = amd64_all_optables();
   n_rnd_pool = 0;
   for (int f = 0; t[f] != NULL; f++) {
      for (int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* e = &t[f]->entries[i];
         if (e->fn == NULL || (e->flags & (AF_CTRL | AF_SYS | AF_INV64)))
            continue;
         if ((e->flags & AF_FAULTS) && !with_div)
            continue;
         if (cls_is(e, "xlat") || cls_is(e, "pushf") || cls_is(e, "enter")
             || cls_is(e, "pause") || cls_is(e, "system")
             || cls_is(e, "moffs"))
            continue;
         /* string ops address memory through RSI/RDI; sys-* fault or
            depend on the CPU (string/system families) */
         if (strncmp(e->cls, "string", 6) == 0
             || strncmp(e->cls, "sys-", 4) == 0)
            continue;
         if (e->ops[0] >= OPF_Vx)      /* not integer */
            continue;
         if (strncmp(e->cls, "sse", 3) == 0)   /* SSE: --random-sse */
            continue;
         if (strncmp(e->cls, "x87", 3) == 0)   /* x87: vexdiff_x87.c */
            continue;
         rnd_pool[n_rnd_pool++] = e;
      }
   }
}

/* Flags a condition code reads. */
static ULong cond_reads(int cc)
{
   switch (cc >> 1) {
      case 0: return FL_O;
      case 1: return FL_C;
      case 2: return FL_Z;
      case 3: return FL_C | FL_Z;
      case 4: return FL_S;
      case 5: return FL_P;
      case 6: return FL_S | FL_O;
      default: return FL_S | FL_O | FL_Z;
   }
}

#define FL_OSZAPC (FL_O | FL_S | FL_Z | FL_A | FL_P | FL_C)

/* What instruction S does to the flags, for tracking which are defined:
   READS (must be defined before), and the set of undefined flags U
   updated. */
static void flag_effect(const EncSpec* s, ULong* reads, ULong* u)
{
   const Amd64OpEntry* e = s->e;
   Int w = 8 * enc_form_size(e->ops[0], s->sz);
   *reads = 0;
   if (cls_is(e, "alu")) {
      if (e->arg == 2 || e->arg == 3)
         *reads = FL_C;
      *u = (e->arg == 1 || e->arg == 4 || e->arg == 6) ? FL_A : 0;
   } else if (cls_is(e, "test")) {
      *u = FL_A;
   } else if (cls_is(e, "incdec")) {
      *u &= FL_C;
   } else if (cls_is(e, "notneg")) {
      if (e->arg == 1)
         *u = 0;
   } else if (cls_is(e, "mul") || cls_is(e, "imul")) {
      *u = FL_S | FL_Z | FL_A | FL_P;
   } else if (cls_is(e, "div")) {
      *u = FL_OSZAPC;
   } else if (cls_is(e, "shift") || cls_is(e, "shd")) {
      Bool imm = e->ops[1] == OPF_Ib || e->ops[1] == OPF_ONE
                 || e->ops[2] == OPF_Ib;
      UInt c = 1;
      if (e->ops[1] == OPF_Ib) c = (UInt)s->imm[0];
      if (e->ops[2] == OPF_Ib) c = (UInt)s->imm[0];
      c &= (w == 64 ? 63 : 31);
      if (!imm) {
         *u |= FL_A | FL_O | (w <= 16 ? FL_C : 0);
      } else if (c != 0) {
         ULong nu = FL_A;
         if (c != 1) nu |= FL_O;
         if (c >= (UInt)w && e->arg != 7) nu |= FL_C;
         *u = nu;
      }
   } else if (cls_is(e, "rotate")) {
      *u |= FL_O;
   } else if (cls_is(e, "rcl")) {
      *reads = FL_C;
      *u |= FL_O;
   } else if (cls_is(e, "bt")) {
      *u = (*u | FL_O | FL_S | FL_A | FL_P) & ~FL_C;
   } else if (cls_is(e, "bitscan")) {
      *u = FL_O | FL_S | FL_A | FL_P | FL_C;
   } else if (cls_is(e, "lzcnt")) {
      *u = FL_O | FL_S | FL_A | FL_P;
   } else if (cls_is(e, "popcnt") || cls_is(e, "cmpxchg")
              || cls_is(e, "xadd")) {
      *u = 0;
   } else if (cls_is(e, "cmpxchg8b")) {
      *u &= ~FL_Z;
   } else if (cls_is(e, "cmov") || cls_is(e, "setcc")) {
      *reads = cond_reads(s->opc_low);
   } else if (cls_is(e, "flags")) {
      if (strcmp(e->mnem, "lahf") == 0)
         *reads = FL_S | FL_Z | FL_A | FL_P | FL_C;
      else if (strcmp(e->mnem, "sahf") == 0)
         *u &= FL_O;
      else if (strcmp(e->mnem, "cmc") == 0)
         *reads = FL_C;
      else
         *u &= ~FL_C;                            /* clc, stc */
   }
}

ULong rnd_value(Rng* r)
{
   static const ULong special[] = {
      0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF,
      0x80000000, 0xFFFFFFFF, 0x7FFFFFFFFFFFFFFFULL, 0x8000000000000000ULL,
      ~0ULL, 3, 31, 32, 63, 64
   };
   switch (rng_below(r, 4)) {
      case 0:  return special[rng_below(r, sizeof special / sizeof special[0])];
      case 1:  return rng_below(r, 256);
      default: return rng_next(r);
   }
}

/* Makes a random instruction into S (at the end of C); False if it gave
   up. */
Bool random_insn(Rng* r, Case* c, EncSpec* s, ULong* undef)
{
   for (int tries = 0; tries < 200; tries++) {
      const Amd64OpEntry* e = rnd_pool[rng_below(r, (UInt)n_rnd_pool)];
      enc_init(s, e, case_pc(c));
      if (e->flags & AF_F64)
         s->sz = 8;
      else if (e->flags & AF_D64)
         s->sz = rng_below(r, 4) == 0 ? 2 : 8;
      else if (has_vsize(e))
         s->sz = (Int[]){ 2, 4, 8, 8, 4 }[rng_below(r, 5)];
      s->greg   = rnd_regs[rng_below(r, N_RND_REGS)];
      s->rm_reg = rnd_regs[rng_below(r, N_RND_REGS)];
      if (e->span == 16)
         s->opc_low = (Int)rng_below(r, 16);
      else if (e->span == 8)
         s->opc_low = rnd_regs[rng_below(r, N_RND_REGS)];
      Bool mem = (e->flags & AF_MEM) != 0;
      for (int i = 0; i < 4; i++)
         if (enc_form_kind(e->ops[i]) == EK_M)
            mem = True;
      if (!(e->flags & AF_REG) && !mem) {
         Bool has_e = False;
         for (int i = 0; i < 4; i++)
            if (enc_form_kind(e->ops[i]) == EK_E)
               has_e = True;
         if (has_e && rng_below(r, 5) < 2)
            mem = True;
      }
      if (mem) {
         s->rm_reg = -1;
         UInt mode = rng_below(r, 10);
         Long disp = (Long)rng_below(r, 2048) - 1024;
         if (mode < 4) {
            s->m_base = 15;
            s->m_disp = disp;
         } else if (mode < 6) {
            s->m_base = 15;
            s->m_index = 14;
            s->m_scale = 1 << rng_below(r, 4);
            s->m_disp = disp;
         } else if (mode < 7) {
            s->m_base = ENC_RIP;
            s->m_disp = (Long)(NATIVE_SCRATCH_MID + (ULong)disp);
         } else if (mode < 8) {
            s->m_base = -1;
            s->m_index = 14;
            s->m_scale = 8;
            s->m_disp = (Long)(NATIVE_SCRATCH_MID + (ULong)disp);
         } else if (mode < 9) {
            s->seg = 0x65;           /* gs: is the scratch area */
            s->m_base = -1;
            s->m_disp = (Long)(NATIVE_SCRATCH_SIZE / 2 + (ULong)disp);
         } else {
            s->asz32 = True;
            s->m_base = 15;
            s->m_disp = disp;
         }
         if (s->m_base == 15 && rng_below(r, 8) == 0)
            s->m_dispsz = 4;
         if ((e->flags & AF_LOCK) && enc_form_kind(e->ops[0]) != EK_G
             && rng_below(r, 3) == 0)
            s->lock = True;
      }
      /* Immediates. */
      for (int i = 0, k = 0; i < 4; i++) {
         if (enc_form_kind(e->ops[i]) != EK_I)
            continue;
         ULong v = rnd_value(r);
         if (cls_is(e, "shift") || cls_is(e, "rotate") || cls_is(e, "rcl")
             || cls_is(e, "shd"))
            v = rng_below(r, 3) == 0 ? rng_below(r, 256) : rng_below(r, 70);
         s->imm[k++] = v;
      }
      /* Instructions whose result the SDM leaves undefined. */
      if (cls_is(e, "shd") && s->sz == 2) {
         if (e->ops[2] == OPF_CL)
            continue;
         s->imm[0] &= 15;
      }
      if (cls_is(e, "bswap") && s->sz == 2)
         continue;
      /* bt* with a register bit offset reaches anywhere in memory. */
      if (cls_is(e, "bt") && mem && e->ops[1] == OPF_Gv)
         continue;
      if (cls_is(e, "cmpxchg8b") && e->arg == 8) {
         /* 16-byte aligned: r15 is. */
         s->m_base = 15; s->m_index = -1; s->seg = 0; s->asz32 = False;
         s->m_disp = ((Long)rng_below(r, 128) - 64) * 16;
      }
      /* Noise that must not change the meaning. */
      if (rng_below(r, 8) == 0)
         s->force_rex = True;
      if (rng_below(r, 6) == 0 && !s->force_rex)
         s->hi8 = True;
      if (rng_below(r, 20) == 0 && s->seg == 0)
         s->seg = (UChar[]){ 0x2E, 0x3E, 0x26, 0x36 }[rng_below(r, 4)];
      if (e->map == AMD64_MAP_1B && e->pfx == AMD64_PFX_ANY
          && !(e->opc <= 0x90 && e->opc + e->span > 0x90)
          && rng_below(r, 25) == 0)
         s->rep = rng_below(r, 2) ? 0xF2 : 0xF3;

      ULong reads, u = *undef;
      flag_effect(s, &reads, &u);
      if (reads & *undef)
         continue;
      UChar tmp[16];
      s->addr = case_pc(c);
      if (enc_insn(s, tmp) < 0)
         continue;
      *undef = u;
      return True;
   }
   return False;
}

static void run_random(int n_seq, ULong seed, const char* cls, Bool with_div)
{
   build_rnd_pool(with_div);
   Rng r = { seed };
   for (int q = 0; q < n_seq; q++) {
      Case c;
      char desc[64];
      snprintf(desc, sizeof desc, "%s sequence %d (seed %llu)", cls, q, seed);
      case_begin(&c, desc);
      for (int i = 0; i < 16; i++)
         c.in.gpr[i] = rnd_value(&r);
      c.in.gpr[4]  = NATIVE_SCRATCH_MID - 0x100;
      c.in.gpr[14] = rng_below(&r, 8);
      c.in.gpr[15] = NATIVE_SCRATCH_MID;
      c.in.rflags  = rng_next(&r) & 0x8D5;
      c.mem_seed   = (UInt)rng_next(&r);
      c.chase      = rng_below(&r, 2);
      ULong undef = 0;
      int len = 1 + (int)rng_below(&r, 8);
      c.has_mask_at = True;
      for (int i = 0; i < len; i++) {
         EncSpec s;
         ULong before = undef;
         if (!random_insn(&r, &c, &s, &undef))
            break;
         c.mask_at[c.n] = FLAGS_ALL & ~before;
         case_add(&c, &s);
      }
      c.flag_mask = FLAGS_ALL & ~undef;
      case_run(cls, &c);
   }
}

/* ================================================================== */
/* Coverage listing                                                   */
/* ================================================================== */

static const char* map_name(int m)
{
   switch (m) {
      case AMD64_MAP_1B:   return "";
      case AMD64_MAP_0F:   return "0F ";
      case AMD64_MAP_0F38: return "0F 38 ";
      default:             return "0F 3A ";
   }
}

static const char* pfx_name(int p)
{
   switch (p) {
      case AMD64_PFX_NP: return "NP ";
      case AMD64_PFX_66: return "66 ";
      case AMD64_PFX_F2: return "F2 ";
      case AMD64_PFX_F3: return "F3 ";
      default:           return "";
   }
}

static void print_coverage(void)
{
   const Amd64OpTable* const* t = amd64_all_optables();
   printf("| family | class | mnemonic | encoding | operands | notes |\n");
   printf("|---|---|---|---|---|---|\n");
   int n_impl = 0, n_forms = 0;
   char mnems[512][24];
   int n_mnems = 0;
   for (int f = 0; t[f] != NULL; f++) {
      for (int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* e = &t[f]->entries[i];
         char enc[64], ops[64] = "", notes[128] = "";
         if (e->span > 1)
            snprintf(enc, sizeof enc, "%s%s%02X..%02X", pfx_name(e->pfx),
                     map_name(e->map), e->opc, e->opc + e->span - 1);
         else
            snprintf(enc, sizeof enc, "%s%s%02X", pfx_name(e->pfx),
                     map_name(e->map), e->opc);
         if (e->modrm >= 0) {
            size_t l = strlen(enc);
            snprintf(enc + l, sizeof enc - l, " %02X", e->modrm);
         } else if (e->ext >= 0) {
            size_t l = strlen(enc);
            snprintf(enc + l, sizeof enc - l, " /%d", e->ext);
         }
         for (int k = 0; k < 4 && e->ops[k]; k++) {
            size_t l = strlen(ops);
            snprintf(ops + l, sizeof ops - l, "%s%s", k ? ", " : "",
                     amd64_opform_name(e->ops[k]));
         }
#define NOTE(s) do { size_t l_ = strlen(notes); \
                     snprintf(notes + l_, sizeof notes - l_, "%s%s", \
                              l_ ? ", " : "", s); } while (0)
         if (e->flags & AF_LOCK)  NOTE("lock");
         if (e->flags & AF_XLOCK) NOTE("always atomic");
         if (e->flags & AF_D64)   NOTE("64-bit default");
         if (e->flags & AF_F64)   NOTE("64-bit");
         if (e->flags & AF_W1)    NOTE("REX.W");
         if (e->flags & AF_W0)    NOTE("no REX.W");
         if (e->flags & AF_MEM)   NOTE("memory only");
         if (e->flags & AF_REG)   NOTE("register only");
         if (e->flags & AF_INV64) NOTE("invalid in 64-bit mode");
         if (e->fn == NULL && !(e->flags & AF_INV64)) NOTE("not implemented");
#undef NOTE
         char mn[64];
         snprintf(mn, sizeof mn, "%s", e->mnem);
         for (char* p = mn; *p; p++)
            if (*p == '|') *p = '/';
         printf("| %s | %s | %s | %s | %s | %s |\n", t[f]->family, e->cls,
                mn, enc, ops, notes);
         if (e->fn != NULL) {
            n_impl++;
            n_forms += e->span;
            /* distinct mnemonics */
            char base[24];
            snprintf(base, sizeof base, "%s", e->mnem);
            char* bar = strchr(base, '|');
            if (bar) *bar = 0;
            char* pct = strchr(base, '%');
            if (pct) *pct = 0;
            char* sp = strchr(base, ' ');   /* x87: "fadd st(1),st(0)" */
            if (sp) *sp = 0;
            int dup = 0;
            for (int m = 0; m < n_mnems; m++)
               if (strcmp(mnems[m], base) == 0) dup = 1;
            if (!dup && n_mnems < 512)
               snprintf(mnems[n_mnems++], sizeof mnems[0], "%s", base);
         }
      }
   }
   printf("\n%d implemented table entries covering %d opcode encodings; "
          "%d distinct mnemonic stems (condition-code families counted "
          "once).\n", n_impl, n_forms, n_mnems);
}

/* ================================================================== */
/* main                                                               */
/* ================================================================== */

int main(int argc, char** argv)
{
   int   n_random = 100000, n_random_div = 2000;
   int   n_random_sse = 10000;           /* SSE family (vexdiff_sse.c) */
   int   n_random_ctrl = 2000;           /* with branches (vexdiff_jit.c) */
   ULong seed = 20240601;
   const char* only = NULL;
   Bool curated = True, random = True;
   for (int i = 1; i < argc; i++) {
      if (strcmp(argv[i], "--random") == 0 && i + 1 < argc)
         n_random = atoi(argv[++i]);
      else if (strcmp(argv[i], "--random-div") == 0 && i + 1 < argc)
         n_random_div = atoi(argv[++i]);
      else if (strcmp(argv[i], "--random-ctrl") == 0 && i + 1 < argc)
         n_random_ctrl = atoi(argv[++i]);
      else if (strcmp(argv[i], "--random-sse") == 0 && i + 1 < argc)
         n_random_sse = atoi(argv[++i]);
      else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
         seed = strtoull(argv[++i], NULL, 0);
      else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
         only = argv[++i];
      else if (strcmp(argv[i], "--jit-levels") == 0 && i + 1 < argc)
         jit_levels_curated = argv[++i];
      else if (strcmp(argv[i], "--random-jit-levels") == 0 && i + 1 < argc)
         jit_levels_random = argv[++i];
      else if (strcmp(argv[i], "--no-jit") == 0)
         jit_levels_curated = jit_levels_random = "";
      else if (strcmp(argv[i], "--no-curated") == 0)
         curated = False;
      else if (strcmp(argv[i], "--no-random") == 0)
         random = False;
      else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0)
         vd_verbose = True;
      else if (strcmp(argv[i], "--coverage") == 0) {
         print_coverage();
         return 0;
      } else {
         Bool help = strcmp(argv[i], "--help") == 0;
         fprintf(help ? stdout : stderr,
                 "usage: vexdiff [--random N] [--random-div N] [--random-sse N]\n"
                 "               [--seed S]\n"
                 "               [--only CLASS] [--no-curated] [--no-random]\n"
                 "               [--verbose] [--coverage]\n"
                 "  --random N      random sequences without div (default "
                 "100000)\n"
                 "  --random-div N  random sequences with div/idiv (default "
                 "2000)\n"
                 "  --random-sse N  random sequences of SSE instructions "
                 "(default 10000)\n"
                 "  --random-ctrl N random integer sequences with branches "
                 "(default 2000)\n"
                 "  --seed S        the random generator's seed\n"
                 "  --only CLASS    only the classes whose name contains "
                 "CLASS\n"
                 "  --jit-levels L  iropt levels the JIT side runs curated "
                 "cases at (default 012x;\n"
                 "                  x: 2 with small blocks, event checks "
                 "failing)\n"
                 "  --random-jit-levels L  ... and random sequences at "
                 "(default 2)\n"
                 "  --no-jit        no JIT side\n"
                 "  --verbose       every failure in full, with its IR\n"
                 "  --coverage      print the opcode tables (markdown) and "
                 "exit\n");
         return help ? 0 : 2;
      }
   }
   vex_init_callbacks(vd_failure_exit, vd_log_bytes);
   if (native_init() != 0)
      return 2;
   fs_base_cached    = native_fs_base();
   jit_init(vd_failure_exit, vd_log_bytes);
   for (const char* l = jit_levels_curated; *l; l++)
      if ((*l < '0' || *l > '2') && *l != 'x') {
         fprintf(stderr, "vexdiff: --jit-levels: 0, 1, 2 or x\n");
         return 2;
      }
   for (const char* l = jit_levels_random; *l; l++)
      if ((*l < '0' || *l > '2') && *l != 'x') {
         fprintf(stderr, "vexdiff: --random-jit-levels: 0, 1, 2 or x\n");
         return 2;
      }
   ir_interp_addr_ok = case_addr_ok;

   if (curated)
      curated_all(only);
   if (curated)
      curated_sse(only);                 /* vexdiff_sse.c */
   if (random && (only == NULL || strncmp(only, "random", 4) == 0)) {
      run_random(n_random, seed, "random", False);
      run_random(n_random_div, seed + 1, "random-div", True);
   }
   if (random && (only == NULL || strstr("random-sse", only) != NULL))
      random_sse(n_random_sse, seed + 2);   /* vexdiff_sse.c */
   if (random && (only == NULL || strstr("random-ctrl", only) != NULL))
      random_ctrl(n_random_ctrl, seed + 3); /* vexdiff_jit.c */

   int total_pass = 0, total_fail = 0, cur = 0;
   for (int i = 0; i < n_classes; i++) {
      ClassStat* c = &classes[i];
      int n = c->pass + c->fail;
      printf("%s: vex/amd64/%s (%d %s", c->fail ? "FAIL" : "PASS", c->name,
             n, strncmp(c->name, "random", 6) == 0 ? "sequences" : "cases");
      if (c->fail)
         printf(", %d failed", c->fail);
      printf(")\n");
      total_pass += c->pass;
      total_fail += c->fail;
      if (strncmp(c->name, "random", 6) != 0)
         cur += n;
   }
   /* The JIT side, class by class. */
   int jit_pass = 0, jit_fail = 0;
   for (int i = 0; i < n_classes; i++) {
      ClassStat* c = &classes[i];
      int n = c->jit_pass + c->jit_fail;
      if (n == 0)
         continue;
      Bool rnd = strncmp(c->name, "random", 6) == 0;
      printf("%s: vex/amd64/jit/%s (%d %s x %d level%s", c->jit_fail ? "FAIL"
             : "PASS", c->name, n, rnd ? "sequences" : "cases",
             (int)strlen(rnd ? jit_levels_random : jit_levels_curated),
             strlen(rnd ? jit_levels_random : jit_levels_curated) == 1 ? ""
             : "s");
      if (c->jit_fail)
         printf(", %d failed, %d of them where the IR side passes",
                c->jit_fail, c->jit_only);
      printf(")\n");
      jit_pass += c->jit_pass;
      jit_fail += c->jit_fail;
   }
   /* Entries never exercised (informational). */
   const Amd64OpTable* const* t = amd64_all_optables();
   int unexercised = 0;
   for (int f = 0; t[f] != NULL; f++)
      for (int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* e = &t[f]->entries[i];
         if (e->fn == NULL)
            continue;
         int seen = 0;
         for (int k = 0; k < n_seen; k++)
            if (seen_entries[k] == e) seen = 1;
         if (!seen) {
            unexercised++;
            if (vd_verbose)
               printf("note: entry %s (%02x) not exercised\n", e->mnem,
                      e->opc);
         }
      }
   printf("vexdiff: %d curated cases, %d cases/sequences in all: %d passed, "
          "%d failed; %llu blocks, %llu instructions translated; "
          "%d implemented table entries not exercised\n",
          cur, total_pass + total_fail, total_pass, total_fail, ir_blocks,
          ir_insns, unexercised);
   printf("vexdiff: JIT: %d cases/sequences: %d passed, %d failed; %llu "
          "runs, %llu blocks, %llu instructions translated to %llu bytes; "
          "%llu exits chained, %llu event checks failed, %llu faults in "
          "translated code\n",
          jit_pass + jit_fail, jit_pass, jit_fail, jit_runs, jit_total_blocks,
          jit_total_guest_insns, jit_total_host_bytes, jit_total_chained,
          jit_total_evfails, jit_total_host_faults);
   return total_fail == 0 && jit_fail == 0 ? 0 : 1;
}
