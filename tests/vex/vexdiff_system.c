/* Curated differential cases of the system family
   (VEX/priv/guest_amd64_toIR_system.c), for what can be compared with
   the CPU from user mode:

     sys-priv         port I/O, cli/sti, ins/outs and the privileged
                      instructions: SIGSEGV at the instruction, with the
                      registers as the instructions before left them
     sys-trap         ud0/ud1 (SIGILL)
     sys-unsupported  the recognised-but-unsupported entries that raise
                      #UD on the CPU too (monitor/mwait without ring-3
                      MONITOR, clac/stac at CPL 3)
     sys-cache        clflushopt/clwb (when the CPU has them)
     sys-enter        enter with nesting levels 0..31 (and beyond: mod
                      32), 64- and 16-bit, 16-bit leave
     sys-nop          the hint/NOP space: multi-byte NOPs with 66/F2/F3,
                      reserved-NOP opcodes 0F 19..0F 1F, rdssp without
                      shadow stacks

   The client-request sequences and the entries that must not run
   natively (sysenter, iret, rdrand, ...) are checked structurally by
   tests/unit/test_guest_amd64_sys.c. */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>
#include "libvex_basictypes.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "native.h"
#include "encoder.h"
#include "vexdiff.h"

#define MID NATIVE_SCRATCH_MID

static const char* only_cls;

static Bool wanted(const char* cls)
{
   return only_cls == NULL || strstr(cls, only_cls) != NULL;
}

typedef struct { UChar n; UChar b[12]; } Bytes;

/* Runs BEFORE (an add that changes RBX and the flags) then INSN. */
static void run_after_add(const char* cls, const Bytes* insn, int variant)
{
   static const UChar add_rax_rbx[] = { 0x48, 0x01, 0xC3 };
   Case c;
   case_begin(&c, cls);
   c.mem_seed = 4000u + (UInt)variant;
   c.in.gpr[0] = MID + 0x40;              /* memory forms use (%rax) */
   c.in.gpr[2] = variant & 1 ? 0x80 : 0x3F8;      /* DX: a port */
   c.in.gpr[3] = 0x7FFFFFFFFFFFFFF0ULL + (ULong)variant;
   c.in.gpr[6] = MID + 0x100;
   c.in.gpr[7] = MID + 0x200;
   c.in.gpr[1] = variant & 2 ? 0 : 5;
   c.in.rflags = variant & 1 ? 0x8D5 | FL_DF : 0;
   case_add_bytes(&c, add_rax_rbx, 3);
   case_add_bytes(&c, insn->b, insn->n);
   case_run(cls, &c);
}

static void cur_priv(void)
{
   static const Bytes priv[] = {
      { 2, { 0xE4, 0x00 } }, { 2, { 0xE5, 0x80 } },
      { 3, { 0x66, 0xE5, 0x10 } }, { 2, { 0xE6, 0x70 } },
      { 2, { 0xE7, 0xFF } }, { 1, { 0xEC } }, { 1, { 0xED } },
      { 2, { 0x66, 0xED } }, { 1, { 0xEE } }, { 1, { 0xEF } },
      { 2, { 0x48, 0xED } },
      { 1, { 0xFA } }, { 1, { 0xFB } },
      { 2, { 0x0F, 0x06 } }, { 2, { 0x0F, 0x07 } },
      { 3, { 0x48, 0x0F, 0x07 } }, { 2, { 0x0F, 0x08 } },
      { 2, { 0x0F, 0x09 } }, { 2, { 0x0F, 0x30 } }, { 2, { 0x0F, 0x32 } },
      { 3, { 0x0F, 0x20, 0xC0 } }, { 3, { 0x0F, 0x20, 0xD8 } },
      { 4, { 0x44, 0x0F, 0x20, 0xC0 } }, { 3, { 0x0F, 0x22, 0xC0 } },
      { 3, { 0x0F, 0x21, 0xC0 } }, { 3, { 0x0F, 0x23, 0xF8 } },
      { 3, { 0x0F, 0x00, 0xD0 } }, { 3, { 0x0F, 0x00, 0x18 } },
      { 3, { 0x0F, 0x00, 0xD8 } },
      { 3, { 0x0F, 0x01, 0x10 } }, { 3, { 0x0F, 0x01, 0x18 } },
      { 3, { 0x0F, 0x01, 0xF0 } }, { 3, { 0x0F, 0x01, 0x30 } },
      { 3, { 0x0F, 0x01, 0x38 } }, { 3, { 0x0F, 0x01, 0xF8 } },
      /* string port I/O, with and without rep */
      { 1, { 0x6C } }, { 2, { 0xF3, 0x6C } }, { 1, { 0x6D } },
      { 2, { 0x66, 0x6D } }, { 1, { 0x6E } }, { 3, { 0xF3, 0x48, 0x6F } },
      { 2, { 0xF3, 0x6F } },
   };
   if (!wanted("sys-priv"))
      return;
   for (unsigned i = 0; i < sizeof priv / sizeof priv[0]; i++)
      for (int v = 0; v < 4; v++)
         run_after_add("sys-priv", &priv[i], v);
}

static void cur_trap(void)
{
   static const Bytes traps[] = {
      { 3, { 0x0F, 0xB9, 0xC0 } }, { 3, { 0x0F, 0xB9, 0x00 } },
      { 4, { 0x48, 0x0F, 0xB9, 0xC8 } }, { 2, { 0x0F, 0xFF } },
   };
   /* (int1 is not compared: the SDM makes it a trap -- SIGTRAP after the
      instruction, as the front end does -- but under the hypervisor of
      this project's machines the kernel reports it at the instruction.
      tests/unit/test_guest_amd64_sys.c checks its translation.) */
   if (wanted("sys-trap"))
      for (unsigned i = 0; i < sizeof traps / sizeof traps[0]; i++)
         for (int v = 0; v < 4; v++)
            run_after_add("sys-trap", &traps[i], v);
   static const Bytes ud[] = {
      { 3, { 0x0F, 0x01, 0xC8 } }, { 3, { 0x0F, 0x01, 0xC9 } },
      { 3, { 0x0F, 0x01, 0xCA } }, { 3, { 0x0F, 0x01, 0xCB } },
   };
   unsigned a, b, c, d;
   Bool monitor = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 3));
   if (wanted("sys-unsupported"))
      for (unsigned i = 0; i < sizeof ud / sizeof ud[0]; i++) {
         /* a CPU with MONITOR might let ring 3 use it */
         if (i < 2 && monitor)
            continue;
         for (int v = 0; v < 2; v++)
            run_after_add("sys-unsupported", &ud[i], v);
      }
}

static void cur_cache(void)
{
   if (!wanted("sys-cache"))
      return;
   unsigned a = 0, b = 0, c = 0, d = 0;
   Bool ok7 = __get_cpuid_count(7, 0, &a, &b, &c, &d);
   Bool has_opt = ok7 && (b & (1u << 23));
   Bool has_clwb = ok7 && (b & (1u << 24));
   static const Bytes opt[] = {
      { 4, { 0x66, 0x0F, 0xAE, 0x38 } },            /* (%rax) */
      { 5, { 0x66, 0x0F, 0xAE, 0x7F, 0x08 } },      /* 8(%rdi) */
      { 6, { 0x66, 0x41, 0x0F, 0xAE, 0x7F, 0x40 } },  /* 64(%r15) */
   };
   static const Bytes wb[] = {
      { 4, { 0x66, 0x0F, 0xAE, 0x30 } },
      { 5, { 0x66, 0x0F, 0xAE, 0x77, 0x08 } },
      { 6, { 0x66, 0x41, 0x0F, 0xAE, 0x77, 0xC0 } },
   };
   for (unsigned i = 0; i < 3; i++)
      for (int v = 0; v < 2; v++) {
         if (has_opt)
            run_after_add("sys-cache", &opt[i], v);
         if (has_clwb)
            run_after_add("sys-cache", &wb[i], v);
      }
}

/* enter/leave.  RBP points into the scratch area (the display is read
   from below it) or, when it is not dereferenced, holds garbage. */
static void cur_enter(void)
{
   if (!wanted("sys-enter"))
      return;
   static const UChar levels[] = { 0, 1, 2, 3, 5, 8, 31, 32, 33, 255 };
   static const UShort allocs[] = { 0, 8, 0x123 };
   int v = 0;
   for (unsigned li = 0; li < sizeof levels; li++)
      for (unsigned ai = 0; ai < 3; ai++)
         for (int form = 0; form < 4; form++) {
            /* forms: plain (64), 66 (16), 48 (64), 66 48 (64) */
            UChar b[8];
            int n = 0;
            if (form == 1 || form == 3)
               b[n++] = 0x66;
            if (form >= 2)
               b[n++] = 0x48;
            b[n++] = 0xC8;
            b[n++] = (UChar)(allocs[ai] & 0xFF);
            b[n++] = (UChar)(allocs[ai] >> 8);
            b[n++] = levels[li];
            Case c;
            case_begin(&c, "enter");
            c.mem_seed = 5000u + (UInt)v;
            c.in.gpr[5] = MID + 0x400 + (ULong)(v % 3);
            Bool garbage = (levels[li] & 31) <= 1 && (v & 1);
            if (garbage)
               c.in.gpr[5] = 0x123456789ABCDEF0ULL ^ (ULong)v;
            c.in.rflags = (ULong)(v & 0x8D5);
            case_add_bytes(&c, b, n);
            /* sometimes followed by a leave of the same size (not after
               a 16-bit enter with garbage in RBP: the leave would use a
               non-canonical stack pointer, #SS, which the harness does
               not model) */
            if (v % 3 == 0 && !(garbage && form == 1)) {
               UChar l[2] = { 0x66, 0xC9 };
               if (form == 1)
                  case_add_bytes(&c, l, 2);
               else
                  case_add_bytes(&c, l + 1, 1);
            }
            v++;
            case_run("sys-enter", &c);
         }
   /* 16-bit leave alone, with RBP's upper bits set */
   for (int k = 0; k < 6; k++) {
      Case c;
      case_begin(&c, "leavew");
      c.mem_seed = 5900u + (UInt)k;
      c.in.gpr[5] = MID + 0x40 + (ULong)k * 6;
      UChar l[2] = { 0x66, 0xC9 };
      case_add_bytes(&c, l, 2);
      if (k & 1) {
         UChar l2[3] = { 0x66, 0x48, 0xC9 };   /* REX.W wins: 64-bit */
         case_add_bytes(&c, l2, 3);
      }
      case_run("sys-enter", &c);
   }
}

/* Is rdssp a no-op here (no shadow stack)? */
static Bool rdssp_is_nop(void)
{
   unsigned long v = 0;
   __asm__ volatile(".byte 0xF3, 0x48, 0x0F, 0x1E, 0xC8" : "+a"(v));
   return v == 0;
}

static void cur_nops(void)
{
   if (!wanted("sys-nop"))
      return;
   static const Bytes nops[] = {
      { 6, { 0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00 } },
      { 4, { 0xF3, 0x0F, 0x1F, 0x00 } }, { 4, { 0xF2, 0x0F, 0x1F, 0x00 } },
      { 5, { 0x66, 0x48, 0x0F, 0x1F, 0xC0 } },
      { 4, { 0xF3, 0x0F, 0x1E, 0xFA } },
      { 3, { 0x0F, 0x18, 0x20 } }, { 3, { 0x0F, 0x18, 0x38 } },
      { 4, { 0x0F, 0x19, 0x04, 0x24 } }, { 3, { 0x0F, 0x1C, 0xC0 } },
      { 3, { 0x0F, 0x1D, 0xC0 } }, { 3, { 0x0F, 0x1E, 0xC0 } },
      { 4, { 0x41, 0x0F, 0x1F, 0x00 } }, { 4, { 0xF3, 0x0F, 0x19, 0xC0 } },
      { 5, { 0x66, 0x0F, 0x1F, 0x40, 0x00 } },
      { 4, { 0xF2, 0x0F, 0x19, 0x00 } },
   };
   static const Bytes rdssp[] = {
      { 4, { 0xF3, 0x0F, 0x1E, 0xC8 } },
      { 5, { 0xF3, 0x48, 0x0F, 0x1E, 0xC9 } },
   };
   for (unsigned i = 0; i < sizeof nops / sizeof nops[0]; i++)
      for (int v = 0; v < 2; v++)
         run_after_add("sys-nop", &nops[i], v);
   if (rdssp_is_nop())
      for (unsigned i = 0; i < 2; i++)
         for (int v = 0; v < 2; v++)
            run_after_add("sys-nop", &rdssp[i], v);
}

void curated_system(const char* only)
{
   only_cls = only;
   cur_priv();
   cur_trap();
   cur_cache();
   cur_enter();
   cur_nops();
}
