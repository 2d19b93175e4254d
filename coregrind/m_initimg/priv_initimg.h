/* Private interface of m_initimg: what each platform's file
   (initimg-<platform>.c) supplies to the generic Linux part
   (m_initimg.c). */
#ifndef __PRIV_INITIMG_H
#define __PRIV_INITIMG_H

#include "pub_core_basics.h"
#include "pub_core_initimg.h"

/* One auxv entry. */
typedef struct {
   UWord type;
   UWord val;
} IIAuxEntry;

/* AT_PLATFORM's string, or NULL for none. */
extern const HChar* ML_(ii_platform);

/* The entries the kernel's ARCH_DLINFO puts first, from FACTS, into
   OUT; returns how many (at most 4). */
extern UInt ML_(ii_arch_dlinfo)(const IIAuxFacts* facts, IIAuxEntry* out);

/* AT_MINSIGSTKSZ: the size of the signal frame the core builds for
   this platform's client, which must fit on the client's signal
   stacks. */
extern const UWord ML_(ii_minsigstksz);

/* The bytes below the stack pointer the ABI lets a function use
   without moving it (amd64: 128), reported with the stack. */
extern const SizeT ML_(ii_stack_redzone);

/* The highest byte of the client stack area by default. */
extern const Addr ML_(ii_default_clstack_end);

/* The first registers: the stack pointer SP and first instruction IP
   into *REGS, the rest as the platform's ABI wants them at process
   entry. */
extern void ML_(ii_initial_regs)(Addr sp, Addr ip, IIInitialRegs* regs);

#endif
