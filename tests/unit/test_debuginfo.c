/* Unit tests of m_debuginfo: the choice among aliases and the removal of
   overlaps (against a straightforward model of Valgrind's rules on
   random tables), symbol search, reading programs compiled here (an
   executable, a PIE, a static one, one whose symbols are in a separate
   debug file) and the system's C library with a pretend mapping, the
   registry behind the tool interface with real client mappings, and
   corrupt ELF files, which must never crash the reader. */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_mallocfree.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_debuginfo.h"
#include "m_debuginfo/priv_storage.h"
#include "m_debuginfo/priv_readelf.h"

#define PG ((unsigned long)VKI_PAGE_SIZE)
#define PG_DOWN(a) ((unsigned long)(a) & ~(PG - 1))
#define PG_UP(a)   PG_DOWN((unsigned long)(a) + PG - 1)

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* Compiles into DIR a program with an exported function, a local one
   and main, as DIR/NAME with the extra compiler FLAGS.  False if the
   compiler is missing or refuses. */
static int build_prog(const char* dir, const char* name, const char* flags)
{
   char cmd[1024];
   snprintf(cmd, sizeof cmd,
            "cd '%s' && printf '%%s\\n' "
            "'static __attribute__((noinline)) int local_helper(int x)' "
            "'{ __asm__ volatile(\"\"); return x * 7; }' "
            "'__attribute__((noinline)) int compute_something(int n)' "
            "'{ int s = 0; for (int i = 0; i < n; i++) s += local_helper(i);'"
            "' return s; }' "
            "'int main(int argc, char** argv)' "
            "'{ (void)argv; return compute_something(argc) == 12345; }' "
            "> prog.c && cc -O1 %s -o '%s' prog.c >/dev/null 2>&1",
            dir, flags, name);
   return system(cmd) == 0;
}

static void make_dir(char* dir, size_t size)
{
   snprintf(dir, size, "/tmp/vg-di-XXXXXX");
   UT_CHECK(mkdtemp(dir) != NULL);
}

static void remove_tree(const char* dir)
{
   char cmd[300];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   UT_CHECK(system(cmd) == 0);
}

/* Runs the shell command FMT formats; whether it succeeded. */
static int run(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char* fmt, ...)
{
   char cmd[1024];
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(cmd, sizeof cmd, fmt, ap);
   va_end(ap);
   return system(cmd) == 0;
}

/* The whole of PATH in new memory (NULL if unreadable). */
static unsigned char* slurp_file(const char* path, size_t* size)
{
   int fd = open(path, O_RDONLY);
   struct stat st;
   if (fd < 0 || fstat(fd, &st) != 0) {
      if (fd >= 0)
         close(fd);
      return NULL;
   }
   unsigned char* b = malloc((size_t)st.st_size);
   ssize_t got = read(fd, b, (size_t)st.st_size);
   close(fd);
   if (got != st.st_size) {
      free(b);
      return NULL;
   }
   *size = (size_t)st.st_size;
   return b;
}

static void spill_file(const char* path, const unsigned char* b, size_t n)
{
   int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);
   UT_CHECK(fd >= 0 && write(fd, b, n) == (ssize_t)n);
   close(fd);
}

/* What the host's ELF headers say about a 64-bit file. */
typedef struct {
   unsigned char* image;
   size_t size;
   const Elf64_Ehdr* eh;
   const Elf64_Phdr* text_seg;    /* the executable PT_LOAD */
   const Elf64_Shdr* text;
} HostElf;

static const Elf64_Shdr* host_section(const HostElf* e, const char* name)
{
   const Elf64_Shdr* sh = (const Elf64_Shdr*)(e->image + e->eh->e_shoff);
   const char* names = (const char*)e->image + sh[e->eh->e_shstrndx].sh_offset;
   for (int i = 0; i < e->eh->e_shnum; i++)
      if (strcmp(names + sh[i].sh_name, name) == 0)
         return &sh[i];
   return NULL;
}

static int open_host_elf(const char* path, HostElf* e)
{
   memset(e, 0, sizeof *e);
   e->image = slurp_file(path, &e->size);
   if (e->image == NULL)
      return 0;
   e->eh = (const Elf64_Ehdr*)e->image;
   const Elf64_Phdr* ph = (const Elf64_Phdr*)(e->image + e->eh->e_phoff);
   for (int i = 0; i < e->eh->e_phnum; i++)
      if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_X))
         e->text_seg = &ph[i];
   e->text = host_section(e, ".text");
   return e->text_seg != NULL && e->text != NULL;
}

/* The value and size of the symbol NAME of the table of type TYPE. */
static int host_symbol(const HostElf* e, unsigned type, const char* name,
                       unsigned long* value, unsigned long* size)
{
   const Elf64_Shdr* sh = (const Elf64_Shdr*)(e->image + e->eh->e_shoff);
   for (int i = 0; i < e->eh->e_shnum; i++) {
      if (sh[i].sh_type != type)
         continue;
      const Elf64_Sym* sym = (const Elf64_Sym*)(e->image + sh[i].sh_offset);
      const char* str = (const char*)e->image + sh[sh[i].sh_link].sh_offset;
      for (size_t j = 0; j < sh[i].sh_size / sizeof *sym; j++)
         if (strcmp(str + sym[j].st_name, name) == 0 && sym[j].st_size) {
            *value = sym[j].st_value;
            *size = sym[j].st_size;
            return 1;
         }
   }
   return 0;
}

/* A mapping of E's executable segment at BIAS, as a loader makes it. */
static DiMapping text_mapping(const char* path, const HostElf* e, Addr bias)
{
   const Elf64_Phdr* ph = e->text_seg;
   DiMapping m = { .filename = path,
                   .avma = PG_DOWN(ph->p_vaddr) + bias,
                   .len = PG_UP(ph->p_vaddr + ph->p_memsz)
                          - PG_DOWN(ph->p_vaddr),
                   .foff = (Off64T)PG_DOWN(ph->p_offset) };
   return m;
}

/* OBJ's table is sorted, without overlaps, and inside nothing odd. */
static void check_canonical(const DiSym* syms, UWord n)
{
   for (UWord i = 0; i < n; i++) {
      UT_CHECK(syms[i].size > 0);
      UT_CHECK(syms[i].name != NULL);
      if (i > 0)
         UT_CHECK(syms[i - 1].avma + syms[i - 1].size <= syms[i].avma);
   }
}

static void free_object(DiObject* obj)
{
   VG_(arena_free)(VG_AR_DINFO, obj->syms);
   VG_(arena_free)(VG_AR_DINFO, obj->strings);
}

static const char* name_at(const DiObject* obj, Addr a)
{
   const DiSym* s = ML_(search_symtab)(obj->syms, obj->n_syms, a);
   return s ? s->name : NULL;
}

/* ------------------------------------------------------------------ */
/* Names                                                                */

UNIT_TEST(prefer_name_follows_valgrinds_order)
{
   UT_CHECK(ML_(prefer_name)("PMPI_Send", "MPI_Send"));
   UT_CHECK(!ML_(prefer_name)("MPI_Send", "PMPI_Send"));
   UT_CHECK(ML_(prefer_name)("x", "@GLIBC_2.2.5"));     /* empty before @ */
   UT_CHECK(!ML_(prefer_name)("@v", "x"));
   UT_CHECK(ML_(prefer_name)("longer_name", "   "));     /* blank */
   UT_CHECK(!ML_(prefer_name)(" ", "zz"));
   UT_CHECK(ML_(prefer_name)("bcmp", "memcmp"));         /* shorter */
   UT_CHECK(!ML_(prefer_name)("__pthread_mutex_lock", "pthread_mutex_lock"));
   /* The version does not count in the length, and wins a tie. */
   UT_CHECK(ML_(prefer_name)("memcpy@@GLIBC_2.14", "memmove"));
   UT_CHECK(ML_(prefer_name)("pthread_mutex_lock@@GLIBC_2.2.5",
                             "pthread_mutex_lock"));
   UT_CHECK(!ML_(prefer_name)("strlen", "strlen@GLIBC_2.2.5"));
   UT_CHECK(ML_(prefer_name)("abc", "abd"));             /* strcmp */
   UT_CHECK(!ML_(prefer_name)("abd", "abc"));
   UT_CHECK(ML_(prefer_name)("same", "same"));
}

/* ------------------------------------------------------------------ */
/* Canonicalising                                                       */

UNIT_TEST(canonicalise_merges_aliases_and_cuts_overlaps)
{
   DiSym s[] = {
      { 0x3000, 0x10, "__pthread_mutex_lock" },
      { 0x1000, 0x100, "outer" },            /* holds "inner": cut there */
      { 0x1040, 0x10, "inner" },
      { 0x3000, 0x10, "pthread_mutex_lock@@GLIBC_2.2.5" },
      { 0x3000, 0x10, "pthread_mutex_lock" },
      { 0x2000, 0x20, "long" },              /* same start: after short */
      { 0x2000, 0x8, "short" },
      { 0x2000, 0x20, "lon" },               /* alias of "long" */
      { 0x4000, 0x30, "first" },             /* overlaps "second" */
      { 0x4010, 0x30, "second" },
   };
   UWord n = ML_(canonicalise_symtab)(s, VG_N_ELEMS(s));
   UT_CHECK_EQ(n, 7);
   check_canonical(s, n);
   const struct { Addr a; SizeT size; const char* name; } want[] = {
      { 0x1000, 0x40, "outer" }, { 0x1040, 0x10, "inner" },
      { 0x2000, 0x8, "short" }, { 0x2008, 0x18, "lon" },
      { 0x3000, 0x10, "pthread_mutex_lock@@GLIBC_2.2.5" },
      { 0x4000, 0x10, "first" }, { 0x4010, 0x30, "second" },
   };
   for (UWord i = 0; i < n && i < VG_N_ELEMS(want); i++) {
      UT_CHECK_EQ(s[i].avma, want[i].a);
      UT_CHECK_EQ(s[i].size, want[i].size);
      UT_CHECK_STREQ(s[i].name, want[i].name);
   }
   UT_CHECK_EQ(ML_(canonicalise_symtab)(s, 0), 0);
}

UNIT_TEST(canonicalise_staircase_of_same_start)
{
   /* One start, lengths 1..N: each keeps the byte past the previous. */
   enum { N = 2000 };
   static DiSym s[N];
   static char names[N][8];
   for (int i = 0; i < N; i++) {
      snprintf(names[i], sizeof names[i], "f%d", i);
      s[(i * 7) % N] = (DiSym){ 0x10000, (SizeT)i + 1, names[i] };
   }
   UWord n = ML_(canonicalise_symtab)(s, N);
   UT_CHECK_EQ(n, N);
   for (UWord i = 0; i < n; i++) {
      UT_CHECK_EQ(s[i].avma, 0x10000 + i);
      UT_CHECK_EQ(s[i].size, 1);
      UT_CHECK_STREQ(s[i].name, names[i]);
   }
}

/* Valgrind's rules applied literally, pair by pair, until nothing
   changes: the model the heap-based version must agree with. */
static int cmp_start_size(const void* va, const void* vb)
{
   const DiSym* a = va;
   const DiSym* b = vb;
   if (a->avma != b->avma)
      return a->avma < b->avma ? -1 : 1;
   if (a->size != b->size)
      return a->size < b->size ? -1 : 1;
   return 0;
}

static UWord model_canonicalise(DiSym* s, UWord n)
{
   for (int changed = 1; changed; ) {
      changed = 0;
      qsort(s, n, sizeof *s, cmp_start_size);
      UWord w = 0;
      for (UWord r = 0; r < n; r++) {
         if (w > 0 && s[w - 1].avma == s[r].avma
             && s[w - 1].size == s[r].size) {
            if (!ML_(prefer_name)(s[w - 1].name, s[r].name))
               s[w - 1].name = s[r].name;
            changed = 1;
            continue;
         }
         s[w++] = s[r];
      }
      n = w;
      for (UWord i = 0; i + 1 < n && !changed; i++) {
         DiSym* a = &s[i];
         DiSym* b = &s[i + 1];
         if (a->avma + a->size <= b->avma)
            continue;
         if (a->avma < b->avma) {
            a->size = b->avma - a->avma;
         } else {           /* same start, B longer */
            b->avma += a->size;
            b->size -= a->size;
         }
         changed = 1;
      }
   }
   return n;
}

UNIT_TEST(canonicalise_agrees_with_the_model_on_random_tables)
{
   static const char* const pool[] = {
      "a", "bb", "b@V1", "b@@V2", "ccc", "main", "_start", "x@y", "zz"
   };
   UInt seed = 12345;
   for (int round = 0; round < 300; round++) {
      enum { MAXN = 60 };
      DiSym mine[MAXN], model[MAXN];
      UWord n = 1 + VG_(random)(&seed) % MAXN;
      for (UWord i = 0; i < n; i++) {
         mine[i].avma = 0x1000 + VG_(random)(&seed) % 200;
         mine[i].size = 1 + VG_(random)(&seed) % (round % 3 == 0 ? 8 : 60);
         mine[i].name = pool[VG_(random)(&seed) % VG_N_ELEMS(pool)];
         model[i] = mine[i];
      }
      UWord n_mine = ML_(canonicalise_symtab)(mine, n);
      UWord n_model = model_canonicalise(model, n);
      UT_CHECK_EQ(n_mine, n_model);
      check_canonical(mine, n_mine);
      for (UWord i = 0; i < n_mine && i < n_model; i++) {
         UT_CHECK_EQ(mine[i].avma, model[i].avma);
         UT_CHECK_EQ(mine[i].size, model[i].size);
         UT_CHECK_STREQ(mine[i].name, model[i].name);
      }
      if (ut_failures)
         return;
   }
}

UNIT_TEST(search_finds_the_containing_symbol)
{
   const DiSym s[] = { { 0x100, 0x10, "a" }, { 0x110, 0x8, "b" },
                       { 0x200, 0x1, "c" } };
   UT_CHECK(ML_(search_symtab)(s, 3, 0xff) == NULL);
   UT_CHECK(ML_(search_symtab)(s, 3, 0x100) == &s[0]);
   UT_CHECK(ML_(search_symtab)(s, 3, 0x10f) == &s[0]);
   UT_CHECK(ML_(search_symtab)(s, 3, 0x110) == &s[1]);
   UT_CHECK(ML_(search_symtab)(s, 3, 0x117) == &s[1]);
   UT_CHECK(ML_(search_symtab)(s, 3, 0x118) == NULL);   /* a gap */
   UT_CHECK(ML_(search_symtab)(s, 3, 0x200) == &s[2]);
   UT_CHECK(ML_(search_symtab)(s, 3, 0x201) == NULL);
   UT_CHECK(ML_(search_symtab)(s, 0, 0x100) == NULL);
}

/* ------------------------------------------------------------------ */
/* Reading programs                                                     */

/* Reads PATH's executable segment mapped at BIAS and checks the .text
   range, and that the three functions of the program (whose addresses
   SYMS_PATH, PATH or its unstripped copy, gives) are found (FOUND) or
   not. */
static void check_read(const char* path, const char* syms_path, Addr bias,
                       int found)
{
   HostElf e, se;
   UT_CHECK(open_host_elf(path, &e));
   UT_CHECK(open_host_elf(syms_path, &se));
   if (e.image == NULL || se.image == NULL)
      return;
   DiMapping m = text_mapping(path, &e, bias);
   DiObject obj;
   if (!ML_(read_elf_object)(&m, &obj)) {
      ut_report(__FILE__, __LINE__, "%s not read", path);
      return;
   }
   UT_CHECK_EQ(obj.text_bias, bias);
   UT_CHECK_EQ(obj.text_avma, e.text->sh_addr + bias);
   UT_CHECK_EQ(obj.text_size, e.text->sh_size);
   UT_CHECK_STREQ(obj.filename, path);
   check_canonical(obj.syms, obj.n_syms);
   const char* const fns[] = { "compute_something", "main", "local_helper" };
   for (unsigned i = 0; i < VG_N_ELEMS(fns); i++) {
      unsigned long value, size;
      if (!host_symbol(&se, SHT_SYMTAB, fns[i], &value, &size)) {
         ut_report(__FILE__, __LINE__, "no %s in %s", fns[i], syms_path);
         continue;
      }
      if (!found) {
         UT_CHECK(name_at(&obj, value + bias) == NULL);
         continue;
      }
      UT_CHECK_STREQ(name_at(&obj, value + bias), fns[i]);
      UT_CHECK_STREQ(name_at(&obj, value + bias + size - 1), fns[i]);
   }
   free_object(&obj);
   free(e.image);
   free(se.image);
}

UNIT_TEST(read_executable_pie_and_static)
{
   char dir[64], path[128];
   make_dir(dir, sizeof dir);
   snprintf(path, sizeof path, "%s/exe", dir);
   if (!build_prog(dir, "exe", "-no-pie")) {
      fprintf(stderr, "  note: no compiler; skipped\n");
      remove_tree(dir);
      return;
   }
   check_read(path, path, 0, 1);
   snprintf(path, sizeof path, "%s/pie", dir);
   UT_CHECK(build_prog(dir, "pie", "-fPIE -pie"));
   check_read(path, path, 0x555555554000UL, 1);
   check_read(path, path, 0x7f0000000000UL, 1);
   snprintf(path, sizeof path, "%s/static", dir);
   if (build_prog(dir, "static", "-static"))
      check_read(path, path, 0, 1);
   remove_tree(dir);
}

/* A mapping that does not hold .text, or at a bias that puts .text
   outside it, gives nothing. */
UNIT_TEST(read_refuses_mappings_without_text)
{
   char dir[64], path[128];
   make_dir(dir, sizeof dir);
   snprintf(path, sizeof path, "%s/pie", dir);
   if (!build_prog(dir, "pie", "-fPIE -pie")) {
      remove_tree(dir);
      return;
   }
   HostElf e;
   UT_CHECK(open_host_elf(path, &e));
   DiMapping m = text_mapping(path, &e, 0x10000000);
   DiObject obj;
   m.len = PG;                              /* too short */
   if (e.text->sh_addr + e.text->sh_size > PG_DOWN(e.text_seg->p_vaddr) + PG)
      UT_CHECK(!ML_(read_elf_object)(&m, &obj));
   m = text_mapping(path, &e, 0x10000000);
   m.foff = 0x7fff0000;                     /* no segment there */
   UT_CHECK(!ML_(read_elf_object)(&m, &obj));
   m = text_mapping(path, &e, 0x10000000);
   m.dev = 1;                               /* another file's identity */
   m.ino = 2;
   UT_CHECK(!ML_(read_elf_object)(&m, &obj));
   m = text_mapping("/nonexistent/file", &e, 0x10000000);
   UT_CHECK(!ML_(read_elf_object)(&m, &obj));
   m = text_mapping("/etc/passwd", &e, 0x10000000);
   UT_CHECK(!ML_(read_elf_object)(&m, &obj));
   free(e.image);
   remove_tree(dir);
}

/* Stripped programs: only .dynsym is left, unless a separate debug file
   is found through the build ID or .gnu_debuglink. */
UNIT_TEST(read_stripped_and_separate_debug_files)
{
   char dir[64], path[128];
   make_dir(dir, sizeof dir);
   /* Exported functions (-rdynamic) stay known through .dynsym. */
   snprintf(path, sizeof path, "%s/s", dir);
   if (!build_prog(dir, "s", "-no-pie -rdynamic")
       || !run("cd '%s' && cp s s.good && strip --strip-all s", dir)) {
      fprintf(stderr, "  note: no compiler or strip; skipped\n");
      remove_tree(dir);
      return;
   }
   HostElf e, se;
   UT_CHECK(open_host_elf(path, &e));
   UT_CHECK(run("test -f '%s.good'", path));
   snprintf(path, sizeof path, "%s/s.good", dir);
   UT_CHECK(open_host_elf(path, &se));
   snprintf(path, sizeof path, "%s/s", dir);
   DiMapping m = text_mapping(path, &e, 0);
   DiObject obj;
   UT_CHECK(ML_(read_elf_object)(&m, &obj));
   unsigned long value, size;
   UT_CHECK(host_symbol(&se, SHT_SYMTAB, "compute_something", &value, &size));
   UT_CHECK_STREQ(name_at(&obj, value), "compute_something");
   UT_CHECK(host_symbol(&se, SHT_SYMTAB, "local_helper", &value, &size));
   UT_CHECK(name_at(&obj, value) == NULL);
   free_object(&obj);
   free(e.image);
   free(se.image);

   /* With the debug link (the build ID is unknown to /usr/lib/debug):
      found in the directory, then in .debug/; checked by build ID.
      d.good, the unstripped program, says where the functions are. */
   char good[160];
   snprintf(path, sizeof path, "%s/d", dir);
   snprintf(good, sizeof good, "%s/d.good", dir);
   UT_CHECK(build_prog(dir, "d", "-no-pie"));
   UT_CHECK(run("cd '%s' && cp d d.good && objcopy --only-keep-debug d "
                "d.debug && strip --strip-all d && "
                "objcopy --add-gnu-debuglink=d.debug %s", dir, "d"));
   check_read(path, good, 0, 1);
   UT_CHECK(run("cd '%s' && mkdir .debug && mv d.debug .debug/%s", dir,
                "d.debug"));
   check_read(path, good, 0, 1);
   /* A debug file of another build is not used. */
   UT_CHECK(run("cd '%s' && cc -O0 -no-pie -o other prog.c && "
                "objcopy --only-keep-debug other .debug/%s", dir, "d.debug"));
   check_read(path, good, 0, 0);

   /* Without a build ID the link's CRC decides. */
   snprintf(path, sizeof path, "%s/c", dir);
   snprintf(good, sizeof good, "%s/c.good", dir);
   UT_CHECK(build_prog(dir, "c", "-no-pie -Wl,--build-id=none"));
   UT_CHECK(run("cd '%s' && cp c c.good && objcopy --only-keep-debug c "
                "c.debug && strip --strip-all c && "
                "objcopy --add-gnu-debuglink=c.debug %s", dir, "c"));
   check_read(path, good, 0, 1);
   UT_CHECK(run("cd '%s' && printf x >> %s", dir, "c.debug"));
   check_read(path, good, 0, 0);
   remove_tree(dir);
}

/* The system's C library, through .dynsym and (when installed) its
   debug file: every function .dynsym has is found at its own start. */
UNIT_TEST(read_system_libc)
{
   const char* path = "/lib/x86_64-linux-gnu/libc.so.6";
   HostElf e;
   if (!open_host_elf(path, &e)) {
      fprintf(stderr, "  note: no %s; skipped\n", path);
      return;
   }
   const Addr bias = 0x4850000;
   DiMapping m = text_mapping(path, &e, bias);
   DiObject obj;
   UT_CHECK(ML_(read_elf_object)(&m, &obj));
   check_canonical(obj.syms, obj.n_syms);
   unsigned long value, size;
   UT_CHECK(host_symbol(&e, SHT_DYNSYM, "strlen", &value, &size));
   UT_CHECK_STREQ(name_at(&obj, value + bias), "strlen");   /* an IFUNC */
   const Elf64_Shdr* sh = (const Elf64_Shdr*)(e.image + e.eh->e_shoff);
   int n_checked = 0;
   for (int i = 0; i < e.eh->e_shnum; i++) {
      if (sh[i].sh_type != SHT_DYNSYM)
         continue;
      const Elf64_Sym* sym = (const Elf64_Sym*)(e.image + sh[i].sh_offset);
      for (size_t j = 0; j < sh[i].sh_size / sizeof *sym; j++) {
         unsigned type = ELF64_ST_TYPE(sym[j].st_info);
         if ((type != STT_FUNC && type != STT_GNU_IFUNC)
             || sym[j].st_size == 0 || sym[j].st_value < e.text->sh_addr
             || sym[j].st_value >= e.text->sh_addr + e.text->sh_size)
            continue;
         const DiSym* s = ML_(search_symtab)(obj.syms, obj.n_syms,
                                             sym[j].st_value + bias);
         UT_CHECK(s != NULL && s->avma == sym[j].st_value + bias);
         n_checked++;
      }
   }
   UT_CHECK(n_checked > 1000);
   /* The debug file adds local functions and versioned names. */
   if (host_symbol(&e, SHT_DYNSYM, "pthread_mutex_lock", &value, &size)
       && system("test -d /usr/lib/debug/.build-id && "
                 "readelf -n /lib/x86_64-linux-gnu/libc.so.6 | awk "
                 "'/Build ID/ { exit system(\"test -f /usr/lib/debug/"
                 ".build-id/\" substr($3,1,2) \"/\" substr($3,3) \".debug\") }'")
          == 0) {
      UT_CHECK_STREQ(name_at(&obj, value + bias),
                     "pthread_mutex_lock@@GLIBC_2.2.5");
      int found = 0;
      for (UWord i = 0; i < obj.n_syms; i++)
         found |= strcmp(obj.syms[i].name, "__libc_start_call_main") == 0;
      UT_CHECK(found);
   }
   free_object(&obj);
   free(e.image);
}

/* ------------------------------------------------------------------ */
/* Corrupt files                                                        */

/* Damage of every kind to a real program's headers and tables: the
   reader returns (True or False) with a sane table, and never crashes
   (a crash fails this test's child). */
UNIT_TEST(corrupt_files_never_crash_the_reader)
{
   char dir[64], path[128], bad[160];
   make_dir(dir, sizeof dir);
   snprintf(path, sizeof path, "%s/p", dir);
   snprintf(bad, sizeof bad, "%s/bad", dir);
   if (!build_prog(dir, "p", "-fPIE -pie")) {
      remove_tree(dir);
      return;
   }
   HostElf e;
   UT_CHECK(open_host_elf(path, &e));
   const DiMapping good = text_mapping(bad, &e, 0x20000000);
   unsigned char* copy = malloc(e.size);
   const Elf64_Shdr* symtab = NULL;
   const Elf64_Shdr* sh = (const Elf64_Shdr*)(e.image + e.eh->e_shoff);
   for (int i = 0; i < e.eh->e_shnum; i++)
      if (sh[i].sh_type == SHT_SYMTAB)
         symtab = &sh[i];
   UT_CHECK(symtab != NULL);
   if (symtab == NULL)
      return;
   /* Where to damage: the ELF header, the section headers, the symbol
      table, its strings, the section names and the build ID note. */
   const Elf64_Shdr* note = host_section(&e, ".note.gnu.build-id");
   UT_CHECK(note != NULL);
   if (note == NULL)
      return;
   const struct { size_t off, len; } areas[] = {
      { 0, sizeof(Elf64_Ehdr) },
      { e.eh->e_shoff, (size_t)e.eh->e_shnum * sizeof(Elf64_Shdr) },
      { symtab->sh_offset, symtab->sh_size },
      { sh[symtab->sh_link].sh_offset, sh[symtab->sh_link].sh_size },
      { sh[e.eh->e_shstrndx].sh_offset, sh[e.eh->e_shstrndx].sh_size },
      { note->sh_offset, note->sh_size },
   };
   const int n_areas = (int)VG_N_ELEMS(areas);
   UInt seed = 99;
   int n_read = 0;
   for (int round = 0; round < 600; round++) {
      memcpy(copy, e.image, e.size);
      const int area = round % n_areas;
      const int n_hits = 1 + (int)(VG_(random)(&seed) % 8);
      for (int h = 0; h < n_hits; h++) {
         size_t at = areas[area].off
                     + VG_(random)(&seed) % areas[area].len;
         /* Bytes that make offsets and sizes huge or zero, or random. */
         const unsigned char values[] = { 0xff, 0x00, 0x7f, 0x80 };
         copy[at] = VG_(random)(&seed) % 2 ? values[VG_(random)(&seed) % 4]
                                            : (unsigned char)VG_(random)(&seed);
      }
      size_t len = round % 10 == 9 ? VG_(random)(&seed) % e.size : e.size;
      spill_file(bad, copy, len);
      DiObject obj;
      if (ML_(read_elf_object)(&good, &obj)) {
         check_canonical(obj.syms, obj.n_syms);
         for (UWord i = 0; i < obj.n_syms; i++)
            (void)strlen(obj.syms[i].name);
         free_object(&obj);
         n_read++;
      }
   }
   /* Damage to the symbols alone leaves the file readable. */
   UT_CHECK(n_read > 100);
   free(copy);
   free(e.image);
   remove_tree(dir);
}

/* ------------------------------------------------------------------ */
/* The registry, with real client mappings                              */

/* Maps PATH's executable segment for the client through the
   address-space manager at a free place, as the mmap wrapper would, and
   notifies the module.  Returns the bias (0 if it could not). */
static Addr map_text_for_client(const char* path, const HostElf* e,
                                Addr* a, SizeT* len)
{
   const DiMapping want = text_mapping(path, e, 0);
   Bool ok = False;
   *len = want.len;
   *a = VG_(am_get_advisory_client_simple)(0, want.len, &ok);
   int fd = open(path, O_RDONLY);
   if (!ok || fd < 0)
      return 0;
   SysRes r = VG_(am_mmap_file_fixed_client)(*a, want.len,
                                             VKI_PROT_READ | VKI_PROT_EXEC,
                                             fd, want.foff);
   close(fd);
   if (sr_isError(r))
      return 0;
   VG_(di_notify_mmap)(*a, *len);
   return *a - want.avma;
}

/* A PIE built in a fresh directory DIR, at PATH, opened as *E; False
   (and nothing left behind) when the compiler is not there. */
static int build_pie(char* dir, size_t dir_size, char* path,
                     size_t path_size, HostElf* e)
{
   make_dir(dir, dir_size);
   snprintf(path, path_size, "%s/pie", dir);
   if (!build_prog(dir, "pie", "-fPIE -pie") || !open_host_elf(path, e)) {
      remove_tree(dir);
      return 0;
   }
   return 1;
}

UNIT_TEST(registry_lookups_follow_mmap_munmap_and_mprotect)
{
   char dir[64], path[128];
   HostElf e;
   if (!build_pie(dir, sizeof dir, path, sizeof path, &e))
      return;
   unsigned long value, size;
   UT_CHECK(host_symbol(&e, SHT_SYMTAB, "compute_something", &value, &size));
   int on_stack;
   VG_(am_startup)((Addr)&on_stack);
   VG_(di_initialise)();      /* nothing of the client yet */
   const HChar* name;
   UT_CHECK(!VG_(get_fnname)((Addr)&VG_(di_initialise), &name));
   UT_CHECK_STREQ(name, "");

   Addr a;
   SizeT len;
   const Addr bias = map_text_for_client(path, &e, &a, &len);
   UT_CHECK(bias != 0);
   const Addr fn = value + bias;
   UT_CHECK(VG_(get_fnname)(fn, &name));
   UT_CHECK_STREQ(name, "compute_something");
   const HChar* kept_name = name;
   UT_CHECK(VG_(get_fnname_w_offset)(fn, &name));
   UT_CHECK_STREQ(name, "compute_something");
   UT_CHECK(size > 10);
   UT_CHECK(VG_(get_fnname_w_offset)(fn + 10, &name));
   UT_CHECK_STREQ(name, "compute_something+10");
   UT_CHECK(VG_(get_fnname)(e.eh->e_entry + bias, &name));
   UT_CHECK_STREQ(name, "(below main)");                 /* _start */
   UT_CHECK(VG_(get_objname)(fn, &name));
   UT_CHECK_STREQ(name, path);
   PtrdiffT off;
   UT_CHECK(VG_(di_find_text_object)(fn, &name, &off));
   UT_CHECK_EQ(off, value);
   UT_CHECK(!VG_(di_find_text_object)(a - 1, &name, &off));

   /* Unmapped: forgotten, but the names handed out stay. */
   Bool discard;
   UT_CHECK(!sr_isError(VG_(am_munmap_client)(&discard, a, len)));
   VG_(di_notify_munmap)(a, len);
   UT_CHECK(!VG_(get_fnname)(fn, &name));
   UT_CHECK(!VG_(get_objname)(fn, &name));
   UT_CHECK_STREQ(kept_name, "compute_something");

   /* Mapped again without, then with execute permission: read again,
      sharing the strings kept from the first time. */
   int fd = open(path, O_RDONLY);
   const DiMapping want = text_mapping(path, &e, 0);
   UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(a, len,
                                                        VKI_PROT_READ, fd,
                                                        want.foff)));
   close(fd);
   VG_(di_notify_mmap)(a, len);
   UT_CHECK(!VG_(get_fnname)(fn, &name));
   UT_CHECK(VG_(get_objname)(fn, &name));   /* the mapping's name */
   UT_CHECK_STREQ(name, path);
   VG_(am_notify_mprotect)(a, len, VKI_PROT_READ | VKI_PROT_EXEC);
   VG_(di_notify_mprotect)(a, len, VKI_PROT_READ | VKI_PROT_EXEC);
   UT_CHECK(VG_(get_fnname)(fn, &name));
   UT_CHECK(name == kept_name);
   /* Another mapping over it forgets it. */
   VG_(am_notify_client_mmap)(a, PG, VKI_PROT_READ,
                              VKI_MAP_PRIVATE | VKI_MAP_ANONYMOUS, -1, 0);
   VG_(di_notify_mmap)(a, PG);
   UT_CHECK(!VG_(get_fnname)(fn, &name));
   free(e.image);
   remove_tree(dir);
}

/* What the loader mapped is read at start-up. */
UNIT_TEST(initialise_reads_the_loaders_mappings)
{
   char dir[64], path[128];
   HostElf e;
   if (!build_pie(dir, sizeof dir, path, sizeof path, &e))
      return;
   unsigned long value, size;
   UT_CHECK(host_symbol(&e, SHT_SYMTAB, "main", &value, &size));
   int on_stack;
   VG_(am_startup)((Addr)&on_stack);
   const DiMapping want = text_mapping(path, &e, 0);
   Bool ok = False;
   Addr a = VG_(am_get_advisory_client_simple)(0, want.len, &ok);
   int fd = open(path, O_RDONLY);
   UT_CHECK(ok && fd >= 0);
   UT_CHECK(!sr_isError(VG_(am_mmap_file_fixed_client)(
      a, want.len, VKI_PROT_READ | VKI_PROT_EXEC, fd, want.foff)));
   close(fd);
   VG_(di_initialise)();
   const HChar* name;
   UT_CHECK(VG_(get_fnname)(value + a - want.avma + size - 1, &name));
   UT_CHECK_STREQ(name, "main");
   free(e.image);
   remove_tree(dir);
}
