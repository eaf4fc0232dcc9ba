import CoalitionGraph
import CoalitionMetrics

/// A length of time in days, months or years: `30d`, `2w`, `6m`, `1y`.
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
  /// The unit of a span, written as its letter (`w` for weeks is read as seven days).
  public enum Unit: String, Sendable {
    /// Days (`d`).
    case day = "d"
    /// Calendar months (`m`).
    case month = "m"
    /// Calendar years (`y`).
    case year = "y"
  }
  /// How many units.
  public let count: Int
  /// Days, months or years.
  public let unit: Unit

  /// The longest span in each unit: 9,999 years, the range of `PartialDate`.
  public static func maximum(_ unit: Unit) -> Int {
    switch unit {
    case .day: return 3_652_059
    case .month: return 119_988
    case .year: return 9_999
    }
  }

  /// A span, or `nil` unless `count` is between 1 and ``maximum(_:)`` (9,999 years).
  public init?(count: Int, unit: Unit) {
    guard count > 0, count <= TimeSpan.maximum(unit) else { return nil }
    self.count = count
    self.unit = unit
  }

  /// Parses `N` followed by `d` (days), `w` (weeks), `m` (months) or `y` (years); `nil` for
  /// anything else, and for spans longer than 9,999 years (never an overflow).
  public init?(_ text: String) {
    guard let last = text.last, let n = Int(text.dropLast()) else { return nil }
    switch last {
    case "d": self.init(count: n, unit: .day)
    case "w":
      let (days, overflow) = n.multipliedReportingOverflow(by: 7)
      guard !overflow else { return nil }
      self.init(count: days, unit: .day)
    case "m": self.init(count: n, unit: .month)
    case "y": self.init(count: n, unit: .year)
    default: return nil
    }
  }

  public var description: String { "\(count)\(unit.rawValue)" }

  /// The day `times` spans after `day` (days since 1970-01-01); month ends are clamped (31 Jan + 1m
  /// = 28/29 Feb); a negative `times` goes back. A day past the last representable date is
  /// `Int32.max` (before the first, `Int32.min`), so that a loop over windows ends instead of
  /// overflowing or standing still.
  public func advance(_ day: Int32, times: Int = 1) -> Int32 {
    let beyond: Int32 = times < 0 ? .min : .max
    guard let d = PartialDate(dayNumber: day), let m = d.month, let dd = d.day else { return beyond }
    let (steps, overflow) = count.multipliedReportingOverflow(by: times)
    guard !overflow else { return beyond }
    switch unit {
    case .day:
      let target = Int64(day) + Int64(steps)
      return target >= Int64(Int32.max) || target <= Int64(Int32.min) ? beyond : Int32(target)
    case .month, .year:
      let (months, tooMany) = (unit == .month ? 1 : 12).multipliedReportingOverflow(by: steps)
      guard !tooMany, abs(months) <= 12 * 10_000 else { return beyond }
      let total = d.year * 12 + (m - 1) + months
      guard total >= 0 else { return beyond }
      let (y, mm) = (total / 12, total % 12 + 1)
      var clamped = dd
      while PartialDate(year: y, month: mm, day: clamped) == nil, clamped > 28 { clamped -= 1 }
      return PartialDate(year: y, month: mm, day: clamped)?.firstDay ?? beyond
    }
  }
}

/// Windows over a time range: fixed (step = length) or sliding (step < length).
public struct TimeWindows: Sendable {
  /// The most windows a series holds (each is a full view and its measures).
  public static let limit = 10_000

  /// The windows, in time order (at most ``limit``).
  public let windows: [DateWindow]
  /// How many windows the range needs in all; more than ``windows`` when ``limit`` cut the series
  /// short (callers report it: nothing is left out silently).
  public let needed: Int

  /// Windows of `length` starting at `start` and every `step` after it, while they start on or
  /// before `end`. At most ``limit`` windows are made; ``needed`` tells how many the range has.
  public init(start: PartialDate, end: PartialDate, length: TimeSpan, step: TimeSpan? = nil) {
    var out: [DateWindow] = []
    let first = start.firstDay
    var k = 0
    while true {
      let s = (step ?? length).advance(first, times: k)
      guard s <= end.lastDay, let from = PartialDate(dayNumber: s) else { break }
      if out.count < TimeWindows.limit {
        let e = length.advance(s) - 1
        out.append(DateWindow(from: from, to: PartialDate(dayNumber: e) ?? PartialDate(year: 9999, month: 12, day: 31)))
      }
      k += 1
    }
    windows = out
    needed = k
  }

  /// Whether ``limit`` cut the series short.
  public var isTruncated: Bool { needed > windows.count }

  /// The windows of a series over `filter`'s window, or else over the dataset's dated extent:
  /// `length` long, every `step`.
  /// - Throws: ``SeriesError`` when the dataset has no dated observation to span, or when the range
  ///   needs more than ``limit`` windows (a series is never cut short in silence).
  public static func spanning(_ dataset: Dataset, filter: ViewFilter, length: TimeSpan, step: TimeSpan? = nil) throws -> TimeWindows {
    let days = dataset.observations.flatMap { [$0.time.firstDay, $0.time.lastDay] }.filter { $0 != .min && $0 != .max }
    guard let start = filter.window?.from ?? days.min().flatMap({ PartialDate(dayNumber: $0) }),
      let end = filter.window?.to ?? days.max().flatMap({ PartialDate(dayNumber: $0) })
    else { throw SeriesError.undated }
    let spans = TimeWindows(start: start, end: end, length: length, step: step)
    if spans.isTruncated { throw SeriesError.tooManyWindows(start: start, end: end, needed: spans.needed) }
    return spans
  }
}

/// Why a series of windows cannot be made.
public enum SeriesError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No observation of the dataset has a date, and no range was given.
  case undated
  /// The range needs this many windows, more than ``TimeWindows/limit``.
  case tooManyWindows(start: PartialDate, end: PartialDate, needed: Int)

  public var description: String {
    switch self {
    case .undated: return "the dataset has no dated observations; give a range (--from and --to)"
    case .tooManyWindows(let start, let end, let needed):
      return "from \(start) to \(end) the series needs \(needed) windows, more than the \(TimeWindows.limit) a series holds; use a longer window or step, or a narrower range"
    }
  }
}

/// Coalition measures across time windows, and the comparison of two moments.
///
/// Each window is a view of the same filter with its time window replaced: observations that
/// overlap the window (or, with a half-life, everything up to the window's end, faded by age).
/// Measures are taken over the actors with at least one tie in the window.
public struct Timeline: Sendable {
  /// The network the windows are cut from.
  public let graph: CoalitionNetwork
  /// What every window keeps besides its dates.
  public let filter: ViewFilter
  /// The windows, in time order.
  public let windows: [DateWindow]
  /// With a half-life, each point counts every observation up to its end, faded by age.
  public let halfLifeDays: Double?
  /// The measure actors are ranked by in each window.
  public let measure: CentralityMeasure

  /// Measures `graph` in each of `windows`; `halfLifeDays` fades older observations instead of cutting them off.
  /// - Throws: `DatasetError` when `filter` names a kind or an actor the network does not know.
  public init(
    graph: CoalitionNetwork, filter: ViewFilter = ViewFilter(), windows: [DateWindow], halfLifeDays: Double? = nil, measure: CentralityMeasure = .degree
  ) throws {
    try graph.check(filter)
    self.graph = graph
    self.filter = filter
    self.windows = windows
    self.halfLifeDays = halfLifeDays
    self.measure = measure
  }

  /// Every window at once: each actor with a tie in any window, for one layout that every
  /// window's map shares (so that an actor keeps its place from window to window).
  public var union: NetworkView {
    var f = filter
    f.dropIsolates = true
    let first = windows.first?.from, last = windows.last?.to
    f.window = halfLifeDays == nil ? DateWindow(from: first, to: last) : DateWindow(to: last)
    return graph.derivedView(f)
  }

  /// The view of one window.
  public func view(_ w: DateWindow) -> NetworkView {
    var f = filter
    f.dropIsolates = true
    if let h = halfLifeDays, let end = w.to {
      // Everything on record by the point's end and begun by then, faded by age.
      f = f.at(end, reading: .knownBy)
      f.window = DateWindow(to: end)
      f.decay = Decay(halfLifeDays: h, reference: end)
    } else {
      f.window = w
    }
    return graph.derivedView(f)
  }

  /// One point of the series.
  public struct Point: Sendable {
    /// The window.
    public let window: DateWindow
    /// Actors with a tie in the window.
    public let actors: Int
    /// Ties in the window.
    public let ties: Int
    /// Observations behind them.
    public let observations: Int
    /// Density of the undirected simple graph of the window.
    public let density: Double
    /// Ties of cooperative kinds.
    public let cooperativeTies: Int
    /// Ties of hostile kinds.
    public let hostileTies: Int
    /// Freeman degree centralisation (undirected).
    public let centralization: Double
    /// Share of balanced signed triangles; NaN without triangles.
    public let balance: Double
    /// Density of each kind's layer among the window's actors, by kind id.
    public let kindDensity: [String: Double]
    /// Competition rank of each actor (by id) under ``Timeline/measure``.
    public let ranks: [String: Int]
    /// The measure's value for each actor.
    public let scores: [String: Double]
  }

  static func point(_ view: NetworkView, window: DateWindow, measure: CentralityMeasure) -> Point {
    let g = view.graph
    let simple = view.simpleGraph(directed: false)
    let n = view.nodeCount
    var kindDensity: [String: Double] = [:]
    for k in Set(view.ties.map(\.kind)) {
      let pairs = Set(view.ties.filter { $0.kind == k }.map { [$0.source, $0.target].sorted() })
      kindDensity[g[k].id] = n > 1 ? Double(pairs.count) * 2 / (Double(n) * Double(n - 1)) : 0
    }
    let degrees = (0..<n).map { v in Double(simple.rowStart[v + 1] - simple.rowStart[v]) }
    let values = (try? measure.values(on: simple, length: .hops)) ?? [Double](repeating: .nan, count: n)
    let ranks = NodeScores(name: measure.rawValue, values: values).ranks
    var rankByID: [String: Int] = [:]
    var scoreByID: [String: Double] = [:]
    for v in 0..<n {
      rankByID[view.actor(v).id] = ranks[v]
      scoreByID[view.actor(v).id] = values[v]
    }
    return Point(
      window: window, actors: n, ties: view.ties.count, observations: Set(view.ties.flatMap(\.observations)).count,
      density: simple.density(), cooperativeTies: view.ties.filter { g[$0.kind].polarity == .cooperative }.count,
      hostileTies: view.ties.filter { g[$0.kind].polarity == .hostile }.count,
      centralization: n > 2 ? Centralization.degree(degrees) : 0, balance: view.signedGraph().balanceRatio(),
      kindDensity: kindDensity, ranks: rankByID, scores: scoreByID)
  }

  /// The observations of the filter that overlap no window (sliding windows whose step is longer
  /// than their length leave gaps). Zero with a half-life, where every point looks back to the start.
  public func observationsInNoWindow() -> WindowCoverage {
    var all = filter
    all.window = nil
    all.decay = nil
    let indices = Set(graph.derivedView(all).ties.flatMap(\.observations))
    guard halfLifeDays == nil else { return WindowCoverage(missed: 0, total: indices.count) }
    // Windows are sorted by start and, all of one length, by end too: the last window starting on
    // or before an observation's last day is the one that ends latest among those that could hold it.
    let starts = windows.map { $0.from?.firstDay ?? .min }
    let ends = windows.map { $0.to?.lastDay ?? .max }
    var missed = 0
    for i in indices {
      let time = graph.dataset.observations[i].time
      var (lo, hi) = (0, starts.count)
      while lo < hi {
        let mid = (lo + hi) / 2
        if starts[mid] <= time.lastDay { lo = mid + 1 } else { hi = mid }
      }
      if lo == 0 || ends[lo - 1] < time.firstDay { missed += 1 }
    }
    return WindowCoverage(missed: missed, total: indices.count)
  }

  /// A note when the windows leave observations out, else nothing.
  private func gapNote() -> [String] {
    let coverage = observationsInNoWindow()
    guard coverage.missed > 0 else { return [] }
    return ["\(coverage.missed) of \(coverage.total) observations fall in no window: the step between windows is longer than a window."]
  }

  /// The measures of every window, in order.
  public func series() -> [Point] {
    windows.map { Timeline.point(view($0), window: $0, measure: measure) }
  }

  static func label(_ w: DateWindow) -> String {
    switch (w.from, w.to) {
    case (let f?, let t?): return "\(f) – \(t)"
    default: return w.description
    }
  }

  /// The series as a report: a `series` table (one row per window) and a `ranks` table (one row per
  /// actor, one column per window).
  public func document(title: String? = nil) -> ReportDocument {
    let points = series()
    let kinds = Set(points.flatMap { $0.kindDensity.keys }).sorted()
    var rows: [[Cell]] = []
    for p in points {
      var row: [Cell] = [
        .text(p.window.from?.description ?? ""), .text(p.window.to?.description ?? ""), .integer(p.actors), .integer(p.ties),
        .integer(p.observations), .number(p.density), .integer(p.cooperativeTies), .integer(p.hostileTies),
        .number(p.centralization), .number(p.balance),
      ]
      row += kinds.map { .number(p.kindDensity[$0] ?? 0) }
      rows.append(row)
    }
    let series = ReportTable(
      title: "series",
      columns: ["from", "to", "actors", "ties", "observations", "density", "cooperative", "hostile", "centralization", "balance"]
        + kinds.map { "density_" + $0 },
      rows: rows,
      notes: [
        halfLifeDays.map { "Each point counts every observation up to its end, faded with a half-life of \(Cell.format($0)) days." }
          ?? "Each point counts the observations that overlap its window.",
        "Measures over the actors with a tie in the window; balance is NaN without signed triangles.",
      ] + gapNote())
    // Long and tidy: one row per actor and window in which it has a tie.
    let actors = Set(points.flatMap { $0.ranks.keys }).sorted()
    var rankRows: [[Cell]] = []
    for a in actors {
      for p in points {
        guard let rank = p.ranks[a] else { continue }
        rankRows.append([
          .text(a), .text(p.window.from?.description ?? ""), .text(p.window.to?.description ?? ""), .integer(rank), .value(p.scores[a] ?? .nan),
        ])
      }
    }
    let ranks = ReportTable(
      title: "ranks", columns: ["actor", "window_start", "window_end", "rank", "score"], rows: rankRows,
      notes: ["Rank and score by \(measure.convention), one row per actor and window in which the actor has a tie."])
    var findings: [Finding] = []
    if let first = points.first(where: { $0.ties > 0 }), let last = points.last(where: { $0.ties > 0 }), first.window != last.window {
      findings.append(
        Finding(id: "timeline.span", text: "From \(Timeline.label(first.window)) to \(Timeline.label(last.window)): actors \(first.actors) → \(last.actors), ties \(first.ties) → \(last.ties), density \(Cell.format(first.density)) → \(Cell.format(last.density))."))
    }
    if let busiest = points.max(by: { ($0.ties, $1.window.from?.firstDay ?? 0) < ($1.ties, $0.window.from?.firstDay ?? 0) }), busiest.ties > 0 {
      findings.append(Finding(id: "timeline.busiest", text: "Most ties in \(Timeline.label(busiest.window)): \(busiest.ties)."))
    }
    return ReportDocument(
      title: title ?? "Timeline of \(graph.dataset.title ?? "the dataset") (\(points.count) windows)", findings: findings,
      tables: [series, ranks], provenance: graph.provenance(of: filter))
  }
}

/// What changed between two moments: ties and actors that appeared or disappeared, and ranks.
public struct TimelineDiff: Sendable {
  /// The view at the first date.
  public let before: NetworkView
  /// The view at the second date.
  public let after: NetworkView
  /// The measure whose ranks are compared.
  public let measure: CentralityMeasure

  /// Compares the views at two dates. With `window`, each side is the window of that length
  /// ending on its date; without, each side is the filter read at its date: what was in force
  /// then (the default: an alliance that ended in between disappears) or, with
  /// `TimeReading.knownBy`, the record as known then (nothing ever disappears).
  /// - Throws: `DatasetError` when `filter` names a kind or an actor the network does not know.
  public init(
    graph: CoalitionNetwork, filter: ViewFilter = ViewFilter(), from a: PartialDate, to b: PartialDate, window: TimeSpan? = nil,
    measure: CentralityMeasure = .degree, reading: TimeReading = .inForce
  ) throws {
    try graph.check(filter)
    func side(_ d: PartialDate) -> NetworkView {
      var f = filter
      f.dropIsolates = true
      if let window {
        let start = window.advance(d.lastDay + 1, times: -1)
        f.window = DateWindow(from: PartialDate(dayNumber: start), to: d)
      } else {
        f = f.at(d, reading: reading)
      }
      return graph.derivedView(f)
    }
    before = side(a)
    after = side(b)
    self.measure = measure
  }

  struct TieKey: Hashable, Comparable {
    let source: String, target: String, kind: String
    static func < (a: TieKey, b: TieKey) -> Bool { (a.source, a.target, a.kind) < (b.source, b.target, b.kind) }
  }

  static func ties(_ v: NetworkView) -> [TieKey: Tie] {
    let g = v.graph
    return Dictionary(uniqueKeysWithValues: v.ties.map { (TieKey(source: g[$0.source].id, target: g[$0.target].id, kind: g[$0.kind].id), $0) })
  }

  /// The difference as a report: what appeared, what ended, and how ranks moved.
  public func document() -> ReportDocument {
    let (tb, ta) = (TimelineDiff.ties(before), TimelineDiff.ties(after))
    var tieRows: [[Cell]] = []
    var appeared = 0, gone = 0, changed = 0
    for key in Set(tb.keys).union(ta.keys).sorted() {
      let (x, y) = (tb[key], ta[key])
      let change: String
      switch (x, y) {
      case (nil, _?): change = "appeared"; appeared += 1
      case (_?, nil): change = "disappeared"; gone += 1
      case (let x?, let y?) where x.weight != y.weight || x.confidence != y.confidence: change = "changed"; changed += 1
      default: continue
      }
      tieRows.append([
        .text(change), .text(key.source), .text(key.target), .text(key.kind),
        x.map { .number($0.weight) } ?? .text(""), y.map { .number($0.weight) } ?? .text(""),
        .text(x?.confidence.rawValue ?? ""), .text(y?.confidence.rawValue ?? ""),
      ])
    }
    let pb = Timeline.point(before, window: before.filter.window ?? DateWindow(), measure: measure)
    let pa = Timeline.point(after, window: after.filter.window ?? DateWindow(), measure: measure)
    let actorsBefore = Set(pb.ranks.keys), actorsAfter = Set(pa.ranks.keys)
    var actorRows: [[Cell]] = []
    for a in actorsAfter.subtracting(actorsBefore).sorted() { actorRows.append([.text("appeared"), .text(a)]) }
    for a in actorsBefore.subtracting(actorsAfter).sorted() { actorRows.append([.text("disappeared"), .text(a)]) }
    var rankRows: [(String, Int?, Int?, Int)] = []
    for a in actorsBefore.union(actorsAfter) {
      let (r0, r1) = (pb.ranks[a], pa.ranks[a])
      rankRows.append((a, r0, r1, (r0 != nil && r1 != nil) ? r0! - r1! : 0))
    }
    rankRows.sort { (abs($0.3), $1.0) > (abs($1.3), $0.0) }
    let label0 = before.filter.timeLabel, label1 = after.filter.timeLabel
    var findings = [
      Finding(
        id: "diff.ties",
        text: "\(label0) → \(label1): \(appeared) ties appeared, \(gone) disappeared, \(changed) changed weight or confidence; actors \(pb.actors) → \(pa.actors).",
        rows: TableRows("ties"))
    ]
    if let top = rankRows.first, top.3 != 0 {
      findings.append(
        Finding(id: "diff.rank-change", text: "Biggest rank change (\(measure.rawValue)): \(top.0) from \(top.1!) to \(top.2!).", actors: [top.0]))
    }
    if pb.density.isFinite, pa.density.isFinite {
      findings.append(
        Finding(
          id: "diff.density",
          text: "Density \(Cell.format(pb.density)) → \(Cell.format(pa.density)); degree centralisation \(Cell.format(pb.centralization)) → \(Cell.format(pa.centralization))."))
    }
    return ReportDocument(
      title: "What changed: \(label0) → \(label1)", findings: findings,
      tables: [
        ReportTable(
          title: "ties", columns: ["change", "source", "target", "kind", "weight_before", "weight_after", "confidence_before", "confidence_after"],
          rows: tieRows),
        ReportTable(title: "actors", columns: ["change", "actor"], rows: actorRows),
        ReportTable(
          title: "ranks", columns: ["actor", "rank_before", "rank_after", "rise"],
          rows: rankRows.map { [.text($0.0), $0.1.map { .integer($0) } ?? .text(""), $0.2.map { .integer($0) } ?? .text(""), .integer($0.3)] },
          notes: ["Rank by \(measure.convention); rise = places gained."]),
      ], provenance: after.provenance)
  }
}

/// How many of a timeline's observations fall in no window (windows that step further than their
/// length leave gaps).
public struct WindowCoverage: Hashable, Sendable {
  /// Observations in no window.
  public var missed: Int
  /// Observations in all.
  public var total: Int
}

