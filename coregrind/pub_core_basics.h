/* What every core module includes first: the tool-visible basics plus the
   build's configuration (target architecture and OS). */
#ifndef __PUB_CORE_BASICS_H
#define __PUB_CORE_BASICS_H

#include "config.h"
#include "pub_tool_basics.h"

#endif
