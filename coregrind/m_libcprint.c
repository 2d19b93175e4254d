/* Formatted output without libc: the printf engine, printing into
   buffers, the log and XML sinks with Valgrind's message prefixes, and
   the expansion of log file names. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_mallocfree.h"
#include "pub_core_libcprint.h"

OutputSink VG_(log_output_sink) = { 2, False };
OutputSink VG_(xml_output_sink) = { -1, False };
Int  VG_(clo_verbosity) = 1;
Bool VG_(clo_time_stamp) = False;

/* ================================================================== */
/* The formatting engine                                              */
/* ================================================================== */

typedef void (*CharSink)(HChar c, void* opaque);

/* Where the engine's characters go, and how many went. */
typedef struct {
   CharSink send;
   void*    opaque;
   UInt     count;
} Out;

static void out_char(Out* o, HChar c)
{
   o->send(c, o->opaque);
   o->count++;
}

static void out_chars(Out* o, const HChar* s, SizeT n)
{
   for (SizeT i = 0; i < n; i++)
      out_char(o, s[i]);
}

static void out_repeat(Out* o, HChar c, SizeT n)
{
   for (SizeT i = 0; i < n; i++)
      out_char(o, c);
}

typedef enum {
   LEN_DEFAULT, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T
} LengthMod;

/* What a conversion specification says besides its conversion letter. */
typedef struct {
   Bool      left;    /* '-' */
   Bool      zero;    /* '0' */
   Bool      plus;    /* '+' */
   Bool      space;   /* ' ' */
   Bool      alt;     /* '#' */
   Bool      group;   /* '\'' (thousands separators) */
   SizeT     width;   /* 0 when not given */
   Int       prec;    /* -1 when not given */
   LengthMod len;
} Spec;

/* Parses a decimal count, saturating far beyond any sensible width. */
static Int scan_count(const HChar** pp)
{
   Int n = 0;
   for (; VG_(isdigit)(**pp); (*pp)++) {
      if (n < 100000000)
         n = n * 10 + (**pp - '0');
   }
   return n;
}

static const HChar* parse_flags(const HChar* p, Spec* sp)
{
   for (;; p++) {
      switch (*p) {
         case '-':  sp->left = True;  break;
         case '0':  sp->zero = True;  break;
         case '+':  sp->plus = True;  break;
         case ' ':  sp->space = True; break;
         case '#':  sp->alt = True;   break;
         case '\'': sp->group = True; break;
         default:   return p;
      }
   }
}

static const HChar* parse_length(const HChar* p, LengthMod* len)
{
   switch (*p) {
      case 'h':
         if (p[1] == 'h') { *len = LEN_HH; return p + 2; }
         *len = LEN_H;
         return p + 1;
      case 'l':
         if (p[1] == 'l') { *len = LEN_LL; return p + 2; }
         *len = LEN_L;
         return p + 1;
      case 'z': *len = LEN_Z; return p + 1;
      case 'j': *len = LEN_J; return p + 1;
      case 't': *len = LEN_T; return p + 1;
      default:  *len = LEN_DEFAULT; return p;
   }
}

/* Parses flags, width, precision and length after a '%'; a '*' takes its
   value from the arguments, as C does (a negative width means '-', a
   negative precision none).  Returns where the conversion letter is. */
static const HChar* parse_spec(const HChar* p, Spec* sp, va_list* ap)
{
   sp->left = sp->zero = sp->plus = sp->space = sp->alt = sp->group = False;
   sp->width = 0;
   sp->prec = -1;
   p = parse_flags(p, sp);
   if (*p == '*') {
      Int w = va_arg(*ap, Int);
      if (w < 0) {
         sp->left = True;
         sp->width = (SizeT)0 - (SizeT)(Word)w;
      } else {
         sp->width = (SizeT)w;
      }
      p++;
   } else {
      sp->width = (SizeT)scan_count(&p);
   }
   if (*p == '.') {
      p++;
      if (*p == '*') {
         Int pr = va_arg(*ap, Int);
         sp->prec = pr < 0 ? -1 : pr;
         p++;
      } else {
         sp->prec = scan_count(&p);
      }
   }
   return parse_length(p, &sp->len);
}

static Long fetch_signed(va_list* ap, LengthMod len)
{
   switch (len) {
      case LEN_HH: return (SChar)va_arg(*ap, Int);
      case LEN_H:  return (Short)va_arg(*ap, Int);
      case LEN_L:
      case LEN_Z:
      case LEN_T:  return va_arg(*ap, Word);
      case LEN_LL:
      case LEN_J:  return va_arg(*ap, Long);
      default:     return va_arg(*ap, Int);
   }
}

static ULong fetch_unsigned(va_list* ap, LengthMod len)
{
   switch (len) {
      case LEN_HH: return (UChar)va_arg(*ap, UInt);
      case LEN_H:  return (UShort)va_arg(*ap, UInt);
      case LEN_L:
      case LEN_Z:
      case LEN_T:  return va_arg(*ap, UWord);
      case LEN_LL:
      case LEN_J:  return va_arg(*ap, ULong);
      default:     return va_arg(*ap, UInt);
   }
}

/* Room for a ULong in octal (22 digits) or in decimal with separators
   (20 digits and 6 commas). */
#define DIGITS_BUF 32

/* Writes the digits of V in BASE at the end of BUF (DIGITS_BUF bytes),
   with a ',' between groups of three when GROUP; returns where they
   start. */
static HChar* render_digits(HChar* buf, ULong v, UInt base, Bool upper,
                            Bool group)
{
   const HChar* digit = upper ? "0123456789ABCDEF" : "0123456789abcdef";
   HChar* p = buf + DIGITS_BUF;
   UInt n = 0;
   do {
      if (group && n > 0 && n % 3 == 0)
         *--p = ',';
      *--p = digit[v % base];
      v /= base;
      n++;
   } while (v != 0);
   return p;
}

/* Writes PREFIX, ZEROS '0's and BODY as one field of SP's width, padded
   with spaces on the left, or on the right when left-justified. */
static void emit_field(Out* o, const Spec* sp, const HChar* prefix,
                       SizeT zeros, const HChar* body, SizeT body_len)
{
   SizeT prefix_len = VG_(strlen)(prefix);
   SizeT len = prefix_len + zeros + body_len;
   SizeT pad = sp->width > len ? sp->width - len : 0;
   if (!sp->left)
      out_repeat(o, ' ', pad);
   out_chars(o, prefix, prefix_len);
   out_repeat(o, '0', zeros);
   out_chars(o, body, body_len);
   if (sp->left)
      out_repeat(o, ' ', pad);
}

/* How many '0's the '0' flag adds so that USED characters fill the
   width; C ignores the flag with '-' and, for integers, with a
   precision. */
static SizeT zero_fill(const Spec* sp, Bool prec_given, SizeT used)
{
   if (!sp->zero || sp->left || prec_given || sp->width <= used)
      return 0;
   return sp->width - used;
}

/* An integer conversion of magnitude MAG after PREFIX (sign, "0x"). */
static void format_integer(Out* o, const Spec* sp, const HChar* prefix,
                           ULong mag, UInt base, Bool upper)
{
   HChar buf[DIGITS_BUF];
   const HChar* digits = buf + DIGITS_BUF;
   if (!(mag == 0 && sp->prec == 0))
      digits = render_digits(buf, mag, base, upper, sp->group && base == 10);
   SizeT n = (SizeT)(buf + DIGITS_BUF - digits);

   SizeT zeros = sp->prec > 0 && (SizeT)sp->prec > n
                    ? (SizeT)sp->prec - n : 0;
   /* '#' with %o: the output starts with a 0, whatever the precision. */
   if (base == 8 && sp->alt && zeros == 0 && (n == 0 || digits[0] != '0'))
      zeros = 1;
   SizeT used = VG_(strlen)(prefix) + zeros + n;
   zeros += zero_fill(sp, sp->prec >= 0, used);
   emit_field(o, sp, prefix, zeros, digits, n);
}

/* The sign prefix of a signed conversion. */
static const HChar* sign_prefix(const Spec* sp, Bool negative)
{
   if (negative)
      return "-";
   if (sp->plus)
      return "+";
   return sp->space ? " " : "";
}

static void format_signed(Out* o, const Spec* sp, va_list* ap)
{
   Long v = fetch_signed(ap, sp->len);
   ULong mag = v < 0 ? (ULong)0 - (ULong)v : (ULong)v;
   format_integer(o, sp, sign_prefix(sp, v < 0), mag, 10, False);
}

static void format_unsigned(Out* o, const Spec* sp, HChar conv, va_list* ap)
{
   ULong v = fetch_unsigned(ap, sp->len);
   const HChar* prefix = "";
   UInt base = 10;
   if (conv == 'o') {
      base = 8;
   } else if (conv == 'x' || conv == 'X') {
      base = 16;
      if (sp->alt && v != 0)
         prefix = conv == 'x' ? "0x" : "0X";
   }
   format_integer(o, sp, prefix, v, base, conv == 'X');
}

/* glibc's %p: "0x" and lowercase hex, "(nil)" for NULL. */
static void format_pointer(Out* o, const Spec* sp, const void* p)
{
   static const HChar* const prefixes[] = { "0x", "+0x", " 0x" };
   if (p == NULL) {
      emit_field(o, sp, "", 0, "(nil)", 5);
      return;
   }
   const HChar* prefix = prefixes[sp->plus ? 1 : sp->space ? 2 : 0];
   format_integer(o, sp, prefix, (ULong)(Addr)p, 16, False);
}

static void format_string(Out* o, const Spec* sp, const HChar* s)
{
   /* glibc prints "(null)" for NULL unless the precision is too small
      for it, and then nothing. */
   if (s == NULL)
      s = (sp->prec >= 0 && sp->prec < 6) ? "" : "(null)";
   SizeT n = sp->prec >= 0 ? VG_(strnlen)(s, (SizeT)sp->prec)
                           : VG_(strlen)(s);
   emit_field(o, sp, "", 0, s, n);
}

static void format_xml_escaped(Out* o, const HChar* s)
{
   if (s == NULL)
      s = "(null)";
   for (; *s != '\0'; s++) {
      switch (*s) {
         case '&':  out_chars(o, "&amp;", 5);  break;
         case '<':  out_chars(o, "&lt;", 4);   break;
         case '>':  out_chars(o, "&gt;", 4);   break;
         case '\'': out_chars(o, "&apos;", 6); break;
         case '"':  out_chars(o, "&quot;", 6); break;
         default:   out_char(o, *s);           break;
      }
   }
}

static Bool is_negative_double(double d)
{
   union { double d; ULong u; } bits;
   bits.d = d;
   return (bits.u >> 63) != 0;
}

/* The digits of a double beyond this many after the point are not
   computed but printed as 0: a double carries about 17 significant
   digits, and 10^17 still fits in a ULong. */
#define MAX_FRAC_DIGITS 17

/* %f.  Exact for the integer part below 10^18 and rounded to nearest
   (ties to even, like glibc) in the last digit, up to the double
   arithmetic's own rounding; larger values print their first 18
   digits exactly and zeros after. */
static void format_double(Out* o, const Spec* sp, double v)
{
   Bool neg = is_negative_double(v);
   double a = neg ? -v : v;
   const HChar* sign = sign_prefix(sp, neg);
   if (a != a || a > 1.7976931348623157e308) {
      emit_field(o, sp, sign, 0, a != a ? "nan" : "inf", 3);
      return;
   }

   SizeT prec = sp->prec < 0 ? 6 : (SizeT)sp->prec;
   SizeT frac_digits = prec < MAX_FRAC_DIGITS ? prec : MAX_FRAC_DIGITS;
   SizeT int_zeros = 0;   /* integer digits beyond a ULong's reach */
   while (a >= 1e18) {
      a /= 10.0;
      int_zeros++;
   }
   ULong ip = (ULong)a;
   double frac = int_zeros > 0 ? 0.0 : a - (double)ip;
   ULong scale = 1;
   for (SizeT i = 0; i < frac_digits; i++)
      scale *= 10;
   double scaled = frac * (double)scale;
   ULong fp = (ULong)scaled;
   double rest = scaled - (double)fp;
   ULong last = frac_digits > 0 ? fp : ip;
   if (rest > 0.5 || (rest == 0.5 && (last & 1) != 0))
      fp++;
   if (fp >= scale) {
      fp -= scale;
      ip++;
   }

   HChar ibuf[DIGITS_BUF], fbuf[DIGITS_BUF];
   const HChar* idig = render_digits(ibuf, ip, 10, False, False);
   SizeT ni = (SizeT)(ibuf + DIGITS_BUF - idig);
   const HChar* fdig = render_digits(fbuf, fp, 10, False, False);
   SizeT nf = frac_digits > 0 ? (SizeT)(fbuf + DIGITS_BUF - fdig) : 0;
   Bool point = prec > 0 || sp->alt;

   SizeT sign_len = VG_(strlen)(sign);
   SizeT len = sign_len + ni + int_zeros + (point ? 1 : 0) + prec;
   SizeT zeros = zero_fill(sp, False, len);
   SizeT pad = sp->width > len + zeros ? sp->width - len - zeros : 0;
   if (!sp->left)
      out_repeat(o, ' ', pad);
   out_chars(o, sign, sign_len);
   out_repeat(o, '0', zeros);
   out_chars(o, idig, ni);
   out_repeat(o, '0', int_zeros);
   if (point)
      out_char(o, '.');
   out_repeat(o, '0', frac_digits - nf);
   out_chars(o, fdig, nf);
   out_repeat(o, '0', prec - frac_digits);
   if (sp->left)
      out_repeat(o, ' ', pad);
}

/* %pS always escapes; %ps only when XML output is on. */
static void format_p_extension(Out* o, const Spec* sp, HChar which,
                               const HChar* s)
{
   if (which == 'S' || VG_(xml_output_sink).fd >= 0)
      format_xml_escaped(o, s);
   else
      format_string(o, sp, s);
}

/* Formats the conversion whose '%' is at PCT; returns where the format
   continues. */
static const HChar* format_conversion(Out* o, const HChar* pct, va_list* ap)
{
   Spec sp;
   const HChar* p = parse_spec(pct + 1, &sp, ap);
   switch (*p) {
      case 'd':
      case 'i':
         format_signed(o, &sp, ap);
         break;
      case 'u':
      case 'o':
      case 'x':
      case 'X':
         format_unsigned(o, &sp, *p, ap);
         break;
      case 'c': {
         HChar c = (HChar)va_arg(*ap, Int);
         emit_field(o, &sp, "", 0, &c, 1);
         break;
      }
      case 's':
         format_string(o, &sp, va_arg(*ap, const HChar*));
         break;
      case 'p':
         if (p[1] == 'S' || p[1] == 's') {
            p++;
            format_p_extension(o, &sp, *p, va_arg(*ap, const HChar*));
         } else {
            format_pointer(o, &sp, va_arg(*ap, const void*));
         }
         break;
      case 'f':
         format_double(o, &sp, va_arg(*ap, double));
         break;
      case '%':
         out_char(o, '%');
         break;
      default:
         /* Unknown (or a '%' ending the format): show it as written. */
         out_chars(o, pct, (SizeT)(p - pct));
         if (*p == '\0')
            return p;
         out_char(o, *p);
         break;
   }
   return p + 1;
}

UInt VG_(vcbprintf)(void (*send)(HChar c, void* opaque), void* opaque,
                    const HChar* format, va_list vargs)
{
   Out o = { send, opaque, 0 };
   va_list ap;
   va_copy(ap, vargs);
   const HChar* f = format;
   while (*f != '\0') {
      if (*f == '%')
         f = format_conversion(&o, f, &ap);
      else
         out_char(&o, *f++);
   }
   va_end(ap);
   return o.count;
}

/* ================================================================== */
/* Into buffers                                                       */
/* ================================================================== */

typedef struct {
   HChar* buf;
   SizeT  room;   /* characters that may still be stored */
} BufSink;

static void send_to_buf(HChar c, void* opaque)
{
   BufSink* b = opaque;
   if (b->room > 0) {
      *b->buf++ = c;
      b->room--;
   }
}

UInt VG_(vsnprintf)(HChar* buf, SizeT size, const HChar* format,
                    va_list vargs)
{
   BufSink b = { buf, size > 0 ? size - 1 : 0 };
   UInt n = VG_(vcbprintf)(send_to_buf, &b, format, vargs);
   if (size > 0)
      *b.buf = '\0';
   return n;
}

UInt VG_(snprintf)(HChar* buf, SizeT size, const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vsnprintf)(buf, size, format, vargs);
   va_end(vargs);
   return n;
}

UInt VG_(vsprintf)(HChar* buf, const HChar* format, va_list vargs)
{
   return VG_(vsnprintf)(buf, ~(SizeT)0, format, vargs);
}

UInt VG_(sprintf)(HChar* buf, const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vsprintf)(buf, format, vargs);
   va_end(vargs);
   return n;
}

/* ================================================================== */
/* Output sinks                                                       */
/* ================================================================== */

/* Output is collected per call in a buffer on the caller's stack, so
   threads printing at the same time never share one; a call's output
   reaches the descriptor in one write unless it overflows the buffer. */
#define SINK_BUF_SIZE 512

/* Whether the log's last character was a newline, so that the next
   message starts with its prefix.  Shared by all writers of the log:
   messages from threads that print at the same time without the big
   lock may get their prefixes mixed up, but never lose output. */
static Bool log_at_line_start = True;

typedef struct {
   Int       fd;
   Bool      prefixed;       /* a message: lines start with a prefix */
   VgMsgKind kind;
   SizeT     prefix_len;     /* 0 until the prefix is first needed */
   HChar     prefix[48];
   SizeT     used;
   HChar     buf[SINK_BUF_SIZE];
} SinkBuf;

static void write_all(Int fd, const HChar* buf, SizeT n)
{
   if (fd < 0)
      return;
   while (n > 0) {
      Int r = VG_(write)(fd, buf, (Int)n);
      if (r == -VKI_EINTR)
         continue;
      if (r <= 0)
         return;   /* the output is lost: there is nowhere to say so */
      buf += r;
      n -= (SizeT)r;
   }
}

static void flush_sink(SinkBuf* b)
{
   write_all(b->fd, b->buf, b->used);
   b->used = 0;
}

static void put_char(SinkBuf* b, HChar c)
{
   if (b->used == sizeof b->buf)
      flush_sink(b);
   b->buf[b->used++] = c;
}

static void init_sink(SinkBuf* b, Int fd, Bool prefixed, VgMsgKind kind)
{
   b->fd = fd;
   b->prefixed = prefixed;
   b->kind = kind;
   b->prefix_len = 0;
   b->used = 0;
}

/* ------------------------------------------------------------------ */
/* --time-stamp                                                       */

/* "DD:HH:MM:SS.mmm " since the start of the run, into BUF. */
static UInt format_elapsed_time(HChar* buf, SizeT size)
{
   ULong ms = VG_(read_millisecond_timer)();
   ULong secs = ms / 1000;
   return VG_(snprintf)(buf, size, "%02llu:%02llu:%02llu:%02llu.%03llu ",
                        secs / 86400, secs / 3600 % 24, secs / 60 % 60,
                        secs % 60, ms % 1000);
}

/* ------------------------------------------------------------------ */
/* The log                                                            */

/* "==PID== " and the like, with the time stamp when asked for. */
static void build_prefix(SinkBuf* b)
{
   if (b->kind == Vg_FailMsg) {
      b->prefix_len = VG_(snprintf)(b->prefix, sizeof b->prefix,
                                    "valgrind: ");
      return;
   }
   const HChar* mark = b->kind == Vg_DebugMsg  ? "--"
                     : b->kind == Vg_ClientMsg ? "**" : "==";
   Int pid = VG_(getpid)();
   SizeT n = VG_(snprintf)(b->prefix, sizeof b->prefix, "%s%d%s ",
                           mark, pid, mark);
   if (VG_(clo_time_stamp))
      n += format_elapsed_time(b->prefix + n, sizeof b->prefix - n);
   b->prefix_len = n;
}

static void send_to_log(HChar c, void* opaque)
{
   SinkBuf* b = opaque;
   if (b->prefixed && log_at_line_start) {
      if (b->prefix_len == 0)
         build_prefix(b);
      for (SizeT i = 0; i < b->prefix_len; i++)
         put_char(b, b->prefix[i]);
   }
   put_char(b, c);
   log_at_line_start = (c == '\n');
}

static void send_to_buf_sink(HChar c, void* opaque)
{
   put_char(opaque, c);
}

static UInt print_to_log(Bool prefixed, VgMsgKind kind, const HChar* format,
                         va_list vargs)
{
   SinkBuf b;
   init_sink(&b, VG_(log_output_sink).fd, prefixed, kind);
   UInt n = VG_(vcbprintf)(send_to_log, &b, format, vargs);
   flush_sink(&b);
   return n;
}

UInt VG_(vprintf)(const HChar* format, va_list vargs)
{
   return print_to_log(False, Vg_UserMsg, format, vargs);
}

UInt VG_(printf)(const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vprintf)(format, vargs);
   va_end(vargs);
   return n;
}

/* ------------------------------------------------------------------ */
/* -d: debug logging of the core's start-up                           */

Int VG_(debugLog_level) = 0;

void VG_(debugLog)(Int level, const HChar* module, const HChar* format, ...)
{
   if (level > VG_(debugLog_level))
      return;
   /* Always stderr, whatever the log sink: the sink may not exist yet. */
   SinkBuf b;
   init_sink(&b, 2, False, Vg_DebugMsg);
   HChar prefix[48];
   UInt n = VG_(snprintf)(prefix, sizeof prefix, "--%d:%d:%8s ",
                          VG_(getpid)(), level, module);
   for (UInt i = 0; i < n; i++)
      put_char(&b, prefix[i]);
   va_list vargs;
   va_start(vargs, format);
   VG_(vcbprintf)(send_to_buf_sink, &b, format, vargs);
   va_end(vargs);
   flush_sink(&b);
}

UInt VG_(vmessage)(VgMsgKind kind, const HChar* format, va_list vargs)
{
   return print_to_log(True, kind, format, vargs);
}

UInt VG_(message)(VgMsgKind kind, const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vmessage)(kind, format, vargs);
   va_end(vargs);
   return n;
}

UInt VG_(umsg)(const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vmessage)(Vg_UserMsg, format, vargs);
   va_end(vargs);
   return n;
}

UInt VG_(dmsg)(const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vmessage)(Vg_DebugMsg, format, vargs);
   va_end(vargs);
   return n;
}

UInt VG_(fmsg)(const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vmessage)(Vg_FailMsg, format, vargs);
   va_end(vargs);
   return n;
}

/* Fatal option errors start and end on a line of their own. */
static void end_partial_line(void)
{
   if (!log_at_line_start)
      VG_(printf)("\n");
}

static void bad_option_v(const HChar* opt, const HChar* format,
                         va_list vargs) PRINTF_CHECK(2, 0) NORETURN;
static void bad_option_v(const HChar* opt, const HChar* format,
                         va_list vargs)
{
   end_partial_line();
   VG_(fmsg)("Bad option: %s\n", opt);
   VG_(vmessage)(Vg_FailMsg, format, vargs);
   end_partial_line();
   VG_(fmsg)("Use --help for more information or consult the user manual.\n");
   VG_(exit)(1);
}

void VG_(fmsg_bad_option)(const HChar* opt, const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   bad_option_v(opt, format, vargs);
}

void VG_(fmsg_unknown_option)(const HChar* opt)
{
   end_partial_line();
   VG_(fmsg)("Unknown option: %s\n", opt);
   VG_(fmsg)("Use --help for more information or consult the user manual.\n");
   VG_(exit)(1);
}

/* ------------------------------------------------------------------ */
/* The XML output                                                     */

static void send_to_xml(HChar c, void* opaque)
{
   put_char(opaque, c);
}

UInt VG_(vprintf_xml)(const HChar* format, va_list vargs)
{
   if (VG_(xml_output_sink).fd < 0)
      return 0;
   SinkBuf b;
   init_sink(&b, VG_(xml_output_sink).fd, False, Vg_UserMsg);
   UInt n = VG_(vcbprintf)(send_to_xml, &b, format, vargs);
   flush_sink(&b);
   return n;
}

UInt VG_(printf_xml)(const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   UInt n = VG_(vprintf_xml)(format, vargs);
   va_end(vargs);
   return n;
}

/* ================================================================== */
/* Log file names                                                     */
/* ================================================================== */

#define EFN_CC "libcprint.efn"

/* A growing string on the core's heap. */
typedef struct {
   HChar* s;
   SizeT  len;
   SizeT  cap;
} NameBuf;

static void name_append(NameBuf* nb, const HChar* s, SizeT n)
{
   if (nb->len + n + 1 > nb->cap) {
      nb->cap = 2 * (nb->len + n + 1);
      nb->s = VG_(realloc)(EFN_CC, nb->s, nb->cap);
   }
   VG_(memcpy)(nb->s + nb->len, s, n);
   nb->len += n;
   nb->s[nb->len] = '\0';
}

static void name_append_str(NameBuf* nb, const HChar* s)
{
   name_append(nb, s, VG_(strlen)(s));
}

/* A fatal error about OPTION_NAME=FORMAT; REASON says what is wrong, in
   Valgrind's words where Valgrind has the same error. */
static void bad_file_name(const HChar* option_name, const HChar* format,
                          const HChar* reason, ...) PRINTF_CHECK(3, 4) NORETURN;
static void bad_file_name(const HChar* option_name, const HChar* format,
                          const HChar* reason, ...)
{
   NameBuf opt = { NULL, 0, 0 };
   name_append_str(&opt, option_name);
   name_append_str(&opt, "=");
   name_append_str(&opt, format);
   va_list vargs;
   va_start(vargs, reason);
   bad_option_v(opt.s, reason, vargs);
}

/* Expands "%q{VAR}" at P (just after the 'q') into NB; returns where the
   format continues. */
static const HChar* expand_env_var(NameBuf* nb, const HChar* p,
                                   const HChar* option_name,
                                   const HChar* format)
{
   if (*p != '{')
      bad_file_name(option_name, format, "Expected '{' after '%%q'");
   const HChar* close = VG_(strchr)(p, '}');
   if (close == NULL)
      bad_file_name(option_name, format, "Missing '}' in %%q specifier");
   SizeT n = (SizeT)(close - (p + 1));
   HChar* var = VG_(malloc)(EFN_CC, n + 1);
   VG_(strncpy_safely)(var, p + 1, n + 1);
   const HChar* value = VG_(getenv)(var);
   if (value == NULL)
      bad_file_name(option_name, format,
                    "Environment variable '%s' is not set", var);
   VG_(free)(var);
   name_append_str(nb, value);
   return close + 1;
}

/* Prefixes a relative NAME with the current directory, which during
   start-up is the one valgrind was started in; a NAME that cannot be
   made absolute is left as it is. */
static HChar* make_absolute(HChar* name)
{
   if (name[0] == '/')
      return name;
   HChar* cwd = VG_(malloc)(EFN_CC, VKI_PATH_MAX);
   if (!VG_(getcwd)(cwd, VKI_PATH_MAX)) {
      VG_(free)(cwd);
      return name;
   }
   NameBuf nb = { NULL, 0, 0 };
   name_append_str(&nb, cwd);
   if (nb.s[nb.len - 1] != '/')
      name_append_str(&nb, "/");
   name_append_str(&nb, name);
   VG_(free)(cwd);
   VG_(free)(name);
   return nb.s;
}

HChar* VG_(expand_file_name)(const HChar* option_name, const HChar* format)
{
   static UInt sequence_nr = 0;
   NameBuf nb = { NULL, 0, 0 };
   HChar num[24];

   if (format[0] == '\0')
      bad_file_name(option_name, format, "No filename given");
   for (const HChar* p = format; *p != '\0';) {
      if (*p != '%') {
         name_append(&nb, p++, 1);
         continue;
      }
      switch (p[1]) {
         case 'p':
            VG_(snprintf)(num, sizeof num, "%d", VG_(getpid)());
            name_append_str(&nb, num);
            p += 2;
            break;
         case 'n':
            VG_(snprintf)(num, sizeof num, "%u", ++sequence_nr);
            name_append_str(&nb, num);
            p += 2;
            break;
         case 'q':
            p = expand_env_var(&nb, p + 2, option_name, format);
            break;
         case '%':
            name_append(&nb, "%", 1);
            p += 2;
            break;
         default:   /* also a '%' ending the name */
            bad_file_name(option_name, format,
                          "Expected 'p', 'n', 'q' or '%%' after '%%'");
      }
   }
   return make_absolute(nb.s);
}
