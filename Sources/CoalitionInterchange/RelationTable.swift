import CoalitionGraph
import CoalitionMetrics
import Foundation

/// A relation read from a table: one value per pair of actors, as QAP regressions take them
/// (`QAP.regression`).
///
/// A CSV or TSV file (the separator is found from the header line): the first two columns name
/// the actors (`a,b,value`, or `state_a,state_b,…` as `coalition alignment --format csv` writes),
/// and the value is the column named `value`, the column asked for, or else the third. Actor
/// codes are taken as they are (ISO alpha-3 for states) or translated from another scheme
/// (`CountryCodeScheme`, e.g. COW numbers). Each pair may appear once; in `graph` mode (a,b) and
/// (b,a) are the same pair, which may be listed both ways with the same value.
public struct RelationTable: Sendable, Hashable {
  /// The relation's name: the value column's name.
  public var name: String
  /// The file read.
  public var file: String
  /// Every pair listed, in file order.
  public var entries: [RelationEntry]

  /// The actors named in the table, sorted.
  public var actors: [String] { Array(Set(entries.flatMap { [$0.first, $0.second] })).sorted() }

  /// Reads a table.
  /// - Parameters:
  ///   - path: The file (CSV, or TSV when it ends in `.tsv` or its header holds a tab).
  ///   - column: The value column; `nil` for `value`, else the third column.
  ///   - codes: How the actor columns are coded; `nil` takes them as they are.
  ///   - year: The year the codes are read for, where a code meant different states over time
  ///     (COW 345: Yugoslavia until 2006, Serbia after); `nil` for the code's first meaning.
  ///   - mode: Whether (a,b) and (b,a) are one pair (`graph`) or two.
  /// - Throws: ``ImportError`` naming the line and reason: fewer than three columns, an unknown
  ///   value column or code, a value that is not a finite number, a pair of an actor with itself,
  ///   a pair listed twice (or, in `graph` mode, both ways with different values).
  public static func read(
    path: String, column: String? = nil, codes: CountryCodeScheme? = nil, year: Int? = nil, mode: QAPMode = .digraph
  ) throws -> RelationTable {
    let delimiter: UInt8 = path.lowercased().hasSuffix(".tsv") ? 0x09 : try RecordReader.delimiter(of: RecordReader(path: path, delimiter: 0x2C, quoting: false))
    return try read(RecordReader(path: path, delimiter: delimiter, quoting: true), column: column, codes: codes, year: year, mode: mode)
  }

  /// Reads a table from bytes; `name` stands for the file in errors, the rest as in
  /// ``read(path:column:codes:year:mode:)``.
  public static func read(
    bytes: [UInt8], name: String = "<relation>", column: String? = nil, codes: CountryCodeScheme? = nil, year: Int? = nil,
    mode: QAPMode = .digraph
  ) throws -> RelationTable {
    let delimiter = try RecordReader.delimiter(of: RecordReader(bytes: bytes, name: name, delimiter: 0x2C, quoting: false))
    return try read(
      RecordReader(bytes: bytes, name: name, delimiter: delimiter, quoting: true), column: column, codes: codes, year: year, mode: mode)
  }

  static func read(
    _ reader: RecordReader, column: String?, codes: CountryCodeScheme?, year: Int?, mode: QAPMode
  ) throws(ImportError) -> RelationTable {
    var record = Record()
    let header = try reader.header(into: &record)
    guard header.count >= 3 else {
      throw ImportError(file: reader.file, line: 1, "\(header.count) columns; a relation table has two actor columns and a value column (a,b,value)")
    }
    let valueColumn: Int
    if let column {
      valueColumn = try reader.column(column.lowercased(), in: header)
    } else {
      valueColumn = header.firstIndex(of: "value") ?? 2
    }
    var entries: [RelationEntry] = []
    var seen: [String: Int] = [:]
    var line = 1
    while try reader.next(into: &record) {
      line += 1
      guard record.count > max(1, valueColumn) else {
        throw ImportError(file: reader.file, line: line, "\(record.count) fields; the header has \(header.count)")
      }
      func actor(_ i: Int) throws(ImportError) -> String {
        let code = record.text(i).trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else { throw ImportError(file: reader.file, line: line, "no actor in column \(header[i])") }
        guard let codes else { return code }
        guard let state = CountryCodes.resolve(code, scheme: codes, year: year) else {
          throw ImportError(file: reader.file, line: line, "\(header[i]) \(code.debugDescription) is no \(codes.rawValue) country code")
        }
        return state.actorID
      }
      let (a, b) = (try actor(0), try actor(1))
      guard a != b else { throw ImportError(file: reader.file, line: line, "a pair of \(a) with itself; the diagonal is not used") }
      let text = record.text(valueColumn).trimmingCharacters(in: .whitespaces)
      guard let value = Double(text), value.isFinite else {
        throw ImportError(file: reader.file, line: line, "\(header[valueColumn]) \(text.debugDescription) is not a number")
      }
      // In graph mode a pair may also be listed the other way round (directed dyad files list
      // both), with the same value.
      if let earlier = seen["\(a)\u{1F}\(b)"] {
        throw ImportError(file: reader.file, line: line, "\(a) – \(b) is listed twice (first on line \(entries[earlier].line))")
      }
      if mode == .graph, let earlier = seen["\(b)\u{1F}\(a)"] {
        let first = entries[earlier]
        guard first.value == value else {
          throw ImportError(
            file: reader.file, line: line,
            "\(a) – \(b) is \(text) here and \(first.value) the other way round on line \(first.line); in graph mode a pair has one value")
        }
        continue
      }
      seen["\(a)\u{1F}\(b)"] = entries.count
      entries.append(RelationEntry(first: a, second: b, value: value, line: line))
    }
    return RelationTable(name: header[valueColumn], file: reader.file, entries: entries)
  }

  /// The relation over `actors` (in that order): listed pairs take their value (in `graph` mode
  /// both directions), pairs among actors the table does not list are `missing` (NaN unless a
  /// value is given), and pairs with an actor outside `actors` are left out.
  public func matrix(over actors: [String], mode: QAPMode, missing: Double? = nil) -> DyadMatrix {
    let n = actors.count
    let index = Dictionary(actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var values = [Double](repeating: missing ?? .nan, count: n * n)
    for e in entries {
      guard let i = index[e.first], let j = index[e.second] else { continue }
      values[i * n + j] = e.value
      if mode == .graph { values[j * n + i] = e.value }
    }
    return DyadMatrix(name: name, actors: actors, values: values)
  }
}

/// One row of a relation table.
public struct RelationEntry: Sendable, Hashable {
  /// The first actor (row).
  public var first: String
  /// The second actor (column).
  public var second: String
  /// The value.
  public var value: Double
  /// The line it was read from.
  public var line: Int
}

extension NetworkView {
  /// The view as a relation over `actors` (in that order): for each ordered pair, 1 when a tie of
  /// the view joins them (either way for undirected ties, or in `graph` mode), else 0 — or, with
  /// `weighted`, the sum of their ties' weights. Pairs with an actor outside the view are
  /// `missing` (NaN unless a value is given).
  public func dyadMatrix(name: String, over actors: [String], mode: QAPMode, weighted: Bool = false, missing: Double? = nil) -> DyadMatrix {
    let n = actors.count
    var values = [Double](repeating: 0, count: n * n)
    let present = actors.map { node(ofActor: $0) }
    for i in 0..<n where present[i] == nil {
      for j in 0..<n {
        values[i * n + j] = missing ?? .nan
        values[j * n + i] = missing ?? .nan
      }
    }
    let index = Dictionary(actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    for t in ties {
      guard let i = index[graph[t.source].id], let j = index[graph[t.target].id], i != j else { continue }
      let add = weighted ? t.weight : 1
      func put(_ a: Int, _ b: Int) { values[a * n + b] = weighted ? values[a * n + b] + add : 1 }
      put(i, j)
      if !t.directed || mode == .graph { put(j, i) }
    }
    return DyadMatrix(name: name, actors: actors, values: values)
  }
}

/// One CSV table as the tool writes them (RFC 4180: a header line, then rows of as many fields,
/// quoted fields may hold commas, quotes and line breaks), read back whole: what pandas'
/// `read_csv` and R's `read.csv` take.
public struct CSVTable: Sendable, Hashable {
  /// The column names.
  public var header: [String]
  /// The rows, as text.
  public var rows: [[String]]

  /// Reads one table.
  /// - Throws: ``ImportError`` naming the line of a row whose field count is not the header's, or
  ///   for an empty text.
  public static func read(bytes: [UInt8], name: String = "<csv>") throws -> CSVTable {
    let reader = RecordReader(bytes: bytes, name: name, delimiter: 0x2C, quoting: true)
    var record = Record()
    guard try reader.next(into: &record) else { throw ImportError(file: name, line: 1, "no header line: the text is empty") }
    let header = (0..<record.count).map { record.text($0) }
    var rows: [[String]] = []
    while try reader.next(into: &record) {
      guard record.count == header.count else {
        throw ImportError(file: name, line: record.line, "\(record.count) fields where the header has \(header.count): not one table")
      }
      rows.append((0..<record.count).map { record.text($0) })
    }
    return CSVTable(header: header, rows: rows)
  }
}

/// Direct contiguity between states, from the Correlates of War's Direct Contiguity data
/// (`contdir`: ccode1, ccode2, conttype, stdate, enddate): each spell with its two states (COW
/// codes read for the spell's last year, so that 345 is Serbia after 2006) and its days.
public struct ContiguitySpell: Sendable, Hashable {
  /// The first state's actor id.
  public var first: String
  /// The second state's actor id.
  public var second: String
  /// 1 land or river border; 2–5 separated by up to 12, 24, 150 or 400 miles of water.
  public var type: Int
  /// The spell's first day (a day number, as `PartialDate.firstDay`).
  public var firstDay: Int32
  /// The spell's last day.
  public var lastDay: Int32

  /// Reads a COW direct-contiguity file; spells of type 0 (recorded as not contiguous) are left
  /// out.
  /// - Throws: ``ImportError`` naming the line of a row without as many fields as the header, a
  ///   known COW code, a type from 0 to 5, or dates (YYYY-MM-DD or YYYYMM).
  public static func read(path: String) throws -> [ContiguitySpell] {
    let reader = try RecordReader(path: path, delimiter: 0x2C, quoting: true)
    var record = Record()
    let header = try reader.header(into: &record)
    let columns = try ["ccode1", "ccode2", "conttype", "stdate", "enddate"].map { (name: String) throws(ImportError) -> Int in
      try reader.column(name, in: header, hint: "COW's direct contiguity has ccode1, ccode2, conttype, stdate and enddate")
    }
    func date(_ text: String) -> PartialDate? {
      if let d = PartialDate(text) { return d }
      // COW's own files write YYYYMM.
      guard text.count == 6, let y = Int(text.prefix(4)), let m = Int(text.suffix(2)) else { return nil }
      return PartialDate(year: y, month: m)
    }
    var spells: [ContiguitySpell] = []
    var log = IssueLog(file: path, policy: .strict)
    while try reader.next(into: &record) {
      let line = record.line
      _ = try log.matchesHeader(record, width: header.count)
      let text = columns.map { record.text($0).trimmingCharacters(in: .whitespaces) }
      guard let from = date(text[3]), let to = date(text[4]) else { throw ImportError(file: path, line: line, "stdate \(text[3]) or enddate \(text[4]) is no date") }
      guard let type = Int(text[2]), (0...5).contains(type) else { throw ImportError(file: path, line: line, "conttype \(text[2]) is not 0 to 5") }
      if type == 0 { continue }  // a spell recorded as not contiguous
      let year = Int(to.year)
      guard let a = CountryCodes.resolve(text[0], scheme: .cow, year: year)?.actorID, let b = CountryCodes.resolve(text[1], scheme: .cow, year: year)?.actorID else {
        throw ImportError(file: path, line: line, "COW code \(text[0]) or \(text[1]) is no state in \(year)")
      }
      spells.append(ContiguitySpell(first: a, second: b, type: type, firstDay: from.firstDay, lastDay: to.lastDay))
    }
    return spells
  }
}
