import ArgumentParser
import CoalitionExact
import CoalitionGraph
import CoalitionInterchange
import CoalitionMaps
import CoalitionMetrics
import CoalitionRender
import CoalitionReports
import Foundation

extension RenderFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ActorType: ExpressibleByArgument {}
extension TimeReading: ExpressibleByArgument {}
extension ReportShape: ExpressibleByArgument {}

/// Loads, freezes and filters the dataset given on the command line.
func loadView(_ input: DatasetArgument, _ options: ViewOptions) throws -> NetworkView {
  let dataset = try input.load()
  let graph: CoalitionNetwork
  do { graph = try CoalitionNetwork(dataset) } catch { throw ToolError("\(error)") }
  return try graph.view(try options.filter(for: graph))
}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw a coalition map (SVG by default) through Graphviz, in process.",
    discussion: "The format follows --format, else the extension of -o, else SVG.")

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(help: "Output format: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: RenderFormat?
  @Option(help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: dot up to \(LayoutEngine.dotLimit.nodes) actors and \(LayoutEngine.dotLimit.edges) ties, sfdp beyond).")
  var engine: LayoutEngine?
  @OptionGroup var timeout: TimeoutOption
  @OptionGroup var memory: MemoryLimitOption
  @Option(help: "Heading of the legend (default: the dataset title).")
  var title: String?
  @Flag(help: "Leave out the legend and caption.")
  var noLegend = false
  @Option(help: "Node size by: degree (distinct partners), strength (sum of tie weights) or ties.")
  var sizeBy: NodeSize = .degree
  @OptionGroup var output: OutputOption

  enum NodeSize: String, ExpressibleByArgument, CaseIterable {
    case degree, strength, ties
  }

  enum Layout: String, ExpressibleByArgument, CaseIterable {
    case graph, geo
  }

  @Option(help: "graph (the engine places actors) or geo (a world map: states' countries filled, markers at their capitals on the view's date, ties as arcs; non-state actors beside their affiliation).")
  var layout: Layout = .graph
  @OptionGroup var mapOptions: MapOptions

  func run() throws {
    let format = self.format ?? output.path.flatMap { path in
      RenderFormat.allCases.first { path.lowercased().hasSuffix("." + $0.fileExtension) }
    } ?? .svg
    var style = MapStyle()
    style.showLegend = !noLegend
    style.showCaption = !noLegend
    func score(_ v: NetworkView) -> ActorScores {
      switch sizeBy {
      case .degree: return v.degree(.total)
      case .strength: return v.strength(.total)
      case .ties: return v.tieCount(.total)
      }
    }
    let whole = try loadView(input, view)
    let selected = try mapOptions.narrowed(whole, by: score(whole))
    let scores = score(selected)
    var map = CoalitionMap(view: selected, style: style, sizeBy: scores, title: title)
    // The pinned engine only draws positions the map gives, which the geographic layout does.
    let geographic = layout == .geo || self.engine == .pinned
    if geographic, let engine = self.engine, engine != .pinned { throw ValidationError("--layout geo places the actors itself; leave out --engine") }
    try mapOptions.apply(to: &map, geographic: geographic)
    timeout.start("rendering", hint: "try --engine sfdp or a narrower view")
    memory.start("rendering", hint: "try --engine sfdp (the default beyond \(LayoutEngine.dotLimit.nodes) actors) or a narrower view")
    let fitted = try GraphvizRenderer.shared.fitted(map, engine: self.engine)
    if self.engine == nil, !geographic {
      let fit = fitted.fit
      let automatic = LayoutEngine.automatic(nodes: selected.nodeCount, edges: selected.ties.count)
      if fit.engine != automatic {
        let before = fit.tried.first.map { " (\($0.engine.rawValue) gave \(Self.ratio($0.aspect)))" } ?? ""
        output.note("note: drawing with \(fit.engine.rawValue), whose layout fits a 16:10 page best: width/height \(Self.ratio(fit.aspect))\(before); --engine to choose")
      } else if fit.engine != .dot {
        output.note("note: \(selected.nodeCount) actors and \(selected.ties.count) ties: drawing with \(fit.engine.rawValue) (--engine dot to force the layered layout)")
      }
    }
    if fitted.compaction < 1 { output.note("note: layout pulled together to \(Int((fitted.compaction * 100).rounded()))% of its spread, as far as the nodes allow") }
    map = fitted.map
    let engine = fitted.engine
    let result = try GraphvizRenderer.shared.render(try map.dot(), engine: engine, format: format)
    for w in result.warnings { printError("warning: graphviz: \(w)") }
    try output.write(result.bytes, binary: format == .png || format == .pdf)
    if let path = output.path { output.note("wrote \(path) (\(format.rawValue), \(geographic ? "geographic" : fitted.fit.engine.rawValue), \(result.bytes.count) bytes)") }
  }
}

extension Render {
  /// An aspect ratio for a note: two decimals.
  static func ratio(_ x: Double) -> String { String(format: "%.2f", x) }
}

struct Dot: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Write the coalition map as DOT text (no layout).")

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(help: "Heading of the legend (default: the dataset title).")
  var title: String?
  @OptionGroup var output: OutputOption

  func run() throws {
    try output.write(try CoalitionMap(view: try loadView(input, view), title: title).dot())
  }
}

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a dataset and list every problem with its line, column and path.")

  @OptionGroup var input: DatasetArgument

  func run() throws {
    let dataset = try input.load()
    let graph = try CoalitionNetwork(dataset)
    let blocs = graph.blocs.map { "\($0.bloc.name) (\($0.members.count))" }.joined(separator: ", ")
    print("\(input.displayName): valid")
    print("  \(graph.actorCount) actors, \(dataset.observations.count) observations, \(try graph.view().ties.count) ties, \(dataset.kinds.count) own kinds")
    if !blocs.isEmpty { print("  blocs: \(blocs)") }
  }
}

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The coalition report: findings, actors ranked, bloc cohesion, exchanges, brokers, balance.",
    discussion: """
      The findings follow the view's shape, detected from its kinds (polarity, direction, materiality), weights and blocs, or set with --shape: coalition (several kinds, cooperative and hostile, between declared blocs: hubs, bloc cohesion, balance, exchanges), flows (directed material ties with weights, e.g. arms transfers: volumes, shares, concentration, routes, dependence, change against the previous period), alliances (undirected cooperative ties: communities, bridges, the densest core), events (cooperative and hostile events without blocs, e.g. GDELT: balance of cooperation and conflict, dyads, camps, change) or alignment (similarity ties: camps and who sits between them). Each finding quotes numbers from a table of the same report; JSON gives each an id and the rows it rests on. Undefined values are empty in CSV, null in JSON and — elsewhere.
      Tables: actors, kinds, blocs, bloc_density, exchanges, brokers, balance, communities, permutation_tests, then the shape's own (column names in the CoalitionReport documentation). Path measures (betweenness, closeness, constraint, brokerage, E-I) follow cooperative ties unless --polarity all. Rank changes compare with the same view on reported ties only. Every format records the provenance (dataset title and fingerprint, view, version). CSV holds one table per file, with no comment line: --table NAME picks it (default: actors), -o DIR/ writes every table as DIR/<table>.csv; the provenance goes to FILE.provenance.json (DIR/provenance.json), or with --provenance-column into a column. HTML output is one self-contained page (no network access): the map with pan, zoom, search, filters and the evidence behind each tie, the findings, a chart of --measure and the tables, sortable.
      """)

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @OptionGroup var table: TableFormatOptions
  @Option(help: "HTML: the measure charted and ranked (also shown per actor with degree, betweenness and PageRank); default: strength for flows, degree for alliances, events and alignment, betweenness for a coalition.")
  var measure: CentralityMeasure?
  @Option(help: "HTML: layout engine of the map (default: dot up to 60 actors and 250 ties, sfdp beyond).")
  var engine: LayoutEngine?
  @Option(help: "HTML: graph (the engine places actors) or geo (states at their capitals, as render --layout geo).")
  var layout: Render.Layout = .graph
  @OptionGroup var mapOptions: MapOptions
  @Option(help: "HTML: also chart density and the top actors' ranks per window of this length (e.g. 1y, 6m), with a map per window.")
  var window: String?
  @Option(help: "HTML: step between windows (default: the window's length).")
  var step: String?
  @Option(help: "Seconds the exact frustration index (an integer program, GLPK) may spend per component (default: a fixed work budget that gives the same bounds on any machine; the program also stops when its bound stops improving). The balance section gives proven bounds and says how far it went.")
  var frustrationTimeLimit: Double?
  @Option(help: "Which findings: coalition, flows, alliances, events or alignment (default: detected from the view).")
  var shape: ReportShape?
  @Option(help: "Random labellings of the bloc permutation tests when there are more than 100,000 to enumerate.")
  var permutations: Int = 10_000
  @Option(help: "Seed of those random labellings and of the evidence-thinning draws (the same seed gives the same p-values and rank intervals on any thread count).")
  var seed: UInt64 = 1
  @Option(help: "Evidence-thinning draws behind the rank intervals (default: 200, left out on very large views; 0: none).")
  var rankDraws: Int?
  @Option(help: "The probability that a draw keeps an observation of a confidence level, e.g. alleged=0.3 (repeat; defaults reported=0.95, assessed=0.8, alleged=0.5).")
  var keepProbability: [String] = []
  @OptionGroup var timeout: TimeoutOption
  @OptionGroup var output: OutputOption

  /// `--keep-probability LEVEL=P` options over the defaults.
  func keepProbabilities() throws -> KeepProbabilities {
    var p = KeepProbabilities()
    for given in keepProbability {
      let parts = given.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let level = Confidence(rawValue: parts[0]), let x = Double(parts[1]), (0...1).contains(x) else {
        throw ValidationError("--keep-probability \(given): expected LEVEL=P, LEVEL one of reported, assessed, alleged and P from 0 to 1")
      }
      switch level {
      case .reported: p.reported = x
      case .assessed: p.assessed = x
      case .alleged: p.alleged = x
      }
    }
    return p
  }

  /// The measure a page charts by default: what an analyst of that shape ranks by.
  static func chartedMeasure(_ shape: ReportShape) -> CentralityMeasure {
    switch shape {
    case .flows: return .strength
    case .alliances, .events, .alignment: return .degree
    case .coalition: return .betweenness
    }
  }

  func validate() throws {
    try checkRange("--frustration-time-limit", frustrationTimeLimit, secondsRange, "must be a number of seconds from 0.001 to 1,000,000")
    try checkRange("--permutations", permutations, 1...10_000_000, "must be from 1 to 10,000,000")
    try checkRange("--rank-draws", rankDraws, 0...1_000_000, "must be from 0 to 1,000,000")
    _ = try keepProbabilities()
    for (name, value) in [("--window", window), ("--step", step)] {
      if let value, TimeSpan(value) == nil { throw ValidationError("\(name) \(value): expected N followed by d, w, m or y (e.g. 1y, 6m, 30d)") }
    }
    if window != nil, table.format != .html { throw ValidationError("--window applies to --format html; for a series table use coalition timeline") }
  }

  func run() throws {
    timeout.start("the report", hint: "narrow the view (--kind, --from/--to, --min-weight, --drop-isolates)")
    let whole = try loadView(input, view)
    let selected = try mapOptions.narrowed(whole, by: whole.degree(.total))
    var report = CoalitionReport(
      view: selected, threads: ProcessInfo.processInfo.activeProcessorCount, pathPolarity: view.pathPolarity,
      frustrationSolver: frustrationTimeLimit.map { IntegerProgramFrustration(seconds: $0) } ?? IntegerProgramFrustration(), shape: shape)
    report.permutations = permutations
    report.seed = seed
    report.rankDraws = rankDraws
    report.keepProbabilities = try keepProbabilities()
    let document = try report.document()
    guard table.format == .html else { return try table.write(document, to: output) }
    // One page: the map rendered in process, the measures per actor for the panel, the tables.
    let measure = self.measure ?? Self.chartedMeasure(shape ?? ReportShape.detect(selected))
    let chosen = [measure] + [CentralityMeasure.degree, .betweenness, .pagerank].filter { $0 != measure }
    let scores = try selected.scores(chosen, options: MeasureOptions(threads: ProcessInfo.processInfo.activeProcessorCount))
    var map = CoalitionMap(view: selected)
    try mapOptions.apply(to: &map, geographic: layout == .geo)
    // The legend goes under the map, so that the drawing alone fills the map's box at Fit.
    let drawn = try GraphvizRenderer.shared.pageMap(map, engine: self.engine)
    for w in drawn.drawing.warnings + (drawn.legend?.warnings ?? []) { printError("warning: graphviz: \(w)") }
    var page = HTMLReport(
      document: document, view: selected, mapSVG: String(decoding: drawn.drawing.bytes, as: UTF8.self), measures: scores,
      generator: "coalition \(CoalitionGraphVersion.current)", digits: table.digits)
    page.legendSVG = drawn.legend.map { String(decoding: $0.bytes, as: UTF8.self) }
    if let window, let length = TimeSpan(window) {
      // The series over the same view, one window at a time, and a map per window.
      var filter = selected.filter
      let windows = try seriesWindows(selected.graph.dataset, filter, length: length, step: step.flatMap(TimeSpan.init), named: window)
      filter.window = nil
      let timeline = try CoalitionReports.Timeline(graph: selected.graph, filter: filter, windows: windows, measure: measure)
      page.series = timeline.series()
      page.seriesMeasure = measure.rawValue
      // Small multiples: the first 24 windows with an actor, on one shared layout.
      let shown = windows.prefix(24).map { (window: $0, view: timeline.view($0)) }.filter { $0.view.nodeCount > 0 }
      let maps = try GraphvizRenderer.shared.windowMaps(
        shown.map(\.view), captions: shown.map { $0.window.description }, layout: try GraphvizRenderer.shared.sharedLayout(of: timeline.union),
        legend: false)
      page.windowMaps = zip(shown, maps).map { HTMLReport.WindowMap(label: $0.window.description, svg: String(decoding: $1.bytes, as: UTF8.self)) }
    }
    try output.write(page.html())
    if let path = output.path { output.note("wrote \(path) (html, \(selected.nodeCount) actors, \(selected.ties.count) ties)") }
  }
}

extension CentralityMeasure: ExpressibleByArgument {}
extension EdgeLength: ExpressibleByArgument {}

struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compute chosen centrality measures per actor, on a dataset or a plain edge list.",
    discussion: """
      Measures: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")). With --edges FILE the input is an edge list (`source target [weight]` per line, white space or commas, # comments) instead of a dataset. Ties of several kinds between one pair count as one edge whose weight is the sum of the tie weights. On a dataset the path measures (betweenness, closeness, closeness-igraph, harmonic, constraint, effective-size) follow cooperative ties unless --polarity all; the others count every tie.
      """)

  @OptionGroup var input: DatasetArgument
  @OptionGroup var view: ViewOptions
  @Option(name: .customLong("measure"), help: "A measure to compute (repeat for several; default: degree, betweenness, closeness, pagerank).")
  var measures: [CentralityMeasure] = []
  @Option(help: "Rank and order the rows by this measure (default: the first --measure; added to the measures if missing).")
  var sortBy: CentralityMeasure?
  @Option(help: "Edge length for path measures: hops, inverseWeight (strong ties are short) or weight.")
  var length: EdgeLength = .hops
  @Option(help: "Read a plain edge list instead of a dataset ('-': standard input).")
  var edges: String?
  @Flag(help: "Follow edge direction (dataset: directed kinds; edge list: the file is directed).")
  var directed = false
  @Flag(help: "Edge list: read the third column as the weight.")
  var weighted = false
  @Option(help: "Threads for betweenness, closeness and harmonic (default: every core, and at most that many; results do not depend on it).")
  var threads: Int?
  @Option(help: "Estimate betweenness from this many randomly drawn sources (for large graphs; the report states the error bound).")
  var samples: Int?
  @Option(help: "Normalised values (true) or raw ones (false): counts for degree, path sums for betweenness, 1/Σd for closeness-igraph, Σ1/d for harmonic, Katz without unit norm.")
  var normalized = true
  @Flag(help: "Ignore tie weights: every edge counts 1 in strength, PageRank, eigenvector and Katz.")
  var ignoreWeights = false
  @Option(help: "Convergence tolerance per node for PageRank, eigenvector and Katz (default: accurate to about 1e-10 relative; larger is faster).")
  var tolerance: Double?
  @OptionGroup var table: TableFormatOptions
  @OptionGroup var timeout: TimeoutOption
  @OptionGroup var output: OutputOption

  func validate() throws {
    if edges != nil && input.dataset != nil { throw ValidationError("give a dataset or --edges, not both") }
    if weighted && edges == nil { throw ValidationError("--weighted applies to --edges") }
    try checkRange("--threads", threads, threadsRange, "must be from 1 to 4,096 (more than the machine's cores are not used)")
    if let samples, samples < 1 { throw ValidationError("--samples must be at least 1") }
    if let tolerance, !(tolerance > 0 && tolerance < 1) { throw ValidationError("--tolerance must be a number between 0 and 1, e.g. 1e-9") }
  }

  func run() throws {
    timeout.start("computing the measures", hint: "estimate betweenness with --samples, or use fewer measures")
    var chosen: [CentralityMeasure] = measures.isEmpty ? [.degree, .betweenness, .closeness, .pagerank] : measures
    if let sortBy, !chosen.contains(sortBy) { chosen.append(sortBy) }
    var report: CentralityReport
    if let edges {
      let list: EdgeList
      do {
        list = edges == "-"
          ? try EdgeList(bytes: Array(FileHandle.standardInput.readDataToEndOfFile()), weighted: weighted, file: "<stdin>")
          : try EdgeList(contentsOf: edges, weighted: weighted)
      } catch { throw ToolError("\(error)") }
      let graph = SimpleGraph(nodeCount: list.nodeCount, sources: list.sources, targets: list.targets, weights: list.weights, directed: directed)
      report = CentralityReport(title: "Centrality — \(edges)", names: list.names, graph: graph, measures: chosen, length: length)
    } else {
      report = CentralityReport(view: try loadView(input, view), directed: directed, measures: chosen, length: length, pathPolarity: view.pathPolarity)
    }
    report.options = MeasureOptions(
      threads: clampedThreads(threads ?? ProcessInfo.processInfo.activeProcessorCount), betweennessSamples: samples, normalized: normalized,
      weighted: !ignoreWeights, tolerance: tolerance)
    report.sortBy = sortBy
    try output.write(table.text(try report.table()))
  }
}

struct Format: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Rewrite a dataset in the canonical JSON layout (validated first).")

  @OptionGroup var input: DatasetArgument
  @OptionGroup var output: OutputOption

  func run() throws {
    try output.write(try input.load().jsonText())
  }
}
