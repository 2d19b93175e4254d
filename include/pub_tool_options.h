/* Command-line option matching for tools and core (module m_options).

   Each matcher returns True when ARG is the option named OPTION (given
   with its leading dashes, e.g. "--leak-check") and stores its value.  A
   matching option with a bad value is a fatal "Bad option" error, so the
   caller only sees good values.  Typical use in a tool:

      if      VG_BOOL_CLO(arg, "--trace-mem", clo_trace_mem) {}
      else if VG_BINT_CLO(arg, "--depth", clo_depth, 1, 64) {}
      else return False;   // not ours: the core reports it
*/
#ifndef __PUB_TOOL_OPTIONS_H
#define __PUB_TOOL_OPTIONS_H

#include "pub_tool_basics.h"

/* "--opt=yes|no" */
extern Bool VG_(bool_clo)(const HChar* arg, const HChar* option, Bool* value);
/* "--opt=string" (a pointer into ARG) */
extern Bool VG_(str_clo)(const HChar* arg, const HChar* option,
                         const HChar** value);
/* "--opt=N", N decimal (or hex with 0x), LO <= N <= HI */
extern Bool VG_(bint_clo)(const HChar* arg, const HChar* option,
                          Long* value, Long lo, Long hi);
/* exactly "--opt" or "--opt=value" given as OPTION */
extern Bool VG_(xact_clo)(const HChar* arg, const HChar* option);

#define VG_BOOL_CLO(arg, option, var)  VG_(bool_clo)((arg), (option), &(var))
#define VG_STR_CLO(arg, option, var)   VG_(str_clo)((arg), (option), &(var))
#define VG_BINT_CLO(arg, option, var, lo, hi)                               \
   ({ Long vg_clo_val_;                                                     \
      Bool vg_clo_hit_ = VG_(bint_clo)((arg), (option), &vg_clo_val_,       \
                                       (lo), (hi));                         \
      if (vg_clo_hit_) (var) = vg_clo_val_;                                  \
      vg_clo_hit_; })
#define VG_INT_CLO(arg, option, var) \
   VG_BINT_CLO(arg, option, var, -2147483647LL - 1, 2147483647LL)
#define VG_XACT_CLO(arg, option, var, val) \
   (VG_(xact_clo)((arg), (option)) ? ((var) = (val), True) : False)

/* Verbosity: 0 with -q, 1 by default, +1 per -v. */
extern Int VG_(clo_verbosity);

#endif
