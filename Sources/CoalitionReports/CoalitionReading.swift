import CoalitionGraph
import CoalitionMetrics

/// Findings for a multiplex, signed coalition with declared blocs (the seed): the hub, who ties
/// each bloc together, the untied pairs inside a bloc, balance, cooperative exchanges, E-I and
/// communities against blocs.
struct CoalitionReading: ShapeReading {
  func read(_ b: ReportBasis) -> ReportSection {
    var out: [Finding] = []
    if let hub = b.hubFinding(id: "coalition.hub") { out.append(hub) }
    out += b.blocFindings()
    if let balance = b.balanceFinding(prefix: "coalition") { out.append(balance) }
    out += b.exchangeFindings(prefix: "coalition")
    if let ei = b.eiFinding(id: "coalition.ei") { out.append(ei) }
    if let match = b.blocMatchFinding(prefix: "coalition") { out.append(match) }
    return ReportSection(findings: out)
  }
}

extension ReportBasis {
  /// The actor with the most partners (then the highest betweenness), and its share of the
  /// shortest paths.
  func hubFinding(id: String) -> Finding? {
    guard n > 1, let hub = (0..<n).max(by: { (degree[$0], betweenness[$0], $1) < (degree[$1], betweenness[$1], $0) }), degree[hub] > 0
    else { return nil }
    let along = pathPolarity.map { " along \($0.rawValue) ties" } ?? ""
    return Finding(
      id: id,
      text: "\(names[hub]) is the hub: tied to \(Int(degree[hub])) of the \(n - 1) other actors, on \(Int((betweenness[hub] * 100).rounded()))% of the shortest paths between the others\(along).",
      actors: [names[hub]], rows: actorRows([hub]))
  }

  /// Per bloc of three or more: who cooperates with every partner, and the pairs with no tie.
  func blocFindings() -> [Finding] {
    let g = graph
    var cooperativePairs = Set<Int64>()
    for t in view.ties where g[t.kind].polarity == .cooperative {
      guard let a = view.node(of: t.source), let b = view.node(of: t.target) else { continue }
      cooperativePairs.insert(Self.pairKey(a, b))
    }
    var out: [Finding] = []
    for b in 0..<assignment.blocCount {
      let members = (0..<n).filter { assignment.group[$0] == b }
      guard members.count > 2 else { continue }
      let full = members.filter { v in members.allSatisfy { $0 == v || cooperativePairs.contains(Self.pairKey(v, $0)) } }
      let partners = members.count - 1
      let bloc = assignment.names[b]
      let rows = TableRows("blocs", [b])
      let text: String
      if full.count == 1 {
        text = "\(names[full[0]]) is the only actor tied to all \(partners) partners in \(bloc)."
      } else if full.isEmpty {
        text = "No actor in \(bloc) cooperates with all \(partners) partners."
      } else {
        text = "\(full.map { names[$0] }.joined(separator: ", ")) cooperate with every partner in \(bloc)."
      }
      out.append(Finding(id: "coalition.bloc.\(b + 1).core", text: text, actors: full.map { names[$0] }, rows: rows))
      // Every untied pair is counted; at most ten are named (a bloc of 200 has 19,900 pairs).
      var untiedCount = 0
      var untied: [(Int, Int)] = []
      for v in members {
        for w in members where w > v && !simple.hasEdge(v, w) {
          untiedCount += 1
          if untied.count < 10 { untied.append((v, w)) }
        }
      }
      if untiedCount > 0 {
        let more = untiedCount > untied.count ? " and \(untiedCount - untied.count) more" : ""
        out.append(
          Finding(
            id: "coalition.bloc.\(b + 1).untied",
            text: "\(untiedCount) of the \(members.count * (members.count - 1) / 2) pairs in \(bloc) have no tie in this view: \(untied.map { "\(names[$0.0])–\(names[$0.1])" }.joined(separator: ", "))\(more).",
            actors: Array(Set(untied.flatMap { [names[$0.0], names[$0.1]] })).sorted(), pairs: untied.map { ActorPair(names[$0.0], names[$0.1]) },
            rows: rows))
      }
    }
    return out
  }

  /// The camps of a balanced signed graph, or how far it is from two camps.
  func balanceFinding(prefix: String) -> Finding? {
    let rows = Self.frustrationRows
    let hostile = signed.edges.contains { $0.sign < 0 }
    if let split = signed.hararySplit(), hostile {
      let camps = self.camps(split)
      return Finding(
        id: "\(prefix).balance",
        text: "The signed graph is balanced: \(Self.listed(camps.0.map { names[$0] })) against \(Self.listed(camps.1.map { names[$0] })), every hostile tie running between the two camps.",
        actors: (camps.0 + camps.1).map { names[$0] }, rows: rows)
    } else if !hostile {
      guard !signed.edges.isEmpty else { return nil }
      return Finding(
        id: "\(prefix).balance", text: "Every pair in this view cooperates: there is no hostile tie to split the actors into camps.", rows: rows)
    }
    let count = frustration.exact ? "\(frustration.frustration)" : "between \(frustration.lowerBound) and \(frustration.frustration)"
    // How far the search went, when it did not prove the minimum.
    var how = ""
    if !frustration.exact {
      if let e = frustration.effort {
        let work = "\(Words.count(e.cutRounds, "cut round")), \(Words.count(e.pivots, "simplex pivot")) and \(Words.count(e.branchNodes, "branch node"))"
        how = " The integer program stopped after \(work): \(e.stop.rawValue); --frustration-time-limit lets it search longer."
      } else {
        how = " The bounds come from a local search and a packing of unbalanced cycles."
      }
    }
    return Finding(
      id: "\(prefix).balance",
      text: "The signed graph is not balanced: \(count) of \(signed.edges.count) signed pairs contradict the best two-camp split (balance \(frustration.exact ? "" : "at least ")\(Cell.format(frustration.balance))).\(how)",
      rows: rows)
  }

  /// The tied actors of each side of a two-camp split.
  func camps(_ split: [Int]) -> ([Int], [Int]) {
    var tied = [Bool](repeating: false, count: n)
    for e in signed.edges {
      tied[e.u] = true
      tied[e.v] = true
    }
    return ((0..<n).filter { split[$0] == 0 && tied[$0] }, (0..<n).filter { split[$0] == 1 && tied[$0] })
  }

  /// The cooperative exchanges, five at most; the exchanges table lists every pair of kinds.
  func exchangeFindings(prefix: String) -> [Finding] {
    let g = graph
    let cooperative = exchanges.enumerated().filter { g[$0.element.given].polarity == .cooperative && g[$0.element.returned].polarity == .cooperative }
    var out = cooperative.prefix(5).map { row, e in
      Finding(
        id: "\(prefix).exchange.\(row + 1)",
        text: "\(names[e.first]) → \(names[e.second]) \(g[e.given].label.lowercased()) is answered by \(names[e.second]) → \(names[e.first]) \(g[e.returned].label.lowercased()) (\(e.confidence.rawValue)).",
        actors: [names[e.first], names[e.second]], pairs: [ActorPair(names[e.first], names[e.second], kind: g[e.given].id), ActorPair(names[e.second], names[e.first], kind: g[e.returned].id)],
        rows: TableRows("exchanges", [row]))
    }
    if cooperative.count > 5 {
      out.append(
        Finding(
          id: "\(prefix).exchanges-more", text: "\(cooperative.count - 5) more cooperative exchanges are in the exchanges table.",
          rows: TableRows("exchanges", cooperative.dropFirst(5).map(\.offset))))
    }
    return out
  }

  /// Whether the (path-polarity) ties look inward or outward against chance, given the bloc sizes.
  func eiFinding(id: String) -> Finding? {
    guard !ei.whole.value.isNaN, assignment.blocCount > 0 else { return nil }
    let ties = pathPolarity.map { "\($0.rawValue.capitalized) ties" } ?? "Ties"
    let text: String
    // Equal up to rounding (both are ratios of small counts): neither side of chance.
    if abs(ei.whole.value - ei.whole.expected) <= 1e-12 * max(1, abs(ei.whole.expected)) {
      text = "\(ties) are as outward-looking as chance would make them: E-I index \(Cell.format(ei.whole.value)), the value expected for these bloc sizes."
    } else {
      let inward = ei.whole.value < ei.whole.expected
      let side = inward ? "more inward-looking than" : "more outward-looking than"
      let figures = "E-I index \(Cell.format(ei.whole.value)) against \(Cell.format(ei.whole.expected)) expected for these bloc sizes"
      if let test = blocTest, let tested = test.ei {
        // The one-sided test in the direction claimed: a labelling at random as inward (outward).
        let p = inward ? tested.pLess : tested.pGreater
        let how = Self.permutationWords(test)
        if p <= 0.05 {
          text = "\(ties) are \(side) chance: \(figures) (p = \(Words.p(p)), \(how))."
        } else {
          text = "\(ties) lean \(inward ? "inward" : "outward") (\(figures)), but no more than chance often gives: p = \(Words.p(p)), \(how)."
        }
      } else {
        text = "\(ties) are \(side) chance: \(figures)."
      }
    }
    return Finding(id: id, text: text, rows: TableRows("blocs", Array(0..<assignment.blocCount)))
  }

  /// How far the communities found in the ties are the declared blocs.
  func blocMatchFinding(prefix: String) -> Finding? {
    guard let m = blocMatch else { return nil }
    let how = m.nmi > 0.999 ? "are the declared blocs" : "match the declared blocs with NMI \(Cell.format(m.nmi)) and ARI \(Cell.format(m.ari))"
    return Finding(
      id: "\(prefix).communities-blocs",
      text: "Communities found in the ties (\(m.found) among the \(m.actors) actors in blocs) \(how) (1 = the same split).",
      rows: TableRows("communities", ["nmi_communities_blocs", "ari_communities_blocs"].map { Self.communityMeasures.firstIndex(of: $0)! }))
  }
}
