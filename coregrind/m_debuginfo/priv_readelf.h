/* m_debuginfo's ELF reader: the function symbols of an object mapped
   with execute permission. */
#ifndef __PRIV_READELF_H
#define __PRIV_READELF_H

#include "pub_core_basics.h"
#include "priv_storage.h"

/* A mapping of a file with execute permission: [avma, avma + len) holds
   the file's bytes from offset foff. */
typedef struct {
   const HChar* filename;
   Addr   avma;
   SizeT  len;
   Off64T foff;
   /* The file's identity when the mapping was made (0: unknown); a file
      with another identity at FILENAME now is not read. */
   ULong  dev;
   ULong  ino;
} DiMapping;

/* Reads the object of which M maps the part holding the .text section:
   its load bias (from M's address and offset and the program headers),
   the .text section's place in memory, and the functions (STT_FUNC and
   STT_GNU_IFUNC symbols of .symtab and .dynsym) that overlap .text.
   When the file has no .symtab, the one of its separate debug file is
   used: /usr/lib/debug/.build-id/xx/yyyy.debug for its build ID, else
   the file .gnu_debuglink names, in the file's directory, its .debug
   subdirectory or under /usr/lib/debug (with the same build ID, or
   without one the CRC the link gives).  Fills *OBJ (all but next) and
   returns True (OBJ's syms and strings are new blocks of the DINFO
   arena); False, with nothing allocated, when the file cannot be
   read, is not an ELF object of this platform, or M does not hold its
   .text.  Nothing the file says is trusted: a corrupt file gives fewer
   symbols or False, never a crash. */
extern Bool ML_(read_elf_object)(const DiMapping* m, DiObject* obj);

#endif
