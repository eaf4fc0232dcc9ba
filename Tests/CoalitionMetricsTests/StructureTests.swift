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
  if r.directed {
    #expect(g.components() == want["weak_components"] as! [Int])
    #expect(g.strongComponents() == want["strong_components"] as! [Int])
    #expect(close(g.reciprocity(), want["reciprocity"] as! Double))
  } else {
    #expect(g.components() == want["components"] as! [Int])
    let (cuts, bridges) = g.cutVerticesAndBridges()
    #expect(cuts == want["articulation_points"] as! [Int], "\(r.name) cut vertices")
    #expect(bridges.map { [$0.0, $0.1] } == want["bridges"] as! [[Int]], "\(r.name) bridges")
    let clustering = want["clustering"] as! [Double]
    for (got, w) in zip(g.clustering(), clustering) { #expect(close(got, w), "\(r.name) clustering") }
    if let weighted = want["clustering_weighted"] as? [Double] {
      for (k, (got, w)) in zip(g.clustering(weighted: true), weighted).enumerated() { #expect(close(got, w), "\(r.name) weighted clustering \(k)") }
    }
    #expect(close(g.transitivity(), want["transitivity"] as! Double))
    #expect(g.maximalCliques() == want["max_cliques"] as! [[Int]], "\(r.name) cliques")
  }
}
