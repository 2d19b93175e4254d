/* Reading function symbols from ELF files (see priv_readelf.h).

   Files are read with pread into blocks of the DINFO arena: the header,
   the section header table, the section names and the few sections
   needed.  Every offset, size and index the file states is checked
   against the file's real size or the table it indexes before use. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_mallocfree.h"
#include "pub_core_ume.h"
#include "priv_storage.h"
#include "priv_readelf.h"

/* ELF constants of the generic ABI that the kernel headers lack. */
#define ELF_SHT_SYMTAB      2
#define ELF_SHT_NOTE        7
#define ELF_SHT_NOBITS      8
#define ELF_SHT_DYNSYM      11
#define ELF_STB_LOCAL       0
#define ELF_STB_GLOBAL      1
#define ELF_STB_WEAK        2
#define ELF_STT_FUNC        2
#define ELF_STT_GNU_IFUNC   10
#define ELF_NT_GNU_BUILD_ID 3

/* A build ID is a hash: 20 bytes (SHA-1) in practice. */
#define MAX_BUILD_ID_BYTES 64

/* File offsets and sizes are 64 bits even where addresses are not. */
#define ROUND_UP4(x)        (((ULong)(x) + 3) & ~(ULong)3)
#define PAGE_DOWN(x)        ((ULong)(x) & ~(ULong)(VKI_PAGE_SIZE - 1))

/* The largest block read at once: bigger sections are refused. */
#define MAX_BLOCK ((ULong)1 << 30)

typedef struct {
   UInt  name;      /* offset in the section name table */
   UInt  type;
   ULong addr;
   ULong offset;
   ULong size;
   UInt  link;
   ULong entsize;
} ElfSection;

typedef struct {
   Int         fd;
   ULong       size;
   Bool        is64;
   ElfSection* secs;        /* N_SECS, or NULL */
   UInt        n_secs;
   HChar*      sec_names;   /* NUL-guarded; NULL when unreadable */
   ULong       sec_names_size;
} ElfFile;

/* ------------------------------------------------------------------ */
/* Reading the file                                                     */

/* The little-endian value of SIZE (1, 2, 4 or 8) bytes at P. */
static ULong get_le(const UChar* p, UInt size)
{
   ULong v = 0;
   for (UInt i = size; i > 0; i--)
      v = (v << 8) | p[i - 1];
   return v;
}

/* LEN bytes at OFF of F into BUF, all or nothing. */
static Bool read_exact(const ElfFile* f, void* buf, ULong len, ULong off)
{
   if (off > f->size || len > f->size - off || len > MAX_BLOCK)
      return False;
   UChar* p = buf;
   while (len > 0) {
      SysRes r = VG_(pread)(f->fd, p, (Int)len, (Off64T)off);
      if (sr_isError(r) || sr_Res(r) == 0)
         return False;
      p += sr_Res(r);
      off += sr_Res(r);
      len -= sr_Res(r);
   }
   return True;
}

/* LEN bytes at OFF of F in a new block, followed by a NUL so that any
   string in it ends within it; NULL if they cannot be read. */
static HChar* read_block(const ElfFile* f, ULong off, ULong len)
{
   if (off > f->size || len > f->size - off || len > MAX_BLOCK)
      return NULL;
   HChar* b = VG_(arena_malloc)(VG_AR_DINFO, "di.readelf.block", len + 1);
   if (!read_exact(f, b, len, off)) {
      VG_(arena_free)(VG_AR_DINFO, b);
      return NULL;
   }
   b[len] = '\0';
   return b;
}

/* The reader m_ume's checks want. */
static Long read_for_ume(void* opaque, void* buf, SizeT len, ULong off)
{
   const ElfFile* f = opaque;
   if (off >= f->size)
      return 0;
   ULong n = VG_MIN((ULong)len, f->size - off);
   return read_exact(f, buf, n, off) ? (Long)n : -1;
}

/* ------------------------------------------------------------------ */
/* Opening and the section headers                                     */

static void close_elf(ElfFile* f)
{
   if (f->secs != NULL)
      VG_(arena_free)(VG_AR_DINFO, f->secs);
   if (f->sec_names != NULL)
      VG_(arena_free)(VG_AR_DINFO, f->sec_names);
   VG_(close)(f->fd);
}

static void decode_section(const UChar* p, Bool is64, ElfSection* s)
{
   s->name = (UInt)get_le(p + 0, 4);
   s->type = (UInt)get_le(p + 4, 4);
   if (is64) {
      s->addr    = get_le(p + 16, 8);
      s->offset  = get_le(p + 24, 8);
      s->size    = get_le(p + 32, 8);
      s->link    = (UInt)get_le(p + 40, 4);
      s->entsize = get_le(p + 56, 8);
   } else {
      s->addr    = get_le(p + 12, 4);
      s->offset  = get_le(p + 16, 4);
      s->size    = get_le(p + 20, 4);
      s->link    = (UInt)get_le(p + 24, 4);
      s->entsize = get_le(p + 36, 4);
   }
}

/* Reads the section headers and their names.  A file without them (or
   with a table that does not fit) is left with none. */
static void read_sections(ElfFile* f, const UChar* ehdr)
{
   const ULong shoff   = f->is64 ? get_le(ehdr + 40, 8) : get_le(ehdr + 32, 4);
   const UInt  entsize = (UInt)get_le(ehdr + (f->is64 ? 58 : 46), 2);
   const UInt  shnum   = (UInt)get_le(ehdr + (f->is64 ? 60 : 48), 2);
   const UInt  strndx  = (UInt)get_le(ehdr + (f->is64 ? 62 : 50), 2);
   if (shoff == 0 || shnum == 0 || entsize != (f->is64 ? 64u : 40u))
      return;
   UChar* raw = (UChar*)read_block(f, shoff, (ULong)shnum * entsize);
   if (raw == NULL)
      return;
   f->secs = VG_(arena_malloc)(VG_AR_DINFO, "di.readelf.secs",
                               shnum * sizeof *f->secs);
   f->n_secs = shnum;
   for (UInt i = 0; i < shnum; i++)
      decode_section(raw + (SizeT)i * entsize, f->is64, &f->secs[i]);
   VG_(arena_free)(VG_AR_DINFO, raw);
   if (strndx < shnum && f->secs[strndx].type != ELF_SHT_NOBITS) {
      f->sec_names = read_block(f, f->secs[strndx].offset,
                                f->secs[strndx].size);
      f->sec_names_size = f->sec_names ? f->secs[strndx].size : 0;
   }
}

/* Opens PATH into F.  When DEV/INO are not 0 the file must be that
   one. */
static Bool open_file(const HChar* path, ULong dev, ULong ino, ElfFile* f)
{
   VG_(memset)(f, 0, sizeof *f);
   SysRes sr = VG_(open)(path, VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return False;
   f->fd = (Int)sr_Res(sr);
   struct vg_stat st;
   if (VG_(fstat)(f->fd, &st) != 0 || st.size <= 0
       || (dev != 0 && (st.dev != dev || st.ino != ino))) {
      VG_(close)(f->fd);
      return False;
   }
   f->size = (ULong)st.size;
   return True;
}

/* Checks that F is a little-endian ELF file of class CLS for MACHINE
   and reads its section headers. */
static Bool read_headers(ElfFile* f, UInt cls, UInt machine)
{
   UChar ehdr[VKI_ELF64_EHDR_SIZE];
   f->is64 = cls == VKI_ELFCLASS64;
   if (!read_exact(f, ehdr, f->is64 ? VKI_ELF64_EHDR_SIZE
                                    : VKI_ELF32_EHDR_SIZE, 0)
       || VG_(memcmp)(ehdr, VKI_ELFMAG, VKI_SELFMAG) != 0
       || ehdr[VKI_EI_CLASS] != cls
       || ehdr[VKI_EI_DATA] != VKI_ELFDATA2LSB
       || get_le(ehdr + 18, 2) != machine)
      return False;
   read_sections(f, ehdr);
   return True;
}

/* The section named NAME, or NULL. */
static const ElfSection* section_named(const ElfFile* f, const HChar* name)
{
   for (UInt i = 0; f->sec_names != NULL && i < f->n_secs; i++)
      if (f->secs[i].name < f->sec_names_size
          && VG_(strcmp)(f->sec_names + f->secs[i].name, name) == 0)
         return &f->secs[i];
   return NULL;
}

/* The first section of TYPE, or NULL. */
static const ElfSection* section_of_type(const ElfFile* f, UInt type)
{
   for (UInt i = 0; i < f->n_secs; i++)
      if (f->secs[i].type == type)
         return &f->secs[i];
   return NULL;
}

/* ------------------------------------------------------------------ */
/* Build IDs and debug links                                            */

/* The GNU build ID of F, in lower-case hex into HEX (at least
   2 * MAX_BUILD_ID_BYTES + 1 bytes), from its note sections. */
static Bool read_build_id(const ElfFile* f, HChar* hex)
{
   for (UInt i = 0; i < f->n_secs; i++) {
      const ElfSection* s = &f->secs[i];
      if (s->type != ELF_SHT_NOTE)
         continue;
      const UChar* notes = (const UChar*)read_block(f, s->offset, s->size);
      if (notes == NULL)
         continue;
      Bool found = False;
      /* Each note: namesz, descsz, type, the name and the descriptor,
         each padded to 4 bytes. */
      for (ULong at = 0; !found && at <= s->size && s->size - at >= 12; ) {
         const ULong namesz = get_le(notes + at, 4);
         const ULong descsz = get_le(notes + at + 4, 4);
         const UInt  type   = (UInt)get_le(notes + at + 8, 4);
         const ULong name_at = at + 12;
         const ULong desc_at = name_at + ROUND_UP4(namesz);
         if (desc_at > s->size || descsz > s->size - desc_at)
            break;
         if (type == ELF_NT_GNU_BUILD_ID && namesz == 4
             && VG_(memcmp)(notes + name_at, "GNU", 4) == 0
             && descsz > 0 && descsz <= MAX_BUILD_ID_BYTES) {
            for (ULong j = 0; j < descsz; j++)
               VG_(sprintf)(hex + 2 * j, "%02x", notes[desc_at + j]);
            found = True;
         }
         at = desc_at + ROUND_UP4(descsz);
      }
      VG_(arena_free)(VG_AR_DINFO, (void*)notes);
      if (found)
         return True;
   }
   return False;
}

/* The CRC-32 (ISO 3309, as .gnu_debuglink uses) of the whole of F. */
static Bool file_crc32(const ElfFile* f, UInt* crc_out)
{
   const ULong chunk = 65536;
   UChar* buf = VG_(arena_malloc)(VG_AR_DINFO, "di.readelf.crc", chunk);
   UInt crc = 0xFFFFFFFFu;
   Bool ok = True;
   for (ULong off = 0; ok && off < f->size; off += chunk) {
      const ULong n = VG_MIN(chunk, f->size - off);
      ok = read_exact(f, buf, n, off);
      for (ULong i = 0; ok && i < n; i++) {
         crc ^= buf[i];
         for (Int bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
      }
   }
   VG_(arena_free)(VG_AR_DINFO, buf);
   *crc_out = ~crc;
   return ok;
}

/* Opens PATH as the debug file of an object: it must have a symbol
   table, and the object's build ID BUILD_ID (when not NULL), else the
   CRC the debug link gives. */
static Bool open_debug_candidate(const HChar* path, UInt cls, UInt machine,
                                 const HChar* build_id, UInt crc,
                                 ElfFile* dbg)
{
   if (!open_file(path, 0, 0, dbg))
      return False;
   HChar id[2 * MAX_BUILD_ID_BYTES + 1];
   UInt file_crc;
   Bool ok = read_headers(dbg, cls, machine)
             && section_of_type(dbg, ELF_SHT_SYMTAB) != NULL
             && (build_id != NULL
                    ? read_build_id(dbg, id) && VG_(strcmp)(id, build_id) == 0
                    : file_crc32(dbg, &file_crc) && file_crc == crc);
   if (!ok)
      close_elf(dbg);
   return ok;
}

/* Finds and opens the separate debug file of F, the object at PATH. */
static Bool open_debug_file(const ElfFile* f, const HChar* path, UInt cls,
                            UInt machine, ElfFile* dbg)
{
   HChar id[2 * MAX_BUILD_ID_BYTES + 1];
   HChar cand[VKI_PATH_MAX];
   const Bool have_id = read_build_id(f, id);
   if (have_id) {
      VG_(snprintf)(cand, sizeof cand, "/usr/lib/debug/.build-id/%.2s/%s.debug",
                    id, id + 2);
      if (open_debug_candidate(cand, cls, machine, id, 0, dbg))
         return True;
   }

   /* .gnu_debuglink: the file's name, NUL, padding to 4, its CRC. */
   const ElfSection* link = section_named(f, ".gnu_debuglink");
   if (link == NULL || link->type == ELF_SHT_NOBITS)
      return False;
   HChar* data = read_block(f, link->offset, link->size);
   if (data == NULL)
      return False;
   const SizeT name_len = VG_(strlen)(data);
   const ULong crc_at = ROUND_UP4(name_len + 1);
   const HChar* slash = VG_(strrchr)(path, '/');
   Bool found = False;
   if (name_len > 0 && crc_at + 4 <= link->size && slash != NULL) {
      const UInt crc = (UInt)get_le((const UChar*)data + crc_at, 4);
      const Int dir_len = (Int)(slash - path);
      /* DIR/NAME, DIR/.debug/NAME, /usr/lib/debug/DIR/NAME. */
      for (UInt i = 0; !found && i < 3; i++) {
         VG_(snprintf)(cand, sizeof cand, "%s%.*s%s%s",
                       i == 2 ? "/usr/lib/debug" : "", dir_len, path,
                       i == 1 ? "/.debug/" : "/", data);
         found = open_debug_candidate(cand, cls, machine,
                                      have_id ? id : NULL, crc, dbg);
      }
   }
   VG_(arena_free)(VG_AR_DINFO, data);
   return found;
}

/* ------------------------------------------------------------------ */
/* Symbols                                                              */

/* Where the functions are to be found: .text in memory, and what to add
   to a symbol's value for its address in memory. */
typedef struct {
   Addr     text_lo;
   Addr     text_hi;     /* one past the end */
   PtrdiffT bias;
} SymTarget;

/* Adds to OUT (from *N on) the function symbols of the symbol table TAB
   of F that overlap T's .text; their names point into *STRTAB_OUT, the
   table's string table, read here (NULL when nothing was added). */
static void add_functions(const ElfFile* f, const ElfSection* tab,
                          const SymTarget* t, DiSym* out, UWord* n,
                          HChar** strtab_out)
{
   *strtab_out = NULL;
   const UInt sym_size = f->is64 ? 24 : 16;
   if (tab->type == ELF_SHT_NOBITS || tab->link >= f->n_secs
       || (tab->entsize != 0 && tab->entsize != sym_size))
      return;
   const ElfSection* strsec = &f->secs[tab->link];
   const ULong count = tab->size / sym_size;
   const UChar* raw = (const UChar*)read_block(f, tab->offset,
                                               count * sym_size);
   HChar* strtab = strsec->type == ELF_SHT_NOBITS
                      ? NULL : read_block(f, strsec->offset, strsec->size);
   const UWord first = *n;
   for (ULong i = 0; raw != NULL && strtab != NULL && i < count; i++) {
      const UChar* p = raw + i * sym_size;
      const ULong name  = get_le(p, 4);
      const UInt  info  = (UInt)get_le(p + (f->is64 ? 4 : 12), 1);
      const ULong value = get_le(p + (f->is64 ? 8 : 4), f->is64 ? 8 : 4);
      const ULong size  = get_le(p + (f->is64 ? 16 : 8), f->is64 ? 8 : 4);
      const UInt bind = info >> 4, type = info & 0xf;
      const Addr avma = (Addr)value + (Addr)t->bias;
      if ((bind != ELF_STB_LOCAL && bind != ELF_STB_GLOBAL
           && bind != ELF_STB_WEAK)
          || (type != ELF_STT_FUNC && type != ELF_STT_GNU_IFUNC)
          || name >= strsec->size || strtab[name] == '\0'
          || size == 0 || value == 0
          || avma + size < avma                       /* wraps */
          || avma + size <= t->text_lo || avma >= t->text_hi)
         continue;
      out[(*n)++] = (DiSym){ .avma = avma, .size = (SizeT)size,
                             .name = strtab + name };
   }
   if (raw != NULL)
      VG_(arena_free)(VG_AR_DINFO, (void*)raw);
   if (*n == first && strtab != NULL) {
      VG_(arena_free)(VG_AR_DINFO, strtab);
      strtab = NULL;
   }
   *strtab_out = strtab;
}

/* How many symbols table TAB of F can hold at most (0 when it does not
   lie within the file). */
static ULong symbol_capacity(const ElfFile* f, const ElfSection* tab)
{
   if (tab == NULL || tab->type == ELF_SHT_NOBITS || tab->offset > f->size
       || tab->size > f->size - tab->offset)
      return 0;
   return tab->size / (f->is64 ? 24 : 16);
}

/* Gives OBJ its strings block: FILENAME, then the names of its symbols,
   which are made to point there. */
static void copy_strings(DiObject* obj, const HChar* filename)
{
   SizeT total = VG_(strlen)(filename) + 1;
   for (UWord i = 0; i < obj->n_syms; i++)
      total += VG_(strlen)(obj->syms[i].name) + 1;
   HChar* s = VG_(arena_malloc)(VG_AR_DINFO, "di.readelf.strings", total);
   obj->strings = s;
   obj->strings_size = total;
   obj->filename = s;
   VG_(strcpy)(s, filename);
   s += VG_(strlen)(s) + 1;
   for (UWord i = 0; i < obj->n_syms; i++) {
      VG_(strcpy)(s, obj->syms[i].name);
      obj->syms[i].name = s;
      s += VG_(strlen)(s) + 1;
   }
}

/* The function symbols of F (its .symtab, or DBG's when F has none and
   DBG is not NULL, and F's .dynsym), canonical, into OBJ, with
   FILENAME. */
static void read_functions(const ElfFile* f, const ElfFile* dbg,
                           const SymTarget* t, const SymTarget* dbg_t,
                           const HChar* filename, DiObject* obj)
{
   const ElfSection* symtab = section_of_type(f, ELF_SHT_SYMTAB);
   const ElfFile* symtab_file = f;
   const SymTarget* symtab_t = t;
   if (symtab == NULL && dbg != NULL) {
      symtab = section_of_type(dbg, ELF_SHT_SYMTAB);
      symtab_file = dbg;
      symtab_t = dbg_t;
   }
   const ElfSection* dynsym = section_of_type(f, ELF_SHT_DYNSYM);
   const ULong cap = symbol_capacity(symtab_file, symtab)
                     + symbol_capacity(f, dynsym);
   DiSym* syms = VG_(arena_malloc)(VG_AR_DINFO, "di.readelf.syms",
                                   (cap > 0 ? cap : 1) * sizeof *syms);
   UWord n = 0;
   HChar* strtabs[2] = { NULL, NULL };
   if (symtab != NULL)
      add_functions(symtab_file, symtab, symtab_t, syms, &n, &strtabs[0]);
   if (dynsym != NULL)
      add_functions(f, dynsym, t, syms, &n, &strtabs[1]);
   obj->n_syms = ML_(canonicalise_symtab)(syms, n);
   obj->syms = VG_(arena_realloc)(VG_AR_DINFO, "di.readelf.syms", syms,
                                  (obj->n_syms > 0 ? obj->n_syms : 1)
                                  * sizeof *syms);
   copy_strings(obj, filename);
   for (UInt i = 0; i < 2; i++)
      if (strtabs[i] != NULL)
         VG_(arena_free)(VG_AR_DINFO, strtabs[i]);
}

/* ------------------------------------------------------------------ */
/* The object                                                           */

/* The load bias of M's mapping of a file with program headers SUM: from
   the PT_LOAD that M's file offset starts (failing that, lies in). */
static Bool mapping_bias(const UmeElfSummary* sum, const DiMapping* m,
                         PtrdiffT* bias)
{
   const UmePhdr* seg = NULL;
   for (UInt i = 0; i < sum->e_phnum; i++) {
      const UmePhdr* ph = &sum->phdrs[i];
      const ULong page_start = PAGE_DOWN(ph->offset);
      if (ph->type != VKI_PT_LOAD || (ULong)m->foff < page_start
          || (ULong)m->foff >= ph->offset + ph->filesz)
         continue;
      if (seg == NULL || page_start == (ULong)m->foff)
         seg = ph;
   }
   if (seg == NULL)
      return False;
   *bias = (PtrdiffT)(m->avma - (Addr)m->foff + (Addr)seg->offset
                      - (Addr)seg->vaddr);
   return True;
}

/* Checks that F is an ELF object of this platform of which M maps the
   part holding .text; says where .text is in memory (*T) and F's class
   and machine. */
static Bool locate_text(ElfFile* f, const DiMapping* m, SymTarget* t,
                        UInt* cls, UInt* machine)
{
   /* m_ume's checks: an ELF object for this platform, with sane program
      headers. */
   UmeElfSummary* sum = VG_(arena_malloc)(VG_AR_DINFO, "di.readelf.sum",
                                          sizeof *sum);
   HChar why[256];
   PtrdiffT bias = 0;
   const Bool ok = VG_(ume_check_elf)(read_for_ume, f, f->size, sum, why,
                                      sizeof why)
                   && mapping_bias(sum, m, &bias);
   *cls = sum->ei_class;
   *machine = sum->e_machine;
   VG_(arena_free)(VG_AR_DINFO, sum);
   if (!ok || !read_headers(f, *cls, *machine))
      return False;
   const ElfSection* text = section_named(f, ".text");
   if (text == NULL || text->type == ELF_SHT_NOBITS || text->size == 0)
      return False;
   t->bias = bias;
   t->text_lo = (Addr)text->addr + (Addr)bias;
   t->text_hi = t->text_lo + (Addr)text->size;
   return t->text_lo >= m->avma && t->text_hi > t->text_lo
          && t->text_hi - m->avma <= m->len;
}

Bool ML_(read_elf_object)(const DiMapping* m, DiObject* obj)
{
   ElfFile f;
   SymTarget t;
   UInt cls, machine;
   if (!open_file(m->filename, m->dev, m->ino, &f))
      return False;
   if (!locate_text(&f, m, &t, &cls, &machine)) {
      close_elf(&f);
      return False;
   }
   VG_(memset)(obj, 0, sizeof *obj);
   obj->text_avma = t.text_lo;
   obj->text_size = t.text_hi - t.text_lo;
   obj->text_bias = t.bias;
   ElfFile dbg;
   const Bool have_dbg = section_of_type(&f, ELF_SHT_SYMTAB) == NULL
                         && open_debug_file(&f, m->filename, cls, machine,
                                            &dbg);
   SymTarget dbg_t = t;
   if (have_dbg) {
      /* The debug file's addresses are those of the object it was split
         from; its own .text header says where that put .text. */
      const ElfSection* dbg_text = section_named(&dbg, ".text");
      if (dbg_text != NULL && dbg_text->size == obj->text_size)
         dbg_t.bias = (PtrdiffT)(t.text_lo - (Addr)dbg_text->addr);
   }
   read_functions(&f, have_dbg ? &dbg : NULL, &t, &dbg_t, m->filename, obj);
   if (have_dbg)
      close_elf(&dbg);
   close_elf(&f);
   return True;
}
