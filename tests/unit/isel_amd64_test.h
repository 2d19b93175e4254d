/* Shared by the amd64 instruction-selection tests (test_isel_amd64.c,
   test_isel_amd64_simd.c): compiling IR blocks with iselSB_AMD64, the
   register allocator and the emitter into executable memory, running them
   natively through a miniature dispatcher, the tests' guest state, and
   shorthands for building IR.  Everything is static (each test file has
   its own copy of the state); unused functions are allowed. */
#ifndef ISEL_AMD64_TEST_H
#define ISEL_AMD64_TEST_H

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "libvex.h"
#include "libvex_ir.h"
#include "libvex_trc_values.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/host_generic_regs.h"
#include "../../VEX/priv/host_amd64_defs.h"

#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-variable"

/* ------------------------------------------------------------------ */
/* VEX's output and failures                                          */
/* ------------------------------------------------------------------ */

static char    out[1 << 16];
static size_t  out_len;
static jmp_buf fail_jmp;
static int     fail_armed;

static void log_cb(const HChar* bytes, SizeT n)
{
   if (out_len + n >= sizeof out)
      n = sizeof out - 1 - out_len;
   memcpy(out + out_len, bytes, n);
   out_len += n;
   out[out_len] = 0;
}

static void fail_cb(void)
{
   if (fail_armed)
      longjmp(fail_jmp, 1);
   fprintf(stderr, "unexpected VEX failure:\n%s\n", out);
   abort();
}

/* ------------------------------------------------------------------ */
/* The miniature dispatcher                                           */
/* ------------------------------------------------------------------ */

/* The miniature dispatcher (test_isel_amd64.c).  ti_run(gsp, code)
   enters CODE with %rbp = GSP and %rsp 16-aligned.  It returns 1
   (chain-me to the slow entry), 5 (chain-me to the fast entry), 2
   (xindir), 3 (xassisted; ti_trc = the TRC) or 4 (event check failed). */
extern ULong ti_run(void* gsp, const void* code);
extern void  ti_chain_slow(void);
extern void  ti_chain_fast(void);
extern void  ti_xindir(void);
extern void  ti_xassisted(void);
extern void  ti_evfail(void);
extern ULong ti_trc;
extern ULong ti_chain_ret;

enum { EX_SLOW = 1, EX_INDIR = 2, EX_ASSISTED = 3, EX_EVFAIL = 4,
       EX_FAST = 5 };

/* ------------------------------------------------------------------ */
/* The guest state of these tests                                    */
/* ------------------------------------------------------------------ */

/* Bytes:
      0  event-check fail address      8  event counter (32 bits)
     16  guest PC                     24  pointer to the scratch memory
     32 .. 543   64 integer slots (8 bytes each): OFF_I(k) = 32 + 8k
    544 .. 1055  32 vector slots (16 bytes each): OFF_V(k)
   1056 .. 1119  a GETI/PUTI array of 8 x I64 (OFF_ARR)
   1120 .. 4095  unused (compared too)
   4096 .. 8191  the register allocator's spill area */
#define OFF_FAIL     0
#define OFF_COUNTER  8
#define OFF_PC       16
#define OFF_MEMPTR   24
#define OFF_I(k)     (32 + 8 * (k))
#define N_ISLOTS     64
#define OFF_V(k)     (544 + 16 * (k))
#define N_VSLOTS     32
#define OFF_ARR      1056
#define GS_COMPARED  4096
#define GS_SPILL     4096
#define GS_SPILL_SZ  4096
#define GS_SIZE      8192
#define MEM_SIZE     512

static UChar gs[GS_SIZE] __attribute__((aligned(64)));
static UChar gs_ref[GS_SIZE] __attribute__((aligned(64)));
static UChar gs_init[GS_SIZE] __attribute__((aligned(64)));
static UChar mem[MEM_SIZE] __attribute__((aligned(64)));
static UChar mem_ref[MEM_SIZE] __attribute__((aligned(64)));
static UChar mem_init[MEM_SIZE] __attribute__((aligned(64)));

static ULong rd64(const UChar* base, Int off)
{
   ULong v;
   memcpy(&v, base + off, 8);
   return v;
}

static void wr64(UChar* base, Int off, ULong v)
{
   memcpy(base + off, &v, 8);
}

static UChar* codebuf;

static void* rwx(size_t size)
{
   void* p = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (p == MAP_FAILED) {
      perror("mmap");
      abort();
   }
   return p;
}

static ULong rng_state = 0x9E3779B97F4A7C15ULL;
static ULong rnd(void)
{
   rng_state ^= rng_state << 13;
   rng_state ^= rng_state >> 7;
   rng_state ^= rng_state << 17;
   return rng_state;
}

/* Interesting 64-bit values: edges and random ones. */
static ULong rnd_val(void)
{
   static const ULong edges[] = {
      0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF,
      0x7FFFFFFF, 0x80000000ULL, 0xFFFFFFFFULL, 0x100000000ULL,
      0x7FFFFFFFFFFFFFFFULL, 0x8000000000000000ULL, ~0ULL, ~1ULL,
      0x123456789ABCDEF0ULL
   };
   switch (rnd() % 4) {
      case 0:  return edges[rnd() % (sizeof edges / sizeof edges[0])];
      case 1:  return rnd() & 0xFF;
      case 2:  return (ULong)(Long)(Int)(UInt)rnd();
      default: return rnd();
   }
}

/* Fresh state: random slots, the scratch memory pointer, the counter. */
static void init_state(void)
{
   memset(gs_init, 0, sizeof gs_init);
   for (Int k = 32; k < GS_COMPARED; k += 8)
      wr64(gs_init, k, rnd_val());
   wr64(gs_init, OFF_FAIL, (ULong)(uintptr_t)ti_evfail);
   wr64(gs_init, OFF_COUNTER, 1000);
   wr64(gs_init, OFF_PC, 0);
   wr64(gs_init, OFF_MEMPTR, (ULong)(uintptr_t)mem);
   for (Int k = 0; k < MEM_SIZE; k += 8)
      wr64(mem_init, k, rnd_val());
}

/* ------------------------------------------------------------------ */
/* Compiling and running a block                                      */
/* ------------------------------------------------------------------ */

static UInt host_hwcaps(void)
{
   UInt caps = VEX_HWCAPS_AMD64_CX16;
   __builtin_cpu_init();
   if (__builtin_cpu_supports("sse3"))   caps |= VEX_HWCAPS_AMD64_SSE3;
   if (__builtin_cpu_supports("ssse3"))  caps |= VEX_HWCAPS_AMD64_SSSE3;
   if (__builtin_cpu_supports("sse4.1")) caps |= VEX_HWCAPS_AMD64_SSE41;
   if (__builtin_cpu_supports("sse4.2")) caps |= VEX_HWCAPS_AMD64_SSE42;
   if (__builtin_cpu_supports("popcnt")) caps |= VEX_HWCAPS_AMD64_POPCNT;
   return caps;
}

typedef struct {
   Bool   chaining;
   Bool   profInc;
   Addr64 max_ga;
   UInt   hwcaps;
   Bool   trace;      /* print the IR and the selected code */
} CompileOpts;

static CompileOpts default_opts(void)
{
   CompileOpts o;
   o.chaining = True;
   o.profInc  = False;
   o.max_ga   = 0x1000;
   o.hwcaps   = host_hwcaps();
   /* ISEL_TRACE=1 in the environment prints every block's IR and code */
   o.trace    = getenv("ISEL_TRACE") != NULL;
   return o;
}

/* What selection produced (for tests that look at it). */
static HInstrArray* last_vcode;
static Int          last_profinc_at;
static Int          last_code_len;

static void begin(void)
{
   vex_init_callbacks(fail_cb, log_cb);
   vexSetAllocModeTEMP_and_clear();
   out_len = 0;
   out[0]  = 0;
   if (codebuf == NULL)
      codebuf = rwx(1 << 20);
}

static UChar* compile(IRSB* bb, const CompileOpts* o)
{
   VexArchInfo ai;
   VexAbiInfo  abi;
   ai.hwcaps  = o->hwcaps;
   ai.endness = VexEndnessLE;
   abi.guest_stack_redzone_szB        = 128;
   abi.guest_amd64_assume_fs_is_const = True;
   abi.guest_amd64_assume_gs_is_const = False;

   if (o->trace) {
      ppIRSB(bb);
      fputs(out, stdout);
      out_len = 0;
   }
   HInstrArray* vcode = iselSB_AMD64(bb, VexArchAMD64, &ai, &abi,
                                     OFF_COUNTER, OFF_FAIL, o->chaining,
                                     o->profInc, o->max_ga);
   last_vcode = vcode;
   if (o->trace) {
      for (Int i = 0; i < vcode->arr_used; i++) {
         out_len = 0;
         ppAMD64Instr(vcode->arr[i], True);
         printf("   %s\n", out);
      }
      out_len = 0;
   }
   RegAllocControl con;
   getRegAllocControl_AMD64(&con, GS_SPILL, GS_SPILL_SZ);
   HInstrArray* rcode = doRegisterAllocation(vcode, &con);
   if (o->trace) {
      printf("   -- after register allocation --\n");
      for (Int i = 0; i < rcode->arr_used; i++) {
         out_len = 0;
         ppAMD64Instr(rcode->arr[i], True);
         printf("   %s\n", out);
      }
      out_len = 0;
   }
   Int n = 0;
   last_profinc_at = -1;
   for (Int i = 0; i < rcode->arr_used; i++) {
      Bool is_pi = False;
      Int  len = emit_AMD64Instr(&is_pi, codebuf + n, (1 << 20) - n,
                                 rcode->arr[i], True,
                                 (const void*)ti_chain_slow,
                                 (const void*)ti_chain_fast,
                                 (const void*)ti_xindir,
                                 (const void*)ti_xassisted);
      if (is_pi)
         last_profinc_at = n;
      n += len;
   }
   last_code_len = n;
   return codebuf;
}

static UInt get_mxcsr(void)
{
   UInt m;
   __asm__ __volatile__("stmxcsr %0" : "=m"(m));
   return m;
}

static void set_mxcsr(UInt m)
{
   __asm__ __volatile__("ldmxcsr %0" : : "m"(m));
}

static Bool mxcsr_ok = True;

/* Runs the compiled block on GS (copied from GS_INIT) and MEM (from
   MEM_INIT); returns the exit code. */
static Int run_native(const UChar* code)
{
   memcpy(gs, gs_init, GS_SIZE);
   memcpy(mem, mem_init, MEM_SIZE);
   set_mxcsr(0x1F80);
   Int r = (Int)ti_run(gs, code);
   /* The rounding mode must be back to the default; the sticky
      exception flags (bits 0..5) may have been raised. */
   if ((get_mxcsr() & ~0x3FU) != 0x1F80)
      mxcsr_ok = False;
   set_mxcsr(0x1F80);
   return r;
}

/* Compiles and runs BB (with default options). */
static Int compile_and_run(IRSB* bb)
{
   CompileOpts o = default_opts();
   return run_native(compile(bb, &o));
}

/* ------------------------------------------------------------------ */
/* Building IR                                                        */
/* ------------------------------------------------------------------ */

static IRSB* bb;

static IRSB* new_bb(void)
{
   bb = emptyIRSB();
   bb->next     = IRExpr_Const(IRConst_U64(0x5000));
   bb->jumpkind = Ijk_Boring;
   bb->offsIP   = OFF_PC;
   return bb;
}

static IRTemp    T(IRType ty)            { return newIRTemp(bb->tyenv, ty); }
static IRExpr*   RD(IRTemp t)            { return IRExpr_RdTmp(t); }
static IRExpr*   C64(ULong v)            { return IRExpr_Const(IRConst_U64(v)); }
static IRExpr*   C32(UInt v)             { return IRExpr_Const(IRConst_U32(v)); }
static IRExpr*   C16(UShort v)           { return IRExpr_Const(IRConst_U16(v)); }
static IRExpr*   C8(UChar v)             { return IRExpr_Const(IRConst_U8(v)); }
static IRExpr*   C1(Bool v)              { return IRExpr_Const(IRConst_U1(v)); }
static IRExpr*   GET(Int off, IRType ty) { return IRExpr_Get(off, ty); }
static IRExpr*   B(IROp op, IRExpr* a, IRExpr* b) { return IRExpr_Binop(op, a, b); }
static IRExpr*   U(IROp op, IRExpr* a)   { return IRExpr_Unop(op, a); }
static IRExpr*   LD(IRType ty, IRExpr* a) { return IRExpr_Load(Iend_LE, ty, a); }
static void      ST(IRStmt* s)           { addStmtToIRSB(bb, s); }
static void      PUT(Int off, IRExpr* e) { ST(IRStmt_Put(off, e)); }
static void      WR(IRTemp t, IRExpr* e) { ST(IRStmt_WrTmp(t, e)); }
static IRTemp    LET(IRType ty, IRExpr* e)
{
   IRTemp t = T(ty);
   WR(t, e);
   return t;
}
/* The scratch memory at byte OFF. */
static IRExpr* MEMAT(Int off)
{
   return B(Iop_Add64, GET(OFF_MEMPTR, Ity_I64), C64((ULong)off));
}

static IRExpr* CONST_OF(IRType ty, ULong v)
{
   switch (ty) {
      case Ity_I1:  return C1((Bool)(v & 1));
      case Ity_I8:  return C8((UChar)v);
      case Ity_I16: return C16((UShort)v);
      case Ity_I32: return C32((UInt)v);
      case Ity_I64: return C64(v);
      default: abort();
   }
}

static void sanity(const IRSB* b, Bool flat)
{
   sanityCheckIRSB(b, "test_isel_amd64", flat, Ity_I64);
}

#endif /* ISEL_AMD64_TEST_H */
