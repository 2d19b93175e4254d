/* The table-driven amd64 encoder (see encoder.h). */
#include <string.h>
#include "encoder.h"

EncKind enc_form_kind(UChar form)
{
   switch (form) {
      case OPF_Eb: case OPF_Ew: case OPF_Ed: case OPF_Eq: case OPF_Ev:
      case OPF_Ey:
         return EK_E;
      case OPF_M: case OPF_Mb: case OPF_Mw: case OPF_Md: case OPF_Mq:
      case OPF_Mv: case OPF_Mdq:
         return EK_M;
      case OPF_Gb: case OPF_Gw: case OPF_Gd: case OPF_Gq: case OPF_Gv:
      case OPF_Gy:
         return EK_G;
      case OPF_Ib: case OPF_Ibs: case OPF_Iw: case OPF_Iz: case OPF_Iv:
         return EK_I;
      case OPF_Jb: case OPF_Jz:
         return EK_J;
      case OPF_Ob: case OPF_Ov:
         return EK_O;
      case OPF_Zb: case OPF_Zv:
         return EK_Z;
      case OPF_AL: case OPF_AX: case OPF_rAX: case OPF_CL: case OPF_DX:
         return EK_FIX;
      case OPF_ONE:
         return EK_ONE;
      /* XMM forms (SSE family): V from ModRM.reg, W/U from ModRM.rm */
      case OPF_Vx: case OPF_Vq: case OPF_Vd: case OPF_Vss: case OPF_Vsd:
         return EK_G;
      case OPF_Wx: case OPF_Ux: case OPF_Wq: case OPF_Wd: case OPF_Wss:
      case OPF_Wsd:
         return EK_E;
      default:
         return EK_NONE;
   }
}

Int enc_form_size(UChar form, Int sz)
{
   switch (form) {
      case OPF_Eb: case OPF_Gb: case OPF_Mb: case OPF_Ib: case OPF_Ob:
      case OPF_Zb: case OPF_AL: case OPF_CL: case OPF_ONE: case OPF_Jb:
         return 1;
      case OPF_Ew: case OPF_Gw: case OPF_Mw: case OPF_Iw: case OPF_AX:
      case OPF_DX:
         return 2;
      case OPF_Ed: case OPF_Gd: case OPF_Md:
         return 4;
      case OPF_Eq: case OPF_Gq: case OPF_Mq:
         return 8;
      case OPF_Mdq:
         return 16;
      case OPF_Ey: case OPF_Gy:
         return sz == 8 ? 8 : 4;
      /* XMM forms (SSE family) */
      case OPF_Vx: case OPF_Wx: case OPF_Ux:
         return 16;
      case OPF_Vq: case OPF_Wq: case OPF_Vsd: case OPF_Wsd:
         return 8;
      case OPF_Vd: case OPF_Wd: case OPF_Vss: case OPF_Wss:
         return 4;
      case OPF_Ev: case OPF_Gv: case OPF_Mv: case OPF_Ov: case OPF_Zv:
      case OPF_rAX: case OPF_Ibs: case OPF_Iz: case OPF_Iv:
         return sz;
      default:
         return 0;
   }
}

void enc_init(EncSpec* s, const Amd64OpEntry* e, Addr64 addr)
{
   memset(s, 0, sizeof *s);
   s->e       = e;
   s->sz      = 4;
   s->rm_reg  = 0;
   s->m_base  = -1;
   s->m_index = -1;
   s->m_scale = 1;
   s->addr    = addr;
}

static Bool fits8(Long v) { return v >= -128 && v <= 127; }

Int enc_insn(const EncSpec* s, UChar* out)
{
   const Amd64OpEntry* e = s->e;
   UChar buf[32];
   Int   n = 0;
   Bool  need_modrm = e->ext >= 0 || e->modrm >= 0 || (e->flags & AF_MODRM);
   Bool  has_mem = False;
   Bool  byte_reg_needs_rex = False;
   Bool  uses_hi8 = False;
   UInt  rex = 0;
   Int   zreg = -1;
   Int   nops = 0;

   for (Int i = 0; i < 4 && e->ops[i] != OPF_NONE; i++) {
      nops = i + 1;
      EncKind k = enc_form_kind(e->ops[i]);
      Int osz = enc_form_size(e->ops[i], s->sz);
      switch (k) {
         case EK_E:
            need_modrm = True;
            if (s->rm_reg < 0)
               has_mem = True;
            else if (osz == 1 && s->rm_reg >= 4 && s->rm_reg < 8) {
               if (s->hi8) uses_hi8 = True; else byte_reg_needs_rex = True;
            }
            break;
         case EK_M:
            need_modrm = True;
            has_mem = True;
            break;
         case EK_G:
            need_modrm = True;
            if (osz == 1 && s->greg >= 4 && s->greg < 8) {
               if (s->hi8) uses_hi8 = True; else byte_reg_needs_rex = True;
            }
            break;
         case EK_O:
            has_mem = True;
            break;
         case EK_Z:
            zreg = s->opc_low;
            if (osz == 1 && zreg >= 4 && zreg < 8) {
               if (s->hi8) uses_hi8 = True; else byte_reg_needs_rex = True;
            }
            break;
         default:
            break;
      }
   }
   if (s->lock && !has_mem)
      return -1;

   /* REX */
   Bool d64 = (e->flags & (AF_D64 | AF_F64)) != 0;
   if (e->flags & AF_W1)
      rex |= 8;
   else if (!(e->flags & AF_W0) && s->sz == 8 && !d64)
      rex |= 8;
   if (s->rex_w_noise && !(e->flags & AF_W0))
      rex |= 8;
   if (need_modrm && e->ext < 0 && e->modrm < 0 && s->greg >= 8)
      rex |= 4;
   if (has_mem && s->m_index >= 8)
      rex |= 2;
   if (has_mem && s->m_base >= 8 && s->m_base < 16)
      rex |= 1;
   if (!has_mem && need_modrm && s->rm_reg >= 8)
      rex |= 1;
   if (zreg >= 8)
      rex |= 1;
   Bool emit_rex = rex != 0 || byte_reg_needs_rex || s->force_rex;
   if (uses_hi8 && emit_rex)
      return -1;
   if ((e->flags & AF_NOREXB) && (rex & 1))
      return -1;

   /* Legacy prefixes. */
   if (s->seg)
      buf[n++] = s->seg;
   if (s->sz == 2 && e->pfx != AMD64_PFX_66)
      buf[n++] = 0x66;
   if (s->asz32)
      buf[n++] = 0x67;
   if (s->lock)
      buf[n++] = 0xF0;
   if (s->rep)
      buf[n++] = s->rep;
   if (e->pfx == AMD64_PFX_66)
      buf[n++] = 0x66;
   else if (e->pfx == AMD64_PFX_F2)
      buf[n++] = 0xF2;
   else if (e->pfx == AMD64_PFX_F3)
      buf[n++] = 0xF3;
   if (emit_rex)
      buf[n++] = (UChar)(0x40 | rex);

   /* Opcode. */
   if (e->map == AMD64_MAP_0F) {
      buf[n++] = 0x0F;
   } else if (e->map == AMD64_MAP_0F38) {
      buf[n++] = 0x0F; buf[n++] = 0x38;
   } else if (e->map == AMD64_MAP_0F3A) {
      buf[n++] = 0x0F; buf[n++] = 0x3A;
   }
   Int low = s->opc_low;
   if (e->span > 1 && zreg >= 0)
      low = zreg & 7;
   if (low < 0 || low >= e->span)
      return -1;
   buf[n++] = (UChar)(e->opc + low);

   /* ModRM, SIB, displacement. */
   Int disp_at = -1, disp_sz = 0;
   Bool riprel = False;
   if (need_modrm) {
      if (e->modrm >= 0) {
         buf[n++] = (UChar)e->modrm;
      } else {
         UInt regf = e->ext >= 0 ? (UInt)e->ext : (UInt)(s->greg & 7);
         if (!has_mem) {
            buf[n++] = (UChar)(0xC0 | (regf << 3) | (UInt)(s->rm_reg & 7));
         } else {
            Int base = s->m_base, index = s->m_index;
            Long disp = s->m_disp;
            if (index == 4)
               return -1;
            if (base == ENC_RIP) {
               if (index >= 0)
                  return -1;
               buf[n++] = (UChar)(0x00 | (regf << 3) | 5);
               riprel = True;
               disp_sz = 4;
            } else {
               UInt mod;
               if (base < 0)
                  disp_sz = 4, mod = 0;
               else if (disp == 0 && (base & 7) != 5 && s->m_dispsz == 0)
                  disp_sz = 0, mod = 0;
               else if ((s->m_dispsz == 1 || (s->m_dispsz == 0 && fits8(disp))))
                  disp_sz = 1, mod = 1;
               else
                  disp_sz = 4, mod = 2;
               if (disp_sz == 1 && !fits8(disp))
                  return -1;
               Bool sib = base < 0 || index >= 0 || (base & 7) == 4
                          || s->force_sib;
               if (!sib) {
                  buf[n++] = (UChar)((mod << 6) | (regf << 3) | (UInt)(base & 7));
               } else {
                  UInt ss = s->m_scale == 8 ? 3 : s->m_scale == 4 ? 2
                          : s->m_scale == 2 ? 1 : 0;
                  UInt idx = index >= 0 ? (UInt)(index & 7) : 4;
                  UInt bs  = base >= 0 ? (UInt)(base & 7) : 5;
                  buf[n++] = (UChar)((mod << 6) | (regf << 3) | 4);
                  buf[n++] = (UChar)((ss << 6) | (idx << 3) | bs);
               }
            }
            disp_at = n;
            for (Int i = 0; i < disp_sz; i++)
               buf[n++] = (UChar)((ULong)disp >> (8 * i));
         }
      }
   }

   /* Immediates, J and O operands, in order. */
   Int rel_at = -1, rel_sz = 0, imm_i = 0;
   for (Int i = 0; i < nops; i++) {
      UChar f = e->ops[i];
      EncKind k = enc_form_kind(f);
      Int nb = 0;
      if (k == EK_I) {
         switch (f) {
            case OPF_Ib: case OPF_Ibs: nb = 1; break;
            case OPF_Iw: nb = 2; break;
            case OPF_Iz: nb = s->sz == 2 ? 2 : 4; break;
            case OPF_Iv: nb = s->sz; break;
            default: return -1;
         }
         ULong v = s->imm[imm_i++];
         for (Int b = 0; b < nb; b++)
            buf[n++] = (UChar)(v >> (8 * b));
      } else if (k == EK_J) {
         nb = f == OPF_Jb ? 1 : 4;
         rel_at = n;
         rel_sz = nb;
         imm_i++;
         n += nb;
      } else if (k == EK_O) {
         nb = s->asz32 ? 4 : 8;
         for (Int b = 0; b < nb; b++)
            buf[n++] = (UChar)((ULong)s->m_disp >> (8 * b));
      }
   }
   if (n > 15)
      return -1;

   /* Now that the length is known: relative fields. */
   Addr64 next = s->addr + (Addr64)n;
   if (riprel) {
      Long d = (Long)((Addr64)s->m_disp - next);
      if (d != (Int)d)
         return -1;
      for (Int i = 0; i < 4; i++)
         buf[disp_at + i] = (UChar)((ULong)d >> (8 * i));
   }
   if (rel_at >= 0) {
      ULong target = 0;
      Int   k = 0;
      for (Int i = 0; i < nops; i++) {
         EncKind kk = enc_form_kind(e->ops[i]);
         if (kk == EK_I)
            k++;
         else if (kk == EK_J)
            target = s->imm[k++];
      }
      Long d = (Long)(target - next);
      if (rel_sz == 1 ? !fits8(d) : d != (Int)d)
         return -1;
      for (Int i = 0; i < rel_sz; i++)
         buf[rel_at + i] = (UChar)((ULong)d >> (8 * i));
   }
   (void)disp_sz;
   memcpy(out, buf, (size_t)n);
   return n;
}

const Amd64OpEntry* enc_find(UChar map, UChar opc, Int ext, UChar pfx,
                             const char* cls)
{
   const Amd64OpTable* const* t = amd64_all_optables();
   for (Int f = 0; t[f] != NULL; f++) {
      for (Int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* e = &t[f]->entries[i];
         if (e->map != map || opc < e->opc || opc >= e->opc + e->span)
            continue;
         if (e->ext != ext || e->pfx != pfx)
            continue;
         if (cls != NULL && strcmp(cls, e->cls) != 0)
            continue;
         return e;
      }
   }
   return NULL;
}

const Amd64OpEntry* enc_find_ops(UChar map, UChar opc, Int ext, UChar op0,
                                 UChar op1)
{
   const Amd64OpTable* const* t = amd64_all_optables();
   for (Int f = 0; t[f] != NULL; f++) {
      for (Int i = 0; i < t[f]->n_entries; i++) {
         const Amd64OpEntry* e = &t[f]->entries[i];
         if (e->map != map || opc < e->opc || opc >= e->opc + e->span)
            continue;
         if (e->ext != ext || e->ops[0] != op0 || e->ops[1] != op1)
            continue;
         return e;
      }
   }
   return NULL;
}
