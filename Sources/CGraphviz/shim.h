// The C surface CoalitionRender uses. Calls whose signatures differ across Graphviz releases are
// wrapped here, so the Swift side sees one stable signature (Graphviz 2.42/2.43 on Debian 12 and
// current releases).
#ifndef COALITIONGRAPH_CGRAPHVIZ_SHIM_H
#define COALITIONGRAPH_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

// gvRenderData's length became size_t in Graphviz 3.0; 2.x used unsigned int.
static inline int cg_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
  return gvRenderData(gvc, g, format, result, length);
#else
  unsigned int len = 0;
  int rc = gvRenderData(gvc, g, (char *)format, result, &len);
  *length = (size_t)len;
  return rc;
#endif
}

// agmemread took a non-const char * in older releases.
static inline Agraph_t *cg_memread(const char *text) { return agmemread((char *)text); }

// agtail and aghead are macros, which Swift cannot call.
static inline Agnode_t *cg_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *cg_head(Agedge_t *e) { return aghead(e); }

#endif
