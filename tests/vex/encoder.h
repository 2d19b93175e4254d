/* An amd64 instruction encoder driven by the front end's opcode tables:
   given a table entry and the operands wanted, it produces the bytes.
   The differential tests build their instructions with it, so every case
   also checks that decoder and tables agree with the real CPU about
   encodings. */
#ifndef ENCODER_H
#define ENCODER_H

#include "libvex_basictypes.h"
#include "../../VEX/priv/guest_amd64_defs.h"

#define ENC_RIP 16           /* m_base for RIP-relative */

typedef struct {
   const Amd64OpEntry* e;
   Int    sz;         /* operand size for v forms: 2, 4 or 8 */
   Int    opc_low;    /* for span entries: the offset within the span
                         (register of a +r form, condition of a cc form) */
   Int    greg;       /* ModRM.reg register (G forms) */
   Int    rm_reg;     /* ModRM.rm register when E is a register, or -1
                         for a memory operand */
   Bool   hi8;        /* byte registers 4..7 mean AH, CH, DH, BH (no REX
                         may then be emitted) */
   Bool   force_rex;  /* emit a REX (0x40) even when none is needed */
   /* A memory operand (rm_reg == -1, and M/O forms). */
   Int    m_base;     /* 0..15, ENC_RIP, or -1 */
   Int    m_index;    /* 0..15 except 4, or -1 */
   Int    m_scale;    /* 1, 2, 4, 8 */
   Long   m_disp;     /* for ENC_RIP: the absolute address wanted */
   Int    m_dispsz;   /* force 1 or 4 bytes of displacement (0: fit) */
   Bool   force_sib;
   UChar  seg;        /* 0, or a segment prefix byte (0x64, 0x65, 0x2E..) */
   Bool   asz32;      /* a 67 prefix */
   Bool   lock;
   UChar  rep;        /* 0, or 0xF2/0xF3 as an (ignored) extra prefix */
   Bool   rex_w_noise;/* set REX.W where it is ignored (byte ops) */
   ULong  imm[3];     /* immediates in operand order; J forms: target */
   Addr64 addr;       /* where the instruction will be */
} EncSpec;

/* Fills S with neutral defaults for entry E. */
extern void enc_init(EncSpec* s, const Amd64OpEntry* e, Addr64 addr);

/* Encodes S into OUT (at least 16 bytes); returns the length, or -1 when
   the combination cannot be encoded. */
extern Int enc_insn(const EncSpec* s, UChar* out);

/* Operand-form properties the encoder and generators need. */
typedef enum {
   EK_NONE, EK_E, EK_M, EK_G, EK_I, EK_J, EK_O, EK_Z, EK_FIX, EK_ONE
} EncKind;
extern EncKind enc_form_kind(UChar form);
/* The size in bytes of operand FORM at operand size SZ (0 if none). */
extern Int enc_form_size(UChar form, Int sz);

/* Finds the entry for (MAP, OPC, EXT) with mandatory prefix PFX whose
   routine class is CLS (NULL: any) in the front end's tables. */
extern const Amd64OpEntry* enc_find(UChar map, UChar opc, Int ext, UChar pfx,
                                    const char* cls);
/* The same, also matching the first two operand forms. */
extern const Amd64OpEntry* enc_find_ops(UChar map, UChar opc, Int ext,
                                        UChar op0, UChar op1);

#endif
