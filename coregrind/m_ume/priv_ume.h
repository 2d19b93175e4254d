/* Private interface between the parts of m_ume: the generic driver
   (m_ume.c: finding the client, "#!" scripts) and the ELF loader
   (elf.c). */
#ifndef __PRIV_UME_H
#define __PRIV_UME_H

#include "pub_core_basics.h"
#include "pub_core_ume.h"

/* Records the failure "<FILE>: <reason>" in INFO->error; returns
   False, for "return ML_(ume_fail)(...)". */
extern Bool ML_(ume_fail)(ExeInfo* info, const HChar* file,
                          const HChar* format, ...) PRINTF_CHECK(3, 4);

/* Loads the ELF executable NAME, open as FD (FILE_SIZE bytes), and its
   dynamic linker, filling INFO's ELF fields.  False with INFO->error
   set on failure. */
extern Bool ML_(ume_load_elf)(Int fd, const HChar* name, ULong file_size,
                              ExeInfo* info);

#endif
