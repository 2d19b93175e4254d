/* VEX's own small runtime: output through the user's callback, panics,
   string helpers and the translation-lifetime bump allocator.  See
   main_util.h. */
#include "libvex_basictypes.h"
#include "libvex.h"
#include "main_util.h"

/* ================================================================== */
/* Callbacks                                                          */
/* ================================================================== */

static VexFailureExitFn vex_failure_exit = NULL;
static VexLogBytesFn    vex_log_bytes    = NULL;
Int vex_traceflags = 0;

void vex_init_callbacks(VexFailureExitFn failure_exit, VexLogBytesFn log_bytes)
{
   vex_failure_exit = failure_exit;
   vex_log_bytes    = log_bytes;
}

/* ================================================================== */
/* Strings and memory                                                 */
/* ================================================================== */

SizeT vex_strlen(const HChar* str)
{
   SizeT n = 0;
   while (str[n] != 0)
      n++;
   return n;
}

Bool vex_streq(const HChar* s1, const HChar* s2)
{
   for (;; s1++, s2++) {
      if (*s1 != *s2)
         return False;
      if (*s1 == 0)
         return True;
   }
}

void vex_bzero(void* s, SizeT n)
{
   volatile UChar* p = s;
   for (SizeT i = 0; i < n; i++)
      p[i] = 0;
}

void vex_bcopy(void* dst, const void* src, SizeT n)
{
   volatile UChar* d = dst;
   const UChar*    s = src;
   for (SizeT i = 0; i < n; i++)
      d[i] = s[i];
}

/* ================================================================== */
/* The formatting engine                                              */
/* ================================================================== */

/* Characters go to a sink: either a chunked buffer flushed to the log
   callback, or a caller's string. */
typedef struct {
   HChar* str;          /* vex_sprintf: where the next character goes */
   HChar  chunk[256];   /* vex_printf: characters not yet logged */
   UInt   chunk_used;
   UInt   count;        /* characters produced so far */
} Sink;

static void sink_flush(Sink* k)
{
   if (k->chunk_used > 0 && vex_log_bytes != NULL)
      vex_log_bytes(k->chunk, k->chunk_used);
   k->chunk_used = 0;
}

static void sink_put(Sink* k, HChar c)
{
   k->count++;
   if (k->str != NULL) {
      *k->str++ = c;
      return;
   }
   if (k->chunk_used == sizeof k->chunk)
      sink_flush(k);
   k->chunk[k->chunk_used++] = c;
}

static void sink_pad(Sink* k, HChar c, Int n)
{
   for (Int i = 0; i < n; i++)
      sink_put(k, c);
}

/* Emits TEXT (LEN characters) in a field of WIDTH, padded with spaces on
   the left, or on the right when LEFT. */
static void put_field(Sink* k, const HChar* text, Int len, Int width, Bool left)
{
   if (!left)
      sink_pad(k, ' ', width - len);
   for (Int i = 0; i < len; i++)
      sink_put(k, text[i]);
   if (left)
      sink_pad(k, ' ', width - len);
}

/* Emits a number: its digits in BASE, a minus sign when NEG, a "0x"
   prefix when HEXPREFIX, zero- or space-padded to WIDTH. */
static void put_number(Sink* k, ULong val, UInt base, Bool upper, Bool neg,
                       Bool hexprefix, Int width, Bool left, Bool zero)
{
   const HChar* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
   HChar rev[24];
   Int   n = 0;
   do {
      rev[n++] = digits[val % base];
      val /= base;
   } while (val != 0);

   Int extra = (neg ? 1 : 0) + (hexprefix ? 2 : 0);
   Int pad   = width - n - extra;
   if (pad < 0)
      pad = 0;
   if (!left && !zero)
      sink_pad(k, ' ', pad);
   if (neg)
      sink_put(k, '-');
   if (hexprefix) {
      sink_put(k, '0');
      sink_put(k, 'x');
   }
   if (!left && zero)
      sink_pad(k, '0', pad);
   while (n > 0)
      sink_put(k, rev[--n]);
   if (left)
      sink_pad(k, ' ', pad);
}

static void format(Sink* k, const HChar* fmt, va_list ap)
{
   for (; *fmt != 0; fmt++) {
      if (*fmt != '%') {
         sink_put(k, *fmt);
         continue;
      }
      fmt++;
      if (*fmt == 0)
         break;
      if (*fmt == '%') {
         sink_put(k, '%');
         continue;
      }

      Bool left = False, zero = False;
      for (;; fmt++) {
         if (*fmt == '-')
            left = True;
         else if (*fmt == '0')
            zero = True;
         else
            break;
      }
      Int width = 0;
      if (*fmt == '*') {
         width = va_arg(ap, Int);
         if (width < 0) {
            left  = True;
            width = -width;
         }
         fmt++;
      } else {
         while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
      }
      Int prec = -1;
      if (*fmt == '.') {
         fmt++;
         prec = 0;
         if (*fmt == '*') {
            prec = va_arg(ap, Int);
            fmt++;
         } else {
            while (*fmt >= '0' && *fmt <= '9')
               prec = prec * 10 + (*fmt++ - '0');
         }
      }
      Int longs = 0;
      for (;; fmt++) {
         if (*fmt == 'l')
            longs++;
         else if (*fmt == 'z')
            longs = 1;
         else if (*fmt != 'h')
            break;
      }

      switch (*fmt) {
         case 'd': case 'i': {
            Long v = longs >= 2 ? va_arg(ap, Long)
                   : longs == 1 ? (Long)va_arg(ap, long)
                   : (Long)va_arg(ap, Int);
            Bool  neg = v < 0;
            ULong mag = neg ? (ULong)0 - (ULong)v : (ULong)v;
            put_number(k, mag, 10, False, neg, False, width, left, zero);
            break;
         }
         case 'u': case 'x': case 'X': {
            ULong v = longs >= 2 ? va_arg(ap, ULong)
                    : longs == 1 ? (ULong)va_arg(ap, unsigned long)
                    : (ULong)va_arg(ap, UInt);
            put_number(k, v, *fmt == 'u' ? 10 : 16, *fmt == 'X', False,
                       False, width, left, zero);
            break;
         }
         case 'p': {
            HWord v = (HWord)va_arg(ap, void*);
            put_number(k, (ULong)v, 16, False, False, True, width, left, zero);
            break;
         }
         case 'c': {
            HChar c = (HChar)va_arg(ap, Int);
            put_field(k, &c, 1, width, left);
            break;
         }
         case 's': {
            const HChar* s = va_arg(ap, const HChar*);
            if (s == NULL)
               s = "(null)";
            Int len = (Int)vex_strlen(s);
            if (prec >= 0 && prec < len)
               len = prec;
            put_field(k, s, len, width, left);
            break;
         }
         default:
            /* Unknown conversion: show it as written. */
            sink_put(k, '%');
            sink_put(k, *fmt);
            break;
      }
   }
}

UInt vex_vprintf(const HChar* fmt, va_list ap)
{
   Sink k;
   k.str        = NULL;
   k.chunk_used = 0;
   k.count      = 0;
   format(&k, fmt, ap);
   sink_flush(&k);
   return k.count;
}

UInt vex_printf(const HChar* fmt, ...)
{
   va_list ap;
   va_start(ap, fmt);
   UInt n = vex_vprintf(fmt, ap);
   va_end(ap);
   return n;
}

UInt vex_sprintf(HChar* buf, const HChar* fmt, ...)
{
   Sink k;
   k.str        = buf;
   k.chunk_used = 0;
   k.count      = 0;
   va_list ap;
   va_start(ap, fmt);
   format(&k, fmt, ap);
   va_end(ap);
   *k.str = 0;
   return k.count;
}

/* ================================================================== */
/* Failure                                                            */
/* ================================================================== */

static void VEX_NORETURN vex_fail_exit(void)
{
   if (vex_failure_exit != NULL)
      vex_failure_exit();
   /* The callback returned, or there is none: there is nothing sane
      left to do. */
   for (;;)
      __builtin_trap();
}

void vpanic(const HChar* str)
{
   vex_printf("\nvex: the `impossible' happened:\n   %s\n", str);
   vex_fail_exit();
}

void vex_assert_fail(const HChar* expr, const HChar* file, Int line,
                     const HChar* fn)
{
   vex_printf("\nvex: %s:%d (%s): Assertion `%s' failed.\n",
              file, line, fn, expr);
   vex_fail_exit();
}

/* ================================================================== */
/* Storage                                                            */
/* ================================================================== */

/* Sizes of the built-in areas.  A translation of a large superblock with
   heavy instrumentation (memcheck's origin tracking) needs a few MB. */
#define VEX_N_TEMP_BYTES (16UL * 1024 * 1024)
#define VEX_N_PERM_BYTES (1UL * 1024 * 1024)
#define VEX_ALLOC_ALIGN  16UL

static HChar vex_temp_store[VEX_N_TEMP_BYTES]
   __attribute__((aligned(VEX_ALLOC_ALIGN)));
static HChar vex_perm_store[VEX_N_PERM_BYTES]
   __attribute__((aligned(VEX_ALLOC_ALIGN)));

typedef struct {
   HChar*       base;
   SizeT        size;
   SizeT        used;
   const HChar* name;
} Area;

static Area vex_temp = { vex_temp_store, VEX_N_TEMP_BYTES, 0, "temporary" };
static Area vex_perm = { vex_perm_store, VEX_N_PERM_BYTES, 0, "permanent" };
static VexAllocMode vex_alloc_mode = VexAllocModeTEMP;

void vexSetAllocMode(VexAllocMode mode)
{
   vassert(mode == VexAllocModeTEMP || mode == VexAllocModePERM);
   vex_alloc_mode = mode;
}

VexAllocMode vexGetAllocMode(void)
{
   return vex_alloc_mode;
}

void vexSetAllocModeTEMP_and_clear(void)
{
   vex_alloc_mode = VexAllocModeTEMP;
   vex_temp.used  = 0;
}

void vex_set_temp_arena(void* base, SizeT size)
{
   vassert(base != NULL);
   vassert(((HWord)base & (VEX_ALLOC_ALIGN - 1)) == 0);
   vex_temp.base = base;
   vex_temp.size = size;
   vex_temp.used = 0;
}

SizeT vex_temp_bytes_used(void)
{
   return vex_temp.used;
}

static void area_check(const Area* a)
{
   if (a->base == NULL || a->used > a->size
       || (a->used & (VEX_ALLOC_ALIGN - 1)) != 0)
      vpanic("vexAllocSanityCheck: allocator bookkeeping is corrupt");
}

void vexAllocSanityCheck(void)
{
   area_check(&vex_temp);
   area_check(&vex_perm);
   if (vex_alloc_mode != VexAllocModeTEMP && vex_alloc_mode != VexAllocModePERM)
      vpanic("vexAllocSanityCheck: bad allocation mode");
}

static void VEX_NORETURN area_exhausted(const Area* a, SizeT nbytes)
{
   vex_printf("\nvex: out of %s storage: %lu of %lu bytes in use, "
              "%lu more requested\n",
              a->name, (unsigned long)a->used, (unsigned long)a->size,
              (unsigned long)nbytes);
   vpanic("VEX storage exhausted: raise VEX_N_TEMP_BYTES / VEX_N_PERM_BYTES "
          "in main_util.c");
}

void* LibVEX_Alloc(SizeT nbytes)
{
   Area* a = vex_alloc_mode == VexAllocModePERM ? &vex_perm : &vex_temp;
   SizeT rounded = (nbytes + VEX_ALLOC_ALIGN - 1) & ~(VEX_ALLOC_ALIGN - 1);
   if (rounded < nbytes || rounded > a->size - a->used)
      area_exhausted(a, nbytes);
   void* p = a->base + a->used;
   a->used += rounded;
   return p;
}

void LibVEX_ShowAllocStats(void)
{
   vex_printf("vex storage: temporary %lu/%lu bytes, permanent %lu/%lu bytes\n",
              (unsigned long)vex_temp.used, (unsigned long)vex_temp.size,
              (unsigned long)vex_perm.used, (unsigned long)vex_perm.size);
}
