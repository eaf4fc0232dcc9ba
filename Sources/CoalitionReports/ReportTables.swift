import CoalitionGraph
import CoalitionMetrics

/// The tables every coalition report has, whatever the view's shape.
extension ReportBasis {
  /// actors, kinds, blocs, bloc_density, exchanges, brokers, balance, communities.
  func standardTables() -> [ReportTable] {
    [
      actorsTable(), kindsTable(), blocsTable(), blocDensityTable(), exchangesTable(), brokersTable(), balanceTable(), communitiesTable(),
      permutationTable(),
    ]
  }

  func actorsTable() -> ReportTable {
    let signedDegree = signed.signedDegree()
    let multiplex = view.kindsPresent.count > 1
    let flows = shape == .flows
    let rows: [[Cell]] = order.map { v in
      let tied = degree[v] > 0
      let bloc = self.bloc(of: v)
      var row: [Cell] = [
        .integer(rankAll[v]), .text(names[v]), .text(fullNames[v]), .text(bloc.map { assignment.names[$0] } ?? ""),
        .integer(Int(degree[v])), .number(n > 1 ? degree[v] / Double(n - 1) : 0), .integer(signedDegree[v].positive),
        .integer(signedDegree[v].negative),
      ]
      if flows { row += [.number(volumeOut[v]), .number(volumeIn[v])] }
      row += [
        .number(betweenness[v]), .number(betweennessRaw[v]), pathDegree(v) > 0 ? .number(closeness[v]) : .undefined,
        .number(pagerank[v]), multiplex && tied ? .number(participation[v]) : .undefined,
        bloc != nil ? .value(ei.actors[v].value) : .undefined, .value(constraint[v]), .integer(brokerage[v].total),
        .integer(brokerage[v].coordinator), .integer(brokerage[v].consultant), .integer(brokerage[v].gatekeeper),
        .integer(brokerage[v].representative), .integer(brokerage[v].liaison),
        rankReported[v].map { .integer($0) } ?? .undefined, rankReported[v].map { .integer($0 - rankAll[v]) } ?? .undefined,
      ]
      let drawn = robustness.draws > 0
      row += [drawn ? .integer(robustness.low[v]) : .undefined, drawn ? .integer(robustness.high[v]) : .undefined]
      row += robustness.withoutSource.map { $0.ranks[v].map { .integer($0) } ?? .undefined }
      return row
    }
    var columns = ["rank", "actor", "name", "bloc", "degree", "degree_normalized", "partners_cooperative", "partners_hostile"]
    if flows { columns += ["volume_out", "volume_in"] }
    columns += [
      "betweenness", "betweenness_raw", "closeness", "pagerank", "participation", "ei", "constraint", "brokerage", "brokerage_coordinator",
      "brokerage_itinerant", "brokerage_gatekeeper", "brokerage_representative", "brokerage_liaison", "rank_reported_only", "rank_change",
      "rank_p05", "rank_p95",
    ]
    columns += robustness.withoutSource.map { "rank_without_" + $0.id }
    var table = ReportTable(
      title: "actors", columns: columns, rows: rows,
      notes: [
        flows
          ? "rank: by volume, supplied plus received (out- plus in-strength, weights summed over every tie); rank_reported_only: the same on reported ties only, among the actors that keep one."
          : "rank: by degree + normalised betweenness; rank_reported_only: the same on reported ties only, among the actors that keep one.",
        "degree: distinct partners, every tie; partners_cooperative, partners_hostile: signed degree, one sign per pair (a pair with both kinds of tie takes the sign of the heavier, as in the balance section); betweenness, closeness: NetworkX conventions, hops, direction ignored, \(pathTies); pagerank: weighted, damping 0.85, every tie.",
        "ei, constraint, brokerage: \(pathTies).",
        "participation: multiplex participation over the kinds present; ei: Krackhardt–Stern E-I of the actor's ties; constraint: Burt; brokerage: Gould–Fernandez open two-paths a → b → c (no tie a → c) the actor brokers, in total and by role, with blocs as the groups (each actor in no bloc a group of its own): coordinator A → A → A, itinerant A → B → A, gatekeeper A → B → B, representative A → A → B, liaison A → B → C (as sna's brokerage).",
      ] + (flows ? ["volume_out, volume_in: the summed weights of the ties an actor supplies and receives."] : [])
        + [
          robustness.draws > 0
            ? "rank_p05, rank_p95: the rank's 5–95 % interval over \(Words.amount(Double(robustness.draws))) draws that keep each observation with a probability set by its confidence (\(robustness.probabilities.description))."
            : "rank_p05, rank_p95: \(robustness.skipped ?? "no draws")."
        ]
        + (robustness.withoutSource.isEmpty
          ? [] : ["rank_without_<source>: the rank without the observations that only that source supports: " + robustness.withoutSource.map { "\($0.id) = \($0.title)" }.joined(separator: "; ") + "."]))
    table.noteUndefined([
      ("closeness", "closeness of an actor with no tie the path measures follow"),
      ("participation", multiplex ? "participation of an actor without ties" : "participation with one kind of tie in the view"),
      ("ei", assignment.blocCount == 0 ? "E-I without declared blocs" : "E-I of an actor in no declared bloc"),
      ("constraint", "constraint of an actor with no tie the path measures follow"),
      ("rank_reported_only", "rank_reported_only and rank_change of an actor left with no reported tie"),
    ] + robustness.withoutSource.prefix(1).map { ("rank_without_" + $0.id, "the rank of an actor left with no tie without that source") }
      + (robustness.draws > 0 ? [] : [("rank_p05", "rank intervals when no draws were made")]))
    return table
  }

  func kindsTable() -> ReportTable {
    let g = graph
    let byKind = view.degreeByKind()
    return ReportTable(
      title: "kinds", columns: ["actor"] + view.kindsPresent.map { g[$0].id },
      rows: order.map { v in [.text(names[v])] + byKind[v].map { .integer($0) } },
      notes: ["Partners of each actor in each kind of tie, direction ignored."])
  }

  func blocsTable() -> ReportTable {
    let g = graph
    let kinds = view.kindsPresent
    var rows: [[Cell]] = []
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
      let inside = simple.edges.filter { assignment.group[$0.source] == b && assignment.group[$0.target] == b }.count
      var row: [Cell] = [
        .text(assignment.names[b]), .text(members.map { names[$0] }.joined(separator: " ")), .integer(inside),
        pairs > 0 ? .number(Double(inside) / pairs) : .undefined,
      ]
      for k in kinds.indices { row.append(pairs > 0 ? .number(Double(insidePairs[b][k].count) / pairs) : .undefined) }
      let insideDyads = dyads.filter { assignment.group[$0.first] == b && assignment.group[$0.second] == b }
      row.append(insideDyads.isEmpty ? .undefined : .number(Double(insideDyads.reduce(0) { $0 + $1.kinds }) / Double(insideDyads.count)))
      row.append(.value(ei.blocs[b].value))
      row.append(.value(ei.blocs[b].expected))
      let tested = blocTest?.blocEI[b]
      row.append(tested.map { .value($0.mean) } ?? .undefined)
      row.append(tested.map { .value($0.pTwoSided) } ?? .undefined)
      let hostileOut = view.ties.filter { t in
        g[t.kind].polarity == .hostile && (assignment.group[view.node(of: t.source)!] == b) != (assignment.group[view.node(of: t.target)!] == b)
      }.count
      row.append(.integer(hostileOut))
      let within = members.map { v in Double(members.filter { simple.hasEdge(v, $0) }.count) }
      row.append(members.count > 2 ? .value(Centralization.degree(within)) : .undefined)
      rows.append(row)
    }
    var table = ReportTable(
      title: "blocs",
      columns: ["bloc", "members", "internal_ties", "density"] + kinds.map { "density_" + g[$0].id } + [
        "multiplexity", "ei", "ei_expected", "ei_permutation_mean", "ei_p", "hostile_ties_out", "degree_centralization",
      ],
      rows: rows,
      notes: [
        "density: tied pairs inside the bloc over possible pairs, per kind in density_<kind>; multiplexity: mean kinds per tied pair inside.",
        ei.whole.value.isNaN || assignment.blocCount == 0
          ? "ei: E-I index of ties with at least one member (−1 all inside, +1 all outside); ei_expected: the value under random ties."
          : "ei: E-I index of ties with at least one member (−1 all inside, +1 all outside); ei_expected: the value under random ties. Whole network: \(Cell.format(ei.whole.value)) (expected \(Cell.format(ei.whole.expected))).",
      ] + (assignment.blocCount == 0 ? ["No blocs are declared in this dataset."] : []))
    table.noteUndefined([
      ("density", "density and degree_centralization of a bloc of one actor (or of two, for centralisation)"),
      ("multiplexity", "multiplexity of a bloc with no tie inside"), ("ei", "E-I of a bloc with no tie"),
      ("ei_p", "the permutation test of E-I for a bloc with no tie"),
    ])
    if let test = blocTest { table.notes.append("ei_permutation_mean, ei_p: E-I under permuted bloc labels, " + Self.permutationWords(test) + "; ei_p two-sided.") }
    return table
  }

  func blocDensityTable() -> ReportTable {
    let matrix = view.blocDensity()
    let blocNames = Array(assignment.names.prefix(assignment.blocCount))
    var table = ReportTable(
      title: "bloc_density", columns: ["from"] + blocNames,
      rows: matrix.enumerated().map { i, row in [.text(blocNames[i])] + row.map { Cell.value($0) } },
      notes: ["Share of possible pairs tied, any kind (image matrix)."])
    table.noteUndefined([("", "the density of a bloc of one actor with itself")])
    return table
  }

  /// How a bloc permutation test drew its labellings, in words.
  static func permutationWords(_ test: BlocPermutationTest) -> String {
    test.exact
      ? "exact over all \(Words.amount(test.labellings)) labellings"
      : "\(Words.amount(Double(test.evaluated))) random labellings of \(test.labellings < 1e15 ? Words.amount(test.labellings) : "about 10^" + Words.amount(test.labellingsLog10.rounded(.down))) (seed \(test.seed))"
  }

  /// The statistics of the bloc permutation test, one row each.
  func permutationTable() -> ReportTable {
    var rows: [[Cell]] = []
    func row(_ name: String, _ r: PermutationResult?) {
      guard let r, r.observed.isFinite else { return }
      rows.append([.text(name), .value(r.observed), .value(r.mean), .value(r.sd), .value(r.pGreater), .value(r.pLess), .value(r.pTwoSided)])
    }
    let blocNames = Array(assignment.names.prefix(assignment.blocCount))
    if let test = blocTest {
      row("ei", test.ei)
      for (b, name) in blocNames.enumerated() { row("ei " + name, test.blocEI[b]) }
      for (a, from) in blocNames.enumerated() {
        for (b, to) in blocNames.enumerated() where b >= a { row("density " + from + " – " + to, test.density[a][b]) }
      }
      row("assortativity_blocs", test.assortativity)
      row("modularity_blocs", test.modularity)
    }
    let how = blocTest.map { Self.permutationWords($0) }
    return ReportTable(
      title: "permutation_tests", columns: ["statistic", "observed", "permutation_mean", "permutation_sd", "p_greater", "p_less", "p_two_sided"],
      rows: rows,
      notes: how.map {
        [
          "The actors' bloc labels permuted over the fixed graph, each bloc keeping its size (actors in no bloc stay in none), \($0). p_greater: the share of labellings with a value at least the observed one (p_less: at most)\(blocTest!.exact ? "" : ", as (b + 1)/(N + 1)"); p_two_sided: twice the smaller, at most 1. E-I, assortativity and modularity on \(pathTies); densities on every tie."
        ]
      } ?? ["No blocs are declared in this dataset: nothing to test."])
  }

  func exchangesTable() -> ReportTable {
    let g = graph
    return ReportTable(
      title: "exchanges", columns: ["first", "second", "gives", "returns", "confidence"],
      rows: exchanges.map { [.text(names[$0.first]), .text(names[$0.second]), .text(g[$0.given].id), .text(g[$0.returned].id), .text($0.confidence.rawValue)] },
      notes: [
        "A directed tie of one kind answered by a directed tie of another kind in the opposite direction, the two within \(NetworkView.exchangeGapDays) days of each other. Only exchangeable kinds take part: material ones, unless the dataset declares otherwise."
      ])
  }

  /// The five actors with the highest betweenness, highest first.
  var brokerOrder: [Int] {
    Array((0..<n).filter { betweenness[$0] > 0 }.sorted { (betweenness[$0], $1) > (betweenness[$1], $0) }.prefix(5))
  }

  func brokersTable() -> ReportTable {
    let rows: [[Cell]] = brokerOrder.map { b in
      let pairs = paths.pairsBrokered(by: b, limit: 6).map { "\(names[$0.first])–\(names[$0.second])" }
      return [.text(names[b]), .number(betweenness[b]), .text(pairs.joined(separator: ", "))]
    }
    return ReportTable(
      title: "brokers", columns: ["broker", "betweenness", "brokered_pairs"], rows: rows,
      notes: ["brokered_pairs: up to six pairs whose every shortest path runs through the broker; paths along \(pathTies)."])
  }

  /// Frustration of the declared blocs: + ties across blocs and − ties inside.
  var declaredFrustration: Int { signed.frustration(of: assignment.group.map { $0 < assignment.blocCount ? $0 : -1 - $0 }) }

  /// The measures of the `balance` table, in its order.
  static let balanceMeasures = [
    "signed_pairs", "negative_pairs", "mixed_pairs", "triangles_ppp", "triangles_ppn", "triangles_pnn", "triangles_nnn", "balance_ratio",
    "frustration_declared_blocs", "frustration_minimum", "frustration_lower_bound", "balance_1_minus_2L_over_m", "reciprocity",
    "reciprocity_garlaschelli_loffredo",
  ]

  /// The rows of the `balance` table that findings about camps quote.
  static let frustrationRows = TableRows(
    "balance", ["frustration_minimum", "frustration_lower_bound", "balance_1_minus_2L_over_m"].map { balanceMeasures.firstIndex(of: $0)! })

  func balanceTable() -> ReportTable {
    let census = signed.triangleCensus()
    let directed = view.simpleGraph(directed: true)
    let values: [String: Cell] = [
      "signed_pairs": .number(Double(signed.edges.count)), "negative_pairs": .number(Double(signed.edges.filter { $0.sign < 0 }.count)),
      "mixed_pairs": .number(Double(signed.mixedPairs.count)),
      "triangles_ppp": .number(Double(census[0])), "triangles_ppn": .number(Double(census[1])),
      "triangles_pnn": .number(Double(census[2])), "triangles_nnn": .number(Double(census[3])),
      "balance_ratio": .value(signed.balanceRatio()),
      "frustration_declared_blocs": assignment.blocCount > 0 ? .number(Double(declaredFrustration)) : .undefined,
      "frustration_minimum": .number(Double(frustration.frustration)), "frustration_lower_bound": .number(Double(frustration.lowerBound)),
      "balance_1_minus_2L_over_m": .number(frustration.balance),
      "reciprocity": directed.edgeCount > 0 ? .value(directed.reciprocity()) : .undefined,
      "reciprocity_garlaschelli_loffredo": directed.edgeCount > 0 ? .value(directed.reciprocityGarlaschelliLoffredo()) : .undefined,
    ]
    let rows: [[Cell]] = Self.balanceMeasures.map { [.text($0), values[$0]!] }
    var table = ReportTable(
      title: "balance", columns: ["measure", "value"], rows: rows,
      notes: [
        "Signs: cooperative +, hostile −, one per pair; mixed pairs by majority of weight. Triangles +++ and +−− are balanced.",
        "frustration_declared_blocs: + ties across blocs and − ties inside; frustration_minimum: the fewest such ties any split achieves, \(frustration.description); frustration_lower_bound: proven, equal to it when exact.",
      ])
    table.noteUndefined([
      ("balance_ratio", "the balance ratio without a signed triangle"), ("frustration_declared_blocs", "the frustration of declared blocs when none is declared"),
      ("reciprocity", "reciprocity without directed ties"),
    ])
    return table
  }

  /// Louvain communities against the declared blocs, over the actors in a bloc.
  struct BlocMatch {
    let actors: Int
    let nmi: Double
    let ari: Double
    let found: Int
  }

  var blocMatch: BlocMatch? {
    let inBloc = (0..<n).filter { assignment.group[$0] < assignment.blocCount }
    guard inBloc.count > 1, paths.edgeCount > 0 else { return nil }
    let found = inBloc.map { communities.partition[$0] }, declared = inBloc.map { assignment.group[$0] }
    return BlocMatch(
      actors: inBloc.count, nmi: PartitionComparison.normalizedMutualInformation(found, declared),
      ari: PartitionComparison.adjustedRandIndex(found, declared), found: Set(found).count)
  }

  /// The measures of the `communities` table, in its order.
  static let communityMeasures = ["communities", "modularity", "actors_in_blocs", "nmi_communities_blocs", "ari_communities_blocs"]

  func communitiesTable() -> ReportTable {
    let match = blocMatch
    let values: [String: Cell] = [
      "communities": .integer(Set(communities.partition).count), "modularity": .number(communities.modularity),
      "actors_in_blocs": .integer((0..<n).filter { assignment.group[$0] < assignment.blocCount }.count),
      "nmi_communities_blocs": match.map { .value($0.nmi) } ?? .undefined, "ari_communities_blocs": match.map { .value($0.ari) } ?? .undefined,
    ]
    var table = ReportTable(
      title: "communities", columns: ["measure", "value"],
      rows: Self.communityMeasures.map { [.text($0), values[$0]!] },
      notes: [
        "Communities: Louvain, weighted, seed 1, on \(pathTies); nmi and ari compare them with the declared blocs over the actors in a bloc (1: the same split; ari about 0: no more alike than chance)."
      ])
    table.noteUndefined([("nmi_communities_blocs", "NMI and ARI without declared blocs or without ties")])
    return table
  }
}
