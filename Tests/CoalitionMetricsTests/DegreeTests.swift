import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionMetrics
@testable import CoalitionReports

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

/// Reference values computed by NetworkX 3.6.1 (scripts/reference/degree_reference.py).
private func loadReference() throws -> [String: Any] {
  let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/degree.json"))
  return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

@Test func seedDegreeAndStrengthMatchNetworkX() throws {
  let view = try CoalitionNetwork(Dataset.seed).view()
  let reference = try loadReference()
  let expected = try #require(reference["seed"] as? [String: [String: Double]])
  let measures: [(String, ActorScores)] = [
    ("degree", view.degree(.total)), ("degree_normalized", view.degree(.total, normalized: true)),
    ("out_degree", view.degree(.out)), ("in_degree", view.degree(.in)), ("ties", view.tieCount(.total)),
    ("strength", view.strength(.total)),
  ]
  #expect(expected.count == view.nodeCount)
  for v in 0..<view.nodeCount {
    let id = view.actor(v).id
    for (name, scores) in measures {
      let want = try #require(expected[id]?[name], "\(id) \(name)")
      #expect(close(scores[v], want), "\(id) \(name): \(scores[v]) vs NetworkX \(want)")
    }
  }
}

/// Zachary's karate club (weighted, as shipped with NetworkX) loaded as a one-kind dataset.
@Test func karateDegreeMatchesNetworkX() throws {
  let reference = try loadReference()
  let karate = try #require(reference["karate"] as? [String: Any])
  let edges = try #require(karate["edges"] as? [[Double]])
  let values = try #require(karate["values"] as? [String: [String: Double]])
  var d = Dataset(actors: (0..<34).map { CoalitionActor(id: "\($0)", type: .group) })
  for e in edges {
    d.observations.append(TieObservation(source: "\(Int(e[0]))", target: "\(Int(e[1]))", kind: "diplomatic", time: .on(PartialDate("2000")!), weight: e[2]))
  }
  let view = try CoalitionNetwork(d).view()
  #expect(view.ties.count == 78)
  let degree = view.degree()
  let normalized = view.degree(normalized: true)
  let strength = view.strength()
  for v in 0..<34 {
    let want = try #require(values["\(v)"])
    #expect(degree[v] == want["degree"])
    #expect(close(normalized[v], want["degree_normalized"]!))
    #expect(close(strength[v], want["strength"]!))
  }
}

@Test func ranksShareTheBestPlaceOnTies() {
  let s = NodeScores(name: "x", values: [3, 5, 5, 1, 3])
  #expect(s.ranking == [1, 2, 0, 4, 3])
  #expect(s.ranks == [3, 1, 1, 5, 3])
}

@Test func degreeReportIsRankedAndFormatsAgree() throws {
  let table = DegreeReport(view: try CoalitionNetwork(Dataset.seed).view()).table()
  #expect(table.rows.first?[1] == .text("RUS"))
  #expect(table.rows.map { $0[0] } == [.integer(1), .integer(2), .integer(3), .integer(3), .integer(5), .integer(6), .integer(7)])
  let csv = table.formatted(.csv)
  let lines = csv.split(separator: "\r\n")
  #expect(lines.first == "rank,actor,name,bloc,degree,degree_normalized,out_degree,in_degree,ties,strength")
  #expect(lines.count == 8)
  #expect(lines[1] == "1,RUS,Russia,Coalition Russia is building,6,1,6,5,14,16")
  let json = try JSONSerialization.jsonObject(with: Data(table.formatted(.json).utf8)) as? [String: Any]
  let rows = json?["rows"] as? [[String: Any]]
  #expect(rows?.count == 7)
  #expect(rows?.first?["degree_normalized"] as? Double == 1)
  #expect(rows?[2]["degree_normalized"] as? Double == 2.0 / 6.0)  // exact, not rounded to 0.333333
  let markdown = table.formatted(.markdown)
  #expect(markdown.contains("| Rank | Actor |"))
  #expect(markdown.contains("| 1 | RUS | Russia |"))
  let text = table.formatted(.text)
  #expect(text.contains("RUS    Russia"))
}

@Test func csvQuotesFieldsWithCommasAndQuotes() {
  let t = ReportTable(title: "t", columns: ["a", "b"], rows: [[.text("x, y"), .text("say \"hi\"")]])
  #expect(t.formatted(.csv) == "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n")
}

/// Machine formats carry every number exactly: read back from JSON and CSV, each value has the same
/// bits as the one computed; text and Markdown round to `digits`.
@Test func machineFormatsRoundTripEveryNumberExactly() throws {
  let values: [Double] = [1e-6 + 1e-22, 1.0 / 3.0, 2.0 / 3.0 * 1e-300, 123456789.123456789, 0.1 + 0.2, -0.0, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 42]
  let table = ReportTable(title: "t", columns: ["k", "x"], rows: values.enumerated().map { [.integer($0), .number($1)] })
  // Read with this package's JSON parser: Foundation's JSONSerialization on Linux rounds some
  // numbers (0.30000000000000004 comes back as 0.3000000000000001).
  let json = try JSONParser.parse(Array(table.formatted(.json).utf8))
  guard case .object(let top) = json.value, case .array(let rows)? = top.first(where: { $0.key == "rows" })?.value.value else {
    Issue.record("no rows")
    return
  }
  #expect(rows.count == values.count)
  for (row, x) in zip(rows, values) {
    guard case .object(let cells) = row.value, case .number(let back)? = cells.first(where: { $0.key == "x" })?.value.value else {
      Issue.record("no x in \(row)")
      continue
    }
    #expect(back.bitPattern == x.bitPattern, "JSON: \(back) for \(x)")
  }
  let csvLines = table.formatted(.csv).split(separator: "\r\n").dropFirst()
  #expect(csvLines.count == values.count)
  for (line, x) in zip(csvLines, values) {
    let back = try #require(Double(String(line.split(separator: ",")[1])))
    #expect(back.bitPattern == x.bitPattern, "CSV: \(line) for \(x)")
  }
  #expect(table.formatted(.text).contains("0.333333"))
  #expect(table.formatted(.text, digits: 3).contains("0.333"))
  #expect(!table.formatted(.text, digits: 3).contains("0.3333"))
  #expect(table.formatted(.markdown, digits: 10).contains("0.3333333333"))
}
