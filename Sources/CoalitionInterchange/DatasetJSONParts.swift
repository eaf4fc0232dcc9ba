import CoalitionGraph

/// The kinds, sources and blocs of a dataset as compact JSON strings, carried as graph attributes
/// so that GraphML, GEXF and node-link files written by CoalitionGraph load back whole.
enum DatasetJSONParts {
  struct Problem: Error {
    let message: String
  }

  private static func object(_ pairs: [(String, String?)]) -> JSONNode {
    JSONNode(.object(pairs.compactMap { k, v in v.map { (key: k, value: JSONNode(.string($0))) } }))
  }

  static func kinds(_ kinds: [Kind]) -> String {
    JSONWriter.compact(
      JSONNode(
        .array(
          kinds.map { k in
            var node = object([("id", k.id), ("label", k.label), ("polarity", k.polarity.rawValue), ("materiality", k.materiality.rawValue), ("color", k.color)])
            if case .object(var m) = node.value {
              m.append((key: "directed", value: JSONNode(.bool(k.directed))))
              if k.declaresExchangeable { m.append((key: "exchangeable", value: JSONNode(.bool(k.exchangeable)))) }
              node = JSONNode(.object(m))
            }
            return node
          })))
  }

  static func sources(_ sources: [Source]) -> String {
    JSONWriter.compact(
      JSONNode(.array(sources.map { object([("id", $0.id), ("title", $0.title), ("publisher", $0.publisher), ("date", $0.date?.description), ("url", $0.url)]) })))
  }

  static func blocs(_ blocs: [Bloc]) -> String {
    JSONWriter.compact(
      JSONNode(
        .array(
          blocs.map { b in
            guard case .object(var m) = object([("id", b.id), ("name", b.name), ("color", b.color), ("basis", b.basis?.rawValue), ("note", b.note)]).value
            else { return JSONNode(.null) }
            m.append((key: "members", value: JSONNode(.array(b.members.map { JSONNode(.string($0)) }))))
            return JSONNode(.object(m))
          })))
  }

  /// The members of each object in a JSON array, strings and booleans only.
  private static func objects(_ text: String) throws(Problem) -> [[String: JSONNode.Value]] {
    guard let node = try? JSONParser.parse(Array(text.utf8)), case .array(let items) = node.value else {
      throw Problem(message: "expected a JSON array")
    }
    var out: [[String: JSONNode.Value]] = []
    for item in items {
      guard case .object(let members) = item.value else { throw Problem(message: "expected JSON objects") }
      out.append(Dictionary(members.map { ($0.key, $0.value.value) }, uniquingKeysWith: { a, _ in a }))
    }
    return out
  }

  private static func string(_ m: [String: JSONNode.Value], _ key: String) -> String? {
    if case .string(let s)? = m[key] { return s }
    return nil
  }

  private static func required(_ m: [String: JSONNode.Value], _ key: String) throws(Problem) -> String {
    guard let s = string(m, key) else { throw Problem(message: "missing \"\(key)\"") }
    return s
  }

  static func parseKinds(_ text: String) throws(Problem) -> [Kind] {
    var out: [Kind] = []
    for m in try objects(text) {
      guard let polarity = Polarity(rawValue: try required(m, "polarity")),
        let materiality = Materiality(rawValue: try required(m, "materiality"))
      else { throw Problem(message: "bad polarity or materiality") }
      var directed = false
      if case .bool(let b)? = m["directed"] { directed = b }
      var exchangeable: Bool?
      if case .bool(let b)? = m["exchangeable"] { exchangeable = b }
      out.append(
        Kind(
          id: try required(m, "id"), label: string(m, "label"), polarity: polarity, materiality: materiality,
          directed: directed, color: string(m, "color"), exchangeable: exchangeable))
    }
    return out
  }

  static func parseSources(_ text: String) throws(Problem) -> [Source] {
    var out: [Source] = []
    for m in try objects(text) {
      out.append(
        Source(
          id: try required(m, "id"), title: try required(m, "title"), publisher: string(m, "publisher"),
          date: string(m, "date").flatMap { PartialDate($0) }, url: string(m, "url")))
    }
    return out
  }

  static func parseBlocs(_ text: String) throws(Problem) -> [Bloc] {
    var out: [Bloc] = []
    for m in try objects(text) {
      var members: [String] = []
      if case .array(let xs)? = m["members"] {
        for x in xs { if case .string(let s) = x.value { members.append(s) } }
      }
      out.append(
        Bloc(
          id: try required(m, "id"), name: string(m, "name"), members: members, color: string(m, "color"),
          basis: string(m, "basis").flatMap(Basis.init), note: string(m, "note")))
    }
    return out
  }
}
