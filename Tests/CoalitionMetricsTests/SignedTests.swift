import CoalitionGraph
import Testing

@testable import CoalitionMetrics

/// The four triangle types of structural balance theory (Cartwright and Harary 1956): +++ and +−−
/// are balanced, ++− and −−− are not.
@Test func triangleCensusClassifiesTheFourTypes() {
  for (signs, kind) in [([1, 1, 1], 0), ([1, 1, -1], 1), ([1, -1, -1], 2), ([-1, -1, -1], 3)] {
    let g = SignedGraph(nodeCount: 3, edges: [SignedEdge(0, 1, sign: signs[0]), SignedEdge(1, 2, sign: signs[1]), SignedEdge(0, 2, sign: signs[2])])
    var want = [0, 0, 0, 0]
    want[kind] = 1
    #expect(g.triangleCensus() == want)
    #expect(g.balanceRatio() == (kind == 0 || kind == 2 ? 1 : 0))
    #expect((g.hararySplit() != nil) == (kind == 0 || kind == 2))
    #expect(g.minimumFrustration().frustration == (kind == 0 || kind == 2 ? 0 : 1))
  }
}

@Test func hararySplitFindsTheTwoCamps() throws {
  // Two camps {0, 1} and {2, 3}, friends inside, enemies across, plus an isolate 4.
  let g = SignedGraph(nodeCount: 5, edges: [SignedEdge(0, 1, sign: 1), SignedEdge(2, 3, sign: 1), SignedEdge(0, 2, sign: -1), SignedEdge(1, 3, sign: -1), SignedEdge(0, 3, sign: -1)])
  #expect(try #require(g.hararySplit()) == [0, 0, 1, 1, 0])
  #expect(g.frustration(of: [0, 0, 1, 1, 0]) == 0)
  #expect(g.frustration(of: [0, 1, 0, 1, 0]) == 4)
  let m = g.minimumFrustration()
  #expect(m.frustration == 0 && m.exact && m.balance == 1)
}

/// The exact solver agrees with trying every split directly; the local search never beats it and
/// recovers a planted split with few flipped edges (its proven bound never passes it).
@Test func minimumFrustrationExactAndHeuristic() {
  var rng = SplitMix64(seed: 5)
  for _ in 0..<15 {
    let n = 3 + Int(rng.next() % 9)
    var edges: [SignedEdge] = []
    for u in 0..<n { for v in u + 1..<n where rng.next() % 2 == 0 { edges.append(SignedEdge(u, v, sign: rng.next() % 2 == 0 ? 1 : -1)) } }
    let g = SignedGraph(nodeCount: n, edges: edges)
    var brute = Int.max
    for mask in 0..<(1 << n) { brute = min(brute, g.frustration(of: (0..<n).map { (mask >> $0) & 1 })) }
    let m = g.minimumFrustration()
    #expect(m.frustration == brute && m.exact)
    #expect(g.frustration(of: m.split) == m.frustration)
  }
  // 40 nodes: planted camps, 5 edges made frustrated on purpose.
  var edges: [SignedEdge] = []
  for u in 0..<40 {
    for v in u + 1..<40 where rng.next() % 5 == 0 { edges.append(SignedEdge(u, v, sign: (u < 20) == (v < 20) ? 1 : -1)) }
  }
  for k in 0..<5 { edges[k * 7].sign *= -1 }
  // The local search finds the planted split, and the packing of unbalanced cycles proves it.
  let big = SignedGraph(nodeCount: 40, edges: edges).minimumFrustration()
  #expect(big.frustration <= 5)
  #expect(big.lowerBound <= big.frustration)
  #expect(big.method == .localSearch)
}

/// PN centrality equals its power series Σ βᵏAᵏ·1 with β = 1/(2n−2), summed directly.
@Test func pnCentralityMatchesItsSeries() {
  let g = SignedGraph(nodeCount: 5, edges: [SignedEdge(0, 1, sign: 1), SignedEdge(1, 2, sign: 1), SignedEdge(2, 3, sign: -1), SignedEdge(3, 4, sign: 1), SignedEdge(0, 4, sign: -1), SignedEdge(1, 3, sign: 1)])
  let beta = 1.0 / 8
  var term = [Double](repeating: 1, count: 5)
  var sum = term
  for _ in 0..<200 {
    var next = [Double](repeating: 0, count: 5)
    for e in g.edges {
      let a = e.sign > 0 ? 1.0 : -2.0
      next[e.u] += beta * a * term[e.v]
      next[e.v] += beta * a * term[e.u]
    }
    term = next
    for i in 0..<5 { sum[i] += term[i] }
  }
  for (x, y) in zip(g.pnCentrality(), sum) { #expect(abs(x - y) < 1e-12) }
}

@Test func signedModularityReducesToModularityWithoutNegativeTies() {
  let g = SignedGraph(nodeCount: 4, edges: [SignedEdge(0, 1, sign: 1), SignedEdge(2, 3, sign: 1), SignedEdge(1, 2, sign: 1)])
  let plain = SimpleGraph(nodeCount: 4, edges: [WeightedEdge(0, 1, 1), WeightedEdge(2, 3, 1), WeightedEdge(1, 2, 1)], directed: false)
  #expect(abs(g.modularity(partition: [0, 0, 1, 1]) - plain.modularity(partition: [0, 0, 1, 1])) < 1e-15)
  // Negative ties across the groups raise it: Q⁻ of the cross edge is negative.
  let h = SignedGraph(nodeCount: 4, edges: [SignedEdge(0, 1, sign: 1), SignedEdge(2, 3, sign: 1), SignedEdge(1, 2, sign: -1)])
  #expect(h.modularity(partition: [0, 0, 1, 1]) > g.modularity(partition: [0, 0, 1, 1]))
}

@Test func seedIsBalancedBetweenTheCoalitionAndItsAdversaries() throws {
  let view = try CoalitionNetwork(Dataset.seed).view()
  let signed = view.signedGraph()
  #expect(signed.mixedPairs.isEmpty)
  #expect(signed.triangleCensus() == [0, 0, 2, 0])  // RUS–CHN friends, both hostile to USA and to WEST
  let split = try #require(signed.hararySplit())
  let camps = Dictionary(grouping: (0..<view.nodeCount).map { view.actor($0).id }, by: { split[view.node(ofActor: $0)!] })
  #expect(Set(camps[0]!) == ["RUS", "CHN", "PRK", "IRN"])
  #expect(Set(camps[1]!) == ["USA", "WEST", "UKR"])
}

@Test func mixedPairsFollowTheRuleAndAreReported() throws {
  let d = Dataset(observations: [
    TieObservation(source: "CHN", target: "IND", kind: "economic", time: .on(PartialDate("2020")!), weight: 3),
    TieObservation(source: "CHN", target: "IND", kind: "war", time: .on(PartialDate("2020")!), weight: 1),
    TieObservation(source: "CHN", target: "PAK", kind: "military", time: .on(PartialDate("2020")!)),
  ])
  let view = try CoalitionNetwork(d).view()
  for (rule, sign) in [(MixedPairRule.majority, 1), (.hostileWins, -1), (.cooperativeWins, 1), (.drop, 0)] {
    let g = view.signedGraph(rule: rule)
    #expect(g.mixedPairs.count == 1 && g.mixedPairs[0].sign == sign && g.mixedPairs[0].cooperative == 3)
    #expect(g.edges.count == (sign == 0 ? 1 : 2))
  }
}

/// Worked by hand: a pentagon with one negative edge is one unbalanced cycle of five edges (no
/// triangle, so a packing of triangles proves nothing); two unbalanced triangles that share an
/// edge of weight 2 each take 1 from it; every packed cycle is unbalanced and simple, and no edge
/// gives more than its weight.
@Test func cyclePackingProvesWhatTrianglesCannot() {
  let pentagon = FrustrationProblem(nodeCount: 5, edges: (0..<5).map { WeightedSignedEdge(u: $0, v: ($0 + 1) % 5, sign: $0 == 0 ? -1 : 1, weight: 1) })
  #expect(FrustrationReduction.cyclePacking(pentagon).bound == 1)
  #expect(FrustrationReduction.cyclePacking(pentagon, longest: 4).bound == 0)
  let shared = FrustrationProblem(nodeCount: 4, edges: [
    WeightedSignedEdge(u: 0, v: 1, sign: -1, weight: 2), WeightedSignedEdge(u: 0, v: 2, sign: 1, weight: 1), WeightedSignedEdge(u: 1, v: 2, sign: 1, weight: 1),
    WeightedSignedEdge(u: 0, v: 3, sign: 1, weight: 1), WeightedSignedEdge(u: 1, v: 3, sign: 1, weight: 1),
  ])
  let packing = FrustrationReduction.cyclePacking(shared)
  #expect(packing.bound == 2)
  #expect(packing.cycles.count == 2)
  // On a random signed graph: each cycle closes, has an odd number of negative edges, repeats no
  // edge, and the cycles together use no edge beyond its weight.
  var rng = SplitMix64(seed: 5)
  var pairs = Set<[Int]>()
  while pairs.count < 300 {
    let (u, v) = (Int(rng.next() % 60), Int(rng.next() % 60))
    if u != v { pairs.insert([min(u, v), max(u, v)]) }
  }
  let edges = pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { WeightedSignedEdge(u: $0[0], v: $0[1], sign: rng.next() % 3 == 0 ? -1 : 1, weight: 1 + Int(rng.next() % 3)) }
  let random = FrustrationProblem(nodeCount: 60, edges: edges)
  let result = FrustrationReduction.cyclePacking(random)
  #expect(result.bound > 0)
  var used = [Int](repeating: 0, count: edges.count)
  for cycle in result.cycles {
    #expect(Set(cycle).count == cycle.count)
    #expect(cycle.filter { edges[$0].sign < 0 }.count % 2 == 1)
    var degree: [Int: Int] = [:]
    for k in cycle {
      degree[edges[k].u, default: 0] += 1
      degree[edges[k].v, default: 0] += 1
    }
    #expect(degree.values.allSatisfy { $0 == 2 })
    for k in cycle { used[k] += 1 }
  }
  #expect(result.cycles.count >= result.bound / 3)
  #expect(result.bound <= zip(used, edges).reduce(0) { $0 + min($1.0, $1.1.weight) })
}
