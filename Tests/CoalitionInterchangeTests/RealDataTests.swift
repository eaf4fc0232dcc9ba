import CoalitionGraph
import CoalitionMetrics
import Foundation
import Testing

@testable import CoalitionInterchange

// Real public files (Tests/Fixtures/data, sources in Tests/Fixtures/README.md), checked against
// values that scripts/reference/interchange_reference.py computes with Python's csv module.

@Test func atop2018MatchesTheFlagsOfTheFile() throws {
  let r = try ATOP.read(path: fixture("data/atop5_1_undirected_2018.csv"))
  #expect(r.recordsSkipped == 0)
  let sums = ref("atop_2018", "flag_sums") as! [String: Int]
  var counts: [String: Int] = [:]
  for o in r.dataset.observations { counts[o.kind, default: 0] += 1 }
  #expect(counts == sums)
  let ties = Set(r.dataset.observations.map { [$0.source, $0.target].sorted().joined(separator: "|") + "|" + $0.kind })
  #expect(ties == Set(ref("atop_2018", "ties") as! [String]))
  // One year, the last of the file: every alliance is in force and stays open (right-censored).
  #expect(r.dataset.observations.allSatisfy { $0.time == .ongoing(asOf: PartialDate(year: 2018)!, since: PartialDate(year: 2018)!) })
  // Serbia is COW 345 in 2018.
  #expect(r.dataset.observations.contains { $0.source == "SRB" || $0.target == "SRB" })
  #expect(r.dataset.validate().isEmpty)
}

@Test func directedAndUndirectedATOPFilesGiveTheSameTies() throws {
  let directed = try ATOP.read(path: fixture("data/atop5_1_ddyr_2018.csv"))
  let undirected = try ATOP.read(path: fixture("data/atop5_1_undirected_2018.csv"))
  #expect(canonical(directed.dataset) == canonical(undirected.dataset))
}

@Test func atopSpellsMergeConsecutiveYears() throws {
  let text = """
    ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul
    365,710,2001,0,0,0,1,1
    365,710,2002,0,0,0,1,1
    365,710,2003,0,0,0,1,0
    365,710,2005,0,0,0,1,0
    710,365,2002,0,0,0,1,1
    """
  let path = temporaryFile(text, suffix: ".csv")
  defer { try? FileManager.default.removeItem(atPath: path) }
  let r = try ATOP.read(path: path)
  let times = r.dataset.observations.map { "\($0.kind) \($0.time.text)" }
  // 2005 is the last year read: that spell is open.
  #expect(Set(times) == ["nonaggression-pact 2001 – 2003", "nonaggression-pact since 2005, ongoing as of 2005", "consultation-pact 2001 – 2002"])
  #expect(times.count == 3)
  let yearly = try ATOP.read(path: path, spells: false)
  #expect(yearly.dataset.observations.count == 6)
}

@Test func sipriRegisterTotalsMatchTheFile() throws {
  let r = try SIPRI.read(path: fixture("data/sipri_tiv_exports_processed_360info.csv"), years: YearRange(first: 2017, last: 2021))
  #expect(r.recordsSkipped == 0)
  let total = r.dataset.observations.reduce(0) { $0 + $1.weight }
  #expect(total == refDouble("sipri", "years_2017_2021", "tiv_total"))
  #expect(r.dataset.observations.count == Int(refDouble("sipri", "years_2017_2021", "supplier_recipient_years")))
  let top = ref("sipri", "years_2017_2021", "top_suppliers_tiv") as! [String: Double]
  for (supplier, tiv) in top {
    let ours = r.dataset.observations.filter { $0.source == supplier }.reduce(0) { $0 + $1.weight }
    #expect(ours == tiv, "\(supplier)")
  }
  #expect(r.dataset.observations.allSatisfy { $0.kind == "arms-transfer" })
  // Non-state recipients keep SIPRI's name, marked as groups; organisations as organisations.
  let types = Dictionary(r.dataset.actors.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
  #expect(types["NATO"] == .organization)
  #expect(r.dataset.validate().isEmpty)
  // Deliveries under 0.5 million TIV (weight 0) are still cooperative ties: no negative sign.
  let signed = try CoalitionNetwork(r.dataset).view().signedGraph()
  #expect(signed.edges.allSatisfy { $0.sign == 1 })
  #expect(signed.balanceRatio() == 1)
  let all = try SIPRI.read(path: fixture("data/sipri_tiv_exports_processed_360info.csv"))
  #expect(all.dataset.actors.contains { $0.id == "Hamas (Palestine)" && $0.type == .group })
  #expect(all.dataset.validate().isEmpty)
}

@Test func sipriRawExportTableIsRead() throws {
  let r = try SIPRI.read(path: fixture("data/TIV-Export-RUS-1950-2021.csv"))
  #expect(r.dataset.observations.allSatisfy { $0.source == "RUS" })
  #expect(r.dataset.observations.count == Int(refDouble("sipri", "raw_rus", "cells")))
  #expect(r.dataset.observations.reduce(0) { $0 + $1.weight } == refDouble("sipri", "raw_rus", "tiv_total"))
  #expect(r.dataset.validate().isEmpty)
}

@Test(arguments: [("gdelt2", "gdelt2_20191024143000.export.CSV", GDELTOptions.Window.day), ("gdelt1", "gdelt1_sample_events_reed9999.tsv", .month)])
func gdeltEventsMatchAnIndependentCount(key: String, file: String, window: GDELTOptions.Window) throws {
  let r = try GDELT.read(path: fixture("data/\(file)"), options: GDELTOptions(window: window))
  #expect(r.recordsSkipped == 0)
  #expect(r.dataset.observations.count == Int(refDouble(key, "observations")))
  let weight = r.dataset.observations.reduce(0) { $0 + $1.weight }
  #expect(abs(weight - refDouble(key, "abs_goldstein")) < 1e-9)
  let events = r.dataset.observations.reduce(0) { total, o in
    total + Int(o.evidence[0].note!.split(separator: " ")[0])!
  }
  #expect(events == Int(refDouble(key, "events")))
  #expect(r.dataset.validate().isEmpty)
  // Event counts weight instead of Goldstein.
  let counted = try GDELT.read(path: fixture("data/\(file)"), options: GDELTOptions(window: window, weight: .events))
  #expect(counted.dataset.observations.reduce(0) { $0 + $1.weight } == refDouble(key, "events"))
}

@Test func gdeltHeaderLineRegionsAndRootFilter() throws {
  let all = try GDELT.read(path: fixture("data/gdelt2_20191024143000_interstate_with_header.tsv"))
  let full = try GDELT.read(path: fixture("data/gdelt2_20191024143000.export.CSV"))
  #expect(canonical(all.dataset) == canonical(full.dataset))
  let regions = try GDELT.read(path: fixture("data/gdelt2_20191024143000.export.CSV"), options: GDELTOptions(keepRegions: true))
  #expect(regions.dataset.actors.contains { $0.id == "EUR" && $0.type == .aggregate })
  #expect(regions.dataset.observations.count > full.dataset.observations.count)
  let roots = try GDELT.read(path: fixture("data/gdelt2_20191024143000.export.CSV"), options: GDELTOptions(rootEventsOnly: true))
  #expect(roots.dataset.observations.count < full.dataset.observations.count)
  #expect(roots.recordsFiltered > full.recordsFiltered)
}

@Test func cameoMappingKeepsLeadingZerosAndCanBeOverridden() throws {
  let m = CAMEOMapping.standard
  #expect(m.kind(for: "0621") == "military")
  #expect(m.kind(for: "061") == "economic")
  #expect(m.kind(for: "040") == "diplomatic")
  #expect(m.kind(for: "1123") == "accusation")
  #expect(m.kind(for: "99") == nil)
  let custom = try CAMEOMapping.read(text: "code,kind\n04,-\n0621,economic\n")
  #expect(custom.kind(for: "040") == nil)
  #expect(custom.kind(for: "0621") == "economic")
  #expect(custom.kind(for: "062") == "military")
  #expect(throws: ImportError.self) { try CAMEOMapping.read(text: "code,kind\n4x,war\n") }
  // Every root code's QuadClass agrees with its kind's polarity and materiality, as the official
  // lookup files pair them (the codes and their Goldstein values are GDELT's own).
  let codes = try String(contentsOfFile: fixture("data/CAMEO.goldsteinscale.txt"), encoding: .utf8)
    .split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
  #expect(codes.count > 300)
  let kinds = Dictionary(uniqueKeysWithValues: (Kind.builtIn + CAMEOMapping.kinds).map { ($0.id, $0) })
  for code in codes {
    guard let root = Int(code.prefix(2)), let kind = m.kind(for: code).flatMap({ kinds[$0] }) else {
      Issue.record("no kind for \(code)")
      continue
    }
    let quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4
    #expect((kind.polarity == .cooperative) == (quad <= 2), "\(code)")
    #expect((kind.materiality == .material) == (quad == 2 || quad == 4), "\(code)")
  }
}

@Test func gdeltBadRowsAreReported() throws {
  var fields = [String](repeating: "", count: 61)
  fields[0] = "1"; fields[1] = "20191024"; fields[7] = "RUS"; fields[17] = "CHN"; fields[25] = "1"
  fields[26] = "040"; fields[28] = "04"; fields[29] = "1"; fields[30] = "1.0"; fields[31] = "3"
  let good = fields.joined(separator: "\t")
  fields[30] = "eleven"
  let badGoldstein = fields.joined(separator: "\t")
  fields[30] = "1.0"; fields[29] = "3"
  let wrongQuad = fields.joined(separator: "\t")
  let short = "1\t20191024\tRUS"
  let r = try GDELT.read(text: [good, badGoldstein, wrongQuad, short].joined(separator: "\n"), name: "g.tsv")
  #expect(r.dataset.observations.count == 1)
  #expect(r.issues.count == 3)
  #expect(r.issues[0].line == 2 && r.issues[0].message.hasPrefix("GoldsteinScale \"eleven\""))
  #expect(r.issues[1].message == "event 040 has QuadClass 3 but the mapping sends it to diplomatic (cooperative, verbal)")
  #expect(r.issues[2].description == "4: 3 tab-separated fields; GDELT 1.0 rows have 57 or 58, GDELT 2.0 rows 61")
}

@Test func countryCodesResolveThroughOneCrosswalk() {
  #expect(CountryCodes.resolve("NA", scheme: .alpha2)?.actorID == "NAM")
  #expect(CountryCodes.resolve("004", scheme: .numeric)?.actorID == "AFG")
  #expect(CountryCodes.resolve("2", scheme: .cow)?.actorID == "USA")
  #expect(CountryCodes.resolve("255", scheme: .cow)?.actorID == "DEU")
  #expect(CountryCodes.resolve("260", scheme: .cow)?.actorID == "DEU")
  #expect(CountryCodes.resolve("265", scheme: .cow)?.actorID == "DDR")
  #expect(CountryCodes.resolve("345", scheme: .cow, year: 1990)?.actorID == "YUG")
  #expect(CountryCodes.resolve("345", scheme: .cow, year: 2006)?.actorID == "SRB")
  #expect(CountryCodes.resolve("GMY", scheme: .cowAbbreviation)?.actorID == "DEU")
  #expect(CountryCodes.resolve("UKG", scheme: .cowAbbreviation)?.actorID == "GBR")
  #expect(CountryCodes.resolve("KOR", scheme: .cowAbbreviation)?.actorID == "COW730")
  #expect(CountryCodes.resolve("ROK", scheme: .cowAbbreviation)?.actorID == "KOR")
  #expect(CountryCodes.resolve("XYZ", scheme: .alpha3) == nil)
  #expect(CountryCodes.resolve("ru", scheme: .auto)?.actorID == "RUS")
}

/// SIPRI marks non-state recipients with `*` (and organisations with `**`) but gives them the COW
/// code of the country they are in; the marks must win, or arms for insurgents become arms for the
/// government they fight. Counted against the file itself.
@Test func sipriKeepsNonStateRecipientsApartFromTheirStates() throws {
  let path = fixture("data/sipri_tiv_exports_processed_360info.csv")
  let r = try SIPRI.read(path: path)
  // The file's own marked parties: a plain split is enough, no marked name holds a comma. Rows
  // whose other party is "Unknown supplier(s)" or "Unknown recipient(s)" are left out by design.
  var marked: [String: Int] = [:]  // name without its marks → rows kept
  for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    for (k, var name) in cells.prefix(2).enumerated() where name.hasSuffix("*") {
      let other = cells[1 - k]
      while name.hasSuffix("*") { name.removeLast() }
      marked[name, default: 0] += other.hasPrefix("Unknown ") && !other.hasSuffix("*") ? 0 : 1
    }
  }
  marked = marked.filter { $0.value > 0 }
  #expect(marked.count > 40)
  #expect(marked["Houthi rebels (Yemen)"] == 1 && marked["Syria rebels"] == 4 && (marked["Libya HoR"] ?? 0) > 10)
  let types = Dictionary(r.dataset.actors.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
  for (name, rows) in marked {
    #expect(types[name] == .group || types[name] == .organization, "\(name) is not kept as a non-state actor")
    let ties = r.dataset.observations.filter { $0.source == name || $0.target == name }.count
    #expect(ties == rows, "\(name): \(ties) observations for \(rows) rows")
  }
  let pairs = Set(r.dataset.observations.map { "\($0.source)→\($0.target)" })
  #expect(pairs.contains("IRN→Houthi rebels (Yemen)"))
  #expect(!pairs.contains("IRN→YEM"))
  #expect(pairs.contains("TUR→Syria rebels"))
  #expect(!pairs.contains("TUR→SYR"))
  #expect(pairs.contains("EGY→Libya HoR"))
}

/// Export and import shares of SIPRI 2017–2021 as SIPRI's fact sheet of March 2022 gives them
/// (Trends in international arms transfers, 2021), to its rounding of 0.1 percentage points.
@Test func sipriSharesMatchTheFactSheet() throws {
  let r = try SIPRI.read(path: fixture("data/sipri_tiv_exports_processed_360info.csv"), years: YearRange(first: 2017, last: 2021))
  let view = try CoalitionNetwork(r.dataset).view()
  let (exports, imports) = (try view.scores(.outShare, directed: true), try view.scores(.inShare, directed: true))
  #expect(abs(exports.values.reduce(0, +) - 1) < 1e-12 && abs(imports.values.reduce(0, +) - 1) < 1e-12)
  func percent(_ s: ActorScores, _ id: String) -> Double { ((s[id] ?? .nan) * 1000).rounded() / 10 }
  let sheetExports: [(String, Double)] = [("USA", 38.6), ("RUS", 18.6), ("FRA", 10.7), ("CHN", 4.6), ("DEU", 4.5)]
  let sheetImports: [(String, Double)] = [("IND", 11.3), ("SAU", 11.0), ("EGY", 5.7), ("AUS", 5.4), ("CHN", 4.8)]
  for (id, share) in sheetExports { #expect(percent(exports, id) == share, "\(id) exports") }
  for (id, share) in sheetImports { #expect(percent(imports, id) == share, "\(id) imports") }
  #expect(exports.ranked().prefix(5).map(\.actor) == sheetExports.map(\.0))
  #expect(imports.ranked().prefix(5).map(\.actor) == sheetImports.map(\.0))
  // Shares are about direction: asked for without `directed`, they follow it all the same
  // (before, they came out undirected: the USA at 20.5 %).
  #expect(try view.scores(.outShare).values == exports.values)
  #expect(try view.scores([.degree, .inShare])[1].values == imports.values)
}

/// GDELT events are graded: one source makes a claim (alleged), two or more a report; a floor on
/// sources keeps the 13 events of the sample's 469 interstate rows that two sources carry; fighting
/// codes become armed incidents, not war; repeated event ids are dropped and counted.
@Test func gdeltEventsAreGradedBySources() throws {
  let file = fixture("data/gdelt2_20191024143000.export.CSV")
  let all = try GDELT.read(path: file)
  func events(_ d: Dataset) -> Int { d.observations.reduce(0) { $0 + Int($1.evidence[0].note!.split(separator: " ")[0])! } }
  func mostSources(_ o: TieObservation) -> Int {
    let note = o.evidence[0].note!
    let range = note.range(of: "at most ")!
    return Int(note[range.upperBound...].prefix { $0.isNumber })!
  }
  #expect(all.dataset.observations.allSatisfy { ($0.confidence == .reported) == (mostSources($0) >= 2) })
  #expect(all.dataset.observations.contains { $0.confidence == .alleged } && all.dataset.observations.contains { $0.confidence == .reported })
  #expect(!all.dataset.observations.contains { $0.kind == "war" })
  #expect(all.dataset.observations.contains { $0.kind == "armed-incident" })
  let twoSources = try GDELT.read(path: file, options: GDELTOptions(minimumSources: 2))
  #expect(events(twoSources.dataset) == 13)
  #expect(twoSources.dataset.observations.allSatisfy { $0.confidence == .reported })
  #expect(twoSources.warnings.contains { $0.hasPrefix("409 events left out: fewer than 2 sources") }, "\(twoSources.warnings)")
  let everyone = try GDELT.read(path: file, options: GDELTOptions(reportedAtSources: 1))
  #expect(everyone.dataset.observations.allSatisfy { $0.confidence == .reported })
  // The same file twice: every event of the second copy is a duplicate.
  let text = try String(contentsOfFile: file, encoding: .utf8)
  let twice = try GDELT.read(text: text + text, name: "twice")
  #expect(twice.dataset.observations == all.dataset.observations)
  #expect(twice.recordsRead == 2 * all.recordsRead && twice.recordsFiltered == 2 * all.recordsFiltered + events(all.dataset))
  #expect(twice.warnings.contains { $0 == "\(events(all.dataset)) events whose GLOBALEVENTID came earlier in the file left out as duplicates" })
}
