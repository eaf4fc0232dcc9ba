import CoalitionGraph
import CoalitionMetrics

/// Findings for signed event data (GDELT and other machine-coded events): the balance of
/// cooperation and conflict, overall and for the most active pairs; the most hostile and the most
/// cooperative pairs; two camps when the signed graph is close to balanced; and the change from the
/// earlier to the later half of the data's span.
///
/// Counts are observations (a GDELT import bundles the events of a pair, kind and day into one);
/// weights are the view's tie weights, counted positive for cooperative kinds and negative for
/// hostile ones (for GDELT's default weight, Σ|Goldstein|, the net weight is the Goldstein sum).
struct EventReading: ShapeReading {
  /// Rows of the dyads table.
  static let dyadRows = 30
  /// The signed graph is "close to balanced" when at most this share of its signed pairs
  /// contradict the best two-camp split.
  static let nearlyBalanced = 0.1

  /// Cooperation and conflict between one pair of actors.
  struct Dyad {
    var a: Int
    var b: Int
    var cooperative = 0
    var hostile = 0
    var cooperativeWeight = 0.0
    var hostileWeight = 0.0
    var total: Int { cooperative + hostile }
    var net: Double { cooperativeWeight - hostileWeight }
  }

  func read(_ b: ReportBasis) -> ReportSection {
    let view = b.view
    let g = view.graph
    var dyads: [Int64: Dyad] = [:]
    var early = (cooperative: 0, hostile: 0), late = (cooperative: 0, hostile: 0)
    // The span's midpoint, from the first and last days of the observations (open ends left out).
    var first = Int32.max, last = Int32.min
    for t in view.ties {
      for i in t.observations {
        if g.obsFirstDay[i] != .min { first = min(first, g.obsFirstDay[i]) }
        if g.obsLastDay[i] != .max { last = max(last, g.obsLastDay[i]) }
      }
    }
    let middle = first <= last ? Int32((Int64(first) + Int64(last)) / 2) : nil
    for t in view.ties {
      guard let s = view.node(of: t.source), let r = view.node(of: t.target) else { continue }
      let key = ReportBasis.pairKey(s, r)
      var d = dyads[key] ?? Dyad(a: min(s, r), b: max(s, r))
      let hostile = g[t.kind].polarity == .hostile
      if hostile {
        d.hostile += t.count
        d.hostileWeight += t.weight
      } else {
        d.cooperative += t.count
        d.cooperativeWeight += t.weight
      }
      dyads[key] = d
      if let middle {
        for i in t.observations {
          let earlyHalf = (g.obsFirstDay[i] == .min ? first : g.obsFirstDay[i]) <= middle
          switch (earlyHalf, hostile) {
          case (true, true): early.hostile += 1
          case (true, false): early.cooperative += 1
          case (false, true): late.hostile += 1
          case (false, false): late.cooperative += 1
          }
        }
      }
    }
    let all = dyads.values.sorted { (x, y) in (x.total, y.a, y.b) > (y.total, x.a, x.b) }
    let cooperative = all.reduce(0) { $0 + $1.cooperative }, hostile = all.reduce(0) { $0 + $1.hostile }
    let cooperativeWeight = all.reduce(0) { $0 + $1.cooperativeWeight }, hostileWeight = all.reduce(0) { $0 + $1.hostileWeight }
    let total = cooperative + hostile
    let weighted = view.ties.contains { $0.weight != Double($0.count) }
    let pair = { (d: Dyad) in "\(b.names[d.a])–\(b.names[d.b])" }

    // Tables.
    let listed = Array(all.prefix(Self.dyadRows))
    let row = { (d: Dyad) in listed.firstIndex { $0.a == d.a && $0.b == d.b } }
    let dyadTable = ReportTable(
      title: "dyads",
      columns: ["actor_a", "actor_b", "observations", "cooperative", "hostile", "share_hostile", "weight_cooperative", "weight_hostile", "net_weight"],
      rows: listed.map { d in
        [
          .text(b.names[d.a]), .text(b.names[d.b]), .integer(d.total), .integer(d.cooperative), .integer(d.hostile),
          .number(Double(d.hostile) / Double(d.total)), .number(d.cooperativeWeight), .number(d.hostileWeight), .number(d.net),
        ]
      },
      notes: [
        "The \(listed.count) most active of \(all.count) pairs, direction ignored; observations of cooperative and hostile kinds; net_weight: cooperative weight minus hostile weight."
      ])
    let share = { (h: Int, c: Int) -> Cell in h + c > 0 ? .number(Double(h) / Double(h + c)) : .undefined }
    var balanceRows: [[Cell]] = [
      [.text("observations"), .integer(total)], [.text("cooperative"), .integer(cooperative)], [.text("hostile"), .integer(hostile)],
      [.text("share_hostile"), share(hostile, cooperative)], [.text("weight_cooperative"), .number(cooperativeWeight)],
      [.text("weight_hostile"), .number(hostileWeight)], [.text("net_weight"), .number(cooperativeWeight - hostileWeight)],
      [.text("pairs"), .integer(all.count)],
    ]
    if let middle, let start = PartialDate(dayNumber: first), let end = PartialDate(dayNumber: last), let mid = PartialDate(dayNumber: middle) {
      balanceRows += [
        [.text("span_start"), .text(start.description)], [.text("span_end"), .text(end.description)], [.text("span_middle"), .text(mid.description)],
        [.text("early_observations"), .integer(early.cooperative + early.hostile)], [.text("early_share_hostile"), share(early.hostile, early.cooperative)],
        [.text("late_observations"), .integer(late.cooperative + late.hostile)], [.text("late_share_hostile"), share(late.hostile, late.cooperative)],
      ]
    }
    var balanceTable = ReportTable(
      title: "event_balance", columns: ["measure", "value"], rows: balanceRows,
      notes: ["Observations of cooperative and hostile kinds, and their weights; early: observations that begin on or before the span's middle day, late: after it."])
    balanceTable.noteUndefined([("", "a hostile share of no observations")])

    // Findings.
    var out: [Finding] = []
    guard total > 0 else { return ReportSection(tables: [dyadTable, balanceTable]) }
    var text = "Of \(Words.amount(Double(total))) observations between \(Words.count(all.count, "pair")), \(Words.amount(Double(cooperative))) (\(Words.percent(Double(cooperative) / Double(total)))) are cooperative and \(Words.amount(Double(hostile))) (\(Words.percent(Double(hostile) / Double(total)))) hostile"
    let unit = b.graph.dataset.weightUnit.map { " (\($0))" } ?? ""
    if weighted {
      text += "; net weight\(unit) \(Words.signed(cooperativeWeight - hostileWeight)): cooperative \(Words.amount(cooperativeWeight)), hostile \(Words.amount(hostileWeight))"
    }
    out.append(Finding(id: "events.balance", text: text + ".", rows: balanceTable.rows(labelled: ["observations", "cooperative", "hostile", "share_hostile", "weight_cooperative", "weight_hostile", "net_weight"])))
    let active = all.prefix(5)
    // Most hostile: by hostile weight (or count), then by share; most cooperative: by net weight.
    let hostileKey = { (d: Dyad) in weighted ? d.hostileWeight : Double(d.hostile) }
    // A pair counts as hostile when conflict outweighs cooperation (by weight, or by count).
    let mostHostile = all.filter { $0.hostile > 0 && (weighted ? $0.net < 0 : $0.hostile > $0.cooperative) }.sorted { (x, y) in (hostileKey(x), x.hostile, y.a, y.b) > (hostileKey(y), y.hostile, x.a, x.b) }.prefix(3)
    // One finding about a few pairs: each described by `detail`, with its actors, pairs and rows.
    func pairsFinding(_ id: String, _ lead: String, _ dyads: ArraySlice<Dyad>, _ detail: (Dyad) -> String) -> Finding? {
      guard !dyads.isEmpty else { return nil }
      return Finding(
        id: id, text: lead + dyads.map { "\(pair($0)) \(detail($0))" }.joined(separator: ", ") + ".",
        actors: Array(Set(dyads.flatMap { [b.names[$0.a], b.names[$0.b]] })).sorted(), pairs: dyads.map { ActorPair(b.names[$0.a], b.names[$0.b]) },
        rows: TableRows("dyads", dyads.compactMap(row)))
    }
    let net = { (d: Dyad) in weighted ? ", net weight \(Words.signed(d.net))" : "" }
    if let busiest = pairsFinding("events.active", "The most active pairs: ", active, { "\($0.total) (\($0.cooperative) cooperative, \($0.hostile) hostile)" }) {
      out.append(busiest)
    }
    if let hostile = pairsFinding("events.hostile", "The most hostile pairs: ", mostHostile, { "(\($0.hostile) hostile of \($0.total)\(net($0)))" }) {
      out.append(hostile)
    }
    let cooperativeKey = { (d: Dyad) in weighted ? d.net : Double(d.cooperative - d.hostile) }
    let mostCooperative = all.filter { cooperativeKey($0) > 0 }.sorted { (x, y) in (cooperativeKey(x), y.a, y.b) > (cooperativeKey(y), x.a, x.b) }.prefix(3)
    if let cooperative = pairsFinding("events.cooperative", "The most cooperative pairs: ", mostCooperative, { "(\($0.cooperative) cooperative of \($0.total)\(net($0)))" }) {
      out.append(cooperative)
    }
    // Camps only when the best split leaves few signed pairs against it.
    let f = b.frustration
    let m = b.signed.edges.count
    if m > 0, hostile > 0 {
      let rows = ReportBasis.frustrationRows
      if Double(f.frustration) <= Self.nearlyBalanced * Double(m) {
        let camps = b.camps(f.split)
        let against = f.frustration == 0 ? "every hostile tie runs between them" : "\(f.frustration) of \(m) signed pairs go against them"
        out.append(
          Finding(
            id: "events.camps",
            text: "Two camps: \(ReportBasis.listed(camps.0.map { b.names[$0] })) against \(ReportBasis.listed(camps.1.map { b.names[$0] })); \(against).",
            actors: (camps.0 + camps.1).map { b.names[$0] }, rows: rows))
      } else {
        let count = f.exact ? "\(f.frustration)" : "at least \(f.lowerBound)"
        out.append(
          Finding(
            id: "events.camps",
            text: "No two camps: any split of the actors into two leaves \(count) of \(m) signed pairs against it (balance \(f.exact ? "" : "at most ")\(Cell.format(f.balance, digits: 2))); cooperation and conflict cut across each other.",
            rows: rows))
      }
    }
    if middle != nil, let start = PartialDate(dayNumber: first), let end = PartialDate(dayNumber: last), first < last {
      let e = early.cooperative + early.hostile, l = late.cooperative + late.hostile
      func hostileShare(_ h: Int, _ n: Int) -> String { n > 0 ? "\(Words.percent(Double(h) / Double(n))) hostile" : "none" }
      out.append(
        Finding(
          id: "events.change",
          text: "Over the span \(start) – \(end), the earlier half holds \(Words.count(e, "observation")) (\(hostileShare(early.hostile, e))) and the later half \(l) (\(hostileShare(late.hostile, l)))"
            + (min(e, l) < max(10, total / 10) ? "; the \(e < l ? "earlier" : "later") half is too thin to compare." : "."),
          rows: balanceTable.rows(labelled: [
            "span_start", "span_end", "span_middle", "early_observations", "early_share_hostile", "late_observations", "late_share_hostile",
          ])))
    }
    out += b.exchangeFindings(prefix: "events")
    return ReportSection(tables: [dyadTable, balanceTable], findings: out)
  }
}
