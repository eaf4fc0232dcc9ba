import CoalitionGraph
import CoalitionMetrics
import CoalitionReports
import Foundation
import Testing

@testable import CoalitionInterchange

// UN General Assembly vote alignment against scripts/reference/alignment_reference.py (pandas
// crosstabs over the same files: Tests/Fixtures/data/unvotes_sessions70plus_*.csv).

private let unvotes: UNVotes.Result = try! UNVotes.read(
  votes: fixture("data/unvotes_sessions70plus_votes.csv"), rollCalls: fixture("data/unvotes_sessions70plus_roll_calls.csv"),
  issues: fixture("data/unvotes_sessions70plus_issues.csv"))

private func same(_ a: Double, _ b: Double) -> Bool { (a.isNaN && b.isNaN) || abs(a - b) <= 1e-12 }

private func check(_ got: VoteAgreement, _ want: [String: Any], _ label: String) {
  #expect(got.jointVotes == want["joint_votes"] as? Int, "\(label)")
  #expect(got.same == want["same"] as? Int && got.opposite == want["opposite"] as? Int, "\(label)")
  #expect(got.partial == want["partial"] as? Int && got.bothAbstained == want["both_abstained"] as? Int, "\(label)")
  for (name, value) in [("coincidence", got.coincidence), ("agreement", got.agreement), ("kappa", got.kappa), ("pi", got.pi)] {
    let expected = (want[name] as? Double) ?? .nan
    #expect(same(value, expected), "\(label) \(name): \(value) vs \(expected)")
  }
}

@Test func unvotesReadsEveryVoteWithNamibiaAndSerbia() {
  #expect(unvotes.issues.isEmpty, "\(unvotes.issues.prefix(3))")
  #expect(unvotes.votesRead == 88_811 && unvotes.votesKept == 88_811)
  #expect(unvotes.matrix.rollCalls.count == 502)
  #expect(unvotes.matrix.states.count == 193)
  #expect(unvotes.matrix.index(of: "NAM") != nil && unvotes.matrix.index(of: "SRB") != nil)
}

@Test func voteAlignmentMatchesPandas() throws {
  let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/alignment.json"))
  let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
  let selections = root["selections"] as! [[String: Any]]
  #expect(selections.count == 3)
  for s in selections {
    let spec = s["spec"] as! [String: Any]
    var filter = RollCallFilter()
    if let from = spec["from"] as? String { filter.from = PartialDate(from) }
    if let to = spec["to"] as? String { filter.to = PartialDate(to) }
    if let issue = spec["issue"] as? String { filter.issues = [issue] }
    if let important = spec["important"] as? Bool { filter.importantOnly = important }
    let m = unvotes.matrix.filtered(filter)
    let name = spec["name"] as! String
    #expect(m.rollCalls.count == s["roll_calls"] as? Int, "\(name)")
    let usa = try #require(m.index(of: "USA"))
    let against = s["against_usa"] as! [String: [String: Any]]
    #expect(against.count == m.states.count - 1, "\(name)")
    for (state, want) in against { check(m.agreement(try #require(m.index(of: state)), usa), want, "\(name) \(state)–USA") }
    for (key, want) in s["pairs"] as! [String: [String: Any]] {
      let ids = key.split(separator: "|").map(String.init)
      check(m.agreement(try #require(m.index(of: ids[0])), try #require(m.index(of: ids[1]))), want, "\(name) \(key)")
    }
  }
}

/// Worked from the definitions: identical votes, opposite votes, independent votes.
@Test func voteMeasuresOnHandWorkedTables() {
  // Identical, all three categories used: every measure is 1.
  let identical = VoteAgreement(table: [5, 0, 0, 0, 2, 0, 0, 0, 3])
  #expect(identical.coincidence == 1 && identical.agreement == 1 && identical.kappa == 1 && identical.pi == 1)
  // Always yes against no: coincidence and agreement 0; κ = (0 − ½) / (1 − ½) = −1.
  let opposite = VoteAgreement(table: [0, 0, 4, 0, 0, 0, 4, 0, 0])
  #expect(opposite.coincidence == 0 && opposite.agreement == 0 && opposite.kappa == -1)
  // Independent: each of yes/no against yes/no equally often; κ = π = 0, coincidence ½.
  let independent = VoteAgreement(table: [3, 0, 3, 0, 0, 0, 3, 0, 3])
  #expect(independent.kappa == 0 && independent.pi == 0 && independent.coincidence == 0.5)
  // Both abstaining: left out of coincidence, counted as agreement.
  let abstentions = VoteAgreement(table: [1, 0, 0, 0, 1, 0, 0, 0, 0])
  #expect(abstentions.coincidence == 1 && abstentions.agreement == 1 && abstentions.bothAbstained == 1)
  #expect(VoteAgreement(table: [Int](repeating: 0, count: 9)).coincidence.isNaN)
}

/// The State Department's table as the tool prints it: every state against the USA, 2018.
@Test func alignmentAgainstTheUSAIn2018() throws {
  let m = unvotes.matrix.filtered(RollCallFilter(from: PartialDate("2018-01-01"), to: PartialDate("2018-12-31")))
  let table = try AlignmentReport(matrix: m).against("USA")
  #expect(table.columns == ["rank", "state", "name", "joint_votes", "same", "opposite", "partial", "both_abstained", "coincidence", "agreement", "kappa", "pi"])
  #expect(table.rows.count == 192)  // 193 states voted in 2018
  #expect(table.rows.first?[1] == .text("ISR"))
  let rus = try #require(table.rows.first { $0[1] == .text("RUS") })
  #expect(rus[8] == .number(47.0 / 180.0))  // (14 + 19/2) / (14 + 57 + 19)
  #expect(throws: AlignmentError.self) { try AlignmentReport(matrix: m).against("ATL") }
}

/// Alliance-portfolio similarity of ATOP 2018 against the same reference script.
@Test func portfolioSimilarityMatchesPandas() throws {
  let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/alignment.json"))
  let reference = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["portfolios"] as! [String: Any]
  let p = try ATOP.portfolios(path: fixture("data/atop5_1_ddyr_2018.csv"), year: 2018)
  #expect(p.states.count == reference["states"] as? Int)
  func id(_ cow: Substring) -> String { CountryCodes.resolveCOW(Int(cow)!, year: 2018)!.actorID }
  func check(_ got: PortfolioSimilarity, _ want: [String: Any], _ label: String) {
    #expect(got.states == want["states"] as? Int && got.absoluteDistance == want["absolute_distance"] as? Int, "\(label)")
    #expect(got.squaredDistance == want["squared_distance"] as? Int, "\(label)")
    for (name, value) in [("s", got.s), ("s_squared", got.sSquared), ("kappa", got.kappa), ("pi", got.pi)] {
      #expect(same(value, (want[name] as? Double) ?? .nan), "\(label) \(name)")
    }
  }
  let usa = try #require(p.index(of: "USA"))
  let against = reference["against_usa"] as! [String: [String: Any]]
  #expect(against.count == p.states.count - 1)
  for (cow, want) in against { check(p.similarity(try #require(p.index(of: id(Substring(cow)))), usa), want, "\(cow)–USA") }
  for (key, want) in reference["pairs"] as! [String: [String: Any]] {
    let codes = key.split(separator: "|")
    check(p.similarity(try #require(p.index(of: id(codes[0]))), try #require(p.index(of: id(codes[1])))), want, key)
  }
}

/// Worked from the formula: identical portfolios give S = 1; portfolios 3 apart on every state give −1.
@Test func portfolioSimilarityOnHandWorkedCases() {
  let p = AlliancePortfolios(states: ["AAA", "BBB", "CCC"], pairs: [AllianceLevel("AAA", "BBB", level: 3), AllianceLevel("AAA", "CCC", level: 3), AllianceLevel("BBB", "CCC", level: 3)])
  let same = p.similarity(0, 1)
  #expect(same.s == 1 && same.sSquared == 1 && same.kappa.isNaN)  // one category only: chance agreement is 1
  // AAA allied with CCC and DDD, BBB with nobody: 3 apart on all four states.
  let q = AlliancePortfolios(states: ["AAA", "BBB", "CCC", "DDD"], pairs: [AllianceLevel("AAA", "CCC", level: 3), AllianceLevel("AAA", "DDD", level: 3)])
  let far = q.similarity(0, 1)
  #expect(far.s == -1 && far.sSquared == -1)
  // κ: p_o = 0, p_e = ¾·¼ + ¼·¾ = ⅜, κ = −⅜ / ⅝ = −0.6; π: pooled shares ½ and ½, π = −1.
  #expect(abs(far.kappa + 0.6) < 1e-15 && far.pi == -1)
}

/// The UN Digital Library's own layout, in a small file written from its columns: one row per
/// member state and resolution, Y / N / A, empty for not voting, ISO alpha-3 codes.
@Test func unDigitalLibraryLayout() throws {
  let text = """
    undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title
    4031001,USA,UNITED STATES,N,2023-10-27,78,A/RES/78/1,One
    4031001,RUS,RUSSIAN FEDERATION,Y,2023-10-27,78,A/RES/78/1,One
    4031001,CHN,CHINA,Y,2023-10-27,78,A/RES/78/1,One
    4031001,NAM,NAMIBIA,,2023-10-27,78,A/RES/78/1,One
    4031002,USA,UNITED STATES,Y,2023-12-05,78,A/RES/78/2,"Two, with a comma"
    4031002,RUS,RUSSIAN FEDERATION,A,2023-12-05,78,A/RES/78/2,"Two, with a comma"
    4031002,CHN,CHINA,Y,2023-12-05,78,A/RES/78/2,"Two, with a comma"
    4031002,NAM,NAMIBIA,Y,2023-12-05,78,A/RES/78/2,"Two, with a comma"
    """
  let path = temporaryFile(text, suffix: ".csv")
  defer { try? FileManager.default.removeItem(atPath: path) }
  let r = try UNVotes.read(votes: path, rollCalls: nil)
  #expect(r.issues.isEmpty && r.votesRead == 8 && r.votesKept == 7)
  let m = r.matrix
  #expect(m.rollCalls.map(\.id) == [4_031_001, 4_031_002] && m.rollCalls[1].title == "Two, with a comma" && m.rollCalls[0].session == 78)
  let (usa, rus, chn, nam) = (m.index(of: "USA")!, m.index(of: "RUS")!, m.index(of: "CHN")!, m.index(of: "NAM")!)
  // USA–RUS: opposite (N, Y), then partial (Y, A): coincidence (0 + ½) / 2.
  #expect(m.agreement(usa, rus).coincidence == 0.25)
  #expect(m.agreement(rus, chn).same == 1 && m.agreement(rus, chn).partial == 1)
  #expect(m.agreement(usa, nam).jointVotes == 1)  // Namibia did not vote on the first
  #expect(m.filtered(RollCallFilter(from: PartialDate("2023-11"))).rollCalls.count == 1)
  #expect(throws: ImportError.self) { try UNVotes.read(votes: fixture("data/unvotes_sessions70plus_votes.csv"), rollCalls: nil) }
}

/// The disparity filter by hand: a hub with weights 10, 1, 1 keeps only the heavy edge,
/// α = (1 − 10/12)² = 1/36 < 0.05, while (1 − 1/12)² ≈ 0.84; leaves (one edge) decide nothing.
@Test func disparityFilterKeepsTheSignificantEdge() {
  let keep = DisparityFilter.keeps(nodeCount: 4, edges: [WeightedEdge(0, 1, 10), WeightedEdge(0, 2, 1), WeightedEdge(0, 3, 1)], alpha: 0.05)
  #expect(keep == [true, false, false])
  #expect(DisparityFilter.keeps(nodeCount: 4, edges: [WeightedEdge(0, 1, 10), WeightedEdge(0, 2, 1), WeightedEdge(0, 3, 1)], alpha: 0.02) == [false, false, false])
}
