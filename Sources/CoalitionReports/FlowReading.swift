import CoalitionGraph
import CoalitionMetrics

/// Findings for directed material flows with weights — arms transfers, aid, trade — as an analyst
/// of such registers reads them first: the total volume; the top suppliers and recipients with
/// their shares and partners; how concentrated the market is (top-5 share, Herfindahl–Hirschman
/// index); the largest routes; which recipients depend on one supplier; and the change against the
/// previous period of equal length when the dataset covers it (SIPRI compares 2017–21 with 2012–16).
///
/// Volumes are the view's tie weights (summed over observations by default), so a tie's kinds add
/// up. Shares are of the view's total. The HHI is Σ (100·share)² over suppliers, from 0 to 10,000.
struct FlowReading: ShapeReading {
  /// Recipients that take at least this share of their imports from one supplier depend on it.
  static let dependenceShare = 0.5
  /// Rows of the routes table.
  static let routeRows = 25

  /// Volumes of one view: per actor, per route.
  struct Volumes {
    var out: [Double]
    var inn: [Double]
    /// (supplier, recipient) → volume, local nodes.
    var routes: [Int64: Double]
    var total: Double

    init(_ view: NetworkView) {
      let n = view.nodeCount
      out = [Double](repeating: 0, count: n)
      inn = [Double](repeating: 0, count: n)
      routes = [:]
      total = 0
      for t in view.ties {
        guard let s = view.node(of: t.source), let r = view.node(of: t.target) else { continue }
        out[s] += t.weight
        inn[r] += t.weight
        routes[Int64(s) << 32 | Int64(r), default: 0] += t.weight
        total += t.weight
      }
    }

    /// Distinct partners each actor supplies, and each receives from.
    var partners: (recipients: [Int], suppliers: [Int]) {
      var recipients = [Int](repeating: 0, count: out.count), suppliers = recipients
      for (key, v) in routes where v > 0 {
        recipients[Int(key >> 32)] += 1
        suppliers[Int(key & 0xFFFF_FFFF)] += 1
      }
      return (recipients, suppliers)
    }

    /// Herfindahl–Hirschman index of the shares in `volumes` (0…10,000).
    static func hhi(_ volumes: [Double], total: Double) -> Double {
      total > 0 ? volumes.reduce(0) { $0 + (100 * $1 / total) * (100 * $1 / total) } : .nan
    }
  }

  func read(_ b: ReportBasis) -> ReportSection {
    let view = b.view
    let v = Volumes(view)
    let total = v.total
    let (recipientCount, supplierCount) = v.partners
    let share = { (x: Double) in total > 0 ? x / total : .nan }
    let suppliers = (0..<b.n).filter { v.out[$0] > 0 }.sorted { (v.out[$0], $1) > (v.out[$1], $0) }
    let recipients = (0..<b.n).filter { v.inn[$0] > 0 }.sorted { (v.inn[$0], $1) > (v.inn[$1], $0) }
    // Each recipient's largest supplier.
    var mainSupplier = [Int](repeating: -1, count: b.n)
    var mainVolume = [Double](repeating: 0, count: b.n)
    for key in v.routes.keys.sorted() {
      let (s, r) = (Int(key >> 32), Int(key & 0xFFFF_FFFF))
      if v.routes[key]! > mainVolume[r] {
        mainVolume[r] = v.routes[key]!
        mainSupplier[r] = s
      }
    }
    let previous = PreviousPeriod(b.view)
    let before = previous.map { Volumes($0.view) }
    // Volumes of the previous period by actor id (the earlier view has its own local nodes).
    func earlier(_ node: Int, out: Bool) -> Double? {
      guard let previous, let before else { return nil }
      guard let p = previous.view.node(ofActor: b.names[node]) else { return 0 }
      return out ? before.out[p] : before.inn[p]
    }

    // Tables.
    func change(_ now: Double, _ then: Double?) -> Cell { then.map { $0 > 0 ? .number(now / $0 - 1) : .undefined } ?? .undefined }
    let previousColumns = previous == nil ? [] : ["volume_previous", "share_previous", "change"]
    func previousCells(_ node: Int, out: Bool) -> [Cell] {
      guard previous != nil, let before, let then = earlier(node, out: out) else { return [] }
      return [.number(then), before.total > 0 ? .number(then / before.total) : .undefined, change(out ? v.out[node] : v.inn[node], then)]
    }
    let period = previous.map { " The previous period, \($0.label), is of equal length." } ?? ""
    var supplierTable = ReportTable(
      title: "suppliers", columns: ["rank", "actor", "name", "volume", "share", "recipients"] + previousColumns,
      rows: suppliers.enumerated().map { k, s in
        [.integer(k + 1), .text(b.names[s]), .text(b.fullNames[s]), .number(v.out[s]), .number(share(v.out[s])), .integer(recipientCount[s])]
          + previousCells(s, out: true)
      },
      notes: ["volume: summed weights of the ties supplied; share: of the view's total volume; recipients: distinct recipients.\(period)"])
    supplierTable.noteUndefined([("change", "change of an actor with no volume in the previous period")])
    var recipientTable = ReportTable(
      title: "recipients",
      columns: ["rank", "actor", "name", "volume", "share", "suppliers", "main_supplier", "main_supplier_share"] + previousColumns,
      rows: recipients.enumerated().map { k, r in
        [
          .integer(k + 1), .text(b.names[r]), .text(b.fullNames[r]), .number(v.inn[r]), .number(share(v.inn[r])), .integer(supplierCount[r]),
          .text(b.names[mainSupplier[r]]), .number(mainVolume[r] / v.inn[r]),
        ] + previousCells(r, out: false)
      },
      notes: ["volume: summed weights of the ties received; main_supplier_share: the largest supplier's share of the recipient's volume.\(period)"])
    recipientTable.noteUndefined([("change", "change of an actor with no volume in the previous period")])
    let routeOrder = v.routes.keys.sorted { (v.routes[$0]!, $1) > (v.routes[$1]!, $0) }
    let routeTable = ReportTable(
      title: "routes", columns: ["rank", "supplier", "recipient", "volume", "share"],
      rows: routeOrder.prefix(Self.routeRows).enumerated().map { k, key in
        [.integer(k + 1), .text(b.names[Int(key >> 32)]), .text(b.names[Int(key & 0xFFFF_FFFF)]), .number(v.routes[key]!), .number(share(v.routes[key]!))]
      },
      notes: ["The \(min(Self.routeRows, routeOrder.count)) largest of \(routeOrder.count) routes (supplier → recipient, every kind of the view summed)."])
    let dependent = recipients.filter { mainVolume[$0] / v.inn[$0] >= Self.dependenceShare }
    let dependenceTable = ReportTable(
      title: "dependence", columns: ["recipient", "name", "supplier", "share_of_imports", "imports"],
      rows: dependent.map { r in
        [.text(b.names[r]), .text(b.fullNames[r]), .text(b.names[mainSupplier[r]]), .number(mainVolume[r] / v.inn[r]), .number(v.inn[r])]
      },
      notes: ["Recipients that take at least \(Words.percent(Self.dependenceShare)) of their volume from one supplier, largest importers first."])
    let top5Suppliers = suppliers.prefix(5).reduce(0) { $0 + v.out[$1] }
    let top5Recipients = recipients.prefix(5).reduce(0) { $0 + v.inn[$1] }
    let hhiSuppliers = Volumes.hhi(suppliers.map { v.out[$0] }, total: total)
    let hhiRecipients = Volumes.hhi(recipients.map { v.inn[$0] }, total: total)
    var concentrationRows: [[Cell]] = [
      [.text("total_volume"), .number(total)], [.text("suppliers"), .integer(suppliers.count)], [.text("recipients"), .integer(recipients.count)],
      [.text("routes"), .integer(v.routes.count)], [.text("top5_supplier_share"), .value(share(top5Suppliers))],
      [.text("hhi_suppliers"), .value(hhiSuppliers)], [.text("top5_recipient_share"), .value(share(top5Recipients))],
      [.text("hhi_recipients"), .value(hhiRecipients)], [.text("dependent_recipients"), .integer(dependent.count)],
    ]
    if let before {
      concentrationRows += [
        [.text("total_volume_previous"), .number(before.total)], [.text("total_change"), before.total > 0 ? .number(total / before.total - 1) : .undefined],
      ]
    }
    var concentrationTable = ReportTable(
      title: "concentration", columns: ["measure", "value"], rows: concentrationRows,
      notes: [
        "hhi: Herfindahl–Hirschman index, Σ (100 × share)² over actors, from near 0 (many small) to 10,000 (one actor); the 2010 US Horizontal Merger Guidelines call a market above 2,500 highly concentrated and 1,500–2,500 moderately.\(period)"
      ])
    concentrationTable.noteUndefined([("", "shares without any volume")])

    // Findings.
    var out: [Finding] = []
    guard total > 0 else { return ReportSection(tables: [supplierTable, recipientTable, routeTable, dependenceTable, concentrationTable]) }
    let unit = b.graph.dataset.weightUnit.map { " " + $0 } ?? ""
    let routesWord = Words.count(v.routes.count, "route")
    out.append(
      Finding(
        id: "flows.total",
        text: "Total volume \(Words.amount(total))\(unit) over \(routesWord) from \(Words.count(suppliers.count, "supplier")) to \(Words.count(recipients.count, "recipient"))\(b.view.filter.window == nil ? "" : " (\(b.view.filter.timeLabel))").",
        rows: concentrationTable.rows(labelled: ["total_volume", "suppliers", "recipients", "routes"])))
    // The five largest of one side: code, share and partners each, then their joint share.
    func topFinding(_ side: String, _ nodes: [Int], volume: [Double], partners: [Int], _ partner: String, _ together: Double) -> Finding {
      let top = Array(nodes.prefix(5))
      return Finding(
        id: "flows.\(side)",
        text: "Top \(side): " + top.map { "\(b.names[$0]) \(Words.percent(share(volume[$0]))) (\(partner == "recipient" ? "to" : "from") \(Words.count(partners[$0], partner)))" }
          .joined(separator: ", ") + "; together \(Words.percent(share(together))).",
        actors: top.map { b.names[$0] }, rows: TableRows(side, Array(0..<top.count)))
    }
    let topS = Array(suppliers.prefix(5))
    out.append(topFinding("suppliers", suppliers, volume: v.out, partners: recipientCount, "recipient", top5Suppliers))
    out.append(topFinding("recipients", recipients, volume: v.inn, partners: supplierCount, "supplier", top5Recipients))
    let band = hhiSuppliers > 2500 ? "highly concentrated" : hhiSuppliers >= 1500 ? "moderately concentrated" : "unconcentrated"
    out.append(
      Finding(
        id: "flows.concentration",
        text: "The supply side is \(band): the top 5 suppliers deliver \(Words.percent(share(top5Suppliers))) of the volume, and the Herfindahl–Hirschman index of suppliers is \(Words.amount(hhiSuppliers)) (of 10,000).",
        rows: concentrationTable.rows(labelled: ["top5_supplier_share", "hhi_suppliers"])))
    let topRoutes = Array(routeOrder.prefix(5))
    out.append(
      Finding(
        id: "flows.routes",
        text: "Largest routes: " + topRoutes.map { "\(b.names[Int($0 >> 32)]) → \(b.names[Int($0 & 0xFFFF_FFFF)]) \(Words.percent(share(v.routes[$0]!)))" }.joined(separator: ", ") + ".",
        actors: Array(Set(topRoutes.flatMap { [b.names[Int($0 >> 32)], b.names[Int($0 & 0xFFFF_FFFF)]] })).sorted(),
        pairs: topRoutes.map { ActorPair(b.names[Int($0 >> 32)], b.names[Int($0 & 0xFFFF_FFFF)]) }, rows: TableRows("routes", Array(0..<topRoutes.count))))
    if !dependent.isEmpty {
      // Which suppliers the dependent recipients depend on, most dependants first.
      var dependants: [Int: Int] = [:]
      for r in dependent { dependants[mainSupplier[r], default: 0] += 1 }
      let bySupplier = dependants.keys.sorted { (dependants[$0]!, $1) > (dependants[$1]!, $0) }.prefix(3)
      let largest = Array(dependent.prefix(5))
      out.append(
        Finding(
          id: "flows.dependence",
          text: "\(dependent.count) of \(recipients.count) recipients take at least half of their imports from one supplier"
            + " (\(bySupplier.map { "\(b.names[$0]) for \(dependants[$0]!)" }.joined(separator: ", "))); the largest of them: "
            + largest.map { "\(b.names[$0]) \(Words.percent(mainVolume[$0] / v.inn[$0])) from \(b.names[mainSupplier[$0]])" }.joined(separator: ", ") + ".",
          actors: largest.map { b.names[$0] }, pairs: largest.map { ActorPair(b.names[mainSupplier[$0]], b.names[$0]) },
          rows: TableRows("dependence", Array(0..<largest.count))))
    }
    if let previous, let before, before.total > 0 {
      let change = total / before.total - 1
      let movers = topS.map { s -> String in
        let then = earlier(s, out: true) ?? 0
        let shares = "share \(Words.percent(then / before.total)) → \(Words.percent(share(v.out[s])))"
        return then > 0 ? "\(b.names[s]) \(Words.signedPercent(v.out[s] / then - 1)) (\(shares))" : "\(b.names[s]) new (\(shares))"
      }
      out.append(
        Finding(
          id: "flows.change",
          text: "Against \(previous.label), the volume \(change >= 0 ? "rose" : "fell") \(Words.percent(abs(change))) (\(Words.amount(before.total)) → \(Words.amount(total))); the top suppliers' exports: \(movers.joined(separator: ", ")).",
          actors: topS.map { b.names[$0] }, rows: TableRows("suppliers", Array(0..<topS.count))))
    }
    return ReportSection(tables: [supplierTable, recipientTable, routeTable, dependenceTable, concentrationTable], findings: out)
  }
}

/// The period of equal length just before a view's, when the dataset covers it: for a view of
/// 2017–2021 (whole years), 2012–2016; otherwise the same number of days before.
struct PreviousPeriod {
  let view: NetworkView
  let label: String

  init?(_ view: NetworkView) {
    let g = view.graph
    // The view's span: its window, else the days its observations cover.
    var first = Int32.max, last = Int32.min
    for t in view.ties {
      for i in t.observations {
        first = min(first, g.obsFirstDay[i])
        last = max(last, g.obsLastDay[i])
      }
    }
    if let from = view.filter.window?.from { first = from.firstDay }
    if let to = view.filter.window?.to { last = to.lastDay }
    guard first != .min, last != .max, first <= last, let start = PartialDate(dayNumber: first), let end = PartialDate(dayNumber: last) else { return nil }
    let from: PartialDate, to: PartialDate
    if start.month == 1, start.day == 1, let endYear = PartialDate(year: end.year), endYear.lastDay == last {
      let years = end.year - start.year + 1
      guard let f = PartialDate(year: start.year - years), let t = PartialDate(year: start.year - 1) else { return nil }
      from = f
      to = t
    } else {
      let length = Int(last) - Int(first) + 1
      guard let f = PartialDate(dayNumber: Int32(Int(first) - length)), let t = PartialDate(dayNumber: first - 1) else { return nil }
      from = f
      to = t
    }
    // Covered when some observation of the view's kinds begins on or before the period's first day.
    var kinds = [Bool](repeating: false, count: g.kinds.count)
    for k in view.kindsPresent { kinds[k.int] = true }
    let previousStart = from.firstDay
    guard g.obsKind.indices.contains(where: { kinds[Int(g.obsKind[$0])] && g.obsFirstDay[$0] <= previousStart }) else { return nil }
    var filter = view.filter
    filter.window = DateWindow(from: from, to: to)
    self.view = g.derivedView(filter)
    label = from.year == to.year && from.month == nil ? "\(from.year)" : (from.month == nil ? "\(from.year)–\(to.year)" : "\(from) – \(to)")
  }
}
