import CoalitionGraph
import Foundation

/// Output formats of reports.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal.
  case text
  /// A GitHub-flavoured Markdown table.
  case markdown
  /// RFC 4180 CSV with a header row.
  case csv
  /// A JSON object with stable field names.
  case json
}

/// A cell of a report table.
public enum Cell: Hashable, Sendable {
  case text(String)
  case integer(Int)
  case number(Double)

  var plain: String {
    switch self {
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .number(let x): return Cell.format(x)
    }
  }

  /// Six significant decimals, trailing zeros removed: stable across platforms.
  static func format(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format: "%.6f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }
}

/// A titled table with typed cells, written as text, Markdown, CSV or JSON.
public struct ReportTable: Sendable {
  public var title: String
  /// Machine names of the columns (used as CSV header and JSON keys), e.g. `degree_normalized`.
  public var columns: [String]
  /// Human headings, same order as ``columns``.
  public var headings: [String]
  public var rows: [[Cell]]
  /// Lines printed under the table (text and Markdown) or as `notes` (JSON).
  public var notes: [String]

  public init(title: String, columns: [String], headings: [String]? = nil, rows: [[Cell]], notes: [String] = []) {
    self.title = title
    self.columns = columns
    self.headings = headings ?? columns
    self.rows = rows
    self.notes = notes
  }

  public func formatted(_ format: ReportFormat) -> String {
    switch format {
    case .text: return text()
    case .markdown: return markdown()
    case .csv: return csv()
    case .json: return json()
    }
  }

  func text() -> String {
    let cells = rows.map { $0.map(\.plain) }
    let widths = headings.indices.map { c in ([headings[c]] + cells.map { $0[c] }).map(\.count).max() ?? 0 }
    func line(_ values: [String], numeric: [Bool]) -> String {
      values.indices.map { c in
        let pad = String(repeating: " ", count: widths[c] - values[c].count)
        return numeric[c] ? pad + values[c] : values[c] + pad
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    let numeric = columns.indices.map { c in rows.allSatisfy { if case .text = $0[c] { return false } else { return true } } }
    var out = title + "\n\n" + line(headings, numeric: numeric) + "\n"
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for r in cells { out += line(r, numeric: numeric) + "\n" }
    if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
    return out
  }

  func markdown() -> String {
    func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
    let numeric = columns.indices.map { c in rows.allSatisfy { if case .text = $0[c] { return false } else { return true } } }
    var out = "## " + escape(title) + "\n\n| " + headings.map(escape).joined(separator: " | ") + " |\n"
    out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
    for r in rows { out += "| " + r.map { escape($0.plain) }.joined(separator: " | ") + " |\n" }
    if !notes.isEmpty { out += "\n" + notes.map { escape($0) }.joined(separator: "\n\n") + "\n" }
    return out
  }

  func csv() -> String {
    func field(_ s: String) -> String {
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    var out = columns.map(field).joined(separator: ",") + "\r\n"
    for r in rows { out += r.map { field($0.plain) }.joined(separator: ",") + "\r\n" }
    return out
  }

  func json() -> String {
    let quote = JSONText.quoted
    func value(_ c: Cell) -> String {
      switch c {
      case .text(let s): return quote(s)
      case .integer(let i): return String(i)
      case .number(let x): return x.isFinite ? Cell.format(x) : "null"
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
