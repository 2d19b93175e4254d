/* The client's initial image (module m_initimg), core interface: its
   stack with argv, envp and the auxiliary vector laid out exactly as
   Linux's create_elf_tables lays them out, the environment it gets, and
   its first register values.  Also the core's own auxiliary vector. */
#ifndef __PUB_CORE_INITIMG_H
#define __PUB_CORE_INITIMG_H

#include "pub_core_basics.h"
#include "pub_tool_xarray.h"

/* ------------------------------------------------------------------ */
/* The core's own auxiliary vector.                                     */
/* ------------------------------------------------------------------ */

/* The (type, value) pairs the kernel gave the core, ending with
   VKI_AT_NULL; NULL until m_main sets it. */
extern UWord* VG_(core_auxv);

/* Sets VG_(core_auxv) from the core's initial ENVP: the auxv follows
   envp's terminating NULL. */
extern void VG_(set_core_auxv_from_envp)(HChar** envp);

/* The value of the core's auxv entry TYPE (VKI_AT_*) into *VALUE:
   False if there is none. */
extern Bool VG_(core_auxv_get)(UWord type, UWord* value);

/* ------------------------------------------------------------------ */
/* The emulated CPU as the client sees it in its auxv.                  */
/* ------------------------------------------------------------------ */

/* AT_HWCAP and AT_HWCAP2.  amd64: AT_HWCAP is CPUID.1:EDX of the
   emulated CPU (the x86-64-v2 class CPU of VEX's amd64 CPUID helper:
   SSE..SSE4.2, POPCNT, CX16, no AVX), 0x078bfbff; AT_HWCAP2 is 0 (no
   FSGSBASE, no ring-3 MWAIT).  The unit tests check AT_HWCAP against
   the CPUID helper itself, so the two cannot drift apart. */
extern const UWord VG_(machine_hwcap);
extern const UWord VG_(machine_hwcap2);

/* ------------------------------------------------------------------ */
/* The stack image, as a pure function (the unit tests build it into a  */
/* buffer).                                                             */
/* ------------------------------------------------------------------ */

/* The auxv values that do not point into the stack image. */
typedef struct {
   Addr  phdr;           /* AT_PHDR */
   UWord phent;          /* AT_PHENT */
   UWord phnum;          /* AT_PHNUM */
   Addr  base;           /* AT_BASE: the dynamic linker's load bias */
   UWord flags;          /* AT_FLAGS */
   Addr  entry;          /* AT_ENTRY: the executable's entry */
   UWord uid, euid, gid, egid;
   UWord secure;         /* AT_SECURE */
   UWord pagesz;         /* AT_PAGESZ */
   UWord clktck;         /* AT_CLKTCK */
   UWord hwcap, hwcap2;  /* AT_HWCAP, AT_HWCAP2 */
   Addr  sysinfo_ehdr;   /* AT_SYSINFO_EHDR; 0: none (the entry is then
                            AT_IGNORE, as Valgrind gives it) */
   UWord minsigstksz;    /* AT_MINSIGSTKSZ */
} IIAuxFacts;

typedef struct {
   HChar* const* argv;   /* NULL-terminated: the client's argv */
   HChar* const* envp;   /* NULL-terminated: the client's environment */
   const HChar*  execfn; /* AT_EXECFN's string */
   const UChar*  random; /* AT_RANDOM's 16 bytes */
   IIAuxFacts    aux;
} IIStackSpec;

/* Where the parts of a built image are (client addresses). */
typedef struct {
   Addr  sp;             /* the initial stack pointer: at argc */
   Addr  argv;           /* the argv array */
   Addr  envp;           /* the envp array */
   Addr  auxv;           /* the auxv array */
   UInt  n_auxv;         /* its entries, AT_NULL included */
   Addr  strings;        /* the lowest byte of the argv/envp strings */
   Addr  execfn;         /* AT_EXECFN */
   Addr  platform;       /* AT_PLATFORM (0: none) */
   Addr  random;         /* AT_RANDOM */
} IIStackLayout;

/* How many bytes below the top of the stack the image of SPEC takes. */
extern SizeT VG_(ii_stack_image_size)(const IIStackSpec* spec);

/* Builds the image of SPEC so that it ends at client address TOP (the
   first byte above the stack; a page boundary), into MEM: the SIZE
   bytes of memory that stand for the client's [TOP - SIZE, TOP).
   Pointers stored in the image are client addresses.  MEM may be the
   client's stack itself (TOP - SIZE == (Addr)MEM).  False if SIZE is
   too small.  *OUT says where everything went. */
extern Bool VG_(ii_build_stack_image)(const IIStackSpec* spec, Addr top,
                                      UChar* mem, SizeT size,
                                      IIStackLayout* out);

/* The client's environment, in new memory: ENVP without the launcher's
   VALGRIND_LAUNCHER, and with PRELOAD (a ':'-separated list of shared
   objects; NULL for none) in front of LD_PRELOAD, which is added when
   missing.  The hook for the tools' preload libraries. */
extern HChar** VG_(ii_client_env)(HChar** envp, const HChar* preload);

/* ------------------------------------------------------------------ */
/* Creating the image.                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
   const HChar* exename;     /* the client, as named on the command line */
   XArray*      args;        /* its arguments after argv[0] (HChar*) */
   HChar**      envp;        /* the core's environment */
   const HChar* preload;     /* for LD_PRELOAD; NULL: none */
   /* The highest byte of the client stack area: what VG_(am_startup)
      returns.  0: the platform's default (amd64: 64GB - 1, the top of
      the client's space in m_aspacemgr's layout). */
   Addr         clstack_end;
   /* The stack's size; 0: RLIMIT_STACK, clamped to 1MB..16MB, as
      Valgrind does (the size --main-stacksize will set). */
   SizeT        main_stacksize;
   /* True: no vDSO for the client (AT_SYSINFO_EHDR becomes AT_IGNORE,
      as Valgrind does).  False: the core's vDSO is the client's too. */
   Bool         hide_vdso;
   /* Where position-independent executables go; see ExeInfo. */
   Addr       (*choose_base)(SizeT span, Bool is_interp);
} IICreateImageInfo;

/* The first register values, the same on every platform: the scheduler
   copies them into thread 1's guest state, all other registers 0.
   amd64: %rsp = SP, %rip = IP, %rdx = ATEXIT_FN (0: no function for
   the program's _start to register with atexit). */
typedef struct {
   Addr  sp;
   Addr  ip;
   UWord atexit_fn;
} IIInitialRegs;

typedef struct {
   IIInitialRegs regs;
   Addr    clstack_start;    /* the stack: [clstack_start, clstack_end] */
   Addr    clstack_end;
   SizeT   clstack_max_size;
   Addr    brk_base;         /* where the client's brk area starts */
   Addr    client_argv;      /* in the client's memory */
   Addr    client_envp;
   Addr    client_auxv;
   Addr    entry;            /* AT_ENTRY */
   Addr    interp_base;      /* AT_BASE (0: no dynamic linker) */
   Addr    vdso_start;       /* the client's vDSO (0: none) */
   SizeT   vdso_len;
   UInt    stack_prot;
   XArray* mappings;         /* UmeMapping: the executable's and dynamic
                                linker's mappings (see pub_core_ume.h) */
   /* The ELF file that was loaded (for a #! script, its interpreter):
      what /proc/self/exe names in a native run. */
   const HChar* exe_path;
} IIFinaliseImageInfo;

/* Loads the client (m_ume: a failure ends the run with its message),
   maps its stack, builds the initial image on it.  A stack that cannot
   be mapped, or arguments that do not fit, end the run with a message
   and status 1. */
extern IIFinaliseImageInfo VG_(ii_create_image)(const IICreateImageInfo*
                                                iicii);

/* Tells a tool about the client memory that exists at start-up: every
   mapping of the executable and dynamic linker, the used part of the
   stack (from the stack pointer less the ABI's red zone to the top)
   and the vDSO.  NEW_MEM_STARTUP is the tool's tracker. */
extern void VG_(ii_report_startup_mem)(
   const IIFinaliseImageInfo* iifii,
   void (*new_mem_startup)(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                           ULong di_handle));

#endif
