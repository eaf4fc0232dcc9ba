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
  #expect(CoalitionActor(id: "IRN").name == "Iran")
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
  let d = Dataset(observations: [TieObservation(source: "RUS", target: "RUS", kind: "war", time: .on(PartialDate("2024")!))])
  #expect(throws: DatasetError.self) { try CoalitionNetwork(d) }
}
