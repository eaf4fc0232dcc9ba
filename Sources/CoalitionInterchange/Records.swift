import Foundation

import CoalitionGraph
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One problem found while importing: where and why.
public struct ImportIssue: Hashable, Sendable, CustomStringConvertible {
  /// 1-based line of the record (its first line when a quoted field spans several).
  public var line: Int
  /// 1-based column (byte offset within the line plus one), when the problem has one.
  public var column: Int?
  /// What is wrong.
  public var message: String
  /// The file, when an import reads several and it is not the one the result is named after.
  public var file: String?

  /// An issue at `line` (and `column`).
  public init(line: Int, column: Int? = nil, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// `line:column: message`, control characters in the message shown escaped.
  public var description: String { (column.map { "\(line):\($0): \(message)" } ?? "\(line): \(message)").visible }
}

/// An import that could not finish: the file and every problem that stopped it.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file, as named to the reader.
  public var file: String
  /// Every problem that stopped the import.
  public var issues: [ImportIssue]

  /// An error for `file`.
  public init(file: String, issues: [ImportIssue]) {
    self.file = file
    self.issues = issues
  }

  init(file: String, line: Int, column: Int? = nil, _ message: String) {
    self.init(file: file, issues: [ImportIssue(line: line, column: column, message: message)])
  }

  public var description: String {
    issues.map { "\(($0.file ?? file).visible):\($0)" }.joined(separator: "\n")
  }
}

/// What to do with a record that cannot be imported.
public enum ErrorPolicy: String, Sendable, Hashable, CaseIterable {
  /// Report it, leave it out and go on.
  case skip
  /// Stop at the first bad record; nothing is returned.
  case strict
}

/// Collects the issues of one import under an ``ErrorPolicy``.
struct IssueLog {
  let file: String
  let policy: ErrorPolicy
  /// The first issues, in file order (at most ``limit``).
  private(set) var issues: [ImportIssue] = []
  let limit = 1000

  init(file: String, policy: ErrorPolicy) {
    self.file = file
    self.policy = policy
  }

  /// Records an issue; throws at once under `.strict`.
  mutating func add(_ issue: ImportIssue) throws(ImportError) {
    if policy == .strict { throw ImportError(file: file, issues: [issue]) }
    if issues.count < limit { issues.append(issue) }
  }

  mutating func add(line: Int, column: Int? = nil, _ message: String) throws(ImportError) {
    try add(ImportIssue(line: line, column: column, message: message))
  }

  /// Whether the record has as many fields as the header; a record that has not is logged.
  mutating func matchesHeader(_ record: Record, width: Int) throws(ImportError) -> Bool {
    if record.count == width { return true }
    try add(line: record.line, "\(record.count) field\(record.count == 1 ? "" : "s"), but the header has \(width)")
    return false
  }
}

/// One record of a delimited file. Fields are kept as bytes and decoded on request, so wide files
/// (GDELT's 61 columns) cost only the columns a reader uses.
struct Record {
  /// Line on which the record starts (1-based).
  var line = 0
  /// Unescaped bytes of all fields, back to back.
  fileprivate(set) var bytes: [UInt8] = []
  /// End offset in ``bytes`` of each field.
  fileprivate(set) var ends: [Int] = []
  /// 1-based column where each field starts on its line.
  fileprivate(set) var columns: [Int] = []
  /// Whether each field was quoted (its spaces are then part of the value).
  fileprivate(set) var quoted: [Bool] = []

  var count: Int { ends.count }

  func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

  func isEmpty(_ i: Int) -> Bool { range(i).isEmpty }

  /// The field as text, or `nil` when it is not valid UTF-8.
  func string(_ i: Int) -> String? {
    String(validating: bytes[range(i)], as: UTF8.self)
  }

  /// The field as text, with surrounding spaces removed unless the field was quoted; invalid UTF-8
  /// is replaced.
  func text(_ i: Int) -> String {
    let s = string(i) ?? String(decoding: bytes[range(i)], as: UTF8.self)
    return quoted[i] ? s : s.trimmingSpaces()
  }

  /// The field as an integer (ASCII digits with an optional sign), or `nil`.
  func int(_ i: Int) -> Int? {
    var r = range(i)
    while let f = r.first, bytes[f] == 0x20 { r = (f + 1)..<r.upperBound }
    while let l = r.last, bytes[l] == 0x20 { r = r.lowerBound..<l }
    return ASCIINumber.integer(bytes[r])
  }

  /// The field as a finite number, or `nil`.
  func double(_ i: Int) -> Double? {
    let t = text(i)
    guard !t.isEmpty, let x = Double(t), x.isFinite else { return nil }
    return x
  }

  mutating func reset(line: Int) {
    self.line = line
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    columns.removeAll(keepingCapacity: true)
    quoted.removeAll(keepingCapacity: true)
  }
}

/// Numbers read straight from ASCII bytes (no spaces around them), for the readers' hot paths.
enum ASCIINumber {
  /// Digits with an optional sign as an integer; `nil` for anything else or 19 digits and more.
  static func integer<C: Collection>(_ t: C) -> Int? where C.Element == UInt8 {
    guard !t.isEmpty, t.count < 19 else { return nil }
    var k = t.startIndex
    var negative = false
    if t[k] == 0x2D || t[k] == 0x2B {
      negative = t[k] == 0x2D
      k = t.index(after: k)
      guard k != t.endIndex else { return nil }
    }
    var v = 0
    while k != t.endIndex {
      let d = t[k] &- 48
      guard d < 10 else { return nil }
      v = v * 10 + Int(d)
      k = t.index(after: k)
    }
    return negative ? -v : v
  }

  /// Decimal text as an exact count of millionths: `[-+]digits[.digits]` with at most six places
  /// (and at most 12 whole digits); `nil` for anything else.
  static func micros<C: Collection>(_ t: C) -> Int? where C.Element == UInt8 {
    var k = t.startIndex
    guard k != t.endIndex else { return nil }
    var negative = false
    if t[k] == 0x2D || t[k] == 0x2B {
      negative = t[k] == 0x2D
      k = t.index(after: k)
    }
    var whole = 0, digits = 0, fraction = 0, places = 0
    while k != t.endIndex, t[k] &- 48 < 10, digits < 12 {
      whole = whole * 10 + Int(t[k] &- 48)
      digits += 1
      k = t.index(after: k)
    }
    if k != t.endIndex, t[k] == 0x2E {
      k = t.index(after: k)
      while k != t.endIndex, t[k] &- 48 < 10, places < 6 {
        fraction = fraction * 10 + Int(t[k] &- 48)
        places += 1
        k = t.index(after: k)
      }
    }
    guard k == t.endIndex, digits + places > 0 else { return nil }
    let micros = whole * 1_000_000 + fraction * [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1][places]
    return negative ? -micros : micros
  }
}

/// Reads records from a delimited text file in fixed-size chunks: memory stays bounded however
/// large the file.
///
/// With `quoting`, fields follow RFC 4180: a field that starts with `"` may hold delimiters, line
/// breaks and doubled quotes. Without it (GDELT's tab-separated files) a quote is an ordinary
/// character. Lines may end in LF or CRLF; a UTF-8 byte order mark at the start is skipped.
final class RecordReader {
  /// The longest record read, in bytes: a line (or quoted field) past this is an error, not a
  /// reason to hold the whole file in memory (a file with no line end, or binary data).
  static let longestRecord = 16 << 20
  /// The most fields of one record: a table wider than this is refused, not held in memory.
  static let mostFields = 100_000
  let file: String
  private let delimiter: UInt8
  private let quoting: Bool
  private var fd: Int32 = -1
  private var chunk: [UInt8]
  private var position = 0
  private var filled = 0
  private var atEnd = false
  private var line = 1
  private var lineStart = 0
  private var first = true
  /// Bytes read so far, for progress.
  private(set) var bytesRead = 0
  private var fileSize = 0
  private let monitor = ProgressMonitor.current

  /// Tab when the first line of `reader` (read without quoting) holds a tab, else comma: the
  /// separator of a table that may be CSV or TSV.
  static func delimiter(of reader: RecordReader) throws(ImportError) -> UInt8 {
    var record = Record()
    guard try reader.next(into: &record) else { return 0x2C }
    return (0..<record.count).contains { record.text($0).contains("\t") } ? 0x09 : 0x2C
  }

  /// The first record as column names, lowercased: the header line of a CSV file.
  /// - Throws: ``ImportError`` when the file is empty.
  func header(into record: inout Record) throws(ImportError) -> [String] {
    guard try next(into: &record) else { throw ImportError(file: file, line: 1, "the file is empty") }
    return (0..<record.count).map { record.text($0).lowercased() }
  }

  /// The index of column `name` in `header`.
  /// - Throws: ``ImportError`` on line 1 naming the missing column and, unless `hint` is given, the columns there are.
  func column(_ name: String, in header: [String], hint: String? = nil) throws(ImportError) -> Int {
    guard let i = header.firstIndex(of: name) else {
      throw ImportError(file: file, line: 1, "no \(name) column; \(hint ?? "the columns are " + header.joined(separator: ", "))")
    }
    return i
  }

  /// Opens `path` for reading.
  init(path: String, delimiter: UInt8, quoting: Bool, chunkSize: Int = 1 << 20) throws(ImportError) {
    self.file = path
    self.delimiter = delimiter
    self.quoting = quoting
    fd = open(path, O_RDONLY)
    if fd < 0 {
      self.chunk = []
      throw ImportError(file: path, line: 0, "cannot open: \(String(cString: strerror(errno)))")
    }
    var info = stat()
    var buffer = chunkSize
    if fstat(fd, &info) == 0 {
      fileSize = Int(info.st_size)
      // A small regular file gets a buffer of its size, not a megabyte to clear: tables of a few
      // lines are read often (one per QAP relation, per fuzz input).
      if info.st_mode & S_IFMT == S_IFREG { buffer = min(chunkSize, max(4096, fileSize + 1)) }
    }
    self.chunk = [UInt8](repeating: 0, count: buffer)
  }

  /// Reads from bytes already in memory.
  init(bytes: [UInt8], name: String, delimiter: UInt8, quoting: Bool) {
    self.file = name
    self.delimiter = delimiter
    self.quoting = quoting
    self.chunk = bytes
    filled = bytes.count
    atEnd = true
  }

  deinit { if fd >= 0 { close(fd) } }

  private func refill() throws(ImportError) -> Bool {
    if atEnd { return false }
    lineStart -= filled
    position = 0
    filled = 0
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ImportError(file: file, line: line, "read failed: \(String(cString: strerror(errno)))")
      }
      if n == 0 { atEnd = true; return false }
      filled = n
      bytesRead += n
      if let monitor {
        if monitor.isCancelled { throw ImportError(file: file, line: line, "cancelled") }
        if fileSize > 0 { monitor.report("reading \(file)", Double(bytesRead) / Double(fileSize)) }
      }
      return true
    }
  }

  @inline(__always) private func peek() throws(ImportError) -> UInt8? {
    if position < filled { return chunk[position] }
    return try refill() ? chunk[position] : nil
  }

  /// Reads the next record into `record`; returns `false` at the end of the file. Blank lines are
  /// skipped.
  func next(into record: inout Record) throws(ImportError) -> Bool {
    if first {
      first = false
      let b = try peek()
      if b == 0xEF {
        // A byte-order mark only if all three bytes match; otherwise the bytes are data.
        if position + 2 < filled, chunk[position + 1] == 0xBB, chunk[position + 2] == 0xBF { position += 3; lineStart = position }
      } else if (b == 0xFF || b == 0xFE), position + 1 < filled, chunk[position + 1] == (b == 0xFF ? 0xFE : 0xFF) {
        let order = b == 0xFF ? "little-endian" : "big-endian"
        throw ImportError(
          file: file, line: 1, column: 1,
          "the file is UTF-16 (\(order), with a byte-order mark); this reader takes UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8")
      }
    }
    while true {
      guard let b = try peek() else { return false }
      if b == 0x0A { position += 1; line += 1; lineStart = position; continue }
      if b == 0x0D {
        // CRLF, or a lone CR (old Mac line ends): either way one line end.
        position += 1
        if try peek() != 0x0A { line += 1; lineStart = position }
        continue
      }
      break
    }
    record.reset(line: line)
    var fieldStartColumn = position - lineStart + 1
    while true {
      // Start of a field.
      guard let b = try peek() else {
        record.ends.append(record.bytes.count)
        record.columns.append(fieldStartColumn)
        record.quoted.append(false)
        return true
      }
      let isQuoted = quoting && b == UInt8(ascii: "\"")
      if isQuoted {
        let openLine = line
        let openColumn = position - lineStart + 1
        position += 1
        while true {
          guard let c = try peek() else {
            throw ImportError(file: file, line: openLine, column: openColumn, "quoted field is never closed")
          }
          position += 1
          if c == UInt8(ascii: "\"") {
            if try peek() == UInt8(ascii: "\"") {
              position += 1
              record.bytes.append(c)
            } else {
              break
            }
          } else if c == 0x0D {
            // A line break inside a quoted field is kept as one line feed, whatever the file's
            // line ends (CRLF, CR): a dataset's text holds no carriage returns.
            if try peek() != 0x0A {
              record.bytes.append(0x0A)
              line += 1
              lineStart = position
            }
          } else {
            if c == 0x0A { line += 1; lineStart = position }
            record.bytes.append(c)
          }
          if record.bytes.count > Self.longestRecord { throw tooLong(line: openLine) }
        }
        // After the closing quote: a delimiter, a line end or the end of the file.
        let after = try peek()
        if let after, after != delimiter, after != 0x0A, after != 0x0D {
          throw ImportError(
            file: file, line: line, column: position - lineStart + 1,
            "unexpected \(Self.describe(after)) after a closing quote (a quote inside a quoted field must be doubled)")
        }
      }
      // Unquoted part (or the rest after a closing quote): scan the chunk for the next delimiter or
      // line feed and copy the run in one go.
      var terminated = false
      while !terminated {
        if position >= filled, !(try refill()) { break }
        let start = position
        var k = position
        let (end, d) = (filled, delimiter)
        chunk.withUnsafeBufferPointer { buf in
          while k < end {
            let c = buf[k]
            if c == d || c == 0x0A || c == 0x0D { break }
            k += 1
          }
          record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<k]))
        }
        position = k
        terminated = k < end
        if record.bytes.count > Self.longestRecord { throw tooLong(line: record.line) }
      }
      record.ends.append(record.bytes.count)
      record.columns.append(fieldStartColumn)
      record.quoted.append(isQuoted)
      if record.ends.count > Self.mostFields {
        throw ImportError(
          file: file, line: record.line,
          "more than \(Self.mostFields) fields in one record: not a table this reader takes (is the delimiter right?)")
      }
      guard let c = try peek() else { return true }
      position += 1
      // Line ends: LF, CRLF or a lone CR, all the same.
      if c == 0x0D, try peek() == 0x0A { position += 1 }
      if c == 0x0A || c == 0x0D {
        line += 1
        lineStart = position
        return true
      }
      fieldStartColumn = position - lineStart + 1
    }
  }

  /// The error for a record past ``longestRecord`` bytes that starts on `line`.
  private func tooLong(line: Int) -> ImportError {
    ImportError(
      file: file, line: line,
      "a record longer than \(Self.longestRecord >> 20) MB: the file has no line end there (is it a text table?), or a quoted field is never closed")
  }

  /// Everything not yet read, as one array (reserved at the file's size, so that a large file is
  /// not copied while the array grows).
  func readAll() throws(ImportError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(max(0, fileSize - bytesRead) + (filled - position))
    out += chunk[position..<filled]
    position = filled
    while try refill() {
      out += chunk[0..<filled]
      position = filled
    }
    return out
  }

  static func describe(_ b: UInt8) -> String {
    b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16))"
  }
}

extension String {
  /// The first `limit` characters of a string for messages, with an ellipsis when cut. (Control
  /// characters are escaped where messages are written out: ``ImportIssue/description``.)
  func clipped(_ limit: Int = 40) -> String {
    count <= limit ? self : String(prefix(limit)) + "…"
  }

}

extension ImportError: LocalizedError {
  /// The same text as `description` (and as the command-line tool prints), so that apps show it
  /// instead of "The operation could not be completed".
  public var errorDescription: String? { description }
}
