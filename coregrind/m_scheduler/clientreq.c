/* Client requests (include/valgrind.h): the ones the core answers, and
   handing the others to the tool.

   The request block is six words of client memory: the request code and
   five arguments.  Its address is in the guest's request register
   (amd64: %rax) and the default result in its result register (%rdx);
   a handled request's result replaces the default, an unhandled one
   leaves it.  Requests the core does not know go to the tool when it
   asked for client requests (VG_(needs_client_requests)): its own
   (VG_USERREQ_TOOL_BASE) and the heap ones of valgrind.h
   (MALLOCLIKE_BLOCK, mempools, ...). */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_libcbase.h"
#include "pub_core_libcassert.h"
#include "pub_core_libcprint.h"
#include "pub_core_aspacemgr.h"
#include "pub_core_threadstate.h"
#include "pub_core_tooliface.h"
#include "pub_core_transtab.h"
#include "priv_scheduler.h"
#include "valgrind.h"

#if defined(VGA_amd64)
#  define CLREQ_ARGS(tst)    ((tst)->arch.vex.guest_RAX)
#  define CLREQ_RET(tst)     ((tst)->arch.vex.guest_RDX)
#  define OFFB_CLREQ_RET     __builtin_offsetof(VexGuestAMD64State, guest_RDX)
#  define GUEST_IP(tst)      ((tst)->arch.vex.guest_RIP)
#else
#  error "m_scheduler: client requests of this architecture not done yet"
#endif

/* Prints the client's message: FMT with the arguments of the client's
   va_list.  Guest and host are the same architecture, so the client's
   va_list is one the core's printf can walk.  VA is the request's second
   argument: the va_list's address (the _VALIST_BY_REF requests), or the
   va_list itself (the deprecated by-value ones), which on amd64, where
   va_list is an array, is the same address. */
static UInt print_client_msg(ThreadId tid, const HChar* fmt, UWord va,
                             Bool by_ref, Bool backtrace)
{
   if (!VG_(am_is_valid_for_client)((Addr)fmt, 1, VKI_PROT_READ))
      return 0;
#if defined(VGA_amd64)
   (void)by_ref;
   va_list* vargsp = (va_list*)va;
#else
#  error "print_client_msg: va_list passing of this architecture"
#endif
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
   UInt n = VG_(vmessage)(Vg_ClientMsg, fmt, *vargsp);
#pragma GCC diagnostic pop
   if (backtrace)
      ML_(sched_pp_frame)((Addr)GUEST_IP(VG_(get_ThreadState)(tid)), True);
   return n;
}

typedef UWord (*ClientCall0)(ThreadId);
typedef UWord (*ClientCall1)(ThreadId, UWord);
typedef UWord (*ClientCall2)(ThreadId, UWord, UWord);
typedef UWord (*ClientCall3)(ThreadId, UWord, UWord, UWord);

static UInt next_stack_id = 1;

/* The core's own requests: True when handled, with *RET. */
static Bool core_request(ThreadId tid, const UWord* arg, UWord* ret)
{
   *ret = 0;
   switch (arg[0]) {
      case VG_USERREQ__RUNNING_ON_VALGRIND:
         *ret = 1;
         return True;
      case VG_USERREQ__DISCARD_TRANSLATIONS:
         VG_(discard_translations)((Addr)arg[1], arg[2],
                                   "scheduler(VALGRIND_DISCARD_TRANSLATIONS)");
         return True;

      /* Client functions, run on the real CPU with the thread id first. */
      case VG_USERREQ__CLIENT_CALL0:
         *ret = ((ClientCall0)arg[1])(tid);
         return True;
      case VG_USERREQ__CLIENT_CALL1:
         *ret = ((ClientCall1)arg[1])(tid, arg[2]);
         return True;
      case VG_USERREQ__CLIENT_CALL2:
         *ret = ((ClientCall2)arg[1])(tid, arg[2], arg[3]);
         return True;
      case VG_USERREQ__CLIENT_CALL3:
         *ret = ((ClientCall3)arg[1])(tid, arg[2], arg[3], arg[4]);
         return True;

      case VG_USERREQ__PRINTF:
         *ret = print_client_msg(tid, (const HChar*)arg[1], arg[2], False,
                                 False);
         return True;
      case VG_USERREQ__PRINTF_VALIST_BY_REF:
         *ret = print_client_msg(tid, (const HChar*)arg[1], arg[2], True,
                                 False);
         return True;
      case VG_USERREQ__PRINTF_BACKTRACE:
         *ret = print_client_msg(tid, (const HChar*)arg[1], arg[2], False,
                                 True);
         return True;
      case VG_USERREQ__PRINTF_BACKTRACE_VALIST_BY_REF:
         *ret = print_client_msg(tid, (const HChar*)arg[1], arg[2], True,
                                 True);
         return True;

      /* No error manager yet: no errors. */
      case VG_USERREQ__COUNT_ERRORS:
         return True;
      case VG_USERREQ__CHANGE_ERR_DISABLEMENT:
         return True;

      /* No stack registry yet: ids are handed out, nothing is kept. */
      case VG_USERREQ__STACK_REGISTER:
         *ret = next_stack_id++;
         return True;
      case VG_USERREQ__STACK_DEREGISTER:
      case VG_USERREQ__STACK_CHANGE:
         return True;

      /* No debug information yet: an empty location. */
      case VG_USERREQ__MAP_IP_TO_SRCLOC: {
         HChar* buf64 = (HChar*)arg[2];
         if (VG_(am_is_valid_for_client)((Addr)buf64, 64,
                                         VKI_PROT_WRITE))
            buf64[0] = 0;
         return True;
      }
      /* No gdbserver: the command is not recognised. */
      case VG_USERREQ__GDB_MONITOR_COMMAND:
         *ret = 1;
         return True;
      case VG_USERREQ__CLO_CHANGE:
      case VG_USERREQ__LOAD_PDB_DEBUGINFO:
      case VG_USERREQ__VEX_INIT_FOR_IRI:
      case VG_USERREQ__INNER_THREADS:
         return True;
      default:
         return False;
   }
}

void ML_(sched_client_request)(ThreadId tid)
{
   static Bool whined = False;
   ThreadState* tst = VG_(get_ThreadState)(tid);
   UWord* arg = (UWord*)CLREQ_ARGS(tst);
   /* A block the client cannot read is no request: the default stays. */
   if (!VG_(am_is_valid_for_client)((Addr)arg, 6 * sizeof(UWord),
                                    VKI_PROT_READ))
      return;

   UWord ret;
   Bool handled = core_request(tid, arg, &ret);
   if (!handled && VG_(needs).client_requests
       && VG_(tdict).tool_handle_client_request != NULL)
      handled = VG_(tdict).tool_handle_client_request(tid, arg, &ret);

   if (handled) {
      CLREQ_RET(tst) = ret;
      if (VG_(tdict).track_post_reg_write)
         VG_(tdict).track_post_reg_write(Vg_CoreClientReq, tid,
                                         OFFB_CLREQ_RET, sizeof(UWord));
   } else if (!whined && VG_(clo_verbosity) > 2) {
      /* A tool's requests carry its two letters in their top bytes. */
      HChar c1 = (HChar)((arg[0] >> 24) & 0xff);
      HChar c2 = (HChar)((arg[0] >> 16) & 0xff);
      VG_(umsg)("Warning:\n");
      VG_(umsg)("  unhandled client request: 0x%lx (%c%c+0x%lx).  "
                "Perhaps\n", arg[0], c1 ? c1 : '_', c2 ? c2 : '_',
                arg[0] & 0xffff);
      VG_(umsg)("  VG_(needs).client_requests should be set?\n");
      whined = True;
   }
}
