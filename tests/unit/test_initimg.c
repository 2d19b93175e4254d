/* Unit tests of m_initimg: the client's initial stack built into a
   buffer and checked against the layout the Linux ABI specifies (and
   this process's own kernel-built stack), the auxv's order and values,
   AT_HWCAP against the emulated CPUID, the client's environment, the
   core's auxv, and a whole image created for /bin/true and for a script
   in the test process. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcproc.h"
#include "pub_core_mallocfree.h"
#include "pub_core_xarray.h"
#include "pub_core_ume.h"
#include "pub_core_initimg.h"
#include "libvex_guest_amd64.h"
#include "../../VEX/priv/guest_amd64_defs.h"

extern char** environ;

/* ------------------------------------------------------------------ */
/* AT_HWCAP is the emulated CPU's CPUID.1:EDX                           */
/* ------------------------------------------------------------------ */

UNIT_TEST(hwcap_is_the_emulated_cpuid_1_edx)
{
   VexGuestAMD64State st;
   memset(&st, 0, sizeof st);
   st.guest_RAX = 1;
   st.guest_RCX = 0;
   amd64g_dirtyhelper_CPUID_v2(&st);
   UT_CHECK_EQ(VG_(machine_hwcap), st.guest_RDX);
   UT_CHECK_EQ(VG_(machine_hwcap), 0x078bfbff);
   /* x86-64-v2, no more: SSE4.2, POPCNT, CX16 in ECX; no AVX, no
      XSAVE. */
   UT_CHECK(st.guest_RCX & (1u << 20));
   UT_CHECK(st.guest_RCX & (1u << 23));
   UT_CHECK(st.guest_RCX & (1u << 13));
   UT_CHECK(!(st.guest_RCX & (1u << 28)));
   UT_CHECK(!(st.guest_RCX & (1u << 26)));
   UT_CHECK_EQ(VG_(machine_hwcap2), 0);
}

/* ------------------------------------------------------------------ */
/* The stack image in a buffer                                          */
/* ------------------------------------------------------------------ */

#define TOP 0x7ffffffff000UL

static UChar stack_buf[16384];

/* The client word / string at client address A of the image in
   stack_buf (which stands for [TOP - sizeof stack_buf, TOP)). */
static UWord word_at(Addr a)
{
   UWord w;
   memcpy(&w, stack_buf + (a - (TOP - sizeof stack_buf)), sizeof w);
   return w;
}

static const char* str_at(Addr a)
{
   return (const char*)stack_buf + (a - (TOP - sizeof stack_buf));
}

static void init_spec(IIStackSpec* spec, HChar** argv, HChar** envp,
                      const UChar* random)
{
   memset(spec, 0, sizeof *spec);
   spec->argv = argv;
   spec->envp = envp;
   spec->execfn = "/usr/bin/prog";
   spec->random = random;
   IIAuxFacts* f = &spec->aux;
   f->phdr = 0x555555554040;
   f->phent = 56;
   f->phnum = 13;
   f->base = 0x7ffff7fc3000;
   f->flags = 0;
   f->entry = 0x5555555563d0;
   f->uid = 1000; f->euid = 1001; f->gid = 1002; f->egid = 1003;
   f->secure = 0;
   f->pagesz = 4096;
   f->clktck = 100;
   f->hwcap = VG_(machine_hwcap);
   f->hwcap2 = VG_(machine_hwcap2);
   f->sysinfo_ehdr = 0x7ffff7fc1000;
   f->minsigstksz = 2048;
}

/* Linux's create_elf_tables, written out once more, independently:
   where the stack pointer must end up. */
static Addr kernel_sp(HChar** argv, HChar** envp, const char* execfn,
                      unsigned n_auxv)
{
   Addr p = TOP - 8 - (strlen(execfn) + 1);
   unsigned argc = 0, envc = 0;
   for (; envp[envc]; envc++)
      p -= strlen(envp[envc]) + 1;
   for (; argv[argc]; argc++)
      p -= strlen(argv[argc]) + 1;
   p &= ~15UL;
   p -= strlen("x86_64") + 1;
   p -= 16;
   p -= 16 * n_auxv;
   p -= 8 * (argc + 1 + envc + 1 + 1);
   return p & ~15UL;
}

UNIT_TEST(stack_image_layout_as_linux)
{
   static HChar a0[] = "prog", a1[] = "-x", a2[] = "arg two";
   static HChar e0[] = "A=1", e1[] = "HOME=/root", e2[] = "ODD=12345";
   HChar* argv[] = { a0, a1, a2, NULL };
   HChar* envp[] = { e0, e1, e2, NULL };
   UChar random[16];
   for (int i = 0; i < 16; i++)
      random[i] = (UChar)(0xa0 + i);
   IIStackSpec spec;
   IIStackLayout L;
   init_spec(&spec, argv, envp, random);

   memset(stack_buf, 0xee, sizeof stack_buf);
   UT_CHECK(VG_(ii_build_stack_image)(&spec, TOP, stack_buf,
                                      sizeof stack_buf, &L));
   UT_CHECK_EQ(VG_(ii_stack_image_size)(&spec), TOP - L.sp);

   /* The stack pointer: 16-byte aligned, where Linux puts it. */
   UT_CHECK_EQ(L.sp % 16, 0);
   UT_CHECK_EQ(L.n_auxv, 21);
   UT_CHECK_EQ(L.sp, kernel_sp(argv, envp, spec.execfn, L.n_auxv));

   /* argc, argv, NULL, envp, NULL, auxv: one after the other. */
   UT_CHECK_EQ(word_at(L.sp), 3);
   UT_CHECK_EQ(L.argv, L.sp + 8);
   UT_CHECK_EQ(L.envp, L.argv + 4 * 8);
   UT_CHECK_EQ(L.auxv, L.envp + 4 * 8);
   for (int i = 0; i < 3; i++)
      UT_CHECK_STREQ(str_at(word_at(L.argv + 8 * i)), argv[i]);
   UT_CHECK_EQ(word_at(L.argv + 3 * 8), 0);
   for (int i = 0; i < 3; i++)
      UT_CHECK_STREQ(str_at(word_at(L.envp + 8 * i)), envp[i]);
   UT_CHECK_EQ(word_at(L.envp + 3 * 8), 0);

   /* The auxv: Linux 6's order and our values. */
   static const struct { UWord type; UWord val; } expected[] = {
      { VKI_AT_SYSINFO_EHDR, 0x7ffff7fc1000 },
      { VKI_AT_MINSIGSTKSZ,  2048 },
      { VKI_AT_HWCAP,        0x078bfbff },
      { VKI_AT_PAGESZ,       4096 },
      { VKI_AT_CLKTCK,       100 },
      { VKI_AT_PHDR,         0x555555554040 },
      { VKI_AT_PHENT,        56 },
      { VKI_AT_PHNUM,        13 },
      { VKI_AT_BASE,         0x7ffff7fc3000 },
      { VKI_AT_FLAGS,        0 },
      { VKI_AT_ENTRY,        0x5555555563d0 },
      { VKI_AT_UID,          1000 },
      { VKI_AT_EUID,         1001 },
      { VKI_AT_GID,          1002 },
      { VKI_AT_EGID,         1003 },
      { VKI_AT_SECURE,       0 },
      { VKI_AT_RANDOM,       1 },      /* pointers: checked below */
      { VKI_AT_HWCAP2,       0 },
      { VKI_AT_EXECFN,       1 },
      { VKI_AT_PLATFORM,     1 },
      { VKI_AT_NULL,         0 },
   };
   for (unsigned i = 0; i < sizeof expected / sizeof expected[0]; i++) {
      UWord type = word_at(L.auxv + 16 * i);
      UWord val = word_at(L.auxv + 16 * i + 8);
      if (type != expected[i].type)
         ut_report(__FILE__, __LINE__, "auxv[%u] is type %lu, expected %lu",
                   i, type, expected[i].type);
      else if (expected[i].val != 1 && val != expected[i].val)
         ut_report(__FILE__, __LINE__, "auxv[%u] (type %lu) is %#lx, "
                   "expected %#lx", i, type, val, expected[i].val);
   }
   UT_CHECK_EQ(word_at(L.auxv + 16 * 16 + 8), L.random);
   UT_CHECK_EQ(word_at(L.auxv + 16 * 18 + 8), L.execfn);
   UT_CHECK_EQ(word_at(L.auxv + 16 * 19 + 8), L.platform);

   /* The strings: argv's, envp's, then AT_EXECFN's, packed, ending 8
      bytes below the top; the top word zero. */
   UT_CHECK_EQ(word_at(L.argv), L.strings);
   Addr s = L.strings;
   for (int i = 0; i < 3; i++, s += strlen(argv[i - 1]) + 1)
      UT_CHECK_EQ(word_at(L.argv + 8 * i), s);
   for (int i = 0; i < 3; i++, s += strlen(envp[i - 1]) + 1)
      UT_CHECK_EQ(word_at(L.envp + 8 * i), s);
   UT_CHECK_EQ(L.execfn, s);
   UT_CHECK_STREQ(str_at(L.execfn), "/usr/bin/prog");
   UT_CHECK_EQ(L.execfn + strlen("/usr/bin/prog") + 1, TOP - 8);
   UT_CHECK_EQ(word_at(TOP - 8), 0);

   /* Below the strings, at a 16-byte boundary: the platform, then the
      16 random bytes; then at most 15 bytes of padding above auxv. */
   UT_CHECK_STREQ(str_at(L.platform), "x86_64");
   UT_CHECK_EQ(L.platform + 7, L.strings & ~15UL);
   UT_CHECK_EQ(L.random, L.platform - 16);
   UT_CHECK(memcmp(str_at(L.random), random, 16) == 0);
   const Addr auxv_end = L.auxv + 16 * L.n_auxv;
   UT_CHECK(auxv_end <= L.random && L.random - auxv_end < 16);
   /* Nothing below the stack pointer was written. */
   UT_CHECK_EQ(stack_buf[L.sp - (TOP - sizeof stack_buf) - 1], 0xee);
}

UNIT_TEST(stack_image_edge_cases)
{
   static HChar a0[] = "p";
   HChar* none[] = { NULL };
   HChar* argv[] = { a0, NULL };
   UChar random[16] = { 0 };
   IIStackSpec spec;
   IIStackLayout L;

   /* No arguments, no environment: still a well-formed, aligned image. */
   init_spec(&spec, none, none, random);
   UT_CHECK(VG_(ii_build_stack_image)(&spec, TOP, stack_buf,
                                      sizeof stack_buf, &L));
   UT_CHECK_EQ(L.sp % 16, 0);
   UT_CHECK_EQ(word_at(L.sp), 0);
   UT_CHECK_EQ(word_at(L.sp + 8), 0);
   UT_CHECK_EQ(word_at(L.sp + 16), 0);
   UT_CHECK_EQ(L.sp, kernel_sp(none, none, spec.execfn, L.n_auxv));

   /* Without a vDSO for the client, AT_SYSINFO_EHDR's place holds
      AT_IGNORE. */
   init_spec(&spec, argv, none, random);
   spec.aux.sysinfo_ehdr = 0;
   UT_CHECK(VG_(ii_build_stack_image)(&spec, TOP, stack_buf,
                                      sizeof stack_buf, &L));
   UT_CHECK_EQ(word_at(L.auxv), VKI_AT_IGNORE);
   UT_CHECK_EQ(word_at(L.auxv + 16), VKI_AT_MINSIGSTKSZ);
   UT_CHECK_EQ(L.n_auxv, 21);

   /* Every argv/envp length keeps the stack pointer 16-byte aligned. */
   static HChar grow[64];
   HChar* argv2[] = { grow, NULL };
   for (int len = 0; len < 40; len++) {
      memset(grow, 'a', len);
      grow[len] = '\0';
      init_spec(&spec, argv2, argv2, random);
      UT_CHECK(VG_(ii_build_stack_image)(&spec, TOP, stack_buf,
                                         sizeof stack_buf, &L));
      UT_CHECK_EQ(L.sp % 16, 0);
      UT_CHECK_EQ(L.sp, kernel_sp(argv2, argv2, spec.execfn, L.n_auxv));
   }

   /* Too little room: refused, nothing written. */
   init_spec(&spec, argv, none, random);
   memset(stack_buf, 0x55, sizeof stack_buf);
   UT_CHECK(!VG_(ii_build_stack_image)(&spec, TOP, stack_buf + 16000,
                                       sizeof stack_buf - 16000, &L));
   UT_CHECK_EQ(stack_buf[sizeof stack_buf - 1], 0x55);
}

/* This process's own stack, built by the kernel, has the layout we
   build: its auxv types in the same order (less rseq's), AT_EXECFN
   ending 8 bytes below the stack's top, the platform string just below
   a 16-byte boundary with AT_RANDOM right under it. */
UNIT_TEST(stack_layout_matches_this_process)
{
   unsigned long auxv[2 * 64];
   FILE* f = fopen("/proc/self/auxv", "rb");
   UT_CHECK(f != NULL);
   if (f == NULL)
      return;
   size_t n = fread(auxv, sizeof(unsigned long), 2 * 64, f) / 2;
   fclose(f);

   static HChar a0[] = "p";
   HChar* argv[] = { a0, NULL };
   UChar random[16] = { 0 };
   IIStackSpec spec;
   IIStackLayout L;
   init_spec(&spec, argv, argv, random);
   UT_CHECK(VG_(ii_build_stack_image)(&spec, TOP, stack_buf,
                                      sizeof stack_buf, &L));
   unsigned j = 0;
   for (size_t i = 0; i < n; i++) {
      UWord type = auxv[2 * i];
      if (type == VKI_AT_RSEQ_FEATURE_SIZE || type == VKI_AT_RSEQ_ALIGN
          || type == VKI_AT_HWCAP3 || type == VKI_AT_HWCAP4
          || type == VKI_AT_BASE_PLATFORM)
         continue;
      if (j < L.n_auxv && word_at(L.auxv + 16 * j) != type)
         ut_report(__FILE__, __LINE__, "kernel auxv entry %zu is type %lu, "
                   "ours %lu", i, type, word_at(L.auxv + 16 * j));
      j++;
      if (type == VKI_AT_NULL)
         break;
   }
   UT_CHECK_EQ(j, L.n_auxv);

   /* Where the kernel put the strings, relative to the stack's top. */
   const char* execfn = (const char*)getauxval(AT_EXECFN);
   const char* platform = (const char*)getauxval(AT_PLATFORM);
   const char* rnd = (const char*)getauxval(AT_RANDOM);
   unsigned long top = 0;
   char line[512];
   f = fopen("/proc/self/maps", "r");
   while (f && fgets(line, sizeof line, f)) {
      unsigned long lo, hi;
      if (strstr(line, "[stack]") && sscanf(line, "%lx-%lx", &lo, &hi) == 2)
         top = hi;
   }
   if (f)
      fclose(f);
   UT_CHECK(top != 0);
   UT_CHECK_EQ((unsigned long)execfn + strlen(execfn) + 1, top - 8);
   UT_CHECK_EQ(((unsigned long)platform + strlen(platform) + 1) % 16, 0);
   UT_CHECK_STREQ(platform, "x86_64");
   UT_CHECK_EQ((unsigned long)rnd, (unsigned long)platform - 16);
}

/* ------------------------------------------------------------------ */
/* The environment and the core's auxv                                  */
/* ------------------------------------------------------------------ */

UNIT_TEST(client_env_drops_launcher_and_adds_preload)
{
   static HChar e0[] = "A=1", e1[] = "VALGRIND_LAUNCHER=/usr/bin/valgrind",
                e2[] = "LD_PRELOAD=/old.so", e3[] = "Z=2";
   HChar* envp[] = { e0, e1, e2, e3, NULL };
   HChar** env = VG_(ii_client_env)(envp, NULL);
   UT_CHECK_STREQ(env[0], "A=1");
   UT_CHECK_STREQ(env[1], "LD_PRELOAD=/old.so");
   UT_CHECK_STREQ(env[2], "Z=2");
   UT_CHECK(env[3] == NULL);
   /* The caller's array is left alone. */
   UT_CHECK(envp[1] == e1);

   env = VG_(ii_client_env)(envp, "/vg/core.so:/vg/tool.so");
   UT_CHECK_STREQ(env[1], "LD_PRELOAD=/vg/core.so:/vg/tool.so:/old.so");
   UT_CHECK(env[3] == NULL);

   HChar* envp2[] = { e0, e1, NULL };
   env = VG_(ii_client_env)(envp2, "/vg/core.so");
   UT_CHECK_STREQ(env[0], "A=1");
   UT_CHECK_STREQ(env[1], "LD_PRELOAD=/vg/core.so");
   UT_CHECK(env[2] == NULL);

   static HChar empty[] = "LD_PRELOAD=";
   HChar* envp3[] = { empty, NULL };
   env = VG_(ii_client_env)(envp3, "/vg/core.so");
   UT_CHECK_STREQ(env[0], "LD_PRELOAD=/vg/core.so");
   env = VG_(ii_client_env)(NULL, NULL);
   UT_CHECK(env[0] == NULL);
}

UNIT_TEST(core_auxv_lookup)
{
   static HChar e0[] = "A=1";
   /* An initial-stack-like array: envp, NULL, then the auxv. */
   UWord block[] = { (UWord)e0, 0,
                     VKI_AT_PAGESZ, 4096, VKI_AT_SYSINFO_EHDR, 0x7fff1000,
                     VKI_AT_NULL, 0 };
   VG_(set_core_auxv_from_envp)((HChar**)block);
   UWord v = 0;
   UT_CHECK(VG_(core_auxv_get)(VKI_AT_PAGESZ, &v) && v == 4096);
   UT_CHECK(VG_(core_auxv_get)(VKI_AT_SYSINFO_EHDR, &v) && v == 0x7fff1000);
   UT_CHECK(!VG_(core_auxv_get)(VKI_AT_RANDOM, &v));
   VG_(core_auxv) = NULL;
   UT_CHECK(!VG_(core_auxv_get)(VKI_AT_PAGESZ, &v));
}

/* ------------------------------------------------------------------ */
/* A whole image in the test process                                    */
/* ------------------------------------------------------------------ */

static Addr choose_base(SizeT span, Bool is_interp)
{
   (void)span;
   return is_interp ? 0x310000000000UL : 0x300000000000UL;
}

static unsigned long core_auxv_copy[2 * 64];

/* The core's auxv: this process's. */
static void use_own_auxv(void)
{
   FILE* f = fopen("/proc/self/auxv", "rb");
   if (f) {
      size_t n = fread(core_auxv_copy, 1, sizeof core_auxv_copy - 16, f);
      (void)n;
      fclose(f);
   }
   VG_(core_auxv) = (UWord*)core_auxv_copy;
}

/* Finds TYPE in the client's auxv at AUXV. */
static UWord client_aux(Addr auxv, UWord type)
{
   for (const UWord* a = (const UWord*)auxv; a[0] != VKI_AT_NULL; a += 2)
      if (a[0] == type)
         return a[1];
   return (UWord)-1;
}

static struct { Addr a; SizeT len; Bool r, w, x; } reported[64];
static int n_reported;
static void record_startup(Addr a, SizeT len, Bool r, Bool w, Bool x,
                           ULong di)
{
   (void)di;
   if (n_reported < 64) {
      reported[n_reported].a = a;
      reported[n_reported].len = len;
      reported[n_reported].r = r;
      reported[n_reported].w = w;
      reported[n_reported].x = x;
      n_reported++;
   }
}

UNIT_TEST(create_image_for_bin_true)
{
   static HChar x1[] = "X=1", x2[] = "VALGRIND_LAUNCHER=/x/valgrind";
   static HChar arg1[] = "first", arg2[] = "second one";
   HChar* envp[] = { x1, x2, NULL };
   HChar** saved_env = VG_(core_envp);
   VG_(core_envp) = environ;
   use_own_auxv();

   XArray* args = VG_(newXA)(VG_(malloc), "test.args", VG_(free),
                             sizeof(HChar*));
   HChar* a = arg1;
   VG_(addToXA)(args, &a);
   a = arg2;
   VG_(addToXA)(args, &a);
   IICreateImageInfo ii;
   memset(&ii, 0, sizeof ii);
   ii.exename = "/bin/true";
   ii.args = args;
   ii.envp = envp;
   ii.preload = "/vg/vgpreload_core.so";
   ii.clstack_end = 0x320000000000UL - 1;
   ii.main_stacksize = 1024 * 1024;
   ii.choose_base = choose_base;
   IIFinaliseImageInfo r = VG_(ii_create_image)(&ii);

   /* The stack area and the registers. */
   UT_CHECK_EQ(r.clstack_end, 0x320000000000UL - 1);
   UT_CHECK_EQ(r.clstack_start, 0x320000000000UL - 1024 * 1024);
   UT_CHECK_EQ(r.clstack_max_size, 1024 * 1024);
   UT_CHECK(r.regs.sp > r.clstack_start && r.regs.sp < r.clstack_end);
   UT_CHECK_EQ(r.regs.sp % 16, 0);
   UT_CHECK_EQ(r.regs.atexit_fn, 0);
   UT_CHECK(r.interp_base == 0x310000000000UL);
   UT_CHECK(r.regs.ip > r.interp_base && r.regs.ip < r.interp_base + 0x100000);

   /* What the client will find on it. */
   const UWord* sp = (const UWord*)r.regs.sp;
   UT_CHECK_EQ(sp[0], 3);
   UT_CHECK_EQ(r.client_argv, r.regs.sp + 8);
   UT_CHECK_STREQ((const char*)sp[1], "/bin/true");
   UT_CHECK_STREQ((const char*)sp[2], "first");
   UT_CHECK_STREQ((const char*)sp[3], "second one");
   UT_CHECK_EQ(sp[4], 0);
   UT_CHECK_EQ(r.client_envp, (Addr)&sp[5]);
   UT_CHECK_STREQ((const char*)sp[5], "X=1");
   UT_CHECK_STREQ((const char*)sp[6], "LD_PRELOAD=/vg/vgpreload_core.so");
   UT_CHECK_EQ(sp[7], 0);
   UT_CHECK_EQ(r.client_auxv, (Addr)&sp[8]);
   const Addr auxv = r.client_auxv;
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_PHDR), 0x300000000040UL);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_PHENT), 56);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_BASE), 0x310000000000UL);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_ENTRY), r.entry);
   UT_CHECK(r.entry > 0x300000000000UL && r.entry < 0x300000100000UL);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_PAGESZ), 4096);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_CLKTCK), 100);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_HWCAP), 0x078bfbff);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_HWCAP2), 0);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_SECURE), 0);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_FLAGS), 0);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_MINSIGSTKSZ), 2048);
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_UID), getuid());
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_EGID), getegid());
   UT_CHECK_STREQ((const char*)client_aux(auxv, VKI_AT_EXECFN), "/bin/true");
   UT_CHECK_STREQ((const char*)client_aux(auxv, VKI_AT_PLATFORM), "x86_64");
   UT_CHECK_EQ(client_aux(auxv, VKI_AT_SYSINFO_EHDR),
               getauxval(AT_SYSINFO_EHDR));
   const UChar* rnd = (const UChar*)client_aux(auxv, VKI_AT_RANDOM);
   int nonzero = 0;
   for (int i = 0; i < 16; i++)
      nonzero |= rnd[i];
   UT_CHECK(nonzero);
   UT_CHECK(client_aux(auxv, VKI_AT_RSEQ_FEATURE_SIZE) == (UWord)-1);
   /* The ELF header at AT_PHDR's page, as mapped. */
   UT_CHECK(memcmp((const void*)0x300000000000UL, "\177ELF", 4) == 0);
   /* The brk area starts past the executable. */
   UT_CHECK(r.brk_base > 0x300000000000UL && r.brk_base % 4096 == 0);
   UT_CHECK(r.vdso_start == getauxval(AT_SYSINFO_EHDR) && r.vdso_len > 0);

   /* What the tool hears about: every mapping, the used stack with the
      red zone, the vDSO. */
   n_reported = 0;
   VG_(ii_report_startup_mem)(&r, record_startup);
   UT_CHECK_EQ(n_reported, VG_(sizeXA)(r.mappings) + 2);
   UT_CHECK_EQ(reported[n_reported - 2].a, r.regs.sp - 128);
   UT_CHECK_EQ(reported[n_reported - 2].a + reported[n_reported - 2].len,
               r.clstack_end + 1);
   UT_CHECK(reported[n_reported - 2].r && reported[n_reported - 2].w
            && !reported[n_reported - 2].x);
   UT_CHECK_EQ(reported[n_reported - 1].a, r.vdso_start);
   UT_CHECK(reported[0].a == 0x300000000000UL && reported[0].r
            && !reported[0].w);
   VG_(core_envp) = saved_env;
}

/* A script, without a vDSO: argv gets the interpreter in front, and
   AT_EXECFN is the script. */
UNIT_TEST(create_image_for_script)
{
   char dir[] = "/tmp/vg_ut_initimg_XXXXXX", script[64];
   if (mkdtemp(dir) == NULL)
      return;
   snprintf(script, sizeof script, "%s/s.sh", dir);
   FILE* f = fopen(script, "w");
   fputs("#!/bin/sh -eu\nexit 0\n", f);
   fclose(f);
   chmod(script, 0700);

   static HChar arg1[] = "x";
   HChar* envp[] = { NULL };
   use_own_auxv();
   XArray* args = VG_(newXA)(VG_(malloc), "test.args", VG_(free),
                             sizeof(HChar*));
   HChar* a = arg1;
   VG_(addToXA)(args, &a);
   IICreateImageInfo ii;
   memset(&ii, 0, sizeof ii);
   ii.exename = script;
   ii.args = args;
   ii.envp = envp;
   ii.clstack_end = 0x320000000000UL - 1;
   ii.main_stacksize = 1;             /* raised to the 1MB minimum */
   ii.hide_vdso = True;
   ii.choose_base = choose_base;
   IIFinaliseImageInfo r = VG_(ii_create_image)(&ii);
   const UWord* sp = (const UWord*)r.regs.sp;
   UT_CHECK_EQ(r.clstack_max_size, 1024 * 1024);
   UT_CHECK_EQ(sp[0], 4);
   UT_CHECK_STREQ((const char*)sp[1], "/bin/sh");
   UT_CHECK_STREQ((const char*)sp[2], "-eu");
   UT_CHECK_STREQ((const char*)sp[3], script);
   UT_CHECK_STREQ((const char*)sp[4], "x");
   UT_CHECK_EQ(sp[5], 0);
   UT_CHECK_EQ(sp[6], 0);                      /* empty environment */
   UT_CHECK_STREQ((const char*)client_aux(r.client_auxv, VKI_AT_EXECFN),
                  script);
   UT_CHECK_EQ(((const UWord*)r.client_auxv)[0], VKI_AT_IGNORE);
   UT_CHECK_EQ(r.vdso_len, 0);
   unlink(script);
   rmdir(dir);
}

/* ------------------------------------------------------------------ */
/* The proof: a built image runs natively                               */
/* ------------------------------------------------------------------ */

/* Leaves this process for the client: the ABI's entry state, as the
   kernel would set it. */
static void enter_client(const IIInitialRegs* regs) __attribute__((noreturn));
static void enter_client(const IIInitialRegs* regs)
{
   __asm__ volatile("mov %0, %%rsp\n\t"
                    "jmp *%1\n\t"
                    : : "r"(regs->sp), "r"(regs->ip), "d"(regs->atexit_fn)
                    : "memory");
   __builtin_unreachable();
}

static const HChar* native_exe;
static HChar* native_args[4];

static void load_and_enter(void)
{
   static HChar e0[] = "NATIVE_TEST=yes";
   HChar* envp[] = { e0, NULL };
   use_own_auxv();
   VG_(core_envp) = environ;
   XArray* args = VG_(newXA)(VG_(malloc), "test.args", VG_(free),
                             sizeof(HChar*));
   for (int i = 0; native_args[i]; i++)
      VG_(addToXA)(args, &native_args[i]);
   IICreateImageInfo ii;
   memset(&ii, 0, sizeof ii);
   ii.exename = native_exe;
   ii.args = args;
   ii.envp = envp;
   ii.clstack_end = 0x320000000000UL - 1;
   ii.choose_base = choose_base;
   IIFinaliseImageInfo r = VG_(ii_create_image)(&ii);
   fflush(stdout);
   enter_client(&r.regs);
}

/* /bin/sh, loaded with its dynamic linker by m_ume, started on a stack
   built by m_initimg, runs a command line that looks at its argv and
   environment: the dynamic linker accepted the auxv (AT_PHDR, AT_BASE,
   AT_ENTRY, AT_RANDOM...) and the program got its arguments. */
UNIT_TEST(built_image_runs_natively)
{
   char out[512];
   static HChar c[] = "-c", cmd[] = "echo \"$0 $1 $NATIVE_TEST\"; exit 7",
                a0[] = "zero";
   native_exe = "/bin/sh";
   native_args[0] = c;
   native_args[1] = cmd;
   native_args[2] = a0;
   native_args[3] = NULL;
   int status = ut_run_captured(load_and_enter, out, sizeof out);
   if (!WIFEXITED(status) || WEXITSTATUS(status) != 7)
      ut_report(__FILE__, __LINE__, "wait status %#x", status);
   UT_CHECK_STREQ(out, "zero  yes\n");
}

/* The same with static executables compiled here (-static, and
   -static-pie, which relocates itself from its auxv). */
static void run_static_natively(const char* flags)
{
   char dir[] = "/tmp/vg_ut_initimg_XXXXXX", src[64], prog[64], cmd[256];
   char out[512], expected[256];
   static HChar a1[] = "one";
   if (mkdtemp(dir) == NULL)
      return;
   snprintf(src, sizeof src, "%s/p.c", dir);
   snprintf(prog, sizeof prog, "%s/p", dir);
   FILE* f = fopen(src, "w");
   fputs("#include <stdio.h>\n#include <stdlib.h>\n#include <sys/auxv.h>\n"
         "int main(int argc, char** argv) {\n"
         "   printf(\"%d %s %s %s\\n\", argc, argv[1], getenv(\"NATIVE_TEST\"),"
         " (char*)getauxval(AT_EXECFN));\n"
         "   return 5;\n}\n", f);
   fclose(f);
   snprintf(cmd, sizeof cmd, "cc %s -o %s %s >/dev/null 2>&1", flags, prog,
            src);
   if (system(cmd) != 0) {
      fprintf(stderr, "  note: cannot build a %s program; skipped\n", flags);
   } else {
      native_exe = prog;
      native_args[0] = a1;
      native_args[1] = NULL;
      int status = ut_run_captured(load_and_enter, out, sizeof out);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 5)
         ut_report(__FILE__, __LINE__, "%s: wait status %#x", flags, status);
      snprintf(expected, sizeof expected, "2 one yes %s\n", prog);
      UT_CHECK_STREQ(out, expected);
   }
   unlink(src);
   unlink(prog);
   rmdir(dir);
}

UNIT_TEST(built_static_image_runs_natively)
{
   run_static_natively("-static");
   run_static_natively("-static-pie");
}

/* And a "#!" script: the shell gets the script's path and arguments as
   the kernel would give them. */
UNIT_TEST(built_script_image_runs_natively)
{
   char dir[] = "/tmp/vg_ut_initimg_XXXXXX", script[64], out[512], exp[256];
   static HChar a1[] = "arg";
   if (mkdtemp(dir) == NULL)
      return;
   snprintf(script, sizeof script, "%s/s.sh", dir);
   FILE* f = fopen(script, "w");
   fputs("#!/bin/sh -u\necho \"$0 $1 $NATIVE_TEST\"\nexit 3\n", f);
   fclose(f);
   chmod(script, 0700);
   native_exe = script;
   native_args[0] = a1;
   native_args[1] = NULL;
   int status = ut_run_captured(load_and_enter, out, sizeof out);
   if (!WIFEXITED(status) || WEXITSTATUS(status) != 3)
      ut_report(__FILE__, __LINE__, "wait status %#x", status);
   snprintf(exp, sizeof exp, "%s arg yes\n", script);
   UT_CHECK_STREQ(out, exp);
   unlink(script);
   rmdir(dir);
}
