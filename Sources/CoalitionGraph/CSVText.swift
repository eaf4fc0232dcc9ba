/// RFC 4180 CSV text, shared by every CSV writer in the package (reports, metrics, exports).
package enum CSVText {
  /// One field, quoted when it holds a comma, quote or line break, or starts or ends with white
  /// space (which readers that trim unquoted fields would otherwise lose); quotes are doubled.
  package static func field(_ s: String) -> String {
    let needs =
      s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      || s.first.map { $0.isWhitespace } == true || s.last.map { $0.isWhitespace } == true
    guard needs else { return s }
    var out = "\""
    for c in s.unicodeScalars {
      if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
    }
    return out + "\""
  }

  /// A record with its CRLF line end.
  package static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }
}
