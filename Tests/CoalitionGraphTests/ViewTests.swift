import Testing

@testable import CoalitionGraph

private let seed = try! CoalitionNetwork(Dataset.seed)

private func tie(_ v: NetworkView, _ s: String, _ t: String, _ kind: String) throws -> Tie? {
  v.ties.first { v.graph[$0.source].id == s && v.graph[$0.target].id == t && v.graph[$0.kind].id == kind }
}

@Test func seedHasEveryActorAndTieOfTheCoding() throws {
  let v = try seed.view()
  #expect(seed.actors.map(\.id) == ["RUS", "CHN", "PRK", "IRN", "USA", "WEST", "UKR"])
  #expect(seed.observationCount == 18)
  #expect(v.ties.count == 16)
  // Two observations (missiles, shells) make one arms-transfer tie of weight 2.
  let arms = try tie(v, "PRK", "RUS", "arms-transfer")
  #expect(arms?.count == 2 && arms?.weight == 2 && arms?.directed == true)
  // Undirected ties are stored from the lower actor index: IRN→RUS talks become RUS–IRN.
  #expect(try tie(v, "RUS", "IRN", "diplomatic")?.directed == false)
  #expect(try tie(v, "IRN", "RUS", "diplomatic") == nil)
  // A reported and an assessed observation: the tie is as firm as its firmest observation.
  #expect(try tie(v, "RUS", "CHN", "diplomatic")?.confidence == .reported)
  #expect(try tie(v, "RUS", "PRK", "technology")?.confidence == .alleged)
  #expect(try tie(v, "RUS", "UKR", "war")?.directed == true)
  #expect(Set(v.kindsPresent.map { seed[$0].id }) == [
    "diplomatic", "military", "arms-transfer", "technology", "media", "security", "support", "accusation", "rivalry", "war",
  ])
}

@Test func confidenceViewDropsAllegedAndAssessedTies() throws {
  let reported = try seed.view(ViewFilter(minimumConfidence: .reported))
  #expect(try tie(reported, "RUS", "PRK", "technology") == nil)
  #expect(try tie(reported, "RUS", "PRK", "support") == nil)
  #expect(try tie(reported, "RUS", "USA", "rivalry") == nil)
  #expect(try tie(reported, "RUS", "CHN", "diplomatic")?.count == 1)
  #expect(reported.ties.allSatisfy { $0.confidence == .reported })
  #expect(reported.ties.count == 10)
  let assessed = try seed.view(ViewFilter(minimumConfidence: .assessed))
  #expect(assessed.ties.count == 15)
}

@Test func polarityAndKindViews() throws {
  let hostile = try seed.view(ViewFilter(polarity: .hostile))
  #expect(hostile.ties.count == 7)
  #expect(hostile.ties.allSatisfy { seed[$0.kind].polarity == .hostile })
  let military = try seed.view(ViewFilter(kinds: ["military", "arms-transfer"]))
  #expect(Set(military.ties.map { "\(seed[$0.source].id)-\(seed[$0.target].id)-\(seed[$0.kind].id)" }) == [
    "RUS-PRK-military", "RUS-IRN-military", "PRK-RUS-arms-transfer",
  ])
}

@Test func timeViews() throws {
  // Before the reported events only the war (since 2022-02-24) was under way.
  let early = try seed.view(ViewFilter(window: .asOf(PartialDate("2024-02-29")!)))
  #expect(early.ties.map { seed[$0.kind].id } == ["war"])
  // The media meeting is dated only to March 2024, so it counts from 1 March.
  let march1 = try seed.view(ViewFilter(window: .asOf(PartialDate("2024-03-01")!)))
  #expect(Set(march1.ties.map { seed[$0.kind].id }) == ["war", "media"])
  // On 19 March: the dated talks, the statements, the March meeting and the war; not yet the
  // ties the report describes as ongoing on the 20th.
  let day = try seed.view(ViewFilter(window: DateWindow(from: PartialDate("2024-03-19"), to: PartialDate("2024-03-19"))))
  #expect(try tie(day, "PRK", "RUS", "arms-transfer") == nil)
  #expect(try tie(day, "RUS", "IRN", "diplomatic") != nil)
  #expect(try tie(day, "RUS", "UKR", "war") != nil)
  #expect(day.ties.count == 9)
  let later = try seed.view(ViewFilter(window: DateWindow(from: PartialDate("2025"))))
  // Only ties described as ongoing (open-ended) continue: arms, technology, support, war, two
  // rivalries, the assessed RUS–CHN diplomacy and two assessed military ties.
  #expect(later.ties.count == 9)
}

@Test func actorViewsRenumberNodes() throws {
  let v = try seed.view(ViewFilter(actors: ["RUS", "PRK", "IRN"]))
  #expect(v.nodeCount == 3)
  #expect(v.nodes.map { seed[$0].id } == ["RUS", "PRK", "IRN"])
  #expect(v.node(ofActor: "CHN") == nil)
  #expect(v.node(ofActor: "IRN") == 2)
  #expect(v.ties.allSatisfy { ["RUS", "PRK", "IRN"].contains(seed[$0.source].id) && ["RUS", "PRK", "IRN"].contains(seed[$0.target].id) })
  let hostile = try seed.view(ViewFilter(polarity: .hostile, dropIsolates: true))
  #expect(Set(hostile.nodes.map { seed[$0].id }) == ["RUS", "CHN", "USA", "WEST", "UKR"])
}

@Test func aggregationModes() throws {
  let count = try seed.view(ViewFilter(aggregation: .count))
  #expect(try tie(count, "PRK", "RUS", "arms-transfer")?.weight == 2)
  let maxView = try seed.view(ViewFilter(aggregation: .max))
  #expect(try tie(maxView, "PRK", "RUS", "arms-transfer")?.weight == 1)
}

/// CSR rows must agree with the tie list for every view of random datasets.
@Test func csrStorageMatchesTiesOnRandomDatasets() throws {
  var rng = SplitMix64(seed: 7)
  let codes = Array(CountryTable.alpha3Codes.prefix(40))
  let kinds = Kind.builtIn.map(\.id)
  for round in 0..<25 {
    var d = Dataset()
    let n = 2 + Int(rng.next() % 30)
    for _ in 0..<Int(rng.next() % 120) {
      let s = codes[Int(rng.next() % UInt64(n))]
      var t = codes[Int(rng.next() % UInt64(n))]
      if t == s { t = codes[(codes.firstIndex(of: s)! + 1) % n] }
      d.observations.append(
        TieObservation(
          source: s, target: t, kind: kinds[Int(rng.next() % UInt64(kinds.count))],
          time: .on(PartialDate(year: 2000 + Int(rng.next() % 20))!), confidence: Confidence.allCases[Int(rng.next() % 3)],
          weight: Double(rng.next() % 5)))
    }
    let g = try CoalitionNetwork(d)
    for filter in [ViewFilter(), ViewFilter(polarity: .cooperative, minimumConfidence: .assessed), ViewFilter(window: .asOf(PartialDate("2010")!))] {
      let v = try g.view(filter)
      for csr in [v.outgoing, v.incoming, v.undirected] { #expect(csr.invariantViolations().isEmpty, "round \(round)") }
      var expectedOut = [[Int]](repeating: [], count: v.nodeCount)
      var expectedUnd = [[Int]](repeating: [], count: v.nodeCount)
      for t in v.ties {
        let (a, b) = (v.node(of: t.source)!, v.node(of: t.target)!)
        expectedOut[a].append(b)
        if !t.directed { expectedOut[b].append(a) }
        expectedUnd[a].append(b)
        expectedUnd[b].append(a)
      }
      for u in 0..<v.nodeCount {
        #expect(v.outgoing.arcs(of: u).map { Int(v.outgoing.target[$0]) } == expectedOut[u].sorted())
        #expect(v.undirected.arcs(of: u).map { Int(v.undirected.target[$0]) } == expectedUnd[u].sorted())
      }
      #expect(v.incoming.arcCount == v.outgoing.arcCount)
      // Every observation that passes the filter is in exactly one tie.
      #expect(v.ties.reduce(0) { $0 + $1.count } == Set(v.ties.flatMap(\.observations)).count)
    }
  }
}

@Test func actorTypesFilterKeepsOnlyThoseTypes() throws {
  let g = try CoalitionNetwork(Dataset.seed)
  let states = try g.view(ViewFilter(actorTypes: [.state]))
  #expect(states.nodeCount == g.actors.filter { $0.type == .state }.count)
  #expect((0..<states.nodeCount).allSatisfy { states.actor($0).type == .state })
  #expect(states.ties.allSatisfy { g[$0.source].type == .state && g[$0.target].type == .state })
  #expect(try states.nodeCount < g.view().nodeCount, "the seed has a non-state actor (WEST)")
  // Both conditions apply together.
  let both = try g.view(ViewFilter(actors: ["RUS", "WEST"], actorTypes: [.state]))
  #expect((0..<both.nodeCount).map { both.actor($0).id } == ["RUS"])
}

/// A typo in a view's kinds or actors is an error that names it and the nearest known spelling,
/// never a view with no ties.
@Test func unknownKindsAndActorsInAViewAreErrors() throws {
  let seed = try CoalitionNetwork(Dataset.seed)
  do {
    _ = try seed.view(ViewFilter(kinds: ["arms-transfers"], actors: ["RSU", "PRK"]))
    Issue.record("a view of unknown kinds and actors was made")
  } catch let error as DatasetError {
    #expect(error.problems.count == 2)
    #expect(error.description.contains("unknown kind \"arms-transfers\"") && error.description.contains("\"arms-transfer\""), "\(error)")
    #expect(error.description.contains("unknown actor \"RSU\"") && error.description.contains("\"RUS\""), "\(error)")
  }
  #expect(try seed.view(ViewFilter(kinds: ["arms-transfer"])).ties.count > 0)
}

/// A million observations of one dyad (the shape of a long GDELT month between two states)
/// aggregate into one tie per kind, in time linear in the observations: a quadratic step would
/// not finish here (10¹² steps). The elapsed time is printed, not asserted.
@Test func aMillionObservationsOnOneDyadAggregateInLinearTime() throws {
  let n = 1_000_000
  var observations: [TieObservation] = []
  observations.reserveCapacity(n)
  for i in 0..<n {
    let day = PartialDate(year: 2000 + i % 20, month: 1 + i % 12, day: 1 + i % 28)!
    observations.append(
      TieObservation(source: i % 3 == 0 ? "RUS" : "CHN", target: i % 3 == 0 ? "CHN" : "RUS", kind: i % 2 == 0 ? "diplomatic" : "economic", time: .on(day), weight: Double(i % 7)))
  }
  let dataset = Dataset(actors: [CoalitionActor(id: "RUS"), CoalitionActor(id: "CHN")], observations: observations)
  let clock = ContinuousClock()
  let start = clock.now
  let view = try CoalitionNetwork(dataset).view()
  print("a million observations of one dyad: \(clock.now - start)")
  // Two kinds, both undirected: one tie each, holding every observation and its weight.
  #expect(view.ties.count == 2)
  #expect(view.ties.map(\.count).reduce(0, +) == n)
  let total = (0..<n).reduce(0.0) { $0 + Double($1 % 7) }
  #expect(abs(view.ties.map(\.weight).reduce(0, +) - total) < 1e-6 * total)
}
