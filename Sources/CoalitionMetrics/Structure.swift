import Foundation

extension SimpleGraph {
  /// Edges present over edges possible: m / (n(n−1)), doubled for undirected graphs (as NetworkX).
  /// - Complexity: O(1).
  public func density() -> Double {
    guard nodeCount > 1 else { return 0 }
    let pairs = Double(nodeCount) * Double(nodeCount - 1)
    return Double(edgeCount) * (directed ? 1 : 2) / pairs
  }

  /// Connected components (weak components on a directed graph): a label per node, components
  /// numbered in the order of their smallest node.
  /// - Complexity: O(n + m).
  public func components() -> [Int] {
    let n = nodeCount
    var label = [Int32](repeating: -1, count: n)
    var queue = [Int32](repeating: 0, count: n)
    withHopRows(.outgoing) { out, inn in
      label.withUnsafeMutableBufferPointer { label in
        queue.withUnsafeMutableBufferPointer { queue in
          var next: Int32 = 0
          // Node 0's component (on most graphs the giant one) by the direction-optimising search.
          if !directed, n > 0 {
            let search = LevelSearch(nodeCount: n)
            search.run(from: 0, forward: out, backward: inn)
            for i in 0..<search.reached { label[Int(search.order[i])] = 0 }
            next = 1
          }
          // Breadth-first from each unlabelled node; a directed graph follows both rows.
          for s in 0..<n where label[s] < 0 {
            label[s] = next
            queue[0] = Int32(s)
            var head = 0
            var tail = 1
            while head < tail {
              let v = Int(queue[head])
              head &+= 1
              for pass in 0..<(directed ? 2 : 1) {
                let rows = pass == 0 ? out : inn
                for e in Int(rows.start[v])..<Int(rows.start[v + 1]) {
                  let w = Int(rows.target[e])
                  if label[w] < 0 {
                    label[w] = next
                    queue[tail] = Int32(truncatingIfNeeded: w)
                    tail &+= 1
                  }
                }
              }
            }
            next &+= 1
          }
        }
      }
    }
    return label.map { Int($0) }
  }

  /// Strongly connected components (Tarjan 1972, iterative): a label per node, components numbered
  /// in the order of their smallest node. On an undirected graph the same as ``components()``.
  /// - Complexity: O(n + m).
  public func strongComponents() -> [Int] {
    guard directed else { return components() }
    var index = [Int](repeating: -1, count: nodeCount)
    var low = [Int](repeating: 0, count: nodeCount)
    var onStack = [Bool](repeating: false, count: nodeCount)
    var stack: [Int] = []
    var raw = [Int](repeating: -1, count: nodeCount)
    var counter = 0
    var found = 0
    var frames: [(v: Int, edge: Int)] = []
    for s in 0..<nodeCount where index[s] < 0 {
      frames.append((s, Int(rowStart[s])))
      index[s] = counter; low[s] = counter; counter += 1
      stack.append(s); onStack[s] = true
      while !frames.isEmpty {
        let (v, e) = frames[frames.count - 1]
        if e < Int(rowStart[v + 1]) {
          frames[frames.count - 1].edge += 1
          let w = Int(target[e])
          if index[w] < 0 {
            index[w] = counter; low[w] = counter; counter += 1
            stack.append(w); onStack[w] = true
            frames.append((w, Int(rowStart[w])))
          } else if onStack[w] {
            low[v] = min(low[v], index[w])
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last { low[parent.v] = min(low[parent.v], low[v]) }
        if low[v] == index[v] {
          while let w = stack.popLast() {
            onStack[w] = false
            raw[w] = found
            if w == v { break }
          }
          found += 1
        }
      }
    }
    return relabelBySmallestNode(raw)
  }

  private func relabelBySmallestNode(_ raw: [Int]) -> [Int] {
    var map: [Int: Int] = [:]
    return raw.map { r in
      if let m = map[r] { return m }
      map[r] = map.count
      return map[r]!
    }
  }

  /// Cut vertices and bridges of the undirected graph (direction ignored): the actors and ties
  /// whose removal disconnects their component (Hopcroft and Tarjan 1973, iterative DFS).
  /// - Returns: Articulation points ascending, and bridges as (lower, higher) pairs ascending.
  /// - Complexity: O(n + m).
  public func cutVerticesAndBridges() -> CutsAndBridges {
    let u = undirectedCopy
    var discovery = [Int](repeating: -1, count: nodeCount)
    var low = [Int](repeating: 0, count: nodeCount)
    var isCut = [Bool](repeating: false, count: nodeCount)
    var bridges: [(Int, Int)] = []
    var time = 0
    var frames: [(v: Int, parent: Int, edge: Int, children: Int)] = []
    for root in 0..<nodeCount where discovery[root] < 0 {
      discovery[root] = time; low[root] = time; time += 1
      frames.append((root, -1, Int(u.rowStart[root]), 0))
      while !frames.isEmpty {
        let f = frames[frames.count - 1]
        if f.edge < Int(u.rowStart[f.v + 1]) {
          frames[frames.count - 1].edge += 1
          let w = Int(u.target[f.edge])
          if discovery[w] < 0 {
            frames[frames.count - 1].children += 1
            discovery[w] = time; low[w] = time; time += 1
            frames.append((w, f.v, Int(u.rowStart[w]), 0))
          } else if w != f.parent {
            low[f.v] = min(low[f.v], discovery[w])
          }
          continue
        }
        frames.removeLast()
        guard let p = frames.last else {
          if f.children > 1 { isCut[f.v] = true }  // the root is a cut vertex with two DFS children
          continue
        }
        low[p.v] = min(low[p.v], low[f.v])
        if low[f.v] > discovery[p.v] { bridges.append((min(p.v, f.v), max(p.v, f.v))) }
        if p.parent >= 0, low[f.v] >= discovery[p.v] { isCut[p.v] = true }
      }
    }
    return CutsAndBridges(articulationPoints: (0..<nodeCount).filter { isCut[$0] }, bridges: bridges.sorted { $0 < $1 }.map { NodePair($0.0, $0.1) })
  }

  /// k-core number of each node: the largest k such that the node is in a subgraph where every
  /// node has degree ≥ k (Seidman 1983). On a directed graph degree is in-degree + out-degree, as
  /// in NetworkX.
  ///
  /// Peeled level by level (as in Kabir and Madduri's PKC, 2017): for k = 0, 1, … every node left
  /// with degree ≤ k is removed, each removal lowering its neighbours' degrees, and a neighbour that
  /// drops to k joins the same round. Each arc costs one degree update and the nodes still present
  /// are rescanned once per round, Σ (core + 1) scans in all: O(n + m), with fewer random accesses
  /// than the bucket algorithm of Batagelj and Zaversnik (2003), which gives the same numbers.
  /// - Complexity: O(n + m).
  public func coreNumbers() -> [Int] {
    let n = nodeCount
    var core = [Int](repeating: 0, count: n)
    var degree = [Int32](repeating: 0, count: n)
    for v in 0..<n { degree[v] = rowStart[v + 1] - rowStart[v] + (directed ? inRowStart[v + 1] - inRowStart[v] : 0) }
    var remaining = (0..<Int32(truncatingIfNeeded: n)).map { $0 }
    var peel = [Int32](repeating: 0, count: n + 1)  // one spare slot for the unconditional write
    withHopRows(.outgoing) { out, inn in
      degree.withUnsafeMutableBufferPointer { degree in
        remaining.withUnsafeMutableBufferPointer { remaining in
          peel.withUnsafeMutableBufferPointer { peel in
            core.withUnsafeMutableBufferPointer { core in
              var left = n
              var k: Int32 = 0
              while left > 0 {
                // Nodes of degree ≤ k start this round; the rest stay, compacted. Removed nodes
                // have degree -1.
                var queued = 0
                var kept = 0
                var lowest = Int32.max
                for i in 0..<left {
                  let v = Int(remaining[i])
                  let d = degree[v]
                  if d < 0 { continue }
                  if d <= k {
                    peel[queued] = Int32(truncatingIfNeeded: v)
                    queued &+= 1
                  } else {
                    remaining[kept] = Int32(truncatingIfNeeded: v)
                    kept &+= 1
                    lowest = min(lowest, d)
                  }
                }
                left = kept
                if queued == 0 {
                  k = lowest
                  continue
                }
                var head = 0
                while head < queued {
                  let v = Int(peel[head])
                  head &+= 1
                  core[v] = Int(k)
                  degree[v] = -1
                  for pass in 0..<(directed ? 2 : 1) {
                    let rows = pass == 0 ? out : inn
                    // Without branches: whether a neighbour is still above k, and whether it
                    // drops to k now, are coin flips the processor cannot predict.
                    for e in Int(rows.start[v])..<Int(rows.start[v + 1]) {
                      let w = Int(rows.target[e])
                      let d = degree[w]
                      degree[w] = d &- (d > k ? 1 : 0)  // removed nodes (-1) and nodes at k stay
                      peel[queued] = Int32(truncatingIfNeeded: w)  // kept only if w drops to k
                      queued &+= d == k &+ 1 ? 1 : 0
                    }
                  }
                }
                k &+= 1
              }
            }
          }
        }
      }
    }
    return core
  }

  /// Local clustering coefficient of each node, as NetworkX's `clustering` defines it.
  ///
  /// Undirected: the share of pairs of neighbours that are themselves tied (Watts and Strogatz
  /// 1998); with `weighted`, each triangle counts the geometric mean of its three weights, each
  /// divided by the largest weight (Onnela et al. 2005). Directed: Fagiolo's (2007) clustering,
  /// T / (2 (d_tot (d_tot − 1) − 2 d_↔)), with T the directed triangles through the node (every
  /// direction of its three edges; weighted: geometric means as above), d_tot its in- plus
  /// out-degree and d_↔ its reciprocated neighbours. 0 for nodes with fewer than two neighbours.
  /// - Complexity: O(Σ deg²).
  public func clustering(weighted: Bool = false) -> [Double] {
    directed ? directedClustering(weighted: weighted) : undirectedClustering(weighted: weighted)
  }

  /// Fagiolo's directed clustering (see ``clustering(weighted:)``). Each pair's directed edges
  /// add up to s(x, y) = Σ ∛(w / w_max) over the one or two edges between them (1 each unweighted),
  /// and the geometric mean of a triangle's weights factorises, so T = Σ_{j ≠ k} s(i,j) s(i,k) s(j,k)
  /// over ordered pairs of the node's neighbours.
  private func directedClustering(weighted: Bool) -> [Double] {
    let top = weighted ? (weight.max() ?? 1) : 1
    var pieces: [WeightedEdge] = []
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) {
        pieces.append(WeightedEdge(v, Int(target[e]), weighted ? (weight[e] / top).cubeRoot : 1))
      }
    }
    let pairs = SimpleGraph(nodeCount: nodeCount, edges: pieces, directed: false)
    var mark = [Double](repeating: -1, count: nodeCount)
    var out = [Double](repeating: 0, count: nodeCount)
    for i in 0..<nodeCount {
      guard pairs.rowStart[i + 1] - pairs.rowStart[i] >= 2 else { continue }
      var t = 0.0
      pairs.closedWedges(at: i, mark: &mark) { e, f, toK in t += pairs.weight[e] * toK * pairs.weight[f] }
      let total = Double(rowStart[i + 1] - rowStart[i] + inRowStart[i + 1] - inRowStart[i])
      let mutual = Double((Int(rowStart[i])..<Int(rowStart[i + 1])).filter { hasEdge(Int(target[$0]), i) }.count)
      let denominator = 2 * (total * (total - 1) - 2 * mutual)
      out[i] = t == 0 || denominator <= 0 ? 0 : t / denominator
    }
    return out
  }

  /// Barrat et al.'s (2004) weighted clustering of each node, as igraph's
  /// `transitivity_local_undirected` with weights: Σ over ordered pairs of tied neighbours j, h of
  /// (w_ij + w_ih) / 2, over s_i (k_i − 1), with s_i the node's strength and k_i its degree;
  /// direction ignored. NaN below two neighbours (igraph's default); every weight 1 gives the
  /// unweighted clustering.
  /// - Complexity: O(Σ deg²).
  public func clusteringBarrat() -> [Double] {
    let u = undirectedCopy
    var mark = [Double](repeating: -1, count: nodeCount)
    var out = [Double](repeating: .nan, count: nodeCount)
    for v in 0..<nodeCount {
      let row = Int(u.rowStart[v])..<Int(u.rowStart[v + 1])
      guard row.count >= 2 else { continue }
      let strength = row.reduce(0) { $0 + u.weight[$1] }
      var sum = 0.0
      u.closedWedges(at: v, mark: &mark) { e, _, toB in sum += (u.weight[e] + toB) / 2 }
      out[v] = strength > 0 ? sum / (strength * Double(row.count - 1)) : .nan
    }
    return out
  }

  /// Every closed wedge at `v`, the graph read as undirected: for each neighbour a of v (edge e)
  /// and each neighbour b ≠ v of a (edge f) that is also v's neighbour, `body(e, f, w_vb)`.
  /// `mark` is scratch of one entry per node, −1 on entry and on exit (weights are not negative).
  func closedWedges(at v: Int, mark: inout [Double], _ body: (_ e: Int, _ f: Int, _ toB: Double) -> Void) {
    let row = Int(rowStart[v])..<Int(rowStart[v + 1])
    for e in row { mark[Int(target[e])] = weight[e] }
    for e in row {
      let a = Int(target[e])
      for f in Int(rowStart[a])..<Int(rowStart[a + 1]) {
        let b = Int(target[f])
        guard b != v, mark[b] >= 0 else { continue }
        body(e, f, mark[b])
      }
    }
    for e in row { mark[Int(target[e])] = -1 }
  }

  private func undirectedClustering(weighted: Bool) -> [Double] {
    let u = undirectedCopy
    let top = u.weight.max() ?? 1
    var mark = [Double](repeating: -1, count: nodeCount)
    var out = [Double](repeating: 0, count: nodeCount)
    for v in 0..<nodeCount {
      let degree = Int(u.rowStart[v + 1] - u.rowStart[v])
      guard degree >= 2 else { continue }
      var sum = 0.0
      u.closedWedges(at: v, mark: &mark) { e, f, toB in sum += weighted ? (u.weight[e] / top * toB / top * u.weight[f] / top).cubeRoot : 1 }
      out[v] = sum / Double(degree * (degree - 1))
    }
    return out
  }

  /// The mean of the unweighted local clustering over every node of the undirected graph (nodes
  /// with fewer than two neighbours count 0), as NetworkX's `average_clustering`.
  /// - Complexity: O(Σ deg²).
  public func averageClustering() -> Double {
    guard nodeCount > 0 else { return 0 }
    return undirectedCopy.clustering().reduce(0, +) / Double(nodeCount)
  }

  /// Transitivity: three times the number of triangles over the number of connected triples
  /// (the global clustering coefficient) of the undirected graph.
  /// - Complexity: O(Σ deg²).
  public func transitivity() -> Double {
    let u = undirectedCopy
    let local = u.clustering()
    var triangles = 0.0
    var triples = 0.0
    for v in 0..<nodeCount {
      let d = Double(u.rowStart[v + 1] - u.rowStart[v])
      triples += d * (d - 1)
      triangles += local[v] * d * (d - 1)
    }
    return triples == 0 ? 0 : triangles / triples
  }

  /// Share of directed edges whose reverse edge also exists (NetworkX `reciprocity`); 1 on an
  /// undirected graph.
  /// - Complexity: O(m log d).
  public func reciprocity() -> Double {
    guard directed, !target.isEmpty else { return directed ? 0 : 1 }
    var reciprocated = 0
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) where hasEdge(Int(target[e]), v) { reciprocated += 1 }
    }
    return Double(reciprocated) / Double(target.count)
  }

  /// Whether the edge u → v exists (binary search in u's sorted row).
  public func hasEdge(_ u: Int, _ v: Int) -> Bool {
    var lo = Int(rowStart[u])
    var hi = Int(rowStart[u + 1])
    while lo < hi {
      let mid = (lo + hi) / 2
      let t = Int(target[mid])
      if t == v { return true }
      if t < v { lo = mid + 1 } else { hi = mid }
    }
    return false
  }

  /// Maximal cliques of the undirected graph (Bron–Kerbosch with pivoting, Tomita et al. 2006),
  /// each sorted, the list sorted. Isolated nodes are cliques of one.
  /// - Complexity: O(3^(n/3)) in the worst case.
  public func maximalCliques() -> [[Int]] {
    let u = undirectedCopy
    let neighbours = (0..<nodeCount).map { v in Set((Int(u.rowStart[v])..<Int(u.rowStart[v + 1])).map { Int(u.target[$0]) }) }
    var result: [[Int]] = []
    func expand(_ r: [Int], _ p: Set<Int>, _ x: Set<Int>) {
      if p.isEmpty {
        if x.isEmpty { result.append(r.sorted()) }
        return
      }
      let pivot = p.union(x).max { neighbours[$0].intersection(p).count < neighbours[$1].intersection(p).count }!
      var p = p
      var x = x
      for v in p.subtracting(neighbours[pivot]).sorted() {
        expand(r + [v], p.intersection(neighbours[v]), x.intersection(neighbours[v]))
        p.remove(v)
        x.insert(v)
      }
    }
    expand([], Set(0..<nodeCount), [])
    return result.sorted { $0.lexicographicallyPrecedes($1) }
  }

  /// Modularity of a partition (Newman and Girvan 2004; directed form of Leicht and Newman 2008):
  /// Q = Σ_c [ L_c / m − γ · (d_c / 2m)² ] undirected, Σ_c [ L_c / m − γ · out_c · in_c / m² ] directed,
  /// with L_c the (weighted) edges inside community c and d_c its total degree. Matches NetworkX
  /// `community.modularity`.
  /// - Parameters:
  ///   - partition: A community label per node.
  ///   - resolution: γ; below 1 favours larger communities.
  ///   - weighted: Use edge weights.
  /// - Complexity: O(n + m).
  public func modularity(partition: [Int], resolution: Double = 1, weighted: Bool = false) -> Double {
    precondition(partition.count == nodeCount, "one label per node")
    let labels = Dictionary(grouping: partition.indices, by: { partition[$0] }).keys.sorted()
    let slot = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
    var inside = [Double](repeating: 0, count: labels.count)
    var outDegree = [Double](repeating: 0, count: labels.count)
    var inDegree = [Double](repeating: 0, count: labels.count)
    var total = 0.0
    for v in 0..<nodeCount {
      for e in Int(rowStart[v])..<Int(rowStart[v + 1]) {
        let w = weighted ? weight[e] : 1
        let t = Int(target[e])
        let (cv, ct) = (slot[partition[v]]!, slot[partition[t]]!)
        total += w
        outDegree[cv] += w
        inDegree[ct] += w
        if cv == ct { inside[cv] += w }
      }
    }
    guard total > 0 else { return 0 }
    // For an undirected graph every edge was seen twice: total = 2m, inside = 2 L_c.
    let m = directed ? total : total / 2
    var q = 0.0
    for c in labels.indices {
      if directed {
        q += inside[c] / m - resolution * outDegree[c] * inDegree[c] / (m * m)
      } else {
        q += inside[c] / 2 / m - resolution * (outDegree[c] / (2 * m)) * (outDegree[c] / (2 * m))
      }
    }
    return q
  }

  /// Assortativity of a node attribute (Newman 2003, doi:10.1103/PhysRevE.67.026126): the
  /// correlation of labels across edges, 1 when every edge stays inside its group, below 0 when
  /// edges prefer other groups. Unweighted, as NetworkX `attribute_assortativity_coefficient`.
  /// - Complexity: O(m + k²) for k labels.
  public func assortativity(labels: [Int]) -> Double {
    precondition(labels.count == nodeCount, "one label per node")
    let values = Array(Set(labels)).sorted()
    let slot = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
    var e = [[Double]](repeating: [Double](repeating: 0, count: values.count), count: values.count)
    var total = 0.0
    for v in 0..<nodeCount {
      for k in Int(rowStart[v])..<Int(rowStart[v + 1]) {
        e[slot[labels[v]]!][slot[labels[Int(target[k])]]!] += 1
        total += 1
      }
    }
    guard total > 0 else { return 0 }
    var trace = 0.0
    var ab = 0.0
    for i in values.indices {
      trace += e[i][i] / total
      let a = e[i].reduce(0, +) / total
      let b = e.reduce(0) { $0 + $1[i] } / total
      ab += a * b
    }
    return ab == 1 ? 0 : (trace - ab) / (1 - ab)
  }
}

extension Double {
  /// Cube root, for the geometric mean of three weights.
  var cubeRoot: Double { self <= 0 ? 0 : Foundation.cbrt(self) }
}

/// The actors and ties whose removal disconnects their component.
public struct CutsAndBridges: Hashable, Sendable {
  /// Articulation points (cut vertices), ascending.
  public var articulationPoints: [Int]
  /// Bridges as (lower, higher) pairs, ascending.
  public var bridges: [NodePair]
}

