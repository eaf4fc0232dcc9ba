// The C layer between Graphviz's libraries and CoalitionRender: calls whose signatures differ
// across Graphviz releases (2.42/2.43 on Debian 12 and current ones) behind one stable signature,
// the arena that makes parsing deterministic, and the text-layout plugin that remembers
// measurements. Implemented in support.c; tested by CGraphvizSupportTests.
#ifndef COALITIONGRAPH_CGRAPHVIZ_SUPPORT_H
#define COALITIONGRAPH_CGRAPHVIZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <graphviz/textspan.h>

/// gvRenderData with a size_t length on every release (it was unsigned int before Graphviz 3.0).
int cg_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length);

/// 1 where the spline router of the neato family is fragile (Graphviz 2.x: it aborts or corrupts
/// the heap on some graphs under splines=true, polyline and ortho), so straight edges must be used.
int cg_spline_routing_is_fragile(void);

/// Sets a graph attribute, declaring it if needed.
void cg_set_graph_attribute(Agraph_t *g, const char *name, const char *value);

/// An arena of address space that a parsed graph takes its cgraph memory from, so that the same
/// DOT text always lands at the same addresses (cgraph orders subgraphs and layouts hash by
/// address). One graph uses it at a time; a second graph open at once falls back to the heap.
typedef struct cg_arena_s cg_arena_t;

/// A new, empty arena (address space is reserved on first use); NULL if out of memory.
cg_arena_t *cg_arena_create(void);
/// Releases an arena made by cg_arena_create.
void cg_arena_destroy(cg_arena_t *a);
/// Makes the arena ready for the next graph once the graph using it is closed (agclose), and gives
/// its pages back.
void cg_arena_release(cg_arena_t *a);
/// Bytes of the arena in use by the open graph (0 when none is open), for tests.
size_t cg_arena_used(const cg_arena_t *a);
/// Whether `p` lies in the arena's reserved range, for tests.
int cg_arena_contains(const cg_arena_t *a, const void *p);

/// Parses DOT text like agmemread, with cgraph's memory taken from `arena`.
Agraph_t *cg_memread(const char *text, cg_arena_t *arena);

/// agtail and aghead, which are macros Swift cannot call.
Agnode_t *cg_tail(Agedge_t *e);
Agnode_t *cg_head(Agedge_t *e);

/// Frees a layout, for every engine.
void cg_free_layout(GVC_t *gvc, Agraph_t *g, const char *engine);

/// The text-layout engine's function type and its result type (unsigned char in 2.x, bool later).
typedef __typeof__(((gvtextlayout_engine_t *)0)->textlayout) cg_textlayout_fn;
typedef __typeof__(((gvtextlayout_engine_t *)0)->textlayout(NULL, NULL)) cg_textlayout_result;

/// The engine's "could not measure" result.
cg_textlayout_result cg_textlayout_failed(void);

/// pango's text-layout function, if Graphviz has loaded its pango plugin into this process; NULL
/// otherwise, and always NULL on systems other than Linux.
cg_textlayout_fn cg_pango_textlayout(void);

/// A builtin-plugin list, for gvContextPlugins, holding one text-layout plugin that calls `layout`,
/// ranked above pango. Kept for the life of the process; NULL if out of memory.
const lt_symlist_t *cg_textlayout_builtins(cg_textlayout_fn layout);

#endif
