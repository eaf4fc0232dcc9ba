import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionMetrics

/// A reference graph and the values NetworkX 3.6.1 and igraph 1.0 computed on it
/// (scripts/reference/centrality_reference.py → Tests/Fixtures/reference/centrality.json).
struct ReferenceGraph: CustomTestStringConvertible, Sendable {
  let name: String
  let directed: Bool
  let weighted: Bool
  let graph: SimpleGraph
  let values: [String: [Double?]]
  let scalars: [String: Double]
  let edgeValues: [String: [[Double]]]
  var testDescription: String { name }

  static let all: [ReferenceGraph] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference/centrality.json")
    guard let data = try? Data(contentsOf: url),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let graphs = root["graphs"] as? [String: [String: Any]]
    else { return [] }
    return graphs.keys.sorted().compactMap { name in
      let g = graphs[name]!
      let directed = g["directed"] as? Bool ?? false
      let nodes = g["nodes"] as? [String] ?? []
      let edges = (g["edges"] as? [[Double]] ?? []).map { WeightedEdge(Int($0[0]), Int($0[1]), $0[2]) }
      var values: [String: [Double?]] = [:]
      var scalars: [String: Double] = [:]
      var edgeValues: [String: [[Double]]] = [:]
      for (key, value) in g["values"] as? [String: Any] ?? [:] {
        if let list = value as? [Any], let first = list.first, first is [Any] {
          edgeValues[key] = list.compactMap { $0 as? [Double] }
        } else if let list = value as? [Any] {
          values[key] = list.map { $0 as? Double }
        } else if let x = value as? Double {
          scalars[key] = x
        }
      }
      return ReferenceGraph(
        name: name, directed: directed, weighted: g["weighted"] as? Bool ?? false,
        graph: SimpleGraph(nodeCount: nodes.count, edges: edges, directed: directed), values: values, scalars: scalars,
        edgeValues: edgeValues)
    }
  }()

  /// Compares to the reference at 1e-9 relative (absolute near zero); nil in the reference is NaN.
  func check(_ key: String, _ got: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let want = values[key] else {
      Issue.record("no reference \(key) for \(name)", sourceLocation: sourceLocation)
      return
    }
    #expect(got.count == want.count, "\(name) \(key): count", sourceLocation: sourceLocation)
    for (i, (g, w)) in zip(got, want).enumerated() {
      if let w {
        #expect(abs(g - w) <= 1e-9 * max(1, abs(w)), "\(name) \(key)[\(i)]: \(g) vs \(w)", sourceLocation: sourceLocation)
      } else {
        #expect(g.isNaN, "\(name) \(key)[\(i)]: \(g) vs NaN", sourceLocation: sourceLocation)
      }
    }
  }

  /// Edge-length variants to test: hops always, 1/weight for weighted graphs.
  var lengths: [(suffix: String, length: EdgeLength)] {
    [("", .hops)] + (weighted ? [("_weighted", .inverseWeight)] : [])
  }
}

@Test func referenceFixturesArePresent() {
  #expect(ReferenceGraph.all.map(\.name) == [
    "directed_weighted", "disconnected", "florentine", "karate", "kite", "lesmis", "seed_directed", "seed_undirected",
  ])
}

@Test(arguments: ReferenceGraph.all)
func betweennessMatchesNetworkXAndIgraph(_ r: ReferenceGraph) {
  for (suffix, length) in r.lengths {
    for normalized in [true, false] {
      for endpoints in [false, true] {
        let key = "betweenness\(suffix)_\(normalized ? "norm" : "raw")\(endpoints ? "_endpoints" : "")"
        r.check(key, r.graph.betweenness(length: length, normalized: normalized, endpoints: endpoints))
      }
    }
    // igraph's raw values agree on hop counts. With fractional lengths igraph treats path lengths
    // within a relative 1e-10 as equal (1/3 + 1/6 = 1/2) while NetworkX and this package compare
    // exactly, so only the hop-count values are compared with igraph.
    if length == .hops { r.check("betweenness_igraph", r.graph.betweenness(length: length, normalized: false)) }
  }
}

@Test(arguments: ReferenceGraph.all)
func edgeBetweennessMatchesNetworkX(_ r: ReferenceGraph) throws {
  for (suffix, length) in r.lengths {
    let want = try #require(r.edgeValues["edge_betweenness\(suffix)"])
    let got = r.graph.edgeBetweenness(length: length, normalized: true)
    #expect(got.count == want.count)
    var byEdge: [String: Double] = [:]
    for e in got { byEdge["\(e.source)-\(e.target)"] = e.value }
    for w in want {
      let (u, v) = (Int(w[0]), Int(w[1]))
      let value = byEdge["\(u)-\(v)"] ?? (r.directed ? nil : byEdge["\(v)-\(u)"])
      #expect(value.map { abs($0 - w[2]) <= 1e-9 * max(1, w[2]) } == true, "\(r.name) edge \(u)-\(v): \(String(describing: value)) vs \(w[2])")
    }
  }
}

@Test(arguments: ReferenceGraph.all)
func closenessAndHarmonicMatchBothConventions(_ r: ReferenceGraph) {
  for (suffix, length) in r.lengths {
    // NetworkX measures distances *to* the node on directed graphs.
    let nxDirection: PathDirection = r.directed ? .incoming : .outgoing
    r.check("closeness\(suffix)_networkx", r.graph.closeness(direction: nxDirection, length: length, convention: .networkx(wassermanFaust: true)))
    r.check("closeness\(suffix)_networkx_nowf", r.graph.closeness(direction: nxDirection, length: length, convention: .networkx(wassermanFaust: false)))
    r.check("harmonic\(suffix)_networkx", r.graph.harmonic(direction: nxDirection, length: length))
    let modes: [(String, PathDirection)] = r.directed ? [("out", .outgoing), ("in", .incoming)] : [("all", .outgoing)]
    for (mode, direction) in modes {
      r.check("closeness\(suffix)_igraph_\(mode)", r.graph.closeness(direction: direction, length: length, convention: .igraph(normalized: true)))
      r.check("closeness\(suffix)_igraph_\(mode)_raw", r.graph.closeness(direction: direction, length: length, convention: .igraph(normalized: false)))
      r.check("harmonic\(suffix)_igraph_\(mode)", r.graph.harmonic(direction: direction, length: length, normalized: true))
    }
  }
}

@Test(arguments: ReferenceGraph.all)
func pagerankMatchesNetworkXAndIgraph(_ r: ReferenceGraph) throws {
  for (suffix, _) in r.lengths {
    let weighted = !suffix.isEmpty
    let scores = try r.graph.pagerank(damping: 0.85, weighted: weighted)
    r.check("pagerank\(suffix)", scores)
    r.check("pagerank\(suffix)_igraph", scores)
    #expect(abs(scores.reduce(0, +) - 1) < 1e-12)
  }
  if !r.directed {
    var p = [Double](repeating: 0, count: r.graph.nodeCount)
    p[0] = 1
    p[p.count - 1] = 3
    r.check("pagerank_personalized", try r.graph.pagerank(weighted: r.weighted, personalization: p))
  }
  r.check("pagerank_reversed", try r.graph.pagerank(weighted: r.weighted, reversed: true))
}

@Test(arguments: ReferenceGraph.all)
func katzAndEigenvectorMatchNetworkXAndIgraph(_ r: ReferenceGraph) throws {
  for (suffix, _) in r.lengths {
    let weighted = !suffix.isEmpty
    let alpha = try #require(r.scalars["katz\(suffix)_alpha"])
    r.check("katz\(suffix)", try r.graph.katz(alpha: alpha, beta: 1, weighted: weighted, normalized: true))
    r.check("katz\(suffix)_raw", try r.graph.katz(alpha: alpha, beta: 1, weighted: weighted, normalized: false))
    if r.values["eigenvector\(suffix)"] != nil {
      r.check("eigenvector\(suffix)", try r.graph.eigenvector(weighted: weighted, scaling: .unitNorm))
      r.check("eigenvector\(suffix)_igraph_scaled", try r.graph.eigenvector(weighted: weighted, scaling: .maxOne))
    }
  }
}

@Test func katzReportsDivergence() {
  let triangle = SimpleGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 1), WeightedEdge(1, 2, 1), WeightedEdge(2, 0, 1)], directed: false)
  #expect(throws: MetricError.self) { try triangle.pagerank(damping: 1.5) }
  // Above 1/λ = 0.5 the error names α and the bound.
  for alpha in [0.9, 0.5] {
    do {
      _ = try triangle.katz(alpha: alpha, maxIterations: 2_000)
      Issue.record("katz with α = \(alpha) on a triangle converged")
    } catch {
      #expect("\(error)".contains("α = \(alpha) must be below 1/λ_max"), "\(error)")
      #expect("\(error)".contains("≈ 0.5"), "\(error)")
    }
  }
}

@Test func katzHandlesEmptyGraphsAndExtremeWeights() throws {
  #expect(try SimpleGraph(nodeCount: 0, edges: [], directed: false).katz() == [])
  let isolates = try SimpleGraph(nodeCount: 4, edges: [], directed: true).katz()
  #expect(isolates == [Double](repeating: 0.5, count: 4))
  // Weights of 1e308: the default α diverges with a clear error; α from the singular value converges.
  let huge = SimpleGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 1e308), WeightedEdge(1, 2, 1e308)], directed: false)
  #expect(throws: MetricError.self) { try huge.katz() }
  let sigma = huge.largestSingularValue()
  #expect(abs(sigma / (1e308 * 2.0.squareRoot()) - 1) < 1e-12)
  let scores = try CentralityMeasure.katz.values(on: huge, length: .hops)
  #expect(scores.count == 3 && scores.allSatisfy { $0.isFinite && $0 > 0 })
  #expect(abs(scores[0] - scores[2]) < 1e-12 && scores[1] > scores[0])
}

@Test func directedEigenvectorSaysWhyItIsUndefined() throws {
  let chain = SimpleGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 1), WeightedEdge(1, 2, 1)], directed: true)
  do {
    _ = try chain.eigenvector()
    Issue.record("eigenvector on an acyclic graph returned a value")
  } catch {
    guard case .undefined? = error as? MetricError else { Issue.record("\(error)"); return }
    #expect("\(error)".contains("no cycle"))
  }
  // A directed cycle is periodic; the shift by I still converges, to the uniform vector.
  let cycle = SimpleGraph(nodeCount: 5, edges: (0..<5).map { WeightedEdge($0, ($0 + 1) % 5, 1) }, directed: true)
  let x = try cycle.eigenvector()
  #expect(x.allSatisfy { abs($0 - 1 / 5.0.squareRoot()) < 1e-12 })
  // No edges at all: every vector is an eigenvector; NetworkX keeps the uniform start.
  #expect(try SimpleGraph(nodeCount: 4, edges: [], directed: true).eigenvector() == [Double](repeating: 0.5, count: 4))
  #expect(try SimpleGraph(nodeCount: 4, edges: [], directed: false).eigenvector() == [Double](repeating: 0.5, count: 4))
}

/// Brandes on random graphs agrees with counting shortest paths by brute force (Floyd–Warshall
/// distances and path counts, O(n³)).
@Test func betweennessAgreesWithBruteForceOnRandomGraphs() {
  var rng = SplitMix64(seed: 11)
  for round in 0..<30 {
    let n = 2 + Int(rng.next() % 14)
    let directed = round % 2 == 1
    var edges: [WeightedEdge] = []
    for u in 0..<n {
      for v in 0..<n where u != v && (directed || u < v) && rng.next() % 4 == 0 { edges.append(WeightedEdge(u, v, 1)) }
    }
    let g = SimpleGraph(nodeCount: n, edges: edges, directed: directed)
    let fast = g.betweenness(normalized: false)
    // Brute force: dist and sigma for all pairs.
    var dist = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
    var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for v in 0..<n { dist[v][v] = 0; sigma[v][v] = 1 }
    for e in g.edges {
      let (u, v) = (e.source, e.target)
      dist[u][v] = 1; sigma[u][v] = 1
      if !directed { dist[v][u] = 1; sigma[v][u] = 1 }
    }
    for k in 0..<n {
      for i in 0..<n where i != k {
        for j in 0..<n where j != k && j != i {
          let through = dist[i][k] + dist[k][j]
          if through < dist[i][j] {
            dist[i][j] = through
          }
        }
      }
    }
    // Path counts by increasing distance.
    for i in 0..<n {
      let order = (0..<n).filter { dist[i][$0].isFinite && $0 != i }.sorted { dist[i][$0] < dist[i][$1] }
      for j in order {
        var count = 0.0
        for k in 0..<n where k != j && dist[i][k] + 1 == dist[i][j] && (dist[k][j] == 1) { count += sigma[i][k] }
        sigma[i][j] = count
      }
    }
    for v in 0..<n {
      var b = 0.0
      for s in 0..<n where s != v {
        for t in 0..<n where t != v && t != s && dist[s][t].isFinite {
          if dist[s][v] + dist[v][t] == dist[s][t] { b += sigma[s][v] * sigma[v][t] / sigma[s][t] }
        }
      }
      if !directed { b /= 2 }
      #expect(abs(fast[v] - b) < 1e-9, "round \(round) node \(v): \(fast[v]) vs \(b)")
    }
  }
}

/// Freeman (1979): a star is maximally centralised (1), a complete graph not at all (0).
@Test(arguments: [4, 5, 9])
func centralizationOfStarAndCompleteGraphs(_ n: Int) throws {
  let star = SimpleGraph(nodeCount: n, edges: (1..<n).map { WeightedEdge(0, $0, 1) }, directed: false)
  let complete = SimpleGraph(nodeCount: n, edges: (0..<n).flatMap { u in (u + 1..<n).map { WeightedEdge(u, $0, 1.0) } }, directed: false)
  for (g, want) in [(star, 1.0), (complete, 0.0)] {
    let degrees = (0..<n).map { Double(g.rowStart[$0 + 1] - g.rowStart[$0]) }
    #expect(abs(Centralization.degree(degrees) - want) < 1e-12)
    #expect(abs(Centralization.betweenness(normalized: g.betweenness()) - want) < 1e-12)
    #expect(abs(Centralization.closeness(normalized: g.closeness()) - want) < 1e-12)
  }
  // A path of three: degree centralisation (1·2 + ... ) = ((2−1)+(2−1)) / ((3−1)(3−2)) = 1.
  let path = SimpleGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 1), WeightedEdge(1, 2, 1)], directed: false)
  #expect(Centralization.degree([1, 2, 1]) == 1)
  #expect(path.betweenness() == [0, 1, 0])
}

/// Source-parallel measures give bit-identical results whatever the thread count.
@Test(arguments: ReferenceGraph.all)
func parallelMeasuresDoNotDependOnThreadCount(_ r: ReferenceGraph) {
  for length in r.lengths.map(\.length) {
    let one = r.graph.betweenness(length: length, threads: 1)
    #expect(r.graph.betweenness(length: length, threads: 2) == one)
    #expect(r.graph.betweenness(length: length, threads: 5) == one)
    #expect(r.graph.closeness(length: length, threads: 3) == r.graph.closeness(length: length))
    #expect(r.graph.harmonic(length: length, threads: 4) == r.graph.harmonic(length: length))
    #expect(r.graph.edgeBetweenness(length: length, threads: 2).map(\.value) == r.graph.edgeBetweenness(length: length).map(\.value))
  }
}
