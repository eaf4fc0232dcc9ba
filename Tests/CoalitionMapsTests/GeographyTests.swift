import CoalitionGraph
import Testing

@testable import CoalitionMaps

@Test func capitalsFollowTheirDatesAndCentresFillIn() throws {
  #expect(Geography.place(of: "BRA", on: PartialDate("1955"))?.capital == "Rio de Janeiro")
  #expect(Geography.place(of: "BRA", on: PartialDate("2000"))?.capital == "Brasilia" || Geography.place(of: "BRA", on: PartialDate("2000"))?.capital == "Brasília")
  #expect(Geography.place(of: "RUS")?.capital == "Moscow")
  #expect(Geography.place(of: "DDR")?.capital == "East Berlin" || Geography.place(of: "DDR")?.capital?.contains("Berlin") == true)
  // A country without a COW capital gets its centre.
  let greenland = try #require(Geography.place(of: "GRL"))
  #expect(greenland.capital == nil && greenland.latitude > 60)
  #expect(Geography.place(of: "WEST") == nil)
}

/// Every pair of states keeps its east/west and north/south order on the map.
@Test func geographicPositionsKeepTheOrderOfTheCapitals() throws {
  let states = ["USA", "GBR", "FRA", "DEU", "RUS", "CHN", "JPN", "PRK", "IRN", "IND", "BRA", "ZAF", "AUS", "EGY", "UKR"]
  var d = Dataset(title: "states")
  d.actors = states.map { CoalitionActor(id: $0) } + [CoalitionActor(id: "WAG", name: "Wagner", type: .group, affiliation: "RUS")]
  d.observations = zip(states, states.dropFirst()).map { TieObservation(source: $0, target: $1, kind: .diplomatic, time: .on(PartialDate("2020")!)) }
    + [TieObservation(source: "WAG", target: "UKR", kind: .war, time: .on(PartialDate("2022")!))]
  let view = try CoalitionNetwork(d).view()
  let positions = GeographicLayout().positions(of: view)
  #expect(positions.count == view.nodeCount)
  for a in states {
    for b in states where a < b {
      let (pa, pb) = (Geography.place(of: a)!, Geography.place(of: b)!)
      let (va, vb) = (view.node(ofActor: a)!, view.node(ofActor: b)!)
      #expect((pa.longitude < pb.longitude) == (positions[va].x < positions[vb].x), "\(a) \(b) east/west")
      #expect((pa.latitude < pb.latitude) == (positions[va].y < positions[vb].y), "\(a) \(b) north/south")
    }
  }
  // The non-state actor stands beside its affiliation.
  let (wag, rus) = (positions[view.node(ofActor: "WAG")!], positions[view.node(ofActor: "RUS")!])
  #expect(abs(wag.x - rus.x) < 100 && abs(wag.y - rus.y) < 100 && (wag.x, wag.y) != (rus.x, rus.y))
}

/// Separation leaves no two points closer than the spacing in both directions and reverses no
/// order, on random clouds with ties and duplicates.
@Test(arguments: 0..<20)
func separationRemovesOverlapsAndKeepsEveryOrder(_ seed: Int) {
  var rng = SplitMix64(seed: UInt64(seed))
  let n = 5 + Int(rng.next() % 60)
  let points: [(x: Double, y: Double)] = (0..<n).map { _ in (Double(rng.next() % 40), Double(rng.next() % 25)) }  // many ties
  let d = 3.0
  let out = GeographicLayout.separate(points, by: d)
  #expect(out.count == n)
  for i in 0..<n {
    for j in 0..<n where i < j {
      #expect(abs(out[i].x - out[j].x) >= d - 1e-9 || abs(out[i].y - out[j].y) >= d - 1e-9, "seed \(seed): \(i) and \(j) overlap")
      if points[i].x < points[j].x { #expect(out[i].x < out[j].x) }
      if points[i].x > points[j].x { #expect(out[i].x > out[j].x) }
      if points[i].y < points[j].y { #expect(out[i].y < out[j].y) }
      if points[i].y > points[j].y { #expect(out[i].y > out[j].y) }
    }
  }
}
