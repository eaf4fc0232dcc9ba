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
