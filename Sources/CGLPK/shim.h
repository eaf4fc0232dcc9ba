// The GNU Linear Programming Kit (GLPK), as CoalitionExact uses it. Debian: libglpk-dev;
// Homebrew: glpk. GLPK has no pkg-config file: the header and library are found on the default
// search paths.
#ifndef COALITIONGRAPH_CGLPK_SHIM_H
#define COALITIONGRAPH_CGLPK_SHIM_H
#include <glpk.h>
#endif
