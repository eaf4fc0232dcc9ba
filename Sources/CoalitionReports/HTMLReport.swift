import CoalitionGraph
import CoalitionMaps
import CoalitionMetrics

/// A report as one self-contained HTML page: the coalition map with pan, zoom, search, filters
/// and a panel of evidence, the findings, a ranked chart and the tables, sortable.
///
/// The page loads nothing: style and script are inline, and a Content-Security-Policy forbids
/// every remote load and names the page's script by its SHA-256 hash, so that a script injected
/// into a copy of the page does not run. It reads with scripts off (map, findings, chart and tables are plain HTML and
/// SVG); the script adds the interaction. Text from the dataset is escaped for its context (HTML
/// text and attributes with ``HTMLText/escaped(_:)``, the JSON data block with
/// ``HTMLText/scriptJSON(_:)``); links are kept only where `SafeLink` allows them (`http`, `https`
/// and `mailto`), the one rule every writer of links follows. The page depends only
/// on its inputs — the footer gives the date of the data, not of the run — so the same inputs
/// give the same bytes.
public struct HTMLReport: Sendable {
  /// Findings and tables.
  public var document: ReportDocument
  /// The view the report describes: actors, ties and evidence for the panel, and the filters. `nil`
  /// for a page of tables only.
  public var view: NetworkView?
  /// The coalition map as SVG text (`CoalitionMap` rendered by Graphviz), drawn for ``view``;
  /// `nil` for no map.
  public var mapSVG: String?
  /// The map's legend and caption as SVG text (`CoalitionMap.separated()` rendered by
  /// Graphviz), shown under the map; `nil` when ``mapSVG`` carries its own.
  public var legendSVG: String?
  /// Measures shown for each actor in the panel; the first is charted, highest first.
  public var measures: [ActorScores]
  /// Who made the page, for the footer and the `generator` meta tag.
  public var generator: String
  /// Decimals of the numbers shown (the exact values sort the tables and are in the data block).
  public var digits: Int
  /// The most actors the chart shows.
  public var chartLimit = 30
  /// The report's measures across time windows (``Timeline/series()``): charted as lines when there
  /// are two windows or more.
  public var series: [Timeline.Point] = []
  /// The measure ranked in ``series``.
  public var seriesMeasure: String = "degree"
  /// Small multiples: the map of each window as SVG text, with its label; at most 24 are shown.
  public var windowMaps: [WindowMap] = []

  /// One window's map for the small multiples.
  public struct WindowMap: Sendable {
    /// What the window covers, e.g. `2019-01-01 – 2019-12-31`.
    public var label: String
    /// The map as SVG text (Graphviz output).
    public var svg: String

    /// A window's map.
    public init(label: String, svg: String) {
      self.label = label
      self.svg = svg
    }
  }

  /// A page for `document`, with the map and panel when `view` and `mapSVG` are given.
  public init(
    document: ReportDocument, view: NetworkView? = nil, mapSVG: String? = nil, measures: [ActorScores] = [],
    generator: String = "CoalitionGraph \(CoalitionGraphVersion.current)", digits: Int = 6
  ) {
    self.document = document
    self.view = view
    self.mapSVG = mapSVG
    self.measures = measures
    self.generator = generator
    self.digits = digits
  }

  /// The page.
  /// - Throws: `ScoresMismatch` when one of ``measures`` was computed on another view than
  ///   ``view`` (scores are looked up by actor, and a mismatch is never drawn).
  public func html() throws -> String {
    let values = try view.map { view in try measures.map { try $0.values(for: view) } } ?? []
    return page(measureValues: values)
  }

  /// The page of a document alone (no view, no measures): what ``ReportDocument/formatted(_:digits:)`` writes.
  func documentPage() -> String { page(measureValues: []) }

  private func page(measureValues: [[Double]]) -> String {
    let e = HTMLText.escaped
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '\(Self.scriptHash)'; img-src data:; base-uri 'none'; form-action 'none'">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="\(e(generator))">
      <title>\(e(document.title))</title>
      <style>
      \(HTMLAssets.style)
      </style>
      </head>
      <body>
      <header><h1>\(e(document.title))</h1></header>
      <main>

      """
    if let view, let mapSVG { out += mapSection(view, svg: mapSVG) }
    if !document.findings.isEmpty { out += findingsSection() }
    if let chart = chart() { out += chart }
    if series.count > 1 { out += timeCharts() }
    if !windowMaps.isEmpty { out += smallMultiples() }
    for (k, table) in document.tables.enumerated() { out += Self.table(table, id: "table-\(k)", digits: digits, rowIDs: true) }
    out += "</main>\n<footer>\(footer())</footer>\n"
    out += "<script type=\"application/json\" id=\"coalition-data\">\(HTMLText.scriptJSON(dataJSON(measureValues)))</script>\n"
    out += "<script>\(Self.scriptText)</script>\n</body>\n</html>\n"
    return out
  }

  /// The page's one script, exactly as it stands between its tags.
  static let scriptText = "\n" + HTMLAssets.script + "\n"
  /// The CSP source that lets that script run and no other: `sha256-` and its digest in Base64.
  /// (The JSON data block is not a script the browser runs.)
  static let scriptHash = "sha256-" + SHA256.base64(Array(scriptText.utf8))

  // MARK: - Findings

  /// The findings, each a list item that names its actors and pairs for the script (a click lights
  /// them up on the map and marks the table rows) and links to the rows its numbers come from.
  private func findingsSection() -> String {
    let e = HTMLText.escaped
    var out = "<section class=\"findings\"><h2>Findings</h2>\n"
    if let reading = document.reading { out += "<p class=\"notes\">Read as \(e(reading)).</p>\n" }
    out += "<ul>\n"
    for f in document.findings {
      out += "<li id=\"\(e(Self.findingID(f.id)))\" data-actors=\"\(e(f.actors.joined(separator: " ")))\" "
      out += "data-pairs=\"\(e(f.pairs.map { "\($0.source)>\($0.target)" + ($0.kind.map { ">" + $0 } ?? "") }.joined(separator: " ")))\""
      var link = ""
      if let rows = f.rows, let k = document.tables.firstIndex(where: { $0.title == rows.table }) {
        let ids = rows.rows.filter { document.tables[k].rows.indices.contains($0) }.map { Self.rowID(table: k, row: $0) }
        out += " data-rows=\"\(e(ids.joined(separator: " ")))\""
        link = " <a class=\"rows\" href=\"#\(e(ids.first ?? "table-\(k)"))\">(\(e(rows.table)))</a>"
      }
      out += ">\(e(f.text))\(link)</li>\n"
    }
    return out + "</ul></section>\n"
  }

  /// The element id of a finding: `finding-` and its id.
  static func findingID(_ id: String) -> String { "finding-" + id }

  /// The element id of a table row: `table-K-row-R`.
  static func rowID(table: Int, row: Int) -> String { "table-\(table)-row-\(row)" }

  // MARK: - Map, search, filters

  private func mapSection(_ view: NetworkView, svg: String) -> String {
    let e = HTMLText.escaped
    let g = view.graph
    var out = "<section class=\"map-section\"><h2>Map</h2>\n<div class=\"toolbar\">\n"
    out += "<input type=\"search\" id=\"search\" placeholder=\"Find an actor (id or name)\" aria-label=\"Find an actor by id or name\">\n"
    out += "<span><button type=\"button\" data-zoom=\"in\" title=\"Zoom in (+)\">+</button> <button type=\"button\" data-zoom=\"out\" title=\"Zoom out (−)\">−</button> <button type=\"button\" data-zoom=\"fit\" title=\"Fit to the window (0)\">Fit</button></span>\n"
    func group(_ legend: String, _ filter: String, _ options: [(value: String, label: String, count: Int)]) -> String {
      guard !options.isEmpty else { return "" }
      var s = "<fieldset><legend>\(e(legend))</legend>"
      for o in options {
        s += "<label><input type=\"checkbox\" data-filter=\"\(filter)\" value=\"\(e(o.value))\" checked> \(e(o.label)) (\(o.count))</label>"
      }
      return s + "</fieldset>\n"
    }
    let kinds = view.kindsPresent.map { k in (g[k].id, g[k].label, view.ties.filter { $0.kind == k }.count) }
    let polarities = Polarity.allCases.compactMap { p -> (String, String, Int)? in
      let n = view.ties.filter { g[$0.kind].polarity == p }.count
      return n > 0 ? (p.rawValue, p.rawValue, n) : nil
    }
    let confidences = Confidence.allCases.reversed().compactMap { c -> (String, String, Int)? in
      let n = view.ties.filter { $0.confidence == c }.count
      return n > 0 ? (c.rawValue, c.rawValue, n) : nil
    }
    out += group("Kind", "kind", kinds) + group("Polarity", "polarity", polarities) + group("Confidence", "confidence", confidences)
    out += "<span class=\"status\" id=\"status\" role=\"status\"></span>\n</div>\n"
    out += "<div class=\"workspace\">\n<div class=\"map\" id=\"map\" tabindex=\"0\" aria-label=\"Coalition map: drag to pan, wheel or + and − to zoom, 0 to fit\">\n"
    out += Self.inlineSVG(svg)
    out += "\n</div>\n<aside class=\"panel\" id=\"panel\" aria-live=\"polite\"><p>Click an actor or a tie for its measures, partners and evidence.</p></aside>\n</div>\n"
    if let legendSVG { out += "<figure class=\"map-legend\" id=\"map-legend\">\n" + Self.inlineSVG(legendSVG) + "\n</figure>\n" }
    out += "</section>\n"
    return out
  }

  /// Graphviz's SVG document without its XML declaration and doctype, for inline use.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
    return String(svg[start.lowerBound...]).trimmingTrailingNewlines()
  }

  // MARK: - Chart and tables

  /// A ranked bar chart of the first measure, as inline SVG.
  private func chart() -> String? {
    guard let scores = measures.first, !scores.values.isEmpty else { return nil }
    let e = HTMLText.escaped
    let rows = scores.ranked().filter { $0.value.isFinite }.prefix(chartLimit)
    guard let top = rows.map(\.value).max(), top > 0 else { return nil }
    let (labelWidth, barWidth, rowHeight) = (190.0, 420.0, 20.0)
    let height = Double(rows.count) * rowHeight + 10
    var out = "<section class=\"chart\"><h2>Ranked by \(e(scores.name))</h2>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(labelWidth + barWidth + 110))\" height=\"\(Int(height))\" aria-label=\"\(e(scores.name)) of each actor, highest first\">\n"
    let names = view.map { v in Dictionary((0..<v.nodeCount).map { (v.actor($0).id, v.actor($0).name) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
    for (k, row) in rows.enumerated() {
      let y = Double(k) * rowHeight + 5
      let width = max(1, barWidth * max(0, row.value) / top)
      let label = names[row.actor].map { $0 == row.actor ? row.actor : "\(row.actor) · \($0)" } ?? row.actor
      out += "<text x=\"\(Int(labelWidth - 6))\" y=\"\(Self.svgNumber(y + 14))\" text-anchor=\"end\">\(e(String(label.prefix(32))))</text>"
      out += "<rect x=\"\(Int(labelWidth))\" y=\"\(Self.svgNumber(y + 3))\" width=\"\(Self.svgNumber(width))\" height=\"\(Int(rowHeight - 6))\"><title>\(e(row.actor)): \(e(Cell.format(row.value)))</title></rect>"
      out += "<text x=\"\(Self.svgNumber(labelWidth + width + 6))\" y=\"\(Self.svgNumber(y + 14))\">\(e(Cell.number(row.value).rounded(digits: min(digits, 4))))</text>\n"
    }
    out += "</svg></section>\n"
    return out
  }

  // MARK: - Time

  /// Line charts of density and of the top actors' ranks, one point per window.
  private func timeCharts() -> String {
    let e = HTMLText.escaped
    let labels = series.map { $0.window.to?.description ?? $0.window.description }
    var out = "<section class=\"chart\"><h2>Across time</h2>\n"
    out += Self.lineChart(
      title: "Density per window", labels: labels, lines: [("density", series.map(\.density))], yRange: (0, max(series.map(\.density).max() ?? 0, 1e-9)),
      invert: false)
    // The five actors with the best average rank among the windows they appear in.
    let ids = Set(series.flatMap { $0.ranks.keys })
    let mean = { (id: String) -> Double in
      let r = series.compactMap { $0.ranks[id] }
      return Double(r.reduce(0, +)) / Double(max(r.count, 1))
    }
    let top = ids.sorted { (mean($0), $0) < (mean($1), $1) }.prefix(5)
    let worst = Double(series.flatMap { $0.ranks.values }.max() ?? 1)
    out += Self.lineChart(
      title: "Rank by \(seriesMeasure) (1 = highest) of the five best-ranked actors", labels: labels,
      lines: top.map { id in (id, series.map { $0.ranks[id].map(Double.init) ?? .nan }) }, yRange: (1, max(worst, 2)), invert: true)
    out += "<p class=\"notes\">One point per window; a gap where the actor has no tie in the window. \(e(String(series.count))) windows.</p>"
    return out + "</section>\n"
  }

  /// A line chart as inline SVG: one polyline per line (broken where a value is NaN), labels on
  /// the x axis, the y range from `yRange` (top to bottom when `invert`).
  static func lineChart(title: String, labels: [String], lines: [(name: String, values: [Double])], yRange: (Double, Double), invert: Bool) -> String {
    let e = HTMLText.escaped
    let palette = ["#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#B279A2"]
    let (left, top, width, height) = (60.0, 10.0, 560.0, 180.0)
    let n = max(labels.count - 1, 1)
    func x(_ i: Int) -> Double { left + width * Double(i) / Double(n) }
    func y(_ v: Double) -> Double {
      let t = (v - yRange.0) / max(yRange.1 - yRange.0, 1e-12)
      return invert ? top + height * t : top + height * (1 - t)
    }
    var out = "<figure><figcaption>\(e(title))</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"760\" height=\"240\" aria-label=\"\(e(title))\">\n"
    out += "<line x1=\"\(Int(left))\" y1=\"\(Int(top + height))\" x2=\"\(Int(left + width))\" y2=\"\(Int(top + height))\" stroke=\"#8c959f\"/>"
    out += "<line x1=\"\(Int(left))\" y1=\"\(Int(top))\" x2=\"\(Int(left))\" y2=\"\(Int(top + height))\" stroke=\"#8c959f\"/>\n"
    for (v, anchor) in [(yRange.0, "end"), (yRange.1, "end")] {
      out += "<text x=\"\(Int(left - 6))\" y=\"\(svgNumber(y(v) + 4))\" text-anchor=\"\(anchor)\">\(e(Cell.number(v).rounded(digits: 3)))</text>"
    }
    let every = max(1, labels.count / 8)
    for (i, label) in labels.enumerated() where i % every == 0 || i == labels.count - 1 {
      out += "<text x=\"\(svgNumber(x(i)))\" y=\"\(Int(top + height + 16))\" text-anchor=\"middle\">\(e(label))</text>"
    }
    out += "\n"
    for (k, line) in lines.enumerated() {
      let colour = palette[k % palette.count]
      var segment: [String] = []
      func flush() {
        if segment.count > 1 { out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>" }
        segment = []
      }
      for (i, v) in line.values.enumerated() {
        guard v.isFinite else { flush(); continue }
        segment.append("\(svgNumber(x(i))),\(svgNumber(y(v)))")
        out += "<circle cx=\"\(svgNumber(x(i)))\" cy=\"\(svgNumber(y(v)))\" r=\"3\" fill=\"\(colour)\"><title>\(e(line.name)) \(e(labels[i])): \(e(Cell.format(v)))</title></circle>"
      }
      flush()
      out += "<text x=\"\(Int(left + width + 8))\" y=\"\(Int(top + 14 + 16 * Double(k)))\" fill=\"\(colour)\">\(e(line.name))</text>\n"
    }
    return out + "</svg></figure>\n"
  }

  /// The maps of the windows side by side, their element ids removed (the main map keeps its own),
  /// and, when scripts run, a slider that steps one large map through the windows (each actor
  /// keeps its place, as the maps share one layout); "All windows" shows them side by side again.
  private func smallMultiples() -> String {
    let e = HTMLText.escaped
    let shown = Array(windowMaps.prefix(24))
    var out = "<section class=\"multiples\" id=\"multiples\"><h2>Map per window</h2>\n"
    if shown.count > 1 {
      out += "<div class=\"stepper\"><button type=\"button\" data-step=\"-1\" title=\"Earlier window\">◀</button> "
      out += "<input type=\"range\" id=\"window-slider\" min=\"0\" max=\"\(shown.count - 1)\" value=\"0\" step=\"1\" aria-label=\"Window\"> "
      out += "<button type=\"button\" data-step=\"1\" title=\"Later window\">▶</button> <output id=\"window-label\" for=\"window-slider\">\(e(shown[0].label))</output> "
      out += "<label><input type=\"checkbox\" id=\"window-all\"> All windows</label></div>\n"
    }
    out += "<div class=\"grid\">\n"
    for (k, w) in shown.enumerated() {
      let svg = Self.inlineSVG(w.svg).replacingOccurrences(of: #" id="[^"]*""#, with: "", options: .regularExpression)
      out += "<figure data-window=\"\(k)\"><figcaption>\(e(w.label))</figcaption>\n\(svg)\n</figure>\n"
    }
    out += "</div>"
    if windowMaps.count > 24 { out += "<p class=\"notes\">The first 24 of \(windowMaps.count) windows.</p>" }
    return out + "</section>\n"
  }

  static func svgNumber(_ x: Double) -> String { Cell.number((x * 10).rounded() / 10).rounded(digits: 1) }

  /// One table as HTML, sortable when scripts run: numbers show `digits` decimals and sort by
  /// their exact value.
  static func table(_ table: ReportTable, id: String, digits: Int, rowIDs: Bool = false) -> String {
    let e = HTMLText.escaped
    let numeric = ReportTable.numericColumns(table.columns.count, table.rows)
    var out = "<section class=\"table\"><h2 id=\"\(e(id))\">\(e(table.title))</h2>\n<table class=\"sortable\" aria-labelledby=\"\(e(id))\">\n<thead><tr>"
    for (c, heading) in table.headings.enumerated() { out += "<th scope=\"col\"\(numeric[c] ? " class=\"number\"" : "")>\(e(heading))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for (r, row) in table.rows.enumerated() {
      out += rowIDs ? "<tr id=\"\(e(id))-row-\(r)\">" : "<tr>"
      for cell in row {
        switch cell {
        case .text(let s): out += "<td>\(e(s))</td>"
        case .integer, .number, .undefined:
          out += "<td class=\"number\" data-value=\"\(cell.sortValue)\">\(e(cell.rounded(digits: digits)))</td>"
        }
      }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"
    if !table.notes.isEmpty { out += "<div class=\"notes\">" + table.notes.map { "<p>\(e($0))</p>" }.joined() + "</div>\n" }
    return out + "</section>\n"
  }

  // MARK: - Footer and data

  private func footer() -> String {
    let e = HTMLText.escaped
    var parts: [String] = []
    if let view {
      let d = view.graph.dataset
      if !d.sources.isEmpty { parts.append("Source: " + d.sources.map { e($0.citation) }.joined(separator: "; ")) }
      parts.append("View: " + e(view.filter.summary))
      parts.append("Dataset fingerprint " + e(view.graph.fingerprint))
      if let date = view.latestDate { parts.append("Data as of " + e(date.description)) }
    }
    parts.append("Made with " + e(generator))
    return parts.joined(separator: " · ")
  }

  /// Actors, ties and evidence for the script, as JSON (one actor or tie a line, written by the
  /// package's one JSON writer); `values` are the measures in the view's node order.
  func dataJSON(_ values: [[Double]]) -> String {
    func text(_ s: String) -> JSONNode { JSONNode(.string(s)) }
    func optional(_ s: String?) -> JSONNode { s.map(text) ?? JSONNode(.null) }
    func number(_ x: Double) -> JSONNode { x.isFinite ? JSONNode(.number(x)) : JSONNode(.null) }
    func object(_ members: [(key: String, value: JSONNode)]) -> JSONNode { JSONNode(.object(members)) }
    func list(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items)) }
    let measureNames = list(measures.map { text($0.name) })
    guard let view else { return "{\"actors\":[],\"ties\":[],\"measures\":[]}" }
    let g = view.graph
    let actors = (0..<view.nodeCount).map { v -> JSONNode in
      let a = view.actor(v)
      return object([
        ("id", text(a.id)), ("name", text(a.name)), ("type", text(a.type.rawValue)), ("element", text(CoalitionMap.elementID(ofActor: a.id))),
        ("blocs", list(g.blocs(of: view.nodes[v]).map { text(g.blocs[$0].bloc.name) })),
        ("measures", object(zip(measures, values).map { ($0.name, number($1[v])) })),
      ])
    }
    let ties = view.ties.enumerated().map { i, tie -> JSONNode in
      let kind = g[tie.kind]
      let observations = tie.observations.map(g.observation).map { o -> JSONNode in
        let evidence = o.evidence.map { ev -> JSONNode in
          let source = g.dataset.sources.first { $0.id == ev.source }?.citation ?? ev.source
          return object([("source", text(source)), ("note", optional(ev.note)), ("via", list(ev.via.map(text))), ("url", optional(ev.safeURL))])
        }
        return object([
          ("id", optional(o.id)), ("date", text(o.time.text)), ("kind", text(o.kind)), ("confidence", text(o.confidence.rawValue)),
          ("basis", optional(o.basis?.rawValue)), ("detail", optional(o.detail)), ("evidence", list(evidence)),
        ])
      }
      return object([
        ("element", text(CoalitionMap.elementID(ofTie: i, in: view))), ("source", text(g[tie.source].id)), ("target", text(g[tie.target].id)),
        ("kind", text(kind.id)), ("kindLabel", text(kind.label)), ("polarity", text(kind.polarity.rawValue)),
        ("confidence", text(tie.confidence.rawValue)), ("directed", JSONNode(.bool(tie.directed))), ("weight", number(tie.weight)),
        ("observations", list(observations)),
      ])
    }
    return "{\"actors\":[\n" + actors.map(JSONWriter.compact).joined(separator: ",\n") + "\n],\"ties\":[\n"
      + ties.map(JSONWriter.compact).joined(separator: ",\n") + "\n],\"measures\":" + JSONWriter.compact(measureNames) + "}"
  }

}

extension Cell {
  /// The exact value as JavaScript's `parseFloat` reads it (`Infinity`, `-Infinity` when
  /// infinite; empty, which reads as NaN and sorts last, when undefined).
  fileprivate var sortValue: String {
    if isUndefined { return "" }
    if case .number(let x) = self, !x.isFinite { return x > 0 ? "Infinity" : "-Infinity" }
    return exact
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var s = Substring(self)
    while s.last == "\n" || s.last == "\r" { s.removeLast() }
    return String(s)
  }
}
