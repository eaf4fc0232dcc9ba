import CoalitionGraph
import CoalitionMetrics

/// UN General Assembly voting alignment as a table: every state against one (as the US State
/// Department publishes it), or every pair among chosen states.
///
/// Columns: `rank` (by ``measure``, highest first, NaN last; only against one state), `state`,
/// `name` — or `state_a`, `state_b` for pairs — then `joint_votes`, `same`, `opposite`,
/// `partial`, `both_abstained`, `coincidence`, `agreement`, `kappa`, `pi` (see `VoteAgreement`).
public struct AlignmentReport: Sendable {
  /// The votes, already filtered.
  public let matrix: VoteMatrix
  /// The measure rows are ranked by.
  public let measure: VoteMeasure
  /// What the roll calls were filtered by, in words, for the notes.
  public var selection: String

  /// A report on `matrix`, ranked by `measure`.
  public init(matrix: VoteMatrix, measure: VoteMeasure = .coincidence, selection: String = "all roll calls") {
    self.matrix = matrix
    self.measure = measure
    self.selection = selection
  }

  static let measureColumns = ["joint_votes", "same", "opposite", "partial", "both_abstained", "coincidence", "agreement", "kappa", "pi"]

  static func cells(_ a: VoteAgreement) -> [Cell] {
    [
      .integer(a.jointVotes), .integer(a.same), .integer(a.opposite), .integer(a.partial), .integer(a.bothAbstained),
      .number(a.coincidence), .number(a.agreement), .number(a.kappa), .number(a.pi),
    ]
  }

  static func name(_ id: String) -> String { CountryTable.country(alpha3: id)?.name ?? id }

  var notes: [String] {
    [
      "\(matrix.rollCalls.count) roll calls (\(selection)); \(matrix.states.count) states voted in at least one.",
      "same: both yes or both no; opposite: yes against no; partial: one abstained; joint_votes counts the roll calls both voted in (absences are not recorded).",
      "coincidence (US State Department): (same + partial/2) / (same + opposite + partial), both-abstained votes left out; agreement (Voeten): 1 same vote, ½ one abstention, 0 yes against no, averaged; kappa (Cohen) and pi (Scott): chance-corrected agreement over yes, abstain, no.",
    ]
  }

  /// Every other state against `state`, ranked by ``measure``.
  /// - Throws: ``AlignmentError`` when `state` cast no vote in the selection.
  public func against(_ state: String) throws -> ReportTable {
    guard let s = matrix.index(of: state) else { throw AlignmentError.noVotes(state: state, selection: selection) }
    return AlignmentReport.ranked(
      against: state, states: matrix.states, skipping: s, compare: { matrix.agreement($0, s) }, key: { $0.value(measure) },
      cells: AlignmentReport.cells, columns: AlignmentReport.measureColumns, notes: notes, measure: measure.rawValue)
  }

  /// The rows of every state but `skipping` against `state`, ranked by `key` (highest first,
  /// NaN last): one builder for votes and portfolios.
  static func ranked<R>(
    against state: String, states: [String], skipping s: Int, compare: (Int) -> R, key: (R) -> Double, cells: (R) -> [Cell],
    columns: [String], notes: [String], measure: String
  ) -> ReportTable {
    let others = states.indices.filter { $0 != s }
    let results = others.map(compare)
    let values = results.map(key)
    let ranks = Ranking.ranks(values)
    let rows: [[Cell]] = Ranking.order(values).map { k in
      let id = states[others[k]]
      return [.integer(ranks[k]), .text(id), .text(name(id))] + cells(results[k])
    }
    return ReportTable(
      title: "alignment with \(state)", columns: ["rank", "state", "name"] + columns, rows: rows,
      notes: notes + ["Ranked by \(measure) with \(state) (\(name(state)))."])
  }

  /// Every pair among `states` (all states when empty), in the order given.
  /// - Throws: ``AlignmentError`` when one of `states` cast no vote in the selection.
  public func pairs(among states: [String] = []) throws -> ReportTable {
    try AlignmentReport.pairs(
      among: states, all: matrix.states, index: matrix.index(of:), missing: { AlignmentError.noVotes(state: $0, selection: selection) },
      compare: matrix.agreement, cells: AlignmentReport.cells, title: "alignment between pairs", columns: AlignmentReport.measureColumns,
      notes: notes)
  }

  /// The rows of every pair among `states` (all of `all` when empty), in the order given: one
  /// builder for votes and portfolios.
  static func pairs<R>(
    among states: [String], all: [String], index: (String) -> Int?, missing: (String) -> AlignmentError, compare: (Int, Int) -> R,
    cells: (R) -> [Cell], title: String, columns: [String], notes: [String]
  ) throws -> ReportTable {
    var rows: [Int] = []
    for id in states {
      guard let s = index(id) else { throw missing(id) }
      rows.append(s)
    }
    if states.isEmpty { rows = Array(all.indices) }
    var out: [[Cell]] = []
    for i in rows.indices {
      for j in rows.indices where j > i {
        out.append([.text(all[rows[i]]), .text(all[rows[j]])] + cells(compare(rows[i], rows[j])))
      }
    }
    return ReportTable(title: title, columns: ["state_a", "state_b"] + columns, rows: out, notes: notes)
  }
}

/// Alliance-portfolio similarity as a table: every state against one, or every pair among chosen
/// states. Columns: `rank`, `state`, `name` (or `state_a`, `state_b`), then `states` (n),
/// `absolute_distance`, `squared_distance`, `s`, `s_squared`, `kappa`, `pi` (see `PortfolioSimilarity`).
public struct PortfolioReport: Sendable {
  /// The portfolios of one year.
  public let portfolios: AlliancePortfolios
  /// The measure rows are ranked by.
  public let measure: PortfolioMeasure
  /// The year, for the notes.
  public let year: Int

  /// A report on `portfolios` of `year`, ranked by `measure`.
  public init(portfolios: AlliancePortfolios, year: Int, measure: PortfolioMeasure = .s) {
    self.portfolios = portfolios
    self.year = year
    self.measure = measure
  }

  static let columns = ["states", "absolute_distance", "squared_distance", "s", "s_squared", "kappa", "pi"]

  static func cells(_ p: PortfolioSimilarity) -> [Cell] {
    [.integer(p.states), .integer(p.absoluteDistance), .integer(p.squaredDistance), .number(p.s), .number(p.sSquared), .number(p.kappa), .number(p.pi)]
  }

  var notes: [String] {
    [
      "ATOP alliance portfolios of \(year), over the \(portfolios.states.count) states of that year's data: 3 defence or offence pact, 2 neutrality or non-aggression, 1 consultation, 0 none; 3 for the state itself.",
      "s: Signorino and Ritter's S, 1 − 2·Σ|x_ik − x_jk| / (3n); s_squared: 1 − 2·Σ(x_ik − x_jk)² / (9n); kappa (Cohen) and pi (Scott) over the four levels as categories.",
    ]
  }

  /// Every other state against `state`, ranked by ``measure``.
  /// - Throws: ``AlignmentError`` when `state` is not in the year's data.
  public func against(_ state: String) throws -> ReportTable {
    guard let s = portfolios.index(of: state) else { throw AlignmentError.notInData(state: state, year: year) }
    return AlignmentReport.ranked(
      against: state, states: portfolios.states, skipping: s, compare: { portfolios.similarity($0, s) }, key: { $0.value(measure) },
      cells: PortfolioReport.cells, columns: PortfolioReport.columns, notes: notes, measure: measure.rawValue)
  }

  /// Every pair among `states` (all states when empty), in the order given.
  /// - Throws: ``AlignmentError`` when one of `states` is not in the year's data.
  public func pairs(among states: [String] = []) throws -> ReportTable {
    try AlignmentReport.pairs(
      among: states, all: portfolios.states, index: portfolios.index(of:), missing: { AlignmentError.notInData(state: $0, year: year) },
      compare: portfolios.similarity, cells: PortfolioReport.cells, title: "alliance-portfolio similarity between pairs",
      columns: PortfolioReport.columns, notes: notes)
  }
}

/// Why an alignment table cannot be made.
public enum AlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The state cast no vote among the selected roll calls (or is not in the files).
  case noVotes(state: String, selection: String)
  /// The state is not in the year's alliance data.
  case notInData(state: String, year: Int)

  public var description: String {
    switch self {
    case .noVotes(let state, let selection):
      return "\(state) cast no vote in the selected roll calls (\(selection)); states are ISO alpha-3 codes such as USA, RUS, CHN"
    case .notInData(let state, let year):
      return "\(state) is not in the alliance data of \(year); states are ISO alpha-3 codes such as USA, RUS, CHN"
    }
  }
}

/// Which similarities become ties of an alignment dataset.
public enum AlignmentTieSelection: Sendable, Hashable {
  /// Pairs whose similarity is at least this.
  case threshold(Double)
  /// The disparity-filter backbone at this significance (`DisparityFilter`), over the pairs with
  /// a positive similarity.
  case backbone(alpha: Double)
}

/// Similarities as a dataset: one undirected, weighted tie per pair kept, so that maps, reports,
/// communities and the HTML report work on alignment as on any coalition graph.
public enum AlignmentDataset {
  /// The kind of UN-vote similarity ties.
  public static let voteKind = Kind(
    id: "vote-alignment", label: "UN vote alignment", polarity: .cooperative, materiality: .verbal, directed: false, color: "#4C72B0")
  /// The kind of alliance-portfolio similarity ties.
  public static let allianceKind = Kind(
    id: "alliance-similarity", label: "Alliance-portfolio similarity", polarity: .cooperative, materiality: .material, directed: false,
    color: "#55A868")

  /// A dataset of `states` and one tie of `kind` per kept pair, weighted by its similarity.
  /// - Parameters:
  ///   - title: The dataset's title.
  ///   - description: What the dataset holds and how it was made.
  ///   - states: ISO alpha-3 identifiers; each becomes a state actor with its ISO name.
  ///   - kind: The tie kind, e.g. ``voteKind`` or ``allianceKind``.
  ///   - source: The source every tie cites.
  ///   - time: When every tie held (the span of the roll calls, the year of the portfolios).
  ///   - selection: Which pairs become ties.
  ///   - similarity: The value of each pair (i < j, indices into `states`); NaN and values ≤ 0
  ///     never become ties (a weight must be positive).
  ///   - note: What each tie's evidence says, given the pair.
  public static func make(
    title: String, description: String, states: [String], kind: Kind, source: Source, time: ObservationTime, selection: AlignmentTieSelection,
    similarity: (Int, Int) -> Double, note: (Int, Int) -> String
  ) -> Dataset {
    var pairs: [WeightedEdge] = []
    for i in states.indices {
      for j in states.indices where j > i {
        let w = similarity(i, j)
        if w.isFinite, w > 0 { pairs.append(WeightedEdge(i, j, w)) }
      }
    }
    let keep: [Bool]
    switch selection {
    case .threshold(let t): keep = pairs.map { $0.weight >= t }
    case .backbone(let alpha): keep = DisparityFilter.keeps(nodeCount: states.count, edges: pairs, alpha: alpha)
    }
    var d = Dataset(title: title, description: description, weightUnit: "similarity")
    d.kinds = [kind]
    d.sources = [source]
    d.actors = states.map { id in
      CoalitionActor(id: id, name: CountryTable.country(alpha3: id)?.name ?? id, type: .state)
    }
    for (p, kept) in zip(pairs, keep) where kept {
      d.observations.append(
        TieObservation(
          source: states[p.source], target: states[p.target], kind: kind.id, time: time, confidence: .reported, basis: .event, weight: p.weight,
          evidence: [Evidence(source: source.id, note: note(p.source, p.target))]))
    }
    return d
  }
}
