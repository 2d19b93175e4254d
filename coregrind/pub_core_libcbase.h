/* Strings, numbers and memory without libc, for the core (module
   m_libcbase).  The core uses exactly what tools see. */
#ifndef __PUB_CORE_LIBCBASE_H
#define __PUB_CORE_LIBCBASE_H

#include "pub_core_basics.h"
#include "pub_tool_libcbase.h"

#endif
