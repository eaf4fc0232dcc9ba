import CoalitionGraph
import CoalitionMetrics
import CoalitionReports
import Foundation
import Testing

@testable import CoalitionInterchange

// The coalition report on the real data sets (Tests/Fixtures/data, sources in
// Tests/Fixtures/README.md): the findings an analyst of each kind of data reads first.

private func finding(_ d: ReportDocument, _ id: String) throws -> String {
  try #require(d.findings.first { $0.id == id }?.text, "no finding \(id) among \(d.findings.map(\.id))")
}

/// SIPRI's fact sheet "Trends in international arms transfers, 2021" (March 2022) gives, for
/// 2017–21: exporters USA 39%, Russia 19%, France 11%, China 4.6%, Germany 4.5%; importers India
/// 11%, Saudi Arabia 11%, Egypt 5.7%, Australia 5.4%, China 4.8%; the volume 4.6% below 2012–16;
/// US exports +14%, Russia's −26%, France's +59%, China's −31%, Germany's −19%.
@Test func sipriReportGivesTheFactSheetShares() throws {
  let r = try SIPRI.read(path: fixture("data/sipri_tiv_exports_processed_360info.csv"), years: YearRange(first: 2012, last: 2021))
  let view = try CoalitionNetwork(r.dataset).view(
    ViewFilter(window: DateWindow(from: PartialDate("2017"), to: PartialDate("2021")), dropIsolates: true))
  #expect(ReportShape.detect(view) == .flows)
  let doc = try CoalitionReport(view: view).document()
  let suppliers = try finding(doc, "flows.suppliers")
  #expect(suppliers.hasPrefix("Top suppliers: USA 38.6% (to 102 recipients), RUS 18.6% (to 44 recipients), FRA 10.7% (to 65 recipients), CHN 4.6% (to 46 recipients), DEU 4.5% (to 53 recipients)"), "\(suppliers)")
  let recipients = try finding(doc, "flows.recipients")
  #expect(recipients.hasPrefix("Top recipients: IND 11.3% (from 14 suppliers), SAU 11% (from 19 suppliers), EGY 5.7% (from 10 suppliers), AUS 5.4% (from 10 suppliers), CHN 4.8% (from 6 suppliers)"), "\(recipients)")
  let change = try finding(doc, "flows.change")
  #expect(change.hasPrefix("Against 2012–2016, the volume fell 4.6% "), "\(change)")
  #expect(change.contains("USA +14.2% ") && change.contains("RUS −26.4% ") && change.contains("FRA +58.8% ") && change.contains("CHN −31.2% ") && change.contains("DEU −19.5% "), "\(change)")
  #expect(try finding(doc, "flows.total").hasPrefix("Total volume 135,927 TIV (millions) over 905 routes"))
  // Ranked by volume, not betweenness: the largest exporter first, then the largest importers.
  #expect(doc.tables[0].rows.prefix(2).map { $0[1] } == [.text("USA"), .text("RUS")])
  #expect(!doc.findings.contains { $0.text.contains("shortest paths") })
}

@Test func atopReportNamesTheAllianceCommunitiesByTheirMembers() throws {
  let r = try ATOP.read(path: fixture("data/atop5_1_undirected_2018.csv"))
  let view = try CoalitionNetwork(r.dataset).view(
    ViewFilter(kinds: ["defense-pact"], window: .inForce(PartialDate("2018")!), dropIsolates: true))
  #expect(ReportShape.detect(view) == .alliances)
  let doc = try CoalitionReport(view: view).document()
  let communities = doc.findings.filter { $0.id.hasPrefix("alliances.community.") }
  #expect(communities.count >= 5)
  // The Americas around the United States (the Rio Treaty and NATO's North American members).
  let americas = try #require(communities.first { $0.actors.contains("USA") })
  #expect(americas.text.contains("Latin America & Caribbean"), "\(americas.text)")
  // The CSTO around Russia: Armenia, Belarus, Kazakhstan among the five best-connected.
  let csto = try #require(communities.first { $0.actors.contains("RUS") })
  #expect(["ARM", "BLR", "KAZ"].allSatisfy(csto.actors.contains), "\(csto.text)")
  #expect(csto.text.contains("8 actors"), "\(csto.text)")
  // Europe: France among the largest members, the region named.
  let europe = try #require(communities.first { $0.actors.contains("FRA") })
  #expect(europe.text.contains("Europe & Central Asia"), "\(europe.text)")
  // Every member of every community is listed in the community_members table.
  let members = try #require(doc.tables.first { $0.title == "community_members" })
  let listed = members.rows.compactMap { row -> [Substring]? in if case .text(let t) = row[3] { return t.split(separator: " ") } else { return nil } }
  #expect(listed.joined().count == view.nodeCount)
  let bridges = try finding(doc, "alliances.bridges")
  #expect(bridges.contains("USA (community"), "\(bridges)")
  #expect(try finding(doc, "alliances.most-partners").hasPrefix("USA (United States) has the most partners: 66 of the 145 other actors"))
}

@Test func gdeltReportPairsNoVerbalKindsAndSaysWhatReportedTiesLeave() throws {
  let r = try GDELT.read(path: fixture("data/gdelt2_20191024143000.export.CSV"))
  let network = try CoalitionNetwork(r.dataset)
  let view = try network.view(ViewFilter(dropIsolates: true))
  #expect(ReportShape.detect(view) == .events)
  let doc = try CoalitionReport(view: view).document()
  let exchanges = try #require(doc.tables.first { $0.title == "exchanges" })
  #expect(!exchanges.rows.isEmpty)
  for row in exchanges.rows {
    for c in [2, 3] {
      guard case .text(let id) = row[c], let k = network.index(ofKind: id) else { Issue.record("no kind in \(row)"); continue }
      #expect(network[k].materiality == .material, "\(id) in \(row)")
    }
  }
  // The sensitivity finding never prints a rank shared by every actor left without ties.
  let sensitivity = try finding(doc, "events.sensitivity")
  #expect(sensitivity.hasPrefix("174 of 182 ties rest only on alleged or assessed evidence. On reported ties alone 8 of 182 remain; 51 actors keep no tie"), "\(sensitivity)")
  #expect(!sensitivity.contains("→"))
  #expect(try finding(doc, "events.balance").hasPrefix("Of 183 observations between 107 pairs, 126 (68.9%) are cooperative and 57 (31.1%) hostile; net weight (|Goldstein|) +779"))
  let hostile = try finding(doc, "events.hostile")
  #expect(hostile.hasPrefix("The most hostile pairs: CAN–USA (4 hostile of 5"), "\(hostile)")
}
