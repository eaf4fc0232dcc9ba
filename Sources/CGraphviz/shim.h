// Graphviz's own headers, as CoalitionRender sees them (pkg-config libgvc). The small C layer
// that the Swift side needs around them — version shims, the deterministic arena, the text-layout
// plugin — is the C target CGraphvizSupport, with its own tests.
#ifndef COALITIONGRAPH_CGRAPHVIZ_SHIM_H
#define COALITIONGRAPH_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <graphviz/textspan.h>

#endif
