/* Unit tests of the amd64 host (VEX/priv/host_amd64_defs.c) and of the
   register allocator on amd64 code:
     - the emitter against GNU as: each instruction form, printed with
       real registers (the printer's output is valid as input), assembled
       by `as --64', and compared byte for byte with emit_AMD64Instr;
       exits, calls and the event check against hand-built assembly;
     - the printer on virtual registers, register usage, renaming;
     - chaining and unchaining of direct exits (layout, idempotence,
       exact restoration, and a stress test with one thread executing the
       site while another patches it);
     - allocated code executed natively: blocks built on virtual
       registers, allocated, emitted into executable memory and run
       through a miniature dispatcher written below in assembly. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "libvex.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/host_generic_regs.h"
#include "../../VEX/priv/host_amd64_defs.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* Capturing VEX's output and failures                                */
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

static void reset_out(void)
{
   out_len = 0;
   out[0]  = 0;
}

static void setup(void)
{
   vex_init_callbacks(fail_cb, log_cb);
   vexSetAllocModeTEMP_and_clear();
   reset_out();
}

/* The printed form of I (a fresh copy). */
static char* pr(const AMD64Instr* i)
{
   reset_out();
   ppAMD64Instr(i, True);
   return strdup(out);
}

/* ------------------------------------------------------------------ */
/* The miniature dispatcher                                           */
/* ------------------------------------------------------------------ */

/* td_run(gsp, code) enters CODE with %rbp = GSP and %rsp 16-aligned, as
   the real dispatcher will; the exits come back through the stubs and
   td_run returns 1 (chain-me; td_chain_ret = the call's return address),
   2 (xindir), 3 (xassisted; td_trc = %rbp) or 4 (event check failed).
   td_helper2(a, b) = (a*3 + b) ^ 0x5a5a, and trashes every caller-saved
   register (integer and xmm) on the way. */
extern ULong td_run(void* gsp, const void* code);
extern void  td_chain_me(void);
extern void  td_xindir(void);
extern void  td_xassisted(void);
extern void  td_evfail(void);
extern ULong td_helper2(ULong a, ULong b);
extern void  td_callblk(void* gsp, const void* code);
extern void  td_stress_cm(void);
extern void  td_stress_target(void);
ULong td_chain_ret;
ULong td_trc;
ULong td_stress_cm_count;
ULong td_stress_target_count;

__asm__(
   ".text\n"
   ".globl td_run\n"
   "td_run:\n"
   "   pushq %rbp\n"
   "   pushq %rbx\n"
   "   pushq %r12\n"
   "   pushq %r13\n"
   "   pushq %r14\n"
   "   pushq %r15\n"
   "   subq $8, %rsp\n"
   "   movq %rdi, %rbp\n"
   "   jmp *%rsi\n"
   ".globl td_chain_me\n"
   "td_chain_me:\n"
   "   popq %rax\n"
   "   movq %rax, td_chain_ret(%rip)\n"
   "   movl $1, %eax\n"
   "   jmp td_out\n"
   ".globl td_xindir\n"
   "td_xindir:\n"
   "   movl $2, %eax\n"
   "   jmp td_out\n"
   ".globl td_xassisted\n"
   "td_xassisted:\n"
   "   movq %rbp, td_trc(%rip)\n"
   "   movl $3, %eax\n"
   "   jmp td_out\n"
   ".globl td_evfail\n"
   "td_evfail:\n"
   "   movl $4, %eax\n"
   "td_out:\n"
   "   addq $8, %rsp\n"
   "   popq %r15\n"
   "   popq %r14\n"
   "   popq %r13\n"
   "   popq %r12\n"
   "   popq %rbx\n"
   "   popq %rbp\n"
   "   ret\n"
   ".globl td_helper2\n"
   "td_helper2:\n"
   "   leaq (%rdi,%rdi,2), %rax\n"
   "   addq %rsi, %rax\n"
   "   xorq $0x5a5a, %rax\n"
   "   movabsq $0x1111111111111111, %rcx\n"
   "   movabsq $0x2222222222222222, %rdx\n"
   "   movabsq $0x3333333333333333, %rsi\n"
   "   movabsq $0x4444444444444444, %rdi\n"
   "   movabsq $0x5555555555555555, %r8\n"
   "   movabsq $0x6666666666666666, %r9\n"
   "   movabsq $0x7777777777777777, %r10\n"
   "   movabsq $0x8888888888888888, %r11\n"
   "   pcmpeqd %xmm0, %xmm0\n"  "   pcmpeqd %xmm1, %xmm1\n"
   "   pcmpeqd %xmm2, %xmm2\n"  "   pcmpeqd %xmm3, %xmm3\n"
   "   pcmpeqd %xmm4, %xmm4\n"  "   pcmpeqd %xmm5, %xmm5\n"
   "   pcmpeqd %xmm6, %xmm6\n"  "   pcmpeqd %xmm7, %xmm7\n"
   "   pcmpeqd %xmm8, %xmm8\n"  "   pcmpeqd %xmm9, %xmm9\n"
   "   pcmpeqd %xmm10, %xmm10\n" "   pcmpeqd %xmm11, %xmm11\n"
   "   pcmpeqd %xmm12, %xmm12\n" "   pcmpeqd %xmm13, %xmm13\n"
   "   pcmpeqd %xmm14, %xmm14\n" "   pcmpeqd %xmm15, %xmm15\n"
   "   ret\n"
   ".globl td_callblk\n"
   "td_callblk:\n"
   "   pushq %rbp\n"
   "   movq %rdi, %rbp\n"
   "   call *%rsi\n"
   "   popq %rbp\n"
   "   ret\n"
   ".globl td_stress_cm\n"
   "td_stress_cm:\n"
   "   addq $8, %rsp\n"
   "   lock incq td_stress_cm_count(%rip)\n"
   "   ret\n"
   ".globl td_stress_target\n"
   "td_stress_target:\n"
   "   lock incq td_stress_target_count(%rip)\n"
   "   ret\n"
);

/* Executable memory. */
static UChar* rwx(size_t size, void* hint)
{
   void* p = mmap(hint, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (p == MAP_FAILED) {
      perror("mmap");
      abort();
   }
   return p;
}

static Int emit1(UChar* where, Int room, const AMD64Instr* i)
{
   Bool is_pi;
   return emit_AMD64Instr(&is_pi, where, room, i, True,
                          (const void*)td_chain_me, (const void*)td_chain_me,
                          (const void*)td_xindir, (const void*)td_xassisted);
}

/* ------------------------------------------------------------------ */
/* The differential harness                                           */
/* ------------------------------------------------------------------ */

typedef struct {
   char*         text;
   unsigned char bytes[64];
   int           len;
} Case;

typedef struct {
   Case* c;
   int   n;
   int   cap;
} Cases;

static void add_case(Cases* cs, const char* text, const UChar* bytes, int len)
{
   if (cs->n == cs->cap) {
      cs->cap = cs->cap ? 2 * cs->cap : 256;
      cs->c   = realloc(cs->c, cs->cap * sizeof(Case));
   }
   Case* k = &cs->c[cs->n++];
   k->text = strdup(text);
   memcpy(k->bytes, bytes, len);
   k->len = len;
}

/* Prints and emits I (into an 8-aligned buffer) as one case. */
static void add_insn(Cases* cs, const AMD64Instr* i)
{
   static UChar buf[128] __attribute__((aligned(8)));
   char* text = pr(i);
   Int   n    = emit1(buf, sizeof buf, i);
   add_case(cs, text, buf, n);
   free(text);
}

static void hexdump(FILE* f, const unsigned char* b, int n)
{
   for (int k = 0; k < n; k++)
      fprintf(f, "%02x ", b[k]);
}

/* Assembles every case with GNU as and compares.  Returns the number of
   mismatching cases (or -1 if as failed). */
static int check_with_as(Cases* cs, const char* family)
{
   char dir[] = "/tmp/vexhostXXXXXX";
   if (mkdtemp(dir) == NULL)
      return -1;
   char path[256], cmd[1024];
   snprintf(path, sizeof path, "%s/x.s", dir);
   FILE* f = fopen(path, "w");
   fprintf(f, "\t.text\n");
   for (int k = 0; k < cs->n; k++)
      fprintf(f, "c%d:\n\t%s\n", k, cs->c[k].text);
   fprintf(f, "cend:\n");
   fclose(f);

   snprintf(cmd, sizeof cmd,
            "as --64 -o %s/x.o %s/x.s 2> %s/err && "
            "objcopy -O binary -j .text %s/x.o %s/x.bin",
            dir, dir, dir, dir, dir);
   if (system(cmd) != 0) {
      snprintf(cmd, sizeof cmd, "head -20 %s/err >&2", dir);
      if (system(cmd) != 0)
         fprintf(stderr, "  (could not show the errors)\n");
      snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
      if (system(cmd) != 0)
         fprintf(stderr, "  (could not remove %s)\n", dir);
      return -1;
   }

   long* addr = calloc(cs->n + 1, sizeof(long));
   for (int k = 0; k <= cs->n; k++)
      addr[k] = -1;
   snprintf(cmd, sizeof cmd, "nm %s/x.o", dir);
   FILE* nm = popen(cmd, "r");
   char  line[256];
   while (fgets(line, sizeof line, nm)) {
      unsigned long a;
      char          t, name[64];
      if (sscanf(line, "%lx %c %63s", &a, &t, name) != 3)
         continue;
      if (strcmp(name, "cend") == 0)
         addr[cs->n] = (long)a;
      else if (name[0] == 'c')
         addr[atoi(name + 1)] = (long)a;
   }
   pclose(nm);

   snprintf(path, sizeof path, "%s/x.bin", dir);
   f = fopen(path, "rb");
   unsigned char* bin = malloc(1 << 20);
   size_t binlen = fread(bin, 1, 1 << 20, f);
   fclose(f);

   int bad = 0;
   for (int k = 0; k < cs->n; k++) {
      long s = addr[k], e = addr[k + 1];
      int  ok = s >= 0 && e >= s && (size_t)e <= binlen
                && e - s == cs->c[k].len
                && memcmp(bin + s, cs->c[k].bytes, cs->c[k].len) == 0;
      if (ok)
         continue;
      if (bad++ < 10) {
         fprintf(stderr, "  %s case %d: %s\n    ours: ", family, k,
                 cs->c[k].text);
         hexdump(stderr, cs->c[k].bytes, cs->c[k].len);
         fprintf(stderr, "\n    as:   ");
         if (s >= 0 && e >= s && (size_t)e <= binlen)
            hexdump(stderr, bin + s, (int)(e - s));
         fprintf(stderr, "\n");
      }
   }
   printf("  %s: %d cases checked against as, %d mismatches\n",
          family, cs->n, bad);
   free(bin);
   free(addr);
   snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
   if (system(cmd) != 0)
      fprintf(stderr, "  (could not remove %s)\n", dir);
   return bad;
}

static void free_cases(Cases* cs)
{
   for (int k = 0; k < cs->n; k++)
      free(cs->c[k].text);
   free(cs->c);
   cs->c = NULL;
   cs->n = cs->cap = 0;
}

#define CHECK_FAMILY(cs, name)                                           \
   do {                                                                  \
      UT_CHECK((cs).n > 0);                                              \
      UT_CHECK_EQ(check_with_as(&(cs), (name)), 0);                      \
      free_cases(&(cs));                                                 \
   } while (0)

/* ------------------------------------------------------------------ */
/* Operand spreads                                                    */
/* ------------------------------------------------------------------ */

static HReg G(UInt enc) { return hregAMD64_GPR(enc); }
static HReg X(UInt n)   { return hregAMD64_XMM(n); }

static const char* const n64[16] = {
   "%rax", "%rcx", "%rdx", "%rbx", "%rsp", "%rbp", "%rsi", "%rdi",
   "%r8", "%r9", "%r10", "%r11", "%r12", "%r13", "%r14", "%r15"
};
static const char* const n32[16] = {
   "%eax", "%ecx", "%edx", "%ebx", "%esp", "%ebp", "%esi", "%edi",
   "%r8d", "%r9d", "%r10d", "%r11d", "%r12d", "%r13d", "%r14d", "%r15d"
};

static const Int disps[] = {
   0, 8, -8, 127, -128, 128, -129, 0x12345678, -0x12345678
};
#define N_DISPS ((int)(sizeof disps / sizeof disps[0]))

/* IR with every base and displacement, plus IRRS with the special bases
   and indexes (rsp, rbp, r12, r13 as base; r12, r13, rbp as index). */
static AMD64AMode* amodes[400];
static int         n_amodes;

static void build_amodes(void)
{
   n_amodes = 0;
   for (UInt b = 0; b < 16; b++)
      for (int d = 0; d < N_DISPS; d++)
         amodes[n_amodes++] = AMD64AMode_IR((UInt)disps[d], G(b));
   static const UInt bases[] = { 0, 4, 5, 12, 13, 15, 3 };
   static const UInt idxs[]  = { 1, 5, 12, 13, 9 };
   static const Int  ds[]    = { 0, 0x10, -0x80, 0x1000 };
   int k = 0;
   for (unsigned b = 0; b < sizeof bases / sizeof bases[0]; b++)
      for (unsigned x = 0; x < sizeof idxs / sizeof idxs[0]; x++)
         for (unsigned d = 0; d < sizeof ds / sizeof ds[0]; d++, k++)
            amodes[n_amodes++] = AMD64AMode_IRRS((UInt)ds[d], G(bases[b]),
                                                 G(idxs[x]), k % 4);
}

static const Int imms[] = {
   0, 1, -1, 127, -128, 128, -129, 0x7fffffff, (Int)0x80000000, 0x12345678
};
#define N_IMMS ((int)(sizeof imms / sizeof imms[0]))

static const AMD64AluOp alu_ops[] = {
   Aalu_MOV, Aalu_CMP, Aalu_ADD, Aalu_SUB, Aalu_ADC, Aalu_SBB,
   Aalu_AND, Aalu_OR, Aalu_XOR, Aalu_MUL
};
#define N_ALU_OPS ((int)(sizeof alu_ops / sizeof alu_ops[0]))

/* ------------------------------------------------------------------ */
/* The emitter against GNU as, one family per test                    */
/* ------------------------------------------------------------------ */

UNIT_TEST(as_imm64)
{
   setup();
   Cases cs = { 0 };
   static const ULong vals[] = {
      0, 1, 0x7fffffff, 0x80000000ULL, 0xffffffffULL, 0x100000000ULL,
      0xffffffffffffffffULL, 0xffffffff80000000ULL, 0xffffffff7fffffffULL,
      0x123456789abcdef0ULL, 0x8000000000000000ULL
   };
   for (UInt r = 0; r < 16; r++)
      for (unsigned v = 0; v < sizeof vals / sizeof vals[0]; v++)
         add_insn(&cs, AMD64Instr_Imm64(vals[v], G(r)));
   CHECK_FAMILY(cs, "Imm64");
}

UNIT_TEST(as_alu64r_reg)
{
   setup();
   Cases cs = { 0 };
   for (int o = 0; o < N_ALU_OPS; o++)
      for (UInt s = 0; s < 16; s++)
         for (UInt d = 0; d < 16; d += 1 + (s % 3))
            add_insn(&cs, AMD64Instr_Alu64R(alu_ops[o], AMD64RMI_Reg(G(s)),
                                            G(d)));
   CHECK_FAMILY(cs, "Alu64R reg");
}

UNIT_TEST(as_alu64r_imm)
{
   setup();
   Cases cs = { 0 };
   for (int o = 0; o < N_ALU_OPS; o++)
      for (UInt d = 0; d < 16; d++)
         for (int k = 0; k < N_IMMS; k++)
            add_insn(&cs, AMD64Instr_Alu64R(alu_ops[o],
                                            AMD64RMI_Imm((UInt)imms[k]),
                                            G(d)));
   CHECK_FAMILY(cs, "Alu64R imm");
}

UNIT_TEST(as_alu64r_mem)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   for (int o = 0; o < N_ALU_OPS; o++)
      for (int a = 0; a < n_amodes; a++)
         add_insn(&cs, AMD64Instr_Alu64R(alu_ops[o], AMD64RMI_Mem(amodes[a]),
                                         G((UInt)(a + o) % 16)));
   CHECK_FAMILY(cs, "Alu64R mem");
}

UNIT_TEST(as_alu64m)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   for (int o = 0; o < N_ALU_OPS; o++) {
      if (alu_ops[o] == Aalu_MUL)
         continue;
      for (int a = 0; a < n_amodes; a++) {
         add_insn(&cs, AMD64Instr_Alu64M(alu_ops[o],
                                         AMD64RI_Reg(G((UInt)(a * 7) % 16)),
                                         amodes[a]));
         add_insn(&cs, AMD64Instr_Alu64M(alu_ops[o],
                                         AMD64RI_Imm((UInt)imms[a % N_IMMS]),
                                         amodes[a]));
      }
   }
   CHECK_FAMILY(cs, "Alu64M");
}

UNIT_TEST(as_alu32r)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   static const AMD64AluOp ops[] = {
      Aalu_ADD, Aalu_SUB, Aalu_CMP, Aalu_AND, Aalu_OR, Aalu_XOR
   };
   for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
      for (UInt d = 0; d < 16; d++) {
         for (int k = 0; k < N_IMMS; k++)
            add_insn(&cs, AMD64Instr_Alu32R(ops[o], AMD64RMI_Imm((UInt)imms[k]),
                                            G(d)));
         for (UInt s = 0; s < 16; s += 3)
            add_insn(&cs, AMD64Instr_Alu32R(ops[o], AMD64RMI_Reg(G(s)), G(d)));
      }
      for (int a = 0; a < n_amodes; a += 3)
         add_insn(&cs, AMD64Instr_Alu32R(ops[o], AMD64RMI_Mem(amodes[a]),
                                         G((UInt)a % 16)));
   }
   CHECK_FAMILY(cs, "Alu32R");
}

UNIT_TEST(as_shifts)
{
   setup();
   Cases cs = { 0 };
   static const AMD64ShiftOp ops[] = {
      Ash_SHL, Ash_SHR, Ash_SAR, Ash_ROL, Ash_ROR
   };
   static const UInt amts[] = { 0, 1, 2, 7, 31 };
   for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++)
      for (UInt d = 0; d < 16; d++)
         for (unsigned a = 0; a < sizeof amts / sizeof amts[0]; a++) {
            add_insn(&cs, AMD64Instr_Sh64(ops[o], amts[a], G(d)));
            add_insn(&cs, AMD64Instr_Sh32(ops[o], amts[a], G(d)));
         }
   for (UInt d = 0; d < 16; d++)
      add_insn(&cs, AMD64Instr_Sh64(Ash_SHL, 63, G(d)));
   CHECK_FAMILY(cs, "Sh64/Sh32");
}

UNIT_TEST(as_test_unary_lea)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   for (UInt d = 0; d < 16; d++) {
      for (int k = 0; k < N_IMMS; k++)
         add_insn(&cs, AMD64Instr_Test64(AMD64RI_Imm((UInt)imms[k]), G(d)));
      for (UInt s = 0; s < 16; s += 5)
         add_insn(&cs, AMD64Instr_Test64(AMD64RI_Reg(G(s)), G(d)));
      add_insn(&cs, AMD64Instr_Unary64(Aun_NOT, G(d)));
      add_insn(&cs, AMD64Instr_Unary64(Aun_NEG, G(d)));
   }
   for (int a = 0; a < n_amodes; a++)
      add_insn(&cs, AMD64Instr_Lea64(amodes[a], G((UInt)(a * 5) % 16)));
   CHECK_FAMILY(cs, "Test64/Unary64/Lea64");
}

UNIT_TEST(as_mul_div_push)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   for (UInt r = 0; r < 16; r++) {
      for (int s = 0; s < 2; s++) {
         add_insn(&cs, AMD64Instr_MulL(s, AMD64RM_Reg(G(r))));
         add_insn(&cs, AMD64Instr_Div(s, 8, AMD64RM_Reg(G(r))));
         add_insn(&cs, AMD64Instr_Div(s, 4, AMD64RM_Reg(G(r))));
      }
      add_insn(&cs, AMD64Instr_Push(AMD64RMI_Reg(G(r))));
   }
   for (int a = 0; a < n_amodes; a += 2) {
      add_insn(&cs, AMD64Instr_MulL(a & 1, AMD64RM_Mem(amodes[a])));
      add_insn(&cs, AMD64Instr_Div(a & 1, (a & 2) ? 4 : 8,
                                   AMD64RM_Mem(amodes[a])));
      add_insn(&cs, AMD64Instr_Push(AMD64RMI_Mem(amodes[a])));
   }
   for (int k = 0; k < N_IMMS; k++)
      add_insn(&cs, AMD64Instr_Push(AMD64RMI_Imm((UInt)imms[k])));
   CHECK_FAMILY(cs, "MulL/Div/Push");
}

UNIT_TEST(as_cmov_set_bsf_movx)
{
   setup();
   Cases cs = { 0 };
   for (int c = 0; c < 16; c++)
      for (UInt r = 0; r < 16; r++) {
         add_insn(&cs, AMD64Instr_CMov64((AMD64CondCode)c, G(r),
                                         G((r * 7 + c) % 16)));
         add_insn(&cs, AMD64Instr_Set64((AMD64CondCode)c, G(r)));
      }
   for (UInt s = 0; s < 16; s++)
      for (UInt d = 0; d < 16; d += 3) {
         add_insn(&cs, AMD64Instr_Bsfr64(True, G(s), G(d)));
         add_insn(&cs, AMD64Instr_Bsfr64(False, G(s), G(d)));
         add_insn(&cs, AMD64Instr_MovxLQ(True, G(s), G(d)));
         add_insn(&cs, AMD64Instr_MovxLQ(False, G(s), G(d)));
      }
   CHECK_FAMILY(cs, "CMov64/Set64/Bsfr64/MovxLQ");
}

UNIT_TEST(as_loads_stores)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   for (int a = 0; a < n_amodes; a++) {
      UInt r = (UInt)(a * 3) % 16;
      add_insn(&cs, AMD64Instr_LoadEX(1, False, amodes[a], G(r)));
      add_insn(&cs, AMD64Instr_LoadEX(2, False, amodes[a], G(r)));
      add_insn(&cs, AMD64Instr_LoadEX(4, False, amodes[a], G(r)));
      add_insn(&cs, AMD64Instr_LoadEX(1, True, amodes[a], G(r)));
      add_insn(&cs, AMD64Instr_LoadEX(2, True, amodes[a], G(r)));
      add_insn(&cs, AMD64Instr_LoadEX(4, True, amodes[a], G(r)));
      add_insn(&cs, AMD64Instr_Store(1, G(r), amodes[a]));
      add_insn(&cs, AMD64Instr_Store(2, G(r), amodes[a]));
      add_insn(&cs, AMD64Instr_Store(4, G(r), amodes[a]));
      add_insn(&cs, AMD64Instr_Store(8, G(r), amodes[a]));
   }
   /* Every register as the byte source (spl bpl sil dil need a REX). */
   for (UInt r = 0; r < 16; r++)
      add_insn(&cs, AMD64Instr_Store(1, G(r), amodes[r * 3 % n_amodes]));
   CHECK_FAMILY(cs, "LoadEX/Store");
}

UNIT_TEST(as_atomics_fences)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   for (int a = 0; a < n_amodes; a++) {
      add_insn(&cs, AMD64Instr_ACAS(amodes[a], 1));
      add_insn(&cs, AMD64Instr_ACAS(amodes[a], 2));
      add_insn(&cs, AMD64Instr_ACAS(amodes[a], 4));
      add_insn(&cs, AMD64Instr_ACAS(amodes[a], 8));
      add_insn(&cs, AMD64Instr_DACAS(amodes[a], 4));
      add_insn(&cs, AMD64Instr_DACAS(amodes[a], 8));
      add_insn(&cs, AMD64Instr_LdMXCSR(amodes[a]));
   }
   add_insn(&cs, AMD64Instr_MFence());
   CHECK_FAMILY(cs, "ACAS/DACAS/LdMXCSR/MFence");
}

UNIT_TEST(as_sse_conversions)
{
   setup();
   Cases cs = { 0 };
   for (UInt x = 0; x < 16; x++)
      for (UInt g = 0; g < 16; g += 1 + (x % 2)) {
         for (int szS = 4; szS <= 8; szS += 4)
            for (int szD = 4; szD <= 8; szD += 4) {
               add_insn(&cs, AMD64Instr_SseSI2SF(szS, szD, G(g), X(x)));
               add_insn(&cs, AMD64Instr_SseSF2SI(szS, szD, X(x), G(g)));
            }
         add_insn(&cs, AMD64Instr_SseMOVQ(G(g), X(x), True));
         add_insn(&cs, AMD64Instr_SseMOVQ(G(g), X(x), False));
         add_insn(&cs, AMD64Instr_SseUComIS(4, X(x), X(15 - g), G(g)));
         add_insn(&cs, AMD64Instr_SseUComIS(8, X(g), X(x), G(x)));
      }
   for (UInt s = 0; s < 16; s++)
      for (UInt d = 0; d < 16; d += 5) {
         add_insn(&cs, AMD64Instr_SseSDSS(True, X(s), X(d)));
         add_insn(&cs, AMD64Instr_SseSDSS(False, X(s), X(d)));
      }
   CHECK_FAMILY(cs, "SseSI2SF/SF2SI/MOVQ/UComIS/SDSS");
}

UNIT_TEST(as_sse_loads_stores)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   for (int a = 0; a < n_amodes; a++) {
      UInt x = (UInt)a % 16;
      add_insn(&cs, AMD64Instr_SseLdSt(True, 4, X(x), amodes[a]));
      add_insn(&cs, AMD64Instr_SseLdSt(True, 8, X(x), amodes[a]));
      add_insn(&cs, AMD64Instr_SseLdSt(True, 16, X(x), amodes[a]));
      add_insn(&cs, AMD64Instr_SseLdSt(False, 4, X(15 - x), amodes[a]));
      add_insn(&cs, AMD64Instr_SseLdSt(False, 8, X(15 - x), amodes[a]));
      add_insn(&cs, AMD64Instr_SseLdSt(False, 16, X(15 - x), amodes[a]));
      add_insn(&cs, AMD64Instr_SseLdzLO(4, X(x), amodes[a]));
      add_insn(&cs, AMD64Instr_SseLdzLO(8, X(x), amodes[a]));
   }
   CHECK_FAMILY(cs, "SseLdSt/SseLdzLO");
}

UNIT_TEST(as_sse_float_ops)
{
   setup();
   Cases cs = { 0 };
   static const AMD64SseOp ops[] = {
      Asse_ADDF, Asse_SUBF, Asse_MULF, Asse_DIVF, Asse_MAXF, Asse_MINF,
      Asse_CMPEQF, Asse_CMPLTF, Asse_CMPLEF, Asse_CMPUNF, Asse_CMPNEQF,
      Asse_SQRTF, Asse_RCPF, Asse_RSQRTF
   };
   for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
      Bool only32 = ops[o] == Asse_RCPF || ops[o] == Asse_RSQRTF;
      for (UInt s = 0; s < 16; s += 3)
         for (UInt d = 0; d < 16; d += 2) {
            add_insn(&cs, AMD64Instr_Sse32Fx4(ops[o], X(s), X(d)));
            add_insn(&cs, AMD64Instr_Sse32FLo(ops[o], X(s), X(d)));
            if (only32)
               continue;
            add_insn(&cs, AMD64Instr_Sse64Fx2(ops[o], X(s), X(d)));
            add_insn(&cs, AMD64Instr_Sse64FLo(ops[o], X(s), X(d)));
         }
   }
   CHECK_FAMILY(cs, "Sse32Fx4/32FLo/64Fx2/64FLo");
}

UNIT_TEST(as_sse_rerg)
{
   setup();
   Cases cs = { 0 };
   for (int op = Asse_FIRST_RERG; op < Asse_LAST; op++)
      for (UInt s = 0; s < 16; s += 5)
         for (UInt d = 0; d < 16; d += 3)
            add_insn(&cs, AMD64Instr_SseReRg((AMD64SseOp)op, X(s), X(d)));
   CHECK_FAMILY(cs, "SseReRg");
}

UNIT_TEST(as_sse_shuf_shift)
{
   setup();
   Cases cs = { 0 };
   static const AMD64SseShufKind kinds[] = { Ashuf_D, Ashuf_LW, Ashuf_HW };
   static const Int orders[] = { 0, 0x1b, 0xe4, 0xff };
   for (unsigned k = 0; k < 3; k++)
      for (UInt s = 0; s < 16; s += 3)
         for (UInt d = 0; d < 16; d += 4)
            for (unsigned o = 0; o < 4; o++)
               add_insn(&cs, AMD64Instr_SseShuf(kinds[k], orders[o], X(s), X(d)));
   static const AMD64SseShiftNOp sops[] = {
      Asse_SHLN16, Asse_SHLN32, Asse_SHLN64, Asse_SHLN128,
      Asse_SHRN16, Asse_SHRN32, Asse_SHRN64, Asse_SHRN128,
      Asse_SARN16, Asse_SARN32
   };
   for (unsigned o = 0; o < sizeof sops / sizeof sops[0]; o++)
      for (UInt d = 0; d < 16; d++) {
         add_insn(&cs, AMD64Instr_SseShiftN(sops[o], 1, X(d)));
         add_insn(&cs, AMD64Instr_SseShiftN(sops[o], 15, X(d)));
      }
   CHECK_FAMILY(cs, "SseShuf/SseShiftN");
}

/* Conditional pseudo-instructions against their expansion. */
UNIT_TEST(as_conditional_pseudo)
{
   setup();
   build_amodes();
   Cases cs = { 0 };
   static UChar buf[128] __attribute__((aligned(8)));
   char text[512];
   for (int c = 0; c < 16; c++) {
      const char* ncc = showAMD64CondCode((AMD64CondCode)(c ^ 1));
      for (int a = 0; a < n_amodes; a += 7) {
         UInt r = (UInt)(a + c) % 16;
         char am[128];
         reset_out();
         ppAMD64AMode(amodes[a]);
         snprintf(am, sizeof am, "%s", out);
         for (int sz = 4; sz <= 8; sz += 4) {
            const char* reg = sz == 8 ? n64[r] : n32[r];
            AMD64Instr* ld = AMD64Instr_CLoad((AMD64CondCode)c, (UChar)sz,
                                              amodes[a], G(r));
            snprintf(text, sizeof text, "j%s 1f; mov%c %s,%s; 1:", ncc,
                     sz == 8 ? 'q' : 'l', am, reg);
            add_case(&cs, text, buf, emit1(buf, sizeof buf, ld));
            AMD64Instr* st = AMD64Instr_CStore((AMD64CondCode)c, (UChar)sz,
                                               G(r), amodes[a]);
            snprintf(text, sizeof text, "j%s 1f; mov%c %s,%s; 1:", ncc,
                     sz == 8 ? 'q' : 'l', reg, am);
            add_case(&cs, text, buf, emit1(buf, sizeof buf, st));
         }
      }
      for (UInt s = 0; s < 16; s += 5) {
         AMD64Instr* cm = AMD64Instr_SseCMov((AMD64CondCode)c, X(s),
                                             X((s + 3) % 16));
         snprintf(text, sizeof text, "j%s 1f; movaps %%xmm%u,%%xmm%u; 1:",
                  ncc, s, (s + 3) % 16);
         add_case(&cs, text, buf, emit1(buf, sizeof buf, cm));
      }
   }
   CHECK_FAMILY(cs, "CLoad/CStore/SseCMov");
}

/* Calls, the event check, the profile counter, XIndir and XAssisted
   against their documented expansions. */
UNIT_TEST(as_calls_and_exits)
{
   setup();
   Cases cs = { 0 };
   static UChar buf[128] __attribute__((aligned(8)));
   char text[512];
   static const ULong targets[] = {
      0x401000, 0xffffffffULL, 0x100000000ULL, 0x7f1234567890ULL
   };
   for (int c = 0; c <= 16; c++) {
      for (unsigned t = 0; t < 4; t++) {
         AMD64Instr* i = AMD64Instr_Call((AMD64CondCode)c, targets[t], 2,
                                         mk_RetLoc_simple(RLPri_Int));
         char mv[128];
         if (targets[t] <= 0xffffffffULL)
            snprintf(mv, sizeof mv, "movl $0x%llx,%%r11d", targets[t]);
         else
            snprintf(mv, sizeof mv, "movabsq $0x%llx,%%r11", targets[t]);
         if (c == Acc_ALWAYS)
            snprintf(text, sizeof text, "%s; call *%%r11", mv);
         else
            snprintf(text, sizeof text, "j%s 1f; %s; call *%%r11; 1:",
                     showAMD64CondCode((AMD64CondCode)(c ^ 1)), mv);
         add_case(&cs, text, buf, emit1(buf, sizeof buf, i));
      }
      for (UInt r = 0; r < 16; r += 3) {
         AMD64AMode* rip = AMD64AMode_IR(0xb8, G(5));
         AMD64Instr* xi  = AMD64Instr_XIndir(G(r), rip, (AMD64CondCode)c);
         AMD64Instr* xa  = AMD64Instr_XAssisted(G(r), rip, (AMD64CondCode)c,
                                                VEX_TRC_JMP_SYS_SYSCALL);
         const char* const* rn = n64;
         char pre[32] = "", post[8] = "";
         if (c != Acc_ALWAYS) {
            snprintf(pre, sizeof pre, "j%s 1f; ",
                     showAMD64CondCode((AMD64CondCode)(c ^ 1)));
            snprintf(post, sizeof post, "; 1:");
         }
         snprintf(text, sizeof text,
                  "%smovq %s,0xb8(%%rbp); movl $0x%lx,%%r11d; jmp *%%r11%s",
                  pre, rn[r], (unsigned long)(uintptr_t)td_xindir, post);
         if ((uintptr_t)td_xindir > 0xffffffffUL)
            snprintf(text, sizeof text,
                     "%smovq %s,0xb8(%%rbp); movabsq $0x%lx,%%r11; jmp *%%r11%s",
                     pre, rn[r], (unsigned long)(uintptr_t)td_xindir, post);
         add_case(&cs, text, buf, emit1(buf, sizeof buf, xi));
         snprintf(text, sizeof text,
                  "%smovq %s,0xb8(%%rbp); movl $%d,%%ebp; movabsq $0x%lx,%%r11;"
                  " jmp *%%r11%s",
                  pre, rn[r], VEX_TRC_JMP_SYS_SYSCALL,
                  (unsigned long)(uintptr_t)td_xassisted, post);
         if ((uintptr_t)td_xassisted <= 0xffffffffUL)
            snprintf(text, sizeof text,
                     "%smovq %s,0xb8(%%rbp); movl $%d,%%ebp; movl $0x%lx,%%r11d;"
                     " jmp *%%r11%s",
                     pre, rn[r], VEX_TRC_JMP_SYS_SYSCALL,
                     (unsigned long)(uintptr_t)td_xassisted, post);
         add_case(&cs, text, buf, emit1(buf, sizeof buf, xa));
      }
   }
   for (UInt c = 0; c < 128; c += 8)
      for (UInt f = 0; f < 128; f += 40) {
         AMD64Instr* ev = AMD64Instr_EvCheck(AMD64AMode_IR(c, G(5)),
                                             AMD64AMode_IR(f, G(5)));
         snprintf(text, sizeof text,
                  "decl 0x%x(%%rbp); jns 1f; jmp *0x%x(%%rbp); 1:", c, f);
         Int n = emit1(buf, sizeof buf, ev);
         UT_CHECK_EQ(n, evCheckSzB_AMD64());
         add_case(&cs, text, buf, n);
      }
   Bool is_pi = False;
   Int  n = emit_AMD64Instr(&is_pi, buf, sizeof buf, AMD64Instr_ProfInc(),
                            True, NULL, NULL, NULL, NULL);
   UT_CHECK(is_pi);
   add_case(&cs, "movabsq $0x6555755565557555,%r11; incq (%r11)", buf, n);
   CHECK_FAMILY(cs, "Call/XIndir/XAssisted/EvCheck/ProfInc");
}

/* XDirect: everything but the alignment padding against as; the padding
   checked to make the patch site 8-aligned and to consist of NOPs. */
UNIT_TEST(as_xdirect)
{
   setup();
   Cases cs = { 0 };
   static UChar buf[256] __attribute__((aligned(8)));
   static const ULong gas_[] = {
      0x401020, 0x7fffffff, 0x80000000ULL, 0x7f0000001234ULL,
      0xffffffffffffff00ULL
   };
   static const UInt offs[] = { 0, 0x10, 0xb8, 0x400 };
   const void* cm = (const void*)td_chain_me;
   char text[512];
   for (int c = 0; c <= 16; c++)
      for (unsigned g = 0; g < 5; g++)
         for (unsigned o = 0; o < 4; o++)
            for (int start = 0; start < 8; start += 3) {
               AMD64Instr* i = AMD64Instr_XDirect(gas_[g],
                                                  AMD64AMode_IR(offs[o], G(5)),
                                                  (AMD64CondCode)c, c & 1);
               Bool pi;
               Int n = emit_AMD64Instr(&pi, buf + start, 128, i, True, cm, cm,
                                       NULL, NULL);
               /* Find the site: the movabsq of the chain-me address. */
               int site = -1;
               for (int k = 0; k + 10 <= n; k++)
                  if (buf[start + k] == 0x49 && buf[start + k + 1] == 0xBB
                      && memcmp(buf + start + k + 2, &cm, 8) == 0)
                     site = k;
               UT_CHECK(site >= 0);
               if (site < 0)
                  continue;
               UT_CHECK_EQ(((uintptr_t)(buf + start + site)) & 7, 0);
               UT_CHECK_EQ(n - site, 24);
               int pre = c == Acc_ALWAYS ? 0 : 2;
               int store_len = (gas_[g] + 0x80000000ULL <= 0xffffffffULL)
                                  ? (offs[o] < 128 ? 8 : 11)
                                  : (offs[o] < 128 ? 14 : 17);
               int pad = site - pre - store_len;
               UT_CHECK(pad >= 0 && pad <= 7);
               char padtxt[64] = "";
               for (int k = 0; k < pad; k++) {
                  char b[16];
                  snprintf(b, sizeof b, "%s0x%02x", k ? "," : ".byte ",
                           buf[start + pre + store_len + k]);
                  strcat(padtxt, b);
               }
               char store[128];
               if (gas_[g] + 0x80000000ULL <= 0xffffffffULL)
                  snprintf(store, sizeof store, "movq $%lld,0x%x(%%rbp)",
                           (long long)gas_[g], offs[o]);
               else
                  snprintf(store, sizeof store,
                           "movabsq $0x%llx,%%r11; movq %%r11,0x%x(%%rbp)",
                           gas_[g], offs[o]);
               char jcc[32] = "", tail[8] = "";
               if (c != Acc_ALWAYS) {
                  snprintf(jcc, sizeof jcc, "j%s 1f; ",
                           showAMD64CondCode((AMD64CondCode)(c ^ 1)));
                  snprintf(tail, sizeof tail, "; 1:");
               }
               snprintf(text, sizeof text,
                        "%s%s; %s%smovabsq $0x%lx,%%r11; call *%%r11; "
                        "ud2; int3; .quad 0%s",
                        jcc, store, padtxt, pad ? "; " : "",
                        (unsigned long)(uintptr_t)cm, tail);
               add_case(&cs, text, buf + start, n);
            }
   CHECK_FAMILY(cs, "XDirect");

   /* The padding decodes as NOPs: objdump every pad length. */
   for (int pad = 1; pad <= 7; pad++) {
      char dir[] = "/tmp/vexnopXXXXXX";
      UT_CHECK(mkdtemp(dir) != NULL);
      char path[128], cmd[512];
      snprintf(path, sizeof path, "%s/n.bin", dir);
      /* Make a site start at offset 8 after PAD bytes of padding by
         emitting at an offset that leaves exactly PAD. */
      int start = (8 - 8 /* store */ - pad) & 7;
      AMD64Instr* i = AMD64Instr_XDirect(0x401000, AMD64AMode_IR(0x10, G(5)),
                                         Acc_ALWAYS, True);
      Bool pi;
      Int n = emit_AMD64Instr(&pi, buf + start, 128, i, True, cm, cm, NULL,
                              NULL);
      UT_CHECK_EQ(n, 8 + pad + 24);
      FILE* f = fopen(path, "wb");
      fwrite(buf + start + 8, 1, pad, f);
      fclose(f);
      snprintf(cmd, sizeof cmd,
               "objdump -D -b binary -m i386:x86-64 %s | grep -c -v -e nop "
               "-e 'xchg   %%ax,%%ax' -e '^$' -e 'file format' -e Disassembly "
               "-e '<.data>' "
               "> %s/count", path, dir);
      if (system(cmd) != 0) {
         /* grep -c exits 1 when it counts zero lines: that is success. */
      }
      snprintf(path, sizeof path, "%s/count", dir);
      f = fopen(path, "r");
      int other = -1;
      if (f == NULL || fscanf(f, "%d", &other) != 1)
         other = -1;
      if (f)
         fclose(f);
      UT_CHECK_EQ(other, 0);
      snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
      if (system(cmd) != 0)
         fprintf(stderr, "could not remove %s\n", dir);
   }
}

/* ------------------------------------------------------------------ */
/* Printer, registers, usage, renaming, spill code                    */
/* ------------------------------------------------------------------ */

static HReg VI(UInt n) { return mkHRegVirtual(n, HRcInt64); }
static HReg VV(UInt n) { return mkHRegVirtual(n, HRcVec128); }
static AMD64AMode* RBPAM(Int off) { return AMD64AMode_IR((UInt)off, hregAMD64_RBP()); }

#define UT_PR(i, s) do { char* t_ = pr(i); UT_CHECK_STREQ(t_, (s)); free(t_); } while (0)

UNIT_TEST(pp_virtual_regs)
{
   setup();
   UT_PR(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Imm(0x10), VI(12)),
         "addq $0x10,%vR12");
   UT_PR(AMD64Instr_Alu64R(Aalu_SUB, AMD64RMI_Imm(0xfffffff0), VI(12)),
         "subq $-0x10,%vR12");
   UT_PR(AMD64Instr_Alu32R(Aalu_AND, AMD64RMI_Reg(VI(1)), VI(2)),
         "andl %vR1d,%vR2d");
   UT_PR(AMD64Instr_SseReRg(Asse_ADD32, VV(3), VV(4)), "paddd %vV3,%vV4");
   UT_PR(AMD64Instr_Lea64(AMD64AMode_IRRS(0x10, VI(1), VI(2), 3), VI(12)),
         "leaq 0x10(%vR1,%vR2,8),%vR12");
   UT_PR(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(AMD64AMode_IR(-8, VI(1))),
                           VI(2)),
         "movq -0x8(%vR1),%vR2");
   UT_PR(AMD64Instr_Set64(Acc_Z, VI(1)), "setz %vR1b; movzbl %vR1b,%vR1d");
   UT_PR(AMD64Instr_Sh64(Ash_SHL, 0, VI(1)), "shlq %cl,%vR1");
   UT_PR(AMD64Instr_Sh32(Ash_SAR, 3, VI(1)), "sarl $3,%vR1d");
   UT_PR(AMD64Instr_Store(2, VI(7), RBPAM(0x20)), "movw %vR7w,0x20(%rbp)");
   UT_PR(AMD64Instr_Imm64(0x123456789ULL, VI(5)), "movabsq $0x123456789,%vR5");
   UT_PR(AMD64Instr_Imm64(0x10, VI(5)), "movl $0x10,%vR5d");
   UT_PR(AMD64Instr_Sse64FLo(Asse_CMPLTF, VV(1), VV(2)), "cmpltsd %vV1,%vV2");
   UT_PR(AMD64Instr_SseMOVQ(VI(1), VV(2), True), "movq %vR1,%vV2");
   UT_PR(AMD64Instr_CLoad(Acc_NZ, 8, AMD64AMode_IR(8, VI(1)), VI(2)),
         "if (%rflags.nz) { movq 0x8(%vR1),%vR2 }");
   UT_PR(AMD64Instr_SseCMov(Acc_B, VV(1), VV(2)),
         "if (%rflags.b) { movaps %vV1,%vV2 }");
   UT_PR(AMD64Instr_SseUComIS(8, VV(1), VV(2), VI(3)),
         "ucomisd %vV2,%vV1; pushfq; popq %vR3");
}

UNIT_TEST(pp_exits_and_calls)
{
   setup();
   UT_PR(AMD64Instr_XDirect(0x401020, RBPAM(184), Acc_Z, True),
         "(xDirect) if (%rflags.z) { movq $0x401020,0xb8(%rbp); "
         "movabsq $disp_cp_chain_me_to_fastEP,%r11; call *%r11 }");
   UT_PR(AMD64Instr_XDirect(0x7f0000001234ULL, RBPAM(184), Acc_ALWAYS, False),
         "(xDirect) movabsq $0x7f0000001234,%r11; movq %r11,0xb8(%rbp); "
         "movabsq $disp_cp_chain_me_to_slowEP,%r11; call *%r11");
   UT_PR(AMD64Instr_XIndir(VI(5), RBPAM(184), Acc_NZ),
         "(xIndir) if (%rflags.nz) { movq %vR5,0xb8(%rbp); "
         "movabsq $disp_cp_xindir,%r11; jmp *%r11 }");
   UT_PR(AMD64Instr_XAssisted(VI(5), RBPAM(184), Acc_ALWAYS,
                              VEX_TRC_JMP_SYS_SYSCALL),
         "(xAssisted) movq %vR5,0xb8(%rbp); movl $49,%ebp; "
         "movabsq $disp_cp_xassisted,%r11; jmp *%r11");
   UT_PR(AMD64Instr_EvCheck(RBPAM(8), RBPAM(0)),
         "(evCheck) decl 0x8(%rbp); jns nofail; jmp *(%rbp); nofail:");
   UT_PR(AMD64Instr_Call(Acc_ALWAYS, 0x4005d0, 2, mk_RetLoc_simple(RLPri_Int)),
         "call[2,RLPri_Int] 0x4005d0");
   UT_PR(AMD64Instr_Call(Acc_NZ, 0x4005d0, 0,
                         mk_RetLoc_spRel(RLPri_V128SpRel, 16)),
         "callnz[0,RLPri_V128SpRel(16)] 0x4005d0");
   UT_PR(AMD64Instr_ProfInc(),
         "(profInc) movabsq $NotKnownYet,%r11; incq (%r11)");
}

UNIT_TEST(hreg_basics)
{
   setup();
   HReg v = mkHRegVirtual(123456, HRcVec128);
   UT_CHECK(hregIsVirtual(v));
   UT_CHECK_EQ(hregIndex(v), 123456);
   UT_CHECK_EQ(hregClass(v), HRcVec128);
   HReg r = hregAMD64_R13();
   UT_CHECK(!hregIsVirtual(r));
   UT_CHECK_EQ(hregEncoding(r), 13);
   UT_CHECK_EQ(hregIndex(r), AMD64_IX_R13);
   UT_CHECK_EQ(hregClass(r), HRcInt64);
   UT_CHECK(!sameHReg(r, hregAMD64_R12()));
   UT_CHECK(hregIsInvalid(INVALID_HREG));
   UT_CHECK(!hregIsInvalid(r));
   static const struct { HRegClass rc; const char* s; } cls[] = {
      { HRcInt32, "%vr7" }, { HRcInt64, "%vR7" }, { HRcFlt32, "%vF7" },
      { HRcFlt64, "%vD7" }, { HRcVec64, "%vv7" }, { HRcVec128, "%vV7" }
   };
   for (int k = 0; k < 6; k++) {
      reset_out();
      ppHReg(mkHRegVirtual(7, cls[k].rc));
      UT_CHECK_STREQ(out, cls[k].s);
   }
   reset_out();
   ppHRegAMD64(hregAMD64_XMM(9));
   UT_CHECK_STREQ(out, "%xmm9");
   reset_out();
   ppHRegAMD64(hregAMD64_GPR(8));
   UT_CHECK_STREQ(out, "%r8");
   reset_out();
   ppHReg(hregAMD64_RCX());
   UT_CHECK_STREQ(out, "%R1");
}

UNIT_TEST(universe_amd64)
{
   setup();
   const RRegUniverse* u = getRRegUniverse_AMD64();
   RRegUniverse__check_is_sane(u);
   UT_CHECK_EQ(u->size, AMD64_N_REGS);
   UT_CHECK_EQ(u->allocable, 29);
   UT_CHECK_EQ(u->allocable_start[HRcInt64], 0);
   UT_CHECK_EQ(u->allocable_end[HRcInt64], 13);
   UT_CHECK_EQ(u->allocable_start[HRcVec128], 13);
   UT_CHECK_EQ(u->allocable_end[HRcVec128], 29);
   for (UInt enc = 0; enc < 16; enc++) {
      HReg g = hregAMD64_GPR(enc);
      UT_CHECK(sameHReg(u->regs[hregIndex(g)], g));
      Bool reserved = enc == 4 || enc == 5 || enc == 11;
      UT_CHECK_EQ(hregIndex(g) >= u->allocable, reserved);
      UT_CHECK(sameHReg(u->regs[hregIndex(hregAMD64_XMM(enc))],
                        hregAMD64_XMM(enc)));
   }
   /* Callee-saved registers come first. */
   UT_CHECK(sameHReg(u->regs[0], hregAMD64_RBX()));
   reset_out();
   RRegUniverse__show(u, ppHRegAMD64);
   UT_CHECK(strstr(out, "%rbp  (not allocatable)") != NULL);
}

static ULong bit(HReg r) { return 1ULL << hregIndex(r); }

UNIT_TEST(reg_usage_amd64)
{
   setup();
   HRegUsage u;
   getRegUsage_AMD64Instr(&u, AMD64Instr_Call(Acc_ALWAYS, 0x1000, 2,
                                              mk_RetLoc_simple(RLPri_Int)),
                          True);
   UT_CHECK_EQ(u.rRead, bit(hregAMD64_RDI()) | bit(hregAMD64_RSI()));
   UT_CHECK(u.rWritten & bit(hregAMD64_RAX()));
   UT_CHECK(u.rWritten & bit(hregAMD64_R10()));
   UT_CHECK(u.rWritten & bit(hregAMD64_XMM(15)));
   UT_CHECK(!(u.rWritten & (bit(hregAMD64_RBX()) | bit(hregAMD64_R12())
                           | bit(hregAMD64_R15()) | bit(hregAMD64_RBP()))));
   UT_CHECK_EQ(u.n_vRegs, 0);

   getRegUsage_AMD64Instr(&u, AMD64Instr_Div(True, 8, AMD64RM_Reg(VI(3))), True);
   UT_CHECK_EQ(u.rRead, bit(hregAMD64_RAX()) | bit(hregAMD64_RDX()));
   UT_CHECK_EQ(u.rWritten, bit(hregAMD64_RAX()) | bit(hregAMD64_RDX()));
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VI(3)), HRmRead);

   getRegUsage_AMD64Instr(&u, AMD64Instr_Sh64(Ash_SAR, 0, VI(4)), True);
   UT_CHECK_EQ(u.rRead, bit(hregAMD64_RCX()));
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VI(4)), HRmModify);

   getRegUsage_AMD64Instr(&u, AMD64Instr_Alu64R(Aalu_XOR, AMD64RMI_Reg(VI(4)),
                                                VI(4)), True);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VI(4)), HRmWrite);
   getRegUsage_AMD64Instr(&u, AMD64Instr_SseReRg(Asse_XOR, VV(4), VV(4)), True);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VV(4)), HRmWrite);
   getRegUsage_AMD64Instr(&u, AMD64Instr_SseReRg(Asse_ADD8, VV(4), VV(4)), True);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VV(4)), HRmModify);

   getRegUsage_AMD64Instr(&u, AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Reg(VI(1)),
                                                VI(2)), True);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VI(1)), HRmRead);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VI(2)), HRmRead);
   UT_CHECK(!u.isRegRegMove);

   getRegUsage_AMD64Instr(&u, AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(VI(1)),
                                                VI(2)), True);
   UT_CHECK(u.isRegRegMove);
   UT_CHECK(sameHReg(u.regMoveSrc, VI(1)) && sameHReg(u.regMoveDst, VI(2)));
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VI(2)), HRmWrite);

   getRegUsage_AMD64Instr(&u, AMD64Instr_Sse32Fx4(Asse_SQRTF, VV(1), VV(2)),
                          True);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VV(2)), HRmWrite);
   getRegUsage_AMD64Instr(&u, AMD64Instr_Sse32FLo(Asse_SQRTF, VV(1), VV(2)),
                          True);
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VV(2)), HRmModify);

   getRegUsage_AMD64Instr(&u, AMD64Instr_ACAS(AMD64AMode_IR(0, VI(9)), 8), True);
   UT_CHECK_EQ(u.rRead, bit(hregAMD64_RAX()) | bit(hregAMD64_RBX()));
   UT_CHECK_EQ(u.rWritten, bit(hregAMD64_RAX()));
   UT_CHECK_EQ(HRegUsage__modeOf(&u, VI(9)), HRmRead);

   HReg s, d;
   UT_CHECK(isMove_AMD64Instr(AMD64Instr_SseReRg(Asse_MOV, VV(1), VV(2)), &s, &d));
   UT_CHECK(sameHReg(s, VV(1)) && sameHReg(d, VV(2)));
   UT_CHECK(!isMove_AMD64Instr(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Imm(1),
                                                 VI(2)), &s, &d));
}

UNIT_TEST(map_regs_copies_shared_operands)
{
   setup();
   AMD64AMode* am = AMD64AMode_IR(8, VI(1));
   AMD64Instr* i1 = AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(am), VI(2));
   AMD64Instr* i2 = AMD64Instr_Store(8, VI(3), am);
   HRegRemap m;
   initHRegRemap(&m);
   addToHRegRemap(&m, VI(1), hregAMD64_RAX());
   addToHRegRemap(&m, VI(2), hregAMD64_RBX());
   mapRegs_AMD64Instr(&m, i1, True);
   UT_PR(i1, "movq 0x8(%rax),%rbx");
   UT_PR(i2, "movq %vR3,0x8(%vR1)");
   UT_CHECK(sameHReg(am->Aam.IR.reg, VI(1)));
}

UNIT_TEST(spill_reload_move_direct)
{
   setup();
   HInstr *i1, *i2;
   genSpill_AMD64(&i1, &i2, hregAMD64_RBX(), 1024, True);
   UT_CHECK(i2 == NULL);
   UT_PR(i1, "movq %rbx,0x400(%rbp)");
   genReload_AMD64(&i1, &i2, hregAMD64_R13(), 1032, True);
   UT_PR(i1, "movq 0x408(%rbp),%r13");
   genSpill_AMD64(&i1, &i2, hregAMD64_XMM(3), 1040, True);
   UT_PR(i1, "movups %xmm3,0x410(%rbp)");
   genReload_AMD64(&i1, &i2, hregAMD64_XMM(12), 1040, True);
   UT_PR(i1, "movups 0x410(%rbp),%xmm12");
   UT_PR(genMove_AMD64(hregAMD64_RBX(), hregAMD64_R12(), True),
         "movq %rbx,%r12");
   UT_PR(genMove_AMD64(hregAMD64_XMM(1), hregAMD64_XMM(2), True),
         "movaps %xmm1,%xmm2");
   UT_PR(directReload_AMD64(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(VI(1)),
                                              VI(2)), VI(1), 1024),
         "addq 0x400(%rbp),%vR2");
   UT_PR(directReload_AMD64(AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Imm(5), VI(1)),
                            VI(1), 1024),
         "cmpq $0x5,0x400(%rbp)");
   UT_PR(directReload_AMD64(AMD64Instr_Div(False, 8, AMD64RM_Reg(VI(1))),
                            VI(1), 1024),
         "divq 0x400(%rbp)");
   UT_CHECK(directReload_AMD64(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(VI(1)),
                                                 VI(1)), VI(1), 1024) == NULL);
   UT_CHECK(directReload_AMD64(AMD64Instr_Lea64(AMD64AMode_IR(0, VI(1)), VI(2)),
                               VI(1), 1024) == NULL);
}

/* ------------------------------------------------------------------ */
/* Chaining                                                           */
/* ------------------------------------------------------------------ */

/* Emits an unconditional XDirect at WHERE; returns its site. */
static UChar* emit_xdirect_at(UChar* where, const void* chain_me)
{
   AMD64Instr* i = AMD64Instr_XDirect(0x401000, RBPAM(16), Acc_ALWAYS, True);
   Bool pi;
   Int n = emit_AMD64Instr(&pi, where, 64, i, True, chain_me, chain_me,
                           NULL, NULL);
   return where + n - 24;
}

/* objdump's disassembly of N bytes at P (as if at P's address). */
static char* disasm(const UChar* p, int n)
{
   char dir[] = "/tmp/vexdisXXXXXX";
   if (mkdtemp(dir) == NULL)
      return strdup("");
   char path[128], cmd[512];
   snprintf(path, sizeof path, "%s/d.bin", dir);
   FILE* f = fopen(path, "wb");
   fwrite(p, 1, n, f);
   fclose(f);
   snprintf(cmd, sizeof cmd,
            "objdump -D -b binary -m i386:x86-64 --adjust-vma=0x%lx %s",
            (unsigned long)(uintptr_t)p, path);
   FILE* po = popen(cmd, "r");
   static char text[8192];
   size_t len = fread(text, 1, sizeof text - 1, po);
   text[len] = 0;
   pclose(po);
   snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
   if (system(cmd) != 0)
      fprintf(stderr, "could not remove %s\n", dir);
   return strdup(text);
}

UNIT_TEST(chain_layout_unchained)
{
   setup();
   UChar* mem = rwx(1 << 16, NULL);
   const void* cm = (const void*)td_chain_me;
   for (int start = 0; start < 8; start++) {
      UChar* site = emit_xdirect_at(mem + 64 * start + start, cm);
      UT_CHECK_EQ((uintptr_t)site & 7, 0);
      UT_CHECK_EQ(site[0], 0x49);
      UT_CHECK_EQ(site[1], 0xBB);
      UT_CHECK(memcmp(site + 2, &cm, 8) == 0);
      UT_CHECK_EQ(site[10], 0x41);
      UT_CHECK_EQ(site[11], 0xFF);
      UT_CHECK_EQ(site[12], 0xD3);
      for (int k = 16; k < 24; k++)
         UT_CHECK_EQ(site[k], 0);
   }
   char* d = disasm(emit_xdirect_at(mem + 1024, cm), 13);
   char want[64];
   snprintf(want, sizeof want, "movabs $0x%lx,%%r11", (unsigned long)(uintptr_t)cm);
   UT_CHECK(strstr(d, want) != NULL);
   UT_CHECK(strstr(d, "call   *%r11") != NULL);
   free(d);
}

UNIT_TEST(chain_unchain_near)
{
   setup();
   UChar* mem = rwx(1 << 16, NULL);
   const void* cm = (const void*)td_chain_me;
   UChar* site = emit_xdirect_at(mem + 3, cm);
   UChar  orig[24];
   memcpy(orig, site, 24);
   UChar* target = mem + 40000;

   VexInvalRange r = chainXDirect_AMD64(site, cm, target);
   UT_CHECK_EQ(r.start, (HWord)site);
   UT_CHECK_EQ(r.len, 8);
   UT_CHECK_EQ(site[0], 0xE9);
   Int rel;
   memcpy(&rel, site + 1, 4);
   UT_CHECK_EQ((HWord)(site + 5 + rel), (HWord)target);
   UT_CHECK(memcmp(site + 8, orig + 8, 16) == 0);
   char* d = disasm(site, 5);
   char want[64];
   snprintf(want, sizeof want, "jmp    0x%lx", (unsigned long)(uintptr_t)target);
   UT_CHECK(strstr(d, want) != NULL);
   if (strstr(d, want) == NULL)
      fprintf(stderr, "%s\n", d);
   free(d);

   /* Chaining again is a no-op. */
   r = chainXDirect_AMD64(site, cm, target);
   UT_CHECK_EQ(r.len, 0);
   UT_CHECK_EQ(site[0], 0xE9);

   r = unchainXDirect_AMD64(site, target, cm);
   UT_CHECK_EQ(r.start, (HWord)site);
   UT_CHECK_EQ(r.len, 10);
   UT_CHECK(memcmp(site, orig, 24) == 0);
   r = unchainXDirect_AMD64(site, target, cm);
   UT_CHECK_EQ(r.len, 0);
   UT_CHECK(memcmp(site, orig, 24) == 0);

   /* Unchaining may name another chain-me stub. */
   const void* cm2 = (const void*)td_xindir;
   chainXDirect_AMD64(site, cm, target);
   unchainXDirect_AMD64(site, target, cm2);
   UT_CHECK(memcmp(site + 2, &cm2, 8) == 0);
   r = chainXDirect_AMD64(site, cm2, target);
   UT_CHECK_EQ(r.len, 8);
}

/* A buffer more than 2GB away from the unit-test binary. */
static UChar* far_rwx(size_t size)
{
   static const uintptr_t hints[] = {
      0x100000000000UL, 0x200000000000UL, 0x300000000000UL
   };
   for (int k = 0; k < 3; k++) {
      UChar*   p = rwx(size, (void*)hints[k]);
      intptr_t d = (intptr_t)p - (intptr_t)(uintptr_t)td_stress_target;
      if (d > 0x100000000L || d < -0x100000000L)
         return p;
      munmap(p, size);
   }
   return NULL;
}

UNIT_TEST(chain_unchain_far)
{
   setup();
   UChar* mem = far_rwx(1 << 16);
   UT_CHECK(mem != NULL);
   if (mem == NULL)
      return;
   const void* cm     = (const void*)td_chain_me;
   const void* target = (const void*)td_stress_target;
   UChar* site = emit_xdirect_at(mem + 5, cm);
   UChar  orig[24];
   memcpy(orig, site, 24);

   VexInvalRange r = chainXDirect_AMD64(site, cm, target);
   UT_CHECK_EQ(r.len, 24);
   static const UChar far_jmp[8] = { 0xFF, 0x25, 0x0A, 0, 0, 0, 0x0F, 0x0B };
   UT_CHECK(memcmp(site, far_jmp, 8) == 0);
   UT_CHECK(memcmp(site + 16, &target, 8) == 0);
   char* d = disasm(site, 6);
   UT_CHECK(strstr(d, "jmp    *0xa(%rip)") != NULL);
   free(d);
   r = chainXDirect_AMD64(site, cm, target);
   UT_CHECK_EQ(r.len, 0);

   r = unchainXDirect_AMD64(site, target, cm);
   UT_CHECK_EQ(r.len, 24);
   UT_CHECK(memcmp(site, orig, 16) == 0);
   HWord slot;
   memcpy(&slot, site + 16, 8);
   UT_CHECK_EQ(slot, (HWord)site);   /* the slot now leads back to the site */
   r = unchainXDirect_AMD64(site, target, cm);
   UT_CHECK_EQ(r.len, 0);
   munmap(mem, 1 << 16);
}

static int run_expect_panic(void (*fn)(void))
{
   reset_out();
   fail_armed = 1;
   if (setjmp(fail_jmp) != 0) {
      fail_armed = 0;
      return 1;
   }
   fn();
   fail_armed = 0;
   return 0;
}

static UChar* bad_site;
static void chain_bad(void)
{
   chainXDirect_AMD64(bad_site, (const void*)td_chain_me, bad_site + 100);
}
static void unchain_wrong_target(void)
{
   unchainXDirect_AMD64(bad_site, bad_site + 200, (const void*)td_chain_me);
}

UNIT_TEST(chain_rejects_foreign_sites)
{
   setup();
   UChar* mem = rwx(1 << 16, NULL);
   bad_site = mem + 64;
   memset(bad_site, 0x90, 32);
   UT_CHECK(run_expect_panic(chain_bad));
   UT_CHECK(strstr(out, "expected chain-me") != NULL);
   /* A site chained elsewhere cannot be unchained from another target. */
   bad_site = emit_xdirect_at(mem + 256, (const void*)td_chain_me);
   chainXDirect_AMD64(bad_site, (const void*)td_chain_me, bad_site + 100);
   UT_CHECK(run_expect_panic(unchain_wrong_target));
   /* And a chain-me call to a different stub is not what chaining
      expects. */
   UChar* s2 = emit_xdirect_at(mem + 512, (const void*)td_xindir);
   bad_site  = s2;
   UT_CHECK(run_expect_panic(chain_bad));
}

/* Several threads chaining the same site at once: exactly one does it. */
static UChar*          race_site;
static UChar*          race_target;
static pthread_barrier_t race_barrier;
static int             race_changed[4];

static void* race_chainer(void* arg)
{
   int k = (int)(intptr_t)arg;
   pthread_barrier_wait(&race_barrier);
   VexInvalRange r = chainXDirect_AMD64(race_site, (const void*)td_chain_me,
                                        race_target);
   race_changed[k] = r.len != 0;
   return NULL;
}

UNIT_TEST(chain_racing_chainers)
{
   setup();
   UChar* mem  = rwx(1 << 16, NULL);
   race_site   = emit_xdirect_at(mem, (const void*)td_chain_me);
   race_target = mem + 8192;
   UChar orig[24];
   memcpy(orig, race_site, 24);
   int bad = 0;
   for (int round = 0; round < 300; round++) {
      pthread_t th[4];
      pthread_barrier_init(&race_barrier, NULL, 4);
      for (int k = 0; k < 4; k++)
         pthread_create(&th[k], NULL, race_chainer, (void*)(intptr_t)k);
      for (int k = 0; k < 4; k++)
         pthread_join(th[k], NULL);
      pthread_barrier_destroy(&race_barrier);
      int n = race_changed[0] + race_changed[1] + race_changed[2]
              + race_changed[3];
      if (n != 1 || race_site[0] != 0xE9)
         bad++;
      unchainXDirect_AMD64(race_site, race_target, (const void*)td_chain_me);
      if (memcmp(race_site, orig, 24) != 0)
         bad++;
   }
   UT_CHECK_EQ(bad, 0);
}

/* One thread executes an exit over and over while another chains and
   unchains it: every execution must go either through the chain-me stub
   or to the target, never crash. */
static UChar*        stress_block;
static UChar*        stress_site;
static const void*   stress_target;
static volatile int  stress_done;
static volatile int  stress_patching;
static volatile long stress_executions;
static ULong         stress_gs[8];

/* Runs the block at least N times, and on until both paths have been
   taken (a loaded machine may deschedule the patcher for a while),
   within a bound. */
static void* stress_executor(void* arg)
{
   long n = (long)(intptr_t)arg;
   long k = 0;
   while (!stress_patching)
      ;
   for (; k < 50 * n; k++) {
      if (k >= n && td_stress_cm_count > 0 && td_stress_target_count > 0)
         break;
      td_callblk(stress_gs, stress_block);
   }
   stress_executions = k;
   stress_done = 1;
   return NULL;
}

static long stress_patch_loop(void)
{
   long flips = 0;
   stress_patching = 1;
   while (!stress_done) {
      chainXDirect_AMD64(stress_site, (const void*)td_stress_cm, stress_target);
      for (volatile int k = 0; k < 2000; k++)
         ;
      unchainXDirect_AMD64(stress_site, stress_target,
                           (const void*)td_stress_cm);
      for (volatile int k = 0; k < 2000; k++)
         ;
      flips++;
   }
   return flips;
}

static void run_stress(UChar* mem, const void* target, Bool want_far)
{
   stress_block  = mem;
   stress_site   = emit_xdirect_at(mem, (const void*)td_stress_cm);
   stress_target = target;
   stress_done   = 0;
   stress_patching = 0;
   td_stress_cm_count = td_stress_target_count = 0;
   /* The target: the stub itself, or a copy of "lock incq counter; ret"
      placed in MEM when it must be near. */
   VexInvalRange r = chainXDirect_AMD64(stress_site, (const void*)td_stress_cm,
                                        target);
   UT_CHECK_EQ(r.len, want_far ? 24 : 8);
   td_callblk(stress_gs, stress_block);
   UT_CHECK_EQ(td_stress_target_count, 1);
   UT_CHECK_EQ(td_stress_cm_count, 0);
   unchainXDirect_AMD64(stress_site, target, (const void*)td_stress_cm);
   td_callblk(stress_gs, stress_block);
   UT_CHECK_EQ(td_stress_target_count, 1);
   UT_CHECK_EQ(td_stress_cm_count, 1);
   UT_CHECK_EQ(stress_gs[2], 0x401000);
   td_stress_cm_count = td_stress_target_count = 0;

   const long N = 400000;
   pthread_t th;
   pthread_create(&th, NULL, stress_executor, (void*)(intptr_t)N);
   long flips = stress_patch_loop();
   pthread_join(th, NULL);
   printf("  %ld executions, %ld chain/unchain pairs: %llu via chain-me, "
          "%llu via the chained jump\n", stress_executions, flips,
          (unsigned long long)td_stress_cm_count,
          (unsigned long long)td_stress_target_count);
   UT_CHECK_EQ(td_stress_cm_count + td_stress_target_count,
               (ULong)stress_executions);
   UT_CHECK(flips > 0);
   UT_CHECK(td_stress_cm_count > 0 && td_stress_target_count > 0);
}

UNIT_TEST(chain_while_executing_near)
{
   setup();
   UChar* mem = rwx(1 << 16, NULL);
   /* lock incq td_stress_target_count(%rip); ret -- copied near the site */
   UChar* t = mem + 4096;
   t[0] = 0xF0; t[1] = 0x48; t[2] = 0xFF; t[3] = 0x05;
   Long rel = (Long)((uintptr_t)&td_stress_target_count - (uintptr_t)(t + 8));
   if (rel > 0x7fffffffL || rel < -0x7fffffffL) {
      /* The counter is out of reach: count through an absolute address. */
      UChar* q = t;
      *q++ = 0x49; *q++ = 0xBB;                /* movabsq $counter, %r11 */
      ULong a = (ULong)(uintptr_t)&td_stress_target_count;
      memcpy(q, &a, 8); q += 8;
      *q++ = 0xF0; *q++ = 0x49; *q++ = 0xFF; *q++ = 0x03;  /* lock incq (%r11) */
      *q++ = 0xC3;
   } else {
      Int r32 = (Int)rel;
      memcpy(t + 4, &r32, 4);
      t[8] = 0xC3;
   }
   run_stress(mem, t, False);
}

UNIT_TEST(chain_while_executing_far)
{
   setup();
   UChar* mem = far_rwx(1 << 16);
   UT_CHECK(mem != NULL);
   if (mem == NULL)
      return;
   run_stress(mem, (const void*)td_stress_target, True);
}

UNIT_TEST(profinc_patch_and_run)
{
   setup();
   UChar* mem = rwx(1 << 16, NULL);
   Bool   pi  = False;
   Int    n   = emit_AMD64Instr(&pi, mem, 64, AMD64Instr_ProfInc(), True,
                                NULL, NULL, NULL, NULL);
   UT_CHECK(pi);
   UT_CHECK_EQ(n, 13);
   mem[n] = 0xC3;   /* ret */
   static ULong counter = 0;
   VexInvalRange r = patchProfInc_AMD64(mem, &counter);
   UT_CHECK_EQ(r.start, (HWord)mem);
   UT_CHECK_EQ(r.len, 13);
   for (int k = 0; k < 5; k++)
      td_callblk(stress_gs, mem);
   UT_CHECK_EQ(counter, 5);
   bad_site = mem;
   UT_CHECK(run_expect_panic(chain_bad));   /* not an XDirect */
}

/* ------------------------------------------------------------------ */
/* Allocated code, executed                                           */
/* ------------------------------------------------------------------ */

/* Guest state of the native tests (bytes):
     0  event-check fail address     8  event counter (32 bits)
    16  guest PC                    32 .. 1023  inputs and outputs
    1024 .. 2047  128-bit values    4096 .. 8191  the spill area */
#define GS_FAIL      0
#define GS_COUNTER   8
#define GS_PC        16
#define GS_IN        32      /* 8-byte inputs: slots GS_IN .. GS_IN+8*27 */
#define GS_OUT       256     /* outputs: up to byte 1023 */
#define GS_VEC       1024
#define GS_SPILL     4096
#define GS_SPILL_SZ  4096

static ULong  gs[2048] __attribute__((aligned(16)));
static ULong  gs_ref[2048] __attribute__((aligned(16)));
static HInstrArray* cur;
static UChar* codebuf;

static HReg nI(void) { return mkHRegVirtual((UInt)cur->n_vregs++, HRcInt64); }
static HReg nV(void) { return mkHRegVirtual((UInt)cur->n_vregs++, HRcVec128); }
static void A(AMD64Instr* i) { addHInstr(cur, i); }
static AMD64AMode* GSA(Int off) { return AMD64AMode_IR((UInt)off, hregAMD64_RBP()); }

static void begin_block(void)
{
   setup();
   cur = newHInstrArray();
   if (codebuf == NULL)
      codebuf = rwx(1 << 20, NULL);
}

static HReg iconst(ULong v)
{
   HReg r = nI();
   A(AMD64Instr_Imm64(v, r));
   return r;
}

static void mov_to_real(HReg v, HReg real)
{
   A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(v), real));
}

static HReg mov_from_real(HReg real)
{
   HReg v = nI();
   A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(real), v));
   return v;
}

static void store64(HReg v, Int off)
{
   A(AMD64Instr_Alu64M(Aalu_MOV, AMD64RI_Reg(v), GSA(off)));
}

static HReg load64(Int off)
{
   HReg v = nI();
   A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Mem(GSA(off)), v));
   return v;
}

static HReg call2(HReg a, HReg b)
{
   mov_to_real(a, hregAMD64_RDI());
   mov_to_real(b, hregAMD64_RSI());
   A(AMD64Instr_Call(Acc_ALWAYS, (Addr64)(uintptr_t)td_helper2, 2,
                     mk_RetLoc_simple(RLPri_Int)));
   return mov_from_real(hregAMD64_RAX());
}

static ULong ref_helper2(ULong a, ULong b) { return (a * 3 + b) ^ 0x5a5a; }

/* Ends the block with an assisted exit to guest PC 0x1234. */
static void end_block(void)
{
   HReg pc = iconst(0x1234);
   A(AMD64Instr_XAssisted(pc, GSA(GS_PC), Acc_ALWAYS, VEX_TRC_JMP_BORING));
}

static RegAllocStats last_stats;
static Int           last_len;

/* Allocates and emits the current block at CODEBUF + AT. */
static UChar* allocate_and_emit(Int at, Bool trace)
{
   RegAllocControl con;
   getRegAllocControl_AMD64(&con, GS_SPILL, GS_SPILL_SZ);
   con.trace = trace;
   HInstrArray* rcode = doRegisterAllocation(cur, &con);
   last_stats = regAllocStats;
   UChar* p = codebuf + at;
   Int    n = 0;
   for (Int k = 0; k < rcode->arr_used; k++) {
      HRegUsage u;
      getRegUsage_AMD64Instr(&u, rcode->arr[k], True);
      if (u.n_vRegs != 0) {
         fprintf(stderr, "virtual register left in: ");
         ppAMD64Instr(rcode->arr[k], True);
         fprintf(stderr, "%s\n", out);
         abort();
      }
      n += emit1(p + n, (1 << 20) - at - n, rcode->arr[k]);
   }
   last_len = n;
   return p;
}

/* Runs the current block; returns the exit code of td_run. */
static ULong run_block(void)
{
   UChar* code = allocate_and_emit(0, False);
   return td_run(gs, code);
}

static ULong rng_state;
static ULong rnd(void)
{
   rng_state ^= rng_state << 13;
   rng_state ^= rng_state >> 7;
   rng_state ^= rng_state << 17;
   return rng_state;
}

UNIT_TEST(native_straight_line)
{
   begin_block();
   HReg a = iconst(40), b = iconst(2);
   A(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(b), a));
   store64(a, GS_OUT);
   end_block();
   memset(gs, 0, sizeof gs);
   UT_CHECK_EQ(run_block(), 3);
   UT_CHECK_EQ(gs[GS_OUT / 8], 42);
   UT_CHECK_EQ(gs[GS_PC / 8], 0x1234);
   UT_CHECK_EQ(td_trc, VEX_TRC_JMP_BORING);
}

/* Forty values live at once: more than the 13 allocatable integer
   registers. */
UNIT_TEST(native_many_live_int)
{
   begin_block();
   enum { N = 40 };
   HReg  v[N];
   ULong r[N];
   for (int k = 0; k < N; k++) {
      r[k] = 0x1111ULL * (ULong)k + 7;
      v[k] = iconst(r[k]);
   }
   for (int k = 0; k < N; k++) {
      A(AMD64Instr_Alu64R(Aalu_MUL, AMD64RMI_Imm(3), v[k]));
      A(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(v[(k + 7) % N]), v[k]));
      r[k] = r[k] * 3 + r[(k + 7) % N];
   }
   for (int k = 0; k < N; k++)
      store64(v[k], GS_OUT + 8 * k);
   end_block();
   memset(gs, 0, sizeof gs);
   UT_CHECK_EQ(run_block(), 3);
   for (int k = 0; k < N; k++)
      UT_CHECK_EQ(gs[GS_OUT / 8 + k], r[k]);
   UT_CHECK(last_stats.n_spills > 0);
   UT_CHECK(last_stats.n_reloads > 0);
}

/* Values live across calls that trash every caller-saved register. */
UNIT_TEST(native_calls_preserve_values)
{
   begin_block();
   enum { N = 20 };
   HReg  v[N];
   ULong r[N];
   for (int k = 0; k < N; k++) {
      r[k] = 0xabcdef00ULL * (ULong)(k + 1);
      v[k] = iconst(r[k]);
   }
   for (int c = 0; c < 6; c++) {
      HReg  res  = call2(v[c], v[c + 1]);
      ULong rres = ref_helper2(r[c], r[c + 1]);
      for (int k = c; k < N; k += 3) {
         A(AMD64Instr_Alu64R(Aalu_XOR, AMD64RMI_Reg(res), v[k]));
         r[k] ^= rres;
      }
   }
   for (int k = 0; k < N; k++)
      store64(v[k], GS_OUT + 8 * k);
   end_block();
   memset(gs, 0, sizeof gs);
   UT_CHECK_EQ(run_block(), 3);
   for (int k = 0; k < N; k++)
      UT_CHECK_EQ(gs[GS_OUT / 8 + k], r[k]);
}

/* Fixed registers: shifts by %cl, mul and div in %rdx:%rax, with other
   values live in those registers' way. */
UNIT_TEST(native_fixed_registers)
{
   begin_block();
   enum { N = 16 };
   HReg  v[N];
   ULong r[N];
   for (int k = 0; k < N; k++) {
      r[k] = 0x0123456789abcdefULL * (ULong)(k + 3) + (ULong)k;
      v[k] = iconst(r[k]);
   }
   for (int k = 0; k < N; k++) {
      int j = (k + 5) % N;
      /* v[k] <<= (v[j] & 63) */
      mov_to_real(v[j], hregAMD64_RCX());
      A(AMD64Instr_Sh64(Ash_SHL, 0, v[k]));
      r[k] <<= (r[j] & 63);
      /* (hi, lo) = v[k] * v[j] unsigned */
      mov_to_real(v[k], hregAMD64_RAX());
      A(AMD64Instr_MulL(False, AMD64RM_Reg(v[j])));
      HReg lo = mov_from_real(hregAMD64_RAX());
      HReg hi = mov_from_real(hregAMD64_RDX());
      unsigned __int128 p = (unsigned __int128)r[k] * r[j];
      A(AMD64Instr_Alu64R(Aalu_XOR, AMD64RMI_Reg(lo), v[k]));
      A(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(hi), v[j]));
      r[k] ^= (ULong)p;
      r[j] += (ULong)(p >> 64);
      /* v[k] = v[k] / (v[(k+1)%N] | 1), remainder added to v[(k+2)%N] */
      HReg d = nI();
      A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(v[(k + 1) % N]), d));
      A(AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Imm(1), d));
      mov_to_real(v[k], hregAMD64_RAX());
      A(AMD64Instr_Imm64(0, hregAMD64_RDX()));
      A(AMD64Instr_Div(False, 8, AMD64RM_Reg(d)));
      HReg q   = mov_from_real(hregAMD64_RAX());
      HReg rem = mov_from_real(hregAMD64_RDX());
      ULong dd = r[(k + 1) % N] | 1;
      A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(q), v[k]));
      A(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(rem), v[(k + 2) % N]));
      ULong rq = r[k] / dd, rr = r[k] % dd;
      r[k] = rq;
      r[(k + 2) % N] += rr;
   }
   for (int k = 0; k < N; k++)
      store64(v[k], GS_OUT + 8 * k);
   end_block();
   memset(gs, 0, sizeof gs);
   UT_CHECK_EQ(run_block(), 3);
   for (int k = 0; k < N; k++)
      UT_CHECK_EQ(gs[GS_OUT / 8 + k], r[k]);
}

typedef union { ULong q[2]; UInt d[4]; UShort w[8]; UChar b[16]; } V128;

/* Twenty-four vector values live across calls (no xmm register survives
   a call). */
UNIT_TEST(native_sse_spills_across_calls)
{
   begin_block();
   enum { N = 24 };
   HReg v[N];
   V128 r[N];
   memset(gs, 0, sizeof gs);
   V128* in = (V128*)((UChar*)gs + GS_VEC);
   for (int k = 0; k < N; k++) {
      for (int l = 0; l < 4; l++)
         in[k].d[l] = 0x01010101u * (UInt)(k + 1) + (UInt)l;
      r[k] = in[k];
      v[k] = nV();
      A(AMD64Instr_SseLdSt(True, 16, v[k], GSA(GS_VEC + 16 * k)));
   }
   HReg acc = iconst(5);
   for (int k = 0; k < N; k++) {
      int j = (k + 3) % N;
      A(AMD64Instr_SseReRg(Asse_ADD32, v[j], v[k]));
      for (int l = 0; l < 4; l++)
         r[k].d[l] += r[j].d[l];
      if (k % 6 == 0) {
         HReg res = call2(acc, acc);
         A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(res), acc));
      }
      A(AMD64Instr_SseShuf(Ashuf_D, 0x1b, v[k], v[k]));
      V128 t = r[k];
      for (int l = 0; l < 4; l++)
         r[k].d[l] = t.d[3 - l];
   }
   ULong racc = 5;
   for (int k = 0; k < N; k += 6)
      racc = ref_helper2(racc, racc);
   for (int k = 0; k < N; k++)
      A(AMD64Instr_SseLdSt(False, 16, v[k], GSA(GS_VEC + 16 * (N + k))));
   store64(acc, GS_OUT);
   end_block();
   UT_CHECK_EQ(run_block(), 3);
   V128* outv = (V128*)((UChar*)gs + GS_VEC + 16 * N);
   for (int k = 0; k < N; k++) {
      UT_CHECK_EQ(outv[k].q[0], r[k].q[0]);
      UT_CHECK_EQ(outv[k].q[1], r[k].q[1]);
   }
   UT_CHECK_EQ(gs[GS_OUT / 8], racc);
   UT_CHECK(last_stats.n_spills > 0);
}

/* The event check: runs while the counter stays >= 0, else leaves
   through the fail address without doing the block's work. */
UNIT_TEST(native_event_check)
{
   begin_block();
   A(AMD64Instr_EvCheck(GSA(GS_COUNTER), GSA(GS_FAIL)));
   store64(iconst(99), GS_OUT);
   end_block();
   UChar* code = allocate_and_emit(0, False);
   memset(gs, 0, sizeof gs);
   gs[GS_FAIL / 8]    = (ULong)(uintptr_t)td_evfail;
   gs[GS_COUNTER / 8] = 1;
   UT_CHECK_EQ(td_run(gs, code), 3);
   UT_CHECK_EQ(gs[GS_OUT / 8], 99);
   UT_CHECK_EQ((Int)(UInt)gs[GS_COUNTER / 8], 0);
   gs[GS_OUT / 8] = 0;
   UT_CHECK_EQ(td_run(gs, code), 4);
   UT_CHECK_EQ(gs[GS_OUT / 8], 0);
   UT_CHECK_EQ((Int)(UInt)gs[GS_COUNTER / 8], -1);
   /* The fast entry point skips the check. */
   UT_CHECK_EQ(td_run(gs, code + evCheckSzB_AMD64()), 3);
   UT_CHECK_EQ(gs[GS_OUT / 8], 99);
}

/* Two blocks: A exits to B through a chain-me call, is chained to B's
   fast entry point, then runs straight into B; unchained, it calls the
   chain-me stub again. */
UNIT_TEST(native_chaining_between_blocks)
{
   begin_block();
   A(AMD64Instr_EvCheck(GSA(GS_COUNTER), GSA(GS_FAIL)));
   HReg x = load64(GS_IN);
   A(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Imm(1), x));
   store64(x, GS_IN);
   A(AMD64Instr_XDirect(0x500000, GSA(GS_PC), Acc_ALWAYS, True));
   UChar* blockA = allocate_and_emit(0, False);

   begin_block();
   A(AMD64Instr_EvCheck(GSA(GS_COUNTER), GSA(GS_FAIL)));
   HReg y = load64(GS_IN);
   A(AMD64Instr_Alu64R(Aalu_MUL, AMD64RMI_Imm(10), y));
   store64(y, GS_OUT);
   end_block();
   UChar* blockB = allocate_and_emit(4096, False);

   memset(gs, 0, sizeof gs);
   gs[GS_FAIL / 8]    = (ULong)(uintptr_t)td_evfail;
   gs[GS_COUNTER / 8] = 100;
   gs[GS_IN / 8]      = 4;
   UT_CHECK_EQ(td_run(gs, blockA), 1);
   UT_CHECK_EQ(gs[GS_PC / 8], 0x500000);
   UT_CHECK_EQ(gs[GS_IN / 8], 5);
   UChar* site = (UChar*)(uintptr_t)td_chain_ret - AMD64_CHAIN_ME_RETURN_TO_SITE;
   UT_CHECK(site > blockA && site < blockA + 4096);
   VexInvalRange r = chainXDirect_AMD64(site, (const void*)td_chain_me,
                                        blockB + evCheckSzB_AMD64());
   UT_CHECK(r.len > 0);
   UT_CHECK_EQ(td_run(gs, blockA), 3);
   UT_CHECK_EQ(gs[GS_IN / 8], 6);
   UT_CHECK_EQ(gs[GS_OUT / 8], 60);
   UT_CHECK_EQ(gs[GS_COUNTER / 8], 98);   /* B's check was skipped */
   unchainXDirect_AMD64(site, blockB + evCheckSzB_AMD64(),
                        (const void*)td_chain_me);
   UT_CHECK_EQ(td_run(gs, blockA), 1);
   UT_CHECK_EQ(gs[GS_IN / 8], 7);
   UT_CHECK_EQ(gs[GS_OUT / 8], 60);
}

/* Conditional exits, taken and not taken; the indirect exit. */
UNIT_TEST(native_conditional_exits)
{
   begin_block();
   HReg x = load64(GS_IN);
   A(AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Imm(10), x));
   A(AMD64Instr_XDirect(0x600000, GSA(GS_PC), Acc_Z, False));
   HReg pc = load64(GS_IN + 8);
   A(AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Imm(20), x));
   A(AMD64Instr_XIndir(pc, GSA(GS_PC), Acc_Z));
   A(AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Imm(30), x));
   A(AMD64Instr_XAssisted(pc, GSA(GS_PC), Acc_Z, VEX_TRC_JMP_YIELD));
   store64(x, GS_OUT);
   end_block();
   UChar* code = allocate_and_emit(0, False);
   memset(gs, 0, sizeof gs);
   gs[GS_IN / 8 + 1] = 0x777000;
   gs[GS_IN / 8] = 10;
   UT_CHECK_EQ(td_run(gs, code), 1);
   UT_CHECK_EQ(gs[GS_PC / 8], 0x600000);
   gs[GS_IN / 8] = 20;
   UT_CHECK_EQ(td_run(gs, code), 2);
   UT_CHECK_EQ(gs[GS_PC / 8], 0x777000);
   gs[GS_IN / 8] = 30;
   UT_CHECK_EQ(td_run(gs, code), 3);
   UT_CHECK_EQ(td_trc, VEX_TRC_JMP_YIELD);
   UT_CHECK_EQ(gs[GS_PC / 8], 0x777000);
   gs[GS_IN / 8] = 40;
   UT_CHECK_EQ(td_run(gs, code), 3);
   UT_CHECK_EQ(td_trc, VEX_TRC_JMP_BORING);
   UT_CHECK_EQ(gs[GS_PC / 8], 0x1234);
   UT_CHECK_EQ(gs[GS_OUT / 8], 40);
}

/* Conditional loads, stores and moves; compare-and-swap; the SSE compare
   that produces flags; conversions. */
UNIT_TEST(native_misc_instructions)
{
   begin_block();
   HReg x = load64(GS_IN);
   HReg y = iconst(0x1111);
   A(AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Imm(1), x));
   A(AMD64Instr_CLoad(Acc_Z, 8, GSA(GS_IN + 8), y));      /* y = in1 if x==1 */
   A(AMD64Instr_CStore(Acc_NZ, 8, y, GSA(GS_OUT + 8)));   /* if x!=1 */
   store64(y, GS_OUT);
   /* cas: *(GS_IN+16) == rax ? = rbx */
   HReg expd = load64(GS_IN + 24);
   HReg nw   = iconst(0xfeed);
   HReg addr = nI();
   A(AMD64Instr_Lea64(GSA(GS_IN + 16), addr));
   mov_to_real(expd, hregAMD64_RAX());
   mov_to_real(nw, hregAMD64_RBX());
   A(AMD64Instr_ACAS(AMD64AMode_IR(0, addr), 8));
   HReg old = mov_from_real(hregAMD64_RAX());
   store64(old, GS_OUT + 16);
   /* double compare: ucomisd of in4 and in5 as doubles -> flags */
   HReg f1 = nV(), f2 = nV();
   A(AMD64Instr_SseLdzLO(8, f1, GSA(GS_IN + 32)));
   A(AMD64Instr_SseLdzLO(8, f2, GSA(GS_IN + 40)));
   HReg fl = nI();
   A(AMD64Instr_SseUComIS(8, f1, f2, fl));
   A(AMD64Instr_Alu64R(Aalu_AND, AMD64RMI_Imm(0x45), fl));
   store64(fl, GS_OUT + 24);
   /* int -> double -> *2 -> int */
   HReg i5 = iconst(21);
   HReg fd = nV();
   A(AMD64Instr_SseReRg(Asse_XOR, fd, fd));   /* cvtsi2sd keeps the upper half */
   A(AMD64Instr_SseSI2SF(8, 8, i5, fd));
   A(AMD64Instr_Sse64FLo(Asse_ADDF, fd, fd));
   HReg back = nI();
   A(AMD64Instr_SseSF2SI(8, 8, fd, back));
   store64(back, GS_OUT + 32);
   /* setcc, cmov, movzx/movsx loads, bsr */
   A(AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Imm(5), back));
   HReg st = nI();
   A(AMD64Instr_Set64(Acc_NLE, st));
   HReg cm = iconst(7);
   A(AMD64Instr_CMov64(Acc_NLE, back, cm));
   store64(st, GS_OUT + 40);
   store64(cm, GS_OUT + 48);
   HReg sb = nI();
   A(AMD64Instr_LoadEX(1, True, GSA(GS_IN + 48), sb));
   store64(sb, GS_OUT + 56);
   HReg bs = nI();
   A(AMD64Instr_Bsfr64(False, back, bs));
   store64(bs, GS_OUT + 64);
   end_block();
   UChar* code = allocate_and_emit(0, False);

   for (int round = 0; round < 2; round++) {
      memset(gs, 0, sizeof gs);
      gs[GS_IN / 8]     = round == 0 ? 1 : 2;
      gs[GS_IN / 8 + 1] = 0xabc;
      gs[GS_IN / 8 + 2] = 55;                    /* the CAS location */
      gs[GS_IN / 8 + 3] = round == 0 ? 55 : 56;  /* expected */
      double d1 = 1.5, d2 = round == 0 ? 2.5 : 1.5;
      memcpy(&gs[GS_IN / 8 + 4], &d1, 8);
      memcpy(&gs[GS_IN / 8 + 5], &d2, 8);
      gs[GS_IN / 8 + 6] = 0x80;
      UT_CHECK_EQ(td_run(gs, code), 3);
      UT_CHECK_EQ(gs[GS_OUT / 8], round == 0 ? 0xabc : 0x1111);
      UT_CHECK_EQ(gs[GS_OUT / 8 + 1], round == 0 ? 0 : 0x1111);
      UT_CHECK_EQ(gs[GS_OUT / 8 + 2], 55);
      UT_CHECK_EQ(gs[GS_IN / 8 + 2], round == 0 ? 0xfeed : 55);
      /* 1.5 < 2.5: CF=1 ZF=0 PF=0; equal: ZF=1 */
      UT_CHECK_EQ(gs[GS_OUT / 8 + 3], round == 0 ? 0x01 : 0x40);
      UT_CHECK_EQ(gs[GS_OUT / 8 + 4], 42);
      UT_CHECK_EQ(gs[GS_OUT / 8 + 5], 1);
      UT_CHECK_EQ(gs[GS_OUT / 8 + 6], 42);
      UT_CHECK_EQ(gs[GS_OUT / 8 + 7], (ULong)-128);
      UT_CHECK_EQ(gs[GS_OUT / 8 + 8], 5);
   }
}

UNIT_TEST(native_trace_output)
{
   begin_block();
   HReg a = iconst(1), b = iconst(2);
   A(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(a), b));
   store64(b, GS_OUT);
   end_block();
   reset_out();
   allocate_and_emit(0, True);
   UT_CHECK(strstr(out, "-- ") != NULL);
   UT_CHECK(strstr(out, "emit   addq") != NULL);
}

/* ------------------------------------------------------------------ */
/* Random programs on the real machine                                */
/* ------------------------------------------------------------------ */

/* The flags after "cmp b, a" (a - b), for condition C. */
static int ref_cond(int c, ULong a, ULong b)
{
   ULong d  = a - b;
   int   zf = d == 0, cf = a < b, sf = (Long)d < 0;
   int   of = (int)((((a ^ b) & (a ^ d)) >> 63) & 1);
   int   pf = !__builtin_parity((unsigned)(d & 0xff));
   int   r;
   switch (c >> 1) {
      case 0: r = of; break;
      case 1: r = cf; break;
      case 2: r = zf; break;
      case 3: r = cf || zf; break;
      case 4: r = sf; break;
      case 5: r = pf; break;
      case 6: r = sf != of; break;
      default: r = zf || (sf != of); break;
   }
   return (c & 1) ? !r : r;
}

static ULong ref_shift(AMD64ShiftOp op, ULong v, unsigned n, int w64)
{
   if (!w64) {
      UInt x = (UInt)v;
      n &= 31;
      switch (op) {
         case Ash_SHL: x <<= n; break;
         case Ash_SHR: x >>= n; break;
         case Ash_SAR: x = (UInt)((Int)x >> n); break;
         case Ash_ROL: x = n ? (x << n) | (x >> (32 - n)) : x; break;
         default:      x = n ? (x >> n) | (x << (32 - n)) : x; break;
      }
      return x;
   }
   n &= 63;
   switch (op) {
      case Ash_SHL: return v << n;
      case Ash_SHR: return v >> n;
      case Ash_SAR: return (ULong)((Long)v >> n);
      case Ash_ROL: return n ? (v << n) | (v >> (64 - n)) : v;
      default:      return n ? (v >> n) | (v << (64 - n)) : v;
   }
}

static ULong ref_alu(AMD64AluOp op, ULong a, ULong b)
{
   switch (op) {
      case Aalu_ADD: return a + b;
      case Aalu_SUB: return a - b;
      case Aalu_AND: return a & b;
      case Aalu_OR:  return a | b;
      case Aalu_XOR: return a ^ b;
      case Aalu_MUL: return a * b;
      default:       abort();
   }
}

typedef struct { HReg r; ULong v; } LiveI;

/* Builds a random block of N_OPS operations and computes what it must
   leave in the guest state (gs_ref).  Values are stored to the output
   area as they retire. */
static void gen_random_int_block(int n_ops, int max_live)
{
   LiveI live[64];
   int   n_live  = 0;
   int   out_off = GS_OUT;
   static const AMD64AluOp ops[] = {
      Aalu_ADD, Aalu_SUB, Aalu_AND, Aalu_OR, Aalu_XOR, Aalu_MUL
   };
   static const AMD64ShiftOp sops[] = {
      Ash_SHL, Ash_SHR, Ash_SAR, Ash_ROL, Ash_ROR
   };

   memset(gs, 0, sizeof gs);
   for (int k = GS_IN / 8; k < GS_OUT / 8; k++)
      gs[k] = rnd();
   memcpy(gs_ref, gs, sizeof gs);

#define PICK() (&live[rnd() % (unsigned)n_live])
#define NEWV(reg, val)                                                  \
   do { live[n_live].r = (reg); live[n_live].v = (val); n_live++; } while (0)
#define RETIRE(k)                                                       \
   do {                                                                 \
      store64(live[k].r, out_off);                                      \
      gs_ref[out_off / 8] = live[k].v;                                  \
      out_off += 8;                                                     \
      n_live--;                                                         \
      live[k] = live[n_live];                                           \
   } while (0)

   for (int step = 0; step < n_ops; step++) {
      if (n_live < 3) {
         ULong c = (rnd() & 1) ? rnd() : rnd() % 1000;
         NEWV(iconst(c), c);
         continue;
      }
      if (n_live >= max_live || out_off >= 1000 - 8 * 70) {
         int k = (int)(rnd() % (unsigned)n_live);
         if (out_off < 1000 - 8) {
            RETIRE(k);
         } else {
            n_live--;
            live[k] = live[n_live];
         }
         continue;
      }
      LiveI* a = PICK();
      LiveI* b = PICK();
      switch (rnd() % 18) {
         case 0: {
            ULong c = (rnd() & 1) ? rnd() : (ULong)(Long)(Int)rnd();
            NEWV(iconst(c), c);
            break;
         }
         case 1: {
            int slot = (int)(rnd() % ((GS_OUT - GS_IN) / 8));
            NEWV(load64(GS_IN + 8 * slot), gs_ref[GS_IN / 8 + slot]);
            break;
         }
         case 2: {   /* a op= b */
            AMD64AluOp op = ops[rnd() % 6];
            A(AMD64Instr_Alu64R(op, AMD64RMI_Reg(b->r), a->r));
            a->v = ref_alu(op, a->v, b->v);
            break;
         }
         case 3: {   /* n = a op b */
            AMD64AluOp op = ops[rnd() % 6];
            HReg n = nI();
            A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(a->r), n));
            A(AMD64Instr_Alu64R(op, AMD64RMI_Reg(b->r), n));
            NEWV(n, ref_alu(op, a->v, b->v));
            break;
         }
         case 4: {   /* a op= imm */
            AMD64AluOp op  = ops[rnd() % 6];
            Int        imm = (rnd() & 1) ? (Int)(rnd() % 256) - 128 : (Int)rnd();
            A(AMD64Instr_Alu64R(op, AMD64RMI_Imm((UInt)imm), a->r));
            a->v = ref_alu(op, a->v, (ULong)(Long)imm);
            break;
         }
         case 5: {   /* shifts by an immediate, 64 or 32 bits */
            AMD64ShiftOp op = sops[rnd() % 5];
            if (rnd() & 1) {
               UInt n = 1 + (UInt)(rnd() % 63);
               A(AMD64Instr_Sh64(op, n, a->r));
               a->v = ref_shift(op, a->v, n, 1);
            } else {
               UInt n = 1 + (UInt)(rnd() % 31);
               A(AMD64Instr_Sh32(op, n, a->r));
               a->v = ref_shift(op, a->v, n, 0);
            }
            break;
         }
         case 6: {   /* shift by %cl */
            if (a == b)
               break;
            AMD64ShiftOp op = sops[rnd() % 5];
            mov_to_real(b->r, hregAMD64_RCX());
            A(AMD64Instr_Sh64(op, 0, a->r));
            a->v = ref_shift(op, a->v, (unsigned)b->v, 1);
            break;
         }
         case 7: {   /* widening multiply */
            Bool syned = rnd() & 1;
            mov_to_real(a->r, hregAMD64_RAX());
            A(AMD64Instr_MulL(syned, AMD64RM_Reg(b->r)));
            ULong av = a->v, bv = b->v;
            HReg lo = mov_from_real(hregAMD64_RAX());
            HReg hi = mov_from_real(hregAMD64_RDX());
            if (syned) {
               __int128 p = (__int128)(Long)av * (Long)bv;
               NEWV(lo, (ULong)p);
               NEWV(hi, (ULong)(p >> 64));
            } else {
               unsigned __int128 p = (unsigned __int128)av * bv;
               NEWV(lo, (ULong)p);
               NEWV(hi, (ULong)(p >> 64));
            }
            break;
         }
         case 8: {   /* unsigned divide by (b | 1) */
            HReg d = nI();
            A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(b->r), d));
            A(AMD64Instr_Alu64R(Aalu_OR, AMD64RMI_Imm(1), d));
            mov_to_real(a->r, hregAMD64_RAX());
            A(AMD64Instr_Imm64(0, hregAMD64_RDX()));
            A(AMD64Instr_Div(False, 8, AMD64RM_Reg(d)));
            ULong dv = b->v | 1, av = a->v;
            NEWV(mov_from_real(hregAMD64_RAX()), av / dv);
            NEWV(mov_from_real(hregAMD64_RDX()), av % dv);
            break;
         }
         case 9: {   /* helper call */
            ULong r = ref_helper2(a->v, b->v);
            NEWV(call2(a->r, b->r), r);
            break;
         }
         case 10: {  /* lea */
            int   sh   = (int)(rnd() % 4);
            Int   disp = (Int)(rnd() % 2001) - 1000;
            HReg  n    = nI();
            A(AMD64Instr_Lea64(AMD64AMode_IRRS((UInt)disp, a->r, b->r, sh), n));
            NEWV(n, a->v + (b->v << sh) + (ULong)(Long)disp);
            break;
         }
         case 11: {  /* compare; setcc; cmov */
            int  c = (int)(rnd() % 16);
            ULong av = a->v, bv = b->v;
            A(AMD64Instr_Alu64R(Aalu_CMP, AMD64RMI_Reg(b->r), a->r));
            HReg s = nI();
            A(AMD64Instr_Set64((AMD64CondCode)c, s));
            HReg m = nI();
            A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(a->r), m));
            A(AMD64Instr_CMov64((AMD64CondCode)c, b->r, m));
            int t = ref_cond(c, av, bv);
            NEWV(s, (ULong)t);
            NEWV(m, t ? bv : av);
            break;
         }
         case 12: {  /* 32-bit ops and extensions */
            static const AMD64AluOp o32[] = {
               Aalu_ADD, Aalu_SUB, Aalu_AND, Aalu_OR, Aalu_XOR
            };
            AMD64AluOp op = o32[rnd() % 5];
            A(AMD64Instr_Alu32R(op, AMD64RMI_Reg(b->r), a->r));
            a->v = (UInt)ref_alu(op, a->v, b->v);
            HReg n = nI();
            Bool syned = rnd() & 1;
            A(AMD64Instr_MovxLQ(syned, b->r, n));
            NEWV(n, syned ? (ULong)(Long)(Int)(UInt)b->v : (ULong)(UInt)b->v);
            break;
         }
         case 13: {  /* narrow loads */
            int   slot  = (int)(rnd() % ((GS_OUT - GS_IN) / 8));
            UChar sz    = (UChar)(1 << (rnd() % 3));
            Bool  syned = rnd() & 1;
            HReg  n     = nI();
            A(AMD64Instr_LoadEX(sz, syned, GSA(GS_IN + 8 * slot), n));
            ULong raw = gs_ref[GS_IN / 8 + slot], v;
            if (sz == 1)
               v = syned ? (ULong)(Long)(SChar)raw : (UChar)raw;
            else if (sz == 2)
               v = syned ? (ULong)(Long)(Short)raw : (UShort)raw;
            else
               v = syned ? (ULong)(Long)(Int)raw : (UInt)raw;
            NEWV(n, v);
            break;
         }
         case 14: {  /* narrow stores into the output area */
            UChar sz = (UChar)(1 << (rnd() % 4));
            A(AMD64Instr_Store(sz, a->r, GSA(out_off)));
            memcpy((UChar*)gs_ref + out_off, &a->v, sz);
            out_off += 8;
            break;
         }
         case 15: {  /* not / neg / test+set */
            if (rnd() & 1) {
               A(AMD64Instr_Unary64(Aun_NOT, a->r));
               a->v = ~a->v;
            } else {
               A(AMD64Instr_Unary64(Aun_NEG, a->r));
               a->v = -a->v;
            }
            UInt m = (UInt)rnd() & 0xff;
            A(AMD64Instr_Test64(AMD64RI_Imm(m), b->r));
            HReg s = nI();
            A(AMD64Instr_Set64(Acc_NZ, s));
            NEWV(s, (b->v & m) != 0);
            break;
         }
         case 16: {  /* through an xmm register and back */
            HReg x = nV(), n = nI();
            A(AMD64Instr_SseMOVQ(a->r, x, True));
            A(AMD64Instr_SseMOVQ(n, x, False));
            NEWV(n, a->v);
            break;
         }
         default: {  /* retire one */
            int k = (int)(rnd() % (unsigned)n_live);
            if (out_off < 1000 - 8 * 70)
               RETIRE(k);
            break;
         }
      }
   }
   while (n_live > 0 && out_off < 1016)
      RETIRE(n_live - 1);
   end_block();
   gs_ref[GS_PC / 8] = 0x1234;
#undef PICK
#undef NEWV
#undef RETIRE
}

static int compare_gs(int seed)
{
   int bad = 0;
   for (int k = 0; k < GS_SPILL / 8; k++)
      if (gs[k] != gs_ref[k]) {
         if (bad++ < 5)
            fprintf(stderr, "  seed %d: guest state byte %d: 0x%llx, "
                    "expected 0x%llx\n", seed, 8 * k,
                    (unsigned long long)gs[k], (unsigned long long)gs_ref[k]);
      }
   return bad;
}

UNIT_TEST(native_random_int_programs)
{
   int   bad = 0;
   ULong spills = 0, reloads = 0, moves = 0, coalesced = 0, direct = 0;
   ULong remats = 0;
   for (int seed = 1; seed <= 150; seed++) {
      begin_block();
      rng_state = 0x9E3779B97F4A7C15ULL * (ULong)seed;
      gen_random_int_block(60 + seed * 2, 8 + seed % 40);
      ULong rc = run_block();
      if (rc != 3 || compare_gs(seed) != 0) {
         bad++;
         fprintf(stderr, "  seed %d failed (exit %llu)\n", seed,
                 (unsigned long long)rc);
      }
      spills    += last_stats.n_spills;
      reloads   += last_stats.n_reloads;
      moves     += last_stats.n_moves_added;
      coalesced += last_stats.n_coalesced;
      direct    += last_stats.n_direct;
      remats    += last_stats.n_remats;
   }
   printf("  150 programs: %llu spills, %llu reloads, %llu reloads folded, "
          "%llu constants recomputed, %llu moves added, %llu moves "
          "coalesced\n",
          (unsigned long long)spills, (unsigned long long)reloads,
          (unsigned long long)direct, (unsigned long long)remats,
          (unsigned long long)moves, (unsigned long long)coalesced);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(spills > 0 && reloads > 0 && coalesced > 0 && direct > 0);
   UT_CHECK(remats > 0);
}

/* Vector programs: 128-bit values, with calls trashing every xmm. */
static void ref_sse(AMD64SseOp op, V128* d, const V128* s)
{
   V128 a = *d, r;
   switch (op) {
      case Asse_ADD32: for (int l = 0; l < 4; l++) r.d[l] = a.d[l] + s->d[l]; break;
      case Asse_ADD64: for (int l = 0; l < 2; l++) r.q[l] = a.q[l] + s->q[l]; break;
      case Asse_SUB16: for (int l = 0; l < 8; l++) r.w[l] = (UShort)(a.w[l] - s->w[l]); break;
      case Asse_ADD8:  for (int l = 0; l < 16; l++) r.b[l] = (UChar)(a.b[l] + s->b[l]); break;
      case Asse_AND:   for (int l = 0; l < 2; l++) r.q[l] = a.q[l] & s->q[l]; break;
      case Asse_OR:    for (int l = 0; l < 2; l++) r.q[l] = a.q[l] | s->q[l]; break;
      case Asse_XOR:   for (int l = 0; l < 2; l++) r.q[l] = a.q[l] ^ s->q[l]; break;
      case Asse_ANDN:  for (int l = 0; l < 2; l++) r.q[l] = ~a.q[l] & s->q[l]; break;
      case Asse_CMPEQ32:
         for (int l = 0; l < 4; l++) r.d[l] = a.d[l] == s->d[l] ? ~0u : 0;
         break;
      case Asse_MUL16:
         for (int l = 0; l < 8; l++) r.w[l] = (UShort)(a.w[l] * s->w[l]);
         break;
      case Asse_UNPCKLD:
         r.d[0] = a.d[0]; r.d[1] = s->d[0]; r.d[2] = a.d[1]; r.d[3] = s->d[1];
         break;
      case Asse_MAX8U:
         for (int l = 0; l < 16; l++) r.b[l] = a.b[l] > s->b[l] ? a.b[l] : s->b[l];
         break;
      default: abort();
   }
   *d = r;
}

typedef struct { HReg r; V128 v; } LiveV;

UNIT_TEST(native_random_sse_programs)
{
   static const AMD64SseOp vops[] = {
      Asse_ADD32, Asse_ADD64, Asse_SUB16, Asse_ADD8, Asse_AND, Asse_OR,
      Asse_XOR, Asse_ANDN, Asse_CMPEQ32, Asse_MUL16, Asse_UNPCKLD, Asse_MAX8U
   };
   int bad = 0;
   ULong spills = 0;
   for (int seed = 1; seed <= 60; seed++) {
      begin_block();
      rng_state = 0xD1B54A32D192ED03ULL * (ULong)seed;
      memset(gs, 0, sizeof gs);
      V128* in = (V128*)((UChar*)gs + GS_VEC);
      for (int k = 0; k < 16; k++)
         for (int l = 0; l < 2; l++)
            in[k].q[l] = rnd();
      memcpy(gs_ref, gs, sizeof gs);
      LiveV live[48];
      int   n_live = 0, outv = 16, max_live = 6 + seed % 36;
      HReg  acc = iconst(1);
      ULong racc = 1;
      int   n_ops = 80 + seed * 3;
      for (int step = 0; step < n_ops; step++) {
         if (n_live < 2 || (n_live < max_live && rnd() % 4 == 0)) {
            int k = (int)(rnd() % 16);
            live[n_live].r = nV();
            live[n_live].v = in[k];
            A(AMD64Instr_SseLdSt(True, 16, live[n_live].r, GSA(GS_VEC + 16 * k)));
            n_live++;
            continue;
         }
         LiveV* a = &live[rnd() % (unsigned)n_live];
         LiveV* b = &live[rnd() % (unsigned)n_live];
         switch (rnd() % 8) {
            case 0: case 1: case 2: {
               AMD64SseOp op = vops[rnd() % (sizeof vops / sizeof vops[0])];
               V128 bv = b->v;
               A(AMD64Instr_SseReRg(op, b->r, a->r));
               ref_sse(op, &a->v, &bv);
               break;
            }
            case 3: {   /* copy, then shuffle the copy */
               if (n_live >= 48)
                  break;
               HReg n = nV();
               A(AMD64Instr_SseReRg(Asse_MOV, a->r, n));
               Int order = (Int)(rnd() & 0xff);
               A(AMD64Instr_SseShuf(Ashuf_D, order, n, n));
               V128 t = a->v, r;
               for (int l = 0; l < 4; l++)
                  r.d[l] = t.d[(order >> (2 * l)) & 3];
               live[n_live].r = n;
               live[n_live].v = r;
               n_live++;
               break;
            }
            case 4: {   /* shifts by immediates */
               UInt n = (UInt)(rnd() % 8);
               A(AMD64Instr_SseShiftN(Asse_SHLN32, n, a->r));
               for (int l = 0; l < 4; l++)
                  a->v.d[l] <<= n;
               A(AMD64Instr_SseShiftN(Asse_SHRN128, 1, a->r));
               V128 t = a->v;
               for (int l = 0; l < 15; l++)
                  a->v.b[l] = t.b[l + 1];
               a->v.b[15] = 0;
               break;
            }
            case 5: {   /* a helper call: every xmm is trashed */
               HReg r = call2(acc, acc);
               A(AMD64Instr_Alu64R(Aalu_MOV, AMD64RMI_Reg(r), acc));
               racc = ref_helper2(racc, racc);
               break;
            }
            case 6: {   /* the low half into an integer and back in */
               HReg g = nI();
               A(AMD64Instr_SseMOVQ(g, a->r, False));
               A(AMD64Instr_Alu64R(Aalu_ADD, AMD64RMI_Reg(g), acc));
               racc += a->v.q[0];
               break;
            }
            default: {  /* retire */
               int k = (int)(rnd() % (unsigned)n_live);
               if (outv < 60) {
                  A(AMD64Instr_SseLdSt(False, 16, live[k].r,
                                       GSA(GS_VEC + 16 * outv)));
                  ((V128*)((UChar*)gs_ref + GS_VEC))[outv] = live[k].v;
                  outv++;
               }
               n_live--;
               live[k] = live[n_live];
               break;
            }
         }
      }
      while (n_live > 0 && outv < 63) {
         n_live--;
         A(AMD64Instr_SseLdSt(False, 16, live[n_live].r,
                              GSA(GS_VEC + 16 * outv)));
         ((V128*)((UChar*)gs_ref + GS_VEC))[outv] = live[n_live].v;
         outv++;
      }
      store64(acc, GS_OUT);
      gs_ref[GS_OUT / 8] = racc;
      end_block();
      gs_ref[GS_PC / 8] = 0x1234;
      ULong rc = run_block();
      if (rc != 3 || compare_gs(seed) != 0) {
         bad++;
         fprintf(stderr, "  seed %d failed\n", seed);
      }
      spills += last_stats.n_spills;
   }
   printf("  60 vector programs: %llu spills\n", (unsigned long long)spills);
   UT_CHECK_EQ(bad, 0);
   UT_CHECK(spills > 0);
}
