import Foundation

/// A string that DOT cannot express as an identifier.
public struct DOTError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text that is not a DOT identifier.
  public var identifier: String
  public var description: String {
    "cannot write \(String(reflecting: identifier)) as a DOT identifier: a backslash before a quote, a line break or the end needs HTML-string form, which requires balanced '<' and '>'"
  }
}

/// Writes ``DOTGraph`` documents as DOT text: the single source of DOT for export and rendering.
///
/// Output is deterministic (statements in the order given, numbers in a fixed format). Every
/// identifier and text is quoted so that Graphviz's parser reads back exactly the string given;
/// the test suite proves it by round-tripping hostile strings through `agmemread`.
///
/// Two exceptions, for Graphviz's sake, both found by the FuzzRender fuzzer (Graphviz 2.42), apply
/// to the names of graphs, subgraphs and nodes (``objectName(_:)``); both are undone by
/// ``objectName(reported:)`` and keep distinct names distinct:
/// - cgraph keeps names that begin with `%` for its anonymous objects, and a graph so named
///   crashes `neato` in process (an invalid free in `agclose`). A name that begins with `%` after
///   any underscores gets one more leading underscore: "%x" is written "_%x", "_%x" "__%x".
/// - Graphviz copies an `&` that starts something shaped like an entity (`&name;`, `&#12;`,
///   `&#x1F;`, even `&;`) into SVG titles as it is, which leaves an undefined entity or broken XML
///   ("A&b;" as a node title). Such an `&` is written `&amp;`, which Graphviz shows as `&`.
public enum DOTWriter {
  /// The DOT text of a graph.
  /// - Throws: ``DOTError`` for an identifier DOT cannot express (see ``identifier(_:)``).
  public static func write(_ graph: DOTGraph) throws -> String {
    var out = ""
    if graph.strict { out += "strict " }
    out += graph.directed ? "digraph " : "graph "
    out += try objectName(graph.name) + " {\n"
    try attributeStatement("graph", graph.attributes, indent: "  ", into: &out)
    try attributeStatement("node", graph.nodeDefaults, indent: "  ", into: &out)
    try attributeStatement("edge", graph.edgeDefaults, indent: "  ", into: &out)
    for s in graph.subgraphs { try subgraph(s, indent: "  ", into: &out) }
    for n in graph.nodes { try node(n, indent: "  ", into: &out) }
    let op = graph.directed ? " -> " : " -- "
    for e in graph.edges {
      out += "  " + (try objectName(e.tail)) + op + (try objectName(e.head))
      try attributeList(e.attributes, into: &out)
      out += ";\n"
    }
    out += "}\n"
    return out
  }

  /// DOT keywords, which must be quoted to be used as identifiers (compared case-insensitively).
  static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

  /// An identifier as DOT text: bare when it is a plain name, double-quoted otherwise, and in
  /// HTML-string form (`<…>`) in the rare case a quoted string cannot carry it (a backslash before a
  /// double quote, before a line break, or at the end).
  /// - Throws: ``DOTError`` when neither quoted nor HTML form can express the string.
  public static func identifier(_ s: String) throws -> String {
    if isPlainName(s) { return s }
    if let q = quoted(s) { return q }
    if hasBalancedAngles(s) { return "<" + s + ">" }
    throw DOTError(identifier: s)
  }

  /// The name of a graph, subgraph or node as DOT text: ``identifier(_:)`` of the name, with an
  /// entity-shaped `&` written `&amp;`, and one more leading underscore when the name begins with
  /// `%` after any underscores (see ``DOTWriter``).
  /// - Throws: ``DOTError`` as ``identifier(_:)``.
  public static func objectName(_ s: String) throws -> String {
    var name = ""
    var rest = Substring(s)
    while let amp = rest.firstIndex(of: "&") {
      name += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      name += entityLike(after) ? "&amp;" : "&"
      rest = after
    }
    name += rest
    return try identifier(name.drop { $0 == "_" }.hasPrefix("%") ? "_" + name : name)
  }

  /// The name ``objectName(_:)`` was given, from the name Graphviz reports: one leading underscore
  /// less where one was added, and `&amp;` back to `&` where it stood for an entity-shaped `&`.
  public static func objectName(reported s: String) -> String {
    var rest = Substring(s.hasPrefix("_") && s.drop { $0 == "_" }.hasPrefix("%") ? String(s.dropFirst()) : s)
    var name = ""
    while let amp = rest.firstIndex(of: "&") {
      name += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      if after.hasPrefix("amp;"), entityLike(after.dropFirst(4)) {
        name += "&"
        rest = after.dropFirst(4)
      } else {
        name += "&"
        rest = after
      }
    }
    return name + rest
  }

  /// Whether the text after an `&` is what Graphviz takes for an entity and copies into SVG as it
  /// is: `#` and digits, `#x` and hex digits, or letters, then `;` (any of them possibly empty).
  static func entityLike(_ s: Substring) -> Bool {
    var rest = s.utf8[...]
    func skip(_ accept: (UInt8) -> Bool) { while let b = rest.first, accept(b) { rest = rest.dropFirst() } }
    if rest.first == UInt8(ascii: "#") {
      rest = rest.dropFirst()
      if rest.first == UInt8(ascii: "x") || rest.first == UInt8(ascii: "X") {
        rest = rest.dropFirst()
        skip { (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }
      } else {
        skip { (48...57).contains($0) }
      }
    } else {
      skip { (65...90).contains($0) || (97...122).contains($0) }
    }
    return rest.first == UInt8(ascii: ";")
  }

  /// `[A-Za-z_\x80-\xff][A-Za-z_0-9\x80-\xff]*` and not a keyword.
  static func isPlainName(_ s: String) -> Bool {
    guard let first = s.utf8.first, !keywords.contains(s.lowercased()) else { return false }
    func letter(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) || b == 95 || b >= 0x80 }
    return letter(first) && s.utf8.allSatisfy { letter($0) || (48...57).contains($0) }
  }

  /// The double-quoted form, or `nil` when a backslash would swallow a quote or a line break.
  /// In DOT strings only `\"` is an escape, `\\` stays two characters, and backslash-newline joins lines.
  static func quoted(_ s: String) -> String? {
    var out = "\""
    var previousWasBackslash = false
    for u in s.unicodeScalars {
      if previousWasBackslash && (u == "\"" || u == "\n" || u == "\r") { return nil }
      if u == "\"" { out += "\\\"" } else { out.unicodeScalars.append(u) }
      previousWasBackslash = u == "\\" ? !previousWasBackslash : false
    }
    if previousWasBackslash { return nil }
    return out + "\""
  }

  static func hasBalancedAngles(_ s: String) -> Bool {
    var depth = 0
    for u in s.utf8 {
      if u == UInt8(ascii: "<") { depth += 1 }
      if u == UInt8(ascii: ">") {
        depth -= 1
        if depth < 0 { return false }
      }
    }
    return depth == 0
  }

  /// Text for an escString attribute (label, tooltip, URL …) that Graphviz displays exactly as given:
  /// each backslash doubled, quotes escaped, line breaks as `\n` (centred lines), and `&` written as
  /// `&amp;`, because Graphviz decodes character entities such as `&amp;` or `&#45;` in labels.
  public static func text(_ s: String) -> String {
    var out = "\""
    var lastWasCR = false
    for u in s.unicodeScalars {
      switch u {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "&": out += "&amp;"
      case "\r": out += "\\n"
      case "\n": if !lastWasCR { out += "\\n" }
      default: out.unicodeScalars.append(u)
      }
      lastWasCR = u == "\r"
    }
    return out + "\""
  }

  static func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var s = String(format4: x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  static func value(_ v: DOTValue) throws -> String {
    switch v {
    case .id(let s): return try identifier(s)
    case .text(let s): return text(s)
    case .html(let h): return "<" + h.markup + ">"
    case .number(let x): return number(x)
    case .bool(let b): return b ? "true" : "false"
    }
  }

  static func attributeList(_ attributes: [DOTAttribute], into out: inout String) throws {
    guard !attributes.isEmpty else { return }
    out += " ["
    for (k, a) in attributes.enumerated() {
      if k > 0 { out += ", " }
      out += try identifier(a.name) + "=" + value(a.value)
    }
    out += "]"
  }

  static func attributeStatement(_ keyword: String, _ attributes: [DOTAttribute], indent: String, into out: inout String) throws {
    guard !attributes.isEmpty else { return }
    out += indent + keyword
    try attributeList(attributes, into: &out)
    out += ";\n"
  }

  static func node(_ n: DOTNode, indent: String, into out: inout String) throws {
    out += indent + (try objectName(n.name))
    try attributeList(n.attributes, into: &out)
    out += ";\n"
  }

  static func subgraph(_ s: DOTSubgraph, indent: String, into out: inout String) throws {
    out += indent + "subgraph " + (try objectName(s.name)) + " {\n"
    let inner = indent + "  "
    for a in s.attributes { out += inner + (try identifier(a.name)) + "=" + (try value(a.value)) + ";\n" }
    for sub in s.subgraphs { try subgraph(sub, indent: inner, into: &out) }
    for n in s.nodes { try node(n, indent: inner, into: &out) }
    out += indent + "}\n"
  }
}

extension String {
  /// Fixed four-decimal rendering without Foundation: enough for coordinates, sizes and pen widths.
  init(format4 x: Double) {
    let negative = x < 0
    let scaled = (abs(x) * 10_000).rounded()
    let whole = Int64(scaled / 10_000)
    let frac = Int64(scaled) - whole * 10_000
    var f = String(frac)
    while f.count < 4 { f = "0" + f }
    self = (negative && scaled != 0 ? "-" : "") + String(whole) + "." + f
  }
}

extension DOTError: LocalizedError {
  /// The same text as `description` (and as the command-line tool prints), so that apps show it
  /// instead of "The operation could not be completed".
  public var errorDescription: String? { description }
}
