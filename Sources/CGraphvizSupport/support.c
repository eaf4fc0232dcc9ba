// The C layer between Graphviz's libraries and CoalitionRender (see include/CGraphvizSupport.h).
#if defined(__linux__)
#define _GNU_SOURCE  // dl_iterate_phdr and struct dl_phdr_info in full
#endif
#include "CGraphvizSupport.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#if defined(__linux__)
#include <link.h>
#endif

// gvRenderData's length became size_t in Graphviz 3.0; 2.x used unsigned int.
int cg_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
  return gvRenderData(gvc, g, format, result, length);
#else
  unsigned int len = 0;
  int rc = gvRenderData(gvc, g, (char *)format, result, &len);
  *length = (size_t)len;
  return rc;
#endif
}

// The spline router of the neato family (neato, fdp, sfdp, twopi, circo) in Graphviz 2.x aborts or
// corrupts the heap on some graphs (seen with 2.43 on a 61-node GDELT map: "malloc(): invalid size"
// under splines=true, polyline and ortho; the command-line tools crash the same way). Straight edges
// (splines=line) never route and are safe. Returns 1 where that applies.
int cg_spline_routing_is_fragile(void) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
  return 0;
#else
  return 1;
#endif
}

// Sets a graph attribute, declaring it if needed.
void cg_set_graph_attribute(Agraph_t *g, const char *name, const char *value) {
  agsafeset(g, (char *)name, (char *)value, (char *)"");
}

// ---------------------------------------------------------------------------------------------
// Deterministic parsing.
//
// cgraph names objects by the address of their interned name string, keeps subgraphs in
// dictionaries ordered by that ID, and layouts hash such pointers. With the default allocator,
// object addresses (and so the order of clusters and the final drawing) depend on what the
// process allocated before: an sfdp layout was enough to reorder the clusters of the next dot
// layout. Graphs parsed here take their cgraph memory from an arena at a fixed range of address
// space, reset after each graph, so the same DOT text always lands at the same addresses.
// The renderer owns one arena and serialises calls behind its lock, so one graph uses it at a
// time; a second graph open at the same time would get a private arena.

struct cg_arena_s {
  char *base;      // reserved range, zero-filled by the kernel
  size_t size;
  size_t used;
  void *last;      // the most recent allocation, which resize may grow in place
  size_t lastSize;
  int busy;
  // The state of a graph whose memory comes from the heap instead (a second graph while this one
  // is in use): base is NULL, so every allocation falls back to calloc and every free to free.
  struct cg_arena_s *heapOnly;
};

static const size_t cg_arena_reserve = (size_t)1 << 33;  // 8 GiB of address space, committed on use

// A discipline that carries the arena it allocates from.
typedef struct {
  Agdisc_t disc;
  cg_arena_t *arena;
} cg_disc_t;

static int cg_arena_map(cg_arena_t *a) {
  void *p = mmap(NULL, cg_arena_reserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return 0;
  a->base = (char *)p;
  a->size = cg_arena_reserve;
  return 1;
}


static void *cg_arena_open(Agdisc_t *disc) {
  cg_arena_t *a = ((cg_disc_t *)disc)->arena;
  // A second graph while the arena is in use (or no address space): that graph uses the heap.
  if (a->busy || (!a->base && !cg_arena_map(a))) return a->heapOnly;
  a->busy = 1;
  a->used = 0;
  a->last = NULL;
  a->lastSize = 0;
  return a;
}

static void *cg_arena_alloc(void *state, size_t req) {
  cg_arena_t *a = (cg_arena_t *)state;
  size_t size = (req + 15) & ~(size_t)15;
  if (a->base && a->used + size <= a->size) {
    void *p = a->base + a->used;
    a->used += size;
    a->last = p;
    a->lastSize = size;
    return p;
  }
  return calloc(1, req ? req : 1);  // reservation exhausted or unavailable: fall back to the heap
}

static int cg_arena_owns(cg_arena_t *a, void *p) {
  return a->base && (char *)p >= a->base && (char *)p < a->base + a->size;
}

static void *cg_arena_resize(void *state, void *ptr, size_t old, size_t req) {
  cg_arena_t *a = (cg_arena_t *)state;
  if (!ptr) return cg_arena_alloc(state, req);
  if (!cg_arena_owns(a, ptr)) {
    char *p = (char *)realloc(ptr, req);
    if (p && req > old) memset(p + old, 0, req - old);
    return p;
  }
  size_t size = (req + 15) & ~(size_t)15;
  if (ptr == a->last && (char *)ptr + size <= a->base + a->size) {  // grow or shrink in place
    if (size >= a->lastSize) {
      a->used += size - a->lastSize;
    } else {
      memset((char *)ptr + size, 0, a->lastSize - size);
      a->used -= a->lastSize - size;
    }
    if (req < size) memset((char *)ptr + req, 0, size - req);
    a->lastSize = size;
    return ptr;
  }
  void *p = cg_arena_alloc(state, req);
  if (p) memcpy(p, ptr, old < req ? old : req);
  return p;
}

static void cg_arena_free(void *state, void *ptr) {
  cg_arena_t *a = (cg_arena_t *)state;
  if (ptr && !cg_arena_owns(a, ptr)) free(ptr);  // arena memory is released as a whole on close
}

size_t cg_arena_used(const cg_arena_t *a) { return a->busy ? a->used : 0; }

int cg_arena_contains(const cg_arena_t *a, const void *p) {
  return a->base && (const char *)p >= a->base && (const char *)p < a->base + a->size;
}

/// Makes the arena ready for the next graph once the graph using it is closed (agclose), and gives
/// its pages back (the kernel zero-fills them when they are touched again).
///
/// The discipline has no close function on purpose: with one, cgraph's agclose of a root graph
/// skips freeing its objects one by one and leaves the heap to that function, which leaked every
/// dictionary header that cdt allocates with malloc (about 5 KB a render on the seed map).
/// Without one, agclose frees each object (arena memory is left alone by cg_arena_free) and this
/// call resets the arena.
void cg_arena_release(cg_arena_t *a) {
  if (!a->busy) return;
  if (a->used) madvise(a->base, a->used, MADV_DONTNEED);
  a->used = 0;
  a->last = NULL;
  a->lastSize = 0;
  a->busy = 0;
}

typedef struct {
  const char *text;
  size_t length;
  size_t position;
} cg_reader_t;

// Hands the parser one line (or as much as fits) at a time, like reading a file.
static int cg_reader_read(void *chan, char *buf, int bufsize) {
  cg_reader_t *r = (cg_reader_t *)chan;
  int n = 0;
  while (n < bufsize && r->position < r->length) {
    char c = r->text[r->position++];
    buf[n++] = c;
    if (c == '\n') break;
  }
  return n;
}

/// A new, empty shared arena (address space is reserved on first use).
cg_arena_t *cg_arena_create(void) {
  cg_arena_t *a = (cg_arena_t *)calloc(1, sizeof(cg_arena_t));
  if (a && !(a->heapOnly = (cg_arena_t *)calloc(1, sizeof(cg_arena_t)))) {
    free(a);
    return NULL;
  }
  return a;
}

/// Releases an arena made by cg_arena_create.
void cg_arena_destroy(cg_arena_t *a) {
  if (a->base) munmap(a->base, a->size);
  free(a->heapOnly);
  free(a);
}

/// Parses DOT text like agmemread, with cgraph's memory taken from `arena`.
Agraph_t *cg_memread(const char *text, cg_arena_t *arena) {
  static Agmemdisc_t mem = {cg_arena_open, cg_arena_alloc, cg_arena_resize, cg_arena_free, NULL};
  static Agiodisc_t io;
  io.afread = cg_reader_read;
  io.putstr = AgIoDisc.putstr;
  io.flush = AgIoDisc.flush;
  cg_disc_t disc = {{&mem, &AgIdDisc, &io}, arena};
  cg_reader_t reader = {text, strlen(text), 0};
  agreadline(1);  // line numbers in syntax errors count from this document's first line
  return agread(&reader, &disc.disc);
}

// agtail and aghead are macros, which Swift cannot call.
Agnode_t *cg_tail(Agedge_t *e) { return agtail(e); }
Agnode_t *cg_head(Agedge_t *e) { return aghead(e); }

// Frees a layout, for every engine. fdp's layout used to be left unfreed on Graphviz 2.x after its
// cleanup aborted with "free(): invalid size" on 2.43 with clustered graphs, while the arena had a
// close function (so cgraph freed nothing one by one). Since the discipline has none, valgrind
// finds no invalid free and no leak of ours in fdp's cleanup on 2.42, on the clustered seed map
// and on the 146-actor ATOP map (scripts/leaks.sh checks it on every run).
void cg_free_layout(GVC_t *gvc, Agraph_t *g, const char *engine) {
  (void)engine;
  gvFreeLayout(gvc, g);
}

// ---------------------------------------------------------------------------------------------
// Text measurement.
//
// Graphviz measures every label through its text-layout plugin (pango, with HarfBuzz shaping),
// and that is the largest single cost of drawing a small map: 28 % of rendering the seed map.
// A renderer that draws many maps measures the same strings again and again. CoalitionRender
// installs a text-layout plugin of its own, ranked above pango, which answers from a table of
// earlier measurements and asks pango's own engine for anything new, so the numbers, and the
// drawing, are exactly pango's. The table lives on the Swift side (TextMeasurements.swift).

// The engine's function type and its result type (unsigned char in 2.x, bool in later releases).
cg_textlayout_result cg_textlayout_failed(void) { return 0; }

#if defined(__linux__)
typedef struct {
  const char *needle;
  char path[4096];
} cg_object_search_t;

static int cg_find_loaded_object(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  const char *name = info->dlpi_name;
  cg_object_search_t *search = (cg_object_search_t *)data;
  if (!name || !strstr(name, search->needle)) return 0;
  size_t n = strlen(name);
  if (n >= sizeof search->path) return 0;
  memcpy(search->path, name, n + 1);
  return 1;
}
#endif

/// pango's text-layout function, if Graphviz has loaded its pango plugin into this process (it
/// does when it first draws a PNG); NULL otherwise, and always NULL on systems other than Linux.
/// The library gains a reference, so it stays loaded for the life of the process.
cg_textlayout_fn cg_pango_textlayout(void) {
#if defined(__linux__)
  cg_object_search_t search = {"libgvplugin_pango", {0}};
  if (!dl_iterate_phdr(cg_find_loaded_object, &search)) return NULL;
  void *handle = dlopen(search.path, RTLD_LAZY | RTLD_NOLOAD);
  if (!handle) return NULL;
  gvplugin_library_t *library = (gvplugin_library_t *)dlsym(handle, "gvplugin_pango_LTX_library");
  if (!library || !library->apis) return NULL;
  for (gvplugin_api_t *api = library->apis; api->types; api++) {
    if (api->api != API_textlayout) continue;
    for (gvplugin_installed_t *type = api->types; type->type; type++) {
      if (strcmp(type->type, "textlayout") == 0 && type->engine) return ((gvtextlayout_engine_t *)type->engine)->textlayout;
    }
  }
#endif
  return NULL;
}

/// A builtin-plugin list, for gvContextPlugins, holding one text-layout plugin that calls
/// `layout`. Ranked at quality 100, above pango's 0, so Graphviz picks it. Allocated once and
/// kept for the life of the process (Graphviz keeps pointers into it). NULL if out of memory.
const lt_symlist_t *cg_textlayout_builtins(cg_textlayout_fn layout) {
  typedef struct {
    gvtextlayout_engine_t engine;
    gvplugin_installed_t types[2];
    gvplugin_api_t apis[2];
    gvplugin_library_t library;
    lt_symlist_t symbols[2];
  } cg_plugin_block_t;
  cg_plugin_block_t *b = (cg_plugin_block_t *)calloc(1, sizeof(cg_plugin_block_t));
  if (!b) return NULL;
  b->engine.textlayout = layout;
  b->types[0].type = "textlayout";
  b->types[0].quality = 100;
  b->types[0].engine = &b->engine;
  b->apis[0].api = API_textlayout;
  b->apis[0].types = b->types;
  b->library.packagename = (char *)"coalitiongraph";
  b->library.apis = b->apis;
  b->symbols[0].name = "gvplugin_coalitiongraph_LTX_library";
  b->symbols[0].address = &b->library;
  return b->symbols;
}
