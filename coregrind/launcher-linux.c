/* The `valgrind` launcher: an ordinary hosted program.  It finds out
   which tool was asked for and which platform the client is built for,
   checks that the client can be started at all, and execs
   $VALGRIND_LIB/<tool>-<platform> with the same arguments.  Doing the
   client checks here, before any tool runs, gives every tool the same
   messages and exit codes (those of a shell, as Valgrind's). */

#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef VG_LIBDIR
#error "VG_LIBDIR (where the tools are installed) must be defined"
#endif

#define DEFAULT_TOOL "memcheck"
#define SHELL_PATH "/bin/sh"
/* Bytes of a client read to recognise it, as Valgrind's launcher. */
#define HEADER_SIZE 4096
/* The kernel's limit on nested "#!" interpreters. */
#define MAX_INTERP_DEPTH 4

/* What the command line asks of the launcher. */
typedef struct {
   const char *tool;    /* the last --tool=NAME; NULL if none */
   int client_index;    /* argv index of the client; argc if none */
   int debug_level;     /* number of -d options */
} Request;

/* Why a client cannot be started, and the shell-like exit code. */
typedef struct {
   int exit_code;          /* 0: the client can be started */
   const char *reason;     /* an extra first line, or NULL */
   char path[PATH_MAX];    /* the client as the messages name it */
   char message[128];
} Failure;

/* What the launcher found out about the client. */
typedef struct {
   const char *platform;   /* NULL: not recognised */
   char path[PATH_MAX];    /* where the client was found */
   bool run_with_shell;    /* neither ELF nor "#!": /bin/sh runs it */
   Failure failure;
} Client;

static int debug_level;

/* Valgrind's debug-log line format, so -d output from the launcher and
   the tool reads as one log. */
__attribute__((format(printf, 2, 3)))
static void debug_log(int level, const char *format, ...)
{
   if (level > debug_level)
      return;
   fprintf(stderr, "--%d:%d:launcher %*s", (int)getpid(), level,
           2 * (level - 1), "");
   va_list ap;
   va_start(ap, format);
   vfprintf(stderr, format, ap);
   va_end(ap);
   fputc('\n', stderr);
}

__attribute__((format(printf, 5, 6)))
static void fail(Failure *f, int exit_code, const char *path,
                 const char *reason, const char *format, ...)
{
   f->exit_code = exit_code;
   f->reason = reason;
   snprintf(f->path, sizeof f->path, "%s", path);
   va_list ap;
   va_start(ap, format);
   vsnprintf(f->message, sizeof f->message, format, ap);
   va_end(ap);
}

/* Options end at the first argument not starting with '-' (the client)
   or at "--" (the client follows it).  "--tool NAME" is not an option
   form: NAME is the client, as for Valgrind. */
static Request scan_options(int argc, char **argv)
{
   Request r = { NULL, argc, 0 };
   for (int i = 1; i < argc; i++) {
      if (argv[i][0] != '-') {
         r.client_index = i;
         break;
      }
      if (strcmp(argv[i], "--") == 0) {
         r.client_index = i + 1;
         break;
      }
      if (strcmp(argv[i], "-d") == 0)
         r.debug_level++;
      else if (strncmp(argv[i], "--tool=", 7) == 0)
         r.tool = argv[i] + 7;
   }
   return r;
}

/* Searches $PATH for NAME as a shell does: the first executable regular
   file wins; failing that, the first regular file found is returned so
   that it fails with "Permission denied".  An empty entry means the
   current directory.  Returns false if nothing was found. */
static bool search_path(const char *name, char *found, size_t size)
{
   const char *path = getenv("PATH");
   bool have_fallback = false;
   if (path == NULL)
      return false;
   for (const char *dir = path; ; ) {
      const char *end = strchr(dir, ':');
      int dir_len = end ? (int)(end - dir) : (int)strlen(dir);
      char candidate[PATH_MAX];
      struct stat st;
      const int n = dir_len == 0
         ? snprintf(candidate, sizeof candidate, "./%s", name)
         : snprintf(candidate, sizeof candidate, "%.*s/%s", dir_len, dir, name);
      if (n > 0 && (size_t)n < sizeof candidate
          && stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
         if (access(candidate, X_OK) == 0) {
            snprintf(found, size, "%s", candidate);
            return true;
         }
         if (!have_fallback) {
            snprintf(found, size, "%s", candidate);
            have_fallback = true;
         }
      }
      if (end == NULL)
         return have_fallback;
      dir = end + 1;
   }
}

/* The errno with which the kernel would refuse to execute PATH, or 0. */
static int exec_errno(const char *path)
{
   struct stat st;
   if (stat(path, &st) != 0)
      return errno;
   if (S_ISDIR(st.st_mode))
      return EISDIR;
   if (!S_ISREG(st.st_mode))
      return EACCES;
   return access(path, X_OK) == 0 ? 0 : errno;
}

static unsigned long long read_uint(const unsigned char *p, int size,
                                    bool big_endian)
{
   unsigned long long value = 0;
   for (int i = 0; i < size; i++)
      value = (value << 8) | p[big_endian ? i : size - 1 - i];
   return value;
}

/* The platform an ELF machine number stands for, and its word size. */
static const char *machine_platform(unsigned machine, int *elf_class)
{
   switch (machine) {
   case EM_X86_64:  *elf_class = ELFCLASS64; return "amd64-linux";
   case EM_386:     *elf_class = ELFCLASS32; return "x86-linux";
   case EM_AARCH64: *elf_class = ELFCLASS64; return "arm64-linux";
   default:         return NULL;
   }
}

/* Recognises the platform of the ELF image PATH, whose first LEN bytes
   are HDR and whose size is FILE_SIZE.  Valgrind's own messages are used
   where it has them; a header that is cut short or inconsistent, which
   Valgrind would hand to /bin/sh, gets a message of its own. */
static void inspect_elf(Client *c, const char *path, const unsigned char *hdr,
                        size_t len, unsigned long long file_size)
{
   static const char not_binary[] = "cannot execute binary file";
   const int elf_class = len > EI_CLASS ? hdr[EI_CLASS] : ELFCLASSNONE;
   const bool is64 = elf_class == ELFCLASS64;
   const size_t ehdr_size = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
   if (len < ehdr_size
       || (elf_class != ELFCLASS32 && elf_class != ELFCLASS64)
       || (hdr[EI_DATA] != ELFDATA2LSB && hdr[EI_DATA] != ELFDATA2MSB)
       || hdr[EI_VERSION] != EV_CURRENT) {
      fail(&c->failure, 1, path, NULL, "invalid or truncated ELF header");
      return;
   }
   const bool big = hdr[EI_DATA] == ELFDATA2MSB;
   const unsigned type = (unsigned)read_uint(hdr + 16, 2, big);
   int machine_class = ELFCLASSNONE;
   const char *platform =
      machine_platform((unsigned)read_uint(hdr + 18, 2, big), &machine_class);
   const unsigned long long phoff =
      is64 ? read_uint(hdr + 32, 8, big) : read_uint(hdr + 28, 4, big);
   const unsigned phentsize =
      (unsigned)read_uint(hdr + (is64 ? 54 : 42), 2, big);
   const unsigned phnum = (unsigned)read_uint(hdr + (is64 ? 56 : 44), 2, big);

   if (big)
      fail(&c->failure, 126, path, "executable has wrong endian-ness",
           not_binary);
   else if (platform == NULL)
      fail(&c->failure, 126, path, "executable is not for this architecture",
           not_binary);
   else if (elf_class != machine_class)
      fail(&c->failure, 126, path,
           "wrong ELF executable class (eg. 32-bit instead of 64-bit)",
           not_binary);
   else {
      c->platform = platform;
      if (type != ET_EXEC && type != ET_DYN)
         fail(&c->failure, 126, path, "this is not an executable", not_binary);
      else if (phentsize != (is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)))
         fail(&c->failure, 126, path, "sizeof ELF Phdr wrong", not_binary);
      else if (phnum == 0 || phoff > file_size
               || (file_size - phoff) / phentsize < phnum)
         fail(&c->failure, 1, path, NULL, "invalid or truncated ELF header");
   }
}

static void inspect_file(Client *c, const char *path, int depth);

/* Follows the "#!" line of SCRIPT (TEXT is its beginning, terminated)
   to the interpreter, whose platform is the client's. */
static void inspect_interpreter(Client *c, const char *script,
                                const char *text, int depth)
{
   char interp[PATH_MAX];
   const char *start = text + 2 + strspn(text + 2, " \t");
   const size_t interp_len = strcspn(start, " \t\n");
   snprintf(interp, sizeof interp, "%.*s", (int)interp_len, start);
   if (interp_len == 0) {
      /* The kernel refuses an empty "#!" line; the shell then runs it. */
      c->run_with_shell = depth == 0;
      return;
   }
   debug_log(2, "selecting platform for '%s'", interp);
   const int err = exec_errno(interp);
   if (err != 0)
      fail(&c->failure, 126, script, NULL, "bad interpreter: %s",
           strerror(err == EISDIR ? EACCES : err));
   else if (depth < MAX_INTERP_DEPTH)
      inspect_file(c, interp, depth + 1);
}

/* Recognises the platform of the executable PATH; DEPTH counts the
   "#!" interpreters followed so far. */
static void inspect_file(Client *c, const char *path, int depth)
{
   /* One byte more than is read, for the "#!" line's terminator. */
   unsigned char header[HEADER_SIZE + 1];
   struct stat st;
   const int fd = open(path, O_RDONLY);
   if (fd < 0) {
      fail(&c->failure, 126, path, NULL, "%s", strerror(errno));
      return;
   }
   debug_log(2, "opened '%s'", path);
   const ssize_t len = fstat(fd, &st) == 0 ? read(fd, header, HEADER_SIZE) : -1;
   const int err = errno;
   close(fd);
   if (len < 0) {
      fail(&c->failure, 126, path, NULL, "%s", strerror(err));
      return;
   }
   debug_log(2, "read %d bytes from '%s'", (int)len, path);
   header[len] = '\0';
   if (len >= 2 && header[0] == '#' && header[1] == '!')
      inspect_interpreter(c, path, (const char *)header, depth);
   else if (len >= SELFMAG && memcmp(header, ELFMAG, SELFMAG) == 0)
      inspect_elf(c, path, header, (size_t)len, (unsigned long long)st.st_size);
   else if (depth == 0) {
      /* The kernel refuses it with ENOEXEC and a shell runs it with sh. */
      c->run_with_shell = true;
      debug_log(2, "selecting platform for '%s'", SHELL_PATH);
      inspect_file(c, SHELL_PATH, depth + 1);
   }
   debug_log(2, "selected platform '%s'",
             c->platform ? c->platform : "unknown");
}

/* Finds the client NAME as a shell would and recognises its platform,
   recording in c->failure anything that stops it from running. */
static void examine_client(Client *c, const char *name)
{
   debug_log(2, "selecting platform for '%s'", name);
   if (strchr(name, '/') == NULL) {
      if (!search_path(name, c->path, sizeof c->path)) {
         fail(&c->failure, 127, name, NULL, "command not found");
         return;
      }
      debug_log(2, "selecting platform for '%s'", c->path);
   } else if ((size_t)snprintf(c->path, sizeof c->path, "%s", name)
              >= sizeof c->path) {
      fail(&c->failure, 126, name, NULL, "%s", strerror(ENAMETOOLONG));
      return;
   }
   const int err = exec_errno(c->path);
   if (err == EISDIR)
      fail(&c->failure, 126, c->path, NULL, "is a directory");
   else if (err != 0)
      fail(&c->failure, err == ENOENT ? 127 : 126, c->path, NULL, "%s",
           strerror(err));
   else
      inspect_file(c, c->path, 0);
}

static const char *choose_platform(const Client *c, bool have_client)
{
   if (!have_client) {
      debug_log(1, "no client specified, defaulting platform to '%s'",
                VG_PLATFORM);
      return VG_PLATFORM;
   }
   if (c->platform == NULL) {
      debug_log(1, "no platform detected, defaulting platform to '%s'",
                VG_PLATFORM);
      return VG_PLATFORM;
   }
   debug_log(1, "selected platform '%s'", c->platform);
   return c->platform;
}

static void report_failure(const Failure *f)
{
   if (f->reason != NULL)
      fprintf(stderr, "valgrind: %s\n", f->reason);
   fprintf(stderr, "valgrind: %s: %s\n", f->path, f->message);
}

static _Noreturn void tool_failed(const char *tool, const char *platform,
                                  int err)
{
   fprintf(stderr, "valgrind: failed to start tool '%s' for platform '%s': "
           "%s\n", tool, platform, strerror(err));
   exit(1);
}

/* Where the launcher itself is, for the tool to re-exec it when tracing
   children: /proc/self/exe, else argv[0] found as a shell would. */
static bool find_launcher(const char *argv0, char *path, size_t size)
{
   char name[PATH_MAX];
   const ssize_t n = readlink("/proc/self/exe", path, size - 1);
   if (n > 0) {
      path[n] = '\0';
      return true;
   }
   if (strchr(argv0, '/') != NULL)
      snprintf(name, sizeof name, "%s", argv0);
   else if (!search_path(argv0, name, sizeof name))
      return false;
   return realpath(name, path) != NULL;
}

/* The client's argv with /bin/sh put in front of the client: the client
   is then named by the path it was found at, so sh does not search. */
static char **shell_argv(int argc, char **argv, int client_index,
                         char *client_path)
{
   static char shell[] = SHELL_PATH;
   char **args = malloc(((size_t)argc + 2) * sizeof *args);
   if (args == NULL) {
      perror("valgrind");
      exit(1);
   }
   memcpy(args, argv, (size_t)client_index * sizeof *args);
   args[client_index] = shell;
   args[client_index + 1] = client_path;
   memcpy(args + client_index + 2, argv + client_index + 1,
          (size_t)(argc - client_index) * sizeof *args);
   return args;
}

int main(int argc, char **argv)
{
   static Client client;
   char tool_path[PATH_MAX], launcher[PATH_MAX];
   const Request req = scan_options(argc, argv);
   const bool have_client = req.client_index < argc;
   const char *lib = getenv("VALGRIND_LIB");
   const char *tool = req.tool ? req.tool : DEFAULT_TOOL;

   debug_level = req.debug_level;
   if (debug_level > 0)
      fprintf(stderr, "--%d:1:debuglog DebugLog system started by Stage 1, "
              "level %d logging requested\n", (int)getpid(), debug_level);
   if (req.tool)
      debug_log(1, "tool '%s' requested", tool);
   else
      debug_log(1, "no tool requested, defaulting to '%s'", tool);

   if (have_client)
      examine_client(&client, argv[req.client_index]);
   const char *platform = choose_platform(&client, have_client);
   if (lib == NULL || *lib == '\0')
      lib = VG_LIBDIR;
   if (snprintf(tool_path, sizeof tool_path, "%s/%s-%s", lib, tool, platform)
       >= (int)sizeof tool_path)
      tool_failed(tool, platform, ENAMETOOLONG);
   debug_log(1, "launching %s", tool_path);

   /* As in Valgrind, a missing tool is reported before any client
      problem. */
   if (access(tool_path, X_OK) != 0)
      tool_failed(tool, platform, errno);
   if (client.failure.exit_code != 0) {
      report_failure(&client.failure);
      return client.failure.exit_code;
   }
   if (!find_launcher(argv[0], launcher, sizeof launcher)) {
      fprintf(stderr, "valgrind: cannot find the launcher's own path\n");
      return 1;
   }
   if (setenv("VALGRIND_LAUNCHER", launcher, 1) != 0) {
      perror("valgrind: setenv");
      return 1;
   }
   char **tool_argv = client.run_with_shell
      ? shell_argv(argc, argv, req.client_index, client.path) : argv;
   execv(tool_path, tool_argv);
   tool_failed(tool, platform, errno);
}
