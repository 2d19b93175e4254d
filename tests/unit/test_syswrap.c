/* Unit tests of m_syswrap, run in the test process: a thread state is
   set up, the system call's number and arguments go into its guest
   registers, VG_(client_syscall) runs it, and the tests check the result
   register, the effects (files, pipes, the address-space map, the brk
   heap, the guest thread pointer, exits, forks, execs) and, with
   recording trackers in VG_(tdict), exactly which client memory and
   registers the wrappers reported to the tool.

   Tests of the memory calls start the address-space manager on this
   process first; everything the test process had is then the core's,
   so their client memory comes from client mmaps. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <asm/prctl.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "unit.h"

#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcfile.h"
#include "pub_core_libcprint.h"
#include "pub_core_libcproc.h"
#include "pub_core_mallocfree.h"
#include "pub_core_options.h"
#include "pub_core_xarray.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_scheduler.h"
#include "pub_core_syswrap.h"
#include "pub_core_transtab.h"
#include "libvex_guest_amd64.h"
#include "libvex_trc_values.h"

/* The tool interface's tables live in m_tooliface.c, which only the
   real core links; the tests need them to register trackers.  Weak, so
   that a test binary that does link m_tooliface.c uses its own. */
VgToolInterface VG_(tdict) __attribute__((weak));
VgNeeds VG_(needs) __attribute__((weak));

/* The scheduler's run loop is the real core's too: a thread made by
   clone in these tests would have nothing to run. */
void VG_(run_thread_to_end_NORETURN)(ThreadId t) __attribute__((weak));
void VG_(run_thread_to_end_NORETURN)(ThreadId t)
{
   (void)t;
   abort();
}

#define PG 4096UL

/* ------------------------------------------------------------------ */
/* Running system calls                                                 */

static ThreadId tid;

static VexGuestAMD64State* gst(void)
{
   return &VG_(get_ThreadState)(tid)->arch.vex;
}

static void setup(void)
{
   memset(&VG_(tdict), 0, sizeof VG_(tdict));
   memset(&VG_(needs), 0, sizeof VG_(needs));
   VG_(init_Threads)();
   tid = VG_(alloc_ThreadState)();
   UT_CHECK(tid == 1);
   VG_(get_ThreadState)(tid)->status = VgTs_Runnable;
   VG_(get_ThreadState)(tid)->os_state.lwpid = getpid();
   VG_(get_ThreadState)(tid)->os_state.threadgroup = getpid();
   VG_(set_running_tid)(tid);
   /* System calls are made holding the big lock. */
   VG_(acquire_BigLock)(tid, "unit test");
}

static long sys6(long nr, long a1, long a2, long a3, long a4, long a5,
                 long a6)
{
   VexGuestAMD64State* g = gst();
   g->guest_RAX = nr;
   g->guest_RDI = a1;
   g->guest_RSI = a2;
   g->guest_RDX = a3;
   g->guest_R10 = a4;
   g->guest_R8 = a5;
   g->guest_R9 = a6;
   g->guest_RIP = 0x401002;
   g->guest_IP_AT_SYSCALL = 0x401000;
   VG_(client_syscall)(tid, VEX_TRC_JMP_SYS_SYSCALL);
   return (long)g->guest_RAX;
}

#define SYS0(nr)                  sys6((nr), 0, 0, 0, 0, 0, 0)
#define SYS1(nr, a)               sys6((nr), (long)(a), 0, 0, 0, 0, 0)
#define SYS2(nr, a, b)            sys6((nr), (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(nr, a, b, c)         sys6((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(nr, a, b, c, d)      sys6((nr), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define SYS5(nr, a, b, c, d, e)   sys6((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define SYS6(nr, a, b, c, d, e, f) sys6((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* ------------------------------------------------------------------ */
/* Recording trackers                                                   */

typedef struct {
   char   kind;       /* R pre_mem_read, Z asciiz, W pre_mem_write,
                         P post_mem_write */
   char   what[48];
   Addr   a;
   SizeT  len;
} Ev;

static Ev evs[512];
static int n_evs;

static void add_ev(char kind, const HChar* what, Addr a, SizeT len)
{
   if (n_evs >= (int)(sizeof evs / sizeof evs[0]))
      return;
   Ev* e = &evs[n_evs++];
   e->kind = kind;
   snprintf(e->what, sizeof e->what, "%s", what ? what : "");
   e->a = a;
   e->len = len;
}

static void t_pre_read(CorePart p, ThreadId t, const HChar* what, Addr a,
                       SizeT len)
{
   UT_CHECK(p == Vg_CoreSysCall);
   UT_CHECK(t == tid);
   add_ev('R', what, a, len);
}

static void t_pre_asciiz(CorePart p, ThreadId t, const HChar* what, Addr a)
{
   add_ev('Z', what, a, 0);
}

static void t_pre_write(CorePart p, ThreadId t, const HChar* what, Addr a,
                        SizeT len)
{
   add_ev('W', what, a, len);
}

static void t_post_write(CorePart p, ThreadId t, Addr a, SizeT len)
{
   add_ev('P', "", a, len);
}

typedef struct {
   char     what[48];
   PtrdiffT off;
   SizeT    size;
} RegEv;

static RegEv regevs[64];
static int n_regevs;
static PtrdiffT last_reg_write_off = -1;

static void t_reg_read(CorePart p, ThreadId t, const HChar* what,
                       PtrdiffT off, SizeT size)
{
   if (n_regevs < 64) {
      snprintf(regevs[n_regevs].what, 48, "%s", what);
      regevs[n_regevs].off = off;
      regevs[n_regevs].size = size;
      n_regevs++;
   }
}

static void t_reg_write(CorePart p, ThreadId t, PtrdiffT off, SizeT size)
{
   last_reg_write_off = off;
}

static void track_all(void)
{
   VG_(tdict).track_pre_mem_read = t_pre_read;
   VG_(tdict).track_pre_mem_read_asciiz = t_pre_asciiz;
   VG_(tdict).track_pre_mem_write = t_pre_write;
   VG_(tdict).track_post_mem_write = t_post_write;
   VG_(tdict).track_pre_reg_read = t_reg_read;
   VG_(tdict).track_post_reg_write = t_reg_write;
   n_evs = 0;
   n_regevs = 0;
}

static void clear_evs(void)
{
   n_evs = 0;
   n_regevs = 0;
}

/* Event I is KIND WHAT A LEN (WHAT NULL: any). */
static int ev_is(int i, char kind, const char* what, Addr a, SizeT len)
{
   if (i >= n_evs) {
      fprintf(stderr, "  event %d missing (have %d)\n", i, n_evs);
      return 0;
   }
   const Ev* e = &evs[i];
   int ok = e->kind == kind && (what == NULL || strcmp(e->what, what) == 0)
            && e->a == a && e->len == len;
   if (!ok)
      fprintf(stderr, "  event %d: %c \"%s\" %#lx %lu, expected %c \"%s\" "
              "%#lx %lu\n", i, e->kind, e->what, e->a, e->len, kind,
              what ? what : "*", a, len);
   return ok;
}

static void dump_evs(void)
{
   for (int i = 0; i < n_evs; i++)
      fprintf(stderr, "    %c \"%s\" %#lx %lu\n", evs[i].kind, evs[i].what,
              evs[i].a, evs[i].len);
}

#define CHECK_N_EVS(n) \
   do { UT_CHECK_EQ(n_evs, (n)); if (n_evs != (n)) dump_evs(); } while (0)

/* A temporary file holding TEXT; its path in PATH. */
static int temp_file(char* path, size_t size, const char* text)
{
   snprintf(path, size, "/tmp/vg_ut_syswrap_XXXXXX");
   int fd = mkstemp(path);
   UT_CHECK(fd >= 0);
   if (text)
      UT_CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
   lseek(fd, 0, SEEK_SET);
   return fd;
}

static char captured[16384];

/* ------------------------------------------------------------------ */
/* The driver                                                           */
/* ------------------------------------------------------------------ */

UNIT_TEST(read_result_and_memory_events)
{
   setup();
   char path[64];
   int fd = temp_file(path, sizeof path, "hello, syscall world");
   track_all();
   static char buf[100];
   long r = SYS3(__NR_read, fd, buf, sizeof buf);
   UT_CHECK_EQ(r, 20);
   UT_CHECK(memcmp(buf, "hello, syscall world", 20) == 0);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "read(buf)", (Addr)buf, sizeof buf));
   UT_CHECK(ev_is(1, 'P', "", (Addr)buf, 20));
   /* At the end of the file: nothing more. */
   clear_evs();
   UT_CHECK_EQ(SYS3(__NR_read, fd, buf, sizeof buf), 0);
   UT_CHECK(ev_is(1, 'P', "", (Addr)buf, 0));
   close(fd);
   unlink(path);
}

UNIT_TEST(argument_registers_reported)
{
   setup();
   char path[64];
   int fd = temp_file(path, sizeof path, "x");
   track_all();
   char buf[4];
   SYS3(__NR_read, fd, buf, sizeof buf);
   UT_CHECK_EQ(n_regevs, 4);
   UT_CHECK_STREQ(regevs[0].what, "(syscallno)");
   UT_CHECK_EQ(regevs[0].off, offsetof(VexGuestAMD64State, guest_RAX));
   UT_CHECK_STREQ(regevs[1].what, "read(fd)");
   UT_CHECK_EQ(regevs[1].off, offsetof(VexGuestAMD64State, guest_RDI));
   UT_CHECK_EQ(regevs[1].size, 4);   /* an unsigned int */
   UT_CHECK_STREQ(regevs[2].what, "read(buf)");
   UT_CHECK_EQ(regevs[2].off, offsetof(VexGuestAMD64State, guest_RSI));
   UT_CHECK_EQ(regevs[2].size, 8);
   UT_CHECK_STREQ(regevs[3].what, "read(count)");
   UT_CHECK_EQ(regevs[3].off, offsetof(VexGuestAMD64State, guest_RDX));
   UT_CHECK_EQ(last_reg_write_off, offsetof(VexGuestAMD64State, guest_RAX));
   /* The fourth argument register is R10, not RCX. */
   clear_evs();
   SYS4(__NR_pread64, fd, buf, 1, 0);
   UT_CHECK_STREQ(regevs[4].what, "pread64(offset)");
   UT_CHECK_EQ(regevs[4].off, offsetof(VexGuestAMD64State, guest_R10));
   close(fd);
   unlink(path);
}

UNIT_TEST(write_reads_exactly_the_buffer)
{
   setup();
   int p[2];
   UT_CHECK(pipe(p) == 0);
   track_all();
   static const char msg[] = "to the pipe";
   UT_CHECK_EQ(SYS3(__NR_write, p[1], msg, 11), 11);
   CHECK_N_EVS(1);
   UT_CHECK(ev_is(0, 'R', "write(buf)", (Addr)msg, 11));
   char got[16] = { 0 };
   UT_CHECK_EQ(read(p[0], got, sizeof got), 11);
   UT_CHECK(strcmp(got, "to the pipe") == 0);
   /* A bad descriptor: the kernel's errno. */
   UT_CHECK_EQ(SYS3(__NR_write, 12345, msg, 1), -EBADF);
}

UNIT_TEST(fstat_and_stat_match_the_kernel)
{
   setup();
   char path[64];
   int fd = temp_file(path, sizeof path, "0123456789");
   track_all();
   struct vki_stat st;
   memset(&st, 0xaa, sizeof st);
   UT_CHECK_EQ(SYS2(__NR_fstat, fd, &st), 0);
   struct stat ref;
   UT_CHECK(fstat(fd, &ref) == 0);
   UT_CHECK_EQ(st.st_size, 10);
   UT_CHECK_EQ(st.st_ino, ref.st_ino);
   UT_CHECK_EQ(st.st_mode, ref.st_mode);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "fstat(buf)", (Addr)&st, 144));
   UT_CHECK(ev_is(1, 'P', "", (Addr)&st, 144));

   clear_evs();
   UT_CHECK_EQ(SYS2(__NR_stat, path, &st), 0);
   UT_CHECK_EQ(st.st_ino, ref.st_ino);
   CHECK_N_EVS(3);
   UT_CHECK(ev_is(0, 'Z', "stat(file_name)", (Addr)path, 0));
   UT_CHECK(ev_is(1, 'W', "stat(buf)", (Addr)&st, 144));
   UT_CHECK(ev_is(2, 'P', "", (Addr)&st, 144));

   /* A failure: no POST, so nothing written. */
   clear_evs();
   UT_CHECK_EQ(SYS2(__NR_stat, "/no/such/file", &st), -ENOENT);
   CHECK_N_EVS(2);
   close(fd);
   unlink(path);
}

UNIT_TEST(getdents64_writes_what_it_returned)
{
   setup();
   char dir[] = "/tmp/vg_ut_sysdir_XXXXXX";
   UT_CHECK(mkdtemp(dir) != NULL);
   char p[128];
   snprintf(p, sizeof p, "%s/alpha", dir);
   close(open(p, O_CREAT | O_WRONLY, 0600));
   snprintf(p, sizeof p, "%s/beta", dir);
   close(open(p, O_CREAT | O_WRONLY, 0600));
   int dfd = open(dir, O_RDONLY | O_DIRECTORY);
   track_all();
   static char buf[4096];
   long n = SYS3(__NR_getdents64, dfd, buf, sizeof buf);
   UT_CHECK(n > 0);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "getdents64(dirp)", (Addr)buf, sizeof buf));
   UT_CHECK(ev_is(1, 'P', "", (Addr)buf, (SizeT)n));
   int found = 0;
   for (long off = 0; off < n;) {
      struct vki_dirent64* d = (struct vki_dirent64*)(buf + off);
      if (strcmp(d->d_name, "alpha") == 0 || strcmp(d->d_name, "beta") == 0)
         found++;
      off += d->d_reclen;
   }
   UT_CHECK_EQ(found, 2);
   /* The end of the directory: no write reported. */
   clear_evs();
   UT_CHECK_EQ(SYS3(__NR_getdents64, dfd, buf, sizeof buf), 0);
   CHECK_N_EVS(1);
   close(dfd);
   snprintf(p, sizeof p, "%s/alpha", dir);
   unlink(p);
   snprintf(p, sizeof p, "%s/beta", dir);
   unlink(p);
   rmdir(dir);
}

UNIT_TEST(readlink_events_and_result)
{
   setup();
   char link[64];
   snprintf(link, sizeof link, "/tmp/vg_ut_link_%d", (int)getpid());
   unlink(link);
   UT_CHECK(symlink("/some/where/else", link) == 0);
   track_all();
   static char buf[64];
   long n = SYS3(__NR_readlink, link, buf, sizeof buf);
   UT_CHECK_EQ(n, 16);
   UT_CHECK(memcmp(buf, "/some/where/else", 16) == 0);
   CHECK_N_EVS(3);
   UT_CHECK(ev_is(0, 'Z', "readlink(path)", (Addr)link, 0));
   UT_CHECK(ev_is(1, 'W', "readlink(buf)", (Addr)buf, sizeof buf));
   UT_CHECK(ev_is(2, 'P', "", (Addr)buf, 16));
   unlink(link);
}

UNIT_TEST(pipe_gives_two_working_descriptors)
{
   setup();
   track_all();
   int fds[2] = { -1, -1 };
   UT_CHECK_EQ(SYS1(__NR_pipe, fds), 0);
   UT_CHECK(fds[0] >= 0 && fds[1] >= 0);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "pipe(filedes)", (Addr)fds, 8));
   UT_CHECK(ev_is(1, 'P', "", (Addr)fds, 8));
   UT_CHECK(write(fds[1], "ab", 2) == 2);
   char got[2];
   UT_CHECK(read(fds[0], got, 2) == 2 && got[1] == 'b');
   int fds2[2];
   UT_CHECK_EQ(SYS2(__NR_pipe2, fds2, O_CLOEXEC), 0);
   UT_CHECK_EQ(fcntl(fds2[0], F_GETFD), FD_CLOEXEC);
}

UNIT_TEST(clock_gettime_and_friends)
{
   setup();
   track_all();
   struct vki_timespec ts;
   struct timespec ref;
   clock_gettime(CLOCK_MONOTONIC, &ref);
   UT_CHECK_EQ(SYS2(__NR_clock_gettime, VKI_CLOCK_MONOTONIC, &ts), 0);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "clock_gettime(tp)", (Addr)&ts, 16));
   UT_CHECK(ev_is(1, 'P', "", (Addr)&ts, 16));
   UT_CHECK(ts.tv_sec >= ref.tv_sec && ts.tv_sec <= ref.tv_sec + 2);
   /* clock_getres may be given no buffer. */
   clear_evs();
   UT_CHECK_EQ(SYS2(__NR_clock_getres, VKI_CLOCK_MONOTONIC, 0), 0);
   CHECK_N_EVS(0);
   long t;
   UT_CHECK(SYS1(__NR_time, &t) == t);
   struct vki_timeval tv;
   UT_CHECK_EQ(SYS2(__NR_gettimeofday, &tv, 0), 0);
   UT_CHECK(tv.tv_sec >= t);
}

UNIT_TEST(recvfrom_reports_buffer_and_address)
{
   setup();
   track_all();
   int sv[2];
   UT_CHECK_EQ(SYS4(__NR_socketpair, VKI_AF_UNIX, VKI_SOCK_DGRAM, 0, sv), 0);
   UT_CHECK(ev_is(1, 'P', "", (Addr)sv, 8));
   static const char msg[] = "datagram!";
   clear_evs();
   UT_CHECK_EQ(SYS6(__NR_sendto, sv[0], msg, 9, 0, 0, 0), 9);
   CHECK_N_EVS(1);
   UT_CHECK(ev_is(0, 'R', "sendto(msg)", (Addr)msg, 9));

   static char buf[64];
   clear_evs();
   UT_CHECK_EQ(SYS6(__NR_recvfrom, sv[1], buf, sizeof buf, 0, 0, 0), 9);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "recvfrom(buf)", (Addr)buf, sizeof buf));
   UT_CHECK(ev_is(1, 'P', "", (Addr)buf, 9));

   /* With an address buffer: its length is read, and written back.  A
      sender with a name (abstract, so nothing is left behind). */
   int rx = socket(AF_UNIX, SOCK_DGRAM, 0), tx = socket(AF_UNIX, SOCK_DGRAM, 0);
   struct sockaddr_un rxa, txa;
   memset(&rxa, 0, sizeof rxa);
   memset(&txa, 0, sizeof txa);
   rxa.sun_family = txa.sun_family = AF_UNIX;
   snprintf(rxa.sun_path + 1, sizeof rxa.sun_path - 1, "vgut-rx-%d", getpid());
   snprintf(txa.sun_path + 1, sizeof txa.sun_path - 1, "vgut-tx-%d", getpid());
   socklen_t alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1
                                + strlen(txa.sun_path + 1));
   UT_CHECK(bind(rx, (struct sockaddr*)&rxa, sizeof rxa) == 0);
   UT_CHECK(bind(tx, (struct sockaddr*)&txa, alen) == 0);
   UT_CHECK(sendto(tx, "again", 5, 0, (struct sockaddr*)&rxa, sizeof rxa) == 5);
   static struct vki_sockaddr_un from;
   static vki_socklen_t fromlen;
   fromlen = sizeof from;
   clear_evs();
   UT_CHECK_EQ(SYS6(__NR_recvfrom, rx, buf, sizeof buf, 0, &from,
                    &fromlen), 5);
   UT_CHECK_EQ(fromlen, alen);
   CHECK_N_EVS(6);
   UT_CHECK(ev_is(0, 'W', "recvfrom(buf)", (Addr)buf, sizeof buf));
   UT_CHECK(ev_is(1, 'R', "recvfrom(fromlen_in)", (Addr)&fromlen, 4));
   UT_CHECK(ev_is(2, 'W', "recvfrom(from)", (Addr)&from, sizeof from));
   UT_CHECK(ev_is(3, 'P', "", (Addr)&fromlen, 4));
   UT_CHECK(ev_is(4, 'P', "", (Addr)&from, alen));
   UT_CHECK(ev_is(5, 'P', "", (Addr)buf, 5));
   /* An address buffer too small: only what fits was written. */
   UT_CHECK(sendto(tx, "third", 5, 0, (struct sockaddr*)&rxa, sizeof rxa) == 5);
   fromlen = 4;
   clear_evs();
   UT_CHECK_EQ(SYS6(__NR_recvfrom, rx, buf, sizeof buf, 0, &from,
                    &fromlen), 5);
   UT_CHECK_EQ(fromlen, alen);
   UT_CHECK(ev_is(4, 'P', "", (Addr)&from, 4));
   close(rx);
   close(tx);
   /* MSG_TRUNC: the full length comes back, only what fits was
      written. */
   UT_CHECK(send(sv[0], "0123456789", 10, 0) == 10);
   clear_evs();
   UT_CHECK_EQ(SYS6(__NR_recvfrom, sv[1], buf, 4, MSG_TRUNC, 0, 0), 10);
   UT_CHECK(ev_is(1, 'P', "", (Addr)buf, 4));
}

UNIT_TEST(sendmsg_recvmsg_iovecs)
{
   setup();
   int sv[2];
   UT_CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
   track_all();
   static char a[] = "abc", b[] = "defgh";
   static struct vki_iovec iov[2];
   iov[0].iov_base = a; iov[0].iov_len = 3;
   iov[1].iov_base = b; iov[1].iov_len = 5;
   static struct vki_msghdr m;
   memset(&m, 0, sizeof m);
   m.msg_iov = iov;
   m.msg_iovlen = 2;
   UT_CHECK_EQ(SYS3(__NR_sendmsg, sv[0], &m, 0), 8);
   /* six header fields, the iovec array, two buffers */
   CHECK_N_EVS(9);
   UT_CHECK(ev_is(0, 'R', "sendmsg(msg.msg_name)", (Addr)&m.msg_name, 8));
   UT_CHECK(ev_is(1, 'R', "sendmsg(msg.msg_namelen)", (Addr)&m.msg_namelen,
                  4));
   UT_CHECK(ev_is(6, 'R', "sendmsg(msg.msg_iov)", (Addr)iov, 32));
   UT_CHECK(ev_is(7, 'R', "sendmsg(msg.msg_iov[i])", (Addr)a, 3));
   UT_CHECK(ev_is(8, 'R', "sendmsg(msg.msg_iov[i])", (Addr)b, 5));

   static char r1[4], r2[16];
   iov[0].iov_base = r1; iov[0].iov_len = 4;
   iov[1].iov_base = r2; iov[1].iov_len = 16;
   clear_evs();
   UT_CHECK_EQ(SYS3(__NR_recvmsg, sv[1], &m, 0), 8);
   UT_CHECK(memcmp(r1, "abcd", 4) == 0 && memcmp(r2, "efgh", 4) == 0);
   /* The buffers were written in order: 4 + 4 of the 8 bytes. */
   int p1 = 0, p2 = 0;
   for (int i = 0; i < n_evs; i++) {
      if (evs[i].kind == 'P' && evs[i].a == (Addr)r1)
         p1 = (int)evs[i].len;
      if (evs[i].kind == 'P' && evs[i].a == (Addr)r2)
         p2 = (int)evs[i].len;
   }
   UT_CHECK_EQ(p1, 4);
   UT_CHECK_EQ(p2, 4);
}

UNIT_TEST(readv_distributes_the_result)
{
   setup();
   char path[64];
   int fd = temp_file(path, sizeof path, "0123456");
   track_all();
   static char x[4], y[10];
   static struct vki_iovec iov[2];
   iov[0].iov_base = x; iov[0].iov_len = sizeof x;
   iov[1].iov_base = y; iov[1].iov_len = sizeof y;
   UT_CHECK_EQ(SYS3(__NR_readv, fd, iov, 2), 7);
   CHECK_N_EVS(5);
   UT_CHECK(ev_is(0, 'R', "readv(vector)", (Addr)iov, 32));
   UT_CHECK(ev_is(1, 'W', "readv(vector[...])", (Addr)x, 4));
   UT_CHECK(ev_is(2, 'W', "readv(vector[...])", (Addr)y, 10));
   UT_CHECK(ev_is(3, 'P', "", (Addr)x, 4));
   UT_CHECK(ev_is(4, 'P', "", (Addr)y, 3));
   close(fd);
   unlink(path);
}

UNIT_TEST(fcntl_locks_and_ioctls)
{
   setup();
   char path[64];
   int fd = temp_file(path, sizeof path, "lock me");
   track_all();
   static struct vki_flock fl;
   memset(&fl, 0, sizeof fl);
   fl.l_type = F_WRLCK;
   fl.l_whence = SEEK_SET;
   UT_CHECK_EQ(SYS3(__NR_fcntl, fd, VKI_F_GETLK, &fl), 0);
   UT_CHECK_EQ(fl.l_type, F_UNLCK);
   CHECK_N_EVS(3);
   UT_CHECK(ev_is(0, 'R', "fcntl(lock)", (Addr)&fl, 32));
   UT_CHECK(ev_is(1, 'W', "fcntl(lock)", (Addr)&fl, 32));
   UT_CHECK(ev_is(2, 'P', "", (Addr)&fl, 32));
   /* F_DUPFD gives a descriptor at or above the argument. */
   long d = SYS3(__NR_fcntl, fd, VKI_F_DUPFD, 50);
   UT_CHECK(d >= 50);
   close((int)d);
   close(fd);
   unlink(path);

   int p[2];
   UT_CHECK(pipe(p) == 0);
   UT_CHECK(write(p[1], "12345", 5) == 5);
   static int avail;
   clear_evs();
   UT_CHECK_EQ(SYS3(__NR_ioctl, p[0], VKI_FIONREAD, &avail), 0);
   UT_CHECK_EQ(avail, 5);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "ioctl(FIONREAD)", (Addr)&avail, 4));
   UT_CHECK(ev_is(1, 'P', "", (Addr)&avail, 4));
   /* Unknown: the encoding's direction and size are believed; nothing
      is written when it fails. */
   static char blob[16];
   clear_evs();
   UT_CHECK_EQ(SYS3(__NR_ioctl, p[0], _VKI_IOR('x', 1, blob), blob), -ENOTTY);
   CHECK_N_EVS(1);
   UT_CHECK(ev_is(0, 'W', "ioctl(generic)", (Addr)blob, 16));
   clear_evs();
   SYS3(__NR_ioctl, p[0], _VKI_IOW('x', 2, blob), blob);
   UT_CHECK(ev_is(0, 'R', "ioctl(generic)", (Addr)blob, 16));
   /* TCGETS on a pipe: ENOTTY, so no write is reported. */
   static struct vki_termios tio;
   clear_evs();
   UT_CHECK_EQ(SYS3(__NR_ioctl, p[0], VKI_TCGETS, &tio), -ENOTTY);
   CHECK_N_EVS(1);
   UT_CHECK(ev_is(0, 'W', "ioctl(TCGETS)", (Addr)&tio, 36));
}

UNIT_TEST(poll_reports_each_field)
{
   setup();
   int p[2];
   UT_CHECK(pipe(p) == 0);
   UT_CHECK(write(p[1], "x", 1) == 1);
   track_all();
   static struct vki_pollfd pfd[2];
   pfd[0].fd = p[0]; pfd[0].events = VKI_POLLIN;
   pfd[1].fd = -1;   pfd[1].events = VKI_POLLIN;
   UT_CHECK_EQ(SYS3(__NR_poll, pfd, 2, 0), 1);
   UT_CHECK(pfd[0].revents & VKI_POLLIN);
   /* fd, events, revents of the first; only fd and revents of the
      second (a negative descriptor's events are not read); then both
      revents written. */
   CHECK_N_EVS(7);
   UT_CHECK(ev_is(0, 'R', "poll(ufds.fd)", (Addr)&pfd[0].fd, 4));
   UT_CHECK(ev_is(1, 'R', "poll(ufds.events)", (Addr)&pfd[0].events, 2));
   UT_CHECK(ev_is(2, 'W', "poll(ufds.revents)", (Addr)&pfd[0].revents, 2));
   UT_CHECK(ev_is(3, 'R', "poll(ufds.fd)", (Addr)&pfd[1].fd, 4));
   UT_CHECK(ev_is(4, 'W', "poll(ufds.revents)", (Addr)&pfd[1].revents, 2));
   UT_CHECK(ev_is(5, 'P', "", (Addr)&pfd[0].revents, 2));
}

UNIT_TEST(nanosleep_posts_rem_only_when_interrupted)
{
   setup();
   track_all();
   static struct vki_timespec req = { 0, 1000 }, rem;
   UT_CHECK_EQ(SYS2(__NR_nanosleep, &req, &rem), 0);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'R', "nanosleep(req)", (Addr)&req, 16));
   UT_CHECK(ev_is(1, 'W', "nanosleep(rem)", (Addr)&rem, 16));
   /* A failure still runs POST (SfPostOnFail), which writes nothing
      for EINVAL. */
   static struct vki_timespec bad = { 0, 2000000000 };
   clear_evs();
   UT_CHECK_EQ(SYS2(__NR_nanosleep, &bad, &rem), -EINVAL);
   CHECK_N_EVS(2);
}

static int hook_pre_calls, hook_post_calls;
static UInt hook_sysno;
static UWord hook_arg1;
static SysRes hook_res;

static void hook_pre(ThreadId t, UInt sysno, UWord* args, UInt nargs)
{
   hook_pre_calls++;
   hook_sysno = sysno;
   hook_arg1 = args[0];
   UT_CHECK_EQ(nargs, 6);
}

static void hook_post(ThreadId t, UInt sysno, UWord* args, UInt nargs,
                      SysRes res)
{
   hook_post_calls++;
   hook_res = res;
}

static void hooks_child(void)
{
   setup();
   VG_(needs).syscall_wrapper = True;
   VG_(tdict).tool_pre_syscall = hook_pre;
   VG_(tdict).tool_post_syscall = hook_post;
   long r = SYS1(__NR_close, 9999);
   printf("close %ld pre %d post %d sysno %u arg1 %lu err %lu\n", r,
          hook_pre_calls, hook_post_calls, hook_sysno, hook_arg1,
          sr_Err(hook_res));
   /* Unknown calls too. */
   SYS0(999);
   printf("unknown post %d err %lu\n", hook_post_calls, sr_Err(hook_res));
}

UNIT_TEST(tool_syscall_hooks)
{
   int status = ut_run_captured(hooks_child, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK(strstr(captured, "close -9 pre 1 post 1 sysno 3 arg1 9999 err 9")
            != NULL);
   UT_CHECK(strstr(captured, "unknown post 2 err 38") != NULL);
}

static void unknown_twice(void)
{
   setup();
   long r1 = SYS1(999, 1);
   long r2 = SYS1(999, 2);
   long r3 = SYS0(998);
   printf("results %ld %ld %ld\n", r1, r2, r3);
}

UNIT_TEST(unknown_syscall_warns_once_and_fails_enosys)
{
   int status = ut_run_captured(unknown_twice, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
   const char* w = "WARNING: unhandled amd64-linux syscall: 999\n";
   const char* first = strstr(captured, w);
   UT_CHECK(first != NULL);
   UT_CHECK(first && strstr(first + 1, w) == NULL);
   UT_CHECK(strstr(captured, "WARNING: unhandled amd64-linux syscall: 998\n")
            != NULL);
   UT_CHECK(strstr(captured, "results -38 -38 -38") != NULL);
}

static void int80_child(void)
{
   setup();
   VexGuestAMD64State* g = gst();
   g->guest_RAX = __NR_getpid;
   VG_(client_syscall)(tid, VEX_TRC_JMP_SYS_INT128);
   printf("result %ld\n", (long)g->guest_RAX);
}

UNIT_TEST(int80_from_64bit_code_is_refused)
{
   int status = ut_run_captured(int80_child, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK(strstr(captured, "result -38") != NULL);
   UT_CHECK(strstr(captured, "int $0x80") != NULL);
}

static void trace_child(void)
{
   setup();
   VG_(clo_trace_syscalls) = True;
   SYS1(__NR_close, 9998);
}

UNIT_TEST(trace_syscalls_prints_one_line)
{
   int status = ut_run_captured(trace_child, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status));
   char want[80];
   snprintf(want, sizeof want, "](  3) close(0x270e) --> Failure(0x9)");
   UT_CHECK(strstr(captured, want) != NULL);
   if (!strstr(captured, want))
      fprintf(stderr, "  got: %s\n", captured);
}

/* ------------------------------------------------------------------ */
/* Exits                                                                */
/* ------------------------------------------------------------------ */

UNIT_TEST(exit_group_marks_every_thread)
{
   setup();
   ThreadId other = VG_(alloc_ThreadState)();
   UT_CHECK(other == 2);
   UT_CHECK_EQ(VG_(syswrap_exit_reason)(tid, NULL), VgSrc_None);
   SYS1(__NR_exit_group, 42);
   /* Still here: the kernel never saw it. */
   Int code = -1;
   UT_CHECK_EQ(VG_(syswrap_exit_reason)(tid, &code), VgSrc_ExitProcess);
   UT_CHECK_EQ(code, 42);
   UT_CHECK_EQ(VG_(get_ThreadState)(other)->exitreason, VgSrc_ExitProcess);
   UT_CHECK_EQ(VG_(get_ThreadState)(other)->os_state.exitcode, 42);
}

UNIT_TEST(exit_marks_only_the_thread)
{
   setup();
   ThreadId other = VG_(alloc_ThreadState)();
   SYS1(__NR_exit, 3);
   Int code = -1;
   UT_CHECK_EQ(VG_(syswrap_exit_reason)(tid, &code), VgSrc_ExitThread);
   UT_CHECK_EQ(code, 3);
   UT_CHECK_EQ(VG_(get_ThreadState)(other)->exitreason, VgSrc_None);
}

/* ------------------------------------------------------------------ */
/* Thread pointers, ids, refused calls                                  */
/* ------------------------------------------------------------------ */

UNIT_TEST(arch_prctl_changes_only_the_guest)
{
   setup();
   unsigned long host_fs_before = 0, host_fs_after = 0;
   UT_CHECK(syscall(SYS_arch_prctl, ARCH_GET_FS, &host_fs_before) == 0);
   UT_CHECK_EQ(SYS2(__NR_arch_prctl, VKI_ARCH_SET_FS, 0x12345000), 0);
   UT_CHECK_EQ(gst()->guest_FS_CONST, 0x12345000);
   UT_CHECK(syscall(SYS_arch_prctl, ARCH_GET_FS, &host_fs_after) == 0);
   UT_CHECK_EQ(host_fs_after, host_fs_before);
   /* Reading it back through the guest. */
   track_all();
   static ULong got;
   UT_CHECK_EQ(SYS2(__NR_arch_prctl, VKI_ARCH_GET_FS, &got), 0);
   UT_CHECK_EQ(got, 0x12345000);
   UT_CHECK(ev_is(0, 'W', "arch_prctl(addr)", (Addr)&got, 8));
   UT_CHECK(ev_is(1, 'P', "", (Addr)&got, 8));
   UT_CHECK_EQ(SYS2(__NR_arch_prctl, VKI_ARCH_SET_GS, 0x777), 0);
   UT_CHECK_EQ(gst()->guest_GS_CONST, 0x777);
   UT_CHECK_EQ(SYS2(__NR_arch_prctl, VKI_ARCH_GET_CPUID, 0), -EINVAL);
}

UNIT_TEST(ids_and_set_tid_address)
{
   setup();
   UT_CHECK_EQ(SYS0(__NR_getpid), getpid());
   UT_CHECK_EQ(SYS0(__NR_gettid), syscall(SYS_gettid));
   UT_CHECK_EQ(SYS0(__NR_getuid), getuid());
   static int tidword;
   UT_CHECK_EQ(SYS1(__NR_set_tid_address, &tidword), syscall(SYS_gettid));
   UT_CHECK_EQ(VG_(syswrap_clear_child_tid)(tid), (Addr)&tidword);
   struct vki_new_utsname u;
   UT_CHECK_EQ(SYS1(__NR_uname, &u), 0);
   UT_CHECK(strcmp(u.sysname, "Linux") == 0);
   UT_CHECK(strcmp(u.machine, "x86_64") == 0);
}

UNIT_TEST(rseq_clone3_and_seccomp_are_refused)
{
   setup();
   static char area[64] __attribute__((aligned(32)));
   UT_CHECK_EQ(SYS4(__NR_rseq, area, 32, 0, 0x53053053), -ENOSYS);
   /* clone3 of what clone cannot express (set_tid) falls back. */
   static unsigned long long cargs[11] __attribute__((aligned(8)));
   memset(cargs, 0, sizeof cargs);
   cargs[8] = (unsigned long)area;    /* set_tid */
   cargs[9] = 1;                      /* set_tid_size */
   UT_CHECK_EQ(SYS2(__NR_clone3, cargs, 88), -ENOSYS);
   /* Too small a block; a stack without its size. */
   UT_CHECK_EQ(SYS2(__NR_clone3, cargs, 32), -EINVAL);
   memset(cargs, 0, sizeof cargs);
   cargs[5] = (unsigned long)area;    /* stack, stack_size 0 */
   UT_CHECK_EQ(SYS2(__NR_clone3, cargs, 64), -EINVAL);
   /* Unknown trailing fields must be zero. */
   static unsigned long long big[12];
   memset(big, 0, sizeof big);
   big[11] = 1;
   UT_CHECK_EQ(SYS2(__NR_clone3, big, 96), -E2BIG);
   UT_CHECK_EQ(SYS3(__NR_seccomp, 0, 0, 0), -EINVAL);
   UT_CHECK_EQ(SYS2(__NR_prctl, VKI_PR_SET_SECCOMP, 1), -EINVAL);
   /* prctl's name round trip. */
   UT_CHECK_EQ(SYS2(__NR_prctl, VKI_PR_SET_NAME, "vgut"), 0);
   static char name[16];
   UT_CHECK_EQ(SYS2(__NR_prctl, VKI_PR_GET_NAME, name), 0);
   UT_CHECK(strcmp(name, "vgut") == 0);
}

static void clone_shared_vm_child(void)
{
   setup();
   static char stack[4096];
   /* Memory shared, but not a thread: a process the core cannot run. */
   long flags = VKI_CLONE_VM | VKI_CLONE_FS | VKI_CLONE_FILES | SIGCHLD;
   long r1 = SYS5(__NR_clone, flags, stack + sizeof stack, 0, 0, 0);
   long r2 = SYS5(__NR_clone, flags | VKI_CLONE_SIGHAND,
                  stack + sizeof stack, 0, 0, 0);
   /* A thread needs CLONE_SIGHAND and CLONE_VM (the kernel's EINVAL). */
   long r3 = SYS5(__NR_clone, VKI_CLONE_THREAD | VKI_CLONE_SIGHAND,
                  stack + sizeof stack, 0, 0, 0);
   printf("clone %ld %ld %ld\n", r1, r2, r3);
}

UNIT_TEST(clone_sharing_memory_without_a_thread_fails_with_einval_once_said)
{
   int status = ut_run_captured(clone_shared_vm_child, captured,
                                sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK(strstr(captured, "clone -22 -22 -22") != NULL);
   const char* w = strstr(captured, "Unsupported clone() flags");
   UT_CHECK(w != NULL);
   UT_CHECK(w && strstr(w + 1, "Unsupported clone() flags") == NULL);
}

/* ------------------------------------------------------------------ */
/* Descriptors the core keeps, resource limits                          */
/* ------------------------------------------------------------------ */

static void fd_limits_child(void)
{
   setup();
   VG_(fd_soft_limit) = 40;
   VG_(fd_hard_limit) = 50;
   long c = SYS1(__NR_close, 60);
   long d = SYS2(__NR_dup2, 0, 55);
   long ok = SYS2(__NR_dup2, 0, 45);
   close(45);
   /* A new descriptor the client would not get natively. */
   int low[64], n = 0;
   for (;;) {
      int fd = dup(0);
      if (fd < 0 || fd >= 39) {
         if (fd >= 0)
            close(fd);
         break;
      }
      low[n++] = fd;
   }
   long e = SYS1(__NR_dup, 0);   /* would be 39: allowed */
   long f = SYS1(__NR_dup, 0);   /* would be 40: refused */
   int still_open = fcntl(40, F_GETFD) != -1;
   printf("fds %ld %ld %ld %ld %ld open40=%d\n", c, d, ok, e, f, still_open);
   for (int i = 0; i < n; i++)
      close(low[i]);
}

UNIT_TEST(core_descriptors_are_out_of_reach)
{
   int status = ut_run_captured(fd_limits_child, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK(strstr(captured, "fds -9 -9 45 39 -24 open40=0") != NULL);
   UT_CHECK(strstr(captured, "Warning: invalid file descriptor 60 in "
                             "syscall close()") != NULL);
   if (!strstr(captured, "fds -9 -9 45 39 -24 open40=0"))
      fprintf(stderr, "  got: %s\n", captured);
}

UNIT_TEST(rlimits_as_the_client_sees_them)
{
   setup();
   VG_(fd_soft_limit) = 1000;
   VG_(fd_hard_limit) = 1000;
   struct vki_rlimit rl;
   UT_CHECK_EQ(SYS2(__NR_getrlimit, VKI_RLIMIT_NOFILE, &rl), 0);
   UT_CHECK_EQ(rl.rlim_cur, 1000);
   UT_CHECK_EQ(rl.rlim_max, 1000);
   /* Above the hard limit, or a different hard limit: EPERM. */
   rl.rlim_cur = 2000;
   UT_CHECK_EQ(SYS2(__NR_setrlimit, VKI_RLIMIT_NOFILE, &rl), -EPERM);
   rl.rlim_cur = 500;
   rl.rlim_max = 1000;
   UT_CHECK_EQ(SYS2(__NR_setrlimit, VKI_RLIMIT_NOFILE, &rl), 0);
   UT_CHECK_EQ(VG_(fd_soft_limit), 500);
   struct vki_rlimit64 r64;
   UT_CHECK_EQ(SYS4(__NR_prlimit64, 0, VKI_RLIMIT_NOFILE, 0, &r64), 0);
   UT_CHECK_EQ(r64.rlim_cur, 500);
   UT_CHECK_EQ(r64.rlim_max, 1000);

   /* RLIMIT_DATA: only the client's view changes. */
   struct rlimit kernel_before, kernel_after;
   getrlimit(RLIMIT_DATA, &kernel_before);
   UT_CHECK_EQ(SYS2(__NR_getrlimit, VKI_RLIMIT_DATA, &rl), 0);
   UT_CHECK_EQ(rl.rlim_cur, kernel_before.rlim_cur);
   rl.rlim_cur = 1234567;
   UT_CHECK_EQ(SYS2(__NR_setrlimit, VKI_RLIMIT_DATA, &rl), 0);
   UT_CHECK_EQ(SYS2(__NR_getrlimit, VKI_RLIMIT_DATA, &rl), 0);
   UT_CHECK_EQ(rl.rlim_cur, 1234567);
   getrlimit(RLIMIT_DATA, &kernel_after);
   UT_CHECK_EQ(kernel_after.rlim_cur, kernel_before.rlim_cur);
   UT_CHECK_EQ(SYS4(__NR_prlimit64, 0, VKI_RLIMIT_DATA, 0, &r64), 0);
   UT_CHECK_EQ(r64.rlim_cur, 1234567);
   /* cur above max: EINVAL. */
   r64.rlim_cur = 10;
   r64.rlim_max = 5;
   UT_CHECK_EQ(SYS4(__NR_prlimit64, 0, VKI_RLIMIT_DATA, &r64, 0), -EINVAL);
   /* Other limits are the kernel's. */
   struct rlimit cpu;
   getrlimit(RLIMIT_CPU, &cpu);
   UT_CHECK_EQ(SYS2(__NR_getrlimit, VKI_RLIMIT_CPU, &rl), 0);
   UT_CHECK_EQ(rl.rlim_cur, cpu.rlim_cur);
}

/* ------------------------------------------------------------------ */
/* fork and execve                                                      */
/* ------------------------------------------------------------------ */

static int atfork_pipe[2];
static int atfork_pre_runs;

static void on_pre(ThreadId t)
{
   atfork_pre_runs++;
}

static void on_child(ThreadId t)
{
   (void)!write(atfork_pipe[1], "C", 1);
}

UNIT_TEST(fork_runs_the_child_under_the_same_state)
{
   setup();
   UT_CHECK(pipe(atfork_pipe) == 0);
   VG_(atfork)(on_pre, NULL, on_child);
   static volatile int shared = 1;
   long pid = SYS0(__NR_fork);
   if (pid == 0) {
      /* The child: the guest got 0, the hook ran. */
      shared = 2;
      _exit(gst()->guest_RAX == 0 ? 7 : 1);
   }
   UT_CHECK(pid > 0);
   UT_CHECK_EQ(atfork_pre_runs, 1);
   track_all();
   static int wstatus;
   UT_CHECK_EQ(SYS4(__NR_wait4, pid, &wstatus, 0, 0), pid);
   UT_CHECK(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 7);
   UT_CHECK(ev_is(0, 'W', "wait4(status)", (Addr)&wstatus, 4));
   UT_CHECK(ev_is(1, 'P', "", (Addr)&wstatus, 4));
   char c = 0;
   UT_CHECK(read(atfork_pipe[0], &c, 1) == 1 && c == 'C');
   UT_CHECK_EQ(shared, 1);
   /* WNOHANG with no child: nothing written. */
   clear_evs();
   UT_CHECK(SYS4(__NR_wait4, -1, &wstatus, WNOHANG, 0) < 0);
   CHECK_N_EVS(1);
}

UNIT_TEST(vfork_and_spawn_clone_run_as_fork)
{
   setup();
   static volatile int shared = 1;
   long pid = SYS0(__NR_vfork);
   if (pid == 0) {
      shared = 5;   /* a real vfork would change the parent's copy */
      _exit(0);
   }
   UT_CHECK(pid > 0);
   int st;
   UT_CHECK(waitpid(pid, &st, 0) == pid);
   UT_CHECK_EQ(shared, 1);

   /* posix_spawn's clone(CLONE_VM|CLONE_VFORK) with its own stack: a
      fork whose child runs on that stack. */
   static char cstack[8192] __attribute__((aligned(16)));
   Addr sp = (Addr)(cstack + sizeof cstack);
   pid = SYS5(__NR_clone, VKI_CLONE_VM | VKI_CLONE_VFORK | SIGCHLD, sp, 0, 0,
              0);
   if (pid == 0)
      _exit(gst()->guest_RSP == sp ? 9 : 1);
   UT_CHECK(pid > 0);
   UT_CHECK(waitpid(pid, &st, 0) == pid);
   UT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9);

   /* clone with CLONE_SETTLS but no CLONE_VM: the child's guest thread
      pointer, never the host's. */
   pid = SYS5(__NR_clone, VKI_CLONE_SETTLS | SIGCHLD, 0, 0, 0, 0x5000);
   if (pid == 0) {
      unsigned long fs = 0;
      syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
      _exit(gst()->guest_FS_CONST == 0x5000 && fs != 0x5000 ? 4 : 1);
   }
   UT_CHECK(waitpid(pid, &st, 0) == pid);
   UT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 4);
}

UNIT_TEST(execve_failures_return_to_the_client)
{
   setup();
   static char* argv[] = { (char*)"x", NULL };
   UT_CHECK_EQ(SYS3(__NR_execve, "/no/such/program", argv, environ),
               -ENOENT);
   char path[64];
   int fd = temp_file(path, sizeof path, "#!/bin/sh\necho hi\n");
   close(fd);
   chmod(path, 0600);
   UT_CHECK_EQ(SYS3(__NR_execve, path, argv, environ), -EACCES);
   UT_CHECK_EQ(SYS3(__NR_execve, "/tmp", argv, environ), -EACCES);
   UT_CHECK_EQ(SYS3(__NR_execve, 0, argv, environ), -EFAULT);
   unlink(path);
}

static void exec_native(void)
{
   setup();
   VG_(clo_trace_children) = False;
   static char* argv[] = { (char*)"echo", (char*)"native", (char*)"exec",
                           NULL };
   static char* envp[] = { (char*)"A=1", NULL };
   long r = SYS3(__NR_execve, "/bin/echo", argv, envp);
   printf("execve returned %ld\n", r);
}

UNIT_TEST(execve_untraced_runs_the_program_natively)
{
   int status = ut_run_captured(exec_native, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
   UT_CHECK(strcmp(captured, "native exec\n") == 0);
}

static void exec_traced(void)
{
   setup();
   static HChar* env[] = { (HChar*)"VALGRIND_LAUNCHER=/bin/echo", NULL };
   VG_(core_envp) = env;
   VG_(clo_trace_children) = True;
   VG_(args_for_valgrind) = VG_(newXA)(VG_(malloc), "test", VG_(free),
                                        sizeof(HChar*));
   const HChar* a1 = "--from-rc-file";
   const HChar* a2 = "--tool=none";
   const HChar* a3 = "--trace-children=yes";
   VG_(addToXA)(VG_(args_for_valgrind), &a1);
   VG_(addToXA)(VG_(args_for_valgrind), &a2);
   VG_(addToXA)(VG_(args_for_valgrind), &a3);
   VG_(args_for_valgrind_from_cmdline) = 2;
   static char* argv[] = { (char*)"true", (char*)"a", (char*)"b c", NULL };
   static char* envp[] = { NULL };
   long r = SYS3(__NR_execve, "/bin/true", argv, envp);
   printf("execve returned %ld\n", r);
}

UNIT_TEST(execve_traced_runs_the_launcher_with_the_options)
{
   int status = ut_run_captured(exec_traced, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
   UT_CHECK_STREQ(captured,
                  "--tool=none --trace-children=yes /bin/true a b c\n");
}

static void exec_traced_noexec(void)
{
   setup();
   static HChar* env[] = { (HChar*)"VALGRIND_LAUNCHER=/bin/echo", NULL };
   VG_(core_envp) = env;
   VG_(clo_trace_children) = True;
   char path[64];
   int fd = temp_file(path, sizeof path, "just some words\n");
   close(fd);
   chmod(path, 0700);
   static char* argv[] = { (char*)"w", NULL };
   long r = SYS3(__NR_execve, path, argv, environ);
   unlink(path);
   printf("execve returned %ld\n", r);
}

UNIT_TEST(execve_traced_of_a_non_executable_format_is_enoexec)
{
   int status = ut_run_captured(exec_traced_noexec, captured,
                                sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK(strstr(captured, "execve returned -8") != NULL);
}

UNIT_TEST(proc_self_exe_is_the_client)
{
   setup();
   int fd = open("/bin/true", O_RDONLY);
   UT_CHECK(fd >= 0);
   VG_(cl_exec_fd) = fd;
   char want[256];
   ssize_t n = readlink("/proc/self/fd/0", want, 0);   /* warm-up */
   (void)n;
   char fdpath[64];
   snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fd);
   n = readlink(fdpath, want, sizeof want - 1);
   UT_CHECK(n > 0);
   want[n > 0 ? n : 0] = '\0';
   static char got[256];
   long r = SYS3(__NR_readlink, "/proc/self/exe", got, sizeof got);
   UT_CHECK_EQ(r, n);
   UT_CHECK(r == n && memcmp(got, want, (size_t)n) == 0);
   char mine[64];
   snprintf(mine, sizeof mine, "/proc/%d/exe", (int)getpid());
   memset(got, 0, sizeof got);
   UT_CHECK_EQ(SYS4(__NR_readlinkat, AT_FDCWD, mine, got, sizeof got), n);
   long ofd = SYS3(__NR_open, "/proc/self/exe", O_RDONLY, 0);
   UT_CHECK(ofd >= 0);
   struct stat a, b;
   UT_CHECK(fstat((int)ofd, &a) == 0 && stat("/bin/true", &b) == 0);
   UT_CHECK(a.st_ino == b.st_ino);
   close((int)ofd);
   VG_(cl_exec_fd) = -1;
   close(fd);
}

/* ------------------------------------------------------------------ */
/* Memory, with the address-space manager running                       */
/* ------------------------------------------------------------------ */

static void start_am(void)
{
   int on_stack;
   VG_(clo_sanity_level) = 3;
   VG_(am_startup)((Addr)&on_stack);
}

static int kind_at(Addr a)
{
   const NSegment* s = VG_(am_find_nsegment)(a);
   return s ? (int)s->kind : -1;
}

static int n_new_mmap, n_die_munmap, n_mprotect;
static Addr last_mmap_a;
static SizeT last_mmap_len;

static void t_new_mmap(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                       ULong di)
{
   n_new_mmap++;
   last_mmap_a = a;
   last_mmap_len = len;
}

static void t_die_munmap(Addr a, SizeT len)
{
   n_die_munmap++;
}

static void t_mprotect(Addr a, SizeT len, Bool rr, Bool ww, Bool xx)
{
   n_mprotect++;
}

UNIT_TEST(mmap_and_munmap_go_through_the_manager)
{
   start_am();
   setup();
   VG_(tdict).track_new_mem_mmap = t_new_mmap;
   VG_(tdict).track_die_mem_munmap = t_die_munmap;
   long a = SYS6(__NR_mmap, 0, 3 * PG, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   UT_CHECK(a > 0 && (a & (PG - 1)) == 0);
   UT_CHECK_EQ(kind_at((Addr)a), SkAnonC);
   UT_CHECK_EQ(kind_at((Addr)a + 2 * PG), SkAnonC);
   UT_CHECK_EQ(n_new_mmap, 1);
   UT_CHECK_EQ(last_mmap_a, (Addr)a);
   UT_CHECK_EQ(last_mmap_len, 3 * PG);
   ((volatile char*)a)[2 * PG + 5] = 'z';
   /* Placed in the client's part of the address space. */
   AmLayout lay;
   VG_(am_get_layout)(&lay);
   UT_CHECK((Addr)a >= lay.cStart && (Addr)a < lay.vStart);
   UT_CHECK(VG_(am_check_map)());

   UT_CHECK_EQ(SYS2(__NR_munmap, a + PG, PG), 0);
   UT_CHECK_EQ(kind_at((Addr)a + PG), SkFree);
   UT_CHECK_EQ(kind_at((Addr)a), SkAnonC);
   UT_CHECK_EQ(n_die_munmap, 1);
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));

   /* A file mapping is recorded as one. */
   int fd = open("/bin/true", O_RDONLY);
   long f = SYS6(__NR_mmap, 0, PG, PROT_READ, MAP_PRIVATE, fd, 0);
   UT_CHECK(f > 0);
   UT_CHECK_EQ(kind_at((Addr)f), SkFileC);
   UT_CHECK(memcmp((void*)f, "\177ELF", 4) == 0);
   close(fd);
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
}

UNIT_TEST(mmap_hint_and_fixed_in_client_space)
{
   start_am();
   setup();
   Bool ok = False;
   Addr free_a = VG_(am_get_advisory_client_simple)(0, 16 * PG, &ok);
   UT_CHECK(ok);
   Addr hint = free_a + 4 * PG;
   long a = SYS6(__NR_mmap, hint, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                 -1, 0);
   UT_CHECK_EQ(a, (long)hint);
   /* MAP_FIXED over it (client memory) is allowed and replaces it. */
   long b = SYS6(__NR_mmap, hint, 2 * PG, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
   UT_CHECK_EQ(b, (long)hint);
   UT_CHECK(VG_(am_find_nsegment)(hint + PG)->hasW);
   /* MAP_FIXED_NOREPLACE over it: EEXIST, as Linux. */
   UT_CHECK_EQ(SYS6(__NR_mmap, hint, PG, PROT_READ,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
               -EEXIST);
   /* MAP_32BIT: the kernel's low 2GB, recorded. */
   long low = SYS6(__NR_mmap, 0, PG, PROT_READ,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
   UT_CHECK(low > 0 && low < 0x80000000L);
   UT_CHECK_EQ(kind_at((Addr)low), SkAnonC);
   /* Bad arguments. */
   UT_CHECK_EQ(SYS6(__NR_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                    -1, 0), -EINVAL);
   UT_CHECK_EQ(SYS6(__NR_mmap, hint + 1, PG, PROT_READ,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), -EINVAL);
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
}

static char core_page[2 * PG] __attribute__((aligned(PG)));

UNIT_TEST(the_core_cannot_be_mapped_over_or_unmapped)
{
   start_am();
   setup();
   Addr core = (Addr)core_page;
   core_page[0] = 'K';
   UT_CHECK(VG_(am_is_valid_for_valgrind)(core, PG));
   UT_CHECK_EQ(SYS6(__NR_mmap, core, PG, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), -EINVAL);
   UT_CHECK_EQ(core_page[0], 'K');
   UT_CHECK_EQ(SYS2(__NR_munmap, core, PG), -EINVAL);
   UT_CHECK_EQ(SYS3(__NR_mprotect, core, PG, PROT_NONE), -ENOMEM);
   UT_CHECK_EQ(SYS3(__NR_madvise, core, PG, MADV_DONTNEED), -ENOMEM);
   core_page[1] = 'L';
   UT_CHECK_EQ(core_page[0], 'K');
   /* The code of the core itself. */
   Addr text = (Addr)&VG_(client_syscall) & ~(PG - 1);
   UT_CHECK_EQ(SYS6(__NR_mmap, text, PG, PROT_READ,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), -EINVAL);
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
}

UNIT_TEST(mprotect_updates_the_map)
{
   start_am();
   setup();
   VG_(tdict).track_change_mem_mprotect = t_mprotect;
   long a = SYS6(__NR_mmap, 0, 4 * PG, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   UT_CHECK(a > 0);
   UT_CHECK_EQ(SYS3(__NR_mprotect, a + PG, PG, PROT_READ), 0);
   const NSegment* s = VG_(am_find_nsegment)((Addr)a + PG);
   UT_CHECK(s->hasR && !s->hasW);
   UT_CHECK(VG_(am_find_nsegment)((Addr)a)->hasW);
   UT_CHECK_EQ(n_mprotect, 1);
   /* Length 0: nothing to do. */
   UT_CHECK_EQ(SYS3(__NR_mprotect, a, 0, PROT_NONE), 0);
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
}

UNIT_TEST(mremap_grows_moves_and_shrinks)
{
   start_am();
   setup();
   long a = SYS6(__NR_mmap, 0, 2 * PG, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   UT_CHECK(a > 0);
   ((char*)a)[0] = 'M';
   /* Block growth in place with a mapping right after it. */
   long blocker = SYS6(__NR_mmap, a + 2 * PG, PG, PROT_READ,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
   UT_CHECK_EQ(blocker, a + 2 * (long)PG);
   UT_CHECK_EQ(SYS4(__NR_mremap, a, 2 * PG, 8 * PG, 0), -ENOMEM);
   long b = SYS4(__NR_mremap, a, 2 * PG, 8 * PG, VKI_MREMAP_MAYMOVE);
   UT_CHECK(b > 0 && b != a);
   UT_CHECK_EQ(((char*)b)[0], 'M');
   UT_CHECK_EQ(kind_at((Addr)b + 7 * PG), SkAnonC);
   UT_CHECK_EQ(kind_at((Addr)a), SkFree);
   /* Shrink in place. */
   UT_CHECK_EQ(SYS4(__NR_mremap, b, 8 * PG, 3 * PG, 0), b);
   UT_CHECK_EQ(kind_at((Addr)b + 3 * PG), SkFree);
   UT_CHECK_EQ(kind_at((Addr)b + 2 * PG), SkAnonC);
   /* Grow in place into free space. */
   UT_CHECK_EQ(SYS4(__NR_mremap, b, 3 * PG, 5 * PG, 0), b);
   UT_CHECK_EQ(kind_at((Addr)b + 4 * PG), SkAnonC);
   /* Not the core's memory. */
   UT_CHECK_EQ(SYS4(__NR_mremap, (Addr)core_page, PG, 2 * PG,
                    VKI_MREMAP_MAYMOVE), -EINVAL);
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
}

UNIT_TEST(code_going_away_discards_its_translations)
{
   start_am();
   setup();
   VgTTParams p = { 2, 64, 64 * 1024, NULL };
   VG_(init_tt_tc)(&p);
   long a = SYS6(__NR_mmap, 0, 2 * PG, PROT_READ | PROT_EXEC,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   UT_CHECK(a > 0);
   static const UChar code[16] __attribute__((aligned(8))) = {
      0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90,
      0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0xc3 };
   VexGuestExtents v1, v2;
   memset(&v1, 0, sizeof v1);
   memset(&v2, 0, sizeof v2);
   v1.base[0] = (Addr)a;      v1.len[0] = 16; v1.n_used = 1;
   v2.base[0] = (Addr)a + PG; v2.len[0] = 16; v2.n_used = 1;
   VG_(add_to_transtab)(&v1, v1.base[0], code, sizeof code, False, -1);
   VG_(add_to_transtab)(&v2, v2.base[0], code, sizeof code, False, -1);
   VG_(am_set_segment_hasT)((Addr)a);
   Addr host;
   UT_CHECK(VG_(search_transtab)(&host, (Addr)a, VG_INVALID_THREADID));
   UT_CHECK(VG_(search_transtab)(&host, (Addr)a + PG, VG_INVALID_THREADID));
   /* Taking execute permission away from the second page: its
      translation goes, the first page's stays. */
   UT_CHECK_EQ(SYS3(__NR_mprotect, a + PG, PG, PROT_READ), 0);
   UT_CHECK(!VG_(search_transtab)(&host, (Addr)a + PG, VG_INVALID_THREADID));
   UT_CHECK(VG_(search_transtab)(&host, (Addr)a, VG_INVALID_THREADID));
   /* Unmapping the first. */
   UT_CHECK_EQ(SYS2(__NR_munmap, a, PG), 0);
   UT_CHECK(!VG_(search_transtab)(&host, (Addr)a, VG_INVALID_THREADID));
}

static int n_new_brk, n_die_brk;

static void t_new_brk(Addr a, SizeT len, ThreadId t)
{
   n_new_brk++;
}

static void t_die_brk(Addr a, SizeT len)
{
   n_die_brk++;
}

static void brk_child(void)
{
   start_am();
   setup();
   VG_(clo_verbosity) = 1;
   VG_(tdict).track_new_mem_brk = t_new_brk;
   VG_(tdict).track_die_mem_brk = t_die_brk;
   Bool ok = False;
   Addr base = VG_(am_get_advisory_client_simple)(0, 16 * 1024 * 1024, &ok);
   if (!ok || !VG_(setup_client_dataseg)(base)) {
      printf("no dataseg\n");
      return;
   }
   int fails = 0;
#define EXPECT(c) do { if (!(c)) { fails++; printf("failed: %s\n", #c); } } while (0)
   EXPECT(VG_(brk_base) == base);
   EXPECT(SYS1(__NR_brk, 0) == (long)base);
   const NSegment* s = VG_(am_find_nsegment)(base);
   EXPECT(s->kind == SkAnonC && s->isCH);
   EXPECT(SYS1(__NR_brk, base + 100) == (long)(base + 100));
   memset((void*)base, 'a', 100);
   /* Growing past the first page extends the heap segment. */
   EXPECT(SYS1(__NR_brk, base + 3 * PG + 8) == (long)(base + 3 * PG + 8));
   EXPECT(VG_(am_find_nsegment)(base + 3 * PG)->kind == SkAnonC);
   EXPECT(VG_(am_find_nsegment)(base + 3 * PG)->start == base);
   memset((void*)base, 'b', 3 * PG + 8);
   EXPECT(n_new_brk == 2);
   /* Shrinking gives back zeroed memory. */
   EXPECT(SYS1(__NR_brk, base + 10) == (long)(base + 10));
   EXPECT(n_die_brk == 1);
   EXPECT(SYS1(__NR_brk, base + 2 * PG) == (long)(base + 2 * PG));
   EXPECT(((char*)base)[9] == 'b');
   EXPECT(((char*)base)[10] == 0 && ((char*)base)[PG + 17] == 0);
   /* Below the base, and past the maximum: the old limit. */
   EXPECT(SYS1(__NR_brk, base - PG) == (long)(base + 2 * PG));
   EXPECT(SYS1(__NR_brk, base + 64 * 1024 * 1024)
          == (long)(base + 2 * PG));
   EXPECT(SYS1(__NR_brk, base + 64 * 1024 * 1024)
          == (long)(base + 2 * PG));
   EXPECT(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
   printf("brk fails=%d\n", fails);
}

UNIT_TEST(brk_is_emulated_on_the_client_heap)
{
   int status = ut_run_captured(brk_child, captured, sizeof captured);
   UT_CHECK(WIFEXITED(status));
   UT_CHECK(strstr(captured, "brk fails=0") != NULL);
   /* The overflow message, once. */
   const char* m = strstr(captured, "brk segment overflow in thread #1");
   UT_CHECK(m != NULL);
   UT_CHECK(m && strstr(m + 1, "brk segment overflow") == NULL);
   if (!strstr(captured, "brk fails=0"))
      fprintf(stderr, "  got: %s\n", captured);
}

UNIT_TEST(brk_without_a_heap_fails_softly)
{
   setup();
   UT_CHECK_EQ(SYS1(__NR_brk, 0), 0);
   UT_CHECK_EQ(SYS1(__NR_brk, 0x10000000), 0);
}

UNIT_TEST(shm_attach_and_detach_are_recorded)
{
   start_am();
   setup();
   int id = shmget(IPC_PRIVATE, 3 * PG, IPC_CREAT | 0600);
   if (id < 0) {
      fprintf(stderr, "  (no System V shared memory here: skipped)\n");
      return;
   }
   long a = SYS3(__NR_shmat, id, 0, 0);
   shmctl(id, IPC_RMID, NULL);
   UT_CHECK(a > 0);
   UT_CHECK_EQ(kind_at((Addr)a), SkShmC);
   UT_CHECK_EQ(kind_at((Addr)a + 2 * PG), SkShmC);
   ((char*)a)[3 * PG - 1] = 1;
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
   UT_CHECK_EQ(SYS1(__NR_shmdt, a + PG), -EINVAL);
   UT_CHECK_EQ(SYS1(__NR_shmdt, a), 0);
   UT_CHECK_EQ(kind_at((Addr)a), SkFree);
   UT_CHECK(VG_(am_do_sync_check)("test", __FILE__, __LINE__));
}

/* ------------------------------------------------------------------ */
/* More wrappers                                                        */
/* ------------------------------------------------------------------ */

UNIT_TEST(epoll_and_eventfd)
{
   setup();
   track_all();
   long ep = SYS1(__NR_epoll_create1, EPOLL_CLOEXEC);
   UT_CHECK(ep >= 0);
   long ev = SYS2(__NR_eventfd2, 0, 0);
   UT_CHECK(ev >= 0);
   static struct vki_epoll_event e;
   e.events = EPOLLIN;
   e.data = 77;
   clear_evs();
   UT_CHECK_EQ(SYS4(__NR_epoll_ctl, ep, VKI_EPOLL_CTL_ADD, ev, &e), 0);
   UT_CHECK(ev_is(0, 'R', "epoll_ctl(event)", (Addr)&e, 12));
   unsigned long long one = 1;
   UT_CHECK(write((int)ev, &one, 8) == 8);
   static struct vki_epoll_event out[4];
   clear_evs();
   UT_CHECK_EQ(SYS4(__NR_epoll_wait, ep, out, 4, 0), 1);
   UT_CHECK_EQ(out[0].data, 77);
   CHECK_N_EVS(2);
   UT_CHECK(ev_is(0, 'W', "epoll_wait(events)", (Addr)out, 48));
   UT_CHECK(ev_is(1, 'P', "", (Addr)out, 12));
   close((int)ev);
   close((int)ep);
}

UNIT_TEST(statx_statfs_getcwd_sysinfo)
{
   setup();
   track_all();
   static struct vki_statx sx;
   UT_CHECK_EQ(SYS5(__NR_statx, AT_FDCWD, "/", 0, 0x7ff, &sx), 0);
   UT_CHECK(VKI_S_ISDIR(sx.stx_mode));
   UT_CHECK(ev_is(1, 'W', "statx(buf)", (Addr)&sx, 256));
   UT_CHECK(ev_is(2, 'P', "", (Addr)&sx, 256));
   static struct vki_statfs sf;
   UT_CHECK_EQ(SYS2(__NR_statfs, "/", &sf), 0);
   static char cwd[512];
   clear_evs();
   long n = SYS2(__NR_getcwd, cwd, sizeof cwd);
   UT_CHECK(n > 0);
   UT_CHECK_EQ((long)strlen(cwd) + 1, n);
   UT_CHECK(ev_is(1, 'P', "", (Addr)cwd, (SizeT)n));
   static struct vki_sysinfo si;
   UT_CHECK_EQ(SYS1(__NR_sysinfo, &si), 0);
   UT_CHECK(si.totalram > 0);
   static struct vki_tms tm;
   UT_CHECK(SYS1(__NR_times, &tm) > 0);
   /* newfstatat with an empty name: glibc's fstat. */
   static struct vki_stat st;
   UT_CHECK_EQ(SYS4(__NR_newfstatat, 0, "", &st, VKI_AT_EMPTY_PATH), 0);
}

UNIT_TEST(futex_reads_the_word_only_when_the_kernel_does)
{
   setup();
   track_all();
   static int word = 5;
   /* WAIT with a value that does not match: EAGAIN at once. */
   UT_CHECK_EQ(SYS6(__NR_futex, &word, VKI_FUTEX_WAIT | VKI_FUTEX_PRIVATE_FLAG,
                    4, 0, 0, 0), -EAGAIN);
   CHECK_N_EVS(1);
   UT_CHECK(ev_is(0, 'R', "futex(futex)", (Addr)&word, 4));
   clear_evs();
   UT_CHECK_EQ(SYS6(__NR_futex, &word, VKI_FUTEX_WAKE, 1, 0, 0, 0), 0);
   CHECK_N_EVS(0);
   UT_CHECK_EQ(n_regevs, 4);   /* number, futex, op, val */
   UT_CHECK_EQ(SYS6(__NR_futex, &word, 99, 0, 0, 0, 0), -ENOSYS);
}

UNIT_TEST(vki_layouts_match_the_host)
{
   UT_CHECK_EQ(sizeof(struct vki_stat), sizeof(struct stat));
   UT_CHECK_EQ(sizeof(struct vki_statfs), sizeof(struct statfs));
   UT_CHECK_EQ(sizeof(struct vki_statx), 256);
   UT_CHECK_EQ(sizeof(struct vki_epoll_event), sizeof(struct epoll_event));
   UT_CHECK_EQ(sizeof(struct vki_msghdr), sizeof(struct msghdr));
   UT_CHECK_EQ(offsetof(struct vki_msghdr, msg_controllen),
               offsetof(struct msghdr, msg_controllen));
   UT_CHECK_EQ(sizeof(struct vki_cmsghdr), sizeof(struct cmsghdr));
   UT_CHECK_EQ(sizeof(struct vki_iovec), sizeof(struct iovec));
   UT_CHECK_EQ(sizeof(struct vki_sysinfo), sizeof(struct sysinfo));
   UT_CHECK_EQ(sizeof(struct vki_rusage), sizeof(struct rusage));
   UT_CHECK_EQ(sizeof(struct vki_tms), sizeof(struct tms));
   UT_CHECK_EQ(sizeof(struct vki_flock), sizeof(struct flock));
   UT_CHECK_EQ(sizeof(struct vki_itimerspec), sizeof(struct itimerspec));
   UT_CHECK_EQ(sizeof(struct vki_itimerval), sizeof(struct itimerval));
   UT_CHECK_EQ(sizeof(struct vki_winsize), sizeof(struct winsize));
   UT_CHECK_EQ(sizeof(struct vki_shmid64_ds), sizeof(struct shmid_ds));
   UT_CHECK_EQ(offsetof(struct vki_shmid64_ds, shm_segsz),
               offsetof(struct shmid_ds, shm_segsz));
   UT_CHECK_EQ(sizeof(struct vki_sockaddr_un), 110);
   UT_CHECK_EQ(sizeof(struct vki_termios), 36);
   UT_CHECK_EQ(VKI_TIOCGPTN, TIOCGPTN);
   UT_CHECK_EQ(VKI_FIONREAD, FIONREAD);
   UT_CHECK_EQ(VKI_TIOCGWINSZ, TIOCGWINSZ);
   UT_CHECK_EQ(VKI_FICLONE, 0x40049409);
}
