import CoalitionGraph
import Foundation

/// Output formats of reports.
///
/// Numbers: the formats people read (`text`, `markdown`) round to a number of decimals (6 unless
/// told otherwise, trailing zeros removed); the formats machines read (`csv`, `json`) write every
/// number in its shortest round-trip form, so the value read back is bit-identical to the one
/// computed (e.g. `1.0000000000000002e-06`).
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal; numbers rounded.
  case text
  /// A GitHub-flavoured Markdown table; numbers rounded.
  case markdown
  /// RFC 4180 CSV with a header row; numbers exact (shortest round-trip form).
  case csv
  /// A JSON object with stable field names; numbers exact (shortest round-trip form).
  case json
  /// A self-contained HTML page (``HTMLReport``) with sortable tables; numbers rounded for show,
  /// sorted by their exact values.
  case html

  /// Whether numbers are written exactly (for machines) rather than rounded (for people).
  public var isExact: Bool { self == .csv || self == .json }
}

/// A cell of a report table.
///
/// A value that has no meaning for an actor or a view — E-I without declared blocs, multiplex
/// participation with one kind, the constraint of an isolate — is ``undefined``, never a number:
/// an empty cell in CSV, `null` in JSON, "—" in text, Markdown and HTML. A `.number(.nan)` is
/// written the same way. The table's notes say why once.
public enum Cell: Hashable, Sendable {
  /// Text, written as it is (escaped per format).
  case text(String)
  /// A whole number.
  case integer(Int)
  /// A number: exact in CSV and JSON, rounded to the chosen digits in text and Markdown.
  case number(Double)
  /// No value: the measure is undefined here (see the table's notes).
  case undefined

  /// How an undefined value is shown to people.
  public static let undefinedMark = "—"

  /// `x`, or ``undefined`` when `x` is NaN.
  public static func value(_ x: Double) -> Cell { x.isNaN ? .undefined : .number(x) }

  /// Whether the cell holds no value (``undefined`` or a NaN number).
  public var isUndefined: Bool {
    switch self {
    case .undefined: return true
    case .number(let x): return x.isNaN
    default: return false
    }
  }

  /// The cell for people: numbers rounded to `digits` decimals, undefined values as "—".
  func rounded(digits: Int) -> String {
    switch self {
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .number(let x): return x.isNaN ? Cell.undefinedMark : Cell.format(x, digits: digits)
    case .undefined: return Cell.undefinedMark
    }
  }

  /// The cell for machines: numbers in their shortest round-trip form (`inf`, `-inf` when
  /// infinite), undefined values empty.
  var exact: String {
    switch self {
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .number(let x): return x.isNaN ? "" : x.isFinite ? JSONWriter.number(x) : Cell.format(x)
    case .undefined: return ""
    }
  }

  /// `x` rounded to `digits` decimals (6 by default), trailing zeros removed: stable across
  /// platforms. For text meant to be read; machine formats use the exact form.
  static func format(_ x: Double, digits: Int = 6) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format: "%.\(min(max(digits, 0), 17))f", x)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
  }
}

/// A titled table with typed cells, written as text, Markdown, CSV or JSON.
public struct ReportTable: Sendable {
  /// The table's title.
  public var title: String
  /// Machine names of the columns (used as CSV header and JSON keys), e.g. `degree_normalized`.
  public var columns: [String]
  /// Human headings, same order as ``columns``.
  public var headings: [String]
  /// The rows, one cell per column.
  public var rows: [[Cell]]
  /// Lines printed under the table (text and Markdown) or as `notes` (JSON).
  public var notes: [String]

  /// A table; `headings` default to the column names.
  public init(title: String, columns: [String], headings: [String]? = nil, rows: [[Cell]], notes: [String] = []) {
    self.title = title
    self.columns = columns
    self.headings = headings ?? columns
    self.rows = rows
    self.notes = notes
  }

  /// The table in `format`; `digits` decimals for numbers in `text` and `markdown` (machine
  /// formats are always exact, see ``ReportFormat``).
  public func formatted(_ format: ReportFormat, digits: Int = 6) -> String {
    switch format {
    case .text: return text(digits: digits)
    case .markdown: return markdown(digits: digits)
    case .csv: return csv()
    case .json: return json()
    case .html: return HTMLReport(document: ReportDocument(title: title, findings: [], tables: [self]), digits: digits).documentPage()
    }
  }

  /// Whether each column holds numbers only (undefined cells count as numbers): such columns
  /// align right.
  static func numericColumns(_ count: Int, _ rows: [[Cell]]) -> [Bool] {
    (0..<count).map { c in rows.allSatisfy { if case .text = $0[c] { return false } else { return true } } }
  }

  /// The rows of a measure/value table whose first cell is one of `labels`, in table order: how a
  /// finding points at the measures it quotes without counting rows.
  func rows(labelled labels: Set<String>) -> TableRows {
    TableRows(title, rows.indices.filter { if case .text(let s) = rows[$0].first { return labels.contains(s) } else { return false } })
  }

  /// Whether any cell of the table is undefined.
  public var hasUndefined: Bool { rows.contains { $0.contains(where: \.isUndefined) } }

  /// Adds one note that says why cells are undefined, when any is: "—" and the reasons that apply.
  /// A reason is keyed by a column name (it applies when that column has an undefined cell), by a
  /// row's label in the first column (when that row has one), or by "" (whenever any cell is).
  mutating func noteUndefined(_ reasons: [(key: String, reason: String)]) {
    guard hasUndefined else { return }
    let used = reasons.filter { r in
      if r.key.isEmpty { return true }
      if let c = columns.firstIndex(of: r.key) { return rows.contains { $0[c].isUndefined } }
      return rows.contains { $0.first == .text(r.key) && $0.contains(where: \.isUndefined) }
    }
    let text = used.isEmpty ? "a value that has no meaning here" : used.map(\.reason).joined(separator: "; ")
    notes.append("\(Cell.undefinedMark) (empty in CSV, null in JSON): undefined — \(text).")
  }

  func text(digits: Int) -> String {
    let cells = rows.map { $0.map { $0.rounded(digits: digits) } }
    let widths = headings.indices.map { c in ([headings[c]] + cells.map { $0[c] }).map(\.count).max() ?? 0 }
    func line(_ values: [String], numeric: [Bool]) -> String {
      var text = values.indices.map { c in
        let pad = String(repeating: " ", count: widths[c] - values[c].count)
        return numeric[c] ? pad + values[c] : values[c] + pad
      }.joined(separator: "  ")
      while text.last?.isWhitespace == true { text.removeLast() }
      return text
    }
    let numeric = Self.numericColumns(columns.count, rows)
    var out = title + "\n\n" + line(headings, numeric: numeric) + "\n"
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for r in cells { out += line(r, numeric: numeric) + "\n" }
    if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
    return out
  }

  func markdown(digits: Int) -> String {
    let escape = MarkdownText.escaped
    let numeric = Self.numericColumns(columns.count, rows)
    var out = "## " + escape(title) + "\n\n| " + headings.map(escape).joined(separator: " | ") + " |\n"
    out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
    for r in rows { out += "| " + r.map { escape($0.rounded(digits: digits)) }.joined(separator: " | ") + " |\n" }
    if !notes.isEmpty { out += "\n" + notes.map { escape($0) }.joined(separator: "\n\n") + "\n" }
    return out
  }

  func csv() -> String {
    CSVText.row(columns) + rows.map { CSVText.row($0.map(\.exact)) }.joined()
  }

  func json() -> String {
    let quote = JSONText.quoted
    func value(_ c: Cell) -> String {
      switch c {
      case .text(let s): return quote(s)
      case .integer(let i): return String(i)
      case .number(let x): return x.isFinite ? JSONWriter.number(x) : "null"
      case .undefined: return "null"
      }
    }
    var out = "{\n  \"title\": \(quote(title)),\n  \"columns\": [\(columns.map(quote).joined(separator: ", "))],\n  \"rows\": ["
    out += rows.isEmpty ? "]" : "\n" + rows.map { r in
      "    {" + zip(columns, r).map { "\(quote($0)): \(value($1))" }.joined(separator: ", ") + "}"
    }.joined(separator: ",\n") + "\n  ]"
    out += ",\n  \"notes\": [\(notes.map(quote).joined(separator: ", "))]\n}\n"
    return out
  }
}

/// Text made safe for Markdown: read as literal text by any CommonMark renderer, never as markup,
/// HTML or a link. Markdown passes raw HTML through, so an actor named `<script>…` or
/// `[x](javascript:…)` would otherwise run in a reader's browser.
public enum MarkdownText {
  /// `s` with Markdown's active ASCII punctuation backslash-escaped, `&` as `&amp;`, and line
  /// breaks as spaces (a table row is one line).
  public static func escaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    let scalars = Array(s.unicodeScalars)
    func wordy(_ k: Int) -> Bool { scalars.indices.contains(k) && scalars[k].properties.isAlphabetic || scalars.indices.contains(k) && ("0"..."9").contains(scalars[k]) }
    for (k, c) in scalars.enumerated() {
      switch c {
      // An underscore inside a word never starts emphasis (degree_normalized stays as it is).
      case "_" where wordy(k - 1) && wordy(k + 1): out.unicodeScalars.append(c)
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~": out += "\\"; out.unicodeScalars.append(c)
      case "&": out += "&amp;"
      case "\n", "\r": out += " "
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
