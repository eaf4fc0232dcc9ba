import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionMetrics

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The R reference (scripts/reference/permutation_reference.R) of one case, by statistic.
private func reference(_ name: String) throws -> (labellings: Int, statistics: [String: [String: Double]]) {
  let data = try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/reference/permutation.json"))
  let cases = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cases"] as? [String: Any]
  let c = try #require(cases?[name] as? [String: Any])
  let statistics = try #require(c["statistics"] as? [String: [String: Double]])
  return (try #require(c["labellings"] as? Int), statistics)
}

/// Our results keyed as the reference keys them: "ei", "ei <bloc id>", "density <a> <b>", ….
private func keyed(_ test: BlocPermutationTest, blocs: [String]) -> [String: PermutationResult] {
  var out: [String: PermutationResult?] = ["ei": test.ei, "assortativity": test.assortativity, "modularity": test.modularity]
  for (b, id) in blocs.enumerated() {
    out["ei \(id)"] = test.blocEI[b]
    for (c, other) in blocs.enumerated() { out["density \(id) \(other)"] = test.density[b][c] }
  }
  return out.compactMapValues { $0 }
}

/// The seed's 105 labellings enumerated: every mean, sd and p-value as R's own enumeration gives
/// it, to rounding; the E-I finding's p-value, 3/105, among them.
@Test func seedBlocTestIsExactAndAgreesWithR() throws {
  let view = try CoalitionNetwork(.seed).view()
  let test = try #require(view.blocPermutationTest(threads: 2))
  let r = try reference("seed")
  #expect(test.exact && test.labellings == 105 && test.evaluated == r.labellings)
  let ours = keyed(test, blocs: view.graph.blocs.map(\.bloc.id))
  #expect(Set(ours.keys) == Set(r.statistics.keys), "\(ours.keys.sorted()) vs \(r.statistics.keys.sorted())")
  for (name, x) in ours {
    let y = try #require(r.statistics[name])
    for (field, a, b) in [("observed", x.observed, y["observed"]!), ("mean", x.mean, y["mean"]!), ("sd", x.sd, y["sd"]!),
      ("p_greater", x.pGreater, y["p_greater"]!), ("p_less", x.pLess, y["p_less"]!)] {
      #expect(abs(a - b) <= 1e-12, "\(name) \(field): \(a) vs R \(b)")
    }
  }
  #expect(abs(try #require(test.ei).pLess - 3.0 / 105) < 1e-15)
  // The same on one thread, and the observed values are the package's own measures.
  #expect(view.blocPermutationTest(threads: 1) == test)
  let ei = view.eiIndex(polarity: .cooperative)
  #expect(test.ei?.observed == ei.whole.value && test.blocEI[0]?.observed == ei.blocs[0].value)
  let density = view.blocDensity()
  #expect(test.density[0][1]?.observed == density[0][1])
}

/// The UN alignment data (20 actors, 55 million labellings) by random draws: observed values
/// equal R's; means and p-values within Monte Carlo error of R's own 10,000 draws (a 99.9 %
/// binomial band, at most 0.01 apart from rounding of tiny p); the same for any thread count.
@Test func alignmentBlocTestAgreesWithRWithinMonteCarloError() throws {
  let json = try Data(contentsOf: root.appendingPathComponent("docs/alignment-2015-2019.json"))
  let view = try CoalitionNetwork(try Dataset(json: Array(json))).view()
  let test = try #require(view.blocPermutationTest(permutations: 10_000, seed: 7, threads: 2))
  #expect(!test.exact && test.evaluated == 10_000 && test.labellings == 55_426_800)
  let r = try reference("alignment")
  let ours = keyed(test, blocs: view.graph.blocs.map(\.bloc.id))
  #expect(Set(ours.keys) == Set(r.statistics.keys))
  for (name, x) in ours {
    let y = try #require(r.statistics[name])
    #expect(abs(x.observed - y["observed"]!) <= 1e-12, "\(name)")
    #expect(abs(x.mean - y["mean"]!) <= 4 * y["sd"]! * (2.0 / 10_000).squareRoot() + 1e-12, "\(name) mean \(x.mean) vs R \(y["mean"]!)")
    for (a, b) in [(x.pGreater, y["p_greater"]!), (x.pLess, y["p_less"]!)] {
      let p = (a + b) / 2
      let band = 3.29 * (p * (1 - p) * 2 / 10_000).squareRoot() + 2.0 / 10_000
      #expect(abs(a - b) <= band, "\(name): p \(a) vs R \(b)")
    }
  }
  // Modularity and assortativity are the package's own (checked against NetworkX elsewhere).
  let paths = view.simpleGraph(directed: false, polarity: .cooperative)
  let groups = BlocAssignment(view: view).group
  #expect(abs(try #require(test.modularity).observed - paths.modularity(partition: groups)) < 1e-12)
  #expect(abs(try #require(test.assortativity).observed - paths.assortativity(labels: groups)) < 1e-12)
  #expect(view.blocPermutationTest(permutations: 10_000, seed: 7, threads: 1) == test)
  #expect(view.blocPermutationTest(permutations: 10_000, seed: 8, threads: 2) != test)
}

/// Counting and enumerating labellings: the multinomial count, and the lexicographic walk visits
/// each distinct arrangement once before returning to the first.
@Test func labellingsAreCountedAndEachVisitedOnce() {
  #expect(NetworkView.labellings([0, 0, 0, 0, 1, 1, -1]) == 105)
  #expect(NetworkView.labellings(Array(repeating: 0, count: 10) + Array(repeating: 1, count: 10)) == 184_756)
  #expect(abs(NetworkView.labellingsLog10([0, 0, 0, 0, 1, 1, -1]) - log10(105)) < 1e-12)
  // 3,000 members of three blocs among 10,000 actors: beyond Double, but its logarithm is finite
  // (10000! / (1000!³ · 7000!), summed as Σ log k).
  let big = (0..<10_000).map { $0 < 3_000 ? $0 % 3 : -1 }
  #expect(NetworkView.labellings(big) == .infinity)
  func logFactorial(_ n: Int) -> Double { (1...n).reduce(0.0) { $0 + log10(Double($1)) } }
  let direct: Double = logFactorial(10_000) - 3 * logFactorial(1_000) - logFactorial(7_000)
  #expect(abs(NetworkView.labellingsLog10(big) - direct) < 1e-6)
  var labels = [-1, 0, 0, 1, 1, 1]
  var seen = Set<[Int]>()
  for _ in 0..<60 {
    seen.insert(labels)
    NetworkView.nextLabelling(&labels)
  }
  #expect(seen.count == 60 && labels == [-1, 0, 0, 1, 1, 1])
}
