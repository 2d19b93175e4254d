/* Unit tests of the amd64 front end: the guest state, the flag and
   condition helpers, the flag specialiser (and that cmp/test/sub/dec/and
   followed by jcc/setcc/cmovcc call no helper), the disassembler against
   text captured from Valgrind 3.19, decoding rules, superblock formation
   (instruction limit, chasing, extents, undecodable bytes), and the
   system instructions the differential harness cannot compare with the
   CPU (cpuid, rdtsc, syscall).  The instruction semantics themselves are
   checked against the real CPU by tests/vex/vexdiff. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libvex.h"
#include "libvex_ir.h"
#include "libvex_guest_amd64.h"
#include "../../VEX/priv/main_util.h"
#include "../../VEX/priv/guest_generic_bb_to_IR.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "unit.h"

/* ------------------------------------------------------------------ */
/* VEX's output and failures                                          */
/* ------------------------------------------------------------------ */

static char   out[1 << 16];
static size_t out_len;

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
   fprintf(stderr, "unexpected VEX failure:\n%s\n", out);
   abort();
}

static void setup(void)
{
   vex_init_callbacks(fail_cb, log_cb);
   vexSetAllocModeTEMP_and_clear();
   out_len = 0;
   out[0]  = 0;
}

/* Translates the bytes CODE (pretending they are at ADDR). */
static IRSB* translate(const char* code, Addr64 addr, Int max_insns,
                       Bool chase, VexGuestExtents* vge, UInt* n)
{
   BbToIRParams p;
   memset(&p, 0, sizeof p);
   p.dis_instr_fn     = disInstr_AMD64;
   p.guest_code       = (const UChar*)code;
   p.guest_IP_bbstart = addr;
   p.guest_max_insns  = max_insns;
   p.guest_chase      = chase;
   p.guest_word_type  = Ity_I64;
   p.offB_GUEST_IP    = VEX_AMD64_OFFB_RIP;
   VexGuestExtents dummy;
   UInt dn;
   return bb_to_IR(&p, vge ? vge : &dummy, n ? n : &dn);
}

static Int count_ccalls(const IRSB* bb)
{
   Int n = 0;
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_WrTmp && s->Ist.WrTmp.data->tag == Iex_CCall)
         n++;
   }
   return n;
}

/* Calls of the condition helper (inc/dec at a block's start still read
   the old carry with amd64g_calculate_rflags_c, as VEX does). */
static Int count_cond_calls(const IRSB* bb)
{
   Int n = 0;
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_WrTmp && s->Ist.WrTmp.data->tag == Iex_CCall
          && strcmp(s->Ist.WrTmp.data->Iex.CCall.cee->name,
                    "amd64g_calculate_rflags_c") != 0)
         n++;
   }
   return n;
}

static Int count_tag(const IRSB* bb, IRStmtTag tag)
{
   Int n = 0;
   for (Int i = 0; i < bb->stmts_used; i++)
      if (bb->stmts[i]->tag == tag)
         n++;
   return n;
}

static Bool next_is(const IRSB* bb, ULong v)
{
   return bb->next->tag == Iex_Const
          && bb->next->Iex.Const.con->tag == Ico_U64
          && bb->next->Iex.Const.con->Ico.U64 == v;
}

/* ------------------------------------------------------------------ */
/* The guest state                                                    */
/* ------------------------------------------------------------------ */

UNIT_TEST(guest_amd64_state_layout)
{
   UT_CHECK_EQ(sizeof(VexGuestAMD64State) % 16, 0);
   UT_CHECK_EQ(__builtin_offsetof(VexGuestAMD64State, host_EvC_FAILADDR), 0);
   UT_CHECK_EQ(__builtin_offsetof(VexGuestAMD64State, host_EvC_COUNTER), 8);
   UT_CHECK_EQ(__builtin_offsetof(VexGuestAMD64State, guest_RAX), 16);
   UT_CHECK_EQ(__builtin_offsetof(VexGuestAMD64State, guest_R15), 136);
   UT_CHECK_EQ(__builtin_offsetof(VexGuestAMD64State, guest_RIP), 184);
   UT_CHECK_EQ(__builtin_offsetof(VexGuestAMD64State, guest_YMM16) + 32,
               __builtin_offsetof(VexGuestAMD64State, guest_FPREG));
   UT_CHECK_EQ(sizeof(((VexGuestAMD64State*)0)->guest_FPREG[0]), 16);
   UT_CHECK_EQ(__builtin_offsetof(VexGuestAMD64State, guest_YMM0) % 32, 0);
}

UNIT_TEST(guest_amd64_state_rflags)
{
   setup();
   VexGuestAMD64State st;
   LibVEX_GuestAMD64_initialise(&st);
   UT_CHECK_EQ(st.guest_DFLAG, 1);
   UT_CHECK_EQ(LibVEX_GuestAMD64_get_rflags(&st), 0x2);
   LibVEX_GuestAMD64_put_rflags(0x8D5 | 0x400 | (1 << 21), &st);
   UT_CHECK_EQ(LibVEX_GuestAMD64_get_rflags(&st), 0x8D5 | 0x400 | 0x2
                                                  | (1 << 21));
   LibVEX_GuestAMD64_put_rflag_c(0, &st);
   UT_CHECK_EQ(LibVEX_GuestAMD64_get_rflags(&st), 0x8D4 | 0x400 | 0x2
                                                  | (1 << 21));
   LibVEX_GuestAMD64_put_rflags(0, &st);
   LibVEX_GuestAMD64_put_rflag_c(1, &st);
   UT_CHECK_EQ(LibVEX_GuestAMD64_get_rflags(&st), 0x3);
   /* a SUBQ thunk: 0 - 1 */
   st.guest_CC_OP   = AMD64G_CC_OP_SUBQ;
   st.guest_CC_DEP1 = 0;
   st.guest_CC_DEP2 = 1;
   UT_CHECK_EQ(LibVEX_GuestAMD64_get_rflags(&st) & 0x8D5, 0x95);
}

/* ------------------------------------------------------------------ */
/* Flag helpers                                                       */
/* ------------------------------------------------------------------ */

UNIT_TEST(guest_amd64_flags_helper)
{
   setup();
#define F(op, d1, d2, nd) amd64g_calculate_rflags_all(AMD64G_CC_OP_##op, \
                                                      d1, d2, nd)
   UT_CHECK_EQ(F(ADDB, 0x7F, 1, 0), 0x800 | 0x80 | 0x10);      /* O S A */
   UT_CHECK_EQ(F(ADDB, 0xFF, 1, 0), 0x40 | 0x10 | 0x4 | 0x1);  /* Z A P C */
   UT_CHECK_EQ(F(ADDQ, ~0ULL, 1, 0), 0x55);
   UT_CHECK_EQ(F(SUBL, 0x80000000, 1, 0), 0x800 | 0x10 | 0x4);
   UT_CHECK_EQ(F(SUBW, 0, 0, 0), 0x44);
   /* adc: 0xFF + 0 + carry (DEP2 holds the operand XOR the carry) */
   UT_CHECK_EQ(F(ADCB, 0xFF, 0 ^ 1, 1), 0x55);
   UT_CHECK_EQ(F(SBBB, 0, 0 ^ 1, 1), 0x95);
   UT_CHECK_EQ(F(LOGICQ, 0, 0, 0), 0x44);
   UT_CHECK_EQ(F(LOGICL, 0x80000000, 0, 0), 0x84);
   UT_CHECK_EQ(F(INCB, 0x80, 0, 1), 0x800 | 0x80 | 0x10 | 0x1);
   UT_CHECK_EQ(F(DECW, 0x7FFF, 0, 0), 0x800 | 0x10 | 0x4);
   UT_CHECK_EQ(F(SHLB, 0x00, 0x80, 0), 0x800 | 0x40 | 0x4 | 0x1);
   UT_CHECK_EQ(F(SHRQ, 0x4000000000000000ULL, 0x8000000000000001ULL, 0),
               0x800 | 0x4 | 0x1);
   UT_CHECK_EQ(F(ROLB, 0x01, 0, 0x8D5), 0x8D5);       /* C = 1, O = 0^1 */
   UT_CHECK_EQ(F(ROLB, 0x80, 0, 0x000), 0x800);       /* C = 0, O = 1^0 */
   UT_CHECK_EQ(F(RORQ, 0x8000000000000000ULL, 0, 0), 0x801);
   UT_CHECK_EQ(F(UMULQ, 1ULL << 32, 1ULL << 32, 0) & 0x801, 0x801);
   UT_CHECK_EQ(F(SMULQ, ~0ULL, ~0ULL, 0) & 0x801, 0);
   UT_CHECK_EQ(F(SMULB, 0x80, 0xFF, 0) & 0x801, 0x801);
   UT_CHECK_EQ(F(COPY, 0xFFFF, 0, 0), 0x8D5);
#undef F
   UT_CHECK_EQ(amd64g_calculate_rflags_c(AMD64G_CC_OP_SUBQ, 1, 2, 0), 1);
   UT_CHECK_EQ(amd64g_calculate_rflags_c(AMD64G_CC_OP_INCL, 5, 0, 1), 1);
}

UNIT_TEST(guest_amd64_condition_helper)
{
   setup();
   /* Every condition on every combination of O S Z P C. */
   for (UInt bits = 0; bits < 32; bits++) {
      ULong f = ((bits & 1) ? 0x800 : 0) | ((bits & 2) ? 0x80 : 0)
                | ((bits & 4) ? 0x40 : 0) | ((bits & 8) ? 0x4 : 0)
                | ((bits & 16) ? 0x1 : 0);
      Bool o = (bits & 1) != 0, s = (bits & 2) != 0, z = (bits & 4) != 0;
      Bool p = (bits & 8) != 0, c = (bits & 16) != 0;
      Bool want[16] = { o, !o, c, !c, z, !z, c || z, !(c || z), s, !s, p,
                        !p, s != o, s == o, z || s != o, !(z || s != o) };
      for (UInt cc = 0; cc < 16; cc++)
         UT_CHECK_EQ(amd64g_calculate_condition(cc, AMD64G_CC_OP_COPY, f, 0,
                                                0), want[cc]);
   }
   UT_CHECK_EQ(amd64g_calculate_condition(AMD64CondAlways, 0, 0, 0, 0), 1);
}

UNIT_TEST(guest_amd64_idiv_and_rcl_helpers)
{
   setup();
   /* idiv faults: zero divisor, INT_MIN / -1, quotient too big */
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 100, 0, 4), 1);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 100, 7, 4), 0);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 0xFFFFFFFF80000000ULL,
                                           0xFFFFFFFF, 4), 1);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 0x8000, 0xFF, 1), 1);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 0xFF80, 0xFF, 1), 1);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 0xFF80, 0x01, 1), 0);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 0xFF81, 0xFF, 1), 0);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(~0ULL, 0x8000000000000000ULL,
                                           ~0ULL, 8), 1);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(~0ULL, 0x8000000000000000ULL,
                                           1, 8), 0);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0, 0x8000000000000000ULL,
                                           1, 8), 1);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(1, 0, 2, 8), 1);
   UT_CHECK_EQ(amd64g_calculate_idiv_fault(0x3F, 0, 0x80, 8), 0);
   /* rcl/rcr through carry; a zero count changes nothing (O included) */
   UT_CHECK_EQ(amd64g_calculate_RCL(0x80, 1, 0, 1), 0x00);
   UT_CHECK_EQ(amd64g_calculate_RCL_flags(0x80, 1, 0, 1) & 0x801, 0x801);
   UT_CHECK_EQ(amd64g_calculate_RCL(0x80, 9, 1, 1), 0x80);
   UT_CHECK_EQ(amd64g_calculate_RCR(0x01, 1, 1, 2), 0x8000);
   UT_CHECK_EQ(amd64g_calculate_RCL_flags(0x1234, 0, 0x801, 2), 0x801);
   UT_CHECK_EQ(amd64g_calculate_RCR(1, 65, 0, 8), 0);
   /* crc32 against the CPU's own instruction */
   UInt c32 = 0x12345678;
   ULong c64 = 0x9ABCDEF0;
   __asm__("crc32b %1, %0" : "+r"(c32) : "r"((UChar)0xAB));
   UT_CHECK_EQ(amd64g_calculate_crc32c(0x12345678, 0xAB, 1), c32);
   __asm__("crc32q %1, %0" : "+r"(c64) : "r"(0x0123456789ABCDEFULL));
   UT_CHECK_EQ(amd64g_calculate_crc32c(0x9ABCDEF0, 0x0123456789ABCDEFULL, 8),
               c64);
}

/* ------------------------------------------------------------------ */
/* The flag specialiser                                               */
/* ------------------------------------------------------------------ */

static Bool has_ccall(const IRExpr* e)
{
   if (e == NULL)
      return False;
   switch (e->tag) {
      case Iex_CCall: return True;
      case Iex_Unop:  return has_ccall(e->Iex.Unop.arg);
      case Iex_Binop: return has_ccall(e->Iex.Binop.arg1)
                             || has_ccall(e->Iex.Binop.arg2);
      case Iex_ITE:   return has_ccall(e->Iex.ITE.cond)
                             || has_ccall(e->Iex.ITE.iftrue)
                             || has_ccall(e->Iex.ITE.iffalse);
      default:        return False;
   }
}

UNIT_TEST(guest_amd64_spechelper_direct)
{
   setup();
   IRExpr* d1 = IRExpr_RdTmp(1);
   IRExpr* d2 = IRExpr_RdTmp(2);
   IRExpr* nd = IRExpr_RdTmp(3);
   static const struct { UInt cond, op; Bool expect; } t[] = {
      { AMD64CondZ, AMD64G_CC_OP_SUBQ, True },
      { AMD64CondNZ, AMD64G_CC_OP_SUBL, True },
      { AMD64CondL, AMD64G_CC_OP_SUBB, True },
      { AMD64CondNLE, AMD64G_CC_OP_SUBW, True },
      { AMD64CondB, AMD64G_CC_OP_SUBQ, True },
      { AMD64CondBE, AMD64G_CC_OP_SUBL, True },
      { AMD64CondS, AMD64G_CC_OP_SUBQ, True },
      { AMD64CondZ, AMD64G_CC_OP_LOGICQ, True },
      { AMD64CondLE, AMD64G_CC_OP_LOGICL, True },
      { AMD64CondNZ, AMD64G_CC_OP_DECL, True },
      { AMD64CondZ, AMD64G_CC_OP_INCQ, True },
      { AMD64CondZ, AMD64G_CC_OP_ADDQ, True },
      { AMD64CondB, AMD64G_CC_OP_ADDL, True },
      { AMD64CondO, AMD64G_CC_OP_COPY, True },
      { AMD64CondNS, AMD64G_CC_OP_SHLQ, True },
      { AMD64CondO, AMD64G_CC_OP_SUBQ, False },
      { AMD64CondP, AMD64G_CC_OP_ADDQ, False },
      { AMD64CondL, AMD64G_CC_OP_ADCQ, False },
      { AMD64CondZ, AMD64G_CC_OP_UMULQ, False },
   };
   for (UInt i = 0; i < sizeof t / sizeof t[0]; i++) {
      IRExpr** args = mkIRExprVec_5(IRExpr_Const(IRConst_U64(t[i].cond)),
                                    IRExpr_Const(IRConst_U64(t[i].op)),
                                    d1, d2, nd);
      IRExpr* r = guest_amd64_spechelper("amd64g_calculate_condition", args,
                                         NULL, 0);
      UT_CHECK_EQ(r != NULL, t[i].expect);
      if (r != NULL)
         UT_CHECK(!has_ccall(r));
   }
   /* not specialised when the operation is not a constant */
   IRExpr** args = mkIRExprVec_5(IRExpr_Const(IRConst_U64(AMD64CondZ)),
                                 IRExpr_RdTmp(4), d1, d2, nd);
   UT_CHECK(guest_amd64_spechelper("amd64g_calculate_condition", args,
                                   NULL, 0) == NULL);
   IRExpr** cargs = mkIRExprVec_4(IRExpr_Const(IRConst_U64(
                                     AMD64G_CC_OP_SUBL)), d1, d2, nd);
   UT_CHECK(guest_amd64_spechelper("amd64g_calculate_rflags_c", cargs,
                                   NULL, 0) != NULL);
   UT_CHECK(guest_amd64_spechelper("something_else", cargs, NULL, 0)
            == NULL);
}

UNIT_TEST(guest_amd64_no_helper_after_cmp)
{
   /* flag-setting instruction, then a condition user: no helper call */
   static const struct { const char* code; Int len; } seqs[] = {
      { "\x48\x39\xd8\x74\x05", 5 },          /* cmp %rbx,%rax; je */
      { "\x39\xd8\x7c\x05", 4 },              /* cmp %ebx,%eax; jl */
      { "\x38\xd8\x76\x05", 4 },              /* cmp %bl,%al; jbe */
      { "\x66\x39\xd8\x7f\x05", 5 },          /* cmp %bx,%ax; jg */
      { "\x48\x85\xc0\x75\x05", 5 },          /* test %rax,%rax; jne */
      { "\x85\xc0\x78\x05", 4 },              /* test %eax,%eax; js */
      { "\x48\x29\xd8\x72\x05", 5 },          /* sub %rbx,%rax; jb */
      { "\xff\xc9\x75\x05", 4 },              /* dec %ecx; jnz */
      { "\x48\xff\xc9\x75\x05", 5 },          /* dec %rcx; jnz */
      { "\x21\xd8\x74\x05", 4 },              /* and %ebx,%eax; jz */
      /* (a ret ends the sequences that would otherwise run on into
         whatever follows the string) */
      { "\x48\x83\xf8\x05\x0f\x9f\xc0\xc3", 8 },  /* cmp $5,%rax; setg */
      { "\x48\x39\xd8\x48\x0f\x42\xc1\xc3", 8 },  /* cmp; cmovb */
      { "\x48\x39\xd8\x48\x83\xd0\x00\xc3", 8 },  /* cmp; adc $0,%rax */
      { "\x31\xc0\x74\x05", 4 },              /* xor %eax,%eax; jz */
      { "\x48\x01\xd8\x48\x11\xca\x48\x19\xce\xc3", 10 },  /* add; adc;
                                                               sbb */
   };
   for (UInt i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
      setup();
      IRSB* bb = translate(seqs[i].code, 0x400000, 10, False, NULL, NULL);
      if (count_cond_calls(bb) != 0) {
         ppIRSB(bb);
         fprintf(stderr, "sequence %u:\n%s\n", i, out);
      }
      UT_CHECK_EQ(count_cond_calls(bb), 0);
      /* and no call at all once the thunk is known */
      if (i != 7 && i != 8)
         UT_CHECK_EQ(count_ccalls(bb), 0);
   }
   /* ... but overflow after cmp, and any condition at a block's start,
      use the helper */
   setup();
   UT_CHECK(count_ccalls(translate("\x48\x39\xd8\x70\x05", 0x400000, 10,
                                   False, NULL, NULL)) == 1);
   setup();
   UT_CHECK(count_ccalls(translate("\x74\x05", 0x400000, 10, False, NULL,
                                   NULL)) == 1);
}

/* ------------------------------------------------------------------ */
/* The disassembler                                                   */
/* ------------------------------------------------------------------ */

/* Instruction bytes and the text Valgrind 3.19 prints for them
   (valgrind --tool=none --trace-flags=10000000), except where marked:
   there we print what the instruction is. */
static const struct {
   ULong       addr;
   Int         len;
   const char* bytes;
   const char* text;
} dis_corpus[] = {
   { 0x401000ULL, 5, "\xb8\x9e\x00\x00\x00", "movl $158,%eax" },
   { 0x401005ULL, 5, "\xbf\x02\x10\x00\x00", "movl $4098,%edi" },
   { 0x40100aULL, 7, "\x48\x8d\x35\xef\x0f\x00\x00", "leaq 4079(%rip), %rsi" },
   { 0x401011ULL, 2, "\x0f\x05", "syscall" },
   { 0x401018ULL, 5, "\xbf\x01\x10\x00\x00", "movl $4097,%edi" },
   { 0x40101dULL, 7, "\x48\x8d\x35\xdc\x0f\x00\x00", "leaq 4060(%rip), %rsi" },
   { 0x401026ULL, 7, "\x48\x8d\x1d\xd3\x17\x00\x00", "leaq 6099(%rip), %rbx" },
   { 0x40102dULL, 7, "\x48\xc7\xc0\x00\x10\x60\x00", "movq $6295552, %rax" },
   { 0x401034ULL, 7, "\x48\xc7\xc1\x01\x00\x00\x00", "movq $1, %rcx" },
   { 0x40103bULL, 7, "\x48\xc7\xc2\x00\x00\x00\x00", "movq $0, %rdx" },
   { 0x401042ULL, 4, "\x48\x83\xc0\x10", "addq $16, %rax" },
   { 0x401046ULL, 6, "\x48\x05\xe8\x03\x00\x00", "addq $1000, %rax" },
   { 0x40104cULL, 3, "\x83\xc1\xff", "addl $-1, %ecx" },
   { 0x40104fULL, 2, "\x04\x05", "addb $5, %al" },
   { 0x401051ULL, 4, "\x66\x05\x2c\x01", "addw $300, %ax" },
   { 0x401055ULL, 5, "\x05\x2c\x01\x00\x00", "addl $300, %eax" },
   { 0x40105aULL, 6, "\x48\x05\x2c\x01\x00\x00", "addq $300, %rax" },
   { 0x401060ULL, 3, "\x80\xc1\x05", "addb $5, %cl" },
   { 0x401063ULL, 4, "\x66\x83\xc1\x05", "addw $5, %cx" },
   { 0x401067ULL, 5, "\x66\x81\xc1\xb8\x0b", "addw $3000, %cx" },
   { 0x40106cULL, 3, "\x48\x01\xc1", "addq %rax,%rcx" },
   { 0x40106fULL, 2, "\x01\xc1", "addl %eax,%ecx" },
   { 0x401071ULL, 3, "\x66\x01\xc1", "addw %ax,%cx" },
   { 0x401074ULL, 2, "\x00\xc1", "addb %al,%cl" },
   { 0x401076ULL, 2, "\x00\xe1", "addb %ah,%cl" },
   { 0x401078ULL, 3, "\x40\x00\xf7", "addb %sil,%dil" },
   { 0x40107bULL, 3, "\x4d\x01\xc1", "addq %r8,%r9" },
   { 0x40107eULL, 4, "\x48\x03\x43\x08", "addq 8(%rbx),%rax" },
   { 0x401082ULL, 4, "\x48\x01\x43\x08", "addq %rax,8(%rbx)" },
   { 0x401086ULL, 5, "\xb9\x01\x00\x00\x00", "movl $1,%ecx" },
   { 0x40108bULL, 4, "\x01\x44\x8b\xf8", "addl %eax,-8(%rbx,%rcx,4)" },
   { 0x40108fULL, 4, "\x83\x43\x08\x07", "addl $7, 8(%rbx)" },
   { 0x401093ULL, 4, "\x48\x83\x03\x07", "addq $7, (%rbx)" },
   { 0x401097ULL, 3, "\x80\x03\x07", "addb $7, (%rbx)" },
   { 0x40109aULL, 3, "\x48\x09\xc1", "orq %rax,%rcx" },
   { 0x40109dULL, 3, "\x48\x11\xc1", "adcq %rax,%rcx" },
   { 0x4010a0ULL, 3, "\x48\x19\xc1", "sbbq %rax,%rcx" },
   { 0x4010a3ULL, 3, "\x48\x21\xc1", "andq %rax,%rcx" },
   { 0x4010a6ULL, 3, "\x48\x29\xc1", "subq %rax,%rcx" },
   { 0x4010a9ULL, 3, "\x48\x31\xc1", "xorq %rax,%rcx" },
   { 0x4010acULL, 3, "\x48\x39\xc1", "cmpq %rax,%rcx" },
   { 0x4010afULL, 6, "\x81\xc9\x00\x01\x00\x00", "orl $256, %ecx" },
   { 0x4010b5ULL, 6, "\x81\xd1\x00\x01\x00\x00", "adcl $256, %ecx" },
   { 0x4010bbULL, 6, "\x81\xd9\x00\x01\x00\x00", "sbbl $256, %ecx" },
   { 0x4010c1ULL, 6, "\x81\xe1\x00\x01\x00\x00", "andl $256, %ecx" },
   { 0x4010c7ULL, 6, "\x81\xe9\x00\x01\x00\x00", "subl $256, %ecx" },
   { 0x4010cdULL, 6, "\x81\xf1\x00\x01\x00\x00", "xorl $256, %ecx" },
   { 0x4010d3ULL, 6, "\x81\xf9\x00\x01\x00\x00", "cmpl $256, %ecx" },
   { 0x4010d9ULL, 3, "\x80\x3b\x01", "cmpb $1, (%rbx)" },
   { 0x4010e1ULL, 4, "\x83\x3c\x0b\x01", "cmpl $1, (%rbx,%rcx)" },
   { 0x4010e5ULL, 3, "\x48\x85\xc1", "testq %rcx,%rax" },
   { 0x4010e8ULL, 2, "\x85\xc1", "testl %ecx,%eax" },
   { 0x4010eaULL, 2, "\x84\xc1", "testb %cl,%al" },
   { 0x4010ecULL, 2, "\xa8\x01", "testb $1, %al" },
   { 0x4010eeULL, 5, "\xa9\x00\x10\x00\x00", "testl $4096, %eax" },
   { 0x4010f3ULL, 6, "\x48\xa9\xff\xff\xff\xff", "testq $-1, %rax" },
   { 0x4010f9ULL, 3, "\xf6\xc1\x01", "testb $1, %cl" },
   { 0x4010fcULL, 6, "\xf7\xc1\x00\x10\x00\x00", "testl $4096, %ecx" },
   { 0x401102ULL, 4, "\xf6\x43\x08\x01", "testb $1, 8(%rbx)" },
   { 0x401106ULL, 3, "\x48\xff\xc0", "incq %rax" },
   { 0x401109ULL, 2, "\xff\xc0", "incl %eax" },
   { 0x40110bULL, 3, "\x66\xff\xc0", "incw %ax" },
   { 0x40110eULL, 2, "\xfe\xc0", "incb %al" },
   { 0x401110ULL, 3, "\x48\xff\xc9", "decq %rcx" },
   { 0x401113ULL, 3, "\xff\x43\x08", "incl 8(%rbx)" },
   { 0x401116ULL, 3, "\x48\xff\x0b", "decq (%rbx)" },
   { 0x401119ULL, 3, "\x48\xf7\xd0", "notq %rax" },
   { 0x40111cULL, 3, "\x48\xf7\xd8", "negq %rax" },
   { 0x40111fULL, 2, "\xf7\xd0", "notl %eax" },
   { 0x401121ULL, 2, "\xf6\xd8", "negb %al" },
   { 0x401123ULL, 3, "\xf7\x5b\x08", "negl 8(%rbx)" },
   { 0x401126ULL, 3, "\x48\xf7\xe1", "mulq %rcx" },
   { 0x401129ULL, 2, "\xf7\xe1", "mull %ecx" },
   { 0x40112bULL, 2, "\xf6\xe1", "mulb %cl" },
   { 0x40112dULL, 3, "\x48\xf7\xe9", "imulq %rcx" },
   { 0x401130ULL, 2, "\xf7\xe9", "imull %ecx" },
   { 0x401132ULL, 2, "\xf6\xe9", "imulb %cl" },
   { 0x401134ULL, 4, "\x48\x0f\xaf\xc1", "imulq %rcx, %rax" },
   { 0x401138ULL, 3, "\x0f\xaf\xc1", "imull %ecx, %eax" },
   { 0x40113bULL, 4, "\x66\x0f\xaf\xc1", "imulw %cx, %ax" },
   { 0x401144ULL, 4, "\x48\x6b\xc1\x05", "imulq $5, %rcx, %rax" },
   { 0x401148ULL, 6, "\x69\xc1\xf4\x01\x00\x00", "imull $500, %ecx, %eax" },
   { 0x40114eULL, 5, "\x48\x0f\xaf\x43\x08", "imulq 8(%rbx), %rax" },
   { 0x40115aULL, 7, "\x48\xc7\xc0\x01\x00\x00\x00", "movq $1, %rax" },
   { 0x401161ULL, 3, "\x48\xf7\xf1", "divq %rcx" },
   { 0x40116bULL, 3, "\x48\xf7\xf9", "idivq %rcx" },
   { 0x401173ULL, 5, "\xba\x00\x00\x00\x00", "movl $0,%edx" },
   { 0x401178ULL, 2, "\xf7\xf1", "divl %ecx" },
   { 0x40117aULL, 2, "\xf7\xf9", "idivl %ecx" },
   { 0x40117cULL, 4, "\x48\xc1\xe0\x03", "shlq 0x3:I8, %rax" },
   { 0x401180ULL, 3, "\x48\xd1\xe0", "shlq 0x1:I8, %rax" },
   { 0x401183ULL, 3, "\x48\xd3\xe0", "shlq %cl, %rax" },
   { 0x401186ULL, 4, "\x48\xc1\xe8\x03", "shrq 0x3:I8, %rax" },
   { 0x40118aULL, 4, "\x48\xc1\xf8\x03", "sarq 0x3:I8, %rax" },
   { 0x40118eULL, 3, "\xc1\xe0\x03", "shll 0x3:I8, %eax" },
   { 0x401191ULL, 2, "\xd1\xe8", "shrl 0x1:I8, %eax" },
   { 0x401193ULL, 2, "\xd3\xf8", "sarl %cl, %eax" },
   { 0x401195ULL, 4, "\x48\xc1\xc0\x03", "rolq 0x3:I8, %rax" },
   { 0x401199ULL, 4, "\x48\xc1\xc8\x03", "rorq 0x3:I8, %rax" },
   { 0x40119dULL, 4, "\x48\xc1\xd0\x03", "rclq 0x3:I8, %rax" },
   { 0x4011a1ULL, 4, "\x48\xc1\xd8\x03", "rcrq 0x3:I8, %rax" },
   { 0x4011a5ULL, 2, "\xd2\xc0", "rolb %cl, %al" },
   { 0x4011a7ULL, 3, "\x66\xd1\xc8", "rorw 0x1:I8, %ax" },
   { 0x4011aaULL, 3, "\xc0\xe0\x02", "shlb 0x2:I8, %al" },
   { 0x4011adULL, 5, "\x48\xc1\x63\x08\x03", "shlq 0x3:I8, 8(%rbx)" },
   { 0x4011b7ULL, 5, "\x48\x0f\xa4\xc8\x03", "shldq $3, %rcx, %rax" },
   { 0x4011c1ULL, 4, "\x48\x0f\xa5\xc8", "shldq %cl, %rcx, %rax" },
   { 0x4011caULL, 5, "\x48\x0f\xac\xc8\x03", "shrdq $3, %rcx, %rax" },
   { 0x4011cfULL, 3, "\x0f\xad\xc8", "shrdl %cl, %ecx, %eax" },
   { 0x4011d2ULL, 5, "\x0f\xa4\x4b\x08\x04", "shldl $4, %ecx, 8(%rbx)" },
   { 0x4011d7ULL, 3, "\x48\x89\xc1", "movq %rax,%rcx" },
   { 0x4011daULL, 2, "\x89\xc1", "movl %eax,%ecx" },
   { 0x4011dcULL, 3, "\x66\x89\xc1", "movw %ax,%cx" },
   { 0x4011dfULL, 2, "\x88\xc1", "movb %al,%cl" },
   { 0x4011e1ULL, 4, "\x48\x8b\x43\x08", "movq 8(%rbx),%rax" },
   { 0x4011e5ULL, 3, "\x8b\x43\x08", "movl 8(%rbx),%eax" },
   { 0x4011e8ULL, 4, "\x66\x8b\x43\x08", "movw 8(%rbx),%ax" },
   { 0x4011ecULL, 3, "\x8a\x43\x08", "movb 8(%rbx),%al" },
   { 0x4011efULL, 4, "\x48\x89\x43\x08", "movq %rax,8(%rbx)" },
   { 0x4011f3ULL, 3, "\x89\x43\x08", "movl %eax,8(%rbx)" },
   { 0x4011f6ULL, 4, "\x66\x89\x43\x08", "movw %ax,8(%rbx)" },
   { 0x4011faULL, 3, "\x88\x43\x08", "movb %al,8(%rbx)" },
   { 0x4011fdULL, 7, "\x48\xc7\xc0\xfb\xff\xff\xff", "movq $-5, %rax" },
   { 0x401204ULL, 8, "\x48\xc7\x43\x08\xfb\xff\xff\xff", "movq $-5, 8(%rbx)" },
   { 0x40120cULL, 7, "\xc7\x43\x08\x05\x00\x00\x00", "movl $5, 8(%rbx)" },
   { 0x401213ULL, 6, "\x66\xc7\x43\x08\x05\x00", "movw $5, 8(%rbx)" },
   { 0x401219ULL, 4, "\xc6\x43\x08\x05", "movb $5, 8(%rbx)" },
   { 0x40121dULL, 10, "\x48\xb8\xef\xcd\xab\x89\x67\x45\x23\x01", "movabsq $81985529216486895,%rax" },
   { 0x401227ULL, 5, "\xb8\x05\x00\x00\x00", "movl $5,%eax" },
   { 0x40122cULL, 4, "\x66\xb8\x05\x00", "movw $5,%ax" },
   { 0x401230ULL, 2, "\xb0\x05", "movb $5,%al" },
   { 0x401232ULL, 2, "\xb4\x05", "movb $5,%ah" },
   { 0x401234ULL, 3, "\x41\xb1\x05", "movb $5,%r9b" },
   { 0x401237ULL, 3, "\x0f\xb6\xc0", "movzbl %al,%eax" },
   { 0x40123aULL, 4, "\x0f\xb6\x43\x08", "movzbl 8(%rbx),%eax" },
   { 0x40123eULL, 3, "\x0f\xb7\xc0", "movzwl %ax,%eax" },
   { 0x401241ULL, 4, "\x48\x0f\xb6\xc0", "movzbq %al,%rax" },
   { 0x401245ULL, 4, "\x48\x0f\xb7\xc0", "movzwq %ax,%rax" },
   { 0x401249ULL, 4, "\x66\x0f\xb6\xc0", "movzbw %al,%ax" },
   { 0x40124dULL, 3, "\x0f\xbe\xc0", "movsbl %al,%eax" },
   { 0x401250ULL, 3, "\x0f\xbf\xc0", "movswl %ax,%eax" },
   { 0x401253ULL, 4, "\x48\x0f\xbe\xc0", "movsbq %al,%rax" },
   { 0x401257ULL, 4, "\x48\x0f\xbf\xc0", "movswq %ax,%rax" },
   { 0x40125bULL, 3, "\x48\x63\xc0", "movslq %eax,%rax" },
   { 0x40125eULL, 4, "\x48\x63\x43\x08", "movslq 8(%rbx),%rax" },
   { 0x401262ULL, 4, "\x66\x0f\xbe\xc0", "movsbw %al,%ax" },
   { 0x401266ULL, 4, "\x48\x8d\x43\x08", "leaq 8(%rbx), %rax" },
   { 0x40126fULL, 5, "\x48\x8d\x44\x8b\x08", "leaq 8(%rbx,%rcx,4), %rax" },
   { 0x401279ULL, 4, "\x8d\x44\x8b\x08", "leal 8(%rbx,%rcx,4), %eax" },
   { 0x401282ULL, 4, "\x48\x8d\x04\x0b", "leaq (%rbx,%rcx), %rax" },
   { 0x40128bULL, 8, "\x48\x8d\x04\xcd\x10\x00\x00\x00", "leaq 16(,%rcx,8), %rax" },
   { 0x401293ULL, 4, "\x48\x8d\x43\xff", "leaq -1(%rbx), %rax" },
   { 0x401297ULL, 7, "\x48\x8d\x83\x78\x56\x34\x12", "leaq 305419896(%rbx), %rax" },
   { 0x40129eULL, 4, "\x49\x8d\x04\x24", "leaq (%r12), %rax" },
   { 0x4012a2ULL, 4, "\x49\x8d\x45\x00", "leaq (%r13), %rax" },
   { 0x4012a6ULL, 4, "\x48\x8d\x04\x24", "leaq (%rsp), %rax" },
   { 0x4012aaULL, 5, "\x48\x8d\x44\x24\x08", "leaq 8(%rsp), %rax" },
   { 0x4012afULL, 4, "\x48\x8d\x45\x08", "leaq 8(%rbp), %rax" },
   { 0x4012b3ULL, 5, "\x4b\x8d\x44\x6c\x08", "leaq 8(%r12,%r13,2), %rax" },
   { 0x4012b8ULL, 4, "\x48\x0f\x44\xc1", "cmove %rcx,%rax" },
   { 0x4012bcULL, 3, "\x0f\x45\xc1", "cmovne %ecx,%eax" },
   { 0x4012bfULL, 5, "\x48\x0f\x4c\x43\x08", "cmovl 8(%rbx),%rax" },
   { 0x4012c4ULL, 4, "\x66\x0f\x42\xc1", "cmovb %cx,%ax" },
   { 0x4012c8ULL, 4, "\x48\x0f\x40\xc1", "cmovo %rcx,%rax" },
   { 0x4012ccULL, 4, "\x48\x0f\x41\xc1", "cmovno %rcx,%rax" },
   { 0x4012d0ULL, 4, "\x48\x0f\x42\xc1", "cmovb %rcx,%rax" },
   { 0x4012d4ULL, 4, "\x48\x0f\x43\xc1", "cmovae %rcx,%rax" },
   { 0x4012d8ULL, 4, "\x48\x0f\x46\xc1", "cmovbe %rcx,%rax" },
   { 0x4012dcULL, 4, "\x48\x0f\x47\xc1", "cmova %rcx,%rax" },
   { 0x4012e0ULL, 4, "\x48\x0f\x48\xc1", "cmovs %rcx,%rax" },
   { 0x4012e4ULL, 4, "\x48\x0f\x49\xc1", "cmovns %rcx,%rax" },
   { 0x4012e8ULL, 4, "\x48\x0f\x4a\xc1", "cmovp %rcx,%rax" },
   { 0x4012ecULL, 4, "\x48\x0f\x4b\xc1", "cmovnp %rcx,%rax" },
   { 0x4012f0ULL, 4, "\x48\x0f\x4d\xc1", "cmovge %rcx,%rax" },
   { 0x4012f4ULL, 4, "\x48\x0f\x4e\xc1", "cmovle %rcx,%rax" },
   { 0x4012f8ULL, 4, "\x48\x0f\x4f\xc1", "cmovg %rcx,%rax" },
   { 0x4012fcULL, 3, "\x0f\x94\xc0", "sete %al" },
   { 0x4012ffULL, 3, "\x0f\x95\xc1", "setne %cl" },
   { 0x401302ULL, 4, "\x0f\x92\x43\x08", "setb 8(%rbx)" },
   { 0x401306ULL, 3, "\x0f\x90\xc0", "seto %al" },
   { 0x401309ULL, 3, "\x0f\x91\xc0", "setno %al" },
   { 0x40130cULL, 3, "\x0f\x93\xc0", "setae %al" },
   { 0x40130fULL, 3, "\x0f\x96\xc0", "setbe %al" },
   { 0x401312ULL, 3, "\x0f\x97\xc0", "seta %al" },
   { 0x401315ULL, 3, "\x0f\x98\xc0", "sets %al" },
   { 0x401318ULL, 3, "\x0f\x99\xc0", "setns %al" },
   { 0x40131bULL, 3, "\x0f\x9a\xc0", "setp %al" },
   { 0x40131eULL, 3, "\x0f\x9b\xc0", "setnp %al" },
   { 0x401321ULL, 3, "\x0f\x9c\xc0", "setl %al" },
   { 0x401324ULL, 3, "\x0f\x9d\xc0", "setge %al" },
   { 0x401327ULL, 3, "\x0f\x9e\xc0", "setle %al" },
   { 0x40132aULL, 3, "\x0f\x9f\xc0", "setg %al" },
   { 0x40132dULL, 4, "\x40\x0f\x9c\xc6", "setl %sil" },
   { 0x401331ULL, 1, "\x50", "pushq %rax" },
   { 0x401332ULL, 1, "\x58", "popq %rax" },
   { 0x401333ULL, 2, "\x41\x54", "pushq %r12" },
   { 0x401335ULL, 2, "\x41\x5c", "popq %r12" },
   { 0x401337ULL, 2, "\x6a\x05", "pushq $5" },
   { 0x401339ULL, 5, "\x68\xf4\x01\x00\x00", "pushq $500" },
   { 0x40133eULL, 3, "\xff\x73\x08", "pushq 8(%rbx)" },
   { 0x401341ULL, 3, "\x8f\x43\x08", "popq 8(%rbx)" }, /* Valgrind: "popl 8(%rbx)" */
   { 0x401344ULL, 2, "\x66\x50", "pushw %ax" },
   { 0x401346ULL, 2, "\x66\x58", "popw %ax" },
   { 0x401348ULL, 2, "\x48\x91", "xchgq %rax, %rcx" },
   { 0x40134aULL, 1, "\x91", "xchgl %eax, %ecx" },
   { 0x40134bULL, 3, "\x48\x87\xca", "xchgq %rcx, %rdx" },
   { 0x40134eULL, 2, "\x86\xc1", "xchgb %al, %cl" },
   { 0x401350ULL, 4, "\x48\x87\x4b\x08", "xchgq %rcx, 8(%rbx)" },
   { 0x401354ULL, 2, "\x49\x90", "xchgq %rax, %r8" },
   { 0x401356ULL, 5, "\x48\x0f\xb1\x4b\x08", "cmpxchgq %rcx,8(%rbx)" },
   { 0x40135bULL, 6, "\xf0\x48\x0f\xb1\x4b\x08", "lock cmpxchgq %rcx,8(%rbx)" },
   { 0x401361ULL, 3, "\x0f\xb1\xca", "cmpxchgl %ecx,%edx" },
   { 0x401364ULL, 4, "\x0f\xb0\x4b\x08", "cmpxchgb %cl,8(%rbx)" },
   { 0x401368ULL, 5, "\xf0\x0f\xc7\x4b\x08", "lock cmpxchg8b 8(%rbx)" },
   { 0x40136dULL, 5, "\x48\x0f\xc1\x4b\x08", "xaddq %rcx, 8(%rbx)" },
   { 0x401372ULL, 5, "\xf0\x0f\xc1\x4b\x08", "lock xaddl %ecx, 8(%rbx)" },
   { 0x401377ULL, 4, "\x48\x0f\xc1\xca", "xaddq %rcx, %rdx" },
   { 0x40137bULL, 6, "\xf0\x48\x83\x43\x08\x01", "lock addq $1, 8(%rbx)" },
   { 0x401381ULL, 4, "\xf0\xff\x43\x08", "lock incl 8(%rbx)" },
   { 0x401385ULL, 5, "\xf0\x48\x09\x43\x08", "lock orq %rax,8(%rbx)" },
   { 0x40138aULL, 4, "\x48\x0f\xa3\xc8", "btq %rcx, %rax" },
   { 0x40138eULL, 3, "\x0f\xa3\xc8", "btl %ecx, %eax" },
   { 0x401391ULL, 4, "\x48\x0f\xab\xc8", "btsq %rcx, %rax" },
   { 0x401395ULL, 4, "\x48\x0f\xb3\xc8", "btrq %rcx, %rax" },
   { 0x401399ULL, 4, "\x48\x0f\xbb\xc8", "btcq %rcx, %rax" },
   { 0x40139dULL, 5, "\x48\x0f\xba\xe0\x03", "btq $0x3, %rax" },
   { 0x4013a2ULL, 4, "\x0f\xba\xe8\x03", "btsl $0x3, %eax" },
   { 0x4013a6ULL, 6, "\x48\x0f\xba\x73\x08\x03", "btrq $0x3, 8(%rbx)" },
   { 0x4013acULL, 5, "\x66\x0f\xba\xf8\x03", "btcw $0x3, %ax" },
   { 0x4013b6ULL, 4, "\x0f\xa3\x4b\x08", "btl %ecx, 8(%rbx)" },
   { 0x4013bfULL, 6, "\xf0\x48\x0f\xab\x4b\x08", "lock btsq %rcx, 8(%rbx)" },
   { 0x4013c5ULL, 4, "\x48\x0f\xbc\xc1", "bsfq %rcx, %rax" },
   { 0x4013c9ULL, 4, "\x48\x0f\xbd\xc1", "bsrq %rcx, %rax" },
   { 0x4013cdULL, 3, "\x0f\xbc\xc1", "bsfl %ecx, %eax" },
   { 0x4013d0ULL, 4, "\x66\x0f\xbd\xc1", "bsrw %cx, %ax" },
   { 0x4013d4ULL, 5, "\xf3\x48\x0f\xbc\xc1", "tzcntq %rcx, %rax" },
   { 0x4013d9ULL, 5, "\xf3\x48\x0f\xbd\xc1", "lzcntq %rcx, %rax" },
   { 0x4013deULL, 5, "\xf3\x48\x0f\xb8\xc1", "popcntq %rcx, %rax" },
   { 0x4013e3ULL, 4, "\xf3\x0f\xb8\xc1", "popcntl %ecx, %eax" },
   { 0x4013e7ULL, 5, "\xf3\x0f\xbc\x43\x08", "tzcntl 8(%rbx), %eax" },
   { 0x4013ecULL, 3, "\x48\x0f\xc8", "bswapq %rax" },
   { 0x4013efULL, 2, "\x0f\xc8", "bswapl %eax" },
   { 0x4013f1ULL, 3, "\x49\x0f\xc9", "bswapq %r9" },
   { 0x4013f4ULL, 2, "\x66\x98", "cbw" },
   { 0x4013f6ULL, 1, "\x98", "cwtl" },
   { 0x4013f7ULL, 2, "\x48\x98", "cltq" },
   { 0x4013f9ULL, 2, "\x66\x99", "cwd" },
   { 0x4013fbULL, 1, "\x99", "cltd" },
   { 0x4013fcULL, 2, "\x48\x99", "cqo" },
   { 0x4013feULL, 1, "\x90", "nop" },
   { 0x4013ffULL, 3, "\x0f\x1f\x00", "nopl (%rax)" },
   { 0x401402ULL, 5, "\x66\x0f\x1f\x04\x00", "nopw (%rax,%rax)" },
   { 0x401407ULL, 4, "\x0f\x1f\x04\x00", "nopl (%rax,%rax)" },
   { 0x40140bULL, 2, "\x66\x90", "nop" },
   { 0x40140dULL, 10, "\x66\x2e\x0f\x1f\x84\x00\x00\x00\x00\x00", "nopw %cs:0(%rax,%rax)" },
   { 0x401417ULL, 4, "\xf3\x0f\x1e\xfa", "endbr64" }, /* Valgrind: "nopl" */
   { 0x40141bULL, 2, "\xf3\x90", "rep nop (P4 pause)" },
   { 0x40141dULL, 1, "\xfc", "cld" },
   { 0x40141eULL, 1, "\xfd", "std" },
   { 0x401420ULL, 1, "\xf8", "clc" },
   { 0x401421ULL, 1, "\xf9", "stc" },
   { 0x401422ULL, 1, "\xf5", "cmc" },
   { 0x401423ULL, 1, "\x9f", "lahf" },
   { 0x401424ULL, 1, "\x9e", "sahf" },
   { 0x401425ULL, 1, "\x9c", "pushfq" },
   { 0x401426ULL, 1, "\x9d", "popfq" },
   { 0x401427ULL, 9, "\x64\x48\x8b\x04\x25\x28\x00\x00\x00", "movq %fs:40,%rax" },
   { 0x401430ULL, 9, "\x64\x48\x8b\x04\x25\x00\x00\x00\x00", "movq %fs:0,%rax" },
   { 0x401439ULL, 8, "\x65\x8b\x04\x25\x08\x00\x00\x00", "movl %gs:8,%eax" },
   { 0x401441ULL, 7, "\x48\x8b\x05\x10\x00\x00\x00", "movq 16(%rip),%rax" },
   { 0x401448ULL, 7, "\x48\x8d\x05\x10\x00\x00\x00", "leaq 16(%rip), %rax" },
   { 0x40144fULL, 7, "\x48\x89\x05\xba\x0b\x00\x00", "movq %rax,3002(%rip)" },
   { 0x401456ULL, 3, "\x0f\xae\xf0", "mfence" },
   { 0x401459ULL, 3, "\x0f\xae\xe8", "lfence" },
   { 0x40145cULL, 3, "\x0f\xae\xf8", "sfence" },
   { 0x40145fULL, 4, "\x0f\x18\x4b\x08", "prefetcht0 8(%rbx)" },
   { 0x401463ULL, 4, "\x0f\x18\x43\x08", "prefetchnta 8(%rbx)" },
   { 0x401467ULL, 4, "\x0f\x0d\x4b\x08", "prefetchw 8(%rbx)" },
   { 0x40146bULL, 4, "\x0f\xae\x7b\x08", "clflush 8(%rbx)" },
   { 0x40146fULL, 2, "\x0f\x31", "rdtsc" },
   { 0x401471ULL, 2, "\x0f\xa2", "cpuid" },
   { 0x401473ULL, 7, "\x48\x8d\x1d\x86\x13\x00\x00", "leaq 4998(%rip), %rbx" },
   { 0x40147aULL, 10, "\x48\xa1\x00\x20\x40\x00\x00\x00\x00\x00", "movq 0x402000, %rax" },
   { 0x401484ULL, 6, "\x48\x0f\x38\xf0\x43\x08", "movbe 8(%rbx),%rax" },
   { 0x40148aULL, 5, "\x0f\x38\xf1\x43\x08", "movbe %eax,8(%rbx)" },
   { 0x40148fULL, 2, "\x14\x01", "adcb $1, %al" },
   { 0x401491ULL, 3, "\x83\xd8\x01", "sbbl $1, %eax" },
   { 0x401494ULL, 4, "\x48\x83\xc0\x01", "addq $1, %rax" },
   { 0x401498ULL, 4, "\x66\x83\xc8\x01", "orw $1, %ax" },
   { 0x40149cULL, 2, "\x24\xff", "andb $-1, %al" },
   { 0x40149eULL, 5, "\x2d\xe8\x03\x00\x00", "subl $1000, %eax" },
   { 0x4014a3ULL, 6, "\x48\x35\xe8\x03\x00\x00", "xorq $1000, %rax" },
   { 0x4014a9ULL, 2, "\x3c\x7f", "cmpb $127, %al" },
   { 0x4014abULL, 3, "\x83\xf8\xff", "cmpl $-1, %eax" },
   { 0x4014aeULL, 3, "\x00\x43\x08", "addb %al,8(%rbx)" },
   { 0x4014b1ULL, 3, "\x02\x43\x08", "addb 8(%rbx),%al" },
   { 0x4014b4ULL, 4, "\x66\x03\x43\x08", "addw 8(%rbx),%ax" },
   { 0x4014b8ULL, 4, "\xc8\x10\x00\x00", "enter $16, $0" },
   { 0x4014bcULL, 1, "\xc9", "leave" },
   { 0x4014bdULL, 5, "\xb8\x3c\x00\x00\x00", "movl $60,%eax" },
   { 0x4014c2ULL, 2, "\x31\xff", "xorl %edi,%edi" },
   { 0x401000ULL, 7, "\x48\x8d\x1d\x39\x18\x00\x00", "leaq 6201(%rip), %rbx" },
   { 0x401007ULL, 7, "\x48\x8d\x05\x24\x02\x00\x00", "leaq 548(%rip), %rax" },
   { 0x40100eULL, 5, "\xe8\x1f\x02\x00\x00", "call 0x401232" },
   { 0x401232ULL, 1, "\xc3", "ret" },
   { 0x401013ULL, 2, "\xff\xd0", "call*  %rax" },
   { 0x401015ULL, 7, "\x48\x8d\x15\xe4\x0f\x00\x00", "leaq 4068(%rip), %rdx" },
   { 0x40101cULL, 2, "\xff\x12", "call*  (%rdx)" },
   { 0x40101eULL, 2, "\xeb\x00", "jmp-8 0x401020" },
   { 0x401020ULL, 5, "\xe9\xc8\x00\x00\x00", "jmp 0x4010ED" },
   { 0x4010edULL, 2, "\x31\xc9", "xorl %ecx,%ecx" },
   { 0x4010efULL, 2, "\xe3\x00", "jrcxz 0x4010F1" },
   { 0x4010f1ULL, 5, "\xb9\x02\x00\x00\x00", "movl $2,%ecx" },
   { 0x4010f6ULL, 2, "\xe2\xfe", "loop 0x4010F6" },
   { 0x4010fdULL, 2, "\xe0\xfe", "loopne 0x4010FD" },
   { 0x4010ffULL, 7, "\x48\x8d\x05\x02\x00\x00\x00", "leaq 2(%rip), %rax" },
   { 0x401106ULL, 2, "\xff\xe0", "jmp*  %rax" },
   { 0x401108ULL, 7, "\x48\x8d\x05\x05\x00\x00\x00", "leaq 5(%rip), %rax" },
   { 0x40110fULL, 3, "\x48\x89\x03", "movq %rax,(%rbx)" },
   { 0x401112ULL, 2, "\xff\x23", "jmp*  (%rbx)" },
   { 0x401114ULL, 4, "\x48\x83\xf8\x01", "cmpq $1, %rax" },
   { 0x401118ULL, 2, "\x75\x00", "jne-8 0x40111A " },
   { 0x40111aULL, 6, "\x0f\x87\xc8\x00\x00\x00", "ja-32 0x4011E8 " },
   { 0x4011e8ULL, 5, "\xb8\x00\x00\x00\x00", "movl $0,%eax" },
   { 0x4011edULL, 2, "\x85\xc0", "testl %eax,%eax" },
   { 0x4011efULL, 2, "\x78\x00", "js-8 0x4011F1 " },
   { 0x4011f1ULL, 2, "\x7f\x00", "jg-8 0x4011F3 " },
   { 0x4011f5ULL, 4, "\x48\x0f\xc7\x0b", "cmpxchg16b (%rbx)" }, /* Valgrind: "cmpxchg8b (%rbx)" */
   { 0x4011f9ULL, 5, "\xf0\x48\x0f\xc7\x0b", "lock cmpxchg16b (%rbx)" }, /* Valgrind: "lock cmpxchg8b (%rbx)" */
   { 0x4011feULL, 3, "\x48\x87\x03", "xchgq %rax, (%rbx)" },
   { 0x401201ULL, 4, "\xf0\x48\x87\x03", "lock xchgq %rax, (%rbx)" },
   { 0x401205ULL, 2, "\x19\xc0", "sbbl %eax,%eax" },
   { 0x401207ULL, 2, "\x31\xc0", "xorl %eax,%eax" },
   { 0x401209ULL, 3, "\x66\x6a\x05", "pushw $5" },
   { 0x40120fULL, 3, "\x66\x87\xc0", "xchgw %ax, %ax" },
   { 0x401212ULL, 2, "\x89\xe0", "movl %esp,%eax" },
   { 0x401214ULL, 5, "\x48\x0f\xba\xe0\x46", "btq $0x46, %rax" }, /* Valgrind: "btq $0x6, %rax" */
   { 0x401219ULL, 2, "\xd0\xd0", "rclb 0x1:I8, %al" },
   { 0x40121bULL, 3, "\x66\xd3\xd8", "rcrw %cl, %ax" },
   { 0x40121eULL, 4, "\x66\xc1\x3b\x02", "sarw 0x2:I8, (%rbx)" },
   { 0x401222ULL, 2, "\xd2\x2b", "shrb %cl, (%rbx)" },
   { 0x401224ULL, 4, "\x48\xc1\xe0\x02", "shlq 0x2:I8, %rax" },
   { 0x401228ULL, 3, "\x48\x89\xe5", "movq %rsp,%rbp" },
   { 0x40122bULL, 3, "\x0f\x92\xc0", "setb %al" },
   { 0x40122eULL, 1, "\xcc", "int $0x3" },
};

UNIT_TEST(guest_amd64_disasm_valgrind_text)
{
   setup();
   Int bad = 0;
   for (UInt i = 0; i < sizeof dis_corpus / sizeof dis_corpus[0]; i++) {
      HChar buf[128];
      Int len = amd64_disasm((const UChar*)dis_corpus[i].bytes,
                             dis_corpus[i].addr, buf);
      if (len != dis_corpus[i].len || strcmp(buf, dis_corpus[i].text) != 0) {
         fprintf(stderr, "  0x%llx: \"%s\" (%d bytes), want \"%s\" (%d)\n",
                 dis_corpus[i].addr, buf, len, dis_corpus[i].text,
                 dis_corpus[i].len);
         bad++;
      }
   }
   UT_CHECK_EQ(bad, 0);
}

UNIT_TEST(guest_amd64_decode_rules)
{
   setup();
   Amd64Dis d;
   HChar buf[128];
   /* LOCK needs a lockable instruction with a memory destination */
   UT_CHECK(amd64_decode((const UChar*)"\xf0\x01\x03", 0x1000, &d));
   UT_CHECK(!amd64_decode((const UChar*)"\xf0\x01\xc3", 0x1000, &d));
   UT_CHECK(!amd64_decode((const UChar*)"\xf0\x8b\x03", 0x1000, &d));
   UT_CHECK(amd64_decode((const UChar*)"\x87\x03", 0x1000, &d));
   /* a REX followed by a legacy prefix is ignored */
   amd64_disasm((const UChar*)"\x48\x66\x01\xd8", 0x1000, buf);
   UT_CHECK_STREQ(buf, "addw %bx,%ax");
   amd64_disasm((const UChar*)"\x66\x48\x01\xd8", 0x1000, buf);
   UT_CHECK_STREQ(buf, "addq %rbx,%rax");
   /* byte registers: AH without REX, SPL with */
   amd64_disasm((const UChar*)"\x88\xe0", 0x1000, buf);
   UT_CHECK_STREQ(buf, "movb %ah,%al");
   amd64_disasm((const UChar*)"\x40\x88\xe0", 0x1000, buf);
   UT_CHECK_STREQ(buf, "movb %spl,%al");
   /* too long (15 bytes at most) */
   UT_CHECK(!amd64_decode((const UChar*)"\x66\x66\x66\x66\x66\x66\x66\x66"
                          "\x66\x66\x66\x66\x66\x66\x66\x90", 0x1000, &d));
   UT_CHECK(amd64_decode((const UChar*)"\x66\x66\x66\x66\x66\x66\x66\x66"
                         "\x66\x66\x66\x66\x66\x66\x90", 0x1000, &d));
   UT_CHECK_EQ(d.len, 15);
   /* mandatory prefixes select instructions */
   amd64_disasm((const UChar*)"\xf3\x48\x0f\xb8\xc1", 0x1000, buf);
   UT_CHECK_STREQ(buf, "popcntq %rcx, %rax");
   amd64_disasm((const UChar*)"\x48\x0f\xbc\xc1", 0x1000, buf);
   UT_CHECK_STREQ(buf, "bsfq %rcx, %rax");
   amd64_disasm((const UChar*)"\xf3\x48\x0f\xbc\xc1", 0x1000, buf);
   UT_CHECK_STREQ(buf, "tzcntq %rcx, %rax");
   amd64_disasm((const UChar*)"\xf3\xc3", 0x1000, buf);
   UT_CHECK_STREQ(buf, "ret");
   /* moffs with a 67 prefix has a 4-byte address */
   UT_CHECK(amd64_decode((const UChar*)"\x67\xa1\x00\x10\x00\x00", 0x1000,
                         &d));
   UT_CHECK_EQ(d.len, 6);
   /* RIP-relative addresses are from the end of the instruction,
      immediates included */
   UT_CHECK(amd64_decode((const UChar*)"\xc7\x05\x10\x00\x00\x00\x01\x00"
                         "\x00\x00", 0x1000, &d));
   UT_CHECK_EQ(d.len, 10);
   UT_CHECK_EQ(d.m_base, AMD64_EA_RIP);
   /* VEX-encoded and not-implemented (MMX) instructions */
   UT_CHECK(!amd64_decode((const UChar*)"\xc5\xf8\x77", 0x1000, &d));
   UT_CHECK(!amd64_decode((const UChar*)"\x0f\x6f\xc1", 0x1000, &d));
   UT_CHECK_EQ(amd64_disasm((const UChar*)"\x06", 0x1000, buf), 0);
   UT_CHECK_STREQ(buf, "(bad)");
}

UNIT_TEST(guest_amd64_tables_consistent)
{
   setup();
   /* Every implemented entry's mnemonic and operand forms are set, no
      two entries of one opcode are equally specific, and the coverage
      numbers are sane. */
   const Amd64OpTable* const* t = amd64_all_optables();
   Int n = 0;
   for (Int f = 0; t[f] != NULL; f++) {
      UT_CHECK(t[f]->family != NULL);
      for (Int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* e = &t[f]->entries[i];
         UT_CHECK(e->mnem != NULL && e->mnem[0] != 0);
         UT_CHECK(e->cls != NULL);
         UT_CHECK(e->span == 1 || e->span == 8 || e->span == 16
                  || e->span == 7);
         for (Int j = i + 1; j < t[f]->n_entries; j++) {
            const Amd64OpEntry* g = &t[f]->entries[j];
            if (g->map == e->map && g->opc == e->opc && g->ext == e->ext
                && g->pfx == e->pfx && g->modrm == e->modrm
                && g->flags == e->flags) {
               fprintf(stderr, "  duplicate: %s / %s\n", e->mnem, g->mnem);
               UT_CHECK(0);
            }
         }
         if (e->fn != NULL)
            n++;
      }
   }
   UT_CHECK(n > 200);
}

/* ------------------------------------------------------------------ */
/* Superblocks                                                        */
/* ------------------------------------------------------------------ */

UNIT_TEST(guest_amd64_bb_instruction_limit)
{
   setup();
   static char nops[80];
   memset(nops, 0x90, sizeof nops);
   VexGuestExtents vge;
   UInt n;
   IRSB* bb = translate(nops, 0x400000, 60, False, &vge, &n);
   UT_CHECK_EQ(n, 60);
   UT_CHECK_EQ(count_tag(bb, Ist_IMark), 60);
   UT_CHECK(next_is(bb, 0x400000 + 60));
   UT_CHECK_EQ(bb->jumpkind, Ijk_Boring);
   UT_CHECK_EQ(bb->offsIP, 184);
   UT_CHECK_EQ(vge.n_used, 1);
   UT_CHECK_EQ(vge.base[0], 0x400000);
   UT_CHECK_EQ(vge.len[0], 60);
   setup();
   bb = translate(nops, 0x400000, 3, False, &vge, &n);
   UT_CHECK_EQ(n, 3);
   UT_CHECK(next_is(bb, 0x400003));
}

UNIT_TEST(guest_amd64_bb_chase)
{
   /* 0: add; 3: jmp +3 (to 8); 5: 3 bytes never reached; 8: add; 11: ret */
   static const char code[] = "\x48\x01\xd8\xeb\x03\xcc\xcc\xcc\x48\x01\xd8"
                              "\xc3";
   setup();
   VexGuestExtents vge;
   UInt n;
   IRSB* bb = translate(code, 0x400000, 60, False, &vge, &n);
   UT_CHECK_EQ(n, 2);
   UT_CHECK(next_is(bb, 0x400008));
   UT_CHECK_EQ(vge.n_used, 1);
   setup();
   bb = translate(code, 0x400000, 60, True, &vge, &n);
   UT_CHECK_EQ(n, 4);
   UT_CHECK_EQ(bb->jumpkind, Ijk_Ret);
   UT_CHECK_EQ(vge.n_used, 2);
   UT_CHECK_EQ(vge.base[1], 0x400008);
   UT_CHECK_EQ(vge.len[0], 5);
   UT_CHECK_EQ(vge.len[1], 4);
   /* a call is chased too, and its return address pushed */
   static const char call[] = "\xe8\x00\x00\x00\x00\xc3";
   setup();
   bb = translate(call, 0x400000, 60, True, &vge, &n);
   UT_CHECK_EQ(n, 2);
   UT_CHECK_EQ(bb->jumpkind, Ijk_Ret);
   UT_CHECK_EQ(count_tag(bb, Ist_AbiHint), 2);
}

UNIT_TEST(guest_amd64_bb_nodecode)
{
   setup();
   /* add; nop; vmovaps (AVX, not decoded) */
   UInt n;
   IRSB* bb = translate("\x48\x01\xd8\x90\xc5\xf8\x28\xc1", 0x400000, 60,
                        False, NULL, &n);
   UT_CHECK_EQ(bb->jumpkind, Ijk_NoDecode);
   UT_CHECK(next_is(bb, 0x400004));
   UT_CHECK_EQ(count_tag(bb, Ist_IMark), 2);
   setup();
   bb = translate("\xc5\xf8\x28\xc1", 0x400000, 60, False, NULL, &n);
   UT_CHECK_EQ(bb->jumpkind, Ijk_NoDecode);
   UT_CHECK(next_is(bb, 0x400000));
   UT_CHECK_EQ(count_tag(bb, Ist_IMark), 0);
   /* lock on a register destination */
   setup();
   bb = translate("\xf0\x01\xc3", 0x400000, 60, False, NULL, &n);
   UT_CHECK_EQ(bb->jumpkind, Ijk_NoDecode);
}

UNIT_TEST(guest_amd64_bb_trace)
{
   setup();
   BbToIRParams p;
   memset(&p, 0, sizeof p);
   p.dis_instr_fn     = disInstr_AMD64;
   p.guest_code       = (const UChar*)"\x48\x83\xc0\x10\xc3";
   p.guest_IP_bbstart = 0x401000;
   p.guest_max_insns  = 60;
   p.guest_word_type  = Ity_I64;
   p.offB_GUEST_IP    = 184;
   p.trace            = True;
   VexGuestExtents vge;
   UInt n;
   bb_to_IR(&p, &vge, &n);
   UT_CHECK(strstr(out, "0x401000:  addq $16, %rax") != NULL);
   UT_CHECK(strstr(out, "0x401004:  ret") != NULL);
   UT_CHECK(strstr(out, "------ IMark(0x401000, 4, 0) ------") != NULL);
   UT_CHECK(strstr(out, "PUT(184) = 0x401004:I64") != NULL);
   UT_CHECK(strstr(out, "exit-Return") != NULL || strstr(out, "Return")
            != NULL);
}

/* ------------------------------------------------------------------ */
/* System instructions and block endings                              */
/* ------------------------------------------------------------------ */

UNIT_TEST(guest_amd64_block_endings)
{
   static const struct {
      const char* code; IRJumpKind jk; ULong next;
   } t[] = {
      { "\x0f\x05", Ijk_Sys_syscall, 0x400002 },
      { "\xcc", Ijk_SigTRAP, 0x400001 },
      { "\x0f\x0b", Ijk_SigILL, 0x400000 },
      { "\xf4", Ijk_SigSEGV, 0x400000 },
      { "\xcd\x80", Ijk_Sys_int128, 0x400002 },
      { "\xf3\x90", Ijk_Yield, 0x400002 },
      { "\x0f\xae\x38", Ijk_InvalICache, 0x400003 },
      { "\xc3", Ijk_Ret, 0 },
      { "\xff\xd0", Ijk_Call, 0 },
      { "\xe8\x10\x00\x00\x00", Ijk_Call, 0x400015 },
      { "\xeb\xfe", Ijk_Boring, 0x400000 },
   };
   for (UInt i = 0; i < sizeof t / sizeof t[0]; i++) {
      setup();
      IRSB* bb = translate(t[i].code, 0x400000, 60, False, NULL, NULL);
      UT_CHECK_EQ(bb->jumpkind, t[i].jk);
      if (t[i].next != 0)
         UT_CHECK(next_is(bb, t[i].next));
   }
   /* div has a side exit raising SIGFPE at the instruction */
   setup();
   IRSB* bb = translate("\x48\xf7\xf1", 0x400000, 1, False, NULL, NULL);
   Bool found = False;
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_Exit && s->Ist.Exit.jk == Ijk_SigFPE_IntDiv
          && s->Ist.Exit.dst->Ico.U64 == 0x400000)
         found = True;
   }
   UT_CHECK(found);
   /* lock add is a CAS; xchg with memory too */
   setup();
   UT_CHECK_EQ(count_tag(translate("\xf0\x48\x01\x03", 0x400000, 1, False,
                                   NULL, NULL), Ist_CAS), 1);
   setup();
   UT_CHECK_EQ(count_tag(translate("\x48\x87\x03", 0x400000, 1, False, NULL,
                                   NULL), Ist_CAS), 1);
   /* %fs: adds the FS base (offset 208) */
   setup();
   bb = translate("\x64\x48\x8b\x04\x25\x28\x00\x00\x00", 0x400000, 1,
                  False, NULL, NULL);
   found = False;
   for (Int i = 0; i < bb->stmts_used; i++) {
      const IRStmt* s = bb->stmts[i];
      if (s->tag == Ist_WrTmp && s->Ist.WrTmp.data->tag == Iex_Get
          && s->Ist.WrTmp.data->Iex.Get.offset == 208)
         found = True;
   }
   UT_CHECK(found);
}

UNIT_TEST(guest_amd64_precise_mem_exns)
{
   setup();
   UT_CHECK(guest_amd64_state_requires_precise_mem_exns(
               48, 55, VexRegUpdSpAtMemAccess));            /* RSP */
   UT_CHECK(!guest_amd64_state_requires_precise_mem_exns(
               56, 63, VexRegUpdSpAtMemAccess));            /* RBP */
   UT_CHECK(guest_amd64_state_requires_precise_mem_exns(
               56, 63, VexRegUpdUnwindregsAtMemAccess));
   UT_CHECK(guest_amd64_state_requires_precise_mem_exns(
               184, 191, VexRegUpdUnwindregsAtMemAccess));  /* RIP */
   UT_CHECK(!guest_amd64_state_requires_precise_mem_exns(
               16, 23, VexRegUpdUnwindregsAtMemAccess));    /* RAX */
   UT_CHECK(guest_amd64_state_requires_precise_mem_exns(
               16, 23, VexRegUpdAllregsAtMemAccess));
}

UNIT_TEST(guest_amd64_cpuid_rdtsc)
{
   setup();
   IRSB* bb = translate("\x0f\xa2", 0x400000, 1, False, NULL, NULL);
   UT_CHECK_EQ(count_tag(bb, Ist_Dirty), 1);
   bb = translate("\x0f\x31", 0x400000, 1, False, NULL, NULL);
   UT_CHECK_EQ(count_tag(bb, Ist_Dirty), 1);

   VexGuestAMD64State st;
   LibVEX_GuestAMD64_initialise(&st);
   st.guest_RAX = 0;
   amd64g_dirtyhelper_CPUID_v2(&st);
   UT_CHECK(st.guest_RAX >= 1);
   char vendor[13];
   memcpy(vendor, &st.guest_RBX, 4);
   memcpy(vendor + 4, &st.guest_RDX, 4);
   memcpy(vendor + 8, &st.guest_RCX, 4);
   vendor[12] = 0;
   UT_CHECK_STREQ(vendor, "GenuineIntel");
   st.guest_RAX = 1;
   st.guest_RCX = 0;
   amd64g_dirtyhelper_CPUID_v2(&st);
   ULong ecx = st.guest_RCX, edx = st.guest_RDX;
   UT_CHECK(ecx & (1 << 20));          /* SSE4.2 */
   UT_CHECK(ecx & (1 << 19));          /* SSE4.1 */
   UT_CHECK(ecx & (1 << 9));           /* SSSE3 */
   UT_CHECK(ecx & (1 << 23));          /* POPCNT */
   UT_CHECK(ecx & (1 << 13));          /* CX16 */
   UT_CHECK(!(ecx & (1 << 28)));       /* no AVX */
   UT_CHECK(!(ecx & (1 << 26)));       /* no XSAVE */
   UT_CHECK(!(ecx & (1 << 27)));       /* no OSXSAVE */
   UT_CHECK(edx & (1 << 26));          /* SSE2 */
   UT_CHECK(edx & (1 << 15));          /* CMOV */
   st.guest_RAX = 7;
   st.guest_RCX = 0;
   amd64g_dirtyhelper_CPUID_v2(&st);
   UT_CHECK_EQ(st.guest_RBX, 0);       /* no AVX2, BMI, ... */
   st.guest_RAX = 0x80000001;
   amd64g_dirtyhelper_CPUID_v2(&st);
   UT_CHECK(st.guest_RCX & 1);         /* LAHF/SAHF */
   UT_CHECK(st.guest_RDX & (1 << 29)); /* long mode */
   ULong t1 = amd64g_dirtyhelper_RDTSC(), t2 = amd64g_dirtyhelper_RDTSC();
   UT_CHECK(t2 >= t1);
}
