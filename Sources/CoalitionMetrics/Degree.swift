import CoalitionGraph

/// Which arcs a degree-type measure counts.
public enum DegreeMode: String, CaseIterable, Sendable {
  /// Ties leaving the actor; undirected ties count in both directions.
  case out
  /// Ties reaching the actor; undirected ties count in both directions.
  case `in`
  /// Every tie of the actor, direction ignored.
  case total
}

/// One score per node of a view, indexed by the view's local node index.
public struct NodeScores: Sendable {
  /// What was measured, e.g. `degree (total)`.
  public let name: String
  public let values: [Double]
  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }
  public subscript(node: Int) -> Double { values[node] }
  /// Nodes ordered by descending score, ties broken by ascending node index.
  public var ranking: [Int] { values.indices.sorted { (values[$0], $1) > (values[$1], $0) } }
  /// Competition ranks ("1224"): equal scores share the best rank.
  public var ranks: [Int] {
    var out = [Int](repeating: 0, count: values.count)
    let order = ranking
    for (k, v) in order.enumerated() {
      out[v] = k > 0 && values[order[k - 1]] == values[v] ? out[order[k - 1]] : k + 1
    }
    return out
  }
}

extension NetworkView {
  /// Number of distinct neighbours of each actor (ties of several kinds to one partner count once).
  ///
  /// With `mode: .total` direction is ignored; `.out` and `.in` follow the direction of directed
  /// kinds, and undirected ties count both ways.
  /// - Parameters:
  ///   - mode: Which arcs count.
  ///   - normalized: Divide by `n − 1`, the most neighbours an actor can have (NetworkX and igraph
  ///     convention for simple graphs).
  /// - Complexity: O(n + m) time, O(n) extra space.
  public func degree(_ mode: DegreeMode = .total, normalized: Bool = false) -> NodeScores {
    let csr = storage(for: mode)
    var values = [Double](repeating: 0, count: nodeCount)
    var lastSeen = [Int32](repeating: -1, count: nodeCount)
    for v in 0..<nodeCount {
      var count = 0
      for e in csr.arcs(of: v) {
        let w = Int(csr.target[e])
        if lastSeen[w] != Int32(v) {
          lastSeen[w] = Int32(v)
          count += 1
        }
      }
      values[v] = Double(count)
    }
    if normalized, nodeCount > 1 { values = values.map { $0 / Double(nodeCount - 1) } }
    return NodeScores(name: "degree (\(mode.rawValue))", values: values)
  }

  /// Sum of the weights of each actor's ties (every kind counts separately).
  ///
  /// Weights are the view's aggregated tie weights (by default the number of observations).
  /// - Parameters:
  ///   - mode: Which arcs count.
  ///   - normalized: Divide by `n − 1`.
  /// - Complexity: O(n + m).
  public func strength(_ mode: DegreeMode = .total, normalized: Bool = false) -> NodeScores {
    let csr = storage(for: mode)
    var values = (0..<nodeCount).map { v in csr.arcs(of: v).reduce(0.0) { $0 + csr.weight[$1] } }
    if normalized, nodeCount > 1 { values = values.map { $0 / Double(nodeCount - 1) } }
    return NodeScores(name: "strength (\(mode.rawValue))", values: values)
  }

  /// Number of ties of each actor, one per (partner, kind).
  /// - Complexity: O(n).
  public func tieCount(_ mode: DegreeMode = .total) -> NodeScores {
    let csr = storage(for: mode)
    return NodeScores(name: "ties (\(mode.rawValue))", values: (0..<nodeCount).map { Double(csr.arcs(of: $0).count) })
  }

  func storage(for mode: DegreeMode) -> CSRStorage {
    switch mode {
    case .out: return outgoing
    case .in: return incoming
    case .total: return undirected
    }
  }
}
