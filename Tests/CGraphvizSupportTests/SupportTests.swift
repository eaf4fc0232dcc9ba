import CGraphviz
import CGraphvizSupport
import CoalitionRender
import Testing

// The C layer on its own: the arena that makes parsing deterministic, and the small wrappers.
// cgraph keeps global state, so every test holds the renderer's lock (renders of other tests run
// at the same time) and the suite runs one test at a time.

private let dot = "digraph g { a -> b; subgraph cluster_x { c; d } b -> c [label=\"x\"] }"

/// The same DOT text lands at the same addresses every time it is parsed into the arena, and the
/// arena is empty again once the graph is closed and released.
@Test func theArenaParsesTheSameTextToTheSameAddresses() throws {
  try GraphvizRenderer.shared.exclusively { try theArenaParsesTheSameTextToTheSameAddressesBody() }
}

private func theArenaParsesTheSameTextToTheSameAddressesBody() throws {
  let arena = try #require(cg_arena_create())
  defer { cg_arena_destroy(arena) }
  func parse() throws -> (root: UInt, firstNode: UInt, used: Int) {
    let g = try #require(dot.withCString { cg_memread($0, arena) })
    let node = try #require(agfstnode(g))
    let result = (UInt(bitPattern: UnsafeRawPointer(g)), UInt(bitPattern: UnsafeRawPointer(node)), cg_arena_used(arena))
    #expect(cg_arena_contains(arena, UnsafeRawPointer(node)) == 1)
    agclose(g)
    cg_arena_release(arena)
    #expect(cg_arena_used(arena) == 0)
    return result
  }
  let first = try parse()
  // Memory used in between, which would move a heap-allocated graph.
  let noise = (0..<100).map { _ in [UInt8](repeating: 1, count: 1_000) }
  let second = try parse()
  #expect(noise.count == 100)
  #expect(first.used > 0 && first.used == second.used)
  #expect(first.root == second.root && first.firstNode == second.firstNode)
}

/// A second graph while the arena is in use takes its memory from the heap, and both graphs read.
@Test func aSecondOpenGraphFallsBackToTheHeap() throws {
  try GraphvizRenderer.shared.exclusively { try aSecondOpenGraphFallsBackToTheHeapBody() }
}

private func aSecondOpenGraphFallsBackToTheHeapBody() throws {
  let arena = try #require(cg_arena_create())
  defer { cg_arena_destroy(arena) }
  let one = try #require(dot.withCString { cg_memread($0, arena) })
  let two = try #require(dot.withCString { cg_memread($0, arena) })
  #expect(cg_arena_contains(arena, UnsafeRawPointer(one)) == 1)
  #expect(cg_arena_contains(arena, UnsafeRawPointer(two)) == 0)
  #expect(agnnodes(one) == 4 && agnnodes(two) == 4 && agnedges(two) == 2)
  agclose(two)
  agclose(one)
  cg_arena_release(arena)
}

/// Edges' ends, attributes and rendering through the wrappers.
@Test func theWrappersReachGraphviz() throws {
  try GraphvizRenderer.shared.exclusively { try theWrappersReachGraphvizBody() }
}

private func theWrappersReachGraphvizBody() throws {
  let arena = try #require(cg_arena_create())
  defer { cg_arena_destroy(arena) }
  let g = try #require(dot.withCString { cg_memread($0, arena) })
  defer {
    agclose(g)
    cg_arena_release(arena)
  }
  let a = try #require(agfstnode(g))
  let edge = try #require(agfstout(g, a))
  #expect(String(cString: agnameof(cg_tail(edge))) == "a" && String(cString: agnameof(cg_head(edge))) == "b")
  cg_set_graph_attribute(g, "rankdir", "LR")
  let rankdir = "rankdir".withCString { name in agget(UnsafeMutableRawPointer(g), UnsafeMutablePointer(mutating: name)) }
  #expect(rankdir.map { String(cString: $0) } == "LR")
  let gvc = try #require(gvContext())
  defer { gvFreeContext(gvc) }
  #expect(gvLayout(gvc, g, "dot") == 0)
  var text: UnsafeMutablePointer<CChar>?
  var length = 0
  #expect(cg_render_data(gvc, g, "plain", &text, &length) == 0)
  let plain = String(cString: try #require(text))
  gvFreeRenderData(text)
  cg_free_layout(gvc, g, "dot")
  #expect(length > 0 && plain.hasPrefix("graph ") && plain.contains("node a "))
  // Graphviz 2.x has the fragile spline router; 3.0 and later do not.
  let major = Int(String(cString: try #require(gvcVersion(gvc))).split(separator: ".").first ?? "") ?? 0
  #expect(major > 1 && cg_spline_routing_is_fragile() == (major < 3 ? 1 : 0))
}
