import CoalitionGraph

/// GraphML (graphml.graphdrawing.org): read and write.
///
/// Written files declare every attribute as a typed `<key>` (`string`, `int`, `double`, `boolean`)
/// before the graph, with ids `g_NAME`, `v_NAME`, `e_NAME`. The graph is directed when any kind in
/// the view is; a tie of an undirected kind is one edge with `kind_directed` false (networkx refuses
/// per-edge `directed` flags that disagree with the graph). Reading accepts what networkx, igraph,
/// yEd and Gephi write: booleans in any case, `long`/`float` types, key defaults, elements of other
/// namespaces (yEd's `y:` graphics) and nested graphs are skipped.
public enum GraphML: GraphFileFormat {
  /// The view as GraphML text.
  public static func write(_ view: NetworkView, granularity: ExportGranularity = .observations) -> String {
    write(ExchangeGraph(view: view, granularity: granularity))
  }

  static func typeName(_ v: ExchangeValue) -> String {
    switch v {
    case .string: return "string"
    case .int: return "int"
    case .double: return "double"
    case .bool: return "boolean"
    }
  }

  static func write(_ g: ExchangeGraph) -> String {
    // Key declarations: one per (domain, name); a name whose values differ in type is a string.
    func keys(_ lists: [[(String, ExchangeValue)]]) -> [(name: String, type: String)] {
      var order: [String] = []
      var types: [String: String] = [:]
      for list in lists {
        for (name, value) in list {
          let t = typeName(value)
          if let old = types[name] {
            if old != t { types[name] = (old == "int" && t == "double") || (old == "double" && t == "int") ? "double" : "string" }
          } else {
            types[name] = t
            order.append(name)
          }
        }
      }
      return order.map { ($0, types[$0]!) }
    }
    let graphKeys = keys([g.attributes])
    let nodeKeys = keys(g.nodes.map(\.attributes))
    let edgeKeys = keys(g.edges.map(\.attributes))
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    for (domain, prefix, list) in [("graph", "g", graphKeys), ("node", "v", nodeKeys), ("edge", "e", edgeKeys)] {
      for k in list {
        out += "  <key" + XMLText.attributes([("id", "\(prefix)_\(k.name)"), ("for", domain), ("attr.name", k.name), ("attr.type", k.type)]) + "/>\n"
      }
    }
    out += "  <graph id=\"G\" edgedefault=\"\(g.directed ? "directed" : "undirected")\">\n"
    func data(_ prefix: String, _ attrs: [(String, ExchangeValue)], indent: String) {
      for (name, value) in attrs {
        out += "\(indent)<data key=\"\(XMLText.escape("\(prefix)_\(name)"))\">\(XMLText.escape(value.text))</data>\n"
      }
    }
    data("g", g.attributes, indent: "    ")
    for n in g.nodes {
      out += "    <node id=\"\(XMLText.escape(n.id))\">\n"
      data("v", n.attributes, indent: "      ")
      out += "    </node>\n"
    }
    for e in g.edges {
      var attrs: [(String, String)] = []
      if let k = e.key { attrs.append(("id", k)) }
      attrs += [("source", e.source), ("target", e.target)]
      out += "    <edge" + XMLText.attributes(attrs) + ">\n"
      data("e", e.attributes, indent: "      ")
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  /// Reads GraphML text into a dataset (see ``GraphImportOptions`` for how nodes and edges map).
  public static func read(bytes: [UInt8], name: String, options: GraphImportOptions) throws
    -> ImportResult
  {
    let graph = try parse(bytes: bytes, name: name)
    return try graph.dataset(file: name, options: options)
  }

  struct Key {
    var name: String
    var type: String
    var defaultValue: String?
  }

  static func parse(bytes: [UInt8], name: String) throws(ImportError) -> ExchangeGraph {
    let root = try XMLParser.parse(bytes, file: name)
    guard root.localName == "graphml", root.prefix == nil else {
      throw ImportError(file: name, line: root.line, column: root.column, "not GraphML: the root element is <\(root.name)>")
    }
    var keys: [String: (domain: String, key: Key)] = [:]
    for k in root.children("key") {
      guard let id = k["id"] else { throw ImportError(file: name, line: k.line, column: k.column, "<key> without an id") }
      // yEd's graphics keys have yfiles.type and no attr.name: nothing to read.
      guard let attrName = k["attr.name"] else { continue }
      let type = (k["attr.type"] ?? "string").lowercased()
      guard ["boolean", "int", "long", "float", "double", "string"].contains(type) else {
        throw ImportError(file: name, line: k.line, column: k.column, "key \(id): unknown attr.type \"\(type)\"")
      }
      keys[id] = (k["for"] ?? "all", Key(name: attrName, type: type, defaultValue: k.child("default")?.text))
    }
    guard let graph = root.child("graph") else {
      throw ImportError(file: name, line: root.line, column: root.column, "no <graph> element")
    }
    let edgeDefault = graph["edgedefault"]?.lowercased() ?? "undirected"
    guard edgeDefault == "directed" || edgeDefault == "undirected" else {
      throw ImportError(file: name, line: graph.line, column: graph.column, "edgedefault must be directed or undirected, not \"\(edgeDefault)\"")
    }
    func value(_ text: String, _ key: Key, at e: XMLElement) throws(ImportError) -> ExchangeValue {
      let t = text.trimmingSpaces()
      switch key.type {
      case "boolean":
        switch t.lowercased() {
        case "true", "1": return .bool(true)
        case "false", "0": return .bool(false)
        default: throw ImportError(file: name, line: e.line, column: e.column, "\(key.name): \"\(t.clipped())\" is not a boolean")
        }
      case "int", "long":
        if let i = Int(t) { return .int(i) }
        if let x = Double(t), x == x.rounded(), abs(x) < 1e15 { return .int(Int(x)) }
        throw ImportError(file: name, line: e.line, column: e.column, "\(key.name): \"\(t.clipped())\" is not an integer")
      case "float", "double":
        guard let x = Double(t) else { throw ImportError(file: name, line: e.line, column: e.column, "\(key.name): \"\(t.clipped())\" is not a number") }
        return .double(x)
      default: return .string(text)
      }
    }
    func attributes(of e: XMLElement, domain: String) throws(ImportError) -> [(String, ExchangeValue)] {
      var attrs: [(String, ExchangeValue)] = []
      var seen = Set<String>()
      for d in e.children("data") {
        guard let id = d["key"] else { throw ImportError(file: name, line: d.line, column: d.column, "<data> without a key") }
        guard let entry = keys[id] else {
          // A key yEd or another tool declared for graphics only, or none at all: a clear error for the latter.
          if root.children("key").contains(where: { $0["id"] == id }) { continue }
          throw ImportError(file: name, line: d.line, column: d.column, "<data key=\"\(id)\"> refers to no <key>")
        }
        // Graphics payloads (yEd) have element children and no text: skip them.
        if !d.children.isEmpty { continue }
        attrs.append((entry.key.name, try value(d.text, entry.key, at: d)))
        seen.insert(entry.key.name)
      }
      for (_, entry) in keys.sorted(by: { $0.key < $1.key }) where (entry.domain == domain || entry.domain == "all") && !seen.contains(entry.key.name) {
        if let dv = entry.key.defaultValue { attrs.append((entry.key.name, try value(dv, entry.key, at: e))) }
      }
      return attrs
    }
    var result = ExchangeGraph(directed: edgeDefault == "directed")
    result.attributes = try attributes(of: graph, domain: "graph")
    var nodeIDs = Set<String>()
    for n in graph.children("node") {
      guard let id = n["id"] else { throw ImportError(file: name, line: n.line, column: n.column, "<node> without an id") }
      guard nodeIDs.insert(id).inserted else { throw ImportError(file: name, line: n.line, column: n.column, "node id \"\(id.clipped())\" appears twice") }
      result.nodes.append(ExchangeGraph.Node(id: id, attributes: try attributes(of: n, domain: "node"), line: n.line))
    }
    for e in graph.children("edge") {
      guard let s = e["source"], let t = e["target"] else {
        throw ImportError(file: name, line: e.line, column: e.column, "<edge> needs a source and a target")
      }
      for end in [s, t] where !nodeIDs.contains(end) {
        // GraphML lets edges name nodes declared later or not at all; declare them as bare nodes.
        nodeIDs.insert(end)
        result.nodes.append(ExchangeGraph.Node(id: end, line: e.line))
      }
      var directed: Bool?
      if let d = e["directed"]?.lowercased() {
        guard d == "true" || d == "false" || d == "1" || d == "0" else {
          throw ImportError(file: name, line: e.line, column: e.column, "directed must be true or false, not \"\(d)\"")
        }
        directed = d == "true" || d == "1"
      }
      result.edges.append(
        ExchangeGraph.Edge(source: s, target: t, directed: directed, key: e["id"], attributes: try attributes(of: e, domain: "edge"), line: e.line))
    }
    return result
  }
}

/// The whole file, or an error naming it.
func readWholeFile(_ path: String) throws(ImportError) -> [UInt8] {
  let reader = try RecordReader(path: path, delimiter: 0, quoting: false)
  return try reader.readAll()
}
