import CoalitionGraph
import CoalitionMaps

/// An attribute value in a graph interchange file.
enum ExchangeValue: Hashable, Sendable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)

  var text: String {
    switch self {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .double(let x): return JSONWriter.number(x)
    case .bool(let b): return b ? "true" : "false"
    }
  }

  var number: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .double(let x): return x
    case .string(let s): return Double(s.trimmingSpaces())
    case .bool: return nil
    }
  }
}

/// The graph shared by the GraphML, GEXF and node-link readers and writers: nodes and edges with
/// named attributes. Writers build it from a view; readers turn it into a dataset.
struct ExchangeGraph {
  struct Node {
    var id: String
    var attributes: [(String, ExchangeValue)] = []
    var line: Int?
  }
  struct Edge {
    var source: String
    var target: String
    /// Per-edge direction when the format gives one.
    var directed: Bool?
    var key: String?
    var attributes: [(String, ExchangeValue)] = []
    /// Time intervals of the edge (GEXF spells), as date strings.
    var spells: [(start: String?, end: String?)] = []
    var line: Int?
  }
  var directed: Bool
  var attributes: [(String, ExchangeValue)] = []
  var nodes: [Node] = []
  var edges: [Edge] = []
}

extension Array where Element == (String, ExchangeValue) {
  subscript(name: String) -> ExchangeValue? { first { $0.0 == name }?.1 }
}

/// What to write for each edge.
public enum ExportGranularity: String, Sendable, CaseIterable {
  /// One edge per observation, with its date, confidence and evidence: reading the file back gives
  /// the same dataset.
  case observations
  /// One edge per tie (source, target, kind) of the view, with the aggregated weight, the number of
  /// observations, the firmest confidence and the first and last day.
  case ties
}

/// The attribute names CoalitionGraph writes (and reads back).
enum ExchangeNames {
  static let format = "coalitiongraph"
  static let formatVersion = 1
}

extension ExchangeGraph {
  /// The view's actors and its observations (or ties) as an interchange graph.
  init(view: NetworkView, granularity: ExportGranularity) {
    let g = view.graph
    let d = g.dataset
    directed = view.ties.contains { $0.directed } || g.kinds.contains { $0.directed } && view.ties.isEmpty
    attributes = [("format", .string(ExchangeNames.format)), ("format_version", .int(ExchangeNames.formatVersion))]
    if let t = d.title { attributes.append(("title", .string(t))) }
    if let t = d.description { attributes.append(("description", .string(t))) }
    if let t = d.weightUnit { attributes.append(("weight_unit", .string(t))) }
    attributes.append(("granularity", .string(granularity.rawValue)))
    if !d.kinds.isEmpty { attributes.append(("kinds", .string(DatasetJSONParts.kinds(d.kinds)))) }
    if !d.sources.isEmpty { attributes.append(("sources", .string(DatasetJSONParts.sources(d.sources)))) }
    if !d.blocs.isEmpty { attributes.append(("blocs", .string(DatasetJSONParts.blocs(d.blocs)))) }
    if !view.filter.summary.isEmpty, view.filter.summary != "all ties" { attributes.append(("view", .string(view.filter.summary))) }
    // Provenance: which dataset (by content), which view, which release wrote the file.
    attributes.append(("dataset_fingerprint", .string(g.fingerprint)))
    attributes.append(("generator", .string("CoalitionGraph \(CoalitionGraphVersion.current)")))
    attributes.append(("provenance", .string(view.provenance)))

    let declared = Set(d.actors.map(\.id))
    for v in 0..<view.nodeCount {
      let a = view.actor(v)
      var attrs: [(String, ExchangeValue)] = [("label", .string(a.name)), ("type", .string(a.type.rawValue))]
      if !declared.contains(a.id) { attrs.append(("declared", .bool(false))) }
      if let x = a.affiliation { attrs.append(("affiliation", .string(x))) }
      if let x = a.note { attrs.append(("note", .string(x))) }
      let blocs = g.blocs(of: view.nodes[v]).map { g.blocs[$0].bloc.id }
      if !blocs.isEmpty { attrs.append(("blocs", .string(blocs.joined(separator: ";")))) }
      nodes.append(Node(id: a.id, attributes: attrs))
    }

    switch granularity {
    case .observations:
      let indices = Array(Set(view.ties.flatMap(\.observations))).sorted()
      for i in indices {
        let o = g.observation(i)
        let kind = g[g.index(ofKind: o.kind)!]
        var attrs: [(String, ExchangeValue)] = [
          ("kind", .string(o.kind)), ("sign", .int(kind.polarity.sign)), ("kind_directed", .bool(kind.directed)),
        ]
        if let id = o.id { attrs.append(("observation", .string(id))) }
        switch o.time {
        case .on(let x): attrs.append(("date", .string(x.description)))
        case .between(let f, let t):
          if let f { attrs.append(("from", .string(f.description))) }
          if let t { attrs.append(("to", .string(t.description))) }
        case .ongoing(let a, let since):
          attrs.append(("as_of", .string(a.description)))
          if let since { attrs.append(("from", .string(since.description))) }
        }
        if let r = o.recorded { attrs.append(("recorded", .string(r.description))) }
        attrs.append(("confidence", .string(o.confidence.rawValue)))
        if let b = o.basis { attrs.append(("basis", .string(b.rawValue))) }
        attrs.append(("weight", .double(o.weight)))
        if let x = o.detail { attrs.append(("detail", .string(x))) }
        if !o.evidence.isEmpty { attrs.append(("evidence", .string(CSVObservations.evidenceJSON(o.evidence)))) }
        edges.append(
          Edge(source: o.source, target: o.target, directed: kind.directed, key: o.id ?? "o\(i)", attributes: attrs))
      }
    case .ties:
      for (i, t) in view.ties.enumerated() {
        let kind = g[t.kind]
        let (first, last) = view.days(of: t)
        var attrs: [(String, ExchangeValue)] = [
          ("kind", .string(kind.id)), ("sign", .int(kind.polarity.sign)), ("kind_directed", .bool(kind.directed)),
          ("weight", .double(t.weight)), ("count", .int(t.count)), ("confidence", .string(t.confidence.rawValue)),
        ]
        if let f = first { attrs.append(("first", .string(f.description))) }
        if let l = last { attrs.append(("last", .string(l.description))) }
        edges.append(
          Edge(source: g[t.source].id, target: g[t.target].id, directed: t.directed, key: "t\(i)", attributes: attrs))
      }
    }
  }
}

/// Options for turning a foreign graph file into a dataset.
public struct GraphImportOptions: Sendable {
  /// Date given to edges that carry none (`date`, `from`/`to`, `as_of`, `year` or GEXF spells).
  /// Without it, an undated edge is a problem: every observation needs a time.
  public var date: PartialDate?
  /// Kind for edges without a `kind` (or `type`, `relation`, `label`) attribute.
  public var defaultKind: String
  /// Skip bad elements (reporting them) or stop at the first.
  public var policy: ErrorPolicy

  /// Options for files without dates (`date`) or kinds (`defaultKind`).
  public init(date: PartialDate? = nil, defaultKind: String = "tie", policy: ErrorPolicy = .skip) {
    self.date = date
    self.defaultKind = defaultKind
    self.policy = policy
  }
}

extension ExchangeGraph {
  /// The graph as a dataset.
  ///
  /// Node → actor: the node's `name` attribute (igraph writes ids n0, n1… and keeps names there) or
  /// else its id; `label` gives the name, `type` the actor type; ISO alpha-3 identifiers are states.
  /// Edge → observation: `kind` (or `type`, `relation`, `label`) names the kind; a kind the dataset
  /// does not know is declared, hostile when the edge's `sign` is negative or `polarity` says so,
  /// directed as the edge is. Time from `date`, `from`/`to`, `as_of`, `year` or spells; weight from
  /// `weight` (its absolute value when negative, the sign going to the kind).
  ///
  /// Nothing is lost without a word: every node becomes an actor (an isolated ISO state too);
  /// attributes with no place in the dataset model are listed in ``ImportResult/warnings`` with
  /// the number of nodes or edges that had them; a kind whose edges disagree on direction is
  /// reported there; a file none of whose edges could be read (all undated, say) is an error.
  func dataset(file: String, options: GraphImportOptions) throws(ImportError) -> ImportResult {
    var log = IssueLog(file: file, policy: options.policy)
    let ours = attributes["format"]?.text == ExchangeNames.format
    var extraKinds: [Kind] = []
    var sources: [Source] = []
    var blocs: [Bloc] = []
    if ours {
      do {
        if let k = attributes["kinds"]?.text { extraKinds = try DatasetJSONParts.parseKinds(k) }
        if let s = attributes["sources"]?.text { sources = try DatasetJSONParts.parseSources(s) }
        if let b = attributes["blocs"]?.text { blocs = try DatasetJSONParts.parseBlocs(b) }
      } catch {
        throw ImportError(file: file, line: 1, "graph attributes kinds/sources/blocs are not valid: \(error.message)")
      }
    }
    var builder = DatasetBuilder(
      title: attributes["title"]?.text ?? attributes["name"]?.text, description: attributes["description"]?.text,
      sources: sources, kinds: extraKinds)
    builder.dataset.blocs = blocs
    builder.dataset.weightUnit = attributes["weight_unit"]?.text
    var actorOf: [String: String] = [:]
    var skipped = 0
    var unused: [String: Int] = [:]  // "node attribute x" → how many nodes had it
    let tied = Set(edges.flatMap { [$0.source, $0.target] })
    for n in nodes {
      let id = (n.attributes["name"]?.text).flatMap { $0.isEmpty ? nil : $0 } ?? n.id
      actorOf[n.id] = id
      for (name, _) in n.attributes where !Self.nodeAttributes.contains(name) && !(ours && name == "blocs") {
        unused["node attribute \"\(name)\"", default: 0] += 1
      }
      let label = n.attributes["label"]?.text
      let type = n.attributes["type"].flatMap { ActorType(rawValue: $0.text) }
      // An ISO state needs no declaration when a tie names it; an isolated one does, or it is lost.
      let isolated = !tied.contains(n.id)
      if ours, n.attributes["declared"] == .bool(false), !isolated { continue }
      if !isolated, CountryTable.country(alpha3: id) != nil, type == nil || type == .state,
        label == nil || label == CountryTable.country(alpha3: id)?.name
      {
        continue
      }
      builder.declare(
        CoalitionActor(
          id: id, name: label ?? id, type: type ?? (CountryTable.country(alpha3: id) != nil ? .state : .organization),
          affiliation: n.attributes["affiliation"]?.text, note: n.attributes["note"]?.text))
    }
    var kinds = Dictionary(builder.dataset.allKinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var ids = Set<String>()
    var undated = 0
    var directions: [String: (directed: Int, undirected: Int)] = [:]  // per kind, edges read
    for (k, e) in edges.enumerated() {
      let line = e.line ?? 0
      func fail(_ m: String) throws(ImportError) {
        skipped += 1
        try log.add(line: line, "edge \(k + 1) (\(e.source) → \(e.target)): \(m)")
      }
      for (name, _) in e.attributes where !Self.edgeAttributes.contains(name) && !(ours && Self.ownEdgeAttributes.contains(name)) {
        unused["edge attribute \"\(name)\"", default: 0] += 1
      }
      guard let s = actorOf[e.source] ?? (ours ? e.source : nil), let t = actorOf[e.target] ?? (ours ? e.target : nil) else {
        try fail("unknown node")
        continue
      }
      if s == t {
        try fail("self-loop; coalition ties join two different actors")
        continue
      }
      let a = e.attributes
      var directed = e.directed ?? directed
      if case .bool(let b)? = e.attributes["kind_directed"] { directed = b }
      var kindID = (a["kind"] ?? a["type"] ?? a["relation"] ?? a["label"])?.text ?? options.defaultKind
      if kindID.isEmpty { kindID = options.defaultKind }
      let rawWeight = a["weight"]?.number ?? 1
      guard rawWeight.isFinite else {
        try fail("weight is not a finite number")
        continue
      }
      if kinds[kindID] == nil {
        let hostile = (a["sign"]?.number ?? 1) < 0 || a["polarity"]?.text == "hostile" || rawWeight < 0
        let kind = Kind(
          id: kindID, label: kindID, polarity: hostile ? .hostile : .cooperative,
          materiality: a["materiality"]?.text == "material" ? .material : .verbal, directed: directed)
        kinds[kindID] = kind
        builder.dataset.kinds.append(kind)
      }
      // Time.
      var times: [ObservationTime] = []
      if !e.spells.isEmpty {
        for sp in e.spells {
          let f = sp.start.flatMap { PartialDate(flexible: String($0.prefix(10))) }
          let l = sp.end.flatMap { PartialDate(flexible: String($0.prefix(10))) }
          if (sp.start != nil && f == nil) || (sp.end != nil && l == nil) {
            try fail("spell \(sp.start ?? "…")–\(sp.end ?? "…") is not made of dates")
            times = []
            break
          }
          times.append(f != nil && f == l ? .on(f!) : .between(from: f, to: l))
        }
        if times.isEmpty { continue }
      } else {
        // A whole number of a plausible size is a year; anything else goes on as text and is
        // reported as not a date (1e300 does not fit an Int).
        let year = a["year"].map { v -> String in
          v.number.flatMap { $0 == $0.rounded() && abs($0) < 1e6 ? String(Int($0)) : nil } ?? v.text
        }
        switch CSVObservations.parseTime(
          date: a["date"]?.text ?? year, from: a["from"]?.text ?? a["start"]?.text ?? a["first"]?.text,
          to: a["to"]?.text ?? a["end"]?.text ?? a["last"]?.text, asOf: a["as_of"]?.text)
        {
        case .success(let time): times = [time]
        case .failure(let p):
          if p.message.hasPrefix("no date"), let d = options.date {
            times = [.on(d)]
          } else {
            if p.message.hasPrefix("no date") { undated += 1 }
            try fail(p.message.hasPrefix("no date") ? "no date; give one for undated edges (--date)" : p.message)
            continue
          }
        }
      }
      var confidence = Confidence.reported
      if let c = a["confidence"]?.text {
        guard let x = Confidence(rawValue: c) else {
          try fail("unknown confidence \"\(c.clipped())\"")
          continue
        }
        confidence = x
      }
      var basis: Basis?
      if let b = a["basis"]?.text {
        guard let x = Basis(rawValue: b) else {
          try fail("unknown basis \"\(b.clipped())\"")
          continue
        }
        basis = x
      }
      var evidence: [Evidence] = []
      if let ev = a["evidence"]?.text {
        switch CSVObservations.parseEvidence(ev) {
        case .success(let x): evidence = x
        case .failure(let p):
          try fail(p.message)
          continue
        }
        for x in evidence where !builder.dataset.sources.contains(where: { $0.id == x.source }) {
          builder.dataset.sources.append(Source(id: x.source, title: x.source))
        }
      }
      var recorded: PartialDate?
      if let r = a["recorded"]?.text {
        guard let d = PartialDate(flexible: r) else {
          try fail("recorded \"\(r.clipped())\" is not a date")
          continue
        }
        recorded = d
      }
      var id = a["observation"]?.text
      if let i = id, !ids.insert(i).inserted { id = nil }
      if directed { directions[kindID, default: (0, 0)].directed += 1 } else { directions[kindID, default: (0, 0)].undirected += 1 }
      for time in times {
        builder.add(
          TieObservation(
            id: times.count == 1 ? id : nil, source: s, target: t, kind: kindID, time: time, confidence: confidence,
            basis: basis, weight: abs(rawWeight), detail: a["detail"]?.text, evidence: evidence, recorded: recorded))
      }
    }
    if !edges.isEmpty, builder.dataset.observations.isEmpty {
      if undated == edges.count {
        throw ImportError(
          file: file, line: 1,
          "none of the \(edges.count) edges has a date (date, from/to, as_of, year or a spell); give one date for all of them with --date YYYY[-MM[-DD]]")
      }
      throw ImportError(
        file: file, line: 1, "none of the \(edges.count) edges could be read (\(undated) without a date); the first problem: \(log.issues.first?.description ?? "unknown")")
    }
    var warnings: [String] = []
    for (id, count) in directions.sorted(by: { $0.key < $1.key }) where count.directed > 0 && count.undirected > 0 {
      let kind = builder.dataset.kinds.first { $0.id == id } ?? kinds[id]
      let way = kind?.directed == true ? "directed" : "undirected"
      warnings.append(
        "kind \"\(id)\": \(count.directed) directed and \(count.undirected) undirected edges; a kind has one direction, so all \(count.directed + count.undirected) are read as \(way)\(kind?.isBuiltIn == true ? " (the built-in kind's)" : " (its first edge's)")")
    }
    if !unused.isEmpty {
      warnings.append(
        "not kept (no place for them in a dataset): "
          + unused.sorted { $0.key < $1.key }.map { "\($0.key) on \($0.value) \($0.key.hasPrefix("node") ? "node" : "edge")\($0.value == 1 ? "" : "s")" }
          .joined(separator: ", "))
    }
    var result = ImportResult(
      dataset: builder.finish(), recordsRead: nodes.count + edges.count, recordsSkipped: skipped, recordsFiltered: 0,
      issues: log.issues, ignoredColumns: [])
    result.warnings = warnings.map(\.visible)  // attribute and kind names come from the file
    return result
  }

  /// Node attributes the reader turns into actor fields.
  static let nodeAttributes: Set<String> = ["name", "label", "type", "declared", "affiliation", "note"]
  /// Edge attributes the reader turns into observation fields (or kinds).
  static let edgeAttributes: Set<String> = [
    "kind", "type", "relation", "label", "kind_directed", "weight", "sign", "polarity", "materiality", "date", "year", "from", "start",
    "to", "end", "as_of", "recorded", "first", "last", "confidence", "basis", "evidence", "observation", "detail",
  ]
  /// Edge attributes this package writes that follow from the others (tie counts).
  static let ownEdgeAttributes: Set<String> = ["count", "tie_kind", "reversed"]
}

/// A graph file format with a reader: the file and policy conveniences come with it.
public protocol GraphFileFormat: SendableMetatype {
  /// Reads a whole file's bytes into a dataset.
  static func read(bytes: [UInt8], name: String, options: GraphImportOptions) throws -> ImportResult
}

extension GraphFileFormat {
  /// Reads a graph file into a dataset.
  /// - Throws: ``ImportError``.
  public static func read(path: String, options: GraphImportOptions = GraphImportOptions()) throws -> ImportResult {
    try read(bytes: try readWholeFile(path), name: path, options: options)
  }

  /// Reads a graph file into a dataset, skipping or stopping at bad elements.
  /// - Throws: ``ImportError``.
  public static func read(path: String, policy: ErrorPolicy) throws -> ImportResult {
    try read(path: path, options: GraphImportOptions(policy: policy))
  }

  /// Reads a graph file's bytes into a dataset; `name` is used in messages.
  /// - Throws: ``ImportError``.
  public static func read(bytes: [UInt8], name: String) throws -> ImportResult {
    try read(bytes: bytes, name: name, options: GraphImportOptions())
  }
}
