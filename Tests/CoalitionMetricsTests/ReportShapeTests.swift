import CoalitionGraph
import CoalitionMetrics
import Foundation
import Testing

@testable import CoalitionReports

// One small dataset per shape of view, each finding's numbers worked out by hand in the comments.

private func groups(_ ids: [String]) -> [CoalitionActor] { ids.map { CoalitionActor(id: $0, type: .group) } }
private func date(_ s: String) -> ObservationTime { .on(PartialDate(s)!) }
private func texts(_ d: ReportDocument) -> [String: String] {
  Dictionary(uniqueKeysWithValues: d.findings.map { ($0.id, $0.text) })
}

/// Every finding's rows exist in the table it names.
private func rowsExist(_ d: ReportDocument) -> Bool {
  d.findings.allSatisfy { f in
    guard let rows = f.rows else { return true }
    guard let table = d.tables.first(where: { $0.title == rows.table }) else { return false }
    return rows.rows.allSatisfy { table.rows.indices.contains($0) }
  }
}

@Test func flowFindingsMatchAHandComputation() throws {
  // 2018–2019: AAA→XXX 60, AAA→YYY 10, BBB→XXX 20, BBB→ZZZ 5, CCC→ZZZ 5 (total 100).
  // 2016–2017, the previous period of equal length: AAA→XXX 30, BBB→XXX 30, CCC→YYY 20 (total 80).
  func transfer(_ s: String, _ t: String, _ year: String, _ w: Double) -> TieObservation {
    TieObservation(source: s, target: t, kind: "arms-transfer", time: date(year), weight: w)
  }
  let d = Dataset(
    actors: groups(["AAA", "BBB", "CCC", "XXX", "YYY", "ZZZ"]),
    observations: [
      transfer("AAA", "XXX", "2018", 60), transfer("AAA", "YYY", "2019", 10), transfer("BBB", "XXX", "2019", 20),
      transfer("BBB", "ZZZ", "2018", 5), transfer("CCC", "ZZZ", "2019", 5),
      transfer("AAA", "XXX", "2016", 30), transfer("BBB", "XXX", "2017", 30), transfer("CCC", "YYY", "2016", 20),
    ], weightUnit: "TIV")
  let view = try CoalitionNetwork(d).view(ViewFilter(window: DateWindow(from: PartialDate("2018"), to: PartialDate("2019"))))
  #expect(ReportShape.detect(view) == .flows)
  let doc = try CoalitionReport(view: view).document()
  let f = texts(doc)
  #expect(doc.reading == ReportShape.flows.reading)
  #expect(f["flows.total"] == "Total volume 100 TIV over 5 routes from 3 suppliers to 3 recipients (2018 to 2019).")
  // Shares 70, 25, 5; AAA and BBB supply two recipients each.
  #expect(f["flows.suppliers"] == "Top suppliers: AAA 70% (to 2 recipients), BBB 25% (to 2 recipients), CCC 5% (to 1 recipient); together 100%.")
  #expect(f["flows.recipients"] == "Top recipients: XXX 80% (from 2 suppliers), YYY 10% (from 1 supplier), ZZZ 10% (from 2 suppliers); together 100%.")
  // HHI = 70² + 25² + 5² = 4,900 + 625 + 25 = 5,550: above 2,500.
  #expect(f["flows.concentration"] == "The supply side is highly concentrated: the top 5 suppliers deliver 100% of the volume, and the Herfindahl–Hirschman index of suppliers is 5,550 (of 10,000).")
  #expect(f["flows.routes"] == "Largest routes: AAA → XXX 60%, BBB → XXX 20%, AAA → YYY 10%, BBB → ZZZ 5%, CCC → ZZZ 5%.")
  // XXX takes 60/80 from AAA, YYY 10/10 from AAA, ZZZ 5/10 from BBB (the first of two equal suppliers).
  #expect(f["flows.dependence"] == "3 of 3 recipients take at least half of their imports from one supplier (AAA for 2, BBB for 1); the largest of them: XXX 75% from AAA, YYY 100% from AAA, ZZZ 50% from BBB.")
  // 80 → 100 is +25%; AAA 30 → 70 (+133.3%), BBB 30 → 25 (−16.7%), CCC 20 → 5 (−75%).
  #expect(f["flows.change"] == "Against 2016–2017, the volume rose 25% (80 → 100); the top suppliers' exports: AAA +133.3% (share 37.5% → 70%), BBB −16.7% (share 37.5% → 25%), CCC −75% (share 25% → 5%).")
  // Actors are ranked by volume, supplied plus received: XXX 80, AAA 70, BBB 25.
  let actors = doc.tables[0]
  #expect(actors.columns.contains("volume_out") && actors.columns.contains("volume_in"))
  #expect(actors.rows.prefix(3).map { $0[1] } == [.text("XXX"), .text("AAA"), .text("BBB")])
  let concentration = try #require(doc.tables.first { $0.title == "concentration" })
  let value = Dictionary(uniqueKeysWithValues: concentration.rows.map { ($0[0], $0[1]) })
  #expect(value[.text("hhi_suppliers")] == .number(5550))
  #expect(value[.text("total_change")] == .number(0.25))
  let dependence = try #require(doc.tables.first { $0.title == "dependence" })
  #expect(dependence.rows.count == 3)
  #expect(rowsExist(doc))
  // No finding speaks of shortest paths in a network of deliveries.
  #expect(!doc.findings.contains { $0.text.contains("shortest paths") || $0.text.contains("hub") })
}

@Test func flowsWithoutAnEarlierPeriodLeaveOutTheChange() throws {
  let d = Dataset(
    actors: groups(["AAA", "XXX"]),
    observations: [TieObservation(source: "AAA", target: "XXX", kind: "arms-transfer", time: date("2019"), weight: 3)])
  let doc = try CoalitionReport(view: try CoalitionNetwork(d).view()).document()
  #expect(doc.findings.map(\.id) == ["flows.total", "flows.suppliers", "flows.recipients", "flows.concentration", "flows.routes", "flows.dependence", "ranking.robustness"])
  #expect(doc.tables.first { $0.title == "suppliers" }?.columns.contains("change") == false)
}

@Test func allianceFindingsMatchAHandComputation() throws {
  // Two triangles, AAA–BBB–CCC and DDD–EEE–FFF, joined by CCC–DDD.
  let pairs = [("AAA", "BBB"), ("AAA", "CCC"), ("BBB", "CCC"), ("DDD", "EEE"), ("DDD", "FFF"), ("EEE", "FFF"), ("CCC", "DDD")]
  let d = Dataset(
    actors: groups(["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]),
    observations: pairs.map { TieObservation(source: $0.0, target: $0.1, kind: "military", time: date("2018")) })
  let view = try CoalitionNetwork(d).view()
  #expect(ReportShape.detect(view) == .alliances)
  let doc = try CoalitionReport(view: view).document()
  let f = texts(doc)
  #expect(f["alliances.most-partners"] == "CCC has the most partners: 3 of the 5 other actors; then DDD 3, AAA 2, BBB 2, EEE 2.")
  // Q = 2 · (3/7 − (7/14)²) = 0.357.
  #expect(f["alliances.communities"] == "The ties fall into 2 communities of two or more actors (Louvain, modularity 0.36).")
  #expect(f["alliances.community.1"] == "Community 1, 3 actors: CCC, AAA, BBB.")
  #expect(f["alliances.community.2"] == "Community 2, 3 actors: DDD, EEE, FFF.")
  // Of the 9 pairs across, the 6 without CCC all pass through CCC (and likewise DDD); CCC has 1
  // of its 3 partners outside its community.
  #expect(f["alliances.bridges"] == "The bridges between communities are CCC (community 1, 1 of 3 partners outside it, on 100% of the shortest paths between communities), DDD (community 2, 1 of 3 partners outside it, on 100% of the shortest paths between communities).")
  #expect(f["alliances.core"] == "The densest core: 6 actors, each tied to at least 2 others in it (the 2-core): CCC, DDD, AAA, BBB, EEE, FFF.")
  let bridges = try #require(doc.tables.first { $0.title == "bridges" })
  // Participation of CCC: 1 − (2/3)² − (1/3)² = 4/9.
  let participation = try #require(bridges.columns.firstIndex(of: "participation"))
  if case .number(let p) = bridges.rows[0][participation] { #expect(abs(p - 4.0 / 9) < 1e-12) } else { Issue.record("no participation") }
  #expect(rowsExist(doc))
}

@Test func betweennessAcrossGroupsAndParticipationByHand() {
  // The same two triangles and bridge, nodes 0…5, groups {0,1,2} and {3,4,5}.
  let g = SimpleGraph(nodeCount: 6, edges: [WeightedEdge(0, 1, 1), WeightedEdge(0, 2, 1), WeightedEdge(1, 2, 1), WeightedEdge(3, 4, 1), WeightedEdge(3, 5, 1), WeightedEdge(4, 5, 1), WeightedEdge(2, 3, 1)], directed: false)
  let group = [0, 0, 0, 1, 1, 1]
  #expect(g.betweennessAcrossGroups(group, normalized: false) == [0, 0, 6, 6, 0, 0])
  #expect(g.betweennessAcrossGroups(group) == [0, 0, 1, 1, 0, 0])
  // Every node in one group: no pair across, so nothing to carry.
  #expect(g.betweennessAcrossGroups([0, 0, 0, 0, 0, 0]) == [0, 0, 0, 0, 0, 0])
  let p = g.participationCoefficient(groups: group)
  #expect(p.count == 6)
  #expect(p[0] == 0 && abs(p[2] - 4.0 / 9) < 1e-12)
  // A path 0–1–2 with groups {0}, {1}, {2}: node 1 carries the one pair across that avoids it.
  let path = SimpleGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 1), WeightedEdge(1, 2, 1)], directed: false)
  #expect(path.betweennessAcrossGroups([0, 1, 2], normalized: false) == [0, 1, 0])
  #expect(path.participationCoefficient(groups: [0, 1, 2])[1] == 0.5)
  #expect(SimpleGraph(nodeCount: 1, edges: [], directed: false).participationCoefficient(groups: [0])[0].isNaN)
  // The same values on any number of threads, to the bit.
  var rng = SplitMix64(seed: 7)
  let edges = (0..<600).map { _ in WeightedEdge(Int(rng.next() % 200), Int(rng.next() % 200), 1.0) }
  let random = SimpleGraph(nodeCount: 200, edges: edges, directed: false)
  let labels = (0..<200).map { $0 % 5 }
  #expect(random.betweennessAcrossGroups(labels, threads: 1) == random.betweennessAcrossGroups(labels, threads: 3))
}

@Test func eventFindingsMatchAHandComputation() throws {
  // AAA–BBB: 3 diplomatic (weight 2 each) and 1 accusation (4); BBB→CCC: 2 sanctions (5 each);
  // CCC–DDD: 1 diplomatic (1). No blocs: signed event data.
  func o(_ s: String, _ t: String, _ kind: String, _ day: String, _ w: Double) -> TieObservation {
    TieObservation(source: s, target: t, kind: kind, time: date(day), confidence: .alleged, weight: w)
  }
  let d = Dataset(
    actors: groups(["AAA", "BBB", "CCC", "DDD"]),
    observations: [
      o("AAA", "BBB", "diplomatic", "2020-01-01", 2), o("AAA", "BBB", "diplomatic", "2020-02-01", 2), o("AAA", "BBB", "diplomatic", "2020-03-01", 2),
      o("AAA", "BBB", "accusation", "2020-12-01", 4), o("BBB", "CCC", "sanction", "2020-06-01", 5), o("BBB", "CCC", "sanction", "2020-12-15", 5),
      o("CCC", "DDD", "diplomatic", "2020-01-15", 1),
    ])
  let view = try CoalitionNetwork(d).view()
  #expect(ReportShape.detect(view) == .events)
  let doc = try CoalitionReport(view: view).document()
  let f = texts(doc)
  // 4 cooperative and 3 hostile observations; weights 6 + 1 = 7 against 4 + 10 = 14.
  #expect(f["events.balance"] == "Of 7 observations between 3 pairs, 4 (57.1%) are cooperative and 3 (42.9%) hostile; net weight −7: cooperative 7, hostile 14.")
  #expect(f["events.active"] == "The most active pairs: AAA–BBB 4 (3 cooperative, 1 hostile), BBB–CCC 2 (0 cooperative, 2 hostile), CCC–DDD 1 (1 cooperative, 0 hostile).")
  #expect(f["events.hostile"] == "The most hostile pairs: BBB–CCC (2 hostile of 2, net weight −10).")
  #expect(f["events.cooperative"] == "The most cooperative pairs: AAA–BBB (3 cooperative of 4, net weight +2), CCC–DDD (1 cooperative of 1, net weight +1).")
  // AAA–BBB is + (6 against 4 by weight), BBB–CCC −, CCC–DDD +: a path, so two camps exactly.
  let camps = try #require(f["events.camps"])
  #expect(camps.hasPrefix("Two camps: ") && camps.hasSuffix("; every hostile tie runs between them."), "\(camps)")
  #expect(camps.contains("AAA, BBB against CCC, DDD") || camps.contains("CCC, DDD against AAA, BBB"), "\(camps)")
  // Span 2020-01-01 – 2020-12-15, middle day 2020-06-23: 5 early (1 hostile), 2 late (both hostile).
  #expect(f["events.change"] == "Over the span 2020-01-01 – 2020-12-15, the earlier half holds 5 observations (20% hostile) and the later half 2 (100% hostile); the later half is too thin to compare.")
  let dyads = try #require(doc.tables.first { $0.title == "dyads" })
  #expect(dyads.rows.first == [.text("AAA"), .text("BBB"), .integer(4), .integer(3), .integer(1), .number(0.25), .number(6), .number(4), .number(2)])
  // Every tie is alleged: on reported ties alone nothing remains, and the finding says so in words.
  #expect(f["events.sensitivity"] == "4 of 4 ties rest only on alleged or assessed evidence. On reported ties alone 0 of 4 remain; 4 actors keep no tie (BBB, CCC, AAA, DDD).")
  #expect(rowsExist(doc))
}

@Test func alignmentTiesReadAsCamps() throws {
  // Vote-alignment ties: AAA, BBB, CCC close; DDD, EEE close; CCC–DDD weakly.
  let kind = AlignmentDataset.voteKind
  let pairs: [(String, String, Double)] = [("AAA", "BBB", 0.9), ("AAA", "CCC", 0.9), ("BBB", "CCC", 0.9), ("DDD", "EEE", 0.9), ("CCC", "DDD", 0.2)]
  let d = Dataset(
    kinds: [kind], actors: groups(["AAA", "BBB", "CCC", "DDD", "EEE"]),
    observations: pairs.map { TieObservation(source: $0.0, target: $0.1, kind: kind.id, time: date("2019"), weight: $0.2) }, weightUnit: "similarity")
  let view = try CoalitionNetwork(d).view()
  #expect(ReportShape.detect(view) == .alignment)
  let f = texts(try CoalitionReport(view: view).document())
  // Weighted: m = 3.8; Q = 2.7/3.8 − (5.6/7.6)² + 0.9/3.8 − (2/7.6)² = 0.335.
  #expect(f["alignment.communities"] == "The ties fall into 2 camps of two or more actors (Louvain, modularity 0.34).")
  #expect(f["alignment.camp.1"] == "Camp 1, 3 actors: CCC, AAA, BBB.")
  #expect(f["alignment.camp.2"] == "Camp 2, 2 actors: DDD, EEE.")
  #expect(f["alignment.bridges"]?.hasPrefix("Between the camps sit CCC (camp 1, 1 of 3 partners outside it") == true, "\(f)")
}

@Test func shapesAreDetectedFromTheKinds() throws {
  #expect(ReportShape.detect(try CoalitionNetwork(Dataset.seed).view()) == .coalition)
  // The seed's arms transfers alone carry no weights: not flows.
  let arms = try CoalitionNetwork(Dataset.seed).view(ViewFilter(kinds: ["arms-transfer"]))
  #expect(ReportShape.detect(arms) == .coalition)
  // Cooperative ties of the seed include directed ones: not alliances.
  let cooperative = try CoalitionNetwork(Dataset.seed).view(ViewFilter(polarity: .cooperative))
  #expect(ReportShape.detect(cooperative) == .coalition)
}

@Test func verbalKindsNeverAnswerEachOther() throws {
  // AAA appeals to BBB, and BBB makes a statement to AAA: two verbal kinds, no exchange; the same
  // with the statement declared exchangeable, and the pair is an exchange.
  var d = Dataset(
    kinds: [
      Kind(id: "appeal", polarity: .cooperative, materiality: .verbal, directed: true),
      Kind(id: "statement", polarity: .cooperative, materiality: .verbal, directed: true),
    ],
    actors: groups(["AAA", "BBB"]),
    observations: [
      TieObservation(source: "AAA", target: "BBB", kind: "appeal", time: date("2020")),
      TieObservation(source: "BBB", target: "AAA", kind: "statement", time: date("2020")),
    ])
  #expect(try CoalitionNetwork(d).view().exchanges().isEmpty)
  d.kinds = d.kinds.map { Kind(id: $0.id, polarity: $0.polarity, materiality: $0.materiality, directed: true, exchangeable: true) }
  #expect(try CoalitionNetwork(d).view().exchanges().count == 1)
  // The declaration round-trips through the dataset format, written only when it departs from the default.
  let text = d.jsonText()
  #expect(text.contains("\"exchangeable\": true"))
  #expect(try Dataset(json: Array(text.utf8)).kinds.allSatisfy(\.exchangeable))
  #expect(!Dataset.seed.jsonText().contains("exchangeable"))
}

@Test func undefinedValuesAreNeverNumbersInAnyFormat() throws {
  // One kind and no blocs: E-I and multiplex participation are undefined for every actor; EEE is
  // an isolate (no closeness, no constraint).
  let d = Dataset(
    actors: groups(["AAA", "BBB", "CCC", "DDD", "EEE"]),
    observations: [("AAA", "BBB"), ("BBB", "CCC"), ("CCC", "DDD")].map { TieObservation(source: $0.0, target: $0.1, kind: "accusation", time: date("2020")) })
  let doc = try CoalitionReport(view: try CoalitionNetwork(d).view()).document()
  let actors = doc.tables[0]
  let ei = try #require(actors.columns.firstIndex(of: "ei")), participation = try #require(actors.columns.firstIndex(of: "participation"))
  let closeness = try #require(actors.columns.firstIndex(of: "closeness"))
  #expect(actors.rows.allSatisfy { $0[ei] == .undefined && $0[participation] == .undefined })
  let eee = try #require(actors.rows.first { $0[1] == .text("EEE") })
  #expect(eee[closeness] == .undefined)
  #expect(actors.notes.contains { $0.contains("E-I without declared blocs") && $0.contains("participation with one kind") })
  // CSV: empty cells; JSON: null; text, Markdown and HTML: "—". Never "NaN", never "1" for E-I.
  let csv = doc.formatted(.csv)
  let header = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("rank,actor") }).split(separator: ",", omittingEmptySubsequences: false)
  let row = try #require(csv.split(separator: "\r\n").first { $0.contains(",EEE,") }).split(separator: ",", omittingEmptySubsequences: false)
  #expect(header.count == row.count)
  #expect(row[header.firstIndex(of: "ei")!] == "" && row[header.firstIndex(of: "participation")!] == "")
  let json = try #require(try JSONSerialization.jsonObject(with: Data(doc.formatted(.json).utf8)) as? [String: Any])
  let tables = try #require(json["tables"] as? [[String: Any]])
  let rows = try #require(tables.first?["rows"] as? [[String: Any]])
  #expect(rows.allSatisfy { $0["ei"] is NSNull && $0["participation"] is NSNull })
  for format in [ReportFormat.text, .markdown, .html] {
    let out = doc.formatted(format)
    #expect(out.contains("—"), "\(format)")
  }
  for format in ReportFormat.allCases where format != .html { #expect(!doc.formatted(format).contains("NaN"), "\(format)") }
  // The page's script may say isNaN; its cells and data never show NaN.
  let html = doc.formatted(.html)
  #expect(!html.contains(">NaN<") && !html.contains("\"NaN\""))
  let text = doc.tables[0].formatted(.text)
  let line = try #require(text.split(separator: "\n").first { $0.contains(" EEE ") })
  #expect(line.contains("—"))
}
