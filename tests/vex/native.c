/* The native side of the differential tests: see native.h.

   Layout of the RWX mapping at NATIVE_REGION (64 KiB):
     +0x0000  control block: the input and output register sets and the
              host stack pointer saved by the prologue
     +0x1000  the sequence (NATIVE_CODE_ADDR), preceded by the prologue
              and followed by the epilogue
     +0xF000  a private stack for the epilogue's pushfq */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <asm/prctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "native.h"

#define NATIVE_REGION     (NATIVE_CODE_ADDR - 0x1000UL)
#define NATIVE_REGION_SZ  0x10000UL

/* The control block. */
typedef struct {
   ULong in_gpr[16];
   ULong in_rflags;
   ULong out_gpr[16];
   ULong out_rflags;
   ULong host_rsp;
   /* --- SSE state (the SSE family's addition) --- */
   ULong in_xmm[16][2];
   ULong out_xmm[16][2];
   UInt  in_mxcsr;
   UInt  out_mxcsr;
   UInt  host_mxcsr;
   /* --- x87 state (the x87 family's addition): FXSAVE images --- */
   UChar host_fx[512] __attribute__((aligned(16)));
   UChar in_fx[512] __attribute__((aligned(16)));
   UChar out_fx[512] __attribute__((aligned(16)));
} Ctl;

#define CTL        ((volatile Ctl*)NATIVE_REGION)
#define PRIV_STACK (NATIVE_REGION + NATIVE_REGION_SZ - 64)

static sigjmp_buf  fault_jmp;
static volatile int in_sequence;
static NativeRegs* fault_out;

/* ------------------------------------------------------------------ */
/* A tiny assembler for the prologue and epilogue                     */
/* ------------------------------------------------------------------ */

typedef struct { UChar* p; } Emit;

static void b1(Emit* e, int b) { *e->p++ = (UChar)b; }
static void imm64(Emit* e, ULong v)
{
   for (int i = 0; i < 8; i++)
      b1(e, (int)((v >> (8 * i)) & 0xFF));
}
static void imm32(Emit* e, UInt v)
{
   for (int i = 0; i < 4; i++)
      b1(e, (int)((v >> (8 * i)) & 0xFF));
}

/* movabs $v, %reg */
static void mov_imm64(Emit* e, int reg, ULong v)
{
   b1(e, 0x48 | (reg >= 8 ? 1 : 0));
   b1(e, 0xB8 + (reg & 7));
   imm64(e, v);
}

/* mov disp32(%base), %reg  /  mov %reg, disp32(%base) */
static void mov_mem(Emit* e, int load, int reg, int base, UInt disp)
{
   b1(e, 0x48 | (reg >= 8 ? 4 : 0) | (base >= 8 ? 1 : 0));
   b1(e, load ? 0x8B : 0x89);
   b1(e, 0x80 | ((reg & 7) << 3) | (base & 7));
   if ((base & 7) == 4)
      b1(e, 0x24);
   imm32(e, disp);
}

#define OFF_IN(i)    ((UInt)__builtin_offsetof(Ctl, in_gpr) + 8u * (i))
#define OFF_INFL     ((UInt)__builtin_offsetof(Ctl, in_rflags))
#define OFF_OUT(i)   ((UInt)__builtin_offsetof(Ctl, out_gpr) + 8u * (i))
#define OFF_OUTFL    ((UInt)__builtin_offsetof(Ctl, out_rflags))
#define OFF_HOSTRSP  ((UInt)__builtin_offsetof(Ctl, host_rsp))

/* --- SSE state (the SSE family's addition) --- */
#define OFF_INXMM(i)   ((UInt)__builtin_offsetof(Ctl, in_xmm) + 16u * (i))
#define OFF_OUTXMM(i)  ((UInt)__builtin_offsetof(Ctl, out_xmm) + 16u * (i))
#define OFF_INMXCSR    ((UInt)__builtin_offsetof(Ctl, in_mxcsr))
#define OFF_OUTMXCSR   ((UInt)__builtin_offsetof(Ctl, out_mxcsr))
#define OFF_HOSTMXCSR  ((UInt)__builtin_offsetof(Ctl, host_mxcsr))

/* movdqu disp32(%rax), %xmmN (LOAD) or movdqu %xmmN, disp32(%rax) */
static void movdqu_rax(Emit* e, int load, int xmm, UInt disp)
{
   b1(e, 0xF3);
   if (xmm >= 8)
      b1(e, 0x44);                       /* REX.R */
   b1(e, 0x0F);
   b1(e, load ? 0x6F : 0x7F);
   b1(e, 0x80 | ((xmm & 7) << 3));       /* mod 10, rm = rax */
   imm32(e, disp);
}

/* ldmxcsr (EXT 2) / stmxcsr (EXT 3) disp32(%rax) */
static void mxcsr_rax(Emit* e, int ext, UInt disp)
{
   b1(e, 0x0F); b1(e, 0xAE);
   b1(e, 0x80 | (ext << 3));
   imm32(e, disp);
}

/* --- x87 state (the x87 family's addition) --- */
#define OFF_HOSTFX  ((UInt)__builtin_offsetof(Ctl, host_fx))
#define OFF_INFX    ((UInt)__builtin_offsetof(Ctl, in_fx))
#define OFF_OUTFX   ((UInt)__builtin_offsetof(Ctl, out_fx))

/* fxsave64 (EXT 0) / fxrstor64 (EXT 1) disp32(%rax) */
static void fx_rax(Emit* e, int ext, UInt disp)
{
   b1(e, 0x48); b1(e, 0x0F); b1(e, 0xAE);
   b1(e, 0x80 | (ext << 3));
   imm32(e, disp);
}

/* The prologue: called as a function; saves the callee-saved registers
   and the stack pointer, loads rflags and all registers, and falls into
   the sequence. */
static int emit_prologue(UChar* buf)
{
   Emit e = { buf };
   b1(&e, 0x53);                         /* push %rbx */
   b1(&e, 0x55);                         /* push %rbp */
   b1(&e, 0x41); b1(&e, 0x54);           /* push %r12 */
   b1(&e, 0x41); b1(&e, 0x55);           /* push %r13 */
   b1(&e, 0x41); b1(&e, 0x56);           /* push %r14 */
   b1(&e, 0x41); b1(&e, 0x57);           /* push %r15 */
   mov_imm64(&e, 0, NATIVE_REGION);      /* movabs $ctl, %rax */
   mov_mem(&e, 0, 4, 0, OFF_HOSTRSP);    /* mov %rsp, host_rsp(%rax) */
   /* x87 state: save the host's, load the sequence's (then SSE's) */
   fx_rax(&e, 0, OFF_HOSTFX);
   fx_rax(&e, 1, OFF_INFX);
   /* SSE state: save the host's MXCSR, load the sequence's, and XMM0..15 */
   mxcsr_rax(&e, 3, OFF_HOSTMXCSR);
   mxcsr_rax(&e, 2, OFF_INMXCSR);
   for (int x = 0; x < 16; x++)
      movdqu_rax(&e, 1, x, OFF_INXMM(x));
   b1(&e, 0xFF); b1(&e, 0xB0); imm32(&e, OFF_INFL);  /* push in_rflags(%rax) */
   b1(&e, 0x9D);                         /* popfq */
   for (int r = 1; r < 16; r++)
      mov_mem(&e, 1, r, 0, OFF_IN(r));   /* mov in_gpr[r](%rax), %r */
   mov_mem(&e, 1, 0, 0, OFF_IN(0));      /* mov in_gpr[0](%rax), %rax */
   return (int)(e.p - buf);
}

/* The epilogue: stores all registers and rflags, restores the host's
   registers and returns. */
static int emit_epilogue(UChar* buf)
{
   Emit e = { buf };
   /* movabs %rax, out_gpr[0] */
   b1(&e, 0x48); b1(&e, 0xA3); imm64(&e, NATIVE_REGION + OFF_OUT(0));
   mov_imm64(&e, 0, NATIVE_REGION);
   for (int r = 1; r < 16; r++)
      mov_mem(&e, 0, r, 0, OFF_OUT(r));
   /* x87 state: store the sequence's (the host's comes back below) */
   fx_rax(&e, 0, OFF_OUTFX);
   /* SSE state: store XMM0..15 and MXCSR, give the host its MXCSR back */
   for (int x = 0; x < 16; x++)
      movdqu_rax(&e, 0, x, OFF_OUTXMM(x));
   mxcsr_rax(&e, 3, OFF_OUTMXCSR);
   mxcsr_rax(&e, 2, OFF_HOSTMXCSR);
   fx_rax(&e, 1, OFF_HOSTFX);            /* x87: the host's state back */
   mov_imm64(&e, 4, PRIV_STACK);         /* a stack for pushfq */
   b1(&e, 0x9C);                         /* pushfq */
   b1(&e, 0x5B);                         /* pop %rbx */
   mov_mem(&e, 0, 3, 0, OFF_OUTFL);
   b1(&e, 0xFC);                         /* cld */
   mov_mem(&e, 1, 4, 0, OFF_HOSTRSP);    /* mov host_rsp(%rax), %rsp */
   b1(&e, 0x41); b1(&e, 0x5F);           /* pop %r15 */
   b1(&e, 0x41); b1(&e, 0x5E);
   b1(&e, 0x41); b1(&e, 0x5D);
   b1(&e, 0x41); b1(&e, 0x5C);
   b1(&e, 0x5D);                         /* pop %rbp */
   b1(&e, 0x5B);                         /* pop %rbx */
   b1(&e, 0xC3);                         /* ret */
   return (int)(e.p - buf);
}

static UChar prologue_bytes[512];
static int   prologue_len;

/* ------------------------------------------------------------------ */
/* Faults                                                             */
/* ------------------------------------------------------------------ */

static void on_fault(int sig, siginfo_t* si, void* uc_v)
{
   (void)si;
   ucontext_t* uc = uc_v;
   if (!in_sequence) {
      signal(sig, SIG_DFL);
      raise(sig);
      return;
   }
   greg_t* g = uc->uc_mcontext.gregs;
   NativeRegs* o = fault_out;
   o->gpr[0]  = (ULong)g[REG_RAX];
   o->gpr[1]  = (ULong)g[REG_RCX];
   o->gpr[2]  = (ULong)g[REG_RDX];
   o->gpr[3]  = (ULong)g[REG_RBX];
   o->gpr[4]  = (ULong)g[REG_RSP];
   o->gpr[5]  = (ULong)g[REG_RBP];
   o->gpr[6]  = (ULong)g[REG_RSI];
   o->gpr[7]  = (ULong)g[REG_RDI];
   o->gpr[8]  = (ULong)g[REG_R8];
   o->gpr[9]  = (ULong)g[REG_R9];
   o->gpr[10] = (ULong)g[REG_R10];
   o->gpr[11] = (ULong)g[REG_R11];
   o->gpr[12] = (ULong)g[REG_R12];
   o->gpr[13] = (ULong)g[REG_R13];
   o->gpr[14] = (ULong)g[REG_R14];
   o->gpr[15] = (ULong)g[REG_R15];
   o->rflags  = (ULong)g[REG_EFL];
   o->rip     = (ULong)g[REG_RIP];
   o->signo   = sig;
   /* SSE state at the fault */
   if (uc->uc_mcontext.fpregs != NULL) {
      for (int x = 0; x < 16; x++)
         memcpy(o->xmm[x], uc->uc_mcontext.fpregs->_xmm[x].element, 16);
      o->mxcsr = uc->uc_mcontext.fpregs->mxcsr;
      /* x87 state at the fault: the context's FXSAVE image */
      memcpy(o->fx, uc->uc_mcontext.fpregs, 512);
   }
   in_sequence = 0;
   siglongjmp(fault_jmp, 1);
}

int native_init(void)
{
   void* r = mmap((void*)NATIVE_REGION, NATIVE_REGION_SZ,
                  PROT_READ | PROT_WRITE | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
   if (r != (void*)NATIVE_REGION) {
      perror("native_init: mmap code");
      return -1;
   }
   void* s = mmap((void*)NATIVE_SCRATCH_ADDR, NATIVE_SCRATCH_SIZE,
                  PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
   if (s != (void*)NATIVE_SCRATCH_ADDR) {
      perror("native_init: mmap scratch");
      return -1;
   }
   prologue_len = emit_prologue(prologue_bytes);

   static char altstack[65536];
   stack_t ss;
   ss.ss_sp    = altstack;
   ss.ss_size  = sizeof altstack;
   ss.ss_flags = 0;
   if (sigaltstack(&ss, NULL) != 0) {
      perror("sigaltstack");
      return -1;
   }
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = on_fault;
   sa.sa_flags     = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
   sigemptyset(&sa.sa_mask);
   int sigs[] = { SIGFPE, SIGSEGV, SIGILL, SIGTRAP, SIGBUS };
   for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
      sigaction(sigs[i], &sa, NULL);
   /* %gs: points at the scratch area, for tests with a GS override. */
   syscall(SYS_arch_prctl, ARCH_SET_GS, NATIVE_SCRATCH_ADDR);
   return 0;
}

ULong native_fs_base(void)
{
   unsigned long fs = 0;
   syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
   return fs;
}

void native_run(const UChar* code, Int len, const NativeRegs* in,
                NativeRegs* out)
{
   UChar* start = (UChar*)NATIVE_CODE_ADDR;
   if (len > NATIVE_CODE_MAX) {
      fprintf(stderr, "native_run: sequence too long\n");
      abort();
   }
   memcpy(start - prologue_len, prologue_bytes, (size_t)prologue_len);
   memcpy(start, code, (size_t)len);
   int el = emit_epilogue(start + len);
   __builtin___clear_cache((char*)(start - prologue_len),
                           (char*)(start + len + el));

   for (int i = 0; i < 16; i++)
      CTL->in_gpr[i] = in->gpr[i];
   /* Only the arithmetic flags and DF; bit 1 is always set. */
   CTL->in_rflags = (in->rflags & 0x8D5ULL) | 0x2ULL | (in->rflags & 0x400ULL);
   /* SSE state */
   for (int x = 0; x < 16; x++) {
      CTL->in_xmm[x][0] = in->xmm[x][0];
      CTL->in_xmm[x][1] = in->xmm[x][1];
   }
   CTL->in_mxcsr = in->mxcsr;
   /* x87 state: the case's image (a valid MXCSR: SSE's comes after) */
   memcpy((void*)CTL->in_fx, in->fx, 512);
   ((volatile UInt*)CTL->in_fx)[6] = 0x1F80;
   UInt host_mxcsr;
   __asm__ __volatile__("stmxcsr %0" : "=m"(host_mxcsr));

   memset(out, 0, sizeof *out);
   fault_out = out;
   if (sigsetjmp(fault_jmp, 1) == 0) {
      in_sequence = 1;
      ((void (*)(void))(start - prologue_len))();
      in_sequence = 0;
      for (int i = 0; i < 16; i++)
         out->gpr[i] = CTL->out_gpr[i];
      out->rflags = CTL->out_rflags;
      out->rip    = NATIVE_CODE_ADDR + (ULong)len;
      out->signo  = 0;
      for (int x = 0; x < 16; x++) {
         out->xmm[x][0] = CTL->out_xmm[x][0];
         out->xmm[x][1] = CTL->out_xmm[x][1];
      }
      out->mxcsr = CTL->out_mxcsr;
      memcpy(out->fx, (const void*)CTL->out_fx, 512);   /* x87 state */
   }
   /* After a fault the handler ran with a fresh FP state; make sure the
      host's MXCSR is its own again either way. */
   __asm__ __volatile__("ldmxcsr %0" : : "m"(host_mxcsr));
   /* x87 state: the host's again (after a fault too) */
   __asm__ __volatile__("fxrstor64 (%0)" : : "r"((const void*)CTL->host_fx)
                        : "memory");
   /* After a fault the handler has filled OUT. */
}
