/* ELF loading (module m_ume): the checks of an executable's headers, the
   plan of its mappings, and mapping it and its PT_INTERP dynamic linker
   the way Linux's binfmt_elf does.

   The checks read the file's fields one by one at their ELF offsets
   (little-endian), so they work whatever the file's class and never
   trust a count or an offset before it has been checked against the
   file's size. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcassert.h"
#include "pub_core_syscall.h"
#include "pub_core_mallocfree.h"
#include "pub_core_xarray.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_ume.h"
#include "priv_ume.h"

/* ------------------------------------------------------------------ */
/* What this platform runs, and where it puts position-independent      */
/* executables.                                                         */
/* ------------------------------------------------------------------ */

#if defined(VGA_amd64)
#  define EXPECTED_CLASS      VKI_ELFCLASS64
#  define EXPECTED_MACHINE    VKI_EM_X86_64
   /* TASK_SIZE with 4-level page tables: the top of user space. */
#  define USER_ADDR_LIMIT     0x800000000000ULL
   /* ELF_ET_DYN_BASE (2/3 of TASK_SIZE, page-aligned): where Linux puts
      a PIE with address-space randomisation off. */
#  define DEFAULT_EXE_BASE    0x555555554000UL
#  define DEFAULT_INTERP_BASE 0x4000000UL
#elif defined(VGA_x86)
#  define EXPECTED_CLASS      VKI_ELFCLASS32
#  define EXPECTED_MACHINE    VKI_EM_386
   /* A 32-bit process on a 64-bit kernel. */
#  define USER_ADDR_LIMIT     0xFFFFE000ULL
#  define DEFAULT_EXE_BASE    0x56555000UL
#  define DEFAULT_INTERP_BASE 0x4000000UL
#elif defined(VGA_arm64)
#  define EXPECTED_CLASS      VKI_ELFCLASS64
#  define EXPECTED_MACHINE    VKI_EM_AARCH64
#  define USER_ADDR_LIMIT     0x1000000000000ULL
#  define DEFAULT_EXE_BASE    0xaaaaaaaaa000UL
#  define DEFAULT_INTERP_BASE 0x4000000UL
#else
#  error "unknown architecture"
#endif

#define PAGE VKI_PAGE_SIZE
#define PG_DOWN(a) ((ULong)(a) & ~(ULong)(PAGE - 1))
#define PG_UP(a)   PG_DOWN((ULong)(a) + PAGE - 1)

Addr VG_(ume_default_base)(SizeT span, Bool is_interp)
{
   (void)span;
   return is_interp ? DEFAULT_INTERP_BASE : DEFAULT_EXE_BASE;
}

/* ------------------------------------------------------------------ */
/* Names for the messages.                                              */
/* ------------------------------------------------------------------ */

static const HChar* class_name(UInt c)
{
   switch (c) {
      case VKI_ELFCLASS32: return "ELFCLASS32";
      case VKI_ELFCLASS64: return "ELFCLASS64";
      default:             return "?";
   }
}

static const HChar* machine_name(UInt m)
{
   switch (m) {
      case VKI_EM_386:     return "EM_386";
      case VKI_EM_ARM:     return "EM_ARM";
      case VKI_EM_X86_64:  return "EM_X86_64";
      case VKI_EM_AARCH64: return "EM_AARCH64";
      default:             return NULL;
   }
}

static const HChar* type_name(UInt t)
{
   switch (t) {
      case 0:           return "ET_NONE";
      case VKI_ET_REL:  return "ET_REL";
      case VKI_ET_CORE: return "ET_CORE";
      default:          return NULL;
   }
}

/* ------------------------------------------------------------------ */
/* The checks.                                                          */
/* ------------------------------------------------------------------ */

/* The little-endian value of SIZE bytes at P. */
static ULong rd(const UChar* p, UInt size)
{
   ULong v = 0;
   for (UInt i = size; i > 0; i--)
      v = (v << 8) | p[i - 1];
   return v;
}

static Bool why_not(HChar* why, SizeT why_size, const HChar* format, ...)
   PRINTF_CHECK(3, 4);
static Bool why_not(HChar* why, SizeT why_size, const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   VG_(vsnprintf)(why, why_size, format, vargs);
   va_end(vargs);
   return False;
}

/* Whether [off, off + len) lies within a file of FILE_SIZE bytes,
   without overflowing. */
static Bool within_file(ULong off, ULong len, ULong file_size)
{
   return off <= file_size && len <= file_size - off;
}

/* Decodes the program header at P of a file of class CLS. */
static void decode_phdr(const UChar* p, UInt cls, UmePhdr* ph)
{
   if (cls == VKI_ELFCLASS64) {
      ph->type   = (UInt)rd(p + 0, 4);
      ph->flags  = (UInt)rd(p + 4, 4);
      ph->offset = rd(p + 8, 8);
      ph->vaddr  = rd(p + 16, 8);
      ph->filesz = rd(p + 32, 8);
      ph->memsz  = rd(p + 40, 8);
      ph->align  = rd(p + 48, 8);
   } else {
      ph->type   = (UInt)rd(p + 0, 4);
      ph->offset = rd(p + 4, 4);
      ph->vaddr  = rd(p + 8, 4);
      ph->filesz = rd(p + 16, 4);
      ph->memsz  = rd(p + 20, 4);
      ph->flags  = (UInt)rd(p + 24, 4);
      ph->align  = rd(p + 28, 4);
   }
}

/* The identification and file header. */
static Bool check_ehdr(UmeReadFn read, void* opaque, ULong file_size,
                       UmeElfSummary* out, HChar* why, SizeT why_size)
{
   UChar eh[VKI_ELF64_EHDR_SIZE];
   VG_(memset)(eh, 0, sizeof eh);
   SizeT want = file_size < sizeof eh ? (SizeT)file_size : sizeof eh;
   Long got = read(opaque, eh, want, 0);
   if (got < 0)
      return why_not(why, why_size, "cannot read the ELF header");

   if (got < VKI_SELFMAG) {
      if (got > 0 && VG_(memcmp)(eh, VKI_ELFMAG, (SizeT)got) == 0)
         return why_not(why, why_size,
                        "truncated ELF header (file is %lld bytes)", got);
      return why_not(why, why_size, "not an ELF file (bad magic)");
   }
   if (VG_(memcmp)(eh, VKI_ELFMAG, VKI_SELFMAG) != 0)
      return why_not(why, why_size, "not an ELF file (bad magic)");

   const UInt cls = got > VKI_EI_CLASS ? eh[VKI_EI_CLASS] : 0;
   const UInt data = got > VKI_EI_DATA ? eh[VKI_EI_DATA] : 0;
   const UInt ident_version = got > VKI_EI_VERSION ? eh[VKI_EI_VERSION] : 0;
   if (got <= VKI_EI_VERSION)
      return why_not(why, why_size,
                     "truncated ELF header (file is %lld bytes)", got);
   if (cls != VKI_ELFCLASS32 && cls != VKI_ELFCLASS64)
      return why_not(why, why_size, "invalid ELF class %u", cls);
   if (cls != EXPECTED_CLASS)
      return why_not(why, why_size, "wrong ELF class %s (expected %s)",
                     class_name(cls), class_name(EXPECTED_CLASS));
   if (data != VKI_ELFDATA2LSB && data != VKI_ELFDATA2MSB)
      return why_not(why, why_size, "invalid ELF data encoding %u", data);
   if (data != VKI_ELFDATA2LSB)
      return why_not(why, why_size,
                     "wrong byte order ELFDATA2MSB (expected ELFDATA2LSB)");
   if (ident_version != VKI_EV_CURRENT)
      return why_not(why, why_size, "invalid ELF version %u", ident_version);

   const Bool is64 = cls == VKI_ELFCLASS64;
   const UInt ehdr_size = is64 ? VKI_ELF64_EHDR_SIZE : VKI_ELF32_EHDR_SIZE;
   if ((ULong)got < ehdr_size)
      return why_not(why, why_size,
                     "truncated ELF header (file is %lld bytes)", got);

   const UInt  e_type      = (UInt)rd(eh + 16, 2);
   const UInt  e_machine   = (UInt)rd(eh + 18, 2);
   const UInt  e_version   = (UInt)rd(eh + 20, 4);
   const ULong e_entry     = is64 ? rd(eh + 24, 8) : rd(eh + 24, 4);
   const ULong e_phoff     = is64 ? rd(eh + 32, 8) : rd(eh + 28, 4);
   const UInt  e_phentsize = (UInt)rd(eh + (is64 ? 54 : 42), 2);
   const UInt  e_phnum     = (UInt)rd(eh + (is64 ? 56 : 44), 2);
   const UInt  phdr_size   = is64 ? VKI_ELF64_PHDR_SIZE
                                  : VKI_ELF32_PHDR_SIZE;

   if (e_version != VKI_EV_CURRENT)
      return why_not(why, why_size, "invalid ELF version %u in e_version",
                     e_version);
   if (e_type != VKI_ET_EXEC && e_type != VKI_ET_DYN) {
      const HChar* name = type_name(e_type);
      if (name)
         return why_not(why, why_size, "not an executable (ELF type %s)",
                        name);
      return why_not(why, why_size, "not an executable (ELF type %#x)",
                     e_type);
   }
   if (e_machine != EXPECTED_MACHINE) {
      const HChar* name = machine_name(e_machine);
      if (name)
         return why_not(why, why_size, "wrong architecture %s (expected %s)",
                        name, machine_name(EXPECTED_MACHINE));
      return why_not(why, why_size,
                     "wrong architecture: machine %u (expected %s)",
                     e_machine, machine_name(EXPECTED_MACHINE));
   }
   if (e_phentsize != phdr_size)
      return why_not(why, why_size, "bad e_phentsize %u (expected %u)",
                     e_phentsize, phdr_size);
   if (e_phnum == 0)
      return why_not(why, why_size, "no program headers");
   /* Linux reads at most one page of program headers. */
   if ((ULong)e_phnum * phdr_size > PAGE)
      return why_not(why, why_size,
                     "too many program headers (%u; at most %u)",
                     e_phnum, (UInt)(PAGE / phdr_size));
   if (!within_file(e_phoff, (ULong)e_phnum * phdr_size, file_size))
      return why_not(why, why_size,
                     "program headers at offset %#llx (%u bytes) lie "
                     "outside the file (%llu bytes)",
                     e_phoff, e_phnum * phdr_size, file_size);

   out->ei_class    = cls;
   out->e_type      = e_type;
   out->e_machine   = e_machine;
   out->e_entry     = e_entry;
   out->e_phoff     = e_phoff;
   out->e_phentsize = e_phentsize;
   out->e_phnum     = e_phnum;
   return True;
}

/* One PT_LOAD segment, the INDEX-th program header; PREV is the
   previous PT_LOAD with a size in memory, or NULL. */
static Bool check_load(const UmePhdr* ph, UInt index, const UmePhdr* prev,
                       UInt prev_index, ULong file_size,
                       HChar* why, SizeT why_size)
{
   if (ph->filesz > ph->memsz)
      return why_not(why, why_size,
                     "segment %u: p_filesz %#llx is larger than p_memsz "
                     "%#llx", index, ph->filesz, ph->memsz);
   if (((ph->offset - ph->vaddr) & (PAGE - 1)) != 0)
      return why_not(why, why_size,
                     "segment %u: p_offset %#llx and p_vaddr %#llx differ "
                     "modulo the page size", index, ph->offset, ph->vaddr);
   if (!within_file(ph->offset, ph->filesz, file_size))
      return why_not(why, why_size,
                     "segment %u: file data at offset %#llx (%#llx bytes) "
                     "lie outside the file (%llu bytes)",
                     index, ph->offset, ph->filesz, file_size);
   if (ph->vaddr >= USER_ADDR_LIMIT
       || ph->memsz > USER_ADDR_LIMIT - ph->vaddr
       || PG_UP(ph->vaddr + ph->memsz) > USER_ADDR_LIMIT)
      return why_not(why, why_size,
                     "segment %u: addresses %#llx-%#llx lie outside the "
                     "user address space", index, ph->vaddr,
                     ph->vaddr + ph->memsz);
   if (prev && ph->vaddr < prev->vaddr + prev->memsz) {
      if (ph->vaddr + ph->memsz <= prev->vaddr)
         return why_not(why, why_size,
                        "segment %u lies below segment %u: PT_LOAD "
                        "segments must be in ascending address order",
                        index, prev_index);
      return why_not(why, why_size,
                     "segment %u (%#llx-%#llx) overlaps segment %u "
                     "(%#llx-%#llx)", index, ph->vaddr,
                     ph->vaddr + ph->memsz, prev_index, prev->vaddr,
                     prev->vaddr + prev->memsz);
   }
   return True;
}

/* PT_INTERP: a NUL-terminated path of sensible length in the file. */
static Bool read_interp(UmeReadFn read, void* opaque, const UmePhdr* ph,
                        ULong file_size, UmeElfSummary* out,
                        HChar* why, SizeT why_size)
{
   if (out->has_interp)
      return why_not(why, why_size, "more than one PT_INTERP");
   if (ph->filesz < 2 || ph->filesz > VKI_PATH_MAX)
      return why_not(why, why_size, "bad PT_INTERP size %llu", ph->filesz);
   if (!within_file(ph->offset, ph->filesz, file_size))
      return why_not(why, why_size,
                     "PT_INTERP at offset %#llx (%llu bytes) lies outside "
                     "the file (%llu bytes)", ph->offset, ph->filesz,
                     file_size);
   Long got = read(opaque, out->interp, (SizeT)ph->filesz, ph->offset);
   if (got != (Long)ph->filesz)
      return why_not(why, why_size, "cannot read PT_INTERP");
   if (out->interp[ph->filesz - 1] != '\0')
      return why_not(why, why_size, "PT_INTERP path is not NUL-terminated");
   if (out->interp[0] == '\0')
      return why_not(why, why_size, "PT_INTERP path is empty");
   out->has_interp = True;
   return True;
}

Bool VG_(ume_check_elf)(UmeReadFn read, void* opaque, ULong file_size,
                        UmeElfSummary* out, HChar* why, SizeT why_size)
{
   VG_(memset)(out, 0, sizeof *out);
   if (!check_ehdr(read, opaque, file_size, out, why, why_size))
      return False;

   UChar raw[PAGE];
   const UInt size = out->e_phnum * out->e_phentsize;
   if (read(opaque, raw, size, out->e_phoff) != (Long)size)
      return why_not(why, why_size, "cannot read the program headers");

   const UmePhdr* prev = NULL;
   UInt prev_index = 0;
   Bool have_range = False;
   for (UInt i = 0; i < out->e_phnum; i++) {
      UmePhdr* ph = &out->phdrs[i];
      decode_phdr(raw + i * out->e_phentsize, out->ei_class, ph);
      switch (ph->type) {
         case VKI_PT_LOAD:
            if (!check_load(ph, i, prev, prev_index, file_size,
                            why, why_size))
               return False;
            out->n_load++;
            if (ph->memsz == 0)
               break;
            if (!have_range || PG_DOWN(ph->vaddr) < out->load_lo)
               out->load_lo = PG_DOWN(ph->vaddr);
            if (!have_range || PG_UP(ph->vaddr + ph->memsz) > out->load_hi)
               out->load_hi = PG_UP(ph->vaddr + ph->memsz);
            if (ph->vaddr + ph->memsz > out->load_end)
               out->load_end = ph->vaddr + ph->memsz;
            have_range = True;
            prev = ph;
            prev_index = i;
            break;
         case VKI_PT_INTERP:
            if (!read_interp(read, opaque, ph, file_size, out, why,
                             why_size))
               return False;
            break;
         case VKI_PT_GNU_STACK:
            out->exec_stack = (ph->flags & VKI_PF_X) != 0;
            break;
         default:
            break;
      }
   }
   if (!have_range)
      return why_not(why, why_size, "no loadable segments");

   /* Where the program headers are in memory: as Linux 6 finds them,
      in the loaded file data; PT_PHDR as a fallback. */
   for (UInt i = 0; i < out->e_phnum; i++) {
      const UmePhdr* ph = &out->phdrs[i];
      if (ph->type == VKI_PT_LOAD && ph->offset <= out->e_phoff
          && out->e_phoff - ph->offset < ph->filesz) {
         out->phdr_vaddr = out->e_phoff - ph->offset + ph->vaddr;
         break;
      }
   }
   for (UInt i = 0; out->phdr_vaddr == 0 && i < out->e_phnum; i++) {
      if (out->phdrs[i].type == VKI_PT_PHDR)
         out->phdr_vaddr = out->phdrs[i].vaddr;
   }
   return True;
}

typedef struct {
   const UChar* image;
   SizeT        size;
} ImageReader;

static Long read_image(void* opaque, void* buf, SizeT len, ULong offset)
{
   const ImageReader* r = opaque;
   if (offset >= r->size)
      return 0;
   SizeT n = VG_MIN(len, r->size - (SizeT)offset);
   VG_(memcpy)(buf, r->image + offset, n);
   return (Long)n;
}

Bool VG_(ume_check_elf_image)(const UChar* image, SizeT size,
                              UmeElfSummary* out, HChar* why,
                              SizeT why_size)
{
   ImageReader r = { image, size };
   return VG_(ume_check_elf)(read_image, &r, size, out, why, why_size);
}

/* ------------------------------------------------------------------ */
/* The plan of the mappings.                                            */
/* ------------------------------------------------------------------ */

static UInt prot_of(UInt pflags)
{
   return ((pflags & VKI_PF_R) ? VKI_PROT_READ : 0)
          | ((pflags & VKI_PF_W) ? VKI_PROT_WRITE : 0)
          | ((pflags & VKI_PF_X) ? VKI_PROT_EXEC : 0);
}

/* Appends M to the N mappings at OUT; a later mapping replaces what an
   earlier one had of the same pages, as a later MAP_FIXED does. */
static UInt add_mapping(UmeMapping* out, UInt n, const UmeMapping* m)
{
   while (n > 0 && out[n - 1].start + out[n - 1].len > m->start) {
      UmeMapping* prev = &out[n - 1];
      if (prev->start >= m->start) {
         n--;
         continue;
      }
      prev->len = m->start - prev->start;
      if (prev->zero_from >= m->start)
         prev->zero_from = 0;
      break;
   }
   out[n] = *m;
   return n + 1;
}

UInt VG_(ume_plan_mappings)(const UmeElfSummary* sum, Addr bias,
                            UmeMapping* out)
{
   UInt n = 0;
   for (UInt i = 0; i < sum->e_phnum; i++) {
      const UmePhdr* ph = &sum->phdrs[i];
      if (ph->type != VKI_PT_LOAD || ph->memsz == 0)
         continue;
      const Addr start    = (Addr)ph->vaddr + bias;
      const Addr page     = (Addr)PG_DOWN(start);
      const Addr file_end = start + (Addr)ph->filesz;
      const Addr mem_end  = start + (Addr)ph->memsz;
      const UInt prot     = prot_of(ph->flags);
      Addr anon_from = page;
      if (ph->filesz > 0) {
         UmeMapping m;
         VG_(memset)(&m, 0, sizeof m);
         m.start   = page;
         m.len     = (SizeT)(PG_UP(file_end) - page);
         m.prot    = prot;
         m.is_file = True;
         m.offset  = (Off64T)PG_DOWN(ph->offset);
         /* The rest of the last file page belongs to .bss. */
         if (ph->memsz > ph->filesz && !VG_IS_ALIGNED(file_end, PAGE))
            m.zero_from = file_end;
         m.seg = i;
         n = add_mapping(out, n, &m);
         anon_from = (Addr)PG_UP(file_end);
      }
      if ((Addr)PG_UP(mem_end) > anon_from) {
         UmeMapping m;
         VG_(memset)(&m, 0, sizeof m);
         m.start = anon_from;
         m.len   = (SizeT)(PG_UP(mem_end) - anon_from);
         m.prot  = prot;
         m.seg   = i;
         n = add_mapping(out, n, &m);
      }
   }
   return n;
}

/* ------------------------------------------------------------------ */
/* Loading.                                                             */
/* ------------------------------------------------------------------ */

static Long read_fd(void* opaque, void* buf, SizeT len, ULong offset)
{
   const Int fd = *(const Int*)opaque;
   SizeT done = 0;
   while (done < len) {
      SysRes sr = VG_(pread)(fd, (UChar*)buf + done, (Int)(len - done),
                             (Off64T)(offset + done));
      if (sr_isError(sr))
         return -1;
      if (sr_Res(sr) == 0)
         break;
      done += sr_Res(sr);
   }
   return (Long)done;
}

/* Maps the checked file SUM, open as FD, at its place (ET_EXEC) or at
   a base chosen for it (ET_DYN); *BIAS gets its load bias.  Failures
   are reported for FILE, the messages starting with WHAT (e.g.
   "interpreter /lib/ld.so: "). */
static Bool map_elf(ExeInfo* info, const HChar* file, const HChar* what,
                    Int fd, const UmeElfSummary* sum, Bool is_interp,
                    Addr* bias)
{
   *bias = 0;
   if (sum->e_type == VKI_ET_DYN) {
      const SizeT span = (SizeT)(sum->load_hi - sum->load_lo);
      Addr base = info->choose_base ? info->choose_base(span, is_interp)
                                    : VG_(ume_default_base)(span, is_interp);
      if (base == 0 || !VG_IS_ALIGNED(base, PAGE)
          || base + span < base || base + span > USER_ADDR_LIMIT)
         return ML_(ume_fail)(info, file, "%sno room for %lu bytes of "
                              "segments", what, span);
      *bias = base - (Addr)sum->load_lo;
   }

   UmeMapping* plan = VG_(malloc)("ume.map_elf.plan",
                                  2 * sum->n_load * sizeof(UmeMapping));
   const UInt n = VG_(ume_plan_mappings)(sum, *bias, plan);
   for (UInt i = 0; i < n; i++) {
      UmeMapping* m = &plan[i];
      m->is_interp = is_interp;
      SysRes sr = m->is_file
         ? VG_(am_mmap_file_fixed_client)(m->start, m->len, m->prot, fd,
                                          m->offset)
         : VG_(am_mmap_anon_fixed_client)(m->start, m->len, m->prot);
      if (sr_isError(sr)) {
         const UWord err = sr_Err(sr);
         ML_(ume_fail)(info, file, "%scannot map segment %u at %#lx "
                       "(%lu bytes): %s", what, m->seg, m->start, m->len,
                       err == VKI_EEXIST ? "the address range is in use"
                                         : VG_(strerror)(err));
         VG_(free)(plan);
         return False;
      }
      if (m->zero_from != 0 && (m->prot & VKI_PROT_WRITE))
         VG_(memset)((void*)m->zero_from, 0,
                     m->start + m->len - m->zero_from);
      VG_(addToXA)(info->mappings, m);
   }
   VG_(free)(plan);
   return True;
}

/* The dynamic linker INTERP named by FILE's PT_INTERP. */
static Bool load_interp(ExeInfo* info, const HChar* file,
                        const HChar* interp)
{
   HChar what[VKI_PATH_MAX + 16];
   HChar why[256];
   VG_(snprintf)(what, sizeof what, "interpreter %s: ", interp);

   Int err = VG_(check_executable)(NULL, interp, True);
   if (err != 0)
      return ML_(ume_fail)(info, file, "%s%s", what, VG_(strerror)(err));
   SysRes sr = VG_(open)(interp, VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return ML_(ume_fail)(info, file, "%s%s", what,
                           VG_(strerror)(sr_Err(sr)));
   Int fd = (Int)sr_Res(sr);
   Long size = VG_(fsize)(fd);
   UmeElfSummary* sum = VG_(malloc)("ume.load_interp", sizeof *sum);
   Bool ok = False;
   Addr bias = 0;
   if (size < 0)
      ML_(ume_fail)(info, file, "%scannot find its size", what);
   else if (!VG_(ume_check_elf)(read_fd, &fd, (ULong)size, sum, why,
                                sizeof why))
      ML_(ume_fail)(info, file, "%s%s", what, why);
   else if (sum->has_interp)
      ML_(ume_fail)(info, file, "%shas a PT_INTERP of its own (%s)", what,
                    sum->interp);
   else if (map_elf(info, file, what, fd, sum, True, &bias)) {
      info->interp_offset = bias;
      info->interp_base   = (Addr)sum->load_lo + bias;
      info->interp_end    = (Addr)sum->load_hi + bias;
      info->init_ip       = (Addr)sum->e_entry + bias;
      ok = True;
   }
   VG_(free)(sum);
   VG_(close)(fd);
   return ok;
}

Bool ML_(ume_load_elf)(Int fd, const HChar* name, ULong file_size,
                       ExeInfo* info)
{
   HChar why[256];
   UmeElfSummary* sum = VG_(malloc)("ume.load_elf", sizeof *sum);
   Addr bias = 0;
   if (!VG_(ume_check_elf)(read_fd, &fd, file_size, sum, why, sizeof why)) {
      VG_(free)(sum);
      return ML_(ume_fail)(info, name, "%s", why);
   }
   if (!map_elf(info, name, "", fd, sum, False, &bias)) {
      VG_(free)(sum);
      return False;
   }
   info->exe_bias   = bias;
   info->exe_base   = (Addr)sum->load_lo + bias;
   info->exe_end    = (Addr)sum->load_hi + bias;
   info->phdr       = sum->phdr_vaddr ? (Addr)sum->phdr_vaddr + bias : 0;
   info->phnum      = sum->e_phnum;
   info->phent      = sum->e_phentsize;
   info->entry      = (Addr)sum->e_entry + bias;
   info->init_ip    = info->entry;
   info->brkbase    = (Addr)PG_UP(sum->load_end + bias);
   /* Without PT_GNU_STACK a 64-bit program gets a non-executable stack
      since Linux 5.8; so does any program whose PT_GNU_STACK says so. */
   info->stack_prot = VKI_PROT_READ | VKI_PROT_WRITE
                      | (sum->exec_stack ? VKI_PROT_EXEC : 0);
   Bool ok = True;
   if (sum->has_interp)
      ok = load_interp(info, name, sum->interp);
   VG_(free)(sum);
   return ok;
}
