import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionMetrics

// Every measure × every option on small graphs of every awkward shape, against plain textbook
// computations written from the definitions (all-pairs distances and path counts by relaxation in
// order of distance, dense linear solves, peeling by minimum degree).

/// One graph of the matrix: raw edges, which may hold self-loops and parallel edges.
struct MatrixCase: CustomTestStringConvertible, Sendable {
  let name: String
  let nodeCount: Int
  let edges: [WeightedEdge]
  var testDescription: String { name }

  /// The weight variants of a shape: all 1, all 2 (stored but equal), varied, some zero.
  static func variants(_ name: String, _ n: Int, _ pairs: [(Int, Int)]) -> [MatrixCase] {
    let varied: [Double] = [1, 2, 0.5, 4, 1, 0.25, 2]
    return [
      MatrixCase(name: name + " w=1", nodeCount: n, edges: pairs.map { WeightedEdge($0.0, $0.1, 1) }),
      MatrixCase(name: name + " w=2", nodeCount: n, edges: pairs.map { WeightedEdge($0.0, $0.1, 2) }),
      MatrixCase(name: name + " varied", nodeCount: n, edges: pairs.enumerated().map { WeightedEdge($1.0, $1.1, varied[$0 % varied.count]) }),
      MatrixCase(name: name + " zeros", nodeCount: n, edges: pairs.enumerated().map { WeightedEdge($1.0, $1.1, $0 % 3 == 1 ? 0 : 1) }),
    ]
  }

  static let all: [MatrixCase] = {
    var random = SweepRandom(state: 7)
    let randomPairs = (0..<16).map { _ in (random.below(9), random.below(9)) }
    let shapes: [(String, Int, [(Int, Int)])] = [
      ("one node", 1, []),
      ("isolates", 3, []),
      ("single edge", 2, [(0, 1)]),
      ("path", 5, [(0, 1), (1, 2), (2, 3), (3, 4)]),
      ("star", 6, [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]),
      ("triangle and pendant", 4, [(0, 1), (1, 2), (2, 0), (2, 3)]),
      ("two components and an isolate", 7, [(0, 1), (1, 2), (3, 4), (4, 5), (5, 3)]),
      ("self-loops", 4, [(0, 0), (0, 1), (1, 2), (2, 2), (2, 3)]),
      ("parallel edges", 4, [(0, 1), (1, 0), (0, 1), (1, 2), (2, 3), (3, 2), (1, 3)]),
      ("cycle of four", 4, [(0, 1), (1, 2), (2, 3), (3, 0)]),
      ("random", 9, randomPairs),
    ]
    return [MatrixCase(name: "empty graph", nodeCount: 0, edges: [])] + shapes.flatMap { variants($0.0, $0.1, $0.2) }
  }()
}

/// The simple graph a textbook would build: loops dropped, parallel edges (in either order when
/// undirected) merged with their weights summed.
struct PlainGraph {
  let n: Int
  let directed: Bool
  /// w[u][v]: the merged weight of the arc u → v, nil when there is none.
  var w: [[Double?]]

  init(_ c: MatrixCase, directed: Bool) {
    n = c.nodeCount
    self.directed = directed
    w = [[Double?]](repeating: [Double?](repeating: nil, count: c.nodeCount), count: c.nodeCount)
    for e in c.edges where e.source != e.target {
      let (u, v, x) = (e.source, e.target, e.weight)
      w[u][v] = (w[u][v] ?? 0) + x
      if !directed { w[v][u] = (w[v][u] ?? 0) + x }
    }
  }

  func neighbours(_ u: Int) -> [Int] { (0..<n).filter { $0 != u && (w[u][$0] != nil || w[$0][u] != nil) } }

  /// Arc lengths for shortest paths; nil where there is no arc or it cannot be used.
  func length(_ u: Int, _ v: Int, _ mode: EdgeLength) -> Double? {
    guard let x = w[u][v] else { return nil }
    switch mode {
    case .hops: return 1
    case .weight: return x > 0 ? x : nil
    case .inverseWeight: return x > 0 ? 1 / x : nil
    }
  }

  /// Distances d[s][t] (∞ when unreached) and shortest-path counts σ[s][t] from each source, by
  /// relaxing in order of distance (every usable length is positive).
  func paths(_ mode: EdgeLength) -> (d: [[Double]], sigma: [[Double]]) {
    var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
    var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for s in 0..<n {
      d[s][s] = 0
      var done = [Bool](repeating: false, count: n)
      while let u = (0..<n).filter({ !done[$0] && d[s][$0] < .infinity }).min(by: { d[s][$0] < d[s][$1] }) {
        done[u] = true
        for v in 0..<n { if let l = length(u, v, mode), d[s][u] + l < d[s][v] { d[s][v] = d[s][u] + l } }
      }
      sigma[s][s] = 1
      for v in (0..<n).filter({ $0 != s && d[s][$0] < .infinity }).sorted(by: { d[s][$0] < d[s][$1] }) {
        for u in 0..<n { if let l = length(u, v, mode), d[s][u] + l == d[s][v] { sigma[s][v] += sigma[s][u] } }
      }
    }
    return (d, sigma)
  }

  /// For each source s, the number of paths from v to t in s's shortest-path DAG (arcs u → w with
  /// d[s][u] + l = d[s][w]): ahead[s][v][t]. Lengths along the DAG are compared exactly as the
  /// search compared them, so no re-summed distance decides a tie.
  func ahead(_ mode: EdgeLength, _ d: [[Double]]) -> [[[Double]]] {
    (0..<n).map { s in
      var count = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
      for v in (0..<n).filter({ d[s][$0] < .infinity }).sorted(by: { d[s][$0] > d[s][$1] }) {
        count[v][v] = 1
        for w in 0..<n {
          guard let l = length(v, w, mode), d[s][v] + l == d[s][w] else { continue }
          for t in 0..<n { count[v][t] += count[w][t] }
        }
      }
      return count
    }
  }

  func betweenness(_ mode: EdgeLength, normalized: Bool, endpoints: Bool) -> [Double] {
    let (d, sigma) = paths(mode)
    let toward = ahead(mode, d)
    var b = [Double](repeating: 0, count: n)
    for s in 0..<n {
      for t in 0..<n where t != s && d[s][t] < .infinity {
        if endpoints {
          b[s] += 1
          b[t] += 1
        }
        for v in 0..<n where v != s && v != t && toward[s][v][t] > 0 { b[v] += sigma[s][v] * toward[s][v][t] / sigma[s][t] }
      }
    }
    let pairs = Double(endpoints ? n : n - 1)
    let scale = pairs < 2 ? 1 : (normalized ? 1 / (pairs * (pairs - 1)) : (directed ? 1 : 0.5))
    return b.map { $0 * scale }
  }

  func edgeBetweenness(_ mode: EdgeLength) -> [String: Double] {
    let (d, sigma) = paths(mode)
    let toward = ahead(mode, d)
    var out: [String: Double] = [:]
    for u in 0..<n {
      for v in 0..<n where w[u][v] != nil && (directed || u < v) {
        var total = 0.0
        for s in 0..<n {
          for t in 0..<n where t != s && d[s][t] < .infinity {
            for (a, b) in directed ? [(u, v)] : [(u, v), (v, u)] {
              if let l = length(a, b, mode), d[s][a] + l == d[s][b] { total += sigma[s][a] * toward[s][b][t] / sigma[s][t] }
            }
          }
        }
        let scale = n < 2 ? 1 : 1 / (Double(n) * Double(n - 1))
        out["\(u) \(v)"] = total * scale
      }
    }
    return out
  }

  /// Closeness with NetworkX's (Wasserman–Faust) or igraph's formula; `toward` uses distances to the node.
  func closeness(_ mode: EdgeLength, toward: Bool, igraph: Bool) -> [Double] {
    let d = paths(mode).d
    return (0..<n).map { v in
      let reached = (0..<n).filter { $0 != v && (toward ? d[$0][v] : d[v][$0]) < .infinity }
      let total = reached.reduce(0.0) { $0 + (toward ? d[$1][v] : d[v][$1]) }
      let r = Double(reached.count)
      if igraph { return reached.isEmpty ? .nan : r / total }
      guard total > 0, n > 1 else { return 0 }
      return r / total * r / Double(n - 1)
    }
  }

  func harmonic(_ mode: EdgeLength, toward: Bool) -> [Double] {
    let d = paths(mode).d
    return (0..<n).map { v in
      let sum = (0..<n).filter { $0 != v }.reduce(0.0) { $0 + 1 / (toward ? d[$1][v] : d[v][$1]) }
      return n > 1 ? sum / Double(n - 1) : sum
    }
  }

  /// PageRank by a dense solve of x = d·Pᵀx + (1 − d + d·dangling)/n, Σx = 1.
  func pagerank(weighted: Bool, reversed: Bool = false) -> [Double] {
    guard n > 0 else { return [] }
    let damping = 0.85
    func arc(_ u: Int, _ v: Int) -> Double { (reversed ? w[v][u] : w[u][v]).map { weighted ? $0 : 1 } ?? 0 }
    var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    var b = [Double](repeating: 0, count: n)
    for v in 0..<n { a[v][v] = 1 }
    for u in 0..<n {
      let out = (0..<n).reduce(0.0) { $0 + arc(u, $1) }
      for v in 0..<n {
        // Row v of (I − d·Pᵀ − d·(dangling share)): x_v − d Σ_u P_uv x_u − d/n Σ_dangling x_u = (1 − d)/n.
        a[v][u] -= out > 0 ? damping * arc(u, v) / out : damping / Double(n)
      }
    }
    for v in 0..<n { b[v] = (1 - damping) / Double(n) }
    return solve(a, b)
  }

  /// Katz by a dense solve of (I − αAᵀ)x = 1, at unit norm.
  func katz(alpha: Double, weighted: Bool) -> [Double] {
    var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for v in 0..<n {
      a[v][v] = 1
      for u in 0..<n { if let x = w[u][v] { a[v][u] -= alpha * (weighted ? x : 1) } }
    }
    let x = solve(a, [Double](repeating: 1, count: n))
    let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? x.map { $0 / norm } : x
  }

  /// k-core numbers by repeatedly removing a node of least remaining degree (in + out when directed).
  func cores() -> [Int] {
    var degree = (0..<n).map { u in (0..<n).reduce(0) { $0 + (w[u][$1] != nil ? 1 : 0) + (directed && w[$1][u] != nil ? 1 : 0) } }
    var removed = [Bool](repeating: false, count: n)
    var core = [Int](repeating: 0, count: n)
    var k = 0
    for _ in 0..<n {
      let u = (0..<n).filter { !removed[$0] }.min { degree[$0] < degree[$1] }!
      k = max(k, degree[u])
      core[u] = k
      removed[u] = true
      for v in 0..<n where !removed[v] {
        if w[u][v] != nil { degree[v] -= 1 }
        if directed, w[v][u] != nil { degree[v] -= 1 }
      }
    }
    return core
  }

  func clustering() -> [Double] {
    (0..<n).map { v in
      let nb = neighbours(v)
      guard nb.count > 1 else { return 0 }
      var tied = 0
      for i in nb.indices { for j in nb.indices where j > i && (w[nb[i]][nb[j]] != nil || w[nb[j]][nb[i]] != nil) { tied += 1 } }
      return Double(tied) / Double(nb.count * (nb.count - 1) / 2)
    }
  }

  /// Burt's constraint and effective size, unweighted: mutual strength a_uv + a_vu.
  func burt() -> (constraint: [Double], effectiveSize: [Double]) {
    func mutual(_ u: Int, _ v: Int) -> Double { (w[u][v] != nil ? 1 : 0) + (w[v][u] != nil ? 1 : 0) }
    func p(_ u: Int, _ v: Int) -> Double {
      let total = neighbours(u).reduce(0.0) { $0 + mutual(u, $1) }
      return total > 0 ? mutual(u, v) / total : 0
    }
    var constraint = [Double](repeating: .nan, count: n)
    var size = [Double](repeating: .nan, count: n)
    for u in 0..<n {
      let nb = neighbours(u)
      guard !nb.isEmpty else { continue }
      constraint[u] = nb.reduce(0.0) { c, v in
        let local = p(u, v) + nb.filter { $0 != v }.reduce(0.0) { $0 + p(u, $1) * p($1, v) }
        return c + local * local
      }
      size[u] = nb.reduce(0.0) { s, v in
        let strongest = neighbours(v).map { mutual(v, $0) }.max() ?? 1
        return s + 1 - nb.filter { $0 != v }.reduce(0.0) { $0 + p(u, $1) * mutual(v, $1) / strongest }
      }
    }
    return (constraint, size)
  }

  /// Gaussian elimination with partial pivoting.
  func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double] {
    var a = matrix
    var b = rhs
    let k = b.count
    for c in 0..<k {
      let p = (c..<k).max { abs(a[$0][c]) < abs(a[$1][c]) }!
      a.swapAt(c, p)
      b.swapAt(c, p)
      for r in c + 1..<k where a[r][c] != 0 {
        let f = a[r][c] / a[c][c]
        for j in c..<k { a[r][j] -= f * a[c][j] }
        b[r] -= f * b[c]
      }
    }
    var x = [Double](repeating: 0, count: k)
    for r in stride(from: k - 1, through: 0, by: -1) {
      x[r] = (b[r] - (r + 1..<k).reduce(0.0) { $0 + a[r][$1] * x[$1] }) / a[r][r]
    }
    return x
  }
}

/// Equal within 1e-10 relative (absolute near zero); NaN equals NaN.
func expectClose(_ got: [Double], _ want: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(got.count == want.count, "\(what): \(got.count) values, expected \(want.count)", sourceLocation: sourceLocation)
  guard got.count == want.count else { return }
  for (i, (g, w)) in zip(got, want).enumerated() {
    let same = g.isNaN ? w.isNaN : abs(g - w) <= 1e-10 * max(1, abs(w))
    #expect(same, "\(what)[\(i)]: \(g), expected \(w)", sourceLocation: sourceLocation)
  }
}

@Test(arguments: MatrixCase.all)
func pathMeasuresMatchTheTextbookForEveryOption(_ c: MatrixCase) {
  for directed in [false, true] {
    let g = SimpleGraph(nodeCount: c.nodeCount, edges: c.edges, directed: directed)
    let plain = PlainGraph(c, directed: directed)
    let toward: PathDirection = directed ? .incoming : .outgoing
    for mode in EdgeLength.allCases {
      for threads in [1, 2] {
        let what = "\(c.name) directed=\(directed) \(mode) threads=\(threads)"
        for normalized in [true, false] {
          for endpoints in [false, true] {
            expectClose(
              g.betweenness(length: mode, normalized: normalized, endpoints: endpoints, threads: threads),
              plain.betweenness(mode, normalized: normalized, endpoints: endpoints), "\(what) betweenness normalized=\(normalized) endpoints=\(endpoints)")
          }
        }
        expectClose(g.closeness(direction: toward, length: mode, threads: threads), plain.closeness(mode, toward: directed, igraph: false), "\(what) closeness")
        expectClose(
          g.closeness(direction: .outgoing, length: mode, convention: .igraph(normalized: true), threads: threads),
          plain.closeness(mode, toward: false, igraph: true), "\(what) closeness-igraph")
        expectClose(g.harmonic(direction: toward, length: mode, normalized: true, threads: threads), plain.harmonic(mode, toward: directed), "\(what) harmonic")
        let edges = g.edgeBetweenness(length: mode, threads: threads)
        let want = plain.edgeBetweenness(mode)
        #expect(edges.count == want.count, "\(what) edge betweenness: \(edges.count) edges, expected \(want.count)")
        for e in edges {
          let w = want["\(e.source) \(e.target)"]
          #expect(w != nil && abs(e.value - w!) <= 1e-10, "\(what) edge betweenness \(e.source)–\(e.target): \(e.value), expected \(String(describing: w))")
        }
      }
      for s in 0..<c.nodeCount {
        let want = plain.paths(mode).d[s]
        #expect(g.distances(from: s, length: mode) == want, "\(c.name) directed=\(directed) \(mode) distances from \(s)")
      }
    }
  }
}

@Test(arguments: MatrixCase.all)
func spectralAndStructuralMeasuresMatchTheTextbook(_ c: MatrixCase) throws {
  for directed in [false, true] {
    let g = SimpleGraph(nodeCount: c.nodeCount, edges: c.edges, directed: directed)
    let plain = PlainGraph(c, directed: directed)
    let what = "\(c.name) directed=\(directed)"
    for weighted in [false, true] {
      expectClose(try g.pagerank(weighted: weighted), plain.pagerank(weighted: weighted), "\(what) pagerank weighted=\(weighted)")
      expectClose(try g.pagerank(weighted: weighted, reversed: true), plain.pagerank(weighted: weighted, reversed: true), "\(what) reversed pagerank")
      // α below 1 / (largest row sum) ≥ 1 / spectral radius, so the series converges.
      func arc(_ u: Int, _ v: Int) -> Double { plain.w[u][v].map { weighted ? $0 : 1 } ?? 0 }
      var largestRow = 1.0
      for u in 0..<c.nodeCount {
        var sum = 0.0
        for v in 0..<c.nodeCount { sum += arc(u, v) + arc(v, u) }
        largestRow = max(largestRow, sum)
      }
      let alpha = 0.5 / largestRow
      expectClose(try g.katz(alpha: alpha, weighted: weighted), plain.katz(alpha: alpha, weighted: weighted), "\(what) katz weighted=\(weighted)")
      if !directed {
        var dense = [[Double]](repeating: [Double](repeating: 0, count: c.nodeCount), count: c.nodeCount)
        for u in 0..<c.nodeCount { for v in 0..<c.nodeCount { dense[u][v] = plain.w[u][v].map { weighted ? $0 : 1 } ?? 0 } }
        let got = try g.eigenvector(weighted: weighted)
        if c.nodeCount > 0 { #expect(relativeError(got, denseEigenvectorLimit(dense)) <= 1e-10, "\(what) eigenvector weighted=\(weighted): \(got)") }
      } else {
        // Directed eigenvector centrality is defined where power iteration converges; elsewhere a clear error, never a trap.
        do { _ = try g.eigenvector(weighted: weighted, maxIterations: 5_000) } catch {
          guard case .undefined? = error as? MetricError else {
            Issue.record("\(what) eigenvector: \(error)")
            continue
          }
        }
      }
    }
    #expect(g.coreNumbers() == plain.cores(), "\(what) cores")
    // The textbook clustering ignores direction; directed graphs' own (Fagiolo's) is checked against NetworkX in ClusteringTests.
    expectClose(g.undirectedCopy.clustering(), plain.clustering(), "\(what) clustering")
    let burt = plain.burt()
    expectClose(g.constraint(), burt.constraint, "\(what) constraint")
    expectClose(g.effectiveSize(), burt.effectiveSize, "\(what) effective size")
    // Communities: a label per node, deterministic, and the modularity reported is the partition's.
    let found = g.louvain(seed: 3)
    let (partition, q) = (found.partition, found.modularity)
    #expect(partition.count == c.nodeCount)
    #expect(g.louvain(seed: 3).partition == partition)
    #expect(abs(q - g.undirectedCopy.modularity(partition: partition, weighted: true)) <= 1e-12, "\(what) louvain modularity")
    // The named measures of `coalition metrics` under every length: values, no trap.
    for measure in CentralityMeasure.allCases {
      for mode in EdgeLength.allCases {
        do {
          let values = try measure.values(on: g, length: mode, options: MeasureOptions(threads: 2))
          #expect(values.count == c.nodeCount, "\(what) \(measure.rawValue) \(mode)")
        } catch {
          // Only eigenvector centrality on a directed graph may have no value, and it says why.
          guard case .undefined? = error as? MetricError, measure == .eigenvector, directed else {
            Issue.record("\(what) \(measure.rawValue) \(mode): \(error)")
            continue
          }
        }
      }
    }
  }
}
