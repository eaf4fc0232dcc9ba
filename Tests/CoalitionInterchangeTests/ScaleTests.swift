import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionInterchange

let scaleScripts = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/scale")

/// The tables the SQL of scripts/scale joins are the importer's own rules: a change to the CAMEO
/// mapping, the kinds or the country table that is not carried to the SQL fails here.
/// (COALITION_WRITE_SCALE_TABLES=1 writes them anew.)
@Test func scaleTablesAreTheImportersRules() throws {
  for (name, text) in GDELT.sqlTables() {
    let url = scaleScripts.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["COALITION_WRITE_SCALE_TABLES"] == "1" { try text.write(to: url, atomically: true, encoding: .utf8) }
    #expect(try String(contentsOf: url, encoding: .utf8) == text, "\(name) differs from the importer's rules")
  }
  let actors = try #require(GDELT.sqlTables()["gdelt_actors.csv"])
  #expect(actors.contains("\nRUS,state\n") && actors.contains("\nWST,region\n") && !actors.contains("\nXYZ,"))
}

private func scratch() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-scale-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

private let sampleLines: [Substring] = {
  let text = try! String(contentsOfFile: fixture("data/gdelt2_20191024143000.export.CSV"), encoding: .utf8)
  return text.split(separator: "\n")
}()

/// The 2.0 sample cut into four files, the first plain, the second zipped, the third gzipped, the
/// fourth plain with a header line. The packed ones were written by Python's zipfile and gzip
/// (scripts/reference/gdelt_packed_fixtures.py), writers independent of the reader.
private func splitSample(in dir: URL) throws -> [String] {
  let quarter = (sampleLines.count + 3) / 4
  let parts = stride(from: 0, to: sampleLines.count, by: quarter).map { sampleLines[$0..<min($0 + quarter, sampleLines.count)].joined(separator: "\n") + "\n" }
  let header = try String(contentsOfFile: fixture("data/gdelt2_20191024143000_interstate_with_header.tsv"), encoding: .utf8).prefix { $0 != "\n" }
  var paths: [String] = []
  let plain = dir.appendingPathComponent("20191024143000.a.export.CSV")
  try parts[0].write(to: plain, atomically: true, encoding: .utf8)
  paths.append(plain.path)
  for name in ["20191024143000.b.export.CSV.zip", "20191024143000.c.export.CSV.gz"] {
    let copy = dir.appendingPathComponent(name)
    try FileManager.default.copyItem(atPath: fixture("data/packed/\(name)"), toPath: copy.path)
    paths.append(copy.path)
  }
  let headed = dir.appendingPathComponent("20191024143000.d.export.CSV")
  try (header + "\n" + parts[3]).write(to: headed, atomically: true, encoding: .utf8)
  paths.append(headed.path)
  return paths
}

/// Archives of several members — a stored one and a deflated one with ZIP64 extra fields in its
/// local header; two gzip members back to back — read as the plain quarters they hold.
@Test func archivesOfSeveralMembersReadAsTheirParts() throws {
  let dir = try scratch()
  defer { try? FileManager.default.removeItem(at: dir) }
  let paths = try splitSample(in: dir)
  let plain = try GDELT.read(inputs: GDELT.inputs([paths[0], paths[3]]).inputs)
  for packed in ["members-zip64.zip", "members.gz"] {
    let r = try GDELT.read(inputs: GDELT.inputs([fixture("data/packed/\(packed)")]).inputs)
    #expect(r.summary.unreadable.isEmpty, "\(packed): \(r.summary.unreadable)")
    #expect(r.result.dataset.observations == plain.result.dataset.observations, "\(packed)")
    #expect(r.summary.rows == plain.summary.rows)
  }
}

/// Four pieces of the 2.0 sample, plain, zipped, gzipped and with a header, read as many files on
/// one, two and five threads and named in any order, give the dataset the whole file gives.
@Test func manyFilesInAnyPackingGiveTheWholeFilesDataset() throws {
  let dir = try scratch()
  defer { try? FileManager.default.removeItem(at: dir) }
  let paths = try splitSample(in: dir)
  let whole = try GDELT.read(path: fixture("data/gdelt2_20191024143000.export.CSV"))
  for threads in [1, 2, 5] {
    for order in [paths, paths.reversed(), [paths[2], paths[0], paths[3], paths[1]]] {
      var options = GDELTOptions()
      options.threads = threads
      let list = try GDELT.inputs(order)
      #expect(list.inputs.map(\.path) == paths)
      let many = try GDELT.read(inputs: list.inputs, options: options)
      #expect(many.result.dataset.observations == whole.dataset.observations, "threads \(threads)")
      #expect(many.summary.files == 4 && many.summary.rows == whole.recordsRead && many.summary.kept == 422)
      #expect(many.summary.filtered == [.notAState: 1568, .sameCountry: 121])
    }
  }
  // A directory and a pattern name the same files.
  #expect(try GDELT.inputs([dir.path]).inputs.map(\.path) == paths)
  #expect(try GDELT.inputs([dir.path + "/*.export.CSV*"]).inputs.map(\.path).map { ($0 as NSString).standardizingPath } == paths)
  #expect(throws: ImportError.self) { try GDELT.inputs([dir.path + "/*.nothing"]) }
}

/// The native importer agrees with DuckDB running scripts/scale's SQL on the same files
/// (Tests/Fixtures/reference/*_dyads_*.csv, by scripts/reference/gdelt_dyads_reference.py), read
/// back as dyad tables: every observation, to the byte.
@Test(arguments: [
  ("gdelt2_dyads_day.csv", ["gdelt2_20191024143000.export.CSV"], GDELTOptions.Window.day),
  ("gdelt_mixed_dyads_month.csv", ["gdelt1_sample_events_reed9999.tsv", "gdelt2_20191024143000.export.CSV"], .month),
])
func nativeImportEqualsDuckDBsDyadTable(table: String, files: [String], window: GDELTOptions.Window) throws {
  let native = try GDELT.read(inputs: GDELT.inputs(files.map { fixture("data/\($0)") }).inputs, options: GDELTOptions(window: window))
  let dyads = try DyadTable.read(path: fixture("reference/\(table)"))
  #expect(dyads.issues.isEmpty)
  #expect(dyads.dataset.observations.count == native.result.dataset.observations.count)
  #expect(dyads.dataset.observations == native.result.dataset.observations)
  #expect(dyads.dataset.sources == native.result.dataset.sources)
  // The same table weighted by events.
  let counted = try DyadTable.read(path: fixture("reference/\(table)"), options: DyadTableOptions(weight: .events))
  #expect(counted.dataset.observations.reduce(0) { $0 + $1.weight } == Double(native.summary.kept))
}

/// Adding files to a dataset gives what one run over all of them gives, bundles that span both
/// runs included; other options are refused.
@Test(arguments: [GDELTOptions.Window.day, .month])
func appendingFilesEqualsOneRun(window: GDELTOptions.Window) throws {
  let dir = try scratch()
  defer { try? FileManager.default.removeItem(at: dir) }
  let paths = try splitSample(in: dir)
  let options = GDELTOptions(window: window)
  let all = try GDELT.read(inputs: GDELT.inputs(paths).inputs, options: options)
  let first = try GDELT.read(inputs: GDELT.inputs(Array(paths.prefix(2))).inputs, options: options)
  let appended = try GDELT.append(GDELT.inputs(Array(paths.suffix(2))).inputs, to: first.result.dataset, options: options)
  #expect(appended.result.dataset.observations == all.result.dataset.observations)
  #expect(first.result.dataset.observations.count < all.result.dataset.observations.count)
  #expect(throws: ImportError.self) {
    try GDELT.append(GDELT.inputs(Array(paths.suffix(2))).inputs, to: first.result.dataset, options: GDELTOptions(window: .year))
  }
}

/// Damaged archives are reported by name and what was read before the damage is kept; under
/// strict the import stops. A cut gzip file ends with an error, not a loop.
@Test func damagedArchivesAreReportedNotTrusted() throws {
  let dir = try scratch()
  defer { try? FileManager.default.removeItem(at: dir) }
  let paths = try splitSample(in: dir)
  let zip = try Data(contentsOf: URL(fileURLWithPath: paths[1]))
  let broken = dir.appendingPathComponent("broken.zip")
  var bytes = [UInt8](zip)
  for i in 200..<240 { bytes[i] ^= 0x5A }  // inside the deflate stream
  try Data(bytes).write(to: broken)
  let cut = dir.appendingPathComponent("cut.export.CSV.gz")
  let gz = try Data(contentsOf: URL(fileURLWithPath: paths[2]))
  try gz.prefix(gz.count / 2).write(to: cut)
  let notZip = dir.appendingPathComponent("text.zip")
  try "not an archive".write(to: notZip, atomically: true, encoding: .utf8)
  let notGzip = dir.appendingPathComponent("text.export.CSV.gz")
  try "not gzip either".write(to: notGzip, atomically: true, encoding: .utf8)
  // Nothing readable at all is an error, not an empty dataset. (The cut gzip file is partly
  // readable: its rows before the cut are kept, as below.)
  #expect(throws: ImportError.self) { try GDELT.read(inputs: GDELT.inputs([notZip.path, notGzip.path]).inputs) }
  #expect(throws: ImportError.self) { try GDELT.read(path: dir.appendingPathComponent("missing.export.CSV").path) }
  for damaged in [broken, cut, notZip] {
    let r = try GDELT.read(inputs: GDELT.inputs([paths[0], damaged.path]).inputs)
    #expect(r.summary.unreadable.count == 1, "\(damaged.lastPathComponent)")
    #expect(r.summary.unreadable.first?.file == damaged.path)
    #expect(r.result.warnings.contains { $0.hasPrefix(damaged.path) && $0.hasSuffix("rows before the damage were read") }, "\(r.result.warnings)")
    #expect(r.result.dataset.observations.count >= (try GDELT.read(path: paths[0])).dataset.observations.count)
    var strict = GDELTOptions(policy: .strict)
    strict.threads = 2
    #expect(throws: ImportError.self) { try GDELT.read(inputs: GDELT.inputs([paths[0], damaged.path]).inputs, options: strict) }
  }
}

/// Bad rows are counted by reason and reported with their own file and line, whatever the block
/// they fell in.
@Test func badRowsAreCountedByReasonAndLocatedInTheirFile() throws {
  let dir = try scratch()
  defer { try? FileManager.default.removeItem(at: dir) }
  var fields = sampleLines[3].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  fields[30] = "eleven"
  let badGoldstein = fields.joined(separator: "\t")
  fields[30] = "1.0"
  fields[0] = "x1"
  let badID = fields.joined(separator: "\t")
  var lines = Array(sampleLines.prefix(1500)).map(String.init)
  lines[1200] = badGoldstein
  lines[1400] = badID
  lines.append("1\t20191024\tRUS")
  let file = dir.appendingPathComponent("bad.export.CSV")
  try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
  let other = dir.appendingPathComponent("a.export.CSV")
  try (sampleLines[0] + "\n").write(to: other, atomically: true, encoding: .utf8)
  var options = GDELTOptions()
  options.threads = 2
  let r = try GDELT.read(inputs: GDELT.inputs([file.path, other.path]).inputs, options: options)
  #expect(r.summary.malformed == [.goldstein: 1, .eventID: 1, .fieldCount: 1])
  #expect(r.result.issues.map(\.line) == [1201, 1401, 1501])
  #expect(r.result.issues.allSatisfy { $0.file == file.path })
  #expect(r.result.issues[1].message == "GLOBALEVENTID \"x1\" is not a whole number")
  #expect(r.summary.text.contains("malformed, GoldsteinScale: 1"))
  #expect(r.result.recordsSkipped == 3 && r.result.recordsRead == 1502)
}

/// The id set keeps every id once, through the change from a list to a bitmap.
@Test func eventIDSetKeepsEachIDOnce() {
  var set = EventIDSet()
  var reference = Set<UInt64>()
  var rng = SplitMix64(seed: 7)
  for _ in 0..<30_000 {
    let id = 881_990_000 + rng.next() % 12_000 + (rng.next() % 3) * 1_000_000
    #expect(set.insert(id) == reference.insert(id).inserted)
  }
  #expect(set.count == reference.count)
}

/// Dyad tables with problems are reported cell by cell; a table without its key columns is refused.
@Test func dyadTableProblemsAreReported() throws {
  let text = """
    source,target,kind,period,events,goldstein,max_sources
    RUS,CHN,military,2024-03,2,3.500000,2
    RUS,XXX,military,2024-03,1,1.0,1
    RUS,CHN,warfare,2024-03,1,1.0,1
    RUS,CHN,diplomatic,2024-13,1,1.0,1
    RUS,CHN,diplomatic,2024-03,0,1.0,1
    RUS,CHN,diplomatic,2024-03,1,1.0000001,1
    CHN,RUS,military,2024-03,1,1.0,1
    WST,RUS,accusation,2024,1,2,1
    """
  let r = try DyadTable.read(bytes: Array(text.utf8), name: "d.csv")
  #expect(r.dataset.observations.count == 2)
  #expect(r.issues.map(\.line) == [3, 4, 5, 6, 7, 8])
  #expect(r.issues[0].message.contains("\"XXX\" is not an ISO alpha-3 state"))
  #expect(r.issues[5].message == "a second row for CHN→RUS, military, 2024-03")
  let military = try #require(r.dataset.observations.first { $0.kind == "military" })
  #expect(military.weight == 3.5 && military.confidence == .reported && military.time == .on(PartialDate("2024-03")!))
  #expect(r.dataset.actors.contains { $0.id == "WST" && $0.type == .aggregate })
  #expect(throws: ImportError.self) { try DyadTable.read(bytes: Array("source,target\nRUS,CHN\n".utf8)) }
}

/// The code table the scanner uses gives, for every CAMEO code of one to four digits, the kind the
/// mapping's own longest-prefix lookup gives: for the standard mapping and for an edited one.
@Test func codeTablesAgreeWithTheMapping() throws {
  let custom = try CAMEOMapping.read(text: "code,kind\n04,-\n0621,economic\n19,war\n190,-\n")
  for mapping in [CAMEOMapping.standard, custom] {
    let rules = GDELTTables.CodeRules(mapping)
    #expect(rules.slot.count == GDELTTables.codeCount)
    for i in 0..<GDELTTables.codeCount {
      let code = GDELTTables.codeText(UInt16(i))
      let slot = rules.slot[i]
      #expect((slot < 0 ? nil : rules.ids[Int(slot)]) == mapping.kind(for: code), "\(code)")
    }
  }
}
