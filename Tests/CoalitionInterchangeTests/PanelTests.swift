import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import CoalitionReports
import Foundation
import Testing

private let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/data")

/// ATOP 5.1's defence pacts of Russia 1990–2018 as a dataset, and its yearly panel.
private func russianPacts() throws -> (graph: CoalitionNetwork, panel: Panel) {
  let dataset = try ATOP.read(path: data.appendingPathComponent("atop5_1_ddyr_1990_2018_russia.csv").path).dataset
  let graph = try CoalitionNetwork(dataset)
  let filter = ViewFilter(kinds: ["defense-pact"])
  let panel = Panel(graph: graph, filter: filter, periods: try Panel.periods(of: dataset, filter: filter, by: .year), yearly: true)
  return (graph, panel)
}

private func column(_ t: ReportTable, _ name: String) throws -> Int { try #require(t.columns.firstIndex(of: name), "\(name)") }

/// The actor-year panel: RUS in 2018 has 7 defence partners; every value equals what `metrics`
/// computes on that year's in-force view; every actor-year with a COW code falls in a COW
/// membership spell (states2016).
@Test func actorPanelMatchesMetricsYearByYear() throws {
  var (graph, panel) = try russianPacts()
  #expect(panel.periods.count == 29 && panel.periods.first?.from?.year == 1990)
  panel.options = MeasureOptions(normalized: false)
  let table = try panel.actors().table
  let (actor, year, degree) = (try column(table, "actor"), try column(table, "year"), try column(table, "degree"))
  let rus2018 = try #require(table.rows.first { $0[actor] == .text("RUS") && $0[year] == .integer(2018) })
  #expect(rus2018[degree] == .number(7))
  let (ccode, iso3) = (try column(table, "ccode"), try column(table, "iso3"))
  #expect(rus2018[ccode] == .integer(365) && rus2018[iso3] == .text("RUS"))
  for y in [1992, 2005, 2018] {
    let view = try graph.view(ViewFilter(kinds: ["defense-pact"], window: .inForce(PartialDate(year: y)!), dropIsolates: true))
    var report = CentralityReport(view: view, directed: false, measures: panel.measures, length: .hops)
    report.options = panel.options
    let single = try report.table()
    let rows = table.rows.filter { $0[year] == .integer(y) }
    #expect(rows.count == view.nodeCount, "\(y)")
    for r in single.rows {
      let row = try #require(rows.first { $0[actor] == r[1] })
      for m in panel.measures {
        let (mine, theirs) = (try column(table, m.rawValue), try column(single, m.rawValue))
        #expect(row[mine] == r[theirs], "\(y) \(r[1]) \(m)")
      }
    }
  }
  // COW membership spells (styear–endyear per ccode).
  let states = try CSVTable.read(bytes: Array(try Data(contentsOf: data.appendingPathComponent("cow_states2016.csv"))))
  let (code, start, end) = (states.header.firstIndex(of: "ccode")!, states.header.firstIndex(of: "styear")!, states.header.firstIndex(of: "endyear")!)
  let spells = Dictionary(grouping: states.rows, by: { Int($0[code])! }).mapValues { $0.map { Int($0[start])!...Int($0[end])! } }
  var checked = 0
  for row in table.rows {
    guard case .integer(let c) = row[ccode], case .integer(let y) = row[year], y <= 2016 else { continue }
    #expect(spells[c]?.contains { $0.contains(y) } == true, "ccode \(c) in \(y)")
    checked += 1
  }
  #expect(checked > 100)
}

/// The dyad-year panel: one row per pair and year with a pact in force, COW codes ordered, the
/// kinds' weights and counts, first and last days; years without a tie give none.
@Test func dyadPanelKeysPairsLikePeacesciencer() throws {
  let (_, panel) = try russianPacts()
  let result = panel.dyads()
  let t = result.table
  #expect(Array(t.columns.prefix(5)) == ["ccode1", "ccode2", "actor1", "actor2", "year"])
  #expect(t.columns.suffix(2) == ["first", "last"] && t.columns.contains("defense-pact_count"))
  let (c1, c2, year) = (try column(t, "ccode1"), try column(t, "ccode2"), try column(t, "year"))
  for row in t.rows {
    guard case .integer(let a) = row[c1], case .integer(let b) = row[c2] else { Issue.record("a pair without COW codes"); continue }
    #expect(a < b)
  }
  let pairs2018 = t.rows.filter { $0[year] == .integer(2018) }
  #expect(pairs2018.count == 7, "RUS's 7 defence partners in 2018")
  #expect(Set(t.rows.map { "\($0[c1])-\($0[c2])-\($0[year])" }).count == t.rows.count, "each pair once a year")
  #expect(t.jsonLines().split(separator: "\n").count == t.rows.count)
  #expect(t.tsv().split(separator: "\n").first == Substring(t.columns.joined(separator: "\t")))
}
