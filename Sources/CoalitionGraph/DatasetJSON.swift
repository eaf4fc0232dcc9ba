import Foundation

extension Dataset {
  /// The value of the `format` member that marks a CoalitionGraph dataset file.
  public static let formatName = "coalitiongraph-dataset"
  /// The format version this library reads and writes.
  public static let formatVersion = 1

  /// Reads a dataset from JSON text and validates it.
  ///
  /// Every problem is collected before anything is thrown: wrong types, missing or unknown members,
  /// impossible dates, then the checks of ``validate()``. Each problem carries its path and its
  /// line and column in `json`.
  /// - Parameters:
  ///   - json: The file's bytes (UTF-8).
  ///   - file: A name for the file, used only in error messages.
  /// - Throws: ``DatasetError`` listing every problem.
  public init(json: some Collection<UInt8>, file: String? = nil) throws {
    let bytes = Array(json)
    let lines = LineIndex(bytes)
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw DatasetError(file: file, problems: [DatasetProblem(path: "", position: lines.position(of: error.offset), message: error.message)])
    }
    var decoder = DatasetDecoder()
    let dataset = decoder.dataset(root)
    let problems = decoder.problems + dataset.validate(origins: decoder.origins)
    guard problems.isEmpty else {
      let located = problems.map { p -> (Int, DatasetProblem) in
        var p = p
        let offset = decoder.offset(of: p.path)
        if let offset { p.position = lines.position(of: offset) }
        return (offset ?? Int.max, p)
      }
      // Report in document order; problems at the same place keep the order they were found in.
      let ordered = located.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
      throw DatasetError(file: file, problems: ordered)
    }
    self = dataset
  }

  /// Reads and validates a dataset file.
  /// - Throws: ``DatasetError`` for unreadable files and for every problem in the content.
  public init(contentsOf path: String) throws {
    // A file that cannot be JSON (binary data, a CSV table) is refused from its first bytes, not
    // read whole first: the parser's error at its first value is the same on the head alone.
    if let head = FileHandle(forReadingAtPath: path).flatMap({ h in defer { try? h.close() }; return try? h.read(upToCount: 4096) }),
      let first = Self.firstSignificantByte(head), !Self.canStartJSON(first)
    {
      try self.init(json: head, file: path)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      let why = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
      throw DatasetError(file: path, problems: [DatasetProblem(path: "", message: why)])
    }
    try self.init(json: data, file: path)
  }

  /// The first byte after a UTF-8 byte-order mark and white space, if any.
  static func firstSignificantByte(_ head: Data) -> UInt8? {
    var bytes = head[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
  }

  /// Whether a JSON value can start with `b`.
  static func canStartJSON(_ b: UInt8) -> Bool {
    Array("{[\"-0123456789tfn".utf8).contains(b)
  }

  /// The dataset as JSON text in the documented format. Output is deterministic, and
  /// `Dataset(json: d.jsonText().utf8) == d` for every valid dataset `d`.
  public func jsonText() -> String {
    JSONWriter.write(DatasetEncoder.encode(self))
  }
}

/// Turns a parsed JSON tree into a ``Dataset``, collecting type and shape problems by path.
struct DatasetDecoder {
  var problems: [DatasetProblem] = []
  /// The document being decoded: problem paths are resolved to offsets in it only when a
  /// problem is reported, so a valid document pays for no path bookkeeping.
  private var root = JSONNode(.null)

  /// Offset of the value at `path` ("observations[3].evidence[0].source"), or of its closest
  /// ancestor in the document. A member name that itself contains "." or "[" is matched whole
  /// (the longest name that fits); of repeated names, the last one is taken (where a "appears
  /// twice" problem points).
  func offset(of path: String) -> Int? {
    var node = root
    var rest = Substring(path)
    var atRoot = true
    while !rest.isEmpty {
      defer { atRoot = false }
      switch node.value {
      case .array(let items):
        guard rest.first == "[", let close = rest.firstIndex(of: "]"), let k = Int(rest[rest.index(after: rest.startIndex)..<close]),
          items.indices.contains(k)
        else { return node.offset }
        node = items[k]
        rest = rest[rest.index(after: close)...]
      case .object(let members):
        if !atRoot, rest.first == "." { rest = rest.dropFirst() }
        var best: (length: Int, node: JSONNode)?
        for (key, value) in members where rest.hasPrefix(key) && key.count >= (best?.length ?? 0) {
          let after = rest.dropFirst(key.count)
          if after.isEmpty || after.first == "." || after.first == "[" { best = (key.count, value) }
        }
        guard let best else { return node.offset }
        node = best.node
        rest = rest.dropFirst(best.length)
      default:
        return node.offset
      }
    }
    return node.offset
  }

  /// The path of member `key` of the object at `path`.
  private static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  private mutating func problem(_ path: String, _ message: String) {
    problems.append(DatasetProblem(path: path, message: message))
  }

  /// Reads an object's members, reporting unknown and duplicate names.
  private mutating func members(_ node: JSONNode, at path: String, allowed: [String]) -> Members? {
    guard case .object(let list) = node.value else {
      problem(path, "expected an object, found \(node.typeName)")
      return nil
    }
    var out = Members()
    for (key, value) in list {
      if !allowed.contains(key) {
        problem(Self.child(path, key), "unknown member \"\(key)\"\(Suggestion.hint(for: key, in: allowed))")
      } else if out[key] != nil {
        problem(Self.child(path, key), "member \"\(key)\" appears twice")
      } else {
        out.list.append((key, value))
      }
    }
    return out
  }

  /// An object's accepted members, looked up by name. Objects of the format have a handful of
  /// members, so a scan beats hashing each name.
  struct Members {
    var list: [(key: String, value: JSONNode)] = []
    subscript(key: String) -> JSONNode? {
      for member in list where member.key == key { return member.value }
      return nil
    }
  }

  private mutating func string(_ m: Members, _ key: String, at path: String, required: Bool = false) -> String? {
    guard let node = m[key] else {
      if required { problem(path, "missing required member \"\(key)\"") }
      return nil
    }
    guard case .string(let s) = node.value else {
      problem(Self.child(path, key), "expected a string, found \(node.typeName)")
      return nil
    }
    return s
  }

  private mutating func stringList(_ m: Members, _ key: String, at path: String) -> [String]? {
    let p = "\(path).\(key)"
    guard let node = m[key] else { return nil }
    guard case .array(let items) = node.value else {
      problem(p, "expected an array of strings, found \(node.typeName)")
      return nil
    }
    var out: [String] = []
    for (k, item) in items.enumerated() {
      if case .string(let s) = item.value { out.append(s) } else { problem("\(p)[\(k)]", "expected a string, found \(item.typeName)") }
    }
    return out
  }

  private mutating func enumValue<E: RawRepresentable & CaseIterable>(
    _ m: Members, _ key: String, at path: String, required: Bool = false
  ) -> E? where E.RawValue == String {
    guard let s = string(m, key, at: path, required: required) else { return nil }
    if let e = E(rawValue: s) { return e }
    let names = E.allCases.map(\.rawValue)
    problem("\(path).\(key)", "\"\(s)\" is not one of \(names.map { "\"\($0)\"" }.joined(separator: ", "))\(Suggestion.hint(for: s, in: names))")
    return nil
  }

  private mutating func date(_ m: Members, _ key: String, at path: String) -> PartialDate? {
    guard let s = string(m, key, at: path) else { return nil }
    if let d = PartialDate(s) { return d }
    problem("\(path).\(key)", "\"\(s)\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD, or no such day exists")
    return nil
  }

  private mutating func array(_ m: Members, _ key: String, at path: String) -> [JSONNode] {
    guard let node = m[key] else { return [] }
    guard case .array(let items) = node.value else {
      problem(Self.child(path, key), "expected an array, found \(node.typeName)")
      return []
    }
    return items
  }

  mutating func dataset(_ root: JSONNode) -> Dataset {
    self.root = root
    let top = ["format", "version", "title", "description", "weightUnit", "import", "sources", "kinds", "actors", "blocs", "observations"]
    guard let m = members(root, at: "", allowed: top) else { return Dataset() }
    if let f = string(m, "format", at: "", required: true), f != Dataset.formatName {
      problem("format", "expected \"\(Dataset.formatName)\", found \"\(f)\"")
    }
    if let v = m["version"] {
      if case .number(let n) = v.value, n == Double(Dataset.formatVersion) {
      } else {
        problem("version", "this library reads version \(Dataset.formatVersion) of the format")
      }
    } else {
      problem("", "missing required member \"version\"")
    }
    var d = Dataset(title: string(m, "title", at: ""), description: string(m, "description", at: ""))
    d.weightUnit = string(m, "weightUnit", at: "")
    if let node = m["import"] { d.provenance = provenance(node, at: "import") }
    (d.sources, origins.sources) = list(m, "sources") { $0.source($1, at: $2) }
    (d.kinds, origins.kinds) = list(m, "kinds") { $0.kind($1, at: $2) }
    (d.actors, origins.actors) = list(m, "actors") { $0.actor($1, at: $2) }
    (d.blocs, origins.blocs) = list(m, "blocs") { $0.bloc($1, at: $2) }
    (d.observations, origins.observations) = list(m, "observations") { $0.observation($1, at: $2) }
    return d
  }

  /// Where the decoded entries came from in the document (entries with shape problems are skipped).
  var origins = Dataset.Origins()

  private mutating func list<T>(
    _ m: Members, _ key: String, _ decode: (inout DatasetDecoder, JSONNode, String) -> T?
  ) -> ([T], [Int]) {
    var items: [T] = []
    var from: [Int] = []
    for (k, node) in array(m, key, at: "").enumerated() {
      if let item = decode(&self, node, "\(key)[\(k)]") {
        items.append(item)
        from.append(k)
      }
    }
    return (items, from)
  }

  private mutating func provenance(_ node: JSONNode, at path: String) -> ImportProvenance? {
    let allowed = ["importer", "version", "options", "sources", "files", "filesFingerprint"]
    guard let m = members(node, at: path, allowed: allowed) else { return nil }
    let importer = string(m, "importer", at: path, required: true)
    let options = string(m, "options", at: path, required: true)
    let sources = stringList(m, "sources", at: path)
    if sources == nil { problem(path, "missing required member \"sources\"") }
    func whole(_ key: String) -> Int? {
      guard let n = m[key] else { return nil }
      if case .number(let x) = n.value, x == x.rounded(), x >= 0, x < 1e15 { return Int(x) }
      problem("\(path).\(key)", "expected a whole number of 0 or more, found \(n.typeName)")
      return nil
    }
    let version = whole("version")
    if m["version"] == nil { problem(path, "missing required member \"version\"") }
    if let version, version > ImportProvenance.currentVersion {
      problem("\(path).version", "this library reads import records up to version \(ImportProvenance.currentVersion)")
    }
    guard let importer, let options, let sources, version != nil else { return nil }
    var p = ImportProvenance(
      importer: importer, options: options, sources: sources, files: whole("files"), filesFingerprint: string(m, "filesFingerprint", at: path))
    p.version = version!
    return p
  }

  private mutating func source(_ node: JSONNode, at path: String) -> Source? {
    guard let m = members(node, at: path, allowed: ["id", "title", "publisher", "date", "url"]) else { return nil }
    let id = string(m, "id", at: path, required: true)
    let title = string(m, "title", at: path, required: true)
    let s = Source(
      id: id ?? "", title: title ?? "", publisher: string(m, "publisher", at: path), date: date(m, "date", at: path),
      url: string(m, "url", at: path))
    return id == nil || title == nil ? nil : s
  }

  private mutating func kind(_ node: JSONNode, at path: String) -> Kind? {
    let allowed = ["id", "label", "polarity", "materiality", "directed", "color", "exchangeable"]
    guard let m = members(node, at: path, allowed: allowed) else { return nil }
    let id = string(m, "id", at: path, required: true)
    let polarity: Polarity? = enumValue(m, "polarity", at: path, required: true)
    let materiality: Materiality? = enumValue(m, "materiality", at: path, required: true)
    var directed: Bool?
    if let node = m["directed"] {
      if case .bool(let b) = node.value { directed = b } else { problem("\(path).directed", "expected true or false, found \(node.typeName)") }
    } else {
      problem(path, "missing required member \"directed\"")
    }
    var exchangeable: Bool?
    if let node = m["exchangeable"] {
      if case .bool(let b) = node.value { exchangeable = b } else { problem("\(path).exchangeable", "expected true or false, found \(node.typeName)") }
    }
    guard let id, let polarity, let materiality, let directed else { return nil }
    return Kind(
      id: id, label: string(m, "label", at: path), polarity: polarity, materiality: materiality, directed: directed,
      color: string(m, "color", at: path), exchangeable: exchangeable)
  }

  private mutating func actor(_ node: JSONNode, at path: String) -> CoalitionActor? {
    if case .string(let id) = node.value {  // shorthand: "RUS"
      return CoalitionActor(id: id)
    }
    guard let m = members(node, at: path, allowed: ["id", "name", "type", "affiliation", "note"]) else { return nil }
    guard let id = string(m, "id", at: path, required: true) else { return nil }
    let type: ActorType = enumValue(m, "type", at: path) ?? .state
    return CoalitionActor(id: id, name: string(m, "name", at: path), type: type, affiliation: string(m, "affiliation", at: path), note: string(m, "note", at: path))
  }

  private mutating func bloc(_ node: JSONNode, at path: String) -> Bloc? {
    guard let m = members(node, at: path, allowed: ["id", "name", "members", "color", "basis", "note"]) else { return nil }
    let id = string(m, "id", at: path, required: true)
    if m["members"] == nil { problem(path, "missing required member \"members\"") }
    let list = stringList(m, "members", at: path)
    guard let id, let list else { return nil }
    return Bloc(
      id: id, name: string(m, "name", at: path), members: list, color: string(m, "color", at: path),
      basis: enumValue(m, "basis", at: path), note: string(m, "note", at: path))
  }

  private mutating func evidence(_ node: JSONNode, at path: String) -> Evidence? {
    guard let m = members(node, at: path, allowed: ["source", "note", "via", "url"]) else { return nil }
    guard let source = string(m, "source", at: path, required: true) else { return nil }
    return Evidence(source: source, note: string(m, "note", at: path), via: stringList(m, "via", at: path) ?? [], url: string(m, "url", at: path))
  }

  private mutating func observation(_ node: JSONNode, at path: String) -> TieObservation? {
    let allowed = [
      "id", "source", "target", "kind", "date", "from", "to", "asOf", "recorded", "confidence", "basis", "weight", "detail",
      "evidence",
    ]
    guard let m = members(node, at: path, allowed: allowed) else { return nil }
    let before = problems.count
    let id = string(m, "id", at: path)
    let source = string(m, "source", at: path, required: true)
    let target = string(m, "target", at: path, required: true)
    let kind = string(m, "kind", at: path, required: true)

    var time: ObservationTime?
    let (on, from, to, asOf) = (date(m, "date", at: path), date(m, "from", at: path), date(m, "to", at: path), date(m, "asOf", at: path))
    let given = ["date", "from", "to", "asOf"].filter { m[$0] != nil }
    if given.isEmpty {
      problem(path, "missing a time: give \"date\", a range \"from\"/\"to\", or \"asOf\" for something ongoing")
    } else if m["date"] != nil, given.count > 1 {
      problem("\(path).date", "\"date\" cannot be combined with \(given.filter { $0 != "date" }.map { "\"\($0)\"" }.joined(separator: " or "))")
    } else if m["asOf"] != nil, m["to"] != nil {
      problem("\(path).to", "\"asOf\" marks something still under way; it cannot have an end \"to\"")
    } else if let on {
      time = .on(on)
    } else if let asOf {
      time = m["from"] == nil || from != nil ? .ongoing(asOf: asOf, since: from) : nil
    } else if m["asOf"] == nil, from != nil || to != nil {
      time = (m["from"] != nil && from == nil) || (m["to"] != nil && to == nil) ? nil : .between(from: from, to: to)
    }

    let confidence: Confidence? = m["confidence"] == nil ? .reported : enumValue(m, "confidence", at: path)
    let basis: Basis? = enumValue(m, "basis", at: path)
    var weight = 1.0
    if let w = m["weight"] {
      if case .number(let x) = w.value { weight = x } else { problem("\(path).weight", "expected a number, found \(w.typeName)") }
    }
    var evidence: [Evidence] = []
    for (k, e) in array(m, "evidence", at: path).enumerated() {
      if let e = self.evidence(e, at: "\(path).evidence[\(k)]") { evidence.append(e) }
    }
    let detail = string(m, "detail", at: path)
    let recorded = date(m, "recorded", at: path)
    guard let source, let target, let kind else { return nil }
    // An observation with a shape problem (a bad date, say) is still kept, with neutral stand-ins
    // for what could not be read, so that validation reports its other problems (an unknown
    // actor, a missing source) in the same run. The document has problems, so the dataset is
    // never returned to the caller.
    let complete = problems.count == before && time != nil && confidence != nil
    return TieObservation(
      id: id, source: source, target: target, kind: kind, time: complete ? time! : .on(PartialDate(year: 2000)!),
      confidence: confidence ?? .reported, basis: basis, weight: weight, detail: detail, evidence: evidence, recorded: recorded)
  }
}

/// Builds the canonical JSON tree of a dataset. Members appear in a fixed order; optional
/// members are left out when absent, and state names equal to the ISO table's are not repeated.
enum DatasetEncoder {
  typealias Members = [(key: String, value: JSONNode)]

  static func encode(_ d: Dataset) -> JSONNode {
    var top: Members = [("format", str(Dataset.formatName)), ("version", JSONNode(.number(Double(Dataset.formatVersion))))]
    put(&top, "title", d.title)
    put(&top, "description", d.description)
    put(&top, "weightUnit", d.weightUnit)
    if let p = d.provenance {
      var m: Members = [("importer", str(p.importer)), ("version", JSONNode(.number(Double(p.version)))), ("options", str(p.options))]
      m.append(("sources", list(p.sources.map(str))))
      if let files = p.files { m.append(("files", JSONNode(.number(Double(files))))) }
      put(&m, "filesFingerprint", p.filesFingerprint)
      top.append(("import", JSONNode(.object(m))))
    }
    top.append(("sources", list(d.sources.map(source))))
    top.append(("kinds", list(d.kinds.map(kind))))
    top.append(("actors", list(d.actors.map(actor))))
    top.append(("blocs", list(d.blocs.map(bloc))))
    top.append(("observations", list(d.observations.map(observation))))
    return JSONNode(.object(top))
  }

  static func str(_ s: String) -> JSONNode { JSONNode(.string(s)) }
  static func list(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items)) }
  static func put(_ m: inout Members, _ key: String, _ s: String?) { if let s { m.append((key, str(s))) } }

  static func source(_ s: Source) -> JSONNode {
    var m: Members = [("id", str(s.id)), ("title", str(s.title))]
    put(&m, "publisher", s.publisher)
    put(&m, "date", s.date?.description)
    put(&m, "url", s.url)
    return JSONNode(.object(m))
  }

  static func kind(_ k: Kind) -> JSONNode {
    var m: Members = [("id", str(k.id)), ("label", str(k.label)), ("polarity", str(k.polarity.rawValue))]
    m.append(("materiality", str(k.materiality.rawValue)))
    m.append(("directed", JSONNode(.bool(k.directed))))
    put(&m, "color", k.color)
    if k.declaresExchangeable { m.append(("exchangeable", JSONNode(.bool(k.exchangeable)))) }
    return JSONNode(.object(m))
  }

  static func actor(_ a: CoalitionActor) -> JSONNode {
    var m: Members = [("id", str(a.id))]
    if !a.hasDefaultName { m.append(("name", str(a.name))) }
    if a.type != .state { m.append(("type", str(a.type.rawValue))) }
    put(&m, "affiliation", a.affiliation)
    put(&m, "note", a.note)
    return JSONNode(.object(m))
  }

  static func bloc(_ b: Bloc) -> JSONNode {
    var m: Members = [("id", str(b.id)), ("name", str(b.name)), ("members", list(b.members.map(str)))]
    put(&m, "color", b.color)
    put(&m, "basis", b.basis?.rawValue)
    put(&m, "note", b.note)
    return JSONNode(.object(m))
  }

  static func observation(_ o: TieObservation) -> JSONNode {
    var m: Members = []
    put(&m, "id", o.id)
    m += [("source", str(o.source)), ("target", str(o.target)), ("kind", str(o.kind))]
    switch o.time {
    case .on(let d): m.append(("date", str(d.description)))
    case .between(let from, let to):
      put(&m, "from", from?.description)
      put(&m, "to", to?.description)
    case .ongoing(let asOf, let since):
      put(&m, "from", since?.description)
      m.append(("asOf", str(asOf.description)))
    }
    put(&m, "recorded", o.recorded?.description)
    m.append(("confidence", str(o.confidence.rawValue)))
    put(&m, "basis", o.basis?.rawValue)
    if o.weight != 1 { m.append(("weight", JSONNode(.number(o.weight)))) }
    put(&m, "detail", o.detail)
    if !o.evidence.isEmpty { m.append(("evidence", list(o.evidence.map(evidence)))) }
    return JSONNode(.object(m))
  }

  static func evidence(_ e: Evidence) -> JSONNode {
    var m: Members = [("source", str(e.source))]
    put(&m, "note", e.note)
    if !e.via.isEmpty { m.append(("via", list(e.via.map(str)))) }
    put(&m, "url", e.url)
    return JSONNode(.object(m))
  }
}
