import CoalitionGraph
import CoalitionReports
import Foundation
import Testing

@testable import CoalitionInterchange

// Valid time (when a relation held) and record time (when it was on record) are kept apart:
// issue 19, finding 2. Figures: ATOP 5.1 (Leeds et al.), the Russia rows of the 1990–2018
// directed dyad-year file.

private func russiaATOP() throws -> CoalitionNetwork {
  try CoalitionNetwork(try ATOP.read(path: fixture("data/atop5_1_ddyr_1990_2018_russia.csv")).dataset)
}

private func defencePartners(_ g: CoalitionNetwork, _ filter: ViewFilter) throws -> [String] {
  var f = filter
  f.kinds = ["defense-pact"]
  let v = try g.view(f)
  return v.ties.compactMap { t -> String? in
    let (s, d) = (g[t.source].id, g[t.target].id)
    return s == "RUS" ? d : d == "RUS" ? s : nil
  }.sorted()
}

@Test func atopInForce2018GivesRussiaSevenDefencePartners() throws {
  let g = try russiaATOP()
  let inForce = try defencePartners(g, ViewFilter(window: .inForce(PartialDate(year: 2018)!)))
  #expect(inForce == ["ARM", "AZE", "BLR", "KAZ", "KGZ", "TJK", "UZB"])
  // The record as known by 2018 also holds every pact that had ended by then.
  let known = try defencePartners(g, ViewFilter(knownBy: PartialDate(year: 2018)!))
  #expect(known.count == 20)
  #expect(Set(inForce).isSubset(of: known))
  // --as-of, the old name, reads the same as --known-by.
  #expect(ViewFilter().at(PartialDate(year: 2018)!, reading: .knownBy).knownBy == PartialDate(year: 2018))
}

@Test func atopSpellsReachingTheLastYearStayOpen() throws {
  let r = try ATOP.read(path: fixture("data/atop5_1_ddyr_1990_2018_russia.csv"))
  let armenia = r.dataset.observations.filter { Set([$0.source, $0.target]) == ["ARM", "RUS"] && $0.kind == "defense-pact" }
  #expect(armenia.count == 1)
  #expect(armenia.first?.time == .ongoing(asOf: PartialDate(year: 2018)!, since: PartialDate(year: 1992)!))
  // Right-censored: still in force after the data end.
  let g = try CoalitionNetwork(r.dataset)
  #expect(try defencePartners(g, ViewFilter(window: .inForce(PartialDate(year: 2020)!))).count == 7)
  // A pact that ended before 2018 keeps its end.
  #expect(r.dataset.observations.contains { if case .between(_, let to?) = $0.time { return to.year < 2018 } else { return false } })
  // Reading only to 2005 leaves the 2005 spells open: that is where the selection stops.
  let cut = try ATOP.read(path: fixture("data/atop5_1_ddyr_1990_2018_russia.csv"), years: YearRange(last: 2005))
  #expect(cut.dataset.observations.allSatisfy { o in
    if case .ongoing(let asOf, _) = o.time { return asOf == PartialDate(year: 2005)! }
    return o.time.lastDay < PartialDate(year: 2005)!.firstDay
  })
}

@Test func diffInForceShowsEndedAlliancesAndKnownByDoesNot() throws {
  let g = try russiaATOP()
  let filter = ViewFilter(kinds: ["defense-pact"])
  let (a, b) = (PartialDate(year: 1995)!, PartialDate(year: 2018)!)
  let inForce = try TimelineDiff(graph: g, filter: filter, from: a, to: b).document()
  let gone = inForce.tables[0].rows.filter { $0[0] == .text("disappeared") }.count
  #expect(gone > 0)
  #expect(inForce.findings[0].text.hasPrefix("in force in 1995 → in force in 2018"))
  let known = try TimelineDiff(graph: g, filter: filter, from: a, to: b, reading: .knownBy).document()
  #expect(known.tables[0].rows.allSatisfy { $0[0] != .text("disappeared") })
  #expect(known.findings[0].text.hasPrefix("known by 1995 → known by 2018"))
}

@Test func recordTimeIsKeptApartFromValidTime() throws {
  let d = Dataset(
    observations: [
      // Held in 2018, on record only in 2019.
      TieObservation(source: "RUS", target: "CHN", kind: "military", time: .on(PartialDate("2018-10-24")!), recorded: PartialDate("2019-10-24")!),
      TieObservation(source: "RUS", target: "IRN", kind: "military", time: .on(PartialDate("2018-10-24")!)),
    ])
  let g = try CoalitionNetwork(d)
  #expect(try g.view(ViewFilter(knownBy: PartialDate("2018-12-31")!)).ties.count == 1)
  #expect(try g.view(ViewFilter(knownBy: PartialDate("2019-10-24")!)).ties.count == 2)
  // Valid time ignores the record date.
  #expect(try g.view(ViewFilter(window: .inForce(PartialDate(year: 2018)!))).ties.count == 2)
  #expect(try g.view(ViewFilter(knownBy: PartialDate("2018-12-31")!)).filter.summary == "known by 2018-12-31")
  // The record date survives every format that carries observations.
  let json = try Dataset(json: Array(d.jsonText().utf8))
  #expect(json.observations.map(\.recorded) == d.observations.map(\.recorded))
  let coded = try JSONDecoder().decode(Dataset.self, from: JSONEncoder().encode(d))
  #expect(coded.observations.map(\.recorded) == d.observations.map(\.recorded))
  let csv = try CSVObservations.read(text: CSVObservations.write(d)).dataset
  #expect(csv.observations.map(\.recorded) == d.observations.map(\.recorded))
  let view = try g.view(ViewFilter())
  let files: [(String, [UInt8], any GraphFileFormat.Type)] = [
    ("graphml", Array(GraphML.write(view).utf8), GraphML.self), ("gexf", Array(GEXF.write(view).utf8), GEXF.self),
    ("node-link", Array(NodeLink.write(view).utf8), NodeLink.self),
  ]
  for (name, bytes, format) in files {
    let back = try format.read(bytes: bytes, name: name).dataset
    #expect(Set(back.observations.compactMap(\.recorded)) == [PartialDate("2019-10-24")!], "\(name)")
  }
}

@Test func gdeltObservationsCarryDateAddedAsRecordTime() throws {
  let r = try GDELT.read(path: fixture("data/gdelt2_20191024143000.export.CSV"))
  #expect(!r.dataset.observations.isEmpty)
  #expect(r.dataset.observations.allSatisfy { $0.recorded == PartialDate("2019-10-24")! })
  // The export holds events dated earlier than the day they were added.
  let early = r.dataset.observations.filter { $0.time.lastDay < PartialDate("2019-10-24")!.firstDay }
  #expect(!early.isEmpty)
  let g = try CoalitionNetwork(r.dataset)
  let before = try g.view(ViewFilter(knownBy: PartialDate("2019-10-23")!))
  #expect(before.ties.isEmpty)
  #expect(try g.view(ViewFilter(window: DateWindow(to: PartialDate("2019-10-23")!))).ties.count > 0)
}
