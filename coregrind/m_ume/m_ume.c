/* Loading the client (module m_ume), the generic part: finding the
   client as a shell would, following "#!" lines as the kernel's
   binfmt_script does, and handing the ELF file at the end of the chain
   to the ELF loader (elf.c). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcassert.h"
#include "pub_core_syscall.h"
#include "pub_core_mallocfree.h"
#include "pub_core_xarray.h"
#include "pub_core_ume.h"
#include "priv_ume.h"

Bool ML_(ume_fail)(ExeInfo* info, const HChar* file,
                   const HChar* format, ...)
{
   va_list vargs;
   SizeT n = VG_(snprintf)(info->error, sizeof info->error, "%s: ", file);
   if (n < sizeof info->error) {
      va_start(vargs, format);
      VG_(vsnprintf)(info->error + n, sizeof info->error - n, format, vargs);
      va_end(vargs);
   }
   return False;
}

/* ------------------------------------------------------------------ */
/* Finding the client.                                                  */
/* ------------------------------------------------------------------ */

static Bool is_regular_file(const HChar* path)
{
   struct vg_stat st;
   return !sr_isError(VG_(stat)(path, &st)) && VKI_S_ISREG(st.mode);
}

Bool VG_(ume_find_executable)(const HChar* name, HChar* buf, SizeT size)
{
   if (VG_(strchr)(name, '/') != NULL) {
      if (VG_(strlen)(name) >= size)
         return False;
      VG_(strcpy)(buf, name);
      return True;
   }
   const HChar* path = VG_(getenv)("PATH");
   if (path == NULL || *name == '\0')
      return False;
   HChar candidate[VKI_PATH_MAX];
   Bool have_fallback = False;
   for (const HChar* dir = path; ; ) {
      const HChar* end = VG_(strchr)(dir, ':');
      SizeT dir_len = end ? (SizeT)(end - dir) : VG_(strlen)(dir);
      /* An empty entry is the current directory. */
      UInt n = dir_len == 0
         ? VG_(snprintf)(candidate, sizeof candidate, "./%s", name)
         : VG_(snprintf)(candidate, sizeof candidate, "%.*s/%s",
                         (Int)dir_len, dir, name);
      if (n < sizeof candidate && n < size && is_regular_file(candidate)) {
         if (VG_(access)(candidate, False, False, True) == 0) {
            VG_(strcpy)(buf, candidate);
            return True;
         }
         if (!have_fallback) {
            VG_(strcpy)(buf, candidate);
            have_fallback = True;
         }
      }
      if (end == NULL)
         return have_fallback;
      dir = end + 1;
   }
}

/* ------------------------------------------------------------------ */
/* "#!" scripts.                                                        */
/* ------------------------------------------------------------------ */

static Bool is_blank(HChar c)
{
   return c == ' ' || c == '\t';
}

/* Index of the first character in [first, last] that is not blank, or
   -1 (the kernel's next_non_spacetab). */
static Long next_non_blank(const HChar* b, Long first, Long last)
{
   for (; first <= last; first++)
      if (!is_blank(b[first]))
         return first;
   return -1;
}

/* Index of the first blank or NUL in [first, last], or -1 (the
   kernel's next_terminator). */
static Long next_terminator(const HChar* b, Long first, Long last)
{
   for (; first <= last; first++)
      if (is_blank(b[first]) || b[first] == '\0')
         return first;
   return -1;
}

Bool VG_(ume_parse_shebang)(const HChar* text, SizeT len,
                            SizeT* interp_start, SizeT* interp_len,
                            SizeT* arg_start, SizeT* arg_len)
{
   *interp_start = *interp_len = *arg_start = *arg_len = 0;
   if (len < 2 || text[0] != '#' || text[1] != '!')
      return False;

   /* The kernel looks at the first VKI_BINPRM_BUF_SIZE bytes, NUL-padded
      when the file is shorter. */
   HChar b[VKI_BINPRM_BUF_SIZE];
   const Long buf_end = VKI_BINPRM_BUF_SIZE - 1;
   VG_(memset)(b, 0, sizeof b);
   VG_(memcpy)(b, text, VG_MIN(len, sizeof b));

   Long i_end = -1;
   for (Long i = 0; i <= buf_end; i++) {
      if (b[i] == '\n') {
         i_end = i;
         break;
      }
   }
   if (i_end < 0) {
      /* No newline: the path must end within the buffer, else it may
         have been cut. */
      Long first = next_non_blank(b, 2, buf_end);
      if (first < 0 || next_terminator(b, first, buf_end) < 0)
         return True;
      i_end = buf_end;
   }
   while (is_blank(b[i_end - 1]))
      i_end--;
   Long i_name = next_non_blank(b, 2, i_end);
   if (i_name < 0 || i_name == i_end)
      return True;                       /* no interpreter named */

   Long i_sep = next_terminator(b, i_name, i_end);
   Long name_end = (i_sep >= 0 && i_sep < i_end) ? i_sep : i_end;
   /* A NUL inside the name ends it (the kernel uses it as a C
      string). */
   for (Long i = i_name; i < name_end; i++) {
      if (b[i] == '\0') {
         name_end = i;
         break;
      }
   }
   *interp_start = (SizeT)i_name;
   *interp_len   = (SizeT)(name_end - i_name);

   if (i_sep >= 0 && b[i_sep] != '\0') {
      Long i_arg = next_non_blank(b, i_sep, i_end);
      if (i_arg >= 0 && i_arg < i_end) {
         Long arg_end = i_arg;
         while (arg_end < i_end && b[arg_end] != '\0')
            arg_end++;
         *arg_start = (SizeT)i_arg;
         *arg_len   = (SizeT)(arg_end - i_arg);
      }
   }
   return True;
}

/* ------------------------------------------------------------------ */
/* Loading.                                                             */
/* ------------------------------------------------------------------ */

static HChar* dup_range(const HChar* s, SizeT len)
{
   HChar* d = VG_(malloc)("ume.dup_range", len + 1);
   VG_(memcpy)(d, s, len);
   d[len] = '\0';
   return d;
}

/* The script FILE's "#!" line named INTERP (with ARG, or NULL): the
   client's argv loses its argv[0] and gets { INTERP, [ARG,] FILE } in
   front, as the kernel's binfmt_script does. */
static void push_script(ExeInfo* info, const HChar* file, HChar* interp,
                        HChar* arg)
{
   HChar* front[3];
   Int n_front = 0;
   front[n_front++] = interp;
   if (arg)
      front[n_front++] = arg;
   front[n_front++] = VG_(strdup)("ume.push_script", file);

   /* argv[0] is the client's own on the first script, afterwards the
      previous interpreter's name (which FILE is). */
   Int keep_from = info->n_argv_prefix > 0 ? 1 : 0;
   Int n_keep = info->n_argv_prefix - keep_from;
   vg_assert(n_front + n_keep <= (Int)VG_N_ELEMS(info->argv_prefix));
   VG_(memmove)(&info->argv_prefix[n_front],
                &info->argv_prefix[keep_from], n_keep * sizeof(HChar*));
   for (Int i = 0; i < n_front; i++)
      info->argv_prefix[i] = front[i];
   info->n_argv_prefix = n_front + n_keep;
}

static Bool fail_errno(ExeInfo* info, const HChar* file, Int err,
                       Bool is_setuid)
{
   if (is_setuid)
      return ML_(ume_fail)(info, file, "%s: a set-user-ID, set-group-ID or "
                           "file-capability program cannot run with its "
                           "privileges under valgrind", VG_(strerror)(err));
   return ML_(ume_fail)(info, file, "%s",
                        VG_(strerror)(err == VKI_EISDIR ? VKI_EACCES : err));
}

Bool VG_(ume_load)(const HChar* exe, ExeInfo* info)
{
   HChar text[VKI_BINPRM_BUF_SIZE];
   HChar* cur;
   const HChar* script = NULL;    /* the script naming CUR, if any */

   if (info->mappings == NULL)
      info->mappings = VG_(newXA)(VG_(malloc), "ume.load.mappings",
                                  VG_(free), sizeof(UmeMapping));
   if (!VG_(ume_find_executable)(exe, info->execfn, sizeof info->execfn))
      return ML_(ume_fail)(info, exe, "command not found");
   cur = info->execfn;

   for (Int depth = 0; ; depth++) {
      Bool is_setuid = False;
      /* Interpreters run without privileges anyway. */
      Int err = VG_(check_executable)(&is_setuid, cur, depth > 0);
      if (err != 0) {
         if (script != NULL)
            return ML_(ume_fail)(info, script, "bad interpreter %s: %s", cur,
                                 VG_(strerror)(err == VKI_EISDIR
                                               ? VKI_EACCES : err));
         return fail_errno(info, cur, err, is_setuid);
      }
      SysRes sr = VG_(open)(cur, VKI_O_RDONLY, 0);
      if (sr_isError(sr)) {
         if (script != NULL)
            return ML_(ume_fail)(info, script, "bad interpreter %s: %s", cur,
                                 VG_(strerror)(sr_Err(sr)));
         return fail_errno(info, cur, (Int)sr_Err(sr), False);
      }
      Int fd = (Int)sr_Res(sr);
      Long size = VG_(fsize)(fd);
      sr = VG_(pread)(fd, text, sizeof text, 0);
      Long got = sr_isError(sr) ? -1 : (Long)sr_Res(sr);
      if (size < 0 || got < 0) {
         VG_(close)(fd);
         return ML_(ume_fail)(info, cur, "cannot read the file");
      }

      SizeT i_start, i_len, a_start, a_len;
      if (VG_(ume_parse_shebang)(text, (SizeT)got, &i_start, &i_len,
                                 &a_start, &a_len)) {
         VG_(close)(fd);
         if (i_len == 0)
            return ML_(ume_fail)(info, cur, "bad #! line: no interpreter "
                                 "named (or the line is too long)");
         if (depth >= VG_UME_MAX_SCRIPT_DEPTH)
            return ML_(ume_fail)(info, cur, "too many levels of #! "
                                 "interpreters");
         HChar* interp = dup_range(text + i_start, i_len);
         HChar* arg = a_len > 0 ? dup_range(text + a_start, a_len) : NULL;
         if (depth == 0) {
            info->interp_name = interp;
            info->interp_args = arg;
         }
         push_script(info, cur, interp, arg);
         script = cur;
         cur = interp;
         continue;
      }

      /* Not a script: an ELF file, or an error. */
      VG_(strncpy_safely)(info->elf_path, cur, sizeof info->elf_path);
      Bool ok = ML_(ume_load_elf)(fd, cur, (ULong)size, info);
      VG_(close)(fd);
      if (!ok && script != NULL) {
         /* "<interp>: <reason>" becomes "<script>: bad interpreter
            <interp>: <reason>". */
         HChar* saved = VG_(strdup)("ume.load.error", info->error);
         ML_(ume_fail)(info, script, "bad interpreter %s", saved);
         VG_(free)(saved);
      }
      return ok;
   }
}

Int VG_(do_exec)(const HChar* exe, ExeInfo* info)
{
   if (!VG_(ume_load)(exe, info)) {
      VG_(fmsg)("%s\n", info->error);
      VG_(exit)(1);
   }
   return 0;
}
