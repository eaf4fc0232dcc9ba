import CoalitionGraph
import CoalitionMetrics

/// Findings for undirected cooperative ties — alliances, memberships — and for alignment ties
/// (`camps`): the communities found in the ties, each named by its best-connected members and by
/// the declared bloc it matches; the actors that bridge communities; the densest core.
///
/// Communities are the report's Louvain communities (weighted, seed 1). A bridge is ranked by its
/// betweenness across communities (``SimpleGraph/betweennessAcrossGroups(_:normalized:)``: the share
/// of shortest paths between actors of different communities that pass through it), and shows its
/// participation coefficient over communities (Guimerà and Amaral). The densest core is the k-core
/// of largest k.
struct AllianceReading: ShapeReading {
  /// Alignment ties: "camps" and "who sits between them" rather than communities and bridges.
  let camps: Bool
  /// Communities named in findings, at most.
  static let namedCommunities = 6
  /// Rows of the bridges table.
  static let bridgeRows = 10

  func read(_ b: ReportBasis) -> ReportSection {
    let n = b.n
    let group = b.communities.partition
    let word = camps ? "camp" : "community"
    let prefix = camps ? "alignment" : "alliances"
    // Communities by size (largest first), then by their smallest node.
    var membersOf: [Int: [Int]] = [:]
    for v in 0..<n { membersOf[group[v], default: []].append(v) }
    let ordered = membersOf.keys.sorted { (membersOf[$0]!.count, -$0) > (membersOf[$1]!.count, -$1) }
    var number = [Int: Int]()
    for (k, c) in ordered.enumerated() { number[c] = k + 1 }
    // Partners inside one's own community.
    let inside = (0..<n).map { v in (Int(b.paths.rowStart[v])..<Int(b.paths.rowStart[v + 1])).filter { group[Int(b.paths.target[$0])] == group[v] }.count }
    func largest(_ members: [Int]) -> [Int] { members.sorted { (inside[$0], b.degree[$0], $1) > (inside[$1], b.degree[$1], $0) } }
    // The declared bloc each community overlaps most (Jaccard), when blocs are declared.
    func bestBloc(_ members: [Int]) -> (bloc: Int, jaccard: Double)? {
      guard b.assignment.blocCount > 0 else { return nil }
      let mine = Set(members)
      var best: (Int, Double)?
      for k in 0..<b.assignment.blocCount {
        let bloc = Set((0..<n).filter { b.assignment.group[$0] == k })
        let j = Double(mine.intersection(bloc).count) / Double(mine.union(bloc).count)
        if j > 0, j > (best?.1 ?? 0) { best = (k, j) }
      }
      return best
    }
    // The commonest world region among a community's states (World Bank regions, from the
    // country table), with how many members it has.
    func region(_ members: [Int]) -> (name: String, count: Int)? {
      var count: [String: Int] = [:]
      for v in members { if let r = CountryTable.country(alpha3: b.names[v])?.region, !r.isEmpty { count[r, default: 0] += 1 } }
      return count.keys.sorted { (count[$0]!, $1) > (count[$1]!, $0) }.first.map { ($0, count[$0]!) }
    }
    let blocs = b.assignment.blocCount > 0
    let memberRows: [[Cell]] = ordered.map { c in
      let members = largest(membersOf[c]!)
      let size = Double(members.count)
      let internalTies = members.reduce(0) { $0 + inside[$1] } / 2
      let commonest = region(members)
      var row: [Cell] = [
        .integer(number[c]!), .integer(members.count), .text(members.prefix(5).map { b.names[$0] }.joined(separator: " ")),
        .text(members.map { b.names[$0] }.joined(separator: " ")), members.count > 1 ? .number(Double(internalTies) / (size * (size - 1) / 2)) : .undefined,
        .text(commonest?.name ?? ""), .integer(commonest?.count ?? 0),
      ]
      if blocs {
        let match = bestBloc(members)
        row += [.text(match.map { b.assignment.names[$0.bloc] } ?? ""), match.map { .number($0.jaccard) } ?? .undefined]
      }
      return row
    }
    var memberTable = ReportTable(
      title: "community_members",
      columns: ["community", "size", "largest", "members", "density", "region", "in_region"] + (blocs ? ["bloc", "bloc_jaccard"] : []),
      rows: memberRows,
      notes: [
        "Louvain communities of the report (weighted, seed 1, \(b.pathTies)), largest first; largest: the five members with the most partners inside; density: tied pairs inside over possible pairs; region: the commonest World Bank region among the members, in_region: how many members lie in it."
      ] + (blocs ? ["bloc: the declared bloc the community overlaps most; bloc_jaccard: shared members over members of either."] : []))
    memberTable.noteUndefined([("density", "the density of a community of one actor"), ("bloc_jaccard", "a community that shares no member with a bloc")])

    // Bridges.
    let across = b.paths.betweennessAcrossGroups(group, threads: b.threads)
    let participation = b.paths.participationCoefficient(groups: group)
    let bridgeOrder = (0..<n).filter { across[$0] > 0 }.sorted { (across[$0], b.degree[$0], $1) > (across[$1], b.degree[$1], $0) }.prefix(Self.bridgeRows)
    let bridgeRows: [[Cell]] = bridgeOrder.map { v in
      [
        .text(b.names[v]), .text(b.fullNames[v]), .integer(number[group[v]]!), .integer(b.pathDegree(v)), .integer(b.pathDegree(v) - inside[v]),
        .value(participation[v]), .number(across[v]),
      ]
    }
    let bridgeTable = ReportTable(
      title: "bridges", columns: ["actor", "name", "community", "partners", "partners_outside", "participation", "betweenness_across"], rows: bridgeRows,
      notes: [
        "betweenness_across: the share of shortest paths between actors of different communities that pass through the actor (hops, \(b.pathTies)); participation: 1 − Σ (partners in community s / partners)² (Guimerà and Amaral 2005). The \(bridgeOrder.count) highest."
      ])

    // The densest core.
    let core = b.paths.coreNumbers()
    let k = core.max() ?? 0
    let coreMembers = (0..<n).filter { core[$0] == k && k > 0 }.sorted { (b.degree[$0], $1) > (b.degree[$1], $0) }
    let coreTable = ReportTable(
      title: "core", columns: ["actor", "name", "core", "degree"],
      rows: coreMembers.map { [.text(b.names[$0]), .text(b.fullNames[$0]), .integer(k), .integer(Int(b.degree[$0]))] },
      notes: ["The members of the \(k)-core, the densest core: each has at least \(k) partners inside it (\(b.pathTies))."])

    // Findings.
    var out: [Finding] = []
    let tied = (0..<n).filter { b.degree[$0] > 0 }
    if let lead = tied.max(by: { (b.degree[$0], $1) < (b.degree[$1], $0) }) {
      let next = tied.filter { $0 != lead }.sorted { (b.degree[$0], $1) > (b.degree[$1], $0) }.prefix(4)
      out.append(
        Finding(
          id: "\(prefix).most-partners",
          text: "\(b.named(lead)) has the most partners: \(Int(b.degree[lead])) of the \(n - 1) other actors; then "
            + next.map { "\(b.names[$0]) \(Int(b.degree[$0]))" }.joined(separator: ", ") + ".",
          actors: [lead] .map { b.names[$0] } + next.map { b.names[$0] }, rows: b.actorRows([lead] + next)))
    }
    let real = ordered.filter { membersOf[$0]!.count > 1 }
    if !real.isEmpty {
      let singles = ordered.count - real.count
      out.append(
        Finding(
          id: "\(prefix).communities",
          text: "The ties fall into \(Words.count(real.count, word, word == "camp" ? "camps" : "communities")) of two or more actors (Louvain, modularity \(Cell.format(b.communities.modularity, digits: 2)))"
            + (singles > 0 ? ", and \(Words.count(singles, "actor")) stand\(singles == 1 ? "s" : "") alone" : "") + ".",
          rows: TableRows("community_members", Array(0..<real.count))))
      for c in real.prefix(Self.namedCommunities) {
        let members = largest(membersOf[c]!)
        let row = number[c]! - 1
        var text = "\(word.capitalized) \(number[c]!), \(Words.count(members.count, "actor")): \(Self.around(members.map { b.names[$0] }))"
        if let r = region(members), members.count > 2, 2 * r.count > members.count {
          text += r.count == members.count ? ", all in \(r.name)" : ", mostly \(r.name) (\(r.count))"
        }
        if let match = bestBloc(membersOf[c]!) {
          text += match.jaccard > 0.999 ? "; it is the declared bloc \(b.assignment.names[match.bloc])" : "; it overlaps the declared bloc \(b.assignment.names[match.bloc]) (Jaccard \(Cell.format(match.jaccard, digits: 2)))"
        }
        out.append(
          Finding(id: "\(prefix).\(word).\(number[c]!)", text: text + ".", actors: members.prefix(5).map { b.names[$0] }, rows: TableRows("community_members", [row])))
      }
      if real.count > Self.namedCommunities {
        out.append(
          Finding(
            id: "\(prefix).\(word)-more", text: "\(real.count - Self.namedCommunities) smaller \(word == "camp" ? "camps" : "communities") are in the community_members table.",
            rows: TableRows("community_members", Array(Self.namedCommunities..<real.count))))
      }
    }
    if !bridgeOrder.isEmpty {
      let top = Array(bridgeOrder.prefix(3))
      let lead = camps ? "Between the camps sit" : "The bridges between communities are"
      out.append(
        Finding(
          id: "\(prefix).bridges",
          text: "\(lead) "
            + top.map { v in
              "\(b.names[v]) (\(word) \(number[group[v]]!), \(b.pathDegree(v) - inside[v]) of \(b.pathDegree(v)) partners outside it, on \(Words.percent(across[v])) of the shortest paths between \(word == "camp" ? "camps" : "communities"))"
            }.joined(separator: ", ") + ".",
          actors: top.map { b.names[$0] }, rows: TableRows("bridges", Array(0..<top.count))))
    }
    if k > 1, coreMembers.count > k {
      out.append(
        Finding(
          id: "\(prefix).core",
          text: "The densest core: \(Words.count(coreMembers.count, "actor")), each tied to at least \(k) others in it (the \(k)-core): \(Self.around(coreMembers.map { b.names[$0] }, limit: 8)).",
          actors: coreMembers.prefix(8).map { b.names[$0] }, rows: TableRows("core", Array(0..<coreMembers.count))))
    }
    if let ei = b.eiFinding(id: "\(prefix).ei") { out.append(ei) }
    if let match = b.blocMatchFinding(prefix: prefix) { out.append(match) }
    return ReportSection(tables: [memberTable, bridgeTable, coreTable], findings: out)
  }

  /// "USA, GBR, FRA and 34 more": the first `limit` names, then how many more.
  static func around(_ names: [String], limit: Int = 5) -> String {
    names.count <= limit ? names.joined(separator: ", ") : names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
  }
}
