/* valgrind.h: how a program talks to the framework it runs under.

   Include this in a program (C or C++) to ask, at run time, whether it
   runs under the framework and to make client requests: print to the
   framework's log, discard translations of code it rewrote, describe
   custom allocators to the tools, and so on.  Natively every request
   does nothing and evaluates to its default value, for a few cycles.

   The binary interface is Valgrind's, so programs built against either
   header work under either implementation.  A request is a "special
   instruction sequence": a preamble of rotations of one register that
   rotate it by a multiple of its width (no effect on a real CPU),
   followed by a marker instruction that also does nothing:

     arch    preamble (register, rotation amounts)     marker
     amd64   %rdi: rolq $3, $13, $61, $51             xchgq %rbx,%rbx
     x86     %edi: roll $3, $13, $29, $19             xchgl %ebx,%ebx
     arm64   x12:  ror #3, #13, #51, #61              orr x10,x10,x10

   The framework's front end recognises the sequence and makes the code
   leave to the scheduler.  The request block (six words: the request
   code and five arguments) is addressed by %rax / %eax / x4; the default
   result is in %rdx / %edx / x3 and the result comes back there.  A
   request nobody handles leaves the default.

   Other markers after the same preamble (used by function wrappers):
     amd64  xchgq %rcx,%rcx  %rax = the wrapped function's address
            xchgq %rdx,%rdx  call *%rax without redirection
            xchgq %rdi,%rdi  inject IR (VEX's test hook)
     x86    the same with the 32-bit registers (%eax for the address)
     arm64  orr x11,x11,x11 (x3 = address), orr x12,x12,x12 (call x8),
            orr x9,x9,x9

   Define NVALGRIND to compile every request away. */
#ifndef __VALGRIND_H
#define __VALGRIND_H

/* The Valgrind release whose client interface this header matches
   (programs test these to know which requests exist). */
#define __VALGRIND_MAJOR__ 3
#define __VALGRIND_MINOR__ 19

#include <stdarg.h>

/* ------------------------------------------------------------------ */
/* The special instruction sequences                                    */
/* ------------------------------------------------------------------ */

#if !defined(NVALGRIND)
#  if defined(__x86_64__) && !defined(__ILP32__) && !defined(_WIN64)
#    define VG_CLREQ_PLAT_amd64 1
#  elif defined(__i386__) && !defined(_WIN32)
#    define VG_CLREQ_PLAT_x86 1
#  elif defined(__aarch64__)
#    define VG_CLREQ_PLAT_arm64 1
#  else
     /* No sequence for this platform: requests compile to nothing. */
#    define NVALGRIND 1
#  endif
#endif

#if defined(NVALGRIND)

#define VALGRIND_DO_CLIENT_REQUEST_EXPR(_zzq_default, _zzq_request,     \
        _zzq_arg1, _zzq_arg2, _zzq_arg3, _zzq_arg4, _zzq_arg5)         \
   (__extension__({ (void)(_zzq_request); (void)(_zzq_arg1);            \
                    (void)(_zzq_arg2); (void)(_zzq_arg3);               \
                    (void)(_zzq_arg4); (void)(_zzq_arg5);               \
                    (_zzq_default); }))

#else

/* The request block must be in memory the sequence can name.  Both
   declarations come first (C90 compilers may insist). */
#define VG_CLREQ_BLOCK_(_b, _rq, _a1, _a2, _a3, _a4, _a5)               \
   volatile unsigned long int _b[6];                                    \
   unsigned long int _zzq_res;                                          \
   _b[0] = (unsigned long int)(_rq);                                    \
   _b[1] = (unsigned long int)(_a1);                                    \
   _b[2] = (unsigned long int)(_a2);                                    \
   _b[3] = (unsigned long int)(_a3);                                    \
   _b[4] = (unsigned long int)(_a4);                                    \
   _b[5] = (unsigned long int)(_a5)

#if defined(VG_CLREQ_PLAT_amd64)

#define __SPECIAL_INSTRUCTION_PREAMBLE                                  \
   "rolq $3, %%rdi\n\trolq $13, %%rdi\n\t"                              \
   "rolq $61, %%rdi\n\trolq $51, %%rdi\n\t"

#define VALGRIND_DO_CLIENT_REQUEST_EXPR(_zzq_default, _zzq_request,     \
        _zzq_arg1, _zzq_arg2, _zzq_arg3, _zzq_arg4, _zzq_arg5)         \
   (__extension__({                                                     \
      VG_CLREQ_BLOCK_(_zzq_block, _zzq_request, _zzq_arg1, _zzq_arg2,   \
                      _zzq_arg3, _zzq_arg4, _zzq_arg5);                 \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "xchgq %%rbx,%%rbx"                          \
                           : "=d"(_zzq_res)                             \
                           : "a"(&_zzq_block[0]),                       \
                             "0"((unsigned long int)(_zzq_default))     \
                           : "cc", "memory");                           \
      _zzq_res; }))

/* The non-redirected address of the function being wrapped. */
#define VALGRIND_GET_NR_CONTEXT(_zzq_rlval)                             \
   do {                                                                 \
      volatile OrigFn* _zzq_orig = &(_zzq_rlval);                       \
      unsigned long int _zzq_addr;                                      \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "xchgq %%rcx,%%rcx"                          \
                           : "=a"(_zzq_addr) : : "cc", "memory");       \
      _zzq_orig->nraddr = _zzq_addr;                                    \
   } while (0)

/* call *%rax, not redirected (inside the function-call macros). */
#define VALGRIND_CALL_NOREDIR_RAX                                       \
   __SPECIAL_INSTRUCTION_PREAMBLE "xchgq %%rdx,%%rdx\n\t"

#define VALGRIND_VEX_INJECT_IR()                                        \
   do {                                                                 \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "xchgq %%rdi,%%rdi\n\t"                      \
                           : : : "cc", "memory", "rdi");                \
   } while (0)

#elif defined(VG_CLREQ_PLAT_x86)

#define __SPECIAL_INSTRUCTION_PREAMBLE                                  \
   "roll $3, %%edi\n\troll $13, %%edi\n\t"                              \
   "roll $29, %%edi\n\troll $19, %%edi\n\t"

#define VALGRIND_DO_CLIENT_REQUEST_EXPR(_zzq_default, _zzq_request,     \
        _zzq_arg1, _zzq_arg2, _zzq_arg3, _zzq_arg4, _zzq_arg5)         \
   (__extension__({                                                     \
      VG_CLREQ_BLOCK_(_zzq_block, _zzq_request, _zzq_arg1, _zzq_arg2,   \
                      _zzq_arg3, _zzq_arg4, _zzq_arg5);                 \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "xchgl %%ebx,%%ebx"                          \
                           : "=d"(_zzq_res)                             \
                           : "a"(&_zzq_block[0]),                       \
                             "0"((unsigned long int)(_zzq_default))     \
                           : "cc", "memory");                           \
      _zzq_res; }))

#define VALGRIND_GET_NR_CONTEXT(_zzq_rlval)                             \
   do {                                                                 \
      volatile OrigFn* _zzq_orig = &(_zzq_rlval);                       \
      unsigned long int _zzq_addr;                                      \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "xchgl %%ecx,%%ecx"                          \
                           : "=a"(_zzq_addr) : : "cc", "memory");       \
      _zzq_orig->nraddr = _zzq_addr;                                    \
   } while (0)

#define VALGRIND_CALL_NOREDIR_EAX                                       \
   __SPECIAL_INSTRUCTION_PREAMBLE "xchgl %%edx,%%edx\n\t"

#define VALGRIND_VEX_INJECT_IR()                                        \
   do {                                                                 \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "xchgl %%edi,%%edi\n\t"                      \
                           : : : "cc", "memory");                       \
   } while (0)

#elif defined(VG_CLREQ_PLAT_arm64)

#define __SPECIAL_INSTRUCTION_PREAMBLE                                  \
   "ror x12, x12, #3\n\tror x12, x12, #13\n\t"                          \
   "ror x12, x12, #51\n\tror x12, x12, #61\n\t"

#define VALGRIND_DO_CLIENT_REQUEST_EXPR(_zzq_default, _zzq_request,     \
        _zzq_arg1, _zzq_arg2, _zzq_arg3, _zzq_arg4, _zzq_arg5)         \
   (__extension__({                                                     \
      VG_CLREQ_BLOCK_(_zzq_block, _zzq_request, _zzq_arg1, _zzq_arg2,   \
                      _zzq_arg3, _zzq_arg4, _zzq_arg5);                 \
      __asm__ __volatile__("mov x3, %1\n\t"                             \
                           "mov x4, %2\n\t"                             \
                           __SPECIAL_INSTRUCTION_PREAMBLE               \
                           "orr x10, x10, x10\n\t"                      \
                           "mov %0, x3"                                 \
                           : "=r"(_zzq_res)                             \
                           : "r"((unsigned long int)(_zzq_default)),    \
                             "r"(&_zzq_block[0])                        \
                           : "cc", "memory", "x3", "x4");               \
      _zzq_res; }))

#define VALGRIND_GET_NR_CONTEXT(_zzq_rlval)                             \
   do {                                                                 \
      volatile OrigFn* _zzq_orig = &(_zzq_rlval);                       \
      unsigned long int _zzq_addr;                                      \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "orr x11, x11, x11\n\t"                      \
                           "mov %0, x3"                                 \
                           : "=r"(_zzq_addr) : : "cc", "memory", "x3"); \
      _zzq_orig->nraddr = _zzq_addr;                                    \
   } while (0)

#define VALGRIND_BRANCH_AND_LINK_TO_NOREDIR_X8                          \
   __SPECIAL_INSTRUCTION_PREAMBLE "orr x12, x12, x12\n\t"

#define VALGRIND_VEX_INJECT_IR()                                        \
   do {                                                                 \
      __asm__ __volatile__(__SPECIAL_INSTRUCTION_PREAMBLE               \
                           "orr x9, x9, x9\n\t"                         \
                           : : : "cc", "memory");                       \
   } while (0)

#endif /* platforms */
#endif /* !NVALGRIND */

/* The statement form: the result is thrown away. */
#define VALGRIND_DO_CLIENT_REQUEST_STMT(_zzq_request, _zzq_arg1,         \
        _zzq_arg2, _zzq_arg3, _zzq_arg4, _zzq_arg5)                     \
   do {                                                                 \
      (void)VALGRIND_DO_CLIENT_REQUEST_EXPR(0, (_zzq_request),          \
         (_zzq_arg1), (_zzq_arg2), (_zzq_arg3), (_zzq_arg4),            \
         (_zzq_arg5));                                                  \
   } while (0)

/* The oldest form: stores the result in _zzq_rlval. */
#define VALGRIND_DO_CLIENT_REQUEST(_zzq_rlval, _zzq_default,            \
        _zzq_request, _zzq_arg1, _zzq_arg2, _zzq_arg3, _zzq_arg4,       \
        _zzq_arg5)                                                      \
   do {                                                                 \
      (_zzq_rlval) = VALGRIND_DO_CLIENT_REQUEST_EXPR((_zzq_default),    \
         (_zzq_request), (_zzq_arg1), (_zzq_arg2), (_zzq_arg3),         \
         (_zzq_arg4), (_zzq_arg5));                                     \
   } while (0)

/* ------------------------------------------------------------------ */
/* Function wrapping                                                    */
/* ------------------------------------------------------------------ */

/* What a wrapper knows about the function it wraps. */
typedef struct {
   unsigned long int nraddr;   /* where the original really is */
} OrigFn;

#if defined(NVALGRIND)
#  define VALGRIND_GET_NR_CONTEXT(_zzq_rlval)                           \
      do { (_zzq_rlval).nraddr = 0; } while (0)
#endif

#define VALGRIND_GET_ORIG_FN(_lval) VALGRIND_GET_NR_CONTEXT(_lval)

/* Names of wrappers and replacements, as the redirector recognises
   them: a tag, then the Z-encoded soname and function name (ZU: the
   function name is plain; ZZ: both are Z-encoded). */
#define VG_CONCAT4(_aa, _bb, _cc, _dd) _aa##_bb##_cc##_dd

#define I_WRAP_SONAME_FNNAME_ZU(soname, fnname)                         \
   VG_CONCAT4(_vgw00000ZU_, soname, _, fnname)
#define I_WRAP_SONAME_FNNAME_ZZ(soname, fnname)                         \
   VG_CONCAT4(_vgw00000ZZ_, soname, _, fnname)
#define I_REPLACE_SONAME_FNNAME_ZU(soname, fnname)                      \
   VG_CONCAT4(_vgr00000ZU_, soname, _, fnname)
#define I_REPLACE_SONAME_FNNAME_ZZ(soname, fnname)                      \
   VG_CONCAT4(_vgr00000ZZ_, soname, _, fnname)

/* A wrapper names its original by this. */
#define I_WRAP_FNNAME_ZU(fnname) I_WRAP_SONAME_FNNAME_ZU(NONE, fnname)
#define I_WRAP_FNNAME_ZZ(fnname) I_WRAP_SONAME_FNNAME_ZZ(NONE, fnname)

#if defined(VG_CLREQ_PLAT_amd64)

/* Calls the original ORIG (an OrigFn) with word arguments and puts its
   word result in LVAL.  The call goes out on a 16-byte aligned stack
   below the caller's red zone (the wrapper may be a leaf that keeps data
   there), with the caller-saved registers clobbered as by any call. */
#define VG_AMD64_CALLER_SAVED                                           \
   "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"

#define VG_AMD64_CALL_NOREDIR_(_lval, _orig, _nargs, _a1, _a2, _a3,     \
                               _a4, _a5, _a6)                           \
   do {                                                                 \
      volatile OrigFn _zzq_o = (_orig);                                 \
      volatile unsigned long int _zzq_v[8];                             \
      unsigned long int _zzq_res;                                       \
      _zzq_v[0] = _zzq_o.nraddr;                                        \
      _zzq_v[1] = (unsigned long int)(_a1);                             \
      _zzq_v[2] = (unsigned long int)(_a2);                             \
      _zzq_v[3] = (unsigned long int)(_a3);                             \
      _zzq_v[4] = (unsigned long int)(_a4);                             \
      _zzq_v[5] = (unsigned long int)(_a5);                             \
      _zzq_v[6] = (unsigned long int)(_a6);                             \
      _zzq_v[7] = (unsigned long int)(_nargs);                          \
      __asm__ __volatile__(                                             \
         "movq %%rsp, %%r14\n\t"                                        \
         "andq $-16, %%rsp\n\t"                                         \
         "subq $128, %%rsp\n\t"                                         \
         "movq 8(%%rax), %%rdi\n\t"                                     \
         "movq 16(%%rax), %%rsi\n\t"                                    \
         "movq 24(%%rax), %%rdx\n\t"                                    \
         "movq 32(%%rax), %%rcx\n\t"                                    \
         "movq 40(%%rax), %%r8\n\t"                                     \
         "movq 48(%%rax), %%r9\n\t"                                     \
         "movq (%%rax), %%rax\n\t"                                      \
         VALGRIND_CALL_NOREDIR_RAX                                      \
         "movq %%r14, %%rsp\n\t"                                        \
         : "=a"(_zzq_res)                                               \
         : "a"(&_zzq_v[0])                                              \
         : "cc", "memory", VG_AMD64_CALLER_SAVED, "r14",                \
           "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",      \
           "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",  \
           "xmm14", "xmm15");                                           \
      _lval = (__typeof__(_lval))_zzq_res;                              \
   } while (0)

#define CALL_FN_W_v(lval, orig)                                         \
   VG_AMD64_CALL_NOREDIR_(lval, orig, 0, 0, 0, 0, 0, 0, 0)
#define CALL_FN_W_W(lval, orig, a1)                                     \
   VG_AMD64_CALL_NOREDIR_(lval, orig, 1, a1, 0, 0, 0, 0, 0)
#define CALL_FN_W_WW(lval, orig, a1, a2)                                \
   VG_AMD64_CALL_NOREDIR_(lval, orig, 2, a1, a2, 0, 0, 0, 0)
#define CALL_FN_W_WWW(lval, orig, a1, a2, a3)                           \
   VG_AMD64_CALL_NOREDIR_(lval, orig, 3, a1, a2, a3, 0, 0, 0)
#define CALL_FN_W_WWWW(lval, orig, a1, a2, a3, a4)                      \
   VG_AMD64_CALL_NOREDIR_(lval, orig, 4, a1, a2, a3, a4, 0, 0)
#define CALL_FN_W_5W(lval, orig, a1, a2, a3, a4, a5)                    \
   VG_AMD64_CALL_NOREDIR_(lval, orig, 5, a1, a2, a3, a4, a5, 0)
#define CALL_FN_W_6W(lval, orig, a1, a2, a3, a4, a5, a6)                \
   VG_AMD64_CALL_NOREDIR_(lval, orig, 6, a1, a2, a3, a4, a5, a6)

#define CALL_FN_v_v(orig)                                               \
   do { unsigned long int _junk; CALL_FN_W_v(_junk, orig);              \
        (void)_junk; } while (0)
#define CALL_FN_v_W(orig, a1)                                           \
   do { unsigned long int _junk; CALL_FN_W_W(_junk, orig, a1);          \
        (void)_junk; } while (0)
#define CALL_FN_v_WW(orig, a1, a2)                                      \
   do { unsigned long int _junk; CALL_FN_W_WW(_junk, orig, a1, a2);     \
        (void)_junk; } while (0)
#define CALL_FN_v_WWW(orig, a1, a2, a3)                                 \
   do { unsigned long int _junk; CALL_FN_W_WWW(_junk, orig, a1, a2, a3);\
        (void)_junk; } while (0)

#endif /* VG_CLREQ_PLAT_amd64 */

/* ------------------------------------------------------------------ */
/* The request codes                                                    */
/* ------------------------------------------------------------------ */

/* A tool's own requests start at VG_USERREQ_TOOL_BASE of its two
   letters. */
#define VG_USERREQ_TOOL_BASE(a, b)                                      \
   ((unsigned int)(((a) & 0xff) << 24 | ((b) & 0xff) << 16))
#define VG_IS_TOOL_USERREQ(a, b, v)                                     \
   (VG_USERREQ_TOOL_BASE(a, b) == ((v) & 0xffff0000))

typedef enum {
   VG_USERREQ__RUNNING_ON_VALGRIND  = 0x1001,
   VG_USERREQ__DISCARD_TRANSLATIONS = 0x1002,

   /* Run a function of the program on the real CPU; its first argument
      is the thread id (so CLIENT_CALL0 calls a one-argument function). */
   VG_USERREQ__CLIENT_CALL0 = 0x1101,
   VG_USERREQ__CLIENT_CALL1 = 0x1102,
   VG_USERREQ__CLIENT_CALL2 = 0x1103,
   VG_USERREQ__CLIENT_CALL3 = 0x1104,

   VG_USERREQ__COUNT_ERRORS        = 0x1201,
   VG_USERREQ__GDB_MONITOR_COMMAND = 0x1202,
   VG_USERREQ__CLO_CHANGE          = 0x1203,

   /* Custom allocators, for the tools that track the heap. */
   VG_USERREQ__MALLOCLIKE_BLOCK    = 0x1301,
   VG_USERREQ__RESIZEINPLACE_BLOCK = 0x130b,
   VG_USERREQ__FREELIKE_BLOCK      = 0x1302,
   VG_USERREQ__CREATE_MEMPOOL      = 0x1303,
   VG_USERREQ__DESTROY_MEMPOOL     = 0x1304,
   VG_USERREQ__MEMPOOL_ALLOC       = 0x1305,
   VG_USERREQ__MEMPOOL_FREE        = 0x1306,
   VG_USERREQ__MEMPOOL_TRIM        = 0x1307,
   VG_USERREQ__MOVE_MEMPOOL        = 0x1308,
   VG_USERREQ__MEMPOOL_CHANGE      = 0x1309,
   VG_USERREQ__MEMPOOL_EXISTS      = 0x130a,

   /* Printing to the log.  The first two pass a va_list by value
      (deprecated: only right where a va_list fits a word or is an
      array); the others pass its address. */
   VG_USERREQ__PRINTF                         = 0x1401,
   VG_USERREQ__PRINTF_BACKTRACE               = 0x1402,
   VG_USERREQ__PRINTF_VALIST_BY_REF           = 0x1403,
   VG_USERREQ__PRINTF_BACKTRACE_VALIST_BY_REF = 0x1404,

   VG_USERREQ__STACK_REGISTER   = 0x1501,
   VG_USERREQ__STACK_DEREGISTER = 0x1502,
   VG_USERREQ__STACK_CHANGE     = 0x1503,

   VG_USERREQ__LOAD_PDB_DEBUGINFO = 0x1601,
   VG_USERREQ__MAP_IP_TO_SRCLOC   = 0x1701,
   VG_USERREQ__CHANGE_ERR_DISABLEMENT = 0x1801,
   VG_USERREQ__VEX_INIT_FOR_IRI   = 0x1901,
   VG_USERREQ__INNER_THREADS      = 0x1902
} Vg_ClientRequest;

/* ------------------------------------------------------------------ */
/* The requests                                                         */
/* ------------------------------------------------------------------ */

/* 0 natively; 1 under the framework (more when nested under outers). */
#define RUNNING_ON_VALGRIND                                             \
   (unsigned)VALGRIND_DO_CLIENT_REQUEST_EXPR(0,                         \
      VG_USERREQ__RUNNING_ON_VALGRIND, 0, 0, 0, 0, 0)

/* Forget the translations of [_qzz_addr, _qzz_addr + _qzz_len): needed
   after rewriting code the framework may have translated. */
#define VALGRIND_DISCARD_TRANSLATIONS(_qzz_addr, _qzz_len)              \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__DISCARD_TRANSLATIONS,    \
                                   _qzz_addr, _qzz_len, 0, 0, 0)

/* Write to the framework's log, "**PID** "-prefixed; the number of
   characters written (0 natively). */
#if defined(__GNUC__) || defined(__clang__)
#  define VG_PRINTF_ATTR_ __attribute__((format(__printf__, 1, 2), __unused__))
#else
#  define VG_PRINTF_ATTR_
#endif

static int VALGRIND_PRINTF(const char* format, ...) VG_PRINTF_ATTR_;
static int VALGRIND_PRINTF(const char* format, ...)
{
#if defined(NVALGRIND)
   (void)format;
   return 0;
#else
   unsigned long int _qzz_res;
   va_list vargs;
   va_start(vargs, format);
   _qzz_res = VALGRIND_DO_CLIENT_REQUEST_EXPR(0,
                 VG_USERREQ__PRINTF_VALIST_BY_REF,
                 (unsigned long int)format, (unsigned long int)&vargs,
                 0, 0, 0);
   va_end(vargs);
   return (int)_qzz_res;
#endif
}

/* The same, followed by the stack trace of the caller. */
static int VALGRIND_PRINTF_BACKTRACE(const char* format, ...)
   VG_PRINTF_ATTR_;
static int VALGRIND_PRINTF_BACKTRACE(const char* format, ...)
{
#if defined(NVALGRIND)
   (void)format;
   return 0;
#else
   unsigned long int _qzz_res;
   va_list vargs;
   va_start(vargs, format);
   _qzz_res = VALGRIND_DO_CLIENT_REQUEST_EXPR(0,
                 VG_USERREQ__PRINTF_BACKTRACE_VALIST_BY_REF,
                 (unsigned long int)format, (unsigned long int)&vargs,
                 0, 0, 0);
   va_end(vargs);
   return (int)_qzz_res;
#endif
}

/* Call _qyy_fn(tid, args...) on the real CPU; its result. */
#define VALGRIND_NON_SIMD_CALL0(_qyy_fn)                                \
   VALGRIND_DO_CLIENT_REQUEST_EXPR(0, VG_USERREQ__CLIENT_CALL0,         \
                                   _qyy_fn, 0, 0, 0, 0)
#define VALGRIND_NON_SIMD_CALL1(_qyy_fn, _qyy_arg1)                     \
   VALGRIND_DO_CLIENT_REQUEST_EXPR(0, VG_USERREQ__CLIENT_CALL1,         \
                                   _qyy_fn, _qyy_arg1, 0, 0, 0)
#define VALGRIND_NON_SIMD_CALL2(_qyy_fn, _qyy_arg1, _qyy_arg2)          \
   VALGRIND_DO_CLIENT_REQUEST_EXPR(0, VG_USERREQ__CLIENT_CALL2,         \
                                   _qyy_fn, _qyy_arg1, _qyy_arg2, 0, 0)
#define VALGRIND_NON_SIMD_CALL3(_qyy_fn, _qyy_arg1, _qyy_arg2,          \
                                _qyy_arg3)                              \
   VALGRIND_DO_CLIENT_REQUEST_EXPR(0, VG_USERREQ__CLIENT_CALL3,         \
                                   _qyy_fn, _qyy_arg1, _qyy_arg2,       \
                                   _qyy_arg3, 0)

/* The number of errors the tool has reported so far. */
#define VALGRIND_COUNT_ERRORS                                           \
   (unsigned)VALGRIND_DO_CLIENT_REQUEST_EXPR(0,                         \
      VG_USERREQ__COUNT_ERRORS, 0, 0, 0, 0, 0)

/* Custom allocators. */
#define VALGRIND_MALLOCLIKE_BLOCK(addr, sizeB, rzB, is_zeroed)          \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__MALLOCLIKE_BLOCK,        \
                                   addr, sizeB, rzB, is_zeroed, 0)
#define VALGRIND_RESIZEINPLACE_BLOCK(addr, oldSizeB, newSizeB, rzB)     \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__RESIZEINPLACE_BLOCK,     \
                                   addr, oldSizeB, newSizeB, rzB, 0)
#define VALGRIND_FREELIKE_BLOCK(addr, rzB)                              \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__FREELIKE_BLOCK,          \
                                   addr, rzB, 0, 0, 0)

/* Memory pools.  Flags of VALGRIND_CREATE_MEMPOOL_EXT: */
#define VALGRIND_MEMPOOL_AUTO_FREE  1
#define VALGRIND_MEMPOOL_METAPOOL   2
#define VALGRIND_CREATE_MEMPOOL(pool, rzB, is_zeroed)                   \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__CREATE_MEMPOOL,          \
                                   pool, rzB, is_zeroed, 0, 0)
#define VALGRIND_CREATE_MEMPOOL_EXT(pool, rzB, is_zeroed, flags)        \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__CREATE_MEMPOOL,          \
                                   pool, rzB, is_zeroed, flags, 0)
#define VALGRIND_DESTROY_MEMPOOL(pool)                                  \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__DESTROY_MEMPOOL,         \
                                   pool, 0, 0, 0, 0)
#define VALGRIND_MEMPOOL_ALLOC(pool, addr, size)                        \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__MEMPOOL_ALLOC,           \
                                   pool, addr, size, 0, 0)
#define VALGRIND_MEMPOOL_FREE(pool, addr)                               \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__MEMPOOL_FREE,            \
                                   pool, addr, 0, 0, 0)
#define VALGRIND_MEMPOOL_TRIM(pool, addr, size)                         \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__MEMPOOL_TRIM,            \
                                   pool, addr, size, 0, 0)
#define VALGRIND_MOVE_MEMPOOL(poolA, poolB)                             \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__MOVE_MEMPOOL,            \
                                   poolA, poolB, 0, 0, 0)
#define VALGRIND_MEMPOOL_CHANGE(pool, addrA, addrB, size)               \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__MEMPOOL_CHANGE,          \
                                   pool, addrA, addrB, size, 0)
#define VALGRIND_MEMPOOL_EXISTS(pool)                                   \
   (unsigned)VALGRIND_DO_CLIENT_REQUEST_EXPR(0,                         \
      VG_USERREQ__MEMPOOL_EXISTS, pool, 0, 0, 0, 0)

/* Stacks the program switches to by itself (coroutines). */
#define VALGRIND_STACK_REGISTER(start, end)                             \
   (unsigned)VALGRIND_DO_CLIENT_REQUEST_EXPR(0,                         \
      VG_USERREQ__STACK_REGISTER, start, end, 0, 0, 0)
#define VALGRIND_STACK_DEREGISTER(id)                                   \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__STACK_DEREGISTER,        \
                                   id, 0, 0, 0, 0)
#define VALGRIND_STACK_CHANGE(id, start, end)                           \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__STACK_CHANGE,            \
                                   id, start, end, 0, 0)

#define VALGRIND_LOAD_PDB_DEBUGINFO(fd, ptr, total_size, delta)         \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__LOAD_PDB_DEBUGINFO,      \
                                   fd, ptr, total_size, delta, 0)

/* The source location of code address addr into buf64 (64 bytes). */
#define VALGRIND_MAP_IP_TO_SRCLOC(addr, buf64)                          \
   (unsigned)VALGRIND_DO_CLIENT_REQUEST_EXPR(0,                         \
      VG_USERREQ__MAP_IP_TO_SRCLOC, addr, buf64, 0, 0, 0)

/* Error reporting off/on for the calling thread (they nest). */
#define VALGRIND_DISABLE_ERROR_REPORTING                                \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__CHANGE_ERR_DISABLEMENT,  \
                                   1, 0, 0, 0, 0)
#define VALGRIND_ENABLE_ERROR_REPORTING                                 \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__CHANGE_ERR_DISABLEMENT,  \
                                   -1, 0, 0, 0, 0)

/* A gdbserver monitor command; 0 when recognised. */
#define VALGRIND_MONITOR_COMMAND(command)                               \
   VALGRIND_DO_CLIENT_REQUEST_EXPR(0, VG_USERREQ__GDB_MONITOR_COMMAND,  \
                                   command, 0, 0, 0, 0)

/* Change a dynamically changeable option. */
#define VALGRIND_CLO_CHANGE(option)                                     \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__CLO_CHANGE,              \
                                   option, 0, 0, 0, 0)

/* For an outer framework: where the inner one keeps its threads. */
#define VALGRIND_INNER_THREADS(_qzz_addr)                               \
   VALGRIND_DO_CLIENT_REQUEST_STMT(VG_USERREQ__INNER_THREADS,           \
                                   _qzz_addr, 0, 0, 0, 0)

#endif /* __VALGRIND_H */
