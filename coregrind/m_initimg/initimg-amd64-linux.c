/* The client's initial image (module m_initimg): what is particular to
   amd64-linux. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_initimg.h"
#include "priv_initimg.h"

#if defined(VGA_amd64) && defined(VGO_linux)

/* CPUID.1:EDX of the emulated CPU, which is what Linux puts in AT_HWCAP
   on x86 (boot_cpu_data.x86_capability[CPUID_1_EDX]): FPU VME DE PSE
   TSC MSR PAE MCE CX8 APIC SEP MTRR PGE MCA CMOV PAT PSE36 CLFSH MMX
   FXSR SSE SSE2 (bits 0-9, 11-17, 19, 23-26).  VEX's
   amd64g_dirtyhelper_CPUID_v2 answers leaf 1 with the same EDX;
   tests/unit/test_initimg.c compares the two. */
const UWord VG_(machine_hwcap) = 0x078bfbffUL;

/* x86's AT_HWCAP2 bits are ring-3 MWAIT and FSGSBASE; the emulated CPU
   has neither (CPUID leaf 7 reports no FSGSBASE). */
const UWord VG_(machine_hwcap2) = 0;

const HChar* ML_(ii_platform) = "x86_64";

/* The frame of a signal delivered to the client holds the FXSAVE-format
   FPU state of a CPU without XSAVE: Linux computes a little over 1KB for
   such a CPU; the classic MINSIGSTKSZ covers it.  m_sigframe's frame
   must fit in it. */
const UWord ML_(ii_minsigstksz) = VKI_MINSIGSTKSZ;

const SizeT ML_(ii_stack_redzone) = 128;

/* Just below 64GB: the top of the client's preferred space in
   m_aspacemgr's layout, which VG_(am_startup) returns (or the highest
   free fit below it).  (Valgrind 3.19, whose layout differs, puts it
   at 0x1fff001000.) */
const Addr ML_(ii_default_clstack_end) = 0xfffffffffUL;

/* Linux's ARCH_DLINFO on x86_64: the vDSO, then the signal frame size. */
UInt ML_(ii_arch_dlinfo)(const IIAuxFacts* facts, IIAuxEntry* out)
{
   UInt n = 0;
   if (facts->sysinfo_ehdr != 0) {
      out[n].type = VKI_AT_SYSINFO_EHDR;
      out[n].val  = facts->sysinfo_ehdr;
   } else {
      out[n].type = VKI_AT_IGNORE;
      out[n].val  = 0;
   }
   n++;
   out[n].type = VKI_AT_MINSIGSTKSZ;
   out[n].val  = facts->minsigstksz;
   n++;
   return n;
}

/* The x86-64 psABI (3.4.1): %rsp at argc, 16-byte aligned; %rdx a
   function for atexit, or 0; everything else unspecified, and Linux
   clears it. */
void ML_(ii_initial_regs)(Addr sp, Addr ip, IIInitialRegs* regs)
{
   regs->sp = sp;
   regs->ip = ip;
   regs->atexit_fn = 0;
}

#endif
