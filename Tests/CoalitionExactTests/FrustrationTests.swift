import CoalitionGraph
import CoalitionMetrics
import Foundation
import Testing

@testable import CoalitionExact

// The frustration index against SciPy's HiGHS on seeded random signed graphs of 30–150 nodes
// (Tests/Fixtures/reference/frustration.json, written by scripts/reference/frustration_reference.py).

struct ReferenceGraph: Decodable {
  let name: String
  let nodes: Int
  let edges: [[Int]]
  let frustration: Int
}

private func referenceGraphs() throws -> [ReferenceGraph] {
  struct File: Decodable { let graphs: [ReferenceGraph] }
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference/frustration.json")
  return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).graphs
}

private func signed(_ g: ReferenceGraph) -> SignedGraph {
  SignedGraph(nodeCount: g.nodes, edges: g.edges.map { SignedEdge($0[0], $0[1], sign: $0[2]) })
}

@Test func integerProgramMatchesHiGHSOnRandomSignedGraphs() throws {
  let graphs = try referenceGraphs()
  #expect(graphs.count == 9)
  for g in graphs {
    let graph = signed(g)
    let result = graph.minimumFrustration(using: IntegerProgramFrustration(seconds: 120))
    #expect(result.exact, "\(g.name): \(result.description)")
    #expect(result.frustration == g.frustration, "\(g.name)")
    #expect(graph.frustration(of: result.split) == result.frustration, "\(g.name)")
    #expect(result.split.count == g.nodes)
  }
}

/// The local search alone overshoots on some of the same graphs: the program is needed.
@Test func localSearchIsOnlyAnUpperBound() throws {
  var overshoots = 0
  for g in try referenceGraphs() {
    let result = signed(g).minimumFrustration()
    #expect(result.frustration >= g.frustration && result.lowerBound <= g.frustration, "\(g.name)")
    if result.frustration > g.frustration { overshoots += 1 }
    if !result.exact { #expect(result.description.contains("local search and a packing of unbalanced cycles")) }
  }
  #expect(overshoots > 0)
}

/// Worked by hand: a balanced graph costs 0; a triangle with one negative edge costs 1; the
/// complete graph on four nodes with every edge negative costs 2 (any split keeps at least two
/// pairs together); opposite parallel ties are impossible in a SignedGraph, so a square with a
/// chord stands for the reductions.
@Test func handWorkedFrustration() {
  let solver = IntegerProgramFrustration()
  let balanced = SignedGraph(nodeCount: 4, edges: [SignedEdge(0, 1, sign: 1), SignedEdge(2, 3, sign: 1), SignedEdge(0, 2, sign: -1), SignedEdge(1, 3, sign: -1)])
  #expect(balanced.minimumFrustration(using: solver).frustration == 0)
  let triangle = SignedGraph(nodeCount: 3, edges: [SignedEdge(0, 1, sign: 1), SignedEdge(1, 2, sign: 1), SignedEdge(0, 2, sign: -1)])
  #expect(triangle.minimumFrustration(using: solver).frustration == 1)
  let k4 = SignedGraph(nodeCount: 4, edges: [SignedEdge(0, 1, sign: -1), SignedEdge(0, 2, sign: -1), SignedEdge(0, 3, sign: -1), SignedEdge(1, 2, sign: -1), SignedEdge(1, 3, sign: -1), SignedEdge(2, 3, sign: -1)])
  let r = k4.minimumFrustration(using: solver)
  #expect(r.frustration == 2 && r.exact)
}

/// Past its work budget the program returns the best split and a proven lower bound, labelled
/// with how far it went; the budget counts work, not time, so two runs agree exactly.
@Test func workBudgetGivesLabelledBoundsAndTheSameResultTwice() {
  var rng = SplitMix64(seed: 11)
  var pairs = Set<[Int]>()
  while pairs.count < 600 {
    let (u, v) = (Int(rng.next() % 150), Int(rng.next() % 150))
    if u != v { pairs.insert([min(u, v), max(u, v)]) }
  }
  let edges = pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { SignedEdge($0[0], $0[1], sign: rng.next() % 10 < 4 ? -1 : 1) }
  let graph = SignedGraph(nodeCount: 150, edges: edges)
  let solver = IntegerProgramFrustration(timeLimit: 600, workLimit: 2e5)
  let r = graph.minimumFrustration(using: solver)
  #expect(!r.exact)
  #expect(r.effort?.stop == .budget)
  #expect(r.lowerBound > 0 && r.lowerBound < r.frustration)
  #expect(r.description.hasPrefix("between \(r.lowerBound) and \(r.frustration) (integer program, stopped after "))
  #expect(r.description.hasSuffix("its work budget was spent)"))
  #expect(graph.frustration(of: r.split) == r.frustration)
  #expect(graph.minimumFrustration(using: solver) == r)
  // More work never loosens the bounds.
  let more = graph.minimumFrustration(using: IntegerProgramFrustration(timeLimit: 600, workLimit: 2e7))
  #expect(more.lowerBound >= r.lowerBound && more.frustration <= r.frustration)
}

/// Components too large for the program are left to the local search, and said to be.
@Test func tooLargeForTheProgramFallsBackToLocalSearch() throws {
  let g = try referenceGraphs().first { $0.name == "planted-150" }!
  let r = signed(g).minimumFrustration(using: IntegerProgramFrustration(maximumNodes: 10))
  #expect(r.method == .localSearch)
  #expect(r.frustration >= g.frustration)
}
