import CoalitionGraph

/// The per-node measures that can be chosen by name (for the command line and reports).
public enum CentralityMeasure: String, CaseIterable, Sendable {
  /// Distinct neighbours, direction ignored.
  case degree
  /// Neighbours with an edge to the node.
  case inDegree = "in-degree"
  /// Neighbours the node has an edge to.
  case outDegree = "out-degree"
  /// Sum of edge weights, direction ignored.
  case strength
  /// Sum of the weights of edges to the node.
  case inStrength = "in-strength"
  /// Sum of the weights of edges from the node.
  case outStrength = "out-strength"
  /// The node's share of all edge weight, counted at the edges' heads: in-strength ÷ total weight
  /// (e.g. a state's share of all arms imports).
  case inShare = "in-share"
  /// The node's share of all edge weight, counted at the edges' tails: out-strength ÷ total weight
  /// (e.g. a state's share of all arms exports).
  case outShare = "out-share"
  /// Share of shortest paths between other nodes that pass through the node (Brandes).
  case betweenness
  /// Inverse mean distance, NetworkX's convention (Wasserman–Faust for disconnected graphs).
  case closeness
  /// Inverse mean distance over reachable nodes, igraph's convention.
  case closenessIgraph = "closeness-igraph"
  /// Sum of inverse distances.
  case harmonic
  /// PageRank with damping 0.85.
  case pagerank
  /// PageRank on reversed edges: sources rank high.
  case pagerankReversed = "pagerank-reversed"
  /// The principal eigenvector of the adjacency matrix.
  case eigenvector
  /// Katz centrality: walks of every length, attenuated by α per step.
  case katz
  /// The k-core number.
  case core
  /// The local clustering coefficient (weighted: Onnela's; directed: Fagiolo's; NetworkX).
  case clustering
  /// Barrat's weighted clustering, direction ignored (igraph).
  case clusteringBarrat = "clustering-barrat"
  /// Burt's constraint: how much the node's ties are invested in one another.
  case constraint
  /// Burt's effective size: neighbours less their redundancy.
  case effectiveSize = "effective-size"
  /// Gould and Fernandez's brokerage: open two-paths the node brokers, all roles together
  /// (``MeasureOptions/groups`` set the roles; a view's blocs by default).
  case brokerage

  /// One line on what the value means and which convention it follows.
  public var convention: String {
    switch self {
    case .degree: return "degree: distinct neighbours, direction ignored, ÷ (n−1)"
    case .inDegree: return "in-degree: neighbours with an edge to the node (all neighbours on undirected graphs), ÷ (n−1)"
    case .outDegree: return "out-degree: neighbours the node has an edge to (all neighbours on undirected graphs), ÷ (n−1)"
    case .strength: return "strength: sum of edge weights, direction ignored"
    case .inStrength: return "in-strength: sum of the weights of edges to the node (e.g. arms received)"
    case .outStrength: return "out-strength: sum of the weights of edges from the node (e.g. arms supplied)"
    case .inShare: return "in-share: in-strength ÷ the sum of all edge weights (e.g. share of arms imports); undirected edges count at both ends"
    case .outShare: return "out-share: out-strength ÷ the sum of all edge weights (e.g. share of arms exports); undirected edges count at both ends"
    case .betweenness: return "betweenness: Brandes, share of shortest paths through the node, ÷ (n−1)(n−2) (NetworkX)"
    case .closeness: return "closeness: (r−1)/Σd × (r−1)/(n−1), Wasserman–Faust (NetworkX); on directed graphs distances to the node"
    case .closenessIgraph: return "closeness-igraph: (r−1)/Σd over reachable nodes (igraph); on directed graphs distances from the node"
    case .harmonic: return "harmonic: Σ 1/d to the other nodes ÷ (n−1); on directed graphs distances to the node"
    case .pagerank: return "pagerank: damping 0.85, weighted, dangling mass spread uniformly (NetworkX)"
    case .pagerankReversed: return "pagerank-reversed: PageRank on reversed edges, so sources (suppliers) rank high"
    case .eigenvector: return "eigenvector: principal eigenvector, unit norm, in-edges on directed graphs (NetworkX)"
    case .katz: return "katz: α = 0.5 / largest singular value of A (≤ 0.5 / spectral radius), β = 1, unit norm (NetworkX)"
    case .core: return "core: k-core number (in- plus out-degree on directed graphs, NetworkX)"
    case .clustering:
      return "clustering: share of a node's neighbour pairs that are tied; weighted: geometric mean of the triangle's weights ÷ the largest (Onnela); directed: Fagiolo's directed triangles (NetworkX)"
    case .clusteringBarrat: return "clustering-barrat: Barrat's weighted clustering, direction ignored; NaN below two neighbours (igraph)"
    case .constraint: return "constraint: Burt's constraint, unweighted; NaN for isolates (NetworkX)"
    case .effectiveSize: return "effective-size: Burt's effective size, unweighted; NaN for isolates"
    case .brokerage:
      return "brokerage: Gould–Fernandez open two-paths a → b → c (no tie a → c) the node brokers, every role; undirected ties count both ways; groups: the blocs (each actor in no bloc, and every node of an edge list, a group of its own), as sna's brokerage"
    }
  }

  /// Whether the measure is about direction — in- and out-degree, in- and out-strength, in- and
  /// out-share, reversed PageRank — and so follows directed kinds' direction on a view even when
  /// other measures ignore it (an "export share" with direction ignored would be no share at all).
  public var isDirectional: Bool {
    [.inDegree, .outDegree, .inStrength, .outStrength, .inShare, .outShare, .pagerankReversed].contains(self)
  }

  /// Whether `length` changes the result.
  public var usesPathLength: Bool { [.betweenness, .closeness, .closenessIgraph, .harmonic].contains(self) }

  /// Whether ``MeasureOptions/normalized`` changes the result (degree-type, betweenness,
  /// closeness-igraph, harmonic and Katz; the others have one scale).
  public var hasRawForm: Bool { [.degree, .inDegree, .outDegree, .betweenness, .closenessIgraph, .harmonic, .katz].contains(self) }

  /// Computes the measure on a graph.
  /// - Parameters:
  ///   - g: The graph.
  ///   - length: Edge length for path measures.
  ///   - options: Threads, betweenness sampling, raw or normalised values, weights, tolerance.
  /// - Throws: ``MetricError`` when an iterative measure does not converge.
  public func values(on g: SimpleGraph, length: EdgeLength, options: MeasureOptions = MeasureOptions()) throws -> [Double] {
    let threads = options.threads
    let toward: PathDirection = g.directed ? .incoming : .outgoing
    let scale = options.normalized && g.nodeCount > 1 ? 1 / Double(g.nodeCount - 1) : 1
    let tolerance = options.tolerance
    func rowSums(_ start: [Int32], _ weight: ArcWeights) -> [Double] {
      (0..<g.nodeCount).map { v in (Int(start[v])..<Int(start[v + 1])).reduce(0) { $0 + (options.weighted ? weight[$1] : 1) } }
    }
    switch self {
    case .degree:
      let u = g.undirectedCopy
      return (0..<g.nodeCount).map { Double(u.rowStart[$0 + 1] - u.rowStart[$0]) * scale }
    case .inDegree: return (0..<g.nodeCount).map { Double(g.inRowStart[$0 + 1] - g.inRowStart[$0]) * scale }
    case .outDegree: return (0..<g.nodeCount).map { Double(g.rowStart[$0 + 1] - g.rowStart[$0]) * scale }
    case .strength:
      let u = g.undirectedCopy
      return rowSums(u.rowStart, u.weight)
    case .inStrength: return rowSums(g.inRowStart, g.inWeight)
    case .outStrength: return rowSums(g.rowStart, g.weight)
    case .inShare, .outShare:
      let sums = self == .inShare ? rowSums(g.inRowStart, g.inWeight) : rowSums(g.rowStart, g.weight)
      let total = sums.reduce(0, +)
      return sums.map { total == 0 ? 0 : $0 / total }
    case .betweenness:
      if let samples = options.betweennessSamples, samples < g.nodeCount {
        return g.approximateBetweenness(samples: samples, seed: options.seed, length: length, normalized: options.normalized, threads: threads).values
      }
      return g.betweenness(length: length, normalized: options.normalized, threads: threads)
    case .closeness: return g.closeness(direction: toward, length: length, threads: threads)
    case .closenessIgraph:
      return g.closeness(direction: .outgoing, length: length, convention: .igraph(normalized: options.normalized), threads: threads)
    case .harmonic: return g.harmonic(direction: toward, length: length, normalized: options.normalized, threads: threads)
    case .pagerank: return try g.pagerank(weighted: options.weighted, tolerance: tolerance ?? 1e-18)
    case .pagerankReversed: return try g.pagerank(weighted: options.weighted, reversed: true, tolerance: tolerance ?? 1e-18)
    case .eigenvector: return try g.eigenvector(weighted: options.weighted, tolerance: tolerance ?? 1e-13)
    case .katz:
      let sigma = options.weighted ? g.largestSingularValue() : g.unweightedCopy.largestSingularValue()
      return try g.katz(alpha: 0.5 / sigma, weighted: options.weighted, normalized: options.normalized, tolerance: tolerance ?? 1e-13)
    case .core: return g.coreNumbers().map(Double.init)
    case .clustering: return g.clustering(weighted: options.weighted)
    case .clusteringBarrat: return options.weighted ? g.clusteringBarrat() : SimpleGraph(nodeCount: g.nodeCount, edges: g.edges.map { WeightedEdge($0.source, $0.target, 1) }, directed: g.directed).clusteringBarrat()
    case .constraint: return g.constraint()
    case .effectiveSize: return g.effectiveSize()
    case .brokerage: return g.brokerage(groups: options.groups ?? Array(0..<g.nodeCount)).map { Double($0.total) }
    }
  }
}

/// How measures are computed: results never depend on ``threads``; they do on ``betweennessSamples``.
public struct MeasureOptions: Sendable, Hashable {
  /// Threads for betweenness, closeness and harmonic centrality (source-parallel).
  public var threads: Int
  /// Estimate betweenness from this many sampled sources instead of all (see
  /// ``SimpleGraph/approximateBetweenness(samples:seed:confidence:length:normalized:threads:)``);
  /// `nil` for exact values.
  public var betweennessSamples: Int?
  /// Seed of the sampling.
  public var seed: UInt64

  /// Normalised values (the default; each measure's convention says how) or raw ones: counts for
  /// degree, path sums for betweenness, 1/Σd for closeness-igraph, Σ1/d for harmonic, Katz
  /// without unit norm. See ``CentralityMeasure/hasRawForm``.
  public var normalized: Bool
  /// Use edge weights in strength, PageRank, eigenvector and Katz (path measures take weights
  /// through their length).
  public var weighted: Bool
  /// Convergence tolerance per node of PageRank, eigenvector and Katz; `nil` for their accurate
  /// defaults (1e-18, 1e-13, 1e-13), larger for speed.
  public var tolerance: Double?
  /// A group per node for brokerage roles; `nil`: a view's blocs (`NetworkView.scores` fills them
  /// in), or on a bare graph every node a group of its own.
  public var groups: [Int]?

  /// Options; the defaults give exact, normalised, weighted values on one thread.
  public init(
    threads: Int = 1, betweennessSamples: Int? = nil, seed: UInt64 = 1, normalized: Bool = true, weighted: Bool = true, tolerance: Double? = nil
  ) {
    self.threads = max(1, threads)
    self.betweennessSamples = betweennessSamples
    self.seed = seed
    self.normalized = normalized
    self.weighted = weighted
    self.tolerance = tolerance
  }
}

extension SimpleGraph {
  /// Largest singular value of the weighted adjacency matrix (the square root of AᵀA's largest
  /// eigenvalue, by power iteration); 1 for a graph without edges. It equals the spectral radius on
  /// undirected graphs and bounds it from above on directed ones, so α = c / σ with c < 1 keeps
  /// Katz centrality convergent.
  /// - Complexity: O(m) per iteration, at most 10,000 iterations.
  public func largestSingularValue() -> Double {
    guard !target.isEmpty else { return 1 }
    // Computed on A / (largest |weight|) and scaled back, so that weights near the largest
    // double do not overflow the products.
    let top = largestAbsoluteWeight
    guard top > 0, top.isFinite else { return top == 0 ? 1 : .infinity }
    var x = [Double](repeating: 1 / Double(nodeCount).squareRoot(), count: nodeCount)
    var y = [Double](repeating: 0, count: nodeCount)
    var z = [Double](repeating: 0, count: nodeCount)
    var estimate = 0.0
    for _ in 0..<10_000 {
      // y = A x (out-rows), z = Aᵀ y (in-rows): z = AᵀA x
      for i in 0..<nodeCount { y[i] = (Int(rowStart[i])..<Int(rowStart[i + 1])).reduce(0) { $0 + weight[$1] / top * x[Int(target[$1])] } }
      for i in 0..<nodeCount { z[i] = (Int(inRowStart[i])..<Int(inRowStart[i + 1])).reduce(0) { $0 + inWeight[$1] / top * y[Int(inTarget[$1])] } }
      let norm = z.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { return 1 }
      let next = norm.squareRoot()
      for i in 0..<nodeCount { x[i] = z[i] / norm }
      if abs(next - estimate) < 1e-12 * next { return next * top }
      estimate = next
    }
    return estimate * top
  }
}

extension NetworkView {
  /// Computes a measure on the view, keyed by actor.
  ///
  /// The view becomes one ``SimpleGraph`` (ties of several kinds between a pair merge into one
  /// edge whose weight is the sum); the measure's convention is ``CentralityMeasure/convention``.
  /// - Parameters:
  ///   - measure: What to compute.
  ///   - directed: Follow the direction of directed kinds (undirected kinds count both ways);
  ///     `false` ignores direction, except for directional measures
  ///     (``CentralityMeasure/isDirectional``), which always follow it.
  ///   - length: Edge length for path measures.
  ///   - options: Threads, sampling, raw or normalised values, weights, tolerance.
  /// - Throws: ``MetricError`` when an iterative measure does not converge or is not defined.
  public func scores(
    _ measure: CentralityMeasure, directed: Bool = false, length: EdgeLength = .hops, options: MeasureOptions = MeasureOptions()
  ) throws -> ActorScores {
    try scores([measure], directed: directed, length: length, options: options)[0]
  }

  /// Computes several measures on one graph built from the view (built once, not once per measure).
  /// - Returns: One ``ActorScores`` per measure, in the order asked.
  /// - Throws: ``MetricError`` when an iterative measure does not converge or is not defined.
  public func scores(
    _ measures: [CentralityMeasure], directed: Bool = false, length: EdgeLength = .hops, options: MeasureOptions = MeasureOptions()
  ) throws -> [ActorScores] {
    let g = simpleGraph(directed: directed)
    // Directional measures follow direction whatever `directed` says; the directed graph is built
    // once, and only when one of them is asked for on an undirected reading.
    let directedGraph = !directed && measures.contains(where: \.isDirectional) ? simpleGraph(directed: true) : g
    var options = options
    if options.groups == nil, measures.contains(.brokerage) { options.groups = BlocAssignment(view: self).group }
    return try measures.map {
      ActorScores(in: self, name: $0.rawValue, values: try $0.values(on: $0.isDirectional ? directedGraph : g, length: length, options: options))
    }
  }

  /// PageRank of each actor (see ``SimpleGraph/pagerank(damping:weighted:personalization:reversed:tolerance:maxIterations:)``):
  /// damping 0.85, weighted, dangling mass spread uniformly, as NetworkX.
  /// - Parameters:
  ///   - directed: Follow the direction of directed kinds; `false` ignores direction.
  ///   - damping: The probability of following a tie rather than jumping to any actor.
  ///   - weighted: Follow ties in proportion to their weights.
  ///   - reversed: Rank on reversed ties, so that sources (suppliers) rank high.
  /// - Throws: ``MetricError`` for a damping outside [0, 1) or no convergence.
  public func pagerank(directed: Bool = false, damping: Double = 0.85, weighted: Bool = true, reversed: Bool = false) throws -> ActorScores {
    let values = try simpleGraph(directed: directed).pagerank(damping: damping, weighted: weighted, reversed: reversed)
    return ActorScores(in: self, name: reversed ? "pagerank (reversed)" : "pagerank", values: values)
  }

  /// Eigenvector centrality of each actor, unit norm; in-ties on a directed view (NetworkX).
  /// - Parameters:
  ///   - directed: Follow the direction of directed kinds; `false` ignores direction.
  ///   - weighted: Use tie weights.
  /// - Throws: ``MetricError/undefined(measure:reason:)`` on a directed view where it has no value.
  public func eigenvector(directed: Bool = false, weighted: Bool = true) throws -> ActorScores {
    ActorScores(in: self, name: "eigenvector", values: try simpleGraph(directed: directed).eigenvector(weighted: weighted))
  }

  /// Katz centrality of each actor, β = 1, unit norm (NetworkX).
  /// - Parameters:
  ///   - directed: Follow the direction of directed kinds; `false` ignores direction.
  ///   - alpha: The attenuation; `nil` for 0.5 / the largest singular value of the
  ///     adjacency matrix, which always converges (the command-line default).
  ///   - weighted: Use tie weights.
  /// - Throws: ``MetricError`` when α ≥ 1/λ_max and the series diverges.
  public func katz(directed: Bool = false, alpha: Double? = nil, weighted: Bool = true) throws -> ActorScores {
    let g = simpleGraph(directed: directed)
    let a = alpha ?? 0.5 / (weighted ? g.largestSingularValue() : g.unweightedCopy.largestSingularValue())
    return ActorScores(in: self, name: "katz", values: try g.katz(alpha: a, weighted: weighted))
  }
}
