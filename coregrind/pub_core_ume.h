/* Loading the client (module m_ume: "user-mode exec"), core interface.

   The core does for the client what execve(2) does for a process: it
   finds the executable as a shell would, follows "#!" lines to their
   interpreter (with the kernel's argument rules), checks the ELF file,
   maps its PT_LOAD segments and those of its PT_INTERP dynamic linker,
   and says where the client starts.  Everything it maps goes through
   the address-space manager's client-mapping calls.

   Malformed files never crash the core: every check the kernel makes,
   and a few it leaves to a later SIGSEGV or SIGBUS, gives a one-line
   reason.  VG_(do_exec) prints it as "valgrind: <file>: <reason>" and
   exits with status 1; VG_(ume_load) hands it back instead. */
#ifndef __PUB_CORE_UME_H
#define __PUB_CORE_UME_H

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_tool_xarray.h"

/* ------------------------------------------------------------------ */
/* The ELF checks, as pure functions over the file's bytes.            */
/* ------------------------------------------------------------------ */

/* One program header, whatever the file's class. */
typedef struct {
   UInt  type;      /* VKI_PT_* */
   UInt  flags;     /* VKI_PF_* */
   ULong offset;
   ULong vaddr;
   ULong filesz;
   ULong memsz;
   ULong align;
} UmePhdr;

/* The kernel reads at most one page of program headers: 73 of 56 bytes
   (ELF64) or 128 of 32 bytes (ELF32) with 4K pages. */
#define VG_UME_MAX_PHDRS 128

/* What the checks found out about a file that passed them. */
typedef struct {
   UInt    ei_class;        /* VKI_ELFCLASS32 or VKI_ELFCLASS64 */
   UInt    e_type;          /* VKI_ET_EXEC or VKI_ET_DYN */
   UInt    e_machine;       /* VKI_EM_* */
   ULong   e_entry;
   ULong   e_phoff;
   UInt    e_phentsize;
   UInt    e_phnum;
   UmePhdr phdrs[VG_UME_MAX_PHDRS];   /* e_phnum of them */
   UInt    n_load;          /* how many are PT_LOAD (at least one) */
   /* The PT_LOAD segments' page-rounded extent, before relocation:
      [load_lo, load_hi). */
   ULong   load_lo;
   ULong   load_hi;
   /* The end of the highest segment in memory (p_vaddr + p_memsz),
      before relocation and rounding: where the brk area starts. */
   ULong   load_end;
   /* Where the program headers are in memory, before relocation: in
      the PT_LOAD whose file data contain them (as Linux 6 finds them),
      else PT_PHDR's p_vaddr, else 0 (not loaded). */
   ULong   phdr_vaddr;
   Bool    has_interp;
   HChar   interp[VKI_PATH_MAX];   /* PT_INTERP's path, when has_interp */
   Bool    exec_stack;      /* PT_GNU_STACK asks for an executable stack */
} UmeElfSummary;

/* Reads LEN bytes at OFFSET of the file into BUF: how many were read
   (fewer at the end of the file), or -1. */
typedef Long (*UmeReadFn)(void* opaque, void* buf, SizeT len, ULong offset);

/* Checks the ELF file of FILE_SIZE bytes that READ reads, as an
   executable for this platform (class, byte order, machine).  True if
   it may be loaded, with *OUT filled in; otherwise False with the
   reason (one line, no newline, e.g. "wrong ELF class ELFCLASS32
   (expected ELFCLASS64)") in WHY. */
extern Bool VG_(ume_check_elf)(UmeReadFn read, void* opaque,
                               ULong file_size, UmeElfSummary* out,
                               HChar* why, SizeT why_size);

/* The same over a file held in memory: IMAGE, SIZE bytes. */
extern Bool VG_(ume_check_elf_image)(const UChar* image, SizeT size,
                                     UmeElfSummary* out,
                                     HChar* why, SizeT why_size);

/* One mapping the loader makes (or made): LEN bytes at START with PROT,
   from the file at OFFSET when IS_FILE, else anonymous.  When
   ZERO_FROM is not 0 the bytes from it to the end of the mapping are
   cleared after mapping (the .bss part of a segment's last file page;
   only when PROT allows writing, as the kernel does).  SEG is the
   index of the program header it comes from. */
typedef struct {
   Addr   start;
   SizeT  len;
   UInt   prot;
   Bool   is_file;
   Off64T offset;
   Addr   zero_from;
   UInt   seg;
   Bool   is_interp;        /* a segment of the dynamic linker */
} UmeMapping;

/* The mappings that load the checked file SUM at BIAS (0 for ET_EXEC)
   into OUT (at least 2 * SUM->n_load entries); returns how many.
   Page-aligned; a page shared by two segments goes to the later one,
   as with the kernel's successive MAP_FIXED mappings. */
extern UInt VG_(ume_plan_mappings)(const UmeElfSummary* sum, Addr bias,
                                   UmeMapping* out);

/* ------------------------------------------------------------------ */
/* "#!" scripts.                                                       */
/* ------------------------------------------------------------------ */

/* Parses the first LEN bytes of a file (at most VKI_BINPRM_BUF_SIZE
   are looked at) as the kernel's binfmt_script does.  Returns False if
   they do not start with "#!".  Otherwise True, with *INTERP_LEN
   characters of BUF from *INTERP_START the interpreter's path
   (*INTERP_LEN is 0 when the line names none) and *ARG_LEN characters
   from *ARG_START its one optional argument (everything after the
   path, blanks at both ends removed; *ARG_LEN is 0 when there is
   none).  A line cut by the buffer's end within the interpreter's path
   gives *INTERP_LEN 0 (the kernel refuses it). */
extern Bool VG_(ume_parse_shebang)(const HChar* buf, SizeT len,
                                   SizeT* interp_start, SizeT* interp_len,
                                   SizeT* arg_start, SizeT* arg_len);

/* ------------------------------------------------------------------ */
/* Loading.                                                            */
/* ------------------------------------------------------------------ */

/* How deeply "#!" interpreters may be scripts themselves. */
#define VG_UME_MAX_SCRIPT_DEPTH VKI_BINPRM_MAX_RECURSION

typedef struct {
   /* IN: where to put a position-independent (ET_DYN) executable
      (IS_INTERP False) or dynamic linker (IS_INTERP True) whose
      segments span SPAN bytes: a page-aligned address.  NULL: the
      defaults of VG_(ume_default_base).  The address-space manager's
      advisory takes this over. */
   Addr (*choose_base)(SizeT span, Bool is_interp);

   /* OUT: the executable (the ELF file, after any "#!" scripts). */
   Addr   exe_base;         /* its mappings cover [exe_base, exe_end) */
   Addr   exe_end;
   Addr   exe_bias;         /* load bias: 0 for ET_EXEC */
   Addr   phdr;             /* AT_PHDR (0: the headers are not loaded) */
   UInt   phnum;            /* AT_PHNUM */
   UInt   phent;            /* AT_PHENT */
   Addr   entry;            /* AT_ENTRY: the executable's own entry */
   Addr   init_ip;          /* the first instruction: the dynamic
                               linker's entry, else ENTRY */
   Addr   interp_offset;    /* AT_BASE: the dynamic linker's load bias;
                               0 without one */
   Addr   interp_base;      /* its mappings: [interp_base, interp_end) */
   Addr   interp_end;
   Addr   brkbase;          /* page-rounded end of the highest segment */
   UInt   stack_prot;       /* VKI_PROT_* for the main stack */

   /* OUT: the executable's path as execve would have been given it
      (the client as typed, or as found in $PATH): AT_EXECFN.  For a
      script, the script's path. */
   HChar  execfn[VKI_PATH_MAX];
   /* OUT: the ELF file actually loaded (the last interpreter of a
      chain of scripts; EXECFN otherwise). */
   HChar  elf_path[VKI_PATH_MAX];

   /* OUT: "#!" handling.  INTERP_NAME/INTERP_ARGS are the first
      script's interpreter and its optional argument (NULL when there is
      no script / no argument).  ARGV_PREFIX (N_ARGV_PREFIX strings)
      replaces the client's argv[0] in the client's argv: for one script
      { interp, [arg,] script-path }, and for interpreters that are
      scripts themselves the kernel's nesting of the same.  Empty when
      the client is an ELF file. */
   HChar* interp_name;
   HChar* interp_args;
   HChar* argv_prefix[3 * (VG_UME_MAX_SCRIPT_DEPTH + 1)];
   Int    n_argv_prefix;

   /* OUT: every mapping made, as UmeMapping elements, for the tools'
      new_mem_startup and for the address-space manager. */
   XArray* mappings;

   /* OUT, when loading failed: "<file>: <reason>", one line. */
   HChar  error[VKI_PATH_MAX + 256];
} ExeInfo;

/* The base for a position-independent executable when
   ExeInfo.choose_base is NULL.  amd64: the executable at 0x555555554000,
   where Linux puts it with address-space randomisation off
   (ELF_ET_DYN_BASE), and the dynamic linker at 0x4000000, where
   Valgrind puts it. */
extern Addr VG_(ume_default_base)(SizeT span, Bool is_interp);

/* Finds NAME as a shell would: as it is when it contains a '/', else
   the first executable regular file of that name in $PATH (failing
   that the first regular file, which then fails with EACCES).  The
   path into BUF; False (BUF unchanged) when nothing was found or it
   does not fit. */
extern Bool VG_(ume_find_executable)(const HChar* name, HChar* buf,
                                     SizeT size);

/* Loads the client EXE (found as VG_(ume_find_executable) finds it)
   into the address space as described by INFO (its IN fields set,
   the rest zeroed).  True on success; otherwise False with
   INFO->error set, and whatever was mapped left mapped. */
extern Bool VG_(ume_load)(const HChar* exe, ExeInfo* info);

/* VG_(ume_load), and on failure "valgrind: <INFO->error>" and exit
   status 1.  Returns 0. */
extern Int VG_(do_exec)(const HChar* exe, ExeInfo* info);

#endif
