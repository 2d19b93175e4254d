/* The differential test harness for the amd64 front end: each case (a
   short instruction sequence with chosen registers, flags and memory) is
   run natively and through decode -> IR -> sanity check -> IR
   interpreter, and the outcomes compared: all sixteen integer registers,
   the defined flags, the scratch memory, and the fault if any. */
#ifndef VEXDIFF_H
#define VEXDIFF_H

#include "libvex_basictypes.h"
#include "native.h"
#include "encoder.h"

#define CASE_MAX_CODE   1024
#define CASE_MAX_INSNS  64

/* rflags bits compared by default: O S Z A P C and DF. */
#define FLAGS_ALL  0xCD5ULL
#define FL_C  0x001ULL
#define FL_P  0x004ULL
#define FL_A  0x010ULL
#define FL_Z  0x040ULL
#define FL_S  0x080ULL
#define FL_DF 0x400ULL
#define FL_O  0x800ULL

typedef struct {
   UChar      code[CASE_MAX_CODE];
   Int        len;
   Int        off[CASE_MAX_INSNS];  /* each instruction's offset */
   Int        n;
   NativeRegs in;                   /* gpr, rflags */
   ULong      flag_mask;            /* rflags bits compared */
   /* When set: the bits to compare when the case stops (a fault) before
      instruction k, as mask_at[k]. */
   Bool       has_mask_at;
   ULong      mask_at[CASE_MAX_INSNS];
   UInt       mem_seed;             /* scratch memory contents */
   Bool       chase;                /* translate with chasing enabled */
   Int        n_patch;              /* 8-byte values written into the */
   ULong      patch_addr[8];        /* scratch memory after filling it */
   ULong      patch_val[8];
   Bool       bad;                  /* building failed */
   char       desc[200];
} Case;

/* Address of the next instruction to be added to C. */
static inline Addr64 case_pc(const Case* c)
{
   return NATIVE_CODE_ADDR + (Addr64)c->len;
}

/* Starts a case: registers get a fixed pattern, RSP the scratch stack,
   flags clear, all flags compared. */
extern void case_begin(Case* c, const char* desc);
/* Adds an instruction (S->addr is set here); marks the case bad when it
   cannot be encoded. */
extern void case_add(Case* c, EncSpec* s);
extern void case_add_bytes(Case* c, const UChar* bytes, Int n);
/* Makes the 8 bytes at ADDR (in the scratch area) hold V. */
extern void case_patch(Case* c, ULong addr, ULong v);
/* Runs C and records the result under class CLS. */
extern void case_run(const char* cls, Case* c);

/* Looks up an entry or aborts the harness (a table lost an entry). */
extern const Amd64OpEntry* need(UChar map, UChar opc, Int ext, UChar pfx,
                                const char* cls);

/* A small deterministic generator. */
typedef struct { ULong s; } Rng;
static inline ULong rng_next(Rng* r)
{
   /* xorshift64* */
   r->s ^= r->s >> 12;
   r->s ^= r->s << 25;
   r->s ^= r->s >> 27;
   return r->s * 0x2545F4914F6CDD1DULL;
}
static inline UInt rng_below(Rng* r, UInt n)
{
   return (UInt)(rng_next(r) % n);
}

/* The curated classes (vexdiff_curated.c). */
extern void curated_all(const char* only);

/* Options. */
extern Bool vd_verbose;

#endif
