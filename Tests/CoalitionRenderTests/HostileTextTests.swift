import CoalitionGraph
import CoalitionReports
import Foundation
import Testing

@testable import CoalitionInterchange
@testable import CoalitionMaps
@testable import CoalitionRender

/// Text an analyst may paste from the web, or an attacker may plant in a source: markup, quotes,
/// script links, DOT and HTML-label syntax, Graphviz escapes, tabs and line breaks, right-to-left
/// and zero-width characters, emoji sequences, and one 100 kB string.
let hostileTexts: [String] = [
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "' onmouseover='alert(3)' x='", "javascript:alert(4)",
  "a -> b [label=\"x\"]; } digraph { c", "<B>bold</B><BR/><TABLE><TR><TD>cell</TD></TR></TABLE>", "&amp; &lt; &#x41; & ;",
  "]]> <!-- comment --> <?pi x?> <!DOCTYPE x>", "tab\there", "line\nbreak\n", "\u{202E}override\u{202C} عربي עברית",
  "zero\u{200B}width\u{FEFF}\u{200D}joiner", "emoji 👩‍👩‍👧 🇺🇦", "back\\slash \\N \\G \\L \\n \\\\", "{curly} $dollar %percent 100%",
  "\\\"escaped quote\\", "  leading and trailing  ", "[link](javascript:alert(5)) *star* _under_ `tick` | pipe #", "",
  String(repeating: "long ", count: 20_000),
]

/// A dataset in which `text` fills every free-text field.
func hostileDataset(_ text: String) -> Dataset {
  var d = Dataset(title: text, description: text)
  d.sources = [Source(id: "s", title: text.isEmpty ? "t" : text, publisher: text, url: text)]
  d.kinds = [Kind(id: "talks", label: text.isEmpty ? "t" : text, polarity: .cooperative, materiality: .verbal, directed: false)]
  d.actors = [CoalitionActor(id: "AAA", name: text.isEmpty ? "A" : text, type: .group, note: text), CoalitionActor(id: "BBB", name: "B", type: .group)]
  d.blocs = [Bloc(id: "b", name: text.isEmpty ? "b" : text, members: ["AAA", "BBB"], note: text)]
  d.observations = [
    TieObservation(
      id: "o1", source: "AAA", target: "BBB", kind: "talks", time: .on(PartialDate("2024-03-20")!), detail: text,
      evidence: [Evidence(source: "s", note: text, via: [text], url: text)]),
    TieObservation(source: "AAA", target: "RUS", kind: "sanction", time: .between(from: PartialDate("2022"), to: nil), detail: text),
  ]
  return d
}

@Test(arguments: hostileTexts.indices)
func hostileTextSurvivesEveryWriterAndReader(_ k: Int) throws {
  let text = hostileTexts[k]
  let d = hostileDataset(text)
  #expect(d.validate().isEmpty, "\(d.validate())")
  let label = "text \(k)"
  // JSON: the whole dataset comes back equal.
  let json = try Dataset(json: Array(d.jsonText().utf8))
  #expect(json == d, "\(label): dataset JSON")
  let view = try CoalitionNetwork(d).view()
  // GraphML and node-link carry the whole dataset; GEXF the observations and actor names.
  for (format, r) in [
    ("GraphML", try GraphML.read(bytes: Array(GraphML.write(view).utf8), name: "h.graphml")),
    ("node-link", try NodeLink.read(bytes: Array(NodeLink.write(view).utf8), name: "h.json")),
    ("GEXF", try GEXF.read(bytes: Array(GEXF.write(view).utf8), name: "h.gexf")),
  ] {
    #expect(r.recordsSkipped == 0, "\(label) \(format): \(r.issues)")
    #expect(sortedObservations(r.dataset) == sortedObservations(d), "\(label) \(format): observations")
    #expect(r.dataset.actors.first { $0.id == "AAA" }?.name == d.actors[0].name, "\(label) \(format): actor name")
    #expect(r.dataset.actors.first { $0.id == "AAA" }?.note == text, "\(label) \(format): actor note")
    if format != "GEXF" {
      #expect(r.dataset.title == d.title && r.dataset.sources == d.sources && r.dataset.blocs == d.blocs, "\(label) \(format): dataset parts")
    }
  }
  // CSV of observations: the observations come back.
  let csv = try CSVObservations.read(text: CSVObservations.write(d), options: CSVObservationOptions(base: Dataset(sources: d.sources, kinds: d.kinds, actors: d.actors)))
  // (CSV cannot tell an empty detail from none.)
  let withoutEmptyDetail = d.observations.map { o in
    var o = o
    if o.detail == "" { o.detail = nil }
    return o
  }
  #expect(sortedObservations(csv.dataset) == sortedObservations(Dataset(kinds: d.kinds, observations: withoutEmptyDetail)), "\(label): CSV \(csv.issues)")
  // DOT: Graphviz's own parser reads our DOT text back with the tooltip exactly as written.
  let map = CoalitionMap(view: view)
  let dot = try map.dot()
  let laidOut = try GraphvizRenderer.shared.render(dot, engine: .dot, format: .json)
  let tree = try JSONParser.parse(laidOut.bytes)
  let tooltips = strings(named: "tooltip", in: tree)
  let tooltip = map.tooltip(for: view.ties.first { $0.observations.contains(0) }!)
  #expect(tooltips.contains(graphvizStored(DOTWriter.text(tooltip))), "\(label): DOT tooltip")
  // SVG: well-formed XML, no script, no event handler, links only where they are safe.
  let svg = try GraphvizRenderer.shared.render(dot, engine: .dot, format: .svg)
  let root = try XMLParser.parse(svg.bytes, file: "h.svg")
  var elements = [root]
  while let e = elements.popLast() {
    elements += e.children
    #expect(!["script", "foreignObject", "iframe", "object", "embed"].contains(e.localName), "\(label): <\(e.name)> in SVG")
    for a in e.attributes {
      #expect(!a.name.lowercased().hasPrefix("on"), "\(label): event attribute \(a.name)")
      if a.name.hasSuffix("href") { #expect(SafeLink.isAllowed(a.value.removingPercentEncoding ?? a.value), "\(label): link \(a.value)") }
    }
  }
  // Markdown: the report holds the text as text, never as HTML or a link.
  let markdown = try CoalitionReport(view: view).document().formatted(.markdown)
  let scalars = Array(markdown.unicodeScalars)
  for (i, c) in scalars.enumerated() where ["<", "[", "]", "`"].contains(c) && !(d.title ?? "").isEmpty {
    // Our own Markdown uses none of these; every one in the report comes from the text, escaped.
    #expect(i > 0 && scalars[i - 1] == "\\", "\(label): unescaped \(c) in Markdown")
  }
  // CSV tables: one field per value, quoted as RFC 4180 says, and read back exactly.
  let reader = RecordReader(bytes: Array(CSVTables.nodes(view).utf8), name: "nodes.csv", delimiter: UInt8(ascii: ","), quoting: true)
  var record = Record()
  var names: [String] = []
  while try reader.next(into: &record) { names.append(record.text(1)) }
  #expect(names.contains(d.actors[0].name), "\(label): nodes CSV")
}

/// What Graphviz stores for a quoted DOT string: the text between the quotes, with each `\"` read
/// as `"` (its lexer's only escape; other backslashes stay for its escString rules).
func graphvizStored(_ quoted: String) -> String {
  let body = Array(quoted.unicodeScalars.dropFirst().dropLast())
  var out = String.UnicodeScalarView()
  var i = 0
  while i < body.count {
    if body[i] == "\\", i + 1 < body.count, body[i + 1] == "\"" {
      out.append("\"")
      i += 2
    } else {
      out.append(body[i])
      i += 1
    }
  }
  return String(out)
}

/// Observations in a fixed order (see `Dataset.observationsForComparison`).
func sortedObservations(_ d: Dataset) -> [TieObservation] { d.observationsForComparison }

/// Every string value of a member called `name`, anywhere in a JSON tree.
func strings(named name: String, in node: JSONNode) -> [String] {
  switch node.value {
  case .object(let members):
    return members.flatMap { m -> [String] in
      if m.key == name, case .string(let s) = m.value.value { return [s] }
      return strings(named: name, in: m.value)
    }
  case .array(let items): return items.flatMap { strings(named: name, in: $0) }
  default: return []
  }
}
