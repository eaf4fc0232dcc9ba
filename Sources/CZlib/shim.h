// zlib, for the zip and gzip files GDELT is published in. Debian: zlib1g-dev; macOS has it.
#ifndef COALITIONGRAPH_CZLIB_SHIM_H
#define COALITIONGRAPH_CZLIB_SHIM_H
#include <zlib.h>
#endif
