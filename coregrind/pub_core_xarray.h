/* Growable arrays, for the core (module m_xarray). */
#ifndef __PUB_CORE_XARRAY_H
#define __PUB_CORE_XARRAY_H
#include "pub_core_basics.h"
#include "pub_tool_xarray.h"
#endif
