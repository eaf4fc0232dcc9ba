import Foundation
import Testing

@testable import CoalitionMetrics

/// The five Gould–Fernandez roles of every node equal sna's `brokerage` on 12 seeded random
/// directed graphs with random groups, one of them a single group
/// (scripts/reference/brokerage_reference.R).
@Test func brokerageRolesAgreeWithSna() throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference/brokerage.json")
  let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  let cases = try #require(root["cases"] as? [[String: [Double]]])
  #expect(cases.count == 12)
  var roles = 0
  for c in cases {
    let n = Int(c["n"]![0])
    let (sources, targets) = (c["sources"]!.map { Int32($0) }, c["targets"]!.map { Int32($0) })
    #expect(sources.count == targets.count)
    let graph = SimpleGraph(nodeCount: n, sources: sources, targets: targets, weights: nil, directed: true)
    let ours = graph.brokerage(groups: c["groups"]!.map { Int($0) })
    #expect(ours.count == n)
    for v in 0..<n {
      #expect(Double(ours[v].coordinator) == c["coordinator"]![v])
      #expect(Double(ours[v].consultant) == c["itinerant"]![v])
      #expect(Double(ours[v].representative) == c["representative"]![v])
      #expect(Double(ours[v].gatekeeper) == c["gatekeeper"]![v])
      #expect(Double(ours[v].liaison) == c["liaison"]![v])
      roles += ours[v].total
    }
  }
  #expect(roles > 500, "the graphs broker enough to test")
}
