import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionMetrics

/// A small graph of the sweep and NetworkX's values on it
/// (scripts/reference/spectral_reference.py → Tests/Fixtures/reference/spectral_sweep.json).
struct SweepGraph: Sendable {
  let name: String
  let graph: SimpleGraph
  let values: [String: [Double]]
  let katzAlpha: Double?

  static let all: [SweepGraph] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference/spectral_sweep.json")
    guard let data = try? Data(contentsOf: url),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let graphs = root["graphs"] as? [[String: Any]]
    else { return [] }
    return graphs.map { g in
      let edges = (g["edges"] as? [[Double]] ?? []).map { WeightedEdge(Int($0[0]), Int($0[1]), $0[2]) }
      return SweepGraph(
        name: g["name"] as? String ?? "?",
        graph: SimpleGraph(nodeCount: g["n"] as? Int ?? 0, edges: edges, directed: g["directed"] as? Bool ?? false),
        values: (g["values"] as? [String: [Double]]) ?? [:], katzAlpha: g["katz_alpha"] as? Double)
    }
  }()
}

/// Largest absolute difference over the largest absolute reference value (0 when both are empty).
func relativeError(_ got: [Double], _ want: [Double]) -> Double {
  guard got.count == want.count else { return .infinity }
  let scale = max(want.map(abs).max() ?? 0, 1e-300)
  return zip(got, want).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}

@Test func spectralSweepFixtureCoversEveryKindOfGraph() {
  let names = SweepGraph.all.map(\.name)
  #expect(names.count > 700)
  for required in ["davis_southern_women", "triangle_pendant", "triangle_and_edge", "two_triangles", "edgeless_4", "single_node", "cycle_6", "directed_cycle_5"] {
    #expect(names.contains(required), "\(required) missing")
  }
  #expect(SweepGraph.all.contains { $0.graph.directed })
  #expect(SweepGraph.all.contains { !$0.graph.weight.isUniform })
}

@Test func eigenvectorAgreesWithNetworkXOnEverySweepGraph() throws {
  var checked = 0
  for s in SweepGraph.all {
    guard let want = s.values["eigenvector"] else { continue }
    let got = try s.graph.eigenvector()
    let error = relativeError(got, want)
    #expect(error <= 1e-10, "\(s.name): relative error \(error)\n got  \(got)\n want \(want)")
    checked += 1
  }
  #expect(checked > 500)
}

@Test func pagerankAgreesWithNetworkXOnEverySweepGraph() throws {
  for s in SweepGraph.all {
    guard let want = s.values["pagerank"] else { continue }
    let got = try s.graph.pagerank()
    #expect(relativeError(got, want) <= 1e-10, "\(s.name): \(got) vs \(want)")
    // Every value agrees relative to itself, not only to the largest one.
    for (g, w) in zip(got, want) { #expect(abs(g - w) <= 1e-10 * w, "\(s.name): \(g) vs \(w)") }
  }
}

@Test func katzAgreesWithNetworkXOnEverySweepGraph() throws {
  for s in SweepGraph.all {
    guard let want = s.values["katz"], let alpha = s.katzAlpha else { continue }
    let got = try s.graph.katz(alpha: alpha)
    #expect(relativeError(got, want) <= 1e-10, "\(s.name): \(got) vs \(want)")
  }
}

/// The principal eigenvector of a dense symmetric matrix by cyclic Jacobi rotations, then the
/// all-ones vector projected on the top eigenspace: a plain textbook computation to check the
/// Lanczos solver against on graphs no fixture holds.
func denseEigenvectorLimit(_ a: [[Double]]) -> [Double] {
  let n = a.count
  var m = a
  var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
  for _ in 0..<200 {
    var off = 0.0
    for p in 0..<n { for q in p + 1..<n { off += m[p][q] * m[p][q] } }
    if off < 1e-30 { break }
    for p in 0..<n {
      for q in p + 1..<n where m[p][q] != 0 {
        let theta = (m[q][q] - m[p][p]) / (2 * m[p][q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for r in 0..<n {
          let (x, y) = (m[r][p], m[r][q])
          m[r][p] = c * x - s * y
          m[r][q] = s * x + c * y
        }
        for r in 0..<n {
          let (x, y) = (m[p][r], m[q][r])
          m[p][r] = c * x - s * y
          m[q][r] = s * x + c * y
        }
        for r in 0..<n {
          let (x, y) = (v[r][p], v[r][q])
          v[r][p] = c * x - s * y
          v[r][q] = s * x + c * y
        }
      }
    }
  }
  let values = (0..<n).map { m[$0][$0] }
  let top = values.max() ?? 0
  var limit = [Double](repeating: 0, count: n)
  for k in 0..<n where values[k] >= top - 1e-9 * max(1, abs(top)) {
    let weight = (0..<n).reduce(0.0) { $0 + v[$1][k] }  // ⟨v_k, 1⟩
    for i in 0..<n { limit[i] += weight * v[i][k] }
  }
  let norm = limit.reduce(0) { $0 + $1 * $1 }.squareRoot()
  return norm > 0 ? limit.map { $0 / norm } : [Double](repeating: 1 / Double(n).squareRoot(), count: n)
}

/// A deterministic generator for the sweep (SplitMix64).
struct SweepRandom {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

@Test func eigenvectorAgreesWithADenseSolveOnThousandsOfRandomGraphs() throws {
  var random = SweepRandom(state: 42)
  for trial in 0..<3000 {
    let n = 1 + random.below(14)
    var edges: [WeightedEdge] = []
    let shape = trial % 4  // 0 any, 1 bipartite, 2 tree plus pendants, 3 weighted
    let m = random.below(n * n / 2 + 1)
    for _ in 0..<m {
      let (u, v) = (random.below(n), random.below(n))
      if shape == 1, (u < n / 2) == (v < n / 2) { continue }
      edges.append(WeightedEdge(u, v, shape == 3 ? Double(1 + random.below(9)) / 2 : 1))
    }
    if shape == 2 { edges = (1..<max(n, 1)).map { WeightedEdge($0, random.below($0), 1) } }
    let g = SimpleGraph(nodeCount: n, edges: edges, directed: false)
    var dense = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for e in g.edges {
      let (u, v, w) = (e.source, e.target, e.weight)
      dense[u][v] = w
      dense[v][u] = w
    }
    let want = denseEigenvectorLimit(dense)
    let got = try g.eigenvector()
    let error = relativeError(got, want)
    #expect(error <= 1e-10, "trial \(trial) n=\(n) edges=\(g.edges.map { [$0.source, $0.target] }): error \(error)")
    if error > 1e-10 { return }
  }
}
