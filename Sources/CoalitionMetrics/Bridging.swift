import CoalitionGraph

extension SimpleGraph {
  /// Betweenness over the pairs that lie in different groups: for each node v, the sum over
  /// unordered pairs {s, t} with `group[s] ≠ group[t]` (and s, t ≠ v) of σ_st(v)/σ_st, the share of
  /// the shortest paths from s to t that pass through v. It says who carries the paths between
  /// communities, blocs or camps, where ordinary betweenness also counts paths inside one.
  ///
  /// Conventions: hops, direction ignored. It equals the sum over groups C of NetworkX's
  /// `betweenness_centrality_subset(G, sources=C, targets=V∖C, normalized=False)`. With
  /// `normalized`, each value is divided by the number of cross-group pairs that do not include v,
  /// so that it reads as a share (0…1); a node with no such pair gets 0.
  /// - Parameters:
  ///   - group: A group label per node.
  ///   - normalized: Divide by the cross-group pairs without v.
  ///   - threads: Threads for the sources; the result does not depend on it (sources run in a
  ///     fixed set of chunks whose sums are added in order).
  /// - Complexity: O(n·m) time, O(n + m) extra space per thread.
  public func betweennessAcrossGroups(_ group: [Int], normalized: Bool = true, threads: Int = 1) -> [Double] {
    precondition(group.count == nodeCount, "one group per node")
    let n = nodeCount
    let g = directed ? undirectedCopy : self
    var score = SourceChunks.sum(nodeCount: n, width: n, threads: threads, phase: "paths across groups") { sources, score in
      var level = [Int](repeating: -1, count: n)
      var sigma = [Double](repeating: 0, count: n)
      var delta = [Double](repeating: 0, count: n)
      var order: [Int] = []
      order.reserveCapacity(n)
      for s in sources {
        order.removeAll(keepingCapacity: true)
        level[s] = 0
        sigma[s] = 1
        order.append(s)
        var head = 0
        while head < order.count {
          let v = order[head]
          head += 1
          for e in Int(g.rowStart[v])..<Int(g.rowStart[v + 1]) {
            let w = Int(g.target[e])
            if level[w] < 0 {
              level[w] = level[v] + 1
              order.append(w)
            }
            if level[w] == level[v] + 1 { sigma[w] += sigma[v] }
          }
        }
        // Dependencies, farthest first: w passes to each predecessor v its own dependency plus 1
        // when w itself is a target in another group than s.
        for w in order.reversed() {
          let own = (group[w] != group[s] ? 1.0 : 0.0) + delta[w]
          for e in Int(g.rowStart[w])..<Int(g.rowStart[w + 1]) {
            let v = Int(g.target[e])
            if level[v] == level[w] - 1 { delta[v] += sigma[v] / sigma[w] * own }
          }
          if w != s { score[w] += delta[w] }
        }
        for v in order {
          level[v] = -1
          sigma[v] = 0
          delta[v] = 0
        }
      }
    }
    // Each unordered pair was counted from both ends.
    score = score.map { $0 / 2 }
    guard normalized else { return score }
    var size: [Int: Int] = [:]
    for c in group { size[c, default: 0] += 1 }
    let crossPairs = (n * n - size.values.reduce(0) { $0 + $1 * $1 }) / 2
    return (0..<n).map { v in
      let without = crossPairs - (n - size[group[v]]!)
      return without > 0 ? score[v] / Double(without) : 0
    }
  }
}

extension SimpleGraph {
  /// Participation coefficient over groups (Guimerà and Amaral 2005, doi:10.1038/nature03288):
  /// P_i = 1 − Σ_s (k_is / k_i)², with k_is the node's neighbours in group s and k_i all its
  /// neighbours. 0 when every neighbour is in one group; near 1 when they spread evenly over many.
  /// Undefined (NaN) for a node without neighbours.
  ///
  /// Conventions: neighbours, not weights; direction ignored.
  /// - Parameter group: A group label per node.
  /// - Complexity: O(n + m).
  public func participationCoefficient(groups group: [Int]) -> [Double] {
    precondition(group.count == nodeCount, "one group per node")
    let g = directed ? undirectedCopy : self
    return (0..<nodeCount).map { v in
      let row = Int(g.rowStart[v])..<Int(g.rowStart[v + 1])
      guard !row.isEmpty else { return .nan }
      var counts: [Int: Int] = [:]
      for e in row { counts[group[Int(g.target[e])], default: 0] += 1 }
      let k = Double(row.count)
      return 1 - counts.values.reduce(0) { $0 + (Double($1) / k) * (Double($1) / k) }
    }
  }
}
