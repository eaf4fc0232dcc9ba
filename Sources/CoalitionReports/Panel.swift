import CoalitionGraph
import CoalitionMetrics

/// Research-ready panels of a coalition graph: one row per actor and period, or per pair and
/// period, long and tidy, keyed like `peacesciencer`'s state-year and dyad-year data (COW codes
/// beside ISO codes), for merging in R, Stata or pandas.
///
/// Each period reads what was in force in it (`DateWindow` overlap, as `metrics --in-force`): an
/// alliance spell 1990–2018 counts in every one of those years. Periods without a tie give no rows
/// (``PanelTable/emptyPeriods`` names them).
public struct Panel: Sendable {
  /// The graph.
  public let graph: CoalitionNetwork
  /// The view of every period, but its window (set per period).
  public var filter: ViewFilter
  /// The periods, in order.
  public var periods: [DateWindow]
  /// Whether the periods are calendar years (the table then has a `year` column instead of
  /// `period_start` and `period_end`).
  public var yearly: Bool

  /// The measures of the actor panel (default: degree, in- and out-strength, betweenness,
  /// eigenvector, PageRank, core, clustering), computed as `coalition metrics` does.
  public var measures: [CentralityMeasure] = [.degree, .inStrength, .outStrength, .betweenness, .eigenvector, .pagerank, .core, .clustering]
  /// Measure options (normalisation, weights, threads), as `coalition metrics` takes them.
  public var options = MeasureOptions()
  /// The ties path measures follow.
  public var pathPolarity: Polarity? = .cooperative

  /// A panel of `graph` under `filter` over `periods`.
  public init(graph: CoalitionNetwork, filter: ViewFilter, periods: [DateWindow], yearly: Bool) {
    self.graph = graph
    self.filter = filter
    self.periods = periods
    self.yearly = yearly
  }

  /// Calendar years, months, or windows of `length` from the first to the last date the dataset
  /// (or the filter's window) covers.
  /// - Throws: `SeriesError` when the dataset has no dates.
  public static func periods(of dataset: Dataset, filter: ViewFilter, by unit: PanelUnit) throws -> [DateWindow] {
    switch unit {
    case .span(let length): return try TimeWindows.spanning(dataset, filter: filter, length: length).windows
    case .year, .month:
      let days = dataset.observations.flatMap { [$0.time.firstDay, $0.time.lastDay] }.filter { $0 != .min && $0 != .max }
      guard let first = filter.window?.from ?? days.min().flatMap({ PartialDate(dayNumber: $0) }),
        let last = filter.window?.to ?? days.max().flatMap({ PartialDate(dayNumber: $0) }),
        let start = unit == .year ? PartialDate(year: first.year) : PartialDate(year: first.year, month: first.month ?? 1)
      else { throw SeriesError.undated }
      return TimeWindows(start: start, end: last, length: unit == .year ? TimeSpan(count: 1, unit: .year)! : TimeSpan(count: 1, unit: .month)!).windows
    }
  }

  /// The COW state number of an actor id (ISO alpha-3 or a historical state's id), or `nil`.
  static func cowCode(_ id: String) -> Int? {
    if let c = CountryTable.country(alpha3: id), c.cowCode != 0 { return c.cowCode }
    return HistoricalState.all.first { $0.actorID == id }?.cowCode
  }

  private func key(_ w: DateWindow) -> [Cell] {
    yearly ? [.integer(Int(w.from?.year ?? 0))] : [.text(w.from?.description ?? ""), .text(w.to?.description ?? "")]
  }

  private var keyColumns: [String] { yearly ? ["year"] : ["period_start", "period_end"] }

  private func view(_ w: DateWindow) -> NetworkView {
    var f = filter
    f.window = w
    f.dropIsolates = true
    return graph.derivedView(f)
  }

  /// One row per actor with a tie in each period: `actor`, `name`, `ccode` (COW; empty for
  /// non-states), `iso3` (empty where the actor is no ISO country), the period, each of
  /// ``measures`` (as `coalition metrics` computes them on that period's view), the five
  /// Gould–Fernandez brokerage roles and their total (blocs as groups), the actor's first bloc
  /// and its Louvain community in the period (1-based, seed 1).
  /// - Throws: `MetricError` when an iterative measure does not converge in a period.
  public func actors() throws -> PanelTable {
    var rows: [[Cell]] = []
    var empty: [DateWindow] = []
    for w in periods {
      let v = view(w)
      guard v.nodeCount > 0 else {
        empty.append(w)
        continue
      }
      var report = CentralityReport(view: v, directed: false, measures: measures, length: .hops, pathPolarity: pathPolarity)
      report.options = options
      let table = try report.table()
      // The report's rows are ranked; index them by actor, and its columns by measure.
      let slots = measures.map { table.columns.firstIndex(of: $0.rawValue)! }
      let values = Dictionary(uniqueKeysWithValues: table.rows.map { row -> (String, [Cell]) in
        guard case .text(let id) = row[1] else { return ("", []) }
        return (id, slots.map { row[$0] })
      })
      let brokerage = v.brokerage(polarity: pathPolarity)
      let community = v.simpleGraph(directed: false, polarity: pathPolarity).louvain().partition
      for node in 0..<v.nodeCount {
        let actor = v.actor(node)
        let bloc = graph.blocs(of: v.nodes[node]).first.map { graph.blocs[$0].bloc.name } ?? ""
        let b = brokerage[node]
        var row: [Cell] = [
          .text(actor.id), .text(actor.name), Self.cowCode(actor.id).map { .integer($0) } ?? .undefined,
          .text(CountryTable.country(alpha3: actor.id) != nil ? actor.id : ""),
        ]
        row += key(w)
        row += values[actor.id] ?? []
        row += [b.coordinator, b.consultant, b.gatekeeper, b.representative, b.liaison, b.total].map { .integer($0) }
        row += [.text(bloc), .integer(community[node] + 1)]
        rows.append(row)
      }
    }
    let columns = ["actor", "name", "ccode", "iso3"] + keyColumns + measures.map(\.rawValue) + [
      "brokerage_coordinator", "brokerage_itinerant", "brokerage_gatekeeper", "brokerage_representative", "brokerage_liaison", "brokerage",
      "bloc", "community",
    ]
    return PanelTable(
      table: ReportTable(
        title: "actor_panel", columns: columns, rows: rows,
        notes: ["One row per actor with a tie in the period, reading what was in force in it; measures as coalition metrics computes them."]
          + measures.map(\.convention)),
      emptyPeriods: empty)
  }

  /// One row per pair tied in each period, with `peacesciencer`'s keys: `ccode1`, `ccode2`,
  /// `actor1`, `actor2`, the period, then for each kind of the panel the summed weight
  /// (`<kind>_weight`) and the number of observations (`<kind>_count`) of the pair's ties of that
  /// kind in force in the period, and the `first` and `last` day of those observations. With only
  /// undirected kinds each pair comes once, the lower COW code (else actor id) first; with a
  /// directed kind both orders come, a directed tie counting in its own direction and an
  /// undirected one in both.
  public func dyads(covariates: [DyadCovariate] = []) -> PanelTable {
    let views = periods.map(view)
    // COW codes looked up once per actor, not once per comparison.
    var codes: [String: Int?] = [:]
    for v in views { for t in v.ties { for a in [graph[t.source].id, graph[t.target].id] where codes[a] == nil { codes[a] = Self.cowCode(a) } } }
    func code(_ id: String) -> Int? { codes[id] ?? nil }
    let kindIDs = Set(views.flatMap { $0.ties.map { graph[$0.kind].id } }).sorted()
    let directed = views.contains { $0.ties.contains(where: \.directed) }
    var rows: [[Cell]] = []
    var empty: [DateWindow] = []
    struct Pair: Hashable {
      let a: String
      let b: String
    }
    struct Sums {
      var weight: [String: Double] = [:]
      var count: [String: Int] = [:]
      var first = Int32.max
      var last = Int32.min
    }
    for (w, v) in zip(periods, views) {
      guard !v.ties.isEmpty else {
        empty.append(w)
        continue
      }
      var sums: [Pair: Sums] = [:]
      func add(_ a: String, _ b: String, _ tie: Tie) {
        var s = sums[Pair(a: a, b: b), default: Sums()]
        let kind = graph[tie.kind].id
        s.weight[kind, default: 0] += tie.weight
        s.count[kind, default: 0] += tie.count
        for o in tie.observations {
          s.first = min(s.first, graph.obsFirstDay[o])
          s.last = max(s.last, graph.obsLastDay[o])
        }
        sums[Pair(a: a, b: b)] = s
      }
      func order(_ x: String, _ y: String) -> (String, String) {
        let (cx, cy) = (code(x) ?? Int.max, code(y) ?? Int.max)
        return (cx, x) <= (cy, y) ? (x, y) : (y, x)
      }
      for tie in v.ties {
        let (s, t) = (graph[tie.source].id, graph[tie.target].id)
        if directed {
          add(s, t, tie)
          if !tie.directed { add(t, s, tie) }
        } else {
          let (a, b) = order(s, t)
          add(a, b, tie)
        }
      }
      for pair in sums.keys.sorted(by: { (code($0.a) ?? Int.max, $0.a, code($0.b) ?? Int.max, $0.b) < (code($1.a) ?? Int.max, $1.a, code($1.b) ?? Int.max, $1.b) }) {
        let s = sums[pair]!
        var row: [Cell] = [
          code(pair.a).map { .integer($0) } ?? .undefined, code(pair.b).map { .integer($0) } ?? .undefined, .text(pair.a),
          .text(pair.b),
        ]
        row += key(w)
        for k in kindIDs { row += [.number(s.weight[k] ?? 0), .integer(s.count[k] ?? 0)] }
        row += [.text(PartialDate(dayNumber: s.first)?.description ?? ""), .text(PartialDate(dayNumber: s.last)?.description ?? "")]
        row += covariates.map { $0.value(pair.a, pair.b, w).map(Cell.value) ?? .undefined }
        rows.append(row)
      }
    }
    let columns = ["ccode1", "ccode2", "actor1", "actor2"] + keyColumns + kindIDs.flatMap { [$0 + "_weight", $0 + "_count"] } + ["first", "last"]
      + covariates.map(\.name)
    return PanelTable(
      table: ReportTable(
        title: "dyad_panel", columns: columns, rows: rows,
        notes: [
          directed
            ? "Ordered pairs: a directed tie counts in its direction, an undirected one in both."
            : "Unordered pairs, once each, the lower COW code (else actor id) first."
        ]),
      emptyPeriods: empty)
  }
}

/// A value per pair and period that dyad rows carry beside the ties (`Panel.dyads(covariates:)`):
/// vote coincidence in the period, contiguity, any dyadic covariate; `nil` where it has none.
public struct DyadCovariate: Sendable {
  /// The column's name.
  public var name: String
  /// The value for actors `a`, `b` (as the row orders them) in `period`.
  public var value: @Sendable (_ a: String, _ b: String, _ period: DateWindow) -> Double?

  /// A covariate named `name`.
  public init(name: String, value: @escaping @Sendable (_ a: String, _ b: String, _ period: DateWindow) -> Double?) {
    self.name = name
    self.value = value
  }

  /// UN General Assembly vote coincidence of the pair over the roll calls held in the period (the
  /// State Department's share of votes cast the same way, as `coalition alignment` computes it);
  /// `nil` when the two never voted in the same roll call in it.
  public static func voteCoincidence(_ matrix: VoteMatrix) -> DyadCovariate {
    let cache = Locked<[DateWindow: VoteMatrix]>([:])
    return DyadCovariate(name: "vote_coincidence") { a, b, period in
      let inPeriod = cache.withLock { known in
        if let m = known[period] { return m }
        let m = matrix.filtered(RollCallFilter(from: period.from, to: period.to))
        known[period] = m
        return m
      }
      guard let i = inPeriod.index(of: a), let j = inPeriod.index(of: b) else { return nil }
      let agreement = inPeriod.agreement(i, j)
      return agreement.jointVotes > 0 && agreement.coincidence.isFinite ? agreement.coincidence : nil
    }
  }
}

/// How a panel's periods are cut.
public enum PanelUnit: Hashable, Sendable {
  /// Calendar years.
  case year
  /// Calendar months.
  case month
  /// Windows of a length from the first date covered.
  case span(TimeSpan)
}

/// A panel and the periods that gave no rows.
public struct PanelTable: Sendable {
  /// The rows, one table.
  public var table: ReportTable
  /// Periods without a tie (no rows).
  public var emptyPeriods: [DateWindow]
}

extension ReportTable {
  /// The table as tab-separated values: a header line, then one line per row; a tab or line break
  /// inside a value becomes a space (TSV has no quoting). Numbers exact, undefined values empty.
  public func tsv() -> String {
    func field(_ s: String) -> String { String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
    return ([columns.map(field).joined(separator: "\t")] + rows.map { $0.map { field($0.exact) }.joined(separator: "\t") }).joined(separator: "\n") + "\n"
  }

  /// The table as JSON Lines: one object per row, keyed by column; undefined values `null`.
  public func jsonLines() -> String {
    rows.map { row in
      let members = zip(columns, row).map { name, cell -> (key: String, value: JSONNode) in
        switch cell {
        case .text(let s): return (name, JSONNode(.string(s)))
        case .integer(let i): return (name, JSONNode(.number(Double(i))))
        case .number(let x): return (name, JSONNode(x.isFinite ? .number(x) : .null))
        case .undefined: return (name, JSONNode(.null))
        }
      }
      return JSONWriter.compact(JSONNode(.object(members)))
    }.map { $0 + "\n" }.joined()
  }
}
