import CoalitionGraph

/// A measure that failed to produce a result.
public enum MetricError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An iterative measure did not reach its tolerance within the allowed iterations.
  case notConverged(measure: String, iterations: Int)
  /// A parameter is outside the range where the measure is defined.
  case invalidParameter(measure: String, reason: String)

  public var description: String {
    switch self {
    case .notConverged(let m, let i): return "\(m) did not converge in \(i) iterations"
    case .invalidParameter(let m, let r): return "\(m): \(r)"
    }
  }
}

extension SimpleGraph {
  /// y = Aᵀx: each node collects the values of the nodes with an edge into it (weighted or not).
  private func collectFromPredecessors(_ x: [Double], weighted: Bool, into y: inout [Double]) {
    for i in 0..<nodeCount {
      var sum = 0.0
      for e in Int(inRowStart[i])..<Int(inRowStart[i + 1]) { sum += (weighted ? inWeight[e] : 1) * x[Int(inTarget[e])] }
      y[i] = sum
    }
  }

  /// PageRank: the stationary distribution of a random walk that follows edges (in proportion to
  /// their weight) with probability `damping` and otherwise jumps to a node drawn from
  /// `personalization` (Brin and Page 1998).
  ///
  /// Conventions of NetworkX 3.6 `pagerank`: nodes without out-edges (dangling) hand their score to
  /// the personalization distribution; an undirected edge is followed both ways. Power iteration
  /// from the uniform vector stops when the L1 change falls below `n × tolerance`. Scores sum to 1.
  /// - Parameters:
  ///   - damping: Probability of following an edge (0.85 by convention).
  ///   - weighted: Follow edges in proportion to their weight.
  ///   - personalization: Jump distribution by node (normalised here); uniform when `nil`.
  ///   - reversed: Walk edges backwards, so that suppliers rank as well as recipients.
  ///   - tolerance: Convergence threshold per node.
  ///   - maxIterations: Give up after this many iterations.
  /// - Throws: ``MetricError`` when the iteration does not converge or a parameter is invalid.
  /// - Complexity: O(m) per iteration.
  public func pagerank(
    damping: Double = 0.85, weighted: Bool = true, personalization: [Double]? = nil, reversed: Bool = false,
    tolerance: Double = 1e-12, maxIterations: Int = 1000
  ) throws(MetricError) -> [Double] {
    guard (0..<1).contains(damping) else { throw .invalidParameter(measure: "pagerank", reason: "damping must be in [0, 1)") }
    let n = nodeCount
    guard n > 0 else { return [] }
    var p = personalization ?? [Double](repeating: 1, count: n)
    guard p.count == n, p.allSatisfy({ $0 >= 0 && $0.isFinite }), p.reduce(0, +) > 0 else {
      throw .invalidParameter(measure: "pagerank", reason: "personalization needs one non-negative value per node, not all zero")
    }
    let total = p.reduce(0, +)
    p = p.map { $0 / total }
    // Walk rows: out-rows normally, in-rows when reversed.
    let (start, target, weight) = reversed ? (inRowStart, inTarget, inWeight) : (rowStart, target, self.weight)
    var outWeight = [Double](repeating: 0, count: n)
    for v in 0..<n {
      for e in Int(start[v])..<Int(start[v + 1]) { outWeight[v] += weighted ? weight[e] : 1 }
    }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
      var dangling = 0.0
      for v in 0..<n where outWeight[v] == 0 { dangling += x[v] }
      for i in 0..<n { next[i] = (1 - damping) * p[i] + damping * dangling * p[i] }
      for v in 0..<n where outWeight[v] > 0 {
        let share = damping * x[v] / outWeight[v]
        for e in Int(start[v])..<Int(start[v + 1]) { next[Int(target[e])] += share * (weighted ? weight[e] : 1) }
      }
      var change = 0.0
      for i in 0..<n { change += abs(next[i] - x[i]) }
      swap(&x, &next)
      if change < Double(n) * tolerance { return x }
    }
    throw .notConverged(measure: "pagerank", iterations: maxIterations)
  }

  /// Eigenvector centrality: the principal eigenvector of the adjacency matrix, each node scored by
  /// the scores of the nodes tied to it (Bonacich 1972). On a directed graph in-edges count (the
  /// left eigenvector, as NetworkX computes).
  ///
  /// Power iteration on Aᵀ + I (the shift keeps bipartite graphs from oscillating) from the all-ones
  /// vector, until the L1 change of the unit-norm vector falls below `n × tolerance`. Defined for
  /// connected undirected graphs and strongly connected directed ones; elsewhere the result
  /// depends on the components.
  /// - Parameters:
  ///   - weighted: Use edge weights.
  ///   - scaling: `.unitNorm` (Euclidean norm 1, NetworkX) or `.maxOne` (largest score 1, igraph's `scale=True`).
  /// - Complexity: O(m) per iteration.
  public func eigenvector(
    weighted: Bool = true, scaling: EigenvectorScaling = .unitNorm, tolerance: Double = 1e-13, maxIterations: Int = 100_000
  ) throws(MetricError) -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
    var y = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
      collectFromPredecessors(x, weighted: weighted, into: &y)
      for i in 0..<n { y[i] += x[i] }
      let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { return [Double](repeating: 0, count: n) }
      var change = 0.0
      for i in 0..<n {
        y[i] /= norm
        change += abs(y[i] - x[i])
      }
      swap(&x, &y)
      if change < Double(n) * tolerance {
        if scaling == .maxOne, let m = x.max(), m > 0 { return x.map { $0 / m } }
        return x
      }
    }
    throw .notConverged(measure: "eigenvector", iterations: maxIterations)
  }

  /// Katz centrality: x = α·Aᵀx + β, each node scored by all walks that reach it, a walk of length k
  /// weighted by αᵏ (Katz 1953). Matches NetworkX 3.6 `katz_centrality`.
  ///
  /// Jacobi iteration until the L1 change falls below `n × tolerance`; converges when α is below
  /// 1 / (largest eigenvalue of A).
  /// - Parameters:
  ///   - alpha: Attenuation per step.
  ///   - beta: Base score of every node.
  ///   - weighted: Use edge weights.
  ///   - normalized: Scale to Euclidean norm 1 (NetworkX's default).
  /// - Throws: ``MetricError/notConverged(measure:iterations:)`` when α is too large for the graph.
  /// - Complexity: O(m) per iteration.
  public func katz(
    alpha: Double = 0.1, beta: Double = 1, weighted: Bool = true, normalized: Bool = true, tolerance: Double = 1e-13,
    maxIterations: Int = 100_000
  ) throws(MetricError) -> [Double] {
    let n = nodeCount
    var x = [Double](repeating: 0, count: n)
    var y = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
      collectFromPredecessors(x, weighted: weighted, into: &y)
      var change = 0.0
      for i in 0..<n {
        y[i] = alpha * y[i] + beta
        change += abs(y[i] - x[i])
      }
      swap(&x, &y)
      guard change.isFinite else { break }
      if change < Double(n) * tolerance * max(1, abs(beta)) {
        guard normalized else { return x }
        let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot() * (x.reduce(0, +) < 0 ? -1 : 1)
        return norm == 0 ? x : x.map { $0 / norm }
      }
    }
    throw .notConverged(measure: "katz", iterations: maxIterations)
  }
}

/// How eigenvector scores are scaled.
public enum EigenvectorScaling: String, CaseIterable, Sendable {
  /// Euclidean norm 1 (NetworkX).
  case unitNorm
  /// Largest score 1 (igraph with `scale=True`).
  case maxOne
}
