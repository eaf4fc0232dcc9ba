import CoalitionGraph
import CoalitionMaps
import Foundation

/// GEXF 1.3 (gexf.net), the format Gephi reads: write and read.
///
/// Written: one `<edge>` per tie of the view, with GEXF 1.3's `kind` set to the tie's kind (so
/// Gephi keeps ties of different kinds between one pair apart), `weight` the aggregated weight,
/// the `kind_directed` attribute false for ties of undirected kinds (a per-edge `type` that differs
/// from the graph's makes networkx refuse the file), spells for the days its observations cover (overlapping and
/// adjacent intervals merged; dates as `YYYY-MM-DD`, open ends left out), and the map's look:
/// `viz:color` of the kind, `viz:shape` solid / dotted / dashed for reported / assessed / alleged,
/// `viz:thickness` growing with the weight. Nodes carry the actor's name as `label`, its type and
/// blocs as attributes, and the bloc's map fill as `viz:color`. The edge attribute `observations`
/// holds the tie's observations as JSON, so a file read back gives the same observations. No
/// modification date is written, so output is reproducible.
public enum GEXF: GraphFileFormat {
  /// The view as GEXF 1.3: one edge per tie, with kind, spells and map colours (for Gephi).
  public static func write(_ view: NetworkView) -> String {
    let g = view.graph
    let style = MapStyle()
    let colors = style.kindColors(in: g)
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
    out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
    out += "  <meta>\n    <creator>CoalitionGraph \(CoalitionGraphVersion.current)</creator>\n"
    // GEXF's meta has no field for provenance; keywords is its free-text one.
    out += "    <keywords>\(XMLText.escape(view.provenance))</keywords>\n"
    if let t = g.dataset.title { out += "    <title>\(XMLText.escape(t))</title>\n" }
    if let d = g.dataset.description { out += "    <description>\(XMLText.escape(d))</description>\n" }
    out += "  </meta>\n"
    let anyDirected = view.ties.contains { $0.directed }
    out += "  <graph defaultedgetype=\"\(anyDirected ? "directed" : "undirected")\" mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n"
    out += "    <attributes class=\"node\" mode=\"static\">\n"
    out += "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
    out += "      <attribute id=\"blocs\" title=\"blocs\" type=\"string\"/>\n"
    out += "      <attribute id=\"affiliation\" title=\"affiliation\" type=\"string\"/>\n"
    out += "      <attribute id=\"note\" title=\"note\" type=\"string\"/>\n"
    out += "    </attributes>\n"
    out += "    <attributes class=\"edge\" mode=\"static\">\n"
    for (id, type) in [("tie_kind", "string"), ("sign", "integer"), ("kind_directed", "boolean"), ("confidence", "string"), ("count", "integer"), ("observations", "string")] {
      out += "      <attribute id=\"\(id)\" title=\"\(id)\" type=\"\(type)\"/>\n"
    }
    out += "    </attributes>\n    <nodes>\n"
    for v in 0..<view.nodeCount {
      let a = view.actor(v)
      let blocs = g.blocs(of: view.nodes[v])
      out += "      <node" + XMLText.attributes([("id", a.id), ("label", a.name)]) + ">\n"
      out += "        <attvalues>\n"
      out += "          <attvalue for=\"type\"" + XMLText.attributes([("value", a.type.rawValue)]) + "/>\n"
      if !blocs.isEmpty {
        out += "          <attvalue for=\"blocs\"" + XMLText.attributes([("value", blocs.map { g.blocs[$0].bloc.id }.joined(separator: ";"))]) + "/>\n"
      }
      for (id, value) in [("affiliation", a.affiliation), ("note", a.note)] {
        if let value { out += "          <attvalue for=\"\(id)\"" + XMLText.attributes([("value", value)]) + "/>\n" }
      }
      out += "        </attvalues>\n"
      let fill = blocs.first.map { style.blocFill($0, in: g) } ?? style.unaffiliatedFill
      out += "        " + vizColor(fill) + "\n"
      out += "      </node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for (i, t) in view.ties.enumerated() {
      let kind = g[t.kind]
      out += "      <edge" + XMLText.attributes([
        ("id", "t\(i)"), ("source", g[t.source].id), ("target", g[t.target].id), ("kind", kind.id), ("label", kind.label), ("weight", JSONWriter.number(t.weight)),
      ]) + ">\n"
      out += "        <attvalues>\n"
      out += "          <attvalue for=\"tie_kind\"" + XMLText.attributes([("value", kind.id)]) + "/>\n"
      out += "          <attvalue for=\"sign\" value=\"\(kind.polarity.sign)\"/>\n"
      out += "          <attvalue for=\"kind_directed\" value=\"\(kind.directed)\"/>\n"
      out += "          <attvalue for=\"confidence\" value=\"\(t.confidence.rawValue)\"/>\n"
      out += "          <attvalue for=\"count\" value=\"\(t.count)\"/>\n"
      let observations = t.observations.map { observationJSON(g.observation($0), tieSource: g[t.source].id) }
      out += "          <attvalue for=\"observations\"" + XMLText.attributes([("value", "[" + observations.joined(separator: ",") + "]")]) + "/>\n"
      out += "        </attvalues>\n"
      let spells = merged(t.observations.map { (g.observation($0).time.firstDay, g.observation($0).time.lastDay) })
      if !spells.isEmpty {
        out += "        <spells>\n"
        for (a, b) in spells {
          var attrs: [(String, String)] = []
          if let s = PartialDate(dayNumber: a) { attrs.append(("start", s.description)) }
          if let e = PartialDate(dayNumber: b) { attrs.append(("end", e.description)) }
          out += "          <spell" + XMLText.attributes(attrs) + "/>\n"
        }
        out += "        </spells>\n"
      }
      out += "        " + vizColor(colors[kind.id] ?? "#000000") + "\n"
      out += "        <viz:thickness value=\"\(JSONWriter.number((1 + log2(1 + t.weight) * 100).rounded() / 100))\"/>\n"
      out += "        <viz:shape value=\"\(style.confidenceStyles[t.confidence] ?? "solid")\"/>\n"
      out += "      </edge>\n"
    }
    out += "    </edges>\n  </graph>\n</gexf>\n"
    return out
  }

  static func vizColor(_ hex: String) -> String {
    let h = Array(hex.utf8.dropFirst())
    func byte(_ k: Int) -> Int { h.count == 6 ? Int(String(decoding: h[(2 * k)..<(2 * k + 2)], as: UTF8.self), radix: 16) ?? 0 : 0 }
    return "<viz:color r=\"\(byte(0))\" g=\"\(byte(1))\" b=\"\(byte(2))\"/>"
  }

  /// Intervals sorted and joined where they overlap or touch.
  static func merged(_ intervals: [(Int32, Int32)]) -> [(Int32, Int32)] {
    var out: [(Int32, Int32)] = []
    for (a, b) in intervals.sorted(by: { $0 < $1 }) {
      if let last = out.last, last.1 == .max || a <= last.1 &+ 1 {
        out[out.count - 1].1 = max(last.1, b)
      } else {
        out.append((a, b))
      }
    }
    return out
  }

  /// One observation of a tie; `reversed` marks one recorded target → source (undirected kinds).
  static func observationJSON(_ o: TieObservation, tieSource: String) -> String {
    var m: [(key: String, value: JSONNode)] = []
    func put(_ k: String, _ v: String?) { if let v { m.append((key: k, value: JSONNode(.string(v)))) } }
    put("observation", o.id)
    if o.source != tieSource { m.append((key: "reversed", value: JSONNode(.bool(true)))) }
    switch o.time {
    case .on(let d): put("date", d.description)
    case .between(let f, let t):
      put("from", f?.description)
      put("to", t?.description)
    case .ongoing(let a, let s):
      put("as_of", a.description)
      put("from", s?.description)
    }
    put("recorded", o.recorded?.description)
    put("confidence", o.confidence.rawValue)
    put("basis", o.basis?.rawValue)
    m.append((key: "weight", value: JSONNode(.number(o.weight))))
    put("detail", o.detail)
    if !o.evidence.isEmpty, let ev = try? JSONParser.parse(Array(CSVObservations.evidenceJSON(o.evidence).utf8)) {
      m.append((key: "evidence", value: ev))
    }
    return JSONWriter.compact(JSONNode(.object(m)))
  }

  /// Reads GEXF 1.1–1.3: nodes with labels and attribute values; edges with `kind` (or a `kind`
  /// attribute), `weight`, `type`, and spells or `start`/`end`. An `observations` attribute written
  /// by CoalitionGraph restores each observation.
  public static func read(bytes: [UInt8], name: String, options: GraphImportOptions) throws
    -> ImportResult
  {
    let root = try XMLParser.parse(bytes, file: name)
    guard root.localName == "gexf", root.prefix == nil else {
      throw ImportError(file: name, line: root.line, column: root.column, "not GEXF: the root element is <\(root.name)>")
    }
    guard let graph = root.child("graph") else { throw ImportError(file: name, line: root.line, column: root.column, "no <graph> element") }
    let defaultType = graph["defaultedgetype"] ?? "undirected"
    var titles: [String: [String: String]] = ["node": [:], "edge": [:]]
    // Declared defaults (<default> in an <attribute>), in declaration order, by class.
    var defaults: [String: [(title: String, value: String)]] = ["node": [], "edge": []]
    for block in graph.children("attributes") {
      let cls = block["class"] ?? "node"
      for a in block.children("attribute") {
        guard let id = a["id"] else { throw ImportError(file: name, line: a.line, column: a.column, "<attribute> without an id") }
        titles[cls, default: [:]][id] = a["title"] ?? id
        if let d = a.child("default")?.text { defaults[cls, default: []].append((a["title"] ?? id, d)) }
      }
    }
    func typed(_ title: String, _ value: String) -> (String, ExchangeValue) {
      if let i = Int(value) { return (title, .int(i)) }
      if value == "true" || value == "false" { return (title, .bool(value == "true")) }
      return (title, .string(value))
    }
    /// The element's attribute values, with the declared default for each attribute it leaves out.
    func values(_ e: XMLElement, _ cls: String) -> [(String, ExchangeValue)] {
      var out: [(String, ExchangeValue)] = (e.child("attvalues")?.children("attvalue") ?? []).compactMap { v in
        guard let f = v["for"] ?? v["id"], let value = v["value"] else { return nil }
        return typed(titles[cls]?[f] ?? f, value)
      }
      for d in defaults[cls] ?? [] where !out.contains(where: { $0.0 == d.title }) { out.append(typed(d.title, d.value)) }
      return out
    }
    var g = ExchangeGraph(directed: defaultType == "directed")
    g.attributes = [("title", root.child("meta")?.child("title")?.text ?? ""), ("description", root.child("meta")?.child("description")?.text ?? "")]
      .filter { !$0.1.isEmpty }.map { ($0.0, .string($0.1)) }
    var known = Set<String>()
    for n in graph.child("nodes")?.children("node") ?? [] {
      guard let id = n["id"] else { throw ImportError(file: name, line: n.line, column: n.column, "<node> without an id") }
      guard known.insert(id).inserted else { throw ImportError(file: name, line: n.line, column: n.column, "node id \"\(id.clipped())\" appears twice") }
      var attrs = values(n, "node")
      if let l = n["label"] { attrs.append(("label", .string(l))) }
      g.nodes.append(ExchangeGraph.Node(id: id, attributes: attrs, line: n.line))
    }
    for e in graph.child("edges")?.children("edge") ?? [] {
      guard let s = e["source"], let t = e["target"] else {
        throw ImportError(file: name, line: e.line, column: e.column, "<edge> needs a source and a target")
      }
      for end in [s, t] where !known.contains(end) {
        throw ImportError(file: name, line: e.line, column: e.column, "edge names node \"\(end.clipped())\", which is not among the nodes")
      }
      var attrs = values(e, "edge")
      if let k = e["kind"] ?? attrs["tie_kind"]?.text { attrs.insert(("kind", .string(k)), at: 0) }
      if let w = e["weight"], let x = Double(w) { attrs.append(("weight", .double(x))) }
      if attrs["kind"] == nil, let l = e["label"] { attrs.append(("label", .string(l))) }
      let type = e["type"] ?? defaultType
      var spells = (e.child("spells")?.children("spell") ?? []).map { (start: $0["start"], end: $0["end"]) }
      if spells.isEmpty, e["start"] != nil || e["end"] != nil { spells = [(e["start"], e["end"])] }
      let base = ExchangeGraph.Edge(source: s, target: t, directed: type == "directed", key: e["id"], attributes: attrs, spells: spells, line: e.line)
      // Our own files: one edge per recorded observation.
      if case .string(let json)? = attrs["observations"], let node = try? JSONParser.parse(Array(json.utf8)), case .array(let items) = node.value {
        for item in items {
          guard case .object(let members) = item.value else { continue }
          var edge = base
          edge.spells = []
          if members.contains(where: { $0.key == "reversed" && $0.value.isTrue }) { (edge.source, edge.target) = (base.target, base.source) }
          edge.attributes = attrs.filter { !["observations", "weight", "confidence", "count", "tie_kind"].contains($0.0) }
          for (k, v) in members {
            switch v.value {
            case .string(let x): edge.attributes.append((k, .string(x)))
            case .number(let x): edge.attributes.append((k, .double(x)))
            case .array, .object: edge.attributes.append((k, .string(JSONWriter.compact(v))))
            case .bool: break
            default: break
            }
          }
          g.edges.append(edge)
        }
      } else {
        g.edges.append(base)
      }
    }
    return try g.dataset(file: name, options: options)
  }
}
