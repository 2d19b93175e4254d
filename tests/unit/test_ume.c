/* Unit tests of m_ume: the ELF checks as pure functions (with the exact
   message for every file of the malformed-ELF corpus that
   tests/ume/make-corpus writes), the mapping plan, "#!" parsing, the
   $PATH search, and real loads -- /bin/true (a dynamic PIE), static
   executables compiled here, scripts -- into fresh mappings of the test
   process, compared with what `readelf -lW` says. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcproc.h"
#include "pub_core_mallocfree.h"
#include "pub_core_xarray.h"
#include "pub_core_ume.h"

extern char** environ;

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

/* The whole of PATH in new memory; NULL if it cannot be read. */
static unsigned char* slurp(const char* path, size_t* size)
{
   FILE* f = fopen(path, "rb");
   if (f == NULL)
      return NULL;
   size_t cap = 4096, n = 0;
   unsigned char* buf = malloc(cap);
   for (;;) {
      if (n == cap)
         buf = realloc(buf, cap *= 2);
      size_t got = fread(buf + n, 1, cap - n, f);
      if (got == 0)
         break;
      n += got;
   }
   fclose(f);
   *size = n;
   return buf;
}

/* Runs the checker over the file PATH: the reason (empty on success). */
static const char* check_file(const char* path, UmeElfSummary* sum)
{
   static char why[256];
   size_t size = 0;
   unsigned char* image = slurp(path, &size);
   if (image == NULL) {
      snprintf(why, sizeof why, "(cannot read %s)", path);
      return why;
   }
   why[0] = '\0';
   if (VG_(ume_check_elf_image)(image, size, sum, why, sizeof why))
      why[0] = '\0';
   free(image);
   return why;
}

static void make_temp_dir(char* dir, size_t size)
{
   snprintf(dir, size, "/tmp/vg_ut_ume_XXXXXX");
   if (mkdtemp(dir) == NULL)
      ut_report(__FILE__, __LINE__, "mkdtemp failed: %s", strerror(errno));
}

static void remove_dir(const char* dir)
{
   char cmd[PATH_MAX + 32];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      ut_report(__FILE__, __LINE__, "cannot remove %s", dir);
}

static void write_file(const char* path, const char* text, mode_t mode)
{
   FILE* f = fopen(path, "w");
   if (f == NULL) {
      ut_report(__FILE__, __LINE__, "cannot create %s", path);
      return;
   }
   fputs(text, f);
   fclose(f);
   chmod(path, mode);
}

/* tests/ume/make-corpus: from $VG_TOP_SRCDIR, else next to this
   program's build tree (an in-tree build).  NULL if not found. */
static const char* find_corpus_generator(void)
{
   static char path[PATH_MAX];
   const char* top = getenv("VG_TOP_SRCDIR");
   if (top != NULL) {
      snprintf(path, sizeof path, "%s/tests/ume/make-corpus", top);
      if (access(path, X_OK) == 0)
         return path;
   }
   char exe[PATH_MAX];
   ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
   if (n <= 0)
      return NULL;
   exe[n] = '\0';
   char* slash = strrchr(exe, '/');
   if (slash == NULL)
      return NULL;
   *slash = '\0';                  /* .../tests/unit */
   snprintf(path, sizeof path, "%s/../ume/make-corpus", exe);
   return access(path, X_OK) == 0 ? path : NULL;
}

/* Writes the corpus into DIR with file names "gen-<case>"; False (and a
   note) when the generator is not available. */
static int make_corpus(const char* dir)
{
   const char* gen = find_corpus_generator();
   if (gen == NULL) {
      fprintf(stderr, "  note: tests/ume/make-corpus not found "
              "(set VG_TOP_SRCDIR); corpus not checked\n");
      return 0;
   }
   char cmd[3 * PATH_MAX];
   snprintf(cmd, sizeof cmd, "'%s' --prefix=gen- '%s'", gen, dir);
   if (system(cmd) != 0) {
      ut_report(__FILE__, __LINE__, "%s failed", cmd);
      return 0;
   }
   return 1;
}

/* The corpus's cases with their expected messages. */
typedef struct {
   char name[64];
   char message[256];
} CorpusCase;

static int list_corpus(CorpusCase* cases, int max)
{
   const char* gen = find_corpus_generator();
   if (gen == NULL)
      return 0;
   char cmd[PATH_MAX + 16];
   snprintf(cmd, sizeof cmd, "'%s' --list", gen);
   FILE* p = popen(cmd, "r");
   if (p == NULL)
      return 0;
   int n = 0;
   char line[512];
   while (n < max && fgets(line, sizeof line, p)) {
      line[strcspn(line, "\n")] = '\0';
      char* tab = strchr(line, '\t');
      if (tab == NULL)
         continue;
      *tab = '\0';
      snprintf(cases[n].name, sizeof cases[n].name, "%s", line);
      snprintf(cases[n].message, sizeof cases[n].message, "%s", tab + 1);
      n++;
   }
   pclose(p);
   return n;
}

/* MESSAGE with %INTERP% replaced by INTERP. */
static void expand(char* out, size_t size, const char* message,
                   const char* interp)
{
   const char* at = strstr(message, "%INTERP%");
   if (at == NULL)
      snprintf(out, size, "%s", message);
   else
      snprintf(out, size, "%.*s%s%s", (int)(at - message), message, interp,
               at + strlen("%INTERP%"));
}

static Addr test_exe_base    = 0x300000000000UL;
static Addr test_interp_base = 0x310000000000UL;

/* Places position-independent files away from anything the test
   process has. */
static Addr choose_test_base(SizeT span, Bool is_interp)
{
   (void)span;
   return is_interp ? test_interp_base : test_exe_base;
}

static void init_info(ExeInfo* info)
{
   memset(info, 0, sizeof *info);
   info->choose_base = choose_test_base;
}

/* Undoes what a load mapped, so the next load finds the room free. */
static void unmap_all(ExeInfo* info)
{
   if (info->mappings == NULL)
      return;
   for (Word i = 0; i < VG_(sizeXA)(info->mappings); i++) {
      const UmeMapping* m = VG_(indexXA)(info->mappings, i);
      munmap((void*)m->start, m->len);
   }
   VG_(dropAllXA)(info->mappings);
}

/* The permissions /proc/self/maps gives the page at A ("r-xp"...), or
   "" when it is not mapped. */
static const char* maps_perms(Addr a)
{
   static char perms[8];
   perms[0] = '\0';
   FILE* f = fopen("/proc/self/maps", "r");
   if (f == NULL)
      return perms;
   char line[512];
   while (fgets(line, sizeof line, f)) {
      unsigned long lo, hi;
      char p[8];
      if (sscanf(line, "%lx-%lx %7s", &lo, &hi, p) == 3 && a >= lo
          && a < hi) {
         snprintf(perms, sizeof perms, "%s", p);
         break;
      }
   }
   fclose(f);
   return perms;
}

static const char* perms_of(UInt pflags)
{
   static char p[5];
   p[0] = (pflags & VKI_PF_R) ? 'r' : '-';
   p[1] = (pflags & VKI_PF_W) ? 'w' : '-';
   p[2] = (pflags & VKI_PF_X) ? 'x' : '-';
   p[3] = 'p';
   p[4] = '\0';
   return p;
}

/* What `readelf -lhW FILE` says. */
typedef struct {
   int  n_load;
   struct { unsigned long off, vaddr, filesz, memsz; UInt flags; } load[16];
   unsigned long entry;
   char interp[PATH_MAX];
   int  is_dyn;
   int  phnum;
} Readelf;

static int run_readelf(const char* file, Readelf* r)
{
   memset(r, 0, sizeof *r);
   char cmd[PATH_MAX + 32];
   snprintf(cmd, sizeof cmd, "readelf -lhW '%s' 2>/dev/null", file);
   FILE* p = popen(cmd, "r");
   if (p == NULL)
      return 0;
   char line[1024];
   int ok = 0;
   while (fgets(line, sizeof line, p)) {
      char flg[3][8];
      unsigned long off, va, pa, fs, ms;
      char* s;
      if ((s = strstr(line, "Entry point address:")))
         r->entry = strtoul(s + strlen("Entry point address:"), NULL, 16);
      else if ((s = strstr(line, "Number of program headers:")))
         r->phnum = atoi(s + strlen("Number of program headers:"));
      else if (strstr(line, "Type:") && strstr(line, "DYN"))
         r->is_dyn = 1;
      else if ((s = strstr(line, "[Requesting program interpreter: ")))
         sscanf(s + strlen("[Requesting program interpreter: "),
                "%4095[^]]", r->interp);
      else if (r->n_load < 16) {
         /* "LOAD off vaddr paddr filesz memsz R E align": the flags are
            one to three words. */
         int k = sscanf(line, " LOAD %lx %lx %lx %lx %lx %7s %7s %7s",
                        &off, &va, &pa, &fs, &ms, flg[0], flg[1], flg[2]);
         if (k >= 7) {
            UInt f = 0;
            for (int i = 0; i < k - 5 - 1; i++) {
               if (strchr(flg[i], 'R')) f |= VKI_PF_R;
               if (strchr(flg[i], 'W')) f |= VKI_PF_W;
               if (strchr(flg[i], 'E')) f |= VKI_PF_X;
            }
            r->load[r->n_load].off = off;
            r->load[r->n_load].vaddr = va;
            r->load[r->n_load].filesz = fs;
            r->load[r->n_load].memsz = ms;
            r->load[r->n_load].flags = f;
            r->n_load++;
            ok = 1;
         }
      }
   }
   pclose(p);
   return ok;
}

#define PG 4096UL
#define PG_DOWN(a) ((unsigned long)(a) & ~(PG - 1))
#define PG_UP(a)   PG_DOWN((unsigned long)(a) + PG - 1)

/* Checks that FILE (described by R) is in memory at BIAS: contents,
   .bss zeroes, protections. */
static void check_loaded(const char* file, const Readelf* r, Addr bias)
{
   size_t size = 0;
   unsigned char* image = slurp(file, &size);
   UT_CHECK(image != NULL);
   if (image == NULL)
      return;
   for (int i = 0; i < r->n_load; i++) {
      const unsigned char* mem = (const unsigned char*)(bias + r->load[i].vaddr);
      UT_CHECK(r->load[i].off + r->load[i].filesz <= size);
      UT_CHECK(memcmp(mem, image + r->load[i].off, r->load[i].filesz) == 0);
      /* .bss: zero up to memsz (when the mapping is writable; Linux
         leaves a read-only segment's page as it is in the file). */
      if (r->load[i].flags & VKI_PF_W) {
         for (unsigned long k = r->load[i].filesz; k < r->load[i].memsz; k++) {
            if (mem[k] != 0) {
               ut_report(__FILE__, __LINE__, "%s: segment %d byte %#lx "
                         "is %#x, not 0", file, i, k, mem[k]);
               break;
            }
         }
      }
      const Addr first = PG_DOWN(bias + r->load[i].vaddr);
      const Addr last = PG_UP(bias + r->load[i].vaddr + r->load[i].memsz) - 1;
      UT_CHECK_STREQ(maps_perms(first), perms_of(r->load[i].flags));
      UT_CHECK_STREQ(maps_perms(last), perms_of(r->load[i].flags));
   }
   free(image);
}

/* ------------------------------------------------------------------ */
/* The checks, on the corpus                                            */
/* ------------------------------------------------------------------ */

/* Every case of the corpus gets its exact message from the pure
   checker (the interpreter cases pass it: their trouble is found when
   the interpreter is loaded). */
UNIT_TEST(corpus_checker_messages)
{
   static CorpusCase cases[128];
   char dir[64];
   int n = list_corpus(cases, 128);
   if (n == 0) {
      fprintf(stderr, "  note: no corpus list; skipped\n");
      return;
   }
   UT_CHECK(n >= 45);
   make_temp_dir(dir, sizeof dir);
   if (!make_corpus(dir))
      return;
   for (int i = 0; i < n; i++) {
      char path[PATH_MAX];
      UmeElfSummary* sum = malloc(sizeof *sum);
      snprintf(path, sizeof path, "%s/gen-%s", dir, cases[i].name);
      const char* why = check_file(path, sum);
      const char* expected =
         strncmp(cases[i].message, "interpreter ", 12) == 0
         ? "" : cases[i].message;
      if (strcmp(why, expected) != 0)
         ut_report(__FILE__, __LINE__, "%s: \"%s\", expected \"%s\"",
                   cases[i].name, why, expected);
      free(sum);
   }
   remove_dir(dir);
}

/* Loading each case: "<file>: <message>", for the interpreter cases
   too, and the valid ones load. */
UNIT_TEST(corpus_load_messages)
{
   static CorpusCase cases[128];
   char dir[64];
   int n = list_corpus(cases, 128);
   if (n == 0)
      return;
   make_temp_dir(dir, sizeof dir);
   if (!make_corpus(dir))
      return;
   /* The interpreters are named relative to the corpus directory. */
   char cwd[PATH_MAX];
   UT_CHECK(getcwd(cwd, sizeof cwd) != NULL);
   UT_CHECK(chdir(dir) == 0);
   ExeInfo* info = malloc(sizeof *info);
   for (int i = 0; i < n; i++) {
      char file[128], interp[128], expected[512], full[700];
      snprintf(file, sizeof file, "./gen-%s", cases[i].name);
      /* The interpreter a case names: its PT_INTERP. */
      UmeElfSummary* sum = malloc(sizeof *sum);
      interp[0] = '\0';
      if (check_file(file, sum)[0] == '\0' && sum->has_interp)
         snprintf(interp, sizeof interp, "%s", sum->interp);
      free(sum);
      expand(expected, sizeof expected, cases[i].message, interp);
      init_info(info);
      Bool ok = VG_(ume_load)(file, info);
      if (expected[0] == '\0') {
         if (!ok)
            ut_report(__FILE__, __LINE__, "%s: failed: %s", file,
                      info->error);
         /* The valid ones are ET_EXEC at 0x400000. */
         UT_CHECK(!ok || info->exe_base == 0x400000);
         UT_CHECK(!ok || info->entry == 0x400000 + 64 + 56 *
                  (strstr(file, "dynamic") ? 4 : 3));
      } else {
         snprintf(full, sizeof full, "%s: %s", file, expected);
         if (ok || strcmp(info->error, full) != 0)
            ut_report(__FILE__, __LINE__, "%s: \"%s\", expected \"%s\"",
                      file, ok ? "(loaded)" : info->error, full);
      }
      unmap_all(info);
   }
   free(info);
   UT_CHECK(chdir(cwd) == 0);
   remove_dir(dir);
}

/* VG_(do_exec) prints "valgrind: <file>: <reason>" and exits with 1. */
static char do_exec_dir[64];
static void do_exec_bad_file(void)
{
   char file[128];
   ExeInfo* info = calloc(1, sizeof *info);
   snprintf(file, sizeof file, "%s/gen-filesz-gt-memsz", do_exec_dir);
   VG_(do_exec)(file, info);
}

UNIT_TEST(do_exec_reports_and_exits_1)
{
   char out[1024], expected[256];
   make_temp_dir(do_exec_dir, sizeof do_exec_dir);
   const char* gen = find_corpus_generator();
   if (gen == NULL)
      return;
   char cmd[2 * PATH_MAX];
   snprintf(cmd, sizeof cmd, "'%s' --prefix=gen- '%s' filesz-gt-memsz",
            gen, do_exec_dir);
   UT_CHECK(system(cmd) == 0);
   int status = ut_run_captured(do_exec_bad_file, out, sizeof out);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
   snprintf(expected, sizeof expected, "valgrind: %s/gen-filesz-gt-memsz: "
            "segment 1: p_filesz 0x10 is larger than p_memsz 0x8\n",
            do_exec_dir);
   UT_CHECK_STREQ(out, expected);
   remove_dir(do_exec_dir);
}

/* ------------------------------------------------------------------ */
/* The checks, on real files                                            */
/* ------------------------------------------------------------------ */

UNIT_TEST(check_bin_true_matches_readelf)
{
   Readelf r;
   UmeElfSummary* sum = malloc(sizeof *sum);
   if (!run_readelf("/bin/true", &r)) {
      fprintf(stderr, "  note: readelf not available; skipped\n");
      return;
   }
   UT_CHECK_STREQ(check_file("/bin/true", sum), "");
   UT_CHECK_EQ(sum->e_phnum, r.phnum);
   UT_CHECK_EQ(sum->n_load, r.n_load);
   UT_CHECK_EQ(sum->e_entry, r.entry);
   UT_CHECK_EQ(sum->e_type, r.is_dyn ? VKI_ET_DYN : VKI_ET_EXEC);
   UT_CHECK_EQ(sum->has_interp, r.interp[0] != '\0');
   if (sum->has_interp)
      UT_CHECK_STREQ(sum->interp, r.interp);
   UT_CHECK_EQ(sum->load_lo, PG_DOWN(r.load[0].vaddr));
   UT_CHECK_EQ(sum->load_hi, PG_UP(r.load[r.n_load - 1].vaddr
                                   + r.load[r.n_load - 1].memsz));
   UT_CHECK_EQ(sum->load_end, r.load[r.n_load - 1].vaddr
                              + r.load[r.n_load - 1].memsz);
   free(sum);
}

/* A real executable cut short at several sizes: each gets the message
   for the first thing that is missing, as readelf's numbers say. */
UNIT_TEST(check_truncated_bin_true)
{
   Readelf r;
   size_t size = 0;
   unsigned char* image = slurp("/bin/true", &size);
   if (image == NULL || !run_readelf("/bin/true", &r))
      return;
   UmeElfSummary* sum = malloc(sizeof *sum);
   char why[256], expected[256];
   const size_t phoff = 64, phsize = (size_t)r.phnum * 56;
   size_t cuts[] = { 0, 1, 4, 16, 63, 64, 100, phoff + phsize - 1,
                     phoff + phsize, size / 2, size - 1 };
   for (unsigned i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
      size_t cut = cuts[i];
      Bool ok = VG_(ume_check_elf_image)(image, cut, sum, why, sizeof why);
      if (cut == 0)
         snprintf(expected, sizeof expected, "not an ELF file (bad magic)");
      else if (cut < 64)
         snprintf(expected, sizeof expected,
                  "truncated ELF header (file is %zu bytes)", cut);
      else if (cut < phoff + phsize)
         snprintf(expected, sizeof expected,
                  "program headers at offset 0x40 (%zu bytes) lie outside "
                  "the file (%zu bytes)", phsize, cut);
      else {
         /* The first PT_LOAD or PT_INTERP whose data are cut. */
         /* (From the headers of the whole file.) */
         expected[0] = '\0';
         UmeElfSummary* full = malloc(sizeof *full);
         char w2[256];
         UT_CHECK(VG_(ume_check_elf_image)(image, size, full, w2, sizeof w2));
         for (UInt k = 0; k < full->e_phnum && expected[0] == '\0'; k++) {
            const UmePhdr* ph = &full->phdrs[k];
            if (ph->offset + ph->filesz <= cut)
               continue;
            if (ph->type == VKI_PT_LOAD)
               snprintf(expected, sizeof expected,
                        "segment %u: file data at offset %#llx (%#llx bytes) "
                        "lie outside the file (%zu bytes)", k, ph->offset,
                        ph->filesz, cut);
            else if (ph->type == VKI_PT_INTERP)
               snprintf(expected, sizeof expected,
                        "PT_INTERP at offset %#llx (%llu bytes) lies outside "
                        "the file (%zu bytes)", ph->offset, ph->filesz, cut);
         }
         free(full);
      }
      if (expected[0] == '\0')
         why[0] = '\0';    /* nothing is missing: it passes */
      UT_CHECK(ok == (expected[0] == '\0'));
      if (strcmp(why, expected) != 0)
         ut_report(__FILE__, __LINE__, "cut at %zu: \"%s\", expected \"%s\"",
                   cut, why, expected);
   }
   free(sum);
   free(image);
}

/* ------------------------------------------------------------------ */
/* The mapping plan                                                     */
/* ------------------------------------------------------------------ */

static void set_load(UmePhdr* ph, UInt flags, ULong off, ULong vaddr,
                     ULong filesz, ULong memsz)
{
   memset(ph, 0, sizeof *ph);
   ph->type = VKI_PT_LOAD;
   ph->flags = flags;
   ph->offset = off;
   ph->vaddr = vaddr;
   ph->filesz = filesz;
   ph->memsz = memsz;
   ph->align = 4096;
}

UNIT_TEST(plan_text_data_bss)
{
   UmeElfSummary* s = calloc(1, sizeof *s);
   UmeMapping m[8];
   s->e_phnum = 3;
   s->n_load = 2;
   set_load(&s->phdrs[0], VKI_PF_R | VKI_PF_X, 0, 0x400000, 0xf1, 0xf1);
   set_load(&s->phdrs[1], VKI_PF_R | VKI_PF_W, 0x1000, 0x601000, 0x10,
            0x2000);
   s->phdrs[2].type = VKI_PT_GNU_STACK;
   UInt n = VG_(ume_plan_mappings)(s, 0, m);
   UT_CHECK_EQ(n, 3);
   UT_CHECK_EQ(m[0].start, 0x400000);
   UT_CHECK_EQ(m[0].len, 0x1000);
   UT_CHECK_EQ(m[0].prot, VKI_PROT_READ | VKI_PROT_EXEC);
   UT_CHECK(m[0].is_file && m[0].offset == 0 && m[0].zero_from == 0);
   UT_CHECK_EQ(m[1].start, 0x601000);
   UT_CHECK_EQ(m[1].len, 0x1000);
   UT_CHECK(m[1].is_file && m[1].offset == 0x1000);
   UT_CHECK_EQ(m[1].zero_from, 0x601010);
   UT_CHECK_EQ(m[1].seg, 1);
   UT_CHECK_EQ(m[2].start, 0x602000);
   UT_CHECK_EQ(m[2].len, 0x1000);
   UT_CHECK(!m[2].is_file);
   UT_CHECK_EQ(m[2].prot, VKI_PROT_READ | VKI_PROT_WRITE);

   /* At a bias, everything moves; .bss ending exactly at a page needs no
      zeroing of the file page. */
   set_load(&s->phdrs[1], VKI_PF_R | VKI_PF_W, 0x1000, 0x601000, 0x1000,
            0x3000);
   n = VG_(ume_plan_mappings)(s, 0x10000000, m);
   UT_CHECK_EQ(n, 3);
   UT_CHECK_EQ(m[0].start, 0x10400000);
   UT_CHECK_EQ(m[1].start, 0x10601000);
   UT_CHECK_EQ(m[1].zero_from, 0);
   UT_CHECK_EQ(m[2].start, 0x10602000);
   UT_CHECK_EQ(m[2].len, 0x2000);

   /* Only .bss (p_filesz 0): one anonymous mapping; an empty segment
      none. */
   set_load(&s->phdrs[1], VKI_PF_R | VKI_PF_W, 0x1000, 0x601800, 0, 0x1000);
   n = VG_(ume_plan_mappings)(s, 0, m);
   UT_CHECK_EQ(n, 2);
   UT_CHECK(!m[1].is_file && m[1].start == 0x601000 && m[1].len == 0x2000);
   set_load(&s->phdrs[1], VKI_PF_R | VKI_PF_W, 0x1000, 0x601000, 0, 0);
   UT_CHECK_EQ(VG_(ume_plan_mappings)(s, 0, m), 1);
   free(s);
}

/* Two segments sharing a page: the later one gets it, as the kernel's
   second MAP_FIXED mapping replaces the first's page. */
UNIT_TEST(plan_shared_page_goes_to_later_segment)
{
   UmeElfSummary* s = calloc(1, sizeof *s);
   UmeMapping m[8];
   s->e_phnum = 2;
   s->n_load = 2;
   set_load(&s->phdrs[0], VKI_PF_R | VKI_PF_X, 0, 0x400000, 0x1800, 0x1800);
   set_load(&s->phdrs[1], VKI_PF_R | VKI_PF_W, 0x1900, 0x401900, 0x100,
            0x2000);
   UInt n = VG_(ume_plan_mappings)(s, 0, m);
   UT_CHECK_EQ(n, 3);
   UT_CHECK(m[0].start == 0x400000 && m[0].len == 0x1000 && m[0].seg == 0);
   UT_CHECK(m[1].start == 0x401000 && m[1].len == 0x1000 && m[1].seg == 1);
   UT_CHECK(m[1].is_file && m[1].offset == 0x1000);
   UT_CHECK_EQ(m[1].zero_from, 0x401a00);
   UT_CHECK(m[2].start == 0x402000 && m[2].len == 0x2000 && !m[2].is_file);
   free(s);
}

/* ------------------------------------------------------------------ */
/* "#!"                                                                 */
/* ------------------------------------------------------------------ */

static void check_shebang(int line, const char* text, size_t len,
                          const char* interp, const char* arg)
{
   SizeT is, il, as, al;
   Bool script = VG_(ume_parse_shebang)(text, len, &is, &il, &as, &al);
   char got_i[300], got_a[300];
   snprintf(got_i, sizeof got_i, "%.*s", (int)il, text + is);
   snprintf(got_a, sizeof got_a, "%.*s", (int)al, text + as);
   if (interp == NULL) {
      if (script)
         ut_report(__FILE__, line, "taken for a script");
      return;
   }
   if (!script || strcmp(got_i, interp) != 0 || strcmp(got_a, arg) != 0)
      ut_report(__FILE__, line, "script %d, interp \"%s\", arg \"%s\"; "
                "expected \"%s\", \"%s\"", script, got_i, got_a, interp, arg);
}

#define SHEBANG(text, interp, arg) \
   check_shebang(__LINE__, text, sizeof(text) - 1, interp, arg)

UNIT_TEST(shebang_parsing_as_the_kernel)
{
   SHEBANG("#!/bin/sh\necho hi\n", "/bin/sh", "");
   SHEBANG("#!/bin/sh", "/bin/sh", "");
   SHEBANG("#! /usr/bin/env  python3 -u \t\nprint()\n", "/usr/bin/env",
           "python3 -u");
   SHEBANG("#!\t/bin/sh\t-x\t\n", "/bin/sh", "-x");
   SHEBANG("#!/bin/sh\r\n", "/bin/sh\r", "");     /* CR is part of it */
   SHEBANG("#!\n", "", "");                       /* nothing named */
   SHEBANG("#!   \t \n", "", "");
   SHEBANG("#!", "", "");
   SHEBANG("# !/bin/sh\n", NULL, NULL);
   SHEBANG("\177ELF", NULL, NULL);
   SHEBANG("#", NULL, NULL);

   /* A path cut by the 256-byte buffer is refused; a cut argument is
      fine (the kernel drops the buffer's last byte). */
   char buf[400];
   memset(buf, 'x', sizeof buf);
   memcpy(buf, "#!/", 3);
   check_shebang(__LINE__, buf, sizeof buf, "", "");
   memcpy(buf, "#!/bin/sh ", 10);
   char arg[300];
   snprintf(arg, sizeof arg, "%.*s", 245, buf + 10);
   check_shebang(__LINE__, buf, sizeof buf, "/bin/sh", arg);
   /* A file shorter than the buffer without a newline: the NUL padding
      ends the line. */
   check_shebang(__LINE__, "#!/bin/sh -e", 12, "/bin/sh", "-e");
   /* A NUL ends the interpreter's path; there is then no argument. */
   check_shebang(__LINE__, "#!/bin/sh\0 -x\n", 14, "/bin/sh", "");
}

/* ------------------------------------------------------------------ */
/* Finding the client                                                   */
/* ------------------------------------------------------------------ */

UNIT_TEST(find_executable_as_a_shell)
{
   char dir[64], d1[128], d2[128], path[256], env_path[512], buf[256];
   make_temp_dir(dir, sizeof dir);
   snprintf(d1, sizeof d1, "%s/one", dir);
   snprintf(d2, sizeof d2, "%s/two", dir);
   mkdir(d1, 0700);
   mkdir(d2, 0700);
   snprintf(path, sizeof path, "%s/prog", d1);
   write_file(path, "#!/bin/sh\n", 0600);          /* not executable */
   snprintf(path, sizeof path, "%s/prog", d2);
   write_file(path, "#!/bin/sh\n", 0700);
   snprintf(path, sizeof path, "%s/only-plain", d1);
   write_file(path, "x", 0600);
   mkdir(strcat(strcpy(path, d1), "/adir"), 0700);  /* not a file */

   snprintf(env_path, sizeof env_path, "PATH=/nonexistent:%s:%s", d1, d2);
   HChar* env[] = { env_path, NULL };
   HChar** saved = VG_(core_envp);
   VG_(core_envp) = env;

   UT_CHECK(VG_(ume_find_executable)("prog", buf, sizeof buf));
   snprintf(path, sizeof path, "%s/prog", d2);
   UT_CHECK_STREQ(buf, path);
   /* No executable one: the first regular file (to fail with EACCES). */
   UT_CHECK(VG_(ume_find_executable)("only-plain", buf, sizeof buf));
   snprintf(path, sizeof path, "%s/only-plain", d1);
   UT_CHECK_STREQ(buf, path);
   UT_CHECK(!VG_(ume_find_executable)("adir", buf, sizeof buf));
   UT_CHECK(!VG_(ume_find_executable)("no-such-prog", buf, sizeof buf));
   /* With a '/', as it is, found or not. */
   UT_CHECK(VG_(ume_find_executable)("./no/such", buf, sizeof buf));
   UT_CHECK_STREQ(buf, "./no/such");
   /* Too small a buffer. */
   UT_CHECK(!VG_(ume_find_executable)("prog", buf, 8));
   /* An empty entry is the current directory. */
   static char empty_entry[] = "PATH=/nonexistent::/also-not";
   env[0] = empty_entry;
   char cwd[PATH_MAX];
   UT_CHECK(getcwd(cwd, sizeof cwd) != NULL);
   UT_CHECK(chdir(d2) == 0);
   UT_CHECK(VG_(ume_find_executable)("prog", buf, sizeof buf));
   UT_CHECK_STREQ(buf, "./prog");
   UT_CHECK(chdir(cwd) == 0);
   /* No $PATH at all. */
   env[0] = NULL;
   UT_CHECK(!VG_(ume_find_executable)("prog", buf, sizeof buf));
   VG_(core_envp) = saved;
   remove_dir(dir);
}

/* ------------------------------------------------------------------ */
/* Real loads                                                           */
/* ------------------------------------------------------------------ */

/* /bin/true, a dynamic PIE: it and its dynamic linker are where the
   base chooser said, byte for byte as in the files, with the
   protections of their program headers; the entry points and auxv
   values follow. */
UNIT_TEST(load_bin_true_dynamic_pie)
{
   Readelf r, ri;
   if (!run_readelf("/bin/true", &r) || !r.is_dyn || r.interp[0] == '\0') {
      fprintf(stderr, "  note: /bin/true is not a dynamic PIE here; "
              "skipped\n");
      return;
   }
   UT_CHECK(run_readelf(r.interp, &ri));
   ExeInfo* info = malloc(sizeof *info);
   init_info(info);
   HChar** saved = VG_(core_envp);
   VG_(core_envp) = environ;
   Bool ok = VG_(ume_load)("/bin/true", info);
   VG_(core_envp) = saved;
   if (!ok) {
      ut_report(__FILE__, __LINE__, "load failed: %s", info->error);
      return;
   }
   UT_CHECK_STREQ(info->execfn, "/bin/true");
   UT_CHECK_STREQ(info->elf_path, "/bin/true");
   UT_CHECK_EQ(info->n_argv_prefix, 0);
   UT_CHECK(info->interp_name == NULL);
   UT_CHECK_EQ(info->exe_bias, test_exe_base - PG_DOWN(r.load[0].vaddr));
   UT_CHECK_EQ(info->exe_base, test_exe_base);
   UT_CHECK_EQ(info->entry, info->exe_bias + r.entry);
   UT_CHECK_EQ(info->phnum, r.phnum);
   UT_CHECK_EQ(info->phent, 56);
   UT_CHECK_EQ(info->phdr, info->exe_bias + 64);
   const unsigned long end = r.load[r.n_load - 1].vaddr
                             + r.load[r.n_load - 1].memsz;
   UT_CHECK_EQ(info->brkbase, PG_UP(info->exe_bias + end));
   UT_CHECK_EQ(info->exe_end, PG_UP(info->exe_bias + end));
   UT_CHECK_EQ(info->stack_prot, VKI_PROT_READ | VKI_PROT_WRITE);
   check_loaded("/bin/true", &r, info->exe_bias);
   /* The program headers are in memory where AT_PHDR says. */
   UT_CHECK_EQ(*(const UInt*)(info->phdr + 56 * 0), 6 /* PT_PHDR */);

   UT_CHECK_EQ(info->interp_offset, test_interp_base
                                    - PG_DOWN(ri.load[0].vaddr));
   UT_CHECK_EQ(info->interp_base, test_interp_base);
   UT_CHECK_EQ(info->init_ip, info->interp_offset + ri.entry);
   check_loaded(r.interp, &ri, info->interp_offset);

   /* Every mapping is recorded, none overlapping. */
   Word n = VG_(sizeXA)(info->mappings);
   UT_CHECK(n >= r.n_load + ri.n_load);
   for (Word i = 1; i < n; i++) {
      const UmeMapping* a = VG_(indexXA)(info->mappings, i - 1);
      const UmeMapping* b = VG_(indexXA)(info->mappings, i);
      UT_CHECK(a->is_interp != b->is_interp
               || a->start + a->len <= b->start);
   }
   unmap_all(info);
   free(info);
}

/* A tiny program compiled here with the given flags (-static,
   -static-pie); False when no compiler manages it. */
static int compile(const char* dir, const char* flags, char* out,
                   size_t size)
{
   char src[128], cmd[512];
   snprintf(src, sizeof src, "%s/prog.c", dir);
   write_file(src, "static int bss[5000];\n"
                   "int data = 42;\n"
                   "int main(void) { return bss[4999] + data - 42; }\n",
              0600);
   snprintf(out, size, "%s/prog%s", dir, flags);
   snprintf(cmd, sizeof cmd, "cc %s -O0 -o '%s' '%s' >/dev/null 2>&1",
            flags, out, src);
   return system(cmd) == 0;
}

static void check_static_load(const char* flags)
{
   char dir[64], prog[256];
   Readelf r;
   make_temp_dir(dir, sizeof dir);
   if (!compile(dir, flags, prog, sizeof prog) || !run_readelf(prog, &r)) {
      fprintf(stderr, "  note: cannot build a %s program; skipped\n", flags);
      remove_dir(dir);
      return;
   }
   ExeInfo* info = malloc(sizeof *info);
   init_info(info);
   Bool ok = VG_(ume_load)(prog, info);
   if (!ok && strstr(info->error, "the address range is in use")) {
      fprintf(stderr, "  note: %s: the test process has that range; "
              "skipped\n", info->error);
      remove_dir(dir);
      return;
   }
   if (!ok) {
      ut_report(__FILE__, __LINE__, "load failed: %s", info->error);
      return;
   }
   UT_CHECK(r.interp[0] == '\0');
   const Addr bias = r.is_dyn ? test_exe_base - PG_DOWN(r.load[0].vaddr) : 0;
   UT_CHECK_EQ(info->exe_bias, bias);
   UT_CHECK_EQ(info->entry, bias + r.entry);
   UT_CHECK_EQ(info->init_ip, info->entry);   /* no dynamic linker */
   UT_CHECK_EQ(info->interp_offset, 0);
   UT_CHECK_EQ(info->interp_base, 0);
   UT_CHECK_EQ(info->phnum, r.phnum);
   UT_CHECK_EQ(info->brkbase, PG_UP(bias + r.load[r.n_load - 1].vaddr
                                    + r.load[r.n_load - 1].memsz));
   check_loaded(prog, &r, bias);
   unmap_all(info);
   free(info);
   remove_dir(dir);
}

UNIT_TEST(load_static_exec)
{
   check_static_load("-static");
}

UNIT_TEST(load_static_pie)
{
   check_static_load("-static-pie");
}

/* "#!" scripts, nested ones, and their failures. */
UNIT_TEST(load_scripts)
{
   char dir[64], s1[128], s2[128], text[300], chain[6][128], buf[300];
   make_temp_dir(dir, sizeof dir);
   ExeInfo* info = malloc(sizeof *info);

   snprintf(s1, sizeof s1, "%s/s1", dir);
   write_file(s1, "#!/bin/sh -e\nexit 0\n", 0700);
   init_info(info);
   UT_CHECK(VG_(ume_load)(s1, info));
   UT_CHECK_STREQ(info->execfn, s1);
   UT_CHECK_STREQ(info->elf_path, "/bin/sh");
   UT_CHECK_STREQ(info->interp_name, "/bin/sh");
   UT_CHECK_STREQ(info->interp_args, "-e");
   UT_CHECK_EQ(info->n_argv_prefix, 3);
   UT_CHECK_STREQ(info->argv_prefix[0], "/bin/sh");
   UT_CHECK_STREQ(info->argv_prefix[1], "-e");
   UT_CHECK_STREQ(info->argv_prefix[2], s1);
   UT_CHECK(info->entry != 0);
   unmap_all(info);

   /* A script whose interpreter is a script: the kernel's nesting. */
   snprintf(s2, sizeof s2, "%s/s2", dir);
   snprintf(text, sizeof text, "#!%s  two words \n", s1);
   write_file(s2, text, 0700);
   init_info(info);
   UT_CHECK(VG_(ume_load)(s2, info));
   UT_CHECK_STREQ(info->execfn, s2);
   UT_CHECK_STREQ(info->interp_name, s1);
   UT_CHECK_STREQ(info->interp_args, "two words");
   UT_CHECK_EQ(info->n_argv_prefix, 5);
   if (info->n_argv_prefix == 5) {
      UT_CHECK_STREQ(info->argv_prefix[0], "/bin/sh");
      UT_CHECK_STREQ(info->argv_prefix[1], "-e");
      UT_CHECK_STREQ(info->argv_prefix[2], s1);
      UT_CHECK_STREQ(info->argv_prefix[3], "two words");
      UT_CHECK_STREQ(info->argv_prefix[4], s2);
   }
   unmap_all(info);

   /* Four scripts deep is fine, five is too many. */
   for (int i = 0; i < 6; i++) {
      snprintf(chain[i], sizeof chain[i], "%s/c%d", dir, i);
      snprintf(text, sizeof text, "#!%s\n", i == 0 ? "/bin/sh" : chain[i - 1]);
      write_file(chain[i], text, 0700);
   }
   init_info(info);
   UT_CHECK(VG_(ume_load)(chain[3], info));
   UT_CHECK_EQ(info->n_argv_prefix, 5);
   unmap_all(info);
   init_info(info);
   UT_CHECK(!VG_(ume_load)(chain[4], info));
   snprintf(buf, sizeof buf, "%s: too many levels of #! interpreters",
            chain[0]);
   UT_CHECK_STREQ(info->error, buf);

   /* Failures. */
   snprintf(s1, sizeof s1, "%s/bad", dir);
   write_file(s1, "#!/nonexistent/interp arg\n", 0700);
   init_info(info);
   UT_CHECK(!VG_(ume_load)(s1, info));
   snprintf(buf, sizeof buf, "%s: bad interpreter /nonexistent/interp: "
            "No such file or directory", s1);
   UT_CHECK_STREQ(info->error, buf);

   snprintf(s2, sizeof s2, "%s/text", dir);
   write_file(s2, "plain text\n", 0700);
   snprintf(text, sizeof text, "#!%s\n", s2);
   write_file(s1, text, 0700);
   init_info(info);
   UT_CHECK(!VG_(ume_load)(s1, info));
   snprintf(buf, sizeof buf, "%s: bad interpreter %s: not an ELF file "
            "(bad magic)", s1, s2);
   UT_CHECK_STREQ(info->error, buf);

   chmod(s2, 0600);
   init_info(info);
   UT_CHECK(!VG_(ume_load)(s1, info));
   snprintf(buf, sizeof buf, "%s: bad interpreter %s: Permission denied",
            s1, s2);
   UT_CHECK_STREQ(info->error, buf);

   write_file(s1, "#!\n", 0700);
   init_info(info);
   UT_CHECK(!VG_(ume_load)(s1, info));
   snprintf(buf, sizeof buf, "%s: bad #! line: no interpreter named (or the "
            "line is too long)", s1);
   UT_CHECK_STREQ(info->error, buf);

   /* The client itself: missing, not executable, a directory, not in
      $PATH. */
   init_info(info);
   UT_CHECK(!VG_(ume_load)("/nonexistent/prog", info));
   UT_CHECK_STREQ(info->error,
                  "/nonexistent/prog: No such file or directory");
   init_info(info);
   UT_CHECK(!VG_(ume_load)(s2, info));
   snprintf(buf, sizeof buf, "%s: Permission denied", s2);
   UT_CHECK_STREQ(info->error, buf);
   init_info(info);
   UT_CHECK(!VG_(ume_load)(dir, info));
   snprintf(buf, sizeof buf, "%s: Permission denied", dir);
   UT_CHECK_STREQ(info->error, buf);
   HChar** saved = VG_(core_envp);
   static char path_env[] = "PATH=/nonexistent";
   HChar* env[] = { path_env, NULL };
   VG_(core_envp) = env;
   init_info(info);
   UT_CHECK(!VG_(ume_load)("no-such-command", info));
   UT_CHECK_STREQ(info->error, "no-such-command: command not found");
   VG_(core_envp) = saved;

   free(info);
   remove_dir(dir);
}

/* The default bases: Linux's ELF_ET_DYN_BASE for executables, Valgrind's
   0x4000000 for the dynamic linker. */
UNIT_TEST(default_bases)
{
   UT_CHECK_EQ(VG_(ume_default_base)(0x10000, False), 0x555555554000UL);
   UT_CHECK_EQ(VG_(ume_default_base)(0x10000, True), 0x4000000UL);
}
