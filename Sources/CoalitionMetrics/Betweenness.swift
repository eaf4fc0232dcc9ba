import CoalitionGraph

extension SimpleGraph {
  /// Scores each node by the share of shortest paths between other nodes that pass through it
  /// (Freeman 1977; computed with Brandes 2001, doi:10.1080/0022250X.2001.9990249).
  ///
  /// Conventions follow NetworkX 3.6 `betweenness_centrality` and are checked against it (and
  /// against igraph's `betweenness` for the raw values):
  /// - Paths are counted over ordered pairs (s, t), s ≠ t; on an undirected graph the raw value is
  ///   halved so that each unordered pair counts once.
  /// - `normalized` divides by the number of pairs that could pass through the node,
  ///   (n−1)(n−2), or n(n−1) with `endpoints`.
  /// - `endpoints` also credits the source and target of each path.
  /// - Weighted paths use `length`. Path lengths are compared exactly, as NetworkX does; igraph
  ///   treats lengths within a relative 1e-10 as equal, so with fractional lengths (1/3 + 1/6
  ///   against 1/2) it can count more shortest paths than NetworkX and this package.
  /// - Parameters:
  ///   - length: Edge length for shortest paths.
  ///   - normalized: Divide as described above.
  ///   - endpoints: Count path endpoints.
  /// - Returns: One value per node.
  ///   - threads: Threads for the sources (results do not depend on it).
  /// - Complexity: O(n·m) for hops, O(n·m log n) weighted; O(n + m) extra space per thread.
  public func betweenness(length: EdgeLength = .hops, normalized: Bool = true, endpoints: Bool = false, threads: Int = 1) -> [Double] {
    let score = SourceChunks.sum(nodeCount: nodeCount, width: nodeCount, threads: threads) { sources, partial in
      if length == .hops {
        self.brandesHops(sources: sources, endpoints: endpoints, into: &partial)
        return
      }
      self.brandes(length: length, sources: sources) { s, order, delta in
        for w32 in order where Int(w32) != s { partial[Int(w32)] += delta[Int(w32)] + (endpoints ? 1 : 0) }
        if endpoints { partial[s] += Double(order.count - 1) }
      }
    }
    let pairs = Double(endpoints ? nodeCount : nodeCount - 1)
    guard pairs >= 2 else { return score }
    let scale = normalized ? 1 / (pairs * (pairs - 1)) : (directed ? 1 : 0.5)
    return score.map { $0 * scale }
  }

  /// Scores each edge by the share of shortest paths that use it (Girvan and Newman 2002).
  ///
  /// Matches NetworkX 3.6 `edge_betweenness_centrality`: paths over ordered pairs; `normalized`
  /// divides by n(n−1); otherwise undirected values are halved.
  /// - Returns: One entry per edge of ``edges``, in that order.
  /// - Complexity: O(n·m) for hops, O(n·m log n) weighted.
  public func edgeBetweenness(length: EdgeLength = .hops, normalized: Bool = true, threads: Int = 1) -> [(source: Int, target: Int, value: Double)] {
    let backward = rows(.outgoing, length).backward
    let list = edges
    // Edge id of each backward arc (w's row, entry v, i.e. the arc v → w).
    var id = [String: Int]()
    for (k, e) in list.enumerated() { id["\(e.0) \(e.1)"] = k }
    var arcEdge = [Int](repeating: -1, count: backward.target.count)
    for w in 0..<nodeCount {
      for e in Int(backward.start[w])..<Int(backward.start[w + 1]) {
        let v = Int(backward.target[e])
        let key = directed || v < w ? "\(v) \(w)" : "\(w) \(v)"
        arcEdge[e] = id[key]!
      }
    }
    let edgeOfArc = arcEdge
    let score = SourceChunks.sum(nodeCount: nodeCount, width: list.count, threads: threads) { sources, partial in
      self.brandes(length: length, sources: sources, onArc: { e, credit in partial[edgeOfArc[e]] += credit }) { _, _, _ in }
    }
    let n = Double(nodeCount)
    let scale = nodeCount < 2 ? 1 : (normalized ? 1 / (n * (n - 1)) : (directed ? 1 : 0.5))
    return list.enumerated().map { k, e in (e.0, e.1, score[k] * scale) }
  }
}

extension SimpleGraph {
  /// Brandes' dependency accumulation (2001): for every source s, shortest paths from s, then the
  /// dependencies δ accumulated from the farthest nodes back. `onArc` receives the credit each
  /// shortest-path arc (by its position in the backward rows) carries; `perSource` sees the
  /// source, the nodes reached and their dependencies.
  func brandes(
    length: EdgeLength, sources: Range<Int>, onArc: (Int, Double) -> Void = { _, _ in }, perSource: (Int, [Int32], [Double]) -> Void
  ) {
    let (forward, backward) = rows(.outgoing, length)
    var search = PathSearch(nodeCount: nodeCount, length: length)
    var delta = [Double](repeating: 0, count: nodeCount)
    for s in sources {
      search.run(from: s, over: forward)
      for v in search.order { delta[Int(v)] = 0 }
      for w32 in search.order.reversed() {
        let w = Int(w32)
        let coefficient = (1 + delta[w]) / search.sigma[w]
        for e in Int(backward.start[w])..<Int(backward.start[w + 1]) {
          let v = Int(backward.target[e])
          if search.onShortestPath(v, w, length: backward.length[e]) {
            let credit = search.sigma[v] * coefficient
            delta[v] += credit
            onArc(e, credit)
          }
        }
      }
      perSource(s, search.order, delta)
    }
  }

  /// Brandes for hop counts: the shared integer-level breadth-first search, then dependencies
  /// accumulated backwards over raw buffers. Same arithmetic order as ``brandes``, so results are
  /// identical to it.
  func brandesHops(sources: Range<Int>, endpoints: Bool, into score: inout [Double]) {
    var delta = [Double](repeating: 0, count: nodeCount)
    inRowStart.withUnsafeBufferPointer { inStart in
      inTarget.withUnsafeBufferPointer { previous in
        delta.withUnsafeMutableBufferPointer { delta in
          score.withUnsafeMutableBufferPointer { score in
            hopSearches(sources: sources, start: rowStart, next: target, countPaths: true) { s, reached, level, sigma in
              for w32 in reached.reversed() {
                let w = Int(w32)
                let coefficient = (1 + delta[w]) / sigma[w]
                let below = level[w] - 1
                for e in Int(inStart[w])..<Int(inStart[w + 1]) {
                  let v = Int(previous[e])
                  if level[v] == below { delta[v] += sigma[v] * coefficient }
                }
                if w != s { score[w] += delta[w] + (endpoints ? 1 : 0) }
              }
              if endpoints { score[s] += Double(reached.count - 1) }
              for v in reached { delta[Int(v)] = 0 }
            }
          }
        }
      }
    }
  }

  /// The pairs a node fully brokers: (s, t) with s < t, both other than `broker`, connected, and
  /// every shortest path (in hops) between them passing through the broker.
  /// - Complexity: O(n·m).
  public func pairsBrokered(by broker: Int) -> [(Int, Int)] {
    let (forward, _) = rows(.outgoing, .hops)
    var search = PathSearch(nodeCount: nodeCount, length: .hops)
    search.run(from: broker, over: forward)
    let fromBroker = search.distance
    let pathsFromBroker = search.sigma
    var out: [(Int, Int)] = []
    for s in 0..<nodeCount where s != broker {
      search.run(from: s, over: forward)
      for t in s + 1..<nodeCount where t != broker && search.distance[t].isFinite {
        if search.distance[broker] + fromBroker[t] == search.distance[t], search.sigma[broker] * pathsFromBroker[t] == search.sigma[t] {
          out.append((s, t))
        }
      }
    }
    return out
  }
}

extension View {
  /// Betweenness of each actor in the view (see ``SimpleGraph/betweenness(length:normalized:endpoints:)``).
  ///
  /// - Parameters:
  ///   - directed: Follow the direction of directed kinds; otherwise direction is ignored.
  ///   - length: Edge length; `.inverseWeight` treats heavier ties (more observations) as shorter.
  ///   - normalized: Divide by the number of pairs, (n−1)(n−2).
  ///   - endpoints: Count path endpoints.
  public func betweenness(directed: Bool = false, length: EdgeLength = .hops, normalized: Bool = true, endpoints: Bool = false) -> NodeScores {
    NodeScores(
      name: "betweenness\(directed ? " (directed)" : "")",
      values: simpleGraph(directed: directed).betweenness(length: length, normalized: normalized, endpoints: endpoints))
  }
}
