import CoalitionGraph
import CoalitionMetrics
import CoalitionReports
import Testing

private let seedView = try! CoalitionNetwork(.seed).view()

/// Scores keyed by actor are the engine's values, node for node, under the actor of each node;
/// directional measures (in-/out-…) on the directed graph whatever `directed` says.
@Test(arguments: CentralityMeasure.allCases)
func viewScoresAreTheEngineValuesKeyedByActor(_ measure: CentralityMeasure) throws {
  for directed in [false, true] {
    let g = seedView.simpleGraph(directed: directed || measure.isDirectional)
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

/// Collapsing the seed into its blocs: one aggregate actor per bloc (and one for the actors in
/// none), and per pair and kind the density of ties between them, worked out by hand.
@Test func collapsingIntoBlocsGivesDensitiesBetweenThem() throws {
  let d = seedView.collapsed(.blocs)
  #expect(d.actors.map(\.name) == ["Coalition Russia is building", "The US and its allies", "In no bloc"])
  #expect(d.actors.allSatisfy { $0.type == .aggregate })
  #expect(d.validate().isEmpty, "\(d.validate())")
  func weight(_ a: String, _ b: String, _ kind: String) -> Double? {
    d.observations.first { $0.source == a && $0.target == b && $0.kind == kind }?.weight
  }
  // RUS and CHN accuse the USA and its allies: 4 of the 4 × 2 possible directed ties.
  #expect(weight("bloc-1", "bloc-2", "accusation") == 0.5)
  // Rivalry RUS–USA and RUS–WEST: 2 of 8 pairs.
  #expect(weight("bloc-1", "bloc-2", "rivalry") == 0.25)
  // War RUS → UKR: 1 of 4 × 1.
  #expect(weight("bloc-1", "no-bloc", "war") == 0.25)
  // Ties inside a bloc are not observations between groups.
  #expect(!d.observations.contains { $0.source == $0.target })
  #expect(d.observations.count == 3)
  let communities = seedView.collapsed(.communities)
  #expect(communities.validate().isEmpty && communities.actors.allSatisfy { $0.name.hasPrefix("Community ") })
  #expect(try CoalitionNetwork(communities).view().nodeCount == communities.actors.count)
}

/// An exchange pairs ties close in time: a delivery of 2017 is not answered by a pledge of 2024.
@Test func exchangesPairOnlyTiesCloseInTime() throws {
  func exchanges(_ given: String, _ returned: ObservationTime, gap: Int? = NetworkView.exchangeGapDays) throws -> Int {
    var d = Dataset(title: "exchange")
    d.observations = [
      TieObservation(source: "RUS", target: "PRK", kind: .technology, time: .on(PartialDate(given)!)),
      TieObservation(source: "PRK", target: "RUS", kind: .armsTransfer, time: returned),
    ]
    return try CoalitionNetwork(d).view().exchanges(within: gap).count
  }
  #expect(try exchanges("2017", .on(PartialDate("2024-03")!)) == 0)
  #expect(try exchanges("2017", .on(PartialDate("2024-03")!), gap: nil) == 1)
  #expect(try exchanges("2023-06", .on(PartialDate("2024-03")!)) == 1)
  #expect(try exchanges("2017", .ongoing(asOf: PartialDate("2024-03-20")!, since: PartialDate("2016"))) == 1, "an ongoing relation overlaps")
  #expect(try exchanges("2017", .between(from: PartialDate("2020-01-01"), to: PartialDate("2020-12-31"))) == 0, "three years apart")
  #expect(try exchanges("2018-06-01", .between(from: PartialDate("2020-01-01"), to: nil)) == 1, "577 days apart")
  // The seed's exchanges (all as of 2024-03-20) stay.
  #expect(seedView.exchanges().count == seedView.exchanges(within: nil).count && seedView.exchanges().count == 2)
}
