import CoalitionGraph
import CoalitionMetrics

/// The coalition report: who holds the coalition together, who brokers, how cohesive each bloc is
/// in each kind of tie, how polarised and balanced the whole is, what is exchanged for what, and how
/// much rests on alleged or assessed evidence (computed again on reported ties only).
///
/// Tables, in this order, and their columns (stable names):
/// - `actors`: rank, actor, name, bloc, degree, degree_normalized, partners_cooperative,
///   partners_hostile, betweenness, betweenness_raw, closeness, pagerank, participation, ei,
///   constraint, brokerage, rank_reported_only, rank_change.
/// - `kinds`: actor, then one column per kind present: partners in that kind.
/// - `blocs`: bloc, members, internal_ties, density, one `density_<kind>` per kind present,
///   multiplexity, ei, ei_expected, hostile_ties_out, degree_centralization.
/// - `bloc_density`: from, then one column per bloc (image matrix, undirected).
/// - `exchanges`: first, second, gives, returns, confidence.
/// - `brokers`: broker, betweenness, brokered_pairs (examples of pairs whose every shortest path runs through the broker).
/// - `balance`: measure, value.
/// - `communities`: measure, value — Louvain communities, modularity, and their NMI and ARI
///   against the declared blocs.
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

  /// A report on `view`; its sensitivity columns compare with the same view on reported ties only.
  public init(
    view: NetworkView, threads: Int = 1, pathPolarity: Polarity? = .cooperative,
    frustrationSolver: any FrustrationSolver = LocalSearchFrustration()
  ) {
    self.view = view
    self.threads = max(1, threads)
    self.pathPolarity = pathPolarity
    self.frustrationSolver = frustrationSolver
  }

  /// The ties the path measures follow, in words.
  var pathTies: String { pathPolarity.map { "\($0.rawValue) ties only" } ?? "all ties" }

  /// Computes the report: findings in plain words, then its tables.
  /// - Throws: `MetricError` when an iterative measure does not converge.
  public func document() throws -> ReportDocument {
    let g = view.graph
    let n = view.nodeCount
    let names = (0..<n).map { view.actor($0).id }
    let assignment = BlocAssignment(view: view)
    let simple = view.simpleGraph(directed: false)
    let paths = pathPolarity == nil ? simple : view.simpleGraph(directed: false, polarity: pathPolarity)
    let degree = view.degree(.total)
    // One all-pairs pass: the normalised values are the raw ones (unordered pairs) over (n−1)(n−2)/2.
    let betweennessRaw = paths.betweenness(normalized: false, threads: threads)
    let pairs = n > 2 ? Double(n - 1) * Double(n - 2) / 2 : 1
    let betweenness = betweennessRaw.map { $0 / pairs }
    let closeness = paths.closeness(threads: threads)
    let pagerank = try simple.pagerank()
    let participation = view.participationCoefficient()
    let ei = view.eiIndex(polarity: pathPolarity)
    let constraint = paths.constraint()
    let brokerage = view.brokerage(polarity: pathPolarity)
    var reportedFilter = view.filter
    reportedFilter.minimumConfidence = .reported
    let reported = g.view(reportedFilter)
    let reportedBetweenness = reported.simpleGraph(directed: false, polarity: pathPolarity).betweenness(threads: threads)
    let reportedDegree = reported.degree(.total)
    let reportedScore = (0..<n).map { v -> Double in
      guard let r = reported.node(of: view.nodes[v]) else { return 0 }
      return reportedBetweenness[r] + reportedDegree[r]
    }
    let fullScore = (0..<n).map { betweenness[$0] + degree[$0] }
    let rankAll = NodeScores(name: "", values: fullScore).ranks
    let rankReported = NodeScores(name: "", values: reportedScore).ranks

    // Actors; signed degree from the signed graph of the balance section (one sign per pair).
    let signed = view.signedGraph()
    let signedDegree = signed.signedDegree()
    let order = (0..<n).sorted { (rankAll[$0], $0) < (rankAll[$1], $1) }
    let actorRows: [[Cell]] = order.map { v in
      [
        .integer(rankAll[v]), .text(names[v]), .text(view.actor(v).name), .text(assignment.group[v] < assignment.blocCount ? assignment.names[assignment.group[v]] : ""),
        .integer(Int(degree[v])), .number(n > 1 ? degree[v] / Double(n - 1) : 0), .integer(signedDegree[v].positive),
        .integer(signedDegree[v].negative), .number(betweenness[v]), .number(betweennessRaw[v]),
        .number(closeness[v]), .number(pagerank[v]), .number(participation[v]),
        .number(ei.actors[v].value), .number(constraint[v]), .integer(brokerage[v].total), .integer(rankReported[v]),
        .integer(rankReported[v] - rankAll[v]),
      ]
    }
    let actors = ReportTable(
      title: "actors",
      columns: [
        "rank", "actor", "name", "bloc", "degree", "degree_normalized", "partners_cooperative", "partners_hostile", "betweenness",
        "betweenness_raw", "closeness", "pagerank",
        "participation", "ei", "constraint", "brokerage", "rank_reported_only", "rank_change",
      ],
      rows: actorRows,
      notes: [
        "rank: by degree + normalised betweenness; rank_reported_only: the same on reported ties only.",
        "degree: distinct partners, every tie; partners_cooperative, partners_hostile: signed degree, one sign per pair (a pair with both kinds of tie takes the sign of the heavier, as in the balance section); betweenness, closeness: NetworkX conventions, hops, direction ignored, \(pathTies); pagerank: weighted, damping 0.85, every tie.",
        "ei, constraint, brokerage: \(pathTies).",
        "participation: multiplex participation over the kinds present; ei: Krackhardt–Stern E-I of the actor's ties; constraint: Burt; brokerage: Gould–Fernandez open two-paths between blocs.",
      ])

    // Per-kind breakdown
    let kinds = view.kindsPresent
    let byKind = view.degreeByKind()
    let kindTable = ReportTable(
      title: "kinds", columns: ["actor"] + kinds.map { g[$0].id },
      rows: order.map { v in [.text(names[v])] + byKind[v].map { .integer($0) } },
      notes: ["Partners of each actor in each kind of tie, direction ignored."])

    // Blocs
    var blocRows: [[Cell]] = []
    let dyads = view.dyadMultiplexity()
    // Pairs inside each bloc tied by each kind, in one pass over the ties (direction ignored).
    let kindSlot = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
    var insidePairs = [[Set<Int64>]](repeating: [Set<Int64>](repeating: [], count: kinds.count), count: assignment.blocCount)
    for t in view.ties {
      guard let a = view.node(of: t.source), let c = view.node(of: t.target), a != c, let k = kindSlot[t.kind] else { continue }
      let b = assignment.group[a]
      if b < assignment.blocCount, assignment.group[c] == b { insidePairs[b][k].insert(Self.pairKey(a, c)) }
    }
    for b in 0..<assignment.blocCount {
      let members = (0..<n).filter { assignment.group[$0] == b }
      let size = Double(members.count)
      let pairs = size * (size - 1) / 2
      let inside = simple.edges.filter { assignment.group[$0.0] == b && assignment.group[$0.1] == b }.count
      var row: [Cell] = [
        .text(assignment.names[b]), .text(members.map { names[$0] }.joined(separator: " ")), .integer(inside),
        .number(pairs > 0 ? Double(inside) / pairs : .nan),
      ]
      for k in kinds.indices { row.append(.number(pairs > 0 ? Double(insidePairs[b][k].count) / pairs : .nan)) }
      let insideDyads = dyads.filter { assignment.group[$0.first] == b && assignment.group[$0.second] == b }
      row.append(.number(insideDyads.isEmpty ? .nan : Double(insideDyads.reduce(0) { $0 + $1.kinds }) / Double(insideDyads.count)))
      row.append(.number(ei.blocs[b].value))
      row.append(.number(ei.blocs[b].expected))
      let hostileOut = view.ties.filter { t in
        g[t.kind].polarity == .hostile && (assignment.group[view.node(of: t.source)!] == b) != (assignment.group[view.node(of: t.target)!] == b)
      }.count
      row.append(.integer(hostileOut))
      let within = members.map { v in Double(members.filter { simple.hasEdge(v, $0) }.count) }
      row.append(.number(members.count > 2 ? Centralization.degree(within) : .nan))
      blocRows.append(row)
    }
    let blocs = ReportTable(
      title: "blocs",
      columns: ["bloc", "members", "internal_ties", "density"] + kinds.map { "density_" + g[$0].id } + ["multiplexity", "ei", "ei_expected", "hostile_ties_out", "degree_centralization"],
      rows: blocRows,
      notes: [
        "density: tied pairs inside the bloc over possible pairs, per kind in density_<kind>; multiplexity: mean kinds per tied pair inside.",
        "ei: E-I index of ties with at least one member (−1 all inside, +1 all outside); ei_expected: the value under random ties. Whole network: \(Cell.format(ei.whole.value)) (expected \(Cell.format(ei.whole.expected))).",
      ])

    let matrix = view.blocDensity()
    let blocNames = Array(assignment.names.prefix(assignment.blocCount))
    let densityTable = ReportTable(
      title: "bloc_density", columns: ["from"] + blocNames,
      rows: matrix.enumerated().map { i, row in [.text(blocNames[i])] + row.map { .number($0) } },
      notes: ["Share of possible pairs tied, any kind (image matrix)."])

    // Exchanges
    let exchanges = view.exchanges()
    let exchangeTable = ReportTable(
      title: "exchanges", columns: ["first", "second", "gives", "returns", "confidence"],
      rows: exchanges.map { [.text(names[$0.first]), .text(names[$0.second]), .text(g[$0.given].id), .text(g[$0.returned].id), .text($0.confidence.rawValue)] },
      notes: [
        "A directed tie of one kind answered by a directed tie of another kind in the opposite direction, the two within \(NetworkView.exchangeGapDays) days of each other."
      ])

    // Brokers and the pairs they broker
    let brokerOrder = (0..<n).filter { betweenness[$0] > 0 }.sorted { (betweenness[$0], $1) > (betweenness[$1], $0) }.prefix(5)
    let brokerRows: [[Cell]] = brokerOrder.map { b in
      let pairs = paths.pairsBrokered(by: b, limit: 6).map { "\(names[$0.0])–\(names[$0.1])" }
      return [.text(names[b]), .number(betweenness[b]), .text(pairs.joined(separator: ", "))]
    }
    let brokers = ReportTable(
      title: "brokers", columns: ["broker", "betweenness", "brokered_pairs"], rows: brokerRows,
      notes: ["brokered_pairs: up to six pairs whose every shortest path runs through the broker; paths along \(pathTies)."])

    // Balance
    let census = signed.triangleCensus()
    let frustration = signed.minimumFrustration(using: frustrationSolver)
    let declared = signed.frustration(of: assignment.group.map { $0 < assignment.blocCount ? $0 : -1 - $0 })
    let balanceRows: [[Cell]] = [
      [.text("signed_pairs"), .number(Double(signed.edges.count))],
      [.text("negative_pairs"), .number(Double(signed.edges.filter { $0.sign < 0 }.count))],
      [.text("mixed_pairs"), .number(Double(signed.mixedPairs.count))],
      [.text("triangles_ppp"), .number(Double(census[0]))], [.text("triangles_ppn"), .number(Double(census[1]))],
      [.text("triangles_pnn"), .number(Double(census[2]))], [.text("triangles_nnn"), .number(Double(census[3]))],
      [.text("balance_ratio"), .number(signed.balanceRatio())],
      [.text("frustration_declared_blocs"), .number(Double(declared))],
      [.text("frustration_minimum"), .number(Double(frustration.frustration))],
      [.text("frustration_lower_bound"), .number(Double(frustration.lowerBound))],
      [.text("balance_1_minus_2L_over_m"), .number(frustration.balance)],
      [.text("reciprocity"), .number(view.simpleGraph(directed: true).reciprocity())],
      [.text("reciprocity_garlaschelli_loffredo"), .number(view.simpleGraph(directed: true).reciprocityGarlaschelliLoffredo())],
    ]
    let balance = ReportTable(
      title: "balance", columns: ["measure", "value"], rows: balanceRows,
      notes: [
        "Signs: cooperative +, hostile −, one per pair; mixed pairs by majority of weight. Triangles +++ and +−− are balanced.",
        "frustration_declared_blocs: + ties across blocs and − ties inside; frustration_minimum: the fewest such ties any split achieves, \(frustration.description); frustration_lower_bound: proven, equal to it when exact.",
      ])

    // Communities found in the ties, against the declared blocs (over the actors in a bloc).
    let louvain = paths.louvain()
    let inBloc = (0..<n).filter { assignment.group[$0] < assignment.blocCount }
    let found = inBloc.map { louvain.partition[$0] }, declaredBlocs = inBloc.map { assignment.group[$0] }
    let comparable = inBloc.count > 1 && paths.edgeCount > 0
    let nmi = comparable ? PartitionComparison.normalizedMutualInformation(found, declaredBlocs) : .nan
    let ari = comparable ? PartitionComparison.adjustedRandIndex(found, declaredBlocs) : .nan
    let communities = ReportTable(
      title: "communities", columns: ["measure", "value"],
      rows: [
        [.text("communities"), .integer(Set(louvain.partition).count)], [.text("modularity"), .number(louvain.modularity)],
        [.text("actors_in_blocs"), .integer(inBloc.count)], [.text("nmi_communities_blocs"), .number(nmi)],
        [.text("ari_communities_blocs"), .number(ari)],
      ],
      notes: [
        "Communities: Louvain, weighted, seed 1, on \(pathTies); nmi and ari compare them with the declared blocs over the actors in a bloc (1: the same split; ari about 0: no more alike than chance; NaN without blocs or ties)."
      ])
    var findings = self.findings(
      names: names, assignment: assignment, simple: simple, betweenness: betweenness, degree: degree, signed: signed,
      frustration: frustration, exchanges: exchanges, rankAll: rankAll, rankReported: rankReported, ei: ei)
    if comparable {
      findings.append(
        "Communities found in the ties (\(Set(found).count) among the \(inBloc.count) actors in blocs) \(nmi > 0.999 ? "are the declared blocs" : "match the declared blocs with NMI \(Cell.format(nmi)) and ARI \(Cell.format(ari))") (1 = the same split).")
    }
    return ReportDocument(
      title: "Coalition report — \(g.dataset.title ?? "coalition")", findings: findings,
      tables: [actors, kindTable, blocs, densityTable, exchangeTable, brokers, balance, communities], provenance: view.provenance)
  }

  private func findings(
    names: [String], assignment: BlocAssignment, simple: SimpleGraph, betweenness: [Double], degree: ActorScores,
    signed: SignedGraph, frustration: FrustrationResult, exchanges: [Exchange],
    rankAll: [Int], rankReported: [Int], ei: (whole: EIIndex, blocs: [EIIndex], actors: [EIIndex])
  ) -> [String] {
    let g = view.graph
    let n = view.nodeCount
    var out: [String] = []
    // Pairs (local indices, smaller first) with at least one cooperative tie, looked up in O(1).
    var cooperativePairs = Set<Int64>()
    for t in view.ties where g[t.kind].polarity == .cooperative {
      guard let a = view.node(of: t.source), let b = view.node(of: t.target) else { continue }
      cooperativePairs.insert(Self.pairKey(a, b))
    }
    func cooperative(_ a: Int, _ b: Int) -> Bool { cooperativePairs.contains(Self.pairKey(a, b)) }
    if let hub = (0..<n).max(by: { (degree[$0], betweenness[$0], $1) < (degree[$1], betweenness[$1], $0) }), n > 1, degree[hub] > 0 {
      out.append("\(names[hub]) is the hub: tied to \(Int(degree[hub])) of the \(n - 1) other actors, on \(Int((betweenness[hub] * 100).rounded()))% of the shortest paths between the others\(pathPolarity.map { " along \($0.rawValue) ties" } ?? "").")
    }
    for b in 0..<assignment.blocCount {
      let members = (0..<n).filter { assignment.group[$0] == b }
      guard members.count > 2 else { continue }
      let full = members.filter { v in members.allSatisfy { $0 == v || cooperative(v, $0) } }
      let partners = members.count - 1
      if full.count == 1 {
        out.append("\(names[full[0]]) is the only actor tied to all \(partners) partners in \(assignment.names[b]).")
      } else if full.isEmpty {
        out.append("No actor in \(assignment.names[b]) cooperates with all \(partners) partners.")
      } else {
        out.append("\(full.map { names[$0] }.joined(separator: ", ")) cooperate with every partner in \(assignment.names[b]).")
      }
      // Every untied pair is counted; at most ten are named (a bloc of 200 has 19,900 pairs).
      var untiedCount = 0
      var untiedNamed: [String] = []
      for v in members {
        for w in members where w > v && !simple.hasEdge(v, w) {
          untiedCount += 1
          if untiedNamed.count < 10 { untiedNamed.append("\(names[v])–\(names[w])") }
        }
      }
      if untiedCount > 0 {
        let more = untiedCount > untiedNamed.count ? " and \(untiedCount - untiedNamed.count) more" : ""
        out.append("\(untiedCount) of the \(members.count * (members.count - 1) / 2) pairs in \(assignment.names[b]) have no tie in this view: \(untiedNamed.joined(separator: ", "))\(more).")
      }
    }
    if let split = signed.hararySplit(), signed.edges.contains(where: { $0.sign < 0 }) {
      var tied = [Bool](repeating: false, count: n)
      for e in signed.edges {
        tied[e.u] = true
        tied[e.v] = true
      }
      let camp = { (c: Int) in Self.listed((0..<n).filter { split[$0] == c && tied[$0] }.map { names[$0] }) }
      out.append("The signed graph is balanced: \(camp(0)) against \(camp(1)), every hostile tie running between the two camps.")
    } else if !signed.edges.contains(where: { $0.sign < 0 }) {
      if !signed.edges.isEmpty { out.append("Every pair in this view cooperates: there is no hostile tie to split the actors into camps.") }
    } else if !signed.edges.isEmpty {
      let count = frustration.exact ? "\(frustration.frustration)" : "between \(frustration.lowerBound) and \(frustration.frustration)"
      out.append("The signed graph is not balanced: \(count) of \(signed.edges.count) signed pairs contradict the best two-camp split (balance \(frustration.exact ? "" : "at least ")\(Cell.format(frustration.balance))).")
    }
    // Findings name the cooperative exchanges (the kind of quid pro quo the report is after); the
    // exchanges table lists every pair of kinds.
    let cooperativeExchanges = exchanges.filter { g[$0.given].polarity == .cooperative && g[$0.returned].polarity == .cooperative }
    for e in cooperativeExchanges.prefix(5) {
      out.append("\(names[e.first]) → \(names[e.second]) \(g[e.given].label.lowercased()) is answered by \(names[e.second]) → \(names[e.first]) \(g[e.returned].label.lowercased()) (\(e.confidence.rawValue)).")
    }
    if cooperativeExchanges.count > 5 {
      out.append("\(cooperativeExchanges.count - 5) more cooperative exchanges are in the exchanges table.")
    }
    let weak = view.ties.filter { $0.confidence < .reported }
    if !weak.isEmpty {
      let moved = (0..<n).filter { rankAll[$0] != rankReported[$0] }.map { "\(names[$0]) \(rankAll[$0])→\(rankReported[$0])" }
      out.append("\(weak.count) of \(view.ties.count) ties rest only on alleged or assessed evidence; on reported ties alone \(moved.isEmpty ? "no rank changes" : "ranks change: " + Self.listed(moved)).")
    }
    if !ei.whole.value.isNaN, assignment.blocCount > 0 {
      // Equal up to rounding (both are ratios of small counts): neither side of chance.
      if abs(ei.whole.value - ei.whole.expected) <= 1e-12 * max(1, abs(ei.whole.expected)) {
        out.append("\(pathPolarity == nil ? "Ties" : "\(pathPolarity!.rawValue.capitalized) ties") are as outward-looking as chance would make them: E-I index \(Cell.format(ei.whole.value)), the value expected for these bloc sizes.")
      } else {
        let side = ei.whole.value < ei.whole.expected ? "more inward-looking than" : "more outward-looking than"
        out.append("\(pathPolarity == nil ? "Ties" : "\(pathPolarity!.rawValue.capitalized) ties") are \(side) chance: E-I index \(Cell.format(ei.whole.value)) against \(Cell.format(ei.whole.expected)) expected for these bloc sizes.")
      }
    }
    return out
  }

  /// One key for an unordered pair of local node indices.
  static func pairKey(_ a: Int, _ b: Int) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }

  /// Up to 12 names joined, then how many more: findings stay readable on thousands of actors.
  static func listed(_ names: [String]) -> String {
    names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + " and \(names.count - 12) more"
  }
}
