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
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in collect(x.baseAddress!, into: y.baseAddress!, weighted: weighted) }
    }
  }

  /// y = Aᵀx over raw buffers (on an undirected graph A = Aᵀ); y = Ax with `alongOutRows`. Each
  /// node sums over its in-row (out-row): sequential reads of the rows, random reads of x, one
  /// write per node.
  func collect(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, weighted: Bool, alongOutRows: Bool = false) {
    let (rowStart, source, weights) = alongOutRows ? (rowStart, target, weight) : (inRowStart, inTarget, inWeight)
    rowStart.withUnsafeBufferPointer { start in
      source.withUnsafeBufferPointer { source in
        weights.values.withUnsafeBufferPointer { w in
          if weighted && !w.isEmpty && !weights.positions.isEmpty {
            weights.positions.withUnsafeBufferPointer { position in
              for i in 0..<nodeCount {
                var sum = 0.0
                for e in Int(start[i])..<Int(start[i + 1]) { sum += w[Int(position[e])] * x[Int(source[e])] }
                y[i] = sum
              }
            }
          } else if weighted && !w.isEmpty {
            for i in 0..<nodeCount {
              var sum = 0.0
              for e in Int(start[i])..<Int(start[i + 1]) { sum += w[e] * x[Int(source[e])] }
              y[i] = sum
            }
          } else {
            for i in 0..<nodeCount {
              var sum = 0.0
              for e in Int(start[i])..<Int(start[i + 1]) { sum += x[Int(source[e])] }
              y[i] = sum
            }
          }
        }
      }
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
    // Walk rows: out-rows normally, in-rows when reversed. Each iteration pulls the scores along
    // the opposite rows (see `collect`), so every node's score is written once, in order.
    let (start, weight) = reversed ? (inRowStart, inWeight) : (rowStart, self.weight)
    var inverseOut = [Double](repeating: 0, count: n)  // 1 / out-weight; 0 for dangling nodes
    var danglingNodes: [Int] = []
    for v in 0..<n {
      var out = 0.0
      for e in Int(start[v])..<Int(start[v + 1]) { out += weighted ? weight[e] : 1 }
      if out > 0 { inverseOut[v] = 1 / out } else { danglingNodes.append(v) }
    }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var scaled = [Double](repeating: 0, count: n)  // x[v] / out-weight of v
    var pulled = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
      let converged = x.withUnsafeMutableBufferPointer { x in
        scaled.withUnsafeMutableBufferPointer { scaled in
          pulled.withUnsafeMutableBufferPointer { pulled in
            var dangling = 0.0
            for v in danglingNodes { dangling += x[v] }
            for v in 0..<n { scaled[v] = x[v] * inverseOut[v] }
            collect(scaled.baseAddress!, into: pulled.baseAddress!, weighted: weighted, alongOutRows: reversed)
            // The jump: 1 − damping spread by the personalization, plus what dangling nodes hand on.
            let jump = (1 - damping) + damping * dangling
            var change = 0.0
            for i in 0..<n {
              let value = jump * p[i] + damping * pulled[i]
              change += abs(value - x[i])
              x[i] = value
            }
            return change < Double(n) * tolerance
          }
        }
      }
      if converged { return x }
    }
    throw .notConverged(measure: "pagerank", iterations: maxIterations)
  }

  /// Eigenvector centrality: the principal eigenvector of the adjacency matrix, each node scored by
  /// the scores of the nodes tied to it (Bonacich 1972). On a directed graph in-edges count (the
  /// left eigenvector, as NetworkX computes).
  ///
  /// Undirected graphs (a symmetric matrix): up to 40 steps of power iteration on A + I, then, if
  /// those have not converged, the Lanczos method with explicit restarts: 32 Lanczos steps from the
  /// current estimate, the Ritz vector of the
  /// largest Ritz value as the next estimate; a second pass regenerates the Lanczos vectors instead
  /// of storing them, so memory stays at six vectors of n values. Directed graphs use power iteration on
  /// Aᵀ + I (the shift keeps periodic graphs from oscillating). Either way the iteration stops
  /// when the unit-norm vector x satisfies ‖Ax/λ − x‖₁ < n × `tolerance` — the change one more
  /// power-iteration step would make, which is NetworkX's criterion — and `maxIterations` bounds the
  /// matrix–vector products. Defined for connected undirected graphs and strongly connected
  /// directed ones; elsewhere the result depends on the components.
  /// - Parameters:
  ///   - weighted: Use edge weights.
  ///   - scaling: `.unitNorm` (Euclidean norm 1, NetworkX) or `.maxOne` (largest score 1, igraph's `scale=True`).
  /// - Complexity: O(m) per matrix–vector product; Lanczos needs far fewer products than power
  ///   iteration when the two largest eigenvalues are close.
  public func eigenvector(
    weighted: Bool = true, scaling: EigenvectorScaling = .unitNorm, tolerance: Double = 1e-13, maxIterations: Int = 100_000
  ) throws(MetricError) -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    var x = directed
      ? try powerIteration(weighted: weighted, tolerance: tolerance, maxIterations: maxIterations).vector
      : try lanczos(weighted: weighted, tolerance: tolerance, maxProducts: maxIterations)
    if scaling == .maxOne, let m = x.max(), m > 0 { x = x.map { $0 / m } }
    return x
  }

  /// Power iteration on Aᵀ + I (Aᵀ with `shifted` false) from the all-ones vector (see
  /// ``eigenvector(weighted:scaling:tolerance:maxIterations:)``). With `giveUp`, returns the last
  /// iterate (`converged` false) instead of throwing.
  private func powerIteration(
    weighted: Bool, tolerance: Double, maxIterations: Int, shifted: Bool = true, giveUp: Bool = false
  ) throws(MetricError) -> (vector: [Double], converged: Bool) {
    let n = nodeCount
    var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
    var y = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
      collectFromPredecessors(x, weighted: weighted, into: &y)
      if shifted { for i in 0..<n { y[i] += x[i] } }
      let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { return ([Double](repeating: 0, count: n), true) }
      var change = 0.0
      for i in 0..<n {
        y[i] /= norm
        change += abs(y[i] - x[i])
      }
      swap(&x, &y)
      if change < Double(n) * tolerance { return (x, true) }
    }
    if giveUp { return (x, false) }
    throw .notConverged(measure: "eigenvector", iterations: maxIterations)
  }

  /// The principal eigenvector of the symmetric adjacency matrix by restarted Lanczos.
  private func lanczos(weighted: Bool, tolerance: Double, maxProducts: Int) throws(MetricError) -> [Double] {
    let n = nodeCount
    let steps = min(32, n)
    // A few power-iteration steps first: when the spectral gap is wide (most sparse random graphs)
    // they converge before Lanczos would have finished one cycle; otherwise they give it a start.
    // Unshifted (A, not A + I): the ratio λ₂/λ₁ that sets the speed is smaller, and where it fails
    // (λ₁ = −λₙ on bipartite graphs) Lanczos takes over anyway.
    let (start, converged) = try powerIteration(
      weighted: weighted, tolerance: tolerance, maxIterations: min(40, maxProducts), shifted: false, giveUp: true)
    if converged { return start }
    var x = start
    var ax = [Double](repeating: 0, count: n)
    var previous = [Double](repeating: 0, count: n)
    var current = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    var products = min(40, maxProducts)
    func dot(_ a: [Double], _ b: [Double]) -> Double {
      var s = 0.0
      for i in 0..<n { s += a[i] * b[i] }
      return s
    }
    func multiply(_ v: [Double], into y: inout [Double]) {
      collectFromPredecessors(v, weighted: weighted, into: &y)
      products += 1
    }
    // Runs the Lanczos recurrence from x for up to `steps` steps; with `combine`, adds
    // combine[j] · q_j to `result` as it goes. Returns the tridiagonal matrix's diagonal and
    // off-diagonal.
    func recurrence(combine: [Double]?, into result: inout [Double]) -> (alpha: [Double], beta: [Double]) {
      var alpha: [Double] = []
      var beta: [Double] = []
      for i in 0..<n {
        previous[i] = 0
        current[i] = x[i]
      }
      var lastBeta = 0.0
      for j in 0..<(combine?.count ?? steps) {
        if let combine {
          for i in 0..<n { result[i] += combine[j] * current[i] }
          if j == combine.count - 1 { break }
        }
        multiply(current, into: &next)
        let a = dot(current, next)
        alpha.append(a)
        var norm = 0.0
        for i in 0..<n {
          let r = next[i] - a * current[i] - lastBeta * previous[i]
          next[i] = r
          norm += r * r
        }
        norm = norm.squareRoot()
        // Stop at the last step, or when the Krylov space is exhausted (an invariant subspace),
        // or (checked every fourth step) when the Ritz vector's residual, β·|last component of
        // the Ritz vector of T| in the 2-norm, already meets the tolerance (√n bounds the 1-norm).
        if combine == nil, j == steps - 1 || norm <= 1e-12 * max(1, abs(a)) { break }
        if combine == nil, j % 4 == 3, 8 * (j + 1) * (j + 1) * (j + 1) <= target.count {
          let (theta, ritz) = SymmetricEigen.largest(diagonal: alpha, offDiagonal: beta)
          if theta > 0, norm * abs(ritz[j]) * Double(n).squareRoot() < 0.5 * Double(n) * tolerance * theta { break }
        }
        beta.append(norm)
        lastBeta = norm
        for i in 0..<n {
          previous[i] = current[i]
          current[i] = next[i] / norm
        }
      }
      return (alpha, beta)
    }
    var unused: [Double] = []
    while products < maxProducts {
      multiply(x, into: &ax)
      let lambda = dot(x, ax)
      var residual = 0.0
      for i in 0..<n { residual += abs(ax[i] - lambda * x[i]) }
      if lambda <= 0 {
        // No edges (or none with weight): every vector is an eigenvector; NetworkX's power
        // iteration keeps the uniform start.
        if residual == 0 { return x }
      } else if residual / lambda < Double(n) * tolerance {
        return x
      }
      let (alpha, beta) = recurrence(combine: nil, into: &unused)
      let s = SymmetricEigen.largest(diagonal: alpha, offDiagonal: beta).vector
      var y = [Double](repeating: 0, count: n)
      _ = recurrence(combine: s, into: &y)
      let norm = dot(y, y).squareRoot()
      guard norm > 0 else { break }
      let sign: Double = y.reduce(0, +) < 0 ? -1 : 1
      for i in 0..<n { x[i] = sign * y[i] / norm }
    }
    throw .notConverged(measure: "eigenvector", iterations: products)
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

/// Eigenvectors of small symmetric tridiagonal matrices (the Lanczos matrices), by cyclic Jacobi
/// rotations on the dense matrix: simple and accurate to rounding for the sizes used here (≤ 32).
enum SymmetricEigen {
  /// The largest eigenvalue and its unit eigenvector of the tridiagonal matrix with `diagonal`
  /// (k values) and `offDiagonal` (k − 1 values).
  static func largest(diagonal: [Double], offDiagonal: [Double]) -> (value: Double, vector: [Double]) {
    let k = diagonal.count
    var a = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    var v = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for i in 0..<k {
      a[i][i] = diagonal[i]
      v[i][i] = 1
      if i + 1 < k {
        a[i][i + 1] = offDiagonal[i]
        a[i + 1][i] = offDiagonal[i]
      }
    }
    for _ in 0..<100 {
      var off = 0.0
      for p in 0..<k { for q in p + 1..<k { off += a[p][q] * a[p][q] } }
      if off < 1e-30 { break }
      for p in 0..<k {
        for q in p + 1..<k where a[p][q] != 0 {
          // Rotation that zeroes a[p][q] (Golub and Van Loan, §8.5).
          let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for r in 0..<k {
            let (arp, arq) = (a[r][p], a[r][q])
            a[r][p] = c * arp - s * arq
            a[r][q] = s * arp + c * arq
          }
          for r in 0..<k {
            let (apr, aqr) = (a[p][r], a[q][r])
            a[p][r] = c * apr - s * aqr
            a[q][r] = s * apr + c * aqr
          }
          for r in 0..<k {
            let (vrp, vrq) = (v[r][p], v[r][q])
            v[r][p] = c * vrp - s * vrq
            v[r][q] = s * vrp + c * vrq
          }
        }
      }
    }
    let top = (0..<k).max { a[$0][$0] < a[$1][$1] }!
    return (a[top][top], (0..<k).map { v[$0][top] })
  }
}
