/* The superblock profile: its options and Valgrind's "SB Profile"
   report (see pub_core_sbprofile.h).

   A report takes the counts from the translation table (resetting
   them), adds up those of one guest address (a live translation and
   discarded ones), sorts them by count and prints the top ones: the
   rank, the running total and the count, each with its share of the
   total score, the guest address and the function.  With flags, each
   top superblock is then translated again from its guest code, traced
   with the flags (nothing is added to the table), and the list follows
   once more, bottom up, so that it ends next to the hottest one. */
#include "pub_core_basics.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_mallocfree.h"
#include "pub_core_options.h"
#include "pub_core_debuginfo.h"
#include "pub_core_transtab.h"
#include "pub_core_translate.h"
#include "pub_core_scheduler.h"
#include "pub_core_sbprofile.h"

/* How many superblocks a report lists (Valgrind's numbers). */
#define N_TOPS_AT_EXIT     200
#define N_TOPS_PER_INTERVAL 20

Bool VG_(clo_profile_sbs)      = False;
Int  VG_(clo_profile_flags)    = 0;
Long VG_(clo_profile_interval) = 0;

/* ------------------------------------------------------------------ */
/* Options                                                              */

Bool VG_(sbprofile_process_cmd_line_option)(const HChar* arg)
{
   if (VG_(trace_flags_clo)(arg, "--profile-flags",
                            &VG_(clo_profile_flags))) {
      VG_(clo_profile_sbs) = True;
      return True;
   }
   return VG_BINT_CLO(arg, "--profile-interval", VG_(clo_profile_interval),
                      0, 9223372036854775807LL);
}

void VG_(sbprofile_print_usage)(void)
{
   VG_(printf)(
"    --profile-flags=<XXXXXXXX> ditto, but for profiling (X = 0|1) [00000000]\n"
"    --profile-interval=<number> show profile every <number> event checks\n"
"                                [0, meaning only at the end of the run]\n");
}

/* ------------------------------------------------------------------ */
/* Gathering the counts                                                 */

static Int cmp_by_guest(const void* a, const void* b)
{
   const VgSBCount* x = a;
   const VgSBCount* y = b;
   return x->guest < y->guest ? -1 : x->guest > y->guest ? 1 : 0;
}

/* Highest count first; equal counts by guest address. */
static Int cmp_by_count(const void* a, const void* b)
{
   const VgSBCount* x = a;
   const VgSBCount* y = b;
   if (x->count != y->count)
      return x->count > y->count ? -1 : 1;
   return cmp_by_guest(a, b);
}

/* Sums the counts of each guest address in ARR (N of them) into one
   entry; returns how many entries are left. */
static SizeT merge_by_guest(VgSBCount* arr, SizeT n)
{
   if (n == 0)
      return 0;
   VG_(ssort)(arr, n, sizeof *arr, cmp_by_guest);
   SizeT out = 0;
   for (SizeT i = 1; i < n; i++) {
      if (arr[i].guest == arr[out].guest)
         arr[out].count += arr[i].count;
      else
         arr[++out] = arr[i];
   }
   return out + 1;
}

/* ------------------------------------------------------------------ */
/* The report                                                           */

static UInt n_reports = 0;

static void print_rank(SizeT rank, ULong cumulative, ULong total,
                       const VgSBCount* c)
{
   const HChar* fnname;
   if (!VG_(get_fnname_w_offset)(c->guest, &fnname))
      fnname = "???";
   VG_(printf)("%3lu: (%9llu %5.2f%%)   %9llu %5.2f%%      0x%lx %s\n",
               rank, cumulative, 100.0 * (double)cumulative / (double)total,
               c->count, 100.0 * (double)c->count / (double)total,
               c->guest, fnname);
}

/* TOPS[0..N_TOPS-1], the hottest first, translated again and traced
   with the profile flags, each between its begin and end lines. */
static void print_details(ThreadId tid, const VgSBCount* tops, SizeT n_tops,
                          ULong total)
{
   VG_(printf)("\n"
"-----------------------------------------------------------\n"
"--- SB Profile (SB details)                             ---\n"
"-----------------------------------------------------------\n"
               "\n");
   ULong cumulative = 0;
   for (SizeT r = 0; r < n_tops; r++) {
      cumulative += tops[r].count;
      VG_(printf)("\n=-=-=-=-=-=-=-=-=-=-=-=-=-= begin SB rank %lu "
                  "=-=-=-=-=-=-=-=-=-=-=-=-=-=\n\n", r);
      print_rank(r, cumulative, total, &tops[r]);
      VG_(printf)("\n");
      /* Code unmapped since it ran is not translated: VG_(translate)
         says so ("translations not allowed here"). */
      (void)VG_(translate)(tid, tops[r].guest, True,
                           VG_(clo_profile_flags), 0, True);
      VG_(printf)("\n=-=-=-=-=-=-=-=-=-=-=-=-=-=  end SB rank %lu  "
                  "=-=-=-=-=-=-=-=-=-=-=-=-=-=\n\n", r);
   }
   /* The list again, bottom up, ending at the hottest. */
   for (SizeT r = n_tops; r > 0; r--) {
      print_rank(r - 1, cumulative, total, &tops[r - 1]);
      cumulative -= tops[r - 1].count;
   }
   VG_(printf)("rank  ---cumulative---      -----self-----\n");
}

/* Reports the profile gathered since the last report (and starts the
   counts again), listing at most MAX_TOPS superblocks; WHEN says what
   part of the run it covers.  Nothing is printed when nothing ran. */
static void report(ThreadId tid, const HChar* when, SizeT max_tops)
{
   vg_assert(VG_(is_BigLock_exclusive)(tid));
   XArray* counts = VG_(newXA)(VG_(malloc), "sbprofile.counts", VG_(free),
                               sizeof(VgSBCount));
   VG_(tt_get_profile)(counts, True);
   SizeT n = (SizeT)VG_(sizeXA)(counts);
   VgSBCount* arr = n > 0 ? VG_(indexXA)(counts, 0) : NULL;
   n = merge_by_guest(arr, n);
   ULong total = 0;
   for (SizeT i = 0; i < n; i++)
      total += arr[i].count;
   if (total == 0) {
      VG_(deleteXA)(counts);
      return;
   }
   VG_(ssort)(arr, n, sizeof *arr, cmp_by_count);
   SizeT n_tops = n < max_tops ? n : max_tops;

   n_reports++;
   VG_(printf)("\n"
"<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<\n"
"<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<---<<<\n"
               "\n<<< BEGIN SB Profile #%u (%s)\n<<<\n\n", n_reports, when);
   VG_(printf)("Total score = %'llu\n\n", total);
   VG_(printf)("rank  ---cumulative---      -----self-----\n");
   ULong cumulative = 0;
   for (SizeT r = 0; r < n_tops; r++) {
      cumulative += arr[r].count;
      print_rank(r, cumulative, total, &arr[r]);
   }
   if (VG_(clo_profile_flags) != 0)
      print_details(tid, arr, n_tops, total);
   VG_(printf)("\n>>>\n>>> END SB Profile #%u (%s)\n>>>\n"
">>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>\n"
">>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>--->>>\n"
               "\n", n_reports, when);
   VG_(deleteXA)(counts);
}

/* ------------------------------------------------------------------ */
/* When to report                                                       */

/* Event checks run by all threads, and when the next interval's report
   is due.  Only the thread holding the big lock exclusively touches
   them. */
static ULong evchecks_done = 0;
static ULong next_report_at = 0;

static void report_interval(ThreadId tid)
{
   HChar when[48];
   VG_(snprintf)(when, sizeof when, "%'llu ecs done", evchecks_done);
   report(tid, when, N_TOPS_PER_INTERVAL);
}

void VG_(sbprofile_evchecks_done)(ThreadId tid, ULong n)
{
   vg_assert(VG_(clo_profile_interval) > 0);
   if (!VG_(clo_profile_sbs))
      return;
   evchecks_done += n;
   if (next_report_at == 0)
      next_report_at = (ULong)VG_(clo_profile_interval);
   if (evchecks_done < next_report_at)
      return;
   report_interval(tid);
   next_report_at = evchecks_done + (ULong)VG_(clo_profile_interval);
}

void VG_(sbprofile_at_exit)(ThreadId tid)
{
   if (!VG_(clo_profile_sbs))
      return;
   /* With an interval, what ran since the last report (Valgrind drops
      it). */
   if (VG_(clo_profile_interval) == 0)
      report(tid, "for the entire run", N_TOPS_AT_EXIT);
   else
      report_interval(tid);
}
