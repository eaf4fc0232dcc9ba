import CoalitionGraph

/// Which closeness formula to use; NetworkX and igraph differ on graphs that are not connected.
public enum ClosenessConvention: Sendable, Hashable {
  /// NetworkX 3.6 `closeness_centrality`: (r−1)/Σd over the r nodes reachable (including the node),
  /// multiplied by (r−1)/(n−1) when `wassermanFaust` is on (NetworkX's default `wf_improved`), and
  /// 0 for a node that reaches no one.
  case networkx(wassermanFaust: Bool)
  /// igraph 1.0 `closeness`: computed over reachable nodes only, (r−1)/Σd when `normalized`
  /// (igraph's default) or 1/Σd otherwise; undefined (NaN) for a node that reaches no one.
  case igraph(normalized: Bool)
}

extension SimpleGraph {
  /// Closeness centrality: the inverse of the mean (or total) distance to the nodes an actor reaches
  /// (Bavelas 1950; Wasserman and Faust 1994 for the disconnected correction).
  ///
  /// - Parameters:
  ///   - direction: On directed graphs, whether distances run from the node (`.outgoing`, igraph's
  ///     default) or to it (`.incoming`, what NetworkX computes).
  ///   - length: Edge length.
  ///   - convention: NetworkX's or igraph's formula (see ``ClosenessConvention``).
  ///   - threads: Threads for the searches; the result does not depend on it.
  /// - Complexity: O(n·m) for hops, O(n·m log n) weighted.
  public func closeness(
    direction: PathDirection = .outgoing, length: EdgeLength = .hops, convention: ClosenessConvention = .networkx(wassermanFaust: true),
    threads: Int = 1
  ) -> [Double] {
    let (forward, _) = rows(direction, length)
    let nodeCount = self.nodeCount
    @Sendable func value(_ total: Double, _ reached: Double) -> Double {
      switch convention {
      case .networkx(let wf):
        guard total > 0, nodeCount > 1 else { return 0 }
        return reached / total * (wf ? reached / Double(nodeCount - 1) : 1)
      case .igraph(let normalized):
        guard reached > 0 else { return .nan }
        return (normalized ? reached : 1) / total
      }
    }
    if length == .hops {
      return hopSearches(direction, threads: threads) { value(Double($0.distanceSum), Double($0.reached)) }
    }
    return SourceChunks.sum(nodeCount: nodeCount, width: nodeCount, threads: threads) { sources, out in
    var search = PathSearch(nodeCount: nodeCount, length: length)
    for u in sources {
      search.run(from: u, over: forward)
      let total = search.order.reduce(0.0) { $0 + search.distance[Int($1)] }
      let reached = Double(search.order.count - 1)
      out[u] = value(total, reached)
    }
    }
  }

  /// Harmonic centrality: the sum of inverse distances to the other nodes, 1/∞ = 0
  /// (Marchiori and Latora 2000; Boldi and Vigna 2014).
  ///
  /// - Parameters:
  ///   - direction: As for ``closeness(direction:length:convention:threads:)``; NetworkX uses `.incoming`.
  ///   - length: Edge length.
  ///   - normalized: Divide by n−1, as igraph's `harmonic_centrality` does by default; NetworkX does not.
  ///   - threads: Threads for the searches; the result does not depend on it.
  /// - Complexity: O(n·m) for hops, O(n·m log n) weighted.
  public func harmonic(direction: PathDirection = .outgoing, length: EdgeLength = .hops, normalized: Bool = false, threads: Int = 1) -> [Double] {
    let (forward, _) = rows(direction, length)
    let nodeCount = self.nodeCount
    let scale = normalized && nodeCount > 1 ? 1 / Double(nodeCount - 1) : 1
    if length == .hops {
      return hopSearches(direction, threads: threads) { $0.inverseSum * scale }
    }
    return SourceChunks.sum(nodeCount: nodeCount, width: nodeCount, threads: threads) { sources, out in
      var search = PathSearch(nodeCount: nodeCount, length: length)
      for u in sources {
        search.run(from: u, over: forward)
        var sum = 0.0
        for v in search.order where search.distance[Int(v)] > 0 { sum += 1 / search.distance[Int(v)] }
        out[u] = sum * scale
      }
    }
  }
}

extension SimpleGraph {
  /// One breadth-first search from every node in `direction`, 64 sources at a time and
  /// source-parallel; `value` turns a source's summary into its score.
  func hopSearches(_ direction: PathDirection, threads: Int, value: @escaping @Sendable (HopSummary) -> Double) -> [Double] {
    let n = nodeCount
    let batches = (n + 63) / 64
    return withHopRows(direction) { forward, backward in
      SourceChunks.sum(nodeCount: batches, width: n, threads: threads) { range, out in
        let search = MultiSourceSearch(nodeCount: n)
        for batch in range {
          let sources = Array(batch * 64..<min(n, batch * 64 + 64))
          for (s, summary) in zip(sources, search.run(from: sources[...], forward: forward, backward: backward)) {
            out[s] = value(summary)
          }
        }
      }
    }
  }
}

extension NetworkView {
  /// Closeness of each actor (see ``SimpleGraph/closeness(direction:length:convention:threads:)``).
  public func closeness(
    directed: Bool = false, direction: PathDirection = .outgoing, length: EdgeLength = .hops,
    convention: ClosenessConvention = .networkx(wassermanFaust: true)
  ) -> ActorScores {
    ActorScores(in: self, 
      name: "closeness", values: simpleGraph(directed: directed).closeness(direction: direction, length: length, convention: convention))
  }

  /// Harmonic centrality of each actor (see ``SimpleGraph/harmonic(direction:length:normalized:threads:)``).
  public func harmonic(directed: Bool = false, direction: PathDirection = .outgoing, length: EdgeLength = .hops, normalized: Bool = false) -> ActorScores {
    ActorScores(in: self, name: "harmonic", values: simpleGraph(directed: directed).harmonic(direction: direction, length: length, normalized: normalized))
  }
}
