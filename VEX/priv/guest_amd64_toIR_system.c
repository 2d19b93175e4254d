/* The amd64 front end's system family (the part the integer family does
   not already have -- cpuid, rdtsc/rdtscp, the fences, prefetch,
   clflush, syscall, int/int3, ud2, hlt are there -- and the x87 family's
   xgetbv/xsave/fxsave apart):

   - Valgrind's "special instruction" sequences, the client-request ABI
     of valgrind.h: a preamble of four rotates of RDI that together do
     nothing, followed by an xchg of a register with itself that says
     what is asked (amd64_dis_special, called by disInstr_AMD64 before
     the tables are consulted);
   - instructions a user-mode program can meet but may not run: port I/O
     (in/out), cli/sti, and the privileged system instructions (lgdt,
     mov to/from control registers, wrmsr, ...).  The CPU raises #GP
     and the kernel delivers SIGSEGV at the instruction, so the front
     end ends the block with Ijk_SigSEGV there;
   - ud0/ud1 (SIGILL at the instruction, silently -- they are meant to be
     invalid), int1 (SIGTRAP after it);
   - clflushopt (as clflush: translations of the line are discarded) and
     clwb (no effect on the guest state);
   - enter with a nesting level, and the 16-bit enter and leave (the
     integer family hands them over);
   - entries without a routine for instructions that are recognised but
     deliberately not supported (they decode to Ijk_NoDecode, and the
     coverage list names them): iret, far calls/jumps/returns, segment
     register moves, sysenter/sysexit, monitor/mwait, rdrand/rdseed/rdpid
     (not in the emulated CPUID), rdfsbase & co, descriptor-table stores,
     lar/lsl/verr/verw, rdpmc.

   Semantics follow the Intel SDM vol. 2 and 3; the differential harness
   (tests/vex) checks every entry that can run in user mode against the
   CPU. */
#include "libvex_basictypes.h"
#include "libvex_ir.h"
#include "libvex.h"
#include "libvex_guest_amd64.h"
#include "main_util.h"
#include "guest_generic_bb_to_IR.h"
#include "guest_amd64_defs.h"

#define R_RAX 0
#define R_RSP 4
#define R_RBP 5

/* ================================================================== */
/* The client-request sequences                                       */
/* ================================================================== */

/* rolq $3,%rdi; rolq $13,%rdi; rolq $61,%rdi; rolq $51,%rdi -- 128
   places in all, so RDI is unchanged when it runs natively. */
static const UChar special_preamble[16] = {
   0x48, 0xC1, 0xC7, 0x03, 0x48, 0xC1, 0xC7, 0x0D,
   0x48, 0xC1, 0xC7, 0x3D, 0x48, 0xC1, 0xC7, 0x33
};
#define SPECIAL_LEN 19        /* the preamble and a 3-byte xchg */

static void special_done(DisResult* dres, IRJumpKind jk, IRExpr* next)
{
   dres->len           = SPECIAL_LEN;
   dres->whatNext      = Dis_StopHere;
   dres->jk_StopHere   = jk;
   dres->next_StopHere = next;
   dres->chase_ok      = False;
}

Int amd64_dis_special(const UChar* code, Addr64 addr, DisResult* dres,
                      Bool trace)
{
   for (Int i = 0; i < 16; i++)
      if (code[i] != special_preamble[i])
         return 0;
   Addr64 next = addr + SPECIAL_LEN;
   const UChar* x = code + 16;
   if (x[0] != 0x48 || x[1] != 0x87)
      return -1;
   switch (x[2]) {
      case 0xDB:
         /* xchgq %rbx,%rbx: RDX = client_request(RAX).  The core does the
            request and resumes after the sequence. */
         if (trace)
            vex_printf("\t0x%llX:  %%rdx = client_request ( %%rax )\n\n",
                       addr);
         stmt(IRStmt_Put(OFFB_RIP, mkU64(next)));
         special_done(dres, Ijk_ClientReq, mkU64(next));
         return 1;
      case 0xC9:
         /* xchgq %rcx,%rcx: RAX = the guest's NRADDR (function
            wrapping's "original function" address). */
         if (trace)
            vex_printf("\t0x%llX:  %%rax = guest_NRADDR\n\n", addr);
         putIReg64(R_RAX, IRExpr_Get(AMD64_OFFB(guest_NRADDR), Ity_I64));
         dres->len      = SPECIAL_LEN;
         dres->whatNext = Dis_Continue;
         dres->chase_ok = False;
         return 1;
      case 0xD2: {
         /* xchgq %rdx,%rdx: call *%rax without redirection (the return
            address, after the sequence, is pushed as a call does). */
         if (trace)
            vex_printf("\t0x%llX:  call-noredir *%%rax\n\n", addr);
         IRTemp target = newTemp(Ity_I64);
         IRTemp rsp    = newTemp(Ity_I64);
         assign(target, getIReg64(R_RAX));
         assign(rsp, binop(Iop_Sub64, getIReg64(R_RSP), mkU64(8)));
         putIReg64(R_RSP, mkexpr(rsp));
         storeLE(mkexpr(rsp), mkU64(next));
         special_done(dres, Ijk_NoRedir, mkexpr(target));
         return 1;
      }
      default:
         /* xchgq %rdi,%rdi (IR injection, a VEX testing aid) and anything
            else: not supported. */
         return -1;
   }
}

/* ================================================================== */
/* Faults and no-ops                                                  */
/* ================================================================== */

/* A signal at this instruction (arg: the jump kind). */
static Bool dis_sys_fault(Amd64Dis* d)
{
   amd64_jmp_lit(d, (IRJumpKind)d->e->arg, d->addr);
   return True;
}

/* A signal after this instruction (a trap: int1). */
static Bool dis_sys_trap(Amd64Dis* d)
{
   amd64_jmp_lit(d, (IRJumpKind)d->e->arg, d->next_addr);
   return True;
}

static Bool dis_sys_nop(Amd64Dis* d)
{
   return True;
}

/* clflushopt: as clflush, the cache line's translations are discarded
   (code there may have been rewritten). */
static Bool dis_clflushopt(Amd64Dis* d)
{
   stmt(IRStmt_Put(AMD64_OFFB(guest_CMSTART),
                   binop(Iop_And64, amd64_ea(d), mkU64(~63ULL))));
   stmt(IRStmt_Put(AMD64_OFFB(guest_CMLEN), mkU64(64)));
   amd64_jmp_lit(d, Ijk_InvalICache, d->next_addr);
   return True;
}

/* ================================================================== */
/* enter with a nesting level; 16-bit enter and leave                 */
/* ================================================================== */

/* enter Iw, Ib for the cases the integer family hands over: a nesting
   level (Ib mod 32) above 0, and the 16-bit form (66).  As the SDM's
   pseudo-code for a 64-bit stack:

     push rBP; frame = RSP
     repeat level-1 times: RBP -= size; push [RBP]
     if level > 0: push frame
     RBP = frame (16-bit: only BP, the rest of RBP kept); RSP -= Iw

   with pushes of the operand size.  The loads of the display come from
   the old frame, in order, each before the push that follows it. */
Bool amd64_dis_enter_full(Amd64Dis* d)
{
   Int    sz    = d->sz;            /* 8, or 2 with 66 */
   IRType ty    = szToITy(sz);
   UInt   level = (UInt)(d->op[1].imm & 31);
   ULong  alloc = d->op[0].imm & 0xFFFF;

   IRTemp rbp0 = newTemp(Ity_I64);
   assign(rbp0, getIReg64(R_RBP));
   IRTemp frame = newTemp(Ity_I64);
   assign(frame, binop(Iop_Sub64, getIReg64(R_RSP), mkU64((ULong)sz)));
   storeLE(mkexpr(frame), narrowTo(ty, mkexpr(rbp0)));

   IRTemp sp = frame;
   for (UInt i = 1; i < level; i++) {
      IRTemp v = newTemp(ty);
      assign(v, loadLE(ty, binop(Iop_Sub64, mkexpr(rbp0),
                                 mkU64((ULong)sz * i))));
      IRTemp nsp = newTemp(Ity_I64);
      assign(nsp, binop(Iop_Sub64, mkexpr(sp), mkU64((ULong)sz)));
      storeLE(mkexpr(nsp), mkexpr(v));
      sp = nsp;
   }
   if (level > 0) {
      IRTemp nsp = newTemp(Ity_I64);
      assign(nsp, binop(Iop_Sub64, mkexpr(sp), mkU64((ULong)sz)));
      storeLE(mkexpr(nsp), narrowTo(ty, mkexpr(frame)));
      sp = nsp;
   }

   if (sz == 8) {
      putIReg64(R_RBP, mkexpr(frame));
   } else {
      /* BP gets the frame's low 16 bits; above them RBP is as the
         display loop left it. */
      IRExpr* rbp_hi = binop(Iop_Sub64, mkexpr(rbp0),
                             mkU64(level > 1 ? (ULong)sz * (level - 1) : 0));
      putIReg64(R_RBP,
                binop(Iop_Or64,
                      binop(Iop_And64, rbp_hi, mkU64(~0xFFFFULL)),
                      binop(Iop_And64, mkexpr(frame), mkU64(0xFFFF))));
   }
   putIReg64(R_RSP, binop(Iop_Sub64, mkexpr(sp), mkU64(alloc)));
   return True;
}

/* leave with 66: RSP = RBP, then BP = a 16-bit pop (the rest of RBP
   kept). */
Bool amd64_dis_leave16(Amd64Dis* d)
{
   if (d->sz != 2)
      return False;
   IRTemp rbp = newTemp(Ity_I64);
   assign(rbp, getIReg64(R_RBP));
   IRTemp v = newTemp(Ity_I16);
   assign(v, loadLE(Ity_I16, mkexpr(rbp)));
   putIRegSz(2, R_RBP, False, mkexpr(v));
   putIReg64(R_RSP, binop(Iop_Add64, mkexpr(rbp), mkU64(2)));
   return True;
}

/* ================================================================== */
/* The table                                                          */
/* ================================================================== */

#define N  OPF_NONE
#define NS AF_DNOSUF
#define ENT(map, opc, ext, pfx, modrm, flags, mnem, o1, o2, fn, arg, cls) \
   { map, opc, 1, ext, pfx, 0, modrm, flags, mnem, { o1, o2, N, N },      \
     fn, arg, cls }
/* one-byte map, no operands */
#define B0(opc, fl, mn, fn, arg, cls) \
   ENT(AMD64_MAP_1B, opc, -1, AMD64_PFX_ANY, -1, (fl) | NS, mn, N, N, fn, \
       arg, cls)
#define B2(opc, fl, mn, a, b, fn, arg, cls) \
   ENT(AMD64_MAP_1B, opc, -1, AMD64_PFX_ANY, -1, fl, mn, a, b, fn, arg, cls)
/* 0F map: plain, with a /digit, with a whole ModRM */
#define T0(opc, fl, mn, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, -1, AMD64_PFX_ANY, -1, (fl) | NS, mn, N, N, fn, \
       arg, cls)
#define TX(opc, x, fl, mn, a, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, x, AMD64_PFX_ANY, -1, (fl) | NS, mn, a, N, fn, \
       arg, cls)
#define TM(opc, modrm, fl, mn, fn, arg, cls) \
   ENT(AMD64_MAP_0F, opc, -1, AMD64_PFX_ANY, modrm, (fl) | NS, mn, N, N, \
       fn, arg, cls)

/* Faulting: a block end with a signal, never run by random tests. */
#define FLT (AF_CTRL | AF_FAULTS)
#define SEGV Ijk_SigSEGV

static const Amd64OpEntry system_entries[] = {
   /* ---- port I/O and the interrupt flag: #GP in user mode ---- */
   B2(0xE4, FLT | AF_DSPACE, "in", OPF_AL, OPF_Ib, dis_sys_fault, SEGV,
      "sys-priv"),
   B2(0xE5, FLT | AF_DSPACE, "in", OPF_rAX, OPF_Ib, dis_sys_fault, SEGV,
      "sys-priv"),
   B2(0xE6, FLT | AF_DSPACE | AF_DSZB, "out", OPF_Ib, OPF_AL, dis_sys_fault,
      SEGV, "sys-priv"),
   B2(0xE7, FLT | AF_DSPACE | AF_DSZB, "out", OPF_Ib, OPF_rAX, dis_sys_fault,
      SEGV, "sys-priv"),
   B2(0xEC, FLT | AF_DSPACE, "in", OPF_AL, OPF_DX, dis_sys_fault, SEGV,
      "sys-priv"),
   B2(0xED, FLT | AF_DSPACE, "in", OPF_rAX, OPF_DX, dis_sys_fault, SEGV,
      "sys-priv"),
   B2(0xEE, FLT | AF_DSPACE | AF_DSZB, "out", OPF_DX, OPF_AL, dis_sys_fault,
      SEGV, "sys-priv"),
   B2(0xEF, FLT | AF_DSPACE | AF_DSZB, "out", OPF_DX, OPF_rAX, dis_sys_fault,
      SEGV, "sys-priv"),
   B0(0xFA, FLT, "cli", dis_sys_fault, SEGV, "sys-priv"),
   B0(0xFB, FLT, "sti", dis_sys_fault, SEGV, "sys-priv"),

   /* ---- privileged system instructions: #GP at CPL 3 ---- */
   T0(0x06, FLT, "clts", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x07, FLT, "sysret", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x08, FLT, "invd", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x09, FLT, "wbinvd", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x30, FLT, "wrmsr", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x32, FLT, "rdmsr", dis_sys_fault, SEGV, "sys-priv"),
   /* mov from/to control and debug registers (ModRM.mod is ignored:
      always registers) */
   T0(0x20, FLT | AF_MODRM, "mov %cr", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x21, FLT | AF_MODRM, "mov %dr", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x22, FLT | AF_MODRM, "mov to %cr", dis_sys_fault, SEGV, "sys-priv"),
   T0(0x23, FLT | AF_MODRM, "mov to %dr", dis_sys_fault, SEGV, "sys-priv"),
   TX(0x00, 2, FLT, "lldt", OPF_Ew, dis_sys_fault, SEGV, "sys-priv"),
   TX(0x00, 3, FLT, "ltr", OPF_Ew, dis_sys_fault, SEGV, "sys-priv"),
   TX(0x01, 2, FLT | AF_MEM, "lgdt", OPF_M, dis_sys_fault, SEGV, "sys-priv"),
   TX(0x01, 3, FLT | AF_MEM, "lidt", OPF_M, dis_sys_fault, SEGV, "sys-priv"),
   TX(0x01, 6, FLT, "lmsw", OPF_Ew, dis_sys_fault, SEGV, "sys-priv"),
   TX(0x01, 7, FLT | AF_MEM, "invlpg", OPF_M, dis_sys_fault, SEGV,
      "sys-priv"),
   TM(0x01, 0xF8, FLT, "swapgs", dis_sys_fault, SEGV, "sys-priv"),

   /* ---- deliberately invalid, and the debug trap ---- */
   ENT(AMD64_MAP_0F, 0xB9, -1, AMD64_PFX_ANY, -1, FLT | AF_DSPACE, "ud1",
       OPF_Gv, OPF_Ev, dis_sys_fault, Ijk_SigILL, "sys-trap"),
   T0(0xFF, FLT, "ud0", dis_sys_fault, Ijk_SigILL, "sys-trap"),
   B0(0xF1, AF_CTRL, "int1", dis_sys_trap, Ijk_SigTRAP, "sys-trap"),

   /* ---- cache-line flush and write-back ---- */
   ENT(AMD64_MAP_0F, 0xAE, 7, AMD64_PFX_66, -1, AF_MEM | AF_CTRL | NS,
       "clflushopt", OPF_Mb, N, dis_clflushopt, 0, "sys-cache"),
   ENT(AMD64_MAP_0F, 0xAE, 6, AMD64_PFX_66, -1, AF_MEM | NS, "clwb", OPF_Mb,
       N, dis_sys_nop, 0, "sys-cache"),

   /* ---- recognised, not supported (Ijk_NoDecode) ---- */
   B0(0xCF, 0, "iretw|iret|iretq", NULL, 0, "sys-unsupported"),
   B0(0xCA, 0, "lret $imm", NULL, 0, "sys-unsupported"),
   B0(0xCB, 0, "lret", NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_1B, 0xFF, 3, AMD64_PFX_ANY, -1, NS, "lcall*", OPF_M, N,
       NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_1B, 0xFF, 5, AMD64_PFX_ANY, -1, NS, "ljmp*", OPF_M, N,
       NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_1B, 0x8C, -1, AMD64_PFX_ANY, -1, AF_MODRM | NS,
       "mov %sreg", N, N, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_1B, 0x8E, -1, AMD64_PFX_ANY, -1, AF_MODRM | NS,
       "mov to %sreg", N, N, NULL, 0, "sys-unsupported"),
   T0(0xA0, 0, "push %fs", NULL, 0, "sys-unsupported"),
   T0(0xA1, 0, "pop %fs", NULL, 0, "sys-unsupported"),
   T0(0xA8, 0, "push %gs", NULL, 0, "sys-unsupported"),
   T0(0xA9, 0, "pop %gs", NULL, 0, "sys-unsupported"),
   T0(0x34, 0, "sysenter", NULL, 0, "sys-unsupported"),
   T0(0x35, 0, "sysexit", NULL, 0, "sys-unsupported"),
   T0(0x33, 0, "rdpmc", NULL, 0, "sys-unsupported"),
   TX(0x00, 0, 0, "sldt", OPF_Ew, NULL, 0, "sys-unsupported"),
   TX(0x00, 1, 0, "str", OPF_Ew, NULL, 0, "sys-unsupported"),
   TX(0x00, 4, 0, "verr", OPF_Ew, NULL, 0, "sys-unsupported"),
   TX(0x00, 5, 0, "verw", OPF_Ew, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0x02, -1, AMD64_PFX_ANY, -1, NS, "lar", OPF_Gv, OPF_Ew,
       NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0x03, -1, AMD64_PFX_ANY, -1, NS, "lsl", OPF_Gv, OPF_Ew,
       NULL, 0, "sys-unsupported"),
   TX(0x01, 0, AF_MEM, "sgdt", OPF_M, NULL, 0, "sys-unsupported"),
   TX(0x01, 1, AF_MEM, "sidt", OPF_M, NULL, 0, "sys-unsupported"),
   TX(0x01, 4, 0, "smsw", OPF_Ew, NULL, 0, "sys-unsupported"),
   TM(0x01, 0xC8, 0, "monitor", NULL, 0, "sys-unsupported"),
   TM(0x01, 0xC9, 0, "mwait", NULL, 0, "sys-unsupported"),
   TM(0x01, 0xCA, 0, "clac", NULL, 0, "sys-unsupported"),
   TM(0x01, 0xCB, 0, "stac", NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0xC7, 6, AMD64_PFX_ANY, -1, AF_REG | NS, "rdrand",
       OPF_Ev, N, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0xC7, 7, AMD64_PFX_ANY, -1, AF_REG | NS, "rdseed",
       OPF_Ev, N, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0xC7, 7, AMD64_PFX_F3, -1, AF_REG | NS, "rdpid",
       OPF_Ey, N, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0xAE, 0, AMD64_PFX_F3, -1, AF_REG | NS, "rdfsbase",
       OPF_Ey, N, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0xAE, 1, AMD64_PFX_F3, -1, AF_REG | NS, "rdgsbase",
       OPF_Ey, N, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0xAE, 2, AMD64_PFX_F3, -1, AF_REG | NS, "wrfsbase",
       OPF_Ey, N, NULL, 0, "sys-unsupported"),
   ENT(AMD64_MAP_0F, 0xAE, 3, AMD64_PFX_F3, -1, AF_REG | NS, "wrgsbase",
       OPF_Ey, N, NULL, 0, "sys-unsupported"),
};

const Amd64OpTable amd64_optable_system = {
   "system",
   system_entries,
   (Int)(sizeof system_entries / sizeof system_entries[0])
};
