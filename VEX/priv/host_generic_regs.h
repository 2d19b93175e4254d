/* The architecture-independent half of VEX's back ends: host registers
   (real and virtual), the universe of real registers a host offers, what
   an instruction does to registers (HRegUsage), register renaming
   (HRegRemap), arrays of host instructions, where a helper call leaves
   its result (RetLoc), and the register allocator's interface.  (The
   translation return codes of assisted exits are in the public
   libvex_trc_values.h, included here.)

   Every host (amd64, x86, arm64) describes its instructions to the
   allocator through the callbacks of RegAllocControl; the allocator
   itself knows nothing about any host.

   Freestanding: no libc, no system headers. */
#ifndef __VEX_HOST_GENERIC_REGS_H
#define __VEX_HOST_GENERIC_REGS_H

#include "libvex_basictypes.h"
#include "libvex.h"
#include "libvex_trc_values.h"

/* ------------------------------------------------------------------ */
/* Registers                                                          */
/* ------------------------------------------------------------------ */

/* Register classes: what kind of value a register holds.  A host uses
   the classes it needs (amd64: HRcInt64 and HRcVec128; x86: HRcInt32,
   HRcFlt64 for x87, HRcVec128; arm64: HRcInt64, HRcFlt64, HRcVec128). */
typedef enum {
   HRcINVALID = 0,
   HRcInt32   = 1,   /* 32-bit integer */
   HRcInt64   = 2,   /* 64-bit integer */
   HRcFlt32   = 3,   /* 32-bit float */
   HRcFlt64   = 4,   /* 64-bit float (or x87 80-bit, spilled as 64) */
   HRcVec64   = 5,   /* 64-bit SIMD */
   HRcVec128  = 6    /* 128-bit SIMD */
} HRegClass;

#define HrcLAST HRcVec128

/* A register, real or virtual, in one 32-bit word:

      bit  31      1 = virtual, 0 = real
      bits 27..30  the HRegClass
      real:    bits 20..26  the hardware encoding (e.g. 0..15 on amd64)
               bits  0..19  the index in the host's RRegUniverse
      virtual: bits  0..26  the virtual register's number

   All ones is the invalid register (class 15, which is no class). */
typedef struct { UInt u32; } HReg;

#define HREG_VIRTUAL_BIT   0x80000000U
#define HREG_CLASS_SHIFT   27
#define HREG_ENC_SHIFT     20
#define HREG_MAX_VREGS     (1U << 27)
#define HREG_MAX_RREG_IX   (1U << 20)

/* A compile-time constant real register (for static tables). */
#define HREG_REAL_INITIALISER(rc, enc, ix)                                  \
   { ((UInt)(rc) << HREG_CLASS_SHIFT) | ((UInt)(enc) << HREG_ENC_SHIFT)     \
     | (UInt)(ix) }

static inline HReg mkHReg(Bool isVirtual, HRegClass rc, UInt enc, UInt ix)
{
   HReg r;
   if (isVirtual)
      r.u32 = HREG_VIRTUAL_BIT | ((UInt)rc << HREG_CLASS_SHIFT)
              | (ix & (HREG_MAX_VREGS - 1));
   else
      r.u32 = ((UInt)rc << HREG_CLASS_SHIFT) | ((enc & 0x7F) << HREG_ENC_SHIFT)
              | (ix & (HREG_MAX_RREG_IX - 1));
   return r;
}

/* The virtual register number IX of class RC. */
static inline HReg mkHRegVirtual(UInt ix, HRegClass rc)
{
   return mkHReg(True, rc, 0, ix);
}

static const HReg INVALID_HREG = { 0xFFFFFFFFU };

static inline Bool hregIsInvalid(HReg r) { return r.u32 == 0xFFFFFFFFU; }
static inline Bool sameHReg(HReg a, HReg b) { return a.u32 == b.u32; }
static inline Bool hregIsVirtual(HReg r)
{
   return (r.u32 & HREG_VIRTUAL_BIT) != 0;
}
static inline HRegClass hregClass(HReg r)
{
   return (HRegClass)((r.u32 >> HREG_CLASS_SHIFT) & 0xF);
}
/* A virtual register's number, or a real register's universe index. */
static inline UInt hregIndex(HReg r)
{
   return hregIsVirtual(r) ? (r.u32 & (HREG_MAX_VREGS - 1))
                           : (r.u32 & (HREG_MAX_RREG_IX - 1));
}
/* A real register's hardware encoding. */
static inline UInt hregEncoding(HReg r)
{
   return (r.u32 >> HREG_ENC_SHIFT) & 0x7F;
}

/* Prints a register generically: virtual ones as VEX does (%vR12 for
   Int64 number 12, %vV3 for Vec128 number 3; the letters per class are
   r R F D v V), real ones the same way without the v (%R3 is encoding 3).
   Hosts print real registers by name (ppHRegAMD64). */
extern void ppHRegClass(HRegClass rc);
extern void ppHReg(HReg r);

/* ------------------------------------------------------------------ */
/* The real registers of a host                                       */
/* ------------------------------------------------------------------ */

#define N_RREGUNIVERSE_REGS 64

/* Every real register the host's instructions may mention.  regs[0 ..
   allocable-1] are those the allocator may hand out, in the order it
   should prefer them; each class's allocatable registers are contiguous
   (allocable_start[rc] .. allocable_end[rc]-1, empty when equal).  The
   rest (stack pointer, guest-state pointer, scratch registers of the
   emitter and the dispatcher) are listed so that instructions can report
   them, but the allocator never touches them.  Each real register's
   universe index (hregIndex) is its position in regs[]. */
typedef struct {
   UInt size;
   UInt allocable;
   UInt allocable_start[HrcLAST + 1];
   UInt allocable_end[HrcLAST + 1];
   HReg regs[N_RREGUNIVERSE_REGS];
} RRegUniverse;

/* Empties RU (for hosts that build their universe at run time). */
extern void RRegUniverse__init(RRegUniverse* ru);
/* Computes allocable_start/end from regs[] and allocable, and panics if
   RU is not well formed. */
extern void RRegUniverse__finish(RRegUniverse* ru);
/* Panics if RU is not well formed (indices, classes, contiguity). */
extern void RRegUniverse__check_is_sane(const RRegUniverse* ru);
/* Prints RU, naming registers with PP_REG. */
extern void RRegUniverse__show(const RRegUniverse* ru, void (*pp_reg)(HReg));

/* ------------------------------------------------------------------ */
/* How an instruction uses registers                                  */
/* ------------------------------------------------------------------ */

/* Modify = read then written: the register's old value matters and it
   holds a new one afterwards. */
typedef enum {
   HRmRead   = 1,
   HRmWrite  = 2,
   HRmModify = 3
} HRegMode;

/* At most this many distinct virtual registers per instruction. */
#define N_HREGUSAGE_VREGS 8

/* What one instruction does to registers.  Real registers as bit sets
   over universe indices; virtual ones as a small list.  An instruction
   reads all the registers it reads before it writes any register it
   writes: a register that dies as an input may be the register of an
   output.  A reg-reg move that copies a whole register of one class to
   another register of the same class says so (the allocator may then
   coalesce it away). */
typedef struct {
   ULong    rRead;
   ULong    rWritten;
   HReg     vRegs[N_HREGUSAGE_VREGS];
   UChar    vMode[N_HREGUSAGE_VREGS];
   UInt     n_vRegs;
   Bool     isRegRegMove;
   HReg     regMoveSrc;
   HReg     regMoveDst;
} HRegUsage;

extern void initHRegUsage(HRegUsage* u);
/* Adds REG with MODE; a register added twice gets the union of modes. */
extern void addHRegUse(HRegUsage* u, HRegMode mode, HReg reg);
/* Records that the instruction is a move SRC -> DST. */
extern void setHRegUsageMove(HRegUsage* u, HReg src, HReg dst);
/* The mode in which U uses REG, or 0 when it does not. */
extern UInt HRegUsage__modeOf(const HRegUsage* u, HReg reg);
extern void ppHRegUsage(const RRegUniverse* univ, const HRegUsage* u,
                        void (*pp_reg)(HReg));

/* ------------------------------------------------------------------ */
/* Renaming virtual registers to real ones                            */
/* ------------------------------------------------------------------ */

typedef struct {
   HReg orig[N_HREGUSAGE_VREGS];
   HReg replacement[N_HREGUSAGE_VREGS];
   UInt n_used;
} HRegRemap;

extern void initHRegRemap(HRegRemap* m);
extern void addToHRegRemap(HRegRemap* m, HReg orig, HReg replacement);
/* REG's replacement; real registers map to themselves.  Panics on a
   virtual register the map does not know. */
extern HReg lookupHRegRemap(const HRegRemap* m, HReg reg);

/* ------------------------------------------------------------------ */
/* Arrays of host instructions                                        */
/* ------------------------------------------------------------------ */

/* A host instruction, opaque to generic code. */
typedef void HInstr;

typedef struct {
   HInstr** arr;
   Int      arr_size;
   Int      arr_used;
   Int      n_vregs;   /* virtual registers are numbered 0 .. n_vregs-1 */
} HInstrArray;

/* Both allocate with LibVEX_Alloc. */
extern HInstrArray* newHInstrArray(void);
extern void         addHInstr(HInstrArray* ha, HInstr* instr);

/* ------------------------------------------------------------------ */
/* Where a helper call leaves its result                              */
/* ------------------------------------------------------------------ */

typedef enum {
   RLPri_INVALID = 0,
   RLPri_None,        /* no result */
   RLPri_Int,         /* in the integer return register */
   RLPri_2Int,        /* in the two integer return registers */
   RLPri_V128SpRel,   /* 16 bytes at spOff from the stack pointer */
   RLPri_V256SpRel    /* 32 bytes at spOff from the stack pointer */
} RetLocPrimary;

typedef struct {
   RetLocPrimary pri;
   Int           spOff;   /* only for the *SpRel kinds */
} RetLoc;

static inline RetLoc mk_RetLoc_simple(RetLocPrimary pri)
{
   RetLoc rl;
   rl.pri   = pri;
   rl.spOff = 0;
   return rl;
}
static inline RetLoc mk_RetLoc_spRel(RetLocPrimary pri, Int off)
{
   RetLoc rl;
   rl.pri   = pri;
   rl.spOff = off;
   return rl;
}
extern Bool is_sane_RetLoc(RetLoc rl);
/* Prints e.g. RLPri_Int or RLPri_V128SpRel(16). */
extern void ppRetLoc(RetLoc rl);

/* ------------------------------------------------------------------ */
/* Code patching results; translation return codes                    */
/* ------------------------------------------------------------------ */

/* VexInvalRange, the bytes a patch (chaining, unchaining, profile-counter
   patching) changed, is public: libvex.h.  The VEX_TRC_JMP_* values an
   assisted exit hands to the dispatcher are in libvex_trc_values.h,
   shared with the core. */

/* ------------------------------------------------------------------ */
/* The register allocator                                             */
/* ------------------------------------------------------------------ */

/* What the allocator needs to know about a host. */
typedef struct {
   /* The host's real registers. */
   const RRegUniverse* univ;

   /* Fills U for instruction I (calls initHRegUsage itself). */
   void (*getRegUsage)(HRegUsage* u, const HInstr* i, Bool mode64);
   /* Renames the virtual registers of I in place.  Sub-structures of I
      that other instructions may share must be copied, not changed. */
   void (*mapRegs)(HRegRemap* m, HInstr* i, Bool mode64);

   /* Instructions storing real register RREG to, or loading it from,
      the spill slot at OFFSET bytes from the guest-state pointer.  One
      or two instructions (*i2 may be set to NULL).  These and genMove's
      instructions may be placed between an instruction that sets the
      condition flags and one that reads them, so they must not change
      the flags (plain moves, loads and stores). */
   void (*genSpill)(HInstr** i1, HInstr** i2, HReg rreg, Int offset,
                    Bool mode64);
   void (*genReload)(HInstr** i1, HInstr** i2, HReg rreg, Int offset,
                     Bool mode64);
   /* A copy of real register FROM into real register TO (same class). */
   HInstr* (*genMove)(HReg from, HReg to, Bool mode64);
   /* Optional (may be NULL): I rewritten to read VREG from its spill slot
      at OFFSET directly instead of from a register, or NULL if I cannot
      take a memory operand there.  VREG is only read by I. */
   HInstr* (*directReload)(HInstr* i, HReg vreg, Short offset);

   /* Optional (may be NULL): rematerialisation.  DEF is the only
      instruction writing some virtual register, and it reads no
      register; return an instruction computing the same value into
      real register RREG (without changing the condition flags), or NULL
      if DEF is not such a definition (typically: only constant loads
      are).  A spilled value so defined is never stored: it is recomputed
      where it would be reloaded. */
   HInstr* (*genRemat)(const HInstr* def, HReg rreg, Bool mode64);

   /* The spill area: SPILL_SIZE bytes at SPILL_BASE from the guest-state
      pointer (VEX: after the guest state and its two shadows). */
   Int spill_base;
   Int spill_size;

   /* For tracing (may be NULL when TRACE is False). */
   void (*ppInstr)(const HInstr* i, Bool mode64);
   void (*ppReg)(HReg r);
   Bool trace;

   Bool mode64;
} RegAllocControl;

/* Allocates real registers to the virtual ones of INSTRS_IN (straight-line
   code: a superblock whose side exits leave it).  Returns a new array of
   instructions mentioning real registers only, with spills, reloads and
   moves inserted and coalesced moves removed.  The instructions of
   INSTRS_IN are changed in place (mapRegs) and reused.  Panics when the
   code cannot be allocated (a virtual register read before it is
   written, an instruction needing more registers of a class than the host
   has, the spill area exhausted). */
extern HInstrArray* doRegisterAllocation(HInstrArray* instrs_in,
                                         const RegAllocControl* con);

/* Statistics of the last doRegisterAllocation call (for tests and the
   trace flags). */
typedef struct {
   UInt n_spills;      /* stores to spill slots */
   UInt n_reloads;     /* loads from spill slots */
   UInt n_direct;      /* reloads folded into instructions */
   UInt n_moves_added; /* reg-reg moves added to evict a register */
   UInt n_coalesced;   /* reg-reg moves removed */
   UInt n_remats;      /* reloads replaced by recomputing a constant */
   UInt max_slot_bytes;/* high-water mark of the spill area */
} RegAllocStats;

extern RegAllocStats regAllocStats;

#endif /* __VEX_HOST_GENERIC_REGS_H */
