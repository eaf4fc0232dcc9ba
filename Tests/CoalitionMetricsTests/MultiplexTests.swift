import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionMetrics

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

/// Padgett's Florentine families as a two-kind dataset: business and marriage ties (Pajek file).
private func padgett() throws -> Dataset {
  let text = try String(contentsOf: fixtures.appendingPathComponent("networks/Padgett.paj"), encoding: .utf8)
  var names: [String] = []
  var section = ""
  var observations: [TieObservation] = []
  for raw in text.split(separator: "\n") {
    let line = raw.trimmingCharacters(in: .whitespaces)
    if line.hasPrefix("*Vector") { section = "vector"; continue }
    if line.hasPrefix("*Vertices") { section = section == "vector" ? "vector" : "vertices"; continue }
    if line.hasPrefix("*Arcs") { section = line.contains("Business") ? "business" : "marriage"; continue }
    if line.hasPrefix("*") { section = ""; continue }
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    if section == "vertices" {
      names.append(line.split(separator: "\"")[1].description)
    } else if section == "business" || section == "marriage", fields.count >= 2 {
      let (u, v) = (Int(fields[0])! - 1, Int(fields[1])! - 1)
      if u < v {
        observations.append(TieObservation(source: names[u], target: names[v], kind: section, time: .on(PartialDate("1434")!)))
      }
    }
  }
  return Dataset(
    title: "Padgett's Florentine families",
    kinds: [
      Kind(id: "business", polarity: .cooperative, materiality: .material, directed: false),
      Kind(id: "marriage", polarity: .cooperative, materiality: .material, directed: false),
    ],
    actors: names.map { CoalitionActor(id: $0, type: .group) }, observations: observations)
}

@Test func padgettMultiplexMatchesNetworkX() throws {
  let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/multiplex.json"))
  let want = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  let view = try CoalitionNetwork(try padgett()).view()
  #expect((0..<view.nodeCount).map { view.actor($0).id } == want["names"] as! [String])
  #expect(view.kindsPresent.map { view.graph[$0].id } == ["business", "marriage"])
  let byKind = view.degreeByKind()
  let degree = want["degree"] as! [String: [Int]]
  #expect(byKind.map { $0[0] } == degree["Business"]!)
  #expect(byKind.map { $0[1] } == degree["Marital"]!)
  #expect(view.overlappingDegree() == want["overlapping_degree"] as! [Int])
  for (got, w) in zip(view.participationCoefficient(), want["participation"] as! [Double]) { #expect(abs(got - w) < 1e-12) }
  #expect(abs(view.layerOverlap()[0][1] - (want["jaccard"] as! Double)) < 1e-12)
  let aggregate = view.simpleGraph(directed: false)
  #expect(aggregate.edgeCount == want["aggregate_edges"] as! Int)
  for (got, w) in zip(aggregate.betweenness(), want["aggregate_betweenness"] as! [Double]) { #expect(abs(got - w) < 1e-9) }
  for (got, w) in zip(try aggregate.pagerank(weighted: true), want["aggregate_pagerank_weighted"] as! [Double]) { #expect(abs(got - w) < 1e-9) }
  // Pairs tied in both ways (business and marriage) have multiplexity 2.
  #expect(view.dyadMultiplexity().filter { $0.kinds == 2 }.count == Int(((want["jaccard"] as! Double) * 27).rounded()))
}
