import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionInterchange

@Test func seedRoundTripsThroughObservationsCSV() throws {
  let csv = CSVObservations.write(.seed)
  let back = try CSVObservations.read(text: csv)
  #expect(back.recordsSkipped == 0)
  #expect(canonical(back.dataset) == canonical(.seed))
  // Declared actors come back with their names and types.
  let west = back.dataset.actors.first { $0.id == "WEST" }
  #expect(west?.name == "US allies (unnamed)")
  #expect(west?.type == .aggregate)
  #expect(back.dataset.validate().isEmpty)
}

@Test func csvFieldsFollowRFC4180() throws {
  #expect(CSVText.field("plain") == "plain")
  #expect(CSVText.field("a,b") == "\"a,b\"")
  #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
  #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
  let text = "source,target,kind,date,detail\r\nRUS,CHN,diplomatic,2024-03-19,\"talks, \"\"frank\"\"\nand long\"\r\n"
  let r = try CSVObservations.read(text: text)
  #expect(r.dataset.observations.first?.detail == "talks, \"frank\"\nand long")
}

/// The UN roll-call file quotes descriptions with commas, quotes and line breaks; Python's csv
/// module is the reference for what the fields hold.
@Test func realQuotedCSVMatchesPythonCSVModule() throws {
  let reader = try RecordReader(path: fixture("data/unvotes_sessions70plus_roll_calls.csv"), delimiter: UInt8(ascii: ","), quoting: true)
  var record = Record()
  var rows = 0
  var descr = -1
  var characters = 0
  while try reader.next(into: &record) {
    if rows == 0 {
      descr = (0..<record.count).first { record.text($0) == "descr" } ?? -1
      #expect(record.count == Int(refDouble("roll_calls", "fields")))
    } else {
      characters += record.string(descr)!.count
    }
    rows += 1
  }
  #expect(rows == Int(refDouble("roll_calls", "records")))
  #expect(characters == Int(refDouble("roll_calls", "descr_characters")))
}

@Test func headerMappingCodesAndKindValues() throws {
  let text = """
    Country A;Country B;Relation;Year;Amount
    643;408;Arms;2023;5
    NA;ZA;Talks;2019;1
    """
  var options = CSVObservationOptions(
    columns: [.source: "Country A", .target: "Country B", .kind: "Relation", .date: "Year", .weight: "Amount"],
    kindValues: ["Arms": "arms-transfer", "Talks": "diplomatic"], delimiter: UInt8(ascii: ";"))
  let r = try CSVObservations.read(text: text, options: options)
  #expect(r.recordsSkipped == 0)
  let o = r.dataset.observations
  #expect(o.count == 2)
  #expect((o[0].source, o[0].target, o[0].kind, o[0].weight) == ("RUS", "PRK", "arms-transfer", 5))
  // Namibia's alpha-2 code is NA, not a missing value.
  #expect((o[1].source, o[1].target) == ("NAM", "ZAF"))
  #expect(o[1].time == .on(PartialDate(year: 2019)!))
  // COW codes when the sheet says so.
  options.codes = .cow
  options.columns = [:]
  let cow = try CSVObservations.read(text: "source;target;kind;date\n365;731;military;2024-06-19\n345;2;diplomatic;2001\n345;2;diplomatic;2010\n", options: options)
  #expect(cow.dataset.observations.map(\.source) == ["RUS", "YUG", "SRB"])
  #expect(cow.dataset.observations.map(\.target) == ["PRK", "USA", "USA"])
  #expect(cow.dataset.actors.map(\.id) == ["YUG"])
}

@Test func badRowsAreReportedWithLineAndColumnOrStopUnderStrict() throws {
  let text = """
    source,target,kind,date,weight,confidence
    RUS,CHN,diplomatic,2024-03-19,1,reported
    RSU,CHN,diplomatic,2024-03-19,1,reported
    RUS,CHN,diplomtic,2024-03-19,1,reported
    RUS,CHN,diplomatic,2024-02-30,1,reported
    RUS,CHN,diplomatic,2024-03-19,-2,reported
    RUS,CHN,diplomatic,2024-03-19,1,sure
    RUS,RUS,diplomatic,2024-03-19,1,reported
    RUS,CHN,diplomatic
    Hamas,ISR,war,2023-10-07,1,reported
    """
  let r = try CSVObservations.read(text: text, name: "sheet.csv")
  #expect(r.dataset.observations.count == 2)
  #expect(r.recordsSkipped == 7)
  let messages = r.issues.map(\.description)
  #expect(messages[0] == "3:1: \"RSU\" is not a known ISO 3166-1 country code (did you mean \"RUS\"?)")
  #expect(messages[1].hasPrefix("4:9: unknown kind \"diplomtic\" (did you mean \"diplomatic\"?)"))
  #expect(messages[2] == "5:20: \"2024-02-30\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD)")
  #expect(messages[3] == "6:31: weight \"-2\" is not a non-negative number")
  #expect(messages[4].hasPrefix("7:33: unknown confidence \"sure\""))
  #expect(messages[5].hasPrefix("8:5: self-tie"))
  #expect(messages[6] == "9: 3 fields, but the header has 6")
  // A name that is not code-like is a non-state actor.
  #expect(r.dataset.actors.map(\.id) == ["Hamas"])
  var strict = CSVObservationOptions()
  strict.policy = .strict
  #expect(throws: ImportError.self) { try CSVObservations.read(text: text, name: "sheet.csv", options: strict) }
  do {
    _ = try CSVObservations.read(text: text, name: "sheet.csv", options: strict)
  } catch {
    #expect(String(describing: error) == "sheet.csv:3:1: \"RSU\" is not a known ISO 3166-1 country code (did you mean \"RUS\"?)")
  }
}

@Test func malformedFilesGiveOneClearError() {
  func message(_ text: String) -> String {
    do {
      _ = try CSVObservations.read(text: text, name: "f.csv")
      return "no error"
    } catch { return String(describing: error) }
  }
  #expect(message("") == "f.csv:1: the file is empty: a header line naming the columns is needed")
  #expect(message("a,b\n1,2\n").hasPrefix("f.csv:1: no source column"))
  #expect(message("source,target,kind,date\nRUS,CHN,military,\"2024\n") == "f.csv:2:18: quoted field is never closed")
  #expect(message("source,target,kind,date\nRUS,\"CHN\"x,military,2024\n").hasPrefix("f.csv:2:10: unexpected 'x' after a closing quote"))
}

@Test func invalidUTF8IsAnIssueNotACrash() throws {
  var bytes = Array("source,target,kind,date\nRUS,CHN,military,2024\n".utf8)
  bytes += [0x52, 0x55, 0x53, 0x2C, 0xFF, 0xFE, 0x2C] + Array("military,2024\n".utf8)
  let path = NSTemporaryDirectory() + "bad-utf8-\(UUID().uuidString).csv"
  _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
  defer { try? FileManager.default.removeItem(atPath: path) }
  let r = try CSVObservations.read(path: path)
  #expect(r.dataset.observations.count == 1)
  #expect(r.issues.map(\.description) == ["3:5: field 2 is not valid UTF-8"])
}

/// The reader keeps memory bounded by reading in chunks; a chunk boundary inside a quoted field,
/// a CRLF pair or a multi-byte character must not change what is read.
@Test func chunkBoundariesDoNotChangeRecords() throws {
  let text = "source,target,kind,date,detail\r\n" + (0..<200).map { i in "RUS,CHN,military,2024,\"exercise \(i), \"\"Maritime\"\"\nCoopération\"\r\n" }.joined()
  let path = temporaryFile(text, suffix: ".csv")
  defer { try? FileManager.default.removeItem(atPath: path) }
  for chunk in [1, 2, 3, 7, 64, 1 << 20] {
    let reader = try RecordReader(path: path, delimiter: UInt8(ascii: ","), quoting: true, chunkSize: chunk)
    var r = Record()
    var details: [String] = []
    var lines: [Int] = []
    while try reader.next(into: &r) {
      if r.line > 1 {
        details.append(r.string(4)!)
        lines.append(r.line)
      }
    }
    #expect(details.count == 200)
    #expect(details[7] == "exercise 7, \"Maritime\"\nCoopération")
    #expect(lines[7] == 2 + 7 * 2)
  }
}

/// Quoted fields keep their spaces and their line breaks, as one line feed whatever the file's line ends.
@Test func quotedFieldsKeepSpacesAndLineBreaks() throws {
  let text = "source,target,kind,date,detail\r\nRUS,CHN,diplomatic,2024,\"  line one\r\nline two\rline three  \"\r\nRUS,IRN,diplomatic,2024,  unquoted  \r\n"
  let r = try CSVObservations.read(text: text)
  #expect(r.recordsSkipped == 0)
  #expect(r.dataset.observations.map(\.detail) == ["  line one\nline two\nline three  ", "unquoted"])
  #expect(r.dataset.validate().isEmpty)
}
