/* Translation return codes: why translated code left through the
   dispatcher's "assisted" entry (disp_cp_xassisted).

   Shared by VEX (the instruction selectors map each IRJumpKind of an
   assisted exit to one of these) and the core (the scheduler acts on
   them).  The host-specific exit protocol delivers the value in a
   register after storing the next guest PC in the guest state; on amd64
   it is %ebp (see VEX/priv/host_amd64_defs.h).

   The values are small odd numbers so that they can never be mistaken
   for a pointer to the (aligned) guest state, which is what that register
   holds everywhere else.  Which IRJumpKind gives which code:

      Ijk_Boring, Ijk_Call, Ijk_Ret   VEX_TRC_JMP_BORING (only when the
                                      exit cannot be chained: chaining
                                      disabled)
      Ijk_ClientReq                   VEX_TRC_JMP_CLIENTREQ
      Ijk_Yield                       VEX_TRC_JMP_YIELD
      Ijk_EmWarn, Ijk_EmFail          VEX_TRC_JMP_EMWARN, _EMFAIL
      Ijk_NoDecode                    VEX_TRC_JMP_NODECODE
      Ijk_MapFail                     VEX_TRC_JMP_MAPFAIL
      Ijk_InvalICache                 VEX_TRC_JMP_INVALICACHE
      Ijk_FlushDCache                 VEX_TRC_JMP_FLUSHDCACHE
      Ijk_NoRedir                     VEX_TRC_JMP_NOREDIR
      Ijk_SigILL .. Ijk_SigFPE_IntOvf VEX_TRC_JMP_SIG*
      Ijk_Sys_*                       VEX_TRC_JMP_SYS_*

   Freestanding: no system headers. */
#ifndef __LIBVEX_TRC_VALUES_H
#define __LIBVEX_TRC_VALUES_H

#define VEX_TRC_JMP_BORING         17  /* ordinary jump, chaining disabled */
#define VEX_TRC_JMP_CLIENTREQ      19  /* a client request */
#define VEX_TRC_JMP_YIELD          21  /* let another thread run */
#define VEX_TRC_JMP_EMWARN         23  /* an emulation warning, then go on */
#define VEX_TRC_JMP_EMFAIL         25  /* emulation failure: stop */
#define VEX_TRC_JMP_NODECODE       27  /* undecodable instruction */
#define VEX_TRC_JMP_MAPFAIL        29  /* guest address not mapped */
#define VEX_TRC_JMP_INVALICACHE    31  /* discard translations of a range */
#define VEX_TRC_JMP_FLUSHDCACHE    33  /* flush the data cache for a range */
#define VEX_TRC_JMP_NOREDIR        35  /* jump without redirection */
#define VEX_TRC_JMP_SIGILL         37  /* deliver SIGILL */
#define VEX_TRC_JMP_SIGTRAP        39  /* deliver SIGTRAP */
#define VEX_TRC_JMP_SIGSEGV        41  /* deliver SIGSEGV */
#define VEX_TRC_JMP_SIGBUS         43  /* deliver SIGBUS */
#define VEX_TRC_JMP_SIGFPE_INTDIV  45  /* deliver SIGFPE (integer divide) */
#define VEX_TRC_JMP_SIGFPE_INTOVF  47  /* deliver SIGFPE (integer overflow) */
#define VEX_TRC_JMP_SYS_SYSCALL    49  /* amd64 syscall */
#define VEX_TRC_JMP_SYS_INT32      51  /* int $0x20 */
#define VEX_TRC_JMP_SYS_INT128     53  /* int $0x80 */
#define VEX_TRC_JMP_SYS_INT129     55  /* int $0x81 */
#define VEX_TRC_JMP_SYS_INT130     57  /* int $0x82 */
#define VEX_TRC_JMP_SYS_INT145     59  /* int $0x91 */
#define VEX_TRC_JMP_SYS_INT210     61  /* int $0xD2 */
#define VEX_TRC_JMP_SYS_SYSENTER   63  /* x86 sysenter */

#endif /* __LIBVEX_TRC_VALUES_H */
