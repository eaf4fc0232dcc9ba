import CoalitionGraph
import CoalitionMetrics

/// A ranked table of chosen centrality measures per node, with the conventions used and Freeman
/// centralisation where it is defined.
///
/// Columns: `rank` (competition rank by ``sortBy``, the first measure unless set), `actor`, `name`,
/// then one column per measure named as in `CentralityMeasure`. Rows run from the highest value of
/// that measure (NaN last); equal values keep node order.
public struct CentralityReport: Sendable {
  /// The table's title.
  public let title: String
  /// Identifier of each node (the `actor` column).
  public let names: [String]
  /// Display name of each node (the `name` column).
  public let labels: [String]
  /// The graph the measures run on.
  public let graph: SimpleGraph
  /// The graph the path measures (``pathMeasures``) run on, when it differs from ``graph``: a
  /// view's cooperative ties, since an accusation or a war is no channel between two actors.
  public private(set) var pathGraph: SimpleGraph?
  /// The graph the directional measures (`CentralityMeasure.isDirectional`: in-/out-degree,
  /// strength and share, reversed PageRank) run on when ``graph`` ignores direction: a view's
  /// ties with the direction of directed kinds.
  public private(set) var directedGraph: SimpleGraph?
  /// Which ties ``pathGraph`` keeps, in words for the notes (`cooperative ties only`).
  public private(set) var pathTies: String?
  /// The measures that follow ties from actor to actor — betweenness, the closeness forms,
  /// harmonic, and Burt's constraint and effective size — and so run on ``pathGraph``.
  public static let pathMeasures: Set<CentralityMeasure> = [.betweenness, .closeness, .closenessIgraph, .harmonic, .constraint, .effectiveSize, .brokerage]
  /// The measures, one column each.
  public let measures: [CentralityMeasure]
  /// Edge length of the path measures.
  public let length: EdgeLength
  /// Threads and betweenness sampling.
  public var options = MeasureOptions()
  /// The measure that orders the rows and gives the rank; `nil` for the first of ``measures``.
  /// It must be one of ``measures``.
  public var sortBy: CentralityMeasure?
  /// The group of each node for brokerage roles: a view's blocs (each actor in no bloc a group of
  /// its own); `nil` on a bare graph, where every node is a group of its own.
  public var groups: [Int]?

  /// A report on any simple graph whose nodes have identifiers `names` and display `labels`.
  public init(title: String, names: [String], labels: [String]? = nil, graph: SimpleGraph, measures: [CentralityMeasure], length: EdgeLength) {
    precondition(names.count == graph.nodeCount, "one name per node")
    self.title = title
    self.names = names
    self.labels = labels ?? names
    self.graph = graph
    self.measures = measures
    self.length = length
    pathGraph = nil
    directedGraph = nil
    pathTies = nil
  }

  /// A report on a view of a coalition graph. The path measures (``pathMeasures``) follow the
  /// view's ties of `pathPolarity` — cooperative ones by default; `nil` for every tie — and the
  /// others (degree, strength, PageRank, eigenvector, Katz, core, clustering) every tie.
  public init(view: NetworkView, directed: Bool, measures: [CentralityMeasure], length: EdgeLength, pathPolarity: Polarity? = .cooperative) {
    self.init(
      title: "Centrality — \(view.graph.dataset.title ?? "coalition")", names: (0..<view.nodeCount).map { view.actor($0).id },
      labels: (0..<view.nodeCount).map { view.actor($0).name }, graph: view.simpleGraph(directed: directed), measures: measures,
      length: length)
    let g = view.graph
    let mixed = view.ties.contains { g[$0.kind].polarity != pathPolarity }
    if let pathPolarity, mixed, measures.contains(where: CentralityReport.pathMeasures.contains) {
      pathGraph = view.simpleGraph(directed: directed, polarity: pathPolarity)
    }
    pathTies = pathPolarity.map { "\($0.rawValue) ties only" } ?? "every tie"
    groups = BlocAssignment(view: view).group
    if !directed, measures.contains(where: \.isDirectional) { directedGraph = view.simpleGraph(directed: true) }
  }

  /// Computes every measure and assembles the table.
  /// - Throws: `MetricError` when an iterative measure does not converge.
  public func table() throws -> ReportTable {
    if let sortBy, !measures.contains(sortBy) {
      throw MetricError.invalidParameter(measure: sortBy.rawValue, reason: "the report is sorted by a measure it does not compute; add it to the measures")
    }
    var columns: [[Double]] = []
    var names: [String] = []
    var options = self.options
    if options.groups == nil { options.groups = groups }
    for m in measures {
      let on = CentralityReport.pathMeasures.contains(m) ? pathGraph ?? graph : m.isDirectional ? directedGraph ?? graph : graph
      columns.append(try m.values(on: on, length: length, options: options))
      names.append(m.rawValue)
      // Brokerage comes with its five roles.
      if m == .brokerage {
        let roles = on.brokerage(groups: options.groups ?? Array(0..<on.nodeCount))
        for (role, value) in [("coordinator", \BrokerageRoles.coordinator), ("itinerant", \.consultant), ("gatekeeper", \.gatekeeper),
          ("representative", \.representative), ("liaison", \.liaison)] {
          columns.append(roles.map { Double($0[keyPath: value]) })
          names.append("brokerage_" + role)
        }
      }
    }
    let key = sortBy.flatMap { names.firstIndex(of: $0.rawValue) }.map { columns[$0] } ?? columns.first ?? [Double](repeating: 0, count: graph.nodeCount)
    let ranks = Ranking.ranks(key)
    let rows: [[Cell]] = Ranking.order(key).map { v in [.integer(ranks[v]), .text(self.names[v]), .text(labels[v])] + columns.map { .number($0[v]) } }
    var notes = [
      "\(graph.nodeCount) nodes, \(graph.edgeCount) \(graph.directed ? "directed" : "undirected") edges; path lengths: \(length.rawValue)."
    ]
    notes += measures.map(\.convention)
    if let pathTies, measures.contains(where: CentralityReport.pathMeasures.contains) {
      let names = measures.filter(CentralityReport.pathMeasures.contains).map(\.rawValue).joined(separator: ", ")
      let others = measures.filter { !CentralityReport.pathMeasures.contains($0) }.map(\.rawValue).joined(separator: ", ")
      notes.append("\(names): \(pathTies)\(pathGraph.map { " (\($0.edgeCount) edges)" } ?? "")\(others.isEmpty ? "" : "; \(others): every tie")")
    }
    if directedGraph != nil {
      notes.append("\(measures.filter(\.isDirectional).map(\.rawValue).joined(separator: ", ")): direction of directed kinds followed (they are about direction)")
    }
    if let sortBy, sortBy != measures.first, measures.contains(sortBy) { notes.append("ranked by \(sortBy.rawValue)") }
    if !options.normalized, measures.contains(where: \.hasRawForm) {
      notes.append("raw values (not normalised) for \(measures.filter(\.hasRawForm).map(\.rawValue).joined(separator: ", "))")
    }
    if !options.weighted { notes.append("tie weights ignored: every edge counts 1") }
    if measures.contains(.clustering) || measures.contains(.clusteringBarrat) {
      notes.append("average clustering \(Cell.format(graph.averageClustering())) and transitivity \(Cell.format(graph.transitivity())), unweighted, direction ignored (NetworkX average_clustering and transitivity)")
    }
    if let t = options.tolerance { notes.append("tolerance \(t) per node for the iterative measures (default: about 1e-10 relative)") }
    let unusable = graph.unusableEdgeCount(length)
    if unusable > 0, measures.contains(where: \.usesPathLength) {
      notes.append("\(unusable) of \(graph.edgeCount) edges have a weight that gives no positive finite length with --length \(length.rawValue) (0, negative or infinite); shortest paths do not use them")
    }
    if measures.contains(.betweenness), let samples = options.betweennessSamples, samples < graph.nodeCount {
      let bound = BetweennessEstimate.errorBound(nodeCount: graph.nodeCount, samples: samples, confidence: 0.95)
      notes.append("betweenness estimated from \(samples) of \(graph.nodeCount) sources drawn with seed \(options.seed): with 95% confidence every value is within ±\(Cell.format(bound)) of the exact one")
    }
    if !graph.directed {
      for (m, values) in zip(measures, columns) {
        switch m {
        case .degree where options.normalized:
          notes.append("Freeman degree centralisation: \(Cell.format(Centralization.degree(values.map { $0 * Double(graph.nodeCount - 1) })))")
        case .betweenness where length == .hops && options.normalized:
          notes.append("Freeman betweenness centralisation: \(Cell.format(Centralization.betweenness(normalized: values)))")
        default: break
        }
      }
    }
    return ReportTable(title: title, columns: ["rank", "actor", "name"] + names, headings: ["Rank", "Actor", "Name"] + names, rows: rows, notes: notes)
  }
}
