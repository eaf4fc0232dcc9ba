import Foundation

/// A line and column in a text file, both counted from 1 (columns in characters).
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
  /// Line, from 1.
  public var line: Int
  /// Column in characters, from 1.
  public var column: Int
  /// A position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public var description: String { "\(line):\(column)" }
}

/// One thing wrong with a dataset, located by its path in the document
/// (`observations[3].target`) and, when read from a file, by line and column.
public struct DatasetProblem: Hashable, Sendable, CustomStringConvertible {
  /// JSON-style path of the offending value; empty for the document as a whole.
  public var path: String
  /// Position in the file, when the dataset was read from text.
  public var position: SourcePosition?
  /// Why it is wrong, in plain words.
  public var message: String

  /// A problem at `path`, optionally located in the file.
  public init(path: String, position: SourcePosition? = nil, message: String) {
    self.path = path
    self.position = position
    self.message = message
  }

  /// `path: message`, prefixed by `line:column: ` when known; control characters shown escaped.
  public var description: String {
    let located = path.isEmpty ? message : "\(path): \(message)"
    return (position.map { "\($0): \(located)" } ?? located).visible
  }
}

extension Unicode.Scalar {
  /// A control character (C0, DEL or C1) or a noncharacter such as U+FFFF: invisible, and not to be
  /// echoed raw or kept in a dataset's text.
  package var isControlOrNoncharacter: Bool {
    value < 0x20 || (0x7F...0x9F).contains(value) || properties.isNoncharacterCodePoint
  }
}

extension String {
  /// The string with control characters (C0, DEL, C1) and noncharacters written as `\u{…}`, for
  /// messages: a value quoted in an error never sends raw control bytes to a terminal.
  package var visible: String {
    guard unicodeScalars.contains(where: \.isControlOrNoncharacter) else { return self }
    var out = ""
    for u in unicodeScalars {
      if u.isControlOrNoncharacter { out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}" } else { out.unicodeScalars.append(u) }
    }
    return out
  }
}

/// A dataset failed to load or validate. Carries every problem found, not just the first.
public struct DatasetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file the dataset came from, if any.
  public var file: String?
  /// Every problem, in document order.
  public var problems: [DatasetProblem]

  /// An error for `problems` in `file`.
  public init(file: String? = nil, problems: [DatasetProblem]) {
    self.file = file
    self.problems = problems
  }

  /// One problem per line, each prefixed by the file name when known:
  /// `file:line:column: path: message`, or `file: message` without a position.
  public var description: String {
    problems.map { p in file.map { p.position == nil ? "\($0): \(p)" : "\($0):\(p)" } ?? p.description }
      .joined(separator: "\n")
  }
}

extension DatasetError: LocalizedError {
  /// The same text as `description` (and as the command-line tool prints), so that apps show it
  /// instead of "The operation could not be completed".
  public var errorDescription: String? { description }
}
