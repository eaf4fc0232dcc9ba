import CoalitionGraph
import CoalitionMetrics
import CoalitionReports
import Testing

private let seedView = try! CoalitionNetwork(.seed).view()

/// Scores keyed by actor are the engine's values, node for node, under the actor of each node.
@Test(arguments: CentralityMeasure.allCases)
func viewScoresAreTheEngineValuesKeyedByActor(_ measure: CentralityMeasure) throws {
  for directed in [false, true] {
    let g = seedView.simpleGraph(directed: directed)
    let engine: [Double]
    do { engine = try measure.values(on: g, length: .hops) } catch { continue }  // directed eigenvector may be undefined
    let keyed = try seedView.scores(measure, directed: directed)
    #expect(keyed.values.count == engine.count && keyed.actors.count == engine.count)
    for v in 0..<seedView.nodeCount {
      let id = seedView.actor(v).id
      let value = try #require(keyed[id])
      #expect(value == engine[v] || (value.isNaN && engine[v].isNaN), "\(measure) \(id)")
      #expect(keyed[v] == value || value.isNaN)
    }
    #expect(keyed["ATLANTIS"] == nil)
  }
}

@Test func pagerankAndFriendsAreReachableFromAView() throws {
  let pr = try seedView.pagerank(directed: true)
  #expect(pr.values == (try seedView.simpleGraph(directed: true).pagerank()))
  let reversed = try seedView.pagerank(directed: true, reversed: true)
  #expect(reversed.values == (try seedView.simpleGraph(directed: true).pagerank(reversed: true)))
  #expect(try seedView.eigenvector().values == seedView.simpleGraph(directed: false).eigenvector())
  #expect(try seedView.katz().values == CentralityMeasure.katz.values(on: seedView.simpleGraph(directed: false), length: .hops))
  let ranked = pr.ranked()
  #expect(ranked.count == seedView.nodeCount)
  #expect(ranked.first?.actor == "RUS" && ranked.first?.rank == 1)
  #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.value >= $1.value && $0.rank <= $1.rank })
  #expect(pr.byActor.count == seedView.nodeCount && pr.byActor["RUS"] == pr["RUS"])
}

@Test func rankingPutsUndefinedScoresLastAndSharesRanks() {
  let s = ActorScores(name: "x", actors: ["A", "B", "C", "D", "E"], values: [.nan, 2, 5, 2, .nan])
  #expect(s.ranking == [2, 1, 3, 0, 4])
  #expect(s.ranks == [4, 2, 1, 2, 4])
  #expect(s.ranked().map(\.actor) == ["C", "B", "D", "A", "E"])
}

@Test func centralityReportSortsByAnyOfItsMeasures() throws {
  var report = CentralityReport(view: seedView, directed: false, measures: [.betweenness, .pagerank, .constraint], length: .hops)
  let byFirst = try report.table()
  report.sortBy = .pagerank
  let byPageRank = try report.table()
  let pr = try seedView.scores(.pagerank)
  #expect(byPageRank.rows.count == seedView.nodeCount)
  #expect(byPageRank.rows.map { $0[1] } == pr.ranking.map { .text(pr.actors[$0]) })
  #expect(byPageRank.rows.map { $0[0] } == pr.ranking.map { .integer(pr.ranks[$0]) })
  #expect(byFirst.rows.map { $0[1] } != byPageRank.rows.map { $0[1] })
  // Constraint is NaN for isolates; sorting by it still gives every row, NaN last.
  report.sortBy = .constraint
  #expect(try report.table().rows.count == seedView.nodeCount)
  report.sortBy = .katz
  #expect(throws: MetricError.self) { try report.table() }
}
