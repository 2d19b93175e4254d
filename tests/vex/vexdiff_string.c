/* Curated differential cases of the string instruction family
   (VEX/priv/guest_amd64_toIR_string.c): movs, cmps, stos, lods and scas
   at every size, plain and with rep/repe/repne, with DF clear and set,
   counts 0, 1, 7 and 100, separate and overlapping buffers, cmps/scas
   stopping at the first, a middle or the last element (or not at all),
   the address-size prefix (32-bit ESI/EDI/ECX with garbage above them),
   FS/GS segment overrides on the source, prefix order and redundant
   prefixes, and faults in the middle of a rep (the registers must show
   the element that faulted).

   The buffers are in the upper half of the scratch area, away from the
   stack.  cmps/scas need chosen contents: the case itself starts with a
   short setup -- save RSI/RDI/RCX and the flags, copy one buffer to the
   other (rep movsq) or fill it (rep stos), flip one byte, restore -- so
   the setup runs through the front end too.  R8..R11 carry the setup's
   addresses and counts. */
#include <stdio.h>
#include <string.h>
#include "libvex_basictypes.h"
#include "../../VEX/priv/guest_amd64_defs.h"
#include "native.h"
#include "encoder.h"
#include "vexdiff.h"

#define SCR   NATIVE_SCRATCH_ADDR
#define SCR_END (NATIVE_SCRATCH_ADDR + NATIVE_SCRATCH_SIZE)
#define BUF_A (SCR + 0x9000)
#define BUF_B (SCR + 0xB000)

static const char* only_cls;
static int n_built;

static Bool wanted(const char* cls)
{
   return only_cls == NULL || strstr(cls, only_cls) != NULL;
}

enum { OP_MOVS = 0, OP_CMPS, OP_STOS, OP_LODS, OP_SCAS, N_OPS };
static const UChar op_opc[N_OPS] = { 0xA4, 0xA6, 0xAA, 0xAC, 0xAE };
static const char* const op_name[N_OPS] = {
   "movs", "cmps", "stos", "lods", "scas"
};

/* Buffer layouts: where the destination is relative to the source
   (movs/cmps), or the alignment of the single buffer. */
enum { L_APART = 0, L_OVER_FWD, L_OVER_BACK, L_OVER_ODD, L_SAME, L_ODD,
       N_LAYOUTS };

/* What cmps/scas should find. */
enum {
   M_RANDOM = 0,   /* the scratch pattern: differ almost everywhere */
   M_EQUAL,        /* destination = source (cmps) / filled with rAX */
   M_DIFF,         /* as M_EQUAL, but element K differs */
   M_EQ_AT         /* random, but element K equal */
};

typedef struct {
   int   op, sz, rep, df;
   ULong count;
   int   layout;
   int   match, k;
   Bool  aso;
   UChar seg;        /* 0, or a segment prefix byte */
   int   pfx_order;  /* 0: 66 before F2/F3, 1: after */
   int   rex_noise;  /* 0: none, 1: REX.W on a byte op, 2: a bare REX */
   UInt  flags;      /* input flags (OSZAPC) */
   ULong src_off;    /* with seg: RSI's value for the first element */
} StrSpec;

static Bool uses_src(int op)
{
   return op == OP_MOVS || op == OP_CMPS || op == OP_LODS;
}

static Bool uses_dst(int op)
{
   return op != OP_LODS;
}

/* The address of element K (in iteration order) of a buffer whose
   lowest element is at LO, for N elements. */
static ULong elem_addr(const StrSpec* s, ULong lo, ULong n, ULong k)
{
   return s->df ? lo + (n - 1 - k) * (ULong)s->sz : lo + k * (ULong)s->sz;
}

/* The 8-byte word that holds element K, within the element run (for DF
   set the word ends at the element's end, so it covers later -- lower --
   elements instead of earlier ones). */
static ULong patch_addr(const StrSpec* s, ULong a)
{
   return s->df ? a + (ULong)s->sz - 8 : a;
}

static void add(Case* c, const UChar* b, int n)
{
   case_add_bytes(c, b, n);
}

/* The setup prologue: push rsi, rdi, rcx; pushfq; cld. */
static void setup_begin(Case* c)
{
   static const UChar pushes[] = { 0x56, 0x57, 0x51, 0x9C, 0xFC };
   for (int i = 0; i < 5; i++)
      add(c, pushes + i, 1);
}

/* notb (%r11) when FLIP; then popfq, pop rcx, rdi, rsi. */
static void setup_end(Case* c, Bool flip)
{
   static const UChar notb[] = { 0x41, 0xF6, 0x13 };
   static const UChar pops[] = { 0x9D, 0x59, 0x5F, 0x5E };
   if (flip)
      add(c, notb, 3);
   for (int i = 0; i < 4; i++)
      add(c, pops + i, 1);
}

/* Copies R10 quadwords from R8 to R9 (quadwords: each element of a rep
   is a block run, and the harness allows a case 500 of them). */
static void setup_copy(Case* c, Bool flip)
{
   static const UChar mov_rsi[] = { 0x4C, 0x89, 0xC6 };   /* mov %r8,%rsi */
   static const UChar mov_rdi[] = { 0x4C, 0x89, 0xCF };   /* mov %r9,%rdi */
   static const UChar mov_rcx[] = { 0x4C, 0x89, 0xD1 };   /* mov %r10,%rcx */
   static const UChar rep_movsq[] = { 0xF3, 0x48, 0xA5 };
   setup_begin(c);
   add(c, mov_rsi, 3);
   add(c, mov_rdi, 3);
   add(c, mov_rcx, 3);
   add(c, rep_movsq, 3);
   setup_end(c, flip);
}

/* Fills R10 elements of size SZ at R9 with rAX. */
static void setup_fill(Case* c, int sz, Bool flip)
{
   static const UChar mov_rdi[] = { 0x4C, 0x89, 0xCF };
   static const UChar mov_rcx[] = { 0x4C, 0x89, 0xD1 };
   UChar stos[3];
   int n = 0;
   if (sz == 2)
      stos[n++] = 0x66;
   stos[n++] = 0xF3;
   if (sz == 8)
      stos[n++] = 0x48;
   stos[n++] = sz == 1 ? 0xAA : 0xAB;
   setup_begin(c);
   add(c, mov_rdi, 3);
   add(c, mov_rcx, 3);
   add(c, stos, n);
   setup_end(c, flip);
}

/* The instruction under test. */
static void add_string_insn(Case* c, const StrSpec* s)
{
   UChar b[16];
   int n = 0;
   if (s->seg)
      b[n++] = s->seg;
   if (s->aso)
      b[n++] = 0x67;
   if (s->pfx_order == 0 && s->sz == 2)
      b[n++] = 0x66;
   if (s->rep)
      b[n++] = (UChar)s->rep;
   if (s->pfx_order == 1 && s->sz == 2)
      b[n++] = 0x66;
   if (s->sz == 8 || (s->rex_noise == 1 && s->sz == 1))
      b[n++] = 0x48;
   else if (s->rex_noise == 2)
      b[n++] = 0x40;
   b[n++] = (UChar)(op_opc[s->op] + (s->sz == 1 ? 0 : 1));
   add(c, b, n);
}

static const char* cls_of(const StrSpec* s, const char* special)
{
   static char buf[48];
   if (special != NULL)
      snprintf(buf, sizeof buf, "string-%s", special);
   else
      snprintf(buf, sizeof buf, "string-%s%s", op_name[s->op],
               s->rep ? "-rep" : "");
   return buf;
}

/* Builds and runs the case S under class CLS. */
static void str_run(const char* cls, const StrSpec* s)
{
   Case c;
   char desc[160];
   snprintf(desc, sizeof desc,
            "%s%s sz=%d df=%d count=%llu layout=%d match=%d k=%d%s%s",
            s->rep == 0xF3 ? "F3 " : s->rep == 0xF2 ? "F2 " : "",
            op_name[s->op], s->sz, s->df, s->count, s->layout, s->match,
            s->k, s->aso ? " addr32" : "", s->seg ? " seg" : "");
   case_begin(&c, desc);
   c.mem_seed = 0x5EED0000u + (UInt)n_built;
   n_built++;

   ULong n  = s->count == 0 ? 1 : s->count;
   ULong sz = (ULong)s->sz;
   ULong src = BUF_A, dst = BUF_B;
   switch (s->layout) {
      case L_APART:     break;
      case L_OVER_FWD:  dst = src + sz; break;
      case L_OVER_BACK: dst = src - sz; break;
      case L_OVER_ODD:  dst = src + 3; break;
      case L_SAME:      dst = src; break;
      case L_ODD:       src += 1; dst += 5; break;
      default: break;
   }
   if (!uses_src(s->op))
      src = 0;
   ULong rsi0 = src ? elem_addr(s, src, n, 0) : 0;
   ULong rdi0 = elem_addr(s, dst, n, 0);

   /* Registers: RAX the value stored / scanned for, RCX the count, and
      the pointers; all with non-trivial upper bits where they are not
      used. */
   c.in.gpr[0] = 0x0123456789ABCDEFULL ^ ((ULong)n_built << 40);
   c.in.gpr[1] = s->count;
   if (uses_src(s->op))
      c.in.gpr[6] = s->seg == 0x64 || s->seg == 0x65 ? s->src_off : rsi0;
   if (uses_dst(s->op))
      c.in.gpr[7] = rdi0;
   if (s->aso) {
      /* only ESI/EDI/ECX count: garbage above them */
      c.in.gpr[1] |= 0xC0FFEE0000000000ULL;
      if (uses_src(s->op))
         c.in.gpr[6] |= 0xDEAD000000000000ULL;
      c.in.gpr[7] |= 0xBEEF000100000000ULL;
   }
   c.in.rflags = (ULong)s->flags | (s->df ? FL_DF : 0);

   /* Setup for cmps/scas. */
   int op = s->op;
   if ((op == OP_CMPS || op == OP_SCAS) && s->match != M_RANDOM) {
      Bool flip = s->match == M_DIFF;
      ULong kaddr = elem_addr(s, dst, n, (ULong)s->k);
      c.in.gpr[11] = kaddr;                 /* the byte to flip */
      if (s->match == M_EQ_AT) {
         ULong v = op == OP_SCAS ? c.in.gpr[0] : 0x5A5A5A5A5A5A5A5AULL;
         case_patch(&c, patch_addr(s, kaddr), v);
         if (op == OP_CMPS)
            case_patch(&c, patch_addr(s, elem_addr(s, src, n, (ULong)s->k)),
                       v);
      } else if (op == OP_CMPS) {
         c.in.gpr[8]  = src;
         c.in.gpr[9]  = dst;
         c.in.gpr[10] = (n * sz + 7) / 8;
         setup_copy(&c, flip);
      } else {
         c.in.gpr[9]  = dst;
         c.in.gpr[10] = n;
         setup_fill(&c, s->sz, flip);
      }
   }
   add_string_insn(&c, s);
   case_run(cls, &c);
}

/* ------------------------------------------------------------------ */
/* The classes                                                        */
/* ------------------------------------------------------------------ */

static const ULong counts[] = { 0, 1, 7, 100 };
static const int sizes[] = { 1, 2, 4, 8 };
static const UInt flag_pats[] = { 0x000, 0x8D5, 0x041, 0x884, 0x011 };

static void init_spec(StrSpec* s, int op, int sz, int rep, int df)
{
   memset(s, 0, sizeof *s);
   s->op = op;
   s->sz = sz;
   s->rep = rep;
   s->df = df;
   s->count = 1;
}

/* movs, stos, lods: every size, repeat kind, direction, count and
   layout. */
static void cur_moves(void)
{
   static const int ops[] = { OP_MOVS, OP_STOS, OP_LODS };
   static const int reps[] = { 0, 0xF3, 0xF2 };
   int v = 0;
   for (int oi = 0; oi < 3; oi++) {
      int op = ops[oi];
      int layouts[5], nl = 0;
      if (op == OP_MOVS) {
         layouts[nl++] = L_APART;  layouts[nl++] = L_OVER_FWD;
         layouts[nl++] = L_OVER_BACK; layouts[nl++] = L_OVER_ODD;
         layouts[nl++] = L_SAME;
      } else {
         layouts[nl++] = L_APART; layouts[nl++] = L_ODD;
      }
      for (int ri = 0; ri < 3; ri++)
         for (int si = 0; si < 4; si++)
            for (int df = 0; df < 2; df++)
               for (int ci = 0; ci < 4; ci++) {
                  /* plain forms: the count is only RCX's value; F2: the
                     counts 0 and 7 suffice */
                  if (reps[ri] == 0 && ci != 1)
                     continue;
                  if (reps[ri] == 0xF2 && ci != 0 && ci != 2)
                     continue;
                  for (int li = 0; li < nl; li++) {
                     StrSpec s;
                     init_spec(&s, op, sizes[si], reps[ri], df);
                     s.count  = counts[ci];
                     s.layout = layouts[li];
                     s.flags  = flag_pats[v % 5];
                     s.pfx_order = v & 1;
                     v++;
                     const char* cls = cls_of(&s, NULL);
                     if (wanted(cls))
                        str_run(cls, &s);
                  }
               }
   }
}

/* cmps, scas: every size, repeat kind, direction and count, with the
   stop at the first, middle or last element, or none. */
static void cur_compares(void)
{
   static const int ops[] = { OP_CMPS, OP_SCAS };
   static const int reps[] = { 0, 0xF3, 0xF2 };
   int v = 0;
   for (int oi = 0; oi < 2; oi++)
      for (int ri = 0; ri < 3; ri++)
         for (int si = 0; si < 4; si++)
            for (int df = 0; df < 2; df++)
               for (int ci = 0; ci < 4; ci++) {
                  ULong cnt = counts[ci];
                  if (reps[ri] == 0 && ci != 1)
                     continue;
                  /* (match, k) pairs */
                  int pairs[8][2], np = 0;
                  pairs[np][0] = M_RANDOM; pairs[np++][1] = 0;
                  if (cnt >= 1) {
                     pairs[np][0] = M_EQUAL; pairs[np++][1] = 0;
                     pairs[np][0] = M_DIFF;  pairs[np++][1] = 0;
                  }
                  if (cnt >= 7 && reps[ri] != 0) {
                     pairs[np][0] = M_DIFF;  pairs[np++][1] = (int)cnt / 2;
                     pairs[np][0] = M_DIFF;  pairs[np++][1] = (int)cnt - 1;
                     pairs[np][0] = M_EQ_AT; pairs[np++][1] = (int)cnt / 2;
                     pairs[np][0] = M_EQ_AT; pairs[np++][1] = (int)cnt - 1;
                  }
                  for (int p = 0; p < np; p++) {
                     StrSpec s;
                     init_spec(&s, ops[oi], sizes[si], reps[ri], df);
                     s.count = cnt;
                     s.match = pairs[p][0];
                     s.k     = pairs[p][1];
                     s.flags = flag_pats[v % 5];
                     s.pfx_order = (v >> 1) & 1;
                     /* a few with overlapping or unaligned buffers */
                     if (ops[oi] == OP_CMPS && v % 7 == 3)
                        s.layout = s.match == M_EQ_AT ? L_APART
                                                      : L_OVER_ODD;
                     else if (v % 5 == 4)
                        s.layout = L_ODD;
                     v++;
                     const char* cls = cls_of(&s, NULL);
                     if (wanted(cls))
                        str_run(cls, &s);
                  }
               }
}

/* The address-size prefix: ESI/EDI/ECX, zero-extended results. */
static void cur_aso(void)
{
   static const int reps[] = { 0, 0xF3, 0xF2 };
   if (!wanted("string-addr32"))
      return;
   int v = 0;
   for (int op = 0; op < N_OPS; op++)
      for (int ri = 0; ri < 3; ri++)
         for (int si = 0; si < 4; si++)
            for (int df = 0; df < 2; df++) {
               StrSpec s;
               init_spec(&s, op, sizes[si], reps[ri], df);
               s.aso   = True;
               s.count = reps[ri] == 0 ? 1 : (v % 3 == 0 ? 0 : 7);
               s.flags = flag_pats[v % 5];
               if ((op == OP_CMPS || op == OP_SCAS) && reps[ri] != 0) {
                  s.match = (v & 1) ? M_EQUAL : M_DIFF;
                  s.k     = 3;
               }
               v++;
               str_run("string-addr32", &s);
            }
}

/* Segment overrides of the source: GS (based at the scratch area), FS
   (the TLS block: read only), and the ones without effect. */
static void cur_seg(void)
{
   if (!wanted("string-seg"))
      return;
   static const int ops[] = { OP_MOVS, OP_CMPS, OP_LODS };
   int v = 0;
   for (int oi = 0; oi < 3; oi++)
      for (int si = 0; si < 4; si++)
         for (int df = 0; df < 2; df++)
            for (int rep = 0; rep < 2; rep++) {
               StrSpec s;
               init_spec(&s, ops[oi], sizes[si], rep ? 0xF3 : 0, df);
               s.count = rep ? 4 : 1;
               s.flags = flag_pats[v % 5];
               /* gs: RSI is an offset into the scratch area */
               s.seg = 0x65;
               ULong n = s.count;
               s.src_off = elem_addr(&s, BUF_A, n, 0) - SCR;
               str_run("string-seg", &s);
               /* fs: the thread control block's first words (self
                  pointers, stack guard) */
               s.seg = 0x64;
               s.src_off = df ? 0x30 : 0x08;
               str_run("string-seg", &s);
               /* es/cs/ss/ds: ignored */
               s.seg = (UChar[]){ 0x26, 0x2E, 0x36, 0x3E }[v % 4];
               str_run("string-seg", &s);
               v++;
            }
}

/* Prefix combinations: F2 and F3 together (the last one counts), REX
   noise, 66 with REX.W, repeated prefixes. */
static void cur_prefixes(void)
{
   if (!wanted("string-prefix"))
      return;
   static const UChar seqs[][8] = {
      { 3, 0xF2, 0xF3, 0xA6 },          /* repe cmpsb */
      { 3, 0xF3, 0xF2, 0xA6 },          /* repne cmpsb */
      { 3, 0xF2, 0xF3, 0xAE },
      { 3, 0xF3, 0xF2, 0xAE },
      { 3, 0xF3, 0xF3, 0xA4 },
      { 4, 0x66, 0x48, 0xF3, 0xA5 },    /* REX not last: ignored */
      { 4, 0xF3, 0x66, 0x48, 0xA5 },    /* REX.W wins over 66 */
      { 3, 0xF3, 0x48, 0xAA },          /* REX.W on a byte op */
      { 3, 0xF3, 0x41, 0xAB },          /* REX.B: no effect */
      { 3, 0xF2, 0xF2, 0xAF },
      { 4, 0x66, 0x66, 0xF3, 0xAB },
      { 3, 0x67, 0xF3, 0xA4 },
      { 4, 0xF3, 0x67, 0x48, 0xAB },
      { 3, 0xF2, 0x48, 0xAD },          /* repne lodsq */
      { 2, 0x48, 0xAC },                /* lodsb with REX.W */
      { 3, 0xF0 + 2, 0x40, 0xAE },
   };
   for (unsigned i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
      for (int df = 0; df < 2; df++)
         for (int eq = 0; eq < 2; eq++) {
            Case c;
            case_begin(&c, "string prefixes");
            c.mem_seed = 77 + i;
            c.in.gpr[0] = 0x4142434445464748ULL;
            c.in.gpr[1] = 9;
            c.in.gpr[6] = BUF_A + (df ? 0x100 : 0);
            c.in.gpr[7] = BUF_B + (df ? 0x100 : 0);
            c.in.rflags = df ? FL_DF | 0x41 : 0x84;
            if (eq) {
               /* equal buffers / a buffer of rAX */
               c.in.gpr[8]  = BUF_A;
               c.in.gpr[9]  = BUF_B;
               c.in.gpr[10] = 0x40;
               c.in.gpr[11] = df ? BUF_B + 0x100 - 6 : BUF_B + 0x100 + 6;
               setup_copy(&c, True);
            }
            add(&c, seqs[i] + 1, seqs[i][0]);
            case_run("string-prefix", &c);
         }
}

/* Sequences: a string instruction among others in one block, two reps
   in a row, a rep in a loop, flags read after cmps/scas. */
static void cur_sequences(void)
{
   if (!wanted("string-seq"))
      return;
   static const UChar seqs[][20] = {
      /* add; rep movsb; add */
      { 3, 0x48, 0x01, 0xD8, 2, 0xF3, 0xA4, 3, 0x48, 0x01, 0xC8, 0 },
      /* rep stosq; rep stosb */
      { 3, 0xF3, 0x48, 0xAB, 2, 0xF3, 0xAA, 0 },
      /* repne scasb; sete al; setb bl */
      { 2, 0xF2, 0xAE, 3, 0x0F, 0x94, 0xC0, 3, 0x0F, 0x92, 0xC3, 0 },
      /* repe cmpsq; cmovne %rsi,%rax; jne +0 */
      { 3, 0xF3, 0x48, 0xA7, 4, 0x48, 0x0F, 0x45, 0xC6, 2, 0x75, 0x00, 0 },
      /* cmpsb; seta al; lodsw; stosw */
      { 1, 0xA6, 3, 0x0F, 0x97, 0xC0, 2, 0x66, 0xAD, 2, 0x66, 0xAB, 0 },
      /* std; rep movsl; cld; rep movsl */
      { 1, 0xFD, 2, 0xF3, 0xA5, 1, 0xFC, 3, 0x48, 0x31, 0xC9, 2, 0xF3, 0xA5,
        0 },
      /* scasl; adc %rcx,%rax */
      { 1, 0xAF, 3, 0x48, 0x11, 0xC8, 0 },
      /* mov $5,%ecx; rep lodsb; loop-free */
      { 5, 0xB9, 0x05, 0x00, 0x00, 0x00, 2, 0xF3, 0xAC, 0 },
   };
   for (unsigned i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
      for (int v = 0; v < 4; v++) {
         Case c;
         case_begin(&c, "string sequence");
         c.mem_seed = 300 + i * 4 + (unsigned)v;
         c.chase = v & 1;
         c.in.gpr[0] = v & 2 ? 0x1111111111111111ULL : 0x77;
         c.in.gpr[1] = v == 3 ? 0 : 13;
         c.in.gpr[6] = BUF_A + 0x80;
         c.in.gpr[7] = v & 2 ? BUF_A + 0x80 : BUF_B + 0x80;
         c.in.rflags = (v & 1) ? 0x8D5 : 0;
         const UChar* p = seqs[i];
         while (*p != 0) {
            add(&c, p + 1, *p);
            p += *p + 1;
         }
         case_run("string-seq", &c);
      }
}

/* Faults in the middle of a rep: the registers must stop at the element
   that faulted, as the CPU leaves them. */
static void cur_faults(void)
{
   if (!wanted("string-fault"))
      return;
   static const struct {
      UChar bytes[4];
      int   n;
      int   df;
      ULong rsi, rdi, rcx;
   } f[] = {
      /* stores running off the end of the scratch area */
      { { 0xF3, 0xAA }, 2, 0, SCR, SCR_END - 13, 40 },
      { { 0xF3, 0x48, 0xAB }, 3, 0, SCR, SCR_END - 24, 9 },
      { { 0xF3, 0x66, 0xAB }, 3, 0, SCR, SCR_END - 6, 7 },
      /* ... and off its start, downwards */
      { { 0xF3, 0xAA }, 2, 1, SCR, SCR + 5, 30 },
      { { 0xF3, 0xAB }, 2, 1, SCR, SCR + 8, 30 },
      /* loads off the end / start */
      { { 0xF3, 0xA4 }, 2, 0, SCR_END - 9, BUF_A, 50 },
      { { 0xF3, 0x48, 0xA5 }, 3, 1, SCR + 16, BUF_A + 0x400, 50 },
      { { 0xF3, 0xAC }, 2, 0, SCR_END - 3, 0, 10 },
      { { 0xF3, 0xA6 }, 2, 0, SCR_END - 3, SCR_END - 3, 10 },
      { { 0xF2, 0xAE }, 2, 0, 0, SCR_END - 17, 100 },
      { { 0xF3, 0xAE }, 2, 1, 0, SCR + 2, 100 },
      /* a plain one at the edge */
      { { 0x48, 0xAD }, 2, 0, SCR_END - 4, 0, 0 },
      { { 0xAB }, 1, 0, 0, SCR_END - 2, 0 },
   };
   for (unsigned i = 0; i < sizeof f / sizeof f[0]; i++) {
      Case c;
      case_begin(&c, "string fault");
      c.mem_seed = 900 + i;
      c.in.gpr[0] = 0;
      c.in.gpr[1] = f[i].rcx;
      c.in.gpr[6] = f[i].rsi;
      c.in.gpr[7] = f[i].rdi;
      c.in.rflags = f[i].df ? FL_DF : 0;
      if (f[i].bytes[1] == 0xAE || f[i].bytes[1] == 0xA6) {
         /* repe/repne that run to the fault: equal (cmps of a buffer
            with itself; scas of a zero-filled run) or all different */
         if (f[i].bytes[0] == 0xF3 && f[i].bytes[1] == 0xAE) {
            c.in.gpr[9]  = SCR;
            c.in.gpr[10] = 8;
            setup_fill(&c, 1, False);
         }
      }
      add(&c, f[i].bytes, f[i].n);
      case_run("string-fault", &c);
   }
}

void curated_string(const char* only)
{
   only_cls = only;
   n_built = 0;
   cur_moves();
   cur_compares();
   cur_aso();
   cur_seg();
   cur_prefixes();
   cur_sequences();
   cur_faults();
}
