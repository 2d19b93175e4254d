/* The public face of VEX: translating guest code to host code. */
#ifndef __LIBVEX_H
#define __LIBVEX_H

#include "libvex_basictypes.h"
#include "libvex_ir.h"

/* Storage for IR and host code.  Everything VEX allocates for one
   translation comes from a bump allocator that is emptied wholesale before
   the next translation, so nothing is ever freed individually.  Tools may
   call this from their instrumentation function for IR-related
   temporaries of their own. */
extern void* LibVEX_Alloc(SizeT nbytes);

/* Prints how much of VEX's storage is in use. */
extern void LibVEX_ShowAllocStats(void);

/* The guest address ranges one superblock was built from (a superblock
   may chase unconditional jumps, so up to three ranges). */
typedef struct {
   Addr64 base[3];
   UShort len[3];
   UShort n_used;
} VexGuestExtents;

/* Where the guest state's stack pointer, frame pointer and program counter
   live, and its total size: filled in by the front end for the tools. */
typedef struct _VexGuestLayout VexGuestLayout;

/* The architectures VEX knows about (as guest or host). */
typedef enum {
   VexArch_INVALID = 0x400,
   VexArchX86,
   VexArchAMD64,
   VexArchARM64
} VexArch;

/* Byte order of an architecture's memory accesses. */
typedef enum {
   VexEndness_INVALID = 0x600,
   VexEndnessLE,
   VexEndnessBE
} VexEndness;

/* Feature bits of an amd64 CPU in VexArchInfo.hwcaps.  The baseline
   (hwcaps == 0) is SSE2 with cmpxchg8b.  The first group has VEX's values;
   SSE41, SSE42 and POPCNT are ours (VEX folds them into other bits).
   The amd64 instruction selector uses SSSE3 (pshufb), SSE41 (pmulld,
   pmaxsb/ud/sd/uw, pminsb/ud/sd/uw, pcmpeqq, packusdw), SSE42 (pcmpgtq)
   and CX16 (cmpxchg16b); without them it computes the same values with
   longer sequences or helper calls, except a 128-bit CAS, which needs
   CX16. */
#define VEX_HWCAPS_AMD64_SSE3    (1U << 5)   /* SSE3 */
#define VEX_HWCAPS_AMD64_CX16    (1U << 6)   /* cmpxchg16b */
#define VEX_HWCAPS_AMD64_LZCNT   (1U << 7)   /* lzcnt */
#define VEX_HWCAPS_AMD64_AVX     (1U << 8)   /* AVX */
#define VEX_HWCAPS_AMD64_RDTSCP  (1U << 9)   /* rdtscp */
#define VEX_HWCAPS_AMD64_BMI     (1U << 10)  /* BMI1 (tzcnt, andn, ...) */
#define VEX_HWCAPS_AMD64_AVX2    (1U << 11)  /* AVX2 */
#define VEX_HWCAPS_AMD64_SSSE3   (1U << 12)  /* SSSE3 */
#define VEX_HWCAPS_AMD64_RDRAND  (1U << 13)  /* rdrand */
#define VEX_HWCAPS_AMD64_F16C    (1U << 14)  /* F16C */
#define VEX_HWCAPS_AMD64_SSE41   (1U << 20)  /* SSE4.1 (ours) */
#define VEX_HWCAPS_AMD64_SSE42   (1U << 21)  /* SSE4.2 (ours) */
#define VEX_HWCAPS_AMD64_POPCNT  (1U << 22)  /* popcnt (ours) */

/* What the CPU (guest or host) can do: variant and feature bits. */
typedef struct _VexArchInfo VexArchInfo;
struct _VexArchInfo {
   UInt       hwcaps;    /* VEX_HWCAPS_<arch>_* bits */
   VexEndness endness;   /* VexEndnessLE on every supported architecture */
};

/* Facts about the guest's ABI that the front ends and instruction
   selectors may rely on.
   - guest_stack_redzone_szB: bytes below the stack pointer that the ABI
     lets a function use without moving it (amd64 SysV: 128).  The front
     end's AbiHints for calls and returns name the region below it.
   - guest_amd64_assume_fs_is_const / _gs_is_const: the front end may take
     the FS/GS segment bases in the guest state as constant for the whole
     run (on amd64 Linux: FS yes, it holds the thread pointer; GS no). */
typedef struct {
   Int  guest_stack_redzone_szB;
   Bool guest_amd64_assume_fs_is_const;
   Bool guest_amd64_assume_gs_is_const;
} VexAbiInfo;

/* The bytes a code patch (chaining, unchaining, profile-counter
   patching) changed, so the caller can make them visible to instruction
   fetch (nothing to do on amd64; a cache flush on arm64).  len == 0:
   nothing changed. */
typedef struct {
   HWord start;
   HWord len;
} VexInvalRange;

/* How much of the guest state must be up to date at the points where a
   translation can be interrupted (ir_opt.c's redundant-PUT removal and
   tree builder honour it; the front end asks the guest's
   preciseMemExnsFn which parts of the state a setting covers).  In
   increasing order of strictness:
   - VexRegUpdSpAtMemAccess: the stack pointer at every memory access
     (the core's stack extension needs it when an access faults);
     everything at block exits and as dirty helpers declare.
   - VexRegUpdUnwindregsAtMemAccess: the registers needed to unwind the
     stack (amd64: SP, BP and the program counter) at memory accesses.
     Valgrind's default.
   - VexRegUpdAllregsAtMemAccess: all the guest state at memory accesses.
   - VexRegUpdAllregsAtEachInsn: all the guest state at every
     instruction boundary (IMark), and at memory accesses. */
typedef enum {
   VexRegUpd_INVALID = 0x700,
   VexRegUpdSpAtMemAccess,
   VexRegUpdUnwindregsAtMemAccess,
   VexRegUpdAllregsAtMemAccess,
   VexRegUpdAllregsAtEachInsn
} VexRegisterUpdates;

/* What VEX does, as set by --vex-* options.  LibVEX_default_VexControl
   gives Valgrind's defaults, shown in brackets. */
typedef struct {
   /* IR optimisation: 0 = flatten only, 1 = cheap passes, 2 = all
      passes [2]. */
   Int iropt_level;
   /* > 0: the optimiser reports what it could not fold [0]. */
   Int iropt_verbosity;
   /* Precise-exception setting used when the caller has no other
      [VexRegUpdUnwindregsAtMemAccess]. */
   VexRegisterUpdates iropt_register_updates_default;
   /* Unroll self-loops whose body is at most this many statements
      (0: never) [120]. */
   Int iropt_unroll_thresh;
   /* Most guest instructions in one superblock, 1..100 [60]. */
   Int guest_max_insns;
   /* Chase unconditional direct jumps and calls [True]. */
   Bool guest_chase;
} VexControl;

/* Fills VCON with the defaults above. */
extern void LibVEX_default_VexControl(/*OUT*/VexControl* vcon);

/* ------------------------------------------------------------------ */
/* Translating one superblock (main_main.c)                            */
/* ------------------------------------------------------------------ */

/* Where the guest state's stack pointer, frame pointer and program
   counter are, for tools; provided by the guest's front end. */
struct _VexGuestLayout {
   Int total_sizeB;                 /* sizeof the guest state */
   Int offset_SP, sizeof_SP;
   Int offset_FP, sizeof_FP;
   Int offset_IP, sizeof_IP;
   /* Parts of the guest state that are always defined (memcheck need
      not track them): (offset, size) pairs. */
   Int n_alwaysDefd;
   struct { Int offset; Int size; } alwaysDefd[24];
};

/* Bytes after the guest state and its two shadow copies that translated
   code uses to spill registers. */
#define LibVEX_N_SPILL_BYTES 4096

/* Must be called once before anything else of VEX.  FAILURE_EXIT is
   called (and must not return) when VEX panics; LOG_BYTES receives all
   of VEX's output (traces, panic messages). */
extern void LibVEX_Init(void (*failure_exit)(void),
                        void (*log_bytes)(const HChar* bytes, SizeT nbytes),
                        const VexControl* vcon);

/* The trace-flags bits (--trace-flags, left to right). */
#define VEX_TRACE_FE      (1 << 7)  /* front end: guest insns and their IR */
#define VEX_TRACE_OPT1    (1 << 6)  /* after the first optimisation */
#define VEX_TRACE_INST    (1 << 5)  /* after instrumentation */
#define VEX_TRACE_OPT2    (1 << 4)  /* after the second optimisation */
#define VEX_TRACE_TREES   (1 << 3)  /* after tree building */
#define VEX_TRACE_VCODE   (1 << 2)  /* host code on virtual registers */
#define VEX_TRACE_RCODE   (1 << 1)  /* host code after register allocation */
#define VEX_TRACE_ASM     (1 << 0)  /* final host code with its bytes */

typedef IRSB* (*VexInstrumentFn)(void* callback_opaque, IRSB* sb_in,
                                 const VexGuestLayout* layout,
                                 const VexGuestExtents* vge,
                                 const VexArchInfo* archinfo_host,
                                 IRType gWordTy, IRType hWordTy);

typedef struct {
   VexArch      arch_guest;
   VexArchInfo  archinfo_guest;
   VexArch      arch_host;
   VexArchInfo  archinfo_host;
   VexAbiInfo   abiinfo_both;

   /* Passed back to the callbacks below. */
   void*        callback_opaque;

   /* The guest code: its bytes (as the host sees them) and the guest
      address they have.  VEX reads only what it decodes. */
   const UChar* guest_bytes;
   Addr64       guest_bytes_addr;
   /* May decoding continue at ADDR (chasing)?  NULL: yes. */
   Bool (*chase_into_ok)(void* callback_opaque, Addr64 addr);
   /* OUT: the guest ranges translated. */
   VexGuestExtents* guest_extents;

   /* Where the host code goes.  Its start must be 8-byte aligned (the
      chaining sites inside are aligned relative to it). */
   UChar*       host_bytes;
   Int          host_bytes_size;
   Int*         host_bytes_used;   /* OUT */

   /* The tool's instrumentation (may be NULL), and an optional last pass. */
   VexInstrumentFn instrument1;
   VexInstrumentFn instrument2;
   IRSB* (*finaltidy)(IRSB* sb);

   /* How up to date the guest state must be at memory accesses. */
   VexRegisterUpdates px_control;

   /* VEX_TRACE_* bits for this translation (0: none). */
   Int          traceflags;
   /* Put a profiling counter increment at the block's start. */
   Bool         addProfInc;

   /* The dispatcher's entry points the block's exits go to. */
   const void*  disp_cp_chain_me_to_slowEP;
   const void*  disp_cp_chain_me_to_fastEP;
   const void*  disp_cp_xindir;
   const void*  disp_cp_xassisted;
} VexTranslateArgs;

typedef enum {
   VexTransOK = 0x800,
   VexTransAccessFail,   /* the guest bytes could not be read */
   VexTransOutputFull    /* host_bytes_size too small: retry bigger */
} VexTranslateStatus;

typedef struct {
   VexTranslateStatus status;
   /* Offset of the profile counter's patch site in host_bytes, or -1. */
   Int  offs_profInc;
   /* Number of guest instructions translated. */
   UInt n_guest_instrs;
} VexTranslateResult;

extern VexTranslateResult LibVEX_Translate(VexTranslateArgs* vta);

/* Patching translated code: chain an exit to a translation, undo it, set
   the profile counter's address.  The returned range changed. */
extern VexInvalRange LibVEX_Chain(VexArch arch_host, void* place_to_chain,
                                  const void* disp_cp_chain_me_EXPECTED,
                                  const void* place_to_jump_to);
extern VexInvalRange LibVEX_UnChain(VexArch arch_host, void* place_to_unchain,
                                    const void* place_to_jump_to_EXPECTED,
                                    const void* disp_cp_chain_me);
extern VexInvalRange LibVEX_PatchProfInc(VexArch arch_host,
                                         void* place_to_patch,
                                         const ULong* location_of_counter);
/* Size of the event check at the start of every translation: the
   "fast entry point" is this many bytes after the slow one. */
extern Int LibVEX_evCheckSzB(VexArch arch_host);

/* The guest layout of ARCH (for tools and the core). */
extern const VexGuestLayout* LibVEX_GuestLayout(VexArch arch_guest);

#endif
