import CoalitionGraph
import CoalitionMetrics

/// The coalition report: who holds the coalition together, who brokers, how cohesive each bloc is
/// in each kind of tie, how polarised and balanced the whole is, what is exchanged for what, and how
/// much rests on alleged or assessed evidence (computed again on reported ties only).
///
/// The findings follow the view's ``ReportShape``: a coalition of blocs (the seed) gets hubs, bloc
/// cohesion, balance and exchanges; flows (arms transfers) volumes, shares, concentration, routes and
/// dependence; alliances communities, bridges and the densest core; signed event data the balance of
/// cooperation and conflict by dyad; alignment ties camps and who sits between them. Every finding
/// quotes numbers from a table of the same report and points at its rows (``Finding/rows``).
///
/// Tables, in this order, and their columns (stable names):
/// - `actors`: rank, actor, name, bloc, degree, degree_normalized, partners_cooperative,
///   partners_hostile, (flows: volume_out, volume_in,) betweenness, betweenness_raw, closeness,
///   pagerank, participation, ei, constraint, brokerage, brokerage_coordinator,
///   brokerage_itinerant, brokerage_gatekeeper, brokerage_representative, brokerage_liaison,
///   rank_reported_only, rank_change,
///   rank_p05, rank_p95 (the 5–95 % interval of the rank over evidence-thinning draws), and
///   `rank_without_<source>` for each of the (up to five) most cited sources when there are two
///   or more.
/// - `kinds`: actor, then one column per kind present: partners in that kind.
/// - `blocs`: bloc, members, internal_ties, density, one `density_<kind>` per kind present,
///   multiplexity, ei, ei_expected, ei_permutation_mean, ei_p, hostile_ties_out,
///   degree_centralization.
/// - `bloc_density`: from, then one column per bloc (image matrix, undirected).
/// - `exchanges`: first, second, gives, returns, confidence.
/// - `brokers`: broker, betweenness, brokered_pairs (examples of pairs whose every shortest path runs through the broker).
/// - `balance`: measure, value.
/// - `communities`: measure, value — Louvain communities, modularity, and their NMI and ARI
///   against the declared blocs.
/// - `permutation_tests`: statistic, observed, permutation_mean, permutation_sd, p_greater,
///   p_less, p_two_sided — the declared blocs tested by permuting the actors' bloc labels over the
///   fixed graph (``permutations``, ``seed``): E-I (whole and per bloc), bloc densities,
///   assortativity and modularity of the blocs; exact over every labelling when there are at most
///   100,000. Empty without blocs.
/// - then the shape's own tables: flows add `suppliers`, `recipients`, `routes`, `dependence` and
///   `concentration`; alliances and alignment `community_members`, `bridges` and `core`; events
///   `dyads` and `event_balance`.
///
/// A value that is undefined for an actor or a view (E-I without blocs, participation with one
/// kind, closeness of an actor without a path tie) is ``Cell/undefined``, never a number, and the
/// table's notes say why.
public struct CoalitionReport: Sendable {
  /// The view the report describes.
  public let view: NetworkView
  /// Threads for the all-pairs measures (betweenness, closeness); results do not depend on it.
  public var threads: Int
  /// The ties the path measures follow — betweenness, closeness, constraint, brokerage, E-I and
  /// the brokers' pairs: cooperative ones by default, since an accusation, a sanction or a war is
  /// no channel between two states; `nil` for every tie. Degree, PageRank, participation and the
  /// balance section use every tie of the view.
  public var pathPolarity: Polarity?
  /// Solves the frustration index of the balance section for components too large to enumerate
  /// (over `SignedGraph.exactLimit` nodes after reduction). The default local search gives an
  /// upper bound, and the report says so; `IntegerProgramFrustration` from `CoalitionExact`
  /// (GLPK) gives the exact value, as the `coalition` tool does.
  public var frustrationSolver: any FrustrationSolver
  /// The shape whose findings the report gives; `nil` (the default) detects it from the view
  /// (``ReportShape/detect(_:)``).
  public var shape: ReportShape?
  /// Random labellings of the bloc permutation tests when there are too many to enumerate.
  public var permutations: Int = 10_000
  /// The seed of those random labellings and of the evidence-thinning draws: the same seed gives
  /// the same p-values and rank intervals, on any thread count.
  public var seed: UInt64 = 1
  /// Evidence-thinning draws behind the rank intervals: each keeps every observation with the
  /// probability of its confidence (``keepProbabilities``). `nil` makes 200, unless the view is
  /// so large that they would take minutes (the report says so); 0 makes none.
  public var rankDraws: Int?
  /// The probability that a draw keeps an observation of each confidence level.
  public var keepProbabilities = KeepProbabilities()

  /// A report on `view`; its sensitivity columns compare with the same view on reported ties only.
  public init(
    view: NetworkView, threads: Int = 1, pathPolarity: Polarity? = .cooperative,
    frustrationSolver: any FrustrationSolver = LocalSearchFrustration(), shape: ReportShape? = nil
  ) {
    self.view = view
    self.threads = max(1, threads)
    self.pathPolarity = pathPolarity
    self.frustrationSolver = frustrationSolver
    self.shape = shape
  }

  /// Computes the report: how the view was read, findings in plain words, then its tables.
  /// - Throws: `MetricError` when an iterative measure does not converge.
  public func document() throws -> ReportDocument {
    let shape = self.shape ?? ReportShape.detect(view)
    let basis = try ReportBasis(
      view: view, shape: shape, pathPolarity: pathPolarity, threads: threads, frustrationSolver: frustrationSolver,
      permutations: permutations, seed: seed, rankDraws: rankDraws, keepProbabilities: keepProbabilities)
    let reading: any ShapeReading =
      switch shape {
      case .coalition: CoalitionReading()
      case .flows: FlowReading()
      case .alliances: AllianceReading(camps: false)
      case .alignment: AllianceReading(camps: true)
      case .events: EventReading()
      }
    let section = reading.read(basis)
    var findings = section.findings
    if let sensitivity = basis.sensitivityFinding() { findings.append(sensitivity) }
    if let robustness = basis.robustnessFinding() { findings.append(robustness) }
    return ReportDocument(
      title: "Coalition report — \(view.graph.dataset.title ?? "coalition")", reading: shape.reading, findings: findings,
      tables: basis.standardTables() + section.tables, provenance: view.provenance)
  }
}

/// The findings and tables of one shape of view (``ReportShape``): each shape reads the report's
/// shared measures and adds tables of its own; its findings point at rows of any table.
protocol ShapeReading {
  func read(_ basis: ReportBasis) -> ReportSection
}

/// What a shape adds to a report.
struct ReportSection {
  var tables: [ReportTable] = []
  var findings: [Finding] = []
}

extension ReportBasis {
  /// How much the ranks rest on alleged or assessed evidence, in words a reader can check: how
  /// many ties remain on reported evidence alone, how many actors keep none, and whether the top
  /// of the ranking holds. `nil` when every tie is reported.
  func sensitivityFinding() -> Finding? {
    let weak = view.ties.filter { $0.confidence < .reported }.count
    guard weak > 0 else { return nil }
    let total = view.ties.count
    var text = "\(weak) of \(total) ties rest only on alleged or assessed evidence. On reported ties alone \(reportedTieCount) of \(total) remain"
    let tied = (0..<n).filter { degree[$0] > 0 }
    let lost = tied.filter { rankReported[$0] == nil }
    let kept = tied.filter { rankReported[$0] != nil }
    if !lost.isEmpty {
      text += "; \(Words.count(lost.count, "actor")) keep\(lost.count == 1 ? "s" : "") no tie (\(Self.listed(lost.sorted { (rankAll[$0], $0) < (rankAll[$1], $1) }.map { names[$0] }, limit: 6)))"
    } else {
      text += ", and every actor keeps a tie"
    }
    let moved = kept.filter { rankReported[$0] != rankAmongReported[$0] }
    if kept.isEmpty {
      text += "."
    } else if moved.isEmpty {
      text += lost.isEmpty ? "; no rank changes." : "; among the rest no rank changes."
    } else {
      // The top three before and after, among the actors that keep a reported tie.
      let k = min(3, kept.count)
      let before = kept.sorted { (rankAmongReported[$0]!, $0) < (rankAmongReported[$1]!, $1) }.prefix(k).map { names[$0] }
      let after = kept.sorted { (rankReported[$0]!, $0) < (rankReported[$1]!, $1) }.prefix(k).map { names[$0] }
      let among = lost.isEmpty ? "" : "among the rest "
      if before == after {
        text += "; \(among)the top \(k) (\(before.joined(separator: ", "))) are unchanged, and \(moved.count) of \(kept.count) actors move."
      } else {
        text += "; \(among)the top \(k) become \(after.joined(separator: ", ")) (were \(before.joined(separator: ", "))), and \(moved.count) of \(kept.count) actors move."
      }
    }
    return Finding(id: "\(shape.rawValue).sensitivity", text: text, actors: lost.map { names[$0] }, rows: actorRows(lost + kept))
  }
}
