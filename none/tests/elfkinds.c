/* One program built static, PIE and non-PIE (prog_static, prog_pie,
   prog_nopie, prog_static_pie): what the loader gave it (argv, envp, the
   auxiliary vector, the program headers, TLS, brk) and some libc work.
   Nothing it prints depends on addresses, so its output under valgrind
   must be the native one. */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern void _start(void);

static __thread int tls_counter = 5;
static __thread char tls_text[32];
static int data_var = 42;
static int bss_var;

static int compare_u32(const void* a, const void* b)
{
   uint32_t x = *(const uint32_t*)a, y = *(const uint32_t*)b;
   return (x > y) - (x < y);
}

static const char* pt_name(uint32_t type)
{
   switch (type) {
   case PT_NULL: return "NULL";
   case PT_LOAD: return "LOAD";
   case PT_DYNAMIC: return "DYNAMIC";
   case PT_INTERP: return "INTERP";
   case PT_NOTE: return "NOTE";
   case PT_PHDR: return "PHDR";
   case PT_TLS: return "TLS";
   case PT_GNU_EH_FRAME: return "GNU_EH_FRAME";
   case PT_GNU_STACK: return "GNU_STACK";
   case PT_GNU_RELRO: return "GNU_RELRO";
   case PT_GNU_PROPERTY: return "GNU_PROPERTY";
   default: return "other";
   }
}

static void show_loader(void)
{
   const Elf64_Phdr* ph = (const Elf64_Phdr*)getauxval(AT_PHDR);
   unsigned long phnum = getauxval(AT_PHNUM);
   printf("AT_PAGESZ %lu, AT_PHENT %lu (Elf64_Phdr %zu), AT_PHNUM %lu\n",
          getauxval(AT_PAGESZ), getauxval(AT_PHENT), sizeof *ph, phnum);

   /* The program headers are in the first page of the first PT_LOAD
      segment, after the ELF header: that page is the header's, and the
      load bias is its address less the segment's p_vaddr. */
   uintptr_t lowest = UINTPTR_MAX, phdr_vaddr = 0;
   int has_phdr = 0;
   printf("program headers:");
   for (unsigned long i = 0; i < phnum; i++) {
      printf(" %s", pt_name(ph[i].p_type));
      if (ph[i].p_type == PT_PHDR) {
         phdr_vaddr = ph[i].p_vaddr;
         has_phdr = 1;
      }
      if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr < lowest)
         lowest = ph[i].p_vaddr;
   }
   printf("\n");
   const Elf64_Ehdr* eh =
      (const Elf64_Ehdr*)((uintptr_t)ph & ~(getauxval(AT_PAGESZ) - 1));
   uintptr_t bias = (uintptr_t)eh - lowest;
   printf("ELF header mapped: %s, type %s\n",
          memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 ? "yes" : "no",
          eh->e_type == ET_EXEC ? "EXEC" : eh->e_type == ET_DYN ? "DYN" : "?");
   printf("AT_PHDR is the header's e_phoff: %s\n",
          (uintptr_t)eh + eh->e_phoff == (uintptr_t)ph ? "yes" : "no");
   if (has_phdr)
      printf("AT_PHDR is PT_PHDR's p_vaddr + bias: %s\n",
             phdr_vaddr + bias == (uintptr_t)ph ? "yes" : "no");
   printf("bias %s\n", bias == 0 ? "zero" : "non-zero");
   printf("AT_ENTRY is e_entry + bias: %s, is _start: %s\n",
          getauxval(AT_ENTRY) == bias + eh->e_entry ? "yes" : "no",
          getauxval(AT_ENTRY) == (uintptr_t)&_start ? "yes" : "no");
   printf("AT_BASE (the dynamic linker) %s\n",
          getauxval(AT_BASE) != 0 ? "set" : "zero");
   const char* execfn = (const char*)getauxval(AT_EXECFN);
   printf("AT_EXECFN %s, AT_SECURE %lu\n", execfn ? execfn : "(none)",
          getauxval(AT_SECURE));
   const unsigned char* rnd = (const unsigned char*)getauxval(AT_RANDOM);
   int nonzero = 0;
   for (int i = 0; rnd != NULL && i < 16; i++)
      nonzero |= rnd[i];
   printf("AT_RANDOM: 16 bytes, %s\n", nonzero ? "not all zero" : "ZERO");
   printf("AT_UID = getuid: %s\n",
          getauxval(AT_UID) == (unsigned long)getuid() ? "yes" : "no");
}

int main(int argc, char** argv)
{
   printf("argc %d:", argc);
   for (int i = 0; i < argc; i++)
      printf(" [%s]", argv[i]);
   printf("\n");
   printf("environment has ELFKINDS: %s\n",
          getenv("ELFKINDS") ? getenv("ELFKINDS") : "(unset)");
   show_loader();

   /* Initialised and zeroed data, thread-local storage. */
   tls_counter += data_var + bss_var;
   snprintf(tls_text, sizeof tls_text, "tls %d", tls_counter);
   printf("%s, data %d, bss %d\n", tls_text, data_var, bss_var);

   /* The brk segment grows and shrinks. */
   char* brk0 = sbrk(0);
   if (sbrk(256 * 1024) == (void*)-1) {
      printf("sbrk failed\n");
      return 1;
   }
   memset(brk0, 0x5a, 256 * 1024);
   printf("brk grew by %ld\n", (long)((char*)sbrk(0) - brk0));
   sbrk(-256 * 1024);
   printf("brk back: %s\n", (char*)sbrk(0) == brk0 ? "yes" : "no");

   /* malloc, small and large (mmap'd), qsort, stdio formatting. */
   enum { N = 100000 };
   uint32_t* v = malloc(N * sizeof *v);
   uint32_t x = 12345;
   for (int i = 0; i < N; i++) {
      x = x * 1664525u + 1013904223u;
      v[i] = x >> 8;
   }
   qsort(v, N, sizeof *v, compare_u32);
   uint64_t check = 0;
   for (int i = 0; i < N; i++)
      check = check * 31 + v[i];
   printf("sorted: min %u max %u median %u check %llx\n", v[0], v[N - 1],
          v[N / 2], (unsigned long long)check);
   free(v);
   char* blocks[200];
   size_t total = 0;
   for (int i = 0; i < 200; i++) {
      size_t size = (size_t)(i * 37 % 500 + 1) * (i % 20 == 0 ? 4096 : 8);
      blocks[i] = malloc(size);
      memset(blocks[i], i, size);
      total += size;
   }
   for (int i = 0; i < 200; i += 2)
      free(blocks[i]);
   for (int i = 1; i < 200; i += 2)
      free(blocks[i]);
   printf("malloc'd and freed %zu bytes\n", total);
   double s = 0;
   for (int k = 1; k < 100000; k++)
      s += 1.0 / ((double)k * k);
   printf("%.12f %g %e %a\n", s, 1e21, 1.0 / 3, 0.1);
   printf("strtod %.17g, strtol %ld\n", strtod("2.718281828459045", NULL),
          strtol("-0x7fff", NULL, 16));
   return argc + 2;
}
