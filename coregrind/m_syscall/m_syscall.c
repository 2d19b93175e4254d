/* System calls: decoding the kernel's raw result, and errno names. */
#include "pub_core_basics.h"
#include "pub_core_vki.h"
#include "pub_core_syscall.h"

SysRes VG_(mk_SysRes_Error)(UWord err)
{
   SysRes r = { err, True };
   return r;
}

SysRes VG_(mk_SysRes_Success)(UWord val)
{
   SysRes r = { val, False };
   return r;
}

/* On every Linux target a result in [-4095, -1] is a negated errno. */
SysRes VG_(do_syscall)(UWord sysno, UWord a1, UWord a2, UWord a3,
                       UWord a4, UWord a5, UWord a6)
{
   UWord raw = VG_(do_syscall_raw)(sysno, a1, a2, a3, a4, a5, a6);
   if (raw > (UWord)-4096)
      return VG_(mk_SysRes_Error)(-raw);
   return VG_(mk_SysRes_Success)(raw);
}

/* glibc's wording, for the errors the core reports: all of errno-base
   and the common ones beyond it. */
const HChar* VG_(strerror)(UWord errnum)
{
   switch (errnum) {
      case VKI_EPERM:   return "Operation not permitted";
      case VKI_ENOENT:  return "No such file or directory";
      case VKI_ESRCH:   return "No such process";
      case VKI_EINTR:   return "Interrupted system call";
      case VKI_EIO:     return "Input/output error";
      case VKI_ENXIO:   return "No such device or address";
      case VKI_E2BIG:   return "Argument list too long";
      case VKI_ENOEXEC: return "Exec format error";
      case VKI_EBADF:   return "Bad file descriptor";
      case VKI_ECHILD:  return "No child processes";
      case VKI_EAGAIN:  return "Resource temporarily unavailable";
      case VKI_ENOMEM:  return "Cannot allocate memory";
      case VKI_EACCES:  return "Permission denied";
      case VKI_EFAULT:  return "Bad address";
      case VKI_ENOTBLK: return "Block device required";
      case VKI_EBUSY:   return "Device or resource busy";
      case VKI_EEXIST:  return "File exists";
      case VKI_EXDEV:   return "Invalid cross-device link";
      case VKI_ENODEV:  return "No such device";
      case VKI_ENOTDIR: return "Not a directory";
      case VKI_EISDIR:  return "Is a directory";
      case VKI_EINVAL:  return "Invalid argument";
      case VKI_ENFILE:  return "Too many open files in system";
      case VKI_EMFILE:  return "Too many open files";
      case VKI_ENOTTY:  return "Inappropriate ioctl for device";
      case VKI_ETXTBSY: return "Text file busy";
      case VKI_EFBIG:   return "File too large";
      case VKI_ENOSPC:  return "No space left on device";
      case VKI_ESPIPE:  return "Illegal seek";
      case VKI_EROFS:   return "Read-only file system";
      case VKI_EMLINK:  return "Too many links";
      case VKI_EPIPE:   return "Broken pipe";
      case VKI_EDOM:    return "Numerical argument out of domain";
      case VKI_ERANGE:  return "Numerical result out of range";
      case VKI_EDEADLK: return "Resource deadlock avoided";
      case VKI_ENAMETOOLONG: return "File name too long";
      case VKI_ENOLCK:  return "No locks available";
      case VKI_ENOSYS:  return "Function not implemented";
      case VKI_ENOTEMPTY: return "Directory not empty";
      case VKI_ELOOP:   return "Too many levels of symbolic links";
      case VKI_ENODATA: return "No data available";
      case VKI_EOVERFLOW: return "Value too large for defined data type";
      case VKI_EILSEQ:  return "Invalid or incomplete multibyte or wide character";
      case VKI_ENOTSOCK: return "Socket operation on non-socket";
      case VKI_EOPNOTSUPP: return "Operation not supported";
      case VKI_EADDRINUSE: return "Address already in use";
      case VKI_ECONNRESET: return "Connection reset by peer";
      case VKI_ETIMEDOUT: return "Connection timed out";
      case VKI_ECONNREFUSED: return "Connection refused";
      case VKI_ESTALE:  return "Stale file handle";
      case VKI_EDQUOT:  return "Disk quota exceeded";
      default:          return "Unknown error";
   }
}
