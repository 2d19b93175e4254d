/* The kernel interface, for the core. */
#ifndef __PUB_CORE_VKI_H
#define __PUB_CORE_VKI_H
#include "pub_core_basics.h"
#include "pub_tool_vki.h"
#endif
