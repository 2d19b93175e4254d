/* The reference loops of perf/insn-ratio (see README.md), and our side of
   the measurement.

     loops --run                runs the loops (under Valgrind: its side)
     loops --translate A [A..]  translates the superblocks starting at the
                                guest addresses A with this tree's VEX at
                                --vex-iropt-level=2 and prints the traces
                                Valgrind's --trace-flags=00001001 prints
                                (tree-built IR and final assembly), each
                                after a "==== SB" line like Valgrind's.

   Built -no-pie, so that the loops are at the same addresses in both
   runs: our VEX translates the very bytes Valgrind translated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libvex.h"

/* ------------------------------------------------------------------ */
/* The loops (gcc -O2 -fno-tree-vectorize                              */
/* -fno-tree-loop-distribute-patterns: scalar, no call to memcpy)      */
/* ------------------------------------------------------------------ */

__attribute__((noinline)) unsigned csum8(const unsigned char* p,
                                         unsigned long n)
{
   unsigned s = 0;
   for (unsigned long i = 0; i < n; i++)
      s += p[i];
   return s;
}

__attribute__((noinline)) void copy8(unsigned char* restrict d,
                                     const unsigned char* restrict s,
                                     unsigned long n)
{
   for (unsigned long i = 0; i < n; i++)
      d[i] = s[i];
}

__attribute__((noinline)) void copy64(unsigned long* restrict d,
                                      const unsigned long* restrict s,
                                      unsigned long n)
{
   for (unsigned long i = 0; i < n; i++)
      d[i] = s[i];
}

static int run_loops(void)
{
   static unsigned char a[65536], b[65536];
   unsigned long t = 0;
   for (unsigned i = 0; i < sizeof a; i++)
      a[i] = (unsigned char)(i * 7 + 3);
   for (int k = 0; k < 50; k++) {
      t += csum8(a, sizeof a - (unsigned)k);
      copy8(b, a, sizeof a - (unsigned)k);
      copy64((unsigned long*)b, (const unsigned long*)a, sizeof a / 8 - 1);
      t += b[k];
   }
   printf("%lu\n", t);
   return 0;
}

/* ------------------------------------------------------------------ */
/* Our side                                                            */
/* ------------------------------------------------------------------ */

static void fail(void)
{
   fprintf(stderr, "loops: VEX failed\n");
   exit(1);
}

static void log_bytes(const HChar* b, SizeT n)
{
   fwrite(b, 1, n, stdout);
}

static int translate(int n, char** addrs)
{
   VexControl vc;
   LibVEX_default_VexControl(&vc);       /* iropt level 2, chasing */
   LibVEX_Init(fail, log_bytes, &vc);
   static UChar out[65536] __attribute__((aligned(16)));
   for (int i = 0; i < n; i++) {
      Addr64 a = strtoull(addrs[i], NULL, 0);
      VexGuestExtents vge;
      Int used = 0;
      VexTranslateArgs vta;
      memset(&vta, 0, sizeof vta);
      vta.arch_guest = vta.arch_host = VexArchAMD64;
      vta.archinfo_host.hwcaps = VEX_HWCAPS_AMD64_SSE3
         | VEX_HWCAPS_AMD64_SSSE3 | VEX_HWCAPS_AMD64_SSE41
         | VEX_HWCAPS_AMD64_SSE42 | VEX_HWCAPS_AMD64_POPCNT
         | VEX_HWCAPS_AMD64_CX16 | VEX_HWCAPS_AMD64_LZCNT;
      vta.archinfo_host.endness = VexEndnessLE;
      vta.archinfo_guest = vta.archinfo_host;
      vta.abiinfo_both.guest_stack_redzone_szB = 128;
      vta.abiinfo_both.guest_amd64_assume_fs_is_const = True;
      vta.guest_bytes      = (const UChar*)(HWord)a;
      vta.guest_bytes_addr = a;
      vta.guest_extents    = &vge;
      vta.host_bytes       = out;
      vta.host_bytes_size  = sizeof out;
      vta.host_bytes_used  = &used;
      vta.px_control       = VexRegUpdUnwindregsAtMemAccess;
      vta.traceflags       = VEX_TRACE_TREES | VEX_TRACE_ASM;
      /* Valgrind's dispatcher addresses are not known here; any far
         addresses give the same code. */
      vta.disp_cp_chain_me_to_slowEP = (const void*)0x58001111ULL;
      vta.disp_cp_chain_me_to_fastEP = (const void*)0x58002222ULL;
      vta.disp_cp_xindir             = (const void*)0x58003333ULL;
      vta.disp_cp_xassisted          = (const void*)0x58004444ULL;
      printf("==== SB %d [ours] 0x%llx\n", i, a);
      fflush(stdout);
      VexTranslateResult r = LibVEX_Translate(&vta);
      if (r.status != VexTransOK)
         fail();
      printf("\nours: %d guest instructions, %d host bytes\n",
             (int)r.n_guest_instrs, used);
   }
   return 0;
}

int main(int argc, char** argv)
{
   if (argc >= 2 && strcmp(argv[1], "--run") == 0)
      return run_loops();
   if (argc >= 3 && strcmp(argv[1], "--translate") == 0)
      return translate(argc - 2, argv + 2);
   fprintf(stderr, "usage: loops --run | --translate ADDR...\n");
   return 2;
}
