/* vexdiff's JIT executor: see jit_exec.h. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <sys/mman.h>
#include "libvex_basictypes.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "libvex_trc_values.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/ir_opt.h"
#include "jit_exec.h"

ULong jit_total_blocks, jit_total_guest_insns, jit_total_host_bytes;
ULong jit_total_host_faults, jit_total_chained, jit_total_evfails;

/* ------------------------------------------------------------------ */
/* The dispatcher (jit_dispatch.S)                                    */
/* ------------------------------------------------------------------ */

extern HWord jd_run(void* guest_state, const void* host_code);
extern void  jd_chain_me_slow(void);
extern void  jd_chain_me_fast(void);
extern void  jd_xindir(void);
extern void  jd_xassisted(void);
extern void  jd_evfail(void);
extern ULong jd_site;
extern ULong jd_trc;

enum { JD_CHAIN_SLOW = 1, JD_CHAIN_FAST, JD_XINDIR, JD_XASSISTED,
       JD_EVFAIL, JD_BADCW = 8 };

/* ------------------------------------------------------------------ */
/* VEX's callbacks during a translation                               */
/* ------------------------------------------------------------------ */

static void (*harness_fail)(void);
static void (*harness_log)(const HChar*, SizeT);

static char    jlog[16384];
static size_t  jlog_len;
static Bool    jlog_to_stderr;
static jmp_buf jfail_jmp;

static void jit_log(const HChar* b, SizeT n)
{
   if (jlog_to_stderr)
      fwrite(b, 1, n, stderr);
   if (jlog_len + n >= sizeof jlog)
      jlog_len = 0;                 /* keep the latest output */
   if (n >= sizeof jlog)
      return;
   memcpy(jlog + jlog_len, b, n);
   jlog_len += n;
   jlog[jlog_len] = 0;
}

static void jit_fail(void)
{
   longjmp(jfail_jmp, 1);
}

/* ------------------------------------------------------------------ */
/* Faults in translated code                                          */
/* ------------------------------------------------------------------ */

static struct sigaction prev_sa[NSIG];
static volatile sig_atomic_t in_jit;
static sigjmp_buf  fault_jmp;
static volatile int   fault_sig;
static volatile ULong fault_host_pc;

static void on_fault(int sig, siginfo_t* si, void* uc_v)
{
   if (!in_jit) {
      /* Not ours: the native runner's (or the default) handler. */
      struct sigaction* p = &prev_sa[sig];
      if ((p->sa_flags & SA_SIGINFO) && p->sa_sigaction != NULL) {
         p->sa_sigaction(sig, si, uc_v);
         return;
      }
      if (p->sa_handler != SIG_DFL && p->sa_handler != SIG_IGN
          && p->sa_handler != NULL) {
         p->sa_handler(sig);
         return;
      }
      signal(sig, SIG_DFL);
      raise(sig);
      return;
   }
   ucontext_t* uc = uc_v;
   fault_sig     = sig;
   fault_host_pc = (ULong)uc->uc_mcontext.gregs[REG_RIP];
   in_jit = 0;
   /* The handler runs with SA_NODEFER and an empty mask, so the signal
      mask need not be restored. */
   siglongjmp(fault_jmp, 1);
}

void jit_init(void (*fail)(void), void (*log)(const HChar*, SizeT))
{
   harness_fail = fail;
   harness_log  = log;
   VexControl vc;
   LibVEX_default_VexControl(&vc);
   LibVEX_Init(fail, log, &vc);

   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = on_fault;
   sa.sa_flags     = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
   sigemptyset(&sa.sa_mask);
   int sigs[] = { SIGFPE, SIGSEGV, SIGILL, SIGTRAP, SIGBUS };
   for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
      sigaction(sigs[i], &sa, &prev_sa[sigs[i]]);
}

/* ------------------------------------------------------------------ */
/* Storage: host code, the guest state with its spill area            */
/* ------------------------------------------------------------------ */

#define CODE_BUF_SIZE (4u << 20)
static UChar* code_buf;
static UInt   code_used;

/* The guest state, its two shadows (unused) and the spill slots the
   register allocator addresses from %rbp. */
static UChar gst_area[3 * sizeof(VexGuestAMD64State) + LibVEX_N_SPILL_BYTES]
   __attribute__((aligned(64)));

/* This run's translations. */
#define MAX_TRANS 256
typedef struct { Addr64 ga; UChar* host; } Trans;
static Trans trans[MAX_TRANS];
static Int   n_trans;

/* The case being run. */
static const JitCase* cur;
static UChar  guest_copy[4096 + 64];

static Bool in_case(Addr64 a)
{
   return a >= cur->start && a < cur->start + (Addr64)cur->len;
}

static Bool boundary(Addr64 a)
{
   for (Int k = 0; k < cur->n; k++)
      if (cur->start + (Addr64)cur->off[k] == a)
         return True;
   return False;
}

static Bool chase_ok(void* opaque, Addr64 a)
{
   (void)opaque;
   return in_case(a);
}

static UInt host_hwcaps(void)
{
   return VEX_HWCAPS_AMD64_SSE3 | VEX_HWCAPS_AMD64_SSSE3
          | VEX_HWCAPS_AMD64_SSE41 | VEX_HWCAPS_AMD64_SSE42
          | VEX_HWCAPS_AMD64_POPCNT | VEX_HWCAPS_AMD64_CX16
          | (__builtin_cpu_supports("lzcnt") ? VEX_HWCAPS_AMD64_LZCNT : 0);
}

/* Every block, as the optimiser leaves it at the level asked for, must
   pass the sanity checker (flat): LibVEX_Translate hands it to the
   finaltidy callback just before tree building. */
static IRSB* check_optimised(IRSB* sb)
{
   sanityCheckIRSB(sb, "vexdiff JIT: after the optimiser", True, Ity_I64);
   return sb;
}

/* Translates the block at GA; NULL (and R->err) on failure. */
static UChar* translate(Addr64 ga, JitResult* r)
{
   for (Int i = 0; i < n_trans; i++)
      if (trans[i].ga == ga)
         return trans[i].host;
   if (n_trans == MAX_TRANS) {
      snprintf(r->err, sizeof r->err, "too many translations");
      return NULL;
   }
   code_used = (code_used + 15u) & ~15u;
   if (code_used + 65536 > CODE_BUF_SIZE) {
      snprintf(r->err, sizeof r->err, "code buffer full");
      return NULL;
   }

   VexControl vc;
   LibVEX_default_VexControl(&vc);
   vc.iropt_level = cur->iropt_level;
   vc.guest_chase = cur->chase;
   if (cur->max_insns > 0)
      vc.guest_max_insns = cur->max_insns;
   jlog_len = 0;
   jlog[0]  = 0;
   jlog_to_stderr = cur->trace;
   LibVEX_Init(jit_fail, jit_log, &vc);

   VexGuestExtents vge;
   Int used = 0;
   VexTranslateArgs vta;
   memset(&vta, 0, sizeof vta);
   vta.arch_guest = vta.arch_host = VexArchAMD64;
   vta.archinfo_host.hwcaps  = host_hwcaps();
   vta.archinfo_host.endness = VexEndnessLE;
   vta.archinfo_guest        = vta.archinfo_host;
   vta.abiinfo_both.guest_stack_redzone_szB = 128;
   vta.guest_bytes      = guest_copy + (ga - cur->start);
   vta.guest_bytes_addr = ga;
   vta.chase_into_ok    = chase_ok;
   vta.guest_extents    = &vge;
   vta.host_bytes       = code_buf + code_used;
   vta.host_bytes_size  = 65536;
   vta.host_bytes_used  = &used;
   vta.px_control       = cur->px;
   vta.finaltidy        = check_optimised;
   vta.traceflags       = cur->trace ? 0xFF : 0;
   vta.disp_cp_chain_me_to_slowEP = (const void*)jd_chain_me_slow;
   vta.disp_cp_chain_me_to_fastEP = (const void*)jd_chain_me_fast;
   vta.disp_cp_xindir    = (const void*)jd_xindir;
   vta.disp_cp_xassisted = (const void*)jd_xassisted;

   VexTranslateResult tr;
   if (setjmp(jfail_jmp) != 0) {
      vex_init_callbacks(harness_fail, harness_log);
      snprintf(r->err, sizeof r->err, "VEX failure translating 0x%llx at "
               "level %d:\n%.900s", ga, cur->iropt_level, jlog);
      return NULL;
   }
   tr = LibVEX_Translate(&vta);
   vex_init_callbacks(harness_fail, harness_log);
   if (tr.status != VexTransOK) {
      snprintf(r->err, sizeof r->err, "LibVEX_Translate status 0x%x",
               (unsigned)tr.status);
      return NULL;
   }
   UChar* host = code_buf + code_used;
   code_used += (UInt)used;
   trans[n_trans].ga   = ga;
   trans[n_trans].host = host;
   n_trans++;
   r->n_blocks++;
   jit_total_blocks++;
   jit_total_guest_insns += tr.n_guest_instrs;
   jit_total_host_bytes  += (ULong)used;
   return host;
}

/* The fault a VEX_TRC_JMP_* stands for, as the IR interpreter's jump
   kinds do; 0 for none, -1 for a TRC a case should not produce. */
static int trc_signal(ULong trc)
{
   switch (trc) {
      case VEX_TRC_JMP_SIGFPE_INTDIV:
      case VEX_TRC_JMP_SIGFPE_INTOVF: return SIGFPE;
      case VEX_TRC_JMP_SIGSEGV:       return SIGSEGV;
      case VEX_TRC_JMP_SIGILL:
      case VEX_TRC_JMP_NODECODE:      return SIGILL;
      case VEX_TRC_JMP_SIGTRAP:       return SIGTRAP;
      case VEX_TRC_JMP_SIGBUS:        return SIGBUS;
      case VEX_TRC_JMP_BORING:
      case VEX_TRC_JMP_YIELD:
      case VEX_TRC_JMP_INVALICACHE:   return 0;
      default:                        return -1;
   }
}

void jit_run(const JitCase* jc, VexGuestAMD64State* st, JitResult* r)
{
   memset(r, 0, sizeof *r);
   if (code_buf == NULL) {
      void* p = mmap(NULL, CODE_BUF_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) {
         snprintf(r->err, sizeof r->err, "cannot map the code buffer");
         return;
      }
      code_buf = p;
   }
   if (jc->len + 16 > (Int)sizeof guest_copy) {
      snprintf(r->err, sizeof r->err, "case too long");
      return;
   }
   cur       = jc;
   n_trans   = 0;
   code_used = 0;
   /* The case, then `jmp .' at its end: a block reaching the end leaves
      for the end address (chasing into it is refused). */
   memcpy(guest_copy, jc->code, (size_t)jc->len);
   static const UChar sentinel[5] = { 0xE9, 0xFB, 0xFF, 0xFF, 0xFF };
   memcpy(guest_copy + jc->len, sentinel, sizeof sentinel);
   memset(guest_copy + jc->len + 5, 0x90, 16);
   const Addr64 end = jc->start + (Addr64)jc->len;

   VexGuestAMD64State* g = (VexGuestAMD64State*)gst_area;
   memset(gst_area, 0, sizeof gst_area);
   *g = *st;
   g->host_EvC_FAILADDR = (ULong)(HWord)jd_evfail;
   const UInt evc = jc->evc_period > 0 ? (UInt)jc->evc_period : 100000;
   g->host_EvC_COUNTER  = evc;

   for (;;) {
      Addr64 pc = g->guest_RIP;
      if (pc == end)
         break;
      if (!boundary(pc)) {
         snprintf(r->err, sizeof r->err,
                  "went to 0x%llx, not an instruction of the case", pc);
         break;
      }
      if (r->n_exits - r->n_evfails > 500 || r->n_evfails > 100000) {
         snprintf(r->err, sizeof r->err, "too many blocks");
         break;
      }
      UChar* host = translate(pc, r);
      if (host == NULL)
         break;
      HWord rc;
      in_jit = 1;
      if (sigsetjmp(fault_jmp, 0) == 0) {
         rc = jd_run(g, host);
         in_jit = 0;
      } else {
         /* A fault in translated code (or a helper it called): the
            guest state is up to date as far as the precise-exception
            setting promises, its RIP the faulting instruction's. */
         __asm__ __volatile__("fninit");
         UInt mx = 0x1F80;
         __asm__ __volatile__("ldmxcsr %0" : : "m"(mx));
         if (fault_sig == SIGSEGV || fault_sig == SIGBUS) {
            r->signo = fault_sig;
            r->rip   = g->guest_RIP;
            jit_total_host_faults++;
         } else {
            snprintf(r->err, sizeof r->err, "signal %d in translated code "
                     "at host address %llx (block at 0x%llx)", fault_sig,
                     fault_host_pc, pc);
         }
         break;
      }
      r->n_exits++;
      if (rc & JD_BADCW) {
         snprintf(r->err, sizeof r->err, "the translation of 0x%llx left "
                  "MXCSR or the x87 control word changed", pc);
         break;
      }
      if (rc == JD_CHAIN_SLOW || rc == JD_CHAIN_FAST) {
         /* Chain the exit when its target is in the case, so that the
            next time round it goes there directly. */
         Addr64 next = g->guest_RIP;
         if (next != end && boundary(next)) {
            UChar* to = translate(next, r);
            if (to == NULL)
               break;
            if (rc == JD_CHAIN_FAST)
               to += LibVEX_evCheckSzB(VexArchAMD64);
            jit_total_chained++;
            LibVEX_Chain(VexArchAMD64, (void*)(HWord)jd_site,
                         rc == JD_CHAIN_FAST ? (const void*)jd_chain_me_fast
                                             : (const void*)jd_chain_me_slow,
                         to);
         }
         continue;
      }
      if (rc == JD_XINDIR)
         continue;
      if (rc == JD_XASSISTED) {
         int s = trc_signal(jd_trc);
         if (s < 0) {
            snprintf(r->err, sizeof r->err, "unexpected assisted exit, TRC "
                     "%llu, at 0x%llx", jd_trc, g->guest_RIP);
            break;
         }
         if (s > 0) {
            r->signo = s;
            r->rip   = g->guest_RIP;
            break;
         }
         continue;
      }
      if (rc == JD_EVFAIL) {
         /* The failing block's own address is in the guest state: go on
            there with a new count, as the scheduler does. */
         r->n_evfails++;
         jit_total_evfails++;
         if (jc->evc_period > 0) {
            g->host_EvC_COUNTER = evc;
            continue;
         }
         snprintf(r->err, sizeof r->err, "event check failed (a loop that "
                  "does not end?)");
         break;
      }
      snprintf(r->err, sizeof r->err, "dispatcher returned %lu",
               (unsigned long)rc);
      break;
   }
   /* The host-side fields are the executor's business. */
   g->host_EvC_FAILADDR = st->host_EvC_FAILADDR;
   g->host_EvC_COUNTER  = st->host_EvC_COUNTER;
   *st = *g;
   cur = NULL;
}
