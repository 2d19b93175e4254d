/* The client's initial image (module m_initimg), the part that is the
   same on every Linux platform: the stack image of Linux's
   create_elf_tables, the client's environment, mapping the stack, and
   the core's own auxiliary vector.  What differs per platform is in
   initimg-<platform>.c.

   The stack, from its top down (as Linux 6 builds it, without
   address-space randomisation):

      top - 8        a zero word
                     the AT_EXECFN string (the path given to execve)
                     the environment strings, envp[0] lowest
                     the argument strings, argv[0] lowest
                     (down to a 16-byte boundary)
                     the AT_PLATFORM string ("x86_64")
                     AT_RANDOM's 16 bytes
                     (padding)
                     auxv: (type, value) pairs, AT_NULL last
                     NULL, envp[envc-1] ... envp[0]
                     NULL, argv[argc-1] ... argv[0]
      sp             argc                    (sp 16-byte aligned) */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcassert.h"
#include "pub_core_syscall.h"
#include "pub_core_mallocfree.h"
#include "pub_core_xarray.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_ume.h"
#include "pub_core_initimg.h"
#include "priv_initimg.h"

/* ------------------------------------------------------------------ */
/* The core's own auxv.                                                 */
/* ------------------------------------------------------------------ */

UWord* VG_(core_auxv) = NULL;

void VG_(set_core_auxv_from_envp)(HChar** envp)
{
   HChar** e = envp;
   while (*e != NULL)
      e++;
   VG_(core_auxv) = (UWord*)(e + 1);
}

Bool VG_(core_auxv_get)(UWord type, UWord* value)
{
   if (VG_(core_auxv) == NULL)
      return False;
   for (const UWord* a = VG_(core_auxv); a[0] != VKI_AT_NULL; a += 2) {
      if (a[0] == type) {
         *value = a[1];
         return True;
      }
   }
   return False;
}

/* ------------------------------------------------------------------ */
/* The environment.                                                     */
/* ------------------------------------------------------------------ */

HChar** VG_(ii_client_env)(HChar** envp, const HChar* preload)
{
   static const HChar ld_preload[] = "LD_PRELOAD=";
   const SizeT ld_preload_len = sizeof ld_preload - 1;
   Int n = 0;
   while (envp != NULL && envp[n] != NULL)
      n++;
   HChar** env = VG_(malloc)("initimg.client_env", (n + 2) * sizeof(HChar*));
   for (Int i = 0; i < n; i++)
      env[i] = envp[i];
   env[n] = NULL;

   /* The launcher's own variable is not the client's business. */
   VG_(env_unsetenv)(env, "VALGRIND_LAUNCHER");

   if (preload == NULL || preload[0] == '\0')
      return env;
   Int i = 0;
   while (env[i] != NULL && !VG_STREQN(ld_preload_len, env[i], ld_preload))
      i++;
   const HChar* old = env[i] ? env[i] + ld_preload_len : "";
   SizeT len = ld_preload_len + VG_(strlen)(preload) + 1
               + VG_(strlen)(old) + 1;
   HChar* entry = VG_(malloc)("initimg.client_env.preload", len);
   if (old[0] != '\0')
      VG_(snprintf)(entry, len, "%s%s:%s", ld_preload, preload, old);
   else
      VG_(snprintf)(entry, len, "%s%s", ld_preload, preload);
   if (env[i] == NULL)
      env[i + 1] = NULL;
   env[i] = entry;
   return env;
}

/* ------------------------------------------------------------------ */
/* The stack image.                                                     */
/* ------------------------------------------------------------------ */

#define MAX_AUXV 32
#define W ((Addr)sizeof(UWord))

/* The auxv of SPEC, with the addresses of the strings and random bytes
   in the image, in Linux's order; returns the number of entries with
   AT_NULL. */
static UInt make_auxv(const IIStackSpec* spec, Addr execfn, Addr platform,
                      Addr random, IIAuxEntry* out)
{
   const IIAuxFacts* f = &spec->aux;
   UInt n = ML_(ii_arch_dlinfo)(f, out);
#  define ENT(t, v) do { out[n].type = (t); out[n].val = (UWord)(v); n++; } \
                    while (0)
   ENT(VKI_AT_HWCAP,   f->hwcap);
   ENT(VKI_AT_PAGESZ,  f->pagesz);
   ENT(VKI_AT_CLKTCK,  f->clktck);
   ENT(VKI_AT_PHDR,    f->phdr);
   ENT(VKI_AT_PHENT,   f->phent);
   ENT(VKI_AT_PHNUM,   f->phnum);
   ENT(VKI_AT_BASE,    f->base);
   ENT(VKI_AT_FLAGS,   f->flags);
   ENT(VKI_AT_ENTRY,   f->entry);
   ENT(VKI_AT_UID,     f->uid);
   ENT(VKI_AT_EUID,    f->euid);
   ENT(VKI_AT_GID,     f->gid);
   ENT(VKI_AT_EGID,    f->egid);
   ENT(VKI_AT_SECURE,  f->secure);
   ENT(VKI_AT_RANDOM,  random);
   ENT(VKI_AT_HWCAP2,  f->hwcap2);
   ENT(VKI_AT_EXECFN,  execfn);
   if (platform != 0)
      ENT(VKI_AT_PLATFORM, platform);
   /* No AT_RSEQ_FEATURE_SIZE / AT_RSEQ_ALIGN: the core refuses rseq, as
      Valgrind does, so glibc must not count on it. */
   ENT(VKI_AT_NULL, 0);
#  undef ENT
   vg_assert(n <= MAX_AUXV);
   return n;
}

static UInt count_strings(HChar* const* v)
{
   UInt n = 0;
   while (v != NULL && v[n] != NULL)
      n++;
   return n;
}

/* Works out where everything goes below TOP; the auxv into AUXV.
   Returns the initial stack pointer. */
static Addr plan_image(const IIStackSpec* spec, Addr top, IIStackLayout* L,
                       IIAuxEntry* auxv)
{
   const UInt argc = count_strings(spec->argv);
   const UInt envc = count_strings(spec->envp);
   VG_(memset)(L, 0, sizeof *L);

   Addr p = top - W;
   p -= VG_(strlen)(spec->execfn) + 1;
   L->execfn = p;
   for (UInt i = envc; i > 0; i--)
      p -= VG_(strlen)(spec->envp[i - 1]) + 1;
   for (UInt i = argc; i > 0; i--)
      p -= VG_(strlen)(spec->argv[i - 1]) + 1;
   L->strings = p;

   p = VG_ROUNDDN(p, 16);
   if (ML_(ii_platform) != NULL) {
      p -= VG_(strlen)(ML_(ii_platform)) + 1;
      L->platform = p;
   }
   p -= 16;
   L->random = p;

   L->n_auxv = make_auxv(spec, L->execfn, L->platform, L->random, auxv);
   Addr sp = p - 2 * W * L->n_auxv;
   const Addr items = (Addr)argc + 1 + envc + 1 + 1;
   sp = VG_ROUNDDN(sp - items * W, 16);
   L->sp   = sp;
   L->argv = sp + W;
   L->envp = L->argv + (argc + 1) * W;
   L->auxv = L->envp + (envc + 1) * W;
   return sp;
}

SizeT VG_(ii_stack_image_size)(const IIStackSpec* spec)
{
   IIStackLayout L;
   IIAuxEntry auxv[MAX_AUXV];
   /* The layout does not depend on where the top is, as long as it is
      16-byte aligned. */
   const Addr top = (Addr)1 << (8 * sizeof(Addr) - 2);
   return top - plan_image(spec, top, &L, auxv);
}

/* Copies LEN bytes from SRC to client address A of the image. */
static void put_bytes(UChar* mem, Addr mem_base, Addr a, const void* src,
                      SizeT len)
{
   VG_(memcpy)(mem + (a - mem_base), src, len);
}

static void put_word(UChar* mem, Addr mem_base, Addr a, UWord w)
{
   put_bytes(mem, mem_base, a, &w, sizeof w);
}

Bool VG_(ii_build_stack_image)(const IIStackSpec* spec, Addr top,
                               UChar* mem, SizeT size, IIStackLayout* out)
{
   IIAuxEntry auxv[MAX_AUXV];
   const Addr sp = plan_image(spec, top, out, auxv);
   if (top - sp > size)
      return False;
   const Addr base = top - size;
   const UInt argc = count_strings(spec->argv);
   const UInt envc = count_strings(spec->envp);

   VG_(memset)(mem + (sp - base), 0, top - sp);

   /* The strings, and the arrays pointing at them. */
   Addr s = out->strings;
   put_word(mem, base, sp, argc);
   for (UInt i = 0; i < argc; i++) {
      SizeT len = VG_(strlen)(spec->argv[i]) + 1;
      put_bytes(mem, base, s, spec->argv[i], len);
      put_word(mem, base, out->argv + i * W, s);
      s += len;
   }
   put_word(mem, base, out->argv + argc * W, 0);
   for (UInt i = 0; i < envc; i++) {
      SizeT len = VG_(strlen)(spec->envp[i]) + 1;
      put_bytes(mem, base, s, spec->envp[i], len);
      put_word(mem, base, out->envp + i * W, s);
      s += len;
   }
   put_word(mem, base, out->envp + envc * W, 0);
   vg_assert(s == out->execfn);
   put_bytes(mem, base, out->execfn, spec->execfn,
             VG_(strlen)(spec->execfn) + 1);

   if (out->platform != 0)
      put_bytes(mem, base, out->platform, ML_(ii_platform),
                VG_(strlen)(ML_(ii_platform)) + 1);
   put_bytes(mem, base, out->random, spec->random, 16);

   for (UInt i = 0; i < out->n_auxv; i++) {
      put_word(mem, base, out->auxv + 2 * i * W, auxv[i].type);
      put_word(mem, base, out->auxv + (2 * i + 1) * W, auxv[i].val);
   }
   return True;
}

/* ------------------------------------------------------------------ */
/* Creating the image.                                                  */
/* ------------------------------------------------------------------ */

/* AT_RANDOM's bytes: fresh ones from the kernel, else the core's own
   AT_RANDOM bytes (as Valgrind gives the client), else the clock. */
static void get_random_bytes(UChar* out)
{
   SysRes sr = VG_(do_syscall3)(__NR_getrandom, (UWord)out, 16,
                                1 /* GRND_NONBLOCK */);
   if (!sr_isError(sr) && sr_Res(sr) == 16)
      return;
   UWord a;
   if (VG_(core_auxv_get)(VKI_AT_RANDOM, &a) && a != 0) {
      VG_(memcpy)(out, (const void*)a, 16);
      return;
   }
   UInt seed = (UInt)VG_(read_millisecond_timer)() ^ (UInt)VG_(getpid)();
   for (UInt i = 0; i < 16; i++)
      out[i] = (UChar)VG_(random)(&seed);
}

/* The size of the client's main stack: Valgrind's rule. */
static SizeT main_stack_size(SizeT requested)
{
   const SizeT m1 = 1024 * 1024, m16 = 16 * m1;
   SizeT size = requested;
   if (size == 0) {
      struct vki_rlimit rl;
      size = VG_(getrlimit)(VKI_RLIMIT_STACK, &rl) == 0 ? rl.rlim_cur
                                                        : 8 * m1;
      size = VG_MIN(VG_MAX(size, m1), m16);
   }
   size = VG_MAX(size, m1);
   return VG_ROUNDUP(size, VKI_PAGE_SIZE);
}

/* Reads the vDSO's headers in memory (they are all its image holds
   that m_ume's checks read). */
static Long read_memory(void* opaque, void* buf, SizeT len, ULong offset)
{
   VG_(memcpy)(buf, (const UChar*)opaque + offset, len);
   return (Long)len;
}

/* The extent of the vDSO whose ELF header is at EHDR. */
static void find_vdso(Addr ehdr, Addr* start, SizeT* len)
{
   HChar why[256];
   UmeElfSummary* sum = VG_(malloc)("initimg.find_vdso", sizeof *sum);
   *start = ehdr;
   *len = VKI_PAGE_SIZE;
   if (VG_(ume_check_elf)(read_memory, (void*)ehdr, 1024 * 1024, sum, why,
                          sizeof why)
       && sum->e_type == VKI_ET_DYN) {
      *start = ehdr + (Addr)sum->load_lo;
      *len = (SizeT)(sum->load_hi - sum->load_lo);
   }
   VG_(free)(sum);
}

IIFinaliseImageInfo VG_(ii_create_image)(const IICreateImageInfo* ii)
{
   IIFinaliseImageInfo r;
   VG_(memset)(&r, 0, sizeof r);
   ExeInfo* info = VG_(calloc)("initimg.create_image.info", 1, sizeof *info);
   info->choose_base = ii->choose_base;

   VG_(debugLog)(2, "initimg", "Loading client\n");
   VG_(do_exec)(ii->exename, info);
   VG_(debugLog)(2, "initimg", "client %s at %#lx-%#lx, entry %#lx, "
                 "brk base %#lx\n", info->elf_path, info->exe_base,
                 info->exe_end, info->entry, info->brkbase);
   if (info->interp_base != 0)
      VG_(debugLog)(2, "initimg", "dynamic linker at %#lx-%#lx, first "
                    "instruction %#lx\n", info->interp_base,
                    info->interp_end, info->init_ip);

   /* argv: the "#!" interpreters and script in place of argv[0]. */
   const Word n_args = ii->args ? VG_(sizeXA)(ii->args) : 0;
   const Int n_front = info->n_argv_prefix > 0 ? info->n_argv_prefix : 1;
   HChar** argv = VG_(malloc)("initimg.create_image.argv",
                              (n_front + n_args + 1) * sizeof(HChar*));
   if (info->n_argv_prefix > 0) {
      for (Int i = 0; i < n_front; i++)
         argv[i] = info->argv_prefix[i];
   } else {
      argv[0] = (HChar*)ii->exename;
   }
   for (Word i = 0; i < n_args; i++)
      argv[n_front + i] = *(HChar**)VG_(indexXA)(ii->args, i);
   argv[n_front + n_args] = NULL;

   VG_(debugLog)(2, "initimg", "Setting up the client's environment\n");
   HChar** env = VG_(ii_client_env)(ii->envp, ii->preload);

   UChar random[16];
   get_random_bytes(random);
   IIStackSpec spec;
   VG_(memset)(&spec, 0, sizeof spec);
   spec.argv   = argv;
   spec.envp   = env;
   spec.execfn = info->execfn;
   spec.random = random;
   IIAuxFacts* f = &spec.aux;
   f->phdr   = info->phdr;
   f->phent  = info->phent;
   f->phnum  = info->phnum;
   f->base   = info->interp_offset;
   f->flags  = 0;
   f->entry  = info->entry;
   f->uid    = VG_(getuid)();
   f->euid   = VG_(geteuid)();
   f->gid    = VG_(getgid)();
   f->egid   = VG_(getegid)();
   f->secure = 0;
   if (!VG_(core_auxv_get)(VKI_AT_PAGESZ, &f->pagesz))
      f->pagesz = VKI_PAGE_SIZE;
   f->clktck = 100;          /* USER_HZ, on every Linux platform */
   f->hwcap  = VG_(machine_hwcap);
   f->hwcap2 = VG_(machine_hwcap2);
   if (ii->hide_vdso || !VG_(core_auxv_get)(VKI_AT_SYSINFO_EHDR,
                                            &f->sysinfo_ehdr))
      f->sysinfo_ehdr = 0;
   f->minsigstksz = ML_(ii_minsigstksz);

   /* The stack: the image and the 128KB below it that the kernel maps
      at first; the rest of the stack's maximum size is a reservation it
      grows into when the client touches it (m_signals'
      VG_(extend_stack), as the kernel grows a stack). */
   const SizeT max_size = main_stack_size(ii->main_stacksize);
   const Addr end = ii->clstack_end ? ii->clstack_end
                                    : ML_(ii_default_clstack_end);
   const Addr top = end + 1;
   vg_assert(VG_IS_ALIGNED(top, VKI_PAGE_SIZE) && top > max_size);
   const Addr start = top - max_size;
   const SizeT need = VG_(ii_stack_image_size)(&spec);
   VG_(debugLog)(2, "initimg", "Setting up the client stack: %#lx-%#lx "
                 "(%lu bytes), image %lu bytes\n", start, end, max_size,
                 need);
   if (need > max_size / 4) {
      /* Linux refuses arguments and environment over a quarter of the
         stack limit (E2BIG). */
      VG_(fmsg)("%s: %s\n", info->execfn,
                VG_(strerror)(VKI_E2BIG));
      VG_(exit)(1);
   }
   const SizeT init_size = VG_MIN(max_size,
                                  VG_ROUNDUP(need, VKI_PAGE_SIZE)
                                  + 128 * 1024);
   SysRes sr = VG_(am_mmap_anon_fixed_client)(top - init_size, init_size,
                                              info->stack_prot);
   if (sr_isError(sr)) {
      VG_(fmsg)("cannot map the client's stack at %#lx-%#lx: %s\n",
                start, end, VG_(strerror)(sr_Err(sr)));
      VG_(exit)(1);
   }
   if (init_size < max_size
       && !VG_(am_create_reservation)(start, max_size - init_size, SmUpper,
                                      0))
      VG_(debugLog)(1, "initimg", "no room below the client stack for it "
                    "to grow\n");
   IIStackLayout L;
   Bool ok = VG_(ii_build_stack_image)(&spec, top,
                                       (UChar*)(top - init_size),
                                       init_size, &L);
   vg_assert(ok);

   ML_(ii_initial_regs)(L.sp, info->init_ip, &r.regs);
   r.clstack_start    = start;
   r.clstack_end      = end;
   r.clstack_max_size = max_size;
   r.brk_base         = info->brkbase;
   r.client_argv      = L.argv;
   r.client_envp      = L.envp;
   r.client_auxv      = L.auxv;
   r.entry            = info->entry;
   r.interp_base      = info->interp_offset;
   r.stack_prot       = info->stack_prot;
   r.mappings         = info->mappings;
   r.exe_path         = VG_(strdup)("initimg.exe_path", info->elf_path);
   if (f->sysinfo_ehdr != 0)
      find_vdso(f->sysinfo_ehdr, &r.vdso_start, &r.vdso_len);
   VG_(debugLog)(2, "initimg", "initial sp %#lx, ip %#lx\n", r.regs.sp,
                 r.regs.ip);

   VG_(free)(env);
   VG_(free)(argv);
   VG_(free)(info);
   return r;
}

void VG_(ii_report_startup_mem)(
   const IIFinaliseImageInfo* r,
   void (*new_mem_startup)(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                           ULong di_handle))
{
   for (Word i = 0; r->mappings && i < VG_(sizeXA)(r->mappings); i++) {
      const UmeMapping* m = VG_(indexXA)(r->mappings, i);
      new_mem_startup(m->start, m->len, (m->prot & VKI_PROT_READ) != 0,
                      (m->prot & VKI_PROT_WRITE) != 0,
                      (m->prot & VKI_PROT_EXEC) != 0, 0);
   }
   const Addr lo = r->regs.sp - ML_(ii_stack_redzone);
   new_mem_startup(lo, r->clstack_end + 1 - lo, True, True,
                   (r->stack_prot & VKI_PROT_EXEC) != 0, 0);
   if (r->vdso_len != 0)
      new_mem_startup(r->vdso_start, r->vdso_len, True, False, True, 0);
}
