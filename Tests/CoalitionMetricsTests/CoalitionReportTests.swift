import CoalitionGraph
import CoalitionMetrics
import Foundation
import Testing

@testable import CoalitionReports

@Test func seedCoalitionReportFindingsAreDerivedFromTheNumbers() throws {
  let document = try CoalitionReport(view: try CoalitionNetwork(Dataset.seed).view()).document()
  let findings = document.findings.map(\.text)
  #expect(Set(document.findings.map(\.id)).count == document.findings.count)
  // Path measures follow cooperative ties: accusations, rivalry and war are no channel between states.
  #expect(findings.contains("RUS is the hub: tied to 6 of the 6 other actors, on 20% of the shortest paths between the others along cooperative ties."))
  #expect(findings.contains("RUS is the only actor tied to all 3 partners in Coalition Russia is building."))
  #expect(findings.contains("3 of the 6 pairs in Coalition Russia is building have no tie in this view: CHN–PRK, CHN–IRN, PRK–IRN."))
  #expect(findings.contains { $0.hasPrefix("The signed graph is balanced: RUS, CHN, PRK, IRN against USA, WEST, UKR") })
  #expect(findings.contains("RUS → PRK technology is answered by PRK → RUS arms transfer (alleged)."))
  #expect(findings.contains("6 of 16 ties rest only on alleged or assessed evidence. On reported ties alone 10 of 16 remain, and every actor keeps a tie; no rank changes."))
  // Each finding points at rows of a table of the same report, and names actors of the view.
  let hub = try #require(document.findings.first { $0.id == "coalition.hub" })
  #expect(hub.actors == ["RUS"])
  #expect(hub.rows == TableRows("actors", [0]))
  #expect(document.tables[0].rows[0][1] == .text("RUS"))
  for f in document.findings {
    if let rows = f.rows {
      let table = try #require(document.tables.first { $0.title == rows.table }, "\(f.id)")
      #expect(rows.rows.allSatisfy { table.rows.indices.contains($0) }, "\(f.id)")
    }
  }
  #expect(document.tables.map(\.title) == ["actors", "kinds", "blocs", "bloc_density", "exchanges", "brokers", "balance", "communities", "permutation_tests"])
  let balance = Dictionary(uniqueKeysWithValues: document.tables[6].rows.map { ($0[0], $0[1]) })
  #expect(balance[.text("triangles_pnn")] == .number(2))
  #expect(balance[.text("frustration_minimum")] == .number(0))
  let brokers = document.tables[5].rows
  #expect(brokers.first?[0] == .text("RUS"))
  if case .text(let pairs)? = brokers.first?[2] { #expect(pairs == "CHN–PRK, CHN–IRN, PRK–IRN") } else { Issue.record("no pairs") }
  #expect(document.tables[0].notes.contains { $0.contains("cooperative ties only") })
  // Asked for every tie, the hostile ones count as paths again.
  let allTies = try CoalitionReport(view: try CoalitionNetwork(Dataset.seed).view(), pathPolarity: nil).document()
  #expect(allTies.findings.map(\.text).contains("RUS is the hub: tied to 6 of the 6 other actors, on 83% of the shortest paths between the others."))
  // JSON is valid and keeps the stable table names.
  let json = try JSONSerialization.jsonObject(with: Data(document.formatted(.json).utf8)) as? [String: Any]
  let jsonFindings = try #require(json?["findings"] as? [[String: Any]])
  #expect(jsonFindings.count == findings.count)
  #expect(jsonFindings.first?["id"] as? String == "coalition.hub")
  #expect(jsonFindings.first?["table"] as? String == "actors")
  #expect(json?["reading"] as? String == ReportShape.coalition.reading)
}

/// Dropping alleged and assessed ties changes who brokers when a hub's ties are only assessed.
@Test func sensitivityShowsRankChanges() throws {
  // Reported: AAA is tied to BBB, CCC and DDD. Alleged: BBB to CCC, DDD and EEE, making BBB the hub.
  func tie(_ s: String, _ t: String, _ c: Confidence) -> TieObservation {
    TieObservation(source: s, target: t, kind: "diplomatic", time: .on(PartialDate("2020")!), confidence: c)
  }
  let d = Dataset(
    actors: ["AAA", "BBB", "CCC", "DDD", "EEE"].map { CoalitionActor(id: $0, type: .group) },
    observations: [
      tie("AAA", "BBB", .reported), tie("AAA", "CCC", .reported), tie("AAA", "DDD", .reported),
      tie("BBB", "CCC", .alleged), tie("BBB", "DDD", .alleged), tie("BBB", "EEE", .alleged),
    ])
  let document = try CoalitionReport(view: try CoalitionNetwork(d).view()).document()
  let actors = document.tables[0]
  let bbb = try #require(actors.rows.first { $0[1] == .text("BBB") })
  #expect(bbb[0] == .integer(1))
  let change = try #require(actors.columns.firstIndex(of: "rank_change"))
  #expect(bbb[change] != .integer(0))
  // On reported ties alone EEE keeps no tie, and AAA takes BBB's place at the top.
  let text = try #require(document.findings.first { $0.id.hasSuffix(".sensitivity") }?.text)
  #expect(text.hasPrefix("3 of 6 ties rest only on alleged or assessed evidence. On reported ties alone 3 of 6 remain; 1 actor keeps no tie (EEE)"), "\(text)")
  #expect(text.contains("the top 3 become AAA, "), "\(text)")
  #expect(text.contains("(were BBB, AAA, "), "\(text)")
}

/// When the E-I index equals its chance value, the finding says so instead of "more outward-looking".
@Test func eiFindingAtItsChanceValueSaysNeitherSide() throws {
  // Two blocs of two: 2 of the 6 pairs are inside, so chance gives E-I = 2·4/6 − 1 = 1/3; one
  // tie inside and two across give (2 − 1)/3 = 1/3 as well.
  func tie(_ s: String, _ t: String) -> TieObservation {
    TieObservation(source: s, target: t, kind: "diplomatic", time: .on(PartialDate("2020")!), confidence: .reported)
  }
  var d = Dataset(
    actors: ["AAA", "BBB", "CCC", "DDD"].map { CoalitionActor(id: $0, type: .group) },
    observations: [tie("AAA", "BBB"), tie("AAA", "CCC"), tie("BBB", "DDD")])
  d.blocs = [Bloc(id: "one", name: "One", members: ["AAA", "BBB"]), Bloc(id: "two", name: "Two", members: ["CCC", "DDD"])]
  let findings = try CoalitionReport(view: try CoalitionNetwork(d).view()).document().findings.map(\.text)
  #expect(findings.contains { $0.hasPrefix("Cooperative ties are as outward-looking as chance would make them: E-I index 0.333333") }, "\(findings)")
  #expect(!findings.contains { $0.contains("more outward-looking") || $0.contains("more inward-looking") })
  // One more tie across tips it outward — but 4 of the 6 labellings are as outward, so the
  // finding claims no more than its test supports.
  d.observations.append(tie("AAA", "DDD"))
  let more = try CoalitionReport(view: try CoalitionNetwork(d).view()).document().findings.map(\.text)
  #expect(
    more.contains { $0.hasPrefix("Cooperative ties lean outward (E-I index 0.5 against 0.333333 expected for these bloc sizes), but no more than chance often gives: p = 0.67, exact over all 6 labellings.") },
    "\(more)")
  #expect(!more.contains { $0.contains("more outward-looking") })
}

/// The README quotes the seed report's findings as the tool prints them.
@Test func readmeQuotesTheSeedFindings() throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("README.md")
  let readme = try String(contentsOf: url, encoding: .utf8)
  let block = try #require(readme.components(separatedBy: "On the seed:\n\n```\n").dropFirst().first?.components(separatedBy: "\n```").first)
  let quoted = block.split(separator: "\n").map { String($0.dropFirst(4)) }
  let findings = try CoalitionReport(view: try CoalitionNetwork(Dataset.seed).view()).document().findings.map(\.text)
  #expect(quoted == findings)
}

/// Rank intervals: a first place that rests on one source's alleged ties is flagged, with the rank
/// without that source; the intervals and columns are the same on any thread count and seeded.
@Test func rankIntervalsFlagAFirstPlaceOnWeakEvidence() throws {
  func tie(_ s: String, _ t: String, _ source: String, _ confidence: Confidence) -> TieObservation {
    TieObservation(
      source: s, target: t, kind: "diplomatic", time: .on(PartialDate("2020")!), confidence: confidence, evidence: [Evidence(source: source)])
  }
  var d = Dataset(
    actors: ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"].map { CoalitionActor(id: $0, type: .group) },
    observations: [
      tie("AAA", "CCC", "weak", .alleged), tie("AAA", "DDD", "weak", .alleged), tie("AAA", "EEE", "weak", .alleged),
      tie("AAA", "FFF", "weak", .alleged), tie("BBB", "CCC", "strong", .reported), tie("BBB", "DDD", "strong", .reported),
      tie("BBB", "FFF", "strong", .reported),
    ])
  d.sources = [Source(id: "weak", title: "Weak source"), Source(id: "strong", title: "Strong source")]
  let view = try CoalitionNetwork(d).view()
  var report = CoalitionReport(view: view, threads: 2)
  report.seed = 5
  let document = try report.document()
  let finding = try #require(document.findings.first { $0.id == "ranking.robustness" })
  #expect(finding.text.hasPrefix("AAA is first in "), "\(finding.text)")
  #expect(finding.text.contains("without Weak source it keeps no tie: the first place rests on evidence that may not hold."), "\(finding.text)")
  let actors = try #require(document.tables.first { $0.title == "actors" })
  #expect(Array(actors.columns.suffix(4)) == ["rank_p05", "rank_p95", "rank_without_weak", "rank_without_strong"])
  let first = try #require(actors.rows.first)
  #expect(first[1] == .text("AAA") && first[actors.columns.firstIndex(of: "rank_without_weak")!] == .undefined)
  #expect(first[actors.columns.firstIndex(of: "rank_without_strong")!] == .integer(1))
  // Thinned, AAA's four alleged ties often fall below BBB's three reported ones: its interval
  // runs from 1st to below 2nd.
  #expect(first[actors.columns.firstIndex(of: "rank_p05")!] == .integer(1))
  guard case .integer(let worst) = first[actors.columns.firstIndex(of: "rank_p95")!] else { Issue.record("no interval"); return }
  #expect(worst >= 2)
  var oneThread = report
  oneThread.threads = 1
  #expect(try oneThread.document().tables.first { $0.title == "actors" }?.rows == actors.rows)
  // With every observation kept for sure, the interval closes on the rank itself.
  var sure = report
  sure.keepProbabilities = KeepProbabilities(reported: 1, assessed: 1, alleged: 1)
  let sureFirst = try #require(try sure.document().tables.first { $0.title == "actors" }?.rows.first)
  #expect(sureFirst[actors.columns.firstIndex(of: "rank_p05")!] == .integer(1) && sureFirst[actors.columns.firstIndex(of: "rank_p95")!] == .integer(1))
  var none = report
  none.rankDraws = 0
  #expect(try !none.document().findings.contains { $0.id == "ranking.robustness" })
}

/// `metrics --measure brokerage`'s roles on a dataset are the report's (blocs as groups, path
/// ties); on a bare graph every node is its own group, so every brokered pair is a liaison.
@Test func brokerageInMetricsMatchesTheReport() throws {
  let view = try CoalitionNetwork(Dataset.seed).view()
  let table = try CentralityReport(view: view, directed: false, measures: [.brokerage], length: .hops).table()
  #expect(Array(table.columns.suffix(6)) == ["brokerage", "brokerage_coordinator", "brokerage_itinerant", "brokerage_gatekeeper", "brokerage_representative", "brokerage_liaison"])
  let actors = try #require(try CoalitionReport(view: view).document().tables.first { $0.title == "actors" })
  for row in table.rows {
    let reportRow = try #require(actors.rows.first { $0[1] == row[1] })
    for name in ["brokerage", "brokerage_coordinator", "brokerage_liaison"] {
      let (mine, theirs) = (table.columns.firstIndex(of: name)!, actors.columns.firstIndex(of: name)!)
      guard case .number(let x) = row[mine], case .integer(let y) = reportRow[theirs] else { Issue.record("\(name)"); continue }
      #expect(x == Double(y), "\(row[1]) \(name)")
    }
  }
  let star = SimpleGraph(nodeCount: 4, sources: [0, 0, 0], targets: [1, 2, 3], weights: nil, directed: false)
  let bare = try CentralityReport(title: "star", names: ["a", "b", "c", "d"], graph: star, measures: [.brokerage], length: .hops).table()
  let hub = try #require(bare.rows.first { $0[1] == .text("a") })
  #expect(hub[3] == .number(6) && hub[8] == .number(6), "the hub brokers 6 ordered pairs, all as liaison")
}
