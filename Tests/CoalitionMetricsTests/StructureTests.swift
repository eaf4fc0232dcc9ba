import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionMetrics

/// NetworkX 3.6.1 values for the reference graphs (scripts/reference/structure_reference.py).
private func structureReference() throws -> [String: [String: Any]] {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference/structure.json")
  let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  return try #require(root["graphs"] as? [String: [String: Any]])
}

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

@Test(arguments: ReferenceGraph.all)
func structureMatchesNetworkX(_ r: ReferenceGraph) throws {
  let want = try #require(try structureReference()[r.name])
  let g = r.graph
  #expect(close(g.density(), want["density"] as! Double))
  #expect(g.coreNumbers() == want["core_number"] as! [Int])
  let partition = want["partition"] as! [Int]
  for resolution in [1.0, 0.5] {
    #expect(close(g.modularity(partition: partition, resolution: resolution), want["modularity_r\(resolution)"] as! Double), "\(r.name) Q γ=\(resolution)")
    if let weighted = want["modularity_weighted_r\(resolution)"] as? Double {
      #expect(close(g.modularity(partition: partition, resolution: resolution, weighted: true), weighted), "\(r.name) weighted Q")
    }
  }
  #expect(close(g.assortativity(labels: partition), want["assortativity_block"] as! Double), "\(r.name) assortativity")
  // Who carries the paths between blocks, and how a node's partners spread over them.
  let across = g.betweennessAcrossGroups(partition, normalized: false), acrossWant = want["betweenness_across_blocks"] as! [Double]
  #expect(across.count == acrossWant.count)
  for (k, (got, w)) in zip(across, acrossWant).enumerated() { #expect(close(got, w), "\(r.name) betweenness across blocks[\(k)]: \(got) vs \(w)") }
  let participation = g.participationCoefficient(groups: partition), participationWant = want["participation_blocks"] as! [Any]
  #expect(participation.count == participationWant.count)
  for (k, (got, w)) in zip(participation, participationWant).enumerated() {
    if let w = w as? Double { #expect(close(got, w), "\(r.name) participation[\(k)]") } else { #expect(got.isNaN, "\(r.name) participation[\(k)]") }
  }
  if r.directed {
    #expect(g.components() == want["weak_components"] as! [Int])
    #expect(g.strongComponents() == want["strong_components"] as! [Int])
    #expect(close(g.reciprocity(), want["reciprocity"] as! Double))
  } else {
    #expect(g.components() == want["components"] as! [Int])
    let found = g.cutVerticesAndBridges()
    let (cuts, bridges) = (found.articulationPoints, found.bridges)
    #expect(cuts == want["articulation_points"] as! [Int], "\(r.name) cut vertices")
    #expect(bridges.map { [$0.first, $0.second] } == want["bridges"] as! [[Int]], "\(r.name) bridges")
    let clustering = want["clustering"] as! [Double]
    for (got, w) in zip(g.clustering(), clustering) { #expect(close(got, w), "\(r.name) clustering") }
    if let weighted = want["clustering_weighted"] as? [Double] {
      for (k, (got, w)) in zip(g.clustering(weighted: true), weighted).enumerated() { #expect(close(got, w), "\(r.name) weighted clustering \(k)") }
    }
    #expect(close(g.transitivity(), want["transitivity"] as! Double))
    #expect(g.maximalCliques() == want["max_cliques"] as! [[Int]], "\(r.name) cliques")
  }
}

@Test(arguments: ReferenceGraph.all)
func burtConstraintAndEffectiveSizeMatchNetworkX(_ r: ReferenceGraph) throws {
  let want = try #require(try structureReference()[r.name])
  let cases: [(String, [Double])] = [
    ("constraint", r.graph.constraint()), ("effective_size", r.graph.effectiveSize()),
  ] + (r.weighted ? [("constraint_weighted", r.graph.constraint(weighted: true)), ("effective_size_weighted", r.graph.effectiveSize(weighted: true))] : [])
  for (key, got) in cases {
    let reference = try #require(want[key] as? [Any])
    for (i, (g, w)) in zip(got, reference).enumerated() {
      if let w = w as? Double {
        #expect(close(g, w), "\(r.name) \(key)[\(i)]: \(g) vs \(w)")
      } else if r.directed && r.graph.inRowStart[i + 1] > r.graph.inRowStart[i] {
        // NetworkX's per-node path calls a node without out-edges isolated even when others tie
        // to it; such an actor has contacts, so it gets a value here.
        #expect(g.isFinite, "\(r.name) \(key)[\(i)]")
      } else {
        #expect(g.isNaN, "\(r.name) \(key)[\(i)] should be NaN")
      }
    }
  }
}

/// One open two-path per role around broker b = 1 (groups: 0 → A, 1 → B, ...), each built by hand.
@Test func gouldFernandezRolesByHand() {
  // nodes: 0 a, 1 broker, 2 c; groups vary per case; closed triads do not count.
  let cases: [([Int], KeyPath<BrokerageRoles, Int>)] = [
    ([0, 0, 0], \.coordinator), ([0, 1, 0], \.consultant), ([0, 1, 1], \.gatekeeper), ([0, 0, 1], \.representative),
    ([0, 1, 2], \.liaison),
  ]
  for (groups, role) in cases {
    let open = SimpleGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 1), WeightedEdge(1, 2, 1)], directed: true).brokerage(groups: groups)
    #expect(open[1][keyPath: role] == 1 && open[1].total == 1, "\(groups)")
    #expect(open[0].total == 0 && open[2].total == 0)
    let closed = SimpleGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 1), WeightedEdge(1, 2, 1), WeightedEdge(0, 2, 1)], directed: true).brokerage(groups: groups)
    #expect(closed[1].total == 0)
  }
}

@Test func seedBrokerage() throws {
  let view = try CoalitionNetwork(Dataset.seed).view()
  let roles = view.brokerage()
  let rus = roles[view.node(ofActor: "RUS")!]
  // RUS links PRK/IRN/CHN (coalition) to USA/WEST and UKR, and coalition partners to each other.
  #expect(rus.total > 0)
  #expect(rus.coordinator == 6)  // CHN, PRK, IRN ordered pairs among themselves, none directly tied
  #expect(roles[view.node(ofActor: "UKR")!].total == 0)
}

@Test(arguments: ReferenceGraph.all)
func louvainReachesThePeersModularityAndIsDeterministic(_ r: ReferenceGraph) throws {
  let want = try #require(try structureReference()[r.name])
  let found = r.graph.louvain(weighted: false, seed: 7)
  let (partition, q) = (found.partition, found.modularity)
  #expect(partition.count == r.graph.nodeCount)
  #expect(abs(q - r.graph.undirectedCopy.modularity(partition: partition)) < 1e-12)
  let best = max(want["louvain_networkx_modularity"] as! Double, want["louvain_igraph_modularity"] as! Double)
  #expect(q >= best - 0.01, "\(r.name): \(q) vs peers' \(best)")
  #expect(r.graph.louvain(weighted: false, seed: 7).partition == partition)
  // Labels are numbered by smallest node.
  var seen = -1
  for c in partition where c > seen {
    #expect(c == seen + 1)
    seen = c
  }
}

@Test(arguments: ReferenceGraph.all)
func partitionComparisonMatchesIgraph(_ r: ReferenceGraph) throws {
  let want = try #require(try structureReference()[r.name])
  let (a, b) = (want["partition"] as! [Int], want["other_partition"] as! [Int])
  #expect(close(PartitionComparison.normalizedMutualInformation(a, b), want["nmi_igraph"] as! Double))
  #expect(close(PartitionComparison.adjustedRandIndex(a, b), want["ari_igraph"] as! Double))
  #expect(PartitionComparison.normalizedMutualInformation(a, a) == 1)
  #expect(PartitionComparison.adjustedRandIndex(b, b) == 1)
}
