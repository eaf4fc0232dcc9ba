import CoalitionGraph
import CoalitionInterchange
import Foundation
import Testing

@testable import CoalitionMetrics

// The optimised kernels against plain, obviously correct versions on random graphs: dictionaries
// instead of bucket passes, one textbook queue-based BFS per source instead of direction-optimising
// and 64-source bit-parallel searches, Floyd–Warshall, union–find and repeated peeling.

/// A random multigraph: duplicates in both orders, self-loops, some isolated nodes.
private func randomEdges(_ rng: inout SplitMix64, n: Int, m: Int, weighted: Bool) -> [WeightedEdge] {
  (0..<m).map { _ in
    let u = Int(rng.next() % UInt64(n))
    let v = rng.next() % 7 == 0 ? u : Int(rng.next() % UInt64(n))
    return WeightedEdge(u, v, weighted ? Double(1 + rng.next() % 9) / 2 : 1)
  }
}

/// Rows by dictionary: merged weights in input order, targets sorted.
private func naiveRows(n: Int, edges: [WeightedEdge], directed: Bool) -> [[(Int, Double)]] {
  var rows = [[Int: Double]](repeating: [:], count: n)
  for e in edges where e.source != e.target {
    let (u, v, w) = (e.source, e.target, e.weight)
    rows[u][v, default: 0] += w
    if !directed { rows[v][u, default: 0] += w }
  }
  return rows.map { row in row.keys.sorted().map { k in (k, row[k]!) } }
}

@Test func rowsMatchADictionaryBuildOnRandomMultigraphs() {
  var rng = SplitMix64(seed: 41)
  for round in 0..<60 {
    let n = 1 + Int(rng.next() % 40)
    let directed = round % 2 == 0
    let weighted = round % 3 != 0
    var edges = randomEdges(&rng, n: n, m: Int(rng.next() % 150), weighted: weighted)
    if round % 5 == 0 { edges.sort { ($0.source, $0.target) < ($1.source, $1.target) } }  // sorted files take the no-sort path
    let g = SimpleGraph(nodeCount: n, edges: edges, directed: directed)
    let want = naiveRows(n: n, edges: edges, directed: directed)
    for v in 0..<n {
      let got = (Int(g.rowStart[v])..<Int(g.rowStart[v + 1])).map { (Int(g.target[$0]), g.weight[$0]) }
      #expect(got.map(\.0) == want[v].map(\.0), "round \(round) row \(v)")
      #expect(got.map(\.1) == want[v].map(\.1), "round \(round) row \(v) weights")
    }
    // In-rows are the transpose.
    let reverse = naiveRows(n: n, edges: edges.map { WeightedEdge($0.target, $0.source, $0.weight) }, directed: directed)
    for v in 0..<n {
      #expect((Int(g.inRowStart[v])..<Int(g.inRowStart[v + 1])).map { Int(g.inTarget[$0]) } == reverse[v].map(\.0))
    }
    #expect(g.weight.isUniform == want.joined().allSatisfy { $0.1 == 1 })
  }
}

@Test func unweightedGraphsStoreNoWeights() {
  let g = SimpleGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], weights: nil, directed: false)
  #expect(g.weight.isUniform && g.weight.values.isEmpty && g.weight.count == 4 && g.weight[3] == 1)
  // Parallel unweighted edges merge into a weight of 2, which must be stored.
  let doubled = SimpleGraph(nodeCount: 2, sources: [0, 1], targets: [1, 0], weights: nil, directed: false)
  #expect(Array(doubled.weight) == [2, 2])
  // Directed and weighted: the reverse rows read the forward weights through positions.
  let directed = SimpleGraph(nodeCount: 3, sources: [0, 2, 1], targets: [1, 1, 2], weights: [5, 7, 3], directed: true)
  #expect(directed.inWeight.values.count == 3 && directed.inWeight.positions.count == 3)
  #expect(Array(directed.inWeight) == [5, 7, 3])  // in-row of 1: from 0 (5), from 2 (7); in-row of 2: from 1 (3)
}

/// Textbook BFS levels from one source (-1: unreached).
private func naiveLevels(_ g: SimpleGraph, from s: Int, reverse: Bool = false) -> [Int] {
  let (start, next) = reverse ? (g.inRowStart, g.inTarget) : (g.rowStart, g.target)
  var level = [Int](repeating: -1, count: g.nodeCount)
  level[s] = 0
  var queue = [s]
  var head = 0
  while head < queue.count {
    let v = queue[head]
    head += 1
    for e in Int(start[v])..<Int(start[v + 1]) where level[Int(next[e])] < 0 {
      level[Int(next[e])] = level[v] + 1
      queue.append(Int(next[e]))
    }
  }
  return level
}

/// Graphs large and dense enough for the bottom-up steps and bit-parallel batches to take part:
/// G(n, m) with a hub, directed and not.
private func searchGraphs() -> [SimpleGraph] {
  var rng = SplitMix64(seed: 5)
  var out: [SimpleGraph] = []
  for (n, m) in [(1, 0), (70, 60), (130, 900), (300, 2400), (600, 1500)] {
    for directed in [false, true] {
      var edges = randomEdges(&rng, n: n, m: m, weighted: false)
      if n > 100 { edges += (1..<n / 2).map { WeightedEdge(0, $0, 1.0) } }  // a hub makes the frontier explode
      out.append(SimpleGraph(nodeCount: n, edges: edges, directed: directed))
    }
  }
  return out
}

@Test func levelSearchesMatchTextbookBFS() {
  for g in searchGraphs() {
    let n = g.nodeCount
    for s in Set([0, n / 2, n - 1]) {
      let want = naiveLevels(g, from: s)
      #expect(g.distances(from: s) == want.map { $0 < 0 ? .infinity : Double($0) })
    }
    // Closeness and harmonic (64-source batches) from the same textbook searches, both directions.
    for direction in [PathDirection.outgoing, .incoming] {
      let levels = (0..<n).map { naiveLevels(g, from: $0, reverse: direction == .incoming) }
      let closeness = g.closeness(direction: direction, convention: .igraph(normalized: false))
      let harmonic = g.harmonic(direction: direction)
      for v in 0..<n {
        let reached = levels[v].filter { $0 > 0 }
        let total = reached.reduce(0, +)
        #expect(reached.isEmpty ? closeness[v].isNaN : closeness[v] == 1 / Double(total), "closeness of \(v)")
        var byLevel = [Int: Int]()
        for l in reached { byLevel[l, default: 0] += 1 }
        let inverse = byLevel.keys.sorted().reduce(0.0) { $0 + Double(byLevel[$1]!) / Double($1) }
        #expect(abs(harmonic[v] - inverse) <= 1e-12 * max(1, inverse), "harmonic of \(v)")
      }
    }
  }
}

@Test func betweennessMatchesTheGeneralBrandesOnLargerGraphs() {
  // The hop kernel (pull-based, branch-free) against the weighted kernel with unit lengths, which
  // follows predecessor arcs the textbook way.
  for g in searchGraphs() {
    let fast = g.betweenness(normalized: false)
    let unit = SimpleGraph(nodeCount: g.nodeCount, edges: g.edges.map { WeightedEdge($0.source, $0.target, 1.0) }, directed: g.directed)
    let general = unit.betweenness(length: .weight, normalized: false)
    for v in 0..<g.nodeCount { #expect(abs(fast[v] - general[v]) <= 1e-9 * max(1, general[v]), "node \(v)") }
    #expect(g.betweenness(threads: 2) == g.betweenness(threads: 1))
  }
}

@Test func batchedBetweennessMatchesOneSourceAtATime() {
  // The multi-source kernel (up to 64 sources a pass, bit-masked lanes) against the single-source
  // kernel, for batch widths that split the sources unevenly, with and without endpoints, and on
  // a source subset as the sampled estimate uses.
  for g in searchGraphs() {
    let n = g.nodeCount
    for endpoints in [false, true] {
      var single = [Double](repeating: 0, count: n)
      g.brandesHops(sources: Array(0..<n), endpoints: endpoints, into: &single)
      for lanes in [2, 7, 64] {
        var batched = [Double](repeating: 0, count: n)
        g.brandesHops(sources: Array(0..<n), batch: MultiSourceBrandes(nodeCount: n, lanes: lanes), endpoints: endpoints, into: &batched)
        for v in 0..<n { #expect(abs(batched[v] - single[v]) <= 1e-9 * max(1, single[v]), "\(lanes) lanes, node \(v)") }
      }
    }
    let subset = stride(from: 0, to: n, by: 3).map { $0 }
    var single = [Double](repeating: 0, count: n)
    g.brandesHops(sources: subset, endpoints: false, into: &single)
    var batched = [Double](repeating: 0, count: n)
    g.brandesHops(sources: subset, batch: MultiSourceBrandes(nodeCount: n, lanes: 64), endpoints: false, into: &batched)
    for v in 0..<n { #expect(abs(batched[v] - single[v]) <= 1e-9 * max(1, single[v]), "subset, node \(v)") }
  }
}

@Test func sampledBetweennessStaysWithinItsBound() {
  let g = searchGraphs()[6]  // 300 nodes, undirected
  let exact = g.betweenness()
  for seed in [1, 2, 3] as [UInt64] {
    let estimate = g.approximateBetweenness(samples: 60, seed: seed)
    #expect(estimate.samples == 60 && estimate.errorBound > 0 && estimate.errorBound < 1)
    let worst = zip(estimate.values, exact).map { abs($0 - $1) }.max()!
    #expect(worst <= estimate.errorBound, "seed \(seed): error \(worst) > bound \(estimate.errorBound)")
    #expect(estimate.values != exact)
    // Same seed, same estimate; raw values scale with the normalisation.
    #expect(g.approximateBetweenness(samples: 60, seed: seed).values == estimate.values)
    let raw = g.approximateBetweenness(samples: 60, seed: seed, normalized: false)
    let factor = Double((g.nodeCount - 1) * (g.nodeCount - 2)) / 2
    #expect(abs(raw.errorBound - estimate.errorBound * factor) < 1e-9 * raw.errorBound)
  }
  let all = g.approximateBetweenness(samples: g.nodeCount)
  #expect(all.values == exact && all.errorBound == 0)
}

@Test func componentsMatchUnionFind() {
  var rng = SplitMix64(seed: 9)
  for round in 0..<30 {
    let n = 1 + Int(rng.next() % 200)
    let edges = randomEdges(&rng, n: n, m: Int(rng.next() % UInt64(n + 1)), weighted: false)
    let g = SimpleGraph(nodeCount: n, edges: edges, directed: round % 2 == 0)
    var parent = Array(0..<n)
    func find(_ x: Int) -> Int { parent[x] == x ? x : find(parent[x]) }
    for e in edges { parent[find(e.source)] = find(e.target) }
    let label = g.components()
    for u in 0..<n {
      for v in u + 1..<n { #expect((label[u] == label[v]) == (find(u) == find(v))) }
    }
    // Numbered in order of the smallest node.
    var firstSeen: [Int] = []
    for l in label where !firstSeen.contains(l) { firstSeen.append(l) }
    #expect(firstSeen == Array(0..<firstSeen.count))
  }
}

@Test func coreNumbersMatchRepeatedPeeling() {
  var rng = SplitMix64(seed: 13)
  for round in 0..<30 {
    let n = 1 + Int(rng.next() % 120)
    let g = SimpleGraph(nodeCount: n, edges: randomEdges(&rng, n: n, m: Int(rng.next() % UInt64(4 * n + 1)), weighted: false), directed: round % 3 == 0)
    // k-core by definition: repeatedly delete nodes of degree < k; core(v) = largest k keeping v.
    func degree(_ v: Int, _ alive: [Bool]) -> Int {
      var d = 0
      for e in Int(g.rowStart[v])..<Int(g.rowStart[v + 1]) where alive[Int(g.target[e])] { d += 1 }
      if g.directed { for e in Int(g.inRowStart[v])..<Int(g.inRowStart[v + 1]) where alive[Int(g.inTarget[e])] { d += 1 } }
      return d
    }
    var want = [Int](repeating: 0, count: n)
    for k in 1...max(1, 2 * n) {
      var alive = [Bool](repeating: true, count: n)
      var changed = true
      while changed {
        changed = false
        for v in 0..<n where alive[v] && degree(v, alive) < k {
          alive[v] = false
          changed = true
        }
      }
      if !alive.contains(true) { break }
      for v in 0..<n where alive[v] { want[v] = k }
    }
    #expect(g.coreNumbers() == want, "round \(round)")
  }
}

@Test func edgeListColumnsAndProgress() throws {
  let list = try EdgeList(bytes: Array("0 1\n1 2 9\n# c\n2 0\n\n7 x\n".utf8), weighted: false)
  #expect(list.nodeCount == 5 && list.sources == [0, 1, 2, 3] && list.targets == [1, 2, 0, 4] && list.weights == nil)
  #expect(list.names == ["0", "1", "2", "7", "x"])
  // Many lines: the columns grow past their first capacity.
  let many = (0..<5000).map { "\($0) \($0 + 1)\n" }.joined()
  let big = try EdgeList(bytes: Array(many.utf8), weighted: false)
  #expect(big.sources.count == 5000 && big.targets.last == 5000 && big.nodeCount == 5001)
}

@Test func wholeNumberLengthsTakeTheBucketQueueAndAgreeWithDijkstra() {
  // Lengths 1…5 go through the bucket queue; the same lengths × 1.5 (not whole, so Dijkstra with a
  // heap) give the same shortest paths.
  var rng = SplitMix64(seed: 21)
  for round in 0..<12 {
    let n = 2 + Int(rng.next() % 120)
    let edges = randomEdges(&rng, n: n, m: 3 * n, weighted: false).map { WeightedEdge($0.source, $0.target, Double(1 + rng.next() % 5)) }
    let directed = round % 2 == 1
    let g = SimpleGraph(nodeCount: n, edges: edges, directed: directed)
    #expect(g.integerLengths(.weight) != nil)
    let scaled = SimpleGraph(nodeCount: n, edges: edges.map { WeightedEdge($0.source, $0.target, $0.weight * 1.5) }, directed: directed)
    #expect(scaled.integerLengths(.weight) == nil)
    for source in Set([0, n / 2, n - 1]) {
      let near = g.distances(from: source, length: .weight)
      #expect(near == scaled.distances(from: source, length: .weight).map { $0 / 1.5 }, "distances from \(source)")
    }
    let fast = g.betweenness(length: .weight, normalized: false, endpoints: round % 3 == 0)
    let general = scaled.betweenness(length: .weight, normalized: false, endpoints: round % 3 == 0)
    for v in 0..<n { #expect(abs(fast[v] - general[v]) <= 1e-9 * max(1, general[v]), "round \(round) node \(v)") }
  }
}
