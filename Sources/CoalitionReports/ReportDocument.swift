import CoalitionGraph

/// A report of several tables and plain-language findings.
///
/// Formats: `text` and `markdown` print how the view was read, the findings, then every table;
/// `csv` (for reading by eye or splitting: the `coalition` tool writes one table per CSV file,
/// each as ``ReportTable/formatted(_:digits:)`` gives it) writes the tables one after another, each introduced by a line `# <title>` and separated
/// by a blank line; `json` writes `{"title", "reading", "findings": [{"id", "text", "actors",
/// "pairs" (each `[source, target]` or `[source, target, kind]`), "table", "rows"}], "tables":
/// [{"title", "columns", "rows", "notes"}]}`; `html` a page of
/// findings and sortable tables (``HTMLReport`` adds the interactive map).
public struct ReportDocument: Sendable {
  /// The report's title.
  public var title: String
  /// How the report read the view, in words (e.g. "flows: directed material ties with
  /// weights"), or `nil`.
  public var reading: String?
  /// Findings, most important first.
  public var findings: [Finding]
  /// The tables behind the findings.
  public var tables: [ReportTable]
  /// Where the report comes from (`NetworkView.provenance`): written last in text
  /// and Markdown, as a first comment line in CSV and as `provenance` in JSON. `nil` for none.
  public var provenance: String?

  /// A document.
  public init(title: String, reading: String? = nil, findings: [Finding], tables: [ReportTable], provenance: String? = nil) {
    self.title = title
    self.reading = reading
    self.findings = findings
    self.tables = tables
    self.provenance = provenance
  }

  /// The report in `format`; `digits` decimals for numbers in `text` and `markdown` (machine
  /// formats are always exact, see ``ReportFormat``).
  public func formatted(_ format: ReportFormat, digits: Int = 6) -> String {
    switch format {
    case .text:
      var out = title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
      if let reading { out += "Read as \(reading).\n\n" }
      if !findings.isEmpty { out += "Findings\n\n" + findings.map { "  - " + $0.text }.joined(separator: "\n") + "\n\n" }
      return out + tables.map { $0.formatted(.text, digits: digits) }.joined(separator: "\n") + (provenance.map { "\n" + $0 + "\n" } ?? "")
    case .markdown:
      var out = "# " + MarkdownText.escaped(title) + "\n\n"
      if let reading { out += "Read as " + MarkdownText.escaped(reading) + ".\n\n" }
      if !findings.isEmpty { out += "## Findings\n\n" + findings.map { "- " + MarkdownText.escaped($0.text) }.joined(separator: "\n") + "\n\n" }
      return out + tables.map { $0.formatted(.markdown, digits: digits) }.joined(separator: "\n")
        + (provenance.map { "\n" + MarkdownText.escaped($0) + "\n" } ?? "")
    case .csv:
      return (provenance.map { "# " + $0 + "\r\n" } ?? "") + tables.map { "# " + $0.title + "\r\n" + $0.formatted(.csv) }.joined(separator: "\r\n")
    case .json:
      let body = tables.map { $0.formatted(.json).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
      let q = JSONText.quoted
      let findingLines = findings.map { f in
        "    {\"id\": \(q(f.id)), \"text\": \(q(f.text)), \"actors\": [\(f.actors.map(q).joined(separator: ", "))], "
          + "\"pairs\": [\(f.pairs.map { "[\(([$0.source, $0.target] + ($0.kind.map { [$0] } ?? [])).map(q).joined(separator: ", "))]" }.joined(separator: ", "))], "
          + "\"table\": \(f.rows.map { q($0.table) } ?? "null"), \"rows\": [\(f.rows?.rows.map(String.init).joined(separator: ", ") ?? "")]}"
      }
      return "{\n  \"title\": \(q(title)),\n" + (provenance.map { "  \"provenance\": \(q($0)),\n" } ?? "")
        + (reading.map { "  \"reading\": \(q($0)),\n" } ?? "")
        + "  \"findings\": [" + (findingLines.isEmpty ? "" : "\n" + findingLines.joined(separator: ",\n") + "\n  ") + "],\n"
        + "  \"tables\": [\n" + body.joined(separator: ",\n") + "\n  ]\n}\n"
    case .html:
      return HTMLReport(document: self, digits: digits).documentPage()
    }
  }
}
