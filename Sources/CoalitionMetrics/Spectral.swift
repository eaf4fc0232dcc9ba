import CoalitionGraph
import Foundation

/// A measure that failed to produce a result.
public enum MetricError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An iterative measure did not reach its tolerance within the allowed iterations.
  case notConverged(measure: String, iterations: Int)
  /// A parameter is outside the range where the measure is defined.
  case invalidParameter(measure: String, reason: String)
  /// The measure has no defined value on this graph (the reason says why and what to use instead).
  case undefined(measure: String, reason: String)

  public var description: String {
    switch self {
    case .notConverged(let m, let i): return "\(m) did not converge in \(i) iterations"
    case .invalidParameter(let m, let r): return "\(m): \(r)"
    case .undefined(let m, let r): return "\(m) is not defined on this graph: \(r)"
    }
  }
}

extension SimpleGraph {
  /// The same graph with every weight divided by the largest |weight| when that lies outside
  /// [1e-100, 1e100], so that sums of weights times scores neither overflow nor underflow; with
  /// the factor divided out. `nil` when the weights need no rescaling (or are all 1).
  func rescaledForExtremeWeights() -> (graph: SimpleGraph, factor: Double)? {
    guard !weight.isUniform else { return nil }
    let top = largestAbsoluteWeight
    guard top.isFinite, top > 0, top > 1e100 || top < 1e-100 else { return nil }
    return (SimpleGraph(nodeCount: nodeCount, edges: edges.map { WeightedEdge($0.source, $0.target, $0.weight / top) }, directed: directed), top)
  }

  /// The largest |weight| of an arc (1 when every weight is 1).
  var largestAbsoluteWeight: Double {
    weight.isUniform ? 1 : (0..<target.count).reduce(0.0) { Swift.max($0, abs(weight[$1])) }
  }

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
  /// from the uniform vector stops when the L1 change falls below `n × tolerance` (or below 64 ulps
  /// of the total, the rounding floor, on tiny graphs). The L1 error is then at most
  /// `damping / (1 − damping)` times that change. With the default 1e-18 per node every value
  /// agrees with the exact fixed point to 1e-10 relative or better (measured on a weighted
  /// Barabási–Albert graph of 100,000 nodes, `scripts/reference/check_large.py`); NetworkX's
  /// default is 1e-6 per node. Scores sum to 1.
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
    tolerance: Double = 1e-18, maxIterations: Int = 10_000
  ) throws -> [Double] {
    guard (0..<1).contains(damping) else { throw MetricError.invalidParameter(measure: "pagerank", reason: "damping must be in [0, 1)") }
    if weighted, let (scaled, _) = rescaledForExtremeWeights() {
      return try scaled.pagerank(
        damping: damping, weighted: true, personalization: personalization, reversed: reversed, tolerance: tolerance, maxIterations: maxIterations)
    }
    guard tolerance >= 0, tolerance.isFinite else { throw MetricError.invalidParameter(measure: "pagerank", reason: "tolerance must be a non-negative number") }
    let n = nodeCount
    guard n > 0 else { return [] }
    var p = personalization ?? [Double](repeating: 1, count: n)
    guard p.count == n, p.allSatisfy({ $0 >= 0 && $0.isFinite }), p.reduce(0, +) > 0 else {
      throw MetricError.invalidParameter(measure: "pagerank", reason: "personalization needs one non-negative value per node, not all zero")
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
    let threshold = Swift.max(Double(n) * tolerance, 64 * Double.ulpOfOne)
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
            return change < threshold
          }
        }
      }
      if converged { return x }
    }
    throw MetricError.notConverged(measure: "pagerank", iterations: maxIterations)
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
  ///   - tolerance: Per-node tolerance of the stopping rule above.
  ///   - maxIterations: The most matrix–vector products.
  /// - Complexity: O(m) per matrix–vector product; Lanczos needs far fewer products than power
  ///   iteration when the two largest eigenvalues are close.
  public func eigenvector(
    weighted: Bool = true, scaling: EigenvectorScaling = .unitNorm, tolerance: Double = 1e-13, maxIterations: Int = 100_000
  ) throws -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    if weighted, let (scaled, _) = rescaledForExtremeWeights() {
      return try scaled.eigenvector(weighted: true, scaling: scaling, tolerance: tolerance, maxIterations: maxIterations)
    }
    var x: [Double]
    if directed {
      // Power iteration on Aᵀ + I converges geometrically when the largest eigenvalue belongs to
      // strongly connected parts none of which feeds another; on an acyclic graph with edges every
      // eigenvalue is 0 and the iterates drift for ever towards the ends of the longest paths.
      if !target.isEmpty, strongComponents().max() == n - 1 {
        throw MetricError.undefined(
          measure: "eigenvector",
          reason: "the directed graph has no cycle, so every eigenvalue of its adjacency matrix is 0; use PageRank or Katz, or ignore direction")
      }
      do {
        x = try powerIteration(weighted: weighted, tolerance: tolerance, maxIterations: maxIterations).vector
      } catch {
        throw MetricError.undefined(
          measure: "eigenvector",
          reason: "power iteration did not settle in \(maxIterations) steps: the largest eigenvalue is shared by strongly connected parts that feed one another (or two are too close); use PageRank or Katz, or restrict the view to one strongly connected part")
      }
    } else {
      x = try lanczos(weighted: weighted, tolerance: tolerance, maxProducts: maxIterations)
    }
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
      // A product of zero: no edges (with weight); every vector is an eigenvector of A, and
      // NetworkX's power iteration on A + I keeps its uniform start.
      guard norm > 0 else { return (x, true) }
      var change = 0.0
      for i in 0..<n {
        y[i] /= norm
        change += abs(y[i] - x[i])
      }
      swap(&x, &y)
      if change < Double(n) * tolerance { return (x, true) }
    }
    if giveUp { return (x, false) }
    throw MetricError.notConverged(measure: "eigenvector", iterations: maxIterations)
  }

  /// The principal eigenvector of the symmetric adjacency matrix by restarted Lanczos with
  /// reorthogonalisation where it is needed.
  ///
  /// Each cycle runs up to `steps` Lanczos steps from the current estimate, keeping the basis; a
  /// new vector whose recurrence cancelled most of it is orthogonalised against all earlier ones
  /// (twice, which is enough in floating point). Without that, a Krylov space that closes early
  /// (graphs with symmetries, such as a triangle with a pendant, have few distinct directions) or a
  /// start close to convergence fills the basis with rounding noise and the iteration stalls. The Ritz vector of the largest Ritz
  /// value starts the next cycle. The basis holds `steps` vectors: 32, fewer when n is large so
  /// that it stays within 128 MiB (at least 8).
  private func lanczos(weighted: Bool, tolerance: Double, maxProducts: Int) throws(MetricError) -> [Double] {
    let n = nodeCount
    // A few power-iteration steps first: when the spectral gap is wide (most sparse random graphs)
    // they converge before Lanczos would have finished one cycle; otherwise they give it a start.
    // Unshifted (A, not A + I): the ratio λ₂/λ₁ that sets the speed is smaller, and where it fails
    // (λ₁ = −λₙ on bipartite graphs) Lanczos takes over. Power steps keep the direction of the
    // start's projection on the top eigenspace, so that the result is the one NetworkX's power
    // iteration tends to when that eigenspace has several dimensions (disconnected graphs).
    let (start, converged) = try powerIteration(
      weighted: weighted, tolerance: tolerance, maxIterations: min(40, maxProducts), shifted: false, giveUp: true)
    if converged { return start }
    var x = start
    var products = min(40, maxProducts)
    let steps = Swift.min(32, n, Swift.max(8, (1 << 24) / Swift.max(n, 1)))
    var basis = [Double](repeating: 0, count: steps * n)  // row j: the Lanczos vector q_j
    var w = [Double](repeating: 0, count: n)
    let threshold = Double(n) * tolerance
    while products < maxProducts {
      var alpha: [Double] = []
      var beta: [Double] = []
      basis.withUnsafeMutableBufferPointer { q in for i in 0..<n { q[i] = x[i] } }
      var scale = 0.0  // the largest |α| or β so far: an estimate of ‖A‖ for the breakdown test
      var done = false
      cycle: for j in 0..<steps {
        basis.withUnsafeBufferPointer { q in
          w.withUnsafeMutableBufferPointer { w in collect(q.baseAddress! + j * n, into: w.baseAddress!, weighted: weighted) }
        }
        products += 1
        let a = basis.withUnsafeBufferPointer { q in w.withUnsafeBufferPointer { w in Self.dot(q.baseAddress! + j * n, w.baseAddress!, n) } }
        if j == 0 {
          // The cycle's first product also tells whether the estimate has converged:
          // ‖Ax − λx‖₁ / λ is the change one more power step would make (NetworkX's criterion).
          var residual = 0.0
          for i in 0..<n { residual += abs(w[i] - a * x[i]) }
          if a <= 0 {
            // No edges (or none with weight): every vector is an eigenvector; NetworkX's power
            // iteration keeps the uniform start.
            if residual == 0 { done = true; break cycle }
          } else if residual / a < threshold {
            done = true
            break cycle
          }
        }
        alpha.append(a)
        scale = Swift.max(scale, abs(a))
        var norm = 0.0
        let lastBeta = beta.last ?? 0
        basis.withUnsafeMutableBufferPointer { q in
          w.withUnsafeMutableBufferPointer { w in
            let base = q.baseAddress!
            let before = Self.dot(w.baseAddress!, w.baseAddress!, n).squareRoot()
            // The three-term recurrence: w − α q_j − β q_(j−1).
            let qj = base + j * n
            if j > 0 {
              let previous = base + (j - 1) * n
              for t in 0..<n { w[t] -= a * qj[t] + lastBeta * previous[t] }
            } else {
              for t in 0..<n { w[t] -= a * qj[t] }
            }
            norm = Self.dot(w.baseAddress!, w.baseAddress!, n).squareRoot()
            // Where the subtraction cancelled most of w (‖w‖ fell below ‖Aq‖/√2, the criterion of
            // Daniel, Gragg, Kaufman and Stewart), rounding dominates what is left: orthogonalise it
            // against every earlier vector, twice. That happens near convergence and when the Krylov
            // space closes early, exactly where plain Lanczos stalls; elsewhere it costs nothing.
            if norm < 0.7071 * before {
              for _ in 0..<2 {
                for i in 0...j {
                  let qi = base + i * n
                  let c = Self.dot(qi, w.baseAddress!, n)
                  for t in 0..<n { w[t] -= c * qi[t] }
                }
              }
              norm = Self.dot(w.baseAddress!, w.baseAddress!, n).squareRoot()
            }
          }
        }
        // Stop at the last step, or when the Krylov space is exhausted (an invariant subspace:
        // what is left is rounding), or (checked every fourth step, where it costs less than
        // the products) when the Ritz vector's residual already meets the tolerance.
        if j == steps - 1 || norm <= 64 * Double.ulpOfOne * Swift.max(scale, 1e-300) * Double(n).squareRoot() { break }
        if j % 4 == 3, 8 * (j + 1) * (j + 1) * (j + 1) <= target.count {
          let (theta, ritz) = SymmetricEigen.largest(diagonal: alpha, offDiagonal: beta)
          if theta > 0, norm * abs(ritz[j]) * Double(n).squareRoot() < 0.5 * threshold * theta { break }
        }
        beta.append(norm)
        scale = Swift.max(scale, norm)
        basis.withUnsafeMutableBufferPointer { q in
          w.withUnsafeBufferPointer { w in
            let next = q.baseAddress! + (j + 1) * n
            for t in 0..<n { next[t] = w[t] / norm }
          }
        }
      }
      if done { return x }
      let s = SymmetricEigen.largest(diagonal: alpha, offDiagonal: beta).vector
      var y = [Double](repeating: 0, count: n)
      basis.withUnsafeBufferPointer { q in
        for (i, c) in s.enumerated() {
          let qi = q.baseAddress! + i * n
          for t in 0..<n { y[t] += c * qi[t] }
        }
      }
      let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { break }
      let sign: Double = y.reduce(0, +) < 0 ? -1 : 1
      for i in 0..<n { x[i] = sign * y[i] / norm }
    }
    throw MetricError.notConverged(measure: "eigenvector", iterations: products)
  }

  /// Σ a[i]·b[i] over n values.
  @inline(__always) private static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
    var s = 0.0
    for i in 0..<n { s += a[i] * b[i] }
    return s
  }

  /// Katz centrality: x = α·Aᵀx + β, each node scored by all walks that reach it, a walk of length k
  /// weighted by αᵏ (Katz 1953). Matches NetworkX 3.6 `katz_centrality`.
  ///
  /// Jacobi iteration until the L1 change falls below `n × tolerance`; converges when α is below
  /// 1 / λ_max (λ_max the largest eigenvalue of A). When it does not, the error names α and the
  /// bound, estimated from how fast the iterates grow. An empty graph gives no values; a graph
  /// without edges gives β at every node (unit norm: 1/√n).
  /// - Parameters:
  ///   - alpha: Attenuation per step.
  ///   - beta: Base score of every node.
  ///   - weighted: Use edge weights.
  ///   - normalized: Scale to Euclidean norm 1 (NetworkX's default).
  ///   - tolerance: Per-node tolerance of the stopping rule above.
  ///   - maxIterations: The most iterations.
  /// - Throws: ``MetricError/notConverged(measure:iterations:)`` when α is too large for the graph.
  /// - Complexity: O(m) per iteration.
  public func katz(
    alpha: Double = 0.1, beta: Double = 1, weighted: Bool = true, normalized: Bool = true, tolerance: Double = 1e-13,
    maxIterations: Int = 100_000
  ) throws -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    guard alpha.isFinite, beta.isFinite else { throw MetricError.invalidParameter(measure: "katz", reason: "alpha and beta must be finite numbers") }
    if weighted, let (scaled, factor) = rescaledForExtremeWeights() {
      // α·A = (α·factor)·(A / factor): the same series on weights of moderate size.
      return try scaled.katz(
        alpha: alpha * factor, beta: beta, weighted: true, normalized: normalized, tolerance: tolerance, maxIterations: maxIterations)
    }
    var x = [Double](repeating: 0, count: n)
    var y = [Double](repeating: 0, count: n)
    var previousChange = Double.nan
    var growth = 0.0  // the last ratio of successive changes: tends to α·λ_max
    func diverged(_ detail: String) -> MetricError {
      let bound = growth >= 1 && growth.isFinite ? ", 1/λ_max ≈ \(String(format: "%.4g", alpha / growth)) (estimated)" : ""
      return .invalidParameter(
        measure: "katz", reason: "the series diverges (\(detail)): α = \(alpha) must be below 1/λ_max\(bound); choose a smaller alpha")
    }
    for iteration in 0..<maxIterations {
      collectFromPredecessors(x, weighted: weighted, into: &y)
      var change = 0.0
      for i in 0..<n {
        y[i] = alpha * y[i] + beta
        change += abs(y[i] - x[i])
      }
      swap(&x, &y)
      guard change.isFinite else { throw diverged("the scores overflow after \(iteration + 1) steps") }
      if previousChange > 0 { growth = change / previousChange }
      previousChange = change
      if change < Double(n) * tolerance * max(1, abs(beta)) {
        guard normalized else { return x }
        let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot() * (x.reduce(0, +) < 0 ? -1 : 1)
        return norm == 0 ? x : x.map { $0 / norm }
      }
    }
    if growth >= 0.999_999 { throw diverged("no decrease in \(maxIterations) steps") }
    throw MetricError.notConverged(measure: "katz", iterations: maxIterations)
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

extension MetricError: LocalizedError {
  /// The same text as `description` (and as the command-line tool prints), so that apps show it
  /// instead of "The operation could not be completed".
  public var errorDescription: String? { description }
}
