import CoalitionGraph

/// Node-link JSON as NetworkX 3.6 writes and reads it (`networkx.node_link_data` /
/// `node_link_graph`).
///
/// Written: `{"directed", "multigraph": true, "graph": {…}, "nodes": [{"id", …}], "edges":
/// [{"source", "target", "key", …}]}`, with node ids as strings. Read: `edges` or the older `links`,
/// node ids of any JSON type (numbers become their text), attribute values that are arrays or
/// objects kept as compact JSON text.
public enum NodeLink: GraphFileFormat {
  /// The view as node-link JSON (NetworkX's layout): one link per observation, or per tie.
  public static func write(_ view: NetworkView, granularity: ExportGranularity = .observations) -> String {
    write(ExchangeGraph(view: view, granularity: granularity))
  }

  static func json(_ v: ExchangeValue) -> JSONNode {
    switch v {
    case .string(let s): return JSONNode(.string(s))
    case .int(let i): return JSONNode(.number(Double(i)))
    case .double(let x): return JSONNode(.number(x))
    case .bool(let b): return JSONNode(.bool(b))
    }
  }

  static func write(_ g: ExchangeGraph) -> String {
    func object(_ first: [(String, JSONNode)], _ attrs: [(String, ExchangeValue)]) -> JSONNode {
      JSONNode(.object(first.map { (key: $0.0, value: $0.1) } + attrs.map { (key: $0.0, value: json($0.1)) }))
    }
    let root = JSONNode(
      .object([
        (key: "directed", value: JSONNode(.bool(g.directed))),
        (key: "multigraph", value: JSONNode(.bool(true))),
        (key: "graph", value: object([], g.attributes)),
        (key: "nodes", value: JSONNode(.array(g.nodes.map { object([("id", JSONNode(.string($0.id)))], $0.attributes) }))),
        (
          key: "edges",
          value: JSONNode(
            .array(
              g.edges.map { e in
                var first: [(String, JSONNode)] = [("source", JSONNode(.string(e.source))), ("target", JSONNode(.string(e.target)))]
                if let k = e.key { first.append(("key", JSONNode(.string(k)))) }
                return object(first, e.attributes)
              }))
        ),
      ]))
    return JSONWriter.write(root)
  }

  /// Reads node-link JSON into a dataset (see ``GraphImportOptions`` for how nodes and edges map).
  public static func read(bytes: [UInt8], name: String, options: GraphImportOptions) throws
    -> ImportResult
  {
    try parse(bytes: bytes, name: name).dataset(file: name, options: options)
  }

  static func parse(bytes: [UInt8], name: String) throws(ImportError) -> ExchangeGraph {
    let lines = LineIndex(bytes)
    func fail(_ node: JSONNode, _ m: String) -> ImportError {
      let p = lines.position(of: node.offset)
      return ImportError(file: name, line: p.line, column: p.column, m)
    }
    let root: JSONNode
    do { root = try JSONParser.parse(bytes) } catch {
      let p = lines.position(of: error.offset)
      throw ImportError(file: name, line: p.line, column: p.column, error.message)
    }
    guard case .object(let members) = root.value else { throw fail(root, "node-link JSON is an object, not \(root.typeName)") }
    let m = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    func value(_ n: JSONNode) -> ExchangeValue? {
      switch n.value {
      case .null: return nil
      case .bool(let b): return .bool(b)
      case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? .int(Int(x)) : .double(x)
      case .string(let s): return .string(s)
      case .array, .object: return .string(JSONWriter.compact(n))
      }
    }
    func id(_ n: JSONNode) -> String? {
      switch n.value {
      case .string(let s): return s
      case .number(let x): return JSONWriter.number(x)
      case .bool(let b): return b ? "true" : "false"
      default: return nil
      }
    }
    var directed = false
    if let d = m["directed"] {
      guard case .bool(let b) = d.value else { throw fail(d, "\"directed\" must be true or false") }
      directed = b
    }
    var g = ExchangeGraph(directed: directed)
    if let gr = m["graph"], case .object(let attrs) = gr.value {
      g.attributes = attrs.compactMap { k, v in value(v).map { (k, $0) } }
    }
    guard let nodes = m["nodes"], case .array(let nodeItems) = nodes.value else {
      throw fail(root, "no \"nodes\" array")
    }
    var known = Set<String>()
    for n in nodeItems {
      guard case .object(let attrs) = n.value, let idNode = attrs.first(where: { $0.key == "id" })?.value, let nid = id(idNode) else {
        throw fail(n, "each node is an object with an \"id\"")
      }
      guard known.insert(nid).inserted else { throw fail(n, "node id \"\(nid.clipped())\" appears twice") }
      g.nodes.append(
        ExchangeGraph.Node(
          id: nid, attributes: attrs.filter { $0.key != "id" }.compactMap { k, v in value(v).map { (k, $0) } },
          line: lines.position(of: n.offset).line))
    }
    guard let edges = m["edges"] ?? m["links"], case .array(let edgeItems) = edges.value else {
      throw fail(root, "no \"edges\" (or \"links\") array")
    }
    for e in edgeItems {
      guard case .object(let attrs) = e.value,
        let s = attrs.first(where: { $0.key == "source" }).flatMap({ id($0.value) }),
        let t = attrs.first(where: { $0.key == "target" }).flatMap({ id($0.value) })
      else { throw fail(e, "each edge is an object with \"source\" and \"target\"") }
      for end in [s, t] where !known.contains(end) {
        throw fail(e, "edge names node \"\(end.clipped())\", which is not in \"nodes\"")
      }
      let key = attrs.first(where: { $0.key == "key" }).flatMap { id($0.value) }
      g.edges.append(
        ExchangeGraph.Edge(
          source: s, target: t, directed: nil, key: key,
          attributes: attrs.filter { !["source", "target", "key"].contains($0.key) }.compactMap { k, v in value(v).map { (k, $0) } },
          line: lines.position(of: e.offset).line))
    }
    return g
  }
}
