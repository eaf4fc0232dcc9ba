import CoalitionGraph
import CoalitionReports
import Foundation
import Testing

@Test func timeSpansParseAndClampMonthEnds() {
  #expect(TimeSpan("1y")?.description == "1y")
  #expect(TimeSpan("2w") == TimeSpan(count: 14, unit: .day))
  #expect(TimeSpan("0d") == nil)
  #expect(TimeSpan("m") == nil)
  let jan31 = PartialDate("2024-01-31")!.firstDay
  #expect(PartialDate(dayNumber: TimeSpan("1m")!.advance(jan31)) == PartialDate("2024-02-29"))
  #expect(PartialDate(dayNumber: TimeSpan("1y")!.advance(PartialDate("2024-02-29")!.firstDay)) == PartialDate("2025-02-28"))
  #expect(PartialDate(dayNumber: TimeSpan("10d")!.advance(jan31)) == PartialDate("2024-02-10"))
  #expect(PartialDate(dayNumber: TimeSpan("1m")!.advance(jan31, times: -2)) == PartialDate("2023-11-30"))
}

@Test func dayNumbersRoundTripOverFourCenturies() {
  var day = PartialDate("1800-01-01")!.firstDay
  let end = PartialDate("2200-12-31")!.firstDay
  while day <= end {
    let d = PartialDate(dayNumber: day)!
    #expect(d.firstDay == day)
    day += 17
  }
  #expect(PartialDate(dayNumber: 0) == PartialDate("1970-01-01"))
  #expect(PartialDate(dayNumber: .max) == nil)
}

@Test func fixedAndSlidingWindows() {
  let fixed = TimeWindows(start: PartialDate("2022-01")!, end: PartialDate("2024-03")!, length: TimeSpan("6m")!).windows
  #expect(fixed.count == 5)
  #expect(fixed[0] == DateWindow(from: PartialDate("2022-01-01"), to: PartialDate("2022-06-30")))
  #expect(fixed[4] == DateWindow(from: PartialDate("2024-01-01"), to: PartialDate("2024-06-30")))
  let sliding = TimeWindows(start: PartialDate("2024-01")!, end: PartialDate("2024-03")!, length: TimeSpan("2m")!, step: TimeSpan("1m")!).windows
  #expect(sliding.map { $0.from!.description } == ["2024-01-01", "2024-02-01", "2024-03-01"])
  #expect(sliding[0].to == PartialDate("2024-02-29"))
}

@Test func seedTimelineShowsTheWarFirstAndTheCoalitionInMarch2024() throws {
  let graph = try CoalitionNetwork(.seed)
  let windows = TimeWindows(start: PartialDate("2022-01")!, end: PartialDate("2024-03")!, length: TimeSpan("6m")!).windows
  let series = try Timeline(graph: graph, windows: windows).series()
  #expect(series.count == 5)
  // Only Russia's war on Ukraine (since 2022-02-24, ongoing) is in the early windows.
  #expect(series[0].ties == 1 && series[0].actors == 2)
  #expect(series[0].hostileTies == 1)
  #expect(series[0].kindDensity == ["war": 1])
  #expect(try series[4].ties == graph.view().ties.count)
  #expect(series[4].ranks["RUS"] == 1)
  // One point per window; the rank table is long: one row per actor and window with a tie.
  let doc = try Timeline(graph: graph, windows: windows).document()
  #expect(doc.tables.map(\.title) == ["series", "ranks"])
  #expect(doc.tables[0].rows.count == 5)
  #expect(doc.tables[1].columns == ["actor", "window_start", "window_end", "rank", "score"])
  #expect(doc.tables[1].rows.count == series.reduce(0) { $0 + $1.ranks.count })
  #expect(doc.tables[1].rows.contains { $0 == [.text("RUS"), .text("2024-01-01"), .text("2024-06-30"), .integer(1), .number(series[4].scores["RUS"]!)] })
  #expect(doc.findings.first?.text == "From 2022-01-01 – 2022-06-30 to 2024-01-01 – 2024-06-30: actors 2 → 7, ties 1 → 16, density 1 → 0.380952.")  // 8 tied pairs of 21
}

@Test func decayHalvesTheWeightAfterOneHalfLife() throws {
  let d = Dataset(
    observations: [
      TieObservation(source: "RUS", target: "CHN", kind: "military", time: .on(PartialDate("2024-03-20")!), weight: 4),
      TieObservation(source: "RUS", target: "CHN", kind: "military", time: .on(PartialDate("2024-04-19")!), weight: 1),
    ])
  let g = try CoalitionNetwork(d)
  let decay = Decay(halfLifeDays: 30, reference: PartialDate("2024-04-19")!)
  let sum = try g.view(ViewFilter(decay: decay)).ties[0].weight
  #expect(abs(sum - (4 * 0.5 + 1)) < 1e-12)
  let count = try g.view(ViewFilter(aggregation: .count, decay: decay)).ties[0].weight
  #expect(abs(count - 1.5) < 1e-12)
  #expect(try g.view(ViewFilter(decay: decay)).filter.summary == "half-life 30 days before 2024-04-19")
}

@Test func diffListsWhatAppearedBetweenTwoDates() throws {
  let graph = try CoalitionNetwork(.seed)
  let diff = try TimelineDiff(graph: graph, from: PartialDate("2024-03-18")!, to: PartialDate("2024-03-20")!, reading: .knownBy)
  // Known by 18 March: only the war (2022) and the media meeting dated "2024-03" are on record.
  #expect(diff.before.ties.count == 2)
  #expect(diff.after.ties.count == 16)
  let doc = diff.document()
  let ties = doc.tables[0].rows
  #expect(ties.filter { $0[0] == .text("appeared") }.count == 14)
  #expect(ties.filter { $0[0] == .text("disappeared") }.isEmpty)
  #expect(doc.tables[1].rows.filter { $0[0] == .text("appeared") }.count == 4)
  #expect(doc.findings[0].text.hasPrefix("known by 2024-03-18 → known by 2024-03-20: 14 ties appeared, 0 disappeared"))
  // In force (the default): the 19 March meetings held on neither day.
  let inForce = try TimelineDiff(graph: graph, from: PartialDate("2024-03-18")!, to: PartialDate("2024-03-20")!)
  #expect(inForce.after.ties.count == 10)
  #expect(inForce.document().findings[0].text.hasPrefix("in force in 2024-03-18 → in force in 2024-03-20: 8 ties appeared, 0 disappeared"))
  // With a one-day window each side holds only what overlaps that day.
  let daily = try TimelineDiff(graph: graph, from: PartialDate("2024-03-19")!, to: PartialDate("2024-03-20")!, window: TimeSpan("1d")!)
  #expect(daily.before.filter.window == DateWindow(from: PartialDate("2024-03-19"), to: PartialDate("2024-03-19")))
  #expect(daily.document().tables[0].rows.contains { $0[0] == .text("disappeared") })
}

/// Timelines leave nothing out silently: the window limit is reported with the number needed, and
/// windows that leave gaps say how many observations fall in none.
@Test func timelineLimitsAndGapsAreReported() throws {
  let long = TimeWindows(start: PartialDate("2000")!, end: PartialDate("9999-12-31")!, length: TimeSpan("1d")!)
  #expect(long.isTruncated)
  #expect(long.windows.count == TimeWindows.limit)
  #expect(long.needed == 2_921_940)  // days from 2000-01-01 to 9999-12-31
  let graph = try CoalitionNetwork(.seed)
  let dates = Dataset.seed.observations.flatMap { [$0.time.firstDay, $0.time.lastDay] }.filter { $0 != .min && $0 != .max }
  let gappy = TimeWindows(
    start: PartialDate(dayNumber: dates.min()!)!, end: PartialDate(dayNumber: dates.max()!)!, length: TimeSpan("1y")!, step: TimeSpan("100y")!)
  #expect(!gappy.isTruncated && gappy.windows.count == 1)
  let timeline = try Timeline(graph: graph, windows: gappy.windows)
  let coverage = timeline.observationsInNoWindow()
  #expect(coverage.total == Dataset.seed.observations.count)
  #expect(coverage.missed > 0 && coverage.missed < coverage.total)
  #expect(timeline.document().tables[0].notes.contains { $0.hasPrefix("\(coverage.missed) of \(coverage.total) observations fall in no window") })
  // Fixed windows that tile the range miss nothing.
  let tiled = TimeWindows(start: PartialDate(dayNumber: dates.min()!)!, end: PartialDate(dayNumber: dates.max()!)!, length: TimeSpan("1y")!)
  #expect(try Timeline(graph: graph, windows: tiled.windows).observationsInNoWindow().missed == 0)
}
