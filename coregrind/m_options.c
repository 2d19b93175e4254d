/* Command-line options: gathering them from their four sources, and
   matching single options against their expected forms. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcproc.h"
#include "pub_core_libcassert.h"
#include "pub_core_mallocfree.h"
#include "pub_core_options.h"

XArray*      VG_(args_for_valgrind) = NULL;
Word         VG_(args_for_valgrind_from_cmdline) = 0;
const HChar* VG_(args_the_exename) = NULL;
XArray*      VG_(args_for_client) = NULL;

const HChar* VG_(clo_toolname) = "memcheck";
Bool         VG_(clo_trace_children) = False;
const HChar* VG_(clo_log_fname_unexpanded) = NULL;
Int          VG_(clo_log_fd) = 2;

/* ------------------------------------------------------------------ */
/* Matching one option                                                 */
/* ------------------------------------------------------------------ */

/* If ARG is "OPTION=value", returns a pointer to value, else NULL. */
static const HChar* value_of(const HChar* arg, const HChar* option)
{
   SizeT n = VG_(strlen)(option);
   if (VG_(strncmp)(arg, option, n) != 0 || arg[n] != '=')
      return NULL;
   return arg + n + 1;
}

Bool VG_(bool_clo)(const HChar* arg, const HChar* option, Bool* value)
{
   const HChar* v = value_of(arg, option);
   if (v == NULL)
      return False;
   if (VG_(strcmp)(v, "yes") == 0)
      *value = True;
   else if (VG_(strcmp)(v, "no") == 0)
      *value = False;
   else
      VG_(fmsg_bad_option)(arg, "Invalid boolean value '%s'"
                                " (should be 'yes' or 'no')\n", v);
   return True;
}

Bool VG_(str_clo)(const HChar* arg, const HChar* option, const HChar** value)
{
   const HChar* v = value_of(arg, option);
   if (v == NULL)
      return False;
   *value = v;
   return True;
}

Bool VG_(bint_clo)(const HChar* arg, const HChar* option,
                   Long* value, Long lo, Long hi)
{
   const HChar* v = value_of(arg, option);
   if (v == NULL)
      return False;
   HChar* end = NULL;
   Long n;
   if (v[0] == '0' && (v[1] == 'x' || v[1] == 'X'))
      n = VG_(strtoll16)(v, &end);
   else
      n = VG_(strtoll10)(v, &end);
   if (*v == '\0' || end == NULL || *end != '\0')
      VG_(fmsg_bad_option)(arg, "Invalid integer value '%s'\n", v);
   if (n < lo || n > hi)
      VG_(fmsg_bad_option)(arg, "'%s' argument must be between %lld"
                                " and %lld\n", option, lo, hi);
   *value = n;
   return True;
}

Bool VG_(xact_clo)(const HChar* arg, const HChar* option)
{
   return VG_(strcmp)(arg, option) == 0;
}

/* ------------------------------------------------------------------ */
/* Gathering the options                                               */
/* ------------------------------------------------------------------ */

static void add_arg(XArray* args, HChar* arg)
{
   VG_(addToXA)(args, &arg);
}

void VG_(add_args_from_string)(XArray* args, const HChar* s)
{
   HChar* copy = VG_(strdup)("options.args_from_string", s);
   HChar* p = copy;
   for (;;) {
      while (VG_(isspace)(*p))
         p++;
      if (*p == '\0')
         break;
      if (*p == '#') {
         while (*p != '\0' && *p != '\n')
            p++;
         continue;
      }
      add_arg(args, p);
      while (*p != '\0' && !VG_(isspace)(*p))
         p++;
      if (*p != '\0')
         *p++ = '\0';
   }
}

/* Reads a whole small file into a NUL-terminated string, or NULL. */
static HChar* read_small_file(Int fd)
{
   SizeT cap = 1024, used = 0;
   HChar* buf = VG_(malloc)("options.rcfile", cap);
   for (;;) {
      if (used + 1 == cap) {
         cap *= 2;
         buf = VG_(realloc)("options.rcfile", buf, cap);
      }
      Int n = VG_(read)(fd, buf + used, (Int)(cap - 1 - used));
      if (n < 0) {
         VG_(free)(buf);
         return NULL;
      }
      if (n == 0)
         break;
      used += (SizeT)n;
   }
   buf[used] = '\0';
   return buf;
}

/* The (dev, inode) of an rc file already read, so that ./.valgrindrc is
   not read a second time when the current directory is $HOME. */
typedef struct { ULong dev; ULong ino; } FileId;

/* Adds the options of rc file PATH.  With CHECK_OWNER (for ./.valgrindrc,
   which a stranger could plant in a shared directory), the file is only
   trusted when the user owns it and others cannot write it, as Valgrind
   does.  Returns the file's identity in *ID, or ID->ino == 0. */
static void add_args_from_rc_file(XArray* args, const HChar* path,
                                  Bool check_owner, const FileId* skip,
                                  FileId* id)
{
   id->dev = id->ino = 0;
   SysRes sr = VG_(open)(path, VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return;
   Int fd = (Int)sr_Res(sr);
   struct vg_stat st;
   if (VG_(fstat)(fd, &st) != 0 || !VKI_S_ISREG(st.mode)) {
      VG_(close)(fd);
      return;
   }
   id->dev = st.dev;
   id->ino = st.ino;
   Bool same_as_skipped = skip && skip->ino != 0
                          && skip->dev == st.dev && skip->ino == st.ino;
   Bool untrusted = check_owner
                    && (st.uid != (UInt)VG_(geteuid)()
                        || (st.mode & VKI_S_IWOTH) != 0);
   if (!same_as_skipped && !untrusted) {
      HChar* contents = read_small_file(fd);
      if (contents) {
         VG_(add_args_from_string)(args, contents);
         VG_(free)(contents);
      }
   }
   VG_(close)(fd);
}

void VG_(split_up_argv)(Int argc, HChar** argv)
{
   XArray* args = VG_(newXA)(VG_(malloc), "options.args_for_valgrind",
                             VG_(free), sizeof(HChar*));
   VG_(args_for_client) = VG_(newXA)(VG_(malloc), "options.args_for_client",
                                     VG_(free), sizeof(HChar*));

   FileId home_rc = { 0, 0 }, cwd_rc;
   const HChar* home = VG_(getenv)("HOME");
   if (home && *home) {
      SizeT n = VG_(strlen)(home) + sizeof("/.valgrindrc");
      HChar* path = VG_(malloc)("options.home_rc", n);
      VG_(snprintf)(path, n, "%s/.valgrindrc", home);
      add_args_from_rc_file(args, path, False, NULL, &home_rc);
      VG_(free)(path);
   }
   const HChar* env_opts = VG_(getenv)("VALGRIND_OPTS");
   if (env_opts)
      VG_(add_args_from_string)(args, env_opts);
   add_args_from_rc_file(args, "./.valgrindrc", True, &home_rc, &cwd_rc);

   Word before_cmdline = VG_(sizeXA)(args);
   Int i = 1;
   for (; i < argc; i++) {
      if (argv[i][0] != '-')
         break;
      if (VG_(strcmp)(argv[i], "--") == 0) {
         i++;
         break;
      }
      add_arg(args, argv[i]);
   }
   VG_(args_for_valgrind) = args;
   VG_(args_for_valgrind_from_cmdline) = VG_(sizeXA)(args) - before_cmdline;

   if (i < argc) {
      VG_(args_the_exename) = argv[i];
      for (i++; i < argc; i++)
         add_arg(VG_(args_for_client), argv[i]);
   }
}
