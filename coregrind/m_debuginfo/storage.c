/* Symbol tables: choosing among aliases, removing overlaps, searching
   (see priv_storage.h). */
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_mallocfree.h"
#include "priv_storage.h"

/* ------------------------------------------------------------------ */
/* Names                                                                */

/* How long NAME is before its "@VERSION" or "@@VERSION" suffix. */
static SizeT unversioned_len(const HChar* name)
{
   const HChar* at = VG_(strchr)(name, '@');
   return at != NULL ? (SizeT)(at - name) : VG_(strlen)(name);
}

static Bool is_blank(const HChar* s)
{
   for (; *s != '\0'; s++)
      if (!VG_(isspace)(*s))
         return False;
   return True;
}

/* Whether P is "PMPI_" followed by what follows "MPI_" in M. */
static Bool is_pmpi_of(const HChar* p, const HChar* m)
{
   return VG_(strncmp)(p, "PMPI_", 5) == 0
          && VG_(strncmp)(m, "MPI_", 4) == 0
          && VG_(strcmp)(p + 1, m) == 0;
}

Bool ML_(prefer_name)(const HChar* a, const HChar* b)
{
   if (is_pmpi_of(a, b))
      return True;
   if (is_pmpi_of(b, a))
      return False;
   const SizeT len_a = unversioned_len(a);
   const SizeT len_b = unversioned_len(b);
   if ((len_a == 0) != (len_b == 0))
      return len_a != 0;
   const Bool blank_a = is_blank(a);
   if (blank_a != is_blank(b))
      return !blank_a;
   if (len_a != len_b)
      return len_a < len_b;
   const Bool versioned_a = a[len_a] == '@';
   if (versioned_a != (b[len_b] == '@'))
      return versioned_a;
   return VG_(strcmp)(a, b) <= 0;
}

/* ------------------------------------------------------------------ */
/* Canonicalising                                                       */

/* A binary min-heap of symbols ordered by start, then size. */
typedef struct {
   DiSym* elems;
   UWord  n;
} SymHeap;

static Bool sym_less(const DiSym* x, const DiSym* y)
{
   return x->avma < y->avma || (x->avma == y->avma && x->size < y->size);
}

static void swap_syms(DiSym* x, DiSym* y)
{
   DiSym t = *x;
   *x = *y;
   *y = t;
}

static void sift_down(SymHeap* h, UWord i)
{
   for (;;) {
      UWord least = i, l = 2 * i + 1, r = l + 1;
      if (l < h->n && sym_less(&h->elems[l], &h->elems[least]))
         least = l;
      if (r < h->n && sym_less(&h->elems[r], &h->elems[least]))
         least = r;
      if (least == i)
         return;
      swap_syms(&h->elems[i], &h->elems[least]);
      i = least;
   }
}

static void heap_push(SymHeap* h, DiSym s)
{
   UWord i = h->n++;
   h->elems[i] = s;
   while (i > 0 && sym_less(&h->elems[i], &h->elems[(i - 1) / 2])) {
      swap_syms(&h->elems[i], &h->elems[(i - 1) / 2]);
      i = (i - 1) / 2;
   }
}

static DiSym heap_pop(SymHeap* h)
{
   DiSym top = h->elems[0];
   h->elems[0] = h->elems[--h->n];
   sift_down(h, 0);
   return top;
}

static void prefer_into(const HChar** kept, const HChar* other)
{
   if (!ML_(prefer_name)(*kept, other))
      *kept = other;
}

/* Takes from H the symbols that start where its first one does: that
   one, the shortest (named after all of the same length), is returned;
   each longer one goes back into H starting where the previous length
   ended.  Every entry popped is consumed or pushed back once, so H never
   outgrows its array. */
static DiSym take_shortest_at_start(SymHeap* h)
{
   DiSym first = heap_pop(h);
   Addr end = first.avma + first.size;
   DiSym rest = { 0, 0, NULL };    /* the piece of the previous length */
   Bool have_rest = False;
   while (h->n > 0 && h->elems[0].avma == first.avma) {
      DiSym s = heap_pop(h);
      Addr s_end = s.avma + s.size;
      if (s_end == end) {
         prefer_into(have_rest ? &rest.name : &first.name, s.name);
         continue;
      }
      if (have_rest)
         heap_push(h, rest);
      rest = (DiSym){ .avma = end, .size = s_end - end, .name = s.name };
      have_rest = True;
      end = s_end;
   }
   if (have_rest)
      heap_push(h, rest);
   return first;
}

UWord ML_(canonicalise_symtab)(DiSym* syms, UWord n)
{
   if (n == 0)
      return 0;
   SymHeap h = { syms, n };
   for (UWord i = n / 2; i > 0; i--)
      sift_down(&h, i - 1);
   DiSym* out = VG_(arena_malloc)(VG_AR_DINFO, "di.canonicalise",
                                  n * sizeof *out);
   UWord n_out = 0;
   while (h.n > 0) {
      DiSym s = take_shortest_at_start(&h);
      if (h.n > 0 && h.elems[0].avma < s.avma + s.size)
         s.size = h.elems[0].avma - s.avma;
      vg_assert(n_out < n);
      out[n_out++] = s;
   }
   VG_(memcpy)(syms, out, n_out * sizeof *out);
   VG_(arena_free)(VG_AR_DINFO, out);
   return n_out;
}

const DiSym* ML_(search_symtab)(const DiSym* syms, UWord n, Addr a)
{
   /* The last symbol starting at or below A. */
   UWord lo = 0, hi = n;
   while (lo < hi) {
      UWord mid = lo + (hi - lo) / 2;
      if (syms[mid].avma <= a)
         lo = mid + 1;
      else
         hi = mid;
   }
   if (lo == 0)
      return NULL;
   const DiSym* s = &syms[lo - 1];
   return a - s->avma < s->size ? s : NULL;
}
