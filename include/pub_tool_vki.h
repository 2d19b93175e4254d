/* The kernel interface (vki_ names) for tools and core alike. */
#ifndef __PUB_TOOL_VKI_H
#define __PUB_TOOL_VKI_H
#include "vki/vki-linux.h"
#endif
