/* The objects whose code the client has mapped, and what their symbol
   tables say about code addresses (see pub_core_debuginfo.h).

   OBJECTS lists the objects whose .text is mapped.  Forgetting one frees
   its symbol table but keeps its strings block (file name and function
   names, which callers may still hold) on the KEPT list; an object read
   again with the same strings (a library loaded, unloaded and loaded
   again) shares the kept block instead of adding another.  DI_LOCK
   guards both lists.  Files are read outside it: only the big lock's
   holder changes the lists, so nothing changes under a reader's feet
   except through the lock. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_mallocfree.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_threadstate.h"
#include "pub_core_lock.h"
#include "pub_core_debuginfo.h"
#include "priv_storage.h"
#include "priv_readelf.h"

typedef struct _KeptStrings {
   struct _KeptStrings* next;
   HChar* strings;
   SizeT  size;
} KeptStrings;

static VgMutex      di_lock = VG_MUTEX_INIT;
static DiObject*    objects;
static KeptStrings* kept;

/* ------------------------------------------------------------------ */
/* The lists (DI_LOCK held)                                            */

/* Whether [A, A+LEN) and OBJ's .text share a byte. */
static Bool overlaps_text(const DiObject* obj, Addr a, SizeT len)
{
   return a < obj->text_avma + obj->text_size && obj->text_avma < a + len;
}

static Bool is_kept(const HChar* strings)
{
   for (const KeptStrings* k = kept; k != NULL; k = k->next)
      if (k->strings == strings)
         return True;
   return False;
}

/* A strings block already held, equal to OBJ's, or NULL. */
static HChar* equal_strings(const DiObject* obj)
{
   for (const KeptStrings* k = kept; k != NULL; k = k->next)
      if (k->size == obj->strings_size
          && VG_(memcmp)(k->strings, obj->strings, k->size) == 0)
         return k->strings;
   for (const DiObject* o = objects; o != NULL; o = o->next)
      if (o->strings_size == obj->strings_size
          && VG_(memcmp)(o->strings, obj->strings, o->strings_size) == 0)
         return o->strings;
   return NULL;
}

/* Makes OBJ use EQUAL, a strings block with the same contents as its
   own, and frees its own. */
static void share_strings(DiObject* obj, HChar* equal)
{
   for (UWord i = 0; i < obj->n_syms; i++)
      obj->syms[i].name = equal + (obj->syms[i].name - obj->strings);
   obj->filename = equal;
   VG_(arena_free)(VG_AR_DINFO, obj->strings);
   obj->strings = equal;
}

static void forget_overlapping(Addr a, SizeT len)
{
   DiObject** link = &objects;
   while (*link != NULL) {
      DiObject* obj = *link;
      if (!overlaps_text(obj, a, len)) {
         link = &obj->next;
         continue;
      }
      *link = obj->next;
      if (!is_kept(obj->strings)) {
         KeptStrings* k = VG_(arena_malloc)(VG_AR_DINFO, "di.kept",
                                            sizeof *k);
         *k = (KeptStrings){ kept, obj->strings, obj->strings_size };
         kept = k;
      }
      VG_(arena_free)(VG_AR_DINFO, obj->syms);
      VG_(arena_free)(VG_AR_DINFO, obj);
   }
}

static const DiObject* text_object_of(Addr a)
{
   for (const DiObject* obj = objects; obj != NULL; obj = obj->next)
      if (overlaps_text(obj, a, 1))
         return obj;
   return NULL;
}

/* ------------------------------------------------------------------ */
/* Notifications                                                        */

static Bool any_text_in(Addr a, SizeT len)
{
   VG_(mutex_lock)(&di_lock);
   Bool found = False;
   for (const DiObject* obj = objects; obj != NULL && !found; obj = obj->next)
      found = overlaps_text(obj, a, len);
   VG_(mutex_unlock)(&di_lock);
   return found;
}

/* Reads the object SEG maps, if SEG is a client file mapping with
   execute permission and no known object's .text lies in it. */
static void read_segment(const NSegment* seg)
{
   const SizeT len = seg->end + 1 - seg->start;
   const HChar* name = seg->kind == SkFileC && seg->hasX
                          ? VG_(am_get_filename)(seg) : NULL;
   if (name == NULL || any_text_in(seg->start, len))
      return;
   const DiMapping m = { .filename = name, .avma = seg->start, .len = len,
                         .foff = seg->offset, .dev = seg->dev,
                         .ino = seg->ino };
   DiObject* obj = VG_(arena_malloc)(VG_AR_DINFO, "di.object", sizeof *obj);
   if (!ML_(read_elf_object)(&m, obj)) {
      VG_(arena_free)(VG_AR_DINFO, obj);
      return;
   }
   VG_(mutex_lock)(&di_lock);
   HChar* equal = equal_strings(obj);
   if (equal != NULL)
      share_strings(obj, equal);
   obj->next = objects;
   objects = obj;
   VG_(mutex_unlock)(&di_lock);
}

static void read_segment_at(Addr a)
{
   NSegment seg;
   if (VG_(am_lookup_segment)(a, &seg))
      read_segment(&seg);
}

void VG_(di_initialise)(void)
{
   Addr few[64];
   Addr* starts = few;
   Int n = VG_(am_get_segment_starts)(SkFileC, starts, VG_N_ELEMS(few));
   if (n < 0) {
      starts = VG_(arena_malloc)(VG_AR_DINFO, "di.initialise",
                                 (SizeT)-n * sizeof *starts);
      n = VG_(am_get_segment_starts)(SkFileC, starts, -n);
   }
   for (Int i = 0; i < n; i++)
      read_segment_at(starts[i]);
   if (starts != few)
      VG_(arena_free)(VG_AR_DINFO, starts);
}

void VG_(di_notify_mmap)(Addr a, SizeT len)
{
   VG_(di_notify_munmap)(a, len);
   read_segment_at(a);
}

void VG_(di_notify_munmap)(Addr a, SizeT len)
{
   VG_(mutex_lock)(&di_lock);
   forget_overlapping(a, len);
   VG_(mutex_unlock)(&di_lock);
}

void VG_(di_notify_mprotect)(Addr a, SizeT len, UInt prot)
{
   (void)len;
   if (prot & VKI_PROT_EXEC)
      read_segment_at(a);
}

/* ------------------------------------------------------------------ */
/* Lookups                                                              */

/* The function holding A: its name and A's offset into it. */
static Bool find_function(Addr a, const HChar** name, PtrdiffT* offset)
{
   VG_(mutex_lock)(&di_lock);
   const DiObject* obj = text_object_of(a);
   const DiSym* sym = obj ? ML_(search_symtab)(obj->syms, obj->n_syms, a)
                          : NULL;
   if (sym != NULL) {
      *name = sym->name;
      *offset = (PtrdiffT)(a - sym->avma);
   }
   VG_(mutex_unlock)(&di_lock);
   return sym != NULL;
}

/* NAME as Valgrind shows it in stack traces and trace headings: the
   names of the C library's start-up code below main() become one. */
static const HChar* below_main_renamed(const HChar* name)
{
   static const HChar* const below_main[] = {
      "_start", "__libc_start_main", "__libc_start_call_main",
      "generic_start_main"
   };
   for (UInt i = 0; i < VG_N_ELEMS(below_main); i++)
      if (VG_(strcmp)(name, below_main[i]) == 0)
         return "(below main)";
   /* Copies made by the compiler (".part.0", ".isra.0"). */
   if (VG_(strncmp)(name, "__libc_start_main.", 18) == 0
       || VG_(strncmp)(name, "generic_start_main.", 19) == 0)
      return "(below main)";
   return name;
}

Bool VG_(get_fnname)(Addr a, const HChar** name)
{
   PtrdiffT offset;
   if (!find_function(a, name, &offset)) {
      *name = "";
      return False;
   }
   *name = below_main_renamed(*name);
   return True;
}

/* Each thread's buffer for VG_(get_fnname_w_offset) (0: threads the
   core does not run guest code on). */
static HChar* w_offset_buf[VG_N_THREADS];
static SizeT  w_offset_size[VG_N_THREADS];

Bool VG_(get_fnname_w_offset)(Addr a, const HChar** name)
{
   PtrdiffT offset;
   if (!find_function(a, name, &offset)) {
      *name = "";
      return False;
   }
   *name = below_main_renamed(*name);
   if (offset == 0)
      return True;
   ThreadId tid = VG_(get_running_tid)();
   if (tid >= VG_N_THREADS)
      tid = VG_INVALID_THREADID;
   const SizeT need = VG_(strlen)(*name) + 1 + 20 + 1;
   if (w_offset_size[tid] < need) {
      w_offset_buf[tid] = VG_(arena_realloc)(VG_AR_DINFO, "di.w_offset",
                                             w_offset_buf[tid], need);
      w_offset_size[tid] = need;
   }
   VG_(snprintf)(w_offset_buf[tid], need, "%s+%lld", *name, (Long)offset);
   *name = w_offset_buf[tid];
   return True;
}

Bool VG_(di_find_text_object)(Addr a, const HChar** objname,
                              PtrdiffT* offset)
{
   VG_(mutex_lock)(&di_lock);
   const DiObject* obj = text_object_of(a);
   if (obj != NULL) {
      *objname = obj->filename;
      *offset = (PtrdiffT)(a - (Addr)obj->text_bias);
   }
   VG_(mutex_unlock)(&di_lock);
   return obj != NULL;
}

Bool VG_(get_objname)(Addr a, const HChar** objname)
{
   PtrdiffT offset;
   if (VG_(di_find_text_object)(a, objname, &offset))
      return True;
   NSegment seg;
   *objname = VG_(am_lookup_segment)(a, &seg) && seg.kind == SkFileC
                 ? VG_(am_get_filename)(&seg) : NULL;
   if (*objname == NULL)
      *objname = "";
   return **objname != '\0';
}
