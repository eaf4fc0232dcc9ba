import Foundation
import CoalitionGraph

extension SimpleGraph {
  /// Communities by the Louvain method (Blondel et al. 2008, doi:10.1088/1742-5468/2008/10/P10008):
  /// nodes move greedily to the neighbouring community that most increases modularity, then
  /// communities become nodes and the process repeats until nothing moves.
  ///
  /// Direction is ignored; weights are used when `weighted`. Nodes are visited in an order shuffled
  /// by `seed`, so a seed gives the same partition every run. Communities are numbered by their
  /// smallest node.
  /// - Parameters:
  ///   - resolution: γ of ``modularity(partition:resolution:weighted:)``; above 1 gives smaller communities.
  ///   - weighted: Use edge weights.
  ///   - seed: Seed of the visiting order.
  /// - Returns: A community label per node and the modularity of that partition.
  /// - Complexity: near-linear per pass in practice; O(m) memory.
  public func louvain(resolution: Double = 1, weighted: Bool = true, seed: UInt64 = 1) -> (partition: [Int], modularity: Double) {
    let base = undirectedCopy
    // Level graph: symmetric adjacency lists with weights; self-loop weight counts both ends.
    var adjacency: [[(Int, Double)]] = (0..<nodeCount).map { v in
      (Int(base.rowStart[v])..<Int(base.rowStart[v + 1])).map { (Int(base.target[$0]), weighted ? base.weight[$0] : 1) }
    }
    var selfLoop = [Double](repeating: 0, count: nodeCount)
    var membership = Array(0..<nodeCount)  // original node → current level node
    var rng = SplitMix64(seed: seed)
    let twoM = adjacency.reduce(0) { $0 + $1.reduce(0) { $0 + $1.1 } }
    guard twoM > 0 else {
      return (Array(0..<nodeCount), 0)
    }
    while true {
      let n = adjacency.count
      let degree = (0..<n).map { v in adjacency[v].reduce(selfLoop[v]) { $0 + $1.1 } }
      var community = Array(0..<n)
      var total = degree  // Σ_tot per community
      var order = Array(0..<n)
      for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
      var linkTo = [Double](repeating: 0, count: n)
      var touched: [Int] = []
      var moved = false
      for _ in 0..<1000 {
        var changes = 0
        for v in order {
          let own = community[v]
          for (w, weight) in adjacency[v] {
            let c = community[w]
            if linkTo[c] == 0 { touched.append(c) }
            linkTo[c] += weight
          }
          total[own] -= degree[v]
          // Gain of joining community c (up to a common factor): k_v,c − γ Σ_tot(c) k_v / 2m.
          var best = own
          var bestGain = linkTo[own] - resolution * total[own] * degree[v] / twoM
          for c in touched.sorted() {
            let gain = linkTo[c] - resolution * total[c] * degree[v] / twoM
            if gain > bestGain + 1e-12 {
              best = c
              bestGain = gain
            }
          }
          total[best] += degree[v]
          if best != own {
            community[v] = best
            changes += 1
          }
          for c in touched { linkTo[c] = 0 }
          touched.removeAll(keepingCapacity: true)
        }
        if changes == 0 { break }
        moved = true
      }
      // Renumber communities densely in order of first appearance.
      var renumber = [Int](repeating: -1, count: n)
      var count = 0
      for v in 0..<n where renumber[community[v]] < 0 {
        renumber[community[v]] = count
        count += 1
      }
      membership = membership.map { renumber[community[$0]] }
      if !moved || count == n { break }
      // Aggregate: communities become nodes.
      var merged = [[Int: Double]](repeating: [:], count: count)
      var loops = [Double](repeating: 0, count: count)
      for v in 0..<n {
        let cv = renumber[community[v]]
        loops[cv] += selfLoop[v]
        for (w, weight) in adjacency[v] {
          let cw = renumber[community[w]]
          if cv == cw { loops[cv] += weight } else { merged[cv][cw, default: 0] += weight }
        }
      }
      adjacency = merged.map { row in row.keys.sorted().map { k in (k, row[k]!) } }
      selfLoop = loops
    }
    // Label communities by their smallest node.
    var label = [Int: Int]()
    let partition = membership.map { c -> Int in
      if let l = label[c] { return l }
      label[c] = label.count
      return label[c]!
    }
    return (partition, base.modularity(partition: partition, resolution: resolution, weighted: weighted))
  }
}

/// Agreement between two partitions of the same nodes.
public enum PartitionComparison {
  /// Normalised mutual information, 2·I(X;Y) / (H(X) + H(Y)) (Danon et al. 2005), as igraph's
  /// `compare_communities(method="nmi")`: 1 for identical partitions; 1 when both are trivial.
  public static func normalizedMutualInformation(_ x: [Int], _ y: [Int]) -> Double {
    precondition(x.count == y.count, "partitions of the same nodes")
    let n = Double(x.count)
    guard n > 0 else { return 1 }
    let (joint, px, py) = contingency(x, y)
    func entropy(_ p: [Int: Double]) -> Double { p.values.reduce(0) { $0 - $1 / n * Foundation.log($1 / n) } }
    let (hx, hy) = (entropy(px), entropy(py))
    guard hx + hy > 0 else { return 1 }
    var mutual = 0.0
    for (key, count) in joint {
      mutual += count / n * Foundation.log(count * n / (px[key[0]]! * py[key[1]]!))
    }
    return 2 * mutual / (hx + hy)
  }

  /// Adjusted Rand index (Hubert and Arabie 1985): pair agreement corrected for chance, 1 for
  /// identical partitions, about 0 for unrelated ones.
  public static func adjustedRandIndex(_ x: [Int], _ y: [Int]) -> Double {
    precondition(x.count == y.count, "partitions of the same nodes")
    func pairs(_ k: Double) -> Double { k * (k - 1) / 2 }
    let (joint, px, py) = contingency(x, y)
    let index = joint.values.reduce(0) { $0 + pairs($1) }
    let (sx, sy) = (px.values.reduce(0) { $0 + pairs($1) }, py.values.reduce(0) { $0 + pairs($1) })
    let expected = sx * sy / pairs(Double(x.count))
    let maximum = (sx + sy) / 2
    return maximum == expected ? 1 : (index - expected) / (maximum - expected)
  }

  /// Counts of each (label in x, label in y) pair and of each label on its own.
  private static func contingency(_ x: [Int], _ y: [Int]) -> (joint: [[Int]: Double], x: [Int: Double], y: [Int: Double]) {
    var joint: [[Int]: Double] = [:]
    var px: [Int: Double] = [:]
    var py: [Int: Double] = [:]
    for (a, b) in zip(x, y) {
      joint[[a, b], default: 0] += 1
      px[a, default: 0] += 1
      py[b, default: 0] += 1
    }
    return (joint, px, py)
  }
}
