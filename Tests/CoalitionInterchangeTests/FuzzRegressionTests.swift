import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionInterchange

/// Inputs that crashed a reader under the fuzzer, or that probe what fuzzing found worth a test
/// (Tests/Fixtures/fuzz/TARGET/, replayed by scripts/fuzz.sh too): every reader returns or throws,
/// and nothing it says holds a raw control character.
@Test(arguments: ["FuzzDatasetJSON", "FuzzEdgeList", "FuzzCSV", "FuzzGDELT", "FuzzDyads", "FuzzArchive", "FuzzATOP", "FuzzSIPRI", "FuzzGraphML", "FuzzGEXF", "FuzzNodeLink", "FuzzTables"])
func fuzzRegressionInputsAreHandled(_ target: String) throws {
  let dir = fixtures.appendingPathComponent("fuzz/\(target)")
  let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  #expect(!files.isEmpty, "no regression inputs for \(target)")
  for name in files {
    let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
    var said: [String] = []
    do {
      said = try read(target, bytes, name: name)
    } catch {
      said = [String(describing: error)]
    }
    for text in said {
      #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }, "\(target)/\(name): \(text)")
    }
  }
}

/// Runs one reader; returns what it reports (issues, warnings, problems of the dataset it made).
private func read(_ target: String, _ bytes: [UInt8], name: String) throws -> [String] {
  let dated = GraphImportOptions(date: PartialDate("2024"))
  let result: ImportResult
  switch target {
  case "FuzzDatasetJSON":
    _ = try Dataset(json: bytes, file: name)
    return []
  case "FuzzEdgeList":
    _ = try EdgeList(bytes: bytes, weighted: true, file: name)
    return []
  case "FuzzCSV": result = try CSVObservations.read(text: String(decoding: bytes, as: UTF8.self), name: name)
  case "FuzzGDELT": result = try GDELT.read(text: String(decoding: bytes, as: UTF8.self), name: name)
  case "FuzzDyads": result = try DyadTable.read(bytes: bytes, name: name)
  case "FuzzArchive":
    // The bytes as a zip and as a gzip file: what each reports.
    var said: [String] = []
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-archive-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for suffix in [".zip", ".gz"] {
      let url = dir.appendingPathComponent(name + suffix)
      try Data(bytes).write(to: url)
      do {
        let r = try GDELT.read(inputs: [GDELTInput(path: url.path, size: bytes.count)])
        said += r.result.issues.map(\.description) + r.result.warnings
      } catch {
        said.append(String(describing: error))
      }
    }
    return said
  case "FuzzTables":
    // The tables of qap, alignment and --cameo-map; the path readers read a temporary copy.
    var said: [String] = []
    func note(_ read: () throws -> Void) {
      do { try read() } catch { said.append(String(describing: error)) }
    }
    note { _ = try RelationTable.read(bytes: bytes, name: name) }
    note { _ = try RelationTable.read(bytes: bytes, name: name, column: "land", codes: .cow, year: 2016, mode: .graph) }
    note { _ = try CSVTable.read(bytes: bytes, name: name) }
    note { _ = try CAMEOMapping.read(text: String(decoding: bytes, as: UTF8.self), name: name) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-tables-\(UUID().uuidString).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    note { _ = try ContiguitySpell.read(path: path) }
    note { said += try UNVotes.read(votes: path, rollCalls: path).issues }
    return said
  case "FuzzATOP": result = try ATOP.read(bytes: bytes, name: name)
  case "FuzzSIPRI": result = try SIPRI.read(bytes: bytes, name: name)
  case "FuzzGraphML": result = try GraphML.read(bytes: bytes, name: name, options: dated)
  case "FuzzGEXF": result = try GEXF.read(bytes: bytes, name: name, options: dated)
  default: result = try NodeLink.read(bytes: bytes, name: name, options: dated)
  }
  return result.issues.map(\.description) + result.warnings + result.dataset.validate().map(\.description)
}

/// Line ends and encodings: LF, CRLF and CR-only read the same; UTF-16 is refused by name.
@Test func lineEndsAndEncodings() throws {
  let rows = ["source,target,kind,date", "RUS,CHN,diplomatic,2024", "RUS,IRN,diplomatic,2023"]
  var seen: [[String]] = []
  for end in ["\n", "\r\n", "\r"] {
    let r = try CSVObservations.read(text: rows.joined(separator: end) + end)
    #expect(r.recordsSkipped == 0)
    seen.append(r.dataset.observations.map { "\($0.source) \($0.target) \($0.time.text)" })
  }
  #expect(seen.count == 3 && seen.allSatisfy { $0 == ["RUS CHN 2024", "RUS IRN 2023"] })
  for (bom, order) in [([UInt8]([0xFF, 0xFE]), "little-endian"), ([0xFE, 0xFF], "big-endian")] {
    let text = rows.joined(separator: "\n")
    let units = Array(text.utf16)
    let bytes = bom + units.flatMap { order == "little-endian" ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("utf16-\(order).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    for reader in ["csv", "sipri"] {
      do {
        _ = reader == "csv" ? try CSVObservations.read(path: path) : try SIPRI.read(bytes: bytes, name: path)
        Issue.record("UTF-16 read as UTF-8 by \(reader)")
      } catch {
        #expect(String(describing: error).contains("UTF-16 (\(order), with a byte-order mark)"), "\(error)")
        #expect(!String(describing: error).unicodeScalars.contains { $0.value == 0 })
      }
    }
  }
}

/// Element names may start or end with ":" in XML. Such a name once trapped the namespace split
/// (found by FuzzGEXF); now ":", "a:" and ":node" are prefixed names that the readers pass over.
@Test func elementNamesWithBareColonsArePrefixedNames() throws {
  let names = [":", ":node", "a:", "gexf:node", "node"].map { XMLElement(name: $0, attributes: [], line: 1, column: 1) }
  #expect(names.map(\.prefix) == ["", "", "a", "gexf", nil])
  #expect(names.map(\.localName) == ["", "node", "", "node", "node"])
  let dated = GraphImportOptions(date: PartialDate("2024"))
  for (file, reader) in [("FuzzGEXF/colon-element-name.gexf", GEXF.read), ("FuzzGraphML/colon-element-name.graphml", GraphML.read)] {
    let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent("fuzz/\(file)")))
    let result = try reader(bytes, file, dated)
    #expect(result.dataset.observations.map { "\($0.source)-\($0.target)" } == ["RUS-CHN"], "\(file)")
    #expect(result.issues.isEmpty, "\(file): \(result.issues)")
  }
}

/// A COW contiguity row shorter than its header once trapped on the missing fields (found by
/// FuzzTables); now the line is named.
@Test func contiguityRowShorterThanItsHeaderIsNamed() throws {
  let path = fixtures.appendingPathComponent("fuzz/FuzzTables/contdir-short-row.csv").path
  #expect {
    try ContiguitySpell.read(path: path)
  } throws: { error in
    let text = String(describing: error)
    return text.contains(":3:") && text.contains("1 field, but the header has 5")
  }
}
