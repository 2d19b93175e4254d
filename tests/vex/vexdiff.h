/* The differential test harness for the amd64 front end: each case (a
   short instruction sequence with chosen registers, flags and memory) is
   run natively, through decode -> IR -> sanity check -> IR interpreter,
   and through the whole JIT (jit_exec.h) at several optimisation levels,
   and the outcomes compared: all sixteen integer registers, the defined
   flags, the scratch memory, and the fault if any. */
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
   /* --- x87 (vexdiff_x87.c): compare the x87 state (in.fx goes in) --- */
   Bool       x87;
   UInt       x87_tol;              /* ulps allowed in ST values */
   UInt       x87_swmask;           /* status-word bits compared */
} Case;

/* Address of the next instruction to be added to C. */
static inline Addr64 case_pc(const Case* c)
{
   return NATIVE_CODE_ADDR + (Addr64)c->len;
}

/* SSE state: the XMM registers' starting pattern and MXCSR's default
   (all exceptions masked, round to nearest); the exception flags (low 6
   bits) are not compared. */
#define MXCSR_DEFAULT 0x1F80u
#define MXCSR_FLAGS   0x3Fu
static inline ULong xmm_default_lo(int i)
{
   return 0x0706050403020100ULL + 0x1010101010101010ULL * (ULong)i;
}
static inline ULong xmm_default_hi(int i)
{
   return 0x0F0E0D0C0B0A0908ULL + 0x1010101010101010ULL * (ULong)i;
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

/* --- x87 family (vexdiff_x87.c) --- */
/* The x87 part of a default FXSAVE image (FNINIT state). */
extern void x87_default_image(UChar* fx);
/* Loads the x87 part of C's input image into the guest state. */
extern void x87_case_to_guest(const Case* c, void* guest_state);
/* The guest state's x87 state as an FXSAVE image. */
extern void x87_guest_to_image(const void* guest_state, UChar* fx);
/* Compares the x87 parts of two images as C asks; describes the
   differences into WHY (N bytes); returns 1 if they differ. */
extern int  x87_compare(const Case* c, const UChar* nat, const UChar* ir,
                        char* why, size_t n);
extern void curated_x87(const char* only);
/* whole small programs aimed at the JIT, and N random sequences with
   branches (class "random-ctrl") (vexdiff_jit.c) */
extern void curated_jit(const char* only);
extern void random_ctrl(int n_seq, ULong seed);
/* The integer random generator (vexdiff.c): its pool of entries (with or
   without div/idiv), a random operand value, and one random instruction
   at the end of C whose flag reads are defined (*UNDEF: the undefined
   flags, updated). */
extern void  build_rnd_pool(Bool with_div);
extern ULong rnd_value(Rng* r);
extern Bool  random_insn(Rng* r, Case* c, EncSpec* s, ULong* undef);

/* The curated classes (vexdiff_curated.c). */
extern void curated_all(const char* only);
/* string and system families (vexdiff_string.c, vexdiff_system.c) */
extern void curated_string(const char* only);
extern void curated_system(const char* only);

/* the SSE family (vexdiff_sse.c): curated cases, and N random sequences
   of SSE instructions (class "random-sse") */
extern void curated_sse(const char* only);
extern void random_sse(int n_seq, ULong seed);

/* Options. */
extern Bool vd_verbose;

#endif
