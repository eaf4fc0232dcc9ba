import Foundation
import Testing

@testable import CoalitionGraph

@Test func countryTableCoversISO3166() {
  let all = CountryTable.all
  #expect(all.count == 249)
  #expect(Set(all.map(\.alpha3)).count == 249)
  #expect(all.allSatisfy { $0.alpha3.count == 3 && $0.alpha3.allSatisfy { $0.isUppercase } })
  #expect(CountryTable.country(alpha3: "PRK")?.name == "North Korea")
  #expect(CountryTable.country(alpha2: "NA")?.alpha3 == "NAM")  // Namibia, not a missing value
  #expect(CountryTable.country(numeric: 643)?.alpha3 == "RUS")
  #expect(CountryTable.country(alpha3: "RUS")?.cowCode == 365)
  #expect(CountryTable.country(alpha3: "XYZ") == nil)
  #expect(Actor(id: "IRN").name == "Iran")
}

/// Day numbers are checked against Foundation's Gregorian calendar, an independent implementation.
@Test func dayNumbersAgreeWithFoundationCalendar() {
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC")!
  var rng = SplitMix64(seed: 99)
  for _ in 0..<2_000 {
    let y = 1600 + Int(rng.next() % 800)
    let m = 1 + Int(rng.next() % 12)
    let d = 1 + Int(rng.next() % UInt64(PartialDate.daysIn(month: m, year: y)))
    let date = calendar.date(from: DateComponents(year: y, month: m, day: d))!
    let expected = Int32((date.timeIntervalSince1970 / 86_400).rounded(.down))
    #expect(PartialDate(year: y, month: m, day: d)!.firstDay == expected, "\(y)-\(m)-\(d)")
  }
}

@Test func partialDatesParseAndCoverSpans() {
  #expect(PartialDate("2024-02-29") != nil)
  #expect(PartialDate("2023-02-29") == nil)
  #expect(PartialDate("1900-02-29") == nil)
  #expect(PartialDate("2000-02-29") != nil)
  #expect(PartialDate("2024-00") == nil)
  #expect(PartialDate("2024-3-1") == nil)
  #expect(PartialDate("24-03-01") == nil)
  #expect(PartialDate("2024-03-19T10:00") == nil)
  #expect(PartialDate("") == nil)
  #expect(PartialDate("２０２４") == nil)  // full-width digits are not ASCII
  let march = PartialDate("2024-03")!
  #expect(march.lastDay - march.firstDay == 30)
  #expect(PartialDate("2024")!.lastDay - PartialDate("2024")!.firstDay == 365)
  #expect(march.description == "2024-03")
  #expect(PartialDate("0999-01-02")?.description == "0999-01-02")
}

@Test func suggestionsFindPlausibleTypos() {
  #expect(Suggestion.nearest(to: "PRKK", in: ["PRK", "RUS", "CHN"]) == "PRK")
  #expect(Suggestion.nearest(to: "miltary", in: Kind.builtIn.map(\.id)) == "military")
  #expect(Suggestion.nearest(to: "arms-tranfser", in: Kind.builtIn.map(\.id)) == "arms-transfer")
  #expect(Suggestion.nearest(to: "zzzzzz", in: ["PRK", "RUS"]) == nil)
}

@Test func builtInKindsAreComplete() {
  let ids = Set(Kind.builtIn.map(\.id))
  for id in ["diplomatic", "military", "arms-transfer", "technology", "media", "economic", "security", "accusation", "sanction", "rivalry", "war"] {
    #expect(ids.contains(id), "\(id)")
  }
  #expect(Kind.builtIn.filter { $0.polarity == .hostile }.map(\.id) == ["accusation", "sanction", "rivalry", "war"])
  #expect(Kind.armsTransfer.directed && !Kind.diplomatic.directed)
}

@Test func frozenGraphRejectsInvalidDatasets() {
  let d = Dataset(observations: [Observation(source: "RUS", target: "RUS", kind: "war", time: .on(PartialDate("2024")!))])
  #expect(throws: DatasetError.self) { try CoalitionGraph(d) }
}

@Test func edgeListsParseWithCommentsWeightsAndErrors() throws {
  let text = "# comment\nRUS PRK 2\nPRK,RUS,0.5\n\n% other comment\nRUS\tIRN 1e0\r\n"
  let list = try EdgeList(bytes: Array(text.utf8), weighted: true)
  #expect(list.names == ["RUS", "PRK", "IRN"])
  #expect(list.edges.map { [Double($0.source), Double($0.target), $0.weight] } == [[0, 1, 2], [1, 0, 0.5], [0, 2, 1]])
  let mixed = try EdgeList(bytes: Array("1 01\n01 a\n10 1\n0 a\n".utf8), weighted: false)
  #expect(mixed.names == ["1", "01", "a", "10", "0"])  // "01" is a name of its own, not the number 1
  #expect(mixed.edges.map { [$0.source, $0.target] } == [[0, 1], [1, 2], [3, 0], [4, 2]])
  let unweighted = try EdgeList(bytes: Array("a b 7\n".utf8), weighted: false)
  #expect(unweighted.edges.first?.weight == 1)
  #expect {
    try EdgeList(bytes: Array("a b\nc\nd e -1\nf g nan\n".utf8), weighted: true, file: "g.txt")
  } throws: { error in
    let d = (error as? DatasetError)?.description ?? ""
    return d.contains("g.txt:1:1: expected source, target and weight") && d.contains("g.txt:2:1:")
      && d.contains("g.txt:3:5: weight \"-1\"") && d.contains("g.txt:4:5: weight \"nan\"")
  }
}

/// Small integer names go through a dense table, large ones through a dictionary; both must give
/// the same numbering by first appearance.
@Test func edgeListNumbersSmallAndLargeIntegerNamesAlike() throws {
  let list = try EdgeList(bytes: Array("5000000000 1\n1 70000\n70000 5000000000\n2 1\n".utf8), weighted: false)
  #expect(list.names == ["5000000000", "1", "70000", "2"])
  #expect(list.edges.map { [$0.source, $0.target] } == [[0, 1], [1, 2], [2, 0], [3, 1]])
}
