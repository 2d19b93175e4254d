/* m_debuginfo's private data: the symbol table of one object, and the
   functions that put it into searchable shape and search it. */
#ifndef __PRIV_STORAGE_H
#define __PRIV_STORAGE_H

#include "pub_core_basics.h"

/* A function: [avma, avma + size) in the client's address space. */
typedef struct {
   Addr         avma;
   SizeT        size;     /* never 0 */
   const HChar* name;
} DiSym;

/* What is known about one object mapped with execute permission: the
   file's .text section as mapped, and the functions in it. */
typedef struct _DiObject {
   struct _DiObject* next;
   const HChar* filename;   /* in STRINGS */
   /* The file name, then the symbols' names, each NUL-terminated.  Never
      freed: names handed out stay valid after the object is unmapped. */
   HChar*   strings;
   SizeT    strings_size;
   Addr     text_avma;
   SizeT    text_size;
   /* What is added to an address in the file (a "stated" address) to
      give the address in memory: 0 for an executable loaded where it
      was linked. */
   PtrdiffT text_bias;
   DiSym*   syms;            /* N_SYMS, by address, not overlapping */
   UWord    n_syms;
} DiObject;

/* Which of two names of the same function to show, as Valgrind chooses:
   in order, "PMPI_foo" over "MPI_foo", a name that is not empty before
   any "@VERSION" suffix, one that is not all blanks, the shorter one
   (not counting the version suffix), a versioned one, the one first in
   strcmp order.  True if A is preferred (also when they are equal). */
extern Bool ML_(prefer_name)(const HChar* a, const HChar* b);

/* Turns SYMS[0 .. N-1] (any order, overlaps allowed) into a table sorted
   by address without overlaps, as Valgrind does: symbols with the same
   range become one, named by ML_(prefer_name); of two with the same
   start the shorter keeps it and the longer keeps only what lies past
   the shorter's end; one that overlaps a later-starting one ends where
   that one starts.  Returns the new count (at most N); SYMS holds the
   result.  O(N log N). */
extern UWord ML_(canonicalise_symtab)(DiSym* syms, UWord n);

/* The symbol of the canonical table SYMS[0 .. N-1] whose range holds A,
   or NULL. */
extern const DiSym* ML_(search_symtab)(const DiSym* syms, UWord n, Addr a);

#endif
