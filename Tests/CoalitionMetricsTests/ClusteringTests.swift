import Foundation
import Testing

@testable import CoalitionMetrics

/// NetworkX and igraph clustering values of the reference graphs (scripts/reference/clustering_reference.py).
private func clusteringReference() throws -> [String: [String: Any]] {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference/clustering.json")
  let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  return try #require(root["graphs"] as? [String: [String: Any]])
}

/// Clustering as NetworkX defines it — unweighted, Onnela's weighted, and on directed graphs
/// Fagiolo's — and Barrat's as igraph does, to 1e-9 on every reference graph; the average and the
/// transitivity of the undirected graph too.
@Test(arguments: ReferenceGraph.all)
func clusteringConventionsMatchNetworkXAndIgraph(_ r: ReferenceGraph) throws {
  let want = try #require(try clusteringReference()[r.name])
  func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
  for (key, got) in [("clustering", r.graph.clustering()), ("clustering_weighted", r.graph.clustering(weighted: true))] {
    let expected = want[key] as! [Double]
    #expect(got.count == expected.count)
    for (k, (a, b)) in zip(got, expected).enumerated() { #expect(close(a, b), "\(r.name) \(key)[\(k)]: \(a) vs \(b)") }
  }
  #expect(close(r.graph.averageClustering(), want["average_clustering_undirected"] as! Double), "\(r.name) average")
  #expect(close(r.graph.transitivity(), want["transitivity_undirected"] as! Double), "\(r.name) transitivity")
  if let barrat = want["clustering_barrat"] as? [Any] {
    let got = r.graph.clusteringBarrat()
    #expect(got.count == barrat.count)
    for (k, (a, b)) in zip(got, barrat).enumerated() {
      if let b = b as? Double { #expect(close(a, b), "\(r.name) barrat[\(k)]: \(a) vs \(b)") } else { #expect(a.isNaN, "\(r.name) barrat[\(k)]") }
    }
  }
}
