import CoalitionGraph
import Testing

@testable import CoalitionMetrics

// Hand-worked on the seed (nodes RUS, CHN, PRK, IRN, USA, WEST, UKR). Its simple undirected graph
// has 8 pairs: inside the coalition RUS–CHN, RUS–PRK, RUS–IRN; across groups RUS–USA, RUS–WEST,
// RUS–UKR, CHN–USA, CHN–WEST. UKR is in no bloc, so it is a group of its own.
private let seedView = try! CoalitionNetwork(Dataset.seed).view()

@Test func eiIndexOfTheSeedByHand() {
  let ei = seedView.eiIndex()
  let (whole, blocs, actors) = (ei.whole, ei.blocs, ei.actors)
  #expect(whole.external == 5 && whole.inside == 3)
  #expect(whole.value == 0.25)
  // 21 pairs, 7 inside groups (6 in the coalition, 1 in the US bloc): 2·14/21 − 1.
  #expect(abs(whole.expected - 1.0 / 3) < 1e-12)
  #expect(blocs[0].external == 5 && blocs[0].inside == 3)
  #expect(abs(blocs[0].expected - 1.0 / 3) < 1e-12)  // (12 − 6)/18
  #expect(blocs[1].value == 1 && blocs[1].external == 4)
  #expect(abs(blocs[1].expected - 9.0 / 11) < 1e-12)  // (10 − 1)/11
  let rus = seedView.node(ofActor: "RUS")!
  let ukr = seedView.node(ofActor: "UKR")!
  #expect(actors[rus].value == 0 && actors[rus].expected == 0)
  #expect(actors[ukr].value == 1 && actors[ukr].expected == 1)
}

@Test func blocDensityImageMatrix() {
  let m = seedView.blocDensity()
  #expect(m == [[0.5, 0.5], [0.5, 0]])
  // Directed: coalition arcs inside = RUS↔CHN (2), RUS↔PRK (2), RUS↔IRN (2) of 12 possible.
  let d = seedView.blocDensity(directed: true)
  #expect(d[0][0] == 0.5)
  #expect(d[0][1] == 4.0 / 8)  // accusations and rivalry from RUS and CHN to USA and WEST
  #expect(d[1][0] == 2.0 / 8)  // rivalry is undirected: USA→RUS and WEST→RUS
}

@Test func multiplexMeasuresOfTheSeedByHand() throws {
  let kinds = seedView.kindsPresent.map { seedView.graph[$0].id }
  #expect(kinds.count == 10)
  let rus = seedView.node(ofActor: "RUS")!
  let prk = seedView.node(ofActor: "PRK")!
  #expect(seedView.overlappingDegree()[rus] == 14)
  let row = Dictionary(uniqueKeysWithValues: zip(kinds, seedView.degreeByKind()[rus]))
  #expect(row["diplomatic"] == 2 && row["military"] == 2 && row["accusation"] == 2 && row["war"] == 1)
  let p = seedView.participationCoefficient()
  #expect(abs(p[rus] - 10.0 / 9 * (1 - 22.0 / 196)) < 1e-12)
  #expect(abs(p[prk] - 10.0 / 9 * 0.75) < 1e-12)
  let dyads = Dictionary(uniqueKeysWithValues: seedView.dyadMultiplexity().map { ("\(seedView.actor($0.first).id)-\(seedView.actor($0.second).id)", $0.kinds) })
  #expect(dyads == ["RUS-CHN": 2, "RUS-PRK": 4, "RUS-IRN": 3, "RUS-USA": 2, "RUS-WEST": 2, "RUS-UKR": 1, "CHN-USA": 1, "CHN-WEST": 1])
  let overlap = seedView.layerOverlap()
  func j(_ a: String, _ b: String, _ m: [[Double]]) -> Double { m[kinds.firstIndex(of: a)!][kinds.firstIndex(of: b)!] }
  #expect(j("diplomatic", "media", overlap) == 0.5)
  #expect(abs(j("diplomatic", "military", overlap) - 1.0 / 3) < 1e-12)
  #expect(j("accusation", "rivalry", overlap) == 0.5)
  #expect(j("arms-transfer", "technology", overlap) == 1)  // same pair…
  #expect(j("arms-transfer", "technology", seedView.layerOverlap(directed: true)) == 0)  // …opposite directions
}
